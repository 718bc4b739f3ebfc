"""Erasure on request (issue 13 item 6), through a real DAG run, the real CLI and a rerun.

A person is planted across every API channel of the generated dataset (two X mentions and the
institution's replies to them, a Facebook comment and a Facebook rating, an Instagram comment, a
Google review); webcare_daily loads the whole week; ``python -m webcare.erase`` erases them; then
every table of every schema and every file under the output folder is searched for their ids,
handles, photo URL and record keys, the marts must be what they were minus exactly the planted
messages, the ledger must hold the erasure without the ids, and a rerun of the same day (the fake
platforms still serve the person) must succeed without bringing them back.

Isolation: a database (`webcare_erasure`), an output folder and fake APIs of its own.
"""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from conftest import DAYS, ROOT, START, TEST_HOME, own_database, query, run_day

SUBJECT_X = "7700000000000000077"
SUBJECT_FACEBOOK = "7700000000000078"
SUBJECT_INSTAGRAM = "7700000000000079"
HANDLE_X = "PlantedSubj77"
HANDLE_INSTAGRAM = "planted_subject_ig"
PHOTO = "https://lh3.googleusercontent.com/a/ACg8ocPLANTEDSUBJECTPLANTEDSUBJECTPLANTED00=s120-c-rp-mo-br100"
DAY = START + timedelta(days=DAYS - 1)  # a first run reads everything served before its cutoff


def plant(dataset: Path, into: Path) -> dict:
    """A copy of the dataset with the subject planted; returns the planted record keys per source."""
    shutil.copytree(dataset, into)
    planted = {"x_mentions": [], "x_tweets": [], "facebook_comments": [], "facebook_ratings": [],
               "instagram_comments": [], "google_reviews": []}
    lines = [json.loads(line) for line in (into / "x_tweets.jsonl").read_text(encoding="utf-8").splitlines()]
    from test_poison_records import institutions as rows_of

    institutions = {row["x_user_id"] for row in rows_of(dataset)}
    mentions = [t["tweet"] for t in lines if "in_reply_to_user_id" not in t["tweet"]
                and t["tweet"]["author_id"] not in institutions][:2]
    for tweet in mentions:
        tweet["author_id"] = SUBJECT_X
        planted["x_mentions"].append(tweet["id"])
    for t in lines:
        tweet = t["tweet"]
        if any(r.get("type") == "replied_to" and r.get("id") in planted["x_mentions"]
               for r in tweet.get("referenced_tweets", [])):
            tweet["in_reply_to_user_id"] = SUBJECT_X
            for mention in tweet.get("entities", {}).get("mentions", []):
                tweet["text"] = tweet["text"].replace("@" + mention["username"], "@" + HANDLE_X)
                mention.update(id=SUBJECT_X, username=HANDLE_X)
            t["mentions_user_ids"] = [SUBJECT_X]
            planted["x_tweets"].append(tweet["id"])
    (into / "x_tweets.jsonl").write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in lines),
                                         encoding="utf-8")
    with (into / "x_users.jsonl").open("a", encoding="utf-8") as users:
        users.write(json.dumps({"id": SUBJECT_X, "name": "Planted Subject", "username": HANDLE_X}) + "\n")

    graph = json.loads((into / "graph.json").read_text(encoding="utf-8"))
    comment = next(c for page_id, page in graph["pages"].items() for comments in page["comments"].values()
                   for c in comments if "parent" not in c and c["from"]["id"] != page_id)
    comment["from"] = {"id": SUBJECT_FACEBOOK, "name": "Planted Subject"}
    planted["facebook_comments"].append(comment["id"])
    rating = next(r for page in graph["pages"].values() for r in page["ratings"])
    rating["reviewer"] = {"id": SUBJECT_FACEBOOK, "name": "Planted Subject"}
    ig = next(c for user_id, user in graph["ig_users"].items() for comments in user["comments"].values()
              for c in comments if (c.get("from") or {}).get("id") != user_id)
    for replies in graph["ig_users"][next(u for u, user in graph["ig_users"].items()
                                          if any(ig in cs for cs in user["comments"].values()))]["replies"].values():
        for reply in replies:
            if reply.get("parent_id") == ig["id"]:
                reply["text"] = reply["text"].replace("@" + ig["username"], "@" + HANDLE_INSTAGRAM)
    ig["from"] = {"id": SUBJECT_INSTAGRAM, "username": HANDLE_INSTAGRAM}
    ig["username"] = HANDLE_INSTAGRAM
    planted["instagram_comments"].append(ig["id"])
    (into / "graph.json").write_text(json.dumps(graph, ensure_ascii=False), encoding="utf-8")

    reviews = [json.loads(line) for line in (into / "google_reviews.jsonl").read_text(encoding="utf-8").splitlines()]
    name = next(r for r in reviews if not r["review"]["reviewer"].get("isAnonymous"))["review"]["name"]
    for review in reviews:  # every version of the review (an edit is a new line)
        if review["review"]["name"] == name:
            review["review"]["reviewer"] = {"displayName": "Planted Subject", "profilePhotoUrl": PHOTO,
                                            "isAnonymous": False}
    planted["google_reviews"].append(name)
    (into / "google_reviews.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in reviews),
                                               encoding="utf-8")
    # an export of X conversations (the customer-support-on-twitter mapping) where the same person
    # writes (their X id, as the export's author), one of their rows unreadable (to the quarantine)
    export = (dataset / "exports" / "twcs_hsn.csv").read_text(encoding="utf-8")
    author = export.splitlines()[1].split(",")[1]
    export = export.replace(f",{author},", f",{SUBJECT_X},").replace(f"@{author} ", f"@{SUBJECT_X} ")
    export += f'999001,{SUBJECT_X},True,not a date at all,"@HospSierraNorte me llamo Planted Subject",,\n'
    (into / "twcs_planted.csv").write_text(export, encoding="utf-8")
    planted["imported_lines"] = sum(1 for line in export.splitlines() if SUBJECT_X in line)
    planted["imported_messages"] = [f"customer_support_on_twitter:{int(float(row['tweet_id']))}" for row in
                                    csv.DictReader(io.StringIO(export)) if row["author_id"] == SUBJECT_X
                                    and row["inbound"] == "True" and row["created_at"] != "not a date at all"]
    return planted


def tokens(planted: dict) -> list[str]:
    keys = [k for source, ks in planted.items() if source != "imported_lines" for k in ks]
    return [SUBJECT_X, SUBJECT_FACEBOOK, SUBJECT_INSTAGRAM, HANDLE_X, HANDLE_INSTAGRAM, PHOTO, *keys]


def hits_in_tables(url: str, needles: list[str]) -> dict:
    """Every table of every schema (but the catalogs), every column as text: which hold a needle."""
    found = {}
    for schema, table in query(url, """select table_schema, table_name from information_schema.tables
                                       where table_schema not in ('pg_catalog', 'information_schema')
                                         and table_type = 'BASE TABLE'"""):
        text = query(url, f"select coalesce(string_agg(t::text, ' '), '') from \"{schema}\".\"{table}\" t")[0][0]
        held = [n for n in needles if n in text]
        if held:
            found[f"{schema}.{table}"] = held
    return found


def hits_in_files(home: Path, needles: list[str]) -> dict:
    found = {}
    for path in home.rglob("*"):
        if not path.is_file() or path.relative_to(home).parts[0] in ("pg", "secrets"):
            continue
        data = path.read_bytes()
        held = [n for n in needles if n.encode() in data or json.dumps(n).strip('"').encode() in data]
        if held:
            found[str(path.relative_to(home))] = held
    return found


@pytest.fixture(scope="module")
def erased(warehouse_url, dataset, daily_dag, tmp_path_factory):
    from test_pipeline import task_states
    from webcare import roles
    from webcare.fakes.server import FakeApis

    work = tmp_path_factory.mktemp("erasure")
    planted = plant(dataset, work / "dataset")
    home = work / "home"
    servers = FakeApis(work / "dataset").start()
    with own_database(warehouse_url, "webcare_erasure") as url, pytest.MonkeyPatch.context() as patch:
        patch.setenv("WEBCARE_SECRETS_DIR", str(roles.secrets_dir()))  # the cluster's roles, this session's passwords
        patch.setenv("WEBCARE_HOME", str(home))
        for name, base, token in (("X", servers.x_base_url, "t"), ("GOOGLE", servers.google_base_url, "t"),
                                  ("GRAPH", servers.base_url, "t")):
            patch.setenv(f"AIRFLOW_CONN_WEBCARE_{name}_API",
                         json.dumps({"conn_type": "http", "host": base, "password": token}))
        from webcare.imports.load import import_file

        imported = home / "imports" / "done" / "twcs_planted.csv"  # an imported file the warehouse keeps
        imported.parent.mkdir(parents=True)
        shutil.copyfile(work / "dataset" / "twcs_planted.csv", imported)
        report = import_file(imported, "customer_support_on_twitter", {"account_id": "hsn"})
        first = task_states(run_day(daily_dag, servers, DAY))  # before the rerun replaces the run
        quarantined = query(url, "select count(*) from raw.quarantine where record_text like %s",
                            (f"%{SUBJECT_X}%",))[0][0]
        before = {"tables": hits_in_tables(url, tokens(planted)),
                  "native_ids": {r[0] for r in query(url, "select native_id from marts.fct_interactions")},
                  "responses": query(url, "select count(*) from marts.fct_responses")[0][0]}
        done = subprocess.run(
            [sys.executable, "-m", "webcare.erase", "--author", f"x:{SUBJECT_X}", "--author", f"facebook:{SUBJECT_FACEBOOK}",
             "--author", f"instagram:{SUBJECT_INSTAGRAM}", "--author", f"google:{PHOTO}", "--reference", "REQ-2026-17"],
            env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")}, capture_output=True, text=True, cwd=str(ROOT))
        after = {"tables": hits_in_tables(url, tokens(planted)), "files": hits_in_files(home, tokens(planted)),
                 "native_ids": {r[0] for r in query(url, "select native_id from marts.fct_interactions")}}
        rerun = task_states(run_day(daily_dag, servers, DAY))
        again = {"tables": hits_in_tables(url, tokens(planted)), "files": hits_in_files(home, tokens(planted)),
                 "native_ids": {r[0] for r in query(url, "select native_id from marts.fct_interactions")}}
        yield {"url": url, "planted": planted, "first": first, "report": report, "quarantined": quarantined,
               "imported": imported, "imported_before": (work / "dataset" / "twcs_planted.csv").read_text(), "before": before, "done": done, "after": after,
               "rerun": rerun, "again": again, "home": home}
    servers.stop()


def test_the_planted_person_was_everywhere_before(erased):
    assert set(erased["first"].values()) == {"success"}
    held = erased["before"]["tables"]
    for place in ("raw.x_mentions", "raw.x_tweets", "raw.facebook_comments", "raw.facebook_ratings",
                  "raw.instagram_comments", "raw.google_reviews", "raw.text_annotations",
                  "staging.stg_x__mentions", "marts.fct_interactions"):
        assert any(name.startswith(place) for name in held), (place, sorted(held))
    assert all(k in erased["before"]["native_ids"] for k in erased["planted"]["x_mentions"])
    assert any(name.startswith("raw.imported_messages") for name in held)
    assert erased["quarantined"] >= 1 and erased["report"].rows_rejected >= 1  # the unreadable row


def test_the_imported_file_loses_exactly_the_persons_lines(erased):
    before = erased["imported_before"].splitlines()
    after = erased["imported"].read_text(encoding="utf-8").splitlines()
    assert len(before) - len(after) >= erased["planted"]["imported_lines"]
    assert all(SUBJECT_X not in line for line in after)
    assert after[0] == before[0]  # the header


def test_erasure_leaves_no_trace_in_any_table_or_file(erased):
    done = erased["done"]
    assert done.returncode == 0, done.stderr[-3000:]
    assert "erased; recorded in audit.erasures" in done.stdout
    assert erased["after"]["tables"] == {}
    assert erased["after"]["files"] == {}
    for needle in tokens(erased["planted"]):
        assert needle not in done.stdout + done.stderr  # the command's own output names nobody


def test_the_marts_lose_exactly_the_planted_messages(erased):
    planted = {k for source in ("x_mentions", "facebook_comments", "instagram_comments", "google_reviews",
                                "imported_messages")
               for k in erased["planted"][source]}
    before, after = erased["before"]["native_ids"], erased["after"]["native_ids"]
    assert planted <= {n for n in before if any(n.endswith(p) or n == p for p in planted)} | planted
    assert after == {n for n in before if not any(p in n for p in planted)}
    assert len(before) - len(after) == len(planted)


def test_the_ledger_records_the_erasure_without_the_ids_and_cannot_be_changed(erased):
    import psycopg2

    url = erased["url"]
    rows = query(url, "select reference, subject_hashes, counts from audit.erasures")
    assert len(rows) == 1 and rows[0][0] == "REQ-2026-17"
    counts = rows[0][2]
    assert counts["raw records"] >= sum(len(v) for k, v in erased["planted"].items() if k != "imported_lines")
    assert sum(r[0] for r in query(url, "select raw_rows from audit.erased_records")) == counts["raw records"]
    with pytest.raises(psycopg2.Error, match="append-only"):
        query(url, "delete from audit.erasures")
    assert query(url, "select count(*) from private.erasure_suppressions")[0][0] >= 4


def test_a_rerun_succeeds_and_does_not_bring_the_person_back(erased):
    assert set(erased["rerun"].values()) == {"success"}, erased["rerun"]  # the staging reconciliation counts the erased
    assert erased["again"]["tables"] == {}
    assert erased["again"]["files"] == {}
    assert erased["again"]["native_ids"] == erased["after"]["native_ids"]
