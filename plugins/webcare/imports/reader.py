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
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Union

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
                raise ImportFileError(f"{path.name}: the header lacks the columns {missing} of mapping "
                                      f"{mapping.name} (header: {header})")
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
        fields = []
        for f in spec.fields.values():
            if f.derive:
                continue
            if f.column is None:
                template[f.name] = f.value
                if f.value is None and f.required:
                    raise MappingError(f"mapping {mapping.name}: required field {f.name} is a null constant")
                continue
            fields.append((f.name, position[f.column], None, f.fn, f.required, f.template, f.negate, f.column))
        compiled.append(_Compiled(
            when=tuple(position[c] for c in spec.when), fields=fields, template=template,
            reply_chain=any(f.derive == "reply_chain" for f in spec.fields.values())))
    return compiled


def _values(compiled: _Compiled, cells: list, tz) -> tuple[dict | None, str | None, str | None]:
    """(record, None, None) or (None, column, problem)."""
    record = compiled.template.copy()
    for name, index, _, fn, required, template, negate, column in compiled.fields:
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


def _reply_parents(path: Path, mapping: Mapping, compiled: list[_Compiled]) -> dict[str, str]:
    """First pass for ``derive: reply_chain``: message id -> the id it replies to, for every reply."""
    parents: dict[str, str] = {}
    tz = mapping.tz
    for row in _rows(path, mapping):
        if row.cells is None:
            continue
        for spec in compiled:
            if spec.reply_chain and _wanted(spec, row.cells):
                record, _, _ = _values(spec, row.cells, tz)
                if record and record["in_reply_to_id"] is not None:
                    parents[record["message_id"]] = record["in_reply_to_id"]
    return parents


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


def read_file(path: str | Path, mapping: Mapping, *, constants: dict | None = None) -> Iterator[ImportResult]:
    """Every message of an export file as an ``Imported`` neutral record or a ``Rejection``.

    ``constants`` sets constants at import time (e.g. ``{"account_id": "HospSierraNorte"}``).
    Raises ``MappingError`` / ``ImportFileError`` when the file as a whole cannot be read
    (a constant not given, a header without the mapping's columns); single rows never raise.
    """
    path = Path(path)
    mapping = mapping.with_constants(constants)
    compiled = _compile(mapping, path.name)
    tz = mapping.tz
    root = _Roots(_reply_parents(path, mapping, compiled)) if any(c.reply_chain for c in compiled) else None
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
            record, column, problem = _values(spec, row.cells, tz)
            if record is None:
                yield Rejection(line, column, _reason(line, column, problem), row.raw or raw_of(row.source or row.cells))
                continue
            message_id = record["message_id"]
            if spec.reply_chain:
                record["conversation_id"] = root(message_id)
            record["record_key"] = prefix + message_id
            record["source_line"] = line
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
