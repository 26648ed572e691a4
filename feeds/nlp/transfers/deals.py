"""A deal said to be between a person and a team: "een deal tussen Evenepoel en Red Bull
zou nakend zijn", "an agreement between Red Bull and Evenepoel", "un accordo tra la
Lidl-Trek e Ayuso".

No move verb names the person's move: the deal noun (lexicon concept `deal_nouns`), the
word for "between" (`between_markers`), then the person and the team in either order,
joined by "and", is the person's arrival at the team. The sentence's own words make it a
rumour or not, as for any move. The prefilter tries `DEAL` wherever a deal noun occurs:
no move verb is needed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.phrases import story_phrases
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.text import Span, mentions_in

_LEX = pooled()
DEAL = re.compile(
    r"\b(?:"
    + "|".join(map(re.escape, sorted(_LEX.words("deal_nouns"), key=len, reverse=True)))
    + r")\s+(?:"
    + "|".join(map(re.escape, sorted(_LEX.words("between_markers"), key=len, reverse=True)))
    + r")\s+"
)
PHRASES = (DEAL,)
"""Scanned sentence by sentence: tried only where `phrases` finds they may match."""
# "and" in each language (the lexicons' coordination words hold more: "from", "with", "the")
_AND = ("and", "en", "et", "e", "ed", "y", "und", "og", "in")
# the articles a team may carry ("tra la Lidl-Trek e Ayuso", "entre el Movistar y X")
_ARTICLES = r"(?:(?:the|la|le|il|el|de|het|die|der|dem|den|lo|l'|o|a)\s+)?"
_JOIN = re.compile(r"\s+(?:" + "|".join(map(re.escape, _AND)) + r")\s+" + _ARTICLES)
_LEAD = re.compile(_ARTICLES)


DEAL_NOUNS = tuple(sorted(_LEX.words("deal_nouns")))
"""Where a deal may be told: the prefilter tries `DEAL` where one of these occurs."""


def deal_moves(story: Story, spans: Sequence[Span]) -> None:
    """Each "deal between person and team" as the person's arrival at the team."""
    low = story.low
    if not any(noun in low for noun in DEAL_NOUNS):
        return  # most stories: a plain search tells
    phrases = story_phrases(story)
    if phrases.search(DEAL) is None:
        return
    for span in spans:
        for found in phrases.finditer(DEAL, span.start, span.end):
            pair = _pair(story, span, found.end())
            if pair is None:
                continue
            person_id, team_id = pair
            ev = Evidence(person_id, "arrive", span.sentence, span.title, False)
            ev.to = {team_id: 2.0}
            ev.inheritable = False
            ev.cue_start = found.start()
            story.evidence.append(ev)


def _pair(story: Story, span: Span, start: int) -> tuple[str, str] | None:
    """The person and the team right after "between", either first, "and" between them."""
    people = [p for p in mentions_in(story.people, span) if p.start >= start]
    teams = [t for t in mentions_in(story.teams, span) if t.start >= start]
    if not people or not teams:
        return None
    first, second = sorted((people[0], teams[0]), key=lambda m: m.start)
    low = story.low
    if not _LEAD.fullmatch(low, start, first.start):
        return None  # something else follows "between"
    if not _JOIN.fullmatch(low, first.end, second.start):
        return None  # not "the person and the team", next to each other
    return people[0].entity_id, teams[0].entity_id
