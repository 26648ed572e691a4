"""The one error handler, the reply helper and the paging view."""

from __future__ import annotations

import logging
from unittest import mock

import discord
from discord import app_commands

from bot.discord.tree import APOLOGY, UnknownName, reply
from bot.discord.views import Pager
from tests.cogs.helpers import OTHER_USER_ID, make_interaction, sent


async def test_expected_errors_get_short_ephemeral_answers(bot):
    cooldown = app_commands.CommandOnCooldown(app_commands.Cooldown(1, 30), 12.3)
    cases = [
        (UnknownName("rider", "Zzz", ["Mark Cavendish (retired)"]), "No rider called Zzz."),
        (cooldown, "try again in 12 s"),
        (app_commands.MissingPermissions(["manage_guild"]), "manage server"),
        (app_commands.NoPrivateMessage(), "only works in a server"),
        (app_commands.CheckFailure(), "can't use that command"),
    ]
    for error, expected in cases:
        interaction = make_interaction()
        await bot.tree.on_error(interaction, error)
        kwargs = sent(interaction)
        assert kwargs["ephemeral"] is True
        assert expected in kwargs["content"], (error, kwargs["content"])


async def test_unexpected_error_is_logged_with_traceback_and_apologised_for(bot, caplog):
    interaction = make_interaction()
    command = bot.tree.get_command("rider")
    interaction.command = command
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        error = app_commands.CommandInvokeError(command, exc)
    with caplog.at_level(logging.ERROR, logger="bot.discord.tree"):
        await bot.tree.on_error(interaction, error)
    assert sent(interaction) == {"embeds": [], "ephemeral": True, "content": APOLOGY}
    record = next(r for r in caplog.records if r.name == "bot.discord.tree")
    assert record.exc_info and record.exc_info[0] is ZeroDivisionError
    assert "/rider" in record.getMessage()


async def test_error_after_a_defer_goes_through_the_followup(bot):
    interaction = make_interaction()
    await interaction.response.defer()
    await bot.tree.on_error(interaction, UnknownName("team", "X", []))
    interaction.followup.send.assert_awaited_once()
    assert interaction.followup.send.await_args.kwargs["ephemeral"] is True


async def test_error_after_a_thinking_defer_edits_the_thinking_message(bot):
    interaction = make_interaction()
    await interaction.response.defer(thinking=True)
    interaction.response.type = discord.InteractionResponseType.deferred_channel_message
    await bot.tree.on_error(interaction, UnknownName("team", "X", []))
    edit = interaction.edit_original_response.await_args.kwargs
    assert edit["content"].startswith("No team called X.") and edit["embeds"] == []
    interaction.followup.send.assert_not_awaited()


async def test_reply_truncates_content():
    interaction = make_interaction()
    await reply(interaction, "x" * 5000)
    assert len(sent(interaction)["content"]) == 2000


async def _page(page: int):
    return discord.Embed(title=f"page {page}"), page < 2


async def test_pager_only_lets_its_owner_turn_pages():
    view = Pager(owner_id=1, render_page=_page)
    stranger = make_interaction(user_id=OTHER_USER_ID, kind=discord.InteractionType.component)
    assert await view.interaction_check(stranger) is False
    assert sent(stranger)["ephemeral"] is True
    owner = make_interaction(user_id=1, kind=discord.InteractionType.component)
    assert await view.interaction_check(owner) is True


async def test_pager_turns_pages_and_disables_at_the_ends():
    view = Pager(owner_id=1, render_page=_page)
    assert view.newer.disabled and not view.older.disabled
    click = make_interaction(user_id=1, kind=discord.InteractionType.component)
    await view.older.callback(click)
    kwargs = click.response.edit_message.await_args.kwargs
    assert kwargs["embeds"][0].title == "page 1" and kwargs["view"] is view
    await view.older.callback(make_interaction(user_id=1, kind=discord.InteractionType.component))
    assert view.page == 2 and view.older.disabled and not view.newer.disabled


async def test_pager_timeout_disables_buttons_on_the_message():
    view = Pager(owner_id=1, render_page=_page)
    origin = make_interaction()
    view.bind(origin)
    await view.on_timeout()
    edited = origin.edit_original_response.await_args.kwargs["view"]
    assert all(item.disabled for item in edited.children)


async def test_pager_timeout_survives_an_expired_token():
    view = Pager(owner_id=1, render_page=_page)
    origin = make_interaction()
    response = mock.MagicMock(status=401, reason="Unauthorized")
    origin.edit_original_response.side_effect = discord.HTTPException(response, "expired")
    view.bind(origin)
    await view.on_timeout()  # no exception
