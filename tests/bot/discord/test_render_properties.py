"""Every embed kind the bot sends, built from hostile strings by hypothesis: within
Discord's limits, no live mention, links only to http(s).

The kinds: rider, team, transfers (list and a team's board), news, about, the feed
preview and the feed health list of /feeds, a delivery post, a digest; a forum post is
a delivery post under a thread name made of plain text.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, date, datetime
from types import SimpleNamespace

import discord
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.discord import render
from cogs.feeds import Preview, health_line, preview_embed
from feeds.models import MOVE_STAGES, Story, StoryTags
from tests.e2e.world import small_roster

TODAY = date(2026, 11, 23)
ROSTER = small_roster()
PIECES = [
    "@everyone",
    "@here",
    "<@123>",
    "<@!123>",
    "<@&456>",
    "<#789>",
    "<t:1:R>",
    "**",
    "__",
    "`",
    "```",
    "||",
    "~~",
    "# ",
    "-# ",
    "> ",
    "1. ",
    "- ",
    "[x](javascript:alert(1))",
    "[x](https://evil.example)",
    "](",
    "\\",
    "https://",
    "javascript:",
    "\n",
    "\u200b",
    "\u200d",
    "\u202e",
    "\u2066",
    "\x00",
    "'); DROP TABLE articles;--",
    "Pogačar",
    " ",
]
HOSTILE = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=40).map("".join),
    st.tuples(st.sampled_from(PIECES), st.integers(100, 800)).map(lambda p: p[0] * p[1]),
)
URLS = st.one_of(
    st.none(),
    st.sampled_from(
        [
            "https://news.example/a",
            "http://news.example/a(b)c<d>",
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "file:///etc/passwd",
            "data:text/html,x",
            "https://",
            "https://x.example/ spaces",
            "https://x.example/\u202e",
            "https://x.example/" + "a" * 3000,
        ]
    ),
    st.text(max_size=60),
)
WHEN = st.one_of(st.none(), st.floats(1.0, 2e9))
PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

LIVE_MENTION = re.compile(r"(?<!\\)<(@[!&]?|#)\d|@(everyone|here)")


def all_text(embed: discord.Embed) -> str:
    parts = [embed.title or "", embed.description or "", embed.footer.text or ""]
    parts.append(embed.author.name or "")
    parts += [f"{f.name}\n{f.value}" for f in embed.fields]
    return "\n".join(parts)


def assert_sendable(embeds: list[discord.Embed]) -> None:
    """Within every Discord limit, nothing pings, every link is http(s)."""
    assert len(embeds) <= render.EMBEDS_PER_MESSAGE
    assert sum(len(e) for e in embeds) <= render.EMBED_TOTAL_LIMIT
    for embed in embeds:
        assert len(embed.title or "") <= render.TITLE_LIMIT
        assert len(embed.description or "") <= render.DESCRIPTION_LIMIT
        assert len(embed.footer.text or "") <= render.FOOTER_LIMIT
        assert len(embed.author.name or "") <= render.AUTHOR_LIMIT
        assert len(embed.fields) <= render.FIELDS_LIMIT
        for f in embed.fields:
            assert 0 < len(f.name) <= render.FIELD_NAME_LIMIT
            assert 0 < len(f.value) <= render.FIELD_VALUE_LIMIT
        for url in (embed.url, embed.image.url, embed.thumbnail.url):
            assert url is None or (url.startswith(("http://", "https://")) and len(url) <= 2048)
        text = all_text(embed)
        assert not LIVE_MENTION.search(text), text
        assert not re.search("[\u202a-\u202e\u2066-\u2069\x00]", text)
        for target in re.findall(r"(?<!\\)\]\(([^)\s]*)\)", text):
            assert target.startswith(("http://", "https://")), target
        embed.to_dict()  # serialisable as discord.py would send it


def story_like(title, url, feed_title, when) -> SimpleNamespace:
    return SimpleNamespace(title=title, url=url, feed_title=feed_title, sort_at=when or 0.0)


STORIES = st.lists(
    st.builds(story_like, HOSTILE, URLS, st.one_of(st.none(), HOSTILE), WHEN), max_size=30
)
MOVES = st.lists(
    st.builds(
        SimpleNamespace,
        person=HOSTILE,
        from_team=st.one_of(st.none(), HOSTILE),
        to_team=st.one_of(st.none(), HOSTILE),
        status=st.sampled_from(["rumour", "confirmed"]),
        stage=st.sampled_from([None, *MOVE_STAGES]),
        season=st.one_of(st.none(), st.integers(1990, 2030)),
        title=HOSTILE,
        url=URLS,
        sort_at=st.floats(1.0, 2e9),
    ),
    max_size=40,
)
NAMES = st.lists(HOSTILE.filter(bool), max_size=8).map(tuple)


@PROPERTY
@given(HOSTILE.filter(bool), NAMES, st.one_of(st.none(), HOSTILE), STORIES, MOVES, st.booleans())
def test_rider_embed(name, aliases, nationality, stories, moves, staff):
    base = ROSTER.people["tadej-pogacar" if not staff else "vasilis-anastopoulos"]
    person = dataclasses.replace(
        base, name=name, aliases=aliases, nationality=nationality, role=name if staff else None
    )
    move = moves[0] if moves else None
    assert_sendable([render.rider_embed(person, ROSTER, TODAY, stories, move, has_more=True)])


@PROPERTY
@given(HOSTILE.filter(bool), NAMES, st.one_of(st.none(), HOSTILE), HOSTILE, STORIES, NAMES)
def test_team_embed(name, former, level, country, stories, rider_names):
    team = ROSTER.teams["uae"]
    names = (*former, name)
    team = dataclasses.replace(
        team,
        names=tuple(
            dataclasses.replace(team.names[-1], name=n, start=None, end=None) for n in names
        ),
        level=level,
        country=country or None,
    )
    riders = {
        p.id: dataclasses.replace(
            p, name=rider_names[i % len(rider_names)] if rider_names else p.name
        )
        for i, p in enumerate(ROSTER.people.values())
    }
    roster = dataclasses.replace(ROSTER, people=riders)
    assert_sendable([render.team_embed(team, roster, TODAY, stories, page=2, has_more=True)])


@PROPERTY
@given(HOSTILE, MOVES, MOVES, st.booleans())
def test_transfers_embeds(title, moves, other, board):
    if board:
        embed = render.transfers_embed(
            title, [], colour_team="uae", arrivals=moves, departures=other
        )
    else:
        embed = render.transfers_embed(title, moves)
    assert_sendable([embed])


@PROPERTY
@given(st.one_of(st.none(), HOSTILE), STORIES, st.integers(0, 50))
def test_news_embed(query, stories, page):
    assert_sendable([render.news_embed(query, stories, page=page, has_more=bool(stories))])


FEEDS = st.lists(
    st.builds(
        SimpleNamespace,
        url=st.one_of(URLS.filter(bool), HOSTILE),
        title=st.one_of(st.none(), HOSTILE),
        last_success_at=WHEN,
        last_error=st.one_of(st.none(), HOSTILE),
        disabled_reason=st.one_of(st.none(), HOSTILE),
    ),
    max_size=60,
)


@PROPERTY
@given(FEEDS, WHEN, st.integers(0, 10**9))
def test_about_embed(feeds, last_poll, stories):
    freshness = SimpleNamespace(
        feeds=feeds, last_poll_at=last_poll, stories=stories, latest_story_at=last_poll
    )
    embed = render.about_embed(freshness, version="0.0.0", riders=stories, teams=3)
    assert_sendable([embed])


def parsed_story(key: str, title: str, url: str | None, summary: str) -> Story:
    return Story(
        key=key,
        url=url,
        title=title,
        summary=summary,
        published=datetime(2026, 11, 22, tzinfo=UTC),
    )


@PROPERTY
@given(
    st.one_of(st.none(), HOSTILE),
    st.one_of(URLS.filter(bool), HOSTILE),
    st.lists(st.tuples(HOSTILE, URLS, HOSTILE), max_size=5),
    st.sampled_from(["Added", "Preview", "Already in use"]),
)
def test_feed_preview_embed(title, url, stories, heading):
    tags = StoryTags(riders=["tadej-pogacar", "missing"], teams=["uae"])
    preview = Preview(
        url,
        title,
        [(parsed_story(f"k{i}", t, u, s), tags) for i, (t, u, s) in enumerate(stories)],
        len(stories),
    )
    assert_sendable(render.fit_all([preview_embed(preview, ROSTER, heading)]))


@PROPERTY
@given(FEEDS, st.floats(0, 2e9))
def test_feed_health_lines(feeds, next_attempt):
    rows = [
        SimpleNamespace(
            url=f.url,
            title=f.title,
            disabled_reason=f.disabled_reason,
            last_success_at=f.last_success_at,
            last_error=f.last_error,
            last_error_at=f.last_success_at,
            next_attempt_at=next_attempt,
        )
        for f in feeds
    ]
    embed = discord.Embed(title="Feeds this server uses")
    embed.description = render.join_lines(map(health_line, rows), render.DESCRIPTION_LIMIT, "…")
    assert_sendable(render.fit_all([embed]))


@PROPERTY
@given(
    HOSTILE,
    URLS,
    st.one_of(st.none(), HOSTILE),
    WHEN,
    HOSTILE,
    NAMES,
    NAMES,
    st.lists(
        st.tuples(
            HOSTILE,
            st.one_of(st.none(), HOSTILE),
            st.one_of(st.none(), HOSTILE),
            st.sampled_from(["rumour", "confirmed"]),
        ),
        max_size=8,
    ),
    URLS,
    NAMES,
)
def test_delivery_post_embed(title, url, source, when, summary, riders, teams, moves, image, also):
    embed = render.story_post_embed(
        title=title,
        url=url,
        source=source,
        published_at=when,
        summary=summary,
        riders=riders,
        teams=teams,
        moves=moves,
        image_url=image,
        also_on=also,
    )
    assert_sendable([embed])
    # A forum post carries the same embed under a thread name of plain text.
    thread_name = render.truncate(render.clean_text(title) or "News", 100)
    assert 0 < len(thread_name) <= 100 and "\n" not in thread_name


@PROPERTY
@given(
    HOSTILE, st.lists(st.tuples(HOSTILE, URLS, st.one_of(st.none(), HOSTILE), WHEN), max_size=80)
)
def test_digest_embed(title, stories):
    assert_sendable([render.digest_embed(title, stories)])


@PROPERTY
@given(
    st.lists(st.builds(story_like, HOSTILE, URLS, HOSTILE, WHEN), max_size=20), st.integers(1, 12)
)
def test_many_embeds_in_one_message_fit_together(stories, count):
    embeds = [render.news_embed(None, stories) for _ in range(count)]
    assert_sendable(render.fit_all(embeds))


def test_the_checks_catch_what_they_look_for():
    """The control: raw feed text or an over-long part fails `assert_sendable`."""
    with pytest.raises(AssertionError):
        assert_sendable([discord.Embed(title="x", description="@everyone")])
    with pytest.raises(AssertionError):
        assert_sendable([discord.Embed(description="[x](javascript:alert(1))")])
    with pytest.raises(AssertionError):
        assert_sendable([discord.Embed(description="<@&1>")])
    with pytest.raises(AssertionError):
        assert_sendable([discord.Embed(title="t" * 300)])
