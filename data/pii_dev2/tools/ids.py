"""Deterministic helpers that complete check digits for invented identifiers."""
L = "TRWAGMYFPDXBNJZSQVHLCKE"
def dni(n): return f"{n:08d}{L[n % 23]}"
def nie(p, n): return f"{p}{n:07d}{L[int(str('XYZ'.index(p)) + f'{n:07d}') % 23]}"
def nuss(prov, num, sep="/"):
    return f"{prov:02d}{sep}{num:08d}{sep}{int(f'{prov:02d}{num:08d}') % 97:02d}"
def _luhn_digit(body):
    t = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d = d - 9 if d > 9 else d
        t += d
    return str((10 - t % 10) % 10)
def card(body15, sep=" "):
    c = body15 + _luhn_digit(body15)
    return sep.join(c[i:i+4] for i in range(0, 16, 4)) if sep is not None else c
def nss_mx(body10): return body10 + _luhn_digit(body10)
def _iban(cc, bban):
    num = "".join(str(int(ch, 36)) for ch in bban + cc + "00")
    return f"{cc}{98 - int(num) % 97:02d}{bban}"
def _ccc_dc(x):
    w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    v = 11 - sum(int(d) * w[i] for i, d in enumerate(x)) % 11
    return {10: 1, 11: 0}.get(v, v)
def iban_es(bank, branch, acct, spaced=True):
    b = f"{bank}{branch}{_ccc_dc('00'+bank+branch)}{_ccc_dc(acct)}{acct}"
    s = _iban("ES", b)
    return " ".join(s[i:i+4] for i in range(0, 24, 4)) if spaced else s
def iban(cc, bban, spaced=True):
    s = _iban(cc, bban)
    return " ".join(s[i:i+4] for i in range(0, len(s), 4)) if spaced else s
def nhs(nine):
    for k in range(1000):
        n = f"{int(nine) + k:09d}"
        t = sum(int(n[i]) * (10 - i) for i in range(9)); c = 11 - t % 11; c = 0 if c == 11 else c
        if c != 10:
            s = n + str(c); return f"{s[:3]} {s[3:6]} {s[6:]}"
def rut(body, dots=True):
    t, f = 0, 2
    for ch in reversed(str(body)):
        t += int(ch) * f; f = 2 if f == 7 else f + 1
    r = 11 - t % 11; dv = "0" if r == 11 else "K" if r == 10 else str(r)
    b = f"{body:,}".replace(",", ".") if dots else str(body)
    return f"{b}-{dv}"
def ec_ci(nine):
    t = 0
    for i in range(9):
        d = int(nine[i]) * (2 if i % 2 == 0 else 1); t += d - 9 if d > 9 else d
    return nine + str((10 - t % 10) % 10)
def cpf(nine):
    c = nine
    for n in (9, 10):
        t = sum(int(c[i]) * (n + 1 - i) for i in range(n)); c += str((t * 10 % 11) % 10)
    return f"{c[:3]}.{c[3:6]}.{c[6:9]}-{c[9:]}"
def cns(fourteen_prefix13):
    """13 given digits + 2 completed so that weighted sum (15..1) % 11 == 0."""
    for k in range(100):
        d = fourteen_prefix13 + f"{k:02d}"
        if sum(int(d[i]) * (15 - i) for i in range(15)) % 11 == 0:
            return f"{d[:3]} {d[3:7]} {d[7:11]} {d[11:]}"
def clabe(b17):
    w = [3, 7, 1]; t = sum((int(b17[i]) * w[i % 3]) % 10 for i in range(17))
    return b17 + str((10 - t % 10) % 10)
def curp(c17):
    A = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ"
    t = sum(A.index(ch) * (18 - i) for i, ch in enumerate(c17))
    return c17 + str((10 - t % 10) % 10)
def do_ced(ten):
    return f"{ten[:3]}-{ten[3:]}-{_luhn_digit(ten)}"
