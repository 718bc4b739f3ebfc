"""Message and reply texts in Spanish and English, with the noise of real posts."""
import random
import unicodedata

INTENTS = {"question": 0.33, "complaint": 0.34, "praise": 0.16, "noise": 0.17}

MESSAGES = {
    ("question", "es"): (
        "¿Cómo puedo pedir cita con {service}? En la web no me deja",
        "¿A qué hora abre el centro el sábado?",
        "Buenas, ¿cuándo estarán los resultados de la analítica que me hice el {weekday}?",
        "¿Se puede cambiar la cita de {service} por teléfono o hay que ir en persona?",
        "Hola, ¿hay horario especial en Semana Santa?",
        "¿Dónde recojo el informe de la resonancia? Gracias",
        "¿Atienden sin cita en {service}?",
    ),
    ("question", "en"): (
        "Hi, how can I book an appointment with {service}?",
        "What are your opening hours on weekends?",
        "When will my blood test results be ready? I did it on {weekday}",
        "Do you accept travel insurance for {service}?",
    ),
    ("complaint", "es"): (
        "Llevo {days} días llamando y nadie coge el teléfono. Vergüenza",
        "{months} meses en lista de espera para {service}. Esto no es normal",
        "{hours} horas en urgencias con mi madre de 80 años y sin noticias",
        "Me han cobrado {amount} € por una consulta que cubría el seguro",
        "El trato de recepción ha sido muy maleducado, no vuelvo",
        "Me han cancelado la cita de {service} por tercera vez sin avisar",
        "Urgencias colapsadas otra vez, {hours} horas esperando",
        "Nadie contesta al teléfono de citas, ¿para qué lo ponen?",
        "Llamadme al {phone} que nadie me da la cita de {service}",
        "Os he escrito mil veces a {email} y ni caso. Mi DNI es {dni}",
    ),
    ("complaint", "en"): (
        "Waited {hours} hours in the ER and nobody told us anything",
        "I have been calling for {days} days and nobody answers the phone",
        "You charged me {amount} € twice for the same visit",
        "The receptionist was really rude to my father",
        "Still no news about my results, please call me on {phone} or write to {email}",
    ),
    ("praise", "es"): (
        "Gracias a la enfermera {nurse} de {service} por su paciencia y cariño",
        "El Dr. {doctor} es un gran profesional, nos explicó todo genial",
        "Atención de 10 en {service}, muy agradecida a todo el equipo",
        "Quiero dar las gracias a la Dra. {doctor} por cuidar tan bien de mi padre",
    ),
    ("praise", "en"): (
        "Huge thanks to nurse {nurse} in {service}, so kind",
        "Dr. {doctor} was excellent, clear and patient",
        "Great care at {service}, thank you all",
    ),
    ("noise", "es"): (
        "Gana 500€ al día desde casa!!! info en mi perfil",
        "Oferta de empleo: se buscan técnicos de enfermería para {service}, envía tu CV",
        "Noticia: nueva unidad de {service} abrirá en primavera",
        "Sorteo de un iPhone, sigue y da RT",
        "Se busca celador/a para sustituciones de verano",
    ),
    ("noise", "en"): (
        "Crypto signals 1000% profit, DM me",
        "Job alert: nurses wanted for {service}, apply now",
        "News: new {service} wing opening this spring",
    ),
}

REVIEW_EXTRAS = {
    "es": ("Parking imposible.", "Las instalaciones están limpias.", "Mucho tiempo de espera.", ""),
    "en": ("Parking is hard.", "Clean facilities.", "Long wait.", ""),
}

FOLLOW_UPS = {
    "es": ("Gracias por responder, ya me han llamado", "Os he escrito por DM y sigo sin respuesta",
           "Vale, gracias. Espero que se solucione pronto", "Sigo esperando, la verdad"),
    "en": ("Thanks, they called me already", "I sent a DM and still no answer", "Ok, thank you"),
}

X_REPLIES = {
    ("question", "es"): ("Buenos días, puedes pedir cita en la web o en el 900 000 000. Gracias por escribirnos",
                         "Hola, te lo consultamos y te respondemos por DM 🙂"),
    ("question", "en"): ("Hello, you can book online or call 900 000 000. Thanks for reaching out",),
    ("complaint", "es"): ("Hola, lamentamos las molestias. Escríbenos por DM con tus datos y lo revisamos. Un saludo",
                          "Hola, lo trasladamos al servicio correspondiente y te contactarán. Disculpa la espera"),
    ("complaint", "en"): ("Hi, sorry about this. Please DM us your details and we will look into it",),
    ("praise", "es"): ("¡Muchas gracias por tus palabras! Se las haremos llegar al equipo 💙",),
    ("praise", "en"): ("Thank you so much for your kind words, we will share them with the team",),
    ("noise", "es"): ("Gracias por compartir",),
    ("noise", "en"): ("Thanks for sharing",),
}

GOOGLE_REPLIES = {  # keyed by whether the rating is good (4-5 stars)
    (False, "es"): ("Estimado/a paciente, gracias por su reseña. Lamentamos su experiencia y nos pondremos en contacto con usted.",
                    "Sentimos las molestias. Le rogamos que contacte con el Servicio de Atención al Paciente para revisar su caso."),
    (False, "en"): ("Thank you for your review. We are sorry about your experience and will contact you.",),
    (True, "es"): ("Muchas gracias por su valoración. Trasladamos su comentario al equipo.",
                   "Gracias por confiar en nosotros. Un saludo del Servicio de Atención al Paciente."),
    (True, "en"): ("Thank you for your kind words, we will share them with the team.",),
}

EDITS = {  # keyed by whether the owner had replied before the edit
    (True, "es"): ("Actualizo: me llamaron y lo solucionaron.", "Edito: al final todo bien, gracias por la respuesta."),
    (True, "en"): ("Update: they called me and fixed it.",),
    (False, "es"): ("EDITO: sigo sin respuesta.", "Edito: bajo la nota, nadie me ha llamado."),
    (False, "en"): ("Edit: still no answer.",),
}

ANNOUNCEMENTS = (
    "Durante Semana Santa el horario de consultas externas será de 8:00 a 15:00",
    "Arranca la campaña de vacunación de primavera. Pide tu cita en la web",
    "Recuerda: puedes consultar tus resultados en el área del paciente",
    "Hoy celebramos la jornada de puertas abiertas de {service}",
    "Nueva unidad de {service} ya en funcionamiento",
)

SERVICES = {"es": ("traumatología", "dermatología", "pediatría", "cardiología", "urgencias", "oftalmología",
                    "ginecología", "rehabilitación", "análisis clínicos"),
            "en": ("orthopaedics", "dermatology", "paediatrics", "cardiology", "the ER", "ophthalmology")}
WEEKDAYS = {"es": ("lunes", "martes", "miércoles", "jueves", "viernes"), "en": ("Monday", "Tuesday", "Wednesday", "Friday")}
DOCTORS = ("Ruiz", "Beltrán", "Ferrer", "Campos", "Soler", "Montes", "Vega", "Aranda")
NURSES = ("Marisa", "Toñi", "Bea", "Lidia", "Rosa")
EMOJIS = ("😡", "🙏", "😤", "👏", "❤️", "😞", "💙", "🤬", "😊")
HASHTAGS = {"question": ("#cita", "#dudas"), "complaint": ("#ListaDeEspera", "#urgencias", "#SanidadPublica"),
            "praise": ("#gracias", "#orgullo"), "noise": ("#empleo", "#sorteo", "#news")}


DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def personal_data(rng: random.Random) -> dict[str, str]:
    """Invented personal data, written the ways patients write it (the warehouse must redact it)."""
    digits = f"6{rng.randint(0, 99_999_999):08d}"
    phone = rng.choice((digits, f"{digits[:3]} {digits[3:5]} {digits[5:7]} {digits[7:]}",
                        f"+34 {digits[:3]} {digits[3:6]} {digits[6:]}", f"{digits[:3]}.{digits[3:6]}.{digits[6:]}"))
    number = rng.randint(10_000_000, 99_999_999)
    dni = f"{number}{DNI_LETTERS[number % 23]}"
    if rng.random() < 0.5:
        dni = f"{dni[:2]}.{dni[2:5]}.{dni[5:8]}-{dni[8]}"
    email = f"{rng.choice(('lucia', 'pepe', 'mgarcia', 'ana.perez', 'jlopez'))}{rng.randint(1, 99)}@" \
            f"{rng.choice(('gmail.com', 'hotmail.es', 'yahoo.es'))}"
    return {"phone": phone, "dni": dni, "email": email}


def fill(rng: random.Random, template: str, lang: str) -> str:
    extra = personal_data(rng) if "{phone}" in template or "{email}" in template or "{dni}" in template else {}
    return template.format(
        service=rng.choice(SERVICES[lang]), doctor=rng.choice(DOCTORS), nurse=rng.choice(NURSES),
        weekday=rng.choice(WEEKDAYS[lang]), days=rng.randint(2, 9), months=rng.randint(3, 14),
        hours=rng.randint(4, 11), amount=rng.choice((45, 60, 85, 120)), **extra)


def language(rng: random.Random) -> str:
    return "es" if rng.random() < 0.85 else "en"


def intent(rng: random.Random) -> str:
    return rng.choices(list(INTENTS), list(INTENTS.values()))[0]


def message(rng: random.Random, kind: str, lang: str) -> str:
    return fill(rng, rng.choice(MESSAGES[kind, lang]), lang)


def review_comment(rng: random.Random, kind: str, lang: str) -> str:
    text = message(rng, kind, lang)
    return sloppy(rng, f"{text}{'' if text[-1] in '.?!' else '.'} {rng.choice(REVIEW_EXTRAS[lang])}".strip())


def without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def sloppy(rng: random.Random, text: str) -> str:
    """Sometimes drop accents and opening marks, swap two letters or lower-case everything."""
    if rng.random() < 0.25:
        text = without_accents(text).replace("¿", "").replace("¡", "")
    if rng.random() < 0.15:
        i = rng.randrange(1, len(text) - 2)
        if text[i].isalpha() and text[i + 1].isalpha():
            text = text[:i] + text[i + 1] + text[i] + text[i + 2:]
    if rng.random() < 0.1:
        text = text.lower()
    return text


def decorate(rng: random.Random, kind: str, text: str) -> str:
    """X flavour: sometimes emojis and a hashtag."""
    text = sloppy(rng, text)
    if rng.random() < 0.3:
        text += " " + rng.choice(EMOJIS) * rng.randint(1, 3)
    if rng.random() < 0.25:
        text += " " + rng.choice(HASHTAGS[kind])
    return text
