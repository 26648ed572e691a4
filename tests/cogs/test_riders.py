from __future__ import annotations

import asyncio
import datetime

import discord
import pytest

from bot.discord.tree import UnknownName
from feeds.roster import parse_roster
from tests.cogs.helpers import make_interaction, sent, text_of
from tests.e2e.world import SEED_URL


def cog(bot, name):
    return bot.get_cog(name)


async def test_rider_by_name(bot):
    riders = cog(bot, "Riders")
    interaction = make_interaction()
    await riders.rider.callback(riders, interaction, "cavendish")
    kwargs = sent(interaction)
    (embed,) = kwargs["embeds"]
    assert embed.title == "Mark Cavendish"
    assert SEED_URL in embed.description
    assert "view" not in kwargs  # one page only: no buttons
    interaction.response.defer.assert_not_awaited()


async def test_rider_by_autocomplete_value_shows_latest_move(bot):
    riders = cog(bot, "Riders")
    interaction = make_interaction()
    await riders.rider.callback(riders, interaction, "michael-morkov")
    text = text_of(sent(interaction))
    assert "Michael Mørkøv" in text
    assert "Soudal Quick-Step → Astana Qazaqstan" in text and "rumour" in text


async def test_unknown_rider_raises_with_suggestions(bot):
    riders = cog(bot, "Riders")
    interaction = make_interaction()
    with pytest.raises(UnknownName) as caught:
        await riders.rider.callback(riders, interaction, "Michael")  # two riders
    assert {s.split(" (")[0] for s in caught.value.suggestions[:2]} == {
        "Michael Mørkøv",
        "Michael Woods",
    }
    assert caught.value.message.startswith("No rider called Michael.")
    interaction.response.send_message.assert_not_awaited()


async def test_slow_rider_lookup_defers_then_edits(bot):
    riders = cog(bot, "Riders")
    bot.defer_after = 0.05
    real = bot.lookups.rider_page  # the page's one lookup, on either engine

    async def slow(*args, **kwargs):
        await asyncio.sleep(0.2)
        return await real(*args, **kwargs)

    bot.lookups.rider_page = slow
    interaction = make_interaction()
    await riders.rider.callback(riders, interaction, "cavendish")
    interaction.response.defer.assert_awaited_once_with(thinking=True, ephemeral=False)
    edit = interaction.edit_original_response.await_args.kwargs
    assert edit["embeds"][0].title == "Mark Cavendish"
    interaction.response.send_message.assert_not_awaited()


async def test_rider_autocomplete(bot):
    riders = cog(bot, "Riders")
    interaction = make_interaction(kind=discord.InteractionType.autocomplete)
    choices = await riders.rider_name(interaction, "pogi")
    assert choices[0].value == "tadej-pogacar"
    assert choices[0].name.startswith("Tadej Pogačar")
    assert len(choices) <= 25
    assert await riders.rider_name(interaction, "") == []


async def test_an_interaction_that_arrived_late_is_deferred_at_once(bot):
    riders = cog(bot, "Riders")
    real = bot.lookups.rider_page  # the page's one lookup, on either engine

    async def a_little_slow(*args, **kwargs):
        await asyncio.sleep(0.1)
        return await real(*args, **kwargs)

    bot.lookups.rider_page = a_little_slow
    interaction = make_interaction()
    # Created at Discord 1.95 s ago: only 50 ms are left before we must acknowledge it.
    interaction.created_at = discord.utils.utcnow() - datetime.timedelta(seconds=1.95)
    await riders.rider.callback(riders, interaction, "cavendish")
    interaction.response.defer.assert_awaited_once()
    assert interaction.edit_original_response.await_args.kwargs["embeds"]


async def test_a_replaced_roster_is_searchable_at_once(bot):
    extra = parse_roster(
        '[[rider]]\nname = "Isaac del Toro"\naliases = ["El Torito"]\nnationality = "MEX"\n'
        'teams = [{ team = "uae", from = 2024 }]\n'
    )
    bot.roster_state.replace(bot.roster_state.roster.merged(extra))
    riders = cog(bot, "Riders")
    choices = await riders.rider_name(make_interaction(), "torito")
    assert choices[0].value == "isaac-del-toro"
    assert choices[0].name == "Isaac del Toro (UAE Team Emirates XRG)"
