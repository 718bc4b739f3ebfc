import sys
sys.path.insert(0, '.')
from check import CURP_ALPHA, curp_ok
import stdnum.mx.curp
for b in sys.argv[1:]:
    t = sum(CURP_ALPHA.index(ch) * (18 - i) for i, ch in enumerate(b[:17]))
    c = b[:17] + str((10 - t % 10) % 10)
    print(c, curp_ok(c), stdnum.mx.curp.is_valid(c))
