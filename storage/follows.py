"""Fans' follows and their settings (time zone, digest time, DM channel)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from storage.database import Database
from storage.kinds import kinds_mask, kinds_of
from storage.outbox_pending import FANOUT_FROM
from storage.shields import release_held

KINDS = ("rider", "team", "transfers", "race")
SHIELD_MODES = ("off", "hold", "spoiler")
MODES = ("each", "daily")


@dataclass(frozen=True, slots=True)
class Follow:
    id: int
    user_id: int
    kind: str
    entity_id: str | None
    mode: str
    created_at: float
    paused_reason: str | None
    paused_at: float | None
    kinds: frozenset[str] = frozenset()
    """The story kinds it sends; empty: every kind."""


@dataclass(frozen=True, slots=True)
class FanSettings:
    user_id: int
    timezone: str = "UTC"
    digest_hour: int = 8
    digest_minute: int = 0
    dm_channel_id: int | None = None
    last_digest_at: float | None = None
    shield_mode: str = "off"
    """The spoiler shield of the fan's DMs: off, hold or spoiler (bot/pipeline/spoilers.py)."""
    shield_hours: int = 3
    """With hold: how long after a stage's expected finish a shielded story waits."""


class TooManyFollows(Exception):
    pass


def _follow(row: sqlite3.Row) -> Follow:
    values = dict(row)
    values["kinds"] = kinds_of(values["kinds"])
    return Follow(**values)


_COLUMNS = "id, user_id, kind, entity_id, mode, created_at, paused_reason, paused_at, kinds"
_SETTINGS = (
    "user_id, timezone, digest_hour, digest_minute, dm_channel_id, last_digest_at, "
    "shield_mode, shield_hours"
)


class FollowStore:
    def __init__(self, storage: Database) -> None:
        self._storage = storage

    async def add(
        self,
        user_id: int,
        kind: str,
        entity_id: str | None,
        mode: str,
        now: float,
        limit: int,
        kinds: frozenset[str] = frozenset(),
    ) -> tuple[Follow, bool]:
        """(follow, created); following again changes the mode and kinds and resumes a
        paused follow. `kinds`: the story kinds it sends (empty: all). TooManyFollows past
        `limit`."""
        kind_bits = kinds_mask(kinds)
        async with self._storage.transaction() as conn:
            async with conn.execute(
                f"SELECT {_COLUMNS} FROM follows WHERE user_id = ? AND kind = ? "
                "AND COALESCE(entity_id, '') = COALESCE(?, '')",
                (user_id, kind, entity_id),
            ) as cur:
                existing = await cur.fetchone()
            if existing is None:
                async with conn.execute(
                    "SELECT COUNT(*) FROM follows WHERE user_id = ?", (user_id,)
                ) as cur:
                    if (await cur.fetchone())[0] >= limit:
                        raise TooManyFollows(limit)
                cur = await conn.execute(
                    "INSERT INTO follows (user_id, kind, entity_id, mode, created_at, kinds, "
                    f"fanout_from) VALUES (?, ?, ?, ?, ?, ?, {FANOUT_FROM}) RETURNING id",
                    (user_id, kind, entity_id, mode, now, kind_bits),
                )
                follow_id, created = int((await cur.fetchone())[0]), True
            else:
                follow_id, created = int(existing["id"]), False
                await conn.execute(
                    "UPDATE follows SET mode = ?, kinds = ?, paused_reason = NULL, "
                    f"paused_at = NULL, {_RESUMED_FROM} WHERE id = ?",
                    (mode, kind_bits, follow_id),
                )
            # A fan who follows again has (presumably) opened their DMs: resume the others too.
            await conn.execute(
                f"UPDATE follows SET paused_reason = NULL, paused_at = NULL, {_RESUMED_FROM} "
                "WHERE user_id = ?",
                (user_id,),
            )
            async with conn.execute(
                f"SELECT {_COLUMNS} FROM follows WHERE id = ?", (follow_id,)
            ) as cur:
                row = await cur.fetchone()
        return _follow(row), created

    async def for_user(self, user_id: int) -> list[Follow]:
        async with self._storage.reader.execute(
            f"SELECT {_COLUMNS} FROM follows WHERE user_id = ? ORDER BY id", (user_id,)
        ) as cur:
            return [_follow(r) for r in await cur.fetchall()]

    async def remove(self, user_id: int, follow_id: int) -> bool:
        async with self._storage.transaction() as conn:
            cur = await conn.execute(
                "DELETE FROM follows WHERE user_id = ? AND id = ?", (user_id, follow_id)
            )
        return cur.rowcount > 0

    async def pause_user(self, user_id: int, reason: str, now: float) -> int:
        """Pause every follow of a fan whose DMs are closed; skip their pending posts."""
        async with self._storage.transaction() as conn:
            cur = await conn.execute(
                "UPDATE follows SET paused_reason = ?, paused_at = ? "
                "WHERE user_id = ? AND paused_reason IS NULL",
                (reason, now, user_id),
            )
            await conn.execute(
                "UPDATE outbox SET state = 'skipped', last_error = ? "
                "WHERE target = ? AND state = 'pending'",
                (reason, f"user:{user_id}"),
            )
        return cur.rowcount

    async def settings(self, user_id: int) -> FanSettings:
        async with self._storage.reader.execute(
            f"SELECT {_SETTINGS} FROM fan_settings WHERE user_id = ?",
            (user_id,),
        ) as cur:
            row = await cur.fetchone()
        return FanSettings(**dict(row)) if row else FanSettings(user_id)

    async def set_settings(
        self,
        user_id: int,
        now: float,
        *,
        timezone: str | None = None,
        digest_hour: int | None = None,
        digest_minute: int | None = None,
        dm_channel_id: int | None = None,
        last_digest_at: float | None = None,
        shield_mode: str | None = None,
        shield_hours: int | None = None,
    ) -> FanSettings:
        """Change the given settings (None: keep), in one transaction. A new shield mode
        applies to the fan's held posts too (storage/shields.py, `release_held`)."""
        async with self._storage.transaction() as conn:
            await conn.execute(
                "INSERT INTO fan_settings (user_id, updated_at) VALUES (?, ?) "
                "ON CONFLICT (user_id) DO NOTHING",
                (user_id, now),
            )
            await conn.execute(
                "UPDATE fan_settings SET timezone = COALESCE(?, timezone), "
                "digest_hour = COALESCE(?, digest_hour), "
                "digest_minute = COALESCE(?, digest_minute), "
                "dm_channel_id = COALESCE(?, dm_channel_id), "
                "last_digest_at = COALESCE(?, last_digest_at), "
                "shield_mode = COALESCE(?, shield_mode), "
                "shield_hours = COALESCE(?, shield_hours), updated_at = ? WHERE user_id = ?",
                (
                    timezone,
                    digest_hour,
                    digest_minute,
                    dm_channel_id,
                    last_digest_at,
                    shield_mode,
                    shield_hours,
                    now,
                    user_id,
                ),
            )
            if shield_mode is not None:
                await release_held(conn, f"user:{user_id}", shield_mode)
        return await self.settings(user_id)

    async def daily_due(self) -> list[FanSettings]:
        """Fans with pending daily-digest posts (the caller checks their local time)."""
        async with self._storage.reader.execute(
            "SELECT DISTINCT CAST(substr(o.target, 6) AS BIGINT) AS user_id "
            "FROM outbox o WHERE o.state = 'pending' AND o.digest = 1 "
            "AND o.target LIKE 'user:%'"
        ) as cur:
            users = [int(r[0]) for r in await cur.fetchall()]
        return [await self.settings(u) for u in users]


_RESUMED_FROM = (
    f"fanout_from = CASE WHEN paused_reason IS NULL THEN fanout_from ELSE {FANOUT_FROM} END"
)
"""A paused follow resumed gets stories stored from now, as a new one would, not those
queued while the fan's DMs were closed (SET reads the row as it was before the UPDATE)."""
