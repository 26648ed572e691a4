"""Paging buttons under a lookup's answer.

Only the person who ran the command can turn the pages (anyone else gets a short
ephemeral note); after `timeout` seconds without a click the buttons are disabled
on the message, so nobody clicks a dead button.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

import discord

from bot.discord.tree import DEFER_AFTER_S, Reply, respond

log = logging.getLogger(__name__)

PAGE_TIMEOUT_S = 180.0
MAX_PAGES = 20

PageRenderer = Callable[[int], Awaitable[tuple[discord.Embed, bool]]]
"""page number -> (embed for that page, whether an older page exists)."""


class Pager(discord.ui.View):
    def __init__(
        self,
        owner_id: int,
        render_page: PageRenderer,
        *,
        page: int = 0,
        has_more: bool = True,
        timeout: float = PAGE_TIMEOUT_S,
        defer_after: float = DEFER_AFTER_S,
    ) -> None:
        super().__init__(timeout=timeout)
        self.owner_id = owner_id
        self.render_page = render_page
        self.page = page
        self.has_more = has_more
        self.defer_after = defer_after
        self.origin: discord.Interaction | None = None
        self._sync_buttons()

    def bind(self, interaction: discord.Interaction) -> None:
        """Remember the command's interaction: its token edits the message on timeout."""
        self.origin = interaction

    def _sync_buttons(self) -> None:
        self.newer.disabled = self.page <= 0
        self.older.disabled = not self.has_more or self.page + 1 >= MAX_PAGES

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            "Only the person who asked can turn these pages; run the command yourself to browse.",
            ephemeral=True,
        )
        return False

    async def _turn(self, interaction: discord.Interaction, page: int) -> None:
        async def work() -> Reply:
            embed, has_more = await self.render_page(page)
            self.page, self.has_more = page, has_more
            self._sync_buttons()
            return Reply(embeds=[embed], view=self)

        await respond(interaction, work(), defer_after=self.defer_after)

    @discord.ui.button(label="Newer", emoji="◀", style=discord.ButtonStyle.secondary)
    async def newer(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._turn(interaction, max(self.page - 1, 0))

    @discord.ui.button(label="Older", emoji="▶", style=discord.ButtonStyle.secondary)
    async def older(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._turn(interaction, self.page + 1)

    async def on_timeout(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Button):
                item.disabled = True
        if self.origin is None:
            return
        try:
            await self.origin.edit_original_response(view=self)
        except discord.HTTPException as exc:
            # The message may be gone or the token expired: nothing left to tidy.
            log.debug("could not disable paging buttons: %s", exc)

    async def on_error(
        self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item
    ) -> None:
        log.error("paging failed for interaction %s", interaction.id, exc_info=error)
        message = "Sorry, I could not load that page. It has been logged."
        try:
            if interaction.response.is_done():
                await interaction.followup.send(message, ephemeral=True)
            else:
                await interaction.response.send_message(message, ephemeral=True)
        except discord.HTTPException:
            log.warning("could not tell the user about a paging error", exc_info=True)
