"""Nothing hangs for ever: the pipeline's own HTTP clients (X through tweepy, Google) against the
fake APIs when a server hangs past the read timeout, and when a rate limit resets too far away.

Real clients over real HTTP to the local fakes (webcare.fakes.server), no mocks.
"""
from __future__ import annotations

import json
import re
import time
from datetime import timedelta
import pytest

from webcare.errors import RateLimited
from webcare.fakes.server import FakeApis
from webcare.generator import generate
from webcare.generator.institutions import load_institutions
from webcare.generator.times import parse_time
from webcare.sources import google, x


@pytest.fixture(scope="module")
def fake(tmp_path_factory):
    dataset = generate(tmp_path_factory.mktemp("clients"), institutions=1, days=3)
    with FakeApis(dataset) as apis:
        apis.window_end = parse_time(json.loads((dataset / "manifest.json").read_text())["window_end"])
        apis.set_clock(apis.window_end)
        yield apis


@pytest.fixture
def hospital():
    return load_institutions(1)[0]


@pytest.fixture(autouse=True)
def clean(fake):
    fake.clear_faults()
    fake.requests_log.clear()
    yield
    fake.clear_faults()


def mentions(fake, client, hospital):
    return x.fetch_timeline(client, "mentions", hospital["x_user_id"], None, fake.window_end)


def test_x_read_timeout_then_retry_gives_the_same_records(fake, hospital):
    client = x.make_client(fake.x_base_url, "token", timeout=(2, 1))
    expected = mentions(fake, client, hospital).records
    fake.requests_log.clear()
    fake.add_fault({"match": f"/2/users/{hospital['x_user_id']}/mentions", "delay_seconds": 3})
    started = time.monotonic()
    again = mentions(fake, client, hospital)
    assert again.records == expected and len(expected) > 20
    # the hung request (answered after 3 s) was abandoned at the 1 s read timeout and asked again
    assert 1 <= time.monotonic() - started < 3


def test_x_rate_limit_beyond_the_cap_fails_at_once_for_airflow_to_retry(fake, hospital, monkeypatch):
    monkeypatch.setenv("WEBCARE_MAX_RATE_LIMIT_WAIT", "5")
    fake.add_fault({"match": f"/2/users/{hospital['x_user_id']}/mentions", "status": 429,
                    "reset_in_seconds": 3600})
    started = time.monotonic()
    with pytest.raises(RateLimited) as raised:
        mentions(fake, x.make_client(fake.x_base_url, "token"), hospital)
    assert time.monotonic() - started < 5
    assert raised.value.reset_at > time.time() + 3000


def test_x_rate_limit_within_the_cap_is_waited_out(fake, hospital, monkeypatch):
    monkeypatch.setenv("WEBCARE_MAX_RATE_LIMIT_WAIT", "30")
    client = x.make_client(fake.x_base_url, "token")
    expected = mentions(fake, client, hospital).records
    fake.add_fault({"match": f"/2/users/{hospital['x_user_id']}/mentions", "status": 429, "reset_in_seconds": 1})
    assert mentions(fake, client, hospital).records == expected


def test_the_production_x_client_has_the_same_session(fake):
    client = x.make_client(x.TWITTER_HOST, "token")
    assert isinstance(client.session, x.HostRewritingSession)
    assert client.session.timeout == x.TIMEOUT and client.wait_on_rate_limit is False
    assert client.session.get_adapter("https://api.twitter.com").max_retries.total == 4


def test_google_read_timeout_then_retry(fake, hospital):
    location = f"accounts/{hospital['google_account_id']}/locations/{hospital['google_location_id']}"
    client = google.ReviewsClient(fake.google_base_url, "token", timeout=(2, 1))
    expected = google.fetch_reviews(client, location, fake.window_end).records
    fake.add_fault({"match": f"{location}/reviews", "delay_seconds": 3})
    started = time.monotonic()
    assert google.fetch_reviews(client, location, fake.window_end).records == expected and expected
    assert 1 <= time.monotonic() - started < 3


def test_x_cap_is_warned_with_what_may_be_missing(fake, hospital, monkeypatch):
    """The mentions timeline serves only the 800 most recent mentions; a read that gets as many
    warns that older posts of the window may be missing. This dataset has fewer than 800, so the
    threshold is lowered to its size (the detection, not the fake, is under test here)."""
    client = x.make_client(fake.x_base_url, "token")
    full = mentions(fake, client, hospital)
    assert not full.warnings
    monkeypatch.setitem(x.TIMELINE_CAPS, "mentions", len({r["id"] for r in full.records}))
    capped = mentions(fake, client, hospital)
    assert len(capped.warnings) == 1 and "cap of" in capped.warnings[0] and "may be missing" in capped.warnings[0]


def test_x_truncated_page_is_warned_with_how_many_may_be_missing(fake, hospital):
    """A page whose result_count says more posts than it holds (X left some out): the read goes
    on, and the warning says how many may be missing."""
    client = x.make_client(fake.x_base_url, "token")
    full = mentions(fake, client, hospital)
    fake.add_fault({"match": f"/2/users/{hospital['x_user_id']}/mentions", "withhold": 2, "after_pages": 1})
    truncated = mentions(fake, client, hospital)
    (warning,) = truncated.warnings
    found = re.fullmatch(rf"X mentions of {hospital['x_user_id']}: page 2 counts (\d+) posts but holds (\d+);"
                         r" up to 2 may be missing", warning)
    assert found and int(found.group(1)) - int(found.group(2)) == 2
    assert len({r["id"] for r in full.records} - {r["id"] for r in truncated.records}) == 2



def test_a_daily_google_read_stops_at_the_horizon_and_says_how_far_it_is_complete(fake, hospital, monkeypatch):
    """Newest updateTime first: a run with ``since`` reads the reviews updated within
    WEBCARE_REREAD_MAX_AGE_DAYS before it and stops at the first page reaching back further; the
    read is complete for every review updated after the oldest updateTime it reached."""
    location = f"accounts/{hospital['google_account_id']}/locations/{hospital['google_location_id']}"
    monkeypatch.setenv("WEBCARE_GOOGLE_PAGE_SIZE", "2")
    client = google.ReviewsClient(fake.google_base_url, "token")
    whole = google.fetch_reviews(client, location, fake.window_end)
    assert whole.complete and whole.complete_from is None  # the listing's end was reached
    updated = sorted(parse_time(r["updateTime"]) for r in whole.records)
    since = updated[len(updated) // 2] + timedelta(hours=1)
    monkeypatch.setenv("WEBCARE_REREAD_MAX_AGE_DAYS", "0")
    daily = google.fetch_reviews(client, location, fake.window_end, since=since)
    read = {r["name"] for r in daily.records}
    assert daily.pages < whole.pages and daily.complete and daily.complete_from
    assert {r["name"] for r in whole.records if parse_time(r["updateTime"]) >= since} <= read
    assert {r["name"] for r in whole.records if parse_time(r["updateTime"]) > parse_time(daily.complete_from)} <= read
    assert min(parse_time(r["updateTime"]) for r in daily.records) == parse_time(daily.complete_from) < since
    monkeypatch.setenv("WEBCARE_REREAD_MAX_AGE_DAYS", "10000")  # a horizon beyond the history: everything
    assert google.fetch_reviews(client, location, fake.window_end, since=since).records == whole.records
