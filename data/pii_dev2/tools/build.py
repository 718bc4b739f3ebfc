"""Build ../messages.jsonl from chunk*.py (lines 'variety|channel|text' with [[code|value]])."""
import json, re, sys, importlib.util
from pathlib import Path
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE)); sys.path.insert(0, str(HERE.parent))
import check
CODES = dict(ph="phone", em="email", id="national_id", ss="social_security", mr="medical_record",
             ba="bank_account", cd="card", pp="passport", dob="date_of_birth", ad="address",
             url="profile_url", h="handle", nm="person_name")
MARK = re.compile(r"\[\[(\w+)\|(.+?)\]\]")
recs, errs = [], []
for f in sorted(HERE.glob("chunk*.py")):
    spec = importlib.util.spec_from_file_location(f.stem, f); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
    for line in m.MSGS:
        var, ch, marked = line.split("|", 2)
        out, pii, pos = "", [], 0
        for mm in MARK.finditer(marked):
            out += marked[pos:mm.start()]
            code, val = mm.group(1), mm.group(2)
            pii.append({"kind": CODES[code], "text": val, "start": len(out)})
            out += val; pos = mm.end()
        out += marked[pos:]
        assert "[[" not in out and "]]" not in out, marked
        rid = f"p{5001 + len(recs)}"
        rec = {"id": rid, "text": out, "variety": var.strip(), "channel": ch.strip(), "pii": pii}
        last = 0
        for s in pii:
            if out.find(s["text"], last) != s["start"]:
                errs.append(f"{rid}: earlier unlabelled copy of {s['text']!r}")
            last = s["start"] + len(s["text"])
            e = check.check_span(s["kind"], s["text"], rec, s["start"])
            if e: errs.append(f"{rid}: {s['kind']} {s['text']!r}: {e}")
        if not pii and not re.search(r"[\d@#€$%£₡]", out):
            errs.append(f"{rid}: no-PII message without look-alike")
        recs.append(rec)
with open(HERE.parent / "messages.jsonl", "w", encoding="utf-8") as fh:
    for r in recs: fh.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(recs), "messages"); print("\n".join(errs) or "build: no errors")
