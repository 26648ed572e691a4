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
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.contract_ends import leaves_for_nobody, team_left
from feeds.nlp.transfers.described_teams import national_selection, nations_race
from feeds.nlp.transfers.phrases import story_phrases
from feeds.nlp.transfers.seasons import clause_season, first_earlier_year
from feeds.nlp.transfers.story import PERSON_KINDS, Story
from feeds.nlp.transfers.story_kind import retiring
from feeds.nlp.transfers.text import ROLE_WORD, WORD, WORD_START, Span, within

_NO_LONGER = re.compile(WORD_START + r"(?:" + pooled().alternation("no_longer") + r")")
_STEPS_DOWN = re.compile(WORD_START + r"(?:" + pooled().alternation("steps_down") + r")")
_NO_PLACE = re.compile(WORD_START + r"(?:" + pooled().alternation("no_place") + r")")
PHRASES = (_NO_LONGER, _STEPS_DOWN, _NO_PLACE)
"""Scanned sentence by sentence: tried only where `phrases` finds they may match."""
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NEXT_SEASON = re.compile(r"\b(?:" + pooled().alternation("next_season") + r")\b")
_REST_STOP = re.compile(r"[,.;:!?()\"«»\u201c\u201d]")
_CLAUSE_STOP = re.compile(r"[.;:!?()\"«»\u201c\u201d]")
# Words that may stand between the subject and the words ("X will also no longer ...").
_SUBJECT_GAP = 3
# Words after a "no place" object besides the team: "bij Cofidis", "at Soudal in 2025".
_TAIL_WORDS = 2
# How far after the words the team left or the person may be named.
_REACH = 60
# Post words between a staff member's words and the team ("als directeur van de succesvolle
# Belgische wielerploeg"); more is an outside body ("from the UCI's council to focus on X").
_POST_WORDS = 6
# A post standing alone after the words, with no team ("als directeur").
_POST_ALONE = 4
# "en 2025", "next season", "l'an prochain": the words after a complete phrase.
_SEASON_WORDS = 3


def no_longer_moves(story: Story, spans: Sequence[Span]) -> None:
    """Departure evidence for every person a sentence says is no longer the team's."""
    if story.published is None:
        return  # the team left may be the roster's at publication
    headline_raced = _raced(story, Span(0, story.title_end, 0, True))
    for span in spans:
        if span.title or not _cued(story, span) or _raced(story, span):
            continue
        # the same for every cue of the span: read once, not per cue
        when = _When(
            clause_season(story, span) or story.published.year,
            first_earlier_year(story, span.start, span.end),
        )
        _stepping_down(story, span, when)
        if retiring(story, span.sentence):
            continue
        for words in story_phrases(story).finditer(_NO_LONGER, span.start, span.end):
            people = _subjects(story, span, words.start())
            team = _complement_team(story, span, words.end())
            if team is not False:
                _leave(story, span, people, (words.start(), words.end()), team, when)
        if not headline_raced and not _selection(story, span):
            _no_place(story, span, when)


class _When(NamedTuple):
    season: int
    past: int | None
    """Where the sentence's first year before publication is written, if anywhere."""


def _stepping_down(story: Story, span: Span, when: _When) -> None:
    """Staff leaving the sport leave their team ("part à la retraite", "stopt als")."""
    for words in story_phrases(story).finditer(_STEPS_DOWN, span.start, span.end):
        people = [p for p in _subjects(story, span, words.start()) if _staff(story, p)]
        team = _post_team(story, span, words.end())
        if team is not False:
            _leave(story, span, people, (words.start(), words.end()), team, when)


def _no_place(story: Story, span: Span, when: _When) -> None:
    """ "no place any more for X at Cofidis": the clause ends with the trade team left, or
    with the people when the headline says so of a team ("Geen plaats meer voor X bij
    Soudal"); "in the national team", "in de Tourploeg" are selections."""
    for words in story_phrases(story).finditer(_NO_PLACE, span.start, span.end):
        people = _objects(story, span, words.end())
        if not people or not _ends_with_team(story, span, people[-1].end):
            continue
        team = _team_after(story, span, people[-1].end) or _headline_team(story)
        if team is not None:
            _leave(story, span, people, (words.start(), people[-1].end), team, when)


def _headline_team(story: Story) -> str | None:
    """The one team a "no place any more" headline names."""
    if not story_phrases(story).search(_NO_PLACE, 0, story.title_end):
        return None
    teams = {t.entity_id for t in within(story.teams, 0, story.title_end)}
    return teams.pop() if len(teams) == 1 else None


def _cued(story: Story, span: Span) -> bool:
    phrases = story_phrases(story)
    return any(phrases.search(cue, span.start, span.end) for cue in PHRASES)


def _selection(story: Story, span: Span) -> bool:
    """Words of a national selection or of a race between nations in the sentence or the
    headline ("im Nationalteam", "in nazionale", "in de Nederlandse selectie")."""
    for start, end in ((0, story.title_end), (span.start, span.end)):
        words = [_fold(w) for w in WORD.findall(story.low, start, end)]
        if national_selection(words) or nations_race(words):
            return True
    return False


def _complement_team(story: Story, span: Span, end: int) -> str | bool | None:
    """What the person is no longer part of must be a team: one named right after (its
    id), a team noun, or nothing after the words but a season ("ne porteront plus ses
    couleurs en 2025") when the story names the roster's team (None: that team). A coach,
    a partner, a training group or a sponsor's colours: False, no move."""
    team = _team_after(story, span, end)
    if team is not None and _close(story, end, _team_start(story, span, end), _SUBJECT_GAP):
        return team
    rest = _rest(story, span, end)
    nouns = pooled().words("team_nouns")
    if any(w in nouns for w in _split_elisions(rest[:3])):
        return None
    if not rest or _season_only(rest):
        return None if story.focus_team is not None else False
    return False


def _post_team(story: Story, span: Span, end: int) -> str | bool | None:
    """The team a staff member steps down at: named right after the post ("as chief
    executive of Soudal Quick-Step"), else the roster's when the post stands alone
    ("stopt eind deze maand als directeur"). A post at an outside body ("from the UCI's
    council", "as president of the riders' association"): False, no move."""
    team = _team_after(story, span, end)
    if team is not None and _close(story, end, _team_start(story, span, end), _POST_WORDS):
        return team
    rest = _rest(story, span, end)
    if len(rest) <= _POST_ALONE and (story.focus_team is not None or not rest):
        return None
    return False


def _rest(story: Story, span: Span, end: int) -> list[str]:
    """The words after the cue, years too, up to the clause's end or a comma (within
    reach): "ne porteront plus ses couleurs en 2025, et l'équipe ..." ends at "2025"."""
    return ROLE_WORD.findall(story.low, end, _rest_end(story, span, end))


def _rest_end(story: Story, span: Span, end: int) -> int:
    reach = min(span.end, end + _REACH)
    stop = _REST_STOP.search(story.low, end, reach)
    return stop.start() if stop else reach


def _team_start(story: Story, span: Span, end: int) -> int:
    teams = within(story.teams, end, min(span.end, end + _REACH))
    return teams[0].start if teams else end


def _split_elisions(words: Sequence[str]) -> list[str]:
    return [part for w in words for part in w.split("'")]


def _season_only(words: Sequence[str]) -> bool:
    """A season and its marker word at most ("en 2025", "next year", "l'an prochain")."""
    text = " ".join(words)
    return len(words) <= _SEASON_WORDS and bool(_YEAR.search(text) or _NEXT_SEASON.search(text))


def _fold(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()


def _staff(story: Story, person: Mention) -> bool:
    member = story.roster.people.get(person.entity_id)
    return member is not None and member.kind == "staff"


def _raced(story: Story, span: Span) -> bool:
    return bool(within(story.hits.get("race", []), span.start, span.end))


def _leave(
    story: Story,
    span: Span,
    people: Sequence[Mention],
    cue: tuple[int, int],
    team: str | None,
    when: _When,
) -> None:
    if not people:
        return
    if when.past is not None and when.past < _rest_end(story, span, cue[1]):
        return  # "in 2019 X no longer rode for A": recalled, no move now
    for person in people:
        member = story.roster.people.get(person.entity_id)
        if member is None or member.kind not in PERSON_KINDS:
            continue
        left = team_left(team, member, story)
        if left is not None:
            leaves_for_nobody(story, span, person.entity_id, left, when.season, cue[0])


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
    reach = min(span.end, end + _REACH)  # bounded: a long rest is no short tail anyway
    stop = _CLAUSE_STOP.search(story.low, end, reach)
    if stop is None and reach < span.end:
        return False
    rest_end = stop.start() if stop else span.end
    rest = story.low[end:rest_end]
    for team in reversed(within(story.teams, end, rest_end)):
        rest = rest[: team.start - end] + " " + rest[team.end - end :]
    return len(WORD.findall(rest)) <= _TAIL_WORDS


def _subjects(story: Story, span: Span, start: int) -> list[Mention]:
    """The person right before the words, and those joined to them by commas or a
    coordination word ("Martin et Zingle ne porteront plus ...")."""
    before = within(story.people, max(span.start, start - _REACH), start)
    before = [p for p in before if p.end <= start]
    if not before or not _close(story, before[-1].end, start, _SUBJECT_GAP):
        return []
    if "," in story.low[before[-1].end : start]:
        return []  # "onder wie X, rijden ...", "X, who no longer rides": not the subject
    people = _joined(story, list(reversed(before)), backward=True)
    if not _leads(story, span, people[-1].start):
        return []  # "Les maillots de X ne porteront plus": the jerseys, not X
    return people


def _leads(story: Story, span: Span, start: int) -> bool:
    """Is the person the subject, not the owner of it? A linking word right before them
    makes them the owner ("Les maillots de X", "Die Trikots von X": the jerseys)."""
    words = WORD.findall(story.low, max(span.start, start - _REACH), start)
    if not words:
        return True
    links = pooled().words("noun_links") | pooled().words("from_markers")
    return words[-1] not in links and words[-1].split("'")[0] + "'" not in links


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
