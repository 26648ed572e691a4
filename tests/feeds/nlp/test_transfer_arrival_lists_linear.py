"""Hostile text for the arrival-list readers of the eleventh stop (`lists._noun_list_start`,
`list_teams.noun_team`): many people between a group noun
and its colon, a long list after it, plural team nouns over and over before a colon, and
thousands of sentences each asking for the story's team. Four times the input may not
take eight times as long."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from feeds.tagger import Tagger
from tests.growth import assert_linear

ITEMS = "Michael Storer (Groupama-FDJ), Alberto Dainese (Team dsm-firmenich), "
TEAM_LINE = "Bij Tudor Pro Cycling Team was het niet anders.\n\n"


def _people_before_the_colon(n: int) -> str:
    return (
        TEAM_LINE
        + "Het is bekend welke versterkingen "
        + "Fabian Cancellara en " * n
        + "aan de ploeg toevoegen: "
        + ITEMS
        + "en Matteo Trentin (UAE Team Emirates)."
    )


def _long_list(n: int) -> str:
    return (
        TEAM_LINE
        + "Het is bekend welke versterkingen Fabian Cancellara aan de ploeg toevoegt: "
        + ITEMS * n
        + "en Matteo Trentin (UAE Team Emirates)."
    )


def _teams_before_the_colon(n: int) -> str:
    return (
        TEAM_LINE
        + "Het is bekend welke versterkingen Fabian Cancellara na "
        + "UAE Team Emirates en " * n
        + "aan de ploeg toevoegt: "
        + ITEMS
        + "en Matteo Trentin (UAE Team Emirates)."
    )


def _plural_nouns(n: int) -> str:
    return "Three join " + "other teams and " * n + "WorldTeams: " + ITEMS + "and Matteo Trentin."


def _many_sentences(n: int) -> str:
    sentence = (
        "Welke versterkingen Fabian Cancellara aan de ploeg toevoegt: Michael Storer "
        "(Groupama-FDJ) en Alberto Dainese (Team dsm-firmenich).\n\n"
    )
    return TEAM_LINE + sentence * n


def _appositions(n: int) -> str:
    """Sentence after sentence of a person with their team and a national coach, each
    followed by a list after an arrival word's colon: the look-back stays short."""
    sentence = (
        "Filippo Ganna of Lidl-Trek met the national coach. Three riders will join the "
        "team: Michael Storer, Alberto Dainese and Matteo Trentin. "
    )
    return TEAM_LINE + sentence * n


def _newcomers_then_leavers(n: int) -> str:
    """Sentence after sentence of a noun's own names, then a departure word before the
    colon (one sentence with thousands of departure words, or one person named thousands
    of times, is slow on the base too, in other readers)."""
    sentence = (
        "Alongside the newcomers Michael Storer and Alberto Dainese, the team loses: "
        + ITEMS
        + "and Matteo Trentin.\n\n"
    )
    return TEAM_LINE + sentence * n


@pytest.mark.parametrize(
    ("make", "n"),
    [
        (_people_before_the_colon, 400),
        (_long_list, 200),
        (_teams_before_the_colon, 400),
        (_plural_nouns, 1000),
        (_many_sentences, 200),
        (_appositions, 150),
        (_newcomers_then_leavers, 150),
    ],
    ids=[
        "people before the colon",
        "a long list",
        "teams before the colon",
        "plural team nouns",
        "many sentences",
        "appositions and national coaches",
        "newcomers then leavers",
    ],
)
def test_time_grows_linearly(tagger: Tagger, make: Callable[[int], str], n: int) -> None:
    assert_linear(
        lambda body: tagger.tag("Tudor Pro Cycling Team bouwt", body, date(2023, 8, 10), True),
        make,
        n,
    )
