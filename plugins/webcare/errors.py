"""Errors callers can catch precisely."""
from __future__ import annotations


class WebcareError(Exception):
    """Base class of every error this package raises on purpose."""


class SourceError(WebcareError):
    """An API did not give us what we asked for."""


class RateLimited(SourceError):
    def __init__(self, message: str, reset_at: float | None = None):
        super().__init__(message)
        self.reset_at = reset_at


class AuthError(SourceError):
    """The API refused our credentials (401/403): retrying will not help."""


class ServerError(SourceError):
    """The API failed (5xx) more often than we retry."""


class BadPayload(SourceError):
    """The API answered with something that is not the documented shape."""


class WarehouseError(WebcareError):
    """The warehouse could not be reached or set up."""


class ValidationFailed(WebcareError):
    """A data-quality gate failed: downstream steps must not run."""


def describe(value: object) -> str:
    """What a value is, never what it says: for quarantine reasons, logs and reports, which must not
    quote personal data (issue 13). ``describe("Lucía")`` is ``a text of 5 characters``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        if not value:
            return "an empty text"
        return f"a text of {len(value):,} character{'s' if len(value) > 1 else ''}"
    if isinstance(value, dict):
        return f"an object of {len(value)} field{'s' if len(value) != 1 else ''}"
    if isinstance(value, (list, tuple)):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    return f"a {type(value).__name__}"

