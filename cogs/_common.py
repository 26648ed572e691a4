"""Pieces every lookup cog uses: resolving typed names (riders, teams, races),
autocomplete, paged replies, numbers and story kinds typed into a text option."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.discord.tree import AmbiguousName, Reply, UnknownName, UserFacingError, respond
from bot.discord.views import Pager
from feeds.models import STORY_KINDS
from feeds.roster.names import MAX_CHOICES, NameIndex, RosterNames

if TYPE_CHECKING:
    from bot.discord.client import DomestiqueBot
    from feeds.roster import Roster
    from storage.lookups import Lookups

RenderPage = Callable[[int], Awaitable[tuple[discord.Embed, bool]]]

STORIES_PER_PAGE = 5

ENTITY_KINDS = [
    app_commands.Choice(name="a rider", value="rider"),
    app_commands.Choice(name="a team", value="team"),
    app_commands.Choice(name="transfers (of one team, or all)", value="transfers"),
    app_commands.Choice(name="a race", value="race"),
]
"""What a follow or subscription can be about; a subscription can also take every story
or the server's tracked riders and teams."""

KIND_HELP = {
    "result": "results and standings",
    "preview": "previews",
    "lineup": "line-ups and start lists",
    "crash": "crashes, injuries, abandons",
    "transfer": "transfers and contracts",
    "team": "team and sponsor news",
    "other": "everything else",
}
"""The story kinds (feeds.models.STORY_KINDS) in words, for autocomplete and listings."""


SQLITE_MAX_INT = 2**63 - 1
"""The largest integer SQLite stores; a bigger one typed as an id is no id of ours."""
_TYPED_NUMBER = re.compile(r"#?\s*([0-9]+)")


async def lookups_for(bot: DomestiqueBot, interaction: discord.Interaction) -> Lookups:
    """The lookups as the one asking may see them: no stories of feeds that only other
    servers' moderators added, and the stories their own server's names tagged."""
    return await bot.lookups.seen_from(interaction.guild_id, bot.settings.feeds)


def names_in(bot: DomestiqueBot, guild_id: int | None) -> RosterNames:
    """The name indexes as seen in `guild_id`: the shared ones with that server's own
    riders, teams and aliases (bot/pipeline/guild_names.py); the shared ones in DMs."""
    return bot.roster_state.guilds.names(guild_id, bot.names, bot.today())


def roster_in(bot: DomestiqueBot, guild_id: int | None) -> Roster:
    """The roster as seen in `guild_id` (see `names_in`)."""
    return bot.roster_state.guilds.roster(guild_id)


def typed_id(text: str, what: str) -> int:
    """The number of a `what` ("subscription", "follow") picked from the list or
    typed ("12", "#12"): digits only, positive, and within SQLite's integer range, else a
    UserFacingError saying so (a 27-digit number overflowed the query)."""
    match = _TYPED_NUMBER.fullmatch(text.strip())
    if match is None:
        raise UserFacingError(f"Pick a {what} from the list: its number, such as #12.")
    value = int(match.group(1))
    if not 1 <= value <= SQLITE_MAX_INT:
        raise UserFacingError(f"There is no {what} with that number. Pick one from the list.")
    return value


def in_range(value: int | None, low: int, high: int, what: str) -> int | None:
    """An integer option checked again here (Discord enforces the range it was told, but
    the bot must not rely on what the client sends)."""
    if value is not None and not low <= value <= high:
        raise UserFacingError(f"{what} must be a whole number from {low} to {high}.")
    return value


def per_user_cooldown():
    """Ten uses of one command per user in 20 s: enough for anyone, not for a script.

    A fresh decorator per command, so each command keeps its own buckets.
    """
    return app_commands.checks.cooldown(10, 20.0, key=lambda i: i.user.id)


def resolve(index: NameIndex, typed: str, kind: str) -> str:
    """The id `typed` names (an autocomplete choice's value, or free text), else
    UnknownName carrying the closest names as suggestions."""
    entity_id = index.resolve(typed)
    if entity_id is not None:
        return entity_id
    several = index.candidates(typed)
    if len(several) > 1:
        raise AmbiguousName(kind, typed, [index.labels[i] for i in several])
    raise UnknownName(kind, typed, [m.label for m in index.search(typed, limit=5)])


def choices(index: NameIndex, current: str) -> list[app_commands.Choice[str]]:
    return [
        app_commands.Choice(name=match.label, value=match.id)
        for match in index.search(current, limit=MAX_CHOICES)
    ]


def names_for(names: RosterNames, kind: str | None, races: NameIndex | None = None) -> NameIndex:
    """The index a `name` option searches: riders for "rider", races for "race" (when
    given), teams for the other kinds (a team, or the team whose transfers)."""
    if kind == "race" and races is not None:
        return races
    return names.people if kind == "rider" else names.teams


def target_entity(
    names: RosterNames,
    kind: str,
    name: str | None,
    verb: str,
    races: NameIndex | None = None,
) -> str | None:
    """The entity a subscription or follow of `kind` is about: `person:<id>` for a rider,
    `team:<id>` for a team or a team's transfers, `race:<id>` for a race (searched in
    `races`), None for every story of the kind. `verb` completes "Name the rider to …"
    when a required name is missing."""
    if kind == "race":
        if not name:
            raise UserFacingError(f"Name the race to {verb} (`name`).")
        if races is None:
            raise UserFacingError("The race calendar is not loaded; try again later.")
        return f"race:{resolve(races, name, 'race')}"
    if kind == "rider":
        if not name:
            raise UserFacingError(f"Name the rider to {verb} (`name`).")
        return f"person:{resolve(names.people, name, 'rider')}"
    if kind == "team" or (kind == "transfers" and name):
        if not name:
            raise UserFacingError(f"Name the team to {verb} (`name`).")
        return f"team:{resolve(names.teams, name, 'team')}"
    return None


def entity_label(names: RosterNames, entity_id: str, races: NameIndex | None = None) -> str:
    """How a stored `person:<id>`, `team:<id>` or `race:<id>` is shown: today's label,
    else the id."""
    kind, _, key = entity_id.partition(":")
    if kind == "race":
        return races.labels.get(key, key) if races is not None else key
    index = names.people if kind == "person" else names.teams
    return index.labels.get(key, key)


def parse_kinds(text: str | None, option: str) -> frozenset[str]:
    """Story kinds typed as a list ("crash, lineup"); empty for none typed (every kind).
    An unknown word is refused, naming it and the kinds there are."""
    if text is None:
        return frozenset()
    words = [w.strip().lower() for w in re.split(r"[,;\s]+", text) if w.strip()]
    unknown = [w for w in words if w not in STORY_KINDS]
    if unknown:
        shown = ", ".join(f"`{escape_kind(w)}`" for w in unknown[:3])
        raise UserFacingError(
            f"{option}: {shown} is not a kind of story. Use any of: {', '.join(STORY_KINDS)} "
            "(separated by commas)."
        )
    return frozenset(words)


def escape_kind(word: str) -> str:
    """A typed word shown back inside backticks: no backtick to close them, kept short."""
    return word.replace("`", "'")[:30]


def kinds_label(kinds: frozenset[str]) -> str:
    """ "crash, lineup" in the tagger's order; "every kind" for none."""
    return ", ".join(k for k in STORY_KINDS if k in kinds) if kinds else "every kind"


def kind_choices(current: str) -> list[app_commands.Choice[str]]:
    """Autocomplete for a list of kinds: what is typed so far, with each kind not yet in
    it added at the end ("crash, " → "crash, lineup")."""
    done, _, last = current.rpartition(",")
    chosen = [w.strip().lower() for w in done.split(",") if w.strip()]
    prefix = ", ".join(chosen)
    out = []
    for kind in STORY_KINDS:
        if kind in chosen or not kind.startswith(last.strip().lower()):
            continue
        value = f"{prefix}, {kind}" if prefix else kind
        name = f"{value} ({KIND_HELP[kind]})"
        out.append(app_commands.Choice(name=name[:100], value=value[:100]))
    return out[:MAX_CHOICES]


async def paged_reply(
    bot: DomestiqueBot,
    interaction: discord.Interaction,
    render_page: RenderPage,
    *,
    ephemeral: bool = False,
) -> None:
    """Answer with page 0 of `render_page`, with paging buttons when there is more."""

    async def work() -> Reply:
        embed, has_more = await render_page(0)
        view = None
        if has_more:
            view = Pager(
                interaction.user.id,
                render_page,
                timeout=bot.page_timeout,
                defer_after=bot.defer_after,
            )
        return Reply(embeds=[embed], view=view)

    await respond(interaction, work(), defer_after=bot.defer_after, ephemeral=ephemeral)
