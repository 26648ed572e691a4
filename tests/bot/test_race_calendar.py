"""The race calendar the bot is built with (bot/app.py): bundled files with the operator's
imports on top, loaded once; imports that no longer fit leave the bundled calendar."""

from __future__ import annotations

import logging

from bot.app import load_race_calendar
from tests.bot.cli.test_races import NEW_RACE

CLASHING = """
[[race]]
id = "gp-clash"
name = "Tour de France"
sex = "men"
class = "proseries"
kind = "one-day"
"""


async def test_imports_are_applied_on_top_of_the_bundled_calendar(storage):
    await storage.race_imports.add("extra.toml", NEW_RACE, 1.0)
    calendar = await load_race_calendar(storage)
    assert calendar.race("gp-domestique").name == "Grand Prix Domestique"
    assert calendar.edition("tour-de-france", 2027).stage_count == 21
    assert calendar.race("paris-roubaix") is not None


async def test_an_import_that_no_longer_fits_is_left_out_and_logged(storage, caplog):
    await storage.race_imports.add("clash.toml", CLASHING, 1.0)
    with caplog.at_level(logging.ERROR, logger="bot.app"):
        calendar = await load_race_calendar(storage)
    assert calendar.race("gp-clash") is None
    assert calendar.race("tour-de-france") is not None
    assert "race imports left out" in caplog.text
