"""Posted once, and in order, end to end (the feed server, the real Ingestor, the worker,
the stand-in):

- a feed that hands out the same story under a new GUID and link on every poll: posted once;
- a link with accents and `()|<>` (percent-encoded in the embed) whose post's answer was
  lost: found again, in a channel after Discord's nonce window and in a forum, not doubled;
- a poll's new stories, listed newest first as feeds do: a channel gets them oldest first.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape

from bot.discord.delivery import NONCE_WINDOW_S
from tests.e2e.standin import CHANNEL_ID, FORUM_ID, ChannelRef
from tests.e2e.test_delivery import (  # noqa: F401 - fixtures this module's tests use
    OLD,
    item,
    now_utc,
    storage,
    world,
)

# Accents, a parenthesis pair, a pipe and angle brackets: all percent-encoded in the embed.
ODD_URL = "https://news.example/étape-(3)|<direct>?lieu=Alpe-d’Huez"
ODD_TITLE = "Étape 3 : Pogačar attaque dans l’Alpe d’Huez"


def linked_item(title: str, guid: str, link: str, published) -> str:
    return (
        f"<item><title>{escape(title)}</title><link>{escape(link)}</link>"
        f"<guid>{escape(guid)}</guid><pubDate>{format_datetime(published)}</pubDate>"
        f"<description>{escape(title)}.</description></item>"
    )


def posted_links(world, channel_id: int) -> list[str]:  # noqa: F811
    return [m["embeds"][0]["url"] for m in world.posts(channel_id)]


async def deliver_until_settled(world, within_runs: int = 100) -> None:  # noqa: F811
    for _ in range(within_runs):
        await world.deliver()
        if "pending" not in await world.storage.outbox.counts():
            return
        await asyncio.sleep(0.05)


async def test_a_story_with_a_new_guid_and_link_on_every_poll_is_posted_once(world):  # noqa: F811
    await world.mod("subscribe", {"channel": ChannelRef(CHANNEL_ID), "what": "all"})
    for poll in range(3):
        # The feed regenerates the item on every request: a fresh GUID, link and date.
        fresh = linked_item(
            "Van der Poel wins Paris-Roubaix again",
            f"urn:session-{poll}:roubaix",
            f"https://news.example/roubaix?session={poll}",
            now_utc(),
        )
        world.publish(fresh, OLD)
        report = await world.poll()
        assert report.new_count == 1  # a new story to the bot each time
        await world.deliver()
    assert posted_links(world, CHANNEL_ID) == ["https://news.example/roubaix?session=0"]
    assert await world.storage.outbox.counts() == {"sent": 1}


async def test_a_lost_answer_retried_after_the_nonce_window_finds_an_odd_link(world):  # noqa: F811
    world.standin.nonce_window_s = NONCE_WINDOW_S
    await world.mod("subscribe", {"channel": ChannelRef(CHANNEL_ID), "what": "all"})
    world.publish(linked_item(ODD_TITLE, "odd-1", ODD_URL, now_utc()), OLD)
    await world.poll()
    # Discord makes the post, but the answer never arrives.
    path = f"/channels/{CHANNEL_ID}/messages"
    lost = world.standin.fail_next(path, 0, drop=True, after=True)
    await world.deliver()
    assert lost.times == 0 and await world.storage.outbox.counts() == {"pending": 1}
    (made,) = posted_links(world, CHANNEL_ID)
    assert made != ODD_URL and "%28" in made  # the embed's link is percent-encoded
    # The retry comes after Discord has forgotten the nonce.
    world.standin.nonce_window_s = 0.0
    world.offset = NONCE_WINDOW_S + 1
    await deliver_until_settled(world)
    assert await world.storage.outbox.counts() == {"sent": 1}
    assert posted_links(world, CHANNEL_ID) == [made]
    assert world.standin.find("GET", path)  # it looked rather than posting blind


async def test_a_forum_post_with_an_odd_link_whose_answer_was_lost_is_not_doubled(world):  # noqa: F811
    await world.storage.subscriptions.add(
        guild_id=world.bot.guilds[0].id,
        channel_id=FORUM_ID,
        channel_type="forum",
        kind="all",
        entity_id=None,
        role_id=None,
        mode="each",
        created_by=None,
        now=now_utc().timestamp(),
    )
    world.publish(linked_item(ODD_TITLE, "odd-2", ODD_URL, now_utc()), OLD)
    await world.poll()
    lost = world.standin.fail_next(f"/channels/{FORUM_ID}/threads", 0, drop=True, after=True)
    await deliver_until_settled(world)
    assert lost.times == 0
    assert await world.storage.outbox.counts() == {"sent": 1}
    (thread,) = world.standin.threads
    assert "%7C" in thread["message"]["embeds"][0]["url"]


async def test_a_polls_new_stories_reach_a_channel_oldest_first(world):  # noqa: F811
    await world.mod("subscribe", {"channel": ChannelRef(CHANNEL_ID), "what": "all"})
    now = now_utc()
    stages = [
        item(f"Stage {n} report", f"stage-{n}", now - timedelta(hours=5 - n)) for n in (1, 2, 3, 4)
    ]
    world.publish(*reversed(stages), OLD)  # newest first, as feeds list them
    await world.poll()
    await deliver_until_settled(world)
    titles = [m["embeds"][0]["title"] for m in world.posts(CHANNEL_ID)]
    assert titles == ["Stage 1 report", "Stage 2 report", "Stage 3 report", "Stage 4 report"]
