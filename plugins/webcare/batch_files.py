"""Batch files: what an extraction hands to the loader, written so one pathological record
cannot make the file unwritable or unreadable.

A batch file is JSON Lines in ASCII: the first line is the batch's ``meta``, each further line
one record exactly as the API sent it. Each record is serialised on its own, ASCII-escaped (so a
lone surrogate is written as its ``\\uXXXX`` escape instead of failing to encode), at any depth
(``storable.dumps_any`` has no recursion limit), with ``Infinity`` for a number the client read
as infinite. Reading parses each line on its own: a line Python cannot parse (nested deeper
than its recursion limit, an integer of more than 4,300 digits) becomes a ``RawText`` that the
loader quarantines with the reason, and its batch-mates load. The file is written to a
temporary name and renamed, so a crash never leaves half a batch under the real name, and is
readable by its owner only (0600: it holds patients' messages as the APIs sent them).
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable

from webcare.storable import MAX_DEPTH, RawText, dumps_any

FORMAT = "webcare-batch/2"


def write(path: str | Path, meta: dict, records: Iterable) -> Path:
    """Write a batch file: the meta line, then one line per record; returns the path."""
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    # raw patient records: readable by the owner only (issue 13)
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)  # a .part left by a crash keeps its old mode otherwise
    with os.fdopen(descriptor, "w", encoding="ascii", newline="\n") as out:
        out.write(json.dumps({"format": FORMAT, "meta": meta}, ensure_ascii=True) + "\n")
        for record in records:
            out.write(dumps_any(record) + "\n")
    os.replace(partial, path)
    return path


def parse_line(text: str) -> object:
    """A record line as a value, or a ``RawText`` with the reason it cannot be read."""
    try:
        return json.loads(text)
    except RecursionError:
        return RawText(text, f"nested deeper than {MAX_DEPTH} levels")
    except ValueError as exc:
        reason = "an integer too long to read" if "digits" in str(exc) else "not readable JSON"
        return RawText(text, reason)


def read(path: str | Path) -> dict:
    """``{"meta": ..., "records": [...]}`` of a batch file (also of the single-JSON files written
    before this format)."""
    with open(path, encoding="utf-8", newline="\n") as handle:
        first = handle.readline()
        head = json.loads(first)
        if head.get("format") != FORMAT:  # the former layout: one JSON document
            return json.loads(first + handle.read())
        records = [parse_line(line.rstrip("\n")) for line in handle if line.strip()]
    return {"meta": head["meta"], "records": records}
