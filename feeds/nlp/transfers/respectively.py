"""Pairs told with "respectively": "Hoelgaard og Hvideberg går fra Uno-X til henholdsvis
Trek-Segafredo og DSM", "i passaggi di Fidanza e Marturano rispettivamente alla Visma e
all'UAE Team ADQ".

The clause rules give every person of such a list every team after the verb, or none
(the word stands between the arrow and the team). After the word (lexicon concept
`respectively`), the teams named pair with the people listed before it, in order, when
there are as many of each: each person then goes to their own team.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.phrases import story_phrases
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.text import Span, mentions_in

_WORDS = sorted(pooled().words("respectively"), key=len, reverse=True)
_RESPECTIVELY = re.compile(r"\b(?:" + "|".join(map(re.escape, _WORDS)) + r")\b") if _WORDS else None
# The words anywhere, boundaries aside: a story without them has no such sentence, and
# one search of the whole story tells so (most stories) instead of one per sentence.
_ANYWHERE = re.compile("|".join(map(re.escape, _WORDS))) if _WORDS else None
PHRASES = tuple(p for p in (_RESPECTIVELY, _ANYWHERE) if p is not None)
"""Tried only where `phrases` finds they may match."""
_GLUE_WORDS = pooled().words("coordination_words")
# between the teams of the list: "og", "e", and the articles and to-words ("e all'UAE")
_TEAM_GLUE = _GLUE_WORDS | pooled().words("to_markers") | pooled().words("filler_words")
_WORD = re.compile(r"[\w'\u2019]+")


def respective_moves(story: Story, spans: Sequence[Span]) -> None:
    """Each listed person's own destination, where a sentence pairs them "respectively"."""
    if _RESPECTIVELY is None or _ANYWHERE is None:
        return
    phrases = story_phrases(story)
    if phrases.search(_ANYWHERE) is None:
        return
    for span in spans:
        found = phrases.search(_RESPECTIVELY, span.start, span.end)
        if found is None:
            continue
        teams = [
            t
            for t in mentions_in(story.teams, span)
            if t.start >= found.end() and id(t) not in story.owned
        ]
        teams = _listed_after(story, _distinct(teams), found.end())
        people = _listed_before(story, mentions_in(story.people, span), found.start())
        if len(teams) < 2 or len(people) != len(teams):
            continue
        for person, team in zip(people, teams, strict=True):
            _pair(story, span, person, team)


def _distinct(teams: Sequence[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out = []
    for team in teams:
        if team.entity_id not in seen:
            seen.add(team.entity_id)
            out.append(team)
    return out


def _listed_after(story: Story, teams: Sequence[Mention], after: int) -> list[Mention]:
    """The list of teams right after the word ("A og B", "alla A e all'B")."""
    chain: list[Mention] = []
    cursor = after
    for team in teams:
        gap = story.low[cursor : team.start]
        words = _WORD.findall(gap)
        if any(c in gap for c in ".;:!?()") or len(words) > 3:
            break
        if any(w not in _TEAM_GLUE for w in words) or (chain and not (words or "," in gap)):
            break
        chain.append(team)
        cursor = team.end
    return chain


def _listed_before(story: Story, people: Sequence[Mention], before: int) -> list[Mention]:
    """The last list of people ("X, Y and Z") named before the word."""
    earlier = [p for p in people if p.end <= before]
    if not earlier:
        return []
    chain = [earlier[-1]]
    for person in reversed(earlier[:-1]):
        gap = story.low[person.end : chain[-1].start]
        words = _WORD.findall(gap)
        glued = (not words and "," in gap) or (len(words) == 1 and words[0] in _GLUE_WORDS)
        if not glued or any(c in gap for c in ".;:!?()"):
            break
        chain.append(person)
    return chain[::-1]


def _pair(story: Story, span: Span, person: Mention, team: Mention) -> None:
    """The person goes to this team: their other readings of the sentence give way."""
    pid = person.entity_id
    for ev in story.evidence:
        if ev.person_id == pid and ev.sentence == span.sentence:
            ev.to = {}
            ev.inheritable = False  # nor may it borrow another's team
    ev = Evidence(pid, "arrive", span.sentence, span.title, False)
    ev.to = {team.entity_id: 2.0}
    ev.inheritable = False
    story.evidence.append(ev)
