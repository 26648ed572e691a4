"""PostgreSQL's search in windows of recency (migration 015, `search_window`) and from
posting lists (migration 016, `search_posted`): each gives the same newest matches as one
plain scan of every story, for any query and any number wanted, over ids spread across
every size of id range the marks name."""

from __future__ import annotations

import random

import asyncpg

from storage import Storage
from storage.lookups import search_words
from storage.search import POSTGRES, fold_words

WINDOW = "SELECT id FROM search_window(to_tsquery('simple', $1), $2) AS w(id)"
POSTED = "SELECT id FROM search_posted($1, $2) AS w(id)"
EVERY = (
    "SELECT article_id FROM articles_search WHERE words @@ to_tsquery('simple', $1) "
    "ORDER BY article_id DESC LIMIT $2"
)
COMMON = ["the", "stage", "team", "tour", "rider", "race"]
MIDDLE = ["pogacar", "pogi", "vingegaard", "evenepoel", "sprint", "climb", "crash", "cobbles"]
RARE = ["rouleur", "echelon", "domestique", "gruppetto", "lanterne", "musette"]
STAGES = [f"stage{letter}" for letter in "abcdefghijkl"]
"""Words sharing a start with "stage": a prefix starting more than 8 terms is searched
through GIN, one starting fewer through the postings of each term."""
OLD = ["winter", "transfer"]
"""Words only the older stories have: a search for them finds nothing among the newest."""


def story_ids(rng: random.Random) -> list[int]:
    # A dense run of the newest ids (the first step reads 1024 of them by primary key),
    # then ids scattered down to 1, so windows cross 2048-, 16384- and 131072-id marks.
    newest = 300_000
    dense = list(range(newest - 1500, newest + 1))
    scattered = rng.sample(range(1, newest - 1500), 1500)
    return sorted(dense + scattered)


def words_of(rng: random.Random, article_id: int) -> str:
    words = [w for w in COMMON if rng.random() < 0.6]
    words += [w for w in MIDDLE if rng.random() < 0.05]
    words += [w for w in RARE if rng.random() < 0.004]
    words += [w for w in STAGES if rng.random() < 0.02]
    if article_id < 100_000:
        words += [w for w in OLD if rng.random() < 0.3]
    return " ".join(words) or "nothing"


async def fill(url: str, rng: random.Random) -> None:
    conn = await asyncpg.connect(url)
    try:
        feed = await conn.fetchval(
            "INSERT INTO feeds (url, added_at) VALUES ('https://x.example/feed', 0) RETURNING id"
        )
        ids = story_ids(rng)
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
            [words_of(rng, i) for i in ids],
        )
        await conn.execute("ANALYZE articles_search")
    finally:
        await conn.close()


def tsquery(words: list[str], *, prefix: bool) -> str:
    """The search as one tsquery: every folded word, the last also as a prefix."""
    return " & ".join(f"'{w}'" for w in fold_words(" ".join(words))) + (":*" if prefix else "")


def a_search(rng: random.Random) -> str:
    vocabulary = COMMON + MIDDLE + RARE + OLD + STAGES[:2]
    words = rng.sample(vocabulary, rng.randint(1, 3))
    last = words[-1]
    if rng.random() < 0.6:
        words[-1] = last[: rng.randint(1, len(last))]
    return " ".join(words)


async def test_windows_find_the_newest_matches_of_a_plain_scan(pg_url):
    rng = random.Random(16)
    store = await Storage.open(pg_url)  # migrated
    await store.close()
    await fill(pg_url, rng)
    conn = await asyncpg.connect(pg_url)
    try:
        compared = 0
        for _ in range(250):
            words = search_words(a_search(rng))
            wanted = rng.choice((1, 3, 40, 400))
            found = {}
            for prefix in (True, False):
                query = tsquery(words, prefix=prefix)
                got = [r[0] for r in await conn.fetch(WINDOW, query, wanted)]
                every = [r[0] for r in await conn.fetch(EVERY, query, wanted)]
                assert got == every, (query, wanted)
                posted = POSTGRES.query(words, prefix=prefix)
                assert [r[0] for r in await conn.fetch(POSTED, posted, wanted)] == every, posted
                found[prefix] = every
                compared += bool(every)
            # As typed first: the exact matches when they are `wanted`, else the prefix's.
            both = POSTGRES.exact_first("", POSTGRES.query(words), wanted)
            assert both is not None
            first = found[False] if len(found[False]) >= wanted else found[True]
            assert [r[0] for r in await conn.fetch(POSTED, both[1][0], wanted)] == first
        assert compared > 250  # most searches found something
        # A word only older stories have is found below every window of the newest.
        old = [r[0] for r in await conn.fetch(WINDOW, "'winter'", 400)]
        assert old and max(old) < 100_000
        assert await conn.fetch(WINDOW, "'absent'", 10) == []
    finally:
        await conn.close()


def slices_of(marks: str) -> list[int]:
    """The 2048-id slices the marks of `search_marks` name (a slice once per mark)."""
    covered = []
    for mark in marks.replace("'", "").split(" | "):
        level, number = mark[:2], int(mark[2:])
        size = {"~a": 1, "~b": 8, "~c": 64}[level]
        covered += range(number * size, (number + 1) * size)
    return covered


async def test_marks_name_each_slice_of_a_range_once(pg_url):
    store = await Storage.open(pg_url)
    await store.close()
    rng = random.Random(15)
    conn = await asyncpg.connect(pg_url)
    try:
        ranges = [(0, 1), (2047, 2049), (0, 131_072), (131_071, 262_145)]
        ranges += [tuple(sorted(rng.sample(range(0, 600_000), 2))) for _ in range(200)]
        for lo, hi in ranges:
            marks = await conn.fetchval("SELECT search_marks($1, $2)::text", lo, hi)
            covered = slices_of(marks)
            assert sorted(covered) == list(range(lo >> 11, ((hi - 1) >> 11) + 1)), (lo, hi)
            assert len(covered) == len(set(covered))
    finally:
        await conn.close()


async def test_a_short_last_prefix_is_checked_on_the_rows_not_looked_up(pg_url):
    store = await Storage.open(pg_url)
    await store.close()
    conn = await asyncpg.connect(pg_url)
    try:
        anchor = "SELECT search_anchor(to_tsquery('simple', $1))::text"
        assert await conn.fetchval(anchor, "'stage' & 't':*") == "'stage'"
        assert await conn.fetchval(anchor, "'t':*") == "'t':*"
        assert await conn.fetchval(anchor, "'tour' & 'pogac':*") == "'tour' & 'pogac':*"
    finally:
        await conn.close()
