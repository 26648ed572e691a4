"""A throwaway PostgreSQL cluster for the tests, started from `initdb`/`pg_ctl`/`postgres`
on PATH in a temporary folder, listening on 127.0.0.1 (a free port) and on a socket in
that folder, and deleted when stopped.

PostgreSQL refuses to run as root; as root (CI containers) the cluster runs as the
`postgres` user, which then owns the folder. Durability is switched off (fsync,
synchronous commit, full-page writes): the data is thrown away anyway, and each test's
database is created and dropped in milliseconds instead of tens.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from itertools import count
from pathlib import Path

import asyncpg

BINARIES = ("initdb", "pg_ctl", "postgres")
MISSING = "PostgreSQL binaries (initdb, pg_ctl, postgres) are not on PATH"
ADMIN_DB = "postgres"
TEMPLATE_DB = "domestique_template"
PREFIX = "domestique-pg-"
OWNER = "owner.pid"
"""The test process a cluster belongs to: one whose process is gone was killed before it
could stop its cluster (a timeout, SIGKILL), and the next start stops and deletes it."""


def missing_binaries() -> list[str]:
    return [b for b in BINARIES if shutil.which(b) is None]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PgCluster:
    def __init__(self, folder: Path, port: int, run_as: str | None) -> None:
        self.folder = folder
        self.port = port
        self._run_as = run_as
        self._names = count(1)
        self._template_ready = False
        self._spare: list[str] = []

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def _command(self, *argv: str) -> list[str]:
        if self._run_as is None:
            return list(argv)
        return ["runuser", "-u", self._run_as, "--", *argv]

    def _run(self, *argv: str) -> None:
        done = subprocess.run(self._command(*argv), capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(argv[:2])} failed: {done.stderr or done.stdout}")

    @classmethod
    def start(cls) -> PgCluster:
        run_as = "postgres" if os.geteuid() == 0 else None
        _reap_orphans(run_as)
        folder = Path(tempfile.mkdtemp(prefix=PREFIX))
        (folder / OWNER).write_text(str(os.getpid()))
        if run_as is not None:
            user = pwd.getpwnam(run_as)
            os.chown(folder, user.pw_uid, user.pw_gid)
        cluster = cls(folder, _free_port(), run_as)
        try:
            cluster._run(
                "initdb", "-D", str(cluster.data), "-A", "trust", "-U", "postgres",
                "-E", "UTF8", "--locale=C", "--no-sync",
            )  # fmt: skip
            options = (
                f"-k {folder} -p {cluster.port} -c listen_addresses=127.0.0.1 "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                "-c max_connections=200"
            )
            cluster._run(
                "pg_ctl", "-D", str(cluster.data), "-o", options, "-l",
                str(folder / "server.log"), "-w", "-t", "60", "start",
            )  # fmt: skip
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return cluster

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    async def create_database(self, *, migrated: bool = True) -> str:
        """A fresh database, its schema migrated (copied from a template migrated once:
        a copy takes a tenth of the migrations' time) unless not `migrated`; its name."""
        if migrated and not self._template_ready:
            await self._migrate_template()
        name = f"test_{os.getpid()}_{next(self._names)}"
        template = TEMPLATE_DB if migrated else "template0"
        conn = await asyncpg.connect(self.url(ADMIN_DB))
        try:
            await conn.execute(f"CREATE DATABASE {name} TEMPLATE {template} STRATEGY WAL_LOG")
        finally:
            await conn.close()
        return name

    async def lend(self) -> str:
        """A migrated database with no rows in it, for one test; `give_back` when done.

        Emptying a used one (DELETE of a few rows, sequences reset) takes milliseconds,
        where copying the template or a TRUNCATE (new files for every table) took up to a
        second on a loaded machine."""
        return self._spare.pop() if self._spare else await self.create_database()

    async def give_back(self, name: str) -> None:
        conn = await asyncpg.connect(self.url(name))
        try:
            await conn.execute(await _emptying_script(conn))
        except (asyncpg.PostgresError, OSError):
            # A test left a transaction open on it (a failure): drop it instead.
            await conn.close()
            await self.drop_database(name)
            return
        finally:
            await conn.close()
        self._spare.append(name)

    async def _migrate_template(self) -> None:
        from storage import Storage

        conn = await asyncpg.connect(self.url(ADMIN_DB))
        try:
            await conn.execute(f"CREATE DATABASE {TEMPLATE_DB} TEMPLATE template0")
        finally:
            await conn.close()
        storage = await Storage.open(self.url(TEMPLATE_DB))
        await storage.close()
        self._template_ready = True

    async def drop_database(self, name: str) -> None:
        conn = await asyncpg.connect(self.url(ADMIN_DB))
        try:
            await conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        finally:
            await conn.close()


def _reap_orphans(run_as: str | None) -> None:
    for owner in Path(tempfile.gettempdir()).glob(f"{PREFIX}*/{OWNER}"):
        try:
            os.kill(int(owner.read_text()), 0)
            continue  # its test process still runs
        except ProcessLookupError:
            pass
        except (OSError, ValueError):
            continue
        orphan = PgCluster(owner.parent, 0, run_as)
        orphan.stop()


async def _emptying_script(conn: asyncpg.Connection) -> str:
    """Every row gone and every identity back at 1, as in a new database. Foreign keys are
    not checked meanwhile (replica role), so tables go in any order."""
    tables = await conn.fetch(
        "SELECT quote_ident(tablename) FROM pg_tables "
        "WHERE schemaname = 'public' AND tablename <> 'schema_version'"
    )
    sequences = await conn.fetch(
        "SELECT quote_ident(sequencename) FROM pg_sequences WHERE schemaname = 'public'"
    )
    lines = ["SET lock_timeout = '2s'", "BEGIN", "SET LOCAL session_replication_role = replica"]
    lines += [f"DELETE FROM {row[0]}" for row in tables]
    lines += [f"ALTER SEQUENCE {row[0]} RESTART" for row in sequences]
    return ";\n".join([*lines, "COMMIT"])


@contextlib.contextmanager
def running_cluster() -> Iterator[PgCluster]:
    cluster = PgCluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()
