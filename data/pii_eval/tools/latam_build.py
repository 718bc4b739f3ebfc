"""Build data/pii_eval/messages_latam.jsonl from the chunk modules latam_c*.py.
Each chunk defines MSGS = [(variety, channel, text, [(kind, span_text[, nth]), ...]), ...].
`start` is computed with str.find; when a span text occurs more than once in the
message the occurrence must be given explicitly (nth, 0-based) or the build fails."""
import importlib, json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
OUT = os.path.join(os.path.dirname(HERE), "messages_latam.jsonl")


def find_nth(text, sub, n):
    pos = -1
    for _ in range(n + 1):
        pos = text.find(sub, pos + 1)
        if pos < 0:
            return -1
    return pos


def main():
    chunks = sorted((f for f in os.listdir(HERE) if re.fullmatch(r"latam_c\d+\.py", f)),
                    key=lambda f: int(re.search(r"\d+", f).group()))
    recs, errs, seen = [], [], set()
    n = 1001
    for ch in chunks:
        mod = importlib.import_module(ch[:-3])
        for var, chan, text, spans in mod.MSGS:
            rid = f"p{n}"
            n += 1
            if text in seen:
                errs.append(f"{rid}: duplicate text")
            seen.add(text)
            pii = []
            for sp in spans:
                kind, val = sp[0], sp[1]
                nth = sp[2] if len(sp) > 2 else None
                cnt = text.count(val)
                if cnt == 0:
                    errs.append(f"{rid} ({ch}): span not found {val!r}")
                    continue
                if cnt > 1 and nth is None:
                    errs.append(f"{rid} ({ch}): span {val!r} occurs {cnt}x, give nth")
                    continue
                st = find_nth(text, val, nth or 0)
                pii.append({"kind": kind, "text": val, "start": st})
            pii.sort(key=lambda s: s["start"])
            recs.append({"id": rid, "text": text, "variety": var, "channel": chan, "pii": pii})
    if errs:
        print("\n".join(errs))
        sys.exit(1)
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(recs)} records to {OUT}")


if __name__ == "__main__":
    main()
