"""Inbound messages with their first reply, and the KPIs the marts must reproduce."""
import json
import statistics
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from .times import parse_time

CHANNELS = ("x", "google")


def messages_truth(institutions: list[dict], tweets: list[dict], reviews: list[dict]) -> list[dict]:
    """One record per inbound message, by the KPI definitions, from the generated API records."""
    by_account = {i["x_user_id"]: i for i in institutions}
    by_location = {f"accounts/{i['google_account_id']}/locations/{i['google_location_id']}": i for i in institutions}
    first_replies = {}
    for line in tweets:
        tweet = line["tweet"]
        for ref in tweet.get("referenced_tweets", []):
            if ref["type"] == "replied_to" and tweet["author_id"] in by_account:
                key = (tweet["author_id"], ref["id"])
                first_replies[key] = min(first_replies.get(key, tweet["created_at"]), tweet["created_at"], key=parse_time)
    messages = []
    for line in tweets:
        tweet = line["tweet"]
        for user_id in line["mentions_user_ids"]:
            if user_id in by_account and tweet["author_id"] != user_id:
                messages.append(message("x", by_account[user_id], tweet["id"], tweet["created_at"],
                                        first_replies.get((user_id, tweet["id"]))))
    replies, created = {}, {}
    for line in reviews:
        review = line["review"]
        created[review["name"]] = (by_location[line["location"]], review["createTime"])
        if "reviewReply" in review:
            replies[review["name"]] = review["reviewReply"]["updateTime"]
    messages += [message("google", institution, name, created_at, replies.get(name))
                 for name, (institution, created_at) in created.items()]
    return sorted(messages, key=lambda m: (m["institution_id"], m["channel"], parse_time(m["created_at"]), m["message_id"]))


def message(channel: str, institution: dict, message_id: str, created_at: str, first_reply_at: str | None) -> dict:
    local_date = parse_time(created_at).astimezone(ZoneInfo(institution["time_zone"])).date()
    return {"channel": channel, "institution_id": institution["institution_id"], "message_id": message_id,
            "created_at": created_at, "first_reply_at": first_reply_at, "local_date": local_date.isoformat(),
            "native_id": message_id}


def expected_kpis(dataset_dir: str | Path, as_of: datetime) -> list[dict]:
    """Daily KPIs per institution and channel as of `as_of`, sorted by institution_id, channel, day."""
    dataset = Path(dataset_dir)
    institutions = json.loads((dataset / "manifest.json").read_text(encoding="utf-8"))["institutions"]
    with (dataset / "messages_truth.jsonl").open(encoding="utf-8") as lines:
        visible = [m for m in map(json.loads, lines) if parse_time(m["created_at"]) < as_of]
    if not visible:
        return []
    groups = {}
    for m in visible:
        replied = m["first_reply_at"] and parse_time(m["first_reply_at"])
        minutes = (replied - parse_time(m["created_at"])).total_seconds() / 60 if replied and replied < as_of else None
        groups.setdefault((m["institution_id"], m["channel"], date.fromisoformat(m["local_date"])), []).append(minutes)
    first, last = min(day for _, _, day in groups), max(day for _, _, day in groups)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    rows = []
    for institution_id in sorted(institutions):
        for channel in sorted(CHANNELS):
            for day in days:
                minutes = groups.get((institution_id, channel, day), [])
                answered = [m for m in minutes if m is not None]
                rows.append({"institution_id": institution_id, "channel": channel, "day": day, "inbound": len(minutes),
                             "answered": len(answered), "response_rate": len(answered) / len(minutes) if minutes else None,
                             "median_first_response_minutes": statistics.median(answered) if answered else None})
    return rows
