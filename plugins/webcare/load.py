"""Load a batch file into its raw table: valid records by COPY, rejects to the quarantine.

Everything for one batch happens in one transaction: new records, quarantined ones, the
account's cursor and the batch's bookkeeping row. A record already loaded (same account, key
and content) is not loaded again, so reruns change nothing; nor is one the raw gate moved to the
quarantine (``quarantine_rows``). No single record fails a batch: poison records (see
webcare.storable) are quarantined with their reason and their batch-mates load.

How (issue 12: load throughput at least 0.7x a bare COPY): a thread judges the batch in chunks
(one pass per record: canonical JSON, checks, sha256, the row in COPY's binary format) while
PostgreSQL takes the previous chunk; per chunk one range scan of raw's unique index finds the
records already loaded, and the new ones are COPYed straight into raw, once, in key order. Only when PostgreSQL
refuses that COPY (a payload it cannot store that ``storable`` did not foresee, or a concurrent
load of the same records) does the batch go the slow way: every record into a temporary table,
then an insert with ``on conflict do nothing`` and a savepoint per record if one is refused.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import struct
from dataclasses import asdict, dataclass
from datetime import date

import psycopg2

from webcare import batch_files, storable, warehouse
from webcare.sources import SOURCES, InvalidRecord
from webcare.sources.facebook import parse_graph_time
from webcare.storable import RawText, canonical_json, quarantine_text, safe_text, serialise, sha256
from webcare.timestamps import PLAUSIBLE_YEARS

__all__ = ["LoadResult", "canonical_json", "sha256", "split_records", "load_batch", "load_batch_file",
           "quarantine_rows"]

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


_UTC_SUFFIXES = ("Z", "+0000", "+00:00")
_UTC_MONTHS: dict[str, date] = {}  # "2026-03" -> 2026-03-01, for times written in UTC (a few hundred at most)


def created_month(source: str, record: object) -> date:
    """The partition key of a record: the first day of the UTC month of its own creation time (the
    source's ``created_field``). A time written in UTC (``Z``, ``+0000``, ``+00:00``) is read from its
    text; any other offset is converted. Raises ValueError when the time is not readable."""
    value = record.get(SOURCES[source].created_field) if isinstance(record, dict) else None
    if isinstance(value, str) and len(value) > 7 and value.endswith(_UTC_SUFFIXES):
        month = _UTC_MONTHS.get(value[:7])  # the text's first 7 characters decide, as below
        if month is not None:
            return month
        if value[4] == "-" and value[:4].isdigit() and PLAUSIBLE_YEARS[0] <= int(value[:4]) <= PLAUSIBLE_YEARS[1]:
            month = _UTC_MONTHS[value[:7]] = date(int(value[:4]), int(value[5:7]), 1)
            return month
    moment = parse_graph_time(value)
    return date(moment.year, moment.month, 1)


def created_months(source: str, records: list) -> list:
    """``created_month`` of each record, or the exception it raised (ValueError, OverflowError, TypeError)."""
    months: list = []
    for record in records:
        try:
            months.append(created_month(source, record))
        except (ValueError, OverflowError, TypeError) as exc:
            months.append(exc)
    return months


def canonical_encoder():
    """A function giving the text ``storable.serialise`` writes (``json.dumps(record, ensure_ascii=False,
    separators=(",", ":"), allow_nan=False)``) without building an encoder for every record, as
    ``json.dumps`` with options does: the json module's C encoder, made once (the module's own
    ``JSONEncoder.encode`` where the C encoder is missing). After it raises, make a new one: its
    circular-reference markers may keep the failed record's containers."""
    from json import encoder

    options = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    try:
        made = encoder.c_make_encoder({}, options.default, encoder.encode_basestring, None, ":", ",",
                                      False, False, False)
    except (AttributeError, TypeError):  # no C encoder in this Python
        return options.encode
    return lambda record: "".join(made(record, 0))


class Splitter:
    """Valid and rejected records of one batch, fed in chunks; repeats (same key and content, or the
    same rejected content) are dropped across chunks, as within one."""

    def __init__(self, source: str):
        self.source, self.record_key = source, SOURCES[source].record_key
        self.valid: dict[tuple[str, str], tuple[str, str, str, date]] = {}
        self.rejected: dict[str, tuple[str, str, str]] = {}
        self.encode = canonical_encoder()

    def add(self, records: list, months: list | None = None
            ) -> tuple[list[tuple[str, str, str, date]], list[tuple[str, str, str]]]:
        """(valid as (key, json, sha, created month), rejected) among ``records`` not seen before in the batch;
        ``months``: their ``created_months`` when already computed.

        One pass per record. A JSON object whose canonical text shows no sign of a problem (it encodes,
        holds no escaped NUL, no more brackets than ``MAX_DEPTH``, is not too large) is not judged again
        by ``storable.serialise`` (which would find nothing), and its UTF-8 bytes, read for the size, are
        the ones hashed; anything else is judged by ``serialise`` as before, reasons unchanged."""
        valid, rejected = [], []
        seen, held = self.valid, self.rejected
        record_key, encode, max_depth, max_bytes = self.record_key, self.encode, storable.MAX_DEPTH, storable.MAX_RECORD_BYTES
        if months is None:
            months = created_months(self.source, records)
        for record, month in zip(records, months):
            data = None
            if type(record) is dict:
                try:
                    text = encode(record)
                    data = text.encode()
                except (ValueError, UnicodeEncodeError, RecursionError):
                    text, encode = None, None
                if encode is None:
                    encode = self.encode = canonical_encoder()
                if text is None or len(data) > max_bytes or "\\u0000" in text \
                        or text.count("{") + text.count("[") > max_depth:
                    data = None
                    text, reason = serialise(record)
                else:
                    reason = None
            else:
                reason = record.reason if isinstance(record, RawText) else None
                text = None
                if reason is None:
                    text, reason = serialise(record)
            if reason is None:
                try:
                    key = record_key(record)
                except InvalidRecord as exc:
                    reason = str(exc)
                except (ValueError, TypeError, OverflowError, RecursionError) as exc:  # a hook's own slip
                    reason = f"unreadable record ({type(exc).__name__})"
            if reason is None and isinstance(month, Exception):
                if not isinstance(month, (ValueError, OverflowError)):
                    raise month
                reason = f"invalid {SOURCES[self.source].created_field}: {month}"
            if reason is not None:
                safe, digest = quarantine_text(record)
                if digest not in held:
                    held[digest] = (safe, digest, reason)
                    rejected.append(held[digest])
                continue
            digest = hashlib.sha256(data).hexdigest() if data is not None else sha256(text)
            if (key, digest) not in seen:
                row = seen[key, digest] = (key, text, digest, month)
                valid.append(row)
        return valid, rejected


def split_records(source: str, records: list) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """(valid, rejected): valid as (key, json, sha) without in-batch duplicates; rejected as
    (text, sha, reason), the text storable whatever the record holds (``storable.quarantine_text``).

    A record is rejected when its source's ``record_key`` refuses it, or when PostgreSQL could
    not store it (``storable.problem``: depth, NUL, lone surrogates, infinite numbers, size) or
    it could not even be read from the batch file (``storable.RawText``). Nothing here raises
    for one record."""
    valid, rejected = Splitter(source).add(records)
    return [row[:3] for row in valid], rejected


# COPY's binary format (PostgreSQL documentation, "COPY", "Binary Format"): the server parses no
# delimiters, escapes, dates or times; jsonb is its version byte (1) and the JSON text. The rows are
# made by the judging thread; the COPY sends them in one read (psycopg2 takes the interpreter lock for
# every read of the buffer: small reads would wait for the judging thread at each one).
_BINARY_HEADER = b"PGCOPY\n\xff\r\n\x00" + bytes(8)  # signature, flags, no header extension
_BINARY_TRAILER = b"\xff\xff"
_POSTGRES_EPOCH = date(2000, 1, 1)
_INT32 = struct.Struct(">i").pack
_ROW_START = struct.Struct(">hi").pack  # the row's number of fields, the first field's length
_SHA_LENGTH = _INT32(64)


def _binary_field(value: bytes | None) -> bytes:
    return b"\xff\xff\xff\xff" if value is None else _INT32(len(value)) + value


def _binary_constants(cur, params: dict) -> tuple[bytes, bytes]:
    """(account_id, run_id + batch_date + extracted_at) of every row of the batch, as binary COPY fields:
    PostgreSQL reads the batch's date and time (as its text COPY did), once."""
    cur.execute("select %(batch_date)s::date - date '2000-01-01',"
                " (extract(epoch from %(extracted_at)s::timestamptz - timestamptz '2000-01-01 00:00:00+00')"
                " * 1000000)::bigint", params)
    days, microseconds = cur.fetchone()
    run_id = None if params["run_id"] is None else str(params["run_id"]).encode()
    return _binary_field(str(params["account"]).encode()), b"".join((
        _binary_field(run_id), _binary_field(None if days is None else struct.pack(">i", days)),
        _binary_field(None if microseconds is None else struct.pack(">q", microseconds))))


def _binary_rows(valid: list[tuple[str, str, str, date]], account: bytes, rest: bytes) -> list[bytes]:
    """Each valid record as a row of raw in COPY's binary format (RAW_COLUMNS' order)."""
    months: dict[date, bytes] = {}
    rows = []
    for key, text, digest, month in valid:
        key_bytes, payload = key.encode(), text.encode()
        month_field = months.get(month) or months.setdefault(month, _binary_field(
            struct.pack(">i", (month - _POSTGRES_EPOCH).days)))
        rows.append(b"".join((_ROW_START(8, len(key_bytes)), key_bytes, account, _INT32(len(payload) + 1), b"\x01",
                              payload, _SHA_LENGTH, digest.encode(), rest, month_field)))
    return rows


def _copy_binary(cur, table: str, columns: list[str], rows: list[bytes]) -> None:
    """COPY ``rows`` (each a row in COPY's binary format) into ``table``."""
    data = b"".join((_BINARY_HEADER, *rows, _BINARY_TRAILER))
    cur.copy_expert(f"copy {table} ({', '.join(columns)}) from stdin with (format binary)", io.BytesIO(data),
                    size=len(data))


def _copy_rows(cur, table: str, columns: list[str], rows: list[tuple]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    buffer.seek(0)
    cur.copy_expert(f"copy {table} ({', '.join(columns)}) from stdin with (format csv)", buffer)


# (a quarantined record replayed after a fix, webcare.quarantine, is resolved: it may load)
_NOT_QUARANTINED = """not exists (select 1 from raw.quarantine q where q.source = %(source)s
                     and q.account_id = %(account)s and q.record_sha256 = i.payload_sha256
                     and q.resolved_at is null)"""


def _insert_valid(cur, table: str, params: dict) -> tuple[int, list[tuple[str, str, str]]]:
    """Insert the ``incoming`` rows into raw (not those the raw gate quarantined before);
    returns (inserted, refused): PostgreSQL refusing one payload (a case ``storable`` does not
    foresee) quarantines that record alone, the rest still load."""
    insert = f"""insert into raw.{table}
                     (record_key, account_id, payload, payload_sha256, run_id, batch_date, extracted_at,
                      created_month)
                 select record_key, %(account)s, payload::jsonb, payload_sha256, %(run_id)s,
                        %(batch_date)s, %(extracted_at)s, created_month
                 from incoming i
                 where {_NOT_QUARANTINED} {{only}}
                 order by record_key
                 on conflict (account_id, record_key, payload_sha256, created_month) do nothing"""
    cur.execute("savepoint bulk")
    try:
        cur.execute(insert.format(only=""), params)
        inserted = cur.rowcount
        cur.execute("release savepoint bulk")
        return inserted, []
    except psycopg2.DataError:
        cur.execute("rollback to savepoint bulk")
    from psycopg2 import errorcodes

    inserted, refused = 0, []
    cur.execute("select record_key, payload, payload_sha256 from incoming order by record_key")
    for key, text, digest in cur.fetchall():
        cur.execute("savepoint one")
        try:
            cur.execute(insert.format(only="and i.payload_sha256 = %(sha)s and i.record_key = %(key)s"),
                        {**params, "sha": digest, "key": key})
            count = cur.rowcount
            cur.execute("release savepoint one")
            inserted += count
        except psycopg2.DataError as exc:
            cur.execute("rollback to savepoint one")
            name = (errorcodes.lookup(exc.pgcode) or exc.pgcode or "error").lower().replace("_", " ")
            refused.append((key, text, digest, f"PostgreSQL cannot store it as jsonb ({name})"))
    return inserted, refused


RAW_COLUMNS = ["record_key", "account_id", "payload", "payload_sha256", "run_id", "batch_date", "extracted_at",
               "created_month"]


def _known(cur, table: str, valid: list[tuple[str, str, str, date]], params: dict,
           quarantined: set[str]) -> tuple[set, set]:
    """(already in raw, held in the quarantine) among ``valid`` (sorted by key), as sets of (key, sha256);
    ``quarantined`` are the shas the quarantine holds.

    One range scan of raw's unique index: the account's rows of the chunk's months (only those
    partitions) whose keys lie between the chunk's first and last, compared here. Keys an API hands
    out in order (X's ids) make the range the chunk's own; otherwise the scan reads at most the
    account's rows of those months. (A probe per key, ``record_key = any(array)``, cost 1.5 s for
    200,000 keys on an empty partition: PostgreSQL estimates and plans every element.)"""
    if not valid:
        return set(), set()
    # an index scan, always: a partition the statistics think empty (a new month) would otherwise be
    # scanned whole for every chunk while this very load fills it
    cur.execute(f"set local enable_seqscan = off;"
                f" select record_key, payload_sha256 from raw.{table} where account_id = %(account)s"
                f" and created_month = any(%(months)s)"  # only the partitions of the chunk's months
                f" and record_key between %(first)s and %(last)s",  # an index condition: one descent
                {**params, "first": valid[0][0], "last": valid[-1][0], "months": sorted({row[3] for row in valid})})
    loaded = set(cur.fetchall())
    held = {(row[0], row[2]) for row in valid if row[2] in quarantined}
    return loaded - held, held


def _held_in_quarantine(cur, params: dict) -> set[str]:
    """The shas of the account's records the quarantine holds (unresolved): the loader never loads them."""
    cur.execute("select record_sha256 from raw.quarantine where source = %(source)s and account_id = %(account)s"
                " and resolved_at is null", params)
    return {digest for (digest,) in cur.fetchall()}


def _copy_new(cur, table: str, fresh: list[bytes]) -> bool:
    """COPY the new records (rows of ``_binary_rows``) straight into raw; False (nothing written) when
    PostgreSQL refuses it."""
    if not fresh:
        cur.execute("set local enable_seqscan = on")  # (off for the probe, _known)
        return True
    cur.execute("set local enable_seqscan = on; savepoint fast")  # (off for the probe, _known)
    try:
        _copy_binary(cur, f"raw.{table}", RAW_COLUMNS, fresh)
    except (psycopg2.DataError, psycopg2.IntegrityError) as exc:
        cur.execute("rollback to savepoint fast")
        log.warning("raw.%s: the direct COPY was refused (%s); loading record by record", table,
                    type(exc).__name__)
        return False
    cur.execute("release savepoint fast")
    return True


CHUNK_RECORDS = 10_000  # records judged (Python) while the previous chunk is in PostgreSQL
FIRST_CHUNK_RECORDS = 5_000  # the first chunk is judged while PostgreSQL waits: a small one


def _judge(splitter: Splitter, records: list, months: list, account: bytes, rest: bytes
           ) -> tuple[list[tuple[str, str, str, date]], list[bytes]]:
    """(valid records new to the batch in key order, their rows for raw in COPY's binary format) of one
    chunk: the judging thread's work."""
    valid, _ = splitter.add(records, months)
    valid.sort(key=lambda row: row[0])
    return valid, _binary_rows(valid, account, rest)


def _load_chunk(cur, table: str, valid: list[tuple[str, str, str, date]], rows: list[bytes], params: dict,
                quarantined: set[str]) -> tuple[int, int, list]:
    """(inserted, held back, refused) for one chunk of valid records (in key order, with their rows for
    raw), in the caller's transaction."""
    loaded, held = _known(cur, table, valid, params, quarantined)
    fresh = [row for (key, _, digest, _), row in zip(valid, rows) if (key, digest) not in loaded
             and (key, digest) not in held]
    if _copy_new(cur, table, fresh):
        return len(fresh), len(held), []
    cur.execute("set local enable_seqscan = on;"  # (off for the probe, _known)
                " create temporary table if not exists incoming (record_key text, payload text,"
                " payload_sha256 text, created_month date) on commit drop")
    cur.execute("truncate incoming")
    _copy_rows(cur, "incoming", ["record_key", "payload", "payload_sha256", "created_month"], valid)
    inserted, refused = _insert_valid(cur, table, params)
    return inserted, len(held), refused


def _ensure_partitions(url: str, source: str, months: list) -> None:
    """The monthly partitions of the batch's months (``created_months``; an exception is a record the
    checks reject), created before the load in a short transaction of their own (creating a partition
    locks the table), so the load's rows never go to the default."""
    wanted = {month for month in months if isinstance(month, date)}
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        warehouse.ensure_partitions(cur, SOURCES[source].table, wanted)


def load_batch(batch: dict, url: str | None = None) -> LoadResult:
    from concurrent.futures import ThreadPoolExecutor

    meta, records = batch["meta"], batch["records"]
    source, account = meta["source"], meta["account_id"]
    table = SOURCES[source].table
    splitter = Splitter(source)
    url = warehouse.bootstrap(url)
    params = {"source": source, "account": account, **meta}
    months = created_months(source, records)
    starts = [0, *range(min(FIRST_CHUNK_RECORDS, CHUNK_RECORDS), len(records), CHUNK_RECORDS)]
    chunks = [(records[start:end], months[start:end]) for start, end in zip(starts, [*starts[1:], len(records)])]
    _ensure_partitions(url, source, months)
    inserted = held_back = 0
    refused: list = []
    with warehouse.transaction(url) as conn, conn.cursor() as cur, ThreadPoolExecutor(1) as judge:
        # the binary COPY's texts are UTF-8; set before any statement (psycopg2 ends the transaction to set it)
        conn.set_client_encoding("UTF8")
        constants = _binary_constants(cur, params)
        # the next chunk is judged (serialised, validated, hashed, made rows) while PostgreSQL takes this one
        pending = judge.submit(_judge, splitter, *chunks[0], *constants)
        quarantined = _held_in_quarantine(cur, params)
        for n in range(len(chunks)):
            valid_chunk, rows = pending.result()
            if n + 1 < len(chunks):
                pending = judge.submit(_judge, splitter, *chunks[n + 1], *constants)
            chunk_inserted, chunk_held, chunk_refused = _load_chunk(cur, table, valid_chunk, rows, params,
                                                                    quarantined)
            inserted, held_back, refused = inserted + chunk_inserted, held_back + chunk_held, refused + chunk_refused
        valid, rejected = list(splitter.valid.values()), list(splitter.rejected.values())
        rejected += [(safe_text(text), digest, reason) for _, text, digest, reason in refused]
        for text, digest, reason in rejected:
            cur.execute(
                """insert into raw.quarantine (source, account_id, record_text, record_sha256, reason,
                                              run_id, batch_date, extracted_at)
                   values (%s, %s, %s, %s, %s, %s, %s, %s)
                   on conflict (source, account_id, record_sha256) do update
                   set reason = excluded.reason, resolved_at = null, resolved_run_id = null
                   where raw.quarantine.resolved_at is not null""",  # replayed, and rejected again
                (source, account, text, digest, reason, meta["run_id"], meta["batch_date"], meta["extracted_at"]),
            )
            log.warning("%s %s: quarantined a record: %s", source, account, reason)
        if held_back:
            log.warning("%s %s: %d records already in the quarantine (set aside by the raw gate) not loaded",
                        source, account, held_back)
        # a read of everything the account has tells what is gone (not when a record of it was unreadable)
        if meta.get("complete") and meta.get("cutoff") and not rejected:
            from webcare.deletions import record_missing

            record_missing(cur, source, account, [row[0] for row in valid], meta["cutoff"], meta["run_id"],
                           meta.get("complete_from"))
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
        quarantined = len(rejected) + held_back
        duplicated = len(records) - len(valid) - (len(rejected) - len(refused))
        result = LoadResult(source, account, len(records), inserted, len(valid) - inserted - held_back - len(refused),
                            quarantined, duplicated, tuple(meta.get("warnings") or ()))
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
             result.inserted, result.seen_before, quarantined, meta.get("cursor_before"),
             meta.get("cursor_after"), meta.get("cutoff"), duplicated, json.dumps(list(result.warnings))),
        )
    log.info("%s %s: %s", source, account, result)
    return result


def quarantine_rows(cur, table: str, raw_ids: list[int], reason: str) -> int:
    """Move rows of ``raw.<table>`` to ``raw.quarantine`` with ``reason`` and correct their
    batches' counts in ``raw.load_batches`` (inserted down, quarantined up), in the caller's
    transaction: the ledger still reconciles, and the loader never loads that content again.
    The quarantined row keeps the run, batch date and extraction time of its load.

    The account's cursor goes back to where that batch started (when no later batch moved it):
    the rejected record may have moved it (a future ``updateTime`` becomes Google's watermark, a
    future X id the ``since_id``), and the next run must read that window again; what it reads
    again is recognised as already loaded, and the rejected record stays in the quarantine."""
    if not raw_ids:
        return 0
    cur.execute(
        f"""with moved as (
                delete from raw.{table} where raw_id = any(%(ids)s)
                returning account_id, payload, payload_sha256, run_id, batch_date, extracted_at
            ), kept as (
                insert into raw.quarantine (source, account_id, record_text, record_sha256, reason,
                                            run_id, batch_date, extracted_at)
                select %(source)s, account_id, payload::text, payload_sha256, %(reason)s, run_id, batch_date,
                       extracted_at
                from moved
                on conflict (source, account_id, record_sha256) do update
                set reason = excluded.reason, resolved_at = null, resolved_run_id = null
                where raw.quarantine.resolved_at is not null  -- replayed, and set aside again
            ), counted as (
                update raw.load_batches b
                set records_inserted = b.records_inserted - m.n, records_quarantined = b.records_quarantined + m.n
                from (select run_id, account_id, count(*) as n from moved group by 1, 2) m
                where b.run_id = m.run_id and b.source = %(source)s and b.account_id = m.account_id
                returning b.account_id, b.cursor_before, b.cursor_after
            ), rewound as (
                update raw.extract_cursors c set cursor_value = counted.cursor_before, updated_at = now()
                from counted
                where c.source = %(source)s and c.account_id = counted.account_id
                  and c.cursor_value = counted.cursor_after and counted.cursor_before is not null
            ), forgotten as (
                delete from raw.extract_cursors c using counted
                where c.source = %(source)s and c.account_id = counted.account_id
                  and c.cursor_value = counted.cursor_after and counted.cursor_before is null
            )
            select count(*) from moved""",
        {"ids": list(raw_ids), "source": table, "reason": reason},
    )
    moved = cur.fetchone()[0]
    log.warning("raw.%s: %d rows moved to the quarantine: %s", table, moved, reason)
    return moved


@warehouse.acting_as("loader")
def load_batch_file(path: str, url: str | None = None) -> LoadResult:
    return load_batch(batch_files.read(path), url)
