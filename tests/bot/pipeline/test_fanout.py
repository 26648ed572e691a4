"""Fan-out: who gets which story, backlog and age, duplicates. Each poll queues its stories
(save_poll's `after`); they are expanded into outbox rows before the outbox is read, as
the leader does after a cycle (bot/pipeline/expansion.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.pipeline.expansion import expand
from bot.pipeline.fanout import FanOut
from feeds.models import Move, Story, StoryTags
from storage import Storage
from storage.articles import FeedState

NOW = 1_800_000_000.0
G1, G2 = 11, 22
DEFAULTS = ("https://a.example/feed", "https://b.example/feed")
FANOUT = FanOut(48 * 3600, DEFAULTS)
ASTANA = StoryTags(
    riders=["michael-morkov"],
    teams=["astana"],
    is_transfer=True,
    moves=[
        Move(
            "michael-morkov",
            "Michael Mørkøv",
            "quick-step",
            "astana",
            "Soudal Quick-Step",
            "Astana Qazaqstan",
            "rumour",
        )
    ],
)
POGI = StoryTags(riders=["tadej-pogacar"], teams=["uae"])


def story(key: str, title: str | None = None, age_s: float = 600, url: str | None = None):
    return Story(
        key=key,
        url=url or f"https://news.example/{key}",
        title=title or f"Story {key}",
        published=datetime.fromtimestamp(NOW - age_s, UTC),
    )


def state() -> FeedState:
    return FeedState("Feed", None, None, "h", NOW)


@pytest.fixture
async def storage(tmp_path):
    store = await Storage.open(tmp_path / "f.sqlite3")
    yield store
    await store.close()


async def primed_feed(storage: Storage, url: str, title: str = "Feed") -> int:
    feed, _ = await storage.feeds.add(url, NOW)
    await storage.articles.save_poll(
        feed.id,
        [(story(f"old-{feed.id}"), ASTANA)],
        FeedState(title, None, None, "h0", NOW),
        NOW,
        after=FANOUT,
    )
    return feed.id


async def subscribe(storage, guild_id, channel_id, kind, entity_id=None, mode="each", role=None):
    sub, _ = await storage.subscriptions.add(
        guild_id=guild_id,
        channel_id=channel_id,
        channel_type="text",
        kind=kind,
        entity_id=entity_id,
        role_id=role,
        mode=mode,
        created_by=1,
        now=NOW,
    )
    return sub


async def expanded(storage: Storage) -> None:
    """Every queued story expanded now, whatever delivery's backlog."""
    await expand(storage, FANOUT, ahead=None, clock=lambda: NOW)


async def targets(storage) -> dict[str, list[str]]:
    await expanded(storage)
    async with storage.reader.execute(
        "SELECT a.key, o.target FROM outbox o JOIN articles a ON a.id = o.article_id ORDER BY o.id"
    ) as cur:
        out: dict[str, list[str]] = {}
        for key, target in await cur.fetchall():
            out.setdefault(key, []).append(target)
    return out


async def test_backlog_is_never_posted(storage):
    await subscribe(storage, G1, 100, "all")
    await primed_feed(storage, "https://a.example/feed")
    assert await targets(storage) == {}


async def test_matching_by_entity_transfer_tracked_all_and_follows(storage):
    feed = await primed_feed(storage, "https://a.example/feed")
    await subscribe(storage, G1, 100, "team", "team:astana", role=5)
    await subscribe(storage, G1, 100, "all")  # same channel: one row only
    await subscribe(storage, G1, 101, "transfers", "team:quick-step")
    await subscribe(storage, G1, 102, "transfers")
    await subscribe(storage, G1, 103, "rider", "person:tadej-pogacar")
    await subscribe(storage, G2, 200, "tracked")
    await subscribe(storage, G2, 201, "team", "team:uae", mode="digest")
    async with storage.transaction() as conn:
        await conn.execute(
            "INSERT INTO tracked (guild_id, entity_id, added_at) VALUES (?, ?, ?)",
            (G2, "person:michael-morkov", NOW),
        )
    await storage.follows.add(7, "rider", "person:michael-morkov", "each", NOW, 50)
    await storage.follows.add(8, "transfers", None, "daily", NOW, 50)
    await storage.follows.add(9, "team", "team:uae", "each", NOW, 50)
    await storage.articles.save_poll(
        feed, [(story("a"), ASTANA), (story("b"), POGI)], state(), NOW, after=FANOUT
    )
    found = await targets(storage)
    assert sorted(found["a"]) == sorted(
        ["channel:100", "channel:101", "channel:102", "channel:200", "user:7", "user:8"]
    )
    assert sorted(found["b"]) == ["channel:100", "channel:103", "channel:201", "user:9"]
    await expanded(storage)
    rows = {i.target: i for i in await storage.outbox.for_article(1 + 1)}  # story "a"
    assert rows["channel:100"].role_id == 5
    assert rows["user:8"].digest and not rows["user:7"].digest


async def test_old_stories_are_not_posted(storage):
    feed = await primed_feed(storage, "https://a.example/feed")
    await subscribe(storage, G1, 100, "all")
    await storage.articles.save_poll(
        feed,
        [(story("old", age_s=49 * 3600), ASTANA), (story("new"), ASTANA)],
        state(),
        NOW,
        after=FANOUT,
    )
    assert await targets(storage) == {"new": ["channel:100"]}


async def test_guild_feeds_choose_which_feeds_a_server_uses(storage):
    a = await primed_feed(storage, "https://a.example/feed")
    b = await primed_feed(storage, "https://b.example/feed")
    await subscribe(storage, G1, 100, "all")
    await subscribe(storage, G2, 200, "all")
    async with storage.transaction() as conn:
        await conn.execute(
            "INSERT INTO guild_feeds (guild_id, feed_id, added_at) VALUES (?, ?, ?)", (G2, b, NOW)
        )
    await storage.articles.save_poll(a, [(story("from-a"), POGI)], state(), NOW, after=FANOUT)
    await storage.articles.save_poll(b, [(story("from-b"), POGI)], state(), NOW, after=FANOUT)
    assert await targets(storage) == {
        "from-a": ["channel:100"],
        "from-b": ["channel:100", "channel:200"],
    }


async def test_a_server_that_chose_no_feeds_uses_the_default_list_only(storage):
    # Another server's feed is listed (fetched) but not on the default list.
    other = await primed_feed(storage, "https://other.example/feed")
    await subscribe(storage, G1, 100, "all")
    await storage.follows.add(7, "team", "team:uae", "each", NOW, 50)
    await storage.articles.save_poll(other, [(story("o"), POGI)], state(), NOW, after=FANOUT)
    assert await targets(storage) == {"o": ["user:7"]}  # fans take every feed


async def test_same_story_from_two_feeds_is_posted_once_with_also_on(storage):
    a = await primed_feed(storage, "https://a.example/feed", "Cycling A")
    b = await primed_feed(storage, "https://b.example/feed", "Cycling B")
    await subscribe(storage, G1, 100, "all")
    await storage.articles.save_poll(
        a,
        [(story("x", "Mørkøv to Astana"), ASTANA)],
        FeedState("Cycling A", None, None, "1", NOW),
        NOW,
        after=FANOUT,
    )
    await storage.articles.save_poll(
        b,
        [(story("y", " mørkøv TO astana"), ASTANA)],
        FeedState("Cycling B", None, None, "2", NOW),
        NOW,
        after=FANOUT,
    )
    assert await targets(storage) == {"x": ["channel:100"]}
    (item,) = await storage.outbox.due(NOW + 1)
    assert item.also_on == ["Cycling B"]


async def test_a_servers_own_feed_goes_to_that_server_only_not_to_fans(storage):
    own = await primed_feed(storage, "https://private.example/feed?key=s3cret")
    await storage.guild_config.add_feed(
        G1, "https://private.example/feed?key=s3cret", 1, NOW, defaults=DEFAULTS, limit=50
    )
    await subscribe(storage, G1, 100, "all")
    await subscribe(storage, G2, 200, "all")
    await storage.follows.add(7, "team", "team:uae", "each", NOW, 50)
    await storage.articles.save_poll(own, [(story("p"), POGI)], state(), NOW, after=FANOUT)
    assert await targets(storage) == {"p": ["channel:100"]}


async def test_a_servers_own_feed_is_never_named_in_also_on(storage):
    public = await primed_feed(storage, "https://a.example/feed", "Cycling A")
    own_url = "https://private.example/feed?key=s3cret"
    own = await primed_feed(storage, own_url, "Secret Feed")
    await storage.guild_config.add_feed(G1, own_url, 1, NOW, defaults=DEFAULTS, limit=50)
    await subscribe(storage, G1, 100, "all")  # uses both feeds
    await subscribe(storage, G2, 200, "all")  # uses the defaults
    await storage.follows.add(7, "team", "team:uae", "each", NOW, 50)
    # The story first from the server's own feed, then from a public one.
    for feed, key, digest in ((own, "p1", "1"), (public, "x", "2")):
        await storage.articles.save_poll(
            feed,
            [(story(key, "Pogačar wins"), POGI)],
            FeedState("F", None, None, digest, NOW),
            NOW,
            after=FANOUT,
        )
    await expanded(storage)
    rows = {i.target: i for i in await storage.outbox.due(NOW + 1)}
    assert sorted(rows) == ["channel:100", "channel:200", "user:7"]
    assert rows["channel:200"].also_on == [] and rows["user:7"].also_on == []
    assert rows["channel:100"].also_on == ["Cycling A"]  # its own copy came first


async def test_a_story_a_feed_republishes_under_a_new_guid_and_link_is_queued_once(storage):
    feed = await primed_feed(storage, "https://a.example/feed", "Cycling A")
    await subscribe(storage, G1, 100, "all")
    # Each poll hands out the same story with a fresh GUID and link (and changed case,
    # accents and punctuation); the title folds to the same words.
    polls = [("v1", "Mørkøv to Astana!"), ("v2", "MORKOV TO ASTANA"), ("v3", "Mørkøv to  Astana")]
    for n, (key, title) in enumerate(polls):
        await storage.articles.save_poll(
            feed,
            [(story(key, title, url=f"https://a.example/{key}?utm={n}"), ASTANA)],
            FeedState("Cycling A", None, None, f"h{n}", NOW),
            NOW + 600 * n,
            after=FANOUT,
        )
    assert await targets(storage) == {"v1": ["channel:100"]}
    (item,) = await storage.outbox.due(NOW + 3600)
    assert item.also_on == []  # the same feed is no other source


async def test_a_republished_story_still_reaches_a_target_the_first_did_not(storage):
    feed = await primed_feed(storage, "https://a.example/feed")
    await subscribe(storage, G1, 100, "all")
    await storage.articles.save_poll(
        feed, [(story("v1", "Pogačar wins"), POGI)], state(), NOW, after=FANOUT
    )
    await subscribe(storage, G2, 200, "all")  # subscribed between the two polls
    await storage.articles.save_poll(
        feed,
        [(story("v2", "Pogacar wins"), POGI)],
        FeedState("Feed", None, None, "h2", NOW),
        NOW + 600,
        after=FANOUT,
    )
    assert await targets(storage) == {"v1": ["channel:100"], "v2": ["channel:200"]}


async def test_same_feed_titles_a_day_apart_or_different_are_different_stories(storage):
    feed = await primed_feed(storage, "https://a.example/feed")
    await subscribe(storage, G1, 100, "all")
    for n, (key, title, age_s) in enumerate(
        [
            ("monday", "Stage results", 30 * 3600),
            ("tuesday", "Stage results", 600),  # the same title, more than a day later
            ("other", "Stage results: GC", 600),
            ("emoji", "🚴", 600),
            ("emoji-2", "🚴🚴", 600),  # no words to compare: not taken for a repost
        ]
    ):
        await storage.articles.save_poll(
            feed,
            [(story(key, title, age_s=age_s), POGI)],
            FeedState("Feed", None, None, f"h{n}", NOW),
            NOW,
            after=FANOUT,
        )
    assert sorted(await targets(storage)) == ["emoji", "emoji-2", "monday", "other", "tuesday"]
