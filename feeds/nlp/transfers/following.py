"""A following move: "Kooij moves to Decathlon, taking with him Tiesj Benoot", "il campione
olimpico porterà con sé ... Mattia Cattaneo", "Kooij neemt Benoot mee": the follower goes
where the leader goes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.listed_people import with_listed_after
from feeds.nlp.transfers.phrases import story_phrases
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.text import WORD, Span, within

_LEX = pooled()
_FOLLOWING = re.compile(r"(?<![\w'])(?:" + _LEX.alternation("following") + r")")
PHRASES = (_FOLLOWING,)
"""Scanned over the story: tried only where `phrases` finds they may match."""
# Words that tie a name to the noun before it: a name after one belongs to that noun.
_NOUN_LINKS = (
    _LEX.words("noun_links") | _LEX.words("affiliation_markers") | _LEX.words("between_markers")
)
FOLLOWER_REACH = 12
"""Words between the following phrase and the follower's name ("uno dei suoi gregari più
fidati, Mattia Cattaneo", "his Visma teammate and excellent domestique Tiesj Benoot")."""


def following_moves(story: Story, spans: Sequence[Span]) -> None:
    """Give each follower a copy of their leader's evidence that names a destination."""
    for found in story_phrases(story).finditer(_FOLLOWING):
        sentence = next((s for s in spans if s.start <= found.start() < s.end), None)
        if sentence is None or within(story.hits.get("race", []), sentence.start, sentence.end):
            continue  # "tog X med sig i udbruddet": taken into the break, not to a team
        followers = _followers(story, sentence, found.start(), found.end())
        leader = _leader(story, sentence, found.start())
        if leader is None or not followers:
            continue
        led = [ev for ev in story.evidence if ev.person_id == leader and ev.to]
        for follower in followers:
            if follower.entity_id == leader:
                continue
            for ev in led:
                story.evidence.append(_copy(ev, follower.entity_id))


def _copy(ev: Evidence, person_id: str) -> Evidence:
    """The leader's evidence for the follower, without the leader's own team left."""
    copied = ev.for_person(person_id)
    copied.origin = set()
    copied.left = False
    return copied


def _followers(story: Story, sentence: Span, start: int, end: int) -> list[Mention]:
    """The person taken along: inside a split verb ("neemt X mee", "bringt X mit") or
    the first named after the phrase, with anyone listed beside them."""
    inside = [p for p in story.people if start < p.start and p.end <= end]
    if inside:
        return with_listed_after(story, inside, story.teams)
    after = [p for p in story.people if end <= p.start and p.end <= sentence.end]
    if not after or not _direct_object(story, end, after[0]):
        return []
    return with_listed_after(story, after, story.teams)


def _direct_object(story: Story, end: int, person: Mention) -> bool:
    """Is the person the phrase's object: right after it, or after a description set off
    by a comma ("uno dei suoi gregari più fidati, Mattia Cattaneo") or naming no other
    noun it belongs to ("his Visma teammate and domestique Tiesj Benoot"), never inside
    a noun phrase ("the experience of ten years alongside Tadej Pogačar")?"""
    words = WORD.findall(story.low, end, person.start)
    if len(words) > FOLLOWER_REACH:
        return False
    gap = story.low[end : person.start]
    apposed = gap.rsplit(",", 1)[1] if "," in gap else gap
    return not any(w in _NOUN_LINKS for w in WORD.findall(apposed))


def _leader(story: Story, sentence: Span, start: int) -> str | None:
    """Who is followed: the one person with a move named earlier in the sentence, else the
    one person the sentence names before the phrase (a description as its subject: "il
    campione olimpico porterà con sé")."""
    movers = {
        ev.person_id
        for ev in story.evidence
        if ev.to and ev.sentence == sentence.sentence and 0 <= ev.cue_start < start
    }
    if len(movers) == 1:
        return movers.pop()
    if movers:
        return None
    named = {p.entity_id for p in story.people if sentence.start <= p.start and p.end <= start}
    return named.pop() if len(named) == 1 else None
