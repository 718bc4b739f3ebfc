"""Import an export file into the warehouse, build it, and show the KPIs of what it brought.

    python -m webcare.imports FILE --mapping NAME [--institution ID] [--no-build]

Imports FILE with the mapping NAME (a shipped mapping or a path to a .yml) into raw (see
webcare.imports.load: idempotent by file content, rejections to raw.quarantine), then, unless
--no-build, builds the warehouse as the daily DAG does after loading (webcare.pipeline's chain: raw gate,
annotate, dbt staging, staging gate, dbt marts, marts gate, publish; waiting while another run's chain
is under way) and prints, per institution and channel, the KPIs
of this file's inbound messages from marts.fct_interactions. --institution gives the account the
file belongs to (the mapping's account_id), e.g. an institution id of the institutions seed.

Exit status: 0 done (or already imported: nothing changed), 1 the build or a gate failed,
2 the file, the mapping or the institution is wrong.
"""
from __future__ import annotations

import argparse
import csv
import io
import logging
import sys
from datetime import date
from pathlib import Path

from webcare import config, warehouse
from webcare.accounts import ACCOUNT_COLUMNS, institution_accounts
from webcare.errors import WebcareError
from webcare.imports.errors import FileImportError
from webcare.imports.load import ImportReport, import_file
from webcare.imports.mapping import load_mapping

KPI_HEADER = ("institution", "channel", "inbound", "answered", "reply_rate", "median_min", "p90_min",
              "median_business_min", "p90_business_min", "within_sla")


def build(run_id: str, batch_date: date, say=print) -> None:
    """What webcare_daily does after loading, the one chain of webcare.pipeline (raw gate, annotate,
    dbt staging, staging gate, dbt marts, marts gate, publish), waiting while another run builds.
    Raises on a failed build or gate (the published marts stay as they were)."""
    from webcare.pipeline import run_chain

    run_chain(run_id, batch_date, say=say)


def file_kpis(record_keys: list[str], mapping_name: str, url: str | None = None) -> list[dict]:
    """KPIs per institution and channel of the inbound messages among ``record_keys`` (native ids
    ``<mapping>:<message id>``) in the published marts.fct_interactions (docs/metrics.md)."""
    url = warehouse.bootstrap(url)
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        cur.execute("create temporary table file_keys (native_id text primary key) on commit drop")
        buffer = io.StringIO()
        csv.writer(buffer).writerows((key,) for key in record_keys)
        buffer.seek(0)
        cur.copy_expert("copy file_keys (native_id) from stdin with (format csv)", buffer)
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
            join file_keys k on k.native_id = f.native_id
            where f.native_id like %s
            group by 1, 2 order by 1, 2""", (mapping_name.replace("_", r"\_") + ":%",))
        rows = cur.fetchall()
    return [{"institution_id": i, "channel": c, "inbound": n, "answered": a,
             "response_rate": a / n if n else None, "median_first_response_minutes": m50,
             "p90_first_response_minutes": m90, "median_first_response_business_minutes": b50,
             "p90_first_response_business_minutes": b90, "sla_measured": measured, "sla_achieved": achieved,
             "pct_within_sla": achieved / measured if measured else None}
            for i, c, n, a, m50, m90, b50, b90, achieved, measured in rows]


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m webcare.imports", description=__doc__.splitlines()[0])
    parser.add_argument("file", help="the export file (CSV or JSON Lines)")
    parser.add_argument("--mapping", required=True, help="a shipped mapping's name or a mapping .yml")
    parser.add_argument("--institution", help="the account the file belongs to (sets the mapping's account_id)")
    parser.add_argument("--no-build", action="store_true", help="load raw only; the next daily run builds")
    args = parser.parse_args(argv)

    path = Path(args.file)
    if not path.is_file():
        return _fail(f"no such file: {path}", 2)
    try:
        mapping = load_mapping(args.mapping)
    except FileImportError as exc:
        return _fail(str(exc), 2)
    accounts = institution_accounts()
    if args.institution and args.institution not in accounts:
        return _fail(f"unknown institution or account {args.institution!r}: not in "
                     f"{config.SEEDS_DIR / 'institutions.csv'} ({', '.join(ACCOUNT_COLUMNS)})", 2)

    if args.institution and all(spec.fields.get("account_id") for spec in mapping.messages):
        print(f"warning: mapping {mapping.name} reads the account from the file; --institution is not used")
    print(f"importing {path} with mapping {mapping.name}", flush=True)
    try:
        report: ImportReport = import_file(
            path, mapping, {"account_id": args.institution} if args.institution else None, keep_keys=not args.no_build,
            progress=lambda rows: print(f"  {rows:,} rows read ...", flush=True))
    except FileImportError as exc:
        return _fail(str(exc), 2)
    print(report.summary(), flush=True)
    if report.already_imported:
        return 0
    if args.no_build:
        print("not built (--no-build): the next webcare_daily run builds and publishes the marts")
        return 0

    print(f"building the warehouse (run {report.run_id}, batch date {report.batch_date})", flush=True)
    try:
        build(report.run_id, date.fromisoformat(report.batch_date), say=lambda text: print(text, flush=True))
    except WebcareError as exc:
        return _fail(f"the build stopped, the published marts are unchanged: {exc}", 1)
    rows = file_kpis(report.record_keys, mapping.name)
    print(f"\nKPIs of this file's inbound messages (marts.fct_interactions, {sum(r['inbound'] for r in rows):,} "
          "messages; minutes: first response; within_sla: achieved / (achieved + breached))")
    print(kpi_table(rows))
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    sys.exit(main())
