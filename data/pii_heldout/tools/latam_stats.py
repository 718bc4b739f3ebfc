"""Counts for data/pii_heldout/messages_latam.jsonl only."""
import json, os
from collections import Counter
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
recs = [json.loads(l) for l in open(os.path.join(ROOT, "messages_latam.jsonl"), encoding="utf-8")]
k, v, sp, np_, ch = Counter(), Counter(), Counter(), Counter(), Counter()
for r in recs:
    v[r["variety"]] += 1
    ch[r["channel"]] += 1
    sp[r["variety"]] += len(r["pii"])
    if not r["pii"]:
        np_[r["variety"]] += 1
    for s in r["pii"]:
        k[s["kind"]] += 1
print(len(recs), "messages", sum(k.values()), "spans", sum(np_.values()), "no-PII")
for kk, n in k.most_common():
    print(f"  {kk:16s} {n}")
print("| variety | messages | spans | no-PII |\n|---|---|---|---|")
for vv in sorted(v):
    print(f"| {vv} | {v[vv]} | {sp[vv]} | {np_[vv]} |")
print("channels:", dict(ch))
