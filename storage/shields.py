"""Spoiler-shield settings: a channel's (moderators, /spoilers) and a fan's (their DMs,
kept in fan_settings beside their time zone). Every moderator-facing statement filters by
the server's id. What a setting does to a story is decided in bot/pipeline/spoilers.py.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import aiosqlite

from storage.database import Database

MODES = ("off", "hold", "spoiler")
MAX_HOLD_HOURS = 72
DEFAULT_HOLD_HOURS = 3


@dataclass(frozen=True, slots=True)
class Shield:
    """A target's shield: off; hold shielded stories until `hold_hours` after the stage's
    expected finish; or post them at once in spoiler form."""

    mode: str = "off"
    hold_hours: int = DEFAULT_HOLD_HOURS
    timezone: str = "UTC"
    """The fan's time zone (DMs), for saying when a held story comes; UTC for a channel."""


OFF = Shield()


@dataclass(frozen=True, slots=True)
class ChannelShield:
    channel_id: int
    guild_id: int
    shield: Shield
    updated_by: int | None
    updated_at: float


def _channel(row) -> ChannelShield:
    return ChannelShield(
        int(row[0]), int(row[1]), Shield(str(row[2]), int(row[3])), row[4], float(row[5])
    )


_COLUMNS = "channel_id, guild_id, mode, hold_hours, updated_by, updated_at"


def check(mode: str, hold_hours: int) -> None:
    """ValueError for a setting the schema would refuse (the cog says it in words first)."""
    if mode not in MODES:
        raise ValueError(f"not a shield mode: {mode!r}")
    if not 0 <= hold_hours <= MAX_HOLD_HOURS:
        raise ValueError(f"hold hours out of range: {hold_hours}")


class ShieldStore:
    def __init__(self, storage: Database) -> None:
        self._storage = storage

    async def channel(self, guild_id: int, channel_id: int) -> ChannelShield | None:
        async with self._storage.reader.execute(
            f"SELECT {_COLUMNS} FROM spoiler_shields WHERE guild_id = ? AND channel_id = ?",
            (guild_id, channel_id),
        ) as cur:
            row = await cur.fetchone()
        return _channel(row) if row else None

    async def for_guild(self, guild_id: int) -> list[ChannelShield]:
        async with self._storage.reader.execute(
            f"SELECT {_COLUMNS} FROM spoiler_shields WHERE guild_id = ? ORDER BY channel_id",
            (guild_id,),
        ) as cur:
            return [_channel(r) for r in await cur.fetchall()]

    async def set_channel(
        self,
        guild_id: int,
        channel_id: int,
        mode: str,
        hold_hours: int,
        by: int | None,
        now: float,
    ) -> bool:
        """Set a channel's shield (off removes it). False, changing nothing, when the
        channel's shield belongs to another server. Posts already waiting follow: off
        sends held ones at once in plain form, spoiler sends them at once in spoiler form;
        with hold they keep the time they were given."""
        check(mode, hold_hours)
        async with self._storage.transaction() as conn:
            async with conn.execute(
                "SELECT guild_id FROM spoiler_shields WHERE channel_id = ?", (channel_id,)
            ) as cur:
                row = await cur.fetchone()
            if row is not None and int(row[0]) != guild_id:
                return False
            if mode == "off":
                await conn.execute(
                    "DELETE FROM spoiler_shields WHERE guild_id = ? AND channel_id = ?",
                    (guild_id, channel_id),
                )
            elif row is None:
                await conn.execute(
                    f"INSERT INTO spoiler_shields ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
                    (channel_id, guild_id, mode, hold_hours, by, now),
                )
            else:
                await conn.execute(
                    "UPDATE spoiler_shields SET mode = ?, hold_hours = ?, updated_by = ?, "
                    "updated_at = ? WHERE guild_id = ? AND channel_id = ?",
                    (mode, hold_hours, by, now, guild_id, channel_id),
                )
            await release_held(conn, f"channel:{channel_id}", mode, guild_id=guild_id)
        return True


async def release_held(
    conn: aiosqlite.Connection, target: str, mode: str, *, guild_id: int | None = None
) -> None:
    """A target's shield changed: its held posts go now, plainly when the shield is off,
    in spoiler form when it spoils; with hold they keep their time. A channel's rows are
    touched only for its own server (`guild_id`)."""
    if mode not in ("off", "spoiler"):
        return
    await conn.execute(
        "UPDATE outbox SET not_before = NULL, spoiler = ? WHERE target = ? "
        "AND state = 'pending' AND not_before IS NOT NULL "
        "AND (CAST(? AS BIGINT) IS NULL OR guild_id = ?)",
        (int(mode == "spoiler"), target, guild_id, guild_id),
    )


async def shields_for(conn: aiosqlite.Connection, targets: Sequence[str]) -> dict[str, Shield]:
    """The shields in force for these outbox targets ("channel:<id>", "user:<id>"), read
    in fan-out's transaction; a target without one is left out (off)."""
    channels = [int(t.partition(":")[2]) for t in targets if t.startswith("channel:")]
    users = [int(t.partition(":")[2]) for t in targets if t.startswith("user:")]
    found: dict[str, Shield] = {}
    if channels:
        async with conn.execute(
            "SELECT channel_id, mode, hold_hours FROM spoiler_shields "
            "WHERE channel_id IN (SELECT CAST(value AS BIGINT) FROM json_each(?))",
            (json.dumps(channels),),
        ) as cur:
            for channel_id, mode, hours in await cur.fetchall():
                found[f"channel:{channel_id}"] = Shield(str(mode), int(hours))
    if users:
        async with conn.execute(
            "SELECT user_id, shield_mode, shield_hours, timezone FROM fan_settings "
            "WHERE shield_mode <> 'off' "
            "AND user_id IN (SELECT CAST(value AS BIGINT) FROM json_each(?))",
            (json.dumps(users),),
        ) as cur:
            for user_id, mode, hours, zone in await cur.fetchall():
                found[f"user:{user_id}"] = Shield(str(mode), int(hours), str(zone))
    return found
