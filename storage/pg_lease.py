"""The leader lease on PostgreSQL (storage/lease.py): a session advisory lock."""

from __future__ import annotations

import contextlib
import logging

import asyncpg

from storage.postgres import connect

log = logging.getLogger(__name__)

LEADER_LOCK_KEY = 0x646F6D6573746971
"""The advisory lock's key, "domestiq" in ASCII: any 64-bit number other applications
on the database do not use."""
CHECK_TIMEOUT_S = 5.0

_FAILURES = (
    asyncpg.PostgresError,
    asyncpg.InterfaceError,
    # a query racing the server's end of the session ("another operation is in progress")
    asyncpg.exceptions.InternalClientError,
    OSError,
    TimeoutError,
)


class AdvisoryLease:
    """PostgreSQL: `pg_try_advisory_lock` held by a session of its own."""

    def __init__(self, url: str, *, key: int = LEADER_LOCK_KEY) -> None:
        self._url = url
        self._key = key
        self._conn: asyncpg.Connection | None = None
        self._held = False

    async def try_take(self) -> bool:
        if self._held:
            return await self.still_held()
        try:
            if self._conn is None or self._conn.is_closed():
                self._conn = await connect(self._url)
            self._held = bool(
                await self._conn.fetchval(
                    "SELECT pg_try_advisory_lock($1)", self._key, timeout=CHECK_TIMEOUT_S
                )
            )
        except _FAILURES as exc:
            log.warning("leader lease: cannot reach the database (%s)", type(exc).__name__)
            await self._drop()
        return self._held

    async def still_held(self) -> bool:
        if not self._held or self._conn is None or self._conn.is_closed():
            await self._drop()
            return False
        try:
            # The session holds the lock for as long as it lives: a session that still
            # answers still holds it.
            await self._conn.fetchval("SELECT 1", timeout=CHECK_TIMEOUT_S)
        except _FAILURES as exc:
            log.warning("leader lease: its connection failed (%s)", type(exc).__name__)
            await self._drop()
            return False
        return True

    async def release(self) -> None:
        if self._conn is not None and self._held and not self._conn.is_closed():
            with contextlib.suppress(*_FAILURES):
                await self._conn.execute(
                    "SELECT pg_advisory_unlock($1)", self._key, timeout=CHECK_TIMEOUT_S
                )
        await self._drop()

    async def _drop(self) -> None:
        """Forget the session; closing it frees a lock it may still hold on the server."""
        self._held = False
        conn, self._conn = self._conn, None
        if conn is not None and not conn.is_closed():
            try:
                await conn.close(timeout=CHECK_TIMEOUT_S)
            except _FAILURES:
                conn.terminate()
