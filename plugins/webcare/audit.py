"""The audit trail in the warehouse (schema ``audit``): what every run did at every stage.

Rows are only ever appended, so a rerun adds its own rows beside the earlier attempt's.
"""
from __future__ import annotations

import json
import time
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path

from webcare import warehouse


@contextmanager
def stage(run_id: str, batch_date: date | str, name: str, source: str = "all", checkpoint: str | None = None,
          url: str | None = None):
    """Time a stage and write its row to audit.stage_runs, failed or not. The caller fills the
    yielded dict (rows_in, rows_out, rows_quarantined, details, success=False for a soft failure)."""
    record: dict = {}
    started = datetime.now(timezone.utc)
    clock = time.monotonic()
    success = False
    try:
        yield record
        success = record.get("success", True)
    finally:
        with warehouse.transaction(url) as conn, conn.cursor() as cur:
            cur.execute(
                """insert into audit.stage_runs (run_id, batch_date, stage, source, rows_in, rows_out,
                       rows_quarantined, checkpoint_name, success, started_at, finished_at, duration_seconds, details)
                   values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)""",
                (run_id, str(batch_date), name, source, record.get("rows_in"), record.get("rows_out"),
                 record.get("rows_quarantined"), checkpoint, success, started, datetime.now(timezone.utc),
                 time.monotonic() - clock, json.dumps(record.get("details"), default=str)
                 if record.get("details") is not None else None))


def record_expectations(run_id: str, batch_date: date | str, stage_name: str, checkpoint: str,
                        outcomes: list[dict], url: str | None = None) -> None:
    from psycopg2.extras import execute_values

    rows = [(run_id, str(batch_date), stage_name, checkpoint, o["suite_name"], o["expectation_type"],
             o.get("column"), o["severity"], o["success"], json.dumps(o.get("observed_value"), default=str),
             o.get("element_count"), o.get("unexpected_count"), o.get("unexpected_percent"),
             json.dumps(o.get("sample_values"), default=str)) for o in outcomes]
    if not rows:
        return
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        execute_values(cur, """insert into audit.expectation_results (run_id, batch_date, stage, checkpoint_name,
                                   suite_name, expectation_type, column_name, severity, success, observed_value,
                                   element_count, unexpected_count, unexpected_percent, sample_values)
                               values %s""", rows)


def load_dbt_results(run_id: str, batch_date: date | str, run_results: Path, url: str | None = None) -> int:
    """Copy dbt's run_results.json (every model, seed and test of the invocation) into audit."""
    from psycopg2.extras import execute_values

    if not run_results.exists():
        return 0
    results = json.loads(run_results.read_text()).get("results", [])
    rows = [(run_id, str(batch_date), r["unique_id"], r["unique_id"].split(".")[0], r["status"], r.get("failures"),
             r.get("execution_time"), (r.get("message") or "")[:500]) for r in results]
    if rows:
        with warehouse.transaction(url) as conn, conn.cursor() as cur:
            execute_values(cur, """insert into audit.dbt_test_results (run_id, batch_date, unique_id, resource_type,
                                       status, failures, execution_seconds, message) values %s""", rows)
    return len(rows)
