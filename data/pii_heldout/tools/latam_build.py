"""Rebuild data/pii_heldout/messages_latam.jsonl from the chunk scripts latam_chunk*.py.

Each chunk defines MSGS = [(variety, channel, marked_text), ...]. PII is marked inline
as [[code|value]]; the build strips the markup, sets `start` from the position in the
clean text, validates every span with check_latam.check_span, and warns when a labelled
value also occurs unlabelled elsewhere in the same message.
Usage: .venv/bin/python data/pii_heldout/tools/latam_build.py
"""
import glob, importlib.util, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)
from check_latam import check_span  # noqa: E402

CODES = {"ph": "phone", "em": "email", "id": "national_id", "ss": "social_security",
         "mr": "medical_record", "ba": "bank_account", "cd": "card", "pp": "passport",
         "dob": "date_of_birth", "ad": "address", "url": "profile_url", "h": "handle",
         "nm": "person_name"}
MARK = re.compile(r"\[\[(\w+)\|(.+?)\]\]")


def parse(marked):
    out, spans, pos = [], [], 0
    clean_len = 0
    for m in MARK.finditer(marked):
        chunk = marked[pos:m.start()]
        out.append(chunk)
        clean_len += len(chunk)
        code, val = m.group(1), m.group(2)
        if code not in CODES:
            raise SystemExit(f"unknown code {code!r} in {marked[:60]!r}")
        spans.append({"kind": CODES[code], "text": val, "start": clean_len})
        out.append(val)
        clean_len += len(val)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        raise SystemExit(f"stray markup in {marked[:80]!r}")
    return text, spans


def main():
    files = sorted(glob.glob(os.path.join(HERE, "latam_chunk*.py")))
    recs, problems = [], []
    for f in files:
        spec = importlib.util.spec_from_file_location(os.path.basename(f)[:-3], f)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        for var, ch, marked in mod.MSGS:
            text, spans = parse(marked)
            rid = f"p{3001 + len(recs)}"
            rec = {"id": rid, "text": text, "variety": var, "channel": ch, "pii": spans}
            for s in spans:
                assert text[s["start"]:s["start"] + len(s["text"])] == s["text"]
                err = check_span(s["kind"], s["text"], rec, s["start"])
                if err:
                    problems.append(f"{rid} ({os.path.basename(f)}): {s['kind']} {s['text']!r}: {err}")
                # unlabelled second occurrence of the same value?
                covered = [(x["start"], x["start"] + len(x["text"])) for x in spans]
                for m in re.finditer(re.escape(s["text"]), text):
                    if not any(a <= m.start() < b for a, b in covered):
                        problems.append(f"{rid}: {s['text']!r} also occurs unlabelled at {m.start()}")
            if not spans and not re.search(r"[\d@#$%]", text):
                problems.append(f"{rid}: no-PII message without a look-alike")
            recs.append(rec)
    with open(os.path.join(ROOT, "messages_latam.jsonl"), "w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(recs)} messages from {len(files)} chunks")
    for p in problems:
        print("PROBLEM", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
