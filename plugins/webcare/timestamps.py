"""Parsing the APIs' RFC 3339 timestamps strictly, within a plausible range of years."""
from __future__ import annotations

import re
from datetime import datetime, timezone

_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")
_DIGITS = re.compile(r"\d+")
# No record of a social network predates 2000, and a year past 2099 is a sentinel or garbage
# (9999-12-31 is a common "never"); outside this range a timestamp is invalid, so it can never
# reach a cursor, a watermark or the calendar of the marts. Python's datetime itself stops at
# years 1 and 9999, where converting an offset to UTC overflows.
PLAUSIBLE_YEARS = (2000, 2099)


def parse_rfc3339(value: object) -> datetime:
    """Parse an RFC 3339 timestamp (``...Z`` or with an offset) into an aware UTC datetime.

    Raises ValueError for anything else, for an impossible date (30 February) and for a year
    outside ``PLAUSIBLE_YEARS``."""
    if not isinstance(value, str) or not _RFC3339.match(value):
        from webcare.errors import describe

        raise ValueError(f"not an RFC 3339 timestamp: {describe(value)}")  # never the value itself
    year = int(value[:4])
    if not PLAUSIBLE_YEARS[0] <= year <= PLAUSIBLE_YEARS[1]:
        raise ValueError(f"year {year} outside the plausible range {PLAUSIBLE_YEARS[0]}..{PLAUSIBLE_YEARS[1]}")
    text = value.replace("Z", "+00:00")
    main, _, rest = text.partition(".")
    if rest:  # Python accepts at most 6 fractional digits
        digits = _DIGITS.match(rest).group(0)
        text = f"{main}.{digits[:6]}{rest[len(digits):]}"
    try:
        return datetime.fromisoformat(text).astimezone(timezone.utc)
    except (ValueError, OverflowError):  # 2026-02-30, hour 25, offset +99:00
        raise ValueError("not a valid date and time (a day, hour, minute or offset out of range)") from None


def to_rfc3339(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
