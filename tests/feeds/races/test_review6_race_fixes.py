"""The R6 review's race and kind findings (issue #17), each shape on fresh sentences in two
languages or more: words of race prose that are no kind words (a job title, "the leader
is now called", a police presence, a stage that moves to a town), a fresh crash told
after a look back, a nation's championships by letters only in its own language and not
of another discipline, a state title that is no national one, and national championship
words read in time linear in the story's length."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.models import StoryTags
from feeds.tagger import Tagger
from tests.growth import assert_linear

TOUR_2024 = date(2024, 7, 10)
AUTUMN = date(2024, 8, 20)


def _tags(tagger: Tagger, title: str, text: str, published: date, language: str) -> StoryTags:
    return tagger.tag(title, text, published, True, language=language)


def _races(tagger: Tagger, title: str, text: str, published: date, language: str) -> list[str]:
    tags = _tags(tagger, title, text, published, language)
    return [tagger.races.calendar.races[r].name for r in tags.races]


# --- race prose is no kind word -----------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "report"),
    [
        # a job title in every race story is not a transfer word
        (
            "pt",
            "Segundo o diretor esportivo da equipa, Jonas Vingegaard vai atacar na etapa de "
            "amanhã do Tour de France.",
            None,
        ),
        # "the leader is now called X" is a race's news, not a team's new name
        (
            "de",
            "Der Gesamtführende der Tour de France heißt jetzt Jonas Vingegaard, nachdem "
            "Tadej Pogačar in der Etappe Zeit verlor.",
            None,
        ),
        (
            "nl",
            "De leider van de Tour de France heet nu Jonas Vingegaard, want Tadej Pogačar "
            "verloor tijd in de rit.",
            "result",
        ),
        (
            "no",
            "Lederen i Tour de France heter nå Jonas Vingegaard etter at Tadej Pogačar tapte "
            "tid på etappen.",
            None,
        ),
        (
            "da",
            "Føreren af Tour de France hedder nu Jonas Vingegaard, efter at Tadej Pogačar "
            "tabte tid på etapen.",
            None,
        ),
        (
            "en",
            "The road now called the Route des Crêtes decided the Tour de France stage: "
            "Jonas Vingegaard won ahead of Tadej Pogačar.",
            None,
        ),
        # compounds: a police presence, a preliminary selection; a national selector
        (
            "de",
            "Ein großes Polizeiaufgebot begleitete die Etappe der Tour de France. Jonas "
            "Vingegaard gewann vor Tadej Pogačar.",
            "result",
        ),
        (
            "nl",
            "Jonas Vingegaard won de rit in de Tour de France voor Tadej Pogačar. De "
            "voorselectie voor de Spelen volgt later.",
            "result",
        ),
        (
            "en",
            "Jonas Vingegaard won the Tour de France stage ahead of Tadej Pogačar, watched by "
            "the Danish national selector.",
            "result",
        ),
        # a stage that moves to a town
        (
            "sl",
            "Tadej Pogačar je zmagal v etapi Dirke po Franciji. Jutrišnja etapa se seli v Alpe.",
            "result",
        ),
    ],
)
def test_race_prose_words_do_not_make_a_transfer_team_or_lineup_story(
    tagger: Tagger, language: str, text: str, report: str | None
) -> None:
    tags = _tags(tagger, "Tour de France", text, TOUR_2024, language)
    assert tags.kind not in ("transfer", "team", "lineup")
    if report is not None:  # a stage report keeps its kind and its race
        assert tags.kind == report
        assert tags.race_focus is not None and tags.race_focus.race_id == "tour-de-france"


# --- a fresh crash told after a look back ---------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Last year Dylan Groenewegen crashed at the Tour de Pologne. He went down again "
            "in the sprint and broke his collarbone.",
        ),
        (
            "fr",
            "L'an dernier, Dylan Groenewegen était tombé au Tour de Pologne. Il a de nouveau "
            "chuté dans le sprint et s'est fracturé la clavicule.",
        ),
        (
            "de",
            "Letztes Jahr stürzte Dylan Groenewegen bei der Polen-Rundfahrt. Gestern stürzte "
            "er erneut im Sprint und brach sich das Schlüsselbein.",
        ),
    ],
)
def test_a_crash_told_after_a_look_back_is_crash_news(
    tagger: Tagger, language: str, text: str
) -> None:
    assert _tags(tagger, "Groenewegen", text, AUTUMN, language).kind == "crash"


def test_a_crash_only_recalled_is_still_no_crash_news(tagger: Tagger) -> None:
    text = (
        "A year ago Dylan Groenewegen crashed heavily at the Tour de Pologne. The surgeon who "
        "treated his collarbone remembers the night well."
    )
    assert _tags(tagger, "The surgeon's night", text, AUTUMN, "en").kind == "other"


# --- a nation's championships by letters: its language, its discipline ----------------------


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        ("en", "Ask Jonas", "Jonas Vingegaard answers the questions fans sent him by DM."),
        ("en", "Q&A", "Mads Pedersen asked fans to DM him before the Tour of Flanders."),
        ("nl", "Vragen", "Mads Pedersen vroeg fans hem een DM te sturen."),
    ],
)
def test_championship_letters_in_another_language_name_no_championships(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    found = _races(tagger, title, text, date(2024, 3, 20), language)
    assert not any("National Road Championships" in race for race in found)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("da", "Mads Pedersen vandt DM i banecykling i Ballerup."),
        ("no", "Tobias Halland Johannessen vant NM i banesykling på Sola."),
        ("de", "Florian Lipowitz fuhr die DM im Bahnradsport in Cottbus."),
    ],
)
def test_championship_letters_before_a_track_compound_name_no_road_race(
    tagger: Tagger, language: str, text: str
) -> None:
    assert _races(tagger, "Mesterskab", text, date(2024, 2, 10), language) == []


@pytest.mark.parametrize(
    ("language", "text", "race"),
    [
        ("da", "Mads Pedersen vandt DM i Skive foran Mattias Skjelmose.", "Danish"),
        ("de", "Florian Lipowitz gewinnt die DM in Bad Dürrheim vor Georg Zimmermann.", "German"),
    ],
)
def test_championship_letters_in_their_own_language_still_name_them(
    tagger: Tagger, language: str, text: str, race: str
) -> None:
    found = _races(tagger, "Mester", text, date(2024, 6, 23), language)
    assert found == [f"{race} National Road Championships"]


@pytest.mark.parametrize(
    ("language", "text", "race"),
    [
        (
            "de",
            "Die DM in Bad Dürrheim wird am Sonntag entschieden, auch Tadej Pogačar schaut zu.",
            "German",
        ),
        ("da", "DM i Skive bliver afgjort på søndag, og Tadej Pogačar ser med.", "Danish"),
    ],
)
def test_shared_letters_with_no_rider_of_either_nation_go_by_the_story_s_language(
    tagger: Tagger, language: str, text: str, race: str
) -> None:
    found = _races(tagger, "Mesterskab", text, date(2024, 6, 20), language)
    assert found == [f"{race} National Road Championships"]


# --- a state's title is no national one -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Georg Zimmermann, hessischer Landesmeister 2018, fährt die Tour de France.",
        "Georg Zimmermann wurde 2018 Landesmeister und gewann später die "
        "Landesmeisterschaft erneut.",
    ],
)
def test_a_state_title_names_no_national_championships(tagger: Tagger, text: str) -> None:
    found = _races(tagger, "Zimmermann", text, TOUR_2024, "de")
    assert "German National Road Championships" not in found


# --- national championship words: linear time ----------------------------------------------


def _championships_then_riders(n: int) -> str:
    return "Nationals. " * n + "Mads Pedersen. " * n


def test_national_championship_words_take_time_linear_in_the_story(tagger: Tagger) -> None:
    # the large story stays under the 100,000 characters races are read in
    assert_linear(
        lambda body: tagger.tag("Nationals", body, date(2024, 6, 23), True, "en"),
        _championships_then_riders,
        900,
    )
