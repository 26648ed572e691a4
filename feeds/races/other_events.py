"""Another sport's or discipline's event under a road race's name.

A championship's name is every sport's ("svetovno prvenstvo v nogometu" is football's
World Cup, "Mundial en pista" the track Worlds) and a stage race's is borrowed too
("Giro d'Italia a vela", sailing). A word of another sport, discipline or age category
right after the name, a linking word or two ("en", "v", "on the") or a medal word
("VM-gull på bane") allowed between, or a sport's word right before it in a compound
("fotball-VM"), or a discipline's medal before it ("an omnium silver medal at the
Olympics"), makes the name that event's: not listed. The words, per language, are data:
`other_events.toml`; every language's are read in every story (each names its sport in
its own language only, and a quoted foreign name keeps its words). Motor sport's events
named after a cycling race ("Tour de France Automobile", "Tour Auto") are read apart:
their word right after the name, in a story of that language (cycling has its motorbikes
and motors too).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from feeds.races.mentions import words_before
from feeds.races.model import CalendarError
from feeds.races.wins import YEAR
from feeds.text.fold import fold_tokens

OTHER_EVENTS_FILE = "other_events.toml"
MAX_LINKS = 3
"""Linking words allowed between a name and the sport's word ("en la pista", a medal's
winner then "on the track")."""
LONGEST = 2
"""Words in the longest sport phrase ("mountain bike", "sub 23")."""
MEDAL_REACH = 6
"""Words looked back over for a discipline's medal won at the event ("an omnium silver
medal at the 2016 Olympics")."""


@dataclass(frozen=True, slots=True)
class OtherEvents:
    links: frozenset[str]
    after: frozenset[tuple[str, ...]]
    """Folded phrases after a name (one or two words)."""
    before: frozenset[str]
    """Folded words just before a name."""
    stage_words: frozenset[str] = frozenset()
    """Folded words that, right after a sport's word, make it describe a road race's
    stage ("Tour de France gravel stage"), not name another event."""
    age: frozenset[tuple[str, ...]] = frozenset()
    """Folded age categories (one or two words), read after a name like a sport's words
    and right before it ("the junior Tour of Flanders", "the U-23 Giro")."""
    motor: Mapping[str, frozenset[tuple[str, ...]]] = field(default_factory=dict, hash=False)
    """Language -> folded words that, right after a name, make it a motor-sport event's
    own name ("Tour de France Automobile", "Tour Auto")."""
    medals: frozenset[str] = frozenset()
    """Folded medal words: between a name and a discipline's word after it they link
    ("VM-gull på bane"), and before it they carry a discipline's word ("an omnium
    silver medal at the Olympics")."""

    def follows(
        self,
        folded: str,
        start: int,
        end: int,
        *,
        look_before: bool,
        look_after: bool,
        language: str | None = None,
    ) -> bool:
        """Whether the name at folded `start:end` is another sport's or discipline's event.
        The folded text has no punctuation: the caller says whether the words before and
        after are in the name's sentence ("... on the track. Milan-San Remo is next").
        `language`: the story's, whose motor-sport names are read (None: every one's)."""
        before = words_before(folded, start, LONGEST)
        if look_before and before and (before[-1] in self.before or self._age_ends(before)):
            return True
        if look_before and self.medals and self._medal_before(folded, start):
            return True
        if look_before and self._age_before_links(folded, start):
            return True
        if not look_after:
            return False
        words = folded[end : end + 80].split()[: MAX_LINKS + LONGEST + 1]
        if self._motor_name(words, language):
            return True
        for skip in range(MAX_LINKS + 1):
            if skip and words[skip - 1 : skip] and words[skip - 1] not in self._linking:
                return False
            rest = words[skip:]
            for n in range(1, LONGEST + 1):
                if tuple(rest[:n]) in self.after:
                    return not (rest[n:] and rest[n] in self.stage_words)
        return False

    def names_discipline(self, words: list[str]) -> bool:
        """Whether folded `words` (a headline and lead) hold another sport's or discipline's
        word anywhere ("cyclo-cross", "keirin", "su pista"): a title they report may be
        that discipline's, not the road's."""
        return any(
            tuple(words[i : i + n]) in self.after
            for i in range(len(words))
            for n in range(1, LONGEST + 1)
        )

    @property
    def _linking(self) -> frozenset[str]:
        return self.links | self.medals

    def _medal_before(self, folded: str, start: int) -> bool:
        """A discipline's word, then a medal word, links and a year before the name:
        "took an omnium silver medal at the 2016 Olympics"."""
        words = folded[max(0, start - 12 * MEDAL_REACH) : start].split()[-MEDAL_REACH:]
        medal = False
        for word in reversed(words):
            if word in self.medals:
                medal = True
            elif word not in self.links and not YEAR.fullmatch(word):
                return medal and (word in self.before or (word,) in self.after)
        return False

    def _age_before_links(self, folded: str, start: int) -> bool:
        """An age category, then a linking word or two, before the name: "the juniors
        of the Worlds", "la course en ligne juniors des championnats d'Allemagne"."""
        words = folded[max(0, start - 80) : start].split()[-(LONGEST + MAX_LINKS) :]
        links = 0
        while words and words[-1] in self.links and links < MAX_LINKS:
            words.pop()
            links += 1
        return bool(links) and bool(words) and self._age_ends(words)

    def _motor_name(self, words: list[str], language: str | None) -> bool:
        if language is None:
            pools: Iterable[frozenset[tuple[str, ...]]] = self.motor.values()
        else:
            pools = (self.motor.get(language, frozenset()),)
        return any(tuple(words[:n]) in pool for pool in pools for n in range(1, LONGEST + 1))

    def _age_ends(self, words: list[str]) -> bool:
        return any(tuple(words[-n:]) in self.age for n in range(1, min(LONGEST, len(words)) + 1))


def _phrases(value: Any, where: str, source: str) -> list[tuple[str, ...]]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise CalendarError(source, None, f"{where}: must be a list of non-empty strings")
    out = [tuple(fold_tokens(v)) for v in value]
    for raw, phrase in zip(value, out, strict=True):
        if not phrase or len(phrase) > LONGEST:
            raise CalendarError(source, None, f"{where}: {raw!r} must fold to 1-{LONGEST} words")
    return out


def parse_other_events(text: str, source: str) -> OtherEvents:
    """`links` (linking words), `stage_words` (a road stage's nouns), `[words]` (per
    language: a sport's words after a name), `[before] words` (a sport's words before
    a name), `[age] words` and `[motor]` (per language: a motor-sport event's own word
    right after a name)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CalendarError(source, None, f"not valid TOML: {exc}") from None
    unknown = set(data) - {"links", "stage_words", "words", "before", "age", "motor", "medals"}
    if unknown:
        raise CalendarError(source, None, f"unknown key {sorted(unknown)[0]!r}")
    links = {p[0] for p in _phrases(data.get("links", []), "links", source) if len(p) == 1}
    medals = _phrases(data.get("medals", []), "medals", source)
    if any(len(p) != 1 for p in medals):
        raise CalendarError(source, None, "medals: one word each")
    stage_words = _phrases(data.get("stage_words", []), "stage_words", source)
    if any(len(p) != 1 for p in stage_words):
        raise CalendarError(source, None, "stage_words: one word each")
    words = data.get("words", {})
    if not isinstance(words, dict):
        raise CalendarError(source, None, "[words]: must be a table of language = [words]")
    after = {p for lang, v in words.items() for p in _phrases(v, f"words.{lang}", source)}
    before_table = data.get("before", {})
    if not isinstance(before_table, dict) or set(before_table) - {"words"}:
        raise CalendarError(source, None, "[before]: must hold only words = [...]")
    before = _phrases(before_table.get("words", []), "before.words", source)
    if any(len(p) != 1 for p in before):
        raise CalendarError(source, None, "before.words: one word each")
    age_table = data.get("age", {})
    if not isinstance(age_table, dict) or set(age_table) - {"words"}:
        raise CalendarError(source, None, "[age]: must hold only words = [...]")
    age = frozenset(_phrases(age_table.get("words", []), "age.words", source))
    motor_table = data.get("motor", {})
    if not isinstance(motor_table, dict):
        raise CalendarError(source, None, "[motor]: must be a table of language = [words]")
    motor = {
        lang: frozenset(_phrases(v, f"motor.{lang}", source)) for lang, v in motor_table.items()
    }
    return OtherEvents(
        frozenset(links),
        frozenset(after) | age,
        frozenset(p[0] for p in before),
        frozenset(p[0] for p in stage_words),
        age,
        motor,
        frozenset(p[0] for p in medals),
    )


def bundled_other_events() -> OtherEvents:
    text = (resources.files("feeds.races") / OTHER_EVENTS_FILE).read_text(encoding="utf-8")
    return parse_other_events(text, f"feeds/races/{OTHER_EVENTS_FILE}")
