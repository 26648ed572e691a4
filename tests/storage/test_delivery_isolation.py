"""Two servers' moderators configure delivery in any order, with the same channels,
kinds and names, and guess each other's subscription ids: one server's operations never
change what the other server reads (its subscriptions, its notices), and a server can
never read or remove a subscription that is not its own."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage import Storage

NOW = 1.8e9
MOD = 1400000000000000003
_guild_ids = itertools.count(1200000000000005000)
CHANNELS = [1300000000000000001, 1300000000000000002]
WHAT = [("all", None), ("rider", "person:mark-cavendish"), ("team", "team:astana")]
OPERATION = st.tuples(
    st.sampled_from(["subscribe", "unsubscribe", "get", "notice", "take"]),
    st.sampled_from([0, 1]),
    st.integers(0, 5),
)


@pytest.fixture
async def storage(database):
    store = await Storage.open(database)
    yield store
    await store.close()


async def view(storage: Storage, guild_id: int) -> tuple:
    """What a moderator of `guild_id` reads about its delivery configuration."""
    subs = await storage.subscriptions.for_guild(guild_id)
    return (
        [(s.id, s.channel_id, s.kind, s.entity_id, s.mode, s.role_id) for s in subs],
        [(n.text, n.guild_id) for n in await storage.notices.pending(guild_id=guild_id)],
    )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(OPERATION, max_size=25))
async def test_random_delivery_operations_by_two_servers_stay_apart(storage, operations):
    guilds = (next(_guild_ids), next(_guild_ids))
    owner: dict[int, int] = {}  # subscription id -> its server
    for op, who, n in operations:
        me, other = guilds[who], guilds[1 - who]
        before = await view(storage, other)
        guessed = sorted(owner)[n % len(owner)] if owner else n + 1
        if op == "subscribe":
            kind, entity = WHAT[n % len(WHAT)]
            sub, _ = await storage.subscriptions.add(
                guild_id=me,
                channel_id=CHANNELS[n % 2],  # the same ids in both: only the server tells
                channel_type="text",
                kind=kind,
                entity_id=entity,
                role_id=n or None,
                mode="digest" if n > 3 else "each",
                created_by=MOD,
                now=NOW,
            )
            assert sub.guild_id == me
            owner[sub.id] = me
        elif op == "unsubscribe":
            removed = await storage.subscriptions.remove(me, guessed)
            assert not removed or owner.get(guessed) == me
            if removed:
                del owner[guessed]
        elif op == "get":
            found = await storage.subscriptions.get(me, guessed)
            assert found is None or (found.guild_id == me and owner.get(guessed) == me)
        elif op == "notice":
            await storage.notices.add(f"notice {n} for {me}", NOW, guild_id=me)
        else:
            taken = await storage.notices.take(NOW, user_id=MOD, guild_id=me)
            assert all(t.guild_id in (me, None) for t in taken)
        assert await view(storage, other) == before, (op, who, n)
    # Each server reads back exactly its own subscriptions.
    for guild in guilds:
        mine = {s.id for s in await storage.subscriptions.for_guild(guild)}
        assert mine == {i for i, g in owner.items() if g == guild}
