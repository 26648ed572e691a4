"""Stories awaiting fan-out (`fanout_pending`): recorded in the poll's transaction,
turned into outbox rows later by the leader (bot/pipeline/expansion.py).

A record is deleted in the transaction that writes its story's outbox rows, so a leader
killed mid-expansion leaves it for the next one; UNIQUE(article_id, target) on the
outbox makes a second expansion of the same story write nothing twice."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import aiosqlite

FANOUT_FROM = "(SELECT COALESCE(MAX(id), 0) FROM articles)"
"""A new subscription's or follow's `fanout_from`: the newest story stored when it was
made. Expansion gives it only later stories, however long their fan-out waited."""


@dataclass(frozen=True, slots=True)
class PendingFanOut:
    article_id: int
    feed_id: int
    public: bool
    queued_at: float
    story: str
    """What fan-out reads of the story, as bot/pipeline/fanout.py encoded it (JSON)."""


async def queue(conn: aiosqlite.Connection, records: Sequence[PendingFanOut]) -> None:
    """Record stories as awaiting fan-out (a story already recorded is left as it is)."""
    await conn.executemany(
        "INSERT OR IGNORE INTO fanout_pending (article_id, feed_id, public, queued_at, story) "
        "VALUES (?, ?, ?, ?, ?)",
        [(r.article_id, r.feed_id, int(r.public), r.queued_at, r.story) for r in records],
    )


async def oldest(conn: aiosqlite.Connection) -> PendingFanOut | None:
    """The story queued first: expanding in this order keeps each target's posts in the
    order the stories came, and an earlier copy of a story is expanded before a later
    one finds it ("also on")."""
    async with conn.execute(
        "SELECT article_id, feed_id, public, queued_at, story FROM fanout_pending "
        "ORDER BY article_id LIMIT 1"
    ) as cur:
        row = await cur.fetchone()
    if row is None:
        return None
    return PendingFanOut(int(row[0]), int(row[1]), bool(row[2]), float(row[3]), str(row[4]))


async def done(conn: aiosqlite.Connection, article_id: int) -> None:
    await conn.execute("DELETE FROM fanout_pending WHERE article_id = ?", (article_id,))


async def waiting(conn: aiosqlite.Connection) -> int:
    """How many stories await fan-out."""
    async with conn.execute("SELECT COUNT(*) FROM fanout_pending") as cur:
        row = await cur.fetchone()
    return int(row[0])


async def due_backlog(conn: aiosqlite.Connection, now: float, cap: int) -> int:
    """One-by-one posts due to be sent now, counted up to `cap` (the outbox_due index)."""
    async with conn.execute(
        "SELECT COUNT(*) FROM (SELECT 1 FROM outbox WHERE state = 'pending' AND digest = 0 "
        "AND next_attempt_at <= ? AND (not_before IS NULL OR not_before <= ?) LIMIT ?) AS due",
        (now, now, cap),
    ) as cur:
        row = await cur.fetchone()
    return int(row[0])
