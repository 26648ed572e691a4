"""Races, story kinds and the spoiler shield in storage (migration 011), on both engines:
what an article keeps, how fan-out's queries filter by race and kind, held outbox rows,
and the shield settings."""

from __future__ import annotations

import sqlite3

import pytest

from feeds.models import RaceFocus, Story, StoryTags
from storage import Storage
from storage.articles import FeedState
from storage.db import _statements, migrations
from storage.kinds import KIND_BITS, kinds_mask, kinds_of
from storage.outbox_fanout import NewRow, insert_rows, matching_follows, matching_subscriptions
from storage.shields import Shield, shields_for

NOW = 1_800_000_000.0
GUILD, OTHER = 11, 12
RESULT = StoryTags(
    riders=["tadej-pogacar"],
    races=["giro-d-italia", "tour-de-france"],
    race_focus=RaceFocus("giro-d-italia", 2027, 5),
    kind="result",
)


@pytest.fixture
async def store(database):
    storage = await Storage.open(database)
    yield storage
    await storage.close()


async def save(storage: Storage, key: str, tags: StoryTags, feed_url: str = "https://a.example/f"):
    feed, _ = await storage.feeds.add(feed_url, NOW)
    saved = await storage.articles.save_poll(
        feed.id,
        [(Story(key, f"https://a.example/{key}", f"Story {key}", "Summary"), tags)],
        FeedState("Feed A", None, None, key, NOW),
        NOW,
        tagged_with={key: "v1"},
    )
    return feed.id, saved.new[0].article_id


async def subscribe(storage: Storage, channel: int, kind: str = "all", entity=None, **kw):
    sub, _ = await storage.subscriptions.add(
        guild_id=GUILD,
        channel_id=channel,
        channel_type="text",
        kind=kind,
        entity_id=entity,
        role_id=kw.pop("role_id", None),
        mode="each",
        created_by=1,
        now=NOW,
        **kw,
    )
    return sub


def test_every_kind_has_its_own_bit_and_sets_round_trip():
    bits = list(KIND_BITS.values())
    assert len(set(bits)) == len(bits) and all(b & (b - 1) == 0 for b in bits)
    assert kinds_of(kinds_mask({"crash", "lineup"})) == {"crash", "lineup"}
    assert kinds_of(0) == frozenset()
    with pytest.raises(ValueError, match="not a story kind"):
        kinds_mask({"podium"})


async def test_an_article_keeps_its_races_focus_and_kind(store):
    _, article_id = await save(store, "a", RESULT)
    async with store.reader.execute(
        "SELECT kind, focus_race, focus_year, focus_stage FROM articles WHERE id = ?",
        (article_id,),
    ) as cur:
        assert tuple(await cur.fetchone()) == ("result", "giro-d-italia", 2027, 5)
    async with store.reader.execute(
        "SELECT race_id FROM article_races WHERE article_id = ? ORDER BY race_id", (article_id,)
    ) as cur:
        assert [r[0] for r in await cur.fetchall()] == ["giro-d-italia", "tour-de-france"]
    # Tagged again with other inputs: the races follow, the focus goes.
    feed_id = (await store.feeds.add("https://a.example/f", NOW))[0].id
    await store.articles.save_poll(
        feed_id,
        [(Story("a", "https://a.example/a", "Story a", "Summary"), StoryTags(kind="other"))],
        FeedState("Feed A", None, None, "a2", NOW),
        NOW,
        tagged_with={"a": "v2"},
    )
    async with store.reader.execute(
        "SELECT kind, focus_race FROM articles WHERE id = ?", (article_id,)
    ) as cur:
        assert tuple(await cur.fetchone()) == ("other", None)
    async with store.reader.execute(
        "SELECT COUNT(*) FROM article_races WHERE article_id = ?", (article_id,)
    ) as cur:
        assert (await cur.fetchone())[0] == 0


async def test_subscriptions_match_by_race_and_kind_and_ping_only_their_kinds(store):
    feed_id, _ = await save(store, "a", RESULT)
    giro = await subscribe(store, 1, "race", "race:giro-d-italia")
    await subscribe(store, 2, "race", "race:vuelta-a-espana")
    crashes = await subscribe(store, 3, kinds=frozenset({"crash"}))
    pinged = await subscribe(
        store, 4, kinds=frozenset({"result", "crash"}), role_id=99, ping_kinds=frozenset({"crash"})
    )
    defaults = ["https://a.example/f"]

    async def matched(kind: str):
        async with store.transaction() as conn:
            found = await matching_subscriptions(
                conn,
                feed_id,
                [],
                False,
                [],
                defaults,
                races=["race:giro-d-italia", "race:tour-de-france"],
                kind=kind,
            )
        return {m.id: m.role_id for m in found}

    assert await matched("result") == {giro.id: None, pinged.id: None}
    assert await matched("crash") == {giro.id: None, crashes.id: None, pinged.id: 99}
    assert await matched("preview") == {giro.id: None}


async def test_follows_match_by_race_and_kind(store):
    race, _ = await store.follows.add(7, "race", "race:giro-d-italia", "each", NOW, 50)
    lineups, _ = await store.follows.add(
        8, "rider", "person:tadej-pogacar", "each", NOW, 50, kinds=frozenset({"lineup"})
    )
    assert lineups.kinds == {"lineup"}

    async def matched(kind: str, races: list[str]):
        async with store.transaction() as conn:
            found = await matching_follows(
                conn, ["person:tadej-pogacar"], False, [], races=races, kind=kind
            )
        return {m.id for m in found}

    assert await matched("result", ["race:giro-d-italia"]) == {race.id}
    assert await matched("lineup", []) == {lineups.id}
    assert await matched("lineup", ["race:tour-de-france"]) == {lineups.id}


async def test_a_held_row_waits_without_holding_up_its_target(store):
    _, first = await save(store, "a", RESULT)
    _, second = await save(store, "b", StoryTags(kind="preview"))
    async with store.transaction() as conn:
        held = NewRow("channel:1", GUILD, None, None, None, False, not_before=NOW + 3600)
        await insert_rows(conn, first, [held], NOW)
        await insert_rows(conn, second, [NewRow("channel:1", GUILD, None, None, None, False)], NOW)
    (due,) = await store.outbox.due(NOW + 1)
    assert due.article_id == second and not due.spoiler and due.story_kind == "preview"
    # Never claimed before its time, even when asked for by id.
    (row,) = [i for i in await store.outbox.for_article(first)]
    assert await store.outbox.claim([row.id], "w", NOW + 1, 20) == set()
    assert row.due_since == NOW + 3600 and row.focus_race == "giro-d-italia"
    later = [i.article_id for i in await store.outbox.due(NOW + 3600)]
    assert later == [first, second]
    assert await store.outbox.claim([row.id], "w", NOW + 3600, 20) == {row.id}


async def test_held_digest_rows_wait_too(store):
    _, article_id = await save(store, "a", RESULT)
    async with store.transaction() as conn:
        held = NewRow("channel:1", GUILD, None, None, None, True, not_before=NOW + 60)
        await insert_rows(conn, article_id, [held], NOW)
    assert await store.outbox.digest_items("channel:1", NOW) == []
    assert len(await store.outbox.digest_items("channel:1", NOW + 60)) == 1


async def test_a_channels_shield_is_its_servers_alone(store):
    assert await store.shields.set_channel(GUILD, 1, "hold", 4, 5, NOW)
    assert not await store.shields.set_channel(OTHER, 1, "off", 3, 6, NOW)
    shield = await store.shields.channel(GUILD, 1)
    assert shield is not None and shield.shield == Shield("hold", 4)
    assert await store.shields.channel(OTHER, 1) is None
    with pytest.raises(ValueError):
        await store.shields.set_channel(GUILD, 2, "hold", 99, 5, NOW)
    with pytest.raises(ValueError):
        await store.shields.set_channel(GUILD, 2, "blur", 3, 5, NOW)
    assert [s.channel_id for s in await store.shields.for_guild(GUILD)] == [1]


async def test_fan_out_reads_channel_and_fan_shields(store):
    await store.shields.set_channel(GUILD, 1, "spoiler", 3, 5, NOW)
    await store.follows.set_settings(
        7, NOW, timezone="Asia/Tokyo", shield_mode="hold", shield_hours=5
    )
    await store.follows.set_settings(8, NOW, timezone="Europe/Paris")
    async with store.transaction() as conn:
        found = await shields_for(conn, ["channel:1", "channel:2", "user:7", "user:8"])
    assert found == {
        "channel:1": Shield("spoiler", 3),
        "user:7": Shield("hold", 5, "Asia/Tokyo"),
    }


@pytest.mark.parametrize(("mode", "spoiler"), [("off", False), ("spoiler", True)])
async def test_turning_a_shield_off_or_to_spoiler_releases_held_rows(store, mode, spoiler):
    _, article_id = await save(store, "a", RESULT)
    await store.shields.set_channel(GUILD, 1, "hold", 3, 5, NOW)
    async with store.transaction() as conn:
        held = NewRow("channel:1", GUILD, None, None, None, False, not_before=NOW + 3600)
        await insert_rows(conn, article_id, [held], NOW)
    await store.shields.set_channel(GUILD, 1, "hold", 8, 5, NOW)
    assert await store.outbox.due(NOW + 1) == []  # a new hold keeps the time it was given
    await store.shields.set_channel(GUILD, 1, mode, 3, 5, NOW)
    (item,) = await store.outbox.due(NOW + 1)
    assert item.not_before is None and item.spoiler is spoiler


async def test_a_fans_new_shield_releases_their_held_rows(store):
    _, article_id = await save(store, "a", RESULT)
    async with store.transaction() as conn:
        held = NewRow("user:7", None, None, None, None, False, not_before=NOW + 3600)
        await insert_rows(conn, article_id, [held], NOW)
    fan = await store.follows.set_settings(7, NOW, shield_mode="spoiler", shield_hours=2)
    assert (fan.shield_mode, fan.shield_hours) == ("spoiler", 2)
    (item,) = await store.outbox.due(NOW + 1)
    assert item.spoiler


async def test_migration_011_keeps_every_subscription_follow_and_post(tmp_path):
    """A database at version 10 with delivery rows: 011 rebuilds three tables without
    losing a row, a reference or an id."""
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    for version, _, sql in migrations()[:10]:
        for statement in _statements(sql):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("INSERT INTO feeds (id, url, added_at) VALUES (1, 'https://a.example/f', 0)")
    conn.execute(
        "INSERT INTO articles (id, feed_id, key, title, fetched_at, sort_at, content_hash) "
        "VALUES (5, 1, 'k', 'T', 0, 0, 'h')"
    )
    conn.execute(
        "INSERT INTO subscriptions (id, guild_id, channel_id, kind, created_at) "
        "VALUES (40, 11, 1, 'all', 0)"
    )
    conn.execute(
        "INSERT INTO follows (id, user_id, kind, created_at) VALUES (41, 7, 'transfers', 0)"
    )
    for row_id, target, sub, follow in ((90, "channel:1", 40, None), (91, "user:7", None, 41)):
        conn.execute(
            "INSERT INTO outbox (id, article_id, target, subscription_id, follow_id, nonce, "
            "next_attempt_at, created_at, claimed_by) VALUES (?, 5, ?, ?, ?, 'n', 0, 0, 'w')",
            (row_id, target, sub, follow),
        )
    conn.close()

    storage = await Storage.open(path)
    try:
        assert "011_races_kinds.sql" in storage.applied_migrations
        (sub,) = await storage.subscriptions.for_guild(11)
        assert (sub.id, sub.kinds, sub.ping_kinds) == (40, frozenset(), frozenset())
        (follow,) = await storage.follows.for_user(7)
        assert follow.id == 41
        items = await storage.outbox.for_article(5)
        assert [(i.id, i.subscription_id, i.follow_id) for i in items] == [
            (90, 40, None),
            (91, None, 41),
        ]
        new, _ = await storage.subscriptions.add(
            guild_id=11,
            channel_id=2,
            channel_type="text",
            kind="race",
            entity_id="race:giro-d-italia",
            role_id=None,
            mode="each",
            created_by=None,
            now=1.0,
        )
        assert new.id == 41  # ids go on from the kept ones
        # The outbox's references follow the rebuilt tables: removing a subscription
        # still takes its pending posts with it.
        assert await storage.subscriptions.remove(11, 40)
        assert [i.id for i in await storage.outbox.for_article(5)] == [91]
        async with storage.reader.execute("PRAGMA foreign_key_check") as cur:
            assert await cur.fetchall() == []
    finally:
        await storage.close()
