import json
import re
import time
from datetime import timedelta
from pathlib import Path

import jsonschema
import pytest
import requests
import tweepy
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from webcare.errors import RateLimited
from webcare.fakes import graph_api
from webcare.fakes.server import FakeApis
from webcare.generator import generate
from webcare.generator.institutions import load_institutions
from webcare.generator.times import parse_time
from webcare.sources.facebook import GraphClient, fetch_page_comments, make_session
from webcare.sources.instagram import fetch_instagram_comments

REFERENCE = Path(__file__).resolve().parent / "reference"  # official descriptions, source and date in its README
X_URI, GOOGLE_URI = "urn:x-api-v2-openapi", "urn:google-business-profile-v4"
AUTH = {"Authorization": "Bearer test-token"}
ALL_TWEET_FIELDS = "author_id,conversation_id,created_at,edit_history_tweet_ids,entities,in_reply_to_user_id,lang,referenced_tweets"
X_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
GOOGLE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")


@pytest.fixture(scope="module")
def registry() -> Registry:
    x_document = json.loads((REFERENCE / "x-api-v2-openapi.json").read_text(encoding="utf-8"))
    google_schemas = yaml.safe_load((REFERENCE / "google-business-profile-v4-review-schemas.yaml").read_text(encoding="utf-8"))
    return Registry().with_resources([
        (X_URI, Resource(contents=x_document, specification=DRAFT4)),
        (GOOGLE_URI, Resource(contents={"components": {"schemas": google_schemas}}, specification=DRAFT4)),
    ])


def validate(registry: Registry, uri: str, schema_name: str, instance) -> None:
    schema = {"$ref": f"{uri}#/components/schemas/{schema_name}"}
    jsonschema.Draft4Validator(schema, registry=registry).validate(instance)


def unknown_keys(registry: Registry, uri: str, instance, schema: dict, path: str = "$") -> list[str]:
    """Keys of `instance` (recursively) that are not property names in the official schema."""
    resolver = registry.resolver(base_uri=uri)
    while "$ref" in schema:
        schema = resolver.lookup(schema["$ref"]).contents
    if isinstance(instance, list):
        return [k for i, item in enumerate(instance) for k in unknown_keys(registry, uri, item, schema.get("items", {}), f"{path}[{i}]")]
    if not isinstance(instance, dict):
        return []
    properties, parts = {}, [schema]
    while parts:
        part = parts.pop()
        while "$ref" in part:
            part = resolver.lookup(part["$ref"]).contents
        properties |= part.get("properties", {})
        parts += part.get("allOf", [])
    return [k for key, value in instance.items()
            for k in ([f"{path}.{key}"] if key not in properties else unknown_keys(registry, uri, value, properties[key], f"{path}.{key}"))]


def known_keys_only(registry: Registry, uri: str, schema_name: str, instance) -> list[str]:
    return unknown_keys(registry, uri, instance, {"$ref": f"#/components/schemas/{schema_name}"})


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    return generate(tmp_path_factory.mktemp("small"), institutions=2, days=5)


@pytest.fixture(scope="module")
def small_server(small):
    with FakeApis(small) as apis:
        yield apis


@pytest.fixture
def fake(small_server, small):
    yield small_server
    small_server.set_clock(parse_time(json.loads((small / "manifest.json").read_text())["window_end"]))
    small_server.clear_faults()


@pytest.fixture(scope="module")
def hospital():
    return load_institutions(1)[0]


def truth_ids(dataset: Path, institution_id: str, channel: str, clock) -> set[str]:
    with (dataset / "messages_truth.jsonl").open(encoding="utf-8") as lines:
        ids = {m["message_id"] for m in map(json.loads, lines)
               if (m["institution_id"], m["channel"]) == (institution_id, channel) and parse_time(m["created_at"]) <= clock
               and not (m.get("deleted_at") and parse_time(m["deleted_at"]) <= clock)}  # deleted: no longer served
    if channel == "x":  # X shows an edited post as its latest version (a new id; the message keeps the first)
        latest = {}
        with (dataset / "x_tweets.jsonl").open(encoding="utf-8") as lines:
            for tweet in (line["tweet"] for line in map(json.loads, lines)):
                first = tweet["edit_history_tweet_ids"][0]
                if parse_time(tweet["created_at"]) <= clock:
                    latest[first] = max(latest.get(first, tweet["id"]), tweet["id"], key=int)
        ids = {latest.get(i, i) for i in ids}
    return ids


def mentions_url(fake: FakeApis, user_id: str) -> str:
    return f"{fake.x_base_url}/2/users/{user_id}/mentions"


def reviews_url(fake: FakeApis, institution: dict) -> str:
    return f"{fake.google_base_url}/v4/accounts/{institution['google_account_id']}/locations/{institution['google_location_id']}/reviews"


def test_the_key_check_notices_invented_fields(registry):
    tweet = {"id": "1", "txt": "hola", "entities": {"mentions": [{"start": 0, "end": 4, "username": "abc", "user": "x"}]}}
    assert known_keys_only(registry, X_URI, "Tweet", tweet) == ["$.txt", "$.entities.mentions[0].user"]
    assert known_keys_only(registry, GOOGLE_URI, "Review", {"rating": 5, "reviewReply": {"text": ""}}) == ["$.rating", "$.reviewReply.text"]


def test_mentions_page_follows_the_official_schema(fake, registry, hospital, small):
    response = requests.get(mentions_url(fake, hospital["x_user_id"]), headers=AUTH,
                            params={"max_results": 100, "tweet.fields": ALL_TWEET_FIELDS, "expansions": "author_id"})
    assert response.status_code == 200
    body = response.json()
    validate(registry, X_URI, "Get2UsersIdMentionsResponse", body)
    assert known_keys_only(registry, X_URI, "Get2UsersIdMentionsResponse", body) == []
    ids = [t["id"] for t in body["data"]]
    assert ids == sorted(ids, key=int, reverse=True)
    assert set(ids) == truth_ids(small, hospital["institution_id"], "x", fake.clock)
    assert body["meta"] == {"result_count": len(ids), "newest_id": ids[0], "oldest_id": ids[-1]}
    assert {u["id"] for u in body["includes"]["users"]} == {t["author_id"] for t in body["data"]}
    for tweet in body["data"]:
        assert X_TIME.match(tweet["created_at"]) and parse_time(tweet["created_at"]) <= fake.clock
        assert tweet["author_id"] != hospital["x_user_id"]
        assert hospital["x_username"] in {m["username"] for m in tweet["entities"]["mentions"]}


def test_only_requested_tweet_fields_are_returned(fake, hospital):
    body = requests.get(mentions_url(fake, hospital["x_user_id"]), headers=AUTH, params={"tweet.fields": "created_at"}).json()
    assert len(body["data"]) == 10
    assert all(set(t) == {"id", "text", "edit_history_tweet_ids", "created_at"} for t in body["data"])
    assert "includes" not in body


def test_tweets_timeline_follows_the_official_schema_and_excludes_replies(fake, registry, hospital):
    url = f"{fake.x_base_url}/2/users/{hospital['x_user_id']}/tweets"
    everything = requests.get(url, headers=AUTH, params={"max_results": 100, "tweet.fields": ALL_TWEET_FIELDS}).json()
    validate(registry, X_URI, "Get2UsersIdTweetsResponse", everything)
    assert known_keys_only(registry, X_URI, "Get2UsersIdTweetsResponse", everything) == []
    assert {t["author_id"] for t in everything["data"]} == {hospital["x_user_id"]}
    posts = requests.get(url, headers=AUTH, params={"max_results": 100, "exclude": "replies,retweets",
                                                     "tweet.fields": "referenced_tweets"}).json()
    replies = [t for t in everything["data"] if "referenced_tweets" in t]
    assert replies and "referenced_tweets" not in str(posts.get("data", []))
    assert len(posts.get("data", [])) == len(everything["data"]) - len(replies)


def test_empty_page_has_only_a_zero_count(fake, registry, hospital):
    newest = requests.get(mentions_url(fake, hospital["x_user_id"]), headers=AUTH).json()["meta"]["newest_id"]
    response = requests.get(mentions_url(fake, hospital["x_user_id"]), headers=AUTH, params={"since_id": newest})
    assert (response.status_code, response.json()) == (200, {"meta": {"result_count": 0}})
    validate(registry, X_URI, "Get2UsersIdMentionsResponse", response.json())


def test_since_id_and_end_time_are_exclusive(fake, hospital):
    url = mentions_url(fake, hospital["x_user_id"])
    all_tweets = requests.get(url, headers=AUTH, params={"max_results": 100, "tweet.fields": "created_at"}).json()["data"]
    middle = all_tweets[len(all_tweets) // 2]
    newer = requests.get(url, headers=AUTH, params={"max_results": 100, "since_id": middle["id"]}).json()["data"]
    older = requests.get(url, headers=AUTH, params={"max_results": 100, "end_time": middle["created_at"]}).json()["data"]
    assert [t["id"] for t in newer] == [t["id"] for t in all_tweets[:len(all_tweets) // 2]]
    assert [t["id"] for t in older] == [t["id"] for t in all_tweets if t["created_at"] < middle["created_at"]]


@pytest.mark.parametrize("params", [{"max_results": 4}, {"max_results": 101}, {"max_results": "ten"}, {"since_id": "abc"},
                                    {"pagination_token": "!"}, {"tweet.fields": "colour"}, {"next_token": "abc"}])
def test_invalid_requests_get_a_problem(fake, registry, hospital, params):
    response = requests.get(mentions_url(fake, hospital["x_user_id"]), headers=AUTH, params=params)
    assert response.status_code == 400
    body = response.json()
    validate(registry, X_URI, "Problem", body)
    assert body["type"] == "https://api.twitter.com/2/problems/invalid-request"
    assert body["errors"][0]["parameters"] == {next(iter(params)): [str(next(iter(params.values())))]}


def test_missing_bearer_token_is_unauthorized(fake, registry, hospital):
    for headers in ({}, {"Authorization": "Bearer "}, {"Authorization": "Basic abc"}):
        response = requests.get(mentions_url(fake, hospital["x_user_id"]), headers=headers)
        assert (response.status_code, response.json()) == (401, {"title": "Unauthorized", "type": "about:blank", "status": 401,
                                                                "detail": "Unauthorized"})
        validate(registry, X_URI, "Problem", response.json())


def test_unknown_user_gets_a_not_found_error(fake, registry):
    body = requests.get(mentions_url(fake, "42"), headers=AUTH).json()
    validate(registry, X_URI, "Get2UsersIdMentionsResponse", body)
    assert body["errors"][0]["type"] == "https://api.twitter.com/2/problems/resource-not-found" and "data" not in body


def test_rate_limit_headers_count_down(fake, hospital):
    first = requests.get(mentions_url(fake, hospital["x_user_id"]), headers=AUTH).headers
    second = requests.get(mentions_url(fake, hospital["x_user_id"]), headers=AUTH).headers
    assert first["x-rate-limit-limit"] == second["x-rate-limit-limit"] == "450"
    assert int(second["x-rate-limit-remaining"]) == int(first["x-rate-limit-remaining"]) - 1
    assert 0 < int(second["x-rate-limit-reset"]) - time.time() <= 900


def test_rate_limit_fault_gives_a_429_problem(fake, registry, hospital):
    fake.add_fault({"match": "/mentions", "status": 429, "times": 1, "reset_in_seconds": 30})
    response = requests.get(mentions_url(fake, hospital["x_user_id"]), headers=AUTH)
    assert response.status_code == 429
    assert response.json() == {"title": "Too Many Requests", "detail": "Too Many Requests", "type": "about:blank", "status": 429}
    validate(registry, X_URI, "Problem", response.json())
    assert response.headers["x-rate-limit-remaining"] == "0"
    assert 28 <= int(response.headers["x-rate-limit-reset"]) - time.time() <= 31
    assert "Retry-After" not in response.headers
    assert requests.get(mentions_url(fake, hospital["x_user_id"]), headers=AUTH).status_code == 200


def test_server_errors_and_injected_records(fake, registry, hospital):
    fake.add_fault({"match": "/mentions", "status": 503})
    response = requests.get(mentions_url(fake, hospital["x_user_id"]), headers=AUTH)
    assert (response.status_code, response.json()["title"]) == (503, "Service Unavailable")
    validate(registry, X_URI, "Problem", response.json())
    fake.add_fault({"match": "/mentions", "inject_record": {"id": "not-a-number"}})
    body = requests.get(mentions_url(fake, hospital["x_user_id"]), headers=AUTH).json()
    assert body["data"][-1] == {"id": "not-a-number"} and body["meta"]["result_count"] == len(body["data"]) == 11


def test_a_503_in_the_middle_of_paging(fake, hospital):
    fake.add_fault({"match": "/mentions", "after_pages": 2, "status": 503})
    statuses, params = [], {"max_results": 5}
    for _ in range(4):
        response = requests.get(mentions_url(fake, hospital["x_user_id"]), headers=AUTH, params=params)
        statuses.append(response.status_code)
        if response.ok:
            params["pagination_token"] = response.json()["meta"]["next_token"]
    assert statuses == [200, 200, 503, 200]
    assert [entry[3] for entry in fake.requests_log[-4:]] == statuses


def test_pages_are_short_every_third_time_and_repeat_the_last_tweet(fake, hospital, small):
    pages, params = [], {"max_results": 5}
    while True:
        body = requests.get(mentions_url(fake, hospital["x_user_id"]), headers=AUTH, params=params).json()
        pages.append([t["id"] for t in body["data"]])
        if "next_token" not in body["meta"]:
            break
        assert re.fullmatch(r"[0-9a-z]+", body["meta"]["next_token"])
        params["pagination_token"] = body["meta"]["next_token"]
    assert [len(p) for p in pages[:3]] == [5, 5, 3]
    assert pages[1][0] == pages[0][-1] and pages[2][0] == pages[1][-1] and pages[3][0] != pages[2][-1]
    ids = [i for page in pages for i in page]
    assert set(ids) == truth_ids(small, hospital["institution_id"], "x", fake.clock) and len(ids) > len(set(ids))


def test_the_clock_hides_later_tweets_and_review_versions(fake, hospital, small):
    clock = fake.clock - timedelta(days=2)
    fake.set_clock(clock)
    body = requests.get(mentions_url(fake, hospital["x_user_id"]), headers=AUTH, params={"max_results": 100}).json()
    assert {t["id"] for t in body["data"]} == truth_ids(small, hospital["institution_id"], "x", clock)
    with (small / "google_reviews.jsonl").open(encoding="utf-8") as lines:
        versions = [json.loads(line) for line in lines]
    reply = next(v for v in versions if "reviewReply" in v["review"] and v["location"] in reviews_url(fake, hospital))
    fake.set_clock(parse_time(reply["visible_from"]) - timedelta(microseconds=1))
    before = {r["name"]: r for r in requests.get(reviews_url(fake, hospital), headers=AUTH).json()["reviews"]}
    fake.set_clock(parse_time(reply["visible_from"]))
    after = {r["name"]: r for r in requests.get(reviews_url(fake, hospital), headers=AUTH).json()["reviews"]}
    name = reply["review"]["name"]
    assert "reviewReply" not in before[name] and after[name] == reply["review"]
    assert before[name]["updateTime"] == after[name]["updateTime"]


def test_controls_over_http(fake, hospital):
    base = fake.x_base_url
    assert requests.post(f"{base}/_fake/clock", json={"now": "2026-03-11T00:00:00Z"}).json()["now"] == "2026-03-11T00:00:00.000Z"
    body = requests.get(mentions_url(fake, hospital["x_user_id"]), headers=AUTH, params={"tweet.fields": "created_at"}).json()
    assert max(t["created_at"] for t in body["data"]) < "2026-03-11T00:00:00.000Z"
    assert requests.post(f"{base}/_fake/faults", json={"match": "/reviews", "status": 500, "times": 2}).json()["faults"] == 1
    assert requests.delete(f"{base}/_fake/faults").json()["faults"] == 0
    assert requests.post(f"{base}/_fake/faults", json={"match": "/reviews", "status": 418}).status_code == 400
    log = requests.get(f"{base}/_fake/requests").json()
    assert log[-1] == {"method": "GET", "path": f"/2/users/{hospital['x_user_id']}/mentions", "query": {"tweet.fields": "created_at"},
                       "status": 200}


def test_reviews_page_follows_the_official_schema(fake, registry, hospital, small):
    response = requests.get(reviews_url(fake, hospital), headers=AUTH, params={"pageSize": 5})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"reviews", "averageRating", "totalReviewCount", "nextPageToken"}
    assert len(body["reviews"]) == 5 and body["totalReviewCount"] == len(truth_ids(small, hospital["institution_id"], "google", fake.clock))
    assert isinstance(body["averageRating"], float) and 1 <= body["averageRating"] <= 5
    for review in body["reviews"]:
        validate(registry, GOOGLE_URI, "Review", review)
        assert known_keys_only(registry, GOOGLE_URI, "Review", review) == []
        assert GOOGLE_TIME.match(review["createTime"]) and GOOGLE_TIME.match(review["updateTime"])
    update_times = [parse_time(r["updateTime"]) for r in body["reviews"]]
    assert update_times == sorted(update_times, reverse=True)


def test_reviews_paging_covers_every_review_once(fake, hospital, small):
    names, params = [], {"pageSize": 3, "orderBy": "rating"}
    while True:
        body = requests.get(reviews_url(fake, hospital), headers=AUTH, params=params).json()
        names += [r["name"] for r in body["reviews"]]
        if "nextPageToken" not in body:
            break
        params["pageToken"] = body["nextPageToken"]
    assert len(names) == len(set(names)) and set(names) == truth_ids(small, hospital["institution_id"], "google", fake.clock)


def test_google_errors(fake, hospital):
    cases = [
        (requests.get(reviews_url(fake, hospital), headers=AUTH, params={"pageSize": 51}), 400, "INVALID_ARGUMENT"),
        (requests.get(reviews_url(fake, hospital), headers=AUTH, params={"orderBy": "stars"}), 400, "INVALID_ARGUMENT"),
        (requests.get(reviews_url(fake, hospital)), 401, "UNAUTHENTICATED"),
        (requests.get(f"{fake.google_base_url}/v4/accounts/1/locations/2/reviews", headers=AUTH), 404, "NOT_FOUND"),
    ]
    fake.add_fault({"match": "/reviews", "status": 429})
    cases.append((requests.get(reviews_url(fake, hospital), headers=AUTH), 429, "RESOURCE_EXHAUSTED"))
    fake.add_fault({"match": "/reviews", "status": 503})
    cases.append((requests.get(reviews_url(fake, hospital), headers=AUTH), 503, "UNAVAILABLE"))
    for response, status, google_status in cases:
        error = response.json()["error"]
        assert (response.status_code, error["code"], error["status"]) == (status, status, google_status)
        assert set(error) == {"code", "message", "status"} and error["message"]
    assert cases[4][0].json()["error"]["message"] == "Resource has been exhausted (e.g. check quota)."


def test_reviews_of_an_empty_time_are_an_empty_object(fake, hospital):
    fake.set_clock(parse_time("2026-03-01T00:00:00Z"))
    assert requests.get(reviews_url(fake, hospital), headers=AUTH).json() == {}


def tweepy_client(fake: FakeApis) -> tweepy.Client:
    client = tweepy.Client(bearer_token="test-token")
    send = client.session.request

    def rewritten(method, url, *args, **kwargs):
        return send(method, url.replace("https://api.twitter.com", fake.x_base_url, 1), *args, **kwargs)

    client.session.request = rewritten
    return client


@pytest.fixture(scope="module")
def month(tmp_path_factory) -> Path:
    return generate(tmp_path_factory.mktemp("month"), institutions=2, days=30)


def test_tweepy_paginator_gets_every_mention_once(month, hospital):
    with FakeApis(month) as fake:
        paginator = tweepy.Paginator(tweepy_client(fake).get_users_mentions, hospital["x_user_id"], max_results=100,
                                     tweet_fields=["created_at", "author_id", "conversation_id", "referenced_tweets"])
        pages = list(paginator)
        log = list(fake.requests_log)
        expected = truth_ids(month, hospital["institution_id"], "x", fake.clock)
    ids = [tweet.id for page in pages for tweet in page.data]
    assert len(expected) > 300
    assert {str(i) for i in ids} == expected and len(set(ids)) == len(expected) < len(ids)
    assert [len(page.data) for page in pages][:3] == [100, 100, 98]
    assert all("next_token" in page.meta for page in pages[:-1])
    assert len(log) == len(pages) and {entry[2]["max_results"] for entry in log} == {"100"}


def test_tweepy_sees_the_rate_limit_reset(fake, hospital):
    fake.add_fault({"match": "/mentions", "status": 429, "reset_in_seconds": 5})
    with pytest.raises(tweepy.TooManyRequests) as caught:
        tweepy_client(fake).get_users_mentions(hospital["x_user_id"])
    assert caught.value.reset_time == int(caught.value.response.headers["x-rate-limit-reset"])
    assert 3 <= caught.value.reset_time - time.time() <= 6


def test_mentions_timeline_serves_only_the_800_most_recent(tmp_path):
    account, patient = {"id": "100", "name": "Hospital", "username": "Hospital"}, {"id": "200", "name": "Ana", "username": "ana"}
    (tmp_path / "manifest.json").write_text(json.dumps({"window_end": "2026-03-11T00:00:00.000Z"}))
    (tmp_path / "x_users.jsonl").write_text(json.dumps(account) + "\n" + json.dumps(patient) + "\n")
    tweets = [{"tweet": {"id": str(1000 + n), "text": "@Hospital hola", "author_id": "200", "edit_history_tweet_ids": [str(1000 + n)],
                         "created_at": f"2026-03-10T{n // 60:02d}:{n % 60:02d}:00.000Z"}, "mentions_user_ids": ["100"]}
              for n in range(805)]
    (tmp_path / "x_tweets.jsonl").write_text("".join(json.dumps(t) + "\n" for t in tweets))
    (tmp_path / "google_reviews.jsonl").write_text("")
    ids, params = set(), {"max_results": 100}
    with FakeApis(tmp_path, duplicate_across_pages=False) as fake:
        while True:
            body = requests.get(mentions_url(fake, "100"), headers=AUTH, params=params).json()
            ids |= {t["id"] for t in body["data"]}
            if "next_token" not in body["meta"]:
                break
            params["pagination_token"] = body["meta"]["next_token"]
    assert ids == {str(1000 + n) for n in range(5, 805)}


# --- the Graph API (Facebook, Instagram) served by the same FakeApis over graph.json --------------------

def graph_data(dataset: Path) -> dict:
    return json.loads((dataset / "graph.json").read_text(encoding="utf-8"))


def graph_client(fake: FakeApis, limit: int = 5) -> GraphClient:
    return GraphClient(fake.graph_base_url, "test-token", make_session(retries=3, backoff=0), limit=limit)


def generated_page_comments(data: dict, page_id: str, clock) -> dict[str, dict]:
    """The page's comments visible at `clock`, as the client returns them (with post_id)."""
    return {c["id"]: c | {"post_id": post_id} for post_id, comments in data["pages"][page_id]["comments"].items()
            for c in comments if graph_api.parse_graph_time(c["created_time"]) <= clock}


def generated_ig_comments(data: dict, user_id: str, clock) -> dict[str, dict]:
    """The account's comments and replies visible at `clock`, as the client returns them (with media_id)."""
    user = data["ig_users"][user_id]
    media_of = {c["id"]: media_id for media_id, comments in user["comments"].items() for c in comments}
    every = [*(c for cs in user["comments"].values() for c in cs), *(r for rs in user["replies"].values() for r in rs)]
    return {c["id"]: c | {"media_id": media_of[c.get("parent_id", c["id"])]} for c in every
            if graph_api.parse_graph_time(c["timestamp"]) <= clock}


def by_id(records: list[dict]) -> dict[str, dict]:
    found = {r["id"]: r for r in records}
    assert len(found) == len(records), "duplicates"
    return found


def test_graph_routes_share_the_clock_and_serve_every_visible_comment_once(fake, small, hospital):
    data, page_id, user_id = graph_data(small), hospital["facebook_page_id"], hospital["instagram_user_id"]
    assert fake.graph.clock == fake.clock
    end = fake.clock
    for clock in (end - timedelta(days=2, hours=5), end, end + timedelta(days=10)):
        fake.set_clock(clock)
        facebook = fetch_page_comments(graph_client(fake), page_id, None)
        instagram = fetch_instagram_comments(graph_client(fake, limit=2), user_id, None)
        assert by_id(facebook.records) == generated_page_comments(data, page_id, clock)
        assert by_id(instagram.records) == generated_ig_comments(data, user_id, clock)
        # the truth's messages are the visible top-level comments not written by the account
        assert {r["id"] for r in facebook.records if "parent" not in r and r.get("from", {}).get("id") != page_id} \
            == truth_ids(small, hospital["institution_id"], "facebook", clock)
        assert {r["id"] for r in instagram.records if "parent_id" not in r and r["from"]["id"] != user_id} \
            == truth_ids(small, hospital["institution_id"], "instagram", clock)
    assert facebook.pages > len(data["pages"][page_id]["posts"]) + 1  # some posts' comments span several pages
    assert len(generated_page_comments(data, page_id, end + timedelta(days=10))) > len(generated_page_comments(data, page_id, end))
    assert all(entry[2]["access_token"] == "***" for entry in fake.requests_log if entry[1].startswith("/v21.0/"))


def busiest(lists: dict[str, list[dict]], clock) -> str:
    return max(lists, key=lambda key: sum(graph_api.parse_graph_time(c.get("created_time") or c["timestamp"]) <= clock
                                          for c in lists[key]))


@pytest.mark.parametrize("channel", ["facebook", "instagram"])
def test_a_500_in_the_middle_of_graph_paging_is_retried_without_duplicates_or_gaps(fake, small, hospital, channel):
    data = graph_data(small)
    if channel == "facebook":
        page_id = hospital["facebook_page_id"]
        path = f"/{busiest(data['pages'][page_id]['comments'], fake.clock)}/comments"
        fetch = lambda: fetch_page_comments(graph_client(fake, limit=2), page_id, None)  # noqa: E731
        expected = generated_page_comments(data, page_id, fake.clock)
    else:
        user_id = hospital["instagram_user_id"]
        path = f"/{busiest(data['ig_users'][user_id]['comments'], fake.clock)}/comments"
        fetch = lambda: fetch_instagram_comments(graph_client(fake, limit=2), user_id, None)  # noqa: E731
        expected = generated_ig_comments(data, user_id, fake.clock)
    before = len(fake.graph.requests_log)
    fake.graph.add_fault({"status": 500, "match": path, "after_pages": 1})
    records = fetch().records
    assert by_id(records) == expected
    log = fake.graph.requests_log[before:]
    failed = [n for n, entry in enumerate(log) if entry[3] == 500]
    assert len(failed) == 1 and log[failed[0]][1] == f"/v21.0{path}" and "after" in log[failed[0]][2]  # the second page
    assert log[failed[0] + 1][1:3] == log[failed[0]][1:3] and log[failed[0] + 1][3] == 200


@pytest.mark.parametrize("code", [613, 4])
def test_a_graph_rate_limit_raises_rate_limited(fake, hospital, code):
    fake.graph.add_fault({"code": code, "match": "/comments", "after_pages": 1})
    with pytest.raises(RateLimited, match=f"code {code} "):
        fetch_page_comments(graph_client(fake), hospital["facebook_page_id"], None)
    fake.graph.add_fault({"code": code, "match": "replies.limit"})  # the comments, their replies expanded
    with pytest.raises(RateLimited, match=f"code {code} "):
        fetch_instagram_comments(graph_client(fake), hospital["instagram_user_id"], None)
    assert len(fake.graph.faults) == 0
    fake.clear_faults()  # clears the Graph faults too
    fake.graph.add_fault({"code": code, "match": "/posts"})
    fake.clear_faults()
    assert fetch_page_comments(graph_client(fake), hospital["facebook_page_id"], None).records


def test_graph_objects_use_the_official_field_names(fake, small, hospital):
    data, page_id, user_id = graph_data(small), hospital["facebook_page_id"], hospital["instagram_user_id"]
    page, user = data["pages"][page_id], data["ig_users"][user_id]
    post_id, media_id = busiest(page["comments"], fake.clock), busiest(user["comments"], fake.clock)
    replied = next(iter(user["replies"]))
    nested = {"from": {"id", "name", "username"}, "parent": {"id"}, "reviewer": {"id", "name"}}
    client = graph_client(fake, limit=100)
    edges = ((f"{page_id}/posts", "Post", page["posts"]), (f"{post_id}/comments", "Comment", page["comments"][post_id]),
             (f"{page_id}/ratings", "Recommendation", page["ratings"]), (f"{user_id}/media", "IGMedia", user["media"]),
             (f"{media_id}/comments", "IGComment", user["comments"][media_id]),
             (f"{replied}/replies", "IGComment", user["replies"][replied]))
    for path, node, stored in edges:
        known, default = graph_api.NODES[node]
        assert stored and all(set(item) <= known for item in stored), node
        assert all(set(item[key]) <= fields for item in stored for key, fields in nested.items() if key in item), node
        everything = client.get(path, {"fields": ",".join(sorted(known)), "filter": "stream"} if node == "Comment"
                                else {"fields": ",".join(sorted(known))})
        assert everything["data"] and all(set(item) <= known for item in everything["data"]), node
        plain = client.get(path)
        assert plain["data"] and all(set(item) <= set(default) for item in plain["data"]), node
        assert set(plain) <= {"data", "paging"} and set(plain["paging"]) <= {"cursors", "next", "previous"}
    times = [c["created_time"] for cs in page["comments"].values() for c in cs] + [m["timestamp"] for m in user["media"]]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000", t) for t in times)


def test_a_dataset_without_graph_data_serves_no_graph_objects(tmp_path):
    (tmp_path / "manifest.json").write_text(json.dumps({"window_end": "2026-03-11T00:00:00.000Z"}))
    for name in ("x_users.jsonl", "x_tweets.jsonl", "google_reviews.jsonl"):
        (tmp_path / name).write_text("")
    with FakeApis(tmp_path) as fake:
        response = requests.get(f"{fake.graph_base_url}/v21.0/100155000000001/posts", params={"access_token": "t"})
    assert (response.status_code, response.json()["error"]["code"]) == (400, 100)
