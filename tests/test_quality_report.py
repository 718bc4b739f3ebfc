"""The auditors' quality report: known audit rows in, their numbers, reasons and verdict out; no patient
text anywhere; relative links that resolve; and the pages rendered by headless Chromium without a
single request to the network (screenshots are kept under the artifacts folder for CI)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

import pytest

from conftest import ROOT, query

RUN_ID = "manual__2026-03-21T05:00:00+00:00 quality-report-test"
BATCH_DATE = "2026-03-20"
PHONE = "+34 612 345 678"
PATIENT_WORDS = "my daughter Lucía waited nine hours for her chemotherapy"
RECORD_TEXT = json.dumps({"id": None, "text": f"{PATIENT_WORDS}, call me on {PHONE}"})
REASON = "missing or invalid id: None"
CHROMIUM = "/usr/bin/chromium"
T0 = datetime(2026, 3, 21, 5, 0, tzinfo=timezone.utc)


def insert_known_run(url: str) -> None:
    """One run: two sources loaded (one with quarantined and duplicated records), the raw gate failed."""
    batches = [  # source, account, received, inserted, seen before, duplicated, quarantined
        ("x_mentions", "qr_acct_1", 40, 31, 4, 2, 3),
        ("x_mentions", "qr_acct_2", 12, 12, 0, 0, 0),
        ("google_reviews", "qr_loc_1", 9, 7, 1, 0, 1),
    ]
    for source, account, received, inserted, seen, duplicated, quarantined in batches:
        query(url, """insert into raw.load_batches (run_id, source, account_id, batch_date, extracted_at,
                          records_received, records_inserted, records_seen_before, records_quarantined,
                          records_duplicated) values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)""",
              (RUN_ID, source, account, BATCH_DATE, T0, received, inserted, seen, quarantined, duplicated))
    quarantined = [("x_mentions", "qr_acct_1", REASON)] * 3 + [("google_reviews", "qr_loc_1", "invalid starRating: 'SEVEN'")]
    for n, (source, account, reason) in enumerate(quarantined):
        query(url, """insert into raw.quarantine (source, account_id, record_text, record_sha256, reason, run_id,
                          batch_date, extracted_at) values (%s, %s, %s, %s, %s, %s, %s, %s)""",
              (source, account, RECORD_TEXT, f"qr-test-sha-{n}", reason, RUN_ID, BATCH_DATE, T0))
    stages = [  # stage, source, rows in, out, quarantined, success, start offset s, duration s
        ("load", "x_mentions", 52, 43, 3, True, 0, 4.5),
        ("load", "google_reviews", 9, 7, 1, True, 1, 2.0),
        ("validate_raw", "all", 19, 17, None, False, 6, 3.25),
    ]
    for stage, source, rows_in, rows_out, rows_q, success, offset, duration in stages:
        started = T0 + timedelta(seconds=offset)
        query(url, """insert into audit.stage_runs (run_id, batch_date, stage, source, rows_in, rows_out,
                          rows_quarantined, success, started_at, finished_at, duration_seconds)
                      values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)""",
              (RUN_ID, BATCH_DATE, stage, source, rows_in, rows_out, rows_q, success, started,
               started + timedelta(seconds=duration), duration))
    expectations = [  # suite, type, column, severity, success, unexpected, samples
        ("raw__raw_x_mentions", "expect_column_values_to_match_regex", "record_key", "critical", False, 2,
         ["17x93", "abc"]),
        ("raw__raw_x_mentions", "expect_column_values_to_be_between", "created_seconds_after_extraction",
         "warning", False, 1, [912.5]),
        ("raw__raw_google_reviews", "expect_column_values_to_not_be_null", "record_key", "critical", True, 0, []),
    ]
    query(url, "insert into audit.expectation_results (run_id, batch_date, stage, checkpoint_name, suite_name,"
               " expectation_type, column_name, severity, success, element_count, unexpected_count, sample_values)"
               " values " + ", ".join(["(%s, %s, 'raw', 'raw_checkpoint', %s, %s, %s, %s, %s, 43, %s, %s)"] * 3),
          [v for suite, kind, column, severity, ok, count, samples in expectations
           for v in (RUN_ID, BATCH_DATE, suite, kind, column, severity, ok, count, json.dumps(samples))])
    for source, account, hours, status in [("x_mentions", "qr_acct_1", 2.0, "pass"),
                                            ("google_reviews", "qr_loc_1", 30.5, "warn")]:
        query(url, """insert into audit.source_freshness (run_id, batch_date, source, account_id, last_loaded_at,
                          hours_since_loaded, status) values (%s, %s, %s, %s, %s, %s, %s)""",
              (RUN_ID, BATCH_DATE, source, account, T0 - timedelta(hours=hours), hours, status))


def delete_known_run(url: str) -> None:
    for table in ("raw.load_batches", "raw.quarantine", "audit.stage_runs", "audit.expectation_results",
                  "audit.source_freshness"):
        query(url, f"delete from {table} where run_id = %s returning 1", (RUN_ID,))


@pytest.fixture(scope="module")
def built(warehouse_url):
    from webcare import quality_report, validate

    insert_known_run(warehouse_url)
    try:
        stage = validate.run_stage("raw", batch_date=BATCH_DATE, raise_on_failure=False)
        docs = validate.keep_docs_for_run(RUN_ID, "raw", stage.pages)
        report = quality_report.build(RUN_ID, BATCH_DATE, url=warehouse_url)
        index = quality_report.build_index()
        yield {"report": report, "index": index, "docs": docs, "stage": stage,
               "html": report.read_text(encoding="utf-8"), "index_html": index.read_text(encoding="utf-8")}
    finally:
        delete_known_run(warehouse_url)


def text_of(page: str) -> str:
    """What a reader sees: tags dropped, entities decoded, whitespace collapsed."""
    import html

    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def hrefs(page: str) -> list[str]:
    return re.findall(r'<a [^>]*href="([^"]+)"', page)


def test_report_shows_the_runs_numbers_and_reasons(built):
    from webcare import config

    assert built["report"] == config.output_dir("reports", "quality") / \
        "2026-03-20__manual__2026-03-21T05_00_00_00_00_quality-report-test.html"
    page = built["html"]
    rows = {m[0]: m[1:] for m in re.findall(r"<tr><td>(x_mentions|x_tweets|google_reviews)</td>"
                                            r'<td class="n">([^<]*)</td>' + r'<td class="n">([^<]*)</td>' * 5, page)}
    # accounts, received, loaded (new), already loaded, duplicated in batch, quarantined
    assert rows == {"x_mentions": ("2", "52", "43", "4", "2", "3"), "google_reviews": ("1", "9", "7", "1", "0", "1")}
    assert '<tr><td>x_tweets</td><td class="n"><span class="empty">nothing recorded</span>' in page
    text = text_of(page)
    assert f"x_mentions {REASON} 3" in text
    assert "google_reviews invalid starRating: 'SEVEN' 1" in text
    # checks: per stage and severity, then each with its examples
    assert "raw critical 1 1" in text and "raw warning 0 1" in text
    assert ("failed raw critical raw__raw_x_mentions expect_column_values_to_match_regex record_key 43 2"
            " examples: 17x93 , abc") in text
    assert "warning raw warning raw__raw_x_mentions expect_column_values_to_be_between" in text
    assert "examples: 912.5" in text
    # freshness and the stage timeline
    assert "google_reviews qr_loc_1 2026-03-19 22:30 UTC 30.5 late: warning" in text
    assert "x_mentions qr_acct_1 2026-03-21 03:00 UTC 2.0 on time" in text
    assert "validate_raw all 19 17 – failed 2026-03-21 05:00 UTC 3.2 s" in text
    assert "load x_mentions 52 43 3 succeeded 2026-03-21 05:00 UTC 4.5 s" in text
    assert page.count("<rect") >= 3 * 4 + 3  # stacked bars per source and one bar per stage


def test_verdict_says_where_the_run_stopped(built):
    verdict = re.search(r'<div class="verdict"[^>]*>(.*?)</div>', built["html"], re.S)
    assert verdict, "no verdict block at the top"
    text = text_of(verdict.group(1))
    assert text.startswith(" Stopped at stage validate_raw ")
    assert "Critical check failed: raw__raw_x_mentions: expect_column_values_to_match_regex on record_key" in text
    assert "Data from google_reviews account qr_loc_1 is late (warn)" in text
    assert "4 records set aside in quarantine" in text
    assert built["html"].index('class="verdict"') < built["html"].index("What each source sent")
    assert '<meta name="webcare:verdict-kind" content="stopped">' in built["html"]


def test_no_patient_text_anywhere(built):
    from webcare import config

    pages = list(config.output_dir("reports").rglob("*.html"))
    assert built["report"] in pages and built["index"] in pages
    for path in pages:
        page = path.read_text(encoding="utf-8")
        for secret in (PHONE, "612 345 678", "612345678", "Lucía", "chemotherapy", "daughter", PATIENT_WORDS):
            assert secret not in page and secret not in text_of(page), (path.name, secret)


def test_reports_and_batch_files_are_readable_by_their_owner_only(built, tmp_path):
    """They hold what patients wrote (batch files: as the APIs sent it): 0600, written atomically."""
    from webcare import batch_files, config

    reports = list((config.home() / "reports").rglob("*.html"))
    assert reports
    assert {p.stat().st_mode & 0o777 for p in reports} == {0o600}
    assert not list((config.home() / "reports").rglob("*.part"))
    stale = tmp_path / "b.jsonl.part"
    stale.write_text("half")
    stale.chmod(0o644)
    written = batch_files.write(tmp_path / "b.jsonl", {"source": "x_mentions"}, [{"id": "1"}])
    assert written.stat().st_mode & 0o777 == 0o600 and not stale.exists()
    assert batch_files.read(written)["records"] == [{"id": "1"}]
    batches = list((config.home() / "batches").rglob("*.jsonl")) if (config.home() / "batches").exists() else []
    assert {p.stat().st_mode & 0o777 for p in batches} <= {0o600}


def test_links_are_relative_and_resolve(built):
    from webcare import config
    from webcare.quality_report import dbt_docs_index

    for page_path, page in ((built["report"], built["html"]), (built["index"], built["index_html"])):
        links = hrefs(page)
        assert links, page_path
        for link in links:
            assert not re.match(r"^[a-z]+:|^/", link), (page_path.name, link)  # relative only
            target = (page_path.parent / unquote(link)).resolve()
            assert target.is_file(), (page_path.name, link)
        assert ("static_index.html" in page) == dbt_docs_index().exists()
    report_targets = {(built["report"].parent / unquote(link)).resolve() for link in hrefs(built["html"])}
    assert built["docs"].resolve() in report_targets  # this run's Data Docs copy
    assert built["index"].resolve() in report_targets
    index_targets = [(built["index"].parent / unquote(link)).resolve() for link in hrefs(built["index_html"])]
    assert built["report"].resolve() in index_targets
    assert (config.home() / "gx" / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html").resolve() \
        in index_targets
    assert built["docs"].resolve() in index_targets
    assert ((built["index"].parent / "response_kpis.html").resolve() in index_targets) == \
        (built["index"].parent / "response_kpis.html").exists()


def test_index_lists_reports_newest_first_with_verdict(built, warehouse_url):
    from webcare import quality_report

    older = quality_report.build("scheduled__2026-03-18 nothing", "2026-03-18", url=warehouse_url)
    index = quality_report.build_index().read_text(encoding="utf-8")
    assert index.index(built["report"].name) < index.index(older.name)
    assert re.search(r">2026-03-20</a></td><td><code>manual__2026-03-21T05:00:00\+00:00 quality-report-test</code>"
                     r"</td><td><span [^>]*>Stopped at stage validate_raw</span>", index)
    assert re.search(r">2026-03-18</a>.*?Nothing recorded for this run</span>", index)


def test_empty_run_and_missing_tables_read_nothing_recorded(warehouse_url):
    from webcare import quality_report

    page = quality_report.build("never-ran", "2026-01-01", url=warehouse_url).read_text(encoding="utf-8")
    assert "Nothing recorded for this run</h2>" in page
    assert page.count('<p class="empty">Nothing recorded for this run.</p>') == 6

    import psycopg2

    admin = psycopg2.connect(warehouse_url)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute("drop database if exists qr_no_tables")
        cur.execute("create database qr_no_tables")
    try:
        from webcare import warehouse

        # the roles' first connection bootstraps a database (once per process): bootstrap it, then
        # take its tables away, as a reader may find a warehouse someone broke
        empty_url = urlunsplit(urlsplit(warehouse_url)._replace(path="/qr_no_tables"))
        warehouse.bootstrap(empty_url)
        with psycopg2.connect(empty_url) as conn, conn.cursor() as cur:
            cur.execute("drop schema raw cascade; drop schema audit cascade")
        conn.close()
        page = quality_report.build("never-ran", "2026-01-02", url=empty_url).read_text(encoding="utf-8")
    finally:
        with admin.cursor() as cur:
            cur.execute("drop database if exists qr_no_tables")
        admin.close()
    for table in ("raw.load_batches", "raw.quarantine", "audit.expectation_results", "audit.source_freshness",
                  "audit.stage_runs", "audit.dbt_test_results"):
        assert f"Nothing recorded: {table} could not be read (UndefinedTable)." in page


def test_cli_prints_the_report_path(built, warehouse_url):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "plugins"), WEBCARE_WAREHOUSE_URL=warehouse_url)
    done = subprocess.run([sys.executable, "-m", "webcare.quality_report", "--run-id", RUN_ID,
                           "--batch-date", BATCH_DATE], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(built["report"])


# --- headless Chromium --------------------------------------------------------------------------

def render(page: Path, name: str) -> dict:
    """Open ``page`` in headless Chromium: a screenshot, the DOM, and every request the page made."""
    from webcare import config

    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: run scripts/setup.sh (installs Debian's chromium package)")
    screenshot = config.output_dir("artifacts") / f"{name}.png"
    screenshot.unlink(missing_ok=True)
    profile = Path(tempfile.mkdtemp(prefix="webcare-chromium-"))
    netlog = profile / "netlog.json"
    try:
        done = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", f"--log-net-log={netlog}", "--dump-dom",
             f"--screenshot={screenshot}", "--window-size=1280,1600", page.resolve().as_uri()],
            capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        log = json.loads(netlog.read_text())
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return {"png": screenshot, "dom": done.stdout, "requests": page_requests(log)}


def page_requests(netlog: dict) -> list[str]:
    """http(s) URLs the page asked for. Chromium's own background calls (component updates, account
    checks: "not an origin") happen whatever the page holds and are not the page's doing."""
    start_job = netlog["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return sorted({e["params"]["url"] for e in netlog["events"]
                   if e["type"] == start_job and "url" in (e.get("params") or {})
                   and e["params"]["url"].startswith(("http://", "https://"))
                   and e["params"].get("initiator") != "not an origin"})


def external_resources(dom: str) -> list[str]:
    """Scripts, styles, images and frames the DOM loads from http(s) (plain links excluded)."""
    found = re.findall(r'<(?:script|img|iframe|source|video|audio|embed)\b[^>]*\bsrc="(https?://[^"]+)"', dom)
    found += [href for tag, href in re.findall(r'<(link)\b[^>]*\bhref="(https?://[^"]+)"', dom)]
    found += re.findall(r'url\(["\']?(https?://[^)"\']+)', dom)
    return sorted(set(found))


def test_chromium_network_check_catches_an_external_resource(tmp_path):
    control = tmp_path / "control.html"
    control.write_text('<!doctype html><html><body><h1>control</h1>'
                       '<img src="https://example.invalid/pixel.png"></body></html>')
    seen = render(control, "control_external_resource")
    assert "https://example.invalid/pixel.png" in seen["requests"]
    assert external_resources(seen["dom"]) == ["https://example.invalid/pixel.png"]


@pytest.mark.parametrize("which", ["report", "index"])
def test_chromium_renders_our_pages_offline(built, which):
    seen = render(built[which], f"quality_{which}")
    assert seen["png"].stat().st_size > 10_000, seen["png"]
    assert {"report": "Data quality for 2026-03-20", "index": "Webcare data-quality reports"}[which] in seen["dom"]
    assert seen["requests"] == []
    assert not re.search(r"https?://", seen["dom"]), re.findall(r"https?://\S{0,60}", seen["dom"])
    assert PHONE not in seen["dom"] and "chemotherapy" not in seen["dom"]


def test_chromium_renders_the_data_docs_offline(built):
    docs = built["docs"]
    assert docs.exists() and any(docs.parent.glob("validations/**/*.html")), "no validation pages kept"
    seen = render(docs, "gx_data_docs")
    assert seen["png"].stat().st_size > 10_000, seen["png"]
    assert "raw__raw_x_mentions" in seen["dom"]
    head = re.findall(r'<script\b[^>]*\bsrc="https?://[^"]+"|<link\b[^>]*\bhref="https?://[^"]+"', seen["dom"])
    assert not head and not seen["requests"], (
        "GX Data Docs load from the internet:\n" + "\n".join(sorted(set(head)))
        + "\nrequests made:\n" + "\n".join(seen["requests"]))


def test_data_docs_kept_per_run_grow_linearly_with_runs(built, warehouse_url):
    """Each run keeps only its own validation pages (issue 12: a copy of the whole site per run grew
    with the square of the runs), and localising rewrites only what GX wrote since the last time."""
    from webcare import config, validate
    from webcare.data_docs import localise

    site = validate.docs_index().parent
    assert localise(site) == 0  # nothing new since the last checkpoint: no page read and rewritten
    kept = []
    for n in (1, 2):
        stage = validate.run_stage("raw", batch_date=BATCH_DATE, raise_on_failure=False)
        assert stage.pages and all(p.startswith("validations/") for p in stage.pages)
        index = validate.keep_docs_for_run(f"{RUN_ID} linear {n}", "raw", stage.pages)
        kept.append({str(p.relative_to(index.parent)) for p in index.parent.rglob("*.html") if not p.is_symlink()
                     and "static" not in p.relative_to(index.parent).parts
                     and "vendor" not in p.relative_to(index.parent).parts})
    first, second = kept
    assert len(first) == len(second) == len(stage.pages) + 1  # its pages and its index, nothing else
    assert not (first & second) - {"index.html"}              # no page of another run
    site_pages = sum(1 for _ in (site / "validations").rglob("*.html"))
    assert site_pages >= 3 * len(stage.pages)                  # the site itself has every run's pages
    linked = [p.name for p in (config.home() / "gx" / "runs").glob("*linear_2/*") if p.is_symlink()]
    assert sorted(linked) == ["static", "vendor"]


# --- hostile text stays text (issue 13, item 11) ---------------------------------------------------------

HOSTILE_RUN = "manual__2026-03-19T05:00:00+00:00 hostile-text-test"
HOSTILE_DATE = "2026-03-19"
SCRIPT = "<script>document.title='pwned-script'</script>"
IMAGE = "<img src=x onerror=\"document.title='pwned-image'\">"


def test_script_like_text_stays_text_in_the_report_and_the_data_docs(warehouse_url):
    """A record whose id is markup (as a poisoned API or import could send it) and an account named
    with markup: the raw checkpoint shows the id as a failing sample in Data Docs and the quality
    report, the report names the account. Rendered by Chromium, every page shows them as text: no script runs,
    no image element appears, the title stays the page's own."""
    from webcare import audit, quality_report, validate

    payload = json.dumps({"id": SCRIPT, "author_id": IMAGE, "created_at": "2026-03-19T10:00:00.000Z"})
    query(warehouse_url, """insert into raw.x_mentions (record_key, account_id, payload, payload_sha256, run_id,
                              batch_date, extracted_at, created_month)
                            values (%s, %s, %s, 'hostile-sha', %s, %s, %s, '2026-03-01')""",
          (SCRIPT, "qr_hostile", payload, HOSTILE_RUN, HOSTILE_DATE, T0))
    query(warehouse_url, """insert into raw.load_batches (run_id, source, account_id, batch_date, extracted_at,
                              records_received, records_inserted, records_seen_before, records_quarantined)
                            values (%s, 'x_mentions', %s, %s, %s, 1, 1, 0, 0)""",
          (HOSTILE_RUN, IMAGE, HOSTILE_DATE, T0))
    try:
        stage = validate.run_stage("raw", batch_date=HOSTILE_DATE, raise_on_failure=False)
        assert not stage.success
        assert any(SCRIPT in (o["sample_values"] or []) for o in stage.outcomes)
        audit.record_expectations(HOSTILE_RUN, HOSTILE_DATE, "raw", "raw_checkpoint", stage.outcomes, warehouse_url)
        docs = validate.keep_docs_for_run(HOSTILE_RUN, "raw", stage.pages)
        report = quality_report.build(HOSTILE_RUN, HOSTILE_DATE, url=warehouse_url)
        pages = {"report": report, "docs_index": docs}
        pages.update({f"docs_{n}": p for n, p in enumerate(sorted(docs.parent.glob("validations/raw__raw_x_mentions/**/*.html")))})
        shown = []
        for name, page in pages.items():
            seen = render(page, f"hostile_{name}")
            dom = seen["dom"]
            title = re.search(r"<title>(.*?)</title>", dom, re.S)
            assert "pwned" not in (title.group(1) if title else ""), (name, title)
            assert not re.search(r"<script>document\.title", dom), name
            assert not re.search(r"<img\b[^>]*\bonerror", dom, re.I), name
            shown.append(name) if "document.title='pwned-" in text_of(dom) else None
        assert "report" in shown and any(n.startswith("docs_") for n in shown), shown  # shown, as text
    finally:
        query(warehouse_url, "delete from raw.x_mentions where run_id = %s returning 1", (HOSTILE_RUN,))
        for table in ("raw.load_batches", "audit.expectation_results"):
            query(warehouse_url, f"delete from {table} where run_id = %s returning 1", (HOSTILE_RUN,))
