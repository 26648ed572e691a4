"""Discord output: escaping, links, Discord's length limits and the embeds of the lookups.

Everything a feed wrote is untrusted. Text goes through `escape` (markdown, headings,
masked links, mentions) and links through `safe_url` (http/https only) before it
reaches an embed; `fit` then cuts each embed to Discord's limits, because discord.py
does not check them and Discord refuses the whole message when one is exceeded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Protocol
from urllib.parse import quote, urlsplit

import discord

from feeds.ingest.urls import without_credentials
from feeds.roster import Person, Roster, Team

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELDS_LIMIT = 25
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
AUTHOR_LIMIT = 256
EMBED_TOTAL_LIMIT = 6000
EMBEDS_PER_MESSAGE = 10
CONTENT_LIMIT = 2000
URL_LIMIT = 2048
ELLIPSIS = "…"

DEFAULT_COLOUR = discord.Colour(0x2F3136)
BRAND_COLOUR = discord.Colour(0xF2C200)  # yellow jersey

# Kit colours by team id; a team not listed gets the default. Ids follow feeds/roster/data/*.toml.
TEAM_COLOURS: dict[str, int] = {
    "uae": 0xE10600,
    "visma": 0xFFD200,
    "quick-step": 0x1D4F91,
    "alpecin": 0x1F2F5C,
    "bora": 0x0B2240,
    "astana": 0x00AEEF,
    "ineos": 0x8B0000,
    "lidl-trek": 0xE30613,
    "ef": 0xFF3EA5,
    "groupama-fdj": 0x0055A4,
    "movistar": 0x0F2C6E,
    "bahrain": 0xC8102E,
    "decathlon-ag2r": 0x5B8FCB,
    "intermarche": 0x3A8DDE,
    "jayco": 0x00A3E0,
    "cofidis": 0xD7121F,
    "arkea": 0xCF2030,
    "dsm": 0x101010,
    "lotto": 0xE4002B,
    "israel-premier-tech": 0x1B3C74,
    "tudor": 0xD6001C,
    "uno-x": 0xE2001A,
    "q36-5": 0x4B4F54,
    "totalenergies": 0xFFB300,
    "sd-worx-women": 0xE4003A,
    "fdj-suez-women": 0x0055A4,
    "canyon-sram-women": 0x1E1E1E,
}

# --- text ------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_WHITESPACE = re.compile(r"\s+")
# Characters Discord markdown gives a meaning to anywhere in a line: escaping them breaks
# bold/italic/strike/spoiler/code, masked links `[text](url)`, headings `# ` and subtext
# `-# `, quotes `> `, and custom emoji/mention syntax `<...>`.
_MARKDOWN = re.compile(r"([\\*_~`|>#\[\]()<])")
# Lists only start a line; text is always one line after `clean_text`.
_LIST_START = re.compile(r"^(\d+)\.|^([-+])")


def clean_text(text: str | None) -> str:
    """One line of plain text: no control or bidi-override characters, single spaces."""
    if not text:
        return ""
    return _WHITESPACE.sub(" ", _CONTROL.sub("", text)).strip()


def escape(text: str | None) -> str:
    """Feed text made inert for Discord: shows as written, formats nothing, pings no one.

    `AllowedMentions.none()` already stops pings; the zero-width space after every `@`
    also keeps `@everyone` from reading as a mention, and the one inside `://` stops
    Discord turning a URL in a headline into a link.
    """
    escaped = _MARKDOWN.sub(r"\\\1", clean_text(text))
    escaped = _LIST_START.sub(lambda m: f"{m[1]}\\." if m[1] else f"\\{m[2]}", escaped)
    # "<@123>", "<@&123>", "<#123>" are already broken by the escaped "<".
    return escaped.replace("@", "@\u200b").replace("://", ":\u200b//")


def truncate(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, ending in an ellipsis when cut.

    Never leaves half an escape (a trailing lone backslash) at the cut.
    """
    if len(text) <= limit:
        return text
    if limit <= 0:
        return ""
    cut = text[: limit - 1]
    trailing = len(cut) - len(cut.rstrip("\\"))
    if trailing % 2:
        cut = cut[:-1]
    return cut.rstrip() + ELLIPSIS


def url_text(url: str) -> str:
    """A URL (or a source that may be one) as text to show: one line, and no user name or
    password, even in a feed row stored before URLs with credentials were refused."""
    return without_credentials(clean_text(url))


def safe_url(url: str | None) -> str | None:
    """An http(s) URL safe to put in an embed or inside `[text](url)`, else None.

    User name and password are dropped: a link target is shown on hover and on click.
    """
    if not url:
        return None
    url = without_credentials(url.strip())
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if any(c.isspace() for c in url) or _CONTROL.search(url):
        return None
    # Parentheses and angle brackets would end a masked link early; percent-encode them.
    url = quote(url, safe=":/?#@!$&'*+,;=%[]-._~")
    return url if len(url) <= URL_LIMIT else None


def link(text: str, url: str | None, limit: int = 300) -> str:
    """`[text](url)` with escaped text, or the escaped text alone when the URL is unsafe."""
    label = truncate(escape(text) or "untitled", limit)
    target = safe_url(url)
    return f"[{label}]({target})" if target else label


def relative_time(timestamp: float | None) -> str:
    """Discord renders `<t:…:R>` in each reader's own language and time zone."""
    return f"<t:{int(timestamp)}:R>" if timestamp else "date unknown"


def team_colour(team_id: str | None) -> discord.Colour:
    if team_id and team_id in TEAM_COLOURS:
        return discord.Colour(TEAM_COLOURS[team_id])
    return DEFAULT_COLOUR


# --- fitting embeds to the limits -------------------------------------------------------


def fit(embed: discord.Embed) -> discord.Embed:
    """Cut every part of `embed` to Discord's limits, in place; returns it."""
    if embed.title:
        embed.title = truncate(embed.title, TITLE_LIMIT)
    if embed.description:
        embed.description = truncate(embed.description, DESCRIPTION_LIMIT)
    if embed.author and embed.author.name:
        embed.set_author(
            name=truncate(embed.author.name, AUTHOR_LIMIT),
            url=embed.author.url,
            icon_url=embed.author.icon_url,
        )
    if embed.footer and embed.footer.text:
        embed.set_footer(
            text=truncate(embed.footer.text, FOOTER_LIMIT), icon_url=embed.footer.icon_url
        )
    fields = embed.fields[:FIELDS_LIMIT]
    embed.clear_fields()
    for f in fields:
        embed.add_field(
            name=truncate(f.name or "\u200b", FIELD_NAME_LIMIT) or "\u200b",
            value=truncate(f.value or "\u200b", FIELD_VALUE_LIMIT) or "\u200b",
            inline=bool(f.inline),
        )
    # Over the total: drop fields from the end, then shorten the description.
    while len(embed) > EMBED_TOTAL_LIMIT and embed.fields:
        embed.remove_field(len(embed.fields) - 1)
    if len(embed) > EMBED_TOTAL_LIMIT and embed.description:
        excess = len(embed) - EMBED_TOTAL_LIMIT
        embed.description = truncate(embed.description, max(len(embed.description) - excess, 1))
    if len(embed) > EMBED_TOTAL_LIMIT and embed.title:
        excess = len(embed) - EMBED_TOTAL_LIMIT
        embed.title = truncate(embed.title, max(len(embed.title) - excess, 1))
    return embed


def fit_all(embeds: Sequence[discord.Embed]) -> list[discord.Embed]:
    """At most 10 embeds, each within its limits, and 6000 characters across the message."""
    kept: list[discord.Embed] = []
    total = 0
    for embed in embeds[:EMBEDS_PER_MESSAGE]:
        fit(embed)
        if total + len(embed) > EMBED_TOTAL_LIMIT:
            break
        kept.append(embed)
        total += len(embed)
    return kept


def join_lines(lines: Iterable[str], limit: int, more: str = "") -> str:
    """Whole lines up to `limit` characters (a line is never cut in the middle of a link)."""
    out: list[str] = []
    used = 0
    lines = list(lines)
    for i, line in enumerate(lines):
        extra = len(line) + (1 if out else 0)
        reserve = len(more) + 1 if more and i < len(lines) - 1 else 0
        if used + extra + reserve > limit:
            if not out:
                out.append(truncate(line, limit))
            elif more:
                out.append(more)
            break
        out.append(line)
        used += extra
    return "\n".join(out)


# --- the lookups' embeds ----------------------------------------------------------------
# What the embeds read of storage.lookups' rows, as protocols: render never imports storage.


class StoryLike(Protocol):
    title: str
    url: str | None
    feed_title: str | None
    sort_at: float


class MoveLike(Protocol):
    person: str
    from_team: str | None
    to_team: str | None
    status: str
    stage: str | None
    season: int | None
    title: str
    url: str | None
    sort_at: float


class FeedLike(Protocol):
    url: str
    title: str | None
    last_success_at: float | None
    last_error: str | None
    disabled_reason: str | None


class FreshnessLike(Protocol):
    feeds: Sequence[FeedLike]
    last_poll_at: float | None
    stories: int
    latest_story_at: float | None


def story_line(title: str, url: str | None, feed_title: str | None, when: float | None) -> str:
    # The source is the feed's title, or its URL when it has none.
    source = escape(url_text(feed_title)) if feed_title else "unknown source"
    return f"• {link(title, url)} — {truncate(source, 80)}, {relative_time(when)}"


def stories_block(stories: Sequence[StoryLike], limit: int = DESCRIPTION_LIMIT) -> str:
    if not stories:
        return "No stories yet."
    return join_lines((story_line(s.title, s.url, s.feed_title, s.sort_at) for s in stories), limit)


def move_line(move: MoveLike, *, with_story: bool = True) -> str:
    """ "Person: From → To" with status, season and (optionally) its story."""
    origin = escape(move.from_team) if move.from_team else "?"
    target = escape(move.to_team) if move.to_team else "?"
    status = move_status(move.status, move.stage)
    season = f", {move.season}" if move.season else ""
    line = f"**{escape(move.person)}**: {origin} → {target} ({status}{season})"
    if with_story and move.title:
        line += f" — {link(move.title, move.url, limit=80)} {relative_time(move.sort_at)}"
    return line


STAGE_LABELS = {
    "rumour": "💬 rumour",
    "talks": "🗣️ in talks",
    "agreed": "🤝 agreed",
    "announced": "✅ confirmed",
    "denied": "🚫 denied",
}
"""How /transfers shows each rung of the rumour ladder (feeds.models.MoveStage)."""


def move_status(status: str, stage: str | None) -> str:
    """The rung when the story said it, else rumour or confirmed."""
    if stage in STAGE_LABELS:
        return STAGE_LABELS[stage]
    return STAGE_LABELS["announced" if status == "confirmed" else "rumour"]


def page_footer(page: int, has_more: bool, extra: str = "") -> str:
    parts = [f"Page {page + 1}"]
    if has_more:
        parts.append("older stories with ▶")
    if extra:
        parts.append(extra)
    return " · ".join(parts)


def rider_embed(
    person: Person,
    roster: Roster,
    today: date,
    stories: Sequence[StoryLike],
    latest_move: MoveLike | None = None,
    *,
    page: int = 0,
    has_more: bool = False,
) -> discord.Embed:
    team_id = person.team_on(today) if person.is_active_rider(today) else None
    team = roster.teams.get(team_id) if team_id else None
    embed = discord.Embed(title=escape(person.name), colour=team_colour(team_id))
    if team is not None:
        embed.add_field(name="Team", value=escape(team.name_on(today)), inline=True)
    elif person.kind == "staff":
        staff_team = roster.teams.get(person.team_on(today) or "")
        role = escape(person.role or "staff")
        value = f"{role}, {escape(staff_team.name_on(today))}" if staff_team else role
        embed.add_field(name="Role", value=value, inline=True)
    elif person.kind == "retired" or (person.retired is not None and person.retired < today.year):
        value = f"retired after {person.retired}" if person.retired else "retired"
        embed.add_field(name="Team", value=value, inline=True)
    else:
        embed.add_field(name="Team", value="no team on file", inline=True)
    if person.nationality:
        embed.add_field(name="Nationality", value=escape(person.nationality), inline=True)
    if person.aliases:
        embed.add_field(
            name="Also known as", value=", ".join(escape(a) for a in person.aliases), inline=True
        )
    if latest_move is not None:
        embed.add_field(name="Latest transfer", value=move_line(latest_move), inline=False)
    return with_stories(embed, stories, page, has_more)


def with_stories(
    embed: discord.Embed, stories: Sequence[StoryLike], page: int, has_more: bool
) -> discord.Embed:
    """The page of latest stories as the description, the page number in the footer."""
    embed.description = (
        f"**Latest stories**\n{stories_block(stories, DESCRIPTION_LIMIT - 40)}"
        if stories or page == 0
        else "No older stories."
    )
    embed.set_footer(text=page_footer(page, has_more))
    return fit(embed)


def team_embed(
    team: Team,
    roster: Roster,
    today: date,
    stories: Sequence[StoryLike],
    *,
    page: int = 0,
    has_more: bool = False,
) -> discord.Embed:
    embed = discord.Embed(title=escape(team.name_on(today)), colour=team_colour(team.id))
    former = [n for n in team.all_names if n != team.name_on(today)]
    facts = [x for x in (team.level, team.country) if x]
    if facts:
        embed.add_field(name="Level · country", value=escape(" · ".join(facts)), inline=True)
    if former:
        embed.add_field(name="Also raced as", value=", ".join(escape(n) for n in former))
    riders = sorted(
        (
            p
            for p in roster.people.values()
            if p.is_active_rider(today) and p.team_on(today) == team.id
        ),
        key=lambda p: p.name.split()[-1] if p.name.split() else p.name,
    )
    if riders:
        embed.add_field(
            name=f"Riders {today.year} ({len(riders)})",
            value=join_lines((escape(p.name) for p in riders), FIELD_VALUE_LIMIT, more="…"),
            inline=False,
        )
    return with_stories(embed, stories, page, has_more)


def transfers_embed(
    title: str,
    moves: Sequence[MoveLike],
    *,
    colour_team: str | None = None,
    arrivals: Sequence[MoveLike] | None = None,
    departures: Sequence[MoveLike] | None = None,
) -> discord.Embed:
    """A list of moves; with `arrivals`/`departures` a team's transfer board."""
    embed = discord.Embed(title=escape(title), colour=team_colour(colour_team))
    if arrivals is not None or departures is not None:
        # The description (4096) rather than fields (1024 each): a story link per move
        # fills a field after three or four moves.
        half = (DESCRIPTION_LIMIT - 100) // 2
        sections = []
        for name, group in (("Arrivals", arrivals or []), ("Departures", departures or [])):
            body = (
                join_lines((f"• {move_line(m)}" for m in group), half, more="• …")
                if group
                else "none reported"
            )
            sections.append(f"**{name} ({len(group)})**\n{body}")
        embed.description = "\n\n".join(sections)
    else:
        embed.description = (
            join_lines((f"• {move_line(m)}" for m in moves), DESCRIPTION_LIMIT, more="• …")
            if moves
            else "No transfer news yet."
        )
    return fit(embed)


def news_embed(
    query: str | None, stories: Sequence[StoryLike], *, page: int = 0, has_more: bool = False
) -> discord.Embed:
    title = f"Stories matching “{clean_text(query)}”" if query else "Latest stories"
    embed = discord.Embed(title=escape(title), colour=BRAND_COLOUR)
    if stories:
        embed.description = stories_block(stories)
    elif query:
        embed.description = "No stories match that search."
    else:
        embed.description = "No stories yet."
    embed.set_footer(text=page_footer(page, has_more))
    return fit(embed)


def suggestions_text(kind: str, typed: str, labels: Sequence[str]) -> str:
    """The ephemeral answer to an unknown name, with the closest names known."""
    shown = truncate(escape(typed), 100)
    text = f"No {kind} called {shown}."
    if labels:
        text += " Did you mean: " + ", ".join(escape(label) for label in labels[:5]) + "?"
    return truncate(text, CONTENT_LIMIT)


def about_embed(
    freshness: FreshnessLike, *, version: str, riders: int, teams: int
) -> discord.Embed:
    """What the bot does, which feeds it reads and how fresh its data is."""
    embed = discord.Embed(title="Domestique", colour=BRAND_COLOUR)
    embed.description = (
        "Professional-cycling news from the feeds below, read for you: every story is "
        "tagged with the riders and teams it is about, and transfer stories become "
        "moves (rumour or confirmed).\n"
        "`/rider` `/team` `/transfers` `/news` look it all up."
    )
    if freshness.last_poll_at:
        polled = relative_time(freshness.last_poll_at)
    else:
        polled = "not yet: the first poll has not finished"
    latest = relative_time(freshness.latest_story_at) if freshness.latest_story_at else "none"
    embed.add_field(name="Last successful poll", value=polled, inline=True)
    embed.add_field(name="Stories stored", value=f"{freshness.stories:,}", inline=True)
    embed.add_field(name="Newest story", value=latest, inline=True)
    embed.add_field(name="Roster", value=f"{riders:,} people, {teams:,} teams", inline=True)

    def feed_line(feed: FeedLike) -> str:
        name = escape(feed.title) if feed.title else escape(url_text(feed.url))
        target = safe_url(feed.url)
        shown = f"[{truncate(name, 80)}]({target})" if target else truncate(name, 80)
        if feed.disabled_reason:
            state = "paused"
        elif feed.last_success_at:
            state = f"read {relative_time(feed.last_success_at)}"
        elif feed.last_error:
            state = "failing"
        else:
            state = "not read yet"
        return f"• {shown}: {state}"

    feeds = list(freshness.feeds)
    embed.add_field(
        name=f"Feeds ({len(feeds)})",
        value=join_lines((feed_line(f) for f in feeds), FIELD_VALUE_LIMIT, more="…")
        if feeds
        else "none yet",
        inline=False,
    )
    embed.set_footer(text=f"Domestique {version} · self-hosted · links go to the publishers")
    return fit(embed)


# --- posts (bot/discord/delivery) ---------------------------------------------------------

SUMMARY_LIMIT = 300


def surname(name: str) -> str:
    """ "Michael Mørkøv" -> "Mørkøv", "Mathieu van der Poel" -> "van der Poel"."""
    parts = clean_text(name).split(maxsplit=1)
    return parts[1] if len(parts) == 2 else clean_text(name)


def transfer_line(person: str, from_team: str | None, to_team: str | None, status: str) -> str:
    """ "Mørkøv: Soudal Quick-Step → Astana Qazaqstan · rumour" (escaped)."""
    origin = escape(from_team) if from_team else "?"
    target = escape(to_team) if to_team else "?"
    return f"{escape(surname(person))}: {origin} → {target} · {status}"


def story_post_embed(
    *,
    title: str,
    url: str | None,
    source: str | None,
    published_at: float | None,
    summary: str = "",
    riders: Sequence[str] = (),
    teams: Sequence[str] = (),
    moves: Sequence[tuple[str, str | None, str | None, str]] = (),
    image_url: str | None = None,
    also_on: Sequence[str] = (),
    colour_team: str | None = None,
) -> discord.Embed:
    """One story as a post: escaped title linking to it, source and time, a plain
    summary of at most 300 characters, rider and team tags, transfer lines, the feed's
    image (http/https only). `moves` are (person, from team, to team, status)."""
    embed = discord.Embed(
        title=truncate(escape(title) or "untitled", TITLE_LIMIT),
        url=safe_url(url),
        colour=team_colour(colour_team),
    )
    lines = []
    text = truncate(escape(summary), SUMMARY_LIMIT) if summary else ""
    if text:
        lines.append(text)
    shown = list(dict.fromkeys(transfer_line(*m) for m in moves))
    if shown:
        lines.append("\n".join(f"🔁 {line}" for line in shown[:5]))
    source_text = escape(url_text(source)) if source else "unknown source"
    when = f"<t:{int(published_at)}:f>" if published_at else ""
    footer_line = f"{truncate(source_text, 100)}" + (f" · {when}" if when else "")
    if also_on:
        others = (truncate(escape(url_text(s)), 60) for s in also_on[:3])
        footer_line += " · also on " + ", ".join(others)
    lines.append(footer_line)
    embed.description = "\n\n".join(lines)
    if riders:
        embed.add_field(
            name="Riders", value=join_lines([", ".join(escape(r) for r in riders)], 1024)
        )
    if teams:
        embed.add_field(name="Teams", value=join_lines([", ".join(escape(t) for t in teams)], 1024))
    image = safe_url(image_url)
    if image:
        embed.set_image(url=image)
    return fit(embed)


def digest_embed(
    title: str, stories: Sequence[tuple[str, str | None, str | None, float | None]]
) -> discord.Embed:
    """Several stories in one message: (title, url, source, time) each."""
    embed = discord.Embed(title=escape(title), colour=BRAND_COLOUR)
    embed.description = join_lines(
        (story_line(t, u, s, w) for t, u, s, w in stories),
        DESCRIPTION_LIMIT,
        more=f"… and more ({len(stories)} stories in all)",
    )
    return fit(embed)
