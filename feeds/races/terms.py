"""Every word the race tagger looks for, in Aho-Corasick automata over folded text.

Race names from the calendar (every language, with the one-letter slips of the long ones:
feeds/races/spelling.py) and short race names from `short_names.toml` ("the Tour",
"Giro", "Worlds", "Tourwinnaar"), which count only under the conditions `ShortName`
holds, share one automaton. The kind lexicons' words
(feeds/nlp/kinds: kind words, stage nouns, ordinals) have one automaton per language,
holding that language's words and English's, and one with every language pooled for a
story whose language is unknown.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

import ahocorasick

from feeds.nlp.kinds import KindLexicon
from feeds.nlp.matcher import alias_key
from feeds.races.model import Calendar, CalendarError
from feeds.races.spelling import slipped_names
from feeds.text.fold import fold_tokens

SHORT_NAMES_FILE = "short_names.toml"
ALWAYS: tuple[str, ...] = ("en",)
"""Kind words read in every language's stories besides its own: news in any language
quotes English words ("preview", "line-up", "crash")."""


@dataclass(frozen=True, slots=True)
class ShortName:
    """A short name counts only capitalised, in a cycling story, and not beside a word
    that makes it something else."""

    race_id: str
    not_after: frozenset[str]
    not_before: frozenset[str]
    languages: frozenset[str] = frozenset()
    """Only in a story of these languages (none: any): "DM" is a championship in Danish
    and German, a direct message in English."""
    context: tuple[str, ...] = ()
    """Folded word beginnings of which one must stand in the name's sentence, a few words
    away, when any are given (else one of its race's editions' hosts must): "SP" is every
    sport's championships in Slovenian ("cestno SP", "SP v kolesarstvu" are cycling's)."""


CONTEXT_WORDS = 4
"""Words on each side of a short name read for its context."""
CONTEXT_REACH = 80
"""Characters looked at on each side of a short name for those words."""
_SENTENCE_ENDS = ".!?;\n"
COMPOUND_STEM = 6
"""A context word's beginning this long is read inside a compound too."""


def in_context(rule: ShortName, original: str, start: int, end: int, hosts: frozenset[str]) -> bool:
    """Whether a short name at original `start:end` whose rule asks for context has it:
    a context word, or a host of one of its race's editions (declined: "v Zürichu"), among
    the few words around it in its sentence."""
    if not rule.context:
        return True
    before = original[max(0, start - CONTEXT_REACH) : start]
    cut = max(before.rfind(c) for c in _SENTENCE_ENDS)
    after = original[end : end + CONTEXT_REACH]
    stop = min((i for i in (after.find(c) for c in _SENTENCE_ENDS) if i >= 0), default=None)
    words = (
        fold_tokens(before[cut + 1 :])[-CONTEXT_WORDS:] + fold_tokens(after[:stop])[:CONTEXT_WORDS]
    )
    stems = (*rule.context, *(h for h in hosts if " " not in h))
    return any(_has_stem(word, stem) for word in words for stem in stems)


def _has_stem(word: str, stem: str) -> bool:
    """The word begins with the stem, or ends a compound with it when the stem is long
    enough to say so ("Einzelzeitfahren")."""
    return word.startswith(stem) or (len(stem) >= COMPOUND_STEM and stem in word)


@dataclass(frozen=True, slots=True)
class Term:
    what: str
    """"race", "kind" (a lexicon concept) or "ordinal"."""
    races: tuple[str, ...] = ()
    short: ShortName | None = None
    capitals: bool = False
    """A short name written in capitals ("WK"): it counts only in capitals."""
    concept: str = ""
    number: int = 0


@dataclass(frozen=True, slots=True)
class Entry:
    """What one lexicon key stands for, flattened for the scan loop."""

    concepts: tuple[str, ...]
    ordinal: int | None


def parse_short_names(
    text: str, source: str, calendar: Calendar
) -> list[tuple[tuple[str, ...], ShortName]]:
    """(names, rule) of each `[[short]]` entry; refuses a race the calendar lacks."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CalendarError(source, None, f"not valid TOML: {exc}") from None
    out = []
    for i, entry in enumerate(data.get("short", [])):
        where = f"short[{i}]"
        unknown = set(entry) - {"race", "names", "not_after", "not_before", "languages", "context"}
        if unknown:
            raise CalendarError(source, None, f"{where}: unknown key {sorted(unknown)[0]!r}")
        race_id = entry.get("race")
        if not isinstance(race_id, str) or calendar.race(race_id) is None:
            raise CalendarError(source, None, f"{where}: race {race_id!r} is not in the calendar")
        names = _strings(entry.get("names"), f"{where}.names", source)
        if not names:
            raise CalendarError(source, None, f"{where}: names is empty")
        rule = ShortName(
            race_id,
            frozenset(_strings(entry.get("not_after", []), f"{where}.not_after", source)),
            frozenset(_strings(entry.get("not_before", []), f"{where}.not_before", source)),
            frozenset(_strings(entry.get("languages", []), f"{where}.languages", source)),
            tuple(_strings(entry.get("context", []), f"{where}.context", source)),
        )
        out.append((names, rule))
    return out


def _strings(value: Any, where: str, source: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise CalendarError(source, None, f"{where}: must be a list of non-empty strings")
    return tuple(value)


# Slovenian names decline: "svetovno prvenstvo" is "na svetovnem prvenstvu", "dirka po
# Sloveniji" is "na dirki po Sloveniji". The calendar gives a name as written in the
# nominative; the cases news writes it in follow from its first words.
_SL_RACE_NOUNS = {
    "dirka": ("dirke", "dirki", "dirko"),
    "kriterij": ("kriterija", "kriteriju", "kriterijem"),
}
_SL_NEUTER_ENDINGS = (("ega", "a"), ("em", "u"), ("emu", "u"), ("im", "om"))


def slovene_cases(name: str) -> list[str]:
    """The other cases of a Slovenian race name: its leading noun ("dirka po Franciji":
    dirke, dirki, dirko), or a neuter adjective and noun ("svetovno prvenstvo": svetovnega
    prvenstva, svetovnem prvenstvu, svetovnim prvenstvom)."""
    words = name.split(" ")
    first = words[0].lower()
    if first in _SL_RACE_NOUNS:
        return [" ".join([form, *words[1:]]) for form in _SL_RACE_NOUNS[first]]
    if len(words) >= 2 and first.endswith("o") and words[1].lower().endswith("o"):
        adjective, noun = words[0][:-1], words[1][:-1]
        return [" ".join([adjective + a, noun + n, *words[2:]]) for a, n in _SL_NEUTER_ENDINGS]
    return []


def bundled_short_names(calendar: Calendar) -> list[tuple[tuple[str, ...], ShortName]]:
    text = (resources.files("feeds.races") / SHORT_NAMES_FILE).read_text(encoding="utf-8")
    return parse_short_names(text, f"feeds/races/{SHORT_NAMES_FILE}", calendar)


class Terms:
    """Immutable after construction; `scan` only reads the automaton (thread-safe)."""

    def __init__(
        self,
        calendar: Calendar,
        shorts: Iterable[tuple[tuple[str, ...], ShortName]],
        lexicons: Mapping[str, KindLexicon],
        made: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        """`made`: race id -> names made from patterns (feeds/races/nationals.py), read as
        the calendar's own."""
        table: dict[str, dict[Term, None]] = {}
        races: dict[str, list[str]] = {}
        made = made or {}
        for race in calendar.races.values():
            forms = [
                *race.aliases,
                *(f for n in race.names.get("sl", ()) for f in slovene_cases(n)),
                *made.get(race.id, ()),
            ]
            for alias in forms:
                key = alias_key(alias)
                if key is not None and race.id not in races.setdefault(key, []):
                    races[key].append(race.id)
        for names, rule in shorts:
            for name in names:
                key = alias_key(name)
                if key is not None:
                    # The short rule takes over the name; the calendar's races for it stay.
                    ids = tuple(dict.fromkeys([rule.race_id, *races.pop(key, [])]))
                    term = Term("race", ids, rule, capitals=name.isupper())
                    table.setdefault(key, {})[term] = None
        for key, ids in races.items():
            table.setdefault(key, {})[Term("race", tuple(ids))] = None
        # A slip in a long calendar name is that name (feeds/races/spelling.py); short
        # names, whose rules a slip would bypass, make none.
        for key, ids in slipped_names(races, table).items():
            table[key] = {Term("race", ids): None}
        # Two sorts of automata: race names are read in the whole text, kind words only
        # where they tell the kind (the headline and the opening), and there are many more
        # of them. Kind words come per language (a word of one language is often another
        # kind's, or no cycling word, in the next: "corsa", "giro", "tour"), and pooled for
        # a story whose language is unknown.
        self._races = ahocorasick.Automaton()
        for key, terms in table.items():
            # One race term per key: a short rule, which came first, or the calendar's.
            self._races.add_word(key, (len(key), next(iter(terms))))
        self._races.make_automaton()
        self._pooled, pooled_size = _words_automaton(lexicons.values())
        self._by_language = {
            code: _words_automaton(
                [lexicons[c] for c in dict.fromkeys((code, *ALWAYS)) if c in lexicons]
            )[0]
            for code in lexicons
        }
        self.size = len(table) + pooled_size

    def routed(self, language: str | None) -> bool:
        """Whether a story in `language` has its own kind words (else they are pooled)."""
        return language in self._by_language

    def races(self, folded: str, start: int, end: int) -> Iterator[tuple[int, tuple[int, Term]]]:
        """(end index, (key length, race term)) of every race name in `folded[start:end]`,
        overlaps included (the caller settles them longest first: "le Tour" inside "le
        Tour de France" is not a race of its own)."""
        return self._races.iter(folded, start, end)  # type: ignore[no-any-return]

    def race_term(self, key: str) -> Term | None:
        """The race term of one whole folded key (" volta  a  suica "), if it is a name."""
        found = self._races.get(key, None)
        return None if found is None else found[1]  # type: ignore[no-any-return]

    def race_items(self) -> Iterator[tuple[str, tuple[int, Term]]]:
        """(key, (key length, race term)) of every race name: the keys `races` finds, for
        an automaton that reads them beside other phrases (feeds/races/scan.py)."""
        return self._races.items()  # type: ignore[no-any-return]

    def words(
        self, folded: str, start: int, end: int, language: str | None = None
    ) -> Iterator[tuple[int, tuple[int, Entry]]]:
        """(end index, (key length, entry)) of every lexicon word in `folded[start:end]`:
        the words of `language` (and English) when it has a lexicon, else every language's."""
        automaton = self._by_language.get(language or "", self._pooled)
        return automaton.iter(folded, start, end)  # type: ignore[no-any-return]


def _words_automaton(lexicons: Iterable[KindLexicon]) -> tuple[ahocorasick.Automaton, int]:
    """One automaton over the words and ordinals of `lexicons`, and its number of keys."""
    words: dict[str, dict[Term, None]] = {}
    for lexicon in lexicons:
        for concept, entries in lexicon.words.items():
            for word in entries:
                words.setdefault(word.key, {})[Term("kind", concept=concept)] = None
        for word, number in lexicon.ordinals.items():
            words.setdefault(f" {word} ", {})[Term("ordinal", number=number)] = None
    automaton = ahocorasick.Automaton()
    for key, terms in words.items():
        concepts = tuple(dict.fromkeys(t.concept for t in terms if t.what == "kind"))
        ordinal = next((t.number for t in terms if t.what == "ordinal"), None)
        automaton.add_word(key, (len(key), Entry(concepts, ordinal)))
    if words:
        automaton.make_automaton()
    return automaton, len(words)
