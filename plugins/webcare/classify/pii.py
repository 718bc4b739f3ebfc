"""Find and redact personal data in patients' messages, as Spain, Latin America and English speakers write it.

``redact(text)`` replaces every piece of personal data with a placeholder of its kind (``[PHONE]``,
``[NATIONAL_ID]``, ``[ADDRESS]`` …) and leaves every other character as it was, so the redacted text
stays readable. Cue words are kept: "NHC 1234567" becomes "NHC [MEDICAL_RECORD]" (a record's own
letters glued or joined to its number go with it: "HC-44102", "NHC9913284").

The kinds, in the order that decides an overlap (the more specific, cue-driven kinds first):

- ``email``: addresses, also obfuscated ("ana arroba gmail punto com");
- ``profile_url``: a person's page on Facebook, Instagram, X, TikTok, LinkedIn … (institutions' stay);
- ``medical_record``: record, case, health card and NHS numbers after their cue words;
- ``social_security``: Spain's NUSS, Mexico's NSS, US SSN, UK National Insurance numbers;
- ``passport``: after a cue, or in the shapes of Spanish and Mexican passports;
- ``bank_account``: IBAN (checked), Spanish CCC, Mexican CLABE, Argentine CBU, numbers after "cuenta";
- ``card``: payment card numbers (Luhn), or any number after "tarjeta"/"card";
- ``date_of_birth``: a date after "nací el", "fecha de nacimiento", "DOB", "born on" …;
- ``national_id``: DNI/NIE/NIF and the identity and tax numbers of the Americas (CURP, RFC, RUT/RUN,
  cédulas, DUI, DPI, CPF …) by their shapes and check digits, or any number after their cue words;
- ``phone``: numbers that Google's libphonenumber (``phonenumbers``) validates in one of the regions
  below, or that have the written shape of a phone number, or follow "llámame", "tel", "whatsapp" …;
- ``address``: Spanish, Latin American (Colombian "Calle 45 # 12-34", colonias, manzana y lote, Costa
  Rican directions "200 m al norte"), Brazilian, British and American postal addresses, postcodes;
- ``handle``: @handles of private persons (handles that look like an institution's stay);
- ``person_name``: names people introduce themselves or their relatives with ("me llamo …",
  "soy …", "mi madre, Carmen Soto, …", "my name is …", "el paciente …"), and any run of capitalised
  words that starts with a first name of gender-guesser's dictionary ("gracias a Rocío Vidal") or
  ends in a Spanish patronymic ("Yusmary Pérez"). Staff, places and institutions stay;
- ``number``: any other run of ten or more digits. Recall comes before precision: a redacted order
  number costs little, a leaked identity number does not.

Checksums come from kept libraries: ``python-stdnum`` (DNI, NIE, CIF, CURP, RFC, RUT, cédulas, CPF,
IBAN, CBU, CUIT, Luhn, SSN, NHS) and ``phonenumbers``; first names from ``gender-guesser``; what they lack is written here (Spain's NUSS and
Mexico's CLABE, see the decision log). A checksum never *removes* a candidate found by its cue word:
people mistype, and a wrong check digit is still their number.

Every pattern is bounded (no nested unbounded repetition) and overlaps are resolved with sorted
intervals, so redaction takes time linear in the text's length.
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass

import phonenumbers
from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.ar import cbu as ar_cbu
from stdnum.ar import cuit as ar_cuit
from stdnum.br import cpf as br_cpf
from stdnum.cl import rut as cl_rut
from stdnum.do import cedula as do_cedula
from stdnum.ec import ci as ec_ci
from stdnum.es import ccc as es_ccc
from stdnum.gb import nhs as gb_nhs
from stdnum.mx import curp as mx_curp

VERSION = "pii-6"

KINDS = (
    "email", "profile_url", "medical_record", "social_security", "passport", "bank_account", "card",
    "date_of_birth", "national_id", "phone", "address", "handle", "person_name", "number",
)

# Regions whose numbering plans validate a phone number written without its country code: Spain,
# the Spanish-speaking Americas, Brazil and the English-speaking countries patients write from.
PHONE_REGIONS = (
    "ES", "MX", "CO", "AR", "CL", "PE", "VE", "EC", "GT", "CR", "SV", "HN", "NI", "PA", "DO", "CU", "PR",
    "UY", "PY", "BO", "BR", "US", "GB", "IE", "PT",
)

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
NOT_WORD_BEFORE = r"(?<!\w)"
UPPER = "A-ZÁÉÍÓÚÑÜÇÃÕÂÊÔ"
LOWER = "a-záéíóúñüçãõâêôàè"


def _accent_insensitive(word: str) -> str:
    """A regex for `word` that matches with or without its accents ("Málaga" ~ "Malaga")."""
    out = []
    for ch in word:
        base = unicodedata.normalize("NFKD", ch)[0]
        out.append(f"[{base}{ch}]" if base != ch else re.escape(ch))
    return "".join(out).replace(r"\ ", H + "+")


# Between a cue and its value: "NHC: ", "nº de historia es el ", "number is ", "DNI nro. "
_FILL = (
    r"(?:[^\S\r\n]|[:#=\-.,(]"
    r"|(?:n[º°ªo]|nro|n|núm|num|número|numero|number|nr|no|id|es|is|de|del|el|la|mi|my|su|his|her"
    rf"|was|of|mío|mio|nuestro|it's|its|número:|the|are|son|un|una|é|era|fue|sería|será|with|ye|you|here"
    rf"|aqu[ií]|actual|correcto|correcta|real){NOT_LETTER_AFTER}){{0,16}}"
)
_MONTHS_ES = (r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
              r"|noviembre|diciembre|ene|feb|mar|abr|may|jun|jul|ago|sep|sept|set|oct|nov|dic)")
_MONTHS_EN = (r"(?:january|february|march|april|may|june|july|august|september|october|november"
              r"|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)")
_MONTHS_PT = r"(?:janeiro|fevereiro|março|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro)"
_MONTH = rf"(?:{_MONTHS_ES}|{_MONTHS_EN}|{_MONTHS_PT})"


def _cues(*cues: str) -> str:
    return "(?:" + "|".join(c.format(h=H) for c in cues) + ")"


def _after_cue(cue: str, value: str) -> str:
    return rf"{NOT_LETTER_BEFORE}{cue}{NOT_LETTER_AFTER}\.?{_FILL}(?P<pii>{value})"


# --- e-mail addresses ------------------------------------------------------------------------

_AT = rf"(?:{H}*[(\[{{<]{H}*(?:at|ar?roba|@){H}*[)\]}}>]{H}*|{H}+(?:at|ar?roba){H}+|{H}+@{H}+|@)"
_DOT = rf"(?:{H}*[(\[{{<]{H}*(?:dot|punto|ponto){H}*[)\]}}>]{H}*|{H}+(?:dot|punto|ponto){H}+|{H}+\.{H}+|\.)"
_TLD = (r"(?:com|es|org|net|eu|cat|gal|eus|info|edu|gov|gob|uk|io|me|fr|de|it|pt|us|co|mx|ar|cl|pe|ve|ec"
        r"|uy|py|bo|cr|gt|sv|hn|ni|pa|do|cu|pr|br|ie|au|ca|in)")
_PROVIDER = (r"(?:gmail|hotmail|yahoo|outlook|icloud|live|msn|protonmail|proton|telefonica|movistar|prodigy"
             r"|terra|uol|bol|fibertel|speedy|cantv|etb|une)")
# social networks' domains (profile URLs; never an obfuscated e-mail's)
_SOCIAL = (r"(?:facebook\.com|fb\.com|fb\.me|m\.me|instagram\.com|instagr\.am|twitter\.com|x\.com"
           r"|tiktok\.com|linkedin\.com|threads\.net|youtube\.com|snapchat\.com|wa\.me)")
_EMAIL = [
    r"(?<![\w.+\-])\w[\w.+\-]{0,63}@[\w\-]{1,63}(?:\.[\w\-]{1,63}){0,6}\.[^\W\d_]{2,24}",
    # obfuscated: ana (at) gmail.com, ana arroba gmail punto com, ana [at] gmail [dot] com
    rf"(?<![\w.+\-])\w[\w.+\-]{{0,63}}{_AT}(?!(?:www\.)?{_SOCIAL})(?:[\w\-]{{1,63}}(?:{_DOT}[\w\-]{{1,63}}){{0,4}}{_DOT}{_TLD}|{_PROVIDER})"
    rf"{NOT_LETTER_AFTER}",
]

# --- institutions: their handles, pages and phone lines are not personal data ----------------

_ORG_WORDS = (
    "hosp", "clinic", "clínic", "salud", "saude", "health", "nhs", "sanidad", "sanitat", "sanitari", "imss",
    "issste", "minsa", "minsal", "gob", "gov", "minister", "medic", "médic", "centro", "center", "centre",
    "sanatori", "essalud", "sermas", "sergas", "osakidetza", "cruzroja", "redcross", "farmac", "pharma",
    "seguro", "mutua", "insurance", "oficial", "official", "ayto", "ayuntamiento", "council", "news",
    "noticias", "diario", "radio", "press", "prensa", "universidad", "university", "fundacion",
    "fundación", "foundation", "ips", "eps", "caja", "ccss", "fonasa", "isapre", "pami", "osde", "sura",
    "sanitas", "quiron", "vithas", "asisa", "adeslas", "ribera", "mapfre", "urgencias", "emergenc",
)
_ORG_PREFIX = re.compile(r"(?:CM|CS|CH|HU|HG|HC|C|H)[A-Z][a-z]")


def looks_like_institution(name: str) -> bool:
    """A handle or page name that an institution would use (@HospSierraNorte, @CMValleTuria, @IMSSmx)."""
    lowered = name.lower()
    return any(word in lowered for word in _ORG_WORDS) or bool(_ORG_PREFIX.match(name))


# --- profile URLs and @handles ---------------------------------------------------------------

_PROFILE_URL = (
    rf"(?:https?://)?(?<![\w.\-])(?:(?:www|m|mobile|web|es|pt|[a-z]{{2}}-[a-z]{{2}})\.)?{_SOCIAL}/"
    r"(?:in/|pub/|@|profile\.php\?id=|people/|add/)?(?P<name>[\w.\-]{1,80})(?:[/?#][^\s<>\"')\]]{0,200})?"
)
_HANDLE = r"(?<![\w@./:])@(?P<name>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,29}[A-Za-z0-9_])?)(?![\w@])"

# --- medical record and health card numbers --------------------------------------------------

_RECORD_CUES = _cues(
    r"n\.?{h}?h\.?{h}?c\.?",  # NHC, N.H.C.
    r"h\.?{h}?c\.?",  # HC, H.C.
    r"historial?(?:{h}+cl[ií]nic[ao])?",  # historia clínica, nº de historia, historial clínico
    r"expediente(?:{h}+(?:cl[ií]nico|m[ée]dico))?",
    r"ficha(?:{h}+cl[ií]nica)?",
    r"prontu[aá]rio",
    r"m\.?r\.?n\.?",
    r"medical{h}+records?(?:{h}+(?:number|num|no\.?|#|id))?",
    r"(?:hospital|patient|record|case|nhs|chi|hospital{h}+record){h}+(?:number|num|no\.?|#|id)",
    r"patient|paciente",  # nº de paciente 1234567, patient 1234567
    r"(?:n[úu]mero{h}+de{h}+)?afiliad[oa]",
    r"(?:n[úu]mero{h}+de{h}+)?(?:socio|asociado|beneficiario|credencial)",
    r"carn[eé]t?{h}+(?:de{h}+(?:la{h}+)?)?obra{h}+social",
    r"(?:n[úu]mero{h}+de{h}+)?p[óo]liza",
    r"s\.?i\.?p\.?", r"s\.?i\.?s", r"afiliaci[oó]n{h}+(?:al{h}+)?s\.?i\.?s",
    r"c\.?i\.?p\.?",
    r"t\.?s\.?i\.?",
    r"tarjeta{h}+(?:sanitaria|de{h}+salud|del{h}+seguro)(?:{h}+individual)?",
    r"health{h}+(?:card|insurance)(?:{h}+(?:number|no\.?))?",
    r"cart[aã]o{h}+(?:do{h}+)?sus",
    # pii-6
    r"t\.?i\.?s\.?", r"nuhsa", r"tarjeta{h}+individual(?:{h}+sanitaria)?", r"tarxeta(?:{h}+sanitaria)?",
    r"targeta(?:{h}+sanit[àa]ria)?", r"osasun{h}+txartela", r"beneficio", r"r[ée]cord", r"carn[eé]t?{h}+de{h}+(?:discapacidad|citas|salud)",
    r"exp\.?", r"conadis", r"(?:hospital{h}+)?account{h}+(?:number|no\.?)", r"(?:individual{h}+)?health{h}+identifier", r"ihi",
    r"medical{h}+card(?:{h}+(?:number|no\.?))?", r"chi(?:{h}+number)?", r"har", r"prontu[aá]rio", r"historial",
    r"n[úu]mero{h}+de{h}+(?:historia|expediente|ficha|paciente|registro)", r"registro{h}+(?:m[ée]dico|cl[ií]nico)",
)


def _code(digits: str) -> str:
    """A number with an optional letter prefix ("ABCD123456789012", "HC/2016/003871"), separators and
    a check letter or a suffix ("EXP-22781-SV")."""
    prefix = rf"(?:(?-i:[A-Z][A-Za-z]{{0,3}}){H}?[-/]?{H}?|[a-z]{{1,4}})?"
    return (rf"{prefix}\d(?:[ .\-/]?\d){{{digits}}}(?:-?(?-i:[A-Z])|-(?-i:[A-Z]{{2,3}}))?(?!\d)"
            rf"{NOT_LETTER_AFTER}")


_MEDICAL_RECORD = [
    rf"{NOT_LETTER_BEFORE}{_RECORD_CUES}{NOT_LETTER_AFTER}{_FILL}(?P<pii>{_code('4,19')})",
    # pii-6: a record's own letters glued or joined to its number are part of it ("NHC9913284",
    # "HC-44102", "EXP-22781-SV", "HC/2016/003871"; a cue before a space stays: "NHC [MEDICAL_RECORD]")
    rf"{NOT_LETTER_BEFORE}(?P<pii>(?:n\.?h\.?c|h\.?c|exp|mrn|prt|har|ihi|chi|nhc|hce|hcl|rec)\.?[-/#]?\d(?:[ .\-/]?\d){{3,18}}"
    rf"(?:-?(?-i:[A-Z]{{1,3}}))?)(?!\d){NOT_LETTER_AFTER}",
    # the health cards of Spain's regions: two to four letters and ten digits ("GAPU 1770 3210 08",
    # "AN0612748395", "CyL 0378 1221 44")
    rf"(?<![A-Za-z0-9])(?P<pii>(?-i:[A-Z][A-Za-z]{{1,3}}){H}?\d{{4}}{H}?\d{{4}}{H}?\d{{2}})(?![\d ]*\d{{3}})(?![A-Za-z0-9])",
    rf"(?<![A-Za-z0-9])(?P<pii>(?-i:[A-Z]{{2}})\d{{10}})(?![A-Za-z0-9])",
    # pii-5: the first code within a few words after the cue, whatever words come between ("historia
    # clínica del Hospital Civil 0045-8871"); no dates (no "/"), no times
    rf"{NOT_LETTER_BEFORE}{_RECORD_CUES}{NOT_LETTER_AFTER}[^\n.\d]{{0,50}}?(?<![\w\-])"
    r"(?P<pii>(?:(?-i:[A-Z]{1,4})[ \-]?)?\d[\d\-]{4,18}\d(?:-?(?-i:[A-Z]))?)(?![\w/:])",
]

# --- social security ---------------------------------------------------------------------------

_SS_CUES = _cues(
    r"n\.?{h}?u\.?{h}?s\.?{h}?s\.?", r"n\.?{h}?s\.?{h}?s\.?", r"s\.?{h}?s\.?{h}?n\.?", r"nino",
    r"(?:n[úu]mero{h}+de{h}+)?(?:la{h}+)?seguridad{h}+social", r"(?:n[úu]mero{h}+de{h}+)?afiliaci[oó]n",
    r"seguro{h}+social", r"social{h}+security(?:{h}+(?:number|no\.?|#))?",
    r"national{h}+insurance(?:{h}+(?:number|no\.?))?", r"n\.?i\.?{h}+(?:number|no\.?)", r"imss", r"pis",
)
_NINO = r"(?<![A-Za-z0-9])(?-i:[A-CEGHJ-PR-TW-Z]{2})" + H + r"?\d{2}" + H + r"?\d{2}" + H + r"?\d{2}" + H + r"?[A-Da-d](?![A-Za-z0-9])"
_SOCIAL_SECURITY = [
    _after_cue(_SS_CUES, rf"(?-i:[A-Z]{{2}}){H}?\d{{2}}{H}?\d{{2}}{H}?\d{{2}}{H}?[A-D]|{_code('5,13')}"),
    r"(?<![\d\-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\d\-])",  # US SSN
    _NINO,
    r"(?<![\d/])\d{2}/\d{7,8}/\d{2}(?![\d/])",  # Spain's NUSS written 28/12345678/40
]

# --- passports ---------------------------------------------------------------------------------

_PASSPORT_CUES = _cues(r"pasaporte", r"passaporte", r"passport", r"pass\.")
_PASSPORT = [
    # pii-4: the first passport-shaped code within a sentence after the cue ("mi pasaporte marroquí
    # UK4826193", "el pasaporte … lo dejé en ventanilla (PA0284713)")
    rf"{NOT_LETTER_BEFORE}{_PASSPORT_CUES}[^\n]{{0,100}}?(?<![A-Za-z0-9])"
    r"(?P<pii>(?-i:[A-Z]{1,3})\d{6,9}|(?-i:[A-Z]{2})[A-Z0-9]?\d{5,8})(?![A-Za-z0-9])",
    _after_cue(_PASSPORT_CUES, rf"(?:(?-i:[A-Z]{{1,3}}){H}?-?)?\d{{6,9}}(?:(?-i:[A-Z]))?|(?-i:[A-Z0-9]{{6,9}})"),
    r"(?<![A-Za-z0-9])(?-i:[A-Z]{3}\d{6})(?![A-Za-z0-9])",  # Spain: PAA123456
    r"(?<![A-Za-z0-9])(?-i:[A-Z]\d{8})(?![A-Za-z0-9])",  # Mexico, Peru: G12345678
]

# --- bank accounts and cards -------------------------------------------------------------------

_IBAN = (r"(?<![A-Za-z0-9])(?-i:[A-Z]{2}\d{2})(?:" + H + r"?[A-Z0-9]{4}){2,7}(?:" + H
         + r"?[A-Z0-9]{1,4})?(?![A-Za-z0-9])")
_ACCOUNT_CUES = _cues(
    r"iban", r"cuenta(?:{h}+(?:bancaria|corriente|de{h}+ahorros?))?", r"cta\.?", r"n[º°]{h}?de{h}+cuenta",
    r"clabe", r"cbu", r"cvu", r"ccc", r"account(?:{h}+(?:number|no\.?))?", r"sort{h}+code", r"conta",
    r"transferencia{h}+(?:a|al|desde)", r"ag[eê]ncia",
    r"cci", r"cuenta{h}+interbancaria", r"n[úu]mero{h}+de{h}+cuenta", r"cuenta{h}+(?:nro|n[º°])\.?", r"ahorros",
    r"dep[óo]sitos?{h}+(?:a|en)", r"bank{h}+details", r"pix",
)
_BANK_ACCOUNT = [
    # pii-5: the first long number within a sentence after the cue ("cuenta de ahorros Bancolombia
    # 123-456789-01", "CCI del BCP: 002-…")
    rf"{NOT_LETTER_BEFORE}{_ACCOUNT_CUES}{NOT_LETTER_AFTER}[^\n.]{{0,60}}?(?<![\d\-])(?P<pii>\d(?:[ \-.]?\d){{7,25}})(?!\d)",
    _after_cue(_ACCOUNT_CUES, rf"(?:(?-i:[A-Z]{{2}}\d{{2}}){H}?)?\d(?:[ \-.]?\d){{5,25}}"),
    rf"(?<![\d\-])\d{{4}}[ \-]\d{{4}}[ \-]\d{{2}}[ \-]\d{{10}}(?![\d\-])",  # Spain's CCC 4-4-2-10
]
_CARD_CUES = _cues(r"tarjeta(?:{h}+de{h}+(?:cr[ée]dito|d[ée]bito))?", r"(?:credit|debit){h}+card", r"card",
                   r"visa", r"mastercard", r"amex", r"cart[aã]o")
_CARD_BODY = (rf"\d{{4}}(?:[ \-]?\d{{4}}){{2}}[ \-]?\d{{4}}(?:[ \-]?\d{{1,3}})?"
              rf"|\d{{4}}[ \-]?\d{{6}}[ \-]?\d{{5}}")  # 16 (4-4-4-4, up to 19) or Amex 4-6-5
_CARD = [
    _after_cue(_CARD_CUES, rf"{_CARD_BODY}|\d(?:[ \-]?\d){{11,18}}"),
    rf"(?<![\d\-])(?:{_CARD_BODY})(?![\d\-])",
]

# --- dates of birth ----------------------------------------------------------------------------

_DATE = (
    rf"(?:\d{{1,2}}{H}*[/.\-]{H}*\d{{1,2}}{H}*[/.\-]{H}*(?:19|20)?\d{{2}}"
    rf"|(?:19|20)\d{{2}}-\d{{1,2}}-\d{{1,2}}"
    rf"|\d{{1,2}}(?:º|°|st|nd|rd|th)?{H}*(?:de{H}+)?{_MONTH}\.?,?{H}*(?:(?:de|del){H}+)?(?:19|20)\d{{2}}"
    rf"|\d{{1,2}}{H}*(?:de{H}+)?{_MONTH}{H}+(?:de|del){H}+(?:'|’)?\d{{2}}(?!\d)"  # 3 de mayo del 87
    rf"|\d{{1,2}}{H}*[/.\-]{H}*{_MONTH}\.?{H}*[/.\-]{H}*(?:19|20)?\d{{2}}"  # 4/dic/1999
    rf"|{_MONTH}\.?{H}+\d{{1,2}}(?:st|nd|rd|th)?,?{H}*(?:19|20)\d{{2}}"
    rf"|\d{{1,2}}(?:º|°)?{H}*(?:de{H}+)?{_MONTH}(?!\w))"
)
_DOB_CUES = _cues(
    r"nac[ií](?:d[oa]s?)?{h}+(?:el|en{h}+el|un|el{h}+d[ií]a)",
    r"naci[oó]{h}+(?:el|un|el{h}+d[ií]a)", r"nacieron{h}+el",
    r"(?:mi{h}+)?fecha{h}+(?:de{h}+)?(?:nacimiento|nac\.?)", r"f\.?{h}?(?:de{h}+)?nac(?:imiento)?\.?",
    r"d\.?o\.?b\.?", r"date{h}+of{h}+birth", r"birth{h}?date", r"birthday(?:{h}+is)?", r"born(?:{h}+on)?",
    r"nasci(?:d[oa])?{h}+em", r"data{h}+de{h}+nascimento", r"cumpleaños(?:{h}+es)?",
)
_BIRTH_VERBS = _cues(  # pii-3: a birth told as news, a name or a few words between the verb and the date
    r"naci[óo]", r"nacid[oa]", r"naceu", r"nasceu", r"nasceram", r"naci[oó]{h}+(?:nuestr[oa]|mi)", r"lleg[óo]", r"was{h}+born", r"arrived", r"ha{h}+nacido",
)
_FULL_DATE = (rf"(?:\d{{1,2}}{H}*[/.\-]{H}*\d{{1,2}}{H}*[/.\-]{H}*(?:19|20)\d{{2}}"
              rf"|\d{{1,2}}{H}*(?:de{H}+)?{_MONTH}\.?,?{H}*(?:(?:de|del){H}+)?(?:19|20)\d{{2}})")
_DATE_OF_BIRTH = [
    _after_cue(_DOB_CUES, _DATE),
    rf"{NOT_LETTER_BEFORE}{_BIRTH_VERBS}{NOT_LETTER_AFTER}[^.\n]{{0,40}}?(?P<pii>{_FULL_DATE})",
]

# --- national identity and tax numbers -------------------------------------------------------

_DSEP = rf"(?:\.|-|{H})?"
_LETTER = (rf"(?:{H}?[-.]{H}?[a-z]|[a-z]|{H}(?!(?-i:[yoeua]){H}+[^\W_])[a-z]){NOT_LETTER_AFTER}")  # pii-4: "… 8234419 o al …"
_DNI_DIGITS = rf"\d{{1,2}}{_DSEP}\d{{3}}{_DSEP}\d{{3}}"
_NIE_BODY = rf"[xyz]{H}?[-.]?{H}?\d{{1,2}}{_DSEP}\d{{3}}{_DSEP}\d{{3}}"
_ID_CUES = _cues(
    r"d\.?n\.?i", r"n\.?i\.?f", r"n\.?i\.?e", r"c\.?u\.?i\.?[lt]?", r"c\.?i\.?f",
    r"documento(?:{h}+(?:nacional{h}+)?de{h}+(?:identidad|identificaci[oó]n))?", r"doc\.?",
    r"id{h}+card", r"national{h}+id", r"identity{h}+(?:card|number)", r"identificaci[oó]n",
    r"c[ée]dula(?:{h}+de{h}+(?:identidad|ciudadan[ií]a|extranjer[ií]a))?", r"c\.?{h}?c\.?", r"c\.?{h}?i\.?",
    r"c\.?{h}?e\.?", r"r\.?u\.?[tn]", r"r\.?u\.?c", r"c\.?u\.?r\.?p", r"r\.?f\.?c", r"ine", r"ife",
    r"clave{h}+de{h}+elector", r"d\.?u\.?i", r"d\.?p\.?i", r"c\.?p\.?f", r"r\.?g\.?", r"carn[eé]t?(?:{h}+de{h}+identidad)?",
    r"(?:n[úu]mero{h}+de{h}+)?identidad", r"id", r"tarjeta{h}+de{h}+identidad", r"t\.?i\.?",
    r"driv(?:er'?s|ing){h}+licen[cs]e(?:{h}+(?:number|no\.?|#))?#?", r"licencia{h}+de{h}+conducir", r"ppsn?",
    r"pps{h}+(?:number|no\.?)", r"c\.?i\.?c", r"c\.?n\.?i\.?c", r"rif", r"nit", r"dui", r"c\.?u\.?i",
)
_ID_VALUE = (
    rf"(?:(?-i:[VEJPGvejpg]){H}?-?{H}?)?\d(?:[ .\-]?\d){{4,13}}(?:{H}?-?{H}?[0-9kK]|{_LETTER})?"
    rf"|[xyz]{H}?[-.]?{H}?\d(?:[ .\-]?\d){{5,7}}(?:{_LETTER})?"
    r"|(?-i:[A-Z]{4}\d{6}[A-Z0-9]{6,8})|(?=[A-Z]{0,20}\d)(?-i:[A-Z0-9]{12,20})"
    r"|(?-i:[A-Z]{1,2})\d{3,4}(?:[ \-]\d{3,5}){1,3}(?!\d)|(?-i:[A-Z]{1,2})\d{6,14}(?!\d)"
)
_YYMMDD = r"\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
_NATIONAL_ID = [
    _after_cue(_ID_CUES, _ID_VALUE),
    rf"(?<!\d){_DNI_DIGITS}{_LETTER}",  # Spain's DNI: 12345678Z, 12.345.678-Z
    rf"(?:{NOT_LETTER_BEFORE}|(?<=nie))(?<!\d){_NIE_BODY}{_LETTER}",  # NIE: X1234567L
    rf"(?<![A-Za-z0-9])(?-i:[A-Z][AEIOUX][A-Z]{{2}}{_YYMMDD}[HMX][A-Z]{{5}}[A-Z0-9]\d)(?![A-Za-z0-9])",  # CURP
    rf"(?<![A-Za-z0-9])(?-i:[A-ZÑ&]{{3,4}}{_YYMMDD}[A-Z0-9]{{3}})(?![A-Za-z0-9])",  # RFC
    r"(?<![\d.\-])\d{1,2}\.\d{3}\.\d{3}-[\dkK](?![\w\-])",  # Chile's RUT/RUN, Uruguay's CI: 12.345.678-5
    r"(?<![\d.\-])\d{7,8}-[\dkK](?![\w\-])",  # RUT undotted, El Salvador's DUI 01234567-8
    r"(?<![\d.\-])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\d\-])",  # Brazil's CPF
    r"(?<![\d\-])\d{3}-\d{7}-\d(?![\d\-])",  # Dominican cédula 001-1234567-8
    r"(?<![\d\-])[1-9]-\d{4}-\d{4}(?![\d\-])",  # Costa Rica 1-1234-0567
    rf"(?<![\d\-]){NOT_WORD_BEFORE}\d{{4}}{H}\d{{5}}{H}\d{{4}}(?!\d)",  # Guatemala's DPI/CUI 1234 56789 0101
    rf"(?<![A-Za-z0-9])(?-i:[VEJGPvejgp]){H}?-{H}?\d{{1,2}}\.?\d{{3}}\.?\d{{3}}(?:-\d)?(?!\d)",  # Venezuela V-12.345.678, RIF V-12345678-9
    # pii-4
    r"(?<![\d\-])(?:20|2[3-7]|30|33|34)-\d{8}-\d(?![\d\-])",  # Argentina's CUIL/CUIT 20-12345678-9
    r"(?<![A-Za-z0-9])(?-i:[A-Z]{6}\d{8}[HM]\d{3})(?![A-Za-z0-9])",  # Mexico's clave de elector (INE)
    r"(?<![A-Za-z0-9])(?-i:[A-Z9]{5}\d{6}[A-Z9]{2}\d[A-Z]{2})(?![A-Za-z0-9])",  # a UK driving licence
]
# A dotted number of 7 to 10 digits (Argentina's DNI 30.123.456, Colombia's CC 1.023.456.789; "612.345.678"
# is the way Spain writes phones) unless
# it is an amount: currency before it or a unit after it.
_UNITS = (r"(?:h|hrs?|horas?|min|mins|minutos?|seg|segundos?|d[ií]as?|semanas?|mes|meses|a[ñn]os?"
          r"|hours?|days?|weeks?|months?|years?|minutes?|seconds?|veces|times|dosis|personas|pacientes"
          r"|people|patients|euros?|eur|usd|d[oó]lares|dollars|pesos|soles|bol[ií]vares|colones|quetzales"
          r"|lempiras|córdobas|guaran[ií]es|reais|reales|libras|pounds|kg|km|kilos?|cm|mg|ml|habitantes"
          r"|usuarios|users|visitas|views|seguidores|followers|likes|votos|firmas|consultas|citas)")
_CURRENCY_BEFORE = (r"(?<![$€£¢₡₲₵])(?<![$€£¢₡₲₵] )(?<!s/)(?<!s/ )(?<!s/\.)(?<!s/\. )(?<!bs)(?<!bs )(?<!bs\.)"
                    r"(?<!bs\. )(?<!q )(?<!r\$)(?<!l )(?<!c\$)")
_DOTTED_ID = (rf"{_CURRENCY_BEFORE}(?<![\d.,])(?:\d{{1,2}}(?:\.\d{{3}}){{2,3}}|\d{{3}}(?:\.\d{{3}}){{3}})(?![\d.,]|{H}*(?:[$€£%]|{_UNITS}"
              rf"{NOT_LETTER_AFTER}))")
_NATIONAL_ID.append(_DOTTED_ID)

# --- phone numbers ---------------------------------------------------------------------------

_SEP = r"(?:[^\S\r\n]|[.\-()]){0,3}"  # between digits: spaces, dots, dashes, parentheses
_NOT_A_CONTINUATION = r"(?!\d)(?![.,:]\d)"  # not part of a longer number, a decimal or a time
_ES_PREFIX = rf"(?:\({H}*(?:\+|00)?{H}*34{H}*\)|(?:\+|00){H}*34|(?<!\d)34)"
_PHONE_CUES = _cues(
    r"ll[aá]m(?:a|e|en|ad|ame|eme|enme|adme|arme|ar|en{h}+al|ame{h}+al|adme{h}+al)", r"tel[ée]?f?\.?",
    r"tel[eé]fono", r"tfno\.?", r"tlf\.?", r"tf\.?", r"m[oó]vil", r"celular", r"cel\.?", r"fijo", r"whatsapp",
    r"whats", r"wsp", r"marc(?:a|ar|ad|ame|adme|en)", r"marque(?:n)?", r"ll[aá]m(?:e|en)(?:me|nos)?{h}+al", r"wpp", r"wa", r"contacto", r"n[úu]mero", r"phone", r"mobile", r"cell", r"call{h}+me(?:{h}+on)?",
    r"ring{h}+me(?:{h}+on)?", r"text{h}+me(?:{h}+on)?", r"landline", r"contato", r"liga(?:r|e)?(?:{h}+para)?",
)
_PHONE_SHAPES = [
    # Spanish mobiles and landlines: 9 digits starting 6-9, optional +34 / 0034 / 34
    rf"(?:{_ES_PREFIX}{_SEP}|\((?=[6789]\d{{1,2}}{H}*\))|(?<!\d))"
    rf"[6789](?:{_SEP}\d){{8}}{_NOT_A_CONTINUATION}",
    # North American (555) 123-4567
    rf"(?<!\d)(?:\+?1[ .\-]?)?\(?\d{{3}}\)?[ .\-]?\d{{3}}[ .\-]\d{{4}}{_NOT_A_CONTINUATION}",
    # British national 020 7946 0958, 07700 900123
    rf"(?<!\d)0\d{{2,4}}[ \-]?\d{{3,4}}[ \-]?\d{{3,4}}{_NOT_A_CONTINUATION}",
]
# Anything that could be a phone number: an optional + or 00 and 7 to 17 digits with separators;
# phonenumbers decides.
_PHONE_CANDIDATE = (rf"(?:\({H}*\+{H}*\d{{1,4}}{H}*\)|(?<![\w+])\+{H}*|\((?=\d{{1,4}}\))|(?<!\d))"
                    rf"\d(?:{_SEP}\d){{6,16}}{_NOT_A_CONTINUATION}")
_PHONE_AFTER_CUE = _after_cue(_PHONE_CUES, rf"\+?{H}*\(?\d(?:{_SEP}\d){{5,16}}{_NOT_A_CONTINUATION}")
_DATE_SHAPE = re.compile(r"\d{1,2}[.\-]\d{1,2}[.\-](?:19|20)?\d{2}|(?:19|20)\d{2}[.\-]\d{1,2}[.\-]\d{1,2}")
_CEP_SHAPE = re.compile(r"\d{5}-\d{3}")  # Brazil's postcode: no phone is written 5-3
_YEAR_RANGE = re.compile(r"(?:19|20)\d{2}\s*-\s*(?:19|20)\d{2}")
_CURRENCY_END = re.compile(r"[$€£]\s?$")
_AMOUNT_AFTER = re.compile(rf"{H}*(?:[$€£%]|{_UNITS}{NOT_LETTER_AFTER})", _FLAGS)


@functools.lru_cache(maxsize=65536)
def _region_prefilter(digits: str) -> tuple[str, ...]:
    """Regions where `digits` (a national number, maybe with its trunk prefix) has a possible length."""
    regions = []
    for region in PHONE_REGIONS:
        meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
        lengths = meta.general_desc.possible_length
        prefix = meta.national_prefix or ""
        if len(digits) in lengths or (prefix and digits.startswith(prefix)
                                      and len(digits) - len(prefix) in lengths) \
                or meta.national_prefix_transform_rule or len(digits) - 2 in lengths:
            regions.append(region)
    return tuple(regions)


@functools.lru_cache(maxsize=65536)
def is_phone_number(written: str) -> bool:
    """True when libphonenumber validates `written` as a number of one of PHONE_REGIONS (or, written
    with + or 00, of any country)."""
    digits = re.sub(r"\D", "", written)
    if not 7 <= len(digits) <= 17:
        return False
    international = written.lstrip("( ").startswith("+") or digits.startswith("00")
    try:
        if international:
            # Written with its country code, it is a phone number when its country code exists:
            # fictional ranges (Ofcom's 07700 900xxx) and old formats (Mexico's "+52 1" mobiles) are
            # not "valid" to libphonenumber and are still somebody's number in a message.
            number = "+" + (digits[2:] if digits.startswith("00") else digits)
            parsed = phonenumbers.parse(number, None)
            return 8 <= len(digits) <= 15 and bool(phonenumbers.region_code_for_country_code(parsed.country_code)
                                                   != phonenumbers.UNKNOWN_REGION)
        for region in _region_prefilter(digits):
            if phonenumbers.is_valid_number(phonenumbers.parse(digits, region)):
                return True
    except phonenumbers.NumberParseException:
        return False
    return False


def _phone_candidates(text: str) -> list[tuple[int, int]]:
    found = []
    for m in _PHONE_CANDIDATE_RE.finditer(text):
        written = m.group(0)
        start, end = m.span()
        while written and not written[-1].isdigit():  # a closing ")" or "-" is not the number's
            written, end = written[:-1], end - 1
        if _DATE_SHAPE.fullmatch(written) or _YEAR_RANGE.fullmatch(written) or _CEP_SHAPE.fullmatch(written):
            continue
        if _AMOUNT_AFTER.match(text, end) or _CURRENCY_END.search(text, max(0, start - 3), start):
            continue
        if is_phone_number(written):
            found.append((start, end))
    return found


# --- postal addresses ------------------------------------------------------------------------

_STREET = (
    rf"{NOT_LETTER_BEFORE}(?:"
    rf"(?:c|cl|cll|clle|avda|avd|av|pza|plz|pl|ctra|crta|cra|kra|kr|pso|rda|cno|trav|trva|tv|transv|urb|gta"
    rf"|pje|psje|jr|jir|calz|diag|dg|prol|priv|blvd|bvar|bv|al|rod|estr|trav){H}?\.{H}*"
    rf"|c/{H}*|p[º°ª]\.?{H}*"
    rf"|(?:cll|cl|cra|kra|kr|dg|tv|av|avda|avd|clle|jr|pje|psje|bv|blvd|bda|cdla|urb|col|res|edif){H}+(?=\d)"  # pii-6: "cll 10 #5-22"
    r"|(?:calle|avenida|avda|avd|av|paseo|plaza|pza|ronda|camino|carretera|ctra|traves[ií]a|glorieta"
    r"|pasaje|urbanizaci[oó]n|callej[oó]n|rambla|carrer|r[uú]a|bulevar|boulevard|jir[oó]n|calzada|diagonal"
    r"|transversal|carrera|autopista|prolongaci[oó]n|privada|cerrada|andador|circuito|alameda|travessa"
    r"|estrada|rodovia|costanera|malec[oó]n|cuesta|subida|vereda|senda|v[ií]a|avinguda|pla[çc]a"
    rf"|passeig|cam[ií]|passatge|travessera|kalea|kale|etorbidea|hiribidea|plaza|barriada|bda|cdla|ciudadela"
    rf"|lugar|r[uú]ela|estrada|largo|travessa|beco|quinta|pasillo|pasaje){H}+"
    r")"
)
_NAME_WORD = r"[^\W\d_][\w'’\-]{0,30}\.?"
# after a house number: not a time, a decimal, an amount, "3 horas" or a date "12 de octubre"
_NOT_A_COUNT = (rf"(?!{H}*(?::\d|[.,]\d{{1,2}}(?![\dº°ª])|%|€|\$|{_UNITS}{NOT_LETTER_AFTER}"
                rf"|de{H}+{_MONTHS_ES}{NOT_LETTER_AFTER}))")
_NUMBER_SIGN = r"(?:#|n\.?[º°o]\.?|nro\.?|núm\.?|num\.?|número|numero|no\.|nº|n°)"
_HOUSE_NUMBER = (rf"{H}*,?{H}*(?:{_NUMBER_SIGN}{H}*)?"
                 rf"(?:\d{{1,5}}[a-z]?{NOT_LETTER_AFTER}(?:{H}*-{H}*\d{{1,4}}[a-z]?)?|s/n|s\.n\.|km{H}*\d{{1,4}})"
                 rf"(?!\d){_NOT_A_COUNT}")
_DOOR = (rf"(?:[a-h]|\d{{1,2}}{H}?[º°ª]|izq(?:uierda|da|d)?|izda|dcha|dch|der(?:echa)?|dra|ctro|centro"
         r"|int|ext|esq(?:uerra)?|dreta|dta|ezk(?:erra)?|esk(?:uma)?|eskum|\d{1,2}(?:a|r|n|t))")
_UNIT_WORDS = (r"(?:piso|planta|puerta|pta|esc|escalera|portal|bloque|blq|block|torre|depto|dpto|departamento|dto"
               r"|pol[ií]gono|villa|casa|u\.?h|unidad|bajos|local"
               r"|apto|apartamento|ap|apt|apartment|casa|int|interior|of|oficina|local|edif|edificio|lote|lt"
               r"|mz|mza|manzana|conj|conjunto|etapa|sector|unit|suite|flat|cond|condominio|bl|quadra|qd)")
_FLOOR = (  # 3ºB, 2º izq, 4º dcha, bajo, escalera 3, 3-B, depto 402, casa 15, Torre B apto 1203
    rf"(?:\d{{1,2}}{H}?[º°ªo](?:\.(?=[,\w]))?(?:{H}?-?{H}?{_DOOR}{NOT_LETTER_AFTER}(?:\.(?=,))?)?"
    rf"|{_UNIT_WORDS}\.?{H}*(?:{_NUMBER_SIGN}{H}*)?(?:\d{{1,5}}(?:{H}?-?[a-z])?|[a-z]{{1,2}})"
    rf"{NOT_LETTER_AFTER}"
    rf"|(?:bajo|[aá]tico|entresuelo|entlo|izquierda|izq|derecha|dcha){NOT_LETTER_AFTER}(?:\.(?=,))?"
    rf"|\d{{1,2}}-?[a-h]{NOT_LETTER_AFTER}"
    # pii-6
    rf"|\d{{1,2}}(?:r|n|t|a|er|o){H}+\d{{1,2}}(?:a|r|n|t|o)?{NOT_LETTER_AFTER}"  # Catalan 1r 2a
    rf"|\d{{1,2}}(?:\.|{H}){H}*{_DOOR}{NOT_LETTER_AFTER}\.?"  # 4. ezk, 6 dcha
    rf"|\d{{1,2}}-\d{{1,2}}(?!\d)"  # 2-1
    rf"|(?:pol[ií]gono|pasaje|psje|senda|calle|avenida|villa|casa|lote|bloque|block|mz|manzana)\.?{H}*"
    rf"(?:[a-z]{{1,2}}|\d{{1,4}}(?:-?[a-z])?){NOT_LETTER_AFTER}"
    rf"|\d{{1,2}}(?:a|ª|o|º)?\.?{H}+(?:calle|avenida)(?:{H}+y{H}+\d{{1,2}}{H}+(?:calle|avenida))?{NOT_LETTER_AFTER}"
    rf"|\d{{1,2}}{H}+y{H}+\d{{1,2}}{H}+(?:calle|avenida|calles|avenidas){NOT_LETTER_AFTER}"
    rf"|esq(?:uina)?\.?{H}+[\w.]{{2,25}}(?:{H}+[\w.]{{2,25}}){{0,2}}?(?=[,.;\n]|$))"
)
_PLACE_WORD = rf"(?-i:[{UPPER}][{LOWER}]{{1,25}}|[{UPPER}]{{2,6}}|\d{{1,3}})"
_PLACE = rf"{_PLACE_WORD}(?:{H}+(?:(?:de|del|la|las|los|el|do|da|dos|das){H}+){{0,2}}{_PLACE_WORD}){{0,3}}"
_NEIGHBOURHOOD = (  # col. Crédito Constructor, barrio La Candelaria, urb. Los Olivos, AA.HH. Villa Sol
    rf"(?:col|colonia|barrio|b[º°]|urb|urbanizaci[oó]n|fracc|fraccionamiento|sector|ens|ensanche|zona|villa"
    rf"|poblaci[oó]n|pobl|comuna|distrito|alcald[ií]a|delegaci[oó]n|municipio|aa\.{H}?hh|asentamiento"
    rf"|asoc|asociaci[oó]n|residencial|res|reparto|rpto|caser[ií]o|vereda|bairro|jardim|jd|conjunto"
    rf"|parroquia|cant[oó]n|provincia|departamento|estado|corregimiento|bda|barriada|cdla|ciudadela|u\.{H}?h"
    rf"|unidad{H}+habitacional|edif|edificio|conj|condominio|cond|ens|vila|lugar|poblado|aldea|caser[ií]o)"
    rf"{NOT_LETTER_AFTER}\.?{H}*(?:(?:res|residencial|edif)\.?{H}+)?"
    rf"(?:{_PLACE}|(?-i:(?!(?:y|que|para|por|con|en|de|del|a|al|me|mi|muy|es|no)\b)[a-záéíóúñ]{{3,20}}"
    rf"(?:{H}+(?!(?:y|que|para|por|con|en|a|al|me|mi|muy|es|no|necesito|tengo|vivo|hace)\b)[a-záéíóúñ]{{3,20}}){{0,2}}))"
)
_ES_POSTCODE = r"(?:0[1-9]|[1-4]\d|5[0-2])\d{3}(?!\d)"
_ANY_POSTCODE = r"\d{4,6}(?:-\d{3,4})?(?!\d)"
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
    # the Americas and Brazil
    "Ciudad de México", "CDMX", "Monterrey", "Puebla", "Tijuana", "León", "Mérida", "Querétaro", "Toluca",
    "Bogotá", "Medellín", "Cali", "Barranquilla", "Bucaramanga", "Cúcuta", "Buenos Aires", "CABA", "Rosario",
    "Mendoza", "La Plata", "Tucumán", "Mar del Plata", "Valparaíso", "Viña del Mar", "Concepción", "Maipú",
    "Puente Alto", "Temuco", "Antofagasta", "Lima", "Arequipa", "Trujillo", "Cusco", "Piura", "Callao",
    "Caracas", "Maracaibo", "Barquisimeto", "Maracay", "Quito", "Guayaquil", "San José", "Heredia",
    "Alajuela", "Cartago", "Guatemala", "Mixco", "San Salvador", "Tegucigalpa", "San Pedro Sula", "Managua",
    "Panamá", "Santo Domingo", "La Habana", "San Juan", "Montevideo", "Asunción", "La Paz", "Santa Cruz",
    "Cochabamba", "São Paulo", "Rio de Janeiro", "Belo Horizonte", "Porto Alegre", "Curitiba", "Salvador",
    "Recife", "Fortaleza", "Brasília",
    # the English-speaking world
    "London", "Manchester", "Birmingham", "Leeds", "Liverpool", "Glasgow", "Edinburgh", "Bristol", "Cardiff",
    "Belfast", "Dublin", "Cork", "Galway", "New York", "Los Angeles", "Chicago", "Houston", "Miami",
    "Toronto", "Vancouver", "Sydney", "Melbourne",
)
_KNOWN_CITY = "(?:" + "|".join(_accent_insensitive(c) for c in _CITIES) + ")"
_KNOWN_CITY_CI = "(?i:" + _KNOWN_CITY[3:]  # the same, case-insensitive inside case-sensitive parts
_CITY_WORD = rf"[{UPPER}][^\W\d_]+"
_CITY_NAME = rf"(?-i:{_CITY_WORD}(?:{H}+(?:(?:de|del|la|las|los|el){H}+)?{_CITY_WORD}){{0,2}})"
_CITY = rf"(?:{_CITY_NAME}|{_KNOWN_CITY}|\({_CITY_NAME}\))"  # Madrid, San Sebastián de los Reyes, (Madrid)
_NOT_AN_AMOUNT = (rf"(?!{H}*(?:[.,]\d|€|\$|%|{_UNITS}){NOT_LETTER_AFTER})")
_UK_POSTCODE = r"(?-i:(?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z\d]?" + H + r"?\d[A-Z]{2}(?![A-Za-z0-9]))"
_EIRCODE = r"(?-i:(?<![A-Za-z0-9])(?:[AC-FHKNPRTV-Y]\d{2}|D6W)" + H + r"?[0-9AC-FHKNPRTV-Y]{4}(?![A-Za-z0-9]))"  # pii-4
_POSTCODE_CITY = rf"{_ES_POSTCODE}{_NOT_AN_AMOUNT}(?:{H}*[,\-]?{H}*(?:{_CITY}))"
_POSTCODE_CUE = rf"(?:c\.?{H}?p\.?|c[óo]d(?:igo|\.)?{H}*postal|post(?:al)?{H}?code|zip(?:{H}*code)?|cep)"
_NOT_STOP = (rf"(?!(?:Gracias|Saludos|Hola|Por|Pero|Que|Y|Ya|Me|Mi|Nos|Les|Lo|(?:La|El|Los|Las)(?!{H}+[{UPPER}])|Un|Una|Es"
             r"|Thanks|Thank|Please|Regards|Hi|The|And|But|I|We|My|It|Obrigad[oa])\b)")
_TAIL = (
    rf"(?:{H}*[,\-]?{H}*(?:{_FLOOR}|{_NEIGHBOURHOOD}"
    rf"|(?:{_POSTCODE_CUE}\.?{H}*)?{_ANY_POSTCODE}(?:{H}*[,\-]?{H}*{_CITY})?"
    rf"|(?-i:[A-Z]{{2}})(?=,?{H}*\d{{5}})|(?-i:CDMX|CABA|D\.F\.|DF|GBA|EdoMex|Edomex)"
    rf"|(?-i:[A-Z]\.{H}?[A-Z]\.)|Edo\.{H}*(?:de{H}+)?M[ée]x\.?|(?-i:[A-Z]{{2}}){NOT_LETTER_AFTER}(?=[.,;]?{H}*$|[.,;]?\s)"
    rf"|entre{H}+(?:calles?{H}+|avenidas?{H}+)?[\w.]{{1,25}}(?:{H}+[\w.]{{1,25}}){{0,3}}?{H}+y{H}+[\w.]{{1,25}}"
    rf"|{_EIRCODE}|{_UK_POSTCODE}|co\.{H}+(?-i:[{UPPER}][{LOWER}]+)|(?-i:{_KNOWN_CITY_CI})(?:{H}+capital)?{NOT_LETTER_AFTER}"
    rf"|(?-i:{_CITY_NAME}){H}+capital{NOT_LETTER_AFTER})"
    rf"|{H}*,{H}*(?-i:{_NOT_STOP}{_CITY_NAME}))"
)
_ES_ADDRESS = (
    rf"{_STREET}(?:\d{{1,3}}[a-z]?(?!\w)(?:{H}+(?:de|del){H}+{_NAME_WORD})?|{_NAME_WORD})"
    rf"(?:{H}+{_NAME_WORD}){{0,5}}{_HOUSE_NUMBER}"
    rf"{_TAIL}{{0,5}}"
)
# pii-4: a numbered street with a unit instead of a house number ("calle 142 casa 98-60"); a
# neighbourhood before the street ("Urb. Santa Elena, calle Cortez Blanco #7"); Guatemala's
# "4a. calle 3-22 zona 3"
_NUMBERED_STREET = rf"{_STREET}\d{{1,3}}[a-z]?(?!\w){H}*,?{H}*{_FLOOR}(?:-\d{{1,4}})?{_TAIL}{{0,5}}"
_ORDINAL_STREET = (rf"(?<!\w)\d{{1,2}}(?:a|ª|o|º)\.?{H}*(?:calle|avenida|av|ave|diagonal|calzada|ruta)\.?{H}+"
                   rf"(?:(?-i:[A-Z]){H}+)?\d{{1,3}}[a-z]?{H}?-{H}?\d{{1,3}}{_TAIL}{{0,5}}")
# Colombia and others: "Calle 45 # 12-34", "Carrera 7 No. 32-16 Sur", "Cl. 100 #19-54 apto 301"
_GRID_ADDRESS = (
    rf"{_STREET}\d{{1,3}}{H}?[a-z]?(?:{H}+bis)?(?:{H}+(?:sur|norte|este|oeste))?{H}*"
    rf"{_NUMBER_SIGN}{H}*\d{{1,3}}{H}?[a-z]?{H}*-{H}*\d{{1,3}}(?:{H}+(?:sur|norte|este|oeste))?"
    rf"{_TAIL}{{0,5}}"
)
# Peru and others: "Mz. B Lt. 12", "Manzana 4 Lote 7", "AA.HH. Villa Sol Mz. C Lt. 3"
_BLOCK_AND_LOT = (
    rf"(?:{_NEIGHBOURHOOD}{H}*,?{H}*)?{NOT_LETTER_BEFORE}(?:mz|mza|manzana|qd|quadra)\.?{H}*[a-z0-9]{{1,3}}"
    rf"{NOT_LETTER_AFTER}{H}*,?{H}*(?:lt|lote|casa|cs)\.?{H}*\d{{1,3}}[a-z]?{NOT_LETTER_AFTER}{_TAIL}{{0,4}}"
)
# Costa Rica (and Nicaragua): addresses are directions from a landmark.
_DIRECTION = r"(?:norte|sur|este|oeste|noreste|noroeste|sureste|suroeste|arriba|abajo|al{h}+lago)".format(h=H)
_DIRECTIONS = (
    rf"{NOT_LETTER_BEFORE}(?:del|de{H}+la|de{H}+los|de{H}+las|de|frente{H}+a(?:l)?|contiguo{H}+a(?:l)?"
    rf"|costado{H}+{_DIRECTION}{H}+de(?:l)?){H}+(?:[\w.'’\-]{{1,25}}{H}+){{1,6}}?"
    rf"\d{{1,4}}{H}*(?:m|mts?|metros|varas|cuadras|c)\.?{H}+(?:al{H}+)?{_DIRECTION}{NOT_LETTER_AFTER}"
    rf"(?:{H}*,?{H}*(?:y{H}+)?\d{{1,4}}{H}*(?:m|mts?|metros|varas|cuadras|c)\.?{H}+(?:al{H}+)?{_DIRECTION}"
    rf"{NOT_LETTER_AFTER}){{0,2}}"
    rf"(?:{H}*,?{H}*(?:casa|port[oó]n|edificio|apartamento|apto|condominio|residencial)(?:{H}+[\w'’\-]{{1,20}}){{0,4}})?"
    rf"{_TAIL}{{0,3}}"
)
_EN_SUFFIX = (r"(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|terrace|crescent|mews"
              r"|(?-i:Close|Court|Ct|Park|Place|Pl|Row|Way|Walk|Hill|Grove|Gardens|Square|Sq))")
_EN_UNITS = (r"(?:hours?|hrs?|days?|weeks?|months?|years?|minutes?|mins?|times|people|patients"
             r"|nurses|doctors|beds|calls|emails|messages|of|and|or|to|in|on|at|for|with)")
_APARTMENT = rf"(?:apt|apartment|(?-i:Flat|Suite|Unit))\.?{H}*#?{H}*\d{{1,4}}[a-z]?{NOT_LETTER_AFTER}"
_EN_ADDRESS = (
    rf"(?<![\w.,])\d{{1,5}}[a-z]?(?:{H}+(?!{_EN_UNITS}{NOT_LETTER_AFTER})[a-z][a-z'’\-]*){{1,3}}"
    rf"{H}+{_EN_SUFFIX}{NOT_LETTER_AFTER}(?:{H}*,?{H}*{_APARTMENT})?"
    rf"(?:{H}*,?{H}*(?-i:{_NOT_STOP}{_CITY_WORD}(?:{H}+{_CITY_WORD})?)(?={H}*(?:[,.;:!?)\n]|$|{H}+[A-Z]{{2}}{H}+\d{{5}}"
    rf"|{H}+[A-Z]{{1,2}}\d|{H}+{_EIRCODE}))){{0,2}}"
    rf"(?:{H}*,?{H}*(?:(?-i:[A-Z]{{2}}){H}+\d{{5}}(?:-\d{{4}})?|{_UK_POSTCODE}|{_EIRCODE}))?"
)

_ABBREVIATION = (r"(?:Mz|Lt|No|N[º°o]|col|Av|Avda|Edif|depto|dpto|Edo|Urb|Jr|Cra|St|Rd|Apt|Apto|Blvd|Pje|Psje"
                 r"|Int|Ext|Sta|Sto|Dr|Cdad|Bo|AA\.HH|Res|Fracc|Co|Pe|Cdla|Bda|Bv|Bvar|U\.H|Ave|Pl|Sq|Cl|Cll"
                 r"|Ctra|Pza|Pso|Rda|Mza|Pol|Dpto|Depto|Ap|Gral|Pdte|Pte|Dto|Casa|Ens|Prol|Priv|Calz)\."
                 rf"|(?:esq|izq|izda|dcha|dch|der|dta|ezk)\.(?=,|{H}+(?-i:[\da-z]))")  # a door, when the address goes on
_ADDRESS_WORD = (r"(?:\d|(?<!\w)(?:calle|c/|av|avenida|col|colonia|barrio|casa|bloque|block|conjunto|sector|mz|manzana"
                 r"|flat|r[úu]a|cerrada|edif|edificio|piso|apto|depto|urbanizaci[óo]n|urb|pasaje|jr|jir[óo]n|carrera"
                 r"|cra|street|road|court|lane|st|rd|villa|residencial|lote|iglesia|esquina|port[óo]n)(?!\w))")
_LIVES_CUES = _cues(  # pii-3: an address told after "I live (at)", whatever its country's format
    r"viv[oe](?:{h}+(?:sol[oa]|ahora|actualmente|all[ií]))?(?:{h}+en)?", r"vivimos(?:{h}+en)?", r"viven(?:{h}+en)?",
    r"vivir{h}+en", r"resid[oe](?:{h}+en)?", r"residimos(?:{h}+en)?", r"domicilio(?:{h}+en)?:?",
    r"direcci[óo]n(?:{h}+[^\W\d_]+){{0,3}}{h}+(?:es|:)", r"direcci[óo]n:", r"i{h}+live{h}+(?:at|in|on)",
    r"lives?{h}+(?:at|in|on)", r"sent{h}+(?:[^\W\d_]+{h}+){{0,3}}to", r"moro{h}+(?:na|no|em)", r"vivo{h}+na",
)
# pii-6: weaker cues (where to bring or send something, where someone is or was): their address
# must hold a street, unit or neighbourhood word, or a number that is not an amount or a duration
_PLACED_CUES = _cues(
    r"(?:recogida|recoger|recogemos|recojo|retirar|retiro|entrega|entregamos|entregar|entrego|dejar(?:la|lo|las|los)?"
    r"|dejad(?:la|lo)?|dejen(?:la|lo)?|traer|traigan|mandar|mandad(?:la|lo)?|mandaron|manden|manda|env[ií]ar|env[ií]en"
    r"|env[ií]ad(?:la|lo)?|enviaron|llevar|lleven|donaciones|donar|recibimos|citaci[óo]n|carta|informe|factura"
    r"|drop(?:{h}+(?:it|them))?(?:{h}+off)?|deliver(?:ed)?|send(?:{h}+(?:it|them|cards|letters?))?|post(?:{h}+it)?"
    r"|mail(?:{h}+it)?|entrega|envio|envío)(?:{h}+[^\W\d_]{{1,15}}){{0,4}}?{h}+(?:en|a|al|to|at|na|no|em)",
    r"est(?:oy|amos|aba|aban|á|an)(?:{h}+(?:viviendo|ahora))?{h}+en", r"sali[óo]{h}+de(?:{h}+su{h}+casa)?(?:{h}+(?:en|de))?",
    r"i'?m{h}+(?:now{h}+)?at", r"i{h}+am{h}+(?:now{h}+)?at", r"living{h}+at", r"(?:house|home|address|flat){h}+is",
    r"(?:mi|my|su|his|her|our|nuestra){h}+(?:direcci[óo]n|address|casa|domicilio){h}+(?:es|is)", r"visc{h}+(?:a|al|en)",
    r"vivo{h}+(?:a|al)", r"recogemos(?:{h}+[^\W\d_]{{1,15}})?{h}+en", r"pedidos{h}+a", r"entregamos{h}+en",
)
_STRONG_ADDRESS_WORD = (rf"(?:(?<!\w)(?:calle|c/|carrer|cam[ií]|kale|r[úu]a|rua|av|avda|avenida|pasaje|pje|privada|cerrada"
                        rf"|andador|jr|jir[óo]n|cll|cl|cra|carrera|calzada|bulevar|bv|urb|urbanizaci[óo]n|col|colonia"
                        rf"|barrio|bda|cdla|ciudadela|reparto|residencial|res|edif|edificio|mz|manzana|lote|lt|block"
                        rf"|bloque|villa|sector|conjunto|road|rd|street|st|lane|ln|avenue|ave|court|close|drive|cottage"
                        rf"|house|flat|apt|apartment|box|way|place|crescent|terrace|gardens|square|heights|park|zona"
                        rf"|casa|piso|depto|dpto|apto|portal|torre|polígono|poligono|esq|esquina|entre|plaza|pza"
                        rf"|paseo|ronda|travesía|carretera|ctra|lugar|aldea|vereda|cp|c\.p|cep)(?!\w))")
_PLACED_AT = (rf"{NOT_LETTER_BEFORE}{_PLACED_CUES}{H}+(?:(?-i:el|la|los|las|the|mi|my){H}+)?"
              rf"(?!(?:hospital|hosp|cl[ií]nica|centro|imss|issste|sanatorio|consultorio|urgencias|emergencias"
              rf"|la{H}+cuenta|cuenta|farmacia|the{H}+hospital|ward|a&e|er|ed){NOT_LETTER_AFTER})"
              rf"(?P<pii>(?=(?:{_ABBREVIATION}|[^.;\n!?]){{0,60}}?{_STRONG_ADDRESS_WORD})"
              rf"(?=(?:{_ABBREVIATION}|[^.;\n!?]){{0,100}}?\d)"
              rf"(?:{_ABBREVIATION}|[^.;\n!?]){{3,140}}?)"
              rf"(?=[.;!?]?{H}*$|[.;!?](?:\s|$)|\n|$|,?{H}+(?:y|e|o|or|and|pero|but|porque|because|que|so|desde|since"
              rf"|al|para|por|con|now|ahora|hace|then|luego){NOT_LETTER_AFTER}|{H}+(?-i:x)(?=\s|$)|{H}*[(\[]|{H}+[-–]{H})")
_LIVES_AT = (rf"{NOT_LETTER_BEFORE}{_LIVES_CUES}{H}+(?:(?-i:el|la|los|las|the){H}+)?"
             rf"(?P<pii>(?=(?:{_ABBREVIATION}|[^.;\n!?]){{0,120}}?{_ADDRESS_WORD})"
             rf"(?:{_ABBREVIATION}|[^.;\n!?]){{3,140}}?)"
             rf"(?=[.;!?]?{H}*$|[.;!?](?:\s|$)|\n|$|,?{H}+(?:y|e|and|pero|but|porque|because|que|so|desde|since)"
             rf"{H}+(?:me|nos|le|les|no|ya|lo|la|i|we|they|he|she|it|nadie|nobody|tengo|tenemos|hace|llevo|there"
             rf"|hasta|ahora|now){NOT_LETTER_AFTER})")

_UNTYPED_STREET = (rf"(?-i:(?<![\w@#])[{UPPER}][{LOWER}]{{2,20}}(?:{H}+(?:de{H}+|del{H}+)?[{UPPER}][{LOWER}]{{2,20}}){{0,2}})"
                   rf"{H}+\d{{2,5}}(?!\d){H}+(?:esq(?:uina)?\.?{H}+|entre{H}+|{_UNIT_WORDS}\.?{H}*\d)[^.;\n!?]{{0,60}}?"
                   rf"(?=[.;!?\n]|$|,?{H}+(?:y|e|o|and|para|por|con)\b"
                   rf"|,{H}*(?:tel|tlf|tfno|cel|celular|phone|whats|wsp|correo|e-?mail|mail|dni|ci|rut|c[ée]dula)\b)")
_ADDRESS = [
    _LIVES_AT,
    _UNTYPED_STREET,
    _PLACED_AT,
    # pii-6: a neighbourhood and what follows it ("Cdla. La Garzota Mz. 28 villa 11, Guayaquil",
    # "Reparto Las Margaritas, polígono B, casa 19, Soyapango"), when a number follows within it
    rf"{NOT_LETTER_BEFORE}{_NEIGHBOURHOOD}(?=[^.;\n!?]{{0,60}}?\d)(?:{_TAIL}){{1,6}}",
    _ES_ADDRESS,
    _NUMBERED_STREET,
    _ORDINAL_STREET,
    rf"{_NEIGHBOURHOOD}{H}*,?{H}*(?:{_ES_ADDRESS}|{_NUMBERED_STREET}|{_ORDINAL_STREET})",
    _EIRCODE,
    _GRID_ADDRESS,
    _BLOCK_AND_LOT,
    _DIRECTIONS,
    _EN_ADDRESS,
    rf"{NOT_LETTER_BEFORE}{_APARTMENT}",
    _UK_POSTCODE,
    # a postcode after a cue, or next to a city: "CP 28013", "C.P. 06600", "28013 Madrid", "CEP 01310-100"
    rf"{NOT_LETTER_BEFORE}{_POSTCODE_CUE}\.?{H}*[:.]?{H}*(?P<pii>{_ANY_POSTCODE}(?:{H}*[,\-]?{H}*(?:{_CITY}))?)",
    rf"(?<![\d.,]){_POSTCODE_CITY}",
    rf"{NOT_LETTER_BEFORE}{_KNOWN_CITY}{H}*,?{H}*{_ES_POSTCODE}{_NOT_AN_AMOUNT}",
    rf"(?<![\d\-])\d{{5}}-\d{{3}}(?![\d\-])",  # Brazil's CEP
]

# --- names people introduce themselves and their relatives with ------------------------------

_NAME_TOKEN = (rf"(?-i:(?:Mc|Mac|De|La|Le|Di|Da|Van|O)[{UPPER}][{LOWER}]{{2,20}}"
               rf"|[{UPPER}](?:['’][{UPPER}])?[{LOWER}'’]{{1,20}}(?:-[{UPPER}][{LOWER}]{{1,20}})?"
               rf"|(?!(?:DNI|NIE|TLF|TELF?|HC|NHC|NSS|CURP|RFC|CPF|RUT|MRN|NHS|PPSN|DOB|ID|SSN|MI|MY|MIS|DE|DEL|LA|EL|LOS|LAS|ES|SOY|CON"
               rf"|POR|PARA|QUE|NO|SI|AND|THE|OF|IS|ME|YA|HOY|URGENTE|AYUDA|HOSPITAL|CL[IÍ]NICA)\b)"
               rf"[{UPPER}]{{2,20}}(?![{LOWER}]))")  # María, Gonzalez-Ortiz; all capitals: FRANCISCO
_NOT_A_NAME = (
    r"(?!(?:El|La|Los|Las|Un|Una|Hospital|Hosp|Cl[ií]nica|Centro|Doctor|Doctora|Dr|Dra|Paciente|Usuario|Usuaria"
    r"|Enfermer[oa]|M[ée]dic[oa]|Madre|Padre|Hij[oa]|Se[ñn]or[a]?|Sra|Sr|Don|Doña|Lunes|Martes|Mi[ée]rcoles"
    r"|Jueves|Viernes|S[áa]bado|Domingo|Enero|Febrero|Marzo|Abril|Mayo|Junio|Julio|Agosto|Septiembre"
    r"|Octubre|Noviembre|Diciembre|The|A|An|Very|Not|So|Really|From|In|At|Here|Just|Still|Sorry|Nurse"
    r"|Doctor|Mr|Mrs|Ms|Miss|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Gracias|Thanks"
    r"|Hola|Hello|Hi|Buenos|Buenas|Urgencias|Emergency|Diab[ée]tic[oa]|Al[ée]rgic[oa]|De|Del|Y|Que|Por"
    r"|Para|Con|Sin|Muy|Yo|Tu|Su|Nuestro|Nuestra|Vuestro|Socio|Cliente|Familiar|Mam[áa]|Pap[áa]|English"
    r"|Spanish|Espa[ñn]ol|Ingl[ée]s|Residente|Vecino|Vecina|Jubilad[oa]|Pensionista|Abuel[oa]|Happy"
    r"|Grateful|Writing|Calling|Contacting|Trying|Waiting|Going|Here|Done|Fed|Tired|Sick|Pregnant"
    r"|Embarazada|Cuidador[a]?|Madrina|Padrino|Esposo|Esposa|Marido|Mujer|Equipo|Servicio|Atenci[óo]n"
    r"|Unidad|Departamento|[ÁA]rea|Gerencia|Direcci[óo]n|Consulta|Consultas|Planta|Habitaci[óo]n|Urgente"
    r"|Ayuda|Please|Thank|Thanks|Dear|Regards|Saludos|Gracias|Muchas|Many|Best|Kind|Ya|Hoy|Ayer|Ma[ñn]ana"
    r"|Mi|My|Our|Mis|Tus|Sus|Este|Esta|Esto|This|That|These|It|We|You|He|She|They|I"
    r"|Me|Te|Se|Le|Les|Nos|Lo|Él|El|Ella|Ellos|Ellas|Usted|Hoy|Ya|Aqu[ií]|Bebé|Beb[eê]|Baby|Nen[ea]"
    r"|Cuando|Cu[áa]ndo|Donde|D[óo]nde|Como|C[óo]mo|Luego|Despu[ée]s|Entonces|Cuando|When|Then|After|Finally"
    r"|Nunca|Nadie|Alguien|Ahora|Todo|Nada|Tambi[ée]n|Also|Someone|Nobody|Everyone|Soy|S[óo]c|Sou|Estoy|Llamo|Atte|Att)\b)"
)
_NAME_PARTICLE = rf"(?-i:de|del|de{H}+la|de{H}+los|y|da|dos|das|do|van|von|di|e|Ó|O'|Mac|Mc|bin|ibn)"
_CAP_TOKEN = (rf"(?-i:(?:Mc|Mac|De|La|Le|Di|Da|Van|O)[{UPPER}][{LOWER}]{{2,20}}"
              rf"|[{UPPER}](?:['’][{UPPER}])?[{LOWER}'’]{{1,20}}(?:-[{UPPER}][{LOWER}]{{1,20}})?)")
_CAP_NAME = (rf"{_NOT_A_NAME}{_CAP_TOKEN}(?:(?:{H}+{_NAME_PARTICLE})?{H}+{_NOT_A_NAME}{_CAP_TOKEN}){{0,4}}")
_FULL_NAME = (rf"{_NOT_A_NAME}{_NAME_TOKEN}(?:(?:{H}+{_NAME_PARTICLE})?{H}+{_NOT_A_NAME}{_NAME_TOKEN}){{0,4}}")
_TWO_WORD_NAME = (rf"{_NOT_A_NAME}{_NAME_TOKEN}(?:(?:{H}+{_NAME_PARTICLE})?{H}+{_NOT_A_NAME}{_NAME_TOKEN}){{1,4}}")
_RELATIVES = (
    r"(?:madre|mam[áa]|padre|pap[áa]|hij[oa]|hijit[oa]|marido|espos[oa]|mujer|abuel[oa]|abuelit[oa]|herman[oa]"
    r"|t[ií][oa]|suegr[oa]|pareja|novi[oa]|niet[oa]|beb[ée]|sobrin[oa]|cuñad[oa]|prim[oa]|nuera|yerno"
    r"|mother|mum|mom|father|dad|son|daughter|wife|husband|partner|grandmother|grandfather|grandma"
    r"|grandpa|gran|nan|nana|brother|sister|aunt|uncle|baby|boy|girl|niece|nephew|m[ãa]e|pai|filh[oa]"
    r"|irm[ãa]o?|av[óô]|esposa|marido|mami|papi|mamita|papito|mamucha|viejit[oa]|ñañ[oa]|cipot[ea]|chamac[oa]|peque(?:ñ|n)[oa]|princesa|guerrer[oa]"
    r"|t[ií][oa]{h}+abuel[oa]|avoa|avó|nai|fill[oa]|bisabuel[oa]|madrina|padrino|ahijad[oa]|vecin[oa]"
    r"|compañer[oa]|amig[oa])"
).replace("{h}", H)
_NAME_CUES = _cues(
    r"me{h}+llamo", r"(?:mi|su|tu|el){h}+nombre{h}+(?:completo{h}+)?(?:es|era)", r"(?:his|her|their){h}+name{h}+(?:is|was)",
    r"s[óo]c", r"yo,", r"a{h}+m[ií],", r"pregunt(?:ar|en|ad|á|e)?{h}+por", r"ask{h}+for", r"nombre{h}*(?:completo{h}*)?:", r"name{h}*:",
    r"soy", r"my{h}+name{h}+is", r"my{h}+name'?s", r"i'?m", r"i{h}+am", r"this{h}+is", r"a{h}+nombre{h}+de",
    r"(?:el|la|al|del){h}+paciente", r"paciente{h}*:", r"patient{h}*:", r"the{h}+patient(?:'s{h}+name{h}+is)?",
    r"(?:mi|my|mis|nuestr[oa]|our|minha|meu){h}+" + _RELATIVES + r"(?:{h}+(?:de{h}+\d+{h}+a[ñn]os|\(\d+\)))?,?"
    r"(?:{h}+(?:que{h}+)?(?:se{h}+llama|llamad[oa]|called|named|chamad[oa]|de{h}+nombre))?",
    r"firma(?:do)?{h}*:?", r"atentamente,?", r"saludos,", r"un{h}+saludo,", r"atte?\.?,?", r"de{h}+parte{h}+de",
    r"familiar{h}+de", r"regards,", r"sincerely,", r"thanks,", r"cheers,", r"meu{h}+nome{h}+[ée]", r"me{h}+chamo",
    r"sou(?:{h}+(?:o|a))?", r"se{h}+llama", r"llamad[oa]", r"named", r"called",
)
_KIN_BEFORE_NAME = (  # "mi pequeño guerrero Mateo", "a mi padre (Rafael Moya)", "mi mamá 👵 Leonor Vázquez"
    rf"(?:mi|my|mis|nuestr[oa]|our|minha|meu|miña|mo|su|la|el|a{H}+mi){H}+(?:{_RELATIVES}{H}+)?{_RELATIVES}"
)
_NAME_CUES_2 = _cues(  # pii-3: cues written from the definition (a private person named in the text)
    r"se{h}+llamaba", r"dice{h}+llamarse", r"llamarse", r"titular{h}*:?", r"name", r"em{h}+dic", r"em{h}+diuen",
    r"ch[áa]mome", r"mis{h}+datos{h}*:", r"tiene{h}+mi{h}+nombre,", r"do[ñn]a", r"d[ñn]a\.", r"don",
    r"se{h}+busca{h}*:?(?:{h}+a)?(?:{h}+(?:don|do[ñn]a))?", r"paciente", r"a{h}+nombre{h}+de",
    r"gracias,", r"muchas{h}+gracias,", r"thanks{h}+a{h}+(?:mil|million),", r"thank{h}+you,", r"many{h}+thanks,",
    r"bienvenid[oa]s?{h}+al{h}+mundo", r"welcome{h}+to{h}+the{h}+world,?", r"boas,{h}+son", r"hola,{h}+soy",
    r"(?:ya{h}+)?(?:naci[óo]|lleg[óo]|naceu|arrived)(?:{h}+(?:nuestr[oa]|mi|la|el|our))?(?:{h}+peque(?:ñ|n)[oa])?",
    r"nacid[oa]|nacida",
)
_NAME_CUES_4 = _cues(  # pii-4: their names are capitalised words, never all capitals ("por SMS")
    r"(?:nuestr[oa]|our)(?:{h}+(?:little|peque(?:ñ|n)[oa]|querid[oa]|dear))?", r"bienvenid[oa]s?", r"welcome{h}+(?:baby|little)",
    r"(?:sr|sra|srta|señor|señora|mr|mrs|ms|miss|mx)\.?(?={h}+"  # a title before two names (staff have one)
    + rf"{_NAME_TOKEN}{H}+{_NAME_TOKEN})".replace("{", "{{").replace("}", "}}"),
    _RELATIVES + r"{h}+de", r"(?:familiar|familia|family|mother|father|mum|mom|dad|wife|husband){h}+of",
    r"(?:tratamiento|recuperaci[oó]n|operaci[oó]n|cirug[ií]a|trasplante|historia|fondos|colecta|rifa|sorteo"
    r"|campa[ñn]a|lucha|causa|vaquita|donaciones|fundraiser|treatment|recovery|surgery|story)"
    r"(?:{h}+[a-zñáéíóú]{{1,15}}){{0,2}}?{h}+(?:de|del|para|por|for|of)",
    r"(?:donantes?|donadores?|donar|sangre|plaquetas|oraciones|cadena{h}+de{h}+oraci[oó]n|blood|donors?|prayers?)"
    r"[^.\n]{{0,40}}?{h}(?:para|por|a|for)(?:{h}+(?:el|la|mi|my))?(?:{h}+(?:sr|sra|don|doña|mr|mrs|ms)\.?)?",
    r"otr[oa]{h}+paciente,?", r"another{h}+patient,?",
)
_AFTER_NAME_ID = (  # a name just before an identifier or an age: "Álvaro Requena, DNI …", "Gerardo Arias, 82 años"
    r"(?=,?{h}*(?:(?i:dni|nie|c[ée]dula|cpf|nss|nhs|dob|d\.o\.b|ppsn|rfc|curp|rut|ci|tel[ée]?f?|tlf|cel|celular|m[óo]vil"
    r"|historia|hc|nhc|derechohabiente|nacid[oa]|naceu|born|aged?){NL}|\d{1,3}{h}+(?i:a[ñn]os|years|anos)"
    r"|(?i:c\.{h}?i\.|c\.{h}?c\.)"  # pii-4: ", C.I. …"; ", 310 219 8847", ", 15/07/1992", ", ana@…"
    r"|,{h}*(?:\+|\(\+?)?\d|,{h}*[\w.+\-]{1,64}@))"
).replace("{h}", H).replace("{NL}", NOT_LETTER_AFTER)
# a case-sensitive test first: the patterns are compiled ignoring case, so their own look-ahead of
# first characters lets every lower-case letter through (speed only, the same matches)
_CAPITAL_HERE = rf"(?-i:(?=[{UPPER}]))"
_EMOJI_OR_SPACE = r"(?:[^\w\s.,;:!?¿¡()\[\]\"'@#/\\<>\-]|\s)*"  # emoji and spaces between a cue and the name
_PERSON_NAME = [
    rf"{NOT_LETTER_BEFORE}(?i:{_NAME_CUES}){NOT_LETTER_AFTER}{H}*(?:(?-i:la|el|en|na){H}+)?(?P<pii>{_FULL_NAME})",
    rf"{NOT_LETTER_BEFORE}(?i:{_NAME_CUES_2}){NOT_LETTER_AFTER},?{H}*\(?(?P<pii>{_FULL_NAME})",
    rf"{NOT_LETTER_BEFORE}(?i:{_NAME_CUES_4}){NOT_LETTER_AFTER},?{H}*\(?(?P<pii>{_CAP_NAME})",
    rf"{NOT_LETTER_BEFORE}(?i:{_KIN_BEFORE_NAME}){NOT_LETTER_AFTER}{_EMOJI_OR_SPACE},?{H}*\(?(?P<pii>{_FULL_NAME})",
    rf"{NOT_LETTER_BEFORE}{_CAPITAL_HERE}(?P<pii>{_TWO_WORD_NAME}){_AFTER_NAME_ID}",
    # a signature: a name of two or more words closing the text, after a sentence's end, a comma or an emoji
    rf"(?:^|(?<=[.!?…,)\]])|(?<=[^\w\s]))\s*(?P<pii>{_TWO_WORD_NAME}(?:{H}+(?-i:[{UPPER}])\.)?)\s*[.!]?\s*$",
    # pii-4: a name before a birth verb ("Bautista llegó el …", "Fiadh arrived on …"); a name after
    # an identifier or a date and a comma, closing a clause ("DOB 02/05/1977, Pádraig Keane."); a name
    # opening a sentence before a comma and an identifier-like code ("Rachel Pryce, PCN ref …")
    rf"{NOT_LETTER_BEFORE}{_CAPITAL_HERE}(?P<pii>{_NOT_A_NAME}{_CAP_TOKEN})(?={H}+(?i:naci[óo]|lleg[óo]|arrived|was{H}+born|nasceu"
    rf"|naceu|came{H}+into){NOT_LETTER_AFTER})",
    rf"(?<=\d),{H}*(?P<pii>{_TWO_WORD_NAME})(?={H}*(?:[.,;!]|$))",
    rf"(?:^|(?<=[.!?]\s))(?P<pii>{_TWO_WORD_NAME}),(?={H}*[^\n]{{0,20}}\d)",
    rf"#(?i:bienvenid[oa]|welcome|nacimiento|baby|fuerza|todoscon|todospor(?:el|la)?|ayuda(?:a|para)?|ayudemosa"
    rf"|oraci[oó]n(?:es)?por|prayfor|justiciapara|fuerzapara|vamos|[áa]nimo|forza|for[çc]a|buscamosa|teamo"
    rf"|te{H}?queremos|free|bring|help|savethe|save){_NOT_A_NAME}(?P<pii>(?-i:[{UPPER}][{LOWER}]{{2,20}}(?:[{UPPER}][{LOWER}]{{2,20}})?))",
]

# pii-4: a full date right after a person's name and a comma is their date of birth
# ("Rosa Domínguez Martínez, 15/07/1992, …"; "Mi nombre es Concepción Arranz, 8/2/1950")
_DATE_OF_BIRTH.append(rf"{NOT_LETTER_BEFORE}{_CAPITAL_HERE}{_TWO_WORD_NAME},{H}*(?P<pii>{_FULL_DATE})(?!{H}*(?:a{H}+las|at){NOT_LETTER_AFTER})")

# --- pii-5: names from a list of first names ------------------------------------------------
# A private person is most often named without any cue ("gracias a Rocío Vidal por todo", "a Yeison
# lo dejaron 6 horas"). A run of capitalised words holding a known first name is a person's name:
# the first names are gender-guesser's dictionary (Jörg Michael's list, some 48,000 names of Spain,
# Portugal, the Americas, the British Isles and Europe, 0.2 s to load). The run is not a name when
# it names staff (after "Dr.", "enfermera" …), a place or an institution (after "Hospital", "San",
# "Calle" …, or holding a city or institution word), and its first name is not a word of the
# language that the dictionary also lists ("Mi", "Salud", "Santiago", "Paz"): those need a surname
# after them.
_STAFF_BEFORE = re.compile(
    r"(?:\b(?:dr|dra|dres|doc|doct|prof|lic|licda?|ing|enf|sor)\.?"
    r"|\b(?:doctor|doctora|doctores|médic[oa]|medic[oa]|enfermer[oa]s?|nurse|sister|matrona|midwife|auxiliar"
    r"|celador[a]?|cirujan[oa]|surgeon|consultant|pediatra|ginec[oó]log[oa]|traumat[oó]log[oa]|anestesista"
    r"|fisio(?:terapeuta)?|psic[oó]log[oa]|residente|t[ée]cnic[oa]|tcae|recepcionista|administrativ[oa]"
    r"|coordinador[a]?|supervisor[a]?|jef[ae](?:{h}+de{h}+\w+)?|director[a]?|gerente|trabajador[a]{h}+social"
    r"|paramédic[oa]|param[ée]dico|camiller[oa]|vigilante|guardia|seguridad|dentista|odont[oó]log[oa]"
    r"|oncólog[oa]|cardi[oó]log[oa]|neur[oó]log[oa]|ur[oó]log[oa]|dermat[oó]log[oa]|especialista"
    r"|staff|team|equipo|san|santa|santo|são|st|hospital|hosp|clínica|clinica|sanatorio|virgen|señora"
    r"|colegio|parroquia|instituto|centro|fundación|fundacion|residencia|calle|c/|av|avda|avenida|plaza"
    r"|paseo|barrio|colonia|col|urb|urbanización|jr|jirón|carrera|cra|street|road|ward|unidad|planta"
    r"|sala|pabellón|servicio|área|area|programa|clínic[ao]s?|hospitales|universidad|university"
    r"|estadio|iglesia|cerro|río|rio|lago|monte|puerto|villa|ciudad|provincia|estado|departamento"
    r"|municipio|distrito|cantón|canton|región|region|comuna|zona|sector|reparto|sede|línea|linea"
    r"|estación|estacion|metro|bus|ruta|premio|marca|app|farmacia|pharmacy|aseguradora|seguros?"
    r"|obra{h}+social|eps|ips|isapre|mutua|mutualista))[\s.,:;'’\"«»()-]*$".replace("{h}", H), re.IGNORECASE)
_FUNCTION_WORDS = frozenset("""
mi me el se si my the su ya lo en hay un tiene le ni hi can al que bon solo he con yo les una sin just
pero era atte ha li made mine han ella te ola non ah de res sen five tu tus mis sus nos os la las los del
por para como cuando donde muy mas más menos todo toda todos todas nada nadie algo alguien hola buenas
buenos gracias saludos feliz bien mal vale ok hoy ayer mañana ahora antes luego después despues siempre
nunca también tampoco sí no and but or so if as at in on of to for from with by an a i we you they he
she it is are was were be been has have had do did does will would can could should may might must
dear hello thanks thank please sorry good great best very more most less just still even only also
jan feb mar apr jun jul aug sep sept oct nov dec ene abr ago dic
soy sóc sou estoy llamo vivo tengo quiero necesito pido busco somos estamos queremos hello hey dear
dona doña dom don zona no san santa santo são sao saint st easter long van mae bienvenido bienvenida bienvenidos welcome enero febrero marzo mayo junio julio agosto septiembre
setiembre octubre noviembre diciembre lunes martes miércoles miercoles jueves viernes sábado sabado domingo
""".split())
_NAMES_THAT_ARE_WORDS = frozenset("""
abril día dia vida dato alta alto harto fila caja zona edo general valle ward march june may april august
feliz trae royal val ave willow monte verdi italia aires dios cielo reina real gloria aurora alba estrella
flor fe esperanza milagros soledad salud paz luz sol cruz reyes belén belen trinidad asunción asuncion
concepción concepcion rosario mercedes santiago lima victoria lourdes fátima fatima guadalupe montserrat
begoña pilar dolores consuelo socorro nieves amparo remedios piedad caridad clemente justo franco leal
bueno amable pura blanca clara celeste rosa violeta jade ruby amber crystal pearl holly ivy heather
daisy lily hazel olive sandy rocky hope grace joy faith mark bill summer dawn art sunny guy frank iris
penny ray rich angel destiny harmony chance sky river brook star honey ginger major king young baker
miller cook bishop judge noble earl dean gene jean carol sue pat bob nick rob don will kennedy columbus
roosevelt austin washington lincoln jackson salvador domingo marín mora vega medina cano duarte lora
león leon heredia cayetano
""".split())
_NAME_RUN_RE = re.compile(
    rf"{NOT_LETTER_BEFORE}(?-i:{_NAME_TOKEN}(?:(?:{H}+{_NAME_PARTICLE})?{H}+{_NAME_TOKEN}){{0,5}})")


@functools.lru_cache(maxsize=1)
def _first_names():
    """gender-guesser's detector (its dictionary of first names), loaded once."""
    import gender_guesser.detector  # noqa: PLC0415

    return gender_guesser.detector.Detector(case_sensitive=False)


@functools.lru_cache(maxsize=65536)
def is_first_name(word: str) -> bool:
    """`word` is a first name of the dictionary and not a word of the language it also spells."""
    if len(word) < 3 or word.lower() in _FUNCTION_WORDS or word.lower() in _NAMES_THAT_ARE_WORDS \
            or word.lower() in _CITY_WORDS:
        return False
    return _listed(word)


# the dictionary's countries whose names patients write (the Americas' names are in Spain's, Portugal's
# and the USA's columns); a name listed only for Germany or Vietnam ("Gana", "Long", "His") is not one
_NAME_COUNTRIES = ("spain", "portugal", "usa", "great_britain", "ireland")


@functools.lru_cache(maxsize=65536)
def _listed(word: str) -> bool:
    """`word` has a frequency in one of _NAME_COUNTRIES (the detector's ``names``: name -> gender ->
    one frequency character per country of its ``COUNTRIES``, blank where the name is not used)."""
    detector = _first_names()
    columns = [detector.COUNTRIES.index(country) for country in _NAME_COUNTRIES]
    return any(values[i] != " " for values in detector.names.get(word.lower(), {}).values() for i in columns)


@functools.lru_cache(maxsize=65536)
def _may_start_a_name(word: str) -> bool:
    """A first name that is also a word or a place ("Pilar", "Rosario"): a name when a surname follows."""
    return len(word) >= 3 and word.lower() not in _FUNCTION_WORDS and _listed(word)


_PATRONYMIC = re.compile(r"(?-i:[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2,}(?:ez|éz|az|iz|oz|es))$")  # Pérez, Domínguez, Ruiz
_ARTICLE_BEFORE = re.compile(r"(?:^|[\s(])(?:el|la|del|al|los|las|the)[^\S\r\n]+$", re.IGNORECASE)


_STREET_WORDS = frozenset({"av", "avda", "avenida", "calle", "c/", "carrer", "rua", "rúa", "plaza", "paseo", "camino",
                           "urb", "col", "colonia", "barrio", "jr", "cra", "carrera", "street", "road", "lane"})
_CITY_WORDS = frozenset(c.lower() for c in _CITIES if " " not in c)  # Santiago, Lima (San José: José stays)
_STOP_IN_RUN = frozenset({"hospital", "clínica", "clinica", "centro", "sanatorio", "instituto", "fundación",
                          "universidad", "university", "hospitals", "health", "salud", "medical", "médico",
                          "maternidad", "materno", "policlínico", "policlinico", "ambulatorio", "cesfam", "ebais",
                          "cdi", "umf", "hgz", "imss", "issste", "minsa", "essalud", "clinic", "infirmary",
                          "av", "avda", "avenida", "calle", "c/", "carrer", "rua", "rúa", "plaza", "paseo", "camino",
                          "urb", "col", "colonia", "barrio", "jr", "cra", "carrera", "street", "road", "lane"})


_SELF_INTRODUCED_LOWER = re.compile(  # "soy maite gorostiza y …": a name in lower case after a self-introduction
    rf"{NOT_LETTER_BEFORE}(?:soy|s[óo]c|sou|me{H}+llamo|me{H}+chamo|mi{H}+nombre{H}+es|my{H}+name{H}+is|i'?m|i{H}+am)"
    rf"{H}+(?P<name>(?-i:[a-záéíóúñüç]{{3,20}}(?:{H}+[a-záéíóúñüç]{{3,20}}){{0,3}}))", re.IGNORECASE)
_HASHTAG_RE = re.compile(r"#(?P<tag>[^\W_][\w]{2,60})")
_CAMEL_PART = re.compile(rf"[{UPPER}][{LOWER}]+")


def _names_in_lower_case_and_hashtags(text: str) -> list[Match]:
    """pii-6: a listed first name in lower case after a self-introduction ("soy maite gorostiza"), with
    the words after it up to a function word; a listed first name as a part of a hashtag written in
    CamelCase ("#TaponesParaHugo", "#JordiGuerrer")."""
    out = []
    for m in _SELF_INTRODUCED_LOWER.finditer(text):
        words = m.group("name").split()
        if not is_first_name(words[0].capitalize()):
            continue
        kept = [words[0]]
        for word in words[1:]:
            if word in _FUNCTION_WORDS or word in _STOP_IN_RUN or word in _LOWER_STOP:
                break
            kept.append(word)
        start = m.start("name")
        out.append(Match("person_name", start, start + len(" ".join(kept)), text[start:start + len(" ".join(kept))]))
    for m in _HASHTAG_RE.finditer(text):
        tag_start = m.start("tag")
        for part in _CAMEL_PART.finditer(m.group("tag")):
            if is_first_name(part.group(0)):
                start, end = tag_start + part.start(), tag_start + part.end()
                out.append(Match("person_name", start, end, text[start:end]))
    return out


_LOWER_STOP = frozenset("""y e o u que de del la el los las en con por para vivo tengo soy estoy os les me te
escribo escribe llamo quiero necesito desde and from who i i'm writing calling here""".split())


def _listed_names(text: str) -> list[Match]:
    """Runs of capitalised words that start with a first name of the list, or that end in a Spanish
    patronymic surname ("Yusmary Pérez") (pii-5)."""
    out = []
    for m in _NAME_RUN_RE.finditer(text):
        words = list(re.finditer(r"[^\s]+", m.group(0)))
        for i, w in enumerate(words):
            word = w.group(0)
            if word.lower().rstrip(".") in _STOP_IN_RUN:  # what follows names a street or an institution
                break
            rest = [x.group(0) for x in words[i + 1:] if x.group(0)[:1].isupper()]
            surname_after = bool(rest) and rest[0].lower() not in _STOP_IN_RUN
            if word.isupper():  # capitals only ("INE", "DAN CITA"): a name when another name follows
                if not (_may_start_a_name(word) and rest and (is_first_name(rest[0]) or
                                                              _PATRONYMIC.match(rest[0].capitalize()))):
                    continue
            elif not (is_first_name(word) or (surname_after and _may_start_a_name(word))
                      or (surname_after and any(_PATRONYMIC.match(x) for x in rest)
                          and word.lower() not in _FUNCTION_WORDS)):
                continue
            start = m.start() + w.start()
            if _STAFF_BEFORE.search(text, max(0, start - 40), start) or (start and text[start - 1] in "#@") \
                    or _ARTICLE_BEFORE.search(text, max(0, start - 6), start):
                break
            end = m.start() + words[-1].end()
            for later in words[i + 1:]:  # an institution word ends the name (a city may be a surname)
                if later.group(0).lower().rstrip(".") in _STOP_IN_RUN:
                    end = m.start() + later.start()
                    break
            for before in reversed(words[:i]):  # unlisted first names before a listed one ("Jhon Fredy")
                token = before.group(0)
                if token.lower() in _FUNCTION_WORDS or token.lower() in _STOP_IN_RUN or not token[:1].isupper() \
                        or _STAFF_BEFORE.search(token):
                    break
                start = m.start() + before.start()
            initial = re.match(rf"{H}(?-i:[{UPPER}])\.", text[end:end + 3])  # "Ximena Olvera R."
            if initial:
                end += initial.end()
            name = text[start:end].rstrip()
            for particle in (" de la", " de los", " de", " del", " y", " e", " da", " do", " dos"):
                if name.endswith(particle):
                    name = name[: -len(particle)]
            out.append(Match("person_name", start, start + len(name), name))
            break
    return out


# --- any other long number -------------------------------------------------------------------

_NUMBER = [r"(?<!\d)\d{10,22}(?!\d)"]


# --- speed: a lookahead of each pattern's possible first characters ------------------------------
# Python's re tries every pattern at every position; with IGNORECASE and a long alternation of cue
# words each try is slow. A lookahead of the characters a match can start with (read from the
# pattern's own parse tree) lets most positions fail at once: 2.7 times faster over the patterns, the
# same matches (tests/test_pii.py compares both). It reads re's parser, a private module: on any
# surprise the pattern is used as it is.


def _first_chars(items) -> tuple[list[str] | None, bool]:
    from re import _constants as c  # noqa: PLC0415

    frags: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            return frags + [re.escape(chr(av))], False
        if op is c.IN:
            for o, a in av:
                if o is c.LITERAL:
                    frags.append(re.escape(chr(a)))
                elif o is c.RANGE:
                    frags.append(re.escape(chr(a[0])) + "-" + re.escape(chr(a[1])))
                elif o is c.CATEGORY and a in _CATEGORIES:
                    frags.append(_CATEGORIES[a])
                else:
                    return None, False
            return frags, False
        if op is c.BRANCH:
            nullable = False
            for branch in av[1]:
                sub, sub_nullable = _first_chars(branch)
                if sub is None:
                    return None, False
                frags += sub
                nullable |= sub_nullable
            if not nullable:
                return frags, False
        elif op is c.SUBPATTERN or op is c.ATOMIC_GROUP:
            sub, nullable = _first_chars(av[3] if op is c.SUBPATTERN else av)
            if sub is None:
                return None, False
            frags += sub
            if not nullable:
                return frags, False
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            sub, nullable = _first_chars(av[2])
            if sub is None:
                return None, False
            frags += sub
            if not nullable and av[0] > 0:
                return frags, False
        elif op not in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width: look further
            return None, False
    return None, True  # may match the empty string: no lookahead


def _categories() -> dict:
    from re import _constants as c  # noqa: PLC0415

    return {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_WORD: r"\w", c.CATEGORY_SPACE: r"\s",
            c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_NOT_WORD: r"\W", c.CATEGORY_NOT_SPACE: r"\S"}


def compile_fast(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` compiled with a lookahead of the characters its matches can start with."""
    try:
        from re import _parser  # noqa: PLC0415

        frags, _ = _first_chars(_parser.parse(pattern, flags))
    except Exception:  # noqa: BLE001 - an internal module changed: no speed-up, same matches
        frags = None
    if not frags:
        return re.compile(pattern, flags)
    return re.compile(f"(?=[{''.join(frags)}])(?:{pattern})", flags)


try:
    _CATEGORIES = _categories()
except Exception:  # noqa: BLE001
    _CATEGORIES = {}

_PATTERNS: dict[str, list[re.Pattern[str]]] = {
    kind: [compile_fast(p, _FLAGS) for p in patterns]
    for kind, patterns in (
        ("email", _EMAIL), ("medical_record", _MEDICAL_RECORD), ("social_security", _SOCIAL_SECURITY),
        ("passport", _PASSPORT), ("bank_account", _BANK_ACCOUNT), ("card", _CARD),
        ("date_of_birth", _DATE_OF_BIRTH), ("national_id", _NATIONAL_ID),
        ("phone", _PHONE_SHAPES + [_PHONE_AFTER_CUE]), ("address", _ADDRESS), ("person_name", _PERSON_NAME),
        ("number", _NUMBER),
    )
}
_PROFILE_URL_RE = compile_fast(_PROFILE_URL, _FLAGS)
_HANDLE_RE = compile_fast(_HANDLE)
_IBAN_RE = compile_fast(_IBAN)
_PHONE_CANDIDATE_RE = compile_fast(_PHONE_CANDIDATE)
_DIGITS_RE = re.compile(r"(?<![\d\-+])\d(?:[ .\-]?\d){9,23}(?![\d])")


def _checked_numbers(text: str) -> list[Match]:
    """Numbers identified by their check digits alone, whatever their separators: IBAN, CLABE, CBU,
    Spain's CCC and NUSS, Luhn-valid card numbers, CURP, CPF, Ecuadorian and Dominican cédulas,
    Chilean RUT, NHS numbers."""
    out = []
    for m in _IBAN_RE.finditer(text):
        if std_iban.is_valid(m.group(0)):
            out.append(Match("bank_account", m.start(), m.end(), m.group(0)))
    for m in _DIGITS_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        kind = _kind_by_checksum(digits)
        # a check digit passes one time in ten or eleven: a valid phone number stays a phone
        if kind and not (len(digits) <= 15 and is_phone_number(m.group(0))):
            out.append(Match(kind, m.start(), m.end(), m.group(0)))
    return out


def _kind_by_checksum(digits: str) -> str | None:
    n = len(digits)
    if n == 22 and ar_cbu.is_valid(digits):
        return "bank_account"
    if n == 20 and es_ccc.is_valid(digits):
        return "bank_account"
    if n == 18 and is_clabe(digits):
        return "bank_account"
    if 13 <= n <= 19 and digits[0] in "3456" and luhn.is_valid(digits):
        return "card"
    if n == 12 and is_spanish_nuss(digits):
        return "social_security"
    if n == 11 and br_cpf.is_valid(digits):
        return "national_id"
    if n == 11 and do_cedula.is_valid(digits):
        return "national_id"
    if n == 11 and digits[:2] in _CUIT_PREFIXES and ar_cuit.is_valid(digits):  # pii-4
        return "national_id"
    if n == 10 and ec_ci.is_valid(digits):
        return "national_id"
    if n == 10 and gb_nhs.is_valid(digits):
        return "medical_record"
    return None


def is_spanish_nuss(digits: str) -> bool:
    """Spain's social-security number: 12 digits, the last two the first ten modulo 97 (read as a
    province code and a number, so "28" + "1234567" is 28 * 10^8 + 1234567). python-stdnum has no
    Spanish NSS."""
    if len(digits) != 12 or not digits.isdigit():
        return False
    province, number, check = int(digits[:2]), int(digits[2:10]), int(digits[10:])
    base = province * 10**8 + number if number >= 10**7 else int(f"{province}{number}")
    return base % 97 == check


_CUIT_PREFIXES = ("20", "23", "24", "25", "26", "27", "30", "33", "34")
_CLABE_WEIGHTS = (3, 7, 1) * 6


def is_clabe(digits: str) -> bool:
    """Mexico's CLABE: 18 digits, weights 3-7-1, the last digit (10 - sum mod 10) mod 10. Not in
    python-stdnum."""
    if len(digits) != 18 or not digits.isdigit():
        return False
    total = sum((int(d) * w) % 10 for d, w in zip(digits[:17], _CLABE_WEIGHTS))
    return (10 - total % 10) % 10 == int(digits[17])


# Kinds whose every match holds a digit are looked for only near digits: most of a message is words.
_WITHOUT_DIGITS = ("email", "person_name")
_LEFT, _RIGHT = 300, 450  # the farthest a match reaches before its first digit and after its last


def _digit_windows(text: str) -> list[tuple[int, int]]:
    windows: list[list[int]] = []
    for m in _DIGIT_RUN_RE.finditer(text):
        lo, hi = max(0, m.start() - _LEFT), min(len(text), m.end() + _RIGHT)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    return [(lo, hi) for lo, hi in windows]


_DIGIT_RUN_RE = re.compile(r"\d+")


def _candidates(text: str) -> list[Match]:
    found = []
    windows = _digit_windows(text)
    for kind, patterns in _PATTERNS.items():
        spans = [(0, len(text))] if kind in _WITHOUT_DIGITS else windows
        for pattern in patterns:
            group = "pii" if "pii" in pattern.groupindex else 0
            for lo, hi in spans:
                for m in pattern.finditer(text, lo, hi):
                    start, end = m.span(group)
                    if end > start:
                        found.append(Match(kind, start, end, text[start:end]))
    for m in _PROFILE_URL_RE.finditer(text):
        if not looks_like_institution(m.group("name")):
            found.append(Match("profile_url", m.start(), m.end(), m.group(0)))
    for m in _HANDLE_RE.finditer(text):
        if not looks_like_institution(m.group("name")):
            found.append(Match("handle", m.start(), m.end(), m.group(0)))
    # a number libphonenumber validates but that lies inside an address is the address's (a house
    # number, a floor and a postcode: "carrer de Sant Pau 47 2-1 08001 Barcelona"); redacted either way
    addresses = sorted((m.start, m.end) for m in found if m.kind == "address")
    for start, end in _phone_candidates(text):
        if not _strictly_inside(addresses, start, end):
            found.append(Match("phone", start, end, text[start:end]))
    found.extend(_checked_numbers(text))
    found.extend(_listed_names(text))
    found.extend(_names_in_lower_case_and_hashtags(text))
    return found


def _strictly_inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Some (sorted) span holds [start, end) and is longer than it."""
    i = bisect.bisect_right(spans, (start, len(spans) and 1 << 62))
    return any(s <= start and end <= e and (s, e) != (start, end) for s, e in spans[max(0, i - 8):i])


def _trimmed(match: Match) -> Match:
    """Without trailing spaces, commas or dashes a pattern may have taken."""
    cut = len(match.text.rstrip(" \t\u00a0,;:-"))
    if cut == len(match.text):
        return match
    return Match(match.kind, match.start, match.start + cut, match.text[:cut])


_RANK = {kind: i for i, kind in enumerate(KINDS)}
_TRIMMABLE = {"address": 10, "person_name": 4}  # kind: the shortest part before an overlap worth keeping


def find(text: str) -> list[Match]:
    """Every piece of personal data in `text`, in order, without overlaps.

    When candidates overlap, the kind earlier in ``KINDS`` wins; within a kind the longest (a NIE
    before the DNI inside it, "+351 912 345 678" before "912 345 678"), then the leftmost. Kept intervals are a sorted list searched by bisection, so this is O(n log n) in the
    number of candidates."""
    starts: list[int] = []
    taken: list[Match] = []
    for cand in sorted((_trimmed(m) for m in _candidates(text or "")),
                       key=lambda m: (_RANK[m.kind], m.start - m.end, m.start)):
        if cand.end <= cand.start:
            continue
        i = bisect.bisect_left(starts, cand.start)
        if i > 0 and taken[i - 1].end > cand.start:
            continue
        if i < len(taken) and taken[i].start < cand.end:
            # pii-6: an address or a name running into a datum already found ("C/ Ancha 9, 2º, 39001
            # Santander, TSI [record]") keeps its part before it, when that is a part worth keeping
            if cand.kind not in _TRIMMABLE or taken[i].start - cand.start < _TRIMMABLE[cand.kind]:
                continue
            cand = _trimmed(Match(cand.kind, cand.start, taken[i].start, text[cand.start:taken[i].start]))
        starts.insert(i, cand.start)
        taken.insert(i, cand)
    return taken


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
