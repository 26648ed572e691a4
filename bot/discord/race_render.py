"""The `/race` answer: an edition's dates, its stages with today's marked, and its latest
stories, results in spoiler form (a fan who watches the finish later must not read it
here). Within Discord's limits through `render.fit`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

import discord

from bot.discord import render, spoiler_render
from feeds.races.lookup import day_label, stage_label
from feeds.races.model import Edition, Race, Stage

SPOILER_KINDS = frozenset({"result"})
"""Story kinds whose headline is shown only inside a spoiler in `/race`."""
STORIES_SHOWN = 8


class KindedStory(render.StoryLike, Protocol):
    kind: str | None


def race_story_line(story: KindedStory) -> str:
    """A story line; a result's in spoiler form (bot/discord/spoiler_render.py): the
    headline hidden, and no link, whose address often spells the result out."""
    if story.kind in SPOILER_KINDS:
        return spoiler_render.spoiler_line(story.title, story.feed_title, story.sort_at)
    return render.story_line(story.title, story.url, story.feed_title, story.sort_at)


PROVISIONAL_NOTE = (
    "Provisional dates: estimated from the race's place in the season, not yet announced "
    "by the organiser."
)


def _dates(edition: Edition) -> str:
    if edition.start == edition.end:
        dates = f"{day_label(edition.start)} {edition.year}"
    else:
        dates = f"{day_label(edition.start)} – {day_label(edition.end)} {edition.end.year}"
    return f"{dates} (provisional dates)" if edition.provisional else dates


def _stage_line(stage: Stage, today: date, *, provisional: bool = False) -> str:
    parts = [stage_label((stage,)), day_label(stage.date)]
    if stage.finish is not None:
        parts.append(render.escape(stage.finish))
    line = " · ".join(parts)
    if stage.finish_utc is not None:
        line += f" · finish ≈ {stage.finish_utc:%H:%M} UTC"
    # An estimated day is never announced as today's stage.
    return f"▶ **{line}** (today)" if stage.date == today and not provisional else line


def race_embed(
    race: Race,
    edition: Edition,
    today: date,
    stories: Sequence[KindedStory],
    *,
    other_years: Sequence[int] = (),
) -> discord.Embed:
    embed = discord.Embed(
        title=render.escape(f"{race.name} {edition.year}"), colour=render.BRAND_COLOUR
    )
    facts = [_dates(edition)]
    if edition.stage_count:
        facts.append(f"{edition.stage_count} stages")
    if edition.host:
        facts.append(render.escape(edition.host))
    # Estimated dates say nothing of whether the race runs today or has finished.
    if not edition.provisional and edition.runs_on(today):
        facts.append("**racing today**")
    elif not edition.provisional and edition.end < today:
        facts.append("finished")
    lines = [" · ".join(facts)]
    if edition.provisional:
        lines.append(PROVISIONAL_NOTE)
    if edition.stages:
        stages = "\n".join(
            _stage_line(s, today, provisional=edition.provisional) for s in edition.stages
        )
        lines.append(f"**Stages**\n{stages}")
    elif edition.stage_count:
        lines.append("The stages are not on the calendar yet.")
    embed.description = render.truncate("\n\n".join(lines), render.DESCRIPTION_LIMIT)
    block = (
        render.join_lines((race_story_line(s) for s in stories[:STORIES_SHOWN]), 1024, more="…")
        if stories
        else "No stories about this race yet."
    )
    embed.add_field(name="Latest stories", value=block, inline=False)
    footer = "Results are hidden: click to reveal."
    if other_years:
        footer += " Other editions: " + ", ".join(str(y) for y in other_years)
    embed.set_footer(text=footer)
    return render.fit(embed)


def unknown_year_text(race: Race, year: int, years: Sequence[int]) -> str:
    known = ", ".join(str(y) for y in years) or "none"
    return render.truncate(
        f"The calendar has no {year} edition of {render.escape(race.name)}. "
        f"Editions known: {known}.",
        render.CONTENT_LIMIT,
    )


def filtered_news_embed(
    query: str | None,
    filters: Sequence[str],
    stories: Sequence[KindedStory],
    *,
    page: int = 0,
    has_more: bool = False,
) -> discord.Embed:
    """`/news` with a kind or race filter: `filters` are what was asked, shown in the title
    ("Crashes · Giro d'Italia"); results in spoiler form, as in `/race`."""
    label = " · ".join(render.clean_text(f) for f in filters)
    if query:
        title = f"Stories matching “{render.clean_text(query)}” · {label}"
    else:
        title = f"Latest stories · {label}"
    embed = discord.Embed(title=render.escape(title), colour=render.BRAND_COLOUR)
    if stories:
        embed.description = render.join_lines(
            (race_story_line(s) for s in stories), render.DESCRIPTION_LIMIT
        )
    elif page:
        embed.description = "No older stories."
    else:
        embed.description = "No stories match that yet."
    embed.set_footer(text=render.page_footer(page, has_more))
    return render.fit(embed)
