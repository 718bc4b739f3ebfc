"""X API v2 through tweepy: an account's mentions and the account's own posts (its replies).

tweepy hard-codes ``https://api.twitter.com``; the client's ``session`` is an ordinary
``requests.Session``, so a session that rewrites the host sends tweepy to any base URL (a fake
server, a proxy) unchanged. 5xx answers are retried with backoff by urllib3; a 429 makes tweepy
sleep until ``x-rate-limit-reset``.
"""
from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from datetime import datetime

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from webcare.errors import AuthError, BadPayload, RateLimited, ServerError, SourceError
from webcare.sources import InvalidRecord
from webcare.storable import loads_page
from webcare.timestamps import parse_rfc3339, to_rfc3339

log = logging.getLogger(__name__)

TWITTER_HOST = "https://api.twitter.com"
TWEET_FIELDS = [
    "created_at", "author_id", "conversation_id", "in_reply_to_user_id", "referenced_tweets",
    "lang", "entities", "edit_history_tweet_ids",
]
_DIGITS = re.compile(r"^[0-9]{1,19}$")


def page_size() -> int:
    """Posts per page: the API's maximum, 100, unless WEBCARE_X_PAGE_SIZE asks for fewer (5-100)."""
    size = int(os.environ.get("WEBCARE_X_PAGE_SIZE", 100))
    if not 5 <= size <= 100:
        raise ValueError(f"WEBCARE_X_PAGE_SIZE must be within 5..100, not {size}")
    return size


class HostRewritingSession(requests.Session):
    """A requests session that sends tweepy's fixed host to ``base_url`` instead."""

    def __init__(self, base_url: str, retries: int = 4, backoff: float = 0.5):
        super().__init__()
        self.base_url = base_url.rstrip("/")
        retry = Retry(total=retries, status_forcelist=(500, 502, 503, 504), allowed_methods={"GET"},
                      backoff_factor=backoff, raise_on_status=False, respect_retry_after_header=True)
        self.mount("http://", HTTPAdapter(max_retries=retry))
        self.mount("https://", HTTPAdapter(max_retries=retry))

    def request(self, method, url, *args, **kwargs):
        if isinstance(url, str) and url.startswith(TWITTER_HOST):
            url = self.base_url + url[len(TWITTER_HOST):]
        return super().request(method, url, *args, **kwargs)


def make_client(base_url: str, bearer_token: str, wait_on_rate_limit: bool = True):
    import tweepy

    client = tweepy.Client(bearer_token=bearer_token, return_type=dict,
                           wait_on_rate_limit=wait_on_rate_limit)
    if base_url.rstrip("/") != TWITTER_HOST:
        client.session = HostRewritingSession(base_url)
    client.session.hooks["response"].append(_tolerant_json)  # a pathological record must not lose its page
    return client


def _tolerant_json(response, *args, **kwargs):
    response.json = lambda **_: loads_page(response.content)
    return response


def tweet_key(record: object) -> str:
    """The tweet's id, after checking the fields the warehouse relies on."""
    if not isinstance(record, dict):
        raise InvalidRecord(f"not a JSON object: {type(record).__name__}")
    tweet_id = record.get("id")
    if not isinstance(tweet_id, str) or not _DIGITS.match(tweet_id):
        raise InvalidRecord(f"missing or invalid id: {tweet_id!r}")
    for field in ("author_id",):
        if not isinstance(record.get(field), str) or not _DIGITS.match(record[field]):
            raise InvalidRecord(f"missing or invalid {field}: {record.get(field)!r}")
    if not isinstance(record.get("text"), str):
        raise InvalidRecord("missing text")
    try:
        parse_rfc3339(record.get("created_at"))
    except ValueError as exc:
        raise InvalidRecord(f"invalid created_at: {exc}") from None
    return tweet_id


@dataclass
class Extracted:
    records: list
    cursor_after: str | None
    pages: int


def fetch_timeline(client, kind: str, user_id: str, since_id: str | None, end_time: datetime) -> Extracted:
    """All posts of a user's ``mentions`` or ``tweets`` timeline newer than ``since_id``.

    Pages until the API stops giving a ``next_token`` (short pages do not end the run). The new
    cursor is the largest valid id seen, or the old one when nothing new came.
    """
    import tweepy

    method = {"mentions": client.get_users_mentions, "tweets": client.get_users_tweets}[kind]
    params = dict(max_results=page_size(), tweet_fields=TWEET_FIELDS, end_time=to_rfc3339(end_time))
    if since_id:
        params["since_id"] = since_id
    records: list = []
    pages = 0
    try:
        for page in tweepy.Paginator(method, user_id, **params):
            pages += 1
            if not isinstance(page, dict):
                raise BadPayload(f"X {kind} page is not a JSON object")
            for problem in page.get("errors", []):
                log.warning("X %s for %s returned a partial error: %s", kind, user_id, problem)
            records.extend(page.get("data", []))
    except tweepy.TooManyRequests as exc:
        raise RateLimited(f"X {kind} rate limited for {user_id}",
                          reset_at=float(exc.response.headers.get("x-rate-limit-reset", 0))) from exc
    except (tweepy.Unauthorized, tweepy.Forbidden) as exc:
        raise AuthError(f"X refused the credentials for {kind} of {user_id}: {exc}") from exc
    except tweepy.TwitterServerError as exc:
        raise ServerError(f"X {kind} for {user_id} kept failing: {exc}") from exc
    except tweepy.TweepyException as exc:
        raise SourceError(f"X {kind} for {user_id}: {exc}") from exc
    ids = [int(r["id"]) for r in records if isinstance(r, dict) and isinstance(r.get("id"), str)
           and _DIGITS.match(r["id"])]
    newest = max(ids + ([int(since_id)] if since_id else []), default=None)
    return Extracted(records, str(newest) if newest is not None else None, pages)
