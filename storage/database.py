"""The connections to one database: one writer behind a lock, one reader, one lookup reader.

Repositories (storage/*.py) take a `Database`; the `Storage` facade (storage/store.py) is a
`Database` that also groups them.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Self

import aiosqlite

from storage.db import connect, connect_lookup_reader, migrate

log = logging.getLogger(__name__)


class Database:
    """SQLite connections behind one interface.

    Writes go through one connection and one lock, so a transaction is never
    interleaved with another coroutine's statements. Reads for lookups use a
    second connection: with WAL they see committed data and never wait for a
    long ingestion transaction.
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

    @classmethod
    async def open(cls, path: str | Path) -> Self:
        writer = await connect(path)
        reader = None
        try:
            await migrate(writer)
            if str(path) == ":memory:":
                return cls(writer, writer)
            reader = await connect(path)
            return cls(writer, reader, connect_lookup_reader(path))
        except BaseException:
            if reader is not None:
                await reader.close()
            await writer.close()
            raise

    async def close(self) -> None:
        if self.lookup_reader is not None:
            self.lookup_reader.close()
        if self.reader is not self.writer:
            await self.reader.close()
        await self.writer.close()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back whole on any error or cancellation."""
        async with self._write_lock:
            await self.writer.execute("BEGIN IMMEDIATE")
            try:
                yield self.writer
            except BaseException:
                await asyncio.shield(self.writer.execute("ROLLBACK"))
                raise
            await self.writer.execute("COMMIT")

    async def integrity_check(self) -> str:
        async with self.reader.execute("PRAGMA integrity_check") as cur:
            row = await cur.fetchone()
        return str(row[0])
