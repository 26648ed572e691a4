"""Stories as stored articles, with their tags and transfer moves."""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass

import aiosqlite

from feeds.models import Story, StoryTags
from storage.article_rows import (
    KnownStory,
    NewRow,
    NewStory,
    feeds_primed,
    insert_new,
    insert_rows,
    known_stories,
    record_polls,
    rewrite_known,
    stored_keys,
)
from storage.article_rows import person_key as person_key  # where callers import them from
from storage.article_rows import team_key as team_key
from storage.database import Database


def race_key(race_id: str) -> str:
    """A race as subscriptions and follows name it (article_races keeps the bare id)."""
    return f"race:{race_id}"


def content_hash(story: Story) -> str:
    text = "\x00".join((story.title, story.summary, story.body, story.url or ""))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class FeedState:
    """What a successful poll learnt about the feed itself."""

    title: str | None
    etag: str | None
    last_modified: str | None
    body_hash: str
    next_attempt_at: float


@dataclass(frozen=True, slots=True)
class SavedStory:
    article_id: int
    story: Story
    tags: StoryTags
    is_backlog: bool


AfterSave = Callable[[aiosqlite.Connection, int, list[SavedStory], float], Awaitable[None]]
"""Called inside save_poll's transaction with (connection, feed id, new stories, now)."""


@dataclass(frozen=True, slots=True)
class SaveResult:
    new: list[SavedStory]
    updated: int
    unchanged: int
    retagged: int = 0
    """Known stories with the same text whose tags were written again (new tagger inputs)."""


@dataclass(frozen=True, slots=True)
class StoredStory:
    """What decides whether a stored story needs tagging again (the tag cache)."""

    content_hash: str
    tagged_with: str | None


_KEYS_PER_QUERY = 500


class ArticleStore:
    def __init__(self, storage: Database) -> None:
        self._storage = storage

    async def stored(self, feed_id: int, keys: Sequence[str]) -> dict[str, StoredStory]:
        """The stories of this feed among `keys` already stored, by key: one query per
        500 keys (a feed carries at most a few hundred)."""
        found: dict[str, StoredStory] = {}
        for i in range(0, len(keys), _KEYS_PER_QUERY):
            chunk = keys[i : i + _KEYS_PER_QUERY]
            marks = ", ".join("?" * len(chunk))
            rows = await self._storage.reader.execute_fetchall(
                "SELECT key, content_hash, tagged_with FROM articles "
                f"WHERE feed_id = ? AND key IN ({marks})",
                (feed_id, *chunk),
            )
            for key, digest, tagged_with in rows:
                found[key] = StoredStory(digest, tagged_with)
        return found

    async def save_poll(
        self,
        feed_id: int,
        items: Sequence[tuple[Story, StoryTags]],
        state: FeedState,
        now: float,
        after: AfterSave | None = None,
        *,
        tagged_with: Mapping[str, str] | None = None,
        rewrite_tags: bool = False,
    ) -> SaveResult:
        """Store one successful poll of a feed in one transaction.

        New stories are inserted with their tags and moves; a known story whose
        text changed is updated in place (never reported as new); the feed's
        validators and health are updated with them, so a crash leaves either
        the whole poll or none of it. The first poll of a feed is backlog.
        `after` (fan-out) writes into the same transaction, so a stored story and its
        outbox rows are committed together.

        `tagged_with` gives, by story key, what the tags were computed from besides the
        text (the tag cache's key, bot/pipeline/ingest.py): a known story with the same
        text but other inputs (a roster change) gets these tags. `rewrite_tags` rewrites
        every known story's tags (the cache's reference run in tests).
        """
        inputs = tagged_with or {}
        async with self._storage.transaction() as conn:
            rows = await conn.execute_fetchall("SELECT primed FROM feeds WHERE id = ?", (feed_id,))
            if not rows:
                raise LookupError(f"feed {feed_id} no longer exists")
            known = await known_stories(conn, feed_id, [story.key for story, _ in items])
            writer = _PollWriter(conn, feed_id, now, not rows[0][0], known, rewrite_tags)
            for story, tags in items:
                await writer.add(story, tags, inputs.get(story.key))
            await writer.flush()
            new, counts = writer.new, writer.counts
            if after is not None and new:
                await after(conn, feed_id, new, now)
            await record_polls(conn, [(feed_id, now, state)])
        return SaveResult(new, counts["updated"], counts["unchanged"], counts["retagged"])

    async def save_polls(self, polls: Sequence[PollToSave]) -> list[SaveResult | None]:
        """Several feeds' polls in one transaction and a few statements whatever their
        number: each poll whose stories are all new (a steady cycle's one new story a feed)
        and whose feed exists, once a batch. The rows are those `save_poll` writes for the
        same polls one after another. The other polls are None, left for `save_poll`."""
        if not polls:
            return []
        results: list[SaveResult | None] = [None] * len(polls)
        async with self._storage.transaction() as conn:
            primed = await feeds_primed(conn, [poll.feed_id for poll in polls])
            keys: dict[int, list[str]] = {}
            for poll in polls:
                if poll.feed_id in primed:
                    keys.setdefault(poll.feed_id, []).extend(s.key for s, _ in poll.items)
            stored = await stored_keys(conn, keys) if keys else set()
            chosen: dict[int, PollToSave] = {}
            for n, poll in enumerate(polls):
                mine = [story.key for story, _ in poll.items]
                if (
                    poll.feed_id in primed
                    and all(p.feed_id != poll.feed_id for p in chosen.values())
                    and len(set(mine)) == len(mine)
                    and not any((poll.feed_id, key) in stored for key in mine)
                ):
                    chosen[n] = poll
            rows = [
                NewRow(
                    poll.feed_id,
                    NewStory(
                        story,
                        tags,
                        content_hash(story),
                        (poll.tagged_with or {}).get(story.key),
                        _sort_time(story, poll.now),
                    ),
                    poll.now,
                    not primed[poll.feed_id],
                )
                for poll in chosen.values()
                for story, tags in poll.items
            ]
            ids = iter(await insert_rows(conn, rows) if rows else [])
            for n, poll in chosen.items():
                backlog = not primed[poll.feed_id]
                new = [SavedStory(next(ids), s, t, backlog) for s, t in poll.items]
                if poll.after is not None and new:
                    await poll.after(conn, poll.feed_id, new, poll.now)
                results[n] = SaveResult(new, 0, 0)
            if chosen:
                await record_polls(conn, [(p.feed_id, p.now, p.state) for p in chosen.values()])
        return results

    async def count(self) -> int:
        async with self._storage.reader.execute("SELECT COUNT(*) FROM articles") as cur:
            return int((await cur.fetchone())[0])


class _PollWriter:
    """One poll's stories written in feed order: runs of new ones in batches
    (storage/article_rows.py), a known one alone."""

    def __init__(
        self,
        conn: aiosqlite.Connection,
        feed_id: int,
        now: float,
        backlog: bool,
        known: dict[str, KnownStory],
        rewrite_tags: bool,
    ) -> None:
        self.conn, self.feed_id, self.now, self.backlog = conn, feed_id, now, backlog
        self.known, self.rewrite_tags = known, rewrite_tags
        self.run: dict[str, NewStory] = {}
        """New stories not written yet, by key, in feed order."""
        self.new: list[SavedStory] = []
        self.counts = {"updated": 0, "retagged": 0, "unchanged": 0}

    async def add(self, story: Story, tags: StoryTags, tag_key: str | None) -> None:
        digest = content_hash(story)
        if story.key in self.run:
            await self.flush()  # the same key twice in one poll: the first one stored first
        before = self.known.get(story.key)
        if before is None:
            self.run[story.key] = NewStory(
                story, tags, digest, tag_key, _sort_time(story, self.now)
            )
            return
        if digest != before.content_hash:
            outcome = "updated"
        elif self.rewrite_tags or (tag_key is not None and tag_key != before.tagged_with):
            outcome = "retagged"
        else:
            self.counts["unchanged"] += 1
            return
        await self.flush()  # rows in feed order, as one story at a time wrote them
        await rewrite_known(self.conn, before, story, tags, digest, tag_key)
        self.known[story.key] = KnownStory(before.article_id, digest, tag_key, before.sort_at)
        self.counts[outcome] += 1

    async def flush(self) -> None:
        if not self.run:
            return
        run = list(self.run.values())
        self.run.clear()
        ids = await insert_new(self.conn, self.feed_id, run, self.now, self.backlog)
        for article_id, n in zip(ids, run, strict=True):
            self.new.append(SavedStory(article_id, n.story, n.tags, self.backlog))
            self.known[n.story.key] = KnownStory(article_id, n.digest, n.tagged_with, n.sort_at)


def _sort_time(story: Story, now: float) -> float:
    # A feed may claim a future date; never let it pin a story to the top.
    if story.published is None:
        return now
    return min(story.published.timestamp(), now)


@dataclass(frozen=True, slots=True)
class PollToSave:
    """One feed's successful poll, as `save_poll` takes it (`save_polls` takes several)."""

    feed_id: int
    items: Sequence[tuple[Story, StoryTags]]
    state: FeedState
    now: float
    after: AfterSave | None = None
    tagged_with: Mapping[str, str] | None = None
