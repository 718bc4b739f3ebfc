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
    assert reasons == ["invalid created_at: not an RFC 3339 timestamp: 'yesterday'",
                       "missing or invalid id: None", "not a JSON object: str"]
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
    monkeypatch.setattr(load, "_copy_rows", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("disk full")))
    with pytest.raises(RuntimeError):
        load.load_batch(batch([tweet("11")], cursor_after="11", run_id="run-b"), clean)
    assert query(clean, "select cursor_value from raw.extract_cursors where account_id = %s", (ACCOUNT,)) == [("10",)]
    assert query(clean, "select count(*) from raw.x_mentions where account_id = %s", (ACCOUNT,)) == [(1,)]
