"""Moves to nobody: a staff member or a rider leaving with no destination named.

A staff member leaving a named team, or dismissed in the lede from the team the roster gives
them; a rider whose departure is dated. Everything else with no destination is no move.
"""

from __future__ import annotations

from collections.abc import Sequence

from feeds.models import Move
from feeds.nlp.transfers.descriptions import team_noun_after
from feeds.nlp.transfers.dismissals import dismissing
from feeds.nlp.transfers.move_records import build_move, evidence_spans, origin_of
from feeds.nlp.transfers.stage import move_stage
from feeds.nlp.transfers.status import headline_hedge
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.story_kind import EXIT_FAMILIES, LEDE_SENTENCES, retiring
from feeds.nlp.transfers.text import Span, mentions_in
from feeds.roster import Person


def staff_exit(
    story: Story,
    person: Person,
    evs: Sequence[Evidence],
    statuses: dict[int, int],
    blocked: str | None,
    spans: Sequence[Span],
) -> Move | None:
    """A staff member leaving a named team with no team to go to ("Zeeman verlaat Visma
    voor AZ", "the directeur sportif leaves Lidl-Trek to coach the national team"): a move
    to nobody. Riders are left out: their next team is usually just not known yet."""
    if person.kind != "staff":
        return None
    exits = [ev for ev in _told_exits(evs, lede_only=False) if ev.left]
    if not exits:
        return _dismissed(story, person, evs, statuses, blocked, spans)
    origins = {team_id for ev in exits for team_id in ev.origin}
    from_id = origin_of(origins, blocked, story) if blocked in origins else None
    from_id = from_id or next((t.entity_id for t in story.teams if t.entity_id in origins), None)
    if from_id is None:
        return None  # a move from nobody to nobody says nothing
    return _exit_move(story, person, from_id, exits, statuses, spans)


def _dismissed(
    story: Story,
    person: Person,
    evs: Sequence[Evidence],
    statuses: dict[int, int],
    blocked: str | None,
    spans: Sequence[Span],
) -> Move | None:
    """A staff member leaving in the lede with no team beside the verb ("Cédric Vasseur a
    été écarté de son poste de manager général"): from the team the roster gives them at
    publication, when the story names it; a move to nobody."""
    if blocked is None or not any(t.entity_id == blocked for t in story.teams):
        return None
    exits = [
        ev
        for ev in _told_exits(evs, lede_only=True)
        # not a team's own verb ("lose"), which names the team beside it
        if ev.family != "lose" and not ev.to and not dismissing(story, ev)
    ]
    if not exits:
        return None
    return _exit_move(story, person, blocked, exits, statuses, spans)


def _told_exits(evs: Sequence[Evidence], *, lede_only: bool) -> list[Evidence]:
    """A staff member's departures told as news: a departure word read from the text (not
    a fallback), in the lede and not in a relative clause; unless `lede_only`, deeper in
    the story too ("Tuesday's announcement that performance manager X is leaving Red
    Bull"), when neither in a relative clause nor recalled."""
    return [
        ev
        for ev in evs
        if not ev.fallback
        and ev.family in EXIT_FAMILIES
        and (
            (ev.sentence <= LEDE_SENTENCES and not (lede_only and ev.aside))
            or (not lede_only and not (ev.aside or ev.known))
        )
    ]


def rider_exit(
    story: Story,
    person: Person,
    evs: Sequence[Evidence],
    statuses: dict[int, int],
    blocked: str | None,
    spans: Sequence[Span],
) -> Move | None:
    """A rider leaving with no destination named, when the departure is dated ("will
    leave Ineos at the end of the season", "forlader holdet efter sæsonen: X, Y"): a move
    to nobody. Undated departures stay out: "who left Movistar", "leaving the break"."""
    if person.kind != "rider" or any(_arrives_elsewhere(ev, blocked) for ev in evs):
        return None
    if _signs_later(story, evs, spans):
        return None  # "has no team for 2025 ... Tudor announced that X signed": not nobody
    year = story.published.year if story.published else None
    exits = [
        ev
        for ev in evs
        if not ev.fallback
        and ev.family in EXIT_FAMILIES
        and (ev.left or ev.listed or _leaves_the_team(story, ev, spans))
        and ev.season is not None
        and (year is None or ev.season >= year)
        and not retiring(story, ev.sentence)
    ]
    if not exits:
        return None
    origins = {team_id for ev in exits for team_id in ev.origin}
    said = {team_id for ev in exits for team_id in _team_left(story, ev, spans)}
    if said != origins and len(said) == 1:
        # the text says which team he left; the roster's at publication may be his new one
        from_id: str | None = next(iter(said))
    else:
        from_id = origin_of(origins, blocked, story) if origins else story.focus_team
    if from_id is None and blocked in origins:
        from_id = blocked  # "still looking for a team": the roster's team, named or not
    if from_id is None:
        return None  # a move from nobody to nobody says nothing
    return _exit_move(story, person, from_id, exits, statuses, spans)


def _exit_move(
    story: Story,
    person: Person,
    from_id: str | None,
    exits: Sequence[Evidence],
    statuses: dict[int, int],
    spans: Sequence[Span],
) -> Move:
    """A move to nobody from `from_id`, a rumour when any of its sentences hedges."""
    hedged = (
        any(statuses[ev.sentence] < 0 for ev in exits)
        or headline_hedge(story, person.id, from_id) < 0
    )
    if not hedged and all(ev.sentence == 0 for ev in exits):
        # only the headline tells the exit: a hedged lede ("aurait démissionné", "is said
        # to have resigned") says what kind of news it is, as for an arrival
        hedged = statuses.get(1, 0) < 0
    status = "rumour" if hedged else "confirmed"
    stage = move_stage(story, evidence_spans(exits, spans), status)
    return build_move(story, person, from_id, None, status, None, stage)


def _leaves_the_team(story: Story, ev: Evidence, spans: Sequence[Span]) -> bool:
    """ "who will leave the team at the end of the year": the team the story is about."""
    if ev.cue_start < 0 or ev.sentence >= len(spans) or story.focus_team is None:
        return False
    return team_noun_after(story.low, ev.cue_start, spans[ev.sentence].end)


def _named_in(story: Story, ev: Evidence, spans: Sequence[Span]) -> list:
    return mentions_in(story.teams, spans[ev.sentence]) if ev.sentence < len(spans) else []


def _team_left(story: Story, ev: Evidence, spans: Sequence[Span]) -> set[str]:
    """The team the exit leaves: the one its sentence names when the roster's (a fallback
    read at publication) is not named there ("has no team for 2025 after leaving UAE",
    the roster already giving the team he signed for since)."""
    named = {t.entity_id for t in _named_in(story, ev, spans)}
    if len(named) == 1 and ev.origin and not ev.origin & named:
        return named
    return set(ev.origin)


def _signs_later(story: Story, evs: Sequence[Evidence], spans: Sequence[Span]) -> bool:
    """A signing told after a departure with no team, in a sentence naming a team other
    than the one left ("... has no team for 2025 after leaving UAE. Tudor announced that
    Hirschi signed"): the rider goes there, not to nobody. The roster, written after the
    fact, may already give him that team: it is never the one left."""
    exits = [ev for ev in evs if ev.family in EXIT_FAMILIES and not ev.to]
    if not exits:
        return False
    first = min(ev.sentence for ev in exits)
    left = {t.entity_id for ev in exits for t in _named_in(story, ev, spans)}
    for ev in evs:
        if not ev.arrival or ev.aside or ev.sentence <= first or ev.sentence >= len(spans):
            continue
        if any(team not in left for team in ev.to):
            return True
        if any(t.entity_id not in left for t in mentions_in(story.teams, spans[ev.sentence])):
            return True
    return False


def _arrives_elsewhere(ev: Evidence, blocked: str | None) -> bool:
    """Does the evidence name a team the person goes to? An arrival with no team read ("a
    nova equipa", "a new team") names none, nor one at the team they ride for ("deixa a
    equipa INEOS" read with INEOS after the verb): the departure is still to nobody named."""
    return ev.arrival and not ev.aside and any(team != blocked for team in ev.to)
