"""Freshness per source and per account: dbt's source freshness (per table) with its thresholds,
and the same thresholds applied to each account's last loaded record. Results go to
audit.source_freshness; a stale source is reported, it does not stop the run."""
from __future__ import annotations

import json
import logging
from datetime import datetime, timezone

from webcare import dbt, warehouse
from webcare.sources import SOURCES

log = logging.getLogger(__name__)
HOURS = {"minute": 1 / 60, "hour": 1, "day": 24}


def _hours(rule: dict | None) -> float | None:
    if not rule or rule.get("count") is None:
        return None
    return rule["count"] * HOURS[rule["period"]]


def _status(age_hours: float | None, criteria: dict) -> str:
    warn, error = _hours(criteria.get("warn_after")), _hours(criteria.get("error_after"))
    if age_hours is None:
        return "error"
    if error is not None and age_hours > error:
        return "error"
    if warn is not None and age_hours > warn:
        return "warn"
    return "pass"


@warehouse.acting_as("validator")
def check(run_id: str, batch_date: str, url: str | None = None) -> list[dict]:
    url = warehouse.bootstrap(url)
    try:
        dbt.run(["source", "freshness"], url)
    except dbt.DbtFailed as exc:  # dbt exits 1 when a source is past error_after: report, don't stop
        log.warning("dbt source freshness: %s", exc)
    results = json.loads((dbt.target_dir() / "sources.json").read_text())["results"]
    by_table = {r["unique_id"].split(".")[-1]: r for r in results}
    now = datetime.now(timezone.utc)
    rows = []
    for table_name, result in by_table.items():
        criteria = result.get("criteria", {})
        rows.append({"source": table_name, "account_id": "all", "last_loaded_at": result.get("max_loaded_at"),
                     "last_created_at": None, "hours_since_loaded": (result.get("max_loaded_at_time_ago_in_s") or 0) / 3600,
                     "status": result.get("status", "error")})
        if table_name not in SOURCES:
            continue
        created = SOURCES[table_name].created_field
        with warehouse.transaction(url) as conn, conn.cursor() as cur:
            cur.execute(f"""select account_id, max(loaded_at), max((payload ->> '{created}')::timestamptz)
                            from raw.{table_name} group by account_id order by account_id""")
            for account_id, loaded, created_at in cur.fetchall():
                age = (now - loaded).total_seconds() / 3600 if loaded else None
                rows.append({"source": table_name, "account_id": account_id, "last_loaded_at": loaded,
                             "last_created_at": created_at, "hours_since_loaded": age,
                             "status": _status(age, criteria)})
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        for row in rows:
            cur.execute("""insert into audit.source_freshness (run_id, batch_date, source, account_id, last_loaded_at,
                               last_created_at, hours_since_loaded, status) values (%s, %s, %s, %s, %s, %s, %s, %s)""",
                        (run_id, batch_date, row["source"], row["account_id"], row["last_loaded_at"],
                         row["last_created_at"], row["hours_since_loaded"], row["status"]))
    return rows
