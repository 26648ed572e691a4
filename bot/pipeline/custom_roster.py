"""Riders, teams and aliases moderators add: each server's own, and checked before use.

The roster every server shares is: the bundled roster, then files named on the command
line, then roster imports kept in the database, then the custom entities and aliases
the operator promoted (`domestique roster promote`). Nothing a moderator adds joins it:

- a rider or team a server adds (`custom_entities`, roster TOML) and an alias it gives
  (`guild_aliases`) are that server's own: bot/pipeline/guild_names.py tags the stories
  of the feeds that server reads with them (`guild_tags`), and its lookups, `tracked`
  subscriptions and posts use them; no other server's stories, lookups or posts change;
- its aliases are decided one by one, oldest first: one that names no other entity
  tags that server's stories; one that already names another entity only resolves in
  its `/track` commands, so a server cannot tag its own stories with someone else either;
- a name that would tag most stories is refused when added, with the reason: a common
  word of the story languages, fewer than three letters, a race, a place, a cycling
  term (feeds/nlp/broad_names.py), or one found in more than 2% of the latest stories.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from feeds.nlp.broad_names import too_broad
from feeds.roster import (
    Person,
    Roster,
    RosterError,
    Team,
    TeamName,
    dump_roster,
    load_roster,
    name_problem,
    parse_roster,
    slugify,
)
from feeds.roster.names import fold

if TYPE_CHECKING:
    from storage import Storage
    from storage.lookups import Lookups

log = logging.getLogger(__name__)

NAME_MAX = 80
ALIAS_MAX = 60
ALIAS_MIN = 3
_ALLOWED_PUNCTUATION = frozenset(" '’.-&/")


class InvalidName(ValueError):
    """A name or alias that cannot be stored; the message says why."""


def clean_name(raw: str, what: str = "name", *, limit: int = NAME_MAX) -> str:
    """A name as plain data: letters, digits, spaces and ' ’ . - & / only, so nothing
    stored can mention anyone or carry markdown; whitespace collapsed. Control and format
    characters are refused by the check every roster name goes through (`name_problem`)."""
    problem = name_problem(raw)
    if problem:
        raise InvalidName(f"This {what} {problem}.")
    text = " ".join(unicodedata.normalize("NFC", raw).split())
    if len(text) < ALIAS_MIN or len(text) > limit:
        raise InvalidName(f"{_a(what)} must be {ALIAS_MIN} to {limit} characters long.")
    for char in text:
        category = unicodedata.category(char)
        if char in _ALLOWED_PUNCTUATION or category[0] in "LMN":
            continue
        raise InvalidName(
            f"{_a(what)} may hold letters, digits, spaces and ' . - & / only, not {char!r}."
        )
    if sum(c.isalpha() for c in text) < 2:
        raise InvalidName(f"{_a(what)} needs at least two letters.")
    return text


def _a(what: str) -> str:
    return f"{'An' if what[:1] in 'aeiou' else 'A'} {what}"


def split_names(raw: str | None, what: str) -> list[str]:
    """`"Zozo, Z. Test"` → ["Zozo", "Z. Test"], each checked; duplicates dropped."""
    if not raw:
        return []
    names = [clean_name(part, what, limit=ALIAS_MAX) for part in raw.split(",") if part.strip()]
    if len(names) > 10:
        raise InvalidName(f"At most 10 {what}{'es' if what.endswith('s') else 's'} at once.")
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


def clash(owners: Mapping[str, set[str]], entity_id: str, alias: str) -> set[str]:
    """The other entities `alias` already names."""
    return owners.get(fold(alias), set()) - {entity_id}


def with_aliases(roster: Roster, aliases: Iterable[tuple[str, str]]) -> Roster:
    """`roster` with more aliases on its entities (one copy of each table, however many)."""
    people, teams = dict(roster.people), dict(roster.teams)
    for entity_id, alias in aliases:
        kind, ident = bare(entity_id)
        if kind == "person" and ident in people and alias not in people[ident].aliases:
            person = people[ident]
            people[ident] = dataclasses.replace(person, aliases=(*person.aliases, alias))
        elif kind == "team" and ident in teams and alias not in teams[ident].aliases:
            team = teams[ident]
            teams[ident] = dataclasses.replace(team, aliases=(*team.aliases, alias))
    return Roster(teams, people)


def apply_aliases(roster: Roster, aliases: Iterable[tuple[str, str]]) -> Roster:
    """Promoted aliases that name no other entity, decided oldest first (module doc)."""
    owners = name_owners(roster)
    kept = []
    for entity_id, alias in aliases:
        if clash(owners, entity_id, alias) or not entity_names(roster, entity_id):
            continue
        kept.append((entity_id, alias))
        owners.setdefault(fold(alias), set()).add(entity_id)
    return with_aliases(roster, kept)


def build_roster(
    extra_files: Sequence[str | Path],
    imports: Sequence[str],
    promoted: Sequence[str],
    aliases: Sequence[tuple[str, str]],
) -> Roster:
    """The roster every server shares (synchronous: run it in a thread, it parses every
    file): `promoted` custom entities (roster TOML) and aliases only.

    A stored custom entity that no longer reads (say, after a format change) is skipped
    with a warning rather than keeping the bot from starting."""
    roster = load_roster(extra_files, imports)
    for i, text in enumerate(promoted):
        try:
            roster = roster.merged(parse_roster(text, f"<promoted custom entity {i + 1}>"))
        except RosterError as exc:
            log.warning("custom entity skipped: %s", exc)
    roster.check_references()
    return apply_aliases(roster, aliases)


def new_entity_id(roster: Roster, kind: str, name: str, taken: Iterable[str] = ()) -> str:
    """A fresh id for a new rider or team: the name's slug, numbered if the roster or any
    server's custom entity (`taken`, "person:…"/"team:…") has it."""
    base = slugify(name) or "entity"
    used = set(roster.people if kind == "person" else roster.teams)
    used |= {bare(entity_id)[1] for entity_id in taken if bare(entity_id)[0] == kind}
    ident, n = base, 1
    while ident in used:
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
    """The roster every server shares: bundled roster, files named on the command line,
    imports kept in the database, then the riders, teams and aliases the operator
    promoted (a server's own names stay out: bot/pipeline/guild_names.py); built in a
    thread."""
    imports = [item.content for item in await storage.roster_imports.all()]
    promoted = await storage.guild_config.promoted_entities()
    aliases = await storage.guild_config.promoted_aliases()
    return await asyncio.to_thread(build_roster, extra_files, imports, promoted, aliases)


# --- too broad to tag by ----------------------------------------------------------------

BROAD_WINDOW = 1000
"""How many of the latest stored stories a new name is tried on."""
BROAD_SHARE = 0.02
"""A name found in more of them than this share (not counting stories already tagged with
its entity) would tag too many stories."""


async def refusal(lookups: Lookups, entity_id: str, name: str) -> str | None:
    """Why `name` may not tag stories as `entity_id` (None: it may), as a sentence for a
    moderator: a common word, too short, a race, a place, a cycling term, or found in
    more than 2% of the latest stories that are not already about that entity."""
    reason = too_broad(name)
    if reason is None:
        limit = int(BROAD_WINDOW * BROAD_SHARE)
        found = await lookups.recent_matches(name, entity_id, BROAD_WINDOW, limit + 1)
        if found > limit:
            reason = (
                f"appears in more than {limit} of the latest {BROAD_WINDOW} stories "
                f"({BROAD_SHARE:.0%}), so it would tag too many"
            )
    return f"“{name}” {reason}." if reason else None


# --- promotion (the operator's `domestique roster promote`) -------------------------------


class CannotPromote(ValueError):
    """A name that cannot be promoted; the message says why."""


async def promote(
    storage: Storage,
    guild_id: int,
    name: str,
    now: float,
    *,
    entity: str | None = None,
    extra_files: Sequence[str | Path] = (),
) -> str:
    """Make one of a server's own riders, teams (by id or name) or aliases part of the
    roster every server shares; returns what was done. Refused, saying why, when it
    would name another entity of the shared roster, or is too broad to tag by."""
    own = (await storage.guild_config.own_names(guild_id)).get(guild_id)
    if own is None:
        raise CannotPromote(f"server {guild_id} has no riders, teams or aliases of its own")
    shared = await load_current_roster(storage, extra_files)
    owners = name_owners(shared)
    wanted = fold(name)
    for custom in own.entities:
        ident = bare(custom.entity_id)[1]
        try:
            part = parse_roster(custom.content, custom.entity_id)
        except RosterError as exc:
            raise CannotPromote(str(exc)) from None
        names = entity_names(part, custom.entity_id)
        if name.strip() not in (custom.entity_id, ident) and wanted != fold(names[0]):
            continue
        if entity_names(shared, custom.entity_id):
            raise CannotPromote(f"the shared roster already has {custom.entity_id}")
        _check_promotable(shared, owners, custom.entity_id, names)
        await storage.guild_config.promote_entity(guild_id, custom.entity_id, now)
        return f"promoted {names[0]} ({custom.entity_id}) of server {guild_id}"
    found = [(e, a) for e, a in own.aliases if fold(a) == wanted and entity in (None, e)]
    if not found:
        raise CannotPromote(f"server {guild_id} has no rider, team or alias {name!r} of its own")
    if len({e for e, _ in found}) > 1:
        listed = ", ".join(sorted({e for e, _ in found}))
        raise CannotPromote(f"{name!r} is an alias of {listed}: say which with --entity")
    entity_id, alias = found[0]
    if not entity_names(shared, entity_id):
        raise CannotPromote(f"{entity_id} is server {guild_id}'s own: promote it first")
    _check_promotable(shared, owners, entity_id, [alias])
    await storage.guild_config.promote_alias(guild_id, entity_id, alias, now)
    return f"promoted {alias!r} for {display_name(shared, entity_id)} ({entity_id})"


def _check_promotable(
    shared: Roster, owners: Mapping[str, set[str]], entity_id: str, names: Iterable[str]
) -> None:
    for name in names:
        reason = too_broad(name)
        if reason:
            raise CannotPromote(f"{name!r} {reason}")
        others = clash(owners, entity_id, name)
        if others:
            named = " and ".join(f"{display_name(shared, o)} ({o})" for o in sorted(others))
            raise CannotPromote(f"{name!r} already names {named}")
