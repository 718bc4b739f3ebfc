"""Retention (issue 13, item 7): raw payloads, batch files, imported files and kept Data Docs older
than their retention are removed, what is younger stays, nothing is removed in a dry run, and every
removal is written to the audit schema with counts only. A real PostgreSQL; the files in a folder of
the test's own."""
from __future__ import annotations

import json
import os
from datetime import date, datetime, timedelta, timezone

import pytest

from conftest import query

TODAY = date(2027, 6, 15)
OLD = datetime(2026, 4, 1, tzinfo=timezone.utc)     # 14.5 months before TODAY: past 13 months
YOUNG = datetime(2026, 8, 1, tzinfo=timezone.utc)   # 10.5 months before: kept
ACCOUNT = "retention_test_account"


@pytest.mark.parametrize("day, months, expected", [
    (date(2027, 6, 15), 13, date(2026, 5, 15)),
    (date(2027, 3, 31), 1, date(2027, 2, 28)),   # the month's last day when it has fewer
    (date(2028, 3, 31), 1, date(2028, 2, 29)),
    (date(2027, 1, 10), 13, date(2025, 12, 10)),
])
def test_months_before_counts_calendar_months(day, months, expected):
    from webcare.retention import months_before

    assert months_before(day, months) == expected


def test_the_retention_is_configured_per_kind_or_kept_forever(monkeypatch):
    from webcare import retention

    monkeypatch.delenv("WEBCARE_RETENTION_MONTHS", raising=False)
    assert retention.months_for("raw") == 13
    monkeypatch.setenv("WEBCARE_RETENTION_MONTHS", "24")
    monkeypatch.setenv("WEBCARE_RETENTION_DATA_DOCS_MONTHS", "forever")
    assert retention.months_for("raw") == 24 and retention.months_for("data_docs") is None
    assert retention.cutoff_for("data_docs", TODAY) is None
    monkeypatch.setenv("WEBCARE_RETENTION_BATCH_FILES_MONTHS", "0")
    with pytest.raises(ValueError, match="WEBCARE_RETENTION_BATCH_FILES_MONTHS .* whole number of months >= 1"):
        retention.months_for("batch_files")


def _aged(path, when: datetime, text: str = "{}"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.utime(path, (when.timestamp(), when.timestamp()))
    return path


def test_old_files_go_young_files_stay_and_a_dry_run_removes_nothing(tmp_path, monkeypatch):
    from webcare import retention

    monkeypatch.setenv("WEBCARE_HOME", str(tmp_path))
    monkeypatch.delenv("WEBCARE_RETENTION_MONTHS", raising=False)
    old_batch = _aged(tmp_path / "batches" / "manual__old" / "x_mentions__1.json", OLD)
    young_batch = _aged(tmp_path / "batches" / "manual__young" / "x_mentions__1.json", YOUNG)
    _aged(tmp_path / "batches" / "manual__mixed" / "a.json", OLD)  # a folder with one young file stays
    _aged(tmp_path / "batches" / "manual__mixed" / "b.json", YOUNG)
    old_import = _aged(tmp_path / "imports" / "done" / "twcs_2017.csv", OLD)
    young_import = _aged(tmp_path / "imports" / "done" / "reviews.csv", YOUNG)
    old_docs = _aged(tmp_path / "gx" / "runs" / "manual__old" / "index.html", OLD)
    site = tmp_path / "gx" / "gx" / "uncommitted"
    old_page = _aged(site / "data_docs" / "local_site" / "validations" / "raw__x" / "old.html", OLD)
    old_result = _aged(site / "validations" / "raw__x" / "old.json", OLD)
    young_result = _aged(site / "validations" / "raw__x" / "young.json", YOUNG)

    dry = {kind: retention.files(kind, TODAY, dry_run=True) for kind in ("batch_files", "imported_files", "data_docs")}
    assert [dry[k].items for k in dry] == [1, 1, 3]
    assert old_batch.exists() and old_import.exists() and old_docs.exists()

    done = {kind: retention.files(kind, TODAY) for kind in ("batch_files", "imported_files", "data_docs")}
    assert done["batch_files"].detail == {"batches": 1}
    assert done["imported_files"].detail == {"imports/done": 1}
    assert done["data_docs"].detail == {"gx/runs": 1, "data_docs validation pages": 1, "validation results": 1}
    assert not old_batch.parent.exists() and not old_import.exists() and not old_docs.parent.exists()
    assert not old_page.exists() and not old_result.exists()
    assert young_batch.exists() and young_import.exists() and young_result.exists()
    assert (tmp_path / "batches" / "manual__mixed" / "a.json").exists()


def test_raw_payloads_older_than_the_retention_are_removed_and_the_removal_audited(warehouse_url, monkeypatch):
    from webcare import retention

    monkeypatch.delenv("WEBCARE_RETENTION_MONTHS", raising=False)  # the session's files are younger: kept
    rows = [("retention-old", OLD), ("retention-young", YOUNG)]
    for key, loaded in rows:
        payload = json.dumps({"id": key, "text": "Me llamo Ana Ruiz", "author_id": "5", "created_at": "2026-03-01T10:00:00Z"})
        query(warehouse_url, """insert into raw.x_mentions (record_key, account_id, payload, payload_sha256, run_id,
                                    batch_date, extracted_at, loaded_at, created_month)
                                values (%s, %s, %s, %s, 'retention-test', %s, %s, %s, '2026-03-01')""",
              (key, ACCOUNT, payload, f"sha-{key}", loaded.date(), loaded, loaded))
        query(warehouse_url, """insert into raw.quarantine (source, account_id, record_text, record_sha256, reason,
                                    run_id, batch_date, extracted_at)
                                values ('x_mentions', %s, %s, %s, 'test reason', 'retention-test', %s, %s)""",
              (ACCOUNT, payload, f"q-{key}", loaded.date(), loaded))
        query(warehouse_url, """insert into raw.text_annotations (source, account_id, record_key, payload_sha256,
                                    text_kind, redacted_text, has_pii, pii_kinds, classifier_version, classified_at)
                                values ('x_mentions', %s, %s, %s, 'message', 'Me llamo [PERSON_NAME]', true,
                                        '{person_name}', 'test', %s)""",
              (ACCOUNT, key, f"sha-{key}", loaded))
    try:
        dry = retention.raw(TODAY, warehouse_url, dry_run=True)
        assert dry.detail["raw.x_mentions"] == 1 and dry.detail["raw.quarantine"] == 1
        assert query(warehouse_url, "select count(*) from raw.x_mentions where account_id = %s", (ACCOUNT,)) == [(2,)]

        summary = retention.apply("retention-test-run", TODAY, warehouse_url)
        for table in ("raw.x_mentions", "raw.text_annotations"):
            assert query(warehouse_url, f"select record_key from {table} where account_id = %s", (ACCOUNT,)) == [
                ("retention-young",)], table
        assert query(warehouse_url, "select record_sha256 from raw.quarantine where account_id = %s", (ACCOUNT,)) == [
            ("q-retention-young",)]
        assert summary["raw"]["cutoff"] == "2026-05-15T00:00:00+00:00"
        assert summary["raw"]["by_place"]["raw.x_mentions"] == 1
        ((details, removed),) = query(warehouse_url, "select details, rows_out from audit.stage_runs"
                                                     " where run_id = 'retention-test-run' and stage = 'retention'")
        assert details["raw"]["by_place"]["raw.quarantine"] == 1 and removed >= 3
        assert "Ana" not in json.dumps(details)  # counts, never content
    finally:
        for table in ("raw.x_mentions", "raw.quarantine", "raw.text_annotations"):
            query(warehouse_url, f"delete from {table} where account_id = %s returning 1", (ACCOUNT,))
