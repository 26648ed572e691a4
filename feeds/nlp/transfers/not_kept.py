"""A list of riders the team does not keep (lexicon concept `not_kept`), the list right
before or after the words: "A (31), B (27) en C (23) zijn op weg naar de uitgang", "non
vengono riconfermati il ligure A, l'emiratino B e l'argentino C", "A, B and C are on their
way out". Each listed rider leaves the team the roster gives them at publication, for no
team named, in the list's season or the market's. Names the roster lacks count as items
(`named_items`).

The words also tell of races ("on their way out of the breakaway"), of national
selections ("not retained for the road race") and of denials, so the sentence must be told
of the market (`market_context`, or a contract word in it or the next sentence), name
no race, deny nothing, and the words must not be negated ("Not on their way out are A and
B"). Not in a sentence about a retirement, nor before one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.group_subjects import departure_season, listed_departure
from feeds.nlp.transfers.named_items import named_items
from feeds.nlp.transfers.phrases import story_phrases
from feeds.nlp.transfers.scan import Hit
from feeds.nlp.transfers.story import Story
from feeds.nlp.transfers.story_kind import market_context, retiring, roster_team
from feeds.nlp.transfers.text import BRACKETED, WORD, WORD_START, Span, mentions_in, within

LIST_ITEMS = 2
"""Names in a row that make a list (one is the clause rules')."""
LIST_REACH = 600
"""Characters a list beside the words may take: a bound, so that a sentence of thousands
of phrases is read in linear time."""
NEGATION_REACH = 3
"""Words before the phrase a negation of it may stand in ("Not on their way out are")."""
_NOT_KEPT = re.compile(r"\b(?:" + pooled().alternation("not_kept") + r")\b")
PHRASES = (_NOT_KEPT,)
"""Scanned sentence by sentence: tried only where `phrases` finds they may match."""
_NEGATION = re.compile(WORD_START + r"(?:" + pooled().alternation("negation") + r")")
_CONTRACT = re.compile(WORD_START + r"(?:" + pooled().alternation("contract_nouns") + r")")
_ATTRIBUTION = re.compile(
    WORD_START
    + r"(?:"
    + "|".join(map(re.escape, sorted(pooled().words("attributions"), key=len, reverse=True)))
    + r")\b"
)
_CLAUSE_STOP = re.compile(r"[.;:!?()\"«»]")
_CLAUSE_BREAK = re.compile(r"[.;:!?,()\"«»]")


def not_kept_moves(story: Story, spans: Sequence[Span]) -> None:
    """Departures for every rider of a list the team does not keep. Read after the moves
    of unnamed movers are given out: a listed departure does not make its rider the
    person the story is about ("il 28enne si trasferirà ..." stays the headline's)."""
    if story.published is None:
        return  # which team they leave is the roster's at publication
    places = story_phrases(story)
    for span in spans:
        if span.title:
            continue
        phrases = list(places.finditer(_NOT_KEPT, span.start, span.end))
        if not phrases:
            continue
        people = mentions_in(story.people, span)
        if not people or retiring(story, span.sentence) or retiring(story, span.sentence + 1):
            continue  # "... on their way out. After the season they retire."
        if not _of_roster(story, spans, span, phrases[0]):
            continue
        season: list[int | None] = []  # worked out once, at the first list
        for words in phrases:
            _not_kept(story, span, people, words.start(), words.end(), season)


def _of_roster(story: Story, spans: Sequence[Span], span: Span, phrase: re.Match[str]) -> bool:
    """Is the sentence told of the team's roster for the market, not of a race, a
    selection or a denial?"""
    if within(story.hits.get("race", []), span.start, span.end):
        return False  # "on their way out of the gravel sector"
    if within(story.hits.get("dispute", []), span.start, span.end) or within(
        story.hits.get("dispute", []), 0, story.title_end
    ):
        return False  # "Reports that A and B are on their way out are false"
    if market_context(story, spans, span, Hit("not_kept", phrase.start(), phrase.end())):
        return True
    # "... op weg naar de uitgang. Hun contract loopt af": the next sentence says why
    following = spans[span.sentence + 1] if span.sentence + 1 < len(spans) else None
    return any(
        _CONTRACT.search(story.low, near.start, near.end)
        for near in ((span, following) if following is not None else (span,))
    )


def _not_kept(
    story: Story,
    span: Span,
    people: Sequence[Mention],
    start: int,
    end: int,
    season: list[int | None],
) -> None:
    """ "A, B en C zijn op weg naar de uitgang", "non vengono riconfermati A e B": the list
    right after the words, or right before them with one word at most between ("zijn",
    "are"), each rider of it leaving their team for nobody."""
    if _negated(story, span, start):
        return
    reach_end = min(span.end, end + LIST_REACH)
    reach_start = max(span.start, start - LIST_REACH)
    after = within(people, end, reach_end)
    before = [p for p in within(people, reach_start, start) if p.end <= start]
    items: tuple[int, list[Mention]] = (0, [])
    if after and not _attributed(story, end, after[0].start):
        items = named_items(story, after, end, reach_end, forward=True)
    if items[0] < LIST_ITEMS and before and _close(story, before[-1].end, start, 1):
        items = named_items(story, before, reach_start, before[-1].end, forward=False)
        if _negated_list(story, items[1], start):
            return  # "Ni A, ni B ni C están ...": nobody of the list
    count, listed = items
    if count < LIST_ITEMS:
        return
    if not season:
        season.append(departure_season(story, span))
    for person in listed:
        rider = story.roster.people.get(person.entity_id)
        team = roster_team(rider, story.published) if rider and rider.kind == "rider" else None
        if team is not None:
            listed_departure(story, span, person.entity_id, team, season[0])


def _negated(story: Story, span: Span, start: int) -> bool:
    """A negation in the few words of the clause right before the phrase ("Not on their
    way out are", "Niet op weg naar de uitgang zijn")."""
    text = story.low[max(span.start, start - 60) : start]
    breaks = list(_CLAUSE_BREAK.finditer(text))
    text = text[breaks[-1].end() :] if breaks else text
    words = list(WORD.finditer(text))[-NEGATION_REACH:]
    return bool(words) and _NEGATION.search(text, words[0].start()) is not None


def _negated_list(story: Story, listed: Sequence[Mention], start: int) -> bool:
    """A negation among the items of a list before the phrase ("Ni A, ni B ni C")."""
    return bool(listed) and _NEGATION.search(story.low, listed[0].start - 4, start) is not None


def _attributed(story: Story, start: int, end: int) -> bool:
    """Does the list after the phrase open with an attribution ("no serán renovados según
    A y B": the people who say so, not those not kept)?"""
    return _ATTRIBUTION.search(story.low, start, end) is not None


def _close(story: Story, start: int, end: int, words: int) -> bool:
    """Only a few words, and no clause's end, between the two offsets (brackets left out:
    an age, a team)."""
    gap = BRACKETED.sub(" ", story.low[start:end])
    return not _CLAUSE_STOP.search(gap) and len(WORD.findall(gap)) <= words
