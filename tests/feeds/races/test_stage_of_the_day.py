"""The stage a story is about: an ordinal whose ending the fold splits off ("16.ª etapa"),
a stage preview named in the headline, and the stage of the day for a crash or a result
from an edition without a stage list when it runs one stage a day."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from feeds.races.focus import FocusEvidence, Seasons, choose_focus
from feeds.races.model import Calendar, Edition, Race
from feeds.tagger import Tagger


def focus(tagger: Tagger, title: str, text: str, published: date, language: str) -> str:
    tags = tagger.tag(title, text, published, True, language=language)
    if tags.race_focus is None:
        return "none"
    f = tags.race_focus
    name = tagger.races.calendar.races[f.race_id].name
    return f"{name} {f.year}" + ("" if f.stage is None else f" stage {f.stage}")


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("pt", "João Almeida vence 16.ª etapa do Giro e sobe ao segundo lugar"),
        ("es", "Pello Bilbao gana la 16.ª etapa del Giro de Italia"),
    ],
)
def test_an_ordinal_split_from_its_number_names_the_stage(
    tagger: Tagger, language: str, title: str
) -> None:
    text = "O ciclista venceu ao sprint." if language == "pt" else "El ciclista ganó al sprint."
    # Published the next day (stage 17 runs): the headline says which stage it was.
    got = focus(tagger, title, text, date(2025, 5, 28), language)
    assert got == "Giro d'Italia 2025 stage 16"


def test_a_stage_preview_named_in_the_headline_has_that_stage(tagger: Tagger) -> None:
    title = "PREVIEW | Tour de France 2025 stage 1 - who will win the first yellow jersey?"
    text = "The favourites for the opening stage in Lille are Jasper Philipsen and Tim Merlier."
    got = focus(tagger, title, text, date(2025, 7, 1), "en")
    assert got == "Tour de France 2025 stage 1"


def _seasons(days: int, stage_count: int | None) -> Seasons:
    race = Race("rund", "Rundfahrt", "men", "worldtour", "stage")
    start = date(2024, 4, 1)
    end = date(2024, 4, days)
    edition = Edition("rund", 2024, start, end, stage_count)
    return Seasons(Calendar({"rund": race}, {edition.key: edition}))


def _evidence() -> FocusEvidence:
    return FocusEvidence(["rund"], Counter({"rund": 2}), [], [], [], [], overall=False)


@pytest.mark.parametrize("kind", ["crash", "result"])
def test_one_stage_a_day_gives_the_days_stage(kind: str) -> None:
    got = choose_focus(_seasons(6, 6), kind, _evidence(), date(2024, 4, 4))
    assert got is not None and (got.race_id, got.year, got.stage) == ("rund", 2024, 4)


def test_fewer_stages_than_days_gives_no_stage() -> None:
    # A prologue or a rest day: the day cannot say which stage it ran.
    got = choose_focus(_seasons(6, 5), "crash", _evidence(), date(2024, 4, 4))
    assert got is not None and got.stage is None


def test_a_result_of_the_last_day_without_a_stage_named_is_the_races() -> None:
    # "Almeida wins the Tour de Suisse" on its last day: the overall, not stage 6.
    got = choose_focus(_seasons(6, 6), "result", _evidence(), date(2024, 4, 6))
    assert got is not None and got.stage is None
    crash = choose_focus(_seasons(6, 6), "crash", _evidence(), date(2024, 4, 6))
    assert crash is not None and crash.stage == 6
