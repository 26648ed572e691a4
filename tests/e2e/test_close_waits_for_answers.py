"""Closing the bot lets a command's answer under way finish, reply included, before close
returns: whoever owns the bot closes storage next, and a handler still running would go
on using it (bot/discord/answers.py)."""

from __future__ import annotations

import asyncio
from unittest import mock

from bot.discord.answers import answers_under_way
from storage.lookups import Lookups


async def test_close_waits_for_an_answer_under_way(bot, standin):
    entered, release = asyncio.Event(), asyncio.Event()
    real = Lookups.rider_page

    async def slow(self, *args, **kwargs):
        entered.set()
        await release.wait()
        return await real(self, *args, **kwargs)

    with mock.patch.object(Lookups, "rider_page", slow):
        interaction = await standin.slash("rider", {"name": "cavendish"})
        await asyncio.wait_for(entered.wait(), 10)
        closing = asyncio.create_task(bot.close())
        await asyncio.sleep(0.1)
        assert not closing.done(), "close returned with an answer under way"
        release.set()
        await asyncio.wait_for(closing, 10)
    assert not answers_under_way()
    answer = await standin.final(interaction, within=1)
    assert "Sorry" not in (answer.get("content") or "")


async def test_close_gives_up_on_an_answer_that_never_ends(bot, standin, caplog):
    bot.answer_grace_s = 0.2
    entered, never = asyncio.Event(), asyncio.Event()

    async def stuck(self, *args, **kwargs):
        entered.set()
        await never.wait()

    with mock.patch.object(Lookups, "rider_page", stuck):
        await standin.slash("rider", {"name": "cavendish"})
        await asyncio.wait_for(entered.wait(), 10)
        await asyncio.wait_for(bot.close(), 5)
    assert "still under way" in caplog.text
    for task in answers_under_way():
        task.cancel()
