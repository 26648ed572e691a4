"""Two delivery workers on one database, with no process lock: claims keep every post single.

Two real discord.py clients, each with its own connections to one database (a SQLite
file, then PostgreSQL) and its own `Delivery`, run their delivery jobs at the same moments
over one burst: channel posts, a thread, forum posts (which Discord cannot deduplicate by
nonce), a channel digest, a fan's DMs and daily digest, a channel that refuses
(moderators told in the log channel) and one in a server with nowhere to tell (a notice
kept for its moderators). The stand-in forgets nonces at once, so nothing here leans on
Discord to fold a second send into the first.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.discord.delivery import Delivery
from feeds.models import StoryTags
from storage import Storage
from tests.e2e.burst import burst_title, fan_out_stories
from tests.e2e.conftest import TOKEN
from tests.e2e.standin import (
    CHANNEL_ID,
    FORUM_ID,
    GUILD2_CHANNEL_ID,
    GUILD2_ID,
    GUILD_ID,
    LOG_CHANNEL_ID,
    THREAD_ID,
    DiscordStandIn,
)

STORIES = 8
FANS = (1400000000000200001, 1400000000000200002)
DAILY_FAN = 1400000000000200003
# The workers' clock runs two hours ahead: the digests' time (set 30 to 90 minutes ahead
# of the real clock) has come for both, and no post is yet a day old.
AHEAD_S = 2 * 3600


@pytest.fixture
async def standin() -> AsyncIterator[DiscordStandIn]:
    async with DiscordStandIn(heartbeat_ms=1000, token=TOKEN, extra_channels=2) as server:
        server.nonce_window_s = 0.0  # Discord has forgotten every nonce: no help from it
        yield server
        assert not server.refused, [(r.path, errors) for r, errors in server.refused]


@pytest.fixture
async def storage(database) -> AsyncIterator[Storage]:
    store = await Storage.open(database)
    yield store
    await store.close()


async def subscribe(storage: Storage, guild_id: int, channel_id: int, kind: str, **kw) -> None:
    await storage.subscriptions.add(
        guild_id=guild_id,
        channel_id=channel_id,
        channel_type=kind,
        kind="all",
        entity_id=None,
        role_id=None,
        mode=kw.pop("mode", "each"),
        created_by=None,
        now=time.time(),
        **kw,
    )


def titles(messages: list[dict]) -> Counter:
    return Counter(m["embeds"][0]["title"] for m in messages)


def digest_titles(message: dict) -> Counter:
    """The burst stories a digest lists, by title."""
    description = message["embeds"][0]["description"]
    return Counter(t for n in range(STORIES) if f"[{(t := burst_title(n))}]" in description)


async def test_two_workers_on_one_database_post_every_story_once_per_target(
    standin, storage, make_bot, database
):
    digest_channel, refusing_channel = standin.extra_channel_ids
    for channel_id, kind in ((CHANNEL_ID, "text"), (THREAD_ID, "thread"), (FORUM_ID, "forum")):
        await subscribe(storage, GUILD_ID, channel_id, kind)
    await subscribe(storage, GUILD_ID, refusing_channel, "text")
    await subscribe(storage, GUILD2_ID, GUILD2_CHANNEL_ID, "text")
    # Digests at an hour that comes after every row is queued, and has come in the
    # workers' clock.
    digest_hour = (datetime.now(UTC) + timedelta(minutes=90)).hour
    await subscribe(
        storage, GUILD_ID, digest_channel, "text", mode="digest", digest_hour=digest_hour
    )
    now = time.time()
    for user_id in FANS:
        await storage.follows.add(user_id, "transfers", None, "each", now, 50)
    await storage.follows.add(DAILY_FAN, "transfers", None, "daily", now, 50)
    await storage.follows.set_settings(DAILY_FAN, now, digest_hour=digest_hour, digest_minute=0)
    await fan_out_stories(storage, STORIES, StoryTags(is_transfer=True))
    assert await storage.outbox.counts() == {"pending": STORIES * (6 + len(FANS) + 1)}

    # Refused for good: 403 here (moderators told in the system channel), 404 in the
    # second server (a notice for its moderators).
    standin.fail_for(f"/channels/{refusing_channel}/messages", 600, 403)
    standin.fail_for(f"/channels/{GUILD2_CHANNEL_ID}/messages", 600, 404)

    second_storage = await Storage.open(database)
    try:
        workers = []
        for store in (storage, second_storage):
            bot = await make_bot(storage=store)
            workers.append(
                Delivery(
                    bot,
                    clock=lambda: time.time() + AHEAD_S,
                    per_target_interval=0.05,
                    retry_base_s=0.2,
                )
            )
        sent = Counter()
        started = time.monotonic()
        for _ in range(200):
            reports = await asyncio.gather(*(w.run_once() for w in workers))
            for worker, report in zip(workers, reports, strict=True):
                sent[worker.worker_id] += report.sent
            if "pending" not in await storage.outbox.counts():
                break
        seconds = time.monotonic() - started
        print(f"\ntwo workers: {dict(sent)} rows sent in {seconds:.1f} s")
        assert await storage.outbox.counts() == {
            "sent": STORIES * (4 + len(FANS) + 1),
            "skipped": STORIES * 2,
        }
        async with second_storage.reader.execute(
            "SELECT COUNT(*) FROM outbox WHERE claimed_by IS NOT NULL AND state = 'pending'"
        ) as cur:
            assert (await cur.fetchone())[0] == 0
    finally:
        await second_storage.close()

    once = Counter(burst_title(n) for n in range(STORIES))
    assert titles(standin.channel_messages(CHANNEL_ID)) == once
    assert titles(standin.channel_messages(THREAD_ID)) == once
    forum = [t["message"] for t in standin.threads if t["parent_id"] == str(FORUM_ID)]
    assert titles(forum) == once
    for user_id in FANS:
        assert titles(standin.channel_messages(standin.dm_channels[str(user_id)])) == once
    (daily,) = standin.channel_messages(standin.dm_channels[str(DAILY_FAN)])
    assert digest_titles(daily) == once
    (digest,) = standin.channel_messages(digest_channel)
    assert digest_titles(digest) == once
    # Each refusal was reported once, whichever worker met it.
    assert standin.channel_messages(refusing_channel) == []
    (told,) = standin.channel_messages(LOG_CHANNEL_ID)
    assert f"stopped posting to <#{refusing_channel}>" in told["content"]
    notices = await storage.notices.pending(guild_id=GUILD2_ID)
    assert [n.text.count(f"<#{GUILD2_CHANNEL_ID}>") for n in notices] == [1]


async def test_a_dead_workers_rows_wait_for_its_lease_then_its_post_is_found(
    standin, storage, make_bot, database
):
    await subscribe(storage, GUILD_ID, FORUM_ID, "forum")
    await fan_out_stories(storage, 1, StoryTags())
    offset = 0.0
    clock = lambda: time.time() + offset  # noqa: E731
    first = Delivery(await make_bot(storage=storage), clock=clock)
    # The first worker dies the moment Discord has made the forum post: its claim is
    # neither used nor given up, as after SIGKILL.
    first._release_claims = _as_if_killed  # type: ignore[method-assign]
    run = asyncio.create_task(first.run_once())
    await standin.wait_for(lambda: standin.threads)
    run.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await run

    second_storage = await Storage.open(database)
    try:
        second = Delivery(await make_bot(storage=second_storage), clock=clock)
        await second.run_once()
        assert await storage.outbox.counts() == {"pending": 1}  # the first one's, for now
        offset = first.lease_s + 1
        report = await second.run_once()
        assert report.sent == 1
    finally:
        await second_storage.close()
    assert await storage.outbox.counts() == {"sent": 1}
    (thread,) = standin.threads  # found, not posted again
    assert thread["message"]["embeds"][0]["title"] == burst_title(0)


async def _as_if_killed() -> None:
    return None
