"""Poison records through webcare_daily (issue 10, items 3 and 4), each run a real dag.test().

(a) The backfill day with every poison record of the generator's catalogue
    (webcare.generator.poison) served by the fake X and Google APIs among the real traffic:
    timestamps in years 1 and 9999, 1e5000, a lone surrogate, NUL in a text and in a key, 200
    levels of nesting, a 1.2 MB post. Each is quarantined with its reason, its batch-mates load,
    the ledger reconciles and the published marts equal the truth.
(b) The next day with a post and a review from the future: the raw gate stops the run, moves the
    two records to the quarantine with the expectation as reason, corrects the ledger and the
    cursors, and BI keeps the previous marts. (c) The same day again: clean, marts equal the truth.

Isolation: these tests run in their own database (`webcare_poison`) of the embedded cluster, with
WEBCARE_WAREHOUSE_URL pointing at it for this module only (as tests/test_import_pipeline.py does).
"""
from __future__ import annotations

import hashlib
import html
import json
from collections import Counter
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit, urlunsplit

import pytest

from conftest import RUN_DELAY, WINDOW_END, query, run_day
from test_pipeline import assert_kpis_equal, marts_snapshot, task_states

POISON_DB = "webcare_poison"
DAY1 = (WINDOW_END - timedelta(days=2)).date()
DAY2 = (WINDOW_END - timedelta(days=1)).date()
CUTOFF1 = WINDOW_END - timedelta(days=1)
GATE_REASONS = {
    "x_mentions": "raw gate raw_x_mentions: expect_column_values_to_be_between on created_seconds_after_extraction",
    "google_reviews": "raw gate raw_google_reviews: expect_column_values_to_be_between on"
                      " updated_seconds_after_extraction",
}


@pytest.fixture(scope="module")
def poison_url(warehouse_url):
    import psycopg2

    from webcare import warehouse

    url = urlunsplit(urlsplit(warehouse_url)._replace(path=f"/{POISON_DB}"))
    admin = psycopg2.connect(warehouse_url)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f"drop database if exists {POISON_DB} with (force)")
        cur.execute(f"create database {POISON_DB}")
    admin.close()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WEBCARE_WAREHOUSE_URL", url)
        assert warehouse.warehouse_url() == url
        warehouse.bootstrap(url)
        yield url


def institutions(dataset) -> list[dict]:
    from webcare.generator.institutions import load_institutions

    return load_institutions(len(json.loads((dataset / "manifest.json").read_text())["institutions"]))


def location_of(row: dict) -> str:
    return f"accounts/{row['google_account_id']}/locations/{row['google_location_id']}"


def placed_poison(dataset) -> list[tuple[str, str, object, dict]]:
    """(source, account, poison, fault): the X poison spread over the accounts' mentions (one per
    request, the ninth on a second page), the Google poison over four locations."""
    from webcare.generator.poison import google_poison, x_poison

    rows = institutions(dataset)
    placed = []
    for i, poison in enumerate(p for p in x_poison() if p.through_api):
        account = rows[i % len(rows)]["x_user_id"]
        placed.append(("x_mentions", account, poison, poison.fault(f"/2/users/{account}/mentions")))
    for i, row in enumerate(rows[:4]):
        poison = google_poison(location_of(row))[i]
        placed.append(("google_reviews", location_of(row), poison, poison.fault(f"{location_of(row)}/reviews")))
    return placed


@pytest.fixture(scope="module")
def poisoned(poison_url, dataset, fake_apis, daily_dag):
    placed = placed_poison(dataset)
    run = run_day(daily_dag, fake_apis, DAY1, faults=[fault for _, _, _, fault in placed])
    return {"run": run, "placed": placed, "marts": marts_snapshot(poison_url)}


# --- (a) every poison record quarantined, batch-mates loaded, the truth published ----------------

def test_every_poison_record_is_quarantined_with_its_reason_and_the_run_publishes(poisoned, poison_url):
    assert poisoned["run"].state == "success"
    rows = query(poison_url, "select source, account_id, reason, record_sha256, run_id from raw.quarantine")
    expected = Counter((source, account, p.reason) for source, account, p, _ in poisoned["placed"])
    assert Counter((s, a, r) for s, a, r, _, _ in rows) == expected
    assert {run for *_, run in rows} == {poisoned["run"].run_id}
    # each row is that record: the sha256 of the record as the API sent it (canonical JSON)
    digests = {(s, a, r): d for s, a, r, d, _ in rows}
    for source, account, poison, _ in poisoned["placed"]:
        if poison.name == "nested_beyond_parsers":  # read with its deep value as a marker (loads_page)
            continue
        canonical = json.dumps(poison.record, ensure_ascii=False, separators=(",", ":"))
        digest = hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()
        assert digest in {d for (s, a, _), d in digests.items() if (s, a) == (source, account)}, poison.name


def _cases() -> list[tuple[str, str]]:
    from webcare.generator.poison import google_poison, x_poison

    return ([("x_mentions", p.name) for p in x_poison() if p.through_api]
            + [("google_reviews", p.name) for p in google_poison("accounts/a/locations/l")[:4]])


@pytest.mark.parametrize("source,name", _cases())
def test_each_poison_record_goes_to_the_quarantine_with_its_reason_while_its_batch_mates_load(
        poisoned, poison_url, dataset, source, name):
    ((_, account, poison, _),) = [p for p in poisoned["placed"] if (p[0], p[2].name) == (source, name)]
    rows = query(poison_url, "select reason, record_sha256 from raw.quarantine where source = %s and account_id = %s"
                             " and reason = %s", (source, account, poison.reason))
    assert len(rows) == [p.reason for s, a, p, _ in poisoned["placed"] if (s, a) == (source, account)].count(
        poison.reason) >= 1
    if name != "nested_beyond_parsers":  # read with its deep value as a marker (loads_page)
        canonical = json.dumps(poison.record, ensure_ascii=False, separators=(",", ":"))
        assert hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest() in {d for _, d in rows}
    # its account's load succeeded and every other record of the account up to the cutoff is in raw
    loads = query(poison_url, "select success from audit.stage_runs where run_id = %s and stage = 'load'"
                              " and details ->> 'account_id' = %s and source = %s",
                  (poisoned["run"].run_id, account, source))
    assert loads == [(True,)]
    if source == "x_mentions":
        expected = set(served_mentions(dataset, account))
    else:
        from webcare.generator.times import parse_time

        expected = {line["review"]["name"] for line in map(json.loads, (dataset / "google_reviews.jsonl").open())
                    if line["location"] == account and parse_time(line["visible_from"]) <= CUTOFF1}
    loaded = {key for (key,) in query(poison_url, f"select record_key from raw.{source} where account_id = %s",
                                      (account,))}
    assert loaded == expected and len(expected) > 3


def served_mentions(dataset, account: str) -> list[str]:
    """The ids of the account's mentions the backfill's timeline served: written before its cutoff,
    and not an edited post's earlier version nor a deleted post by the time of the fetch."""
    cutoff, served = (moment.strftime("%Y-%m-%dT%H:%M:%S") for moment in (CUTOFF1, CUTOFF1 + RUN_DELAY))
    return sorted(t["tweet"]["id"] for t in map(json.loads, (dataset / "x_tweets.jsonl").open())
                  if account in t["mentions_user_ids"] and t["tweet"]["created_at"] < cutoff
                  and not any(t.get(k, "9") < served for k in ("superseded_at", "deleted_from")))


def test_batch_mates_of_poison_records_all_load(poisoned, poison_url, dataset):
    rows = institutions(dataset)
    for row in rows:
        expected = served_mentions(dataset, row["x_user_id"])
        loaded = query(poison_url, "select record_key from raw.x_mentions where account_id = %s order by 1",
                       (row["x_user_id"],))
        assert [key for (key,) in loaded] == expected, row["institution_id"]
    assert not query(poison_url, "select record_key from raw.google_reviews where record_key like '%%/poison-%%'")


def test_published_marts_equal_the_truth_despite_the_poison(poisoned, poison_url, dataset):
    from webcare.generator import expected_kpis

    assert_kpis_equal(poison_url, expected_kpis(dataset, CUTOFF1))


def test_the_ledger_reconciles_and_no_cursor_took_a_poisoned_time(poisoned, poison_url):
    run_id = poisoned["run"].run_id
    batches = query(poison_url, "select source, account_id, records_received, records_inserted, records_seen_before,"
                                " records_quarantined, records_duplicated from raw.load_batches where run_id = %s",
                    (run_id,))
    assert len(batches) > 30
    for source, account, received, inserted, seen, quarantined, duplicated in batches:
        assert received == inserted + seen + quarantined + duplicated, (source, account)
        raw_rows = query(poison_url, f"select count(*) from raw.{source} where run_id = %s and account_id = %s",
                         (run_id, account))[0][0]
        assert raw_rows == inserted, (source, account)
        placed = sum(1 for s, a, _, _ in poisoned["placed"] if (s, a) == (source, account))
        assert quarantined == placed, (source, account)
    loads = query(poison_url, "select bool_and(success), sum(rows_quarantined) from audit.stage_runs"
                              " where run_id = %s and stage = 'load'", (run_id,))
    assert loads == [(True, len(poisoned["placed"]))]
    # the year-9999 updateTime did not become its location's watermark
    watermarks = query(poison_url, "select cursor_value from raw.extract_cursors where source = 'google_reviews'")
    assert watermarks and all(datetime.fromisoformat(v.replace("Z", "+00:00")) <= CUTOFF1 for (v,) in watermarks)


def test_the_quality_report_lists_every_quarantine_reason(poisoned):
    from webcare.quality_report import report_path

    page = report_path(poisoned["run"].run_id, DAY1).read_text(encoding="utf-8")
    for _, _, poison, _ in poisoned["placed"]:
        assert html.escape(poison.reason) in page, poison.name
    assert "necesito una cita" not in page and "teléfono" not in page  # reasons only, never the records


# --- (b) a post and a review from the future stop the run at the raw gate, and go to quarantine -----

def future_records(dataset) -> tuple[str, str, dict, str, dict]:
    from webcare.generator.snowflake import snowflake

    cmb = institutions(dataset)[1]
    moment = datetime(2031, 1, 1, tzinfo=timezone.utc)
    post = {"id": str(snowflake(int(moment.timestamp() * 1000), 1)), "author_id": "990000000000000002",
            "text": "@ClinicaMarBCN hola desde el futuro", "created_at": "2031-01-01T00:00:00.000Z",
            "edit_history_tweet_ids": ["0"]}
    review = {"name": f"{location_of(cmb)}/reviews/from-the-future", "reviewId": "from-the-future",
              "reviewer": {"displayName": "Marta"}, "starRating": "FIVE", "comment": "Muy bien",
              "createTime": "2031-01-01T00:00:00Z", "updateTime": "2031-01-01T00:00:00Z"}
    return cmb["x_user_id"], location_of(cmb), post, location_of(cmb), review


@pytest.fixture(scope="module")
def gated(poisoned, poison_url, dataset, fake_apis, daily_dag):
    account, location, post, _, review = future_records(dataset)
    cursors = dict(query(poison_url, "select source || ' ' || account_id, cursor_value from raw.extract_cursors"))
    run = run_day(daily_dag, fake_apis, DAY2, faults=[
        {"match": f"/2/users/{account}/mentions", "inject_record": post, "times": 1},
        {"match": f"{location}/reviews", "inject_record": review, "times": 1}])
    return {"run": run, "account": account, "location": location, "post": post, "review": review,
            "cursors_before": cursors}


def test_a_record_from_the_future_stops_the_run_at_the_raw_gate_and_bi_keeps_the_marts(gated, poisoned, poison_url):
    assert gated["run"].state == "failed"
    states = task_states(gated["run"])
    assert states["load"] == "success" and states["validate_raw"] == "failed"
    assert states["annotate"] == "upstream_failed" and states["publish_marts"] == "upstream_failed"
    assert states["quality_report"] == "success"
    assert marts_snapshot(poison_url) == poisoned["marts"]


def test_the_gate_moves_what_failed_to_the_quarantine_with_the_expectation_as_reason(gated, poison_url):
    run_id = gated["run"].run_id
    moved = query(poison_url, "select source, account_id, reason, record_text::jsonb, run_id, batch_date"
                              " from raw.quarantine where reason like 'raw gate %%' order by source")
    assert moved == [
        ("google_reviews", gated["location"], GATE_REASONS["google_reviews"], gated["review"], run_id, DAY2),
        ("x_mentions", gated["account"], GATE_REASONS["x_mentions"], gated["post"], run_id, DAY2)]
    assert not query(poison_url, "select 1 from raw.x_mentions where record_key = %s", (gated["post"]["id"],))
    assert not query(poison_url, "select 1 from raw.google_reviews where record_key = %s", (gated["review"]["name"],))
    # the ledger: the two batches count them as quarantined, not inserted, and still reconcile
    for source, account in (("x_mentions", gated["account"]), ("google_reviews", gated["location"])):
        ((received, inserted, seen, quarantined, duplicated),) = query(
            poison_url, "select records_received, records_inserted, records_seen_before, records_quarantined,"
                        " records_duplicated from raw.load_batches where run_id = %s and source = %s"
                        " and account_id = %s", (run_id, source, account))
        raw_rows = query(poison_url, f"select count(*) from raw.{source} where run_id = %s and account_id = %s",
                         (run_id, account))[0][0]
        assert (inserted, quarantined) == (raw_rows, 1) and received == inserted + seen + quarantined + duplicated
        # the cursor the future record had moved is back where that batch started
        assert query(poison_url, "select cursor_value from raw.extract_cursors where source = %s and account_id = %s",
                     (source, account)) == [(gated["cursors_before"][f"{source} {account}"],)]
    gate = query(poison_url, "select success, rows_quarantined, details -> 'quarantined' from audit.stage_runs"
                             " where run_id = %s and stage = 'validate_raw'", (run_id,))
    assert gate == [(False, 2, {GATE_REASONS["x_mentions"]: 1, GATE_REASONS["google_reviews"]: 1})]


def test_the_quality_report_shows_why_the_gate_set_records_aside(gated):
    from webcare.quality_report import report_path

    page = report_path(gated["run"].run_id, DAY2).read_text(encoding="utf-8")
    for reason in GATE_REASONS.values():
        assert html.escape(reason) in page


# --- (c) the next run is clean --------------------------------------------------------------------

def test_the_next_run_is_clean_and_publishes_the_truth(gated, poison_url, dataset, fake_apis, daily_dag):
    from webcare.generator import expected_kpis

    quarantined = query(poison_url, "select count(*) from raw.quarantine")[0][0]
    run = run_day(daily_dag, fake_apis, DAY2)
    assert run.state == "success"
    assert_kpis_equal(poison_url, expected_kpis(dataset, WINDOW_END))
    assert query(poison_url, "select count(*) from raw.quarantine")[0][0] == quarantined
    assert not query(poison_url, "select 1 from raw.x_mentions where record_key = %s", (gated["post"]["id"],))
    failed = query(poison_url, "select count(*) from audit.expectation_results where run_id = %s and not success"
                               " and severity = 'critical'", (run.run_id,))
    assert failed == [(0,)]


# --- (d) the importer: the same poison in an export file, rejected with line and column ------------

def test_an_export_file_with_poison_rows_imports_its_valid_rows_and_names_each_poison(gated, poison_url, tmp_path):
    from webcare.generator.poison import twcs_poison_export
    from webcare.imports.load import import_file

    export = twcs_poison_export(tmp_path / "twcs_poison.csv", institution="hsn")
    report = import_file(export.path, "customer_support_on_twitter", constants={"account_id": "hsn"})
    reasons = {r for (r,) in query(poison_url, "select reason from raw.quarantine where source = 'imported_messages'"
                                               " and account_id = %s", (export.path.name,))}
    for poison in export.truth["poison"]:
        assert poison["reason"] in reasons, poison
    assert len(reasons) == len(export.truth["poison"]) + len(export.truth["rejected"])
    assert report.records_inserted == len(export.truth["records"]) > 200
    loaded = query(poison_url, "select count(*) from raw.imported_messages where run_id = %s", (report.run_id,))
    assert loaded == [(len(export.truth["records"]),)]
