"""Stories as stored articles, with their tags and transfer moves."""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass

import aiosqlite

from feeds.models import Story, StoryTags
from storage.database import Database
from storage.search import index_story


def person_key(person_id: str) -> str:
    return f"person:{person_id}"


def team_key(team_id: str) -> str:
    return f"team:{team_id}"


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
            async with self._storage.reader.execute(
                "SELECT key, content_hash, tagged_with FROM articles "
                f"WHERE feed_id = ? AND key IN ({marks})",
                (feed_id, *chunk),
            ) as cur:
                for key, digest, tagged_with in await cur.fetchall():
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
        new: list[SavedStory] = []
        counts = {"updated": 0, "retagged": 0, "unchanged": 0}
        inputs = tagged_with or {}
        async with self._storage.transaction() as conn:
            async with conn.execute("SELECT primed FROM feeds WHERE id = ?", (feed_id,)) as cur:
                row = await cur.fetchone()
            if row is None:
                raise LookupError(f"feed {feed_id} no longer exists")
            backlog = not row[0]
            for story, tags in items:
                key = inputs.get(story.key)
                outcome = await _save_story(
                    conn, feed_id, story, tags, key, now, backlog, rewrite_tags
                )
                if isinstance(outcome, int):
                    new.append(SavedStory(outcome, story, tags, backlog))
                else:
                    counts[outcome] += 1
            if after is not None and new:
                await after(conn, feed_id, new, now)
            await conn.execute(
                "UPDATE feeds SET title = COALESCE(?, title), etag = ?, last_modified = ?, "
                "body_hash = ?, primed = 1, last_polled_at = ?, last_success_at = ?, "
                "consecutive_failures = 0, failing_since = NULL, next_attempt_at = ? "
                "WHERE id = ?",
                (
                    state.title,
                    state.etag,
                    state.last_modified,
                    state.body_hash,
                    now,
                    now,
                    state.next_attempt_at,
                    feed_id,
                ),
            )
        return SaveResult(new, counts["updated"], counts["unchanged"], counts["retagged"])

    async def count(self) -> int:
        async with self._storage.reader.execute("SELECT COUNT(*) FROM articles") as cur:
            return int((await cur.fetchone())[0])


async def _save_story(
    conn: aiosqlite.Connection,
    feed_id: int,
    story: Story,
    tags: StoryTags,
    tagged_with: str | None,
    now: float,
    backlog: bool,
    rewrite_tags: bool,
) -> int | str:
    """One story of a poll: the new article's id, else "updated", "retagged" or "unchanged"."""
    digest = content_hash(story)
    async with conn.execute(
        "SELECT id, content_hash, tagged_with, sort_at FROM articles WHERE feed_id = ? AND key = ?",
        (feed_id, story.key),
    ) as cur:
        existing = await cur.fetchone()
    if existing is None:
        sort_at = _sort_time(story, now)
        article_id = await _insert(conn, feed_id, story, digest, now, sort_at, backlog)
        await _write_tags(conn, article_id, tags, sort_at, tagged_with)
        return article_id
    article_id, stored_digest, stored_with, kept_sort_at = existing
    if stored_digest != digest:
        outcome = "updated"
        await _update(conn, article_id, story, digest)
    elif rewrite_tags or (tagged_with is not None and tagged_with != stored_with):
        outcome = "retagged"
    else:
        return "unchanged"
    await conn.execute("DELETE FROM tags WHERE article_id = ?", (article_id,))
    await conn.execute("DELETE FROM moves WHERE article_id = ?", (article_id,))
    await conn.execute("DELETE FROM article_races WHERE article_id = ?", (article_id,))
    await _write_tags(conn, article_id, tags, kept_sort_at, tagged_with)
    return outcome


def _sort_time(story: Story, now: float) -> float:
    # A feed may claim a future date; never let it pin a story to the top.
    if story.published is None:
        return now
    return min(story.published.timestamp(), now)


async def _insert(
    conn: aiosqlite.Connection,
    feed_id: int,
    story: Story,
    digest: str,
    now: float,
    sort_at: float,
    backlog: bool,
) -> int:
    cur = await conn.execute(
        "INSERT INTO articles (feed_id, key, url, title, summary, body, author, image_url, "
        "language, published_at, fetched_at, sort_at, content_hash, is_backlog) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (
            feed_id,
            story.key,
            story.url,
            story.title,
            story.summary,
            story.body,
            story.author,
            story.image_url,
            story.language,
            story.published.timestamp() if story.published else None,
            now,
            sort_at,
            digest,
            int(backlog),
        ),
    )
    (article_id,) = await cur.fetchone()
    await index_story(conn, article_id, story)
    return int(article_id)


async def _update(conn: aiosqlite.Connection, article_id: int, story: Story, digest: str) -> None:
    await conn.execute(
        "UPDATE articles SET url = ?, title = ?, summary = ?, body = ?, author = ?, "
        "image_url = ?, language = ?, content_hash = ? WHERE id = ?",
        (
            story.url,
            story.title,
            story.summary,
            story.body,
            story.author,
            story.image_url,
            story.language,
            digest,
            article_id,
        ),
    )
    await index_story(conn, article_id, story)


async def _write_tags(
    conn: aiosqlite.Connection,
    article_id: int,
    tags: StoryTags,
    sort_at: float,
    tagged_with: str | None,
) -> None:
    rows = [(person_key(i), sort_at, article_id, "rider") for i in tags.riders]
    rows += [(team_key(i), sort_at, article_id, "team") for i in tags.teams]
    rows += [(person_key(i), sort_at, article_id, "staff") for i in tags.staff]
    await conn.executemany(
        "INSERT OR IGNORE INTO tags (entity_id, sort_at, article_id, kind) VALUES (?, ?, ?, ?)",
        rows,
    )
    await conn.executemany(
        "INSERT INTO moves (article_id, person_id, person, from_team_id, from_team, to_team_id, "
        "to_team, status, season, sort_at, stage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                article_id,
                m.person_id,
                m.person,
                m.from_team_id,
                m.from_team,
                m.to_team_id,
                m.to_team,
                m.status,
                m.season,
                sort_at,
                m.stage,
            )
            for m in tags.moves
        ],
    )
    await conn.executemany(
        "INSERT OR IGNORE INTO article_races (race_id, sort_at, article_id) VALUES (?, ?, ?)",
        [(race_id, sort_at, article_id) for race_id in dict.fromkeys(tags.races)],
    )
    focus = tags.race_focus
    await conn.execute(
        "UPDATE articles SET is_transfer = ?, tagged_with = ?, kind = ?, focus_race = ?, "
        "focus_year = ?, focus_stage = ? WHERE id = ?",
        (
            int(tags.is_transfer),
            tagged_with,
            tags.kind,
            focus.race_id if focus else None,
            focus.year if focus else None,
            focus.stage if focus else None,
            article_id,
        ),
    )
