"""Transfers told by idiom (issue #17, task KD): Dutch "zet punt achter" (ends a career)
and "plakt er een jaar aan vast" (adds a year to a contract) are transfer words; "vast
aan" in its everyday sense ("holds on to") is not. Norwegian "klar for" signs a rider
("klar for Uno-X") and stays a transfer word only: a team "klare for" a race it starts is
read by the start, not by a preview word that would outvote the signing."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger

SUMMER = date(2025, 8, 10)


def kind(tagger: Tagger, title: str, text: str, language: str) -> str:
    return tagger.tag(title, text, SUMMER, True, language=language).kind


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "nl",
            "Wout van Aert plakt er bij Visma een jaar aan vast",
            "Wout van Aert blijft nog een seizoen bij Visma | Lease a Bike.",
        ),
        (
            "nl",
            "Greg Van Avermaet zet punt achter carrière",
            "Na dit seizoen is het gedaan voor de Belg van AG2R.",
        ),
        (
            "no",
            "Tobias Halland Johannessen klar for Uno-X Mobility",
            "Tobias Halland Johannessen har signert med Uno-X Mobility.",
        ),
    ],
)
def test_a_transfer_told_by_idiom(tagger: Tagger, language: str, title: str, text: str) -> None:
    assert kind(tagger, title, text, language) == "transfer"


def test_holding_on_to_a_plan_is_no_contract(tagger: Tagger) -> None:
    # A headline naming no kind, so the text decides (R13 D8).
    title = "Van Aert in Brussel"
    text = "Wout van Aert wint de sprint in Brussel; hij houdt vast aan zijn plan voor het najaar."
    assert kind(tagger, title, text, "nl") != "transfer"
