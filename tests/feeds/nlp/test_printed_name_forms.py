"""Names as the press prints them, which the roster's own forms miss: a given name's short
form ("Juanpe López", "Nacho Prado"), a Danish or Norwegian family middle name with the given
name ("Mads Würtz"), a first name before "and" in the Nordic and Slovenian languages ("Ivo og
Rui Oliveira"); and what is no rider: a team's UCI code in capitals ('BEX'), an everyday
word that opens a sentence ("Double vainqueur", "Champion du monde")."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.roster import Roster, parse_roster
from feeds.tagger import Tagger

WHEN = date(2025, 6, 1)

ROSTER = """
[[team]]
id = "movistar"
country = "ESP"
names = [{ name = "Movistar Team", from = 2011-01-01 }]

[[team]]
id = "uno-x"
country = "NOR"
names = [{ name = "Uno-X Mobility", from = 2024-01-01 }]

[[team]]
id = "uae"
country = "UAE"
names = [{ name = "UAE Team Emirates", from = 2019-01-01 }]

[[team]]
id = "jayco"
country = "AUS"
names = [{ name = "Team Jayco AlUla", from = 2023-01-01 }]

[[rider]]
name = "Tadej Pogačar"
nationality = "SLO"
teams = [{ team = "uae", from = 2019 }]

[[rider]]
name = "Juan Pedro López"
nationality = "ESP"
teams = [{ team = "movistar", from = 2025 }]

[[rider]]
name = "Ignacio Prado"
nationality = "MEX"
teams = [{ team = "movistar", from = 2025 }]

[[rider]]
name = "Mads Würtz Schmidt"
nationality = "DEN"
teams = [{ team = "uno-x", from = 2024 }]

[[rider]]
name = "Mads Pedersen"
nationality = "DEN"
teams = [{ team = "uno-x", from = 2019 }]

[[rider]]
name = "Rasmus Søjberg Pedersen"
nationality = "DEN"
teams = [{ team = "uno-x", from = 2025 }]

[[rider]]
name = "Aleksandr Vlasov"
nationality = "RUS"
teams = [{ team = "uae", from = 2022 }]

[[rider]]
name = "Rasmus Tiller"
nationality = "NOR"
teams = [{ team = "uno-x", from = 2020 }]

[[rider]]
name = "Florian Kajamini"
nationality = "ITA"
teams = [{ team = "uae", from = 2025 }]

[[rider]]
name = "Samuel Watson"
nationality = "GBR"
teams = [{ team = "jayco", from = 2025 }]

[[rider]]
name = "Odd Christian Eiking"
nationality = "NOR"
teams = [{ team = "uno-x", from = 2024 }]

[[rider]]
name = "Christian Scaroni"
nationality = "ITA"
teams = [{ team = "uae", from = 2025 }]

[[rider]]
name = "Ivo Oliveira"
nationality = "POR"
teams = [{ team = "uae", from = 2020 }]

[[rider]]
name = "Rui Oliveira"
nationality = "POR"
teams = [{ team = "uae", from = 2020 }]

[[rider]]
name = "Nathalie Bex"
nationality = "AUS"
teams = [{ team = "jayco", from = 2023 }]

[[rider]]
name = "Paul Double"
nationality = "GBR"
teams = [{ team = "jayco", from = 2025 }]

[[rider]]
name = "Thomas Champion"
nationality = "FRA"
teams = [{ team = "jayco", from = 2025 }]
"""

LEDE = "Tadej Pogačar (UAE Team Emirates) won again. "


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    roster: Roster = parse_roster(ROSTER)
    return Tagger(roster)


def riders(tagger: Tagger, text: str, language: str | None = None) -> list[str]:
    tags = tagger.tag("Cycling news", LEDE + text, WHEN, feed_is_cycling=True, language=language)
    return sorted(r for r in tags.riders if r != "tadej-pogacar")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Movistar ficha a Juanpe López para la Vuelta.", "es", ["juan-pedro-lopez"]),
        ("Nacho Prado vence en la montaña.", "es", ["ignacio-prado"]),
        ("Juanpe López e Nacho Prado correm a Volta.", "pt", ["ignacio-prado", "juan-pedro-lopez"]),
        ("Af danske ryttere gælder det Mads Würtz og andre.", "da", ["mads-wurtz-schmidt"]),
        ("Uno-X stiller med Mads Würtz i Norge.", "no", ["mads-wurtz-schmidt"]),
        ("Mads Würtz Schmidt fährt für Uno-X.", "de", ["mads-wurtz-schmidt"]),
    ],
)
def test_the_press_forms_of_a_name(
    tagger: Tagger, text: str, language: str, expected: list[str]
) -> None:
    assert riders(tagger, text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Landsmanden Rasmus Søjberg kører med Mads Pedersens trækdyr.", "da"),
        ("Rasmus Søjberg sykler for Mads Pedersens lag.", "no"),
    ],
)
def test_a_misspelt_or_declined_surname_after_a_first_name_is_that_persons(
    tagger: Tagger, text: str, language: str
) -> None:
    # "Pedersens" is one edit from the surname of Rasmus Søjberg Pedersen, named in the
    # story; the first name before it says it is Mads Pedersen's.
    assert riders(tagger, text, language) == ["mads-pedersen", "rasmus-sojberg-pedersen"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Avrà a disposizione Florian Samuel Kajamini e altri.", "it", ["florian-kajamini"]),
        ("Uno-X stiller med Rasmus Fossum Tiller (26) i Touren.", "no", ["rasmus-tiller"]),
        ("Uno-X har Rasmus Fossum Tiller med i Touren.", "da", ["rasmus-tiller"]),
        # Another first name before the surname, and no own first name before that: someone
        # else ("Samuel Kajamini" is not Florian).
        ("Il fratello Samuel Kajamini corre tra gli juniores.", "it", []),
    ],
)
def test_the_own_first_name_then_a_middle_name_the_roster_lacks(
    tagger: Tagger, text: str, language: str, expected: list[str]
) -> None:
    assert riders(tagger, text, language) == expected


def test_a_given_middle_name_is_no_family_name(tagger: Tagger) -> None:
    # "Odd Christian" is Eiking's two given names; "Christian Scaroni" is someone else.
    assert riders(tagger, "Odd Christian Scaroni signs.", "en") == ["christian-scaroni"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("portugalska dvojčka Ivo in Rui Oliveira bosta dirkala.", "sl"),
        ("Tvillingerne Ivo og Rui Oliveira kører for UAE Team Emirates.", "da"),
        ("Tvillingene Ivo og Rui Oliveira sykler for UAE Team Emirates.", "no"),
        ("Los gemelos Ivo y Rui Oliveira corren juntos.", "es"),
    ],
)
def test_a_first_name_before_and_shares_the_surname(
    tagger: Tagger, text: str, language: str
) -> None:
    assert riders(tagger, text, language) == ["ivo-oliveira", "rui-oliveira"]


@pytest.mark.parametrize(
    "text",
    [
        "De afkorting werd 'JAY' in plaats van 'BEX' bij Team Jayco AlUla.",
        "The UCI code changes from BEX to JAY for Team Jayco AlUla.",
    ],
)
def test_a_teams_code_in_capitals_is_no_surname(tagger: Tagger, text: str) -> None:
    assert riders(tagger, text) == []


def test_a_surname_in_ordinary_case_still_tags(tagger: Tagger) -> None:
    assert riders(tagger, "Team Jayco AlUla: Bex won the sprint.") == ["nathalie-bex"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Double vainqueur d'étape sur la Vuelta, le Belge est en forme.", "fr"),
        ("Double Olympic champion Remco Evenepoel rules out an exit.", "en"),
        ("Champion du monde de cyclo-cross en janvier, il a impressionné.", "fr"),
        ("Champion of the world in January, he impressed in spring.", "en"),
    ],
)
def test_an_everyday_word_opening_a_sentence_is_no_rider(
    tagger: Tagger, text: str, language: str
) -> None:
    assert riders(tagger, text, language) == []


def test_the_everyday_surname_with_its_team_is_the_rider(tagger: Tagger) -> None:
    text = "Paul Double (Team Jayco AlUla) attacked. Double then won the stage."
    assert riders(tagger, text, "en") == ["paul-double"]


@pytest.mark.parametrize(
    "text",
    [
        "Sieben Sekunden vor Alexander Wlasow (UAE Team Emirates) liegt er.",
        "Ayuso liegt vor Wlassow in der Gesamtwertung.",
    ],
)
def test_a_surname_as_german_spells_it(tagger: Tagger, text: str) -> None:
    assert riders(tagger, text, "de") == ["aleksandr-vlasov"]
