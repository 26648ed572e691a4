"""The race tagger's ambiguity traps, stage numbers and editions, through `Tagger.tag`
with the bundled roster and calendar."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.models import StoryTags
from feeds.races import bundled_calendar
from feeds.roster import load_roster
from feeds.tagger import Tagger


def tag(tagger: Tagger, title: str, text: str = "", day: date | None = None) -> StoryTags:
    return tagger.tag(title, text, day or date(2024, 7, 10), True)


def names(tagger: Tagger, tags: StoryTags) -> list[str]:
    return [tagger.races.calendar.races[r].name for r in tags.races]


def test_lombardia_the_region_is_not_the_race(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "La Lombardia approva il piano per le piste ciclabili",
        "La regione Lombardia investe 20 milioni. In Lombardia si pedala sempre di più.",
        date(2024, 10, 12),
    )
    assert tags.races == []
    race = tag(tagger, "Pogačar vince il Lombardia", "Il Lombardia 2024 è di Pogačar.")
    assert names(tagger, race) == ["Tour of Lombardy"]


def test_giro_in_football_is_not_the_race(tagger: Tagger) -> None:
    tags = tagger.tag(
        "L'Inter chiude il Giro d'andata in testa",
        "Serie A: l'Inter vince a San Siro e chiude il Giro d'andata davanti al Milan.",
        date(2024, 5, 12),
    )
    assert tags.races == [] and tags.kind == "other"
    cycling = tag(tagger, "Pogačar domina il Giro", "Tadej Pogačar vince ancora al Giro.")
    assert names(tagger, cycling) == ["Giro d'Italia"]


def test_the_tour_in_july_is_the_mens_race_and_in_a_womens_story_the_womens(
    tagger: Tagger,
) -> None:
    men = tag(
        tagger,
        "Pogačar extends his lead at the Tour",
        "Tadej Pogačar (UAE Team Emirates) gained time on Jonas Vingegaard.",
        date(2024, 7, 10),
    )
    assert names(tagger, men) == ["Tour de France"]
    women = tag(
        tagger,
        "Demi Vollering ready for the Tour",
        "Demi Vollering and SD Worx-Protime target the Tour de France after the Olympics.",
        date(2024, 7, 20),
    )
    assert names(tagger, women)[0] == "Tour de France Femmes"


def test_a_stage_town_is_not_a_race(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Tour de France stage 5: Cavendish wins in Saint-Vulbas",
        "Mark Cavendish won in Saint-Vulbas; the race heads to Roubaix and Nice later.",
        date(2024, 7, 3),
    )
    assert names(tagger, tags) == ["Tour de France"]
    roubaix = tag(tagger, "Van der Poel wins Roubaix again", "Mathieu van der Poel won Roubaix.")
    assert names(tagger, roubaix) == ["Paris-Roubaix"]


@pytest.mark.parametrize(
    "title",
    [
        "Uno-X join the World Tour in 2026",
        "Ayuso targets a Grand Tour podium",
        "Tour de l'Avenir: Pogačar's successor?",
        "Mads Pedersen on the tour of the factory",
    ],
)
def test_tour_beside_another_word_is_not_the_tour_de_france(tagger: Tagger, title: str) -> None:
    assert tag(tagger, title, "Mads Pedersen and Lidl-Trek.").races == []


def test_abbreviations_count_only_in_capitals(tagger: Tagger) -> None:
    pt = tag(tagger, "Em 2014 juntou-se à Lampre", "Rui Costa venceu em 2013 com a Movistar Team.")
    assert pt.races == []
    nl = tag(tagger, "Van der Poel rijdt het EK", "Mathieu van der Poel start op het EK.")
    assert names(tagger, nl) == ["European Road Championships"]


def test_primavera_needs_its_capital(tagger: Tagger) -> None:
    spring = tag(tagger, "Ganna si allena in primavera", "Filippo Ganna: la primavera è vicina.")
    assert spring.races == []
    race = tag(tagger, "Ganna punta la Primavera", "Filippo Ganna vuole vincere la Primavera.")
    assert names(tagger, race) == ["Milan-San Remo"]


def test_compound_words_name_the_race(tagger: Tagger) -> None:
    tags = tag(tagger, "Tourwinnaar Vingegaard valt", "Jonas Vingegaard, Visma | Lease a Bike.")
    assert names(tagger, tags) == ["Tour de France"]


@pytest.mark.parametrize(
    ("title", "day", "stage"),
    [
        # Published days after the stage: the number comes from the words, not the date.
        ("Tour de France : Girmay remporte la 3e étape", date(2024, 7, 5), 3),
        ("Giro d'Italia, Pogačar vince la tappa 8", date(2024, 5, 14), 8),
        ("Tour de France: Pogačar gewinnt die 4. Etappe", date(2024, 7, 6), 4),
        ("Tour de France: Pogačar wins stage 4 to Valloire", date(2024, 7, 6), 4),
        ("Vuelta: Roglič vence a quarta etapa", date(2024, 8, 25), 4),
        ("Giro d'Italia, Pogačar vince l'ottava tappa", date(2024, 5, 20), 8),
        ("Ronde van Zwitserland: Almeida wint de vijfde rit", date(2024, 6, 16), 5),
    ],
)
def test_stage_numbers_in_each_language(tagger: Tagger, title: str, day: date, stage: int) -> None:
    tags = tag(tagger, title, "Tadej Pogačar, Primož Roglič and Biniam Girmay.", day)
    assert tags.kind == "result"
    assert tags.race_focus is not None and tags.race_focus.stage == stage


def test_a_prologue_is_stage_0(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Tour de Romandie: Ayuso wins the prologue",
        "Juan Ayuso won the prologue in Payerne.",
        date(2024, 4, 23),
    )
    assert tags.race_focus is not None and tags.race_focus.stage == 0


def test_an_overall_win_has_no_stage(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Pogačar wins the Giro d'Italia overall",
        "Tadej Pogačar won the general classification; Tim Merlier won stage 21 in Rome.",
        date(2024, 5, 26),
    )
    assert tags.kind == "result"
    assert tags.race_focus is not None and tags.race_focus.stage is None


def test_a_route_presentation_in_october_previews_next_years_edition(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Tour de France route presentation: the favourites",
        "Tadej Pogačar and Jonas Vingegaard will fight for yellow on this route.",
        date(2025, 10, 23),
    )
    assert tags.kind == "preview"
    assert tags.race_focus is not None
    assert (tags.race_focus.race_id, tags.race_focus.year) == ("tour-de-france", 2026)


def test_a_january_report_is_of_last_seasons_edition(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Pidcock still recovering from his crash at Il Lombardia",
        "Tom Pidcock broke his collarbone in the crash and had surgery.",
        date(2025, 1, 15),
    )
    assert tags.kind == "crash"
    assert tags.race_focus is not None
    assert (tags.race_focus.race_id, tags.race_focus.year) == ("tour-of-lombardy", 2024)


def test_a_training_crash_has_no_focus_and_a_transfer_told_at_a_race_neither(
    tagger: Tagger,
) -> None:
    crash = tag(
        tagger,
        "Remco Evenepoel fractures ribs in training crash",
        "Evenepoel, who won the Tour de France stage in 2024, crashed in training.",
        date(2024, 12, 3),
    )
    assert crash.kind == "crash" and crash.race_focus is None
    move = tag(
        tagger,
        "At the Tour, Pidcock signs for Q36.5",
        "Tom Pidcock joins Q36.5 Pro Cycling Team from Ineos Grenadiers, he said at the Tour.",
        date(2024, 7, 10),
    )
    assert move.kind == "transfer" and move.race_focus is None


def test_the_race_tagger_uses_the_calendar_it_is_given() -> None:
    calendar = bundled_calendar()
    del calendar.races["paris-roubaix-femmes"]
    tagger = Tagger(load_roster(), calendar)
    assert tagger.races.calendar is calendar
    tags = tagger.tag("Lotte Kopecky wins Paris-Roubaix", "SD Worx-Protime.", date(2024, 4, 6))
    assert [tagger.races.calendar.races[r].name for r in tags.races] == ["Paris-Roubaix"]


def test_a_failure_in_the_race_step_keeps_the_rest_of_the_tags(
    tagger: Tagger, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("feeds.races.tagging.read_part", broken)
    tags = tag(tagger, "Pogačar wins the Tour de France", "Tadej Pogačar won.")
    assert tags.riders == ["tadej-pogacar"]
    assert (tags.races, tags.race_focus, tags.kind) == ([], None, "other")
