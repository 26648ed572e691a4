"""Surnames alone with a case ending (Slovenian "pridružil Rogliču", the German or Danish
genitive "Vingegaards"): the rider when the plain surname would be, in the languages
whose lexicon lists `name_case_endings`; never a word that only looks like one
(feeds/nlp/tag/inflected_surnames.py)."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.roster import parse_roster
from feeds.tagger import Tagger
from tests.growth import assert_linear

WHEN = date(2025, 2, 20)

ROSTER = """
[[team]]
id = "uae"
country = "UAE"
names = [{ name = "UAE Team Emirates", from = 2019-01-01 }]

[[team]]
id = "visma"
country = "NED"
names = [{ name = "Visma Lease a Bike", from = 2019-01-01 }]

[[team]]
id = "bahrain"
country = "BRN"
names = [{ name = "Bahrain Victorious", from = 2019-01-01 }]

[[team]]
id = "jayco"
country = "AUS"
names = [{ name = "Jayco AlUla", from = 2019-01-01 }]

[[team]]
id = "lidl-trek"
country = "USA"
names = [{ name = "Lidl-Trek", from = 2019-01-01 }]

[[team]]
id = "adria"
country = "SLO"
names = [{ name = "Adria Mobil", from = 2019-01-01 }]

[[team]]
id = "fdj-suez"
country = "FRA"
category = "women"
names = [{ name = "FDJ Suez", from = 2019-01-01 }]

[[rider]]
name = "Tadej Pogačar"
nationality = "SLO"
teams = [{ team = "uae", from = 2019 }]

[[rider]]
name = "Primož Roglič"
nationality = "SLO"
teams = [{ team = "jayco", from = 2019 }]

[[rider]]
name = "Jonas Vingegaard"
nationality = "DEN"
teams = [{ team = "visma", from = 2019 }]

[[rider]]
name = "Wout van Aert"
nationality = "BEL"
teams = [{ team = "visma", from = 2019 }]

[[rider]]
name = "Pello Bilbao"
nationality = "ESP"
teams = [{ team = "bahrain", from = 2019 }]

[[rider]]
name = "Luka Mezgec"
nationality = "SLO"
teams = [{ team = "jayco", from = 2019 }]

[[rider]]
name = "Leo Hayter"
nationality = "GBR"
teams = [{ team = "bahrain", from = 2022 }]

[[rider]]
name = "Jonathan Milan"
nationality = "ITA"
teams = [{ team = "lidl-trek", from = 2019 }]

[[rider]]
name = "Filippo Ganna"
nationality = "ITA"
teams = [{ team = "bahrain", from = 2019 }]

[[rider]]
name = "Simon Yates"
nationality = "GBR"
teams = [{ team = "visma", from = 2019 }]

[[rider]]
name = "Joshua Tarling"
nationality = "GBR"
teams = [{ team = "bahrain", from = 2023 }]

[[rider]]
name = "Žan Hus"
nationality = "SLO"
teams = [{ team = "adria", from = 2023 }]

[[rider]]
name = "Julien Simon"
nationality = "FRA"
teams = [{ team = "lidl-trek", from = 2019 }]

[[rider]]
name = "Cees Bol"
nationality = "NED"
teams = [{ team = "jayco", from = 2019 }]

[[rider]]
name = "Evita Muzic"
nationality = "FRA"
teams = [{ team = "fdj-suez", from = 2019 }]
"""


# A team that is none of the riders': the matcher needs one name it reads as written in a
# story before any rule runs (a story with none is tagged with nobody, at no cost).
OPENING = "Adria Mobil je objavila novico. "


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(parse_roster(ROSTER))


def riders(tagger: Tagger, text: str, language: str | None, cycling: bool = True) -> list[str]:
    tags = tagger.tag("Dirka", OPENING + text, WHEN, feed_is_cycling=cycling, language=language)
    return sorted(tags.riders)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Se bo Tratnik kmalu pridružil Rogliču?", "primoz-roglic"),  # dative -u
        ("Kolesarji so etapo odpeljali brez Pogačarja.", "tadej-pogacar"),  # genitive -ja
        ("Na cilju je bil z Vingegaardom in Bilbaom.", "jonas-vingegaard"),  # instrumental
        ("Za Rogličevo ekipo je bil to slab dan.", "primoz-roglic"),  # possessive -ev-
        ("Vodstvo je prevzel po napadu Pogačarjeve ekipe.", "tadej-pogacar"),  # -jev- after r
        ("Etapa je pripadla Ganni.", "filippo-ganna"),  # the final -a gives way to the ending
        ("Za Mezgca je bil to prvi sprint sezone.", "luka-mezgec"),  # fleeting e drops
        ("Zmago so pripisali van Aertu.", "wout-van-aert"),  # the particle as written
        ("Za Muzicovo ekipo je bil to slab dan.", "evita-muzic"),  # a woman's surname
    ],
)
def test_a_declined_surname_alone_is_its_rider(tagger: Tagger, text: str, person: str) -> None:
    assert person in riders(tagger, text, "sl")


def test_a_declined_surname_after_a_form_of_its_riders_first_name(tagger: Tagger) -> None:
    """ "Lea Hayterja": the first name too short to decline for the full-name rule, but a
    form of the rider's own, so it does not make the surname someone else's."""
    text = "Na startu bo tudi mladi Britanec Lea Hayterja iz ekipe Bahrain Victorious."
    assert "leo-hayter" in riders(tagger, text, "sl")


def mentions_of(tagger: Tagger, text: str, language: str, person: str) -> int:
    found = tagger.mentions("Dirka", OPENING + text, WHEN, True, language)
    return sum(m.entity_id == person for m in found)


@pytest.mark.parametrize(
    ("language", "text", "person"),
    [
        ("de", "Pogačar gewann. Pogačars Angriff am letzten Anstieg kam zu spät.", "tadej-pogacar"),
        (
            "da",
            "Vingegaard er tilbage. Holdet skriver, at Vingegaards tilstand er stabil.",
            "jonas-vingegaard",
        ),
        ("no", "Tadej Pogačar vant. Rittet endte i Pogačars favør.", "tadej-pogacar"),
        (
            "nl",
            "Jonas Vingegaard won. Evenals Roglič was ook Vingegaards ploeg op zoek naar de zege.",
            "jonas-vingegaard",
        ),
    ],
)
def test_the_genitive_s_of_a_surname_the_story_names_otherwise(
    tagger: Tagger, language: str, text: str, person: str
) -> None:
    """The plain or full name elsewhere, and the genitive is a second mention of him."""
    assert mentions_of(tagger, text, language, person) == 2


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Pogačars Angriff am letzten Anstieg kam zu spät."),
        ("da", "Holdet skriver, at Vingegaards tilstand er stabil."),
        ("nl", "Evenals Roglič was ook Vingegaards ploeg op zoek naar de zege."),
    ],
)
def test_the_genitive_s_alone_names_nobody(tagger: Tagger, language: str, text: str) -> None:
    """-s is also the plural or an everyday genitive ("Molenaars en Bakkers", "Bernals
    Restaurant"): a word with it names a rider only when the story names him otherwise."""
    assert mentions_of(tagger, text, language, "tadej-pogacar") == 0
    assert mentions_of(tagger, text, language, "jonas-vingegaard") == 0


@pytest.mark.parametrize("language", ["en", "it", "pt", "fr"])
def test_languages_without_endings_read_no_ending(tagger: Tagger, language: str) -> None:
    """English writes "Pogačar's" (the matcher reads the surname before the apostrophe);
    Italian, Portuguese and French put no ending on a name."""
    text = "Pogačars, Rogliču, Vingegaarda and Ganni were in the group. The stage was hard."
    assert riders(tagger, text, language) == []
    assert len(riders(tagger, text, "sl")) == 3


@pytest.mark.parametrize(
    "text",
    [
        "V Milana je prispel z vlakom, etapa pa je bila dolga.",  # Milan, the city (everyday word)
        "Simona je kolesarila z ekipo na etapi.",  # Simon: a first name declines the same way
        "Za Husa je bila etapa dolga.",  # a stem of three letters (Hus)
        "Pogačarja, pogačarja: kuhar je spekel pecivo.",  # the word is used in lower case
    ],
)
def test_a_word_that_only_looks_like_a_declined_surname(tagger: Tagger, text: str) -> None:
    assert riders(tagger, text, "sl") == []


@pytest.mark.parametrize(
    ("plain", "declined"),
    [
        # Someone else's first name before it, declined too ("Joshua Pogačar" is not Tadej).
        ("Joshua Pogačar je zmagal.", "Joshuo Pogačarju je ušla etapa."),
        ("Tadej Ganna ni bil na startu.", "Tadeja Ganne ni bilo na startu."),
        # An everyday word: alone, with no team beside it, it is the word.
        ("Po etapi je Milan zmagal.", "Po etapi je Milana pohvalil."),
    ],
)
def test_a_surname_not_taken_alone_is_not_taken_declined(
    tagger: Tagger, plain: str, declined: str
) -> None:
    """The declined surname is read by the rules for the surname alone: where the plain
    surname names nobody, neither does the declined one."""
    assert riders(tagger, plain, "sl") == []
    assert riders(tagger, declined, "sl") == []


def test_a_short_surname_is_read_as_written_only(tagger: Tagger) -> None:
    assert riders(tagger, "Hus je bil na etapi drugi.", "sl") == ["zan-hus"]
    assert riders(tagger, "Za Husa je bila etapa dolga.", "sl") == []


def test_a_story_that_is_not_about_cycling_names_nobody(tagger: Tagger) -> None:
    text = "Na kosilu smo govorili o Rogliču in Pogačarju, potem smo šli domov."
    assert riders(tagger, text, "sl", cycling=False) == []
    assert riders(tagger, "Na kosilu smo govorili o Rogliču.", "sl") == ["primoz-roglic"]


@pytest.mark.parametrize("language", ["sl", "de"])
def test_linear_time_on_hostile_text(tagger: Tagger, language: str) -> None:
    """Every word capitalised and ending in an ending, some after particles: four times
    the text may not take eight times as long."""
    phrase = "Pogačarja Rogliču van der Aertu Bilbaus Mezgcem Ovovovov Jajajaja Simonas "
    assert_linear(
        lambda body: tagger.tag("Dirka", body, WHEN, True, language),
        lambda n: "Tadej Pogačar je zmagal. " + phrase * n,
        400,
    )
