"""Least-privilege roles (webcare.roles): each process's own login, and the denials that matter."""
from __future__ import annotations

import psycopg2
import pytest

from webcare import roles, warehouse


def _denied(url: str, statement: str) -> bool:
    conn = psycopg2.connect(url)
    try:
        with conn.cursor() as cur:
            try:
                cur.execute(statement)
            except psycopg2.errors.InsufficientPrivilege:
                return True
            return False
    finally:
        conn.rollback()
        conn.close()


ALLOWED = [  # role, a statement its process runs
    ("loader", "insert into raw.extract_cursors (source, account_id, cursor_value, run_id) values ('x_mentions', 'probe', '1', 'probe')"),
    ("transformer", "select count(*) from raw.x_mentions"),
    ("transformer", "create table marts_build.role_probe as select 1 as x"),
    ("validator", "select count(*) from raw.quarantine"),
    ("validator", "insert into audit.stage_runs (run_id, batch_date, stage, source, success, started_at,"
                  " finished_at, duration_seconds) values ('probe', current_date, 'probe', 'all', true, now(), now(), 0)"),
    ("auditor", "select count(*) from audit.stage_runs"),
    ("publisher", "comment on schema marts_build is 'probe'"),  # owns the schemas it swaps (owner only)
]
DENIED = [  # role, a statement it must never be able to run
    ("bi", "select count(*) from raw.x_mentions"),
    ("bi", "select count(*) from raw.quarantine"),
    ("bi", "select count(*) from staging.stg_x__mentions"),
    ("bi", "select count(*) from audit.stage_runs"),
    ("bi", "select * from private.settings"),
    ("bi", "select private.pseudonymise('x')"),
    ("auditor", "select count(*) from raw.quarantine"),
    ("auditor", "select count(*) from raw.text_annotations"),
    ("auditor", "select count(*) from staging.stg_x__mentions"),
    ("auditor", "select message_text from marts.fct_interactions limit 1"),
    ("loader", "create table marts.role_probe (x int)"),
    ("loader", "delete from marts.fct_interactions"),
    ("loader", "delete from audit.stage_runs"),
    ("loader", "select * from private.pseudonymise('x')"),
    ("transformer", "insert into raw.extract_cursors (source, account_id, cursor_value, run_id) values ('x', 'y', 'z', 'probe')"),
    ("transformer", "delete from audit.stage_runs"),
    ("validator", "delete from raw.quarantine"),
    ("publisher", "select count(*) from raw.x_mentions"),
]


@pytest.fixture(scope="module")
def built(warehouse_url, fake_apis, daily_dag):
    """The warehouse after a real DAG run, every schema built by its role (test_pipeline's runs when
    the whole suite runs; one run of its own otherwise)."""
    from datetime import timedelta

    from conftest import DAYS, START, query, run_day

    warehouse.bootstrap(warehouse_url)
    if query(warehouse_url, "select to_regclass('staging.stg_x__mentions') is null")[0][0]:
        run_day(daily_dag, fake_apis, START + timedelta(days=DAYS - 1))  # a day of the dataset
    return warehouse_url


@pytest.mark.parametrize("role,statement", ALLOWED)
def test_each_role_may_do_its_own_work(built, role, statement):
    url = roles.url_for(role, built)
    assert url.split("//")[1].startswith(roles.name(role) + ":")
    assert not _denied(url, statement)


@pytest.mark.parametrize("role,statement", DENIED)
def test_each_denial_that_matters(built, role, statement):
    assert _denied(roles.url_for(role, built), statement)


def test_the_pipeline_built_every_schema_as_its_role(built):
    conn = psycopg2.connect(built)
    try:
        with conn.cursor() as cur:
            cur.execute("select nspname, pg_get_userbyid(nspowner) from pg_namespace"
                        " where nspname in ('raw', 'staging', 'intermediate', 'marts', 'marts_build', 'reference')")
            owners = dict(cur.fetchall())
            cur.execute("select distinct pg_get_userbyid(c.relowner) from pg_class c join pg_namespace n"
                        " on n.oid = c.relnamespace where n.nspname = 'marts' and c.relkind in ('r', 'v')")
            mart_owners = {row[0] for row in cur.fetchall()}
    finally:
        conn.close()
    assert owners == {"raw": "webcare_loader", "staging": "webcare_transformer",
                      "intermediate": "webcare_transformer", "reference": "webcare_transformer",
                      "marts": "webcare_publisher", "marts_build": "webcare_publisher"}
    assert mart_owners == {"webcare_transformer"}  # dbt built them, as its own role


def test_a_second_installation_sharing_the_secrets_leaves_every_password_as_it_was(warehouse_url, tmp_path):
    """The scale harness (and any deployment of several installations on one cluster) bootstraps with a
    WEBCARE_HOME of its own: with WEBCARE_SECRETS_DIR the cluster's roles keep their passwords, so
    this session's processes still log in afterwards (they did not: CI of 2026-12-03)."""
    import os
    import subprocess
    import sys
    from urllib.parse import urlsplit, urlunsplit

    from conftest import ROOT, TEST_HOME

    warehouse.bootstrap(warehouse_url)
    other = urlunsplit(urlsplit(warehouse_url)._replace(path="/webcare_second_installation"))
    admin = psycopg2.connect(warehouse_url)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute("drop database if exists webcare_second_installation")
        cur.execute("create database webcare_second_installation")
    before = roles._passwords(warehouse_url)
    try:
        env = {**os.environ, "WEBCARE_HOME": str(tmp_path / "home"), "WEBCARE_SECRETS_DIR": str(roles.secrets_dir()),
               "WEBCARE_WAREHOUSE_URL": other, "PYTHONPATH": str(ROOT / "plugins")}
        done = subprocess.run([sys.executable, "-c", f"from webcare import warehouse; warehouse.bootstrap({other!r})"],
                              env=env, capture_output=True, text=True, cwd=str(ROOT))
        assert done.returncode == 0, done.stderr[-3000:]
        assert "gets a new one" not in done.stderr
        assert roles._passwords(warehouse_url) == before
        assert roles.secrets_dir() == TEST_HOME / "secrets"
        for role in roles.ROLES:
            psycopg2.connect(roles.url_for(role, warehouse_url)).close()  # still logs in
    finally:
        with admin.cursor() as cur:
            cur.execute("drop database if exists webcare_second_installation")
        admin.close()
