"""Read an export file with a mapping: a stream of neutral records and rejections.

``read_file`` yields, in file order, an ``Imported`` (a neutral record) for every message a row
produces and a ``Rejection`` (line, column, reason, raw) for every row or message that cannot be
used; nothing is dropped silently (blank lines carry nothing and are skipped). Line numbers are
the 1-based physical line on which the row starts: a quoted field may span lines, and ``\\n``,
``\\r\\n`` and a lone ``\\r`` each end a physical line (as the csv module and editors count them).

``file_sha256`` is the idempotency key of an import: the same bytes give the same key, so a file
already imported can be recognised before reading it.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Union

from webcare.imports.accounts import AccountBook, seed_institutions
from webcare.imports.errors import ImportFileError, MappingError, TransformError
from webcare.imports.mapping import FIELDS, Mapping
from webcare.storable import MAX_DEPTH, MAX_RECORD_BYTES

CHUNK = 1 << 20


@dataclass(slots=True)
class Imported:
    """One neutral record (a JSON object: see docs/file-imports.md)."""
    line: int
    record: dict

    @property
    def ok(self) -> bool:
        return True


@dataclass(slots=True)
class Rejection:
    """A row (or one message of a row) that cannot be imported, and why."""
    line: int
    column: str | None
    reason: str   # "line 7, column created_at: not a Twitter timestamp (...): 'yesterday'"
    raw: str      # the row as read (a CSV line in the file's dialect, or the JSON line)

    @property
    def ok(self) -> bool:
        return False

    def as_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "reason": self.reason, "raw": self.raw}


ImportResult = Union[Imported, Rejection]


def file_sha256(path: str | Path) -> str:
    """SHA-256 of the file's bytes, read in 1 MiB chunks (the import's idempotency key)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def record_key(mapping: Mapping, message_id: str) -> str:
    """Stable key of a record: the mapping's name and the message id."""
    return f"{mapping.name}:{message_id}"


def split(results: Iterator[ImportResult]) -> tuple[list[dict], list[Rejection]]:
    """(records, rejections) of a whole file, for callers that want lists."""
    records, rejections = [], []
    for item in results:
        if item.ok:
            records.append(item.record)
        else:
            rejections.append(item)
    return records, rejections


# --- rows ------------------------------------------------------------------------------------

@dataclass(slots=True)
class _Row:
    line: int
    cells: list | None     # None: unreadable, see problem
    raw: str | None = None
    column: str | None = None
    problem: str | None = None
    source: list | None = None  # the row's cells in file order, for raw


def _clean(text: str, encoding: str) -> str:
    """Undecodable bytes (kept as surrogates while reading) shown as U+FFFD, so raw is valid text."""
    return text.encode(encoding, "surrogateescape").decode(encoding, "replace")


def _csv_rows(path: Path, mapping: Mapping) -> Iterator[_Row]:
    """The file's rows as cell lists in the order of ``mapping.columns``."""
    raw = _raw_maker(mapping)
    with open(path, encoding=mapping.encoding, errors="surrogateescape", newline="") as handle:
        reader = csv.reader(handle, delimiter=mapping.delimiter, quotechar=mapping.quotechar)
        columns = list(mapping.columns)
        if mapping.header:
            header = next(reader, None)
            if header is None:
                raise ImportFileError(f"{path.name}: empty file, expected a header with {columns}")
            header = [name.strip() for name in header]
            missing = [c for c in columns if c not in header]
            if missing:
                # the header is the file's first row: never echoed (a wrong file may hold anything)
                raise ImportFileError(f"{path.name}: the header lacks the columns {missing} of mapping "
                                      f"{mapping.name} (its first row has {len(header)} cells, not shown)")
            order = [header.index(c) for c in columns]
        else:
            header, order = columns, list(range(len(columns)))
        width = len(header)
        identity = order == list(range(width))
        previous = reader.line_num
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                line, previous = previous + 1, reader.line_num
                yield _Row(line, None, "", None, f"unreadable CSV ({exc})")
                continue
            line, previous = previous + 1, reader.line_num
            if not cells:
                continue
            if len(cells) != width:
                if len(cells) < width:
                    column = header[len(cells)]
                    problem = f"row has {len(cells)} of {width} columns, {column} and after missing"
                else:
                    column = f"#{width + 1}"
                    problem = f"row has {len(cells)} columns, the header {width}"
                yield _Row(line, None, raw(cells), column, problem)
                continue
            joined = "".join(cells)
            if "\x00" in joined:  # PostgreSQL stores no NUL, in text or jsonb
                column = next(header[i] for i, c in enumerate(cells) if "\x00" in c)
                yield _Row(line, None, raw(cells), column, NUL)
                continue
            if not joined.isascii():
                try:
                    joined.encode("utf-8")
                except UnicodeEncodeError:
                    column = next(header[i] for i, c in enumerate(cells) if not _encodable(c))
                    yield _Row(line, None, raw(cells), column, f"bytes that are not {mapping.encoding}")
                    continue
            # raw is built only if a message of the row is rejected (from source, the row as read)
            yield _Row(line, cells if identity else [cells[i] for i in order], source=cells)


NUL = "a NUL character (\\u0000, which PostgreSQL cannot store)"
SURROGATE = "a lone surrogate (not a Unicode character, UTF-8 cannot encode it)"


def _cell_problem(value: object) -> str | None:
    """Why a JSON value cannot be a cell of a record the warehouse stores, or None."""
    if isinstance(value, float) and not math.isfinite(value):
        return "a number out of range (read as infinity)" if not math.isnan(value) else "not a number (NaN)"
    if isinstance(value, str):
        if "\x00" in value:
            return NUL
        if not value.isascii() and not _encodable(value):
            return SURROGATE
    return None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def _jsonl_rows(path: Path, mapping: Mapping) -> Iterator[_Row]:
    columns = mapping.columns
    with open(path, encoding=mapping.encoding, errors="surrogateescape", newline="\n") as handle:
        for line, text in enumerate(handle, 1):
            if not text.strip():
                continue
            raw = _clean(text.rstrip("\r\n"), mapping.encoding)
            if len(text) > MAX_RECORD_BYTES:
                yield _Row(line, None, raw, None, f"a line of {len(text):,} characters, more than a record may hold "
                                                  f"({MAX_RECORD_BYTES:,} bytes)")
                continue
            try:
                obj = json.loads(text)
            except RecursionError:
                yield _Row(line, None, raw, None, f"nested deeper than {MAX_DEPTH} levels")
                continue
            except ValueError as exc:
                reason = "an integer too long to read" if "digits" in str(exc) else f"not JSON ({exc})"
                yield _Row(line, None, raw, None, reason)
                continue
            if not isinstance(obj, dict):
                yield _Row(line, None, raw, None, "not a JSON object")
                continue
            cells = []
            for column in columns:
                value = obj.get(column)
                if isinstance(value, (dict, list)):
                    yield _Row(line, None, raw, column, "a nested value where a single value belongs")
                    break
                problem = _cell_problem(value)
                if problem:
                    yield _Row(line, None, raw, column, problem)
                    break
                cells.append("" if value is None else value if isinstance(value, str) else str(value))
            else:
                yield _Row(line, cells, raw)


def _rows(path: Path, mapping: Mapping) -> Iterator[_Row]:
    return _csv_rows(path, mapping) if mapping.format == "csv" else _jsonl_rows(path, mapping)


# --- messages --------------------------------------------------------------------------------

@dataclass(slots=True)
class _Compiled:
    """A message spec ready for the hot loop: fields as tuples over column positions."""
    when: tuple[int, ...]
    fields: list[tuple]          # (name, index|None, constant, fn, required, template, negate, column)
    reply_chain: bool
    template: dict               # the record with constants filled, copied per message
    addressed: bool = False      # account_id: {derive: addressed_account}
    text_column: str | None = None


def _compile(mapping: Mapping, source_file: str) -> list[_Compiled]:
    position = {c: i for i, c in enumerate(mapping.columns)}
    compiled = []
    for spec in mapping.messages:
        template: dict[str, Any] = {name: None for name in FIELDS}
        for name, value in mapping.constants.items():
            if name not in spec.fields:
                if value is None:
                    raise MappingError(f"mapping {mapping.name} needs the constant {name!r} at import "
                                       f"time: read_file(..., constants={{{name!r}: ...}})")
                template[name] = value
        template.update(record_key=None, source_file=source_file, source_line=None)
        if mapping.platform_ids:
            template["platform_ids"] = True
        fields = []
        # with timezone: institution the account comes first: its institution's zone reads the times
        ordered = sorted(spec.fields.values(), key=lambda f: f.name != "account_id") \
            if mapping.zone_per_institution else spec.fields.values()
        for f in ordered:
            if f.derive:
                continue
            if f.column is None:
                template[f.name] = f.value
                if f.value is None and f.required:
                    raise MappingError(f"mapping {mapping.name}: required field {f.name} is a null constant")
                continue
            fields.append((f.name, position[f.column], None, f.fn, f.required, f.template, f.negate, f.column))
        text = spec.fields.get("text")
        compiled.append(_Compiled(
            when=tuple(position[c] for c in spec.when), fields=fields, template=template,
            reply_chain=any(f.derive == "reply_chain" for f in spec.fields.values()),
            addressed=any(f.derive == "addressed_account" for f in spec.fields.values()),
            text_column=text.column if text is not None else None))
    return compiled


def _values(compiled: _Compiled, cells: list, tz, zone_of=None) -> tuple[dict | None, str | None, str | None]:
    """(record, None, None) or (None, column, problem). ``zone_of(account)``: the zone of the
    account's institution (timezone: institution; account_id is then the first field)."""
    record = compiled.template.copy()
    for name, index, _, fn, required, template, negate, column in compiled.fields:
        if zone_of is not None and name != "account_id" and record["account_id"] is not None:
            tz = zone_of(record["account_id"]) or tz
            zone_of = None
        cell = cells[index]
        if not cell or cell.isspace():
            if required:
                return None, column, "missing value"
            continue
        if fn is not None:
            try:
                cell = fn(cell, tz)
            except TransformError as exc:
                return None, column, str(exc)
            except OverflowError:  # year 1 or 9999 moved by an offset or time zone
                return None, column, "a date outside the range that can be converted to UTC"
            except ValueError:     # e.g. an integer of more than 4,300 digits
                return None, column, "a value that cannot be converted (too long)"
        if negate:
            cell = not cell
        if template is not None:
            cell = template.replace("{value}", str(cell))
        record[name] = cell
    return record, None, None


def _wanted(compiled: _Compiled, cells: list) -> bool:
    if not compiled.when:
        return True
    return any(cells[i] and not cells[i].isspace() for i in compiled.when)


def _first_pass(path: Path, mapping: Mapping, compiled: list[_Compiled]) -> tuple[dict, list]:
    """First pass for ``derive``: message id -> the id it replies to, for every reply; and, for
    ``addressed_account``, every institution message as (message id, parent, created_at, line, author)."""
    parents: dict[str, str] = {}
    institution: list[tuple] = []
    tz = mapping.tz
    for row in _rows(path, mapping):
        if row.cells is None:
            continue
        for spec in compiled:
            if (spec.reply_chain or spec.addressed) and _wanted(spec, row.cells):
                record, _, _ = _values(spec, row.cells, tz)
                if not record:
                    continue
                if record["in_reply_to_id"] is not None:
                    parents[record["message_id"]] = record["in_reply_to_id"]
                if spec.addressed and record["is_institution"] and record["author_id"]:
                    institution.append((record["message_id"], record["in_reply_to_id"], record["created_at"],
                                        row.line, record["author_id"]))
    return parents, institution


# an @handle as X writes it: 1-15 letters, digits or _, not inside a word or an e-mail address
MENTION = re.compile(r"(?<![A-Za-z0-9_@])@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@])")
NO_ACCOUNT = "addresses no known account and no account answered it"


class _Addressed:
    """The accounts of each message of a multi-account file (docs/file-imports.md#accounts-from-the-data):
    an institution message's author; a patient message's mentioned known accounts, else its
    earliest direct replier's account, else the account of its conversation's earliest institution
    message. Known: the book's identifiers and the file's institution authors (any case)."""

    def __init__(self, book: AccountBook, institution: list[tuple], root: "_Roots"):
        self.book = book
        self.authors: dict[str, str] = {}       # lower-cased -> first spelling in the file
        self.direct: dict[str, tuple] = {}      # message id -> earliest (created_at, line, author) replying to it
        self.conversation: dict[str, tuple] = {}  # root -> earliest (created_at, line, author) of the conversation
        for message_id, parent, created, line, author in sorted(institution, key=lambda m: m[3]):
            self.authors.setdefault(author.lower(), author)
            entry = (created, line, author)
            if parent is not None and (parent not in self.direct or entry < self.direct[parent]):
                self.direct[parent] = entry
            top = root(message_id)
            if top not in self.conversation or entry < self.conversation[top]:
                self.conversation[top] = entry

    def canonical(self, name: str) -> str | None:
        known = self.book.resolve(name)
        return known.account if known else self.authors.get(name.lower())

    def accounts(self, record: dict) -> list[str]:
        if record["is_institution"]:
            return [self.canonical(record["author_id"]) or record["author_id"]]
        found: list[str] = []
        for handle in MENTION.findall(record["text"] or ""):
            account = self.canonical(handle)
            if account is not None and account not in found:
                found.append(account)
        if found:
            return found
        for entry in (self.direct.get(record["message_id"]), self.conversation.get(record["conversation_id"])):
            if entry is not None:
                return [self.canonical(entry[2])]
        return []


class _Roots:
    """Root of each message's reply chain within the file; a chain whose top is not in the file
    ends at the id it last replies to. Cycles end where they close."""

    def __init__(self, parents: dict[str, str]):
        self.parents = parents
        self.roots: dict[str, str] = {}

    def __call__(self, message_id: str) -> str:
        parents, roots = self.parents, self.roots
        if message_id not in parents:
            return message_id
        chain, seen, current = [], set(), message_id
        while True:
            if current in roots:
                root = roots[current]
                break
            parent = parents.get(current)
            if parent is None or current in seen:
                root = current
                break
            chain.append(current)
            seen.add(current)
            current = parent
        for member in chain:
            roots[member] = root
        return root


def read_file(path: str | Path, mapping: Mapping, *, constants: dict | None = None,
              accounts: AccountBook | None = None) -> Iterator[ImportResult]:
    """Every message of an export file as an ``Imported`` neutral record or a ``Rejection``.

    ``constants`` sets constants at import time (e.g. ``{"account_id": "HospSierraNorte"}``).
    ``accounts`` resolves the file's accounts (default: the institutions seed's): an account that
    names an institution is written in its registered spelling, any case matches.
    Raises ``MappingError`` / ``ImportFileError`` when the file as a whole cannot be read
    (a constant not given, a header without the mapping's columns); single rows never raise.
    """
    path = Path(path)
    mapping = mapping.with_constants(constants)
    compiled = _compile(mapping, path.name)
    book = accounts if accounts is not None else AccountBook(seed_institutions())
    tz = mapping.tz
    root = addressed = None
    if any(c.reply_chain or c.addressed for c in compiled):
        parents, institution = _first_pass(path, mapping, compiled)
        root = _Roots(parents)
        if any(c.addressed for c in compiled):
            addressed = _Addressed(book, institution, root)
    zone_of = (lambda account: book.zone(account)) if mapping.zone_per_institution else None
    prefix = mapping.name + ":"
    raw_of = _raw_maker(mapping)
    for row in _rows(path, mapping):
        line = row.line
        if row.cells is None:
            yield Rejection(line, row.column, _reason(line, row.column, row.problem), row.raw)
            continue
        for spec in compiled:
            if not _wanted(spec, row.cells):
                continue
            record, column, problem = _values(spec, row.cells, tz, zone_of)
            if record is None:
                yield Rejection(line, column, _reason(line, column, problem), row.raw or raw_of(row.source or row.cells))
                continue
            message_id = record["message_id"]
            if spec.reply_chain:
                record["conversation_id"] = root(message_id)
            record["record_key"] = prefix + message_id
            record["source_line"] = line
            if spec.addressed:
                targets = addressed.accounts(record)
                if not targets:
                    yield Rejection(line, spec.text_column, _reason(line, spec.text_column, NO_ACCOUNT),
                                    row.raw or raw_of(row.source or row.cells))
                    continue
                for account in targets:  # a post addressed to two accounts is a message of each
                    yield Imported(line, {**record, "account_id": account})
                continue
            if record["account_id"] is not None:
                known = book.resolve(str(record["account_id"]))
                if known is not None:
                    record["account_id"] = known.account
            yield Imported(line, record)


def _reason(line: int, column: str | None, problem: str) -> str:
    return f"line {line}, column {column}: {problem}" if column else f"line {line}: {problem}"


def _raw_maker(mapping: Mapping):
    def raw(cells: list) -> str:
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=mapping.delimiter, quotechar=mapping.quotechar,
                   lineterminator="").writerow(cells)
        return _clean(buffer.getvalue(), mapping.encoding)
    return raw
