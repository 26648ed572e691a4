"""Contracts a team ends: "UAE pôs fim ao contrato de Juan Ayuso", "la squadra ha rescisso
il contratto con X", "the team has terminated the contract of X". The person the contract is
with (named right after the words, with those listed beside them) leaves the team for nobody
named: the team the sentence names before the words (the one that ends it), else the roster's
at publication, unless another name (a brand, a sponsor) is the subject. A company ending its
own deal ("Oakley ended its contract with X", "with Pinarello, X said") and a year before
publication written before the holders or beside them (a termination recalled) give no move.

The move is news now: its season is the clause's, else the year of publication, so that
`exits.rider_exit` takes it as a dated departure. A contract that runs out ("ends in 2026",
`contract_end_verbs`) is not one a team ends: those words are no cue here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.phrases import story_phrases
from feeds.nlp.transfers.seasons import clause_season, first_earlier_year
from feeds.nlp.transfers.story import PERSON_KINDS, Evidence, Story
from feeds.nlp.transfers.story_kind import retiring, roster_team
from feeds.nlp.transfers.text import WORD_START, Span, last_ending_by, mention_at, within
from feeds.roster import Person

_ENDED = re.compile(WORD_START + r"(?:" + pooled().alternation("contract_ended") + r")\b")
PHRASES = (_ENDED,)
"""Scanned sentence by sentence: tried only where `phrases` finds they may match."""
# The clause the ended contract's holders are listed in: up to its end, not a list's colon.
_CLAUSE_END = re.compile(r"[.;!?]|\s[-\u2013\u2014]\s")
# The person is named soon after the words ("a rescisão do contrato com o uruguaio X").
_REACH = 60
# Between the words and their object, a word or three at most ("com o uruguaio X"), no comma:
# "ended the contract with Pinarello, X confirmed" ends a deal with a company.
_OBJECT_GAP = 3
_GAP_STOP = re.compile(r"[,.;:!?()]")
# A possessive after the person makes someone else the object ("the contract of X's teammate").
_POSSESSIVE = re.compile(r"['\u2019]s?\b")
# How far a list of holders may run: a long clause is read in bounded steps, never to its end.
_LIST_REACH = 600
_WORD_RE = re.compile(r"\w+")
_SUBJECT_STOP = re.compile(r"[.;:!?]")


def contract_ended(story: Story, spans: Sequence[Span]) -> None:
    """Departure evidence for every person whose contract a sentence says a team ends."""
    if story.published is None:
        return  # the team left may be the roster's at publication
    phrases = story_phrases(story)
    for span in spans:
        cues = list(phrases.finditer(_ENDED, span.start, span.end))
        if not cues or retiring(story, span.sentence):
            continue  # a contract ended because the rider stops racing: no move
        # the same for every cue of the span: read once, not per cue
        past = first_earlier_year(story, span.start, span.end)
        season = clause_season(story, span) or story.published.year
        for words in cues:
            _ended(story, span, words.start(), words.end(), season, past)


def _ended(story: Story, span: Span, start: int, end: int, season: int, past: int | None) -> None:
    holder = _object(story, span, end)
    if holder is None:
        return
    named = _team_before(story, span, start)
    if named is None and not _team_subject(story, span, start):
        return  # a sponsor or supplier ends its own deal ("Oakley ended its contract with X")
    stop = _CLAUSE_END.search(story.low, holder.end, min(span.end, holder.end + _LIST_REACH))
    clause_end = stop.start() if stop else min(span.end, holder.end + _LIST_REACH)
    holders = _joined(story, holder, clause_end)
    if past is not None and past < _tail_end(story, holders[-1].end, clause_end):
        return  # "In 2016 the team ended the contract of X": recalled, no move now
    seen: set[str] = set()
    for person in holders:
        member = story.roster.people.get(person.entity_id)
        if member is None or member.kind not in PERSON_KINDS or person.entity_id in seen:
            continue
        seen.add(person.entity_id)
        team = team_left(named, member, story)
        if team is not None:
            leaves_for_nobody(story, span, person.entity_id, team, season, start)


def _tail_end(story: Story, start: int, clause_end: int) -> int:
    """Where the words about the holders end: the next comma ("X, winner of the 2022 Volta"
    says something else), else the clause's end."""
    comma = story.low.find(",", start, clause_end)
    return comma if comma >= 0 else clause_end


def _object(story: Story, span: Span, end: int) -> Mention | None:
    """The person the contract is with: right after the words, no comma nor team between,
    and not the owner of someone else ("the contract of X's teammate")."""
    after = within(story.people, end, min(span.end, end + _REACH))
    if not after:
        return None
    person = after[0]
    gap = story.low[end : person.start]
    if _GAP_STOP.search(gap) or len(_WORD_RE.findall(gap)) > _OBJECT_GAP:
        return None
    if within(story.teams, end, person.start):
        return None  # "el contrato de patrocinio con el Movistar Team de X"
    if _POSSESSIVE.match(story.low, person.end):
        return None
    return person


def _team_subject(story: Story, span: Span, start: int) -> bool:
    """With no team named before the words, the one ending the contract is the person's
    team unless another name stands before them in the clause, after any team noun: a
    brand, a sponsor ("Oakley ended its contract with X", "La marca Oakley rescindió").
    "la squadra ha rescisso il contratto", "so prekinili sodelovanje z X": the team."""
    lo = max(span.start, start - _REACH)
    stops = list(_SUBJECT_STOP.finditer(story.low, lo, start))
    lo = stops[-1].end() if stops else lo
    nouns = pooled().words("team_nouns")
    words = list(_WORD_RE.finditer(story.text, lo, start))
    for i in range(len(words) - 1, -1, -1):
        if words[i].group().lower() in nouns:
            words = words[i + 1 :]
            break
    else:
        if words and words[0].group().lower() in pooled().words("stop_words"):
            words = words[1:]  # "En", "Nel", "To" opening the sentence
    people = story.people
    return not any(w.group()[0].isupper() and mention_at(people, w.start()) is None for w in words)


def team_left(named: str | None, member: Person, story: Story) -> str | None:
    """The team the person leaves: the one named, the roster's at publication when none
    is; None when the roster gives them another team then (a departure recalled: "X, who
    no longer rides for A", X riding for B since)."""
    current = roster_team(member, story.published)
    if named is not None and current is not None and named != current:
        return None
    return named or current


def leaves_for_nobody(
    story: Story, span: Span, person_id: str, team: str, season: int, cue_start: int
) -> None:
    """Evidence that the person leaves `team` in `season` for no team named."""
    ev = Evidence(person_id, "depart", span.sentence, span.title, False)
    ev.origin = {team}
    ev.left = True
    ev.season = season
    ev.cue_start = cue_start
    story.evidence.append(ev)


def _team_before(story: Story, span: Span, start: int) -> str | None:
    """The team named last before the words in the sentence: the one ending the contract
    ("A Sabgal-Anicolor anunciou a rescisão do contrato com X")."""
    team = last_ending_by(story.teams, start)
    return team.entity_id if team is not None and team.start >= span.start else None


def _joined(story: Story, holder: Mention, clause_end: int) -> list[Mention]:
    """The first person after the words, and those joined to them by a comma or a
    coordination word ("com X e Y"), all before the clause ends."""
    joints = pooled().words("coordination_words")
    out = [holder]
    for person in within(story.people, holder.end, clause_end):
        gap = story.low[out[-1].end : person.start].strip(" ,")
        if gap and gap not in joints:
            break
        out.append(person)
    return out
