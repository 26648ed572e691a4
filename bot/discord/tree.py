"""The command tree: one error handler for every slash command, and the reply helpers.

Expected failures (an unknown rider, a bad option, a missing permission, a cooldown)
get a short ephemeral explanation; anything else is logged with its traceback and
the user gets an ephemeral apology. Nobody is ever left with "The application did
not respond".
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass, field

import discord
from discord import app_commands

from bot.discord import render

log = logging.getLogger(__name__)

DEFER_AFTER_S = 1.5
"""Discord drops an interaction not answered within 3 s; past this much work, defer."""
ANSWER_BY_S = 2.0
"""Latest moment, counted from the interaction's creation at Discord, to start answering."""

APOLOGY = "Sorry, something went wrong on our side while answering that. It has been logged."
OUT_OF_DATE = (
    "This command is out of date on this server. A bot admin can refresh the commands "
    "with `domestique sync`."
)


class UserFacingError(app_commands.AppCommandError):
    """An expected failure whose message is shown to the user as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UnknownName(UserFacingError):
    """A name the roster does not know, answered with the closest names it does."""

    def __init__(self, kind: str, typed: str, suggestions: Sequence[str]) -> None:
        super().__init__(render.suggestions_text(kind, typed, suggestions))
        self.kind = kind
        self.typed = typed
        self.suggestions = list(suggestions)


class AmbiguousName(UserFacingError):
    """A name several entities share: the user picks one from autocomplete."""

    def __init__(self, kind: str, typed: str, labels: Sequence[str]) -> None:
        shown = render.truncate(render.escape(typed), 100)
        options = ", ".join(render.escape(label) for label in labels[:10])
        super().__init__(
            render.truncate(
                f"More than one {kind} is called {shown}: {options}. "
                "Pick one from the suggestions as you type.",
                render.CONTENT_LIMIT,
            )
        )
        self.kind = kind
        self.typed = typed
        self.labels = list(labels)


def _names(permissions: Sequence[str]) -> str:
    return ", ".join(p.replace("_", " ").replace("guild", "server") for p in permissions)


def expected_message(error: app_commands.AppCommandError) -> str | None:
    """The explanation for an expected error, or None for a bug."""
    if isinstance(error, UserFacingError):
        return error.message
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Easy on the pedals: try again in {max(error.retry_after, 1):.0f} s."
    if isinstance(error, app_commands.MissingPermissions):
        return f"You need the {_names(error.missing_permissions)} permission for that."
    if isinstance(error, app_commands.BotMissingPermissions):
        return f"I need the {_names(error.missing_permissions)} permission for that here."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "That command only works in a server."
    if isinstance(error, app_commands.TransformerError):
        value = render.truncate(render.escape(str(error.value)), 100)
        return f"{value} is not a valid value for that option."
    if isinstance(error, app_commands.CheckFailure):
        return "You can't use that command here."
    if isinstance(error, (app_commands.CommandNotFound, app_commands.CommandSignatureMismatch)):
        return OUT_OF_DATE
    return None


class DomestiqueTree(app_commands.CommandTree):
    async def on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        message = expected_message(error)
        if message is None:
            command = interaction.command.qualified_name if interaction.command else "?"
            cause = error.original if isinstance(error, app_commands.CommandInvokeError) else error
            log.error("/%s failed for interaction %s", command, interaction.id, exc_info=cause)
            message = APOLOGY
        else:
            log.debug("interaction %s: %s", interaction.id, message)
        if interaction.type is discord.InteractionType.autocomplete:
            return  # autocomplete cannot carry a message
        try:
            if (
                interaction.response.type
                is discord.InteractionResponseType.deferred_channel_message
            ):
                # After a "thinking…" defer, Discord turns the first followup into an edit of
                # that message anyway (ignoring "ephemeral"): say it there, plainly.
                await interaction.edit_original_response(content=message, embeds=[], view=None)
            else:
                await reply(interaction, message, ephemeral=True)
        except discord.HTTPException:
            log.warning("could not tell the user about an error", exc_info=True)
            return
        storage = getattr(self.client, "storage", None)
        if storage is not None:
            try:
                await show_notices(interaction, storage.notices)
            except Exception:
                log.exception("showing notices failed")


async def reply(
    interaction: discord.Interaction,
    content: str | None = None,
    *,
    embeds: Sequence[discord.Embed] = (),
    view: discord.ui.View | None = None,
    ephemeral: bool = False,
) -> None:
    """Answer through `response` if nothing was sent yet, else through a followup."""
    kwargs: dict = {"embeds": render.fit_all(embeds), "ephemeral": ephemeral}
    if content is not None:
        kwargs["content"] = render.truncate(content, render.CONTENT_LIMIT)
    if view is not None:
        kwargs["view"] = view
    if interaction.response.is_done():
        await interaction.followup.send(**kwargs)
    else:
        await interaction.response.send_message(**kwargs)


async def show_notices(interaction: discord.Interaction, notices) -> None:
    """After a command's answer: pending notices for this user (DMs closed) and, for a
    moderator, for their server (a subscription disabled), as an ephemeral followup."""
    now = time.time()
    guild_id = None
    if interaction.guild_id and interaction.permissions.manage_guild:
        guild_id = interaction.guild_id
    taken = await notices.take(now, user_id=interaction.user.id, guild_id=guild_id)
    if not taken:
        return
    text = "\n".join(f"📣 {n.text}" for n in taken)
    try:
        await interaction.followup.send(render.truncate(text, render.CONTENT_LIMIT), ephemeral=True)
    except discord.HTTPException:
        log.warning("could not show notices; they are kept for the next command")
        for n in taken:
            await notices.add(n.text, now, guild_id=n.guild_id, user_id=n.user_id)


def _time_left(interaction: discord.Interaction, defer_after: float) -> float:
    """How long the work may run before deferring.

    The interaction may have spent time in the gateway (or a slow event loop) before
    reaching us: its id carries Discord's creation time, so the budget shrinks by the
    age. A badly skewed clock only makes us defer early, never late.
    """
    age = (discord.utils.utcnow() - interaction.created_at).total_seconds()
    return max(0.0, min(defer_after, ANSWER_BY_S - max(age, 0.0)))


@dataclass(slots=True)
class Reply:
    """What a lookup answers with."""

    content: str | None = None
    embeds: list[discord.Embed] = field(default_factory=list)
    view: discord.ui.View | None = None


async def respond(
    interaction: discord.Interaction,
    work: Awaitable[Reply],
    *,
    defer_after: float = DEFER_AFTER_S,
    ephemeral: bool = False,
) -> None:
    """Answer with `work`'s result, deferring first if it takes longer than `defer_after`.

    A fast lookup is one request (the reply itself); a slow one is acknowledged in
    time and completed by editing the deferred response. Works for slash commands
    (thinking defer) and buttons (silent defer, then the message is edited).
    """
    task = asyncio.ensure_future(work)
    try:
        done, _ = await asyncio.wait({task}, timeout=_time_left(interaction, defer_after))
        if not done and not interaction.response.is_done():
            if interaction.type is discord.InteractionType.component:
                await interaction.response.defer()
            else:
                await interaction.response.defer(thinking=True, ephemeral=ephemeral)
        result = await task
    finally:
        if not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
    embeds = render.fit_all(result.embeds)
    content = render.truncate(result.content, render.CONTENT_LIMIT) if result.content else None
    is_component = interaction.type is discord.InteractionType.component
    if interaction.response.is_done():
        kwargs: dict = {"content": content, "embeds": embeds}
        if result.view is not None or is_component:
            kwargs["view"] = result.view
        await interaction.edit_original_response(**kwargs)
    elif is_component:
        await interaction.response.edit_message(content=content, embeds=embeds, view=result.view)
    else:
        kwargs = {"embeds": embeds, "ephemeral": ephemeral}
        if content:
            kwargs["content"] = content
        if result.view is not None:
            kwargs["view"] = result.view
        await interaction.response.send_message(**kwargs)
    bind = getattr(result.view, "bind", None)
    if bind is not None and not is_component:
        bind(interaction)
