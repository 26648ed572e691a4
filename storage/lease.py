"""The leader lease: which process polls the feeds, fans stories out and delivers.

Several `domestique run` may share one PostgreSQL database (each with gateway shards of
its own); ingestion and delivery must still run in one of them at a time, or every story
would be fetched, and every post sent, once per process. The leader holds a PostgreSQL
session advisory lock on a connection of its own. PostgreSQL frees such a lock when its
session ends, however it ends: a leader killed (SIGKILL, a crash, its machine gone) drops
its connection and the lock with it, and the next process that tries takes it. Nothing
needs to expire, so the handover takes one retry interval, not a timeout.

The connection must reach PostgreSQL directly or through a session-mode pooler: a
transaction-mode pooler (PgBouncer's default) would hand the session, lock included,
to other clients.

On SQLite one process writes a database (storage/lock.py refuses a second `run` on the
file), so that process always leads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from storage.target import is_postgres


class LeaderLease(Protocol):
    async def try_take(self) -> bool:
        """True when this process holds the lease now (taken now or before)."""
        ...

    async def still_held(self) -> bool:
        """False once the lease is lost (its connection gone): stop leading."""
        ...

    async def release(self) -> None:
        """Give the lease up, so another process need not wait a retry interval more."""
        ...


class SoleLease:
    """SQLite: the only writing process of its database leads."""

    async def try_take(self) -> bool:
        return True

    async def still_held(self) -> bool:
        return True

    async def release(self) -> None:
        return None


def leader_lease(database: Path | str) -> LeaderLease:
    """The lease for the database `Storage.open` takes: advisory on PostgreSQL, sole on
    SQLite."""
    if is_postgres(database):
        from storage.pg_lease import AdvisoryLease  # asyncpg is loaded only for PostgreSQL

        return AdvisoryLease(str(database))
    return SoleLease()
