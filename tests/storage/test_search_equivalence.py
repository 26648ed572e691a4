"""Search on both engines against its definition, computed here from the stories alone:
every word of the search in the story, the last one also as the start of a word (unless
the words as typed fill the window), the newest SEARCH_WINDOW matches by id, shown by
date. Enough stories that PostgreSQL reads past its first 1024 and asks its index."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from feeds.models import Story, StoryTags
from storage import Storage, lookups
from storage.articles import FeedState
from storage.lookups import INDEXED_PREFIX, Lookups, search_words
from storage.search import fold_words

WINDOW = 12
# Common and rare words, some starting others ("stage" and "stages"), so that a complete
# last word filling the window and a prefix reaching further both happen.
VOCABULARY = [
    "stage",
    "stages",
    "tour",
    "team",
    "teammate",
    "rider",
    "race",
    "sprint",
    "sprinter",
    "climb",
    "climber",
    "crash",
    "pogacar",
    "pogi",
    "vingegaard",
    "evenepoel",
    "cobbles",
    "echelon",
    "domestique",
    "gruppetto",
    "lanterne",
]
WEIGHTS = [40, 6, 30, 30, 5, 25, 20, 8, 3, 8, 3, 6, 5, 4, 4, 3, 2, 1, 1, 1, 1]


@pytest.fixture
async def searched(database, monkeypatch):
    monkeypatch.setattr(lookups, "SEARCH_WINDOW", WINDOW)
    store = await Storage.open(database)
    rng = random.Random(7)
    feed, _ = await store.feeds.add("https://news.example/feed", 1.8e9)
    stories = []
    for n in range(1300):
        words = rng.choices(VOCABULARY, WEIGHTS, k=rng.randint(2, 6))
        published = datetime.fromtimestamp(1.7e9 + rng.uniform(0, 1e7), UTC)
        url = f"https://x.example/{n}"
        stories.append(Story(f"k{n}", url, " ".join(words), "", published=published))
    for first in range(0, len(stories), 500):
        batch = [(s, StoryTags()) for s in stories[first : first + 500]]
        state = FeedState("News", None, None, f"h{first}", 0)
        await store.articles.save_poll(feed.id, batch, state, 1.8e9)
    yield store
    await store.close()


def expected(rows: list, text: str, limit: int, offset: int) -> list[int]:
    words = fold_words(" ".join(search_words(text)))

    def matches(title: str, prefix: bool) -> bool:
        have = set(fold_words(title))
        *whole, last = words
        found = all(w in have for w in whole)
        if prefix:
            return found and any(h.startswith(last) for h in have)
        return found and last in have

    newest = sorted(rows, key=lambda r: -r[0])
    exact = [r for r in newest if matches(r[1], prefix=False)][:WINDOW]
    if len(words[-1]) <= INDEXED_PREFIX or len(exact) < WINDOW:
        exact = [r for r in newest if matches(r[1], prefix=True)][:WINDOW]
    shown = sorted(exact, key=lambda r: (r[2], r[0]), reverse=True)
    return [r[0] for r in shown[offset : offset + limit]]


async def test_search_finds_what_its_definition_says(searched):
    rows = [
        (int(r[0]), str(r[1]), float(r[2]))
        for r in await searched.reader.execute_fetchall("SELECT id, title, sort_at FROM articles")
    ]
    found = Lookups(searched)
    rng = random.Random(3)
    compared = 0
    for _ in range(150):
        words = rng.sample(VOCABULARY, rng.randint(1, 3))
        if rng.random() < 0.5:
            words[-1] = words[-1][: rng.randint(1, len(words[-1]))]
        text = " ".join(words)
        limit, offset = rng.choice(((5, 0), (5, 5), (8, 4)))
        page = await found.search_stories(text, limit, offset)
        assert [s.article_id for s in page.stories] == expected(rows, text, limit, offset), text
        compared += bool(page.stories)
    assert compared > 75
