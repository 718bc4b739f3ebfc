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
