"""Parsing the APIs' RFC 3339 timestamps strictly."""
from __future__ import annotations

import re
from datetime import datetime, timezone

_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")


def parse_rfc3339(value: object) -> datetime:
    """Parse an RFC 3339 timestamp (``...Z`` or with an offset) into an aware UTC datetime."""
    if not isinstance(value, str) or not _RFC3339.match(value):
        raise ValueError(f"not an RFC 3339 timestamp: {value!r}")
    text = value.replace("Z", "+00:00")
    main, _, rest = text.partition(".")
    if rest:  # Python accepts at most 6 fractional digits
        digits = re.match(r"\d+", rest).group(0)
        text = f"{main}.{digits[:6]}{rest[len(digits):]}"
    return datetime.fromisoformat(text).astimezone(timezone.utc)


def to_rfc3339(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
