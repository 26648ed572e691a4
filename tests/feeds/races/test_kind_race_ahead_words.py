"""A race still to start (issue #17, task KD): the day it begins, the town or line it sets
off from, a title to be defended are a preview's words in each language's `preview` list
(feeds/nlp/kinds/*.toml); a start verb is one only with the race as its subject (the
`starts` words, feeds/races/mentions.py). A route announced months ahead named none of
the old preview words ("route", "favourites") and fell to other or line-up. A report
after the race keeps its result, a selection headline its line-up, even when they name
the start or the defending champion."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger


def kind(tagger: Tagger, title: str, text: str, published: date, language: str) -> str:
    return tagger.tag(title, text, published, True, language=language).kind


@pytest.mark.parametrize(
    ("language", "title", "text", "published"),
    [
        (
            "en",
            "Tour de France 2025 gets under way in Lille",
            "The Tour de France 2025 kicks off in Lille; the start town hosts three days.",
            date(2025, 3, 1),
        ),
        (
            "es",
            "La Vuelta a España 2025 se presenta en Turín",
            "La Vuelta a España se disputará en agosto y contará con 21 etapas.",
            date(2024, 12, 18),
        ),
        (
            "it",
            "Giro d'Italia 2025, la grande partenza dall'Albania",
            "Il Giro d'Italia si correrà dal 9 maggio con tre giorni in Albania.",
            date(2024, 12, 10),
        ),
        (
            "da",
            "Danmark Rundt får ny startby",
            "Danmark Rundt åbner med en enkeltstart i august, og rytterne stiller til start "
            "i Holstebro.",
            date(2025, 3, 1),
        ),
        (
            "sl",
            "Dirka po Sloveniji bo odločena v zadnji etapi",
            "Dirka po Sloveniji bo potekala od 11. do 15. junija.",
            date(2025, 3, 1),
        ),
        (
            "no",
            "Oversikt over etappene i Tour de France 2025",
            "Tour de France går fra Lille 5. juli.",
            date(2025, 3, 1),
        ),
        (
            "fr",
            "Paris-Nice 2025 s'élancera du Perray-en-Yvelines",
            "La course partira le 9 mars et débutera par une étape de plaine.",
            date(2024, 12, 1),
        ),
        (
            "pt",
            "As novidades da Volta ao Algarve 2025",
            "A Volta ao Algarve começa a 19 de fevereiro e terá cinco etapas.",
            date(2024, 12, 1),
        ),
    ],
)
def test_a_race_still_to_start_is_a_preview(
    tagger: Tagger, language: str, title: str, text: str, published: date
) -> None:
    assert kind(tagger, title, text, published, language) == "preview"


def test_a_report_naming_the_defending_champion_stays_a_result(tagger: Tagger) -> None:
    # The headline names no kind, so the text decides (R13 D8: a result headline decides
    # whatever the text says, and could not make this test fail).
    title = "Pogacar and Vingegaard in Paris"
    text = (
        "Tadej Pogacar won the Tour de France in Paris; the defending champion Jonas "
        "Vingegaard came home second."
    )
    assert kind(tagger, title, text, date(2025, 7, 27), "en") == "result"


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "Visma names team for the Tour de France: Vingegaard to defend his title",
            "Visma | Lease a Bike named their selection: Jonas Vingegaard will lead the team.",
        ),
        (
            "it",
            "Giro d'Italia, ecco la squadra della UAE Team Emirates",
            "La UAE Team Emirates ha annunciato la formazione per il Giro d'Italia: Juan "
            "Ayuso sarà il capitano; la partenza è fissata per il 9 maggio.",
        ),
    ],
)
def test_a_selection_naming_the_start_stays_a_lineup(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert kind(tagger, title, text, date(2025, 5, 2), language) == "lineup"
