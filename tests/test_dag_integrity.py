"""Every DAG loads without import errors, has no cycles, and follows the house rules."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_dags_import_cleanly_with_tags_retries_and_docs(daily_dag):
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(ROOT / "dags"))
    assert bag.import_errors == {}
    assert set(bag.dag_ids) == {"webcare_daily", "webcare_import"}
    for dag in bag.dags.values():
        assert dag.tags and dag.doc_md and not dag.catchup
        dag.validate()  # raises on a cycle or a bad parameter
        assert dag.default_args["retries"] >= 2


def test_webcare_daily_wiring(daily_dag):
    tasks = daily_dag.task_dict
    assert set(tasks) == {"list_targets", "extract", "load", "validate_raw", "annotate", "dbt_staging", "validate_staging",
                          "dbt_marts", "validate_marts", "publish_marts", "dbt_docs", "source_freshness",
                          "quality_report", "apply_retention"}
    chain = ["extract", "load", "validate_raw", "annotate", "dbt_staging", "validate_staging", "dbt_marts", "validate_marts",
             "publish_marts"]
    for upstream, downstream in zip(chain, chain[1:]):
        assert downstream in tasks[upstream].downstream_task_ids, (upstream, downstream)
    assert tasks["publish_marts"].downstream_task_ids == {"dbt_docs", "source_freshness"}
    # the report is written whatever happened; dbt_docs stays a leaf so a failed gate fails the run
    assert tasks["quality_report"].trigger_rule == "all_done" and tasks["source_freshness"].trigger_rule == "all_done"
    assert not tasks["dbt_docs"].downstream_task_ids
    # retention runs last, whatever happened, after the report has counted the run's data
    assert tasks["quality_report"].downstream_task_ids == {"apply_retention"}
    assert tasks["apply_retention"].trigger_rule == "all_done"
    # gates do not retry: a failed check fails the same way twice
    assert all(tasks[t].retries == 0 for t in ("validate_raw", "dbt_staging", "validate_staging", "dbt_marts",
                                               "validate_marts", "publish_marts"))
    assert tasks["extract"].retries >= 2


def test_webcare_import_wiring():
    from airflow.dag_processing.dagbag import DagBag

    dag = DagBag(dag_folder=str(ROOT / "dags")).get_dag("webcare_import")
    tasks = dag.task_dict
    assert type(dag.timetable).__name__ == "NullTimetable"  # schedule=None: triggered by hand
    assert set(dag.params.keys()) == {"path", "mapping", "institution", "register_accounts_time_zone", "retry_rejected"}
    chain = ["list_files", "import_file", "validate_raw", "annotate", "dbt_staging", "validate_staging", "dbt_marts",
             "validate_marts", "publish_marts"]
    assert set(tasks) == set(chain)
    for upstream, downstream in zip(chain, chain[1:]):
        assert tasks[upstream].downstream_task_ids == {downstream}, (upstream, downstream)
    assert all(tasks[t].retries == 0 for t in ["validate_raw", *chain[4:]])
    assert tasks["import_file"].retries >= 2  # idempotent by file content: a retry is safe


def test_dag_files_do_no_work_at_parse_time():
    for name in ("webcare_daily.py", "webcare_import.py"):
        text = (ROOT / "dags" / name).read_text()
        header = text.split("@dag(")[0]
        for heavy in ("import webcare", "from webcare", "great_expectations", "psycopg2", "tweepy", "requests"):
            assert heavy not in header, (name, heavy)


def test_the_dag_declares_every_api_source_as_an_asset():
    from webcare.sources import SOURCES

    import importlib.util

    spec = importlib.util.spec_from_file_location("webcare_daily_dag", ROOT / "dags" / "webcare_daily.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert set(module.RAW_TABLES) == {s.table for s in SOURCES.values() if s.fetch is not None}


def test_nothing_hangs_every_task_and_run_has_a_timeout(daily_dag):
    """Every task of both DAGs has an execution_timeout, every DAG a dagrun_timeout, from the documented
    defaults (WEBCARE_TASK_TIMEOUT_MINUTES 60, WEBCARE_BUILD_WAIT_MINUTES 30, WEBCARE_DAGRUN_TIMEOUT_MINUTES 360)."""
    from datetime import timedelta

    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(ROOT / "dags"))
    for dag in bag.dags.values():
        assert dag.dagrun_timeout == timedelta(hours=6), dag.dag_id
        for task in dag.tasks:
            wanted = timedelta(minutes=90) if task.task_id == "validate_raw" else timedelta(minutes=60)
            assert task.execution_timeout == wanted, (dag.dag_id, task.task_id, task.execution_timeout)
        assert dag.dagrun_timeout > sum((t.execution_timeout for t in dag.tasks
                                         if t.task_id in ("validate_raw", "dbt_staging", "dbt_marts")), timedelta())


def test_one_chain_in_one_pool(daily_dag, airflow_db):
    """Both DAGs wire webcare.pipeline's chain in its order; its tasks after the raw gate (where a run
    waits for another's build) and dbt's other invocations run in the one-slot pool the setup creates."""
    import json
    import subprocess
    import sys

    from airflow.dag_processing.dagbag import DagBag

    from webcare import pipeline

    assert pipeline.STEP_NAMES == ["validate_raw", "annotate", "dbt_staging", "validate_staging", "dbt_marts",
                                   "validate_marts", "publish_marts"]
    bag = DagBag(dag_folder=str(ROOT / "dags"))
    in_pool = {"webcare_daily": set(pipeline.STEP_NAMES[1:]) | {"dbt_docs", "source_freshness", "apply_retention"},
               "webcare_import": set(pipeline.STEP_NAMES[1:])}
    for dag_id, pooled in in_pool.items():
        tasks = bag.get_dag(dag_id).task_dict
        for upstream, downstream in zip(pipeline.STEP_NAMES, pipeline.STEP_NAMES[1:]):
            assert downstream in tasks[upstream].downstream_task_ids, (dag_id, upstream, downstream)
        assert {t for t, task in tasks.items() if task.pool == pipeline.POOL} == pooled, dag_id
        assert all(task.pool == "default_pool" for t, task in tasks.items() if t not in pooled)
    listed = subprocess.run([str(Path(sys.executable).parent / "airflow"), "pools", "get", pipeline.POOL, "-o", "json"],
                            check=True, capture_output=True, text=True).stdout
    assert json.loads(listed[listed.index("["):])[0]["slots"] in (1, "1")
