"""Storage of servers' own names (migration 006): own or promoted, guild_tags, and the
"too broad" count of recent stories."""

from __future__ import annotations

import pytest

from feeds.models import Story, StoryTags
from storage import Storage
from storage.articles import FeedState
from storage.db import migrations
from storage.guild_config import save_guild_tags
from storage.lookups import Lookups

A, B = 11, 22
NOW = 1_800_000_000.0


@pytest.fixture
async def storage(database):
    store = await Storage.open(database)
    yield store
    await store.close()


def test_migration_006_is_guild_tags():
    assert (6, "006_guild_tags.sql") in [(v, name) for v, name, _ in migrations()]


async def test_own_names_per_server_and_promotion(storage):
    config = storage.guild_config
    assert await config.add_custom_entity(
        "person:zoe", A, '[[rider]]\nname = "Zoe"\n', 1, NOW, aliases=["Zed"], track=True
    )
    assert not await config.add_custom_entity("person:zoe", B, "x", 1, NOW, track=True)
    assert await config.tracked(B) == []  # the refused entity took nothing with it
    added, tracked = await config.add_aliases(
        B, "person:tadej-pogacar", ["Pogi Bear", "Pogi Bear", "Tadzio"], 1, NOW, track=True
    )
    assert added == ["Pogi Bear", "Tadzio"] and tracked
    own = await config.own_names()
    assert set(own) == {A, B}
    assert [e.entity_id for e in own[A].entities] == ["person:zoe"]
    assert own[A].aliases == (("person:zoe", "Zed"),)
    assert own[B].aliases == (
        ("person:tadej-pogacar", "Pogi Bear"),
        ("person:tadej-pogacar", "Tadzio"),
    )
    assert (await config.own_names(A)).keys() == {A}
    assert await config.custom_entity_ids() == {"person:zoe"}
    assert not await config.promote_entity(B, "person:zoe", NOW)  # not B's
    assert await config.promote_entity(A, "person:zoe", NOW)
    assert await config.promote_alias(B, "person:tadej-pogacar", "Tadzio", NOW)
    assert await config.promoted_entities() == ['[[rider]]\nname = "Zoe"\n']
    assert await config.promoted_aliases() == [("person:tadej-pogacar", "Tadzio")]
    own = await config.own_names()
    assert own[A].entities == () and own[B].aliases == (("person:tadej-pogacar", "Pogi Bear"),)


async def story_feed(storage, titles, tags=None):
    feed, _ = await storage.feeds.add("https://f.example/feed", NOW)
    items = [
        (
            Story(key=f"k{n}", url=f"https://f.example/{n}", title=t),
            (tags or {}).get(n, StoryTags()),
        )
        for n, t in enumerate(titles)
    ]
    saved = await storage.articles.save_poll(
        feed.id, items, FeedState("F", None, None, "h", NOW), NOW
    )
    return [s.article_id for s in saved.new]


async def test_guild_tags_go_with_their_story(storage):
    (article,) = await story_feed(storage, ["Zoe wins"])
    async with storage.transaction() as conn:
        await save_guild_tags(
            conn, [(A, "person:zoe", NOW, article), (A, "person:zoe", NOW, article)]
        )
    lookups = await Lookups(storage).seen_from(A, ())
    assert [s.title for s in (await lookups.stories_for_person("zoe")).stories] == ["Zoe wins"]
    async with storage.transaction() as conn:
        await conn.execute("DELETE FROM articles WHERE id = ?", (article,))
    async with storage.reader.execute("SELECT COUNT(*) FROM guild_tags") as cur:
        assert (await cur.fetchone())[0] == 0


async def test_recent_matches_counts_the_latest_window_without_the_entitys_own(storage):
    titles = [f"Glorbo story {n}" if n < 10 else f"Other story {n}" for n in range(30)]
    tagged = {n: StoryTags(riders=["cav"]) for n in range(0, 10, 2)}
    await story_feed(storage, titles, tagged)
    lookups = Lookups(storage)
    assert await lookups.recent_matches("glorbo", "person:x", 1000, 100) == 10
    assert await lookups.recent_matches("Glorbo", "person:cav", 1000, 100) == 5
    assert await lookups.recent_matches("glorbo", "person:x", 1000, 3) == 3  # stops early
    assert await lookups.recent_matches("glorbo", "person:x", 20, 100) == 0  # older ones
    assert await lookups.recent_matches("glorbo story", "person:x", 1000, 100) == 10
    assert await lookups.recent_matches("story glorbo", "person:x", 1000, 100) == 0  # a phrase
    assert await lookups.recent_matches("' -- \"", "person:x", 1000, 100) == 0
