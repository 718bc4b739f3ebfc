"""File imports through the whole pipeline: a generated "Customer Support on Twitter" export with
every defect real exports have is imported by the command (`python -m webcare.imports`), built and
compared with its ground truth; then re-imports, a renamed copy, a changed file, and the
webcare_import DAG on a reviews spreadsheet dropped in the inbox.

Isolation: these tests run in their own database (`webcare_imports`) of the embedded cluster, with
WEBCARE_WAREHOUSE_URL pointing at it for this module only (dbt, GX, the loader and the audit all
read it), so the shared warehouse whose marts other modules compare with their truth is untouched.
Tests run in file order: (a) raw, (d) marts, (b) the same file again, (c) copies and changes, (e) DAG.
"""
from __future__ import annotations

import json
import math
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from conftest import ROOT, TEST_HOME, own_database, query
from import_commands import assert_printed_equal, printed_kpis, run_command

IMPORT_DB = "webcare_imports"
TWCS = "customer_support_on_twitter"


@pytest.fixture(scope="module")
def import_url(warehouse_url):
    with own_database(warehouse_url, IMPORT_DB) as url:
        yield url


@pytest.fixture(scope="module")
def twcs():
    from webcare.generator.export import twcs_export

    export = twcs_export(TEST_HOME / "imports" / "twcs_hsn.csv", institution="hsn", seed=7)
    export.write_truth(TEST_HOME / "imports" / "twcs_hsn.truth.json")
    return export


def counts(url: str) -> dict:
    tables = ["raw.imported_messages", "raw.quarantine", "raw.load_batches", "raw.file_imports"]
    tables += [f"marts.{t}" for (t,) in query(url, "select table_name from information_schema.tables"
                                                    " where table_schema = 'marts' order by 1")]
    return {t: query(url, f"select count(*) from {t}")[0][0] for t in tables}


@pytest.fixture(scope="module")
def first_run(import_url, twcs):
    code, output = run_command(twcs.path, "--mapping", TWCS, "--institution", "hsn")
    print(output)
    (run_id,) = query(import_url, "select run_id from raw.file_imports where file_name = %s", (twcs.path.name,))[0]
    return {"code": code, "output": output, "run_id": run_id}


# --- (a) raw and quarantine equal the truth ------------------------------------------------------

def test_every_valid_row_is_loaded_once_with_its_fields(first_run, import_url, twcs):
    rows = query(import_url, "select record_key, account_id, payload from raw.imported_messages where run_id = %s",
                 (first_run["run_id"],))
    truth = twcs.truth["records"]
    assert len(rows) == len(truth) > 200
    assert sorted(key for key, _, _ in rows) == sorted(r["record_key"] for r in truth)  # each exactly once
    loaded = {key: payload for key, _, payload in rows}
    assert {account for _, account, _ in rows} == {"hsn"}
    wrong = [(r["record_key"], field, loaded[r["record_key"]][payload_field], r[field])
             for r in truth for field, payload_field in (
                 ("line", "source_line"), ("message_id", "message_id"), ("in_reply_to_id", "in_reply_to_id"),
                 ("author_id", "author_id"), ("is_institution", "is_institution"), ("created_at", "created_at"),
                 ("text", "text"))
             if loaded[r["record_key"]][payload_field] != r[field]]
    assert not wrong, wrong[:5]
    assert {(p["channel"], p["source_file"]) for p in loaded.values()} == {("x", "twcs_hsn.csv")}
    # the defects really are in the file: texts with \r\n, a lone \r and \n, replies to replies
    texts = [r["text"] for r in truth]
    assert any("\r\n" in t for t in texts) and any("\r" in t.replace("\r\n", "") for t in texts)
    assert any("\n" in t.replace("\r\n", "") for t in texts)
    raw = twcs.path.read_bytes().decode("utf-8")  # line breaks as written (read_text would translate \r\n)
    assert ".0," in raw and "e+05" in raw
    institution_ids = {r["message_id"] for r in truth if r["is_institution"]}
    assert any(not r["is_institution"] and r["in_reply_to_id"] in institution_ids for r in truth)  # follow-ups


def test_every_rejection_is_quarantined_with_its_line_and_column(first_run, import_url, twcs):
    rows = query(import_url, "select reason, record_text, run_id from raw.quarantine where source = 'imported_messages'"
                             " and account_id = %s", (twcs.path.name,))
    expected = twcs.truth["rejected"]
    assert {"created_at", "author_id", "tweet_id"} <= {r["column"] for r in expected}
    assert len(rows) == len(expected) == 4
    by_line = {int(reason.split(",")[0].removeprefix("line ")): (reason, text, run) for reason, text, run in rows}
    for rejection in expected:
        reason, text, run = by_line[rejection["line"]]
        assert reason.startswith(rejection["reason"]) and rejection["fragment"] in reason, (reason, rejection)
        assert run == first_run["run_id"]
        if rejection["raw"] is not None:
            assert text == rejection["raw"]           # the row as read
        else:
            assert json.loads(text)["message_id"] == rejection["message_id"]  # rejected after mapping
    for rejection in expected:  # the command shows them
        assert rejection["reason"] in first_run["output"]


def test_the_ledgers_count_what_happened(first_run, import_url, twcs):
    truth = twcs.truth["records"]
    ((name, mapping, rejected, read, inserted, seen, first, last),) = query(
        import_url, "select file_name, mapping, rows_rejected, records_read, records_inserted, records_seen_before,"
                    " first_created_at, last_created_at from raw.file_imports")
    created = sorted(datetime.fromisoformat(r["created_at"]) for r in truth)
    assert (name, mapping, rejected, read, inserted, seen) == ("twcs_hsn.csv", TWCS, 4, len(truth), len(truth), 0)
    assert (first, last) == (created[0], created[-1])
    assert query(import_url, "select account_id, records_received, records_inserted, records_seen_before, cutoff"
                             " from raw.load_batches where run_id = %s", (first_run["run_id"],)) == [
        ("hsn", len(truth), len(truth), 0, None)]   # no cutoff: an import never moves the as-of instant
    output = first_run["output"]
    assert f"read {len(truth):>14,} records".replace(" ", "") in output.replace(" ", "")
    assert f"loaded {len(truth):>12,}".replace(" ", "") in output.replace(" ", "")


# --- (d) end to end: marts equal the truth, printed KPIs too ---------------------------------------

def expected_interactions(url: str, messages: list[dict]) -> tuple[list[dict], datetime]:
    from webcare.generator.hours import load_seeds
    from webcare.generator.marts import interaction

    ((as_of,),) = query(url, "select as_of from intermediate.int_warehouse_as_of")
    seeds = load_seeds()
    return [interaction(seeds, m, as_of)[0] for m in messages], as_of


def same(mine, theirs, tolerance: float = 1e-6) -> bool:
    if mine is None or theirs is None:
        return mine is None and theirs is None
    if isinstance(theirs, float):
        return math.isclose(float(mine), theirs, abs_tol=tolerance)
    if isinstance(theirs, datetime):
        return abs((mine - theirs).total_seconds()) < 1e-3
    return mine == theirs


def assert_marts_equal_truth(url: str, messages: list[dict], mapping: str) -> list[dict]:
    """The institution's imported messages of this mapping in marts.fct_interactions are the truth's."""
    (institution_id,) = {m["institution_id"] for m in messages}
    expected, _ = expected_interactions(url, messages)
    rows = query(url, """select native_id, message_id, channel_id, institution_id, date_day, is_answered,
                                first_response_at, first_response_minutes, first_response_business_minutes,
                                sla_target_minutes, sla_time_basis, sla_breach_at, sla_status, sla_elapsed_minutes
                         from marts.fct_interactions where institution_id = %s and native_id like %s""",
                 (institution_id, mapping.replace("_", r"\_") + ":%"))
    names = ("native_id", "message_id", "channel_id", "institution_id", "date_day", "is_answered", "first_response_at",
             "first_response_minutes", "first_response_business_minutes", "sla_target_minutes", "sla_time_basis",
             "sla_breach_at", "sla_status", "sla_elapsed_minutes")
    actual = {r[0]: dict(zip(names, r)) for r in rows}
    assert sorted(actual) == sorted(m["native_id"] for m in messages)   # inbound messages, each once
    wrong = []
    for row in expected:
        mine = actual[row["native_id"]]
        if mine["message_id"] != f"{row['channel']}:{row['institution_id']}:{row['native_id']}":
            wrong.append((row["native_id"], "message_id", mine["message_id"]))
        for truth, mart in (("channel", "channel_id"), ("institution_id", "institution_id"), ("local_date", "date_day"),
                            ("is_answered", "is_answered"), ("first_response_at", "first_response_at"),
                            ("first_response_minutes", "first_response_minutes"),
                            ("first_response_business_minutes", "first_response_business_minutes"),
                            ("sla_target_minutes", "sla_target_minutes"), ("sla_time_basis", "sla_time_basis"),
                            ("sla_breach_at", "sla_breach_at"), ("sla_status", "sla_status"),
                            ("sla_elapsed_minutes", "sla_elapsed_minutes")):
            if not same(mine[mart], row[truth]):
                wrong.append((row["native_id"], mart, mine[mart], row[truth]))
    assert not wrong, f"{len(wrong)} values differ, e.g. {wrong[:5]}"
    return expected


def truth_kpis(interactions: list[dict]) -> list[dict]:
    from webcare.generator.marts import percentile_cont

    groups: dict = {}
    for row in interactions:
        groups.setdefault((row["institution_id"], row["channel"]), []).append(row)
    out = []
    for (institution_id, channel), rows in sorted(groups.items()):
        timed = [r for r in rows if r["is_answered"] and not r["has_clock_skew"]]
        minutes = [r["first_response_minutes"] for r in timed]
        business = [r["first_response_business_minutes"] for r in timed]
        measured = [r for r in rows if r["sla_status"] in ("achieved", "breached")]
        achieved = sum(r["sla_status"] == "achieved" for r in measured)
        answered = sum(r["is_answered"] for r in rows)
        out.append({"institution_id": institution_id, "channel": channel, "inbound": len(rows), "answered": answered,
                    "response_rate": answered / len(rows), "median_first_response_minutes": percentile_cont(minutes, 0.5),
                    "p90_first_response_minutes": percentile_cont(minutes, 0.9),
                    "median_first_response_business_minutes": percentile_cont(business, 0.5),
                    "p90_first_response_business_minutes": percentile_cont(business, 0.9),
                    "pct_within_sla": achieved / len(measured) if measured else None})
    return out


def test_the_command_builds_and_the_marts_equal_the_truth(first_run, import_url, twcs):
    assert first_run["code"] == 0, first_run["output"][-3000:]
    messages = twcs.truth["messages"]
    assert len(messages) > 120 and 0 < sum(m["first_reply_at"] is not None for m in messages) < len(messages)
    interactions = assert_marts_equal_truth(import_url, messages, TWCS)
    assert {r["sla_status"] for r in interactions} >= {"achieved", "breached"}
    expected = truth_kpis(interactions)
    assert [(r["institution_id"], r["channel"], r["inbound"]) for r in expected] == [("hsn", "x", len(messages))]
    assert_printed_equal(printed_kpis(first_run["output"]), expected)


# --- (b) the same file again changes nothing -------------------------------------------------------

def test_importing_the_same_file_again_changes_nothing(first_run, import_url, twcs):
    before = counts(import_url)
    stages = query(import_url, "select count(*) from audit.stage_runs")
    code, output = run_command(twcs.path, "--mapping", TWCS, "--institution", "hsn")
    assert code == 0, output
    assert "already imported" in output and "nothing changed" in output and first_run["run_id"] in output
    assert counts(import_url) == before
    assert query(import_url, "select count(*) from audit.stage_runs") == stages   # no rebuild either


def test_wrong_arguments_fail_clearly(import_url, twcs, tmp_path):
    code, output = run_command(tmp_path / "missing.csv", "--mapping", TWCS)
    assert code == 2 and "no such file" in output
    code, output = run_command(twcs.path, "--mapping", "no_such_mapping", "--institution", "hsn")
    assert code == 2 and "no mapping 'no_such_mapping'" in output
    code, output = run_command(twcs.path, "--mapping", TWCS, "--institution", "nobody")
    assert code == 2 and "unknown institution" in output
    bad_header = tmp_path / "other.csv"
    bad_header.write_text("tweet_id,author_id\n1,2\n", encoding="utf-8")
    code, output = run_command(bad_header, "--mapping", TWCS, "--institution", "hsn", "--no-build")
    assert code == 2 and "lacks the columns" in output
    assert not query(import_url, "select 1 from raw.file_imports where file_name = 'other.csv'")


# --- (c) a renamed copy, a changed row ---------------------------------------------------------------

def test_a_renamed_copy_is_recognised_and_a_changed_row_adds_only_its_new_version(first_run, import_url, twcs,
                                                                                  tmp_path):
    from webcare.imports.load import import_file

    before = counts(import_url)
    copy = tmp_path / "renamed export.csv"
    shutil.copyfile(twcs.path, copy)
    report = import_file(copy, TWCS, {"account_id": "hsn"})
    assert report.already_imported and report.file_name == "twcs_hsn.csv" and report.run_id == first_run["run_id"]
    assert counts(import_url) == before

    # one row's text changed, same name and lines: a new file whose other rows are all there already
    raw = twcs.path.read_bytes().decode("utf-8")  # line breaks as written (read_text would translate \r\n)
    target = next(r for r in twcs.truth["records"] if not r["is_institution"] and "\r" not in r["text"]
                  and "\n" not in r["text"] and '"' not in r["text"] and raw.count(r["text"]) == 1)
    changed = tmp_path / "v2" / twcs.path.name
    changed.parent.mkdir()
    changed.write_bytes(raw.replace(target["text"], target["text"] + " (editado)").encode("utf-8"))
    report = import_file(changed, TWCS, {"account_id": "hsn"})
    records = len(twcs.truth["records"])
    assert not report.already_imported
    assert (report.records_read, report.records_inserted, report.records_seen_before, report.rows_rejected) == (
        records, 1, records - 1, 4)
    after = counts(import_url)
    assert after["raw.imported_messages"] == before["raw.imported_messages"] + 1
    assert after["raw.file_imports"] == before["raw.file_imports"] + 1
    assert after["raw.load_batches"] == before["raw.load_batches"] + 1
    assert after["raw.quarantine"] == before["raw.quarantine"]   # the same rejections of the same file name
    assert query(import_url, "select record_key, payload ->> 'text' from raw.imported_messages where run_id = %s",
                 (report.run_id,)) == [(target["record_key"], target["text"] + " (editado)")]
    assert query(import_url, "select records_received, records_inserted, records_seen_before from raw.load_batches"
                             " where run_id = %s", (report.run_id,)) == [(records, 1, records - 1)]


def test_a_message_id_read_twice_is_rejected_within_its_account_only(import_url, tmp_path):
    path = tmp_path / "dups.csv"
    path.write_text("review_id,date,rating,review,reply,reply_date,location\n"
                    "d1,2026-04-07 10:00,4,Bien,,,cgs\n"
                    "d1,2026-04-07 11:00,5,Otra vez,,,cgs\n"
                    "d1,2026-04-07 12:00,3,Otro centro,Gracias,2026-04-07 13:00,hcn\n", encoding="utf-8")
    code, output = run_command(path, "--mapping", "reviews_spreadsheet", "--no-build")
    assert code == 0, output
    assert query(import_url, "select account_id, record_key, payload ->> 'source_line' from raw.imported_messages"
                             " where payload ->> 'source_file' = 'dups.csv' order by 1, 2") == [
        ("cgs", "reviews_spreadsheet:d1", "2"), ("hcn", "reviews_spreadsheet:d1", "4"),
        ("hcn", "reviews_spreadsheet:d1:reply", "4")]
    ((reason, text),) = query(import_url, "select reason, record_text from raw.quarantine where account_id = 'dups.csv'")
    assert reason == "line 3, column review_id: message id d1 already read on line 2"
    assert json.loads(text)["text"] == "Otra vez" and reason in output


def test_a_row_whose_account_names_no_institution_is_rejected_with_its_line_and_column(import_url, tmp_path):
    """Its messages would reach no mart: quarantined, and its file-mates load."""
    path = tmp_path / "elsewhere.csv"
    path.write_text("review_id,date,rating,review,reply,reply_date,location\n"
                    "e1,2026-04-08 10:00,2,Mal,,,hia\n"
                    "e2,2026-04-08 11:00,5,Bien,Gracias,2026-04-08 12:00,clinica-desconocida\n", encoding="utf-8")
    code, output = run_command(path, "--mapping", "reviews_spreadsheet", "--no-build")
    assert code == 0, output
    assert query(import_url, "select account_id, record_key from raw.imported_messages"
                             " where payload ->> 'source_file' = 'elsewhere.csv'") == [("hia", "reviews_spreadsheet:e1")]
    reasons = sorted(r for (r,) in query(import_url, "select reason from raw.quarantine where account_id = 'elsewhere.csv'"))
    assert len(reasons) == 2 and all(r.startswith("line 3, column location: account 'clinica-desconocida' names no "
                                                  "institution") for r in reasons)  # the review and its reply


def test_an_interrupted_import_is_not_marked_and_the_next_attempt_completes_it(import_url, tmp_path, monkeypatch):
    from webcare.generator.export import twcs_export
    from webcare.imports import file_sha256
    from webcare.imports import load as import_load

    export = twcs_export(tmp_path / "twcs_cmv.csv", institution="cmv", seed=3, first_id=500_000)
    records = len(export.truth["records"])
    real, calls = import_load.load_batch, []

    def dies_on_the_second_chunk(batch, url=None):
        calls.append(len(batch["records"]))
        if len(calls) == 2:
            raise ConnectionError("the warehouse went away")
        return real(batch, url)

    monkeypatch.setattr(import_load, "CHUNK_RECORDS", 100)
    monkeypatch.setattr(import_load, "load_batch", dies_on_the_second_chunk)
    with pytest.raises(ConnectionError):
        import_load.import_file(export.path, TWCS, {"account_id": "cmv"})
    digest = file_sha256(export.path)
    run_id = import_load.run_id_of(digest)
    assert not query(import_url, "select 1 from raw.file_imports where file_sha256 = %s", (digest,))  # not marked
    assert query(import_url, "select count(*) from raw.imported_messages where run_id = %s", (run_id,)) == [(100,)]
    assert not query(import_url, "select 1 from raw.quarantine where account_id = 'twcs_cmv.csv'")

    report = import_load.import_file(export.path, TWCS, {"account_id": "cmv"})
    assert not report.already_imported and report.run_id == run_id
    assert (report.records_read, report.records_inserted, report.records_seen_before, report.rows_rejected) == (
        records, records, 0, len(export.truth["rejected"]))
    assert query(import_url, "select count(*) from raw.imported_messages where run_id = %s", (run_id,)) == [(records,)]
    assert query(import_url, "select count(distinct batch_date) from raw.imported_messages where run_id = %s",
                 (run_id,)) == [(1,)]
    assert query(import_url, "select records_received, records_inserted, records_seen_before from raw.load_batches"
                             " where run_id = %s", (run_id,)) == [(records, records, 0)]
    assert query(import_url, "select count(*) from raw.quarantine where account_id = 'twcs_cmv.csv'") == [
        (len(export.truth["rejected"]),)]
    assert import_load.import_file(export.path, TWCS, {"account_id": "cmv"}).already_imported


# --- (e) the import DAG on the inbox -------------------------------------------------------------------

def test_the_import_dag_imports_the_inbox_builds_and_publishes(import_url, airflow_db, twcs, first_run):
    from airflow.dag_processing.dagbag import DagBag

    from webcare.generator.export import REVIEWS_MAPPING, reviews_export
    from webcare.imports.load import done_dir, inbox_dir

    export = reviews_export(inbox_dir() / "reviews_cmb.csv", institution="cmb", seed=11)
    bag = DagBag(dag_folder=str(ROOT / "dags"))
    assert not bag.import_errors, bag.import_errors
    dag = bag.get_dag("webcare_import")
    run = dag.test(run_conf={"mapping": REVIEWS_MAPPING})
    assert run.state == "success"
    assert not export.path.exists() and (done_dir() / "reviews_cmb.csv").exists()
    ((read, inserted, rejected),) = query(import_url, "select records_read, records_inserted, rows_rejected"
                                                      " from raw.file_imports where file_name = 'reviews_cmb.csv'")
    assert (read, inserted, rejected) == (len(export.truth["records"]), len(export.truth["records"]),
                                          len(export.truth["rejected"]))
    reasons = [r for (r,) in query(import_url, "select reason from raw.quarantine where account_id = 'reviews_cmb.csv'"
                                               " order by reason")]
    assert len(reasons) == len(export.truth["rejected"])
    for rejection in export.truth["rejected"]:
        assert any(r.startswith(rejection["reason"]) and rejection["fragment"] in r for r in reasons), rejection
    assert_marts_equal_truth(import_url, export.truth["messages"], REVIEWS_MAPPING)
    # the first file's messages are still there, published
    assert query(import_url, "select count(*) from marts.fct_interactions where institution_id = 'hsn'"
                             " and native_id like %s", (TWCS.replace("_", r"\_") + ":%",))[0][0] == len(twcs.truth["messages"])

    # an empty inbox: nothing imported, nothing built, the run succeeds
    before = counts(import_url)
    run = dag.test(run_conf={"mapping": REVIEWS_MAPPING})
    assert run.state == "success"
    assert counts(import_url) == before


def test_two_institutions_files_may_share_message_ids(import_url, first_run, twcs, tmp_path):
    """Message ids are unique per export, not across institutions (a web chat's 1, 2, 3...)."""
    from webcare.generator.export import twcs_export

    first_id = min(int(r["message_id"]) for r in twcs.truth["records"])   # the ids of hsn's file
    export = twcs_export(tmp_path / "twcs_hia.csv", institution="hia", seed=7, first_id=first_id)
    assert {r["record_key"] for r in export.truth["records"]} & {
        key for (key,) in query(import_url, "select record_key from raw.imported_messages where account_id = 'hsn'")}
    code, output = run_command(export.path, "--mapping", TWCS, "--institution", "hia")
    assert code == 0, output[-2000:]
    assert_marts_equal_truth(import_url, export.truth["messages"], TWCS)
    assert_marts_equal_truth(import_url, twcs.truth["messages"], TWCS)   # hsn's messages unchanged


# --- (f) the import DAG reads only allowed places (issue 13) ----------------------------------------------

def test_the_import_dag_refuses_a_path_outside_the_allowed_places_without_echoing_it(import_url, airflow_db, capfd,
                                                                                    caplog):
    """`path=/proc/self/environ` (the worker's environment: the salt, the API tokens) fails the run at
    its first task, naming the path and the allowed places; nothing of the file reaches the log."""
    from airflow.dag_processing.dagbag import DagBag

    before = counts(import_url)
    dag = DagBag(dag_folder=str(ROOT / "dags")).get_dag("webcare_import")
    run = dag.test(run_conf={"path": "/proc/self/environ"})
    assert run.state == "failed"
    states = {ti.task_id: ti.state for ti in run.get_task_instances()}
    assert states["list_files"] == "failed", states
    printed = capfd.readouterr()
    logged = printed.out + printed.err + caplog.text
    assert "imports read only files in the inbox" in logged
    assert "test-salt" not in logged and "WEBCARE_PSEUDONYM_SALT" not in logged
    assert counts(import_url) == before


def test_allowed_import_paths_are_the_inbox_and_the_configured_roots_links_resolved(tmp_path, monkeypatch):
    from webcare.imports.errors import ImportPathNotAllowed
    from webcare.imports.load import allowed_path, inbox_dir

    outside = tmp_path / "outside.csv"
    outside.write_text("secret,cells\n")
    link = inbox_dir() / "looks_local.csv"
    link.symlink_to(outside)
    try:
        for refused in (outside, link, inbox_dir() / ".." / "done" / "x.csv", Path("/proc/self/environ")):
            with pytest.raises(ImportPathNotAllowed) as caught:
                allowed_path(refused)
            assert "secret" not in str(caught.value)
        monkeypatch.setenv("WEBCARE_IMPORT_ROOTS", str(tmp_path))
        assert allowed_path(outside) == str(outside)
        assert allowed_path(link) == str(link)  # it leads into a named root
        with pytest.raises(ImportPathNotAllowed, match="not a regular file"):
            allowed_path(tmp_path)
    finally:
        link.unlink()


def test_a_header_error_names_the_columns_missing_never_the_rows_cells(import_url, tmp_path):
    from webcare.imports.errors import ImportFileError
    from webcare.imports.load import import_file

    wrong = tmp_path / "wrong.csv"
    wrong.write_text("WEBCARE_PSEUDONYM_SALT=test-salt,TOKEN=abc\n1,2\n")
    with pytest.raises(ImportFileError) as caught:
        import_file(wrong, TWCS, {"account_id": "hsn"})
    assert "lacks the columns" in str(caught.value)
    assert "test-salt" not in str(caught.value) and "TOKEN" not in str(caught.value)
