"""Turn hand-written marked-up messages into messages.jsonl records.

Markup inside a text: [[kind|value]] e.g. "me llamo [[nm|Ana Torres]]".
The markup is stripped; `start` of every span is then computed with str.find
of the span text in the clean message (searching from the end of the
previous span) and asserted to equal the position of the markup.

usage: python tools/build.py chunks/c01.py   -> append that chunk (once)
       python tools/build.py --rebuild       -> regenerate file from all chunks
"""
import json, re, sys, runpy
from pathlib import Path
HERE = Path(__file__).resolve().parent.parent
OUT = HERE / "messages.jsonl"
LOG = HERE / "tools" / "chunks_done.txt"
AB = {"ph": "phone", "em": "email", "id": "national_id", "ss": "social_security",
      "mr": "medical_record", "ba": "bank_account", "cd": "card", "pp": "passport",
      "dob": "date_of_birth", "ad": "address", "url": "profile_url", "h": "handle",
      "nm": "person_name"}
MARK = re.compile(r"\[\[(\w+)\|(.+?)\]\]")

def parse(marked):
    text, spans, pos, last = "", [], 0, 0
    for m in MARK.finditer(marked):
        text += marked[last:m.start()]
        kind, val = AB[m.group(1)], m.group(2)
        spans.append((kind, val, len(text)))
        text += val
        last = m.end()
    text += marked[last:]
    assert "[[" not in text and "]]" not in text, marked
    pii, cursor = [], 0
    for kind, val, pos in spans:
        st = text.find(val, cursor)
        assert st != -1, (val, text)
        assert st == pos, f"earlier unlabelled occurrence of {val!r} in {text!r}"
        pii.append({"kind": kind, "text": val, "start": st})
        cursor = st + len(val)
    return text, pii

def records(path, first_id):
    items = runpy.run_path(str(path))["ITEMS"]
    out = []
    for i, (variety, channel, marked) in enumerate(items):
        text, pii = parse(marked.strip())
        out.append({"id": f"p{first_id + i:04d}", "text": text, "variety": variety,
                    "channel": channel, "pii": pii})
    return out

def count_lines():
    return sum(1 for l in OUT.open(encoding="utf-8") if l.strip()) if OUT.exists() else 0

if __name__ == "__main__":
    if sys.argv[1] == "--rebuild":
        chunks = sorted((HERE / "chunks").glob("c*.py"))
        OUT.write_text("", encoding="utf-8"); LOG.write_text("", encoding="utf-8")
    else:
        chunks = [Path(sys.argv[1]).resolve()]
    for ch in chunks:
        done = LOG.read_text().split() if LOG.exists() else []
        if ch.name in done:
            print("already appended:", ch.name); continue
        recs = records(ch, count_lines() + 1)
        with OUT.open("a", encoding="utf-8") as fh:
            for r in recs:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        with LOG.open("a") as fh:
            fh.write(ch.name + "\n")
        print(f"{ch.name}: +{len(recs)} records, {sum(len(r['pii']) for r in recs)} spans; total {count_lines()}")
