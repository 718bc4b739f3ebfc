#!/usr/bin/env python3
"""Author tool for part `latam` (ids i2001...): Latin-American Spanish + code-switching.

All records are written by hand below, chunk by chunk. Running the script rebuilds
messages_latam.jsonl from every chunk in order (ids assigned sequentially from
i2001), so re-running after a fix is idempotent. Then run check.py --partial.
"""
import atexit
import collections
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "messages_latam.jsonl")
CAT2DOM = {
    "appointments": "administrative", "waiting_times": "administrative",
    "contact_access": "administrative", "billing_insurance": "administrative",
    "paperwork_records": "administrative", "facilities": "administrative",
    "diagnosis": "clinical", "treatment": "clinical", "safety_errors": "clinical",
    "staff_attitude": "relational", "communication": "relational", "none": "none",
}
PH = {"sar": "sarcasm", "caq": "complaint_as_question", "pwc": "praise_with_complaint",
      "one": "one_word", "long": "long_form", "emo": "emoji_only", "rd": "rating_disagrees",
      "typ": "typos", "neg": "negation", "tp": "third_party"}
INT = {"c": "complaint", "q": "question", "p": "praise", "o": "other"}
SEN = {"-": "negative", "0": "neutral", "+": "positive"}
R = []


def M(var, ch, it, cat, sen, ph, text, star=None):
    """var: es-XX or mixed; ch: channel; it: c/q/p/o; cat: category; sen: - 0 +;
    ph: space-separated abbreviations (see PH); star: google only."""
    phen = [PH[p] for p in ph.split()]
    if var == "mixed":
        phen.append("code_switching")
    o = {"id": None, "text": text.strip(), "variety": var,
         "lang": "mixed" if var == "mixed" else "es", "channel": ch}
    if star is not None:
        o["star_rating"] = star
    o.update({"intent": INT[it], "domain": CAT2DOM[cat], "category": cat,
              "sentiment": SEN[sen], "phenomena": phen})
    R.append(o)


def main():
    with open(OUT, "w", encoding="utf-8") as f:
        for n, o in enumerate(R):
            o["id"] = f"i{2001 + n}"
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    C = collections.Counter
    print(len(R), "records written to", OUT)
    print("variety", sorted(C(o["variety"] for o in R).items()))
    print("intent", sorted(C(o["intent"] for o in R).items()))
    print("channel", sorted(C(o["channel"] for o in R).items()))
    print("category(c+q)", sorted(C(o["category"] for o in R if o["intent"] in ("complaint", "question")).items()))
    print("phenomena", sorted(C(p for o in R for p in o["phenomena"]).items()))


if __name__ == "__main__":
    atexit.register(main)

# ---------------------------------------------------------------- chunk 1: es-MX
V = "es-MX"
M(V, "google", "c", "waiting_times", "-", "typ tp", "Llegue a urgencias del IMSS a las 10 de la noche con mi esposa con dolor de pecho y nos atendieron hasta las 4 de la mañana. 6 horas sentados en una silla de plastico, neta no se vale", 1)
M(V, "x", "c", "contact_access", "-", "caq", "@UMF_Iztapalapa_Ote ¿de verdad nadie contesta el teléfono en esa clínica? Llevo tres días marcando para cancelar mi cita y suena y suena hasta que se corta.")
M(V, "facebook", "q", "appointments", "0", "", "Buenas tardes, una pregunta: ¿la cita con el especialista se saca aquí en el hospital o me la tienen que dar en mi UMF con el pase? Ya me dieron el pase a traumatología pero nadie me explicó qué sigue.")
M(V, "google", "p", "none", "+", "long", "Quiero agradecer a todo el equipo de la Clínica de la Mujer Santa Fe por el nacimiento de mi hija. Llegamos a las 2 de la mañana con contracciones cada cinco minutos y desde la entrada nos recibieron con mucha calma. La enfermera Lupita me explicó cada cosa que me iban haciendo y nunca me dejó sola mientras llegaba mi ginecóloga. El parto fue largo, casi catorce horas, pero en ningún momento me sentí presionada para una cesárea. Al día siguiente pasó la pediatra a explicarnos lo del tamiz y las vacunas con toda la paciencia del mundo. La habitación limpísima y la comida bastante buena para ser de hospital. De verdad, gracias.", 5)
M(V, "instagram", "o", "none", "0", "", "¡Estamos contratando! 🩺 Buscamos enfermeras generales con cédula profesional para turno nocturno en nuestra clínica de Zapopan. Prestaciones de ley y vales de despensa. Manda tu CV por DM 💼")
M(V, "google", "c", "billing_insurance", "-", "", "Fui a urgencias por una cortada en la mano, me pusieron cuatro puntos y me cobraron $4,800. En la cuenta venían hasta los guantes y 'material de curación' tres veces. Pinche robo, la próxima me voy a la Cruz Roja.", 1)
M(V, "x", "c", "paperwork_records", "-", "", "@HospRegionalLeonGto ya van dos semanas desde que me dieron de alta y la incapacidad sigue sin aparecer en el sistema. En la empresa me van a descontar los días. ¿A quién le reclamo?")
M(V, "google", "c", "staff_attitude", "-", "", "La doctora del consultorio 4 me regañó como si fuera una niña por no traer mis estudios impresos. Los traía en el celular, ni los quiso ver, y me dijo 'así no puedo trabajar, señora'. Salí llorando.", 2)
M(V, "facebook", "c", "facilities", "-", "sar tp", "Qué bonito quedó el hospital nuevo, eh. Lástima que los elevadores nunca sirven y a mi papá de 80 años lo subieron al tercer piso en silla de ruedas por la rampa de carga. Felicidades a los arquitectos 👏👏")
M(V, "google", "p", "none", "+", "one", "Recomendadísimo", 5)
M(V, "x", "c", "diagnosis", "-", "tp", "A mi hijo le dijeron en urgencias pediátricas que era infección estomacal y lo mandaron a la casa con suero oral. Al día siguiente en otro hospital lo operaron del apéndice ya perforado. No le hicieron ni un ultrasonido. Ni uno.")
M(V, "dm", "q", "billing_insurance", "0", "", "Hola buenas noches, quería saber cuánto cuesta el paquete de parto natural y si aceptan seguro de gastos médicos mayores o nomás reembolso. Gracias")
M(V, "google", "p", "none", "+", "pwc tp", "El Dr. Ochoa excelente, muy claro y paciente con mi mamá, le explicó todo con dibujitos. Lo único malo es el estacionamiento, carísimo y siempre lleno. Pero por el doctor sí regresamos.", 4)
M(V, "x", "c", "treatment", "-", "typ", "me sacaron la muela del juicio el martes en la clinica dental y me dieron puro paracetamol, llevo 3 dias q no puedo ni abrir la boca del dolor y ya se me hincho todo el cachete. asi o mas")
M(V, "google", "c", "communication", "-", "long tp", "Mi papá estuvo cinco días en terapia intensiva después de un infarto y lo peor no fue la angustia, fue no saber nada. El informe a familiares es 'a las 12', pero un día salió el médico a las 3 de la tarde, otro día no salió nadie y nos dijeron que preguntáramos al turno de la noche. Cada turno nos decía algo distinto: que ya lo iban a pasar a piso, que no, que tenía líquido en el pulmón, que eso no era nada. Nadie nos explicó qué le habían hecho en el cateterismo hasta el día que lo dieron de alta. Entiendo que están saturados, pero cinco minutos para hablar con la familia no es mucho pedir.", 1)
M(V, "facebook", "o", "none", "0", "", "Inauguran nueva Unidad de Medicina Familiar en Apodaca con 12 consultorios, laboratorio y farmacia; atenderá a más de 60 mil derechohabientes de la zona, informó la delegación estatal.")
M(V, "instagram", "p", "none", "+", "typ tp", "gracias a las enfermeras del 3er piso por cuidar tan bonito a mi abuelita estos dias 🥺💕 son unos angeles de verdad")
M(V, "x", "c", "safety_errors", "-", "tp", "@HospSanJudasCDMX a mi tía le iban a poner la insulina de la paciente de la cama de al lado. Si mi prima no lee la etiqueta, quién sabe. ¿Nadie revisa el nombre antes de inyectar?")
M(V, "google", "q", "facilities", "0", "", "¿Alguien sabe si hay dónde dejar el carro cerca? El estacionamiento del hospital dice LLENO desde las 7 am y tengo consulta a las 9.", 3)
M(V, "google", "c", "waiting_times", "-", "sar rd", "5 estrellas por la paciencia que te desarrollan: tres horas para que me tomaran la presión y me dijeran 'siéntese otra vez'. Ya salí monje tibetano 🧘‍♂️", 5)
M(V, "facebook", "q", "paperwork_records", "0", "", "¿Cómo le hago para pedir copia de mi expediente clínico? Me voy a atender a Monterrey y allá me lo piden completo. ¿Se pide en archivo o en trabajo social?")
M(V, "x", "c", "waiting_times", "-", "", "Me reprogramaron la cirugía de vesícula por cuarta vez. Cuarta. Y siempre me avisan el mismo día, cuando ya llevo doce horas en ayunas y pedí permiso en el trabajo.")
M(V, "google", "c", "appointments", "-", "typ", "La app para sacar cita nunca tiene espacios, siempre sale 'sin disponibilidad'. Al final tienes q ir a formarte desde las 6am para alcanzar ficha, entonces para que ponen app", 2)
M(V, "instagram", "q", "none", "0", "", "¿A qué hora son las visitas en piso? ¿Pueden entrar niños? 🙏")
M(V, "dm", "c", "contact_access", "-", "caq", "Buenas, les escribí hace una semana por aquí preguntando por los resultados de mi esposo y nada. ¿Sí leen los mensajes o nomás tienen la página de adorno?")
M(V, "google", "c", "staff_attitude", "-", "typ neg", "No lo recomiendo para nada. La señorita de recepción bien prepotente, ni los buenos dias contesta y te avienta los papeles en el mostrador como si le debieras algo", 1)
M(V, "x", "o", "none", "+", "", "Hoy fuimos 40 compañeros de la chamba a donar sangre al banco del hospital infantil. Si alguien de Puebla se anima, no tarda ni una hora y te dan tu jugo 🩸🧃")
M(V, "google", "c", "billing_insurance", "-", "pwc rd", "Los doctores muy bien, no tengo queja de la atención, pero me cobraron dos veces la misma radiografía y llevo un mes pidiendo el reembolso. Todavía no me lo regresan y ya nadie me da razón.", 4)
M(V, "facebook", "c", "diagnosis", "-", "caq tp", "¿Cuántos doctores más tienen que ver a mi mamá para que alguien le haga caso? Tres veces la han mandado a la casa diciendo que es colitis y sigue bajando de peso, ya va en 9 kilos.")
M(V, "x", "q", "appointments", "0", "", "@DentalSonrieQro hola! ¿dan citas los sábados para limpieza? y más o menos cuánto sale?")

# ---------------------------------------------------------------- chunk 2: es-CO
V = "es-CO"
M(V, "google", "c", "billing_insurance", "-", "long tp", "Escribo esto porque ya no sé a dónde más acudir. Mi mamá tiene 67 años y el neurólogo le ordenó una resonancia de columna con contraste el 3 de febrero. Desde ese día la EPS nos tiene en un ir y venir: primero que la orden estaba mal diligenciada, luego que faltaba la historia clínica, después que la IPS donde se la iban a hacer ya no tenía convenio. Fuimos cuatro veces a la oficina de autorizaciones, cada vez con ficha y dos horas de fila. Hoy, casi dos meses después, nos dicen que está 'en auditoría médica'. Mientras tanto ella no puede caminar sin ayuda. Ya radicamos derecho de petición y si no contestan toca poner tutela, como siempre en este país.", 1)
M(V, "x", "c", "waiting_times", "-", "typ tp", "9 horas en urgencias de la clinica con mi mamá de 78 años clasificada triage 3, sentada en una silla porque no hay camillas. parce esto es una verguenza")
M(V, "facebook", "q", "appointments", "0", "", "Buenos días, ¿para sacar cita con medicina general toca llamar o ya se puede por la página web? Es que la última vez me tocó ir hasta la sede y hacer fila.")
M(V, "instagram", "p", "none", "+", "tp", "Mil gracias al equipo de oncología pediátrica 💛 hoy mi niña terminó sus quimios y tocó la campana. Ustedes son unos berracos, nunca nos soltaron la mano 🔔")
M(V, "google", "p", "none", "+", "one", "Bacanísimos", 5)
M(V, "x", "c", "contact_access", "-", "caq", "@IPSVidaPlenaMed ¿a qué horas es que contestan la línea de citas? Desde las 7 marcando y 'todos nuestros asesores se encuentran ocupados'. Ya son las 11.")
M(V, "google", "c", "staff_attitude", "-", "", "El vigilante de la entrada trata a la gente como ganado. A una señora embarazada le gritó que se devolviera a hacer la fila afuera, bajo el aguacero. Nadie de la clínica dijo nada.", 2)
M(V, "dm", "q", "paperwork_records", "0", "", "Buenas tardes, ¿me pueden enviar la historia clínica de mi hospitalización por correo? Es para radicar la incapacidad en la EPS y me la piden completa. Quedo atenta.")
M(V, "facebook", "c", "treatment", "-", "tp", "A mi papá le dieron salida con una sonda puesta y sin fórmula para el dolor, que 'eso se le pasa'. A los dos días estaba otra vez en urgencias con fiebre y una infección urinaria. Esa salida fue a la carrera para liberar la cama.")
M(V, "google", "q", "billing_insurance", "0", "", "¿Cuánto es la cuota moderadora para especialista si uno es categoría B? En la ventanilla me dijeron un valor y en la app sale otro distinto.", 4)
M(V, "x", "c", "appointments", "-", "sar", "Qué eficiencia la de @EPSVidaPlena: pido cita con dermatología en marzo y me la dan para agosto. Ojalá el lunar espere juiciosito 🙃")
M(V, "google", "c", "safety_errors", "-", "long tp", "El sábado en la noche mi abuelo, de 85 años y con demencia, se cayó de la cama en el piso de medicina interna. Nosotros habíamos pedido desde el primer día que le subieran las barandas porque él se desorienta, y la respuesta siempre era 'tranquilos que las enfermeras están pendientes'. Nadie estaba pendiente: lo encontró el paciente de al lado en el piso, con la frente abierta. Le tuvieron que poner seis puntos y ahora le están haciendo estudios por si hay sangrado. Pusimos la queja en atención al usuario y nos dieron un número de radicado. Solo queremos que esto no le pase a otra familia.", 1)
M(V, "instagram", "o", "none", "0", "typ", "Gana plata desde tu casa con solo 2 horas diarias 💸💸 sin inversion, escribeme al wasap y te explico")
M(V, "google", "p", "none", "+", "long", "Llevaba años con miedo al odontólogo por una mala experiencia de niño, y en la Clínica Odontológica Laureles me cambiaron el chip. La doctora Natalia me hizo la valoración sin afán, me mostró las radiografías en la pantalla y me explicó las tres opciones para los implantes con precios claros desde el principio, sin sorpresas. El procedimiento fue largo pero casi no sentí nada, y al otro día me escribieron por WhatsApp a preguntar cómo seguía. Las auxiliares son un amor y el consultorio es impecable. Ya mandé a mi esposa y a mi suegra. Gracias de verdad.", 5)
M(V, "x", "c", "communication", "-", "tp", "Operaron a mi hermano a las 10 de la mañana y a las 6 de la tarde todavía nadie nos había dicho si había salido bien. En información solo 'no tenemos reporte, sigan esperando'.")
M(V, "facebook", "c", "paperwork_records", "-", "typ", "llevo 3 semanas esperando los resultados de la biopsia y cada ves que llamo me dicen q el laboratorio no los a subido. es una biopsia no una encuesta, uno esta con el alma en un hilo")
M(V, "google", "c", "facilities", "-", "pwc", "La atención de los médicos buena, eso sí. Pero las habitaciones son compartidas de a cuatro, un solo baño para todos y sin agua caliente. En Tunja a las 5 de la mañana eso es un castigo.", 3)
M(V, "x", "q", "facilities", "0", "", "¿El parqueadero del hospital es gratis para los acompañantes de pacientes hospitalizados o toca pagar por horas? Voy a estar toda la semana.")
M(V, "google", "c", "diagnosis", "-", "", "Fui tres veces a urgencias con un dolor de cabeza como nunca había tenido y me despachaban con acetaminofén y 'eso es estrés'. La cuarta vez, en otra clínica, me hicieron un TAC y tenía un sangrado. Casi me muero por un diagnóstico de afán.", 1)
M(V, "x", "p", "none", "+", "", "Quiero agradecer públicamente al personal de urgencias de @HUSanRoqueCali. Llegué con mi hijo convulsionando y en menos de cinco minutos ya lo estaban atendiendo. Mil y mil gracias 🙏")
M(V, "google", "c", "staff_attitude", "-", "rd", "Pésima la actitud del especialista de ortopedia. Ni me saludó, no me dejó terminar de hablar y cuando le pregunté por la terapia me dijo que 'eso lo busca en internet'.", 5)
M(V, "facebook", "q", "none", "0", "", "Buenas noches, ¿hasta qué hora es el horario de visitas en la UCI adultos? ¿Pueden entrar dos personas al tiempo o solo una?")
M(V, "dm", "c", "contact_access", "-", "", "Les he escrito por WhatsApp, por correo y por aquí. Necesito que alguien me confirme si la cirugía de mi esposa sigue para el jueves, porque nadie responde nada y venimos desde Sogamoso.")
M(V, "google", "c", "billing_insurance", "-", "typ", "me cobraron copago de 180 mil por una hospitalizacion de 2 dias y yo soy cotizante, eso no va asi. en facturacion nadie sabe explicar nada, solo que 'asi sale en el sistema'", 2)
M(V, "x", "o", "none", "+", "", "El hospital departamental de Villavicencio recibió 15 nuevas camas de UCI y dos ambulancias medicalizadas, entregadas esta mañana por la Gobernación del Meta.")
M(V, "instagram", "q", "appointments", "0", "", "Hola, ¿las vacunas de los bebés toca con cita o uno llega directo? 👶 es para la de los 2 meses")
M(V, "google", "p", "none", "+", "neg pwc", "No fue rápido, no les voy a mentir, esperé casi tres horas. Pero la doctora de urgencias se tomó el tiempo de explicarme todo con calma y me sentí en buenas manos. Volvería sin pensarlo.", 4)
M(V, "x", "c", "treatment", "-", "sar", "Gracias @ClinicaDelNorteBQ por la fisioterapia exprés: 10 minutos, una compresa tibia y pa la casa. Así sí me recupero de la rodilla para el 2030.")

# ---------------------------------------------------------------- chunk 3: es-AR
V = "es-AR"
M(V, "google", "c", "waiting_times", "-", "tp", "Cuatro horas en la guardia con mi viejo volando de fiebre. Había dos médicos para toda la sala y uno se fue a comer en el medio. Un desastre.", 1)
M(V, "x", "c", "appointments", "-", "caq", "@SanatorioDelParqueBA ¿me explican cómo puede ser que para sacar turno con cardiología por la web me den para dentro de 4 meses? ¿Para cuando ya me haya infartado?")
M(V, "facebook", "q", "billing_insurance", "0", "", "Hola, ¿atienden con la obra social de empleados de comercio o solamente con prepagas? Necesito turno con traumatología y en la cartilla no figura.")
M(V, "instagram", "p", "none", "+", "tp", "Gracias infinitas a las chicas de neo 💚 mi gordo estuvo 23 días en incubadora y hoy nos vamos a casa. ¡Las vamos a extrañar!")
M(V, "google", "p", "none", "+", "one", "Impecable.", 5)
M(V, "x", "c", "staff_attitude", "-", "typ", "la administrativa de mesa de entradas una ortiva barbara, le pregunte donde quedaba rayos y me dijo 'lee los carteles que para algo estan'. re mala onda, ni te miran")
M(V, "google", "c", "billing_insurance", "-", "long pwc", "Tengo prepaga hace doce años y nunca había tenido que reclamar nada hasta ahora. En noviembre me internaron tres días en el sanatorio por una colecistitis y me operaron de urgencia. La atención médica, impecable, no tengo nada que decir del cirujano ni de las enfermeras. El problema vino después: me llegó una factura por 'diferencia de honorarios del anestesista' de casi 300 mil pesos, porque según ellos el anestesista no es de cartilla. ¿Y yo cómo iba a elegir anestesista en una urgencia? Llamé al sanatorio y me dijeron que es tema de la prepaga; la prepaga dice que es tema del sanatorio. Ya hice el reclamo formal y la denuncia en Defensa del Consumidor. Ojo con esto.", 2)
M(V, "dm", "q", "paperwork_records", "0", "", "¡Hola! Necesito el certificado de internación para presentar en el laburo, ¿lo puedo pedir por acá o tengo que ir personalmente a la oficina de admisión?")
M(V, "facebook", "c", "facilities", "-", "sar", "Bárbaro el baño de la guardia: sin papel, sin jabón, sin traba y con la canilla que pierde desde hace meses. Mantenimiento de primer mundo, felicitaciones.")
M(V, "x", "c", "diagnosis", "-", "tp", "A mi vieja le dijeron en la guardia que era una contractura y la mandaron a casa con diclofenac. Era un infarto. Por suerte mi hermana la llevó a otro lado esa misma noche.")
M(V, "google", "p", "none", "+", "pwc", "El doctor Ferreyra es un genio, me operó de la rodilla y a las tres semanas ya caminaba sin muletas. Le saco una estrella porque conseguir turno por teléfono es una odisea.", 4)
M(V, "x", "q", "none", "0", "", "@HospRegionalRosarioSur buenas, ¿hasta qué hora se puede visitar en terapia intermedia? ¿Se le puede llevar algo de comer al paciente?")
M(V, "google", "c", "contact_access", "-", "", "Imposible comunicarse. El 0800 te tiene 40 minutos con musiquita y después se corta. Los mails no los contesta nadie. Tuve que ir hasta allá en dos colectivos para cancelar un turno.", 1)
M(V, "facebook", "c", "treatment", "-", "long tp", "Quiero contar lo que pasó con mi mamá porque no puede ser. La operaron de cadera por PAMI el jueves, una fractura por una caída en casa. La cirugía salió bien, según el traumatólogo. Pero el domingo, con apenas tres días, le dieron el alta sin que la viera ningún kinesiólogo, sin indicación de anticoagulante y con una receta de ibuprofeno escrita a mano. Ella tiene 81 años y no podía ni sentarse sola. El lunes a la noche tenía la pierna hinchada y terminamos otra vez en la guardia: trombosis. Ahora está internada de nuevo. Si le hubieran dado el tratamiento que corresponde, esto no pasaba.")
M(V, "instagram", "o", "none", "+", "", "Qué lindo ver el hospital donde nací hace 40 años todavía en pie ❤️ mi vieja trabajó ahí de enfermera toda la vida")
M(V, "x", "c", "safety_errors", "-", "", "Entré a operarme la rodilla izquierda y el enfermero me marcó la derecha con el fibrón. Si no me avivo yo, ¿qué pasaba? Después todos 'ay, fue un error de tipeo en la planilla'.")
M(V, "google", "c", "waiting_times", "-", "sar rd", "Cinco estrellas a la máquina de café, que fue lo único que funcionó en las seis horas que estuve esperando en la guardia.", 5)
M(V, "dm", "c", "communication", "-", "tp", "Buenas, mi mamá está internada en el 4° piso desde el lunes y todavía ningún médico nos explicó qué tiene. Cada enfermera nos dice una cosa distinta y el médico de planta nunca está cuando vamos. ¿Con quién tengo que hablar?")
M(V, "x", "c", "billing_insurance", "-", "typ", "me debitaron dos veces la cuota de la prepaga este mes y para reclamar tenes q mandar un mail y esperar 15 dias habiles. y la plata la necesito ahora loco, no en 15 dias")
M(V, "google", "q", "appointments", "0", "", "¿Los turnos de pediatría se sacan solamente por la app? Mi mamá no tiene smartphone y es la que lleva a mi hijo a los controles.", 3)
M(V, "facebook", "o", "none", "0", "", "El Hospital Municipal de Tandil sumó un nuevo tomógrafo de 64 cortes que permitirá reducir los tiempos de espera para estudios por imágenes, informó la Secretaría de Salud local.")
M(V, "x", "p", "none", "+", "", "Quiero agradecer al equipo de guardia de @HospSantaLuciaSur por la atención de anoche con mi nena. Rápidos, amables y nos explicaron todo. Así da gusto la salud pública.")
M(V, "google", "c", "paperwork_records", "-", "tp", "Hace tres semanas que espero la copia de la historia clínica de mi papá para llevarla a otro médico. Me dijeron 72 horas. Cada vez que voy: 'todavía no está, volvé el lunes'.", 2)
M(V, "instagram", "q", "none", "0", "", "¡Hola! ¿Tienen wifi para pacientes internados? Mi abuela se aburre un montón 😅")
M(V, "google", "c", "staff_attitude", "-", "long", "Fui a control de embarazo con la obstetra de guardia porque mi médica estaba de vacaciones. Desde que entré me trató con fastidio. Le conté que tenía contracciones y me dijo 'todas dicen lo mismo, sos primeriza, es normal'. Cuando le pedí que me revisara bien porque tenía un dolor distinto, revoleó los ojos y le comentó a la enfermera que 'estas pibas se asustan de todo'. Al final tenía una infección urinaria que había que tratar. No pido que me traten de reina, pido respeto. Nadie merece que se burlen de ella en la cara cuando está asustada y con una panza de siete meses.", 1)
M(V, "x", "c", "waiting_times", "-", "caq", "¿Alguien me explica por qué tengo turno a las 9 y son las 11:40 y sigo acá sentado? ¿Para qué dan horario entonces, para decorar?")
M(V, "facebook", "q", "treatment", "0", "tp", "Consulta: a mi hijo le dieron el alta con antibiótico por 7 días pero ya al tercero está sin fiebre. ¿Lo tiene que terminar igual? No me quedó claro cuando nos explicaron en la guardia.")
M(V, "google", "p", "none", "+", "neg", "Nunca pensé que iba a escribir una reseña de un hospital público, pero no tengo más que palabras de agradecimiento para el servicio de cirugía. No me faltó nada, me atendieron como en el mejor sanatorio.", 5)

# ---------------------------------------------------------------- chunk 4: es-CL
V = "es-CL"
M(V, "google", "c", "waiting_times", "-", "typ tp", "Llegue al SAPU a las 8 de la noche con mi hijo con 39 de fiebre y nos atendieron a las 2am. Una sola doctora pa todo el sector, harto penca la wea", 1)
M(V, "x", "c", "appointments", "-", "caq", "@CesfamLaFloridaOte ¿hasta cuándo hay que ir a las 7 de la mañana a hacer fila para pedir hora? ¿El teléfono lo tienen de adorno?")
M(V, "facebook", "q", "billing_insurance", "0", "", "Hola, una consulta: si soy Fonasa tramo B, ¿la consulta con el traumatólogo me sale gratis o tengo que comprar bono igual? Gracias de antemano.")
M(V, "google", "p", "none", "+", "long pwc", "Tuve a mi segunda guagua en la maternidad del hospital y quiero dejar constancia de lo bien que nos trataron. Soy Fonasa y venía con miedo por todo lo que una escucha del sistema público, pero las matronas fueron unas secas: me acompañaron en todo el trabajo de parto, respetaron que no quería epidural hasta el final y me dejaron tener a mi hija en el pecho apenas nació. En la sala de puerperio éramos cuatro mamás y las técnicos pasaban cada rato a preguntar si necesitábamos algo. La comida fome, pero nada que reclamar. Gracias a todo el equipo del turno de noche del 14 de mayo.", 5)
M(V, "instagram", "p", "none", "+", "", "La raja el equipo de kine del Cesfam 🙌 después de dos meses ya puedo agacharme sin que me duela la espalda. Gracias Pame y Nico!!")
M(V, "google", "c", "billing_insurance", "-", "", "En la clínica me dijeron que el PAD cubría todo y al final me llegó una cuenta de 800 lucas porque 'hubo insumos adicionales'. Nadie me avisó nada antes de firmar el alta.", 1)
M(V, "x", "c", "paperwork_records", "-", "", "Me rechazaron la licencia médica porque el doctor la emitió con el código equivocado. Ahora tengo que volver a pedir hora para que la corrija y mientras tanto nadie me paga. ¿Quién responde por esto?")
M(V, "google", "q", "none", "0", "", "¿La farmacia del hospital atiende los fines de semana o hay que ir a comprar afuera? Me dieron el alta un sábado y no supe.", 4)
M(V, "x", "c", "staff_attitude", "-", "typ tp", "el paramedico de la urgencia le hablo a mi abuela como si fuera tonta, 'señora NO ENTIENDE lo que le digo?' gritandole. tiene 90 años weon, un poco de respeto")
M(V, "facebook", "o", "none", "0", "", "El Hospital de Puerto Montt incorporó un robot quirúrgico y realizó con éxito su primera prostatectomía asistida, informó el Servicio de Salud del Reloncaví.")
M(V, "google", "c", "treatment", "-", "rd", "Le pongo 5 pa que lean esto: me operaron de hernia el lunes y me dieron el alta el martes con un dolor que no me dejaba ni caminar, con puro paracetamol. Terminé de vuelta en la urgencia el miércoles.", 5)
M(V, "dm", "q", "waiting_times", "0", "", "Hola, buenas tardes. Tengo una interconsulta a oftalmología desde el Cesfam hace 6 meses, ¿cómo puedo saber en qué lugar de la lista de espera voy?")
M(V, "google", "c", "diagnosis", "-", "long tp", "Llevé a mi hija de 4 años a la urgencia de la clínica tres días seguidos. Tenía fiebre alta, tos y respiraba rápido. El primer día el médico la escuchó dos minutos y dijo que era un virus, que le diera paracetamol. El segundo día otro médico, lo mismo, 'es viral, mamá, hay que esperar'. El tercer día ya estaba con los labios morados y recién ahí le tomaron una radiografía: neumonía con derrame. Estuvo una semana hospitalizada con antibiótico endovenoso. Pagamos tres consultas de urgencia con la ISAPRE para que nadie la examinara en serio. No sé cómo no se les ocurrió pedir una placa antes.", 1)
M(V, "x", "p", "none", "+", "tp", "Gracias al equipo de la UCI del @HospRegMauleTalca por salvarle la vida a mi papá después del accidente. 21 días y hoy salió caminando. No tengo palabras 🙏")
M(V, "instagram", "q", "none", "0", "", "¿Qué días están vacunando contra la influenza en el consultorio? ¿Hay que llevar el carnet o basta con el carnet de identidad?")
M(V, "google", "c", "facilities", "-", "", "Para ser clínica privada, el estacionamiento es una vergüenza: $2.500 la hora y tienes que dar veinte vueltas. Y la sala de espera con la tele a todo volumen con el matinal.", 2)
M(V, "x", "c", "contact_access", "-", "sar", "Me encanta llamar al call center de la clínica y escuchar 'su llamada es muy importante para nosotros' durante 45 minutos. Se nota lo importante que es 🙂")
M(V, "facebook", "c", "communication", "-", "tp", "Mi mamá se operó ayer y nadie nos avisó que había salido del pabellón. Nos enteramos porque ella misma nos llamó desde el celular en la sala de recuperación. Estuvimos 4 horas en la sala de espera sin saber nada.")
M(V, "google", "c", "waiting_times", "-", "pwc", "Buena atención una vez que te atienden, el doctor súper preocupado y claro. Pero la hora era a las 10:30 y me llamaron a las 12:15, sin que nadie avisara del atraso.", 3)
M(V, "x", "o", "none", "0", "", "Se necesita TENS con experiencia para clínica en Viña del Mar, sistema de turnos 4x4. Interesados enviar CV al correo que está en el perfil.")
M(V, "google", "p", "none", "+", "neg", "No tengo ni una sola queja. Desde la admisión hasta el alta, todo súper ordenado y la gente amable. Ojalá todos los hospitales funcionaran así.", 5)
M(V, "dm", "c", "safety_errors", "-", "tp", "Buenas, quiero dejar un reclamo formal. A mi papá le dieron clonazepam en la noche cuando su médico lo había suspendido justamente por las caídas. Se levantó al baño y se cayó. ¿Dónde hago el reclamo en la OIRS?")
M(V, "facebook", "q", "paperwork_records", "0", "", "¿Cómo se pide el comprobante de parto para inscribir a la guagua en el Registro Civil? Nos fuimos de alta sin el papel y en el Registro no nos dejan 😅")
M(V, "x", "c", "waiting_times", "-", "tp", "Tres años en lista de espera para la operación de cadera de mi suegra. Tres años. Y cada vez que llamamos, 'está en la lista, señora, tiene que esperar'.")
M(V, "instagram", "p", "none", "+", "emo", "🙏🏻💙👩🏻‍⚕️✨")

# ---------------------------------------------------------------- chunk 5: es-PE
V = "es-PE"
M(V, "google", "c", "appointments", "-", "long", "Conseguir una cita en este hospital es una prueba de resistencia. Llamas a la central y te dicen que no hay cupos, que vuelvas a llamar el primer día hábil del mes. El primer día del mes llamas desde las 7 y suena ocupado hasta las 10, y cuando por fin contestan ya no hay cupos para endocrinología. La otra opción es venir a hacer cola de madrugada: mi esposo vino a las 4 de la mañana y ya había como 60 personas. Le dieron cita para dentro de dos meses. Mi diabetes no espera dos meses, y tampoco es justo que la gente mayor tenga que dormir en la vereda para que la atiendan. Pongan un sistema que funcione, por favor.", 1)
M(V, "x", "c", "waiting_times", "-", "sar", "Qué rápido es emergencia del hospital, causa: llegué con un cólico renal a las 3 de la tarde y a las 11 de la noche recién me ponen la vía. Récord mundial 🏆")
M(V, "facebook", "q", "billing_insurance", "0", "tp", "Buenas, ¿el SIS cubre la cesárea si es programada o solo cuando es de emergencia? Mi cuñada está de 8 meses y nadie nos sabe decir.")
M(V, "instagram", "p", "none", "+", "typ tp", "mil gracias al dr de traumatologia q operó a mi viejo, ya camina de nuevo y anda feliz por toda la casa 🙌 chevere la atencion de todo el piso")
M(V, "google", "c", "staff_attitude", "-", "", "La técnica de enfermería del tópico nos atendió con una cara de fastidio terrible. Cuando mi mamá le pidió que le explicara cómo tomar las pastillas, le dijo 'si no le gusta cómo atendemos, vaya a una clínica'.", 2)
M(V, "x", "q", "paperwork_records", "0", "", "@HospNacionalSurLima buenas, ¿cuánto demora la validación del descanso médico? En mi chamba me lo piden para el viernes sí o sí.")
M(V, "google", "p", "none", "+", "", "Excelente clínica dental, la doctora súper delicada con mi hijito de 5 años, no lloró nada y salió feliz con su sticker. Precios justos además. Bacán.", 5)
M(V, "dm", "q", "appointments", "0", "", "Hola, quisiera saber si puedo reprogramar mi cita de cardiología del martes, tengo que viajar a Arequipa por trabajo. ¿Se puede por aquí o tengo que ir a admisión?")
M(V, "facebook", "c", "safety_errors", "-", "tp", "En el hospital le dieron a mi hermana una pastilla que no era suya, la enfermera confundió las camas. Le dio una reacción alérgica fuerte y la tuvieron que pasar a observación. Y nadie quiso poner nada por escrito.")
M(V, "google", "c", "contact_access", "-", "rd pwc typ", "la atencion bien pero NUNCA contestan el telefono, llame como 20 veces para preguntar por un resultado y nada. asi no se puede, uno no puede venir hasta aca por cada cosa", 4)
M(V, "x", "o", "none", "0", "", "EsSalud anuncia la apertura de un nuevo centro de hemodiálisis en Piura con capacidad para 120 pacientes, lo que reducirá los traslados a Chiclayo.")
M(V, "google", "c", "billing_insurance", "-", "", "En la clínica me cotizaron 9 mil soles por la operación de vesícula y al final la cuenta salió 14 mil. Que 'hubo complicaciones' que nadie me explicó antes de pasarme la factura. Me sentí estafado.", 1)
M(V, "instagram", "q", "none", "0", "", "¿En qué piso queda neonatología? Siempre me pierdo entre los ascensores 😅")
M(V, "x", "c", "treatment", "-", "", "Llevo un mes de terapia física y cada sesión son 15 minutos de electrodos y chau. Nadie me enseña ejercicios, nadie evalúa si mejoro. Así no se rehabilita nadie.")
M(V, "google", "q", "facilities", "-", "tp", "¿El estacionamiento es solo para el personal? Dimos vueltas y el vigilante no nos dejó entrar ni para dejar a mi mamá en silla de ruedas en la puerta.", 3)
M(V, "facebook", "c", "communication", "-", "long tp", "Quiero contar cómo nos enteramos del cáncer de mi papá. Estábamos esperando en el pasillo del piso de medicina y salió un doctor joven con los papeles en la mano, preguntó '¿familiares del señor Quispe?' y nos dijo, ahí parados, con gente pasando, que tenía un tumor en el páncreas 'bastante avanzado' y que habláramos con oncología. Le preguntamos qué significaba eso, qué tratamiento había, cuánto tiempo, y dijo que no sabía, que eso lo veía oncología. Se fue. Nadie nos volvió a explicar nada en tres días. Entiendo que los médicos están llenos de pacientes, pero una noticia así no se da en un pasillo y sin respuestas.")
M(V, "x", "p", "none", "+", "", "Gracias al personal del hospital de Huaraz que atendió a los heridos del accidente en la carretera anoche. Trabajaron toda la madrugada sin parar 👏👏")
M(V, "google", "c", "diagnosis", "-", "typ", "me dijeron q era gastritis y me mandaron omeprazol por 2 meses. era la vesicula llena de piedras, otro doctor lo vio en una eco de 5 minutos. 2 meses perdidos con dolor", 1)
M(V, "x", "c", "contact_access", "-", "caq", "¿Alguien de @ClinicaSanMartinLima responde los DM o solo los usan para publicar promociones del día de la madre?")
M(V, "dm", "o", "none", "0", "", "¡Hola! Somos una empresa peruana de uniformes médicos 👩‍⚕️ ¿A quién le podemos enviar nuestro catálogo para el personal de la clínica? Tenemos precios por volumen.")
M(V, "google", "c", "waiting_times", "-", "typ tp", "3 meses para conseguir cita con el neurologo y el dia de la cita 4 horas de espera. mi mama ya no aguantaba sentada, asu mare que falta de respeto al tiempo de la gente", 2)
M(V, "facebook", "q", "communication", "0", "tp", "¿Cómo puedo hablar con el médico tratante de mi papá? Está hospitalizado en medicina desde el lunes y nunca coincidimos con la hora de informes porque trabajamos.")
M(V, "google", "p", "none", "+", "neg", "No esperaba tanto de un hospital del MINSA, la verdad. Limpio, ordenado, y el doctor de emergencia muy humano con mi hija. Gracias.", 5)

# ---------------------------------------------------------------- chunk 6: es-VE
V = "es-VE"
M(V, "google", "c", "billing_insurance", "-", "long tp", "Llegamos a la emergencia de la clínica un domingo a las 11 de la noche con mi hermano sangrando por una herida en la cabeza después de un accidente en moto. Antes de que un médico lo viera, en la taquilla nos exigieron un depósito de 500 dólares en efectivo 'para abrir la historia'. Le explicamos que teníamos seguro, que podíamos pagar con tarjeta, que al menos lo revisaran mientras conseguíamos la plata. Nada: sin depósito no pasaba. Tuvimos que llamar a media familia para reunir el dinero mientras él seguía sentado en la silla con una toalla en la cabeza. Después el seguro cubrió casi todo, pero ese rato no se le hace a nadie. La vida primero, la caja después.", 1)
M(V, "x", "c", "facilities", "-", "sar", "Fino el Seguro Social: el aire acondicionado del quirófano dañado desde hace tres meses y operando con un ventilador de pie. Tecnología de punta, chamo 👏")
M(V, "facebook", "q", "appointments", "0", "", "Buenas tardes, ¿para sacar cita en traumatología del ambulatorio hay que ir de madrugada o se puede pedir por WhatsApp? Gracias de antemano.")
M(V, "instagram", "p", "none", "+", "typ tp", "Chamo gracias a la dra Marianela del CDI por atender a mi mama a las 3am con tanto cariño y paciencia. gente asi es la que hace falta burda")
M(V, "google", "p", "none", "+", "one", "Chévere!!", 5)
M(V, "x", "c", "staff_attitude", "-", "caq tp", "¿Será mucho pedir que la enfermera de guardia no le grite a los familiares? Uno pregunta cómo sigue su mamá y te sale con un 'no ve que estoy ocupada, señora'.")
M(V, "dm", "q", "paperwork_records", "0", "", "Buenas noches. Necesito que me sellen el reposo médico que me dio el doctor en emergencia, ¿eso se hace en la dirección o en registros médicos? Gracias.")
M(V, "google", "c", "appointments", "-", "typ", "Desde las 5 de la mañana en la cola para la consulta de cardiologia y a las 12 nos dijeron q el doctor no venia. ni un aviso, nada, ni un cartel. que ladilla, perdi el dia de trabajo", 2)
M(V, "facebook", "o", "none", "0", "", "Se hacen récipes y reposos médicos firmados y sellados, entrega inmediata y discreta. Escríbeme al privado 📩")
M(V, "x", "c", "diagnosis", "-", "tp", "A mi chamo lo vieron en emergencia pediátrica con dolor de barriga y le dijeron que eran parásitos. Resultó ser una invaginación intestinal. Gracias a Dios lo operaron a tiempo en otra clínica.")
M(V, "google", "p", "none", "+", "pwc", "El doctor Rangel es un pana, me operó la hernia y quedé como nuevo. Le quito una estrella porque la clínica te cobra hasta el vaso de agua, y todo en dólares.", 4)
M(V, "google", "c", "treatment", "-", "long tp", "Mi abuela de 79 años estuvo hospitalizada doce días por un pie diabético. Los primeros cuatro días no recibió antibiótico porque en la farmacia del hospital 'no había', y nadie nos dijo que lo podíamos comprar afuera hasta que un residente, de buena gente, nos dio el récipe casi a escondidas. Para entonces la infección ya había subido. Las curas eran una vez al día cuando debían ser dos, y muchas veces con gasas que llevábamos nosotros. Al final le tuvieron que amputar dos dedos. No culpo a las enfermeras, que hacen lo que pueden, pero el tratamiento que le dieron no fue el que necesitaba, y eso tiene consecuencias.", 1)
M(V, "x", "q", "none", "0", "", "@HospUnivMaracaibo buenas, ¿a qué hora es la visita en el área de hospitalización? ¿Dejan pasar con comida o hay que dejarla en la entrada?")
M(V, "google", "c", "facilities", "-", "sar rd", "5 estrellas por la creatividad: en rayos X no había placas y el técnico le tomó una foto a la pantalla con su teléfono para que yo se la enseñara al traumatólogo. Innovación pura.", 5)
M(V, "facebook", "c", "contact_access", "-", "caq typ", "nadie contesta el numero que aparece en la pagina, ya ni existe ese numero, sale que esta fuera de servicio. como hace uno para comunicarse con ustedes??")
M(V, "instagram", "p", "none", "+", "", "Naguará, qué bonita quedó el área de pediatría remodelada 😍 los niños felices con los dibujos en las paredes. Gracias a todo el equipo por el esfuerzo.")
M(V, "x", "c", "communication", "-", "tp", "Tres días con mi papá en observación y cada médico que pasa dice una cosa distinta: uno que lo operan, otro que no, otro que esperemos los resultados. Nadie nos dice qué tiene.")
M(V, "google", "q", "billing_insurance", "0", "", "¿Aceptan pago móvil o solo efectivo en divisas? La última vez no me dejaron pagar con tarjeta y tuve que salir a buscar dónde cambiar.", 3)
M(V, "dm", "c", "safety_errors", "-", "tp", "Buenas, quiero denunciar que a mi esposa le hicieron la cesárea y se le infectó la herida. La sala estaba sucia, lo vimos nosotros mismos, con sangre seca en el piso. Ahora tiene que estar tres semanas con antibiótico.")
M(V, "x", "o", "none", "+", "", "Hoy se cumplen 20 años del banco de leche humana del hospital materno de Valencia. Felicidades a todas las madres donantes que lo han hecho posible 💛")
M(V, "google", "c", "paperwork_records", "-", "sar typ", "que eficientes, 2 meses esperando el informe de la resonancia q ya pague completica. 'vuelva el lunes' deberia ser el lema de la institucion", 1)
M(V, "facebook", "q", "treatment", "0", "", "Buenas, ¿es normal que después de la operación de catarata me sigan saliendo lágrimas y vea borroso? El control es dentro de 15 días y no sé si esperar o ir antes.")
M(V, "google", "p", "none", "+", "neg", "Ni en las mejores clínicas me habían tratado así. La unidad de diálisis es un ejemplo: puntuales, limpios y las enfermeras siempre con una sonrisa, aunque muchas veces no tengan de nada.", 5)

# ---------------------------------------------------------------- chunk 7: es-EC
V = "es-EC"
M(V, "google", "c", "appointments", "-", "sar", "Bacán el call center: me dan turno con el traumatólogo para dentro de tres meses y encima me dicen 'que tenga un excelente día'. Sí, excelentísimo.", 1)
M(V, "x", "c", "waiting_times", "-", "typ tp", "5 horas en emergencia del hospital con mi ñaña con dolor de barriga y ni un medico ha salido a verla. chuta ya no se q hacer, la man esta llorando del dolor")
M(V, "facebook", "q", "appointments", "0", "tp", "Buenas tardes, ¿me pueden dar ayudando? Necesito cambiar el turno de pediatría de mi guagua porque ese mismo día tiene la vacuna en la escuela.")
M(V, "google", "p", "none", "+", "long tp", "Quiero agradecer al servicio de cirugía del hospital del IESS. A mi esposo lo operaron de una obstrucción intestinal de emergencia un viernes en la noche, y aunque estábamos asustadísimos, el cirujano de turno salió a explicarnos con dibujitos lo que le iban a hacer y los riesgos. Después de la operación estuvo cinco días en el piso y las licenciadas de enfermería siempre estuvieron pendientes: le cambiaban las sábanas, le ayudaban a caminar y a nosotros nos enseñaron cómo limpiarle la herida para cuando saliera. Uno siempre escucha cosas malas del seguro, pero esta vez nos tocó gente muy comprometida. Dios les pague.", 5)
M(V, "instagram", "p", "none", "+", "emo", "👏🏼👏🏼👏🏼💚")
M(V, "google", "c", "staff_attitude", "-", "", "El doctor de medicina general ni me miró, estuvo en el celular todo el rato. Le dije que tenía dolor en el pecho y sin levantar la vista me dijo 'son nervios, mija, relájese'. Cero respeto.", 2)
M(V, "x", "q", "billing_insurance", "0", "", "@ClinicaPichinchaQto buenas, ¿trabajan con seguro privado directo o solo por reembolso? Necesito hacerme una endoscopia y quisiera saber cuánto sale particular.")
M(V, "dm", "c", "contact_access", "-", "caq tp", "¿Hay alguien ahí? Llevo 4 días escribiendo por este chat para preguntar por el resultado de la biopsia de mi papá y solo me sale el mensaje automático.")
M(V, "google", "c", "safety_errors", "-", "long tp", "Lo que nos pasó en el laboratorio es gravísimo. Mi mamá se hizo exámenes de sangre de rutina y a los dos días nos llamaron para decir que tenía la glucosa en 380 y que fuera urgente al endocrinólogo. Ella no es diabética y se asustó tanto que le subió la presión. Fuimos a otro laboratorio y todo estaba normal. Cuando volvimos a reclamar, nos dijeron con toda la calma que 'seguramente se cruzaron las etiquetas de los tubos' con otro paciente. ¿Y el otro paciente? ¿Alguien le avisó que él sí tiene la glucosa en 380? Exigimos que revisen sus procesos, porque esto puede matar a alguien.", 1)
M(V, "facebook", "o", "none", "-", "", "Más de 300 jubilados protestaron este martes frente al hospital del IESS en Guayaquil por la falta de medicamentos, según reportó la prensa local.")
M(V, "x", "c", "treatment", "-", "sar", "Qué maravilla de tratamiento: fui con la garganta infectada y me dieron ibuprofeno y 'mucho líquido'. A la semana, amigdalitis con pus y antibiótico inyectado. Gracias por nada, de verdad.")
M(V, "google", "q", "none", "0", "", "¿Hasta qué hora atienden en el laboratorio para sacarse sangre? ¿Hay que ir en ayunas para todos los exámenes?", 4)
M(V, "instagram", "q", "none", "-", "", "Ñaños, ¿hay wifi en la sala de espera? Estoy aquí desde la mañana y ya no tengo datos 😩")
M(V, "google", "c", "billing_insurance", "-", "typ", "me cobraron 60 dolares por un certificado medico q en otro lado cuesta 10. y si no pagas no te lo entregan, que abuso, ni que fuera cirugia", 1)
M(V, "x", "c", "diagnosis", "-", "tp", "A mi guagua le dijeron en el centro de salud que era una gripe normal y era dengue. Tuvimos que correr a Guayaquil cuando ya tenía las plaquetas por el piso.")
M(V, "facebook", "c", "communication", "-", "caq tp", "¿Por qué nadie les explica a los familiares qué le van a hacer al paciente? Mi mami entró a quirófano y nosotros ni sabíamos que la iban a operar, pensábamos que era solo un examen.")
M(V, "google", "c", "facilities", "-", "pwc", "Los doctores full buenos, de ley. Pero los baños de la planta baja dan asco, sin agua la mitad del día, y en la sala de espera no hay sillas suficientes: la gente parada horas con sus guaguas en brazos.", 3)
M(V, "x", "p", "none", "+", "tp", "Gracias al personal del centro de salud de Cuenca que vino a vacunar a mis papás a la casa porque ya no pueden caminar. Qué gente tan linda 🙏")
M(V, "dm", "q", "paperwork_records", "0", "", "Buenos días, ¿el certificado de reposo lo validan aquí o tengo que ir directamente al IESS? Me lo dio un médico particular.")
M(V, "google", "c", "communication", "-", "sar rd", "Le doy 5 estrellas al guardia, que es el único que te da información en este hospital. En la ventanilla de información no saben nada de nada.", 5)
M(V, "facebook", "p", "none", "+", "", "¡Felicidades por sus 50 años, Hospital del Niño! Aquí nací yo y aquí nacieron mis tres hijos 🎂💙")
M(V, "facebook", "o", "none", "0", "", "¿Alguien que vaya de Quito a Ibarra mañana temprano? Necesito llevar a mi papá a su consulta y no tengo carro, pago la gasolina.")
M(V, "google", "c", "waiting_times", "-", "neg", "No es que uno se queje por quejarse, pero siete meses para una cirugía de hernia es demasiado. Cada vez que voy: 'no hay cupo en quirófano, regrese el otro mes'.", 2)
M(V, "google", "c", "waiting_times", "-", "one", "Lentísimos.", 1)

# ---------------------------------------------------------------- chunk 8: es-UY, es-BO, es-PY
V = "es-UY"
M(V, "google", "c", "billing_insurance", "-", "sar", "Qué lindo pagar la cuota de la mutualista todos los meses para que después la orden para el especialista te salga 900 pesos. Bárbaro el sistema, bo.", 1)
M(V, "x", "c", "appointments", "-", "caq", "@MutualistaDelEsteUY ¿en serio no hay número para dermatología hasta dentro de dos meses? ¿Y la app para qué está, para decirte 'sin disponibilidad'?")
M(V, "facebook", "q", "none", "0", "", "Buenas, ¿el horario de visitas en CTI cambió? Me dijeron que ahora es solo de 17 a 18 y que entra una persona por vez.")
M(V, "instagram", "p", "none", "+", "typ tp", "gracias a las enfermeras de la policlinica del cerro por la paciencia con mi guri, le tiene terror a las agujas y lo trataron re bien 💙")
M(V, "google", "p", "none", "+", "pwc", "La atención en la puerta de emergencia fue muy buena, rápida, y el médico un divino. Lo único, el estacionamiento imposible: tuve que dejar el auto a cuatro cuadras.", 4)
M(V, "dm", "c", "communication", "-", "tp", "Hola, mi abuela está internada desde el viernes y nadie nos avisa nada. Llamamos al piso y nos dicen que hablemos con el médico tratante, que nunca está cuando vamos. Ta difícil así, no sabemos ni qué estudios le hicieron.")
M(V, "google", "c", "diagnosis", "-", "long tp", "Llamé a la emergencia móvil un sábado de noche porque mi hija de 12 años tenía un dolor fuerte en la panza, del lado derecho, y vómitos. El médico llegó a las dos horas, la revisó muy por arriba, le tocó la barriga dos segundos y dijo que era una gastroenteritis, que había mucho virus dando vueltas. Le dio un antiemético y se fue. A la mañana siguiente ella no podía ni caminar y la llevamos a la puerta de la mutualista. En media hora le hicieron una ecografía: apendicitis, casi perforada. La operaron ese mismo día y por suerte salió todo bien. Pero si le hacíamos caso al médico de la móvil, capaz que hoy estaríamos contando otra cosa. Pagamos la emergencia móvil justamente para esto.", 1)
M(V, "x", "c", "staff_attitude", "-", "typ", "la recepcionista de la policlinica me atendio mascando chicle y con el celular en la mano. le pregunte algo y me dijo 'espera, bo' jaja no, en serio?")
M(V, "facebook", "o", "none", "0", "", "ASSE inauguró un nuevo centro de salud en Las Piedras que atenderá a unos 15.000 usuarios de la zona, con medicina general, pediatría y ginecología.")
M(V, "google", "p", "none", "+", "", "Diez puntos la atención del block quirúrgico. Me operaron de la vesícula y a las 24 horas estaba en casa tomando mate. ¡Gracias a todo el equipo!", 5)
M(V, "x", "q", "waiting_times", "0", "tp", "Buenas, ¿cuánto está demorando más o menos la lista para cirugía de cataratas? A mi padre le dieron la orden hace tres meses y no lo llamaron.")
M(V, "google", "c", "safety_errors", "-", "tp", "Le pusieron a mi hijo una vacuna que ya tenía dada. En el carné estaba clarito, con fecha y sello. Cuando reclamé, la enfermera me dijo 'no pasa nada, mamá, no es grave'.", 2)

V = "es-BO"
M(V, "google", "c", "appointments", "-", "typ", "Para sacar ficha en la Caja hay que estar desde las 4 de la mañana en la fila, con este frio de El Alto. y a las 7 ya no hay fichas, 'vuelva mañana nomas'. asi todos los dias", 1)
M(V, "x", "c", "waiting_times", "-", "sar tp", "Ya pues, la emergencia del hospital un lujo: seis horas con mi wawa con fiebre y recién nos llaman para el triaje. Gracias, ¿no?")
M(V, "facebook", "q", "billing_insurance", "0", "", "Buenas, con el SUS ¿la ecografía de control de embarazo es gratis o hay que pagar aparte? Me dijeron que vaya con mi carnet nomás.")
M(V, "google", "p", "none", "+", "typ tp", "Muy buena atencion en la clinica dental, la doctora bien amable y cuidadosa con mi changuito, ni lloro. Recomendado pues", 5)
M(V, "facebook", "c", "staff_attitude", "-", "long tp", "Quiero denunciar lo que vivimos ayer en la Caja. Acompañé a mi mamá, que tiene 70 años y habla aymara, a recoger sus resultados. La licenciada de la ventanilla le preguntó algo rápido y cuando mi mamá le pidió que repitiera, le dijo de mal modo 'aprenda a hablar castellano, señora, no tengo todo el día'. Yo estaba atrás en la fila con mi hermano y cuando nos acercamos a explicarle, se puso peor y nos dijo que si no nos gustaba fuéramos a quejarnos. Mi mamá aportó a la Caja toda su vida. Nadie merece que lo humillen en una ventanilla por su idioma. Esperamos una disculpa y que esa funcionaria reciba capacitación.")
M(V, "dm", "q", "paperwork_records", "0", "", "Buenas tardes, ¿cómo saco mi baja médica para presentar en mi trabajo? El doctor me dio 5 días de descanso pero no me dio ningún papel.")
M(V, "google", "c", "diagnosis", "-", "tp", "A mi hermano lo tuvieron dos días en observación diciendo que era una intoxicación y era apendicitis. Cuando al fin lo operaron ya tenía peritonitis.", 2)
M(V, "instagram", "o", "none", "+", "", "Feliz Día de la Madre a todas las mamitas que trabajan en el hospital 💐💐 y a las que están internadas también, pronta recuperación")
M(V, "facebook", "c", "contact_access", "-", "caq tp", "¿Para qué ponen un número de WhatsApp si nunca contestan? Mando mensajes desde el lunes para confirmar la cirugía de mi papá y ni el visto.")
M(V, "google", "q", "facilities", "0", "tp", "¿Hay ascensor para subir a pediatría? Mi mamá no puede con las gradas y la última vez que fuimos estaba malogrado.", 4)

V = "es-PY"
M(V, "google", "c", "waiting_times", "-", "typ", "Fui a IPS a las 5 de la mañana por una ficha y me atendieron a las 13hs. 8 horas nde. y despues el doctor me vio 5 minutos y ni me reviso", 1)
M(V, "x", "c", "contact_access", "-", "sar", "Felicitaciones al call center de IPS por su nuevo récord: 1 hora y 20 minutos en espera para que después se corte la llamada. Impresionante, de verdad.")
M(V, "facebook", "q", "appointments", "0", "tp", "Buenas, ¿se puede agendar consulta con cardiología por la app o hay que ir a sacar ficha igual? Mi papá es jubilado y le cuesta un montón ir temprano.")
M(V, "instagram", "p", "none", "+", "", "Gracias al equipo de maternidad por la atención tan linda que me dieron en el parto 💗 mi bebé y yo estamos sanitos, luego les traigo chipa a las enfermeras 😂")
M(V, "google", "c", "treatment", "-", "long tp", "A mi abuela de 84 años la internaron por una crisis hipertensiva. Estuvo dos días en urgencias en una silla porque no había cama en sala, y al tercer día, con la presión todavía en 18, el médico de guardia le dio de alta diciendo que 'en su casa va a estar más cómoda'. Le recetó la misma pastilla que ya tomaba y que claramente no le estaba haciendo efecto. No le ajustaron la dosis, no le pidieron ningún control. Esa misma noche volvimos a urgencias con dolor de cabeza y vómitos, y recién ahí la vio un cardiólogo que le cambió la medicación. No se hace eso luego con una persona mayor. Entiendo que falten camas, pero mandarla a casa así fue un peligro.", 2)
M(V, "x", "c", "safety_errors", "-", "tp", "En el hospital regional le cambiaron el suero a mi tío sin revisar y era el de otro paciente, con potasio. Gracias a Dios la enfermera del otro turno se dio cuenta a tiempo.")
M(V, "dm", "q", "billing_insurance", "0", "", "Hola, ¿cuánto cuesta la consulta particular con el pediatra y aceptan tarjeta de débito? Gracias.")
M(V, "google", "p", "none", "+", "neg", "Ningún problema en todo el proceso, todo rápido y ordenado. No esperaba eso en un sanatorio tan lleno. La doctora Benítez, excelente.", 5)
M(V, "facebook", "o", "none", "0", "", "Se buscan donantes de sangre tipo O negativo para un paciente internado en terapia, favor acercarse al banco de sangre del hospital. Compartan 🙏")
M(V, "google", "c", "communication", "-", "typ tp", "nadie te explica nada, a mi papa le hicieron un monton de estudios y ningun medico nos dijo para que eran ni que resultado salio. preguntas y te dicen 'pregunte a su medico' y cual pio es su medico??", 1)

# ---------------------------------------------------------------- chunk 9: es-CAM, es-CAR
V = "es-CAM"
# Costa Rica
M(V, "google", "c", "waiting_times", "-", "sar typ", "Pura vida la Caja: la cita con el especialista me la dieron para el 2027. Diay, ojala no me muera antes jaja 🙃", 1)
M(V, "x", "c", "contact_access", "-", "caq", "@EBAISDesampCR ¿alguien contesta ese teléfono? Mae, llevo toda la mañana llamando para sacar cita y nada, ni la grabación.")
M(V, "facebook", "p", "none", "+", "tp", "Muchas gracias al personal de Emergencias del hospital, atendieron a mi papá súper rápido cuando le dio el derrame. Gente tuanis de verdad 🙏")
M(V, "instagram", "q", "facilities", "0", "", "Upe, ¿a qué hora abre la soda del hospital? Ando de acompañante desde anoche y no he desayunado")
M(V, "google", "p", "none", "+", "long", "Quiero dejar esta reseña para el servicio de Ginecología y la Maternidad. Mi embarazo fue de alto riesgo por la presión y desde la semana 20 me estuvieron controlando cada quince días en la consulta. Nunca me hicieron sentir como un número: la doctora me llamaba por mi nombre, me explicaba los resultados de cada ultrasonido y cuando tuve que internarme en la semana 34 las enfermeras del salón fueron un amor. Mi bebé nació por cesárea, estuvo unos días en neonatos y ahí también nos dieron toda la información a mi esposo y a mí. Sé que la Caja tiene muchos problemas, pero este equipo trabaja con el corazón. Pura vida a todos.", 5)
M(V, "google", "p", "none", "+", "one", "Tuanis", 5)
# Guatemala
M(V, "x", "c", "staff_attitude", "-", "typ tp", "la doctora del IGSS me regaño por llevar a mi patojo con 'solo' 38 de fiebre, que le estaba quitando el tiempo. a la gran, y si se convulsiona que?")
M(V, "facebook", "q", "paperwork_records", "0", "", "Buenas, ¿dónde se recoge la constancia de suspensión del IGSS para presentarla en el trabajo? ¿En la misma clínica o en las oficinas centrales?")
M(V, "google", "c", "safety_errors", "-", "tp", "Operaron a mi prima de cesárea y le dejaron una gasa adentro. Tres semanas con fiebre y dolor hasta que en otro hospital se la sacaron. Esto no puede quedar así.", 1)
# El Salvador
M(V, "google", "c", "waiting_times", "-", "tp", "Puchica, cinco horas para que me despacharan la medicina en la farmacia del Seguro. Cinco horas parado, con mi cipote en brazos.", 2)
M(V, "x", "p", "none", "+", "tp", "Chivo el trato en la Unidad de Salud de la colonia, la doctora bien atenta con mi abuela y le explicó todo despacito. Vaya pues, gracias 🙌")
M(V, "dm", "q", "appointments", "0", "", "Buenas, ¿cómo hago para cambiar la cita de control prenatal? Me la pusieron el mismo día que tengo turno en la maquila y no me dan permiso.")
# Honduras
M(V, "facebook", "c", "billing_insurance", "-", "sar", "Qué buena onda el hospital privado: me cobraron 2,000 lempiras solo por 'abrir expediente' antes de que un médico me viera. Macanudo, maje.")
M(V, "google", "c", "diagnosis", "-", "rd pwc tp", "Muy amables todos, eso sí. Pero el médico de turno le dijo a mi hermano que era un golpe nomás y tenía la clavícula quebrada. Nos dimos cuenta en otra clínica con una simple radiografía.", 4)
# Nicaragua
M(V, "x", "c", "treatment", "-", "tp", "Al chavalo le enyesaron el brazo tan apretado que se le pusieron morados los deditos. Volvimos a la emergencia y hasta ahí se lo aflojaron. Chocho, qué descuido.")
# Panamá
M(V, "google", "c", "facilities", "-", "typ", "Chuleta, el baño del cuarto piso tiene como un mes dañado y nadie lo arregla. los pacientes operados tienen q bajar al tercero con el suero en la mano. que vaina", 1)
M(V, "x", "q", "communication", "0", "tp", "@HospIstmoPA xopá, ¿cómo puedo saber cómo sigue mi abuelo en UCI si vivo en Chiriquí? ¿Dan información por teléfono a la familia?")

V = "es-CAR"
# República Dominicana
M(V, "google", "c", "billing_insurance", "-", "", "La ARS me dijo que la cirugía estaba cubierta y cuando llegué a la clínica me pidieron un diferencial de 45 mil pesos. Diache, ¿pa' qué uno paga seguro entonces?", 1)
M(V, "x", "c", "waiting_times", "-", "sar", "Jevi la emergencia del hospital, 7 horas esperando y el doctor dique 'ahorita lo veo'. Ahorita dominicano, 7 horas 😂")
M(V, "facebook", "p", "none", "+", "", "Mi agradecimiento a las enfermeras de la maternidad, me trataron como una reina en el parto de mi segunda niña. Dios las bendiga a to'as 🙏")
M(V, "instagram", "o", "none", "0", "", "klk mi gente 🔥 síganme pa' más tips de salud natural y remedios caseros 🌿 link en la bio")
M(V, "google", "c", "contact_access", "-", "typ", "Llamar a esa clinica es imposible. Te pasan de extension en extension y al final nadie sabe na. Tuve que ir en concho hasta alla pa preguntar un resultado", 2)
M(V, "dm", "q", "paperwork_records", "0", "tp", "Buenas tardes, necesito una copia del récord médico de mi mamá pa' llevarlo a un especialista, ¿qué documentos hay que llevar?")
M(V, "instagram", "p", "none", "+", "emo", "🙏🏾❤️🏥")
# Cuba
M(V, "facebook", "c", "treatment", "-", "tp", "En el policlínico a mi mima le recetaron un antibiótico que no hay en ninguna farmacia y no le dieron otra opción. Ñó, ¿y qué hace uno? Tuvimos que conseguirlo por la izquierda.")
M(V, "x", "c", "facilities", "-", "sar", "Qué lindo el hospital: sin agua en los baños, sin sábanas y hay que llevar hasta el cubo para bañar al paciente. Todo en talla, asere 👌")
M(V, "google", "p", "none", "+", "tp", "Asere, qué clase de médico de familia tenemos en el consultorio del barrio. Vino a la casa a ver a mi pipo dos veces en la semana sin que nadie se lo pidiera. Eso no se paga.", 5)
M(V, "facebook", "o", "none", "0", "", "El Hospital Pediátrico de Holguín recibió un donativo de medicamentos e insumos para el servicio de oncología, según informó la dirección provincial de salud.")
# Puerto Rico
M(V, "google", "c", "waiting_times", "-", "long tp", "Catorce horas. Eso fue lo que estuvo mi papá en la sala de emergencia, 78 años, con dolor de pecho y la presión alta. Llegamos a las 6 de la tarde, hicieron el triage rápido y después nada: lo pusieron en una camilla en el pasillo al lado de la puerta del baño, con la luz prendida toda la noche. Le tomaron sangre a las 11 y los resultados 'se perdieron', así que se la volvieron a tomar a las 3 de la mañana. El médico lo vio a las 8 de la mañana, cuando ya llevaba toda la noche sin comer ni dormir. Yo entiendo que hay falta de médicos en la isla, pero alguien tiene que organizar esto. Ay bendito, uno no puede estar así.", 1)
M(V, "x", "c", "appointments", "-", "caq", "¿Cómo es posible que el endocrinólogo tenga cita para dentro de 8 meses y encima te la cancelen por mensaje de texto? ¿Ustedes creen que uno tiene todo el tiempo del mundo?")
M(V, "facebook", "q", "billing_insurance", "0", "tp", "Saludos, ¿aceptan el plan Vital para terapias físicas? Mi papá necesita 12 sesiones y en el CDT no le dan cita hasta el mes que viene.")
M(V, "google", "p", "none", "+", "long tp", "No suelo escribir reseñas pero esto lo merece. Mi nene de 6 años se fracturó el brazo en la escuela y llegamos a la sala de emergencia pediátrica bien asustados. Desde el registro hasta que salimos fueron como tres horas, que para lo que una está acostumbrada aquí es brutal. La enfermera que lo atendió le puso una película en el celular para distraerlo mientras le ponían el suero, y el ortopeda nos explicó la radiografía con calma, enseñándonos dónde estaba la fractura. Le pusieron el yeso de color azul que él mismo escogió. Salimos con la cita de seguimiento ya dada. Gracias, de verdad, se nota que les gustan los nenes.", 5)
M(V, "instagram", "c", "diagnosis", "-", "typ tp", "Ay bendito, a mi nena la mandaron pa casa con 'un virus' y tenia una infeccion de orina bien fuerte. hay que chequear mas, no adivinar")

# ---------------------------------------------------------------- chunk 10: mixed (Spanglish US / PR, portuñol)
V = "mixed"
M(V, "google", "c", "billing_insurance", "-", "long pwc", "Fui al ER en marzo por un dolor de estómago bien fuerte, me hicieron un CT scan y me mandaron a la casa con unas pastillas. Todo bien con los doctores, la verdad. El problema es que antes de entrar pregunté en la front desk si aceptaban mi aseguranza y me dijeron que sí, 'you're in network'. Tres meses después me llega un bill de $3,200 porque el radiólogo era 'out of network'. Llamé a billing como cinco veces, cada vez me transferían y nadie me daba una respuesta. Ahora la cuenta ya está en collections y me está afectando el credit. ¿Cómo voy a saber yo qué doctor es in network si ni me preguntaron? Esto es un scam.", 1)
M(V, "x", "c", "waiting_times", "-", "sar", "Love it cuando el ER dice 'current wait time 45 min' y llevas cuatro horas sentada en la misma silla. Great job, @MemorialNorteHTX 👏")
M(V, "facebook", "q", "appointments", "0", "tp typ", "Hola, queria hacer un appointment con la pediatra para el school physical de mi hijo, tienen availability en agosto? gracias")
M(V, "instagram", "p", "none", "+", "", "Shoutout a las nurses de labor and delivery 💕 me trataron súper bien todo el tiempo, and my baby girl is finally here!!")
M(V, "google", "c", "staff_attitude", "-", "typ", "la recepcionista super rude, le pregunte en español y me contesto 'speak english please' con una actitud... y el letrero de la puerta dice 'se habla español' lol", 2)
M(V, "dm", "q", "billing_insurance", "0", "", "Hi, buenas! ¿Aceptan Medicaid para dental cleanings de niños? Y si no, ¿cuánto es el self-pay más o menos?")
M(V, "x", "c", "contact_access", "-", "caq", "¿Alguien en @ClinicaFamiliarLA contesta el phone o todo es voicemail? Llevo tres días dejando mensajes para el refill de mi mamá.")
M(V, "google", "c", "waiting_times", "-", "sar rd", "5 stars para el parking, que es lo único que funciona. Adentro, tres horas para que me viera el doctor y él me dedicó cinco minutos exactos.", 5)
M(V, "facebook", "c", "communication", "-", "long tp", "Mi abuela estuvo una semana en el hospital por una pulmonía y la comunicación fue un desastre. Cada día llamábamos al nurse station y nos decían 'el doctor pasa en la tarde, call back later'. En la tarde, 'ya se fue'. Nadie nos dijo que le habían cambiado los meds de la presión hasta que ella misma nos contó que le estaban dando unas pastillas nuevas. El día del discharge nos llamaron a las 10 de la mañana para que la buscáramos 'ASAP' y cuando llegamos no había papeles, ni instrucciones, ni nadie que nos explicara el follow-up. Somos cuatro hijos y un montón de nietos pendientes de ella, no es que no estemos disponibles. Just call us, por favor.")
M(V, "x", "o", "none", "0", "", "Job fair este sábado en el hospital 🩺 estamos hiring CNAs, medical assistants y RNs bilingües. Bring your resume, entrevistas on the spot!")
M(V, "google", "p", "none", "+", "pwc", "Dr. Morales is the best, explica todo en español y con mucha paciencia. El único problema es la front desk, siempre hay line y tardan en hacer el check-in.", 4)
M(V, "google", "c", "appointments", "-", "sar typ", "Que nice que te cancelen el appointment 2 veces el mismo dia, la primera por text y la segunda cuando ya estas en el parking. customer service de primera 🙃", 1)
M(V, "instagram", "q", "none", "0", "typ", "cual es el visiting hours en el ICU? quiero ir despues del work 🙏")
M(V, "x", "c", "diagnosis", "-", "tp", "Mi tío fue al urgent care con chest pain y le dijeron que era 'anxiety'. Two days later, heart attack. Necesitan tomar a la gente en serio, especially a los señores mayores.")
M(V, "google", "q", "paperwork_records", "0", "", "¿Cómo pido mis medical records? Me voy a mudar a Florida y el nuevo doctor los necesita. ¿Hay un form online o tengo que ir en persona?", 3)
M(V, "facebook", "c", "safety_errors", "-", "long tp", "Quiero que otras familias estén pendientes. A mi mamá le dieron de alta el viernes y en la farmacia del hospital le entregaron la prescription de otra persona con el mismo apellido. La bolsa decía nuestro apellido y nadie verificó la fecha de nacimiento. En la casa, cuando fui a organizarle el pastillero, vi que una de las medicinas era para la presión, y mi mamá no tiene presión alta; lo de ella es la tiroides. Si no reviso, se la toma. Llamé a la farmacia y me dijeron 'oh sorry, just bring it back'. Sorry no es suficiente. Por favor, check the names and the date of birth, que eso es lo básico.")
M(V, "google", "c", "treatment", "-", "long caq", "¿Desde cuándo Tylenol es suficiente después de una cirugía de hernia? Me dieron de alta sin pain meds, dique que 'no queremos que te hagas dependiente'. Brutal el dolor, mano, tres noches sin dormir, y cuando llamé al office para pedir algo más fuerte me dijeron que esperara al follow-up en dos semanas. Dos semanas. Al final tuve que ir a la sala de emergencia de otro hospital, donde en diez minutos me recetaron algo que sí funcionó. Entiendo lo de los opioides, pero hay opciones en el medio entre nada y morfina.", 1)
M(V, "x", "p", "none", "+", "tp", "Wepa! Gracias al equipo de cardiología por cuidar a papi, hoy salió walking del hospital como si nada 💪🇵🇷")
M(V, "facebook", "c", "waiting_times", "-", "caq typ", "Para que hacen citas si igual te tienen esperando 2 horas en el waiting room?? mi tiempo tambien vale, no? llegue 15 min early como dicen y nada")
M(V, "dm", "o", "none", "0", "", "Hola! Soy representante de una compañía de medical billing y coding, ¿con quién puedo hablar para ofrecerles nuestros servicios? Thank you!")
M(V, "google", "p", "none", "+", "long pwc", "Quiero dar las gracias a la clínica comunitaria. Llegué sin insurance, recién mudada a Phoenix, con la diabetes descontrolada y mucho miedo de lo que me iban a cobrar. La señora de la front desk me explicó el sliding scale en español y me ayudó a llenar el form para Medicaid ahí mismo. La Dra. Jiménez se sentó conmigo casi cuarenta minutos, me explicó la insulina con dibujos y me dio acceso al portal para cualquier duda. A los tres meses mi A1C bajó de 11 a 7. El parking es chiquito y siempre está full, eso sí, pero vale la pena. Son gente que de verdad se preocupa por la comunidad latina.", 5)
M(V, "x", "c", "facilities", "-", "sar tp", "Nothing says 'bienvenidos' como un elevator out of service y tu mamá en wheelchair en el 4th floor. Gracias, hospital 🙃")
M(V, "facebook", "q", "communication", "-", "tp", "Mi abuelo no habla inglés, ¿pueden poner un interpreter cuando le expliquen los resultados? La última vez nadie le tradujo nada y salió sin entender qué tiene.")
M(V, "google", "c", "billing_insurance", "-", "rd", "Le di 5 stars by accident 🤦‍♀️ pero la verdad me cobraron un 'facility fee' de $400 que nadie me avisó antes de la consulta. Not happy.", 5)
M(V, "instagram", "o", "none", "+", "", "jajaja el doctor de la foto es mi primo!! So proud of you, primo 🎉 la familia entera está orgullosa")
M(V, "google", "c", "waiting_times", "-", "long tp", "Fui a la emergencia del hospital en Rivera con mi filho de 3 anos que estava com febre alta e vomitando. Llegamos a las 8 de la noche y fiquei esperando até as 2 da manhã sin que nadie nos llamara. A cada hora yo preguntaba en la ventanilla y me decían 'ya va, ya va, tem muita gente'. Mi filho dormía en el piso, encima de mi campera, porque no había ni sillas libres. Cuando por fin nos atendió el médico, foi muito rápido, cinco minutos, y nos mandó para casa com soro. Entendo que falte gente, mas seis horas com um bebê de três anos é demais. Uma vergonha.", 1)
M(V, "facebook", "q", "appointments", "0", "", "Hola, boa tarde! ¿Puedo marcar consulta con la ginecóloga por WhatsApp? Estoy en Rivera y no tengo como llamar ahora. Obrigada!")
M(V, "google", "p", "none", "+", "rd", "Muito obrigado a todo el equipo de la clínica, me atendieron super bien, o médico muy atencioso y paciente. Recomiendo demais!", 1)
M(V, "x", "c", "billing_insurance", "-", "sar", "Qué hermosa la 'tarifa extranjero' de la guardia: soy brasileño, tengo DNI y residencia y igual me cobraron como turista. Cobrança absurda, ninguém sabe explicar.")
M(V, "dm", "q", "paperwork_records", "0", "", "Hola! Preciso do atestado médico da minha internação para presentar en la facultad, ¿cómo lo pido? ¿Lo mandan por mail? Gracias!")
M(V, "google", "c", "staff_attitude", "-", "", "La médica me trató mal porque hablo mezclado, disse que eu tinha que falar direito, que así no me entendía. Falta de respeto com o paciente, soy brasiguayo y aporto al IPS igual que todos.", 2)
M(V, "facebook", "c", "diagnosis", "-", "long tp", "Meu pai tem 70 anos e fue tres veces a la policlínica con dolor en la pierna. Las tres veces o médico disse que era 'dor muscular', que tomara ibuprofeno y caminara. Ninguno le pidió un eco doppler. A la cuarta vez, la pierna estaba inchada e vermelha, e finalmente en la emergencia del hospital descubrieron una trombosis venosa profunda. Por sorte no tuvo embolia. Estoy muy enojada porque ele falou várias vezes que o dolor era diferente, que não era como un golpe. Ninguém escutou. Un diagnóstico a tiempo hubiera evitado todo esto.")
M(V, "instagram", "p", "none", "+", "typ tp", "q equipo lindo!! obrigadaaa por cuidar da minha avó todos esses dias 💚💛")
M(V, "google", "c", "contact_access", "-", "long sar", "Amazing customer service, de verdad. Llevo dos semanas tratando de hablar con alguien de la oficina del cardiólogo. Llamo al número principal y me dan un menú con siete opciones, ninguna es 'hablar con una persona'. Le doy al 0 y me cuelgan. Mandé tres mensajes por el patient portal y el portal dice 'read' pero nadie contesta. Fui en persona y la recepcionista me dijo que 'todo tiene que ser por el portal'. Lo único que necesito es que me manden el referral al especialista del sueño, que el doctor ya aprobó en la cita. Mi seguro no me deja hacer la cita sin eso. Wow, five stars... no.", 1)
M(V, "x", "q", "billing_insurance", "0", "typ", "quick question: si no tengo insurance, tienen sliding scale para la consulta? o cuanto es el cash price? gracias")
M(V, "google", "q", "none", "0", "", "¿Tienen wifi gratis en la waiting area? Voy a estar todo el día con mi esposo en la infusion y necesito trabajar desde la laptop.", 4)
M(V, "facebook", "c", "appointments", "-", "sar", "Love que el portal te deja 'schedule online' pero solo hay slots para dentro de tres meses. Súper útil, thank you 🙄")
M(V, "google", "c", "safety_errors", "-", "long pwc", "Me hicieron un knee replacement en este hospital en enero. La cirugía en sí salió bien, el surgeon es muy bueno. Pero a los cuatro días me dio fiebre y la herida empezó a supurar. Resulta que agarré una infección, MRSA, dentro del hospital. Una de las nurses me comentó que en ese piso ya había habido otros casos ese mes. Yo veía que no todos se lavaban las manos al entrar al cuarto y que el dispensador de gel del pasillo estuvo vacío varios días. Terminé con seis semanas de antibiótico IV y otra cirugía para limpiar la prótesis. Mi recuperación, que eran tres meses, ya va para un año. Please, hand hygiene, es lo mínimo.", 1)
M(V, "x", "c", "staff_attitude", "-", "sar caq", "¿Es requirement ser rude para trabajar en la front desk? Porque todas lo cumplen perfecto 👏👏")
M(V, "facebook", "o", "none", "+", "typ", "Free flu shots este sabado en el parking de la iglesia, traigan a los kids 💉 no insurance needed, hay coffee y donas")
M(V, "google", "p", "none", "+", "neg", "Never had una experiencia tan buena en un ER. No esperé casi nada y todos fueron super nice con mi hijo, nadie lo hizo sentir como una molestia.", 5)
M(V, "x", "c", "communication", "-", "sar", "Excelente el discharge: un papel en inglés, un 'bye, take care' y ni una explicación. ¿Cómo voy a saber cuándo me quitan los stitches?")
M(V, "facebook", "c", "billing_insurance", "-", "caq", "¿Por qué me cobran $75 por 'no-show' si yo llamé para cancelar dos días antes? ¿Alguien escucha los voicemails que uno deja?")

# ---------------------------------------------------------------- chunk 11: extras to balance intents and phenomena
M("es-CO", "google", "c", "staff_attitude", "-", "one", "Groseros.", 1)
M("es-AR", "google", "c", "billing_insurance", "-", "one", "Carísimo.", 2)
M("es-MX", "x", "c", "treatment", "-", "sar caq typ tp", "y el premio a la mejor farmacia cuando se lo dan? 3 semanas sin la insulina de mi mama porque 'no hay surtido'. bravo, aplausos")
M("es-CL", "facebook", "c", "contact_access", "-", "sar caq", "¿Y la oficina de la OIRS atiende en algún horario del planeta Tierra? Fui tres veces en horario de atención y siempre 'vuelva mañana'. Fantástico.")
M("es-VE", "x", "c", "waiting_times", "-", "caq typ", "alguien me explica xq en el laboratorio te piden estar en ayunas a las 6am si empiezan a sacar sangre a las 9?? 3 horas sin comer en una cola")
M("es-PE", "facebook", "c", "facilities", "-", "caq tp", "¿Hasta cuándo van a tener la sala de espera de pediatría sin ventilación? Los niños con fiebre, todos apretados, y un calor de 35 grados.")
M("es-CO", "google", "c", "waiting_times", "-", "sar rd", "Cinco estrellas para la sala de espera, donde ya me conozco cada baldosa después de cuatro horas sentado esperando un ortopedista.", 5)
M("es-EC", "x", "c", "paperwork_records", "-", "sar", "Gracias al hospital por enseñarme a tener paciencia: tres meses para que me entreguen un simple certificado médico. Qué eficiencia, oiga.")
M("es-UY", "google", "c", "facilities", "-", "sar", "Espectacular la limpieza del baño de la emergencia, ni en un boliche a las 6 de la mañana ves algo así 🤢", 1)
M("es-PE", "instagram", "p", "none", "+", "one", "Agradecidísima 💙")
M("es-MX", "instagram", "p", "none", "+", "emo", "🥹💐")
M("es-CO", "google", "p", "none", "+", "emo", "💯💯🙌🏽", 5)
M("es-CL", "google", "p", "none", "+", "long neg tp", "No podría haber pedido una mejor atención para mi mamá en sus últimos días. Estuvo tres semanas en la unidad de cuidados paliativos del hospital y el equipo entero, desde la doctora hasta el auxiliar que hacía el aseo, la trató con un cariño que nunca voy a olvidar. Nos dejaron acompañarla a cualquier hora, le pusieron su música, le controlaron el dolor para que estuviera tranquila y a nosotros nos explicaron con mucha honestidad lo que iba a pasar. La psicóloga conversó con mis sobrinos chicos. En un momento tan duro, sentirse acompañados hace toda la diferencia. Gracias, de corazón, a todo el equipo de paliativos.", 5)
M("es-BO", "x", "p", "none", "+", "neg", "Nada que decir, todo bien nomás en la clínica, ni un pero. Gracias doctorcito por operar a mi papá con tanto cuidado 🙏")
M("es-MX", "google", "q", "billing_insurance", "0", "one", "¿Precio?", 3)
M("es-MX", "facebook", "q", "billing_insurance", "0", "long tp", "Buenas tardes, les escribo porque tengo varias dudas antes de programar la cirugía de mi esposo y por teléfono nadie me sabe explicar. Él tiene seguro de gastos médicos mayores con deducible de 30 mil pesos y coaseguro del 10 %. El cirujano nos dio un presupuesto de honorarios, pero no sabemos si el hospital cobra aparte la habitación, el quirófano y los medicamentos, o si todo entra en el mismo paquete. También quisiéramos saber si ustedes tramitan directamente con la aseguradora la carta de autorización o si tenemos que pagar nosotros y luego pedir reembolso. ¿Me podrían decir con quién hablar o qué documentos necesitamos llevar? Muchas gracias.")
M("es-AR", "google", "q", "paperwork_records", "0", "long tp", "Hola, quería consultar cómo es el trámite para pedir la historia clínica completa de mi papá, que falleció en el sanatorio en agosto. La necesitamos para la sucesión y para la obra social, que nos pide la epicrisis y el certificado de defunción firmado por el médico. Fui a mesa de entradas y me dijeron que lo tenía que pedir por mail, pero el mail que me dieron rebota. Somos tres hermanos: ¿tenemos que ir todos o alcanza con uno con la partida de nacimiento? ¿Cuánto tarda más o menos? Les agradezco mucho; la atención que recibió mi papá en terapia fue muy humana.", 4)
M("es-VE", "dm", "q", "appointments", "0", "typ tp", "buenas, se puede pedir cita para el pediatra x aqui? mi niña tiene la vacuna de los 4 años pendiente y no consigo por telefono")
M("es-CO", "x", "q", "contact_access", "0", "typ", "cual es el numero directo de hospitalizacion? el que sale en la pagina no sirve, suena ocupado todo el dia")
M("es-CL", "x", "q", "none", "0", "neg", "¿No atienden los domingos en la toma de muestras? En Google dice que sí, pero fui y estaba cerrado.")
M("es-PE", "facebook", "q", "diagnosis", "0", "tp", "Buenas, ¿en qué casos se puede pedir una segunda opinión con otro especialista del hospital? A mi papá le dijeron que es artrosis, pero sigue con mucho dolor y no mejora con nada.")
M("es-EC", "instagram", "q", "none", "0", "typ tp", "a q hora es la misa en la capilla del hospital? mi mami esta hospitalizada y quiere ir el domingo")
M("es-UY", "facebook", "q", "safety_errors", "0", "tp", "¿Qué protocolo tienen para evitar caídas de pacientes mayores de noche? Mi madre se interna la semana que viene y ya se cayó una vez en otro sanatorio.")
M("es-CAM", "google", "q", "treatment", "0", "", "¿La fisioterapia después de la operación de hombro la dan aquí mismo o hay que buscarla afuera? El ortopeda no me dijo nada y ya me quitaron el cabestrillo.", 4)
M("es-CAR", "x", "q", "staff_attitude", "-", "typ tp", "donde se pone una queja formal x el trato de un doctor? fue bien grosero con mi mama ayer en la emergencia y ella quedo llorando")
M("es-BO", "facebook", "q", "communication", "0", "tp", "Buenas, ¿a qué hora dan el parte médico a los familiares en terapia intensiva? Venimos desde Oruro y no queremos perderlo.")
M("es-PY", "x", "q", "waiting_times", "0", "", "¿Cuánto tiempo más o menos se espera para una resonancia en IPS? Me dieron la orden hoy y el traumatólogo dijo que es urgente.")
M("es-CL", "x", "o", "none", "0", "emo", "👀")
M("es-PE", "facebook", "o", "none", "0", "long", "El Hospital Regional de Cusco informó que desde el próximo lunes atenderá consultas externas en horario extendido, de 7 de la mañana a 9 de la noche, para reducir las colas que se forman desde la madrugada en los exteriores del establecimiento. Según el director, se contratarán 25 médicos especialistas y se habilitará un sistema de citas por WhatsApp para los asegurados del SIS. Los pacientes de provincias podrán reservar su cita con anticipación y presentar su DNI al llegar. La medida se evaluará durante tres meses antes de hacerse permanente.")
M("es-MX", "instagram", "o", "none", "+", "typ", "jajaja yo naci en ese hospital hace 30 años y mi mama dice q la comida era igual de fea 😂 saludos a todos los de la colonia")
M("es-CO", "facebook", "o", "none", "0", "", "Se requiere auxiliar de enfermería con curso de soporte vital básico vigente para IPS en Pereira, turnos rotativos. Enviar hoja de vida al correo del perfil.")
M("es-AR", "instagram", "o", "none", "0", "typ", "bajá 10 kilos en 30 dias con nuestras capsulas 100% naturales 🌿 envios a todo el pais, escribinos al privado")
M("es-CAR", "x", "o", "none", "0", "", "Salud anuncia que el nuevo centro de trauma del área oeste de Puerto Rico abrirá en diciembre con helipuerto y 40 camas, según informó el secretario en conferencia de prensa.")
M("es-EC", "google", "o", "none", "0", "", "Para los que vienen en bus: la parada de la línea 8 queda justo frente a la puerta de emergencia, y los taxis esperan en la esquina de atrás.", 3)
