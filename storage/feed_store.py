"""The feeds we poll and their health."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import aiosqlite

from storage.database import Database

_COLUMNS = (
    "id, url, title, etag, last_modified, body_hash, added_at, listed, primed, last_polled_at, "
    "last_success_at, last_error, last_error_at, consecutive_failures, failing_since, "
    "next_attempt_at, disabled_reason, cycling_share, stories_measured"
)


@dataclass(frozen=True, slots=True)
class Feed:
    id: int
    url: str
    title: str | None
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    added_at: float
    listed: bool
    primed: bool
    last_polled_at: float | None
    last_success_at: float | None
    last_error: str | None
    last_error_at: float | None
    consecutive_failures: int
    failing_since: float | None
    next_attempt_at: float
    disabled_reason: str | None
    cycling_share: float = 0.0
    """Share of its recent stories with cycling context (bot/pipeline/cycling_share.py)."""
    stories_measured: int = 0
    """Stories that share was measured on so far (0: never measured)."""


def private_feed(defaults: int) -> str:
    """SQL true for a feed `f` that is no operator's (not one of `defaults` URLs, bound
    first) but was added by a server's moderator: that server's own. Other servers'
    readers and fans never see its stories (its URL may carry a private key)."""
    own = "EXISTS (SELECT 1 FROM guild_feeds g WHERE g.feed_id = f.id AND g.added_by IS NOT NULL)"
    if not defaults:
        return own  # PostgreSQL has no empty `IN ()`
    marks = ", ".join("?" * defaults)
    return f"f.url NOT IN ({marks}) AND {own}"


async def record_cycling_share(
    conn: aiosqlite.Connection, feed_id: int, share: float, measured: int
) -> None:
    """Inside the transaction that stores the stories the share was measured on."""
    await conn.execute(
        "UPDATE feeds SET cycling_share = ?, stories_measured = ? WHERE id = ?",
        (share, measured, feed_id),
    )


def _feed(row) -> Feed:
    values = list(row)
    values[7] = bool(values[7])
    values[8] = bool(values[8])
    return Feed(*values)


class FeedStore:
    def __init__(self, storage: Database) -> None:
        self._storage = storage

    async def add(self, url: str, now: float, *, listed: bool = True) -> tuple[Feed, bool]:
        """The feed for `url`, created if new (and re-enabled if it was disabled).

        An unlisted feed is one polled by hand (`poll --feed`): its stories are kept
        for dedup and lookups, but the scheduler never polls it.
        """
        async with self._storage.transaction() as conn:
            cur = await conn.execute(
                "INSERT INTO feeds (url, added_at, listed) VALUES (?, ?, ?) "
                "ON CONFLICT (url) DO NOTHING",
                (url, now, int(listed)),
            )
            created = cur.rowcount == 1
            if not created and listed:
                await conn.execute("UPDATE feeds SET listed = 1 WHERE url = ?", (url,))
                await conn.execute(
                    "UPDATE feeds SET disabled_reason = NULL, consecutive_failures = 0, "
                    "failing_since = NULL, next_attempt_at = 0 "
                    "WHERE url = ? AND disabled_reason IS NOT NULL",
                    (url,),
                )
            async with conn.execute(f"SELECT {_COLUMNS} FROM feeds WHERE url = ?", (url,)) as c:
                row = await c.fetchone()
        return _feed(row), created

    async def remove(self, url: str) -> bool:
        """Forget a feed and every story that came only from it."""
        async with self._storage.transaction() as conn:
            cur = await conn.execute("DELETE FROM feeds WHERE url = ?", (url,))
            return cur.rowcount == 1

    async def get(self, url: str) -> Feed | None:
        async with self._storage.reader.execute(
            f"SELECT {_COLUMNS} FROM feeds WHERE url = ?", (url,)
        ) as cur:
            row = await cur.fetchone()
        return None if row is None else _feed(row)

    async def all(self, *, include_unlisted: bool = False) -> list[Feed]:
        where = "" if include_unlisted else "WHERE listed = 1 "
        async with self._storage.reader.execute(
            f"SELECT {_COLUMNS} FROM feeds {where}ORDER BY id"
        ) as cur:
            return [_feed(row) for row in await cur.fetchall()]

    async def due(self, now: float) -> list[Feed]:
        async with self._storage.reader.execute(
            f"SELECT {_COLUMNS} FROM feeds WHERE listed = 1 AND disabled_reason IS NULL "
            "AND next_attempt_at <= ? ORDER BY next_attempt_at, id",
            (now,),
        ) as cur:
            return [_feed(row) for row in await cur.fetchall()]

    async def record_unchanged(self, feed_id: int, now: float, next_attempt_at: float) -> None:
        """A poll that succeeded without new content (304 or the same body)."""
        await self.record_unchanged_many([(feed_id, now, next_attempt_at)])

    async def record_unchanged_many(self, polls: Sequence[tuple[int, float, float]]) -> None:
        """Several such polls, (feed id, polled at, next attempt at), in one transaction."""
        if not polls:
            return
        async with self._storage.transaction() as conn:
            await conn.executemany(
                "UPDATE feeds SET last_polled_at = ?, last_success_at = ?, "
                "consecutive_failures = 0, failing_since = NULL, next_attempt_at = ? "
                "WHERE id = ?",
                [(now, now, next_at, feed_id) for feed_id, now, next_at in polls],
            )

    async def record_failure(
        self,
        feed_id: int,
        now: float,
        error: str,
        next_attempt_at: float,
        disabled_reason: str | None = None,
    ) -> None:
        async with self._storage.transaction() as conn:
            await conn.execute(
                "UPDATE feeds SET last_polled_at = ?, last_error = ?, last_error_at = ?, "
                "consecutive_failures = consecutive_failures + 1, "
                "failing_since = COALESCE(failing_since, ?), next_attempt_at = ?, "
                "disabled_reason = ? WHERE id = ?",
                (now, error[:500], now, now, next_attempt_at, disabled_reason, feed_id),
            )
