"""Each server's own riders, teams and aliases: what they tag, and that server's roster.

A server's own names (bot/pipeline/custom_roster.py) never reach the tagger every server
shares. Per server with own names this keeps a small matcher (feeds/nlp/matcher.py's
Aho-Corasick over the folded story) that fan-out runs over the stories of the feeds the
server reads, and, built when a command needs them, the server's view of the roster and
of the name indexes (the shared ones with its own names on top). Everything is rebuilt
when the shared roster changes (its version) or the server's names change (`set`).
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from bot.pipeline.custom_roster import bare, entity_names, name_owners, with_aliases
from feeds.nlp.broad_names import too_broad
from feeds.nlp.matcher import Matcher
from feeds.roster import Roster, RosterError, parse_roster
from feeds.roster.names import RosterNames, fold, person_label, team_label
from feeds.text.fold import FoldedText
from storage.guild_config import OwnNames

log = logging.getLogger(__name__)

VIEWS_KEPT = 64
"""Servers whose roster and name indexes stay built (the most recently used)."""

SharedRoster = Callable[[], tuple[int, Roster]]


@dataclass(frozen=True, slots=True)
class GuildTagging:
    """One server's own names, decided against the shared roster of `version`."""

    guild_id: int
    version: int
    entities: Roster
    """The server's own riders and teams (only those)."""
    aliases: tuple[tuple[str, str], ...]
    """(entity id, alias) naming no other entity: they tag this server's stories."""
    local: tuple[tuple[str, str], ...]
    """(entity id, alias) already naming another entity: /track commands only."""
    matcher: Matcher[str]

    def entity_ids(self) -> list[str]:
        return [f"person:{i}" for i in self.entities.people] + [
            f"team:{i}" for i in self.entities.teams
        ]


def decide(
    guild_id: int, version: int, shared: Roster, owners: Mapping[str, set[str]], own: OwnNames
) -> GuildTagging:
    """Which of a server's names tag its stories. Its aliases are decided one by one,
    oldest first, as the shared roster's were: one already naming another entity stays
    for /track only. A name too broad to tag by (a common word, a race, a place; names
    stored before that check existed) is left out of the matcher with a warning."""
    entities = Roster()
    for entity in own.entities:
        try:
            entities = entities.merged(parse_roster(entity.content, entity.entity_id))
        except RosterError as exc:
            log.warning("server %s: custom entity skipped: %s", guild_id, exc)
    view = shared.merged(entities) if entities.people or entities.teams else shared
    overlaid = _OverlaidOwners(owners, name_owners(entities))
    aliases: list[tuple[str, str]] = []
    local: list[tuple[str, str]] = []
    for entity_id, alias in own.aliases:
        if not entity_names(view, entity_id):
            continue  # its entity is gone (a roster update removed it)
        if overlaid.others(alias, entity_id):
            local.append((entity_id, alias))
            continue
        aliases.append((entity_id, alias))
        overlaid.add(alias, entity_id)
    entries = [
        (name, f"{kind}:{ident}")
        for kind, table in (("person", entities.people), ("team", entities.teams))
        for ident in table
        for name in entity_names(entities, f"{kind}:{ident}")
    ]
    entries += [(alias, entity_id) for entity_id, alias in aliases]
    kept = []
    for name, entity_id in entries:
        reason = too_broad(name)
        if reason:
            log.warning(
                "server %s: %r for %s not used for tagging: it %s",
                guild_id,
                name,
                entity_id,
                reason,
            )
            continue
        kept.append((name, entity_id))
    return GuildTagging(guild_id, version, entities, tuple(aliases), tuple(local), Matcher(kept))


class _OverlaidOwners:
    """The shared roster's name owners with a server's own on top, without copying them."""

    def __init__(self, shared: Mapping[str, set[str]], own: Mapping[str, set[str]]) -> None:
        self._shared = shared
        self._own = {key: set(ids) for key, ids in own.items()}

    def others(self, name: str, entity_id: str) -> set[str]:
        """The entities other than `entity_id` that `name` already names."""
        key = fold(name)
        return (self._shared.get(key, set()) | self._own.get(key, set())) - {entity_id}

    def add(self, name: str, entity_id: str) -> None:
        self._own.setdefault(fold(name), set()).add(entity_id)


class GuildRosters:
    """Every server's own names, their matchers, and views built on demand.

    Thread-safe: fan-out runs the matchers in a worker thread while commands read views
    on the event loop. `shared` returns the shared roster and its version."""

    def __init__(self, shared: SharedRoster) -> None:
        self._shared = shared
        self._own: dict[int, OwnNames] = {}
        self._tagging: dict[int, GuildTagging] = {}
        self._owners: tuple[int, dict[str, set[str]]] | None = None
        self._views: OrderedDict[int, tuple[GuildTagging, Roster]] = OrderedDict()
        self._names: OrderedDict[int, tuple[GuildTagging, RosterNames, RosterNames]] = OrderedDict()
        self._lock = threading.RLock()

    def load(self, own: Mapping[int, OwnNames]) -> None:
        """Every server's own names at once (at start)."""
        with self._lock:
            self._own = {guild: names for guild, names in own.items() if _any(names)}
            self._tagging.clear()
            self._views.clear()
            self._names.clear()

    def set(self, guild_id: int, own: OwnNames | None) -> None:
        """One server's names changed: its matcher and views are rebuilt when next used."""
        with self._lock:
            if own is None or not _any(own):
                self._own.pop(guild_id, None)
            else:
                self._own[guild_id] = own
            self._tagging.pop(guild_id, None)
            self._views.pop(guild_id, None)
            self._names.pop(guild_id, None)

    def guild_ids(self) -> list[int]:
        """Servers with names of their own (the only ones fan-out tags for)."""
        with self._lock:
            return list(self._own)

    def tagging(self, guild_id: int | None) -> GuildTagging | None:
        """The server's own names as they tag, or None when it has none."""
        if guild_id is None:
            return None
        with self._lock:
            own = self._own.get(guild_id)
            if own is None:
                return None
            version, shared = self._shared()
            found = self._tagging.get(guild_id)
            if found is None or found.version != version:
                found = decide(guild_id, version, shared, self._shared_owners(version, shared), own)
                self._tagging[guild_id] = found
            return found

    def roster(self, guild_id: int | None) -> Roster:
        """The roster as the server sees it: the shared one with its own riders, teams and
        aliases (the shared one when it has none)."""
        tagging = self.tagging(guild_id)
        _, shared = self._shared()
        if tagging is None:
            return shared
        with self._lock:
            kept = self._views.get(tagging.guild_id)
            if kept is None or kept[0] is not tagging:
                view = with_aliases(shared.merged(tagging.entities), tagging.aliases)
                kept = (tagging, view)
                _remember(self._views, tagging.guild_id, kept)
            return kept[1]

    def names(self, guild_id: int | None, shared: RosterNames, today: date) -> RosterNames:
        """The name indexes as the server sees them: `shared` (the bot's, for the shared
        roster and `today`) with its own names on top."""
        tagging = self.tagging(guild_id)
        if tagging is None:
            return shared
        with self._lock:
            kept = self._names.get(tagging.guild_id)
            if kept is None or kept[0] is not tagging or kept[1] is not shared:
                view = self.roster(guild_id)
                kept = (tagging, shared, _extended(shared, view, tagging, today))
                _remember(self._names, tagging.guild_id, kept)
            return kept[2]

    def _shared_owners(self, version: int, shared: Roster) -> dict[str, set[str]]:
        if self._owners is None or self._owners[0] != version:
            self._owners = (version, name_owners(shared))
        return self._owners[1]


def tag_for_guilds(
    stories: Sequence[tuple[int, str, str]], taggings: Iterable[GuildTagging]
) -> list[tuple[int, int, str]]:
    """(guild id, article id, entity id) for every server's own names in each story
    (article id, title, text); plain CPU work, run in a worker thread."""
    taggings = [t for t in taggings if len(t.matcher)]
    out = []
    for article_id, title, text in stories:
        folded = [FoldedText(title).folded, FoldedText(text).folded] if taggings else []
        for tagging in taggings:
            found: dict[str, None] = {}
            for part in folded:
                for _, _, payloads in tagging.matcher.find_folded(part):
                    found.update(dict.fromkeys(payloads))
            out += [(tagging.guild_id, article_id, entity_id) for entity_id in found]
    return out


def _extended(shared: RosterNames, view: Roster, tagging: GuildTagging, today: date) -> RosterNames:
    people = [f"person:{i}" for i in tagging.entities.people]
    teams = [f"team:{i}" for i in tagging.entities.teams]
    for entity_id, _ in tagging.aliases:
        (people if bare(entity_id)[0] == "person" else teams).append(entity_id)
    people_names = [(bare(e)[1], n) for e in dict.fromkeys(people) for n in entity_names(view, e)]
    team_names = [(bare(e)[1], n) for e in dict.fromkeys(teams) for n in entity_names(view, e)]
    people_labels = {
        ident: person_label(person, view, today)
        for ident, person in tagging.entities.people.items()
    }
    team_labels = {ident: team_label(team, today) for ident, team in tagging.entities.teams.items()}
    return RosterNames(
        shared.people.extended(people_names, people_labels),
        shared.teams.extended(team_names, team_labels),
    )


def _remember(cache: OrderedDict, key: int, value: object) -> None:
    cache[key] = value
    cache.move_to_end(key)
    while len(cache) > VIEWS_KEPT:
        cache.popitem(last=False)


def _any(own: OwnNames) -> bool:
    return bool(own.entities or own.aliases)
