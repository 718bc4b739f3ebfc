"""The embedded default warehouse: a private PostgreSQL cluster in the project's ``var/`` folder.

Used only when no warehouse is configured (``WEBCARE_WAREHOUSE_URL`` or the Airflow connection
``webcare_warehouse``). It listens on 127.0.0.1 only, on a private port, with password (SCRAM)
authentication, and with PostgreSQL's durability defaults (fsync, full_page_writes,
synchronous_commit on: raw holds data the APIs will not give again).

``initdb`` and ``pg_ctl`` refuse to run as root, so as root they run as the unprivileged OS user
``webcare`` (created on first use) through ``runuser``. That user must reach the data folder: when
the project lives where only root can go (a clone under ``/root``, a ``mktemp -d`` folder), the
server's files (data, socket, log) go to ``/var/lib/webcare/clusters/<name>-<hash of var/pg's
path>`` instead (``WEBCARE_PG_CLUSTERS_DIR``), owned by ``webcare``, mode 700, one per project
folder. The password file stays in ``var/pg`` (readable by root only); ``var/pg/server-dir`` says
where the server's files are. ``destroy`` removes both.

    python -m webcare.embedded_pg start|stop|status|url|destroy
"""
from __future__ import annotations

import argparse
import hashlib
import os
import pwd
import secrets
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from webcare import config
from webcare.errors import WarehouseError

OS_USER = "webcare"
DEFAULT_PORT = 55432
DATABASE = "webcare"
CLUSTERS_DIR_DEFAULT = "/var/lib/webcare/clusters"


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
    root: Path          # var/pg: the password file, and the server's files unless they cannot be here
    port: int = DEFAULT_PORT
    _decided: Path | None = field(default=None, init=False, repr=False, compare=False)

    # -- where the server's files are ------------------------------------------------------------
    @property
    def server_dir(self) -> Path:
        """The folder of the server's own files (data, socket, log): ``root``, or, as root when the OS
        user cannot reach ``root``, a folder of its own under the clusters folder (decided once)."""
        recorded = self.root / "server-dir"
        if recorded.exists():
            return Path(recorded.read_text().strip())
        if self._decided is None:
            reachable = (self.root / "data" / "PG_VERSION").exists() or os.geteuid() != 0 \
                or self._owner_reaches(self.root)
            if not reachable:
                os.chown(self.root, 0, 0)  # no use to the OS user: back to root's
            self._decided = self.root if reachable else self.external_dir()
        return self._decided

    def external_dir(self) -> Path:
        """The server's folder when the OS user cannot reach ``root``: one per project path."""
        clusters = Path(os.environ.get("WEBCARE_PG_CLUSTERS_DIR") or CLUSTERS_DIR_DEFAULT)
        return clusters / f"cluster-{hashlib.sha256(str(self.root.resolve()).encode()).hexdigest()[:16]}"

    @property
    def data_dir(self) -> Path:
        return self.server_dir / "data"

    @property
    def socket_dir(self) -> Path:
        return self.server_dir / "run"

    @property
    def log_file(self) -> Path:
        return self.server_dir / "postgresql.log"

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

    def _owner_reaches(self, path: Path) -> bool:
        """Can the OS user create files in ``path`` (every folder above it traversable)?"""
        self._ensure_os_user()
        path.mkdir(parents=True, exist_ok=True)
        owner = pwd.getpwnam(OS_USER)
        os.chown(path, owner.pw_uid, owner.pw_gid)
        return subprocess.run(["runuser", "-u", OS_USER, "--", "test", "-w", str(path), "-a", "-x", str(path)],
                              capture_output=True).returncode == 0

    def _ensure_os_user(self) -> None:
        if os.geteuid() != 0:
            return
        try:
            pwd.getpwnam(OS_USER)
        except KeyError:
            subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                            OS_USER], check=True)

    def _own_server_dirs(self) -> None:
        """Create the server's folders, owned by the OS user when we are root."""
        for path in (self.server_dir, self.socket_dir):
            path.mkdir(parents=True, exist_ok=True)
            if os.geteuid() == 0:
                owner = pwd.getpwnam(OS_USER)
                os.chown(path, owner.pw_uid, owner.pw_gid)
        if self.server_dir != self.root:
            self.server_dir.chmod(0o700)

    def is_initialised(self) -> bool:
        return (self.data_dir / "PG_VERSION").exists() and self.password_file.exists()

    def is_running(self) -> bool:
        if not (self.data_dir / "PG_VERSION").exists():
            return False
        return self._run([str(find_bindir() / "pg_ctl"), "-D", str(self.data_dir), "status"],
                         check=False).returncode == 0

    def init(self) -> None:
        bindir = find_bindir()
        self.root.mkdir(parents=True, exist_ok=True)
        self._ensure_os_user()
        server_dir = self.server_dir
        if server_dir != self.root:
            # a folder of this project path's earlier cluster whose var/pg was deleted (make clean,
            # the tests' fresh var/test): without its password it is of no use
            if (server_dir / "data" / "PG_VERSION").exists():
                self.stop()
            shutil.rmtree(server_dir, ignore_errors=True)
            server_dir.parent.mkdir(parents=True, exist_ok=True)
            (self.root / "server-dir").write_text(f"{server_dir}\n")
        self._own_server_dirs()
        if server_dir != self.root:
            (server_dir / "project-pg-folder").write_text(f"{self.root.resolve()}\n")  # for whoever finds it
        password = secrets.token_urlsafe(24)
        pwfile = self.server_dir / "initdb-password"
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
            self._own_server_dirs()
            # PostgreSQL's durability defaults (fsync, full_page_writes, synchronous_commit): on
            options = f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1"
            self._run([str(find_bindir() / "pg_ctl"), "-D", str(self.data_dir), "-l", str(self.log_file),
                       "-w", "-t", "60", "-o", options, "start"])
        self._create_database()
        return self.url()

    def stop(self) -> None:
        if self.is_running():
            self._run([str(find_bindir() / "pg_ctl"), "-D", str(self.data_dir), "-m", "fast", "-w", "stop"])

    def destroy(self) -> None:
        """Stop the cluster and remove its files, wherever they are."""
        self.stop()
        server_dir = self.server_dir
        if server_dir != self.root:
            shutil.rmtree(server_dir, ignore_errors=True)
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
                # the mark that lets the demo reset this database, and no other (is_marked)
                cur.execute(f"comment on database {DATABASE} is %s", (self.mark(),))
        finally:
            conn.close()

    def serves(self, url: str) -> bool:
        """Whether ``url`` names a database of this cluster (loopback, its port) and the cluster is
        this project's (its password file exists)."""
        from webcare.warehouse import url_parts

        parts = url_parts(url)
        return (parts["host"] in ("127.0.0.1", "localhost") and parts["port"] == str(self.port)
                and self.password_file.exists())

    def pseudonym_salt(self) -> str:
        """The embedded cluster's own pseudonym salt (webcare.pseudonyms): random, created once, kept
        beside the password (0600). Only the embedded cluster has a salt without WEBCARE_PSEUDONYM_SALT."""
        salt_file = self.root / "pseudonym-salt"
        if not salt_file.exists():
            self.root.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(salt_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w") as out:
                out.write(secrets.token_urlsafe(32) + "\n")
        return salt_file.read_text().strip()

    def mark(self) -> str:
        """This cluster's mark on its database: a random id kept in var/pg (created once)."""
        mark_file = self.root / "cluster-mark"
        if not mark_file.exists():
            mark_file.write_text(f"webcare embedded cluster {secrets.token_hex(16)}\n")
            mark_file.chmod(0o600)
        return mark_file.read_text().strip()

    def is_marked(self, url: str) -> bool:
        """Whether ``url`` is this cluster's own database (its port and its mark): the only warehouse
        the demo may reset. A configured warehouse, or another cluster's database, never is."""
        import psycopg2

        from webcare.warehouse import url_parts

        parts = url_parts(url)
        if parts["port"] != str(self.port) or parts["dbname"] != DATABASE \
                or parts["host"] not in ("127.0.0.1", "localhost") or not (self.root / "cluster-mark").exists():
            return False
        conn = psycopg2.connect(url)
        try:
            with conn.cursor() as cur:
                cur.execute("select shobj_description(oid, 'pg_database') from pg_database"
                            " where datname = current_database()")
                (comment,) = cur.fetchone()
        finally:
            conn.close()
        return comment == self.mark()


def default_cluster() -> Cluster:
    port = int(os.environ.get("WEBCARE_PG_PORT", DEFAULT_PORT))
    return Cluster(root=config.home() / "pg", port=port)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m webcare.embedded_pg", description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["start", "stop", "status", "url", "destroy"])
    args = parser.parse_args(argv)
    cluster = default_cluster()
    if args.action == "start":
        cluster.start()
        print(f"PostgreSQL running on 127.0.0.1:{cluster.port} (data in {cluster.data_dir})")
    elif args.action == "stop":
        cluster.stop()
        print("PostgreSQL stopped")
    elif args.action == "destroy":
        cluster.destroy()
        print("PostgreSQL stopped and its files removed")
    elif args.action == "status":
        running = cluster.is_running()
        print("running" if running else "stopped")
        return 0 if running else 3
    else:
        print(cluster.url())
    return 0


if __name__ == "__main__":
    sys.exit(main())
