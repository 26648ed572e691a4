"""Subscriptions by kind and the spoiler shield end to end: moderators configure through the
Discord stand-in, the feed server publishes, the real Ingestor polls and fans out, the
delivery worker posts. Stories are tagged by label, so the tagger's day does not matter.

A result reaches a shielded channel only in spoiler form (headline between ||, no embed,
no preview) or, held, after its hold: never plainly before.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.pipeline.fanout import FanOut
from bot.pipeline.ingest import Ingestor
from bot.pipeline.parse_pool import ParsePool
from feeds.ingest.fetch import Fetcher
from feeds.ingest.netguard import AddressPolicy, new_session
from feeds.models import RaceFocus, StoryTags
from feeds.races.model import Calendar, Edition, Race, Stage
from storage import Storage
from tests.e2e.standin import CHANNEL_ID, ROLE_ID, ChannelRef, RoleRef
from tests.e2e.test_delivery import OLD, World, feed, item, now_utc
from tests.e2e.world import small_roster
from tests.feedserver import FeedServer

SUPPRESS_EMBEDS = 1 << 2
RACE = "tour-of-testing"
CRASH = "Crash in the finale brings down three riders"
LINEUP = "Team names its line-up for the Tour of Testing"
RESULT = "Pogačar wins stage 3 of the Tour of Testing"
PREVIEW = "Stage 4 preview: the climbs to watch"


def labels(today: datetime) -> dict[str, StoryTags]:
    focus = RaceFocus(RACE, today.year, 3)
    return {
        CRASH: StoryTags(races=[RACE], race_focus=focus, kind="crash"),
        LINEUP: StoryTags(races=[RACE], kind="lineup"),
        RESULT: StoryTags(races=[RACE], race_focus=focus, kind="result"),
        PREVIEW: StoryTags(races=[RACE], race_focus=RaceFocus(RACE, today.year, 4), kind="preview"),
    }


def calendar(today: datetime) -> Calendar:
    """A stage race whose stage 3 is run today (UTC) and ends at 23:00 UTC."""
    day = today.date()
    stages = tuple(
        Stage(n, day + timedelta(days=n - 3), f"Town {n}", datetime.min.time().replace(hour=23))
        for n in (1, 2, 3, 4, 5)
    )
    race = Race(RACE, "Tour of Testing", "men", "worldtour", "stage", None)
    edition = Edition(RACE, day.year, stages[0].date, stages[-1].date, 5, stages)
    return Calendar({RACE: race}, {(RACE, day.year): edition})


class Tagger:
    def __init__(self, tags: dict[str, StoryTags]) -> None:
        self.tags = tags

    def tag(self, title, text, published, feed_is_cycling=True, language=None) -> StoryTags:
        return self.tags.get(title.strip(), StoryTags())

    def cycling_context(self, title, text) -> bool:
        return True


class RosterState:
    def __init__(self, tags: dict[str, StoryTags]) -> None:
        self.roster = small_roster()
        self.tagger = Tagger(tags)
        self.version = 1

    def tagging(self):
        return self.tagger, "labelled"


class ShieldWorld(World):
    def __init__(self, *args, calendar: Calendar) -> None:
        super().__init__(*args)
        self.calendar = calendar

    async def start(self) -> None:
        original = self.make_bot

        async def with_calendar(**options):
            return await original(calendar=self.calendar, **options)

        self.make_bot = with_calendar
        await super().start()
        self.make_bot = original


@pytest.fixture
async def storage(database) -> AsyncIterator[Storage]:
    """A database of its own (as tests/e2e/test_delivery.py): no seed feed in it."""
    store = await Storage.open(database)
    yield store
    await store.close()


@pytest.fixture
async def world(storage, standin, make_bot) -> AsyncIterator[ShieldWorld]:
    today = datetime.now(UTC)
    races = calendar(today)
    async with FeedServer(host="127.0.0.1") as server:
        session = new_session(AddressPolicy(["127.0.0.1"]), user_agent="Domestique tests")
        pool = ParsePool()
        try:
            ingestor = Ingestor(
                storage,
                Fetcher(session, timeout=5),
                RosterState(labels(today)),  # type: ignore[arg-type]
                poll_interval_s=600,
                parse_pool=pool,
                fanout=FanOut(48 * 3600, [server.url("/feed.xml")], calendar=races),
            )
            server.publish("/feed.xml", feed(OLD))
            await storage.feeds.add(server.url("/feed.xml"), time.time())
            w = ShieldWorld(storage, standin, make_bot, server, ingestor, calendar=races)
            await w.poll()  # the first poll is backlog: never posted
            await w.start()
            yield w
        finally:
            pool.close()
            await session.close()


def publish_all(world: ShieldWorld) -> None:
    now = now_utc()
    world.publish(
        item(CRASH, "crash", now),
        item(LINEUP, "lineup", now),
        item(RESULT, "result", now),
        item(PREVIEW, "preview", now),
        OLD,
    )


def shown(message: dict) -> str:
    """Everything a reader sees without clicking: content outside spoilers, embeds."""
    content = message.get("content") or ""
    parts = content.split("||")
    visible = "".join(parts[0::2])
    for embed in message.get("embeds") or []:
        visible += f"{embed.get('title')} {embed.get('description')}"
    return visible


async def test_a_kind_filtered_subscription_posts_only_its_kinds(world):
    answer, _ = await world.mod(
        "subscribe",
        {
            "channel": ChannelRef(CHANNEL_ID),
            "what": "race",
            "name": RACE,
            "kinds": "crash, lineup",
            "role": RoleRef(ROLE_ID),
            "ping_kinds": "crash",
        },
    )
    assert answer["content"].startswith("Subscribed"), answer
    publish_all(world)
    await world.poll()
    report = await world.deliver()
    assert report.sent == 2
    posts = world.posts(CHANNEL_ID)
    assert sorted(p["embeds"][0]["title"] for p in posts) == sorted([CRASH, LINEUP])
    # The role is named for crashes only.
    by_title = {p["embeds"][0]["title"]: p for p in posts}
    assert by_title[CRASH]["content"] == f"<@&{ROLE_ID}>"
    assert by_title[LINEUP]["content"] == ""
    assert await world.storage.outbox.counts() == {"sent": 2}


async def test_a_spoiler_channel_gets_the_result_only_in_spoiler_form(world):
    answer, _ = await world.mod("spoilers", {"channel": ChannelRef(CHANNEL_ID), "mode": "spoiler"})
    assert "spoiler" in answer["content"], answer
    await world.mod("subscribe", {"channel": ChannelRef(CHANNEL_ID), "what": "all"})
    publish_all(world)
    await world.poll()
    await world.deliver()
    posts = world.posts(CHANNEL_ID)
    assert len(posts) == 4
    for post in posts:
        assert RESULT not in shown(post) and CRASH not in shown(post)
    (hidden_result,) = [p for p in posts if f"||{RESULT}||" in (p["content"] or "")]
    assert hidden_result["flags"] & SUPPRESS_EMBEDS and hidden_result["embeds"] == []
    assert "Result · Tour of Testing" in hidden_result["content"]
    assert "||<https://news.example/result>||" in hidden_result["content"]
    # A crash on the race's day is shielded too; the preview and the line-up are not.
    assert any(f"||{CRASH}||" in (p["content"] or "") for p in posts)
    plain = sorted(p["embeds"][0]["title"] for p in posts if p["embeds"])
    assert plain == sorted([LINEUP, PREVIEW])


async def test_a_holding_channel_gets_the_result_after_its_hold_even_across_a_restart(world):
    await world.mod("spoilers", {"channel": ChannelRef(CHANNEL_ID), "mode": "hold", "hours": 2})
    await world.mod("subscribe", {"channel": ChannelRef(CHANNEL_ID), "what": "all"})
    publish_all(world)
    await world.poll()
    await world.deliver()
    titles = [p["embeds"][0]["title"] for p in world.posts(CHANNEL_ID)]
    assert sorted(titles) == sorted([LINEUP, PREVIEW])  # result and crash wait
    # Stage 3 ends at 23:00 UTC today; the hold runs 2 h past it.
    release = datetime.combine(now_utc().date(), datetime.min.time().replace(hour=23), UTC)
    release += timedelta(hours=2)
    world.offset = release.timestamp() - time.time() - 60  # a minute early: nothing
    await world.restart()
    await world.deliver()
    assert len(world.posts(CHANNEL_ID)) == 2
    world.offset = release.timestamp() - time.time() + 1
    report = await world.deliver()
    assert report.sent == 2
    late = [p["embeds"][0]["title"] for p in world.posts(CHANNEL_ID)[2:]]
    assert sorted(late) == sorted([CRASH, RESULT])  # plainly, now that the hold is over
    assert await world.storage.outbox.counts() == {"sent": 4}
