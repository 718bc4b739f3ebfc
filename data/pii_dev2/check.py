#!/usr/bin/env python3
"""Validator for pii_dev2/messages.jsonl (ids p5001..), adapted from pii_heldout/check_latam.py.
Adds es-ES/en-*/pt-BR varieties, CNS check, address/medical_record minimums.

Adapted from data/pii_eval/check.py: Latin American varieties only, variety-aware
national-id checks (AR CUIL/CUIT, PE RUC, VE RIF, DO cedula, GT DPI/CUI, SV DUI, UY CI,
CR cedula), bank accounts beyond IBAN/CLABE (AR CBU, PE CCI, cue-preceded account
numbers), obfuscated e-mails, and this part's minimums.


Checks: ids p0001.. in order, exact field set, valid variety/channel/kind,
span text == text[start:start+len], no overlapping spans, unique texts,
check digits for identifiers that define one, and the minimum counts.
Prints counts per kind / variety / channel. Exit code 0 only when every
record is valid AND every minimum is met.

Self-contained (stdlib only). If python-stdnum / phonenumbers are importable
they are used as an additional cross-check (stdnum: hard error; phonenumbers:
warning only, because informal spellings such as "11 15-4567-8901" are meant
to be there).
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "messages.jsonl"

VARIETIES = {"es-ES", "en-GB", "en-US", "en-IE", "pt-BR", "es-MX", "es-CO", "es-AR", "es-CL", "es-PE", "es-VE", "es-EC",
             "es-CR", "es-GT", "es-SV", "es-HN", "es-PA", "es-DO", "es-UY"}
CHANNELS = {"x", "google", "facebook", "instagram"}
KINDS = ["phone", "email", "national_id", "social_security", "medical_record",
         "bank_account", "card", "passport", "date_of_birth", "address",
         "profile_url", "handle", "person_name"]
FIELDS = {"id", "text", "variety", "channel", "pii"}
SPAN_FIELDS = {"kind", "text", "start"}
LATAM = {"es-MX", "es-CO", "es-AR", "es-CL", "es-PE", "es-VE", "es-EC",
         "es-CR", "es-GT", "es-SV", "es-HN", "es-PA", "es-DO", "es-UY"}
CENTRAL_CARIB = {"es-CR", "es-GT", "es-SV", "es-HN", "es-PA", "es-DO", "es-UY"}
ENGLISH = {"en-GB", "en-US", "en-IE"}
# Organisation handles: never PII (a handle span must not be one of these).
ORG_HANDLES = {h.lower() for h in [
    "@HospSierraNorte", "@ClinicaMarBCN", "@CMValleTuria", "@HospInsularAtl",
    "@CGuadalquivir", "@HospCostaNorte", "@CMRibera", "@HospMeseta",
    "@NHSEngland", "@sanidadgob", "@IMSSmx", "@minsaludcol", "@HospitalItaliano",
    "@EsSaludPeru", "@CCSSCR", "@Minsa_Peru", "@ISSSTE_mx", "@SSalud_mx", "@IMSS_CDMX",
    "@Fonasa", "@MinsalChile", "@MSPowi", "@IESSec", "@SaludPublicaEc", "@MinSaludGT",
    "@IGSSgt", "@ISSS_SV", "@IHSS_Honduras", "@CSSPanama", "@MINSA_Panama", "@SeNaSaRD",
    "@SaludPublicaRD", "@ASSEcomunica", "@MSPUruguay", "@PAMI_org_ar", "@IOMAoficial",
    "@SuperSalud", "@SaludCapital", "@EPSSanitas", "@NuevaEPS", "@HospitalGarrahan",
    "@OSDEarg", "@MinSaludArg", "@IVSS_oficial", "@MPPSalud", "@CruzRojaVe",
    "@hospitalcima_cr", "@Clinica_Alemana", "@IsapreColmena", "@GNPSeguros",
    "@ClinicaLasCondes", "@SIS_Peru", "@ClinicaInternacional", "@ARSHumano", "@SESALHN",
    "@MINSAL_SV", "@HSELive", "@SaudeGov", "@NHSuk", "@sanidadmadrid", "@salutcat", "@SergasGalicia", "@osakidetza", "@SAS_Andalucia", "@GVAsanitat", "@SESCAM", "@SaludAragon", "@CDCgov", "@KaiserPermanente", "@SaludCastillayLeon", "@SaludAsturias", "@ssa_mx", "@Compensar_EPS", "@Sura_EPS", "@SuSalud", "@INSS_RD"]}

MINIMUMS = {
    "messages": 200, "each_core_latam": 1, "central_carib_do_uy": 1, "spans": 300,
    "each_kind": 8, "no_pii_with_lookalikes": 40, "address": 110, "medical_record": 70,
    "es-ES": 60, "latam": 90, "english": 30, "pt-BR": 10,
}
CORE_LATAM = ["es-MX", "es-CO", "es-AR", "es-CL", "es-PE", "es-VE", "es-EC"]

try:
    import stdnum.es.dni, stdnum.es.nie, stdnum.iban, stdnum.mx.curp, stdnum.cl.rut
    import stdnum.ec.ci, stdnum.br.cpf, stdnum.us.ssn, stdnum.gb.nhs, stdnum.luhn
    import stdnum.ar.cuit, stdnum.ar.cbu, stdnum.pe.ruc, stdnum.ve.rif, stdnum.do.cedula
    import stdnum.cr.cpf
    HAVE_STDNUM = True
except Exception:  # pragma: no cover
    HAVE_STDNUM = False
try:
    import phonenumbers
    HAVE_PHN = True
except Exception:  # pragma: no cover
    HAVE_PHN = False

# ---------------------------------------------------------------- validators
DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def digits(s):
    return re.sub(r"\D", "", s)


def compact(s):
    return re.sub(r"[\s.\-/]", "", s).upper()


def luhn_ok(num):
    if not num.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def dni_ok(s):
    c = compact(s)
    return bool(re.fullmatch(r"\d{8}[A-Z]", c)) and DNI_LETTERS[int(c[:8]) % 23] == c[8]


def nie_ok(s):
    c = compact(s)
    if not re.fullmatch(r"[XYZ]\d{7}[A-Z]", c):
        return False
    n = int("XYZ".index(c[0]).__str__() + c[1:8])
    return DNI_LETTERS[n % 23] == c[8]


CURP_ALPHA = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ"
CURP_STATES = set("AS BC BS CC CS CH CL CM DF DG GT GR HG JC MC MN MS NT NL OC PL QT QR SP SL SR TC TS TL VZ YN ZS NE".split())


def curp_ok(s):
    c = s.strip().upper()
    if not re.fullmatch(r"[A-Z]{4}\d{6}[HM][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[0-9A-Z]\d", c):
        return False
    if c[11:13] not in CURP_STATES:
        return False
    total = sum(CURP_ALPHA.index(ch) * (18 - i) for i, ch in enumerate(c[:17]))
    return str((10 - total % 10) % 10) == c[17]


def rut_ok(s):
    c = compact(s)
    if not re.fullmatch(r"\d{7,8}[\dK]", c):
        return False
    body, dv = c[:-1], c[-1]
    total, f = 0, 2
    for ch in reversed(body):
        total += int(ch) * f
        f = 2 if f == 7 else f + 1
    r = 11 - total % 11
    exp = "0" if r == 11 else "K" if r == 10 else str(r)
    return exp == dv


def ec_ci_ok(s):
    c = digits(s)
    if len(c) != 10:
        return False
    prov = int(c[:2])
    if not (1 <= prov <= 24 or prov == 30) or int(c[2]) >= 6:
        return False
    total = 0
    for i in range(9):
        d = int(c[i]) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return (10 - total % 10) % 10 == int(c[9])


def cpf_ok(s):
    c = digits(s)
    if len(c) != 11 or len(set(c)) == 1:
        return False
    for n in (9, 10):
        t = sum(int(c[i]) * (n + 1 - i) for i in range(n))
        if (t * 10 % 11) % 10 != int(c[n]):
            return False
    return True


def nhs_ok(s):
    c = digits(s)
    if len(c) != 10:
        return False
    t = sum(int(c[i]) * (10 - i) for i in range(9))
    chk = 11 - t % 11
    chk = 0 if chk == 11 else chk
    return chk != 10 and chk == int(c[9])


def iban_ok(s):
    c = re.sub(r"\s|-", "", s).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", c):
        return False
    lengths = {"ES": 24, "GB": 22, "IE": 22, "PT": 25, "CR": 22, "DO": 28,
               "GT": 28, "SV": 28, "BR": 29, "FR": 27, "DE": 22, "IT": 27}
    if c[:2] in lengths and len(c) != lengths[c[:2]]:
        return False
    r = c[4:] + c[:4]
    num = "".join(str(int(ch, 36)) for ch in r)
    if int(num) % 97 != 1:
        return False
    if c[:2] == "ES":  # CCC internal check digits
        b = c[4:]
        w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]

        def dc(x):
            v = 11 - sum(int(d) * w[i] for i, d in enumerate(x)) % 11
            return {10: 1, 11: 0}.get(v, v)
        if dc("00" + b[0:8]) != int(b[8]) or dc(b[10:20]) != int(b[9]):
            return False
    return True


def clabe_ok(s):
    c = digits(s)
    if len(c) != 18:
        return False
    w = [3, 7, 1]
    t = sum((int(c[i]) * w[i % 3]) % 10 for i in range(17))
    return (10 - t % 10) % 10 == int(c[17])


def ssn_us_ok(s):
    c = digits(s)
    if len(c) != 9:
        return False
    a, g, n = c[:3], c[3:5], c[5:]
    if a in ("000", "666") or a[0] == "9" or g == "00" or n == "0000":
        return False
    return c not in ("078051120", "219099999", "123456789")


def nino_ok(s):
    c = compact(s)
    if not re.fullmatch(r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]", c):
        return False
    return c[:2] not in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def nuss_ok(s):
    c = digits(s)
    if len(c) != 12:
        return False
    prov, num, ctl = int(c[:2]), int(c[2:10]), int(c[10:])
    base = prov * 10**8 + num if num >= 10**7 else prov * 10**7 + num
    alt = int(c[:10])
    return ctl == base % 97 or ctl == alt % 97


def nss_mx_ok(s):
    c = digits(s)
    return len(c) == 11 and luhn_ok(c)


def uy_ci_ok(s):
    d = digits(s).zfill(8)
    if len(d) != 8:
        return False
    w = [2, 9, 8, 7, 6, 3, 4]
    return (10 - sum(int(x) * w[i] for i, x in enumerate(d[:7])) % 10) % 10 == int(d[7])


GT_MUNIS = [17, 8, 16, 16, 13, 14, 19, 8, 24, 21, 9, 30, 32, 21, 8, 17, 14, 5, 11, 11, 7, 17]


def gt_cui_ok(s):
    d = digits(s)
    if len(d) != 13:
        return False
    t = sum(int(d[i]) * (i + 2) for i in range(8))
    dep, mun = int(d[9:11]), int(d[11:13])
    return t % 11 == int(d[8]) and 1 <= dep <= 22 and 1 <= mun <= GT_MUNIS[dep - 1]


def sv_dui_ok(s):
    d = digits(s)
    if len(d) != 9:
        return False
    t = sum(int(d[i]) * (9 - i) for i in range(8))
    return (10 - t % 10) % 10 == int(d[8])


def latam_id_error(var, val, c):
    """Variety-specific national-id checks. Returns an error string, None (valid),
    or False (no specific rule: fall through to the generic checks)."""
    v = val.strip()
    if var == "es-AR":
        if re.fullmatch(r"\d{2}-?\d{7,8}-?\d", v):  # CUIL / CUIT
            ok = HAVE_STDNUM and stdnum.ar.cuit.is_valid(v)
            return None if ok else "bad CUIL/CUIT"
        if re.fullmatch(r"\d{1,2}\.?\d{3}\.?\d{3}", v):
            return None
        return "unrecognised AR id"
    if var == "es-UY":
        if re.fullmatch(r"\d\.?\d{3}\.?\d{3}-?\d", v):
            return None if uy_ci_ok(v) else "bad UY CI check digit"
        return "unrecognised UY id"
    if var == "es-SV":
        if re.fullmatch(r"\d{8}-?\d", v):
            return None if sv_dui_ok(v) else "bad SV DUI check digit"
        return "unrecognised SV id"
    if var == "es-GT":
        if len(digits(v)) == 13 and re.fullmatch(r"[\d \-]+", v):
            return None if gt_cui_ok(v) else "bad GT DPI/CUI"
        return "unrecognised GT id"
    if var == "es-DO":
        if re.fullmatch(r"\d{3}-?\d{7}-?\d", v):
            ok = HAVE_STDNUM and stdnum.do.cedula.is_valid(v)
            return None if ok else "bad DO cedula"
        return "unrecognised DO id"
    if var == "es-PE":
        if re.fullmatch(r"(10|15|17|20)\d{9}", v):  # RUC
            ok = HAVE_STDNUM and stdnum.pe.ruc.is_valid(v)
            return None if ok else "bad RUC"
        if re.fullmatch(r"\d{8}", v):
            return None
        return "unrecognised PE id"
    if var == "es-VE":
        if re.fullmatch(r"[VEJPG]-?\d{8}-?\d", v.upper()):  # RIF
            ok = HAVE_STDNUM and stdnum.ve.rif.is_valid(v)
            return None if ok else "bad RIF"
        if re.fullmatch(r"([VE]-? ?)?\d{1,2}\.?\d{3}\.?\d{3}", v, re.I):
            return None
        return "unrecognised VE id"
    if var == "es-CR":
        if re.fullmatch(r"[1-9]-?\d{4}-?\d{4}", v) or re.fullmatch(r"0?[1-9]\d{8}", v):
            return None
        return "unrecognised CR id"
    if var == "es-PA":
        if re.fullmatch(r"(\d{1,2}|PE|E|N|\d{1,2}PI|\d{1,2}AV)-\d{1,4}-\d{1,6}", v):
            return None
        return "unrecognised PA id"
    if var == "es-HN":
        if re.fullmatch(r"\d{4}-?\d{4}-?\d{5}", v):
            return None
        return "unrecognised HN id"
    if var == "es-CO":
        if re.fullmatch(r"\d{1,3}(\.\d{3}){1,3}|\d{6,10}", v):
            return None
        return "unrecognised CO id"
    if var == "es-CL":
        if re.fullmatch(r"\d{1,2}\.?\d{3}\.?\d{3}-?[\dkK]", v):
            ok = rut_ok(v) and (not HAVE_STDNUM or stdnum.cl.rut.is_valid(v))
            return None if ok else "bad RUT check digit"
        return "unrecognised CL id"
    if var == "es-EC":
        if re.fullmatch(r"\d{9}-?\d", v):
            ok = ec_ci_ok(v) and (not HAVE_STDNUM or stdnum.ec.ci.is_valid(digits(v)))
            return None if ok else "bad Ecuadorian cedula"
        if re.fullmatch(r"\d{10}001", v):  # RUC persona natural
            return None if ec_ci_ok(v[:10]) else "bad EC RUC"
        return "unrecognised EC id"
    if var == "es-MX":
        if re.fullmatch(r"[A-Z]{4}\d{6}[HM][A-Z0-9]{7}", c):
            return False  # CURP: generic check below
        if re.fullmatch(r"[A-ZÑ&]{4}\d{6}[A-Z0-9]{3}", c):  # RFC persona fisica
            return None
        if re.fullmatch(r"[A-Z]{6}\d{8}[HM]\d{3}", c):  # INE clave de elector
            return None
        return "unrecognised MX id"
    return False


CUE_ACCOUNT = re.compile(r"(cuenta|account|sort code|cta\.?|ahorros?|corriente|CCI|CBU|nro\.? de cuenta|No\. de cuenta|vista|RUT)", re.I)
OBF_EMAIL = re.compile(r"[\w.\-]+( ?(punto|\.) ?[\w\-]+)* ?(arroba|\(at\)|\[at\]|\(arroba\)) ?[\w\-]+( ?(punto|\.|\(punto\)) ?(com|net|org|es|mx|co|ar|cl|pe|ve|ec|uy|edu))+", re.I)


# ------------------------------------------------------------- per-kind check
def check_span(kind, val, rec, start):
    """Return an error string or None."""
    var = rec["variety"]
    text = rec["text"]
    before = text[max(0, start - 40):start]
    if kind == "national_id":
        c = compact(val)
        err = latam_id_error(var, val, c)
        if err is not False:
            return err
        if re.fullmatch(r"[XYZ]\d{7}[A-Z]", c):
            ok = nie_ok(val)
            if ok and HAVE_STDNUM:
                ok = stdnum.es.nie.is_valid(c)
            return None if ok else "bad NIE check letter"
        if re.fullmatch(r"\d{8}[A-Z]", c):
            ok = dni_ok(val)
            if ok and HAVE_STDNUM:
                ok = stdnum.es.dni.is_valid(c)
            return None if ok else "bad DNI check letter"
        if re.fullmatch(r"[A-Z]{4}\d{6}[HM][A-Z0-9]{7}", c):
            ok = curp_ok(val)
            if ok and HAVE_STDNUM:
                ok = stdnum.mx.curp.is_valid(c)
            return None if ok else "bad CURP"
        if re.fullmatch(r"\d{1,2}\.?\d{3}\.?\d{3}-[\dkK]", val.strip()):
            ok = rut_ok(val)
            if ok and HAVE_STDNUM:
                ok = stdnum.cl.rut.is_valid(val)
            return None if ok else "bad RUT check digit"
        if re.fullmatch(r"\d{3}\.\d{3}\.\d{3}-\d{2}", val) or (var == "pt-BR" and len(digits(val)) == 11):
            ok = cpf_ok(val)
            if ok and HAVE_STDNUM:
                ok = stdnum.br.cpf.is_valid(val)
            return None if ok else "bad CPF"
        if var == "es-EC" and re.fullmatch(r"\d{9}-?\d", val):
            ok = ec_ci_ok(val)
            if ok and HAVE_STDNUM:
                ok = stdnum.ec.ci.is_valid(digits(val))
            return None if ok else "bad Ecuadorian cedula"
        if not re.search(r"\d{6}", digits(val)):
            return "national_id without digits"
        return None
    if kind == "social_security":
        c = compact(val)
        if re.fullmatch(r"\d{3}-\d{2}-\d{4}", val) or (var == "en-US" and len(digits(val)) == 9):
            ok = ssn_us_ok(val)
            if ok and HAVE_STDNUM:
                ok = stdnum.us.ssn.is_valid(val)
            return None if ok else "bad US SSN"
        if re.fullmatch(r"[A-Z]{2}\d{6}[A-Z]", c):
            return None if nino_ok(val) else "bad UK NINO"
        d = digits(val)
        if len(d) == 12:
            return None if nuss_ok(val) else "bad Spanish NUSS control"
        if len(d) == 11:
            return None if nss_mx_ok(val) else "bad Mexican NSS check digit"
        return "unrecognised social security format"
    if kind == "bank_account":
        d = digits(val)
        if not re.fullmatch(r"[A-Za-z]{2}\d{2}[A-Za-z0-9 \-]+|[\d \-]+", val.strip()):
            return "bank account format"
        if var == "es-AR" and len(d) == 22:
            ok = HAVE_STDNUM and stdnum.ar.cbu.is_valid(d)
            return None if ok else "bad CBU"
        if var == "es-PE" and len(d) == 20 and re.search(r"CCI", before, re.I):
            return None
        if var != "es-MX" and not re.match(r"[A-Za-z]{2}\d{2}", val.strip()) and 8 <= len(d) <= 20:
            return None if CUE_ACCOUNT.search(before) else "account number without a cue word"
        if re.match(r"[A-Za-z]{2}\d{2}", val.strip()):
            ok = iban_ok(val)
            if ok and HAVE_STDNUM:
                ok = stdnum.iban.is_valid(val)
            return None if ok else "bad IBAN"
        if len(digits(val)) == 18:
            return None if clabe_ok(val) else "bad CLABE"
        return "unrecognised bank account format"
    if kind == "card":
        d = digits(val)
        if not re.fullmatch(r"[\d \-]+", val) or not 13 <= len(d) <= 19:
            return "card format"
        return None if luhn_ok(d) else "card fails Luhn"
    if kind == "medical_record":
        if re.search(r"(SUS|CNS)\W*$", before) and len(digits(val)) == 15:
            d = digits(val)
            return None if sum(int(d[i]) * (15 - i) for i in range(15)) % 11 == 0 else "bad CNS"
        if var in ("en-GB", "mixed") and re.search(r"NHS", before, re.I) and len(digits(val)) == 10 \
                and re.fullmatch(r"[\d ]+", val):
            ok = nhs_ok(val)
            if ok and HAVE_STDNUM:
                ok = stdnum.gb.nhs.is_valid(digits(val))
            return None if ok else "bad NHS number"
        if not re.search(r"\d", val):
            return "medical record without digits"
        return None
    if kind == "email":
        if re.fullmatch(r"[\w.+\-]+@[\w\-]+(\.[\w\-]+)+", val):
            return None
        return None if OBF_EMAIL.fullmatch(val) else "bad email"
    if kind == "phone":
        n = len(digits(val))
        return None if 7 <= n <= 15 else "phone digit count"
    if kind == "handle":
        if not re.fullmatch(r"@[A-Za-z0-9_.]{2,30}", val):
            return "bad handle"
        return "organisation handle labelled" if val.lower() in ORG_HANDLES else None
    if kind == "profile_url":
        ok = re.search(r"(facebook\.com|fb\.com|instagram\.com|x\.com|twitter\.com|tiktok\.com/@|linkedin\.com/in/)", val)
        return None if ok else "not a profile url"
    if kind == "passport":
        return None if re.fullmatch(r"[A-Z0-9]{6,10}", compact(val)) else "passport format"
    if kind == "date_of_birth":
        return None if re.search(r"\d", val) else "dob without digits"
    if kind in ("address", "person_name"):
        return None if len(val.strip()) >= 4 and val == val.strip() else "too short / untrimmed"
    return "unknown kind"


PHONE_REGION = {"es-ES": "ES", "es-MX": "MX", "es-CO": "CO", "es-AR": "AR", "es-CL": "CL",
                "es-PE": "PE", "es-VE": "VE", "es-EC": "EC", "es-CR": "CR", "es-GT": "GT",
                "es-SV": "SV", "es-HN": "HN", "es-PA": "PA", "es-DO": "DO", "es-UY": "UY",
                "en-GB": "GB", "en-US": "US", "en-IE": "IE", "pt-BR": "BR", "mixed": "ES"}


def main():
    errors, warnings = [], []
    recs = []
    parts = [DATA] if DATA.exists() else []  # this part only
    if not parts:
        print("no messages*.jsonl")
        return 1
    for part in parts:
        with part.open(encoding="utf-8") as fh:
            for ln, line in enumerate(fh, 1):
                if not line.strip():
                    errors.append(f"{part.name} line {ln}: blank line")
                    continue
                try:
                    recs.append(json.loads(line))
                except json.JSONDecodeError as e:
                    errors.append(f"{part.name} line {ln}: bad json {e}")
    seen_ids = set()
    texts = Counter()
    kinds = Counter()
    varieties = Counter()
    channels = Counter()
    kind_by_var = Counter()
    no_pii = no_pii_look = 0
    for i, r in enumerate(recs, 1):
        rid = r.get("id")
        where = f"{rid or '#'+str(i)}"
        if set(r) != FIELDS:
            errors.append(f"{where}: fields {sorted(r)}")
            continue
        if rid != f"p{5000 + i}":
            errors.append(f"{where}: ids must run p5001, p5002, ... in order (expected p{5000 + i})")
        seen_ids.add(rid)
        if r["variety"] not in VARIETIES:
            errors.append(f"{where}: variety {r['variety']}")
        if r["channel"] not in CHANNELS:
            errors.append(f"{where}: channel {r['channel']}")
        t = r["text"]
        if not isinstance(t, str) or not t.strip():
            errors.append(f"{where}: empty text")
            continue
        texts[t] += 1
        varieties[r["variety"]] += 1
        channels[r["channel"]] += 1
        spans = []
        for s in r["pii"]:
            if set(s) != SPAN_FIELDS:
                errors.append(f"{where}: span fields {sorted(s)}")
                continue
            k, v, st = s["kind"], s["text"], s["start"]
            if k not in KINDS:
                errors.append(f"{where}: kind {k}")
                continue
            if not isinstance(st, int) or t[st:st + len(v)] != v or not v:
                errors.append(f"{where}: span mismatch {k} {v!r} @ {st}")
                continue
            err = check_span(k, v, r, st)
            if err:
                errors.append(f"{where}: {k} {v!r}: {err}")
            if k == "phone" and HAVE_PHN:
                try:
                    region = PHONE_REGION[r["variety"]]
                    pn = phonenumbers.parse(v, region)
                    if not phonenumbers.is_possible_number(pn):
                        warnings.append(f"{where}: phone {v!r} not possible for {region} (phonenumbers)")
                except Exception as e:
                    warnings.append(f"{where}: phone {v!r} unparsable ({e})")
            spans.append((st, st + len(v), k, v))
            kinds[k] += 1
            kind_by_var[(k, r["variety"])] += 1
        spans.sort()
        for a, b in zip(spans, spans[1:]):
            if b[0] < a[1]:
                errors.append(f"{where}: overlapping spans {a[3]!r} / {b[3]!r}")
        if not r["pii"]:
            no_pii += 1
            if re.search(r"[\d@#€$%]", t):
                no_pii_look += 1
    for t, n in texts.items():
        if n > 1:
            errors.append(f"duplicate text x{n}: {t[:60]!r}")

    total_spans = sum(kinds.values())
    cc = sum(varieties[v] for v in CENTRAL_CARIB)

    print(f"messages: {len(recs)}   spans: {total_spans}   messages without PII: {no_pii} "
          f"(with look-alike digits/@/#/currency: {no_pii_look})")
    print(f"stdnum cross-check: {'on' if HAVE_STDNUM else 'off'}   phonenumbers: {'on' if HAVE_PHN else 'off'}")
    print("\nspans per kind:")
    for k in KINDS:
        print(f"  {k:16s} {kinds[k]:4d}")
    print("\nmessages per variety:")
    for v in sorted(VARIETIES):
        print(f"  {v:7s} {varieties[v]:4d}")
    print(f"  Central America + DO + UY: {cc}")
    print("\nmessages per channel: " + ", ".join(f"{c} {channels[c]}" for c in sorted(CHANNELS)))

    short = []
    m = MINIMUMS
    if len(recs) < m["messages"]: short.append(f"messages {len(recs)} < {m['messages']}")
    for v in CORE_LATAM:
        if varieties[v] < m["each_core_latam"]: short.append(f"{v} {varieties[v]} < {m['each_core_latam']}")
    if cc < m["central_carib_do_uy"]: short.append(f"Central America+DO+UY {cc} < {m['central_carib_do_uy']}")
    if total_spans < m["spans"]: short.append(f"spans {total_spans} < {m['spans']}")
    for k in KINDS:
        if kinds[k] < m["each_kind"]: short.append(f"kind {k} {kinds[k]} < {m['each_kind']}")
    for k in ("address", "medical_record"):
        if kinds[k] < m[k]: short.append(f"kind {k} {kinds[k]} < {m[k]}")
    if varieties["es-ES"] < m["es-ES"]: short.append("es-ES short")
    if sum(varieties[v] for v in LATAM) < m["latam"]: short.append("latam short")
    for v in LATAM:
        if varieties[v] < 1: short.append(f"{v} missing")
    if sum(varieties[v] for v in ENGLISH) < m["english"]: short.append("english short")
    if varieties["pt-BR"] < m["pt-BR"]: short.append("pt-BR short")
    if no_pii_look < m["no_pii_with_lookalikes"]:
        short.append(f"no-PII look-alike messages {no_pii_look} < {m['no_pii_with_lookalikes']}")

    if warnings:
        print(f"\nwarnings ({len(warnings)}):")
        for w in warnings:
            print("  " + w)
    if errors:
        print(f"\nERRORS ({len(errors)}):")
        for e in errors:
            print("  " + e)
    if short:
        print("\nbelow minimum:")
        for s in short:
            print("  " + s)
    if not errors and not short:
        print("\nOK: all records valid, all minimums met")
    return 1 if errors or short else 0


if __name__ == "__main__":
    sys.exit(main())
