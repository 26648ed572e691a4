"""Review R12's shapes that the older clause rules read as moves, each in the reviewer's
languages and one more: a signing verb whose object is a thing ("signs autographs", "a
flag"), a take-verb whose object is a result ("s'offre la victoire", "holt sich den Sieg"),
and a result's placings after an ahead-of word ("por delante de A (T1) y B (T2)"). Beside
them, the signing of the same shape that must still be read."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger

JUNE = date(2025, 6, 15)
AUTUMN_2024 = date(2024, 10, 5)
"""Before the winter's moves: the people signed then ride for their old teams."""


def _moves(
    tagger: Tagger, text: str, language: str, published: date = JUNE
) -> dict[str, str | None]:
    title, body = text.split("\n", 1)
    tags = tagger.tag(title, body, published, feed_is_cycling=True, language=language)
    return {m.person: m.to_team for m in tags.moves}


# --- 1. a signing verb whose object is a thing -------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Filippo Ganna signs autographs at the Lidl-Trek stand\nFilippo Ganna signed "
            "autographs for fans at the Lidl-Trek stand before the start.",
        ),
        (
            "en",
            "Tadej Pogačar signs a flag for Lidl-Trek fans\nTadej Pogačar signed a Lidl-Trek "
            "flag for a young fan.",
        ),
        (
            "fr",
            "Filippo Ganna signe des autographes au stand de Lidl-Trek\nFilippo Ganna a signé "
            "des autographes au stand de Lidl-Trek avant le départ.",
        ),
        (
            "it",
            "Ganna firma autografi allo stand della Lidl-Trek\nFilippo Ganna ha firmato "
            "autografi allo stand della Lidl-Trek prima della partenza.",
        ),
        (
            "de",
            "Filippo Ganna schreibt Autogramme am Stand von Lidl-Trek\nFilippo Ganna schreibt "
            "Autogramme am Stand von Lidl-Trek vor dem Start.",
        ),
        (
            "es",
            "Filippo Ganna firma autógrafos en el stand de Lidl-Trek\nFilippo Ganna firmó "
            "autógrafos en el stand de Lidl-Trek antes de la salida.",
        ),
    ],
)
def test_signing_a_thing_is_no_move(tagger: Tagger, language: str, text: str) -> None:
    assert _moves(tagger, text, language) == {}


@pytest.mark.parametrize(
    ("language", "text", "person", "team"),
    [
        (
            "en",
            "Filippo Ganna signs for Lidl-Trek\nFilippo Ganna has signed a two-year contract "
            "with Lidl-Trek.",
            "Filippo Ganna",
            "Lidl-Trek",
        ),
        (
            "it",
            "Ganna firma con la Lidl-Trek\nFilippo Ganna ha firmato con la Lidl-Trek un "
            "contratto biennale.",
            "Filippo Ganna",
            "Lidl-Trek",
        ),
        (
            "fr",
            "Cofidis s'offre Filippo Ganna\nCofidis s'offre Filippo Ganna pour deux saisons.",
            "Filippo Ganna",
            "Cofidis",
        ),
        (
            "es",
            "Movistar Team se refuerza con Filippo Ganna\nMovistar Team se refuerza con "
            "Filippo Ganna para las dos próximas temporadas.",
            "Filippo Ganna",
            "Movistar Team",
        ),
    ],
)
def test_the_verb_with_a_person_still_signs(
    tagger: Tagger, language: str, text: str, person: str, team: str
) -> None:
    assert _moves(tagger, text, language) == {person: team}


# --- 2. a take-verb whose object is a result ----------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "UAE Team Emirates s'offre la victoire\nUAE Team Emirates s'offre la victoire avec "
            "Tadej Pogačar devant Jonas Vingegaard (Visma-Lease a Bike) et Remco Evenepoel "
            "(Soudal Quick-Step).",
        ),
        (
            "fr",
            "Lidl-Trek s'offre la victoire\nLidl-Trek s'offre la victoire avec Mads Pedersen "
            "devant Tim Merlier (Soudal Quick-Step) et Olav Kooij (Visma-Lease a Bike).",
        ),
        (
            "es",
            "Lidl-Trek se hace con la victoria\nLidl-Trek se hace con la victoria con Mads "
            "Pedersen por delante de Tim Merlier (Soudal Quick-Step) y Olav Kooij "
            "(Visma-Lease a Bike).",
        ),
        (
            "de",
            "Lidl-Trek holt sich den Sieg\nLidl-Trek holt sich mit Mads Pedersen den Sieg vor "
            "Tim Merlier (Soudal Quick-Step) und Olav Kooij (Visma-Lease a Bike).",
        ),
        (
            "nl",
            "Lidl-Trek pakt de zege\nLidl-Trek pakt de zege met Mads Pedersen voor Tim Merlier "
            "(Soudal Quick-Step) en Olav Kooij (Visma-Lease a Bike).",
        ),
    ],
)
def test_taking_a_result_is_no_signing(tagger: Tagger, language: str, text: str) -> None:
    assert _moves(tagger, text, language) == {}


# --- 3. a result's placings after an ahead-of word ----------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "es",
            "Movistar Team se refuerza con Enric Mas\nMovistar Team se refuerza con Enric Mas "
            "en el liderato por delante de Tim Merlier (Soudal Quick-Step) y Jonathan Milan "
            "(Lidl-Trek).",
        ),
        (
            "es",
            "Movistar Team refuerza su liderato\nMovistar Team se refuerza con la victoria de "
            "Enric Mas por delante de Tim Merlier (Soudal Quick-Step) y Jonathan Milan "
            "(Lidl-Trek).",
        ),
        (
            "fr",
            "Cofidis se renforce avec Alex Aranburu\nCofidis renforce sa position avec la "
            "victoire d'Alex Aranburu devant Tim Merlier (Soudal Quick-Step) et Jonathan "
            "Milan (Lidl-Trek).",
        ),
        (
            "it",
            "La UAE si rafforza con Pogačar\nLa UAE Team Emirates si rafforza con la vittoria "
            "di Tadej Pogačar davanti a Tim Merlier (Soudal Quick-Step) e Jonathan Milan "
            "(Lidl-Trek).",
        ),
    ],
)
def test_placings_ahead_of_are_no_moves(tagger: Tagger, language: str, text: str) -> None:
    assert _moves(tagger, text, language) == {}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "es",
            "Cofidis se refuerza con dos corredores\nCofidis se refuerza con Alex Aranburu "
            "(Movistar Team) y Dylan Teuns (Israel-Premier Tech).",
            {"Alex Aranburu": "Cofidis", "Dylan Teuns": "Cofidis"},
        ),
        (
            "fr",
            "Cofidis se renforce\nCofidis renforce son effectif avec Alex Aranburu (Movistar "
            "Team) et Dylan Teuns (Israel-Premier Tech).",
            {"Alex Aranburu": "Cofidis", "Dylan Teuns": "Cofidis"},
        ),
    ],
)
def test_a_bracket_list_without_placings_still_signs(
    tagger: Tagger, language: str, text: str, expected: dict[str, str]
) -> None:
    assert _moves(tagger, text, language, AUTUMN_2024) == expected
