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


def test_pseudonyms_are_salted_hashes(warehouse_url):
    import hashlib

    (value,) = query(warehouse_url, "select private.pseudonymise('12345')")[0]
    assert value == hashlib.sha256(b"test-salt:12345").hexdigest()
