"""Load a batch file into its raw table: valid records by COPY, rejects to the quarantine.

Everything for one batch happens in one transaction: new records, quarantined ones, the
account's cursor and the batch's bookkeeping row. A record already loaded (same account, key
and content) is not loaded again, so reruns change nothing.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
from dataclasses import asdict, dataclass

from webcare import warehouse
from webcare.sources import SOURCES, InvalidRecord

log = logging.getLogger(__name__)


@dataclass
class LoadResult:
    source: str
    account_id: str
    received: int
    inserted: int
    seen_before: int
    quarantined: int
    duplicated: int = 0  # records repeated within the batch (page overlaps), loaded once
    warnings: tuple[str, ...] = ()  # what the extractor warned about (webcare.extract)

    def as_dict(self) -> dict:
        return asdict(self)


def canonical_json(record: object) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def split_records(source: str, records: list) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """(valid, rejected): valid as (key, json, sha) without in-batch duplicates; rejected as
    (json, sha, reason)."""
    record_key = SOURCES[source].record_key
    valid: dict[tuple[str, str], tuple[str, str, str]] = {}
    rejected: dict[str, tuple[str, str, str]] = {}
    for record in records:
        text = canonical_json(record)
        digest = sha256(text)
        try:
            key = record_key(record)
        except InvalidRecord as exc:
            rejected.setdefault(digest, (text, digest, str(exc)))
            continue
        valid.setdefault((key, digest), (key, text, digest))
    return list(valid.values()), list(rejected.values())


def _copy_rows(cur, table: str, columns: list[str], rows: list[tuple]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    buffer.seek(0)
    cur.copy_expert(f"copy {table} ({', '.join(columns)}) from stdin with (format csv)", buffer)


def load_batch(batch: dict, url: str | None = None) -> LoadResult:
    meta, records = batch["meta"], batch["records"]
    source, account = meta["source"], meta["account_id"]
    table = SOURCES[source].table
    valid, rejected = split_records(source, records)
    url = warehouse.bootstrap(url)
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        cur.execute("create temporary table incoming (record_key text, payload text, payload_sha256 text)"
                    " on commit drop")
        _copy_rows(cur, "incoming", ["record_key", "payload", "payload_sha256"], valid)
        cur.execute(
            f"""insert into raw.{table}
                    (record_key, account_id, payload, payload_sha256, run_id, batch_date, extracted_at)
                select record_key, %(account)s, payload::jsonb, payload_sha256, %(run_id)s,
                       %(batch_date)s, %(extracted_at)s
                from incoming
                order by record_key
                on conflict (account_id, record_key, payload_sha256) do nothing""",
            {"account": account, **meta},
        )
        inserted = cur.rowcount
        for text, digest, reason in rejected:
            cur.execute(
                """insert into raw.quarantine (source, account_id, record_text, record_sha256, reason,
                                              run_id, batch_date, extracted_at)
                   values (%s, %s, %s, %s, %s, %s, %s, %s)
                   on conflict (source, account_id, record_sha256) do nothing""",
                (source, account, text, digest, reason, meta["run_id"], meta["batch_date"], meta["extracted_at"]),
            )
            log.warning("%s %s: quarantined a record: %s", source, account, reason)
        # a read of everything the account has tells what is gone (not when a record of it was unreadable)
        if meta.get("complete") and meta.get("cutoff") and not rejected:
            from webcare.deletions import record_missing

            record_missing(cur, source, account, [key for key, _, _ in valid], meta["cutoff"], meta["run_id"])
        if meta.get("deleted_keys") and meta.get("cutoff"):  # the API said these no longer exist
            from webcare.deletions import record_deleted

            record_deleted(cur, source, account, meta["deleted_keys"], meta["cutoff"], meta["run_id"])
        if meta.get("cursor_after"):
            cur.execute(
                """insert into raw.extract_cursors (source, account_id, cursor_value, run_id)
                   values (%s, %s, %s, %s)
                   on conflict (source, account_id) do update
                   set cursor_value = excluded.cursor_value, run_id = excluded.run_id, updated_at = now()""",
                (source, account, meta["cursor_after"], meta["run_id"]),
            )
        duplicated = len(records) - len(valid) - len(rejected)
        result = LoadResult(source, account, len(records), inserted, len(valid) - inserted, len(rejected), duplicated,
                            tuple(meta.get("warnings") or ()))
        cur.execute(
            """insert into raw.load_batches (run_id, source, account_id, batch_date, extracted_at,
                   records_received, records_inserted, records_seen_before, records_quarantined,
                   cursor_before, cursor_after, cutoff, records_duplicated, warnings)
               values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
               on conflict (run_id, source, account_id) do update set
                   records_received = excluded.records_received,
                   records_inserted = raw.load_batches.records_inserted + excluded.records_inserted,
                   records_seen_before = excluded.records_seen_before,
                   records_quarantined = excluded.records_quarantined,
                   records_duplicated = excluded.records_duplicated,
                   cursor_after = excluded.cursor_after, cutoff = excluded.cutoff,
                   warnings = excluded.warnings, loaded_at = now()""",
            (meta["run_id"], source, account, meta["batch_date"], meta["extracted_at"], result.received,
             result.inserted, result.seen_before, len(rejected), meta.get("cursor_before"),
             meta.get("cursor_after"), meta.get("cutoff"), duplicated, json.dumps(list(result.warnings))),
        )
    log.info("%s %s: %s", source, account, result)
    return result


def load_batch_file(path: str, url: str | None = None) -> LoadResult:
    with open(path, encoding="utf-8") as handle:
        return load_batch(json.load(handle), url)
