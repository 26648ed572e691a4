"""Fake interactions locked to the real discord.py classes (`spec_set`), with AsyncMock
coroutines, so a test cannot call anything the real objects lack."""

from __future__ import annotations

from unittest import mock

import discord

USER_ID = 1400000000000000001
OTHER_USER_ID = 1400000000000000002


def make_interaction(
    *,
    user_id: int = USER_ID,
    kind: discord.InteractionType = discord.InteractionType.application_command,
    guild_id: int | None = None,
) -> mock.MagicMock:
    interaction = mock.MagicMock(spec_set=discord.Interaction)
    interaction.guild_id = guild_id  # None: a DM, as Discord sends it
    interaction.id = discord.utils.time_snowflake(discord.utils.utcnow())
    interaction.created_at = discord.utils.snowflake_time(interaction.id)
    interaction.type = kind
    user = mock.MagicMock(spec_set=discord.Member)
    user.id = user_id
    interaction.user = user
    interaction.command = None

    response = mock.MagicMock(spec_set=discord.InteractionResponse)
    state = {"done": False}

    def answered(*args, **kwargs):
        state["done"] = True

    response.is_done.side_effect = lambda: state["done"]
    response.type = None
    for name in ("send_message", "defer", "edit_message"):
        setattr(response, name, mock.AsyncMock(side_effect=answered))
    interaction.response = response

    followup = mock.MagicMock(spec_set=discord.Webhook)
    followup.send = mock.AsyncMock()
    interaction.followup = followup
    interaction.edit_original_response = mock.AsyncMock()
    return interaction


def sent(interaction: mock.MagicMock) -> dict:
    """Keyword arguments of the one message the interaction answered with."""
    if interaction.response.send_message.await_count:
        return interaction.response.send_message.await_args.kwargs
    if interaction.edit_original_response.await_count:
        return interaction.edit_original_response.await_args.kwargs
    if interaction.followup.send.await_count:
        return interaction.followup.send.await_args.kwargs
    raise AssertionError("the interaction was never answered")


def text_of(kwargs: dict) -> str:
    parts = [kwargs.get("content") or ""]
    for embed in kwargs.get("embeds") or []:
        parts += [embed.title or "", embed.description or ""]
        parts += [f"{f.name}\n{f.value}" for f in embed.fields]
        parts.append(embed.footer.text or "")
    return "\n".join(parts)
