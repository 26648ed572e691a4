"""A title names its championship when the words around it state the win: a verb of
winning or becoming before it, small words between, or its year after the event it was
won in; a title that describes a rider does not (feeds/races/wins.py)."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.races import bundled_calendar
from feeds.races.model import CalendarError
from feeds.races.titles import Titles, bundled_titles, parse_titles
from feeds.tagger import Tagger
from feeds.text.fold import FoldedText
from tests.growth import assert_linear

WORLDS = "world-championships"
OLYMPICS = "olympic-games"
EUROS = "european-championships"


@pytest.fixture(scope="module")
def titles() -> Titles:
    return bundled_titles(bundled_calendar())


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # A verb of winning or becoming before the title, small words between.
        ("Two years later he became world champion in Australia.", [WORLDS]),
        ("She won the Olympic title on a hot afternoon.", [OLYMPICS]),
        ("Daarna werd hij ook wereldkampioen, tot ieders verrassing.", [WORLDS]),
        ("Elle a décroché le titre mondial devant deux favoris.", [WORLDS]),
        ("Ha conquistato il titolo europeo davanti al pubblico di casa.", [EUROS]),
        ("Se proclamó campeón del mundo tras un ataque lejano.", [WORLDS]),
        ("Sagrou-se campeão da Europa numa chegada ao sprint.", [EUROS]),
        ("Im Jahr darauf wurde er Weltmeister.", [WORLDS]),
        ("Et år senere blev hun verdensmester.", [WORLDS]),
        ("Året etter ble han også europamester.", [EUROS]),
        ("Kasneje je postal svetovni prvak.", [WORLDS]),
        ("Je nova evropska prvakinja.", [EUROS]),
        # The year after the event the title was won in.
        ("Campeão do mundo de contrarrelógio em 2013, o corredor despede-se.", [WORLDS]),
        ("Championne du monde du contre-la-montre en 2019, elle arrête.", [WORLDS]),
        ("World champion in the time trial in 2022, he moves on.", [WORLDS]),
        # A title that describes a rider.
        ("The world champion attacked twice.", []),
        ("He won the sprint ahead of the world champion.", []),
        ("She won in the world champion's jersey.", []),
        ("De wereldkampioen won de sprint.", []),
        ("Le champion du monde a remporté l'étape.", []),
        ("Il campione del mondo ha vinto la tappa.", []),
        ("El campeón del mundo ganó la etapa.", []),
        ("O campeão do mundo venceu a etapa.", []),
        ("Der Weltmeister gewann die Etappe.", []),
        ("Verdensmesteren vandt etapen.", []),
        ("Verdensmesteren vant etappen.", []),
        ("Svetovni prvak je zmagal v etapi.", []),
        # Another category or discipline, even won.
        ("Hij werd wereldkampioen veldrijden.", []),
        ("Elle est devenue championne du monde sur piste en 2023.", []),
        ("Ele venceu o título mundial de sub-23 em Glasgow.", []),
    ],
)
def test_a_title_won_names_its_championship(titles: Titles, text: str, found: list[str]) -> None:
    assert titles.find(FoldedText(text).folded) == found


def races(tagger: Tagger, text: str, language: str) -> list[str]:
    tags = tagger.tag("Transfer news", text, date(2025, 1, 20), True, language=language)
    return [tagger.races.calendar.races[r].name for r in tags.races]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "da",
            "Mads Pedersen vandt tre etaper, og bagefter blev han dansk mester.",
            ["Danish National Road Championships"],
        ),
        (
            "sl",
            "Tadej Pogačar je postal tudi državni prvak v cestni dirki.",
            ["Slovenian National Road Championships"],
        ),
        (
            "pt",
            "João Almeida, campeão nacional de contrarrelógio em 2021, renovou.",
            ["Portuguese National Road Championships"],
        ),
        (
            "fr",
            "Julian Alaphilippe est devenu champion national en Bretagne.",
            ["French National Road Championships"],
        ),
        ("da", "Mads Pedersen, dansk mester, skifter hold.", []),
        ("sl", "Državni prvak Tadej Pogačar je zmagal.", []),
    ],
)
def test_a_national_title_won_names_the_rider_s_championships(
    tagger: Tagger, language: str, text: str, expected: list[str]
) -> None:
    assert races(tagger, text, language) == expected


def test_a_title_with_no_rider_before_it_in_its_paragraph_is_the_story_rider_s(
    tagger: Tagger,
) -> None:
    """The story's rider, named twice, not the one named after in the title's paragraph."""
    text = (
        "Mads Pedersen joins a new team. Mads Pedersen signed for three years.\n\n"
        "The 29-year-old became national champion in 2019, ahead of Tadej Pogačar."
    )
    assert races(tagger, text, "en") == ["Danish National Road Championships"]
    once = "Mads Pedersen trains in Spain.\n\nHe became national champion, ahead of Tadej Pogačar."
    assert races(tagger, once, "en") == ["Slovenian National Road Championships"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('[wins]\nbefore = ["won it"]', "wins.before: one word each"),
        ('[wins]\nlater = ["won"]', "wins: unknown key 'later'"),
        ('wins = ["won"]', "[wins]: must be a table"),
    ],
)
def test_bad_win_words_are_refused(text: str, reason: str) -> None:
    with pytest.raises(CalendarError, match=reason.replace("[", r"\[")):
        parse_titles(text, "titles.toml", bundled_calendar())


def test_win_words_stay_linear_on_hostile_text(titles: Titles) -> None:
    """Thousands of titles, each after a run of small words: a bounded look per title."""

    def make(n: int) -> str:
        return " ".join(["he became the also the world champion"] * n)

    assert_linear(lambda text: titles.find(FoldedText(text).folded), make, 2000)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A championship's full name inside a title is the title's: no win, no race.
        ("Richard Carapaz, the reigning Olympic road race champion, moves on.", []),
        ("Richard Carapaz, Olympic time trial champion, moves on.", []),
        # Dated right before it: a win.
        (
            "The team is run by 2012 Olympic road race champion Alexander Vinokourov.",
            ["Olympic Games"],
        ),
        ("Richard Carapaz won the Olympic road race in Tokyo.", ["Olympic Games"]),
        # A short name inside a title still names the event.
        ("Peter Sagan gewann drei WM-Titel in Serie.", ["UCI Road World Championships"]),
    ],
)
def test_a_name_inside_a_title_counts_as_the_title(
    tagger: Tagger, text: str, expected: list[str]
) -> None:
    assert races(tagger, text, "en" if "WM" not in text else "de") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pablo Castrillo brilló en el Mundial de Zúrich.", ["UCI Road World Championships"]),
        ("Pablo Castrillo brilló en el Mundial de Glasgow.", ["UCI Road World Championships"]),
        # The linking word alone links another event.
        ("Pablo Castrillo vio el Mundial de Clubes.", []),
    ],
)
def test_a_short_name_and_its_host(tagger: Tagger, text: str, expected: list[str]) -> None:
    assert races(tagger, text, "es") == expected


def test_names_inside_titles_stay_linear(tagger: Tagger) -> None:
    """Thousands of titles holding a name, beside thousands of names alone."""

    def make(n: int) -> str:
        return "Richard Carapaz. " + " ".join(
            ["the Olympic road race champion and the Olympic road race"] * n
        )

    assert_linear(lambda text: races(tagger, text, "en"), make, 500)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # The preterite of "to be" tells the title won in Portuguese and Spanish.
        ("Foi campeão da Europa de estrada em Plouay.", [EUROS]),
        ("Fue campeón del mundo en Imola.", [WORLDS]),
        ("O campeão da Europa foi o mais rápido.", []),
        # A championship's title in the singular, won.
        ("She has since won the European Road Championship title.", [EUROS]),
        ("The European Road Championship title holder starts.", []),
    ],
)
def test_more_wins_stated(titles: Titles, text: str, found: list[str]) -> None:
    assert titles.find(FoldedText(text).folded) == found


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "pt",
            "Nelson Oliveira foi sexto no Europeu de contrarrelógio.",
            ["European Road Championships"],
        ),
        (
            "es",
            "Pablo Castrillo rozó las medallas en el Mundial de contrarreloj.",
            ["UCI Road World Championships"],
        ),
        ("es", "Pablo Castrillo vio el Mundial de fútbol.", []),
    ],
)
def test_a_short_name_and_a_road_event(
    tagger: Tagger, language: str, text: str, expected: list[str]
) -> None:
    assert races(tagger, text, language) == expected
