"""Discord output: escaping, links and limits (discord.py checks none of them)."""

from __future__ import annotations

import re
from datetime import date
from types import SimpleNamespace

import discord
from hypothesis import given
from hypothesis import strategies as st

from bot.discord import render
from tests.e2e.world import small_roster

MARKDOWN = set("\\*_~`|>#[]()<")


def unescaped(text: str) -> set[str]:
    """Markdown characters in `text` not preceded by an escaping backslash."""
    found, i = set(), 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in MARKDOWN:
            found.add(text[i])
        i += 1
    return found


@given(st.text())
def test_escaped_text_has_no_live_markdown_and_no_mentions(text):
    escaped = render.escape(text)
    assert not unescaped(escaped)
    assert "@everyone" not in escaped.lower() and "@here" not in escaped.lower()
    assert not re.search(r"(?<!\\)<[@#]", escaped)
    assert "\n" not in escaped


def test_escape_known_attacks():
    title = "# Big @everyone @here <@123> <@&456> <#789> [win](https://evil.example) -# x"
    escaped = render.escape(title)
    assert escaped.startswith("\\# Big")
    assert "\\[win\\]\\(https:\u200b//evil.example\\)" in escaped
    assert "@\u200beveryone" in escaped and "@\u200bhere" in escaped
    assert "\\<@\u200b123\\>" in escaped
    assert render.escape("1. Pogačar") == "1\\. Pogačar"
    assert render.escape("- list") == "\\- list"
    assert render.escape("a\u202eb\x00c\n\nd") == "abc d"


@given(st.text(), st.integers(min_value=1, max_value=300))
def test_truncate_respects_the_limit(text, limit):
    cut = render.truncate(text, limit)
    assert len(cut) <= limit
    if len(text) <= limit:
        assert cut == text
    else:
        assert cut.endswith(render.ELLIPSIS)


@given(st.text())
def test_truncated_escaped_text_never_ends_in_half_an_escape(text):
    cut = render.truncate(render.escape(text * 3), 50)
    body = cut.removesuffix(render.ELLIPSIS)
    assert (len(body) - len(body.rstrip("\\"))) % 2 == 0


def test_safe_url_keeps_only_http_links():
    assert render.safe_url("https://www.cyclingnews.com/a") == "https://www.cyclingnews.com/a"
    assert render.safe_url("http://x.example/a_(b)") == "http://x.example/a_%28b%29"
    for bad in [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,hi",
        "ftp://x.example/",
        "https:///nohost",
        "https://x.example/a b",
        "",
        None,
        "https://x.example/" + "a" * 3000,
    ]:
        assert render.safe_url(bad) is None, bad
    assert render.link("Title", "javascript:alert(1)") == "Title"
    assert render.link("Title", "https://x.example/") == "[Title](https://x.example/)"


def test_fit_cuts_every_part_to_discord_limits():
    embed = discord.Embed(title="t" * 1000, description="d" * 10000)
    embed.set_author(name="a" * 1000)
    embed.set_footer(text="f" * 5000)
    for _ in range(40):
        embed.add_field(name="n" * 500, value="v" * 2000)
    render.fit(embed)
    assert len(embed.title) <= 256 and len(embed.author.name) <= 256
    assert len(embed.description) <= 4096 and len(embed.footer.text) <= 2048
    assert len(embed.fields) <= 25
    assert all(len(f.name) <= 256 and len(f.value) <= 1024 for f in embed.fields)
    assert len(embed) <= 6000


@given(
    st.lists(st.text(min_size=0, max_size=3000), min_size=0, max_size=30),
    st.text(max_size=5000),
)
def test_fit_always_fits(values, description):
    embed = discord.Embed(title=description[:400], description=description)
    for value in values:
        embed.add_field(name=value[:300] or "x", value=value or "y")
    render.fit(embed)
    assert len(embed) <= 6000 and len(embed.fields) <= 25


def test_fit_all_keeps_the_message_within_limits():
    embeds = [discord.Embed(description="x" * 4000) for _ in range(15)]
    kept = render.fit_all(embeds)
    assert len(kept) <= 10 and sum(len(e) for e in kept) <= 6000


def _story(i: int, title: str) -> SimpleNamespace:
    return SimpleNamespace(
        title=title, url=f"https://x.example/{i}", feed_title="Feed " * 40, sort_at=1.7e9 + i
    )


def test_rider_embed_with_huge_hostile_stories_fits():
    roster = small_roster()
    person = roster.people["mark-cavendish"]
    stories = [_story(i, "@everyone [x](https://e.example) " * 30) for i in range(50)]
    move = SimpleNamespace(
        person="M" * 500,
        from_team="F" * 500,
        to_team="T" * 500,
        status="rumour",
        stage=None,
        season=2024,
        title="@here " * 100,
        url="https://x.example/m",
        sort_at=1.7e9,
    )
    embed = render.rider_embed(person, roster, date(2026, 11, 23), stories, move, has_more=True)
    assert len(embed) <= 6000 and len(embed.description) <= 4096
    assert all(len(f.value) <= 1024 for f in embed.fields)
    # Whole lines only: no story link is cut in half.
    lines = embed.description.splitlines()
    assert lines[0] == "**Latest stories**"
    assert all(re.search(r"<t:\d+:R>$", line) for line in lines[1:])


def test_transfer_board_with_many_moves_fits():
    moves = [
        SimpleNamespace(
            person=f"Rider {i}",
            from_team="Soudal Quick-Step",
            to_team="XDS Astana",
            status="confirmed" if i % 2 else "rumour",
            stage=None,
            season=2026,
            title="A long transfer headline " * 5,
            url=f"https://x.example/{i}",
            sort_at=1.7e9,
        )
        for i in range(60)
    ]
    embed = render.transfers_embed("Transfers", [], arrivals=moves, departures=moves)
    assert len(embed) <= 6000
    assert "**Arrivals (60)**" in embed.description and "**Departures (60)**" in embed.description
    assert "• …" in embed.description


def test_a_move_shows_its_rung_of_the_rumour_ladder():
    def line(status, stage):
        move = SimpleNamespace(
            person="Tom Pidcock",
            from_team="Ineos Grenadiers",
            to_team="Q36.5 Pro Cycling Team",
            status=status,
            stage=stage,
            season=None,
            title="",
            url=None,
            sort_at=1.7e9,
        )
        return render.move_line(move)

    assert "(🗣️ in talks)" in line("rumour", "talks")
    assert "(🤝 agreed)" in line("confirmed", "agreed")
    assert "(🚫 denied)" in line("rumour", "denied")
    # moves stored before stages were read show their status
    assert "(💬 rumour)" in line("rumour", None)
    assert "(✅ confirmed)" in line("confirmed", None)


def test_team_colours():
    assert render.team_colour("astana").value == 0x00AEEF
    assert render.team_colour("unknown") == render.DEFAULT_COLOUR
    assert render.team_colour(None) == render.DEFAULT_COLOUR


def test_suggestions_text_escapes_what_the_user_typed():
    text = render.suggestions_text("rider", "@everyone **x**", ["Mark Cavendish (retired)"])
    assert text.startswith("No rider called @\u200beveryone \\*\\*x\\*\\*.")
    assert "Did you mean: Mark Cavendish \\(retired\\)?" in text


def test_rider_embed_team_field_for_each_kind_of_person():
    roster = small_roster()
    today = date(2026, 11, 23)

    def team_field(person_id: str) -> str:
        embed = render.rider_embed(roster.people[person_id], roster, today, [])
        return {f.name: f.value for f in embed.fields}.get("Team") or {
            f.name: f.value for f in embed.fields
        }.get("Role")

    assert team_field("tadej-pogacar") == "UAE Team Emirates XRG"
    assert team_field("mark-cavendish") == "retired after 2024"
    assert team_field("michael-morkov") == "retired after 2025"
    assert team_field("vasilis-anastopoulos") == "coach, XDS Astana"
