"""The Move record a decision ends in: the team left, the sentences it was read from."""

from __future__ import annotations

from collections.abc import Sequence

from feeds.models import Move, MoveStage, MoveStatus
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.text import Span
from feeds.roster import Person


def evidence_spans(evs: Sequence[Evidence], spans: Sequence[Span]) -> list[Span]:
    """The sentences that carry this evidence."""
    return [spans[i] for i in sorted({ev.sentence for ev in evs}) if i < len(spans)]


def origin_of(origins: set[str], blocked: str | None, story: Story) -> str | None:
    """The team left: the roster's current team when the story names it, else one read."""
    firsts = story.team_firsts
    if firsts is None:
        # asked once per person: a walk over every team each time is quadratic in a
        # list of thousands of moves
        firsts = {}
        for i, team in enumerate(story.teams):
            firsts.setdefault(team.entity_id, i)
        story.team_firsts = firsts
    if blocked and blocked in firsts:
        return blocked
    # the origin the story names first
    return min((t for t in origins if t in firsts), key=firsts.__getitem__, default=None)


def build_move(
    story: Story,
    person: Person,
    from_id: str | None,
    to_id: str | None,
    status: str,
    season: int | None,
    stage: MoveStage,
) -> Move:
    def name(team_id: str | None) -> str | None:
        team = story.roster.teams.get(team_id) if team_id else None
        return team.name_on(story.published) if team else None

    checked: MoveStatus = "rumour" if status == "rumour" else "confirmed"
    return Move(
        person_id=person.id,
        person=person.name,
        from_team_id=from_id,
        to_team_id=to_id,
        from_team=name(from_id),
        to_team=name(to_id),
        status=checked,
        season=season,
        stage=stage,
    )
