"""Reclassify a JSONL file: ``python -m webcare.classify --in FILE.jsonl --out OUT.jsonl``.

Each input line is ``{"id", "text"}`` with optional ``lang``, ``channel``, ``star_rating`` and
``kind`` (``message``, the default, or ``reply``). Each output line holds the id and the labels.
A bad line is reported on stderr with its line number and skipped; the others are still written,
and the exit code is 1 if any line was bad.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from webcare.classify.classifier import classify_message, classify_reply

MESSAGE_FIELDS = ("intent", "domain", "category", "sentiment", "has_pii", "classifier_version")
REPLY_FIELDS = ("tone", "moves_to_private", "gives_medical_advice", "classifier_version")


class BadLine(ValueError):
    pass


def classify_record(record) -> dict:
    if not isinstance(record, dict):
        raise BadLine("expected a JSON object")
    if not isinstance(record.get("id"), (str, int)) or record.get("id") == "":
        raise BadLine("missing or invalid 'id'")
    if not isinstance(record.get("text"), str):
        raise BadLine("missing or non-string 'text'")
    kind = record.get("kind", "message")
    if kind == "message":
        stars = record.get("star_rating")
        if stars is not None and (isinstance(stars, bool) or not isinstance(stars, (int, float))):
            raise BadLine("'star_rating' must be a number")
        result = classify_message(record["text"], record.get("lang"), record.get("channel"), stars)
        return {"id": record["id"], **{key: result[key] for key in MESSAGE_FIELDS}}
    if kind == "reply":
        result = classify_reply(record["text"], record.get("lang"), record.get("channel"))
        return {"id": record["id"], **{key: result[key] for key in REPLY_FIELDS}}
    raise BadLine(f"unknown kind {kind!r} (use 'message' or 'reply')")


def run(source: Path, target: Path, errors=sys.stderr) -> tuple[int, int]:
    """Classify every line of ``source`` into ``target``; returns (written, bad)."""
    written = bad = 0
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(source, encoding="utf-8") as lines, open(target, "w", encoding="utf-8") as out:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise BadLine(f"invalid JSON ({exc.msg} at column {exc.colno})") from None
                result = classify_record(record)
            except BadLine as exc:
                bad += 1
                print(f"{source}:{number}: {exc}", file=errors)
                continue
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
            written += 1
    return written, bad


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m webcare.classify", description=__doc__.splitlines()[0])
    parser.add_argument("--in", dest="source", type=Path, required=True, help="input JSONL")
    parser.add_argument("--out", dest="target", type=Path, required=True, help="output JSONL")
    args = parser.parse_args(argv)
    if not args.source.exists():
        parser.error(f"{args.source} does not exist")
    written, bad = run(args.source, args.target)
    print(f"classified {written} records into {args.target}; {bad} bad line(s)", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
