"""`domestique run` stopped by SIGTERM while it answers an interaction: the answer and its
follow-up step (pending notices, read from storage) finish before storage closes, and the
log a moderator reads holds neither a traceback nor discord.py's voice warnings."""

from __future__ import annotations

import asyncio
import signal
import sys
import time
from pathlib import Path

from aiohttp import web

from tests.e2e.conftest import TOKEN
from tests.e2e.standin import DiscordStandIn, Recorded
from tests.e2e.test_standalone import bot_env

GENEROUS_S = 60.0
"""Only catches a hang; the measured figures are printed."""


class HeldAnswers(DiscordStandIn):
    """Holds the bot's answer to an interaction until the test lets it through."""

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.answering = asyncio.Event()
        self.release = asyncio.Event()

    async def _callback(
        self, record: Recorded, interaction_id: str, token: str, body: dict
    ) -> web.Response:
        self.answering.set()
        await self.release.wait()
        return await super()._callback(record, interaction_id, token, body)


def read_log(log_file: Path) -> str:
    return log_file.read_text(errors="replace")


async def wait_for_text(log_file: Path, text: str, process: asyncio.subprocess.Process) -> None:
    deadline = time.monotonic() + GENEROUS_S
    while text not in read_log(log_file):
        assert process.returncode is None, read_log(log_file)[-3000:]
        assert time.monotonic() < deadline, f"no {text!r} in:\n{read_log(log_file)[-3000:]}"
        await asyncio.sleep(0.05)


async def test_sigterm_while_answering_finishes_the_answer_then_closes_storage(tmp_path):
    async with HeldAnswers(token=TOKEN) as standin:
        urls = {
            "DOMESTIQUE_DISCORD_API_URL": standin.api_url,
            "DOMESTIQUE_DISCORD_GATEWAY_URL": standin.gateway_url,
        }
        env = bot_env(urls, tmp_path, DOMESTIQUE_LOG_LEVEL="INFO")
        log_file = tmp_path / "bot.log"
        with log_file.open("wb") as log_out:
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                "run",
                cwd=tmp_path,
                env=env,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=log_out,
                stderr=log_out,
            )
        try:
            await standin.wait_ready(within=GENEROUS_S)
            interaction = await standin.slash("about")
            await asyncio.wait_for(standin.answering.wait(), GENEROUS_S)
            process.send_signal(signal.SIGTERM)
            # The bot has begun to stop (no new jobs, the gateway still up) with the
            # answer still under way; now Discord answers it.
            await wait_for_text(log_file, "stopping", process)
            standin.release.set()
            message = await standin.final(interaction, within=GENEROUS_S)
            began = time.monotonic()
            code = await asyncio.wait_for(process.wait(), GENEROUS_S)
            print(f"stopped {time.monotonic() - began:.2f} s after the answer")
        finally:
            standin.release.set()
            if process.returncode is None:
                process.kill()
                await process.wait()
    log = read_log(log_file)
    assert code == 0, log[-3000:]
    assert message["embeds"][0]["title"] == "Domestique"
    assert "closed database" not in log, log[-3000:]
    assert "Traceback" not in log, log[-3000:]
    # Started and connected; discord.py's voice warnings are not part of it.
    assert "connected to Gateway" in log, log[-3000:]
    assert "PyNaCl" not in log and "davey" not in log, log[-3000:]
