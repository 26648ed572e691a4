"""Hostile repetitions of one mention cost the whole tagger time in proportion to their
length: one case per path that grew faster than linearly (review RRU, "Linear time"), and
the shapes of the same family that were checked with them. Each text is what a feed could
send: a noun, a person or a team repeated thousands of times before one colon, thousands
of colons, brackets or descriptions, a headline of 100,000 characters. Four times the
input may not take eight times as long (tests/growth.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from feeds.tagger import Tagger
from tests.growth import assert_linear

PUBLISHED = date(2025, 12, 1)


def _tag(tagger: Tagger, language: str) -> Callable[[str], object]:
    return lambda body: tagger.tag("Winter", body, PUBLISHED, True, language)


@pytest.mark.parametrize(
    ("language", "nouns", "colon"),
    [
        ("en", "The team's new signings with the team and the squad ", ": "),
        ("fr", "Les nouvelles recrues de l'équipe et de la formation ", " : "),
        ("de", "Die Neuzugänge des Teams und der Mannschaft ", ": "),
    ],
)
def test_team_nouns_repeated_before_one_colon_grow_linearly(
    tagger: Tagger, language: str, nouns: str, colon: str
) -> None:
    """movers._of_person reads at most four words to the first person after a move noun;
    unnamed reads a subject's first words only and looks for an unknown name within
    NAME_REACH of the verb; groups._included_list searches for "including" again only
    past the one it found: each of a thousand nouns once read the whole sentence."""

    def make(n: int) -> str:
        return (
            "Lidl-Trek. "
            + nouns * n
            + colon
            + "Oscar Onley (Groupama-FDJ), Paul Magnier (Soudal Quick-Step)."
        )

    assert_linear(_tag(tagger, language), make, 250)


def test_one_person_repeated_before_a_colon_grows_linearly(tagger: Tagger) -> None:
    """decide: the destination a sentence names most is worked out once per sentence,
    not once for each of thousands of its evidence."""

    def make(n: int) -> str:
        return "The team's new signings " + "Oscar Onley, " * n + ": Paul Magnier, Tom Pidcock."

    assert_linear(_tag(tagger, "en"), make, 750)


@pytest.mark.parametrize(
    ("language", "named", "described"),
    [
        ("en", "Oscar Onley rode well. ", "The Dane will join Lidl-Trek. "),
        ("fr", "Oscar Onley a bien roulé. ", "Le Danois rejoindra Lidl-Trek. "),
    ],
)
def test_descriptions_after_many_people_grow_linearly(
    tagger: Tagger, language: str, named: str, described: str
) -> None:
    """unnamed._described_mover finds the last person of a nationality by bisection over
    that country's mentions, and referents.referent a clause's people by bisection: each
    "the Dane" once walked back over every mention of the story."""

    def make(n: int) -> str:
        return named * n + described * n

    assert_linear(_tag(tagger, language), make, 1000)


def test_one_team_repeated_before_a_colon_grows_linearly(tagger: Tagger) -> None:
    def make(n: int) -> str:
        return "The team's new signings " + "Lidl-Trek, " * n + ": Paul Magnier, Tom Pidcock."

    assert_linear(_tag(tagger, "en"), make, 750)


def test_thousands_of_colons_each_before_a_list_grow_linearly(tagger: Tagger) -> None:
    def make(n: int) -> str:
        item = ": Oscar Onley (Groupama-FDJ), Paul Magnier (Soudal Quick-Step)"
        return "Lidl-Trek. The team's new signings" + item * n + "."

    assert_linear(_tag(tagger, "en"), make, 250)


def test_one_person_in_thousands_of_brackets_grows_linearly(tagger: Tagger) -> None:
    def make(n: int) -> str:
        return "Lidl-Trek signs Paul Magnier" + " (Oscar Onley)" * n + "."

    assert_linear(_tag(tagger, "en"), make, 1000)


def test_a_long_headline_grows_linearly(tagger: Tagger) -> None:
    def read(title: str) -> object:
        return tagger.tag(title, "Oscar Onley joins Lidl-Trek.", PUBLISHED, True, "en")

    def make(n: int) -> str:
        return "Lidl-Trek signs " + "Oscar Onley and " * n + "Paul Magnier"

    assert_linear(read, make, 1000)


@pytest.mark.parametrize(
    ("language", "noun"),
    [("en", "The arrival of Oscar Onley, "), ("fr", "L'arrivée d'Oscar Onley, ")],
)
def test_one_person_owning_a_thousand_move_nouns_grows_linearly(
    tagger: Tagger, language: str, noun: str
) -> None:
    """movers._of_person bisects the people after each noun (it filtered them all once
    per noun) and decide asks each sentence for its destination once."""

    def make(n: int) -> str:
        return "Lidl-Trek news. " + noun * n + "."

    assert_linear(_tag(tagger, language), make, 500)
