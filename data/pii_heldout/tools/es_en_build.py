"""Rebuild messages_es_en.jsonl (held-out, ids p4001..) from tools/es_en_chunk*.py.
Inline markup: [[code|value]]; codes below. start = index of value in the clean text.
usage: .venv/bin/python tools/es_en_build.py"""
import importlib.util, json, re, sys
from pathlib import Path
TOOLS = Path(__file__).resolve().parent
ROOT = TOOLS.parent
sys.path.insert(0, str(ROOT))
from check_es_en import check_span
CODES = {"ph": "phone", "em": "email", "id": "national_id", "ss": "social_security",
         "mr": "medical_record", "ba": "bank_account", "cd": "card", "pp": "passport",
         "dob": "date_of_birth", "ad": "address", "url": "profile_url", "h": "handle",
         "nm": "person_name"}
MARK = re.compile(r"\[\[(\w+)\|(.+?)\]\]")


def parse(marked):
    out, spans, pos = [], [], 0
    clean_len = 0
    for m in MARK.finditer(marked):
        seg = marked[pos:m.start()]
        out.append(seg); clean_len += len(seg)
        code, val = m.group(1), m.group(2)
        spans.append({"kind": CODES[code], "text": val, "start": clean_len})
        out.append(val); clean_len += len(val)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    assert "[[" not in text and "]]" not in text, marked[:80]
    return text, spans


def main():
    recs, problems, seen = [], [], set()
    chunks = sorted(TOOLS.glob("es_en_chunk*.py"))
    for ch in chunks:
        spec = importlib.util.spec_from_file_location(ch.stem, ch)
        mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
        for var, chan, marked in mod.MSGS:
            rid = f"p{4001 + len(recs)}"
            text, spans = parse(marked.strip())
            rec = {"id": rid, "text": text, "variety": var, "channel": chan, "pii": spans}
            prev_end = 0
            for s in spans:
                # no earlier unlabelled copy of the value between the previous span and this one
                if text.find(s["text"], prev_end) != s["start"]:
                    problems.append(f"{rid} ({ch.stem}): earlier unlabelled copy of {s['text']!r}")
                err = check_span(s["kind"], s["text"], rec, s["start"])
                if err:
                    problems.append(f"{rid} ({ch.stem}): {s['kind']} {s['text']!r}: {err}")
                prev_end = s["start"] + len(s["text"])
            if not spans and not re.search(r"[\d@#€$%£]", text):
                problems.append(f"{rid} ({ch.stem}): no-PII message without look-alike")
            if text in seen:
                problems.append(f"{rid}: duplicate text")
            seen.add(text)
            recs.append(rec)
    with (ROOT / "messages_es_en.jsonl").open("w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(recs)} messages from {len(chunks)} chunks")
    for p in problems:
        print("PROBLEM", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
