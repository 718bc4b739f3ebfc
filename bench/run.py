"""Benchmarks, as ratios measured in one run on this machine (never timed assertions in tests).

1. our raw load (validation, in-batch de-duplication, COPY to a staging table, insert with
   conflict handling, quarantine, cursor) vs a bare COPY of the same records into a table;
2. reloading the same batch (every record already there) vs the first load;
3. incremental extraction (one day past the cursor) vs a full extraction, from the fake APIs: X
   (start_time: the window since the cursor) and Facebook page comments (Graph has no "since" on comment edges:
   an incremental day lists the posts and reads each post's newest comment page);
4. classification and redaction throughput (messages per second), and redaction alone.

    make bench            # or: PYTHONPATH=plugins .venv/bin/python bench/run.py --records 200000
"""
from __future__ import annotations

import argparse
import io
import json
import os
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("WEBCARE_HOME", str(ROOT / "var" / "bench"))
os.environ.setdefault("WEBCARE_PG_PORT", "55434")
sys.path.insert(0, str(ROOT / "plugins"))


def timed(label: str, func):
    started = time.perf_counter()
    value = func()
    elapsed = time.perf_counter() - started
    print(f"  {label:<52} {elapsed:8.3f} s", flush=True)
    return elapsed, value


def tweets(count: int, base_id: int = 2_000_000_000_000_000_000 // 1000) -> list[dict]:
    start = datetime(2026, 3, 10, tzinfo=timezone.utc)
    return [{"id": str(base_id + n), "text": f"@HospSierraNorte mensaje número {n} sobre mi cita #{n % 97}",
             "author_id": str(10_000 + n % 5000), "conversation_id": str(base_id + n), "lang": "es",
             "created_at": (start + timedelta(seconds=n)).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
             "edit_history_tweet_ids": [str(base_id + n)]} for n in range(count)]


def bench_load(url: str, records: int) -> dict:
    import psycopg2

    from webcare.load import canonical_json, load_batch

    data = tweets(records)
    batch = {"meta": {"source": "x_mentions", "account_id": "bench", "run_id": "bench", "batch_date": "2026-03-10",
                      "extracted_at": "2026-04-10T00:00:00+00:00", "cursor_before": None,
                      "cursor_after": data[-1]["id"]}, "records": data}
    conn = psycopg2.connect(url)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("delete from raw.x_mentions where account_id = 'bench'")
        cur.execute("drop table if exists public.bench_copy")
        cur.execute("create table public.bench_copy (record_key text, payload jsonb)")

    def bare_copy():
        buffer = io.StringIO()
        for record in data:
            text = canonical_json(record).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            buffer.write(f"{record['id']}\t{text}\n")
        buffer.seek(0)
        with conn.cursor() as cur:
            cur.copy_expert("copy public.bench_copy (record_key, payload) from stdin", buffer)

    print(f"raw load of {records:,} X posts")
    copy_s, _ = timed("bare COPY into a plain table", bare_copy)
    load_s, first = timed("webcare.load.load_batch (first load)", lambda: load_batch(batch, url))
    again_s, again = timed("webcare.load.load_batch (same batch again)", lambda: load_batch(batch, url))
    assert first.inserted == records and again.inserted == 0
    with conn.cursor() as cur:
        cur.execute("drop table public.bench_copy")
        cur.execute("delete from raw.x_mentions where account_id = 'bench'")
    conn.close()
    return {"records": records, "bare_copy_s": copy_s, "load_s": load_s, "reload_s": again_s,
            "load_vs_copy": load_s / copy_s, "reload_vs_load": again_s / load_s,
            "load_rows_per_s": records / load_s}


def bench_extract(days: int) -> dict:
    from webcare.fakes.server import FakeApis
    from webcare.generator import generate
    from webcare.sources import facebook, google, x

    dataset = generate(Path(os.environ["WEBCARE_HOME"]) / "dataset", institutions=8, days=days,
                       start=date(2026, 3, 10), seed=42)
    manifest = json.loads((dataset / "manifest.json").read_text())
    end = datetime.fromisoformat(manifest["window_end"].replace("Z", "+00:00"))
    account = "1480000000000000008"
    with FakeApis(dataset) as apis:
        apis.set_clock(end)
        client = x.make_client(apis.x_base_url, "bench-token")
        print(f"X mentions extraction, busiest account, {days} days of traffic")
        _, cursor = timed("mentions up to the day before the last (cursor)",
                          lambda: x.fetch_timeline(client, "mentions", account, None, end - timedelta(days=1)))
        full_s, full = timed("full extraction of every day", lambda: x.fetch_timeline(client, "mentions", account,
                                                                                         None, end))
        since = datetime.fromisoformat(cursor.cursor_after.replace("Z", "+00:00")) - x.LOOKBACK
        incr_s, incr = timed("incremental extraction of the last day (with the lookback)",
                             lambda: x.fetch_timeline(client, "mentions", account, since, end))
        page = "100855000000008"
        graph = facebook.GraphClient(apis.graph_base_url, "bench-token")
        print(f"Facebook page comments, same institution, {days} days of traffic")
        fb_full_s, fb_full = timed("full extraction of every day", lambda: facebook.fetch_page_comments(
            graph, page, None, end))
        fb_incr_s, fb_incr = timed("incremental extraction of the last day", lambda: facebook.fetch_page_comments(
            graph, page, end - timedelta(days=1) - facebook.LOOKBACK, end))
        location = "accounts/104117000000000008/locations/5120000000000000008"
        g_s, g = timed("Google reviews of the same institution, read whole (every run does)", lambda: google.fetch_reviews(
            google.ReviewsClient(apis.google_base_url, "bench-token"), location, end))
    return {"full_records": len(full.records), "full_pages": full.pages, "incremental_records": len(incr.records),
            "incremental_pages": incr.pages, "full_s": full_s, "incremental_s": incr_s,
            "incremental_vs_full": incr_s / full_s,
            "facebook": {"full_records": len(fb_full.records), "full_pages": fb_full.pages,
                         "incremental_records": len(fb_incr.records), "incremental_pages": fb_incr.pages,
                         "incremental_vs_full": fb_incr_s / fb_full_s},
            "google": {"reviews": len(g.records), "pages": g.pages, "seconds": g_s, "days": days}}


def bench_classify(days: int) -> dict:
    from webcare.classify import classifier, pii

    dataset = Path(os.environ["WEBCARE_HOME"]) / "dataset"
    texts = [json.loads(line)["tweet"]["text"] for line in (dataset / "x_tweets.jsonl").open()]
    texts = (texts * (5000 // len(texts) + 1))[:5000]
    classifier.classify_message("warm up")  # loads the model once
    print(f"classification of {len(texts):,} X posts")
    classify_s, _ = timed("classify_message (redaction included)",
                          lambda: [classifier.classify_message(t, channel="x") for t in texts])
    redact_s, _ = timed("pii.redact alone", lambda: [pii.redact(t) for t in texts])
    return {"messages": len(texts), "classify_s": classify_s, "messages_per_s": len(texts) / classify_s,
            "redact_per_s": len(texts) / redact_s}


def main() -> int:
    parser = argparse.ArgumentParser(description="webcare benchmarks (ratios in one run)")
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--days", type=int, default=30)
    args = parser.parse_args()
    from webcare import warehouse
    from webcare.embedded_pg import default_cluster

    url = warehouse.bootstrap(default_cluster().start())
    load = bench_load(url, args.records)
    extract = bench_extract(args.days)
    classify = bench_classify(args.days)
    print("\nratios")
    print(f"  our load / bare COPY                 {load['load_vs_copy']:.2f}x  ({load['load_rows_per_s']:,.0f} rows/s)")
    print(f"  reload of the same batch / first     {load['reload_vs_load']:.2f}x")
    print(f"  incremental day / full extraction    {extract['incremental_vs_full']:.3f}x  "
          f"({extract['incremental_records']} vs {extract['full_records']} posts, "
          f"{extract['incremental_pages']} vs {extract['full_pages']} pages)")
    fb = extract["facebook"]
    print(f"  Facebook incremental day / full      {fb['incremental_vs_full']:.3f}x  "
          f"({fb['incremental_records']} vs {fb['full_records']} comments, "
          f"{fb['incremental_pages']} vs {fb['full_pages']} pages)")
    g = extract["google"]
    print(f"  Google whole read, {g['days']} days' reviews   {g['reviews']} reviews in {g['pages']} pages,"
          f" {g['seconds']:.2f} s (a year: about {g['pages'] * 365 / g['days']:.0f} pages a run)")
    print(f"  classification                       {classify['messages_per_s']:,.0f} messages/s "
          f"(redaction alone {classify['redact_per_s']:,.0f}/s)")
    out = Path(os.environ["WEBCARE_HOME"]) / "results.json"
    out.write_text(json.dumps({"load": load, "extract": extract, "classify": classify}, indent=2))
    print(f"\nresults in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
