"""The transparent rule model: lexicon scores turned into labels by a few readable decisions."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from webcare.classify import lexicon
from webcare.classify.cues import CueSet
from webcare.classify.normalize import hashtags, normalize
from webcare.classify.taxonomy import load_taxonomy

# A clear complaint (score >= CLEAR_COMPLAINT) outweighs a question mark unless the question cues
# are far stronger: "Nadie contesta al teléfono, ¿para qué lo ponen?" is a complaint.
CLEAR_COMPLAINT = 5.0
COMPLAINT_OVER_QUESTION = 2.0
# Below this topic score a question is generic (category none); complaints take any evidence.
QUESTION_TOPIC_MIN = 3.0
# A reply with no template phrase and fewer words than this reads as a template anyway.
SHORT_REPLY_WORDS = 8


@dataclass(frozen=True)
class Scores:
    intent: dict[str, float]
    category: dict[str, float]
    sentiment: dict[str, float]


@lru_cache(maxsize=1)
def _sets():
    taxonomy = load_taxonomy()
    for level, table in (("intent", lexicon.INTENT), ("category", lexicon.CATEGORY),
                         ("sentiment", lexicon.SENTIMENT), ("tone", lexicon.TONE)):
        unknown = set(table) - set(taxonomy.labels(level))
        if unknown:
            raise ValueError(f"lexicon {level} codes {sorted(unknown)} are not in the taxonomy seed")
    build = lambda table: {code: CueSet(cues) for code, cues in table.items()}  # noqa: E731
    return {
        "intent": build(lexicon.INTENT), "category": build(lexicon.CATEGORY),
        "sentiment": build(lexicon.SENTIMENT), "tone": build(lexicon.TONE),
        "private": CueSet(lexicon.MOVES_TO_PRIVATE), "advice": CueSet(lexicon.MEDICAL_ADVICE),
    }


def star_prior(star_rating) -> int | None:
    """A Google star rating as -1 (1-2 stars), 0 (3) or +1 (4-5); None when absent or invalid."""
    try:
        stars = float(star_rating)
    except (TypeError, ValueError):
        return None
    if not 1 <= stars <= 5:
        return None
    return -1 if stars <= 2 else (1 if stars >= 4 else 0)


def message_scores(text: str, star_rating=None) -> Scores:
    sets = _sets()
    norm, tags = normalize(text), hashtags(text)
    intent = {code: cues.score(norm, tags) for code, cues in sets["intent"].items()}
    category = {code: cues.score(norm, tags) for code, cues in sets["category"].items()}
    sentiment = {code: cues.score(norm, tags) for code, cues in sets["sentiment"].items()}
    prior = star_prior(star_rating)
    if prior == -1:
        intent["complaint"] += 3
        sentiment["negative"] += 6
    elif prior == 1:
        intent["praise"] += 2
        sentiment["positive"] += 6
    return Scores(intent, category, sentiment)


def decide_intent(scores: dict[str, float]) -> str:
    complaint, question = scores.get("complaint", 0), scores.get("question", 0)
    praise, other = scores.get("praise", 0), scores.get("other", 0)
    if other >= 3 and other >= max(complaint, praise, question):
        return "other"
    if complaint >= CLEAR_COMPLAINT and complaint + COMPLAINT_OVER_QUESTION >= question:
        return "complaint"
    if question >= 2 and praise < question + 2:
        return "question"
    if complaint >= 2 and complaint >= praise:
        return "complaint"
    if praise >= 2:
        return "praise"
    if max(scores.values(), default=0) <= 1:
        return "other"
    return max(scores, key=lambda code: (scores[code], code == "complaint"))


def decide_category(intent: str, scores: dict[str, float]) -> str:
    if intent not in ("complaint", "question"):
        return "none"
    best = max(scores, key=lambda code: scores[code])
    if scores[best] <= 0 or (intent == "question" and scores[best] < QUESTION_TOPIC_MIN):
        return "none"
    return best


def decide_sentiment(intent: str, scores: dict[str, float], star_rating=None) -> str:
    prior = star_prior(star_rating)
    if prior is not None and prior != 0:
        return "negative" if prior < 0 else "positive"
    if intent == "complaint":
        return "negative"
    if intent == "praise":
        return "positive"
    negative, positive = scores.get("negative", 0), scores.get("positive", 0)
    if negative >= 4 and negative > positive + 2:
        return "negative"
    if positive >= 4 and positive > negative + 2:
        return "positive"
    return "neutral"


def classify_message(text: str, star_rating=None) -> dict[str, str]:
    scores = message_scores(text, star_rating)
    intent = decide_intent(scores.intent)
    category = decide_category(intent, scores.category)
    return {"intent": intent, "domain": load_taxonomy().domain_of(category), "category": category,
            "sentiment": decide_sentiment(intent, scores.sentiment, star_rating)}


_WORD = re.compile(r"[a-z0-9]+")


def reply_scores(text: str) -> dict[str, float]:
    norm = normalize(text)
    return {code: cues.score(norm) for code, cues in _sets()["tone"].items()}


def classify_reply(text: str) -> dict[str, object]:
    sets = _sets()
    norm = normalize(text)
    tone = {code: cues.score(norm) for code, cues in sets["tone"].items()}
    words = len(_WORD.findall(norm))
    if tone["defensive"] >= 3:
        label = "defensive"
    elif tone["empathetic"] >= 3 and tone["empathetic"] >= tone["templated"] - 1:
        label = "empathetic"
    elif tone["neutral"] >= 3 and tone["neutral"] >= tone["templated"]:
        label = "neutral"
    elif tone["templated"] >= 3 or words < SHORT_REPLY_WORDS:
        label = "templated"
    elif tone["empathetic"] >= 2:
        label = "empathetic"
    else:
        label = "neutral"
    return {"tone": label, "moves_to_private": sets["private"].score(norm) >= 3,
            "gives_medical_advice": sets["advice"].score(norm) >= 3}
