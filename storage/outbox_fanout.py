"""The fan-out queries: which subscriptions and follows a story reaches, the earlier
copies of a story ("also on", reposts), and its outbox rows, written in a few multi-row
statements. Run by the expansion of one queued story (bot/pipeline/fanout.py; the queue:
storage/outbox_pending.py); the outbox's delivery side is storage/outbox.py."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import aiosqlite

from storage.feed_store import private_feed
from storage.kinds import kind_bit

DUPLICATE_TITLE_WINDOW_S = 24 * 3600


@dataclass(frozen=True, slots=True)
class NewRow:
    """An outbox row fan-out wants written."""

    target: str
    guild_id: int | None
    subscription_id: int | None
    follow_id: int | None
    role_id: int | None
    digest: bool
    not_before: float | None = None
    """A spoiler-shielded post waits until then (bot/pipeline/spoilers.py)."""
    spoiler: bool = False
    """A spoiler-shielded post that goes out at once, in spoiler form."""


@dataclass(frozen=True, slots=True)
class Match:
    """A subscription or follow that matched a story (what fan-out reads)."""

    id: int
    target: str
    guild_id: int | None
    role_id: int | None
    digest: bool


async def duplicates_of(
    conn: aiosqlite.Connection,
    article_id: int,
    url: str | None,
    title: str,
    sort_at: float,
    defaults: Sequence[str] = (),
) -> list[tuple[int, str | None]]:
    """Earlier articles of the same story in other feeds: same canonical URL, or the same
    title within a day. (article_id, source name) each; the name is None for a server's
    own feed (`storage.feeds.private_feed`), which is never named to anyone else."""
    async with conn.execute(
        f"SELECT a.id, CASE WHEN {private_feed(len(defaults))} THEN NULL "
        "ELSE COALESCE(f.title, f.url) END FROM articles a JOIN feeds f ON f.id = a.feed_id "
        "WHERE a.id < ? AND a.feed_id <> (SELECT feed_id FROM articles WHERE id = ?) AND "
        "((CAST(? AS TEXT) IS NOT NULL AND a.url = ?) "
        " OR (lower(a.title) = lower(?) AND a.sort_at BETWEEN ? AND ?))",
        (
            *defaults,
            article_id,
            article_id,
            url,
            url,
            title.strip(),
            sort_at - DUPLICATE_TITLE_WINDOW_S,
            sort_at + DUPLICATE_TITLE_WINDOW_S,
        ),
    ) as cur:
        return [(int(r[0]), r[1]) for r in await cur.fetchall()]


async def same_feed_stories(
    conn: aiosqlite.Connection, feed_id: int, article_id: int, sort_at: float
) -> list[tuple[int, str]]:
    """The feed's earlier stories (stored before this one) within a day of `sort_at`,
    (article_id, title) each: a feed that gives a story a new GUID and link on every
    poll is caught by its title, which fan-out compares folded."""
    async with conn.execute(
        "SELECT id, title FROM articles WHERE feed_id = ? AND id < ? AND sort_at BETWEEN ? AND ?",
        (
            feed_id,
            article_id,
            sort_at - DUPLICATE_TITLE_WINDOW_S,
            sort_at + DUPLICATE_TITLE_WINDOW_S,
        ),
    ) as cur:
        return [(int(r[0]), str(r[1])) for r in await cur.fetchall()]


async def feed_title(conn: aiosqlite.Connection, feed_id: int) -> str:
    async with conn.execute("SELECT COALESCE(title, url) FROM feeds WHERE id = ?", (feed_id,)) as c:
        row = await c.fetchone()
    return str(row[0]) if row else "another source"


async def matching_subscriptions(
    conn: aiosqlite.Connection,
    feed_id: int,
    entities: Sequence[str],
    is_transfer: bool,
    transfer_teams: Sequence[str],
    default_feeds: Sequence[str],
    own: Sequence[tuple[int, str]] = (),
    *,
    races: Sequence[str] = (),
    kind: str | None = None,
    story_id: int | None = None,
) -> list[Match]:
    """Enabled subscriptions of servers that use this feed whose filter the story meets.

    A server that chose no feeds (no guild_feeds rows) uses the default list (the
    operator's feed URLs, when listed), as /feeds shows it. `own`: (server id, entity
    id) the story was tagged with by that server's own names; they count for that
    server's rider, team and tracked subscriptions only. Per channel, the subscription
    listed first wins (each before digest, one with a role before one without).
    `races`: the story's race entity ids ("race:<id>"); `kind`: its story kind, which a
    subscription's kinds must include (none: every kind), and its role is named only
    for its ping kinds. `story_id`: the story's article id; a subscription made after
    the story was stored (`fanout_from`) does not get it.

    The candidates are found through indexes first (the story's entities, the catch-all
    kinds, the servers tracking its names or tagging it with their own), then every
    condition is checked on those alone: a public instance has tens of thousands of
    subscriptions, and a story concerns a few thousand at most."""
    listed = _ListParam(conn)
    own_pairs = listed(f"{guild_id} {entity_id}" for guild_id, entity_id in own)
    wanted = listed(dict.fromkeys([*entities, *races, *transfer_teams]))
    bit = kind_bit(kind)
    own_guilds = listed(sorted({guild_id for guild_id, _ in own}))
    async with conn.execute(
        # The servers tracking a name the story carries (or one of their own it was
        # tagged with): their "tracked" subscriptions match.
        "WITH tracking(guild_id) AS ("
        f" SELECT guild_id FROM tracked WHERE {listed.has('entity_id')}"
        f" UNION SELECT guild_id FROM tracked WHERE {listed.has('guild_id', numbers=True)}"
        f"  AND {listed.has(_GUILD_ENTITY.format('tracked'))}),"
        " candidates(id) AS ("
        f" SELECT id FROM subscriptions WHERE {listed.has('entity_id')}"
        " UNION SELECT id FROM subscriptions WHERE kind = 'all'"
        " UNION SELECT id FROM subscriptions WHERE kind = 'transfers' AND entity_id IS NULL"
        "  AND CAST(? AS BOOLEAN)"
        " UNION SELECT id FROM subscriptions WHERE kind = 'tracked'"
        "  AND guild_id IN (SELECT guild_id FROM tracking)"
        f" UNION SELECT id FROM subscriptions WHERE {listed.has('guild_id', numbers=True)})"
        f" SELECT s.id, s.channel_id, s.guild_id, {_PINGED}, s.mode FROM subscriptions s"
        " WHERE s.id IN (SELECT id FROM candidates)"
        " AND (s.fanout_from IS NULL OR s.fanout_from < ?)"
        " AND s.disabled_reason IS NULL AND (s.kinds = 0 OR (s.kinds & ?) <> 0) AND ("
        f" (s.kind = 'race' AND {listed.has('s.entity_id')}) OR"
        " s.kind = 'all'"
        f" OR (s.kind IN ('rider', 'team') AND ({listed.has('s.entity_id')}"
        f"     OR {listed.has(_GUILD_ENTITY.format('s'))}))"
        " OR (s.kind = 'transfers' AND CAST(? AS BOOLEAN) AND (s.entity_id IS NULL"
        f"     OR {listed.has('s.entity_id')}))"
        " OR (s.kind = 'tracked' AND s.guild_id IN (SELECT guild_id FROM tracking)))"
        " AND (EXISTS (SELECT 1 FROM guild_feeds g WHERE g.guild_id = s.guild_id AND g.feed_id = ?)"
        "  OR (NOT EXISTS (SELECT 1 FROM guild_feeds g WHERE g.guild_id = s.guild_id)"
        "      AND EXISTS (SELECT 1 FROM feeds f WHERE f.id = ? AND f.listed = 1"
        "                  AND f.url IN (SELECT value FROM json_each(?)))))"
        f" ORDER BY s.channel_id, s.mode = 'digest', {_PINGED} IS NULL, s.id",
        (
            listed(entities),
            own_guilds,
            own_pairs,
            wanted,
            bool(is_transfer),
            own_guilds,
            bit,
            _NO_LIMIT if story_id is None else story_id,
            bit,
            listed(races),
            listed(entities),
            own_pairs,
            bool(is_transfer),
            listed(transfer_teams),
            feed_id,
            feed_id,
            json.dumps(list(default_feeds)),
            bit,
        ),
    ) as cur:
        rows = await cur.fetchall()
    return [Match(int(r[0]), f"channel:{r[1]}", int(r[2]), r[3], r[4] == "digest") for r in rows]


class _ListParam:
    """A list bound as one parameter, tested with the form each engine plans well: on
    SQLite `IN (SELECT value FROM json_each(?))`, on PostgreSQL `= ANY(?)` over an array,
    which it reads through the column's index (a JSON list is a function it cannot size,
    taken for 100 rows: it read whole tables instead)."""

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self.postgres = getattr(conn, "engine", "sqlite") == "postgres"

    def has(self, column: str, *, numbers: bool = False) -> str:
        if self.postgres:
            return f"{column} = ANY(CAST(? AS {'BIGINT' if numbers else 'TEXT'}[]))"
        value = "CAST(value AS BIGINT)" if numbers else "value"
        return f"{column} IN (SELECT {value} FROM json_each(?))"

    def __call__(self, values: Iterable) -> object:
        return list(values) if self.postgres else json.dumps(list(values))


_GUILD_ENTITY = "({0}.guild_id || ' ' || {0}.entity_id)"
"""A server's own tag as `own` lists it: "<server id> <entity id>"."""

_NO_LIMIT = 2**62
"""An article id above any: no `story_id` given, every subscription or follow counts."""

_PINGED = "CASE WHEN s.ping_kinds = 0 OR (s.ping_kinds & ?) <> 0 THEN s.role_id END"
"""A subscription's role when the story's kind (the parameter's bit) is one it pings for."""


async def guilds_reading(
    conn: aiosqlite.Connection, feed_id: int, guild_ids: Sequence[int], default_feeds: Sequence[str]
) -> list[int]:
    """Which of `guild_ids` read this feed: its own list has it, or it chose none and the
    feed is on the default list (as `matching_subscriptions` decides)."""
    async with conn.execute(
        "SELECT j.value FROM json_each(?) j WHERE EXISTS (SELECT 1 FROM guild_feeds g"
        "     WHERE g.guild_id = CAST(j.value AS BIGINT) AND g.feed_id = ?)"
        " OR (NOT EXISTS (SELECT 1 FROM guild_feeds g WHERE g.guild_id = CAST(j.value AS BIGINT))"
        "     AND EXISTS (SELECT 1 FROM feeds f WHERE f.id = ? AND f.listed = 1"
        "                 AND f.url IN (SELECT value FROM json_each(?))))",
        (json.dumps(list(guild_ids)), feed_id, feed_id, json.dumps(list(default_feeds))),
    ) as cur:
        return [int(r[0]) for r in await cur.fetchall()]


async def is_private_feed(
    conn: aiosqlite.Connection, feed_id: int, defaults: Sequence[str]
) -> bool:
    async with conn.execute(
        f"SELECT 1 FROM feeds f WHERE f.id = ? AND {private_feed(len(defaults))}",
        (feed_id, *defaults),
    ) as cur:
        return await cur.fetchone() is not None


async def matching_follows(
    conn: aiosqlite.Connection,
    entities: Sequence[str],
    is_transfer: bool,
    transfer_teams: Sequence[str],
    *,
    races: Sequence[str] = (),
    kind: str | None = None,
    story_id: int | None = None,
) -> list[Match]:
    """Fans' follows the story meets (`races`, `kind` and `story_id` as for
    `matching_subscriptions`); found through the entity index, then checked."""
    listed = _ListParam(conn)
    wanted = listed(dict.fromkeys([*entities, *races, *transfer_teams]))
    async with conn.execute(
        "WITH candidates(id) AS ("
        f" SELECT id FROM follows WHERE {listed.has('entity_id')}"
        " UNION SELECT id FROM follows WHERE entity_id IS NULL AND kind = 'transfers'"
        "  AND CAST(? AS BOOLEAN))"
        " SELECT f.id, f.user_id, f.mode FROM follows f"
        " WHERE f.id IN (SELECT id FROM candidates) AND f.paused_reason IS NULL"
        " AND (f.fanout_from IS NULL OR f.fanout_from < ?)"
        " AND (f.kinds = 0 OR (f.kinds & ?) <> 0) AND ("
        f" (f.kind IN ('rider', 'team') AND {listed.has('f.entity_id')})"
        f" OR (f.kind = 'race' AND {listed.has('f.entity_id')})"
        " OR (f.kind = 'transfers' AND CAST(? AS BOOLEAN) AND (f.entity_id IS NULL"
        f"     OR {listed.has('f.entity_id')})))"
        " ORDER BY f.user_id, f.mode = 'daily', f.id",
        (
            wanted,
            bool(is_transfer),
            _NO_LIMIT if story_id is None else story_id,
            kind_bit(kind),
            listed(entities),
            listed(races),
            bool(is_transfer),
            listed(transfer_teams),
        ),
    ) as cur:
        rows = await cur.fetchall()
    return [Match(int(r[0]), f"user:{r[1]}", None, None, r[2] == "daily") for r in rows]


async def targets_with_rows(
    conn: aiosqlite.Connection, article_ids: Sequence[int]
) -> dict[str, tuple[int, str]]:
    """target -> (outbox id, state) for rows of any of `article_ids`."""
    if not article_ids:
        return {}
    async with conn.execute(
        "SELECT target, id, state FROM outbox "
        "WHERE article_id IN (SELECT CAST(value AS BIGINT) FROM json_each(?))",
        (json.dumps(list(article_ids)),),
    ) as cur:
        return {str(r[0]): (int(r[1]), str(r[2])) for r in await cur.fetchall()}


async def add_also_on(conn: aiosqlite.Connection, outbox_id: int, source: str) -> None:
    async with conn.execute("SELECT also_on FROM outbox WHERE id = ?", (outbox_id,)) as cur:
        row = await cur.fetchone()
    sources = json.loads(row[0]) if row and row[0] else []
    if source not in sources:
        sources.append(source)
    await conn.execute(
        "UPDATE outbox SET also_on = ? WHERE id = ?", (json.dumps(sources), outbox_id)
    )


_INSERT_CHUNKS = (500, 50, 5, 1)
"""Rows a multi-row INSERT writes at once: a few fixed sizes, so the statements stay few
and prepared (PostgreSQL caches each text), and a chunk stays under both engines' limit
on parameters (13 a row)."""

_OUTBOX_COLUMNS = (
    "article_id, target, guild_id, subscription_id, follow_id, role_id, digest, also_on, "
    "nonce, next_attempt_at, created_at, not_before, spoiler"
)


@lru_cache(maxsize=len(_INSERT_CHUNKS))
def _insert_sql(rows: int) -> str:
    marks = ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"] * rows)
    return f"INSERT OR IGNORE INTO outbox ({_OUTBOX_COLUMNS}) VALUES {marks}"


async def insert_rows(
    conn: aiosqlite.Connection,
    article_id: int,
    rows: Iterable[NewRow],
    now: float,
    also_on: Sequence[str] = (),
) -> int:
    """INSERT OR IGNORE: a (story, target) pair is written once, whatever happens later.
    Written in a few multi-row statements, not one a row: a story can reach thousands of
    targets, and on PostgreSQL each statement is a round trip."""
    noted = json.dumps(list(also_on)) if also_on else None
    params = [
        (
            article_id,
            r.target,
            r.guild_id,
            r.subscription_id,
            r.follow_id,
            r.role_id,
            int(r.digest),
            noted,
            uuid.uuid4().hex[:25],
            now,
            now,
            r.not_before,
            int(r.spoiler),
        )
        for r in rows
    ]
    before = conn.total_changes
    start = 0
    for size in _INSERT_CHUNKS:
        while len(params) - start >= size:
            chunk = params[start : start + size]
            start += size
            await conn.execute(_insert_sql(size), [value for row in chunk for value in row])
    return conn.total_changes - before
