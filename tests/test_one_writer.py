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
from urllib.parse import urlsplit, urlunsplit

import pytest

from conftest import ROOT, TEST_HOME, query
from test_import_pipeline import assert_marts_equal_truth

DB = "webcare_one_writer"
TWCS = "customer_support_on_twitter"


@pytest.fixture(scope="module")
def writer_url(warehouse_url):
    import psycopg2

    from webcare import warehouse

    url = urlunsplit(urlsplit(warehouse_url)._replace(path=f"/{DB}"))
    admin = psycopg2.connect(warehouse_url)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f"drop database if exists {DB} with (force)")
        cur.execute(f"create database {DB}")
    admin.close()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WEBCARE_WAREHOUSE_URL", url)
        warehouse.bootstrap(url)
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
    for table in tables:  # published = built, row for row
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
