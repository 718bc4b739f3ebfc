"""heldout es_en part: print pools of check-digit-valid invented identifiers (seeded).
usage: .venv/bin/python tools/es_en_gen.py [seed]"""
import random, sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from check_es_en import (DNI_LETTERS, luhn_ok, nie_ok, iban_ok, nuss_ok, nhs_ok,
                         ssn_us_ok, nino_ok, cpf_ok)
import stdnum.iban, stdnum.es.ccc, stdnum.br.cpf, stdnum.ie.pps, stdnum.us.ssn
R = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 4001)
dg = lambda n: "".join(str(R.randint(0, 9)) for _ in range(n))
out = {}
out['dni'] = [f"{n:08d}{DNI_LETTERS[n % 23]}" for n in (R.randint(1000000, 79999999) for _ in range(24))]
out['nie'] = []
for _ in range(8):
    pre = R.choice("XYZ"); n = R.randint(1000000, 9999999)
    v = f"{pre}{n}{DNI_LETTERS[int(str('XYZ'.index(pre)) + str(n)) % 23]}"
    assert nie_ok(v); out['nie'].append(v)
nuss = []
for _ in range(12):
    prov = R.randint(1, 52); num = R.randint(10000000, 99999999)
    first10 = f"{prov:02d}{num}"
    v = f"{first10}{int(first10) % 97:02d}"
    assert nuss_ok(v); nuss.append(v)
out['nuss'] = nuss
def ib(cc, bban):
    x = cc + stdnum.iban.calc_check_digits(cc + '00' + bban) + bban
    assert iban_ok(x), x
    return ' '.join(x[i:i + 4] for i in range(0, len(x), 4))
es, ccc = [], []
for _ in range(14):
    bank = R.choice(['2100', '0049', '0182', '0081', '2038', '0128', '3058', '2085', '0075', '1465', '0030', '2095', '0238', '3035'])
    br = dg(4); acc = dg(10)
    dc = stdnum.es.ccc.calc_check_digits(bank + br + '00' + acc)
    es.append(ib('ES', bank + br + dc + acc))
    ccc.append(f"{bank} {br} {dc} {acc}")
out['iban_es'] = es[:10]
out['ccc'] = ccc[10:]
out['iban_gb'] = [ib('GB', R.choice(['NWBK', 'BARC', 'LOYD', 'HBUK', 'MIDL']) + dg(14)) for _ in range(3)]
out['iban_ie'] = [ib('IE', R.choice(['AIBK', 'BOFI', 'IPBS']) + dg(14)) for _ in range(2)]
out['iban_pt'] = [ib('PT', dg(21)) for _ in range(2)]
out['iban_br'] = [ib('BR', dg(23) + 'P1') for _ in range(2)]
def luhn_complete(p):
    for d in "0123456789":
        if luhn_ok(p + d): return p + d
cards = [luhn_complete(pre + dg(ln - len(pre) - 1)) for pre, ln in
         [('4', 16)] * 8 + [('5' + str(R.randint(1, 5)), 16) for _ in range(6)] + [('37', 15), ('34', 15), ('2221', 16)]]
out['card'] = cards
nhs = []
while len(nhs) < 8:
    b = str(R.randint(400000000, 999999999))
    for c in "0123456789":
        if nhs_ok(b + c): nhs.append(f"{b[:3]} {b[3:6]} {b[6:]}{c}"); break
out['nhs'] = nhs
ssn = []
while len(ssn) < 6:
    s = f"{R.randint(1, 899):03d}-{R.randint(1, 99):02d}-{R.randint(1, 9999):04d}"
    if ssn_us_ok(s) and stdnum.us.ssn.is_valid(s): ssn.append(s)
out['ssn'] = ssn
ni = []
while len(ni) < 5:
    s = R.choice("ABCEGHJKLMNOPRSTWXYZ") + R.choice("ABCEGHJKLMNPRSTWXYZ") + dg(6) + R.choice("ABCD")
    if nino_ok(s): ni.append(s)
out['nino'] = ni
cpfs = []
for _ in range(6):
    b = dg(9); c = b + stdnum.br.cpf._calc_check_digits(b)
    assert cpf_ok(c); cpfs.append(f"{c[:3]}.{c[3:6]}.{c[6:9]}-{c[9:]}")
out['cpf'] = cpfs
pps = []
for _ in range(4):
    b = dg(7)
    ok = [b + c for c in "ABCDEFGHIJKLMNOPQRSTUVW" if stdnum.ie.pps.is_valid(b + c)]
    pps.append(ok[0])
out['pps'] = pps
for k, v in out.items():
    print(k, v)
