"""Benchmark of the file imports: read_file over a generated Customer-Support-on-Twitter export.

Generates N rows (default 1,000,000) shaped like the Kaggle twcs.csv in a temporary folder, with
float and scientific-notation ids, multi-line texts (\\r\\n, \\r, \\n inside quotes), several response
ids and a few defective rows, then times file_sha256 and read_file (both passes of the reply-chain
conversation resolution included) and prints rows per second. Numbers are for this machine only.

    PYTHONPATH=plugins .venv/bin/python bench/imports.py [--rows 200000]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugins"))

from webcare.imports import file_sha256, load_mapping, read_file  # noqa: E402

HEADER = "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
TEXTS = ['"@HospSierraNorte llevo dos horas esperando en urgencias, ¿alguien me atiende?"',
         '"@115712 Lamentamos la espera.\r\nEscríbenos por DM con tu número de cita."',
         '"Gracias,\rya me han llamado"', '"primera línea\nsegunda línea"', "solo texto sin comillas"]


def generate(path: Path, rows: int, start: datetime = datetime(2017, 10, 31, tzinfo=timezone.utc)) -> int:
    """Conversations of 4 tweets: customer, institution reply, customer, institution, one second
    apart from ``start``; returns the number of defective rows (bad dates)."""
    defects = 0
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        chunk = []
        for n in range(rows):
            tweet = 100_000 + n
            position = n % 4
            inbound = position % 2 == 0
            author = str(200_000 + n // 4) if inbound else "HospSierraNorte"
            when = (start + timedelta(seconds=n)).strftime("%a %b %d %H:%M:%S +0000 %Y")
            tweet_id = f"{tweet:.5e}" if n % 10 == 3 and tweet % 10 == 0 else (f"{tweet}.0" if n % 3 else str(tweet))
            parent = "" if position == 0 else f"{tweet - 1}.0"
            responses = f'"{tweet + 1},{tweet + 2}"' if position == 0 else (str(tweet + 1) if position < 3 else "")
            if n % 50_000 == 7:
                when, defects = "yesterday", defects + 1
            line = f"{tweet_id},{author},{inbound},{when},{TEXTS[n % len(TEXTS)]},{responses},{parent}\n"
            chunk.append(line)
            if len(chunk) == 10_000:
                out.write("".join(chunk))
                chunk.clear()
        out.write("".join(chunk))
    return defects


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    mapping = load_mapping("customer_support_on_twitter")
    with tempfile.TemporaryDirectory(prefix="webcare-imports-bench-") as folder:
        path = Path(folder) / "twcs.csv"
        started = time.perf_counter()
        defects = generate(path, args.rows)
        size = path.stat().st_size
        print(f"generated {args.rows:,} rows ({size / 1e6:.0f} MB, {defects} bad dates) "
              f"in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        file_sha256(path)
        hashed = time.perf_counter() - started
        print(f"file_sha256: {hashed:.2f} s ({size / 1e6 / hashed:.0f} MB/s)")
        started = time.perf_counter()
        records = rejections = 0
        for item in read_file(path, mapping, constants={"account_id": "HospSierraNorte"}):
            if item.ok:
                records += 1
            else:
                rejections += 1
        elapsed = time.perf_counter() - started
    assert records + rejections == args.rows and rejections == defects, (records, rejections, defects)
    print(f"read_file: {records:,} records + {rejections} rejections in {elapsed:.1f} s "
          f"= {args.rows / elapsed:,.0f} rows/s")


if __name__ == "__main__":
    main()
