"""Retention (issue 13, item 7): what holds patients' personal data is kept for a configured time,
then removed by a daily task, and every removal is audited.

=================  ==========================================  =====================================
kind               what                                        age counted from
=================  ==========================================  =====================================
``raw``            raw payloads (``raw.<source>`` rows,        when the warehouse received it
                   ``raw.quarantine``, ``raw.text_annotations``  (``loaded_at``; the quarantine's
                   whose record is gone)                        ``extracted_at``)
``batch_files``    ``var/batches/<run>/`` (the APIs' JSON)     the folder's newest file
``imported_files`` ``var/imports/done/`` (imported exports)    the file's modification time
``data_docs``      ``var/gx/runs/<run>/`` (Data Docs kept per  the folder's newest file
                   run), the live site's validation pages and
                   GX's stored validation results
=================  ==========================================  =====================================

The time is ``WEBCARE_RETENTION_MONTHS`` (13 by default: a year and the month it closes), or
``WEBCARE_RETENTION_<KIND>_MONTHS`` for one kind; ``forever`` keeps a kind. What the retention
removes from raw stays in the marts (built from staging, which holds no raw text and only
pseudonyms); a full refresh of staging after it rebuilds only what raw still holds
(docs/decision-log.md). The loader's ledger (``raw.load_batches``) and the audit schema hold no
personal data and are kept.

    python -m webcare.retention [--dry-run] [--today 2027-05-01]
"""
from __future__ import annotations

import argparse
import os
import shutil
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from pathlib import Path

from webcare import config, warehouse

KINDS = ("raw", "batch_files", "imported_files", "data_docs")
DEFAULT_MONTHS = 13


def raw_tables() -> list[str]:
    from webcare.sources import SOURCES

    return sorted({source.table for source in SOURCES.values()})


def today() -> date:
    """The UTC day now: retention counts the data's real age, whatever day a run processes."""
    return datetime.now(timezone.utc).date()


def months_for(kind: str) -> int | None:
    """The retention of ``kind`` in months, None for ``forever``; a clear error for anything else."""
    name = f"WEBCARE_RETENTION_{kind.upper()}_MONTHS"
    value = os.environ.get(name) or os.environ.get("WEBCARE_RETENTION_MONTHS") or str(DEFAULT_MONTHS)
    if value.strip().lower() == "forever":
        return None
    try:
        months = int(value)
    except ValueError:
        months = -1
    if months < 1:
        raise ValueError(f"{name} (or WEBCARE_RETENTION_MONTHS) must be a whole number of months >= 1 or 'forever'")
    return months


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (the month's last day when it has fewer)."""
    import calendar

    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def cutoff_for(kind: str, today: date) -> datetime | None:
    months = months_for(kind)
    if months is None:
        return None
    return datetime.combine(months_before(today, months), time(), tzinfo=timezone.utc)


@dataclass
class Removed:
    kind: str
    cutoff: datetime | None
    items: int = 0        # rows, files or folders removed
    detail: dict = field(default_factory=dict)  # per table or folder kind: counts only, never content

    def as_dict(self) -> dict:
        return {"cutoff": self.cutoff.isoformat() if self.cutoff else "forever", "removed": self.items,
                **({"by_place": self.detail} if self.detail else {})}


def _newest_mtime(path: Path) -> float:
    if path.is_file():
        return path.stat().st_mtime
    times = [p.stat().st_mtime for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return max(times, default=path.stat().st_mtime)


def _remove_older(paths: list[Path], cutoff: datetime, dry_run: bool) -> int:
    limit = cutoff.timestamp()
    removed = 0
    for path in paths:
        if _newest_mtime(path) >= limit:
            continue
        removed += 1
        if dry_run:
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    return removed


def _children(folder: Path) -> list[Path]:
    return sorted(folder.iterdir()) if folder.is_dir() else []


def files(kind: str, today: date, dry_run: bool = False) -> Removed:
    """Apply the retention of a file kind under the output folder."""
    cutoff = cutoff_for(kind, today)
    result = Removed(kind, cutoff)
    if cutoff is None:
        return result
    home = config.home()
    if kind == "batch_files":
        places = {"batches": _children(home / "batches")}
    elif kind == "imported_files":
        places = {"imports/done": _children(home / "imports" / "done")}
    elif kind == "data_docs":
        gx = home / "gx" / "gx" / "uncommitted"
        places = {"gx/runs": _children(home / "gx" / "runs"),
                  "data_docs validation pages": [p for p in (gx / "data_docs" / "local_site" / "validations").rglob("*.html")]
                  if (gx / "data_docs" / "local_site" / "validations").is_dir() else [],
                  "validation results": [p for p in (gx / "validations").rglob("*.json")]
                  if (gx / "validations").is_dir() else []}
    else:
        raise ValueError(f"not a file kind: {kind}")
    for place, paths in places.items():
        count = _remove_older(paths, cutoff, dry_run)
        result.detail[place] = count
        result.items += count
    return result


@warehouse.acting_as("loader")
def raw(today: date, url: str | None = None, dry_run: bool = False) -> Removed:
    """Apply the retention of raw payloads: rows received before the cutoff, in one transaction."""
    cutoff = cutoff_for("raw", today)
    result = Removed("raw", cutoff)
    if cutoff is None:
        return result
    url = warehouse.bootstrap(url)
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        tables = raw_tables()
        for source in tables:
            cur.execute(f"delete from raw.{source} where loaded_at < %s", (cutoff,))
            result.detail[f"raw.{source}"] = cur.rowcount
        cur.execute("delete from raw.quarantine where extracted_at < %s", (cutoff,))
        result.detail["raw.quarantine"] = cur.rowcount
        # annotations (redacted text) of records no raw table holds any more
        cur.execute("""delete from raw.text_annotations a where a.classified_at < %s and not exists (
                           select 1 from (""" + " union all ".join(
            f"select '{s}' as source, account_id, record_key from raw.{s}" for s in tables) + """) kept
                           where kept.source = a.source and kept.account_id = a.account_id
                             and kept.record_key = a.record_key)""", (cutoff,))
        result.detail["raw.text_annotations"] = cur.rowcount
        result.items = sum(result.detail.values())
        if dry_run:
            conn.rollback()
    return result


def apply(run_id: str, today: date, url: str | None = None, dry_run: bool = False) -> dict[str, dict]:
    """Every kind's retention, audited as the stage ``retention`` of ``run_id`` (counts only)."""
    from webcare import audit

    with warehouse.acting_as("loader"), audit.stage(run_id, today, "retention", url=url) as record:
        done = [raw(today, url, dry_run)] + [files(kind, today, dry_run) for kind in KINDS if kind != "raw"]
        summary = {r.kind: r.as_dict() for r in done}
        record.update(rows_in=None, rows_out=sum(r.items for r in done), details={"dry_run": dry_run, **summary})
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m webcare.retention", description=__doc__.splitlines()[0])
    parser.add_argument("--today", type=date.fromisoformat, default=today())
    parser.add_argument("--dry-run", action="store_true", help="count what would be removed, remove nothing")
    args = parser.parse_args(argv)
    run_id = f"retention__{datetime.now(timezone.utc):%Y%m%dT%H%M%S}"
    for kind, figures in apply(run_id, args.today, dry_run=args.dry_run).items():
        print(f"{kind:15} kept since {figures['cutoff']}: {figures['removed']} "
              f"{'would be ' if args.dry_run else ''}removed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
