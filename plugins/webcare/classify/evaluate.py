"""Evaluate the classifier on the held-out split and (with ``--train``) retrain it.

    python -m webcare.classify.evaluate [--out docs/classifier-evaluation.md]
    python -m webcare.classify.evaluate --train     # retrain model.json on the training split

The held-out split is every labelled id whose number is divisible by 5 (m0005, r0010). Training and
the choice of the rule/model weights use only the other ids (5-fold cross-validation inside them);
the held-out records are read only to score the finished classifier.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from webcare.classify import classifier
from webcare.classify import model as nb
from webcare.classify import rules
from webcare.classify.taxonomy import load_taxonomy

RULE_WEIGHTS = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 50.0)
FOLDS = 5


# --- metrics ----------------------------------------------------------------------------------
def per_label(gold: list[str], pred: list[str], labels=None) -> dict[str, dict[str, float]]:
    labels = list(labels) if labels else sorted(set(gold) | set(pred))
    out = {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, pred))
        fp = sum(g != label and p == label for g, p in zip(gold, pred))
        fn = sum(g == label and p != label for g, p in zip(gold, pred))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[label] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    return out


def macro_f1(gold: list[str], pred: list[str]) -> float:
    """Mean F1 over the labels present in the gold standard."""
    table = per_label(gold, pred, sorted(set(gold)))
    return sum(row["f1"] for row in table.values()) / len(table) if table else 0.0


def accuracy(gold, pred) -> float:
    return sum(g == p for g, p in zip(gold, pred)) / len(gold) if gold else 0.0


# --- PII recall -------------------------------------------------------------------------------
def _spans(found) -> list[tuple[int, int]]:
    spans = []
    for item in found or ():
        if isinstance(item, dict):
            spans.append((int(item["start"]), int(item["end"])))
        elif hasattr(item, "start") and hasattr(item, "end"):
            start, end = item.start, item.end
            spans.append((start() if callable(start) else int(start), end() if callable(end) else int(end)))
        else:
            spans.append((int(item[0]), int(item[1])))
    return spans


def _pii_strings(record: dict) -> list[str]:
    out = []
    for item in record.get("pii") or ():
        text = item.get("text") or item.get("value") if isinstance(item, dict) else item
        if text:
            out.append(str(text))
    return out


def pii_recall(records: list[dict]) -> tuple[float, int, int]:
    """Share of labelled PII substrings whose characters are all inside a redaction span."""
    from webcare.classify.pii import find

    covered = total = 0
    for record in records:
        text = record["text"]
        spans = _spans(find(text))
        for piece in _pii_strings(record):
            start = text.find(piece)
            if start < 0:
                continue
            total += 1
            chars = set(range(start, start + len(piece)))
            for a, b in spans:
                chars -= set(range(a, b))
            covered += not chars
    return (covered / total if total else 0.0), covered, total


# --- predictions ------------------------------------------------------------------------------
def predict_messages(records: list[dict]) -> dict[str, list[str]]:
    out = {"intent": [], "domain": [], "category": [], "sentiment": []}
    for r in records:
        result = classifier.classify_message(r["text"], r.get("lang"), r.get("channel"), r.get("star_rating"))
        for key in out:
            out[key].append(result[key])
    return out


def predict_replies(records: list[dict]) -> dict[str, list[str]]:
    out = {"tone": [], "moves_to_private": [], "gives_medical_advice": []}
    for r in records:
        result = classifier.classify_reply(r["text"], r.get("lang"), r.get("channel"))
        for key in out:
            out[key].append(nb.label_of(result, key))
    return out


def rules_only(records: list[dict], kind: str) -> dict[str, list[str]]:
    saved = classifier._trained
    classifier._trained = lambda: None
    try:
        return predict_messages(records) if kind == "messages" else predict_replies(records)
    finally:
        classifier._trained = saved


def model_only(records: list[dict], kind: str) -> dict[str, list[str]]:
    """The trained model alone (rule weight 0 everywhere), for the comparison column."""
    saved = classifier._trained
    loaded = saved()
    if not loaded:
        return {}
    zero = {**loaded[1], "rule_weights": {task: 0.0 for task in loaded[0]}}
    classifier._trained = lambda: (loaded[0], zero)
    try:
        return predict_messages(records) if kind == "messages" else predict_replies(records)
    finally:
        classifier._trained = saved


# --- report -----------------------------------------------------------------------------------
def _table(name: str, gold, pred, labels) -> list[str]:
    rows = per_label(gold, pred, labels)
    lines = [f"### {name}", "", "| label | precision | recall | F1 | support |", "|---|---:|---:|---:|---:|"]
    for label, row in rows.items():
        if row["support"] or label in pred:
            lines.append(f"| {label} | {row['precision']:.2f} | {row['recall']:.2f} | {row['f1']:.2f} | {row['support']} |")
    lines += ["", f"**macro-F1 {macro_f1(gold, pred):.3f}**, accuracy {accuracy(gold, pred):.3f}", ""]
    return lines


def evaluate(out: Path | None = None) -> dict:
    taxonomy = load_taxonomy()
    messages = [r for r in nb.read_labelled("messages") if nb.is_held_out(r["id"])]
    replies = [r for r in nb.read_labelled("replies") if nb.is_held_out(r["id"])]
    got_m, got_r = predict_messages(messages), predict_replies(replies)
    base_m, base_r = rules_only(messages, "messages"), rules_only(replies, "replies")
    nb_m, nb_r = model_only(messages, "messages"), model_only(replies, "replies")
    nb_m = nb_m or {k: ["-"] * len(messages) for k in got_m}
    nb_r = nb_r or {k: ["-"] * len(replies) for k in got_r}
    summary: dict = {"classifier_version": classifier.CLASSIFIER_VERSION,
                     "messages": len(messages), "replies": len(replies)}
    lines = ["# Classifier evaluation (held-out split)", "",
             f"Classifier `{classifier.CLASSIFIER_VERSION}`, taxonomy {taxonomy.version}. Held-out "
             f"split: ids divisible by 5 — {len(messages)} messages, {len(replies)} replies. "
             "Produced by `python -m webcare.classify.evaluate`.", "",
             "## Summary", "", "| label | rules alone | trained model alone | shipped classifier |",
             "|---|---:|---:|---:|"]
    for task in ("intent", "domain", "category", "sentiment"):
        gold = [nb.label_of(r, task) for r in messages]
        summary[f"{task}_macro_f1"] = macro_f1(gold, got_m[task])
        summary[f"{task}_macro_f1_rules"] = macro_f1(gold, base_m[task])
        lines.append(f"| {task} macro-F1 | {summary[f'{task}_macro_f1_rules']:.3f} | "
                     f"{macro_f1(gold, nb_m[task]):.3f} | {summary[f'{task}_macro_f1']:.3f} |")
    gold_tone = [r["tone"] for r in replies]
    summary["tone_accuracy"], summary["tone_macro_f1"] = accuracy(gold_tone, got_r["tone"]), macro_f1(gold_tone, got_r["tone"])
    lines.append(f"| tone accuracy | {accuracy(gold_tone, base_r['tone']):.3f} | "
                 f"{accuracy(gold_tone, nb_r['tone']):.3f} | {summary['tone_accuracy']:.3f} |")
    lines.append(f"| tone macro-F1 | {macro_f1(gold_tone, base_r['tone']):.3f} | "
                 f"{macro_f1(gold_tone, nb_r['tone']):.3f} | {summary['tone_macro_f1']:.3f} |")
    for task in ("moves_to_private", "gives_medical_advice"):
        gold = [nb.label_of(r, task) for r in replies]
        for name, pred in (("rules", base_r[task]), ("shipped", got_r[task])):
            row = per_label(gold, pred, ["true"])["true"]
            summary[f"{task}_precision" + ("" if name == "shipped" else "_rules")] = row["precision"]
            summary[f"{task}_recall" + ("" if name == "shipped" else "_rules")] = row["recall"]
        alone = per_label(gold, nb_r[task], ["true"])["true"]
        lines.append(f"| {task} precision / recall | {summary[task + '_precision_rules']:.2f} / "
                     f"{summary[task + '_recall_rules']:.2f} | {alone['precision']:.2f} / {alone['recall']:.2f} | "
                     f"{summary[task + '_precision']:.2f} / {summary[task + '_recall']:.2f} |")
    try:
        recall, covered, total = pii_recall(messages)
        summary["pii_recall"] = recall
        lines.append(f"| PII recall ({covered}/{total} labelled substrings fully redacted) | — | — | {recall:.3f} |")
    except ImportError as exc:
        lines.append(f"| PII recall | — | — | not measured ({exc}) |")
    lines.append("")
    lines.append("## Messages, per label (shipped classifier)")
    lines.append("")
    for task in ("intent", "domain", "category", "sentiment"):
        gold = [nb.label_of(r, task) for r in messages]
        lines += _table(task, gold, got_m[task], taxonomy.labels(task))
    lines.append("## Replies, per label (shipped classifier)")
    lines.append("")
    lines += _table("tone", gold_tone, got_r["tone"], taxonomy.labels("tone"))
    for task in ("moves_to_private", "gives_medical_advice"):
        lines += _table(task, [nb.label_of(r, task) for r in replies], got_r[task], ["true", "false"])
    report = "\n".join(lines)
    print(report)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(report + "\n", encoding="utf-8")
    summary["report"] = report
    return summary


# --- training ---------------------------------------------------------------------------------
def _fold(records: list[dict], k: int) -> list[tuple[list[dict], list[dict]]]:
    ordered = sorted(records, key=lambda r: r["id"])
    return [([r for i, r in enumerate(ordered) if i % k != f], [r for i, r in enumerate(ordered) if i % k == f])
            for f in range(k)]


def choose_weights(messages: list[dict], replies: list[dict]) -> tuple[dict[str, float], dict]:
    """Pick the rule weight per label by k-fold cross-validation inside the training split."""
    results: dict[str, Counter] = {}
    for kind, records, tasks in (("messages", messages, ("intent", "category", "sentiment")),
                                 ("replies", replies, nb.REPLY_TASKS)):
        for train, test in _fold(records, FOLDS):
            models = nb.train_models(train if kind == "messages" else [], train if kind == "replies" else [])
            saved = classifier._trained
            for weight in RULE_WEIGHTS:
                classifier._trained = lambda: (models, {"rule_weights": {t: weight for t in tasks}})
                pred = predict_messages(test) if kind == "messages" else predict_replies(test)
                for task in tasks:
                    gold = [nb.label_of(r, task) for r in test]
                    results.setdefault(task, Counter())[weight] += macro_f1(gold, pred[task]) / FOLDS
            classifier._trained = saved
    weights = {task: max(scores, key=lambda w: (round(scores[w], 4), w)) for task, scores in results.items()}
    return weights, {task: {str(w): round(s, 4) for w, s in scores.items()} for task, scores in results.items()}


def train(path: Path = nb.MODEL_PATH) -> dict:
    messages, _ = nb.split(nb.read_labelled("messages"))
    replies, _ = nb.split(nb.read_labelled("replies"))
    weights, cv = choose_weights(messages, replies)
    models = nb.train_models(messages, replies)
    meta = {"version": 1, "rule_weights": weights, "cross_validation_macro_f1": cv,
            "trained_on": {"messages": len(messages), "replies": len(replies)},
            "split": "ids whose number is not divisible by 5"}
    nb.save(models, meta, path)
    classifier._trained.cache_clear()
    return meta


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m webcare.classify.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="also write the Markdown report here")
    parser.add_argument("--train", action="store_true", help="retrain model.json on the training split first")
    args = parser.parse_args(argv)
    if args.train:
        meta = train()
        print(f"trained on {meta['trained_on']}; rule weights {meta['rule_weights']}", file=sys.stderr)
        for task, scores in meta["cross_validation_macro_f1"].items():
            print(f"  cv macro-F1 {task}: {scores}", file=sys.stderr)
    evaluate(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
