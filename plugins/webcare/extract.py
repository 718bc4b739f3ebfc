"""Extract one account of one source into a batch file, for the window the run owns.

Every source reads the window ``[since, cutoff)`` (docs/decision-log.md, "Extraction windows"):

- ``cutoff`` is the end of the run's day: nothing written at or after it is read by this run
  (it waits for the next one), so a run's data never reaches past its as-of instant.
- ``since`` is the earlier of the cursor (everything before it was read by earlier runs) and the
  start of the run's day, minus the source's lookback (posts that become visible late). Taking
  the earlier of the two makes a rerun of an old day read that day again (the cursor is past it),
  and a pause of several days catch up from the cursor.
- No cursor: the first run reads everything the API serves before the cutoff.
- A cursor later than the wall clock is an abnormal state (a clock or a hand gone wrong): it is
  reported as a warning and ignored, the run reads from its own day and resets the cursor.
- The cursor after is the later of the cursor before and the cutoff: a rerun of an old day never
  moves it backwards.

Google reviews read what was updated in the last ``WEBCARE_REREAD_MAX_AGE_DAYS`` (90) before the
window, Facebook ratings what was created in them, and both keep what was created before the
cutoff; Facebook and Instagram list the posts and media of those 90 days. A run with ``reread_all`` reads the
whole history of those sources. What is read twice is recognised by content and loaded once.
"""
from __future__ import annotations

import logging
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from webcare import batch_files, config, connections, warehouse
from webcare.sources import SOURCES
from webcare.timestamps import parse_rfc3339, to_rfc3339

log = logging.getLogger(__name__)

CLOCK_TOLERANCE = timedelta(minutes=5)  # a cursor this far past the wall clock is abnormal
_DIGITS = re.compile(r"^[0-9]{1,19}$")


def read_cursor(source: str, account_id: str, url: str | None = None) -> str | None:
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        cur.execute("select cursor_value from raw.extract_cursors where source = %s and account_id = %s",
                    (source, account_id))
        row = cur.fetchone()
    return row[0] if row else None


def cursor_instant(cursor: str | None) -> datetime | None:
    """A cursor as an instant: RFC 3339, or an X post id of earlier versions (a snowflake: its time)."""
    if not cursor:
        return None
    if _DIGITS.match(cursor):
        from webcare.sources.x import snowflake_time

        return snowflake_time(cursor)
    return parse_rfc3339(cursor)


def window(cursor: str | None, day_start: datetime, cutoff: datetime, lookback: timedelta,
           now: datetime | None = None) -> tuple[datetime | None, datetime | None, list[str]]:
    """(since, the cursor kept, warnings) for a run whose day is ``[day_start, cutoff)``."""
    now = now or datetime.now(timezone.utc)
    warnings: list[str] = []
    try:
        at = cursor_instant(cursor)
    except ValueError:
        warnings.append("the stored cursor is not a timestamp: ignored, reading the run's day")
        at = None
        cursor = "unreadable"
    if at is not None and at > now + CLOCK_TOLERANCE:
        warnings.append(f"the stored cursor {to_rfc3339(at)} is in the future (abnormal state): ignored,"
                        f" reading from the run's day and resetting it to the cutoff")
        at = None
        cursor = "future"
    if at is None:
        since = None if cursor is None else day_start - lookback
        return since, None, warnings
    return min(at, day_start) - lookback, at, warnings


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text)


def batch_path(run_id: str, source: str, account_id: str) -> Path:
    return config.output_dir("batches", _safe(run_id)) / f"{source}__{_safe(account_id)}.json"


@warehouse.acting_as("loader")
def extract(source: str, account_id: str, run_id: str, batch_date: date, cutoff: datetime,
            url: str | None = None, reread_all: bool = False) -> str:
    """Fetch the run's window for one account and write it, untouched, to a batch file; return its path.

    ``reread_all``: a source that reads only recent history daily (``Source.rereads``: Google
    reviews, Facebook and Instagram comments) reads all of it, as a first run does; the cursor
    moves as in any run."""
    if source not in SOURCES or SOURCES[source].fetch is None:
        raise ValueError(f"unknown source {source!r}, or not one read from an API")
    url = warehouse.bootstrap(url)
    hooks = SOURCES[source]
    cursor = read_cursor(source, account_id, url)
    day_start = datetime(batch_date.year, batch_date.month, batch_date.day, tzinfo=timezone.utc)
    since, kept, warnings = window(cursor, min(day_start, cutoff), cutoff, hooks.lookback)
    extracted_at = datetime.now(timezone.utc)
    settings = connections.api_settings(hooks.connection)
    result = hooks.fetch(settings, account_id, None if reread_all and hooks.rereads else since, cutoff)
    warnings += result.warnings
    deleted: list[str] = []
    if hooks.lookup_deleted:  # the posts still waiting for an answer: does the platform still have them?
        from webcare.deletions import waiting_keys

        deleted = hooks.lookup_deleted(settings, waiting_keys(source, account_id, cutoff, url))
    after = max((m for m in (kept, cursor_instant(result.cursor_after)) if m is not None), default=None)
    meta = {
        "source": source, "account_id": account_id, "run_id": run_id,
        "batch_date": batch_date.isoformat(), "cutoff": cutoff.isoformat(),
        "since": since.isoformat() if since else None,
        "extracted_at": extracted_at.isoformat(), "pages": result.pages,
        "cursor_before": cursor, "cursor_after": to_rfc3339(after) if after else None,
        "warnings": warnings, "complete": result.complete, "complete_from": result.complete_from,
        "deleted_keys": deleted, "reread_all": reread_all,
    }
    for warning in warnings:
        log.warning("%s %s: %s", source, account_id, warning)
    from webcare.erase import suppressions

    records, meta["records_suppressed"] = suppressions(url).keep(hooks, result.records)  # erased people (Art. 17)
    if meta["records_suppressed"]:
        log.info("%s %s: %d records of erased people not kept", source, account_id, meta["records_suppressed"])
    path = batch_path(run_id, source, account_id)
    batch_files.write(path, meta, records)
    log.info("%s %s: %d records in %d pages, window [%s, %s) (cursor %s -> %s)", source, account_id,
             len(result.records), result.pages, meta["since"], meta["cutoff"], cursor, meta["cursor_after"])
    return str(path)
