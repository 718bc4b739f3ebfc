"""Import an export file into the warehouse: its records into ``raw.imported_messages`` through
the loader, its rejections into ``raw.quarantine``, and one row in ``raw.file_imports``.

    from webcare.imports.load import import_file

    report = import_file("twcs.csv", "customer_support_on_twitter", constants={"account_id": "hsn"})
    print(report.summary())

Idempotent by content: the file's SHA-256 is computed first, and a file whose hash is in
``raw.file_imports`` (under any name) is not read again; nothing changes. Otherwise the file is
read once as a stream; valid records go, a chunk at a time and grouped by account, through
``webcare.load.load_batch`` (the API loads' COPY, de-duplication and ledger ``raw.load_batches``)
with the run id ``import__<sha[:16]>``. Two checks are made after mapping: a record dated after
the import (in the future) cannot be measured (the calendar follows the data, so any past date can), and a
message id already read earlier in the file would make two versions of one message; both are
rejected naming the line and column, like the reader's own rejections. Every rejection goes to
the quarantine (source ``imported_messages``, account = the file's name) and the ledger row is
written last, in one transaction. A crash before it leaves the file unmarked: the next attempt
reuses the run id and batch date, loads only what is missing, and then writes the ledger row.
"""
from __future__ import annotations

import csv
import logging
import shutil
import tempfile
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from webcare import config, warehouse
from webcare.accounts import institution_accounts
from webcare.imports.errors import ImportFileError
from webcare.imports.mapping import Mapping, load_mapping
from webcare.imports.reader import file_sha256, read_file
from webcare.load import canonical_json, load_batch, sha256
from webcare.storable import problem as storable_problem, quarantine_text, safe_text

log = logging.getLogger(__name__)

SOURCE = "imported_messages"
CHUNK_RECORDS = 50_000      # records per load_batch call (one transaction each)
FIRST_REASONS = 10          # rejection reasons kept in the report
PROGRESS_EVERY = 100_000    # rows between progress callbacks


@dataclass
class ImportReport:
    """What an import did (or, with ``already_imported``, what the earlier import of these bytes did)."""
    file_name: str
    file_sha256: str
    mapping: str
    run_id: str
    batch_date: str
    already_imported: bool
    imported_at: datetime | None = None
    records_read: int = 0           # valid records sent to raw (after the calendar and duplicate checks)
    records_inserted: int = 0       # new rows in raw.imported_messages
    records_seen_before: int = 0    # already there (same account, key and content)
    rows_rejected: int = 0          # rejections, each in raw.quarantine with its line and column
    first_reasons: list[str] = field(default_factory=list)
    accounts: dict[str, int] = field(default_factory=dict)   # valid records per account
    first_created_at: datetime | None = None
    last_created_at: datetime | None = None
    record_keys: list[str] | None = field(default=None, repr=False)  # with keep_keys=True

    def as_dict(self) -> dict:
        """JSON-friendly, without the record keys."""
        data = asdict(self)
        data.pop("record_keys")
        for name in ("imported_at", "first_created_at", "last_created_at"):
            data[name] = data[name].isoformat() if data[name] else None
        return data

    def summary(self) -> str:
        if self.already_imported:
            when = f"{self.imported_at:%Y-%m-%d %H:%M:%S %Z}" if self.imported_at else "earlier"
            return (f"{self.file_name}: already imported on {when} (run {self.run_id}, "
                    f"{self.records_read:,} records, {self.rows_rejected:,} rejected): nothing changed")
        lines = [f"{self.file_name} ({self.mapping}, run {self.run_id}, sha256 {self.file_sha256[:16]}...)",
                 f"  read      {self.records_read:>10,} records",
                 f"  loaded    {self.records_inserted:>10,} new rows in raw.{SOURCE}",
                 f"  already   {self.records_seen_before:>10,} records were there (same content)",
                 f"  rejected  {self.rows_rejected:>10,} rows/messages, in raw.quarantine"]
        lines += [f"    {reason}" for reason in self.first_reasons]
        if self.rows_rejected > len(self.first_reasons):
            lines.append(f"    ... and {self.rows_rejected - len(self.first_reasons):,} more "
                         f"(raw.quarantine where source = '{SOURCE}' and run_id = '{self.run_id}')")
        if self.first_created_at:
            lines.append(f"  written   {self.first_created_at:%Y-%m-%d %H:%M} to {self.last_created_at:%Y-%m-%d %H:%M} UTC")
        return "\n".join(lines)


def run_id_of(digest: str) -> str:
    return f"import__{digest[:16]}"


def measurable_window() -> tuple[datetime, datetime]:
    """[first, end) instants an imported record may have: any time before the import. The warehouse
    calendar follows the data (int_calendar_bounds), so old history is measurable; a record from the
    future is not (the marts gate would stop the build on it)."""
    return datetime.min.replace(tzinfo=timezone.utc), datetime.now(timezone.utc)


def import_file(path: str | Path, mapping: str | Path | Mapping, constants: dict | None = None,
                url: str | None = None, *, keep_keys: bool = False,
                progress: Callable[[int], None] | None = None) -> ImportReport:
    """Import one export file (see the module's docstring); returns what happened.

    ``mapping`` is a shipped mapping's name, a path to a mapping file, or a ``Mapping``;
    ``constants`` sets mapping constants at import time (``{"account_id": "hsn"}``).
    ``keep_keys`` keeps the record keys of the file's valid records in the report (for KPIs);
    ``progress`` is called with the number of rows read every 100,000 rows.
    Raises ``ImportFileError`` for a missing or unreadable file, ``MappingError`` for a bad mapping.
    """
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(f"{path}: no such file")
    if not isinstance(mapping, Mapping):
        mapping = load_mapping(mapping)
    url = warehouse.bootstrap(url)
    digest = file_sha256(path)
    with _import_lock(url, digest):
        earlier = _earlier_import(url, digest)
        if earlier:
            log.info("%s: already imported on %s (run %s): nothing changed", path.name, earlier.imported_at,
                     earlier.run_id)
            return earlier
        return _import(path, mapping, constants, url, digest, keep_keys, progress)


@contextmanager
def _import_lock(url: str, digest: str):
    """One import of the same bytes at a time (a command and the DAG may race): the second waits,
    then finds the ledger row and changes nothing."""
    conn = warehouse.connect(url)
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute("select pg_advisory_lock(hashtext(%s))", (f"webcare.import:{digest}",))
        yield
    finally:
        conn.close()  # ends the session, and so the lock


def _earlier_import(url: str, digest: str) -> ImportReport | None:
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        cur.execute("""select file_name, mapping, run_id, rows_rejected, records_read, records_inserted,
                              records_seen_before, first_created_at, last_created_at, imported_at
                       from raw.file_imports where file_sha256 = %s""", (digest,))
        row = cur.fetchone()
    if row is None:
        return None
    name, mapping, run_id, rejected, read, inserted, seen, first, last, imported_at = row
    return ImportReport(name, digest, mapping, run_id, f"{imported_at:%Y-%m-%d}", True, imported_at, read, inserted,
                        seen, rejected, first_created_at=first, last_created_at=last)


def _attempt(url: str, run_id: str) -> tuple[str, str]:
    """(batch_date, extracted_at) of this import: those of an earlier, interrupted attempt of the
    same file when there is one (so raw and raw.load_batches agree per batch date), else now."""
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        cur.execute("select min(batch_date), min(extracted_at) from raw.load_batches where run_id = %s and source = %s",
                    (run_id, SOURCE))
        batch_date, extracted_at = cur.fetchone()
    if batch_date is not None:
        log.warning("%s: an earlier attempt was interrupted; completing it", run_id)
        return batch_date.isoformat(), extracted_at.isoformat()
    now = datetime.now(timezone.utc)
    return now.date().isoformat(), now.isoformat()


class _Columns:
    """The columns a record's message_id and created_at came from (for rejections made after
    mapping): the message spec whose constants and templates the record matches."""

    def __init__(self, mapping: Mapping):
        self.specs = []
        for spec in mapping.messages:
            constants = {n: f.value for n, f in spec.fields.items() if f.column is None and not f.derive}
            templates = {n: f.template.split("{value}", 1) for n, f in spec.fields.items()
                         if f.template and "{value}" in f.template}
            created, key = spec.fields.get("created_at"), spec.fields.get("message_id")
            self.specs.append((constants, templates, created.column if created else None, key.column if key else None))

    def of(self, record: dict) -> tuple[str | None, str | None]:
        """(created_at column, message_id column)."""
        for constants, templates, created, key in self.specs:
            if all(record.get(n) == v for n, v in constants.items()) and all(
                    isinstance(record.get(n), str) and record[n].startswith(a) and record[n].endswith(b)
                    for n, (a, b) in templates.items()):
                return created, key
        return self.specs[0][2], self.specs[0][3]


def _reason(line: int, column: str | None, problem: str) -> str:
    return f"line {line}, column {column}: {problem}" if column else f"line {line}: {problem}"


class _Rejections:
    """Rejections spooled to a temporary CSV (memory first, disk when large), copied to the
    quarantine in the final transaction."""

    def __init__(self):
        self.spool = tempfile.SpooledTemporaryFile(max_size=16 << 20, mode="w+", encoding="utf-8", newline="")
        self.writer = csv.writer(self.spool)
        self.count = 0
        self.first: list[str] = []

    def add(self, reason: str, text: str) -> None:
        text = text.replace("\x00", "\ufffd")  # PostgreSQL text holds no NUL
        # the reason names the line: two identical rows rejected on two lines are two rejections
        self.writer.writerow((safe_text(text), sha256(f"{reason}\n{text}"), reason))
        self.count += 1
        if len(self.first) < FIRST_REASONS:
            self.first.append(reason)

    def copy_to_quarantine(self, cur, file_name: str, run_id: str, batch_date: str, extracted_at: str) -> None:
        if not self.count:
            return
        self.spool.seek(0)
        cur.execute("create temporary table rejected (record_text text, record_sha256 text, reason text) on commit drop")
        cur.copy_expert("copy rejected (record_text, record_sha256, reason) from stdin with (format csv)", self.spool)
        cur.execute("""insert into raw.quarantine (source, account_id, record_text, record_sha256, reason, run_id,
                                                   batch_date, extracted_at)
                       select %s, %s, record_text, record_sha256, reason, %s, %s, %s from rejected
                       on conflict (source, account_id, record_sha256) do nothing""",
                    (SOURCE, file_name, run_id, batch_date, extracted_at))

    def close(self) -> None:
        self.spool.close()


def _import(path: Path, mapping: Mapping, constants: dict | None, url: str, digest: str, keep_keys: bool,
            progress: Callable[[int], None] | None) -> ImportReport:
    run_id = run_id_of(digest)
    batch_date, extracted_at = _attempt(url, run_id)
    first_ok, end_ok = measurable_window()
    known_accounts = institution_accounts()
    account_field = next((spec.fields["account_id"] for spec in mapping.messages if "account_id" in spec.fields), None)
    account_column = account_field.column if account_field is not None else None
    columns = _Columns(mapping)
    lines: dict[str, dict[str, int]] = defaultdict(dict)   # account -> record key -> line it was read on
    pending: dict[str, list[dict]] = defaultdict(list)
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    rejections = _Rejections()
    first = last = None
    items = 0

    def flush(account: str) -> None:
        records = pending.pop(account)
        result = load_batch({"meta": {"source": SOURCE, "account_id": account, "run_id": run_id,
                                      "batch_date": batch_date, "extracted_at": extracted_at, "cutoff": None,
                                      "cursor_before": None, "cursor_after": None},
                             "records": records}, url)
        for name in ("received", "inserted", "quarantined", "duplicated"):
            totals[account][name] += getattr(result, name)

    try:
        for item in read_file(path, mapping, constants=constants):
            items += 1
            if progress and items % PROGRESS_EVERY == 0:
                progress(items)
            if not item.ok:
                rejections.add(item.reason, item.raw)
                continue
            record = item.record
            key, account = record["record_key"], record["account_id"]
            # what the warehouse cannot store (storable.problem) is rejected naming its line, and
            # so is a time a mapping without a time transform left unparsed
            problem = storable_problem(record)
            if problem is None:
                try:
                    created = datetime.fromisoformat(record["created_at"])
                    created.astimezone(timezone.utc)
                except (TypeError, ValueError, OverflowError):
                    problem = "created_at is not a time that can be converted to UTC"
            if problem is not None:
                rejections.add(_reason(item.line, None, problem), quarantine_text(record)[0])
                continue
            if not first_ok <= created < end_ok:
                column = columns.of(record)[0]
                rejections.add(_reason(item.line, column,
                                       f"{record['created_at']} is in the future: records written after "
                                       "the import cannot be measured"),  # no clock in a reason: it keys the quarantine
                               canonical_json(record))
                continue
            if account not in known_accounts:
                rejections.add(_reason(item.line, account_column,
                                       f"account {account!r} names no institution of the institutions seed (an "
                                       f"institution id or one of its account ids; or give --institution)"),
                               canonical_json(record))
                continue
            seen = lines[account]
            if key in seen:
                column = columns.of(record)[1]
                rejections.add(_reason(item.line, column, f"message id {record['message_id']} already read on "
                                                          f"line {seen[key]}"), canonical_json(record))
                continue
            seen[key] = item.line
            first = created if first is None or created < first else first
            last = created if last is None or created > last else last
            pending[account].append(record)
            if len(pending[account]) >= CHUNK_RECORDS:
                flush(account)
        for account in list(pending):
            flush(account)
        report = _finish(url, path.name, mapping.name, digest, run_id, batch_date, extracted_at, rejections,
                         totals, sum(map(len, lines.values())), first, last)
    finally:
        rejections.close()
    report.accounts = {account: t["received"] for account, t in totals.items()}
    if keep_keys:
        report.record_keys = [key for seen in lines.values() for key in seen]
    log.info("%s: %d records read, %d new in raw, %d already there, %d rejected (run %s)", report.file_name,
             report.records_read, report.records_inserted, report.records_seen_before, report.rows_rejected, run_id)
    return report


def _finish(url: str, file_name: str, mapping_name: str, digest: str, run_id: str, batch_date: str,
            extracted_at: str, rejections: _Rejections, totals: dict, records: int, first, last) -> ImportReport:
    """One transaction: the rejections into the quarantine, the import's totals on its ledger rows
    in raw.load_batches (load_batch counted per chunk), and the raw.file_imports row, last."""
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        rejections.copy_to_quarantine(cur, file_name, run_id, batch_date, extracted_at)
        for account, t in totals.items():
            cur.execute("""update raw.load_batches
                           set records_received = %(received)s, records_quarantined = %(quarantined)s,
                               records_duplicated = %(duplicated)s,
                               records_seen_before = %(received)s - records_inserted - %(quarantined)s - %(duplicated)s
                           where run_id = %(run_id)s and source = %(source)s and account_id = %(account)s""",
                        {**t, "run_id": run_id, "source": SOURCE, "account": account})
        # rows of this run in raw, an interrupted attempt's included
        cur.execute(f"select count(*) from raw.{SOURCE} where run_id = %s", (run_id,))
        inserted = cur.fetchone()[0]
        rejected = rejections.count + sum(t["quarantined"] for t in totals.values())
        seen = records - inserted - sum(t["quarantined"] + t["duplicated"] for t in totals.values())
        cur.execute("""insert into raw.file_imports (file_sha256, file_name, mapping, run_id, rows_rejected,
                           records_read, records_inserted, records_seen_before, first_created_at, last_created_at)
                       values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) returning imported_at""",
                    (digest, file_name, mapping_name, run_id, rejected, records, inserted, seen, first, last))
        imported_at = cur.fetchone()[0]
    return ImportReport(file_name, digest, mapping_name, run_id, batch_date, False, imported_at, records, inserted,
                        seen, rejected, rejections.first, first_created_at=first, last_created_at=last)


# --- the inbox (the import DAG) ----------------------------------------------------------------

def inbox_dir() -> Path:
    return config.output_dir("imports", "inbox")


def done_dir() -> Path:
    return config.output_dir("imports", "done")


def inbox_files() -> list[str]:
    """Files waiting in the inbox, in name order (hidden and partial ``.part`` files skipped)."""
    return sorted(str(p) for p in inbox_dir().iterdir()
                  if p.is_file() and not p.name.startswith(".") and not p.name.endswith(".part"))


def move_out_of_inbox(path: str | Path, digest: str) -> Path | None:
    """Move an imported file from the inbox to done (a name already there gets the content hash
    appended) and return where it went; a file outside the inbox stays where it is (None)."""
    path = Path(path)
    if path.resolve().parent != inbox_dir().resolve():
        return None
    target = done_dir() / path.name
    if target.exists():
        target = target.with_name(f"{path.stem}__{digest[:12]}{path.suffix}")
    shutil.move(str(path), target)
    return target
