"""Riders, teams and aliases moderators add, and the roster in force built with them.

The roster in force is: the bundled roster, then files named on the command line, then
roster imports kept in the database, then custom entities (each one `[[rider]]` or
`[[team]]` entry in roster TOML, stored in `custom_entities`), then server aliases.

Aliases a server adds (`guild_aliases`) are decided one by one, oldest first:

- an alias that names no other entity (name, former name, alias, nickname or surname,
  compared folded) joins that entity's aliases in the tagger, for every server: the
  story text mentions the entity whoever reads it, and tagging is shared;
- an alias that already names another entity is kept for that server only: it is shown
  in its `/track list` and resolves in its `/track` commands, and never reaches the
  tagger, so one server cannot make every server's stories about someone else.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from feeds.roster import (
    Person,
    Roster,
    RosterError,
    Team,
    TeamName,
    dump_roster,
    load_roster,
    parse_roster,
    slugify,
)
from feeds.roster.names import fold

if TYPE_CHECKING:
    from storage import Storage

log = logging.getLogger(__name__)

NAME_MAX = 80
ALIAS_MAX = 60
ALIAS_MIN = 3
_ALLOWED_PUNCTUATION = frozenset(" '’.-&/")


class InvalidName(ValueError):
    """A name or alias that cannot be stored; the message says why."""


def clean_name(raw: str, what: str = "name", *, limit: int = NAME_MAX) -> str:
    """A name as plain data: letters, digits, spaces and ' ’ . - & / only, so nothing
    stored can mention anyone or carry markdown; whitespace collapsed."""
    if any(unicodedata.category(c)[0] == "C" or c in "\u2028\u2029" for c in raw):
        raise InvalidName(f"A {what} may not hold line breaks or control characters.")
    text = " ".join(unicodedata.normalize("NFC", raw).split())
    if len(text) < ALIAS_MIN or len(text) > limit:
        raise InvalidName(f"A {what} must be {ALIAS_MIN} to {limit} characters long.")
    for char in text:
        category = unicodedata.category(char)
        if char in _ALLOWED_PUNCTUATION or category[0] in "LMN":
            continue
        raise InvalidName(
            f"A {what} may hold letters, digits, spaces and ' . - & / only, not {char!r}."
        )
    if sum(c.isalpha() for c in text) < 2:
        raise InvalidName(f"A {what} needs at least two letters.")
    return text


def split_names(raw: str | None, what: str) -> list[str]:
    """`"Zozo, Z. Test"` → ["Zozo", "Z. Test"], each checked; duplicates dropped."""
    if not raw:
        return []
    names = [clean_name(part, what, limit=ALIAS_MAX) for part in raw.split(",") if part.strip()]
    if len(names) > 10:
        raise InvalidName(f"At most 10 {what}es at once.")
    return list(dict.fromkeys(names))


def bare(entity_id: str) -> tuple[str, str]:
    """ "person:x" → ("person", "x")."""
    kind, _, ident = entity_id.partition(":")
    return kind, ident


def entity_names(roster: Roster, entity_id: str) -> tuple[str, ...]:
    kind, ident = bare(entity_id)
    if kind == "person" and ident in roster.people:
        person = roster.people[ident]
        return (person.name, *person.aliases)
    if kind == "team" and ident in roster.teams:
        team = roster.teams[ident]
        return (*team.all_names, *team.aliases, *team.nicknames)
    return ()


def display_name(roster: Roster, entity_id: str) -> str:
    kind, ident = bare(entity_id)
    if kind == "person" and ident in roster.people:
        return roster.people[ident].name
    if kind == "team" and ident in roster.teams:
        return roster.teams[ident].current_name
    return ident


def name_owners(roster: Roster) -> dict[str, set[str]]:
    """Folded name → entity ids it names (names, aliases, nicknames, people's surnames)."""
    owners: dict[str, set[str]] = {}

    def own(name: str, entity_id: str) -> None:
        key = fold(name)
        if key:
            owners.setdefault(key, set()).add(entity_id)

    for person in roster.people.values():
        entity_id = f"person:{person.id}"
        for name in (person.name, *person.aliases):
            own(name, entity_id)
        if " " in person.name:
            own(person.name.rsplit(" ", 1)[1], entity_id)
    for team in roster.teams.values():
        for name in (*team.all_names, *team.aliases, *team.nicknames):
            own(name, f"team:{team.id}")
    return owners


def clash(owners: dict[str, set[str]], entity_id: str, alias: str) -> set[str]:
    """The other entities `alias` already names."""
    return owners.get(fold(alias), set()) - {entity_id}


def with_alias(roster: Roster, entity_id: str, alias: str) -> Roster:
    kind, ident = bare(entity_id)
    if kind == "person" and ident in roster.people:
        person = roster.people[ident]
        if alias not in person.aliases:
            people = dict(roster.people)
            people[ident] = dataclasses.replace(person, aliases=(*person.aliases, alias))
            return Roster(roster.teams, people)
    if kind == "team" and ident in roster.teams:
        team = roster.teams[ident]
        if alias not in team.aliases:
            teams = dict(roster.teams)
            teams[ident] = dataclasses.replace(team, aliases=(*team.aliases, alias))
            return Roster(teams, roster.people)
    return roster


def apply_aliases(roster: Roster, aliases: Iterable[tuple[str, str]]) -> Roster:
    """Server aliases that name no other entity join the tagger (see the module doc)."""
    owners = name_owners(roster)
    for entity_id, alias in aliases:
        if clash(owners, entity_id, alias) or not entity_names(roster, entity_id):
            continue
        roster = with_alias(roster, entity_id, alias)
        owners.setdefault(fold(alias), set()).add(entity_id)
    return roster


def build_roster(
    extra_files: Sequence[str | Path],
    imports: Sequence[str],
    custom: Sequence[str],
    aliases: Sequence[tuple[str, str]],
) -> Roster:
    """The roster in force (synchronous: run it in a thread, it parses every file).

    A stored custom entity that no longer reads (say, after a format change) is skipped
    with a warning rather than keeping the bot from starting."""
    roster = load_roster(extra_files, imports)
    for i, text in enumerate(custom):
        try:
            roster = roster.merged(parse_roster(text, f"<custom entity {i + 1}>"))
        except RosterError as exc:
            log.warning("custom entity skipped: %s", exc)
    roster.check_references()
    return apply_aliases(roster, aliases)


def new_entity_id(roster: Roster, kind: str, name: str) -> str:
    """A fresh id for a new rider or team: the name's slug, numbered if taken."""
    base = slugify(name) or "entity"
    taken = roster.people if kind == "person" else roster.teams
    ident, n = base, 1
    while ident in taken:
        n += 1
        ident = f"{base}-{n}"
    return f"{kind}:{ident}"


def entity_toml(
    entity_id: str, name: str, aliases: Sequence[str], short_names: Sequence[str] = ()
) -> str:
    """One `[[rider]]` or `[[team]]` entry in roster TOML for a new entity."""
    kind, ident = bare(entity_id)
    if kind == "person":
        roster = Roster(people={ident: Person(ident, name, "rider", tuple(aliases))})
        text = dump_roster(roster)
        if f'id = "{ident}"' not in text:  # dump_roster leaves out an id equal to the slug
            text = text.replace("[[rider]]\n", f'[[rider]]\nid = "{ident}"\n', 1)
        return text
    team = Team(ident, "men", (TeamName(name),), tuple(dict.fromkeys([*short_names, *aliases])))
    return dump_roster(Roster(teams={ident: team}))


async def load_current_roster(storage: Storage, extra_files: Sequence[str | Path] = ()) -> Roster:
    """Bundled roster, files named on the command line, imports kept in the database, then
    riders, teams and aliases moderators added (below); built in a thread."""
    imports = [item.content for item in await storage.roster_imports.all()]
    custom = [entity.content for entity in await storage.guild_config.custom_entities()]
    aliases = await storage.guild_config.all_aliases()
    return await asyncio.to_thread(build_roster, extra_files, imports, custom, aliases)
