"""`domestique run` and `domestique sync` as separate processes, pointed at a standalone
stand-in (`python -m tests.e2e.standin`) through the two URL settings, driven through
the stand-in's control API: the way an outside check drives the bot."""

from __future__ import annotations

import asyncio
import os
import re
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from tests.e2e.standin import GUILD_ID

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.stand-in.token-for-tests-only"
LOOKUPS = {"rider", "team", "transfers", "news", "about"}


async def spawn(*args: str, env: dict[str, str], cwd: Path) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        *args,
        cwd=cwd,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def stop(process: asyncio.subprocess.Process) -> None:
    """SIGTERM (a clean stop, exit 0), then SIGKILL if it has not ended in 15 s."""
    if process.returncode is None:
        process.terminate()
        try:
            await asyncio.wait_for(process.wait(), 15)
        except TimeoutError:
            process.kill()
            await process.wait()


@pytest.fixture
async def standalone(tmp_path) -> AsyncIterator[dict[str, str]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = await spawn(
        "-m", "tests.e2e.standin", "--port", "0", "--token", TOKEN, env=env, cwd=ROOT
    )
    urls: dict[str, str] = {}
    try:
        while len(urls) < 3:
            line = await asyncio.wait_for(process.stdout.readline(), 10)
            assert line, "the stand-in exited before printing its URLs"
            key, _, value = line.decode().strip().partition("=")
            urls[key] = value
        yield urls
    finally:
        await stop(process)


def bot_env(urls: dict[str, str], tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DOMESTIQUE_") and k != "DISCORD_TOKEN"
    }
    env.update(
        PYTHONPATH=str(ROOT),
        DISCORD_TOKEN=TOKEN,
        DOMESTIQUE_DISCORD_API_URL=urls["DOMESTIQUE_DISCORD_API_URL"],
        DOMESTIQUE_DISCORD_GATEWAY_URL=urls["DOMESTIQUE_DISCORD_GATEWAY_URL"],
        # SQLite by default: `run` on PostgreSQL is tests/e2e/test_two_processes.py.
        DOMESTIQUE_DATABASE=str(tmp_path / "bot.sqlite3"),
        # Nothing to fetch: the SSRF guard refuses this address, and that is fine here.
        DOMESTIQUE_FEEDS="http://127.0.0.1:9/feed.xml",
        DOMESTIQUE_POLL_MINUTES="60",
        **extra,
    )
    return env


async def test_run_against_a_standalone_standin(standalone, tmp_path):
    control = standalone["CONTROL_URL"]
    env = bot_env(standalone, tmp_path, DOMESTIQUE_SYNC_COMMANDS="1")
    bot = await spawn("-m", "bot", "run", env=env, cwd=tmp_path)
    try:
        async with aiohttp.ClientSession() as http:

            async def state() -> dict:
                async with http.get(f"{control}/state") as response:
                    return await response.json()

            for _ in range(200):
                current = await state()
                if current["connected"] and set(current["global_commands"]) >= LOOKUPS:
                    break
                if bot.returncode is not None:
                    break
                await asyncio.sleep(0.1)
            else:
                pytest.fail(f"bot did not connect and sync: {current}")
            assert bot.returncode is None, (await bot.stderr.read()).decode()[-2000:]
            assert set(current["global_commands"]) >= LOOKUPS

            async with http.post(f"{control}/slash", json={"name": "about"}) as response:
                answer = await response.json()
            assert answer["message"]["embeds"][0]["title"] == "Domestique"

            body = {"name": "rider", "focused": "name", "value": "pogi"}
            async with http.post(f"{control}/autocomplete", json=body) as response:
                choices = (await response.json())["choices"]
            assert choices[0]["value"] == "tadej-pogacar"

            async with http.post(f"{control}/reconnect") as response:
                assert response.status == 200
            for _ in range(100):
                if (await state())["resumes"] == 1:
                    break
                await asyncio.sleep(0.1)
            body = {"name": "rider", "options": {"name": "cavendish"}}
            async with http.post(f"{control}/slash", json=body) as response:
                answer = await response.json()
            assert answer["message"]["embeds"][0]["title"] == "Mark Cavendish"
    finally:
        await stop(bot)
    assert bot.returncode == 0, (await bot.stderr.read()).decode()[-2000:]


async def test_sync_command_against_a_standalone_standin(standalone, tmp_path):
    env = bot_env(standalone, tmp_path)
    sync = await spawn("-m", "bot", "sync", "--guild", str(GUILD_ID), env=env, cwd=tmp_path)
    out, err = await asyncio.wait_for(sync.communicate(), 60)
    assert sync.returncode == 0, err.decode()[-2000:]
    synced = re.search(rf"Synced (\d+) commands to server {GUILD_ID}", out.decode())
    assert synced, out.decode()
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"{standalone['CONTROL_URL']}/state") as response,
    ):
        names = (await response.json())["guild_commands"][str(GUILD_ID)]
    assert len(names) == int(synced.group(1))
    assert set(names) >= LOOKUPS


async def test_sync_with_a_refused_token(standalone, tmp_path):
    env = bot_env(standalone, tmp_path)
    env["DISCORD_TOKEN"] = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.wrong.token-refused-by-the-stand-in"
    sync = await spawn("-m", "bot", "sync", env=env, cwd=tmp_path)
    _, err = await asyncio.wait_for(sync.communicate(), 60)
    assert sync.returncode == 5  # EXIT_TOKEN_REFUSED, bot/discord/login.py
    assert "refused the token" in err.decode()
