"""Inbound messages with their first reply, and the KPIs the marts must reproduce."""
import json
import statistics
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from webcare.fakes.graph_api import parse_graph_time

from .hours import read_seed
from .times import parse_time, x_time


@lru_cache(maxsize=1)
def channel_ids() -> tuple[str, ...]:
    """The channels of the channels seed, sorted: every institution has a KPI row for each."""
    return tuple(sorted(row["channel_id"] for row in read_seed("channels")))


def messages_truth(institutions: list[dict], tweets: list[dict], reviews: list[dict], graph: dict | None = None) -> list[dict]:
    """One record per inbound message, by the KPI definitions, from the generated API records."""
    by_account = {i["x_user_id"]: i for i in institutions}
    by_location = {f"accounts/{i['google_account_id']}/locations/{i['google_location_id']}": i for i in institutions}
    # an edited post is one message: its first version's id and time; a reply to any version answers it
    first_version = {}
    for tweet in (line["tweet"] for line in tweets):
        history = tweet.get("edit_history_tweet_ids") or [tweet["id"]]
        first_version |= {version: history[0] for version in [*history, tweet["id"]]}
    first_replies = {}
    for line in tweets:
        tweet = line["tweet"]
        for ref in tweet.get("referenced_tweets", []):
            if ref["type"] == "replied_to" and tweet["author_id"] in by_account:
                key = (tweet["author_id"], first_version.get(ref["id"], ref["id"]))
                first_replies[key] = min(first_replies.get(key, tweet["created_at"]), tweet["created_at"], key=parse_time)
    messages = []
    for line in tweets:
        tweet = line["tweet"]
        if first_version[tweet["id"]] != tweet["id"]:
            continue  # a later version of an edited post
        for user_id in line["mentions_user_ids"]:
            if user_id in by_account and tweet["author_id"] != user_id:
                messages.append(message("x", by_account[user_id], tweet["id"], tweet["created_at"],
                                        first_replies.get((user_id, tweet["id"]))) | deletion(line))
    replies, created, deleted = {}, {}, {}
    for line in reviews:
        review = line["review"]
        if "deleted_from" in line:
            deleted[review["name"]] = line["deleted_from"]
        created[review["name"]] = (by_location[line["location"]], review["createTime"])
        if "reviewReply" in review:
            replies[review["name"]] = review["reviewReply"]["updateTime"]
    for name, (institution, created_at) in created.items():
        record = message("google", institution, name, created_at, replies.get(name))
        messages.append(record | deletion({"deleted_from": deleted[name]} if name in deleted else {}))
    if graph:
        messages += facebook_messages(institutions, graph.get("pages", {}))
        messages += instagram_messages(institutions, graph.get("ig_users", {}))
    return sorted(messages, key=lambda m: (m["institution_id"], m["channel"], parse_time(m["created_at"]), m["message_id"]))


def facebook_messages(institutions: list[dict], pages: dict) -> list[dict]:
    """Top-level comments on the page's posts not written by the page (no ``from``: a patient); the first
    response is the page's earliest comment whose parent is the message. Follow-ups and ratings are no messages."""
    messages = []
    for institution in institutions:
        page_id = institution["facebook_page_id"]
        comments = [c for cs in pages.get(page_id, {}).get("comments", {}).values() for c in cs]
        first_replies = {}
        for comment in comments:
            if comment.get("from", {}).get("id") == page_id and "parent" in comment:
                parent, created = comment["parent"]["id"], parse_graph_time(comment["created_time"])
                first_replies[parent] = min(first_replies.get(parent, created), created)
        messages += [message("facebook", institution, c["id"], graph_time_as_x(c["created_time"]),
                             optional_x_time(first_replies.get(c["id"])))
                     for c in comments if "parent" not in c and c.get("from", {}).get("id") != page_id]
    return messages


def instagram_messages(institutions: list[dict], ig_users: dict) -> list[dict]:
    """Top-level comments on the account's media not written by the account, hidden ones included (flagged);
    the first response is the account's earliest reply whose parent_id is the message."""
    messages = []
    for institution in institutions:
        user_id = institution["instagram_user_id"]
        user = ig_users.get(user_id, {})
        first_replies = {}
        for reply in (r for rs in user.get("replies", {}).values() for r in rs):
            if reply.get("from", {}).get("id") == user_id and reply.get("parent_id"):
                parent, created = reply["parent_id"], parse_graph_time(reply["timestamp"])
                first_replies[parent] = min(first_replies.get(parent, created), created)
        for comment in (c for cs in user.get("comments", {}).values() for c in cs):
            if "parent_id" not in comment and comment.get("from", {}).get("id") != user_id:
                record = message("instagram", institution, comment["id"], graph_time_as_x(comment["timestamp"]),
                                 optional_x_time(first_replies.get(comment["id"])))
                messages.append(record | {"is_hidden": comment.get("hidden") is True})
    return messages


def deletion(line: dict) -> dict:
    """The deletion fields of a message whose generated line says its author deleted it."""
    if "deleted_from" not in line:
        return {}
    return {"deleted_at": line["deleted_from"], "deletion_known_at": x_time(deletion_known_at(line["deleted_from"]))}


def deletion_known_at(deleted_at: str) -> datetime:
    """When the warehouse knows a post is gone (docs/metrics.md#deleted): the cutoff of the first
    daily run after the deletion, whose read misses it (runs end each UTC day at midnight)."""
    moment = parse_time(deleted_at)
    midnight = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight + timedelta(days=1)


def graph_time_as_x(text: str) -> str:
    return x_time(parse_graph_time(text))


def optional_x_time(moment: datetime | None) -> str | None:
    return x_time(moment) if moment else None


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
        for channel in channel_ids():
            for day in days:
                minutes = groups.get((institution_id, channel, day), [])
                answered = [m for m in minutes if m is not None]
                rows.append({"institution_id": institution_id, "channel": channel, "day": day, "inbound": len(minutes),
                             "answered": len(answered), "response_rate": len(answered) / len(minutes) if minutes else None,
                             "median_first_response_minutes": statistics.median(answered) if answered else None})
    return rows
