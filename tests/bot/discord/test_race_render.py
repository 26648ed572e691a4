"""`/race` and filtered `/news` rendering: a result's headline never shows outside its
spoiler, whatever the feed wrote, and the embeds stay within Discord's limits."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from bot.discord import race_render
from feeds.races import bundled_calendar
from tests.e2e.standin import form_errors

UNESCAPED_BAR = re.compile(r"(?<!\\)\|")


@dataclass
class Row:
    title: str
    url: str | None
    feed_title: str | None
    sort_at: float
    kind: str | None


LINE = re.compile(r"^• 🛡️ \|\|(.*)\|\| — Feed, <t:1700000000:R>$", re.DOTALL)


@given(st.text(max_size=400), st.sampled_from(["result", "preview", "crash", None]))
def test_a_results_headline_shows_only_inside_its_spoiler(title, kind):
    line = race_render.race_story_line(Row(title, "https://x.example/a", "Feed", 1.7e9, kind))
    if kind != "result":
        assert line.startswith("• [") and "||" not in line
        return
    # Everything outside the bars is fixed; nothing of the headline or its link shows.
    found = LINE.match(line)
    assert found is not None, line
    inner = found.group(1)
    assert not UNESCAPED_BAR.search(inner)  # the headline cannot close its spoiler
    assert (len(inner) - len(inner.rstrip("\\"))) % 2 == 0  # nor escape the closing bars
    assert "x.example" not in line


def test_a_grand_tour_with_long_titles_fits_discords_limits():
    calendar = bundled_calendar()
    race = calendar.race("tour-de-france")
    edition = calendar.edition(race, 2026)
    rows = [Row("Ü" * 300 + " | ||", "https://x.example/" + "a" * 500, "F" * 300, 1.7e9, k)
            for k in ("result", "crash") * 10]  # fmt: skip
    embed = race_render.race_embed(race, edition, edition.start, rows, other_years=[2024, 2025])
    assert not form_errors({"embeds": [embed.to_dict()]})
    assert "(today)" in embed.description
    page = race_render.filtered_news_embed("x" * 200, ["Results", "Tour de France"], rows)
    assert not form_errors({"embeds": [page.to_dict()]})


def test_a_one_day_race_and_a_finished_edition():
    calendar = bundled_calendar()
    race = calendar.race("tour-of-flanders")
    edition = calendar.edition(race, 2026)
    embed = race_render.race_embed(race, edition, date(2026, 12, 1), [])
    assert embed.title == "Tour of Flanders 2026"
    assert embed.description.startswith("5 April 2026 · finished")
    assert embed.fields[0].value == "No stories about this race yet."


def test_provisional_dates_are_marked_and_never_shown_as_fact():
    calendar = bundled_calendar()
    race = calendar.race("giro-d-italia")
    edition = calendar.edition(race, 2027)
    assert edition.provisional
    # On an estimated stage day: no "racing today", no stage marked as today's.
    embed = race_render.race_embed(race, edition, date(2027, 5, 12), [])
    assert embed.description.startswith("7 May – 30 May 2027 (provisional dates) · 21 stages\n")
    assert race_render.PROVISIONAL_NOTE in embed.description
    assert "racing today" not in embed.description and "(today)" not in embed.description
    assert "Stage 5 · 12 May\n" in embed.description  # no finish town before the route
    after = race_render.race_embed(race, edition, date(2027, 12, 1), [])
    assert "finished" not in after.description
    # The same edition announced: plain dates, and the day's stage marked.
    announced = dataclasses.replace(edition, provisional=False)
    embed = race_render.race_embed(race, announced, date(2027, 5, 12), [])
    assert embed.description.startswith("7 May – 30 May 2027 · 21 stages · **racing today**")
    assert race_render.PROVISIONAL_NOTE not in embed.description
    assert "▶ **Stage 5 · 12 May** (today)" in embed.description
