"""The Discord client: everything it uses is passed in (built once, in bot/app.py)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import aiohttp
import discord
from discord.ext import commands

from bot.discord.answers import ANSWER_GRACE_S, answers_finished
from bot.discord.endpoints import configure_discord_endpoints, sync_commands
from bot.discord.tree import DEFER_AFTER_S, DomestiqueTree, show_notices
from bot.discord.views import PAGE_TIMEOUT_S
from bot.settings import AUTO_SHARDS
from feeds.races import Calendar
from feeds.races.lookup import race_names
from feeds.roster.names import RosterNames
from storage.lookups import Lookups

if TYPE_CHECKING:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from bot.pipeline.parse_pool import ParsePool
    from bot.pipeline.roster_state import RosterState
    from bot.settings import Settings
    from feeds.ingest.fetch import Fetcher
    from storage import Storage

log = logging.getLogger(__name__)

EXTENSIONS: tuple[str, ...] = (
    "cogs.riders",
    "cogs.teams",
    "cogs.transfers",
    "cogs.news",
    "cogs.about",
    "cogs.subscriptions",
    "cogs.follows",
    "cogs.track",
    "cogs.feeds",
    "cogs.races",
    "cogs.spoilers",
)


def intents() -> discord.Intents:
    """Slash commands need no privileged intents; `guilds` keeps servers and channels known."""
    return discord.Intents(guilds=True)


def utc_today() -> date:
    return datetime.now(UTC).date()


class DomestiqueBot(commands.Bot):
    def __init__(
        self,
        *,
        settings: Settings,
        storage: Storage,
        http_session: aiohttp.ClientSession,
        scheduler: AsyncIOScheduler,
        roster_state: RosterState,
        extensions: tuple[str, ...] = EXTENSIONS,
        today: Callable[[], date] = utc_today,
        fetcher: Fetcher | None = None,
        parse_pool: ParsePool | None = None,
        roster_files: Sequence[str | Path] = (),
        calendar: Calendar | None = None,
        **options: Any,
    ) -> None:
        # Endpoints are process-wide class attributes in discord.py; set them before any
        # request so a proxy or a test stand-in is used from the first call.
        configure_discord_endpoints(settings)
        logging.getLogger("discord.http").setLevel(logging.WARNING)
        options.setdefault("chunk_guilds_at_startup", False)
        super().__init__(
            command_prefix=commands.when_mentioned,  # no text commands; slash only
            help_command=None,
            intents=intents(),
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=DomestiqueTree,
            **options,
        )
        self.settings = settings
        self.storage = storage
        self.http_session = http_session
        self.scheduler = scheduler
        self.roster_state = roster_state
        self.fetcher = fetcher
        """The guarded feed fetcher (feeds/ingest/netguard) /feeds uses; None: cannot fetch."""
        self.parse_pool = parse_pool
        """The worker process ingestion parses in (bot/app.py), shared by /feeds previews."""
        self.roster_files = tuple(roster_files)
        """Roster files named on the command line, kept when moderators change the roster."""
        self.lookups = Lookups(storage)
        self.calendar = calendar if calendar is not None else Calendar()
        """The race calendar in force (bot/app.py loads it once: bundled and imported)."""
        self.race_names = race_names(self.calendar)
        """Every race's names, for /race and /news autocomplete."""
        self.extensions_to_load = extensions
        self.failed_extensions: dict[str, BaseException] = {}
        self.today = today
        self.defer_after = DEFER_AFTER_S
        self.page_timeout = PAGE_TIMEOUT_S
        self._names: tuple[tuple[int, date], RosterNames] | None = None
        self.answer_grace_s = ANSWER_GRACE_S

    @property
    def names(self) -> RosterNames:
        """Name indexes for the roster in force, rebuilt when the roster or the day changes."""
        key = (self.roster_state.version, self.today())
        if self._names is None or self._names[0] != key:
            self._names = (key, RosterNames.build(self.roster_state.roster, key[1]))
        return self._names[1]

    async def setup_hook(self) -> None:
        # Build the name index now, not on the first keystroke of the first autocomplete.
        log.debug("name index: %d people, %d teams", len(self.names.people), len(self.names.teams))
        for name in self.extensions_to_load:
            try:
                await self.load_extension(name)
            except Exception as exc:
                # One broken area must not take the other commands down with it.
                log.exception("could not load %s; the other commands still start", name)
                self.failed_extensions[name] = exc
        if self.settings.sync_commands:
            try:
                await sync_commands(self, None)
            except discord.HTTPException:
                log.exception("command sync failed; run `domestique sync` to retry")

    async def close(self) -> None:
        # Answers under way finish first, while the client is open so they still reach
        # Discord, then any that came in meanwhile: the owner closes storage after this.
        await answers_finished(self.answer_grace_s)
        await super().close()
        await answers_finished(self.answer_grace_s)

    async def on_app_command_completion(
        self, interaction: discord.Interaction, command: Any
    ) -> None:
        """Notices waiting for this user or their server go out with any command's answer."""
        try:
            await show_notices(interaction, self.storage.notices)
        except Exception:
            log.exception("showing notices failed")

    async def on_ready(self) -> None:
        user = self.user
        shards = getattr(self, "shard_ids", None)
        log.info(
            "connected to Discord as %s (%s) in %d servers%s",
            user,
            user.id if user else "?",
            len(self.guilds),
            f" (shards {', '.join(map(str, shards))} of {self.shard_count})" if shards else "",
        )


class ShardedDomestiqueBot(DomestiqueBot, commands.AutoShardedBot):
    """The same bot over gateway shards (discord.py's AutoShardedBot): all of them or
    the ones DOMESTIQUE_SHARD_IDS names. Discord sends a server's events, interactions
    included, on shard `(guild_id >> 22) % shard_count` and DMs on shard 0, so each
    process answers the interactions of its own shards."""

    async def launch_shards(self) -> None:
        if self.shard_count is None and not self.is_closed():
            # "auto": Discord's recommended count. discord.py would also connect to the
            # gateway URL in that answer; keeping ours honours DOMESTIQUE_DISCORD_GATEWAY_URL
            # (a gateway proxy) as an unsharded bot does.
            self.shard_count, _, _ = await self.http.get_bot_gateway()
        await super().launch_shards()


def new_bot(settings: Settings, **options: Any) -> DomestiqueBot:
    """A plain client (one connection, no sharding) unless DOMESTIQUE_SHARD_COUNT is set;
    with "auto", discord.py asks Discord how many shards (GET /gateway/bot)."""
    if settings.shard_count is None:
        return DomestiqueBot(settings=settings, **options)
    count = None if settings.shard_count == AUTO_SHARDS else int(settings.shard_count)
    ids = list(settings.shard_ids) if settings.shard_ids is not None else None
    return ShardedDomestiqueBot(settings=settings, shard_count=count, shard_ids=ids, **options)
