"""The multi-account twcs generator: its file holds every case, and its truth follows from the file.

Pure Python (no database): the file is read back with the csv module and the truth is derived a
second time from what was read, by the definitions of docs/file-imports.md ("Accounts from the
data", "Lines and errors"), then compared value by value with the generator's truth.
"""
import csv
import json
import re
from datetime import datetime, timezone
from decimal import Decimal

import numpy as np
import pytest

from webcare.generator.export import TWCS_COLUMNS
from webcare.generator.institutions import load_institutions
from webcare.generator.twcs_accounts import twcs_accounts_export

MENTION = re.compile(r"(?<![A-Za-z0-9_])@([A-Za-z0-9_]{1,15})")
PLAIN, FLOAT, SCIENTIFIC = re.compile(r"^\d+$"), re.compile(r"^\d+\.0$"), re.compile(r"^\d\.\d+e\+\d\d$")


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    return twcs_accounts_export(tmp_path_factory.mktemp("twcs") / "twcs_accounts.csv")


@pytest.fixture(scope="module")
def read(export):
    """Rows as the csv module reads them: (start line, cells), header included."""
    rows, last = [], 0
    with open(export.path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        for cells in reader:
            rows.append((last + 1, cells))
            last = reader.line_num
    return rows


def digits(cell: str) -> str:
    value = Decimal(cell)
    assert value == value.to_integral_value(), cell
    return str(int(value))


def when(cell: str) -> datetime:
    return datetime.strptime(cell, "%a %b %d %H:%M:%S %z %Y").astimezone(timezone.utc)


def rfc(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture(scope="module")
def tweets(read):
    """The full rows by message id (digits), with line, author, inbound, time, text, parent."""
    out = {}
    for line, cells in read[1:]:
        if len(cells) != 7:
            continue
        tweet_id, author, inbound, created, text, _, parent = cells
        key = digits(tweet_id)
        assert key not in out, f"message id {key} twice"
        out[key] = {"id": key, "raw_id": tweet_id, "line": line, "author": author, "inbound": inbound == "True",
                    "created": when(created), "text": text, "parent": digits(parent) if parent else None,
                    "raw_parent": parent}
        assert inbound in ("True", "False")
    return out


def seed_known():
    known = {}
    for row in load_institutions():
        for column in ("institution_id", "x_user_id", "x_username", "google_location_id", "facebook_page_id",
                       "instagram_user_id"):
            known[row[column].lower()] = row["x_username"]
    return known


def derive(tweets, read):
    """The truth again, from the rows read and the definitions alone."""
    seeds = {row["x_username"]: row["institution_id"] for row in load_institutions()}
    canonical = seed_known()
    rows = sorted(tweets.values(), key=lambda t: t["line"])
    for t in rows:
        if not t["inbound"]:
            canonical.setdefault(t["author"].lower(), t["author"])
    account = lambda t: canonical[t["author"].lower()]          # noqa: E731
    by_time = lambda t: (t["created"], t["line"])               # noqa: E731

    def root(t):
        while t["parent"] in tweets:
            t = tweets[t["parent"]]
        return t["parent"] or t["id"]

    copies, rejected = [], []
    for t in rows:
        if not t["inbound"]:
            continue
        mentioned = []
        for handle in MENTION.findall(t["text"]):
            if handle.lower() in canonical and canonical[handle.lower()] not in mentioned:
                mentioned.append(canonical[handle.lower()])
        if not mentioned:
            direct = sorted((r for r in rows if r["parent"] == t["id"] and not r["inbound"]), key=by_time)
            conv = sorted((r for r in rows if not r["inbound"] and root(r) == root(t)), key=by_time)
            mentioned = [account((direct or conv)[0])] if direct or conv else []
        if not mentioned:
            rejected.append({"line": t["line"], "column": "text",
                             "reason_fragment": "addresses no known account and no account answered it"})
        for a in mentioned:
            answers = sorted((r["created"] for r in rows if r["parent"] == t["id"] and not r["inbound"]
                              and account(r) == a))
            first = answers[0] if answers else None
            copies.append({
                "message_id": t["id"], "account_id": a, "institution_id": seeds.get(a, a.lower()), "channel": "x",
                "created_at": rfc(t["created"]), "answered": first is not None,
                "first_response_at": rfc(first) if first else None,
                "first_response_minutes": (first - t["created"]).total_seconds() / 60 if first else None,
                "first_response_business_minutes": None, "sla_status": None, "line": t["line"]})
    for line, cells in read[1:]:
        if len(cells) < 7:
            missing = TWCS_COLUMNS[len(cells)]
            rejected.append({"line": line, "column": missing,
                             "reason_fragment": f"row has {len(cells)} of 7 columns, {missing} and after missing"})
    own = {}
    for t in rows:
        if not t["inbound"]:
            own[account(t)] = own.get(account(t), 0) + 1
    return copies, sorted(rejected, key=lambda r: r["line"]), own


def test_same_seed_same_bytes_other_seed_other_file(export, tmp_path):
    again = twcs_accounts_export(tmp_path / "again.csv")
    assert again.path.read_bytes() == export.path.read_bytes()
    assert again.truth == export.truth
    assert json.loads(json.dumps(export.truth)) == export.truth
    other = twcs_accounts_export(tmp_path / "other.csv", seed=12)
    assert other.path.read_bytes() != export.path.read_bytes()


def test_shape_accounts_and_dates(export, read, tweets):
    assert read[0] == (1, list(TWCS_COLUMNS))
    assert 2000 <= len(read) - 1 <= 6000
    accounts = export.truth["accounts"]
    assert len(accounts) >= 20
    assert accounts["HospSierraNorte"]["institution_id"] == "hsn"
    assert accounts["HospInsularAtl"]["institution_id"] == "hia"
    assert not accounts["HospSierraNorte"]["registered"] and not accounts["HospInsularAtl"]["registered"]
    known = seed_known()
    brands = [a for a, v in accounts.items() if v["registered"]]
    assert len(brands) == 22
    assert all(b.lower() not in known and v["institution_id"] == b.lower() and len(b) <= 15
               for b, v in accounts.items() if v["registered"])
    assert export.truth["registered"] == [{"account": b, "institution_id": b.lower()}
                                          for b in sorted(brands, key=str.lower)]
    assert {t["author"] for t in tweets.values() if not t["inbound"] and t["author"].lower() == "hospsierranorte"} \
        == {"hospsierranorte"}
    assert all(t["author"].isdigit() for t in tweets.values() if t["inbound"])
    assert all(t["created"].year == 2017 for t in tweets.values())
    for m in export.truth["messages"]:
        assert m["created_at"].startswith("2017-")
        assert m["first_response_at"] is None or m["first_response_at"].startswith("2017-")
    # rows are not in time order
    times = [t["created"] for t in sorted(tweets.values(), key=lambda t: t["line"])]
    assert times != sorted(times)


def test_truth_follows_from_the_file(export, read, tweets):
    copies, rejected, own = derive(tweets, read)
    truth = export.truth
    assert truth["messages"] == copies
    assert truth["rejected"] == rejected
    assert truth["records"] == len(copies) + sum(own.values())
    assert set(truth["accounts"]) == set(own) | {m["account_id"] for m in copies}
    for name, stats in truth["accounts"].items():
        mine = [m for m in copies if m["account_id"] == name]
        minutes = [m["first_response_minutes"] for m in mine if m["answered"]]
        assert stats["messages"] == own.get(name, 0) + len(mine), name
        assert stats["inbound"] == len(mine)
        assert stats["answered"] == len(minutes) == sum(1 for m in mine if m["first_response_at"])
        for key, q in (("median_first_response_minutes", 50), ("p90_first_response_minutes", 90)):
            expected = float(np.percentile(minutes, q, method="linear")) if minutes else None
            assert stats[key] == pytest.approx(expected, abs=1e-9) if minutes else stats[key] is None
    assert all(m["first_response_business_minutes"] is None and m["sla_status"] is None for m in copies)


def test_broken_row_reads_as_two_short_rows(export, read, tweets):
    broken = export.truth["cases"]["broken_row"]
    short = [(line, cells) for line, cells in read[1:] if len(cells) != 7]
    assert [(line, len(cells)) for line, cells in short] == [(broken["lines"][0], 5), (broken["lines"][1], 3)]
    assert digits(short[0][1][0]) == broken["message_id"]
    assert broken["message_id"] not in tweets
    assert broken["message_id"] not in {m["message_id"] for m in export.truth["messages"]}
    raw = export.path.read_bytes()
    assert raw.count(b"\r") > raw.count(b"\r\n")        # bare \r (the broken one among them)
    assert broken["reply_ids"] and all(tweets[r]["parent"] == broken["message_id"] for r in broken["reply_ids"])
    rejected = {(r["line"], r["column"]) for r in export.truth["rejected"]}
    assert {(broken["lines"][0], "response_tweet_id"), (broken["lines"][1], "created_at")} <= rejected


def copies_of(export):
    out = {}
    for m in export.truth["messages"]:
        out.setdefault(m["message_id"], []).append(m)
    return out


def test_addressed_accounts_cases(export, tweets):
    cases, copies = export.truth["cases"], copies_of(export)
    known = seed_known()
    for t in sorted(tweets.values(), key=lambda t: t["line"]):
        if not t["inbound"]:
            known.setdefault(t["author"].lower(), t["author"])
    company = [t for t in tweets.values() if not t["inbound"]]

    def mentioned(t):
        return {h.lower() for h in MENTION.findall(t["text"]) if h.lower() in known}

    assert len(cases["two_accounts"]) >= 10
    for key in cases["two_accounts"]:
        assert len(copies[key]) == 2 and len(mentioned(tweets[key])) == 2
        assert {m["account_id"].lower() for m in copies[key]} == mentioned(tweets[key])
    assert all(all(m["answered"] for m in copies[k]) for k in cases["two_accounts_both_answer"])
    assert all(sum(m["answered"] for m in copies[k]) == 1 for k in cases["two_accounts_one_answers"])
    assert all(not any(m["answered"] for m in copies[k]) for k in cases["two_accounts_none_answers"])
    assert len(cases["two_accounts_both_answer"]) >= 3 and len(cases["two_accounts_one_answers"]) >= 3

    assert len(cases["answered_by_other"]) >= 3
    for key in cases["answered_by_other"]:
        mine = {m["account_id"] for m in copies[key]}
        others = [r for r in company if r["parent"] == key and known[r["author"].lower()] not in mine]
        assert others
    for key in cases["answers_nothing"]:
        reply = tweets[key]
        assert known[reply["author"].lower()] not in {m["account_id"] for m in copies[reply["parent"]]}

    assert len(cases["direct_no_mention"]) >= 6 and len(cases["direct_same_second"]) >= 1
    for key in cases["direct_no_mention"]:
        assert not mentioned(tweets[key]) and len(copies[key]) == 1
        direct = sorted((r for r in company if r["parent"] == key), key=lambda r: (r["created"], r["line"]))
        assert copies[key][0]["account_id"] == known[direct[0]["author"].lower()] and copies[key][0]["answered"]
    for key in cases["direct_two_accounts"]:
        direct = [r for r in company if r["parent"] == key]
        assert len({r["author"].lower() for r in direct}) == 2
        first_in_file = min(direct, key=lambda r: r["line"])
        assert first_in_file["created"] > min(r["created"] for r in direct)   # the earliest is not first in file
    for key in cases["direct_same_second"]:
        direct = [r for r in company if r["parent"] == key]
        assert len({r["created"] for r in direct}) == 1
        assert copies[key][0]["account_id"] == known[min(direct, key=lambda r: r["line"])["author"].lower()]
        first_in_file = min(direct, key=lambda r: r["line"])
        assert int(first_in_file["id"]) > min(int(r["id"]) for r in direct)     # the line decides, not the id

    assert len(cases["conversation_account"]) >= 5
    assert set(cases["conversation_account"]) <= set(cases["addressed_by"]["conversation"])
    assert set(cases["direct_no_mention"]) <= set(cases["addressed_by"]["direct"])
    for key in cases["conversation_account"]:
        assert not mentioned(tweets[key]) and not [r for r in company if r["parent"] == key]
        assert len(copies[key]) == 1 and not copies[key][0]["answered"]
    for key in cases["conversation_earliest_other"]:
        top = tweets[key]
        while top["parent"] in tweets:
            top = tweets[top["parent"]]
        assert copies[key][0]["account_id"].lower() not in mentioned(top)
    for key in cases["conversation_of_missing_top"]:        # the chain's top is not in the file
        assert tweets[key]["parent"] in tweets and tweets[tweets[key]["parent"]]["parent"] not in tweets
        assert copies[key][0]["account_id"] == known[tweets[tweets[key]["parent"]]["author"].lower()]
    assert len(cases["conversation_of_missing_top"]) >= 3
    assert len(cases["no_account"]) == 1
    lost = tweets[cases["no_account"][0]]
    assert lost["id"] not in copies and not mentioned(lost)
    assert {"line": lost["line"], "column": "text",
            "reason_fragment": "addresses no known account and no account answered it"} in export.truth["rejected"]


def test_mentions_that_are_not_accounts(export, tweets):
    cases, copies = export.truth["cases"], copies_of(export)
    authors = {t["author"].lower() for t in tweets.values() if not t["inbound"]}
    assert not authors & {h.lower() for h in cases["ghost_handles"] + cases["private_handles"]}
    for case, handles in (("private_mention", cases["private_handles"]), ("ghost_mention", cases["ghost_handles"])):
        assert len(cases[case]) >= 3
        for key in cases[case]:
            assert any("@" + h in tweets[key]["text"] for h in handles) and len(copies[key]) == 1
    for key in cases["email_not_mention"]:
        mails = [d for d in re.findall(r"\w@(\w+)\.com", tweets[key]["text"]) if d in authors]
        assert len(mails) == 1 and len(copies[key]) == 1
        assert copies[key][0]["account_id"].lower() != mails[0]
    for key in cases["repeated_mention"]:
        handle = copies[key][0]["account_id"].lower()
        assert [h.lower() for h in MENTION.findall(tweets[key]["text"])].count(handle) == 2
        assert len(copies[key]) == 1
    hsn = {h for t in tweets.values() if t["inbound"] for h in MENTION.findall(t["text"])
           if h.lower() == "hospsierranorte"}
    assert len(hsn) >= 3
    assert len(cases["mention_case_variants"]) >= 10
    for account, spellings in cases["author_case_variants"].items():
        rows = sorted((t for t in tweets.values() if not t["inbound"] and t["author"].lower() == account.lower()),
                      key=lambda t: t["line"])
        assert rows[0]["author"] == account and len({t["author"] for t in rows}) >= 2
    assert len(cases["author_case_variants"]) >= 2      # two brands, plus hsn written lower case
    assert any(account.islower() for account in cases["author_case_variants"])   # the first spelling, not the usual
    assert "hsn" not in cases["author_case_variants"]


def test_answers_cases(export, tweets):
    cases, copies = export.truth["cases"], copies_of(export)
    company = [t for t in tweets.values() if not t["inbound"]]
    assert len(cases["unanswered"]) >= 50
    assert all(not any(m["answered"] for m in copies[k]) for k in cases["unanswered"])
    assert len(cases["answered_twice"]) >= 3
    for key in cases["answered_twice"]:
        replies = [r for r in company if r["parent"] == key]
        assert len(replies) == 2 and len({r["author"].lower() for r in replies}) == 1
        assert min(replies, key=lambda r: r["line"])["created"] > min(r["created"] for r in replies)
        assert copies[key][0]["first_response_at"] == rfc(min(r["created"] for r in replies))
    assert len(cases["late_reply"]) >= 3
    assert all(copies[k][0]["first_response_minutes"] >= 3 * 24 * 60 for k in cases["late_reply"])
    assert len(cases["follow_up_to_reply"]) >= 20
    for key in cases["follow_up_to_reply"]:
        assert tweets[key]["inbound"] and not tweets[tweets[key]["parent"]]["inbound"]
    assert any(key in copies for key in cases["follow_up_to_reply"])
    assert len(cases["reply_to_missing"]) >= 3
    for key in cases["reply_to_missing"]:
        assert tweets[key]["parent"] and tweets[key]["parent"] not in tweets


def test_ids_and_texts_as_written(export, tweets):
    cases = export.truth["cases"]
    raw_ids = [t["raw_id"] for t in tweets.values()] + [t["raw_parent"] for t in tweets.values() if t["raw_parent"]]
    assert all(PLAIN.match(c) or FLOAT.match(c) or SCIENTIFIC.match(c) for c in raw_ids)
    assert len(cases["float_ids"]) >= 10 and len(cases["scientific_ids"]) >= 10
    assert all(FLOAT.match(tweets[k]["raw_id"]) for k in cases["float_ids"])
    for key in cases["scientific_ids"]:
        assert SCIENTIFIC.match(tweets[key]["raw_id"]) and digits(tweets[key]["raw_id"]) == key
    assert any(SCIENTIFIC.match(t["raw_parent"]) for t in tweets.values() if t["raw_parent"])
    for key, text in cases["texts"].items():
        assert tweets[key]["text"] == text
    assert all("\n" in tweets[k]["text"] and "\r" not in tweets[k]["text"] for k in cases["text_lf"])
    assert all("\r\n" in tweets[k]["text"] for k in cases["text_crlf"])
    assert all(re.search(r"\r(?!\n)", tweets[k]["text"]) for k in cases["text_cr"])
    assert all('"' in tweets[k]["text"] for k in cases["text_quote"])
    assert all("," in tweets[k]["text"] for k in cases["text_comma"])
    for name in ("text_lf", "text_crlf", "text_cr", "text_quote", "text_comma"):
        assert len(cases[name]) >= 3, name
    # a row spanning several physical lines moves the next row's start line
    lines = sorted(t["line"] for t in tweets.values())
    assert lines[-1] > len(tweets) + 1


def test_cells_quoted_only_when_they_must_be(export, read):
    """Written back with the minimal quoting rule, the rows read give the file's bytes exactly."""
    def cell(value):
        return '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\r\n') else value

    out, rows, i = [], read, 0
    while i < len(rows):
        cells = rows[i][1]
        if len(cells) == 5:                  # the broken row: a bare \r in an unquoted text
            out.append(",".join(cells) + "\r" + ",".join(rows[i + 1][1]) + "\n")
            i += 2
            continue
        out.append(",".join(cell(c) for c in cells) + "\n")
        i += 1
    assert "".join(out).encode("utf-8") == export.path.read_bytes()
