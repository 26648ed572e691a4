"""Moves written without a verb: a person, a word for "to", a team.

Round-ups and their subheadings drop the verb the way headlines do: "Remco Evenepoel
para a Red Bull, Juan Ayuso para a Lidl-Trek, Oscar Onley e Kévin Vauquelin para a
INEOS", "Dylan Groenewegen til Team BikeExchange" on a line of its own, "X naar Tudor, Y
naar Jayco". The clause rules need a move cue to start from; these shapes have none
beside each person, only the arrow. These read as moves:

- a list: two or more "person (and person) + to-word + team" items in one sentence;
- a line that is nothing but one such item (a round-up's subheading), which may name the
  team left before the arrow ("Thymen Arensman – van DSM naar INEOS Grenadiers");
- a list's line with an arrow sign, "- A (Lidl-Trek), B (Alpecin) -> Soudal Quick-Step",
  or one name with where from and where to in brackets, "Mikel Landa (Bahrain Victorious
  / Soudal Quick-Step)": told under the line that opens the list, whose rumour or
  confirmation is the item's too.

In such a list the item's arrow also decides over the clause rules: a cue before the list
("die fünf Wechsel: X zu A, Y und Z zu B") hands every team of the sentence to every name.

The to-words are the lexicons' `to_markers` that point somewhere without a verb: a word
that also marks where someone is now (`affiliation_markers`: "en", "bij", "con") or that
needs a verb before it (`needs_verb_markers`: "for", "voor", "per") is not an arrow.
Only stories with some move cue are read.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from itertools import islice

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.scan import MOVE_FAMILIES
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.text import (
    BRACKETED,
    LIST_BULLET,
    Span,
    index_ending_by,
    mentions_in,
)

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
_SYMBOL = re.compile(r"\s*(?:->|=>|\u2192|\u27f6|>)\s*$")
_PAIR = re.compile(r"\s+(?:/|->|=>|\u2192|>)\s+")


def arrow_moves(story: Story, spans: Sequence[Span]) -> None:
    """Evidence for every person in a verbless list of moves or a one-move line."""
    if not any(story.hits.get(f) for f in (*MOVE_FAMILIES, "newcomers")):
        return  # a story with no move word anywhere tells no move this way
    lines: set[int] = set()  # the round-up lines read by their shape
    # each sentence's evidence by person, and the heading of the run of lines just read:
    # found once, not again for every line or name of a long list
    read: dict[tuple[int, str], list[Evidence]] = {}
    for ev in story.evidence:
        read.setdefault((ev.sentence, ev.person_id), []).append(ev)
    heading: Span | None = None
    for span in spans:
        if span.title:
            continue  # headlines: the clause rules read their arrows
        people = mentions_in(story.people, span)
        teams = mentions_in(story.teams, span)
        if not people or not teams:
            continue
        items = _items(story, people, teams)
        if not items:
            # whole lines by their shape
            items = _symbol_items(story, span, people, teams) or _pair_item(
                story, span, people, teams
            )
            if not items:
                continue
            if span.sentence - 1 not in lines:  # else the line before's heading is this one's
                heading = _heading(story, spans, span, lines)
            lines.add(span.sentence)
            for movers, team, origin in items:
                _add(story, read, span, movers[0], team, origin)
                if heading is not None:
                    _under(story, heading, movers[0])
        elif len(items) >= 2 or (len(items) == 1 and _whole_line(story, span, items[0])):
            for movers, team, origin in items:
                for person in movers:
                    _add(story, read, span, person, team, origin)


def _items(
    story: Story, people: Sequence[Mention], teams: Sequence[Mention]
) -> list[tuple[list[Mention], Mention, Mention | None]]:
    """Each "person (and person) + arrow + team" of the sentence."""
    out = []
    for team in teams:
        # the last person before the team, by bisection: a scan per team is quadratic in
        # a round-up of thousands of lines
        last = index_ending_by(people, team.start)
        if last < 0:
            continue
        gap_start = people[last].end
        origin = _origin_between(story, gap_start, team, teams)
        if origin is not None:
            gap_start = origin.end  # "Thymen Arensman – van DSM naar INEOS Grenadiers"
        if _more_words(story.low, gap_start, team.start, 3) or not _arrow_gap(
            story.low[gap_start : team.start]
        ):
            continue
        movers = [people[last]]
        for i in range(last - 1, -1, -1):  # no copy of every person before, per team
            person = people[i]
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
    # The teams between, by index and only up to two: every team of a long list lies
    # between the one person before it and the last team.
    lo = bisect.bisect_left(teams, start, key=_start)
    hi = bisect.bisect_left(teams, team.start, lo, key=_start)
    between: list[Mention] = []
    for i in range(lo, hi):
        if teams[i].end <= team.start:
            between.append(teams[i])
            if len(between) > 1:
                return None
    if len(between) != 1:
        return None
    gap = story.low[start : between[0].start]
    words = _WORD.findall(gap)
    if not words or len(words) > 2 or any(c in gap for c in ".;!?()[]"):
        return None
    if words[0] not in FROM_WORDS or not all(w in _ARTICLES for w in words[1:]):
        return None
    return between[0]


def _start(mention: Mention) -> int:
    return mention.start


def _more_words(low: str, start: int, end: int, most: int) -> bool:
    """Has low[start:end] more than `most` words? Read only as far as word most + 1: the
    gap from one person to each team of a long list after them is long."""
    return next(islice(_WORD.finditer(low, start, end), most, None), None) is not None


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


def _add(
    story: Story,
    evidence: dict[tuple[int, str], list[Evidence]],
    span: Span,
    person: Mention,
    team: Mention,
    origin: Mention | None,
) -> None:
    """The item's move, or its own team for the evidence the sentence's cues gave it
    (`evidence`: the story's evidence by sentence and person)."""
    read = evidence.get((span.sentence, person.entity_id), ())
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
    evidence.setdefault((span.sentence, person.entity_id), []).append(ev)


def _symbol_items(
    story: Story, span: Span, people: Sequence[Mention], teams: Sequence[Mention]
) -> list[tuple[list[Mention], Mention, Mention | None]]:
    """A line of a list of rumours: "- A (X), B (Y) -> T", "C (Z) → T": everyone before
    the arrow goes to the one team after it, each from the team in brackets after their
    name. A line with two teams after the arrow ("-> Bahrain o Decathlon") says no move."""
    if span.end - span.start > LINE_MAX:
        return []  # before the arrow search: it reads the line up to each team
    arrow = next((t for t in teams if _SYMBOL.search(story.low, span.start, t.start)), None)
    if arrow is None:
        return []
    if story.low[arrow.end : span.end].strip(" .!\n"):
        return []  # "-> Bahrain o Decathlon": not one destination
    movers = [p for p in people if p.end <= arrow.start]
    if not movers or LIST_BULLET.fullmatch(story.low, span.start, movers[0].start) is None:
        return []  # the line opens with the first name
    out: list[tuple[list[Mention], Mention, Mention | None]] = []
    for i, person in enumerate(movers):
        end = movers[i + 1].start if i + 1 < len(movers) else arrow.start
        own = [t for t in teams if person.end <= t.start and t.end <= end]
        rest = story.low[person.end : end]
        for team in own:
            rest = rest.replace(story.low[team.start : team.end], " ")
        rest = BRACKETED.sub(" ", rest)  # a team the roster does not know: "(Picnic)"
        if _WORD.findall(rest) or len(own) > 1:
            return []  # only a bracketed team between one name and the next
        out.append(([person], arrow, own[0] if own else None))
    return out


def _heading(story: Story, spans: Sequence[Span], span: Span, lines: set[int]) -> Span | None:
    """The line that opens a list ("Entre los rumores que se mencionan están:"): the first
    line before the item that is not an item itself, when it ends with a colon."""
    for before in reversed(spans[1 : span.sentence]):
        line = story.low[before.start : before.end].strip()
        if before.sentence in lines or LIST_BULLET.match(line).end():
            continue  # another item of the list
        return before if line.endswith(":") else None
    return None


def _under(story: Story, heading: Span, person: Mention) -> None:
    """The item is told under its heading: what the heading says of the news (a rumour, a
    confirmation) is said of the item too. The evidence names no team."""
    ev = Evidence(person.entity_id, "arrive", heading.sentence, heading.title, False)
    ev.inheritable = False
    ev.listed = True
    story.evidence.append(ev)


def _from_to_cut(low: str, opening: int, inside: Sequence[Mention]) -> tuple[int, int] | None:
    """The to-word of a bracket that says where from and where to in words: "(de Ineos a
    EF)", "(from Ineos to EF)", "(van Ineos naar EF)": a from-word opens it, a to-word
    joins the two teams."""
    if len(inside) != 2:
        return None
    opens = _WORD.findall(low, opening + 1, inside[0].start)
    if not opens or opens[0] not in FROM_WORDS or not all(w in _ARTICLES for w in opens[1:]):
        return None
    if not _arrow_gap(low[inside[0].end : inside[1].start]):
        return None
    return inside[0].end, inside[1].start


def _pair_item(
    story: Story, span: Span, people: Sequence[Mention], teams: Sequence[Mention]
) -> list[tuple[list[Mention], Mention, Mention | None]]:
    """A line of a round-up that is one name and, in brackets, where from and where to:
    "Mikel Landa (Bahrain Victorious / Soudal Quick-Step)", "X (sem equipa / Movistar
    Team)", "Y (UAE -> Tudor)", "Z (de Ineos a EF)". The team after the slash, the arrow or
    the to-word is the destination."""
    if len(people) != 1 or span.end - span.start > LINE_MAX:
        return []
    person = people[0]
    low = story.low
    opening = low.find("(", person.end, span.end)
    closing = low.rfind(")", person.end, span.end)
    if opening < 0 or closing < opening or low[person.end : opening].strip():
        return []
    if LIST_BULLET.fullmatch(low, span.start, person.start) is None:
        return []  # the line opens with the name ...
    if low[closing + 1 : span.end].strip(" .\n"):
        return []  # ... and ends with the bracket
    inside = [t for t in teams if opening < t.start and t.end <= closing]
    split = _PAIR.search(low, opening, closing)
    if split is not None:
        cut = split.start(), split.end()
    else:
        cut = _from_to_cut(low, opening, inside)
        if cut is None:
            return []
    after = [t for t in inside if t.start >= cut[1]]
    before = [t for t in inside if t.end <= cut[0]]
    if len(after) != 1 or len(before) > 1 or low[after[0].end : closing].strip():
        return []
    return [([person], after[0], before[0] if before else None)]
