"""A championship named by a rider's title when the text states the win.

A title dated by the year it was won ("world champion in 2013", "champion du monde en
2021", "título olímpico em Paris-2024"), or told won ("he became world champion",
"décrocher le titre mondial", feeds/races/wins.py), states that the championship was won,
so the championship is one of the story's races; so does a title in the plural ("three
world titles", "quatro títulos mundiais"), which counts wins. A title alone only describes
a rider ("the world champion", "the double Olympic champion") and is not a race, and
neither is an under-23, junior or other discipline's title ("U23-verdensmester",
"champion du monde de cyclo-cross"). The titles of each championship, in the feed
languages, the words that state a win and the words that rule a title out are data:
`titles.toml`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import ahocorasick

from feeds.races.model import Calendar, CalendarError
from feeds.races.wins import WinCues
from feeds.text.fold import fold_tokens

TITLES_FILE = "titles.toml"
WIN_KEYS = (
    "before",
    "small",
    "events",
    "copulas",
    "articles",
    "year_links",
    "place_links",
    "adverbials",
)


@dataclass(frozen=True, slots=True)
class Titles:
    """Folded title -> its championship, and the folded words that qualify a title."""

    races: dict[str, str]
    rule_out: frozenset[str]
    automaton: ahocorasick.Automaton | None
    """The titles as whole-word keys over folded text (feeds/text/fold.py)."""
    plurals: frozenset[str] = frozenset()
    """Folded titles in the plural: titles won, with or without their years."""
    cues: WinCues = field(default_factory=WinCues)
    """The words that tell a title won from a title held (its `rule_out` is `rule_out`)."""

    def find(
        self,
        folded: str,
        matches: Iterable[tuple[int, tuple[int, str]]] | None = None,
        labels: Callable[[int, int], bool] | None = None,
    ) -> list[str]:
        """The championships whose win the folded text states, in text order. `matches`:
        this automaton's matches in `folded` when the caller has them already (one walk
        for several readers: feeds/races/scan.py). `labels`: whether a rider is named
        right after a title (wins.py's Labels)."""
        if self.automaton is None:
            return []
        found: list[str] = []
        for last, (length, race_id) in self.automaton.iter(folded) if matches is None else matches:
            start, end = last - length + 1, last + 1
            title = folded[start:end].strip().replace("  ", " ")
            labelled = labels is not None and labels(start, end)
            if self.cues.won(folded, start, end, title in self.plurals, labelled):
                found.append(race_id)
        return list(dict.fromkeys(found))


def parse_titles(text: str, source: str, calendar: Calendar) -> Titles:
    """The `[[title]]` entries and the `rule_out` word list; refuses a race the calendar
    lacks, or a title given to two races."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CalendarError(source, None, f"not valid TOML: {exc}") from None
    unknown = set(data) - {"title", "rule_out", "wins"}
    if unknown:
        raise CalendarError(source, None, f"unknown key {sorted(unknown)[0]!r}")
    races: dict[str, str] = {}
    plurals: set[str] = set()
    for i, entry in enumerate(data.get("title", [])):
        where = f"title[{i}]"
        race_id = entry.get("race") if isinstance(entry, dict) else None
        if not isinstance(race_id, str) or calendar.race(race_id) is None:
            raise CalendarError(source, None, f"{where}: race {race_id!r} is not in the calendar")
        extra = set(entry) - {"race", "names", "plurals"}
        if extra:
            raise CalendarError(source, None, f"{where}: unknown key {sorted(extra)[0]!r}")
        names = _folded_list(entry.get("names"), f"{where}.names", source)
        plural = _folded_list(entry.get("plurals", []), f"{where}.plurals", source)
        plurals.update(plural)
        for name in (*names, *plural):
            if races.setdefault(name, race_id) != race_id:
                raise CalendarError(source, None, f"{where}: {name!r} names two races")
    rule_out = frozenset(_folded_list(data.get("rule_out", []), "rule_out", source))
    automaton = whole_words({name: race_id for name, race_id in races.items()})
    return Titles(races, rule_out, automaton, frozenset(plurals), _cues(data, rule_out, source))


def _cues(data: dict[str, Any], rule_out: frozenset[str], source: str) -> WinCues:
    """The `[wins]` table: `before` words, `small` words, `events` phrases."""
    wins = data.get("wins", {})
    if not isinstance(wins, dict):
        raise CalendarError(source, None, "[wins]: must be a table")
    unknown = set(wins) - set(WIN_KEYS)
    if unknown:
        raise CalendarError(source, None, f"wins: unknown key {sorted(unknown)[0]!r}")
    lists = {key: _folded_list(wins.get(key, []), f"wins.{key}", source) for key in WIN_KEYS}
    for key in (key for key in WIN_KEYS if key not in ("events", "adverbials")):
        if any(" " in word for word in lists[key]):
            raise CalendarError(source, None, f"wins.{key}: one word each")
    return WinCues(
        frozenset(word for word in rule_out if " " not in word),
        frozenset(tuple(phrase.split()) for phrase in rule_out if " " in phrase),
        frozenset(tuple(phrase.split()) for phrase in lists["adverbials"]),
        frozenset(lists["before"]),
        frozenset(lists["small"]),
        frozenset(tuple(phrase.split()) for phrase in lists["events"]),
        frozenset(lists["copulas"]),
        frozenset(lists["articles"]),
        frozenset(lists["year_links"]),
        frozenset(lists["place_links"]),
    )


def whole_words(values: dict[str, str]) -> ahocorasick.Automaton | None:
    """An automaton over folded text finding each folded phrase as whole words (a key
    owns the spaces around its words, as the fold writes them), valued (length, value)."""
    if not values:
        return None
    automaton = ahocorasick.Automaton()
    for phrase, value in values.items():
        key = " " + "  ".join(phrase.split()) + " "
        automaton.add_word(key, (len(key), value))
    automaton.make_automaton()
    return automaton


def _folded_list(value: Any, where: str, source: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise CalendarError(source, None, f"{where}: must be a list of non-empty strings")
    out = []
    for item in value:
        folded = " ".join(fold_tokens(item))
        if not folded:
            raise CalendarError(source, None, f"{where}: {item!r} folds to nothing")
        out.append(folded)
    return out


def bundled_titles(calendar: Calendar) -> Titles:
    text = (resources.files("feeds.races") / TITLES_FILE).read_text(encoding="utf-8")
    return parse_titles(text, f"feeds/races/{TITLES_FILE}", calendar)
