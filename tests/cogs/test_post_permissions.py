"""Which permissions /subscribe asks for, by kind of channel."""

from __future__ import annotations

from unittest import mock

import discord

from cogs.subscriptions import missing_permissions

POST = {"view_channel": True, "send_messages": True, "embed_links": True}


def channel(kind: type, **granted: bool) -> mock.MagicMock:
    target = mock.MagicMock(spec=kind)
    target.permissions_for.return_value = discord.Permissions(**granted)
    return target


def test_a_text_channel_needs_view_send_and_embed():
    me = mock.MagicMock(spec=discord.Member)
    assert missing_permissions(channel(discord.TextChannel, **POST), me) == []
    assert missing_permissions(channel(discord.TextChannel, view_channel=True), me) == [
        "Send Messages",
        "Embed Links",
    ]


def test_a_forum_also_needs_read_message_history():
    # Without it the bot cannot find a post it made whose answer was lost, and
    # forum posts take no nonce: it would post twice.
    me = mock.MagicMock(spec=discord.Member)
    assert missing_permissions(channel(discord.ForumChannel, **POST), me) == [
        "Read Message History"
    ]
    readable = channel(discord.ForumChannel, **POST, read_message_history=True)
    assert missing_permissions(readable, me) == []
