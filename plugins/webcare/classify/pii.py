"""Find and redact personal data in patients' messages (Spanish and English).

``redact(text)`` replaces every phone number, e-mail address, DNI, NIE, medical record or health
card number and postal address with a placeholder (``[PHONE]``, ``[EMAIL]``, ``[DNI]``, ``[NIE]``,
``[MRN]``, ``[ADDRESS]``) and leaves every other character as it was, so the redacted text stays
readable. Cue words are kept: "NHC 1234567" becomes "NHC [MRN]".

Recall comes before precision: a redacted order number costs little, a leaked phone number does
not. The patterns accept typos, missing accents, any spacing inside numbers, numbers glued to words
(``#llamadme612345678``), obfuscated e-mails ("ana arroba gmail punto com") and do not require a
valid DNI check letter. Only cheap, obvious non-matches are avoided: years, times, prices, counts
of hours or days after a street word.

When two candidates overlap, the kind earlier in ``KINDS`` wins; within a kind the leftmost, then
longest, wins.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

VERSION = "pii-1"

# Priority order for overlapping candidates: the more specific, cue-driven kinds first.
KINDS = ("email", "mrn", "nie", "dni", "phone", "address")

_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class Match:
    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Redaction:
    text: str
    kinds: tuple[str, ...]
    count: int

    @property
    def has_pii(self) -> bool:
        return self.count > 0


def placeholder(kind: str) -> str:
    return f"[{kind.upper()}]"


# --- shared pieces ---------------------------------------------------------------------------

H = r"[^\S\r\n]"  # horizontal white space (no line breaks), including no-break spaces
NOT_LETTER_BEFORE = r"(?<![^\W\d_])"
NOT_LETTER_AFTER = r"(?![^\W\d_])"


def _accent_insensitive(word: str) -> str:
    """A regex for `word` that matches with or without its accents ("Málaga" ~ "Malaga")."""
    out = []
    for ch in word:
        base = unicodedata.normalize("NFKD", ch)[0]
        out.append(f"[{base}{ch}]" if base != ch else re.escape(ch))
    return "".join(out).replace(r"\ ", H + "+")


# --- phone numbers ---------------------------------------------------------------------------

_SEP = r"(?:[^\S\r\n]|[.\-()]){0,3}"  # between digits: spaces, dots, dashes, parentheses
_NOT_A_CONTINUATION = r"(?!\d)(?![.,:]\d)"  # not part of a longer number, a decimal or a time
_ES_PREFIX = rf"(?:\({H}*(?:\+|00)?{H}*34{H}*\)|(?:\+|00){H}*34|(?<!\d)34)"
_PHONE = [
    # Spanish mobiles and landlines: 9 digits starting 6-9, optional +34 / 0034 / 34
    rf"(?:{_ES_PREFIX}{_SEP}|\((?=[6789]\d{{1,2}}{H}*\))|(?<!\d))"
    rf"[6789](?:{_SEP}\d){{8}}{_NOT_A_CONTINUATION}",
    # international with a plus sign, optionally in parentheses: (+44) 20 7946 0958
    rf"(?:\({H}*\+{H}*\d{{1,3}}{H}*\)|(?<![\w+])\+{H}*\d{{1,3}})(?:{_SEP}\d){{6,13}}{_NOT_A_CONTINUATION}",
    # international with 00
    rf"(?<!\d)00{H}*[1-9]\d{{0,2}}(?:{_SEP}\d){{6,13}}{_NOT_A_CONTINUATION}",
    # North American (555) 123-4567
    rf"(?<!\d)(?:1[ .\-]?)?\(?\d{{3}}\)?[ .\-]\d{{3}}[ .\-]\d{{4}}{_NOT_A_CONTINUATION}",
    # British national 020 7946 0958, 07700 900123
    rf"(?<!\d)0\d{{2,4}}[ \-]?\d{{3,4}}[ \-]?\d{{3,4}}{_NOT_A_CONTINUATION}",
    # any other long run of digits (unformatted numbers, ids): recall first
    r"(?<!\d)\d{10,15}(?!\d)",
]

# --- e-mail addresses ------------------------------------------------------------------------

_AT = rf"(?:{H}*[(\[{{<]{H}*(?:at|ar?roba|@){H}*[)\]}}>]{H}*|{H}+(?:at|ar?roba){H}+|{H}+@{H}+|@)"
_DOT = rf"(?:{H}*[(\[{{<]{H}*(?:dot|punto){H}*[)\]}}>]{H}*|{H}+(?:dot|punto){H}+|{H}+\.{H}+|\.)"
_TLD = r"(?:com|es|org|net|eu|cat|gal|eus|info|edu|gov|gob|uk|io|me|fr|de|it|pt|us|co|mx|ar)"
_PROVIDER = r"(?:gmail|hotmail|yahoo|outlook|icloud|live|msn|protonmail|proton|telefonica|movistar)"
_EMAIL = [
    r"\w[\w.+\-]{0,63}@[\w\-]{1,63}(?:\.[\w\-]+)*\.[^\W\d_]{2,}",
    # obfuscated: ana (at) gmail.com, ana arroba gmail punto com, ana [at] gmail [dot] com
    rf"\w[\w.+\-]{{0,63}}{_AT}(?:[\w\-]+(?:{_DOT}[\w\-]+)*{_DOT}{_TLD}|{_PROVIDER}){NOT_LETTER_AFTER}",
]

# --- DNI and NIE -----------------------------------------------------------------------------

_DSEP = rf"(?:\.|-|{H})?"
_LETTER = rf"{H}?[-.]?{H}?[a-z]{NOT_LETTER_AFTER}"
_DNI_DIGITS = rf"\d{{1,2}}{_DSEP}\d{{3}}{_DSEP}\d{{3}}"
_FILL = (  # between a cue and its number: "NHC: ", "nº de historia es el ", "number is "
    r"(?:[^\S\r\n]|[:#=\-.,(]"
    r"|(?:n[º°ªo]|nro|n|núm|num|número|numero|number|nr|no|id|es|is|de|del|el|la|mi|my|su|his|her"
    rf"|was|of){NOT_LETTER_AFTER}){{0,16}}"
)

_DNI = [
    rf"(?<!\d){_DNI_DIGITS}{_LETTER}",
    # after a cue the letter may be missing: "DNI 12345678"
    rf"{NOT_LETTER_BEFORE}(?:d\.?n\.?i|n\.?i\.?f|documento{H}+(?:nacional{H}+)?de{H}+identidad|documento"
    rf"|id{H}+card|national{H}+id){NOT_LETTER_AFTER}\.?{_FILL}(?P<pii>{_DNI_DIGITS}(?:{_LETTER})?)(?!\d)",
]
_NIE_BODY = rf"[xyz]{H}?[-.]?{H}?\d{{1,2}}{_DSEP}\d{{3}}{_DSEP}\d{{3}}"
_NIE = [
    rf"(?:{NOT_LETTER_BEFORE}|(?<=nie))(?<!\d){_NIE_BODY}{_LETTER}",
    rf"{NOT_LETTER_BEFORE}n\.?i\.?e{NOT_LETTER_AFTER}\.?{_FILL}(?P<pii>{_NIE_BODY}(?:{_LETTER})?)(?!\d)",
]

# --- medical record and health card numbers --------------------------------------------------

_RECORD_CUES = (
    r"n\.?{h}?h\.?{h}?c\.?",  # NHC, N.H.C.
    r"h\.?{h}?c\.?",  # HC, H.C.
    r"historial?(?:{h}+cl[ií]nic[ao])?",  # historia clínica, nº de historia, historial clínico
    r"expediente{h}+cl[ií]nico",
    r"m\.?r\.?n\.?",
    r"medical{h}+records?(?:{h}+(?:number|num|no\.?|#|id))?",
    r"(?:hospital|patient|record|case|nhs){h}+(?:number|num|no\.?|#|id)",
    r"patient|paciente",  # nº de paciente 1234567, patient 1234567
)
_CARD_CUES = (
    r"s\.?i\.?p\.?",
    r"c\.?i\.?p\.?",
    r"t\.?s\.?i\.?",
    r"tarjeta(?:{h}+sanitaria)?(?:{h}+individual)?",
    r"health{h}+card",
)


def _cues(cues: tuple[str, ...]) -> str:
    return "(?:" + "|".join(c.format(h=H) for c in cues) + ")"


def _code(digits: str) -> str:
    """A number with optional letter prefix ("ABCD123456789012") and separators."""
    prefix = rf"(?:(?-i:[A-Z]{{1,4}}){H}?-?{H}?|[a-z]{{1,4}})?"
    return rf"(?P<pii>{prefix}\d(?:[ .\-]?\d){{{digits}}}(?:-?(?-i:[A-Z]))?)(?!\d){NOT_LETTER_AFTER}"


_MRN = [
    rf"{NOT_LETTER_BEFORE}{_cues(_RECORD_CUES)}{NOT_LETTER_AFTER}{_FILL}{_code('4,11')}",
    rf"{NOT_LETTER_BEFORE}{_cues(_CARD_CUES)}{NOT_LETTER_AFTER}{_FILL}{_code('4,19')}",
]

# --- postal addresses ------------------------------------------------------------------------

_ES_STREET = (
    rf"{NOT_LETTER_BEFORE}(?:"
    rf"(?:c|cl|avda|avd|av|pza|plz|pl|ctra|crta|cra|pso|rda|cno|trav|trva|urb|gta|pje)\.{H}*"
    rf"|c/{H}*|p[º°ª]\.?{H}*"
    r"|(?:calle|avenida|avda|avd|av|paseo|plaza|pza|ronda|camino|carretera|ctra|traves[ií]a|glorieta"
    rf"|pasaje|urbanizaci[oó]n|callej[oó]n|rambla|carrer|r[uú]a|bulevar|boulevard){H}+"
    r")"
)
_NAME_WORD = r"[^\W\d_][\w'’\-]*\.?"
_MONTHS = (r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
           r"|noviembre|diciembre)")
_UNITS = (r"(?:h|hrs?|horas?|min|mins|minutos?|seg|segundos?|d[ií]as?|semanas?|mes|meses|a[ñn]os?"
          r"|hours?|days?|weeks?|months?|years?|minutes?|seconds?|veces|times|dosis|personas|pacientes"
          r"|people|patients|euros?|eur|kg|km|kilos?|cm|mg|ml)")
# after a house number: not a time, a decimal, an amount, "3 horas" or a date "12 de octubre"
_NOT_A_COUNT = (rf"(?!{H}*(?::\d|[.,]\d{{1,2}}(?![\dº°ª])|%|€|\$|{_UNITS}{NOT_LETTER_AFTER}"
                rf"|de{H}+{_MONTHS}{NOT_LETTER_AFTER}))")
_HOUSE_NUMBER = (rf"{H}*,?{H}*(?:(?:n\.?[º°o]|núm|num|número|numero)\.?{H}*)?"
                 rf"(?:\d{{1,4}}[a-z]?{NOT_LETTER_AFTER}|s/n)(?!\d){_NOT_A_COUNT}")
_DOOR = (rf"(?:[a-h]|\d{{1,2}}{H}?[º°ª]|izq(?:uierda|da|d)?|dcha|dch|der(?:echa)?|dra|ctro|centro"
         r"|int|ext)")
_FLOOR = (  # 3ºB, 2º izq, 4º dcha, bajo, escalera 3, 3-B
    rf"(?:\d{{1,2}}{H}?[º°ªo](?:\.(?=[,\w]))?(?:{H}?-?{H}?{_DOOR}{NOT_LETTER_AFTER}(?:\.(?=,))?)?"
    rf"|(?:piso|planta|puerta|pta|esc|escalera|portal|bloque|blq)\.?{H}*(?:\d{{1,3}}[a-z]?|[a-z])"
    rf"{NOT_LETTER_AFTER}"
    rf"|(?:bajo|[aá]tico|entresuelo|entlo|izquierda|izq|derecha|dcha){NOT_LETTER_AFTER}(?:\.(?=,))?"
    rf"|\d{{1,2}}-?[a-h]{NOT_LETTER_AFTER})"
)
_POSTCODE = r"(?:0[1-9]|[1-4]\d|5[0-2])\d{3}(?!\d)"
_CITY_WORD = r"[A-ZÁÉÍÓÚÑ][^\W\d_]+"
_CITY_NAME = rf"(?-i:{_CITY_WORD}(?:{H}+(?:(?:de|del|la|las|los|el){H}+)?{_CITY_WORD}){{0,2}})"
_CITY = rf"(?:{_CITY_NAME}|\({_CITY_NAME}\))"  # Madrid, San Sebastián de los Reyes, (Madrid)
_NOT_AN_AMOUNT = (rf"(?!{H}*(?:[.,]\d|€|\$|%|euros?|eur|pacientes|personas|usuarios|horas|d[ií]as"
                  rf"|veces|pasos|visitas|seguidores|followers|likes|people|patients){NOT_LETTER_AFTER})")
_POSTCODE_CITY = rf"{_POSTCODE}{_NOT_AN_AMOUNT}(?:{H}*[,\-]?{H}*(?:{_CITY}))"
_ES_ADDRESS = (
    rf"{_ES_STREET}{_NAME_WORD}(?:{H}+{_NAME_WORD}){{0,5}}{_HOUSE_NUMBER}"
    rf"(?:{H}*[,\-]?{H}*{_FLOOR})*"
    rf"(?:{H}*[,\-]?{H}*(?:c\.?{H}?p\.?{H}*)?{_POSTCODE}(?:{H}*[,\-]?{H}*(?:{_CITY}))?)?"
)

_EN_SUFFIX = (r"(?:street|st|road|rd|avenue|ave|lane|ln|drive|boulevard|blvd|terrace|crescent|mews"
              r"|(?-i:Close|Court|Ct|Park|Place|Pl|Row|Way|Walk|Hill|Grove|Gardens|Square|Sq))")
_EN_UNITS = (r"(?:hours?|hrs?|days?|weeks?|months?|years?|minutes?|mins?|times|people|patients"
             r"|nurses|doctors|beds|calls|emails|messages|of|and|or|to|in|on|at|for|with)")
_APARTMENT = rf"(?:apt|apartment|(?-i:Flat|Suite))\.?{H}*#?{H}*\d{{1,4}}[a-z]?{NOT_LETTER_AFTER}"
_EN_ADDRESS = (
    rf"(?<![\w.,])\d{{1,5}}[a-z]?(?:{H}+(?!{_EN_UNITS}{NOT_LETTER_AFTER})[a-z][a-z'’\-]*){{1,3}}"
    rf"{H}+{_EN_SUFFIX}{NOT_LETTER_AFTER}(?:{H}*,?{H}*{_APARTMENT})?"
)
_UK_POSTCODE = r"(?-i:(?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z\d]?" + H + r"?\d[A-Z]{2}(?![A-Za-z0-9]))"

_CITIES = (
    "Madrid", "Barcelona", "Valencia", "Sevilla", "Zaragoza", "Málaga", "Murcia", "Palma", "Bilbao",
    "Alicante", "Córdoba", "Valladolid", "Vigo", "Gijón", "Granada", "Vitoria", "Oviedo", "Santander",
    "Pamplona", "Almería", "Burgos", "Salamanca", "Albacete", "Logroño", "Badajoz", "Huelva", "Cádiz",
    "Jaén", "León", "Lleida", "Tarragona", "Girona", "Castellón", "Cáceres", "Toledo", "Guadalajara",
    "Cuenca", "Ciudad Real", "Segovia", "Ávila", "Soria", "Zamora", "Palencia", "Lugo", "Ourense",
    "Pontevedra", "A Coruña", "Coruña", "Huesca", "Teruel", "San Sebastián", "Donostia", "Santiago",
    "Getafe", "Móstoles", "Alcalá", "Leganés", "Fuenlabrada", "Alcorcón", "Elche", "Cartagena",
    "Jerez", "Marbella", "Badalona", "Sabadell", "Terrassa", "Hospitalet", "Las Palmas", "Tenerife",
    "Ceuta", "Melilla",
)
_KNOWN_CITY = "(?:" + "|".join(_accent_insensitive(c) for c in _CITIES) + ")"

_ADDRESS = [
    _ES_ADDRESS,
    _EN_ADDRESS,
    rf"{NOT_LETTER_BEFORE}{_APARTMENT}",
    _UK_POSTCODE,
    # a postcode after a cue, or next to a city: "CP 28013", "28013 Madrid", "Madrid, 28013"
    rf"{NOT_LETTER_BEFORE}(?:c\.?{H}?p|c[óo]d(?:igo|\.)?{H}*postal|post(?:al)?{H}?code|zip(?:{H}*code)?)"
    rf"\.?{H}*[:.]?{H}*(?P<pii>{_POSTCODE}(?:{H}*[,\-]?{H}*(?:{_CITY}))?)",
    rf"(?<![\d.,]){_POSTCODE_CITY}",
    rf"{NOT_LETTER_BEFORE}{_KNOWN_CITY}{H}*,?{H}*{_POSTCODE}{_NOT_AN_AMOUNT}",
]

_PATTERNS: dict[str, list[re.Pattern[str]]] = {
    kind: [re.compile(p, _FLAGS) for p in patterns]
    for kind, patterns in (
        ("email", _EMAIL), ("mrn", _MRN), ("nie", _NIE), ("dni", _DNI), ("phone", _PHONE),
        ("address", _ADDRESS),
    )
}


def _candidates(text: str) -> list[Match]:
    found = []
    for kind, patterns in _PATTERNS.items():
        for pattern in patterns:
            for m in pattern.finditer(text):
                group = "pii" if "pii" in pattern.groupindex else 0
                start, end = m.span(group)
                if end > start:
                    found.append(Match(kind, start, end, text[start:end]))
    return found


def find(text: str) -> list[Match]:
    """Every piece of personal data in `text`, in order, without overlaps."""
    taken: list[Match] = []
    rank = {kind: i for i, kind in enumerate(KINDS)}
    for cand in sorted(_candidates(text or ""), key=lambda m: (rank[m.kind], m.start, m.start - m.end)):
        if all(cand.end <= t.start or cand.start >= t.end for t in taken):
            taken.append(cand)
    return sorted(taken, key=lambda m: m.start)


def redact(text: str) -> Redaction:
    """`text` with each piece of personal data replaced by its placeholder."""
    text = text or ""
    matches = find(text)
    parts, last = [], 0
    for m in matches:
        parts.append(text[last:m.start])
        parts.append(placeholder(m.kind))
        last = m.end
    parts.append(text[last:])
    kinds = tuple(sorted({m.kind for m in matches}))
    return Redaction("".join(parts), kinds, len(matches))
