"""Posts deleted on the platform: what a complete read of an account no longer returns.

A source whose fetch reads everything the API has for an account (``Extracted.complete``: Google
reviews, read whole every run) tells the warehouse what is gone: a record loaded before, created
before the run's cutoff, and missing from the read was deleted by its author or the platform.
It is recorded once in ``raw.deletions`` (raw itself keeps every version: nothing is erased
here), known from the warehouse's as-of instant at that moment (the run's cutoff, or the latest
cutoff already loaded when an old day is rerun), and the marts take the message out of the
backlog from then on (docs/metrics.md#deleted).
"""
from __future__ import annotations

from webcare.sources import SOURCES


def record_missing(cur, source: str, account_id: str, present_keys: list[str], cutoff: str, run_id: str) -> int:
    """Record the account's loaded records created before ``cutoff`` that are not in ``present_keys``."""
    hooks = SOURCES[source]
    cur.execute(
        f"""insert into raw.deletions (source, account_id, record_key, observed_at, run_id)
            select distinct %(source)s, r.account_id, r.record_key,
                   greatest(%(cutoff)s::timestamptz, (select max(cutoff) from raw.load_batches)), %(run_id)s
            from raw.{hooks.table} as r
            where r.account_id = %(account)s
              and (r.payload ->> %(created)s)::timestamptz < %(cutoff)s::timestamptz
              and r.record_key <> all(%(present)s)
            on conflict (source, account_id, record_key) do nothing""",
        {"source": source, "account": account_id, "cutoff": cutoff, "run_id": run_id,
         "created": hooks.created_field, "present": present_keys},
    )
    return cur.rowcount
