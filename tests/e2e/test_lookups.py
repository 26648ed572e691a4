"""Slash commands end to end: injected interactions, the bot's real HTTP answers."""

from __future__ import annotations

import asyncio
import time

import aiohttp

from feeds.models import Move, Story, StoryTags
from storage.articles import FeedState
from tests.e2e.conftest import TOKEN
from tests.e2e.standin import (
    AUTOCOMPLETE_RESULT,
    CHANNEL_MESSAGE,
    DEFERRED_CHANNEL_MESSAGE,
    EPHEMERAL,
    OTHER_USER_ID,
    UPDATE_MESSAGE,
    form_errors,
)
from tests.e2e.world import HOSTILE_TAGS, HOSTILE_URL, SEED_URL, story


def embed_text(message: dict) -> str:
    parts = [message.get("content") or ""]
    for embed in message.get("embeds") or []:
        parts += [embed.get("title") or "", embed.get("description") or ""]
        parts += [f"{f['name']}\n{f['value']}" for f in embed.get("fields") or []]
        parts.append((embed.get("footer") or {}).get("text") or "")
    return "\n".join(parts)


async def test_rider_cavendish_links_the_seed_story(bot, standin):
    interaction = await standin.slash("rider", {"name": "cavendish"})
    callback = await standin.answer(interaction)
    assert callback.json["type"] == CHANNEL_MESSAGE
    message = callback.json["data"]
    (embed,) = message["embeds"]
    assert embed["title"] == "Mark Cavendish"
    assert f"]({SEED_URL})" in embed["description"]
    assert "Cycling Weekly" in embed["description"]
    assert "<t:1695744000:R>" in embed["description"]  # 2023-09-26 16:00 UTC
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert fields["Nationality"] == "GBR"
    assert "Cav" in fields["Also known as"]
    assert "retired" in fields["Team"]
    assert message["allowed_mentions"] == {"parse": []}


async def test_rider_by_autocomplete_value_shows_team_and_latest_move(bot, standin):
    interaction = await standin.slash("rider", {"name": "ide-schelling"})
    message = await standin.final(interaction)
    (embed,) = message["embeds"]
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert embed["title"] == "Ide Schelling"
    assert fields["Team"] == "XDS Astana"  # the name in force today
    assert "Bora-Hansgrohe → Astana Qazaqstan" in fields["Latest transfer"]
    assert "confirmed" in fields["Latest transfer"]
    assert embed["color"] == 0x00AEEF  # Astana's colour


async def test_team_by_former_sponsor_name(bot, standin):
    interaction = await standin.slash("team", {"name": "Astana Qazaqstan"})
    message = await standin.final(interaction)
    (embed,) = message["embeds"]
    assert embed["title"] == "XDS Astana"
    text = embed_text(message)
    assert "Davide Ballerini" in text and "Michael Woods" in text
    assert "Mark Cavendish" not in text.split("Riders", 1)[1]  # retired: not on the roster
    assert SEED_URL in embed["description"]


async def test_transfers_board_for_astana(bot, standin):
    interaction = await standin.slash("transfers", {"team": "astana"})
    message = await standin.final(interaction)
    text = embed_text(message)
    lines = {line.split("**")[1]: line for line in text.splitlines() if line.startswith("• **")}
    assert set(lines) == {
        "Vasilis Anastopoulos",
        "Michael Mørkøv",
        "Davide Ballerini",
        "Ide Schelling",
    }
    assert "rumour" in lines["Vasilis Anastopoulos"]
    assert "rumour" in lines["Michael Mørkøv"]
    assert "confirmed" in lines["Davide Ballerini"]
    assert "confirmed" in lines["Ide Schelling"]
    assert "Soudal Quick-Step → Astana Qazaqstan" in lines["Michael Mørkøv"]
    assert all(SEED_URL in line for line in lines.values())
    assert "**Arrivals (4)**" in text and "**Departures (0)**" in text


async def test_transfers_for_a_rider_and_everywhere(bot, standin):
    mine = await standin.final(await standin.slash("transfers", {"rider": "morkov"}))
    assert "Michael Mørkøv" in embed_text(mine)
    assert "Ballerini" not in embed_text(mine)
    everywhere = await standin.final(await standin.slash("transfers"))
    assert embed_text(everywhere).count("→") == 4


async def test_autocomplete_pogi_puts_pogacar_first(bot, standin):
    interaction = await standin.autocomplete("rider", "name", "pogi")
    callback = await standin.answer(interaction)
    assert callback.json["type"] == AUTOCOMPLETE_RESULT
    choices = callback.json["data"]["choices"]
    assert choices[0]["value"] == "tadej-pogacar"
    assert choices[0]["name"].startswith("Tadej Pogačar")
    assert len(choices) <= 25


async def test_autocomplete_is_accent_and_typo_tolerant(bot, standin):
    for typed, expected in [
        ("pogacar", "tadej-pogacar"),
        ("cavendsh", "mark-cavendish"),
        ("van der poel", "mathieu-van-der-poel"),
        ("mørkøv", "michael-morkov"),
    ]:
        interaction = await standin.autocomplete("rider", "name", typed)
        callback = await standin.answer(interaction)
        assert callback.json["data"]["choices"][0]["value"] == expected, typed
    interaction = await standin.autocomplete("transfers", "team", "jumbo", {"rider": "x"})
    callback = await standin.answer(interaction)
    assert callback.json["data"]["choices"][0]["value"] == "visma"


async def test_unknown_rider_gets_an_ephemeral_answer_with_suggestions(bot, standin):
    interaction = await standin.slash("rider", {"name": "Pogacnak"})
    callback = await standin.answer(interaction)
    data = callback.json["data"]
    assert callback.json["type"] == CHANNEL_MESSAGE
    assert data["flags"] & EPHEMERAL
    assert data["content"].startswith("No rider called Pogacnak.")
    assert "Tim Pogacnik" in data["content"] and "Tadej Pogačar" in data["content"]


async def test_a_title_with_everyone_pings_no_one(bot, standin):
    interaction = await standin.slash("news", {})
    message = await standin.final(interaction)
    assert message["allowed_mentions"] == {"parse": []}
    text = embed_text(message)
    assert HOSTILE_URL in text
    assert "@everyone" not in text and "<@123>" not in text
    assert "](https://evil.example" not in text  # the masked link is shown as text
    assert "\\[free jerseys\\]" in text


async def test_news_search_treats_a_malformed_query_as_words(bot, standin):
    for query in ['cavendish AND "', "NEAR(", "astana*:)", "-", "coach OR"]:
        interaction = await standin.slash("news", {"query": query})
        message = await standin.final(interaction)
        assert message["embeds"], query
    found = await standin.final(await standin.slash("news", {"query": "Anastopoulos coach"}))
    assert SEED_URL in embed_text(found)
    nothing = await standin.final(await standin.slash("news", {"query": "zzzz qqqq"}))
    assert "No stories match" in embed_text(nothing)


async def test_about_reports_feeds_and_freshness(bot, standin):
    message = await standin.final(await standin.slash("about"))
    text = embed_text(message)
    assert "Cycling Weekly" in text
    assert "Last successful poll" in text and "<t:" in text
    assert "Stories stored\n2" in text


async def test_a_slow_lookup_is_deferred_then_completed(bot, standin):
    bot.defer_after = 0.2
    real = bot.lookups.rider_page

    async def slow(*args, **kwargs):
        await asyncio.sleep(1.0)
        return await real(*args, **kwargs)

    bot.lookups.rider_page = slow
    started = time.monotonic()
    interaction = await standin.slash("rider", {"name": "cavendish"})
    first = await standin.answer(interaction)
    assert first.json["type"] == DEFERRED_CHANNEL_MESSAGE
    assert first.at - started < 3.0
    message = await standin.final(interaction)
    assert message["embeds"][0]["title"] == "Mark Cavendish"
    last = interaction.answers[-1]
    assert last.method == "PATCH" and last.path.endswith("/messages/@original")


async def test_an_unexpected_error_gets_an_apology_and_is_logged(bot, standin, caplog):
    async def broken(*args, **kwargs):
        raise RuntimeError("database on fire")

    bot.lookups.freshness = broken
    interaction = await standin.slash("about")
    callback = await standin.answer(interaction)
    assert callback.json["data"]["flags"] & EPHEMERAL
    assert "Sorry" in callback.json["data"]["content"]
    assert "database on fire" in caplog.text


async def test_a_rate_limited_reply_is_retried_after_retry_after(bot, standin):
    standin.fail_next("/callback", 429, retry_after=0.3)
    interaction = await standin.slash("rider", {"name": "cavendish"})
    message = await standin.final(interaction)
    assert message["embeds"][0]["title"] == "Mark Cavendish"
    attempts = standin.find("POST", f"/interactions/{interaction.id}/")
    assert [a.status for a in attempts] == [429, 200]
    assert attempts[1].at - attempts[0].at >= 0.3


async def test_gateway_reconnect_is_resumed(bot, standin):
    await standin.reconnect()
    await standin.wait_for(lambda: standin.resumes == 1 and standin.connected)
    assert standin.identifies == 1
    message = await standin.final(await standin.slash("rider", {"name": "cavendish"}))
    assert message["embeds"][0]["title"] == "Mark Cavendish"


async def test_paging_buttons(bot, standin, storage):
    # Enough stories about Pogačar for two pages.

    feed, _ = await storage.feeds.add("https://extra.example/feed", time.time())
    items = [(story(f"p{i}", f"Pogačar story {i}", 1700000000 + i), HOSTILE_TAGS) for i in range(7)]
    await storage.articles.save_poll(feed.id, items, FeedState("Extra", None, None, "h", 0), 1.8e9)
    interaction = await standin.slash("rider", {"name": "pogacar"})
    message = await standin.final(interaction)
    buttons = {b["label"]: b for row in message["components"] for b in row["components"]}
    assert buttons["Newer"]["disabled"] and not buttons["Older"].get("disabled", False)

    stranger = await standin.click(
        interaction.message, buttons["Older"]["custom_id"], user_id=OTHER_USER_ID
    )
    refusal = await standin.answer(stranger)
    assert refusal.json["data"]["flags"] & EPHEMERAL

    click = await standin.click(interaction.message, buttons["Older"]["custom_id"])
    update = await standin.answer(click)
    assert update.json["type"] == UPDATE_MESSAGE
    page2 = update.json["data"]
    assert "Page 2" in embed_text(page2)
    buttons2 = {b["label"]: b for row in page2["components"] for b in row["components"]}
    assert not buttons2["Newer"].get("disabled", False) and buttons2["Older"]["disabled"]

    # Back again on the same message: the view is still bound to it.
    back = await standin.click(interaction.message, buttons2["Newer"]["custom_id"])
    page1 = (await standin.answer(back)).json["data"]
    assert "Page 1" in embed_text(page1)
    assert back.message["id"] == interaction.message["id"]


async def test_paging_buttons_are_disabled_on_timeout(bot, standin, storage):
    feed, _ = await storage.feeds.add("https://extra.example/feed", time.time())
    items = [(story(f"p{i}", f"Pogačar story {i}", 1700000000 + i), HOSTILE_TAGS) for i in range(7)]
    await storage.articles.save_poll(feed.id, items, FeedState("Extra", None, None, "h", 0), 1.8e9)
    bot.page_timeout = 0.3
    interaction = await standin.slash("rider", {"name": "pogacar"})
    await standin.final(interaction)
    edit = await standin.answer(interaction, count=2)
    assert edit[1].method == "PATCH" and edit[1].path.endswith("/messages/@original")
    buttons = [b for row in edit[1].json["components"] for b in row["components"]]
    assert buttons and all(b["disabled"] for b in buttons)


async def test_a_user_hammering_a_command_is_told_to_wait(bot, standin):
    answers = []
    for _ in range(11):
        answers.append(await standin.answer(await standin.slash("about")))
    assert all(a.json["data"].get("embeds") for a in answers[:10])
    last = answers[10].json["data"]
    assert last["flags"] & EPHEMERAL and "try again in" in last["content"]
    # Another user is not affected.
    other = await standin.answer(await standin.slash("about", user_id=OTHER_USER_ID))
    assert other.json["data"]["embeds"]


async def test_a_failure_after_a_defer_replaces_the_thinking_message(bot, standin):
    bot.defer_after = 0.1

    async def slow_and_broken(*args, **kwargs):
        await asyncio.sleep(0.4)
        raise RuntimeError("disk gone")

    bot.lookups.freshness = slow_and_broken
    interaction = await standin.slash("about")
    message = await standin.final(interaction)
    assert interaction.answers[0].json["type"] == DEFERRED_CHANNEL_MESSAGE
    assert message["content"].startswith("Sorry")
    assert interaction.answers[-1].path.endswith("/messages/@original")


async def test_a_rate_limited_edit_after_a_defer_still_arrives(bot, standin):
    bot.defer_after = 0.1
    real = bot.lookups.freshness

    async def slow(**kwargs):
        await asyncio.sleep(0.3)
        return await real(**kwargs)

    bot.lookups.freshness = slow
    standin.fail_next("/messages/@original", 429, retry_after=0.3)
    interaction = await standin.slash("about")
    message = await standin.final(interaction)
    assert message["embeds"][0]["title"] == "Domestique"
    edits = standin.find("PATCH", f"/{interaction.token}/messages/@original")
    assert [a.status for a in edits] == [429, 200]
    assert edits[1].at - edits[0].at >= 0.3


async def test_a_bad_gateway_on_the_reply_is_retried(bot, standin):
    standin.fail_next("/callback", 502)
    interaction = await standin.slash("about")
    await standin.wait_for(lambda: any(a.status == 200 for a in interaction.answers), within=5)
    attempts = standin.find("POST", f"/interactions/{interaction.id}/")
    assert [a.status for a in attempts] == [502, 200]
    assert attempts[1].at - attempts[0].at < 3.0  # still within Discord's 3 s


async def test_a_global_rate_limit_is_waited_out(bot, standin):
    standin.fail_next("/callback", 429, retry_after=0.2, is_global=True)
    interaction = await standin.slash("about")
    await standin.wait_for(lambda: any(a.status == 200 for a in interaction.answers))
    statuses = [a.status for a in standin.find("POST", f"/interactions/{interaction.id}/")]
    assert statuses == [429, 200]


async def test_lookups_work_in_a_direct_message(bot, standin):
    message = await standin.final(await standin.slash("rider", {"name": "cavendish"}, dm=True))
    assert message["embeds"][0]["title"] == "Mark Cavendish"


async def test_huge_hostile_stories_still_fit_in_every_answer(bot, standin, storage):
    tags = StoryTags(
        riders=["mark-cavendish", "tadej-pogacar"],
        teams=["astana"],
        is_transfer=True,
        moves=[
            Move(
                "mark-cavendish",
                "M" * 300 + " @everyone",
                "astana",
                "alpecin",
                "A" * 300,
                "B" * 300,
                "rumour",
                2027,
            )
        ],
    )
    feed, _ = await storage.feeds.add("https://huge.example/feed", time.time())
    items = [
        (
            Story(
                key=f"h{i}",
                url=None if i % 2 else f"https://huge.example/{i}?q=" + "x" * 1500,
                title=("**# @everyone [x](javascript:alert(1)) <@1> ||spoiler|| " * 100)[:5000],
                summary="s" * 10000,
                published=None,
            ),
            tags,
        )
        for i in range(30)
    ]
    await storage.articles.save_poll(
        feed.id, items, FeedState("F" * 3000, None, None, "h", 0), 1.8e9
    )
    for name, options in [
        ("rider", {"name": "cavendish"}),
        ("team", {"name": "astana"}),
        ("transfers", {"team": "astana"}),
        ("transfers", {}),
        ("news", {}),
        ("news", {"query": "spoiler " * 20}),
        ("about", {}),
    ]:
        message = await standin.final(await standin.slash(name, options))
        assert message.get("embeds"), (name, options)
        assert "@everyone" not in embed_text(message)
        assert "javascript:" not in embed_text(message).replace("javascript:alert", "")


async def test_the_standin_refuses_what_discord_would(standin):
    assert form_errors({"content": "x" * 2001}) == ["content longer than 2000"]
    assert "embeds longer than 6000 in total" in form_errors(
        {"embeds": [{"description": "d" * 4000}, {"description": "d" * 2500}]}
    )
    assert form_errors({"embeds": [{"fields": [{"name": "n", "value": ""}]}]})
    assert form_errors({"choices": [{"name": "x" * 101, "value": "v"}]})
    assert not form_errors({"content": "fine", "embeds": [{"title": "t", "description": "d"}]})
    async with aiohttp.ClientSession() as http:
        url = f"{standin.api_url}/channels/1/messages"
        headers = {"Authorization": f"Bot {TOKEN}"}
        async with http.post(url, json={"content": "x" * 3000}, headers=headers) as response:
            assert response.status == 400
    standin.refused.clear()


async def test_a_command_the_bot_no_longer_has_is_explained(bot, standin):
    callback = await standin.answer(await standin.slash("standings", {"race": "tour"}))
    data = callback.json["data"]
    assert data["flags"] & EPHEMERAL and "domestique sync" in data["content"]
