"""From evidence to moves: per person the destination, the team left, the status and
the season; and whether the story is a transfer story at all.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from feeds.models import Move, MoveStage, MoveStatus
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.descriptions import team_noun_after
from feeds.nlp.transfers.stage import move_stage
from feeds.nlp.transfers.status import (
    headline_hedge,
    person_status,
    says_unconfirmed,
    sentence_status,
)
from feeds.nlp.transfers.story import PERSON_KINDS, Evidence, Story
from feeds.nlp.transfers.text import WORD_START, Span, mentions_in, within
from feeds.roster import Person

LEDE_SENTENCES = 2
# A headline's move noun counts unless the headline also says one of these.
_HEADLINE_NOUN_VETOES = ("extension", "dispute", "race", "organisation", "retire")
_NEGATION = re.compile(WORD_START + r"(?:" + pooled().alternation("negation") + r")")
_TEAM_NOUNS = pooled().words("team_nouns")
INHERIT_WEIGHT = 0.5
MIN_MOVE_WEIGHT = 1.0


def decide(story: Story, spans: list[Span]) -> list[Move]:
    """The moves the story reports, one per person, in the order the people appear."""
    by_person: dict[str, list[Evidence]] = defaultdict(list)
    for ev in story.evidence:
        by_person[ev.person_id].append(ev)
    destination = _story_destination(story.evidence)
    # "Soudal Quick-Step reforça-se ... chegam X e Y": with no destination named for
    # anyone, a named arrival goes to the team the headline is about.
    headline_team = None if destination else _headline_team(story)
    by_sentence: dict[int, list[Evidence]] = defaultdict(list)
    for ev in story.evidence:
        by_sentence[ev.sentence].append(ev)
    statuses = {s.sentence: sentence_status(story, s) for s in spans}
    # "Visma and Decathlon would not confirm the news": every move the story tells
    # without an announcement of its own is unconfirmed, wherever that sentence stands.
    unconfirmed = any(says_unconfirmed(story, s) for s in spans)
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
        to_id, origins = _destination(evs, blocked, by_sentence, story_wide, stays)
        if to_id is None:
            exit_move = _staff_exit(story, person, evs, statuses, blocked, spans)
            if exit_move is None and (transfer_lede or not deep):
                exit_move = _rider_exit(story, person, evs, statuses, blocked, spans)
            if exit_move is not None:
                first = min(p.start for p in story.people if p.entity_id == person_id)
                moves.append((first, exit_move))
            continue
        status = person_status(
            evs, statuses, story_status, headline_hedge(story, person_id), echoes
        )
        if unconfirmed and not any(statuses[ev.sentence] > 0 for ev in evs if ev.arrival):
            status = "rumour"
        from_id = _origin(origins, blocked, story)
        season = next((ev.season for ev in sorted(evs, key=_order) if ev.season), None)
        first = min(p.start for p in story.people if p.entity_id == person_id)
        stage = move_stage(story, _spans_of(evs, spans), status)
        moves.append((first, _move(story, person, from_id, to_id, status, season, stage)))
    moves.sort(key=lambda item: item[0])
    return [m for _, m in moves]


def _headline_team(story: Story) -> str | None:
    focus = story.focus_team
    if focus is None or not any(
        t.entity_id == focus and t.start < story.title_end for t in story.teams
    ):
        return None
    return focus


def _move_words(story: Story, end: int) -> bool:
    """A move noun or a group of arrivals before `end` (outside race action)."""
    return any(
        within(story.hits.get(family, []), 0, end)
        for family in ("noun_arrive", "noun_depart", "newcomers")
    )


def _staff_exit(
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
    exits = [
        ev
        for ev in evs
        if not ev.fallback
        and ev.left
        # deeper in the story too ("Tuesday's announcement that performance manager X is
        # leaving Red Bull"), when told as news: not in a relative clause, not recalled
        and (ev.sentence <= LEDE_SENTENCES or not (ev.aside or ev.known))
        and ev.family in ("depart", "noun_depart", "lose")
    ]
    if not exits:
        return _dismissed(story, person, evs, statuses, blocked, spans)
    origins = {team_id for ev in exits for team_id in ev.origin}
    from_id = _origin(origins, blocked, story) if blocked in origins else None
    from_id = from_id or next((t.entity_id for t in story.teams if t.entity_id in origins), None)
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
        for ev in evs
        if not ev.fallback
        and not ev.aside
        and ev.sentence <= LEDE_SENTENCES
        and ev.family in ("depart", "noun_depart")
        and not ev.to
    ]
    if not exits:
        return None
    return _exit_move(story, person, blocked, exits, statuses, spans)


def _rider_exit(
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
    if person.kind != "rider" or any(ev.arrival and not ev.aside for ev in evs):
        return None
    year = story.published.year if story.published else None
    exits = [
        ev
        for ev in evs
        if not ev.fallback
        and ev.family in ("depart", "noun_depart", "lose")
        and (ev.left or ev.listed or _leaves_the_team(story, ev, spans))
        and ev.season is not None
        and (year is None or ev.season >= year)
        and not retiring(story, ev.sentence)
    ]
    if not exits:
        return None
    origins = {team_id for ev in exits for team_id in ev.origin}
    from_id = _origin(origins, blocked, story) if origins else story.focus_team
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
    hedged = any(statuses[ev.sentence] < 0 for ev in exits)
    status = "rumour" if hedged else "confirmed"
    stage = move_stage(story, _spans_of(exits, spans), status)
    return _move(story, person, from_id, None, status, None, stage)


def _leaves_the_team(story: Story, ev: Evidence, spans: Sequence[Span]) -> bool:
    """ "who will leave the team at the end of the year": the team the story is about."""
    if ev.cue_start < 0 or ev.sentence >= len(spans) or story.focus_team is None:
        return False
    return team_noun_after(story.low, ev.cue_start, spans[ev.sentence].end)


def _destination(
    evs: Sequence[Evidence],
    blocked: str | None,
    by_sentence: dict[int, list[Evidence]],
    story_wide: str | None,
    stays: set[str],
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
        borrowed = _borrowed_destination(evs, by_sentence, story_wide)
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
    evs: Sequence[Evidence], by_sentence: dict[int, list[Evidence]], story_wide: str | None
) -> str | None:
    """A destination for someone who "joins her" or is "brought back" with no team named:
    first the one named in the same sentence, else the story's main one."""
    for ev in evs:
        if ev.arrival and ev.inheritable:
            local = _story_destination(by_sentence[ev.sentence])
            if local:
                return local
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


def _spans_of(evs: Sequence[Evidence], spans: Sequence[Span]) -> list[Span]:
    """The sentences that carry this evidence."""
    return [spans[i] for i in sorted({ev.sentence for ev in evs}) if i < len(spans)]


def _order(ev: Evidence) -> tuple[bool, int]:
    return (not ev.title, ev.sentence)


def _origin(origins: set[str], blocked: str | None, story: Story) -> str | None:
    """The team left: the roster's current team when the story names it, else one read."""
    named = {t.entity_id for t in story.teams}
    if blocked and blocked in named:
        return blocked
    for team in story.teams:
        if team.entity_id in origins:
            return team.entity_id
    return None


def _move(
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


def roster_team(person: Person, published: date | None) -> str | None:
    """The team the person already rides for (so "to" it is an extension, not a move)."""
    if published is None:
        return None  # today's roster says nothing about an undated story
    covering = [s for s in person.stints if s.covers(published.year)]
    if len(covering) != 1:
        return None
    stint = covering[0]
    if stint.start is None:
        return None  # an undated stint ("works for Lidl-Trek") says nothing about that date
    if stint.start == published.year and published.month <= 2:
        return None  # a January story about this winter's move
    return stint.team_id


def departures(story: Story) -> bool:
    """A rider or staff member leaving a named team, with no destination given."""
    for ev in story.evidence:
        person = story.roster.people.get(ev.person_id)
        if person is None or person.kind not in PERSON_KINDS or ev.fallback:
            continue
        if ev.sentence > LEDE_SENTENCES:
            continue  # an aside in a race report ("who is rumoured to be leaving ...")
        if person.kind == "rider" and retiring(story, ev.sentence):
            continue  # a rider leaving the sport leaves no team for another
        if ev.family in ("depart", "noun_depart", "lose") and ev.left:
            return True  # the team left is named beside the verb ("leaves Lidl-Trek")
    return False


def retiring(story: Story, sentence: int) -> bool:
    hits = story.hits.get("retire", [])
    return any(_sentence_of(story, h.start) == sentence for h in hits)


def _sentence_of(story: Story, offset: int) -> int:
    return max(0, bisect.bisect_right(story.sentence_starts, offset) - 1)


def headline_move(story: Story) -> bool:
    """A headline that puts a person, a team and a move verb together ("Pidcock and Ineos
    part ways") is a transfer story even when no destination can be read."""
    if _headline_move_noun(story):
        return True
    if story.title_question:
        return False
    if not any(t.start < story.title_end for t in story.teams):
        return False
    for ev in story.evidence:
        person = story.roster.people.get(ev.person_id)
        if not ev.title or ev.fallback or person is None or person.kind not in PERSON_KINDS:
            continue
        # "Evenepoel joins Soudal teammates at camp" names his own team: not a move.
        own = {roster_team(person, story.published), *story.stays.get(ev.person_id, ())}
        if ev.left or set(ev.to) - own:
            return True
    return False


def _headline_move_noun(story: Story) -> bool:
    """A headline that names moves by their noun ("Denk verteidigt Verzicht auf
    deutschsprachige Zugänge", "5 transferências a ter em atenção para 2024", "Staff
    transfer market") is a transfer story even when the body's moves cannot be read; not
    when the headline also extends, denies, retires, negates ("denkt niet aan transfer")
    or speaks of a race or of the organisation."""
    end = story.title_end
    hits = story.hits
    # Not a group noun alone ("i neoprofessionisti italiani iniziano ... un corso"), nor a
    # new team ("Nova camisola da NSN Cycling Team: nova equipa WorldTour ...").
    nouns = [
        hit
        for family in ("noun_arrive", "noun_depart")
        for hit in within(hits.get(family, []), 0, end)
        if _TEAM_NOUNS.isdisjoint(story.low[hit.start : hit.end].split())
    ]
    if not nouns:
        return False
    if any(within(hits.get(family, []), 0, end) for family in _HEADLINE_NOUN_VETOES):
        return False
    return _NEGATION.search(story.low, 0, end) is None
