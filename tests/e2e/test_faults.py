"""Delivery under faults: nothing lost, nothing posted twice.

- Outage: the stand-in answers 503, then closes connections unanswered, on every
  delivery route for a stretch, then makes three posts whose answers it loses; once it
  recovers, every pending post arrives exactly once and none is marked failed.
- Forum posts, which Discord cannot deduplicate by nonce: one whose answer was lost, or
  that was being made as the run stopped, is found and not posted again. So is a channel
  message made as the bot died, when it comes back after Discord's nonce window.
- Crash: the real `domestique run` process, polling a local feed server and posting to
  a stand-in running in this process, is killed with SIGKILL at seeded random moments
  (while polling and fanning out, as a post is created, at any moment) and started
  again each time.
  Afterwards the database passes `PRAGMA integrity_check` and each (story, target) pair
  that should be posted was posted exactly once, counted as messages the stand-in
  created (a resend with the same nonce returns the first message, so counting created
  messages rather than POSTs is what a user would see); backlog is never posted.

The long crash variant (20 kills, a few hundred stories) is behind the `soak` marker.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import signal
import sqlite3
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from email.utils import format_datetime
from pathlib import Path

import pytest

from bot.discord.delivery import NONCE_WINDOW_S
from storage import Storage
from storage.articles import person_key
from tests.e2e.conftest import TOKEN
from tests.e2e.standin import (
    CHANNEL_ID,
    FORUM_ID,
    GUILD_ID,
    THREAD_ID,
    ChannelRef,
    DiscordStandIn,
)
from tests.e2e.test_delivery import (  # noqa: F401 - fixtures this module's tests use
    OLD,
    SEED_URL,
    feed,
    item,
    now_utc,
    seed_item,
    storage,
    world,
)
from tests.e2e.test_standalone import bot_env
from tests.feedserver import FeedServer

log = logging.getLogger(__name__)

# --- outage -------------------------------------------------------------------------------

TRANSFER_TITLES = (
    "Pogačar signs with Astana in shock move",
    "Woods joins Astana for one more season",
)
OUTAGE_FANS = tuple(1400000000000000100 + n for n in range(4))
DELIVERY_ROUTES = "/channels"  # channel messages, forum posts and opening DM channels


async def test_outage_then_recovery_delivers_every_pending_post_once(world):  # noqa: F811
    now = time.time()
    for channel_id in (CHANNEL_ID, THREAD_ID):
        await world.storage.subscriptions.add(
            guild_id=world.bot.guilds[0].id,
            channel_id=channel_id,
            channel_type="text" if channel_id == CHANNEL_ID else "thread",
            kind="all",
            entity_id=None,
            role_id=None,
            mode="each",
            created_by=None,
            now=now,
        )
    for user_id in OUTAGE_FANS:
        await world.storage.follows.add(user_id, "transfers", None, "each", now, 50)
    published = now_utc()
    plain = [
        item(f"Stage {n} report from the Tour of Nowhere", f"stage-{n}", published) for n in (1, 2)
    ]
    transfers = [item(title, f"transfer-{n}", published) for n, title in enumerate(TRANSFER_TITLES)]
    world.publish(seed_item(published), *transfers, *plain, OLD)

    # Discord goes down before the first send: 503s, then connections closed with no
    # answer.
    stretch = 0.6
    world.standin.fail_for(DELIVERY_ROUTES, stretch, 503)
    await world.poll()
    expected = {"channel": 5 * 2, "dm": 3 * len(OUTAGE_FANS)}
    assert await world.storage.outbox.counts() == {"pending": sum(expected.values())}

    # Then, once the stretches are over, the next posts are made but their answers lost.
    phases = [(stretch, {"drop": True}), (2 * stretch, None)]
    lost = None
    started = time.monotonic()
    deadline = started + 40
    while time.monotonic() < deadline:
        if phases and time.monotonic() - started >= phases[0][0]:
            _, options = phases.pop(0)
            if options is None:
                lost = world.standin.fail_next("/messages", 0, times=3, drop=True, after=True)
            else:
                world.standin.fail_for(DELIVERY_ROUTES, stretch, **options)
        await world.deliver()
        counts = await world.storage.outbox.counts()
        if lost is not None and not lost.times and counts == {"sent": sum(expected.values())}:
            break
        await asyncio.sleep(0.05)
    counts = await world.storage.outbox.counts()
    assert counts == {"sent": sum(expected.values())}, counts

    statuses = Counter(r.status for r in world.standin.find("POST", DELIVERY_ROUTES))
    # The outage really met pending posts: 503s, connections closed before the post was
    # made, and three posts made whose answer was lost (their resend found them by nonce).
    assert statuses[503] >= 2 and statuses[0] >= 2, statuses
    assert lost is not None and lost.times == 0

    for channel_id, count in {CHANNEL_ID: 5, THREAD_ID: 5}.items():
        posted = [m["embeds"][0]["url"] for m in world.standin.channel_messages(channel_id)]
        assert len(posted) == count and len(set(posted)) == count, posted
    for user_id in OUTAGE_FANS:
        dm = world.standin.dm_channels[str(user_id)]
        posted = [m["embeds"][0]["url"] for m in world.standin.channel_messages(dm)]
        assert len(posted) == 3 and len(set(posted)) == 3, (user_id, posted)
    # One DM channel per fan, however often opening it failed.
    assert len(world.standin.dm_channels) == len(OUTAGE_FANS)


# --- forum posts: Discord takes no nonce for them -----------------------------------------


async def subscribe_forum(world) -> None:  # noqa: F811
    await world.storage.subscriptions.add(
        guild_id=world.bot.guilds[0].id,
        channel_id=FORUM_ID,
        channel_type="forum",
        kind="all",
        entity_id=None,
        role_id=None,
        mode="each",
        created_by=None,
        now=time.time(),
    )


def forum_posts(standin: DiscordStandIn) -> list[str]:
    return [t["message"]["embeds"][0]["url"] for t in standin.threads]


async def test_forum_post_whose_answer_was_lost_is_not_posted_again(world):  # noqa: F811
    await subscribe_forum(world)
    world.publish(seed_item(now_utc()), OLD)
    await world.poll()
    lost = world.standin.fail_next(f"/channels/{FORUM_ID}/threads", 0, drop=True, after=True)
    for _ in range(100):
        await world.deliver()
        if await world.storage.outbox.counts() == {"sent": 1}:
            break
        await asyncio.sleep(0.05)
    assert lost.times == 0
    assert await world.storage.outbox.counts() == {"sent": 1}
    assert forum_posts(world.standin) == [SEED_URL]


async def test_forum_post_made_as_the_bot_died_is_not_posted_again(world):  # noqa: F811
    await subscribe_forum(world)
    world.publish(seed_item(now_utc()), OLD)
    await world.poll()
    # The run stops the moment Discord has made the post: nothing after it happens, as
    # when the process is killed there.
    run = asyncio.create_task(world.deliver())
    await world.standin.wait_for(lambda: world.standin.threads)
    run.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await run
    assert await world.storage.outbox.counts() == {"pending": 1}
    await world.restart()
    await world.deliver()
    assert await world.storage.outbox.counts() == {"sent": 1}
    assert forum_posts(world.standin) == [SEED_URL]


async def _die_as_the_message_is_made(world) -> None:  # noqa: F811
    """Run delivery and stop it the moment the stand-in has created the message: nothing
    after that happens, as when the process is killed there."""
    run = asyncio.create_task(world.deliver())
    await world.standin.wait_for(lambda: world.standin.channel_messages(CHANNEL_ID))
    run.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await run
    assert await world.storage.outbox.counts() == {"pending": 1}


async def test_message_made_as_the_bot_died_is_not_sent_again_after_the_nonce_window(
    world,  # noqa: F811
):
    world.standin.nonce_window_s = NONCE_WINDOW_S  # Discord forgets nonces after minutes
    await world.mod("subscribe", {"channel": ChannelRef(CHANNEL_ID), "what": "all"})
    world.publish(seed_item(now_utc()), OLD)
    await world.poll()
    await _die_as_the_message_is_made(world)
    world.standin.nonce_window_s = 0.0  # ... and the bot comes back after that window
    await world.restart()
    world.offset = NONCE_WINDOW_S + 1
    await world.deliver()
    assert await world.storage.outbox.counts() == {"sent": 1}
    assert [m["embeds"][0]["url"] for m in world.standin.channel_messages(CHANNEL_ID)] == [SEED_URL]
    # It looked in the channel rather than posting blind.
    assert world.standin.find("GET", f"/channels/{CHANNEL_ID}/messages")


async def test_message_resent_within_the_nonce_window_is_deduplicated_by_discord(
    world,  # noqa: F811
):
    world.standin.nonce_window_s = NONCE_WINDOW_S
    await world.mod("subscribe", {"channel": ChannelRef(CHANNEL_ID), "what": "all"})
    world.publish(seed_item(now_utc()), OLD)
    await world.poll()
    await _die_as_the_message_is_made(world)
    await world.restart()
    await world.deliver()
    assert await world.storage.outbox.counts() == {"sent": 1}
    assert len(world.standin.channel_messages(CHANNEL_ID)) == 1
    assert not world.standin.find("GET", f"/channels/{CHANNEL_ID}/messages")  # no look needed


async def test_forum_post_goes_out_when_the_bot_may_not_look_for_an_earlier_one(world):  # noqa: F811
    await subscribe_forum(world)
    world.publish(seed_item(now_utc()), OLD)
    await world.poll()
    world.standin.fail_next(f"/channels/{FORUM_ID}/threads", 503)  # refused, not made
    world.standin.fail_next("/threads/active", 403)
    for _ in range(100):
        await world.deliver()
        if await world.storage.outbox.counts() == {"sent": 1}:
            break
        await asyncio.sleep(0.05)
    assert forum_posts(world.standin) == [SEED_URL]
    # Not being allowed to look is no reason to stop posting there.
    (sub,) = await world.storage.subscriptions.for_guild(world.bot.guilds[0].id)
    assert sub.disabled_reason is None


# --- crash --------------------------------------------------------------------------------

RIDERS = (
    ("tadej-pogacar", "Tadej Pogačar"),
    ("jonas-vingegaard", "Jonas Vingegaard"),
    ("remco-evenepoel", "Remco Evenepoel"),
    ("wout-van-aert", "Wout van Aert"),
    ("mathieu-van-der-poel", "Mathieu van der Poel"),
    ("primoz-roglic", "Primož Roglič"),
    ("mads-pedersen", "Mads Pedersen"),
    ("jasper-philipsen", "Jasper Philipsen"),
    ("tom-pidcock", "Tom Pidcock"),
    ("biniam-girmay", "Biniam Girmay"),
    ("demi-vollering", "Demi Vollering"),
    ("lotte-kopecky", "Lotte Kopecky"),
    ("marianne-vos", "Marianne Vos"),
    ("juan-ayuso", "Juan Ayuso"),
    ("egan-bernal", "Egan Bernal"),
    ("filippo-ganna", "Filippo Ganna"),
    ("elisa-longo-borghini", "Elisa Longo Borghini"),
    ("carlos-rodriguez", "Carlos Rodríguez"),
    ("richard-carapaz", "Richard Carapaz"),
    ("julian-alaphilippe", "Julian Alaphilippe"),
    ("olav-kooij", "Olav Kooij"),
    ("arnaud-de-lie", "Arnaud De Lie"),
    ("tim-merlier", "Tim Merlier"),
    ("jonathan-milan", "Jonathan Milan"),
    ("ben-healy", "Ben Healy"),
    ("matej-mohoric", "Matej Mohorič"),
    ("isaac-del-toro", "Isaac del Toro"),
    ("joao-almeida", "João Almeida"),
    ("adam-yates", "Adam Yates"),
)
FEEDS = ("/crash/a.xml", "/crash/b.xml", "/crash/c.xml")
FAN_BASE = 1400000000000001000
KILL_MODES = ("polling", "delivering", "any time")


@dataclass(frozen=True, slots=True)
class CrashStory:
    number: int
    rider: int
    """Index in RIDERS of the one rider the story names."""
    feed: str

    @property
    def url(self) -> str:
        return f"https://news.example/crash-{self.number}"

    def xml(self, published) -> str:
        name = RIDERS[self.rider][1]
        return (
            f"<item><title>{name} talks about next season, story {self.number}</title>"
            f"<link>{self.url}</link><guid>crash-{self.number}</guid>"
            f"<pubDate>{format_datetime(published)}</pubDate>"
            # Cycling words, as a real cycling feed's stories have: feeds are measured
            # (bot/pipeline/cycling_share.py) and a feed that does not read as cycling news
            # is not tagged from names alone.
            f"<description>{name} spoke to reporters after a hard day in the peloton."
            "</description></item>"
        )


@dataclass(slots=True)
class CrashWorld:
    """Targets: each channel subscribes to two riders, each fan follows two riders, and
    the forum takes three riders' stories as forum posts (which Discord cannot deduplicate
    by nonce)."""

    channels: list[int]
    fans: list[int]
    channel_riders: dict[int, tuple[int, ...]] = field(default_factory=dict)
    fan_riders: dict[int, tuple[int, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        count = len(RIDERS)
        for n, channel_id in enumerate(self.channels):
            self.channel_riders[channel_id] = (n % count, (n + 5) % count)
        self.channel_riders[FORUM_ID] = (2, 9, 17)
        for n, user_id in enumerate(self.fans):
            self.fan_riders[user_id] = (n % count, (3 * n + 1) % count)

    def expected(self, stories: list[CrashStory]) -> dict[str, Counter]:
        """target -> Counter of story URLs it must receive (each once)."""
        out: dict[str, Counter] = {}
        for channel_id, riders in self.channel_riders.items():
            out[f"channel:{channel_id}"] = Counter(s.url for s in stories if s.rider in riders)
        for user_id, riders in self.fan_riders.items():
            out[f"user:{user_id}"] = Counter(s.url for s in stories if s.rider in riders)
        return out

    async def store(self, database: Path) -> None:
        store = await Storage.open(database)
        now = time.time()
        try:
            for channel_id, riders in self.channel_riders.items():
                for rider in riders:
                    await store.subscriptions.add(
                        guild_id=GUILD_ID,
                        channel_id=channel_id,
                        channel_type="forum" if channel_id == FORUM_ID else "text",
                        kind="rider",
                        entity_id=person_key(RIDERS[rider][0]),
                        role_id=None,
                        mode="each",
                        created_by=None,
                        now=now,
                    )
            for user_id, riders in self.fan_riders.items():
                for rider in riders:
                    await store.follows.add(
                        user_id, "rider", person_key(RIDERS[rider][0]), "each", now, 50
                    )
        finally:
            await store.close()


def crash_feed(stories: list[CrashStory], path: str, published) -> bytes:
    return feed(*(s.xml(published) for s in reversed(stories) if s.feed == path))


def query(database: Path, sql: str) -> list[tuple]:
    """A short read from the test, beside the bot's own connections (WAL)."""
    conn = sqlite3.connect(database, timeout=10)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def make_all_feeds_due(database: Path) -> None:
    """As if the poll interval had passed while the bot was down: it polls at start."""
    conn = sqlite3.connect(database, timeout=10)
    try:
        with conn:
            conn.execute("UPDATE feeds SET next_attempt_at = 0")
    finally:
        conn.close()


class BotProcess:
    """`python -m bot run` in its own process group, so SIGKILL takes its parse workers
    too, as a machine losing power or the OOM killer would."""

    def __init__(self, env: dict[str, str], cwd: Path, log_file: Path) -> None:
        self.env = env
        self.cwd = cwd
        self.log_file = log_file
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        with self.log_file.open("ab") as log_out:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                "run",
                cwd=self.cwd,
                env=self.env,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=log_out,
                stderr=log_out,
                start_new_session=True,
            )

    def alive(self) -> bool:
        return self.process is not None and self.process.returncode is None

    async def kill(self) -> None:
        assert self.process is not None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        await self.process.wait()

    async def stop(self) -> int:
        """SIGTERM and wait for a clean exit (SIGKILL if it does not come)."""
        assert self.process is not None
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.process.wait(), 20)
            except TimeoutError:
                await self.kill()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)  # any worker left behind
        return self.process.returncode

    def log_tail(self) -> str:
        return self.log_file.read_text(errors="replace")[-3000:]


def created_per_target(standin: DiscordStandIn, targets: list[str]) -> dict[str, Counter]:
    out = {}
    for target in targets:
        kind, _, raw_id = target.partition(":")
        if raw_id == str(FORUM_ID):
            messages = [t["message"] for t in standin.threads if t["parent_id"] == raw_id]
        else:
            channel_id = standin.dm_channels.get(raw_id) if kind == "user" else raw_id
            messages = standin.channel_messages(channel_id) if channel_id else []
        out[target] = Counter(m["embeds"][0]["url"] for m in messages)
    return out


def created_count(standin: DiscordStandIn) -> int:
    return sum(1 for m in standin.messages.values() if m.get("type") == 0)


async def wait_until_async(check, within: float, bot: BotProcess, what: str) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if await check():
            return
        assert bot.alive(), f"the bot exited while waiting for {what}:\n{bot.log_tail()}"
        await asyncio.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}:\n{bot.log_tail()}")


def kill_modes(rng: random.Random, lives: int) -> list[tuple[str, bool]]:
    """(mode, at once) for each life: every mode at least once, and at least one kill
    at the very moment a post is created."""
    modes = [*KILL_MODES, *(rng.choice(KILL_MODES) for _ in range(lives - len(KILL_MODES)))]
    rng.shuffle(modes)
    first = modes.index("delivering") if "delivering" in modes else -1
    return [(mode, n == first or rng.random() < 0.5) for n, mode in enumerate(modes)]


async def kill_at_a_random_moment(
    rng: random.Random,
    mode: str,
    at_once: bool,
    bot: BotProcess,
    standin: DiscordStandIn,
    server: FeedServer,
) -> str:
    """Kill the bot while it polls and fans out, while it delivers, or at any moment of
    its first seconds; returns what was chosen, for the log."""
    if mode == "polling":
        requests = len(server.requests)
        delay = rng.uniform(0.0, 0.8)
        target = lambda: len(server.requests) > requests  # noqa: E731
    elif mode == "delivering":
        posted = created_count(standin)
        wanted = rng.randint(1, 15)
        # At once, as the stand-in creates the message: its answer is then still on the
        # way, so the post is made but not marked sent.
        delay = 0.0 if at_once else rng.uniform(0.0, 0.05)
        with contextlib.suppress(TimeoutError):
            await standin.wait_for(lambda: created_count(standin) >= posted + wanted, 15)
        target = lambda: True  # noqa: E731
    else:
        delay = rng.uniform(0.3, 5.0)
        target = lambda: True  # noqa: E731
    for _ in range(2000):  # 20 s at most: a life with nothing left to post
        if target() or not bot.alive():
            break
        await asyncio.sleep(0.01)
    if delay:
        await asyncio.sleep(delay)
    assert bot.alive(), f"the bot exited by itself:\n{bot.log_tail()}"
    await bot.kill()
    return f"{mode} (+{delay:.2f} s)"


async def crash_run(tmp_path: Path, *, kills: int, stories: int, seed: int) -> None:
    rng = random.Random(seed)
    log.info("crash test seed %d: %d kills, %d stories", seed, kills, stories)
    # SQLite only: SQLite's own crash safety (PRAGMA integrity_check after each SIGKILL);
    # a leader killed on PostgreSQL is tests/e2e/test_two_processes.py and the bench
    # bench/delivery_processes.py.
    database = tmp_path / "bot.sqlite3"
    riders = list(range(len(RIDERS)))
    rng.shuffle(riders)  # stories spread evenly: no target waits on a long queue of its own
    plan = [CrashStory(n, riders[n % len(riders)], rng.choice(FEEDS)) for n in range(stories)]
    backlog = [CrashStory(-n - 1, n % len(RIDERS), FEEDS[n % len(FEEDS)]) for n in range(9)]
    waves = [plan[i::kills] for i in range(kills)]  # one wave a life after the first
    published: list[CrashStory] = []
    async with (
        DiscordStandIn(token=TOKEN, extra_channels=12) as standin,
        FeedServer(host="127.0.0.1") as server,
    ):
        world = CrashWorld(
            channels=standin.extra_channel_ids, fans=[FAN_BASE + n for n in range(24)]
        )
        await world.store(database)
        urls = {
            "DOMESTIQUE_DISCORD_API_URL": standin.api_url,
            "DOMESTIQUE_DISCORD_GATEWAY_URL": standin.gateway_url,
        }
        env = bot_env(urls, tmp_path)
        env.update(
            DOMESTIQUE_FEEDS=",".join(server.url(path) for path in FEEDS),
            DOMESTIQUE_ALLOW_PRIVATE_HOSTS="127.0.0.1",
            DOMESTIQUE_LOG_LEVEL="INFO",
        )
        bot = BotProcess(env, tmp_path, tmp_path / "bot.log")
        when = now_utc()

        def publish(stories: list[CrashStory]) -> None:
            published.extend(stories)
            for path in FEEDS:
                server.publish(path, crash_feed(backlog + published, path, when))

        # The first life stores the backlog (never posted), then dies.
        for path in FEEDS:
            server.publish(path, crash_feed(backlog, path, when))
        await bot.start()

        async def primed() -> bool:
            rows = await asyncio.to_thread(
                query, database, "SELECT COUNT(*) FROM feeds WHERE primed = 1"
            )
            return rows[0][0] == len(FEEDS)

        await wait_until_async(primed, 30, bot, "the first poll")
        await bot.kill()
        modes = kill_modes(rng, len(waves) - 1)
        for life, (wave, (mode, at_once)) in enumerate(zip(waves[:-1], modes, strict=True), 1):
            publish(wave)
            await asyncio.to_thread(make_all_feeds_due, database)
            await bot.start()
            began = time.monotonic()
            how = await kill_at_a_random_moment(rng, mode, at_once, bot, standin, server)
            log.info("life %d killed while %s, %.1f s in", life, how, time.monotonic() - began)

        # The last life is left to finish: every story stored, the outbox drained.
        publish(waves[-1])
        await asyncio.to_thread(make_all_feeds_due, database)
        await bot.start()
        began = time.monotonic()
        expected = world.expected(plan)
        total = sum(sum(c.values()) for c in expected.values())

        async def drained() -> bool:
            stored = await asyncio.to_thread(
                query, database, "SELECT COUNT(*) FROM articles WHERE is_backlog = 0"
            )
            pending = await asyncio.to_thread(
                query, database, "SELECT COUNT(*) FROM outbox WHERE state = 'pending'"
            )
            return stored[0][0] == len(plan) and pending[0][0] == 0

        await wait_until_async(drained, 30 + total / 10, bot, "the outbox to drain")
        log.info("drained %.1f s after the last start", time.monotonic() - began)
        assert await bot.stop() == 0, bot.log_tail()
        log.info("stopped %.1f s after the last start", time.monotonic() - began)

        assert query(database, "PRAGMA integrity_check") == [("ok",)]
        states = dict(query(database, "SELECT state, COUNT(*) FROM outbox GROUP BY state"))
        assert states == {"sent": total}, states
        got = created_per_target(standin, list(expected))
        wrong = {t: (got[t], expected[t]) for t in expected if got[t] != expected[t]}
        assert not wrong, f"seed {seed}: {wrong}"
        # Nothing else was posted anywhere (backlog included).
        assert created_count(standin) == total, (created_count(standin), total)
        assert not standin.refused


async def test_sigkill_during_polling_and_delivery_loses_and_repeats_nothing(tmp_path):
    seed = int(os.environ.get("DOMESTIQUE_CRASH_SEED") or random.randrange(2**32))
    print(f"crash test seed: {seed} (DOMESTIQUE_CRASH_SEED={seed} repeats it)")
    await crash_run(tmp_path, kills=5, stories=60, seed=seed)


@pytest.mark.soak
@pytest.mark.timeout(900)
async def test_soak_twenty_kills_hundreds_of_stories(tmp_path):
    seed = int(os.environ.get("DOMESTIQUE_CRASH_SEED") or random.randrange(2**32))
    print(f"crash test seed: {seed} (DOMESTIQUE_CRASH_SEED={seed} repeats it)")
    await crash_run(tmp_path, kills=20, stories=300, seed=seed)
