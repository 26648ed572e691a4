"""Delivery end to end: moderators and fans configure through Discord (the stand-in),
the feed server publishes, the real Ingestor polls and fans out, the delivery worker
posts through the bot's own HTTP client.

Stories are tagged with labels (as in world.py), so these tests do not depend on how
well the tagger does on a given day.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from email.utils import format_datetime

import pytest

from bot.discord.delivery import Delivery
from bot.discord.permissions import REFUSAL
from bot.pipeline.fanout import FanOut
from bot.pipeline.ingest import Ingestor
from bot.pipeline.parse_pool import ParsePool
from feeds.ingest.fetch import Fetcher
from feeds.ingest.netguard import AddressPolicy, new_session
from feeds.models import Move, StoryTags
from storage import Storage
from tests.e2e.standin import (
    CHANNEL_ID,
    FORUM_ID,
    FORUM_TAGS,
    GUILD2_CHANNEL_ID,
    GUILD2_ID,
    LOG_CHANNEL_ID,
    MOD_USER_ID,
    MODERATOR,
    NO_EMBED_CHANNEL_ID,
    ROLE_ID,
    THREAD_ID,
    USER_ID,
    ChannelRef,
    RoleRef,
)
from tests.e2e.world import SEED_FEED, SEED_TAGS, SEED_URL, small_roster
from tests.feedserver import FeedServer

SEED_TITLE = "Mark Cavendish set to reunite with Quick-Step coach for final pro season in 2024"


def _transfer(person_id: str, person: str) -> StoryTags:
    move = Move(person_id, person, "uae", "astana", "UAE Team Emirates", "XDS Astana", "confirmed")
    return StoryTags(riders=[person_id], teams=["astana", "uae"], is_transfer=True, moves=[move])


LABELS = {
    SEED_TITLE: SEED_TAGS,
    "Pogačar signs with Astana in shock move": _transfer("tadej-pogacar", "Tadej Pogačar"),
    "Woods joins Astana for one more season": _transfer("michael-woods", "Michael Woods"),
}


class LabelledTagger:
    def tag(self, title, text, published, feed_is_cycling=True, language=None) -> StoryTags:
        return LABELS.get(title.strip(), StoryTags())

    def cycling_context(self, title, text) -> bool:
        return True


class LabelledRosterState:
    def __init__(self) -> None:
        self.roster = small_roster()
        self.tagger = LabelledTagger()
        self.version = 1

    def tagging(self) -> tuple[LabelledTagger, str]:
        return self.tagger, "labelled"


def seed_item(published: datetime) -> str:
    text = SEED_FEED.read_text(encoding="utf-8")
    item = text[text.index("<item>") : text.index("</item>") + len("</item>")]
    return re.sub(
        r"<pubDate>.*?</pubDate>", f"<pubDate>{format_datetime(published)}</pubDate>", item
    )


def item(title: str, key: str, published: datetime) -> str:
    return (
        f"<item><title>{title}</title><link>https://news.example/{key}</link>"
        f"<guid>{key}</guid><pubDate>{format_datetime(published)}</pubDate>"
        f"<description>{title}.</description></item>"
    )


def feed(*items: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Cycling Weekly</title><link>https://www.cyclingweekly.com/</link>"
        "<description>test</description>" + "".join(items) + "</channel></rss>"
    ).encode()


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


OLD = item("Last week's news", "old", datetime(2026, 11, 16, 9, tzinfo=UTC))


@pytest.fixture
async def storage(database) -> AsyncIterator[Storage]:
    """A database of its own: the seed feed of the lookups is not one the servers use."""
    store = await Storage.open(database)
    yield store
    await store.close()


class World:
    def __init__(self, storage, standin, make_bot, server, ingestor) -> None:
        self.storage = storage
        self.standin = standin
        self.make_bot = make_bot
        self.server = server
        self.ingestor = ingestor
        self.bot = None
        self.delivery: Delivery | None = None
        self.offset = 0.0

    async def start(self) -> None:
        self.bot = await self.make_bot(storage=self.storage)
        self.delivery = Delivery(
            self.bot,
            clock=lambda: time.time() + self.offset,
            per_target_interval=0.05,
            retry_base_s=0.2,
        )

    async def restart(self) -> None:
        await self.bot.close()
        await self.start()

    def publish(self, *items: str) -> None:
        self.server.publish("/feed.xml", feed(*items))

    async def poll(self):
        report = await self.ingestor.poll_due(force=True)
        assert not report.failed, report.failed
        return report

    async def deliver(self):
        return await self.delivery.run_once()

    async def mod(self, name: str, options=None, guild_id=None, **kw):
        kw = {"user_id": MOD_USER_ID, "permissions": MODERATOR, **kw}
        if guild_id:
            kw["guild_id"] = guild_id
        interaction = await self.standin.slash(name, options, **kw)
        return await self.standin.final(interaction), interaction

    async def fan(self, name: str, options=None, **kw):
        interaction = await self.standin.slash(name, options, **kw)
        return await self.standin.final(interaction), interaction

    def posts(self, channel_id) -> list[dict]:
        return self.standin.channel_messages(channel_id)


@pytest.fixture
async def world(storage, standin, make_bot) -> AsyncIterator[World]:
    async with FeedServer(host="127.0.0.1") as server:
        session = new_session(AddressPolicy(["127.0.0.1"]), user_agent="Domestique tests")
        pool = ParsePool()
        try:
            ingestor = Ingestor(
                storage,
                Fetcher(session, timeout=5),
                LabelledRosterState(),  # type: ignore[arg-type]
                poll_interval_s=600,
                parse_pool=pool,
                # The test feed is the operator's list: servers that chose none use it.
                fanout=FanOut(48 * 3600, [server.url("/feed.xml")]),
            )
            server.publish("/feed.xml", feed(OLD))
            await storage.feeds.add(server.url("/feed.xml"), time.time())
            w = World(storage, standin, make_bot, server, ingestor)
            await w.poll()  # the first poll is backlog: never posted
            await w.start()
            yield w
        finally:
            pool.close()
            await session.close()


async def wait_until(predicate, within: float = 10.0):
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if result := predicate():
            return result
        await asyncio.sleep(0.05)
    raise AssertionError("condition not met in time")


async def test_channel_subscription_posts_the_story_once(world):
    answer, _ = await world.mod(
        "subscribe", {"channel": ChannelRef(CHANNEL_ID), "what": "team", "name": "astana"}
    )
    assert answer["content"].startswith("Subscribed"), answer
    assert answer["flags"] & 64  # ephemeral

    world.publish(seed_item(now_utc()), OLD)
    await world.poll()
    report = await world.deliver()
    assert report.sent == 1

    (post,) = world.posts(CHANNEL_ID)
    (embed,) = post["embeds"]
    assert embed["title"] == SEED_TITLE
    assert embed["url"] == SEED_URL
    assert "Mørkøv: Soudal Quick-Step → Astana Qazaqstan · rumour" in embed["description"]
    assert "Cycling Weekly · <t:" in embed["description"]
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    # Team names as they were when the story was published (Astana's 2026 name).
    assert "Mark Cavendish" in fields["Riders"] and "XDS Astana" in fields["Teams"]
    assert post["content"] == ""
    (sent,) = [r for r in world.standin.find("POST", f"/channels/{CHANNEL_ID}/messages")]
    assert sent.json["nonce"] and sent.json["enforce_nonce"] is True
    assert sent.json["allowed_mentions"] == {"parse": []}

    # Nothing is posted twice: not by another run, another poll, nor a restart.
    await world.deliver()
    await world.poll()
    await world.restart()
    await world.deliver()
    await world.poll()
    await world.deliver()
    assert len(world.posts(CHANNEL_ID)) == 1
    assert await world.storage.outbox.counts() == {"sent": 1}


async def test_role_is_mentioned_and_only_that_role(world):
    await world.mod(
        "subscribe",
        {"channel": ChannelRef(CHANNEL_ID), "what": "all", "role": RoleRef(ROLE_ID)},
    )
    world.publish(seed_item(now_utc()), OLD)
    await world.poll()
    await world.deliver()
    (sent,) = world.standin.find("POST", f"/channels/{CHANNEL_ID}/messages")
    assert sent.json["content"] == f"<@&{ROLE_ID}>"
    assert sent.json["allowed_mentions"] == {"parse": [], "roles": [ROLE_ID]}


async def test_discord_down_then_back_delivers_once(world):
    await world.mod("subscribe", {"channel": ChannelRef(CHANNEL_ID), "what": "all"})
    path = f"/channels/{CHANNEL_ID}/messages"
    # The first send is carried out but its answer lost; then Discord is down a while
    # (a 500 discord.py retries by itself once, then 503s it hands to our backoff).
    world.standin.fail_next(path, 503, after=True)
    world.standin.fail_next(path, 500)
    world.standin.fail_next(path, 503, times=2)
    world.publish(seed_item(now_utc()), OLD)
    await world.poll()
    for _ in range(100):
        await world.deliver()
        if await world.storage.outbox.counts() == {"sent": 1}:
            break
        await asyncio.sleep(0.1)
    assert await world.storage.outbox.counts() == {"sent": 1}
    assert [r.status for r in world.standin.find("POST", path)] == [503, 500, 503, 503, 200]
    assert len(world.posts(CHANNEL_ID)) == 1  # the retried nonce found the first message


async def test_posts_behind_a_failing_one_wait_and_arrive_in_order(world):
    await world.mod("subscribe", {"channel": ChannelRef(CHANNEL_ID), "what": "all"})
    path = f"/channels/{CHANNEL_ID}/messages"
    world.standin.fail_next(path, 503, times=3)
    published = now_utc()
    world.publish(*(item(f"Stage {n}", f"stage-{n}", published) for n in (1, 2, 3)), OLD)
    await world.poll()
    for _ in range(100):
        await world.deliver()
        if await world.storage.outbox.counts() == {"sent": 3}:
            break
        await asyncio.sleep(0.1)
    assert await world.storage.outbox.counts() == {"sent": 3}
    # While Discord was down only the oldest post was tried; the others waited behind it.
    assert [r.status for r in world.standin.find("POST", path)] == [503, 503, 503, 200, 200, 200]
    titles = [m["embeds"][0]["title"] for m in world.posts(CHANNEL_ID)]
    assert titles == ["Stage 1", "Stage 2", "Stage 3"]


async def test_lost_permission_disables_and_tells_moderators(world):
    await world.mod("subscribe", {"channel": ChannelRef(CHANNEL_ID), "what": "all"})
    world.standin.fail_next(f"/channels/{CHANNEL_ID}/messages", 403)
    world.publish(seed_item(now_utc()), OLD)
    await world.poll()
    report = await world.deliver()
    assert report.disabled == 1
    (sub,) = await world.storage.subscriptions.for_guild(world.bot.guilds[0].id)
    assert "lost permission" in sub.disabled_reason
    # The server has no log channel configured: its system channel gets the report.
    (told,) = world.posts(LOG_CHANNEL_ID)
    assert f"stopped posting to <#{CHANNEL_ID}>" in told["content"]
    assert await world.storage.outbox.counts() == {"skipped": 1}
    listing, _ = await world.mod("subscriptions")
    assert "disabled: I lost permission" in listing["embeds"][0]["description"]


async def test_server_without_a_channel_to_report_gets_a_notice(world):
    await world.mod(
        "subscribe", {"channel": ChannelRef(GUILD2_CHANNEL_ID), "what": "all"}, guild_id=GUILD2_ID
    )
    world.standin.fail_next(f"/channels/{GUILD2_CHANNEL_ID}/messages", 404)
    world.publish(seed_item(now_utc()), OLD)
    await world.poll()
    await world.deliver()
    # Shown with the answer to a moderator's next command there, once.
    _, interaction = await world.mod("subscriptions", guild_id=GUILD2_ID)
    await world.standin.answer(interaction, count=2)
    notice = interaction.answers[1].json
    assert "no longer exists" in notice["content"] and notice["flags"] & 64
    _, again = await world.mod("subscriptions", guild_id=GUILD2_ID)
    await asyncio.sleep(0.3)
    assert len(again.answers) == 1


async def test_fan_follow_arrives_by_dm(world):
    answer, _ = await world.fan("follow", {"kind": "rider", "name": "cavendish"})
    assert answer["content"].startswith("Following"), answer
    world.publish(seed_item(now_utc()), OLD)
    await world.poll()
    await world.deliver()
    (opened,) = world.standin.find("POST", "/users/@me/channels")
    assert opened.json == {"recipient_id": USER_ID}
    dm = world.standin.dm_channels[str(USER_ID)]
    (message,) = world.posts(dm)
    assert message["embeds"][0]["title"] == SEED_TITLE


async def test_closed_dms_pause_follows_and_the_fan_is_told(world):
    await world.fan("follow", {"kind": "team", "name": "astana"}, dm=True)
    world.standin.fail_next("/messages", 403)
    world.publish(seed_item(now_utc()), OLD)
    await world.poll()
    await world.deliver()
    (follow,) = await world.storage.follows.for_user(USER_ID)
    assert follow.paused_reason
    _, interaction = await world.fan("following")
    await world.standin.answer(interaction, count=2)
    assert "could not DM you" in interaction.answers[1].json["content"]


async def test_daily_digest_collects_stories_into_one_message(world):
    await world.fan("follow", {"kind": "transfers", "mode": "daily"})
    await world.fan("follow-settings", {"timezone": "Europe/Brussels", "hour": 8})
    now = now_utc()
    world.publish(
        seed_item(now),
        item("Pogačar signs with Astana in shock move", "pogi", now),
        item("Woods joins Astana for one more season", "woods", now),
        OLD,
    )
    await world.poll()
    await world.deliver()
    assert world.standin.find("POST", "/users/@me/channels") == []  # not yet: 08:00 to come
    world.offset = 24 * 3600
    report = await world.deliver()
    assert report.sent == 3
    (message,) = world.posts(world.standin.dm_channels[str(USER_ID)])
    (embed,) = message["embeds"]
    assert embed["title"] == "Your daily cycling digest: 3 stories"
    assert "Pogačar signs" in embed["description"] and "Woods joins" in embed["description"]
    world.offset = 2 * 24 * 3600
    await world.deliver()
    assert len(world.posts(world.standin.dm_channels[str(USER_ID)])) == 1


async def test_forum_gets_a_post_per_story_with_matching_tags(world):
    await world.mod("subscribe", {"channel": ChannelRef(FORUM_ID), "what": "all"})
    world.publish(seed_item(now_utc()), OLD)
    await world.poll()
    await world.deliver()
    (thread,) = world.standin.threads
    assert thread["name"] == SEED_TITLE
    assert set(thread["applied_tags"]) == set(FORUM_TAGS)  # Astana Qazaqstan, Mark Cavendish
    assert thread["message"]["embeds"][0]["url"] == SEED_URL


async def test_subscribe_checks_the_bots_permissions_and_accepts_threads(world):
    answer, _ = await world.mod(
        "subscribe", {"channel": ChannelRef(NO_EMBED_CHANNEL_ID), "what": "all"}
    )
    assert answer["content"] == (
        f"I can't post in <#{NO_EMBED_CHANNEL_ID}>: I need the Embed Links permission there."
    )
    answer, _ = await world.mod("subscribe", {"channel": ChannelRef(THREAD_ID), "what": "all"})
    assert answer["content"].startswith("Subscribed")


async def test_non_moderator_is_refused(world):
    answer, _ = await world.fan("subscribe", {"channel": ChannelRef(CHANNEL_ID), "what": "all"})
    assert answer["content"] == REFUSAL
    assert answer["flags"] & 64
    assert await world.storage.subscriptions.for_guild(world.bot.guilds[0].id) == []
    answer, _ = await world.fan("subscriptions")
    assert answer["content"] == REFUSAL


async def test_two_servers_stay_apart(world):
    answer, _ = await world.mod(
        "subscribe", {"channel": ChannelRef(CHANNEL_ID), "what": "team", "name": "astana"}
    )
    sub_id = re.search(r"#(\d+)", answer["content"]).group(1)
    listing, _ = await world.mod("subscriptions", guild_id=GUILD2_ID)
    assert listing["embeds"][0]["description"] == "None yet. Add one with /subscribe."
    refused, _ = await world.mod("unsubscribe", {"subscription": sub_id}, guild_id=GUILD2_ID)
    assert refused["content"] == f"This server has no subscription #{sub_id}."
    choices = await world.standin.answer(
        await world.standin.autocomplete(
            "unsubscribe",
            "subscription",
            "",
            user_id=MOD_USER_ID,
            permissions=MODERATOR,
            guild_id=GUILD2_ID,
        )
    )
    assert choices.json["data"]["choices"] == []
    # A channel of the other server (Discord would not offer it) is refused too.
    other, _ = await world.mod(
        "subscribe", {"channel": ChannelRef(CHANNEL_ID), "what": "all"}, guild_id=GUILD2_ID
    )
    assert other["content"] == "cycling-news is not a valid value for that option."
    assert len(await world.storage.subscriptions.for_guild(world.bot.guilds[0].id)) == 1
    removed, _ = await world.mod("unsubscribe", {"subscription": sub_id})
    assert removed["content"].startswith("Removed")


async def test_channel_digest_once_a_day_with_the_role(world):
    await world.mod(
        "subscribe",
        {
            "channel": ChannelRef(CHANNEL_ID),
            "what": "transfers",
            "name": "astana",
            "mode": "digest",
            "digest_hour": 18,
            "role": RoleRef(ROLE_ID),
        },
    )
    now = now_utc()
    world.publish(
        seed_item(now),
        item("Pogačar signs with Astana in shock move", "pogi", now),
        OLD,
    )
    await world.poll()
    world.offset = 0
    await world.deliver()
    before = world.posts(CHANNEL_ID)
    world.offset = 24 * 3600  # past the next 18:00 UTC, whatever the time now
    await world.deliver()
    (digest,) = world.posts(CHANNEL_ID)[len(before) :]
    assert before == []
    assert digest["embeds"][0]["title"] == "Digest: 2 stories"
    assert digest["content"] == f"<@&{ROLE_ID}>"


async def test_posts_failing_for_a_day_are_marked_failed_with_the_reason(world):
    await world.mod("subscribe", {"channel": ChannelRef(CHANNEL_ID), "what": "all"})
    world.standin.fail_next(f"/channels/{CHANNEL_ID}/messages", 503, times=2)
    world.publish(seed_item(now_utc()), OLD)
    await world.poll()
    await world.deliver()
    assert await world.storage.outbox.counts() == {"pending": 1}
    world.offset = 25 * 3600
    await world.deliver()
    assert await world.storage.outbox.counts() == {"failed": 1}
    async with world.storage.reader.execute("SELECT last_error FROM outbox") as cur:
        (error,) = await cur.fetchone()
    assert "503" in error
    assert world.posts(CHANNEL_ID) == []


async def test_notice_is_shown_even_when_the_next_command_fails(world):
    await world.storage.notices.add("your DMs are closed", time.time(), user_id=USER_ID)
    _, interaction = await world.fan("rider", {"name": "nobody-at-all-xyz"})
    await world.standin.answer(interaction, count=2)
    assert "your DMs are closed" in interaction.answers[1].json["content"]


async def test_configured_log_channel_is_told_and_posts_are_paced(world):
    async with world.storage.transaction() as conn:
        await conn.execute(
            "INSERT INTO guild_settings (guild_id, log_channel_id, updated_at) VALUES (?, ?, ?)",
            (world.bot.guilds[0].id, THREAD_ID, time.time()),
        )
    await world.mod("subscribe", {"channel": ChannelRef(CHANNEL_ID), "what": "all"})
    await world.mod("subscribe", {"channel": ChannelRef(FORUM_ID), "what": "all"})
    now = now_utc()
    world.publish(seed_item(now), item("Woods joins Astana for one more season", "woods", now), OLD)
    await world.poll()
    world.delivery.per_target_interval = 1.0
    await world.deliver()
    first, second = world.standin.find("POST", f"/channels/{CHANNEL_ID}/messages")
    assert second.at - first.at >= 0.95  # one post per target per second
    assert len(world.standin.threads) == 2

    world.standin.fail_next(f"/channels/{FORUM_ID}/threads", 403)
    world.publish(
        seed_item(now),
        item("Woods joins Astana for one more season", "woods", now),
        item("Pogačar signs with Astana in shock move", "pogi", now),
        OLD,
    )
    await world.poll()
    await world.deliver()
    (told,) = world.posts(THREAD_ID)  # the configured log channel, not the system channel
    assert f"<#{FORUM_ID}>" in told["content"]
    assert world.posts(LOG_CHANNEL_ID) == []


async def test_posts_never_attempted_for_a_day_are_not_sent_late(world):
    await world.mod("subscribe", {"channel": ChannelRef(CHANNEL_ID), "what": "all"})
    world.publish(seed_item(now_utc()), OLD)
    await world.poll()
    world.offset = 25 * 3600  # the bot was offline all that time
    await world.deliver()
    assert await world.storage.outbox.counts() == {"failed": 1}
    assert world.posts(CHANNEL_ID) == []


async def test_forum_digest_is_one_post(world):
    await world.mod("subscribe", {"channel": ChannelRef(FORUM_ID), "what": "all", "mode": "digest"})
    now = now_utc()
    world.publish(seed_item(now), item("Woods joins Astana for one more season", "woods", now), OLD)
    await world.poll()
    world.offset = 24 * 3600
    await world.deliver()
    (thread,) = world.standin.threads
    assert thread["name"] == "Digest: 2 stories"
    assert thread["applied_tags"] == []
