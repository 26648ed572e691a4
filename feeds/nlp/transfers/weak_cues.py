"""Weak taking cues: a team as subject taking a person in words a race report uses too.

"Cofidis suma a X", "Arkéa accueille X", "Jayco haalt X", "a Efapel recrutou X" tell a
signing when the sentence backs them, and a race or a visit when it does not ("El Visma
suma a X a su lista de rivales", "accueille X avec un tempo infernal", "haalt X niet meer
bij"). A weak cue (lexicon concept `acquire_weak`) becomes an `acquire` hit only when its
sentence holds support (`weak_acquire_support`: a ranks phrase, a duration, an origin; a
contract, deal or market word; an origin team in brackets after the person) and the
person it takes is followed by no possessive or return word (`taken_person_vetoes`) and
is no possessor of a described staff member ("recrutou o antigo treinador de X").

An entry cue (`acquire_entry`, French "a engagé X") is a signing or entering X in a race:
it counts unless its sentence holds a race word or an entry marker ("sur Paris-Nice",
"au départ", "les engagés").

Each sentence's support is read once, so a story of many weak cues stays linear.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from feeds.models import Mention
from feeds.nlp.lexicon import literal_alternation, pooled
from feeds.nlp.transfers.scan import Hit, merged_moves
from feeds.nlp.transfers.text import WORD_START, Placed, Span, within

_LEX = pooled()


def _words(concept: str) -> str:
    return literal_alternation(_LEX.words(concept))


_SUPPORT = re.compile(
    r"(?:"
    + _LEX.alternation("weak_acquire_support")
    + r")|"
    + WORD_START
    + r"(?:"
    + "|".join((_words("contract_nouns"), _words("market_nouns"), _words("deal_nouns")))
    + r")"
)
_VETO = re.compile(r"(?:" + _LEX.alternation("taken_person_vetoes") + r")")
_ENTRY = re.compile(WORD_START + r"(?:" + _LEX.alternation("race_entry_markers") + r")")
_DESCRIBED = re.compile(
    WORD_START
    + r"(?:"
    + _words("staff_roles")
    + r")\w*\s+(?:"
    + _words("name_genitives")
    + r"|de|of)\s*$"
)
_OBJECT_REACH = 80
"""How far after the cue the person it takes may start ("suma a cuatro corredores con
experiencia: A"): beyond it, only the sentence's support decides."""
_BRACKET_REACH = 4
"""An origin team in brackets starts within a few characters of the person: "X (T)"."""


def promote_weak_cues(
    hits: dict[str, list[Hit]],
    low: str,
    spans: Sequence[Span],
    people: Sequence[Mention],
    teams: Sequence[Mention],
) -> None:
    """Turn the weak and entry cues the sentence backs into `acquire` hits (in place:
    the `acquire` and `move` lists are rebuilt only when one is kept)."""
    weak = hits.get("acquire_weak", [])
    entry = hits.get("acquire_entry", [])
    if not weak and not entry:
        return
    kept: list[Hit] = []
    starts = [s.start for s in spans]
    backed: dict[int, bool] = {}
    for hit in weak:
        span = _sentence(spans, starts, hit.start)
        if span is None:
            continue
        if span.start not in backed:
            backed[span.start] = _supported(low, span, people, teams)
        if backed[span.start] and not _taken_vetoed(low, hit, span, people):
            kept.append(Hit("acquire", hit.start, hit.end))
    races = hits.get("race", [])
    entered: dict[int, bool] = {}
    for hit in entry:
        span = _sentence(spans, starts, hit.start)
        if span is None:
            continue
        if span.start not in entered:  # a race word or an entry marker in the sentence
            entered[span.start] = bool(
                within(races, span.start, span.end) or _ENTRY.search(low, span.start, span.end)
            )
        if entered[span.start] or _taken_vetoed(low, hit, span, people):
            continue
        kept.append(Hit("acquire", hit.start, hit.end))
    if not kept:
        return
    hits["acquire"] = Placed(sorted([*hits.get("acquire", []), *kept], key=lambda h: h.start))
    hits["move"] = Placed(merged_moves(hits))


def _sentence(spans: Sequence[Span], starts: list[int], at: int) -> Span | None:
    i = bisect.bisect_right(starts, at) - 1
    return spans[i] if i >= 0 and at < spans[i].end else None


def _supported(low: str, span: Span, people: Sequence[Mention], teams: Sequence[Mention]) -> bool:
    """Does the sentence back a taking: a support phrase, or a person with an origin team
    in brackets right after the name ("A (T1), B (T2)")?"""
    if _SUPPORT.search(low, span.start, span.end):
        return True
    for person in within(people, span.start, span.end):
        gap_end = person.end + _BRACKET_REACH
        if "(" in low[person.end : gap_end] and within(teams, person.end, gap_end):
            return True
    return False


def _taken_vetoed(low: str, hit: Hit, span: Span, people: Sequence[Mention]) -> bool:
    """Is the first person after the cue followed by a possessive or a return word, or
    the possessor of a described staff member ("le ancien entraîneur de X")?"""
    after = within(people, hit.end, min(span.end, hit.end + _OBJECT_REACH))
    if not after:
        return False
    person = after[0]
    if _DESCRIBED.search(low, hit.end, person.start):
        return True
    return bool(_VETO.match(low, person.end, span.end))
