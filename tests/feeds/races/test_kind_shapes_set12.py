"""Kind shapes read from set 12's misses (issue #17), each checked on fresh sentences in
two languages or more beside the stories that must keep their kind: a selection announced
before the race with its riders' past wins, the mountains classification's points and
jersey as a race's result, and the Norwegian breakaway ("i brudd") that is no fracture."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from feeds.races.kind import KindEvidence, decide_kind
from feeds.tagger import Tagger

BEFORE_TOUR = date(2025, 6, 27)
"""A week before the 2025 Tour de France starts (5 July)."""
TOUR_DAY = date(2025, 7, 12)


def kind(tagger: Tagger, title: str, text: str, published: date, language: str) -> str:
    return tagger.tag(title, text, published, True, language=language).kind


# --- a selection before the race, its riders' past wins recalled -----------------------


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "da",
            "Disse danskere kører Tour de France",
            "Jonas Vingegaard er udtaget som kaptajn; han vandt sejren i 2022 og 2023, og "
            "Mattias Skjelmose vandt Schweiz Rundt.",
        ),
        (
            "it",
            "Tour de France, la squadra di Pogacar",
            "Tadej Pogacar sarà il capitano della UAE Team Emirates; ha vinto tre volte, e "
            "Joao Almeida ha vinto il Giro di Svizzera.",
        ),
        (
            "en",
            "The riders lining up at the Tour de France",
            "Jonas Vingegaard will lead Visma; he won the yellow jersey twice, and Wout van "
            "Aert won the green jersey.",
        ),
    ],
)
def test_a_selection_before_the_race_with_past_wins_is_a_lineup(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert kind(tagger, title, text, BEFORE_TOUR, language) == "lineup"


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "da",
            "Hvem kan slå Tadej Pogacar i Tour de France?",
            "Tadej Pogacar vandt sejren sidste år, og Jonas Vingegaard vandt i 2022 og 2023.",
        ),
        (
            "en",
            "Can anyone stop Tadej Pogacar at the Tour de France?",
            "Tadej Pogacar won three times; Jonas Vingegaard won twice and is the favourite "
            "of many.",
        ),
    ],
)
def test_wins_recalled_before_the_race_with_no_selection_word_stay_a_preview(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert kind(tagger, title, text, BEFORE_TOUR, language) == "preview"


def evidence(text: dict[str, int], *, ahead: bool) -> KindEvidence:
    return KindEvidence(
        Counter(),
        Counter(text),
        has_race=True,
        cycling=True,
        is_transfer=False,
        race_near=not ahead,
        title_team=False,
        title_race=True,
        race_ahead=ahead,
    )


def test_before_the_race_a_lineup_word_tied_with_others_names_who_starts() -> None:
    tie = {"lineup": 1, "team": 1, "preview": 1, "transfer": 1}
    assert decide_kind(evidence(tie, ahead=True)) == "lineup"
    # The same single words while the race runs, or with no line-up word, decide nothing.
    assert decide_kind(evidence(tie, ahead=False)) == "other"
    assert decide_kind(evidence({"team": 1, "preview": 1}, ahead=True)) == "other"
    # Recalled wins still turn a preview's text without a line-up word.
    assert decide_kind(evidence({"result": 2, "team": 1}, ahead=True)) == "preview"
    # A line-up outweighed by its own kind's rival stays that rival.
    assert decide_kind(evidence({"lineup": 1, "preview": 2, "result": 3}, ahead=True)) == (
        "preview"
    )


# --- the mountains classification's points and jersey are won in a race ----------------


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "no",
            "Jonas Abrahamsen tok nye klatrepoeng på kupert Tour de France-etappe",
            "Jonas Abrahamsen dro tidlig sammen med Neilson Powless; han har nå lang karriere.",
        ),
        (
            "en",
            "Jonas Abrahamsen tightens his grip on the Tour de France mountains classification",
            "Jonas Abrahamsen went early with Neilson Powless on a hilly stage, back to his best.",
        ),
        (
            "fr",
            "Tour de France : Jonas Abrahamsen conforte sa place au classement de la montagne",
            "Jonas Abrahamsen est parti tôt avec Neilson Powless sur une étape vallonnée.",
        ),
    ],
)
def test_mountains_points_in_the_headline_make_a_result(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert kind(tagger, title, text, TOUR_DAY, language) == "result"


def test_the_mountains_classification_before_the_race_is_a_preview(tagger: Tagger) -> None:
    title = "Who will win the mountains classification at the Tour de France?"
    text = "Jonas Abrahamsen and Neilson Powless are among the climbers to watch."
    assert kind(tagger, title, text, BEFORE_TOUR, "en") == "preview"


# --- the Norwegian breakaway is no fracture; a fracture still is one --------------------


@pytest.mark.parametrize(
    "title",
    [
        "Jonas Abrahamsen ble toer på Tour-etappe etter 180 kilometer i brudd",
        "Jonas Abrahamsen gikk i brudd og vant Tour-etappen",
    ],
)
def test_a_day_in_the_breakaway_is_a_race_report(tagger: Tagger, title: str) -> None:
    text = (
        "Jonas Abrahamsen var med i bruddet hele dagen, og vant spurten om andreplassen "
        "foran Neilson Powless. Han leder sammenlagt i klatrekonkurransen."
    )
    assert kind(tagger, title, text, TOUR_DAY, "no") == "result"


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "no",
            "Jonas Abrahamsen fikk påvist brudd",
            "Jonas Abrahamsen veltet på trening og har brudd i kragebeinet.",
        ),
        (
            "da",
            "Jonas Abrahamsen har brud på kravebenet",
            "Jonas Abrahamsen styrtede på træning og er indlagt.",
        ),
    ],
)
def test_a_fracture_is_still_a_crash(tagger: Tagger, language: str, title: str, text: str) -> None:
    assert kind(tagger, title, text, TOUR_DAY, language) == "crash"
