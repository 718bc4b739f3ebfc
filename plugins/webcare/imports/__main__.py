"""Import an export file into the warehouse, build it, and show the KPIs of what it brought.

    python -m webcare.imports FILE --mapping NAME [--institution ID | --register-accounts --time-zone ZONE
                              [--kind KIND]] [--retry-rejected] [--out RESULTS.csv] [--no-build]

Imports FILE with the mapping NAME (a shipped mapping or a path to a .yml) into raw (see
webcare.imports.load: idempotent by file content, rejections to raw.quarantine and the import
ledger), then, unless --no-build, builds the warehouse as the daily DAG does after loading
(webcare.pipeline's chain: raw gate, annotate, dbt staging, staging gate, dbt marts, marts gate,
publish; waiting while another run's chain is under way) and prints, per institution and
channel, the KPIs of this file's inbound messages from marts.fct_interactions.

Accounts: a multi-account mapping takes each message's account from the file; --institution
instead makes every message one institution's. Accounts that name no institution are reported
with counts and their messages rejected, unless --register-accounts registers them as
institutions (of --time-zone, --kind). --retry-rejected re-processes the lines an earlier
import of the same file rejected, after their cause was fixed. --out writes one row per inbound
message of the file, read from the published marts (docs/file-imports.md).

Exit status: 0 done (or already imported: nothing changed), 1 the build or a gate failed,
2 the file, the mapping or the institution is wrong.
"""
from __future__ import annotations

import argparse
import csv
import io
import logging
import sys
from datetime import date, datetime, timezone
from pathlib import Path

from webcare import config, warehouse
from webcare.accounts import ACCOUNT_COLUMNS
from webcare.errors import WebcareError
from webcare.imports.accounts import INSTITUTION_KINDS, AccountBook
from webcare.imports.errors import FileImportError
from webcare.imports.load import ImportReport, Registration, import_file
from webcare.imports.mapping import load_mapping

KPI_HEADER = ("institution", "channel", "inbound", "answered", "reply_rate", "median_min", "p90_min",
              "median_business_min", "p90_business_min", "within_sla")


def build(run_id: str, batch_date: date, say=print) -> None:
    """What webcare_daily does after loading, the one chain of webcare.pipeline (raw gate, annotate,
    dbt staging, staging gate, dbt marts, marts gate, publish), waiting while another run builds.
    Raises on a failed build or gate (the published marts stay as they were)."""
    from webcare.pipeline import run_chain

    run_chain(run_id, batch_date, say=say)


def _file_messages(cur, messages: list[tuple]) -> None:
    """The temporary table file_messages: the file's inbound messages (line, account, institution,
    channel, native id, message id), to join with the marts."""
    cur.execute("""create temporary table file_messages (position integer, line integer, account_id text,
                       institution_id text, channel_id text, native_id text, message_id text) on commit drop""")
    buffer = io.StringIO()
    csv.writer(buffer).writerows((n, *m) for n, m in enumerate(messages))
    buffer.seek(0)
    cur.copy_expert("copy file_messages from stdin with (format csv)", buffer)
    cur.execute("create index on file_messages (institution_id, channel_id, native_id)")
    cur.execute("analyze file_messages")


@warehouse.acting_as("bi")
def file_kpis(messages: list[tuple], url: str | None = None) -> list[dict]:
    """KPIs per institution and channel of the file's inbound messages (``ImportReport.messages``)
    in the published marts.fct_interactions (docs/metrics.md)."""
    url = warehouse.bootstrap(url)
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        _file_messages(cur, messages)
        cur.execute("""
            select f.institution_id, f.channel_id, count(*) as inbound,
                   count(*) filter (where f.is_answered) as answered,
                   percentile_cont(0.5) within group (order by f.first_response_minutes),
                   percentile_cont(0.9) within group (order by f.first_response_minutes),
                   percentile_cont(0.5) within group (order by f.first_response_business_minutes),
                   percentile_cont(0.9) within group (order by f.first_response_business_minutes),
                   count(*) filter (where f.sla_status = 'achieved'),
                   count(*) filter (where f.sla_status in ('achieved', 'breached'))
            from marts.fct_interactions f
            where exists (select 1 from file_messages k where k.institution_id = f.institution_id
                          and k.channel_id = f.channel_id and k.native_id = f.native_id)
            group by 1, 2 order by 1, 2""")
        rows = cur.fetchall()
    return [{"institution_id": i, "channel": c, "inbound": n, "answered": a,
             "response_rate": a / n if n else None, "median_first_response_minutes": m50,
             "p90_first_response_minutes": m90, "median_first_response_business_minutes": b50,
             "p90_first_response_business_minutes": b90, "sla_measured": measured, "sla_achieved": achieved,
             "pct_within_sla": achieved / measured if measured else None}
            for i, c, n, a, m50, m90, b50, b90, achieved, measured in rows]


RESULT_COLUMNS = ("message_id", "account_id", "institution_id", "channel", "created_at", "answered",
                  "first_response_at", "first_response_minutes", "first_response_business_minutes", "sla_status",
                  "intent", "category")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    """A results cell: empty for unknown, true/false, RFC 3339 UTC times, minutes as written. A text
    (an id or account read from the imported file) that a spreadsheet would run as a formula, one
    starting with = + - @ or a tab or carriage return, gets a leading apostrophe (OWASP's advice
    against CSV injection; issue 13); numbers are written as they are."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return str(value)


@warehouse.acting_as("bi")
def write_results(messages: list[tuple], out: Path, url: str | None = None) -> int:
    """One CSV row per inbound message of the file (RESULT_COLUMNS), in file order, from the
    published marts.fct_interactions; a message the marts do not hold (e.g. written after the
    as-of instant) has its marts columns empty. Returns the rows written."""
    url = warehouse.bootstrap(url)
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        _file_messages(cur, messages)
        cur.execute("""
            select k.message_id, k.account_id, k.institution_id, k.channel_id, f.created_at, f.is_answered,
                   f.first_response_at, f.first_response_minutes, f.first_response_business_minutes, f.sla_status,
                   f.intent, f.category_code
            from file_messages k
            left join marts.fct_interactions f
              on f.institution_id = k.institution_id and f.channel_id = k.channel_id and f.native_id = k.native_id
            order by k.position""")
        rows = cur.fetchall()
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    with open(partial, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(RESULT_COLUMNS)
        writer.writerows([_cell(v) for v in row] for row in rows)
    partial.replace(out)
    return len(rows)


def kpi_cells(row: dict) -> list[str]:
    """One printed line's cells (minutes with two decimals, rates as percentages)."""
    def minutes(value):
        return "-" if value is None else f"{value:.2f}"

    def percent(value):
        return "-" if value is None else f"{100 * value:.1f}%"

    return [row["institution_id"], row["channel"], str(row["inbound"]), str(row["answered"]),
            percent(row["response_rate"]), minutes(row["median_first_response_minutes"]),
            minutes(row["p90_first_response_minutes"]), minutes(row["median_first_response_business_minutes"]),
            minutes(row["p90_first_response_business_minutes"]), percent(row["pct_within_sla"])]


def kpi_table(rows: list[dict]) -> str:
    table = [list(KPI_HEADER)] + [kpi_cells(row) for row in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(KPI_HEADER))]
    return "\n".join("  " + "  ".join(cell.rjust(w) if i > 1 else cell.ljust(w)
                                      for i, (cell, w) in enumerate(zip(line, widths))).rstrip()
                     for line in table)


def _fail(message: str, status: int) -> int:
    print(f"error: {message}", file=sys.stderr)
    return status


class Progress:
    """Rows read, rows/s and rejected so far on a terminal (tqdm); nothing when stderr is not a TTY."""

    def __init__(self, name: str):
        from tqdm import tqdm

        self.bar = tqdm(desc=f"reading {name}", unit=" rows", unit_scale=True, file=sys.stderr, leave=False,
                        disable=None if sys.stderr.isatty() else True)
        self.rows = 0

    def __call__(self, state: dict) -> None:
        self.bar.update(state["rows"] - self.rows)
        self.rows = state["rows"]
        self.bar.set_postfix(rejected=f"{state['rejected']:,}", refresh=False)
        if state.get("done"):
            self.bar.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m webcare.imports", description=__doc__.splitlines()[0])
    parser.add_argument("file", help="the export file (CSV or JSON Lines)")
    parser.add_argument("--mapping", required=True, help="a shipped mapping's name or a mapping .yml")
    parser.add_argument("--institution", help="every message is this institution's (an institution id or one of "
                                              "its account ids), instead of accounts from the file")
    parser.add_argument("--register-accounts", action="store_true",
                        help="register the file's accounts that name no institution as institutions")
    parser.add_argument("--time-zone", help="with --register-accounts: the IANA time zone of the new institutions")
    parser.add_argument("--kind", default="other", choices=INSTITUTION_KINDS,
                        help="with --register-accounts: their institution_kind (default: other)")
    parser.add_argument("--retry-rejected", action="store_true",
                        help="re-process the lines an earlier import of this file rejected (after a fix)")
    parser.add_argument("--out", metavar="FILE.csv", help="write one row per inbound message of the file, "
                                                          "from the published marts")
    parser.add_argument("--no-build", action="store_true", help="load raw only; the next daily run builds")
    args = parser.parse_args(argv)

    path = Path(args.file)
    if not path.is_file():
        return _fail(f"no such file: {path}", 2)
    if args.register_accounts and not args.time_zone:
        return _fail("--register-accounts needs --time-zone (the new institutions' IANA zone, e.g. UTC)", 2)
    if args.register_accounts and args.institution:
        return _fail("--institution names the file's one institution: there is nothing to register", 2)
    if args.out and args.no_build:
        return _fail("--out reads the published marts: it needs the build (drop --no-build)", 2)
    try:
        mapping = load_mapping(args.mapping)
    except FileImportError as exc:
        return _fail(str(exc), 2)
    url = warehouse.bootstrap()
    if args.institution and AccountBook.from_warehouse(url).resolve(args.institution) is None:
        return _fail(f"unknown institution or account {args.institution!r}: not in "
                     f"{config.SEEDS_DIR / 'institutions.csv'} ({', '.join(ACCOUNT_COLUMNS)}) nor registered", 2)
    if args.institution and all(spec.fields.get("account_id") and not spec.fields["account_id"].derive
                                for spec in mapping.messages):
        print(f"warning: mapping {mapping.name} reads the account from a column; --institution is not used")
    register = Registration(args.time_zone, args.kind) if args.register_accounts else None
    print(f"importing {path} with mapping {mapping.name}", flush=True)
    try:
        report: ImportReport = import_file(
            path, mapping, {"account_id": args.institution} if args.institution else None, url,
            keep_keys=not args.no_build, progress=Progress(path.name), retry_rejected=args.retry_rejected,
            register=register)
    except FileImportError as exc:
        return _fail(str(exc), 2)
    print(report.summary(), flush=True)
    if report.already_imported and not args.out:
        return 0
    if args.no_build:
        print("not built (--no-build): the next webcare_daily run builds and publishes the marts")
        return 0

    if not report.already_imported:
        print(f"building the warehouse (run {report.run_id}, batch date {report.batch_date})", flush=True)
        try:
            build(report.run_id, date.fromisoformat(report.batch_date), say=lambda text: print(text, flush=True))
        except WebcareError as exc:
            return _fail(f"the build stopped, the published marts are unchanged: {exc}", 1)
    rows = file_kpis(report.messages, url)
    print(f"\nKPIs of this file's inbound messages (marts.fct_interactions, {sum(r['inbound'] for r in rows):,} "
          "messages; minutes: first response; within_sla: achieved / (achieved + breached))")
    print(kpi_table(rows))
    if args.out:
        written = write_results(report.messages, Path(args.out), url)
        print(f"\nper-message results: {args.out} ({written:,} inbound messages, from marts.fct_interactions)")
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    sys.exit(main())
