"""The raw loader against the real PostgreSQL: COPY, in-batch duplicates, quarantine, reruns."""
from __future__ import annotations

import pytest

from conftest import query

ACCOUNT = "4242"


def tweet(tweet_id: str, **extra) -> dict:
    return {"id": tweet_id, "text": "hola", "author_id": "77", "created_at": "2026-03-20T10:00:00.000Z",
            "edit_history_tweet_ids": [tweet_id], **extra}


def batch(records: list, run_id: str = "run-a", cursor_after: str | None = "12") -> dict:
    return {"meta": {"source": "x_mentions", "account_id": ACCOUNT, "run_id": run_id, "batch_date": "2026-03-20",
                     "extracted_at": "2026-03-21T00:00:00+00:00", "cursor_before": None, "cursor_after": cursor_after},
            "records": records}


@pytest.fixture()
def clean(warehouse_url):
    yield warehouse_url
    for table in ("x_mentions", "quarantine", "extract_cursors", "load_batches"):
        query(warehouse_url, f"delete from raw.{table} where account_id = %s returning 1", (ACCOUNT,))


def test_valid_records_load_rejects_are_quarantined_and_duplicates_collapse(clean):
    from webcare.load import load_batch

    records = [tweet("10"), tweet("11"), tweet("11"), {"text": "no id"}, tweet("12", created_at="yesterday"), "oops"]
    result = load_batch(batch(records), clean)
    assert (result.received, result.inserted, result.seen_before, result.quarantined) == (6, 2, 0, 3)
    assert query(clean, "select record_key from raw.x_mentions where account_id = %s order by 1",
                 (ACCOUNT,)) == [("10",), ("11",)]
    reasons = sorted(r[0] for r in query(clean, "select reason from raw.quarantine where account_id = %s", (ACCOUNT,)))
    # reasons name the field and the problem, never the value (issue 13)
    assert reasons == ["invalid created_at: not an RFC 3339 timestamp: a text of 9 characters",
                       "missing or invalid id: null", "not a JSON object: str"]
    assert query(clean, "select cursor_value from raw.extract_cursors where account_id = %s", (ACCOUNT,)) == [("12",)]


def test_loading_the_same_batch_again_changes_nothing(clean):
    from webcare.load import load_batch

    first = load_batch(batch([tweet("10"), {"bad": True}]), clean)
    again = load_batch(batch([tweet("10"), {"bad": True}], run_id="run-b"), clean)
    assert (first.inserted, again.inserted, again.seen_before) == (1, 0, 1)
    assert query(clean, "select count(*) from raw.x_mentions where account_id = %s", (ACCOUNT,)) == [(1,)]
    assert query(clean, "select count(*) from raw.quarantine where account_id = %s", (ACCOUNT,)) == [(1,)]
    # the payload is kept exactly as received
    assert query(clean, "select payload from raw.x_mentions where account_id = %s", (ACCOUNT,))[0][0] == tweet("10")


def test_a_failed_load_leaves_the_cursor_where_it_was(clean, monkeypatch):
    from webcare import load

    load.load_batch(batch([tweet("10")], cursor_after="10"), clean)
    copy_binary = load._copy_binary

    def disk_full(cur, table, columns, rows):  # the COPY into raw fails (after the keys were compared)
        if table.startswith("raw."):
            raise RuntimeError("disk full")
        return copy_binary(cur, table, columns, rows)

    monkeypatch.setattr(load, "_copy_binary", disk_full)
    with pytest.raises(RuntimeError):
        load.load_batch(batch([tweet("11")], cursor_after="11", run_id="run-b"), clean)
    assert query(clean, "select cursor_value from raw.extract_cursors where account_id = %s", (ACCOUNT,)) == [("10",)]
    assert query(clean, "select count(*) from raw.x_mentions where account_id = %s", (ACCOUNT,)) == [(1,)]


# --- poison records (issue 10): each quarantined with its reason, batch-mates load -------------

def _reconciles(url: str, run_id: str) -> tuple:
    (received, inserted, seen, quarantined, duplicated), = query(
        url, "select records_received, records_inserted, records_seen_before, records_quarantined,"
             " records_duplicated from raw.load_batches where account_id = %s and run_id = %s", (ACCOUNT, run_id))
    assert received == inserted + seen + quarantined + duplicated
    return received, inserted, seen, quarantined, duplicated


def test_every_poison_record_is_quarantined_with_its_reason_and_batch_mates_load(clean):
    import hashlib
    import json

    from webcare.generator.poison import x_poison
    from webcare.load import load_batch

    poisons = [p for p in x_poison() if p.through_api]
    result = load_batch(batch([tweet("10"), *[p.record for p in poisons], tweet("11")]), clean)
    assert (result.received, result.inserted, result.quarantined) == (len(poisons) + 2, 2, len(poisons))
    assert query(clean, "select record_key from raw.x_mentions where account_id = %s order by 1",
                 (ACCOUNT,)) == [("10",), ("11",)]
    rows = query(clean, "select reason, record_text, record_sha256 from raw.quarantine where account_id = %s",
                 (ACCOUNT,))
    assert sorted(r for r, _, _ in rows) == sorted(p.reason for p in poisons)
    by_sha = {s: (r, t) for r, t, s in rows}
    for poison in poisons:
        if poison.name == "nested_beyond_parsers":  # json.dumps cannot write it: see below
            continue
        # the hash is that of the whole record as received; the text is storable evidence
        canonical = json.dumps(poison.record, ensure_ascii=False, separators=(",", ":"))
        reason, text = by_sha[hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()]
        assert reason == poison.reason, poison.name
        if poison.name == "huge":
            assert text.endswith(f"[cut: {len(canonical):,} characters in all]")
        elif poison.name == "number_1e5000":
            assert json.loads(text)["public_metrics"]["like_count"] == float("inf")
        else:
            assert json.loads(text) == poison.record, poison.name
        assert "\x00" not in text
    # no reason quotes the record's text
    assert not [r for r, _, _ in rows if "necesito" in r or "hola" in r]
    assert _reconciles(clean, "run-a") == (len(poisons) + 2, 2, 0, len(poisons), 0)
    assert query(clean, "select cursor_value from raw.extract_cursors where account_id = %s", (ACCOUNT,)) == [("12",)]


def test_a_batch_file_stays_writable_and_readable_whatever_its_records(clean, tmp_path):
    """Deep nesting beyond Python's parser, a lone surrogate and an infinite number written to a
    batch file and read back: the unreadable record is quarantined, its batch-mates load."""
    from webcare import batch_files
    from webcare.generator.poison import x_poison
    from webcare.load import load_batch_file

    poisons = {p.name: p for p in x_poison()}
    chosen = [poisons[n] for n in ("nested_beyond_parsers", "lone_surrogate", "number_1e5000", "nul_in_key")]
    path = batch_files.write(tmp_path / "batch.json", batch([])["meta"],
                             [tweet("10"), *[p.record for p in chosen], tweet("11")])
    assert path.read_bytes().isascii() and len(path.read_text().splitlines()) == 1 + 2 + len(chosen)
    read = batch_files.read(path)
    assert len(read["records"]) == 2 + len(chosen) and read["records"][0] == tweet("10")
    result = load_batch_file(str(path), clean)
    assert (result.inserted, result.quarantined) == (2, len(chosen))
    reasons = sorted(r for (r,) in query(clean, "select reason from raw.quarantine where account_id = %s", (ACCOUNT,)))
    assert reasons == sorted(p.reason for p in chosen)
    assert _reconciles(clean, "run-a") == (6, 2, 0, 4, 0)


def test_timestamps_outside_the_plausible_range_never_raise():
    from webcare.timestamps import parse_rfc3339

    for value, message in [("0001-01-01T00:00:00.000Z", "year 1 outside"), ("9999-12-31T23:30:00-01:00", "year 9999"),
                           ("0000-01-01T00:00:00Z", "year 0 outside"), ("2026-02-30T10:00:00Z", "not a valid date"),
                           ("2026-03-01T10:00:00+99:00", "not a valid date")]:
        with pytest.raises(ValueError, match=message):
            parse_rfc3339(value)
    assert parse_rfc3339("2099-12-31T23:30:00-01:00").year == 2100  # a plausible year, then converted
    from webcare.sources.facebook import comment_key, parse_graph_time  # Graph's +0000 times: the same range

    with pytest.raises(ValueError, match="year 9999 outside"):
        parse_graph_time("9999-12-31T23:30:00-0100")
    comment = {"id": "1_2", "post_id": "1_0", "message": "hola", "from": {"id": "5", "name": "Ana"},
               "created_time": "0001-01-01T00:30:00+0100"}
    from webcare.sources import InvalidRecord

    with pytest.raises(InvalidRecord, match="invalid created_time: year 1 outside the plausible range"):
        comment_key(comment)


def test_rows_the_raw_gate_rejects_move_to_the_quarantine_and_never_load_again(clean):
    from webcare import warehouse
    from webcare.load import load_batch, quarantine_rows

    first = batch([tweet("10"), tweet("11"), tweet("12")])
    first["meta"]["cursor_before"] = "9"
    load_batch(first, clean)
    (raw_id,), = query(clean, "select raw_id from raw.x_mentions where account_id = %s and record_key = '11'",
                       (ACCOUNT,))
    with warehouse.transaction(clean) as conn, conn.cursor() as cur:
        assert quarantine_rows(cur, "x_mentions", [raw_id], "raw gate raw_x_mentions: a test") == 1
    assert query(clean, "select record_key from raw.x_mentions where account_id = %s order by 1",
                 (ACCOUNT,)) == [("10",), ("12",)]
    assert query(clean, "select reason, run_id, (record_text::jsonb) = %s::jsonb from raw.quarantine"
                        " where account_id = %s", (__import__("json").dumps(tweet("11")), ACCOUNT)) == [
        ("raw gate raw_x_mentions: a test", "run-a", True)]
    assert _reconciles(clean, "run-a") == (3, 2, 0, 1, 0)
    # the batch's cursor goes back to where it started, so the next run reads that window again
    assert query(clean, "select cursor_value from raw.extract_cursors where account_id = %s", (ACCOUNT,)) == [("9",)]
    # the API serves it again (a lookback, a rerun): it stays in the quarantine
    again = load_batch(batch([tweet("11"), tweet("13")], run_id="run-b"), clean)
    assert (again.inserted, again.seen_before, again.quarantined) == (1, 0, 1)
    assert query(clean, "select count(*) from raw.x_mentions where account_id = %s and record_key = '11'",
                 (ACCOUNT,)) == [(0,)]
    assert _reconciles(clean, "run-b") == (2, 1, 0, 1, 0)


def test_quarantined_records_replay_after_the_fix_and_a_second_replay_changes_nothing(clean, monkeypatch):
    """A release that refused records over 300 bytes quarantined them; after the fix (the limit
    back to 1 MiB) ``webcare.quarantine.replay`` loads them under its run with their original batch
    date, resolves their quarantine rows and leaves what still fails; a second replay changes
    nothing, and the API serving a replayed record again finds it loaded."""
    from webcare import storable
    from webcare.load import load_batch
    from webcare.quarantine import replay

    long, longer, bad = tweet("21", text="x" * 400), tweet("22", text="y" * 500), tweet("23", created_at="yesterday")
    with monkeypatch.context() as release:
        release.setattr(storable, "MAX_RECORD_BYTES", 300)
        result = load_batch(batch([tweet("20"), long, longer, bad]), clean)
    assert (result.inserted, result.quarantined) == (1, 3)
    report = replay(clean, source="x_mentions", account=ACCOUNT)
    assert (report.considered, report.loaded, report.unreplayable) == (3, 2, 0)
    assert dict(report.still_rejected) == {"invalid created_at: not an RFC 3339 timestamp: a text of 9 characters": 1}
    rows = query(clean, "select record_key, payload, run_id, batch_date::text from raw.x_mentions "
                        "where account_id = %s order by 1", (ACCOUNT,))
    assert rows == [("20", tweet("20"), "run-a", "2026-03-20"), ("21", long, report.run_id, "2026-03-20"),
                    ("22", longer, report.run_id, "2026-03-20")]
    quarantine = query(clean, "select record_text::jsonb ->> 'id', resolved_run_id from raw.quarantine "
                              "where account_id = %s order by 1", (ACCOUNT,))
    assert quarantine == [("21", report.run_id), ("22", report.run_id), ("23", None)]
    before = query(clean, "select count(*), max(raw_id) from raw.x_mentions where account_id = %s", (ACCOUNT,))
    again = replay(clean, source="x_mentions", account=ACCOUNT)
    assert (again.considered, again.loaded, sum(again.still_rejected.values())) == (1, 0, 1)
    assert query(clean, "select count(*), max(raw_id) from raw.x_mentions where account_id = %s", (ACCOUNT,)) == before
    served = load_batch(batch([long], run_id="run-c"), clean)
    assert (served.inserted, served.seen_before, served.quarantined) == (0, 1, 0)


def test_a_record_postgresql_refuses_is_quarantined_alone(clean, monkeypatch):
    """The loader's last line of defence: were the storability check to miss a case, the record
    PostgreSQL refuses (here a NUL, with the check switched off) is quarantined alone."""
    from webcare import load
    from webcare.generator.poison import x_poison

    nul = next(p for p in x_poison() if p.name == "nul_in_text")
    monkeypatch.setattr(load, "serialise", lambda record: (load.canonical_json(record), None))
    result = load.load_batch(batch([tweet("10"), nul.record, tweet("11")]), clean)
    assert (result.inserted, result.quarantined) == (2, 1)
    assert query(clean, "select reason from raw.quarantine where account_id = %s", (ACCOUNT,)) == [
        ("PostgreSQL cannot store it as jsonb (untranslatable character)",)]
    assert _reconciles(clean, "run-a") == (3, 2, 0, 1, 0)


def test_the_import_reader_names_line_and_column_of_every_poison_value(tmp_path):
    """A JSON Lines export (a mapping of its own) with the poison of the API records: each row
    is a rejection naming its line (and column where there is one), the good rows are read."""
    import json

    from webcare.imports.mapping import load_mapping
    from webcare.imports.reader import read_file, split
    from webcare.storable import MAX_RECORD_BYTES

    mapping = tmp_path / "poison_jsonl.yml"
    mapping.write_text("name: poison_jsonl\ndescription: test\nformat: jsonl\nencoding: utf-8\ntimezone: UTC\n"
                       "columns: [id, author, created_at, text]\nconstants:\n  channel: x\n  account_id: hsn\n"
                       "messages:\n  - fields:\n      message_id: {column: id, transform: strip}\n      conversation_id: {column: id}\n"
                       "      author_id: {column: author, transform: strip}\n      is_institution: {value: false}\n"
                       "      created_at: {column: created_at, transform: iso_time}\n      text: {column: text}\n")

    def line(**changes) -> str:
        return json.dumps({"id": "1", "author": "a", "created_at": "2026-04-07T10:00:00Z", "text": "hola", **changes})

    deep = '{"id": "9", "text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    lines = [line(id="1"), line(id="2", text="hola\x00"), line(id="3", text="\ud83d"),
             line(id="4", created_at="0001-01-01T00:30:00+01:00"), line(id="5").replace('"hola"', "1e5000"),
             deep, line(id="7", text="x" * (MAX_RECORD_BYTES + 1)), line(id="8")]
    path = tmp_path / "poison.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records, rejections = split(read_file(path, load_mapping(mapping)))
    assert [r["message_id"] for r in records] == ["1", "8"]
    assert [(r.line, r.column, r.reason) for r in rejections] == [
        (2, "text", "line 2, column text: a NUL character (\\u0000, which PostgreSQL cannot store)"),
        (3, "text", "line 3, column text: a lone surrogate (not a Unicode character, UTF-8 cannot encode it)"),
        (4, "created_at", "line 4, column created_at: a date outside the range that can be converted to UTC"),
        (5, "text", "line 5, column text: a number out of range (read as infinity)"),
        (6, None, "line 6: nested deeper than 32 levels"),
        (7, None, f"line 7: a line of {len(lines[6]) + 1:,} characters, more than a record may hold "
                  f"({MAX_RECORD_BYTES:,} bytes)")]


def test_facebook_poison_comments_are_quarantined_and_batch_mates_load(clean):
    """Graph comments carry the same poison (the fake Graph API injects no records: loaded here)."""
    from webcare.generator.poison import facebook_poison
    from webcare.load import load_batch

    poisons = facebook_poison()
    good = {"id": "90009_91009", "post_id": "100255000000002_90009", "message": "Gracias",
            "created_time": "2026-03-24T10:00:00+0000", "from": {"id": "7700000000000001", "name": "Ana"}}
    meta = {**batch([])["meta"], "source": "facebook_comments"}
    try:
        result = load_batch({"meta": meta, "records": [good, *[p.record for p in poisons]]}, clean)
        assert (result.inserted, result.quarantined) == (1, len(poisons))
        assert sorted(r for (r,) in query(clean, "select reason from raw.quarantine where account_id = %s",
                                          (ACCOUNT,))) == sorted(p.reason for p in poisons)
        assert query(clean, "select record_key from raw.facebook_comments where account_id = %s",
                     (ACCOUNT,)) == [("90009_91009",)]
    finally:
        query(clean, "delete from raw.facebook_comments where account_id = %s returning 1", (ACCOUNT,))


def test_the_direct_copy_and_the_record_by_record_insert_load_the_same_rows(clean, monkeypatch, caplog):
    """The fast way (keys compared, new records COPYed into raw in COPY's binary format) and the slow
    way it falls back to (every record into a temporary table, insert on conflict) give the same rows
    and counts, for new, repeated, already loaded and quarantined records; the fast way did not fall
    back."""
    import logging

    from webcare import load

    caplog.set_level(logging.WARNING, logger="webcare.load")

    first = [tweet("10"), tweet("11", text="c:\\temp\tuno\ndos \\u0000 ñ"), tweet("12")]
    second = [tweet("11", text="c:\\temp\tuno\ndos \\u0000 ñ"), tweet("12", text="editado"), tweet("12", text="editado"),
              tweet("13"), {"id": "bad"}]

    def rows(account):
        return query(clean, "select record_key, payload, payload_sha256, run_id, batch_date from raw.x_mentions"
                            " where account_id = %s order by 1, 3", (account,))

    results = {}
    for account, fast in ((ACCOUNT, True), ("4343", False)):
        with monkeypatch.context() as patch:
            if not fast:
                patch.setattr(load, "_copy_new", lambda *a, **k: False)
            for run_id, records in (("run-a", first), ("run-b", second)):
                meta = {**batch(records, run_id=run_id)["meta"], "account_id": account}
                results.setdefault(account, []).append(load.load_batch({"meta": meta, "records": records}, clean)
                                                       .as_dict() | {"account_id": None})
        if fast:
            assert not [r for r in caplog.records if "direct COPY was refused" in r.getMessage()]
    try:
        assert rows(ACCOUNT) == rows("4343") and len(rows(ACCOUNT)) == 5
        assert results[ACCOUNT] == results["4343"]
        assert [(r["inserted"], r["seen_before"], r["duplicated"], r["quarantined"]) for r in results[ACCOUNT]] == [
            (3, 0, 0, 0), (2, 1, 1, 1)]
        assert rows(ACCOUNT)[1][1]["text"] == "c:\\temp\tuno\ndos \\u0000 ñ"  # backslashes, tab, newline kept
    finally:
        for table in ("x_mentions", "quarantine", "load_batches", "extract_cursors"):
            query(clean, f"delete from raw.{table} where account_id = '4343' returning 1")


def test_instagram_comments_loaded_per_medium_are_what_the_incremental_read_compares(clean):
    """The state an incremental Instagram read compares with Graph's comments_count: the distinct comments
    and replies loaded per medium, counted in raw (a version changed by hiding is the same comment)."""
    from datetime import datetime, timezone

    from webcare.generator.graph_traffic import graph_traffic
    from webcare.generator.institutions import load_institutions
    from webcare.load import load_batch
    from webcare.sources.instagram import loaded_comment_counts

    user_id, user = next(iter(graph_traffic(3, load_institutions(1), (datetime(2026, 3, 2, tzinfo=timezone.utc),
                                                                      datetime(2026, 3, 9, tzinfo=timezone.utc)))
                               ["ig_users"].items()))
    media_of = {c["id"]: media_id for media_id, cs in user["comments"].items() for c in cs}
    records = [{**c, "media_id": media_id} for media_id, cs in user["comments"].items() for c in cs] + [
        {**r, "media_id": media_of[parent]} for parent, rs in user["replies"].items() for r in rs]
    hidden_later = {**records[0], "hidden": not records[0]["hidden"]}  # a second version of one comment
    meta = {**batch([])["meta"], "source": "instagram_comments", "account_id": user_id}
    try:
        load_batch({"meta": meta, "records": records}, clean)
        load_batch({"meta": {**meta, "run_id": "run-b"}, "records": [hidden_later]}, clean)
        expected: dict[str, int] = {}
        for record in records:
            expected[record["media_id"]] = expected.get(record["media_id"], 0) + 1
        assert loaded_comment_counts(user_id, clean) == expected and sum(expected.values()) > 20
    finally:
        for table in ("instagram_comments", "load_batches"):
            query(clean, f"delete from raw.{table} where account_id = %s returning 1", (user_id,))


def test_a_read_complete_from_an_instant_finds_deleted_reviews_only_among_those_it_covered(clean):
    """A daily Google read covers the reviews updated after the oldest updateTime it reached
    (``complete_from``): one of those missing is deleted; an older review it did not reach is not,
    and a whole read (no ``complete_from``) finds that one too."""
    from webcare.load import load_batch

    location = "accounts/4242/locations/4243"

    def review(n: int, updated: str) -> dict:
        return {"name": f"{location}/reviews/r{n}", "reviewId": f"r{n}", "starRating": "TWO",
                "createTime": "2026-01-10T10:00:00Z", "updateTime": updated, "comment": "mal"}

    old, kept, gone = review(1, "2026-01-10T10:00:00Z"), review(2, "2026-03-01T10:00:00Z"), review(3, "2026-03-02T10:00:00Z")
    meta = {**batch([])["meta"], "source": "google_reviews", "account_id": location, "complete": True,
            "cutoff": "2026-03-20T00:00:00+00:00", "cursor_after": None}
    try:
        load_batch({"meta": meta, "records": [old, kept, gone]}, clean)
        load_batch({"meta": {**meta, "run_id": "run-b", "complete_from": "2026-02-01T00:00:00Z"},
                    "records": [kept]}, clean)
        deleted = lambda: {k for (k,) in query(clean, "select record_key from raw.deletions where account_id = %s",  # noqa: E731
                                                (location,))}
        assert deleted() == {gone["name"]}
        load_batch({"meta": {**meta, "run_id": "run-c"}, "records": [kept]}, clean)  # a whole read
        assert deleted() == {gone["name"], old["name"]}
    finally:
        for table in ("google_reviews", "deletions", "load_batches", "extract_cursors"):
            query(clean, f"delete from raw.{table} where account_id = %s returning 1", (location,))


def test_quarantine_reasons_name_the_field_and_the_problem_never_the_value():
    """Issue 13: a reason travels into the quality report, task logs and XCom; it must not quote
    what a patient wrote or who they are."""
    from webcare.errors import describe
    from webcare.sources import InvalidRecord, facebook, google, imported, instagram

    person = "Lucía Fernández 612345678"
    cases = [
        (facebook.comment_key, {"id": "1_2", "post_id": "1_3", "created_time": "2026-03-24T10:00:00+0000",
                                "message": "hola", "from": {"name": person}}, "invalid from: an object of 1 field"),
        (facebook.comment_key, {"id": person, "post_id": "1_3"}, "missing or invalid id: a text of 25 characters"),
        (facebook.rating_key, {"page_id": "1", "reviewer": {"name": person}}, "missing or invalid reviewer"),
        (google.review_key, {"name": person}, "missing or invalid name"),
        (google.review_key, {"name": "accounts/1/locations/2/reviews/r", "reviewId": "r", "starRating": person},
         "invalid starRating: a text of 25 characters"),
        (instagram.ig_comment_key, {"id": "1", "media_id": "2", "timestamp": person}, "invalid timestamp"),
        (imported.record_key, {"message_id": person}, None),
    ]
    for key, record, expected in cases:
        with pytest.raises(InvalidRecord) as caught:
            key(record)
        reason = str(caught.value)
        assert "Lucía" not in reason and "612345678" not in reason, reason
        if expected:
            assert reason.startswith(expected), reason
    assert describe(person) == "a text of 25 characters" and describe(None) == "null"
