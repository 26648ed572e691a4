"""The R6 review's transfer findings (issue #13), each shape on fresh sentences in two
languages or more: "as does" words that compare, quote or exclude move nobody; one
arrival in one bracket leaves the brackets naming a person's own team alone; an
announcement confirms only when it is the team's."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger

AUTUMN_2025 = date(2025, 10, 15)
DECATHLON = "Decathlon AG2R La Mondiale"


def _moves(tagger: Tagger, text: str) -> dict[str, tuple[str | None, str]]:
    title, body = text.split("\n", 1)
    return {m.person: (m.to_team, m.status) for m in tagger.tag(title, body, AUTUMN_2025).moves}


# --- "as does": only a bare list of names ending the clause moves ----------------------


@pytest.mark.parametrize(
    "text",
    [
        # a person quoted or predicting, with a verb of their own
        "Decathlon sign\nTiesj Benoot joins Decathlon AG2R La Mondiale, as has been "
        "announced by Primož Roglič.",
        "Decathlon recrute\nTiesj Benoot rejoint Decathlon AG2R La Mondiale, tout comme "
        "l'avait annoncé Primož Roglič.",
        "Decathlon ficha\nTiesj Benoot ficha por el Decathlon AG2R La Mondiale, al igual que "
        "había anunciado Primož Roglič.",
        "Decathlon\nTiesj Benoot tekent bij Decathlon AG2R La Mondiale, net als Primož Roglič "
        "al had voorspeld.",
        "Decathlon\nTiesj Benoot wechselt zu Decathlon AG2R La Mondiale, genauso wie es "
        "Primož Roglič angekündigt hatte.",
        # excluded: "but not"
        "Decathlon sign\nTiesj Benoot joins Decathlon AG2R La Mondiale, as does his "
        "coach, but not Primož Roglič.",
        "Decathlon ficha\nTiesj Benoot ficha por el Decathlon AG2R La Mondiale, al igual que "
        "su entrenador, pero no Primož Roglič.",
        # a comparison: "at his age", a description before the word
        "Decathlon sign\nTiesj Benoot joins Decathlon AG2R La Mondiale with a plan, just "
        "like Primož Roglič at his age.",
        "Decathlon\nTiesj Benoot tekent bij Decathlon AG2R La Mondiale met een plan, net "
        "als Primož Roglič op zijn leeftijd.",
        "Decathlon\nTiesj Benoot wechselt zu Decathlon AG2R La Mondiale, ein Kletterer "
        "genauso wie Primož Roglič.",
        # another clause: "while A stays"
        "Decathlon sign\nTiesj Benoot joins Decathlon AG2R La Mondiale, as does his coach, "
        "while Primož Roglič stays.",
    ],
)
def test_as_does_before_a_quote_an_exclusion_or_a_comparison_moves_nobody(
    tagger: Tagger, text: str
) -> None:
    moves = _moves(tagger, text)
    assert "Primož Roglič" not in moves
    assert moves["Tiesj Benoot"][0] == DECATHLON  # the subject's own move is kept


@pytest.mark.parametrize(
    "text",
    [
        "Decathlon sign\nTiesj Benoot joins Decathlon AG2R La Mondiale, as do the climber "
        "Matthew Riccitello and Olav Kooij, but not Primož Roglič.",
        "Decathlon recrute\nTiesj Benoot rejoint Decathlon AG2R La Mondiale, tout comme le "
        "grimpeur Matthew Riccitello et Olav Kooij, mais pas Primož Roglič.",
        "Decathlon\nTiesj Benoot wechselt zu Decathlon AG2R La Mondiale, ebenso wie Matthew "
        "Riccitello und Olav Kooij, aber nicht Primož Roglič.",
    ],
)
def test_a_bare_list_after_as_does_still_moves_and_the_excluded_name_does_not(
    tagger: Tagger, text: str
) -> None:
    moves = _moves(tagger, text)
    assert {p: to for p, (to, _) in moves.items()} == {
        "Tiesj Benoot": DECATHLON,
        "Matthew Riccitello": DECATHLON,
        "Olav Kooij": DECATHLON,
    }


@pytest.mark.parametrize(
    "text",
    [
        "Decathlon recrute\nTiesj Benoot a signé avec Decathlon AG2R La Mondiale, tout comme "
        "le jeune sprinteur néerlandais Olav Kooij (24 ans), en provenance de Visma, et "
        "l'Américain Matthew Riccitello (23 ans, Israel), selon un communiqué.",
        "Decathlon sign\nTiesj Benoot has signed with Decathlon AG2R La Mondiale, as have the "
        "young Dutch sprinter Olav Kooij (24), from Visma, and the American Matthew "
        "Riccitello (23, Israel), according to a press release.",
    ],
)
def test_names_described_with_asides_between_them_are_still_a_list(
    tagger: Tagger, text: str
) -> None:
    moves = _moves(tagger, text)
    assert {p: to for p, (to, _) in moves.items()} == {
        "Tiesj Benoot": DECATHLON,
        "Olav Kooij": DECATHLON,
        "Matthew Riccitello": DECATHLON,
    }


# --- brackets: one arrival in one bracket, the others the person's own team -------------


@pytest.mark.parametrize(
    "text",
    [
        "Ineos departures\nLeaving Ineos: Tom Pidcock (joins Q36.5), Geraint Thomas (Ineos "
        "Grenadiers until 2025) and Filippo Ganna (Ineos Grenadiers).",
        "Départs chez Ineos\nDépart d'Ineos : Tom Pidcock (rejoint Q36.5), Geraint Thomas "
        "(Ineos Grenadiers jusqu'en 2025) et Filippo Ganna (Ineos Grenadiers).",
    ],
)
def test_brackets_naming_a_person_s_own_team_are_no_destinations(tagger: Tagger, text: str) -> None:
    moves = _moves(tagger, text)
    assert "Geraint Thomas" not in moves
    assert "Filippo Ganna" not in moves


def test_brackets_naming_other_teams_beside_an_arrival_still_are_destinations(
    tagger: Tagger,
) -> None:
    moves = _moves(
        tagger,
        "Market\nRiders such as Juan Ayuso (headed to Lidl-Trek), Jasper Stuyven (Soudal "
        "Quick-Step) and Tiesj Benoot (Decathlon) have already secured moves.",
    )
    assert {p: to for p, (to, _) in moves.items()} == {
        "Juan Ayuso": "Lidl-Trek",
        "Jasper Stuyven": "Soudal Quick-Step",
        "Tiesj Benoot": DECATHLON,
    }


# --- an announcement as the source: the team's, never an agent's ------------------------


@pytest.mark.parametrize(
    ("team_s", "agent_s"),
    [
        (
            "Transfer\nFelix Gall joins Lidl-Trek, according to a press release.",
            "Transfer\nFelix Gall joins Lidl-Trek, according to a press release from his agent.",
        ),
        (
            "Fichaje\nFelix Gall ficha por Lidl-Trek, según un comunicado.",
            "Fichaje\nFelix Gall ficha por Lidl-Trek, según un comunicado de su agente.",
        ),
        (
            "Transfert\nFelix Gall rejoint Lidl-Trek, selon un communiqué.",
            "Transfert\nFelix Gall rejoint Lidl-Trek, selon un communiqué de son agent.",
        ),
        (
            "Wechsel\nFelix Gall wechselt zu Lidl-Trek, laut einer Pressemitteilung.",
            "Wechsel\nFelix Gall wechselt zu Lidl-Trek, laut einer Pressemitteilung seines "
            "Managers.",
        ),
    ],
)
def test_an_announcement_confirms_only_when_it_is_the_team_s(
    tagger: Tagger, team_s: str, agent_s: str
) -> None:
    assert _moves(tagger, team_s)["Felix Gall"] == ("Lidl-Trek", "confirmed")
    assert _moves(tagger, agent_s)["Felix Gall"] == ("Lidl-Trek", "rumour")


def test_an_announcement_from_the_team_named_by_its_noun_confirms(tagger: Tagger) -> None:
    text = "Transfer\nFelix Gall joins Lidl-Trek, according to a press release from the team."
    assert _moves(tagger, text)["Felix Gall"] == ("Lidl-Trek", "confirmed")
