"""Search with short last words (1-3 letters, served by the FTS prefix indexes of migration
009) finds exactly what the same search finds word by word: accents and case folded, every
word but the last whole, the last one also a prefix, other servers' own feeds left out."""

from __future__ import annotations

import re
import sqlite3
import unicodedata

import pytest

from feeds.models import StoryTags
from storage import Storage
from storage import lookups as lookups_module
from storage.articles import FeedState
from storage.db import migrations
from storage.lookups import Lookups
from tests.e2e.world import story

NOW = 1.8e9
PUBLIC = "https://public.example/feed"
PRIVATE = "https://private.example/feed?key=s3cret"
TITLES = [
    "Pogačar wins the stage",
    "Pidcock second on the podium",
    "Évenepoel attacks early",
    "POGACAR and Vingegaard: a duel",
    "Stage race news",
    "Ätna climb decides it",
    "Van der Poel takes the sprint",
    "A rider abandons",
    "Paris-Roubaix cobbles",
    "Ørsted sponsors a team",
    "Stages 1 to 3 in Spain",
    "Tadej Pogačar's team speaks",
]
PRIVATE_TITLES = ["Pogačar private note", "Paris private briefing"]
QUERIES = [
    # one letter, two, three, whole words, then several words with a short last one
    *("p", "s", "a", "e", "v", "o", "t", "é", "Ä", "1", "3"),
    *("po", "pi", "st", "ev", "ÉV", "at", "ro", "sp", "zz"),
    *("pog", "POG", "pid", "sta", "éve", "atn", "orst", "rou", "zzz"),
    *("pogacar", "Pogačar", "stage", "stages", "the", "a", "cobbles", "duel"),
    *("the s", "pogacar t", "stage r", "van der p", "a d", "tadej pogačar's t"),
    *("Paris-Roubaix", "pogačar:", '"pog"', "po*", "s OR t", "(p)"),
]


def fold(text: str) -> list[str]:
    """The words FTS5's `unicode61 remove_diacritics 2` keeps, as it keeps them."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.findall(r"\w+", plain.replace("_", " ").lower())


def expected(titles: list[str], query: str) -> list[str]:
    """Titles (newest first) holding every word of `query`, the last as a prefix."""
    words = fold(query)
    if not words:
        return []
    *whole, last = words
    found = []
    for title in reversed(titles):  # stored oldest first, so the newest is last
        tokens = fold(title)
        if all(w in tokens for w in whole) and any(t.startswith(last) for t in tokens):
            found.append(title)
    return found


async def fill(storage: Storage) -> None:
    for url, titles, key in ((PUBLIC, TITLES, "pub"), (PRIVATE, PRIVATE_TITLES, "priv")):
        feed, _ = await storage.feeds.add(url, NOW)
        items = [
            (story(f"{key}{i}", title, 1.79e9 + i * 60), StoryTags())
            for i, title in enumerate(titles)
        ]
        state = FeedState("Feed", None, None, key, 0)
        await storage.articles.save_poll(feed.id, items, state, NOW)
    await storage.guild_config.add_feed(11, PRIVATE, 1, NOW, defaults=[PUBLIC], limit=50)


@pytest.fixture
async def storage(database):
    store = await Storage.open(database)
    await fill(store)
    yield store
    await store.close()


async def search_all(lookups: Lookups, query: str) -> list[str]:
    titles, offset = [], 0
    while True:
        page = await lookups.search_stories(query, 25, offset)
        titles += [s.title for s in page.stories]
        if not page.has_more:
            return titles
        offset += 25


@pytest.mark.parametrize("query", QUERIES)
async def test_short_prefixes_find_what_the_words_say(storage, query):
    # Both feeds' stories interleave by date; the reference reads them in that order.
    everything = sorted(
        [(1.79e9 + i * 60, t) for i, t in enumerate(TITLES)]
        + [(1.79e9 + i * 60, t) for i, t in enumerate(PRIVATE_TITLES)]
    )
    lookups = Lookups(storage)
    own = await lookups.seen_from(11, [PUBLIC])
    other = await lookups.seen_from(22, [PUBLIC])
    dm = await lookups.seen_from(None, [PUBLIC])
    assert sorted(await search_all(own, query)) == sorted(
        expected([t for _, t in everything], query)
    )
    public = expected(TITLES, query)
    assert await search_all(other, query) == public
    assert await search_all(dm, query) == public


async def test_a_one_letter_search_still_means_a_prefix(storage):
    lookups = await Lookups(storage).seen_from(22, [PUBLIC])
    assert await search_all(lookups, "p") == [
        "Tadej Pogačar's team speaks",
        "Paris-Roubaix cobbles",
        "Van der Poel takes the sprint",
        "POGACAR and Vingegaard: a duel",
        "Pidcock second on the podium",
        "Pogačar wins the stage",
    ]
    assert await search_all(lookups, "ø") == ["Ørsted sponsors a team"]


async def test_the_index_follows_new_edited_and_removed_stories(storage):
    lookups = Lookups(storage)
    feed, _ = await storage.feeds.add("https://late.example/feed", NOW)
    state = FeedState("Late", None, None, "late", 0)
    await storage.articles.save_poll(
        feed.id, [(story("late", "Qwerty finish", 1.8e9), StoryTags())], state, NOW
    )
    assert await search_all(lookups, "q") == ["Qwerty finish"]
    assert await search_all(lookups, "qw") == ["Qwerty finish"]
    assert await search_all(lookups, "qwe") == ["Qwerty finish"]
    edited = FeedState("Late", None, None, "late2", 0)
    await storage.articles.save_poll(
        feed.id, [(story("late", "Zyxel finish", 1.8e9), StoryTags())], edited, NOW
    )
    assert await search_all(lookups, "q") == []
    assert await search_all(lookups, "zy") == ["Zyxel finish"]
    await storage.feeds.remove("https://late.example/feed")
    assert await search_all(lookups, "zy") == []


async def test_migration_009_rebuilds_the_index_from_stored_stories(tmp_path):
    path = tmp_path / "old.sqlite3"
    store = await Storage.open(path)
    await fill(store)
    await store.close()
    # Stories stored, their index emptied; 009 as written (later migrations keep their
    # own changes, so the file is not rolled back to version 8) indexes them anew.
    (version, name, sql) = migrations()[8]
    assert (version, name) == (9, "009_search_prefix.sql")
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')")
    conn.commit()
    conn.executescript(sql)
    conn.close()
    store = await Storage.open(path)
    try:
        ((sql,),) = await store.reader.execute_fetchall(
            "SELECT sql FROM sqlite_master WHERE name = 'articles_fts'"
        )
        assert "prefix = '1 2 3'" in sql
        lookups = await Lookups(store).seen_from(22, [PUBLIC])
        for query in ("p", "po", "pog", "pogacar", "stage r"):
            assert await search_all(lookups, query) == expected(TITLES, query), query
    finally:
        await store.close()


@pytest.mark.parametrize("costly", [0, 10**9])
async def test_a_costly_long_prefix_is_searched_off_the_event_loop(storage, monkeypatch, costly):
    if storage.lookup_reader is None:
        pytest.skip("no lookup runs on the event loop here (PostgreSQL): nothing to move off")
    monkeypatch.setattr(lookups_module, "COSTLY_PREFIX_STORIES", costly)
    # A prefix starting more terms than the term list serves (migration 016) is the case.
    monkeypatch.setattr(lookups_module, "MOST_TERMS", 0)
    reader = storage.reader
    sent: list[str] = []
    original = reader.execute_fetchall

    async def recorded(sql, args=()):
        sent.append(sql)
        return await original(sql, args)

    monkeypatch.setattr(reader, "execute_fetchall", recorded)
    lookups = await Lookups(storage).seen_from(22, [PUBLIC])
    for query in ("poga", "stage race", "pidcoc"):
        assert await search_all(lookups, query) == expected(TITLES, query), query
    # Short prefixes and whole words never leave the loop; long prefixes only when costly.
    for query in ("p", "pog", "the"):
        assert await search_all(lookups, query) == expected(TITLES, query), query
    searched = [sql for sql in sent if "articles_fts" in sql]
    assert len(searched) == (3 if costly == 0 else 0), searched


async def test_a_short_last_word_is_a_prefix_even_when_common_as_typed(database, monkeypatch):
    # Its own prefix index makes it cheap, so it is never cut down to the word as typed
    # (a longer word filling the window is: tests/storage/test_search_window.py).
    monkeypatch.setattr(lookups_module, "SEARCH_WINDOW", 3)
    store = await Storage.open(database)
    try:
        feed, _ = await store.feeds.add(PUBLIC, NOW)
        titles = ["Tdf 1", "Tdf 2", "Tdf 3", "Tdfx later", "Giro 1", "Giro 2", "Giro 3", "Giros"]
        items = [(story(f"w{i}", t, 1.79e9 + i), StoryTags()) for i, t in enumerate(titles)]
        await store.articles.save_poll(feed.id, items, FeedState("F", None, None, "w", 0), NOW)
        lookups = Lookups(store)
        found = await lookups.search_stories("tdf")
        assert [s.title for s in found.stories] == ["Tdfx later", "Tdf 3", "Tdf 2"]
        found = await lookups.search_stories("giro")
        assert [s.title for s in found.stories] == ["Giro 3", "Giro 2", "Giro 1"]
    finally:
        await store.close()
