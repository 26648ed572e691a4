"""A colon list after an arrival verb whose people a relative clause says stay (issue #13):
"He joins three riders who had already extended: A, B and C" names the riders he joins,
not newcomers; the relative clause's verb (extended, already there, arrived before) is
theirs. Fresh sentences in the languages the rule covers, and the readings that must stay:
a team that signs a list, a relative clause that says nothing of staying."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger

AUGUST_2023 = date(2023, 8, 10)
EF = "EF Education-EasyPost"
LISTED = ("Michael Storer", "Alberto Dainese", "Matteo Trentin")


def _moves(tagger: Tagger, text: str, language: str) -> dict[str, str | None]:
    title, body = text.split("\n", 1)
    tagged = tagger.tag(title, body, AUGUST_2023, True, language)
    return {m.person: m.to_team for m in tagged.moves}


def _list(conjunction: str) -> str:
    return f"Michael Storer, Alberto Dainese {conjunction} Matteo Trentin"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Rui Costa signs for EF Education-EasyPost\nEF Education-EasyPost have signed Rui "
            "Costa for next season. He joins three riders who had already extended their "
            f"contracts: {_list('and')}.",
        ),
        (
            "en",
            "Rui Costa signs for EF Education-EasyPost\nEF Education-EasyPost have signed Rui "
            f"Costa for next season. He joins three riders who arrived last year: {_list('and')}.",
        ),
        (
            "fr",
            "Rui Costa signe chez EF Education-EasyPost\nEF Education-EasyPost a recruté Rui "
            "Costa pour la saison prochaine. Il rejoint trois coureurs qui avaient déjà "
            f"prolongé leur contrat : {_list('et')}.",
        ),
        (
            "it",
            "Rui Costa firma con la EF Education-EasyPost\nLa EF Education-EasyPost ha "
            "ingaggiato Rui Costa per la prossima stagione. Raggiunge tre corridori che "
            f"avevano già rinnovato: {_list('e')}.",
        ),
        (
            "es",
            "Rui Costa ficha por el EF Education-EasyPost\nEl EF Education-EasyPost ha fichado "
            "a Rui Costa para la próxima temporada. Se une a tres corredores que ya habían "
            f"renovado: {_list('y')}.",
        ),
        (
            "de",
            "Rui Costa wechselt zu EF Education-EasyPost\nEF Education-EasyPost hat Rui Costa "
            "für die nächste Saison verpflichtet. Er stößt zu drei Fahrern, die bereits "
            f"verlängert haben: {_list('und')}.",
        ),
        (
            "nl",
            "Rui Costa tekent bij EF Education-EasyPost\nEF Education-EasyPost heeft Rui Costa "
            "vastgelegd voor volgend seizoen. Hij sluit zich aan bij drie renners die reeds "
            f"verlengd hadden: {_list('en')}.",
        ),
        (
            "pt",
            "Rui Costa assina pela EF Education-EasyPost\nA EF Education-EasyPost contratou Rui "
            "Costa para a próxima temporada. Junta-se ao trio de corredores que já tinham "
            f"renovado: {_list('e')}.",
        ),
        (
            "da",
            "Rui Costa skifter til EF Education-EasyPost\nEF Education-EasyPost har hentet Rui "
            "Costa til næste sæson. Han slutter sig til tre ryttere, som allerede har "
            f"forlænget: {_list('og')}.",
        ),
        (
            "no",
            "Rui Costa bytter til EF Education-EasyPost\nEF Education-EasyPost har hentet Rui "
            "Costa til neste sesong. Han slutter seg til tre ryttere som allerede har "
            f"forlenget: {_list('og')}.",
        ),
        (
            "sl",
            "Rui Costa prestopil k EF Education-EasyPost\nEF Education-EasyPost je za "
            "naslednjo sezono okrepil Rui Costa. Pridružil se bo trem kolesarjem, ki so že "
            f"podaljšali: {_list('in')}.",
        ),
    ],
)
def test_a_list_that_a_relative_clause_keeps_is_not_arrivals(
    tagger: Tagger, language: str, text: str
) -> None:
    moves = _moves(tagger, text, language)
    assert not set(LISTED) & set(moves)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "EF Education-EasyPost sign three riders\nEF Education-EasyPost have signed three "
            f"riders for next season: {_list('and')}.",
        ),
        # a relative clause that says nothing of staying leaves the list to the signing
        (
            "en",
            "EF Education-EasyPost sign three riders\nEF Education-EasyPost have signed three "
            f"riders who will race the Classics next season: {_list('and')}.",
        ),
        (
            "fr",
            "Trois recrues pour EF Education-EasyPost\nTrois coureurs rejoignent EF "
            f"Education-EasyPost pour la saison prochaine : {_list('et')}.",
        ),
        # "die" right after the verb is the object's article, not a relative pronoun
        (
            "de",
            "EF Education-EasyPost verpflichtet drei Fahrer\nEF Education-EasyPost hat für die "
            f"nächste Saison die bereits erwarteten Fahrer verpflichtet: {_list('und')}.",
        ),
    ],
)
def test_a_signed_list_still_arrives(tagger: Tagger, language: str, text: str) -> None:
    moves = _moves(tagger, text, language)
    assert {person: moves.get(person) for person in LISTED} == dict.fromkeys(LISTED, EF)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Rui Costa signs for EF Education-EasyPost\nEF Education-EasyPost have signed Rui "
            f"Costa for next season. He joins {_list('and')}, who all extended last week.",
        ),
        (
            "fr",
            "Rui Costa signe chez EF Education-EasyPost\nEF Education-EasyPost a recruté Rui "
            f"Costa pour la saison prochaine. Il rejoint {_list('et')}, qui ont tous prolongé "
            "la semaine dernière.",
        ),
        (
            "it",
            "Rui Costa firma con la EF Education-EasyPost\nLa EF Education-EasyPost ha "
            "ingaggiato Rui Costa per la prossima stagione. Raggiunge "
            f"{_list('e')}, che avevano già rinnovato.",
        ),
    ],
)
def test_a_list_after_the_verb_that_a_relative_clause_keeps_is_not_arrivals(
    tagger: Tagger, language: str, text: str
) -> None:
    moves = _moves(tagger, text, language)
    assert not set(LISTED) & set(moves)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # an inverted arrival list whose relative clause says nothing of staying
        (
            "es",
            "Rui Costa es el refuerzo de la EF Education-EasyPost\nLa EF Education-EasyPost se "
            f"renueva. Además de Rui Costa, llegan {_list('y')}, que correrán las clásicas.",
        ),
    ],
)
def test_an_inverted_list_with_a_plain_relative_clause_still_arrives(
    tagger: Tagger, language: str, text: str
) -> None:
    moves = _moves(tagger, text, language)
    assert {person: moves.get(person) for person in LISTED} == dict.fromkeys(LISTED, EF)
