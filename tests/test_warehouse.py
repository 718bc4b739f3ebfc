"""The embedded warehouse and its privacy rules, on the real PostgreSQL."""
from __future__ import annotations

import psycopg2
import pytest

from conftest import query


def test_embedded_cluster_listens_on_loopback_with_passwords(warehouse_url):
    settings = dict(query(warehouse_url, "select name, setting from pg_settings"
                                         " where name in ('listen_addresses', 'password_encryption')"))
    assert settings == {"listen_addresses": "127.0.0.1", "password_encryption": "scram-sha-256"}
    with pytest.raises(psycopg2.OperationalError, match="password authentication failed"):
        psycopg2.connect(warehouse_url.replace(warehouse_url.split("//")[1].split("@")[0], "postgres:wrong"))


def test_bi_role_reads_marts_but_never_raw_or_the_salt(warehouse_url):
    conn = psycopg2.connect(warehouse_url)
    try:
        with conn.cursor() as cur:
            cur.execute("create table if not exists marts.bi_probe (x int)")
            cur.execute("grant select on marts.bi_probe to webcare_bi")
            cur.execute("set role webcare_bi")
            cur.execute("select count(*) from marts.bi_probe")
            assert cur.fetchone() == (0,)
            for forbidden in ("select count(*) from raw.x_mentions", "select * from private.settings",
                              "select private.pseudonymise('x')"):
                cur.execute("savepoint probe")
                with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                    cur.execute(forbidden)
                cur.execute("rollback to savepoint probe")
    finally:
        conn.rollback()
        conn.close()


def test_pseudonyms_are_salted_hashes_with_the_sessions_salt_never_a_stored_one(warehouse_url):
    import hashlib

    from webcare import pseudonyms

    conn = psycopg2.connect(warehouse_url, options=pseudonyms.session_option(warehouse_url))
    try:
        with conn.cursor() as cur:
            cur.execute("select private.pseudonymise('12345')")
            assert cur.fetchone()[0] == hashlib.sha256(b"test-salt:12345").hexdigest()
    finally:
        conn.close()
    # a session without the salt gets an error, not a hash of nothing
    with pytest.raises(psycopg2.errors.RaiseException, match="no pseudonym salt in this session"):
        query(warehouse_url, "select private.pseudonymise('12345')")
    # the warehouse keeps a fingerprint only: the salt is nowhere in it
    settings = dict(query(warehouse_url, "select name, value from private.settings"))
    assert settings[pseudonyms.FINGERPRINT] == pseudonyms.fingerprint("test-salt")
    assert pseudonyms.LEGACY not in settings
    assert not any("test-salt" in value for value in settings.values())


def test_a_process_with_another_salt_fails_before_writing_and_a_clear_salt_becomes_a_fingerprint(
        warehouse_url, monkeypatch):
    """Before issue 13 every bootstrap overwrote the stored salt with its own (a default public in the
    repository when the variable was unset): one patient became two authors, silently."""
    from conftest import own_database
    from webcare import pseudonyms, warehouse

    with own_database(warehouse_url, "salt_checks") as url:
        query(url, "delete from private.settings where name = %s", (pseudonyms.FINGERPRINT,))
        query(url, "insert into private.settings values (%s, 'test-salt')", (pseudonyms.LEGACY,))
        warehouse._bootstrapped.cache_clear()
        warehouse.bootstrap(url)  # the same salt: the clear one is replaced by its fingerprint
        assert dict(query(url, "select name, value from private.settings where name like 'pseudonym%%'")) == {
            pseudonyms.FINGERPRINT: pseudonyms.fingerprint("test-salt")}
        query(url, "drop function private.pseudonymise(text)")  # a bootstrap would create it again
        monkeypatch.setenv("WEBCARE_PSEUDONYM_SALT", "webcare-development-salt")
        warehouse._bootstrapped.cache_clear()
        with pytest.raises(pseudonyms.SaltMismatch, match="nothing was written"):
            warehouse.bootstrap(url)
        assert query(url, "select to_regprocedure('private.pseudonymise(text)')") == [(None,)]
        assert dict(query(url, "select name, value from private.settings where name like 'pseudonym%%'")) == {
            pseudonyms.FINGERPRINT: pseudonyms.fingerprint("test-salt")}
        query(url, "delete from private.settings where name = %s", (pseudonyms.FINGERPRINT,))
        query(url, "insert into private.settings values (%s, 'test-salt')", (pseudonyms.LEGACY,))
        warehouse._bootstrapped.cache_clear()
        with pytest.raises(pseudonyms.SaltMismatch):  # a clear salt that is not this process's
            warehouse.bootstrap(url)
        monkeypatch.setenv("WEBCARE_PSEUDONYM_SALT", "test-salt")
        warehouse._bootstrapped.cache_clear()
        warehouse.bootstrap(url)
        assert query(url, "select to_regprocedure('private.pseudonymise(text)') is not null") == [(True,)]


def test_only_the_embedded_cluster_has_a_salt_without_the_variable(warehouse_url, monkeypatch):
    from webcare import pseudonyms
    from webcare.embedded_pg import default_cluster

    monkeypatch.delenv("WEBCARE_PSEUDONYM_SALT")
    with pytest.raises(pseudonyms.MissingSalt, match="no default"):
        pseudonyms.salt("postgresql://webcare:secret@warehouse.example.org:5432/webcare")
    cluster = default_cluster()
    own = pseudonyms.salt(warehouse_url)
    assert own == cluster.pseudonym_salt() and len(own) >= 40 and own != "webcare-development-salt"
    assert (cluster.root / "pseudonym-salt").stat().st_mode & 0o777 == 0o600


# -- the demo resets only the embedded cluster's own database (issue 13) ----------------------------------------------
def test_the_demo_resets_only_the_embedded_clusters_own_marked_database(warehouse_url, monkeypatch):
    """A configured warehouse (here another database of the same server, with data in raw) is never
    reset: the demo checks the embedded cluster's mark before any statement, and a database whose
    mark is not this cluster's is refused too. The Airflow connection counts as configured."""
    from conftest import own_database
    from webcare import demo
    from webcare.embedded_pg import default_cluster

    cluster = default_cluster()
    assert cluster.is_marked(warehouse_url)
    with own_database(warehouse_url, "configured_warehouse") as configured:
        query(configured, "create table raw.keep_me as select 1 as x")
        with pytest.raises(demo.NotTheEmbeddedWarehouse, match="did not create"):
            demo.reset_embedded_warehouse(configured)
        assert query(configured, "select count(*) from raw.keep_me") == [(1,)]
    query(warehouse_url, "comment on database webcare is 'another cluster''s database'")
    try:
        assert not cluster.is_marked(warehouse_url)
        with pytest.raises(demo.NotTheEmbeddedWarehouse):
            demo.reset_embedded_warehouse(warehouse_url)
    finally:
        cluster.start()  # marks its database again
    assert cluster.is_marked(warehouse_url)
    monkeypatch.delenv("WEBCARE_WAREHOUSE_URL", raising=False)
    monkeypatch.delenv("AIRFLOW_CONN_WEBCARE_WAREHOUSE", raising=False)
    assert demo.uses_embedded_warehouse()
    monkeypatch.setenv("AIRFLOW_CONN_WEBCARE_WAREHOUSE", "postgresql://someone:secret@db.example.org:5432/warehouse")
    assert not demo.uses_embedded_warehouse()


# -- raw partitioned by month (issue 12) -------------------------------------------------------------------------------
def partitions_of(url: str, table: str, account: str) -> dict[str, list[str]]:
    rows = query(url, f"select tableoid::regclass::text, record_key from raw.{table} where account_id = %s"
                      " order by 2", (account,))
    found: dict[str, list[str]] = {}
    for partition, key in rows:
        found.setdefault(partition, []).append(key)
    return found


def x_batch(records: list, batch_date: str, run_id: str, account: str = "partition-test") -> dict:
    return {"meta": {"source": "x_mentions", "account_id": account, "run_id": run_id, "batch_date": batch_date,
                     "extracted_at": f"{batch_date}T23:00:00+00:00", "cursor_before": None, "cursor_after": None},
            "records": records}


def generated_mentions(count: int) -> list[dict]:
    """Mentions from the generator (a month of one institution's X traffic), as the API serves them."""
    from datetime import datetime, timezone

    from webcare.generator.institutions import load_institutions
    from webcare.generator.x_traffic import x_traffic

    tweets, _ = x_traffic(5, load_institutions(1), (datetime(2026, 1, 20, tzinfo=timezone.utc),
                                                    datetime(2026, 2, 10, tzinfo=timezone.utc)))
    return [line["tweet"] for line in tweets][:count]


def test_raw_rows_go_to_the_partition_of_their_creation_month_and_reruns_in_other_months_add_nothing(warehouse_url):
    """A month of generated mentions spans January and February: each row is in the partition of the UTC
    month of its created_at (a Graph time with an offset too), whatever the batch's date; the same records
    loaded again by a run in May (another batch date, another loading month) are recognised, none twice."""
    from webcare.load import load_batch

    account = "partition-test"
    mentions = generated_mentions(400)
    months = {m["created_at"][:7] for m in mentions}
    assert months == {"2026-01", "2026-02"}
    try:
        first = load_batch(x_batch(mentions, "2026-02-10", "run-feb"), warehouse_url)
        assert first.inserted == len({m["id"] for m in mentions}) > 300
        found = partitions_of(warehouse_url, "x_mentions", account)
        expected = {}
        for m in mentions:
            expected.setdefault(f"raw.x_mentions_p{m['created_at'][:4]}_{m['created_at'][5:7]}", set()).add(m["id"])
        assert {p: set(keys) for p, keys in found.items()} == expected
        assert query(warehouse_url, "select count(*) from raw.x_mentions_default")[0][0] == 0
        again = load_batch(x_batch(mentions, "2026-05-02", "run-may"), warehouse_url)
        assert (again.inserted, again.seen_before) == (0, first.inserted)
        assert query(warehouse_url, "select count(*) from raw.x_mentions where account_id = %s",
                     (account,)) == [(first.inserted,)]
        # Graph writes +0000, but a time with another offset is its UTC month: 23:30 -02:00 on 31 March is April
        comment = {"id": "90019_91019", "post_id": "100255000000002_90019", "message": "Hola",
                   "created_time": "2026-03-31T23:30:00-0200", "from": {"id": "7700000000000001", "name": "Ana"}}
        load_batch({"meta": {**x_batch([], "2026-04-01", "run-apr", account)["meta"], "source": "facebook_comments"},
                    "records": [comment]}, warehouse_url)
        assert partitions_of(warehouse_url, "facebook_comments", account) == {
            "raw.facebook_comments_p2026_04": ["90019_91019"]}
    finally:
        for table in ("x_mentions", "facebook_comments", "load_batches"):
            query(warehouse_url, f"delete from raw.{table} where account_id = %s returning 1", (account,))


OLD_RAW_TABLE_DDL = """
create schema if not exists raw;
create table raw.x_mentions (
    raw_id bigserial primary key, record_key text not null, account_id text not null, payload jsonb not null,
    payload_sha256 text not null, run_id text not null, batch_date date not null, extracted_at timestamptz not null,
    loaded_at timestamptz not null default now(), unique (account_id, record_key, payload_sha256));
create index x_mentions_batch_date on raw.x_mentions (batch_date);
create view public.old_view as select record_key from raw.x_mentions;
"""


def test_bootstrap_partitions_an_existing_unpartitioned_raw_table_keeping_every_row(warehouse_url):
    """A warehouse from before issue 12: its raw.x_mentions is an ordinary table with rows (loaded the old
    way) and a view on it. Bootstrap turns it into the partitioned table with every row and raw_id kept,
    the sequence carried on, and a later load of the same records finds them loaded."""
    import psycopg2
    from urllib.parse import urlsplit, urlunsplit

    from webcare import warehouse
    from webcare.load import canonical_json, load_batch, sha256

    name = "webcare_migration_test"
    url = urlunsplit(urlsplit(warehouse_url)._replace(path=f"/{name}"))
    admin = psycopg2.connect(warehouse_url)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f"drop database if exists {name} with (force)")
        cur.execute(f"create database {name}")
    mentions = generated_mentions(250)
    try:
        with psycopg2.connect(url) as conn, conn.cursor() as cur:
            cur.execute(OLD_RAW_TABLE_DDL)
            for n, mention in enumerate(mentions):
                text = canonical_json(mention)
                cur.execute("insert into raw.x_mentions (record_key, account_id, payload, payload_sha256, run_id,"
                            " batch_date, extracted_at) values (%s, 'old', %s, %s, 'run-old', %s, now())",
                            (mention["id"], text, sha256(text), "2026-02-10" if n % 2 else "2026-01-31"))
        conn.close()
        before = query(url, "select raw_id, record_key, payload, payload_sha256, run_id, batch_date, extracted_at,"
                            " loaded_at from raw.x_mentions order by raw_id")
        assert len(before) == 250
        warehouse.bootstrap(url)
        assert query(url, "select relkind from pg_class where oid = 'raw.x_mentions'::regclass") == [("p",)]
        after = query(url, "select raw_id, record_key, payload, payload_sha256, run_id, batch_date, extracted_at,"
                           " loaded_at from raw.x_mentions order by raw_id")
        assert after == before
        assert {p for p, _ in query(url, "select tableoid::regclass::text, 1 from raw.x_mentions")} == {
            "raw.x_mentions_p2026_01", "raw.x_mentions_p2026_02"}
        assert query(url, "select to_regclass('raw.x_mentions_unpartitioned'), to_regclass('public.old_view')") == [
            (None, None)]  # the old table is gone, and the view on it (dbt's views are rebuilt by dbt)
        again = load_batch(x_batch(mentions, "2026-06-01", "run-new", account="old"), url)
        assert (again.inserted, again.seen_before) == (0, len({m["id"] for m in mentions}))
        fresh = load_batch(x_batch([{**mentions[0], "text": "editado"}], "2026-06-01", "run-new2", account="old"), url)
        assert fresh.inserted == 1
        assert query(url, "select max(raw_id) from raw.x_mentions")[0][0] == before[-1][0] + 1  # the sequence goes on
    finally:
        with admin.cursor() as cur:
            cur.execute(f"drop database if exists {name} with (force)")
        admin.close()
