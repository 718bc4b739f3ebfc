"""The scale harness (bench/scale.py, issue 12) end to end, small: 3 institutions, about 2,000 raw records of
history written straight into raw, the history build (the real chain) and one real daily DAG run
(dag.test in a subprocess, the fake APIs serving history and the run day), on the test PostgreSQL in a
database of the harness's own (kept with --keep for the assertions, dropped at the end).

What is known without the harness's word for it:
- history_messages is the number of rows the history wrote to raw (every raw row not loaded by the
  measured run), per source too;
- the measured run, reading through the real HTTP clients, inserts per source exactly the records the
  generator wrote for the run day, and recognises what it reads again of history (lookbacks, Google read
  whole) as already loaded: same record key, same content hash, no second version of a post, no review
  taken for deleted;
- the warehouse was built from the harness's seeds, not the real ones (which stay unchanged): its three
  institutions with their zones, and the one without a schedule has unknown business minutes and
  business SLAs `no_schedule` (docs/metrics.md, "No schedule");
- every stage of the daily run is in the JSON, timed, and succeeded.
No timing is asserted (goals are ratios measured by the bench itself).
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlsplit, urlunsplit

import pytest

from conftest import ROOT, TEST_HOME, query

MESSAGES = 2000
DATABASE = f"webcare_scale_3i_{MESSAGES}"
RUN_DAY = date(2026, 4, 14)
RAW = ("x_mentions", "x_tweets", "google_reviews", "facebook_comments", "facebook_ratings", "instagram_comments")
STAGES = ("list_targets", "extract", "load", "validate_raw", "annotate", "dbt_staging", "validate_staging",
          "dbt_marts", "validate_marts", "publish_marts", "dbt_docs", "source_freshness", "quality_report",
          "apply_retention")
REAL_SEEDS = ROOT / "dbt_project" / "seeds"


def seeds_digest() -> str:
    return hashlib.sha256(b"".join(p.read_bytes() for p in sorted(REAL_SEEDS.glob("*")))).hexdigest()


@pytest.fixture(scope="module")
def harness(warehouse_url):
    work = TEST_HOME / "scale"
    out = work / "scale.json"
    before = seeds_digest()
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW_CONN_")}
    env.update({"WEBCARE_WAREHOUSE_URL": warehouse_url, "PYTHONPATH": str(ROOT / "plugins")})
    completed = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "scale.py"), "--institutions", "3", "--messages", str(MESSAGES),
         "--work-dir", str(work), "--out", str(out), "--keep", "--run-day", RUN_DAY.isoformat()],
        env=env, capture_output=True, text=True, cwd=str(ROOT))
    url = urlunsplit(urlsplit(warehouse_url)._replace(path=f"/{DATABASE}"))
    try:
        assert completed.returncode == 0, completed.stdout[-4000:] + completed.stderr[-4000:]
        yield {"results": json.loads(out.read_text()), "url": url, "seeds_before": before, "stdout": completed.stdout}
    finally:
        import psycopg2

        admin = psycopg2.connect(warehouse_url)
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute(f"drop database if exists {DATABASE} with (force)")
        admin.close()


def test_the_json_has_every_figure_of_the_issue(harness):
    results = harness["results"]
    assert results["institutions"] == 3 and results["run_day"] == RUN_DAY.isoformat()
    assert results["raw_records_per_day"] > 0
    [size] = results["sizes"]
    for key in ("history_messages", "history_days", "daily_run_seconds", "stages", "sources", "peak_rss_mb",
                "disk_bytes", "history_build", "daily_expected"):
        assert key in size, key
    assert size["requested_messages"] == MESSAGES
    assert size["state"] == "success"
    # at least the size asked for, whole days: at most a few days' traffic more
    assert MESSAGES <= size["history_messages"] <= MESSAGES + 3 * results["raw_records_per_day"]
    assert date.fromisoformat(size["first_day"]) == RUN_DAY - timedelta(days=size["history_days"])
    for stage in STAGES:
        figures = size["stages"][stage]
        assert figures["tasks"] >= 1 and figures["seconds"] > 0, (stage, figures)
        assert figures["states"] == {"success": figures["tasks"]}, (stage, figures)
    assert size["stages"]["extract"]["tasks"] == size["stages"]["load"]["tasks"] == 3 * len(RAW)
    assert size["daily_run_seconds"] >= sum(size["stages"][s]["seconds"] for s in ("extract", "load", "dbt_marts"))
    for stage in ("load", "annotate", "dbt_marts", "publish_marts"):
        assert size["stages"][stage]["rows_written"] > 0, stage
    assert size["stages"]["extract"]["pages"] >= 3 * len(RAW)
    assert size["peak_rss_mb"]["run"] > 50 and size["peak_rss_mb"]["postgres_pss"] > 0
    assert size["disk_bytes"]["database"] > 0 and size["disk_bytes"]["total"] > size["disk_bytes"]["database"]
    assert size["history_build"]["seconds"] > 0 and size["history_build"]["inbound_messages"] > 0
    for stage in ("validate_raw", "annotate", "dbt_staging", "validate_staging", "dbt_marts", "validate_marts",
                  "publish"):
        assert stage in size["history_build"]["stages"], stage
    # the README's monthly question from the marts equals the one computed over the channels' views
    kpi = size["kpi_question"]
    assert kpi["rows"] > 0 and kpi["answers_equal"] is True, kpi


def test_history_messages_are_the_rows_written_to_raw(harness):
    size, url = harness["results"]["sizes"][0], harness["url"]
    run_id = size["run_id"]
    by_source = {table: query(url, f"select count(*) from raw.{table} where run_id <> %s", (run_id,))[0][0]
                 for table in RAW}
    assert {t: n for t, n in by_source.items() if n} == size["history_by_source"]
    assert sum(by_source.values()) == size["history_messages"]
    # every history row was written for a day before the run day, by that day's run
    assert query(url, "select count(*) from raw.x_mentions where run_id <> %s and batch_date >= %s",
                 (run_id, RUN_DAY))[0][0] == 0
    # the loader's ledger reconciles with raw per source and day (what the staging gate checks)
    ledger = dict(query(url, "select source, sum(records_inserted) from raw.load_batches where run_id <> %s group by 1",
                        (run_id,)))
    assert {t: int(n) for t, n in ledger.items() if n} == size["history_by_source"]


def test_the_daily_run_loads_exactly_the_run_days_records(harness):
    size, url = harness["results"]["sizes"][0], harness["url"]
    expected, run_id = size["daily_expected"], size["run_id"]
    assert set(expected) == set(RAW)
    assert sum(expected.values()) > 0
    inserted = dict(query(url, "select source, sum(records_inserted) from raw.load_batches where run_id = %s group by 1",
                          (run_id,)))
    assert {s: int(inserted.get(s, 0)) for s in RAW} == expected
    assert {s: figures["inserted"] for s, figures in size["sources"].items()} == expected
    # re-read history is recognised as loaded: the harness wrote the loader's own keys and hashes
    assert size["sources"]["google_reviews"]["seen_before"] > 0
    assert size["sources"]["facebook_ratings"]["seen_before"] > 0
    # the measured run is a daily run, never a first one: every target starts from the cursor history left
    assert query(url, "select source, account_id from raw.load_batches where run_id = %s and cursor_before is null",
                 (run_id,)) == []
    for table in ("x_mentions", "x_tweets", "facebook_comments", "facebook_ratings", "instagram_comments"):
        rows, records = query(url, f"select count(*), count(distinct (account_id, record_key)) from raw.{table}")[0]
        assert rows == records, table
    # Google is read whole: every review raw holds was served again, none is taken for deleted
    assert query(url, "select count(*) from raw.deletions")[0][0] == 0
    reviews = query(url, "select count(distinct (account_id, record_key)) from raw.google_reviews")[0][0]
    assert size["sources"]["google_reviews"]["received"] == reviews
    assert query(url, "select count(*) from raw.quarantine")[0][0] == 0
    # the run is the warehouse's as-of instant: the end of the run day
    as_of = query(url, "select max(cutoff) from raw.load_batches")[0][0]
    assert as_of == datetime(2026, 4, 15, tzinfo=timezone.utc)


def test_the_warehouse_is_built_from_the_harness_seeds(harness):
    url = harness["url"]
    institutions = dict(query(url, "select institution_id, time_zone from marts.dim_institution where is_current"))
    assert institutions == {"s001": "Europe/Madrid", "s002": "Atlantic/Canary", "s003": "Europe/Madrid"}
    assert seeds_digest() == harness["seeds_before"]  # the real seeds are never edited
    # s003 has no schedule: business minutes unknown, business SLAs no_schedule, calendar SLAs measured
    rows = query(url, """select sla_time_basis, sla_status, count(*), count(first_response_business_minutes)
                         from marts.fct_interactions where institution_id = 's003' group by 1, 2""")
    assert rows, "s003 has messages"
    business = [r for r in rows if r[0] == "business"]
    assert business and all(status == "no_schedule" for _, status, _, _ in business)
    assert all(known == 0 for _, _, _, known in rows)
    assert any(basis == "calendar" and status != "no_schedule" for basis, status, _, _ in rows)
    # the others have schedules: their answered messages have business minutes
    measured = query(url, """select count(first_response_business_minutes) from marts.fct_interactions
                             where institution_id <> 's003' and is_answered""")[0][0]
    assert measured > 0
