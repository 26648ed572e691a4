"""People who will no longer ride or work for a team: "Guillaume Martin et Axel Zingle ne
porteront plus ses couleurs en 2025", "Pidcock deixa de fazer parte da equipa", and "geen
plaats meer voor Rik Van Slycke bij Soudal Quick-Step". Each leaves for nobody named.

Three lexicon concepts, by where the person stands: `no_longer` after its subject (the
person or the list of people right before the words), `no_place` before its object (the
people right after), and `steps_down`, said of staff only, after its subject ("Lefevere
stopt eind deze maand als directeur van Soudal Quick-Step": "stopt als" of a rider is a
retirement). The team left is the one named right after the words, else the one
the roster gives the person at publication. A sentence with race words is a race's ("no
place any more for X in the Tour team"): left out, as is a rider retiring.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.contract_ends import leaves_for_nobody, team_left
from feeds.nlp.transfers.seasons import clause_season
from feeds.nlp.transfers.story import PERSON_KINDS, Story
from feeds.nlp.transfers.story_kind import retiring
from feeds.nlp.transfers.text import WORD, WORD_START, Span, within

_NO_LONGER = re.compile(WORD_START + r"(?:" + pooled().alternation("no_longer") + r")")
_STEPS_DOWN = re.compile(WORD_START + r"(?:" + pooled().alternation("steps_down") + r")")
_NO_PLACE = re.compile(WORD_START + r"(?:" + pooled().alternation("no_place") + r")")
_CLAUSE_STOP = re.compile(r"[.;:!?()\"«»\u201c\u201d]")
# Words that may stand between the subject and the words ("X will also no longer ...").
_SUBJECT_GAP = 3
# Words after a "no place" object besides the team: "bij Cofidis", "at Soudal in 2025".
_TAIL_WORDS = 2
# How far after the words the team left or the person may be named.
_REACH = 60


def no_longer_moves(story: Story, spans: Sequence[Span]) -> None:
    """Departure evidence for every person a sentence says is no longer the team's."""
    if story.published is None:
        return  # the team left may be the roster's at publication
    for span in spans:
        if span.title or _raced(story, span):
            continue
        # staff leaving the sport leave their team ("part à la retraite", "stopt als")
        for words in _STEPS_DOWN.finditer(story.low, span.start, span.end):
            people = [p for p in _subjects(story, span, words.start()) if _staff(story, p)]
            _leave(story, span, people, words.start(), words.end())
        if retiring(story, span.sentence):
            continue
        for words in _NO_LONGER.finditer(story.low, span.start, span.end):
            people = _subjects(story, span, words.start())
            _leave(story, span, people, words.start(), words.end())
        for words in _NO_PLACE.finditer(story.low, span.start, span.end):
            people = _objects(story, span, words.end())
            if people and _ends_with_team(story, span, people[-1].end):
                _leave(story, span, people, words.start(), people[-1].end)


def _staff(story: Story, person: Mention) -> bool:
    member = story.roster.people.get(person.entity_id)
    return member is not None and member.kind == "staff"


def _raced(story: Story, span: Span) -> bool:
    return bool(within(story.hits.get("race", []), span.start, span.end))


def _leave(story: Story, span: Span, people: Sequence[Mention], start: int, end: int) -> None:
    if not people:
        return
    team = _team_after(story, span, end)
    season = clause_season(story, span) or story.published.year  # type: ignore[union-attr]
    for person in people:
        member = story.roster.people.get(person.entity_id)
        if member is None or member.kind not in PERSON_KINDS:
            continue
        left = team_left(team, member, story)
        if left is not None:
            leaves_for_nobody(story, span, person.entity_id, left, season, start)


def _team_after(story: Story, span: Span, end: int) -> str | None:
    """The team named soon after, in the same clause ("deixa de fazer parte da Ineos")."""
    for team in within(story.teams, end, min(span.end, end + _REACH)):
        if _CLAUSE_STOP.search(story.low, end, team.start):
            return None
        return team.entity_id
    return None


def _ends_with_team(story: Story, span: Span, end: int) -> bool:
    """Does the clause end after the people, or after a team and a word or two ("bij
    Cofidis", "at Soudal in 2025")? "No place for X in the team for the Tour" goes on
    about a race selection."""
    stop = _CLAUSE_STOP.search(story.low, end, span.end)
    rest_end = stop.start() if stop else span.end
    rest = story.low[end:rest_end]
    for team in reversed(within(story.teams, end, rest_end)):
        rest = rest[: team.start - end] + " " + rest[team.end - end :]
    return len(WORD.findall(rest)) <= _TAIL_WORDS


def _subjects(story: Story, span: Span, start: int) -> list[Mention]:
    """The person right before the words, and those joined to them by commas or a
    coordination word ("Martin et Zingle ne porteront plus ...")."""
    before = [p for p in within(story.people, span.start, start) if p.end <= start]
    if not before or not _close(story, before[-1].end, start, _SUBJECT_GAP):
        return []
    return _joined(story, list(reversed(before)), backward=True)


def _objects(story: Story, span: Span, end: int) -> list[Mention]:
    """The person right after the words (a role word or two between), and those joined
    to them."""
    after = within(story.people, end, min(span.end, end + _REACH))
    if not after or not _close(story, end, after[0].start, _SUBJECT_GAP):
        return []
    return _joined(story, list(after), backward=False)


def _joined(story: Story, people: list[Mention], *, backward: bool) -> list[Mention]:
    joints = pooled().words("coordination_words")
    out = [people[0]]
    for person in people[1:]:
        lo, hi = (person.end, out[-1].start) if backward else (out[-1].end, person.start)
        gap = story.low[lo:hi].strip(" ,")
        if gap and gap not in joints:
            break
        out.append(person)
    return out


def _close(story: Story, start: int, end: int, words: int) -> bool:
    gap = story.low[start:end]
    return not _CLAUSE_STOP.search(gap) and len(WORD.findall(gap)) <= words
