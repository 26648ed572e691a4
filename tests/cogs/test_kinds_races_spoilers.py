"""/subscribe and /follow by race and by kind, /follow-settings' spoiler shield and
/spoilers: what they store, and bad input answered clearly with nothing changed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from unittest import mock

import aiohttp
import discord
import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from discord import app_commands

from bot.discord.client import DomestiqueBot
from bot.discord.tree import UnknownName, UserFacingError
from bot.settings import Settings
from cogs._common import kind_choices, parse_kinds
from feeds.races import bundled_calendar
from storage import Storage
from tests.cogs.helpers import USER_ID, make_interaction, sent, text_of
from tests.e2e.conftest import TODAY
from tests.e2e.world import StaticRosterState, small_roster

GUILD = 1200000000000000001
OTHER_GUILD = 1200000000000000002
CHANNEL = 1300000000000000001
ROLE = 1500000000000000001


@pytest.fixture
async def bot(storage: Storage) -> AsyncIterator[DomestiqueBot]:
    """The cogs' bot with the bundled race calendar."""
    client = DomestiqueBot(
        settings=Settings(),
        storage=storage,
        http_session=mock.MagicMock(spec_set=aiohttp.ClientSession),
        scheduler=AsyncIOScheduler(timezone="UTC"),
        roster_state=StaticRosterState(small_roster()),
        today=lambda: TODAY,
        calendar=bundled_calendar(),
    )
    await client.setup_hook()
    yield client
    await client.close()


def choice(value: str) -> app_commands.Choice[str]:
    return app_commands.Choice(name=value, value=value)


def channel(guild_id: int = GUILD) -> mock.MagicMock:
    target = mock.MagicMock(spec=discord.TextChannel)
    target.id = CHANNEL
    target.guild.id = guild_id
    target.mention = f"<#{CHANNEL}>"
    target.permissions_for.return_value = discord.Permissions.all()
    return target


def in_guild() -> mock.MagicMock:
    interaction = make_interaction(guild_id=GUILD)
    interaction.guild = mock.MagicMock(spec=discord.Guild)
    interaction.guild.id = GUILD
    return interaction


def role() -> mock.MagicMock:
    pinged = mock.MagicMock(spec=discord.Role)
    pinged.id = ROLE
    pinged.is_default.return_value = False
    return pinged


async def subscribe(bot, **options):
    cog = bot.get_cog("Subscriptions")
    interaction = in_guild()
    what = choice(options.pop("what", "all"))
    await cog.subscribe.callback(cog, interaction, channel(), what, **options)
    return interaction


# --- kinds ----------------------------------------------------------------------------


def test_kinds_are_read_from_a_typed_list():
    assert parse_kinds("crash, lineup", "kinds") == {"crash", "lineup"}
    assert parse_kinds(" Result;preview  other ", "kinds") == {"result", "preview", "other"}
    assert parse_kinds(None, "kinds") == frozenset()
    with pytest.raises(UserFacingError, match="`crashes` is not a kind of story"):
        parse_kinds("crash, crashes", "kinds")
    with pytest.raises(UserFacingError, match="`a'b` is not"):
        parse_kinds("a`b", "kinds")


def test_kind_autocomplete_adds_to_what_is_typed():
    values = [c.value for c in kind_choices("crash, l")]
    assert values == ["crash, lineup"]
    assert "result" in [c.value for c in kind_choices("")]
    assert all("crash, crash" not in c.value for c in kind_choices("crash, "))


async def test_a_subscription_takes_kinds_and_ping_kinds(bot):
    interaction = await subscribe(
        bot, kinds="crash, lineup, result", ping_kinds="result", role=role()
    )
    (sub,) = await bot.storage.subscriptions.for_guild(GUILD)
    assert sub.kinds == {"crash", "lineup", "result"} and sub.ping_kinds == {"result"}
    answer = text_of(sent(interaction)).replace("\\", "")  # shown escaped
    assert "(result, lineup, crash)" in answer and f"pings <@&{ROLE}> for result" in answer


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"kinds": "crash, podium"}, "`podium` is not a kind of story"),
        ({"ping_kinds": "result"}, "ping_kinds needs a role"),
        ({"kinds": "crash", "ping_kinds": "result", "role": "ROLE"}, "only name kinds"),
        ({"ping_kinds": "gossip", "role": "ROLE"}, "`gossip` is not a kind"),
        ({"what": "race", "name": "Tour de Nowhere"}, "race"),
        ({"what": "race"}, "Name the race to subscribe to"),
    ],
)
async def test_bad_kinds_or_races_are_refused_and_nothing_is_stored(bot, options, message):
    options = {k: role() if v == "ROLE" else v for k, v in options.items()}
    with pytest.raises(UserFacingError) as refused:
        await subscribe(bot, **options)
    assert message in refused.value.message
    assert await bot.storage.subscriptions.for_guild(GUILD) == []


async def test_a_subscription_can_be_aimed_at_a_race(bot):
    interaction = await subscribe(bot, what="race", name="Tour de France", kinds="result")
    (sub,) = await bot.storage.subscriptions.for_guild(GUILD)
    assert (sub.kind, sub.entity_id, sub.kinds) == ("race", "race:tour-de-france", {"result"})
    assert "race Tour de France (result)" in text_of(sent(interaction)).replace("\\", "")
    # The id autocomplete gives is taken as it is.
    await subscribe(bot, what="race", name="giro-d-italia")
    assert [s.entity_id for s in await bot.storage.subscriptions.for_guild(GUILD)] == [
        "race:tour-de-france",
        "race:giro-d-italia",
    ]


async def test_an_unknown_race_suggests_the_nearest(bot):
    with pytest.raises(UnknownName) as refused:
        await subscribe(bot, what="race", name="Giro d Itlaia")
    assert "Giro d'Italia" in refused.value.suggestions


async def test_race_names_are_offered_when_what_is_a_race(bot):
    cog = bot.get_cog("Subscriptions")
    interaction = in_guild()
    interaction.namespace = app_commands.Namespace(interaction, {}, [])
    interaction.namespace.__dict__["what"] = "race"
    offered = await cog.subscribe_name(interaction, "giro")
    assert "giro-d-italia" in [c.value for c in offered]


async def test_a_follow_takes_a_race_and_kinds(bot):
    cog = bot.get_cog("Follows")
    interaction = make_interaction()
    await cog.follow.callback(
        cog, interaction, choice("race"), "Tour de France", None, "crash, lineup"
    )
    (follow,) = await bot.storage.follows.for_user(USER_ID)
    assert (follow.kind, follow.entity_id) == ("race", "race:tour-de-france")
    assert follow.kinds == {"crash", "lineup"}
    assert "Tour de France (lineup, crash)" in text_of(sent(interaction)).replace("\\", "")
    with pytest.raises(UserFacingError, match="`wins` is not a kind"):
        await cog.follow.callback(cog, make_interaction(), choice("race"), "Giro", None, "wins")
    assert len(await bot.storage.follows.for_user(USER_ID)) == 1


# --- /follow-settings ------------------------------------------------------------------


async def settings(bot, **options):
    cog = bot.get_cog("Follows")
    interaction = make_interaction()
    await cog.follow_settings.callback(cog, interaction, **options)
    return interaction


async def test_a_fan_sets_a_shield_for_their_dms(bot):
    interaction = await settings(
        bot, timezone="Australia/Sydney", spoilers=choice("hold"), spoiler_hours=6
    )
    fan = await bot.storage.follows.settings(USER_ID)
    assert (fan.timezone, fan.shield_mode, fan.shield_hours) == ("Australia/Sydney", "hold", 6)
    answer = text_of(sent(interaction))
    assert "wait until 6 h after the stage's expected finish" in answer
    assert "Australia/Sydney, now " in answer
    await settings(bot, spoilers=choice("spoiler"))
    fan = await bot.storage.follows.settings(USER_ID)
    assert (fan.shield_mode, fan.shield_hours) == ("spoiler", 6)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"timezone": "Mars/Olympus"}, "is not a time zone I know"),
        ({"timezone": "../../etc/passwd"}, "is not a time zone I know"),
        ({"spoiler_hours": 73}, "spoiler_hours must be a whole number from 0 to 72"),
        ({"spoiler_hours": -1}, "spoiler_hours must be"),
    ],
)
async def test_bad_settings_change_nothing(bot, options, message):
    await settings(bot, timezone="Europe/Brussels", spoilers=choice("hold"), spoiler_hours=2)
    before = await bot.storage.follows.settings(USER_ID)
    with pytest.raises(UserFacingError) as refused:
        await settings(bot, spoilers=choice("spoiler"), **options)
    assert message in refused.value.message
    assert await bot.storage.follows.settings(USER_ID) == before


# --- /spoilers --------------------------------------------------------------------------


async def spoilers(bot, target=None, mode=None, hours=None):
    cog = bot.get_cog("Spoilers")
    interaction = in_guild()
    await cog.spoilers.callback(cog, interaction, target, choice(mode) if mode else None, hours)
    return text_of(sent(interaction))


async def test_moderators_set_show_and_clear_a_channels_shield(bot):
    assert "hold: results" in await spoilers(bot, channel(), "hold", 4)
    (shield,) = await bot.storage.shields.for_guild(GUILD)
    assert (shield.channel_id, shield.shield.mode, shield.shield.hold_hours) == (CHANNEL, "hold", 4)
    assert "wait until 4 h after" in await spoilers(bot, channel())
    # Hours alone keep the mode; a mode alone keeps the hours.
    await spoilers(bot, channel(), hours=8)
    await spoilers(bot, channel(), "spoiler")
    (shield,) = await bot.storage.shields.for_guild(GUILD)
    assert (shield.shield.mode, shield.shield.hold_hours) == ("spoiler", 8)
    assert f"<#{CHANNEL}> · spoiler" in await spoilers(bot)
    assert "off" in await spoilers(bot, channel(), "off")
    assert await bot.storage.shields.for_guild(GUILD) == []
    assert "No channel has one" in await spoilers(bot)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ({"target": "OTHER", "mode": "hold"}, "Pick a channel of this server"),
        ({"target": "HERE", "mode": "hold", "hours": 100}, "hours must be a whole number"),
        ({"mode": "hold"}, "Name the channel"),
    ],
)
async def test_bad_spoiler_settings_change_nothing(bot, call, message):
    targets = {"OTHER": channel(OTHER_GUILD), "HERE": channel()}
    if "target" in call:
        call = {**call, "target": targets[call["target"]]}
    with pytest.raises(UserFacingError) as refused:
        await spoilers(bot, **call)
    assert message in refused.value.message
    assert await bot.storage.shields.for_guild(GUILD) == []
    assert await bot.storage.shields.for_guild(OTHER_GUILD) == []


async def test_spoilers_is_a_moderator_command(bot):
    command = bot.tree.get_command("spoilers")
    assert command.guild_only
    assert command.default_permissions == discord.Permissions(manage_guild=True)
    assert command.checks, "checked again in code"
