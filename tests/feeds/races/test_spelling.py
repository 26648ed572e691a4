"""Spelling slips in long race names (feeds/races/spelling.py): one consonant doubled or
undoubled is read as the name, in a name of ten letters or more, never as two races'."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.nlp.matcher import alias_key
from feeds.races.spelling import slipped_names, slips
from feeds.tagger import Tagger


def test_a_long_names_slips_undouble_and_double_one_consonant_at_a_time() -> None:
    key = alias_key("Flèche Wallonne")
    assert alias_key("Fleche Wallone") in slips(key)
    assert alias_key("Flèche Walllonne") not in slips(key)  # two slips, not one
    assert alias_key("Tirreno Adriattico") in slips(alias_key("Tirreno-Adriatico"))
    assert alias_key("Tireno-Adriatico") in slips(alias_key("Tirreno-Adriatico"))
    # Vowels are not doubled or dropped: "Strade Bianchi" is not a slip of the rule's kind.
    assert alias_key("Strade Bianchi") not in slips(alias_key("Strade Bianche"))


def test_short_names_make_no_slips() -> None:
    assert slips(alias_key("Giro")) == set()
    assert slips(alias_key("Paris-Nice")) == set()  # nine letters


def test_a_slip_that_is_a_name_or_shared_by_two_races_is_read_as_neither() -> None:
    names = {
        alias_key("Gran Premio Bellaria"): ["a"],
        alias_key("Gran Premio Belaria"): ["b"],  # another race's own name
        alias_key("Trofeo Montelupo"): ["c"],
        alias_key("Trofeo Monttelupo Uno"): ["d"],
        alias_key("Trofeo Montelupo Uno"): ["e"],
    }
    found = slipped_names(names, names)
    assert alias_key("Gran Premio Belaria") not in found
    assert found[alias_key("Gran Premio Bellarria")] == ("a",)
    # "Trofeo Montelupo Uno" slips to "Trofeo Monttelupo Uno", a name of its own.
    assert found.get(alias_key("Trofeo Monttelupo Uno")) is None


@pytest.mark.parametrize(
    ("language", "title", "text", "published", "race_id"),
    [
        (
            "da",
            "Pogacar vinder Fleche Wallone",
            "Tadej Pogacar vandt løbet på Mur de Huy.",
            date(2023, 4, 19),
            "la-fleche-wallonne",
        ),
        (
            "it",
            "Pogacar domina la Tireno-Adriatico",
            "Tadej Pogacar ha vinto la corsa dei due mari.",
            date(2022, 3, 13),
            "tirreno-adriatico",
        ),
        (
            "en",
            "Merlier sprints to victory in Classic Bruge-De Panne",
            "Tim Merlier won the bunch sprint ahead of Dylan Groenewegen.",
            date(2022, 3, 23),
            "classic-brugge-de-panne",
        ),
    ],
)
def test_a_slip_in_a_headline_names_the_race(
    tagger: Tagger, language: str, title: str, text: str, published: date, race_id: str
) -> None:
    tags = tagger.tag(title, text, published, True, language=language)
    assert race_id in tags.races
    assert tags.race_focus is not None and tags.race_focus.race_id == race_id
