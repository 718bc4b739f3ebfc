"""es-ES, chunk 2 (hand-written)."""
import sys; from pathlib import Path; sys.path.insert(0, str(Path(__file__).resolve().parent))
from es_en_common import parse_block
MSGS = parse_block(r"""
es-ES|x|@CMValleTuria porfa revisad la cita de pediatria de mi hijo [[nm|Pau]], SIP [[mr|03917264]], que me sale anulada y no he sido yo
es-ES|google|Soy extranjera y para la tarjeta sanitaria me pidieron el NIE ([[id|X4597714Z]]), el pasaporte [[pp|YB4821937]] y el empadronamiento. Tres viajes al centro de salud. Ahora ya la tengo, pero qué odisea.
es-ES|facebook|Hola, soy [[nm|Amina El Idrissi]] y vivo en [[ad|C/ Doctor Fleming 8, bajo B, 30800 Lorca]]. Me han rechazado el reembolso de la ambulancia porque dicen que el número de cuenta está mal. Es este: [[ba|2095 5828 69 5161805790]]. ¡Está bien! Lo he comprobado en el banco.
es-ES|x|QUE ALGUIEN ME EXPLIQUE POR QUE TENGO QUE ESPERAR 9 MESES PARA UNA RESONANCIA @sanidadgob @HospMeseta
es-ES|instagram|Mi abuela [[nm|Pilar]] cumple hoy 100 años 🎂 Nacida el [[dob|4 de diciembre de 1926]] en Villanueva de la Serena. Gracias a la residencia y a su centro de salud por cuidarla tan bien 💐 #[[nm|Pilar]]100
es-ES|google|El centro de salud de mi barrio cierra a las 15:00 en verano y te mandan a urgencias del hospital, a 25 km. La consulta 7 lleva sin médico desde septiembre.
es-ES|facebook|Pregunta: ¿alguien sabe si el seguro privado cubre la fisioterapia después de una prótesis de rodilla? A mi padre le operaron el día 14 y solo le han dado 10 sesiones.
es-ES|x|a mi madre [[nm|Encarnacion Moya]] le han perdido la historia clinica [[mr|0583114]] en el traslado de hospital. 3 meses de pruebas a la basura @HospSierraNorte
es-ES|facebook|Para la trabajadora social del hospital, que me lo pidió por aquí: mi número de la seguridad social es el [[ss|477009977331]] y el DNI [[id|66922983K]]. Mándeme el formulario a [[em|fran_luque@outlook.es]]. Un saludo, [[nm|Fran Luque]]
es-ES|google|Pésima experiencia en la clínica dental. Me cobraron 1.200€ por un implante que se cayó a los 3 meses. Pagué con la tarjeta [[cd|5411-8242-2479-5455]] y ahora no me devuelven nada.
es-ES|x|Llevo 40 minutos al telefono con cita previa (902 50 50 60) y nada. Luego dicen que vayas al 112. Dame paciencia señor
es-ES|facebook|Mi marido [[nm|Iñaki Zubizarreta]] es diabético tipo 1 y se ha quedado sin insulina en el viaje. Estamos en Benidorm. Su número de TIS de Osakidetza es [[mr|8839170245]]. ¿Le pueden atender en el centro de salud de aquí sin cita? Mi móvil: [[ph|0034 677 12 40 93]]
es-ES|instagram|Gracias al equipo de oncología pediátrica por cada abrazo a [[nm|Martina]] durante estos 2 años. Hoy toca la campana 🔔 ¡Fin del tratamiento! Seguid su historia en [[url|tiktok.com/@martinavencera]] 💪
es-ES|google|Buen hospital pero la comida... puré frío 3 días seguidos. Habitación 208, por si alguien de cocina lee esto.
es-ES|x|@CGuadalquivir llamen a mi hija [[nm|Rocío]] al [[ph|655 02 38 91]], que es la que se encarga de mi madre, yo estoy trabajando en Alemania
es-ES|facebook|Escribo esto con mucha rabia. El 2 de octubre llevé a mi padre, [[nm|Ramón Castaño Iglesias]], nacido el [[dob|17/08/1943]], a urgencias por un dolor en el pecho. Le mandaron a casa con un paracetamol. A las 6 horas estaba en la UCI con un infarto. Puse una reclamación (nº 44871) y no contestan. Si alguien del hospital lee esto, mi teléfono es el [[ph|676 514 209]].
es-ES|x|tengo cita para el 15/01 a las 9:40 en la consulta 22 y me acaban de llamar para pasarla a junio. JUNIO. @CMRibera
es-ES|google|Me atendió el Dr. Benítez en traumatología y fue un encanto. Lo peor, la espera: 1h 20min. 4 estrellas.
es-ES|facebook|Vendo silla de ruedas plegable casi nueva, la usó mi madre 2 meses. 150€. Recogida en [[ad|Calle Real 56, 3º, 15402 Ferrol]]. Llamad al [[ph|981 35 72 60]] y preguntad por [[nm|Lourdes]].
es-ES|x|Me piden el pasaporte para la cita de vacunas del viaje. Es [[pp|PAE314628]], lo pongo aquí porque el formulario de la web no funciona @sanidadmadrid
es-ES|instagram|🌸 [[nm|Elena]] y [[nm|Bruno]] ya están en casa 🌸 Gemelos, nacidos el [[dob|30-10-2026]]. Gracias a la neonatal y a las matronas, sois las mejores. Mamá: [[h|@clara.mendizabal]]
es-ES|google|La fisio me cambió la cita 4 veces. La última vez me llamó desde un número oculto a las 21:30. Resumen: 2 estrellas, por la amabilidad.
es-ES|facebook|Necesito ayuda: ¿cómo se pide el historial completo? Tengo el NHC [[mr|7731065]] y el CIP [[mr|MRGL 6105 1203 19]] de mi madre, [[nm|Gloria Martínez Llorente]]. Vive conmigo en [[ad|Paseo de la Castellana 201, 8ºA, 28046 Madrid]].
es-ES|x|@HospCostaNorte soy la hija de [[nm|Tomás Lerma]], cambiad el telefono de contacto de su ficha al [[ph|618307442]] porfa, el otro ya no existe
es-ES|google|Fui a por el certificado médico del carnet de conducir y me cobraron 45€. En la web ponía 35€. Al preguntar me dijeron que subió en enero. Ya.
es-ES|facebook|Hola!! Busco a la chica que estaba en la habitación 506 con mi madre en agosto, se llamaba [[nm|Yolanda]] y era de Ourense. Mi madre quiere darle las gracias. Si la conocéis que me escriba a [[em|mjose.prieto@gmail.com]] 💕
es-ES|x|Otra vez la máquina de turnos no lee mi DNI. [[id|68.005.163-M]] ni con puntos ni sin puntos. @HospMeseta arreglad el dispensador
es-ES|facebook|CUENTA PARA AYUDAR A [[nm|DANI]]: [[ba|ES15 0049 7836 1052 6128 3869]] (a nombre de su madre, [[nm|Sonia Rey Domínguez]]). Necesita una silla adaptada que cuesta 6.000€. COMPARTID POR FAVOR!!
es-ES|instagram|Gracias @ClinicaMarBCN por la operación de rodilla 🦵 en 3 semanas ya camino sin muletas. Mil gracias al Dr. Serra y a su equipo 🙌
es-ES|google|Les dejo mi número por si quieren explicarme por qué tardaron 5 horas en ver a mi hijo: [[ph|722 31 60 98]]. Me llamo [[nm|Agustín Pereda]].
""")
