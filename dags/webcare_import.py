"""
### webcare_import

Imports export files (CSV, JSON Lines; docs/file-imports.md) into the warehouse, then builds and
publishes it as `webcare_daily` does after loading. Triggered by hand (no schedule), with params:

- `path`: one file to import, in the inbox or in a folder named in `WEBCARE_IMPORT_ROOTS` (any
  other path, or a link leading elsewhere, fails the run naming the path, never the content);
  empty: every file in the inbox `var/imports/inbox` (`WEBCARE_HOME/imports/inbox`), each moved
  to `var/imports/done` once imported;
- `mapping`: the mapping the files are read with (a shipped name or a path to a .yml);
- `institution`: every message is this institution's (the mapping's `account_id`), instead of
  accounts from the data;
- `register_accounts_time_zone`: register the files' accounts that name no institution as
  institutions of this IANA zone (`--register-accounts --time-zone`); empty: their messages are
  rejected naming the account;
- `retry_rejected`: re-process the lines earlier imports of the same files rejected (`--retry-rejected`).

`list_files` -> `import_file` (mapped, one per file: idempotent by content, rejections to
`raw.quarantine` with line and column) -> `validate_raw` (the raw gate of the import's day) ->
`annotate` -> `dbt_staging` -> `validate_staging` ->
`dbt_marts` -> `validate_marts` -> `publish_marts`. A file already imported changes nothing; a
failed gate stops the run before publishing. With an empty inbox the run imports nothing and
skips the build.

The chain from `validate_raw` to `publish_marts` is `webcare.pipeline`'s, shared with
`webcare_daily` and the import command, one run's at a time (see `webcare_daily`); timeouts as there.
"""
from __future__ import annotations

import importlib
import os
from datetime import datetime, timedelta

from airflow.sdk import Asset, Param, dag, task

RAW_ASSET = Asset(name="raw.imported_messages", uri="webcare://warehouse/raw/imported_messages")
MARTS_ASSET = Asset(name="marts", uri="webcare://warehouse/marts")

# Nothing hangs for ever (as webcare_daily): task, raw gate (waits for another run's build) and run timeouts.
TASK_TIMEOUT = timedelta(minutes=float(os.environ.get("WEBCARE_TASK_TIMEOUT_MINUTES", "60")))
BUILD_WAIT = timedelta(minutes=float(os.environ.get("WEBCARE_BUILD_WAIT_MINUTES", "30")))
DAGRUN_TIMEOUT = timedelta(minutes=float(os.environ.get("WEBCARE_DAGRUN_TIMEOUT_MINUTES", "360")))
POOL = "webcare_warehouse"  # webcare.pipeline.POOL: one slot, created by the project's setup


def give_back_build_claim(context) -> None:
    """A run that failed or timed out between two steps gives its build claim back (imported late)."""
    run_id = context.get("run_id") or context["dag_run"].run_id
    importlib.import_module("webcare.pipeline").give_back(run_id)


@dag(
    schedule=None,
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    dagrun_timeout=DAGRUN_TIMEOUT,
    on_failure_callback=give_back_build_claim,
    doc_md=__doc__,
    tags=["webcare", "imports", "dbt", "great_expectations"],
    params={
        "path": Param(None, type=["null", "string"], description="One file to import; empty: the inbox."),
        "mapping": Param("customer_support_on_twitter", type="string", description="Mapping name or .yml path."),
        "institution": Param(None, type=["null", "string"],
                             description="Every message is this institution's (instead of accounts from the data)."),
        "register_accounts_time_zone": Param(None, type=["null", "string"],
                                             description="Register unknown accounts as institutions of this zone."),
        "retry_rejected": Param(False, type="boolean",
                                description="Re-process the lines earlier imports of these files rejected."),
    },
    default_args={
        "owner": "webcare",
        "retries": 2,
        "retry_delay": timedelta(minutes=1),
        "execution_timeout": TASK_TIMEOUT,
    },
)
def webcare_import():
    def _allowed(path: str) -> str:
        """The path if imports may read it; else the task fails at once (a retry would not help)."""
        from airflow.sdk.exceptions import AirflowFailException

        from webcare.imports.errors import ImportPathNotAllowed
        from webcare.imports.load import allowed_path

        try:
            return allowed_path(path)
        except ImportPathNotAllowed as refused:
            raise AirflowFailException(str(refused)) from None

    @task
    def list_files(params=None) -> list[str]:
        from webcare.imports.load import inbox_files

        return [_allowed(params["path"])] if params.get("path") else inbox_files()

    @task(outlets=[RAW_ASSET])
    def import_file(path: str, params=None) -> dict:
        from webcare.imports.load import Registration, import_file as import_one, move_out_of_inbox

        path = _allowed(path)  # again: an inbox entry may be a link to elsewhere
        constants = {"account_id": params["institution"]} if params.get("institution") else None
        zone = params.get("register_accounts_time_zone")
        report = import_one(path, params["mapping"], constants, retry_rejected=bool(params.get("retry_rejected")),
                            register=Registration(zone) if zone else None)
        print(report.summary())
        moved = move_out_of_inbox(path, report.file_sha256)
        return {**report.as_dict(), "moved_to": str(moved) if moved else None}

    # The chain (webcare.pipeline). Gates and builds fail for reasons a retry does not fix: no retries.
    @task(retries=0, execution_timeout=TASK_TIMEOUT + BUILD_WAIT)
    def validate_raw(reports: list[dict], run_id=None, dag_run=None) -> dict:
        from webcare import pipeline

        return pipeline.run_step("validate_raw", run_id, dag_run.run_after.date())

    @task(pool=POOL)
    def annotate(raw_result: dict, run_id=None, dag_run=None) -> dict:
        from webcare import pipeline

        return pipeline.run_step("annotate", run_id, dag_run.run_after.date())

    @task(retries=0, pool=POOL)
    def dbt_staging(annotated: dict, run_id=None, dag_run=None) -> None:
        from webcare import pipeline

        pipeline.run_step("dbt_staging", run_id, dag_run.run_after.date())

    @task(retries=0, pool=POOL)
    def validate_staging(run_id=None, dag_run=None) -> dict:
        from webcare import pipeline

        return pipeline.run_step("validate_staging", run_id, dag_run.run_after.date())

    @task(retries=0, pool=POOL)
    def dbt_marts(staging_result: dict, run_id=None, dag_run=None) -> None:
        from webcare import pipeline

        pipeline.run_step("dbt_marts", run_id, dag_run.run_after.date())

    @task(retries=0, pool=POOL)
    def validate_marts(run_id=None, dag_run=None) -> dict:
        from webcare import pipeline

        return pipeline.run_step("validate_marts", run_id, dag_run.run_after.date())

    @task(retries=0, outlets=[MARTS_ASSET], pool=POOL)
    def publish_marts(marts_result: dict, run_id=None, dag_run=None) -> dict:
        from webcare import pipeline

        return pipeline.run_step("publish_marts", run_id, dag_run.run_after.date())

    staged = dbt_staging(annotate(validate_raw(import_file.expand(path=list_files()))))
    staging_result = validate_staging()
    staged >> staging_result
    built = dbt_marts(staging_result)
    marts_result = validate_marts()
    built >> marts_result
    publish_marts(marts_result)


webcare_import()
