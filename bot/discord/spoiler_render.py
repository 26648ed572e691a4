"""Spoiler-shielded stories as Discord shows them (bot/pipeline/spoilers.py decides which).

Discord hides text between `||` and `||` until clicked, but an embed's title cannot be
hidden, and a link would unfold into a preview with the headline: so a shielded story is
plain message content, sent with SUPPRESS_EMBEDS, the headline and the link each inside
a spoiler, no summary, no image. What stays visible says only what the story is about
("Result · Giro d'Italia 2026 · Stage 5"), never how it ended.

Every part is cut to its own length before it is put between the bars, so a spoiler is
never cut open by a length limit; `render.escape` escapes `|`, so a headline cannot close
its spoiler early either.
"""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.discord import render
from feeds.races.model import Calendar

HEADLINE_LIMIT = 300
LINK_LIMIT = 1000
"""A longer link is left out (it would not fit beside the rest in 2,000 characters)."""
THREAD_NAME_LIMIT = 100
DIGEST_HEADLINE_LIMIT = 200
WHAT = {"result": "Result", "crash": "Crash news"}
SHIELD = "🛡️"


def spoiler_flags() -> discord.MessageFlags:
    """No link preview: a preview would show the headline outside the spoiler."""
    return discord.MessageFlags(suppress_embeds=True)


def race_label(
    calendar: Calendar | None, race_id: str | None, year: int | None, stage: int | None
) -> str | None:
    """ "Giro d'Italia 2026 · Stage 5" for a story's race focus, when the calendar knows
    the race; None otherwise."""
    race = calendar.race(race_id) if calendar is not None and race_id else None
    if race is None:
        return None
    parts = [f"{race.name} {year}" if year else race.name]
    if stage is not None:
        parts.append("Prologue" if stage == 0 else f"Stage {stage}")
    return " · ".join(parts)


def _heading(kind: str | None, about: str | None) -> str:
    what = WHAT.get(kind or "", "Story")
    return f"{SHIELD} {what}" + (f" · {render.escape(about)}" if about else "")


def spoiler_post(
    *,
    title: str,
    url: str | None,
    source: str | None,
    published_at: float | None,
    kind: str | None,
    about: str | None = None,
) -> str:
    """A shielded story as message content: what it is about in the clear, the headline
    and link hidden. At most 2,000 characters by construction."""
    lines = [render.truncate(_heading(kind, about), 200)]
    headline = render.truncate(render.escape(title) or "untitled", HEADLINE_LIMIT)
    lines.append(f"||{headline}||")
    link = render.safe_url(url)
    if link is not None and len(link) <= LINK_LIMIT:
        lines.append(f"||<{link}>||")
    where = render.escape(render.url_text(source)) if source else "unknown source"
    when = f" · <t:{int(published_at)}:f>" if published_at else ""
    lines.append(render.truncate(where, 100) + when)
    return "\n".join(lines)


def spoiler_thread_name(kind: str | None, about: str | None) -> str:
    """A forum post's name for a shielded story: a thread's name cannot hide anything."""
    name = f"{SHIELD} {WHAT.get(kind or '', 'Story')}" + (f" · {about}" if about else "")
    return render.truncate(render.clean_text(name), THREAD_NAME_LIMIT)


def spoiler_line(title: str, feed_title: str | None, when: float | None) -> str:
    """A shielded story as one line of a list (a digest, a race's latest stories): the
    headline hidden, and no link, whose address often spells the result out."""
    headline = render.truncate(render.escape(title) or "untitled", DIGEST_HEADLINE_LIMIT)
    source = render.escape(render.url_text(feed_title)) if feed_title else "unknown source"
    return (
        f"• {SHIELD} ||{headline}|| — {render.truncate(source, 80)}, {render.relative_time(when)}"
    )


def digest_embed(
    title: str,
    stories: Sequence[tuple[str, str | None, str | None, float | None, bool]],
) -> discord.Embed:
    """Several stories in one message, (title, url, source, time, spoiler) each: as
    `render.digest_embed`, with shielded ones as spoiler lines."""
    embed = discord.Embed(title=render.escape(title), colour=render.BRAND_COLOUR)
    embed.description = render.join_lines(
        (
            spoiler_line(t, s, w) if hidden else render.story_line(t, u, s, w)
            for t, u, s, w, hidden in stories
        ),
        render.DESCRIPTION_LIMIT,
        more=f"… and more ({len(stories)} stories in all)",
    )
    return render.fit(embed)
