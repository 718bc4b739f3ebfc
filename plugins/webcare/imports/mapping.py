"""Mappings: how one kind of export file becomes neutral message records. Configuration, not code.

A mapping is a YAML file (see ``mappings/`` and docs/file-imports.md): the file's format, its
columns, and for each message a row produces, where every neutral field comes from (a column
with an optional transform, or a constant). Unknown keys are errors, so a misspelt option never
silently does nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from webcare.imports.errors import MappingError
from webcare.imports.transforms import TRANSFORMS

MAPPINGS_DIR = Path(__file__).with_name("mappings")

# The neutral record, in this order (record_key, source_file and source_line are set by the reader).
FIELDS = ("message_id", "conversation_id", "in_reply_to_id", "author_id", "is_institution",
          "created_at", "text", "channel", "account_id", "star_rating")
REQUIRED = frozenset({"message_id", "conversation_id", "is_institution", "created_at", "channel",
                      "account_id"})
FORMATS = ("csv", "jsonl")
# derive: the field's value comes from the whole file, not one row (docs/file-imports.md)
DERIVATIONS = {"conversation_id": "reply_chain", "account_id": "addressed_account"}
# timezone: institution reads times without an offset in the time zone of the account's institution
INSTITUTION_ZONE = "institution"

_MAPPING_KEYS = {"name", "description", "format", "encoding", "delimiter", "quotechar", "header",
                 "timezone", "columns", "constants", "messages", "platform_ids"}
_MESSAGE_KEYS = {"when", "fields"}
_FIELD_KEYS = {"column", "value", "transform", "required", "template", "negate", "derive"}


@dataclass(frozen=True)
class FieldSpec:
    """Where one neutral field of one message comes from."""
    name: str
    column: str | None = None        # the source column ...
    value: Any = None                # ... or a constant
    transform: str | None = None     # one of TRANSFORMS
    required: bool = False           # a missing value rejects the message
    template: str | None = None      # e.g. "{value}:reply", applied after the transform
    negate: bool = False             # for booleans: inbound=True means is_institution=False
    derive: str | None = None        # "reply_chain": conversation_id = root of the reply chain;
                                     # "addressed_account": account_id from authors, @handles and replies

    @property
    def fn(self) -> Callable | None:
        return TRANSFORMS[self.transform] if self.transform else None


@dataclass(frozen=True)
class MessageSpec:
    """One message a row produces; ``when`` lists columns of which at least one must be non-empty."""
    fields: dict[str, FieldSpec]
    when: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mapping:
    name: str
    format: str
    columns: tuple[str, ...]
    messages: tuple[MessageSpec, ...]
    constants: dict[str, Any] = field(default_factory=dict)
    encoding: str = "utf-8-sig"
    delimiter: str = ","
    quotechar: str = '"'
    header: bool = True
    timezone: str = "UTC"            # an IANA zone, or "institution": the account's institution's zone
    description: str = ""
    platform_ids: bool = False       # message ids are the platform's own (X tweet ids): see int_imports__messages

    @property
    def tz(self) -> ZoneInfo:
        """The zone of times without an offset (UTC stands in for ``institution`` until the account is known)."""
        return ZoneInfo("UTC" if self.zone_per_institution else self.timezone)

    @property
    def zone_per_institution(self) -> bool:
        return self.timezone == INSTITUTION_ZONE

    @property
    def derives_account(self) -> bool:
        return any(spec.fields.get("account_id") is not None and spec.fields["account_id"].derive
                   for spec in self.messages)

    def with_constants(self, overrides: dict[str, Any] | None) -> "Mapping":
        """This mapping with some constants set at import time (e.g. the account a file belongs to)."""
        if not overrides:
            return self
        unknown = set(overrides) - set(FIELDS)
        if unknown:
            raise MappingError(f"mapping {self.name}: constants for unknown fields {sorted(unknown)}")
        messages = self.messages
        if overrides.get("account_id") is not None:
            # one account for the whole file (--institution): no account from the data
            messages = tuple(MessageSpec(fields={n: f for n, f in spec.fields.items()
                                                 if not (n == "account_id" and f.derive)}, when=spec.when)
                             for spec in messages)
        return Mapping(**{**self.__dict__, "messages": messages, "constants": {**self.constants, **overrides}})


def _fail(where: str, problem: str) -> MappingError:
    return MappingError(f"{where}: {problem}")


def _field(where: str, name: str, raw: Any, columns: tuple[str, ...]) -> FieldSpec:
    if name not in FIELDS:
        raise _fail(where, f"unknown field {name!r} (fields: {', '.join(FIELDS)})")
    if not isinstance(raw, dict):
        raise _fail(where, f"field {name} must be a mapping like {{column: ...}}, not {raw!r}")
    unknown = set(raw) - _FIELD_KEYS
    if unknown:
        raise _fail(where, f"field {name}: unknown keys {sorted(unknown)} (allowed: {sorted(_FIELD_KEYS)})")
    sources = [key for key in ("column", "value", "derive") if key in raw]
    if len(sources) != 1:
        raise _fail(where, f"field {name}: give exactly one of column, value, derive")
    if "column" in raw and raw["column"] not in columns:
        raise _fail(where, f"field {name}: column {raw['column']!r} is not among the columns {list(columns)}")
    if raw.get("transform") is not None and raw["transform"] not in TRANSFORMS:
        raise _fail(where, f"field {name}: unknown transform {raw['transform']!r} "
                           f"(transforms: {', '.join(TRANSFORMS)})")
    if "derive" in raw and DERIVATIONS.get(name) != raw["derive"]:
        raise _fail(where, f"field {name}: derive is only {', '.join(f'{v!r} for {k}' for k, v in DERIVATIONS.items())}")
    template = raw.get("template")
    if template is not None and "{value}" not in str(template):
        raise _fail(where, f"field {name}: template must contain {{value}}")
    for flag in ("required", "negate"):
        if flag in raw and not isinstance(raw[flag], bool):
            raise _fail(where, f"field {name}: {flag} must be true or false, not {raw[flag]!r}")
    return FieldSpec(name=name, column=raw.get("column"), value=raw.get("value"),
                     transform=raw.get("transform"), required=raw.get("required", name in REQUIRED),
                     template=template, negate=raw.get("negate", False), derive=raw.get("derive"))


def parse_mapping(data: Any, origin: str = "mapping") -> Mapping:
    """Validate a mapping's parsed YAML and build it; every problem raises ``MappingError``."""
    if not isinstance(data, dict):
        raise _fail(origin, "a mapping is a YAML mapping at the top level")
    unknown = set(data) - _MAPPING_KEYS
    if unknown:
        raise _fail(origin, f"unknown keys {sorted(unknown)} (allowed: {sorted(_MAPPING_KEYS)})")
    for key in ("name", "format", "columns", "messages"):
        if key not in data:
            raise _fail(origin, f"missing {key!r}")
    name = str(data["name"])
    where = f"mapping {name}"
    if data["format"] not in FORMATS:
        raise _fail(where, f"format must be one of {FORMATS}, not {data['format']!r}")
    columns = tuple(str(c) for c in data["columns"])
    if not columns or len(set(columns)) != len(columns):
        raise _fail(where, "columns must be a non-empty list of distinct names")
    constants = dict(data.get("constants") or {})
    bad = set(constants) - set(FIELDS)
    if bad:
        raise _fail(where, f"constants for unknown fields {sorted(bad)}")
    messages = []
    for number, raw in enumerate(data["messages"] or [], 1):
        here = f"{where}, message {number}"
        if not isinstance(raw, dict) or set(raw) - _MESSAGE_KEYS or "fields" not in raw:
            raise _fail(here, f"a message is {{fields: ..., when: [...]}}, not {raw!r}")
        when = raw.get("when") or ()
        when = (when,) if isinstance(when, str) else tuple(when)
        for column in when:
            if column not in columns:
                raise _fail(here, f"when: column {column!r} is not among the columns")
        fields = {n: _field(here, n, spec, columns) for n, spec in (raw["fields"] or {}).items()}
        for needed in REQUIRED - set(fields) - set(constants):
            raise _fail(here, f"no source for the required field {needed!r} (a field or a constant)")
        messages.append(MessageSpec(fields=fields, when=when))
    if not messages:
        raise _fail(where, "no messages")
    mapping = Mapping(name=name, format=data["format"], columns=columns, messages=tuple(messages),
                      constants=constants, description=str(data.get("description", "")).strip(),
                      **{k: data[k] for k in ("encoding", "delimiter", "quotechar", "header", "timezone",
                                              "platform_ids") if k in data})
    for flag in ("header", "platform_ids"):
        if not isinstance(getattr(mapping, flag), bool):
            raise _fail(where, f"{flag} must be true or false, not {getattr(mapping, flag)!r}")
    if mapping.platform_ids and mapping.constants.get("channel") != "x":
        raise _fail(where, "platform_ids: true is for X exports (constant channel: x), whose ids are tweet ids")
    if mapping.derives_account:
        for spec in mapping.messages:
            missing = [n for n in ("author_id", "text", "in_reply_to_id") if n not in spec.fields]
            if missing:
                raise _fail(where, f"account_id: derive addressed_account needs the fields {missing} too")
            if spec.fields.get("conversation_id") is None or spec.fields["conversation_id"].derive != "reply_chain":
                raise _fail(where, "account_id: derive addressed_account needs conversation_id: {derive: reply_chain}")
        if mapping.zone_per_institution:
            raise _fail(where, "timezone: institution needs account_id from a column or a constant, not derived")
    if len(mapping.delimiter) != 1 or len(mapping.quotechar) != 1:
        raise _fail(where, "delimiter and quotechar are single characters")
    try:
        mapping.tz
    except (ZoneInfoNotFoundError, ValueError):
        raise _fail(where, f"unknown time zone {mapping.timezone!r}") from None
    try:
        "".encode(mapping.encoding)
    except LookupError:
        raise _fail(where, f"unknown encoding {mapping.encoding!r}") from None
    return mapping


def load_mapping(name_or_path: str | Path) -> Mapping:
    """A shipped mapping by name ("customer_support_on_twitter") or any mapping file by path."""
    path = Path(name_or_path)
    if path.suffix not in (".yml", ".yaml"):
        path = MAPPINGS_DIR / f"{name_or_path}.yml"
    if not path.is_file():
        shipped = ", ".join(sorted(p.stem for p in MAPPINGS_DIR.glob("*.yml")))
        raise MappingError(f"no mapping {str(name_or_path)!r} (shipped: {shipped})")
    with open(path, encoding="utf-8") as handle:
        return parse_mapping(yaml.safe_load(handle), origin=path.name)
