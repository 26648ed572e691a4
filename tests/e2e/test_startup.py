"""The real discord.py client against the stand-in: login, gateway, command sync."""

from __future__ import annotations

import dataclasses

import discord
import pytest

from bot.discord.endpoints import sync_commands
from tests.e2e.standin import APP_ID, GUILD_ID, command_errors

COMMANDS = {"rider", "team", "transfers", "news", "about"}
DELIVERY = {"subscribe", "unsubscribe", "subscriptions", "follow", "unfollow", "following"}
# Other areas add their own commands: each test checks the ones it knows are there.


async def test_login_and_identify(bot, standin):
    assert standin.find("GET", "/users/@me")
    assert standin.find("GET", "/oauth2/applications/@me")
    assert standin.identifies == 1
    identify = next(op for op in standin.gateway_ops if op["op"] == 2)
    # No privileged intents: members (1 << 1), presences (1 << 8), message content (1 << 15).
    intents = identify["d"]["intents"]
    assert intents & ((1 << 1) | (1 << 8) | (1 << 15)) == 0
    assert intents & 1  # guilds
    assert bot.get_guild(GUILD_ID) is not None
    assert not bot.failed_extensions
    assert not standin.find("PUT", "/commands")  # sync is explicit, never implied by start


async def test_start_syncs_when_asked(make_bot, settings, standin):
    await make_bot(settings=dataclasses.replace(settings, sync_commands=True))
    (put,) = standin.find("PUT", f"/applications/{APP_ID}/commands")
    assert {c["name"] for c in put.body} >= COMMANDS | DELIVERY


async def test_sync_pushes_the_five_commands_with_their_options(bot, standin):
    names = await sync_commands(bot, None)
    assert set(names) >= COMMANDS | DELIVERY
    (put,) = standin.find("PUT", f"/applications/{APP_ID}/commands")
    pushed = {command["name"]: command for command in put.body}
    assert set(pushed) == set(names)
    rider_options = pushed["rider"]["options"]
    assert [(o["name"], o["required"], o["autocomplete"]) for o in rider_options] == [
        ("name", True, True)
    ]
    assert {o["name"] for o in pushed["transfers"]["options"]} == {"team", "rider"}
    assert all(not o["required"] for o in pushed["transfers"]["options"])
    news = [
        (o["name"], o["required"], o.get("autocomplete", False)) for o in pushed["news"]["options"]
    ]
    assert news == [("query", False, False), ("kind", False, False), ("race", False, True)]
    assert len(pushed["news"]["options"][1]["choices"]) == 7  # every story kind
    race = pushed["race"]["options"]
    assert [(o["name"], o["required"]) for o in race] == [("name", True), ("year", False)]
    assert race[0]["autocomplete"] and (race[1]["min_value"], race[1]["max_value"]) == (1900, 2100)
    assert int(pushed["race-threads"]["default_member_permissions"]) == 1 << 5
    assert pushed["race-threads"]["contexts"] == [0]
    assert pushed["about"].get("options", []) == []
    # Moderators' commands: server-only, Manage Server by default; fans' work in DMs.
    for name in ("subscribe", "unsubscribe", "subscriptions"):
        assert int(pushed[name]["default_member_permissions"]) == 1 << 5
        assert pushed[name]["contexts"] == [0]
    assert sorted(pushed["follow"]["contexts"]) == [0, 1, 2]
    assert pushed["follow"].get("default_member_permissions") is None


async def test_sync_to_one_guild(bot, standin):
    names = await sync_commands(bot, GUILD_ID)
    assert set(names) >= COMMANDS | DELIVERY
    assert standin.find("PUT", f"/applications/{APP_ID}/guilds/{GUILD_ID}/commands")


async def test_a_broken_extension_is_logged_and_the_rest_start(make_bot, caplog):
    bot = await make_bot(extensions=("cogs.riders", "cogs.does_not_exist", "cogs.about"))
    assert set(bot.failed_extensions) == {"cogs.does_not_exist"}
    assert {c.name for c in bot.tree.get_commands()} == {"rider", "about"}
    assert "cogs.does_not_exist" in caplog.text


async def test_a_refused_token_fails_login(make_bot, settings):
    wrong = dataclasses.replace(settings, discord_token="x" * 60)
    bot = None
    with pytest.raises(discord.LoginFailure):
        bot = await make_bot(settings=wrong, token="x" * 60)
    assert bot is None


async def test_a_dropped_gateway_connection_is_resumed(bot, standin):
    await standin.drop(code=4000)
    await standin.wait_for(lambda: standin.resumes == 1 and standin.connected, within=15)
    assert standin.identifies == 1


async def test_a_refused_resume_falls_back_to_identify(bot, standin):
    async def no_wait(shard_id, *, initial=False):
        return None  # discord.py waits 5 s before a re-IDENTIFY (Discord's limit); not here

    bot.before_identify_hook = no_wait
    standin.forget_sessions()
    await standin.reconnect()
    await standin.wait_for(lambda: standin.identifies == 2 and standin.connected, within=15)
    assert standin.resumes == 0
    await bot.wait_until_ready()


def test_the_standin_checks_commands_as_discord_would():
    good = {"name": "rider", "description": "A rider", "options": []}
    assert command_errors([good]) == []
    assert command_errors([{**good, "name": "Rider"}])
    assert command_errors([{**good, "description": "x" * 101}])
    optional_first = [
        {"name": "a", "description": "a", "type": 3},
        {"name": "b", "description": "b", "type": 3, "required": True},
    ]
    assert command_errors([{**good, "options": optional_first}])
