"""The outbox (one row per story and target) as the delivery worker reads and settles it,
and notices for moderators and fans. Fan-out fills it: storage/outbox_fanout.py (the
queries and the writing), storage/outbox_pending.py (stories awaiting it)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field

from storage.database import Database

GIVE_UP_AFTER_S = 24 * 3600
"""A post not sent this long after it became due (`OutboxItem.due_since`) is old news:
the delivery worker marks it failed, and expansion writes no row that old."""


@dataclass(slots=True)
class OutboxItem:
    id: int
    article_id: int
    target: str
    guild_id: int | None
    subscription_id: int | None
    follow_id: int | None
    role_id: int | None
    digest: bool
    also_on: list[str]
    nonce: str
    attempts: int
    last_error: str | None
    created_at: float
    attempted_at: float | None
    """When the earliest send whose outcome is unknown began; None when there was none."""
    channel_type: str
    title: str
    url: str | None
    summary: str
    image_url: str | None
    published_at: float | None
    sort_at: float
    feed_title: str | None
    feed_url: str
    is_transfer: bool
    entities: list[tuple[str, str]] = field(default_factory=list)
    """(entity_id, kind) in tag order: kind rider, team or staff."""
    moves: list[dict] = field(default_factory=list)
    not_before: float | None = None
    """A spoiler-shielded post held until then (None: not held)."""
    spoiler: bool = False
    """Goes out in spoiler form (bot/discord/spoiler_render.py)."""
    story_kind: str | None = None
    focus_race: str | None = None
    focus_year: int | None = None
    focus_stage: int | None = None

    @property
    def due_since(self) -> float:
        """When the post was first due: queued, or released from a spoiler hold. Give-up
        times and digest times count from here, so a held post is not old news."""
        return max(self.created_at, self.not_before or 0.0)


@dataclass(frozen=True, slots=True)
class Notice:
    id: int
    guild_id: int | None
    user_id: int | None
    text: str
    created_at: float


# --- the delivery worker's side -----------------------------------------------------------

_RELEASED = "(o.not_before IS NULL OR o.not_before <= ?)"
"""Not held by a spoiler shield at the parameter's time: a held row is neither sent nor
claimed, nor does it keep its target's other posts waiting."""

_ITEM_SELECT = (
    "SELECT o.id, o.article_id, o.target, o.guild_id, o.subscription_id, o.follow_id, "
    "o.role_id, o.digest, o.also_on, o.nonce, o.attempts, o.last_error, o.created_at, "
    "o.attempted_at, "
    "COALESCE(s.channel_type, 'text') AS channel_type, a.title, a.url, a.summary, "
    "a.image_url, a.published_at, a.sort_at, f.title AS feed_title, f.url AS feed_url, "
    "a.is_transfer, o.not_before, o.spoiler, a.kind AS story_kind, a.focus_race, "
    "a.focus_year, a.focus_stage FROM outbox o JOIN articles a ON a.id = o.article_id "
    "JOIN feeds f ON f.id = a.feed_id LEFT JOIN subscriptions s ON s.id = o.subscription_id "
)


def _item(row: sqlite3.Row) -> OutboxItem:
    values = dict(row)
    values["digest"] = bool(values["digest"])
    values["is_transfer"] = bool(values["is_transfer"])
    values["spoiler"] = bool(values["spoiler"])
    values["also_on"] = json.loads(values["also_on"]) if values["also_on"] else []
    return OutboxItem(**values)


class OutboxStore:
    def __init__(self, storage: Database) -> None:
        self._storage = storage

    async def _load(self, sql: str, params: Sequence) -> list[OutboxItem]:
        reader = self._storage.reader
        async with reader.execute(_ITEM_SELECT + sql, params) as cur:
            items = [_item(r) for r in await cur.fetchall()]
        ids = json.dumps(sorted({i.article_id for i in items}))
        tags: dict[int, list[tuple[str, str]]] = {}
        async with reader.execute(
            "SELECT article_id, entity_id, kind FROM tags WHERE article_id IN "
            "(SELECT CAST(value AS BIGINT) FROM json_each(?))",
            (ids,),
        ) as cur:
            for r in await cur.fetchall():
                tags.setdefault(int(r[0]), []).append((str(r[1]), str(r[2])))
        moves: dict[int, list[dict]] = {}
        async with reader.execute(
            "SELECT article_id, person, from_team, to_team, status FROM moves WHERE article_id IN "
            "(SELECT CAST(value AS BIGINT) FROM json_each(?)) ORDER BY id",
            (ids,),
        ) as cur:
            for r in await cur.fetchall():
                moves.setdefault(int(r[0]), []).append(dict(r))
        # A server's own riders, teams and aliases (guild_tags) show in its posts only.
        own: dict[tuple[int, int], list[tuple[str, str]]] = {}
        async with reader.execute(
            "SELECT article_id, guild_id, entity_id FROM guild_tags WHERE article_id IN "
            "(SELECT CAST(value AS BIGINT) FROM json_each(?)) ORDER BY entity_id",
            (ids,),
        ) as cur:
            for article_id, guild_id, entity_id in await cur.fetchall():
                kind = "rider" if str(entity_id).startswith("person:") else "team"
                own.setdefault((int(article_id), int(guild_id)), []).append((entity_id, kind))
        for item in items:
            shared = tags.get(item.article_id, [])
            known = {entity_id for entity_id, _ in shared}
            extra = own.get((item.article_id, item.guild_id or 0), [])
            item.entities = shared + [e for e in extra if e[0] not in known]
            item.moves = moves.get(item.article_id, [])
        return items

    async def due(
        self, now: float, limit: int = 500, *, worker: str | None = None
    ) -> list[OutboxItem]:
        """Pending one-by-one posts whose time has come; within a target, the oldest story
        first (publication time, then id), as a channel reads them. While one of a
        target's posts waits out a retry, its others wait with it (also those queued
        meanwhile), so they arrive in order and only one probes Discord. A target another
        sender holds a live claim on is left to that sender."""
        return await self._load(
            "WHERE o.state = 'pending' AND o.digest = 0 AND o.next_attempt_at <= ? "
            f"AND {_RELEASED} AND NOT EXISTS (SELECT 1 FROM outbox w WHERE w.target = o.target "
            "AND w.state = 'pending' AND ((w.digest = 0 AND w.id <> o.id "
            "AND w.next_attempt_at > ?) OR (w.claimed_by IS NOT ? AND w.claimed_until > ?))) "
            "ORDER BY a.sort_at, o.id LIMIT ?",
            (now, now, now, worker, now, limit),
        )

    async def digest_items(
        self, target: str, now: float, *, worker: str | None = None
    ) -> list[OutboxItem]:
        return await self._load(
            "WHERE o.target = ? AND o.state = 'pending' AND o.digest = 1 "
            f"AND o.next_attempt_at <= ? AND {_RELEASED} AND NOT EXISTS (SELECT 1 FROM outbox w "
            "WHERE w.target = o.target AND w.state = 'pending' AND w.claimed_by IS NOT ? "
            "AND w.claimed_until > ?) ORDER BY a.sort_at, o.id",
            (target, now, now, worker, now),
        )

    # A claim is what keeps two senders on one database from posting a row twice: taken
    # in one statement, only where no other sender holds a live claim on the same target.
    # The row's own claim is tested on the row too: on PostgreSQL (READ COMMITTED) a
    # sender that waited for another's UPDATE of a row re-checks the conditions on the
    # row's new version, while the NOT EXISTS above still reads the statement's snapshot
    # (from before the other claim): without the row's own test, both would hold it.

    async def claim(self, ids: Sequence[int], worker: str, now: float, lease_s: float) -> set[int]:
        """Claim the pending rows among `ids` (one target's) for `worker` until `now +
        lease_s`; none when another sender holds a live claim on that target. Returns the
        ids claimed (rows sent or dropped meanwhile are left out)."""
        async with (
            self._storage.transaction() as conn,
            conn.execute(
                "UPDATE outbox SET claimed_by = ?, claimed_until = ? "
                "WHERE id IN (SELECT CAST(value AS BIGINT) FROM json_each(?)) "
                "AND state = 'pending' AND NOT EXISTS (SELECT 1 FROM outbox c "
                "WHERE c.target = outbox.target "
                "AND c.state = 'pending' AND c.claimed_by <> ? AND c.claimed_until > ?) "
                "AND (not_before IS NULL OR not_before <= ?) "  # a held row is never claimed
                "AND (claimed_by IS NULL OR claimed_by = ? OR claimed_until IS NULL "
                "OR claimed_until <= ?) "
                "RETURNING id",
                (worker, now + lease_s, json.dumps(list(ids)), worker, now, now, worker, now),
            ) as cur,
        ):
            return {int(r[0]) for r in await cur.fetchall()}

    async def hold(
        self,
        ids: Sequence[int],
        worker: str,
        now: float,
        lease_s: float,
        *,
        attempting: bool,
    ) -> bool:
        """Right before a send: True when `worker` still holds every row, its lease
        extended. With `attempting`, the send's start is recorded too: if its answer never
        comes (lost, or the bot stops), a later try knows the post may exist (the earliest
        such time is kept)."""
        async with self._storage.transaction() as conn:
            cur = await conn.execute(
                "UPDATE outbox SET claimed_until = ?, attempted_at = CASE WHEN CAST(? AS BOOLEAN) "
                "THEN COALESCE(attempted_at, ?) ELSE attempted_at END "
                "WHERE id IN (SELECT CAST(value AS BIGINT) FROM json_each(?)) "
                "AND state = 'pending' AND claimed_by = ?",
                (now + lease_s, bool(attempting), now, json.dumps(list(ids)), worker),
            )
        return cur.rowcount == len(ids)

    async def renew(self, worker: str, now: float, lease_s: float) -> int:
        """Extend every live claim of `worker` (it is still at work on them)."""
        async with self._storage.transaction() as conn:
            cur = await conn.execute(
                "UPDATE outbox SET claimed_until = ? WHERE claimed_by = ? AND state = 'pending'",
                (now + lease_s, worker),
            )
        return cur.rowcount

    async def release(self, worker: str) -> None:
        """Give up `worker`'s claims on rows it did not settle (their target waits for a
        retry, or the run ended), so another sender need not wait for the lease."""
        async with self._storage.transaction() as conn:
            await conn.execute(
                "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL "
                "WHERE claimed_by = ? AND state = 'pending'",
                (worker,),
            )

    async def mark_sent(self, ids: Sequence[int], message_id: int | None, now: float) -> None:
        async with self._storage.transaction() as conn:
            await conn.executemany(
                "UPDATE outbox SET state = 'sent', message_id = ?, sent_at = ?, "
                "attempts = attempts + 1, last_error = NULL, attempted_at = NULL, "
                "claimed_by = NULL, claimed_until = NULL WHERE id = ?",
                [(message_id, now, i) for i in ids],
            )

    async def retry_later(self, ids: Sequence[int], error: str, next_attempt_at: float) -> None:
        async with self._storage.transaction() as conn:
            await conn.executemany(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ?, "
                "next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL "
                "WHERE id = ? AND state = 'pending'",
                [(error, next_attempt_at, i) for i in ids],
            )

    async def mark(self, ids: Sequence[int], state: str, error: str | None) -> None:
        async with self._storage.transaction() as conn:
            await conn.executemany(
                "UPDATE outbox SET state = ?, last_error = ?, attempts = attempts + 1, "
                "claimed_by = NULL, claimed_until = NULL WHERE id = ? AND state = 'pending'",
                [(state, error, i) for i in ids],
            )

    async def counts(self) -> dict[str, int]:
        async with self._storage.reader.execute(
            "SELECT state, COUNT(*) FROM outbox GROUP BY state"
        ) as cur:
            return {str(r[0]): int(r[1]) for r in await cur.fetchall()}

    async def for_article(self, article_id: int) -> list[OutboxItem]:
        return await self._load("WHERE o.article_id = ? ORDER BY o.id", (article_id,))


class NoticeStore:
    def __init__(self, storage: Database) -> None:
        self._storage = storage

    async def add(
        self, text: str, now: float, *, guild_id: int | None = None, user_id: int | None = None
    ) -> None:
        async with self._storage.transaction() as conn:
            await conn.execute(
                "INSERT INTO notices (guild_id, user_id, text, created_at) VALUES (?, ?, ?, ?)",
                (guild_id, user_id, text, now),
            )

    async def take(self, now: float, *, user_id: int, guild_id: int | None = None) -> list[Notice]:
        """The fan's pending notices, and the server's when `guild_id` is given (the caller
        checked the user moderates it); marked shown in the same statement, so two bots
        on one database never both show one."""
        async with (
            self._storage.transaction() as conn,
            conn.execute(
                "UPDATE notices SET shown_at = ? WHERE shown_at IS NULL AND id IN ("
                "SELECT id FROM notices WHERE shown_at IS NULL "
                "AND (user_id = ? OR (CAST(? AS BIGINT) IS NOT NULL AND guild_id = ?)) "
                "ORDER BY id LIMIT 5) "
                "RETURNING id, guild_id, user_id, text, created_at",
                (now, user_id, guild_id, guild_id),
            ) as cur,
        ):
            rows = [Notice(*r) for r in await cur.fetchall()]
        return sorted(rows, key=lambda n: n.id)

    async def pending(self, *, guild_id: int | None = None, user_id: int | None = None) -> list:
        async with self._storage.reader.execute(
            "SELECT id, guild_id, user_id, text, created_at FROM notices WHERE shown_at IS NULL "
            "AND (guild_id = ? OR user_id = ?) ORDER BY id",
            (guild_id, user_id),
        ) as cur:
            return [Notice(*r) for r in await cur.fetchall()]
