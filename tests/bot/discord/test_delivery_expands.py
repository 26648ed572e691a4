"""The delivery tick expands queued fan-out before it reads what is due, and a failed
expansion does not stop the sending."""

from __future__ import annotations

import sqlite3
from types import SimpleNamespace

from bot.discord.delivery import Delivery


class Outbox:
    def __init__(self, calls: list[str]) -> None:
        self.calls = calls

    async def due(self, now, limit, *, worker=None):  # type: ignore[no-untyped-def]
        self.calls.append("due")
        return []

    async def renew(self, worker, now, lease_s):  # type: ignore[no-untyped-def]
        return 0

    async def release(self, worker):  # type: ignore[no-untyped-def]
        return None


async def nothing() -> list:
    return []


def worker(calls: list[str], expand) -> Delivery:  # type: ignore[no-untyped-def]
    storage = SimpleNamespace(
        outbox=Outbox(calls),
        subscriptions=SimpleNamespace(digest_due=nothing),
        follows=SimpleNamespace(daily_due=nothing),
    )
    bot = SimpleNamespace(user=SimpleNamespace(id=42), storage=storage, is_ready=lambda: True)
    return Delivery(bot, expand=expand)  # type: ignore[arg-type]


async def test_the_tick_expands_queued_fan_out_first():
    calls: list[str] = []

    async def expand() -> None:
        calls.append("expand")

    await worker(calls, expand).run_once()
    assert calls == ["expand", "due"]


async def test_a_failed_expansion_leaves_the_sending_to_go_on():
    calls: list[str] = []

    async def expand() -> None:
        calls.append("expand")
        raise sqlite3.OperationalError("database is locked")

    await worker(calls, expand).run_once()
    assert calls == ["expand", "due"]


async def test_a_bug_in_expansion_leaves_the_sending_to_go_on(caplog):
    calls: list[str] = []

    async def expand() -> None:
        calls.append("expand")
        raise KeyError("focus")  # a queue record another release wrote, say

    await worker(calls, expand).run_once()
    assert calls == ["expand", "due"]
    assert "fan-out expansion failed" in caplog.text and "KeyError" in caplog.text
