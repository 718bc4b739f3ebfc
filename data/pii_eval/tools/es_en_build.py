"""es_en part: rebuild messages_es_en.jsonl from tools/es_en_chunk*.py.

Each chunk defines ITEMS = [(variety, channel, marked_text), ...].
Markup: [[kind|value]]  kinds: ph em id ss mr ba cd pp dob ad url h nm
The markup is stripped, `start` is the offset of the value in the clean text
and it is asserted that str.find (from the previous span end) lands on it.
ids run p2001.. in chunk order.  Every span is run through check.check_span.
usage: .venv/bin/python tools/es_en_build.py
"""
import json, re, sys, runpy
from pathlib import Path
HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))
import check
OUT = HERE / "messages_es_en.jsonl"
AB = {"ph": "phone", "em": "email", "id": "national_id", "ss": "social_security",
      "mr": "medical_record", "ba": "bank_account", "cd": "card", "pp": "passport",
      "dob": "date_of_birth", "ad": "address", "url": "profile_url", "h": "handle",
      "nm": "person_name"}
MARK = re.compile(r"\[\[(\w+)\|(.+?)\]\]")


def parse(marked):
    text, spans, last = "", [], 0
    for m in MARK.finditer(marked):
        text += marked[last:m.start()]
        spans.append((AB[m.group(1)], m.group(2), len(text)))
        text += m.group(2)
        last = m.end()
    text += marked[last:]
    assert "[[" not in text and "]]" not in text, marked
    pii, cursor = [], 0
    for kind, val, pos in spans:
        st = text.find(val, cursor)
        assert st == pos, f"earlier occurrence of {val!r} in {text!r}"
        pii.append({"kind": kind, "text": val, "start": st})
        cursor = st + len(val)
    return text, pii


def main():
    recs, problems = [], []
    for ch in sorted((HERE / "tools").glob("es_en_chunk*.py")):
        for variety, channel, marked in runpy.run_path(str(ch))["ITEMS"]:
            text, pii = parse(marked.strip())
            r = {"id": f"p{2001 + len(recs)}", "text": text, "variety": variety,
                 "channel": channel, "pii": pii}
            for s in pii:
                e = check.check_span(s["kind"], s["text"], r, s["start"])
                if e:
                    problems.append(f"{r['id']} ({ch.name}): {s['kind']} {s['text']!r}: {e}")
            if not pii and not re.search(r"[\d@#€$%]", text):
                problems.append(f"{r['id']}: no-PII message without look-alike")
            recs.append(r)
    with OUT.open("w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(recs)} records, {sum(len(r['pii']) for r in recs)} spans")
    for p in problems:
        print("PROBLEM", p)


if __name__ == "__main__":
    main()
