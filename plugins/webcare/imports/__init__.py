"""File imports: export files (CSV, JSON Lines) read through YAML mappings into neutral records.

    from webcare.imports import load_mapping, read_file, file_sha256

    mapping = load_mapping("customer_support_on_twitter")
    for item in read_file("twcs.csv", mapping, constants={"account_id": "HospSierraNorte"}):
        item.record if item.ok else item.reason

See docs/file-imports.md for the record shape, the mapping format, the transforms and the errors.
"""
from webcare.imports.errors import FileImportError, ImportFileError, MappingError
from webcare.imports.mapping import FIELDS, Mapping, load_mapping, parse_mapping
from webcare.imports.reader import (Imported, ImportResult, Rejection, file_sha256, read_file,
                                    record_key, split)
from webcare.imports.transforms import TRANSFORMS

__all__ = ["FIELDS", "TRANSFORMS", "FileImportError", "ImportFileError", "ImportResult", "Imported",
           "Mapping", "MappingError", "Rejection", "file_sha256", "load_mapping", "parse_mapping",
           "read_file", "record_key", "split"]
