"""A preview told the day after its edition's last day (feeds/races/focus.py
`PREVIEW_SLACK`): still that edition when the calendar's dates for it are borrowed
(moved from another year, or provisional: they can end a race a day early), unless the
story names the next year; against an edition the calendar holds, or two days on, a
preview is of next year's edition."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from feeds.races.focus import FocusEvidence, Seasons, choose_focus
from feeds.races.mentions import PartReading, read_part
from feeds.races.model import Calendar, Edition, Race
from feeds.tagger import Tagger
from feeds.text.fold import FoldedText


def _seasons(provisional: bool) -> Seasons:
    race = Race("rund", "Rundfahrt", "men", "worldtour", "stage")
    edition = Edition("rund", 2024, date(2024, 6, 11), date(2024, 6, 15), 5)
    if provisional:
        edition = Edition("rund", 2024, date(2024, 6, 11), date(2024, 6, 15), 5, provisional=True)
    return Seasons(Calendar({"rund": race}, {edition.key: edition}))


def _evidence(next_year: bool = False, years: tuple[int, ...] = ()) -> FocusEvidence:
    return FocusEvidence(
        ["rund"], Counter({"rund": 2}), [], [], [], list(years), overall=False, next_year=next_year
    )


@pytest.mark.parametrize(
    ("provisional", "published", "evidence", "year"),
    [
        (True, date(2024, 6, 15), _evidence(), 2024),  # the last day's preview
        (True, date(2024, 6, 16), _evidence(), 2024),  # a day after the borrowed end
        (True, date(2024, 6, 17), _evidence(), 2025),  # two days on: next year's
        (True, date(2024, 10, 20), _evidence(), 2025),  # the route presentation
        # The story names the next year: no slack.
        (True, date(2024, 6, 16), _evidence(next_year=True), 2025),
        (True, date(2024, 6, 16), _evidence(years=(2025,)), 2025),
        # Dates the calendar holds: no slack.
        (False, date(2024, 6, 15), _evidence(), 2024),
        (False, date(2024, 6, 16), _evidence(), 2025),
    ],
)
def test_preview_edition(
    provisional: bool, published: date, evidence: FocusEvidence, year: int
) -> None:
    focus = choose_focus(_seasons(provisional), "preview", evidence, published)
    assert focus is not None and focus.year == year


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Tadej Pogačar will ride the Tour de France again next year, his team said."),
        ("fr", "Tadej Pogačar sera au départ du Tour de France l'an prochain."),
        ("es", "Tadej Pogačar correrá el Tour de Francia el año que viene."),
        ("it", "Tadej Pogačar correrà il Tour de France il prossimo anno."),
        ("nl", "Tadej Pogačar rijdt volgend jaar opnieuw de Tour de France."),
        ("de", "Tadej Pogačar fährt nächstes Jahr wieder die Tour de France."),
        ("pt", "Tadej Pogačar vai correr o Tour de France no próximo ano."),
        ("da", "Tadej Pogačar kører Tour de France igen næste år."),
        ("no", "Tadej Pogačar sykler Tour de France igjen neste år."),
        ("sl", "Tadej Pogačar bo prihodnje leto znova dirkal na Tour de France."),
    ],
)
def test_next_year_words(tagger: Tagger, language: str, text: str) -> None:
    assert _lead_reading(tagger, text, language).lead_next_year


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Tadej Pogačar won the Tour de France last year and the year before."),
        ("fr", "Tadej Pogačar a gagné le Tour de France l'an dernier."),
        ("it", "Tadej Pogačar ha vinto il Tour de France l'anno scorso."),
    ],
)
def test_not_next_year_words(tagger: Tagger, language: str, text: str) -> None:
    assert not _lead_reading(tagger, text, language).lead_next_year


def test_a_line_up_the_day_after_a_race_is_of_its_next_edition(tagger: Tagger) -> None:
    tags = tagger.tag(
        "Pogačar confirms he will ride the Tour de France again",
        "Tadej Pogačar will return to the Tour de France next year to chase another win, "
        "his team confirmed on Monday.",
        date(2025, 7, 28),
        True,
        language="en",
    )
    assert tags.race_focus is not None and tags.race_focus.year == 2026


def _lead_reading(tagger: Tagger, text: str, language: str) -> PartReading:
    ft = FoldedText(text)
    size = len(ft.folded)
    return read_part(tagger.races.terms, ft, 0, size, size, size, language)
