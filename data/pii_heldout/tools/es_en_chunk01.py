"""es-ES, chunk 1 (hand-written)."""
import sys; from pathlib import Path; sys.path.insert(0, str(Path(__file__).resolve().parent))
from es_en_common import parse_block
MSGS = parse_block(r"""
es-ES|x|@HospSierraNorte llevo 3 semanas esperando que me llamen de trauma. Mi madre, [[nm|Remedios Aguilar Pozo]], tiene 84 años y no puede más. Que la llamen al [[ph|659 31 84 02]] por favor
es-ES|google|Urgencias un sábado: 6 horas y media en el box 14 para que al final me den un ibuprofeno de 600. El parking a 2,40€ la hora, un robo. Lo único bueno, la enfermera de triaje. 1 estrella.
es-ES|facebook|Buenas, necesito que alguien de admisión me ayude. Mi padre [[nm|Joaquín Ferrer i Puig]] (DNI [[id|56751378M]]) estuvo ingresado en noviembre y nos piden el informe de alta para la mutua. El NHC que pone en la pulsera es [[mr|00482913]]. Mi correo: [[em|marta.ferrer.puig@gmail.com]]. Gracias.
es-ES|x|BUENOS DIAS @CMRibera ES LA TERCERA VEZ QUE ME CAMBIAIS LA CITA DEL OFTALMOLOGO SIN AVISAR. [[nm|ANTONIO GARRIDO]] [[ph|699 482 117]] LLAMENME YA
es-ES|instagram|Ya está aquí!! 💙 [[nm|Iker]] nació el [[dob|12/02/2026]] a las 04:37, 3,250 kg de puro amor. Gracias al equipo de paritorio del @HospCostaNorte por cuidarnos tanto 🥹 #Bienvenido[[nm|Iker]] #papasprimerizos
es-ES|google|Muy mal la atención telefónica. Llamé a la centralita 14 veces y la cita previa (900 123 505) siempre comunica. Al final fui en persona a la ventanilla 3 y me la dieron en 2 minutos. ¿Para qué tienen teléfono?
es-ES|facebook|Hola, soy [[nm|Xosé Manuel Outeiro]], de Lalín. A mi madre, [[nm|Carmiña Vilariño Souto]], le suspendieron la cita de cardiología del 3 de marzo y nadie nos avisó. Vive sola en [[ad|Rúa do Progreso 41, 2º izda, 36500 Lalín]] y no tiene móvil, solo el fijo: [[ph|986 78 12 43]]. Su número de tarjeta sanitaria es [[mr|1502340071]]. Por favor, que la llamen.
es-ES|x|@HospMeseta me habéis cobrado dos veces el parking con la tarjeta acabada en 4471. Reclamación nº R-2026/00318. Quiero la devolución YA
es-ES|facebook|Estamos recogiendo dinero para el tratamiento de [[nm|Lucía]] en Barcelona, que no lo cubre la Seguridad Social. Bizum al [[ph|634 90 27 58]] o transferencia a [[ba|ES83 0049 8089 4300 2629 3323]], titular [[nm|Beatriz Romero Lago]]. Cualquier ayuda cuenta 🙏 #TodosCon[[nm|Lucía]]
es-ES|google|Fui a hacerme unos análisis y la chica de recepción me leyó el DNI en voz alta delante de todo el mundo, y encima lo repitió dos veces: [[id|19438392B]]. Ahora media sala de espera se sabe mi DNI. Protección de datos cero.
es-ES|x|ozu @CGuadalquivir 4 horas en la sala de espera con mi niña malita y ni un vaso de agua nos han dao. Esto no e normá
es-ES|instagram|Gracias infinitas a la planta 5ª, en especial a la Dra. Ortuño y a la enfermera Maite, que cuidaron de mi abuelo [[nm|Paco]] en sus últimos días 🕊️ Para quien quiera escribirnos: [[h|@rociomartin_87]]
es-ES|facebook|Se ha perdido la cartera de mi suegro en la cafetería del hospital (planta baja). Lleva su DNI [[id|58210850N]] a nombre de [[nm|Eusebio Calvo Marín]] y la tarjeta sanitaria. Si alguien la encuentra que me escriba a [[em|silviacalvo72@hotmail.es]] o me llame al [[ph|+34 622 18 94 03]]
es-ES|x|@sanidadgob el 061 no coge y el 112 me pasa con el 061. Somos 3 en casa con fiebre de 39,5. Que hacemos??
es-ES|google|Me caí en la escalera de la entrada y nadie me ayudó a levantarme. Pedí la hoja de reclamaciones, número 2026-0412. Para cualquier cosa mi móvil es el [[ph|611-204-389]] y mi nombre [[nm|Inmaculada Roldán]].
es-ES|facebook|Kaixo! Buscamos donantes de sangre 0 negativo para [[nm|Aitor Etxeberria Goikoetxea]], ingresado en Cruces desde el accidente. Podéis ir al punto de donación de la planta 0, de 8:30 a 20:00. Más info: [[nm|Nerea]], [[ph|688 45 21 09]]. Eskerrik asko!!
es-ES|x|Mi numero de la seguridad social es [[ss|42/32659649/47]] y aun asi me dicen en ventanilla que no estoy dada de alta?? @HospInsularAtl explicadme eso
es-ES|google|La matrona un 10, las instalaciones un 4. Habitación 312 compartida con una señora que tenía la tele a todo volumen hasta las 2 de la mañana. Y pagando 8€ al día por la tele.
es-ES|facebook|Para la gente que pregunta: mi hermano [[nm|Rubén]] ya está en planta, habitación 418, cama B. Podéis mandarle cosas a casa de mis padres, [[ad|Avda. de Andalucía 27, 4ºC, 23006 Jaén]]. Gracias por tanto cariño ❤️
es-ES|x|@ClinicaMarBCN he pagado 120€ por una consulta y no me dais factura. Os la he pedido por mail desde [[em|jordi.casals.r@gmail.com]] tres veces.
es-ES|instagram|Hoy hace un año del trasplante ❤️ Gracias a la familia donante, que no conozco pero llevo en el corazón, y a todo el equipo de la unidad de trasplante renal. Os cuento cómo va todo en [[url|instagram.com/lauravidarenal]]
es-ES|google|Consulta de dermatología privada: 85 euros por 7 minutos. El doctor Salgado ni me miró la espalda. No vuelvo.
es-ES|facebook|URGENTE COMPARTID. Mi tía [[nm|Montserrat Vidal]] salió ayer del hospital a las 18h desorientada y no ha vuelto a casa. 71 años, pelo blanco corto, abrigo granate. Vive en [[ad|Carrer de Sant Pere 12, 1r 2a, 08201 Sabadell]]. Cualquier cosa al [[ph|93 726 45 18]] o al [[ph|675 302 811]].
es-ES|x|me han mandado la factura del ingreso de otra persona?? y en la mía sale mi nombre, [[nm|Gonzalo Peñalver]], con el número de historia HC [[mr|2019-558321]] de no se quien. Menudo lío
es-ES|google|Atención perfecta en el hospital de día. La enfermera Begoña es un amor. Solo un pero: la máquina de café se traga las monedas de 1€.
es-ES|facebook|Buenas, me han cargado en la tarjeta [[cd|4492 9931 8844 6929]] una consulta que cancelé con 48h de antelación. Titular: [[nm|Natalia Esteve Ruiz]]. ¿A quién me tengo que dirigir?
es-ES|x|@HospCostaNorte mi nº de afiliación a la SS: [[ss|30 22559019 25]] y DNI [[id|26989250S]]. Llevo desde el lunes sin poder pedir cita por la app, me da error 503
es-ES|instagram|Mi pequeña guerrera [[nm|Valeria]] 🎀 nacida el [[dob|27 de enero de 2026]] con solo 31 semanas. 42 días en la UCI neonatal y hoy por fin a casa 🏠 #[[nm|Valeria]]31semanas #prematuros
es-ES|google|Horrible el trato en admisión. Me dijeron que sin cita no me atendían aunque tenía 38 de fiebre. Ticket de espera A-112, 2 horas de pie.
es-ES|facebook|Si alguien necesita una cuna o una sillita para el coche, se las doy gratis, mi bebé ya es mayor. Escribidme por privado: [[url|facebook.com/pilar.navas.ortega]] o al correo [[em|pilinavas arroba yahoo punto es]]
""")
