"""X API v2 through tweepy: an account's mentions and the account's own posts (its replies).

tweepy hard-codes ``https://api.twitter.com``; the client's ``session`` is an ordinary
``requests.Session``. Every client (production host or any other base URL: a fake server, a proxy)
gets the same session: connect and read timeouts on every request, 5xx retried with backoff by
urllib3, and the host rewritten when the base URL is not X's own. A 429 waits until
``x-rate-limit-reset`` when that is at most ``max_rate_limit_wait`` away (``WEBCARE_MAX_RATE_LIMIT_WAIT``,
default 900 s); past the cap ``RateLimited`` is raised so the task fails and Airflow retries later.

Each run reads the window ``[since, cutoff)`` by ``start_time``/``end_time`` (webcare.extract
decides ``since``: the cursor or the run's day, whichever is earlier, minus a lookback for posts
that become visible late). The mentions timeline serves only the 800 most recent mentions: a
window that reaches that cap, or a page shorter than its ``result_count``, is reported as a warning
with how much may be missing.
"""
from __future__ import annotations

import logging
import os
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from webcare.errors import AuthError, BadPayload, RateLimited, ServerError, SourceError
from webcare.errors import describe
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
# the mentions timeline returns at most the 800 most recent mentions, the posts timeline 3200
TIMELINE_CAPS = {"mentions": 800, "tweets": 3200}
TIMEOUT = (10, 60)  # seconds: connect, read
# Posts can appear in a timeline a little after their created_at (X's own indexing): each run
# reads again this far back before its cursor; what was already loaded is recognised by content.
LOOKBACK = timedelta(hours=1)


def max_rate_limit_wait() -> float:
    """The longest wait for a rate limit's reset before failing the task (``WEBCARE_MAX_RATE_LIMIT_WAIT``)."""
    return float(os.environ.get("WEBCARE_MAX_RATE_LIMIT_WAIT", 900))


def page_size() -> int:
    """Posts per page: the API's maximum, 100, unless WEBCARE_X_PAGE_SIZE asks for fewer (5-100)."""
    size = int(os.environ.get("WEBCARE_X_PAGE_SIZE", 100))
    if not 5 <= size <= 100:
        raise ValueError(f"WEBCARE_X_PAGE_SIZE must be within 5..100, not {size}")
    return size


class HostRewritingSession(requests.Session):
    """The session of every X client: timeouts and retries; tweepy's fixed host sent to ``base_url``."""

    def __init__(self, base_url: str = TWITTER_HOST, retries: int = 4, backoff: float = 0.5,
                 timeout: tuple[float, float] = TIMEOUT):
        super().__init__()
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        retry = Retry(total=retries, status_forcelist=(500, 502, 503, 504), allowed_methods={"GET"},
                      backoff_factor=backoff, raise_on_status=False, respect_retry_after_header=True)
        self.mount("http://", HTTPAdapter(max_retries=retry))
        self.mount("https://", HTTPAdapter(max_retries=retry))

    def request(self, method, url, *args, **kwargs):
        if isinstance(url, str) and url.startswith(TWITTER_HOST):
            url = self.base_url + url[len(TWITTER_HOST):]
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        return super().request(method, url, *args, **kwargs)


def make_client(base_url: str, bearer_token: str, wait_on_rate_limit: bool = True,
                timeout: tuple[float, float] = TIMEOUT):
    """A tweepy client on ``base_url`` (X's own host or any other) with the project's session.

    tweepy's own ``wait_on_rate_limit`` sleeps however long the reset is away; the wait is done
    here instead (``fetch_timeline``), capped, so the client is built without it and
    ``wait_on_rate_limit`` is kept on the client for ``fetch_timeline`` to read.
    """
    import tweepy

    client = tweepy.Client(bearer_token=bearer_token, return_type=dict, wait_on_rate_limit=False)
    client.session = HostRewritingSession(base_url, timeout=timeout)
    client.session.hooks["response"].append(_tolerant_json)  # a pathological record must not lose its page
    client.webcare_wait_on_rate_limit = wait_on_rate_limit
    return client


def _tolerant_json(response, *args, **kwargs):
    response.json = lambda **_: loads_page(response.content)
    return response


def snowflake_time(tweet_id: str) -> datetime:
    """The creation instant encoded in a post id (X ids are snowflakes: ms since X's epoch in the high bits)."""
    return datetime.fromtimestamp(((int(tweet_id) >> 22) + 1288834974657) / 1000, tz=timezone.utc)


def tweet_key(record: object) -> str:
    """The tweet's id, after checking the fields the warehouse relies on."""
    if not isinstance(record, dict):
        raise InvalidRecord(f"not a JSON object: {type(record).__name__}")
    tweet_id = record.get("id")
    if not isinstance(tweet_id, str) or not _DIGITS.match(tweet_id):
        raise InvalidRecord(f"missing or invalid id: {describe(tweet_id)}")
    for field in ("author_id",):
        if not isinstance(record.get(field), str) or not _DIGITS.match(record[field]):
            raise InvalidRecord(f"missing or invalid {field}: {describe(record.get(field))}")
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
    warnings: list[str] = field(default_factory=list)  # e.g. a timeline cap reached: data may be missing
    complete: bool = False  # every record the API has for the account (before the cutoff): what is missing is deleted
    complete_from: str | None = None  # complete only for records updated at or after this instant (RFC 3339)


def fetch_timeline(client, kind: str, user_id: str, since: datetime | None, end_time: datetime) -> Extracted:
    """All posts of a user's ``mentions`` or ``tweets`` timeline created in ``[since, end_time)``
    (everything the timeline serves before ``end_time`` when ``since`` is None).

    Pages until the API stops giving a ``next_token`` (short pages do not end the run). The
    cursor after is ``end_time``: everything before it has been read (webcare.extract keeps the
    larger of it and the cursor before). Warnings: the timeline's cap reached (older posts of the
    window are beyond what the API serves) and pages that hold fewer posts than they count.
    """
    import tweepy

    method = {"mentions": client.get_users_mentions, "tweets": client.get_users_tweets}[kind]
    params = dict(max_results=page_size(), tweet_fields=TWEET_FIELDS, end_time=to_rfc3339(end_time))
    if since:
        params["start_time"] = to_rfc3339(since)
    records: list = []
    warnings: list[str] = []
    pages = 0
    for attempt in range(1, 4):
        try:
            records, warnings, pages = _read_timeline(tweepy, method, kind, user_id, params)
            break
        except tweepy.TooManyRequests as exc:
            reset_at = float(exc.response.headers.get("x-rate-limit-reset", 0) or 0)
            wait = reset_at - time.time()
            if not getattr(client, "webcare_wait_on_rate_limit", False) or wait > max_rate_limit_wait() or attempt == 3:
                raise RateLimited(f"X {kind} rate limited for {user_id} (reset in {max(wait, 0):.0f} s)",
                                  reset_at=reset_at) from exc
            log.warning("X %s rate limited for %s: waiting %.0f s for the reset", kind, user_id, max(wait, 0))
            time.sleep(max(wait, 0) + 1)
        except (tweepy.Unauthorized, tweepy.Forbidden) as exc:
            raise AuthError(f"X refused the credentials for {kind} of {user_id}: {exc}") from exc
        except tweepy.TwitterServerError as exc:
            raise ServerError(f"X {kind} for {user_id} kept failing: {exc}") from exc
        except requests.RequestException as exc:
            raise ServerError(f"X {kind} for {user_id}: {type(exc).__name__} {exc}") from exc
        except tweepy.TweepyException as exc:
            raise SourceError(f"X {kind} for {user_id}: {exc}") from exc
    cap = TIMELINE_CAPS[kind]
    distinct = len({r.get("id") for r in records if isinstance(r, dict)})
    if distinct >= cap:
        oldest = min((r["created_at"] for r in records if isinstance(r, dict) and isinstance(r.get("created_at"), str)),
                     default="?")
        warnings.append(f"X {kind} of {user_id}: the timeline's cap of {cap} posts was reached; posts of the window"
                        f" older than {oldest} may be missing (the API serves no more)")
    for warning in warnings:
        log.warning(warning)
    return Extracted(records, to_rfc3339(end_time), pages, warnings)


def _read_timeline(tweepy, method, kind: str, user_id: str, params: dict) -> tuple[list, list[str], int]:
    records: list = []
    warnings: list[str] = []
    pages = 0
    for page in tweepy.Paginator(method, user_id, **params):
        pages += 1
        if not isinstance(page, dict):
            raise BadPayload(f"X {kind} page is not a JSON object")
        for problem in page.get("errors", []):
            log.warning("X %s for %s returned a partial error: %s", kind, user_id,
                        problem.get("title") if isinstance(problem, dict) else type(problem).__name__)
        data = page.get("data", [])
        counted = (page.get("meta") or {}).get("result_count")
        if isinstance(counted, int) and counted > len(data):
            warnings.append(f"X {kind} of {user_id}: page {pages} counts {counted} posts but holds {len(data)};"
                            f" up to {counted - len(data)} may be missing")
        records.extend(data)
    return records, warnings, pages


def deleted_among(client, ids: list[str]) -> list[str]:
    """The posts of ``ids`` that X says no longer exist (``GET /2/tweets``, 100 ids a request):
    a resource-not-found problem of type tweet. A post X refuses to show (a protected account) is
    not a deletion."""
    import tweepy

    gone: list[str] = []
    for start in range(0, len(ids), 100):
        chunk = ids[start:start + 100]
        try:
            body = client.get_tweets(ids=chunk)
        except tweepy.TooManyRequests as exc:
            raise RateLimited("X posts lookup rate limited",
                              reset_at=float(exc.response.headers.get("x-rate-limit-reset", 0) or 0)) from exc
        except (tweepy.Unauthorized, tweepy.Forbidden) as exc:
            raise AuthError(f"X refused the credentials for the posts lookup: {exc}") from exc
        except tweepy.TwitterServerError as exc:
            raise ServerError(f"X posts lookup kept failing: {exc}") from exc
        except requests.RequestException as exc:
            raise ServerError(f"X posts lookup: {type(exc).__name__}") from exc
        for problem in (body or {}).get("errors", []):
            if (isinstance(problem, dict) and problem.get("resource_type") == "tweet"
                    and str(problem.get("type", "")).endswith("/resource-not-found")):
                gone.append(str(problem.get("resource_id") or problem.get("value")))
    return [i for i in ids if i in set(gone)]

