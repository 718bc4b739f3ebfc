"""Quarantined API records: what is there, and replaying it after a fix.

    python -m webcare.quarantine list
    python -m webcare.quarantine replay [--source x_mentions] [--account ID] [--reason-like TEXT] [--dry-run]

A record the loader or the raw gate set aside stays in ``raw.quarantine`` (with its reason, its
run, batch date and extraction time) until someone acts. After the cause is fixed — a new
release that reads a field it refused, a limit raised, a seed that now names the account —
``replay`` puts each unresolved quarantined record of the API sources through the loader's own
checks again (``webcare.load``): a record that now passes is loaded into its raw table under the
run ``replay__<UTC time>`` with its original batch date and extraction time, and its quarantine
row gets ``resolved_at`` and ``resolved_run_id``; one that still fails stays, and is counted with
its reason now. The next ``webcare_daily`` run builds the loaded records (the raw gate checks
them like any). A record kept only as the text received (it could not be parsed, or was cut at
65,536 characters) cannot be replayed: it is counted as such. File imports are retried with
``python -m webcare.imports FILE --mapping NAME --retry-rejected`` (the import ledger knows the
file's lines), so ``imported_messages`` is not replayed here.

Replaying twice changes nothing the second time. Reasons are printed, never record texts.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone

from webcare import warehouse
from webcare.load import load_batch, split_records
from webcare.sources import SOURCES

log = logging.getLogger(__name__)

IMPORTS = "imported_messages"
CUT_MARK = "... [cut: "


@dataclass
class ReplayReport:
    run_id: str
    considered: int = 0
    loaded: int = 0                                   # now in raw, quarantine rows resolved
    still_rejected: Counter = field(default_factory=Counter)   # reason now -> records
    unreplayable: int = 0                             # kept as text only
    dry_run: bool = False

    def summary(self) -> str:
        verb = "would load" if self.dry_run else "loaded"
        lines = [f"replay {self.run_id}: {self.considered:,} unresolved quarantined records of the API sources",
                 f"  {verb:<12} {self.loaded:>8,} (they pass the loader's checks now)",
                 f"  still out    {sum(self.still_rejected.values()):>8,}",
                 *[f"    {n:,}  {reason}" for reason, n in self.still_rejected.most_common(10)],
                 f"  text only    {self.unreplayable:>8,} (kept as received: cannot be read back as a record)"]
        if self.loaded and not self.dry_run:
            lines.append("  the next webcare_daily run builds them")
        return "\n".join(lines)


@warehouse.acting_as("loader")
def unresolved(url: str, source: str | None = None, account: str | None = None,
               reason_like: str | None = None) -> list[tuple]:
    """(quarantine_id, source, account_id, record_text, reason, batch_date, extracted_at) of the
    unresolved quarantine rows of the API sources."""
    sql = """select quarantine_id, source, account_id, record_text, reason, batch_date, extracted_at
             from raw.quarantine where resolved_at is null and source <> %s"""
    params: list = [IMPORTS]
    for column, value in (("source", source), ("account_id", account)):
        if value:
            sql += f" and {column} = %s"
            params.append(value)
    if reason_like:
        sql += " and reason ilike %s"
        params.append(f"%{reason_like}%")
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        cur.execute(sql + " order by quarantine_id", params)
        return cur.fetchall()


def _record(text: str):
    """The record a quarantine row holds, or None when only its text was kept."""
    if CUT_MARK in text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def _mark(url: str, ids: list[int], run_id: str | None) -> None:
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        cur.execute("update raw.quarantine set resolved_at = case when %s::text is null then null else now() end, "
                    "resolved_run_id = %s where quarantine_id = any(%s)", (run_id, run_id, ids))


def _in_raw(url: str, table: str, account: str, rows: list[tuple[int, str, str]]) -> set[int]:
    """Quarantine ids whose record (key and content) is in raw.<table> of the account."""
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        found = set()
        for quarantine_id, key, text in rows:
            cur.execute(f"select 1 from raw.{table} where account_id = %s and record_key = %s "
                        "and payload = %s::jsonb limit 1", (account, key, text))
            if cur.fetchone():
                found.add(quarantine_id)
    return found


@warehouse.acting_as("loader")
def replay(url: str | None = None, source: str | None = None, account: str | None = None,
           reason_like: str | None = None, dry_run: bool = False) -> ReplayReport:
    """Replay the unresolved quarantined API records that pass the loader's checks now (module docstring)."""
    url = warehouse.bootstrap(url)
    report = ReplayReport(f"replay__{datetime.now(timezone.utc):%Y%m%dT%H%M%S}", dry_run=dry_run)
    groups: dict[tuple, list[tuple]] = defaultdict(list)
    for quarantine_id, src, acct, text, _, batch_date, extracted_at in unresolved(url, source, account, reason_like):
        if src not in SOURCES:
            continue
        report.considered += 1
        record = _record(text)
        if record is None:
            report.unreplayable += 1
            continue
        valid, rejected = split_records(src, [record])
        if rejected:
            report.still_rejected[rejected[0][2]] += 1
            continue
        key, serialised, _ = valid[0]
        groups[(src, acct, batch_date, extracted_at)].append((quarantine_id, key, serialised, record))
    for (src, acct, batch_date, extracted_at), rows in groups.items():
        if dry_run:
            report.loaded += len(rows)
            continue
        ids = [row[0] for row in rows]
        _mark(url, ids, report.run_id)  # resolved first: the loader skips unresolved quarantined content
        try:
            load_batch({"meta": {"source": src, "account_id": acct, "run_id": report.run_id,
                                 "batch_date": batch_date.isoformat(), "extracted_at": extracted_at.isoformat(),
                                 "cutoff": None, "cursor_before": None, "cursor_after": None},
                        "records": [row[3] for row in rows]}, url)
        finally:
            loaded = _in_raw(url, SOURCES[src].table, acct, [(row[0], row[1], row[2]) for row in rows])
            missing = [i for i in ids if i not in loaded]
            if missing:
                _mark(url, missing, None)  # not in raw after all: stays unresolved
        report.loaded += len(loaded)
        for row in rows:
            if row[0] not in loaded:
                report.still_rejected["PostgreSQL refused it again"] += 1
    log.info("%s: %d loaded, %d still rejected, %d text only", report.run_id, report.loaded,
             sum(report.still_rejected.values()), report.unreplayable)
    return report


@warehouse.acting_as("loader")
def listing(url: str | None = None) -> list[tuple]:
    """(source, reason, unresolved, resolved) of the whole quarantine: reasons only, never texts."""
    url = warehouse.bootstrap(url)
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        cur.execute("""select source, reason, count(*) filter (where resolved_at is null),
                              count(*) filter (where resolved_at is not null)
                       from raw.quarantine group by 1, 2 order by 1, 3 desc, 2""")
        return cur.fetchall()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m webcare.quarantine", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="quarantined records per source and reason")
    again = commands.add_parser("replay", help="load the quarantined API records that pass the checks now")
    again.add_argument("--source", choices=sorted(name for name in SOURCES if name != IMPORTS))
    again.add_argument("--account")
    again.add_argument("--reason-like", help="only records whose reason contains this text")
    again.add_argument("--dry-run", action="store_true", help="count, load nothing")
    args = parser.parse_args(argv)
    if args.command == "list":
        rows = listing()
        print(f"{'source':<20} {'unresolved':>10} {'resolved':>9}  reason")
        for source, reason, open_, closed in rows:
            print(f"{source:<20} {open_:>10,} {closed:>9,}  {reason[:120]}")
        return 0
    print(replay(source=args.source, account=args.account, reason_like=args.reason_like,
                 dry_run=args.dry_run).summary())
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    sys.exit(main())
