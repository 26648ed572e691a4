"""PostgreSQL's search bitmaps of id blocks (migration 017, `articles_search_blocks`):
kept by triggers as stories are written, edited and removed, equal to the bitmaps built
from scratch; built by the migration from a filled database; and a search through them
finds, at every block edge and for a block needed whole or in part, the newest matches a
plain scan of every story finds."""

from __future__ import annotations

import random

import asyncpg

from feeds.models import StoryTags
from storage import Storage
from storage.articles import FeedState
from storage.db import migrations
from storage.search import fold_words
from tests.e2e.world import story

UNDO_017 = (
    "DROP TRIGGER articles_search_blocks_insert ON articles_search; "
    "DROP TRIGGER articles_search_blocks_delete ON articles_search; "
    "DROP TRIGGER articles_search_blocks_update ON articles_search; "
    "DROP FUNCTION articles_search_blocks_add, articles_search_blocks_drop, "
    "articles_search_blocks_change, search_blocks, search_blocks_count, search_ranges; "
    "DROP TABLE articles_search_blocks; "
    "DELETE FROM schema_version WHERE version >= 17"
)
"""The database as migration 016 left it (search_posted is 017's again when it reruns)."""

# Every block's bitmap as the stories' words say, built here without the triggers: the
# words and their 1-3 letter starts, each block's set bits as positions.
SCRATCH = (
    "SELECT k.key, (s.article_id >> 12)::integer AS block, "
    "array_agg(DISTINCT (s.article_id & 4095)::integer ORDER BY (s.article_id & 4095)::integer)"
    " FROM articles_search s, unnest(tsvector_to_array(s.words)) AS t(term), "
    "LATERAL (SELECT t.term UNION SELECT left(t.term, n) || '*' "
    "         FROM generate_series(1, least(3, length(t.term))) n) AS k(key) GROUP BY 1, 2"
)
# The same read from the table: positions of each set bit (empty bitmaps left out).
STORED = (
    "SELECT b.term, b.block, array_agg(p.i - 1 ORDER BY p.i) FROM articles_search_blocks b, "
    "unnest(string_to_array(b.bits::text, NULL)) WITH ORDINALITY AS p(bit, i) "
    "WHERE p.bit = '1' GROUP BY 1, 2"
)
POSTED = "SELECT id FROM search_posted($1, $2) AS w(id)"
EVERY = (
    "SELECT article_id FROM articles_search WHERE words @@ to_tsquery('simple', $1) "
    "ORDER BY article_id DESC LIMIT $2"
)
WORDS = ["stage", "stages", "team", "tour", "sprint", "sprinter", "pogačar", "pogi", "crash"]


async def bitmaps(conn: asyncpg.Connection, sql: str) -> dict[tuple[str, int], list[int]]:
    return {(r[0], r[1]): list(r[2]) for r in await conn.fetch(sql)}


async def fill_ids(url: str, ids: list[int], texts: list[str]) -> None:
    """Stories with these ids and words, written as `index_stories` writes them (one
    statement: the triggers see them all at once)."""
    conn = await asyncpg.connect(url)
    try:
        feed = await conn.fetchval(
            "INSERT INTO feeds (url, added_at) VALUES ('https://x.example/feed', 0) RETURNING id"
        )
        await conn.execute(
            "INSERT INTO articles (id, feed_id, key, title, fetched_at, sort_at, content_hash) "
            "SELECT i, $1, 'k' || i, 't', 0, i, 'h' FROM unnest($2::bigint[]) i",
            feed,
            ids,
        )
        await conn.execute(
            "INSERT INTO articles_search (article_id, words) "
            "SELECT u.i, to_tsvector('simple', u.w) FROM unnest($1::bigint[], $2::text[]) u(i, w)",
            ids,
            [" ".join(fold_words(t)) for t in texts],
        )
    finally:
        await conn.close()


async def test_the_blocks_follow_new_edited_and_removed_stories(pg_url):
    store = await Storage.open(pg_url)
    rng = random.Random(17)
    feed, _ = await store.feeds.add("https://news.example/feed", 1.8e9)
    titles = [" ".join(rng.choices(WORDS, k=rng.randint(1, 4))) for _ in range(60)]
    items = [(story(f"k{i}", t, 1.79e9 + i), StoryTags()) for i, t in enumerate(titles)]
    await store.articles.save_poll(feed.id, items, FeedState("F", None, None, "h", 0), 1.8e9)
    conn = await asyncpg.connect(pg_url)
    try:
        assert await bitmaps(conn, STORED) == await bitmaps(conn, SCRATCH)
        ids = [r[0] for r in await conn.fetch("SELECT id FROM articles ORDER BY id")]
        # An edit (the words change in place, as `index_stories` upserts them) and removals.
        await conn.execute(
            "UPDATE articles_search SET words = to_tsvector('simple', 'lanterne rouge') "
            "WHERE article_id = ANY($1::bigint[])",
            ids[:5],
        )
        await conn.execute("DELETE FROM articles WHERE id = ANY($1::bigint[])", ids[5:12])
        assert await bitmaps(conn, STORED) == await bitmaps(conn, SCRATCH)
        lanterne = await conn.fetch(POSTED, "lant *", 400)
        assert sorted(r[0] for r in lanterne) == ids[:5]
    finally:
        await conn.close()
        await store.close()


async def test_searches_find_the_newest_matches_at_every_block_edge(pg_url):
    store = await Storage.open(pg_url)
    await store.close()
    rng = random.Random(4096)
    # The edges of blocks (0, 4095, 4096, 8191 ...), a dense newest block filled in part,
    # and blocks with no story at all between them.
    ids = sorted(
        {4095, 4096, 8191, 8192, 12287}
        | set(range(40_000, 41_500))
        | set(rng.sample(range(1, 40_000), 900))
    )
    texts = [" ".join(w for w in WORDS if rng.random() < 0.35) or "nothing" for _ in ids]
    texts[ids.index(4095)] = texts[ids.index(4096)] = "pogačar stage"
    await fill_ids(pg_url, ids, texts)
    conn = await asyncpg.connect(pg_url)
    try:
        for query, tsquery in [
            ("pogacar stage", "'pogacar' & 'stage'"),
            ("stage s *", "'stage' & 's':*"),
            ("st *", "'st':*"),
            ("p *", "'p':*"),
            ("team sprin *", "'team' & 'sprin':*"),
            ("tour crash pogi", "'tour' & 'crash' & 'pogi'"),
            ("nothing stage", "'nothing' & 'stage'"),
        ]:
            for wanted in (1, 7, 300, 1300, 5000):
                every = [r[0] for r in await conn.fetch(EVERY, tsquery, wanted)]
                got = [r[0] for r in await conn.fetch(POSTED, query, wanted)]
                assert got == every, (query, wanted)
        # the stories either side of the first block edge are among those compared
        edge = {r[0] for r in await conn.fetch(POSTED, "pogacar stage", 5000)}
        assert {4095, 4096} <= edge
    finally:
        await conn.close()


async def test_migration_017_builds_the_blocks_of_a_filled_database(pg_url):
    store = await Storage.open(pg_url)
    rng = random.Random(18)
    feed, _ = await store.feeds.add("https://news.example/feed", 1.8e9)
    titles = [" ".join(rng.choices(WORDS, k=rng.randint(1, 4))) for _ in range(80)]
    items = [(story(f"k{i}", t, 1.79e9 + i), StoryTags()) for i, t in enumerate(titles)]
    await store.articles.save_poll(feed.id, items, FeedState("F", None, None, "h", 0), 1.8e9)
    await store.close()
    conn = await asyncpg.connect(pg_url)
    try:
        before = await bitmaps(conn, STORED)
        await conn.execute(UNDO_017)
        assert migrations()[16][1] == "017_search_blocks.sql"
    finally:
        await conn.close()
    store = await Storage.open(pg_url)  # migrates 017 over the stories already there
    conn = await asyncpg.connect(pg_url)
    try:
        assert await bitmaps(conn, STORED) == before == await bitmaps(conn, SCRATCH)
        assert len(before) > len(WORDS)
        every = [r[0] for r in await conn.fetch(EVERY, "'stage' & 'te':*", 400)]
        assert [r[0] for r in await conn.fetch(POSTED, "stage te *", 400)] == every
        assert every
    finally:
        await conn.close()
        await store.close()
