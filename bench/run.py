"""Benchmarks, as ratios measured in one run on this machine (never timed assertions in tests).

1. our raw load (validation, in-batch de-duplication, keys compared with raw and the quarantine,
   the new records COPYed into the month's partition, quarantine, cursor) vs a bare COPY of the same
   records into an unindexed table (goal: our throughput >= 0.7x the bare COPY's);
2. reloading the same batch (every record already there) vs the first load;
3. incremental extraction (one day past the cursor) vs a full extraction, from the fake APIs: X
   (start_time: the window since the cursor), and Facebook page comments and Instagram comments of every
   institution (Graph has no "since" on comment edges: an incremental day lists the posts or media and reads
   the comments of those created within the horizon, those Graph says changed - updated_time,
   comments_count - and those on their weekly slow re-read day; goal <= 0.2x the pages of a full extraction);
4. classification and redaction throughput (messages per second), and redaction alone.

    make bench            # or: PYTHONPATH=plugins .venv/bin/python bench/run.py --records 200000
    PYTHONPATH=plugins .venv/bin/python bench/run.py --load-only --records 200000 --repeat 5   # item 1 alone
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
        cur.execute("vacuum raw.x_mentions")  # earlier runs' deleted rows would slow the probes
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
        cur.execute("vacuum raw.x_mentions")
    conn.close()
    return {"records": records, "bare_copy_s": copy_s, "load_s": load_s, "reload_s": again_s,
            "load_vs_copy": load_s / copy_s, "reload_vs_load": again_s / load_s,
            "load_rows_per_s": records / load_s}


def bench_extract(days: int) -> dict:
    from webcare.fakes.server import FakeApis
    from webcare.generator import generate
    from webcare.sources import facebook, google, instagram, x

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
        graph = facebook.GraphClient(apis.graph_base_url, "bench-token")
        graph_data = json.loads((dataset / "graph.json").read_text())
        since = end - timedelta(days=1) - facebook.LOOKBACK
        print(f"Facebook page comments, {len(graph_data['pages'])} pages, {days} days of traffic")
        fb_full_s, fb_full = timed("full extraction of every day", lambda: [facebook.fetch_page_comments(
            graph, page, None, end) for page in graph_data["pages"]])
        fb_incr_s, fb_incr = timed("incremental extraction of the last day", lambda: [facebook.fetch_page_comments(
            graph, page, since, end) for page in graph_data["pages"]])
        print(f"Instagram comments, {len(graph_data['ig_users'])} accounts, {days} days of traffic")
        ig_full_s, ig_full = timed("full extraction of every day", lambda: [instagram.fetch_instagram_comments(
            graph, user, None, end) for user in graph_data["ig_users"]])
        loaded = {user: loaded_counts(instagram.fetch_instagram_comments(graph, user, None, end - timedelta(days=1)))
                  for user in graph_data["ig_users"]}  # what the warehouse holds after the day before
        ig_incr_s, ig_incr = timed("incremental extraction of the last day", lambda: [instagram.fetch_instagram_comments(
            graph, user, since, end, loaded[user]) for user in graph_data["ig_users"]])
        location = "accounts/104117000000000008/locations/5120000000000000008"
        g_s, g = timed("Google reviews of the same institution, read whole (every run does)", lambda: google.fetch_reviews(
            google.ReviewsClient(apis.google_base_url, "bench-token"), location, end))
    return {"full_records": len(full.records), "full_pages": full.pages, "incremental_records": len(incr.records),
            "incremental_pages": incr.pages, "full_s": full_s, "incremental_s": incr_s,
            "incremental_vs_full": incr_s / full_s,
            "facebook": graph_ratios(fb_full, fb_incr, fb_full_s, fb_incr_s),
            "instagram": graph_ratios(ig_full, ig_incr, ig_full_s, ig_incr_s),
            "graph_horizon_days": facebook.comments_horizon().days, "graph_slow_reread_days": facebook.slow_reread_days(),
            "google": {"reviews": len(g.records), "pages": g.pages, "seconds": g_s, "days": days}}


def loaded_counts(extracted) -> dict[str, int]:
    """Comments and replies per medium, as webcare.sources.instagram.loaded_comment_counts counts them in raw."""
    ids: dict[str, set] = {}
    for record in extracted.records:
        ids.setdefault(record["media_id"], set()).add(record["id"])
    return {media_id: len(found) for media_id, found in ids.items()}


def graph_ratios(full: list, incremental: list, full_s: float, incremental_s: float) -> dict:
    full_pages, incremental_pages = sum(e.pages for e in full), sum(e.pages for e in incremental)
    return {"full_records": sum(len(e.records) for e in full), "full_pages": full_pages,
            "incremental_records": sum(len(e.records) for e in incremental), "incremental_pages": incremental_pages,
            "pages_incremental_vs_full": incremental_pages / full_pages,
            "worst_account_pages_ratio": max(i.pages / f.pages for f, i in zip(full, incremental)),
            "incremental_vs_full": incremental_s / full_s}


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


def load_only(url: str, records: int, repeat: int) -> int:
    """Item 1 alone, ``repeat`` times in one run: each run's ratios and their medians."""
    from statistics import median

    runs = [bench_load(url, records) for _ in range(repeat)]
    print(f"\nload ratios, {records:,} records, {repeat} runs")
    for n, run in enumerate(runs, 1):
        print(f"  run {n}: bare COPY {run['bare_copy_s']:.2f} s, load {run['load_s']:.2f} s, reload {run['reload_s']:.2f} s:"
              f" throughput {1 / run['load_vs_copy']:.2f}x the bare COPY's, reload {run['reload_vs_load']:.2f}x")
    print(f"  median throughput vs bare COPY {median(1 / run['load_vs_copy'] for run in runs):.2f}x (goal >= 0.7x),"
          f" median reload / first load {median(run['reload_vs_load'] for run in runs):.2f}x")
    out = Path(os.environ["WEBCARE_HOME"]) / "results-load.json"
    out.write_text(json.dumps(runs, indent=2))
    print(f"results in {out}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description="webcare benchmarks (ratios in one run)")
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--load-only", action="store_true", help="item 1 alone (the raw load), --repeat times")
    parser.add_argument("--repeat", type=int, default=1, help="with --load-only: repetitions (medians reported)")
    args = parser.parse_args()
    from webcare import warehouse
    from webcare.embedded_pg import default_cluster

    url = warehouse.bootstrap(default_cluster().start())
    if args.load_only:
        return load_only(url, args.records, args.repeat)
    load = bench_load(url, args.records)
    extract = bench_extract(args.days)
    classify = bench_classify(args.days)
    print("\nratios")
    print(f"  our load / bare COPY (time)          {load['load_vs_copy']:.2f}x  ({load['load_rows_per_s']:,.0f} rows/s;"
          f" throughput {1 / load['load_vs_copy']:.2f}x the bare COPY's, goal >= 0.7x)")
    print(f"  reload of the same batch / first     {load['reload_vs_load']:.2f}x")
    print(f"  incremental day / full extraction    {extract['incremental_vs_full']:.3f}x  "
          f"({extract['incremental_records']} vs {extract['full_records']} posts, "
          f"{extract['incremental_pages']} vs {extract['full_pages']} pages)")
    for name in ("facebook", "instagram"):
        graph = extract[name]
        print(f"  {name.capitalize() + ' incremental day / full':<37}{graph['pages_incremental_vs_full']:.3f}x pages "
              f"({graph['incremental_pages']} vs {graph['full_pages']}; worst account "
              f"{graph['worst_account_pages_ratio']:.3f}x; goal <= 0.2x), {graph['incremental_vs_full']:.3f}x time")
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
