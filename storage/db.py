"""Opening the SQLite file: per-connection pragmas and numbered migrations."""

from __future__ import annotations

import logging
import re
import sqlite3
import time
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import aiosqlite

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
_MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of every bundled migration, in order."""
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


async def connect(path: str | Path) -> aiosqlite.Connection:
    """A connection with the pragmas every connection needs (only WAL persists in the file)."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = await aiosqlite.connect(str(path), isolation_level=None)
    conn.row_factory = sqlite3.Row
    await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    await conn.execute("PRAGMA journal_mode = WAL")
    await conn.execute("PRAGMA synchronous = NORMAL")
    await conn.execute("PRAGMA foreign_keys = ON")
    return conn


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
    conn.execute(f"PRAGMA busy_timeout = {LOOKUP_BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA query_only = ON")
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


async def migrate(conn: aiosqlite.Connection) -> list[str]:
    """Apply pending migrations, each with its user_version bump in one transaction."""
    applied = []
    current = await schema_version(conn)
    known = migrations()
    if current > len(known):
        raise RuntimeError(
            f"database schema version {current} is newer than this Domestique ({len(known)})"
        )
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
            await conn.execute("ROLLBACK")
            raise
        log.info("applied migration %s", name)
        applied.append(name)
    return applied


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
