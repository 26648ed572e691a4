"""The roster: teams (with every name they raced under), riders, staff and retired riders.

Bundled data lives in `feeds/roster/data/*.toml`; extra files in the same format can be
loaded on top (`--roster FILE`, `domestique roster import FILE`). A file is checked
whole before anything from it is used: a malformed file is refused with its line
and the reason.

File format (TOML; every table array is optional)::

    [[team]]
    id = "astana"                      # stable slug, never reused
    category = "men"                   # men | women
    level = "WT"                       # WT | PRT | CT (informational)
    country = "KAZ"                    # IOC code of the team's registration
    aliases = ["Astana"]               # short names, any era
    nicknames = []
    names = [
      { name = "Astana Qazaqstan", from = 2022-01-01, until = 2024-12-31 },
      { name = "XDS Astana", from = 2025-01-01 },
    ]

    [[rider]]                          # also [[staff]] and [[retired]]
    name = "Mark Cavendish"            # canonical, with diacritics
    aliases = ["Cav", "the Manxman"]
    nationality = "GBR"
    retired = 2024                     # last season raced (riders only)
    role = "coach"                     # staff only
    teams = [{ team = "astana", from = 2023, until = 2024 }]   # seasons, inclusive

A rider's stint with a `role` is one off the bike (a rider who coached between two
racing careers, as Anna van der Breggen did 2022-24): in those seasons the rider
counts as staff of that team, not as a rider.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from feeds.datafile import DataFileError

# tomllib and importlib.resources are imported where a file is read: `domestique --help`
# loads this module (for RosterError) and reads none (tests/bot/cli/test_startup.py).
if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

PersonKind = Literal["rider", "staff", "retired"]
PERSON_KINDS: tuple[PersonKind, ...] = ("rider", "staff", "retired")
TEAM_CATEGORIES = ("men", "women")


class RosterError(DataFileError):
    """A roster file that cannot be used."""


@dataclass(frozen=True, slots=True)
class TeamName:
    name: str
    start: date | None = None
    end: date | None = None

    def in_force(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class Team:
    id: str
    category: str
    names: tuple[TeamName, ...]
    aliases: tuple[str, ...] = ()
    nicknames: tuple[str, ...] = ()
    country: str | None = None
    level: str | None = None

    @property
    def current_name(self) -> str:
        return self.names[-1].name

    def name_on(self, when: date | None) -> str:
        """The name the team raced under on `when` (today's name when unknown)."""
        if when is None:
            return self.current_name
        for name in reversed(self.names):
            if name.in_force(when):
                return name.name
        # Before its first recorded name or in a gap: the nearest earlier name, else the first.
        earlier = [n for n in self.names if n.start is not None and n.start <= when]
        return earlier[-1].name if earlier else self.names[0].name

    @property
    def all_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(n.name for n in self.names))


@dataclass(frozen=True, slots=True)
class Stint:
    team_id: str
    start: int | None = None
    end: int | None = None
    role: str | None = None
    """Set on a rider's seasons as staff (a career break spent coaching)."""

    def covers(self, season: int) -> bool:
        return (self.start is None or self.start <= season) and (
            self.end is None or season <= self.end
        )


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    kind: PersonKind
    aliases: tuple[str, ...] = ()
    nationality: str | None = None
    stints: tuple[Stint, ...] = ()
    retired: int | None = None
    role: str | None = None

    def is_active_rider(self, when: date | None) -> bool:
        """A rider still racing on `when`; an unknown date counts as today."""
        if self.kind != "rider":
            return False
        season = (when or date.today()).year
        if self.staff_in(season):
            return False
        return self.retired is None or season <= self.retired

    def staff_in(self, season: int) -> bool:
        """A rider working as staff that season (a stint with a role covers it)."""
        return any(s.role and s.covers(season) for s in self.stints)

    def team_on(self, when: date | None) -> str | None:
        season = (when or date.today()).year
        for stint in reversed(self.stints):
            if stint.covers(season):
                return stint.team_id
        return None

    @property
    def current_team(self) -> str | None:
        if self.retired is not None and self.retired < date.today().year:
            return None
        return self.team_on(None)


@dataclass(slots=True)
class Roster:
    teams: dict[str, Team] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)

    def riders(self) -> Iterable[Person]:
        return (p for p in self.people.values() if p.kind == "rider")

    def merged(self, other: Roster) -> Roster:
        """This roster with `other` on top: an entity with the same id is replaced."""
        return Roster({**self.teams, **other.teams}, {**self.people, **other.people})

    def check_references(self, source: str = "roster") -> None:
        for person in self.people.values():
            for stint in person.stints:
                if stint.team_id not in self.teams:
                    raise RosterError(
                        source, None, f"{person.name}: unknown team id {stint.team_id!r}"
                    )


def slugify(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.replace("ø", "o").replace("Ø", "O"))
    ascii_only = folded.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")


# --- loading -------------------------------------------------------------------------

_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*(team|rider|staff|retired)[ \t]*\]\]", re.MULTILINE)
_TOML_LINE = re.compile(r"at line (\d+)")
NAME_LIMIT = 200
MIN_CACHED_CHARS = 32_768
"""A roster text this long or longer is kept parsed (feeds/roster/cache.py); smaller ones
parse in a few milliseconds."""
NOT_ROSTER_FILES = frozenset({"name-forms.toml", "team-regions.toml"})
"""Data files beside the roster that are not roster files (feeds/roster/name_forms.py and
feeds/roster/regions.py read them)."""


def name_problem(value: object) -> str | None:
    """Why `value` cannot be a name or an alias (None: it can). The one check every
    name, former name, alias and nickname goes through, from a file or from a moderator.

    Control and format characters (Unicode category C: ESC, newline, right-to-left
    override, zero-width space…) and line or paragraph separators are refused: shown in
    Discord or a terminal they reorder, hide or forge text around them."""
    if not isinstance(value, str):
        return "must be a string"
    # isprintable() is the usual case, checked in C: no category C, nor Z but spaces.
    for char in () if value.isprintable() else value:
        if unicodedata.category(char)[0] == "C" or char in "\u2028\u2029":
            name = unicodedata.name(char, f"U+{ord(char):04X}")
            return f"holds control characters or invisible formatting ({name})"
    if not value.strip():
        return "must be a non-empty string"
    if len(value) > NAME_LIMIT:
        return f"is longer than {NAME_LIMIT} characters"
    return None


def _header_lines(text: str) -> dict[str, list[int]]:
    """Line number of each `[[kind]]` header, in order, to point errors at entries.

    Counted in one pass (each header counts the newlines since the previous one):
    counting from the file's start for every entry made a 40k-entry import quadratic."""
    lines: dict[str, list[int]] = {}
    line, position = 1, 0
    for match in _HEADER.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        lines.setdefault(match.group(1), []).append(line)
    return lines


class _Reader:
    def __init__(self, source: str, text: str) -> None:
        self.source = source
        self.headers = _header_lines(text)

    def fail(self, table: str, index: int, reason: str) -> RosterError:
        lines = self.headers.get(table, [])
        line = lines[index] if index < len(lines) else None
        return RosterError(self.source, line, f"[[{table}]] #{index + 1}: {reason}")

    def text(self, entry: Mapping[str, Any], key: str, table: str, i: int, *, required=False):
        value = entry.get(key)
        if value is None:
            if required:
                raise self.fail(table, i, f"missing {key!r}")
            return None
        problem = name_problem(value)
        if problem:
            raise self.fail(table, i, f"{key!r} {problem}")
        return value.strip()

    def texts(self, entry: Mapping[str, Any], key: str, table: str, i: int) -> tuple[str, ...]:
        values = entry.get(key, [])
        if not isinstance(values, list):
            raise self.fail(table, i, f"{key!r} must be a list of strings")
        out = []
        for value in values:
            problem = name_problem(value)
            if problem:
                raise self.fail(table, i, f"{key!r} holds {value!r}, which {problem}")
            out.append(value.strip())
        return tuple(dict.fromkeys(out))

    def season(self, value: Any, what: str, table: str, i: int) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2100:
            raise self.fail(table, i, f"{what} must be a season year, got {value!r}")
        return value

    def day(self, value: Any, what: str, table: str, i: int) -> date | None:
        if value is None:
            return None
        if isinstance(value, date):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return date(self.season(value, what, table, i) or 1900, 1, 1)
        raise self.fail(table, i, f"{what} must be a date (YYYY-MM-DD), got {value!r}")

    def team(self, entry: Mapping[str, Any], i: int) -> Team:
        team_id = self.text(entry, "id", "team", i, required=True)
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", team_id):
            raise self.fail("team", i, f"id {team_id!r} must be a lowercase slug")
        category = entry.get("category", "men")
        if category not in TEAM_CATEGORIES:
            raise self.fail("team", i, f"category must be one of {TEAM_CATEGORIES}")
        raw_names = entry.get("names")
        if not isinstance(raw_names, list) or not raw_names:
            raise self.fail("team", i, "'names' must list at least one {name, from, until}")
        names = []
        for raw in raw_names:
            if not isinstance(raw, dict):
                raise self.fail("team", i, "each of 'names' must be a table {name, from, until}")
            start = self.day(raw.get("from"), "names.from", "team", i)
            until = raw.get("until")
            end = self.day(until, "names.until", "team", i)
            if isinstance(until, int) and end is not None:
                end = date(end.year, 12, 31)
            if start and end and end < start:
                raise self.fail("team", i, f"name {raw.get('name')!r} ends before it starts")
            names.append(TeamName(self.text(raw, "name", "team", i, required=True), start, end))
        names.sort(key=lambda n: n.start or date.min)
        return Team(
            id=team_id,
            category=category,
            names=tuple(names),
            aliases=self.texts(entry, "aliases", "team", i),
            nicknames=self.texts(entry, "nicknames", "team", i),
            country=self.text(entry, "country", "team", i),
            level=self.text(entry, "level", "team", i),
        )

    def person(self, entry: Mapping[str, Any], kind: PersonKind, i: int) -> Person:
        name = self.text(entry, "name", kind, i, required=True)
        stints = []
        raw_teams = entry.get("teams", [])
        if not isinstance(raw_teams, list):
            raise self.fail(kind, i, "'teams' must be a list of {team, from, until}")
        for raw in raw_teams:
            if not isinstance(raw, dict):
                raise self.fail(kind, i, "each of 'teams' must be a table {team, from, until}")
            start = self.season(raw.get("from"), "teams.from", kind, i)
            end = self.season(raw.get("until"), "teams.until", kind, i)
            if start and end and end < start:
                raise self.fail(kind, i, f"stint at {raw.get('team')!r} ends before it starts")
            team_id = self.text(raw, "team", kind, i, required=True)
            stints.append(Stint(team_id, start, end, self.text(raw, "role", kind, i)))
        stints.sort(key=lambda s: s.start or 0)
        person_id = self.text(entry, "id", kind, i) or slugify(name)
        return Person(
            id=person_id,
            name=name,
            kind=kind,
            aliases=self.texts(entry, "aliases", kind, i),
            nationality=self.text(entry, "nationality", kind, i),
            stints=tuple(stints),
            retired=self.season(entry.get("retired"), "retired", kind, i),
            role=self.text(entry, "role", kind, i),
        )


def parse_roster(text: str, source: str = "<roster>") -> Roster:
    """Read one roster file's text; raises RosterError naming the line and reason. A large
    text parsed before is read back from the cache (feeds/roster/cache.py)."""
    if len(text) < MIN_CACHED_CHARS:
        return _parse_roster(text, source)
    from feeds.roster import cache

    key = cache.text_key(text)
    roster = cache.load(key, decode_roster)
    if roster is None:
        roster = _parse_roster(text, source)
        cache.keep(key, encode_roster(roster))
    return roster


def _parse_roster(text: str, source: str) -> Roster:
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        if found:
            line = int(found.group(1))
        else:  # "at end of document"
            line = text.count("\n") + (0 if text.endswith("\n") else 1)
        raise RosterError(source, line, str(exc)) from None
    unknown = set(data) - {"team", *PERSON_KINDS}
    if unknown:
        raise RosterError(source, None, f"unknown top-level keys {sorted(unknown)}")
    reader = _Reader(source, text)
    roster = Roster()
    for i, entry in enumerate(_entries(data, "team", source)):
        team = reader.team(entry, i)
        if team.id in roster.teams:
            raise reader.fail("team", i, f"duplicate team id {team.id!r}")
        roster.teams[team.id] = team
    for kind in PERSON_KINDS:
        for i, entry in enumerate(_entries(data, kind, source)):
            person = reader.person(entry, kind, i)
            if person.id in roster.people:
                raise reader.fail(kind, i, f"duplicate person id {person.id!r} ({person.name})")
            roster.people[person.id] = person
    return roster


def _entries(data: Mapping[str, Any], key: str, source: str) -> list[Mapping[str, Any]]:
    entries = data.get(key, [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise RosterError(source, None, f"{key!r} must be written as [[{key}]] tables")
    return entries


def load_roster_file(path: str | Path) -> Roster:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RosterError(str(path), None, f"cannot read: {exc}") from None
    return parse_roster(text, str(path))


def bundled_files() -> list[Traversable]:
    """The roster's data files shipped with the package (feeds/roster/data/*.toml), by name."""
    from importlib import resources

    folder = resources.files("feeds.roster") / "data"
    items = [
        item
        for item in folder.iterdir()
        if item.name.endswith(".toml") and item.name not in NOT_ROSTER_FILES
    ]
    return sorted(items, key=lambda item: item.name)


def bundled_roster() -> Roster:
    """Every bundled file, merged; ids must not repeat across files. Kept in the cache
    (feeds/roster/cache.py) as a whole: the files are read, not parsed, when unchanged."""
    from feeds.roster import cache

    files = [(item.name, item.read_text(encoding="utf-8")) for item in bundled_files()]
    key = cache.text_key(*(part for file in files for part in file))
    roster = cache.load(key, decode_roster)
    if roster is None:
        roster = _bundled_roster(files)
        cache.keep(key, encode_roster(roster))
    return roster


def _bundled_roster(files: list[tuple[str, str]]) -> Roster:
    roster = Roster()
    for name, text in files:
        part = _parse_roster(text, f"feeds/roster/data/{name}")
        for key in part.teams.keys() & roster.teams.keys():
            raise RosterError(name, None, f"team id {key!r} is defined twice")
        for key in part.people.keys() & roster.people.keys():
            raise RosterError(name, None, f"person id {key!r} is defined twice")
        roster = roster.merged(part)
    roster.check_references("feeds/roster")
    return roster


def load_roster(extra_files: Iterable[str | Path] = (), extra_texts: Iterable[str] = ()) -> Roster:
    """The bundled roster with extra files (CLI) and stored imports (database) on top."""
    roster = bundled_roster()
    for path in extra_files:
        roster = roster.merged(load_roster_file(path))
    for i, text in enumerate(extra_texts):
        roster = roster.merged(parse_roster(text, f"<stored roster import {i + 1}>"))
    roster.check_references()
    return roster


# --- the parsed-roster cache's form (feeds/roster/cache.py) ----------------------------

CACHE_FORMAT = "roster-1"


def _day(value: date | None) -> int | None:
    return None if value is None else value.toordinal()


def _from_day(value: int | None) -> date | None:
    return None if value is None else date.fromordinal(value)


def encode_roster(roster: Roster) -> tuple:
    """The roster as nested tuples of strings and numbers, in load order."""
    teams = tuple(
        (
            t.id,
            t.category,
            tuple((n.name, _day(n.start), _day(n.end)) for n in t.names),
            t.aliases,
            t.nicknames,
            t.country,
            t.level,
        )
        for t in roster.teams.values()
    )
    people = tuple(
        (
            p.id,
            p.name,
            p.kind,
            p.aliases,
            p.nationality,
            tuple((s.team_id, s.start, s.end, s.role) for s in p.stints),
            p.retired,
            p.role,
        )
        for p in roster.people.values()
    )
    return (CACHE_FORMAT, teams, people)


def decode_roster(data: object) -> Roster:
    """`encode_roster`'s output back into a Roster; ValueError when it is not one."""
    if not isinstance(data, tuple) or len(data) != 3 or data[0] != CACHE_FORMAT:
        raise ValueError("not a roster cache entry")
    _, teams, people = data
    roster = Roster()
    for tid, category, names, aliases, nicknames, country, level in teams:
        roster.teams[tid] = Team(
            tid,
            category,
            tuple(TeamName(n, _from_day(s), _from_day(e)) for n, s, e in names),
            aliases,
            nicknames,
            country,
            level,
        )
    for pid, name, kind, aliases, nationality, stints, retired, role in people:
        roster.people[pid] = Person(
            pid,
            name,
            kind,
            aliases,
            nationality,
            tuple(Stint(*stint) for stint in stints),
            retired,
            role,
        )
    return roster


def dump_roster(roster: Roster) -> str:
    """The roster as a TOML file in the same format (for `domestique roster export`)."""
    import tomli_w

    def clean(d: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in d.items() if v not in (None, (), [], "")}

    data: dict[str, list[dict[str, Any]]] = {"team": []}
    for team in roster.teams.values():
        names = [clean({"name": n.name, "from": n.start, "until": n.end}) for n in team.names]
        data["team"].append(
            clean(
                {
                    "id": team.id,
                    "category": team.category,
                    "level": team.level,
                    "country": team.country,
                    "aliases": list(team.aliases),
                    "nicknames": list(team.nicknames),
                    "names": names,
                }
            )
        )
    for person in roster.people.values():
        teams = [
            clean({"team": s.team_id, "from": s.start, "until": s.end, "role": s.role})
            for s in person.stints
        ]
        entry = {
            "id": person.id if person.id != slugify(person.name) else None,
            "name": person.name,
            "aliases": list(person.aliases),
            "nationality": person.nationality,
            "retired": person.retired,
            "role": person.role,
            "teams": teams,
        }
        data.setdefault(person.kind, []).append(clean(entry))
    return tomli_w.dumps({k: v for k, v in data.items() if v})
