"""es-ES, chunk 4 (hand-written)."""
import sys; from pathlib import Path; sys.path.insert(0, str(Path(__file__).resolve().parent))
from es_en_common import parse_block
MSGS = parse_block(r"""
es-ES|x|@HospCostaNorte mi padre [[nm|Evaristo]] lleva en una camilla del pasillo de urgencias desde anoche. 86 años. Una vergüenza
es-ES|google|En la consulta del viajero me pidieron el número de pasaporte para el certificado de la fiebre amarilla y me lo apuntaron mal. Es [[pp|PAK708213]], revisadlo que el viernes vuelo.
es-ES|facebook|Información para quien la necesite: el centro de salud del pueblo ahora tiene pediatra martes y jueves de 9 a 14. Cita previa en el 955 54 50 60 o en la app.
es-ES|x|Soy [[nm|Aurora Blázquez]], [[ph|+34 639 710 284]], llevo desde el martes intentando cambiar la cita del TAC. Nadie coge. @HospMeseta
es-ES|instagram|[[nm|Gael]] 🐻 [[dob|01.11.2026]] · 3,6 kg · 51 cm. Bienvenido al mundo, campeón. Gracias a las matronas por todo 💙
es-ES|google|Me cobraron la consulta dos veces con la American Express [[cd|3799 399614 91406]]. Ya lo he reclamado al banco. No recomiendo esta clínica.
es-ES|facebook|Mi suegra [[nm|Francisca Soler]] fue operada de cadera el jueves y ya está en casa. Si alguno quiere mandarle flores o una postal: [[ad|Avinguda de Blasco Ibáñez 88, pta 15, 46022 València]] 🌷
es-ES|x|@HospInsularAtl 3 h para una analítica en ayunas. Número de turno 187. Estoy mareado
es-ES|google|Para los que preguntan cómo conseguí cita: llamé a las 8:00 en punto al centro de salud. Truco: insistir. 5 estrellas para la administrativa, que me buscó un hueco.
es-ES|facebook|Soy extranjero, me llamo [[nm|Mohamed Benali]], mi NIE [[id|Z9012035L]] y pasaporte marroquí [[pp|UX2298174]]. No me dejan pedir cita por la web porque la tarjeta sanitaria sale caducada. ¿Qué tengo que hacer?
es-ES|x|mi numero de seguridad social [[ss|485284875761]] y la app dice que no existo, @sanidadgob q pasa
es-ES|google|La cafetería del hospital cobra 2,80€ por un café y 4€ por un bocadillo. En un hospital. A familiares que se pasan allí 12 horas.
es-ES|facebook|Os escribo por mi abuelo, [[nm|Benito Feijoo Rivas]], que vive solo en [[ad|Lugar de Vilar 7, 27372 Castro de Rei]] (Lugo). Le dieron el alta ayer sin avisarnos y volvió a casa en taxi. Tiene 91 años. Mi número es el [[ph|982 31 44 07]].
es-ES|instagram|Gracias a la UCI por devolvernos a [[nm|Javi]] 🙏 Te queremos, campeón. Seguimos contando en [[url|instagram.com/lafamiliadejavi]]
es-ES|x|@CMRibera mandadme el justificante de la baja a [[em|toni.mas.r@gmail.com]], que en la web no se descarga
es-ES|google|Me atendió la Dra. Quintana en urgencias, excelente. Pero esperar 4h con una fractura es inhumano. 3/5
es-ES|facebook|Si alguien conoce a [[nm|Juan Carlos Heredia]], del barrio de la Chana, decidle que su hermana está ingresada preguntando por él. Habitación 611. Que llame al [[ph|958 27 90 14]].
es-ES|x|Tarjeta [[cd|4401-9009-0787-4190]], titular [[nm|Ana Belén Marcos]]. Cobráis 60€ por un informe?? @ClinicaMarBCN
es-ES|google|Mi fecha de nacimiento es el [[dob|3 de mayo de 1961]] y en el volante de la mamografía ponía que tenía 105 años. Me hizo gracia, pero luego me dio miedo. Revisad los datos.
es-ES|facebook|Compartid. Mi hermana [[nm|Noelia]] ha perdido el móvil en el autobús de la línea 12, el que va al hospital. Si alguien lo encuentra, que llame a mi número, [[ph|664 93 02 71]], o escriba a [[h|@noe_garciarivas]] en Instagram.
es-ES|x|@HospSierraNorte el número de historia clínica de mi hijo, [[mr|00918273]], sale asociado a otro niño en el portal del paciente. Esto es muy grave
es-ES|google|Me operaron de cataratas en 20 minutos. Cero dolor. Gracias al equipo. El único problema: 2 horas de espera antes.
es-ES|facebook|Vivo en [[ad|C/ Mayor 9, 2º dcha, 31001 Pamplona]] y la ambulancia se fue a la calle Mayor de Burlada. 40 minutos perdidos. Me llamo [[nm|Koldo Arregui]], por si quieren contactar: [[em|koldo.arregui@euskalnet.net]]
es-ES|x|AL FINAL ME HAN DADO CITA PARA DENTRO DE 11 MESES. ONCE. MESES. @sanidadgob #ListasDeEspera
es-ES|google|Recepcionista maleducada. Le pedí la hoja de reclamaciones y me dijo que no había. Llamé al 012 y me dieron el número de expediente RC-88213.
es-ES|facebook|Lo del autobús para ir a la concentración por el hospital comarcal: son 30€ ida y vuelta. Bizum a [[nm|Pepi]] ([[ph|610 44 82 19]]) o transferencia a su cuenta [[ba|ES0214656997630868248836]]
es-ES|instagram|Mi primera mamografía a los 40 🩷 No duele tanto, lo prometo. Sala 2, 5 minutos y listo. Háztela.
es-ES|x|@HospMeseta soy [[nm|Rafi]], la de la habitación 302, dadme el teléfono de la trabajadora social. El mío es [[ph|687.421.903]]
es-ES|facebook|Necesito que el hospital me mande el informe de alta de mi madre, [[nm|Consuelo Ibarra Ruiz]], DNI [[id|33657006W]], fecha de nacimiento [[dob|12-IV-1939]], a su domicilio: [[ad|Calle Ancha 22, 11001 Cádiz]].
es-ES|google|Muy buena la atención de la enfermera de la consulta 5. Me lo explicó todo con paciencia. La recomiendo.
""")
