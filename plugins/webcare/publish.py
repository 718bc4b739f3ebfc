"""Publish validated marts: copy ``marts_build`` into ``marts`` in one transaction.

BI tools read only ``marts``. dbt builds into ``marts_build``; the DAG publishes after the GX
marts checkpoint passes (write-audit-publish), so a failed build or check leaves the previous
day's marts in place. PostgreSQL's transactional DDL makes the swap atomic for readers.
"""
from __future__ import annotations

import logging

from webcare import warehouse

log = logging.getLogger(__name__)
BUILD_SCHEMA = "marts_build"
PUBLISHED_SCHEMA = "marts"


def publish(url: str | None = None) -> dict[str, int]:
    url = warehouse.bootstrap(url)
    counts: dict[str, int] = {}
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        cur.execute("select table_name from information_schema.tables where table_schema = %s"
                    " and table_type = 'BASE TABLE' order by table_name", (BUILD_SCHEMA,))
        tables = [row[0] for row in cur.fetchall()]
        if not tables:
            raise RuntimeError(f"nothing to publish: {BUILD_SCHEMA} has no tables (did dbt build run?)")
        cur.execute("select table_name from information_schema.tables where table_schema = %s",
                    (PUBLISHED_SCHEMA,))
        for (stale,) in cur.fetchall():
            if stale not in tables:
                cur.execute(f'drop table {PUBLISHED_SCHEMA}."{stale}" cascade')
        for table in tables:
            cur.execute(f'drop table if exists {PUBLISHED_SCHEMA}."{table}" cascade')
            cur.execute(f'create table {PUBLISHED_SCHEMA}."{table}" (like {BUILD_SCHEMA}."{table}" including all)')
            cur.execute(f'insert into {PUBLISHED_SCHEMA}."{table}" select * from {BUILD_SCHEMA}."{table}"')
            counts[table] = cur.rowcount
            cur.execute(f'grant select on {PUBLISHED_SCHEMA}."{table}" to {warehouse.BI_ROLE}')
    log.info("published marts: %s", counts)
    return counts
