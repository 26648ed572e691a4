"""Surnames that are also first names (Sean Christian, Ben Oliver, Lorenzo Finn): alone and
right before another capitalised name they are someone else's first name ("Christian
Prudhomme", "Oliver Mintzlaff"), in every language; before a bracket, a verb, punctuation
or a team's name they are still the rider. And surnames that are a sponsor's word
(Cameron Scott, "Mitchelton-Scott") need more than capitals, as everyday words do."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.nlp.tag.lexicon import sponsor_words
from feeds.roster import Roster, parse_roster
from feeds.tagger import Tagger

WHEN = date(2026, 3, 1)

ROSTER = """
[[team]]
id = "uae"
country = "UAE"
names = [{ name = "UAE Team Emirates", from = 2019-01-01 }]

[[team]]
id = "modern-adventure"
country = "USA"
names = [{ name = "Modern Adventure Pro Cycling", from = 2026-01-01 }]

[[team]]
id = "bahrain"
country = "BRN"
names = [{ name = "Bahrain Victorious", from = 2021-01-01 }]

[[team]]
id = "jayco"
country = "AUS"
names = [
  { name = "Mitchelton-Scott", from = 2018-01-01, until = 2020-12-31 },
  { name = "Team Jayco AlUla", from = 2023-01-01 },
]

[[rider]]
name = "Tadej Pogačar"
nationality = "SLO"
teams = [{ team = "uae", from = 2019 }]

[[rider]]
name = "Jonas Vingegaard"
nationality = "DEN"
teams = [{ team = "uae", from = 2019 }]

[[rider]]
name = "Sean Christian"
teams = [{ team = "modern-adventure", from = 2026 }]

[[rider]]
name = "Ben Oliver"
nationality = "NZL"
teams = [{ team = "modern-adventure", from = 2026 }]

[[rider]]
name = "Lorenzo Finn"
nationality = "ITA"
teams = [{ team = "uae", from = 2026 }]

[[rider]]
name = "Cameron Scott"
nationality = "AUS"
teams = [{ team = "bahrain", from = 2023, until = 2024 }]

# Their first names make "Christian", "Oliver", "Finn" and "Scott" first names too.
[[rider]]
name = "Christian Scaroni"
nationality = "ITA"
teams = [{ team = "uae", from = 2026 }]

[[rider]]
name = "Oliver Naesen"
nationality = "BEL"
teams = [{ team = "uae", from = 2026 }]

[[rider]]
name = "Finn Fisher-Black"
nationality = "NZL"
teams = [{ team = "uae", from = 2022 }]

[[rider]]
name = "Scott McGill"
nationality = "USA"
teams = [{ team = "modern-adventure", from = 2026 }]
"""

# Makes every story about cycling: a rider and his team named in full.
LEDE = "Tadej Pogačar (UAE Team Emirates) won again. "


@pytest.fixture(scope="module")
def roster() -> Roster:
    return parse_roster(ROSTER)


@pytest.fixture(scope="module")
def tagger(roster: Roster) -> Tagger:
    return Tagger(roster)


def riders(tagger: Tagger, text: str, when: date = WHEN) -> list[str]:
    return tagger.tag("Cycling news", LEDE + text, when, feed_is_cycling=True).riders


@pytest.mark.parametrize(
    ("text", "namesake"),
    [
        ("Tour director Christian Prudhomme presented the route in Paris.", "sean-christian"),
        ("Le directeur du Tour, Christian Prudhomme, a présenté le parcours.", "sean-christian"),
        ("Il direttore del Tour Christian Prudhomme ha presentato il percorso.", "sean-christian"),
        ("RB-Leipzig-Geschäftsführer Oliver Mintzlaff sprach über das Projekt.", "ben-oliver"),
        ("Bij de junioren won Finn Vermeulen de tijdrit in Assen.", "lorenzo-finn"),
        # A quoted nickname between the first name and the surname.
        ("I forvejen er Christian “Gummi” Andersen ansat som sportsdirektør.", "sean-christian"),
        ("El mecánico Oliver 'Olly' Hughes preparó las bicicletas.", "ben-oliver"),
    ],
)
def test_a_given_name_before_another_name_is_not_the_rider(
    tagger: Tagger, text: str, namesake: str
) -> None:
    assert namesake not in riders(tagger, text)


@pytest.mark.parametrize(
    ("text", "rider"),
    [
        ("Christian (Modern Adventure) attacked on the last climb.", "sean-christian"),
        ("Oliver won the sprint ahead of Naesen.", "ben-oliver"),
        ("Oliver, Pogačar and Vingegaard finished together.", "ben-oliver"),
        ("Results: 1. Oliver Modern Adventure Pro Cycling 4h02'11\".", "ben-oliver"),
        ("Finn è arrivato terzo. Il giovane Finn vince in salita.", "lorenzo-finn"),
        ("Christian\nModern Adventure Pro Cycling rides its first race.", "sean-christian"),
        # A sentence ends after the surname: the next capital says nothing.
        ("The best was Christian. Pogačar followed.", "sean-christian"),
    ],
)
def test_the_surname_before_a_bracket_a_verb_punctuation_or_a_team_is_the_rider(
    tagger: Tagger, text: str, rider: str
) -> None:
    assert rider in riders(tagger, text)


def test_common_surname_pairs_still_tag(tagger: Tagger) -> None:
    found = riders(tagger, "Vingegaard and Oliver lost time; Pogačar Vingegaard duel again.")
    assert {"jonas-vingegaard", "ben-oliver", "tadej-pogacar"} <= set(found)


def test_a_full_name_that_begins_with_such_a_surname_is_its_owner(tagger: Tagger) -> None:
    found = riders(tagger, "Oliver Naesen and Christian Scaroni rode in front.")
    assert "oliver-naesen" in found and "christian-scaroni" in found
    assert "ben-oliver" not in found and "sean-christian" not in found


def test_a_sponsors_word_is_a_weak_surname(roster: Roster) -> None:
    words = sponsor_words(roster)
    assert {"scott", "mitchelton", "jayco", "alula"} <= words
    # One-word team names are read as team words already, not as sponsors here.
    assert "pogacar" not in words


def test_a_brand_named_like_a_rider_is_not_him(tagger: Tagger) -> None:
    text = "Il team lascerà le bici Scott per le Pinarello dal 2026."
    assert "cameron-scott" not in riders(tagger, text, date(2024, 10, 1))


def test_a_sponsor_surname_with_the_riders_team_is_him(tagger: Tagger) -> None:
    text = "Scott (Bahrain Victorious) was second in the time trial."
    assert "cameron-scott" in riders(tagger, text, date(2024, 6, 1))
