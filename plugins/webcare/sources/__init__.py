"""The sources the warehouse reads. Each is one raw table and a few hooks; adding a channel is
adding a ``Source`` here (see docs/adding-a-channel.md).

A source names its raw table, its channel, how a valid record is recognised (``record_key``,
which raises ``InvalidRecord``), which institution account it reads (``account``, from a row of
the institutions seed), how an account is fetched (``fetch``, through the Airflow connection
``connection``), and which texts its records carry (``texts``, redacted and classified by
webcare.annotate before staging).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable, Optional


@dataclass(frozen=True)
class Text:
    """A text a raw record carries: its kind, its JSON path in the payload, and which records carry it."""
    kind: str                # message (inbound) or reply (the institution's)
    path: str                # PostgreSQL path in the payload: '{text}', '{reviewReply,comment}'
    where: str = ""          # SQL condition on the raw row ``r`` (payload, account_id); empty: every record
    always: bool = False     # classify even without text (a rating-only review is classified from its stars)
    stars: str = "null"      # SQL expression of the star rating ('ONE'..'FIVE'), for messages


@dataclass(frozen=True)
class Source:
    name: str                                  # also the raw table's name
    channel: str                               # channel id in the channels seed
    record_key: Callable[[object], str]        # raises InvalidRecord with the reason
    texts: tuple[Text, ...] = ()
    connection: Optional[str] = None           # Airflow connection id of the API (None: not extracted by API)
    account: Optional[Callable[[dict], Optional[str]]] = None   # institutions seed row -> account id
    fetch: Optional[Callable] = None           # (ApiSettings, account_id, since, cutoff: datetime) -> Extracted
    created_field: str = "created_at"          # the payload's creation time (freshness, volume checks)
    lookback: timedelta = timedelta(0)         # how far before the cursor each run reads again (late visibility)
    lookup_deleted: Optional[Callable] = None  # (ApiSettings, keys) -> the keys the API says no longer exist
    rereads: bool = False                      # reads only recent history daily; a reread_all run reads it whole
    updated_field: str = ""                    # the payload's last-update time (what a partial complete read covers)
    # erasure (webcare.erase): the person a record is about, as ``<channel>:<id>``, and the record it answers
    author_path: tuple[str, ...] = ()          # payload path of the platform id of the person (author, or addressee)
    channel_path: tuple[str, ...] = ()         # payload path of the channel when the record names it (imports)
    parent_path: tuple[str, ...] = ()          # payload path of the record key this record replies to

    @property
    def table(self) -> str:
        return self.name


def reread_max_age() -> timedelta:
    """How far back a daily run reads posts, media and reviews for late comments and replies
    (``WEBCARE_REREAD_MAX_AGE_DAYS``, default 90; before the run's window). Older ones are read by
    a run with ``reread_all`` (docs/decision-log.md, "Graph comments", "Google reviews")."""
    import os

    days = float(os.environ.get("WEBCARE_REREAD_MAX_AGE_DAYS", 90))
    if days < 0:
        raise ValueError(f"WEBCARE_REREAD_MAX_AGE_DAYS must be >= 0, not {days}")
    return timedelta(days=days)


class InvalidRecord(ValueError):
    """A record that cannot be loaded: it goes to the quarantine with this reason."""


def _column(name: str) -> Callable[[dict], Optional[str]]:
    return lambda row: row.get(name) or None


def _sources() -> dict[str, Source]:
    from webcare.connections import GOOGLE_API, GRAPH_API, X_API
    from webcare.sources import facebook, google, instagram, imported, x

    def x_timeline(kind: str) -> Callable:
        def fetch(settings, account_id: str, since: Optional[datetime], cutoff: datetime):
            return x.fetch_timeline(x.make_client(settings.base_url, settings.token), kind, account_id, since, cutoff)
        return fetch

    def google_location(row: dict) -> Optional[str]:
        if not row.get("google_location_id"):
            return None
        return f"accounts/{row['google_account_id']}/locations/{row['google_location_id']}"

    sources = [
        Source("x_mentions", "x", x.tweet_key, (Text("message", "{text}"),),
               X_API, _column("x_user_id"), x_timeline("mentions"), lookback=x.LOOKBACK,
               author_path=("author_id",),
               lookup_deleted=lambda settings, keys: x.deleted_among(x.make_client(settings.base_url, settings.token),
                                                                     keys)),
        Source("x_tweets", "x", x.tweet_key, (Text("reply", "{text}"),),
               X_API, _column("x_user_id"), x_timeline("tweets"), lookback=x.LOOKBACK,
               author_path=("in_reply_to_user_id",)),  # the institution's reply: the person it answers
        Source("google_reviews", "google", google.review_key,
               (Text("message", "{comment}", always=True, stars="r.payload ->> 'starRating'"),
                Text("reply", "{reviewReply,comment}")),
               GOOGLE_API, google_location, google.fetch, "createTime", rereads=True,
               updated_field="updateTime", author_path=("reviewer", "profilePhotoUrl")),  # the API has no reviewer id
        Source("facebook_comments", "facebook", facebook.comment_key,
               (Text("message", "{message}", "r.payload #>> '{from,id}' is distinct from r.account_id"
                                            " and r.payload -> 'parent' is null"),
                Text("reply", "{message}", "r.payload #>> '{from,id}' = r.account_id"
                                          " and r.payload -> 'parent' is not null")),
               GRAPH_API, _column("facebook_page_id"), facebook.fetch_comments, "created_time",
               lookback=facebook.LOOKBACK, rereads=True, author_path=("from", "id"), parent_path=("parent", "id")),
        Source("facebook_ratings", "facebook", facebook.rating_key, (),
               GRAPH_API, _column("facebook_page_id"), facebook.fetch_ratings, "created_time", rereads=True,
               author_path=("reviewer", "id")),
        Source("instagram_comments", "instagram", instagram.ig_comment_key,
               (Text("message", "{text}", "r.payload #>> '{from,id}' is distinct from r.account_id"
                                         " and r.payload ->> 'parent_id' is null"),
                Text("reply", "{text}", "r.payload #>> '{from,id}' = r.account_id"
                                       " and r.payload ->> 'parent_id' is not null")),
               GRAPH_API, _column("instagram_user_id"), instagram.fetch, "timestamp", lookback=facebook.LOOKBACK,
               rereads=True, author_path=("from", "id"), parent_path=("parent_id",)),
        # file exports (webcare.imports): loaded by the import command and DAG, never fetched
        Source("imported_messages", "imported", imported.record_key,
               (Text("message", "{text}", "not (r.payload ->> 'is_institution')::boolean",
                     always=True, stars="r.payload ->> 'star_rating'"),
                Text("reply", "{text}", "(r.payload ->> 'is_institution')::boolean")),
               author_path=("author_id",), channel_path=("channel",), parent_path=("in_reply_to_id",)),
    ]
    return {source.name: source for source in sources}


SOURCES: dict[str, Source] = _sources()
