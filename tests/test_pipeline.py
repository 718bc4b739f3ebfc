"""webcare_daily end to end through dag.test(): a real PostgreSQL, the fake X and Google APIs
over generated traffic, real dbt and GX. Tests run in file order and share one warehouse:
backfill with API faults, next day, rerun, then the two gates (each cleans up after itself)."""
from __future__ import annotations

import json
import math
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from conftest import WINDOW_END, query, run_day

HSN, CMB, CMV, HCM = "1480000000000000001", "1480000000000000002", "1480000000000000003", "1480000000000000008"
CMB_LOCATION = "accounts/104117000000000002/locations/5120000000000000002"
DAY1 = (WINDOW_END - timedelta(days=2)).date()   # backfill run: everything before DAY1 + 1
DAY2 = (WINDOW_END - timedelta(days=1)).date()   # incremental run: the last day of the window
CUTOFF1 = WINDOW_END - timedelta(days=1)

MALFORMED_TWEET = {"text": "@ClinicaMarBCN sin id", "author_id": "99", "created_at": "2026-03-27T10:00:00.000Z"}
SEVEN_STARS = {"name": f"{CMB_LOCATION}/reviews/seven-stars", "reviewId": "seven-stars", "starRating": "SEVEN",
               "comment": "Siete estrellas", "createTime": "2026-03-27T10:00:00Z", "updateTime": "2026-03-27T10:00:00Z",
               "reviewer": {"displayName": "Ana"}}
BACKFILL_FAULTS = [
    {"match": f"/2/users/{HSN}/mentions", "status": 429, "times": 1, "reset_in_seconds": 1},
    {"match": f"/2/users/{CMB}/tweets", "status": 503, "times": 2},
    {"match": f"/2/users/{HCM}/mentions", "status": 500, "after_pages": 1, "times": 1},  # mid-paging
    {"match": "locations/5120000000000000001/reviews", "status": 429, "times": 1},
    {"match": "locations/5120000000000000003/reviews", "status": 503, "times": 1},
    {"match": f"/2/users/{CMB}/mentions", "inject_record": MALFORMED_TWEET, "times": 1},
    {"match": f"{CMB_LOCATION}/reviews", "inject_record": SEVEN_STARS, "times": 1},
]


def marts_snapshot(url: str, schema: str = "marts") -> dict:
    return {table: query(url, f"select * from {schema}.{table} order by 1, 2, 3")
            for table in ("mart_response_kpis_daily", "fct_interactions")}


def raw_counts(url: str) -> dict:
    return {table: query(url, f"select count(*) from raw.{table}")[0][0]
            for table in ("x_mentions", "x_tweets", "google_reviews", "quarantine")}


def assert_kpis_equal(url: str, expected: list[dict]) -> None:
    actual = {(r[0], r[1], r[2]): r[3:] for r in query(
        url, "select institution_id, channel_id, date_day, inbound_count, answered_count, response_rate,"
             " median_first_response_minutes from marts.mart_response_kpis_daily")}
    wanted = {(e["institution_id"], e["channel"], e["day"]): e for e in expected}
    assert set(actual) == set(wanted), (set(actual) ^ set(wanted))
    mismatches = []
    for key, row in wanted.items():
        inbound, answered, rate, median = actual[key]
        same = (inbound == row["inbound"] and answered == row["answered"]
                and (rate is None) == (row["response_rate"] is None)
                and (rate is None or math.isclose(rate, row["response_rate"], abs_tol=1e-9))
                and (median is None) == (row["median_first_response_minutes"] is None)
                and (median is None or math.isclose(median, row["median_first_response_minutes"], abs_tol=1e-6)))
        if not same:
            mismatches.append((key, actual[key], row))
    assert not mismatches, f"{len(mismatches)} KPI rows differ, e.g. {mismatches[:3]}"
    assert sum(r["inbound"] for r in expected) > 500 and sum(r["answered"] for r in expected) > 100


def task_states(run) -> dict[str, str]:
    from airflow.models.taskinstance import TaskInstance
    from airflow.utils.session import create_session

    with create_session() as session:
        rows = session.query(TaskInstance).filter_by(dag_id=run.dag_id, run_id=run.run_id).all()
        return {ti.task_id: str(ti.state) for ti in rows if ti.map_index in (-1, 0)}


@pytest.fixture(scope="module")
def backfill(warehouse_url, fake_apis, daily_dag):
    run = run_day(daily_dag, fake_apis, DAY1, faults=BACKFILL_FAULTS)
    return {"run": run, "requests": list(fake_apis.requests_log), "marts": marts_snapshot(warehouse_url),
            "cursors": dict(query(warehouse_url, "select source || ' ' || account_id, cursor_value"
                                                 " from raw.extract_cursors"))}


@pytest.fixture(scope="module")
def next_day(backfill, warehouse_url, fake_apis, daily_dag):
    fake_apis.requests_log.clear()
    run = run_day(daily_dag, fake_apis, DAY2)
    return {"run": run, "requests": list(fake_apis.requests_log), "marts": marts_snapshot(warehouse_url),
            "raw": raw_counts(warehouse_url)}


def test_backfill_run_succeeds_and_marts_equal_ground_truth(backfill, warehouse_url, dataset):
    from webcare.generator import expected_kpis

    assert backfill["run"].state == "success"
    assert_kpis_equal(warehouse_url, expected_kpis(dataset, CUTOFF1))


def test_rate_limits_and_server_errors_are_retried(backfill):
    statuses = [(path, status) for _, path, _, status in backfill["requests"]]
    for path, code in [(f"/2/users/{HSN}/mentions", 429), (f"/2/users/{CMB}/tweets", 503),
                       (f"/2/users/{HCM}/mentions", 500),
                       ("/v4/accounts/104117000000000001/locations/5120000000000000001/reviews", 429),
                       ("/v4/accounts/104117000000000003/locations/5120000000000000003/reviews", 503)]:
        seen = [status for p, status in statuses if p == path]
        assert code in seen, (path, seen)
        assert seen[-1] == 200 and seen.index(code) < len(seen) - 1, (path, seen)


def test_malformed_records_are_quarantined_and_batch_mates_load(backfill, warehouse_url, dataset):
    quarantined = query(warehouse_url, "select source, account_id, reason, record_text from raw.quarantine"
                                       " order by source")
    assert [(s, a, r) for s, a, r, _ in quarantined] == [
        ("google_reviews", CMB_LOCATION, "invalid starRating: 'SEVEN'"),
        ("x_mentions", CMB, "missing or invalid id: None"),
    ]
    assert json.loads(quarantined[1][3]) == MALFORMED_TWEET
    # every valid mention of that account up to the cutoff was loaded beside the rejected one
    expected = [t for t in map(json.loads, (dataset / "x_tweets.jsonl").open())
                if CMB in t["mentions_user_ids"] and t["tweet"]["created_at"] < CUTOFF1.strftime("%Y-%m-%dT%H:%M:%S")]
    loaded = query(warehouse_url, "select record_key from raw.x_mentions where account_id = %s", (CMB,))
    assert sorted(r[0] for r in loaded) == sorted(t["tweet"]["id"] for t in expected)


def test_next_day_fetches_only_new_posts_from_the_cursor(backfill, next_day, warehouse_url, dataset):
    assert next_day["run"].state == "success"
    mention_calls = [q for _, path, q, _ in next_day["requests"] if path == f"/2/users/{HSN}/mentions"]
    assert mention_calls and all(q.get("since_id") == backfill["cursors"][f"x_mentions {HSN}"] for q in mention_calls)
    new_posts = {}
    for line in map(json.loads, (dataset / "x_tweets.jsonl").open()):
        created = line["tweet"]["created_at"]
        if CUTOFF1.strftime("%Y-%m-%dT%H:%M:%S") <= created < WINDOW_END.strftime("%Y-%m-%dT%H:%M:%S"):
            for account in line["mentions_user_ids"]:
                new_posts[account] = new_posts.get(account, 0) + 1
    loaded = dict(query(warehouse_url, "select account_id, records_inserted from raw.load_batches"
                                       " where run_id = %s and source = 'x_mentions'", (next_day["run"].run_id,)))
    assert loaded == {account: new_posts.get(account, 0) for account in loaded}
    assert sum(loaded.values()) > 20


def test_next_day_marts_equal_the_ground_truth_file(next_day, warehouse_url, dataset):
    import csv

    with (dataset / "ground_truth.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    from datetime import date

    expected = [{"institution_id": r["institution_id"], "channel": r["channel"], "day": date.fromisoformat(r["day"]),
                 "inbound": int(r["inbound"]), "answered": int(r["answered"]),
                 "response_rate": float(r["response_rate"]) if r["response_rate"] else None,
                 "median_first_response_minutes": float(r["median_first_response_minutes"])
                 if r["median_first_response_minutes"] else None} for r in rows]
    assert_kpis_equal(warehouse_url, expected)


def test_rerunning_a_day_changes_nothing(next_day, warehouse_url, fake_apis, daily_dag):
    run = run_day(daily_dag, fake_apis, DAY2)
    assert run.state == "success"
    assert raw_counts(warehouse_url) == next_day["raw"]
    assert marts_snapshot(warehouse_url) == next_day["marts"]
    inserted = query(warehouse_url, "select sum(records_inserted) from raw.load_batches where run_id = %s",
                     (run.run_id,))[0][0]
    assert inserted == 0


def test_the_readme_query_for_bi_analysts_gives_the_true_answer(next_day, warehouse_url, dataset):
    """The README's example query, run as printed (with 'today' in April), answers from the marts
    what the ground truth says about March."""
    import re
    import statistics

    from webcare.accounts import institutions

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    sql = re.search(r"```sql\n(.*?)```", readme, re.S).group(1).replace("current_date", "date '2026-04-15'")
    answer = {name: (rate, median) for name, rate, median in query(warehouse_url, sql)}
    names = {row["institution_id"]: row["institution_name"] for row in institutions()
             if row["institution_kind"] == "hospital"}
    truth = [m for m in map(json.loads, (dataset / "messages_truth.jsonl").open())
             if m["institution_id"] in names and m["local_date"].startswith("2026-03")
             and m["created_at"] < WINDOW_END.strftime("%Y-%m-%dT%H:%M:%S")]
    assert set(answer) == set(names.values())
    for institution_id, name in names.items():
        mine = [m for m in truth if m["institution_id"] == institution_id]
        answered = [m for m in mine if m["first_reply_at"] and m["first_reply_at"] < WINDOW_END.strftime(
            "%Y-%m-%dT%H:%M:%S")]
        minutes = [(datetime.fromisoformat(m["first_reply_at"].replace("Z", "+00:00"))
                    - datetime.fromisoformat(m["created_at"].replace("Z", "+00:00"))).total_seconds() / 60
                   for m in answered]
        rate, median = answer[name]
        assert math.isclose(rate, len(answered) / len(mine), abs_tol=1e-9), name
        assert math.isclose(median, statistics.median(minutes), abs_tol=1e-6), name


def test_a_post_from_the_future_stops_the_run_at_the_raw_gate(next_day, warehouse_url, fake_apis, daily_dag):
    future = {"id": "1000", "author_id": "99", "text": "@HospSierraNorte hola",
              "created_at": "2031-01-01T00:00:00.000Z"}
    before = marts_snapshot(warehouse_url)
    before_build = marts_snapshot(warehouse_url, "marts_build")
    try:
        run = run_day(daily_dag, fake_apis, DAY2,
                      faults=[{"match": f"/2/users/{HSN}/mentions", "inject_record": future, "times": 1}])
        assert run.state == "failed"
        states = task_states(run)
        assert states["validate_raw"] == "failed"
        assert states["dbt_build"] == "upstream_failed" and states["publish_marts"] == "upstream_failed"
        assert marts_snapshot(warehouse_url) == before
        assert marts_snapshot(warehouse_url, "marts_build") == before_build
    finally:
        query(warehouse_url, "delete from raw.x_mentions where record_key = '1000' returning 1")


def test_a_broken_mart_value_fails_the_marts_gate_and_nothing_is_published(next_day, warehouse_url, fake_apis,
                                                                          daily_dag):
    # A reply stamped ten minutes before the message it answers (clock skew) gives a negative
    # first-response time in fct_interactions.
    tweet_id, created = query(warehouse_url, "select record_key, payload ->> 'created_at' from raw.x_mentions"
                                             " where account_id = %s and batch_date = %s order by record_key limit 1",
                              (HSN, DAY1))[0]
    skewed = (datetime.fromisoformat(created.replace("Z", "+00:00")) - timedelta(minutes=10))
    reply = {"id": "1001", "author_id": HSN, "text": "Le escribimos por DM", "created_at":
             skewed.strftime("%Y-%m-%dT%H:%M:%S.000Z"), "referenced_tweets": [{"type": "replied_to", "id": tweet_id}]}
    before = marts_snapshot(warehouse_url)
    try:
        run = run_day(daily_dag, fake_apis, DAY2,
                      faults=[{"match": f"/2/users/{HSN}/tweets", "inject_record": reply, "times": 1}])
        assert run.state == "failed"
        states = task_states(run)
        assert states["dbt_build"] == "success" and states["validate_marts"] == "failed"
        assert states["publish_marts"] == "upstream_failed"
        negative = query(warehouse_url, "select count(*) from marts_build.fct_interactions"
                                        " where first_response_minutes < 0")[0][0]
        assert negative == 1
        assert marts_snapshot(warehouse_url) == before
    finally:
        query(warehouse_url, "delete from raw.x_tweets where record_key = '1001' returning 1")

