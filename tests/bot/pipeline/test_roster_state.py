"""The roster in force: swapped whole, and (in the running bot) kept out of the collector."""

from __future__ import annotations

import gc
import weakref

from bot.pipeline.roster_state import RosterState
from feeds.roster import parse_roster

ROSTER = """
[[team]]
id = "astana"
names = [{ name = "Astana Qazaqstan", from = 2022-01-01 }]

[[rider]]
name = "Cees Bol"
teams = [{ team = "astana", from = 2023 }]
"""


def test_replace_swaps_roster_and_tagger_together():
    state = RosterState(parse_roster(ROSTER))
    new = parse_roster(ROSTER.replace("Cees Bol", "Max Kanter"))
    state.replace(new)
    assert state.roster is new and state.version == 2
    tags = state.tagger.tag("Max Kanter wins for Astana Qazaqstan", "", None)
    assert tags.riders == ["max-kanter"]


def test_frozen_heap_lets_a_replaced_tagger_go():
    try:
        state = RosterState(parse_roster(ROSTER), freeze_heap=True)
        assert gc.get_freeze_count() > 0  # the roster and tagger sit outside the collector
        old = weakref.ref(state.tagger)
        state.replace(parse_roster(ROSTER))
        assert old() is None  # collected before the heap was frozen again
    finally:
        gc.unfreeze()


def test_the_calendar_in_force_reaches_every_tagger_and_the_tag_key():
    from feeds.races import bundled_calendar, load_calendar
    from tests.bot.cli.test_races import NEW_RACE

    calendar = bundled_calendar()
    imported = load_calendar([("import", NEW_RACE)])
    state = RosterState(parse_roster(ROSTER), calendar=calendar)
    assert state.tagger.races.calendar is calendar
    state.replace(parse_roster(ROSTER.replace("Cees Bol", "Max Kanter")))
    assert state.tagger.races.calendar is calendar  # a roster change keeps the calendar
    # another calendar (an operator's import) is another key: stored stories are tagged again
    keys = {
        RosterState(parse_roster(ROSTER), calendar=calendar).tagging()[1],
        RosterState(parse_roster(ROSTER), calendar=imported).tagging()[1],
        RosterState(parse_roster(ROSTER)).tagging()[1],
    }
    assert len(keys) == 3
