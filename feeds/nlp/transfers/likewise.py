"""Signings told together: "X a signé avec l'équipe, tout comme A (23 ans) et B", "X joins
Lidl-Trek, as do A and B", "X firma con la Bahrain, così come A e B".

After a person's arrival at a team, a clause opened by a word for "as does" (lexicon
concept `likewise`, after a comma) and the names after it: each of them arrives at that
team too. The clause rules read one verb for the person before it and miss the others.

The same words also compare, quote and exclude ("as has been confirmed by A", "just like A
had predicted", "net als A op zijn leeftijd", "tout comme son entraîneur, mais pas A"), so
the names must be a bare list ending the clause: between the word and each name only list
joiners (`coordination_words`, commas) or a description of the person ("le sprinteur
néerlandais A"); no negation, auxiliary or agent word ("été", "by"); and after the last
name nothing but its bracket before the clause ends. A year after the word ("just like A
did in 2019") makes the names an example from the past, not news; a person with a
destination of their own in the sentence keeps it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from feeds.models import Mention
from feeds.nlp.lexicon import story_lexicon
from feeds.nlp.matcher import Substrings
from feeds.nlp.transfers.list_teams import bracketed_teams
from feeds.nlp.transfers.phrases import PHRASE_STARTS
from feeds.nlp.transfers.scan import move_cues
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.text import Span, mentions_in

_STOP = re.compile(r"[.;:!?]")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_BRACKET = re.compile(r"\s*\([^()]*\)")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_OPENS = frozenset(",–—(")


@dataclass(frozen=True, slots=True)
class _Shape:
    """The words that may and may not stand between "as does" and the names."""

    likewise: re.Pattern[str]
    likewise_starts: Substrings
    """The strings every match of `likewise` begins with: one walk tells a story that has
    none (most), where a search per sentence reads each one against every word."""
    negation: re.Pattern[str]
    description: re.Pattern[str]
    joiners: frozenset[str]
    blockers: frozenset[str]


def likewise_moves(story: Story, spans: Sequence[Span], languages: tuple[str, ...] | None) -> None:
    """Evidence for every person named after "as does" behind another's arrival."""
    shape = _shape(languages)
    if not shape.likewise_starts.any_in(story.low):
        return  # no sentence can hold the words
    # the evidence of each sentence, once: per sentence a scan of all of it is quadratic
    # in a story of thousands of "as does" sentences
    of_sentence: dict[int, list[Evidence]] = defaultdict(list)
    for ev in story.evidence:
        of_sentence[ev.sentence].append(ev)
    for span in spans:
        if span.title:
            continue
        found = shape.likewise.search(story.low, span.start, span.end)
        if found is None or not _opens_a_clause(story.low, span.start, found.start()):
            continue
        evidence = of_sentence.get(span.sentence, [])
        source = _arrival_before(story, span, evidence, found.start())
        if source is None:
            continue
        end = _names_end(story, span, found.end())
        if _YEAR.search(story.low, found.end(), end):
            continue  # "just like A did in 2019": an example, not news
        named = [p for p in mentions_in(story.people, span) if found.end() <= p.start < end]
        people = _bare_list(story.text, found.end(), end, named, shape)
        own = {ev.person_id for ev in evidence if ev.to}
        teams = mentions_in(story.teams, span)
        origins = bracketed_teams(story, people, teams, languages)
        for person in people:
            if person.entity_id in own or person.entity_id == source.person_id:
                continue
            ev = Evidence(person.entity_id, source.family, span.sentence, False, False)
            ev.to, ev.season, ev.listed = dict(source.to), source.season, True
            origin = origins.get(person.entity_id)
            if origin is not None and origin.entity_id not in ev.to:
                ev.origin, ev.left = {origin.entity_id}, True
            story.evidence.append(ev)


def _opens_a_clause(low: str, start: int, at: int) -> bool:
    """The word follows a comma or dash: "X joins T, as do A", not "a climber just like A"."""
    before = low[start:at].rstrip()
    return not before or before[-1] in _OPENS


def _bare_list(
    text: str, start: int, end: int, named: list[Mention], shape: _Shape
) -> list[Mention]:
    """The names forming a bare list from `start`, or none when the clause goes on after
    them with words of its own ("had predicted", "op zijn leeftijd", "stays")."""
    listed: list[Mention] = []
    at = start
    for person in named:
        if person.start < at:
            continue  # a name inside the previous one's bracket
        if not _joins(text[at : person.start], shape):
            break
        listed.append(person)
        bracket = _BRACKET.match(text, person.end)
        at = bracket.end() if bracket else person.end
    rest = text[at:end].strip()
    if rest and not rest.startswith(","):
        return []  # the clause goes on: a comparison, a quote, another verb
    return listed


def _joins(gap: str, shape: _Shape) -> bool:
    """A gap that only joins names or describes the next one: after its last comma,
    list joiners, a description ("le jeune sprinteur norvégien") or a word written with
    a capital (a nationality or a title: "et l'Australien"); an aside about the name
    before may stand between commas ("A (23 ans), en provenance d'Uno-X, et B")."""
    gap = _BRACKET.sub(" ", gap)
    low = gap.lower()
    if shape.negation.search(low):
        return False
    if any(word in shape.blockers for word in _WORD.findall(low)):
        return False  # "as has been confirmed by A", "tout comme l'avait annoncé A"
    last = gap.rsplit(",", 1)[-1]  # ", while A stays", ", mais pas A": a new clause
    words = _WORD.findall(last)
    return (
        all(w.lower() in shape.joiners for w in words)
        or bool(shape.description.search(last.lower()))
        or any(w[:1].isupper() or w[2:3].isupper() for w in words)  # "l'Australien"
    )


def _arrival_before(
    story: Story, span: Span, evidence: Sequence[Evidence], at: int
) -> Evidence | None:
    """The arrival with a named team of the last person before `at` in the sentence
    (`evidence`: the sentence's)."""
    before = {p.entity_id: p.start for p in mentions_in(story.people, span) if p.start < at}
    found = [ev for ev in evidence if ev.arrival and ev.to and ev.person_id in before]
    return max(found, key=lambda ev: before[ev.person_id], default=None)


def _names_end(story: Story, span: Span, start: int) -> int:
    """Where the names after "as does" end: a stop, the next move cue, or the sentence's end."""
    end = span.end
    stop = _STOP.search(story.low, start, end)
    if stop is not None:
        end = stop.start()
    cues = move_cues(story.hits, Span(start, end, span.sentence, False))
    return cues[0].start if cues else end


@cache
def _shape(languages: tuple[str, ...] | None) -> _Shape:
    lexicon = story_lexicon(languages)
    likewise = _alternation(lexicon.words("likewise"))
    return _Shape(
        likewise=likewise,
        likewise_starts=Substrings.starting(likewise.pattern, PHRASE_STARTS),
        # the patterns end at a word boundary; the start is ours ("ne" is not "jeune")
        negation=re.compile(r"(?<!\w)(?:" + (lexicon.alternation("negation") or r"(?!x)x") + ")"),
        description=_alternation(
            lexicon.words("person_descriptions") | lexicon.words("staff_roles")
        ),
        joiners=lexicon.words("coordination_words") | lexicon.words("description_articles"),
        blockers=lexicon.words("perfect_auxiliaries")
        | lexicon.words("passive_auxiliaries")
        | lexicon.words("passive_agents"),
    )


def _alternation(words: frozenset[str]) -> re.Pattern[str]:
    if not words:
        return re.compile(r"(?!x)x")  # matches nothing
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b")
