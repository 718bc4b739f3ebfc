"""Redaction of personal data in patients' messages: exact redacted strings, kinds and counts."""
from __future__ import annotations

import dataclasses

import pytest

from webcare.classify.pii import VERSION, Match, Redaction, find, redact

REDACTED = [
    # phones, Spanish
    ("Llamadme al 612 345 678 por favor", "Llamadme al [PHONE] por favor"),
    ("Mi móvil: +34 612-34-56-78 😡", "Mi móvil: [PHONE] 😡"),
    ("#llamadme612345678 @HospSierraNorte", "#llamadme[PHONE] @HospSierraNorte"),
    ("tlf (91) 234 56 78, urgente!!", "tlf [PHONE], urgente!!"),
    ("o al 0034 912.345.678.", "o al [PHONE]."),
    ("(+34) 612 345 678 es mi número", "[PHONE] es mi número"),
    ("34612345678 llamad ya", "[PHONE] llamad ya"),
    ("móvil612345678😡😡", "móvil[PHONE]😡😡"),
    ("#tlf612345678#urgente", "#tlf[PHONE]#urgente"),
    ("tel:612.34.56.78", "tel:[PHONE]"),
    ("Llamad al 9 1 2 3 4 5 6 7 8!!", "Llamad al [PHONE]!!"),
    ("fijo 856-123-456 o 7 12 34 56 78", "fijo [PHONE] o [PHONE]"),
    # phones, English and international
    ("Call me on +44 20 7946 0958 please", "Call me on [PHONE] please"),
    ("my number is (555) 123-4567.", "my number is [PHONE]."),
    ("ring +351 912 345 678 or 020 7946 0958", "ring [PHONE] or [PHONE]"),
    # e-mails
    ("escribid a ana.lopez@gmail.com.", "escribid a [EMAIL]."),
    ("@HospSierraNorte correo: pepe_88+citas@hotmail.es gracias", "@HospSierraNorte correo: [EMAIL] gracias"),
    ("mi mail es ana arroba gmail punto com", "mi mail es [EMAIL]"),
    ("write to john (at) example.co.uk", "write to [EMAIL]"),
    ("contact me at john at gmail dot com", "contact me at [EMAIL]"),
    ("ANA(ARROBA)GMAIL(PUNTO)COM!!", "[EMAIL]!!"),
    ("ana[at]gmail[dot]com 🙏", "[EMAIL] 🙏"),
    ("escribidme a anita92 arroba hotmail", "escribidme a [EMAIL]"),
    # DNI and NIE
    ("Mi DNI es 12.345.678-Z", "Mi DNI es [NATIONAL_ID]"),
    ("dni 12345678 z, gracias", "dni [NATIONAL_ID], gracias"),
    ("#DNI12345678Z", "#DNI[NATIONAL_ID]"),
    ("mi dni: 12345678, nada más", "mi dni: [NATIONAL_ID], nada más"),
    ("NIE X-1234567-L y el de mi madre Y1234567Z", "NIE [NATIONAL_ID] y el de mi madre [NATIONAL_ID]"),
    ("my id: z 1234567 r.", "my id: [NATIONAL_ID]."),
    ("my DNI number is 12.345.678 Z!", "my DNI number is [NATIONAL_ID]!"),
    # medical record and health card numbers
    ("NHC 1234567, ¿para cuándo la cita?", "NHC [MEDICAL_RECORD], ¿para cuándo la cita?"),
    ("N.H.C.: 12.345.678", "N.H.C.: [MEDICAL_RECORD]"),
    ("número de historia clínica es el 98765432", "número de historia clínica es el [MEDICAL_RECORD]"),
    ("nº de historia: 1234567 😡", "nº de historia: [MEDICAL_RECORD] 😡"),
    ("historia clinica 5556667", "historia clinica [MEDICAL_RECORD]"),
    ("#HC1234567 #urgencias", "#[MEDICAL_RECORD] #urgencias"),  # pii-6: a record's own letters glued to it go too
    ("HC-44102 del Mario Catarino", "[MEDICAL_RECORD] del Mario Catarino"),
    ("mi CIP es GAPU 1770 3210 08 y", "mi CIP es [MEDICAL_RECORD] y"),
    ("MRN: 00123456", "MRN: [MEDICAL_RECORD]"),
    ("my medical record number is 7654321", "my medical record number is [MEDICAL_RECORD]"),
    ("patient number 00998877", "patient number [MEDICAL_RECORD]"),
    ("nº de paciente 1234567", "nº de paciente [MEDICAL_RECORD]"),
    ("CIP ABCD123456789012 caducado", "CIP [MEDICAL_RECORD] caducado"),
    ("tarjeta sanitaria AN1234567890", "tarjeta sanitaria [MEDICAL_RECORD]"),
    ("SIP: 12345678", "SIP: [MEDICAL_RECORD]"),
    ("NHS number 943 476 5919", "NHS number [MEDICAL_RECORD]"),
    # addresses, Spanish
    ("Vivo en C/ Mayor 5, 3ºB, 28013 Madrid", "Vivo en [ADDRESS]"),
    ("Avda. de la Constitución 12, 2º izq.", "[ADDRESS]."),
    ("Vivo en la C/Mayor nº 12, 4º dcha. Os espero", "Vivo en la [ADDRESS]. Os espero"),
    ("Vivo en Calle Real 7 y me dijeron que no", "Vivo en [ADDRESS] y me dijeron que no"),
    ("Pº de la Castellana 100, 28046 Madrid", "[ADDRESS]"),
    ("en la Pza. España 1 1ºA hay sitio", "en la [ADDRESS] hay sitio"),
    ("Av. Diagonal 640, 08017 Barcelona", "[ADDRESS]"),
    ("Ctra. de Toledo km 12", "[ADDRESS]"),
    ("Travesía del Mar 4, bajo.", "[ADDRESS]."),
    ("calle mayor 5", "[ADDRESS]"),
    ("envíenlo a 28013 Madrid", "envíenlo a [ADDRESS]"),
    ("CP 41001", "CP [ADDRESS]"),
    ("desde Málaga, 29001", "desde [ADDRESS]"),
    # addresses, English
    ("I live at 221B Baker Street, Apt 4", "I live at [ADDRESS]"),
    ("12 High St London SW1A 1AA", "[ADDRESS]"),
    ("Flat 3, 10 Downing Street", "[ADDRESS], [ADDRESS]"),
]


# Latin America, Brazil and the new kinds of pii-2. Check digits are valid where the format has one.
REDACTED_AMERICAS = [
    ("Mi celular es 55 1234 5678, llámenme", "Mi celular es [PHONE], llámenme"),  # Mexico
    ("marquen al +52 1 55 1234 5678", "marquen al [PHONE]"),
    ("mi cel 300 123 4567 gracias", "mi cel [PHONE] gracias"),  # Colombia
    ("Tel: (601) 345 6789", "Tel: [PHONE]"),
    ("llamame al 11 15-2345-6789 o al +54 9 11 2345-6789", "llamame al [PHONE] o al [PHONE]"),  # Argentina
    ("mi número es +56 9 8765 4321", "mi número es [PHONE]"),  # Chile
    ("WhatsApp 987 654 321 por fa", "WhatsApp [PHONE] por fa"),  # Peru
    ("mi teléfono 0414-123.45.67", "mi teléfono [PHONE]"),  # Venezuela
    ("llámenme al 099 123 4567", "llámenme al [PHONE]"),  # Ecuador
    ("mi cel es 8888-1234", "mi cel es [PHONE]"),  # Costa Rica
    ("marque al 809-555-1234", "marque al [PHONE]"),  # Dominican Republic
    ("mi celular (11) 91234-5678", "mi celular [PHONE]"),  # Brazil
    ("CURP GODE561231HDFRRN09 y RFC GODE561231GR8", "CURP [NATIONAL_ID] y RFC [NATIONAL_ID]"),
    ("mi cédula es CC 1.023.456.789", "mi cédula es CC [NATIONAL_ID]"),
    ("DNI 30.123.456, turno en clínica", "DNI [NATIONAL_ID], turno en clínica"),
    ("mi RUT 12.345.678-5", "mi RUT [NATIONAL_ID]"),
    ("RUN 12345678-5", "RUN [NATIONAL_ID]"),
    ("mi DNI 45678912 (Perú)", "mi DNI [NATIONAL_ID] (Perú)"),
    ("cédula V-12.345.678", "cédula [NATIONAL_ID]"),
    ("cédula 1712345675", "cédula [NATIONAL_ID]"),
    ("cédula 1-1234-0567", "cédula [NATIONAL_ID]"),
    ("cédula 001-1234567-3", "cédula [NATIONAL_ID]"),
    ("DUI 01234567-8", "DUI [NATIONAL_ID]"),
    ("DPI 1234 56789 0101", "DPI [NATIONAL_ID]"),
    ("CPF 123.456.789-09", "CPF [NATIONAL_ID]"),
    ("CI 1.234.567-2", "CI [NATIONAL_ID]"),
    ("me dieron 12.345.678-5 como número", "me dieron [NATIONAL_ID] como número"),  # a RUT's shape alone
    ("NUSS 28/12345678/40", "NUSS [SOCIAL_SECURITY]"),
    ("número de afiliación 281234567840", "número de afiliación [SOCIAL_SECURITY]"),
    ("mi NSS del IMSS es 12345678901", "mi NSS del IMSS es [SOCIAL_SECURITY]"),
    ("SSN 123-45-6789", "SSN [SOCIAL_SECURITY]"),
    ("NI number QQ 12 34 56 C", "NI number [SOCIAL_SECURITY]"),
    ("IBAN ES91 2100 0418 4502 0005 1332", "IBAN [BANK_ACCOUNT]"),
    ("devuélvanlo a ES9121000418450200051332 ya", "devuélvanlo a [BANK_ACCOUNT] ya"),  # checked, no cue
    ("la CLABE 012180000118359713", "la CLABE [BANK_ACCOUNT]"),
    ("CBU 2850590994009041813526", "CBU [BANK_ACCOUNT]"),
    ("tarjeta 4111 1111 1111 1111", "tarjeta [CARD]"),
    ("me cobraron dos veces en 4111-1111-1111-1111", "me cobraron dos veces en [CARD]"),
    ("pasaporte PAA123456", "pasaporte [PASSPORT]"),
    ("passport number 123456789", "passport number [PASSPORT]"),
    ("nací el 3 de mayo de 1961", "nací el [DATE_OF_BIRTH]"),
    ("fecha de nacimiento 12/04/1987", "fecha de nacimiento [DATE_OF_BIRTH]"),
    ("DOB 04/12/1987", "DOB [DATE_OF_BIRTH]"),
    ("mi hijo nació el 2/2/2019", "mi hijo nació el [DATE_OF_BIRTH]"),
    ("vivo en Av. Insurgentes Sur 1602, col. Crédito Constructor, CDMX", "vivo en [ADDRESS]"),
    ("Calle 45 # 12-34, Bogotá", "[ADDRESS]"),
    ("mi casa queda en la Carrera 7 No. 32-16", "mi casa queda en la [ADDRESS]"),
    ("Jr. Huallaga 345, Lima", "[ADDRESS]"),
    ("del Palí 200 m al norte, casa esquinera, Heredia", "[ADDRESS]"),
    ("Mz. B Lt. 12, Villa El Salvador", "[ADDRESS]"),
    ("Rua Augusta 1500, apto 42, São Paulo", "[ADDRESS]"),
    ("Pasaje Los Aromos 1234, depto 402, Maipú", "[ADDRESS]"),
    ("14 Elm Road, Leeds LS6 2AB", "[ADDRESS]"),
    ("1234 Oak St, Apt 5B, Springfield, IL 62704", "[ADDRESS]"),
    ("mi perfil facebook.com/maria.lopez.77", "mi perfil [PROFILE_URL]"),
    ("https://www.instagram.com/juanito_22/ ahí", "[PROFILE_URL] ahí"),
    ("como dijo @mariajo_85 ayer", "como dijo [HANDLE] ayer"),
    ("me llamo Ana Belén Ruiz", "me llamo [PERSON_NAME]"),
    ("mi madre, Carmen Soto Díaz, lleva dos días", "mi madre, [PERSON_NAME], lleva dos días"),
    ("my name is John Carter", "my name is [PERSON_NAME]"),
    ("soy Luis Quispe", "soy [PERSON_NAME]"),
    ("el paciente Jorge Ramírez", "el paciente [PERSON_NAME]"),
    ("expediente 2024-00123", "expediente [MEDICAL_RECORD]"),
    ("NHS number 943 476 5919", "NHS number [MEDICAL_RECORD]"),
]


@pytest.mark.parametrize(("text", "expected"), REDACTED + REDACTED_AMERICAS)
def test_redact_replaces_exactly_the_personal_data(text, expected):
    assert redact(text).text == expected


UNCHANGED = [
    "La cita es el 12/03/2026 a las 10:30",
    "me costó 45,90€ y esperé 3 horas",
    "Desde 2026 en #listadeespera @HospSierraNorte",
    "@HospSierraNorte llevo 3 horas en urgencias 😡😡 #listadeespera",
    "me atendieron en la planta 3 del Hospital 12 de Octubre",
    "El 15 de marzo de 2026 a las 9:45 pagué 45,90€ (IVA 21%)",
    "Ya van 3 semanas, 45 días, 2.000 pacientes y 10.000 euros",
    "Cita el 9.10.2026 10:30 y el 7-10-2026 10:30",
    "Entre 2020-2026 pasé de 10:30-11:30 con 1.500 personas",
    "paciente de 85 años en la habitación 612, cama 12B",
    "no hay plaza hasta dentro de 3 meses",
    "esperé en la calle 3 horas",
    "de camino al 12 de Octubre",
    "I waited 3 hours at the ER and 2 days for a bed",
    "Thanks @HospSierraNorte, great team! #gracias",
    "Nací en 1985 y tengo 41 años; tensión 120/80",
    "gracias@HospSierraNorte. Es increíble",
    "",
    # amounts, counts, institutions and staff in the Americas
    "Pagué $ 35.000 pesos por la consulta",
    "Costó S/ 1.250.000 el tratamiento",
    "Una ciudad de 1.500.000 habitantes y un solo hospital",
    "En 2025 hubo 12.345.678 consultas",
    "me dieron el turno 45 y la habitación 312",
    "@IMSSmx @minsaludcol ¿hasta cuándo?",
    "lo publicaron en facebook.com/HospSierraNorte",
    "la Dra. Pérez me atendió genial",
    "Me atendió el Dr. Gómez en el consultorio 204, piso 3",
    "500 mg cada 8 h durante 7 días",
    "del 2 al 15 de marzo de 2026 estuve ingresado",
    "Llamé al 911 y tardaron 40 minutos",
    "Soy paciente del IMSS desde 2010",
    "Soy diabética y nadie me explicó nada",
    "Thanks, Nurse Joy was great",
    "Ticket #4521 y folio 2026-03",
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_text_without_personal_data_stays_unchanged(text):
    result = redact(text)
    assert (result.text, result.kinds, result.count, result.has_pii) == (text, (), 0, False)


KINDS_AND_COUNTS = [
    ("Llamadme al 612345678 o al 912 34 56 78", ("phone",), 2),
    ("DNI 12345678Z, tel 612345678, ana@gmail.com", ("email", "national_id", "phone"), 3),
    ("NHC 1234567 y NIE X1234567L", ("medical_record", "national_id"), 2),
    ("C/ Mayor 5, 28013 Madrid — llamad al +34 612 345 678", ("address", "phone"), 2),
    ("my MRN is 1234567 and my email john@example.com", ("email", "medical_record"), 2),
    ("a 612345678@gmail.com no le llega nada", ("email",), 1),  # one e-mail, not a phone inside it
    ("NHC 612345678", ("medical_record",), 1),  # a cue makes it a record number, not a phone
    ("me llamo Ana Ruiz, DNI 12345678Z, vivo en C/ Mayor 5 y mi cel es 300 123 4567",
     ("address", "national_id", "person_name", "phone"), 4),
    ("@pepe_77 y @HospSierraNorte: facebook.com/pepe.77 y facebook.com/HospSierraNorte", ("handle", "profile_url"), 2),
]


@pytest.mark.parametrize(("text", "kinds", "count"), KINDS_AND_COUNTS)
def test_kinds_and_count(text, kinds, count):
    result = redact(text)
    assert (result.kinds, result.count, result.has_pii) == (kinds, count, True)


def test_find_reports_kind_and_offsets_of_each_item():
    text = "Soy Ana, 612 345 678, ana@gmail.com"
    assert find(text) == [
        Match("person_name", 4, 7, "Ana"),
        Match("phone", 9, 20, "612 345 678"),
        Match("email", 22, 35, "ana@gmail.com"),
    ]


def test_redaction_is_a_frozen_value():
    result = redact("tel 612345678")
    assert result == Redaction("tel [PHONE]", ("phone",), 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.count = 0  # type: ignore[misc]
    assert VERSION == "pii-6"


# Every one of these must disappear from the sentence it is embedded in.
RECALL = [
    ("612345678", "phone"), ("612 345 678", "phone"), ("612.345.678", "phone"), ("612-34-56-78", "phone"),
    ("+34 612 345 678", "phone"), ("+34612345678", "phone"), ("0034 612345678", "phone"),
    ("(+34) 612-345-678", "phone"), ("34 912 34 56 78", "phone"), ("91 234 56 78", "phone"),
    ("(91) 234 56 78", "phone"), ("955.12.34.56", "phone"), ("7 1 2 3 4 5 6 7 8", "phone"),
    ("800 123 456", "phone"), ("+44 20 7946 0958", "phone"), ("+1 (555) 123-4567", "phone"),
    ("+351 912 345 678", "phone"), ("0044 20 7946 0958", "phone"), ("555-123-4567", "phone"),
    ("07700 900123", "phone"), ("+33 1 23 45 67 89", "phone"), ("+49 30 1234 5678", "phone"),
    ("ana@gmail.com", "email"), ("Ana.Lopez-Ruiz@hospital.sanidad.es", "email"),
    ("pepe_88+citas@hotmail.es", "email"), ("juan (at) correo.org", "email"),
    ("juan [at] gmail [dot] com", "email"), ("juan arroba gmail punto com", "email"),
    ("juan arroba gmail.com", "email"), ("juan at yahoo dot es", "email"),
    ("juan(arroba)outlook(punto)es", "email"), ("juan @ gmail . com", "email"),
    ("12345678Z", "national_id"), ("12.345.678-Z", "national_id"), ("12345678 z", "national_id"), ("12 345 678 Z", "national_id"),
    ("12345678-z", "national_id"), ("1.234.567-L", "national_id"),
    ("X1234567L", "national_id"), ("X-1234567-L", "national_id"), ("y 1234567 z", "national_id"), ("Z.1234567.R", "national_id"),
    ("NHC 1234567", "medical_record"), ("N.H.C. 12345678", "medical_record"), ("nhc:98765", "medical_record"),
    ("historia clínica 1234567", "medical_record"), ("historia clinica nº 7654321", "medical_record"),
    ("nº de historia 2345678", "medical_record"), ("número de historia: 3456789", "medical_record"), ("HC 4567890", "medical_record"),
    ("MRN 5678901", "medical_record"), ("medical record 6789012", "medical_record"), ("medical record number: 78901234", "medical_record"),
    ("patient number 89012345", "medical_record"), ("nº de paciente 90123456", "medical_record"), ("SIP 1234567890", "medical_record"),
    ("CIP ABCD123456789012", "medical_record"), ("tarjeta sanitaria ABCD 1234 5678 9012", "medical_record"),
    ("C/ Mayor 5, 3ºB", "address"), ("Calle de Alcalá 123, 28009 Madrid", "address"),
    ("Avda. Andalucía 10, 2º izq", "address"), ("Avenida de América 4", "address"),
    ("Av. Diagonal 640", "address"), ("Paseo del Prado 8", "address"), ("Pº Colón 3", "address"),
    ("Plaza Mayor 1", "address"), ("Pza. del Pilar 2", "address"), ("Ronda de Toledo 12", "address"),
    ("Camino Real 45", "address"), ("Carretera de Valencia 3", "address"), ("Ctra. Nacional 340", "address"),
    ("Travesía de la Paz 6", "address"), ("calle del sol 7, 1º", "address"), ("28013 Madrid", "address"),
    ("221B Baker Street", "address"), ("12 High St", "address"), ("Apt 4", "address"),
    ("45 Oak Road, Flat 2", "address"),
]
SENTENCES = [
    "Hola @HospSierraNorte, {} es mi dato, llamadme 🙏",
    "I have been waiting for weeks!! {} #listadeespera",
    "mis datos:{}. Gracias",
]


@pytest.mark.parametrize(("item", "kind"), RECALL)
@pytest.mark.parametrize("sentence", SENTENCES)
def test_recall_every_item_is_redacted(sentence, item, kind):
    result = redact(sentence.format(item))
    assert kind in result.kinds
    assert item not in result.text
    # only the item itself was replaced: the sentence around it is intact
    before, after = sentence.split("{}")
    assert result.text.startswith(before) and result.text.endswith(after)


def test_recall_list_is_long_and_varied():
    assert len(RECALL) >= 60
    assert {kind for _, kind in RECALL} == {"phone", "email", "national_id", "national_id", "medical_record", "address"}


def test_first_character_lookahead_changes_no_match():
    """`compile_fast` only adds a lookahead of the characters a match can start with: every pattern
    finds exactly what the plain compiled pattern finds, on a text that mixes all kinds."""
    import re

    from webcare.classify import pii

    sample = " ".join(text for text, _ in REDACTED + REDACTED_AMERICAS) * 3
    patterns = [(p, pii._FLAGS) for kind_patterns in (
        pii._EMAIL, pii._MEDICAL_RECORD, pii._SOCIAL_SECURITY, pii._PASSPORT, pii._BANK_ACCOUNT, pii._CARD,
        pii._DATE_OF_BIRTH, pii._NATIONAL_ID, pii._PHONE_SHAPES, pii._ADDRESS, pii._PERSON_NAME, pii._NUMBER,
    ) for p in kind_patterns]
    patterns += [(pii._PROFILE_URL, pii._FLAGS), (pii._HANDLE, 0), (pii._IBAN, 0), (pii._PHONE_CANDIDATE, 0)]
    sped_up = 0
    for pattern, flags in patterns:
        fast, plain = pii.compile_fast(pattern, flags), re.compile(pattern, flags)
        sped_up += fast.pattern != plain.pattern
        assert [m.span() for m in fast.finditer(sample)] == [m.span() for m in plain.finditer(sample)], pattern
    assert sped_up >= len(patterns) * 3 // 4, "the lookahead is built for most patterns"


# pii-5: names without a cue, from gender-guesser's first names; staff, places and institutions stay
@pytest.mark.parametrize(("text", "names"), [
    ("gracias a Rocío Vidal por todo lo que hizo", ["Rocío Vidal"]),
    ("a Yusmary Pérez la dejaron 6 horas en el pasillo", ["Yusmary Pérez"]),
    ("ayer ingresaron a Jhon Alexander Ospina y nadie informa", ["Jhon Alexander Ospina"]),
    ("Pilar Sanz espera desde las 8", ["Pilar Sanz"]),
    ("el Dr. Pablo Ruiz fue muy amable", []),
    ("la enfermera Marta nos ayudó mucho", []),
    ("me derivaron al Hospital San Rafael de Heredia", []),
    ("lo trasladaron del hospital de Santa Ana al Rosales", []),
    ("Gana 500€ al día desde casa!!! info en mi perfil", []),
    ("Long wait, Great care at the ER", []),
    ("vivimos en Santiago desde mayo", []),
])
def test_names_without_a_cue_come_from_the_list_of_first_names(text, names):
    assert [m.text for m in find(text) if m.kind == "person_name"] == names


def test_the_held_out_set_meets_the_overall_goal():
    """The second PII set (data/pii_heldout), never used to write the rules: overall recall and
    precision stay at the issue's goal (per kind: docs/pii-evaluation.md)."""
    from webcare.classify import pii_evaluation

    result = pii_evaluation.score(pii_evaluation.load(pii_evaluation.HELD_OUT_SET))
    assert result.messages >= 500 and sum(result.spans.values()) >= 900
    assert result.recall() >= pii_evaluation.GOAL_OVERALL, result.recall()
    assert result.precision() >= 0.90, result.precision()
