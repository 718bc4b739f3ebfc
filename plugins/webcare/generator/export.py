"""Generated export files for the file imports, with their ground truth.

``twcs_export`` writes one institution's X traffic in the format of the Kaggle "Customer Support
on Twitter" file (twcs.csv: tweet_id, author_id, inbound, created_at, text, response_tweet_id,
in_response_to_tweet_id) with the defects real exports have: ids written as floats
(``119237.0``) and in exact scientific notation (``1.19237e+05``), texts with embedded line
breaks (``\\n``, ``\\r\\n``, a lone ``\\r``) and commas, rows not in time order, replies to tweets
not in the file, patients' follow-ups that reply to the institution's reply (inbound messages
too), and a few rows the import must reject (a bad timestamp, a missing author, a non-numeric
id, a date in the future). ``reviews_export`` writes a small spreadsheet of
reviews and replies for the ``reviews_spreadsheet`` mapping. Both are deterministic from the
seed and return an ``Export``: the path and the truth.

The truth (``Export.truth``):
- ``records``: every row the import must load: record_key, line, message_id, in_reply_to_id,
  author_id, is_institution, created_at (RFC 3339 UTC), text exactly as written;
- ``rejected``: every row it must reject: line, column, a fragment of the reason, raw (the row
  written back as one CSV row, as the reader reports it; None when rejected after mapping);
- ``messages``: per inbound message, in the shape of ``messages_truth.jsonl`` (institution_id,
  channel, message_id, native_id = record key, created_at, local_date, first_reply_at: the
  earliest institution row replying to it, or None), so ``generator.marts`` can measure it.
"""
from __future__ import annotations

import csv
import io
import json
import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from . import texts
from .institutions import load_institutions
from .schedule import minutes_around
from .times import google_time

TWCS_COLUMNS = ("tweet_id", "author_id", "inbound", "created_at", "text", "response_tweet_id", "in_response_to_tweet_id")
REVIEWS_COLUMNS = ("review_id", "date", "rating", "review", "reply", "reply_date", "location")
TWCS_MAPPING = "customer_support_on_twitter"
REVIEWS_MAPPING = "reviews_spreadsheet"
START = datetime(2026, 4, 6, tzinfo=timezone.utc)   # a Monday
BREAKS = ("\n", "\r\n", "\r")
_LINE_ENDS = re.compile(r"\r\n|\r|\n")


@dataclass
class Export:
    path: Path
    truth: dict

    def write_truth(self, path: str | Path) -> Path:
        Path(path).write_text(json.dumps(self.truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return Path(path)


@dataclass
class _Tweet:
    id: int
    author: str
    inbound: bool
    created: datetime
    text: str
    parent: "_Tweet | None" = None
    parent_id: int | None = None     # a parent that is not in the file


def twitter_time(moment: datetime) -> str:
    """``Tue Oct 31 22:10:47 +0000 2017``."""
    return moment.astimezone(timezone.utc).strftime("%a %b %d %H:%M:%S +0000 %Y")


def rfc3339(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def float_id(rng: random.Random, number: int, plain: float = 0.5) -> str:
    """An id as the tools that touched the file wrote it: plain, ``119237.0`` or ``1.19237e+05``
    (every digit kept, so the value is exact)."""
    roll = rng.random()
    if roll < plain:
        return str(number)
    if roll < plain + (1 - plain) * 0.7:
        return f"{number}.0"
    return f"{number:.{len(str(number)) - 1}e}"


def csv_row(cells: list[str]) -> str:
    """One CSV row as spreadsheets write it: a cell quoted only when it holds , " or a line break."""
    out = []
    for cell in cells:
        if any(c in cell for c in ',"\r\n'):
            cell = '"' + cell.replace('"', '""') + '"'
        out.append(cell)
    return ",".join(out) + "\n"


def as_read(cells: list[str]) -> str:
    """A row as the reader reports a rejected one: written back as one CSV row, no terminator."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(cells)
    return buffer.getvalue()


def physical_lines(row: str) -> int:
    return len(_LINE_ENDS.findall(row))


def with_breaks(rng: random.Random, text: str, extra: str) -> str:
    """Sometimes a second paragraph after \\n, \\r\\n or a lone \\r (quoted in the file)."""
    if rng.random() < 0.3:
        return f"{text}{rng.choice(BREAKS)}{extra}"
    return text


def institution_row(institution_id: str) -> dict:
    rows = {row["institution_id"]: row for row in load_institutions()}
    if institution_id not in rows:
        raise ValueError(f"no institution {institution_id!r} in the institutions seed")
    return rows[institution_id]


def twcs_conversations(rng: random.Random, handle: str, conversations: int, days: int,
                       start: datetime = START) -> list[_Tweet]:
    """Patients write; the institution answers most (some twice), patients follow up on the reply."""
    tweets: list[_Tweet] = []
    patients = [str(rng.randrange(100_000, 999_999)) for _ in range(max(3, conversations * 2 // 3))]

    def post(author: str, inbound: bool, created: datetime, text: str, parent: _Tweet | None = None) -> _Tweet:
        tweet = _Tweet(0, author, inbound, created, text, parent)
        tweets.append(tweet)
        return tweet

    def answer(message: _Tweet, kind: str, lang: str, follow_up: bool) -> None:
        if rng.random() >= 0.75:
            return
        first = message.created + minutes_around(rng, rng.choice((8, 25, 90, 400)))
        extra = "Un saludo." if lang == "es" else "Kind regards."
        reply = post(handle, False, first, with_breaks(
            rng, f"@{message.author} {rng.choice(texts.X_REPLIES[kind, lang])}", extra), message)
        if rng.random() < 0.15:  # a second reply: the first one still counts
            post(handle, False, first + minutes_around(rng, 60), f"@{message.author} ¿Te han llamado ya?", message)
        if follow_up and rng.random() < 0.35:
            later = post(message.author, True, reply.created + minutes_around(rng, 45),
                         f"@{handle} {rng.choice(texts.FOLLOW_UPS[lang])}", reply)
            answer(later, "question", lang, follow_up=False)

    for _ in range(conversations):
        kind, lang = texts.intent(rng), texts.language(rng)
        created = start + timedelta(seconds=rng.randrange(days * 86_400))
        body = texts.message(rng, kind, lang)
        if rng.random() < 0.2:
            body += ", gracias" if lang == "es" else ", thanks"   # a comma: the cell is quoted
        message = post(rng.choice(patients), True, created, with_breaks(rng, f"@{handle} {body}", "¿Alguien?"))
        answer(message, kind, lang, follow_up=True)
        if rng.random() < 0.08:  # the patient adds to their own message: another inbound message
            post(message.author, True, created + minutes_around(rng, 5), f"@{handle} y nadie responde", message)
    return tweets


def twcs_export(path: str | Path, institution: str = "hsn", seed: int = 7, conversations: int = 120,
                days: int = 7, first_id: int | None = None, start: datetime = START) -> Export:
    """Write the export to ``path`` and return it with its truth (see the module's docstring).
    Tweet ids start near 119,000 (``first_id`` sets the first one, e.g. to keep two files' ids apart)."""
    row = institution_row(institution)
    rng = random.Random(f"twcs-export:{seed}:{institution}")
    handle = row["x_username"]
    tweets = twcs_conversations(rng, handle, conversations, days, start)
    # a reply to a tweet that is not in the file (the export starts mid-conversation)
    orphan = _Tweet(0, handle, False, start + timedelta(hours=30), "@552211 Te escribimos por DM")
    tweets.append(orphan)
    base = 119_000 + rng.randrange(1000)
    base = base if first_id is None else first_id
    for n, tweet in enumerate(sorted(tweets, key=lambda t: t.created)):
        tweet.id = base + 3 * n   # increasing with time, as tweet ids are
    orphan.parent_id = base - 7
    children: dict[int, list[_Tweet]] = {}
    for tweet in tweets:
        if tweet.parent:
            children.setdefault(tweet.parent.id, []).append(tweet)

    # rows grouped by conversation, conversations and rows within them shuffled (the Kaggle file is
    # not in time order: the reader must not depend on it)
    def root(tweet: _Tweet) -> _Tweet:
        while tweet.parent:
            tweet = tweet.parent
        return tweet

    groups: dict[int, list[_Tweet]] = {}
    for tweet in tweets:
        groups.setdefault(root(tweet).id, []).append(tweet)
    ordered = []
    for key in rng.sample(sorted(groups), len(groups)):
        group = groups[key]
        rng.shuffle(group)
        ordered += group

    lines: list[str] = []
    records = []
    for tweet in ordered:
        parent = tweet.parent.id if tweet.parent else tweet.parent_id
        responses = ",".join(str(c.id) for c in sorted(children.get(tweet.id, []), key=lambda c: c.id))
        cells = [float_id(rng, tweet.id), tweet.author, "True" if tweet.inbound else "False", twitter_time(tweet.created),
                 tweet.text, responses, "" if parent is None else float_id(rng, parent, plain=0.2)]
        lines.append(csv_row(cells))
        records.append({"record_key": f"{TWCS_MAPPING}:{tweet.id}", "message_id": str(tweet.id),
                        "in_reply_to_id": None if parent is None else str(parent), "author_id": tweet.author,
                        "is_institution": not tweet.inbound, "created_at": rfc3339(tweet.created), "text": tweet.text})

    # rows the import must reject, each standing alone (no replies), at seeded positions
    when = twitter_time(start + timedelta(days=2, hours=9))
    defects = [
        ([str(base - 101), "884422", "True", "2026-04-08 11:00:00", f"@{handle} fecha mal escrita", "", ""],
         "created_at", "not a Twitter timestamp", True),
        ([str(base - 102), "", "True", when, f"@{handle} sin autor", "", ""], "author_id", "missing value", True),
        (["12a45", "884423", "True", when, f"@{handle} id roto", "", ""], "tweet_id", "not a whole number", True),
        # far in the future whenever the tests run: the import cannot measure it (old dates it can)
        ([str(base - 104), "884424", "True", "Wed Oct 31 22:10:47 +0000 2198", f"@{handle} del futuro", "", ""],
         "created_at", "is in the future", False),
    ]
    total = len(lines) + len(defects)
    positions = dict(zip(sorted(rng.sample(range(total), len(defects))), defects))
    rows = iter(zip(lines, records))
    lines, records, placed = [], [], []
    for index in range(total):
        if index in positions:
            cells, column, fragment, by_reader = positions[index]
            lines.append(csv_row(cells))
            records.append(None)
            placed.append((index, cells, column, fragment, by_reader))
        else:
            text, record = next(rows)
            lines.append(text)
            records.append(record)

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    header = ",".join(TWCS_COLUMNS) + "\n"
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(header)
        out.writelines(lines)
    starts, line = [], 2
    for text in lines:
        starts.append(line)
        line += physical_lines(text)
    loaded = []
    for first_line, record in zip(starts, records):
        if record is not None:
            loaded.append({**record, "line": first_line})
    rejected = []
    for slot, cells, column, fragment, by_reader in placed:
        first_line = starts[slot]
        rejected.append({"line": first_line, "column": column, "reason": f"line {first_line}, column {column}: ",
                         "fragment": fragment, "raw": as_read(cells) if by_reader else None,
                         "message_id": cells[0]})
    rejected.sort(key=lambda r: r["line"])
    return Export(path, {"mapping": TWCS_MAPPING, "institution_id": institution, "file_name": path.name,
                         "records": loaded, "rejected": rejected,
                         "messages": twcs_messages(row, tweets)})


def twcs_messages(row: dict, tweets: list[_Tweet]) -> list[dict]:
    """Per inbound message, its first reply: the earliest institution row replying to it."""
    first: dict[int, datetime] = {}
    for tweet in tweets:
        if not tweet.inbound and tweet.parent:
            key = tweet.parent.id
            first[key] = min(first.get(key, tweet.created), tweet.created)
    return sorted((message_truth(row, "x", f"{TWCS_MAPPING}:{t.id}", t.created, first.get(t.id))
                   for t in tweets if t.inbound), key=lambda m: (m["created_at"], m["native_id"]))


def message_truth(row: dict, channel: str, native_id: str, created: datetime, reply: datetime | None) -> dict:
    """The shape of messages_truth.jsonl (generator.marts measures it)."""
    return {"channel": channel, "institution_id": row["institution_id"], "message_id": native_id,
            "native_id": native_id, "created_at": google_time(created),
            "first_reply_at": google_time(reply) if reply else None,
            "local_date": created.astimezone(ZoneInfo(row["time_zone"])).date().isoformat()}


def reviews_export(path: str | Path, institution: str = "cmb", seed: int = 7, reviews: int = 12) -> Export:
    """A small reviews spreadsheet (CSV with a BOM, local times in Europe/Madrid without an offset,
    ratings written 4, 4.0 or 4/5), with one review whose rating is out of range (rejected; its
    reply still loads) and one without a rating (rejected)."""
    row = institution_row(institution)
    rng = random.Random(f"reviews-export:{seed}:{institution}")
    zone = ZoneInfo("Europe/Madrid")   # the mapping's time zone
    out_rows, records, messages, rejected = [], [], [], []
    for n in range(reviews):
        review_id = f"rv{seed}-{n:03d}"
        local = (START + timedelta(minutes=rng.randrange(7 * 1440))).astimezone(zone).replace(second=0, tzinfo=None)
        created = local.replace(tzinfo=zone).astimezone(timezone.utc)
        rating = rng.randint(1, 5)
        kind = "praise" if rating >= 4 else "complaint"
        text = texts.review_comment(rng, kind, "es")
        if n % 4 == 1:
            text = f"{text}\r\nVolveré a escribir."
        reply = reply_at = None
        if rng.random() < 0.7:
            reply_at = created + minutes_around(rng, 600)
            reply = rng.choice(texts.GOOGLE_REPLIES[rating >= 4, "es"])
        written = rng.choice((str(rating), f"{rating}.0", f"{rating}/5"))
        if n == 3:
            written = "7"        # out of range: the review is rejected, its reply still loads
        if n == 8:
            written = ""         # missing: rejected
        reply_local = reply_at.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S") if reply_at else ""
        cells = [review_id, local.strftime("%Y-%m-%d %H:%M"), written, text, reply or "", reply_local, institution]
        out_rows.append(cells)
        review_ok = n not in (3, 8)
        line = 2 + sum(physical_lines(csv_row(c)) for c in out_rows[:-1])
        if review_ok:
            records.append({"record_key": f"{REVIEWS_MAPPING}:{review_id}", "message_id": review_id, "line": line,
                            "is_institution": False, "created_at": rfc3339(created), "text": text})
            messages.append(message_truth(row, "google", f"{REVIEWS_MAPPING}:{review_id}", created,
                                          reply_at))
        else:
            rejected.append({"line": line, "column": "rating", "reason": f"line {line}, column rating: ",
                             "fragment": "not a star rating" if written else "missing value", "raw": as_read(cells),
                             "message_id": review_id})
        if reply_at:
            records.append({"record_key": f"{REVIEWS_MAPPING}:{review_id}:reply", "message_id": f"{review_id}:reply",
                            "line": line, "is_institution": True, "created_at": rfc3339(reply_at), "text": reply})
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        out.write(",".join(REVIEWS_COLUMNS) + "\n")
        out.writelines(csv_row(cells) for cells in out_rows)
    messages.sort(key=lambda m: (m["created_at"], m["native_id"]))
    return Export(path, {"mapping": REVIEWS_MAPPING, "institution_id": institution, "file_name": path.name,
                         "records": records, "rejected": rejected, "messages": messages})
