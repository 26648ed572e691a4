"""A champion's title names its championship when the text dates the win; a bare title,
an under-23 or junior title and another discipline's title do not (feeds/races/titles.py)."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.races import bundled_calendar
from feeds.races.model import CalendarError
from feeds.races.titles import Titles, bundled_titles, parse_titles
from feeds.roster import load_roster
from feeds.tagger import Tagger
from feeds.text.fold import FoldedText

WORLDS = "world-championships"
OLYMPICS = "olympic-games"


@pytest.fixture(scope="module")
def titles() -> Titles:
    return bundled_titles(bundled_calendar())


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Rui Costa, wereldkampioen in 2013 in Firenze, komt over.", [WORLDS]),
        ("Depuis son titre de champion du monde en 2021, Alaphilippe a souffert.", [WORLDS]),
        ("Sagan, triple champion du monde entre 2015 et 2017, arrête.", [WORLDS]),
        ("She was Road Race World Champion in 2015 and won Flanders.", [WORLDS]),
        ("Evenepoel, campeão do mundo de 2022, muda de equipa.", [WORLDS]),
        ("o duplo título olímpico em Paris-2024 e a Vuelta.", [OLYMPICS]),
        ("Der Olympiasieger 2024 fährt die Tour.", [OLYMPICS]),
        # Titles in the plural count wins.
        ("um palmarés de elite: quatro títulos mundiais e a Volta a Espanha", [WORLDS]),
        ("igualar os três títulos mundiais consecutivos de Peter Sagan", [WORLDS]),
        ("Sagan, con tre titoli mondiali, chiude la carriera.", [WORLDS]),
        ("Her two Olympic titles came in Tokyo and Paris.", [OLYMPICS]),
        ("ses trois titres mondiaux en cyclo-cross", []),
        # A title that only describes a rider.
        ("The world champion attacked on the Poggio.", []),
        ("Remco Evenepoel, duplo campeão olímpico, deixa a equipa.", []),
        # Another category or discipline.
        ("Tidligere U23-verdensmester Halvorsen legger opp i 2023.", []),
        ("el campeón del mundo sub-23 de 2024 Niklas Behrens", []),
        ("champion du monde de cyclo-cross en 2022", []),
        ("wereldkampioen op de baan in 2023", []),
    ],
)
def test_a_dated_title_names_its_championship(titles: Titles, text: str, found: list[str]) -> None:
    assert titles.find(FoldedText(text).folded) == found


def test_titles_reach_the_story_races_in_a_cycling_story_only() -> None:
    tagger = Tagger(load_roster())
    calendar = tagger.races.calendar
    tags = tagger.tag(
        "Intermarché strikt Rui Costa",
        "Rui Costa, wereldkampioen in 2013, komt over van UAE Team Emirates.",
        date(2022, 8, 10),
        True,
        language="nl",
    )
    assert [calendar.races[r].name for r in tags.races] == ["UCI Road World Championships"]
    other = tagger.tag(
        "Femke Bol eindelijk wereldkampioene",
        "Femke Bol is wereldkampioene in 2023 op de 400 meter horden.",
        date(2023, 8, 24),
        False,
        language="nl",
    )
    assert other.races == []


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('[[title]]\nrace = "nowhere"\nnames = ["x champion"]', "race 'nowhere' is not in"),
        ('[[title]]\nrace = "world-championships"\nnames = []', None),
        ('[[title]]\nrace = "world-championships"\nnames = "world champion"', "must be a list"),
        ('rule_out = [""]', "rule_out: must be a list of non-empty strings"),
        ('counts = ["double"]', "unknown key 'counts'"),
        (
            '[[title]]\nrace = "world-championships"\nnames = ["x"]\nplural = ["xs"]',
            r"title\[0\]: unknown key 'plural'",
        ),
        (
            '[[title]]\nrace = "world-championships"\nnames = ["x"]\nplurals = "xs"',
            r"title\[0\].plurals: must be a list",
        ),
        (
            '[[title]]\nrace = "world-championships"\nnames = ["champion"]\n'
            '[[title]]\nrace = "olympic-games"\nnames = ["champion"]',
            "'champion' names two races",
        ),
        ("title = [", "not valid TOML"),
    ],
)
def test_a_bad_titles_file_is_refused_naming_the_reason(text: str, reason: str | None) -> None:
    calendar = bundled_calendar()
    if reason is None:
        assert parse_titles(text, "titles.toml", calendar).find("  world  champion  2024  ") == []
        return
    with pytest.raises(CalendarError, match=reason):
        parse_titles(text, "titles.toml", calendar)
