"""Publish validated marts: ``marts_build`` becomes ``marts`` by renaming schemas, in one transaction.

BI tools read only ``marts``. dbt builds into ``marts_build``; the DAG publishes after the GX
marts checkpoint passes (write-audit-publish), so a failed build or check leaves the previous
day's marts in place.

Publishing copies nothing: the validated schema is renamed into place (issue 12; copying every
mart table each run cost time in proportion to all history). In one transaction:

1. the schema of two publishes ago (``marts_previous``) is dropped if no reader still holds one
   of its tables; if one does (a BI query that has run for a day), it is renamed aside
   (``marts_previous_<n>``) and dropped by a later publish, and publishing goes on;
2. ``marts`` becomes ``marts_previous``; ``marts_build`` becomes ``marts``; BI gets ``usage`` on
   the new ``marts`` and ``select`` on its tables.

Renaming a schema takes no lock on its tables, so a BI query already running goes on reading the
tables it opened (now the previous marts) and its next query reads the new ones; publishing no
longer waits for readers. PostgreSQL's transactional DDL makes the swap atomic: a reader sees the
old marts or the new ones, never a mix. After publishing ``marts_build`` does not exist until the
next build (dbt creates it); dbt docs describe the published schema (``webcare.dbt.docs_generate``).
"""
from __future__ import annotations

import logging

from webcare import warehouse

log = logging.getLogger(__name__)
BUILD_SCHEMA = "marts_build"
PUBLISHED_SCHEMA = "marts"
PREVIOUS_SCHEMA = "marts_previous"
# how long dropping the schema of two publishes ago may wait for a reader before it is set aside
DROP_WAIT = "2s"


def _schema_exists(cur, name: str) -> bool:
    cur.execute("select 1 from pg_namespace where nspname = %s", (name,))
    return cur.fetchone() is not None


def _retire_previous(cur) -> list[str]:
    """Drop ``marts_previous`` and any schema set aside by an earlier publish, each only if no
    reader holds its tables (a savepoint each); return the schemas that could not be dropped yet."""
    from psycopg2 import errors

    cur.execute("select nspname from pg_namespace where nspname = %s or nspname like %s order by nspname",
                (PREVIOUS_SCHEMA, f"{PREVIOUS_SCHEMA}\\_%"))
    schemas = [row[0] for row in cur.fetchall()]
    cur.execute("select current_setting('lock_timeout')")
    (lock_timeout,) = cur.fetchone()
    cur.execute("select set_config('lock_timeout', %s, true)", (DROP_WAIT,))
    kept = []
    for schema in schemas:
        cur.execute("savepoint retire")
        try:
            cur.execute(f'drop schema "{schema}" cascade')
        except errors.LockNotAvailable:
            cur.execute("rollback to savepoint retire")
            kept.append(schema)
            log.warning("schema %s is still being read (a long BI query): set aside, dropped by a later publish",
                        schema)
        cur.execute("release savepoint retire")
    cur.execute("select set_config('lock_timeout', %s, true)", (lock_timeout,))
    if PREVIOUS_SCHEMA in kept:
        cur.execute("select count(*) from pg_namespace where nspname like %s", (f"{PREVIOUS_SCHEMA}\\_%",))
        aside = f"{PREVIOUS_SCHEMA}_{cur.fetchone()[0] + 1}"
        cur.execute(f'alter schema {PREVIOUS_SCHEMA} rename to "{aside}"')
    return kept


def _grant_published(cur) -> None:
    """The published schema to its readers, and a new empty build schema for dbt (webcare.roles): the
    schemas are the publisher's; the tables are dbt's, readable by BI by default privileges."""
    from webcare import roles

    cur.execute("select current_user")
    if not cur.fetchone()[0].startswith(roles.PREFIX):  # a warehouse without roles: BI's grant only
        cur.execute(f"grant usage on schema {PUBLISHED_SCHEMA} to {warehouse.BI_ROLE}")
        cur.execute(f"grant select on all tables in schema {PUBLISHED_SCHEMA} to {warehouse.BI_ROLE}")
        return
    readers = ", ".join(roles.name(r) for r in (roles.BI, roles.VALIDATOR, roles.LOADER))
    cur.execute(f"revoke all on schema {PUBLISHED_SCHEMA} from {roles.name(roles.TRANSFORMER)}")
    cur.execute(f"grant usage on schema {PUBLISHED_SCHEMA} to {readers}")
    cur.execute(f"create schema {BUILD_SCHEMA}")
    cur.execute(f"grant usage, create on schema {BUILD_SCHEMA} to {roles.name(roles.TRANSFORMER)}")
    cur.execute(f"grant usage on schema {BUILD_SCHEMA} to {roles.name(roles.VALIDATOR)}")


@warehouse.acting_as("publisher")
def publish(url: str | None = None) -> dict[str, int]:
    """Publish ``marts_build``; return the row count of every published table (read, not copied)."""
    url = warehouse.bootstrap(url)
    counts: dict[str, int] = {}
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        cur.execute("select table_name from information_schema.tables where table_schema = %s"
                    " and table_type = 'BASE TABLE' order by table_name", (BUILD_SCHEMA,))
        tables = [row[0] for row in cur.fetchall()]
        if not tables:
            raise RuntimeError(f"nothing to publish: {BUILD_SCHEMA} has no tables (did dbt build run?)")
        _retire_previous(cur)
        if _schema_exists(cur, PUBLISHED_SCHEMA):
            cur.execute(f"alter schema {PUBLISHED_SCHEMA} rename to {PREVIOUS_SCHEMA}")
            cur.execute(f"revoke all on schema {PREVIOUS_SCHEMA} from {warehouse.BI_ROLE}")
        cur.execute(f"alter schema {BUILD_SCHEMA} rename to {PUBLISHED_SCHEMA}")
        _grant_published(cur)
        for table in tables:
            cur.execute(f'select count(*) from {PUBLISHED_SCHEMA}."{table}"')
            counts[table] = cur.fetchone()[0]
    log.info("published marts: %s", counts)
    return counts
