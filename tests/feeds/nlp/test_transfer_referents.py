"""People named by a pronoun or a description, followers, staff appointed by role and
single-signing vocabulary (docs/TRANSFERS.md, "People named by pronoun or description,
staff by role (issue #13)"). Fresh sentences, each shape in two languages or more, with the
shapes that must not give a move.
"""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger

PUBLISHED = date(2025, 10, 20)


def _moves(tagger: Tagger, language: str, title: str, text: str) -> dict[str, str | None]:
    tags = tagger.tag(title, text, PUBLISHED, feed_is_cycling=True, language=language)
    return {m.person: m.to_team for m in tags.moves}


# --- A pronoun as a team verb's object ---------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "Market news of the week",
            "Mattias Skjelmose has left his old team after a hard season. Reports say"
            " Movistar Team will sign him before the winter camp.",
        ),
        (
            "es",
            "Novedades del mercado",
            "Mattias Skjelmose deja su antiguo equipo tras una temporada dura. Según la"
            " prensa danesa, el Movistar Team lo ha fichado para dos temporadas.",
        ),
        (
            "fr",
            "Les nouvelles du marché",
            "Mattias Skjelmose quitte son ancienne équipe après une saison difficile. Selon"
            " la presse danoise, Movistar Team l'a recruté pour deux saisons.",
        ),
    ],
)
def test_a_pronoun_object_is_the_one_person_in_play(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert _moves(tagger, language, title, text).get("Mattias Skjelmose") == "Movistar Team"


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "nl",
            "Transfernieuws",
            "Mattias Skjelmose verlaat zijn oude ploeg na een zwaar seizoen. Movistar Team"
            " heeft hem vastgelegd voor twee seizoenen.",
        ),
        (
            "it",
            "Mercato",
            "Mattias Skjelmose lascia la sua vecchia squadra dopo una stagione difficile. La"
            " Movistar Team lo ha ingaggiato per due stagioni.",
        ),
    ],
)
def test_a_pronoun_object_before_a_verb_final_or_clitic_verb(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert _moves(tagger, language, title, text).get("Mattias Skjelmose") == "Movistar Team"


def test_a_possessive_is_no_pronoun_object(tagger: Tagger) -> None:
    moves = _moves(
        tagger,
        "en",
        "Market news",
        "Mattias Skjelmose has left his old team. Movistar Team signed her first contract"
        " last year.",
    )
    assert "Mattias Skjelmose" not in moves


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "Market news of the week",
            "Mattias Skjelmose and Mads Pedersen have talked about the future after a hard"
            " season. Reports say Movistar Team will sign him before the winter camp.",
        ),
        (
            "es",
            "Novedades del mercado",
            "Mattias Skjelmose y Mads Pedersen hablaron del futuro tras una temporada dura."
            " Según la prensa danesa, el Movistar Team lo ha fichado para dos temporadas.",
        ),
    ],
)
def test_a_pronoun_with_two_people_in_play_names_nobody(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    moves = _moves(tagger, language, title, text)
    assert moves.get("Mattias Skjelmose") != "Movistar Team"
    assert moves.get("Mads Pedersen") != "Movistar Team"


# --- A description or no subject: the one person in play ---------------------------------


@pytest.mark.parametrize(
    ("language", "title", "text", "person", "team"),
    [
        (
            "fr",
            "Le point sur le mercato",
            "C'est le cas de Mattias Skjelmose. Le grimpeur danois de 25 ans, déçu après"
            " sa brouille avec Mads Pedersen et sa saison blanche, rejoint Movistar Team"
            " dès le mois prochain.",
            "Mattias Skjelmose",
            "Movistar Team",
        ),
        (
            "en",
            "Market round-up",
            "That is the case of Mattias Skjelmose. The 25-year-old climber, unhappy after"
            " the row with Mads Pedersen and a season without wins, joins Movistar Team"
            " next month.",
            "Mattias Skjelmose",
            "Movistar Team",
        ),
        (
            "da",
            "Dansk stortalent skifter til Movistar Team",
            "Det blev Movistar Team, der vandt kampen om Mattias Skjelmose. Han glæder sig"
            " til at komme i gang.",
            "Mattias Skjelmose",
            "Movistar Team",
        ),
        (
            "en",
            "Danish talent joins Movistar Team",
            "Movistar Team won the race for Mattias Skjelmose. He is looking forward to it.",
            "Mattias Skjelmose",
            "Movistar Team",
        ),
    ],
)
def test_a_description_stands_for_the_one_person_in_play(
    tagger: Tagger, language: str, title: str, text: str, person: str, team: str
) -> None:
    assert _moves(tagger, language, title, text).get(person) == team


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "fr",
            "Le point sur le mercato",
            "C'est le cas de Mattias Skjelmose et de Mads Pedersen. Le grimpeur danois de"
            " 25 ans, déçu après sa saison blanche et la brouille avec son équipe,"
            " rejoint Movistar Team dès le mois prochain.",
        ),
        (
            "da",
            "Dansk stortalent skifter til Movistar Team",
            "Det blev Movistar Team, der vandt kampen om Mattias Skjelmose, mens Mads"
            " Pedersen bliver.",
        ),
    ],
)
def test_a_description_with_two_people_in_play_names_nobody(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    moves = _moves(tagger, language, title, text)
    assert moves.get("Mattias Skjelmose") != "Movistar Team"
    assert moves.get("Mads Pedersen") != "Movistar Team"


# --- A following move ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "Big winter for Movistar Team",
            "Mattias Skjelmose moves to Movistar Team, taking with him his loyal teammate"
            " Mads Pedersen.",
        ),
        (
            "it",
            "Grande inverno per la Movistar",
            "Mattias Skjelmose passa alla Movistar Team e porterà con sé il fidato"
            " compagno Mads Pedersen.",
        ),
        (
            "de",
            "Großer Winter für Movistar",
            "Mattias Skjelmose wechselt zu Movistar Team und nimmt seinen Teamkollegen Mads"
            " Pedersen mit.",
        ),
        (
            "da",
            "Stor vinter for Movistar",
            "Mattias Skjelmose skifter til Movistar Team og tager holdkammeraten Mads"
            " Pedersen med sig.",
        ),
        (
            "nl",
            "Grote winter voor Movistar",
            "Mattias Skjelmose trekt naar Movistar Team en neemt zijn ploegmaat Mads Pedersen mee.",
        ),
    ],
)
def test_a_follower_goes_where_the_leader_goes(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    moves = _moves(tagger, language, title, text)
    assert moves.get("Mattias Skjelmose") == "Movistar Team"
    assert moves.get("Mads Pedersen") == "Movistar Team"


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "Big winter for Movistar Team",
            "Mattias Skjelmose moves to Movistar Team, taking with him the hopes of a"
            " whole nation. Mads Pedersen wished him well.",
        ),
        (
            "it",
            "Grande inverno",
            "Mattias Skjelmose passa alla Movistar Team e Remco Evenepoel alla Red Bull,"
            " che porterà con sé il fidato compagno Mads Pedersen.",
        ),
    ],
)
def test_no_follower_without_a_person_taken_or_one_leader(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert _moves(tagger, language, title, text).get("Mads Pedersen") != "Movistar Team"


# --- Staff appointed by role ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "text", "people", "team"),
    [
        (
            "no",
            "Nytt i Uno-X",
            "Uno-X bekrefter mandag at Marc Wauters blir ny teamsjef.",
            ("Marc Wauters",),
            "Uno-X Mobility",
        ),
        (
            "en",
            "Staff news",
            "Marc Wauters and Nikolas Maes become sports directors at Uno-X Mobility.",
            ("Marc Wauters", "Nikolas Maes"),
            "Uno-X Mobility",
        ),
        (
            "pt",
            "Uno-X Mobility muda a direção",
            "Marc Wauters e Nikolas Maes serão diretores esportivos da equipa norueguesa no"
            " próximo ano.",
            ("Marc Wauters", "Nikolas Maes"),
            "Uno-X Mobility",
        ),
    ],
)
def test_staff_appointed_by_role(
    tagger: Tagger, language: str, title: str, text: str, people: tuple[str, ...], team: str
) -> None:
    moves = _moves(tagger, language, title, text)
    assert {p: moves.get(p) for p in people} == dict.fromkeys(people, team)


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "Staff news",
            "Marc Wauters, who became sports director at Uno-X Mobility in 2019, watched"
            " the race from the car.",
        ),
        (
            "en",
            "Staff news",
            "Marc Wauters will not become sports director at Uno-X Mobility.",
        ),
    ],
)
def test_no_appointment_in_a_relative_clause_or_denied(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert _moves(tagger, language, title, text).get("Marc Wauters") != "Uno-X Mobility"


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "no",
            "Ny sjef i Uno-X",
            "Marc Wauters overtar etter Gabriel Rasch som øverste sjef for Uno-X Mobility.",
        ),
        (
            "fr",
            "Changement à la tête d'Uno-X",
            "Marc Wauters succède à Gabriel Rasch comme manager général d'Uno-X Mobility.",
        ),
    ],
)
def test_a_succession_is_one_arrival_and_one_departure(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    moves = _moves(tagger, language, title, text)
    assert moves.get("Marc Wauters") == "Uno-X Mobility"
    assert "Gabriel Rasch" in moves and moves["Gabriel Rasch"] is None


def test_riders_replacing_each_other_in_a_race_are_no_succession(tagger: Tagger) -> None:
    moves = _moves(
        tagger,
        "en",
        "Tour line-up",
        "Mattias Skjelmose replaces Mads Pedersen in the line-up of Lidl-Trek.",
    )
    assert "Mads Pedersen" not in moves


# --- Single-signing vocabulary ------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "text", "team"),
    [
        ("it", "Mercato", "Mattias Skjelmose è diretto alla Movistar Team.", "Movistar Team"),
        (
            "it",
            "Mercato",
            "Mattias Skjelmose ha annunciato un contratto per il 2026 con la Movistar Team.",
            "Movistar Team",
        ),
        ("fr", "Mercato", "Mattias Skjelmose, annoncé chez Movistar Team, s'entraîne.", None),
        ("pt", "Mercado", "Mattias Skjelmose está a ser apontado à Movistar Team.", None),
        (
            "sl",
            "Prestop",
            "Mattias Skjelmose je sklenil dvoletno sodelovanje z ekipo Movistar Team.",
            None,
        ),
        ("es", "Mercado", "Mattias Skjelmose fue oficializado por el Movistar Team.", None),
        ("no", "Overgang", "Mattias Skjelmose gjør comeback i Movistar Team.", None),
        ("fr", "Mercato", "Mattias Skjelmose se dirige vers Movistar Team.", None),
        ("es", "Mercado", "Mattias Skjelmose, rumbo al Movistar Team.", None),
        ("en", "Market", "Mattias Skjelmose makes his comeback with Movistar Team.", None),
        ("de", "Transfer", "Mattias Skjelmose gibt sein Comeback bei Movistar Team.", None),
        ("it", "Mercato", "Mattias Skjelmose è stato ufficializzato dalla Movistar Team.", None),
        ("pt", "Mercado", "Mattias Skjelmose foi oficializado pela Movistar Team.", None),
    ],
)
def test_single_signing_vocabulary(
    tagger: Tagger, language: str, title: str, text: str, team: str | None
) -> None:
    assert _moves(tagger, language, title, text).get("Mattias Skjelmose") == (
        team or "Movistar Team"
    )


# --- Nationalities, winners, articles of other languages; a subject left out ---------------


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "pt",
            "Mercado de transferências",
            "Mattias Skjelmose despediu-se dos adeptos depois de uma época difícil. O jovem"
            " dinamarquês chega à Movistar Team em 2026.",
        ),
        (
            "es",
            "Mercado de fichajes",
            "Mattias Skjelmose se despidió de los aficionados tras una temporada dura. El"
            " ganador de la Flecha Brabanzona de 2023 llega al Movistar Team en 2026.",
        ),
        (
            "es",
            "Mercado de fichajes",
            "Mattias Skjelmose se despidió de los aficionados tras una temporada dura."
            " Firmará por el Movistar Team hasta 2027.",
        ),
        (
            "it",
            "Ciclomercato",
            "Mattias Skjelmose ha salutato i tifosi dopo una stagione difficile. Passerà"
            " alla Movistar Team nel 2026.",
        ),
    ],
)
def test_a_described_or_missing_subject_is_the_one_person_in_play(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert _moves(tagger, language, title, text).get("Mattias Skjelmose") == "Movistar Team"


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "pt",
            "Mercado de transferências",
            "Mattias Skjelmose e Mads Pedersen despediram-se dos adeptos. O jovem"
            " dinamarquês chega à Movistar Team em 2026.",
        ),
        (
            "es",
            "Mercado de fichajes",
            "Mattias Skjelmose y Mads Pedersen se despidieron de los aficionados. El"
            " ganador de la Flecha Brabanzona de 2023 llega al Movistar Team en 2026.",
        ),
    ],
)
def test_a_described_subject_with_two_people_in_play_names_nobody(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    moves = _moves(tagger, language, title, text)
    assert moves.get("Mattias Skjelmose") != "Movistar Team"
    assert moves.get("Mads Pedersen") != "Movistar Team"


def test_a_pronoun_never_reaches_past_another_person(tagger: Tagger) -> None:
    moves = _moves(
        tagger,
        "en",
        "Mattias Skjelmose at the crossroads",
        "Mads Pedersen and Jonas Vingegaard spoke about the coming season."
        " Reports say Movistar Team will sign him before the winter camp.",
    )
    assert moves.get("Mattias Skjelmose") != "Movistar Team"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "it",
            "Dopo aver ufficializzato qualche addio, la Movistar Team conferma Mattias Skjelmose.",
        ),
        ("es", "El Movistar Team oficializó la salida de Mattias Skjelmose."),
    ],
)
def test_an_announced_departure_or_farewell_is_no_signing(
    tagger: Tagger, language: str, text: str
) -> None:
    assert _moves(tagger, language, "Mercato", text).get("Mattias Skjelmose") != "Movistar Team"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("pt", "Mattias Skjelmose está a ser apontado à Movistar Team."),
        ("es", "Mattias Skjelmose fue apuntado al Movistar Team."),
    ],
)
def test_a_rider_tipped_for_a_team_is_a_rumour(tagger: Tagger, language: str, text: str) -> None:
    tags = tagger.tag("Mercado", text, PUBLISHED, feed_is_cycling=True, language=language)
    assert [(m.to_team, m.status) for m in tags.moves] == [("Movistar Team", "rumour")]
