"""Riders the roster does not know: a continental rider, a neo-pro, a women's rider the
annotators list "with their full name as printed" (issue #13, riders F1).

The tagger tags only roster people. This reader tags a person outside the roster as a
rider, and only when the text leaves no doubt that they race:

- a team in brackets right after the name ("Juan Pérez (Team Medellín)"), which is also
  how a results line prints a placing ("1. Juan Pérez (Team Medellín) 4h12'");
- a rider noun of the story's languages in apposition right before the name, maybe with
  one or two nationality words between ("the Colombian rider X", "il corridore
  colombiano X", "rytteren X"), or right after it behind a comma and at most a few
  words ("X, a 22-year-old rider"); the nouns are the lexicon concept `rider_nouns`. A
  word for "former" before the noun ("the former rider X", "X, ancien coureur devenu
  commentateur") names a retired rider, whom the annotation does not list;
- one list (commas, coordination words, a short bracket after an item) with a rider the
  tagger or the shapes above found ("Pogačar, X and Y"): a list's items share their kind.

The names come from the one reader of names outside the roster
(`feeds.nlp.transfers.unknown_people.outside_names`: a given name then surname words,
no tagger mention, no frame word of a race, street or team, no team's sponsor), and the
same exclusions hold: someone a staff title names ("manager X (Team)") and an outsider
(a journalist, an agent, a sponsor's CEO, a source) is no rider. Neither are the given
names of a longer name the tagger read ("Paula Andrea" of "Paula Andrea Patiño"). A name
with a roster person's given name and a surname close to theirs is that person misspelt
(`NearNames`): the one active rider's canonical name, or nothing. The reader adds names
to the riders field only: it never touches a move, a team or the roster.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher
from functools import cache
from types import MappingProxyType

from feeds.models import Mention
from feeds.nlp.cues.nationalities import NATIONALITIES
from feeds.nlp.document import Document
from feeds.nlp.fold import fold_word
from feeds.nlp.lexicon import pooled, story_lexicon
from feeds.nlp.transfers.unknown_people import (
    NameContext,
    NameSpan,
    outside_names,
    person_kind,
)
from feeds.roster import Person, Roster

NOUN_REACH = 80
"""Characters looked at before a name for a rider noun and its nationality words."""
AFTER_REACH = 60
"""Characters looked at after a name's comma for an apposition naming a rider."""
FORMER_REACH = 20
"""Characters looked at before a rider noun for a word for "former"."""
LIST_COMMA = 3
"""Characters at most between two list items joined by a comma (the comma, spaces)."""
AFTER_WORDS = 4
"""Words at most between a name's comma and the rider noun ("X, the 22-year-old Dutch
rider"): a longer clause is about something else."""

_SHORT_BRACKET = re.compile(r"\s?\([^()\n]{1,40}\)")
_BRACKET_TEAM = re.compile(r"\s?\(\s?")
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")


def unknown_riders(
    doc: Document,
    mentions: Sequence[Mention],
    roster: Roster,
    languages: tuple[str, ...] | None,
    near: NearNames | None = None,
) -> list[str]:
    """The names, as printed and in order of first mention, of the people outside the
    roster the text shows racing (see the module's docstring); a name `near` reads as a
    roster rider's misspelling gives that rider's name, or nothing when it is not one
    active rider's. Linear in the text: each name is read once, each look-around is
    bounded."""
    names = outside_names(doc, mentions, roster)
    if not names.spans:
        return []
    low = doc.low
    edges = _PersonEdges.of(mentions)
    team_starts = {m.start for m in mentions if m.kind == "team"}
    before, after = _noun_before(languages), _noun_after(languages)
    nationality = _nationality_words()
    # a name no staff title and no outsider's role stands beside
    plain = [
        span
        for span in names.spans
        if person_kind(low, [(span.start, span.end)]) != "staff"
        and not names.context.outsider(span.first, span.last)
        and not _inside_longer_name(doc.text, names.words, edges, span)
    ]
    shown = [
        _bracketed_team(doc.text, span, team_starts)
        or _noun_right_before(low, span, before, nationality)
        or _noun_right_after(low, span, after)
        for span in plain
    ]
    listed = _listed_with_riders(low, plain, shown, mentions, names.context)
    out: dict[str, str | None] = {}
    for span, ok in zip(plain, listed, strict=True):
        key = fold_word(span.name)
        if ok and key not in out:
            out[key] = span.name if near is None else near.resolve(span.name, doc.published)
    return [name for name in dict.fromkeys(out.values()) if name is not None]


def _inside_longer_name(
    text: str, words: Sequence[tuple[int, int]], people: _PersonEdges, span: NameSpan
) -> bool:
    """A person the tagger read ends one space before the name or starts one space after
    it: the name is the rest of a longer one it read ("Jhonatan Manuel" of "Jhonatan
    Manuel Narváez Prado"). A team there is no part of the name ("Riwal-rytter X")."""
    before, after = span.first - 1, span.last + 1
    if (
        before >= 0
        and words[before][1] in people.ends
        and text[words[before][1] : span.start] in _NAME_GAP
    ):
        return True
    return (
        after < len(words)
        and words[after][0] in people.starts
        and text[span.end : words[after][0]] in _NAME_GAP
    )


@dataclass(frozen=True, slots=True)
class _PersonEdges:
    """Where the tagger's people mentions start and end."""

    starts: frozenset[int]
    ends: frozenset[int]

    @classmethod
    def of(cls, mentions: Sequence[Mention]) -> _PersonEdges:
        people = [m for m in mentions if m.kind != "team"]
        return cls(frozenset(m.start for m in people), frozenset(m.end for m in people))


_NAME_GAP = (" ", "\u00a0")


@dataclass(frozen=True, slots=True)
class NearNames:
    """Roster people by folded given name, to tell a misspelt roster name ("Damien Huson"
    for Damien Howson, "Mareille Meijer" for Mareille Meijering) from a new person: the
    same given name and a surname close to the roster's (`SURNAME_LIKENESS`, or one
    surname opening the other, or the same surname words in another order)."""

    by_given: Mapping[str, tuple[tuple[str, Person], ...]]

    @classmethod
    def of(cls, roster: Roster) -> NearNames:
        out: dict[str, list[tuple[str, Person]]] = {}
        for person in roster.people.values():
            for name in (person.name, *person.aliases):
                parts = fold_word(name).split()
                if len(parts) >= 2:
                    out.setdefault(parts[0], []).append((" ".join(parts[1:]), person))
        return cls(MappingProxyType({k: tuple(v) for k, v in out.items()}))

    def resolve(self, name: str, when: date | None) -> str | None:
        """`name` itself when no roster person's name is near it; the one active rider's
        canonical name when only riders' are and they are one person; else None (a
        retired rider's or staff's misspelt name is no rider)."""
        parts = fold_word(name).split()
        surname = " ".join(parts[1:])
        near = {
            person.id: person
            for other, person in self.by_given.get(parts[0], ())
            if _like(surname, other)
        }
        if not near:
            return name
        if len(near) == 1:
            person = next(iter(near.values()))
            if person.is_active_rider(when):
                return person.name
        return None


SURNAME_LIKENESS = 0.7
"""difflib's ratio from which two surnames are one written two ways ("Huson"/"Howson",
"Campburi"/"Camprubi")."""


def _like(a: str, b: str) -> bool:
    if a == b or sorted(re.split(r"[ -]", a)) == sorted(re.split(r"[ -]", b)):
        return True
    if min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)):
        return True
    matcher = SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= SURNAME_LIKENESS and matcher.ratio() >= SURNAME_LIKENESS


def _listed_with_riders(
    low: str,
    spans: Sequence[NameSpan],
    shown: Sequence[bool],
    mentions: Sequence[Mention],
    context: NameContext,
) -> list[bool]:
    """`shown`, and every name in one list with a rider ("Pogačar, X and Y", "A (Team), X
    e Y"): the items of a list joined by commas and coordination words share their
    kind, so a rider the tagger or `shown` found makes riders of the names beside it.
    One pass over names and rider mentions in text order."""
    items = sorted(
        [(m.start, m.end, -1) for m in mentions if m.kind == "rider"]
        + [(s.start, s.end, k) for k, s in enumerate(spans)]
    )
    out = list(shown)
    run: list[int] = []  # the names of the current list
    rider = False  # the current list has a rider
    previous_end = -1
    for start, end, k in items:
        if previous_end >= 0 and not (
            _comma(low, _after_bracket(low, previous_end), start)
            or context.listed_after(start, _after_bracket(low, previous_end))
        ):
            if rider:
                for j in run:
                    out[j] = True
            run, rider = [], False
        if k < 0:
            rider = True
        else:
            run.append(k)
            rider = rider or shown[k]
        previous_end = end
    if rider:
        for j in run:
            out[j] = True
    return out


def _comma(low: str, previous_end: int, start: int) -> bool:
    return 0 <= start - previous_end <= LIST_COMMA and low[previous_end:start].strip() == ","


def _after_bracket(low: str, end: int) -> int:
    """The end of a short bracket right after a list item ("X (Cofidis), Y"): the list
    goes on after it."""
    m = _SHORT_BRACKET.match(low, end)
    return m.end() if m is not None else end


def _bracketed_team(text: str, span: NameSpan, team_starts: set[int]) -> bool:
    """A team the tagger found opens a bracket right after the name ("X (Cofidis)")."""
    b = _BRACKET_TEAM.match(text, span.end)
    return b is not None and text[span.end : b.end()].strip() == "(" and b.end() in team_starts


def _noun_right_before(
    low: str, span: NameSpan, before: re.Pattern[str], nationality: frozenset[str]
) -> bool:
    """A rider noun, then nothing or only nationality words, then the name ("the rider X",
    "der Fahrer X", "le coureur colombien X"): any other word between makes the noun
    another clause's ("the riders thanked X")."""
    lo = max(0, span.start - NOUN_REACH)
    m = before.search(low, lo, span.start)
    if m is None:
        return False
    between = _WORD.findall(m.group("between"))
    if not all(fold_word(w) in nationality for w in between):
        return False
    return not _former_before(low, m.start())


def _noun_right_after(low: str, span: NameSpan, after: re.Pattern[str]) -> bool:
    """A comma, at most a few words in the same clause, then a rider noun closing the
    apposition ("X, a Colombian rider, ...", "X, il corridore ...")."""
    m = after.match(low, span.end, min(len(low), span.end + AFTER_REACH))
    if m is None:
        return False
    between = _LETTERS.findall(m.group("between"))
    former = _former_words()
    return len(_WORD.findall(m.group("between"))) <= AFTER_WORDS and not any(
        w in former for w in between
    )


def _former_before(low: str, noun_start: int) -> bool:
    """A word for "former" right before the rider noun ("the former rider X", "la ex
    ciclista X", "oud-renner X"): a retired rider, now in another job."""
    words = _LETTERS.findall(low, max(0, noun_start - FORMER_REACH), noun_start)
    return bool(words) and words[-1] in _former_words()


@cache
def _former_words() -> frozenset[str]:
    return frozenset(w.lower() for w in pooled().words("former_markers"))


def _nouns(languages: tuple[str, ...] | None) -> str:
    words = sorted(story_lexicon(languages).words("rider_nouns"), key=len, reverse=True)
    return "|".join(re.escape(w) for w in words)


@cache
def _noun_before(languages: tuple[str, ...] | None) -> re.Pattern[str]:
    """A rider noun, then at most two words, then the end of the window (the name)."""
    return re.compile(
        rf"(?<!\w)(?:{_nouns(languages)})\s(?P<between>(?:[^\W\d_]+(?:-[^\W\d_]+)*\s){{0,2}})$"
    )


@cache
def _noun_after(languages: tuple[str, ...] | None) -> re.Pattern[str]:
    """A comma, words of one clause (no punctuation), then a rider noun ending a word."""
    return re.compile(
        rf",\s(?P<between>(?:[^\W_]+(?:-[^\W_]+)*\s){{0,{AFTER_WORDS}}})(?:{_nouns(languages)})"
        r"(?!\w)"
    )


@cache
def _nationality_words() -> frozenset[str]:
    """Every nationality noun and adjective, folded ("colombiano", "belge", "Dutch")."""
    return frozenset(
        fold_word(w) for forms in NATIONALITIES.values() for ws in forms.values() for w in ws
    )
