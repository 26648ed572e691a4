"""The connections to one database: one writer behind a lock, one reader, one lookup reader.

Repositories (storage/*.py) take a `Database`; the `Storage` facade (storage/store.py) is a
`Database` that also groups them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Self

import aiosqlite

from storage.db import (
    BUSY_TIMEOUT_MS,
    DatabaseError,
    SchemaTooNew,
    check_file,
    check_version,
    connect,
    connect_lookup_reader,
    describe,
    enable_wal,
    is_memory,
    migrate,
    migrations,
    rollback,
    schema_version,
)
from storage.lock import LockHeld, WriterLock
from storage.target import is_postgres

__all__ = ["Database", "DatabaseError", "DatabaseInUse"]

log = logging.getLogger(__name__)

READ_ONLY_BUSY_TIMEOUT_MS = 500
"""A read-only open (health) waits at most this for a lock: Docker's HEALTHCHECK wants an
answer within 2 s. A WAL reader waits only while a crashed writer's log is recovered."""

CLOSE_WAIT_S = 10.0
"""How long `close` waits for a transaction in progress (a command's handler or a job that
outlived the bot's close) to commit before closing under it."""


class DatabaseInUse(DatabaseError):
    """Another process holds the writer lock (storage/lock.py)."""


class Database:
    """The connections to one database, SQLite or PostgreSQL, behind one interface.

    Writes go through one connection and one lock, so a transaction is never
    interleaved with another coroutine's statements. Reads for lookups use a
    second connection: with WAL they see committed data and never wait for a
    long ingestion transaction. On PostgreSQL (`open` given a postgresql:// URL) the
    writer is one asyncpg connection and the reader a small pool (storage/postgres.py).
    """

    def __init__(
        self,
        writer: aiosqlite.Connection,
        reader: aiosqlite.Connection,
        lookup_reader: sqlite3.Connection | None = None,
    ) -> None:
        self.writer = writer
        self.reader = reader
        self.lookup_reader = lookup_reader
        """Plain sqlite3 connection the slash commands' lookups run on, on the event loop
        (storage/lookups.py); None for an in-memory database, where they use `reader`."""
        self._write_lock = asyncio.Lock()
        self._writer_lock: WriterLock | None = None
        self.applied_migrations: list[str] = []
        """What `open` migrated (`domestique db migrate` prints it)."""
        self.engine = str(getattr(writer, "engine", "sqlite"))
        """The engine, sqlite or postgres: for storage/ alone (nothing above it asks)."""

    @classmethod
    async def open(
        cls, path: str | Path, *, read_only: bool = False, exclusive: bool = False
    ) -> Self:
        """Open, check and migrate the database.

        `read_only`: no migration, no write, no file created, a short lock wait (health).
        `exclusive`: hold the OS lock that allows one writing process per database (run,
        poll) for as long as this stays open.
        Raises DatabaseError (DatabaseInUse for a held lock) with the file and the cause;
        whatever it opened is closed again first, or an aiosqlite thread left running
        would keep the process from exiting.
        """
        if is_postgres(path):
            from storage.pg_database import open_postgres

            return await open_postgres(cls, str(path), read_only=read_only, exclusive=exclusive)
        async with contextlib.AsyncExitStack() as opened:
            try:
                database = await cls._open(path, read_only, exclusive, opened)
            except (sqlite3.Error, OSError, SchemaTooNew) as exc:
                raise DatabaseError(path, describe(exc)) from exc
            opened.pop_all()
        return database

    @classmethod
    async def _open(
        cls, path: str | Path, read_only: bool, exclusive: bool, opened: contextlib.AsyncExitStack
    ) -> Self:
        if is_memory(path):
            writer = await connect(path)
            opened.push_async_callback(writer.close)
            database = cls(writer, writer)
            database.applied_migrations = await migrate(writer)
            return database
        check_file(path, writable=not read_only)
        lock = None
        if exclusive:
            lock = _take_lock(path)
            opened.callback(lock.release)
        timeout = READ_ONLY_BUSY_TIMEOUT_MS if read_only else BUSY_TIMEOUT_MS
        writer = await connect(path, read_only=read_only, wal=False, busy_timeout_ms=timeout)
        opened.push_async_callback(writer.close)
        # Refused before anything is written: a newer file stays as it was, byte for byte.
        version = await schema_version(writer)
        check_version(version, len(migrations()))
        if read_only:
            if version == 0:
                raise DatabaseError(path, "not set up yet (no Domestique tables in it)")
            database = cls(writer, writer)  # one connection is all a short read needs
            database._writer_lock = lock
            return database
        await enable_wal(writer)
        applied = await migrate(writer)
        reader = await connect(path, wal=False)
        opened.push_async_callback(reader.close)
        lookup_reader = connect_lookup_reader(path)
        opened.callback(lookup_reader.close)
        database = cls(writer, reader, lookup_reader)
        database._writer_lock = lock
        database.applied_migrations = applied
        return database

    async def close(self) -> None:
        # A transaction still running (a command handler or job the bot did not wait for)
        # finishes first: closing under it would cut it and leave its COMMIT to a
        # connection already closed.
        waited = await self._wait_for_writes()
        try:
            if self.lookup_reader is not None:
                self.lookup_reader.close()
            if self.reader is not self.writer:
                await self.reader.close()
            await self.writer.close()
        finally:
            if self._writer_lock is not None:
                self._writer_lock.release()
                self._writer_lock = None
            if waited:
                self._write_lock.release()

    async def _wait_for_writes(self) -> bool:
        """Take the write lock, so no transaction is in progress; False after CLOSE_WAIT_S."""
        try:
            async with asyncio.timeout(CLOSE_WAIT_S):
                await self._write_lock.acquire()
        except TimeoutError:
            log.warning(
                "closing the database under a transaction still running after %g s", CLOSE_WAIT_S
            )
            return False
        return True

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back whole on any error or cancellation.

        The COMMIT is inside: a commit that fails (disk full) leaves nothing half-written
        and no transaction open for the next caller."""
        begin = "BEGIN" if self.engine == "postgres" else "BEGIN IMMEDIATE"
        async with self._write_lock:
            await self.writer.execute(begin)
            try:
                yield self.writer
                await self.writer.execute("COMMIT")
            except BaseException:
                await asyncio.shield(rollback(self.writer))
                raise

    async def schema_version(self) -> int:
        """How many migrations the database holds."""
        if self.engine == "postgres":
            from storage.pg_schema import schema_version as pg_version

            return await pg_version(self.writer)
        return await schema_version(self.writer)

    async def integrity_check(self) -> str:
        if self.engine == "postgres":
            # PostgreSQL checks its own pages; what it cannot know is that every story
            # is in the search index the repositories keep beside it.
            rows = await self.reader.execute_fetchall(
                "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
                "(SELECT 1 FROM articles_search s WHERE s.article_id = a.id)"
            )
            missing = int(rows[0][0])
            return "ok" if not missing else f"{missing} stories missing from the search index"
        async with self.reader.execute("PRAGMA integrity_check") as cur:
            row = await cur.fetchone()
        return str(row[0])


def _take_lock(path: str | Path) -> WriterLock:
    try:
        return WriterLock.acquire(path)
    except LockHeld as held:
        raise DatabaseInUse(
            path, f"another Domestique is using it ({held.holder}); stop that one first"
        ) from None
    except OSError as exc:
        raise DatabaseError(path, f"cannot take its lock file: {describe(exc)}") from None
