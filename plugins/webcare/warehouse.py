"""Connecting to the warehouse and creating what the loaders need (schemas, raw tables, roles).

The warehouse is, in order: ``WEBCARE_WAREHOUSE_URL``; the Airflow connection
``webcare_warehouse``; else the embedded PostgreSQL cluster, started on demand.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from webcare import config
from webcare.errors import WarehouseError
from webcare.sources import SOURCES

CONN_ID = "webcare_warehouse"
BI_ROLE = "webcare_bi"


def _airflow_connection_url() -> str | None:
    try:
        from airflow.sdk import BaseHook
    except ImportError:  # running without Airflow (scripts, benchmarks)
        return None
    try:
        conn = BaseHook.get_connection(CONN_ID)
    except Exception:  # not defined: Airflow raises its own not-found error
        return None
    return conn.get_uri().replace("postgres://", "postgresql://", 1)


def warehouse_url() -> str:
    url = os.environ.get("WEBCARE_WAREHOUSE_URL") or _airflow_connection_url()
    if url:
        return url
    from webcare.embedded_pg import default_cluster

    url = default_cluster().start()
    os.environ["WEBCARE_WAREHOUSE_URL"] = url
    return url


def url_parts(url: str) -> dict[str, str]:
    """Host, port, user, password and database of a postgresql:// URL (for dbt and GX)."""
    parts = urlsplit(url)
    return {
        "host": parts.hostname or "127.0.0.1",
        "port": str(parts.port or 5432),
        "user": unquote(parts.username or "postgres"),
        "password": unquote(parts.password or ""),
        "dbname": parts.path.lstrip("/") or "postgres",
    }


# Nothing waits for ever: every session of the warehouse (ours, dbt's through PGOPTIONS, GX's through
# its URL) cancels a statement running longer than the statement timeout, a wait for a lock longer
# than the lock timeout, and a transaction left idle longer than the idle timeout. PostgreSQL
# durations ("30min", "90s", "0" for none); connecting gives up after the connect timeout (seconds).
SESSION_TIMEOUTS = {  # setting: (environment variable, default)
    "statement_timeout": ("WEBCARE_STATEMENT_TIMEOUT", "30min"),
    "lock_timeout": ("WEBCARE_LOCK_TIMEOUT", "5min"),
    "idle_in_transaction_session_timeout": ("WEBCARE_IDLE_IN_TRANSACTION_TIMEOUT", "15min"),
}
CONNECT_TIMEOUT_ENV, CONNECT_TIMEOUT_DEFAULT = "WEBCARE_CONNECT_TIMEOUT", "10"
# And no JIT compilation (issue 12; docs/decision-log.md, "No JIT"): the planner's estimates of the
# models' CTEs run to millions of rows where a few hundred come, and PostgreSQL then spent 6 of the
# 6.4 s of an incremental SLA model build compiling it. WEBCARE_PG_JIT=on gives it back.
SESSION_PLANNER = {"jit": ("WEBCARE_PG_JIT", "off")}


class WarehouseTimeout(WarehouseError):
    """A statement or a lock wait of the warehouse ran past its timeout and was cancelled."""


def timeout_error(what: str, exc: Exception) -> WarehouseTimeout | None:
    """A clear :class:`WarehouseTimeout` for a psycopg2 error that is a session timeout, else None."""
    from psycopg2 import errors

    settings = session_settings()
    if isinstance(exc, errors.QueryCanceled) and "statement timeout" in str(exc):
        name = "statement_timeout"
        detail = "a statement ran longer than"
    elif isinstance(exc, errors.LockNotAvailable) and "lock timeout" in str(exc):
        name = "lock_timeout"
        detail = "a statement waited for a lock (held by another session) longer than"
    elif isinstance(exc, errors.IdleInTransactionSessionTimeout):
        name = "idle_in_transaction_session_timeout"
        detail = "a transaction stayed idle longer than"
    else:
        return None
    env = SESSION_TIMEOUTS[name][0]
    return WarehouseTimeout(f"{what}: {detail} {name}={settings[name]} ({env}) and was cancelled: "
                            f"{str(exc).strip().splitlines()[0]}")


def session_settings(**overrides: str) -> dict[str, str]:
    """The timeouts (and planner settings) every warehouse session gets (from the environment), with
    ``overrides``."""
    settings = {name: os.environ.get(env, default)
                for name, (env, default) in {**SESSION_TIMEOUTS, **SESSION_PLANNER}.items()}
    settings.update(overrides)
    for name, value in settings.items():
        if not value or any(c.isspace() or c in "'\\" for c in value):
            raise ValueError(f"{name}={value!r}: a PostgreSQL setting without spaces or quotes"
                             " (a duration such as 30min, 90s or 0; on or off)")
    return settings


def session_options(**overrides: str) -> str:
    """The libpq ``options`` string (also usable as PGOPTIONS) carrying the session timeouts."""
    return " ".join(f"-c {name}={value}" for name, value in session_settings(**overrides).items())


def connect_timeout() -> int:
    return int(os.environ.get(CONNECT_TIMEOUT_ENV, CONNECT_TIMEOUT_DEFAULT))


def with_session_options(url: str) -> str:
    """``url`` with the session timeouts and the connect timeout in its query (for SQLAlchemy, e.g. GX)."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query["options"] = (query.get("options", "") + " " + session_options()).strip()
    query.setdefault("connect_timeout", str(connect_timeout()))
    return urlunsplit(parts._replace(query=urlencode(query)))


_ACTING: list[str] = []  # the roles of the work in progress (innermost last): webcare.roles


@contextmanager
def acting_as(role: str):
    """Every connection opened in this block (this process, any thread) uses ``role``'s login."""
    from webcare import roles

    roles.name(role)  # a known role
    _ACTING.append(role)
    try:
        yield
    finally:
        _ACTING.pop()


def acting_role() -> str | None:
    return _ACTING[-1] if _ACTING else None


def role_url(role: str | None = None, url: str | None = None) -> str:
    """The URL ``role`` (default: the role acted as) connects with; the bootstrap's URL when the
    bootstrap could not create roles, or when no role is acted as."""
    url = url or warehouse_url()
    role = role or acting_role()
    if role is None or (urlsplit(url).username or "").startswith("webcare_") or not bootstrap_roles(url):
        return url
    from webcare import roles

    return roles.url_for(role, url)


def connect(url: str | None = None, application_name: str = "webcare", admin: bool = False, **overrides: str):
    """A psycopg2 connection to the warehouse with the session timeouts (``overrides`` by setting name),
    as the role acted as (``acting_as``) unless ``admin`` (the bootstrap's own user)."""
    import psycopg2

    url = url or warehouse_url()
    if not admin:
        url = role_url(url=url)
    return psycopg2.connect(url, application_name=application_name,
                            connect_timeout=connect_timeout(), options=session_options(**overrides))


@contextmanager
def transaction(url: str | None = None, admin: bool = False):
    """A connection whose work commits at the end of the block, or rolls back on error."""
    conn = connect(url, admin=admin)
    try:
        with conn:
            yield conn
    finally:
        conn.close()


# Raw tables are partitioned by month (issue 12), created here, outside dbt. The partition key is
# `created_month`, the UTC month of the record's own creation time (the source's `created_field`,
# parsed at load: webcare.load.created_month): the same record version always has the same one, so
# the unique key (which must hold the partition key) still stops a rerun in another month, or a
# re-read a year later, from loading it twice (a month of loading or of batch_date would not). A
# month's partition is created before the first row of that month arrives (`ensure_partitions`: by
# the loader for the months of its batch, by bootstrap for this month and the next); the default
# partition catches anything else. Indexes, on every partition: the unique key (the loader's
# "already loaded" probe by account and key, and its conflict target) and BRIN indexes on raw_id,
# loaded_at and batch_date: raw is append-only, so those follow the physical order, and a BRIN
# index serves the incremental filters (raw_id or loaded_at watermarks, the raw gate's batch_date)
# for almost nothing at load time. raw_id stays unique by its sequence (no primary key: it would
# have to hold the partition key).
RAW_TABLE_DDL = """
create table if not exists raw.{table} (
    raw_id          bigserial,
    record_key      text        not null,  -- the API's own id (tweet id, review resource name)
    account_id      text        not null,  -- the institution account the record was read from
    payload         jsonb       not null,  -- the record exactly as the API returned it
    payload_sha256  text        not null,  -- a new version of a record is a new row
    run_id          text        not null,
    batch_date      date        not null,  -- the day the run extracted (its data interval)
    extracted_at    timestamptz not null,
    loaded_at       timestamptz not null default now(),
    created_month   date        not null,  -- partition key: first day of the UTC month of its creation time
    unique (account_id, record_key, payload_sha256, created_month)
) partition by range (created_month);
create table if not exists raw.{table}_default partition of raw.{table} default;
create index if not exists {table}_raw_id on raw.{table} using brin (raw_id);
create index if not exists {table}_loaded_at on raw.{table} using brin (loaded_at);
create index if not exists {table}_batch_date on raw.{table} using brin (batch_date);
"""
PARTITION_DDL = """create table if not exists raw.{name} partition of raw.{table}
    for values from ('{start}') to ('{end}')"""


def partition_name(table: str, month) -> str:
    return f"{table}_p{month:%Y_%m}"


def ensure_partitions(cur, table: str, months) -> list[str]:
    """Create the monthly partitions of ``raw.<table>`` for ``months`` (first days of months) that do
    not exist yet, in the caller's transaction; returns the names created. Rows of such a month
    that sit in the default partition (loaded before its partition existed) move into it."""
    import datetime as dt

    cur.execute("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                " join pg_class p on p.oid = i.inhparent join pg_namespace n on n.oid = p.relnamespace"
                " where n.nspname = 'raw' and p.relname = %s", (table,))
    existing = {name for (name,) in cur.fetchall()}
    created = []
    for month in sorted(set(months)):
        name = partition_name(table, month)
        if name in existing:
            continue
        end = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
        cur.execute("select pg_advisory_xact_lock(hashtext(%s))", (f"webcare.partition.{table}",))
        cur.execute("select to_regclass(%s)", (f"raw.{name}",))
        if cur.fetchone()[0] is not None:  # another loader made it meanwhile
            continue
        cur.execute(f"create temporary table moving (like raw.{table}) on commit drop")
        cur.execute(f"with moved as (delete from raw.{table}_default where created_month >= %s and created_month < %s"
                    f" returning *) insert into moving select * from moved", (month, end))
        cur.execute(PARTITION_DDL.format(name=name, table=table, start=month, end=end))
        cur.execute(f"insert into raw.{table} select * from moving")
        cur.execute("drop table moving")
        created.append(name)
    return created


def months_ahead(today=None) -> list:
    """This month and the next (first days): the partitions bootstrap creates ahead of the loads."""
    import datetime as dt

    today = today or dt.datetime.now(dt.timezone.utc).date()
    this = today.replace(day=1)
    return [this, dt.date(this.year + this.month // 12, this.month % 12 + 1, 1)]


def _raw_kind(cur, table: str) -> str | None:
    """'p' for a partitioned raw table, 'r' for an ordinary one (before issue 12), None when absent."""
    cur.execute("select c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                " where n.nspname = 'raw' and c.relname = %s", (table,))
    row = cur.fetchone()
    return row[0] if row else None


def migrate_to_partitions(cur, source) -> int:
    """Turn an unpartitioned ``raw.<table>`` (a warehouse from before issue 12) into the partitioned
    one, every row kept with its raw_id, in the caller's transaction; returns the rows moved.

    The old table is renamed (its constraints, indexes and sequence too), the new one created, the
    rows copied with their ``created_month`` computed by the loader's own function (so a later
    load of the same record finds it), the sequence carried on, and the old table dropped. Views
    on it (dbt's staging views, rebuilt by every ``dbt build``) go with it."""
    from webcare.load import created_month

    table, old = source.table, f"{source.table}_unpartitioned"
    cur.execute("select pg_get_serial_sequence(%s, 'raw_id')", (f"raw.{table}",))
    (sequence,) = cur.fetchone()
    cur.execute(f"alter table raw.{table} rename to {old}")
    cur.execute("select conname from pg_constraint where conrelid = %s::regclass", (f"raw.{old}",))
    for n, (name,) in enumerate(cur.fetchall()):  # short names: PostgreSQL cuts identifiers at 63 bytes
        cur.execute(f'alter table raw.{old} rename constraint "{name}" to "{old}_c{n}"')
    cur.execute("select indexname from pg_indexes where schemaname = 'raw' and tablename = %s"
                " and indexname not like %s", (old, f"{old}%"))
    for n, (name,) in enumerate(cur.fetchall()):
        cur.execute(f'alter index raw."{name}" rename to "{old}_i{n}"')
    if sequence:
        cur.execute(f"alter sequence {sequence} rename to {old}_raw_id_seq")
    cur.execute(RAW_TABLE_DDL.format(table=table))
    columns = "raw_id, record_key, account_id, payload, payload_sha256, run_id, batch_date, extracted_at, loaded_at"
    import json

    import psycopg2.extras

    moved = 0
    with cur.connection.cursor(name=f"migrate_{table}") as rows:  # streamed: the table may be large
        rows.itersize = 10_000
        rows.execute(f"select {columns.replace('payload,', 'payload::text,')} from raw.{old} order by raw_id")
        while True:
            chunk = rows.fetchmany(10_000)
            if not chunk:
                break
            chunk = [(*row, created_month(source.name, json.loads(row[3]))) for row in chunk]  # payload text kept
            ensure_partitions(cur, table, {row[-1] for row in chunk})
            psycopg2.extras.execute_values(cur, f"insert into raw.{table} ({columns}, created_month) values %s",
                                           chunk, template="(%s, %s, %s, %s::jsonb, %s, %s, %s, %s, %s, %s)",
                                           page_size=1000)
            moved += len(chunk)
    if moved:
        cur.execute(f"select setval(pg_get_serial_sequence(%s, 'raw_id'), (select max(raw_id) from raw.{old}))",
                    (f"raw.{table}",))
    cur.execute(f"drop table raw.{old} cascade")
    return moved


BOOTSTRAP_DDL = """
create schema if not exists raw;
create schema if not exists marts;
create schema if not exists private;
revoke all on schema private from public;
create table if not exists private.settings (name text primary key, value text not null);
-- The salt is the session's (webcare.pseudonyms: dbt gets it through PGOPTIONS), never stored here.
create or replace function private.pseudonymise(value text) returns text
    language plpgsql stable parallel safe
    as $fn$
    declare
        salt text := current_setting('webcare.pseudonym_salt', true);
    begin
        if salt is null or salt = '' then
            raise exception 'no pseudonym salt in this session (webcare.pseudonym_salt): dbt receives it from WEBCARE_PSEUDONYM_SALT (webcare.pseudonyms)';
        end if;
        return encode(sha256(convert_to(salt || ':' || value, 'UTF8')), 'hex');
    end
    $fn$;
revoke all on function private.pseudonymise(text) from public;
-- Whose build chain is running (webcare.pipeline): one row at most, read and written under the
-- advisory lock webcare.build.
create table if not exists private.build_claim (
    singleton       boolean     primary key default true check (singleton),
    run_id          text        not null,  -- the run whose chain is building
    step            text        not null,  -- its step running or last started
    claimed_at      timestamptz not null,  -- when the run took the claim
    step_started_at timestamptz not null   -- the claim's heartbeat: older than the TTL is stale
);
create table if not exists raw.quarantine (
    quarantine_id   bigserial primary key,
    source          text        not null,
    account_id      text        not null,
    record_text     text        not null,  -- the rejected record as received
    record_sha256   text        not null,
    reason          text        not null,
    run_id          text        not null,
    batch_date      date        not null,
    extracted_at    timestamptz not null,
    quarantined_at  timestamptz not null default now(),
    unique (source, account_id, record_sha256)
);
create table if not exists raw.extract_cursors (
    source          text        not null,
    account_id      text        not null,
    cursor_value    text        not null,  -- RFC 3339: read up to here (Google: newest updateTime)
    run_id          text        not null,
    updated_at      timestamptz not null default now(),
    primary key (source, account_id)
);
create table if not exists raw.load_batches (
    run_id              text        not null,
    source              text        not null,
    account_id          text        not null,
    batch_date          date        not null,
    extracted_at        timestamptz not null,
    records_received    integer     not null,
    records_inserted    integer     not null,
    records_seen_before integer     not null,
    records_quarantined integer     not null,
    cursor_before       text,
    cursor_after        text,
    loaded_at           timestamptz not null default now(),
    primary key (run_id, source, account_id)
);
-- the end of the extracted day: the warehouse knows nothing written at or after it
alter table raw.load_batches add column if not exists cutoff timestamptz;
alter table raw.load_batches add column if not exists records_duplicated integer not null default 0;
-- what the extractor warned about (a timeline cap reached, a short page, an abnormal cursor); never text
alter table raw.load_batches add column if not exists warnings jsonb not null default '[]';

-- Records a complete read of their account no longer returned (webcare.deletions): deleted on the
-- platform. Known from `observed_at`, the warehouse's as-of instant when a read first missed them.
create table if not exists raw.deletions (
    source          text        not null,
    account_id      text        not null,
    record_key      text        not null,
    observed_at     timestamptz not null,
    run_id          text        not null,
    recorded_at     timestamptz not null default now(),
    primary key (source, account_id, record_key)
);

-- One row per export file imported (webcare.imports): the file's content hash is the import's
-- idempotency key, so the same bytes are never imported twice.
create table if not exists raw.file_imports (
    file_sha256         text        primary key,
    file_name           text        not null,  -- the name only, no folder
    mapping             text        not null,
    run_id              text        not null,
    rows_rejected       integer     not null,  -- in raw.quarantine (source imported_messages), with line and column
    records_read        integer     not null,
    records_inserted    integer     not null,
    records_seen_before integer     not null,
    first_created_at    timestamptz,
    last_created_at     timestamptz,
    imported_at         timestamptz not null default now()
);
-- rows still rejected (the others loaded), and how many rejected rows later imports fixed
alter table raw.file_imports add column if not exists rows_fixed integer not null default 0;
alter table raw.file_imports add column if not exists attempts integer not null default 1;
alter table raw.file_imports add column if not exists last_attempt_at timestamptz;
-- The import ledger's rejected rows: one per file and line that did not load (the other lines of
-- the file did). Running the same import again re-processes these lines, and only these
-- (docs/file-imports.md#fix-and-retry); a line that then loads gets loaded_at and its quarantine
-- rows resolved_at.
create table if not exists raw.file_import_rejections (
    file_sha256      text        not null references raw.file_imports (file_sha256),
    line             integer     not null,  -- physical line the row starts on
    reasons          text[]      not null,  -- at the latest attempt (no personal data: line, column, problem)
    quarantine_ids   bigint[]    not null,  -- its rows in raw.quarantine
    first_run_id     text        not null,
    last_run_id      text        not null,
    rejected_at      timestamptz not null default now(),
    attempts         integer     not null default 1,
    loaded_at        timestamptz,           -- null while still rejected
    primary key (file_sha256, line)
);
-- a quarantined record that a later import or `python -m webcare.quarantine replay` loaded
alter table raw.quarantine add column if not exists resolved_at timestamptz;
alter table raw.quarantine add column if not exists resolved_run_id text;

-- Institutions registered from import files (webcare.imports --register-accounts): the accounts of
-- a multi-account export that name no institution of the seed. The dbt model
-- stg_webcare__institutions unions them with the institutions seed (seed rows win on a shared id).
create schema if not exists reference;
create table if not exists reference.registered_institutions (
    institution_id      text        primary key,
    institution_name    text        not null,
    institution_kind    text        not null,
    time_zone           text        not null,
    region_code         text,
    x_user_id           text        unique,
    x_username          text,
    google_account_id   text,
    google_location_id  text        unique,
    facebook_page_id    text        unique,
    instagram_user_id   text        unique,
    registered_from     text        not null,  -- the file's name
    registered_run_id   text        not null,
    registered_at       timestamptz not null default now()
);
create unique index if not exists registered_institutions_x_username
    on reference.registered_institutions (lower(x_username));


-- Redacted text and labels of every raw text (webcare.annotate); staging reads text only here.
create table if not exists raw.text_annotations (
    source              text        not null,
    account_id          text        not null,
    record_key          text        not null,
    payload_sha256      text        not null,
    text_kind           text        not null,  -- message or reply
    redacted_text       text        not null,
    has_pii             boolean     not null,
    pii_kinds           text[]      not null,
    intent              text,
    domain              text,
    category            text,
    sentiment           text,
    tone                text,
    moves_to_private    boolean,
    gives_medical_advice boolean,
    question_signature  text,
    classifier_version  text        not null,
    classified_at       timestamptz not null default now(),
    primary key (source, account_id, record_key, payload_sha256, text_kind, classifier_version)
);

-- The audit trail: appended to, never updated, so reruns keep every attempt.
create schema if not exists audit;
create table if not exists audit.stage_runs (
    stage_run_id        bigserial primary key,
    run_id              text        not null,
    batch_date          date        not null,
    stage               text        not null,  -- load, validate_raw, validate_staging, dbt_build, ...
    source              text        not null,  -- a source of webcare.sources.SOURCES, or 'all'
    rows_in             integer,
    rows_out            integer,
    rows_quarantined    integer,
    checkpoint_name     text,
    success             boolean     not null,
    started_at          timestamptz not null,
    finished_at         timestamptz not null,
    duration_seconds    double precision not null,
    details             jsonb
);
create table if not exists audit.expectation_results (
    expectation_result_id bigserial primary key,
    run_id              text        not null,
    batch_date          date        not null,
    stage               text        not null,
    checkpoint_name     text        not null,
    suite_name          text        not null,
    expectation_type    text        not null,
    column_name         text,
    severity            text        not null,  -- critical stops the run; warning is recorded and shown
    success             boolean     not null,
    observed_value      jsonb,
    element_count       bigint,
    unexpected_count    bigint,
    unexpected_percent  double precision,
    sample_values       jsonb,                 -- ids, keys and numbers only: suites never select text
    evaluated_at        timestamptz not null default now()
);
create table if not exists audit.dbt_test_results (
    dbt_test_result_id  bigserial primary key,
    run_id              text        not null,
    batch_date          date        not null,
    unique_id           text        not null,
    resource_type       text        not null,
    status              text        not null,
    failures            integer,
    execution_seconds   double precision,
    message             text,
    loaded_at           timestamptz not null default now()
);
create table if not exists audit.source_freshness (
    source_freshness_id bigserial primary key,
    run_id              text        not null,
    batch_date          date        not null,
    source              text        not null,
    account_id          text        not null,
    last_loaded_at      timestamptz,
    last_created_at     timestamptz,
    hours_since_loaded  double precision,
    status              text        not null,  -- pass, warn, error (thresholds as dbt's source freshness)
    checked_at          timestamptz not null default now()
);
"""


@lru_cache(maxsize=None)
def _bootstrapped(url: str) -> bool:
    from webcare import pseudonyms

    with transaction(url, admin=True) as conn, conn.cursor() as cur:
        cur.execute("select pg_advisory_xact_lock(hashtext('webcare.bootstrap'))")
        pseudonyms.check(cur, url)  # a process with another salt stops here, before writing anything
        cur.execute(BOOTSTRAP_DDL)
        from webcare import erase

        cur.execute(erase.DDL)  # the erasure ledger and the suppression list
        for source in SOURCES.values():
            if _raw_kind(cur, source.table) == "r":  # unpartitioned, from before issue 12
                moved = migrate_to_partitions(cur, source)
                import logging

                logging.getLogger(__name__).warning("raw.%s: partitioned by month, %d rows kept", source.table, moved)
            cur.execute(RAW_TABLE_DDL.format(table=source.table))
            ensure_partitions(cur, source.table, months_ahead())
        pseudonyms.record(cur, url)
        from webcare import roles

        with_roles = roles.ensure(cur, url)
    if not with_roles:
        import logging

        logging.getLogger(__name__).warning(
            "the warehouse's user may not create roles: every process connects as that user (no least privilege)")
    return with_roles


def bootstrap_roles(url: str) -> bool:
    """Bootstrap ``url`` (once per process); whether its least-privilege roles exist."""
    return _bootstrapped(url)


def bootstrap(url: str | None = None) -> str:
    """Create schemas, raw tables and the BI role if missing (idempotent); return the URL."""
    url = url or warehouse_url()
    _bootstrapped(url)
    return url
