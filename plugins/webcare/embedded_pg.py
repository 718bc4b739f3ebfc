"""The embedded default warehouse: a private PostgreSQL cluster in the project's ``var/`` folder.

Used only when no warehouse is configured (``WEBCARE_WAREHOUSE_URL`` or the Airflow connection
``webcare_warehouse``). It listens on 127.0.0.1 only, on a private port, with password (SCRAM)
authentication. ``initdb`` and ``pg_ctl`` refuse to run as root, so as root they run as the
unprivileged OS user ``webcare`` (created on first use) through ``runuser``.

    python -m webcare.embedded_pg start|stop|status|url
"""
from __future__ import annotations

import argparse
import os
import pwd
import secrets
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from webcare import config
from webcare.errors import WarehouseError

OS_USER = "webcare"
DEFAULT_PORT = 55432
DATABASE = "webcare"


def find_bindir() -> Path:
    """The server binaries: WEBCARE_PG_BINDIR, else the newest Debian /usr/lib/postgresql/N/bin."""
    explicit = os.environ.get("WEBCARE_PG_BINDIR")
    candidates = [Path(explicit)] if explicit else sorted(
        Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name), reverse=True
    )
    for bindir in candidates:
        if (bindir / "initdb").exists() and (bindir / "pg_ctl").exists():
            return bindir
    raise WarehouseError(
        "PostgreSQL server binaries not found: run `make setup` (installs Debian's postgresql) "
        "or set WEBCARE_WAREHOUSE_URL to an existing server"
    )


@dataclass
class Cluster:
    root: Path
    port: int = DEFAULT_PORT

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root / "run"

    @property
    def log_file(self) -> Path:
        return self.root / "postgresql.log"

    @property
    def password_file(self) -> Path:
        return self.root / "password"

    def url(self) -> str:
        password = self.password_file.read_text().strip()
        return f"postgresql://postgres:{password}@127.0.0.1:{self.port}/{DATABASE}"

    # -- running the server's own tools ---------------------------------------------------------
    def _as_owner(self, args: list[str]) -> list[str]:
        if os.geteuid() != 0:
            return args
        return ["runuser", "-u", OS_USER, "--", *args]

    def _run(self, args: list[str], check: bool = True) -> subprocess.CompletedProcess:
        proc = subprocess.run(self._as_owner(args), capture_output=True, text=True)
        if check and proc.returncode != 0:
            raise WarehouseError(f"{Path(args[0]).name} failed ({proc.returncode}): {proc.stderr.strip()}"
                                 f"\nsee {self.log_file}")
        return proc

    def _ensure_os_user(self) -> None:
        if os.geteuid() != 0:
            return
        try:
            pwd.getpwnam(OS_USER)
        except KeyError:
            subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                            OS_USER], check=True)
        owner = pwd.getpwnam(OS_USER)
        for path in (self.root, self.socket_dir):
            os.chown(path, owner.pw_uid, owner.pw_gid)

    def is_initialised(self) -> bool:
        return (self.data_dir / "PG_VERSION").exists()

    def is_running(self) -> bool:
        if not self.is_initialised():
            return False
        return self._run([str(find_bindir() / "pg_ctl"), "-D", str(self.data_dir), "status"],
                         check=False).returncode == 0

    def init(self) -> None:
        bindir = find_bindir()
        self.root.mkdir(parents=True, exist_ok=True)
        self.socket_dir.mkdir(parents=True, exist_ok=True)
        self._ensure_os_user()
        password = secrets.token_urlsafe(24)
        pwfile = self.root / "initdb-password"
        pwfile.write_text(password + "\n")
        if os.geteuid() == 0:
            owner = pwd.getpwnam(OS_USER)
            os.chown(pwfile, owner.pw_uid, owner.pw_gid)
        try:
            self._run([str(bindir / "initdb"), "-D", str(self.data_dir), "-U", "postgres",
                       "--auth-local=scram-sha-256", "--auth-host=scram-sha-256",
                       f"--pwfile={pwfile}", "-E", "UTF8", "--locale=C.UTF-8"])
        finally:
            pwfile.unlink(missing_ok=True)
        self.password_file.write_text(password + "\n")
        self.password_file.chmod(0o600)

    def start(self) -> str:
        """Start the cluster (initialising it the first time) and return its URL."""
        if not self.is_initialised():
            self.init()
        if not self.is_running():
            self._ensure_os_user()
            options = (f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1 "
                       "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
            self._run([str(find_bindir() / "pg_ctl"), "-D", str(self.data_dir), "-l", str(self.log_file),
                       "-w", "-t", "60", "-o", options, "start"])
        self._create_database()
        return self.url()

    def stop(self) -> None:
        if self.is_running():
            self._run([str(find_bindir() / "pg_ctl"), "-D", str(self.data_dir), "-m", "fast", "-w", "stop"])

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def _create_database(self) -> None:
        import psycopg2

        admin_url = self.url().rsplit("/", 1)[0] + "/postgres"
        deadline = time.monotonic() + 30
        while True:
            try:
                conn = psycopg2.connect(admin_url)
                break
            except psycopg2.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        conn.autocommit = True
        try:
            with conn.cursor() as cur:
                cur.execute("select 1 from pg_database where datname = %s", (DATABASE,))
                if cur.fetchone() is None:
                    cur.execute(f"create database {DATABASE}")
        finally:
            conn.close()


def default_cluster() -> Cluster:
    port = int(os.environ.get("WEBCARE_PG_PORT", DEFAULT_PORT))
    return Cluster(root=config.home() / "pg", port=port)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m webcare.embedded_pg", description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["start", "stop", "status", "url"])
    args = parser.parse_args(argv)
    cluster = default_cluster()
    if args.action == "start":
        cluster.start()
        print(f"PostgreSQL running on 127.0.0.1:{cluster.port} (data in {cluster.data_dir})")
    elif args.action == "stop":
        cluster.stop()
        print("PostgreSQL stopped")
    elif args.action == "status":
        running = cluster.is_running()
        print("running" if running else "stopped")
        return 0 if running else 3
    else:
        print(cluster.url())
    return 0


if __name__ == "__main__":
    sys.exit(main())
