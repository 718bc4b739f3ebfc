"""File imports: mappings, transforms, the reader's records and rejections, the idempotency key.

Self-contained (tmp_path only): no warehouse, no fixtures from conftest.py.
"""
from __future__ import annotations

import hashlib
from datetime import timezone

import pytest

from webcare.imports import (ImportFileError, MappingError, file_sha256, load_mapping, parse_mapping,
                             read_file, split)
from webcare.imports.errors import TransformError
from webcare.imports.transforms import bool_from_text, int_from_float, stars, twitter_time

TWCS_HEADER = "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
# Physical lines: a \r\n inside quotes ends one line, a lone \r too, a \n too.
TWCS_ROWS = [
    # line 2: float id in scientific notation, several response ids
    '1.19237e+05,115712,True,Tue Oct 31 22:10:47 +0000 2017,@sprintcare is this thing on?,"119238,119239",\n',
    # lines 3-4: \r\n inside a quoted text
    '119238.0,sprintcare,False,Tue Oct 31 22:11:45 +0000 2017,"@115712 Hi!\r\nPlease DM us",119240,119237.0\n',
    # lines 5-6: lone \r inside a quoted text
    '119239,sprintcare,False,Tue Oct 31 22:12:00 +0000 2017,"line one\rline two",,1.19237e+05\n',
    # lines 7-8: \n inside a quoted text; a reply to a reply
    '119240,115712,true,Tue Oct 31 22:13:00 +0000 2017,"thanks\nbye",,119238\n',
    # line 9: bad date
    '119241,115713,True,yesterday,bad date,,\n',
    # line 10: missing id
    ',115714,True,Tue Oct 31 22:14:00 +0000 2017,no id,,\n',
    # line 11: short row
    '119243,115715,True\n',
    # line 12: an offset, a parent not in the file
    '119244,AppleSupport,False,Wed Nov 01 00:00:00 -0500 2017,reply to someone else,,99\n',
]


def twcs(tmp_path, rows=TWCS_ROWS, name="twcs.csv"):
    path = tmp_path / name
    path.write_bytes((TWCS_HEADER + "".join(rows)).encode("utf-8"))
    return path


def read_twcs(path):
    return split(read_file(path, load_mapping("customer_support_on_twitter"),
                           constants={"account_id": "HospSierraNorte"}))


def test_twitter_export_counts_and_exact_rejections(tmp_path):
    records, rejections = read_twcs(twcs(tmp_path))
    assert [r["message_id"] for r in records] == ["119237", "119238", "119239", "119240", "119244"]
    assert [r["source_line"] for r in records] == [2, 3, 5, 7, 12]
    assert [(r.line, r.column, r.reason) for r in rejections] == [
        (9, "created_at", "line 9, column created_at: not a Twitter timestamp "
                          "(like 'Tue Oct 31 22:10:47 +0000 2017'): a text of 9 characters"),
        (10, "tweet_id", "line 10, column tweet_id: missing value"),
        (11, "created_at", "line 11, column created_at: row has 3 of 7 columns, created_at and after missing"),
    ]
    assert rejections[0].raw == "119241,115713,True,yesterday,bad date,,"
    assert rejections[2].raw == "119243,115715,True"


def test_twitter_record_shape_replies_and_conversations(tmp_path):
    records, _ = read_twcs(twcs(tmp_path))
    by_id = {r["message_id"]: r for r in records}
    assert by_id["119238"] == {
        "message_id": "119238", "conversation_id": "119237", "in_reply_to_id": "119237",
        "author_id": "sprintcare", "is_institution": True, "created_at": "2017-10-31T22:11:45Z",
        "text": "@115712 Hi!\r\nPlease DM us", "channel": "x", "account_id": "HospSierraNorte",
        "star_rating": None, "record_key": "customer_support_on_twitter:119238",
        "source_file": "twcs.csv", "source_line": 3,
    }
    assert by_id["119237"]["is_institution"] is False and by_id["119237"]["in_reply_to_id"] is None
    assert by_id["119239"]["text"] == "line one\rline two"
    assert by_id["119239"]["in_reply_to_id"] == "119237"
    assert by_id["119240"]["text"] == "thanks\nbye"
    assert {m: r["conversation_id"] for m, r in by_id.items()} == {
        "119237": "119237", "119238": "119237", "119239": "119237", "119240": "119237", "119244": "99"}
    assert by_id["119244"]["created_at"] == "2017-11-01T05:00:00Z"


def test_conversations_do_not_depend_on_row_order(tmp_path):
    forward, _ = read_twcs(twcs(tmp_path, TWCS_ROWS, "a.csv"))
    backward, _ = read_twcs(twcs(tmp_path, TWCS_ROWS[::-1], "b.csv"))
    assert ({r["message_id"]: r["conversation_id"] for r in forward}
            == {r["message_id"]: r["conversation_id"] for r in backward})


def test_account_must_be_given(tmp_path):
    """A mapping whose account is a null constant needs it at import time."""
    mapping = parse_mapping({"name": "one_account", "format": "csv", "columns": ["id", "at"],
                             "constants": {"channel": "x", "account_id": None},
                             "messages": [{"fields": {"message_id": {"column": "id"},
                                                      "conversation_id": {"column": "id"},
                                                      "is_institution": {"value": False},
                                                      "created_at": {"column": "at", "transform": "iso_time"}}}]})
    path = tmp_path / "one.csv"
    path.write_text("id,at\n1,2017-01-01\n", encoding="utf-8")
    with pytest.raises(MappingError, match="needs the constant 'account_id'"):
        list(read_file(path, mapping))


def accounts_of(path, **kwargs) -> list[tuple[str, str]]:
    records, _ = split(read_file(path, load_mapping("customer_support_on_twitter"), **kwargs))
    return [(r["message_id"], r["account_id"]) for r in records]


def test_accounts_from_the_data(tmp_path):
    """docs/file-imports.md#accounts-from-the-data on hand-written rows: an institution tweet is its
    author's (the seed's spelling when it is an institution, any case); a patient tweet is each
    known account it mentions (a post to two accounts is two records), else its earliest direct
    replier's, else its conversation's earliest institution tweet's; mentions of people, of a
    handle that never answers and e-mail addresses are not accounts; no account: rejected."""
    rows = [
        "1,u1,True,Tue Oct 31 10:00:00 +0000 2017,@HOSPSIERRANORTE @AcmeHelp two at once,,\n",           # 2
        "2,hospsierranorte,False,Tue Oct 31 11:00:00 +0000 2017,@u1 hello,,1\n",                         # 3
        "3,AcmeHelp,False,Tue Oct 31 10:30:00 +0000 2017,@u1 hi,,1\n",                                   # 4
        "4,u2,True,Tue Oct 31 12:00:00 +0000 2017,@friend_of_mine @NeverAnswers mail me a@AcmeHelp.com,,\n",  # 5
        "5,acmehelp,False,Tue Oct 31 13:00:00 +0000 2017,@u2 we will,,4\n",                              # 6
        "6,BetaCare,False,Tue Oct 31 12:30:00 +0000 2017,@u2 earlier but not first,,4\n",                # 7
        "7,u2,True,Tue Oct 31 14:00:00 +0000 2017,thanks both,,5\n",                                     # 8
        "8,u3,True,Tue Oct 31 15:00:00 +0000 2017,no one here,,\n",                                     # 9
        "9,u4,True,Tue Oct 31 16:00:00 +0000 2017,@AcmeHelp only Acme,,\n",                              # 10
        "10,BetaCare,False,Tue Oct 31 16:05:00 +0000 2017,@u4 Beta answers Acme's,,9\n",                 # 11
    ]
    path = twcs(tmp_path, rows, "accounts.csv")
    records, rejections = split(read_file(path, load_mapping("customer_support_on_twitter")))
    assert [(r["message_id"], r["account_id"]) for r in records] == [
        ("1", "HospSierraNorte"), ("1", "AcmeHelp"),   # two accounts mentioned: two records
        ("2", "HospSierraNorte"), ("3", "AcmeHelp"),
        ("4", "BetaCare"),                             # no known mention: the earliest direct replier (12:30)
        ("5", "AcmeHelp"), ("6", "BetaCare"),          # spelt as its first institution tweet in the file
        ("7", "BetaCare"),                             # replies to 5 (Acme's), no mention, no direct reply:
                                                       # the conversation's earliest institution tweet (6, 12:30)
        ("9", "AcmeHelp"), ("10", "BetaCare")]
    assert [(r.line, r.column, r.reason) for r in rejections] == [
        (9, "text", "line 9, column text: addresses no known account and no account answered it")]
    # --institution: every message is that institution's, no rejection
    assert {a for _, a in accounts_of(path, constants={"account_id": "hsn"})} == {"hsn"}


def test_header_without_a_mapped_column_fails_the_file(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("tweet_id,author_id\n1,2\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"lacks the columns \['inbound', 'created_at'"):
        read_twcs(path)


def test_file_key_same_content_same_key_changed_content_other_key(tmp_path):
    path = twcs(tmp_path)
    key = file_sha256(path)
    assert key == file_sha256(path) == hashlib.sha256(path.read_bytes()).hexdigest()
    assert file_sha256(twcs(tmp_path, name="copy.csv")) == key
    changed = twcs(tmp_path, TWCS_ROWS[:-1] + [TWCS_ROWS[-1].replace("99", "98")], "changed.csv")
    assert file_sha256(changed) != key


REVIEWS = (
    "review_id,date,rating,review,reply,reply_date,location\n"
    "r1,2024-03-01 10:15,5,Muy buen trato,¡Gracias!,2024-03-02T09:00:00+01:00,hsn\n"
    "r2,2024-07-01,4.0,,,,cmb\n"
    "r3,2024-03-05T12:00:00Z,7,Fatal,Lo sentimos,2024-03-06 08:00,hsn\n"
    "r4,2024-03-07,3/5,\"Regular,\r\nla espera\",,not a date,hsn\n"
)


def test_reviews_spreadsheet_reviews_replies_and_rejections(tmp_path):
    path = tmp_path / "reviews.csv"
    path.write_bytes(b"\xef\xbb\xbf" + REVIEWS.encode("utf-8"))  # with a BOM, as spreadsheets save
    records, rejections = split(read_file(path, load_mapping("reviews_spreadsheet")))
    summary = [(r["message_id"], r["is_institution"], r["in_reply_to_id"], r["conversation_id"],
                r["star_rating"], r["created_at"], r["source_line"]) for r in records]
    assert summary == [
        ("r1", False, None, "r1", 5, "2024-03-01T09:15:00Z", 2),
        ("r1:reply", True, "r1", "r1", None, "2024-03-02T08:00:00Z", 2),
        ("r2", False, None, "r2", 4, "2024-06-30T22:00:00Z", 3),
        ("r3:reply", True, "r3", "r3", None, "2024-03-06T07:00:00Z", 4),
        ("r4", False, None, "r4", 3, "2024-03-06T23:00:00Z", 5),
    ]
    assert records[1]["text"] == "¡Gracias!" and records[1]["author_id"] == "hsn"
    assert records[2]["text"] is None and records[4]["text"] == "Regular,\r\nla espera"
    assert {r["channel"] for r in records} == {"google"}
    assert [r["account_id"] for r in records] == ["hsn", "hsn", "cmb", "hsn", "hsn"]
    assert records[1]["record_key"] == "reviews_spreadsheet:r1:reply"
    assert [r.reason for r in rejections] == [
        "line 4, column rating: not a star rating 1-5: a text of 1 character",
        "line 5, column reply_date: not an ISO 8601 date or time: a text of 10 characters",
    ]


def test_jsonl_mapping_and_its_rejections(tmp_path):
    mapping = parse_mapping({
        "name": "chat_log", "format": "jsonl", "columns": ["id", "at", "from_staff", "body"],
        "constants": {"channel": "chat", "account_id": "hsn"},
        "messages": [{"fields": {
            "message_id": {"column": "id", "transform": "int_from_float"},
            "conversation_id": {"column": "id", "transform": "int_from_float"},
            "is_institution": {"column": "from_staff", "transform": "bool_from_text"},
            "created_at": {"column": "at", "transform": "iso_time"},
            "text": {"column": "body"}}}],
    })
    path = tmp_path / "chat.jsonl"
    path.write_text('{"id": 7.0, "at": "2024-01-02T03:04:05Z", "from_staff": false, "body": "hola"}\n'
                    '\n'
                    '{"id": 8, "at": "2024-01-02T03:04:05Z", "from_staff": "maybe"}\n'
                    'not json\n', encoding="utf-8")
    records, rejections = split(read_file(path, mapping))
    assert [(r["message_id"], r["is_institution"], r["text"], r["source_line"]) for r in records] == [
        ("7", False, "hola", 1)]
    assert [(r.line, r.column) for r in rejections] == [(3, "from_staff"), (4, None)]
    assert rejections[0].reason == "line 3, column from_staff: not a boolean (true/false, yes/no, 1/0): a text of 5 characters"
    assert rejections[1].reason == "line 4: not JSON (Expecting value: line 1 column 1 (char 0))"
    assert rejections[1].raw == "not json"


def test_transforms():
    utc = timezone.utc
    assert [int_from_float(v, utc) for v in ["119237", "119237.0", "1.19237e+05", "1.19e+05", " 7 "]] == [
        "119237", "119237", "119237", "119000", "7"]
    for bad in ["1.5", "-3", "abc", "inf"]:
        with pytest.raises(TransformError, match="not a whole number"):
            int_from_float(bad, utc)
    assert [bool_from_text(v, utc) for v in ["True", "false", "FALSE", "1", "0", "yes", "No", "sí"]] == [
        True, False, False, True, False, True, False, True]
    with pytest.raises(TransformError):
        bool_from_text("maybe", utc)
    assert twitter_time("Tue Oct 31 22:10:47 +0000 2017", utc) == "2017-10-31T22:10:47Z"
    assert twitter_time("Tue Oct 31 23:10:47 +0130 2017", utc) == "2017-10-31T21:40:47Z"
    with pytest.raises(TransformError, match="not a valid date"):
        twitter_time("Tue Feb 30 22:10:47 +0000 2017", utc)
    assert [stars(v, utc) for v in ["1", "5.0", "4/5", "3 / 5"]] == [1, 5, 4, 3]
    for bad in ["0", "6", "4.5", "★★★"]:
        with pytest.raises(TransformError, match="not a star rating"):
            stars(bad, utc)


@pytest.mark.parametrize("change, message", [
    ({"delimter": ";"}, r"unknown keys \['delimter'\]"),
    ({"format": "xlsx"}, "format must be one of"),
    ({"columns": ["a"]}, "column 'tweet_id' is not among the columns"),
])
def test_mapping_errors(change, message):
    import yaml
    from webcare.imports.mapping import MAPPINGS_DIR
    data = yaml.safe_load((MAPPINGS_DIR / "customer_support_on_twitter.yml").read_text(encoding="utf-8"))
    with pytest.raises(MappingError, match=message):
        parse_mapping({**data, **change})


def test_unknown_transform_and_field_are_errors():
    base = {"name": "m", "format": "csv", "columns": ["a"], "constants": {"channel": "x", "account_id": "y"}}
    fields = {"message_id": {"column": "a"}, "conversation_id": {"column": "a"},
              "is_institution": {"value": False}, "created_at": {"column": "a", "transform": "iso_tme"}}
    with pytest.raises(MappingError, match="unknown transform 'iso_tme'"):
        parse_mapping({**base, "messages": [{"fields": fields}]})
    fields["created_at"] = {"column": "a", "transform": "iso_time"}
    assert parse_mapping({**base, "messages": [{"fields": fields}]}).name == "m"
    with pytest.raises(MappingError, match="unknown field 'stars'"):
        parse_mapping({**base, "messages": [{"fields": {**fields, "stars": {"column": "a"}}}]})
    del fields["created_at"]
    with pytest.raises(MappingError, match="no source for the required field 'created_at'"):
        parse_mapping({**base, "messages": [{"fields": fields}]})


def test_dates_without_an_offset_are_read_in_the_zone_of_the_accounts_institution(tmp_path):
    """reviews_spreadsheet (timezone: institution): a date-only review of a Canary Islands hospital
    (hia, Atlantic/Canary, UTC+1 in April) starts at its local midnight, not Madrid's (UTC+2); a
    location that is no institution yet is read in the zone it will be registered with."""
    from webcare.imports.accounts import AccountBook, seed_institutions

    path = tmp_path / "reviews.csv"
    path.write_text("review_id,date,rating,review,reply,reply_date,location\n"
                    "r1,2026-04-06,4,ok,,,5120000000000000004\n"          # hia by its Google location id
                    "r2,2026-04-06 23:30,5,bien,gracias,2026-04-07 08:00,5120000000000000004\n"
                    "r3,2026-04-06,3,meh,,,5120000000000000002\n"         # cmb, Europe/Madrid
                    "r4,2026-04-06 10:00,2,mal,,,clinica-bogota\n", encoding="utf-8")
    book = AccountBook(seed_institutions(), default_zone="America/Bogota")
    records, rejections = split(read_file(path, load_mapping("reviews_spreadsheet"), accounts=book))
    assert not rejections
    assert {r["message_id"]: r["created_at"] for r in records} == {
        "r1": "2026-04-05T23:00:00Z", "r2": "2026-04-06T22:30:00Z", "r2:reply": "2026-04-07T07:00:00Z",
        "r3": "2026-04-05T22:00:00Z", "r4": "2026-04-06T15:00:00Z"}


def test_progress_shows_rows_rate_and_rejections_on_a_terminal_only(monkeypatch):
    """The import's progress (tqdm) on a terminal: rows read, rows/s, rejected so far; nothing
    when stderr is not a terminal (a DAG's log, a pipe)."""
    import io
    import os
    import pty
    import sys

    from webcare.imports.__main__ import Progress

    quiet = io.StringIO()
    monkeypatch.setattr(sys, "stderr", quiet)
    bar = Progress("twcs.csv")
    bar({"rows": 20_000, "rejected": 3})
    bar({"rows": 25_000, "rejected": 4, "done": True})
    assert bar.bar.disable and quiet.getvalue() == ""

    leader, follower = pty.openpty()
    with os.fdopen(follower, "w") as terminal:
        monkeypatch.setattr(sys, "stderr", terminal)
        bar = Progress("twcs.csv")
        assert not bar.bar.disable
        bar({"rows": 10_000, "rejected": 1})
        bar({"rows": 20_000, "rejected": 3})
        shown = str(bar.bar)
        bar({"rows": 25_000, "rejected": 4, "done": True})
    os.close(leader)
    assert shown.startswith("reading twcs.csv: 20.0k rows") and "rows/s" in shown and "rejected=3" in shown


def test_results_cells_that_a_spreadsheet_would_run_are_neutralised():
    """--out writes ids and accounts read from the imported file: one starting like a formula gets
    a leading apostrophe; numbers (a negative minute count included) are written as they are."""
    from webcare.imports.__main__ import _cell

    for hostile in ('=HYPERLINK("http://example.org","x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert _cell(hostile) == "'" + hostile
    assert _cell("x:hsn:123") == "x:hsn:123"
    assert _cell(-5.5) == "-5.5" and _cell(12) == "12" and _cell(None) == "" and _cell(True) == "true"
