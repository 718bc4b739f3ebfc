"""Redact and classify the text of raw records before anything reaches staging.

For every raw record version (source, account, id, content hash) without an annotation, the
texts it carries (a mention, a reply, a review and its owner's reply) are redacted
(webcare.classify.pii) and classified (webcare.classify.classifier), and written to
``raw.text_annotations`` with the classifier's version. Staging never carries raw text: the
dbt models take the redacted text and the labels from here.

    python -m webcare.annotate               # what the DAG does: new or changed records only
    python -m webcare.annotate --all         # look at every raw record, not only recent loads
    python -m webcare.annotate --reclassify  # after a change of method: every record again, with
                                             # the current version (older rows stay, for tracing)

Only recent loads are looked at (issue 12: the daily cost must not grow with history): raw rows
loaded since the last annotation that finished, less a margin (``WEBCARE_ANNOTATE_LOOKBACK_HOURS``,
24 h) that covers a load transaction still open when that annotation started (``loaded_at`` is
its transaction's start). The mark is ``private.settings`` ``annotate.loaded_since``, moved only
when every text was written; without it (a new warehouse) every raw row is looked at.
"""
from __future__ import annotations

import argparse
import logging
import os
import re
import sys
import unicodedata

from webcare import warehouse
from webcare.sources import SOURCES

log = logging.getLogger(__name__)

STOPWORDS = set("""
a al algo alguien como con cual cuando de del donde el en es esta este esto estoy favor gracias hay hola
la las le lo los me mi mis muy no o para pero por porque puedo puede pueden que quiero necesito saber se
si sin su sus te tengo un una uno y ya yo buenas buenos dias tardes noches alguna alguno hacer
the a an and are can could do does for from have hello hi how i if in is it me my of on or please the
there to what when where which who why will with would you your thanks
""".split())


def question_signature(redacted: str) -> str:
    """A key shared by near-duplicate questions: the content words' stems, sorted (heuristic)."""
    text = unicodedata.normalize("NFKD", redacted.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"https?://\S+|[@#]\w+|\[[a-z]+\]|\d+", " ", text)
    words = {w[:5] for w in re.findall(r"[a-z]{3,}", text) if w not in STOPWORDS}
    return " ".join(sorted(words)[:8])


MARK = "annotate.loaded_since"  # private.settings: raw rows loaded before it are all annotated


def lookback_hours() -> float:
    return float(os.environ.get("WEBCARE_ANNOTATE_LOOKBACK_HOURS", "24"))


def _since(url: str) -> str | None:
    """The loaded_at from which raw rows may still lack annotations (None: look at every row)."""
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        cur.execute("select (value::timestamptz - make_interval(secs => %s))::text from private.settings"
                    " where name = %s", (lookback_hours() * 3600, MARK))
        row = cur.fetchone()
    return row[0] if row else None


def _move_mark(url: str, started: str) -> None:
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        cur.execute("insert into private.settings values (%s, %s) on conflict (name) do update"
                    " set value = greatest(private.settings.value::timestamptz, excluded.value::timestamptz)::text",
                    (MARK, started))


@warehouse.acting_as("loader")
def annotate_pending(url: str | None = None, reclassify: bool = False, batch_size: int = 2000,
                     everything: bool = False) -> dict[str, int]:
    """Annotate every raw text not yet annotated among recent loads (``everything``: among all raw
    rows; ``reclassify``: all of them again, with the current classifier version)."""
    from psycopg2.extras import execute_values

    url = warehouse.bootstrap(url)
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        cur.execute("select now()::text")
        (started,) = cur.fetchone()
    since = None if (reclassify or everything) else _since(url)
    recent = "" if since is None else f"and r.loaded_at >= '{since}'::timestamptz"
    counts: dict[str, int] = {}
    for source in SOURCES.values():
        for text in source.texts:
            kind, path = text.kind, text.path
            missing = "" if reclassify else f"""
                and not exists (select 1 from raw.text_annotations a
                                where a.source = '{source.name}' and a.account_id = r.account_id
                                  and a.record_key = r.record_key and a.payload_sha256 = r.payload_sha256
                                  and a.text_kind = '{kind}')"""
            present = "true" if text.always else f"r.payload #>> '{path}' is not null"
            carried = f"and ({text.where})" if text.where else ""
            with warehouse.transaction(url) as conn, conn.cursor(name=f"pending_{source.name}_{kind}") as cur:
                cur.execute(f"""select distinct on (r.account_id, r.record_key, r.payload_sha256)
                                       r.account_id, r.record_key, r.payload_sha256,
                                       coalesce(r.payload #>> '{path}', ''),
                                       r.payload ->> 'lang', {text.stars}
                                from raw.{source.table} r
                                where {present} {carried} {recent} {missing}""")
                pending = cur.fetchall()
            annotations = _annotate_all([(kind, source.channel, body, lang, stars)
                                         for _account, _key, _sha, body, lang, stars in pending])
            rows = [(source.name, *record[:3], kind, *annotation)
                    for record, annotation in zip(pending, annotations)]
            for start in range(0, len(rows), batch_size):
                with warehouse.transaction(url) as conn, conn.cursor() as cur:
                    execute_values(cur, """
                        insert into raw.text_annotations (source, account_id, record_key, payload_sha256, text_kind,
                            redacted_text, has_pii, pii_kinds, intent, domain, category, sentiment, tone,
                            moves_to_private, gives_medical_advice, question_signature, classifier_version)
                        values %s on conflict do nothing""", rows[start:start + batch_size])
            counts[f"{source.name}:{kind}"] = len(rows)
    _move_mark(url, started)
    log.info("annotated %s (raw rows loaded since %s)", counts, since or "the beginning")
    return counts


# below this many texts one process annotates them; above, every core (the history of a new
# warehouse, --all, --reclassify: hundreds of thousands of texts at a few hundred a second each)
PARALLEL_FROM = int(os.environ.get("WEBCARE_ANNOTATE_PARALLEL_FROM", "20000"))


def _annotate_one(item: tuple) -> tuple:
    """Redact and classify one text: (kind, channel, body, lang, stars) -> the annotation's columns
    after its key (redacted text, has_pii, pii kinds, message labels, reply labels, signature, version)."""
    from webcare.classify import classifier, pii

    kind, channel, body, lang, stars = item
    redaction = pii.redact(body)
    if kind == "message":
        labels = classifier.classify_message(body, lang=lang, channel=channel, star_rating=_stars(stars))
        reply = (None, None, None)
        message = (labels["intent"], labels["domain"], labels["category"], labels["sentiment"])
    else:
        labels = classifier.classify_reply(body, lang=lang)
        message = (None, None, None, None)
        reply = (labels["tone"], labels["moves_to_private"], labels["gives_medical_advice"])
    signature = question_signature(redaction.text) if message[0] == "question" else None
    return (redaction.text, redaction.has_pii, list(redaction.kinds), *message, *reply, signature,
            labels["classifier_version"])


def _annotate_all(items: list[tuple]) -> list[tuple]:
    """Every text annotated, in order. An annotation is a function of (kind, channel, body, language,
    stars) only, so each distinct one is annotated once: a history repeats the same texts (an
    institution's template replies, retweeted complaints, a bare rating without text)."""
    distinct = list(dict.fromkeys(items))
    if len(distinct) < len(items):
        log.info("%d texts, %d distinct", len(items), len(distinct))
        by_item = dict(zip(distinct, _annotate_distinct(distinct)))
        return [by_item[item] for item in items]
    return _annotate_distinct(items)


def _annotate_distinct(items: list[tuple]) -> list[tuple]:
    """Each text annotated, in order; on all cores when there are many (the same function in each
    process: the results are those of one process, tests/test_annotate.py)."""
    workers = min(os.cpu_count() or 1, 8)
    if len(items) < PARALLEL_FROM or workers < 2:
        return [_annotate_one(item) for item in items]
    import multiprocessing

    from webcare.classify import classifier, pii

    # import and load everything before forking: the workers share it, and no import lock is held
    classifier.classify_reply("", lang="es")
    classifier.classify_message("", lang="es", channel="x", star_rating=None)
    pii.redact("")
    log.info("annotating %d texts on %d processes", len(items), workers)
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(_annotate_one, items, chunksize=500)


def _stars(value: str | None) -> int | None:
    """Google's ``FOUR`` or an imported ``4``."""
    named = {"ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5}
    return named.get(value or "") or (int(value) if value and value.isdigit() and 1 <= int(value) <= 5 else None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m webcare.annotate", description=__doc__.splitlines()[0])
    parser.add_argument("--reclassify", action="store_true",
                        help="annotate every record again with the current classifier version")
    parser.add_argument("--all", action="store_true", dest="everything",
                        help="look at every raw record, not only those loaded since the last annotation")
    args = parser.parse_args(argv)
    counts = annotate_pending(reclassify=args.reclassify, everything=args.everything)
    for key, count in counts.items():
        print(f"{key:<28} {count:>8} texts annotated")
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main())
