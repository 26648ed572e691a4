"""A newcomer named by a copula: "the most prominent signing is X", "der jüngste Neuzugang
von Lidl-Trek ist X", "il nuovo acquisto più esperto è X", "X est la nouvelle recrue de
Visma", "Jasper Stuyven foi a primeira cara nova".

No move verb names these arrivals: a singular noun for one person who arrives (lexicon
concept `newcomer_nouns`: "signing", "recrue", "Neuzugang", "reforço") and a copula
(`copulas`: "is", "est", "ist", "è", "é", "er", "je") join it to a person, either way
round. The person arrives at the team the noun phrase names ("of Lidl-Trek", "della
Lidl-Trek", "hos Lidl-Trek": the first team after the noun, before the copula or the
sentence's end); else at the team the list or the story is about (`list_team`: the
round-up's team line, or the headline's team, when the headline names no other); else
nothing is read: a newcomer whose team is not told is not guessed.

The noun and the copula must stand in one stretch of the sentence with no sentence
punctuation and no other person between them and the name, so the everyday reading of
the words ("the signing is expected next week", "his best signing was the new bike") names
no one. The plural nouns ("the newcomers are A, B and C") are `lists.py`'s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from feeds.models import Mention
from feeds.nlp.lexicon import story_lexicon
from feeds.nlp.transfers.list_teams import list_team
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.text import Span, mentions_in, within

GAP = 60
"""Characters at most between the noun phrase and the copula, and between the copula and
the name: a description ("the 25-year-old Polish rider") fits, a second clause does not."""
_BREAK = re.compile(r"[.,;!?()\"«»“”]")
"""What ends the stretch a noun, its copula and the name must share: a comma too ("der
Neuzugang ist noch offen, X bleibt"); a colon may open the name ("the third
reinforcement is the least known: the Russian X")."""


PERSON_FIRST_WORDS = 2
"""Words at most between the copula and the noun when the name comes first: "X is the new
signing", "X foi a primeira cara nova"; not "X is happy with the new signing"."""


@dataclass(frozen=True, slots=True)
class _Patterns:
    nouns: tuple[str, ...]
    noun: re.Pattern[str]
    copula: re.Pattern[str]
    copula_end: re.Pattern[str]
    to_word: re.Pattern[str]
    """A to-word between the copula and the name: the person is someone the newcomer is
    for ("the new signing is expected to help X", "un soutien pour X")."""
    negation: re.Pattern[str]
    """The sentence says no ("the new signing is not X", "X is not the new signing")."""


@cache
def _patterns(languages: tuple[str, ...] | None) -> _Patterns | None:
    lex = story_lexicon(languages)
    nouns = tuple(sorted(lex.words("newcomer_nouns"), key=len, reverse=True))
    copulas = sorted(lex.words("copulas"), key=len, reverse=True)
    if not nouns or not copulas:
        return None
    alt = "|".join(map(re.escape, copulas))
    markers = sorted(lex.words("to_markers"), key=len, reverse=True)
    negations = list(lex["negation"])
    to_word = r"(?<!\w)(?:" + "|".join(map(re.escape, markers)) + r")(?!\w)" if markers else "(?!)"
    negation = "|".join(r"(?<!\w)(?:" + n + ")" for n in negations) if negations else "(?!)"
    return _Patterns(
        nouns=nouns,
        noun=re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, nouns)) + r")(?!\w)"),
        copula=re.compile(r"(?<!\w)(?:" + alt + r")(?!\w)"),
        # the copula right before a noun phrase: "X is the new signing"
        copula_end=re.compile(r"\s+(?:" + alt + r")(?!\w)"),
        to_word=re.compile(to_word),
        negation=re.compile(negation),
    )


def copular_moves(story: Story, spans: Sequence[Span]) -> None:
    """Evidence for each person a copula makes a newcomer (see the module's docstring)."""
    pats = _patterns(story.languages)
    if pats is None or not any(noun in story.low for noun in pats.nouns):
        return  # most stories: a plain search tells
    low = story.low
    for span in spans:
        people = mentions_in(story.people, span)
        if not people:
            continue
        for found in pats.noun.finditer(low, span.start, span.end):
            after = _named_after(story, pats, people, found.end(), span.end)
            if after is not None:
                # the noun's own team stands before the copula ("the signing of T is X");
                # one after it describes the person ("is the former Movistar rider X")
                person, team_end = after
            else:
                person = _named_before(story, pats, people, found.start(), span.start)
                team_end = min(span.end, found.end() + GAP)
            if person is None:
                continue
            team = _team_after(story, found.end(), team_end)
            _add(story, spans, span, person, team)


def _named_after(
    story: Story, pats: _Patterns, people: Sequence[Mention], start: int, end: int
) -> tuple[Mention, int] | None:
    """ "the most prominent signing [of T] is X": the copula within GAP of the noun, the
    name within GAP of the copula, nothing breaking the stretch. The person, and where
    the copula starts."""
    low = story.low
    copula = pats.copula.search(low, start, min(end, start + GAP))
    if copula is None or _BREAK.search(low, start, copula.start()):
        return None
    near = within(people, copula.end(), copula.end() + GAP + 1)
    if not near:
        return None
    person = near[0]
    if _BREAK.search(low, copula.end(), person.start):
        return None
    if pats.to_word.search(low, copula.end(), person.start):
        return None
    if pats.negation.search(low, copula.end(), person.start):
        return None
    named = within(story.teams, max(0, copula.start() - GAP), copula.start())
    if any(t.end > copula.start() for t in named):
        return None  # the copula word inside a team's name
    return person, copula.start()


def _named_before(
    story: Story, pats: _Patterns, people: Sequence[Mention], noun_start: int, span_start: int
) -> Mention | None:
    """ "X is the new signing [of T]": the name right before the copula, the noun within
    GAP after it."""
    low = story.low
    before = within(people, span_start, noun_start)
    if not before or before[-1].end > noun_start:
        return None
    person = before[-1]
    copula = pats.copula_end.match(low, person.end)
    if copula is None or noun_start - copula.end() > GAP:
        return None
    gap = low[copula.end() : noun_start]
    if _BREAK.search(gap) or len(gap.split()) > PERSON_FIRST_WORDS:
        return None
    if pats.negation.search(gap):
        return None
    return person


def _team_after(story: Story, start: int, end: int) -> Mention | None:
    """The first team named after the noun, before `end` (the name or the window's end):
    "the biggest signing of Lidl-Trek is", "X è il nuovo acquisto della Lidl-Trek"."""
    teams = within(story.teams, start, end)
    if not teams or _BREAK.search(story.low, start, teams[0].start):
        return None
    return teams[0]


def _add(
    story: Story, spans: Sequence[Span], span: Span, person: Mention, team: Mention | None
) -> None:
    destination = team.entity_id if team is not None else _story_team(story, spans, span)
    if destination is None:
        return  # a newcomer, but whose is not said: no team is guessed for them
    ev = Evidence(person.entity_id, "noun_arrive", span.sentence, span.title, False)
    ev.to = {destination: 1.0}
    ev.listed = True
    story.evidence.append(ev)


def _story_team(story: Story, spans: Sequence[Span], span: Span) -> str | None:
    """The team the sentence's list or story is about (`list_team`), unless the headline
    names two teams or more ("Movistar e Astana anunciam novos reforços"): then which of
    them a newcomer joins is not told by the copula."""
    if len({t.entity_id for t in mentions_in(story.teams, spans[0])}) > 1:
        return None
    return list_team(story, spans, span, set())
