import csv
import json
import os
import re
import subprocess
import sys
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from webcare import config
from webcare.fakes.graph_api import parse_graph_time
from webcare.generator import expected_kpis, expected_marts, generate
from webcare.generator import awkward
from webcare.generator.hours import load_seeds
from webcare.generator.institutions import load_institutions
from webcare.generator.snowflake import snowflake_ms
from webcare.generator.times import parse_time
from webcare.generator.marts import percentile_cont
from webcare.generator.truth import channel_ids, messages_truth
from webcare.sources.facebook import comment_key, rating_key
from webcare.sources.instagram import ig_comment_key

WINDOW_END = datetime(2026, 4, 9, tzinfo=timezone.utc)
FILES = ("manifest.json", "x_users.jsonl", "x_tweets.jsonl", "google_reviews.jsonl", "graph.json", "messages_truth.jsonl",
         "ground_truth.csv",
         "truth_interactions.jsonl", "truth_backlog_intervals.jsonl", "truth_backlog_daily.jsonl", "truth_kpis_daily.csv", "truth_kpis_weekly.csv",
         "truth_kpis_monthly.csv")


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    return generate(tmp_path_factory.mktemp("default"))


@pytest.fixture(scope="module")
def tweets(dataset) -> list[dict]:
    return read_jsonl(dataset / "x_tweets.jsonl")


@pytest.fixture(scope="module")
def reviews(dataset) -> list[dict]:
    return read_jsonl(dataset / "google_reviews.jsonl")


@pytest.fixture(scope="module")
def truth(dataset) -> list[dict]:
    return read_jsonl(dataset / "messages_truth.jsonl")


def test_same_seed_gives_the_same_bytes_and_another_seed_does_not(dataset, tmp_path):
    again, other = generate(tmp_path / "again"), generate(tmp_path / "other", seed=43)
    for name in FILES:
        assert (again / name).read_bytes() == (dataset / name).read_bytes(), name
    assert (other / "x_tweets.jsonl").read_bytes() != (dataset / "x_tweets.jsonl").read_bytes()
    assert (other / "graph.json").read_bytes() != (dataset / "graph.json").read_bytes()


def test_manifest_describes_the_window(dataset):
    assert json.loads((dataset / "manifest.json").read_text()) == {
        "seed": 42, "institutions": [i["institution_id"] for i in load_institutions(5)], "start": "2026-03-10", "days": 30,
        "window_start": "2026-03-10T00:00:00.000Z", "window_end": "2026-04-09T00:00:00.000Z"}


def test_cli_writes_a_dataset(tmp_path):
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-m", "webcare.generator", "--institutions", "1", "--days", "2", "--start", "2026-03-28",
                             "--seed", "7", "--out", str(tmp_path)], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": str(root / "plugins")})
    assert result.stdout.strip() == str(tmp_path)
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert (manifest["institutions"], manifest["window_end"]) == (["hsn"], "2026-03-30T00:00:00.000Z")


def test_tweets_have_snowflake_ids_in_creation_order(tweets):
    ids = [int(line["tweet"]["id"]) for line in tweets]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    for line in tweets:
        tweet = line["tweet"]
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", tweet["created_at"])
        assert snowflake_ms(int(tweet["id"])) // 1000 == int(parse_time(tweet["created_at"]).timestamp())
        history = tweet["edit_history_tweet_ids"]  # every version's id, oldest first, this one among them
        assert tweet["id"] in history and history == sorted(history, key=int)
        for mention in tweet.get("entities", {}).get("mentions", []):
            assert tweet["text"][mention["start"]:mention["end"]] == "@" + mention["username"]


def test_replies_point_to_their_thread(tweets):
    by_id = {line["tweet"]["id"]: line["tweet"] for line in tweets}
    replies = [t for t in by_id.values() if "referenced_tweets" in t]
    assert replies
    for reply in replies:
        parent = by_id[reply["referenced_tweets"][0]["id"]]
        assert reply["in_reply_to_user_id"] == parent["author_id"]
        assert reply["conversation_id"] == parent["conversation_id"]
        assert parse_time(reply["created_at"]) > parse_time(parent["created_at"])
    roots = [t for t in by_id.values() if "referenced_tweets" not in t]
    assert all(t["conversation_id"] == t["id"] for t in roots)


def test_institution_replies_mention_the_patient(tweets):
    accounts = {i["x_user_id"] for i in load_institutions(5)}
    by_id = {line["tweet"]["id"]: line for line in tweets}
    replies = [line for line in tweets if line["tweet"]["author_id"] in accounts and "referenced_tweets" in line["tweet"]]
    assert len(replies) > 300
    for line in replies:
        patient = by_id[line["tweet"]["referenced_tweets"][0]["id"]]["tweet"]["author_id"]
        assert line["mentions_user_ids"] == [patient]
        assert line["tweet"]["text"].startswith("@")


def test_each_mentions_timeline_stays_under_800(tweets):
    counts = Counter(user for line in tweets for user in line["mentions_user_ids"])
    for institution in load_institutions(5):
        assert 100 < counts[institution["x_user_id"]] < 800


def test_hospitals_get_more_traffic_than_clinics(truth):
    counts = Counter(m["institution_id"] for m in truth if m["channel"] == "x")
    assert min(counts["hsn"], counts["hia"]) > max(counts["cmb"], counts["cgs"])


def test_texts_mix_spanish_and_english(tweets):
    languages = Counter(line["tweet"]["lang"] for line in tweets)
    assert set(languages) == {"es", "en"} and languages["es"] > 4 * languages["en"]


def test_some_mention_gets_two_institution_replies(tweets):
    accounts = {i["x_user_id"] for i in load_institutions(5)}
    replied = Counter(line["tweet"]["referenced_tweets"][0]["id"] for line in tweets
                      if line["tweet"]["author_id"] in accounts and "referenced_tweets" in line["tweet"])
    assert max(replied.values()) == 2


def test_patients_follow_up_on_institution_replies(tweets, truth):
    accounts = {i["x_user_id"] for i in load_institutions(5)}
    by_id = {line["tweet"]["id"]: line["tweet"] for line in tweets}
    institution_replies = {t["id"] for t in by_id.values() if t["author_id"] in accounts and "referenced_tweets" in t}
    follow_ups = {t["id"] for t in by_id.values()
                  if t["author_id"] not in accounts and t.get("referenced_tweets", [{}])[0].get("id") in institution_replies}
    assert follow_ups
    assert follow_ups <= {m["message_id"] for m in truth if m["channel"] == "x"}


def test_some_replies_arrive_after_the_window(truth, tweets):
    late = [m for m in truth if m["first_reply_at"] and parse_time(m["first_reply_at"]) >= WINDOW_END]
    assert {m["channel"] for m in late} == set(channel_ids())
    assert any(parse_time(line["tweet"]["created_at"]) >= WINDOW_END for line in tweets)
    assert all(parse_time(m["created_at"]) < WINDOW_END for m in truth)


def test_some_messages_are_never_answered(truth):
    assert {m["channel"] for m in truth if m["first_reply_at"] is None} == set(channel_ids())


def test_reviewers_edit_some_reviews_and_keep_the_owner_reply(reviews):
    versions = {}
    for line in reviews:
        versions.setdefault(line["review"]["name"], []).append(line["review"])
    edited = [v for v in versions.values() if v[-1]["updateTime"] != v[0]["updateTime"]]
    assert len(edited) >= 3
    for history in edited:
        first, last = history[0], history[-1]
        assert last["createTime"] == first["createTime"]
        assert (last.get("comment"), last["starRating"]) != (first.get("comment"), first["starRating"])
        assert parse_time(last["updateTime"]) > parse_time(first["updateTime"])
    kept = [v for v in edited if "reviewReply" in v[1] and v[1]["updateTime"] == v[0]["updateTime"]]
    assert kept and all(v[-1]["reviewReply"] == v[1]["reviewReply"] for v in kept)


def test_owner_replies_do_not_change_update_time_and_come_within_ten_days(reviews):
    names = {line["review"]["name"] for line in reviews}
    assert len(names) > 200
    for line in reviews:
        review = line["review"]
        assert review["name"].startswith(line["location"] + "/reviews/") and review["name"].endswith(review["reviewId"])
        assert review["starRating"] in {"ONE", "TWO", "THREE", "FOUR", "FIVE"}
        assert parse_time(line["visible_from"]) >= parse_time(review["updateTime"])
        if "reviewReply" in review:
            delay = parse_time(review["reviewReply"]["updateTime"]) - parse_time(review["createTime"])
            late = review["reviewId"] == "late-reply"  # the awkward case of webcare.generator.awkward
            assert timedelta(0) < delay <= (awkward.LATE_REPLY if late else timedelta(days=10))
    reply_versions = [line for line in reviews if line["visible_from"] == line["review"].get("reviewReply", {}).get("updateTime")]
    assert reply_versions and all(line["review"]["updateTime"] != line["visible_from"] for line in reply_versions)


def test_reviews_include_rating_only_and_anonymous_ones(reviews):
    assert any("comment" not in line["review"] for line in reviews)
    anonymous = [line["review"]["reviewer"] for line in reviews if line["review"]["reviewer"]["isAnonymous"]]
    assert anonymous and all("profilePhotoUrl" not in reviewer for reviewer in anonymous)


def test_local_date_follows_the_institution_time_zone(truth):
    summer_time = datetime(2026, 3, 29, 1, 0, tzinfo=timezone.utc)  # Madrid goes UTC+1 -> +2, the Canaries UTC+0 -> +1
    late_evening = [m for m in truth if parse_time(m["created_at"]).hour == 23]
    madrid = [m for m in late_evening if m["institution_id"] == "hsn"]
    canary = [m for m in late_evening if m["institution_id"] == "hia"]
    assert madrid and canary
    for m in madrid:
        assert m["local_date"] == (parse_time(m["created_at"]) + timedelta(days=1)).date().isoformat()
    for m in canary:
        shift = timedelta(days=1) if parse_time(m["created_at"]) >= summer_time else timedelta(0)
        assert m["local_date"] == (parse_time(m["created_at"]) + shift).date().isoformat()


def test_ground_truth_is_consistent(dataset, truth):
    with (dataset / "ground_truth.csv").open(newline="") as lines:
        rows = list(csv.DictReader(lines))
    days = {r["day"] for r in rows}
    local_dates = [m["local_date"] for m in truth]
    assert (min(days), max(days)) == (min(local_dates), max(local_dates)) == ("2026-03-10", max(local_dates))
    assert max(local_dates) in ("2026-04-08", "2026-04-09")
    assert len(rows) == 5 * 4 * len(days)
    assert sum(int(r["inbound"]) for r in rows) == len(truth)
    for row in rows:
        inbound, answered = int(row["inbound"]), int(row["answered"])
        assert 0 <= answered <= inbound
        assert (row["response_rate"] == "") == (inbound == 0)
        if inbound:
            assert float(row["response_rate"]) == answered / inbound
        assert (row["median_first_response_minutes"] == "") == (answered == 0)
        if answered:
            assert float(row["median_first_response_minutes"]) > 0
    assert 0.3 < sum(int(r["answered"]) for r in rows) / len(truth) < 0.9


def test_an_earlier_as_of_answers_fewer(dataset, truth):
    message = next(m for m in truth if m["first_reply_at"] and parse_time(m["first_reply_at"]) < WINDOW_END - timedelta(days=3))
    as_of = parse_time(message["first_reply_at"])
    key = (message["institution_id"], message["channel"], date.fromisoformat(message["local_date"]))
    before = {(r["institution_id"], r["channel"], r["day"]): r for r in expected_kpis(dataset, as_of)}[key]
    after = {(r["institution_id"], r["channel"], r["day"]): r for r in expected_kpis(dataset, WINDOW_END)}[key]
    assert before["answered"] < after["answered"]
    assert before["inbound"] <= after["inbound"]


def test_expected_kpis_on_handmade_messages(tmp_path):
    (tmp_path / "manifest.json").write_text(json.dumps({"institutions": ["hsn", "cmb"]}))
    messages = [
        {"channel": "x", "institution_id": "hsn", "message_id": "1", "created_at": "2026-03-10T09:00:00.000Z",
         "first_reply_at": "2026-03-10T09:30:00.000Z", "local_date": "2026-03-10"},
        {"channel": "x", "institution_id": "hsn", "message_id": "2", "created_at": "2026-03-10T10:00:00.000Z",
         "first_reply_at": "2026-03-10T11:30:00.000Z", "local_date": "2026-03-10"},
        {"channel": "x", "institution_id": "hsn", "message_id": "3", "created_at": "2026-03-10T10:00:00.000Z",
         "first_reply_at": "2026-03-12T08:00:00.000Z", "local_date": "2026-03-10"},
        {"channel": "google", "institution_id": "cmb", "message_id": "accounts/1/locations/2/reviews/a",
         "created_at": "2026-03-11T23:30:00.000000Z", "first_reply_at": None, "local_date": "2026-03-12"},
    ]
    (tmp_path / "messages_truth.jsonl").write_text("".join(json.dumps(m) + "\n" for m in messages))
    rows = expected_kpis(tmp_path, datetime(2026, 3, 12, 8, 0, tzinfo=timezone.utc))
    assert [(r["institution_id"], r["channel"], r["day"].isoformat()) for r in rows] == [
        (i, c, f"2026-03-{d}") for i in ("cmb", "hsn") for c in ("facebook", "google", "instagram", "x") for d in (10, 11, 12)]
    by_key = {(r["institution_id"], r["channel"], r["day"].isoformat()): r for r in rows}
    assert by_key["hsn", "x", "2026-03-10"] == {"institution_id": "hsn", "channel": "x", "day": date(2026, 3, 10), "inbound": 3,
                                                "answered": 2, "response_rate": 2 / 3, "median_first_response_minutes": 60.0}
    unanswered = by_key["cmb", "google", "2026-03-12"]
    assert (unanswered["inbound"], unanswered["answered"], unanswered["response_rate"], unanswered["median_first_response_minutes"]) \
        == (1, 0, 0.0, None)
    assert (by_key["hsn", "google", "2026-03-11"]["inbound"], by_key["hsn", "google", "2026-03-11"]["response_rate"]) == (0, None)
    later = {(r["institution_id"], r["channel"], r["day"].isoformat()): r for r in expected_kpis(tmp_path, WINDOW_END)}
    assert (later["hsn", "x", "2026-03-10"]["answered"], later["hsn", "x", "2026-03-10"]["median_first_response_minutes"]) == (3, 90.0)
    assert expected_kpis(tmp_path, datetime(2026, 3, 10, 9, 0, tzinfo=timezone.utc)) == []


def test_messages_truth_follows_the_kpi_definitions():
    hsn, cmb = load_institutions(2)
    patient = "777"

    def tweet(tweet_id, author, created, timelines, replied_to=None):
        body = {"id": tweet_id, "text": "...", "author_id": author, "created_at": created}
        if replied_to:
            body["referenced_tweets"] = [{"type": "replied_to", "id": replied_to}]
        return {"tweet": body, "mentions_user_ids": timelines}

    tweets = [
        tweet("10", hsn["x_user_id"], "2026-03-10T08:00:00.000Z", []),  # announcement
        tweet("11", patient, "2026-03-10T09:00:00.000Z", [hsn["x_user_id"]], replied_to="10"),  # inbound reply to it
        tweet("12", patient, "2026-03-10T09:05:00.000Z", [hsn["x_user_id"], cmb["x_user_id"]]),  # names both
        tweet("13", "888", "2026-03-10T09:10:00.000Z", [patient], replied_to="11"),  # someone else answers
        tweet("14", hsn["x_user_id"], "2026-03-10T10:00:00.000Z", [patient], replied_to="11"),
        tweet("15", hsn["x_user_id"], "2026-03-10T09:40:00.000Z", [patient], replied_to="11"),  # the first reply
        tweet("16", cmb["x_user_id"], "2026-03-10T23:30:00.000Z", [patient], replied_to="12"),
    ]
    location = f"accounts/{hsn['google_account_id']}/locations/{hsn['google_location_id']}"
    review = {"name": f"{location}/reviews/r1", "createTime": "2026-03-09T23:10:00.000000Z"}
    reviews = [{"location": location, "review": review},
               {"location": location, "review": review | {"reviewReply": {"updateTime": "2026-03-11T08:00:00.000000Z"}}}]
    assert messages_truth([hsn, cmb], tweets, reviews) == [
        {"channel": "x", "institution_id": "cmb", "message_id": "12", "created_at": "2026-03-10T09:05:00.000Z",
         "first_reply_at": "2026-03-10T23:30:00.000Z", "local_date": "2026-03-10", "native_id": "12"},
        {"channel": "google", "institution_id": "hsn", "message_id": f"{location}/reviews/r1", "created_at": "2026-03-09T23:10:00.000000Z",
         "first_reply_at": "2026-03-11T08:00:00.000000Z", "local_date": "2026-03-10", "native_id": f"{location}/reviews/r1"},
        {"channel": "x", "institution_id": "hsn", "message_id": "11", "created_at": "2026-03-10T09:00:00.000Z",
         "first_reply_at": "2026-03-10T09:40:00.000Z", "local_date": "2026-03-10", "native_id": "11"},
        {"channel": "x", "institution_id": "hsn", "message_id": "12", "created_at": "2026-03-10T09:05:00.000Z",
         "first_reply_at": None, "local_date": "2026-03-10", "native_id": "12"},
    ]


# --- Facebook page comments and Instagram comments: graph.json, the data of the fake Graph API ----------

GRAPH_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$")
WINDOW_START = datetime(2026, 3, 10, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def graph(dataset) -> dict:
    return json.loads((dataset / "graph.json").read_text(encoding="utf-8"))


def page_comments(page: dict) -> list[dict]:
    """Every comment of a page, with the post_id the client adds."""
    return [c | {"post_id": post_id} for post_id, comments in page["comments"].items() for c in comments]


def ig_comments(user: dict) -> list[dict]:
    """Every comment and reply of an Instagram account, with the media_id the client adds."""
    media_of = {c["id"]: media_id for media_id, comments in user["comments"].items() for c in comments}
    return [c | {"media_id": media_of[c["id"]]} for comments in user["comments"].values() for c in comments] + \
        [r | {"media_id": media_of[r["parent_id"]]} for replies in user["replies"].values() for r in replies]


def test_graph_data_has_every_institution_page_and_account(graph):
    institutions = load_institutions(5)
    assert list(graph) == ["pages", "ig_users"]
    assert list(graph["pages"]) == [i["facebook_page_id"] for i in institutions]
    assert list(graph["ig_users"]) == [i["instagram_user_id"] for i in institutions]
    for institution in institutions:
        page = graph["pages"][institution["facebook_page_id"]]
        assert page["name"] == institution["institution_name"] and page["posts"] and page["ratings"]
        assert list(page["comments"]) == [p["id"] for p in page["posts"]]
        assert all(p["id"].startswith(institution["facebook_page_id"] + "_") for p in page["posts"])
        user = graph["ig_users"][institution["instagram_user_id"]]
        assert user["page_id"] == institution["facebook_page_id"] and user["replies"]
        assert list(user["comments"]) == [m["id"] for m in user["media"]]
        assert {m["username"] for m in user["media"]} == {user["username"]}


def test_generated_graph_records_pass_the_client_validators(graph):
    for page_id, page in graph["pages"].items():
        comments = page_comments(page)
        assert len(comments) > 100 and [comment_key(c) for c in comments] == [c["id"] for c in comments]
        ratings = [rating_key(r | {"page_id": page_id}) for r in page["ratings"]]
        assert len(ratings) == len(set(ratings))  # a person recommends a page once
    for user in graph["ig_users"].values():
        comments = ig_comments(user)
        assert len(comments) > 50 and [ig_comment_key(c) for c in comments] == [c["id"] for c in comments]
        assert all(re.fullmatch(r"\d+", m["id"]) and m["media_type"] in ("IMAGE", "VIDEO", "CAROUSEL_ALBUM") for m in user["media"])
    ids = [c["id"] for p in graph["pages"].values() for c in page_comments(p)] + \
        [c["id"] for u in graph["ig_users"].values() for c in ig_comments(u)]
    assert len(ids) == len(set(ids))


def test_graph_threads_are_one_level_deep_and_times_whole_seconds(graph):
    for page_id, page in graph["pages"].items():
        posted = {p["id"]: p["created_time"] for p in page["posts"]}
        assert all(GRAPH_TIME.match(t) for t in posted.values())
        for post_id, comments in page["comments"].items():
            by_id = {c["id"]: c for c in comments}
            assert [c["created_time"] for c in comments] == sorted(c["created_time"] for c in comments)
            for comment in comments:
                assert GRAPH_TIME.match(comment["created_time"]) and comment["created_time"] > posted[post_id]
                assert comment["id"].startswith(post_id.split("_")[1] + "_")
                if "parent" in comment:
                    parent = by_id[comment["parent"]["id"]]
                    assert "parent" not in parent and comment["created_time"] > parent["created_time"]
                if comment.get("from", {}).get("id") == page_id:
                    assert comment["from"] == {"id": page_id, "name": page["name"]}
    for user_id, user in graph["ig_users"].items():
        tops = {c["id"]: c for comments in user["comments"].values() for c in comments}
        assert all("parent_id" not in c and GRAPH_TIME.match(c["timestamp"]) for c in tops.values())
        assert all(c["timestamp"] > m["timestamp"] for m in user["media"] for c in user["comments"][m["id"]])
        for parent_id, replies in user["replies"].items():
            for reply in replies:
                assert reply["parent_id"] == parent_id and reply["timestamp"] > tops[parent_id]["timestamp"]
                assert GRAPH_TIME.match(reply["timestamp"]) and reply["hidden"] is False
                assert reply["username"] == reply["from"]["username"]
                if reply["from"]["id"] == user_id:
                    assert reply["from"] == {"id": user_id, "username": user["username"]}
                    assert reply["text"].startswith(f"@{tops[parent_id]['username']} ")


def test_graph_traffic_has_what_the_warehouse_must_tell_apart(graph):
    posts, patients, own, follow_ups, late = [], [], [], [], []
    for page_id, page in graph["pages"].items():
        posts += [parse_graph_time(p["created_time"]) for p in page["posts"]]
        for post in page["posts"]:
            for comment in page["comments"][post["id"]]:
                by_page = comment.get("from", {}).get("id") == page_id
                created = parse_graph_time(comment["created_time"])
                if "parent" not in comment:
                    (own if by_page else patients).append((comment, created - parse_graph_time(post["created_time"])))
                elif not by_page:
                    follow_ups.append(comment)
                elif created >= WINDOW_END:
                    late.append(comment)
    assert min(posts) < WINDOW_START - timedelta(days=14)  # old posts...
    assert any(age > timedelta(days=7) for _, age in patients)  # ...still get comments
    assert all(WINDOW_START <= parse_graph_time(c["created_time"]) < WINDOW_END for c, _ in patients)
    assert 0.08 < sum("from" not in c for c, _ in patients) / len(patients) < 0.22
    assert own and follow_ups and late
    pii = re.compile(r"@(gmail\.com|hotmail\.es|yahoo\.es)|\b6\d\d[ .]?\d")  # the e-mails and phones texts.fill injects
    assert any(pii.search(c["message"]) for c, _ in patients)
    ig = [c for u in graph["ig_users"].values() for cs in u["comments"].values() for c in cs]
    hidden = [c for c in ig if c["hidden"]]
    assert 0.05 < len(hidden) / len(ig) < 0.16
    assert all(c["id"] not in u["replies"] for u in graph["ig_users"].values() for c in hidden)  # spam is hidden, not answered


def test_graph_volumes_and_reply_rates(truth):
    counts = Counter((m["institution_id"], m["channel"]) for m in truth)
    answered = Counter((m["institution_id"], m["channel"]) for m in truth if m["first_reply_at"])
    for institution in load_institutions(5):
        key = institution["institution_id"]
        assert 2 <= counts[key, "facebook"] / 30 <= 9 and 1.5 <= counts[key, "instagram"] / 30 <= 7
        assert 0.2 < answered[key, "facebook"] / counts[key, "facebook"] < 0.95
        assert 0.2 < answered[key, "instagram"] / counts[key, "instagram"] < 0.95
    assert min(counts["hsn", "facebook"], counts["hia", "facebook"]) > max(counts["cmb", "facebook"], counts["cgs", "facebook"])


def test_graph_messages_in_the_truth_are_the_generated_top_level_comments(graph, truth):
    by_channel = {channel: {m["message_id"]: m for m in truth if m["channel"] == channel}
                  for channel in ("facebook", "instagram")}
    patients = {c["id"]: c for page_id, page in graph["pages"].items() for c in page_comments(page)
                if "parent" not in c and c.get("from", {}).get("id") != page_id}
    assert set(by_channel["facebook"]) == set(patients)
    ig = {c["id"]: c for user_id, user in graph["ig_users"].items() for cs in user["comments"].values() for c in cs
          if c["from"]["id"] != user_id}
    assert set(by_channel["instagram"]) == set(ig)
    assert {i for i, m in by_channel["instagram"].items() if m["is_hidden"]} == {i for i, c in ig.items() if c["hidden"]} != set()
    for message in by_channel["facebook"].values():
        assert parse_time(message["created_at"]) == parse_graph_time(patients[message["message_id"]]["created_time"])
        assert message["native_id"] == message["message_id"] and "is_hidden" not in message
    for message in by_channel["instagram"].values():
        assert parse_time(message["created_at"]) == parse_graph_time(ig[message["message_id"]]["timestamp"])


def test_messages_truth_follows_the_graph_definitions():
    hsn = load_institutions(1)[0]
    page_id, account_id = hsn["facebook_page_id"], hsn["instagram_user_id"]
    page = {"id": page_id, "name": hsn["institution_name"]}
    ana, luis = {"id": "501", "name": "Ana"}, {"id": "502", "name": "Luis"}

    def comment(comment_id, minute, author, parent=None):
        body = {"id": f"9_{comment_id}", "created_time": f"2026-03-10T{9 + minute // 60:02d}:{minute % 60:02d}:00+0000",
                "message": "..."}
        if author:
            body["from"] = author
        if parent:
            body["parent"] = {"id": f"9_{parent}"}
        return body

    comments = [
        comment(10, 0, ana),  # a message
        comment(11, 15, luis, parent=10),  # someone else answers: not a response
        comment(12, 30, ana, parent=10),  # a follow-up: not a message
        comment(13, 120, page, parent=10),  # the page answers again
        comment(14, 60, page, parent=10),  # the first response, listed out of order
        comment(20, 180, None),  # no `from`: a patient, never answered
        comment(30, -30, page),  # the page's own top-level comment: not a message
        comment(31, -20, ana, parent=30),  # a patient's answer to it: not a message either
    ]
    pages = {page_id: {"name": page["name"], "posts": [{"id": f"{page_id}_9", "created_time": "2026-03-09T08:00:00+0000"}],
                       "comments": {f"{page_id}_9": comments},
                       "ratings": [{"created_time": "2026-03-10T09:00:00+0000", "recommendation_type": "negative",
                                    "reviewer": luis}]}}  # a rating is no message

    def ig(comment_id, minute, author, parent=None, hidden=False):
        body = {"id": str(comment_id), "text": "...", "timestamp": f"2026-03-10T{9 + minute // 60:02d}:{minute % 60:02d}:00+0000",
                "username": author, "from": {"id": author.removeprefix("u"), "username": author}}
        if parent:
            body["parent_id"] = str(parent)
        return body | {"hidden": hidden}

    account = f"u{account_id}"
    ig_users = {account_id: {"username": account, "page_id": page_id,
                             "media": [{"id": "180", "timestamp": "2026-03-09T08:00:00+0000"}],
                             "comments": {"180": [ig(171, 0, "u601", hidden=True), ig(172, 10, "u602"), ig(173, 5, account)]},
                             "replies": {"172": [ig(181, 20, "u602", parent=172), ig(182, 90, account, parent=172),
                                                 ig(183, 45, account, parent=172)]}}}
    assert messages_truth([hsn], [], [], {"pages": pages, "ig_users": ig_users}) == [
        {"channel": "facebook", "institution_id": "hsn", "message_id": "9_10", "created_at": "2026-03-10T09:00:00.000Z",
         "first_reply_at": "2026-03-10T10:00:00.000Z", "local_date": "2026-03-10", "native_id": "9_10"},
        {"channel": "facebook", "institution_id": "hsn", "message_id": "9_20", "created_at": "2026-03-10T12:00:00.000Z",
         "first_reply_at": None, "local_date": "2026-03-10", "native_id": "9_20"},
        {"channel": "instagram", "institution_id": "hsn", "message_id": "171", "created_at": "2026-03-10T09:00:00.000Z",
         "first_reply_at": None, "local_date": "2026-03-10", "native_id": "171", "is_hidden": True},
        {"channel": "instagram", "institution_id": "hsn", "message_id": "172", "created_at": "2026-03-10T09:10:00.000Z",
         "first_reply_at": "2026-03-10T09:45:00.000Z", "local_date": "2026-03-10", "native_id": "172", "is_hidden": False},
    ]


def test_channels_come_from_the_seed():
    with (config.SEEDS_DIR / "channels.csv").open(newline="") as seed:
        assert channel_ids() == tuple(sorted(row["channel_id"] for row in csv.DictReader(seed))) == (
            "facebook", "google", "instagram", "x")


def test_generation_covers_every_institution_and_rejects_bad_arguments(tmp_path):
    # its speed is measured in bench/, never asserted here (a loaded machine is not a slow generator)
    out = generate(tmp_path / "all", institutions=len(load_institutions()))  # all 8, with the marts truth
    assert json.loads((out / "manifest.json").read_text())["institutions"] == [i["institution_id"] for i in load_institutions()]
    assert (out / "truth_interactions.jsonl").stat().st_size > 0
    with pytest.raises(ValueError):
        generate(tmp_path / "bad", institutions=len(load_institutions()) + 1)
    with pytest.raises(ValueError):
        generate(tmp_path / "bad", days=0)


# --- business hours, SLA and the response marts (docs/metrics.md), computed by hand -------------

def utc(*parts) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


def business(institution_id: str, channel: str, a: datetime, b: datetime) -> float:
    return load_seeds().hours(institution_id, channel).business_minutes(a, b)


@pytest.mark.parametrize("institution_id, channel, created, replied, minutes", [
    # Fri 13 Mar 19:00 CET -> Mon 16 Mar 09:30 CET, Mon-Fri 08-20: 60 on Friday + 90 on Monday
    ("hsn", "google", utc(2026, 3, 13, 18), utc(2026, 3, 16, 8, 30), 150),
    # Fri 27 Mar 19:30 CET -> Mon 30 Mar 08:45 CEST (spring forward on Sunday 29 Mar): 30 + 45
    ("hsn", "google", utc(2026, 3, 27, 18, 30), utc(2026, 3, 30, 6, 45), 75),
    # X of hsn is also open at weekends 10-14: Sat 24 Oct 13:00 CEST -> Mon 26 Oct 08:30 CET (fall back on Sunday 25):
    # 60 on Saturday + 240 on Sunday (10-14 CET = 09-13 UTC) + 30 on Monday
    ("hsn", "x", utc(2026, 10, 24, 11), utc(2026, 10, 26, 7, 30), 330),
    # Wed 1 Apr 19:00 CEST -> Mon 6 Apr 09:00 CEST across Maundy Thursday and Good Friday (Madrid): 60 + 60
    ("hsn", "google", utc(2026, 4, 1, 17), utc(2026, 4, 6, 7), 120),
    # cmr (08:30-15:30) across its local holiday on Wed 25 Mar: Tue 15:00 CET -> Thu 09:00 CET: 30 + 30
    ("cmr", "x", utc(2026, 3, 24, 14), utc(2026, 3, 26, 8), 60),
    # after hours: Tue 21:00 -> 22:30 CET, closed at 20:00
    ("hsn", "google", utc(2026, 3, 10, 20), utc(2026, 3, 10, 21, 30), 0),
    # within the same minute: 40 seconds
    ("hsn", "google", utc(2026, 3, 10, 10, 15, 5), utc(2026, 3, 10, 10, 15, 45), 40 / 60),
    # split shift of cmb (09-14, 16-19) before 25 Mar: Mon 16 Mar 13:00 -> 17:00 CET: 60 + 60
    ("cmb", "x", utc(2026, 3, 16, 12), utc(2026, 3, 16, 16), 120),
    # from 25 Mar cmb opens 09-19 without a break: Wed 25 Mar 13:00 -> 17:00 CET
    ("cmb", "x", utc(2026, 3, 25, 12), utc(2026, 3, 25, 16), 240),
    # the day before the change still has the break
    ("cmb", "google", utc(2026, 3, 24, 12), utc(2026, 3, 24, 16), 120),
    # channel-specific rows: X of hsn is open 08-22 on weekdays, Google (all) 08-20: Tue 19:00 -> 21:30 CET
    ("hsn", "x", utc(2026, 3, 10, 18), utc(2026, 3, 10, 20, 30), 150),
    ("hsn", "google", utc(2026, 3, 10, 18), utc(2026, 3, 10, 20, 30), 60),
    # hcm's Google desk opens Mon, Wed, Fri 09-14 only; its X follows the 08-20 weekday rows
    ("hcm", "google", utc(2026, 3, 10, 8), utc(2026, 3, 10, 12), 0),
    ("hcm", "x", utc(2026, 3, 10, 8), utc(2026, 3, 10, 12), 240),
    # Atlantic/Canary: Mon 30 Mar 08:00-20:00 WEST = 07:00-19:00 UTC
    ("hia", "x", utc(2026, 3, 30, 6), utc(2026, 3, 30, 8), 60),
])
def test_business_minutes_by_hand(institution_id, channel, created, replied, minutes):
    assert business(institution_id, channel, created, replied) == pytest.approx(minutes, abs=1e-9)


def test_open_intervals_follow_the_zone_rules_of_each_date():
    hours = load_seeds().hours("hsn", "x")
    assert hours.intervals(date(2026, 3, 28)) == [(utc(2026, 3, 28, 9), utc(2026, 3, 28, 13))]  # 10-14 CET
    assert hours.intervals(date(2026, 3, 29)) == [(utc(2026, 3, 29, 8), utc(2026, 3, 29, 12))]  # 10-14 CEST
    assert hours.intervals(date(2026, 10, 25)) == [(utc(2026, 10, 25, 9), utc(2026, 10, 25, 13))]
    assert load_seeds().hours("hsn", "google").intervals(date(2026, 3, 29)) == []
    assert load_seeds().hours("hsn", "x").intervals(date(2026, 4, 2)) == []  # Maundy Thursday, Madrid
    assert load_seeds().hours("cmb", "x").intervals(date(2026, 4, 2)) != []  # not a holiday in Catalonia
    assert load_seeds().hours("cmb", "x").intervals(date(2026, 4, 6)) == []  # Easter Monday is


def test_sla_policy_and_breach_instants():
    seeds = load_seeds()
    assert seeds.policy("hsn", "x", date(2026, 3, 25)).target_minutes == 120
    assert seeds.policy("hsn", "x", date(2026, 3, 26)).target_minutes == 60
    hsn_x = seeds.hours("hsn", "x")
    # 120 business minutes from Tue 21:00 CET: 60 until 22:00, then 60 from Wed 08:00 -> Wed 09:00 CET
    assert hsn_x.deadline(utc(2026, 3, 10, 20), 120) == utc(2026, 3, 11, 8)
    # reached exactly at closing time: the breach is the closing instant, not the next opening
    assert hsn_x.deadline(utc(2026, 3, 10, 19), 120) == utc(2026, 3, 10, 21)
    # cgs Google, 600 business minutes from a Saturday: Mon 09-14 + 17-20 (480), Tue 09:00-11:00 CET
    assert seeds.hours("cgs", "google").deadline(utc(2026, 3, 14, 12), 600) == utc(2026, 3, 17, 10)
    # across the spring-forward weekend: Fri 27 Mar 19:00 CET + 120 -> 60 on Friday, Mon 30 Mar 09:00 CEST
    assert seeds.hours("hsn", "google").deadline(utc(2026, 3, 27, 18), 120) == utc(2026, 3, 30, 7)


def write_dataset(folder: Path, institutions: list[str], messages: list[tuple]) -> Path:
    """messages: (channel, institution_id, native id, created_at, first_reply_at or None)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manifest.json").write_text(json.dumps({"institutions": institutions}))
    zones = {i["institution_id"]: i["time_zone"] for i in load_institutions()}
    lines = []
    for channel, institution_id, native_id, created, replied in messages:
        local_date = parse_time(created).astimezone(ZoneInfo(zones[institution_id])).date().isoformat()
        lines.append({"channel": channel, "institution_id": institution_id, "message_id": native_id, "created_at": created,
                      "first_reply_at": replied, "local_date": local_date, "native_id": native_id})
    (folder / "messages_truth.jsonl").write_text("".join(json.dumps(m) + "\n" for m in lines))
    return folder


AS_OF = utc(2026, 3, 13, 12)  # Friday 13:00 in Madrid


@pytest.fixture(scope="module")
def handmade(tmp_path_factory) -> dict:
    folder = write_dataset(tmp_path_factory.mktemp("handmade"), ["hsn", "cmb"], [
        ("google", "hsn", "g1", "2026-03-10T10:00:00.000000Z", "2026-03-12T09:00:00.000000Z"),  # answered two days later
        ("x", "hsn", "1", "2026-03-10T09:00:00.000Z", "2026-03-10T09:10:00.000Z"),
        ("x", "hsn", "2", "2026-03-10T09:00:00.000Z", "2026-03-10T09:20:00.000Z"),
        ("x", "hsn", "3", "2026-03-10T09:00:00.000Z", "2026-03-10T09:30:00.000Z"),
        ("x", "hsn", "4", "2026-03-10T09:00:00.000Z", "2026-03-10T09:40:00.000Z"),
        ("x", "hsn", "5", "2026-03-10T20:00:00.000Z", None),  # Tue 21:00 CET, never answered
        ("x", "hsn", "6", "2026-03-10T12:00:00.000Z", "2026-03-10T11:59:00.000Z"),  # clock skew
        ("x", "hsn", "7", "2026-03-13T11:00:00.000Z", "2026-03-13T13:00:00.000Z"),  # reply after the as-of instant
        ("x", "hsn", "8", "2026-03-13T12:00:00.000Z", None),  # created at the as-of instant: not visible
    ])
    return expected_marts(folder, AS_OF)


def test_interactions_by_hand(handmade):
    rows = {r["native_id"]: r for r in handmade["interactions"]}
    assert set(rows) == {"g1", "1", "2", "3", "4", "5", "6", "7"}
    assert rows["g1"] == {
        "channel": "google", "institution_id": "hsn", "native_id": "g1", "local_date": date(2026, 3, 10), "is_answered": True,
        "first_response_at": utc(2026, 3, 12, 9), "has_clock_skew": False, "first_response_minutes": 2820.0,
        # Tue 11:00-20:00 (540) + Wed 08-20 (720) + Thu 08:00-10:00 (120)
        "first_response_business_minutes": 1380.0, "sla_target_minutes": 2880, "sla_time_basis": "calendar",
        "sla_breach_at": utc(2026, 3, 12, 10), "sla_status": "achieved", "sla_elapsed_minutes": 2820.0,
        "deleted_at": None, "is_deleted": False}
    assert rows["5"] == {
        "channel": "x", "institution_id": "hsn", "native_id": "5", "local_date": date(2026, 3, 10), "is_answered": False,
        "first_response_at": None, "has_clock_skew": False, "first_response_minutes": None,
        "first_response_business_minutes": None, "sla_target_minutes": 120, "sla_time_basis": "business",
        "sla_breach_at": utc(2026, 3, 11, 8), "sla_status": "breached",
        # business minutes to the as-of instant: 60 (Tue) + 840 (Wed 08-22) + 840 (Thu) + 300 (Fri 08:00-13:00)
        "sla_elapsed_minutes": 2040.0, "deleted_at": None, "is_deleted": False}
    assert (rows["6"]["is_answered"], rows["6"]["has_clock_skew"], rows["6"]["first_response_minutes"],
            rows["6"]["first_response_business_minutes"], rows["6"]["sla_breach_at"], rows["6"]["sla_status"],
            rows["6"]["sla_elapsed_minutes"], rows["6"]["sla_target_minutes"]) == (True, True, None, None, None, None, None, None)
    # the reply at 13:00 UTC is after the as-of instant: unknown, so pending (breach Fri 14:00 CET = 13:00 UTC)
    assert (rows["7"]["is_answered"], rows["7"]["first_response_at"], rows["7"]["sla_breach_at"], rows["7"]["sla_status"],
            rows["7"]["sla_elapsed_minutes"]) == (False, None, utc(2026, 3, 13, 13), "pending", 60.0)
    assert [rows[n]["sla_status"] for n in "1234"] == ["achieved"] * 4


def test_sla_status_moves_from_pending_to_breached_with_the_as_of(tmp_path):
    folder = write_dataset(tmp_path, ["hsn"], [("x", "hsn", "5", "2026-03-10T20:00:00.000Z", "2026-03-11T08:00:00.000Z")])
    status = {as_of: expected_marts(folder, as_of)["interactions"][0]["sla_status"]
              for as_of in (utc(2026, 3, 11, 7, 59), utc(2026, 3, 11, 8), utc(2026, 3, 11, 8, 0, 1))}
    # the reply at the breach instant is achieved once known; before it is known, pending until the breach instant
    assert status == {utc(2026, 3, 11, 7, 59): "pending", utc(2026, 3, 11, 8): "pending", utc(2026, 3, 11, 8, 0, 1): "achieved"}
    late = write_dataset(tmp_path / "late", ["hsn"], [("x", "hsn", "5", "2026-03-10T20:00:00.000Z", None)])
    assert expected_marts(late, utc(2026, 3, 11, 8))["interactions"][0]["sla_status"] == "pending"
    assert expected_marts(late, utc(2026, 3, 11, 8, 0, 1))["interactions"][0]["sla_status"] == "breached"


def test_backlog_by_hand(handmade):
    rows = [(r["native_id"], r["date_day"].isoformat(), r["age_minutes"], r["is_past_sla"]) for r in handmade["backlog_daily"]
            if r["institution_id"] == "hsn"]
    assert sorted(rows) == sorted([
        ("g1", "2026-03-10", 780.0, False), ("g1", "2026-03-11", 2220.0, False),  # answered Thu 10:00 CET
        ("5", "2026-03-10", 180.0, False), ("5", "2026-03-11", 1620.0, True), ("5", "2026-03-12", 3060.0, True),
        ("5", "2026-03-13", 3840.0, True),  # the as-of day ends at the as-of instant
        ("7", "2026-03-13", 60.0, False),
    ])
    assert {r["channel"] for r in handmade["backlog_daily"] if r["native_id"] == "g1"} == {"google"}


def test_backlog_days_across_the_dst_change(tmp_path):
    folder = write_dataset(tmp_path, ["cmb"], [("google", "cmb", "r", "2026-03-28T12:00:00.000000Z", None)])
    rows = expected_marts(folder, utc(2026, 3, 30, 6))["backlog_daily"]
    # Sunday 29 March lasts 23 hours: it ends at 22:00 UTC
    assert [(r["date_day"], r["age_minutes"], r["is_past_sla"]) for r in rows] == [
        (date(2026, 3, 28), 660.0, False), (date(2026, 3, 29), 2040.0, False), (date(2026, 3, 30), 2520.0, False)]


def test_backlog_expiry_by_hand(tmp_path):
    """docs/metrics.md#backlog with a maximum age of 2 days, in Madrid (CET, UTC+1), as of Mon 16 March 12:00 UTC."""
    folder = write_dataset(tmp_path, ["hsn"], [
        ("x", "hsn", "old", "2026-03-10T10:00:00.000Z", None),                         # expires Thu 12 10:00 UTC
        ("x", "hsn", "late", "2026-03-10T10:00:00.000Z", "2026-03-13T09:00:00.000Z"),  # answered after its expiry
        ("x", "hsn", "tie", "2026-03-10T11:00:00.000Z", "2026-03-12T11:00:00.000Z"),   # answered at its expiry
        ("x", "hsn", "midnight", "2026-03-10T23:00:00.000Z", None),  # Wed 00:00 CET: expires as Thursday ends
        ("x", "hsn", "young", "2026-03-15T10:00:00.000Z", None),     # still waiting at the as-of instant
    ])
    marts = expected_marts(folder, utc(2026, 3, 16, 12), max_age_days=2)
    intervals = {r["native_id"]: (r["closed_at"], r["close_reason"], r["expires_at"]) for r in marts["backlog_intervals"]}
    assert intervals == {"old": (utc(2026, 3, 12, 10), "expired", utc(2026, 3, 12, 10)),
                         "late": (utc(2026, 3, 12, 10), "expired", utc(2026, 3, 12, 10)),
                         "tie": (utc(2026, 3, 12, 11), "answered", utc(2026, 3, 12, 11)),
                         "midnight": (utc(2026, 3, 12, 23), "expired", utc(2026, 3, 12, 23)),
                         "young": (None, None, utc(2026, 3, 17, 10))}
    rows = sorted((r["native_id"], r["date_day"].day, r["age_minutes"]) for r in marts["backlog_daily"])
    assert rows == [("late", 10, 780.0), ("late", 11, 2220.0),
                    ("midnight", 11, 1440.0),   # its expiry is the end of Thursday: out of Thursday's backlog
                    ("old", 10, 780.0), ("old", 11, 2220.0),
                    ("tie", 10, 720.0), ("tie", 11, 2160.0),
                    ("young", 15, 780.0), ("young", 16, 1560.0)]   # the as-of day ends at the as-of instant
    # the reply after the expiry still answers "late" for the response KPIs of its day
    late = next(r for r in marts["interactions"] if r["native_id"] == "late")
    assert (late["is_answered"], late["first_response_minutes"], late["sla_status"]) == (True, 4260.0, "breached")
    tuesday = next(r for r in marts["kpis_daily"] if (r["channel"], r["period_start"]) == ("x", date(2026, 3, 10)))
    assert (tuesday["inbound"], tuesday["answered"], tuesday["backlog_expired"]) == (3, 2, 0)
    # expired on the local day of the expiry: Thursday 12 ("old", "late"), Friday 13 00:00 CET ("midnight")
    expired = {r["period_start"]: r["backlog_expired"] for r in marts["kpis_daily"] if r["channel"] == "x"}
    assert {day.day: n for day, n in expired.items() if n} == {12: 2, 13: 1}
    assert [r["backlog_expired"] for r in marts["kpis_weekly"] if r["channel"] == "x"] == [3]   # the week of Mon 9 (to Sun 15)
    assert [r["backlog_expired"] for r in marts["kpis_monthly"] if r["channel"] == "x"] == [3]
    # at the expiry instant itself it has expired; a second earlier it is still waiting
    assert expected_marts(folder, utc(2026, 3, 12, 10), max_age_days=2)["backlog_intervals"][0]["close_reason"] == "expired"
    assert expected_marts(folder, utc(2026, 3, 12, 9, 59, 59), max_age_days=2)["backlog_intervals"][0]["closed_at"] is None


def test_an_expiry_after_the_last_message_day_is_still_counted(tmp_path):
    folder = write_dataset(tmp_path, ["hsn"], [("google", "hsn", "r", "2026-03-10T10:00:00.000000Z", None)])
    marts = expected_marts(folder, utc(2026, 3, 20), max_age_days=2)
    daily = {r["period_start"]: r for r in marts["kpis_daily"] if r["channel"] == "google"}
    # the reporting days reach Thursday 12, the day it expired, though no message was written after Tuesday
    assert sorted(daily) == [date(2026, 3, 10), date(2026, 3, 11), date(2026, 3, 12)]
    assert [(daily[d]["inbound"], daily[d]["backlog_end"], daily[d]["backlog_expired"]) for d in sorted(daily)] == [
        (1, 1, 0), (0, 1, 0), (0, 0, 1)]


def test_the_maximum_age_bounds_the_backlog_rows_of_a_generated_week(dataset):
    """Every message has at most max_age + 1 backlog rows, all younger than the maximum age; the default is the
    dbt var (dbt_project.yml)."""
    from webcare.generator.marts import backlog_max_age_days

    assert backlog_max_age_days() == 30
    for max_age in (1, 2, 3):
        marts = expected_marts(dataset, WINDOW_END, max_age_days=max_age)
        per_message = Counter((r["channel"], r["institution_id"], r["native_id"]) for r in marts["backlog_daily"])
        assert max(per_message.values()) <= max_age + 1
        assert max(r["age_minutes"] for r in marts["backlog_daily"]) < max_age * 1440
        expired = sum(r["close_reason"] == "expired" for r in marts["backlog_intervals"])
        assert expired > 0 and sum(r["backlog_expired"] for r in marts["kpis_daily"]) == expired


def test_percentile_cont_interpolates():
    assert percentile_cont([40, 10, 30, 20], 0.5) == 25
    assert percentile_cont([10, 20, 30, 40], 0.9) == pytest.approx(37)
    assert percentile_cont([5], 0.9) == 5
    assert percentile_cont([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9) == 10
    assert percentile_cont([], 0.5) is None


def test_kpis_by_hand(handmade):
    daily = {(r["institution_id"], r["channel"], r["period_start"]): r for r in handmade["kpis_daily"]}
    assert len(handmade["kpis_daily"]) == 2 * 4 * 4  # hsn and cmb, every channel of the seed (even without messages), 10-13 March
    assert daily["hsn", "x", date(2026, 3, 10)] == pytest.approx({
        "institution_id": "hsn", "channel": "x", "period_start": date(2026, 3, 10), "inbound": 6, "answered": 5,
        "response_rate": 5 / 6, "median_first_response_minutes": 25.0, "p90_first_response_minutes": 37.0,
        "median_first_response_business_minutes": 25.0, "p90_first_response_business_minutes": 37.0,
        "sla_measured": 5, "sla_achieved": 4, "pct_within_sla": 0.8, "sla_pending": 0, "sla_no_schedule": 0,
        "backlog_end": 1, "backlog_end_past_sla": 0, "backlog_expired": 0})
    assert (daily["hsn", "google", date(2026, 3, 11)]["inbound"], daily["hsn", "google", date(2026, 3, 11)]["backlog_end"]) == (0, 1)
    empty = daily["cmb", "x", date(2026, 3, 12)]
    assert (empty["inbound"], empty["response_rate"], empty["median_first_response_minutes"], empty["pct_within_sla"],
            empty["backlog_end"]) == (0, None, None, None, 0)
    weekly = {(r["institution_id"], r["channel"]): r for r in handmade["kpis_weekly"]}
    assert {r["period_start"] for r in handmade["kpis_weekly"]} == {date(2026, 3, 9)}
    hsn_x = weekly["hsn", "x"]
    # the week is not over: its backlog is the as-of day's ("5" past its SLA, "7" pending)
    # "7" is pending: published beside pct_within_sla, which leaves it out (4 of 5 measured, 1 pending)
    assert (hsn_x["sla_achieved"], hsn_x["sla_pending"], hsn_x["pct_within_sla"]) == (4, 1, 0.8)
    assert (hsn_x["inbound"], hsn_x["answered"], hsn_x["sla_measured"], hsn_x["backlog_end"], hsn_x["backlog_end_past_sla"]) \
        == (7, 5, 5, 2, 1)
    assert weekly["hsn", "google"]["median_first_response_business_minutes"] == 1380.0
    monthly = [r for r in handmade["kpis_monthly"] if (r["institution_id"], r["channel"]) == ("hsn", "x")]
    assert [(r["period_start"], r["inbound"], r["backlog_end"]) for r in monthly] == [(date(2026, 3, 1), 7, 2)]


def test_period_backlog_uses_the_last_day_of_a_finished_period(tmp_path):
    # answered on Tuesday 17 March: in the backlog at the end of Sunday 15, the last day of its week
    folder = write_dataset(tmp_path, ["hsn"], [("google", "hsn", "a", "2026-03-13T10:00:00.000000Z", "2026-03-17T09:00:00.000000Z"),
                                              ("google", "hsn", "b", "2026-03-17T10:00:00.000000Z", None)])
    weekly = {r["period_start"]: r for r in expected_marts(folder, utc(2026, 3, 18, 12))["kpis_weekly"] if r["channel"] == "google"}
    assert (weekly[date(2026, 3, 9)]["backlog_end"], weekly[date(2026, 3, 9)]["backlog_end_past_sla"]) == (1, 1)
    assert (weekly[date(2026, 3, 16)]["backlog_end"], weekly[date(2026, 3, 16)]["backlog_end_past_sla"]) == (1, 0)


def test_generated_replies_follow_the_seeded_schedules(truth):
    seeds = load_seeds()
    answered = [(m, parse_time(m["created_at"]), parse_time(m["first_reply_at"])) for m in truth if m["first_reply_at"]]
    inside = sum(seeds.hours(m["institution_id"], m["channel"]).is_open(reply) for m, _, reply in answered)
    assert 0.7 < inside / len(answered) < 0.97  # mostly inside open hours, some after hours
    local = [(m, created.astimezone(seeds.zone(m["institution_id"])).date(), reply.astimezone(seeds.zone(m["institution_id"])).date())
             for m, created, reply in answered]
    across_weekend = [m for m, first, last in local
                      if any((first + timedelta(days=n)).isoweekday() == 6 for n in range(1, (last - first).days))]
    spring_forward = utc(2026, 3, 29, 1)
    across_dst = [m for m, created, reply in answered if created < spring_forward <= reply]
    across_holiday = [m for m, first, last in local
                      if any(first + timedelta(days=n) in seeds.closed[m["institution_id"]] for n in range(1, (last - first).days))]
    same_minute = [m for m, created, reply in answered if timedelta(seconds=10) <= reply - created <= timedelta(seconds=50)]
    assert min(len(across_weekend), len(across_dst), len(across_holiday), len(same_minute)) > 0
    assert {m["channel"] for m in across_holiday} == set(channel_ids())


def test_generated_marts_agree_with_the_ground_truth(dataset, truth):
    marts = expected_marts(dataset, WINDOW_END)
    assert len(marts["interactions"]) == len(truth)
    assert {r["sla_status"] for r in marts["interactions"]} == {"achieved", "breached", "pending", "deleted"}
    for row in marts["interactions"]:
        if row["is_answered"]:
            assert 0 <= row["first_response_business_minutes"] <= row["first_response_minutes"]
    with (dataset / "ground_truth.csv").open(newline="") as lines:
        ground = {(r["institution_id"], r["channel"], r["day"]): r for r in csv.DictReader(lines)}
    daily = marts["kpis_daily"]
    assert len(daily) == len(ground)
    for row in daily:
        other = ground[row["institution_id"], row["channel"], row["period_start"].isoformat()]
        assert (row["inbound"], row["answered"]) == (int(other["inbound"]), int(other["answered"]))
        if row["median_first_response_minutes"] is not None:
            assert row["median_first_response_minutes"] == pytest.approx(float(other["median_first_response_minutes"]))
    with (dataset / "truth_kpis_weekly.csv").open(newline="") as lines:
        written = list(csv.DictReader(lines))
    assert [(r["institution_id"], r["channel"], r["period_start"], int(r["backlog_end"])) for r in written] == [
        (r["institution_id"], r["channel"], r["period_start"].isoformat(), r["backlog_end"]) for r in marts["kpis_weekly"]]
    assert len(read_jsonl(dataset / "truth_backlog_daily.jsonl")) == len(marts["backlog_daily"]) > 0


def test_the_dataset_carries_a_sample_export_whose_truth_the_reader_agrees_with(tmp_path):
    from webcare.generator import generate
    from webcare.imports import load_mapping, read_file, split

    out = generate(tmp_path / "data", institutions=2, days=3, start=date(2026, 3, 23), seed=5)
    export = out / "exports" / "twcs_hsn.csv"
    truth = json.loads(export.with_suffix(".truth.json").read_text(encoding="utf-8"))
    records, rejections = split(read_file(export, load_mapping("customer_support_on_twitter"),
                                          constants={"account_id": "hsn"}))
    by_reader = sorted(r["line"] for r in truth["rejected"] if r["raw"] is not None)
    assert sorted(r.line for r in rejections) == by_reader and by_reader
    assert len(records) == len(truth["records"]) + len(truth["rejected"]) - len(by_reader)
    written = sorted(m["created_at"] for m in truth["messages"])  # the week before the window (a follow-up may spill)
    assert "2026-03-16" <= written[0] and written[-1] < "2026-03-24" and written[len(written) // 2] < "2026-03-23"


def test_the_awkward_cases_of_real_clocks_are_generated(tweets, reviews, truth, dataset):
    """After-cutoff posts at every midnight inside the window, a Google reply three weeks late and
    edited mentions, each in the truth by the documented definitions (docs/metrics.md)."""
    manifest = json.loads((dataset / "manifest.json").read_text())
    start, end = parse_time(manifest["window_start"]), parse_time(manifest["window_end"])
    midnights = [start + timedelta(days=n) for n in range(1, (end - start).days)]
    for channel in ("x", "google"):
        created = [parse_time(m["created_at"]) for m in truth if m["channel"] == channel]
        assert all(any(m <= c < m + timedelta(minutes=10) for c in created) for m in midnights), channel
    late = [m for m in truth if m["channel"] == "google" and m["first_reply_at"]
            and parse_time(m["first_reply_at"]) - parse_time(m["created_at"]) > timedelta(days=21)]
    assert len(late) == 1
    edits = [line for line in tweets if line["tweet"]["id"] != line["tweet"]["edit_history_tweet_ids"][0]]
    assert len(edits) == 3
    x_ids = {m["native_id"] for m in truth if m["channel"] == "x"}
    for line in edits:
        first, edit = line["tweet"]["edit_history_tweet_ids"]
        assert first in x_ids and edit not in x_ids  # one message per edited post, its first id
        superseded = [t for t in tweets if t["tweet"]["id"] == first][0]["superseded_at"]
        assert superseded == line["tweet"]["created_at"]


# --- calendar and KPI edges (docs/metrics.md "Calendar", "Business hours", "SLA") ----------------

def test_public_holidays_come_from_the_package_for_any_year():
    seeds = load_seeds()
    # no seed lists these years: San José in Valencia 2019, Diada in Catalonia 2031, Epiphany 2040 everywhere
    assert date(2019, 3, 19) in seeds.closed["cmv"] and date(2019, 3, 19) not in seeds.closed["hsn"]
    assert date(2031, 9, 11) in seeds.closed["cmb"]
    assert all(date(2040, 1, 6) in seeds.closed[i["institution_id"]] for i in load_institutions())
    assert load_seeds().hours("cmb", "x").intervals(date(2031, 9, 11)) == []


def test_before_the_first_schedule_business_time_is_unknown(tmp_path):
    from webcare.generator.edges import calendar_edges

    edges = calendar_edges(tmp_path / "edges")
    folder = write_dataset(tmp_path / "data", ["hsn", "hcm"], [
        ("x", "hsn", "old", "2023-12-29T10:00:00.000Z", "2024-01-02T08:00:00.000Z"),    # before hsn's schedule
        ("x", "hsn", "old_open", "2023-12-30T10:00:00.000Z", None),
        ("x", "hsn", "new", "2024-01-02T08:00:00.000Z", "2024-01-02T09:00:00.000Z"),    # Tue 09:00 CET: 60
        ("x", "hcm", "calendar", "2023-12-29T10:00:00.000Z", "2023-12-29T11:00:00.000Z"),
        ("x", "hcm", "calendar_open", "2024-01-04T08:00:00.000Z", None),                # pending at the as-of
    ])
    marts = expected_marts(folder, utc(2024, 1, 4, 9), edges.seeds_dir)
    rows = {r["native_id"]: r for r in marts["interactions"]}
    for name in ("old", "old_open"):   # a business policy (2023-01-01) and no schedule (from 2024-01-01)
        assert (rows[name]["first_response_business_minutes"], rows[name]["sla_target_minutes"],
                rows[name]["sla_time_basis"], rows[name]["sla_breach_at"], rows[name]["sla_status"],
                rows[name]["sla_elapsed_minutes"]) == (None, 120, "business", None, "no_schedule", None)
    assert rows["old"]["first_response_minutes"] == 4 * 1440 - 120
    assert (rows["new"]["first_response_business_minutes"], rows["new"]["sla_status"]) == (60.0, "achieved")
    # calendar basis: measured without a schedule, business minutes unknown
    assert (rows["calendar"]["first_response_business_minutes"], rows["calendar"]["sla_status"],
            rows["calendar"]["sla_elapsed_minutes"]) == (None, "achieved", 60.0)
    assert rows["calendar_open"]["sla_status"] == "pending"
    weekly = {(r["institution_id"], r["period_start"]): r for r in marts["kpis_weekly"] if r["channel"] == "x"}
    hsn = weekly["hsn", date(2023, 12, 25)]
    assert (hsn["inbound"], hsn["sla_measured"], hsn["sla_no_schedule"], hsn["sla_pending"], hsn["pct_within_sla"],
            hsn["median_first_response_business_minutes"]) == (2, 0, 2, 0, None, None)
    hcm = weekly["hcm", date(2024, 1, 1)]
    assert (hcm["sla_measured"], hcm["sla_pending"], hcm["pct_within_sla"]) == (0, 1, None)


def test_the_calendar_edges_scenario_has_every_case(tmp_path):
    from webcare.generator.edges import EXPORTS, add_mid_history_holiday, add_schedule_version, calendar_edges

    edges = calendar_edges(tmp_path / "edges")
    assert set(edges.exports) == set(EXPORTS)
    years = {m["local_date"][:4] for m in edges.messages()}
    assert {"2019", "2023", "2024", "2029"} <= years
    before = expected_marts(edges.write_truth("hsn_2023", "hcm_2023", "cmv_2019"), utc(2026, 12, 1), edges.seeds_dir)
    statuses = {r["sla_status"] for r in before["interactions"]}
    assert {"achieved", "breached", "no_schedule"} <= statuses
    add_mid_history_holiday(edges.seeds_dir)
    add_schedule_version(edges.seeds_dir)
    after = expected_marts(edges.truth_dir, utc(2026, 12, 1), edges.seeds_dir)
    changed = {r["institution_id"] for r, old in zip(after["interactions"], before["interactions"])
               if r["first_response_business_minutes"] != old["first_response_business_minutes"]}
    assert changed == {"hsn", "cmv"}   # the holiday (hsn) and the new schedule (cmv) move business minutes


def test_a_one_row_overnight_shift_is_refused_like_the_seed_test_refuses_it(tmp_path):
    from webcare.generator.edges import add_overnight_shift, calendar_edges, remove_overnight_shift
    from webcare.generator.hours import Seeds

    edges = calendar_edges(tmp_path / "edges")
    add_overnight_shift(edges.seeds_dir)
    with pytest.raises(ValueError, match="closes at or before it opens"):
        Seeds(edges.seeds_dir)
    remove_overnight_shift(edges.seeds_dir)
    assert Seeds(edges.seeds_dir).hours("hsn", "x").intervals(date(2024, 1, 8))  # the seed as it was
