"""Search: a common complete word is taken as typed; a scarcer last word is also a prefix."""

from __future__ import annotations

import pytest

from feeds.models import StoryTags
from storage import Storage, lookups
from storage.articles import FeedState
from storage.lookups import Lookups, fts_query
from tests.e2e.world import story

NOW = 1.8e9


@pytest.fixture
async def searchable(database, monkeypatch):
    monkeypatch.setattr(lookups, "SEARCH_WINDOW", 3)
    store = await Storage.open(database)
    feed, _ = await store.feeds.add("https://news.example/feed", NOW)
    titles = ["Team news 1", "Team news 2", "Team news 3", "Teams meet", "Tadej Pogačar attacks"]
    items = [(story(f"k{i}", t, 1.77e9 + i), StoryTags()) for i, t in enumerate(titles)]
    await store.articles.save_poll(feed.id, items, FeedState("News", None, None, "h", 0), NOW)
    yield Lookups(store)
    await store.close()


def test_fts_query_without_prefix():
    assert fts_query("tour de fra") == '"tour" "de" "fra" *'
    assert fts_query("tour de fra", prefix=False) == '"tour" "de" "fra"'
    assert fts_query("()", prefix=False) is None


async def test_a_word_filling_the_window_is_not_expanded(searchable):
    # "team" alone fills the (shrunk) window, so the newer "Teams" story is not in it.
    found = await searchable.search_stories("team")
    assert [s.title for s in found.stories] == ["Team news 3", "Team news 2", "Team news 1"]


async def test_a_scarcer_last_word_still_matches_as_a_prefix(searchable):
    assert [s.title for s in (await searchable.search_stories("teams")).stories] == ["Teams meet"]
    assert [s.title for s in (await searchable.search_stories("pogac")).stories] == [
        "Tadej Pogačar attacks"
    ]
    found = await searchable.search_stories("tea")  # no story has the word "tea"
    assert [s.title for s in found.stories][:2] == ["Teams meet", "Team news 3"]
