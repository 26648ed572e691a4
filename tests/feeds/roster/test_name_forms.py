"""The press's short forms of names (feeds/roster/data/name-forms.toml): the table is checked
whole when read, and turns into the right extra forms of a person's name."""

from __future__ import annotations

import pytest

from feeds.nlp.tag.names import split_name
from feeds.roster import NOT_ROSTER_FILES, Person, RosterError, bundled_files
from feeds.roster.name_forms import (
    DATA_FILE,
    bundled_name_forms,
    parse_name_forms,
    person_name_forms,
    surname_spellings,
)

GIVEN_NAMES = {"christian", "erik", "mads", "tobias", "odd"}


def forms_of(name: str, nationality: str | None = None) -> list[str]:
    person = Person(id="x", name=name, kind="rider", nationality=nationality)
    given, surname = split_name(name)
    return person_name_forms(person, given, surname, GIVEN_NAMES)


def test_the_table_is_no_roster_file() -> None:
    assert DATA_FILE in NOT_ROSTER_FILES
    assert DATA_FILE not in {item.name for item in bundled_files()}


def test_the_bundled_table_has_every_language_it_states() -> None:
    forms = bundled_name_forms()
    assert forms.short_given["juan pedro"] == ("Juanpe",)
    assert "Nacho" in forms.short_given["ignacio"]
    assert "Beppe" in forms.short_given["giuseppe"]
    assert forms.middle_name_nationalities == {"DEN", "NOR"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # Two given names the table knows together win over the first alone.
        ("Juan Pedro López", ["Juanpe López"]),
        ("José María Martín", ["Chema Martín", "Josemari Martín"]),
        # The table is one for every language: José is "Pepe" in Spanish, "Zé" in Portuguese.
        ("José Joaquín Rojas", ["Pepe Rojas", "Zé Rojas"]),
        ("Daniel Felipe Martínez", ["Dani Martínez"]),
        ("Ignacio Prado", ["Nacho Prado"]),
        ("Giuseppe Fonzi", ["Beppe Fonzi", "Peppe Fonzi"]),
        # A surname with a particle keeps it.
        ("Francisco de la Cruz", ["Fran de la Cruz", "Paco de la Cruz", "Curro de la Cruz"]),
        ("Tadej Pogačar", []),
    ],
)
def test_short_given_names(name: str, expected: list[str]) -> None:
    assert forms_of(name, "ESP") == expected


@pytest.mark.parametrize(
    ("name", "nationality", "expected"),
    [
        ("Mads Würtz Schmidt", "DEN", ["Mads Würtz"]),
        ("Tobias Halland Johannessen", "NOR", ["Tobias Halland"]),
        # The middle word is a given name: a second given name, no family name.
        ("Odd Christian Eiking", "NOR", []),
        # Not a Danish or Norwegian custom: "Daniel Felipe" is no form of Martínez's name.
        ("Mads Würtz Schmidt", "GER", []),
        ("Mads Pedersen", "DEN", []),
    ],
)
def test_family_middle_names(name: str, nationality: str, expected: list[str]) -> None:
    assert forms_of(name, nationality) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[short_given.es]\nJuan = 'Juanito'", "a list of one-word short forms"),
        ("[short_given.es]\nJuan = ['Juan Pe']", "a list of one-word short forms"),
        ("[short_given.es]\n'Juan Pedro María' = ['Juanpe']", "one or two words"),
        ("[short_given]\nes = 3", "must be a table"),
        ("[family_middle_names]\nnationalities = ['Denmark']", "IOC codes"),
        ("[given]\nx = 1", "unknown table"),
        ("[short_given.es\n", "not valid TOML"),
    ],
)
def test_a_bad_table_is_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(RosterError, match=reason):
        parse_name_forms(text, "forms.toml")


@pytest.mark.parametrize(
    ("name", "nationality", "expected"),
    [
        ("Aleksandr Vlasov", "RUS", ["wlasow", "wlassow"]),
        ("Alexey Lutsenko", "KAZ", ["luzenko"]),
        ("Sergei Chernetskii", "RUS", ["tschernezkii"]),
        # Nothing to respell, or not a nationality the rule is for.
        ("Mark Padun", "UKR", []),
        ("Tadej Pogačar", "SLO", []),
        ("Aleksandr Vlasov", None, []),
    ],
)
def test_surnames_as_german_spells_them(
    name: str, nationality: str | None, expected: list[str]
) -> None:
    person = Person(id="x", name=name, kind="rider", nationality=nationality)
    assert surname_spellings(person, name.split()[-1:]) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[transliteration.de]\nnationalities = ['Russia']", "IOC codes"),
        ("[transliteration.de]\nreplace = [['v']]", "pairs"),
        ("[transliteration.de]\nreplace = [['v', '1']]", "pairs"),
        ("[transliteration.de]\nspelling = 1", "nationalities, replace"),
        ("[transliteration.de]\ndouble_s_between_vowels = 'yes'", "true or false"),
    ],
)
def test_a_bad_transliteration_is_refused(text: str, reason: str) -> None:
    with pytest.raises(RosterError, match=reason):
        parse_name_forms(text, "forms.toml")
