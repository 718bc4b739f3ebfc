import json
from collections import Counter
from pathlib import Path
recs = [json.loads(l) for l in open(Path(__file__).resolve().parent.parent / "messages.jsonl", encoding="utf-8")]
G = lambda v: "es-ES" if v == "es-ES" else "English" if v.startswith("en") else "pt-BR" if v == "pt-BR" else "LatAm"
kinds, kg, vm, vs, vn, ch = Counter(), Counter(), Counter(), Counter(), Counter(), Counter()
for r in recs:
    vm[r["variety"]] += 1; vs[r["variety"]] += len(r["pii"]); vn[r["variety"]] += not r["pii"]; ch[r["channel"]] += 1
    for s in r["pii"]: kinds[s["kind"]] += 1; kg[(s["kind"], G(r["variety"]))] += 1
gs = ["es-ES", "LatAm", "English", "pt-BR"]
print("| kind | total | " + " | ".join(gs) + " |\n|---|---:|" + "---:|" * len(gs))
for k, n in kinds.most_common(): print(f"| {k} | {n} | " + " | ".join(str(kg[(k, g)]) for g in gs) + " |")
print(f"| **total** | **{sum(kinds.values())}** | |||\n\n| variety | messages | spans | no-PII |\n|---|---:|---:|---:|")
for v in sorted(vm): print(f"| {v} | {vm[v]} | {vs[v]} | {vn[v]} |")
print(f"\nmessages {len(recs)}, no-PII {sum(vn.values())}; channels: " + ", ".join(f"{c} {n}" for c, n in ch.most_common()))
