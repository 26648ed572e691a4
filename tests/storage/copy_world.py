"""An installation with a row in every table, written through the storage API as the bot
writes it: what `domestique db copy` is tested on (tests/storage/test_copy.py,
tests/bot/cli/test_dbcopy.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from feeds.models import Move, RaceFocus, Story, StoryTags
from storage import Storage
from storage.articles import FeedState
from storage.guild_config import save_guild_tags
from storage.outbox_fanout import NewRow, insert_rows
from storage.outbox_pending import PendingFanOut
from storage.outbox_pending import queue as queue_fanout
from storage.race_threads import RaceThread

NOW = 1_800_000_000.0
GUILD = 111_111_111_111_111_111
OTHER_GUILD = 222_222_222_222_222_222
CHANNEL = 333_333_333_333_333_333
FAN = 444_444_444_444_444_444
SHARED_FEED = "https://news.example/feed"
OWN_FEED = "https://own.example/feed?key=private"


def _story(key: str, title: str, when: float, body: str = "") -> Story:
    return Story(
        key,
        f"https://news.example/{key}",
        title,
        f"Summary of {title}",
        body or f"Körper {title} Pogačar Évenepoel",
        published=datetime.fromtimestamp(when, UTC),
        language="en",
    )


_MOVE = Move(
    "tadej-pogacar", "Tadej Pogačar", "uae", "UAE Team Emirates", "astana", "Astana",
    "rumour", 2028, "talks",
)  # fmt: skip


def stories(count: int) -> list[tuple[Story, StoryTags]]:
    """`count` stories, some tagged, some with a move, a race, a focus and a kind."""
    items = []
    for i in range(count):
        tags = StoryTags(
            riders=["tadej-pogacar"] if i % 2 == 0 else ["remco-evenepoel"],
            teams=["uae"] if i % 3 == 0 else [],
            staff=["mauro-gianetti"] if i % 7 == 0 else [],
            is_transfer=i % 5 == 0,
            moves=[_MOVE] if i % 5 == 0 else [],
            races=["giro-d-italia"] if i % 4 == 0 else [],
            race_focus=RaceFocus("giro-d-italia", 2027, i % 21) if i % 4 == 0 else None,
            kind="result" if i % 4 == 0 else "other",
        )
        items.append((_story(f"s{i}", f"Story {i} café", NOW - 3600 * (count - i)), tags))
    return items


async def seed(path: Path | str, story_count: int = 12) -> None:
    """Fill the database at `path` (migrated on open) with a row in every table."""
    storage = await Storage.open(path)
    try:
        await _seed(storage, story_count)
    finally:
        await storage.close()


async def _seed(storage: Storage, story_count: int) -> None:
    feed, _ = await storage.feeds.add(SHARED_FEED, NOW - 10)
    await storage.guild_config.add_feed(
        OTHER_GUILD, OWN_FEED, 7, NOW, defaults=[SHARED_FEED], limit=20, title="Own"
    )
    state = FeedState("News", '"etag"', None, "hash", NOW + 600)
    saved = await storage.articles.save_poll(feed.id, stories(story_count), state, NOW)
    first = saved.new[0].article_id
    sub, _ = await storage.subscriptions.add(
        guild_id=GUILD, channel_id=CHANNEL, channel_type="text", kind="rider",
        entity_id="person:tadej-pogacar", role_id=99, mode="each", created_by=7, now=NOW,
        kinds=frozenset({"result"}),
    )  # fmt: skip
    follow, _ = await storage.follows.add(FAN, "team", "team:uae", "each", NOW, limit=50)
    await storage.follows.set_settings(FAN, NOW, timezone="Europe/Paris", shield_mode="hold")
    async with storage.transaction() as conn:
        await insert_rows(
            conn,
            first,
            [
                NewRow(f"channel:{CHANNEL}", GUILD, sub.id, None, 99, False),
                NewRow(f"user:{FAN}", None, None, follow.id, None, False, NOW + 60, True),
            ],
            NOW,
        )
        await save_guild_tags(conn, [(GUILD, "person:zoe-test", NOW - 3600, first)])
        # A story still awaiting fan-out (its JSON is fan-out's business, copied as text).
        pending = PendingFanOut(saved.new[1].article_id, feed.id, True, NOW, '{"title": "Ça"}')
        await queue_fanout(conn, [pending])
    await storage.notices.add("Feed failing", NOW, guild_id=GUILD)
    await storage.guild_config.track(GUILD, "team:uae", 7, NOW)
    await storage.guild_config.add_custom_entity(
        "person:zoe-test", GUILD, '[[rider]]\nid = "zoe-test"\nname = "Zoé Test"\n', 7, NOW,
        aliases=["Zozo"], track=True,
    )  # fmt: skip
    await storage.guild_config.set_log_channel(GUILD, CHANNEL, NOW)
    await storage.shields.set_channel(GUILD, CHANNEL, "hold", 3, 7, NOW)
    await storage.race_threads.enable(GUILD, CHANNEL, 7, NOW)
    await storage.race_threads.opened(
        RaceThread(CHANNEL, "giro-d-italia", "2027-05-10", 555, GUILD, "Giro stage 5", NOW)
    )
    await storage.meta.set("last_cycle", "1800000000.5")
    await storage.roster_imports.add("extra.toml", '[[team]]\nid = "x"\nname = "X"\n', NOW)
    await storage.race_imports.add("races.toml", "# no races\n", NOW)
