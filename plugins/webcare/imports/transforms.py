"""The fixed set of value transforms a mapping can choose from.

Each transform takes the cell's text (never empty: empty cells are "missing" before any transform
runs) and the mapping's time zone, and returns the converted value or raises ``TransformError``
with a short reason. Adding a transform is a code change on purpose: mappings stay configuration.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from decimal import Decimal, InvalidOperation
from typing import Callable

from webcare.errors import describe
from webcare.imports.errors import TransformError

Transform = Callable[[str, tzinfo], object]

_TRUE = frozenset({"true", "t", "yes", "y", "1", "si", "sí", "s", "on"})
_FALSE = frozenset({"false", "f", "no", "n", "0", "off"})
_MONTHS = {m: i for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1)}
_TWITTER = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
    r"(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})")
_STARS = re.compile(r"(\d+(?:\.0+)?)\s*(?:/\s*5)?")
_DMY = ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y")


def rfc3339(moment: datetime) -> str:
    """An aware datetime as RFC 3339 in UTC (``Z``), fractional seconds kept when present."""
    return moment.astimezone(timezone.utc).replace(tzinfo=None).isoformat() + "Z"


def strip(value: str, tz: tzinfo) -> str:
    return value.strip()


def int_from_float(value: str, tz: tzinfo) -> str:
    """A non-negative whole number written as an integer, a float or in scientific notation
    ("119237", "119237.0", "1.19237e+05") as its decimal digits ("119237")."""
    text = value.strip()
    if text.isascii() and text.isdigit():
        return str(int(text))
    whole, dot, zeros = text.partition(".")
    if dot and whole.isascii() and whole.isdigit() and zeros and not zeros.strip("0"):
        return str(int(whole))  # "119237.0", the common float spelling, without Decimal
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise TransformError(f"not a whole number: {describe(value)}") from None
    if not number.is_finite() or number < 0 or number != number.to_integral_value():
        raise TransformError(f"not a whole number: {describe(value)}")
    return str(int(number))


def twitter_time(value: str, tz: tzinfo) -> str:
    """Twitter's classic format, "Tue Oct 31 22:10:47 +0000 2017", to RFC 3339 UTC."""
    match = _TWITTER.fullmatch(value.strip())
    if not match:
        raise TransformError(f"not a Twitter timestamp (like 'Tue Oct 31 22:10:47 +0000 2017'): {describe(value)}")
    month, day, hour, minute, second, sign, off_h, off_m, year = match.groups()
    offset = timedelta(hours=int(off_h), minutes=int(off_m)) * (1 if sign == "+" else -1)
    try:
        moment = datetime(int(year), _MONTHS[month], int(day), int(hour), int(minute), int(second),
                          tzinfo=timezone(offset))
    except ValueError as exc:
        raise TransformError(f"not a valid date ({exc}): {describe(value)}") from None
    return rfc3339(moment)


def iso_time(value: str, tz: tzinfo) -> str:
    """ISO 8601 ("2024-03-01T10:15:00+01:00", "...Z", "2024-03-01 10:15", "2024-03-01") to
    RFC 3339 UTC; a time without an offset is in the mapping's time zone."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise TransformError(f"not an ISO 8601 date or time: {describe(value)}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return rfc3339(moment)


def dmy_time(value: str, tz: tzinfo) -> str:
    """Day-first spreadsheet dates ("31/10/2017", "31/10/2017 22:10", "31/10/2017 22:10:47") in
    the mapping's time zone, to RFC 3339 UTC."""
    text = value.strip()
    for pattern in _DMY:
        try:
            return rfc3339(datetime.strptime(text, pattern).replace(tzinfo=tz))
        except ValueError:
            continue
    raise TransformError(f"not a day/month/year date: {describe(value)}")


def bool_from_text(value: str, tz: tzinfo) -> bool:
    """true/false, yes/no, 1/0, t/f, y/n, sí/no, on/off in any case (the string "False" is false)."""
    text = value.strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise TransformError(f"not a boolean (true/false, yes/no, 1/0): {describe(value)}")


def stars(value: str, tz: tzinfo) -> int:
    """A star rating 1-5 written "4", "4.0" or "4/5"."""
    match = _STARS.fullmatch(value.strip())
    if match:
        rating = int(Decimal(match.group(1)))
        if 1 <= rating <= 5:
            return rating
    raise TransformError(f"not a star rating 1-5: {describe(value)}")


TRANSFORMS: dict[str, Transform] = {
    "strip": strip,
    "int_from_float": int_from_float,
    "twitter_time": twitter_time,
    "iso_time": iso_time,
    "dmy_time": dmy_time,
    "bool_from_text": bool_from_text,
    "stars": stars,
}
