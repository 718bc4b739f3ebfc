"""Running dbt against the warehouse (never Airflow's own database).

dbt runs as a subprocess of this environment's ``dbt`` so that each invocation starts clean;
its output streams to the log line by line, so a long build shows its progress.
"""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from webcare import config, warehouse
from webcare.errors import WebcareError

log = logging.getLogger(__name__)


class DbtFailed(WebcareError):
    pass


def executable() -> str:
    beside = Path(sys.executable).parent / "dbt"
    found = str(beside) if beside.exists() else shutil.which("dbt")
    if not found:
        raise DbtFailed("dbt is not installed in this environment: run `make setup`")
    return found


def profile_env(url: str) -> dict[str, str]:
    """The variables dbt_project/profiles.yml reads, from a warehouse URL."""
    return {f"WEBCARE_DBT_{key.upper()}": value for key, value in warehouse.url_parts(url).items()}


def target_dir() -> Path:
    return config.output_dir("dbt", "target")


# dbt commands that build or test models reading reference.public_holidays
HOLIDAY_COMMANDS = {"build", "run", "test"}


SELECTING = {"--select", "-s", "--models", "-m"}


def drop_intermediate_views(url: str) -> int:
    """Drop every view of ``intermediate`` (the build that follows creates them afresh); returns how many.

    Replacing a view makes dbt drop its old version with ``cascade``, and two of dbt's threads doing
    that to views with a dependent in common can deadlock in PostgreSQL. While staging was views,
    rebuilding them dropped the intermediate views (cascade) before every marts build; staging
    tables are not dropped, so a build of everything below staging drops them first, here and not
    in a dbt hook: dbt caches the relations it finds before its hooks run."""
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        cur.execute("select format('drop view if exists %I.%I cascade', schemaname, viewname)"
                    " from pg_views where schemaname = 'intermediate'")
        statements = [row[0] for row in cur.fetchall()]
        for statement in statements:
            cur.execute(statement)
    return len(statements)


@warehouse.acting_as("transformer")
def run(args: list[str], url: str | None = None) -> None:
    url = warehouse.bootstrap(url)
    if args and args[0] in ("build", "run") and not SELECTING & set(args):
        drop_intermediate_views(url)  # every intermediate view is about to be built
    if args and args[0] in HOLIDAY_COMMANDS:
        from webcare import public_holidays

        public_holidays.sync(url)  # the holidays of every year the data spans (no fixed years)
    command = [executable(), *args, "--project-dir", str(config.DBT_PROJECT_DIR),
               "--profiles-dir", str(config.DBT_PROJECT_DIR), "--target-path", str(target_dir()),
               "--log-path", str(config.output_dir("dbt", "logs"))]
    # dbt-postgres has no profile field for session settings: libpq reads them from PGOPTIONS
    from webcare import pseudonyms

    # the salt is a session setting of dbt's connections only (private.pseudonymise reads it)
    env = {**os.environ, **profile_env(warehouse.role_url(url=url)),  # as webcare_transformer
           "PGOPTIONS": f"{warehouse.session_options()} {pseudonyms.session_option(url)}",
           "WEBCARE_DBT_CONNECT_TIMEOUT": str(warehouse.connect_timeout()),
           "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "DBT_USE_COLORS": "false"}
    log.info("running dbt %s", " ".join(args))
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            cwd=str(config.DBT_PROJECT_DIR))
    tail: list[str] = []
    for line in proc.stdout:
        line = line.rstrip()
        log.info("dbt | %s", line)
        tail = (tail + [line])[-25:]
    if proc.wait() != 0:
        raise DbtFailed(f"dbt {' '.join(args)} failed (exit {proc.returncode}):\n" + "\n".join(tail))


def build(url: str | None = None) -> None:
    run(["build"], url)


def docs_generate(url: str | None = None) -> Path:
    # the marts as published (webcare.publish renames marts_build to marts): the catalog reads them there
    run(["docs", "generate", "--static", "--vars", "{published: true}"], url)
    return target_dir() / "static_index.html"
