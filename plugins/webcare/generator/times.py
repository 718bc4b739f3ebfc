"""RFC 3339 timestamps as the two APIs write them."""
from datetime import datetime, timezone


def x_time(moment: datetime) -> str:
    """X style: millisecond precision, `Z` suffix."""
    utc = moment.astimezone(timezone.utc)
    return f"{utc:%Y-%m-%dT%H:%M:%S}.{utc.microsecond // 1000:03d}Z"


def google_time(moment: datetime) -> str:
    """Google style: microsecond precision, `Z` suffix."""
    return f"{moment.astimezone(timezone.utc):%Y-%m-%dT%H:%M:%S.%f}Z"


def parse_time(text: str) -> datetime:
    """Parse an RFC 3339 timestamp into an aware UTC datetime."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"timestamp without offset: {text}")
    return moment.astimezone(timezone.utc)
