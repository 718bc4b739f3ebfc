"""Calendar time bombs and KPI edges (issue 10, items 5 and 10), through real imports, real dbt builds,
real GX gates: the generator's calendar_edges scenario (webcare.generator.edges) is imported and the
marts are compared value by value with generator.marts, which measures the same messages from the
documented definitions (docs/metrics.md) in plain Python.

- history from 2019 and 2023 and messages from 2029 are in dim_date and the marts, with the public
  holidays of those years (written from the `holidays` package by webcare.public_holidays.sync);
- before an institution's first schedule, business minutes are null and business SLAs `no_schedule`;
- the KPI marts publish sla_pending_count beside pct_within_sla;
- after a seed change (a holiday added mid-history, a new schedule version) and after an import that
  brings an earlier reply to an old message, the rebuilt marts equal the truth and a full refresh;
- a one-row overnight shift is rejected by a seed test;
- the backlog is bounded (issue 12): unanswered history older than backlog_max_age_days leaves it as
  expired (fct_backlog_intervals, backlog_expired_count), a reply after the expiry still answers the message,
  a reply exactly at the expiry instant closes it as answered.

Isolation: this module runs in its own database (`webcare_edges`) of the embedded cluster, with
WEBCARE_WAREHOUSE_URL pointing at it, and a copy of the dbt project whose seeds are the scenario's
(config.DBT_PROJECT_DIR and config.SEEDS_DIR point at the copy for this module only).
Tests run in file order and share the database.
"""
from __future__ import annotations

import math
import shutil
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit, urlunsplit

import pytest

from conftest import TEST_HOME, query

EDGES_DB = "webcare_edges"
TWCS = "customer_support_on_twitter"
BUILT = ("hsn_2023", "hcm_2023", "cmv_2019")
KPI_COLUMNS = {name: name for name in (
    "median_first_response_minutes", "p90_first_response_minutes", "median_first_response_business_minutes",
    "p90_first_response_business_minutes", "response_rate", "pct_within_sla")}
KPI_COLUMNS.update({"inbound": "inbound_count", "answered": "answered_count", "sla_measured": "sla_measured_count",
                    "sla_achieved": "sla_achieved_count", "sla_pending": "sla_pending_count",
                    "sla_no_schedule": "sla_no_schedule_count", "backlog_end": "backlog_end_count",
                    "backlog_end_past_sla": "backlog_end_past_sla_count", "backlog_expired": "backlog_expired_count"})
INTERACTION_COLUMNS = {"local_date": "date_day", **{c: c for c in (
    "is_answered", "first_response_at", "has_clock_skew", "first_response_minutes", "first_response_business_minutes",
    "sla_target_minutes", "sla_time_basis", "sla_breach_at", "sla_status", "sla_elapsed_minutes")}}
PERIODS = {"daily": "date_day", "weekly": "week_start", "monthly": "month_start"}
INTERVAL_COLUMNS = {"local_date": "date_day", **{c: c for c in (
    "opened_at", "closed_at", "close_reason", "expires_at", "sla_breach_at")}}


@pytest.fixture(scope="module")
def edges(tmp_path_factory):
    from webcare.generator.edges import calendar_edges

    return calendar_edges(TEST_HOME / "edges")


@pytest.fixture(scope="module")
def edges_url(warehouse_url, edges):
    import psycopg2

    from webcare import config, warehouse

    url = urlunsplit(urlsplit(warehouse_url)._replace(path=f"/{EDGES_DB}"))
    admin = psycopg2.connect(warehouse_url)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f"drop database if exists {EDGES_DB} with (force)")
        cur.execute(f"create database {EDGES_DB}")
    admin.close()
    project = TEST_HOME / "edges" / "dbt_project"
    if project.exists():
        shutil.rmtree(project)
    shutil.copytree(config.DBT_PROJECT_DIR, project, ignore=shutil.ignore_patterns("target", "logs", "seeds"))
    shutil.copytree(edges.seeds_dir, project / "seeds")
    shutil.copyfile(config.SEEDS_DIR / "_seeds.yml", project / "seeds" / "_seeds.yml")
    edges.seeds_dir = project / "seeds"   # the scenario's seeds are the ones dbt reads
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WEBCARE_WAREHOUSE_URL", url)
        patch.setattr(config, "DBT_PROJECT_DIR", project)
        patch.setattr(config, "SEEDS_DIR", project / "seeds")
        assert warehouse.warehouse_url() == url
        warehouse.bootstrap(url)
        yield url


def run_import(path, *args: str) -> tuple[int, str]:
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from webcare.imports.__main__ import main

    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(out):
        code = main([str(path), "--mapping", TWCS, *args])
    return code, out.getvalue()


def rows_as_dicts(url: str, sql: str) -> list[dict]:
    import psycopg2
    import psycopg2.extras

    with psycopg2.connect(url) as conn, conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute(sql)
        rows = [dict(r) for r in cur.fetchall()]
    conn.close()
    return rows


def same_value(mine, theirs) -> bool:
    if mine is None or theirs is None:
        return mine is None and theirs is None
    if isinstance(theirs, float) or isinstance(mine, float):
        return math.isclose(float(mine), float(theirs), rel_tol=1e-9, abs_tol=1e-6)
    if isinstance(theirs, datetime):
        return abs((mine - theirs).total_seconds()) < 1e-3
    return mine == theirs


def assert_rows_equal(actual: list[dict], expected: list[dict], key: tuple[str, ...], columns: dict[str, str]) -> None:
    assert expected, "no expected rows: the comparison would prove nothing"
    mine = {tuple(r[k] for k in key): r for r in actual}
    theirs = {tuple(r[k] for k in key): r for r in expected}
    assert len(mine) == len(actual) and len(theirs) == len(expected)
    assert set(mine) == set(theirs), f"keys differ: {sorted(set(mine) ^ set(theirs))[:5]}"
    wrong = [(k, mart, mine[k][mart], theirs[k][truth]) for k in theirs for truth, mart in columns.items()
             if not same_value(mine[k][mart], theirs[k][truth])]
    assert not wrong, f"{len(wrong)} values differ, e.g. {wrong[:5]}"


def as_of(url: str) -> datetime:
    return query(url, "select as_of from intermediate.int_warehouse_as_of")[0][0]


def truth(edges, url: str, *names: str, replace: dict | None = None, at: datetime | None = None) -> dict:
    from webcare.generator.marts import expected_marts

    folder = edges.write_truth(*names, replace=replace)
    return expected_marts(folder, at or as_of(url), edges.seeds_dir)


def interactions(url: str, schema: str = "marts") -> list[dict]:
    rows = rows_as_dicts(url, f"select * from {schema}.fct_interactions")
    for row in rows:
        row["native_id"], row["channel"] = row["message_id"].split(":", 2)[2], row["channel_id"]
    return rows


BACKLOG_DAY_COLUMNS = {"backlog_end": "backlog_end_count", "backlog_end_past_sla": "backlog_end_past_sla_count"}


def assert_marts_equal_truth(url: str, expected: dict, schema: str = "marts") -> None:
    assert_rows_equal(interactions(url, schema), expected["interactions"], ("channel", "institution_id", "native_id"),
                      INTERACTION_COLUMNS)
    for grain, period in PERIODS.items():
        actual = rows_as_dicts(url, f"select * from {schema}.mart_response_kpis_{grain}")
        for row in actual:
            row["channel"], row["period_start"] = row["channel_id"], row[period]
        assert_rows_equal(actual, expected[f"kpis_{grain}"], ("institution_id", "channel", "period_start"), KPI_COLUMNS)
    backlog = rows_as_dicts(url, f"select message_id, date_day, age_minutes, is_past_sla from {schema}.fct_backlog_daily")
    for row in backlog:
        row["channel"], row["institution_id"], row["native_id"] = row["message_id"].split(":", 2)
    assert_rows_equal(backlog, expected["backlog_daily"], ("channel", "institution_id", "native_id", "date_day"),
                      {"age_minutes": "age_minutes", "is_past_sla": "is_past_sla"})
    intervals = rows_as_dicts(url, f"select * from {schema}.fct_backlog_intervals")
    for row in intervals:
        row["channel"], row["institution_id"], row["native_id"] = row["message_id"].split(":", 2)
    assert_rows_equal(intervals, expected["backlog_intervals"], ("channel", "institution_id", "native_id"),
                      INTERVAL_COLUMNS)
    days = rows_as_dicts(url, f"select * from {schema}.mart_backlog_daily")
    for row in days:
        row["channel"] = row["channel_id"]
    assert_rows_equal(days, expected["backlog_days"], ("institution_id", "channel", "date_day"), BACKLOG_DAY_COLUMNS)


LATE_REPLIES = "twcs_cmv_late_replies.csv"


@pytest.fixture(scope="module")
def first_build(edges_url, edges):
    from webcare.generator.edges import late_replies_export
    from webcare.generator.marts import backlog_max_age_days
    from webcare.imports.load import import_file

    for name in BUILT[:-1]:
        report = import_file(edges.exports[name].path, TWCS, {"account_id": edges.exports[name].truth["institution_id"]})
        assert not report.already_imported and report.records_inserted > 100
    # cmv's replies to two 2019 messages long after they were written: one after their backlog expiry, one at it
    path, updated = late_replies_export(TEST_HOME / "edges" / "exports" / LATE_REPLIES, edges.exports["cmv_2019"],
                                        backlog_max_age_days(), tweet_id=580_000)
    assert import_file(path, TWCS, {"account_id": "cmv"}).records_inserted == 2
    edges.replacements.update({m["native_id"]: m for m in updated})   # their truth from now on
    export = edges.exports[BUILT[-1]]
    code, output = run_import(export.path, "--institution", export.truth["institution_id"])  # builds and publishes
    assert code == 0, output[-3000:]
    return truth(edges, edges_url, *BUILT)


# --- 5. no calendar time bombs --------------------------------------------------------------------

def test_old_history_is_in_the_calendar_and_measured_with_its_years_holidays(first_build, edges_url, edges):
    from webcare.generator.hours import public_holidays

    first, last = query(edges_url, "select min(date_day), max(date_day) from marts.dim_date")[0]
    as_of_day = as_of(edges_url).date()
    assert first == date(2019, 1, 1)   # the year of the earliest message (cmv, March 2019), not 2024
    assert last == date((as_of_day + timedelta(days=62)).year, 12, 31)
    assert query(edges_url, "select count(*) from marts.dim_date")[0][0] == (last - first).days + 1
    # the holidays of every year present, from the package (2019-03-19 San José in Valencia: no seed lists it)
    years = {y for (y,) in query(edges_url, "select distinct extract(year from holiday_date)::int from reference.public_holidays")}
    assert set(range(2019, last.year + 1)) <= years
    assert date(2019, 3, 19) in public_holidays("VC", 2019)
    assert query(edges_url, "select holiday_date from reference.public_holidays where region_code = 'VC'"
                            " and holiday_date = '2019-03-19'") == [(date(2019, 3, 19),)]
    assert not query(edges_url, "select 1 from intermediate.int_business_intervals_expanded"
                                " where institution_id = 'cmv' and local_date = '2019-03-19'")
    assert_marts_equal_truth(edges_url, first_build)
    # the truth really measures the 2019 holiday: answered on San José, 0 business minutes; SLA clocks
    # of that day start on the 20th (240 business minutes from 08:00 CET = 11:00Z)
    holiday = [r for r in first_build["interactions"] if r["institution_id"] == "cmv" and r["local_date"] == date(2019, 3, 19)]
    answered = [r for r in holiday if r["is_answered"]]
    assert answered and all(r["first_response_business_minutes"] == 0 < r["first_response_minutes"] for r in answered)
    assert {r["sla_breach_at"] for r in holiday} == {datetime.fromisoformat("2019-03-20T11:00:00+00:00")}


def test_no_schedule_means_unknown_business_minutes_and_a_no_schedule_sla(first_build, edges_url):
    before = [r for r in first_build["interactions"] if r["institution_id"] == "hsn" and r["local_date"] < date(2024, 1, 1)]
    after = [r for r in first_build["interactions"] if r["institution_id"] == "hsn" and r["local_date"] >= date(2024, 1, 1)]
    assert before and after and any(r["is_answered"] for r in before)
    assert {r["sla_status"] for r in before} == {"no_schedule"}
    assert all(r["first_response_business_minutes"] is None and r["sla_breach_at"] is None
               and r["sla_elapsed_minutes"] is None for r in before)
    assert {r["sla_status"] for r in after} <= {"achieved", "breached"} and all(
        r["first_response_business_minutes"] is not None for r in after if r["is_answered"])
    # the marts say the same (compared whole above); never 0 minutes, never achieved
    assert query(edges_url, "select count(*), count(first_response_business_minutes), count(sla_breach_at),"
                            " count(*) filter (where sla_status = 'achieved') from marts.fct_interactions"
                            " where institution_id = 'hsn' and date_day < '2024-01-01'") == [(len(before), 0, 0, 0)]
    # a calendar-basis SLA is measured without a schedule; its business minutes are unknown
    hcm = [r for r in first_build["interactions"] if r["institution_id"] == "hcm"]
    assert {r["sla_status"] for r in hcm} == {"achieved", "breached"}
    assert all(r["first_response_business_minutes"] is None for r in hcm)
    # the KPI marts count no_schedule events apart: not measured, not pending
    weekly = query(edges_url, "select sum(sla_no_schedule_count), sum(sla_measured_count), sum(sla_pending_count)"
                              " from marts.mart_response_kpis_weekly where institution_id = 'hsn' and channel_id = 'x'"
                              " and week_start < '2024-01-01'")[0]
    assert weekly == (len(before), 0, 0)
    assert query(edges_url, "select count(*) from marts.fct_sla_events where sla_status = 'no_schedule'"
                            " and not is_breached")[0][0] == len(before)


# --- issue 12: the backlog is bounded by a maximum age; expired messages are counted, not dropped ---

def test_old_unanswered_messages_expire_from_the_backlog_and_are_counted(first_build, edges_url, edges):
    from collections import Counter

    from webcare.generator.marts import backlog_max_age_days, expected_marts

    max_age = backlog_max_age_days()
    expired = [r for r in first_build["backlog_intervals"] if r["close_reason"] == "expired"]
    # the scenario has them (2019 and 2023 history, unanswered, imported years later): the marts equal the
    # truth (compared whole in the first test of this module), so they have them too
    assert len(expired) > 50 and {r["institution_id"] for r in expired} == {"hsn", "hcm", "cmv"}
    assert all(r["closed_at"] == r["expires_at"] == r["opened_at"] + timedelta(days=max_age) for r in expired)
    assert query(edges_url, "select count(*) from marts.fct_backlog_intervals where close_reason = 'expired'"
                            " and closed_at = opened_at + interval '1 day' * %s", (max_age,)) == [(len(expired),)]
    # bounded: no backlog row at or past the maximum age, at most max_age + 1 local days per message
    assert query(edges_url, "select count(*) from marts.fct_backlog_daily where age_minutes >= %s",
                 (max_age * 1440,)) == [(0,)]
    days = query(edges_url, "select max(n) from (select count(*) as n from marts.fct_backlog_daily"
                            " group by message_id) as per_message")[0][0]
    assert max_age <= days <= max_age + 1
    # counted in the period of the expiry's local day, at every grain, and the counts add up
    for grain in PERIODS:
        counted = dict(query(edges_url, f"select institution_id, sum(backlog_expired_count)::int"
                                        f" from marts.mart_response_kpis_{grain} group by 1"
                                        f" having sum(backlog_expired_count) > 0"))
        assert counted == Counter(r["institution_id"] for r in expired), grain
    # hsn's messages of 26 Dec 2023 - 4 Jan 2024 expire in late January and early February 2024, after the
    # last message day: the reporting days reach the last expiry, so they are counted too
    last_expiry = max(r["closed_at"] for r in expired if r["institution_id"] == "hsn").date()
    last_message = max(r["local_date"] for r in first_build["interactions"])
    assert last_expiry > last_message
    assert query(edges_url, "select max(date_day) from marts.mart_response_kpis_daily")[0][0] >= last_expiry
    # ignoring the expiry would fail the comparisons: these messages would wait to the as-of day (years)
    unbounded = expected_marts(edges.truth_dir, as_of(edges_url), edges.seeds_dir, max_age_days=100_000)
    assert not [r for r in unbounded["backlog_intervals"] if r["close_reason"] == "expired"]
    assert len(unbounded["backlog_daily"]) > 20 * len(first_build["backlog_daily"])


def test_a_reply_after_the_expiry_still_answers_the_message_and_one_at_it_closes_it_answered(first_build, edges_url,
                                                                                            edges):
    from webcare.generator.marts import backlog_max_age_days

    max_age = backlog_max_age_days()
    late, tie = sorted(edges.replacements.values(), key=lambda m: m["created_at"])   # late_replies_export
    rows = {r["native_id"]: r for r in first_build["interactions"]}
    intervals = {r["native_id"]: r for r in first_build["backlog_intervals"]}
    # the truth: answered 10 days after its expiry, so answered (reply rate, first response) and expired (backlog)
    assert rows[late["native_id"]]["is_answered"] and intervals[late["native_id"]]["close_reason"] == "expired"
    assert rows[late["native_id"]]["first_response_minutes"] == (max_age + 10) * 1440
    # answered exactly at the expiry instant: the answer wins the tie
    assert intervals[tie["native_id"]]["close_reason"] == "answered"
    assert intervals[tie["native_id"]]["closed_at"] == intervals[tie["native_id"]]["expires_at"] \
        == rows[tie["native_id"]]["first_response_at"]
    # the marts say the same
    sql = ("select f.is_answered, f.first_response_minutes, b.close_reason, b.closed_at = b.expires_at,"
           " (select count(*) from marts.fct_backlog_daily d where d.message_id = f.message_id),"
           " (select max(d.measured_at) < b.expires_at from marts.fct_backlog_daily d where d.message_id = f.message_id)"
           " from marts.fct_interactions f join marts.fct_backlog_intervals b using (message_id)"
           " where f.message_id = %s")
    waited = {m["native_id"]: sum(r["native_id"] == m["native_id"] for r in first_build["backlog_daily"])
              for m in (late, tie)}
    assert max_age - 1 <= waited[late["native_id"]] <= max_age + 1   # 30 x 24 h over 29 to 31 local days
    assert query(edges_url, sql, (f"x:cmv:{late['native_id']}",)) == [
        (True, (max_age + 10) * 1440.0, "expired", True, waited[late["native_id"]], True)]
    assert query(edges_url, sql, (f"x:cmv:{tie['native_id']}",)) == [
        (True, max_age * 1440.0, "answered", True, waited[tie["native_id"]], True)]
    # its day's reply rate counts it
    day = rows[late["native_id"]]["local_date"]
    answered = sum(r["is_answered"] for r in first_build["interactions"]
                   if (r["institution_id"], r["channel"], r["local_date"]) == ("cmv", "x", day))
    assert query(edges_url, "select answered_count from marts.mart_response_kpis_daily where institution_id = 'cmv'"
                            " and channel_id = 'x' and date_day = %s", (day,)) == [(answered,)]


# --- 10. seed changes, an earlier reply: the rebuilt marts are the truth and a full refresh --------

def test_a_holiday_added_mid_history_and_a_new_schedule_change_the_marts_like_a_full_refresh(first_build, edges_url,
                                                                                           edges):
    from webcare import dbt, tasks
    from webcare.generator.edges import add_mid_history_holiday, add_schedule_version

    holiday = add_mid_history_holiday(edges.seeds_dir)
    add_schedule_version(edges.seeds_dir)
    expected = truth(edges, edges_url, *BUILT)
    changed = {r["native_id"] for r, old in zip(expected["interactions"], first_build["interactions"])
               if (r["first_response_business_minutes"], r["sla_breach_at"]) !=
               (old["first_response_business_minutes"], old["sla_breach_at"])}
    assert {r["institution_id"] for r in expected["interactions"] if r["native_id"] in changed} == {"hsn", "cmv"}
    dbt.run(tasks.DBT_STAGING)
    dbt.run(tasks.DBT_MARTS)   # what the next daily run builds
    assert_marts_equal_truth(edges_url, expected, "marts_build")
    assert not query(edges_url, "select 1 from intermediate.int_business_intervals_expanded"
                                " where institution_id = %s and local_date = %s", (holiday[0], holiday[1]))
    tables = ("fct_interactions", "fct_sla_events", "fct_backlog_daily", "fct_backlog_intervals", "mart_backlog_daily",
              "mart_response_kpis_daily", "mart_response_kpis_weekly", "mart_response_kpis_monthly")
    built = {t: query(edges_url, f"select * from marts_build.{t} order by 1, 2, 3") for t in tables}
    dbt.run(["build", "--full-refresh", "--exclude", "tag:staging", "resource_type:seed"])
    for table in tables:
        assert query(edges_url, f"select * from marts_build.{table} order by 1, 2, 3") == built[table], table


def test_an_import_bringing_an_earlier_reply_to_an_old_message_changes_it(first_build, edges_url, edges):
    from webcare.generator.edges import earlier_reply_export

    export = edges.exports["cmv_2019"]
    last = max(datetime.fromisoformat(m["created_at"]) for m in edges.messages(*BUILT))
    # older than any lookback a merge would have used: 14 days before the latest message
    path, updated = earlier_reply_export(TEST_HOME / "edges" / "exports" / "twcs_cmv_reply.csv", export,
                                         before=last - timedelta(days=14), tweet_id=590_000)
    old = next(m for m in export.truth["messages"] if m["native_id"] == updated["native_id"])
    assert updated["first_reply_at"] < old["first_reply_at"]
    code, output = run_import(path, "--institution", "cmv")
    assert code == 0, output[-3000:]
    edges.replacements[updated["native_id"]] = updated   # the truth of this message from now on
    expected = truth(edges, edges_url, *BUILT)
    assert_marts_equal_truth(edges_url, expected)
    row = next(r for r in expected["interactions"] if r["native_id"] == updated["native_id"])
    mine = query(edges_url, "select first_response_at, replies_count from marts.fct_interactions"
                            " where message_id = %s", (f"x:cmv:{updated['native_id']}",))[0]
    assert same_value(mine[0], row["first_response_at"]) and mine[1] >= 2


# --- 10. an overnight shift in one row is rejected by a seed test --------------------------------------

def test_a_one_row_overnight_shift_is_rejected_by_a_seed_test(first_build, edges_url, edges):
    from webcare import dbt
    from webcare.generator.edges import add_overnight_shift, remove_overnight_shift

    add_overnight_shift(edges.seeds_dir)
    try:
        with pytest.raises(dbt.DbtFailed, match="closes_after_opens"):
            dbt.run(["build", "--select", "business_hours"])
    finally:
        remove_overnight_shift(edges.seeds_dir)
    dbt.run(["build", "--select", "business_hours"])
    assert not query(edges_url, "select 1 from reference.business_hours where closes_at::time <= opens_at::time")
    assert query(edges_url, "select count(*) from marts.fct_interactions where first_response_business_minutes < 0"
                            " or sla_elapsed_minutes < 0")[0][0] == 0


# --- 5 and 10. after 2028, and pending beside % within SLA ---------------------------------------------

def test_messages_after_2028_are_measured_and_pending_is_published_beside_pct_within_sla(first_build, edges_url, edges):
    """The old calendar ended on 2028-12-31. cmb's January 2029 file is loaded through the loader (the
    import command refuses records from the future: this machine's clock is before 2029) and built with
    the as-of instant just after its last message, so its last messages are pending."""
    from webcare import dbt, tasks
    from webcare.imports.mapping import load_mapping
    from webcare.imports.reader import read_file
    from webcare.load import load_batch

    export = edges.exports["cmb_2029"]
    records = [item.record for item in read_file(export.path, load_mapping(TWCS), constants={"account_id": "cmb"})
               if item.ok and item.record["created_at"] < "2100"]
    result = load_batch({"meta": {"source": "imported_messages", "account_id": "cmb", "run_id": "edges__2029",
                                  "batch_date": "2029-01-08", "extracted_at": "2029-01-08T00:00:00+00:00",
                                  "cutoff": None, "cursor_before": None, "cursor_after": None},
                         "records": records})
    assert result.inserted == len(records) > 100
    # as of just after cmb's last message (no message after the as-of: extraction never reaches past it)
    at = max(datetime.fromisoformat(m["created_at"]) for m in export.truth["messages"]) + timedelta(seconds=1)
    dbt.run(tasks.DBT_STAGING)  # staging is incremental tables: it takes in the file's rows (docs/decision-log.md)
    dbt.run(["build", "--exclude", "tag:staging", "resource_type:seed", "--vars", f"{{as_of: '{at.isoformat()}'}}"])
    expected = truth(edges, edges_url, *BUILT, "cmb_2029", at=at)
    assert_marts_equal_truth(edges_url, expected, "marts_build")
    assert query(edges_url, "select max(date_day) from marts_build.dim_date")[0][0] == date(2029, 12, 31)
    assert query(edges_url, "select count(*) from reference.public_holidays where region_code = 'CT'"
                            " and holiday_date between '2029-01-01' and '2029-12-31'")[0][0] >= 10
    cmb = [r for r in expected["interactions"] if r["institution_id"] == "cmb"]
    assert {r["local_date"].year for r in cmb} == {2029}
    assert {"achieved", "pending"} <= {r["sla_status"] for r in cmb}
    # a day whose measured events are all achieved but has pending ones: 100 % of the measured, and it says so
    daily = rows_as_dicts(edges_url, "select * from marts_build.mart_response_kpis_daily where institution_id = 'cmb'"
                                     " and channel_id = 'x' and sla_pending_count > 0 order by date_day")
    assert daily, "no day with pending events: the case would prove nothing"
    for row in daily:
        day = [r for r in cmb if r["local_date"] == row["date_day"]]
        assert row["sla_pending_count"] == sum(r["sla_status"] == "pending" for r in day)
        measured = [r for r in day if r["sla_status"] in ("achieved", "breached")]
        assert row["sla_measured_count"] == len(measured)
        assert same_value(row["pct_within_sla"], sum(r["sla_status"] == "achieved" for r in measured) / len(measured)
                          if measured else None)
