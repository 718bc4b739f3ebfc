"""es_en part: counts for messages_es_en.jsonl only."""
import json
from collections import Counter
from pathlib import Path
HERE = Path(__file__).resolve().parent.parent
recs = [json.loads(l) for l in (HERE / "messages_es_en.jsonl").open(encoding="utf-8")]
k, v, c = Counter(), Counter(), Counter()
nopii = 0
for r in recs:
    v[r["variety"]] += 1; c[r["channel"]] += 1
    nopii += not r["pii"]
    for s in r["pii"]:
        k[s["kind"]] += 1
print("messages", len(recs), "spans", sum(k.values()), "no-PII", nopii)
print("kinds", dict(sorted(k.items(), key=lambda x: x[1])))
print("varieties", dict(v))
print("English", v["en-GB"] + v["en-US"] + v["en-IE"], "pt+mixed", v["pt-BR"] + v["mixed"])
print("channels", dict(c))
