"""Print pools of check-digit-valid identifiers to copy by hand into messages."""
import random, sys
sys.path.insert(0, '..'); sys.path.insert(0, '.')
from check import *
import stdnum.mx.curp, stdnum.cl.rut, stdnum.br.cpf, stdnum.gb.nhs, stdnum.iban, stdnum.es.ccc
R = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
def luhn_complete(p):
    for d in "0123456789":
        if luhn_ok(p + d): return p + d
out = {}
out['dni'] = [f"{n}{DNI_LETTERS[n%23]}" for n in (R.randint(10000000, 79999999) for _ in range(14))]
out['nie'] = []
for _ in range(8):
    pre = R.choice("XYZ"); n = R.randint(1000000, 9999999)
    out['nie'].append(f"{pre}{n}{DNI_LETTERS[int(str('XYZ'.index(pre))+str(n))%23]}")
ruts = []
for _ in range(14):
    b = str(R.randint(5000000, 26000000)); dv = stdnum.cl.rut.calc_check_digit(b)
    ruts.append(f"{int(b):,}".replace(',', '.') + '-' + dv)
out['rut'] = ruts
ec = []
while len(ec) < 14:
    p = f"{R.choice([1,9,17,13,11,7,10,18,23,1,17,9]):02d}{R.randint(0,5)}" + "".join(str(R.randint(0,9)) for _ in range(6))
    for d in "0123456789":
        if ec_ci_ok(p + d): ec.append(p + d); break
out['ec_ci'] = ec
cpfs = []
for _ in range(10):
    b = "".join(str(R.randint(0,9)) for _ in range(9)); c = b + stdnum.br.cpf._calc_check_digits(b)
    cpfs.append(f"{c[:3]}.{c[3:6]}.{c[6:9]}-{c[9:]}")
out['cpf'] = cpfs
nhs = []
while len(nhs) < 12:
    b = str(R.randint(400000000, 999999999))
    for c in "0123456789":
        if nhs_ok(b + c): nhs.append(f"{b[:3]} {b[3:6]} {b[6:]}{c}"); break
out['nhs'] = nhs
ccc = []
for _ in range(12):
    bank = R.choice(['2100','0049','0182','0081','2038','0128','3058','2085','0075','1465'])
    br = f"{R.randint(0,9999):04d}"; acc = f"{R.randint(0,9999999999):010d}"
    dc = stdnum.es.ccc.calc_check_digits(bank+br+'00'+acc)
    num = bank+br+dc+acc; ib = 'ES' + stdnum.iban.calc_check_digits('ES00'+num) + num
    ccc.append(' '.join(ib[i:i+4] for i in range(0, len(ib), 4)))
out['iban_es'] = ccc
def iban(cc, bban):
    ib = cc + stdnum.iban.calc_check_digits(cc + '00' + bban) + bban
    assert iban_ok(ib), ib
    return ' '.join(ib[i:i+4] for i in range(0, len(ib), 4))
dg = lambda n: "".join(str(R.randint(0,9)) for _ in range(n))
out['iban_other'] = [iban('GB', R.choice(['NWBK','BARC','LOYD','HBUK','MIDL'])+dg(14)) for _ in range(5)] + \
    [iban('IE', R.choice(['AIBK','BOFI','IPBS'])+dg(14)) for _ in range(4)] + \
    [iban('CR', '0'+dg(17)) for _ in range(4)] + [iban('DO', R.choice(['BAGR','BPDO','BRRD'])+dg(20)) for _ in range(3)] + \
    [iban('GT', R.choice(['TRAJ','AGRO','BINL'])+dg(20)) for _ in range(3)] + [iban('SV', R.choice(['CENR','BAMC'])+dg(20)) for _ in range(2)] + \
    [iban('PT', dg(21)) for _ in range(2)] + [iban('BR', dg(23)+'P1') for _ in range(2)]
cl = []
for _ in range(8):
    p = R.choice(['002','012','014','021','030','036','044','072','127','137']) + dg(14)
    for d in "0123456789":
        if clabe_ok(p+d): cl.append(p+d); break
out['clabe'] = cl
cards = []
for pre, ln in [('4',16)]*8 + [('5'+str(R.randint(1,5)),16) for _ in range(6)] + [('37',15),('34',15),('4',13),('6011',16),('4',19),('2221',16)]:
    cards.append(luhn_complete(pre + dg(ln - len(pre) - 1)))
out['card'] = cards
nss = [luhn_complete(dg(10)) for _ in range(8)]
out['nss_mx'] = nss
nuss = []
for _ in range(12):
    prov = R.randint(1, 52); num = R.randint(10000000, 99999999)
    ctl = (prov*10**8 + num) % 97
    nuss.append(f"{prov:02d}/{num}/{ctl:02d}")
out['nuss'] = nuss
ssn = []
while len(ssn) < 10:
    s = f"{R.randint(1,899):03d}-{R.randint(1,99):02d}-{R.randint(1,9999):04d}"
    if ssn_us_ok(s) and stdnum.us.ssn.is_valid(s): ssn.append(s)
out['ssn'] = ssn
ni = []
while len(ni) < 8:
    s = R.choice("ABCEGHJKLMNOPRSTWXYZ") + R.choice("ABCEGHJKLMNPRSTWXYZ") + dg(6) + R.choice("ABCD")
    if nino_ok(s): ni.append(s)
out['nino'] = ni
for k, v in out.items(): print(k, v)
