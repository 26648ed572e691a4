"""A title that is the subject or a rider's label states no win (issue #17, review R16):
a results line with the verb first ("Zweiter wurde der Weltmeister X"), a rider named
right after the title, and a year that belongs to another clause (feeds/races/wins.py)."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.races import bundled_calendar
from feeds.races.titles import Titles, bundled_titles
from feeds.tagger import Tagger
from feeds.text.fold import FoldedText
from tests.growth import assert_linear

WORLDS = "world-championships"
OLYMPICS = "olympic-games"
WORLDS_NAME = "UCI Road World Championships"


@pytest.fixture(scope="module")
def titles() -> Titles:
    return bundled_titles(bundled_calendar())


def races(tagger: Tagger, text: str, language: str) -> list[str]:
    tags = tagger.tag("Race report", text, date(2025, 10, 12), True, language=language)
    return [tagger.races.calendar.races[r].name for r in tags.races]


@pytest.mark.parametrize(
    ("language", "text", "won"),
    [
        # A placing first, then the copula, then the rider labelled by his title.
        ("de", "Zweiter wurde der Weltmeister Tadej Pogačar mit einer Minute Rückstand.", False),
        ("nl", "Tweede werd wereldkampioen Tadej Pogačar, op ruim een minuut.", False),
        ("da", "Nummer to blev verdensmester Tadej Pogačar efter et langt angreb.", False),
        ("no", "Nummer to ble verdensmester Tadej Pogačar etter et langt angrep.", False),
        ("it", "Vince il campione del mondo Tadej Pogačar davanti a tutti.", False),
        ("it", "Al traguardo vince l'iridato Tadej Pogačar.", False),
        ("en", "The attack took the world champion Tadej Pogačar by surprise.", False),
        ("no", "Belgieren tok igjen verdensmesteren Tadej Pogačar på toppen.", False),
        # The rider first, the copula, the bare title: a win.
        ("de", "Tadej Pogačar wurde Weltmeister nach einem langen Angriff.", True),
        ("nl", "Tadej Pogačar werd wereldkampioen na een lange aanval.", True),
        ("da", "Tadej Pogačar blev verdensmester efter et langt angreb.", True),
        ("en", "Tadej Pogačar took the world title after a long attack.", True),
    ],
)
def test_a_title_labelling_a_rider_is_no_win(
    tagger: Tagger, language: str, text: str, won: bool
) -> None:
    assert (WORLDS_NAME in races(tagger, text, language)) is won


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # A definite article between a copula and the title: the title is the subject.
        ("El más fuerte en la subida fue el campeón del mundo, que atacó pronto.", []),
        ("Quem mais atacou foi o campeão do mundo, que partiu cedo.", []),
        # No article: the complement of the copula, a win.
        ("Fue campeón del mundo en Imola.", [WORLDS]),
        ("Foi campeão do mundo em Glasgow.", [WORLDS]),
        ("Im Jahr darauf wurde er Weltmeister.", [WORLDS]),
        # English "became" takes an article and still states the win.
        ("Two years later he became the world champion.", [WORLDS]),
        # Present tenses that open a results line are no verbs of winning.
        ("Vince il campione del mondo, che attacca a trenta chilometri.", []),
        ("Il devient champion du monde, disent les journaux.", []),
    ],
)
def test_a_copula_with_an_article_makes_the_title_its_subject(
    titles: Titles, text: str, found: list[str]
) -> None:
    assert titles.find(FoldedText(text).folded) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # A year in another clause, behind a verb or "until".
        ("The world champion signs until 2030, the longest contract in the sport.", []),
        ("Il campione del mondo inizia il 2026 in Australia.", []),
        ("Der Weltmeister beginnt 2026 in Australien.", []),
        ("De wereldkampioen tekent tot 2028 bij zijn ploeg.", []),
        # The year the title was won: right after it, after "in", or after its place.
        ("World champion in 2013, he rides his last race.", [WORLDS]),
        ("Campione del mondo nel 2023, corre l'ultima gara.", [WORLDS]),
        ("Il corridore, campione del mondo a Copenaghen 2011, smette.", [WORLDS]),
        ("Der Straßen-Weltmeister von Harrogate 2019 fährt weiter.", [WORLDS]),
        ("Champion olympique à Rio en 2016, il arrête.", [OLYMPICS]),
        ("Triple champion du monde entre 2015 et 2017, il arrête.", [WORLDS]),
    ],
)
def test_a_year_counts_only_as_the_title_s_own(titles: Titles, text: str, found: list[str]) -> None:
    assert titles.find(FoldedText(text).folded) == found


def test_national_title_years_in_another_clause(tagger: Tagger) -> None:
    assert races(tagger, "Filippo Ganna, the Italian champion, signs until 2028.", "en") == []
    assert races(tagger, "Filippo Ganna, campione italiano nel 2023, ha firmato.", "it") == [
        "Italian National Road Championships"
    ]


def test_labelled_titles_stay_linear(tagger: Tagger) -> None:
    """Thousands of titles each labelling a rider, after copulas and articles."""

    def make(n: int) -> str:
        return " ".join(["Zweiter wurde der Weltmeister Tadej Pogačar bis 2030."] * n)

    assert_linear(lambda text: races(tagger, text, "de"), make, 300)


def test_dated_titles_stay_linear(titles: Titles) -> None:
    """Titles followed by prepositions, places and years in long runs."""

    def make(n: int) -> str:
        return " ".join(["world champion in Rome in until 2013 a Copenaghen 2011"] * n)

    assert_linear(lambda text: titles.find(FoldedText(text).folded), make, 2000)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # A day, a place and "for the Nth time" between the verb and the title.
        ("Er wurde am Sonntag in Zürich zum zweiten Mal Weltmeister im Zeitfahren.", [WORLDS]),
        ("Hij werd zondag in Zürich voor de tweede keer wereldkampioen tijdrijden.", [WORLDS]),
        ("Han blev søndag i Glasgow verdensmester efter en lang spurt.", [WORLDS]),
        ("Il est devenu dimanche à Zurich champion du monde du contre-la-montre.", [WORLDS]),
        ("Se proclamó el domingo en Zúrich campeón del mundo contrarreloj.", [WORLDS]),
        ("Ha vinto domenica a Zurigo il titolo mondiale della cronometro.", [WORLDS]),
        ("On Sunday he became world time trial champion for the second time.", [WORLDS]),
        ("Je v nedeljo postal novi svetovni prvak.", [WORLDS]),
        # The same adverbials with a results line's fronted copula: still the subject.
        ("Zweiter wurde am Sonntag in Zürich der Weltmeister.", []),
        # Two places are a list, not the place the title was won at.
        ("Er wurde in Zürich in Bern Weltmeister.", []),
    ],
)
def test_adverbials_between_the_verb_and_the_title(
    titles: Titles, text: str, found: list[str]
) -> None:
    assert titles.find(FoldedText(text).folded) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # A discipline past an adverbial, or in several words.
        ("He became world champion for the eighth time in cyclo-cross on Sunday.", []),
        ("He became Olympic champion in mountain biking again in Paris.", []),
        ("She became European champion in the elimination race in Apeldoorn.", []),
        ("She became world champion in the points race.", []),
        # The road, after the same adverbials: still the road title.
        ("He became world champion for the second time on the road.", [WORLDS]),
        ("He became Olympic champion again in Paris.", [OLYMPICS]),
    ],
)
def test_a_discipline_past_adverbials_rules_the_title_out(
    titles: Titles, text: str, found: list[str]
) -> None:
    assert titles.find(FoldedText(text).folded) == found


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Ethan Hayter has won 14 national titles on the track.", []),
        ("fr", "Benjamin Thomas a remporté trois titres nationaux sur la piste cet hiver.", []),
        ("en", "Thibau Nys won the national championships in cyclo-cross on Sunday.", []),
        ("en", "Ethan Hayter has won two national titles on the road.", ["British"]),
    ],
)
def test_track_national_titles_are_no_road_nationals(
    tagger: Tagger, language: str, text: str, expected: list[str]
) -> None:
    found = races(tagger, text, language)
    assert [name.split()[0] for name in found if "National" in name] == expected


def test_adverbials_stay_linear(titles: Titles) -> None:
    """Days, "for the Nth time" and places repeated before and after titles."""

    def make(n: int) -> str:
        return " ".join(
            ["wurde am Sonntag in Zürich zum zweiten Mal Weltmeister for the second time in"] * n
        )

    assert_linear(lambda text: titles.find(FoldedText(text).folded), make, 1000)
