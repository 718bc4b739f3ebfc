"""Every DAG loads without import errors, has no cycles, and follows the house rules."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_dags_import_cleanly_with_tags_retries_and_docs(daily_dag):
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(ROOT / "dags"))
    assert bag.import_errors == {}
    assert set(bag.dag_ids) == {"webcare_daily"}
    for dag in bag.dags.values():
        assert dag.tags and dag.doc_md and not dag.catchup
        dag.validate()  # raises on a cycle or a bad parameter
        assert dag.default_args["retries"] >= 2


def test_webcare_daily_wiring(daily_dag):
    tasks = daily_dag.task_dict
    assert set(tasks) == {"list_targets", "extract", "load", "validate_raw", "dbt_build", "validate_marts",
                          "publish_marts", "dbt_docs"}
    assert tasks["extract"].downstream_task_ids == {"load"}
    assert tasks["validate_raw"].downstream_task_ids == {"dbt_build"}
    assert tasks["dbt_build"].downstream_task_ids == {"validate_marts"}
    assert tasks["validate_marts"].downstream_task_ids == {"publish_marts"}
    assert tasks["publish_marts"].downstream_task_ids == {"dbt_docs"}
    # gates do not retry: a failed check fails the same way twice
    assert all(tasks[t].retries == 0 for t in ("validate_raw", "dbt_build", "validate_marts", "publish_marts"))
    assert tasks["extract"].retries >= 2


def test_dag_file_does_no_work_at_parse_time():
    text = (ROOT / "dags" / "webcare_daily.py").read_text()
    header = text.split("@dag(")[0]
    for heavy in ("import webcare", "from webcare", "great_expectations", "psycopg2", "tweepy", "requests"):
        assert heavy not in header, heavy
