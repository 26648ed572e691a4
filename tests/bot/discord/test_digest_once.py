"""A digest goes out once per digest time, on both engines: a story queued before the
digest time but expanded into the outbox after the digest went out waits for the next
digest instead of sending a second one the same day (channels and fans alike)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from bot.discord.delivery import Delivery, digest_time_passed
from bot.pipeline.expansion import expand
from storage import Storage
from storage.articles import FeedState
from tests.bot.pipeline.test_expansion import FANOUT, G1, poll, primed
from tests.bot.pipeline.test_fanout import NOW, POGI, story

# NOW is 08:00 UTC; the digests are at 09:00 UTC.
BEFORE_DIGEST = NOW + 59 * 60
DIGEST = NOW + 3600 + 5
LATER = NOW + 3600 + 120
NEXT_DAY = DIGEST + 24 * 3600


@pytest.fixture
async def storage(database):
    store = await Storage.open(database)
    yield store
    await store.close()


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> float:
        return self.now


def worker(storage: Storage, clock: Clock, sent: list[tuple[str, list[str]]]) -> Delivery:
    bot = SimpleNamespace(user=SimpleNamespace(id=42), storage=storage, is_ready=lambda: True)
    delivery = Delivery(bot, clock=clock)  # type: ignore[arg-type]

    async def deliver(items, embed, role_id, report, *, digest=False):  # type: ignore[no-untyped-def]
        sent.append((items[0].target, [i.title for i in items]))
        await storage.outbox.mark_sent([i.id for i in items], 1, clock())
        return True

    delivery._deliver = deliver  # type: ignore[method-assign]  # Discord's side, not tested here
    return delivery


async def test_a_story_expanded_after_its_digest_went_out_waits_for_the_next_one(storage):
    clock = Clock()
    feed = await primed(storage)
    await storage.subscriptions.add(
        guild_id=G1,
        channel_id=100,
        channel_type="text",
        kind="all",
        entity_id=None,
        role_id=None,
        mode="digest",
        created_by=1,
        now=NOW,
        digest_hour=9,
        digest_minute=0,
    )
    await storage.follows.add(7, "rider", "person:tadej-pogacar", "daily", NOW, 50)
    await storage.follows.set_settings(7, NOW, digest_hour=9, digest_minute=0)
    await poll(storage, feed, "early")
    await expand(storage, FANOUT, ahead=None, clock=clock)
    # Queued a minute before the digest time, expanded two minutes after the digest.
    await storage.articles.save_poll(
        feed,
        [(story("late"), POGI)],
        FeedState("Feed", None, None, "late", BEFORE_DIGEST),
        BEFORE_DIGEST,
        after=FANOUT,
    )
    sent: list[tuple[str, list[str]]] = []
    delivery = worker(storage, clock, sent)
    clock.now = DIGEST
    await delivery.run_once()
    early, late = story("early").title, story("late").title
    assert sorted(sent) == [("channel:100", [early]), ("user:7", [early])]
    clock.now = DIGEST + 60
    await expand(storage, FANOUT, ahead=None, clock=clock)
    sent.clear()
    clock.now = LATER
    await delivery.run_once()
    assert sent == []  # not a second digest today
    clock.now = NEXT_DAY
    await delivery.run_once()
    assert sorted(sent) == [("channel:100", [late]), ("user:7", [late])]


def test_a_digest_time_passes_once_for_posts_due_before_it():
    assert digest_time_passed(100.0, 90.0, None)
    assert digest_time_passed(100.0, 90.0, 50.0)
    assert not digest_time_passed(100.0, 90.0, 100.5)  # already sent for this time
    assert not digest_time_passed(100.0, 100.0, None)  # due only at it: the next one
