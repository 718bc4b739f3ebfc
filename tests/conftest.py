"""Shared fixtures: a real PostgreSQL, real fake-API servers over generated data, real Airflow.

Everything the tests write goes to ``var/test`` (a fresh folder per session). Airflow reads its
configuration from the environment when first imported, so the environment is set here, before
any test module imports it.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEST_HOME = Path(os.environ.get("WEBCARE_TEST_HOME") or ROOT / "var" / "test")
if TEST_HOME.exists() and not os.environ.get("PYTEST_XDIST_WORKER"):
    shutil.rmtree(TEST_HOME)
TEST_HOME.mkdir(parents=True, exist_ok=True)

os.environ.update({
    "WEBCARE_HOME": str(TEST_HOME),
    "WEBCARE_PG_PORT": os.environ.get("WEBCARE_TEST_PG_PORT", "55433"),
    "WEBCARE_PSEUDONYM_SALT": "test-salt",
    # small pages, so that a week of traffic exercises paging, short pages and page overlaps
    "WEBCARE_X_PAGE_SIZE": "20",
    "WEBCARE_GOOGLE_PAGE_SIZE": "10",
    "WEBCARE_GRAPH_PAGE_SIZE": "10",
    "WEBCARE_GRAPH_RATE_LIMIT_BACKOFF": "0.2",  # Graph rate limits that give no regain time
    "AIRFLOW_HOME": str(TEST_HOME / "airflow"),
    "AIRFLOW__CORE__DAGS_FOLDER": str(ROOT / "dags"),
    "AIRFLOW__CORE__PLUGINS_FOLDER": str(ROOT / "plugins"),
    "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
    "AIRFLOW__CORE__PARALLELISM": "4",
    "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{TEST_HOME / 'airflow' / 'airflow.db'}",
    "AIRFLOW__LOGGING__LOGGING_LEVEL": "INFO",
    "AIRFLOW__COSMOS__CACHE_DIR": str(TEST_HOME / "cosmos"),
})
os.environ.pop("WEBCARE_WAREHOUSE_URL", None)
os.environ.pop("AIRFLOW_CONN_WEBCARE_WAREHOUSE", None)
sys.path.insert(0, str(ROOT / "plugins"))

# The test dataset: every institution of the seed, one week.
START = date(2026, 3, 23)          # the week of the Europe/Madrid DST change (29 March)
DAYS = 7
WINDOW_END = datetime(2026, 3, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="session")
def warehouse_url() -> str:
    from webcare import warehouse
    from webcare.embedded_pg import default_cluster

    cluster = default_cluster()
    url = cluster.start()
    os.environ["WEBCARE_WAREHOUSE_URL"] = url
    warehouse.bootstrap(url)
    yield url
    cluster.stop()


@pytest.fixture(scope="session")
def dataset() -> Path:
    from webcare.generator import generate

    return generate(TEST_HOME / "dataset", institutions=8, days=DAYS, start=START, seed=7)


@pytest.fixture(scope="session")
def fake_apis(dataset):
    from webcare.fakes.server import FakeApis

    servers = FakeApis(dataset).start()
    os.environ["AIRFLOW_CONN_WEBCARE_X_API"] = json.dumps(
        {"conn_type": "http", "host": servers.x_base_url, "password": "test-bearer-token"})
    os.environ["AIRFLOW_CONN_WEBCARE_GOOGLE_API"] = json.dumps(
        {"conn_type": "http", "host": servers.google_base_url, "password": "test-access-token"})
    os.environ["AIRFLOW_CONN_WEBCARE_GRAPH_API"] = json.dumps(
        {"conn_type": "http", "host": servers.base_url, "password": "test-page-access-token"})
    yield servers
    servers.stop()


@pytest.fixture(scope="session")
def airflow_db() -> None:
    subprocess.run([str(Path(sys.executable).parent / "airflow"), "db", "migrate"], check=True,
                   capture_output=True, env=os.environ.copy())
    from webcare.pipeline import create_pool

    create_pool()


@pytest.fixture(scope="session")
def daily_dag(airflow_db):
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(ROOT / "dags"))
    assert not bag.import_errors, bag.import_errors
    return bag.get_dag("webcare_daily")


# A real run starts after midnight: the APIs already serve what was written since the cutoff.
RUN_DELAY = timedelta(minutes=20)


def run_day(dag, fake_apis, day: date, faults: list[dict] | None = None):
    """Run webcare_daily for one UTC day, the fake APIs' clock RUN_DELAY past the end of that day."""
    cutoff = datetime(day.year, day.month, day.day, tzinfo=timezone.utc) + timedelta(days=1)
    fake_apis.set_clock(cutoff + RUN_DELAY)
    fake_apis.clear_faults()
    for fault in faults or []:
        if fault.get("graph"):  # Facebook/Instagram faults go to the Graph routes
            fake_apis.graph.add_fault({k: v for k, v in fault.items() if k != "graph"})
        else:
            fake_apis.add_fault(fault)
    with task_log(f"{dag.dag_id}__{day.isoformat()}"):
        return dag.test(logical_date=cutoff)


TASK_LOGS = TEST_HOME / "logs"


@contextmanager
def task_log(name: str):
    """Every log record of the run (the tasks' own and Airflow's, with tracebacks) also written to
    ``TASK_LOGS/<name>.log``, as a deployment's task log files would hold them (issue 13: the logs
    are scanned for personal data)."""
    TASK_LOGS.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(TASK_LOGS / f"{name}.log", encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
        handler.close()


@contextmanager
def own_database(warehouse_url: str, name: str):
    """A database of the embedded cluster of its own (dropped and created again), with
    WEBCARE_WAREHOUSE_URL pointing at it while the context lasts, so that dbt, GX, the loader and
    the audit use it and the shared warehouse that other modules compare with their truth is
    untouched. Yields its URL."""
    import psycopg2

    from webcare import warehouse

    url = urlunsplit(urlsplit(warehouse_url)._replace(path=f"/{name}"))
    admin = psycopg2.connect(warehouse_url)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f"drop database if exists {name} with (force)")
        cur.execute(f"create database {name}")
    admin.close()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WEBCARE_WAREHOUSE_URL", url)
        assert warehouse.warehouse_url() == url
        warehouse.bootstrap(url)  # cached per URL: this database gets its own bootstrap
        yield url


def query(url: str, sql: str, params=None) -> list[tuple]:
    import psycopg2

    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute(sql, params)
        rows = cur.fetchall() if cur.description else []
    conn.close()
    return rows
