"""Race-day threads (migration 012): the channels that want them, and the thread opened in
each channel for a race's day.

Every moderator-facing statement names the server's id, so a channel id guessed from
another server changes nothing. Delivery reads `enabled` and `thread_for` on each post
that has a race running (primary-key reads).
"""

from __future__ import annotations

from dataclasses import dataclass

from storage.database import Database


@dataclass(frozen=True, slots=True)
class RaceThread:
    channel_id: int
    race_id: str
    day: str
    """The race day, UTC, as an ISO date."""
    thread_id: int
    guild_id: int | None
    name: str
    created_at: float
    archived_at: float | None = None


_COLUMNS = "channel_id, race_id, day, thread_id, guild_id, name, created_at, archived_at"


def _thread(row) -> RaceThread:
    return RaceThread(
        int(row[0]), str(row[1]), str(row[2]), int(row[3]), row[4], str(row[5]), row[6], row[7]
    )


class RaceThreadStore:
    def __init__(self, storage: Database) -> None:
        self._storage = storage

    # --- which channels (moderators) ----------------------------------------------------

    async def enable(self, guild_id: int, channel_id: int, by: int | None, now: float) -> bool:
        """Turn race-day threads on in a channel; False when they were on already (in this
        server: a channel of another server is never changed)."""
        async with self._storage.transaction() as conn:
            async with conn.execute(
                "SELECT guild_id FROM race_thread_channels WHERE channel_id = ?", (channel_id,)
            ) as cur:
                row = await cur.fetchone()
            if row is not None:
                return False
            await conn.execute(
                "INSERT INTO race_thread_channels (channel_id, guild_id, enabled_by, enabled_at) "
                "VALUES (?, ?, ?, ?)",
                (channel_id, guild_id, by, now),
            )
        return True

    async def disable(self, guild_id: int, channel_id: int) -> bool:
        """Turn them off; False when they were not on in this server's channel. Threads
        already opened stay as they are (the archiving job still closes them)."""
        async with self._storage.transaction() as conn:
            cur = await conn.execute(
                "DELETE FROM race_thread_channels WHERE guild_id = ? AND channel_id = ?",
                (guild_id, channel_id),
            )
            return cur.rowcount > 0

    async def channels(self, guild_id: int) -> list[int]:
        rows = await self._storage.reader.execute_fetchall(
            "SELECT channel_id FROM race_thread_channels WHERE guild_id = ? ORDER BY enabled_at",
            (guild_id,),
        )
        return [int(r[0]) for r in rows]

    async def enabled(self, channel_id: int) -> bool:
        rows = await self._storage.reader.execute_fetchall(
            "SELECT 1 FROM race_thread_channels WHERE channel_id = ?", (channel_id,)
        )
        return bool(rows)

    # --- the threads (delivery) ---------------------------------------------------------

    async def thread_for(self, channel_id: int, race_id: str, day: str) -> RaceThread | None:
        rows = await self._storage.reader.execute_fetchall(
            f"SELECT {_COLUMNS} FROM race_threads WHERE channel_id = ? AND race_id = ? AND day = ?",
            (channel_id, race_id, day),
        )
        return _thread(rows[0]) if rows else None

    async def opened(self, thread: RaceThread) -> RaceThread:
        """Keep the thread just opened; when another sender kept one for the same channel,
        race and day first, that one is returned (and used)."""
        async with self._storage.transaction() as conn:
            await conn.execute(
                f"INSERT OR IGNORE INTO race_threads ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    thread.channel_id,
                    thread.race_id,
                    thread.day,
                    thread.thread_id,
                    thread.guild_id,
                    thread.name,
                    thread.created_at,
                    thread.archived_at,
                ),
            )
            async with conn.execute(
                f"SELECT {_COLUMNS} FROM race_threads WHERE channel_id = ? AND race_id = ? "
                "AND day = ?",
                (thread.channel_id, thread.race_id, thread.day),
            ) as cur:
                row = await cur.fetchone()
        return _thread(row)

    async def forget(self, channel_id: int, race_id: str, day: str) -> None:
        """The thread is gone (deleted on Discord): the day's next story opens a new one."""
        async with self._storage.transaction() as conn:
            await conn.execute(
                "DELETE FROM race_threads WHERE channel_id = ? AND race_id = ? AND day = ?",
                (channel_id, race_id, day),
            )

    async def to_archive(self, before_day: str, limit: int = 100) -> list[RaceThread]:
        """Threads of days before `before_day` not archived yet, oldest first."""
        rows = await self._storage.reader.execute_fetchall(
            f"SELECT {_COLUMNS} FROM race_threads WHERE archived_at IS NULL AND day < ? "
            "ORDER BY day, channel_id LIMIT ?",
            (before_day, limit),
        )
        return [_thread(r) for r in rows]

    async def archived(self, thread: RaceThread, now: float) -> None:
        async with self._storage.transaction() as conn:
            await conn.execute(
                "UPDATE race_threads SET archived_at = ? WHERE channel_id = ? AND race_id = ? "
                "AND day = ?",
                (now, thread.channel_id, thread.race_id, thread.day),
            )
