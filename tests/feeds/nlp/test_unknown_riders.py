"""Riders the roster does not know (feeds/nlp/tag/unknown_riders.py, issue #13): a person
outside the roster is a rider when a team stands in brackets after the name, or a rider
noun of the story's language in apposition with it; staff, outsiders, former riders,
race and team names, and names beside everyday verbs are not. Moves never change.
Invented names throughout (`test_the_invented_names_are_unknown` checks)."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.models import StoryTags
from feeds.roster import load_roster, slugify
from feeds.tagger import Tagger
from tests.growth import assert_linear

JUNE_2024 = date(2024, 6, 10)
INVENTED = (
    "Juan Pereztegui",
    "Marius Kellerhals",
    "Arne Vercauteren",
    "Andrea Sbrissolo",
    "Pierre Lagrange-Dumoulin",
    "Daan van Wijngaarde",
    "Tobias Lindqvort",
    "Aitor Zubizarreko",
    "Senne Hoefkens",
    "Luka Novakovnik",
    "Jonas Brekkestrand",
)


def _tag(tagger: Tagger, text: str, language: str | None = None) -> StoryTags:
    title, body = text.split("\n", 1)
    return tagger.tag(title, body, JUNE_2024, True, language=language)


def _riders(tagger: Tagger, text: str, language: str | None = None) -> list[str]:
    return _tag(tagger, text, language).unknown_riders


def test_the_invented_names_are_unknown() -> None:
    roster = load_roster()
    for name in INVENTED:
        assert slugify(name) not in roster.people


# --- a team in brackets after the name -------------------------------------------------


def test_a_team_in_brackets_names_a_rider(tagger: Tagger) -> None:
    text = "Stage report\nJuan Pereztegui (Cofidis) attacked on the last climb of the day."
    assert _riders(tagger, text, "en") == ["Juan Pereztegui"]


def test_a_results_line_names_its_riders(tagger: Tagger) -> None:
    text = (
        "Results of the stage\n"
        "1. Marius Kellerhals (Tudor Pro Cycling Team) 4h12'05\"\n"
        "2. Arne Vercauteren (Lotto Dstny) same time\n"
    )
    assert _riders(tagger, text, "en") == ["Marius Kellerhals", "Arne Vercauteren"]


def test_a_bracket_without_a_team_names_nobody(tagger: Tagger) -> None:
    text = "Stage report\nJuan Pereztegui (22) attacked on the last climb of the day."
    assert _riders(tagger, text, "en") == []


def test_a_manager_with_a_team_in_brackets_is_no_rider(tagger: Tagger) -> None:
    text = (
        "Team news\nTeam manager Marius Kellerhals (Cofidis) said the squad is ready.\n"
        "Sports director Arne Vercauteren (Lotto Dstny) agreed."
    )
    assert _riders(tagger, text, "en") == []


def test_a_sponsor_inside_a_team_name_is_no_rider(tagger: Tagger) -> None:
    # a run of words of a roster team's name ("... Maria Nova Hotel") is its sponsor's,
    # printed like a person's name even with a team in brackets after it
    text = "Team news\nThe riders stayed at the Maria Nova (Cofidis booked the hotel)."
    assert _riders(tagger, text, "en") == []


# --- a rider noun in apposition ---------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("en", "Race report\nThe Belgian neo-pro Arne Vercauteren won.", "Arne Vercauteren"),
        ("en", "Race report\nThe Cofidis rider Arne Vercauteren won.", "Arne Vercauteren"),
        ("it", "Cronaca\nIl corridore belga Andrea Sbrissolo ha vinto.", "Andrea Sbrissolo"),
        (
            "fr",
            "Course\nLe coureur Pierre Lagrange-Dumoulin a gagné le sprint.",
            "Pierre Lagrange-Dumoulin",
        ),
        ("nl", "Koers\nDe renner Daan van Wijngaarde won de sprint.", "Daan van Wijngaarde"),
        ("de", "Rennen\nDer Radprofi Tobias Lindqvort gewann den Sprint.", "Tobias Lindqvort"),
        ("es", "Carrera\nEl corredor Aitor Zubizarreko ganó el esprint.", "Aitor Zubizarreko"),
        ("es", "Carrera\nEl ciclista Aitor Zubizarreko ganó con Movistar.", "Aitor Zubizarreko"),
        ("da", "Løb\nRytteren Jonas Brekkestrand vandt spurten.", "Jonas Brekkestrand"),
        (
            "sl",
            "Dirka\nKolesar Luka Novakovnik je zmagal za Bahrain Victorious.",
            "Luka Novakovnik",
        ),
        (
            "en",
            "Race report\nSenne Hoefkens, a 21-year-old Belgian neo-pro, won the sprint.",
            "Senne Hoefkens",
        ),
    ],
)
def test_a_rider_noun_in_apposition_names_a_rider(
    tagger: Tagger, language: str, text: str, name: str
) -> None:
    assert _riders(tagger, text, language) == [name]


def test_a_verb_between_the_noun_and_the_name_names_nobody(tagger: Tagger) -> None:
    # the everyday reading: the riders are the subject, the name the verb's object
    text = "Race report\nThe riders thanked Juan Pereztegui for the organisation."
    assert _riders(tagger, text, "en") == []
    text = "Cronaca\nI corridori ringraziano Andrea Sbrissolo per l'organizzazione."
    assert _riders(tagger, text, "it") == []


def test_a_former_rider_is_no_rider(tagger: Tagger) -> None:
    text = "Interview\nThe former rider Marius Kellerhals now comments the races on TV."
    assert _riders(tagger, text, "en") == []
    text = "Entrevista\nLa ex ciclista Aitor Zubizarreko dirige ahora el equipo."
    assert _riders(tagger, text, "es") == []
    text = "Rumeur\nMarius Kellerhals, ancien coureur devenu commentateur, l'affirme."
    assert _riders(tagger, text, "fr") == []


def test_a_race_named_after_a_person_is_no_rider(tagger: Tagger) -> None:
    text = "Race report\nThe riders of the Memorial Juan Pereztegui (Cofidis won it) set off."
    assert _riders(tagger, text, "en") == []


def test_a_journalist_is_no_rider(tagger: Tagger) -> None:
    text = "Rumours\nThe rider, according to journalist Marius Kellerhals (Cofidis), will stay."
    assert _riders(tagger, text, "en") == []


def test_a_roster_rider_is_not_repeated(tagger: Tagger) -> None:
    tags = _tag(tagger, "Race report\nThe rider Tadej Pogačar (UAE Team Emirates) won.", "en")
    assert tags.unknown_riders == []
    assert tags.riders  # the roster rider is tagged as before


def test_unknown_riders_never_change_a_move() -> None:
    roster = load_roster()
    on, off = Tagger(roster), Tagger(roster, unknown_riders=False)
    text = (
        "Cofidis signs two riders\nCofidis have signed the Belgian rider Arne Vercauteren "
        "and Marius Kellerhals (Lotto Dstny) will join Cofidis next season."
    )
    title, body = text.split("\n", 1)
    a = on.tag(title, body, JUNE_2024, True, language="en")
    b = off.tag(title, body, JUNE_2024, True, language="en")
    assert a.moves == b.moves and a.riders == b.riders and a.teams == b.teams
    assert "Arne Vercauteren" in a.unknown_riders and b.unknown_riders == []


# --- hostile input ----------------------------------------------------------------------


def _many_bracketed(n: int) -> str:
    """n results lines with a bracketed team each: the reader's busiest path."""
    return "\n".join(f"{k}. Juan Pereztegui (Cofidis) 4h12'" for k in range(n))


def _many_nouns(n: int) -> str:
    """n rider nouns each before a name, then a long run of words with no punctuation."""
    return "the rider Juan Pereztegui " * n + "rider " * n


def _surname(k: int) -> str:
    letters = ""
    for _ in range(5):
        k, r = divmod(k, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[r]
    return "Bel" + letters


def _long_list(n: int) -> str:
    """A rider, then n distinct names outside the roster in one list: every name is read
    against the roster's near names and the list is walked once."""
    return (
        "Cofidis start with Tadej Pogačar, "
        + ", ".join(f"Juan {_surname(k)}" for k in range(n))
        + "."
    )


def test_many_names_read_linearly(tagger: Tagger) -> None:
    def read(body: str) -> object:
        return tagger.tag("Results", body, JUNE_2024, True, language="en").unknown_riders

    assert read(_many_bracketed(3)) == ["Juan Pereztegui"]  # the path is reached
    assert_linear(read, _many_bracketed, 500)
    assert_linear(read, _many_nouns, 500)
    assert len(read(_long_list(10))) == 10  # the list rule is reached
    assert_linear(read, _long_list, 300)


# --- a list with a rider ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Race report\nCofidis start with Tadej Pogačar, Juan Pereztegui and Marius Kellerhals.",
        ),
        ("it", "Cronaca\nLa Cofidis schiera Tadej Pogačar, Juan Pereztegui e Marius Kellerhals."),
        ("nl", "Koers\nCofidis rekent op Tadej Pogačar, Juan Pereztegui en Marius Kellerhals."),
        ("es", "Carrera\nCofidis alinea a Tadej Pogačar, Juan Pereztegui y Marius Kellerhals."),
    ],
)
def test_a_list_with_a_rider_names_riders(tagger: Tagger, language: str, text: str) -> None:
    assert _riders(tagger, text, language) == ["Juan Pereztegui", "Marius Kellerhals"]


def test_a_list_goes_on_after_a_bracket(tagger: Tagger) -> None:
    text = (
        "Race report\nThe break: Tadej Pogačar (UAE Team Emirates), Juan Pereztegui and "
        "Arne Vercauteren."
    )
    assert _riders(tagger, text, "en") == ["Juan Pereztegui", "Arne Vercauteren"]


def test_a_list_without_a_rider_names_nobody(tagger: Tagger) -> None:
    text = "Team news\nJuan Pereztegui and Marius Kellerhals attended the presentation."
    assert _riders(tagger, text, "en") == []
    # the list ends where a rider's sentence starts
    text = "Team news\nJuan Pereztegui and Marius Kellerhals attended. Tadej Pogačar spoke."
    assert _riders(tagger, text, "en") == []


def test_a_sentence_end_breaks_the_list(tagger: Tagger) -> None:
    text = (
        "Race report\nThe stage went to Tadej Pogačar. Juan Pereztegui, the mayor, handed "
        "him the prize."
    )
    assert _riders(tagger, text, "en") == []


def test_a_titled_manager_in_a_rider_list_is_no_rider(tagger: Tagger) -> None:
    text = "Team news\nTadej Pogačar and sports director Marius Kellerhals spoke to the press."
    assert _riders(tagger, text, "en") == []


# --- names the tagger read in part, names close to a roster rider's -----------------------


def test_the_rest_of_a_longer_name_is_nobody(tagger: Tagger) -> None:
    # the tagger reads the surname; the given names before it are the same person's
    text = "Race report\nThe riders: Tadej Pogačar, Richard Antonio Carapaz, Nils Politt."
    assert _riders(tagger, text, "en") == []
    text = (
        "Race report\nThe riders of Cofidis: Tadej Pogačar, Egan Arley Bernal and Juan Pereztegui."
    )
    assert _riders(tagger, text, "en") == ["Juan Pereztegui"]


def test_a_team_before_the_name_is_no_part_of_it(tagger: Tagger) -> None:
    text = "Løb\nDet siger den 24-årige Cofidis-rytter Marius Kellerhals om løbet."
    assert _riders(tagger, text, "da") == ["Marius Kellerhals"]


def test_a_name_near_a_roster_riders_is_theirs() -> None:
    from feeds.nlp.tag.unknown_riders import NearNames
    from feeds.roster import Person, Roster

    roster = Roster(
        {},
        {
            "a": Person("a", "Damiano Hovsonetti", "rider"),
            "b": Person("b", "Corrado Brambillone", "rider", retired=2010),
            "c": Person("c", "Elio Marchettini", "rider"),
            "d": Person("d", "Elio Marchettino", "rider"),
        },
    )
    near = NearNames.of(roster)
    assert near.resolve("Damiano Hovsonetti", JUNE_2024) == "Damiano Hovsonetti"
    assert near.resolve("Damiano Hovsonneti", JUNE_2024) == "Damiano Hovsonetti"  # misspelt
    assert near.resolve("Damiano Kellerhals", JUNE_2024) == "Damiano Kellerhals"  # not near
    assert near.resolve("Corrado Brambilone", JUNE_2024) is None  # a retired rider's
    assert near.resolve("Elio Marchettina", JUNE_2024) is None  # two riders' names are near
