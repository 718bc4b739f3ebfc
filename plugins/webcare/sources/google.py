"""Google Business Profile v4 reviews of a location, with the owner's replies embedded.

Reviews are read newest ``updateTime`` first. An owner's reply does not change a review's own
``updateTime`` and may come weeks later, so a daily run reads every review updated within
``WEBCARE_REREAD_MAX_AGE_DAYS`` (90) before its window, and stops at the first page that reaches
back further: a reply to a review of the last three months is seen however late it comes, and the
run's cost does not grow with the location's history. A run with ``reread_all`` (and the first
run, without a cursor) reads every review. A review missing from a read is gone from the platform
when the read covered it: every review updated after the oldest ``updateTime`` the read
reached (``Extracted.complete_from``; all of them after a whole read). Reviews created at or after
the run's cutoff are left for the next run (one window for every source); unchanged records are
recognised by content and not loaded twice (docs/decision-log.md, "Google reviews").
"""
from __future__ import annotations

import logging
import os
import re
from datetime import datetime, timezone

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

GOOGLE_HOST = "https://mybusiness.googleapis.com"
STAR_RATINGS = ("STAR_RATING_UNSPECIFIED", "ONE", "TWO", "THREE", "FOUR", "FIVE")
_NAME = re.compile(r"^accounts/[^/]+/locations/[^/]+/reviews/[^/]+$")
TIMEOUT = (10, 60)  # seconds: connect, read


def page_size() -> int:
    """Reviews per page: the API's maximum, 50, unless WEBCARE_GOOGLE_PAGE_SIZE asks for fewer."""
    size = int(os.environ.get("WEBCARE_GOOGLE_PAGE_SIZE", 50))
    if not 1 <= size <= 50:
        raise ValueError(f"WEBCARE_GOOGLE_PAGE_SIZE must be within 1..50, not {size}")
    return size


def make_session(retries: int = 5, backoff: float = 0.5) -> requests.Session:
    session = requests.Session()
    retry = Retry(total=retries, status_forcelist=(429, 500, 502, 503, 504), allowed_methods={"GET"},
                  backoff_factor=backoff, raise_on_status=False, respect_retry_after_header=True)
    session.mount("http://", HTTPAdapter(max_retries=retry))
    session.mount("https://", HTTPAdapter(max_retries=retry))
    return session


def review_key(record: object) -> str:
    """The review's resource name, after checking the fields the warehouse relies on."""
    if not isinstance(record, dict):
        raise InvalidRecord(f"not a JSON object: {type(record).__name__}")
    name = record.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise InvalidRecord(f"missing or invalid name: {describe(name)}")
    if not record.get("reviewId"):
        raise InvalidRecord("missing reviewId")
    if record.get("starRating") not in STAR_RATINGS:
        raise InvalidRecord(f"invalid starRating: {describe(record.get('starRating'))}")
    for field in ("createTime", "updateTime"):
        try:
            parse_rfc3339(record.get(field))
        except ValueError as exc:
            raise InvalidRecord(f"invalid {field}: {exc}") from None
    reply = record.get("reviewReply")
    if reply is not None:
        if not isinstance(reply, dict):
            raise InvalidRecord("reviewReply is not an object")
        try:
            parse_rfc3339(reply.get("updateTime"))
        except ValueError as exc:
            raise InvalidRecord(f"invalid reviewReply.updateTime: {exc}") from None
    return name


class ReviewsClient:
    def __init__(self, base_url: str, access_token: str, session: requests.Session | None = None,
                 timeout: tuple[float, float] = TIMEOUT):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = session or make_session()
        self.session.headers["Authorization"] = f"Bearer {access_token}"

    def list_page(self, location: str, page_token: str | None = None) -> dict:
        params = {"pageSize": page_size(), "orderBy": "updateTime desc"}
        if page_token:
            params["pageToken"] = page_token
        try:
            response = self.session.get(f"{self.base_url}/v4/{location}/reviews", params=params, timeout=self.timeout)
        except requests.RequestException as exc:
            raise ServerError(f"Google reviews for {location}: {type(exc).__name__}") from None
        if response.status_code in (401, 403):
            raise AuthError(f"Google refused the credentials for {location}: {response.text[:200]}")
        if response.status_code == 429:
            raise RateLimited(f"Google reviews quota exhausted for {location}")
        if response.status_code >= 500:
            raise ServerError(f"Google reviews for {location} kept failing: HTTP {response.status_code}")
        if response.status_code != 200:
            raise SourceError(f"Google reviews for {location}: HTTP {response.status_code} {response.text[:200]}")
        try:
            body = loads_page(response.content)  # a pathological record must not lose its page
        except ValueError:
            raise BadPayload(f"Google reviews page for {location} is not JSON") from None
        if not isinstance(body, dict):
            raise BadPayload(f"Google reviews page for {location} is not a JSON object")
        return body


def fetch_reviews(client: ReviewsClient, location: str, cutoff: datetime | None = None,
                  now: datetime | None = None, since: datetime | None = None) -> Extracted:
    """Every review of the location created before ``cutoff`` (all of them without one); with
    ``since``, those updated since ``reread_max_age()`` before it (the first page reaching back
    further is the last read).

    A review written after the cutoff waits for the next run; one stamped after the wall clock
    ``now`` (beyond a few minutes' tolerance) cannot have been written yet: it is kept, so that the
    raw gate sets it aside in the quarantine with its reason instead of it vanishing without a trace.
    The cursor after is the newest ``updateTime`` kept (for freshness; reading does not depend on it).
    """
    from webcare.extract import CLOCK_TOLERANCE
    from webcare.sources import reread_max_age

    impossible_after = (now or datetime.now(timezone.utc)) + CLOCK_TOLERANCE
    oldest = since - reread_max_age() if since else None
    records: list = []
    newest = reached = None
    token, pages = None, 0
    while True:
        body = client.list_page(location, token)
        pages += 1
        page = body.get("reviews", [])
        for review in page:
            updated = _time_or_none(review, "updateTime")
            reached = min(reached, updated) if reached and updated else reached or updated
            created = _time_or_none(review, "createTime")
            if cutoff and created and cutoff <= created <= impossible_after:
                continue  # written after the run's as-of instant: the next run reads it
            records.append(review)
            if updated and (cutoff is None or updated < cutoff):
                newest = max(newest, updated) if newest else updated
        token = body.get("nextPageToken")
        if not token:
            reached = None  # the end of the listing: every review was read
            break
        if oldest and page and (_time_or_none(page[-1], "updateTime") or oldest) < oldest:
            break  # newest first: the rest were last updated before the horizon
    # complete_from keeps every digit: an unread review of the same second must not look covered
    return Extracted(records, to_rfc3339(newest) if newest else None, pages, complete=True,
                     complete_from=reached.isoformat() if reached else None)


def _time_or_none(record: object, field: str) -> datetime | None:
    try:
        return parse_rfc3339(record.get(field)) if isinstance(record, dict) else None
    except ValueError:
        return None


def fetch(settings, location: str, since: datetime | None, cutoff: datetime) -> Extracted:
    """The source hook: the reviews of one location created before the cutoff, updated since the
    horizon before ``since`` (all of them without ``since``)."""
    return fetch_reviews(ReviewsClient(settings.base_url, settings.token), location, cutoff, since=since)
