"""What each task of the webcare_daily DAG does, with its row in the audit trail.

The DAG file only wires these together; each function is a plain call that works without
Airflow (give it a run id and a batch date). The build chain's steps (validate, annotate,
dbt_step, publish) are called through webcare.pipeline, which runs one run's chain at a time.
"""
from __future__ import annotations

from datetime import date, datetime

from webcare import audit, dbt
from webcare.roles import LOADER, PUBLISHER, TRANSFORMER, VALIDATOR
from webcare.validate import StageResult, gate
from webcare.warehouse import acting_as

# The two dbt builds around the staging gate. Seeds go with staging: the staging gate and tests
# read reference data (institutions, channels). Staging runs on one thread: replacing a staging
# view drops the intermediate views built on it (cascade), and two threads dropping views with a
# dependent in common can deadlock in PostgreSQL (seen once in the tests). Staging is all views
# and takes seconds; the marts build, which those drops leave without old views, keeps its threads.
DBT_STAGING = ["build", "--select", "+tag:staging", "resource_type:seed", "--threads", "1"]
DBT_MARTS = ["build", "--exclude", "tag:staging", "resource_type:seed"]


def reread_all_today(batch_date: date, asked: bool = False) -> bool:
    """Whether a run reads the whole history of the sources that read only recent history daily:
    when asked (the DAG's ``reread_all`` param), and on the day of the month
    ``WEBCARE_REREAD_ALL_DAY_OF_MONTH`` (default 1; empty: never by itself) of the run's day."""
    import os

    day = os.environ.get("WEBCARE_REREAD_ALL_DAY_OF_MONTH", "1").strip()
    return bool(asked) or (day != "" and batch_date.day == int(day))


def extract(target: dict, run_id: str, batch_date: date, cutoff: datetime, reread_all: bool = False) -> dict:
    """Extract one account of one source to a batch file; returns the target with the file's path."""
    from webcare.extract import extract as extract_account

    with acting_as(LOADER), audit.stage(run_id, batch_date, "extract", source=target["source"]) as record:
        path = extract_account(target["source"], target["account_id"], run_id=run_id, batch_date=batch_date,
                               cutoff=cutoff, reread_all=reread_all)
        record["details"] = {"account_id": target["account_id"], "reread_all": reread_all}
    return {**target, "path": path}


def load(batch: dict, run_id: str, batch_date: date) -> dict:
    from webcare.load import load_batch_file

    with acting_as(LOADER), audit.stage(run_id, batch_date, "load", source=batch["source"]) as record:
        result = load_batch_file(batch["path"])
        record.update(rows_in=result.received, rows_out=result.inserted, rows_quarantined=result.quarantined,
                      details=result.as_dict())
    return result.as_dict()


def validate(stage: str, run_id: str, batch_date: date) -> dict:
    with acting_as(VALIDATOR):
        result: StageResult = gate(stage, run_id, batch_date.isoformat())
    return result.as_dict()


def annotate(run_id: str, batch_date: date) -> dict:
    from webcare.annotate import annotate_pending

    with acting_as(LOADER), audit.stage(run_id, batch_date, "annotate") as record:
        counts = annotate_pending()
        record.update(rows_out=sum(counts.values()), details=counts)
    return counts


def dbt_step(name: str, args: list[str], run_id: str, batch_date: date) -> None:
    """One dbt invocation as a stage; its results (every model, seed and test) go to audit."""
    with acting_as(TRANSFORMER), audit.stage(run_id, batch_date, name) as record:
        try:
            dbt.run(args)
        finally:
            record["rows_in"] = audit.load_dbt_results(run_id, batch_date, dbt.target_dir() / "run_results.json")


def publish(run_id: str, batch_date: date) -> dict:
    from webcare.publish import publish as publish_marts

    with acting_as(PUBLISHER), audit.stage(run_id, batch_date, "publish") as record:
        counts = publish_marts()
        record.update(rows_out=sum(counts.values()), details=counts)
    return counts


def freshness(run_id: str, batch_date: date) -> list[dict]:
    from webcare.freshness import check

    with acting_as(VALIDATOR), audit.stage(run_id, batch_date, "freshness") as record:
        rows = check(run_id, batch_date.isoformat())
        record.update(rows_out=len(rows), details={"warn": sum(r["status"] == "warn" for r in rows),
                                                   "error": sum(r["status"] == "error" for r in rows)})
    return [{k: str(v) for k, v in row.items()} for row in rows]
