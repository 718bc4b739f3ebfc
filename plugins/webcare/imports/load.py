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
import json
import logging
import shutil
import tempfile
import textwrap
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from webcare import config, warehouse
from webcare.imports import accounts as registry
from webcare.imports.accounts import AccountBook
from webcare.imports.errors import ImportFileError, ImportPathNotAllowed
from webcare.imports.mapping import Mapping, load_mapping
from webcare.imports.reader import file_sha256, read_file
from webcare.load import canonical_json, load_batch, sha256
from webcare.storable import problem as storable_problem, quarantine_text, safe_text

log = logging.getLogger(__name__)

SOURCE = "imported_messages"
CHUNK_RECORDS = 50_000      # records per load_batch call (one transaction each)
FIRST_REASONS = 10          # rejection reasons kept in the report
PROGRESS_EVERY = 10_000     # messages between progress callbacks


@dataclass(frozen=True)
class Registration:
    """--register-accounts: unknown accounts become institutions of this zone and kind."""
    time_zone: str
    kind: str = "other"


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
    lines_rejected: int = 0         # lines of the file still rejected (raw.file_import_rejections)
    attempts: int = 1               # imports of these bytes (the first and each --retry-rejected)
    retried: bool = False           # this run re-processed the lines an earlier import rejected
    lines_retried: int = 0
    lines_fixed: int = 0            # of those, the lines that loaded this time
    unknown_accounts: dict[str, int] = field(default_factory=dict)  # account -> messages, naming no institution
    registered: dict[str, str] = field(default_factory=dict)        # account -> institution id registered now
    # the file's inbound messages, with keep_keys=True: (line, account, institution id, channel, native id, message id)
    messages: list[tuple] | None = field(default=None, repr=False)

    @property
    def record_keys(self) -> list[str] | None:
        return None if self.messages is None else [m[4] for m in self.messages]

    def as_dict(self) -> dict:
        """JSON-friendly, without the messages."""
        data = asdict(self)
        data.pop("messages")
        for name in ("imported_at", "first_created_at", "last_created_at"):
            data[name] = data[name].isoformat() if data[name] else None
        return data

    def retry_hint(self) -> str:
        return (f"{self.lines_rejected:,} lines of it are still rejected (raw.file_import_rejections): after "
                "fixing their cause (the mapping, the seeds, or with --register-accounts), run the same command "
                "with --retry-rejected to re-process them, and only them")

    def summary(self) -> str:
        if self.already_imported:
            when = f"{self.imported_at:%Y-%m-%d %H:%M:%S %Z}" if self.imported_at else "earlier"
            text = (f"{self.file_name}: already imported on {when} (run {self.run_id}, "
                    f"{self.records_read:,} records, {self.rows_rejected:,} rejected): nothing changed")
            return text + ("\n  " + self.retry_hint() if self.lines_rejected else "")
        title = "re-processing the rejected lines of " if self.retried else ""
        lines = [f"{title}{self.file_name} ({self.mapping}, run {self.run_id}, sha256 {self.file_sha256[:16]}...)"]
        if self.retried:
            lines.append(f"  retried   {self.lines_retried:>10,} lines rejected before; {self.lines_fixed:,} of them loaded now")
        lines += [f"  read      {self.records_read:>10,} records",
                  f"  loaded    {self.records_inserted:>10,} new rows in raw.{SOURCE}",
                  f"  already   {self.records_seen_before:>10,} records were there (same content)",
                  f"  rejected  {self.rows_rejected:>10,} rows/messages, in raw.quarantine"]
        lines += [f"    {reason}" for reason in self.first_reasons]
        if self.rows_rejected > len(self.first_reasons):
            lines.append(f"    ... and {self.rows_rejected - len(self.first_reasons):,} more "
                         f"(raw.quarantine where source = '{SOURCE}' and run_id = '{self.run_id}')")
        if self.accounts:
            loaded = ", ".join(f"{account} {n:,}" for account, n in
                               sorted(self.accounts.items(), key=lambda a: (-a[1], a[0])))
            lines.append(f"  accounts  {len(self.accounts):>10,} with records loaded:")
            lines += textwrap.wrap(loaded, 100, initial_indent="    ", subsequent_indent="    ")
        if self.registered:
            lines.append(f"  registered {len(self.registered):>9,} accounts as institutions "
                         "(reference.registered_institutions; no schedule nor SLA policy until the seeds give them):")
            lines += [f"    {account} -> {institution}" for account, institution in sorted(self.registered.items())]
        if self.unknown_accounts:
            lines.append(f"  unknown   {len(self.unknown_accounts):>10,} accounts name no institution; their messages "
                         "are rejected (register them with --register-accounts --time-zone ZONE):")
            lines += [f"    {account}: {n:,} messages" for account, n in
                      sorted(self.unknown_accounts.items(), key=lambda a: (-a[1], a[0]))]
        if self.first_created_at:
            lines.append(f"  written   {self.first_created_at:%Y-%m-%d %H:%M} to {self.last_created_at:%Y-%m-%d %H:%M} UTC")
        if self.lines_rejected:
            lines.append("  " + self.retry_hint())
        return "\n".join(lines)


def run_id_of(digest: str) -> str:
    return f"import__{digest[:16]}"


def measurable_window() -> tuple[datetime, datetime]:
    """[first, end) instants an imported record may have: any time before the import. The warehouse
    calendar follows the data (int_calendar_bounds), so old history is measurable; a record from the
    future is not (the marts gate would stop the build on it)."""
    return datetime.min.replace(tzinfo=timezone.utc), datetime.now(timezone.utc)


@warehouse.acting_as("loader")
def import_file(path: str | Path, mapping: str | Path | Mapping, constants: dict | None = None,
                url: str | None = None, *, keep_keys: bool = False,
                progress: Callable[[dict], None] | None = None, retry_rejected: bool = False,
                register: Registration | None = None) -> ImportReport:
    """Import one export file (see the module's docstring); returns what happened.

    ``mapping`` is a shipped mapping's name, a path to a mapping file, or a ``Mapping``;
    ``constants`` sets mapping constants at import time (``{"account_id": "hsn"}``).
    ``keep_keys`` keeps the file's inbound messages in the report (for KPIs and --out; a file
    already imported is then read again, loading nothing); ``progress`` is called with
    ``{"rows", "rejected"}`` every 10,000 rows and at the end. ``retry_rejected``: a file already
    imported has the lines it rejected re-processed (and only those). ``register``: accounts that
    name no institution are registered as institutions (else their messages are rejected).
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
        if earlier is None:
            return _import(path, mapping, constants, url, digest, keep_keys, progress, register, None)
        if retry_rejected and earlier.lines_rejected:
            return _import(path, mapping, constants, url, digest, keep_keys, progress, register, earlier)
        log.info("%s: already imported on %s (run %s): nothing changed", path.name, earlier.imported_at,
                 earlier.run_id)
        if keep_keys:
            earlier.messages = _import(path, mapping, constants, url, digest, True, progress, register, earlier,
                                       read_only=True).messages
        return earlier


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
                              records_seen_before, first_created_at, last_created_at, imported_at, attempts,
                              (select count(*) from raw.file_import_rejections r
                               where r.file_sha256 = f.file_sha256 and r.loaded_at is null)
                       from raw.file_imports f where file_sha256 = %s""", (digest,))
        row = cur.fetchone()
    if row is None:
        return None
    name, mapping, run_id, rejected, read, inserted, seen, first, last, imported_at, attempts, pending = row
    report = ImportReport(name, digest, mapping, run_id, f"{imported_at:%Y-%m-%d}", True, imported_at, read, inserted,
                          seen, rejected, first_created_at=first, last_created_at=last, lines_rejected=pending,
                          attempts=attempts)
    return report


def _pending_lines(url: str, digest: str) -> set[int]:
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        cur.execute("select line from raw.file_import_rejections where file_sha256 = %s and loaded_at is null",
                    (digest,))
        return {line for (line,) in cur.fetchall()}


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
        first = mapping.messages[0].fields
        account = first.get("account_id")
        self.account = account.column if account is not None and account.column else None
        self.derived = account is not None and bool(account.derive)
        self.author = first["author_id"].column if "author_id" in first else None
        self.text = first["text"].column if "text" in first else None

    def of(self, record: dict) -> tuple[str | None, str | None]:
        """(created_at column, message_id column)."""
        for constants, templates, created, key in self.specs:
            if all(record.get(n) == v for n, v in constants.items()) and all(
                    isinstance(record.get(n), str) and record[n].startswith(a) and record[n].endswith(b)
                    for n, (a, b) in templates.items()):
                return created, key
        return self.specs[0][2], self.specs[0][3]

    def account_of(self, record: dict) -> str | None:
        """The column an account came from: its column, or (from the data) the author of an
        institution message and the text (its @mentions) of a patient's."""
        if self.derived:
            return self.author if record.get("is_institution") else self.text
        return self.account


def _reason(line: int, column: str | None, problem: str) -> str:
    return f"line {line}, column {column}: {problem}" if column else f"line {line}: {problem}"


class _Rejections:
    """Rejections spooled to a temporary CSV (memory first, disk when large), copied to the
    quarantine in the final transaction, with the line each came from (the import ledger)."""

    def __init__(self):
        self.spool = tempfile.SpooledTemporaryFile(max_size=16 << 20, mode="w+", encoding="utf-8", newline="")
        self.writer = csv.writer(self.spool)
        self.count = 0
        self.lines: set[int] = set()
        self.first: list[str] = []

    def add(self, line: int, reason: str, text: str) -> None:
        text = text.replace("\x00", "\ufffd")  # PostgreSQL text holds no NUL
        # the reason names the line: two identical rows rejected on two lines are two rejections
        self.writer.writerow((line, safe_text(text), sha256(f"{reason}\n{text}"), reason))
        self.count += 1
        self.lines.add(line)
        if len(self.first) < FIRST_REASONS:
            self.first.append(reason)

    def copy_to_quarantine(self, cur, file_name: str, run_id: str, batch_date: str, extracted_at: str) -> None:
        """Into raw.quarantine (a rejection already there is not repeated), and the temporary table
        ``rejected`` (line, reason, quarantine_id) for the ledger."""
        self.spool.seek(0)
        cur.execute("""create temporary table rejected (line integer, record_text text, record_sha256 text,
                                                        reason text, quarantine_id bigint) on commit drop""")
        cur.copy_expert("copy rejected (line, record_text, record_sha256, reason) from stdin with (format csv)",
                        self.spool)
        cur.execute("""insert into raw.quarantine (source, account_id, record_text, record_sha256, reason, run_id,
                                                   batch_date, extracted_at)
                       select %s, %s, record_text, record_sha256, reason, %s, %s, %s from rejected
                       on conflict (source, account_id, record_sha256) do nothing""",
                    (SOURCE, file_name, run_id, batch_date, extracted_at))
        cur.execute("""update rejected set quarantine_id = q.quarantine_id from raw.quarantine q
                       where q.source = %s and q.account_id = %s and q.record_sha256 = rejected.record_sha256""",
                    (SOURCE, file_name))

    def close(self) -> None:
        self.spool.close()


class _Held:
    """Records of accounts that name no institution, held (on disk when large) until the end of
    the file: registered then loaded (--register-accounts), or rejected naming the account."""

    def __init__(self):
        self.spool = tempfile.SpooledTemporaryFile(max_size=16 << 20, mode="w+", encoding="utf-8")
        self.counts: dict[str, int] = defaultdict(int)
        self.channels: dict[str, str] = {}

    def add(self, line: int, record: dict, order: int) -> None:
        self.spool.write(json.dumps([line, order, record], ensure_ascii=False) + "\n")
        self.counts[record["account_id"]] += 1
        self.channels.setdefault(record["account_id"], record["channel"])

    def __iter__(self):
        self.spool.seek(0)
        for text in self.spool:
            line, order, record = json.loads(text)
            yield line, order, record

    def close(self) -> None:
        self.spool.close()


def _import(path: Path, mapping: Mapping, constants: dict | None, url: str, digest: str, keep_keys: bool,
            progress: Callable[[dict], None] | None, register: Registration | None,
            earlier: ImportReport | None, read_only: bool = False) -> ImportReport:
    """Import the file; with ``earlier`` (a retry) only the lines still rejected are processed
    (every line is read: duplicate ids and the messages for --out need them); ``read_only``
    collects the inbound messages and changes nothing."""
    run_id = run_id_of(digest) + (f"__retry{earlier.attempts}" if earlier is not None and not read_only else "")
    only = _pending_lines(url, digest) if earlier is not None and not read_only else set() if read_only else None
    batch_date, extracted_at = _attempt(url, run_id) if not read_only else (None, None)
    first_ok, end_ok = measurable_window()
    book = AccountBook.from_warehouse(url, register.time_zone if register else None)
    columns = _Columns(mapping)
    lines: dict[str, dict[str, int]] = defaultdict(dict)   # account -> record key -> line it was read on
    pending: dict[str, list[dict]] = defaultdict(list)
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    inbound: list[tuple] = []       # (line, order read, account, channel, native id, message id) of inbound records
    rejections, held = _Rejections(), _Held()
    first = last = None
    items = suppressed = 0
    from webcare.erase import suppressions
    from webcare.sources import SOURCES

    erased_people = suppressions(url)  # erased on request (webcare.erase): never imported again

    def flush(account: str) -> None:
        records = pending.pop(account)
        result = load_batch({"meta": {"source": SOURCE, "account_id": account, "run_id": run_id,
                                      "batch_date": batch_date, "extracted_at": extracted_at, "cutoff": None,
                                      "cursor_before": None, "cursor_after": None},
                             "records": records}, url)
        for name in ("received", "inserted", "quarantined", "duplicated"):
            totals[account][name] += getattr(result, name)

    def keep(line: int, record: dict, order: int) -> None:
        nonlocal first, last
        if not record["is_institution"]:
            native = record["message_id"] if record.get("platform_ids") else record["record_key"]
            inbound.append((line, order, record["account_id"], record["channel"], native, record["message_id"]))
        if only is not None and line not in only:
            return
        created = datetime.fromisoformat(record["created_at"])
        first = created if first is None or created < first else first
        last = created if last is None or created > last else last
        pending[record["account_id"]].append(record)
        if len(pending[record["account_id"]]) >= CHUNK_RECORDS:
            flush(record["account_id"])

    def reject(line: int, reason: str, text: str) -> None:
        if only is None or line in only:
            rejections.add(line, reason, text)

    try:
        for item in read_file(path, mapping, constants=constants, accounts=book):
            items += 1
            if progress and items % PROGRESS_EVERY == 0:
                progress({"rows": items, "rejected": rejections.count})
            if not item.ok:
                reject(item.line, item.reason, item.raw)
                continue
            record = item.record
            if erased_people and erased_people.suppressed(SOURCES[SOURCE], record):
                suppressed += 1
                continue
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
                reject(item.line, _reason(item.line, None, problem), quarantine_text(record)[0])
                continue
            if not first_ok <= created < end_ok:
                column = columns.of(record)[0]
                reject(item.line, _reason(item.line, column, f"{record['created_at']} is in the future: records "
                                          "written after the import cannot be measured"),  # no clock in a reason: it keys the quarantine
                       canonical_json(record))
                continue
            seen = lines[account]
            if key in seen:
                column = columns.of(record)[1]
                reject(item.line, _reason(item.line, column, f"message id {record['message_id']} already read on "
                                                             f"line {seen[key]}"), canonical_json(record))
                continue
            seen[key] = item.line
            if account not in book:
                held.add(item.line, record, items)
                continue
            keep(item.line, record, items)
        if progress:
            progress({"rows": items, "rejected": rejections.count, "done": True})
        registered: dict[str, str] = {}
        unknown = dict(held.counts)
        if unknown and register is not None and not read_only:
            registered = registry.register(url, held.channels, register.time_zone, register.kind, path.name, run_id)
            book = AccountBook.from_warehouse(url)
        for line, order, record in held:
            if record["account_id"] in book:
                record["account_id"] = book.resolve(record["account_id"]).account
                keep(line, record, order)
            else:
                reject(line, _reason(line, columns.account_of(record),
                                     f"account {record['account_id']!r} names no institution of the institutions "
                                     "seed or the registered ones (an institution id or one of its account ids; "
                                     "give --register-accounts, or --institution)"), canonical_json(record))
        if read_only:
            report = ImportReport(path.name, digest, mapping.name, run_id, "", True)
        else:
            for account in list(pending):
                flush(account)
            report = _finish(url, path.name, mapping.name, digest, run_id, batch_date, extracted_at, rejections,
                             totals, first, last, earlier, only)
    finally:
        rejections.close()
        held.close()
    if suppressed:
        import logging

        logging.getLogger(__name__).info("%s: %d records of erased people not imported", path.name, suppressed)
    report.accounts = {account: t["received"] for account, t in totals.items()}
    report.registered = registered
    report.unknown_accounts = {} if registered else unknown
    if keep_keys:
        # in file order (a post to two accounts: in the order it mentions them)
        report.messages = [(line, account, book.resolve(account).institution_id if account in book else None,
                            channel, native, message_id)
                           for line, _, account, channel, native, message_id in sorted(inbound)]
    log.info("%s: %d records read, %d new in raw, %d already there, %d rejected (run %s)", report.file_name,
             report.records_read, report.records_inserted, report.records_seen_before, report.rows_rejected, run_id)
    return report


def _finish(url: str, file_name: str, mapping_name: str, digest: str, run_id: str, batch_date: str,
            extracted_at: str, rejections: _Rejections, totals: dict, first, last,
            earlier: ImportReport | None, retried: set[int] | None) -> ImportReport:
    """One transaction: the rejections into the quarantine, the import's totals on its ledger rows
    in raw.load_batches (load_batch counted per chunk), and the raw.file_imports row, last, with
    the rejected lines in raw.file_import_rejections (a retry: the lines that loaded now get
    loaded_at, their quarantine rows resolved_at)."""
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
        sent = sum(t["received"] for t in totals.values())
        seen = sent - inserted - sum(t["quarantined"] + t["duplicated"] for t in totals.values())
        if earlier is None:
            cur.execute("""insert into raw.file_imports (file_sha256, file_name, mapping, run_id, rows_rejected,
                               records_read, records_inserted, records_seen_before, first_created_at,
                               last_created_at, last_attempt_at)
                           values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, now()) returning imported_at""",
                        (digest, file_name, mapping_name, run_id, rejected, sent, inserted, seen, first, last))
            imported_at = cur.fetchone()[0]
        else:
            cur.execute("""update raw.file_imports
                           set rows_rejected = %s, records_read = records_read + %s,
                               records_inserted = records_inserted + %s,
                               first_created_at = least(first_created_at, %s),
                               last_created_at = greatest(last_created_at, %s),
                               attempts = attempts + 1, last_attempt_at = now()
                           where file_sha256 = %s returning imported_at""",
                        (rejected, sent, inserted, first, last, digest))
            imported_at = cur.fetchone()[0]
        # the ledger's rejected lines: new ones, and lines rejected again
        cur.execute("""insert into raw.file_import_rejections as r (file_sha256, line, reasons, quarantine_ids,
                                                                    first_run_id, last_run_id)
                       select %(sha)s, line, array_agg(reason order by reason),
                              array_agg(distinct quarantine_id), %(run)s, %(run)s
                       from rejected group by line
                       on conflict (file_sha256, line) do update
                       set reasons = excluded.reasons, quarantine_ids = excluded.quarantine_ids,
                           last_run_id = excluded.last_run_id, attempts = r.attempts + 1""",
                    {"sha": digest, "run": run_id})
        fixed = 0
        if earlier is not None:
            # lines retried that were not rejected again: loaded now; their quarantine rows resolved
            cur.execute("""with fixed as (
                               update raw.file_import_rejections r set loaded_at = now(), last_run_id = %(run)s,
                                                                       attempts = r.attempts + 1
                               where r.file_sha256 = %(sha)s and r.loaded_at is null and r.line = any(%(retried)s)
                                 and not exists (select 1 from rejected where rejected.line = r.line)
                               returning r.quarantine_ids)
                           update raw.quarantine q set resolved_at = now(), resolved_run_id = %(run)s
                           from (select unnest(quarantine_ids) as quarantine_id from fixed) ids
                           where q.quarantine_id = ids.quarantine_id""",
                        {"sha": digest, "run": run_id, "retried": sorted(retried or ())})
            cur.execute("select count(*) from raw.file_import_rejections where file_sha256 = %s and last_run_id = %s "
                        "and loaded_at is not null", (digest, run_id))
            fixed = cur.fetchone()[0]
            cur.execute("update raw.file_imports set rows_fixed = rows_fixed + %s where file_sha256 = %s", (fixed, digest))
        cur.execute("select count(*) from raw.file_import_rejections where file_sha256 = %s and loaded_at is null",
                    (digest,))
        still = cur.fetchone()[0]
    report = ImportReport(file_name, digest, mapping_name, run_id, batch_date, False, imported_at, sent, inserted, seen, rejected, rejections.first, first_created_at=first,
                          last_created_at=last, lines_rejected=still, retried=earlier is not None,
                          lines_retried=len(retried or ()) if earlier is not None else 0, lines_fixed=fixed)
    return report


# --- the inbox (the import DAG) ----------------------------------------------------------------

def inbox_dir() -> Path:
    return config.output_dir("imports", "inbox")


def done_dir() -> Path:
    return config.output_dir("imports", "done")


IMPORT_ROOTS_ENV = "WEBCARE_IMPORT_ROOTS"


def allowed_roots() -> list[Path]:
    """The folders the import DAG may read files from: the inbox, and those named in
    ``WEBCARE_IMPORT_ROOTS`` (separated by ``os.pathsep``), symbolic links resolved."""
    import os

    named = [Path(p).expanduser() for p in os.environ.get(IMPORT_ROOTS_ENV, "").split(os.pathsep) if p.strip()]
    return [root.resolve() for root in [inbox_dir(), *named]]


def allowed_path(path: str | Path) -> str:
    """``path`` if it is a file inside an allowed root (``allowed_roots``) once every symbolic link
    is resolved; else ImportPathNotAllowed, which names the path and the roots, never the file's
    content. The DAG's ``path`` parameter is typed by whoever may trigger it: without this it
    would read any file the worker can (``/proc/self/environ`` holds the tokens and the salt)."""
    resolved = Path(path).expanduser().resolve()
    roots = allowed_roots()
    if not any(resolved == root or root in resolved.parents for root in roots):
        raise ImportPathNotAllowed(
            f"{path}: imports read only files in the inbox ({roots[0]}) or in a folder named in"
            f" {IMPORT_ROOTS_ENV}; move the file into the inbox or name its folder there")
    if not resolved.is_file():
        raise ImportPathNotAllowed(f"{path}: not a regular file in an allowed folder")
    return str(path)


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
