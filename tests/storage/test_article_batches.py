"""`save_poll` writes runs of new stories in batches (storage/article_rows.py). Every row it
writes, ids included, is what writing one story at a time wrote: the reference below is
that earlier writer, and random polls (new stories, edits, the same key twice in a poll,
retagging, moves and races) go through both."""

from __future__ import annotations

import asyncio
import random
import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feeds.models import Move, RaceFocus, Story, StoryTags
from storage import Storage
from storage.article_rows import ROWS_PER_INSERT
from storage.articles import FeedState, content_hash, person_key, team_key

NOW = 1.8e9


async def reference_save(
    storage: Storage,
    feed_id: int,
    items: list[tuple[Story, StoryTags]],
    state: FeedState,
    now: float,
    tagged_with: dict[str, str],
    rewrite_tags: bool,
) -> tuple[list[int], dict[str, int]]:
    """The writer as it was: one story at a time, each looked up, inserted, then tagged."""
    new: list[int] = []
    counts = {"updated": 0, "retagged": 0, "unchanged": 0}
    async with storage.transaction() as conn:
        (primed,) = (
            await conn.execute_fetchall("SELECT primed FROM feeds WHERE id = ?", (feed_id,))
        )[0]
        for story, tags in items:
            key = tagged_with.get(story.key)
            digest = content_hash(story)
            rows = await conn.execute_fetchall(
                "SELECT id, content_hash, tagged_with, sort_at FROM articles"
                " WHERE feed_id = ? AND key = ?",
                (feed_id, story.key),
            )
            if not rows:
                sort_at = min(story.published.timestamp(), now) if story.published else now
                (row,) = await conn.execute_fetchall(
                    "INSERT INTO articles (feed_id, key, url, title, summary, body, author,"
                    " image_url, language, published_at, fetched_at, sort_at, content_hash,"
                    " is_backlog) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    (feed_id, story.key, story.url, story.title, story.summary, story.body,
                     story.author, story.image_url, story.language,
                     story.published.timestamp() if story.published else None, now, sort_at,
                     digest, int(not primed)),
                )  # fmt: skip
                await _tags(conn, row[0], tags, sort_at, key)
                new.append(row[0])
                continue
            article_id, stored_digest, stored_with, sort_at = rows[0]
            if stored_digest != digest:
                counts["updated"] += 1
                await conn.execute(
                    "UPDATE articles SET url = ?, title = ?, summary = ?, body = ?, author = ?,"
                    " image_url = ?, language = ?, content_hash = ? WHERE id = ?",
                    (story.url, story.title, story.summary, story.body, story.author,
                     story.image_url, story.language, digest, article_id),
                )  # fmt: skip
            elif rewrite_tags or (key is not None and key != stored_with):
                counts["retagged"] += 1
            else:
                counts["unchanged"] += 1
                continue
            for table in ("tags", "moves", "article_races"):
                await conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
            await _tags(conn, article_id, tags, sort_at, key)
        await conn.execute(
            "UPDATE feeds SET title = COALESCE(?, title), etag = ?, last_modified = ?,"
            " body_hash = ?, primed = 1, last_polled_at = ?, last_success_at = ?,"
            " consecutive_failures = 0, failing_since = NULL, next_attempt_at = ? WHERE id = ?",
            (state.title, state.etag, state.last_modified, state.body_hash, now, now,
             state.next_attempt_at, feed_id),
        )  # fmt: skip
    return new, counts


async def _tags(conn: Any, article_id: int, tags: StoryTags, sort_at: float, key: Any) -> None:
    rows = [(person_key(i), sort_at, article_id, "rider") for i in tags.riders]
    rows += [(team_key(i), sort_at, article_id, "team") for i in tags.teams]
    rows += [(person_key(i), sort_at, article_id, "staff") for i in tags.staff]
    await conn.executemany(
        "INSERT OR IGNORE INTO tags (entity_id, sort_at, article_id, kind) VALUES (?, ?, ?, ?)",
        rows,
    )
    await conn.executemany(
        "INSERT INTO moves (article_id, person_id, person, from_team_id, from_team, to_team_id,"
        " to_team, status, season, sort_at, stage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(article_id, m.person_id, m.person, m.from_team_id, m.from_team, m.to_team_id,
          m.to_team, m.status, m.season, sort_at, m.stage) for m in tags.moves],
    )  # fmt: skip
    await conn.executemany(
        "INSERT OR IGNORE INTO article_races (race_id, sort_at, article_id) VALUES (?, ?, ?)",
        [(race_id, sort_at, article_id) for race_id in dict.fromkeys(tags.races)],
    )
    focus = tags.race_focus
    await conn.execute(
        "UPDATE articles SET is_transfer = ?, tagged_with = ?, kind = ?, focus_race = ?,"
        " focus_year = ?, focus_stage = ? WHERE id = ?",
        (int(tags.is_transfer), key, tags.kind, focus.race_id if focus else None,
         focus.year if focus else None, focus.stage if focus else None, article_id),
    )  # fmt: skip


def make_tags(rng: random.Random) -> StoryTags:
    people = rng.sample(["p1", "p2", "p3", "p4"], rng.randint(0, 3))
    moves = [
        Move(p, p.upper(), rng.choice([None, "t1"]), "t2", None, "Team 2",
             rng.choice(["confirmed", "rumour"]), rng.choice([None, 2027]),
             rng.choice([None, "talks"]))
        for p in people[: rng.randint(0, 2)]
    ]  # fmt: skip
    races = rng.choices(["tdf", "giro", "vuelta"], k=rng.randint(0, 3))
    focus = RaceFocus(races[0], 2026, rng.choice([None, 0, 3])) if races else None
    return StoryTags(
        riders=people,
        teams=rng.sample(["t1", "t2", "t3"], rng.randint(0, 2)),
        staff=rng.sample(["s1", "p1"], rng.randint(0, 1)),
        is_transfer=bool(moves),
        moves=moves,
        races=races,
        race_focus=focus,
        kind=rng.choice(["other", "transfer", "result"]),
    )


def make_poll(rng: random.Random, size: int) -> list[tuple[Story, StoryTags]]:
    items = []
    for _ in range(size):
        key = f"guid:{rng.randint(0, 12)}"
        text = rng.randint(0, 2)
        published = rng.choice([None, datetime(2026, 3, rng.randint(1, 28), tzinfo=UTC)])
        story = Story(key, f"https://x.example/{key}", f"Title {key} {text}",
                      summary=f"summary {text}", body="body" * text, published=published,
                      language=rng.choice([None, "en"]))  # fmt: skip
        items.append((story, make_tags(rng)))
    return items


def dump(path: Path) -> dict[str, list[Any]]:
    conn = sqlite3.connect(path)
    try:
        queries = {
            "articles": "SELECT * FROM articles ORDER BY id",
            "tags": "SELECT * FROM tags ORDER BY article_id, entity_id, kind",
            "moves": "SELECT * FROM moves ORDER BY id",
            "races": "SELECT rowid, * FROM article_races ORDER BY rowid",
            "feeds": "SELECT * FROM feeds ORDER BY id",
            "search": "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'title'"
            " ORDER BY rowid",
        }
        return {name: conn.execute(sql).fetchall() for name, sql in queries.items()}
    finally:
        conn.close()


async def both(seed: int, polls: int, size: int) -> None:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        paths = Path(tmp) / "batched.sqlite3", Path(tmp) / "reference.sqlite3"
        stores = [await Storage.open(p) for p in paths]
        try:
            feeds = [[(await s.feeds.add(f"https://f{n}.example/", NOW))[0] for n in range(2)]
                     for s in stores]  # fmt: skip
            for n in range(polls):
                feed = rng.randrange(2)
                items = make_poll(rng, rng.randint(0, size))
                keys = {s.key: rng.choice(["k1", "k2"]) for s, _ in items if rng.random() < 0.8}
                rewrite = rng.random() < 0.2
                state = FeedState("T", None, None, f"h{n}", NOW + n)
                saved = await stores[0].articles.save_poll(
                    feeds[0][feed].id, items, state, NOW + n, tagged_with=keys, rewrite_tags=rewrite
                )
                ids, counts = await reference_save(
                    stores[1], feeds[1][feed].id, items, state, NOW + n, keys, rewrite
                )
                assert [s.article_id for s in saved.new] == ids
                assert (saved.updated, saved.retagged, saved.unchanged) == (
                    counts["updated"], counts["retagged"], counts["unchanged"],
                )  # fmt: skip
        finally:
            for s in stores:
                await s.close()
        assert dump(paths[0]) == dump(paths[1])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32))
def test_batched_writes_store_what_one_at_a_time_did(seed: int) -> None:
    asyncio.run(both(seed, polls=8, size=8))


def test_a_poll_longer_than_one_insert() -> None:
    asyncio.run(both(7, polls=3, size=ROWS_PER_INSERT * 2 + 3))


async def test_new_stories_keep_feed_order_on_both_engines(storage: Storage) -> None:
    feed, _ = await storage.feeds.add("https://order.example/", NOW)
    items = [(Story(f"guid:{n}", None, f"story {n}"), StoryTags(riders=["p1"])) for n in range(120)]
    items.append((Story("guid:3", None, "story 3 edited"), StoryTags()))  # the same key again
    saved = await storage.articles.save_poll(
        feed.id, items, FeedState(None, None, None, "h", 0), NOW
    )
    ids = [s.article_id for s in saved.new]
    assert ids == sorted(ids) and len(ids) == 120 and saved.updated == 1
    keys = await storage.reader.execute_fetchall(
        "SELECT key, title FROM articles WHERE feed_id = ? ORDER BY id", (feed.id,)
    )
    assert [tuple(row) for row in keys][:4] == [
        ("guid:0", "story 0"), ("guid:1", "story 1"), ("guid:2", "story 2"),
        ("guid:3", "story 3 edited"),
    ]  # fmt: skip
    tagged = await storage.reader.execute_fetchall(
        "SELECT COUNT(*) FROM tags WHERE entity_id = 'person:p1'"
    )
    assert tagged[0][0] == 119  # the edited story's tags were written anew, without p1
    with pytest.raises(LookupError):
        await storage.articles.save_poll(-1, items[:1], FeedState(None, None, None, "h", 0), NOW)
