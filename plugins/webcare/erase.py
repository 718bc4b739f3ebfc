"""Erasure on request (GDPR Art. 17): remove a person's data from everywhere the warehouse keeps it.

    python -m webcare.erase --author x:8463379249674144849 [--author facebook:1151104182583327 ...]
                            [--message google:accounts/1/locations/2/reviews/abc] [--reference REQ-2026-17]
                            [--dry-run]

A subject is ``<channel>:<platform id>``: the author's id on the platform (X user id, Facebook or
Instagram user id, for Google the reviewer's ``profilePhotoUrl``: the Google Business Profile API
gives reviewers no id), or with ``--message`` one record's key. Which records are a person's is
each source's ``author_path`` (``webcare.sources``): the messages they wrote and the institution's
replies addressed to them; then, repeatedly, every record that replies to an erased one
(``parent_path``). What is removed, in one transaction, then on disk:

- ``raw``: the records (every version), their annotations, their deletion marks; quarantined
  records whose text holds a subject's id or an erased record's key;
- ``staging``, ``intermediate``, ``marts_build``, ``marts``, the kept ``marts_previous*`` and the
  gates' copies in ``gate_batches``: every
  row holding an erased key, and every row of the subjects' pseudonyms (``dim_author``); views
  follow their tables, and the next build recounts the aggregates from what is left;
- ``audit.expectation_results.sample_values``: erased keys taken out of the samples (the only
  change ever made to an audit row);
- files under the output folder: batch files and imported files are rewritten without the
  records (and the imported files' lines); in every other text file (GX results and Data Docs,
  quality reports, logs) each id and key is replaced by ``[erased]``.

The erasure is recorded in ``audit.erasures`` (append-only: a trigger refuses updates and deletes)
with counts per place and a keyed hash per subject, never the ids; ``audit.erased_records`` says how
many raw rows of each source and batch day went, so the staging gate's reconciliation of raw against
the loader's ledger counts them instead of failing. The keyed hashes go to
``private.erasure_suppressions``: extraction and imports drop a suppressed person's records (and
replies to them) before they reach a batch file, so later runs do not bring them back.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import hmac
import io
import json
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from webcare import config, warehouse
from webcare.sources import SOURCES, Source

log = logging.getLogger(__name__)

ERASED = "[erased]"
DERIVED_SCHEMAS = ("staging", "intermediate", "marts_build", "marts", "gate_batches")  # and marts_previous*
SKIPPED_FOLDERS = ("pg", "secrets", "demo", "cosmos")  # the cluster, credentials, the fake platforms' data
MIN_TOKEN = 5  # shorter ids are not searched for as text in files (they would match numbers at random)

DDL = """
create table if not exists private.erasure_suppressions (
    subject_hash    text        primary key,   -- keyed hash of 'author:<channel>:<id>' or 'message:<channel>:<key>'
    erasure_id      bigint      not null,
    suppressed_at   timestamptz not null default now()
);
create table if not exists audit.erasures (
    erasure_id      bigserial   primary key,
    reference       text,                      -- the request's reference (a ticket number), never a name
    subject_hashes  text[]      not null,
    counts          jsonb       not null,      -- rows and files removed or rewritten, per place
    erased_by       text        not null default current_user,
    erased_at       timestamptz not null default now()
);
create table if not exists audit.erased_records (
    erasure_id      bigint      not null references audit.erasures (erasure_id),
    source          text        not null,
    batch_date      date        not null,
    raw_rows        integer     not null,
    primary key (erasure_id, source, batch_date)
);
create or replace function audit.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit.% is append-only', tg_table_name;
end $$;
create or replace trigger erasures_append_only before update or delete on audit.erasures
    for each row execute function audit.refuse_change();
create or replace trigger erased_records_append_only before update or delete on audit.erased_records
    for each row execute function audit.refuse_change();
"""


# -- who a record is about ----------------------------------------------------------------------------------------
def _at(payload, path: tuple[str, ...]):
    for step in path:
        if not isinstance(payload, dict):
            return None
        payload = payload.get(step)
    return payload if isinstance(payload, str) and payload else None


def channel_of(source: Source, payload) -> str | None:
    return _at(payload, source.channel_path) if source.channel_path else source.channel


def subject_of(source: Source, payload) -> str | None:
    """``<channel>:<id>`` of the person a record is about (its author, or whom the reply answers)."""
    person = _at(payload, source.author_path) if source.author_path else None
    channel = channel_of(source, payload)
    return f"{channel}:{person}" if person and channel else None


def _sql_path(path: tuple[str, ...]) -> str:
    return "payload #>> '{" + ",".join(path) + "}'"


def subject_sql(source: Source) -> str:
    channel = _sql_path(source.channel_path) if source.channel_path else f"'{source.channel}'"
    return f"({channel} || ':' || ({_sql_path(source.author_path)}))" if source.author_path else "null"


def keyed_hash(salt: str, kind: str, value: str) -> str:
    """HMAC-SHA256 of a subject with the pseudonym salt: comparable, not reversible, not a pseudonym."""
    return hmac.new(salt.encode(), f"erasure:{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def message_keys(payload, record_key: str) -> set[str]:
    keys = {record_key}
    if isinstance(payload, dict) and isinstance(payload.get("message_id"), str):
        keys.add(payload["message_id"])  # imports: replies name their parent by the export's message id
    return keys


# -- suppression: later extractions and imports ------------------------------------------------------------------
@dataclass
class Suppressions:
    salt: str
    hashes: frozenset = frozenset()

    def __bool__(self) -> bool:
        return bool(self.hashes)

    def suppressed(self, source: Source, record) -> bool:
        if not self.hashes or not isinstance(record, dict):
            return False
        channel = channel_of(source, record)
        subject = subject_of(source, record)
        if subject and keyed_hash(self.salt, "author", subject) in self.hashes:
            return True
        try:
            key = source.record_key(record)
        except Exception:  # an invalid record is still checked by its author and parent
            key = None
        for value in ({key} if key else set()) | ({_at(record, source.parent_path)} if source.parent_path else set()):
            if value and keyed_hash(self.salt, "message", f"{channel}:{value}") in self.hashes:
                return True
        if isinstance(record.get("message_id"), str):
            return keyed_hash(self.salt, "message", f"{channel}:{record['message_id']}") in self.hashes
        return False

    def keep(self, source: Source, records: list) -> tuple[list, int]:
        kept = [r for r in records if not self.suppressed(source, r)]
        return kept, len(records) - len(kept)


def suppressions(url: str | None = None) -> Suppressions:
    """The erased subjects' keyed hashes (read by the loader's role)."""
    from webcare import pseudonyms

    url = warehouse.bootstrap(url)
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        cur.execute("select subject_hash from private.erasure_suppressions")
        hashes = frozenset(row[0] for row in cur.fetchall())
    return Suppressions(pseudonyms.salt(url) if hashes else "", hashes)


# -- the erasure ---------------------------------------------------------------------------------------------------
@dataclass
class Erased:
    records: dict = field(default_factory=dict)   # (source, account_id, record_key) -> (batch_date, rows, payload)
    tokens: set = field(default_factory=set)      # ids and keys to find in text
    counts: dict = field(default_factory=dict)

    def count(self, place: str, n: int) -> None:
        if n:
            self.counts[place] = self.counts.get(place, 0) + n


def parse_subject(text: str, kind: str) -> tuple[str, str]:
    channel, sep, value = text.partition(":")
    channels = {s.channel for s in SOURCES.values()} | {"x", "google", "facebook", "instagram"}
    if not sep or not value or channel not in channels:
        raise ValueError(f"--{kind} must be <channel>:<id> with a channel of {', '.join(sorted(channels))}")
    return channel, value


def _regex(tokens) -> str:
    return "(" + "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True)) + ")"


def _find_records(cur, authors: set[str], messages: set[str], erased: Erased) -> None:
    """The subjects' records, then the records replying to them, until none is added."""
    parents: set[str] = set()
    first = True
    while first or parents:
        found_keys: set[str] = set()
        known = set(erased.records)  # found in an earlier round: not counted again
        for source in SOURCES.values():
            conditions, params = [], []
            if first:
                if source.author_path:
                    conditions.append(f"{subject_sql(source)} = any(%s)")
                    params.append(sorted(authors))
                channel = _sql_path(source.channel_path) if source.channel_path else f"'{source.channel}'"
                conditions.append(f"({channel} || ':' || record_key) = any(%s)")
                params.append(sorted(messages))
            if parents and source.parent_path:
                channel = _sql_path(source.channel_path) if source.channel_path else f"'{source.channel}'"
                conditions.append(f"({channel} || ':' || ({_sql_path(source.parent_path)})) = any(%s)")
                params.append(sorted(parents))
            if source.name == "x_tweets" and parents:  # an X reply names what it answers in referenced_tweets
                conditions.append("exists (select 1 from jsonb_array_elements(case jsonb_typeof(payload -> "
                                  "'referenced_tweets') when 'array' then payload -> 'referenced_tweets' else '[]' end)"
                                  " t where t ->> 'type' = 'replied_to' and 'x:' || (t ->> 'id') = any(%s))")
                params.append(sorted(parents))
            if not conditions:
                continue
            cur.execute(f"select account_id, record_key, batch_date, payload from raw.{source.table}"
                        f" where {' or '.join(conditions)}", params)
            for account_id, record_key, batch_date, payload in cur.fetchall():
                ident = (source.name, account_id, record_key)
                if ident in known:
                    continue
                entry = erased.records.get(ident)
                if entry is None:
                    entry = erased.records[ident] = {"batch_dates": {}, "payloads": []}
                    channel = channel_of(source, payload) or source.channel
                    found_keys |= {f"{channel}:{k}" for k in message_keys(payload, record_key)}
                entry["batch_dates"][batch_date] = entry["batch_dates"].get(batch_date, 0) + 1
                entry["payloads"].append(payload)
        parents = found_keys  # the next round: what replies to the records just found
        first = False


def _tokens(erased: Erased, authors: set[str], messages: set[str]) -> set[str]:
    tokens = {value.partition(":")[2] for value in authors | messages}
    for (source, _, key), entry in erased.records.items():
        tokens |= message_keys(entry["payloads"][0], key)
        for payload in entry["payloads"]:
            for path in (("username",), ("from", "username"), ("reviewer", "profilePhotoUrl")):
                value = _at(payload, path)
                if value:
                    tokens.add(value)
            for mention in (payload.get("entities") or {}).get("mentions") or [] if isinstance(payload, dict) else []:
                if isinstance(mention, dict) and f"x:{mention.get('id')}" in authors and mention.get("username"):
                    tokens.add(mention["username"])
    return {t for t in tokens if len(t) >= MIN_TOKEN}


def _delete_derived(cur, erased: Erased) -> None:
    """Every base table of the derived schemas: rows holding an erased key, then rows of the subjects'
    pseudonyms (taken from the rows removed)."""
    keys = sorted({k for (s, _, key), e in erased.records.items() for k in message_keys(e["payloads"][0], key)})
    if not keys:
        return
    pattern = _regex(keys)
    cur.execute("""select c.table_schema, c.table_name, array_agg(c.column_name::text order by c.ordinal_position)
                   from information_schema.columns c join information_schema.tables t
                     on t.table_schema = c.table_schema and t.table_name = c.table_name
                   where (c.table_schema = any(%s) or c.table_schema like 'marts\\_previous%%')
                     and t.table_type = 'BASE TABLE' and c.data_type in ('text', 'character varying')
                   group by 1, 2 order by c.table_schema = 'staging' desc, 1, 2""", (list(DERIVED_SCHEMAS),))
    tables = cur.fetchall()
    pseudonyms: set[str] = set()
    for schema, table, columns in tables:
        where = " or ".join(f'"{c}" ~ %(pattern)s' for c in columns)
        held = [c for c in columns if c.endswith("_pseudonym")]
        if held:
            cur.execute(f'select {", ".join(f"{chr(34)}{c}{chr(34)}" for c in held)} from "{schema}"."{table}"'
                        f" where {where}", {"pattern": pattern})
            pseudonyms |= {v for row in cur.fetchall() for v in row if v}
        cur.execute(f'delete from "{schema}"."{table}" where {where}', {"pattern": pattern})
        erased.count(f"{schema} rows", cur.rowcount)
    if not pseudonyms:
        return
    for schema, table, columns in tables:
        held = [c for c in columns if c.endswith("_pseudonym")]
        if held:
            cur.execute(f'delete from "{schema}"."{table}" where ' + " or ".join(f'"{c}" = any(%(p)s)' for c in held),
                        {"p": sorted(pseudonyms)})
            erased.count(f"{schema} rows", cur.rowcount)


def _erase_in_warehouse(cur, salt: str, authors: set[str], messages: set[str], reference: str | None,
                        dry_run: bool) -> Erased:
    erased = Erased()
    _find_records(cur, authors, messages, erased)
    erased.tokens = _tokens(erased, authors, messages)
    by_source: dict[str, list] = {}
    for (source, account_id, key) in erased.records:
        by_source.setdefault(source, []).append((account_id, key))
    for source, idents in by_source.items():
        accounts, keys = [a for a, _ in idents], [k for _, k in idents]
        pairs = "(account_id, record_key) in (select * from unnest(%s::text[], %s::text[]))"
        cur.execute(f"delete from raw.{SOURCES[source].table} where {pairs}", (accounts, keys))
        erased.count("raw records", cur.rowcount)
        cur.execute(f"delete from raw.text_annotations where source = %s and {pairs}", (source, accounts, keys))
        erased.count("raw.text_annotations", cur.rowcount)
        cur.execute(f"delete from raw.deletions where source = %s and {pairs}", (source, accounts, keys))
        erased.count("raw.deletions", cur.rowcount)
    if erased.tokens:
        pattern = _regex(erased.tokens)
        cur.execute("delete from raw.quarantine where record_text ~ %s", (pattern,))
        erased.count("raw.quarantine", cur.rowcount)
        cur.execute("""update audit.expectation_results set sample_values = (
                           select coalesce(jsonb_agg(v), '[]') from jsonb_array_elements(sample_values) v
                           where v::text !~ %(p)s)
                       where jsonb_typeof(sample_values) = 'array' and sample_values::text ~ %(p)s""",
                    {"p": pattern})
        erased.count("audit.expectation_results samples", cur.rowcount)
    _delete_derived(cur, erased)
    hashes = sorted({keyed_hash(salt, "author", a) for a in authors}
                    | {keyed_hash(salt, "message", m) for m in messages}
                    | {keyed_hash(salt, "message", f"{channel_of(SOURCES[s], e['payloads'][0]) or SOURCES[s].channel}:{k}")
                       for (s, _, key), e in erased.records.items() for k in message_keys(e["payloads"][0], key)})
    if dry_run:
        return erased
    cur.execute("insert into audit.erasures (reference, subject_hashes, counts) values (%s, %s, %s)"
                " returning erasure_id", (reference, hashes, json.dumps(erased.counts)))
    erasure_id = cur.fetchone()[0]
    per_day: dict[tuple[str, object], int] = {}
    for (source, _, _), entry in erased.records.items():
        for day, rows in entry["batch_dates"].items():
            per_day[(source, day)] = per_day.get((source, day), 0) + rows
    for (source, day), rows in sorted(per_day.items()):
        cur.execute("insert into audit.erased_records values (%s, %s, %s, %s)", (erasure_id, source, day, rows))
    cur.execute("insert into private.erasure_suppressions (subject_hash, erasure_id)"
                " select unnest(%s::text[]), %s on conflict do nothing", (hashes, erasure_id))
    erased.counts["erasure_id"] = erasure_id
    return erased


# -- files --------------------------------------------------------------------------------------------------------
def _rewrite_batch(path: Path, suppress: Suppressions) -> int:
    from webcare import batch_files

    batch = batch_files.read(path)
    source = SOURCES.get(batch["meta"].get("source", ""))
    if source is None:
        return 0
    kept, removed = suppress.keep(source, batch["records"])
    if removed:
        batch_files.write(path, batch["meta"], kept)
    return removed


def _rewrite_import(path: Path, lines: set[int], text_tokens: str | None) -> int:
    """An imported file without the records starting on ``lines`` (and, for a row the reader rejected,
    any row holding a token): the other lines kept byte for byte."""
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig", errors="surrogateescape")
    physical = text.splitlines(keepends=True)
    pattern = re.compile(text_tokens) if text_tokens else None
    spans: list[tuple[int, int]] = []  # (first line, last line), 1-based
    if path.suffix.lower() == ".csv":
        reader = csv.reader(io.StringIO(text))
        start = 1
        for _ in reader:
            spans.append((start, reader.line_num))
            start = reader.line_num + 1
    else:
        spans = [(n, n) for n in range(1, len(physical) + 1)]
    drop = set()
    for first, last in spans:
        chunk = "".join(physical[first - 1:last])
        if first == 1 and path.suffix.lower() == ".csv":
            continue  # the header
        if first in lines or pattern and pattern.search(chunk):
            drop.update(range(first, last + 1))
    if not drop:
        return 0
    kept = "".join(line for n, line in enumerate(physical, 1) if n not in drop)
    config.write_private(path, kept, encoding="utf-8", newline="")
    return len([s for s in spans if s[0] in drop])


def _scrub_text(path: Path, pattern: re.Pattern) -> int:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        return 0  # binary (the Airflow metadata database, images)
    text = data.decode("utf-8", errors="surrogateescape")
    new, n = pattern.subn(ERASED, text)
    if n:
        config.write_private(path, new, encoding="utf-8", newline="")  # newline="" keeps the file's own
    return n


def _erase_files(erased: Erased, suppress: Suppressions, import_lines: dict[str, set[int]]) -> None:
    home = config.home()
    tokens = sorted(erased.tokens, key=len, reverse=True)
    if not tokens and not erased.records:
        return
    pattern = re.compile(_regex(tokens)) if tokens else None
    files = [p for p in home.rglob("*") if p.is_file() and not p.is_symlink()
             and p.relative_to(home).parts[0] not in SKIPPED_FOLDERS]
    for path in files:
        relative = path.relative_to(home)
        if relative.parts[0] == "batches" and path.suffix == ".json":
            n = _rewrite_batch(path, suppress)
            erased.count("batch file records", n)
            erased.count("batch files rewritten", 1 if n else 0)
        elif relative.parts[0] == "imports":
            n = _rewrite_import(path, import_lines.get(path.name, set()), _regex(tokens) if tokens else None)
            erased.count("imported file rows", n)
            erased.count("imported files rewritten", 1 if n else 0)
        if pattern:
            n = _scrub_text(path, pattern)
            erased.count("ids replaced in other files", n)
            erased.count("other files rewritten", 1 if n else 0)


def erase(authors: list[str], messages: list[str], reference: str | None = None, dry_run: bool = False,
          url: str | None = None) -> dict:
    """Erase the subjects everywhere; return the counts per place (no personal data)."""
    from webcare import pseudonyms

    for subject in authors:
        parse_subject(subject, "author")
    for subject in messages:
        parse_subject(subject, "message")
    if reference and re.search(r"[^A-Za-z0-9_.:/-]", reference):
        raise ValueError("--reference is a request number (letters, digits, _.:/-), never a name")
    url = warehouse.bootstrap(url)
    salt = pseudonyms.salt(url)
    with warehouse.transaction(url, admin=True) as conn, conn.cursor() as cur:
        cur.execute("select pg_advisory_xact_lock(hashtext('webcare.build'))")  # no build half-way through
        erased = _erase_in_warehouse(cur, salt, set(authors), set(messages), reference, dry_run)
        import_lines: dict[str, set[int]] = {}
        for (source, _, _), entry in erased.records.items():
            for payload in entry["payloads"]:
                if isinstance(payload, dict) and payload.get("source_file") and payload.get("source_line"):
                    import_lines.setdefault(payload["source_file"], set()).add(int(payload["source_line"]))
        if dry_run:
            conn.rollback()
            erased.counts["raw records found"] = sum(sum(e["batch_dates"].values()) for e in erased.records.values())
            return erased.counts
    suppress = suppressions(url)
    _erase_files(erased, suppress, import_lines)
    log.info("erasure %s: %s", erased.counts.get("erasure_id"), json.dumps(erased.counts, sort_keys=True))
    return erased.counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m webcare.erase", description=__doc__.splitlines()[0])
    parser.add_argument("--author", action="append", default=[], help="<channel>:<platform author id> (repeatable)")
    parser.add_argument("--message", action="append", default=[], help="<channel>:<record key> (repeatable)")
    parser.add_argument("--reference", help="the request's reference, kept in audit.erasures (no names)")
    parser.add_argument("--dry-run", action="store_true", help="count what would be erased, change nothing")
    args = parser.parse_args(argv)
    if not args.author and not args.message:
        parser.error("name at least one --author or --message")
    try:
        counts = erase(args.author, args.message, args.reference, args.dry_run)
    except ValueError as exc:
        parser.error(str(exc))
    width = max((len(k) for k in counts), default=0)
    for place, n in sorted(counts.items()):
        print(f"  {place:<{width}}  {n}")
    print("dry run: nothing changed" if args.dry_run else f"erased; recorded in audit.erasures #{counts['erasure_id']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
