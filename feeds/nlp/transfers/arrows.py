"""Moves written without a verb: a person, a word for "to", a team.

Round-ups and their subheadings drop the verb the way headlines do: "Remco Evenepoel
para a Red Bull, Juan Ayuso para a Lidl-Trek, Oscar Onley e Kévin Vauquelin para a
INEOS", "Dylan Groenewegen til Team BikeExchange" on a line of its own, "X naar Tudor, Y
naar Jayco". The clause rules need a move cue to start from; these shapes have none
beside each person, only the arrow. Two of them read as moves:

- a list: two or more "person (and person) + to-word + team" items in one sentence;
- a line that is nothing but one such item (a round-up's subheading), which may name the
  team left before the arrow ("Thymen Arensman – van DSM naar INEOS Grenadiers").

In such a list the item's arrow also decides over the clause rules: a cue before the list
("die fünf Wechsel: X zu A, Y und Z zu B") hands every team of the sentence to every name.

The to-words are the lexicons' `to_markers` that point somewhere without a verb: a word
that also marks where someone is now (`affiliation_markers`: "en", "bij", "con") or that
needs a verb before it (`needs_verb_markers`: "for", "voor", "per") is not an arrow.
Only stories with some move cue are read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.scan import MOVE_FAMILIES
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.text import Span, mentions_in

_LEX = pooled()
ARROW_WORDS = (
    _LEX.words("to_markers") - _LEX.words("affiliation_markers") - _LEX.words("needs_verb_markers")
)
_ARTICLES = _LEX.words("filler_words")
FROM_WORDS = _LEX.words("from_markers")
_GLUE_WORDS = _LEX.words("coordination_words")
_WORD = re.compile(r"[\w'\u2019]+")
LINE_MAX = 120
"""A subheading is short; a longer sentence with no verb is something else."""


def arrow_moves(story: Story, spans: Sequence[Span]) -> None:
    """Evidence for every person in a verbless list of moves or a one-move line."""
    if not any(story.hits.get(f) for f in (*MOVE_FAMILIES, "newcomers")):
        return  # a story with no move word anywhere tells no move this way
    for span in spans:
        if span.title:
            continue  # headlines: the clause rules read their arrows
        people = mentions_in(story.people, span)
        teams = mentions_in(story.teams, span)
        if not people or not teams:
            continue
        items = _items(story, people, teams)
        if len(items) >= 2 or (len(items) == 1 and _whole_line(story, span, items[0])):
            for movers, team, origin in items:
                for person in movers:
                    _add(story, span, person, team, origin)


def _items(
    story: Story, people: Sequence[Mention], teams: Sequence[Mention]
) -> list[tuple[list[Mention], Mention, Mention | None]]:
    """Each "person (and person) + arrow + team" of the sentence."""
    out = []
    for team in teams:
        before = [p for p in people if p.end <= team.start]
        if not before:
            continue
        gap_start = before[-1].end
        origin = _origin_between(story, gap_start, team, teams)
        if origin is not None:
            gap_start = origin.end  # "Thymen Arensman – van DSM naar INEOS Grenadiers"
        if not _arrow_gap(story.low[gap_start : team.start]):
            continue
        movers = [before[-1]]
        for person in reversed(before[:-1]):
            if not _glued(story.low[person.end : movers[-1].start]):
                break
            movers.append(person)
        out.append((movers[::-1], team, origin))
    return out


def _origin_between(
    story: Story, start: int, team: Mention, teams: Sequence[Mention]
) -> Mention | None:
    """The team left in "person – from-word + team + to-word + team": the one team between
    the person and the destination, after a from-word (and a dash or colon) alone."""
    between = [t for t in teams if start <= t.start and t.end <= team.start]
    if len(between) != 1:
        return None
    gap = story.low[start : between[0].start]
    words = _WORD.findall(gap)
    if not words or len(words) > 2 or any(c in gap for c in ".;!?()[]"):
        return None
    if words[0] not in FROM_WORDS or not all(w in _ARTICLES for w in words[1:]):
        return None
    return between[0]


def _arrow_gap(gap: str) -> bool:
    """ " para a ", " til ", " naar het ": one arrow word, then at most two articles."""
    words = _WORD.findall(gap)
    if not words or len(words) > 3 or any(c in gap for c in ".;:!?()[]"):
        return False
    return words[0] in ARROW_WORDS and all(w in _ARTICLES for w in words[1:])


def _glued(gap: str) -> bool:
    """ ", " or " and " (in any language) between two people of one item."""
    words = _WORD.findall(gap)
    if any(c in gap for c in ".;:!?()[]"):
        return False
    return (not words and "," in gap) or (len(words) == 1 and words[0] in _GLUE_WORDS)


def _whole_line(
    story: Story, span: Span, item: tuple[list[Mention], Mention, Mention | None]
) -> bool:
    """Is the sentence nothing but the item ("Dylan Groenewegen til Team BikeExchange")?"""
    movers, team, _ = item
    if span.end - span.start > LINE_MAX:
        return False
    before = story.low[span.start : movers[0].start].strip()
    after = story.low[team.end : span.end].strip(" .!\n")
    return not before and not after


def _add(story: Story, span: Span, person: Mention, team: Mention, origin: Mention | None) -> None:
    read = [
        ev
        for ev in story.evidence
        if ev.person_id == person.entity_id and ev.sentence == span.sentence
    ]
    if read:
        # The clause rules read this sentence for them already, but a list's cues ("the
        # five moves: X to A, Y and Z to B, W to C") hand its teams to every name: the
        # item's own arrow says which one is theirs.
        for ev in read:
            if ev.to and set(ev.to) != {team.entity_id}:
                ev.to = {team.entity_id: max(ev.to.values())}
        return
    ev = Evidence(person.entity_id, "arrive", span.sentence, span.title, False)
    ev.to = {team.entity_id: 1.0}
    if origin is not None:
        ev.origin = {origin.entity_id}
    ev.listed = True  # a round-up's item is news wherever it stands
    story.evidence.append(ev)
