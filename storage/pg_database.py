"""Opening a PostgreSQL database: connect, check the schema version, migrate.

The counterpart of `Database._open` for SQLite; the same refusals in the same words
where they apply (a newer schema, nothing set up for a read-only open), and whatever it
opened closed again on any failure.
"""

from __future__ import annotations

import contextlib
import sqlite3
from typing import Any, TypeVar

import asyncpg

from storage.db import DatabaseError, SchemaTooNew, check_version, describe
from storage.pg_schema import migrate, postgres_migrations, schema_version
from storage.postgres import PgConnection, connect, pool

D = TypeVar("D")

_FAILURES = (asyncpg.PostgresError, asyncpg.InterfaceError, OSError, TimeoutError)


async def open_postgres(cls: type[D], url: str, *, read_only: bool, exclusive: bool) -> D:
    """`cls(writer, reader)` over the database at `url`, migrated unless `read_only`.

    `exclusive` takes no lock here: PostgreSQL serves several processes at once, and
    the one that polls and delivers is chosen by the leader lease (storage/lease.py, an
    advisory lock on a connection of its own, which `bot/app.py` takes and frees)."""
    del exclusive  # several `run` share a database; the leader lease picks one to poll
    async with contextlib.AsyncExitStack() as opened:
        try:
            database = await _open(cls, url, read_only, opened)
        except (*_FAILURES, SchemaTooNew, sqlite3.Error) as exc:
            raise DatabaseError(url, _cause(exc)) from exc
        opened.pop_all()
    return database


async def _open(cls: type[Any], url: str, read_only: bool, opened: contextlib.AsyncExitStack):
    writer = PgConnection(
        await connect(url, read_only=read_only), lambda: connect(url, read_only=read_only)
    )
    opened.push_async_callback(writer.close)
    version = await schema_version(writer)
    check_version(version, len(postgres_migrations()))
    if read_only:
        if version == 0:
            raise DatabaseError(url, "not set up yet (no Domestique tables in it)")
        return cls(writer, writer)
    applied = await migrate(writer)
    reader = PgConnection(await pool(url))
    opened.push_async_callback(reader.close)
    database = cls(writer, reader)
    database.applied_migrations = applied
    return database


def _cause(exc: BaseException) -> str:
    if isinstance(exc, OSError) and not isinstance(exc, TimeoutError):
        return f"cannot connect: {describe(exc)}"
    if isinstance(exc, TimeoutError):
        return "cannot connect: no answer in time"
    return describe(exc)
