"""Instagram Graph API v21.0: comments on an account's media and the replies to them, hidden ones included.

Media → each medium's comments → each comment's replies (the account's answers among them, with
``from.id`` the account and ``parent_id`` the comment). Comments the account hid are returned
with ``hidden: true`` and kept: hiding is a moderation decision worth measuring, not a deletion.
Client, retries and errors are the Facebook ones (``webcare.sources.facebook.GraphClient``).

**Which media a run reads** is Facebook's plan (``facebook.read_plan``): a full extraction reads
every medium; an incremental run lists the media of the last ``WEBCARE_REREAD_MAX_AGE_DAYS`` (90)
before its window (``facebook.recent_listing``) and reads the media created within the horizon before its window,
the older media whose ``comments_count`` (Graph: comments and replies on the medium) differs from
the number of comments and replies the warehouse has loaded for it (``loaded_comment_counts``; a
count that differs, for whatever reason, means a read, never a skip), and every older medium on its
slow re-read day (once a week, by id), when all its comments are kept. Instagram's ``/replies`` has
no order, so a medium that is read has every comment's replies read: by field expansion
(``replies.limit(100){...}`` in the comments' ``fields``), so one request per page of comments
brings their replies too, and ``/{comment-id}/replies`` is asked only for the pages after a
comment's first hundred replies (or when a comment's expanded ``replies`` is not a readable page).
"""
from __future__ import annotations

import re
from datetime import datetime

from webcare.errors import describe
from webcare.sources import InvalidRecord
from webcare.sources.facebook import (WINDOW, GraphClient, _ids, _time_or_none, as_instant, in_window,
                                      parse_graph_time, read_plan, recent_listing)
from webcare.sources.x import Extracted
from webcare.timestamps import to_rfc3339

IG_COMMENT_FIELDS = "id,text,timestamp,username,from,parent_id,hidden"
_DIGITS = re.compile(r"^[0-9]+$")


def ig_comment_key(record: object) -> str:
    """The comment's id, after checking the fields the warehouse relies on."""
    if not isinstance(record, dict):
        raise InvalidRecord(f"not a JSON object: {type(record).__name__}")
    comment_id = record.get("id")
    if not isinstance(comment_id, str) or not _DIGITS.match(comment_id):
        raise InvalidRecord(f"missing or invalid id: {describe(comment_id)}")
    if not isinstance(record.get("media_id"), str) or not _DIGITS.match(record["media_id"]):
        raise InvalidRecord(f"missing or invalid media_id: {describe(record.get('media_id'))}")
    try:
        parse_graph_time(record.get("timestamp"))
    except ValueError as exc:
        raise InvalidRecord(f"invalid timestamp: {exc}") from None
    if not isinstance(record.get("text"), str):
        raise InvalidRecord("missing text")
    if "hidden" in record and not isinstance(record["hidden"], bool):
        raise InvalidRecord(f"hidden is not a boolean: {describe(record['hidden'])}")
    parent_id = record.get("parent_id")
    if parent_id is not None and (not isinstance(parent_id, str) or not _DIGITS.match(parent_id)):
        raise InvalidRecord(f"invalid parent_id: {describe(parent_id)}")
    return comment_id


def fetch_instagram_comments(client: GraphClient, ig_user_id: str, since: str | datetime | None,
                             until: datetime | None = None, loaded: dict[str, int] | None = None) -> Extracted:
    """Comments and replies on an account's media (those ``read_plan`` picks) with a ``timestamp`` in
    ``[since, until)`` (before ``until`` for a medium on its slow re-read day).

    ``loaded`` is the number of comments and replies the warehouse holds per medium; without it
    (unknown) every medium counts as changed. Records are the comment objects plus ``media_id``;
    the cursor is ``until``, or without it the newest ``timestamp`` seen (RFC 3339), or ``since``
    when nothing new came.
    """
    since_at = as_instant(since)
    media_pages = recent_listing(client, f"{ig_user_id}/media", {"fields": "id,timestamp,comments_count"},
                                 "timestamp", since_at)
    media = {item["id"]: item for body in media_pages for item in body["data"]
             if isinstance(item, dict) and isinstance(item.get("id"), str)}
    plan = read_plan([(media_id, _time_or_none(item, "timestamp"),
                       loaded is None or item.get("comments_count") != loaded.get(media_id, 0))
                      for media_id, item in media.items()], since_at, until)
    records: list = []
    pages, newest = len(media_pages), since_at

    def keep(comment: object, media_id: str) -> None:
        nonlocal newest
        created = _time_or_none(comment, "timestamp")
        if not in_window(created, since_at if plan[media_id] == WINDOW else None, until):
            return
        records.append({**comment, "media_id": media_id} if isinstance(comment, dict) else comment)
        if created and (since_at is None or created >= since_at):
            newest = max(newest, created) if newest else created

    fields = f"{IG_COMMENT_FIELDS},replies.limit({client.limit}){{{IG_COMMENT_FIELDS}}}"
    for media_id in _ids(media_pages):
        if media_id not in plan:
            continue
        for body in client.paged(f"{media_id}/comments", {"fields": fields}):
            pages += 1
            for comment in body["data"]:
                if not isinstance(comment, dict):
                    keep(comment, media_id)
                    continue
                nested = comment.get("replies")
                keep({k: v for k, v in comment.items() if k != "replies"}, media_id)
                if nested is None:  # Graph leaves a comment without replies without the field
                    continue
                if isinstance(nested, dict) and isinstance(nested.get("data"), list):
                    for reply in nested["data"]:
                        keep(reply, media_id)
                    following = (nested.get("paging") or {}).get("next")
                    if not following:
                        continue
                    path, query = client.follow(following)
                elif isinstance(comment.get("id"), str):  # an expansion we cannot read: the edge itself
                    path, query = f"{comment['id']}/replies", {"fields": IG_COMMENT_FIELDS}
                else:
                    continue
                for replies in client.paged(path, query):
                    pages += 1
                    for reply in replies["data"]:
                        keep(reply, media_id)
    cursor = until if until else newest
    return Extracted(records, to_rfc3339(cursor) if cursor else None, pages)


def loaded_comment_counts(ig_user_id: str, url: str | None = None) -> dict[str, int]:
    """Comments and replies loaded per medium of an account (distinct ids in raw.instagram_comments)."""
    from webcare import warehouse

    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        cur.execute("select payload ->> 'media_id', count(distinct record_key) from raw.instagram_comments"
                    " where account_id = %s group by 1", (ig_user_id,))
        return dict(cur.fetchall())


def fetch(settings, ig_user_id: str, since: datetime | None, cutoff: datetime) -> Extracted:
    """The source hook for ``instagram_comments``: the window ``[since, cutoff)``."""
    return fetch_instagram_comments(GraphClient(settings.base_url, settings.token, wait_on_rate_limit=True),
                                    ig_user_id, since, cutoff, loaded_comment_counts(ig_user_id) if since else None)
