"""How the press shortens people's names, from `data/name-forms.toml`: short forms of given
names by language ("Juanpe" for Juan Pedro, "Nacho" for Ignacio) and the nationalities
whose names carry a family name in the middle (Danish, Norwegian: "Mads Würtz" for Mads
Würtz Schmidt). `person_name_forms` turns them into the extra forms of one person's name;
the tagger matches those forms like a full name's short form ("Daniel Martínez")."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from feeds.roster import Person, RosterError
from feeds.text.fold import fold_tokens

DATA_FILE = "name-forms.toml"


@dataclass(frozen=True, slots=True)
class Transliteration:
    """How one language spells the surnames of people of some nationalities."""

    language: str
    nationalities: frozenset[str]
    replace: tuple[tuple[str, str], ...]
    """(from, to), longest `from` first."""
    double_s_between_vowels: bool = False

    def spell(self, surname: str) -> list[str]:
        """The folded one-word `surname` as this language spells it (none if the same)."""
        out: list[str] = []
        i = 0
        while i < len(surname):
            for old, new in self.replace:
                if surname.startswith(old, i):
                    out.append(new)
                    i += len(old)
                    break
            else:
                out.append(surname[i])
                i += 1
        spelt = "".join(out)
        forms = [spelt]
        if self.double_s_between_vowels:
            forms.append(_S_BETWEEN_VOWELS.sub("ss", spelt))
        return [f for f in dict.fromkeys(forms) if f != surname]


_S_BETWEEN_VOWELS = re.compile(r"(?<=[aeiouy])s(?=[aeiouy])")


@dataclass(frozen=True, slots=True)
class NameForms:
    short_given: dict[str, tuple[str, ...]]
    """Folded given name (one or two words) -> the short forms printed in its place."""
    middle_name_nationalities: frozenset[str]
    """IOC codes whose people may carry a family name between given name and surname."""
    transliterations: tuple[Transliteration, ...] = ()


def parse_name_forms(text: str, source: str = DATA_FILE) -> NameForms:
    """The table in `text`, checked whole: a bad entry is refused with the reason."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RosterError(source, None, f"not valid TOML: {exc}") from None
    unknown = data.keys() - {"short_given", "family_middle_names", "transliteration"}
    if unknown:
        raise RosterError(source, None, f"unknown table(s): {', '.join(sorted(unknown))}")
    short: dict[str, list[str]] = {}
    for language, table in _table(data, "short_given", source).items():
        if not isinstance(table, dict):
            raise RosterError(source, None, f"short_given.{language} must be a table")
        for long, forms in table.items():
            key = " ".join(fold_tokens(long))
            if not key or len(key.split()) > 2:
                raise RosterError(source, None, f"{long!r}: a given name of one or two words")
            if (
                not isinstance(forms, list)
                or not forms
                or not all(isinstance(f, str) and len(fold_tokens(f)) == 1 for f in forms)
            ):
                raise RosterError(source, None, f"{long!r}: a list of one-word short forms")
            short.setdefault(key, []).extend(f for f in forms if f not in short.get(key, ()))
    middle = _table(data, "family_middle_names", source).get("nationalities", [])
    if not isinstance(middle, list) or not all(
        isinstance(code, str) and len(code) == 3 and code.isupper() for code in middle
    ):
        raise RosterError(source, None, "family_middle_names.nationalities: IOC codes")
    transliterations = tuple(
        _transliteration(language, table, source)
        for language, table in _table(data, "transliteration", source).items()
    )
    return NameForms({k: tuple(v) for k, v in short.items()}, frozenset(middle), transliterations)


def _transliteration(language: str, table: Any, source: str) -> Transliteration:
    where = f"transliteration.{language}"
    if not isinstance(table, dict) or table.keys() - {
        "nationalities",
        "replace",
        "double_s_between_vowels",
    }:
        raise RosterError(source, None, f"{where}: nationalities, replace, double_s_between_vowels")
    codes = table.get("nationalities", [])
    if not isinstance(codes, list) or not all(
        isinstance(c, str) and len(c) == 3 and c.isupper() for c in codes
    ):
        raise RosterError(source, None, f"{where}.nationalities: IOC codes")
    pairs = table.get("replace", [])
    if not isinstance(pairs, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) and x.isalpha() for x in p)
        for p in pairs
    ):
        raise RosterError(source, None, f"{where}.replace: a list of [from, to] letter pairs")
    double = table.get("double_s_between_vowels", False)
    if not isinstance(double, bool):
        raise RosterError(source, None, f"{where}.double_s_between_vowels: true or false")
    ordered = sorted(((a.lower(), b.lower()) for a, b in pairs), key=lambda p: -len(p[0]))
    return Transliteration(language, frozenset(codes), tuple(ordered), double)


def _table(data: dict[str, Any], key: str, source: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise RosterError(source, None, f"{key} must be a table")
    return value


@cache
def bundled_name_forms() -> NameForms:
    text = (resources.files("feeds.roster") / "data" / DATA_FILE).read_text(encoding="utf-8")
    return parse_name_forms(text, f"feeds/roster/data/{DATA_FILE}")


def person_name_forms(
    person: Person,
    given: list[str],
    surname: list[str],
    given_names: frozenset[str] | set[str],
    forms: NameForms | None = None,
) -> list[str]:
    """Extra ways the press writes `person`'s name, beyond the roster's own aliases.

    `given`, `surname`: the name split as the tagger splits it; `given_names`: folded
    first names the roster and the name lists know (a middle word that is one is a second
    given name, not a family name)."""
    forms = forms or bundled_name_forms()
    if not given:
        return []
    last = " ".join(surname)
    out: list[str] = []
    folded = [" ".join(fold_tokens(g)) for g in given]
    # "Juan Pedro" before "Juan": the longest given name the table knows.
    for size in (2, 1):
        key = " ".join(folded[:size])
        if len(folded) >= size and key in forms.short_given:
            out.extend(f"{short} {last}" for short in forms.short_given[key])
            break
    if (
        person.nationality in forms.middle_name_nationalities
        and len(given) >= 2
        and len(surname) == 1
        and folded[-1] not in given_names
    ):
        # Mads Würtz Schmidt -> "Mads Würtz"
        out.append(f"{given[0]} {given[-1]}")
    return out


def surname_spellings(
    person: Person, surname: list[str], forms: NameForms | None = None
) -> list[str]:
    """The one-word surname as other languages spell it, for the nationalities they spell
    so (Vlasov -> "Wlasow", "Wlassow" in German); folded, lower case."""
    forms = forms or bundled_name_forms()
    if len(surname) != 1 or person.nationality is None:
        return []
    folded = " ".join(fold_tokens(surname[0]))
    if not folded or " " in folded:
        return []
    out: list[str] = []
    for rule in forms.transliterations:
        if person.nationality in rule.nationalities:
            out.extend(rule.spell(folded))
    return list(dict.fromkeys(out))
