"""A lead that looks ahead (issue #17, task KD): under a headline naming no kind, a lead
with two preview words or more and no more result words is a preview's, however many past
wins the text then recalls (the favourites' palmares); a lead telling the day's winner
stays a report."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from feeds.races.kind import KindEvidence, decide_kind
from feeds.tagger import Tagger

FILL = {
    "en": "The peloton gathers in the old town square, where thousands of fans line the "
    "barriers and the team buses park along the river. The riders sign on, pose for photos "
    "and talk to reporters about the heat, the crosswinds and the long days in the saddle "
    "that lie ahead of them over the next three weeks. ",
    "fr": "Le peloton se rassemble sur la place de la vieille ville, où des milliers de "
    "supporters longent les barrières et où les bus des équipes se garent le long de la "
    "rivière. Les coureurs signent la feuille, posent pour les photos et parlent aux "
    "journalistes de la chaleur et du vent. ",
    "no": "Feltet samles på torget i gamlebyen, der tusenvis av tilskuere står langs gjerdene "
    "og lagbussene parkerer langs elven. Rytterne skriver seg inn, poserer for bilder og "
    "snakker med journalister om varmen, vinden og de lange dagene på sykkelen som venter "
    "dem de neste tre ukene. ",
}
GRAND_DEPART = date(2025, 7, 5)


def kind(tagger: Tagger, title: str, text: str, published: date, language: str) -> str:
    return tagger.tag(title, text, published, True, language=language).kind


@pytest.mark.parametrize(
    ("language", "title", "lead", "recalled"),
    [
        (
            "en",
            "Pogacar and Vingegaard at the Tour de France",
            "The favourites meet again, and the start list is the strongest in years. ",
            "Pogacar won the Tour de France in 2024 and won in 2021; Vingegaard won in 2022 "
            "and 2023, and he won the Dauphine.",
        ),
        (
            "fr",
            "Pogacar et Vingegaard au Tour de France",
            "Les favoris se retrouvent, et le parcours est très dur. ",
            "Pogacar a gagné le Tour de France en 2024 et a gagné en 2021 ; Vingegaard a "
            "gagné en 2022 et en 2023.",
        ),
        (
            "no",
            "Pogacar og Vingegaard i Tour de France",
            "Favorittene møtes igjen, og løypa er tøff. ",
            "Pogacar vant Tour de France i 2024 og vant i 2021; Vingegaard vant i 2022 og "
            "2023, og han vant Dauphiné.",
        ),
    ],
)
def test_a_lead_looking_ahead_before_past_wins_is_a_preview(
    tagger: Tagger, language: str, title: str, lead: str, recalled: str
) -> None:
    text = lead + FILL[language] + recalled
    assert kind(tagger, title, text, GRAND_DEPART, language) == "preview"


def test_a_lead_telling_the_winner_beside_a_favourite_stays_a_result(tagger: Tagger) -> None:
    text = (
        "Pogacar won the stage ahead of Vingegaard, the favourite for the overall, and won "
        "the sprint. " + FILL["en"] + "Pogacar took the yellow jersey and won the bonus."
    )
    title = "Pogacar and Vingegaard at the Tour de France"
    assert kind(tagger, title, text, date(2025, 7, 12), "en") == "result"


def _evidence(lead: dict[str, int], text: dict[str, int]) -> KindEvidence:
    return KindEvidence(
        Counter(),
        Counter(text),
        has_race=True,
        cycling=True,
        is_transfer=False,
        race_near=True,
        title_team=False,
        title_race=True,
        lead=Counter(lead),
    )


def test_one_preview_word_in_the_lead_does_not_look_ahead() -> None:
    text = {"preview": 2, "result": 5}
    assert decide_kind(_evidence({"preview": 2, "result": 1}, text)) == "preview"
    assert decide_kind(_evidence({"preview": 1}, text)) == "result"
    assert decide_kind(_evidence({"preview": 2, "result": 3}, text)) == "result"
