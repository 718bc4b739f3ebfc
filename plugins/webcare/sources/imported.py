"""Neutral records of file exports (webcare.imports): what a valid one is.

The reader already rejects rows it cannot map, naming the line and column; this is the loader's
last check of the fields the warehouse relies on, as for every API source.
"""
from __future__ import annotations

from webcare.errors import describe
from webcare.sources import InvalidRecord
from webcare.timestamps import parse_rfc3339


def record_key(record: object) -> str:
    if not isinstance(record, dict):
        raise InvalidRecord(f"not a JSON object: {type(record).__name__}")
    for field in ("record_key", "message_id", "channel", "account_id"):
        if not isinstance(record.get(field), str) or not record[field]:
            raise InvalidRecord(f"missing or invalid {field}: {describe(record.get(field))}")
    if not isinstance(record.get("is_institution"), bool):
        raise InvalidRecord(f"is_institution is not a boolean: {describe(record.get('is_institution'))}")
    try:
        parse_rfc3339(record.get("created_at"))
    except ValueError as exc:
        raise InvalidRecord(f"invalid created_at: {exc}") from None
    if record.get("in_reply_to_id") is not None and not isinstance(record["in_reply_to_id"], str):
        raise InvalidRecord(f"invalid in_reply_to_id: {describe(record['in_reply_to_id'])}")
    return record["record_key"]
