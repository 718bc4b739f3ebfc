"""Match weighted lexicon cues against normalised text (see ``lexicon`` for the cue syntax)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from webcare.classify.normalize import normalize_cue, squeeze

_MIN_HASHTAG_CUE = 5


@dataclass(frozen=True)
class _Cue:
    text: str
    weight: float
    pattern: re.Pattern
    compact: str | None          # the cue without spaces, for matching inside hashtags


def _flatten(cues):
    """Accept (cue, weight) pairs or groups of them, as ``lexicon._w`` builds."""
    for item in cues:
        if len(item) == 2 and isinstance(item[0], str):
            yield item
        else:
            yield from _flatten(item)


class CueSet:
    """A list of (cue, weight); ``score`` sums the weights of the distinct cues found."""

    def __init__(self, cues):
        compiled = {}
        for raw, weight in _flatten(cues):
            whole = raw.endswith("$")
            text = normalize_cue(raw.rstrip("$")) if raw not in ("?", "¿", "!", "¡") else raw
            if not text:
                continue
            left = r"(?<![a-z0-9])" if text[0].isalnum() else ""
            right = r"(?![a-z0-9])" if whole else ""
            compact = squeeze(text.replace(" ", ""))
            usable = (not whole and len(compact) >= _MIN_HASHTAG_CUE and compact.isalpha())
            key = (text, whole)
            if key not in compiled or compiled[key].weight < weight:
                compiled[key] = _Cue(text, weight, re.compile(left + re.escape(text) + right),
                                     compact if usable else None)
        self._cues = tuple(compiled.values())

    def hits(self, norm: str, tags: list[str] = ()) -> list[tuple[str, float]]:
        found = []
        for cue in self._cues:
            # the literal must be there before the (slower) word-boundary regex can match
            if (cue.text in norm and cue.pattern.search(norm)) or (cue.compact and any(cue.compact in t for t in tags)):
                found.append((cue.text, cue.weight))
        return found

    def score(self, norm: str, tags: list[str] = ()) -> float:
        return sum(weight for _, weight in self.hits(norm, tags))
