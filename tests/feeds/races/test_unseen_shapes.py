"""Race, focus and kind shapes read from set 11's misses (issue #17), each stated for
every language it applies to and checked here on fresh sentences in two languages or more,
with the sentences that must stay as they were: a nation's championships by its own
letters or a dated title, words opening a paragraph before their rider, a junior race, a
sex written before a name or after a genitive, dated European titles, a headline race
whose dates are only estimated, compound selection words, renames and kits, a team's fate
told with its moves, and a crash recalled a year on."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from feeds.races import bundled_calendar
from feeds.races.kind import KindEvidence, decide_kind
from feeds.races.model import CalendarError
from feeds.races.nationals import parse_nationals
from feeds.tagger import Tagger


def races(tagger: Tagger, title: str, text: str, published: date, language: str) -> list[str]:
    tags = tagger.tag(title, text, published, True, language=language)
    return [tagger.races.calendar.races[r].name for r in tags.races]


def kind(tagger: Tagger, title: str, text: str, published: date, language: str) -> str:
    return tagger.tag(title, text, published, True, language=language).kind


def focus(tagger: Tagger, title: str, text: str, published: date, language: str) -> str | None:
    found = tagger.tag(title, text, published, True, language=language).race_focus
    return None if found is None else tagger.races.calendar.races[found.race_id].name


# --- a nation's championships by the letters its language writes them with -------------


@pytest.mark.parametrize(
    ("language", "title", "text", "race"),
    [
        (
            "da",
            "Pedersen vinder DM foran Skjelmose",
            "Mads Pedersen slog Mattias Skjelmose i spurten.",
            "Danish National Road Championships",
        ),
        (
            "de",
            "Ackermann gewinnt die DM",
            "Pascal Ackermann setzte sich im Sprint gegen John Degenkolb durch.",
            "German National Road Championships",
        ),
        (
            "nl",
            "Kooij pakt het NK",
            "Olav Kooij klopte Dylan Groenewegen in de sprint.",
            "Dutch National Road Championships",
        ),
        (
            "no",
            "Kristoff vant NM",
            "Alexander Kristoff slo Tobias Halland Johannessen i spurten.",
            "Norwegian National Road Championships",
        ),
    ],
)
def test_a_nation_s_championships_by_its_letters(
    tagger: Tagger, language: str, title: str, text: str, race: str
) -> None:
    found = races(tagger, title, text, date(2024, 6, 23), language)
    assert found == [race]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # another discipline's championships
        ("da", "Mads Pedersen og Mattias Skjelmose kørte DM i cross i januar."),
        ("nl", "Olav Kooij en Dylan Groenewegen reden het NK baan in Apeldoorn."),
        # not written in capitals
        ("da", "Mads Pedersen og Mattias Skjelmose kørte 3 dm fra målet."),
    ],
)
def test_the_letters_of_another_discipline_or_in_lower_case_name_no_race(
    tagger: Tagger, language: str, text: str
) -> None:
    assert races(tagger, "Sæsonstart", text, date(2024, 1, 14), language) == []


def test_a_nation_s_championships_in_a_danish_headline_are_its_focus(tagger: Tagger) -> None:
    title = "Skjelmose vinder DM i Aalborg"
    text = (
        "Mattias Skjelmose vandt linjeløbet foran Søren Kragh Andersen og har nu den perfekte "
        "optakt til Tour de France, der starter om en uge."
    )
    assert focus(tagger, title, text, date(2023, 6, 25), "da") == (
        "Danish National Road Championships"
    )


# --- national titles won: dated, or words opening the paragraph before the rider -----------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "sl",
            "Ekipo zapušča Matej Mohorič. Državni prvak iz leta 2019 bo vozil za Tadeja Pogačarja.",
        ),
        (
            "it",
            "Lascia la squadra Filippo Ganna, campione nazionale nel 2021 e amico di Elia Viviani.",
        ),
        ("en", "Tom Pidcock leaves the team. The national champion in 2023 joins Ben Turner."),
    ],
)
def test_a_national_title_dated_by_its_year_names_the_rider_s_championships(
    tagger: Tagger, language: str, text: str
) -> None:
    found = races(tagger, "Mercato", text, date(2024, 10, 1), language)
    assert len(found) == 1 and "National Road Championships" in found[0]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sl", "Ekipo zapušča Matej Mohorič. Državni prvak bo vozil za Tadeja Pogačarja."),
        ("it", "Lascia la squadra Filippo Ganna, campione nazionale under 23 nel 2017."),
    ],
)
def test_a_national_title_with_no_year_or_of_an_age_category_names_no_race(
    tagger: Tagger, language: str, text: str
) -> None:
    assert races(tagger, "Mercato", text, date(2024, 10, 1), language) == []


@pytest.mark.parametrize(
    ("language", "text", "race"),
    [
        (
            "sl",
            "Za naslove državnih prvakov so se borili v Celju. Zmagal je Matej Mohorič "
            "pred Tadejem Pogačarjem.",
            "Slovenian National Road Championships",
        ),
        (
            "nl",
            "De nationale kampioenschappen werden in Drenthe verreden. Olav Kooij won de "
            "sprint voor Dylan Groenewegen.",
            "Dutch National Road Championships",
        ),
    ],
)
def test_championship_words_opening_a_paragraph_take_the_rider_named_after_them(
    tagger: Tagger, language: str, text: str, race: str
) -> None:
    assert race in races(tagger, "Kampioenen", text, date(2024, 6, 23), language)


def test_championship_words_with_no_rider_in_their_paragraph_name_no_race(
    tagger: Tagger,
) -> None:
    text = (
        "De nationale kampioenschappen werden in Drenthe verreden.\n\n"
        "Olav Kooij won later de Ronde van Noorwegen voor Dylan Groenewegen."
    )
    found = races(tagger, "Kampioenen", text, date(2024, 6, 23), "nl")
    assert "Dutch National Road Championships" not in found


# --- a junior race, the sex written before a name or after a genitive -----------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Lotte Kopecky praised Cat Ferguson, who won the junior Tour of Flanders."),
        ("nl", "Lotte Kopecky prees Cat Ferguson, die de junioren Ronde van Vlaanderen won."),
        ("da", "Mads Pedersen roste Albert Philipsen, der vandt juniorer Paris-Roubaix."),
    ],
)
def test_an_age_category_before_a_race_s_name_is_that_category_s_race(
    tagger: Tagger, language: str, text: str
) -> None:
    assert races(tagger, "Talent", text, date(2024, 10, 1), language) == []


def test_a_junior_who_won_the_race_later_still_names_it(tagger: Tagger) -> None:
    text = "Lotte Kopecky, a junior once, won the Tour of Flanders with Elisa Longo Borghini."
    assert races(tagger, "Kopecky", text, date(2024, 10, 1), "en") == ["Tour of Flanders Women"]


@pytest.mark.parametrize(
    ("language", "text", "race"),
    [
        # a women's story naming the men's race
        (
            "en",
            "Lotte Kopecky and Demi Vollering watched the men's Tour de France on the road.",
            "Tour de France",
        ),
        (
            "nl",
            "Lotte Kopecky en Demi Vollering keken naar de mannen Tour de France.",
            "Tour de France",
        ),
        # a story of men's teams naming the women's race by a genitive
        (
            "de",
            "Jonas Vingegaard und Wout van Aert fahren nicht die Frankreich-Rundfahrt der Frauen.",
            "Tour de France Femmes",
        ),
        (
            "fr",
            "Julian Alaphilippe et Romain Bardet suivront le Tour de France des femmes.",
            "Tour de France Femmes",
        ),
    ],
)
def test_a_sex_written_before_a_name_or_after_its_genitive_says_which_race(
    tagger: Tagger, language: str, text: str, race: str
) -> None:
    assert races(tagger, "Zomer", text, date(2024, 6, 1), language) == [race]


def test_a_women_s_story_naming_the_tour_means_the_women_s_race(tagger: Tagger) -> None:
    text = "Lotte Kopecky and Demi Vollering will ride the Tour de France in August."
    assert races(tagger, "Zomer", text, date(2024, 6, 1), "en") == ["Tour de France Femmes"]


# --- European titles dated, and the data the calendar lacked -------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("pt", "Elia Viviani, campeão europeu em 2019, ainda procura equipa com Fabio Felline."),
        ("en", "Elia Viviani, European champion in 2019, is still looking with Fabio Felline."),
        ("de", "Elia Viviani, Europameister 2019, sucht mit Fabio Felline noch ein Team."),
    ],
)
def test_a_european_title_dated_by_its_year_names_the_championships(
    tagger: Tagger, language: str, text: str
) -> None:
    found = races(tagger, "Mercado", text, date(2024, 12, 1), language)
    assert found == ["European Road Championships"]


@pytest.mark.parametrize(
    "text",
    [
        "Elia Viviani, the European champion, is still looking with Fabio Felline.",
        "Elia Viviani, European U23 champion in 2011, is still looking with Fabio Felline.",
    ],
)
def test_a_european_title_held_or_of_an_age_category_names_no_race(
    tagger: Tagger, text: str
) -> None:
    assert races(tagger, "Market", text, date(2024, 12, 1), "en") == []


@pytest.mark.parametrize(
    ("language", "text", "race"),
    [
        (
            "fr",
            "Cecilie Uttrup Ludwig a gagné le Tour de Scandinavie devant Liane Lippert.",
            "Tour of Scandinavia",
        ),
        (
            "nl",
            "Cecilie Uttrup Ludwig won de Ronde van Scandinavië voor Liane Lippert.",
            "Tour of Scandinavia",
        ),
        (
            "en",
            "Marianne Vos won La Course by Le Tour de France ahead of Lizzie Deignan.",
            "La Course by Le Tour de France",
        ),
    ],
)
def test_women_s_races_the_calendar_lacked_in_these_names(
    tagger: Tagger, language: str, text: str, race: str
) -> None:
    assert races(tagger, "Palmarès", text, date(2024, 10, 1), language) == [race]


def test_la_course_alone_is_french_for_the_race(tagger: Tagger) -> None:
    text = "Julian Alaphilippe a animé la course avec Romain Bardet."
    assert races(tagger, "Bardet", text, date(2024, 10, 1), "fr") == []


def test_a_tour_of_norway_stage_report_of_2024_has_its_edition(tagger: Tagger) -> None:
    title = "Laurance gagne le Tour de Norvège, Kristoff la dernière étape"
    text = "Axel Laurance a remporté dimanche le général devant Alexander Kristoff."
    assert focus(tagger, title, text, date(2024, 5, 26), "fr") == "Tour of Norway"


# --- a headline race whose dates are only estimated ---------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "Longo Borghini wins the Tour of Flanders",
            "Elisa Longo Borghini beat Lotte Kopecky; Kopecky had been 10th at Gent-Wevelgem.",
        ),
        (
            "nl",
            "Longo Borghini wint de Ronde van Vlaanderen",
            "Elisa Longo Borghini klopte Lotte Kopecky, vorige week tiende in Gent-Wevelgem.",
        ),
    ],
)
def test_a_headline_race_with_estimated_dates_keeps_the_focus(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    # No 2024 edition of the women's Ronde in the calendar: its dates moved from 2025
    # miss it by days, and must not hand the focus to a race run a week before.
    assert focus(tagger, title, text, date(2024, 3, 31), language) == "Tour of Flanders Women"


def test_a_headline_race_far_from_its_known_dates_gives_way_to_the_running_one(
    tagger: Tagger,
) -> None:
    title = "Giro winner Primož Roglič crashes"
    text = "Primož Roglič crashed on the stage of the Tour de France to Lyon with Jonas Vingegaard."
    assert focus(tagger, title, text, date(2025, 7, 12), "en") == "Tour de France"


# --- kind words: compound selections, renames, kits, staff moves ---------------------------


@pytest.mark.parametrize(
    ("language", "title", "text", "expected"),
    [
        (
            "nl",
            "Ploeg in vorm maakt Tourselectie bekend met Vingegaard",
            "Jonas Vingegaard won de Tour twee keer, Wout van Aert won negen ritzeges en de "
            "groene trui; de Tour start over twee weken.",
            "lineup",
        ),
        (
            "de",
            "Das Touraufgebot von Visma mit Jonas Vingegaard",
            "Jonas Vingegaard und Wout van Aert gewannen schon Etappen; die Tour startet bald.",
            "lineup",
        ),
        (
            "de",
            "Jonas Vingegaard: der Rennkalender des Dänen",
            "Jonas Vingegaard startet bei Paris-Nizza, wo er 2023 nach einem Sturz aufgab.",
            "lineup",
        ),
        (
            "fr",
            "Mondiaux : le groupe retenu par Thomas Voeckler",
            "Julian Alaphilippe et Romain Bardet, grands favoris sur un parcours exigeant.",
            "lineup",
        ),
    ],
)
def test_selection_and_programme_words_make_a_lineup(
    tagger: Tagger, language: str, title: str, text: str, expected: str
) -> None:
    assert kind(tagger, title, text, date(2025, 6, 17), language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("da", "Mads Pedersen og Mattias Skjelmose kører for holdet, der nu hedder Lidl-Trek."),
        ("es", "El equipo de Enric Mas y Pelayo Sánchez pasa a llamarse Movistar Team."),
        (
            "sl",
            "Bahrain Victorious je predstavila novo opravo, v njej bosta Matej Mohorič in "
            "Matevž Govekar.",
        ),
    ],
)
def test_a_rename_or_a_new_kit_is_team_news(tagger: Tagger, language: str, text: str) -> None:
    assert kind(tagger, "Nyt fra holdet", text, date(2025, 1, 10), language) == "team"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "pt",
            "Maxime Monfort e Cherie Pridham não serão mais diretores esportivos da Lotto; "
            "Monfort vai para outra equipe.",
        ),
        ("sl", "Urška Žigart se seli v belgijsko ekipo in je sklenila sodelovanje z AG Insurance."),
    ],
)
def test_staff_and_rider_moves_in_these_forms_are_transfer_words(
    tagger: Tagger, language: str, text: str
) -> None:
    assert kind(tagger, "Notícia", text, date(2024, 10, 21), language) == "transfer"


# --- weighing: a team's fate told with its moves; a crash recalled a year on ------------


def evidence(
    title: dict[str, int], text: dict[str, int], *, recalled: bool = False
) -> KindEvidence:
    return KindEvidence(
        Counter(title),
        Counter(text),
        has_race=True,
        cycling=True,
        is_transfer=True,
        race_near=True,
        title_team=True,
        title_race=False,
        recalled=recalled,
    )


def test_a_team_s_fate_in_the_headline_over_its_moves_is_team_news() -> None:
    # "Team collapse leaves riders scrambling", "Fusion : des départs en cascade".
    assert decide_kind(evidence({"team": 1, "transfer": 1}, {"team": 2, "transfer": 1})) == "team"
    # As many transfer words as team words in the text: the moves are the story.
    assert decide_kind(evidence({"team": 1, "transfer": 1}, {"team": 1, "transfer": 1})) == (
        "transfer"
    )
    # A transfer headline with no team word stays a transfer.
    assert decide_kind(evidence({"transfer": 1}, {"team": 3})) == "transfer"


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "sl",
            "Kirurg, ki je operiral Rogliča",
            "Natanko pred letom dni je Primož Roglič v 16. etapi grdo padel in odstopil. "
            "Operirali so mu ramo zaradi poškodbe po padcu.",
        ),
        (
            "en",
            "The surgeon who operated on Primož Roglič",
            "A year ago Primož Roglič crashed on stage 16 and abandoned with an injury. "
            "The surgery on his shoulder followed the crash.",
        ),
    ],
)
def test_a_crash_recalled_a_year_on_is_no_crash_news(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert kind(tagger, title, text, date(2023, 11, 6), language) == "other"


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "Primož Roglič out of the race",
            "Primož Roglič crashed today, a year after his crash in the same race, and "
            "abandoned with an injury.",
        ),
        (
            "en",
            "Primož Roglič crashes again",
            "A year ago Primož Roglič crashed on stage 16; this time the crash broke his wrist.",
        ),
    ],
)
def test_a_crash_of_the_day_or_under_a_crash_headline_stays_a_crash(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert kind(tagger, title, text, date(2023, 11, 6), language) == "crash"


def test_a_nationals_file_with_dated_titles_not_a_list_is_refused() -> None:
    with pytest.raises(CalendarError, match="dated"):
        parse_nationals(
            'names = ["nationals"]\ndated = "national champion"\n', "n.toml", bundled_calendar()
        )


def test_only_a_silent_headline_over_a_recalled_crash_reads_as_no_crash() -> None:
    assert decide_kind(evidence({}, {"crash": 3}, recalled=True)) == "other"
    assert decide_kind(evidence({}, {"crash": 3})) == "crash"
    assert decide_kind(evidence({"crash": 1}, {"crash": 3}, recalled=True)) == "crash"
