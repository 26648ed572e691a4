"""Spoiler-shielded posts (bot/discord/spoiler_render.py): whatever the headline, nothing of
it shows outside a spoiler, and the post fits Discord's limits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.discord import render
from bot.discord.spoiler_render import (
    digest_embed,
    race_label,
    spoiler_flags,
    spoiler_line,
    spoiler_post,
    spoiler_thread_name,
)
from feeds.races import bundled_calendar

MARK = "ZQX"  # in every generated headline; must never be visible


def visible(text: str) -> str:
    """What shows before a click: the parts outside ||…|| pairs."""
    parts = text.split("||")
    assert len(parts) % 2 == 1, "every spoiler is closed"
    return "".join(parts[0::2])


headlines = st.builds(
    lambda a, b: f"{a}{MARK}{b}",
    st.text(max_size=400),
    st.text(alphabet=st.sampled_from("|`*_~>#[]()<@:/ \\\nab"), max_size=3000),
)
urls = st.one_of(
    st.none(),
    st.builds(lambda p: f"https://news.example/{p}", st.text("abcz-/|<>()", max_size=3000)),
)


@settings(max_examples=300, deadline=None)
@given(headlines, urls, st.text(max_size=300))
def test_a_shielded_post_never_shows_its_headline(title, url, source):
    text = spoiler_post(
        title=title,
        url=url,
        source=source,
        published_at=1_800_000_000,
        kind="result",
        about="Giro d'Italia 2026 · Stage 5",
    )
    assert len(text) <= render.CONTENT_LIMIT
    assert MARK not in visible(text)
    assert MARK in text  # the headline is there, behind the spoiler
    assert text.startswith("🛡️ Result · Giro d'Italia 2026 · Stage 5")


@settings(max_examples=200, deadline=None)
@given(headlines)
def test_digest_and_list_lines_hide_the_headline_and_carry_no_link(title):
    line = spoiler_line(title, "Cycling Weekly", 1_800_000_000)
    assert MARK not in visible(line) and "http" not in line
    embed = digest_embed("Digest", [(title, "https://news.example/x", "Feed", 1.0, True)])
    assert MARK not in visible(embed.description) and "news.example" not in embed.description
    assert len(embed.description) <= render.DESCRIPTION_LIMIT


def test_a_digest_keeps_unshielded_stories_as_links():
    embed = digest_embed(
        "Digest",
        [
            ("Preview: the climbs", "https://news.example/p", "Feed", 1.0, False),
            ("Pogačar wins", "https://news.example/w", "Feed", 1.0, True),
        ],
    )
    first, second = embed.description.split("\n")
    assert "[Preview: the climbs](https://news.example/p)" in first
    assert "||Pogačar wins||" in second and "news.example/w" not in second


def test_a_forum_post_is_named_for_the_race_not_the_headline():
    assert spoiler_thread_name("result", "Tour de France 2026 · Stage 5") == (
        "🛡️ Result · Tour de France 2026 · Stage 5"
    )
    assert spoiler_thread_name("crash", None) == "🛡️ Crash news"
    assert len(spoiler_thread_name("result", "x" * 500)) <= 100


def test_race_labels_come_from_the_calendar():
    calendar = bundled_calendar()
    assert race_label(calendar, "giro-d-italia", 2026, 5) == "Giro d'Italia 2026 · Stage 5"
    assert race_label(calendar, "tour-de-france", 2026, 0) == "Tour de France 2026 · Prologue"
    assert race_label(calendar, "no-such-race", 2026, 1) is None
    assert race_label(None, "giro-d-italia", 2026, 1) is None


def test_no_link_preview():
    assert spoiler_flags().suppress_embeds
