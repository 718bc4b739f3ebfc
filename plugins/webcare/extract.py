"""Extract one account of one source into a batch file, starting from the warehouse's cursor."""
from __future__ import annotations

import json
import logging
import re
from datetime import date, datetime, timezone
from pathlib import Path

from webcare import batch_files, config, connections, warehouse
from webcare.sources import SOURCES

log = logging.getLogger(__name__)


def read_cursor(source: str, account_id: str, url: str | None = None) -> str | None:
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        cur.execute("select cursor_value from raw.extract_cursors where source = %s and account_id = %s",
                    (source, account_id))
        row = cur.fetchone()
    return row[0] if row else None


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text)


def batch_path(run_id: str, source: str, account_id: str) -> Path:
    return config.output_dir("batches", _safe(run_id)) / f"{source}__{_safe(account_id)}.json"


def extract(source: str, account_id: str, run_id: str, batch_date: date, cutoff: datetime,
            url: str | None = None) -> str:
    """Fetch what is new for one account and write it, untouched, to a batch file; return its path."""
    if source not in SOURCES or SOURCES[source].fetch is None:
        raise ValueError(f"unknown source {source!r}, or not one read from an API")
    url = warehouse.bootstrap(url)
    cursor = read_cursor(source, account_id, url)
    extracted_at = datetime.now(timezone.utc)
    hooks = SOURCES[source]
    result = hooks.fetch(connections.api_settings(hooks.connection), account_id, cursor, cutoff)
    meta = {
        "source": source, "account_id": account_id, "run_id": run_id,
        "batch_date": batch_date.isoformat(), "cutoff": cutoff.isoformat(),
        "extracted_at": extracted_at.isoformat(), "pages": result.pages,
        "cursor_before": cursor, "cursor_after": result.cursor_after,
    }
    path = batch_path(run_id, source, account_id)
    batch_files.write(path, meta, result.records)
    log.info("%s %s: %d records in %d pages (cursor %s -> %s)", source, account_id,
             len(result.records), result.pages, cursor, result.cursor_after)
    return str(path)
