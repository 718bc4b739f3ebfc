"""
### webcare_daily

Every day, for every institution account in the institutions seed: extract what patients wrote
on X (mentions), Google (reviews), Facebook pages (comments, ratings) and Instagram (comments)
since the last cursor, together with the institution's
replies; load it untouched into `raw` (rejects to `raw.quarantine`); then pass three Great
Expectations gates around two dbt builds:

`validate_raw` (the day's raw batch) -> `annotate` (redact personal data and classify every new
text; staging never sees raw text) -> `dbt_staging` -> `validate_staging` (staging, and the
reconciliation raw/loader/staging) -> `dbt_marts` (into `marts_build`) -> `validate_marts` (marts,
and staging/facts) -> `publish_marts` (to `marts`, what BI reads) -> `dbt_docs`.

A failed gate stops the run before publishing, so BI tools keep the previous good marts;
warnings are recorded and shown. Every stage writes its row to the `audit` schema; freshness and
the daily quality report run whatever happened, then `apply_retention` removes raw payloads, batch
files, imported files and kept Data Docs older than their retention (WEBCARE_RETENTION_MONTHS, 13;
`webcare.retention`) and audits what it removed.

The chain from `validate_raw` to `publish_marts` is the one of `webcare.pipeline`, shared with
`webcare_import` and `python -m webcare.imports`: one run's chain at a time (a build claim and a
PostgreSQL advisory lock; the tasks after the raw gate, dbt_docs and source_freshness in the
Airflow pool `webcare_warehouse`, one slot). Nothing hangs: every task has an execution_timeout,
the run a dagrun_timeout (WEBCARE_TASK_TIMEOUT_MINUTES, WEBCARE_DAGRUN_TIMEOUT_MINUTES).

The run whose logical date is D processes the UTC day before D (data interval [D-1, D)).
Google reviews, Facebook comments and ratings and Instagram comments are read for the last
WEBCARE_REREAD_MAX_AGE_DAYS (90) of posts, media and reviews, so the daily cost does not grow with
history; the run of day WEBCARE_REREAD_ALL_DAY_OF_MONTH (the 1st) of each month, or one triggered
with `{"reread_all": true}`, reads their whole history (docs/decision-log.md, "Graph comments").
"""
from __future__ import annotations

import importlib
import os
from datetime import datetime, timedelta

from airflow.sdk import Asset, CronTriggerTimetable, Param, dag, task

# the raw tables of the API sources (webcare.sources.SOURCES; tests/test_dag_integrity.py keeps them equal)
RAW_TABLES = ("x_mentions", "x_tweets", "google_reviews", "facebook_comments", "facebook_ratings", "instagram_comments")
RAW_ASSETS = [Asset(name=f"raw.{table}", uri=f"webcare://warehouse/raw/{table}") for table in RAW_TABLES]
MARTS_ASSET = Asset(name="marts", uri="webcare://warehouse/marts")

# Nothing hangs for ever: a task is stopped after TASK_TIMEOUT, the raw gate (where a run waits for
# another run's build, webcare.pipeline) after TASK_TIMEOUT + BUILD_WAIT, a run after DAGRUN_TIMEOUT.
TASK_TIMEOUT = timedelta(minutes=float(os.environ.get("WEBCARE_TASK_TIMEOUT_MINUTES", "60")))
BUILD_WAIT = timedelta(minutes=float(os.environ.get("WEBCARE_BUILD_WAIT_MINUTES", "30")))
DAGRUN_TIMEOUT = timedelta(minutes=float(os.environ.get("WEBCARE_DAGRUN_TIMEOUT_MINUTES", "360")))
POOL = "webcare_warehouse"  # webcare.pipeline.POOL: one slot, created by the project's setup


def give_back_build_claim(context) -> None:
    """A run that failed or timed out between two steps gives its build claim back (imported late)."""
    run_id = context.get("run_id") or context["dag_run"].run_id
    importlib.import_module("webcare.pipeline").give_back(run_id)


@dag(
    schedule=CronTriggerTimetable("0 0 * * *", timezone="UTC", interval=timedelta(days=1)),
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    dagrun_timeout=DAGRUN_TIMEOUT,
    on_failure_callback=give_back_build_claim,
    params={"reread_all": Param(False, type="boolean",
                                description="Read the whole history of Google reviews, Facebook comments and ratings "
                                            "and Instagram comments, not only the last WEBCARE_REREAD_MAX_AGE_DAYS (also done on "
                                            "day WEBCARE_REREAD_ALL_DAY_OF_MONTH of every month)")},
    doc_md=__doc__,
    tags=["webcare", "extract", "dbt", "great_expectations"],
    default_args={
        "owner": "webcare",
        "retries": 2,
        "retry_delay": timedelta(minutes=1),
        "retry_exponential_backoff": True,
        "max_retry_delay": timedelta(minutes=20),
        "execution_timeout": TASK_TIMEOUT,
    },
)
def webcare_daily():
    @task
    def list_targets() -> list[dict]:
        from webcare.accounts import extraction_targets

        return extraction_targets()

    @task(max_active_tis_per_dagrun=4)
    def extract(target: dict, run_id=None, data_interval_start=None, data_interval_end=None, params=None) -> dict:
        from webcare import tasks

        day = data_interval_start.date()
        return tasks.extract(target, run_id, day, data_interval_end,
                             tasks.reread_all_today(day, (params or {}).get("reread_all", False)))

    @task(outlets=RAW_ASSETS)
    def load(batch: dict, run_id=None, data_interval_start=None) -> dict:
        from webcare import tasks

        return tasks.load(batch, run_id, data_interval_start.date())

    # Gates and builds fail for reasons a retry does not fix: no retries.
    # The chain (webcare.pipeline). Gates and builds fail for reasons a retry does not fix: no retries.
    @task(retries=0, execution_timeout=TASK_TIMEOUT + BUILD_WAIT)
    def validate_raw(loads: list[dict], run_id=None, data_interval_start=None) -> dict:
        from webcare import pipeline

        # index by length: iterating a mapped XCom probes one item past the end (a logged 404)
        items = [loads[i] for i in range(len(loads))]
        print({key: sum(item[key] for item in items) for key in ("received", "inserted", "quarantined")})
        return pipeline.run_step("validate_raw", run_id, data_interval_start.date())

    @task(pool=POOL)
    def annotate(raw_result: dict, run_id=None, data_interval_start=None) -> dict:
        from webcare import pipeline

        return pipeline.run_step("annotate", run_id, data_interval_start.date())

    @task(retries=0, pool=POOL)
    def dbt_staging(annotated: dict, run_id=None, data_interval_start=None) -> None:
        from webcare import pipeline

        pipeline.run_step("dbt_staging", run_id, data_interval_start.date())

    @task(retries=0, pool=POOL)
    def validate_staging(run_id=None, data_interval_start=None) -> dict:
        from webcare import pipeline

        return pipeline.run_step("validate_staging", run_id, data_interval_start.date())

    @task(retries=0, pool=POOL)
    def dbt_marts(staging_result: dict, run_id=None, data_interval_start=None) -> None:
        from webcare import pipeline

        pipeline.run_step("dbt_marts", run_id, data_interval_start.date())

    @task(retries=0, pool=POOL)
    def validate_marts(run_id=None, data_interval_start=None) -> dict:
        from webcare import pipeline

        return pipeline.run_step("validate_marts", run_id, data_interval_start.date())

    @task(retries=0, outlets=[MARTS_ASSET], pool=POOL)
    def publish_marts(marts_result: dict, run_id=None, data_interval_start=None) -> dict:
        from webcare import pipeline

        return pipeline.run_step("publish_marts", run_id, data_interval_start.date())

    @task(pool=POOL)
    def dbt_docs(published: dict, run_id=None) -> str:
        from webcare import dbt, pipeline

        return str(pipeline.run_unclaimed("dbt_docs", dbt.docs_generate, run_id))

    @task(trigger_rule="all_done", pool=POOL)
    def source_freshness(run_id=None, data_interval_start=None) -> list[dict]:
        from webcare import pipeline, tasks

        return pipeline.run_unclaimed("source_freshness", lambda: tasks.freshness(run_id, data_interval_start.date()),
                                      run_id)

    @task(trigger_rule="all_done", retries=0)
    def quality_report(run_id=None, data_interval_start=None) -> str:
        from webcare import quality_report as report

        path = report.build(run_id, data_interval_start.date())
        report.build_index()
        return str(path)

    @task(trigger_rule="all_done", pool=POOL)
    def apply_retention(run_id=None) -> dict:
        from webcare import retention

        return retention.apply(run_id, retention.today())  # the wall clock: data's age, not the run's day

    loads = load.expand(batch=extract.expand(target=list_targets()))
    staged = dbt_staging(annotate(validate_raw(loads)))
    staging_result = validate_staging()
    staged >> staging_result
    built = dbt_marts(staging_result)
    marts_result = validate_marts()
    built >> marts_result
    published = publish_marts(marts_result)
    dbt_docs(published)  # a leaf: when a gate fails it is upstream_failed, so the run fails
    freshness = source_freshness()
    published >> freshness
    report = quality_report()
    freshness >> report
    report >> apply_retention()  # after the report, so that it counts this run's data; audited


webcare_daily()
