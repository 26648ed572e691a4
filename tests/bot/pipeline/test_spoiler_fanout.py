"""Fan-out meets the spoiler shield: each target's shield decides its row (held until a
time, or in spoiler form), once, in the poll's transaction."""

from __future__ import annotations

from datetime import UTC, datetime, time

from bot.pipeline.expansion import expand
from bot.pipeline.fanout import FanOut
from feeds.models import RaceFocus, StoryTags
from feeds.races.model import Calendar, Edition, Race, Stage
from storage.articles import FeedState
from tests.bot.pipeline.test_fanout import (
    DEFAULTS,
    G1,
    NOW,
    primed_feed,
    story,
    subscribe,
)

DAY = datetime.fromtimestamp(NOW, UTC).date()
RACE = "tour-of-testing"
STAGE_END = time(23, 30)
CALENDAR = Calendar(
    {RACE: Race(RACE, "Tour of Testing", "men", "worldtour", "stage", None)},
    {(RACE, DAY.year): Edition(RACE, DAY.year, DAY, DAY, 1, (Stage(1, DAY, "Town", STAGE_END),))},
)
RESULT = StoryTags(races=[RACE], race_focus=RaceFocus(RACE, DAY.year, 1), kind="result")
PREVIEW = StoryTags(races=[RACE], race_focus=RaceFocus(RACE, DAY.year, 1), kind="preview")


async def rows(storage) -> list[tuple[str, str, float | None, int]]:
    async with storage.reader.execute(
        "SELECT a.key, o.target, o.not_before, o.spoiler FROM outbox o "
        "JOIN articles a ON a.id = o.article_id ORDER BY a.key, o.target"
    ) as cur:
        return [tuple(r) for r in await cur.fetchall()]


async def test_each_target_gets_its_own_shields_verdict(storage):
    fanout = FanOut(48 * 3600, DEFAULTS, calendar=CALENDAR)
    feed_id = await primed_feed(storage, DEFAULTS[0])
    await subscribe(storage, G1, 1, "race", f"race:{RACE}")
    await subscribe(storage, G1, 2, "all")
    await subscribe(storage, G1, 3, "all")
    await storage.shields.set_channel(G1, 1, "hold", 2, None, NOW)
    await storage.shields.set_channel(G1, 2, "spoiler", 3, None, NOW)
    await storage.follows.add(7, "race", f"race:{RACE}", "each", NOW, 50)
    await storage.follows.set_settings(7, NOW, timezone="Asia/Tokyo", shield_mode="hold")
    await storage.articles.save_poll(
        feed_id,
        [(story("result"), RESULT), (story("preview"), PREVIEW)],
        FeedState("Feed", None, None, "h1", NOW),
        NOW,
        after=fanout,
    )
    await expand(storage, fanout, ahead=None, clock=lambda: NOW)  # the shield is met then
    stage_end = datetime.combine(DAY, STAGE_END, UTC).timestamp()
    assert await rows(storage) == [
        ("preview", "channel:1", None, 0),
        ("preview", "channel:2", None, 0),
        ("preview", "channel:3", None, 0),
        ("preview", "user:7", None, 0),
        ("result", "channel:1", stage_end + 2 * 3600, 0),
        ("result", "channel:2", None, 1),
        ("result", "channel:3", None, 0),  # no shield
        ("result", "user:7", stage_end + 3 * 3600, 0),  # the fan's default: 3 h
    ]
