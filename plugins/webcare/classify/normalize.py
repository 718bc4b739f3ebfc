"""Text normalisation shared by the lexicon rules and the trained model.

Social posts arrive with and without accents, in capitals, with stretched letters ("muuuy"),
hashtags ("#ListaDeEspera", "#listadeespera"), emojis and typos. ``normalize`` turns them into one
comparable form: lower case, no accents, every run of a repeated letter squeezed to one letter
("llamar" -> "lamar", "goood" -> "god"; cues are squeezed the same way, so they still match),
camelCase hashtags split into words, emojis replaced by the words ``emopos`` / ``emoneg`` and
links, e-mail addresses and numbers replaced by placeholders.
"""
from __future__ import annotations

import re
import unicodedata

# Emojis that carry a clear sentiment. Anything not listed is dropped.
POSITIVE_EMOJIS = set("😊🙂😀😃😄😁😍🥰😘🤗👏🙌👍💪🎉✨🌟⭐💙💚💛💜🧡🤍🖤❤♥💕💖💗💞💓☺🥹😇🫶")
NEGATIVE_EMOJIS = set("😡😠🤬😤😞😔😢😭😩😫😒🙄👎💔😖😣😟😰😱🤦🤮🤢😑😐😕🙁☹😪")

_URL = re.compile(r"https?://\S+|www\.\S+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_MENTION = re.compile(r"@\w+")
_HASHTAG = re.compile(r"#(\w+)")
_CAMEL = re.compile(r"(?<=[a-záéíóúñü])(?=[A-ZÁÉÍÓÚÑ])")
_PHONE = re.compile(r"(?<!\w)(?:\+?\d[\d .-]{7,}\d)(?!\w)")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_REPEAT = re.compile(r"([a-z])\1+")
_NON_WORD = re.compile(r"[^a-z0-9?¿!¡ ]+")
_SPACES = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def squeeze(text: str) -> str:
    """Collapse every run of one repeated letter: "muuuy" -> "muy", "llamar" -> "lamar"."""
    return _REPEAT.sub(r"\1", text)


def _emoji_words(text: str) -> str:
    out = []
    for ch in text:
        if ch in POSITIVE_EMOJIS:
            out.append(" emopos ")
        elif ch in NEGATIVE_EMOJIS:
            out.append(" emoneg ")
        else:
            out.append(ch)
    return "".join(out)


def hashtags(text: str) -> list[str]:
    """Hashtag bodies, normalised and with no spaces ("#ListaDeEspera" -> "listadeespera")."""
    return [squeeze(strip_accents(tag.lower())) for tag in _HASHTAG.findall(text)]


def normalize(text: str) -> str:
    """Lower-case, accent-free, squeezed text with placeholders; punctuation ? and ! kept."""
    text = _URL.sub(" xurl ", text or "")
    text = _EMAIL.sub(" xemail ", text)
    text = _MENTION.sub(" xuser ", text)
    text = _HASHTAG.sub(lambda m: " " + _CAMEL.sub(" ", m.group(1)) + " ", text)
    text = _PHONE.sub(" xphone ", text)
    text = _emoji_words(text).replace("€", " euros ").replace("$", " dollars ")
    text = strip_accents(text.lower())
    text = _NUMBER.sub(" 0 ", text)
    text = text.replace("?", " ? ").replace("¿", " ¿ ").replace("!", " ! ").replace("¡", " ¡ ")
    text = _NON_WORD.sub(" ", text.replace("_", " "))
    text = squeeze(text)
    return _SPACES.sub(" ", text).strip()


def normalize_cue(cue: str) -> str:
    """A lexicon cue in the same form as ``normalize`` gives the text."""
    return _SPACES.sub(" ", squeeze(strip_accents(cue.lower()))).strip()
