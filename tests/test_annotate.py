"""The DAG's annotation looks only at recent loads (issue 12: a daily run's cost must not grow with
history): raw rows loaded since its last annotation, less a margin for loads still open then.

Isolation: a database of its own (`webcare_annotate`) of the embedded cluster."""
from __future__ import annotations

import pytest

from conftest import own_database, query

DB = "webcare_annotate"
ACCOUNT = "1480000000000000001"


@pytest.fixture(scope="module")
def annotate_url(warehouse_url):
    with own_database(warehouse_url, DB) as url:
        yield url


def mentions(first: int, count: int) -> list[dict]:
    return [{"id": str(first + n), "author_id": str(9_000 + n), "conversation_id": str(first + n), "lang": "es",
             "text": f"@HospSierraNorte ¿cómo cambio mi cita número {n}?", "created_at": "2026-03-10T09:00:00.000Z",
             "edit_history_tweet_ids": [str(first + n)]} for n in range(count)]


def load(url: str, run_id: str, records: list[dict]) -> None:
    from webcare.load import load_batch

    result = load_batch({"meta": {"source": "x_mentions", "account_id": ACCOUNT, "run_id": run_id,
                                  "batch_date": "2026-03-10", "extracted_at": "2026-03-11T00:00:00+00:00",
                                  "cursor_before": None, "cursor_after": None}, "records": records}, url)
    assert result.inserted == len(records)


def annotated(url: str) -> set[str]:
    return {key for (key,) in query(url, "select record_key from raw.text_annotations where source = 'x_mentions'")}


def test_only_rows_loaded_since_the_last_annotation_are_looked_at(annotate_url, monkeypatch):
    from webcare.annotate import MARK, annotate_pending

    load(annotate_url, "run-1", mentions(1_000, 3))
    assert query(annotate_url, "select count(*) from private.settings where name = %s", (MARK,)) == [(0,)]
    assert annotate_pending(annotate_url)["x_mentions:message"] == 3   # no mark yet: every row
    assert annotated(annotate_url) == {"1000", "1001", "1002"}
    (mark,) = query(annotate_url, "select value::timestamptz from private.settings where name = %s", (MARK,))[0]

    # a row loaded (its transaction started) two days before the mark lacks its annotation: older
    # than the 24 h margin, the daily annotation does not look at it; --all does
    load(annotate_url, "run-2", mentions(2_000, 1))
    query(annotate_url, "update raw.x_mentions set loaded_at = %s::timestamptz - interval '2 days'"
                        " where record_key = '2000' returning 1", (mark,))
    # a load whose transaction started an hour before the mark and committed after it: within the margin
    load(annotate_url, "run-3", mentions(3_000, 1))
    query(annotate_url, "update raw.x_mentions set loaded_at = %s::timestamptz - interval '1 hour'"
                        " where record_key = '3000' returning 1", (mark,))
    load(annotate_url, "run-4", mentions(4_000, 2))
    assert annotate_pending(annotate_url)["x_mentions:message"] == 3   # 3000, 4000, 4001
    assert annotated(annotate_url) == {"1000", "1001", "1002", "3000", "4000", "4001"}
    (moved,) = query(annotate_url, "select value::timestamptz from private.settings where name = %s", (MARK,))[0]
    assert moved > mark

    monkeypatch.setenv("WEBCARE_ANNOTATE_LOOKBACK_HOURS", "72")        # a wider margin reaches it
    assert annotate_pending(annotate_url)["x_mentions:message"] == 1
    monkeypatch.delenv("WEBCARE_ANNOTATE_LOOKBACK_HOURS")
    query(annotate_url, "delete from raw.text_annotations where record_key = '2000' returning 1")
    assert annotate_pending(annotate_url)["x_mentions:message"] == 0
    assert annotate_pending(annotate_url, everything=True)["x_mentions:message"] == 1
    assert "2000" in annotated(annotate_url)


def test_many_texts_are_annotated_on_every_core_with_the_results_of_one_process(annotate_url, monkeypatch, caplog):
    """Above WEBCARE_ANNOTATE_PARALLEL_FROM texts (a new warehouse's history, --all) annotation
    forks one process per core; the annotations are exactly those of one process, in order."""
    import logging
    import os

    from webcare import annotate

    texts = ["@HospSierraNorte ¿cómo cambio mi cita? mi móvil es 612 345 678",
             "Tres semanas esperando los resultados, nadie contesta", "Gracias al equipo de enfermería",
             "¿A qué hora abre urgencias pediátricas?", "", "Llamad al 600112233 o escribid a ana@gmail.com"]
    items = [("message", "x", f"{text} ({n})", "es", None) for n in range(40) for text in texts] + [
        ("reply", "x", f"Lo sentimos, escríbanos por DM ({n})", "es", None) for n in range(20)]
    monkeypatch.setattr(annotate, "PARALLEL_FROM", 10 ** 9)
    alone = annotate._annotate_all(items)
    # an annotation is a function of its inputs: repeated texts are annotated once, each row gets it
    calls = []
    one = annotate._annotate_one
    monkeypatch.setattr(annotate, "_annotate_one", lambda item: calls.append(item) or one(item))
    assert annotate._annotate_all(items[:7] * 3 + items[:2]) == alone[:7] * 3 + alone[:2] and len(calls) == 7
    monkeypatch.setattr(annotate, "_annotate_one", one)
    monkeypatch.setattr(annotate, "PARALLEL_FROM", 10)
    with caplog.at_level(logging.INFO, logger="webcare.annotate"):
        shared = annotate._annotate_all(items)
        load(annotate_url, "run-parallel", mentions(5_000, 30))
        assert annotate.annotate_pending(annotate_url)["x_mentions:message"] == 30
    assert shared == alone and len(shared) == len(items)
    assert any(row[1] for row in shared)                              # the phone numbers were found
    parallel = [r.getMessage() for r in caplog.records if "texts on" in r.getMessage()]
    assert len(parallel) == (2 if (os.cpu_count() or 1) > 1 else 0), parallel
    assert query(annotate_url, "select count(*) from raw.text_annotations where record_key between '5000' and"
                               " '5029' and classifier_version is not null") == [(30,)]
