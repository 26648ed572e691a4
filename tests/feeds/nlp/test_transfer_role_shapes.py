"""The shapes a pronoun, a staff role, a follower and a succession must have to move
anyone (docs/TRANSFERS.md, issue #13): an article after a team verb is no pronoun, a role
after a preposition or an agent is someone else's, a name inside a noun phrase follows
nobody, a succession needs the role it is to. Fresh sentences, each shape in two
languages or more, with the shapes that must still give a move.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from feeds.models import StoryTags
from feeds.tagger import Tagger
from tests.growth import assert_linear

PUBLISHED = date(2026, 3, 1)


def _tags(tagger: Tagger, language: str, text: str) -> StoryTags:
    return tagger.tag("Market news", text, PUBLISHED, feed_is_cycling=True, language=language)


def _moves(tagger: Tagger, language: str, text: str) -> dict[str, str | None]:
    return {m.person: m.to_team for m in _tags(tagger, language, text).moves}


# --- After a team verb "le", "la", "lo" are articles, not the person in play -------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Jonas Vingegaard a remporté l'étape reine. Lidl-Trek recrute le plus jeune"
            " sprinteur du Tour de l'Avenir pour 2027.",
        ),
        (
            "it",
            "Jonas Vingegaard ha vinto il tappone. La Lidl-Trek ingaggia la prossima"
            " stagione un giovane scalatore belga.",
        ),
        (
            "es",
            "Jonas Vingegaard ganó la etapa reina. El Movistar Team ficha la próxima"
            " temporada a un joven escalador belga.",
        ),
    ],
)
def test_an_article_after_a_team_verb_names_nobody(
    tagger: Tagger, language: str, text: str
) -> None:
    assert "Jonas Vingegaard" not in _moves(tagger, language, text)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "es",
            "Mattias Skjelmose deja su equipo tras una temporada dura. El Movistar Team lo"
            " ha fichado para dos temporadas.",
        ),
        (
            "fr",
            "Mattias Skjelmose quitte son équipe après une saison difficile. Movistar Team"
            " l'a recruté pour deux saisons.",
        ),
        (
            "en",
            "Mattias Skjelmose has left his team after a hard season. Movistar Team will"
            " sign him before the winter camp.",
        ),
    ],
)
def test_a_pronoun_where_the_language_puts_it_is_still_the_person(
    tagger: Tagger, language: str, text: str
) -> None:
    assert _moves(tagger, language, text).get("Mattias Skjelmose") == "Movistar Team"


# --- A staff role is the person's only right after the become-verb -----------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "de",
            "Jonas Vingegaard wurde von Teamchef Ralph Denk von Red Bull-Bora-Hansgrohe als"
            " stärkster Kletterer gelobt.",
        ),
        ("nl", "Wout van Aert werd door ploegleider van Lidl-Trek genoemd als favoriet."),
        (
            "it",
            "Remco Evenepoel sarà osservato dal direttore sportivo della Lidl-Trek durante"
            " il Giro.",
        ),
        (
            "pt",
            "Tadej Pogačar será acompanhado pelo diretor desportivo da Movistar Team na Volta.",
        ),
        ("da", "Jonas Vingegaard blev rost af holdchef fra Lidl-Trek efter etapen."),
        ("no", "Mads Pedersen ble hyllet av sjef i Uno-X Mobility etter etappen."),
        (
            "fr",
            "Jonas Vingegaard devient selon le directeur sportif de Lidl-Trek le grand favori.",
        ),
        (
            "es",
            "Remco Evenepoel se convierte en el enemigo del director deportivo de Movistar Team.",
        ),
    ],
)
def test_a_role_after_a_preposition_or_an_agent_appoints_nobody(
    tagger: Tagger, language: str, text: str
) -> None:
    assert _moves(tagger, language, text) == {}


# --- A follower is the phrase's object, never a name inside a noun phrase ---------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Olav Kooij joins Lidl-Trek, bringing with him the lessons of three"
            " seasons beside Wout van Aert.",
        ),
        (
            "es",
            "Olav Kooij, que ficha por el Lidl-Trek, se lleva consigo los consejos"
            " de Wout van Aert.",
        ),
        (
            "de",
            "Olav Kooij, der zu Lidl-Trek wechselt, nimmt am Samstag am Rennen teil,"
            " zusammen mit Wout van Aert.",
        ),
        (
            "da",
            "Olav Kooij, der skifter til Lidl-Trek, tog Wout van Aert med sig i udbruddet.",
        ),
    ],
)
def test_a_name_that_is_not_the_phrase_s_object_follows_nobody(
    tagger: Tagger, language: str, text: str
) -> None:
    moves = _moves(tagger, language, text)
    assert moves.get("Olav Kooij") == "Lidl-Trek"
    assert "Wout van Aert" not in moves


# --- A succession needs the staff role it is to -------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Jonas Vingegaard takes over from Wout van Aert at Visma-Lease a Bike as leader,"
            " sports director Grischa Niermann said.",
        ),
        (
            "no",
            "Tobias Halland Johannessen erstatter Magnus Cort i Uno-X Mobility sitt lag til"
            " Vueltaen, sier sjef Jens Haugland.",
        ),
        (
            "it",
            "Giulio Ciccone sostituisce Mads Pedersen nella squadra della Lidl-Trek per il"
            " Giro, ha detto il direttore sportivo.",
        ),
    ],
)
def test_a_replacement_in_a_race_line_up_is_no_move(
    tagger: Tagger, language: str, text: str
) -> None:
    tags = _tags(tagger, language, text)
    assert tags.moves == [] and not tags.is_transfer


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Jonas Vingegaard takes over from Wout van Aert as team boss at Lidl-Trek."),
        ("no", "Jonas Vingegaard overtar etter Wout van Aert som sjef for Lidl-Trek."),
    ],
)
def test_a_succession_to_a_staff_role_is_still_a_move(
    tagger: Tagger, language: str, text: str
) -> None:
    moves = _moves(tagger, language, text)
    assert moves.get("Jonas Vingegaard") == "Lidl-Trek"


# --- Successions and bracketed teams among thousands of names stay linear -------------


def _successions(n: int) -> str:
    return "Patrick Lefevere " + "replaces Mauro Gianetti and " * n + "as team boss."


def _bracketed(n: int) -> str:
    return "Lidl-Trek has signed " + ", ".join(["Tadej Pogačar (UAE Team Emirates)"] * n) + "."


def _joins(n: int) -> str:
    pair = "joins Lidl-Trek and Jonas Vingegaard (Visma-Lease a Bike) "
    return "Tadej Pogačar (UAE Team Emirates) " + pair * n + "joins Lidl-Trek."


@pytest.mark.parametrize(
    ("make", "n"),
    [(_successions, 400), (_bracketed, 500), (_joins, 250)],
    ids=["successions", "bracketed", "subjects"],
)
def test_time_grows_linearly(tagger: Tagger, make: Callable[[int], str], n: int) -> None:
    assert_linear(lambda body: tagger.tag("Staff", body, PUBLISHED, True, "en"), make, n)
