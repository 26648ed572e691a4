"""A team's name inside a race's name is the race's sponsor (feeds/nlp/tag/lexicon.py,
`_race_names_holding_teams`): "E3 Saxo Bank Classic" names no Team Saxo Bank, "Boels Ladies
Tour" no Boels-Dolmans, "UAE Tour" no UAE Team Emirates. The same name outside the race's
name is still the team."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.nlp.tag.keys import CueKey
from feeds.nlp.tag.lexicon import _race_names_holding_teams, _team_entries
from feeds.roster import bundled_roster
from feeds.tagger import Tagger


@pytest.mark.parametrize(
    ("text", "language", "team_id"),
    [
        ("He finished eighth in the E3 Saxo Bank Classic last spring.", "en", "tinkoff"),
        ("Hij werd achtste in de E3 Saxo Bank Classic, zijn beste klassieker.", "nl", "tinkoff"),
        ("She won a stage of the Boels Ladies Tour in the Netherlands.", "en", "sd-worx-women"),
        ("Ha vinto una tappa dello UAE Tour in volata.", "it", "uae"),
    ],
)
def test_the_sponsor_in_a_race_name_is_no_team(
    tagger: Tagger, text: str, language: str, team_id: str
) -> None:
    tags = tagger.tag("", text, date(2024, 6, 1), feed_is_cycling=True, language=language)
    assert team_id not in set(tags.teams)


@pytest.mark.parametrize(
    ("text", "when", "language", "team_id"),
    [
        (
            "Team Saxo Bank won the team classification of the Tour.",
            date(2010, 7, 25),
            "en",
            "tinkoff",
        ),
        ("UAE Team Emirates won three stages of the UAE Tour.", date(2024, 2, 25), "en", "uae"),
        (
            "Hij reed voor Team Saxo Bank en won de E3 Saxo Bank Classic.",
            date(2010, 4, 1),
            "nl",
            "tinkoff",
        ),
    ],
)
def test_the_team_outside_the_race_name_is_read(
    tagger: Tagger, text: str, when: date, language: str, team_id: str
) -> None:
    tags = tagger.tag("", text, when, feed_is_cycling=True, language=language)
    assert team_id in set(tags.teams)


def test_only_race_names_that_hold_a_team_name_are_kept() -> None:
    roster = bundled_roster()
    entries = [e for t in roster.teams.values() for e in _team_entries(t)]
    names = ["E3 Saxo Bank Classic", "Tour de France", "Saxo Bank", "Amstel Gold Race"]
    kept = dict(_race_names_holding_teams(names, entries))
    # A race's whole name that is a team's is left to the team's rules.
    assert list(kept) == ["E3 Saxo Bank Classic"]
    assert isinstance(kept["E3 Saxo Bank Classic"], CueKey)
