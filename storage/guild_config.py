"""Per-server configuration: feeds a server uses, what it tracks, its own names, its log channel.

Every statement that reads or changes a server's data names the server's id in its
WHERE clause, so an id guessed from another server finds (and changes) nothing.
Riders, teams and aliases a server's moderators add are that server's own: they tag
only the stories that server reads (`guild_tags`), until the operator promotes one
(`domestique roster promote`, `promoted_at` set), which makes it part of the roster
every server shares.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum

import aiosqlite

from storage.database import Database
from storage.feed_store import _COLUMNS as FEED_COLUMNS
from storage.feed_store import Feed, _feed

_FEED_COLUMNS = ", ".join(f"f.{c.strip()}" for c in FEED_COLUMNS.split(","))


class FeedAdded(Enum):
    ADDED = "added"
    ALREADY = "already"
    LIMIT = "limit"


@dataclass(frozen=True, slots=True)
class CustomEntity:
    entity_id: str
    guild_id: int
    content: str
    created_by: int | None
    created_at: float
    promoted_at: float | None = None
    """When the operator made it everyone's (None: it is its server's own)."""


@dataclass(frozen=True, slots=True)
class OwnNames:
    """One server's own riders, teams and aliases (the promoted ones left out)."""

    guild_id: int
    entities: tuple[CustomEntity, ...] = ()
    aliases: tuple[tuple[str, str], ...] = ()
    """(entity id, alias), oldest first."""


@dataclass(slots=True)
class _Gathered:
    entities: list[CustomEntity] = field(default_factory=list)
    aliases: list[tuple[str, str]] = field(default_factory=list)


_ENTITY_COLUMNS = "entity_id, guild_id, content, created_by, created_at, promoted_at"


class GuildConfigStore:
    def __init__(self, storage: Database) -> None:
        self._storage = storage

    # --- feeds ---------------------------------------------------------------------------

    async def _materialise_defaults(self, conn, guild_id: int, defaults: Sequence[str], now):
        """A server that never chose feeds uses the default list; its first change starts
        from that list, so adding one feed does not silently drop the defaults."""
        async with conn.execute(
            "SELECT 1 FROM guild_feeds WHERE guild_id = ? LIMIT 1", (guild_id,)
        ) as cur:
            if await cur.fetchone() is not None:
                return
        for url in defaults:
            await conn.execute(
                "INSERT OR IGNORE INTO guild_feeds (guild_id, feed_id, added_by, added_at) "
                "SELECT ?, id, NULL, ? FROM feeds WHERE url = ? AND listed = 1",
                (guild_id, now, url),
            )

    async def add_feed(
        self,
        guild_id: int,
        url: str,
        user_id: int | None,
        now: float,
        *,
        defaults: Sequence[str],
        limit: int,
        title: str | None = None,
    ) -> tuple[FeedAdded, int]:
        """Make the server use the shared feed for `url` (created if new). Returns the
        outcome and how many feeds the server uses afterwards."""
        async with self._storage.transaction() as conn:
            await self._materialise_defaults(conn, guild_id, defaults, now)
            count = await self._count(conn, guild_id)
            async with conn.execute(
                "SELECT 1 FROM guild_feeds g JOIN feeds f ON f.id = g.feed_id "
                "WHERE g.guild_id = ? AND f.url = ?",
                (guild_id, url),
            ) as cur:
                if await cur.fetchone() is not None:
                    return FeedAdded.ALREADY, count
            if count >= limit:
                return FeedAdded.LIMIT, count
            # New stories of a feed a server just added are backlog (primed = 0): the
            # ingestor's first poll stores them without posting.
            await conn.execute(
                "INSERT INTO feeds (url, title, added_at, listed) VALUES (?, ?, ?, 1) "
                "ON CONFLICT (url) DO UPDATE SET listed = 1, "
                "title = COALESCE(feeds.title, excluded.title)",
                (url, title, now),
            )
            await conn.execute(
                "UPDATE feeds SET disabled_reason = NULL, consecutive_failures = 0, "
                "failing_since = NULL, next_attempt_at = 0 "
                "WHERE url = ? AND disabled_reason IS NOT NULL",
                (url,),
            )
            await conn.execute(
                "INSERT INTO guild_feeds (guild_id, feed_id, added_by, added_at) "
                "SELECT ?, id, ?, ? FROM feeds WHERE url = ?",
                (guild_id, user_id, now, url),
            )
            return FeedAdded.ADDED, count + 1

    async def remove_feed(
        self, guild_id: int, url: str, now: float, *, defaults: Sequence[str]
    ) -> bool:
        """Stop the server using `url`. The shared feed stays polled while another server
        uses it or it is on the default list; otherwise it is unlisted (no more fetches;
        its stories stay for lookups)."""
        async with self._storage.transaction() as conn:
            if await self._count(conn, guild_id) == 0 and url not in defaults:
                return False  # not in the default list it uses: leave that list as it is
            await self._materialise_defaults(conn, guild_id, defaults, now)
            cur = await conn.execute(
                "DELETE FROM guild_feeds WHERE guild_id = ? "
                "AND feed_id = (SELECT id FROM feeds WHERE url = ?)",
                (guild_id, url),
            )
            if cur.rowcount != 1:
                return False
            if url not in defaults:
                await conn.execute(
                    "UPDATE feeds SET listed = 0 WHERE url = ? AND NOT EXISTS "
                    "(SELECT 1 FROM guild_feeds g WHERE g.feed_id = feeds.id)",
                    (url,),
                )
            return True

    async def feeds(self, guild_id: int, *, defaults: Sequence[str]) -> tuple[list[Feed], bool]:
        """The feeds the server uses, and whether it chose them (False: the default list)."""
        async with self._storage.reader.execute(
            f"SELECT {_FEED_COLUMNS} FROM guild_feeds g JOIN feeds f ON f.id = g.feed_id "
            "WHERE g.guild_id = ? ORDER BY g.added_at, f.id",
            (guild_id,),
        ) as cur:
            rows = [_feed(r) for r in await cur.fetchall()]
        if rows:
            return rows, True
        if not defaults:
            return [], False
        marks = ", ".join("?" * len(defaults))
        async with self._storage.reader.execute(
            f"SELECT {FEED_COLUMNS} FROM feeds WHERE listed = 1 AND url IN ({marks}) ORDER BY id",
            tuple(defaults),
        ) as cur:
            return [_feed(r) for r in await cur.fetchall()], False

    async def _count(self, conn, guild_id: int) -> int:
        async with conn.execute(
            "SELECT COUNT(*) FROM guild_feeds WHERE guild_id = ?", (guild_id,)
        ) as cur:
            row = await cur.fetchone()
        return int(row[0])

    # --- tracking ------------------------------------------------------------------------

    async def track(self, guild_id: int, entity_id: str, user_id: int | None, now: float) -> bool:
        async with self._storage.transaction() as conn:
            cur = await conn.execute(
                "INSERT OR IGNORE INTO tracked (guild_id, entity_id, added_by, added_at) "
                "VALUES (?, ?, ?, ?)",
                (guild_id, entity_id, user_id, now),
            )
            return cur.rowcount == 1

    async def untrack(self, guild_id: int, entity_id: str) -> bool:
        async with self._storage.transaction() as conn:
            cur = await conn.execute(
                "DELETE FROM tracked WHERE guild_id = ? AND entity_id = ?", (guild_id, entity_id)
            )
            return cur.rowcount == 1

    async def tracked(self, guild_id: int) -> list[str]:
        async with self._storage.reader.execute(
            "SELECT entity_id FROM tracked WHERE guild_id = ? ORDER BY added_at, entity_id",
            (guild_id,),
        ) as cur:
            return [str(r[0]) for r in await cur.fetchall()]

    # --- custom entities and aliases ------------------------------------------------------

    async def add_custom_entity(
        self,
        entity_id: str,
        guild_id: int,
        content: str,
        user_id: int | None,
        now: float,
        *,
        aliases: Sequence[str] = (),
        track: bool = False,
    ) -> bool:
        """A new rider or team of this server, with its server-only aliases and tracked
        when `track`: all or nothing (False when the id is taken)."""
        async with self._storage.transaction() as conn:
            cur = await conn.execute(
                "INSERT OR IGNORE INTO custom_entities "
                "(entity_id, guild_id, content, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
                (entity_id, guild_id, content, user_id, now),
            )
            if cur.rowcount != 1:
                return False
            await _insert_aliases(conn, guild_id, entity_id, aliases, user_id, now)
            if track:
                await conn.execute(
                    "INSERT OR IGNORE INTO tracked (guild_id, entity_id, added_by, added_at) "
                    "VALUES (?, ?, ?, ?)",
                    (guild_id, entity_id, user_id, now),
                )
            return True

    async def custom_entities(self) -> list[CustomEntity]:
        """Every server's custom entities, promoted or not."""
        async with self._storage.reader.execute(
            f"SELECT {_ENTITY_COLUMNS} FROM custom_entities ORDER BY created_at, entity_id"
        ) as cur:
            return [CustomEntity(*r) for r in await cur.fetchall()]

    async def custom_entity_ids(self) -> set[str]:
        """Ids every server's custom entities hold (a new one must not take any)."""
        async with self._storage.reader.execute("SELECT entity_id FROM custom_entities") as cur:
            return {str(r[0]) for r in await cur.fetchall()}

    async def promoted_entities(self) -> list[str]:
        """Roster TOML of the custom entities the operator made everyone's."""
        async with self._storage.reader.execute(
            "SELECT content FROM custom_entities WHERE promoted_at IS NOT NULL "
            "ORDER BY created_at, entity_id"
        ) as cur:
            return [str(r[0]) for r in await cur.fetchall()]

    async def promoted_aliases(self) -> list[tuple[str, str]]:
        """(entity id, alias) pairs the operator made everyone's, oldest first."""
        async with self._storage.reader.execute(
            "SELECT entity_id, alias FROM guild_aliases WHERE promoted_at IS NOT NULL "
            "ORDER BY added_at, guild_id"
        ) as cur:
            return [(str(r[0]), str(r[1])) for r in await cur.fetchall()]

    async def own_names(self, guild_id: int | None = None) -> dict[int, OwnNames]:
        """Servers' own names (not promoted): one server's, or every server's."""
        where, args = ("AND guild_id = ?", (guild_id,)) if guild_id is not None else ("", ())
        found: dict[int, _Gathered] = {}
        async with self._storage.reader.execute(
            f"SELECT {_ENTITY_COLUMNS} FROM custom_entities WHERE promoted_at IS NULL {where} "
            "ORDER BY created_at, entity_id",
            args,
        ) as cur:
            for row in await cur.fetchall():
                entity = CustomEntity(*row)
                found.setdefault(entity.guild_id, _Gathered()).entities.append(entity)
        async with self._storage.reader.execute(
            "SELECT guild_id, entity_id, alias FROM guild_aliases WHERE promoted_at IS NULL "
            f"{where} ORDER BY added_at, entity_id, alias",
            args,
        ) as cur:
            for guild, entity_id, alias in await cur.fetchall():
                found.setdefault(int(guild), _Gathered()).aliases.append((entity_id, alias))
        return {
            guild: OwnNames(guild, tuple(names.entities), tuple(names.aliases))
            for guild, names in found.items()
        }

    async def promote_entity(self, guild_id: int, entity_id: str, now: float) -> bool:
        async with self._storage.transaction() as conn:
            cur = await conn.execute(
                "UPDATE custom_entities SET promoted_at = ? "
                "WHERE guild_id = ? AND entity_id = ? AND promoted_at IS NULL",
                (now, guild_id, entity_id),
            )
            return cur.rowcount == 1

    async def promote_alias(self, guild_id: int, entity_id: str, alias: str, now: float) -> bool:
        async with self._storage.transaction() as conn:
            cur = await conn.execute(
                "UPDATE guild_aliases SET promoted_at = ? WHERE guild_id = ? AND entity_id = ? "
                "AND alias = ? AND promoted_at IS NULL",
                (now, guild_id, entity_id, alias),
            )
            return cur.rowcount == 1

    async def add_alias(
        self, guild_id: int, entity_id: str, alias: str, user_id: int | None, now: float
    ) -> bool:
        return bool(await self.add_aliases(guild_id, entity_id, [alias], user_id, now))

    async def add_aliases(
        self,
        guild_id: int,
        entity_id: str,
        aliases: Sequence[str],
        user_id: int | None,
        now: float,
        *,
        track: bool = False,
    ) -> tuple[list[str], bool]:
        """Store aliases (and track the entity when `track`) in one transaction: the
        aliases that were new, and whether tracking was new."""
        async with self._storage.transaction() as conn:
            added = await _insert_aliases(conn, guild_id, entity_id, aliases, user_id, now)
            tracked = False
            if track:
                cur = await conn.execute(
                    "INSERT OR IGNORE INTO tracked (guild_id, entity_id, added_by, added_at) "
                    "VALUES (?, ?, ?, ?)",
                    (guild_id, entity_id, user_id, now),
                )
                tracked = cur.rowcount == 1
            return added, tracked

    async def remove_alias(self, guild_id: int, entity_id: str, alias: str) -> bool:
        async with self._storage.transaction() as conn:
            cur = await conn.execute(
                "DELETE FROM guild_aliases WHERE guild_id = ? AND entity_id = ? AND alias = ?",
                (guild_id, entity_id, alias),
            )
            return cur.rowcount == 1

    async def aliases(self, guild_id: int) -> list[tuple[str, str]]:
        """(entity_id, alias) pairs this server added."""
        async with self._storage.reader.execute(
            "SELECT entity_id, alias FROM guild_aliases WHERE guild_id = ? "
            "ORDER BY entity_id, added_at",
            (guild_id,),
        ) as cur:
            return [(str(r[0]), str(r[1])) for r in await cur.fetchall()]

    async def all_aliases(self) -> list[tuple[str, str]]:
        """Every server's (entity_id, alias) pairs, promoted or not."""
        async with self._storage.reader.execute(
            "SELECT entity_id, alias FROM guild_aliases ORDER BY added_at, guild_id"
        ) as cur:
            return [(str(r[0]), str(r[1])) for r in await cur.fetchall()]

    # --- settings ------------------------------------------------------------------------

    async def set_log_channel(self, guild_id: int, channel_id: int | None, now: float) -> None:
        async with self._storage.transaction() as conn:
            await conn.execute(
                "INSERT INTO guild_settings (guild_id, log_channel_id, updated_at) "
                "VALUES (?, ?, ?) ON CONFLICT (guild_id) DO UPDATE SET "
                "log_channel_id = excluded.log_channel_id, updated_at = excluded.updated_at",
                (guild_id, channel_id, now),
            )

    async def log_channel(self, guild_id: int) -> int | None:
        """The server's log channel (/settings log-channel); delivery reports problems there."""
        async with self._storage.reader.execute(
            "SELECT log_channel_id FROM guild_settings WHERE guild_id = ?", (guild_id,)
        ) as cur:
            row = await cur.fetchone()
        return int(row[0]) if row and row[0] else None


async def _insert_aliases(
    conn: aiosqlite.Connection,
    guild_id: int,
    entity_id: str,
    aliases: Sequence[str],
    user_id: int | None,
    now: float,
) -> list[str]:
    added = []
    for alias in aliases:
        cur = await conn.execute(
            "INSERT OR IGNORE INTO guild_aliases "
            "(guild_id, entity_id, alias, added_by, added_at) VALUES (?, ?, ?, ?, ?)",
            (guild_id, entity_id, alias, user_id, now),
        )
        if cur.rowcount == 1:
            added.append(alias)
    return added


# --- server-scoped tags, inside save_poll's transaction (bot/pipeline/fanout.py) ---------


async def save_guild_tags(
    conn: aiosqlite.Connection, rows: Iterable[tuple[int, str, float, int]]
) -> None:
    """(guild id, entity id, sort_at, article id): a story tagged with a server's own
    names, read only by that server's lookups, posts and subscriptions."""
    await conn.executemany(
        "INSERT OR IGNORE INTO guild_tags (guild_id, entity_id, sort_at, article_id) "
        "VALUES (?, ?, ?, ?)",
        list(rows),
    )
