"""`domestique run` as a separate process, for tests and benchmarks that kill it."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
from pathlib import Path

START_S = 60.0
"""How long a process may take to say something (a loaded machine; normally 2-4 s)."""


class BotProcess:
    """`python -m bot run` in a process group of its own (SIGKILL takes its parse workers
    too), its output in a log file."""

    def __init__(self, name: str, env: dict[str, str], folder: Path) -> None:
        self.name, self.env, self.folder = name, env, folder
        self.log = folder / f"{name}.log"
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        with self.log.open("ab") as out:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "run",
                cwd=self.folder, env=self.env, stdin=asyncio.subprocess.DEVNULL,
                stdout=out, stderr=out, start_new_session=True,
            )  # fmt: skip

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def says(self, text: str, since: int = 0) -> bool:
        """Whether its output holds `text` after its first `since` characters."""
        return text in self.text()[since:]

    async def wait_for_text(self, text: str, within: float = START_S) -> float:
        """Seconds until `text` is in its output; RuntimeError if it ends or takes too long."""
        began = time.monotonic()
        while not self.says(text):
            if self.process is None or self.process.returncode is not None:
                raise RuntimeError(f"{self.name} ended:\n{self.text()[-3000:]}")
            if time.monotonic() - began > within:
                raise RuntimeError(f"{self.name}: no {text!r} in {within:.0f} s")
            await asyncio.sleep(0.02)
        return time.monotonic() - began

    async def kill(self) -> None:
        if self.process is not None and self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            await self.process.wait()

    async def stop(self) -> None:
        """SIGTERM (a clean stop), SIGKILL if it has not ended in 20 s."""
        if self.process is None or self.process.returncode is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(self.process.wait(), 20)
        except TimeoutError:
            await self.kill()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)  # a parse worker left behind
