import csv
import json
import os
import re
import subprocess
import sys
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from webcare.generator import expected_kpis, generate
from webcare.generator.institutions import load_institutions
from webcare.generator.snowflake import snowflake_ms
from webcare.generator.times import parse_time
from webcare.generator.truth import messages_truth

WINDOW_END = datetime(2026, 4, 9, tzinfo=timezone.utc)
FILES = ("manifest.json", "x_users.jsonl", "x_tweets.jsonl", "google_reviews.jsonl", "messages_truth.jsonl", "ground_truth.csv")


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
        assert tweet["edit_history_tweet_ids"] == [tweet["id"]]
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
    assert {m["channel"] for m in late} == {"x", "google"}
    assert any(parse_time(line["tweet"]["created_at"]) >= WINDOW_END for line in tweets)
    assert all(parse_time(m["created_at"]) < WINDOW_END for m in truth)


def test_some_messages_are_never_answered(truth):
    assert {m["channel"] for m in truth if m["first_reply_at"] is None} == {"x", "google"}


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
            assert timedelta(0) < delay <= timedelta(days=10)
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
    assert len(rows) == 5 * 2 * len(days)
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
        (i, c, f"2026-03-{d}") for i in ("cmb", "hsn") for c in ("google", "x") for d in (10, 11, 12)]
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
         "first_reply_at": "2026-03-10T23:30:00.000Z", "local_date": "2026-03-10"},
        {"channel": "google", "institution_id": "hsn", "message_id": f"{location}/reviews/r1", "created_at": "2026-03-09T23:10:00.000000Z",
         "first_reply_at": "2026-03-11T08:00:00.000000Z", "local_date": "2026-03-10"},
        {"channel": "x", "institution_id": "hsn", "message_id": "11", "created_at": "2026-03-10T09:00:00.000Z",
         "first_reply_at": "2026-03-10T09:40:00.000Z", "local_date": "2026-03-10"},
        {"channel": "x", "institution_id": "hsn", "message_id": "12", "created_at": "2026-03-10T09:05:00.000Z",
         "first_reply_at": None, "local_date": "2026-03-10"},
    ]


def test_generation_is_fast_and_rejects_bad_arguments(tmp_path):
    started = datetime.now()
    generate(tmp_path / "timed")
    assert datetime.now() - started < timedelta(seconds=5)
    with pytest.raises(ValueError):
        generate(tmp_path / "bad", institutions=len(load_institutions()) + 1)
    with pytest.raises(ValueError):
        generate(tmp_path / "bad", days=0)
