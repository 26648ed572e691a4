"""Outbox rows as Discord posts: one story as an embed (or, spoiler-shielded, as content
with the headline hidden), several as a digest. The delivery worker sends what these make.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import discord

from bot.discord import render, spoiler_render
from bot.pipeline.guild_names import GuildRosters
from feeds.races.model import Calendar
from storage.outbox import OutboxItem


def names(guilds: GuildRosters, item: OutboxItem, kind: str) -> list[str]:
    """The story's riders or teams (`kind`) by name, with its server's own names; team
    names as they were when the story was published."""
    roster = guilds.roster(item.guild_id)
    when = datetime.fromtimestamp(item.published_at or item.sort_at, UTC).date()
    out = []
    for entity_id, tag_kind in item.entities:
        if tag_kind != kind:
            continue
        key = entity_id.partition(":")[2]
        if kind == "team" and key in roster.teams:
            out.append(roster.teams[key].name_on(when))
        elif kind == "rider" and key in roster.people:
            out.append(roster.people[key].name)
    return out


def about(calendar: Calendar | None, item: OutboxItem) -> str | None:
    """The race a story is about, as a spoiler-shielded post may name it."""
    return spoiler_render.race_label(calendar, item.focus_race, item.focus_year, item.focus_stage)


def single_post(
    guilds: GuildRosters, calendar: Calendar | None, item: OutboxItem
) -> discord.Embed | str:
    """One story: an embed, or the text of a spoiler-shielded one (sent without previews)."""
    if item.spoiler:
        return spoiler_render.spoiler_post(
            title=item.title,
            url=item.url,
            source=item.feed_title or item.feed_url,
            published_at=item.published_at or item.sort_at,
            kind=item.story_kind,
            about=about(calendar, item),
        )
    teams = [e.partition(":")[2] for e, k in item.entities if k == "team"]
    return render.story_post_embed(
        title=item.title,
        url=item.url,
        source=item.feed_title or item.feed_url,
        published_at=item.published_at or item.sort_at,
        summary=item.summary,
        riders=names(guilds, item, "rider"),
        teams=names(guilds, item, "team"),
        moves=[(m["person"], m["from_team"], m["to_team"], m["status"]) for m in item.moves],
        image_url=item.image_url,
        also_on=item.also_on,
        colour_team=teams[0] if teams else None,
    )


def digest_post(title: str, items: Sequence[OutboxItem]) -> discord.Embed:
    count = len(items)
    return spoiler_render.digest_embed(
        f"{title}: {count} {'story' if count == 1 else 'stories'}",
        [(i.title, i.url, i.feed_title or i.feed_url, i.sort_at, i.spoiler) for i in items],
    )
