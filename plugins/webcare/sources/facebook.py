"""Facebook Graph API v21.0: patients' comments on a page's posts, the page's own replies, and its ratings.

The page's replies are comments too (``from.id`` is the page, ``parent`` the comment answered), so one
``filter=stream`` read of each post's comments gives both. Ratings (recommendations) need a
permission recent Graph versions rarely grant: without it the run logs a warning and loads none
instead of failing.

**Which posts' comments a run reads** (``read_plan``; docs/decision-log.md, "Graph comments"). Graph
has no "since" on comment edges, and comments keep arriving on old posts. A full extraction (no
cursor, or a run with ``reread_all``) reads every post's comments. An incremental run lists the
posts created since ``WEBCARE_REREAD_MAX_AGE_DAYS`` (90) before its window, newest first
(``recent_listing``: older posts are not listed, so the daily cost does not grow with history),
with their ``updated_time`` (Graph: "the time the post was created, edited, or a user commented
on it"), and reads the comments of:

- posts created within the horizon before its window (``WEBCARE_GRAPH_COMMENTS_HORIZON_DAYS``, 3):
  every run, newest first, stopping at the first page that reaches back before ``since``;
- older posts whose ``updated_time`` is at or after ``since`` (Graph says a comment came): the
  same incremental read;
- every older listed post on its slow re-read day, once every ``WEBCARE_GRAPH_SLOW_REREAD_DAYS`` (7) days
  on a rotation by post id (``zlib.crc32`` of the id, modulo the period, against the run's day):
  all its comments are read and every one created before the cutoff is kept (the loader
  recognises those it has), so a comment the signal missed (approved by a moderator after the
  lookback, or an ``updated_time`` that did not move) arrives at the latest at that post's next
  slow re-read, even if runs were skipped meanwhile.

5xx answers are retried with backoff by urllib3. A rate-limit error (codes 4, 17, 32, 613) is an
HTTP 400 that urllib3 does not retry: with ``wait_on_rate_limit`` (what the DAG's hooks use) the
client waits until Graph says access comes back (``estimated_time_to_regain_access``), or a
backoff when it does not say, and asks again, as tweepy does for X; past ``max_rate_limit_wait``
or without it, ``RateLimited`` is raised with that time, for the task's own retries.
"""
from __future__ import annotations

import json
import logging
import os
import re
import time
import zlib
from datetime import datetime, timedelta, timezone
from typing import Iterator
from urllib.parse import parse_qsl, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from webcare.errors import AuthError, BadPayload, RateLimited, ServerError, SourceError
from webcare.errors import describe
from webcare.sources import InvalidRecord
from webcare.sources.x import Extracted
from webcare.storable import loads_page
from webcare.timestamps import parse_rfc3339, to_rfc3339

log = logging.getLogger(__name__)

GRAPH_HOST = "https://graph.facebook.com"
GRAPH_VERSION = "v21.0"
RATE_LIMIT_CODES = frozenset({4, 17, 32, 613, 80001, 80002})
AUTH_CODES = frozenset({102, 104, 190})
COMMENT_FIELDS = "id,created_time,from,message,parent"
RATING_FIELDS = "created_time,recommendation_type,review_text,reviewer"
RECOMMENDATION_TYPES = ("positive", "negative")
_GRAPH_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4}$")
_COMMENT_ID = re.compile(r"^[0-9]+_[0-9]+$")
_DIGITS = re.compile(r"^[0-9]+$")
TIMEOUT = (10, 60)  # seconds: connect, read
# Comments can become visible after their created_time (held for moderation, then approved):
# each run reads again this far back before its cursor; what was already loaded is recognised by content.
LOOKBACK = timedelta(hours=6)
# How a read of one post's (medium's) comments keeps what it reads (see read_plan).
WINDOW, EVERYTHING = "window", "everything"


class PermissionDenied(SourceError):
    """Graph refused the object or edge to this token (code 10 or 200-299): a missing permission or feature."""


def page_size() -> int:
    """Objects per page: the API's maximum, 100, unless WEBCARE_GRAPH_PAGE_SIZE asks for fewer."""
    size = int(os.environ.get("WEBCARE_GRAPH_PAGE_SIZE", 100))
    if not 1 <= size <= 100:
        raise ValueError(f"WEBCARE_GRAPH_PAGE_SIZE must be within 1..100, not {size}")
    return size


def comments_horizon() -> timedelta:
    """Posts (media) created this long before a run's window have their comments read every run
    (``WEBCARE_GRAPH_COMMENTS_HORIZON_DAYS``, default 3)."""
    days = float(os.environ.get("WEBCARE_GRAPH_COMMENTS_HORIZON_DAYS", 3))
    if days < 0:
        raise ValueError(f"WEBCARE_GRAPH_COMMENTS_HORIZON_DAYS must be >= 0, not {days}")
    return timedelta(days=days)


def slow_reread_days() -> int:
    """An older post (medium) is read whole once every this many days (``WEBCARE_GRAPH_SLOW_REREAD_DAYS``, 7)."""
    days = int(os.environ.get("WEBCARE_GRAPH_SLOW_REREAD_DAYS", 7))
    if days < 1:
        raise ValueError(f"WEBCARE_GRAPH_SLOW_REREAD_DAYS must be >= 1, not {days}")
    return days


def slow_reread_day(object_id: str, run_day, period: int | None = None) -> bool:
    """Whether ``run_day`` (a date) is the slow re-read day of a post or medium: a deterministic
    rotation by id, so each older object is read once every ``period`` days and about 1/period of
    them on any day."""
    period = period or slow_reread_days()
    return zlib.crc32(object_id.encode()) % period == run_day.toordinal() % period


def run_day(since: datetime | None, until: datetime | None):
    """The day a run reads: the day before its cutoff (the run's day), else the day of ``since``."""
    moment = (until - timedelta(seconds=1)) if until else since or datetime.now(timezone.utc)
    return moment.astimezone(timezone.utc).date()


def read_plan(objects: list[tuple[str, datetime | None, bool]], since: datetime | None,
              until: datetime | None) -> dict[str, str]:
    """Which posts (media) a run reads, and how: ``{id: WINDOW | EVERYTHING}``; absent ids are not read.

    ``objects`` are ``(id, created, changed)``, ``changed`` meaning Graph signals new comments
    (Facebook: ``updated_time`` at or after ``since``; Instagram: ``comments_count`` differs from
    what the warehouse loaded). Without ``since`` (a full extraction) everything is read.
    """
    if since is None:
        return {object_id: EVERYTHING for object_id, _, _ in objects}
    recent_from, day, period = since - comments_horizon(), run_day(since, until), slow_reread_days()
    plan: dict[str, str] = {}
    for object_id, created, changed in objects:
        if created is None or created >= recent_from or changed:
            plan[object_id] = WINDOW
        if slow_reread_day(object_id, day, period):
            plan[object_id] = EVERYTHING
    return plan


def parse_graph_time(value: object) -> datetime:
    """Graph writes ``2025-03-30T09:15:00+0000``; RFC 3339 (our own cursors) is accepted too."""
    if isinstance(value, str) and _GRAPH_TIME.match(value):  # as RFC 3339: the same plausible years
        return parse_rfc3339(f"{value[:-2]}:{value[-2:]}")
    return parse_rfc3339(value)


def rate_limit_backoff() -> float:
    """Seconds to wait after a rate limit that does not say when access comes back
    (``WEBCARE_GRAPH_RATE_LIMIT_BACKOFF``, default 60)."""
    return float(os.environ.get("WEBCARE_GRAPH_RATE_LIMIT_BACKOFF", 60))


def make_session(retries: int = 4, backoff: float = 0.5) -> requests.Session:
    session = requests.Session()
    retry = Retry(total=retries, status_forcelist=(500, 502, 503, 504), allowed_methods={"GET"},
                  backoff_factor=backoff, raise_on_status=False, respect_retry_after_header=True)
    session.mount("http://", HTTPAdapter(max_retries=retry))
    session.mount("https://", HTTPAdapter(max_retries=retry))
    return session


class GraphClient:
    """GETs against one Graph host and version, with Graph errors turned into ``webcare.errors``."""

    def __init__(self, base_url: str, access_token: str, session: requests.Session | None = None, *,
                 version: str = GRAPH_VERSION, limit: int | None = None, wait_on_rate_limit: bool = False,
                 max_rate_limit_wait: float | None = None, rate_limit_attempts: int = 3):
        self.base_url = base_url.rstrip("/")
        self.access_token = access_token
        self.session = session or make_session()
        self.version = version
        self.limit = limit or page_size()
        self.wait_on_rate_limit = wait_on_rate_limit
        from webcare.sources.x import max_rate_limit_wait as default_wait

        self.max_rate_limit_wait = default_wait() if max_rate_limit_wait is None else max_rate_limit_wait
        self.rate_limit_attempts = rate_limit_attempts

    def get(self, path: str, params: dict | None = None) -> dict:
        """One object or page; ``path`` is relative to the version (``{page-id}/posts``)."""
        for attempt in range(1, self.rate_limit_attempts + 1):
            try:
                return self._get(path, params)
            except RateLimited as limited:
                wait = (limited.reset_at - time.time()) if limited.reset_at else rate_limit_backoff()
                if not self.wait_on_rate_limit or attempt == self.rate_limit_attempts or wait > self.max_rate_limit_wait:
                    raise
                log.warning("Graph rate limit on %s; waiting %.0f s (attempt %d): %s", path, max(wait, 0), attempt, limited)
                time.sleep(max(wait, 0))
        raise AssertionError("unreachable")

    def _get(self, path: str, params: dict | None = None) -> dict:
        path = path.strip("/")
        query = {**(params or {})}
        if self.access_token:
            query["access_token"] = self.access_token
        try:
            response = self.session.get(f"{self.base_url}/{self.version}/{path}", params=query, timeout=TIMEOUT)
        except requests.RequestException as exc:  # the token is in the URL: never print the exception's URL
            raise ServerError(f"Graph {path}: {type(exc).__name__}") from None
        try:
            body = loads_page(response.content)  # a pathological record must not lose its page
        except ValueError:
            if response.status_code >= 500:
                raise ServerError(f"Graph {path} kept failing: HTTP {response.status_code}") from None
            raise BadPayload(f"Graph {path}: HTTP {response.status_code}, not JSON") from None
        if not isinstance(body, dict):
            raise BadPayload(f"Graph {path}: not a JSON object")
        if "error" in body or response.status_code != 200:
            raise graph_error(path, response, body)
        return body

    def paged(self, path: str, params: dict | None = None) -> Iterator[dict]:
        """Every page of an edge, following ``paging.next`` until a page has none."""
        query = {"limit": str(self.limit), **(params or {})}
        while True:
            body = self.get(path, query)
            if not isinstance(body.get("data"), list):
                raise BadPayload(f"Graph {path}: a page without a data list")
            yield body
            following = (body.get("paging") or {}).get("next")
            if not following:
                return
            path, query = self.follow(following)

    def follow(self, url: str) -> tuple[str, dict]:
        """The path and query of a ``next`` URL, checked to stay on our host and version (it carries our token)."""
        parts, ours = urlsplit(url), urlsplit(self.base_url)
        prefix = f"{ours.path.rstrip('/')}/{self.version}/"
        if (parts.scheme, parts.netloc) != (ours.scheme, ours.netloc) or not parts.path.startswith(prefix):
            raise BadPayload(f"Graph paging.next leaves {ours.netloc}/{self.version}: {parts.netloc}{parts.path}")
        query = {k: v for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "access_token"}
        return parts.path[len(prefix):], query


def graph_error(path: str, response: requests.Response, body: dict) -> SourceError:
    error = body.get("error") if isinstance(body.get("error"), dict) else {}
    code, subcode = error.get("code"), error.get("error_subcode")
    described = (f"Graph {path}: HTTP {response.status_code}, code {code}"
                 f"{f'/{subcode}' if subcode is not None else ''} {error.get('type', '')}: "
                 f"{str(error.get('message', ''))[:200]} (fbtrace_id {error.get('fbtrace_id')})")
    if code in RATE_LIMIT_CODES:
        return RateLimited(described, reset_at=regain_at(response.headers))
    if code in AUTH_CODES:
        return AuthError(described)
    if code == 10 or isinstance(code, int) and 200 <= code <= 299:
        return PermissionDenied(described)
    if response.status_code >= 500:
        return ServerError(described)
    return SourceError(described)


def regain_at(headers) -> float | None:
    """When Graph says access comes back (``estimated_time_to_regain_access``, minutes), as Unix seconds."""
    try:
        usage = json.loads(headers.get("x-business-use-case-usage") or "{}")
        minutes = max((entry.get("estimated_time_to_regain_access", 0) for entries in usage.values()
                       for entry in entries), default=0)
    except (ValueError, AttributeError, TypeError):
        return None
    return time.time() + 60 * minutes if minutes else None


def _time_or_none(record: object, field: str) -> datetime | None:
    try:
        return parse_graph_time(record.get(field)) if isinstance(record, dict) else None
    except ValueError:
        return None


def _ids(pages: list[dict]) -> list[str]:
    return list(dict.fromkeys(item["id"] for body in pages for item in body["data"]
                              if isinstance(item, dict) and isinstance(item.get("id"), str)))


def recent_listing(client: GraphClient, path: str, params: dict, time_field: str,
                   since: datetime | None) -> list[dict]:
    """The pages of a newest-first listing (a page's posts, an account's media).

    A full extraction (no ``since``) lists everything. A daily run lists back to ``since`` minus
    ``reread_max_age()`` only: it drops what was created before that and stops at the first page
    whose last (oldest) item is older, so its cost does not grow with the account's history. An
    item without a readable time is kept; an old item out of order (a pinned post) is dropped
    without ending the listing.
    """
    if since is None:
        return list(client.paged(path, params))
    from webcare.sources import reread_max_age

    oldest = since - reread_max_age()
    pages: list[dict] = []
    for body in client.paged(path, params):
        items = body["data"]
        pages.append({**body, "data": [item for item in items if (_time_or_none(item, time_field) or oldest) >= oldest]})
        if items and (_time_or_none(items[-1], time_field) or oldest) < oldest:
            break
    return pages


def comment_key(record: object) -> str:
    """The comment's id, after checking the fields the warehouse relies on."""
    if not isinstance(record, dict):
        raise InvalidRecord(f"not a JSON object: {type(record).__name__}")
    comment_id = record.get("id")
    if not isinstance(comment_id, str) or not _COMMENT_ID.match(comment_id):
        raise InvalidRecord(f"missing or invalid id: {describe(comment_id)}")
    if not isinstance(record.get("post_id"), str) or not _COMMENT_ID.match(record["post_id"]):
        raise InvalidRecord(f"missing or invalid post_id: {describe(record.get('post_id'))}")
    try:
        parse_graph_time(record.get("created_time"))
    except ValueError as exc:
        raise InvalidRecord(f"invalid created_time: {exc}") from None
    if not isinstance(record.get("message"), str):
        raise InvalidRecord("missing message")
    sender = record.get("from")
    if sender is not None and (not isinstance(sender, dict) or not isinstance(sender.get("id"), str)):
        raise InvalidRecord(f"invalid from: {describe(sender)}")
    parent = record.get("parent")
    if parent is not None and (not isinstance(parent, dict) or not isinstance(parent.get("id"), str)
                               or not _COMMENT_ID.match(parent["id"])):
        raise InvalidRecord(f"invalid parent: {describe(parent)}")
    return comment_id


def rating_key(record: object) -> str:
    """``{page_id}_{reviewer id}``: ratings have no id, and a person recommends a page once (an edit replaces it)."""
    if not isinstance(record, dict):
        raise InvalidRecord(f"not a JSON object: {type(record).__name__}")
    if not isinstance(record.get("page_id"), str) or not _DIGITS.match(record["page_id"]):
        raise InvalidRecord(f"missing or invalid page_id: {describe(record.get('page_id'))}")
    reviewer = record.get("reviewer")
    if not isinstance(reviewer, dict) or not isinstance(reviewer.get("id"), str) or not _DIGITS.match(reviewer["id"]):
        raise InvalidRecord(f"missing or invalid reviewer: {describe(reviewer)}")
    if record.get("recommendation_type") not in RECOMMENDATION_TYPES:
        raise InvalidRecord(f"invalid recommendation_type: {describe(record.get('recommendation_type'))}")
    try:
        parse_graph_time(record.get("created_time"))
    except ValueError as exc:
        raise InvalidRecord(f"invalid created_time: {exc}") from None
    if record.get("review_text") is not None and not isinstance(record["review_text"], str):
        raise InvalidRecord("review_text is not a string")
    return f"{record['page_id']}_{reviewer['id']}"


def in_window(created: datetime | None, since: datetime | None, until: datetime | None) -> bool:
    """``since <= created < until``; a record without a readable time is kept (its key check rejects it)."""
    if created is None:
        return True
    return (since is None or created >= since) and (until is None or created < until)


def as_instant(since: str | datetime | None) -> datetime | None:
    return parse_graph_time(since) if isinstance(since, str) else since


def fetch_page_comments(client: GraphClient, page_id: str, since: str | datetime | None,
                        until: datetime | None = None) -> Extracted:
    """Comments and the page's replies on a page's posts (those ``read_plan`` picks), created in
    ``[since, until)`` (before ``until`` for a post on its slow re-read day).

    Records are the comment objects plus ``post_id``. The new cursor is ``until`` (everything
    before it has been read), or without ``until`` the newest ``created_time`` seen, or ``since``.
    A comment written at the cursor's very second is read twice at most, and loaded once.
    Comments are read newest first (``order=reverse_chronological``), so paging a post stops at
    the first page that reaches back before ``since`` (except on its slow re-read day).
    """
    since_at = as_instant(since)
    post_pages = recent_listing(client, f"{page_id}/posts", {"fields": "id,created_time,updated_time"},
                                "created_time", since_at)
    posts = {item["id"]: item for body in post_pages for item in body["data"]
             if isinstance(item, dict) and isinstance(item.get("id"), str)}
    plan = read_plan([(post_id, _time_or_none(post, "created_time"),
                       bool(since_at) and (_time_or_none(post, "updated_time") or since_at) >= since_at)
                      for post_id, post in posts.items()], since_at, until)
    records: list = []
    pages, newest = len(post_pages), since_at
    for post_id in _ids(post_pages):
        if post_id not in plan:
            continue
        keep_from = since_at if plan[post_id] == WINDOW else None
        for body in client.paged(f"{post_id}/comments", {"filter": "stream", "order": "reverse_chronological",
                                                          "fields": COMMENT_FIELDS}):
            pages += 1
            reached_older = False
            for comment in body["data"]:
                created = _time_or_none(comment, "created_time")
                reached_older = reached_older or bool(keep_from and created and created < keep_from)
                if not in_window(created, keep_from, until):
                    continue
                records.append({**comment, "post_id": post_id} if isinstance(comment, dict) else comment)
                if created and (since_at is None or created >= since_at):
                    newest = max(newest, created) if newest else created
            if reached_older:
                break
    cursor = until if until else newest
    return Extracted(records, to_rfc3339(cursor) if cursor else None, pages)


def fetch_comments(settings, page_id: str, since: datetime | None, cutoff: datetime) -> Extracted:
    """The source hook for ``facebook_comments``: the window ``[since, cutoff)``."""
    return fetch_page_comments(GraphClient(settings.base_url, settings.token, wait_on_rate_limit=True),
                               page_id, since, cutoff)


def fetch_ratings(settings, page_id: str, since: datetime | None, cutoff: datetime) -> Extracted:
    """The source hook for ``facebook_ratings``: the ratings of the last ``reread_max_age()`` before
    ``since`` (all of them without ``since``: a first run, or ``reread_all``)."""
    return fetch_page_ratings(GraphClient(settings.base_url, settings.token, wait_on_rate_limit=True),
                              page_id, until=cutoff, since=since)


def fetch_page_ratings(client: GraphClient, page_id: str, until: datetime | None = None,
                       since: datetime | None = None) -> Extracted:
    """A page's recommendations (plus ``page_id``): all of them, or with ``since`` those created
    since ``reread_max_age()`` before it (Graph lists them newest first: the first page reaching
    back further is the last read). None, with a warning, when the token may not read them."""
    from webcare.sources import reread_max_age

    oldest = since - reread_max_age() if since else None
    records: list = []
    pages, newest = 0, None
    try:
        for body in client.paged(f"{page_id}/ratings", {"fields": RATING_FIELDS}):
            pages += 1
            for rating in body["data"]:
                created = _time_or_none(rating, "created_time")
                if not in_window(created, oldest, until):
                    continue
                records.append({**rating, "page_id": page_id} if isinstance(rating, dict) else rating)
                newest = max(newest, created) if newest and created else newest or created
            if oldest and body["data"] and (_time_or_none(body["data"][-1], "created_time") or oldest) < oldest:
                break  # newest first: the rest are older
    except PermissionDenied as denied:
        log.warning("Facebook ratings of page %s are not readable with this token; loading none. Page ratings "
                    "need the pages_read_user_content permission and are restricted in recent Graph versions. %s",
                    page_id, denied)
        return Extracted([], None, pages)
    return Extracted(records, to_rfc3339(newest) if newest else None, pages)
