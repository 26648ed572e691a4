"""Long prefixes searched through each engine's term index (migration 016): SQLite's term
list (`articles_fts_terms`, a prefix becomes the terms it starts, ORed) and PostgreSQL's
postings (`articles_search_postings`, kept by triggers). Both follow new, edited and
removed stories, both are rebuilt from the stories of a filled database by the
migration, and a search through them finds what the plain prefix query finds."""

from __future__ import annotations

import random
import sqlite3

import asyncpg
import pytest

from feeds.models import StoryTags
from storage import Storage
from storage import lookups as lookups_module
from storage.articles import FeedState
from storage.db import migrations
from storage.lookups import Lookups, search_words
from storage.search import FTS5, fold_words, folds_alike
from tests.e2e.world import story
from tests.storage.test_search_blocks import UNDO_017

NOW = 1.8e9
FEED = "https://news.example/feed"
STEMS = ["sprint", "stage", "cycl", "pogač", "évene", "ørst", "team", "klass"]
ENDINGS = ["", "s", "er", "ers", "ing", "ist", "ement", "ar", "poel", "ed", "mate"]


def vocabulary(rng: random.Random) -> list[str]:
    """Words sharing their starts (so a prefix starts several terms), accents included."""
    return sorted({stem + rng.choice(ENDINGS) for stem in STEMS for _ in range(6)})


async def fill(store: Storage, rng: random.Random, words: list[str], n: int) -> list[str]:
    feed, _ = await store.feeds.add(FEED, NOW)
    titles = [" ".join(rng.choices(words, k=rng.randint(1, 4))) for _ in range(n)]
    items = [(story(f"k{i}", t, 1.79e9 + i * 60), StoryTags()) for i, t in enumerate(titles)]
    await store.articles.save_poll(feed.id, items, FeedState("F", None, None, "h", 0), NOW)
    return titles


def expected(titles: list[str], query: str, window: int) -> list[str]:
    """Newest first: every word whole but the last, the last whole when the words as typed
    fill the window (it is longer than the indexed prefixes), else as a prefix."""
    *whole, last = fold_words(query)

    def matches(title: str, prefix: bool) -> bool:
        have = fold_words(title)
        if not all(w in have for w in whole):
            return False
        return any(h.startswith(last) for h in have) if prefix else last in have

    newest = list(reversed(titles))
    typed = [t for t in newest if matches(t, prefix=False)]
    if len(last) > 3 and len(typed) >= window:  # a short last word is always a prefix
        return sorted(typed[:window], key=newest.index)
    return [t for t in newest if matches(t, prefix=True)][:window]


async def search_all(lookups: Lookups, query: str) -> list[str]:
    titles, offset = [], 0
    while True:
        page = await lookups.search_stories(query, 25, offset)
        titles += [s.title for s in page.stories]
        if not page.has_more:
            return titles
        offset += 25


async def test_long_prefixes_find_what_the_plain_prefix_finds(database, monkeypatch):
    monkeypatch.setattr(lookups_module, "SEARCH_WINDOW", 30)
    rng = random.Random(16)
    words = vocabulary(rng)
    store = await Storage.open(database)
    try:
        titles = await fill(store, rng, words, 400)
        lookups = Lookups(store)
        compared = 0
        for _ in range(120):
            picked = rng.sample(words, rng.randint(1, 3))
            last = picked[-1]
            picked[-1] = last[: rng.randint(4, len(last))] if len(last) > 4 else last
            if rng.random() < 0.2:
                picked[-1] = picked[-1].upper()
            query = " ".join(picked)
            found = await search_all(lookups, query)
            assert found == expected(titles, query, 30), query
            compared += bool(found)
        assert compared > 80
    finally:
        await store.close()


async def test_the_terms_follow_new_edited_and_removed_stories(database):
    store = await Storage.open(database)
    try:
        lookups = Lookups(store)
        feed, _ = await store.feeds.add(FEED, NOW)
        state = FeedState("Late", None, None, "late", 0)
        await store.articles.save_poll(
            feed.id, [(story("late", "Qwertyuiop finish", 1.8e9), StoryTags())], state, NOW
        )
        assert await search_all(lookups, "qwert") == ["Qwertyuiop finish"]
        edited = FeedState("Late", None, None, "late2", 0)
        await store.articles.save_poll(
            feed.id, [(story("late", "Zyxwvuts finish", 1.8e9), StoryTags())], edited, NOW
        )
        assert await search_all(lookups, "qwert") == []
        assert await search_all(lookups, "zyxw") == ["Zyxwvuts finish"]
        await store.feeds.remove(FEED)
        assert await search_all(lookups, "zyxw") == []
        assert await search_all(lookups, "finish") == []
    finally:
        await store.close()


async def test_sqlite_asks_the_terms_a_prefix_starts_not_a_prefix_merge(tmp_path):
    store = await Storage.open(tmp_path / "terms.sqlite3")
    try:
        await fill(store, random.Random(1), ["cycling", "cyclist", "cyclingnews", "cycle"], 50)
        sent: list[str] = []
        reader = store.lookup_reader
        assert reader is not None
        reader.set_trace_callback(sent.append)
        await search_all(Lookups(store), "cycli")
        searched = [sql for sql in sent if "MATCH" in sql]
        assert searched and not any('cycli" *' in sql or "cycli *" in sql for sql in searched)
        assert any('"cycling" OR "cyclingnews" OR "cyclist"' in sql for sql in searched)
    finally:
        await store.close()


async def test_migration_016_indexes_the_stories_of_a_filled_sqlite_file(tmp_path):
    path = tmp_path / "old.sqlite3"
    store = await Storage.open(path)
    rng = random.Random(3)
    words = vocabulary(rng)
    titles = await fill(store, rng, words, 120)
    await store.close()
    # The file as version 15 left it: no term list.
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE articles_fts_terms")
    conn.execute("PRAGMA user_version = 15")
    conn.commit()
    conn.close()
    assert migrations()[15][1] == "016_search_terms.sql"
    store = await Storage.open(path)
    try:
        stored = {
            str(r[0])
            for r in await store.reader.execute_fetchall("SELECT term FROM articles_fts_terms")
        }
        assert stored == {w for t in titles for w in fold_words(t) if len(w) >= 4}
        lookups = Lookups(store)
        for query in ("sprin", "pogac", "EVENE", "stage klass"):
            assert await search_all(lookups, query) == expected(titles, query, 400), query
    finally:
        await store.close()


async def test_migration_016_posts_the_stories_of_a_filled_postgres_database(pg_url):
    store = await Storage.open(pg_url)
    rng = random.Random(4)
    words = vocabulary(rng)
    titles = await fill(store, rng, words, 120)
    await store.close()
    conn = await asyncpg.connect(pg_url)
    try:
        before = await conn.fetch(
            "SELECT term, article_id FROM articles_search_postings ORDER BY 1, 2"
        )
        # The database as version 15 left it: no postings, no functions, no triggers
        # (nor the blocks of migration 017, which reads the postings).
        await conn.execute(UNDO_017)
        await conn.execute(
            "DROP FUNCTION search_posted, search_tsquery, search_prefix_terms; "
            "DROP FUNCTION articles_search_postings_add, articles_search_postings_drop, "
            "articles_search_postings_change CASCADE; DROP TABLE articles_search_postings; "
            "DELETE FROM schema_version WHERE version >= 16"
        )
    finally:
        await conn.close()
    store = await Storage.open(pg_url)
    try:
        conn = await asyncpg.connect(pg_url)
        try:
            after = await conn.fetch(
                "SELECT term, article_id FROM articles_search_postings ORDER BY 1, 2"
            )
        finally:
            await conn.close()
        assert after == before and len(after) > 120
        lookups = Lookups(store)
        for query in ("sprin", "pogac", "EVENE", "stage klass", "team"):
            assert await search_all(lookups, query) == expected(titles, query, 400), query
    finally:
        await store.close()


def test_an_fts5_query_of_terms_keeps_every_word_and_one_of_the_terms():
    words = search_words("stage cycli")
    assert FTS5.any_term(words, ["cycling", "cyclist"]) == ('"stage" AND ("cycling" OR "cyclist")')


@pytest.mark.parametrize("sparse", [1, 10**6])
async def test_words_with_a_short_last_one_find_the_same_walked_either_way(
    database, monkeypatch, sparse
):
    # SQLite walks the matches oldest first when the other words are scarce (under
    # SPARSE_WORDS stories), newest first otherwise: both give the newest matches.
    monkeypatch.setattr(lookups_module, "SEARCH_WINDOW", 20)
    monkeypatch.setattr(lookups_module, "SPARSE_WORDS", sparse)
    rng = random.Random(5)
    words = vocabulary(rng)
    store = await Storage.open(database)
    try:
        titles = await fill(store, rng, words, 300)
        lookups = Lookups(store)
        for _ in range(40):
            picked = rng.sample(words, rng.randint(2, 3))
            picked[-1] = picked[-1][: rng.randint(1, 3)]
            query = " ".join(picked)
            assert await search_all(lookups, query) == expected(titles, query, 20), query
    finally:
        await store.close()


async def test_words_fts5_folds_otherwise_than_python_are_found(database):
    """Cyrillic й and ё, Greek accents and a ligature: FTS5 keeps them where Python's
    Unicode decomposition would strip or split them; the term list holds FTS5's terms."""
    store = await Storage.open(database)
    try:
        lookups = Lookups(store)
        feed, _ = await store.feeds.add(FEED, NOW)
        titles = ["Сергей Ёлкин в отрыве", "Αλαφιλίπ κερδίζει", "ﬁnishing ĳsselmeer ǆaković"]
        items = [(story(f"u{i}", t, 1.8e9 + i), StoryTags()) for i, t in enumerate(titles)]
        await store.articles.save_poll(feed.id, items, FeedState("U", None, None, "u", 0), NOW)
        for query, title in [
            ("Серг", titles[0]),
            ("Ёлки", titles[0]),
            ("Αλαφ", titles[1]),
            ("κερδ", titles[1]),
            ("ĳsse", titles[2]),
            ("ǆako", titles[2]),
        ]:
            assert await search_all(lookups, query) == [title], query
    finally:
        await store.close()


def test_the_typed_words_looked_up_in_the_term_list_fold_as_fts5_folds_them():
    """Every character `folds_alike` accepts is folded by `fold_words` as FTS5's tokenizer
    folds it (alone and inside a word), and a sample of those it refuses is not."""
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE f USING fts5 (x, tokenize = 'unicode61 remove_diacritics 2')"
    )
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(f, 'row')")

    def fts5_terms(text: str) -> list[str]:
        conn.execute("DELETE FROM f")
        conn.execute("INSERT INTO f VALUES (?)", (text,))
        return sorted(row[0] for row in conn.execute("SELECT term FROM v"))

    accepted = [chr(cp) for cp in range(0x20, 0x250) if folds_alike(chr(cp))]
    assert len(accepted) > 150
    for ch in accepted:
        for text in (ch, f"x{ch}y", f"{ch.upper()}z"):
            assert fts5_terms(text) == sorted(set(fold_words(text))), (hex(ord(ch)), text)
    for refused in "ĳŀŉǆªй":
        assert not folds_alike(refused)
