"""es-ES, chunk 3 (hand-written)."""
import sys; from pathlib import Path; sys.path.insert(0, str(Path(__file__).resolve().parent))
from es_en_common import parse_block
MSGS = parse_block(r"""
es-ES|x|#llamadme[[ph|644817305]] que nadie me coge el telefono en el centro de salud @CMValleTuria
es-ES|facebook|Buenas tardes. Soy [[nm|Mercedes Ballesteros]], con DNI [[id|64063709S]] y NUSS [[ss|01/95510234/41]]. He cambiado de domicilio y no sé cómo cambiar el centro de salud asignado. Ahora vivo en [[ad|Plaza de España 3, 5ºD, 50001 Zaragoza]]. Gracias.
es-ES|google|Cita a las 10:00, me atienden a las 12:15. La sala de espera sin aire acondicionado a 31 grados. Eso sí, la doctora Aranda muy maja.
es-ES|instagram|Un año de [[nm|Leo]] 💛 nació el [[dob|4/12/2025]] y hoy ya anda solito. Gracias otra vez a todas las matronas de paritorio. Papás: [[h|@sergio_y_nuria]]
es-ES|x|@HospInsularAtl el número de pasaporte de mi madre es [[pp|XDA509271]], lo pusisteis mal en el informe y ahora no la dejan volar a Caracas
es-ES|facebook|Ayer en urgencias un señor se dejó una carpeta con papeles médicos en la silla 12. Está a nombre de [[nm|Julián Cabrera Oliva]], nacido el [[dob|09-03-1958]]. La he dejado en el mostrador de información. Si sois familia, está ahí.
es-ES|google|Mi suegra estuvo en la habitación 221 y la trataron genial. Lo que no entiendo es por qué el parking cuesta 18€ al día.
es-ES|x|Me habéis cobrado 2 veces el copago. Tarjeta [[cd|4247950037951416]]. Devolvedme los 34,50€ @ClinicaMarBCN
es-ES|facebook|ATENCION!!! SE BUSCA A [[nm|MANUEL ROJAS PEREA]], SALIO DE LA RESIDENCIA ESTA MAÑANA. TIENE ALZHEIMER. LLEVA PIJAMA AZUL Y ZAPATILLAS. CUALQUIER INFORMACION LLAMAR A SU NIETA [[nm|CRISTINA]] [[ph|665 80 14 27]]
es-ES|x|q vergüenza @HospSierraNorte, 7 h en urgencias con un niño de 2 años con 40 de fiebre y sin pediatra de guardia
es-ES|google|Quería dejar mi agradecimiento a todo el personal de la 3ª planta. Mi padre [[nm|Ginés]] estuvo 3 semanas y le trataron como a un rey. Firmado: su hija, [[nm|Maribel Sánchez Carrión]].
es-ES|facebook|Hola, soy [[nm|Núria Coll Ferrer]]. Me han mandado la tarjeta sanitaria a la dirección vieja. La correcta es [[ad|Carrer del Rosselló 188, 3r 1a, 08008 Barcelona]]. El CIP es [[mr|COFE0850712003]] y el correo [[em|nuria.coll.f@gmail.com]]. Gràcies!
es-ES|x|DNI [[id|78617112-F]], NUSS [[ss|51 27487889 86]]. Para la chica de admisión que me escribió por DM, no tengo otra forma de mandarlo @HospCostaNorte
es-ES|instagram|A la enfermera del turno de noche del sábado: gracias por cogerme la mano. No sé cómo te llamas. Box 9, urgencias, 3:00 am. 💜
es-ES|google|Que alguien me llame por favor: [[ph|91 474 20 36]] (fijo) o [[ph|+34 690 17 23 55]]. Tengo los resultados de la biopsia desde hace 2 semanas en el portal y nadie me los explica. [[nm|Carmen]]
es-ES|facebook|Mi nombre es [[nm|Óscar Villanueva]] y me han denegado el reintegro de gastos del audífono. Les paso el IBAN otra vez: [[ba|ES08 0075 8022 1764 5379 7336]]. Y mi email, por si no les llega: [[em|oscar.villanueva.g@telefonica.net]]
es-ES|x|la cola del centro de salud da la vuelta a la manzana a las 7:55. Abren a las 8. Esto es de chiste #AtencionPrimaria
es-ES|google|Mi tarjeta [[cd|5525 6161 2702 7744]] fue rechazada en la máquina del parking 3 veces y el de seguridad me dijo que llamara a un 900. Salí a las 23h.
es-ES|facebook|Hoy [[nm|Asier]] cumple 18 años, y hace 18 años nos dijeron que no pasaría de la primera semana. Nació el [[dob|4 de diciembre de 2008]] en Basurto con 890 gramos. Gracias a todos los que nos ayudasteis ❤️ [[url|facebook.com/begona.arrieta.lasa]]
es-ES|x|@HospMeseta el nº de historia de mi mujer es [[mr|412887]] y vuestro sistema dice que no existe. Como que no existe si ha dado a luz ahi??
es-ES|google|Clínica privada de fisio. 50€ la sesión de 45 minutos. Muy profesionales. Parking gratis 1h.
es-ES|instagram|Después de 4 operaciones y mucho miedo, vuelvo a bailar 💃 Gracias al servicio de cirugía plástica. Si alguien está pasando por lo mismo, mi DM está abierto: [[h|@yesi.lopezruiz]]
es-ES|facebook|Se regalan pañales de adulto talla L, 6 paquetes sin abrir. Eran de mi padre, que falleció la semana pasada. Están en [[ad|C/ San Francisco 14, 1º, 41004 Sevilla]], preguntad por [[nm|Reme]] en el [[ph|954 21 88 36]].
es-ES|x|Llevo desde las 6:30 esperando la ambulancia del traslado a diálisis. Sesión a las 8:00. Son las 9:12. @CGuadalquivir
es-ES|google|Pedí copia de mi historia clínica y me la mandaron a mi antiguo correo, [[em|lolajimenez1979@yahoo.es]], que ya no uso. Que la reenvíen a [[em|dolores.jimenez.cano@gmail.com]] por favor.
es-ES|facebook|Hola, me llamo [[nm|Ibrahim Diallo]], mi NIE es [[id|Y1055488D]]. Tengo una cita de neumología y no entiendo la carta. ¿Alguien me puede ayudar? Mi teléfono [[ph|632 118 407]]
es-ES|x|@HospSierraNorte 3 meses esperando una colonoscopia con antecedentes familiares. Lista de espera: 184 días. En la privada, 230€.
es-ES|google|Atención correcta pero me hicieron firmar el consentimiento sin leer. Y en el papel ponía mal mi fecha de nacimiento, la correcta es [[dob|22/06/1990]]. Revisad lo que imprimís.
es-ES|facebook|Mi hija [[nm|Claudia]] necesita un donante de médula. Podéis haceros donantes en cualquier centro de transfusión, es un análisis de sangre. Contacto: [[em|apoyoaclaudia arroba gmail punto com]]
es-ES|instagram|Día 1 de quimio ✊ Pelo rapado, uñas pintadas y playlist preparada. Sala 4, sillón 11. Vamos a por ello. #CáncerDeMama #VamosAPorEllo
""")
