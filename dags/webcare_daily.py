"""
### webcare_daily

Every day, for every institution account in the institutions seed: extract what patients wrote
on X (mentions) and Google (reviews) since the last cursor, together with the institution's
replies; load it untouched into `raw` (rejects to `raw.quarantine`); validate the day's raw
batch with Great Expectations; `dbt build` staging, intermediate and marts into `marts_build`;
validate the marts; publish them to `marts` for BI tools; refresh dbt docs.

The run whose logical date is D processes the UTC day before D (data interval [D-1, D)).
A failed gate stops the run before publishing, so BI tools keep the previous good marts.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from airflow.sdk import Asset, CronTriggerTimetable, dag, task

RAW_ASSETS = [Asset(name=f"raw.{table}", uri=f"webcare://warehouse/raw/{table}")
              for table in ("x_mentions", "x_tweets", "google_reviews")]
MARTS_ASSET = Asset(name="marts", uri="webcare://warehouse/marts")


@dag(
    schedule=CronTriggerTimetable("0 0 * * *", timezone="UTC", interval=timedelta(days=1)),
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    doc_md=__doc__,
    tags=["webcare", "extract", "dbt", "great_expectations"],
    default_args={
        "owner": "webcare",
        "retries": 2,
        "retry_delay": timedelta(minutes=1),
        "retry_exponential_backoff": True,
        "max_retry_delay": timedelta(minutes=20),
    },
)
def webcare_daily():
    @task
    def list_targets() -> list[dict]:
        from webcare.accounts import extraction_targets

        return extraction_targets()

    @task(max_active_tis_per_dagrun=4)
    def extract(target: dict, run_id=None, data_interval_start=None, data_interval_end=None) -> str:
        from webcare.extract import extract as extract_account

        return extract_account(target["source"], target["account_id"], run_id=run_id,
                               batch_date=data_interval_start.date(), cutoff=data_interval_end)

    @task(outlets=RAW_ASSETS)
    def load(path: str) -> dict:
        from webcare.load import load_batch_file

        return load_batch_file(path).as_dict()

    # Gates and builds fail for reasons a retry does not fix: no retries.
    @task(retries=0)
    def validate_raw(loads: list[dict], data_interval_start=None) -> dict:
        from webcare.validate import run_stage

        # index by length: iterating a mapped XCom probes one item past the end (a logged 404)
        items = [loads[i] for i in range(len(loads))]
        totals = {key: sum(item[key] for item in items) for key in ("received", "inserted", "quarantined")}
        print(f"loaded {totals}")
        return run_stage("raw", batch_date=data_interval_start.date().isoformat()).as_dict()

    @task(retries=0)
    def dbt_build(raw_result: dict) -> None:
        from webcare import dbt

        dbt.build()

    @task(retries=0)
    def validate_marts() -> dict:
        from webcare.validate import run_stage

        return run_stage("marts").as_dict()

    @task(retries=0, outlets=[MARTS_ASSET])
    def publish_marts(marts_result: dict) -> dict:
        from webcare.publish import publish

        return publish()

    @task
    def dbt_docs(published: dict) -> str:
        from webcare import dbt

        return str(dbt.docs_generate())

    loads = load.expand(path=extract.expand(target=list_targets()))
    built = dbt_build(validate_raw(loads))
    marts_result = validate_marts()
    built >> marts_result
    dbt_docs(publish_marts(marts_result))


webcare_daily()
