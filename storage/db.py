"""Opening the SQLite file: checks before SQLite touches it, per-connection pragmas and
numbered migrations."""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import stat
import time
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import aiosqlite

from storage.target import shown

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
MEMORY = ":memory:"
_MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")
_HEADER = b"SQLite format 3\x00"
_HEADER_BYTES = 100


class DatabaseError(Exception):
    """The database cannot be used: the file and the cause in words, for one line."""

    def __init__(self, path: str | Path, cause: str) -> None:
        # A PostgreSQL URL may hold a password: never in a message.
        super().__init__(f"{shown(path)}: {cause}")
        self.path = shown(path)
        self.cause = cause


class SchemaTooNew(RuntimeError):
    """The file was written by a later Domestique; migrating it back is not possible."""


# SQLite's own words, and what an operator can do about them.
_HINTS = {
    "SQLITE_NOTADB": "not a SQLite database",
    "SQLITE_CORRUPT": "damaged or truncated; restore a backup",
    "SQLITE_CANTOPEN": "it and its folder must be readable and writable",
    "SQLITE_READONLY": "check the file's and folder's permissions and that the disk is writable",
    "SQLITE_BUSY": "another process holds a lock on it",
    "SQLITE_FULL": "free some space",
    "SQLITE_IOERR": "the disk or filesystem failed",
    "SQLITE_PERM": "permission denied",
}


def describe(exc: BaseException) -> str:
    """One line saying why the database could not be used."""
    if isinstance(exc, sqlite3.Error):
        name = getattr(exc, "sqlite_errorname", "") or ""
        hint = _HINTS.get("_".join(name.split("_")[:2]))
        return f"{exc} ({hint})" if hint else str(exc) or type(exc).__name__
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def is_memory(path: str | Path) -> bool:
    return str(path) == MEMORY


def check_file(path: str | Path, *, writable: bool) -> None:
    """Refuse (DatabaseError), before SQLite opens it, a path SQLite would fail on vaguely,
    change, or quietly open read-only; create a missing folder when `writable`."""
    path = Path(path)
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        if not writable:
            raise DatabaseError(path, "no database here") from None
        _make_folder(path)
        return
    except OSError as exc:
        raise DatabaseError(path, f"cannot reach it: {describe(exc)}") from None
    if stat.S_ISDIR(mode):
        raise DatabaseError(path, "is a folder, not a database file")
    if not stat.S_ISREG(mode):
        # SQLite would open /dev/null as an empty database and put its -wal beside it.
        raise DatabaseError(path, "not a regular file (a device, pipe or socket)")
    try:
        # r+b writes nothing; it fails as a write would (read-only file or filesystem).
        with path.open("r+b" if writable else "rb") as fh:
            header = fh.read(_HEADER_BYTES)
            size = os.fstat(fh.fileno()).st_size
    except OSError as exc:
        verb = "open it for writing" if writable else "read it"
        raise DatabaseError(path, f"cannot {verb}: {describe(exc)}") from None
    if size and (len(header) < _HEADER_BYTES or not header.startswith(_HEADER)):
        raise DatabaseError(path, "not a SQLite database (its first bytes are not SQLite's)")
    if size:
        _check_header(path, header, size)


def _make_folder(path: Path) -> None:
    existing = next((p for p in path.parents if p.exists()), None)
    if existing is not None and not existing.is_dir():
        raise DatabaseError(path, f"cannot create its folder: {existing} is a file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(path, f"cannot create its folder: {describe(exc)}") from None


def _check_header(path: Path, header: bytes, size: int) -> None:
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise DatabaseError(path, "damaged: its header names no valid page size")
    pages = int.from_bytes(header[28:32], "big")
    # SQLite trusts the size in the header only when these two counters agree. With a
    # -wal or -journal beside it the file may be mid-checkpoint or mid-recovery, and
    # SQLite sorts that out itself.
    trusted = pages and header[24:28] == header[92:96]
    if trusted and not _has_content(f"{path}-wal") and not _has_content(f"{path}-journal"):
        expected = pages * page_size
        if size < expected:
            raise DatabaseError(
                path, f"truncated: {size} bytes of the {expected} its header counts"
            )


def _has_content(path: str) -> bool:
    try:
        return os.path.getsize(path) > 0
    except OSError:
        return False


def migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of every bundled migration, in order (SQLite's text;
    storage/pg_schema.py gives each its PostgreSQL form)."""
    found = []
    for item in resources.files("storage").joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.match(item.name)
        if match:
            found.append((int(match.group(1)), item.name, item.read_text(encoding="utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations must be numbered 001, 002, ... without gaps: {versions}")
    return found


async def connect(
    path: str | Path,
    *,
    read_only: bool = False,
    wal: bool = True,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> aiosqlite.Connection:
    """A connection with the pragmas every connection needs; only WAL (`wal`, ignored when
    `read_only`) writes to the file. Closed again when a pragma fails: an open aiosqlite
    connection's thread would keep the process from exiting."""
    if read_only and not is_memory(path):
        conn = await aiosqlite.connect(_read_only_uri(path), uri=True, isolation_level=None)
    else:
        conn = await aiosqlite.connect(str(path), isolation_level=None)
    try:
        conn.row_factory = sqlite3.Row
        await conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")
        await conn.execute("PRAGMA synchronous = NORMAL")
        await conn.execute("PRAGMA foreign_keys = ON")
        if read_only:
            await conn.execute("PRAGMA query_only = ON")
        elif wal:
            await enable_wal(conn)
    except BaseException:
        await conn.close()
        raise
    return conn


def _read_only_uri(path: str | Path) -> str:
    # as_uri() escapes "?", "#" and "%", which a plain name may hold and a URI may not.
    return f"{Path(path).absolute().as_uri()}?mode=ro"


async def enable_wal(conn: aiosqlite.Connection) -> None:
    """WAL persists in the file: set it once the file is known to be ours."""
    await conn.execute("PRAGMA journal_mode = WAL")


LOOKUP_BUSY_TIMEOUT_MS = 1000
"""A WAL reader never waits for the writer; this only bounds the rare recovery wait, which
would hold the event loop (the lookup connection runs on it)."""


def connect_lookup_reader(path: str | Path) -> sqlite3.Connection:
    """A plain, read-only sqlite3 connection for short lookups run on the event loop.

    An aiosqlite call is a hand-off to the connection's thread and back; on a busy
    machine each hand-off waits for a core, which made a 0.1 ms lookup's p99 10 ms.
    Bound to the thread that opened it (sqlite3's check), so a stray call from another
    thread fails loudly instead of racing.
    """
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {LOOKUP_BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA query_only = ON")
    except BaseException:
        conn.close()
        raise
    return conn


LOOP_BUDGET_S = 0.02
"""How long one lookup may hold the event loop; past it, it finishes off the loop."""


def fetch_within(
    conn: sqlite3.Connection, sql: str, args: Sequence, budget_s: float = LOOP_BUDGET_S
) -> list | None:
    """The rows, or None when the query ran past `budget_s` and was interrupted.

    Indexed lookups take well under a millisecond; a search a user shaped to be costly
    must not stall every other interaction, so SQLite's progress handler stops it."""
    deadline = time.perf_counter() + budget_s
    conn.set_progress_handler(lambda: time.perf_counter() > deadline, 2000)
    try:
        return conn.execute(sql, args).fetchall()
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            return None
        raise
    finally:
        conn.set_progress_handler(None, 0)


async def schema_version(conn: aiosqlite.Connection) -> int:
    async with conn.execute("PRAGMA user_version") as cur:
        row = await cur.fetchone()
    return int(row[0])


def check_version(current: int, known: int) -> None:
    if current > known:
        raise SchemaTooNew(
            f"database schema version {current} is newer than this Domestique ({known}): "
            "run the newer Domestique, or restore a backup made before it"
        )


async def migrate(conn: aiosqlite.Connection) -> list[str]:
    """Apply pending migrations, each with its user_version bump in one transaction."""
    applied = []
    current = await schema_version(conn)
    known = migrations()
    check_version(current, len(known))
    for version, name, sql in known:
        if version <= current:
            continue
        # executescript() would commit on its own; run the statements inside one transaction.
        await conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(sql):
                await conn.execute(statement)
            await conn.execute(f"PRAGMA user_version = {version}")
            await conn.execute("COMMIT")
        except BaseException:
            await rollback(conn)
            raise
        log.info("applied migration %s", name)
        applied.append(name)
    return applied


async def rollback(conn: aiosqlite.Connection) -> None:
    """ROLLBACK if a transaction is still open.

    After some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM, a BUSY commit) SQLite has
    already rolled the whole transaction back; a ROLLBACK then fails with "no transaction
    is active", and raising that would hide the real cause. The caller re-raises that."""
    if not conn.in_transaction:
        return
    try:
        await conn.execute("ROLLBACK")
    except sqlite3.Error as exc:
        log.warning("rollback failed (%s); SQLite rolls back when the connection closes", exc)


def _statements(sql: str) -> list[str]:
    """Split a migration into complete statements (triggers hold inner semicolons)."""
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        if not buffer and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise RuntimeError(f"incomplete SQL statement in migration: {buffer[:80]!r}")
    return statements
