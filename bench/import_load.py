"""Benchmark of a whole file import into raw, as a ratio to bare COPYs of the same rows.

Generates N rows (default 1,000,000) shaped like the Kaggle twcs.csv (bench/imports.py's
generator, dated in 2026 so that the rows are inside the warehouse calendar), then, in a database
of its own (``webcare_bench_imports``, dropped and created again) of the embedded cluster, times:

1. a bare COPY of the CSV file as it is into a table of seven text columns (the floor for those
   bytes reaching PostgreSQL);
2. a bare COPY of the same rows as neutral records (JSON, prepared beforehand and not timed) into
   a table (record_key text, payload jsonb);
3. ``webcare.imports.load.import_file``: hashing, reading and mapping (both passes), the calendar
   and duplicate checks, load_batch per 50,000 records (COPY to a temporary table, insert with
   conflict handling, ledger), the quarantine and raw.file_imports;
4. the same file again (recognised by its hash: nothing read).

    PYTHONPATH=plugins .venv/bin/python bench/import_load.py [--rows 200000]
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("WEBCARE_HOME", str(ROOT / "var" / "bench"))
os.environ.setdefault("WEBCARE_PG_PORT", "55434")
sys.path.insert(0, str(ROOT / "plugins"))
DATABASE = "webcare_bench_imports"
START = datetime(2026, 4, 1, tzinfo=timezone.utc)


def timed(label: str, func):
    started = time.perf_counter()
    value = func()
    elapsed = time.perf_counter() - started
    print(f"  {label:<58} {elapsed:8.2f} s", flush=True)
    return elapsed, value


def twcs_generator():
    spec = importlib.util.spec_from_file_location("bench_imports", Path(__file__).with_name("imports.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate


def fresh_database(cluster_url: str) -> str:
    import psycopg2

    admin = psycopg2.connect(cluster_url)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f"drop database if exists {DATABASE} with (force)")
        cur.execute(f"create database {DATABASE}")
    admin.close()
    return urlunsplit(urlsplit(cluster_url)._replace(path=f"/{DATABASE}"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()

    import psycopg2

    from webcare import warehouse
    from webcare.embedded_pg import default_cluster
    from webcare.imports import load_mapping, read_file
    from webcare.imports.load import import_file
    from webcare.load import canonical_json

    url = fresh_database(default_cluster().start())
    os.environ["WEBCARE_WAREHOUSE_URL"] = url
    warehouse.bootstrap(url)
    mapping = load_mapping("customer_support_on_twitter")
    constants = {"account_id": "hsn"}
    with tempfile.TemporaryDirectory(prefix="webcare-import-load-bench-") as folder:
        path = Path(folder) / "twcs.csv"
        started = time.perf_counter()
        defects = twcs_generator()(path, args.rows, START)
        print(f"generated {args.rows:,} rows ({path.stat().st_size / 1e6:.0f} MB, {defects} bad dates) "
              f"in {time.perf_counter() - started:.1f} s")
        records_file = Path(folder) / "records.tsv"
        with records_file.open("w", encoding="utf-8") as out:   # for the bare jsonb COPY, not timed
            for item in read_file(path, mapping, constants=constants):
                if item.ok:
                    text = canonical_json(item.record).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                    out.write(f"{item.record['record_key']}\t{text}\n")

        conn = psycopg2.connect(url)
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("create table public.bench_csv (tweet_id text, author_id text, inbound text, created_at text,"
                        " text text, response_tweet_id text, in_response_to_tweet_id text)")
            cur.execute("create table public.bench_jsonb (record_key text, payload jsonb)")

        def copy_csv():
            with conn.cursor() as cur, path.open(encoding="utf-8", newline="") as handle:
                cur.copy_expert("copy public.bench_csv from stdin with (format csv, header true)", handle)

        def copy_jsonb():
            with conn.cursor() as cur, records_file.open(encoding="utf-8") as handle:
                cur.copy_expert("copy public.bench_jsonb (record_key, payload) from stdin", handle)

        print(f"import of {args.rows:,} rows into raw")
        csv_s, _ = timed("bare COPY of the CSV file (7 text columns)", copy_csv)
        jsonb_s, _ = timed("bare COPY of the neutral records (jsonb, prepared)", copy_jsonb)
        import_s, report = timed("webcare.imports.load.import_file (first import)",
                                 lambda: import_file(path, mapping, constants, url))
        again_s, again = timed("import_file of the same file again", lambda: import_file(path, mapping, constants, url))
        conn.close()
    assert report.records_inserted + report.rows_rejected == args.rows and report.rows_rejected == defects, report
    assert again.already_imported
    rate = args.rows / import_s
    print("\nratios")
    print(f"  import / bare COPY of the CSV          {import_s / csv_s:6.1f}x  ({rate:,.0f} rows/s imported, "
          f"{args.rows / csv_s:,.0f} rows/s bare COPY)")
    print(f"  import / bare COPY of the records      {import_s / jsonb_s:6.1f}x  ({args.rows / jsonb_s:,.0f} rows/s)")
    print(f"  same file again / first import         {again_s / import_s:6.3f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
