"""One writer at a time: two builds started at once (two `python -m webcare.imports` processes, each
importing its own export file and then running webcare.pipeline's chain) do not interleave: one
waits for the other's chain, both succeed, and the published marts are one run's validated build,
equal to the truth of both files.

Isolation: a database of its own (`webcare_one_writer`) of the embedded cluster, as
tests/test_import_pipeline.py; the processes share this session's WEBCARE_HOME (dbt's target folder,
the GX context), which is what the chain's lock protects.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from conftest import ROOT, TEST_HOME, own_database, query
from test_import_pipeline import assert_marts_equal_truth

DB = "webcare_one_writer"
TWCS = "customer_support_on_twitter"


@pytest.fixture(scope="module")
def writer_url(warehouse_url):
    with own_database(warehouse_url, DB) as url:
        yield url


@pytest.fixture(scope="module")
def exports():
    from webcare.generator.export import twcs_export

    folder = TEST_HOME / "one_writer"
    return {institution: twcs_export(folder / f"twcs_{institution}.csv", institution=institution, seed=seed,
                                     conversations=60, first_id=first_id)
            for institution, seed, first_id in (("hsn", 21, 300_000), ("cmb", 22, 600_000))}


@pytest.fixture(scope="module")
def two_at_once(writer_url, exports):
    env = {**os.environ, "WEBCARE_WAREHOUSE_URL": writer_url, "PYTHONPATH": str(ROOT / "plugins")}
    started = time.monotonic()
    processes = {institution: subprocess.Popen(
        [sys.executable, "-m", "webcare.imports", str(export.path), "--mapping", TWCS, "--institution", institution],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for institution, export in exports.items()}
    outputs = {institution: process.communicate(timeout=900)[0] for institution, process in processes.items()}
    codes = {institution: process.returncode for institution, process in processes.items()}
    for institution, output in outputs.items():
        print(f"--- {institution} (exit {codes[institution]})\n{output}")
    run_ids = {institution: query(writer_url, "select run_id from raw.file_imports where file_name = %s",
                                  (export.path.name,))[0][0] for institution, export in exports.items()}
    return {"codes": codes, "outputs": outputs, "run_ids": run_ids, "seconds": time.monotonic() - started}


CHAIN_STAGES = ["validate_raw", "annotate", "dbt_staging", "validate_staging", "dbt_marts", "validate_marts",
                "publish"]  # the chain's rows in audit.stage_runs


def chain_rows(url: str, run_id: str) -> list[tuple]:
    return query(url, "select stage, success, started_at, finished_at from audit.stage_runs"
                      " where run_id = %s and stage = any(%s) order by started_at", (run_id, CHAIN_STAGES))


def test_both_builds_succeed_and_one_waited_for_the_other(two_at_once, writer_url):
    assert two_at_once["codes"] == {"hsn": 0, "cmb": 0}, two_at_once["outputs"]
    waited = [i for i, output in two_at_once["outputs"].items() if "waiting for run " in output]
    assert len(waited) == 1, two_at_once["outputs"]
    (waiter,) = waited
    (first,) = set(two_at_once["run_ids"]) - {waiter}
    assert f"waiting for run {two_at_once['run_ids'][first]} " in two_at_once["outputs"][waiter]
    # the chains did not interleave: the waiter's first step started after the other's last ended
    chains = {i: chain_rows(writer_url, run_id) for i, run_id in two_at_once["run_ids"].items()}
    for rows in chains.values():
        assert [stage for stage, *_ in rows] == CHAIN_STAGES
        assert all(success for _, success, *_ in rows)
    assert chains[waiter][0][2] >= chains[first][-1][3]
    from webcare.pipeline import holder

    assert holder(writer_url) is None  # the claim was given back


def test_the_published_marts_are_the_last_runs_validated_build(two_at_once, writer_url, exports):
    assert two_at_once["codes"] == {"hsn": 0, "cmb": 0}
    tables = [t for (t,) in query(writer_url, "select table_name from information_schema.tables"
                                              " where table_schema = 'marts' order by 1")]
    assert "fct_interactions" in tables and len(tables) > 10
    # published = built, row for row: publishing renamed the build into place (no marts_build is left),
    # so build again from the same raw and compare
    from webcare import dbt, tasks

    assert query(writer_url, "select to_regclass('marts_build.fct_interactions') is null") == [(True,)]
    dbt.run(tasks.DBT_MARTS, writer_url)
    for table in tables:
        ((differences,),) = query(writer_url, f"""select count(*) from (
            (select * from marts.{table} except all select * from marts_build.{table})
            union all (select * from marts_build.{table} except all select * from marts.{table})) d""")
        assert differences == 0, table
    # that build is the one the last publishing run validated: its marts gate came after its dbt build,
    # and nobody built marts between its build and its publish
    publishes = query(writer_url, "select run_id, started_at from audit.stage_runs where stage = 'publish'"
                                  " and success order by started_at desc")
    last_run, published_at = publishes[0]
    ((built_at, build_ended),) = query(writer_url, "select started_at, finished_at from audit.stage_runs"
                                                   " where run_id = %s and stage = 'dbt_marts'", (last_run,))
    assert query(writer_url, "select count(*) from audit.stage_runs where stage = 'validate_marts' and success"
                             " and run_id = %s and started_at >= %s and finished_at <= %s",
                 (last_run, build_ended, published_at)) == [(1,)]
    assert query(writer_url, "select count(*) from audit.stage_runs where stage = 'dbt_marts' and run_id <> %s"
                             " and finished_at > %s and started_at < %s", (last_run, built_at, published_at)) == [(0,)]
    # and it holds both files, value for value as the truth (docs/metrics.md)
    for export in exports.values():
        assert_marts_equal_truth(writer_url, export.truth["messages"], TWCS)


# --- the claim's rules, step by step (fast: no build) ---------------------------------------------

def test_a_later_step_runs_only_if_no_other_run_holds_the_claim(writer_url):
    from webcare import pipeline

    with pipeline.step("building-run", "validate_raw", writer_url, first=True):
        pass  # its chain is under way
    ran = []
    with pytest.raises(pipeline.BuildClaimLost, match="publish_marts of run other-run: run building-run holds the"
                                                      " build claim"):
        with pipeline.step("other-run", "publish_marts", writer_url, last=True):
            ran.append(True)
    assert ran == [] and pipeline.holder(writer_url) == "building-run"
    assert pipeline.give_back("building-run", writer_url)
    # free: a rerun step (the steps before it marked done) takes it, and the last gives it back
    with pipeline.step("other-run", "publish_marts", writer_url, last=True):
        ran.append(pipeline.holder(writer_url))
    assert ran == ["other-run"] and pipeline.holder(writer_url) is None


def test_a_run_waits_for_the_claim_at_most_the_build_wait(writer_url, monkeypatch):
    from webcare import pipeline

    with pipeline.step("holding-run", "validate_raw", writer_url, first=True):
        pass  # holds the claim between two steps, as a DAG run does between its tasks
    assert pipeline.holder(writer_url) == "holding-run"
    monkeypatch.setenv("WEBCARE_BUILD_WAIT_MINUTES", "0.05")  # 3 s
    started = time.monotonic()
    with pytest.raises(pipeline.BuildLockTimeout, match="waited 0.05 min for run holding-run's build"):
        with pipeline.step("second-run", "validate_raw", writer_url, first=True):
            pytest.fail("ran while another run held the claim")
    assert 2.5 < time.monotonic() - started < 15
    # a retried annotate of another run does not wait in the pool's slot: it fails at once
    started = time.monotonic()
    with pytest.raises(pipeline.BuildClaimLost, match="annotate of run second-run: run holding-run holds"):
        with pipeline.step("second-run", "annotate", writer_url):
            pytest.fail("ran while another run held the claim")
    assert time.monotonic() - started < 2
    assert pipeline.holder(writer_url) == "holding-run"
    with pipeline.step("holding-run", "publish_marts", writer_url, last=True):
        pass
    assert pipeline.holder(writer_url) is None
    with pipeline.step("second-run", "annotate", writer_url):  # free: a retry takes it again
        assert pipeline.holder(writer_url) == "second-run"
    assert pipeline.give_back("second-run", writer_url) and pipeline.holder(writer_url) is None


def test_a_failed_step_gives_the_claim_back_and_a_stale_claim_is_taken_over(writer_url, monkeypatch):
    from webcare import pipeline

    with pytest.raises(RuntimeError, match="gate failed"):
        with pipeline.step("failing-run", "validate_raw", writer_url, first=True):
            assert pipeline.holder(writer_url) == "failing-run"
            raise RuntimeError("gate failed")
    assert pipeline.holder(writer_url) is None
    with pipeline.step("dead-run", "validate_raw", writer_url, first=True):
        pass  # ... and its worker is killed: nobody gives the claim back
    monkeypatch.setenv("WEBCARE_BUILD_CLAIM_TTL_MINUTES", "0.02")  # 1.2 s without a step: stale
    time.sleep(1.5)
    with pipeline.step("next-run", "validate_raw", writer_url, first=True):
        assert pipeline.holder(writer_url) == "next-run"
    with pytest.raises(pipeline.BuildClaimLost, match="dbt_staging of run dead-run: run next-run holds"):
        with pipeline.step("dead-run", "dbt_staging", writer_url):
            pytest.fail("the dead run's next step ran")
    assert pipeline.give_back("next-run", writer_url)
