#!/usr/bin/env python3
"""Builds replies_main.jsonl (part `replies`) from the hand-written chunks below.

Each record: (variety, tone, flags, text). tone: E empathetic, N neutral,
D defensive, T templated. flags: P moves_to_private, A gives_medical_advice,
C clinical_looking (A implies C). lang is derived from the variety.
Ids j0001... follow the order of the records.
Run:  python3 tools_replies.py            -> (re)writes replies_main.jsonl
      python3 tools_replies.py add FILE   -> inserts the chunk in FILE (a `R += [...]`
                                             block) before the end marker, then writes
"""
import json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "replies_main.jsonl")
TONE = {"E": "empathetic", "N": "neutral", "D": "defensive", "T": "templated"}
MARK = "# ---- end of chunks ----"
R = []

# ---- chunks ----
# chunk 01
R += [
("es-ES", "E", "P", "Hola, Marta. Entendemos perfectamente tu enfado: que te anulen la cita de traumatología por SMS la víspera, después de cuatro meses esperándola, no es de recibo. Ya hemos trasladado tu caso a la Unidad de Citación para que revisen si se puede adelantar la nueva fecha. ¿Nos escribes por MD tu número de historia? Un abrazo."),
("es-ES", "T", "P", "Buenos días. Lamentamos las molestias ocasionadas. Para poder ayudarle, por favor envíenos un mensaje privado con sus datos de contacto. Gracias."),
("es-ES", "N", "C", "Las extracciones de sangre se realizan de lunes a viernes de 8:00 a 10:30 en la planta baja (sala 0.14). No hace falta cita si el volante es preferente. Traiga la tarjeta sanitaria y venga en ayunas solo si así consta en el volante."),
("es-ES", "D", "", "Buenas tardes. Lamentamos que su experiencia no haya sido la esperada. Le informamos de que en Urgencias los pacientes se atienden por orden de gravedad, no de llegada, según el sistema de triaje vigente. La espera que indica coincidió con un día de máxima afluencia en toda el área sanitaria."),
("es-MX", "E", "P", "¡Hola, don Ernesto! Qué pena lo que nos platica de su mamá en la sala de espera. No debió pasar tantas horas de pie sin que nadie le ofreciera una silla de ruedas. Ya lo reportamos con la jefatura de enfermería de ese turno. Si nos regala un número por inbox, la coordinadora de Atención a Pacientes le llama hoy mismo."),
("es-MX", "N", "AC", "Hola, Karla. Después de la vacuna es normal tener dolor en el brazo y un poco de temperatura las primeras 48 horas; puedes tomar paracetamol de 500 mg cada 8 horas y ponerte compresas frías. Si la fiebre pasa de 39 °C o te salen ronchas, acude a urgencias."),
("es-AR", "E", "PC", "Hola Sofi, qué bronca lo que nos contás, y con razón. Que te tengan dando vueltas entre admisión y la guardia con tu nene con fiebre no es la atención que queremos dar. Escribinos por privado el DNI del nene así lo revisamos con la jefa de guardia."),
("es-CO", "T", "P", "Buen día, gracias por comunicarse con nosotros. Con mucho gusto le colaboramos. Por favor escríbanos por mensaje interno su nombre completo, número de documento y EPS para gestionar su solicitud."),
("es-CL", "D", "", "Hola Francisca. Revisamos tu caso con el servicio y la atención se realizó conforme a los protocolos vigentes. La demora en la asignación de tu hora se debe a la alta demanda de la especialidad a nivel regional, situación que escapa a la gestión de nuestro centro."),
("es-PE", "N", "P", "Hola, Jorge. Para solicitar una copia de su historia clínica debe presentar una solicitud en Mesa de Partes (primer piso, módulo 3) con copia de su DNI. El plazo de entrega es de 5 días hábiles. También puede enviarla escaneada a archivo@clinicalosolivos.pe."),
("en-GB", "E", "P", "Hi Dave, that's not the experience we want anyone to have on Ward 7, least of all your dad after a fall. Being left without a call bell overnight is unacceptable and we've flagged it with the ward manager this morning. Could you drop us a DM with a contact number? Our PALS team would like to ring you. ^JH"),
("en-GB", "T", "P", "Hi there, thanks for getting in touch. We're sorry to hear this. Please contact our Patient Advice and Liaison Service on 01632 960418 or pals@westmoor.nhs.uk so we can look into it for you."),
("en-US", "D", "", "Thank you for your feedback. We want to clarify that all charges on your statement reflect services billed under the terms of your insurance plan. Your remaining balance is determined by your carrier, not by Cedar Ridge Medical Center, and we are unable to adjust amounts your insurer has assigned to you."),
("en-US", "N", "AC", "Hi Tasha! Mild soreness and a small bruise where the IV was placed are common for a few days. A warm compress 3–4 times a day usually helps. If you notice red streaks, warmth spreading up the arm or a fever, please get seen at urgent care or the ER."),
("en-IN", "T", "P", "Dear Sir, we regret the inconvenience caused. Kindly share your UHID number and contact details in DM so that our team can do the needful at the earliest."),
("en-IN", "E", "PC", "Hello Mr. Raghavan, we completely understand how worrying it must have been to wait four hours for your wife's MRI report before her surgical consultation. The delay at our radiology desk that day was not acceptable. Our Patient Relations Manager, Ms. Anjali, has already written to you on the email you shared; please do check your inbox."),
("en-AU", "N", "C", "G'day Liam, the car park on Banksia St is free for the first 30 minutes, then $4 an hour. Patients coming in for dialysis can get a discounted day pass from the front desk, just ask at reception."),
("en-CA", "D", "", "Hi Priya, thanks for sharing your concerns. For clarity, the wait times posted on our website are averages, and on the evening you attended our ER received several ambulances from a highway collision. Patients are seen based on the severity of their condition, which we recognize can be frustrating for those with less urgent needs."),
("en-IE", "E", "PC", "Hi Siobhán, that sounds like a really long and lonely night in the Emergency Department, and on your own with a broken wrist too. You shouldn't have had to ask three times for pain relief. We'd like to learn from this. Would you be willing to talk it through with our Patient Liaison team on 091 555 0173?"),
("mixed", "E", "P", "Hi María, we hear you, y lo sentimos mucho por la espera con su hijo. Nobody should wait that long for an interpreter. Por favor mándenos un DM con su número de teléfono and our Patient Experience team will call you back en español."),
("es-ES", "N", "", "Hola. El horario de visitas en planta es de 12:00 a 21:00, con un máximo de dos acompañantes por paciente. En la UCI las visitas son de 13:00 a 14:00 y de 19:00 a 20:00."),
("es-VE", "T", "P", "Saludos cordiales. Agradecemos su mensaje. Para atender su caso, le invitamos a comunicarse con nosotros por DM. Estamos para servirle."),
("es-ES", "D", "AC", "Buenos días. El hematoma que describe tras la extracción es una reacción frecuente y no significa que la técnica se hiciera mal: nuestro personal sigue un procedimiento estandarizado. Aplique frío local durante las primeras 24 horas y evite cargar peso con ese brazo; desaparecerá en unos días."),
("es-UY", "E", "PC", "Hola Valentina. Nos quedamos pensando en lo que contás: esperar casi un mes el resultado de una biopsia, sin que nadie te llame para explicarte por qué, es angustiante. Ya hablamos con Anatomía Patológica y el informe está pronto; la doctora de tu policlínica te va a llamar mañana de mañana para darte el resultado en persona."),
]
# chunk 02
R += [
("es-ES", "T", "P", "¡Hola! Gracias por escribirnos. Te hemos enviado un mensaje privado para poder gestionar tu consulta."),
("es-ES", "E", "", "Qué alegría leer esto, Rocío. Se lo hemos hecho llegar a las matronas del paritorio, que se han emocionado al leerlo. Un besazo enorme para Leo y para vosotros 💙"),
("es-ES", "D", "P", "Buenas tardes. Hemos consultado con el servicio de Admisión y nos confirman que la persona que le atendió se limitó a aplicar la normativa sobre acompañantes, que es la misma para todos los usuarios. No obstante, si desea presentar una reclamación formal, puede hacerlo en el Servicio de Atención al Paciente (planta baja) o a través del formulario de nuestra web."),
("es-ES", "N", "AC", "Hola, Pilar. Tras la colonoscopia es habitual notar gases e hinchazón durante unas horas. Puede retomar la dieta normal de forma progresiva, empezando por alimentos suaves. Si tiene dolor abdominal intenso, fiebre o un sangrado abundante, acuda a Urgencias."),
("es-MX", "T", "P", "Hola, buen día. Lamentamos mucho la situación. Te pedimos por favor nos envíes un mensaje directo para darle seguimiento a tu caso. ¡Saludos!"),
("es-MX", "D", "", "Estimado usuario: le informamos que el cobro del estacionamiento está a cargo de una empresa concesionaria externa, por lo que el hospital no tiene injerencia en las tarifas. Agradecemos su comprensión."),
("es-CO", "E", "PC", "Hola, Andrés. Qué angustia pasar tres semanas llamando para que autoricen la resonancia de tu papá sin que nadie te dé una respuesta clara. Ya escalamos el caso con el área de autorizaciones para que lo revisen hoy mismo con la EPS. Te escribimos por interno para pedirte el número de la orden."),
("es-CO", "N", "P", "Buenas tardes. Las citas de medicina general se pueden agendar en la línea 601 555 0199, opción 2, de lunes a sábado de 7:00 a. m. a 7:00 p. m., o desde la app de la clínica. Tenga a mano su documento de identidad."),
("es-AR", "D", "", "Hola Martín. Entendemos tu malestar, pero queremos aclarar que el turno se dio de baja porque no confirmaste la asistencia dentro de las 48 horas, tal como figura en el recordatorio que te enviamos. Es un procedimiento que aplicamos a todos los pacientes para poder reasignar los turnos."),
("es-AR", "N", "AC", "Hola Caro. Después de la extracción de la muela, lo ideal es no hacer buches fuertes ni usar sorbete las primeras 24 horas, y comer cosas blandas y frías. Para el dolor podés tomar ibuprofeno 400 cada 8 horas si no tenés contraindicaciones. Si el sangrado no para mordiendo una gasa durante 30 minutos, acercate a la guardia."),
("es-CL", "T", "P", "Hola, gracias por escribirnos. Para revisar tu caso necesitamos que nos envíes tu RUT y un teléfono de contacto por interno. Saludos cordiales, equipo OIRS."),
("es-PE", "E", "", "Señora Rosa, muchísimas gracias por tomarse el tiempo de escribirnos después de todo lo que vivieron en la UCI con su esposo. Le haremos llegar sus palabras al doctor Quispe y a las enfermeras del turno noche. Le deseamos al señor Alberto una pronta recuperación."),
("en-GB", "N", "PC", "Hi Sam, blood test results are usually sent to your GP within 3–5 working days. If you use the NHS App, they'll appear there once your GP has reviewed them. For anything else, our pathology results line is 01632 960772 (Mon–Fri, 9am–4pm)."),
("en-GB", "D", "", "Hello. We're disappointed to read this review. Our records show that your appointment was booked for 10.40 and that you arrived at 11.05, after the clinic's arrival window had closed. We always try to accommodate late arrivals where we can, but this isn't always possible without delaying other patients."),
("en-US", "T", "P", "Hi, we're sorry to hear about your experience. We take all feedback seriously. Please send us a private message with your contact info so a member of our Patient Relations team can reach out."),
("en-US", "E", "", "Jess, this made our whole team smile. Delivering twins a month early is a lot, and we're so glad the NICU nurses made you feel like part of the team. We've shared your post with the unit and they can't wait to see updates of Ava and Mila!"),
("en-AU", "E", "AC", "Hi Chloe, that sounds miserable, especially with little ones at home. There's a lot of gastro going around at the moment. Keep offering him small sips of water or an oral rehydration solution every 15 minutes, and if he stops having wet nappies or seems very drowsy, bring him straight into ED."),
("en-IN", "N", "P", "Hello! Our OPD timings are 9 AM to 1 PM and 5 PM to 8 PM, Monday to Saturday. For appointments please call 080 4567 1200 or WhatsApp us on 98450 12345."),
("en-CA", "T", "P", "Hello, thank you for reaching out. Please contact our Patient Relations office at 1-855-555-0142 or patientrelations@northbrookgeneral.ca so we can follow up with you directly."),
("en-IE", "D", "", "Hi Aoife, thank you for your comments. We would point out that the hospital does not set car parking charges, which are managed under contract by an external operator. Reduced rates are available for long-stay patients and their families."),
("mixed", "T", "P", "Hi! Gracias por escribirnos. Please send us a DM / envíenos un mensaje privado so we can help you 🙂"),
("es-EC", "N", "C", "Buenos días, estimada Gabriela. Los resultados de laboratorio se entregan desde las 14:00 del mismo día en la ventanilla 4, o puede descargarlos en nuestra página web con su número de cédula y el código de la orden."),
("es-ES", "T", "", "¡Muchas gracias por tu mensaje! Nos alegra mucho saber que estás contento con la atención recibida. ¡Un saludo!"),
("en-US", "D", "AC", "We understand your frustration, but to be clear, antibiotics are not effective against viral infections such as the common cold, which is why our provider did not prescribe them. Rest, fluids and an over-the-counter fever reducer are the recommended treatment. If symptoms last more than 10 days, a follow-up visit may be needed."),
]
# chunk 03
R += [
("es-ES", "E", "PC", "Estimada Carmen: gracias por escribir esta reseña con la calma que usted misma dice que le ha hecho falta. Lo que cuenta de la operación de cadera de su madre y, sobre todo, de los días posteriores en planta —el dolor que tardaron en controlar, las curas que se retrasaban, la sensación de que nadie les explicaba qué pasaba— lo hemos leído con mucha atención. Tiene razón en que una intervención que sale bien no basta si la recuperación se vive con esa angustia. Hemos compartido su reseña, sin datos personales, con la supervisora de Traumatología y con la Unidad del Dolor. Si le parece, nos gustaría que la directora de Enfermería hablara con usted; puede llamarnos al 918 555 204 o escribirnos a atencionpaciente@hsanrafael.es. Un cordial saludo."),
("es-ES", "T", "P", "Hola, te hemos escrito por MD 📩"),
("es-ES", "N", "", "Buenas. Sí, la cafetería abre los domingos y festivos de 8:00 a 20:00. Las máquinas de vending de la planta baja funcionan las 24 horas."),
("es-ES", "D", "", "Buenos días, Sr. Peña. Sentimos que perciba así la atención recibida. Tras revisar el registro de llamadas, podemos confirmar que la línea de citas estuvo operativa durante toda la mañana del día indicado, con un tiempo medio de espera inferior a cuatro minutos."),
("es-MX", "E", "AC", "Hola, Lupita. Entendemos lo preocupante que es ver a tu bebé con fiebre en la noche. Mientras lo valoran, puedes darle paracetamol en gotas según su peso (15 mg por kilo) y mantenerlo con ropa ligera. Si tiene menos de 3 meses, convulsiona o notas que le cuesta respirar, llévalo de inmediato a urgencias pediátricas, estamos abiertos las 24 horas."),
("es-MX", "N", "P", "Buenas tardes. Para facturar su consulta debe solicitar la factura dentro de los 30 días naturales siguientes, enviando su RFC, uso de CFDI y el ticket al correo facturacion@hospitalvallealto.mx."),
("es-CO", "D", "P", "Cordial saludo. Le informamos que el cobro de copagos está regulado por la normativa vigente y por las condiciones de su EPS, por lo que la clínica no puede exonerarlo de este valor. Si considera que existe un error, puede radicar una PQRS en nuestra página web."),
("es-AR", "T", "", "¡Muchas gracias por tu comentario! Saludos del equipo del Sanatorio."),
("es-CL", "E", "P", "Hola, don Patricio. Lo que nos cuenta de su señora, esperando toda la noche en una camilla del pasillo de la urgencia, es muy duro de leer. Nadie debería pasar por eso, menos una persona de 82 años. Ya le pedimos a la jefa de la Unidad de Emergencia que revise lo que pasó en ese turno. Le dejamos un mensaje interno para tomar sus datos."),
("es-VE", "N", "AC", "Buenas tardes. Con la tensión alta lo más importante es no suspender el tratamiento por su cuenta. Tome la pastilla todos los días a la misma hora, reduzca la sal y, si la tensión le sale por encima de 180/110 con dolor de cabeza fuerte o visión borrosa, acuda a la emergencia."),
("es-PE", "T", "P", "Estimado paciente, agradecemos su comentario. Para brindarle una mejor atención, comuníquese con nuestra Central de Citas al (01) 555-2020 o escríbanos por interno. Saludos."),
("en-GB", "E", "", "Thank you, Margaret. Your husband's team on the Stroke Unit have read your kind words and were really touched. Hearing that he's walking to the post office again is the best news they could get. Please pass on everyone's best wishes to him."),
("en-GB", "N", "", "Hi Rob, the main entrance on Hartley Road is open 24/7. After 9pm please use the intercom at the side door and security will let you in. Drop-off spaces are on the left as you come in."),
("en-GB", "D", "PC", "Dear reviewer, we have looked into the concerns raised and the clinical team are satisfied that the decision to discharge was appropriate based on the assessment at the time. We appreciate this may not be what you had hoped to hear. If you would like a more detailed response, please contact our complaints team at complaints@westmoor.nhs.uk."),
("en-US", "N", "AC", "Hi Marcus! Some dizziness is common when starting a new blood pressure medication. Stand up slowly, stay hydrated, and don't stop taking it without talking to your provider. If you faint or have chest pain, call 911."),
("en-US", "T", "", "Thank you for the 5-star review! We truly appreciate you choosing us for your care."),
("en-US", "E", "P", "Hi Danielle, we're grateful you told us about this. Being handed a surprise bill for an in-network visit is stressful enough without being bounced between three departments. Our billing advocate, Renée, has put a hold on the account so it won't go to collections while we sort it out. Please DM us your account number and a good time to call."),
("en-IN", "D", "", "Dear Madam, we have reviewed your concern with the concerned department. The additional charges in your final bill are as per the package terms explained and signed at the time of admission. Consumables and pharmacy items are billed separately as per hospital policy."),
("en-IN", "E", "AC", "Dear Mrs. Iyer, we can understand how uncomfortable the first few days after a knee replacement can be. Please continue taking the prescribed painkiller before your physiotherapy sessions and apply an ice pack for 15–20 minutes after the exercises. If the wound shows any discharge or you develop fever, please visit our Emergency immediately."),
("en-AU", "T", "P", "Hi there, thanks for reaching out. We'd love to chat further, can you please send us a DM with your details? Cheers, the Banksia Coast Health team"),
("en-CA", "E", "PC", "Hi Marc, waiting nine months for a cataract surgery date while your vision keeps getting worse is hard, and we understand why you're frustrated. Shortening the ophthalmology wait list is something we're actively working on. Our surgical booking office can check where you are on the list: 613-555-0188, Monday to Friday."),
("en-IE", "N", "C", "Hi Ciara, the flu vaccine clinic runs in the Outpatients Department every Tuesday and Thursday in October, 10am–3pm. No appointment needed, just bring your PPS number."),
("mixed", "E", "P", "Hola Yari, qué mal rato pasaron con tu abuela en el ER. We're really glad she's doing better now. Queremos entender qué pasó con el transporte de regreso, ¿nos puedes enviar un DM con tu teléfono? Our patient advocate te va a llamar."),
("es-ES", "N", "AC", "Hola, Ana. Con la conjuntivitis que describes, lo habitual es lavar el ojo con suero fisiológico varias veces al día y no compartir toallas. Si notas dolor fuerte, pérdida de visión o mucha sensibilidad a la luz, acude a Urgencias de Oftalmología."),
]
# chunk 04
R += [
("es-ES", "D", "C", "Buenas tardes. Respecto a su comentario, queremos aclarar que la radiografía se realizó e informó correctamente en el momento de la atención, y que la fractura que menciona no era visible en esa prueba. En ocasiones estas lesiones solo se aprecian en controles posteriores, motivo por el que se le indicó volver si persistía el dolor."),
("es-ES", "D", "", "Hola. Entendemos su malestar, pero le recordamos que la zona de carga y descarga está reservada a ambulancias y que la grúa municipal actúa con independencia del hospital. La señalización es clara en todo el perímetro."),
("es-ES", "D", "P", "Buenos días. Los profesionales de nuestro centro actúan siempre con respeto y profesionalidad, y no nos consta ninguna incidencia el día que indica. Si desea que lo investiguemos, le rogamos que presente una reclamación por escrito con la fecha y la hora exactas."),
("es-MX", "D", "C", "Buenas tardes. Lamentamos su inconformidad. Queremos precisar que todos los medicamentos administrados a su familiar fueron indicados por el médico tratante y registrados en el expediente clínico conforme a la norma oficial. El hospital se apega en todo momento a los lineamientos de seguridad del paciente."),
("es-AR", "D", "", "Hola Graciela. Comprendemos tu enojo, aunque es importante aclarar que la cobertura de la prestación depende exclusivamente de tu prepaga. El sanatorio factura según el convenio vigente y no puede intervenir en las autorizaciones que rechaza la obra social."),
("en-GB", "D", "", "Thank you for your feedback. Please be assured that all our staff undergo regular customer care training and are expected to treat every patient with dignity. On the day in question the department was exceptionally busy, and we would ask patients to bear with our teams at these times."),
("en-US", "D", "PC", "We're sorry you feel this way. Our records indicate that the risks of the procedure, including the possibility of post-operative infection, were discussed with you and documented on the signed consent form. Due to privacy laws we can't discuss details here, but you're welcome to request a copy of your records through our Health Information Management department."),
("en-AU", "D", "", "Hi Jordan, we take all feedback on board. To clarify, ED wait times across the state have been hit by record presentations this winter and our staff are working incredibly hard under that pressure. We'd ask the community to consider their GP or a pharmacist for non-urgent issues."),
("es-ES", "T", "P", "Hola, lamentamos lo ocurrido. ¿Nos facilitas por privado tu nombre y un teléfono de contacto? Así podremos revisarlo. Gracias."),
("es-CO", "T", "P", "¡Hola! Gracias por escribirnos 😊 Para darte una respuesta oportuna, por favor comunícate con nuestra línea de atención o escríbenos al WhatsApp 300 555 0123."),
("en-GB", "T", "P", "Hi, thanks for your message. We aren't able to discuss individual cases on social media, but our PALS team will be happy to help. You can reach them on 01632 960418."),
("en-IN", "T", "", "Thank you for your valuable feedback. We are glad to serve you. Wishing you good health!"),
("es-CL", "T", "", "¡Gracias por tus palabras! Las compartiremos con el equipo. Saludos."),
("en-CA", "T", "P", "Hi there, thanks for reaching out. For privacy reasons we can't discuss personal information on social media. Please send us a direct message and we'll connect you with the right team."),
("es-ES", "E", "C", "Enhorabuena por esos dos meses de esfuerzo, Javi 💪 Lo de subir escaleras sin bastón te lo has ganado tú en cada sesión de rehabilitación, y el equipo de Fisio dice que eras el más puntual de la sala. ¡A por la siguiente meta!"),
("es-AR", "E", "P", "Hola Nacho, tenés toda la razón: tres horas de demora sin que nadie avise no es aceptable, y menos con tu viejo de 80 años sentado en esa sala. Ya lo hablamos con la coordinación de consultorios externos. Si nos mandás un privado con el nombre del médico y el día, te confirmamos qué pasó."),
("en-US", "E", "", "Carla, thank you for sharing your grandmother's story. Ninety-one and charming the whole 4th floor, that's really something! Our nurses were so happy to see her go home in time for her birthday."),
("en-IE", "E", "P", "Hi Declan, three phone calls and two emails with no reply about your mam's appointment isn't good enough, and we can hear how worn out you are by it. We've passed your details to the Outpatients manager, who'll phone you before Friday. If you'd rather email, it's outpatients@stfionnans.ie."),
("es-PE", "N", "C", "Buenos días. Para la prueba de esfuerzo debe venir con ropa deportiva y zapatillas, y no fumar ni tomar café en las 4 horas previas. Si toma medicación para el corazón, consulte con su cardiólogo si debe suspenderla antes del examen."),
("en-AU", "N", "C", "Hi Mia, results from your pathology test go to the doctor who ordered it, usually within 48 hours. You may also be able to see them in your online health record once they've been released. We can't give out results over social media."),
("es-MX", "N", "C", "Hola, la campaña de vacunación contra la influenza estará del 15 de octubre al 30 de noviembre en el módulo de Medicina Preventiva, planta baja, de 8:00 a 14:00. Es gratuita para mayores de 60 años, embarazadas y niños de 6 meses a 5 años."),
("en-US", "N", "AC", "Hi Brandon, for a minor burn like the one you describe, cool it under running water for 10–20 minutes, cover it loosely with a clean non-stick dressing and skip the ice or butter. If it blisters over an area bigger than your palm, or it's on your face or hands, please come in to be seen."),
("es-ES", "E", "AC", "Hola, Lucía. Entendemos que da miedo cuando a una niña tan pequeña le sube tanto la fiebre. Si tiene más de 6 meses, puedes alternar paracetamol e ibuprofeno respetando la dosis por peso del prospecto. Si le ves manchas en la piel que no desaparecen al presionarlas, llévala a Urgencias sin esperar."),
("en-IN", "D", "C", "Dear Mr. Khanna, as per our records the patient was thoroughly evaluated by the on-duty physician and the necessary investigations, including ECG and blood tests, were done as per protocol. The waiting time was due to heavy patient load in Emergency that night. We assure you that all due care was taken."),
]
# chunk 05
R += [
("es-CAM", "E", "P", "Hola, doña Marielos. Qué difícil lo que vivió con su hijo en el servicio de emergencias, y más esperando tantas horas sin información. Con mucho gusto la ayudamos: ya trasladamos su caso a la Contraloría de Servicios, que la va a contactar esta semana. ¿Nos podría dejar por mensaje privado un número de teléfono? Saludos."),
("es-CAR", "N", "C", "Saludos. El laboratorio clínico recibe muestras de lunes a viernes de 6:30 a. m. a 11:00 a. m. y los sábados hasta las 10:00 a. m. Los resultados de hemograma y glicemia se entregan el mismo día en la tarde."),
("es-EC", "T", "P", "Estimado usuario, reciba un cordial saludo. Lamentamos el inconveniente. Le solicitamos comunicarse a través de mensaje directo para brindarle la atención que merece."),
("es-BO", "D", "", "Buenas tardes. Aclaramos que la suspensión de la consulta se debió al paro convocado por el sector salud, ajeno a la voluntad de la institución. Las citas se están reprogramando por orden de registro, por lo que le pedimos paciencia."),
("es-PY", "N", "P", "Hola, Lili. Para agendar consulta con pediatría podés llamar al (021) 555 300 o escribir al WhatsApp 0981 555 444, de lunes a viernes de 7 a 19 h. Traé la cédula del niño."),
("es-UY", "D", "C", "Buenas. Queremos aclarar que la indicación de reposo y analgésicos que se te dio en emergencia es la conducta habitual ante un esguince, y así lo establecen los protocolos del servicio. La radiografía no mostró lesión ósea, por lo que no correspondía inmovilizar."),
("es-ES", "T", "PC", "Hola. Por confidencialidad, no podemos tratar por esta vía cuestiones relacionadas con su diagnóstico o tratamiento. Le recomendamos consultarlo directamente con su médico de referencia. Gracias por su comprensión."),
("en-GB", "T", "AC", "Hi, thanks for your message. We can't give medical advice over social media. If you have chest pain, difficulty breathing or signs of a stroke, call 999 immediately; for anything else urgent, please call NHS 111."),
("es-MX", "T", "AC", "Hola, gracias por escribirnos. Te recordamos que por este medio no damos orientación médica. Si presentas dolor en el pecho, dificultad para respirar o sangrado abundante, acude de inmediato a urgencias o llama al 911."),
("en-US", "T", "PC", "Thanks for reaching out! For questions about test results or medications, please log in to your patient portal and message your care team directly."),
("en-AU", "E", "", "Thanks so much for this, Bec. Your mum's nurses on Ward 3B are chuffed. They said she kept everyone laughing even on the tough days. Wishing her all the best now she's home."),
("en-IN", "N", "C", "Hello, the Master Health Check-up package includes CBC, lipid profile, blood sugar, kidney and liver function tests, ECG, chest X-ray and a physician consultation. Please come fasting for 10–12 hours. The package price is ₹3,499."),
("en-CA", "N", "", "Hi Jen, visiting hours on inpatient units are 11 a.m. to 8 p.m. daily. Two visitors at a time, and children under 12 must be with an adult. Quiet hours start at 9 p.m."),
("en-IE", "T", "P", "Hi, thanks for contacting us. Could you please send us a private message with your details and we'll get back to you as soon as possible?"),
("en-US", "E", "PC", "Hey Tyler, we're really glad you spoke up. Being told to \"toughen up\" while you waited for pain medication after your appendectomy is not how anyone here should talk to a patient. We've shared this with the surgical unit's nurse manager. Would you be okay with her giving you a call? DM us a number if so."),
("en-GB", "N", "AC", "Hi Priya, after a contrast CT scan it helps to drink plenty of fluids over the next 24 hours. If you take metformin, don't restart it for 48 hours unless your doctor tells you otherwise. If you get a rash or any swelling, contact your GP or call 111."),
("es-CO", "D", "", "Buenas tardes, señor Ramiro. Respetamos su opinión, pero no compartimos la afirmación de que el personal de seguridad actuara de forma agresiva. Las cámaras de la portería muestran que el vigilante se limitó a recordarle la norma de un acompañante por paciente."),
("es-CL", "N", "AC", "Hola Javiera. Para la picadura que describes, lava la zona con agua y jabón, aplica frío y puedes tomar un antihistamínico como la loratadina. Si se te hincha la cara o la lengua, o te cuesta respirar, anda de inmediato al SAPU o a la urgencia más cercana."),
("es-AR", "T", "P", "Hola! Te pedimos que nos escribas por privado así podemos ayudarte mejor. Saludos 🙌"),
("mixed", "T", "P", "Hola! Thanks for your message. Para ayudarte mejor, please DM us your full name y fecha de nacimiento. ¡Gracias!"),
("es-ES", "E", "P", "Hola, Nuria. Leemos tu mensaje y se nos encoge el corazón: enterarte del fallecimiento de tu tío por una llamada tan fría, sin nadie que os acompañara, no debería haber pasado. La supervisora de Medicina Interna quiere hablar contigo personalmente. Te hemos enviado un MD con su teléfono directo."),
("en-US", "D", "", "Hi Kevin. We understand no one likes to wait. However, our urgent care clinic does not take appointments, and the online check-in time is an estimate only, as stated on the check-in page. Patients with more serious conditions may be seen first."),
("es-VE", "E", "C", "Hola, señora Yelitza. Entendemos su preocupación por la falta de insulina en la farmacia del hospital; sabemos lo que significa para un paciente diabético. Estamos gestionando la reposición con el proveedor y esperamos tenerla disponible el lunes. Le avisaremos por este medio apenas llegue."),
("en-AU", "N", "P", "Hi Tom, lost property is held at main reception for 30 days. You can call them on (07) 5555 0100 between 8am and 6pm to check whether your glasses have been handed in."),
]
# chunk 06
R += [
("en-GB", "E", "PC", "Dear Helen, thank you for taking the time to write such a detailed account of your mother's stay on Elm Ward. Reading about the night she was left in a wet bed for hours, and the mix-up with her evening medication, is upsetting, and we understand completely why you have lost confidence in us. Neither of those things should have happened. The ward sister has already met with the night team, and the medication incident has been reported through our patient safety system so it can be investigated properly. We would very much like to share the findings with you in person. Please contact our PALS team on 01632 960418, quoting reference W7-2291, and they will arrange a meeting at a time that suits you. Kind regards, Patient Experience Team"),
("en-US", "E", "PC", "Hi Rachel, thank you for trusting us with something so personal. Going through a miscarriage is heartbreaking on its own, and being placed in a room next to the labor and delivery waiting area made a painful day even harder. Our Women's Health leadership team has read your review and is changing how we room patients in your situation. If you're open to it, our patient advocate would like to talk with you; you can reach her directly at 555-0134 or by DM. We're thinking of you."),
("en-IE", "D", "", "Hi Ronan, we note your comments. The Emergency Department has been operating well above capacity for several weeks, in line with hospitals nationally, and patients are prioritised according to clinical need. Trolley waits are a system-wide issue and not within the control of the staff on duty."),
("en-CA", "D", "AC", "Thanks for your message, Steph. Just to clarify, the ER physician did not dismiss your son's symptoms: a barky cough without breathing difficulty is typical of croup, which is usually managed at home. Cool night air and keeping him calm tend to help. If he develops noisy breathing while resting, please bring him back."),
("en-IN", "T", "P", "Dear Patient, thank you for writing to us. We have forwarded your concern to the concerned team. Kindly DM your registered mobile number for further assistance."),
("en-AU", "T", "", "Thanks for the lovely review! We'll pass it on to the team 😊"),
("en-US", "N", "PC", "Hi Laura, price estimates for outpatient imaging are available from our Patient Financial Services team at 555-0110, Mon–Fri 8am–5pm. Have your insurance card and the procedure code from your order handy."),
("en-GB", "D", "P", "Dear Mr Holt, we note your comments about the time it took to receive your discharge letter. Discharge summaries are sent electronically to GPs within 24 hours as standard, so any delay is likely to have occurred at the surgery's end. You are welcome to request a copy directly from our Medical Records department."),
("es-ES", "E", "", "Gracias a ti, Paco, por acordarte de nosotros después de tantos años. Qué bonito que sigas pasando por aquí a ver el jardín. Los celadores de ahora te mandan un abrazo 🌳"),
("es-ES", "N", "C", "Hola. La cita para la vacuna del herpes zóster se pide en tu centro de salud, no en el hospital. Pueden vacunarse las personas de 65 y 80 años y quienes tengan determinadas enfermedades, según indique su médico."),
("es-ES", "D", "AC", "Buenas tardes. Le aseguramos que la pauta antibiótica que se le prescribió es la recomendada para una infección de orina no complicada y que la duración de tres días es correcta. Es normal que las molestias tarden 48 horas en desaparecer; beba abundante agua y, si aparece fiebre o dolor lumbar, vuelva a consultar."),
("es-MX", "E", "P", "Hola, señor Aurelio. Tiene usted toda la razón en estar molesto: le cobraron dos veces la misma consulta y luego lo hicieron esperar para explicarle. Ya pedimos a Caja que revise los dos cargos. Mándenos por inbox el folio de su ticket y en cuanto confirmemos el reembolso le avisamos."),
("es-CO", "N", "AC", "Buenos días, Daniela. Para un dolor de cabeza leve puede tomar acetaminofén de 500 mg cada 6 horas, sin pasar de 4 gramos al día. Si es el dolor más fuerte de su vida, o se acompaña de fiebre y rigidez en el cuello o de pérdida de fuerza, acuda de inmediato a urgencias."),
("es-AR", "N", "C", "Hola Fede. Las vacunas del calendario se aplican en el vacunatorio del subsuelo, de lunes a viernes de 8 a 18 h, por orden de llegada. Traé la libreta sanitaria y el DNI. Para las del calendario nacional no hace falta orden médica."),
("es-CL", "D", "", "Estimada Sra. Pizarro: entendemos su molestia; sin embargo, la información entregada por el médico fue clara y quedó registrada en la ficha clínica. Le sugerimos, en futuras atenciones, anotar las indicaciones o asistir con un acompañante."),
("es-PE", "E", "P", "Hola, Milagros. Entendemos lo frustrante que es llamar a la central durante toda una semana y no conseguir una cita para tu mamá. No es lo que queremos para nuestros pacientes. Te hemos escrito por interno para ayudarte a programarla directamente."),
("es-EC", "D", "P", "Estimado usuario: el tiempo de espera en consulta externa responde al número de pacientes atendidos por el especialista y a las emergencias que requieren su presencia. Si desea presentar un reclamo formal, puede acercarse a la oficina de Atención al Usuario en horario de oficina."),
("es-CAR", "E", "C", "¡Qué alegría, Yahaira! Que tu papá saliera caminando de la clínica después de la operación del corazón es la mejor noticia. Le pasamos tu mensaje a todo el equipo de cirugía cardiovascular, que le tomó mucho cariño. ¡Bendiciones para la familia!"),
("mixed", "E", "PC", "Hi Lorena! Thank you for letting us know. Entendemos lo confuso que puede ser recibir los resultados de los análisis solo en inglés. We can schedule a call with a Spanish-speaking nurse para explicarle todo. Send us a DM con el mejor horario para llamarle."),
("en-US", "T", "", "We appreciate you taking the time to share your feedback with us. Your comments help us improve the care we provide to our community."),
("en-AU", "E", "AC", "Hey Sarah, that rash sounds really uncomfortable, and we know how hard it is to get in to see a GP quickly around here. Keep the area cool and dry and try an over-the-counter hydrocortisone cream for a few days. If it spreads fast, blisters or you get a fever with it, come into ED."),
("en-IN", "N", "AC", "Hello, in dengue fever it is important to drink plenty of fluids such as ORS, coconut water and soups. Take only paracetamol for fever and avoid ibuprofen or aspirin. If you notice bleeding gums, severe abdominal pain or persistent vomiting, please report to Emergency immediately."),
("en-CA", "E", "P", "Hi Arjun, we hear you. Spending 40 minutes circling for parking while your wife was in labour upstairs is awful, and it's completely understandable that you're upset. We're working with the city on the P2 expansion, but that doesn't help you now. Please send us a DM: our Parking Office can refund the ticket you got that night."),
("es-ES", "T", "P", "Buenas tardes. Para cualquier reclamación o sugerencia puede dirigirse al Servicio de Atención al Paciente, de lunes a viernes de 8:30 a 14:30, o a través de nuestra sede electrónica. Gracias por su confianza."),
]
# chunk 07
R += [
("es-ES", "D", "", "Hola. Comprendemos su queja, pero la comida que se sirve en planta la elabora la empresa adjudicataria del servicio de restauración y se ajusta a las dietas establecidas por Nutrición. Trasladaremos su comentario a la empresa."),
("es-ES", "D", "", "Buenos días. Queremos recordar que las imágenes que circulan en redes sobre el pasillo de Urgencias corresponden a un momento puntual de máxima presión asistencial. El hospital cumple los ratios de personal establecidos y trabaja para que estas situaciones no se repitan."),
("es-ES", "D", "C", "Hola, Sra. Ortega. Respetamos su opinión, pero el retraso de la cirugía se debió a la necesidad de completar el preoperatorio, incluido el electrocardiograma que faltaba en su historia. Operar sin esa prueba habría supuesto un riesgo para usted."),
("es-MX", "D", "", "Buenas tardes. Aclaramos que el personal de Admisión solicita una identificación oficial a todos los pacientes sin excepción, por disposición de seguridad. En ningún momento se le negó la atención; únicamente se le pidió completar su registro."),
("es-CO", "D", "C", "Cordial saludo. Según la revisión de la historia clínica, el tratamiento pautado para su hijo fue el adecuado para el cuadro que presentaba y se le entregaron por escrito las recomendaciones de egreso. La clínica cuenta con acreditación en salud y sigue las guías de práctica clínica nacionales."),
("es-AR", "D", "P", "Hola. Tomamos nota de tu comentario. De todas formas te aclaramos que el horario que figura en la app es orientativo y que los médicos pueden atrasarse por urgencias. Si querés hacer un reclamo formal, podés acercarte a la Oficina de Atención al Paciente, en planta baja."),
("en-GB", "D", "", "Thank you for your review. We would like to reassure anyone reading it that the cleanliness of all our wards is audited weekly, and the ward you mention scored 97% at its most recent inspection."),
("en-US", "D", "C", "We hear your frustration. For context, our emergency department is not able to prescribe or refill controlled medications, in accordance with state guidelines. Our providers acted appropriately in referring you back to your primary care physician."),
("en-AU", "D", "P", "Hi Nathan, thanks for your feedback. We'd like to note that the dental waiting list is managed according to priority categories set by the state, not by the clinic itself. If you'd like to discuss your category, please call the Oral Health intake line on (07) 5555 0188."),
("es-ES", "T", "", "¡Gracias por compartirlo! Un saludo de parte de todo el equipo 😊"),
("es-MX", "T", "P", "Hola, ¡gracias por contactarnos! Para atender tu solicitud, te invitamos a llamar a nuestro Centro de Atención Telefónica al 55 5555 0100, donde con gusto te apoyaremos."),
("es-PE", "T", "", "Gracias por su preferencia. ¡Seguimos trabajando para brindarle la mejor atención!"),
("es-UY", "T", "P", "Hola, gracias por escribirnos. Te respondimos por mensaje privado."),
("en-GB", "T", "", "Thank you so much for your kind words, we'll make sure they're passed on to the team."),
("en-IN", "T", "P", "Hi, we are sorry for the inconvenience. Please share your contact details through DM and our team will get in touch with you shortly."),
("en-US", "T", "P", "Hello, thank you for sharing your feedback. We would like to learn more about your experience. Please call our Patient Experience line at 555-0199 at your convenience."),
("en-CA", "T", "", "Thanks for your kind words! We're so glad you had a positive experience with our team."),
("es-ES", "N", "C", "Hola, Marina. El informe de la resonancia no se entrega en el hospital: lo recibe el especialista que la pidió, que te lo explicará en la próxima consulta. Si tienes acceso a la carpeta de salud de la web autonómica, también podrás verlo allí en unos diez días."),
("es-ES", "N", "", "Buenos días. Sí, el hospital tiene aparcamiento para bicicletas junto a la entrada de Rehabilitación y en la puerta principal. Los patinetes pueden dejarse en la misma zona."),
("es-CL", "N", "P", "Hola Cristóbal. Para obtener tu certificado de atención debes acercarte a la Oficina de Informaciones (hall central) con tu carnet de identidad, o solicitarlo al correo informaciones@hospitalelmaiten.cl."),
("en-IE", "N", "P", "Hi Niamh, to request a copy of your medical records you'll need to fill in a data access request form, which you can download from our website and email to records@stfionnans.ie. Requests are processed within one month."),
("en-AU", "N", "", "Hi Kate, yes, the hospital café on level 1 is open 7am–3pm weekdays and 8am–1pm on weekends. There's also a 24-hour vending area near the ED entrance."),
("es-VE", "D", "AC", "Buenas tardes. Le aclaramos que el jarabe prescrito a su hijo es el tratamiento indicado para la tos y que en estos casos no es necesario un antibiótico. Siga dándole la dosis cada 8 horas con mucho líquido y, si aparece dificultad para respirar, tráigalo a la emergencia."),
("en-US", "E", "AC", "Hi Monique, we can tell how exhausted you are after three nights up with a teething baby. For the gum pain you can try a chilled (not frozen) teething ring, and infant acetaminophen dosed by weight if she's over 12 weeks. Please skip the numbing gels, they aren't recommended for babies. Hang in there!"),
]
# chunk 08
R += [
("es-ES", "E", "C", "Nos alegra muchísimo, Luis, y gracias por contarlo con tanto detalle. Lo que dices de la enfermera que se sentó contigo la noche antes de la operación lo hemos compartido con la supervisora de Cirugía: esas cosas también son cuidar."),
("es-ES", "E", "P", "Hola, Irene. Tienes razón: no es normal que lleves tres semanas esperando el justificante del ingreso, y menos dando vueltas entre el centro de salud y nosotros. Ya hemos pedido a Admisión que te lo emita hoy. Escríbenos por MD un correo y te lo enviamos en PDF."),
("es-ES", "E", "AC", "Hola, Elena. Qué mal rato, con el niño vomitando toda la noche. Lo más importante ahora es que no se deshidrate: ofrécele suero oral en pequeñas cantidades cada pocos minutos, aunque vomite. Si pasa más de 8 horas sin hacer pis, está muy decaído o ves sangre en el vómito, venid a Urgencias de Pediatría."),
("es-MX", "E", "", "¡Muchas felicidades por la llegada de Santiago, Fer! 💙 Nos emociona que todo haya sido tan tranquilo. Le daremos tus saludos a la doctora Treviño y a las enfermeras de Tococirugía."),
("es-CO", "E", "PC", "Hola, doña Gloria. Entendemos lo angustiante que es que a su hijo le cambien la fecha de la quimioterapia dos veces sin explicación. Su tranquilidad es importante para nosotros. Ya pedimos a la coordinación de Oncología que la llame hoy en la tarde para confirmarle la nueva fecha y explicarle el motivo."),
("es-CL", "E", "C", "Gracias, Camila, por acordarte de escribirnos. Nos contaste que le tenías mucho miedo a la anestesia y que al final todo salió bien: eso es lo que más le importa al equipo de pabellón. ¡Que sigas muy bien!"),
("es-AR", "N", "AC", "Hola Lu. Si tenés una quemadura de sol fuerte, aplicá compresas frías y una crema con aloe, y tomá mucha agua. No revientes las ampollas. Si tenés fiebre, escalofríos o se te llena la piel de ampollas grandes, consultá en la guardia."),
("es-PE", "N", "AC", "Hola, buenas tardes. En caso de mordedura de perro, lave la herida con abundante agua y jabón durante 10 minutos y acuda a Emergencia para que evalúen si necesita la vacuna antirrábica. No cubra la herida con remedios caseros."),
("en-GB", "E", "", "This is lovely to read, Sunita. The whole team at the Birth Centre were delighted to hear from you, and they still talk about how calm you were. Congratulations again on little Arjun!"),
("en-GB", "N", "C", "Hi Gareth, the phlebotomy walk-in clinic at the Outpatients Hub is open Monday to Friday, 8am–5pm. You'll need the blood form from your GP. It's usually quietest after 2pm."),
("en-US", "E", "P", "Hi Angela, thank you for telling us about your mother's experience with our valet service. She should never have been left waiting outside in the cold for 45 minutes after her appointment. Our Guest Services manager would like to apologize to her personally, so please DM us the best number to reach her."),
("en-US", "N", "AC", "Hi Chris! For a sprained ankle, remember RICE: rest, ice for 20 minutes every 2–3 hours, compression with an elastic bandage, and elevation above your heart. Ibuprofen can help with pain and swelling. If you can't put any weight on it or the pain gets worse, come in for an X-ray."),
("en-IE", "E", "C", "Thank you, Pádraig. It means a great deal to the team in the Day Ward to hear that your first chemo session was less frightening than you'd feared. Wishing you strength for the weeks ahead."),
("en-AU", "N", "C", "Hi Jess, flu vaccines are free for kids aged 6 months to under 5, adults over 65, pregnant women and people with certain medical conditions. Our community immunisation clinic runs Wednesdays 9am–12pm, no booking needed."),
("en-IN", "E", "P", "Dear Mr. Sharma, we truly understand your frustration with the delay in the cashless insurance approval at your father's discharge. Waiting six hours after being told he could go home is exhausting for any family. Our TPA desk head has reviewed the case and will call you today to explain what happened."),
("en-IN", "N", "AC", "Hello, for a minor cut, clean it under running water, apply an antiseptic such as povidone-iodine and cover it with a clean dressing. If the wound is deep, keeps bleeding or you have not had a tetanus shot in the last 5 years, please visit our Emergency."),
("en-CA", "N", "PC", "Hi Sandra, to book a mammogram you'll need a referral from your family doctor unless you're between 50 and 74, in which case you can self-refer. Call our Breast Imaging Centre at 613-555-0167 to book."),
("en-US", "D", "AC", "Hi Derek, we know you were hoping for antibiotics, but the provider's assessment was that your sinus infection was most likely viral, and current guidelines advise against antibiotics in that situation. Saline rinses, a decongestant and rest are what help most. If you're not improving after 10 days, please follow up with your PCP."),
("mixed", "N", "P", "¡Hola! Our Spanish-language line es el 555-0177, disponible de lunes a viernes from 8am to 6pm. También puede pedir un intérprete gratis at the front desk."),
("mixed", "D", "", "Hi Carlos, entendemos su frustración, but our records show the claim was denied by your insurance because la autorización previa no la solicitó a tiempo el consultorio del médico que lo refirió. We recommend que se comunique con su aseguradora."),
("es-CAM", "T", "P", "Buenas tardes, gracias por comunicarse. Con gusto le atendemos por mensaje privado. ¡Que tenga un excelente día!"),
("es-EC", "N", "C", "Buenos días. Para la ecografía abdominal debe acudir con 6 horas de ayuno. Para la pélvica, con la vejiga llena: tome un litro de agua una hora antes y no orine. Le esperamos en el área de Imagen, segundo piso."),
("es-ES", "N", "C", "Hola. Las curas de enfermería después de la intervención se hacen en tu centro de salud. Al darte el alta te entregarán un informe de enfermería con las indicaciones para que pidas cita allí."),
("es-BO", "E", "P", "Hola, don Wilfredo. Qué impotencia hacer fila desde las cinco de la mañana para una ficha y quedarse sin ella. Entendemos su molestia y ya la compartimos con la Dirección. Escríbanos por interno el nombre del paciente y la especialidad, queremos ayudarle a conseguir la cita."),
]
# chunk 09
R += [
("es-ES", "T", "", "Gracias por tu valoración ⭐"),
("es-ES", "T", "P", "Buenas, ¿nos envías un MD con más detalles? Así lo revisamos. Gracias."),
("es-ES", "T", "P", "Hola. Sentimos las molestias. Le rogamos que nos haga llegar su queja a través del formulario de contacto de nuestra web para que pueda ser tramitada por el departamento correspondiente."),
("es-AR", "T", "", "¡Gracias por elegirnos! Saludos 😊"),
("es-CO", "T", "P", "Hola, buenas tardes. Agradecemos sus comentarios, que son muy importantes para nosotros. Le invitamos a registrar su caso en nuestro canal de PQRS para darle el trámite correspondiente."),
("en-GB", "T", "P", "Hello, we're sorry to read this. Please email us at feedback@westmoor.nhs.uk with your details so we can look into this further."),
("en-US", "T", "", "Thank you for your feedback!"),
("en-AU", "T", "P", "Thanks for getting in touch. We've sent you a private message."),
("en-IE", "T", "", "Thanks a million for the kind words, we'll be sure to share them with the team!"),
("es-ES", "D", "C", "Buenos días. Lamentamos que no haya quedado satisfecho. Le informamos de que la fisioterapia a domicilio no depende del hospital, sino de los criterios establecidos por la Consejería, que su caso no cumple. El médico rehabilitador actuó conforme a dichos criterios."),
("es-MX", "D", "PC", "Hola, Sr. Vázquez. Le informamos que el tiempo de entrega de los resultados de patología es de 10 a 15 días hábiles, como se le indicó al momento de la toma de muestra y consta en su comprobante. Si requiere una copia del comprobante, solicítela en el módulo de Atención a Pacientes."),
("es-PE", "D", "", "Buenos días. Rechazamos las afirmaciones vertidas en este comentario. Nuestro personal de enfermería brinda atención las 24 horas y en ningún momento se dejó sin supervisión a la paciente, según consta en los registros del servicio."),
("en-GB", "D", "", "Dear Ms Clarke, we're disappointed that you feel our staff were unhelpful. Having spoken to the receptionist on duty, we understand she explained the hospital's visiting policy several times and remained polite throughout, despite the situation becoming heated."),
("en-US", "D", "", "Hi Amanda, we appreciate your review. Please note that we are an out-of-network facility for your plan, which was disclosed in the financial agreement you signed at registration. We encourage patients to verify coverage with their insurer before scheduling elective procedures."),
("en-IN", "D", "C", "Dear Sir, the surgery was postponed because the patient's pre-anaesthetic check-up revealed high blood sugar levels, making it unsafe to proceed on the scheduled date. This decision was taken purely in the interest of patient safety. We request you not to spread misinformation."),
("en-CA", "D", "AC", "Hi Jordan, we understand your frustration, but the triage nurse followed our standard assessment and your symptoms were not considered urgent. For a tension headache like the one you describe, over-the-counter pain relief, fluids and rest are appropriate. If you get a sudden severe headache or any weakness, return to the ER right away."),
("es-CL", "N", "C", "Hola, Pedro. El estacionamiento del hospital funciona las 24 horas. Las primeras dos horas cuestan $1.500 y luego $800 por cada hora adicional. Los pacientes en diálisis tienen tarifa preferencial."),
("es-ES", "N", "P", "Hola, Sergio. Las citas de consultas externas se pueden cambiar en el teléfono 913 555 880 (de 8 a 15 h) o desde la app, en el apartado «Mis citas». Necesitarás el número de tarjeta sanitaria."),
("en-US", "N", "", "Hi Steph, our main lobby has free Wi-Fi: connect to \"CRMC-Guest\" and accept the terms. No password needed."),
("en-AU", "N", "PC", "Hi Dan, you don't need a referral for our sexual health clinic. Walk-ins are Monday and Thursday 1–4pm, or call (07) 5555 0144 to book. STI testing is free and confidential."),
("es-CO", "E", "", "Gracias, Valeria, por esas palabras tan bonitas sobre el equipo de la Unidad de Cuidados Intermedios. Nos contaron que tu abuelito les cantaba boleros cada mañana; lo van a extrañar. ¡Un abrazo para toda la familia!"),
("en-GB", "E", "PC", "Hi Tom, waiting 14 weeks for an MRI when you're in pain every day is hard, and we completely understand your frustration. We'd like to check whether your referral has been prioritised correctly. Please DM us your NHS number and date of birth and we'll ask the imaging booking team to look at it today."),
("es-VE", "E", "", "¡Qué hermoso mensaje, señora Carmen! Que su nieto haya vuelto a caminar después del accidente es una alegría para todos nosotros. Se lo compartimos a los fisioterapeutas, que están orgullosísimos de él."),
("en-IN", "E", "AC", "Dear Ms. Kapoor, we understand how distressing a migraine attack can be, especially during exams. Rest in a dark, quiet room, stay hydrated and take the medicine prescribed by your neurologist right at the start of the headache. If the pain is sudden and unlike your usual migraines, please come to Emergency at once."),
]
# chunk 10
R += [
("mixed", "E", "PC", "Hi Don José, thank you for your patience y por contarnos lo que pasó. Es inaceptable que nadie le explicara el cambio de medicamento en español. Our pharmacy team wants to go over it with you; please send us a DM con su número y le llamamos hoy."),
("mixed", "T", "P", "¡Gracias por su mensaje! For privacy reasons no podemos hablar de casos personales aquí. Please contact us by DM 💬"),
("mixed", "N", "C", "Hola Ana! Flu shots are available at our walk-in clinic de lunes a viernes, 9am–4pm. No appointment needed, y es gratis con la mayoría de los seguros."),
("mixed", "D", "", "Hello Sr. Ramírez, we understand your frustration, pero el tiempo de espera en el ER depende de la gravedad de cada caso. Patients with life-threatening conditions are always seen first, sin excepción."),
("mixed", "E", "AC", "Hi Marisol, qué susto con la niña 💛 For a nosebleed, have her sit up leaning forward and pinch the soft part of the nose for 10 minutes sin soltar. No la acueste boca arriba. If it doesn't stop after 20 minutes, bring her to the ER."),
("es-ES", "D", "", "Hola. Respetamos su valoración, aunque no la compartimos. El día que indica el servicio funcionó con normalidad y todos los pacientes citados fueron atendidos. Entendemos que una espera de 40 minutos puede resultar molesta, pero está dentro de lo habitual en una consulta de especialidad."),
("es-ES", "E", "", "Hola, Begoña. Gracias por una reseña tan honesta. Nos quedamos con las dos cosas que cuentas: lo bien que os trató el equipo de enfermería de la tercera planta durante los once días de ingreso de tu padre, y lo mal que lo pasó con la comida. Lo primero ya se lo hemos hecho llegar a la supervisora, que lo va a compartir con todo el turno de noche. Lo segundo también nos importa: hemos pasado tu comentario a Hostelería y a Nutrición, porque comer bien forma parte de recuperarse. Esperamos que tu padre siga mejorando en casa. Un abrazo."),
("es-ES", "N", "AC", "Buenas. Si la herida de la cesárea está roja, caliente o supura, no esperes a la revisión: acude a Urgencias de Ginecología. Mientras tanto, mantenla limpia y seca, lávala con agua y jabón y sécala bien con una gasa."),
("es-MX", "N", "", "Hola, buenas noches. El horario de visita en hospitalización es de 11:00 a 13:00 y de 17:00 a 20:00. Solo se permite un visitante por paciente y no pueden ingresar menores de 12 años."),
("es-CO", "T", "P", "Hola, gracias por tu mensaje. Te hemos respondido por DM 🙂"),
("es-AR", "E", "PC", "Hola Mariela. Entendemos la preocupación: que a tu mamá le cambien la medicación para la presión durante la internación y nadie les explique por qué genera mucha desconfianza, y es lógico. Ya le pedimos al jefe de Clínica Médica que los llame para explicarles el cambio. Pasanos por privado un teléfono."),
("es-CL", "D", "P", "Hola. La Ley de Urgencia no aplica a la atención que se le brindó, ya que su consulta fue categorizada como no vital en el triage. Por esta razón el cobro corresponde. Si desea apelar, puede hacerlo en la Oficina de Atención al Paciente presentando la boleta."),
("es-UY", "N", "P", "Hola Martina. Para cambiar de médico de referencia tenés que completar el formulario en Atención al Usuario o pedirlo al 2901 5555, opción 4. El cambio se hace efectivo en 72 horas."),
("es-PE", "E", "C", "Muchas gracias, señor Huamán. Nos alegra saber que su operación de vesícula salió bien y que ya está en casa. Le haremos llegar su agradecimiento al doctor Salas y a todo el personal de Cirugía."),
("es-PY", "D", "", "Buenas. Aclaramos que la falta de camas en terapia intensiva responde a la alta demanda de toda la red y no a una decisión del hospital. El paciente recibió la atención necesaria en urgencias mientras se gestionaba su traslado."),
("en-GB", "N", "", "Hi Amy, yes, the café in Outpatients is open 7.30am–6pm on weekdays. On Saturdays only the vending machines in the main atrium are available."),
("en-GB", "E", "C", "Hi Jo, thank you for posting this. A hip replacement at 86 is a big deal, and hearing that your gran was up and walking on day two, and that the physios made her laugh, has made Ward 12's week. Please give her our love."),
("en-US", "N", "PC", "Hi Maya, to get a copy of your X-ray images, fill out the imaging release form at the Radiology front desk or request them through the patient portal. Images on CD are usually ready within 3 business days."),
("en-US", "E", "C", "Thank you, Mr. Reyes. Years of bringing your wife to her dialysis sessions, and you still remember every nurse by name: that's a tribute to both of you. We've shared your note with the whole dialysis team."),
("en-IE", "D", "", "Hi Conor, thanks for your feedback. The hospital operates a strict two-visitor policy in the Emergency Department for infection control reasons, and security staff are instructed to enforce it for everyone. We'd ask the public to respect this policy."),
("en-AU", "E", "PC", "Hi Brooke, thank you for raising this. Being given conflicting instructions about your dad's wound dressings by two different nurses is confusing and worrying, especially when you're the one caring for him at home. We'd like the Nurse Unit Manager to call you and go through everything clearly. Can you DM us a contact number?"),
("en-IN", "T", "P", "Thank you for reaching out to us. For any queries, please call our 24x7 helpline 1800 555 0101 or write to care@sunrisehospitals.in."),
("en-CA", "E", "AC", "Hi Leah, that sounds like a really rough week. With a UTI it helps to drink plenty of water and to finish the full course of antibiotics even once you feel better. If you get a fever, back pain or vomiting, please come to the ER, as it could mean the infection has spread."),
("en-US", "T", "P", "Hi there! Thanks for reaching out. Please send us a DM so we can get some more details."),
]
# ---- end of chunks ----


def lang_of(v):
    return "mixed" if v == "mixed" else ("es" if v.startswith("es-") else "en")


def build():
    out = []
    for i, (v, t, flags, text) in enumerate(R, 1):
        assert set(flags) <= set("PAC"), flags
        if "A" in flags and "C" not in flags:
            sys.exit(f"j{i:04d}: advice without C")
        out.append({"id": f"j{i:04d}", "text": text.strip(), "lang": lang_of(v), "variety": v,
                    "tone": TONE[t], "moves_to_private": "P" in flags,
                    "gives_medical_advice": "A" in flags, "clinical_looking": "C" in flags})
    with open(OUT, "w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} replies to {OUT}")


def add(path):
    me = os.path.abspath(__file__)
    src = open(me, encoding="utf-8").read()
    chunk = open(path, encoding="utf-8").read().rstrip() + "\n"
    compile(chunk, path, "exec")
    i = src.index("\n" + MARK) + 1
    open(me, "w", encoding="utf-8").write(src[:i] + chunk + src[i:])
    print(f"added {path}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["add"]:
        add(sys.argv[2])
        os.execv(sys.executable, [sys.executable, os.path.abspath(__file__)])
    build()
