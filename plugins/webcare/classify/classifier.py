"""Classify patients' messages and institutions' replies.

Two models, combined per label:

* the rule model (``rules`` + ``lexicon``): weighted Spanish/English cues, transparent and fast;
* a multinomial naive Bayes on character n-grams (``model``), trained only on the training split
  and shipped as ``model.json``.

For each label the final choice is ``argmax(log P_nb(label) + w * [label == rule label])``; the
weight ``w`` was chosen per label by cross-validation on the training split and is stored in
``model.json`` (``w`` = 0 means the trained model alone, a large ``w`` the rules alone). Without
``model.json`` the rules decide alone. See docs/classifier.md for the evidence.
"""
from __future__ import annotations

from functools import lru_cache

from webcare.classify import model as nb
from webcare.classify import rules
from webcare.classify.taxonomy import load_taxonomy

RULES_VERSION = "lexicon-2"
PII_VERSION = "pii-6"
UNSEEN_LOG_PROB = -12.0


@lru_cache(maxsize=1)
def _trained():
    return nb.load()


def _model_version() -> str:
    loaded = _trained()
    return f"+nb-{loaded[1].get('version', 1)}" if loaded else ""


CLASSIFIER_VERSION = f"{RULES_VERSION}{_model_version()}+{PII_VERSION}"


def _weights() -> dict[str, float]:
    loaded = _trained()
    return dict(loaded[1].get("rule_weights", {})) if loaded else {}


def combine(task: str, rule_label: str, doc, weight: float | None = None,
            allowed: set[str] | None = None) -> str:
    """The combined choice for one label (rules alone when no trained model is shipped)."""
    loaded = _trained()
    if weight is None:
        weight = _weights().get(task)
    if not loaded or task not in loaded[0] or weight is None:
        return rule_label
    posterior = loaded[0][task].log_posterior(doc)
    if allowed is not None:
        posterior = {k: v for k, v in posterior.items() if k in allowed} or posterior
    if rule_label not in posterior and (allowed is None or rule_label in allowed):
        posterior[rule_label] = UNSEEN_LOG_PROB      # a label the training split never showed
    scored = {label: p + (weight if label == rule_label else 0.0) for label, p in posterior.items()}
    return max(scored, key=lambda label: (scored[label], label == rule_label))


def redact(text: str):
    from webcare.classify.pii import redact as _redact

    return _redact(text)


def classify_message(text: str, lang: str | None = None, channel: str | None = None,
                     star_rating=None) -> dict:
    """Intent, domain, category, sentiment and whether the text holds personal data.

    ``lang`` and ``channel`` are accepted for the record shape; the normalisation handles
    Spanish, English and mixed text alike. ``star_rating`` (Google, 1-5) is a strong sentiment prior.
    """
    text = text or ""
    ruled = rules.classify_message(text, star_rating=star_rating)
    doc = nb.features(text) if _trained() else None
    intent = combine("intent", ruled["intent"], doc)
    if intent in ("praise", "other") or not text.strip():  # a rating without words has no topic
        category = "none"
    else:
        rule_category = rules.decide_category(intent, rules.message_scores(text, star_rating).category)
        allowed = None if intent == "question" else set(load_taxonomy().labels("category")) - {"none"}
        category = combine("category", rule_category, doc, allowed=allowed)
    prior = rules.star_prior(star_rating)
    rule_sentiment = rules.decide_sentiment(intent, rules.message_scores(text, star_rating).sentiment,
                                            star_rating)
    sentiment = rule_sentiment if prior in (-1, 1) else combine("sentiment", rule_sentiment, doc)
    return {"intent": intent, "domain": load_taxonomy().domain_of(category), "category": category,
            "sentiment": sentiment, "has_pii": bool(redact(text).has_pii),
            "classifier_version": CLASSIFIER_VERSION}


def classify_reply(text: str, lang: str | None = None, channel: str | None = None) -> dict:
    """Tone, whether the reply moves the conversation to a private channel, and medical advice."""
    text = text or ""
    ruled = rules.classify_reply(text)
    doc = nb.features(text) if _trained() else None
    result = {"tone": combine("tone", ruled["tone"], doc)}
    for task in ("moves_to_private", "gives_medical_advice"):
        result[task] = combine(task, str(ruled[task]).lower(), doc) == "true"
    result["classifier_version"] = CLASSIFIER_VERSION
    return result
