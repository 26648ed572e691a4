"""Which stories cannot report a move, told in one pass: transfer extraction is skipped
for them.

Most stories ingestion tags are race reports, previews and interviews. Extraction only
finds evidence of a move in a clause that has a move cue: a word of a move family of the
transfer vocabulary (feeds/nlp/lexicons, `scan.MOVE_FAMILIES`), a verbless headline
("Hirschi naar Tudor": a person, a preposition, a team) or a round-up's subheading
("Lenny Martinez - Groupama-FDJ para Bahrain": a person, a dash, a team). Without
evidence the rules find no move, no departure and no headline move, so the answer is
"no transfer". This module tells that none of the three can be there, more cheaply
than reading the story:

- every string a move cue of any language can start with (each pattern expanded from
  its regular expression: "mov(?:e|es|ed|ing) (?:to|...)" gives "move to", "moves to",
  ...; an open-ended part such as "[\\w-]+" ends the expansion there) goes into one
  Aho-Corasick automaton with the cues it starts; one pass over the lower-cased story
  finds where any occurs, and only there are those cues tried (anywhere, not only at a
  word start, and in every language: more than the scan, never less);
- a person, then a team with only a headline preposition between them, in the headline;
- a person, a dash or a colon, then a team.

Each test is a necessary condition of what `extract` reads, never a guess:
tests/feeds/nlp/test_transfer_prefilter.py runs the corpus and generated stories with
and without it and compares every answer. A new way for extraction to find a move
without a cue (another verbless shape) must be added here too; that test is what notices.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from re import _constants as sre
from re import _parser as sre_parse

import ahocorasick

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.clause import _HEADLINE_GAP, _SUBHEADING_DASH
from feeds.nlp.transfers.scan import FAMILIES, MOVE_FAMILIES
from feeds.nlp.transfers.story import PERSON_KINDS
from feeds.nlp.transfers.text import lowered

MAX_STARTS = 256
"""Strings one pattern's expansion may reach before it stops at the prefixes it has."""
MAX_REPEAT = 3
"""A bounded repeat up to this many times is expanded; a longer or open one ends it."""


def may_report_move(text: str, mentions: Sequence[Mention], low: str | None = None) -> bool:
    """False when the story (title + "\\n\\n" + body, as extraction reads it) has no move
    cue of any language, no verbless headline and no dash subheading: extraction would
    find no transfer. True means only that extraction must read it."""
    people = [m for m in mentions if isinstance(m, Mention) and m.kind in PERSON_KINDS]
    if not people:
        return False  # extraction needs a person to move
    low = lowered(text) if low is None else low
    teams = [m for m in mentions if isinstance(m, Mention) and m.kind == "team"]
    if teams and (_headline_pair(low, people, teams) or _dash_pair(low, people, teams)):
        return True
    for end, (length, cues) in cue_automaton().iter(low):
        start = end + 1 - length
        if any(cue.match(low, start) for cue in cues):
            return True
    return False


def _headline_pair(low: str, people: list[Mention], teams: list[Mention]) -> bool:
    """A person, then a team with only a preposition between them, in the headline (where
    `split_sentences` ends it): the shape of `clause._headline_arrows`."""
    title_end = low.find("\n\n")
    if title_end < 0:
        title_end = len(low) if "\n" not in low else low.find("\n")
    for team in teams:
        if team.end > title_end:
            continue
        for person in people:
            if person.end <= team.start:
                gap = _HEADLINE_GAP.match(low, person.end, team.start)
                if gap and gap.end() == team.start:
                    return True
    return False


def _dash_pair(low: str, people: list[Mention], teams: list[Mention]) -> bool:
    """A person, a dash or colon, then a team right after it: the start of
    `clause._subheading_arrow`."""
    starts = {t.start for t in teams}
    for person in people:
        gap = _SUBHEADING_DASH.match(low, person.end)
        if gap and any(pos in starts for pos in range(person.end + 1, gap.end() + 1)):
            return True
    return False


@cache
def cue_automaton() -> ahocorasick.Automaton:
    """Every move cue's start strings, of every bundled language, in one automaton, each
    with its length and the cues that start with it (tried where it occurs); built on
    first use, kept for the process (the vocabulary is bundled data)."""
    automaton = ahocorasick.Automaton()
    for start, patterns in sorted(move_cue_starts().items()):
        automaton.add_word(start, (len(start), tuple(patterns)))
    automaton.make_automaton()
    return automaton


def move_cue_starts() -> dict[str, list[re.Pattern[str]]]:
    """The strings move cues' matches begin with, each with the cues that may (a list's
    plural arrival noun, `lists`, opens moves too)."""
    lexicon = pooled()
    out: dict[str, list[re.Pattern[str]]] = {}
    for family in (*MOVE_FAMILIES, "newcomers"):
        for compiled in lexicon.compiled(FAMILIES[family]):
            for start in pattern_starts(compiled.pattern):
                out.setdefault(start, []).append(compiled)
    return out


def pattern_starts(pattern: str) -> set[str]:
    """Strings such that every match of `pattern` begins with one of them.

    Literal characters, alternations, small character sets and short repeats are
    expanded; anything else (an open repeat, a character class, a backreference) ends
    the strings where they are. Zero-width assertions are passed over: dropping a
    condition only makes the set match more."""
    starts, _ = _expand(list(sre_parse.parse(pattern)), {""})
    if "" in starts:
        raise ValueError(f"{pattern!r} may match without a literal start")
    # "agree " covers "agree a ": keep the shortest, each occurrence is tried once.
    return {s for s in starts if not any(s != t and s.startswith(t) for t in starts)}


_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


def _expand(items: list, prefixes: set[str]) -> tuple[set[str], bool]:
    """`prefixes` extended by the items' matches, and whether the items were expanded
    to their end (False: the strings stop at the first item that could not be)."""
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            prefixes = {p + chr(av) for p in prefixes}
            continue
        if op is sre.IN:
            chars = _literal_set(av)
            if chars is None:
                return prefixes, False
            grown = {p + c for p in prefixes for c in chars}
        elif op is sre.SUBPATTERN:
            _, add_flags, _, sub = av
            if add_flags & re.IGNORECASE:
                return prefixes, False
            grown, complete = _expand(list(sub), prefixes)
            if not complete:
                return grown, False
        elif op is sre.BRANCH:
            grown, complete = set(), True
            for alternative in av[1]:
                found, done = _expand(list(alternative), prefixes)
                grown |= found
                complete = complete and done
            if not complete:
                return grown, False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, high, sub = av
            grown, complete = _repeat(list(sub), prefixes, low, high)
            if not complete:
                return grown, False
        else:
            return prefixes, False
        if len(grown) > MAX_STARTS:
            return prefixes, False
        prefixes = grown
    return prefixes, True


def _repeat(sub: list, prefixes: set[str], low: int, high: int) -> tuple[set[str], bool]:
    """A repeat `low` to `high` times, expanded while it is short."""
    current = prefixes
    for _ in range(low):
        current, complete = _expand(sub, current)
        if not complete or len(current) > MAX_STARTS:
            return current, False
    if high == low:
        return current, True
    if high is sre.MAXREPEAT or high > MAX_REPEAT:
        return current, False
    out = set(current)
    for _ in range(high - low):
        current, complete = _expand(sub, current)
        out |= current
        if not complete or len(out) > MAX_STARTS:
            return out, False
    return out, True


def _literal_set(av: list) -> list[str] | None:
    """The characters of a set made of single characters only ([sz]); None otherwise."""
    chars = []
    for op, value in av:
        if op is not sre.LITERAL:
            return None
        chars.append(chr(value))
    return chars
