"""Poison records: records an API may send that are valid JSON, or nearly, and that the
warehouse cannot store or must not believe. Each is otherwise a perfectly good record of its
source, carries one defect, and comes with the reason the loader must quarantine it with (from
the documented limits: webcare.storable and webcare.timestamps, see docs/decision-log.md).

``raw_json`` is the exact text an API would put on the wire when Python's ``json.dumps`` would
write something else: ``1e5000`` (Python reads it as infinity and would write ``Infinity``) and
a lone surrogate (written as its escape ``\\ud83d``, which no UTF-8 encoder can produce raw).
The fake APIs serve it byte for byte (fault ``{"inject_record": p.record, "raw_json": p.raw_json}``).

``nested_beyond_parsers`` (100,000 levels) would stop Python's recursive JSON parser, and so
tweepy's and requests', losing its whole page: the clients read pages with
``webcare.storable.loads_page``, which reads that value as a marker the loader quarantines. Its
quarantined text and hash are therefore those of the record with the marker in place.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone

from webcare.storable import MAX_DEPTH, MAX_RECORD_BYTES

from .snowflake import snowflake

PLAUSIBLE = "plausible range 2000..2099"   # webcare.timestamps.PLAUSIBLE_YEARS
NUL = "a NUL character (\\u0000, which PostgreSQL cannot store)"
SURROGATE = "a lone surrogate (not a Unicode character, UTF-8 cannot encode it)"
INFINITE = "a number out of range (read as infinity)"
DEEP = 200                   # levels: deeper than MAX_DEPTH, still readable by every JSON client
UNREADABLE_DEEP = 100_000    # levels: deeper than any recursive JSON parser goes


@dataclass(frozen=True)
class Poison:
    name: str
    record: object                 # the record as a JSON client parses it
    reason: str                    # the quarantine reason the loader must give
    raw_json: str | None = None    # the wire text, when json.dumps(record) would differ
    through_api: bool = True
    tags: tuple = field(default=())

    def fault(self, match: str) -> dict:
        """The fake APIs' fault that serves this record once on the first request matching ``match``."""
        fault = {"match": match, "inject_record": self.record, "times": 1}
        if self.raw_json is not None:
            fault["raw_json"] = self.raw_json
        return fault


def canonical_size(record: object) -> int:
    return len(json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def nested(depth: int, leaf: object = 1) -> object:
    """Arrays nested ``depth`` levels deep around ``leaf`` (built without recursion)."""
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


def poison_id(sequence: int) -> str:
    """A tweet id of 1 March 2026: older than the generated traffic, so no cursor moves to it."""
    moment = datetime(2026, 3, 1, tzinfo=timezone.utc)
    return str(snowflake(int(moment.timestamp() * 1000), 4000 + sequence))


def _deep_json(record: dict, depth: int) -> str:
    """The wire text of ``record`` with ``entities.annotations`` nested ``depth`` levels (json.dumps
    cannot write it: it recurses)."""
    text = json.dumps({**record, "entities": {"annotations": "DEEP"}}, ensure_ascii=False)
    return text.replace('"DEEP"', "[" * depth + "1" + "]" * depth)


def x_poison(author_id: str = "990000000000000001", mention: str = "@ClinicaMarBCN") -> list[Poison]:
    """Poison mentions of an X account (tweet fields as the extractor requests them)."""

    def tweet(sequence: int, **changes) -> dict:
        record = {"id": poison_id(sequence), "author_id": author_id, "text": f"{mention} necesito una cita",
                  "created_at": "2026-03-24T10:00:00.000Z", "conversation_id": poison_id(sequence), "lang": "es",
                  "edit_history_tweet_ids": [poison_id(sequence)],
                  "public_metrics": {"retweet_count": 0, "reply_count": 0, "like_count": 0, "quote_count": 0}}
        record.update(changes)
        return record

    huge = tweet(9, text=f"{mention} " + "ayuda " * 200_000)
    infinite = tweet(4, public_metrics={"retweet_count": 0, "reply_count": 0, "like_count": float("inf"),
                                        "quote_count": 0})
    surrogate = tweet(5, text=f"{mention} hola \ud83d")
    return [
        Poison("year_1", tweet(1, created_at="0001-01-01T00:00:00.000Z"),
               f"invalid created_at: year 1 outside the {PLAUSIBLE}"),
        Poison("year_9999", tweet(2, created_at="9999-12-31T23:59:59.000Z"),
               f"invalid created_at: year 9999 outside the {PLAUSIBLE}"),
        # with an offset, converting to UTC overflows Python's datetime
        Poison("year_9999_offset", tweet(3, created_at="9999-12-31T23:30:00-01:00"),
               f"invalid created_at: year 9999 outside the {PLAUSIBLE}"),
        Poison("number_1e5000", infinite, f"{INFINITE} in public_metrics.like_count",
               raw_json=json.dumps(infinite, ensure_ascii=False).replace("Infinity", "1e5000")),
        Poison("lone_surrogate", surrogate, f"{SURROGATE} in text",
               raw_json=json.dumps(surrogate, ensure_ascii=True)),
        Poison("nul_in_text", tweet(6, text=f"{mention} hola\x00 adios"), f"{NUL} in text"),
        Poison("nul_in_key", tweet(7, entities={"hashtags\x00": []}), f"{NUL} in a key of entities"),
        Poison("deeply_nested", tweet(8, entities={"annotations": nested(DEEP)}),
               f"nested deeper than {MAX_DEPTH} levels"),
        Poison("huge", huge, f"larger than {MAX_RECORD_BYTES:,} bytes ({canonical_size(huge):,} bytes)"),
        # beyond Python's parser: tweepy and requests would lose the whole page (webcare.storable.loads_page)
        Poison("nested_beyond_parsers", tweet(10, entities={"annotations": nested(UNREADABLE_DEEP)}),
               f"nested deeper than {MAX_DEPTH} levels", raw_json=_deep_json(tweet(10), UNREADABLE_DEEP)),
    ]


def google_poison(location: str) -> list[Poison]:
    """Poison reviews of a Google location (``accounts/{a}/locations/{l}``)."""

    def review(name: str, **changes) -> dict:
        record = {"name": f"{location}/reviews/poison-{name}", "reviewId": f"poison-{name}",
                  "reviewer": {"displayName": "Lucía"}, "starRating": "TWO", "comment": "Nadie coge el teléfono",
                  "createTime": "2026-03-22T09:00:00Z", "updateTime": "2026-03-22T09:00:00Z"}
        record.update(changes)
        return record

    surrogate = review("surrogate", comment="Nadie coge el tel\udce9fono")
    return [
        # a year-9999 updateTime would otherwise also become the location's watermark
        Poison("year_9999", review("year-9999", updateTime="9999-12-31T23:59:59Z"),
               f"invalid updateTime: year 9999 outside the {PLAUSIBLE}"),
        Poison("year_1", review("year-1", createTime="0001-01-01T00:00:00Z"),
               f"invalid createTime: year 1 outside the {PLAUSIBLE}"),
        Poison("nul_in_comment", review("nul", comment="Nadie\x00 coge el teléfono"), f"{NUL} in comment"),
        Poison("lone_surrogate", surrogate, f"{SURROGATE} in comment",
               raw_json=json.dumps(surrogate, ensure_ascii=True)),
    ]


def facebook_poison(page_id: str = "100255000000002") -> list[Poison]:
    """Poison comments of a Facebook page (the fake Graph API has no injected records: these are
    loaded directly in the unit tests)."""

    def comment(n: int, **changes) -> dict:
        record = {"id": f"9000{n}_9100{n}", "post_id": f"{page_id}_9000{n}", "message": "Gracias",
                  "created_time": "2026-03-24T10:00:00+0000", "from": {"id": "7700000000000001", "name": "Ana"}}
        record.update(changes)
        return record

    return [
        # Graph's own +0000 format, year 9999 an hour west of UTC: converting it overflows datetime
        Poison("year_9999_offset", comment(1, created_time="9999-12-31T23:30:00-0100"),
               f"invalid created_time: year 9999 outside the {PLAUSIBLE}"),
        Poison("nul_in_message", comment(2, message="Gracias\x00"), f"{NUL} in message"),
        Poison("lone_surrogate_in_name", comment(3, **{"from": {"id": "7700000000000001", "name": "Ana \udc00"}}),
               f"{SURROGATE} in from.name"),
        Poison("number_1e5000", comment(4, like_count=float("inf")), f"{INFINITE} in like_count"),
    ]


def expected_reasons(poisons: list[Poison]) -> list[str]:
    return sorted(p.reason for p in poisons)


# --- an export file with poison rows (the importer: webcare.imports) ------------------------------

def twcs_poison_rows(handle: str = "HospSierraNorte") -> list[tuple[bytes, str | None, str]]:
    """Rows of the "Customer Support on Twitter" export (csv bytes, one physical line each), with
    the column and the problem the importer must name (after "line N, column C: ")."""
    def row(tweet_id: str = "900001", created: str = "Tue Apr 07 10:00:00 +0000 2026",
            text: bytes = b"hola", author: str = "552299") -> bytes:
        return b",".join([tweet_id.encode(), author.encode(), b"True", created.encode(),
                          b'"@' + handle.encode() + b" " + text + b'"', b"", b""]) + b"\r\n"

    return [
        (row("900001", created="Mon Jan 01 00:30:00 +0100 0001"), "created_at",
         "a date outside the range that can be converted to UTC"),
        (row("900002", created="Fri Dec 31 23:30:00 -0100 9999"), "created_at",
         "a date outside the range that can be converted to UTC"),
        (row("1e5000"), "tweet_id", "a value that cannot be converted (too long)"),
        (row("900004", text=b"hola\x00 adios"), "text", "a NUL character (\\u0000, which PostgreSQL cannot store)"),
        # a UTF-16 surrogate encoded as if it were a character (CESU-8): not UTF-8
        (row("900005", text=b"hola \xed\xa0\xbd"), "text", "bytes that are not utf-8-sig"),
    ]


def twcs_poison_export(path, institution: str = "hsn", seed: int = 7):
    """The generated export of ``institution`` with the poison rows appended; its truth gains
    one rejection per poison row (line, column, reason)."""
    import re
    from pathlib import Path

    from .export import institution_row, twcs_export

    export = twcs_export(path, institution=institution, seed=seed)
    path = Path(path)
    content = path.read_bytes()
    line = len(re.findall(rb"\r\n|\r|\n", content)) + 1
    rejected = []
    with path.open("ab") as out:
        for data, column, problem in twcs_poison_rows(institution_row(institution)["x_username"]):
            out.write(data)
            rejected.append({"line": line, "column": column, "reason": f"line {line}, column {column}: {problem}"})
            line += 1
    export.truth = {**export.truth, "poison": rejected}
    return export
