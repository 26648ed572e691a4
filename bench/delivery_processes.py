"""Delivery at Discord's limits across processes: two `domestique run` (gateway shards 0
and 1 of 2) on one PostgreSQL database, the leader killed in the middle of a burst.

Run: .venv/bin/python bench/delivery_processes.py [--channels 100] [--fans 25] [--stories 8]
     [--quick]

Everything runs on loopback and is started and stopped here: a throwaway PostgreSQL
cluster (tests/pgcluster.py), the Discord stand-in (tests/e2e/standin.py) enforcing
Discord's limits (50 requests a second per bot token across every process, 5 messages
per 5 s a channel, real 429s with `retry_after`, counted), and the real `domestique run`
processes, unmodified, talking to both over real sockets.

The burst: every story goes to every channel (an "all" subscription each) and, as a
transfer, by DM to every fan; stories x (channels + fans) posts (1,000 by default).
It is queued (fan-out as a poll does it) once the processes are connected. Scenarios:

- one process (baseline): `domestique run` with both shards, alone;
- two processes, leader killed: shards 0 and 1 of 2, started together; one of them leads
  (polls and delivers), and shard 1 answers the servers' commands. At half the burst the
  leader gets SIGKILL (its whole process group, parse workers included) and a supervisor
  starts it again at once (its login requests land while the new leader sends);
  whichever of the two tries the lease first leads and finishes the burst.

In both, a moderator's slash command is answered every half second during the burst
(interaction answers are exempt from the global limit, but they share the processes).

Posts are counted as the messages the stand-in created per target (a resend with the
same nonce returns the first message, as Discord does): a double is a story created
twice in one target, a loss one never created. posts/s is posts over the time from the
first to the last post; takeover is the kill to another process leading; resumed is
the kill to the next post made. The dead leader's claimed rows wait for their claim to
lapse (bot/discord/delivery.py CLAIM_LEASE_S, 20 s), which is most of what the killed run
loses against the baseline.

Prints a table, then `delivery_processes_posts_per_s: V (baseline V, ratio)` and the
429s, doubles, losses and takeover of the killed-leader run. Exit status 1 when a post
was doubled or lost; without PostgreSQL's binaries it says so and stops (status 0).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import asyncpg

from feeds.models import StoryTags
from storage import Storage
from tests.e2e.bot_process import BotProcess
from tests.e2e.burst import BURST_FEED_URL, burst_title, fan_out_stories, subscribe_all
from tests.e2e.ratelimits import GLOBAL, ROUTE
from tests.e2e.standin import MODERATOR, DiscordStandIn
from tests.pgcluster import MISSING, PgCluster, missing_binaries, running_cluster

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.stand-in.token-for-benchmarks"
FAN_BASE = 1_400_000_000_000_300_000
CREATED = re.compile(r"/channels/\d+/messages$")
LEADING = "leading: this process polls"
CONNECTED = "connected to Discord"


def bot_env(standin: DiscordStandIn, database: str, shards: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DOMESTIQUE_") and k != "DISCORD_TOKEN"
    }
    env.update(
        PYTHONPATH=str(ROOT),
        DISCORD_TOKEN=TOKEN,
        DOMESTIQUE_DISCORD_API_URL=standin.api_url,
        DOMESTIQUE_DISCORD_GATEWAY_URL=standin.gateway_url,
        DOMESTIQUE_DATABASE=database,
        # Nothing to fetch: the network guard refuses this address without a request.
        DOMESTIQUE_FEEDS="http://127.0.0.1:9/feed.xml",
        DOMESTIQUE_POLL_MINUTES="60",
        DOMESTIQUE_LOG_LEVEL="INFO",
        DOMESTIQUE_SHARD_COUNT="2",
        DOMESTIQUE_SHARD_IDS=shards,
    )
    return env


@dataclass(slots=True)
class Outcome:
    name: str
    processes: int
    posts: int
    created: int = 0
    doubles: int = 0
    losses: int = 0
    seconds: float = 0.0
    route_429s: int = 0
    global_429s: int = 0
    takeover_s: float | None = None
    resumed_s: float | None = None
    asked: int = 0
    answered: int = 0

    @property
    def per_second(self) -> float:
        return self.posts / self.seconds if self.seconds else 0.0


class Burst:
    """The burst's targets and what the stand-in created in each."""

    def __init__(self, standin: DiscordStandIn, fans: int, stories: int) -> None:
        self.standin = standin
        self.channels = standin.extra_channel_ids
        self.fans = [FAN_BASE + n for n in range(fans)]
        self.stories = stories

    @property
    def total(self) -> int:
        return self.stories * (len(self.channels) + len(self.fans))

    async def prepare(self, storage: Storage) -> None:
        """The subscriptions and follows, before the processes start."""
        now = time.time()
        await subscribe_all(storage, self.channels, now)
        for user_id in self.fans:
            await storage.follows.add(user_id, "transfers", None, "each", now, 50)

    async def queue(self, storage: Storage, url: str) -> None:
        await fan_out_stories(storage, self.stories, StoryTags(is_transfer=True))
        counts = await storage.outbox.counts()
        if counts != {"pending": self.total}:
            raise SystemExit(f"the burst queued {counts}, not {self.total} posts")
        # The burst's feed is not one to fetch: never due while the bench runs.
        conn = await asyncpg.connect(url)
        try:
            await conn.execute(
                "UPDATE feeds SET next_attempt_at = $1 WHERE url = $2", 4e9, BURST_FEED_URL
            )
        finally:
            await conn.close()

    def created(self) -> int:
        return len(self._times())

    def _times(self) -> list[float]:
        return [
            r.at
            for r in self.standin.requests
            if r.method == "POST" and r.status == 200 and CREATED.search(r.path)
        ]

    def tally(self, outcome: Outcome, killed_at: float | None) -> None:
        expected = Counter(burst_title(n) for n in range(self.stories))
        targets = [str(c) for c in self.channels]
        targets += [self.standin.dm_channels.get(str(user_id), "") for user_id in self.fans]
        for channel_id in targets:
            messages = self.standin.channel_messages(channel_id) if channel_id else []
            got = Counter(m["embeds"][0]["title"] for m in messages)
            outcome.created += sum(got.values())
            outcome.losses += sum((expected - got).values())
            outcome.doubles += sum((got - expected).values())
        times = sorted(self._times())
        if times:
            outcome.seconds = times[-1] - times[0]
        if killed_at is not None:
            after = [t for t in times if t > killed_at]
            outcome.resumed_s = after[0] - killed_at if after else None
        counts = self.standin.rate_limiter.counts if self.standin.rate_limiter else Counter()
        outcome.route_429s, outcome.global_429s = counts[ROUTE], counts[GLOBAL]


async def ask_moderator_commands(standin: DiscordStandIn, outcome: Outcome) -> None:
    """A moderator's command in the server every half second, until cancelled."""
    while True:
        outcome.asked += 1
        try:
            interaction = await standin.slash("about", permissions=MODERATOR)
            await standin.final(interaction, within=10)
            outcome.answered += 1
        except (RuntimeError, TimeoutError, AssertionError):
            pass  # counted as asked, not answered
        await asyncio.sleep(0.5)


async def until(predicate, within: float, what: str) -> None:
    deadline = time.monotonic() + within
    while not await predicate():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


async def start_processes(
    standin: DiscordStandIn, url: str, workdir: Path, shard_ids: list[str]
) -> list[BotProcess]:
    """The processes started together and connected; the one that leads comes first."""
    processes = [
        BotProcess(f"shard{ids}", bot_env(standin, url, ids), workdir) for ids in shard_ids
    ]
    for process in processes:
        await process.start()
    await asyncio.gather(*(process.wait_for_text(CONNECTED) for process in processes))

    async def one_leads() -> bool:
        return any(process.says(LEADING) for process in processes)

    await until(one_leads, 60, "a process to lead")
    return sorted(processes, key=lambda process: not process.says(LEADING))


async def kill_the_leader(
    leader: BotProcess, follower: BotProcess, burst: Burst, outcome: Outcome
) -> float:
    """SIGKILL at half the burst, started again at once as a supervisor would; returns
    when it was killed, once another process leads."""
    await burst.standin.wait_for(lambda: burst.created() >= burst.total // 2, 120)
    await leader.kill()
    killed_at = time.monotonic()
    first_life = len(leader.text())
    await leader.start()

    async def led_again() -> bool:
        # Whichever tries the lease first leads: the follower, or the one restarted.
        return follower.says(LEADING) or leader.says(LEADING, since=first_life)

    await until(led_again, 60, "another process to lead")
    outcome.takeover_s = time.monotonic() - killed_at
    return killed_at


async def scenario(
    name: str, cluster: PgCluster, args: argparse.Namespace, folder: Path, *, kill: bool
) -> Outcome:
    database = await cluster.create_database()
    url = cluster.url(database)
    workdir = folder / database
    workdir.mkdir()
    async with DiscordStandIn(
        token=TOKEN, extra_channels=args.channels, rate_limits=True
    ) as standin:
        burst = Burst(standin, args.fans, args.stories)
        outcome = Outcome(name, 2 if kill else 1, burst.total)
        storage = await Storage.open(url)
        processes: list[BotProcess] = []
        asking: asyncio.Task | None = None
        try:
            await burst.prepare(storage)
            processes = await start_processes(
                standin, url, workdir, ["0", "1"] if kill else ["0,1"]
            )
            await burst.queue(storage, url)
            asking = asyncio.create_task(ask_moderator_commands(standin, outcome))
            killed_at = None
            if kill:
                killed_at = await kill_the_leader(*processes, burst, outcome)

            async def settled() -> bool:
                return await storage.outbox.counts() == {"sent": burst.total}

            await until(settled, 120 + burst.total / 10, "every post to be sent")
            asking.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await asking
            burst.tally(outcome, killed_at)
            for process in processes:
                if "Traceback" in process.text():
                    raise SystemExit(f"{process.name} logged a traceback:\n{process.text()}")
        finally:
            if asking is not None:
                asking.cancel()
            for process in processes:
                await process.stop()
            await storage.close()
    await cluster.drop_database(database)
    return outcome


def print_table(rows: list[Outcome]) -> None:
    print(
        f"{'scenario':<30} {'proc':>4} {'posts':>6} {'made':>6} {'dbl':>4} {'lost':>4} "
        f"{'seconds':>8} {'posts/s':>8} {'429s':>7} {'takeover':>9} "
        f"{'resumed':>8} {'answers':>8}"
    )
    for r in rows:
        takeover = f"{r.takeover_s:.1f} s" if r.takeover_s is not None else "-"
        resumed = f"{r.resumed_s:.1f} s" if r.resumed_s is not None else "-"
        print(
            f"{r.name:<30} {r.processes:>4} {r.posts:>6} {r.created:>6} {r.doubles:>4} "
            f"{r.losses:>4} {r.seconds:>8.1f} {r.per_second:>8.1f} "
            f"{f'{r.route_429s}r+{r.global_429s}g':>7} {takeover:>9} {resumed:>8} "
            f"{f'{r.answered}/{r.asked}':>8}"
        )
    print(
        "429s: r = a channel's bucket, g = the global limit (50/s per token, all processes); "
        "answers: moderator commands answered during the burst"
    )


async def run(args: argparse.Namespace, cluster: PgCluster) -> tuple[Outcome, Outcome]:
    """The baseline and the killed-leader run on `cluster`; the table and figures printed."""
    with tempfile.TemporaryDirectory(prefix="domestique-bench-") as tmp:
        folder = Path(tmp)
        baseline = await scenario("one process (baseline)", cluster, args, folder, kill=False)
        killed = await scenario("two processes, leader killed", cluster, args, folder, kill=True)
    print_table([baseline, killed])
    ratio = killed.per_second / baseline.per_second if baseline.per_second else 0.0
    print(
        f"delivery_processes: {killed.global_429s + killed.route_429s} 429s, "
        f"{killed.doubles} doubles, {killed.losses} losses, takeover {killed.takeover_s:.1f} s"
    )
    print(
        f"delivery_processes_posts_per_s: {killed.per_second:.1f} "
        f"(baseline {baseline.per_second:.1f}, {ratio:.2f}x)"
    )
    return baseline, killed


async def main_async(args: argparse.Namespace) -> int:
    with running_cluster() as cluster:
        rows = await run(args, cluster)
    return 1 if any(r.doubles or r.losses for r in rows) else 0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--channels", type=int, default=100, help="channels subscribed")
    parser.add_argument("--fans", type=int, default=25, help="fans who get DMs")
    parser.add_argument("--stories", type=int, default=8, help="stories in the burst")
    parser.add_argument("--quick", action="store_true", help="small inputs, a smoke run")
    args = parser.parse_args(argv)
    if args.quick:
        args.channels, args.fans, args.stories = 10, 5, 4
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if missing_binaries():
        print(f"delivery_processes: skipped: {MISSING}")
        return 0
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
