"""Benchmark of the multi-account import command end to end: rows per second of an N-row export.

What ``python -m webcare.imports FILE --mapping customer_support_on_twitter --register-accounts
--time-zone UTC --out results.csv`` does, phase by phase, over a generated multi-account
"Customer Support on Twitter" export of N rows (default 1,000,000), in a database of its own
(``webcare_bench_import_accounts``, dropped and created again) of the embedded cluster:

0. generating the file (not part of the figure; the file's shape is below);
1. ``webcare.imports.load.import_file(..., register=Registration("UTC"), keep_keys=True)``: read and
   load (both reader passes, accounts from the data, registration of the unknown accounts,
   load_batch per 50,000 records, the ledgers);
2. the build, ``webcare.pipeline.run_chain`` (raw gate, annotate, dbt staging, staging gate, dbt
   marts, marts gate, publish), each step timed from the chain's own progress lines;
3. ``webcare.imports.__main__.write_results`` (one row per inbound message, from the published marts);

then a bare COPY of the same CSV into a table of seven text columns (the floor for those bytes
reaching PostgreSQL, as bench/import_load.py), and a table of seconds, rows per second (of the
file's rows) and the read+load phase as a ratio to that bare COPY. Numbers are for this machine.

    PYTHONPATH=plugins .venv/bin/python bench/import_accounts.py --rows 100000 --recent   # make bench
    PYTHONPATH=plugins .venv/bin/python bench/import_accounts.py --rows 100000     # 2017: ~12 GB of disk
    PYTHONPATH=plugins .venv/bin/python bench/import_accounts.py --recent          # 1,000,000 rows

Posts of 2017 imported now wait years in marts.fct_backlog_daily (one row per unanswered message
and day until the as-of instant, the import's time): 22 million rows (6 GB) at 100,000 rows, so
some 60 GB (twice: marts_build and marts) at 1,000,000. ``--recent`` dates the posts in the 320 to
10 days before the run. Measured on a 2-core machine (docs/file-imports.md, "Throughput"):
100,000 rows of 2017 in 540 s end to end (185 rows/s), 1,000,000 ``--recent`` rows in 2,543 s
(393 rows/s), of which annotate 1,878 s; read + load 57-63 times a bare COPY of the CSV.

The file: ``webcare.generator.twcs_accounts.twcs_accounts_export`` is quadratic in its
conversations (10,000 in 4 s, 40,000 in 86 s on a 2-core machine; 1,000,000 rows are about 430,000),
so the bench writes its own file of the same shape in one pass: 22 brand accounts (registered by
the import) and the seed's ``hsn`` and ``hia`` answering customers (numeric author ids) who
@mention them; conversations of 1 to 4 posts (about 2.3 rows each): answered (60 %), answered
with a follow-up that mentions nobody and a second answer (20 %), unanswered (12 %), addressed to
two accounts that both answer (5 %: two inbound messages), answered by an account the post does
not mention (3 %); ids increasing with time with gaps, written plain, as floats or in scientific
notation; dates in 2017; a few quoted texts with line breaks and commas; handles in other cases.
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("WEBCARE_HOME", str(ROOT / "var" / "bench"))
os.environ.setdefault("WEBCARE_PG_PORT", "55434")
sys.path.insert(0, str(ROOT / "plugins"))
DATABASE = "webcare_bench_import_accounts"
MAPPING = "customer_support_on_twitter"
YEAR_START = datetime(2017, 1, 2, 8, tzinfo=timezone.utc)
SPAN_SECONDS = 310 * 86_400      # first posts up to early November: every reply stays in 2017
BRANDS = 22

PATIENT_TEXTS = ("llevo dos horas esperando en urgencias, ¿alguien me atiende?",
                 "no consigo cita con el especialista desde hace un mes",
                 "me han cancelado la operación sin avisar",
                 "¿cuál es el horario de visitas de la planta 3?",
                 "the app says my appointment does not exist",
                 "muchas gracias al personal de pediatría, un trato excelente",
                 "nadie coge el teléfono de citas",
                 "can I change my appointment to next week?")
FOLLOW_UPS = ("ya os he escrito por DM", "sigo sin respuesta", "gracias, ya está resuelto",
              "mi número de historia es el que os pasé", "ok, thanks")
ANSWERS = ("Lamentamos la espera. Escríbenos por DM con tu número de cita.",
           "Hola, te ayudamos por mensaje privado.", "Gracias por avisar, lo revisamos.",
           "Sorry about that, please DM us your reference.", "Ya está gestionado, un saludo.")
BREAKS = ("\n", "\r\n", "\r")


def timed(label: str, func):
    started = time.perf_counter()
    value = func()
    elapsed = time.perf_counter() - started
    print(f"  {label:<58} {elapsed:8.2f} s", flush=True)
    return elapsed, value


def accounts() -> list[str]:
    """22 brand handles (not institutions: the import registers them) and the X handles of the
    seed's hsn and hia (institutions already); the seed ones are mentioned three times as often."""
    from webcare.generator.institutions import load_institutions
    from webcare.generator.twcs_accounts import PREFIXES, SUFFIXES, seed_identifiers

    taken = set(seed_identifiers())
    brands = [f"{p}{s}" for p in PREFIXES for s in SUFFIXES if f"{p}{s}".lower() not in taken]
    rng = random.Random(5)
    chosen = sorted(rng.sample(brands, BRANDS))
    seed = {row["institution_id"]: row["x_username"] for row in load_institutions()}
    return chosen + [seed["hsn"], seed["hia"]]


def generate(path: Path, rows: int, seed: int = 11, start: datetime = YEAR_START) -> dict:
    """Write exactly ``rows`` rows (whole conversations), first posts over 310 days from ``start``,
    and return what the import must find: rows, inbound messages (a post addressed to two
    accounts is two), records, answered messages, the brands."""
    from webcare.generator.export import TWCS_COLUMNS, csv_row, float_id, twitter_time

    rng = random.Random(seed)
    handles = accounts()
    weights = [1] * BRANDS + [3, 3]
    conversations = max(1, round(rows / 2.33))
    written = inbound = records = answered = number = 0
    conversation = 0
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(",".join(TWCS_COLUMNS) + "\n")
        chunk: list[str] = []
        while written < rows:
            left = rows - written
            roll = rng.random()
            kind = ("plain" if roll < 0.60 else "follow" if roll < 0.80 else "unanswered" if roll < 0.92
                    else "two" if roll < 0.97 else "other")
            size = {"plain": 2, "follow": 4, "unanswered": 1, "two": 3, "other": 2}[kind]
            if size > left:
                kind, size = ("plain", 2) if left >= 2 else ("unanswered", 1)
            customer = str(100_000 + (conversation * 7_919) % 900_000)
            moment = start + timedelta(seconds=conversation * SPAN_SECONDS // conversations
                                            + rng.randint(0, 600))
            conversation += 1
            first, second = rng.choices(range(len(handles)), weights, k=2)
            while second == first:
                second = rng.choices(range(len(handles)), weights)[0]

            def mention(index: int) -> str:
                handle, roll = handles[index], rng.random()
                return "@" + (handle.lower() if roll < 0.1 else handle.upper() if roll < 0.15 else handle)

            def text(body: str) -> str:
                roll = rng.random()
                if roll < 0.03:
                    return f"{body}{rng.choice(BREAKS)}Gracias de antemano"
                if roll < 0.05:
                    return f'{body}, me dijeron "mañana sin falta" y nada'
                return body

            posts: list[list] = []    # [id, author, inbound, created, text, parent index]

            def post(author: str, is_inbound: bool, body: str, parent: int | None, minutes: float) -> int:
                nonlocal number, moment
                number += rng.randint(1, 40)
                moment += timedelta(seconds=int(60 * minutes) + 1)
                posts.append([number, author, is_inbound, moment, body, parent])
                return len(posts) - 1

            addressed = f"{mention(first)} {mention(second)}" if kind == "two" else mention(first)
            root = post(customer, True, text(f"{addressed} {rng.choice(PATIENT_TEXTS)}"), None, 0)
            inbound += 2 if kind == "two" else 1
            if kind in ("plain", "follow", "two"):
                answer = post(handles[first], False, f"@{customer} {rng.choice(ANSWERS)}", root,
                              rng.expovariate(1 / 45))
            if kind == "two":
                post(handles[second], False, f"@{customer} {rng.choice(ANSWERS)}", root, rng.expovariate(1 / 90))
            if kind == "follow":
                again = post(customer, True, text(rng.choice(FOLLOW_UPS)), answer, rng.expovariate(1 / 20))
                post(handles[first], False, f"@{customer} {rng.choice(ANSWERS)}", again, rng.expovariate(1 / 30))
                inbound += 1
            if kind == "other":   # answered by an account the post does not mention: not an answer
                post(handles[second], False, f"@{customer} {rng.choice(ANSWERS)}", root, rng.expovariate(1 / 45))
            records += len(posts) + (1 if kind == "two" else 0)
            answered += {"plain": 1, "follow": 2, "two": 2}.get(kind, 0)
            for n, (tweet, author, is_inbound, created, body, parent) in enumerate(posts):
                children = ",".join(str(p[0]) for p in posts if p[5] == n)
                in_reply = float_id(rng, posts[parent][0], plain=0.3) if parent is not None else ""
                chunk.append(csv_row([float_id(rng, tweet, plain=0.6), author, str(is_inbound),
                                      twitter_time(created), body, children, in_reply]))
            written += len(posts)
            if len(chunk) >= 10_000:
                out.write("".join(chunk))
                chunk.clear()
        out.write("".join(chunk))
    return {"rows": written, "inbound": inbound, "records": records, "answered": answered,
            "brands": handles[:BRANDS]}


def fresh_database(cluster_url: str) -> str:
    import psycopg2

    admin = psycopg2.connect(cluster_url)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f"drop database if exists {DATABASE} with (force)")
        cur.execute(f"create database {DATABASE}")
    admin.close()
    return urlunsplit(urlsplit(cluster_url)._replace(path=f"/{DATABASE}"))


def chain_steps(run_id: str, batch_date: date) -> tuple[list[tuple[str, float]], float]:
    """run_chain as the command runs it; each step's seconds from its progress line (said before
    the step starts) to the next one (or the chain's end)."""
    from webcare.pipeline import CHAIN, run_chain

    labels = {label for _, label, _ in CHAIN}
    marks: list[tuple[str, float]] = []
    started = time.perf_counter()

    def say(text: str) -> None:
        label = text.strip().removesuffix(" ...")
        if label in labels:
            marks.append((label, time.perf_counter()))
            print(f"    {label} ... (+{marks[-1][1] - started:.0f} s)", flush=True)
        else:
            print(f"    {text.strip()}", flush=True)

    run_chain(run_id, batch_date, say=say)
    ended = time.perf_counter()
    steps = [(label, (marks[i + 1][1] if i + 1 < len(marks) else ended) - at) for i, (label, at) in enumerate(marks)]
    for label, seconds in steps:
        print(f"    {label:<56} {seconds:8.2f} s", flush=True)
    return steps, ended - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--recent", action="store_true",
                        help="date the posts in the 320 to 10 days before now instead of 2017 (see Backlog)")
    args = parser.parse_args()
    start = (datetime.now(timezone.utc).replace(microsecond=0) - timedelta(days=320) if args.recent
             else YEAR_START)

    import psycopg2

    from webcare import warehouse
    from webcare.embedded_pg import default_cluster
    from webcare.imports.__main__ import write_results
    from webcare.imports.load import Registration, import_file

    url = fresh_database(default_cluster().start())
    os.environ["WEBCARE_WAREHOUSE_URL"] = url
    warehouse.bootstrap(url)
    with tempfile.TemporaryDirectory(prefix="webcare-import-accounts-bench-") as folder:
        path = Path(folder) / "twcs_accounts.csv"
        out_path = Path(folder) / "results.csv"
        gen_s, truth = timed(f"generating {args.rows:,} rows (not part of the figure)",
                             lambda: generate(path, args.rows, start=start))
        rows = truth["rows"]
        print(f"  {path.stat().st_size / 1e6:.0f} MB, {truth['inbound']:,} inbound messages, "
              f"{truth['records']:,} records, {BRANDS} brands to register, "
              f"first posts from {start:%Y-%m-%d}", flush=True)

        print(f"import of {rows:,} rows, accounts from the data, --register-accounts --time-zone UTC, --out")
        load_s, report = timed("read + load: import_file (register, keep_keys)",
                               lambda: import_file(path, MAPPING, url=url, register=Registration("UTC"),
                                                   keep_keys=True))
        assert report.rows_rejected == 0, report.first_reasons
        assert report.records_inserted == truth["records"], (report.records_inserted, truth)
        assert sorted(report.registered) == sorted(truth["brands"]), report.registered
        assert len(report.messages) == truth["inbound"], (len(report.messages), truth)
        print(f"  build: run_chain({report.run_id}, {report.batch_date})", flush=True)
        build_s, (steps, _) = timed("build: run_chain (7 steps)",
                                    lambda: chain_steps(report.run_id, date.fromisoformat(report.batch_date)))
        results_s, written = timed("write_results (--out)", lambda: write_results(report.messages, out_path, url))
        assert written == truth["inbound"], (written, truth)
        with out_path.open(encoding="utf-8") as handle:
            answered = sum(1 for row in csv.DictReader(handle) if row["answered"] == "true")

        conn = psycopg2.connect(url)
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("create table public.bench_csv (tweet_id text, author_id text, inbound text, created_at text,"
                        " text text, response_tweet_id text, in_response_to_tweet_id text)")

        def copy_csv():
            with conn.cursor() as cur, path.open(encoding="utf-8", newline="") as handle:
                cur.copy_expert("copy public.bench_csv from stdin with (format csv, header true)", handle)

        csv_s, _ = timed("bare COPY of the CSV file (7 text columns)", copy_csv)
        conn.close()
    print(f"  results: {written:,} inbound messages, {answered:,} answered (the file's shape: {truth['answered']:,})"
          + ("" if answered == truth["answered"] else "  MISMATCH"))

    total = load_s + build_s + results_s
    table = [("read + load (import_file)", load_s)] + [(f"  {label}", s) for label, s in steps] + [
        ("build (run_chain)", build_s), ("write_results", results_s), ("end to end", total),
        ("bare COPY of the CSV", csv_s)]
    print(f"\n{rows:,} rows ({truth['inbound']:,} inbound messages), {os.cpu_count()} cores")
    print(f"  {'phase':<44} {'seconds':>9} {'rows/s':>10} {'share':>6}")
    for label, seconds in table:
        share = f"{100 * seconds / total:5.1f}%" if label != "bare COPY of the CSV" else ""
        print(f"  {label:<44} {seconds:9.2f} {rows / seconds:10,.0f} {share:>6}")
    print("\nratios")
    print(f"  read + load / bare COPY of the CSV     {load_s / csv_s:6.1f}x")
    print(f"  end to end / bare COPY of the CSV      {total / csv_s:6.1f}x")
    print(f"  build / read + load                    {build_s / load_s:6.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
