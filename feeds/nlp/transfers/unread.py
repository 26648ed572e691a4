"""Destinations written but not read: "un transfert vers la Cycling Academy", "rejoindre
la nouvelle structure", "moves to the French team Decathlon CMA CGM (formerly Decathlon
AG2R La Mondiale)".

An arrival cue whose destination slot (the words right after the cue, or after the first
to-word of its clause) holds a capitalised name no mention covers, or a team noun ("la
nouvelle structure"), says where the person goes in words the tagger could not resolve.
Such a move must not borrow a team named elsewhere in the story (`decide`): the evidence
is marked `unread` and any team it read outside that slot is dropped. A name followed by
a former-name marker and a team ("X (formerly Y)", "X, ex-Y") is that team under its old
name: the destination is read as Y. "the former Y" in the slot is Y too, when nothing
after it makes Y a person's old team ("the former Ineos rider").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from itertools import accumulate

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.text import Span, mention_at

_FAMILIES = frozenset({"arrive", "noun_arrive", "courted"})
REACH = 80
"""Characters after the cue where its clause's to-word may stand."""
SLOT_SKIP = 4
"""Articles and to-words skipped before the slot's first word (a team noun starts it)."""
RENAMED_WEIGHT = 2.0
_TOKEN = re.compile(r"[^\W\d_]+['\u2019]|[^\W\d_][\w&-]*|\d[\w-]*|[(),;:.!?\[\]]")
_LEX = pooled()
_TO = _LEX.words("to_markers") | _LEX.words("affiliation_markers")
_FILLER = _LEX.words("filler_words")
_TEAM_NOUNS = _LEX.words("team_nouns")
_OTHER = _LEX.words("other_words")
_FORMER = _LEX.words("former_markers")
_FROM = _LEX.words("from_markers")
_STOP = frozenset("(),;:.!?[]")
MAX_BEFORE_TO = 1
"""Words of its own (not mentions, from-words or numbers) between the cue and its to-word."""
SLOT_WORDS = 4
"""Words from the slot's start where a named team resolves it ("das australische Team Jayco")."""


def mark_unread_destinations(story: Story, spans: Sequence[Span]) -> None:
    """Mark arrivals whose destination slot holds words no team mention covers; read a
    renamed team ("X (formerly Y)") as Y."""
    # each mention list's running furthest end: whether a mention overlaps a slot is
    # then a bisection, not a walk over every mention for every arrival
    reaches = [
        (ms, list(accumulate((m.end for m in ms), max))) for ms in (story.people, story.teams)
    ]
    for ev in story.evidence:
        if ev.family not in _FAMILIES or ev.cue_start < 0 or ev.sentence >= len(spans):
            continue
        end = min(spans[ev.sentence].end, ev.cue_start + REACH)
        slot = _slot(story, ev, end)
        if slot is None:
            continue
        renamed = _renamed_team(story, slot, end)
        if renamed is not None:
            ev.to = {renamed.entity_id: RENAMED_WEIGHT}
            ev.origin.discard(renamed.entity_id)
        else:
            unread = _unresolved(story, slot, reaches)
            if unread:
                ev.to, ev.unread = {}, unread


def _tokens(story: Story, start: int, end: int) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(story.text, start, end))


def _slot(story: Story, ev: Evidence, end: int) -> int | None:
    """Where the destination's own words start: after the cue's article and to-words (a
    verb's direct object), else after the first to-word of the clause."""
    tokens = _tokens(story, ev.cue_start, end)[1:]
    direct = ev.family == "arrive"
    plain = 0
    for i, tok in enumerate(tokens):
        word = tok.group().lower().replace("\u2019", "'")
        if word in _STOP:
            return None
        if mention_at(story.people, tok.start()) or mention_at(story.teams, tok.start()):
            direct = False  # "joins Cavendish at ...": the slot comes after a to-word
            continue  # "Visma-Lease a Bike": a name's own words are no to-word
        if word in _TO:
            return _after_glue(tokens, i + 1)
        if direct and i == 0 and word in _FILLER:
            return _after_glue(tokens, i)
        if word not in _FROM and word not in _FILLER and not word[0].isdigit():
            plain += 1
            if plain > MAX_BEFORE_TO:
                return None  # "llega después de seis temporadas en el World Tour": history
    return None


def _after_glue(tokens: Sequence[re.Match[str]], i: int) -> int | None:
    """The start of the first word after up to SLOT_SKIP articles, adjectives, to-words."""
    for tok in tokens[i : i + SLOT_SKIP + 1]:
        word = tok.group().lower()
        if word in _STOP:
            return None
        if word in _TEAM_NOUNS:
            return tok.start()  # "a team of Danes": the description starts here
        if word in _FILLER or word in _TO:
            continue
        return tok.start()
    return None


def _overlapped(mentions: Sequence[Mention], reach: Sequence[int], start: int, end: int) -> bool:
    """Does one of the mentions (sorted by start; `reach` their running furthest end)
    overlap start..end?"""
    last = bisect.bisect_left(mentions, end, key=_start) - 1  # the last to start before end
    return last >= 0 and reach[last] > start


def _start(mention: Mention) -> int:
    return mention.start


def _unresolved(
    story: Story, start: int, reaches: Sequence[tuple[Sequence[Mention], Sequence[int]]]
) -> str:
    """ "described": a team noun within three words ("la nouvelle structure", "the
    Scandinavian squad"); "named": else a capitalised word no mention covers ("la Cycling
    Academy"); "" when a mention is there or neither is."""
    tokens = _tokens(story, start, start + 80)[:SLOT_WORDS]
    if not tokens:
        return ""
    span_end = tokens[-1].end()
    if any(_overlapped(ms, reach, start, span_end) for ms, reach in reaches):
        return ""  # "das australische Team Jayco", "l'UAE Team ADQ": a team is named
    words = [t.group() for t in tokens]
    if any(w in _STOP for w in words[:1]):
        return ""
    # a team noun first: "the Scandinavian squad", "de Nederlandse formatie" describe
    if any(w.lower() in _TEAM_NOUNS for w in words[:3]):
        # "en otro equipo", "another team": none of the story's teams, so it names one
        return "named" if words[0].lower() in _OTHER else "described"
    return "named" if words[0][0].isupper() else ""


def _renamed_team(story: Story, start: int, end: int) -> Mention | None:
    """Y in "X (formerly Y)", "X, ex-Y" (X capitalised words at the slot), or in "the
    former Y team" (the slot opening with a former-name marker)."""
    tokens = _tokens(story, start, end + 60)
    if not tokens:
        return None
    low_first = tokens[0].group().lower()
    if low_first in _FORMER and len(tokens) > 1:
        team = mention_at(story.teams, tokens[1].start())
        if team is not None and _ends_as_team(story, team):
            return team
        return None
    i = 0
    while i < len(tokens) and tokens[i].group()[0].isupper():
        if mention_at(story.teams, tokens[i].start()) or mention_at(
            story.people, tokens[i].start()
        ):
            return None
        i += 1
    if i == 0 or i + 2 >= len(tokens) or tokens[i].group() not in ("(", ","):
        return None
    marker = tokens[i + 1].group().lower()
    prefix = marker.split("-", 1)[0]
    if "-" in marker and prefix in _FORMER:  # "ex-Visma" is one word
        marker, team_at = prefix, tokens[i + 1].start() + len(prefix) + 1
    else:
        team_at = tokens[i + 2].start()
    if marker not in _FORMER:
        return None
    return mention_at(story.teams, team_at)


def _ends_as_team(story: Story, team: Mention) -> bool:
    """Nothing after "the former Y" makes Y someone's old team: a team noun, punctuation,
    a year or a linking word follows, not "rider"."""
    after = _tokens(story, team.end, team.end + 30)
    if not after:
        return True
    word = after[0].group().lower()
    return word in _STOP or word[0].isdigit() or word in _TEAM_NOUNS | _TO | _FILLER | _FROM
