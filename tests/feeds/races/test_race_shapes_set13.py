"""Race shapes read from set 13's misses (issue #17), each checked on fresh sentences in
two languages or more beside the stories that must not change: the final stage named
without its number, championships named by initials or in a compound with the sport's
word, races the calendar named in too few languages, and a car rally called "Tour de
France Automobile" that is no cycling race."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.models import RaceFocus
from feeds.tagger import Tagger

VUELTA_2024_LAST_DAY = date(2024, 9, 8)
"""Stage 21 of the 2024 Vuelta a España (21 stages, 17 August - 8 September)."""
TOUR_2025_LAST_DAY = date(2025, 7, 27)
"""Stage 21 of the 2025 Tour de France."""
SLOVENIA_2025_LAST_DAY = date(2025, 6, 8)
"""Stage 5 of the 2025 Tour of Slovenia (4-8 June)."""


def races(tagger: Tagger, title: str, text: str, published: date, language: str) -> list[str]:
    return tagger.tag(title, text, published, False, language=language).races


def focus(
    tagger: Tagger, title: str, text: str, published: date, language: str
) -> RaceFocus | None:
    return tagger.tag(title, text, published, True, language=language).race_focus


# --- the final stage, named without its number ------------------------------------------


@pytest.mark.parametrize(
    ("language", "published", "title", "text", "race", "stage"),
    [
        (
            "es",
            VUELTA_2024_LAST_DAY,
            "Roglič gana su cuarta Vuelta a España",
            "Stefan Küng se impuso en la contrarreloj final de Madrid y Primož Roglič "
            "celebró la general por cuarta vez.",
            "vuelta-a-espana",
            21,
        ),
        (
            "de",
            VUELTA_2024_LAST_DAY,
            "Roglič holt zum vierten Mal die Vuelta a España",
            "Stefan Küng gewann das Abschlusszeitfahren in Madrid, Primož Roglič sicherte "
            "sich den Gesamtsieg.",
            "vuelta-a-espana",
            21,
        ),
        (
            "sl",
            SLOVENIA_2025_LAST_DAY,
            "Mohorič slavil na dirki po Sloveniji",
            "Matej Mohorič je zmagal v zadnji etapi dirke po Sloveniji, skupno pa je "
            "slavil Filippo Zana.",
            "tour-of-slovenia",
            5,
        ),
        (
            "no",
            TOUR_2025_LAST_DAY,
            "Pogačar vant Tour de France for fjerde gang",
            "Wout van Aert vant sisteetappen i Paris, og Tadej Pogačar vant sammenlagt.",
            "tour-de-france",
            21,
        ),
        (
            "en",
            date(2025, 7, 28),
            "Pogačar seals fourth Tour de France title",
            "Wout van Aert won the final stage in Paris as Tadej Pogačar took the overall title.",
            "tour-de-france",
            21,
        ),
    ],
)
def test_the_final_stage_named_without_its_number_is_the_editions_last(
    tagger: Tagger, language: str, published: date, title: str, text: str, race: str, stage: int
) -> None:
    assert focus(tagger, title, text, published, language) == RaceFocus(race, published.year, stage)


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "es",
            "Vingegaard gana en La Vuelta",
            "Jonas Vingegaard ganó la última etapa, su tercera victoria en la carrera, y "
            "sigue segundo en la general.",
        ),
        (
            "en",
            "Vingegaard wins at the Vuelta a España",
            "Jonas Vingegaard won the final stage of the week and stays second overall.",
        ),
    ],
)
def test_the_last_stage_before_the_races_last_day_is_not_its_final_one(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    # Ten days before the 2024 Vuelta ended "the last stage" is the latest one run.
    found = focus(tagger, title, text, date(2024, 8, 29), language)
    assert found is None or found.stage != 21


def test_a_stage_number_in_the_headline_wins_over_the_final_stage_words(
    tagger: Tagger,
) -> None:
    found = focus(
        tagger,
        "Vuelta a España: Küng wins stage 20",
        "A day before the final stage in Madrid, Stefan Küng won alone.",
        VUELTA_2024_LAST_DAY,
        "en",
    )
    assert found == RaceFocus("vuelta-a-espana", 2024, 20)


# --- championships by their initials or a compound with the sport's word -----------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sl", "Matej Mohorič je bil na SP v Zürichu šestnajsti, Tadej Pogačar pa prvi."),
        ("no", "Sykkel-VM i Bergen samlet hundretusener langs veiene."),
        ("da", "Cykel-VM i København blev en folkefest langs vejene."),
    ],
)
def test_championships_by_initials_or_with_the_sports_word(
    tagger: Tagger, language: str, text: str
) -> None:
    assert "world-championships" in races(tagger, "Sykkel", text, date(2024, 10, 1), language)


def test_slovenian_initials_are_no_race_in_another_language(tagger: Tagger) -> None:
    text = "Matej Mohorič joined the SP team meeting in Zürich with Tadej Pogačar."
    assert "world-championships" not in races(tagger, "News", text, date(2024, 10, 1), "en")


@pytest.mark.parametrize(
    ("language", "text", "wanted"),
    [
        (
            "de",
            "Remco Evenepoel gewann danach Olympia-Gold im Zeitfahren.",
            True,
        ),
        (
            "de",
            "Tadej Pogačar fuhr bei Olympia in Paris nicht mit.",
            True,
        ),
        (
            "de",
            "Der Niederländer gewann als Junior die Olympia's Tour.",
            False,
        ),
        (
            "en",
            "Remco Evenepoel trained at the Olympia velodrome with Tadej Pogačar.",
            False,
        ),
    ],
)
def test_olympia_is_the_games_in_german_only(
    tagger: Tagger, language: str, text: str, wanted: bool
) -> None:
    found = races(tagger, "Radsport", text, date(2024, 9, 9), language)
    assert ("olympic-games" in found) is wanted


# --- races the calendar named in too few languages --------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "race"),
    [
        ("sl", "Geraint Thomas je kariero sklenil po dirki po Britaniji.", "tour-of-britain"),
        ("pt", "Rui Costa venceu a Taça do Japão no domingo.", "japan-cup"),
        ("es", "Rui Costa ganó la Copa de Japón el domingo.", "japan-cup"),
        ("pt", "Rui Costa venceu o Grande Prémio de Montreal em 2011.", "grand-prix-de-montreal"),
        ("es", "Greg Van Avermaet ganó el Gran Premio de Montreal.", "grand-prix-de-montreal"),
        ("it", "Tadej Pogačar ha vinto il Gran Premio di Montréal.", "grand-prix-de-montreal"),
        (
            "pt",
            "As equipas correm a Figueira Champions em fevereiro.",
            "figueira-champions-classic",
        ),
        (
            "en",
            "Elisa Balsamo crashed on stage 1 of the RideLondon Classique.",
            "ridelondon-classique",
        ),
        ("en", "Josie Nelson crashed at the Vuelta Femenina.", "la-vuelta-femenina"),
        ("es", "Marianne Vos ganó en la Vuelta Femenina.", "la-vuelta-femenina"),
    ],
)
def test_race_names_in_more_languages(tagger: Tagger, language: str, text: str, race: str) -> None:
    assert race in races(tagger, "Ciclismo", text, date(2023, 10, 16), language)


def test_a_ridelondon_classique_stage_report_is_that_stages(tagger: Tagger) -> None:
    found = focus(
        tagger,
        "Kool wins the opening stage of the RideLondon Classique",
        "Charlotte Kool won stage 1 of the RideLondon Classique in Colchester.",
        date(2023, 5, 26),
        "en",
    )
    assert found == RaceFocus("ridelondon-classique", 2023, 1)


# --- a car rally is no cycling race ------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Le Tour de France Automobile relie Paris à Cannes avec des voitures anciennes."),
        ("fr", "Le Tour Auto revient du 17 au 22 avril, de Paris à Cannes."),
        ("en", "The Tour de France Automobile is a historic car rally from Paris to Cannes."),
    ],
)
def test_the_car_rally_is_no_tour_de_france(tagger: Tagger, language: str, text: str) -> None:
    assert "tour-de-france" not in races(tagger, "Programme", text, date(2023, 4, 10), language)


def test_the_tour_de_france_itself_stays(tagger: Tagger) -> None:
    text = "Tadej Pogačar a remporté le Tour de France devant Jonas Vingegaard."
    assert "tour-de-france" in races(tagger, "Cyclisme", text, date(2024, 7, 22), "fr")


# --- a race's schedule: the stages still to run -----------------------------------------


def kind(tagger: Tagger, title: str, text: str, published: date, language: str) -> str:
    return tagger.tag(title, text, published, True, language=language).kind


@pytest.mark.parametrize(
    ("language", "published", "title", "text"),
    [
        (
            "it",
            date(2025, 5, 5),
            "Il Giro d'Italia in Toscana: tappe e date",
            "Il Giro d'Italia torna in Toscana con due tappe, una a cronometro, da Lucca a "
            "Pisa. Ci saranno Primož Roglič e Juan Ayuso.",
        ),
        (
            "no",
            date(2025, 7, 21),
            "Får vi en norsk etappevinner i Tour de France?",
            "Her er etappene som venter før finalen i Paris, og trøyestillingen etter to "
            "uker: Tadej Pogačar leder, Jonas Vingegaard er nummer to.",
        ),
        (
            "en",
            date(2025, 7, 21),
            "Tour de France week three: can anyone catch Pogačar?",
            "Here are the stages ahead before Paris, and the jerseys after two weeks: Tadej "
            "Pogačar leads Jonas Vingegaard by four minutes.",
        ),
    ],
)
def test_a_races_schedule_is_a_preview(
    tagger: Tagger, language: str, published: date, title: str, text: str
) -> None:
    assert kind(tagger, title, text, published, language) == "preview"


def test_a_stage_won_with_the_stages_ahead_named_stays_a_result(tagger: Tagger) -> None:
    title = "Pogačar wins stage 15 of the Tour de France"
    text = "Tadej Pogačar won alone at the summit; the stages ahead in the Alps suit him too."
    assert kind(tagger, title, text, date(2025, 7, 20), "en") == "result"
