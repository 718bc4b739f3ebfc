"""Errors of the file imports: a mapping that cannot be used, a file that cannot be read.

A single bad row is never an exception: it comes out of the reader as a ``Rejection``.
"""
from __future__ import annotations

from webcare.errors import WebcareError


class FileImportError(WebcareError):
    """Base class of the file-import errors."""


class MappingError(FileImportError):
    """A mapping file is malformed: unknown key, unknown transform, missing required field."""


class ImportFileError(FileImportError):
    """The file as a whole cannot be imported with this mapping (e.g. its header lacks a column)."""


class ImportPathNotAllowed(FileImportError):
    """A file the import DAG was asked to read lies outside the places imports may read."""


class TransformError(ValueError):
    """One value could not be converted; the reader turns it into a rejection naming the column."""
