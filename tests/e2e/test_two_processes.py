"""Two `domestique run` processes, shards 0 and 1 of 2, on one PostgreSQL database and
the Discord stand-in: each answers its own shards' interactions; one of them (the leader)
polls and delivers; killed mid-delivery (SIGKILL, its post carried out by Discord but the
answer never read), nothing is lost or doubled and the other polls within 30 s.

The stand-in's servers are both on shard 1 of 2 ((guild_id >> 22) % 2), DMs on shard 0:
the shard 0 process answers DMs, the shard 1 process the servers' commands.
"""

from __future__ import annotations

import asyncio
import signal
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
import pytest
from aiohttp import web

from tests.e2e.conftest import TOKEN
from tests.e2e.standin import CHANNEL_ID, MODERATOR, ChannelRef, DiscordStandIn
from tests.e2e.test_delivery import OLD, feed, item
from tests.e2e.test_standalone import bot_env
from tests.feedserver import FeedServer

GENEROUS_S = 150.0
"""Only catches a hang (the poll job ticks once a minute); times are printed."""
TAKEOVER_S = 30.0
"""The issue's bound: a killed leader is replaced, and polling resumes, within this."""
POSTS = f"/channels/{CHANNEL_ID}/messages"


class HeldPosts(DiscordStandIn):
    """Holds posts to the subscribed channel until the test lets them through."""

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.posting = asyncio.Event()
        self.release = asyncio.Event()

    async def _rest(self, request: web.Request) -> web.Response:
        if request.method == "POST" and request.path.endswith(POSTS):
            self.posting.set()
            await self.release.wait()
        return await super()._rest(request)


class Process:
    def __init__(self, name: str, log: Path, process: asyncio.subprocess.Process) -> None:
        self.name, self.log, self.process = name, log, process

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    async def wait_for_text(self, text: str, within: float = GENEROUS_S) -> float:
        began = time.monotonic()
        while text not in self.text():
            assert self.process.returncode is None, f"{self.name} ended:\n{self.text()[-3000:]}"
            assert time.monotonic() - began < within, f"no {text!r}:\n{self.text()[-3000:]}"
            await asyncio.sleep(0.05)
        return time.monotonic() - began

    async def end(self) -> None:
        if self.process.returncode is None:
            self.process.kill()
            await self.process.wait()


async def start(name: str, env: dict[str, str], folder: Path) -> Process:
    log = folder / f"{name}.log"
    with log.open("wb") as out:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run",
            cwd=folder, env=env, stdin=asyncio.subprocess.DEVNULL, stdout=out, stderr=out,
        )  # fmt: skip
    return Process(name, log, process)


async def until(predicate, within: float = GENEROUS_S) -> float:
    began = time.monotonic()
    while not await predicate():
        assert time.monotonic() - began < within, "not so in time"
        await asyncio.sleep(0.1)
    return time.monotonic() - began


async def test_shards_in_two_processes_deliver_once_through_a_killed_leader(pg_url, tmp_path):
    async with HeldPosts(token=TOKEN) as standin, FeedServer() as feeds:
        feed_url = feeds.publish("/feed.xml", feed(OLD))
        db = await asyncpg.connect(pg_url)
        processes: list[Process] = []
        try:
            urls = {
                "DOMESTIQUE_DISCORD_API_URL": standin.api_url,
                "DOMESTIQUE_DISCORD_GATEWAY_URL": standin.gateway_url,
            }

            def env(shard: int) -> dict[str, str]:
                values = bot_env(urls, tmp_path, DOMESTIQUE_LOG_LEVEL="INFO")
                values.update(
                    DOMESTIQUE_DATABASE=pg_url,
                    DOMESTIQUE_FEEDS=feed_url,
                    DOMESTIQUE_ALLOW_PRIVATE_HOSTS="127.0.0.1",
                    DOMESTIQUE_POLL_MINUTES="1",
                    DOMESTIQUE_SHARD_COUNT="2",
                    DOMESTIQUE_SHARD_IDS=str(shard),
                )
                return values

            first = await start("shard0", env(0), tmp_path)
            processes.append(first)
            await first.wait_for_text("leading")
            # Its first poll stores what the feed holds as earlier stories (not news).
            await until(lambda: _count(db, "SELECT count(*) FROM articles"))
            second = await start("shard1", env(1), tmp_path)
            processes.append(second)
            await second.wait_for_text("connected to Discord")
            await first.wait_for_text("connected to Discord")
            assert sorted(standin.shard_connections()) == [(0, 2), (1, 2)]

            # Each process answers its own shards' interactions.
            subscribe = await standin.slash(
                "subscribe",
                {"channel": ChannelRef(CHANNEL_ID), "what": "all"},
                permissions=MODERATOR,
            )
            answer = await standin.final(subscribe, within=GENEROUS_S)
            assert answer["content"].startswith("Subscribed"), answer
            in_dm = await standin.slash("about", dm=True)
            assert (await standin.final(in_dm, within=GENEROUS_S))["embeds"]
            assert (subscribe.shard, in_dm.shard) == ((1, 2), (0, 2))

            # A new story; the leader's next poll fans it out and its delivery posts it.
            feeds.publish("/feed.xml", feed(item("Breaking: new story", "new", _now()), OLD))
            await db.execute("UPDATE feeds SET next_attempt_at = 0")
            await asyncio.wait_for(standin.posting.wait(), GENEROUS_S)
            assert "leading" not in second.text()  # only the leader delivers

            # Killed mid-delivery: Discord carries the post out, the answer is never read.
            first.process.send_signal(signal.SIGKILL)
            await first.process.wait()
            killed = time.monotonic()
            requests_before = len(feeds.requests_for("/feed.xml"))
            await db.execute("UPDATE feeds SET next_attempt_at = 0")  # due at once
            standin.release.set()

            took_over = await second.wait_for_text("leading", within=TAKEOVER_S)

            async def polled_again() -> bool:
                return len(feeds.requests_for("/feed.xml")) > requests_before

            await until(polled_again, within=TAKEOVER_S - (time.monotonic() - killed))
            polled = time.monotonic() - killed
            await until(lambda: _count(db, "SELECT count(*) FROM outbox WHERE state = 'sent'"))
            delivered = time.monotonic() - killed
            print(
                f"after the kill: leading {took_over:.1f} s, polling {polled:.1f} s, "
                f"post settled {delivered:.1f} s"
            )
            rows = await db.fetch("SELECT state, message_id FROM outbox")
            messages = standin.channel_messages(CHANNEL_ID)
            assert len(messages) == 1, messages  # exactly once
            assert [(r["state"], str(r["message_id"])) for r in rows] == [
                ("sent", messages[0]["id"])
            ]
            sends = standin.find("POST", POSTS)
            assert len(sends) == 2  # the killed leader's, the new leader's retry
            assert len({s.json["nonce"] for s in sends}) == 1
            # The shard 1 process still answers its servers; no one is left on shard 0.
            again = await standin.slash("about")
            assert (await standin.final(again, within=GENEROUS_S))["embeds"]
            with pytest.raises(RuntimeError, match="no bot is connected"):
                await standin.slash("about", dm=True)
            second.process.send_signal(signal.SIGTERM)
            assert await asyncio.wait_for(second.process.wait(), GENEROUS_S) == 0
            assert "Traceback" not in second.text(), second.text()[-3000:]
        finally:
            standin.release.set()
            for process in processes:
                await process.end()
            await db.close()


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


async def _count(db: asyncpg.Connection, sql: str) -> bool:
    return bool(await db.fetchval(sql))
