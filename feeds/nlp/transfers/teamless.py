"""Riders with no team for the coming season: "Also still looking for a team is Elia
Viviani", "Epis è rimasto senza squadra", "También busca equipo X". Each rider named in
a body sentence with a `teamless` idiom of the lexicons leaves the team the roster gives
them at publication, for no team named: a move to nobody (`decide._rider_exit`).

A headline's list ("Quintana tops the unsigned riders") and a rider the roster gives no
team at publication (out of contract since last season) are not departures: left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.phrases import story_phrases
from feeds.nlp.transfers.seasons import clause_season
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.story_kind import retiring, roster_team
from feeds.nlp.transfers.text import Span, mentions_in

_TEAMLESS = re.compile(r"\b(?:" + pooled().alternation("teamless") + r")\b")
PHRASES = (_TEAMLESS,)
"""Scanned sentence by sentence: tried only where `phrases` finds they may match."""


def teamless_riders(story: Story, spans: Sequence[Span]) -> None:
    """Departure evidence for every rider a sentence says has no team yet."""
    if story.published is None:
        return  # which team they leave is the roster's at publication
    phrases = story_phrases(story)
    for span in spans:
        if span.title or not phrases.search(_TEAMLESS, span.start, span.end):
            continue
        if retiring(story, span.sentence):
            continue  # "senza squadra, ha deciso di ritirarsi": leaving the sport
        season = clause_season(story, span) or story.published.year + 1
        for person in mentions_in(story.people, span):
            rider = story.roster.people.get(person.entity_id)
            if rider is None or rider.kind != "rider":
                continue
            team = roster_team(rider, story.published)
            if team is None:
                continue
            ev = Evidence(person.entity_id, "depart", span.sentence, False, False)
            ev.origin = {team}
            ev.left = ev.listed = True
            ev.season = season
            story.evidence.append(ev)
