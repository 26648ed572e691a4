"""The story-level reader's list shape: "A (T1), B (T2) and C (T3) <signing>", people
each followed by their old team in brackets, in a sentence that says a signing, in a
story whose destination is clear: the one team the sentence names outside brackets, else
the headline's only team (a headline that tells other news has none). A list goes nowhere
when one of its items comes from that team; an item goes nowhere when the roster has the
person there already at publication.
"""

from __future__ import annotations

from collections.abc import Sequence

from feeds.models import Mention, Move
from feeds.nlp.transfers.list_teams import bracketed_arrival, bracketed_starts, bracketed_teams
from feeds.nlp.transfers.move_records import build_move
from feeds.nlp.transfers.signing_cues import (
    OTHER_NEWS,
    negated,
    placed_behind,
    race_headline,
    says_signing,
    takes_person,
    tells_other_news,
)
from feeds.nlp.transfers.stage import move_stage
from feeds.nlp.transfers.status import sentence_status
from feeds.nlp.transfers.story import PERSON_KINDS, Story
from feeds.nlp.transfers.story_kind import roster_team
from feeds.nlp.transfers.text import Span, mentions_in, within

LIST_MIN = 2
"""People with a bracketed team a sentence needs to be a list, not one rider's aside."""


def listed_arrivals(
    story: Story, spans: Sequence[Span], languages: tuple[str, ...] | None, moved: set[str]
) -> list[Move]:
    """Moves of people listed with their old teams in a sentence that says a signing."""
    if race_headline(story, languages):
        return []  # "Nel sestetto ci sono anche Cerny (Soudal Quick-Step)": a race report
    story_team = _story_team(story)
    found: list[Move] = []
    for span in spans:
        people = mentions_in(story.people, span)
        if len({p.entity_id for p in people}) < LIST_MIN:
            continue
        teams = mentions_in(story.teams, span)
        brackets = bracketed_teams(story, people, teams, languages)
        if len(brackets) < LIST_MIN or not _arrivals(story, span, languages, set(brackets)):
            continue
        if placed_behind(story, [p for p in people if p.entity_id in brackets], languages):
            continue  # "den Sieg vor A (T1) und B (T2)": a result's placings
        destination = _destination(story, teams, story_team)
        if destination is None or destination in {t.entity_id for t in brackets.values()}:
            continue  # none, or one an item comes from: not where the list goes
        for person_id, origin in brackets.items():
            move = _move(story, span, person_id, origin.entity_id, destination, moved)
            if move is not None:
                found.append(move)
                moved.add(person_id)
    return found


def _story_team(story: Story) -> str | None:
    """The headline's only team, the team the story is about, unless the headline tells
    a departure, a denial or other news about it ("X lascia la Ineos")."""
    named = {t.entity_id for t in within(story.teams, 0, story.title_end)}
    if len(named) != 1 or tells_other_news(story, 0, story.title_end, OTHER_NEWS):
        return None
    return next(iter(named))


def _arrivals(
    story: Story, span: Span, languages: tuple[str, ...] | None, listed: set[str]
) -> bool:
    """The sentence says a signing (or an acquiring verb takes the `listed` people: "De
    Noren haalden A (T1) en B (T2)"), its brackets are not destinations ("A (headed to
    Ineos)"), and it tells no departure, race, extension or denial and no negation."""
    start, end = span.start, span.end
    return (
        (
            says_signing(story, start, end, languages)
            or takes_person(story, start, end, languages, listed, beside_team=False)
        )
        and not bracketed_arrival(story, span)
        and not tells_other_news(story, start, end, OTHER_NEWS)
        and not negated(story, start, end)
    )


def _destination(story: Story, teams: Sequence[Mention], story_team: str | None) -> str | None:
    """The one team the sentence names outside brackets (not someone's own team), else,
    when it names none, the headline's only team."""
    inside = bracketed_starts(story.low, teams)
    free = {t.entity_id for t in teams if t.start not in inside and id(t) not in story.owned}
    if len(free) == 1:
        return next(iter(free))
    return story_team if not free else None


def _move(
    story: Story, span: Span, person_id: str, origin: str, destination: str, moved: set[str]
) -> Move | None:
    """One listed person's move, unless the rules moved them or they are there already."""
    person = story.roster.people.get(person_id)
    if person_id in moved or person is None or person.kind not in PERSON_KINDS:
        return None
    if destination == roster_team(person, story.published):
        return None  # already the destination's at publication
    hedged = sentence_status(story, span) < 0 or story.title_question
    status = "rumour" if hedged else "confirmed"
    stage = move_stage(story, [span], status)
    return build_move(story, person, origin, destination, status, None, stage)
