"""Print pools of check-digit-valid Latin American identifiers (held-out latam part, adapted from data/pii_eval/tools/latam_gen.py).
Usage: .venv/bin/python data/pii_heldout/tools/latam_gen.py [seed] > latam_pool.txt"""
import random, sys, os
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from check_latam import luhn_ok, clabe_ok, rut_ok, ec_ci_ok, curp_ok, CURP_ALPHA, iban_ok
import stdnum.cl.rut, stdnum.ar.cuit, stdnum.ar.cbu, stdnum.mx.rfc, stdnum.pe.ruc, stdnum.pe.cui
import stdnum.ve.rif, stdnum.do.cedula, stdnum.iban, stdnum.cr.cpf, stdnum.ec.ci, stdnum.luhn

R = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 3001)
dg = lambda n: "".join(str(R.randint(0, 9)) for _ in range(n))


def luhn_complete(p):
    return p + stdnum.luhn.calc_check_digit(p)


def uy_ci_check(body7):
    w = [2, 9, 8, 7, 6, 3, 4]
    s = sum(int(d) * w[i] for i, d in enumerate(body7))
    return (10 - s % 10) % 10


def uy_ci_ok(s):
    d = "".join(c for c in s if c.isdigit()).zfill(8)
    return uy_ci_check(d[:7]) == int(d[7])


def gt_cui_ok(s):
    d = "".join(c for c in s if c.isdigit())
    if len(d) != 13:
        return False
    t = sum(int(d[i]) * (i + 2) for i in range(8))
    dep, mun = int(d[9:11]), int(d[11:13])
    munis = [17, 8, 16, 16, 13, 14, 19, 8, 24, 21, 9, 30, 32, 21, 8, 17, 14, 5, 11, 11, 7, 17]
    return t % 11 == int(d[8]) and 1 <= dep <= 22 and 1 <= mun <= munis[dep - 1]


def sv_dui_ok(s):
    d = "".join(c for c in s if c.isdigit())
    if len(d) != 9:
        return False
    t = sum(int(d[i]) * (9 - i) for i in range(8))
    return (10 - t % 10) % 10 == int(d[8])


def curp_complete(b17):
    t = sum(CURP_ALPHA.index(ch) * (18 - i) for i, ch in enumerate(b17))
    return b17 + str((10 - t % 10) % 10)


if __name__ == "__main__":
    out = {}
    out["nss_mx"] = [luhn_complete(f"{R.randint(1,96):02d}{R.randint(75,99):02d}{R.randint(40,99):02d}" + dg(4)) for _ in range(18)]
    cl = []
    for _ in range(12):
        p = R.choice(["002", "012", "014", "021", "030", "036", "044", "072", "127", "137"]) + f"{R.choice([180,320,580,650,680,700,744]):03d}" + dg(11)
        for d in "0123456789":
            if clabe_ok(p + d):
                cl.append(p + d)
                break
    out["clabe"] = cl
    cards = []
    for pre in ["4152", "4915", "4213", "5204", "5579", "5491", "4766", "4509", "5256", "4051", "5407", "4931", "4037", "5181", "4110", "5303"]:
        cards.append(luhn_complete(pre + dg(11)))
    out["card16"] = [" ".join(c[i:i+4] for i in range(0, 16, 4)) for c in cards]
    out["amex"] = [luhn_complete("37" + dg(12)) for _ in range(2)]
    ruts = []
    for _ in range(16):
        b = str(R.randint(6000000, 25000000))
        ruts.append(f"{int(b):,}".replace(",", ".") + "-" + stdnum.cl.rut.calc_check_digit(b))
    out["rut"] = ruts
    ec = []
    while len(ec) < 14:
        p = f"{R.choice([1,9,17,13,11,7,10,18,23,6,2,17,9,8]):02d}{R.randint(0,5)}" + dg(6)
        for d in "0123456789":
            if ec_ci_ok(p + d) and stdnum.ec.ci.is_valid(p + d):
                ec.append(p + d)
                break
    out["ec_ci"] = ec
    cuits = []
    for pre in ["20", "27", "23", "20", "27", "27", "20"]:
        dni = str(R.randint(14000000, 45000000))
        b = pre + dni
        try:
            cuits.append(f"{pre}-{dni}-{stdnum.ar.cuit.calc_check_digit(b)}")
        except Exception:
            pass
    out["cuil"] = cuits
    out["dni_ar"] = [f"{R.randint(14000000,46000000):,}".replace(",", ".") for _ in range(8)]
    cbu = []
    for _ in range(4):
        b1 = R.choice(["0110", "0170", "0070", "0140", "0150", "2850"]) + dg(3)
        c1 = stdnum.ar.cbu.calc_check_digit(b1)
        b2 = dg(13)
        c2 = stdnum.ar.cbu.calc_check_digit(b2)
        cbu.append(b1 + c1 + b2 + c2)
    out["cbu_ar"] = cbu
    pe = []
    for _ in range(10):
        d = dg(8)
        pe.append(d + "-" + stdnum.pe.cui.calc_check_digits(d)[0])
    out["dni_pe(+check)"] = pe
    ruc = []
    for _ in range(4):
        b = "10" + dg(8)
        ruc.append(b + stdnum.pe.ruc.calc_check_digit(b))
    out["ruc_pe"] = ruc
    rif = []
    for _ in range(4):
        b = "V" + f"{R.randint(8000000,30000000):08d}"
        rif.append(b + stdnum.ve.rif.calc_check_digit(b))
    out["rif_ve"] = rif
    do = []
    while len(do) < 8:
        b = R.choice(["001", "402", "031", "223", "047", "224"]) + dg(7)
        c = b + stdnum.luhn.calc_check_digit(b)
        if stdnum.do.cedula.is_valid(c):
            do.append(f"{c[:3]}-{c[3:10]}-{c[10]}")
    out["cedula_do"] = do
    cr = []
    for _ in range(8):
        cr.append(f"{R.randint(1,7)}-{R.randint(100,1999):04d}-{R.randint(0,9999):04d}")
    out["cedula_cr"] = cr
    gt = []
    while len(gt) < 8:
        b = dg(8)
        t = sum(int(b[i]) * (i + 2) for i in range(8)) % 11
        if t == 10:
            continue
        dep = R.randint(1, 22)
        munis = [17, 8, 16, 16, 13, 14, 19, 8, 24, 21, 9, 30, 32, 21, 8, 17, 14, 5, 11, 11, 7, 17]
        c = f"{b}{t}{dep:02d}{R.randint(1, munis[dep-1]):02d}"
        assert gt_cui_ok(c)
        gt.append(f"{c[:4]} {c[4:9]} {c[9:]}")
    out["dpi_gt"] = gt
    sv = []
    for _ in range(8):
        b = "0" + dg(7)
        t = sum(int(b[i]) * (9 - i) for i in range(8))
        sv.append(f"{b}-{(10 - t % 10) % 10}")
    out["dui_sv"] = sv
    uy = []
    while len(uy) < 8:
        b = str(R.randint(1000000, 6999999))
        c = b + str(uy_ci_check(b))
        s = f"{c[0]}.{c[1:4]}.{c[4:7]}-{c[7]}"
        if rut_ok(s) and stdnum.cl.rut.is_valid(s):  # check.py treats this shape as a RUT
            uy.append(s)
    out["ci_uy(valid UY and RUT-shape)"] = uy

    def iban(cc, bban):
        ib = cc + stdnum.iban.calc_check_digits(cc + "00" + bban) + bban
        assert iban_ok(ib) and stdnum.iban.is_valid(ib), ib
        return " ".join(ib[i:i+4] for i in range(0, len(ib), 4))
    out["iban"] = [iban("CR", "0" + R.choice(["152", "151", "102"]) + dg(14)) for _ in range(3)] + \
        [iban("DO", R.choice(["BPDO", "BRRD", "BAGR"]) + dg(20)) for _ in range(3)] + \
        [iban("GT", R.choice(["TRAJ", "AGRO", "BINL"]) + dg(20)) for _ in range(2)] + \
        [iban("SV", R.choice(["CENR", "BAMC"]) + dg(20)) for _ in range(2)]
    for k, v in out.items():
        print(k, v)
    # extra pools for this part
    extra = {}
    extra["cuil_more"] = []
    for pre in ["20", "27", "23", "27", "20", "27"]:
        dni = str(R.randint(14000000, 45000000))
        try:
            extra["cuil_more"].append(f"{pre}-{dni}-{stdnum.ar.cuit.calc_check_digit(pre + dni)}")
        except Exception:
            pass
    cb = []
    for _ in range(6):
        b1 = R.choice(["0110", "0170", "0070", "0140", "0150", "2850", "0072", "0285"]) + dg(3)
        b2 = dg(13)
        c = b1 + stdnum.ar.cbu.calc_check_digit(b1) + b2 + stdnum.ar.cbu.calc_check_digit(b2)
        assert stdnum.ar.cbu.is_valid(c)
        cb.append(c)
    extra["cbu_more"] = cb
    extra["nss_more"] = [luhn_complete(f"{R.randint(1,96):02d}{R.randint(70,99):02d}{R.randint(40,99):02d}" + dg(4)) for _ in range(10)]
    extra["cards_more"] = []
    for pre in ["4027", "5470", "4169", "5315", "4557", "5105", "4389", "5289", "4772", "5432"]:
        c = luhn_complete(pre + dg(11))
        extra["cards_more"].append(c)
    cl2 = []
    while len(cl2) < 6:
        p = R.choice(["002", "012", "014", "021", "072", "127", "646"]) + f"{R.choice([180,320,580,650,680,700,744,762]):03d}" + dg(11)
        for d in "0123456789":
            if clabe_ok(p + d):
                cl2.append(p + d)
                break
    extra["clabe_more"] = cl2
    extra["curp_helper"] = "use curp_complete(first17)"
    for k, v in extra.items():
        print(k, v)
