"""Races end to end: `/race` answered through the stand-in, and race-day threads filled by
the real delivery worker (a thread in a text channel, a post in a forum)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from bot.discord.delivery import Delivery
from bot.pipeline.expansion import expand
from bot.pipeline.fanout import FanOut
from feeds.models import RaceFocus, StoryTags
from feeds.races import bundled_calendar
from storage import Storage
from storage.articles import FeedState
from tests.e2e.standin import (
    AUTOCOMPLETE_RESULT,
    CHANNEL_ID,
    EPHEMERAL,
    FORUM_ID,
    MOD_USER_ID,
    MODERATOR,
    NO_EMBED_CHANNEL_ID,
    ChannelRef,
)
from tests.e2e.test_lookups import embed_text
from tests.e2e.world import story

FEED_URL = "https://races.example/feed.xml"
STAGE_5 = datetime(2026, 5, 13, 9, tzinfo=UTC)  # the 2026 Giro's stage 5 day (to Potenza)
GIRO = RaceFocus("giro-d-italia", 2026, 5)
THREAD_NAME = "Giro d'Italia 2026 · Stage 5 · 13 May"


@pytest.fixture(scope="module")
def calendar():
    return bundled_calendar()


@pytest.fixture
async def storage(database) -> AsyncIterator[Storage]:
    store = await Storage.open(database)
    yield store
    await store.close()


class RaceWorld:
    """The bot, a feed on the operator's list, a delivery worker on a clock set to a day
    of the 2026 Giro (moved on by `days`)."""

    def __init__(self, storage, standin, bot) -> None:
        self.storage = storage
        self.standin = standin
        self.bot = bot
        self.now = STAGE_5.timestamp()
        self.fanout = FanOut(48 * 3600, [FEED_URL], calendar=bot.calendar)
        self.delivery = Delivery(bot, clock=lambda: self.now, per_target_interval=0.01)
        self.feed_id = 0
        self.count = 0

    async def setup(self) -> None:
        feed, _ = await self.storage.feeds.add(FEED_URL, self.now)
        self.feed_id = feed.id
        await self.publish(("Old news", StoryTags()))  # the first poll is backlog

    async def publish(self, *items: tuple[str, StoryTags]) -> None:
        stories = []
        for title, tags in items:
            self.count += 1
            stories.append((story(f"s{self.count}", title, self.now - 600 + self.count), tags))
        state = FeedState("Race News", None, None, f"h{self.count}", self.now + 600)
        await self.storage.articles.save_poll(
            self.feed_id, stories, state, self.now, after=self.fanout
        )
        await expand(self.storage, self.fanout, ahead=None, clock=lambda: self.now)  # as the leader

    async def mod(self, name: str, options: dict):
        interaction = await self.standin.slash(
            name, options, user_id=MOD_USER_ID, permissions=MODERATOR
        )
        return await self.standin.final(interaction)

    def titles_in(self, channel_id) -> list[str]:
        return [m["embeds"][0]["title"] for m in self.standin.channel_messages(channel_id)]


@pytest.fixture
async def world(storage, standin, make_bot, calendar) -> RaceWorld:
    bot = await make_bot(storage=storage, calendar=calendar)
    w = RaceWorld(storage, standin, bot)
    await w.setup()
    return w


def giro(kind: str, focus: RaceFocus | None = GIRO) -> StoryTags:
    return StoryTags(races=["giro-d-italia"], race_focus=focus, kind=kind)  # type: ignore[arg-type]


async def test_race_answers_with_stages_and_results_hidden(world, standin):
    await world.publish(
        ("Pogačar wins in Potenza", giro("result")),
        ("Stage 6 preview: Naples awaits", giro("preview")),
    )
    interaction = await standin.slash("race", {"name": "giro-d-italia", "year": 2026})
    message = await standin.final(interaction)
    text = embed_text(message)
    assert "Giro d'Italia 2026" in text
    assert "Stage 5 · 13 May · Potenza" in text and "Stage 21 · 31 May" in text
    assert "||Pogačar wins in Potenza||" in text  # the result: only in spoiler form
    assert "Stage 6 preview: Naples awaits" in text
    assert message["allowed_mentions"] == {"parse": []}


async def test_race_autocomplete_and_unknown_race(world, standin):
    callback = await standin.answer(await standin.autocomplete("race", "name", "doyenne"))
    assert callback.json["type"] == AUTOCOMPLETE_RESULT
    values = [c["value"] for c in callback.json["data"]["choices"]]
    assert values[:2] == ["liege-bastogne-liege", "liege-bastogne-liege-femmes"]
    message = await standin.final(await standin.slash("race", {"name": "Tour of Atlantis"}))
    assert message["content"].startswith("No race called Tour of Atlantis.")
    assert message["flags"] & EPHEMERAL


async def test_race_threads_are_for_moderators_and_need_permissions(world, standin):
    refused = await standin.final(await standin.slash("race-threads", {"state": "on"}))
    assert "Manage Server" in refused["content"]
    answer = await world.mod(
        "race-threads", {"state": "on", "channel": ChannelRef(NO_EMBED_CHANNEL_ID)}
    )
    assert "I need the Embed Links permission" in answer["content"]
    assert not await world.storage.race_threads.enabled(NO_EMBED_CHANNEL_ID)


async def test_a_race_day_thread_collects_the_days_stories_and_no_others(world, standin):
    await world.mod("subscribe", {"channel": ChannelRef(CHANNEL_ID), "what": "all"})
    answer = await world.mod("race-threads", {"state": "on"})  # this channel
    assert "Race-day threads are on" in answer["content"]

    await world.publish(
        ("Giro stage 5 preview", giro("preview")),
        ("Tour de France route news", StoryTags(races=["tour-de-france"], kind="preview")),
        ("New helmet reviewed", StoryTags(kind="other")),
        ("Giro 2025 look back", giro("other", RaceFocus("giro-d-italia", 2025))),
        ("Crash on the descent to Potenza", giro("crash")),
    )
    await world.delivery.run_once()
    (thread,) = standin.threads
    assert thread["parent_id"] == str(CHANNEL_ID) and thread["type"] == 11
    assert thread["name"] == THREAD_NAME
    assert world.titles_in(thread["id"]) == [
        "Giro stage 5 preview",
        "Crash on the descent to Potenza",
    ]
    assert world.titles_in(CHANNEL_ID) == [
        "Tour de France route news",
        "New helmet reviewed",
        "Giro 2025 look back",
    ]

    # Later that day: into the same thread, no second one.
    await world.publish(("Late news from Potenza", giro("other")))
    await world.delivery.run_once()
    assert len(standin.threads) == 1
    assert world.titles_in(thread["id"])[-1] == "Late news from Potenza"

    # The next day: yesterday's thread is archived, the day's first story opens another.
    world.now += 86400
    assert await world.delivery.race_threads.archive_past() == 1
    assert standin.thread(thread["id"])["thread_metadata"]["archived"] is True
    (patch,) = standin.find("PATCH", f"/channels/{thread['id']}")
    assert patch.json == {"archived": True}
    await world.publish(("Stage 6 to Naples", giro("preview", RaceFocus("giro-d-italia", 2026, 6))))
    await world.delivery.run_once()
    assert [t["name"] for t in standin.threads] == [
        THREAD_NAME,
        "Giro d'Italia 2026 · Stage 6 · 14 May",
    ]
    assert world.titles_in(standin.threads[1]["id"]) == ["Stage 6 to Naples"]
    assert standin.thread(thread["id"])["thread_metadata"]["archived"] is True
    assert await world.delivery.race_threads.archive_past() == 0  # nothing more to close

    # Switched off: the race's stories go to the channel again.
    await world.mod("race-threads", {"state": "off"})
    await world.publish(("Stage 6 live", giro("other", RaceFocus("giro-d-italia", 2026, 6))))
    await world.delivery.run_once()
    assert world.titles_in(CHANNEL_ID)[-1] == "Stage 6 live"
    assert len(standin.threads) == 2


async def test_a_forum_gets_a_post_per_race_day(world, standin):
    await world.mod("subscribe", {"channel": ChannelRef(FORUM_ID), "what": "all"})
    await world.mod("race-threads", {"state": "on", "channel": ChannelRef(FORUM_ID)})
    await world.publish(
        ("Giro stage 5 preview", giro("preview")),
        ("Gear: a new helmet", StoryTags(kind="other")),
        ("Crash on the descent to Potenza", giro("crash")),
    )
    await world.delivery.run_once()
    posts = {t["name"]: t for t in standin.threads}
    assert set(posts) == {THREAD_NAME, "Gear: a new helmet"}
    day = posts[THREAD_NAME]
    assert day["parent_id"] == str(FORUM_ID)
    assert day["message"]["embeds"][0]["title"] == "Giro stage 5 preview"  # its first message
    assert world.titles_in(day["id"]) == ["Crash on the descent to Potenza"]
    stored = await world.storage.race_threads.thread_for(
        FORUM_ID, "giro-d-italia", (STAGE_5.date()).isoformat()
    )
    assert stored is not None and stored.thread_id == int(day["id"])


async def test_a_deleted_race_day_thread_is_opened_again_and_the_channel_kept(world, standin):
    await world.mod("subscribe", {"channel": ChannelRef(CHANNEL_ID), "what": "all"})
    await world.mod("race-threads", {"state": "on"})
    await world.publish(("Giro stage 5 preview", giro("preview")))
    await world.delivery.run_once()
    (first,) = standin.threads
    standin.delete_channel(first["id"])  # a moderator deleted it

    await world.publish(("Crash on the descent to Potenza", giro("crash")))
    report = await world.delivery.run_once()
    assert report.sent == 1 and report.disabled == 0
    (again,) = standin.threads
    assert again["name"] == THREAD_NAME and again["id"] != first["id"]
    assert world.titles_in(again["id"]) == ["Crash on the descent to Potenza"]
    (sub,) = await world.storage.subscriptions.for_guild(standin.guild_of(CHANNEL_ID))
    assert sub.disabled_reason is None  # a lost thread is not a lost channel


async def test_an_answer_lost_while_opening_does_not_open_two_threads(world, standin):
    await world.mod("subscribe", {"channel": ChannelRef(CHANNEL_ID), "what": "all"})
    await world.mod("race-threads", {"state": "on"})
    # Discord opens the thread, but its answer never reaches the bot.
    standin.fail_next(f"/channels/{CHANNEL_ID}/threads", 0, drop=True, after=True)
    await world.publish(("Giro stage 5 preview", giro("preview")))
    report = await world.delivery.run_once()
    assert report.retrying == 1 and len(standin.threads) == 1

    world.now += 90  # the retry's time
    report = await world.delivery.run_once()
    assert report.sent == 1
    (thread,) = standin.threads  # found by its name, not opened again
    assert world.titles_in(thread["id"]) == ["Giro stage 5 preview"]
    stored = await world.storage.race_threads.thread_for(
        CHANNEL_ID, "giro-d-italia", STAGE_5.date().isoformat()
    )
    assert stored is not None and stored.thread_id == int(thread["id"])


async def test_a_shielded_result_goes_into_the_race_day_thread_in_spoiler_form(world, standin):
    await world.mod("subscribe", {"channel": ChannelRef(CHANNEL_ID), "what": "all"})
    await world.mod("spoilers", {"channel": ChannelRef(CHANNEL_ID), "mode": "spoiler"})
    await world.mod("race-threads", {"state": "on"})
    await world.publish(
        ("Giro stage 5 preview", giro("preview")),
        ("Pogačar wins in Potenza", giro("result")),
    )
    await world.delivery.run_once()
    (thread,) = standin.threads
    preview, result = standin.channel_messages(thread["id"])
    assert preview["embeds"][0]["title"] == "Giro stage 5 preview"
    # The result: plain content, its headline and link inside spoilers, no preview.
    assert result["embeds"] == []
    assert "||Pogačar wins in Potenza||" in result["content"]
    assert result["content"].count("Pogačar") == 1
    assert result["flags"] & 4  # SUPPRESS_EMBEDS
    assert "Pogačar" not in thread["name"]
