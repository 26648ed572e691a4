"""Signings told together: "X a signé avec l'équipe, tout comme A (23 ans) et B", "X joins
Lidl-Trek, as do A and B", "X firma con la Bahrain, così come A e B".

After a person's arrival at a team, a word for "as does" (lexicon concept `likewise`) and
the names after it in the same sentence: each of them arrives at that team too. The clause
rules read one verb for the person before it and miss the others. The names run to the end
of the sentence, or to the next move cue or a stop; a person with a destination of their
own in the sentence keeps it; a year after the word ("just like A did in 2019") makes the
names an example from the past, not news.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from feeds.nlp.lexicon import bundled, pooled
from feeds.nlp.transfers.list_teams import bracketed_teams
from feeds.nlp.transfers.scan import move_cues
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.text import Span, mentions_in

_STOP = re.compile(r"[.;:!?]")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def likewise_moves(story: Story, spans: Sequence[Span], languages: tuple[str, ...] | None) -> None:
    """Evidence for every person named after "as does" behind another's arrival."""
    likewise = _likewise(languages)
    for span in spans:
        if span.title:
            continue
        found = likewise.search(story.low, span.start, span.end)
        if found is None:
            continue
        source = _arrival_before(story, span, found.start())
        if source is None:
            continue
        end = _names_end(story, span, found.end())
        if _YEAR.search(story.low, found.end(), end):
            continue  # "just like A did in 2019": an example, not news
        people = [p for p in mentions_in(story.people, span) if found.end() <= p.start < end]
        own = {ev.person_id for ev in story.evidence if ev.sentence == span.sentence and ev.to}
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


def _arrival_before(story: Story, span: Span, at: int) -> Evidence | None:
    """The arrival with a named team of the last person before `at` in the sentence."""
    before = {p.entity_id: p.start for p in mentions_in(story.people, span) if p.start < at}
    found = [
        ev
        for ev in story.evidence
        if ev.sentence == span.sentence and ev.arrival and ev.to and ev.person_id in before
    ]
    return max(found, key=lambda ev: before[ev.person_id], default=None)


def _names_end(story: Story, span: Span, start: int) -> int:
    """Where the names after "as does" end: a stop, the next move cue, or the sentence's end."""
    end = span.end
    stop = _STOP.search(story.low, start, end)
    if stop is not None:
        end = stop.start()
    cues = [h for h in move_cues(story.hits, Span(start, end, span.sentence, False))]
    return cues[0].start if cues else end


@cache
def _likewise(languages: tuple[str, ...] | None) -> re.Pattern[str]:
    """Any "as does" word of the story's languages."""
    lexicon = pooled() if languages is None else bundled().pool(languages)
    words = sorted(lexicon.words("likewise"), key=len, reverse=True)
    if not words:
        return re.compile(r"(?!x)x")  # matches nothing
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")
