"""Round-ups and lists read from set 11's misses (issue #13): brackets that say where each
person goes, a colon followed by a clause, a headline's colon, an extension before a list,
signings told together ("as do A and B"), group nouns the lexicons lacked, and a status
named by an announcement or by a team with its owner. Fresh sentences, each shape in two
languages or more, with the shape that must not be read."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger

LATE_2025 = date(2025, 10, 15)
SEPT_2024 = date(2024, 9, 10)
DEC_2022 = date(2022, 12, 12)
AUG_2024 = date(2024, 8, 20)
DECATHLON = "Decathlon AG2R La Mondiale"


def _moves(tagger: Tagger, text: str, published: date) -> dict[str, tuple[str | None, str]]:
    title, body = text.split("\n", 1)
    return {m.person: (m.to_team, m.status) for m in tagger.tag(title, body, published).moves}


def _teams(tagger: Tagger, text: str, published: date) -> dict[str, str | None]:
    return {person: to for person, (to, _) in _moves(tagger, text, published).items()}


@pytest.mark.parametrize(
    "text",
    [
        "Team folds, riders move on\nRiders such as Juan Ayuso (headed to Lidl-Trek), Jasper "
        "Stuyven (Soudal Quick-Step) and Tiesj Benoot (Decathlon) have already secured moves "
        "for next season.",
        "L'équipe disparaît\nDes coureurs comme Juan Ayuso (en route vers Lidl-Trek), Jasper "
        "Stuyven (Soudal Quick-Step) et Tiesj Benoot (Decathlon) ont déjà trouvé une équipe "
        "pour la saison prochaine.",
        "El equipo desaparece\nCorredores como Juan Ayuso (rumbo a Lidl-Trek), Jasper Stuyven "
        "(Soudal Quick-Step) y Tiesj Benoot (Decathlon) ya tienen equipo para la próxima "
        "temporada.",
    ],
)
def test_an_arrival_in_a_bracket_makes_every_bracket_a_destination(
    tagger: Tagger, text: str
) -> None:
    assert _teams(tagger, text, LATE_2025) == {
        "Juan Ayuso": "Lidl-Trek",
        "Jasper Stuyven": "Soudal Quick-Step",
        "Tiesj Benoot": DECATHLON,
    }


def test_brackets_without_an_arrival_in_them_stay_where_each_comes_from(tagger: Tagger) -> None:
    moves = _teams(
        tagger,
        "Soudal Quick-Step's market\nSoudal Quick-Step have confirmed their newcomers: Jasper "
        "Stuyven (Lidl-Trek) and Dylan van Baarle (Visma).",
        LATE_2025,
    )
    assert moves == {"Jasper Stuyven": "Soudal Quick-Step", "Dylan van Baarle": "Soudal Quick-Step"}


@pytest.mark.parametrize(
    "text",
    [
        "Mercato : un transfert en cascade ?\nLe transfert aurait vite des conséquences : selon "
        "la presse belge, une signature de Remco Evenepoel pousserait Primoz Roglic vers Ineos.",
        "Mercado\nEl fichaje tendría consecuencias: según la prensa belga, la firma de Remco "
        "Evenepoel empujaría a Primoz Roglic hacia el Ineos.",
    ],
)
def test_a_colon_before_a_clause_lists_nobody(tagger: Tagger, text: str) -> None:
    # only the person the team follows goes there, not the one whose signing pushes him
    moves = _teams(tagger, text, SEPT_2024)
    assert "Remco Evenepoel" not in moves
    assert moves.get("Primož Roglič") == "Ineos Grenadiers"


def test_a_colon_before_names_with_a_description_is_still_a_list(tagger: Tagger) -> None:
    moves = _teams(
        tagger,
        "Lidl-Trek confirm two signings\nTwo riders will join Lidl-Trek next season: the "
        "Spanish climber Juan Ayuso and Derek Gee.",
        LATE_2025,
    )
    assert moves == {"Juan Ayuso": "Lidl-Trek", "Derek Gee": "Lidl-Trek"}


@pytest.mark.parametrize(
    "text",
    [
        "Zwölf neue Fahrer: Fabian Cancellara baut um\nDas Tudor Pro Cycling Team stellt sich "
        "für die neue Saison auf.",
        "Douze nouveaux coureurs : Fabian Cancellara remodèle son équipe\nLe Tudor Pro Cycling "
        "Team se prépare pour la nouvelle saison.",
        "Twaalf nieuwe renners: Fabian Cancellara bouwt zijn ploeg om\nTudor Pro Cycling Team "
        "bereidt zich voor op het nieuwe seizoen.",
    ],
)
def test_a_headline_colon_closes_its_group_noun(tagger: Tagger, text: str) -> None:
    assert "Fabian Cancellara" not in _teams(tagger, text, DEC_2022)


@pytest.mark.parametrize(
    "text",
    [
        "Decathlon annonce ses recrues\nDecathlon AG2R La Mondiale a recruté Tiesj Benoot. Ces "
        "recrues s'accompagnent de la prolongation de deux cadres : Pello Bilbao et Mikel Landa "
        "jusqu'en 2027.",
        "Decathlon's market\nDecathlon AG2R La Mondiale signed Tiesj Benoot. The new signings "
        "come with the extension of two leaders: Pello Bilbao and Mikel Landa until 2027.",
    ],
)
def test_names_after_an_extension_are_no_newcomers(tagger: Tagger, text: str) -> None:
    assert _teams(tagger, text, LATE_2025) == {"Tiesj Benoot": DECATHLON}


@pytest.mark.parametrize(
    "text",
    [
        "Decathlon recrute\nTiesj Benoot a signé pour trois saisons avec Decathlon AG2R La "
        "Mondiale, tout comme le sprinteur néerlandais Olav Kooij (24 ans) et Matthew "
        "Riccitello.",
        "Decathlon sign\nTiesj Benoot joins Decathlon AG2R La Mondiale, as do Olav Kooij and "
        "Matthew Riccitello.",
        "Decathlon, colpi di mercato\nTiesj Benoot ha firmato con la Decathlon AG2R La Mondiale, "
        "così come Olav Kooij e Matthew Riccitello.",
    ],
)
def test_signings_told_together_go_to_the_same_team(tagger: Tagger, text: str) -> None:
    assert _teams(tagger, text, LATE_2025) == {
        "Tiesj Benoot": DECATHLON,
        "Olav Kooij": DECATHLON,
        "Matthew Riccitello": DECATHLON,
    }


@pytest.mark.parametrize(
    "text",
    [
        # an example from the past
        "Decathlon sign\nTiesj Benoot joins Decathlon AG2R La Mondiale, just like Felix Gall "
        "did in 2020.",
        "Decathlon recrute\nTiesj Benoot rejoint Decathlon AG2R La Mondiale, tout comme Felix "
        "Gall en 2020.",
    ],
)
def test_as_does_with_a_past_year_is_no_news(tagger: Tagger, text: str) -> None:
    assert "Felix Gall" not in _teams(tagger, text, LATE_2025)


def test_as_does_after_a_stay_moves_nobody(tagger: Tagger) -> None:
    assert (
        _teams(
            tagger,
            "Visma keep\nWout van Aert stays with Visma, as does Olav Kooij.",
            date(2024, 10, 15),
        )
        == {}
    )


@pytest.mark.parametrize(
    "text",
    [
        "Decathlon\nLa squadra francese ha annunciato i suoi acquisti. Tra gli altri volti nuovi "
        "annunciati dalla Decathlon AG2R La Mondiale ci sono anche Tiesj Benoot e Matthew "
        "Riccitello.",
        "Decathlon spending\nDecathlon AG2R La Mondiale has been busy: its eight acquisitions "
        "include Tiesj Benoot (from Visma) and Matthew Riccitello.",
    ],
)
def test_group_nouns_new_faces_and_acquisitions(tagger: Tagger, text: str) -> None:
    assert _teams(tagger, text, LATE_2025) == {
        "Tiesj Benoot": DECATHLON,
        "Matthew Riccitello": DECATHLON,
    }


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Soudal recrute\nJasper Stuyven a signé pour deux saisons avec Soudal Quick-Step, "
            "selon un communiqué.",
            "confirmed",
        ),
        (
            "Fichaje\nJasper Stuyven ha firmado por dos temporadas con el Soudal Quick-Step, "
            "según un comunicado.",
            "confirmed",
        ),
        # a newspaper named as the source is still a report
        (
            "Mercato\nJasper Stuyven a signé pour deux saisons avec Soudal Quick-Step, selon "
            "L'Équipe.",
            "rumour",
        ),
    ],
)
def test_an_announcement_named_as_the_source_confirms(
    tagger: Tagger, text: str, status: str
) -> None:
    assert _moves(tagger, text, LATE_2025)["Jasper Stuyven"] == ("Soudal Quick-Step", status)


@pytest.mark.parametrize(
    "text",
    [
        "Neue Fahrer\nDas Team Tudor von Fabian Cancellara meldet die Verpflichtung von Marc "
        "Hirschi.",
        "Nieuwe renner\nHet team Tudor van Fabian Cancellara meldt de komst van Marc Hirschi.",
    ],
)
def test_a_team_with_its_owner_before_a_reporting_verb_announces(tagger: Tagger, text: str) -> None:
    assert _moves(tagger, text, AUG_2024)["Marc Hirschi"] == ("Tudor Pro Cycling Team", "confirmed")


@pytest.mark.parametrize(
    ("text", "moves"),
    [
        (
            "El Movistar Team busca refuerzos\nEl Movistar Team quiere fichar. Richard Carapaz "
            "podría recalar en otro equipo el año que viene.",
            {},
        ),
        (
            "Movistar Team look for reinforcements\nMovistar Team want to sign riders. Richard "
            "Carapaz could move to another team next year.",
            {},
        ),
        # a team described without "other" is still the headline's
        (
            "Movistar Team sign Richard Carapaz\nRichard Carapaz will join the Spanish team next "
            "year.",
            {"Richard Carapaz": "Movistar Team"},
        ),
        (
            "El Movistar Team ficha a Richard Carapaz\nRichard Carapaz fichará por el equipo "
            "español el año que viene.",
            {"Richard Carapaz": "Movistar Team"},
        ),
    ],
)
def test_another_team_borrows_none_of_the_story(
    tagger: Tagger, text: str, moves: dict[str, str]
) -> None:
    assert _teams(tagger, text, date(2024, 10, 1)) == moves
