"""Counts for messages_es_en.jsonl (held-out part): kinds by variety group, varieties, channels."""
import json
from collections import Counter
from pathlib import Path
ROOT = Path(__file__).resolve().parent.parent
KINDS = ["phone", "email", "national_id", "social_security", "medical_record", "bank_account",
         "card", "passport", "date_of_birth", "address", "profile_url", "handle", "person_name"]
grp = lambda v: "es-ES" if v == "es-ES" else "English" if v.startswith("en-") else "pt-BR+mixed"
recs = [json.loads(l) for l in (ROOT / "messages_es_en.jsonl").open(encoding="utf-8")]
kc, vc, cc = Counter(), Counter(), Counter()
for r in recs:
    vc[r["variety"]] += 1; cc[r["channel"]] += 1
    for s in r["pii"]:
        kc[(s["kind"], grp(r["variety"]))] += 1; kc[s["kind"]] += 1
print("| kind | total | es-ES | English | pt-BR+mixed |\n|---|---:|---:|---:|---:|")
for k in KINDS:
    print(f"| {k} | {kc[k]} | {kc[(k, 'es-ES')]} | {kc[(k, 'English')]} | {kc[(k, 'pt-BR+mixed')]} |")
print(f"| **total** | **{sum(kc[k] for k in KINDS)}** | | | |")
print("varieties:", dict(sorted(vc.items())), " channels:", dict(sorted(cc.items())))
print("messages:", len(recs), " no-PII:", sum(1 for r in recs if not r["pii"]),
      " ids:", recs[0]["id"], "-", recs[-1]["id"])
