"""The pseudonym salt: where a process takes it from, and the warehouse's check that it never
changes silently (issue 13).

Authors are pseudonymised in staging by ``private.pseudonymise(value)``, a salted SHA-256. The
salt is not stored in the warehouse: each dbt session receives it as the session setting
``webcare.pseudonym_salt`` (``session_option``, through ``PGOPTIONS``), and the function refuses to
run without it. The warehouse keeps only a fingerprint of the salt it was built with
(``private.settings`` ``pseudonym_salt_fingerprint``: PBKDF2-SHA256, so it does not give the salt
back), and every process compares its own before writing anything (``check``, from
``warehouse.bootstrap``): a process with another salt fails, naming the problem, instead of making
one patient two authors.

Where the salt comes from: ``WEBCARE_PSEUDONYM_SALT`` (in production from the Airflow secrets
backend or the deployment's secret store, never from the repository); with no variable, only the
embedded cluster (``make demo``, the tests' own clusters) has one: a random salt created with the
cluster and kept beside its password (``var/pg/pseudonym-salt``, 0600). Any other warehouse
without the variable raises ``MissingSalt``. Rotation: docs/decision-log.md, "The pseudonym salt".
"""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache

from webcare.errors import WebcareError

SALT_ENV = "WEBCARE_PSEUDONYM_SALT"
SESSION_SETTING = "webcare.pseudonym_salt"
FINGERPRINT = "pseudonym_salt_fingerprint"  # private.settings
LEGACY = "pseudonym_salt"  # private.settings, before issue 13: the salt itself, in clear
ROUNDS = 100_000


class SaltError(WebcareError):
    """The pseudonym salt is missing or is not the warehouse's."""


class MissingSalt(SaltError):
    pass


class SaltMismatch(SaltError):
    pass


def salt(url: str) -> str:
    """This process's salt for the warehouse at ``url``."""
    value = os.environ.get(SALT_ENV)
    if not value:
        from webcare.embedded_pg import default_cluster

        cluster = default_cluster()
        if not cluster.serves(url):
            raise MissingSalt(f"{SALT_ENV} is not set: a warehouse other than the embedded cluster needs the salt its "
                              "pseudonyms were made with (from the deployment's secret store); there is no default")
        value = cluster.pseudonym_salt()
    if any(c.isspace() and c != " " for c in value):
        raise MissingSalt(f"{SALT_ENV} holds a tab or a line break: use a salt without them")
    return value


@lru_cache(maxsize=None)
def fingerprint(value: str) -> str:
    """A one-way fingerprint of a salt (PBKDF2-SHA256): comparable, not reversible to the salt."""
    digest = hashlib.pbkdf2_hmac("sha256", value.encode("utf-8"), b"webcare pseudonym salt fingerprint", ROUNDS)
    return f"pbkdf2-sha256:{ROUNDS}:{digest.hex()}"


def check(cur, url: str) -> None:
    """Fail before anything is written when this process's salt is not the warehouse's; record the
    fingerprint in a warehouse that has none yet; replace a salt stored in clear (before issue 13)
    by its fingerprint when it is this process's. Run inside bootstrap's transaction."""
    value = salt(url)
    mine = fingerprint(value)
    cur.execute("select to_regclass('private.settings') is not null")
    stored = {}
    if cur.fetchone()[0]:
        cur.execute("select name, value from private.settings where name in (%s, %s)", (FINGERPRINT, LEGACY))
        stored = dict(cur.fetchall())
    if LEGACY in stored and stored[LEGACY] != value or FINGERPRINT in stored and stored[FINGERPRINT] != mine:
        raise SaltMismatch(
            f"the pseudonym salt of this process ({SALT_ENV}) is not the one this warehouse's pseudonyms were made "
            "with (their fingerprints differ): nothing was written. Set the warehouse's salt, or rotate it on purpose "
            "(docs/decision-log.md, \"The pseudonym salt\")")
    return None


def record(cur, url: str) -> None:
    """After ``check`` and the bootstrap DDL: the fingerprint stored, a clear salt removed."""
    cur.execute("insert into private.settings values (%s, %s) on conflict (name) do nothing",
                (FINGERPRINT, fingerprint(salt(url))))
    cur.execute("delete from private.settings where name = %s", (LEGACY,))


def session_option(url: str) -> str:
    """The libpq option giving a session the salt (for PGOPTIONS; spaces and backslashes escaped)."""
    escaped = salt(url).replace("\\", "\\\\").replace(" ", "\\ ")
    return f"-c {SESSION_SETTING}={escaped}"
