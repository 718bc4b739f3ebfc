"""The daily run reads recent history only; ``reread_all`` (and the monthly day) reads all of it.

Against the real fake APIs and a database of its own: a Google location and a Facebook page whose
cursors say the history was read before, extracted once as a daily run and once with
``reread_all``, with a horizon shorter than the generated month (WEBCARE_REREAD_MAX_AGE_DAYS=2).
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from conftest import DAYS, START, own_database, query


def test_the_reread_day_is_asked_or_the_configured_day_of_the_month(monkeypatch):
    from webcare.tasks import reread_all_today

    monkeypatch.delenv("WEBCARE_REREAD_ALL_DAY_OF_MONTH", raising=False)
    assert reread_all_today(date(2026, 4, 1)) and not reread_all_today(date(2026, 4, 2))
    assert reread_all_today(date(2026, 4, 2), asked=True)
    monkeypatch.setenv("WEBCARE_REREAD_ALL_DAY_OF_MONTH", "15")
    assert reread_all_today(date(2026, 4, 15)) and not reread_all_today(date(2026, 4, 1))
    monkeypatch.setenv("WEBCARE_REREAD_ALL_DAY_OF_MONTH", "")
    assert not any(reread_all_today(date(2026, 4, d)) for d in range(1, 31))


def test_the_daily_dag_offers_reread_all(daily_dag):
    assert daily_dag.params["reread_all"] is False


@pytest.mark.parametrize("source", ["google_reviews", "facebook_comments"])
def test_a_daily_extraction_reads_the_horizon_and_reread_all_reads_everything(source, warehouse_url, fake_apis,
                                                                             monkeypatch):
    from webcare import batch_files
    from webcare.extract import extract
    from webcare.generator.institutions import load_institutions
    from webcare.sources import SOURCES
    from webcare.sources.facebook import parse_graph_time

    monkeypatch.setenv("WEBCARE_REREAD_MAX_AGE_DAYS", "2")
    account = SOURCES[source].account(load_institutions(1)[0])
    day = START + timedelta(days=DAYS - 1)
    cutoff = datetime(day.year, day.month, day.day, tzinfo=timezone.utc) + timedelta(days=1)
    fake_apis.set_clock(cutoff + timedelta(minutes=20))
    with own_database(warehouse_url, f"webcare_reread_{source}") as url:
        query(url, "insert into raw.extract_cursors (source, account_id, cursor_value, run_id)"
                   " values (%s, %s, %s, 'earlier')", (source, account, (cutoff - timedelta(days=1)).isoformat()))
        read = {}
        for reread_all in (False, True):
            path = extract(source, account, f"run-{reread_all}", day, cutoff, url, reread_all=reread_all)
            batch = batch_files.read(path)
            read[reread_all] = (batch["meta"], batch["records"])
    (daily_meta, daily), (whole_meta, whole) = read[False], read[True]
    created = SOURCES[source].created_field
    oldest_kept = min(parse_graph_time(r[created]) for r in daily)
    assert whole_meta["reread_all"] and not daily_meta["reread_all"]
    assert daily_meta["pages"] < whole_meta["pages"] and len(daily) < len(whole)
    assert min(parse_graph_time(r[created]) for r in whole) < oldest_kept - timedelta(days=1)  # the week, whole
    if source == "google_reviews":
        assert whole_meta["complete"] and whole_meta["complete_from"] is None  # every review: deletions too
        assert daily_meta["complete"] and daily_meta["complete_from"]
