"""Destinations written in words no team mention covers (docs/TRANSFERS.md, "Destinations
not read (set 10)"): never a team borrowed from elsewhere in the story, and a team given
with its old name ("X (ex-Y)") is Y.
"""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger

PUBLISHED = date(2025, 10, 20)


def _moves(tagger: Tagger, language: str, title: str, text: str) -> dict[str, str | None]:
    tags = tagger.tag(title, text, PUBLISHED, feed_is_cycling=True, language=language)
    return {m.person: m.to_team for m in tags.moves}


@pytest.mark.parametrize(
    ("language", "title", "text", "person"),
    [
        (
            "en",
            "Soudal Quick-Step sign Laurenz Rex",
            "Soudal Quick-Step have signed Laurenz Rex. Biniam Girmay is set to join"
            " the Cycling Academy, the new structure built on the old one.",
            "Biniam Girmay",
        ),
        (
            "fr",
            "Soudal Quick-Step recrute Laurenz Rex",
            "Soudal Quick-Step a recruté Laurenz Rex. Biniam Girmay envisagerait un"
            " transfert vers la Cycling Academy, pour poursuivre sa carrière.",
            "Biniam Girmay",
        ),
    ],
)
def test_a_named_destination_not_read_borrows_no_team(
    tagger: Tagger, language: str, title: str, text: str, person: str
) -> None:
    assert _moves(tagger, language, title, text).get(person) != "Soudal Quick-Step"


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "Kooij changes teams",
            "Olav Kooij joins Decathlon CMA CGM (ex-Decathlon AG2R La Mondiale) in 2026.",
        ),
        (
            "fr",
            "Kooij change d'équipe",
            "Olav Kooij rejoint Decathlon CMA CGM (ex-Decathlon AG2R La Mondiale) en 2026.",
        ),
        (
            "it",
            "Kooij cambia squadra",
            "Olav Kooij passa alla Decathlon CMA CGM, ex-Decathlon AG2R La Mondiale, nel 2026.",
        ),
    ],
)
def test_a_team_given_with_its_old_name_is_that_team(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert _moves(tagger, language, title, text).get("Olav Kooij") == "Decathlon AG2R La Mondiale"


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "fr",
            "Lotto se renforce",
            "Soudal Quick-Step a recruté Laurenz Rex. Florian Sénéchal devrait rejoindre la"
            " nouvelle structure.",
        ),
        (
            "it",
            "La Lotto si rinforza",
            "La Soudal Quick-Step ha ingaggiato Laurenz Rex. Florian Sénéchal dovrebbe"
            " raggiungere la nuova struttura.",
        ),
        (
            "en",
            "Lotto strengthen",
            "Soudal Quick-Step have signed Laurenz Rex. Florian Sénéchal is set to join the"
            " new outfit.",
        ),
    ],
)
def test_a_described_destination_is_the_headline_team_or_none(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert _moves(tagger, language, title, text).get("Florian Sénéchal") in (None, "Lotto")


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "Kooij changes teams",
            "Olav Kooij moves from Visma-Lease a Bike to the French team Decathlon CMA CGM"
            " (formerly Decathlon AG2R La Mondiale).",
        ),
        (
            "fr",
            "Kooij change d'équipe",
            "Olav Kooij quitte Visma-Lease a Bike pour rejoindre Decathlon CMA CGM (auparavant"
            " Decathlon AG2R La Mondiale).",
        ),
    ],
)
def test_an_old_name_after_a_bracket_is_no_history(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert _moves(tagger, language, title, text) == {"Olav Kooij": "Decathlon AG2R La Mondiale"}


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "Girmay changes teams",
            "Biniam Girmay joins the Cycling Academy, ex-Israel-Premier Tech.",
        ),
        (
            "fr",
            "Girmay change d'équipe",
            "Biniam Girmay rejoint la Cycling Academy (auparavant Israel-Premier Tech) en 2026.",
        ),
        (
            "de",
            "Girmay wechselt",
            "Biniam Girmay wechselt zur Cycling Academy (vormals Israel-Premier Tech).",
        ),
    ],
)
def test_a_new_name_the_roster_lacks_is_the_old_one_given_beside_it(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert _moves(tagger, language, title, text) == {"Biniam Girmay": "Israel-Premier Tech"}


@pytest.mark.parametrize(
    ("language", "title", "text", "destination"),
    [
        (
            "en",
            "Girmay changes teams",
            "Biniam Girmay joins the former Israel-Premier Tech outfit.",
            "Israel-Premier Tech",
        ),
        (
            "fr",
            "Girmay change d'équipe",
            "Biniam Girmay rejoint l'ancienne Israel-Premier Tech en 2026.",
            "Israel-Premier Tech",
        ),
        (
            "en",
            "Girmay changes teams",
            "Biniam Girmay joins the former Israel-Premier Tech rider Derek Gee at Cofidis.",
            "Cofidis",
        ),
    ],
)
def test_the_former_team_as_the_destination_is_that_team(
    tagger: Tagger, language: str, title: str, text: str, destination: str
) -> None:
    assert _moves(tagger, language, title, text).get("Biniam Girmay") == destination
