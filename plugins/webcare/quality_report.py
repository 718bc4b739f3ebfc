"""The auditors' data-quality report: one HTML page per run, and an index of them (no external requests).

    python -m webcare.quality_report --run-id R --batch-date 2026-03-20   # prints the page's path

For people who do not read SQL: what each source sent and what became of it, why records were
set aside, which checks passed or failed, how fresh each account's data is and how long each stage
took, under one verdict. Read from raw.load_batches, raw.quarantine (reasons and counts only: the
rejected records hold patient text and are never read here) and the audit schema. A missing table
or an empty result reads as "nothing recorded".
"""
from __future__ import annotations

import argparse
import html
import os
import re
from datetime import date, datetime, timezone
from pathlib import Path
from urllib.parse import quote

from webcare import config, warehouse
from webcare.sources import SOURCES

SOURCE_NAMES = tuple(SOURCES)
STAGE_ORDER = ("raw", "staging", "marts")
WIDTH, BAR_HEIGHT, LABEL_WIDTH = 720, 22, 240
COLORS = {"passed": "#1b7f5b", "warnings": "#b7791f", "stopped": "#b42318", "empty": "#666"}
# No page of ours may fetch anything: styles inline, pictures as inline SVG, no scripts.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
STYLE = """body{font-family:sans-serif;margin:2em;color:#222}
h2{margin-top:1.6em} .note{color:#666} table{border-collapse:collapse;margin:.5em 0}
th,td{border-bottom:1px solid #ddd;padding:4px 10px;text-align:left;vertical-align:top;font-size:14px;overflow-wrap:anywhere}
td.n{text-align:right;font-variant-numeric:tabular-nums} .empty{color:#666;font-style:italic}
.verdict{padding:1em 1.4em;border-radius:6px;color:#fff;margin:1em 0} .verdict h2{margin:0}
.chip{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-size:12px}
code{font-size:13px}"""


def safe_run_id(run_id: str) -> str:
    """The run id as a file name (as ``webcare.validate.keep_docs_for_run`` names the Data Docs copy)."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", run_id)


def report_path(run_id: str, batch_date: date | str) -> Path:
    return config.output_dir("reports", "quality") / f"{_as_date(batch_date)}__{safe_run_id(run_id)}.html"


def run_docs_index(run_id: str) -> Path:
    return config.home() / "gx" / "runs" / safe_run_id(run_id) / "index.html"


def dbt_docs_index() -> Path:
    return config.home() / "dbt" / "target" / "static_index.html"


# --- reading the warehouse -------------------------------------------------------------------

QUERIES = {
    # whole rows as JSON, so a table from before a column was added still reads
    "load_batches": "select to_jsonb(b) from raw.load_batches b where b.run_id = %s order by b.source, b.account_id",
    # reasons and counts only: record_text is patient text and is never selected
    "quarantine": """select source, reason, count(*) from raw.quarantine where run_id = %s
                     group by source, reason order by source, count(*) desc, reason""",
    # the latest attempt of each checkpoint (a retry appends a new set of rows)
    "expectations": """select stage, checkpoint_name, suite_name, expectation_type, column_name, severity, success,
                              element_count, unexpected_count, unexpected_percent, observed_value, sample_values
                       from audit.expectation_results e
                       where run_id = %s and evaluated_at = (
                           select max(evaluated_at) from audit.expectation_results x
                           where x.run_id = e.run_id and x.stage = e.stage and x.checkpoint_name = e.checkpoint_name)
                       order by stage, success, severity, suite_name, expectation_type, column_name""",
    "freshness": """select distinct on (source, account_id) source, account_id, last_loaded_at, hours_since_loaded,
                           status
                    from audit.source_freshness where run_id = %s
                    order by source, account_id, checked_at desc""",
    "stages": """select stage, source, rows_in, rows_out, rows_quarantined, success, started_at, finished_at,
                        duration_seconds
                 from audit.stage_runs where run_id = %s order by started_at, stage_run_id""",
    # no message: a database error message may quote a value
    "dbt": """select distinct on (unique_id) unique_id, resource_type, status, failures, execution_seconds
              from audit.dbt_test_results where run_id = %s order by unique_id, loaded_at desc""",
}
TABLES = {"load_batches": "raw.load_batches", "quarantine": "raw.quarantine",
          "expectations": "audit.expectation_results", "freshness": "audit.source_freshness",
          "stages": "audit.stage_runs", "dbt": "audit.dbt_test_results"}


@warehouse.acting_as("validator")
def collect(run_id: str, url: str | None = None) -> dict[str, list[dict] | str]:
    """Each part's rows for the run, or a sentence saying why it could not be read (missing table)."""
    from psycopg2 import errors

    unreadable = (errors.UndefinedTable, errors.UndefinedColumn, errors.InvalidSchemaName,
                  errors.InsufficientPrivilege)
    facts: dict[str, list[dict] | str] = {}
    conn = warehouse.connect(url)
    try:
        conn.set_session(readonly=True, autocommit=True)  # one failed query must not abort the others
        with conn.cursor() as cur:
            for part, sql in QUERIES.items():
                try:
                    cur.execute(sql, (run_id,))
                except unreadable as exc:
                    facts[part] = f"{TABLES[part]} could not be read ({type(exc).__name__})"
                    continue
                columns = [d.name for d in cur.description]
                rows = [dict(zip(columns, row)) for row in cur.fetchall()]
                if part == "load_batches":
                    rows = [row["to_jsonb"] for row in rows]
                facts[part] = rows
    finally:
        conn.close()
    return facts


def _rows(facts: dict, part: str) -> list[dict]:
    value = facts.get(part)
    return value if isinstance(value, list) else []


def verdict(facts: dict) -> tuple[str, str, list[str]]:
    """(kind, headline, reasons): kind is passed, warnings, stopped or empty."""
    latest: dict[tuple, dict] = {}
    for row in _rows(facts, "stages"):  # ordered by start: a retry replaces the earlier attempt
        latest[(row["stage"], row["source"])] = row
    failed_stages = [r for r in latest.values() if not r["success"]]
    checks = _rows(facts, "expectations")
    critical = [e for e in checks if not e["success"] and e["severity"] == "critical"]
    warned = [e for e in checks if not e["success"] and e["severity"] != "critical"]
    dbt_failed = [d for d in _rows(facts, "dbt") if d["status"] in ("error", "fail", "runtime error")]
    dbt_warned = [d for d in _rows(facts, "dbt") if d["status"] == "warn"]
    late = [f for f in _rows(facts, "freshness") if f["status"] != "pass"]
    quarantined = sum(int(b.get("records_quarantined") or 0) for b in _rows(facts, "load_batches"))

    reasons = []
    for stage in failed_stages:
        reasons.append(f"Stage {stage['stage']}" + (f" ({stage['source']})" if stage["source"] != "all" else "")
                       + " did not succeed.")
    for check in critical:
        reasons.append(f"Critical check failed: {_check_label(check)}.")
    for test in dbt_failed:
        reasons.append(f"dbt {test['resource_type']} {test['status']}: {test['unique_id']}.")
    for check in warned:
        reasons.append(f"Warning: {_check_label(check)}.")
    for test in dbt_warned:
        reasons.append(f"dbt {test['resource_type']} warning: {test['unique_id']}.")
    for row in late:
        reasons.append(f"Data from {row['source']} account {row['account_id']} is late ({row['status']}).")
    if quarantined:
        reasons.append(f"{quarantined:,} record{'s' if quarantined != 1 else ''} set aside in quarantine.")
    for batch in _rows(facts, "load_batches"):  # what the extractor warned about (a cap, a short page, a cursor)
        for warning in batch.get("warnings") or []:
            reasons.append(f"Extraction warning, {batch['source']} {batch['account_id']}: {warning}")

    if failed_stages:
        first = failed_stages[0]
        where = first["stage"] + (f" ({first['source']})" if first["source"] != "all" else "")
        return "stopped", f"Stopped at stage {where}", reasons
    if critical:
        stage = critical[0]["stage"]
        return "stopped", f"Stopped at stage {stage if stage.startswith('validate_') else 'validate_' + stage}", reasons
    if dbt_failed:
        return "stopped", "Stopped at stage dbt_build", reasons
    if not any(_rows(facts, part) for part in QUERIES):
        return "empty", "Nothing recorded for this run", reasons
    if reasons:
        return "warnings", "Passed with warnings", reasons
    return "passed", "Passed", reasons


def _check_label(check: dict) -> str:
    column = f" on {check['column_name']}" if check.get("column_name") else ""
    count = check.get("unexpected_count")
    return (f"{check['suite_name']}: {check['expectation_type']}{column}"
            + (f" ({count:,} unexpected)" if count else ""))


# --- rendering -------------------------------------------------------------------------------

def _e(value) -> str:
    return html.escape("" if value is None else str(value))


def _n(value) -> str:
    return "–" if value is None else f"{value:,}" if isinstance(value, int) else _e(value)


def _when(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def _duration(seconds) -> str:
    if seconds is None:
        return "–"
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min {secs:02d} s"


def _chip(text: str, kind: str) -> str:
    return f'<span class="chip" style="background:{COLORS[kind]}">{_e(text)}</span>'


def _nothing(facts: dict, part: str) -> str | None:
    value = facts.get(part)
    if isinstance(value, str):
        return f'<p class="empty">Nothing recorded: {_e(value)}.</p>'
    if not value:
        return '<p class="empty">Nothing recorded for this run.</p>'
    return None


def _table(headers: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f'<td class="n">{c}</td>' if i in numeric else f"<td>{c}</td>"
                                    for i, c in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _sources_section(facts: dict) -> str:
    empty = _nothing(facts, "load_batches")
    if empty:
        return empty
    fields = ("records_received", "records_inserted", "records_seen_before", "records_duplicated",
              "records_quarantined")
    totals = {name: dict.fromkeys(fields, 0) | {"accounts": 0} for name in SOURCE_NAMES}
    for batch in _rows(facts, "load_batches"):
        total = totals.setdefault(batch["source"], dict.fromkeys(fields, 0) | {"accounts": 0})
        total["accounts"] += 1
        for field in fields:
            total[field] += int(batch.get(field) or 0)
    rows = []
    for source, total in totals.items():
        if not total["accounts"]:
            rows.append([_e(source), '<span class="empty">nothing recorded</span>', "", "", "", "", ""])
        else:
            rows.append([_e(source), _n(total["accounts"])] + [_n(total[f]) for f in fields])
    table = _table(["Source", "Accounts", "Received", "Loaded (new)", "Already loaded", "Duplicated in batch",
                    "Quarantined"], rows, numeric={1, 2, 3, 4, 5, 6})
    return table + _stacked_bars(totals)


def _stacked_bars(totals: dict) -> str:
    parts_ = (("records_inserted", "loaded (new)", "#1b7f5b"), ("records_seen_before", "already loaded", "#8a8a8a"),
              ("records_duplicated", "duplicated", "#2f6db5"), ("records_quarantined", "quarantined", "#b42318"))
    top = max([t["records_received"] for t in totals.values()] + [1])
    height = BAR_HEIGHT * len(totals) + 30
    svg = [f'<svg width="{WIDTH}" height="{height}" role="img" aria-label="What became of the records received">']
    for index, (source, total) in enumerate(totals.items()):
        y, x = index * BAR_HEIGHT + 4, float(LABEL_WIDTH)
        svg.append(f'<text x="0" y="{y + 14}" font-size="13">{_e(source)}</text>')
        for field, _, color in parts_:
            length = (WIDTH - LABEL_WIDTH - 90) * total[field] / top
            svg.append(f'<rect x="{x:.1f}" y="{y}" width="{length:.1f}" height="{BAR_HEIGHT - 6}" fill="{color}"/>')
            x += length
        svg.append(f'<text x="{x + 6:.1f}" y="{y + 14}" font-size="12">{total["records_received"]:,}</text>')
    x, y = 0, BAR_HEIGHT * len(totals) + 20
    for _, label, color in parts_:
        svg.append(f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{color}"/>'
                   f'<text x="{x + 16}" y="{y}" font-size="12">{label}</text>')
        x += 130
    return "".join(svg) + "</svg>"


def _quarantine_section(facts: dict) -> str:
    return _nothing(facts, "quarantine") or _table(
        ["Source", "Reason", "Records"],
        [[_e(r["source"]), _e(str(r["reason"])[:200]), _n(r["count"])] for r in _rows(facts, "quarantine")],
        numeric={2})


def _stage_key(stage: str) -> tuple:
    return (STAGE_ORDER.index(stage), "") if stage in STAGE_ORDER else (len(STAGE_ORDER), stage)


def _checks_section(facts: dict) -> str:
    empty = _nothing(facts, "expectations")
    if empty:
        return empty
    checks = _rows(facts, "expectations")
    summary: dict[tuple, list[int]] = {}
    for check in checks:
        counts = summary.setdefault((check["stage"], check["severity"]), [0, 0])
        counts[0 if check["success"] else 1] += 1
    overview = _table(["Stage", "Severity", "Passed", "Failed"],
                      [[_e(stage), _e(severity), _n(ok), _chip(f"{bad:,}", "stopped" if severity == "critical"
                                                               else "warnings") if bad else "0"]
                       for (stage, severity), (ok, bad) in sorted(summary.items(),
                                                                  key=lambda i: (_stage_key(i[0][0]), i[0][1]))],
                      numeric={2, 3})
    rows = []
    for check in sorted(checks, key=lambda c: (c["success"], c["severity"] != "critical", _stage_key(c["stage"]))):
        result = (_chip("passed", "passed") if check["success"] else
                  _chip("failed", "stopped") if check["severity"] == "critical" else _chip("warning", "warnings"))
        samples = check.get("sample_values")
        if isinstance(samples, list) and samples:
            detail = "examples: " + ", ".join(f"<code>{_e(str(s)[:40])}</code>" for s in samples[:5])
        elif isinstance(check.get("observed_value"), (int, float)):
            detail = f"observed: {_n(check['observed_value'])}"
        else:
            detail = ""
        percent = check.get("unexpected_percent")
        unexpected = _n(check.get("unexpected_count")) + (f" ({percent:.1f} %)" if percent else "")
        rows.append([result, _e(check["stage"]), _e(check["severity"]), _e(check["suite_name"]),
                     _e(check["expectation_type"]), _e(check.get("column_name") or "–"),
                     _n(check.get("element_count")), unexpected, detail])
    details = _table(["Result", "Stage", "Severity", "Suite", "Check", "Column", "Rows checked", "Unexpected",
                      "Details"], rows, numeric={6, 7})
    return overview + "<h3>Every check (failures first)</h3>" + details


def _freshness_section(facts: dict) -> str:
    labels = {"pass": ("on time", "passed"), "warn": ("late: warning", "warnings"), "error": ("late: error", "stopped")}
    return _nothing(facts, "freshness") or _table(
        ["Source", "Account", "Last loaded", "Hours since", "Status"],
        [[_e(r["source"]), _e(r["account_id"]), _when(r["last_loaded_at"]),
          "–" if r["hours_since_loaded"] is None else f"{r['hours_since_loaded']:,.1f}",
          _chip(*labels.get(r["status"], (r["status"], "empty")))] for r in _rows(facts, "freshness")],
        numeric={3})


def _timeline_section(facts: dict) -> str:
    empty = _nothing(facts, "stages")
    if empty:
        return empty
    stages = _rows(facts, "stages")
    table = _table(["Stage", "Source", "Rows in", "Rows out", "Quarantined", "Result", "Started", "Duration"],
                   [[_e(r["stage"]), _e(r["source"]), _n(r["rows_in"]), _n(r["rows_out"]),
                     _n(r["rows_quarantined"]), _chip("succeeded", "passed") if r["success"] else
                     _chip("failed", "stopped"), _when(r["started_at"]), _duration(r["duration_seconds"])]
                    for r in stages], numeric={2, 3, 4, 7})
    start = min(r["started_at"] for r in stages)
    span = max((max(r["finished_at"] for r in stages) - start).total_seconds(), 1e-3)
    scale = (WIDTH - LABEL_WIDTH - 70) / span
    svg = [f'<svg width="{WIDTH}" height="{BAR_HEIGHT * len(stages) + 10}" role="img" aria-label="Stage timeline">']
    for index, row in enumerate(stages):
        y = index * BAR_HEIGHT + 4
        x = LABEL_WIDTH + (row["started_at"] - start).total_seconds() * scale
        length = max(row["duration_seconds"] * scale, 2)
        label = row["stage"] + ("" if row["source"] == "all" else f" ({row['source']})")
        svg.append(f'<text x="0" y="{y + 14}" font-size="13">{_e(label)}</text>'
                   f'<rect x="{x:.1f}" y="{y}" width="{length:.1f}" height="{BAR_HEIGHT - 6}" '
                   f'fill="{COLORS["passed" if row["success"] else "stopped"]}"/>'
                   f'<text x="{x + length + 6:.1f}" y="{y + 14}" font-size="12">{_duration(row["duration_seconds"])}</text>')
    return table + "".join(svg) + "</svg>"


def _dbt_section(facts: dict) -> str:
    empty = _nothing(facts, "dbt")
    if empty:
        return empty
    results = _rows(facts, "dbt")
    counts: dict[tuple, int] = {}
    for r in results:
        counts[(r["resource_type"], r["status"])] = counts.get((r["resource_type"], r["status"]), 0) + 1
    out = _table(["Kind", "Status", "Count"], [[_e(k), _e(s), _n(n)] for (k, s), n in sorted(counts.items())],
                 numeric={2})
    problems = [r for r in results if r["status"] not in ("pass", "success", "skipped")]
    if problems:
        out += _table(["Kind", "Name", "Status", "Failing rows"],
                      [[_e(r["resource_type"]), f"<code>{_e(r['unique_id'])}</code>", _e(r["status"]),
                        _n(r["failures"])] for r in problems], numeric={3})
    return out


def _link(target: Path, page: Path) -> str:
    """A relative href from ``page`` to ``target``."""
    return quote(Path(os.path.relpath(target, page.parent)).as_posix())


def _links(page: Path, run_id: str | None = None) -> list[str]:
    items = []
    if run_id is not None:
        docs = run_docs_index(run_id)
        items.append(f'<a href="{_link(docs, page)}">Great Expectations Data Docs for this run</a>' if docs.exists()
                     else "Great Expectations Data Docs for this run: nothing recorded (no copy kept)")
    dbt_docs = dbt_docs_index()
    items.append(f'<a href="{_link(dbt_docs, page)}">dbt docs (models, tests, lineage)</a>' if dbt_docs.exists()
                 else "dbt docs: not generated yet")
    return items


def render(run_id: str, batch_date: date, facts: dict, page: Path) -> str:
    kind, headline, reasons = verdict(facts)
    generated = datetime.now(timezone.utc)
    reason_list = "".join(f"<li>{_e(r)}</li>" for r in reasons) or "<li>Every recorded check passed.</li>"
    links = "".join(f"<li>{item}</li>" for item in _links(page, run_id))
    index = _link(config.output_dir("reports") / "index.html", page)
    meta = {"run-id": run_id, "batch-date": batch_date.isoformat(), "verdict": headline, "verdict-kind": kind,
            "generated-at": generated.isoformat(timespec="seconds")}
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
{"".join(f'<meta name="webcare:{k}" content="{_e(v)}">' for k, v in meta.items())}
<title>Data quality: {_e(batch_date)} — {_e(headline)}</title>
<style>{STYLE}</style>
</head><body>
<p class="note"><a href="{index}">All reports</a></p>
<h1>Data quality for {_e(batch_date)}</h1>
<p class="note">Run <code>{_e(run_id)}</code>. Built {_when(generated)} from the warehouse's load and audit
records. Patient messages are never shown here: only counts, reasons, check names, ids and keys.</p>
<div class="verdict" style="background:{COLORS[kind]}"><h2>{_e(headline)}</h2><ul>{reason_list}</ul></div>
<ul>{links}</ul>
<h2>What each source sent and what became of it</h2>
<p class="note">Received: records the API returned. Loaded (new): stored for the first time. Already loaded:
identical to a record stored before (nothing changed). Duplicated in batch: the API sent the same record more
than once. Quarantined: set aside because they could not be read; they do not reach the figures.</p>
{_sources_section(facts)}
<h2>Why records were quarantined</h2>
{_quarantine_section(facts)}
<h2>Checks (Great Expectations)</h2>
<p class="note">A failed critical check stops the run; a failed warning is recorded and the run goes on.
Examples are ids, keys or numbers of the rows that failed. Latest attempt of each checkpoint.</p>
{_checks_section(facts)}
<h2>dbt models and tests</h2>
{_dbt_section(facts)}
<h2>Freshness per account</h2>
<p class="note">When each account's data was last loaded and how long ago, against the thresholds of dbt's
source freshness.</p>
{_freshness_section(facts)}
<h2>Stage timeline</h2>
<p class="note">Every attempt of every stage, in the order they started (a retry appears twice).</p>
{_timeline_section(facts)}
</body></html>
"""


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def build(run_id: str, batch_date: date | str, url: str | None = None) -> Path:
    """Write the run's page (and refresh the index it links back to); return the page's path."""
    batch_date = _as_date(batch_date)
    out = report_path(run_id, batch_date)
    facts = collect(run_id, url or warehouse.warehouse_url())
    config.write_private(out, render(run_id, batch_date, facts, out))
    build_index()
    return out


def _report_meta(path: Path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8", errors="replace")[:4000]
    return {k: html.unescape(v) for k, v in re.findall(r'<meta name="webcare:([a-z-]+)" content="([^"]*)">', text)}


def build_index() -> Path:
    """Write reports/index.html: every quality report (newest first) and the documentation sites."""
    out = config.output_dir("reports") / "index.html"
    reports = []
    for path in config.output_dir("reports", "quality").glob("*.html"):
        meta = _report_meta(path)
        if "run-id" in meta:
            reports.append((meta.get("batch-date", ""), meta.get("generated-at", ""), path, meta))
    reports.sort(key=lambda r: (r[0], r[1]), reverse=True)
    rows = []
    for batch_date, _, path, meta in reports:
        docs = run_docs_index(meta["run-id"])
        kind = meta.get("verdict-kind", "empty")
        rows.append([f'<a href="{_link(path, out)}">{_e(batch_date)}</a>', f"<code>{_e(meta['run-id'])}</code>",
                     _chip(meta.get("verdict", "?"), kind if kind in COLORS else "empty"),
                     f'<a href="{_link(docs, out)}">Data Docs</a>' if docs.exists() else "–"])
    reports_html = (_table(["Batch date", "Run", "Verdict", "Checks in detail"], rows) if rows
                    else '<p class="empty">Nothing recorded: no quality report has been built yet.</p>')

    from webcare.validate import docs_index

    sites = []
    latest = docs_index()
    sites.append(f'<a href="{_link(latest, out)}">Great Expectations Data Docs (latest)</a>' if latest.exists()
                 else "Great Expectations Data Docs: not generated yet")
    sites += _links(out)
    kpis = out.parent / "response_kpis.html"
    if kpis.exists():
        sites.append(f'<a href="{_link(kpis, out)}">Response KPIs</a>')
    runs_dir = config.home() / "gx" / "runs"
    copies = sorted((p for p in runs_dir.glob("*/index.html")), key=lambda p: p.stat().st_mtime, reverse=True)
    copies_html = ("<ul>" + "".join(f'<li><a href="{_link(p, out)}">{_e(p.parent.name)}</a></li>' for p in copies)
                   + "</ul>") if copies else '<p class="empty">Nothing recorded: no run has kept its Data Docs.</p>'
    config.write_private(out, f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>Webcare data-quality reports</title>
<style>{STYLE}</style>
</head><body>
<h1>Webcare data-quality reports</h1>
<p class="note">One page per run of the daily pipeline, newest first. Built {_when(datetime.now(timezone.utc))}.</p>
<ul>{"".join(f"<li>{s}</li>" for s in sites)}</ul>
<h2>Runs</h2>
{reports_html}
<h2>Data Docs kept for each run</h2>
{copies_html}
</body></html>
""")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m webcare.quality_report", description=__doc__.split("\n")[0])
    parser.add_argument("--run-id", required=True)
    parser.add_argument("--batch-date", required=True, type=date.fromisoformat, help="YYYY-MM-DD")
    args = parser.parse_args(argv)
    print(build(args.run_id, args.batch_date))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
