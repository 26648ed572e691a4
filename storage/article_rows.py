"""The rows one poll writes for its stories (storage/articles.py `save_poll`).

New stories are written in batches: a run of them is one multi-row INSERT (its tag columns
included) and one statement each for their tags, moves and races, where writing them
one by one took about nine round trips to the database thread a story (each a hand-off
the event loop and that thread both pay for: bench/polling.py, a first poll stores
25,000). The rows are the same, written in the same order, so article and move ids come
out as before. A known story (its text changed, or its tags computed anew) is rewritten
one at a time, as it is rare.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import aiosqlite

from feeds.models import Story, StoryTags
from storage.search import index_stories, index_story

_ARTICLE_COLUMNS = (
    "feed_id, key, url, title, summary, body, author, image_url, language, published_at, "
    "fetched_at, sort_at, content_hash, is_backlog, is_transfer, tagged_with, kind, "
    "focus_race, focus_year, focus_stage"
)
_ARTICLE_MARKS = "(" + ", ".join("?" * 20) + ")"
ROWS_PER_INSERT = 50
"""Articles a multi-row INSERT carries (1,000 parameters; a feed's poll is one or a few)."""


def person_key(person_id: str) -> str:
    return f"person:{person_id}"


def team_key(team_id: str) -> str:
    return f"team:{team_id}"


@dataclass(frozen=True, slots=True)
class NewStory:
    story: Story
    tags: StoryTags
    digest: str
    tagged_with: str | None
    sort_at: float


@dataclass(frozen=True, slots=True)
class KnownStory:
    """A stored story as the poll finds it."""

    article_id: int
    content_hash: str
    tagged_with: str | None
    sort_at: float


async def known_stories(
    conn: aiosqlite.Connection, feed_id: int, keys: Sequence[str]
) -> dict[str, KnownStory]:
    """The stories of this feed among `keys` already stored, by key (500 keys a query)."""
    found: dict[str, KnownStory] = {}
    unique = list(dict.fromkeys(keys))
    for i in range(0, len(unique), 500):
        chunk = unique[i : i + 500]
        marks = ", ".join("?" * len(chunk))
        rows = await conn.execute_fetchall(
            "SELECT key, id, content_hash, tagged_with, sort_at FROM articles "
            f"WHERE feed_id = ? AND key IN ({marks})",
            (feed_id, *chunk),
        )
        for key, article_id, digest, tagged_with, sort_at in rows:
            found[key] = KnownStory(article_id, digest, tagged_with, sort_at)
    return found


async def insert_new(
    conn: aiosqlite.Connection,
    feed_id: int,
    run: Sequence[NewStory],
    now: float,
    backlog: bool,
) -> list[int]:
    """Insert a run of new stories (keys unique among them and not stored) with their
    tags, moves and races; their article ids, in `run`'s order."""
    return await insert_rows(conn, [NewRow(feed_id, new, now, backlog) for new in run])


@dataclass(frozen=True, slots=True)
class NewRow:
    """A new story and the poll it came in: several feeds' polls can be written together."""

    feed_id: int
    new: NewStory
    now: float
    backlog: bool


async def insert_rows(conn: aiosqlite.Connection, rows: Sequence[NewRow]) -> list[int]:
    """Insert new stories (each key unique within its feed among them and not stored) with
    their tags, moves and races; their article ids, in `rows`' order."""
    ids: dict[tuple[int, str], int] = {}
    for i in range(0, len(rows), ROWS_PER_INSERT):
        chunk = rows[i : i + ROWS_PER_INSERT]
        params: list[Any] = []
        for row in chunk:
            params += _article_values(row.feed_id, row.new, row.now, row.backlog)
        # VALUES rows are inserted in order (ids ascend as one INSERT a story gave them);
        # RETURNING's order is not promised, hence the feed and key beside each id.
        returned = await conn.execute_fetchall(
            f"INSERT INTO articles ({_ARTICLE_COLUMNS}) VALUES "
            + ", ".join([_ARTICLE_MARKS] * len(chunk))
            + " RETURNING id, feed_id, key",
            params,
        )
        ids.update(((int(feed_id), key), int(article_id)) for article_id, feed_id, key in returned)
    article_ids = [ids[row.feed_id, row.new.story.key] for row in rows]
    await index_stories(conn, [(i, r.new.story) for i, r in zip(article_ids, rows, strict=True)])
    await write_entities(
        conn,
        [(i, r.new.tags, r.new.sort_at) for i, r in zip(article_ids, rows, strict=True)],
    )
    return article_ids


async def stored_keys(
    conn: aiosqlite.Connection, keys: Mapping[int, Sequence[str]]
) -> set[tuple[int, str]]:
    """(feed id, key) of the stories among `keys` (by feed id) already stored: one query
    for several feeds (500 keys a query)."""
    feeds = list(keys)
    unique = list(dict.fromkeys(k for ks in keys.values() for k in ks))
    found: set[tuple[int, str]] = set()
    for i in range(0, len(unique), 500):
        chunk = unique[i : i + 500]
        rows = await conn.execute_fetchall(
            "SELECT feed_id, key FROM articles "
            f"WHERE feed_id IN ({', '.join('?' * len(feeds))}) "
            f"AND key IN ({', '.join('?' * len(chunk))})",
            (*feeds, *chunk),
        )
        found.update((int(feed_id), key) for feed_id, key in rows)
    return found


async def feeds_primed(conn: aiosqlite.Connection, feed_ids: Sequence[int]) -> dict[int, bool]:
    """Whether each feed that still exists has been polled before (its stories no backlog)."""
    unique = list(dict.fromkeys(feed_ids))
    rows = await conn.execute_fetchall(
        f"SELECT id, primed FROM feeds WHERE id IN ({', '.join('?' * len(unique))})", unique
    )
    return {int(feed_id): bool(primed) for feed_id, primed in rows}


async def record_polls(
    conn: aiosqlite.Connection, polls: Sequence[tuple[int, float, PollState]]
) -> None:
    """Each successful poll's feed row (feed id, now, what the poll learnt), one statement."""
    await conn.executemany(
        "UPDATE feeds SET title = COALESCE(?, title), etag = ?, last_modified = ?, "
        "body_hash = ?, primed = 1, last_polled_at = ?, last_success_at = ?, "
        "consecutive_failures = 0, failing_since = NULL, next_attempt_at = ? "
        "WHERE id = ?",
        [
            (
                state.title,
                state.etag,
                state.last_modified,
                state.body_hash,
                now,
                now,
                state.next_attempt_at,
                feed_id,
            )
            for feed_id, now, state in polls
        ],
    )


class PollState(Protocol):
    """What a successful poll learnt about the feed itself (storage.articles.FeedState)."""

    @property
    def title(self) -> str | None: ...
    @property
    def etag(self) -> str | None: ...
    @property
    def last_modified(self) -> str | None: ...
    @property
    def body_hash(self) -> str: ...
    @property
    def next_attempt_at(self) -> float: ...


def _article_values(feed_id: int, new: NewStory, now: float, backlog: bool) -> tuple[Any, ...]:
    story, tags = new.story, new.tags
    focus = tags.race_focus
    return (
        feed_id,
        story.key,
        *_text_values(story),
        story.published.timestamp() if story.published else None,
        now,
        new.sort_at,
        new.digest,
        int(backlog),
        int(tags.is_transfer),
        new.tagged_with,
        tags.kind,
        focus.race_id if focus else None,
        focus.year if focus else None,
        focus.stage if focus else None,
    )


def _text_values(story: Story) -> tuple[Any, ...]:
    """url, title, summary, body, author, image_url, language: in this order wherever the
    story's text is written."""
    return (
        story.url,
        story.title,
        story.summary,
        story.body,
        story.author,
        story.image_url,
        story.language,
    )


async def rewrite_known(
    conn: aiosqlite.Connection,
    known: KnownStory,
    story: Story,
    tags: StoryTags,
    digest: str,
    tagged_with: str | None,
) -> None:
    """A stored story's text (when `digest` differs) and tags written anew."""
    article_id = known.article_id
    if digest != known.content_hash:
        await conn.execute(
            "UPDATE articles SET url = ?, title = ?, summary = ?, body = ?, author = ?, "
            "image_url = ?, language = ?, content_hash = ? WHERE id = ?",
            (*_text_values(story), digest, article_id),
        )
        await index_story(conn, article_id, story)
    await conn.execute("DELETE FROM tags WHERE article_id = ?", (article_id,))
    await conn.execute("DELETE FROM moves WHERE article_id = ?", (article_id,))
    await conn.execute("DELETE FROM article_races WHERE article_id = ?", (article_id,))
    await write_entities(conn, [(article_id, tags, known.sort_at)])
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


async def write_entities(
    conn: aiosqlite.Connection, stories: Sequence[tuple[int, StoryTags, float]]
) -> None:
    """Tags, moves and races of (article id, tags, sort time), one statement per table
    (none for a table with no rows)."""
    tag_rows: list[tuple[str, float, int, str]] = []
    move_rows: list[tuple[Any, ...]] = []
    race_rows: list[tuple[str, float, int]] = []
    for article_id, tags, sort_at in stories:
        tag_rows += [(person_key(i), sort_at, article_id, "rider") for i in tags.riders]
        tag_rows += [(team_key(i), sort_at, article_id, "team") for i in tags.teams]
        tag_rows += [(person_key(i), sort_at, article_id, "staff") for i in tags.staff]
        move_rows += [
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
        ]
        race_rows += [(race_id, sort_at, article_id) for race_id in dict.fromkeys(tags.races)]
    if tag_rows:
        await conn.executemany(
            "INSERT OR IGNORE INTO tags (entity_id, sort_at, article_id, kind) VALUES (?, ?, ?, ?)",
            tag_rows,
        )
    if move_rows:
        await conn.executemany(
            "INSERT INTO moves (article_id, person_id, person, from_team_id, from_team, "
            "to_team_id, to_team, status, season, sort_at, stage) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            move_rows,
        )
    if race_rows:
        await conn.executemany(
            "INSERT OR IGNORE INTO article_races (race_id, sort_at, article_id) VALUES (?, ?, ?)",
            race_rows,
        )
