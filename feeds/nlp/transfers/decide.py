"""From evidence to moves: per person the destination, the team left, the status and
the season. Moves to nobody are `exits`'; whether a story with no move is a transfer
story is `story_kind`'s.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from feeds.models import Move
from feeds.nlp.transfers.carried_teams import carried_team
from feeds.nlp.transfers.exits import rider_exit, staff_exit
from feeds.nlp.transfers.move_records import build_move, evidence_spans, origin_of
from feeds.nlp.transfers.stage import move_stage
from feeds.nlp.transfers.status import (
    headline_hedge,
    person_status,
    says_unconfirmed,
    sentence_status,
)
from feeds.nlp.transfers.status_scope import evidence_status
from feeds.nlp.transfers.story import PERSON_KINDS, Evidence, Story
from feeds.nlp.transfers.story_kind import LEDE_SENTENCES, roster_team
from feeds.nlp.transfers.text import Span, mentions_in, within

INHERIT_WEIGHT = 0.5
MIN_MOVE_WEIGHT = 1.0

_Sentences = tuple[dict[int, list[Evidence]], dict[int, str | None]]
"""Each sentence's evidence, and the destination each sentence names most (filled on
first use)."""


def decide(story: Story, spans: list[Span]) -> list[Move]:
    """The moves the story reports, one per person, in the order the people appear."""
    by_person: dict[str, list[Evidence]] = defaultdict(list)
    for ev in story.evidence:
        by_person[ev.person_id].append(ev)
    destination = _story_destination(story.evidence)
    # "Soudal Quick-Step reforça-se ... chegam X e Y": with no destination named for
    # anyone, a named arrival goes to the team the headline is about.
    # asked for every person: found once (a walk over the teams each time is quadratic)
    focus_headline = _headline_team(story)
    headline_team = None if destination else focus_headline
    by_sentence: dict[int, list[Evidence]] = defaultdict(list)
    for ev in story.evidence:
        by_sentence[ev.sentence].append(ev)
    # each sentence's own destination, worked out once: a sentence of thousands of
    # movers is asked for it once per mover (no evidence changes while moves are decided)
    local: dict[int, str | None] = {}
    statuses = {s.sentence: sentence_status(story, s) for s in spans}
    # "Visma and Decathlon would not confirm the news": every move the story tells
    # without an announcement of its own is unconfirmed, wherever that sentence stands;
    # but a sentence naming people is about them ("X's renewal is not yet confirmed").
    unconfirmed = [
        {m.entity_id for m in mentions_in(story.people, s)}
        for s in spans
        if says_unconfirmed(story, s)
    ]
    story.headline_status = statuses[0]
    # "X moves to Movistar, where he is expected to ... . The Spanish team announced the
    # deal.": an announcement that names nobody speaks for the sentence before it.
    echoes = {
        span.sentence - 1: statuses[span.sentence]
        for span in spans[2:]
        if statuses[span.sentence] > 0
        and not by_sentence.get(span.sentence)
        and not mentions_in(story.people, span)
    }
    # per person, looked up rather than found by a walk over every sentence or mention
    unconfirmed_all = any(not named for named in unconfirmed)
    unconfirmed_ids = set().union(*unconfirmed)
    first_at: dict[str, int] = {}
    for p in story.people:
        first_at[p.entity_id] = min(p.start, first_at.get(p.entity_id, p.start))
    story_status = sum(statuses[ev.sentence] for ev in story.evidence if ev.arrival)
    headline = {p.entity_id for p in story.people if p.start < story.title_end}
    # In a transfer story, "X, who also joins from A" deep in the text is news too.
    lede_end = spans[min(LEDE_SENTENCES, len(spans) - 1)].end
    move_lede = _move_words(story, lede_end)
    transfer_lede = any(
        not ev.fallback and not ev.aside and ev.sentence <= LEDE_SENTENCES and (ev.to or ev.left)
        for ev in story.evidence
    )
    # A lede with race words is a race report's, unless it speaks of moves too ("Visma
    # shakes the peloton with an eccentric transfer").
    race_lede = bool(within(story.hits.get("race", []), 0, lede_end)) and not move_lede
    moves: list[tuple[int, Move]] = []
    for person_id, evs in by_person.items():
        person = story.roster.people.get(person_id)
        if person is None or person.kind not in PERSON_KINDS:
            continue
        deep = all(ev.sentence > LEDE_SENTENCES and not ev.listed for ev in evs)
        if not transfer_lede and deep and (race_lede or all(ev.aside for ev in evs)):
            # a move mentioned in passing, deep in a race report or in a relative clause
            continue
        if all(ev.known for ev in evs) and person_id not in headline:
            continue  # another team's earlier signing, recalled in this story
        blocked = roster_team(person, story.published)
        stays = story.stays.get(person_id, set())
        # riders only: a manager named in a team's news is rarely its signing
        named = person.kind == "rider" and any(not ev.fallback for ev in evs)
        story_wide = destination or (headline_team if named else None)
        to_id, origins = _destination(
            evs, blocked, (by_sentence, local), story_wide, stays, focus_headline, story
        )
        if to_id is None:
            exit_move = staff_exit(story, person, evs, statuses, blocked, spans)
            if exit_move is None and (transfer_lede or not deep):
                exit_move = rider_exit(story, person, evs, statuses, blocked, spans)
            if exit_move is not None:
                moves.append((first_at[person_id], exit_move))
            continue
        from_id = origin_of(origins, blocked, story)
        own = [evidence_status(story, ev, spans[ev.sentence]) for ev in evs]
        status = person_status(
            evs,
            statuses,
            story_status,
            headline_hedge(story, person_id, to_id, from_id),
            echoes,
            own,
        )
        if (unconfirmed_all or person_id in unconfirmed_ids) and not any(
            statuses[ev.sentence] > 0 for ev in evs if ev.arrival
        ):
            status = "rumour"
        season = next((ev.season for ev in sorted(evs, key=_order) if ev.season), None)
        first = first_at[person_id]
        stage = move_stage(story, evidence_spans(evs, spans), status)
        moves.append((first, build_move(story, person, from_id, to_id, status, season, stage)))
    moves.sort(key=lambda item: item[0])
    return [m for _, m in moves]


def _headline_team(story: Story) -> str | None:
    focus = story.focus_team
    if focus is None or not any(
        t.entity_id == focus for t in within(story.teams, 0, story.title_end)
    ):
        return None
    return focus


def _move_words(story: Story, end: int) -> bool:
    """A move noun or a group of arrivals before `end` (outside race action)."""
    return any(
        within(story.hits.get(family, []), 0, end)
        for family in ("noun_arrive", "noun_depart", "newcomers")
    )


def _destination(
    evs: Sequence[Evidence],
    blocked: str | None,
    sentences: _Sentences,
    story_wide: str | None,
    stays: set[str],
    headline_team: str | None,
    story: Story,
) -> tuple[str | None, set[str]]:
    """One person's destination (or None) and the teams they leave, from all their evidence."""
    to_scores: dict[str, float] = defaultdict(float)
    from_scores: dict[str, float] = defaultdict(float)
    for ev in evs:
        for team_id in ev.origin:
            from_scores[team_id] += 1.5 * ev.to_weight
        for team_id, weight in ev.to.items():
            to_scores[team_id] += weight * ev.to_weight
    # A team read as both origin and destination goes where most of the text puts it.
    for team_id, weight in from_scores.items():
        if to_scores.get(team_id, 0.0) <= weight:
            to_scores.pop(team_id, None)
    for team_id in {blocked, *stays} - {None}:
        to_scores.pop(team_id, None)  # already their team: an extension, not a move
    origins = set(from_scores) - set(to_scores)
    if not to_scores:
        borrowed = _borrowed_destination(evs, sentences, story_wide, headline_team, story)
        if borrowed and borrowed not in (*origins, *stays, blocked):
            to_scores[borrowed] = INHERIT_WEIGHT * max(ev.weight for ev in evs)
    if not to_scores:
        return None, origins
    to_id = max(to_scores, key=lambda k: (to_scores[k], k))
    total = sum(ev.weight for ev in evs)
    if total < MIN_MOVE_WEIGHT and to_scores[to_id] < MIN_MOVE_WEIGHT:
        return None, origins  # only a borrowed guess from a sentence with no name
    return to_id, origins


def _borrowed_destination(
    evs: Sequence[Evidence],
    sentences: _Sentences,
    story_wide: str | None,
    headline_team: str | None,
    story: Story,
) -> str | None:
    """A destination for someone who "joins her" or is "brought back" with no team named:
    first the one named in the same sentence, else the one carried from the sentence
    before (`carried_teams`), else the story's main one; none when a clause of theirs
    names the destination in words no team mention covers."""
    unread = {ev.unread for ev in evs if ev.unread and not ev.to}
    if "named" in unread:
        return None
    if unread:
        # "moving to the Scandinavian squad": the team the headline is about, or none
        return headline_team
    by_sentence, found = sentences
    for ev in evs:
        if ev.arrival and ev.inheritable:
            if ev.sentence not in found:
                found[ev.sentence] = _story_destination(by_sentence[ev.sentence])
            local = found[ev.sentence]
            if local:
                return local
    for ev in evs:
        if ev.arrival and ev.inheritable and (carried := carried_team(story, ev.sentence)):
            return carried  # "Movistar has been busy. It has signed A and B."
    if any(ev.arrival and ev.inheritable and not ev.local_only for ev in evs):
        return story_wide
    return None


def _story_destination(evidence: Sequence[Evidence]) -> str | None:
    """The destination this evidence names most."""
    scores: dict[str, float] = defaultdict(float)
    for ev in evidence:
        for team_id, weight in ev.to.items():
            scores[team_id] += weight * ev.to_weight
    if not scores:
        return None
    return max(scores, key=lambda k: (scores[k], k))


def _order(ev: Evidence) -> tuple[bool, int]:
    return (not ev.title, ev.sentence)
