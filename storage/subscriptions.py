"""Servers' channel subscriptions. Every query a moderator can reach filters by guild_id."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace

from storage.database import Database
from storage.kinds import kinds_mask, kinds_of
from storage.outbox_pending import FANOUT_FROM

KINDS = ("rider", "team", "transfers", "tracked", "all", "race")
MODES = ("each", "digest")


@dataclass(frozen=True, slots=True)
class Subscription:
    id: int
    guild_id: int
    channel_id: int
    channel_type: str
    kind: str
    entity_id: str | None
    role_id: int | None
    mode: str
    digest_hour: int
    digest_minute: int
    last_digest_at: float | None
    created_by: int | None
    created_at: float
    disabled_reason: str | None
    disabled_at: float | None
    kinds: frozenset[str] = frozenset()
    """The story kinds it posts; empty: every kind."""
    ping_kinds: frozenset[str] = frozenset()
    """The kinds its role is mentioned for; empty: every kind it posts."""


def _row(row: sqlite3.Row) -> Subscription:
    values = dict(row)
    values["kinds"] = kinds_of(values["kinds"])
    values["ping_kinds"] = kinds_of(values["ping_kinds"])
    return Subscription(**values)


_COLUMNS = (
    "id, guild_id, channel_id, channel_type, kind, entity_id, role_id, mode, digest_hour, "
    "digest_minute, last_digest_at, created_by, created_at, disabled_reason, disabled_at, "
    "kinds, ping_kinds"
)


class SubscriptionStore:
    def __init__(self, storage: Database) -> None:
        self._storage = storage

    async def add(
        self,
        *,
        guild_id: int,
        channel_id: int,
        channel_type: str,
        kind: str,
        entity_id: str | None,
        role_id: int | None,
        mode: str,
        digest_hour: int = 18,
        digest_minute: int = 0,
        created_by: int | None,
        now: float,
        kinds: frozenset[str] = frozenset(),
        ping_kinds: frozenset[str] = frozenset(),
    ) -> tuple[Subscription, bool]:
        """(subscription, created). The same (channel, kind, entity) again updates role,
        mode, time and kinds, and enables it again if it had been disabled. `kinds`: the
        story kinds it posts, `ping_kinds` those its role is mentioned for (empty: all)."""
        kind_bits, ping_bits = kinds_mask(kinds), kinds_mask(ping_kinds)
        async with self._storage.transaction() as conn:
            async with conn.execute(
                f"SELECT {_COLUMNS} FROM subscriptions WHERE guild_id = ? AND channel_id = ? "
                "AND kind = ? AND COALESCE(entity_id, '') = COALESCE(?, '')",
                (guild_id, channel_id, kind, entity_id),
            ) as cur:
                existing = await cur.fetchone()
            if existing is None:
                cur = await conn.execute(
                    "INSERT INTO subscriptions (guild_id, channel_id, channel_type, kind, "
                    "entity_id, role_id, mode, digest_hour, digest_minute, created_by, "
                    "created_at, kinds, ping_kinds, fanout_from) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    f"{FANOUT_FROM}) RETURNING id",
                    (
                        guild_id,
                        channel_id,
                        channel_type,
                        kind,
                        entity_id,
                        role_id,
                        mode,
                        digest_hour,
                        digest_minute,
                        created_by,
                        now,
                        kind_bits,
                        ping_bits,
                    ),
                )
                sub_id, created = int((await cur.fetchone())[0]), True
            else:
                sub_id, created = int(existing["id"]), False
                await conn.execute(
                    "UPDATE subscriptions SET channel_type = ?, role_id = ?, mode = ?, "
                    "digest_hour = ?, digest_minute = ?, disabled_reason = NULL, "
                    "disabled_at = NULL, kinds = ?, ping_kinds = ?, "
                    # Turned back on: it gets stories stored from now, as a new one would,
                    # not those queued while it was off (SET reads the row before the UPDATE).
                    "fanout_from = CASE WHEN disabled_reason IS NULL THEN fanout_from "
                    f"ELSE {FANOUT_FROM} END WHERE id = ? AND guild_id = ?",
                    (
                        channel_type,
                        role_id,
                        mode,
                        digest_hour,
                        digest_minute,
                        kind_bits,
                        ping_bits,
                        sub_id,
                        guild_id,
                    ),
                )
            async with conn.execute(
                f"SELECT {_COLUMNS} FROM subscriptions WHERE id = ?", (sub_id,)
            ) as cur:
                row = await cur.fetchone()
        return _row(row), created

    async def get(self, guild_id: int, sub_id: int) -> Subscription | None:
        async with self._storage.reader.execute(
            f"SELECT {_COLUMNS} FROM subscriptions WHERE guild_id = ? AND id = ?",
            (guild_id, sub_id),
        ) as cur:
            row = await cur.fetchone()
        return _row(row) if row else None

    async def for_guild(self, guild_id: int) -> list[Subscription]:
        async with self._storage.reader.execute(
            f"SELECT {_COLUMNS} FROM subscriptions WHERE guild_id = ? ORDER BY id", (guild_id,)
        ) as cur:
            return [_row(r) for r in await cur.fetchall()]

    async def remove(self, guild_id: int, sub_id: int) -> bool:
        """Delete one of this server's subscriptions (its pending posts go with it)."""
        async with self._storage.transaction() as conn:
            cur = await conn.execute(
                "DELETE FROM subscriptions WHERE guild_id = ? AND id = ?", (guild_id, sub_id)
            )
        return cur.rowcount > 0

    async def by_id(self, sub_id: int) -> Subscription | None:
        """For the delivery worker only (no guild to filter by)."""
        async with self._storage.reader.execute(
            f"SELECT {_COLUMNS} FROM subscriptions WHERE id = ?", (sub_id,)
        ) as cur:
            row = await cur.fetchone()
        return _row(row) if row else None

    async def disable_channel(
        self, guild_id: int | None, channel_id: int, reason: str, now: float
    ) -> list[Subscription]:
        """Disable every enabled subscription posting to `channel_id`, skip its pending
        posts; returns the subscriptions disabled."""
        async with self._storage.transaction() as conn:
            async with conn.execute(
                f"SELECT {_COLUMNS} FROM subscriptions WHERE channel_id = ? "
                "AND (CAST(? AS BIGINT) IS NULL OR guild_id = ?) AND disabled_reason IS NULL",
                (channel_id, guild_id, guild_id),
            ) as cur:
                rows = [_row(r) for r in await cur.fetchall()]
            await conn.executemany(
                "UPDATE subscriptions SET disabled_reason = ?, disabled_at = ? WHERE id = ?",
                [(reason, now, s.id) for s in rows],
            )
            await conn.execute(
                "UPDATE outbox SET state = 'skipped', last_error = ? "
                "WHERE target = ? AND state = 'pending'",
                (reason, f"channel:{channel_id}"),
            )
        return [replace(s, disabled_reason=reason, disabled_at=now) for s in rows]

    async def mark_digest_sent(self, channel_id: int, now: float) -> None:
        async with self._storage.transaction() as conn:
            await conn.execute(
                "UPDATE subscriptions SET last_digest_at = ? WHERE channel_id = ? "
                "AND mode = 'digest'",
                (now, channel_id),
            )

    async def digest_due(self) -> list[Subscription]:
        """Enabled digest subscriptions with pending digest posts (the caller checks the time)."""
        async with self._storage.reader.execute(
            f"SELECT {_COLUMNS} FROM subscriptions s WHERE mode = 'digest' "
            "AND disabled_reason IS NULL AND EXISTS (SELECT 1 FROM outbox o "
            "WHERE o.subscription_id = s.id AND o.state = 'pending' AND o.digest = 1)"
        ) as cur:
            return [_row(r) for r in await cur.fetchall()]
