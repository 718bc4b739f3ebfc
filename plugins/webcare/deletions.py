"""Posts deleted on the platform, as the warehouse learns of them.

Two ways, by what the API allows:

- a **complete read** (``Extracted.complete``: Google reviews, every review updated since the
  horizon, ``Extracted.complete_from``, or all of them): a record loaded before, created before
  the run's cutoff, updated after the oldest update the read reached, and missing from the read
  is gone;
- a **lookup of the posts still waiting** (``Source.lookup_deleted``: X, ``GET /2/tweets?ids=``):
  each run asks for the messages of the account that the published marts show unanswered (of the
  last ``WAITING_DAYS``), and the API says which no longer exist.

Each is recorded once in ``raw.deletions`` (raw keeps every version: nothing is erased here),
known from the warehouse's as-of instant at that moment (the run's cutoff, or the latest cutoff
already loaded when an old day is rerun); the marts take the message out of the backlog from then
on (docs/metrics.md#deleted).
"""
from __future__ import annotations

import logging

from webcare.sources import SOURCES

log = logging.getLogger(__name__)

WAITING_DAYS = 90  # how far back the posts still waiting are looked up each run
# the marts' channel, the institutions seed's column of each source's accounts, and what an id the
# platform can look up looks like (an imported export without the platform's ids has its own keys)
WAITING = {"x_mentions": ("x", "x_user_id", "^[0-9]{1,19}$")}


def record_missing(cur, source: str, account_id: str, present_keys: list[str], cutoff: str, run_id: str,
                   complete_from: str | None = None) -> int:
    """Record the account's loaded records created before ``cutoff`` that are not in ``present_keys``;
    with ``complete_from`` (a read that covered only the records updated after that instant), only
    those of them loaded with a later update time (the source's ``updated_field``)."""
    hooks = SOURCES[source]
    covered = ""
    if complete_from:
        if not hooks.updated_field:
            raise ValueError(f"{source} has no updated_field: a partial complete read cannot tell what is gone")
        covered = f"and (r.payload ->> '{hooks.updated_field}')::timestamptz > %(complete_from)s::timestamptz"
    cur.execute(
        f"""insert into raw.deletions (source, account_id, record_key, observed_at, run_id)
            select distinct %(source)s, r.account_id, r.record_key,
                   greatest(%(cutoff)s::timestamptz, (select max(cutoff) from raw.load_batches)), %(run_id)s
            from raw.{hooks.table} as r
            where r.account_id = %(account)s
              and (r.payload ->> %(created)s)::timestamptz < %(cutoff)s::timestamptz
              {covered}
              -- a hashed anti-join: `<> all(array)` compares every row with every key
              and not exists (select 1 from unnest(%(present)s::text[]) as present (key) where present.key = r.record_key)
            on conflict (source, account_id, record_key) do nothing""",
        {"source": source, "account": account_id, "cutoff": cutoff, "run_id": run_id,
         "created": hooks.created_field, "present": present_keys, "complete_from": complete_from},
    )
    return cur.rowcount


def record_deleted(cur, source: str, account_id: str, keys: list[str], cutoff: str, run_id: str) -> int:
    """Record the keys the API said no longer exist (a lookup of the posts still waiting)."""
    if not keys:
        return 0
    cur.execute(
        """insert into raw.deletions (source, account_id, record_key, observed_at, run_id)
           select %(source)s, %(account)s, key,
                  greatest(%(cutoff)s::timestamptz, (select max(cutoff) from raw.load_batches)), %(run_id)s
           from unnest(%(keys)s::text[]) as keys (key)
           on conflict (source, account_id, record_key) do nothing""",
        {"source": source, "account": account_id, "cutoff": cutoff, "run_id": run_id, "keys": list(keys)},
    )
    return cur.rowcount


def waiting_keys(source: str, account_id: str, cutoff, url: str) -> list[str]:
    """The account's messages the published marts show unanswered and not deleted, of the last WAITING_DAYS."""
    import psycopg2

    from webcare import warehouse

    channel, column, platform_id = WAITING[source]
    try:
        with warehouse.transaction(url) as conn, conn.cursor() as cur:
            cur.execute(
                f"""select f.native_id
                    from marts.fct_interactions as f
                    join reference.institutions as i on i.institution_id = f.institution_id
                    where f.channel_id = %s and i.{column} = %s and not f.is_answered and not f.is_deleted
                      and f.native_id ~ %s
                      and f.created_at >= %s::timestamptz - interval '{WAITING_DAYS} days'
                      and f.created_at < %s::timestamptz
                    order by f.created_at""",
                (channel, account_id, platform_id, cutoff, cutoff))
            return [key for (key,) in cur.fetchall()]
    except (psycopg2.errors.UndefinedTable, psycopg2.errors.UndefinedColumn):  # nothing published yet
        return []
