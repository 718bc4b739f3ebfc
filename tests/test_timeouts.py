"""Nothing hangs for ever: every warehouse session (ours, dbt's, GX's) cancels a runaway statement and
a lock wait at their timeouts (WEBCARE_STATEMENT_TIMEOUT, WEBCARE_LOCK_TIMEOUT; plugins/webcare/warehouse.py),
and a chain step that hits one fails with an error saying which timeout, its value and its variable.

Isolation: a database of its own (`webcare_timeouts`) of the embedded cluster, as tests/test_import_pipeline.py.
"""
from __future__ import annotations

import time

import pytest

from conftest import own_database, query

DB = "webcare_timeouts"


@pytest.fixture(scope="module")
def timeouts_url(warehouse_url):
    with own_database(warehouse_url, DB) as url:
        yield url


def settings(conn) -> dict:
    with conn.cursor() as cur:
        cur.execute("select name, setting, unit from pg_settings where name in"
                    " ('statement_timeout', 'lock_timeout', 'idle_in_transaction_session_timeout')")
        return {name: f"{value}{unit}" for name, value, unit in cur.fetchall()}


def test_every_session_gets_the_documented_timeouts(timeouts_url, monkeypatch):
    from webcare import warehouse

    for name in ("WEBCARE_STATEMENT_TIMEOUT", "WEBCARE_LOCK_TIMEOUT", "WEBCARE_IDLE_IN_TRANSACTION_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    conn = warehouse.connect(timeouts_url)
    try:  # the defaults: 30 min, 5 min, 15 min (PostgreSQL reports milliseconds), and no JIT
        assert settings(conn) == {"statement_timeout": f"{30 * 60_000}ms", "lock_timeout": f"{5 * 60_000}ms",
                                  "idle_in_transaction_session_timeout": f"{15 * 60_000}ms"}
        with conn.cursor() as cur:
            cur.execute("show jit")
            assert cur.fetchone()[0] == "off"
            cur.execute("select boot_val from pg_settings where name = 'jit'")
            assert cur.fetchone()[0] == "on"  # the server's own default is on: the session turned it off
    finally:
        conn.close()
    monkeypatch.setenv("WEBCARE_STATEMENT_TIMEOUT", "2min")
    monkeypatch.setenv("WEBCARE_LOCK_TIMEOUT", "7s")
    conn = warehouse.connect(timeouts_url)
    try:
        assert settings(conn)["statement_timeout"] == "120000ms" and settings(conn)["lock_timeout"] == "7000ms"
    finally:
        conn.close()
    # GX connects through SQLAlchemy with the URL webcare.validate gives it: the same settings
    import sqlalchemy

    engine = sqlalchemy.create_engine(warehouse.with_session_options(timeouts_url))
    with engine.connect() as gx_like:
        assert gx_like.execute(sqlalchemy.text("show lock_timeout")).scalar() == "7s"
        assert gx_like.execute(sqlalchemy.text("show statement_timeout")).scalar() == "2min"
        assert gx_like.execute(sqlalchemy.text("show jit")).scalar() == "off"
    engine.dispose()
    monkeypatch.setenv("WEBCARE_LOCK_TIMEOUT", "5s; drop table x")
    with pytest.raises(ValueError, match="lock_timeout"):
        warehouse.connect(timeouts_url)


def test_a_runaway_statement_is_cancelled_with_a_clear_error(timeouts_url, monkeypatch):
    from psycopg2 import errors

    from webcare import pipeline, warehouse

    monkeypatch.setenv("WEBCARE_STATEMENT_TIMEOUT", "1s")
    conn = warehouse.connect(timeouts_url)
    started = time.monotonic()
    with pytest.raises(errors.QueryCanceled, match="statement timeout"):
        conn.cursor().execute("select pg_sleep(60)")
    assert 0.9 <= time.monotonic() - started < 15  # cancelled at one second, not after the minute
    conn.close()

    # a step of the chain that runs one: the error says which timeout, its value and its variable
    started = time.monotonic()
    with pytest.raises(warehouse.WarehouseTimeout) as caught:
        with pipeline.step("runaway-run", "dbt_marts", timeouts_url, first=True, last=True):
            with warehouse.transaction(timeouts_url) as work, work.cursor() as cur:
                cur.execute("select pg_sleep(60)")
    assert time.monotonic() - started < 15
    message = str(caught.value)
    assert message.startswith("dbt_marts of run runaway-run: a statement ran longer than statement_timeout=1s"
                              " (WEBCARE_STATEMENT_TIMEOUT) and was cancelled: canceling statement due to statement"
                              " timeout"), message
    assert pipeline.holder(timeouts_url) is None  # the failed step gave the build claim back


def test_dbt_sessions_cancel_a_runaway_statement(timeouts_url, monkeypatch):
    from webcare import dbt

    monkeypatch.setenv("WEBCARE_STATEMENT_TIMEOUT", "1s")
    started = time.monotonic()
    with pytest.raises(dbt.DbtFailed, match="canceling statement due to statement timeout"):
        dbt.run(["show", "--inline", "select pg_sleep(60) as slept"], timeouts_url)
    assert time.monotonic() - started < 55  # dbt's own start-up is most of it, the sleep was cut at 1 s


def test_dbt_sessions_plan_without_jit(timeouts_url, monkeypatch, caplog):
    """dbt's connections get the planner settings too (PGOPTIONS): no JIT unless WEBCARE_PG_JIT says so."""
    import logging

    from webcare import dbt

    for value, expected in ((None, "off"), ("on", "on")):
        if value is None:
            monkeypatch.delenv("WEBCARE_PG_JIT", raising=False)
        else:
            monkeypatch.setenv("WEBCARE_PG_JIT", value)
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="webcare.dbt"):
            dbt.run(["show", "--inline", "select current_setting('jit') as jit_setting"], timeouts_url)
        shown = [r.getMessage() for r in caplog.records if "|" in r.getMessage()]
        cells = [line.split("|")[-2].strip() for line in shown if line.count("|") >= 3]
        assert cells[-1] == expected, shown[-8:]


def build_example(url: str, *values: int) -> None:
    """What a dbt build leaves in marts_build: here one table, with these rows, made as dbt's role."""
    from webcare import roles, warehouse

    with warehouse.transaction(roles.url_for(roles.TRANSFORMER, url)) as conn, conn.cursor() as cur:
        cur.execute("create schema if not exists marts_build")
        cur.execute("drop table if exists marts_build.mart_example")
        cur.execute("create table marts_build.mart_example (n int)")
        cur.execute("insert into marts_build.mart_example select unnest(%s::int[])", (list(values),))


def test_publish_does_not_wait_for_a_long_bi_query_and_the_reader_sees_old_or_new(timeouts_url, monkeypatch):
    """Publishing renames schemas (webcare.publish), which takes no lock on the tables a BI session
    is reading: it neither waits for the reader nor stops at lock_timeout. The reader's running
    transaction keeps its table; its next statement reads the new marts. Dropping the schema of two
    publishes ago waits a little for a reader still holding it, then sets it aside for a later publish."""
    import psycopg2

    from webcare import pipeline
    from webcare.publish import publish

    build_example(timeouts_url, 1)
    assert publish(timeouts_url) == {"mart_example": 1}
    build_example(timeouts_url, 1, 2)
    bi = psycopg2.connect(timeouts_url)  # a BI tool in the middle of a long read of marts (its transaction open)
    reader = bi.cursor()
    reader.execute("select n from marts.mart_example")
    assert reader.fetchall() == [(1,)]
    monkeypatch.setenv("WEBCARE_LOCK_TIMEOUT", "1s")
    try:
        started = time.monotonic()
        with pipeline.step("publishing-run", "publish_marts", timeouts_url, first=True, last=True):
            assert publish(timeouts_url) == {"mart_example": 2}
        assert time.monotonic() - started < 5
        assert query(timeouts_url, "select n from marts.mart_example order by n") == [(1,), (2,)]
        reader.execute("select n from marts.mart_example order by n")  # same transaction, next statement
        assert reader.fetchall() == [(1,), (2,)]
        assert query(timeouts_url, "select to_regclass('marts_build.mart_example') is null") == [(True,)]
        # the reader still holds the first marts (now marts_previous): the next publish sets it aside
        build_example(timeouts_url, 3)
        started = time.monotonic()
        assert publish(timeouts_url) == {"mart_example": 1}
        assert time.monotonic() - started < 10
        assert query(timeouts_url, "select n from marts.mart_example") == [(3,)]
        assert query(timeouts_url, "select nspname from pg_namespace where nspname like 'marts_previous%%'"
                                   " order by 1") == [("marts_previous",), ("marts_previous_1",)]
    finally:
        bi.close()
    build_example(timeouts_url, 4)
    assert publish(timeouts_url) == {"mart_example": 1}  # the reader gone, what was set aside is dropped
    assert query(timeouts_url, "select nspname from pg_namespace where nspname like 'marts_previous%%'") == [
        ("marts_previous",)]
