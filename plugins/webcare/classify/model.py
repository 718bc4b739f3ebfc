"""A small multinomial naive Bayes on character n-grams and words, in pure Python.

Trained only on the training split of ``data/labelled`` (ids whose number is not divisible by 5)
by ``python -m webcare.classify.train`` and shipped as ``model.json`` beside this module.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

from webcare.classify.normalize import normalize

MODEL_PATH = Path(__file__).with_name("model.json")
NGRAM_RANGE = (2, 5)
MIN_COUNT = 3            # features seen fewer times in training are dropped (keeps the file small)


def features(text: str) -> Counter:
    """Character 2-5-grams inside word boundaries plus word unigrams and bigrams."""
    norm = normalize(text)
    words = norm.split()
    feats: Counter = Counter()
    for word in words:
        padded = f" {word} "
        for n in range(NGRAM_RANGE[0], NGRAM_RANGE[1] + 1):
            for i in range(len(padded) - n + 1):
                feats["c:" + padded[i:i + n]] += 1
        feats["w:" + word] += 1
    for a, b in zip(words, words[1:]):
        feats[f"b:{a} {b}"] += 1
    return feats


class NaiveBayes:
    def __init__(self, labels, priors, counts, totals, vocabulary_size, alpha=0.3):
        self.labels = list(labels)
        self.priors = priors            # label -> document count
        self.counts = counts            # feature -> [count per label]
        self.totals = totals            # [feature total per label]
        self.vocabulary_size = vocabulary_size
        self.alpha = alpha

    @classmethod
    def train(cls, docs: list[Counter], labels: list[str], alpha: float = 0.3,
              min_count: int = MIN_COUNT) -> "NaiveBayes":
        names = sorted(set(labels))
        index = {label: i for i, label in enumerate(names)}
        seen: Counter = Counter()
        for doc in docs:
            seen.update(doc.keys())
        counts: dict[str, list[int]] = {}
        for doc, label in zip(docs, labels):
            for feat, n in doc.items():
                if seen[feat] >= min_count:
                    counts.setdefault(feat, [0] * len(names))[index[label]] += n
        totals = [sum(row[i] for row in counts.values()) for i in range(len(names))]
        return cls(names, dict(Counter(labels)), counts, totals, len(counts), alpha)

    def log_posterior(self, doc: Counter) -> dict[str, float]:
        n_docs = sum(self.priors.values())
        scores = {}
        for i, label in enumerate(self.labels):
            denominator = math.log(self.totals[i] + self.alpha * self.vocabulary_size)
            score = math.log(self.priors[label] / n_docs)
            for feat, n in doc.items():
                row = self.counts.get(feat)
                if row is not None:
                    score += n * (math.log(row[i] + self.alpha) - denominator)
            scores[label] = score
        top = max(scores.values())
        norm = top + math.log(sum(math.exp(s - top) for s in scores.values()))
        return {label: s - norm for label, s in scores.items()}

    def predict(self, doc: Counter) -> str:
        post = self.log_posterior(doc)
        return max(post, key=post.get)

    def to_json(self) -> dict:
        return {"labels": self.labels, "priors": self.priors, "totals": self.totals,
                "vocabulary_size": self.vocabulary_size, "alpha": self.alpha, "counts": self.counts}

    @classmethod
    def from_json(cls, data: dict) -> "NaiveBayes":
        return cls(data["labels"], data["priors"], data["counts"], data["totals"],
                   data["vocabulary_size"], data["alpha"])


def save(models: dict[str, NaiveBayes], meta: dict, path: Path = MODEL_PATH) -> None:
    payload = {"meta": meta, "models": {task: m.to_json() for task, m in models.items()}}
    path.write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                    encoding="utf-8")


def load(path: Path = MODEL_PATH) -> tuple[dict[str, NaiveBayes], dict] | None:
    if not path.exists():
        return None
    payload = json.loads(path.read_text(encoding="utf-8"))
    return ({task: NaiveBayes.from_json(data) for task, data in payload["models"].items()},
            payload.get("meta", {}))


# --- labelled data and training --------------------------------------------------------------
LABELLED_DIR = Path(__file__).resolve().parents[3] / "data" / "labelled"
MESSAGE_TASKS = ("intent", "category", "sentiment")
REPLY_TASKS = ("tone", "moves_to_private", "gives_medical_advice")


def labelled_path(kind: str) -> Path:
    import os

    base = Path(os.environ.get("WEBCARE_LABELLED_DIR") or LABELLED_DIR)
    return base / f"{kind}.jsonl"


def is_held_out(record_id: str) -> bool:
    """The held-out split: ids whose numeric part is divisible by 5 (m0005, r0010)."""
    digits = "".join(ch for ch in str(record_id) if ch.isdigit())
    return bool(digits) and int(digits) % 5 == 0


def read_labelled(kind: str) -> list[dict]:
    path = labelled_path(kind)
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def split(records: list[dict]) -> tuple[list[dict], list[dict]]:
    train = [r for r in records if not is_held_out(r["id"])]
    test = [r for r in records if is_held_out(r["id"])]
    return train, test


def label_of(record: dict, task: str) -> str:
    value = record[task]
    return str(value).lower() if isinstance(value, bool) else str(value)


def train_models(messages: list[dict], replies: list[dict]) -> dict[str, NaiveBayes]:
    if any(is_held_out(r["id"]) for r in messages + replies):
        raise ValueError("refusing to train on held-out records")
    models = {}
    message_docs = [features(r["text"]) for r in messages]
    for task in MESSAGE_TASKS:
        models[task] = NaiveBayes.train(message_docs, [label_of(r, task) for r in messages])
    reply_docs = [features(r["text"]) for r in replies]
    for task in REPLY_TASKS:
        models[task] = NaiveBayes.train(reply_docs, [label_of(r, task) for r in replies])
    return models
