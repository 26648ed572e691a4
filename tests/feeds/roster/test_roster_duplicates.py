"""One person, one entry: the bundled roster must not hold anyone twice under two spellings.

Two entries for one rider split their stories' tags and leave a misspelling of either name
resolving to nobody (issue #13: "Yago Aguirre" at Sauerland and "Yago Agirre" at Euskaltel
were one man). Names are compared by a spelling key that forgets what two spellings of one
name differ by: accents, case, hyphens and spaces inside a surname ("Al-Sayegh",
"Alsayegh"), the order of the words, doubled letters, and the letters that Basque and
Spanish, or two transliterations of a Slavic name, write differently. Two people whose keys
are equal, or whose names differ only by a second surname or a short form of the given
name ("Max" / "Maxime", same surname, same nationality), are the same person unless the
allow-list below says they are namesakes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations

import pytest

from feeds.roster import Person, Roster, Stint, bundled_roster
from feeds.text.fold import fold_tokens

# Letter groups two spellings of one name write differently, applied in order to a folded
# word: Basque tx/tz and k against Spanish ch/z and c/qu ("Etxeberria", "Echeverría"),
# Basque "g" for Spanish "gu" before e and i ("Agirre", "Aguirre"), Spanish b and v that
# sound alike ("Etxebarria", "Echevarría"), German and Polish w for v, the English, French
# and German transliterations of Cyrillic ("Vinokourov", "Vinokurov"; "Yevgeni", "Evgeny";
# "Aleksandr", "Alexander", "Alexandre"). A test's key, not the tagger's: it decides nothing
# in a story.
_REWRITES: tuple[tuple[str, str], ...] = (
    (r"(?<=[aeiou])e", ""),  # ae, oe, ue: German umlauts written out ("Schaer", "Schär")
    (r"ou", "u"),
    (r"^ye|^ie", "e"),
    (r"tx|ch|tch|tsch|sch|sh|sz|cz", "c"),
    (r"tz|ts|zh", "z"),
    (r"gu(?=[ei])", "g"),
    (r"ck|k|qu|q", "c"),
    (r"[wb]", "v"),
    (r"(?<=r)e$|e(?=r$)", ""),  # "Alexandre", "Alexander" and "Aleksandr"
    (r"ph", "f"),
    (r"x", "cs"),
    (r"[jy]", "i"),
    (r"h", ""),
)
_REWRITE_PATTERNS = tuple((re.compile(old), new) for old, new in _REWRITES)
_DOUBLED = re.compile(r"(.)\1+")

# Namesakes: two real people whose names share a key. Each pair is (name, name), with why
# they are two: their birth years, nationalities or careers, checked against the press.
NAMESAKES: frozenset[frozenset[str]] = frozenset()

# An alias that is another person's full name, kept on purpose: none so far.
ALIAS_NAMESAKES: frozenset[tuple[str, str]] = frozenset()


def spelling_word(word: str) -> str:
    """One folded word, with the letters its spellings differ by made alike."""
    for pattern, new in _REWRITE_PATTERNS:
        word = pattern.sub(new, word)
    return _DOUBLED.sub(r"\1", word)


def spelling_keys(name: str) -> set[str]:
    """The keys of one name: its words in any order, and its words run together (a surname
    written in one word or two: "Al-Sayegh", "Alsayegh")."""
    words = fold_tokens(name)
    if not words:
        return set()
    return {
        " ".join(sorted(spelling_word(w) for w in words)),
        spelling_word("".join(words)),
        spelling_word("".join(words[1:] + words[:1])),
    }


def _same_person_by_form(a: Person, b: Person) -> bool:
    """Same surname words and nationality, and one's given name a short form of the
    other's ("Max" / "Maxime"), or one's whole name the other's without its second
    surname ("Andrea Raccagni" / "Andrea Raccagni Noviero")."""
    if a.nationality and b.nationality and a.nationality != b.nationality:
        return False
    wa = [spelling_word(w) for w in fold_tokens(a.name)]
    wb = [spelling_word(w) for w in fold_tokens(b.name)]
    if len(wa) < 2 or len(wb) < 2:
        return False
    short, long = sorted((wa, wb), key=len)
    if long[: len(short)] == short:
        return True  # a second surname
    if wa[1:] == wb[1:]:
        ga, gb = sorted((wa[0], wb[0]), key=len)
        return ga != gb and len(ga) >= 3 and gb.startswith(ga)
    return False


def _edits(a: str, b: str) -> int:
    """Letters to add, drop or change to turn `a` into `b` (the words are a name's: short)."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]


def _team_seasons(person: Person) -> set[tuple[str, int]]:
    return {
        (s.team_id, year)
        for s in person.stints
        if s.start is not None
        for year in range(s.start, (s.end or s.start) + 1)
    }


def _same_person_by_team(a: Person, b: Person) -> bool:
    """The same given name and a surname two letters apart at most, that starts alike, in the
    same team the same season: one signing written twice ("Jannis Peter", "Jannis Peeters"),
    whatever the nationality the second entry was given."""
    wa = [spelling_word(w) for w in fold_tokens(a.name)]
    wb = [spelling_word(w) for w in fold_tokens(b.name)]
    if len(wa) < 2 or len(wb) < 2 or wa[:-1] != wb[:-1]:
        return False
    # Their first two letters alike: "Moreira" and "Pereira" of one Portuguese team are two.
    close = wa[-1][:2] == wb[-1][:2] and 0 < _edits(wa[-1], wb[-1]) <= 2
    return close and bool(_team_seasons(a) & _team_seasons(b))


def duplicate_people(roster: Roster) -> list[tuple[str, str]]:
    """Pairs of names the roster holds as two people but spell one person's name."""
    by_key: defaultdict[str, set[str]] = defaultdict(set)
    by_surname: defaultdict[str, set[str]] = defaultdict(set)
    for person in roster.people.values():
        for key in spelling_keys(person.name):
            by_key[key].add(person.id)
        words = fold_tokens(person.name)
        if len(words) >= 2:
            by_surname[spelling_word(words[-1])].add(person.id)
            by_surname[spelling_word(words[1])].add(person.id)
    pairs: set[tuple[str, str]] = set()
    for ids in by_key.values():
        pairs.update(combinations(sorted(ids), 2))
    for ids in by_surname.values():
        for a, b in combinations(sorted(ids), 2):
            if _same_person_by_form(roster.people[a], roster.people[b]):
                pairs.add((a, b))
    by_given: defaultdict[str, set[str]] = defaultdict(set)
    for person in roster.people.values():
        words = fold_tokens(person.name)
        if len(words) >= 2:
            by_given[" ".join(words[:-1])].add(person.id)
    for ids in by_given.values():
        for a, b in combinations(sorted(ids), 2):
            if _same_person_by_team(roster.people[a], roster.people[b]):
                pairs.add((a, b))
    names = sorted(tuple(sorted((roster.people[a].name, roster.people[b].name))) for a, b in pairs)
    return [pair for pair in names if frozenset(pair) not in NAMESAKES]


def aliases_naming_others(roster: Roster) -> list[tuple[str, str]]:
    """(alias, the other person's name) for every alias that spells another person's name."""
    owners: defaultdict[str, set[str]] = defaultdict(set)
    for person in roster.people.values():
        for key in spelling_keys(person.name):
            owners[key].add(person.id)
    found = set()
    for person in roster.people.values():
        for alias in person.aliases:
            for key in spelling_keys(alias):
                for other in owners.get(key, ()):
                    if other != person.id:
                        found.add((alias, roster.people[other].name))
    return sorted(found - ALIAS_NAMESAKES)


@pytest.fixture(scope="module")
def roster() -> Roster:
    return bundled_roster()


def test_no_person_is_held_twice(roster):
    assert duplicate_people(roster) == []


def test_no_alias_is_another_persons_name(roster):
    assert aliases_naming_others(roster) == []


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Yago Aguirre", "Yago Agirre"),  # Spanish gu, Basque g
        ("Mikel Etxeberria", "Mikel Echeverría"),  # Basque tx, Spanish ch
        ("Iñaki Kortabarria", "Inaki Cortabarria"),  # Basque k, Spanish c
        ("Alexander Vlasov", "Aleksandr Wlassow"),  # Cyrillic, English and German
        ("Dmitriy Sokolov", "Dmitry Sokolow"),
        ("Yevgeniy Fedorov", "Evgeny Fedorov"),
        ("Alexandre Vinokourov", "Aleksandr Vinokurov"),
        ("Safia Al-Sayegh", "Safia Alsayegh"),  # one word or two
        ("Andrea Raccagni", "Andrea Racagni"),  # doubled letters
        ("Stefan Schär", "Stefan Schaer"),  # an umlaut written out
        ("Pogačar Tadej", "Tadej Pogacar"),  # family name first
    ],
)
def test_spellings_of_one_name_share_a_key(one, other):
    assert spelling_keys(one) & spelling_keys(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Marco Brenner", "Mauro Brenner"),  # brothers' given names
        ("Tom Paquet", "Tom Paquot"),  # a Luxembourger and a Belgian
        ("Jan Maas", "Jan Raas"),
        ("Ion Izagirre", "Jon Agirre"),
        ("Tim Rex", "Tim Rey"),
        ("Jannis Peter", "Jannis Peeters"),
        ("Filippo Ganna", "Filippo Zana"),
    ],
)
def test_different_names_keep_apart(one, other):
    assert not spelling_keys(one) & spelling_keys(other)


def _person(name: str, nationality: str | None = "ESP") -> Person:
    return Person(
        id=name.lower().replace(" ", "-"), name=name, kind="rider", nationality=nationality
    )


def test_duplicates_are_found_by_spelling_short_given_name_and_second_surname():
    people = [
        _person("Yago Aguirre"),
        _person("Yago Agirre"),
        _person("Max Decomble", "FRA"),
        _person("Maxime Decomble", "FRA"),
        _person("Andrea Raccagni", "ITA"),
        _person("Andrea Raccagni Noviero", "ITA"),
    ]
    roster = Roster(people={p.id: p for p in people})
    assert duplicate_people(roster) == [
        ("Andrea Raccagni", "Andrea Raccagni Noviero"),
        ("Max Decomble", "Maxime Decomble"),
        ("Yago Agirre", "Yago Aguirre"),
    ]


def test_one_signing_written_twice_in_one_team_is_a_duplicate():
    def at_unibet(name: str, nationality: str, team: str = "unibet") -> Person:
        return Person(
            id=name.lower().replace(" ", "-"),
            name=name,
            kind="rider",
            nationality=nationality,
            stints=(Stint(team, 2026),),
        )

    roster = Roster(
        people={
            p.id: p for p in [at_unibet("Jannis Peter", "GER"), at_unibet("Jannis Peeters", "BEL")]
        }
    )
    assert duplicate_people(roster) == [("Jannis Peeters", "Jannis Peter")]
    # The same two names in two teams are two people.
    apart = [at_unibet("Jannis Peter", "GER"), at_unibet("Jannis Peeters", "BEL", "lotto")]
    assert duplicate_people(Roster(people={p.id: p for p in apart})) == []
    # Two surnames of one team that end alike but start apart are two families.
    apart = [at_unibet("Francisco Moreira", "POR"), at_unibet("Francisco Pereira", "POR")]
    assert duplicate_people(Roster(people={p.id: p for p in apart})) == []


def test_siblings_and_namesakes_of_other_nations_are_not_duplicates():
    people = [
        _person("Gorka Izagirre"),
        _person("Ion Izagirre"),
        _person("Juan Pedro López"),
        _person("Juan José López"),
        _person("Tom Paquet", "LUX"),
        _person("Tom Paquot", "BEL"),
        _person("Max Kanter", "GER"),
        _person("Maxime Kanter", "FRA"),  # a short given name, but another nation
    ]
    roster = Roster(people={p.id: p for p in people})
    assert duplicate_people(roster) == []


def test_an_alias_spelling_another_persons_name_is_found():
    people = [
        Person(id="a", name="Jon Agirre", kind="rider", aliases=("Yago Aguirre",)),
        _person("Yago Agirre"),
    ]
    roster = Roster(people={p.id: p for p in people})
    assert aliases_naming_others(roster) == [("Yago Aguirre", "Yago Agirre")]
