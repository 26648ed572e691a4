"""Careers on a date: whether a person is a rider, staff or retired when a story is
published, whether an undated story tells a career as over, and which of several
namesakes is the established rider."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Literal

from feeds.nlp.matcher import Substrings
from feeds.roster import Person
from feeds.text.fold import case_folded

# An undated story is usually from the recent past: riders who stopped racing in
# the last seasons still count as riders in it.
UNDATED_GRACE_SEASONS = 2
SEASON_END_MONTH = 11
# Seasons by which one namesake's career must predate the other's to be preferred.
SENIORITY_MARGIN = 2

Kind = Literal["rider", "team", "staff", "retired"]

# A career told as over, in the past tense: only these make an undated story's recently
# retired rider retired ("will retire at the end of the season" does not). Matched, case
# aside, as `(?i:...)` would match it in the text, but case-sensitively on the text
# case-folded at the same length (`fold.case_folded`): a case-insensitive alternation
# tries every branch at every character, three times slower.
CAREER_OVER = (
    r"\b(?:after|since) (?:his|her) retirement\b|\brode (?:his|her) (?:last|final) race\b|"
    r"\b(?:has|had) retired\b|\bretired (?:last|in) \w+|\b(?:ended|finished) (?:his|her) career\b|"
    r"\bformer (?:pro|professional|rider)\b|\bex-pro\b|"
    r"\bna (?:zijn|haar) (?:afscheid|carrière)\b|\breed (?:zijn|haar) laatste koers\b|"
    r"\b(?:is|was) gestopt\b|\boud-(?:renner|renster|prof)\b|"
    r"\bdepuis sa retraite\b|\ba pris sa retraite\b|\ba mis un terme à sa carrière\b|"
    r"\bancien(?:ne)? (?:coureur|coureuse|cycliste)\b|"
    r"\bdopo il (?:suo )?ritiro\b|\bsi è ritirat[oa]\b|\bex (?:corridore|ciclista)\b|"
    r"\btras su retirada\b|\bse retiró\b|\bex ?ciclista\b|"
    r"\bnach (?:seinem|ihrem) karriereende\b|\b(?:hat|hatte) (?:seine|ihre) karriere beendet\b|"
    r"\behemalige[rn]? (?:profi|radprofi|fahrer|fahrerin)\b"
)
_CAREER_OVER = re.compile(CAREER_OVER)
# Substrings one of which every _CAREER_OVER match contains: a cheap test first, since
# the expression, tried at every character, costs tens of µs a story.
_CAREER_WORDS = (
    "retir",
    "last race",
    "final race",
    "career",
    "former",
    "ex-pro",
    "afscheid",
    "carrière",
    "laatste koers",
    "gestopt",
    "oud-",
    "retraite",
    "ancien",
    "ritir",
    "ex ",
    "exciclista",
    "karriere",
    "ehemalig",
)
_ANY_CAREER_WORD = Substrings(_CAREER_WORDS)


def today() -> date:
    return date.today()


def person_kind(person: Person, published: date | None) -> Kind:
    if person.kind == "staff":
        return "staff"
    if person.kind == "retired":
        return "retired"
    if person.staff_in((published or today()).year):
        return "staff"
    if published is None:
        season = today().year - UNDATED_GRACE_SEASONS
        active = person.retired is None or person.retired >= season
    else:
        active = person.is_active_rider(published)
        # The road season ends in October: in November and December of their last
        # season, riders who announced their retirement have stopped racing.
        if active and person.retired == published.year and published.month >= SEASON_END_MONTH:
            active = False
    return "rider" if active else "retired"


def tells_career_over(text: str, lowered: str) -> bool:
    """The story says a career is over ("rode his last race", "after her retirement")."""
    return _ANY_CAREER_WORD.any_in(lowered) and bool(_CAREER_OVER.search(case_folded(text)))


def senior(people: Iterable[Person]) -> str | None:
    """Namesakes the story cannot tell apart: news is mostly about the established
    rider (Lotte, not Julia, Kopecky), so take the one whose recorded career began
    clearly earlier, by SENIORITY_MARGIN seasons or more; else nobody."""
    starts = sorted(
        (min((s.start for s in p.stints if s.start), default=9999), p.id) for p in people
    )
    if len(starts) >= 2 and starts[1][0] - starts[0][0] >= SENIORITY_MARGIN:
        return starts[0][1]
    return None
