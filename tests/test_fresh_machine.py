"""A fresh machine, anyone's: the tests need nothing outside the repository, and the embedded
PostgreSQL starts as root from a folder only root can enter, and as a normal user.

The cluster tests run `python -m webcare.embedded_pg` in a subprocess with a WEBCARE_HOME of its own
and a free port, as a user of the machine would, so the suite's own cluster is not involved.
"""
from __future__ import annotations

import json
import os
import pwd
import re
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import ROOT

SHARED = "sha" + "red"  # spelled in two so that this file does not find itself
# a path into the folder beside the project that only this project's authors have
OUTSIDE = re.compile(r"\.\.[/\\]" + SHARED + r"\b|[\"']" + SHARED + r"[\"']\s*[/)]|/\s*[\"']" + SHARED + r"[\"']")


def repository_files() -> list[Path]:
    """Every file of the repository (tracked, or new and not ignored); without git, the tree minus
    what the project writes or installs."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                                check=True, capture_output=True).stdout.decode().split("\0")
        return [ROOT / name for name in listed if name and (ROOT / name).is_file() and not (ROOT / name).is_symlink()]
    except (OSError, subprocess.CalledProcessError):
        skip = {".git", ".venv", "var", "node_modules", "__pycache__", ".pytest_cache"}
        return [p for p in ROOT.rglob("*") if p.is_file() and not skip & set(p.relative_to(ROOT).parts)]


def test_no_file_of_the_repository_reads_the_folder_beside_it():
    files = repository_files()
    assert len(files) > 100 and ROOT / "tests" / "test_fake_api_contract.py" in files
    offenders = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        offenders += [f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, m.start()) + 1}: {m.group(0)}"
                      for m in OUTSIDE.finditer(text)]
    assert offenders == []
    # the check does find such a path
    assert OUTSIDE.search("REFERENCE = ROOT.parent / '" + SHARED + "' / 'reference'")
    assert OUTSIDE.search("see ../" + SHARED + "/reference/README.md")


def test_the_reference_files_are_in_the_repository_with_every_schema_they_reach():
    reference = ROOT / "tests" / "reference"
    readme = (reference / "README.md").read_text(encoding="utf-8")
    x_spec = json.loads((reference / "x-api-v2-openapi.json").read_text(encoding="utf-8"))
    schemas = x_spec["components"]["schemas"]
    reached = set(re.findall(r"#/components/schemas/([A-Za-z0-9_]+)", json.dumps(x_spec)))
    assert reached <= set(schemas) and {"Get2UsersIdMentionsResponse", "Problem", "Tweet"} <= set(schemas)
    assert x_spec["info"]["version"] == "2.159"
    google = (reference / "google-business-profile-v4-review-schemas.yaml").read_text(encoding="utf-8")
    assert "Review:" in google and "ReviewReply:" in google and "Reviewer:" in google
    for name in ("x-api-v2-openapi.json", "google-business-profile-v4-review-schemas.yaml"):
        assert f"`{name}`" in readme
    assert "84c26540df30" in readme and "2026-12-01" in readme  # source and date


# --- the embedded cluster from a folder of its own, as root and as a normal user ---------------------

CLUSTER_SCRIPT = r"""
import json, os, sys
import psycopg2
from webcare.embedded_pg import default_cluster

cluster = default_cluster()
url = cluster.start()
with psycopg2.connect(url) as conn, conn.cursor() as cur:
    cur.execute("create table kept (n int)")
    cur.execute("insert into kept values (42)")
conn.close()
cluster.stop()
assert not cluster.is_running()
url = default_cluster().start()  # a new process would see the same: the row survived the restart
with psycopg2.connect(url) as conn, conn.cursor() as cur:
    cur.execute("select n from kept")
    kept = cur.fetchall()
    settings = {}
    for name in ("fsync", "full_page_writes", "synchronous_commit", "data_directory", "listen_addresses"):
        cur.execute("select current_setting(%s)", (name,))
        settings[name] = cur.fetchone()[0]
conn.close()
print(json.dumps({"kept": kept, "settings": settings, "server_dir": str(cluster.server_dir),
                  "password_file": str(cluster.password_file)}))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_cluster(home: Path, user: str | None = None, inspect=lambda result: None) -> dict:
    """Start, write, restart and read the cluster of ``home`` in a subprocess (as ``user``), call
    ``inspect`` with what it saw while its files are there, then destroy it."""
    env = {**os.environ, "WEBCARE_HOME": str(home), "WEBCARE_PG_PORT": str(free_port()),
           "PYTHONPATH": str(ROOT / "plugins")}
    env.pop("WEBCARE_WAREHOUSE_URL", None)
    prefix = ["runuser", "-u", user, "--"] if user else []
    python = sys.executable if not user else world_python()
    if user:  # the test environment's packages, for an interpreter that user may run
        env["PYTHONPATH"] += os.pathsep + next(p for p in sys.path if p.endswith("site-packages"))
        env["HOME"] = str(home)
    proc = subprocess.run([*prefix, python, "-c", CLUSTER_SCRIPT], env=env, capture_output=True, text=True,
                          timeout=300, cwd=home.parent if user else None)
    try:
        assert proc.returncode == 0, proc.stderr[-3000:]
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        inspect(result)
        return result
    finally:
        subprocess.run([*prefix, python, "-m", "webcare.embedded_pg", "destroy"], env=env, capture_output=True,
                       timeout=120, cwd=home.parent if user else None)


def world_python() -> str | None:
    """A Python 3.11 with which the unprivileged user can import this project and its packages (the
    interpreter may live under /root; the project may be in a folder only root can enter)."""
    path = os.pathsep.join([str(ROOT / "plugins"), next(p for p in sys.path if p.endswith("site-packages"))])
    for candidate in (sys.executable, shutil.which("python3.11"), "/usr/bin/python3.11", "/usr/local/bin/python3.11"):
        if candidate and subprocess.run(["runuser", "-u", "webcare", "--", "env", f"PYTHONPATH={path}", candidate,
                                         "-c", "import psycopg2, webcare.embedded_pg"],
                                        capture_output=True, cwd="/").returncode == 0:
            return candidate
    return None


def assert_durable_and_kept(result: dict) -> None:
    assert result["kept"] == [[42]]
    assert {k: result["settings"][k] for k in ("fsync", "full_page_writes", "synchronous_commit")} == \
        {"fsync": "on", "full_page_writes": "on", "synchronous_commit": "on"}  # PostgreSQL's defaults
    assert result["settings"]["listen_addresses"] == "127.0.0.1"


@pytest.mark.skipif(os.geteuid() != 0, reason="the root case needs root (a normal user's case runs below)")
def test_the_embedded_cluster_starts_as_root_from_a_folder_only_root_can_enter():
    private = Path(tempfile.mkdtemp(prefix="webcare-root-only-"))  # mode 700, owned by root
    try:
        assert stat.S_IMODE(private.stat().st_mode) == 0o700 and private.stat().st_uid == 0
        home = private / "clone" / "var"

        def inspect(result):
            server_dir = Path(result["server_dir"])
            # the server's files are outside the folder the cluster's user cannot reach, in one of its own
            assert not str(server_dir).startswith(str(private)) and server_dir.name.startswith("cluster-")
            assert result["settings"]["data_directory"] == str(server_dir / "data")
            owner = server_dir.stat()
            assert pwd.getpwuid(owner.st_uid).pw_name == "webcare" and stat.S_IMODE(owner.st_mode) == 0o700
            assert Path(result["password_file"]) == home / "pg" / "password"
            password = Path(result["password_file"]).stat()
            assert password.st_uid == 0 and stat.S_IMODE(password.st_mode) == 0o600
            assert (home / "pg" / "server-dir").read_text().strip() == str(server_dir)

        result = run_cluster(home, inspect=inspect)
        assert_durable_and_kept(result)
        assert not Path(result["server_dir"]).exists() and not (home / "pg").exists()  # destroy removed both
    finally:
        shutil.rmtree(private, ignore_errors=True)


def test_the_embedded_cluster_starts_as_a_normal_user():
    if os.geteuid() != 0:  # we are the normal user
        home = Path(tempfile.mkdtemp(prefix="webcare-user-")) / "var"
        try:
            result = run_cluster(home)
        finally:
            shutil.rmtree(home.parent, ignore_errors=True)
    else:
        from webcare.embedded_pg import OS_USER, Cluster

        Cluster(Path(tempfile.gettempdir()))._ensure_os_user()  # creates the unprivileged user if missing
        if world_python() is None:
            pytest.skip("the unprivileged user cannot run this project here (no Python 3.11 it may run, or the "
                        "project is in a folder only root can enter); as a normal user the case runs as itself")
        folder = Path(tempfile.mkdtemp(prefix="webcare-user-"))
        owner = pwd.getpwnam(OS_USER)
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        try:
            result = run_cluster(folder / "var", user=OS_USER)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    assert_durable_and_kept(result)
    assert result["settings"]["data_directory"].endswith("/var/pg/data")  # in the project's var/, as ever
