from __future__ import annotations

import pytest

from storage import Storage
from storage.follows import TooManyFollows

NOW = 1_800_000_000.0
G1, G2 = 11, 22


@pytest.fixture
async def storage(database):
    store = await Storage.open(database)
    yield store
    await store.close()


def sub(**kw):
    values = dict(
        guild_id=G1,
        channel_id=100,
        channel_type="text",
        kind="team",
        entity_id="team:astana",
        role_id=None,
        mode="each",
        created_by=1,
        now=NOW,
    )
    values.update(kw)
    return values


async def test_add_is_unique_per_channel_kind_entity_and_updates(storage):
    first, created = await storage.subscriptions.add(**sub())
    assert created
    again, created = await storage.subscriptions.add(**sub(role_id=5, mode="digest"))
    assert not created and again.id == first.id
    assert (again.role_id, again.mode) == (5, "digest")
    # NULL entities are unique too (the COALESCE index).
    a, c1 = await storage.subscriptions.add(**sub(kind="all", entity_id=None))
    b, c2 = await storage.subscriptions.add(**sub(kind="all", entity_id=None))
    assert c1 and not c2 and a.id == b.id
    assert len(await storage.subscriptions.for_guild(G1)) == 2


async def test_other_servers_subscriptions_are_invisible(storage):
    mine, _ = await storage.subscriptions.add(**sub())
    assert await storage.subscriptions.get(G2, mine.id) is None
    assert not await storage.subscriptions.remove(G2, mine.id)
    assert await storage.subscriptions.for_guild(G2) == []
    assert await storage.subscriptions.get(G1, mine.id) == mine
    assert await storage.subscriptions.remove(G1, mine.id)


async def test_disable_channel_then_resubscribe_enables(storage):
    await storage.subscriptions.add(**sub())
    disabled = await storage.subscriptions.disable_channel(G1, 100, "Missing Access", NOW)
    assert [s.disabled_reason for s in disabled] == ["Missing Access"]
    (listed,) = await storage.subscriptions.for_guild(G1)
    assert listed.disabled_reason == "Missing Access"
    again, _ = await storage.subscriptions.add(**sub())
    assert again.disabled_reason is None


async def test_follows_limit_pause_and_settings(storage):
    await storage.follows.add(7, "rider", "person:mark-cavendish", "each", NOW, limit=2)
    await storage.follows.add(7, "transfers", None, "daily", NOW, limit=2)
    _, created = await storage.follows.add(7, "transfers", None, "each", NOW, limit=2)
    assert not created
    with pytest.raises(TooManyFollows):
        await storage.follows.add(7, "team", "team:astana", "each", NOW, limit=2)
    assert await storage.follows.pause_user(7, "DMs closed", NOW) == 2
    assert all(f.paused_reason for f in await storage.follows.for_user(7))
    assert await storage.follows.for_user(8) == []
    (first,) = [f for f in await storage.follows.for_user(7) if f.kind == "rider"]
    assert not await storage.follows.remove(8, first.id)
    settings = await storage.follows.set_settings(7, NOW, timezone="Europe/Brussels", digest_hour=7)
    assert (settings.timezone, settings.digest_hour, settings.dm_channel_id) == (
        "Europe/Brussels",
        7,
        None,
    )
    settings = await storage.follows.set_settings(7, NOW, dm_channel_id=99)
    assert (settings.timezone, settings.dm_channel_id) == ("Europe/Brussels", 99)


async def test_notices_are_taken_once(storage):
    await storage.notices.add("channel gone", NOW, guild_id=G1)
    await storage.notices.add("DMs closed", NOW, user_id=7)
    assert [n.text for n in await storage.notices.take(NOW, user_id=7)] == ["DMs closed"]
    assert [n.text for n in await storage.notices.take(NOW, user_id=5, guild_id=G1)] == [
        "channel gone"
    ]
    assert await storage.notices.take(NOW, user_id=7, guild_id=G1) == []
