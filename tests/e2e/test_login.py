"""Logging in when Discord refuses the token or cannot be reached yet: the real discord.py
client against the stand-in, in this process and as `domestique run` / `sync` processes.

"Not reachable yet" is a loopback port with nothing listening, where the stand-in starts
once the bot has said it is waiting. Timeouts here only catch hangs; nothing is timed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import AsyncIterator, Iterator
from unittest import mock

import aiohttp
import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.discord import login
from bot.discord.client import DomestiqueBot
from bot.settings import Settings
from storage import Storage
from tests.e2e.conftest import TODAY
from tests.e2e.standin import DiscordStandIn
from tests.e2e.test_standalone import TOKEN, bot_env, spawn, standalone, stop  # noqa: F401
from tests.e2e.world import StaticRosterState, small_roster

HOST = "127.0.0.3"  # its own address: no other test's server listens here
HANG = 60  # seconds after which a wait is a hang, not a slow machine


def free_port(host: str = HOST) -> int:
    """A port nothing listens on now (the stand-in takes it later)."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def urls(port: int) -> dict[str, str]:
    return {
        "DOMESTIQUE_DISCORD_API_URL": f"http://{HOST}:{port}/api/v10",
        "DOMESTIQUE_DISCORD_GATEWAY_URL": f"ws://{HOST}:{port}/gateway",
    }


@contextlib.asynccontextmanager
async def standin_on(port: int) -> AsyncIterator[DiscordStandIn]:
    """The stand-in, started late on the port the bot has been trying."""
    standin = DiscordStandIn(token=TOKEN)
    await standin.start(host=HOST, port=port)
    try:
        yield standin
    finally:
        await standin.close()


class Warnings(logging.Handler):
    """The login module's warnings, with an event per line (no sleeping in tests)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []
        self.changed = asyncio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())
        self.changed.set()

    async def wait_for(self, count: int) -> None:
        while len(self.lines) < count:
            self.changed.clear()
            await asyncio.wait_for(self.changed.wait(), HANG)


@pytest.fixture
def warnings() -> Iterator[Warnings]:
    handler = Warnings()
    logger = logging.getLogger("bot.discord.login")
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)


@pytest.fixture
async def make_bot(tmp_path) -> AsyncIterator:
    # SQLite only: logging in never reaches the storage (PostgreSQL: test_two_processes).
    storage = await Storage.open(tmp_path / "db.sqlite3")
    bots: list[DomestiqueBot] = []

    def make(port: int) -> DomestiqueBot:
        settings = Settings(
            discord_token=TOKEN,
            discord_api_url=urls(port)["DOMESTIQUE_DISCORD_API_URL"],
            discord_gateway_url=urls(port)["DOMESTIQUE_DISCORD_GATEWAY_URL"],
        )
        bot = DomestiqueBot(
            settings=settings,
            storage=storage,
            http_session=mock.MagicMock(spec_set=aiohttp.ClientSession),
            scheduler=AsyncIOScheduler(timezone="UTC"),
            roster_state=StaticRosterState(small_roster()),
            today=lambda: TODAY,
            guild_ready_timeout=0.1,
        )
        bots.append(bot)
        return bot

    yield make
    for bot in bots:
        await bot.close()
    await storage.close()


# --- in this process --------------------------------------------------------------------


async def test_a_refused_token_is_not_retried(make_bot, warnings):
    port = free_port()
    async with standin_on(port) as standin:
        bot = make_bot(port)
        with pytest.raises(login.TokenRefused, match=r"refused the token \(DISCORD_TOKEN\)"):
            await login.login(bot, "x" * 60, asyncio.Event(), first_wait=0.01)
    assert warnings.lines == []
    assert len(standin.find("GET", "/users/@me")) == 1


async def test_the_bot_connects_once_discord_appears(make_bot, warnings):
    port = free_port()
    bot = make_bot(port)
    stop = asyncio.Event()
    runner = asyncio.create_task(login.run(bot, TOKEN, stop, first_wait=0.05))
    await warnings.wait_for(1)
    first = warnings.lines[0]
    assert first.startswith(f"Discord unreachable (cannot connect to {HOST}:{port}: "), first
    assert first.endswith("); retrying in 0.05 s"), first
    async with standin_on(port) as standin:
        await asyncio.wait_for(bot.wait_until_ready(), HANG)
        assert standin.identifies == 1 and not runner.done()
        assert len(standin.find("GET", "/users/@me")) == 1  # the first try that got through
        await bot.close()
        await asyncio.wait_for(runner, HANG)


async def test_waits_double_up_to_the_longest(make_bot, warnings):
    bot = make_bot(free_port())
    stop = asyncio.Event()
    attempt = asyncio.create_task(login.login(bot, TOKEN, stop, first_wait=0.01, longest_wait=0.04))
    await warnings.wait_for(5)
    stop.set()
    assert await asyncio.wait_for(attempt, HANG) is False
    waits = [line.rpartition("retrying in ")[2] for line in warnings.lines[:5]]
    assert waits == ["0.01 s", "0.02 s", "0.04 s", "0.04 s", "0.04 s"]


async def test_a_stop_ends_the_wait(make_bot, warnings):
    bot = make_bot(free_port())
    stop = asyncio.Event()
    attempt = asyncio.create_task(login.login(bot, TOKEN, stop, first_wait=3600))
    await warnings.wait_for(1)
    stop.set()  # an hour's wait ends now: a hang would hit HANG
    assert await asyncio.wait_for(attempt, HANG) is False


# --- as processes ---------------------------------------------------------------------------


async def _read_until(stream: asyncio.StreamReader, text: str, seen: list[str]) -> None:
    while True:
        line = await asyncio.wait_for(stream.readline(), HANG)
        assert line, f"the process ended before printing {text!r}: {''.join(seen)[-2000:]}"
        seen.append(line.decode())
        if text in seen[-1]:
            return


async def _rest(stream: asyncio.StreamReader, seen: list[str]) -> str:
    seen.append((await asyncio.wait_for(stream.read(), HANG)).decode())
    return "".join(seen)


async def test_run_with_a_refused_token_says_so_in_one_line(standalone, tmp_path):  # noqa: F811
    env = bot_env(standalone, tmp_path, DOMESTIQUE_LOG_LEVEL="ERROR")  # only what is wrong
    env["DISCORD_TOKEN"] = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.wrong.token-refused-by-the-stand-in"
    bot = await spawn("-m", "bot", "run", env=env, cwd=tmp_path)
    _, err = await asyncio.wait_for(bot.communicate(), HANG * 2)
    assert bot.returncode == login.EXIT_TOKEN_REFUSED, err.decode()[-2000:]
    assert err.decode().splitlines() == [
        "domestique: Discord refused the token (DISCORD_TOKEN); copy it again from the "
        "Developer Portal (Bot, Reset Token)"
    ]


async def test_sync_with_a_refused_token_has_its_own_exit_status(standalone, tmp_path):  # noqa: F811
    env = bot_env(standalone, tmp_path)
    env["DISCORD_TOKEN"] = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.wrong.token-refused-by-the-stand-in"
    sync = await spawn("-m", "bot", "sync", env=env, cwd=tmp_path)
    _, err = await asyncio.wait_for(sync.communicate(), HANG * 2)
    assert sync.returncode == login.EXIT_TOKEN_REFUSED
    assert "Traceback" not in err.decode() and "refused the token" in err.decode()


async def test_run_started_before_discord_is_reachable_connects_by_itself(tmp_path):
    port = free_port()
    bot = await spawn("-m", "bot", "run", env=bot_env(urls(port), tmp_path), cwd=tmp_path)
    seen: list[str] = []
    try:
        await _read_until(bot.stderr, "Discord unreachable", seen)
        assert f"cannot connect to {HOST}:{port}" in seen[-1] and "retrying in 2 s" in seen[-1]
        async with standin_on(port) as standin:
            await standin.wait_for(lambda: standin.connected and standin.identifies == 1, HANG)
            assert bot.returncode is None
            await stop(bot)
    finally:
        await stop(bot)
    err = await _rest(bot.stderr, seen)
    assert bot.returncode == 0, err[-2000:]
    assert "Traceback" not in err and "Unclosed" not in err, err[-2000:]


async def test_run_waiting_for_discord_stops_cleanly_on_sigterm(tmp_path):
    bot = await spawn("-m", "bot", "run", env=bot_env(urls(free_port()), tmp_path), cwd=tmp_path)
    seen: list[str] = []
    try:
        await _read_until(bot.stderr, "Discord unreachable", seen)
    finally:
        await stop(bot)  # SIGTERM during the 2 s wait
    err = await _rest(bot.stderr, seen)
    assert bot.returncode == 0, err[-2000:]
    assert "Traceback" not in err and "Unclosed" not in err, err[-2000:]


async def test_sync_waits_for_discord_and_can_be_stopped(tmp_path):
    port = free_port()
    env = bot_env(urls(port), tmp_path)
    sync = await spawn("-m", "bot", "sync", env=env, cwd=tmp_path)
    seen: list[str] = []
    try:
        await _read_until(sync.stderr, "Discord unreachable", seen)
    finally:
        await stop(sync)
    err = await _rest(sync.stderr, seen)
    assert sync.returncode == 1 and "stopped; no commands were synced" in err, err[-2000:]
    assert "Traceback" not in err, err[-2000:]

    # And, started before Discord is reachable, it syncs once Discord appears.
    sync = await spawn("-m", "bot", "sync", env=env, cwd=tmp_path)
    try:
        await _read_until(sync.stderr, "Discord unreachable", [])
        async with standin_on(port) as standin:
            out, err_bytes = await asyncio.wait_for(sync.communicate(), HANG)
    finally:
        await stop(sync)
    assert sync.returncode == 0, err_bytes.decode()[-2000:]
    assert "Synced" in out.decode() and standin.global_commands
