"""Per-server configuration on a real temp database: feeds, tracking, aliases, settings."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage import Storage
from storage.guild_config import FeedAdded

NOW = 1.8e9
A, B = 1200000000000000001, 1200000000000000002
DEFAULTS = ("https://default.example/a.xml", "https://default.example/b.xml")


@pytest.fixture
async def storage(database):
    store = await Storage.open(database)
    for url in DEFAULTS:
        await store.feeds.add(url, NOW)
    yield store
    await store.close()


async def urls(storage, guild_id):
    feeds, _ = await storage.guild_config.feeds(guild_id, defaults=DEFAULTS)
    return [f.url for f in feeds]


async def test_a_server_starts_with_the_defaults_and_keeps_them_when_adding(storage):
    config = storage.guild_config
    feeds, chosen = await config.feeds(A, defaults=DEFAULTS)
    assert [f.url for f in feeds] == list(DEFAULTS) and not chosen
    outcome, count = await config.add_feed(
        A, "https://new.example/feed", 7, NOW, defaults=DEFAULTS, limit=50, title="New"
    )
    assert outcome is FeedAdded.ADDED and count == 3
    feeds, chosen = await config.feeds(A, defaults=DEFAULTS)
    assert chosen and [f.url for f in feeds][-1] == "https://new.example/feed"
    assert feeds[-1].title == "New" and feeds[-1].listed and not feeds[-1].primed
    assert await urls(storage, B) == list(DEFAULTS)  # the other server is untouched
    again, _ = await config.add_feed(
        A, "https://new.example/feed", 7, NOW, defaults=DEFAULTS, limit=50
    )
    assert again is FeedAdded.ALREADY


async def test_feed_limit_per_server(storage):
    config = storage.guild_config
    for i in range(3):
        outcome, _ = await config.add_feed(
            A, f"https://x.example/{i}", 1, NOW, defaults=(), limit=3
        )
        assert outcome is FeedAdded.ADDED
    outcome, count = await config.add_feed(A, "https://x.example/9", 1, NOW, defaults=(), limit=3)
    assert outcome is FeedAdded.LIMIT and count == 3
    assert await storage.feeds.get("https://x.example/9") is None  # nothing stored


async def test_shared_feed_stays_while_used_and_defaults_stay_listed(storage):
    config = storage.guild_config
    shared = "https://shared.example/feed"
    for guild in (A, B):
        await config.add_feed(guild, shared, 1, NOW, defaults=DEFAULTS, limit=50)
    assert not await config.remove_feed(B, "https://nobody.example/", NOW, defaults=DEFAULTS)
    assert await config.remove_feed(A, shared, NOW, defaults=DEFAULTS)
    assert not await config.remove_feed(A, shared, NOW, defaults=DEFAULTS)
    assert (await storage.feeds.get(shared)).listed  # B still uses it
    assert shared in await urls(storage, B)
    assert await config.remove_feed(B, shared, NOW, defaults=DEFAULTS)
    assert not (await storage.feeds.get(shared)).listed  # nobody: no longer polled
    assert await config.remove_feed(A, DEFAULTS[0], NOW, defaults=DEFAULTS)
    assert await urls(storage, A) == [DEFAULTS[1]]
    assert (await storage.feeds.get(DEFAULTS[0])).listed  # on the default list
    assert await urls(storage, B) == list(DEFAULTS)


async def test_tracking_aliases_and_log_channel_are_per_server(storage):
    config = storage.guild_config
    assert await config.track(A, "person:mark-cavendish", 1, NOW)
    assert not await config.track(A, "person:mark-cavendish", 1, NOW)
    assert await config.tracked(A) == ["person:mark-cavendish"]
    assert await config.tracked(B) == []
    assert not await config.untrack(B, "person:mark-cavendish")
    assert await config.tracked(A) == ["person:mark-cavendish"]
    assert await config.add_alias(A, "person:mark-cavendish", "Cannonball", 1, NOW)
    assert await config.aliases(B) == []
    assert not await config.remove_alias(B, "person:mark-cavendish", "Cannonball")
    assert await config.all_aliases() == [("person:mark-cavendish", "Cannonball")]
    await config.set_log_channel(A, 55, NOW)
    await config.set_log_channel(A, 56, NOW)
    assert await config.log_channel(A) == 56 and await config.log_channel(B) is None
    assert await storage.guild_config.log_channel(A) == 56  # what delivery reads


async def test_removing_a_feed_a_server_does_not_use_keeps_its_default_list(storage):
    config = storage.guild_config
    assert not await config.remove_feed(A, "https://nobody.example/", NOW, defaults=DEFAULTS)
    assert await config.feeds(A, defaults=DEFAULTS) == (await config.feeds(B, defaults=DEFAULTS))
    _, chosen = await config.feeds(A, defaults=DEFAULTS)
    assert not chosen  # still follows the default list (and changes to it)


async def test_custom_entities_round_trip(storage):
    config = storage.guild_config
    assert await config.add_custom_entity("person:zoe", A, '[[rider]]\nname = "Zoe"\n', 1, NOW)
    assert not await config.add_custom_entity("person:zoe", B, "x", 1, NOW)
    (entity,) = await config.custom_entities()
    assert (entity.entity_id, entity.guild_id) == ("person:zoe", A)


_guild_ids = itertools.count(10_000)
ENTITIES = ["person:a", "person:b", "team:t"]
FEEDS = ["https://f.example/1", "https://f.example/2", DEFAULTS[0]]
OPERATION = st.tuples(
    st.sampled_from(["track", "untrack", "alias", "unalias", "feed", "unfeed", "log"]),
    st.sampled_from([0, 1]),
    st.integers(0, 2),
)


async def snapshot(config, guild_id):
    feeds, chosen = await config.feeds(guild_id, defaults=DEFAULTS)
    return (
        await config.tracked(guild_id),
        await config.aliases(guild_id),
        [f.url for f in feeds],
        chosen,
        await config.log_channel(guild_id),
    )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(OPERATION, max_size=25))
async def test_random_operations_by_two_servers_never_touch_the_other(storage, operations):
    """Whatever moderators of two servers do, in any order, with the same ids, one
    server's operations never change what the other server reads."""
    config = storage.guild_config
    guilds = (next(_guild_ids), next(_guild_ids))
    for op, who, n in operations:
        me, other = guilds[who], guilds[1 - who]
        before = await snapshot(config, other)
        entity, url = ENTITIES[n], FEEDS[n]
        if op == "track":
            await config.track(me, entity, 1, NOW)
        elif op == "untrack":
            await config.untrack(me, entity)
        elif op == "alias":
            await config.add_alias(me, entity, f"alias {n}", 1, NOW)
        elif op == "unalias":
            await config.remove_alias(me, entity, f"alias {n}")
        elif op == "feed":
            await config.add_feed(me, url, 1, NOW, defaults=DEFAULTS, limit=50)
        elif op == "unfeed":
            await config.remove_feed(me, url, NOW, defaults=DEFAULTS)
        else:
            await config.set_log_channel(me, n + 1, NOW)
        assert await snapshot(config, other) == before, (op, who, n)
