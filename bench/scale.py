"""Scale harness: the daily run's cost as history grows (issue 12).

    PYTHONPATH=plugins .venv/bin/python bench/scale.py --messages 10000,100000 --out var/bench/scale.json
    PYTHONPATH=plugins .venv/bin/python bench/scale.py --plot --out var/bench/scale.json   # the PNG from a JSON

For each history size H (``--messages``), in a database of its own of the embedded PostgreSQL
(``webcare_scale_<N>i_<H>``, created, dropped after unless ``--keep``; with ``WEBCARE_WAREHOUSE_URL`` set,
in that server instead):

1. **Institutions.** N institutions (``--institutions``, 100), deterministic (``bench/scale_data.py``):
   ids ``s001``..., names, kinds (40 % hospitals), the regions' codes of Spain's autonomous
   communities and cities with Europe/Madrid, Atlantic/Canary for CN, an account on every channel
   with ids in the real seed's shapes; business hours (24/7 hospitals, office hours, split shifts,
   an X team of its own, a second schedule version 20 days before the run day, institution 3 with
   **no schedule**), SLA policies (calendar and business, a tighter X target from 10 days before the
   run day), a local fiesta every year for one institution in seven. They are written as seed CSVs
   into the harness's own copy of the dbt project (``<work>/dbt_project``; models, macros and tests
   copied from ``dbt_project/``, whose seeds are never edited) and the project is pointed at it with
   ``WEBCARE_DBT_PROJECT_DIR`` before any webcare module is imported. The generator places replies in
   opening hours, so it reads a second copy of the seeds (``<work>/generation_seeds``) where
   institution 3 has office hours; the warehouse never sees that copy.
2. **History.** The daily traffic is the generator's (``x_traffic``, ``google_traffic``,
   ``graph_traffic``: the APIs' own shapes) for the same N institutions at every size, so the daily
   run's own work is constant and only history grows: D = H / (the generator's raw records per day,
   measured on the week before the run day). History is generated a week at a time (each week
   seeded by its start, Facebook posts and Instagram media of that week only: ``graph_traffic(...,
   lead=0)``) and each week is COPYed into ``raw.<table>`` with the record key, canonical JSON and
   sha256 of ``webcare.load.split_records`` (the loader's own code), run ids, batch dates and
   extraction times of the daily run that would have loaded it (Google reviews: the version visible
   at each day's cutoff), then ``raw.load_batches`` (one row per day and extraction target, as the
   daily runs write) and ``raw.extract_cursors`` where the last history day's run left them. The
   HTTP path is not used for history (``make bench``'s bench/run.py measures it).
   ``history_messages`` is the number of raw rows written (patients' messages, the institutions'
   replies and posts, review versions, page ratings: every row the daily runs would have loaded).
3. **History build** (the full refresh at that size, reported as ``history_build``): the real
   chain, ``webcare.pipeline.run_chain`` (raw gate, annotate with the real classifier, dbt staging,
   staging gate, dbt marts, marts gate, publish), timed step by step. After annotating, each
   annotation's ``classified_at`` is set back to its raw row's load (plus a minute), when its daily
   run would have written it (not timed): otherwise the measured run's staging re-reads the whole
   history as "classified in the last 24 hours", which no real daily run does.
4. **The measured daily run**: the fake APIs (``webcare.fakes.server.FakeApis``, in this process)
   serve the whole history and the run day (X posts of the last 91 days only: the run looks up the
   X posts still waiting of the last 90 days, ``webcare.deletions.WAITING_DAYS``; Google and Graph
   everything: the run itself reads their last 90 days, and a ``reread_all`` run all of it), the
   clock at the run day's cutoff, and ``dag.test()`` of ``webcare_daily`` for the run day runs
   in a fresh subprocess (``bench/scale.py _daily``). Its peak memory is sampled every 0.25 s: the
   RSS of that process, and the largest RSS of a process it started (dbt), also per task
   (``peak_rss_by_task_mb``). Not ``ru_maxrss``: Linux keeps it across fork and execve, so it
   reported the harness's own peak (the generated history) as the run's. PostgreSQL's memory is
   sampled apart (the sum of the proportional set size, PSS, of the server's processes, every 0.5 s).
   ``daily_run_seconds`` is the subprocess's wall time from ``dag.test()`` to its end; per stage
   (Airflow task id) the seconds summed over its task instances (``dag.test`` runs them one after
   the other) and the rows it wrote (``audit.stage_runs``; extract: the records and HTTP pages read,
   from the batch files; dbt: the rows of every model and seed from dbt's log). The records the run
   inserts per source are compared with what the generator wrote for the run day
   (``daily_expected``). Disk: ``pg_database_size`` plus the size's own var folder (batches, GX
   Data Docs, dbt target, reports).

Airflow's metadata database is SQLite in ``<work>/airflow`` (created once). ``--work-dir`` defaults
to ``var/bench/scale``; the embedded cluster is ``var/bench``'s (port 55434, as bench/run.py).
Results: one JSON (``--out``), ``sizes`` holding one object per history size; ``--plot`` writes
``docs/performance.png`` from it when matplotlib is installed.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import shutil
import subprocess
import sys
import threading
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("WEBCARE_HOME", str(ROOT / "var" / "bench"))
os.environ.setdefault("WEBCARE_PG_PORT", "55434")
# each size has a WEBCARE_HOME of its own, the cluster's roles are one: their passwords stay with the caller's
os.environ.setdefault("WEBCARE_SECRETS_DIR", str(Path(os.environ["WEBCARE_HOME"]) / "secrets"))
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

RUN_DAY = date(2026, 4, 14)   # a Tuesday; history is the D days before it
CHUNK_DAYS = 7
STAGES = ("list_targets", "extract", "load", "validate_raw", "annotate", "dbt_staging", "validate_staging",
          "dbt_marts", "validate_marts", "publish_marts", "dbt_docs", "source_freshness", "quality_report",
          "apply_retention")


def say(message: str) -> None:
    print(message, flush=True)


def mb(kilobytes: float) -> float:
    return round(kilobytes / 1024, 1)


def folder_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) if path.exists() else 0


# -- set-up (before webcare is imported) --------------------------------------------------------------------------
def prepare_project(work: Path, institutions: list[dict], run_day: date, first_year: int) -> tuple[Path, Path]:
    """The harness's copy of the dbt project with its seeds, and the generator's copy of the seeds."""
    from scale_data import write_seeds

    real = ROOT / "dbt_project"
    project = work / "dbt_project"
    if project.exists():
        shutil.rmtree(project)
    shutil.copytree(real, project, ignore=shutil.ignore_patterns("target", "logs", "seeds", "dbt_packages"))
    write_seeds(project / "seeds", institutions, run_day, first_year, False, real / "seeds")
    generation = write_seeds(work / "generation_seeds", institutions, run_day, first_year, True, real / "seeds")
    return project, generation


def airflow_env(work: Path, home: Path) -> dict:
    airflow_home = work / "airflow"
    airflow_home.mkdir(parents=True, exist_ok=True)
    return {**os.environ, "WEBCARE_HOME": str(home), "AIRFLOW_HOME": str(airflow_home),
            "AIRFLOW__CORE__DAGS_FOLDER": str(ROOT / "dags"), "AIRFLOW__CORE__PLUGINS_FOLDER": str(ROOT / "plugins"),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False", "AIRFLOW__CORE__PARALLELISM": "4",
            "AIRFLOW__LOGGING__LOGGING_LEVEL": "WARNING",
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{airflow_home / 'airflow.db'}",
            "AIRFLOW__COSMOS__CACHE_DIR": str(work / "cosmos"),
            "PYTHONPATH": os.pathsep.join([str(ROOT / "plugins"), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}


def migrate_airflow(env: dict) -> None:
    airflow = str(Path(sys.executable).parent / "airflow")
    subprocess.run([airflow, "db", "migrate"], check=True, capture_output=True, env=env)
    subprocess.run([sys.executable, "-m", "webcare.pipeline", "create-pool"], check=True, capture_output=True, env=env)


# -- one size -------------------------------------------------------------------------------------------------------
class Generation:
    """The seeds the generator reads (its Calendar reads webcare.config.SEEDS_DIR) while generating."""

    def __init__(self, seeds: Path):
        self.seeds = seeds

    def __enter__(self):
        from webcare import config
        from webcare.generator import hours

        self.saved = config.SEEDS_DIR
        config.SEEDS_DIR = self.seeds
        hours.load_seeds.cache_clear()
        return self

    def __exit__(self, *exc):
        from webcare import config
        from webcare.generator import hours

        config.SEEDS_DIR = self.saved
        hours.load_seeds.cache_clear()


def records_per_day(seed: int, institutions: list[dict], run_day: date, seeds: Path) -> float:
    """The generator's raw records per day for these institutions: the week before the run day."""
    from scale_data import generate_chunk, utc

    with Generation(seeds):
        chunk = generate_chunk(seed, institutions, (utc(run_day - timedelta(days=CHUNK_DAYS)), utc(run_day)))
    start = run_day - timedelta(days=CHUNK_DAYS)
    return sum(1 for r in chunk.records if start <= r[4] < run_day) / CHUNK_DAYS


def create_database(server_url: str, name: str) -> str:
    import psycopg2
    from urllib.parse import urlsplit, urlunsplit

    admin = psycopg2.connect(server_url)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f"drop database if exists {name} with (force)")
        cur.execute(f"create database {name}")
    admin.close()
    return urlunsplit(urlsplit(server_url)._replace(path=f"/{name}"))


def drop_database(server_url: str, name: str) -> None:
    import psycopg2

    admin = psycopg2.connect(server_url)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f"drop database if exists {name} with (force)")
    admin.close()


def query(url: str, sql: str, params=None) -> list[tuple]:
    import psycopg2

    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute(sql, params)
        rows = cur.fetchall()
    conn.close()
    return rows


def write_history(url: str, seed: int, institutions: list[dict], run_day: date, messages: int, rate: float,
                  seeds: Path, dataset: Path) -> dict:
    """Generate weeks of traffic backwards from the run day until history holds at least ``messages`` raw
    records (the earliest chunk as many days as the rate says are still missing), COPY history into raw,
    write the fake APIs' dataset; returns counts and the truth of the run day."""
    from tqdm import tqdm

    from scale_data import RawWriter, generate_chunk, merge_graph, utc, write_fake_dataset
    from webcare.accounts import extraction_targets
    from webcare.deletions import WAITING_DAYS

    cutoff, history_end = utc(run_day + timedelta(days=1)), utc(run_day)
    keep_x_from = history_end - timedelta(days=WAITING_DAYS + 1)
    writer = RawWriter(url)
    x_lines, google_lines, graph = [], [], {"pages": {}, "ig_users": {}}
    daily_records: dict[str, list] = {}
    generate_s = copy_s = 0.0
    end, first_day = run_day + timedelta(days=1), run_day
    with Generation(seeds), tqdm(total=messages, unit="row", desc="history", disable=None) as progress:
        while writer.total < messages:
            missing_days = max(1, math.ceil((messages - writer.total) / rate))
            start = max(end - timedelta(days=CHUNK_DAYS), end - timedelta(days=missing_days + (end > run_day)))
            began = time.perf_counter()
            chunk = generate_chunk(seed, institutions, (utc(start), utc(end)))
            # records before the chunk (the page's note under a post placed before it) are left out: no run loaded them
            history = [r for r in chunk.records if start <= r[4] < run_day]
            for r in chunk.records:
                if r[4] == run_day:
                    daily_records.setdefault(r[0], []).append(r)
            x_lines += [line for created, line in chunk.x_lines if created >= keep_x_from]
            google_lines += chunk.google_lines
            # nor may the fake APIs serve them: a post's weekly re-read would find them missing from raw
            merge_graph(graph, without_comments(chunk.graph, {r[2]["id"] for r in chunk.records if r[4] < start
                                                              and isinstance(r[2], dict) and "id" in r[2]}))
            generate_s += time.perf_counter() - began
            began = time.perf_counter()
            progress.update(writer.write(history))
            copy_s += time.perf_counter() - began
            end = first_day = start
    began = time.perf_counter()
    targets = extraction_targets()
    ledger_rows = writer.write_ledger(targets, first_day, run_day - timedelta(days=1))
    write_fake_dataset(dataset, institutions, x_lines, google_lines, graph, cutoff)
    copy_s += time.perf_counter() - began
    return {"first_day": first_day.isoformat(), "history_days": (run_day - first_day).days,
            "generate_seconds": round(generate_s, 1), "write_raw_seconds": round(copy_s, 1),
            "history_messages": writer.total, "history_by_source": dict(sorted(writer.rows_by_source.items())),
            "load_batches_rows": ledger_rows, "extraction_targets": len(targets),
            "daily_expected": daily_truth(daily_records, url)}


def without_comments(graph: dict, ids: set[str]) -> dict:
    """A chunk's Graph data without the comments and replies of ``ids`` (records left out of history)."""
    if not ids:
        return graph
    for page in graph["pages"].values():
        page["comments"] = {post: [c for c in cs if c["id"] not in ids] for post, cs in page["comments"].items()}
    for user in graph["ig_users"].values():
        user["comments"] = {media: [c for c in cs if c["id"] not in ids] for media, cs in user["comments"].items()}
        user["replies"] = {parent: [r for r in rs if r["id"] not in ids] for parent, rs in user["replies"].items()}
    return graph


def daily_truth(daily_records: dict, url: str) -> dict:
    """Records the run day's run must insert per source, from the generator's output (what it created in the
    run day; Google: the reviews whose version visible at the cutoff is not loaded yet)."""
    from webcare.load import split_records

    from webcare.sources import SOURCES

    truth = {name: 0 for name, source in SOURCES.items() if source.fetch is not None}
    for source, records in sorted(daily_records.items()):
        by_account: dict[str, list] = {}
        for _, account, record, _, _ in records:
            by_account.setdefault(account, []).append(record)
        truth[source] = sum(len(split_records(source, batch)[0]) for batch in by_account.values())
    return truth


def history_build(url: str, home: Path, run_day: date) -> dict:
    """The whole chain on the history (the full refresh at this size), timed step by step."""
    from webcare import pipeline

    run_id = "scale_history_build"
    dbt_log = home / "dbt" / "logs" / "dbt.log"
    log_offset = dbt_log.stat().st_size if dbt_log.exists() else 0
    began, backdate_s = time.perf_counter(), 0.0
    for name, _label, _ in pipeline.CHAIN:
        pipeline.run_step(name, run_id, run_day - timedelta(days=1), say=lambda line: None)
        if name == "annotate":
            backdate_s = backdate_annotations(url)
    total = time.perf_counter() - began - backdate_s
    stages = {}
    for stage_name, rows_in, rows_out, seconds in query(
            url, "select stage, sum(rows_in), sum(rows_out), sum(duration_seconds) from audit.stage_runs"
                 " where run_id = %s group by 1", (run_id,)):
        stages[stage_name] = {"seconds": round(seconds, 2), **audit_counts(stage_name, rows_in, rows_out)}
    for stage_name, rows in dbt_stage_rows(dbt_rows(dbt_log, log_offset)).items():
        stages.setdefault(stage_name, {}).update(rows)
    inbound = query(url, "select count(*) from marts.fct_interactions")[0][0]
    return {"seconds": round(total, 1), "stages": stages, "inbound_messages": inbound,
            "backdate_annotations_seconds": round(backdate_s, 1)}


def backdate_annotations(url: str) -> float:
    """Give each history annotation the time its daily run would have written it (its raw row's
    ``loaded_at``, plus a minute) instead of the minutes before the measured run: otherwise the
    run's staging would re-read the whole history as "classified in the last 24 h", work that no
    real daily run does. Not counted in the history build's time."""
    import psycopg2

    from webcare.sources import SOURCES

    began = time.perf_counter()
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        for source in SOURCES.values():
            cur.execute(f"""update raw.text_annotations a set classified_at = r.loaded_at + interval '1 minute'
                            from raw.{source.table} r
                            where a.source = %s and a.account_id = r.account_id and a.record_key = r.record_key
                              and a.payload_sha256 = r.payload_sha256""", (source.name,))
    return time.perf_counter() - began


class PostgresMemory(threading.Thread):
    """Peak of the summed PSS (kB) of the PostgreSQL server's processes, sampled every 0.5 s."""

    def __init__(self, url: str):
        import psycopg2

        super().__init__(daemon=True)
        conn = psycopg2.connect(url)  # open while its backend's parent is read: the postmaster
        with conn.cursor() as cur:
            cur.execute("select pg_backend_pid()")
            self.postmaster = self.parent(cur.fetchone()[0])
        conn.close()
        self.peak = 0
        self.stopping = threading.Event()

    @staticmethod
    def parent(pid: int) -> int:
        try:
            return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            return -1

    def sample(self) -> int:
        total = 0
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            pid = int(entry.name)
            if pid != self.postmaster and self.parent(pid) != self.postmaster:
                continue
            try:
                for line in (entry / "smaps_rollup").read_text().splitlines():
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
            except OSError:
                pass
        return total

    def run(self) -> None:
        while not self.stopping.wait(0.5):
            self.peak = max(self.peak, self.sample())

    def stop(self) -> int:
        self.stopping.set()
        self.join()
        return self.peak


def dbt_rows(log_file: Path, since: int) -> dict:
    """Rows and seconds of every model and seed dbt built, from its log after byte ``since``."""
    import re

    line = re.compile(r"OK (?:created sql (\w+) model|loaded seed file) ([\w.]+) \.+ \[(\w+) (?:0 )?(-?\d+) in ([\d.]+)s\]")
    models = {}
    if log_file.exists():
        with log_file.open(encoding="utf-8", errors="replace") as handle:
            handle.seek(since)
            for text in handle:
                match = line.search(text)
                if match:
                    kind, name, _, rows, seconds = match.groups()
                    models[name] = {"kind": kind or "seed", "rows": int(rows), "seconds": float(seconds)}
    return models


def daily_run(url: str, work: Path, home: Path, dataset: Path, project: Path, run_day: date) -> dict:
    """webcare_daily for the run day in a fresh subprocess, the fake APIs serving from this one."""
    from webcare.fakes.server import FakeApis
    from webcare.generator.times import parse_time

    cutoff = datetime.combine(run_day + timedelta(days=1), datetime.min.time(), timezone.utc)
    began = time.perf_counter()
    apis = FakeApis(dataset).start()
    fake_start_s = time.perf_counter() - began
    apis.set_clock(cutoff)
    env = airflow_env(work, home)
    env.update({"WEBCARE_WAREHOUSE_URL": url, "WEBCARE_DBT_PROJECT_DIR": str(project),
                "AIRFLOW_CONN_WEBCARE_X_API": json.dumps({"conn_type": "http", "host": apis.x_base_url,
                                                           "password": "scale-bearer-token"}),
                "AIRFLOW_CONN_WEBCARE_GOOGLE_API": json.dumps({"conn_type": "http", "host": apis.google_base_url,
                                                               "password": "scale-access-token"}),
                "AIRFLOW_CONN_WEBCARE_GRAPH_API": json.dumps({"conn_type": "http", "host": apis.graph_base_url,
                                                              "password": "scale-page-token"})})
    dbt_log = home / "dbt" / "logs" / "dbt.log"
    log_offset = dbt_log.stat().st_size if dbt_log.exists() else 0
    result_file = home / "daily_run.json"
    result_file.unlink(missing_ok=True)
    memory = PostgresMemory(url)
    memory.start()
    try:
        child = subprocess.run([sys.executable, str(Path(__file__).resolve()), "_daily", "--cutoff", cutoff.isoformat(),
                                "--result", str(result_file)], env=env, capture_output=True, text=True)
    finally:
        postgres_kb = memory.stop()
        requests = len(apis.requests_log)
        apis.stop()
    (home / "daily_run.log").write_text(child.stdout + child.stderr, encoding="utf-8")
    if child.returncode != 0 or not result_file.exists():
        raise RuntimeError(f"the daily run's process failed (exit {child.returncode}); log: {home / 'daily_run.log'}\n"
                           + (child.stdout + child.stderr)[-3000:])
    run = json.loads(result_file.read_text())
    run_id = run["run_id"]
    stages = {name: {"seconds": 0.0, "tasks": 0} for name in STAGES}
    for task in run["tasks"]:
        stage = stages.setdefault(task["task_id"], {"seconds": 0.0, "tasks": 0})
        stage["seconds"] = round(stage["seconds"] + (task["duration"] or 0), 2)
        stage["tasks"] += 1
        stage.setdefault("states", {}).setdefault(task["state"], 0)
        stage["states"][task["state"]] += 1
    audit_rows = query(url, """select stage, sum(rows_in), sum(rows_out), sum(duration_seconds)
                               from audit.stage_runs where run_id = %s group by 1""", (run_id,))
    for stage_name, rows_in, rows_out, seconds in audit_rows:
        task_id = {"freshness": "source_freshness", "publish": "publish_marts", "retention": "apply_retention"}.get(stage_name, stage_name)
        stage = stages.setdefault(task_id, {"seconds": 0.0, "tasks": 0})
        stage["audit_seconds"] = round(seconds or 0, 2)
        stage.update(audit_counts(task_id, rows_in, rows_out))
    models = dbt_rows(dbt_log, log_offset)
    for task_id, rows in dbt_stage_rows(models).items():
        stages[task_id].update(rows)
    batches = query(url, """select source, sum(records_received), sum(records_inserted), sum(records_seen_before),
                                   sum(records_quarantined), count(*) from raw.load_batches where run_id = %s
                            group by 1 order by 1""", (run_id,))
    pages: dict[str, int] = {}
    from webcare import batch_files

    for path in (home / "batches").rglob("*.json"):  # only the daily run extracted (history went straight to raw)
        meta = batch_files.read(path)["meta"]
        if meta.get("run_id") == run_id:
            pages[meta["source"]] = pages.get(meta["source"], 0) + int(meta.get("pages") or 0)
    sources = {source: {"received": int(received), "inserted": int(inserted), "seen_before": int(seen),
                        "quarantined": int(quarantined), "batches": int(count), "pages": pages.get(source, 0)}
               for source, received, inserted, seen, quarantined, count in batches}
    stages["extract"]["rows_written"] = sum(s["received"] for s in sources.values())
    stages["extract"]["pages"] = sum(pages.values())
    slowest = sorted(models.items(), key=lambda item: -item[1]["seconds"])[:12]
    return {"state": run["state"], "run_id": run_id, "daily_run_seconds": round(run["seconds"], 1),
            "fake_apis_start_seconds": round(fake_start_s, 1), "http_requests": requests,
            "stages": stages, "sources": sources,
            "peak_rss_by_task_mb": {task: mb(kb) for task, kb in sorted(run.get("rss_by_task_kb", {}).items(),
                                                                       key=lambda item: -item[1])},
            # sampled (see child_daily); ru_maxrss kept for comparison with earlier rounds (inherited, too high)
            "peak_rss_mb": {"dag_process": mb(run["sampled_peak_self_kb"]),
                            "children": mb(run["sampled_peak_child_kb"]),
                            "run": mb(max(run["sampled_peak_self_kb"], run["sampled_peak_child_kb"])),
                            "postgres_pss": mb(postgres_kb),
                            "ru_maxrss_self": mb(run["maxrss_self_kb"]), "ru_maxrss_children": mb(run["maxrss_children_kb"])},
            "slowest_models": {name: m for name, m in slowest}}


def audit_counts(stage: str, rows_in, rows_out) -> dict:
    """What audit.stage_runs' rows_in and rows_out mean for each stage (webcare.tasks, webcare.validate)."""
    if stage.startswith("validate_"):
        return {"expectations": rows_in, "expectations_passed": rows_out}
    if stage == "load":
        return {"rows_read": rows_in, "rows_written": rows_out}
    if stage.startswith("dbt_"):
        return {"dbt_nodes": rows_in}  # models, seeds and tests of the invocation (run_results.json)
    return {"rows_written": rows_out}  # annotate: annotations; publish: rows copied; freshness: rows checked


def dbt_stage_rows(models: dict) -> dict:
    """Rows dbt wrote per stage, from the models and seeds in its log: staging (and seeds) vs the rest."""
    stages = {}
    for task_id, schemas in (("dbt_staging", ("staging", "reference")), ("dbt_marts", ("intermediate", "marts_build"))):
        mine = {name: m for name, m in models.items() if name.split(".")[0] in schemas}
        stages[task_id] = {"rows_written": sum(max(m["rows"], 0) for m in mine.values()), "models": len(mine)}
    return stages


def child_daily(cutoff: str, result: Path) -> int:
    """In the subprocess: dag.test() of webcare_daily, then its task instances and peak RSS as JSON."""
    from airflow.dag_processing.dagbag import DagBag

    logical = datetime.fromisoformat(cutoff)
    dag = DagBag(dag_folder=str(ROOT / "dags")).get_dag("webcare_daily")
    # (Unix time, this process's RSS, the largest RSS of a process it started, in kB), every 0.25 s.
    # Sampled, not ru_maxrss: Linux keeps ru_maxrss across fork and execve, so this subprocess
    # reported the harness's own peak (the generated history: 2.3 GB at 1 M) as its own, and dbt's
    # ru_maxrss that of the DAG process it was forked from.
    samples: list[tuple[float, int, int]] = []
    stopping = threading.Event()
    me = os.getpid()

    def rss_kb(pid: int | str) -> int:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        except OSError:
            pass
        return 0

    def descendants() -> list[int]:
        parents = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, ValueError, IndexError):
                    pass
        found, frontier = [], {me}
        while frontier:
            frontier = {pid for pid, parent in parents.items() if parent in frontier}
            found += frontier
        return found

    def sample_rss() -> None:
        while not stopping.wait(0.25):
            samples.append((time.time(), rss_kb("self"), max((rss_kb(pid) for pid in descendants()), default=0)))

    sampler = threading.Thread(target=sample_rss, daemon=True)
    sampler.start()
    began = time.perf_counter()
    run = dag.test(logical_date=logical)
    seconds = time.perf_counter() - began
    stopping.set()
    sampler.join()
    from airflow.models import TaskInstance
    from airflow.utils.session import create_session

    with create_session() as session:
        tis = session.query(TaskInstance).filter(TaskInstance.dag_id == dag.dag_id,
                                                 TaskInstance.run_id == run.run_id).all()
        tasks = [{"task_id": ti.task_id, "map_index": ti.map_index, "state": str(ti.state),
                  "duration": ti.duration} for ti in tis]
        spans = [(ti.task_id, ti.start_date.timestamp(), ti.end_date.timestamp()) for ti in tis
                 if ti.start_date and ti.end_date]
    rss_by_task: dict[str, int] = {}
    for task_id, start, end in spans:  # the largest RSS sampled while the task ran (tasks run one by one)
        during = [kb for at, kb, _ in samples if start <= at <= end]
        if during:
            rss_by_task[task_id] = max(rss_by_task.get(task_id, 0), max(during))
    result.write_text(json.dumps({
        "run_id": run.run_id, "state": str(run.state), "seconds": seconds, "tasks": tasks,
        "rss_by_task_kb": rss_by_task,
        "sampled_peak_self_kb": max((kb for _, kb, _ in samples), default=0),
        "sampled_peak_child_kb": max((kb for _, _, kb in samples), default=0),
        "maxrss_self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "maxrss_children_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}, indent=1))
    return 0


def run_size(messages: int, args, server_url: str, work: Path, institutions: list[dict], project: Path,
             generation_seeds: Path, rate: float) -> dict:
    name = f"webcare_scale_{len(institutions)}i_{messages}"  # two harnesses on one server must not share one
    home = work / f"h{messages}"
    if home.exists():
        shutil.rmtree(home)
    home.mkdir(parents=True)
    os.environ["WEBCARE_HOME"] = str(home)  # dbt target, GX context, batches, reports of this size
    from webcare import warehouse

    url = create_database(server_url, name)
    os.environ["WEBCARE_WAREHOUSE_URL"] = url
    warehouse.bootstrap(url)
    say(f"\n== {messages:,} messages of history: {len(institutions)} institutions x ~{messages / rate:,.0f} days"
        f" (~{rate:,.0f} raw records a day), database {name}")
    began = time.perf_counter()
    result = {"requested_messages": messages, "institutions": len(institutions), "run_day": args.run_day.isoformat()}
    try:
        result.update(write_history(url, args.seed, institutions, args.run_day, messages, rate, generation_seeds,
                                    home / "dataset"))
        say(f"  history: {result['history_messages']:,} raw rows over {result['history_days']} days, "
            f"{result['generate_seconds']} s of generation"
            f" and {result['write_raw_seconds']} s of COPY")
        say("  history build (the whole chain on all history: the full refresh at this size) ...")
        result["history_build"] = history_build(url, home, args.run_day)
        say(f"  history build: {result['history_build']['seconds']} s")
        say(f"  measured daily run: webcare_daily for {args.run_day} (dag.test in a subprocess) ...")
        result.update(daily_run(url, work, home, home / "dataset", project, args.run_day))
        say(f"  daily run: {result['state']} in {result['daily_run_seconds']} s")
        from kpi_question import measure

        if result["state"] != "success":
            raise RuntimeError(f"the daily run {result['state']}: see {home / 'daily_run.log'}")
        result["kpi_question"] = measure(url)  # the README's monthly question: marts vs staging (bench/kpi_question.py)
        say(f"  the monthly KPI question: {result['kpi_question']['marts_seconds'] * 1000:.1f} ms from the marts,"
            f" {result['kpi_question']['staging_seconds']:.2f} s from staging"
            f" ({result['kpi_question']['staging_over_marts']:.0f}x), answers equal: {result['kpi_question']['answers_equal']}")
        result["disk_bytes"] = {"database": query(url, "select pg_database_size(current_database())")[0][0],
                                "var": folder_bytes(home) - folder_bytes(home / "dataset"),
                                "fake_api_dataset": folder_bytes(home / "dataset")}
        result["disk_bytes"]["total"] = result["disk_bytes"]["database"] + result["disk_bytes"]["var"]
        result["harness_seconds"] = round(time.perf_counter() - began, 1)
    finally:
        os.environ.pop("WEBCARE_WAREHOUSE_URL", None)
        warehouse._bootstrapped.cache_clear()
        if not args.keep:
            drop_database(server_url, name)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/scale.py", description=__doc__.splitlines()[0])
    parser.add_argument("--messages", default="10000,100000", help="history sizes, comma-separated (raw records)")
    parser.add_argument("--institutions", type=int, default=100)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--run-day", type=date.fromisoformat, default=RUN_DAY, help="the measured day (UTC)")
    parser.add_argument("--out", type=Path, default=None, help="JSON results (default <work>/scale.json)")
    parser.add_argument("--work-dir", type=Path, default=None, help="default var/bench/scale")
    parser.add_argument("--keep", action="store_true", help="keep each size's database")
    parser.add_argument("--plot", action="store_true", help="only write the plot (--png) from --out")
    parser.add_argument("--png", type=Path, default=ROOT / "docs" / "performance.png", help="the plot's file")
    parser.add_argument("--markdown", action="store_true", help="only print --out's results as Markdown tables")
    args = parser.parse_args(argv)
    work = (args.work_dir or Path(os.environ["WEBCARE_HOME"]) / "scale").resolve()
    out = (args.out or work / "scale.json").resolve()
    if args.plot:
        return plot(out, args.png)
    if args.markdown:
        print(markdown(json.loads(out.read_text())))
        return 0
    sizes = [int(s.replace("_", "")) for s in args.messages.split(",") if s.strip()]
    work.mkdir(parents=True, exist_ok=True)
    from scale_data import make_institutions

    institutions = make_institutions(args.institutions)
    first_year = 2000
    project, generation_seeds = prepare_project(work, institutions, args.run_day, first_year)
    os.environ["WEBCARE_DBT_PROJECT_DIR"] = str(project)  # before any webcare module is imported
    from webcare import config

    assert config.SEEDS_DIR == project / "seeds", config.SEEDS_DIR
    server_url = os.environ.get("WEBCARE_WAREHOUSE_URL")
    if not server_url:
        from webcare.embedded_pg import default_cluster

        cluster = default_cluster()
        server_url = cluster.start()
        # each size has a WEBCARE_HOME of its own (no cluster there): its processes take the
        # salt of the cluster that serves them, as they take its roles' passwords
        os.environ.setdefault("WEBCARE_PSEUDONYM_SALT", cluster.pseudonym_salt())
    os.environ.pop("WEBCARE_WAREHOUSE_URL", None)
    say(f"scale harness: {len(institutions)} institutions, history sizes {', '.join(f'{s:,}' for s in sizes)},"
        f" run day {args.run_day}; work folder {work}")
    began = time.perf_counter()
    migrate_airflow(airflow_env(work, work))
    say(f"  Airflow metadata database ready ({time.perf_counter() - began:.0f} s)")
    rate = records_per_day(args.seed, institutions, args.run_day, generation_seeds)
    results = {"institutions": len(institutions), "run_day": args.run_day.isoformat(), "seed": args.seed,
               "raw_records_per_day": round(rate, 1),
               "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                           "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
                           "load_average_at_start": os.getloadavg()},
               "sizes": []}
    out.parent.mkdir(parents=True, exist_ok=True)
    for messages in sizes:
        try:
            results["sizes"].append(run_size(messages, args, server_url, work, institutions, project,
                                             generation_seeds, rate))
        except Exception as exc:  # reported, and the next size still runs
            say(f"  FAILED: {type(exc).__name__}: {str(exc)[:2000]}")
            results["sizes"].append({"requested_messages": messages, "state": "failed",
                                     "error": f"{type(exc).__name__}: {str(exc)[:2000]}"})
        out.write_text(json.dumps(results, indent=2, default=str) + "\n")
    say(f"\n{'history':>12} {'days':>6} {'daily run s':>12} {'extract s':>10} {'load s':>8} {'dbt marts s':>12}"
        f" {'publish s':>10} {'peak RSS MB':>12} {'disk MB':>9}")
    for size in results["sizes"]:
        if "stages" not in size:
            say(f"{size['requested_messages']:>12,}  failed: {size['error'][:100]}")
            continue
        st = size["stages"]
        say(f"{size['history_messages']:>12,} {size['history_days']:>6} {size['daily_run_seconds']:>12}"
            f" {st['extract']['seconds']:>10} {st['load']['seconds']:>8} {st['dbt_marts']['seconds']:>12}"
            f" {st['publish_marts']['seconds']:>10} {size['peak_rss_mb']['run']:>12}"
            f" {size['disk_bytes']['total'] / 2**20:>9.0f}")
    say(f"results in {out}")
    return 0 if all(size["state"] == "success" for size in results["sizes"]) else 1


MARKDOWN_STAGES = ("extract", "load", "validate_raw", "annotate", "dbt_staging", "validate_staging", "dbt_marts",
                   "validate_marts", "publish_marts", "dbt_docs", "source_freshness")


def markdown(results: dict) -> str:
    """The results as the tables of docs/performance.md: seconds per stage, then rows, pages, memory, disk."""
    sizes = sorted((s for s in results["sizes"] if "stages" in s), key=lambda s: s["history_messages"])
    head = ["history (raw rows)", "days", "history build s", "daily run s", *MARKDOWN_STAGES]
    lines = ["| " + " | ".join(head) + " |", "|" + "---:|" * len(head)]
    for s in sizes:
        cells = [f"{s['history_messages']:,}", str(s["history_days"]), f"{s['history_build']['seconds']:.0f}",
                 f"{s['daily_run_seconds']:.0f}", *(f"{s['stages'][n]['seconds']:.0f}" for n in MARKDOWN_STAGES)]
        lines.append("| " + " | ".join(cells) + " |")
    head = ["history (raw rows)", "records read", "pages read (IG)", "rows loaded", "dbt marts rows",
            "published rows", "peak RSS MB (run / PostgreSQL PSS)", "database MB", "var MB"]
    lines += ["", "| " + " | ".join(head) + " |", "|" + "---:|" * len(head)]
    for s in sizes:
        st, disk = s["stages"], s["disk_bytes"]
        cells = [f"{s['history_messages']:,}", f"{st['extract']['rows_written']:,}",
                 f"{st['extract']['pages']:,} ({s['sources']['instagram_comments']['pages']:,})",
                 f"{st['load']['rows_written']:,}", f"{st['dbt_marts']['rows_written']:,}",
                 f"{st['publish_marts']['rows_written']:,}",
                 f"{s['peak_rss_mb']['run']:.0f} / {s['peak_rss_mb']['postgres_pss']:.0f}",
                 f"{disk['database'] / 2**20:.0f}", f"{disk['var'] / 2**20:.0f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def plot(results_file: Path, png: Path) -> int:
    try:
        import matplotlib
    except ImportError:
        say("matplotlib is not installed in this environment: no plot written; --markdown prints the tables")
        return 2
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    results = json.loads(results_file.read_text())
    sizes = sorted(results["sizes"], key=lambda s: s["history_messages"])
    x = [s["history_messages"] for s in sizes]
    figure, axis = plt.subplots(figsize=(8, 5))
    axis.plot(x, [s["daily_run_seconds"] for s in sizes], marker="o", linewidth=2.5, label="whole daily run")
    for stage in ("extract", "load", "validate_raw", "annotate", "dbt_staging", "validate_staging", "dbt_marts",
                  "validate_marts", "publish_marts", "dbt_docs"):
        axis.plot(x, [s["stages"][stage]["seconds"] for s in sizes], marker=".", label=stage)
    axis.set_xscale("log")
    axis.set_xlabel("history (raw records)")
    axis.set_ylabel("seconds")
    axis.set_title(f"webcare_daily, one day of {results['institutions']} institutions, as history grows")
    axis.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(png, dpi=110)
    say(f"plot in {png}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["_daily"]:
        parsed = argparse.ArgumentParser()
        parsed.add_argument("_daily")
        parsed.add_argument("--cutoff", required=True)
        parsed.add_argument("--result", type=Path, required=True)
        options = parsed.parse_args()
        sys.exit(child_daily(options.cutoff, options.result))
    sys.exit(main())
