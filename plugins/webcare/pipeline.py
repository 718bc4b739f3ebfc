"""The one build chain, and the lock that lets one run at a time write the warehouse's builds.

Every writer of the warehouse's builds (the ``webcare_daily`` DAG, the ``webcare_import`` DAG and
``python -m webcare.imports``) runs the same chain after loading raw:

    raw gate -> annotate -> dbt staging -> staging gate -> dbt marts -> marts gate -> publish

``marts_build``, dbt's target folder and the GX file context are shared by every run, so two
chains interleaved could publish one run's build validated by nobody. The chain is therefore one
run's at a time:

- **The build claim** (``private.build_claim``, one row): the chain's first step (the raw gate)
  claims it for its run, waiting while another run holds it; a later step never runs while another
  run holds it (it fails at once) and takes it if it is free (a retried or rerun task); publishing,
  or any step failing, gives it back. In Airflow the chain's steps
  are separate tasks (separate processes), so no single database session can span them: the
  claim is what does.
- **A PostgreSQL advisory lock** (``pg_advisory_lock``, key ``webcare.build``), held by every
  step for as long as it runs, and under which the claim is read and written: two steps never
  run at once, whichever runs they belong to (``dbt_docs`` and ``source_freshness`` take it too,
  without the claim: they use dbt's target folder).
- **The Airflow pool** ``webcare_warehouse`` (one slot) holds the chain's tasks after the raw gate,
  and dbt_docs and source_freshness, so the scheduler does not start more of them than can run.
  The raw gate is outside the pool on purpose: it is where a run waits for another's chain, and
  waiting in the pool's only slot would keep the other run's next task from ever starting.

A run waits at most ``WEBCARE_BUILD_WAIT_MINUTES`` (30) for the claim, then fails with
:class:`BuildLockTimeout`. A claim whose last step started more than
``WEBCARE_BUILD_CLAIM_TTL_MINUTES`` (120) ago belongs to a run that died without giving it back
(a killed worker) and may be taken over. The chain in one process is :func:`run_chain`.
"""
from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import date
from typing import Callable

from webcare import warehouse
from webcare.errors import WarehouseError

log = logging.getLogger(__name__)

POOL = "webcare_warehouse"            # the Airflow pool of the chain's tasks (one slot)
LOCK_NAME = "webcare.build"           # pg_advisory_lock(hashtext(LOCK_NAME))
POLL_SECONDS = 1.0


def build_wait_seconds() -> float:
    return 60 * float(os.environ.get("WEBCARE_BUILD_WAIT_MINUTES", "30"))


def claim_ttl_seconds() -> float:
    return 60 * float(os.environ.get("WEBCARE_BUILD_CLAIM_TTL_MINUTES", "120"))


class BuildLockTimeout(WarehouseError):
    """Another run held the warehouse's build for longer than this run may wait."""


class BuildClaimLost(WarehouseError):
    """A step found its run no longer holds the build claim: another run's build may be in marts_build."""


def _lock_session(url: str):
    """A session of its own for the advisory lock: it idles while the step works, and its waits are
    bounded by lock_timeout (set per wait), not by the statement timeout."""
    with warehouse.acting_as("publisher"):  # the build claim is the chain's, which ends in publishing
        return warehouse.connect(url, statement_timeout="0", lock_timeout="0", idle_in_transaction_session_timeout="0",
                                 application_name="webcare build lock")


def _holder(cur) -> tuple[str, str, float] | None:
    cur.execute("select run_id, step, extract(epoch from now() - step_started_at) from private.build_claim")
    row = cur.fetchone()
    return (row[0], row[1], float(row[2])) if row else None


@contextmanager
def step(run_id: str, name: str, url: str | None = None, *, first: bool = False, last: bool = False,
         claims: bool = True, say: Callable[[str], None] | None = None):
    """Run the body as step ``name`` of ``run_id``'s chain: under the advisory lock, and (``claims``)
    holding the build claim, waited for and taken by the ``first`` step, given back after the ``last``
    or on failure. A later step that finds the claim free takes it (a retried task, or one an operator
    reruns after marking the steps before it done); one that finds another run's claim fails at once
    (it must not wait in the pool's only slot, and marts_build may be that run's unvalidated build)."""
    from psycopg2 import errors

    url = warehouse.bootstrap(url)
    conn = _lock_session(url)
    conn.autocommit = True
    cur = conn.cursor()
    wait = build_wait_seconds()
    started = time.monotonic()
    waited_for: str | None = None
    try:
        while True:
            remaining = wait - (time.monotonic() - started)
            if remaining <= 0:
                whose = f"run {waited_for}'s build" if waited_for else f"the build lock ({LOCK_NAME})"
                raise BuildLockTimeout(f"{name} of run {run_id}: waited {wait / 60:g} min for {whose} "
                                       "(WEBCARE_BUILD_WAIT_MINUTES); this step did not run")
            cur.execute("select set_config('lock_timeout', %s, false)", (f"{max(1, int(remaining * 1000))}ms",))
            try:
                cur.execute("select pg_advisory_lock(hashtext(%s))", (LOCK_NAME,))
            except errors.LockNotAvailable:
                continue  # the deadline has passed: the loop raises BuildLockTimeout
            holder = _holder(cur)
            if not claims or (holder and holder[0] == run_id):
                break
            if holder is None or holder[2] > claim_ttl_seconds():
                if holder:
                    log.warning("taking over the build claim of run %s (no step for %.0f s)", holder[0], holder[2])
                elif not first:
                    log.warning("%s of run %s takes the free build claim (a retried or rerun step)", name, run_id)
                break
            if not first:
                raise BuildClaimLost(f"{name} of run {run_id}: run {holder[0]} holds the build claim (its chain is "
                                     "under way); marts_build may be its unvalidated build: this step does not run")
            if waited_for is None:
                message = f"waiting for run {holder[0]} ({holder[1]}) to finish its build before {name}"
                log.info(message)
                if say:
                    say(f"  {message} ...")
            waited_for = holder[0]
            cur.execute("select pg_advisory_unlock(hashtext(%s))", (LOCK_NAME,))
            time.sleep(POLL_SECONDS)
        if claims:
            cur.execute("""insert into private.build_claim (run_id, step, claimed_at, step_started_at)
                           values (%s, %s, now(), now())
                           on conflict (singleton) do update set step = excluded.step,
                               step_started_at = excluded.step_started_at,
                               run_id = excluded.run_id,
                               claimed_at = case when private.build_claim.run_id = excluded.run_id
                                                 then private.build_claim.claimed_at else excluded.claimed_at end""",
                        (run_id, name))
        if waited_for:
            log.info("%s of run %s starts after waiting %.1f s for run %s", name, run_id,
                     time.monotonic() - started, waited_for)
        try:
            yield {"waited_seconds": time.monotonic() - started if waited_for else 0.0, "waited_for": waited_for}
        except (errors.QueryCanceled, errors.LockNotAvailable, errors.IdleInTransactionSessionTimeout) as exc:
            clear = warehouse.timeout_error(f"{name} of run {run_id}", exc)
            if clear is None:
                raise
            raise clear from exc
    except BaseException:
        if claims and not conn.closed:
            _give_back(cur, run_id)
        raise
    else:
        if claims and last:
            _give_back(cur, run_id)
    finally:
        conn.close()  # ends the session: releases the advisory lock


def _give_back(cur, run_id: str) -> None:
    try:
        cur.execute("delete from private.build_claim where run_id = %s", (run_id,))
    except Exception:  # the session is gone: the claim goes stale after the TTL
        log.exception("could not give back the build claim of run %s", run_id)


def give_back(run_id: str, url: str | None = None) -> bool:
    """Give back ``run_id``'s build claim if it holds it (a DAG run's failure callback: a run failed or
    timed out between two steps). Never raises: the claim goes stale after the TTL anyway."""
    try:
        url = warehouse.bootstrap(url)
        with warehouse.transaction(url) as conn, conn.cursor() as cur:
            cur.execute("delete from private.build_claim where run_id = %s", (run_id,))
            given = cur.rowcount > 0
    except Exception:
        log.exception("could not give back the build claim of run %s", run_id)
        return False
    if given:
        log.warning("run %s ended without finishing its chain: build claim given back", run_id)
    return given


def holder(url: str | None = None) -> str | None:
    """The run holding the build claim, if any."""
    url = warehouse.bootstrap(url)
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        found = _holder(cur)
    return found[0] if found else None


# -- the steps ------------------------------------------------------------------------------------

def _validate(stage: str):
    def run(run_id: str, batch_date: date) -> dict:
        from webcare import tasks

        return tasks.validate(stage, run_id, batch_date)
    return run


def _dbt(stage_name: str, args_name: str):
    def run(run_id: str, batch_date: date) -> None:
        from webcare import tasks

        tasks.dbt_step(stage_name, getattr(tasks, args_name), run_id, batch_date)
    return run


def _annotate(run_id: str, batch_date: date) -> dict:
    from webcare import tasks

    return tasks.annotate(run_id, batch_date)


def _publish(run_id: str, batch_date: date) -> dict:
    from webcare import tasks

    return tasks.publish(run_id, batch_date)


# (name, what the import command prints, function(run_id, batch_date)); the DAGs' task ids are the names
CHAIN: list[tuple[str, str, Callable[[str, date], object]]] = [
    ("validate_raw", "raw gate (GX)", _validate("raw")),
    ("annotate", "annotate (redaction, classification)", _annotate),
    ("dbt_staging", "dbt build staging", _dbt("dbt_staging", "DBT_STAGING")),
    ("validate_staging", "staging gate (GX)", _validate("staging")),
    ("dbt_marts", "dbt build marts", _dbt("dbt_marts", "DBT_MARTS")),
    ("validate_marts", "marts gate (GX)", _validate("marts")),
    ("publish_marts", "publish marts", _publish),
]
STEP_NAMES = [name for name, _, _ in CHAIN]


def run_step(name: str, run_id: str, batch_date: date, say: Callable[[str], None] | None = None):
    """One step of the chain by its name (a DAG task calls this), serialised as the module says."""
    index = STEP_NAMES.index(name)
    function = CHAIN[index][2]
    with step(run_id, name, first=index == 0, last=index == len(CHAIN) - 1, say=say):
        return function(run_id, batch_date)


def run_unclaimed(name: str, function: Callable[[], object], run_id: str):
    """A step outside the chain that uses dbt's target folder (docs, freshness): under the lock only."""
    with step(run_id, name, claims=False):
        return function()


def run_chain(run_id: str, batch_date: date, say: Callable[[str], None] = print) -> dict:
    """The whole chain in this process (the import command). Raises on a failed build or gate:
    the published marts stay as they were."""
    results = {}
    for name, label, _ in CHAIN:
        say(f"  {label} ...")
        results[name] = run_step(name, run_id, batch_date, say=say)
    return results


def create_pool() -> None:
    """Create (or reset to one slot) the Airflow pool of the chain's tasks in the Airflow of this
    environment (AIRFLOW_HOME, its metadata database migrated): `airflow pools set`."""
    airflow = os.path.join(os.path.dirname(sys.executable), "airflow")
    subprocess.run([airflow, "pools", "set", POOL, "1", "webcare: one warehouse build step at a time (webcare.pipeline)"],
                   check=True, capture_output=True)


if __name__ == "__main__":  # python -m webcare.pipeline create-pool
    if sys.argv[1:] != ["create-pool"]:
        sys.exit("usage: python -m webcare.pipeline create-pool")
    create_pool()
    print(f"Airflow pool {POOL} (1 slot) ready")
