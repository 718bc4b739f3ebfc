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
    ("#HC1234567 #urgencias", "#HC[MEDICAL_RECORD] #urgencias"),
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
    ("12 High St London SW1A 1AA", "[ADDRESS] [ADDRESS]"),
    ("Flat 3, 10 Downing Street", "[ADDRESS], [ADDRESS]"),
]


@pytest.mark.parametrize(("text", "expected"), REDACTED)
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
    assert VERSION == "pii-2"


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
