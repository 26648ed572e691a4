"""Discord's global rate limit (50 requests a second per bot token), kept by every request
this process makes, whatever the delays on the way.

The delivery worker paces its sends (45 a second, evenly spaced), but pacing decides
when a request is *started*: a busy event loop here, or a slow hop on the way, can make
requests started a second apart reach Discord within the same second, and Discord counts
them there. At 45 a second, a stall of a tenth of a second was enough for a few global
429s per thousand posts (bench/delivery_processes.py on a loaded machine).

So each request that counts holds one of `limit` slots from the moment it starts until
`per_s` after its answer came back. Discord receives and counts a request between those
two moments; any `per_s` Discord counts over then holds at most `limit` of ours, however
they bunched up. It costs the answer's latency per request (about 45/(1 + latency) a
second).

Installed on discord.py's HTTP session (`http_trace`), so it sees every REST request:
posts, DM channels opened, history reads, race threads, the login's. Interaction answers
(`/interactions/...` callbacks, `/webhooks/...` followups and edits) are exempt from the
global limit on Discord's side and here; the gateway is not REST.

Across processes: only the leader sends in bulk (bot/pipeline/jobs.py); the others send
interaction answers and, once per start, their login requests (2-3), which fit in the
headroom between `limit` and Discord's 50.
"""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import aiohttp
import discord
import yarl

LIMIT = 45
PER_S = 1.0
_EXEMPT = ("/interactions/", "/webhooks/")


class GlobalLimit:
    def __init__(self, limit: int = LIMIT, per_s: float = PER_S) -> None:
        self.limit = limit
        self.per_s = per_s
        self._slots: asyncio.Semaphore | None = None
        self.counted = 0
        """Requests that took a slot (for tests and benchmarks)."""

    def counts(self, url: yarl.URL) -> bool:
        """Whether Discord counts this request against the global limit."""
        text = str(url)
        base = discord.http.Route.BASE
        if not text.startswith(base):
            return False  # the gateway's websocket, or not Discord
        rest = text[len(base) :]
        return not rest.startswith(_EXEMPT)

    def trace_config(self) -> aiohttp.TraceConfig:
        """For discord.py's client: `commands.Bot(..., http_trace=limit.trace_config())`."""
        config = aiohttp.TraceConfig()
        config.on_request_start.append(self._started)
        config.on_request_end.append(self._ended)
        config.on_request_exception.append(self._ended)
        return config

    async def _started(
        self, session: aiohttp.ClientSession, context: SimpleNamespace, params: Any
    ) -> None:
        if not self.counts(params.url):
            return
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.limit)
        await self._slots.acquire()
        context.global_slot = True
        self.counted += 1

    async def _ended(
        self, session: aiohttp.ClientSession, context: SimpleNamespace, params: Any
    ) -> None:
        if getattr(context, "global_slot", False) and self._slots is not None:
            context.global_slot = False
            asyncio.get_running_loop().call_later(self.per_s, self._slots.release)
