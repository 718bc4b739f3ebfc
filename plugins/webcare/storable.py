"""Can PostgreSQL store this record as jsonb, and what to keep of it when it cannot.

A record the APIs send may be valid JSON that the warehouse still cannot hold: a number like
``1e5000`` (Python reads it as infinity, which JSON and jsonb have no spelling for), a lone
UTF-16 surrogate (``"\\ud800"``: valid JSON escape, not a Unicode character, UTF-8 cannot encode
it), a NUL character (jsonb rejects ``\\u0000`` in keys and strings), nesting deep enough to
exhaust a recursive parser, or a payload far beyond any real record. ``problem`` finds these
without recursion (so a record nested 100,000 levels deep is judged, not crashed on) and says
where, by JSON path, never by value: a reason must not quote personal data.

``safe_text`` is what the quarantine keeps of a rejected record: JSON text that a PostgreSQL
``text`` column accepts whatever the record holds (non-ASCII, surrogates and NUL escaped), cut
to ``MAX_QUARANTINE_TEXT`` characters; ``record_sha256`` stays the hash of the whole record.
"""
from __future__ import annotations

import hashlib
import json
import math

# Limits of one record. The APIs' records nest at most 5 levels (a Graph comment's
# parent.from.id, a tweet's entities.mentions[i]) and are a few kB (X: 280 characters plus
# metadata; Google: a 4,096-character review and its reply), so these are far above anything real.
MAX_DEPTH = 32                       # objects and arrays inside one another, the record itself is 1
MAX_RECORD_BYTES = 1 << 20           # 1 MiB of canonical JSON (UTF-8)
MAX_QUARANTINE_TEXT = 64 * 1024      # characters of a rejected record kept as evidence in raw.quarantine
MAX_PARSE_DEPTH = 200                # levels a page is parsed to (Python's recursive parser stops near 1,000)
# what a page's value nested beyond MAX_PARSE_DEPTH is read as (loads_page): NUL-led, so it can
# never be stored by mistake, and problem() names it
DEEP_MARKER = "\x00webcare: nested too deep to read"


def canonical_json(record: object) -> str:
    """The record's canonical text: the loader's payload and the basis of its sha256."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def sha256(text: str) -> str:
    """SHA-256 of a text; a lone surrogate is hashed by its code point (``surrogatepass``)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _path(parent: str, key: object) -> str:
    if isinstance(key, int):
        return f"{parent}[{key}]"
    key = key if _is_name(key) else "?"
    return f"{parent}.{key}" if parent else key


def _is_name(key: object) -> bool:
    return isinstance(key, str) and len(key) <= 64 and key.replace("_", "a").isalnum() and key.isascii()


def _text_problem(text: str) -> str | None:
    if "\x00" in text:
        return "a NUL character (\\u0000, which PostgreSQL cannot store)"
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return "a lone surrogate (not a Unicode character, UTF-8 cannot encode it)"
    return None


def problem(record: object) -> str | None:
    """Why PostgreSQL cannot store ``record`` as jsonb (depth, NUL, lone surrogates, numbers out
    of range), or None. Iterative: any depth is judged without recursion."""
    stack: list[tuple[object, int, str]] = [(record, 1, "")]
    while stack:
        value, depth, where = stack.pop()
        if isinstance(value, dict):
            if depth > MAX_DEPTH:
                return f"nested deeper than {MAX_DEPTH} levels"
            for key, item in value.items():
                if isinstance(key, str):
                    bad = _text_problem(key)
                    if bad:
                        return f"{bad} in a key of {where or 'the record'}"
                stack.append((item, depth + 1, _path(where, key)))
        elif isinstance(value, list):
            if depth > MAX_DEPTH:
                return f"nested deeper than {MAX_DEPTH} levels"
            stack.extend((item, depth + 1, _path(where, i)) for i, item in enumerate(value))
        elif isinstance(value, str):
            if value == DEEP_MARKER:
                return f"nested deeper than {MAX_DEPTH} levels"
            bad = _text_problem(value)
            if bad:
                return f"{bad} in {where or 'the record'}"
        elif isinstance(value, float) and not math.isfinite(value):
            kind = "not a number (NaN)" if math.isnan(value) else "a number out of range (read as infinity)"
            return f"{kind} in {where or 'the record'}"
    return None


def serialise(record: object) -> tuple[str | None, str | None]:
    """(canonical JSON, None) when PostgreSQL can store the record, else (None, reason).

    The walk of ``problem`` runs only when the canonical text could hide a problem: JSON writes a
    NUL as ``\\u0000``, a lone surrogate does not encode to UTF-8, ``allow_nan=False`` refuses
    infinities and NaN, and a text with at most ``MAX_DEPTH`` brackets cannot nest deeper. Anything
    else is judged (and its reason named) by the walk, as before."""
    try:
        text = json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        size = len(text.encode("utf-8"))
    except (ValueError, UnicodeEncodeError, RecursionError):
        text = None
    if text is None or "\\u0000" in text or text.count("{") + text.count("[") > MAX_DEPTH:
        reason = problem(record)
        if reason:
            return None, reason
        if text is None:
            text = json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
            size = len(text.encode("utf-8"))
    if size > MAX_RECORD_BYTES:
        return None, f"larger than {MAX_RECORD_BYTES:,} bytes ({size:,} bytes)"
    return text, None


def dumps_any(value: object) -> str:
    """JSON text of any value Python holds, at any depth (no recursion), ASCII only: lone
    surrogates and NUL come out as escapes, infinities as ``Infinity`` (as ``json.dumps`` does)."""
    try:
        return json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    except RecursionError:
        pass
    out: list[str] = []
    stack: list[object] = [value]
    scalar = lambda v: json.dumps(v, ensure_ascii=True)  # noqa: E731
    while stack:
        item = stack.pop()
        if isinstance(item, _Token):
            out.append(item.text)
        elif isinstance(item, dict):
            parts: list[object] = [_Token("{")]
            for i, (key, child) in enumerate(item.items()):
                parts += [_Token(("," if i else "") + scalar(str(key)) + ":"), child]
            parts.append(_Token("}"))
            stack.extend(reversed(parts))
        elif isinstance(item, (list, tuple)):
            parts = [_Token("[")]
            for i, child in enumerate(item):
                parts += ([_Token(",")] if i else []) + [child]
            parts.append(_Token("]"))
            stack.extend(reversed(parts))
        else:
            out.append(scalar(item))
    return "".join(out)


class _Token:
    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text


def loads_page(data: str | bytes) -> object:
    """``json.loads`` of a response body (bytes: UTF-8/16/32 detected as ``json.loads`` does),
    except that a value nested deeper than ``MAX_PARSE_DEPTH`` (which would exhaust Python's
    recursive parser and lose the whole page) is read as ``DEEP_MARKER``: the page's other
    records are read as they are, and the loader quarantines the deep one."""
    try:
        return json.loads(data)
    except RecursionError:
        text = data if isinstance(data, str) else data.decode(json.detect_encoding(data), "surrogatepass")
        return json.loads(_flatten_deep(text, MAX_PARSE_DEPTH))


def _flatten_deep(text: str, limit: int) -> str:
    out: list[str] = []
    last, depth, start = 0, 0, None
    in_string = escaped = False
    for i, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth == limit + 1:
                start = i
        elif char in "]}":
            depth -= 1
            if depth == limit and start is not None:
                out += [text[last:start], json.dumps(DEEP_MARKER)]
                last, start = i + 1, None
    out.append(text[last:])
    return "".join(out)


def safe_text(text: str) -> str:
    """A text PostgreSQL's ``text`` type accepts (no NUL, no lone surrogate), at most
    ``MAX_QUARANTINE_TEXT`` characters with a note of the cut."""
    if "\x00" in text or not _utf8(text):
        text = text.encode("ascii", "backslashreplace").decode("ascii").replace("\x00", "\\u0000")
    if len(text) > MAX_QUARANTINE_TEXT:
        text = f"{text[:MAX_QUARANTINE_TEXT]}... [cut: {len(text):,} characters in all]"
    return text


def _utf8(text: str) -> bool:
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def quarantine_text(record: object) -> tuple[str, str]:
    """(record_text, record_sha256) of a rejected record: the text storable, the hash of the
    whole canonical record."""
    if isinstance(record, RawText):
        return safe_text(record.text), sha256(record.text)
    try:
        canonical = canonical_json(record)
    except (RecursionError, ValueError):
        canonical = dumps_any(record)
    text = canonical if _utf8(canonical) else dumps_any(record)
    return safe_text(text), sha256(canonical)


class RawText:
    """A record that could only be kept as the text that was received (it could not be parsed):
    the loader quarantines it with ``reason``."""
    __slots__ = ("text", "reason")

    def __init__(self, text: str, reason: str):
        self.text, self.reason = text, reason

    def __repr__(self) -> str:
        return f"RawText({len(self.text)} characters: {self.reason})"
