"""The fake Facebook/Instagram Graph API against its official shapes, and the clients against the fake."""
from __future__ import annotations

import json
import logging
import re
import time
from datetime import datetime, timedelta, timezone

import pytest

from webcare.errors import AuthError, BadPayload, RateLimited, ServerError, SourceError
from webcare.fakes.graph_api import FakeGraph, GraphApi, parse_graph_time, sample_data
from webcare.sources import InvalidRecord
from webcare.sources.facebook import (GraphClient, PermissionDenied, comment_key, fetch_page_comments,
                                      fetch_page_ratings, make_session, rating_key)
from webcare.sources.instagram import fetch_instagram_comments, ig_comment_key

OFFICIAL_KEYS = {
    "id", "created_time", "from", "name", "message", "parent", "recommendation_type", "review_text", "reviewer",
    "text", "timestamp", "username", "parent_id", "hidden", "media_type", "caption", "permalink",
    "updated_time", "comments_count", "replies",
    "paging", "cursors", "before", "after", "next", "data", "error", "type", "code", "error_subcode", "fbtrace_id"}
GRAPH_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$")
DATA = sample_data(seed=7, pages=2, days=5)
PAGE_ID, OTHER_PAGE_ID = list(DATA["pages"])
IG_USER_ID = next(iter(DATA["ig_users"]))
LATE = datetime(2030, 1, 1, tzinfo=timezone.utc)


@pytest.fixture
def graph():
    with FakeGraph(DATA, clock=LATE) as fake:
        yield fake


def client(fake: FakeGraph, token: str = "page-token", limit: int = 2, backoff: float = 0.0) -> GraphClient:
    return GraphClient(fake.base_url, token, make_session(retries=3, backoff=backoff), limit=limit)


def recording(fake: FakeGraph, bodies: list) -> GraphClient:
    graph_client = client(fake)
    graph_client.session.hooks["response"].append(lambda response, *a, **k: bodies.append(response.json()))
    return graph_client


def page_comment_ids(page_id: str, until: datetime = LATE, after: datetime | None = None) -> set[str]:
    return {c["id"] for cs in DATA["pages"][page_id]["comments"].values() for c in cs
            if parse_graph_time(c["created_time"]) <= until and (after is None or parse_graph_time(c["created_time"]) > after)}


def ig_comments(user_id: str) -> list[dict]:
    user = DATA["ig_users"][user_id]
    return [c for cs in [*user["comments"].values(), *user["replies"].values()] for c in cs]


def keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in keys(v)}
    return set()


def test_sample_data_is_realistic():
    page = DATA["pages"][PAGE_ID]
    comments = [c for cs in page["comments"].values() for c in cs]
    replies = [c for c in comments if c["from"]["id"] == PAGE_ID]
    assert replies and all("parent" in c for c in replies)
    assert {r["recommendation_type"] for p in DATA["pages"].values() for r in p["ratings"]} == {"positive", "negative"}
    assert any(c["hidden"] for u in DATA["ig_users"] for c in ig_comments(u))
    assert any("¿" in c["message"] or "ñ" in c["message"] for c in comments)
    assert sample_data(seed=7) == DATA and sample_data(seed=8) != DATA


def test_every_response_uses_official_field_names_and_times(graph):
    bodies: list = []
    graph_client = recording(graph, bodies)
    for page_id in DATA["pages"]:
        fetch_page_comments(graph_client, page_id, None)
        fetch_page_ratings(graph_client, page_id)
    fetch_instagram_comments(graph_client, IG_USER_ID, None)
    media_id = DATA["ig_users"][IG_USER_ID]["media"][0]["id"]
    list(graph_client.paged(f"{IG_USER_ID}/media", {"fields": "id,caption,media_type,permalink,timestamp,username"}))
    list(graph_client.paged(f"{PAGE_ID}/posts", {}))
    graph.add_fault({"match": "/ratings", "restricted": True, "error_subcode": 2069030})
    graph.add_fault({"match": "/media", "code": 613})
    graph.add_fault({"match": f"{media_id}/comments", "status": 503, "times": 9})
    fetch_page_ratings(graph_client, PAGE_ID)
    for path, params in ((f"{IG_USER_ID}/media", None), (f"{media_id}/comments", None), ("123/unknown", None),
                         (f"{PAGE_ID}/posts", {"fields": "bogus"})):
        with pytest.raises(SourceError):
            graph_client.get(path, params)
    assert len(bodies) > 40 and keys(bodies) <= OFFICIAL_KEYS
    errors = [b["error"] for b in bodies if "error" in b]
    assert {e["code"] for e in errors} == {10, 613, 2, 100, 2500}
    assert all(set(e) >= {"message", "type", "code", "fbtrace_id"} for e in errors)
    items = [item for b in bodies for item in b.get("data", [])]
    times = [i.get("created_time") or i.get("timestamp") for i in items if "created_time" in i or "timestamp" in i]
    assert len(times) > 100 and all(GRAPH_TIME.match(t) for t in times)
    assert {i["media_type"] for i in items if "media_type" in i} <= {"IMAGE", "VIDEO", "CAROUSEL_ALBUM"}


def test_paging_gives_exactly_the_expected_ids_across_pages(graph):
    bodies: list = []
    posts = list(client(graph, limit=2).paged(f"{PAGE_ID}/posts", {"fields": "id,created_time"}))
    assert len(posts) == -(-len(DATA["pages"][PAGE_ID]["posts"]) // 2) > 2
    assert all("next" in p["paging"] for p in posts[:-1]) and "next" not in posts[-1]["paging"]
    assert [p["id"] for page in posts for p in page["data"]] == [
        p["id"] for p in sorted(DATA["pages"][PAGE_ID]["posts"], key=lambda p: p["created_time"], reverse=True)]
    extracted = fetch_page_comments(recording(graph, bodies), PAGE_ID, None)
    ids = [r["id"] for r in extracted.records]
    assert len(ids) == len(set(ids)) and set(ids) == page_comment_ids(PAGE_ID)
    assert max(len(b["data"]) for b in bodies) == 2 and extracted.pages == len(bodies) > len(DATA["pages"][PAGE_ID]["posts"])
    owner = {c["id"]: post_id for post_id, cs in DATA["pages"][PAGE_ID]["comments"].items() for c in cs}
    assert all(r["post_id"] == owner[r["id"]] for r in extracted.records)
    page_replies = [r for r in extracted.records if r["from"]["id"] == PAGE_ID]
    assert page_replies and all(r["parent"]["id"] in owner for r in page_replies)
    assert extracted.cursor_after == max(r["created_time"] for r in extracted.records).replace("+0000", "Z")
    assert [comment_key(r) for r in extracted.records] == ids


def test_limit_defaults_to_25_and_is_capped_at_100():
    data = sample_data(seed=3, pages=1, days=30)
    api = GraphApi(data, clock=LATE)
    page_id = next(iter(data["pages"]))
    assert len(data["pages"][page_id]["posts"]) > 25
    assert len(api.handle("GET", f"/v21.0/{page_id}/posts", {"access_token": "t"}, {})[2]["data"]) == 25
    status, _, body = api.handle("GET", f"/v21.0/{page_id}/posts", {"access_token": "t", "limit": "500"}, {})
    assert status == 200 and len(body["data"]) == len(data["pages"][page_id]["posts"]) and "next" not in body["paging"]


def test_a_server_error_in_the_middle_of_paging_is_retried_without_duplicates_or_gaps(graph):
    graph.add_fault({"match": "/comments", "status": 500, "after_pages": 3})
    extracted = fetch_page_comments(client(graph), PAGE_ID, None)
    ids = [r["id"] for r in extracted.records]
    assert len(ids) == len(set(ids)) and set(ids) == page_comment_ids(PAGE_ID)
    failed = [n for n, entry in enumerate(graph.requests_log) if entry[3] == 500]
    assert len(failed) == 1
    assert graph.requests_log[failed[0] + 1][1:3] == graph.requests_log[failed[0]][1:3]
    assert graph.requests_log[failed[0] + 1][3] == 200


def test_a_server_error_that_persists_raises_server_error(graph):
    graph.add_fault({"match": "/posts", "status": 502, "times": 10})
    with pytest.raises(ServerError, match="HTTP 502"):
        fetch_page_comments(client(graph), PAGE_ID, None)
    assert [entry[3] for entry in graph.requests_log] == [502] * 4  # the first try and three retries


@pytest.mark.parametrize("code, header", [(4, "x-app-usage"), (17, "x-app-usage"),
                                          (32, "x-business-use-case-usage"), (613, "x-business-use-case-usage")])
def test_rate_limits_raise_rate_limited(graph, code, header):
    graph.add_fault({"match": "/comments", "code": code, "after_pages": 2, "regain_minutes": 7})
    responses = []
    graph_client = client(graph)
    graph_client.session.hooks["response"].append(lambda response, *a, **k: responses.append(response))
    with pytest.raises(RateLimited, match=f"code {code} ") as raised:
        fetch_page_comments(graph_client, PAGE_ID, None)
    assert responses[-1].status_code == 400 and header in responses[-1].headers
    assert responses[-1].json()["error"]["type"] == "OAuthException"
    assert len(graph.requests_log) == len(responses)  # not retried
    if header == "x-business-use-case-usage":
        usage = json.loads(responses[-1].headers[header])
        assert usage[PAGE_ID][0]["type"] == "pages" and usage[PAGE_ID][0]["estimated_time_to_regain_access"] == 7
        assert raised.value.reset_at == pytest.approx(time.time() + 420, abs=5)
    else:
        assert raised.value.reset_at is None


def test_restricted_ratings_warn_and_give_nothing(graph, caplog):
    ok = fetch_page_ratings(client(graph), PAGE_ID)
    expected = DATA["pages"][PAGE_ID]["ratings"]
    assert sorted(r["reviewer"]["id"] for r in ok.records) == sorted(r["reviewer"]["id"] for r in expected)
    assert {rating_key(r) for r in ok.records} == {f"{PAGE_ID}_{r['reviewer']['id']}" for r in expected}
    assert ok.cursor_after == max(r["created_time"] for r in expected).replace("+0000", "Z")
    graph.add_fault({"match": "/ratings", "restricted": True})
    with caplog.at_level(logging.WARNING, logger="webcare.sources.facebook"):
        denied = fetch_page_ratings(client(graph), PAGE_ID)
    assert (denied.records, denied.cursor_after, denied.pages) == ([], None, 0)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and PAGE_ID in warnings[0].getMessage()
    assert "pages_read_user_content" in warnings[0].getMessage() and "code 10" in warnings[0].getMessage()
    assert "page-token" not in caplog.text


def test_permission_errors_elsewhere_are_not_swallowed(graph):
    graph.add_fault({"match": "/posts", "restricted": True, "code": 200, "error_subcode": 2069030})
    with pytest.raises(PermissionDenied, match="code 200/2069030"):
        fetch_page_comments(client(graph), PAGE_ID, None)


def test_missing_or_bad_access_token_raises_auth_error(graph):
    with pytest.raises(AuthError, match="code 104"):
        fetch_page_comments(client(graph, token=""), PAGE_ID, None)
    graph.add_fault({"match": "/media", "code": 190})
    with pytest.raises(AuthError, match="code 190/463"):
        fetch_instagram_comments(client(graph), IG_USER_ID, None)
    with FakeGraph(DATA, access_token="the-right-one", clock=LATE) as strict:
        with pytest.raises(AuthError, match="code 190"):
            fetch_page_ratings(client(strict, token="a-wrong-one"), PAGE_ID)
        assert len(fetch_page_ratings(client(strict, token="the-right-one"), PAGE_ID).records) > 0
    assert all(entry[2]["access_token"] == "***" for entry in graph.requests_log if "access_token" in entry[2])


def test_instagram_comments_keep_hidden_ones_and_replies(graph):
    extracted = fetch_instagram_comments(client(graph), IG_USER_ID, None)
    expected = {c["id"]: c for c in ig_comments(IG_USER_ID)}
    assert sorted(r["id"] for r in extracted.records) == sorted(expected)
    hidden = {r["id"] for r in extracted.records if r["hidden"] is True}
    assert hidden and hidden == {i for i, c in expected.items() if c["hidden"]}
    replies = [r for r in extracted.records if "parent_id" in r]
    assert replies and all(r["from"]["id"] == IG_USER_ID and r["parent_id"] in expected for r in replies)
    media_of = {c["id"]: m for m, cs in DATA["ig_users"][IG_USER_ID]["comments"].items() for c in cs}
    assert all(r["media_id"] == media_of[r["id"]] for r in extracted.records if "parent_id" not in r)
    assert all(r["media_id"] == media_of[r["parent_id"]] for r in replies)
    assert [ig_comment_key(r) for r in extracted.records] == [r["id"] for r in extracted.records]


def test_runs_read_consecutive_windows_without_gaps_or_overlaps(graph):
    """The pipeline's windows: [cursor, cutoff); the cursor becomes the cutoff, so a comment written at
    the cutoff's very second belongs to the next run, and each comment is read by exactly one run."""
    times = sorted(parse_graph_time(c["created_time"]) for cs in DATA["pages"][PAGE_ID]["comments"].values() for c in cs)
    middle = times[len(times) // 2]  # a comment is written exactly at the first cutoff
    graph.set_clock(LATE)
    first = fetch_page_comments(client(graph), PAGE_ID, None, until=middle)
    assert {r["id"] for r in first.records} == page_comment_ids(PAGE_ID, until=middle - timedelta(seconds=1))
    assert first.cursor_after == middle.strftime("%Y-%m-%dT%H:%M:%SZ")
    second = fetch_page_comments(client(graph), PAGE_ID, first.cursor_after, until=LATE)
    assert {r["id"] for r in second.records} == page_comment_ids(PAGE_ID, after=middle - timedelta(seconds=1))
    assert second.records and not {r["id"] for r in first.records} & {r["id"] for r in second.records}
    third = fetch_page_comments(client(graph), PAGE_ID, second.cursor_after, until=LATE)
    assert third.records == []

    ig_times = sorted(parse_graph_time(c["timestamp"]) for c in ig_comments(IG_USER_ID))
    ig_middle = ig_times[len(ig_times) // 2]
    ig_first = fetch_instagram_comments(client(graph), IG_USER_ID, None, until=ig_middle)
    ig_second = fetch_instagram_comments(client(graph), IG_USER_ID, ig_first.cursor_after, until=LATE)
    assert {r["id"] for r in ig_second.records} == {c["id"] for c in ig_comments(IG_USER_ID)
                                                     if parse_graph_time(c["timestamp"]) >= ig_middle}
    assert len(ig_first.records) + len(ig_second.records) == len(ig_comments(IG_USER_ID))


def test_objects_after_the_clock_are_invisible():
    api = GraphApi(DATA, clock=datetime(2000, 1, 1, tzinfo=timezone.utc))
    for path in (f"{PAGE_ID}/posts", f"{PAGE_ID}/ratings", f"{IG_USER_ID}/media"):
        assert api.handle("GET", f"/v21.0/{path}", {"access_token": "t"}, {})[2] == {"data": []}
    post = DATA["pages"][PAGE_ID]["posts"][0]
    api.set_clock(parse_graph_time(post["created_time"]))
    status, _, body = api.handle("GET", f"/v21.0/{PAGE_ID}/posts", {"access_token": "t"}, {})
    assert status == 200 and [p["id"] for p in body["data"]] == [post["id"]]


def test_next_links_must_stay_on_the_graph_host():
    graph_client = GraphClient("https://graph.facebook.com", "t")
    assert graph_client.follow("https://graph.facebook.com/v21.0/1_2/comments?access_token=x&after=abc&limit=2") == (
        "1_2/comments", {"after": "abc", "limit": "2"})
    with pytest.raises(BadPayload):
        graph_client.follow("https://evil.example/v21.0/1_2/comments?after=abc")


@pytest.mark.parametrize("validator, record, reason", [
    (comment_key, {"created_time": "2025-03-30T09:15:00+0000", "message": "hola", "post_id": "1_2"}, "invalid id"),
    (comment_key, {"id": "2_3", "created_time": "ayer", "message": "hola", "post_id": "1_2"}, "created_time"),
    (comment_key, {"id": "2_3", "created_time": "2025-03-30T09:15:00+0000", "post_id": "1_2"}, "missing message"),
    (comment_key, {"id": "2_3", "created_time": "2025-03-30T09:15:00+0000", "message": "", "post_id": "1_2",
                   "parent": "2_1"}, "invalid parent"),
    (rating_key, {"page_id": "1", "created_time": "2025-03-30T09:15:00+0000", "recommendation_type": "positive"},
     "reviewer"),
    (rating_key, {"page_id": "1", "reviewer": {"id": "5"}, "created_time": "2025-03-30T09:15:00+0000",
                  "recommendation_type": "5 stars"}, "recommendation_type"),
    (ig_comment_key, {"id": "17", "media_id": "18", "timestamp": "2025-03-30", "text": "x"}, "timestamp"),
    (ig_comment_key, {"id": "17", "media_id": "18", "timestamp": "2025-03-30T09:15:00+0000", "text": "x",
                      "hidden": "false"}, "hidden"),
    (ig_comment_key, ["17"], "not a JSON object"),
])
def test_validators_reject_bad_records(validator, record, reason):
    with pytest.raises(InvalidRecord, match=reason):
        validator(record)


def test_validators_accept_good_records():
    assert comment_key({"id": "2_3", "created_time": "2025-03-30T09:15:00+0000", "message": "", "post_id": "1_2",
                        "from": {"id": "9", "name": "Ana"}, "parent": {"id": "2_1"}}) == "2_3"
    assert rating_key({"page_id": "1", "reviewer": {"id": "5", "name": "Ana"}, "recommendation_type": "negative",
                       "created_time": "2025-03-30T09:15:00+0000"}) == "1_5"
    assert ig_comment_key({"id": "17", "media_id": "18", "timestamp": "2025-03-30T09:15:00+0000", "text": "x",
                           "hidden": True, "parent_id": "16"}) == "17"


def test_the_pipelines_client_waits_out_a_rate_limit_and_resumes_without_gaps(graph, monkeypatch):
    """What the DAG's hooks use: wait as Graph says (or a backoff when it does not), then go on."""
    monkeypatch.setenv("WEBCARE_GRAPH_RATE_LIMIT_BACKOFF", "0.05")
    expected = fetch_page_comments(client(graph), PAGE_ID, None)
    graph.add_fault({"match": "/comments", "code": 4, "after_pages": 2, "times": 2})  # x-app-usage: no regain time
    waiting = client(graph)
    waiting.wait_on_rate_limit = True
    resumed = fetch_page_comments(waiting, PAGE_ID, None)
    assert [r["id"] for r in resumed.records] == [r["id"] for r in expected.records]
    assert [status for *_, status in graph.requests_log].count(400) == 2


def test_a_rate_limit_longer_than_the_client_will_wait_is_raised_for_the_task_retries(graph):
    graph.add_fault({"match": "/comments", "code": 613, "regain_minutes": 30})
    waiting = client(graph)
    waiting.wait_on_rate_limit, waiting.max_rate_limit_wait = True, 600
    with pytest.raises(RateLimited) as raised:
        fetch_page_comments(waiting, PAGE_ID, None)
    assert raised.value.reset_at == pytest.approx(time.time() + 1800, abs=5)


def test_an_incremental_run_reads_one_comment_page_per_post(graph):
    """Newest first: paging a post's comments stops at the first page reaching back before the cursor."""
    times = sorted(parse_graph_time(c["created_time"]) for cs in DATA["pages"][PAGE_ID]["comments"].values() for c in cs)
    cursor = times[-1] - timedelta(seconds=1)  # only the newest comment is new
    full = fetch_page_comments(client(graph), PAGE_ID, None, until=LATE)
    incremental = fetch_page_comments(client(graph), PAGE_ID, cursor.strftime("%Y-%m-%dT%H:%M:%SZ"), until=LATE)
    posts = len(DATA["pages"][PAGE_ID]["posts"])
    post_pages = -(-posts // 2)  # the client's limit is 2
    assert [r["created_time"] for r in incremental.records] == [max(r["created_time"] for r in full.records)]
    assert incremental.pages <= post_pages + posts < full.pages


# -- reading what changed: the comments horizon, Graph's change signals, the slow re-read ----------------------------
# A month of the generator's Graph traffic (two institutions), read day by day as the pipeline does:
# each run's window is [previous cutoff - lookback, cutoff), the fake's clock a few minutes past the cutoff.
HISTORY_END = datetime(2026, 4, 9, tzinfo=timezone.utc)
HISTORY_DAYS = 30
HORIZON, PERIOD = timedelta(days=3), 7  # the documented defaults


def month_of_traffic() -> dict:
    from webcare.generator.graph_traffic import graph_traffic
    from webcare.generator.institutions import load_institutions

    return graph_traffic(42, load_institutions(2), (HISTORY_END - timedelta(days=HISTORY_DAYS), HISTORY_END))


def visible(item: dict, field: str, clock: datetime) -> bool:
    return parse_graph_time(item.get("visible_from") or item[field]) <= clock


def rereads_on(object_id: str, day) -> bool:
    """The documented rotation: an older post or medium is re-read when crc32(id) mod 7 = the day's ordinal mod 7."""
    import zlib

    return zlib.crc32(object_id.encode()) % PERIOD == day.toordinal() % PERIOD


def run_window(cutoff: datetime) -> tuple[datetime, datetime]:
    from webcare.sources.facebook import LOOKBACK

    return cutoff - timedelta(days=1) - LOOKBACK, cutoff


def comment_paths(fake: FakeGraph, since: int) -> list[str]:
    return [path for _, path, _, _ in fake.requests_log[since:] if path.endswith("/comments")]


def loaded_counts(records: list[dict]) -> dict[str, int]:
    """What the warehouse counts per medium: the distinct comments and replies loaded."""
    ids: dict[str, set] = {}
    for record in records:
        ids.setdefault(record["media_id"], set()).add(record["id"])
    return {media_id: len(found) for media_id, found in ids.items()}


def expected_posts(page: dict, since: datetime, cutoff: datetime, clock: datetime) -> set[str]:
    """The posts an incremental run reads, from the documented rule: created within the horizon before
    the window, or commented at or after ``since`` (Graph's updated_time), or on their re-read day."""
    chosen = set()
    for post in page["posts"]:
        created = parse_graph_time(post["created_time"])
        if created > clock:
            continue
        last_comment = max([created] + [parse_graph_time(c["created_time"]) for c in page["comments"][post["id"]]
                                        if visible(c, "created_time", clock)])
        if created >= since - HORIZON or last_comment >= since or rereads_on(post["id"], (cutoff - timedelta(seconds=1)).date()):
            chosen.add(post["id"])
    return chosen


def test_an_incremental_day_reads_only_the_posts_the_rule_names_and_every_new_comment():
    """At a month of history: the posts list, then one newest-first page for each post the documented rule names
    (no other post's comments), and exactly the comments of the window; Instagram the same by comments_count."""
    data = month_of_traffic()
    cutoff = HISTORY_END
    since, _ = run_window(cutoff)
    with FakeGraph(data, clock=cutoff + timedelta(minutes=5)) as fake:
        graph_client = client(fake, limit=100)
        for page_id, page in data["pages"].items():
            full = fetch_page_comments(graph_client, page_id, None, until=cutoff)
            before = len(fake.requests_log)
            incremental = fetch_page_comments(graph_client, page_id, since, until=cutoff)
            wanted = expected_posts(page, since, cutoff, fake.api.clock)
            assert sorted(comment_paths(fake, before)) == sorted(f"/v21.0/{post_id}/comments" for post_id in wanted)
            assert incremental.pages == len(fake.requests_log) - before == 1 + len(wanted)
            assert incremental.pages <= 0.55 * full.pages and len(page["posts"]) > 20
            new = {c["id"] for cs in page["comments"].values() for c in cs
                   if since <= parse_graph_time(c["created_time"]) < cutoff}
            day = (cutoff - timedelta(seconds=1)).date()
            reread = {c["id"] for post_id, cs in page["comments"].items() for c in cs
                      if rereads_on(post_id, day) and parse_graph_time(c["created_time"]) < cutoff}  # kept whole
            older_posts = {post["id"] for post in page["posts"] if parse_graph_time(post["created_time"]) < since - HORIZON}
            assert new and reread - new and {r["id"] for r in incremental.records} == new | reread
            assert any(r["post_id"] in older_posts for r in incremental.records)  # comments on old posts came too

        for user_id, user in data["ig_users"].items():
            day_before = fetch_instagram_comments(graph_client, user_id, None, until=cutoff - timedelta(days=1))
            full = fetch_instagram_comments(graph_client, user_id, None, until=cutoff)
            before = len(fake.requests_log)
            incremental = fetch_instagram_comments(graph_client, user_id, since, until=cutoff,
                                                   loaded=loaded_counts(day_before.records))
            every = ig_every(user)
            seen = loaded_counts(day_before.records)
            wanted = {m["id"] for m in user["media"]
                      if parse_graph_time(m["timestamp"]) >= since - HORIZON
                      or sum(1 for c in every if c["media_id"] == m["id"] and visible(c, "timestamp", fake.api.clock))
                      != seen.get(m["id"], 0)
                      or rereads_on(m["id"], (cutoff - timedelta(seconds=1)).date())}
            assert sorted(comment_paths(fake, before)) == sorted(f"/v21.0/{media_id}/comments" for media_id in wanted)
            assert len(wanted) < len(user["media"]) / 2 and incremental.pages < 0.5 * full.pages
            new = {c["id"] for c in every if since <= parse_graph_time(c["timestamp"]) < cutoff}
            reread = {c["id"] for c in every if rereads_on(c["media_id"], (cutoff - timedelta(seconds=1)).date())
                      and parse_graph_time(c["timestamp"]) < cutoff}
            assert new and {r["id"] for r in incremental.records} == new | reread


def ig_every(user: dict) -> list[dict]:
    """Every comment and reply of an account, with the medium it is on."""
    media_of = {c["id"]: media_id for media_id, cs in user["comments"].items() for c in cs}
    return [{**c, "media_id": media_id} for media_id, cs in user["comments"].items() for c in cs] + [
        {**r, "media_id": media_of[parent]} for parent, rs in user["replies"].items() for r in rs]


def old_post_not_reread_for(page: dict, days: list, cutoff: datetime) -> dict:
    """A post older than the horizon whose slow re-read day is none of ``days[:-1]`` but is ``days[-1]``."""
    for post in page["posts"]:
        if parse_graph_time(post["created_time"]) < cutoff - timedelta(days=10) and \
                [rereads_on(post["id"], day) for day in days] == [False] * (len(days) - 1) + [True]:
            return post
    raise AssertionError("no post with that rotation in the generated month")


def test_a_new_comment_on_a_recent_or_an_old_post_is_read_the_next_day():
    """A patient's comment on yesterday's post (within the horizon) and one on a post a month old (Graph's
    updated_time moves) are both in the next day's run; no run before the comment has it."""
    data = month_of_traffic()
    page_id, page = next(iter(data["pages"].items()))
    cutoff = HISTORY_END + timedelta(days=1)
    since, _ = run_window(cutoff)
    day = (cutoff - timedelta(seconds=1)).date()
    recent = max(page["posts"], key=lambda p: p["created_time"])
    old = next(p for p in page["posts"] if parse_graph_time(p["created_time"]) < cutoff - timedelta(days=20)
               and not rereads_on(p["id"], day))
    template = next(c for cs in page["comments"].values() for c in cs if "parent" not in c and "from" in c)
    added = []
    for post, hours in ((recent, 3), (old, 9)):
        comment = {**template, "id": f"{post['id'].split('_')[1]}_99000000000000{hours:02d}",
                   "created_time": graph_time_of(cutoff - timedelta(hours=hours))}
        page["comments"][post["id"]].append(comment)
        added.append(comment["id"])
    with FakeGraph(data, clock=cutoff + timedelta(minutes=5)) as fake:
        graph_client = client(fake, limit=100)
        earlier = fetch_page_comments(graph_client, page_id, *run_window(cutoff - timedelta(days=1)))
        assert not set(added) & {r["id"] for r in earlier.records}
        before = len(fake.requests_log)
        next_day = fetch_page_comments(graph_client, page_id, since, until=cutoff)
        assert set(added) <= {r["id"] for r in next_day.records}
        assert {f"/v21.0/{recent['id']}/comments", f"/v21.0/{old['id']}/comments"} <= set(comment_paths(fake, before))


def graph_time_of(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S+0000")


def test_a_comment_graph_does_not_signal_arrives_on_the_posts_slow_reread_day_and_not_before():
    """A comment held for moderation and approved two days after it was written: its created_time is before every
    later window and the post's updated_time does not move past it. Daily runs do not read it until the post's
    re-read day (once a week by id), which keeps everything before the cutoff: it arrives then, and only then."""
    data = month_of_traffic()
    page_id, page = next(iter(data["pages"].items()))
    user_id, user = next(iter(data["ig_users"].items()))
    first_cutoff = HISTORY_END + timedelta(days=1)
    cutoffs = [first_cutoff + timedelta(days=n) for n in range(PERIOD)]
    days = [(c - timedelta(seconds=1)).date() for c in cutoffs]
    written, approved = first_cutoff - timedelta(days=2), first_cutoff - timedelta(hours=2)
    # how many runs pass before the chosen post's re-read day: the longest wait the rotation allows but one
    post = old_post_not_reread_for(page, days[:5], first_cutoff)
    template = next(c for cs in page["comments"].values() for c in cs if "parent" not in c and "from" in c)
    late = {**template, "id": f"{post['id'].split('_')[1]}_9900000000000077", "created_time": graph_time_of(written),
            "visible_from": graph_time_of(approved)}
    page["comments"][post["id"]].append(late)
    medium = next(m for m in user["media"] if parse_graph_time(m["timestamp"]) < first_cutoff - timedelta(days=10)
                  and [rereads_on(m["id"], d) for d in days[:3]] == [False, False, True])
    commented = next(c for c in user["comments"][medium["id"]] if not c["hidden"])
    late_reply = {**commented, "id": "17999999999999977", "timestamp": graph_time_of(written),
                  "visible_from": graph_time_of(approved), "parent_id": commented["id"], "from": {
                      "id": user_id, "username": user["username"]}, "username": user["username"]}
    user["replies"].setdefault(commented["id"], []).append(late_reply)

    with FakeGraph(data, clock=first_cutoff - timedelta(days=1)) as fake:
        graph_client = client(fake, limit=100)
        fake.set_clock(first_cutoff - timedelta(days=1) + timedelta(minutes=5))
        history = fetch_instagram_comments(graph_client, user_id, None, until=first_cutoff - timedelta(days=1)).records
        fb_seen, ig_seen = [], []
        for cutoff in cutoffs:
            fake.set_clock(cutoff + timedelta(minutes=5))
            since, _ = run_window(cutoff)
            fb_seen.append(late["id"] in {r["id"] for r in fetch_page_comments(graph_client, page_id, since, cutoff).records})
            ig_run = fetch_instagram_comments(graph_client, user_id, since, cutoff, loaded=loaded_counts(history))
            history += ig_run.records
            ig_seen.append(late_reply["id"] in {r["id"] for r in ig_run.records})
    assert fb_seen[:5] == [False, False, False, False, True]  # read on the post's re-read day, not before
    assert ig_seen[:3] == [False, False, True]
    assert sum(fb_seen) == 1 and sum(ig_seen) == 1  # and once: later windows do not reach back to it


def test_instagram_replies_come_expanded_inside_the_comments_and_only_long_threads_page_on():
    """Field expansion (``replies.limit(n){...}``): one request per page of comments brings their replies;
    ``/{comment-id}/replies`` is asked only for the replies after a comment's first n, by the nested ``next``."""
    import copy

    data = copy.deepcopy(DATA)
    user = data["ig_users"][IG_USER_ID]
    media_id, comments = next((m, cs) for m, cs in user["comments"].items() if cs)
    thread = comments[0]
    base = parse_graph_time(thread["timestamp"])
    user["replies"][thread["id"]] = [
        {"id": f"1799{n:013d}", "text": f"Respuesta {n}", "timestamp": (base + timedelta(minutes=n + 1)).strftime(
            "%Y-%m-%dT%H:%M:%S+0000"), "username": user["username"], "from": {"id": IG_USER_ID, "username": user["username"]},
         "parent_id": thread["id"], "hidden": False} for n in range(5)]
    with FakeGraph(data, clock=LATE) as fake:
        extracted = fetch_instagram_comments(client(fake, limit=2), IG_USER_ID, None)
        log = [entry for entry in fake.requests_log if entry[3] == 200]
    every = [c for cs in [*user["comments"].values(), *user["replies"].values()] for c in cs]
    assert sorted(r["id"] for r in extracted.records) == sorted(c["id"] for c in every)
    assert not any("replies" in r for r in extracted.records)          # the nested page is not part of a comment
    threads = [path for _, path, _, _ in log if path.endswith("/replies")]
    # the five-reply thread: 2 expanded, then 2 and 1 on /replies; every other comment has at most 2 replies
    assert threads == [f"/v21.0/{thread['id']}/replies"] * 2, threads
    assert all(len(rs) <= 2 for c, rs in user["replies"].items() if c != thread["id"])
    comment_pages = [path for _, path, _, _ in log if path.endswith("/comments")]
    assert extracted.pages == len([p for _, p, _, _ in log if p.endswith("/media")]) + len(comment_pages) + 2


def test_a_daily_run_lists_only_the_posts_and_media_of_the_reread_max_age(monkeypatch):
    """Posts (media) created more than WEBCARE_REREAD_MAX_AGE_DAYS before the window are neither
    listed nor read by a daily run, whatever Graph signals: the listing, newest first, stops at the
    first page reaching back before that; the comments read are the documented rule's among the
    younger ones. A full read (``reread_all``: no ``since``) lists and reads every one."""
    monkeypatch.setenv("WEBCARE_REREAD_MAX_AGE_DAYS", "20")
    data = month_of_traffic()
    cutoff = HISTORY_END
    since, _ = run_window(cutoff)
    oldest = since - timedelta(days=20)
    with FakeGraph(data, clock=cutoff + timedelta(minutes=5)) as fake:
        graph_client = client(fake, limit=2)
        for page_id, page in data["pages"].items():
            young = {p["id"] for p in page["posts"] if parse_graph_time(p["created_time"]) >= oldest}
            assert 3 < len(young) < len(page["posts"]) - 3
            before = len(fake.requests_log)
            incremental = fetch_page_comments(graph_client, page_id, since, until=cutoff)
            listings = [q for _, path, q, _ in fake.requests_log[before:] if path.endswith("/posts")]
            assert len(listings) == len(young) // 2 + 1  # the page reaching back before the bound is the last
            wanted = expected_posts(page, since, cutoff, fake.api.clock) & young
            assert wanted and set(comment_paths(fake, before)) == {f"/v21.0/{post_id}/comments" for post_id in wanted}
            assert {r["post_id"] for r in incremental.records} <= young
            whole = fetch_page_comments(graph_client, page_id, None, until=cutoff)
            assert {r["post_id"] for r in whole.records} - young  # comments on the older posts: read whole
        for user_id, user in data["ig_users"].items():
            young = {m["id"] for m in user["media"] if parse_graph_time(m["timestamp"]) >= oldest}
            assert young and len(young) < len(user["media"])
            before = len(fake.requests_log)
            incremental = fetch_instagram_comments(graph_client, user_id, since, until=cutoff, loaded={})
            read = {path.split("/")[2] for path in comment_paths(fake, before)}
            assert read and read <= young  # every listed medium differs from an empty count: only the young are read
            assert {r["media_id"] for r in incremental.records} <= young


def test_an_instagram_expansion_that_cannot_be_read_falls_back_to_the_replies_edge():
    """When a comment's expanded ``replies`` is not a page (a proxy or a Graph change strips it to
    something else), its replies are read from ``/{comment-id}/replies`` instead: none is lost."""
    import json as json_module

    with FakeGraph(DATA, clock=LATE) as fake:
        expected = fetch_instagram_comments(client(fake, limit=2), IG_USER_ID, None)
        graph_client = client(fake, limit=2)
        spoiled: list[str] = []

        def spoil(response, *args, **kwargs):  # the HTTP answer as received, its expansions made unreadable
            if response.url.split("?")[0].endswith("/comments"):
                body = json_module.loads(response.content)
                for comment in body.get("data", []):
                    if "replies" in comment:
                        comment["replies"] = "unavailable"
                        spoiled.append(comment["id"])
                response._content = json_module.dumps(body).encode()
            return response

        graph_client.session.hooks["response"].append(spoil)
        before = len(fake.requests_log)
        extracted = fetch_instagram_comments(graph_client, IG_USER_ID, None)
        asked = {path.split("/")[2] for _, path, _, _ in fake.requests_log[before:] if path.endswith("/replies")}
    assert spoiled and asked == set(spoiled)
    assert sorted(r["id"] for r in extracted.records) == sorted(r["id"] for r in expected.records)


def test_a_daily_run_reads_the_ratings_of_the_reread_max_age_and_reread_all_every_one(monkeypatch):
    """Ratings come newest first: a run with ``since`` keeps those created in the last
    WEBCARE_REREAD_MAX_AGE_DAYS before it and stops at the first page reaching back further."""
    monkeypatch.setenv("WEBCARE_REREAD_MAX_AGE_DAYS", "10")
    data = month_of_traffic()
    since, cutoff = run_window(HISTORY_END)
    with FakeGraph(data, clock=cutoff + timedelta(minutes=5)) as fake:
        for page_id, page in data["pages"].items():
            whole = fetch_page_ratings(client(fake, limit=2), page_id, until=cutoff)
            daily = fetch_page_ratings(client(fake, limit=2), page_id, until=cutoff, since=since)
            expected = {r["reviewer"]["id"] for r in page["ratings"]
                        if since - timedelta(days=10) <= parse_graph_time(r["created_time"]) < cutoff}
            assert {r["reviewer"]["id"] for r in daily.records} == expected
            assert len(whole.records) == len(page["ratings"]) > len(daily.records) and daily.pages < whole.pages
