"""Least-privilege roles of the warehouse: who may read and write what (issue 13).

The bootstrap (``webcare.warehouse.bootstrap``) is the only work done with the configured URL's
own user, which must be able to create roles (the embedded cluster's ``postgres``). It creates one
login role per kind of process and grants each only what that process needs; every process then
connects as its role (``warehouse.acting_as``):

=========================  =====================================================================
role                       may
=========================  =====================================================================
``webcare_loader``         own ``raw`` (write raw payloads, quarantine, cursors, annotations,
                           partitions); write the import registry in ``reference``; read ``marts``
                           (the deletion probe re-reads the published messages still waiting),
                           never write it
``webcare_transformer``    read ``raw`` and ``reference``; create ``staging``, ``intermediate``
                           and the tables of ``marts_build`` (dbt); call ``private.pseudonymise``
``webcare_validator``      read what it checks (``raw``, ``reference``, ``staging``,
                           ``intermediate``, ``marts_build``, ``marts``); write ``audit`` and its
                           own ``gate_batches``
``webcare_publisher``      own ``marts_build`` / ``marts`` / ``marts_previous`` (the schema swap)
``webcare_bi``             read ``marts`` only
``webcare_auditor``        read ``audit`` only: no ``raw`` (quarantine holds raw text), no text
=========================  =====================================================================

Every process role may append to ``audit.stage_runs`` (the row of its own stage) and take the
build claim (``private.build_claim``). Nobody but the bootstrap reads ``private.settings``' salt
fingerprint; the loader keeps the annotation mark there.

Passwords: a role's URL is ``WEBCARE_<ROLE>_URL`` when set (a deployment on several machines sets
all of them); otherwise the configured URL with the role's name and a random password that the
bootstrap creates once per cluster (roles are the cluster's, shared by its databases) and keeps in
``var/secrets`` (0600), or in ``WEBCARE_SECRETS_DIR`` when set (several installations, or one that
changes ``WEBCARE_HOME`` as the scale harness does, sharing one cluster share that folder). A role
that exists without a password in that folder is given a new one, with a warning: an installation
that kept the old one elsewhere must take this folder's.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
from urllib.parse import quote, urlsplit, urlunsplit

from webcare import config

PREFIX = "webcare_"
LOADER, TRANSFORMER, VALIDATOR, PUBLISHER, BI, AUDITOR = (
    "loader", "transformer", "validator", "publisher", "bi", "auditor")
ROLES = (LOADER, TRANSFORMER, VALIDATOR, PUBLISHER, BI, AUDITOR)
PROCESS_ROLES = (LOADER, TRANSFORMER, VALIDATOR, PUBLISHER)  # the pipeline's own stages
PUBLISH_SCHEMAS = ("marts_build", "marts")
log = logging.getLogger(__name__)


def name(role: str) -> str:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}: one of {', '.join(ROLES)}")
    return PREFIX + role


def secrets_dir():
    """Where the roles' passwords are kept: ``WEBCARE_SECRETS_DIR``, else ``var/secrets``."""
    explicit = os.environ.get("WEBCARE_SECRETS_DIR")
    if explicit:
        from pathlib import Path

        folder = Path(explicit)
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return config.output_dir("secrets")


def _secrets_file(url: str):
    """Roles belong to the cluster, not to one database: every database of a cluster shares them and
    their passwords (a second database bootstrapped later must not change the first one's)."""
    parts = urlsplit(url)
    where = f"{parts.hostname}:{parts.port}"
    folder = secrets_dir()
    folder.chmod(0o700)
    return folder / f"roles-{hashlib.sha256(where.encode()).hexdigest()[:16]}.json"


def _passwords(url: str) -> dict[str, str]:
    path = _secrets_file(url)
    return json.loads(path.read_text()) if path.exists() else {}


def _keep_passwords(url: str, passwords: dict[str, str]) -> None:
    config.write_private(_secrets_file(url), json.dumps(passwords, indent=1, sort_keys=True) + "\n")


def url_for(role: str, url: str) -> str:
    """The URL ``role`` connects with: ``WEBCARE_<ROLE>_URL``, else ``url`` with the role's credentials."""
    explicit = os.environ.get(f"WEBCARE_{role.upper()}_URL")
    if explicit:
        return explicit
    parts = urlsplit(url)
    if (parts.username or "").startswith(PREFIX):
        return url  # already a role's URL
    password = _passwords(url).get(name(role))
    if password is None:
        raise RuntimeError(f"no password for {name(role)}: the warehouse was not bootstrapped by this "
                           f"installation; set WEBCARE_{role.upper()}_URL")
    host = parts.hostname or "127.0.0.1"
    netloc = f"{quote(name(role))}:{quote(password)}@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def can_create_roles(cur) -> bool:
    cur.execute("select rolsuper or rolcreaterole from pg_roles where rolname = current_user")
    return bool(cur.fetchone()[0])


def ensure(cur, url: str) -> bool:
    """Create the roles (login, with their passwords) and apply every grant; idempotent. Returns False,
    doing nothing, when the bootstrap's user may not create roles (then every process uses ``url``)."""
    if not can_create_roles(cur):
        return False
    passwords = _passwords(url)
    changed = False
    for role in ROLES:
        role_name = name(role)
        cur.execute("select 1 from pg_roles where rolname = %s", (role_name,))
        exists = cur.fetchone() is not None
        if os.environ.get(f"WEBCARE_{role.upper()}_URL"):  # credentials kept by the deployment
            if not exists:
                cur.execute(f"create role {role_name} login")
            continue
        new = role_name not in passwords
        if new:
            passwords[role_name] = secrets.token_urlsafe(24)
            changed = True
            if exists:
                log.warning("role %s exists in this cluster but its password is not in %s: it gets a new one "
                            "(another installation sharing the cluster must use this folder, WEBCARE_SECRETS_DIR)",
                            role_name, secrets_dir())
        if new or not exists:
            verb = "alter" if exists else "create"
            cur.execute(f"{verb} role {role_name} login password %s", (passwords[role_name],))
    if changed:
        _keep_passwords(url, passwords)
    cur.execute("select current_database(), current_user")
    database, admin = cur.fetchone()
    cur.execute(GRANTS.format(database=database, admin=admin, **{r: name(r) for r in ROLES}))
    return True


# Applied by the bootstrap after every object it creates exists. `alter default privileges for role
# X` covers what X creates later: the loader's monthly partitions, dbt's tables and schemas.
GRANTS = """
revoke create on schema public from public;
grant connect on database {database} to {loader}, {transformer}, {validator}, {publisher}, {bi}, {auditor};
grant create on database {database} to {transformer}, {validator}, {publisher};

-- raw: the loader's
alter schema raw owner to {loader};
do $$ declare t record; begin
    for t in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'raw' and c.relkind in ('r', 'p') and c.relowner <> '{loader}'::regrole loop
        execute format('alter table raw.%I owner to {loader}', t.relname);
    end loop;
end $$;
grant usage on schema raw to {transformer}, {validator};
grant select on all tables in schema raw to {transformer}, {validator};
alter default privileges for role {loader} in schema raw grant select on tables to {transformer}, {validator};

-- reference: seeds (dbt) and the import registry (the loader)
alter schema reference owner to {transformer};
alter table reference.registered_institutions owner to {transformer};
grant usage on schema reference to {loader}, {validator};
grant select, insert, update, delete on reference.registered_institutions to {loader};
alter default privileges for role {transformer} grant usage on schemas to {validator};
alter default privileges for role {transformer} grant select on tables to {validator}, {publisher}, {bi}, {loader};
grant select on all tables in schema reference to {validator};

-- what an earlier installation built as the bootstrap's user moves to the role that rebuilds it
do $$ declare r record; begin
    for r in select n.nspname, n.nspowner::regrole::text as owner,
                    case n.nspname when 'gate_batches' then '{validator}' else '{transformer}' end as role
             from pg_namespace n where n.nspname in ('staging', 'intermediate', 'gate_batches') loop
        if r.owner <> r.role then
            execute format('alter schema %I owner to %I', r.nspname, r.role);
        end if;
    end loop;
    for r in select n.nspname, c.relname, c.relkind,
                    case n.nspname when 'gate_batches' then '{validator}' else '{transformer}' end as role
             from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname in ('staging', 'intermediate', 'marts_build', 'marts', 'reference', 'gate_batches')
               and c.relkind in ('r', 'p', 'v', 'm') and c.relowner = '{admin}'::regrole loop
        execute format('alter %s %I.%I owner to %I',
                       case r.relkind when 'v' then 'view' when 'm' then 'materialized view' else 'table' end,
                       r.nspname, r.relname, r.role);
    end loop;
    if exists (select 1 from pg_namespace where nspname = 'staging') then
        grant usage on schema staging to {validator};
        grant select on all tables in schema staging to {validator};
    end if;
    if exists (select 1 from pg_namespace where nspname = 'intermediate') then
        grant usage on schema intermediate to {validator};
        grant select on all tables in schema intermediate to {validator};
    end if;
end $$;

-- private: the pseudonymising function for dbt, the build claim, the loader's annotation mark
grant usage on schema private to {loader}, {transformer}, {validator}, {publisher};
grant execute on function private.pseudonymise(text) to {transformer};
grant select, insert, update, delete on private.build_claim to {loader}, {transformer}, {validator}, {publisher};
grant select, insert, update on private.settings to {loader};
grant select on private.erasure_suppressions to {loader};  -- extraction and imports drop erased people

-- audit: every stage appends its row; the validator its results; the auditor reads
grant usage on schema audit to {loader}, {transformer}, {validator}, {publisher}, {auditor};
grant insert on audit.stage_runs to {loader}, {transformer}, {validator}, {publisher};
grant insert on audit.dbt_test_results to {transformer};
grant insert on audit.expectation_results, audit.source_freshness to {validator};
grant usage on all sequences in schema audit to {loader}, {transformer}, {validator}, {publisher};
grant select on all tables in schema audit to {validator}, {auditor};

-- the published marts: the publisher owns the schemas it swaps; dbt writes tables into marts_build
create schema if not exists marts_build;
alter schema marts_build owner to {publisher};
alter schema marts owner to {publisher};
do $$ declare s record; begin
    for s in select nspname from pg_namespace where nspname like 'marts\\_previous%' loop
        execute format('alter schema %I owner to {publisher}', s.nspname);
    end loop;
end $$;
grant usage, create on schema marts_build to {transformer};
grant usage on schema marts_build to {validator};
grant usage on schema marts to {validator}, {bi}, {loader};
grant select on all tables in schema marts to {validator}, {publisher}, {bi}, {loader};
"""
