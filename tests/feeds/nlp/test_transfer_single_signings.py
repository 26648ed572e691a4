"""Single signings told in shapes the tagger missed or misread (set 13, issue #13): the
subject after a modal or a verb ("skal han sykle for", "fährt er für"), a nationality or a
team noun between the direction word and the team ("vom belgischen Team X zum deutschen
Rennstall Y"), a move named only as a rumour put to rest ("ending the rumours of a move to
X"), and a subject told after its verb and team ("Correrà con la X il belga Y"). Fresh
sentences in several languages, each shape with a negative."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger

JUNE_2024 = date(2024, 6, 10)
UNO_X = "Uno-X Mobility"
SOUDAL = "Soudal Quick-Step"
RED_BULL = "Bora-Hansgrohe"  # its name in June 2024
MOVISTAR = "Movistar Team"
TUDOR = "Tudor Pro Cycling Team"
EF = "EF Education-EasyPost"


def _moves(tagger: Tagger, text: str, language: str) -> dict[str, tuple[str | None, str | None]]:
    title, body = text.split("\n", 1)
    tags = tagger.tag(title, body, JUNE_2024, language=language)
    return {m.person: (m.from_team, m.to_team) for m in tags.moves}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "no",
            "Overgang klar\nMads Pedersen har signert en ny avtale: de neste to årene skal han "
            "sykle for Uno-X i Tour de France.",
        ),
        (
            "da",
            "Skifte på plads\nMads Pedersen har skrevet under: de næste to år skal han køre for "
            "Uno-X i Tour de France.",
        ),
        (
            "de",
            "Wechsel perfekt\nMads Pedersen hat unterschrieben: ab 2025 fährt er für Uno-X bei "
            "der Tour de France.",
        ),
    ],
)
def test_subject_after_the_modal_or_verb_moves(tagger: Tagger, text: str, language: str) -> None:
    assert _moves(tagger, text, language)["Mads Pedersen"][1] == UNO_X


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "no",
            "Klar for Touren\nMads Pedersen er i form: i juli skal han sykle for seier i Tour "
            "de France, sammen med Uno-X.",
        ),
        (
            "de",
            "Tour-Favorit\nMads Pedersen ist stark: bei der Tour de France fährt er für den "
            "Sieg, nicht für Uno-X.",
        ),
    ],
)
def test_riding_for_a_win_is_no_move(tagger: Tagger, text: str, language: str) -> None:
    assert "Mads Pedersen" not in _moves(tagger, text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "de",
            "Wechsel perfekt\nJulian Alaphilippe wechselt im kommenden Jahr vom belgischen Team "
            "Soudal Quick-Step zum deutschen Rennstall Red Bull-Bora-hansgrohe.",
        ),
        (
            "it",
            "Mercato\nJulian Alaphilippe si trasferisce dalla squadra belga Soudal Quick-Step alla "
            "formazione tedesca Red Bull-Bora-hansgrohe.",
        ),
        (
            "pt",
            "Transferência\nJulian Alaphilippe muda-se da equipa belga Soudal Quick-Step para a "
            "formação alemã Red Bull-Bora-hansgrohe.",
        ),
    ],
)
def test_a_described_origin_is_left_not_joined(tagger: Tagger, text: str, language: str) -> None:
    assert _moves(tagger, text, language)["Julian Alaphilippe"] == (SOUDAL, RED_BULL)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Contracts\nWout van Aert signed a contract for life with Visma, ending the "
            "rumours of a move to Red Bull-Bora-hansgrohe.",
        ),
        (
            "it",
            "Ciclomercato\nWout van Aert ha firmato con la Visma, che ha così allontanato le "
            "voci di un suo passaggio alla Red Bull-Bora-hansgrohe.",
        ),
        (
            "fr",
            "Mercato\nWout van Aert a signé avec Visma, mettant fin aux rumeurs d’un "
            "transfert chez Red Bull-Bora-hansgrohe.",
        ),
        (
            "es",
            "Mercado\nWout van Aert firmó con Visma, acabando con los rumores de un fichaje "
            "por el Red Bull-Bora-hansgrohe.",
        ),
        (
            "de",
            "Vertrag\nWout van Aert unterschrieb bei Visma und beendet damit die Gerüchte über "
            "einen Wechsel zu Red Bull-Bora-hansgrohe.",
        ),
        (
            "nl",
            "Contract\nWout van Aert tekende bij Visma en maakte een einde aan de geruchten "
            "over een overstap naar Red Bull-Bora-hansgrohe.",
        ),
        (
            "pt",
            "Mercado\nWout van Aert assinou com a Visma, acabando com os rumores de uma "
            "transferência para a Red Bull-Bora-hansgrohe.",
        ),
    ],
)
def test_a_rumour_put_to_rest_is_no_move(tagger: Tagger, text: str, language: str) -> None:
    moved = _moves(tagger, text, language).get("Wout van Aert")
    assert moved is None or moved[1] != RED_BULL


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Move\nEnding months of speculation, Wout van Aert joins Red Bull-Bora-hansgrohe.",
        ),
        (
            "it",
            "Mercato\nDopo settimane di voci su un passaggio, Wout van Aert firma con la Red "
            "Bull-Bora-hansgrohe.",
        ),
    ],
)
def test_a_move_after_the_rumours_still_moves(tagger: Tagger, text: str, language: str) -> None:
    assert _moves(tagger, text, language)["Wout van Aert"][1] == RED_BULL


@pytest.mark.parametrize(
    ("language", "text", "person", "team"),
    [
        (
            "it",
            "Mercato\nEnric Mas è uno dei corridori più attesi. Correrà invece per due anni "
            "con la Tudor Pro Cycling il belga classe 2001 Arnaud De Lie.",
            "Arnaud De Lie",
            TUDOR,
        ),
        (
            "es",
            "Mercado\nEnric Mas es uno de los corredores más esperados. Correrá con el "
            "Movistar Team el colombiano de 24 años Santiago Buitrago.",
            "Santiago Buitrago",
            MOVISTAR,
        ),
        (
            "pt",
            "Mercado\nEnric Mas é um dos corredores mais esperados. Vai correr pela Tudor Pro "
            "Cycling o belga Arnaud De Lie.",
            "Arnaud De Lie",
            TUDOR,
        ),
    ],
)
def test_subject_described_after_verb_and_team(
    tagger: Tagger, text: str, language: str, person: str, team: str
) -> None:
    moves = _moves(tagger, text, language)
    assert moves[person][1] == team
    assert "Enric Mas" not in moves


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "es",
            "Carrera\nEnric Mas está en forma. Correrá con el Movistar Team la Vuelta junto "
            "al colombiano Santiago Buitrago.",
        ),
        (
            "it",
            "Corsa\nEnric Mas è in forma. Correrà con la Movistar il Giro d'Italia, con il "
            "colombiano Santiago Buitrago.",
        ),
    ],
)
def test_a_race_after_the_team_is_no_subject(tagger: Tagger, text: str, language: str) -> None:
    assert "Santiago Buitrago" not in _moves(tagger, text, language)


def test_joining_told_with_stossen_zu(tagger: Tagger) -> None:
    text = "Wechsel\nIm nächsten Jahr stößt Egan Bernal zum Team EF Education-EasyPost."
    assert _moves(tagger, text, "de")["Egan Bernal"][1] == EF


def test_stossen_auf_is_no_move(tagger: Tagger) -> None:
    text = (
        "Rennen\nEgan Bernal stößt bei EF Education-EasyPost auf Probleme, die zum "
        "Rücktritt führen."
    )
    assert "Egan Bernal" not in _moves(tagger, text, "de")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Matteo Tosatto quitte Ineos Grenadiers\nLe directeur sportif aurait démissionné après "
            "le Tour de France.",
        ),
        (
            "en",
            "Matteo Tosatto leaves Ineos Grenadiers\nThe sports director is said to have resigned "
            "after the Tour de France.",
        ),
        (
            "it",
            "Matteo Tosatto lascia la Ineos Grenadiers\nIl direttore sportivo si sarebbe dimesso "
            "dopo il Tour de France.",
        ),
    ],
)
def test_an_exit_told_by_the_headline_takes_the_hedge_of_the_lede(
    tagger: Tagger, text: str, language: str
) -> None:
    moves = [m for m in tagger.tag(*text.split("\n", 1), JUNE_2024, language=language).moves]
    assert [(m.person, m.to_team, m.status) for m in moves] == [("Matteo Tosatto", None, "rumour")]


def test_an_exit_the_team_confirms_stays_confirmed(tagger: Tagger) -> None:
    title = "Matteo Tosatto leaves Ineos Grenadiers"
    body = (
        "The team confirmed on Monday that the sports director resigned after the Tour de France."
    )
    moves = tagger.tag(title, body, JUNE_2024, language="en").moves
    assert [(m.person, m.to_team, m.status) for m in moves] == [
        ("Matteo Tosatto", None, "confirmed")
    ]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "es",
            "Ciclismo\nEl Movistar Team ha despedido a Enric Mas, que no renueva para 2025. "
            "Corrió el Tour de Francia.",
        ),
        (
            "it",
            "Ciclismo\nLa Movistar Team ha licenziato Enric Mas, che non rinnova per il 2025. Ha "
            "corso il Tour de France.",
        ),
    ],
)
def test_a_renewal_turned_down_is_no_stay(tagger: Tagger, text: str, language: str) -> None:
    assert _moves(tagger, text, language)["Enric Mas"] == ("Movistar Team", None)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Ciclismo\nEnric Mas renueva con el Movistar Team para 2025. Corrió el Tour."),
        ("it", "Ciclismo\nEnric Mas rinnova con la Movistar Team per il 2025. Ha corso il Tour."),
    ],
)
def test_a_renewal_is_a_stay(tagger: Tagger, text: str, language: str) -> None:
    assert "Enric Mas" not in _moves(tagger, text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "es",
            "Fichajes\nEgan Bernal (de Ineos a EF Education-EasyPost). El colombiano es el "
            "fichaje de más renombre.",
        ),
        (
            "en",
            "Signings\nEgan Bernal (from Ineos to EF Education-EasyPost). The Colombian is the "
            "biggest signing.",
        ),
        (
            "nl",
            "Transfers\nEgan Bernal (van Ineos naar EF Education-EasyPost). De Colombiaan is de "
            "grootste aanwinst.",
        ),
    ],
)
def test_a_bracket_that_says_from_and_to(tagger: Tagger, text: str, language: str) -> None:
    assert _moves(tagger, text, language)["Egan Bernal"] == ("Ineos Grenadiers", EF)


def test_a_bracket_of_current_teams_is_no_move(tagger: Tagger) -> None:
    text = (
        "Results\nEgan Bernal (Ineos Grenadiers) beat Richard Carapaz (EF Education-EasyPost) "
        "on the stage."
    )
    assert _moves(tagger, text, "en") == {}


def test_another_signing_is_not_the_rider_who_leaves(tagger: Tagger) -> None:
    text = (
        "Fichajes\nEnric Mas deja el Ineos Grenadiers. Mientras Mas se va, el equipo "
        "británico se refuerza con otro joven de la cantera."
    )
    assert _moves(tagger, text, "es").get("Enric Mas", (None, None))[1] != "Ineos Grenadiers"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Fichajes\nEgan Bernal corre en Colombia. El Movistar Team se refuerza con Bernal."),
        ("en", "Signings\nEgan Bernal races in Colombia. Movistar Team have signed Bernal."),
    ],
)
def test_a_team_verb_still_takes_the_named_rider(tagger: Tagger, text: str, language: str) -> None:
    assert _moves(tagger, text, language)["Egan Bernal"][1] == "Movistar Team"


@pytest.mark.parametrize(
    ("language", "text", "person", "team"),
    [
        (
            "en",
            "Move\nBen O'Connor comes home to Jayco AlUla after two years at Decathlon.",
            "Ben O'Connor",
            "Team Jayco AlUla",
        ),
        (
            "sl",
            "Prestop\nBen O'Connor je osvojil četrto mesto na Giru. 29-letnik se vrača domov k "
            "avstralski ekipi Jayco AlUla.",
            "Ben O'Connor",
            "Team Jayco AlUla",
        ),
        (
            "no",
            "Overgang\nTobias Foss kommer hjem til Uno-X etter to år i Ineos Grenadiers.",
            "Tobias Foss",
            UNO_X,
        ),
        (
            "da",
            "Skifte\nMads Pedersen vender hjem til Uno-X efter Tour de France.",
            "Mads Pedersen",
            UNO_X,
        ),
    ],
)
def test_coming_home_to_a_team(
    tagger: Tagger, text: str, language: str, person: str, team: str
) -> None:
    assert _moves(tagger, text, language)[person][1] == team


def test_coming_home_to_a_welcome_is_no_move(tagger: Tagger) -> None:
    text = "Race\nBen O'Connor came home to a hero's welcome after the Tour de France."
    assert _moves(tagger, text, "en") == {}
