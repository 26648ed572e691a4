"""Stories by race and by kind (`/race`, `/news kind race`), on both engines."""

from __future__ import annotations

import pytest

from feeds.models import RaceFocus, StoryTags
from storage import Storage
from storage.articles import FeedState
from storage.lookups import KindedStoryRow, Lookups
from tests.e2e.world import story

NOW = 1.8e9
GIRO = "giro-d-italia"


@pytest.fixture
async def storage(database):
    store = await Storage.open(database)
    yield store
    await store.close()


async def add(storage, items, url="https://races.example/feed"):
    feed, _ = await storage.feeds.add(url, NOW)
    await storage.articles.save_poll(feed.id, items, FeedState("Races", None, None, "h", 0), NOW)
    return feed


def tags(kind: str, *races: str) -> StoryTags:
    focus = RaceFocus(races[0], 2026) if races else None
    return StoryTags(races=list(races), race_focus=focus, kind=kind)  # type: ignore[arg-type]


async def test_race_stories_newest_first_with_kinds_and_paging(storage):
    kinds = ["preview", "result", "crash"]
    await add(
        storage,
        [(story(f"g{i}", f"Giro {i}", 1.77e9 + i), tags(kinds[i % 3], GIRO)) for i in range(7)]
        + [(story("t", "Tour story", 1.78e9), tags("result", "tour-de-france"))],
    )
    lookups = Lookups(storage)
    first = await lookups.race_stories(GIRO, limit=5)
    assert [s.title for s in first.stories] == [f"Giro {i}" for i in (6, 5, 4, 3, 2)]
    assert first.has_more
    assert all(isinstance(s, KindedStoryRow) for s in first.stories)
    assert [s.kind for s in first.stories] == ["preview", "crash", "result", "preview", "crash"]
    second = await lookups.race_stories(GIRO, limit=5, offset=5)
    assert [s.title for s in second.stories] == ["Giro 1", "Giro 0"] and not second.has_more
    assert (await lookups.race_stories("nowhere")).stories == []


async def test_filters_by_kind_race_both_and_words(storage):
    await add(
        storage,
        [
            (story("a", "Giro stage report", 1.77e9), tags("result", GIRO)),
            (story("b", "Giro crash news", 1.77e9 + 1), tags("crash", GIRO)),
            (story("c", "Tour crash news", 1.77e9 + 2), tags("crash", "tour-de-france")),
            (story("d", "A story of no race", 1.77e9 + 3), tags("other")),
        ],
    )
    lookups = Lookups(storage)

    async def titles(**kw) -> list[str]:
        return [s.title for s in (await lookups.filtered_stories(10, 0, **kw)).stories]

    assert await titles(kind="crash") == ["Tour crash news", "Giro crash news"]
    assert await titles(race_id=GIRO) == ["Giro crash news", "Giro stage report"]
    assert await titles(kind="crash", race_id=GIRO) == ["Giro crash news"]
    assert await titles(kind="crash", text="news") == ["Tour crash news", "Giro crash news"]
    assert await titles(race_id=GIRO, text="stage") == ["Giro stage report"]
    assert await titles(kind="team") == []
    assert await titles(kind="crash", text='"((') == []  # no words: nothing, no error
    # No filter at all: the latest stories.
    assert (await titles())[0] == "A story of no race"


async def test_filters_leave_out_other_servers_own_feeds(storage):
    await add(storage, [(story("p", "Private Giro", 1.77e9), tags("result", GIRO))])
    own, _ = await storage.feeds.add("https://secret.example/feed?key=s3cret", NOW)
    state = FeedState("Secret", None, None, "h", 0)
    await storage.guild_config.add_feed(1, own.url, 7, NOW, defaults=[], limit=10)
    await storage.articles.save_poll(
        own.id, [(story("s", "Secret Giro", 1.77e9 + 5), tags("result", GIRO))], state, NOW
    )
    elsewhere = await Lookups(storage).seen_from(2, [])
    assert [s.title for s in (await elsewhere.race_stories(GIRO)).stories] == ["Private Giro"]
    kinds = await elsewhere.filtered_stories(10, 0, kind="result", text="giro")
    assert [s.title for s in kinds.stories] == ["Private Giro"]
    home = await Lookups(storage).seen_from(1, [])
    assert len((await home.race_stories(GIRO)).stories) == 2
