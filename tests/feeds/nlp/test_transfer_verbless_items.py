"""Moves told as verbless items, each with its own team (set 12's misses, issue #13):
"A to T1, B to T2" in a headline, and "A joins T1, B to T2 and C to T3" in a body. Each
item moves only its own people; the earlier item's person keeps their own team. Fresh
sentences in several languages, with a group item that must still move together."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger

JUNE_2024 = date(2024, 6, 10)
ARKEA = "Arkéa-B&B Hotels"
SOUDAL = "Soudal Quick-Step"
LOTTO = "Lotto Dstny"


def _teams(tagger: Tagger, text: str) -> dict[str, str | None]:
    title, body = text.split("\n", 1)
    return {m.person: m.to_team for m in tagger.tag(title, body, JUNE_2024).moves}


@pytest.mark.parametrize(
    "text",
    [
        "Enric Mas to Arkéa-B&B Hotels, Giulio Ciccone to Soudal Quick-Step\nThe Tour approaches.",
        "Enric Mas vers Arkéa-B&B Hotels, Giulio Ciccone chez Soudal Quick-Step\nLe Tour approche.",
        "Enric Mas al Arkéa-B&B Hotels, Giulio Ciccone al Soudal Quick-Step\nSe acerca el Tour.",
        "Enric Mas alla Arkéa-B&B Hotels, Giulio Ciccone alla Soudal Quick-Step\n"
        "Il Tour si avvicina.",
        "Enric Mas naar Arkéa-B&B Hotels, Giulio Ciccone naar Soudal Quick-Step\n"
        "De Tour komt eraan.",
        "Enric Mas zu Arkéa-B&B Hotels, Giulio Ciccone zu Soudal Quick-Step\nDie Tour naht.",
    ],
)
def test_each_headline_item_moves_its_own_person(tagger: Tagger, text: str) -> None:
    assert _teams(tagger, text) == {"Enric Mas": ARKEA, "Giulio Ciccone": SOUDAL}


@pytest.mark.parametrize(
    "text",
    [
        "Market\nEnric Mas joins Arkéa-B&B Hotels, Giulio Ciccone to Soudal Quick-Step and "
        "Mattias Skjelmose to Lotto Dstny.",
        "Mercato\nEnric Mas signe chez Arkéa-B&B Hotels, Giulio Ciccone chez Soudal Quick-Step "
        "et Mattias Skjelmose vers Lotto Dstny.",
    ],
)
def test_each_item_after_a_verb_moves_its_own_person(tagger: Tagger, text: str) -> None:
    assert _teams(tagger, text) == {
        "Enric Mas": ARKEA,
        "Giulio Ciccone": SOUDAL,
        "Mattias Skjelmose": LOTTO,
    }


@pytest.mark.parametrize(
    "text",
    [
        "Enric Mas al Arkéa-B&B Hotels, Giulio Ciccone y Mattias Skjelmose al Soudal Quick-Step\n"
        "Se acerca el Tour.",
        "Market\nEnric Mas joins Arkéa-B&B Hotels, Giulio Ciccone and Mattias Skjelmose to "
        "Soudal Quick-Step.",
        "Mercato\nEnric Mas rejoint Arkéa-B&B Hotels, Giulio Ciccone et Mattias Skjelmose chez "
        "Soudal Quick-Step.",
    ],
)
def test_a_later_group_item_moves_its_whole_group_and_no_earlier_person(
    tagger: Tagger, text: str
) -> None:
    assert _teams(tagger, text) == {
        "Enric Mas": ARKEA,
        "Giulio Ciccone": SOUDAL,
        "Mattias Skjelmose": SOUDAL,
    }
