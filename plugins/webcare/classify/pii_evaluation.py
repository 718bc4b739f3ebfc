"""Recall and precision of the redaction (webcare.classify.pii) per kind, on a labelled set.

A labelled span is **found** when every letter and digit of it lies inside some redacted span
(whatever kind the redaction gave it: what matters for privacy is that it is gone); it is **found
as its kind** when one of the redactions covering it has the labelled kind. A redacted span is
**correct** (for precision) when it overlaps a labelled span. Messages without any labelled span
count their redactions as false positives.

    python -m webcare.classify.pii_evaluation                      # the PII set and the old set
    python -m webcare.classify.pii_evaluation --out docs/pii-evaluation.md --json var/pii-eval.json

The figure to quote is the **held-out set**, ``data/pii_heldout/messages*.jsonl``: written after
``pii-4`` by two new authors, independently of the redactor (shown the definitions only), and never
looked at while writing its rules (only its overall and per-kind figures were read: after ``pii-4``,
``pii-5`` and ``pii-6``). The **development sets** are what the rules are written against, so their
figures measure fit, not recall: ``data/pii_eval`` (``pii-3`` used half of it, split by a hash of
each id, ``split_of``, still reported; ``pii-4`` on all of it) and ``data/pii_dev2`` (written by a
third author for ``pii-6``, addresses and medical records above all). All give spans with ``start``. The classifier's ``data/labelled/messages.jsonl`` is reported too
(spans as substrings, with the kinds of the first redactor: ``dni``/``nie`` are ``national_id``,
``mrn`` is ``medical_record``).
"""
from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from webcare.classify import pii

ROOT = Path(__file__).resolve().parents[3]
PII_SET = ROOT / "data" / "pii_eval"  # the development set: every messages*.jsonl in it (one file per author)
HELD_OUT_SET = ROOT / "data" / "pii_heldout"  # the held-out set, written after pii-4
DEV2_SET = ROOT / "data" / "pii_dev2"  # the second development set, written for pii-6
OLD_SET = ROOT / "data" / "labelled" / "messages.jsonl"
OLD_KINDS = {"dni": "national_id", "nie": "national_id", "mrn": "medical_record"}
GOAL_OVERALL, GOAL_PER_KIND = 0.95, 0.90


@dataclass
class Score:
    messages: int = 0
    spans: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    found_as_kind: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    correct: Counter = field(default_factory=Counter)
    missed: list = field(default_factory=list)  # (message id, kind): never the text
    false_positives: list = field(default_factory=list)

    def recall(self, kind: str | None = None) -> float:
        total = self.spans[kind] if kind else sum(self.spans.values())
        hit = self.found[kind] if kind else sum(self.found.values())
        return hit / total if total else 1.0

    def kind_recall(self, kind: str | None = None) -> float:
        total = self.spans[kind] if kind else sum(self.spans.values())
        hit = self.found_as_kind[kind] if kind else sum(self.found_as_kind.values())
        return hit / total if total else 1.0

    def precision(self, kind: str | None = None) -> float:
        total = self.predicted[kind] if kind else sum(self.predicted.values())
        hit = self.correct[kind] if kind else sum(self.correct.values())
        return hit / total if total else 1.0

    def meets_goal(self) -> bool:
        return self.recall() >= GOAL_OVERALL and all(self.recall(k) >= GOAL_PER_KIND for k in self.spans)


def load(path: Path) -> list[dict]:
    """Records with `id`, `text` and `spans` [(start, end, kind)], from either set's format."""
    records = []
    files = sorted(path.glob("messages*.jsonl")) if path.is_dir() else [path]
    for line in (line for f in files for line in f.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        raw = json.loads(line)
        text, spans = raw["text"], []
        for item in raw.get("pii") or ():
            kind = OLD_KINDS.get(item["kind"], item["kind"])
            start = item.get("start")
            if start is None:
                start = text.find(item["text"])
                if start < 0:
                    raise ValueError(f"{path.name} {raw['id']}: a span is not in its text")
            if text[start:start + len(item["text"])] != item["text"]:
                raise ValueError(f"{path.name} {raw['id']}: a span's offset does not match its text")
            spans.append((start, start + len(item["text"]), kind))
        records.append({"id": raw["id"], "text": text, "spans": spans})
    return records


DEV, HELD_OUT = "development", "held-out"


def split_of(message_id: str) -> str:
    """Half of the messages (by the first byte of their id's SHA-256) are the development half."""
    return DEV if hashlib.sha256(message_id.encode()).digest()[0] % 2 == 0 else HELD_OUT


def score(records: list[dict]) -> Score:
    result = Score()
    for record in records:
        text, gold = record["text"], record["spans"]
        predicted = pii.find(text)
        result.messages += 1
        covered = [False] * len(text)
        for m in predicted:
            covered[m.start:m.end] = [True] * (m.end - m.start)
        for start, end, kind in gold:
            result.spans[kind] += 1
            if all(covered[i] for i in range(start, end) if text[i].isalnum()):
                result.found[kind] += 1
                if any(m.kind == kind and m.start < end and start < m.end for m in predicted):
                    result.found_as_kind[kind] += 1
            else:
                result.missed.append((record["id"], kind))
        for m in predicted:
            result.predicted[m.kind] += 1
            if any(m.start < end and start < m.end for start, end, _ in gold):
                result.correct[m.kind] += 1
            else:
                result.false_positives.append((record["id"], m.kind))
    return result


def table(name: str, result: Score) -> str:
    kinds = [k for k in pii.KINDS if result.spans[k] or result.predicted[k]]
    lines = [f"### {name}", "",
             f"{result.messages} messages, {sum(result.spans.values())} labelled spans, "
             f"{sum(result.predicted.values())} redactions.", "",
             "| kind | labelled | found | recall | found as its kind | redacted | precision |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for k in kinds:
        lines.append(f"| {k} | {result.spans[k]} | {result.found[k]} | "
                     f"{result.recall(k):.3f} | {result.kind_recall(k):.3f} | {result.predicted[k]} | "
                     f"{result.precision(k):.3f} |")
    lines.append(f"| **all** | {sum(result.spans.values())} | {sum(result.found.values())} | "
                 f"**{result.recall():.3f}** | {result.kind_recall():.3f} | "
                 f"{sum(result.predicted.values())} | **{result.precision():.3f}** |")
    if result.missed:
        lines += ["", "Missed (message id, kind): " + ", ".join(f"{i} {k}" for i, k in result.missed)]
    return "\n".join(lines)


def as_json(result: Score) -> dict:
    return {
        "messages": result.messages, "recall": result.recall(), "precision": result.precision(),
        "meets_goal": result.meets_goal(),
        "per_kind": {k: {"labelled": result.spans[k], "found": result.found[k], "recall": result.recall(k),
                         "found_as_kind": result.found_as_kind[k], "redacted": result.predicted[k],
                         "precision": result.precision(k)}
                     for k in pii.KINDS if result.spans[k] or result.predicted[k]},
        "missed": result.missed, "false_positives": result.false_positives,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=PII_SET, help="the development set: a folder of messages*.jsonl, or one JSON-lines file")
    parser.add_argument("--held-out", type=Path, default=HELD_OUT_SET, help="the held-out set (same format)")
    parser.add_argument("--dev2", type=Path, default=DEV2_SET, help="the second development set (same format)")
    parser.add_argument("--old", type=Path, default=OLD_SET, help="the classifier's labelled set")
    parser.add_argument("--out", type=Path, help="write the tables as Markdown here")
    parser.add_argument("--json", type=Path, help="write the figures as JSON here")
    args = parser.parse_args(argv)
    records = load(args.set)
    results = {}
    if args.held_out and args.held_out.exists():
        results["Held-out set (data/pii_heldout): the figure to quote"] = score(load(args.held_out))
    if args.dev2 and args.dev2.exists():
        results["Second development set (data/pii_dev2): the rules of pii-6 were written against it"] = \
            score(load(args.dev2))
    results |= {
        "First development set (data/pii_eval), whole: the rules of pii-4 were written against it": score(records),
        "First development set, the half pii-3 held out (pii-4 was written against it)":
            score([r for r in records if split_of(r["id"]) == HELD_OUT]),
    }
    if args.old and args.old.exists():
        results["Classifier's labelled set (data/labelled), its PII spans"] = score(load(args.old))
    text = "\n\n".join(table(name, r) for name, r in results.items())
    header = (f"# Redaction: recall and precision per kind\n\nRedactor `{pii.VERSION}`. Produced by "
              f"`python -m webcare.classify.pii_evaluation`; definitions in its docstring. Goal: recall "
              f">= {GOAL_OVERALL} overall and >= {GOAL_PER_KIND} for every kind.\n\n")
    print(text)
    if args.out:
        args.out.write_text(header + text + "\n", encoding="utf-8")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({n: as_json(r) for n, r in results.items()}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
