"""Reading one story part (title or text) for races, kind words and stage numbers.

Race names overlap ("le Tour" inside "le Tour de France"): races are settled longest
first, each span once. Kind words and stage nouns are counted wherever they are.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from feeds.races.terms import ShortName, Term, Terms
from feeds.text.fold import FoldedText

# "5", "5e", "5th", "5a" (5ª), "5eme", "18" — a stage number as the fold leaves it.
_NUMBER = re.compile(r"(\d{1,2})(?:st|nd|rd|th|e|er|re|eme|a|o|de|ste|nd)?")
_YEAR = re.compile(r" (20[0-4]\d) ")
MAX_STAGE = 30
ORDINAL_MARKS = frozenset({"a", "o", "e", "er", "re", "eme", "st", "nd", "rd", "th"})
"""An ordinal's ending the fold splits from its number ("20.ª etapa" folds to "20 a etapa",
"16.º" to "16 o"): the number is the word before it."""


@dataclass(slots=True)
class RaceHit:
    races: tuple[str, ...]
    short: ShortName | None
    capitals: bool
    start: int
    """Folded offsets in its part."""
    end: int


@dataclass(slots=True)
class PartReading:
    """What one part of a story says, before any rule about the whole story."""

    hits: list[RaceHit] = field(default_factory=list)
    concepts: Counter[str] = field(default_factory=Counter)
    stages: list[int] = field(default_factory=list)
    """Stage numbers in text order (0: a prologue)."""
    stage_at: list[int] = field(default_factory=list)
    """Where each of `stages` has its stage noun: folded start (a start verb before it
    makes it the stage a rider starts next, feeds/races/stage_days.py)."""
    years: list[int] = field(default_factory=list)
    lead_stages: list[int] = field(default_factory=list)
    """Stage numbers in the lead (the first `lead` folded characters)."""
    lead_stage_at: list[int] = field(default_factory=list)
    """Where each of `lead_stages` has its stage noun (as `stage_at`)."""
    day_cues: list[tuple[str, int]] = field(default_factory=list)
    """Each `crash`, `today` and `stage` word of the part: (concept, folded start). A
    morning-after report names the crash's day in the crash word's clause, and a today word
    there keeps the publication day's (feeds/races/stage_days.py)."""
    lead_overall: bool = False
    """An `overall` word in the lead."""
    lead_today: bool = False
    """A `today` word in the lead."""
    lead_past: bool = False
    """A `past` word in the lead ("a year ago")."""
    lead_anew: bool = False
    """An `anew` word in the lead ("again", "yesterday")."""
    lead_next_year: bool = False
    """A `next_year` word in the lead ("next year", "l'an prochain")."""
    lead_last_stage: bool = False
    """A `last_stage` phrase in the lead ("the final stage", "sisteetappen")."""
    lead_flag_spans: list[tuple[str, int, int]] = field(default_factory=list)
    """Each lead flag's word or phrase: (concept, folded start, end) in the story (where
    "the final stage" stands, to tell whose it is)."""
    lead_concepts: Counter[str] = field(default_factory=Counter)
    """The concepts counted in the lead: what a story says first weighs more than its
    closing lines ("the stages ahead" after a stage's winner)."""


OPENING_WORDS = 2
"""Words that may stand before a phrase still opening its sentence ("Here are the stages
ahead", "Aquí están las etapas que quedan")."""
OPENING_REACH = 40
"""Characters looked back for the sentence's start."""
_SENTENCE_ENDS = ".!?:;\n"
OPENING_CONCEPTS = frozenset({"ahead"})
"""Concepts counted only where they open a sentence or the headline: "Here are the stages
ahead" announces a schedule, "Vingegaard must attack in the stages ahead" closes a report."""
SUBJECT_CONCEPTS: Mapping[str, str] = MappingProxyType({"starts": "preview"})
"""Concepts counted as another only with a race named just before them in their sentence:
a race's start verbs ("La Vuelta comenzará en Turín", "the Tour kicks off in Lille") are a
preview's; with a rider as subject they tell his programme ("Pogačar kicks off his season
at the UAE Tour"), and the word counts for nothing."""
SUBJECT_WORDS = 2
"""Words that may stand between the race's name and its verb ("the Tour officially kicks
off", "la Vuelta 2026 comenzará")."""


_LEAD_FLAGS = {
    "overall": "lead_overall",
    "today": "lead_today",
    "past": "lead_past",
    "anew": "lead_anew",
    "last_stage": "lead_last_stage",
    "next_year": "lead_next_year",
}
"""The lead's words that set a flag of the reading."""
DAY_CUES = frozenset({"crash", "today", "stage"})
"""Concepts whose places `PartReading.day_cues` keeps."""


def read_part(
    terms: Terms,
    ft: FoldedText,
    start: int,
    end: int,
    lead: int,
    words_end: int,
    language: str | None = None,
    named: Sequence[tuple[int, int]] = (),
    race_matches: Iterable[tuple[int, tuple[int, Term]]] | None = None,
) -> PartReading:
    """One part's races, concepts, stage numbers and years: the part is `folded[start:end]`
    of a story folded once; the lead ends at `lead` and kind words (of `language`, pooled
    when None) are read up to `words_end` (folded offsets, about the original's). A kind
    word inside a name in `named` (original spans of the story's riders and teams, sorted)
    is part of that name, not a word of the story ("Visma-Lease a Bike", "Bahrain
    Victorious"). `race_matches`: the race names in the part when the caller has them
    already (feeds/races/scan.py), else the part is walked here."""
    folded = ft.folded
    reading = PartReading()
    races: list[tuple[int, int, Term]] = []
    if race_matches is None:
        race_matches = terms.races(folded, start, end)
    for last, (length, term) in race_matches:
        races.append((last - length + 1, last + 1, term))
    reading.hits = _longest_first(races)
    concepts = reading.concepts
    ordinals: dict[int, int] = {}
    # The last span counted for each concept: a phrase and a word inside it ("zweitliga
    # lizenz", "lizenz") are one mention of the concept, not two.
    counted: dict[str, tuple[int, int]] = {}
    hit_ends = [hit.end for hit in reading.hits]
    for last, (length, entry) in terms.words(folded, start, min(end, words_end), language):
        first = last - length + 1
        if named and entry.concepts and _inside_name(ft, first, last + 1, named):
            continue
        if entry.ordinal is not None:
            ordinals[last + 1] = entry.ordinal
        for written in entry.concepts:
            concept = _counted_as(written, ft, first, reading.hits, hit_ends)
            if concept is None:
                continue
            seen = counted.get(concept)
            if seen is not None and first < seen[1] and seen[0] < last:
                counted[concept] = (min(first, seen[0]), max(last, seen[1]))
                continue
            counted[concept] = (first, last)
            concepts[concept] += 1
            if first < lead:
                reading.lead_concepts[concept] += 1
            if concept in ("stage", "prologue"):
                number = (
                    0 if concept == "prologue" else _stage_number(folded, first, last + 1, ordinals)
                )
                if number is not None:
                    reading.stages.append(number)
                    reading.stage_at.append(first)
                    if first < lead:
                        reading.lead_stages.append(number)
                        reading.lead_stage_at.append(first)
            _mark(reading, concept, first, last + 1, lead)
    # Bounded search, not a slice: `_YEAR` starts and ends with a space and looks at
    # nothing around, so it finds in the bounds what it finds in the part copied out.
    if folded.find(" 20", start, end) >= 0:
        reading.years = [int(y) for y in _YEAR.findall(folded, start, end)]
    return reading


def _mark(reading: PartReading, concept: str, first: int, end: int, lead: int) -> None:
    """Keep where a day cue stands, and set the lead's flag a concept names."""
    if concept in DAY_CUES:
        reading.day_cues.append((concept, first))
    if concept in _LEAD_FLAGS and first < lead:
        setattr(reading, _LEAD_FLAGS[concept], True)
        reading.lead_flag_spans.append((concept, first, end))


def opens_sentence(ft: FoldedText, start: int) -> bool:
    """Whether a folded match stands among the first words of its sentence (or of the
    text: the headline is one)."""
    o_start = ft.original_start(start)
    before = ft.original[max(0, o_start - OPENING_REACH) : o_start]
    cut = max(before.rfind(c) for c in _SENTENCE_ENDS)
    if cut < 0 and o_start > OPENING_REACH:
        return False
    return len(before[cut + 1 :].split()) <= OPENING_WORDS


def _counted_as(
    concept: str, ft: FoldedText, start: int, hits: Sequence[RaceHit], ends: Sequence[int]
) -> str | None:
    """The concept a word found at folded `start` counts for where it stands: None for an
    opening word inside its sentence or a start verb with no race before it."""
    if concept in OPENING_CONCEPTS and not opens_sentence(ft, start):
        return None
    if concept in SUBJECT_CONCEPTS:
        return SUBJECT_CONCEPTS[concept] if _race_before(ft, hits, ends, start) else None
    return concept


def _race_before(ft: FoldedText, hits: Sequence[RaceHit], ends: Sequence[int], start: int) -> bool:
    """Whether a race's name ends at most `SUBJECT_WORDS` words before a folded match, in
    its sentence: the race is the verb's subject. `hits` are disjoint and in text order, so
    their `ends` are sorted; one bisection, and a bounded look at the gap."""
    # Keys own the space on each side: a name ends on the space the next word starts on.
    i = bisect_right(ends, start + 1) - 1
    if i < 0:
        return False
    hit = hits[i]
    if start - hit.end > OPENING_REACH:
        return False
    if len(ft.folded[hit.end - 1 : start].split()) > SUBJECT_WORDS:
        return False
    _, o_end, _, _ = ft.span(hit.start, hit.end)
    between = ft.original[o_end : ft.original_start(start)]
    return not any(c in between for c in _SENTENCE_ENDS)


def _inside_name(ft: FoldedText, start: int, end: int, named: Sequence[tuple[int, int]]) -> bool:
    """Whether a folded match lies within one of the sorted original spans `named`."""
    # Its start alone rules most matches out: the span starting last at or before it
    # must still be open there (a match ends after it starts). Only then its end.
    o_start = ft.original_start(start)
    i = bisect_right(named, (o_start, 1 << 62)) - 1
    if i < 0 or named[i][1] <= o_start:
        return False
    _, o_end, _, _ = ft.span(start, end)
    return named[i][0] <= o_start and o_end <= named[i][1]


def _stage_number(folded: str, start: int, end: int, ordinals: dict[int, int]) -> int | None:
    """The number beside a stage noun: before it ("5e étape", "ottava tappa", "5. Etappe")
    or after it ("stage 5", "tappa 5")."""
    # An ordinal word's key ends on the space the stage noun's key starts on.
    number = ordinals.get(start)
    if number is None:
        before = folded[max(0, start - 16) : start].split()
        if len(before) > 1 and before[-1] in ORDINAL_MARKS and before[-2].isdigit():
            before.pop()
        number = _as_number(before[-1]) if before else None
    if number is None:
        after = folded[end : end + 8].split()
        number = _as_number(after[0]) if after else None
    return number if number is not None and 0 < number <= MAX_STAGE else None


def _as_number(word: str) -> int | None:
    found = _NUMBER.fullmatch(word)
    return int(found.group(1)) if found else None


def _longest_first(matches: list[tuple[int, int, Term]]) -> list[RaceHit]:
    """Non-overlapping race names, longer names first, back in text order."""
    # Taken spans, sorted and disjoint: a new one overlaps only its neighbours there.
    starts: list[int] = []
    ends: list[int] = []
    hits: list[RaceHit] = []
    for start, end, term in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
        # Keys own the space on each side: two names side by side share one position.
        i = bisect_left(starts, start)
        if (i < len(starts) and starts[i] < end - 1) or (i > 0 and ends[i - 1] > start):
            continue
        starts.insert(i, start)
        ends.insert(i, end - 1)
        hits.append(RaceHit(term.races, term.short, term.capitals, start, end))
    hits.sort(key=lambda h: h.start)
    return hits


def neighbours(folded: str, hit: RaceHit) -> tuple[str, str]:
    """The folded words just before and just after a hit ("" at an edge)."""
    before = folded[max(0, hit.start - 24) : hit.start].split()
    after = folded[hit.end : hit.end + 24].split()
    return (before[-1] if before else "", after[0] if after else "")


def ends_a_sentence(ft: FoldedText, hit: RaceHit) -> bool:
    """Whether punctuation follows a hit in the original text ("in de Tour. De Brit"):
    the next word is then no part of its name (a hyphen or an apostrophe joins)."""
    _, end, _, _ = ft.span(hit.start, hit.end)
    rest = ft.original[end : end + 4].lstrip(" ")
    return bool(rest) and rest[0] in ".,;:!?)\n"


def starts_a_sentence(ft: FoldedText, hit: RaceHit) -> bool:
    """Whether a hit opens its sentence in the original text ("de cross. Omloop ...")."""
    start, _, _, _ = ft.span(hit.start, hit.end)
    before = ft.original[max(0, start - 4) : start].rstrip(" ")
    return not before or before[-1] in ".;:!?\n"


def dated(ft: FoldedText, hit: RaceHit) -> bool:
    """Whether a linking word and a year follow a hit ("la Vuelta de 2023", "il Giro del
    2024"): the word links the year, not another race's name ("Vuelta a Burgos")."""
    after = ft.folded[hit.end : hit.end + 24].split()[:2]
    return len(after) == 2 and _YEAR.fullmatch(f" {after[1]} ") is not None


def dated_after_article(ft: FoldedText, hit: RaceHit) -> bool:
    """Whether a hit stands between a word in lower case and a year ("sur le Dauphiné
    2022"): an edition named, where a capitalised word before it would make it part of
    another name ("World Tour 2026")."""
    after = ft.folded[hit.end : hit.end + 12].split()[:1]
    if not after or _YEAR.fullmatch(f" {after[0]} ") is None:
        return False
    _, _, k0, _ = ft.span(hit.start, hit.end)
    if k0 == 0:
        return False
    start, end = ft.word_span(k0 - 1)
    return ft.original[start:end].islower()


def capitalised(ft: FoldedText, hit: RaceHit) -> bool:
    """Whether the original words of a hit are written as its name is: with a capital
    ("the Tour", not "a tour"), or all in capitals for a name in capitals ("EM", not "Em")."""
    start, end, _, _ = ft.span(hit.start, hit.end)
    written = ft.original[start:end]
    return written.isupper() if hit.capitals else any(c.isupper() for c in written)


BEFORE_REACH = 24
"""Characters looked back for the words right before a race's name."""


def words_before(folded: str, start: int, count: int = 2) -> list[str]:
    """The last `count` folded words right before a race's name starting at `start`: the
    words that may say its category or its sex ("the junior Tour", "the men's Tour")."""
    return folded[max(0, start - BEFORE_REACH) : start].split()[-count:]


def ends_a_name(ft: FoldedText, hit: RaceHit, named: frozenset[int]) -> bool:
    """Whether a one-word short name ends another name: right after a capitalised word
    inside a sentence ("AlUla Tour", "Saudi Tour"), it is that race's name, not the
    Tour de France, unless that word ends a rider's or team's name (`named`: original
    offsets where the story's mentions end; "the Jumbo-Visma Tour squad")."""
    start, end, _, _ = ft.span(hit.start, hit.end)
    if start - 1 in named:
        return False
    text = ft.original
    if " " in text[start:end].strip():
        return False
    head = text[max(0, start - 40) : start]
    words = head.split(" ")
    if len(words) < 3 or words[-1] != "":
        return False  # the name starts the text or follows a dash, quote or bracket
    previous, before = words[-2], words[-3]
    if not previous[:1].isupper() or not previous.isalnum():
        return False
    # A capital after a sentence end or a colon is the sentence's, not a name's.
    return bool(before) and before[-1:] not in '.:!?"\n'
