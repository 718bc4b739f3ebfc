"""X API v2 user timelines (`/2/users/{id}/mentions`, `/2/users/{id}/tweets`) over a generated dataset."""
import json
import re
import time
from datetime import datetime
from pathlib import Path

from webcare.generator.times import parse_time

from .responses import x_invalid

PATH = re.compile(r"^/2/users/([^/]+)/(mentions|tweets)$")
LOOKUP_PATH = re.compile(r"^/2/tweets$")  # posts lookup by ids (getPostsByIds)
LOOKUP_PARAMETERS = {"ids", "tweet.fields", "expansions", "media.fields", "poll.fields", "user.fields", "place.fields"}
TWEET_ID = re.compile(r"^[0-9]{1,19}$")
TWEET_FIELDS = frozenset((
    "article", "attachments", "author_id", "card_uri", "community_id", "context_annotations", "conversation_id",
    "created_at", "display_text_range", "edit_controls", "edit_history_tweet_ids", "entities", "geo", "id",
    "in_reply_to_user_id", "lang", "media_metadata", "non_public_metrics", "note_tweet", "organic_metrics",
    "possibly_sensitive", "promoted_metrics", "public_metrics", "referenced_tweets", "reply_settings", "scopes",
    "source", "suggested_source_links", "suggested_source_links_with_counts", "text", "withheld"))
DEFAULT_FIELDS = ("id", "text", "edit_history_tweet_ids")
USER_EXPANSIONS = {"author_id": lambda t: [t["author_id"]],
                   "in_reply_to_user_id": lambda t: [t["in_reply_to_user_id"]] if "in_reply_to_user_id" in t else [],
                   "entities.mentions.username": lambda t: [m["id"] for m in t.get("entities", {}).get("mentions", [])]}
EXPANSIONS = {*USER_EXPANSIONS, "referenced_tweets.id"}
COMMON_PARAMETERS = {"since_id", "until_id", "max_results", "pagination_token", "start_time", "end_time", "tweet.fields",
                     "expansions", "media.fields", "poll.fields", "user.fields", "place.fields"}
PARAMETERS = {"mentions": COMMON_PARAMETERS, "tweets": COMMON_PARAMETERS | {"exclude"}}
TIMELINE_CAPS = {"mentions": 800, "tweets": 3200}
EXCLUDE_REPLIES_CAP = 800  # the tweets timeline serves only 800 posts with exclude=replies
RATE_LIMITS = {"mentions": 450, "tweets": 1500, "lookup": 3500}  # requests per 15-minute window (app auth)
RATE_WINDOW_SECONDS = 900


class InvalidRequest(Exception):
    def __init__(self, parameter: str, value: str, message: str):
        super().__init__(message)
        self.body = x_invalid(parameter, value, message)


def encode_token(page: int, cursor: int) -> str:
    number, digits = (page << 64) | cursor, ""
    while number:
        number, digit = divmod(number, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[digit] + digits
    return digits


def decode_token(token: str) -> tuple[int, int]:
    try:
        number = int(token, 36)
    except ValueError:
        raise InvalidRequest("pagination_token", token, f"The `pagination_token` query parameter value [{token}] is not valid") from None
    if number >> 64 < 2:
        raise InvalidRequest("pagination_token", token, f"The `pagination_token` query parameter value [{token}] is not valid")
    return number >> 64, number & (2**64 - 1)


def listed(query: dict, name: str, allowed) -> list[str]:
    values = [v for v in query.get(name, "").split(",") if v]
    for value in values:
        if value not in allowed:
            raise InvalidRequest(name, value, f"The `{name}` query parameter value [{value}] is not one of [{', '.join(sorted(allowed))}]")
    return values


def tweet_id(query: dict, name: str) -> int | None:
    if name not in query:
        return None
    if not TWEET_ID.match(query[name]):
        raise InvalidRequest(name, query[name], f"The `{name}` query parameter value [{query[name]}] does not match ^[0-9]{{1,19}}$")
    return int(query[name])


def moment(query: dict, name: str) -> datetime | None:
    if name not in query:
        return None
    try:
        return parse_time(query[name])
    except ValueError:
        raise InvalidRequest(name, query[name], f"Invalid date: {query[name]}") from None


def max_results(query: dict) -> int:
    value = query.get("max_results", "10")
    if not value.isdigit() or not 5 <= int(value) <= 100:
        raise InvalidRequest("max_results", value, f"The `max_results` query parameter value [{value}] is not between 5 and 100")
    return int(value)


def project(tweet: dict, fields: set[str]) -> dict:
    return {key: value for key, value in tweet.items() if key in fields}


class XApi:
    def __init__(self, dataset: Path, duplicate_across_pages: bool):
        with (dataset / "x_users.jsonl").open(encoding="utf-8") as lines:
            self.users = {u["id"]: u for u in map(json.loads, lines)}
        with (dataset / "x_tweets.jsonl").open(encoding="utf-8") as lines:
            records = sorted(map(json.loads, lines), key=lambda r: -int(r["tweet"]["id"]))
        self.tweets = {r["tweet"]["id"]: r["tweet"] for r in records}
        self.created = {r["tweet"]["id"]: parse_time(r["tweet"]["created_at"]) for r in records}
        # an edited post's earlier version leaves the timelines when the edit is posted
        self.superseded = {r["tweet"]["id"]: parse_time(r["superseded_at"]) for r in records if "superseded_at" in r}
        # a post its author deleted: gone from timelines and lookups from then on
        self.deleted = {r["tweet"]["id"]: parse_time(r["deleted_from"]) for r in records if "deleted_from" in r}
        self.timelines = {"mentions": {}, "tweets": {}}  # newest first
        for record in records:
            for user_id in record["mentions_user_ids"]:
                self.timelines["mentions"].setdefault(user_id, []).append(record["tweet"])
            self.timelines["tweets"].setdefault(record["tweet"]["author_id"], []).append(record["tweet"])
        self.duplicate_across_pages = duplicate_across_pages
        self.rate_windows = {}  # endpoint -> [remaining, reset (Unix seconds)]

    def rate_limit(self, endpoint: str) -> tuple[dict, bool]:
        """Rate-limit headers after counting one request, and whether the window was already used up."""
        now = int(time.time())
        window = self.rate_windows.get(endpoint)
        if window is None or window[1] <= now:
            window = self.rate_windows[endpoint] = [RATE_LIMITS[endpoint], now + RATE_WINDOW_SECONDS]
        exhausted = window[0] == 0
        window[0] = max(0, window[0] - 1)
        return {"x-rate-limit-limit": str(RATE_LIMITS[endpoint]), "x-rate-limit-remaining": str(window[0]),
                "x-rate-limit-reset": str(window[1])}, exhausted

    def timeline(self, user_id: str, endpoint: str, query: dict, clock: datetime) -> tuple[int, dict]:
        try:
            return 200, self.page(user_id, endpoint, query, clock)
        except InvalidRequest as invalid:
            return 400, invalid.body

    def page(self, user_id: str, endpoint: str, query: dict, clock: datetime) -> dict:
        for name in query:
            if name not in PARAMETERS[endpoint]:
                raise InvalidRequest(name, query[name], f"The query parameter [{name}] is not one of [{', '.join(sorted(PARAMETERS[endpoint]))}]")
        if not TWEET_ID.match(user_id):
            raise InvalidRequest("id", user_id, f"The `id` query parameter value [{user_id}] does not match ^[0-9]{{1,19}}$")
        size, fields = max_results(query), set(listed(query, "tweet.fields", TWEET_FIELDS)) | set(DEFAULT_FIELDS)
        expansions, exclude = listed(query, "expansions", EXPANSIONS), listed(query, "exclude", {"replies", "retweets"})
        since_id, until_id = tweet_id(query, "since_id"), tweet_id(query, "until_id")
        start_time, end_time = moment(query, "start_time"), moment(query, "end_time")
        page_number, cursor = decode_token(query["pagination_token"]) if "pagination_token" in query else (1, None)
        if user_id not in self.users:
            return {"errors": [{"value": user_id, "detail": f"Could not find user with id: [{user_id}].", "title": "Not Found Error",
                                "resource_type": "user", "parameter": "id", "resource_id": user_id,
                                "type": "https://api.twitter.com/2/problems/resource-not-found"}]}
        tweets = [t for t in self.timelines[endpoint].get(user_id, []) if self.visible(t["id"], clock)]
        if "replies" in exclude:
            tweets = [t for t in tweets if not any(r["type"] == "replied_to" for r in t.get("referenced_tweets", []))]
        if "retweets" in exclude:
            tweets = [t for t in tweets if not any(r["type"] == "retweeted" for r in t.get("referenced_tweets", []))]
        tweets = tweets[:EXCLUDE_REPLIES_CAP if "replies" in exclude else TIMELINE_CAPS[endpoint]]
        tweets = [t for t in tweets if self.selected(t, since_id, until_id, start_time, end_time, cursor)]
        taken = tweets[:size - 2 if page_number % 3 == 0 else size]
        if not taken:
            return {"meta": {"result_count": 0}}
        body = {"data": [project(t, fields) for t in taken]}
        includes = self.includes(taken, expansions, fields, clock)
        if includes:
            body["includes"] = includes
        body["meta"] = {"result_count": len(taken), "newest_id": taken[0]["id"], "oldest_id": taken[-1]["id"]}
        if len(tweets) > len(taken):
            repeat = self.duplicate_across_pages and len(taken) == size  # the next page starts with this page's last
            following = taken[-1] if repeat else tweets[len(taken)]
            body["meta"]["next_token"] = encode_token(page_number + 1, int(following["id"]))
        return body

    def visible(self, tweet_id: str, clock: datetime) -> bool:
        return (self.exists(tweet_id, clock)
                and not (tweet_id in self.superseded and self.superseded[tweet_id] <= clock))

    def exists(self, tweet_id: str, clock: datetime) -> bool:
        """Written by then and not deleted (an earlier version of an edited post still exists)."""
        return (tweet_id in self.created and self.created[tweet_id] <= clock
                and not (tweet_id in self.deleted and self.deleted[tweet_id] <= clock))

    def lookup(self, query: dict, clock: datetime) -> tuple[int, dict]:
        """``GET /2/tweets?ids=``: the posts that exist; a resource-not-found problem for each that does not."""
        try:
            for name in query:
                if name not in LOOKUP_PARAMETERS:
                    raise InvalidRequest(name, query[name], f"The query parameter [{name}] is not one of"
                                                            f" [{', '.join(sorted(LOOKUP_PARAMETERS))}]")
            ids = [i for i in query.get("ids", "").split(",") if i]
            if not 1 <= len(ids) <= 100:
                raise InvalidRequest("ids", query.get("ids", ""), "The `ids` query parameter value must hold 1 to 100 ids")
            for value in ids:
                if not TWEET_ID.match(value):
                    raise InvalidRequest("ids", value, f"The `ids` query parameter value [{value}] does not match ^[0-9]{{1,19}}$")
            fields = set(listed(query, "tweet.fields", TWEET_FIELDS)) | set(DEFAULT_FIELDS)
        except InvalidRequest as invalid:
            return 400, invalid.body
        found = [project(self.tweets[i], fields) for i in dict.fromkeys(ids) if self.exists(i, clock)]
        missing = [{"value": i, "detail": f"Could not find tweet with ids: [{i}].", "title": "Not Found Error",
                    "resource_type": "tweet", "parameter": "ids", "resource_id": i,
                    "type": "https://api.twitter.com/2/problems/resource-not-found"}
                   for i in dict.fromkeys(ids) if not self.exists(i, clock)]
        return 200, {k: v for k, v in (("data", found), ("errors", missing)) if v}

    def selected(self, tweet: dict, since_id, until_id, start_time, end_time, cursor) -> bool:
        number, created = int(tweet["id"]), self.created[tweet["id"]]
        if since_id is not None and number <= since_id or since_id is None and start_time and created < start_time:
            return False
        if until_id is not None and number >= until_id or until_id is None and end_time and created >= end_time:
            return False
        return cursor is None or number <= cursor

    def includes(self, tweets: list[dict], expansions: list[str], fields: set[str], clock: datetime) -> dict:
        user_ids = [u for name in expansions if name in USER_EXPANSIONS for t in tweets for u in USER_EXPANSIONS[name](t)]
        users = [self.users[u] for u in dict.fromkeys(user_ids) if u in self.users]
        referenced = [r["id"] for t in tweets for r in t.get("referenced_tweets", [])] if "referenced_tweets.id" in expansions else []
        found = [project(self.tweets[i], fields) for i in dict.fromkeys(referenced) if i in self.tweets and self.created[i] <= clock]
        return {k: v for k, v in (("users", users), ("tweets", found)) if v}
