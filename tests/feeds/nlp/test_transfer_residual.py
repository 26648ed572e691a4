"""Shapes from the residual causes over the development sets (docs/TRANSFERS.md, "Residual
causes over the development sets"), through the whole tagger and the bundled roster, where
the language cases (tests/feeds/nlp/cases/lang) cannot say it: the team a move leaves.
"""

from __future__ import annotations

from datetime import date

import pytest

from feeds.roster import load_roster
from feeds.tagger import Tagger

PUBLISHED = date(2025, 10, 20)


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "Unibet Tietema Rockets strengthen",
            "The Dutch team has signed Wout Poels (ex-Bahrain Victorious).",
        ),
        (
            "es",
            "Unibet Tietema Rockets se refuerza",
            "El equipo neerlandés ficha a Wout Poels, ex-Bahrain Victorious.",
        ),
        (
            "fr",
            "Unibet Tietema Rockets se renforce",
            "L'équipe néerlandaise a recruté Wout Poels (ex-Bahrain Victorious).",
        ),
    ],
)
def test_a_former_team_marker_names_where_the_person_comes_from(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    """ "X (ex-Visma)": the team after the marker is the one left, never the destination,
    though the roster has the person elsewhere at publication."""
    tags = tagger.tag(title, text, PUBLISHED, language=language)
    moves = [(m.person, m.from_team, m.to_team) for m in tags.moves]
    assert moves == [("Wout Poels", "Bahrain Victorious", "Unibet Tietema Rockets")]


def test_a_former_team_marker_is_the_named_persons_own() -> None:
    """Only the person the marker follows comes from that team, not everyone signed."""
    tagger = Tagger(load_roster(()))
    tags = tagger.tag(
        "Unibet Tietema Rockets strengthen",
        "The Dutch team has signed Wout Poels (ex-Bahrain Victorious) and Jannis Peter.",
        PUBLISHED,
        language="en",
    )
    origins = {m.person: m.from_team for m in tags.moves}
    assert origins.get("Wout Poels") == "Bahrain Victorious"
    assert origins.get("Jannis Peter") != "Bahrain Victorious"


def test_a_single_team_after_or_is_still_no_list(tagger: Tagger) -> None:
    """ "or" between a team and something else is no alternative between teams."""
    tags = tagger.tag(
        "Transfer news",
        "Juan Sebastián Molano will join Movistar Team, one way or another, next season.",
        PUBLISHED,
        language="en",
    )
    assert [(m.person, m.to_team) for m in tags.moves] == [
        ("Juan Sebastián Molano", "Movistar Team")
    ]
