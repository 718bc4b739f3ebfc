"""Counts for messages_latam.jsonl only (kinds, varieties, channels, no-PII look-alikes)."""
import json, os, re
from collections import Counter
P = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "messages_latam.jsonl")
recs = [json.loads(l) for l in open(P, encoding="utf-8")]
k, v, c = Counter(), Counter(), Counter()
nopii = look = 0
for r in recs:
    v[r["variety"]] += 1; c[r["channel"]] += 1
    for s in r["pii"]:
        k[s["kind"]] += 1
    if not r["pii"]:
        nopii += 1
        look += bool(re.search(r"[\d@#€$%]", r["text"]))
print(f"messages {len(recs)} spans {sum(k.values())} no-PII {nopii} (look-alike {look})")
print("kinds:", dict(sorted(k.items(), key=lambda x: -x[1])))
print("varieties:", dict(v))
print("channels:", dict(c))
