"""Race shapes review 9 found read wrongly (issue #17), two languages or more a shape,
each beside the case its rule was made for:

- "the final stage" is the race's last stage only when the lead writes no stage number,
  names no earlier stage's finish, and the phrase is neither another race's ("the final
  stage of the Critérium du Dauphiné") nor a career's ("the final stage of his career");
- motor sport's events are read by their own names only ("Tour de France Automobile",
  "Tour Auto"), in their language: "la Vuelta en moto", "motor checks", a rider's "rally"
  stay the race;
- Slovenian "SP"/"EP" and German "Olympia" are cycling's only with cycling's words or a
  host around them ("na SP v Zürichu", "Olympia-Gold im Zeitfahren");
- Formula 1's Montreal Grand Prix is not the cycling race of the same name.
"""

from __future__ import annotations

from datetime import date

import pytest

from feeds.races.model import CalendarError
from feeds.races.other_events import parse_other_events
from feeds.tagger import Tagger

TOUR_2024_LAST_DAY = date(2024, 7, 21)
GIRO_2024_LAST_DAY = date(2024, 5, 26)
VUELTA_2024_DAY_AFTER = date(2024, 9, 9)
GIRO_2023_LAST_DAY = date(2023, 5, 28)
"""Stage 21 in Rome; stage 20, the day before, was the Monte Lussari time trial."""
SUISSE_2024_LAST_DAY = date(2024, 6, 16)


def races(tagger: Tagger, title: str, text: str, published: date, language: str) -> list[str]:
    return tagger.tag(title, text, published, True, language=language).races


def stage(tagger: Tagger, title: str, text: str, published: date, language: str) -> int | None:
    found = tagger.tag(title, text, published, True, language=language).race_focus
    return found.stage if found else None


# --- the final stage ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "published", "title", "text"),
    [
        (
            "en",
            TOUR_2024_LAST_DAY,
            "Pogačar extends his lead",
            "Tadej Pogačar won stage 20 of the Tour de France on Saturday and takes a lead of "
            "more than five minutes into the final stage, a time trial from Monaco to Nice.",
        ),
        (
            "fr",
            TOUR_2024_LAST_DAY,
            "Pogačar creuse encore l'écart",
            "Tadej Pogačar a remporté la 20e étape du Tour de France samedi et abordera la "
            "dernière étape, un contre-la-montre entre Monaco et Nice.",
        ),
        (
            "it",
            GIRO_2024_LAST_DAY,
            "Pogačar domina anche sul Grappa",
            "Tadej Pogačar ha vinto la ventesima tappa del Giro d'Italia e oggi affronta "
            "l'ultima tappa a Roma con quasi dieci minuti di vantaggio.",
        ),
        (
            "de",
            GIRO_2024_LAST_DAY,
            "Pogačar baut Vorsprung aus",
            "Tadej Pogačar hat die 20. Etappe des Giro d'Italia gewonnen und geht mit fast "
            "zehn Minuten Vorsprung in die letzte Etappe nach Rom.",
        ),
        (
            "en",
            VUELTA_2024_DAY_AFTER,
            "Bernal undergoes surgery after Vuelta crash",
            "Egan Bernal crashed on stage 19 of the Vuelta a España and did not start the "
            "final stage in Madrid.",
        ),
        (
            "nl",
            VUELTA_2024_DAY_AFTER,
            "Bernal geopereerd na val in de Vuelta",
            "Egan Bernal kwam ten val in de negentiende etappe van de Vuelta en startte niet "
            "meer in de slotrit naar Madrid.",
        ),
    ],
)
def test_a_stage_number_in_the_lead_wins_over_the_final_stage_words(
    tagger: Tagger, language: str, published: date, title: str, text: str
) -> None:
    assert stage(tagger, title, text, published, language) != 21


def test_a_crash_on_a_numbered_stage_is_that_stages(tagger: Tagger) -> None:
    text = (
        "Egan Bernal ist auf der 19. Etappe der Vuelta gestürzt und zur letzten Etappe nach "
        "Madrid nicht mehr angetreten."
    )
    assert (
        stage(tagger, "Bernal nach Vuelta-Sturz operiert", text, VUELTA_2024_DAY_AFTER, "de") == 19
    )


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "How Roglič turned the Giro around",
            "Primož Roglič won the Giro d'Italia in the final time trial on Monte Lussari, "
            "taking 40 seconds from Geraint Thomas.",
        ),
        (
            "it",
            "Roglič, il capolavoro",
            "Primož Roglič ha vinto il Giro d'Italia grazie alla cronometro finale del Monte "
            "Lussari, dove ha rifilato 40 secondi a Geraint Thomas.",
        ),
        (
            "de",
            "Roglič gewinnt den Giro",
            "Primož Roglič hat den Giro d'Italia im abschließenden Zeitfahren am Monte Lussari "
            "gewonnen und Geraint Thomas 40 Sekunden abgenommen.",
        ),
        (
            "es",
            "Roglič gana el Giro",
            "Primož Roglič ganó el Giro de Italia gracias a la contrarreloj final del Monte "
            "Lussari, donde le sacó 40 segundos a Geraint Thomas.",
        ),
    ],
)
def test_a_final_time_trial_that_finished_an_earlier_stage_is_not_the_last(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert stage(tagger, title, text, GIRO_2023_LAST_DAY, language) != 21


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "es",
            "Primož Roglič, que ganó el domingo su cuarta Vuelta a España, aseguró que no está "
            "en la última etapa de su carrera.",
        ),
        (
            "pt",
            "Primož Roglič, que venceu no domingo a sua quarta Volta a Espanha, garantiu que "
            "não está na última etapa da sua carreira.",
        ),
        (
            "it",
            "Primož Roglič, che domenica ha vinto la sua quarta Vuelta, ha detto di non essere "
            "all'ultima tappa della sua carriera.",
        ),
        (
            "en",
            "Primož Roglič, who won his fourth Vuelta a España on Sunday, said he is not in "
            "the final stage of his career.",
        ),
    ],
)
def test_the_final_stage_of_a_career_is_no_race_stage(
    tagger: Tagger, language: str, text: str
) -> None:
    assert stage(tagger, "Roglič", text, VUELTA_2024_DAY_AFTER, language) != 21


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "Yates wins Tour de Suisse overall",
            "Adam Yates won the Tour de Suisse overall on Sunday, a week after UAE Team "
            "Emirates lost the final stage of the Critérium du Dauphiné to Matteo Jorgenson.",
        ),
        (
            "fr",
            "Yates remporte le Tour de Suisse",
            "Adam Yates a remporté le classement général du Tour de Suisse dimanche, une "
            "semaine après la dernière étape du Critérium du Dauphiné gagnée par Matteo "
            "Jorgenson.",
        ),
    ],
)
def test_another_races_final_stage_is_not_this_races(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert stage(tagger, title, text, SUISSE_2024_LAST_DAY, language) is None


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "Philipsen wins the final stage of the Tour de France",
            "Jasper Philipsen won the final stage of the Tour de France in Nice.",
        ),
        (
            "fr",
            "Pogačar remporte la dernière étape du Tour de France",
            "Tadej Pogačar a remporté la dernière étape du Tour de France, un contre-la-montre "
            "entre Monaco et Nice.",
        ),
    ],
)
def test_this_races_final_stage_stays_the_last(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert stage(tagger, title, text, TOUR_2024_LAST_DAY, language) == 21


# --- motor sport ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "race", "when"),
    [
        (
            "es",
            "La Vuelta a España en moto es otra carrera, dice Primož Roglič.",
            "vuelta-a-espana",
            date(2024, 8, 20),
        ),
        (
            "it",
            "Per Filippo Ganna il Giro d'Italia in auto è finito: ora si corre.",
            "giro-d-italia",
            date(2024, 5, 10),
        ),
        (
            "en",
            "At the Tour de France motor checks will use X-ray scanners, Tadej Pogačar said.",
            "tour-de-france",
            date(2024, 6, 30),
        ),
        (
            "en",
            "Remco Evenepoel's Tour de France rally continued on the stage to Lyon.",
            "tour-de-france",
            date(2024, 7, 12),
        ),
    ],
)
def test_cyclings_own_motor_words_leave_the_race(
    tagger: Tagger, language: str, text: str, race: str, when: date
) -> None:
    assert race in races(tagger, "Cycling", text, when, language)


def test_a_motor_events_name_is_read_in_its_language_only(tagger: Tagger) -> None:
    # The French event's word in an English story: the Tour de France itself.
    text = "Tadej Pogačar said the Tour de France auto convoy left Lille early."
    assert "tour-de-france" in races(tagger, "Cycling", text, date(2025, 7, 5), "en")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Fernando Alonso terminó sexto en el Gran Premio de Montreal de Fórmula 1."),
        ("pt", "Max Verstappen venceu o Grande Prémio de Montreal de Fórmula 1."),
        ("en", "Max Verstappen won the Montreal Grand Prix in Formula 1 for the third time."),
    ],
)
def test_formula_ones_grand_prix_is_no_cycling_race(
    tagger: Tagger, language: str, text: str
) -> None:
    found = tagger.tag("Canadá", text, date(2024, 6, 10), False, language=language).races
    assert "grand-prix-de-montreal" not in found


# --- Slovenian initials and German "Olympia" ------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "race", "when"),
    [
        (
            "sl",
            "Tadej Pogačar je navijal za skakalce na SP v Planici.",
            "world-championships",
            date(2023, 6, 18),
        ),
        (
            "sl",
            "Primož Roglič je obiskal nordijsko SP v Planici.",
            "world-championships",
            date(2023, 3, 1),
        ),
        (
            "sl",
            "Matej Mohorič je spremljal EP v odbojki.",
            "european-championships",
            date(2023, 9, 1),
        ),
        (
            "sl",
            "Tadej Pogačar je pred volitvami v EP pozval k udeležbi.",
            "european-championships",
            date(2024, 6, 1),
        ),
        (
            "de",
            "In Olympia wurde das Feuer für die Winterspiele entzündet, sagte Tadej Pogačar.",
            "olympic-games",
            date(2025, 11, 26),
        ),
        (
            "de",
            "Tadej Pogačar besuchte den Radsportverein RV Olympia Gießen.",
            "olympic-games",
            date(2025, 5, 1),
        ),
        (
            "de",
            "Olympia-Sieger Remco Evenepoel gewann das Zeitfahren der Tour de France.",
            "olympic-games",
            date(2025, 7, 9),
        ),
    ],
)
def test_other_championships_and_olympia_the_town_are_no_cycling_race(
    tagger: Tagger, language: str, text: str, race: str, when: date
) -> None:
    assert race not in races(tagger, "Novice", text, when, language)


@pytest.mark.parametrize(
    ("language", "text", "race", "when"),
    [
        (
            "sl",
            "Matej Mohorič je bil na SP v Zürichu šestnajsti.",
            "world-championships",
            date(2024, 10, 1),
        ),
        (
            "sl",
            "Tadej Pogačar je osvojil cestno SP in zlato v kronometru.",
            "world-championships",
            date(2024, 10, 1),
        ),
        (
            "sl",
            "Primož Roglič bo vozil na EP v kolesarstvu.",
            "european-championships",
            date(2024, 9, 1),
        ),
        (
            "de",
            "Remco Evenepoel gewann danach Olympia-Gold im Zeitfahren.",
            "olympic-games",
            date(2024, 9, 9),
        ),
        (
            "de",
            "Tadej Pogačar fuhr bei Olympia in Paris nicht mit.",
            "olympic-games",
            date(2024, 9, 9),
        ),
    ],
)
def test_cyclings_words_or_a_host_make_them_the_road_race(
    tagger: Tagger, language: str, text: str, race: str, when: date
) -> None:
    assert race in races(tagger, "Kolesarstvo", text, when, language)


@pytest.mark.parametrize(
    "text",
    ['motor = ["auto"]', '[motor]\nfr = "auto"', '[motor]\nfr = ["Tour de France Automobile"]'],
)
def test_a_malformed_motor_table_is_refused(text: str) -> None:
    with pytest.raises(CalendarError):
        parse_other_events(text, "other_events.toml")


def test_motor_names_are_read_in_their_language() -> None:
    events = parse_other_events('[motor]\nfr = ["auto"]', "other_events.toml")
    folded = " le  tour  auto  revient "
    assert events.follows(folded, 0, 10, look_before=False, look_after=True, language="fr")
    assert not events.follows(folded, 0, 10, look_before=False, look_after=True, language="en")
    assert events.follows(folded, 0, 10, look_before=False, look_after=True, language=None)
