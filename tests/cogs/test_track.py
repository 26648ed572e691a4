"""/track and /settings with fake interactions on a real bot object and database."""

from __future__ import annotations

import itertools
from unittest import mock

import discord
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.discord.permissions import REFUSAL, NotModerator, check_moderator
from bot.discord.tree import UnknownName, UserFacingError, expected_message
from bot.pipeline.custom_roster import InvalidName, clean_name
from cogs._common import names_in
from tests.cogs.helpers import make_interaction, sent, text_of

GUILD, OTHER_GUILD = 1200000000000000001, 1200000000000000002


def mod(guild_id: int = GUILD, *, manage: bool = True):
    interaction = make_interaction()
    interaction.guild_id = guild_id
    interaction.permissions = discord.Permissions(manage_guild=manage)
    return interaction


@pytest.fixture
def track(bot):
    return bot.get_cog("Track")


def test_non_moderators_and_dms_are_refused_clearly():
    member = mod(manage=False)
    with pytest.raises(NotModerator) as caught:
        check_moderator(member)
    assert expected_message(caught.value) == REFUSAL
    dm = mod()
    dm.guild_id = None
    with pytest.raises(NotModerator, match="only works in a server"):
        check_moderator(dm)
    assert check_moderator(mod())


async def test_every_moderator_command_is_guild_only_and_hidden_by_default(bot):
    for name in ("track", "feeds", "settings"):
        group = bot.tree.get_command(name)
        assert group.guild_only
        assert group.default_permissions == discord.Permissions(manage_guild=True)
        payload = group.to_dict(bot.tree)  # what `domestique sync` sends to Discord
        assert int(payload["default_member_permissions"]) == 32  # Manage Server
        assert payload["dm_permission"] is False  # servers only
    for cog in ("Track", "Feeds", "GuildSettings"):
        with pytest.raises(NotModerator):
            await bot.get_cog(cog).interaction_check(mod(manage=False))


async def test_track_a_roster_rider_then_list_and_remove(bot, track):
    interaction = mod()
    await track.add.callback(track, interaction, "rider", "mark-cavendish")
    assert "now tracks Mark Cavendish" in sent(interaction)["content"]
    assert await bot.storage.guild_config.tracked(GUILD) == ["person:mark-cavendish"]
    listing = mod()
    await track.list_.callback(track, listing)
    assert "Mark Cavendish" in text_of(sent(listing))
    other = mod(OTHER_GUILD)
    await track.list_.callback(track, other)
    assert "Mark Cavendish" not in text_of(sent(other))
    gone = mod()
    await track.remove.callback(track, gone, "rider", "Cavendish")
    assert "no longer tracks" in sent(gone)["content"]
    assert await bot.storage.guild_config.tracked(GUILD) == []


async def test_track_a_roster_team_with_more_names(bot, track):
    interaction = mod()
    await track.add.callback(
        track, interaction, "team", "astana", False, "Astana", "XDSA, Philipsen"
    )
    text = sent(interaction)["content"]
    assert text.startswith("This server now tracks XDS Astana.")
    assert "Also known as: XDSA." in text  # "Astana" it already had: skipped
    assert "Philipsen: already another rider's or team's name" in text
    # This server's own names: its view of the roster has them, the shared one does not.
    assert "XDSA" in bot.roster_state.guilds.roster(GUILD).teams["astana"].aliases
    assert "XDSA" not in bot.roster_state.roster.teams["astana"].aliases
    assert "XDSA" not in bot.roster_state.guilds.roster(OTHER_GUILD).teams["astana"].aliases
    assert set(await bot.storage.guild_config.aliases(GUILD)) == {
        ("team:astana", "XDSA"),
        ("team:astana", "Philipsen"),
    }
    with pytest.raises(UserFacingError):
        await track.add.callback(track, mod(), "rider", "cavendish", False, "@everyone")
    assert await bot.storage.guild_config.tracked(GUILD) == ["team:astana"]


async def test_unknown_name_without_new_suggests(track):
    with pytest.raises(UnknownName):
        await track.add.callback(track, mod(), "rider", "Zoé Nobody")


async def test_new_rider_is_this_servers_own_and_its_names_resolve_there(bot, track):
    interaction = mod()
    version = bot.roster_state.version
    await track.add.callback(
        track, interaction, "rider", "Zoé Testrider", True, "Zozo, Cav, Z. Test"
    )
    text = interaction.edit_original_response.await_args.kwargs["content"]
    interaction.response.defer.assert_awaited()
    assert "Added the new rider Zoé Testrider for this server" in text
    assert "Cav: already another rider's or team's name" in text
    assert bot.roster_state.version == version  # the shared roster is untouched
    assert "zoe-testrider" not in bot.roster_state.roster.people
    person = bot.roster_state.guilds.roster(GUILD).people["zoe-testrider"]
    assert person.aliases == ("Zozo", "Z. Test")  # "Cav" is Cavendish's: /track only
    assert names_in(bot, GUILD).people.resolve("Zozo") == "zoe-testrider"
    assert names_in(bot, OTHER_GUILD).people.resolve("Zozo") is None
    assert bot.names.people.resolve("Zozo") is None
    assert await bot.storage.guild_config.tracked(GUILD) == ["person:zoe-testrider"]
    assert await bot.storage.guild_config.aliases(GUILD) == [("person:zoe-testrider", "Cav")]
    # The clashing alias still works in this server's own /track commands.
    gone = mod()
    await track.remove.callback(track, gone, "rider", "Cav")
    assert "no longer tracks Zoé Testrider" in sent(gone)["content"]
    # Already in this server's roster: new:True is refused.
    with pytest.raises(UserFacingError, match="already has a rider"):
        await track.add.callback(track, mod(), "rider", "Zoé Testrider", True)
    # Another server may add its own rider of that name: a different id, its own.
    other = mod(OTHER_GUILD)
    await track.add.callback(track, other, "rider", "Zoé Testrider", True)
    assert "zoe-testrider-2" in bot.roster_state.guilds.roster(OTHER_GUILD).people
    assert "zoe-testrider-2" not in bot.roster_state.guilds.roster(GUILD).people


async def test_new_team_with_short_names(bot, track):
    interaction = mod()
    await track.add.callback(track, interaction, "team", "Equipo Prueba", True, None, "EqP")
    team = bot.roster_state.guilds.roster(GUILD).teams["equipo-prueba"]
    assert team.current_name == "Equipo Prueba" and "EqP" in team.aliases
    assert "equipo-prueba" not in bot.roster_state.roster.teams
    assert await bot.storage.guild_config.tracked(GUILD) == ["team:equipo-prueba"]


@pytest.mark.parametrize(
    "bad",
    ["@everyone", "<@123456>", "**bold**", "a\u0000b c", "ab\ncd", "x", "# heading", "a" * 81],
)
def test_names_that_could_ping_or_format_are_refused(bad):
    with pytest.raises(InvalidName):
        clean_name(bad)


def test_plain_names_pass():
    assert clean_name("  Tom   Pidcock ") == "Tom Pidcock"
    assert clean_name("Ben O'Connor") == "Ben O'Connor"
    assert clean_name("Lotto-Dstny & Co") == "Lotto-Dstny & Co"


async def test_alias_rejected_with_markdown_is_not_stored(bot, track):
    with pytest.raises(UserFacingError):
        await track.alias_add.callback(track, mod(), "rider", "mark-cavendish", "`@here`")
    assert await bot.storage.guild_config.aliases(GUILD) == []


async def test_alias_tags_for_this_server_only_and_clashing_ones_stay_with_track(bot, track):
    free = mod()
    await track.alias_add.callback(track, free, "rider", "mark-cavendish", "Cannonball Mark")
    assert "now also known as Cannonball Mark on this server" in sent(free)["content"]
    mine = bot.roster_state.guilds.roster(GUILD).people["mark-cavendish"]
    assert "Cannonball Mark" in mine.aliases
    assert "Cannonball Mark" not in bot.roster_state.roster.people["mark-cavendish"].aliases
    tagging = bot.roster_state.guilds.tagging(GUILD)
    assert tagging.aliases == (("person:mark-cavendish", "Cannonball Mark"),)
    assert bot.roster_state.guilds.tagging(OTHER_GUILD) is None
    clashing = mod()
    await track.alias_add.callback(track, clashing, "rider", "mark-cavendish", "Philipsen")
    text = sent(clashing)["content"]
    assert "already names Jasper Philipsen" in text and "stays with this server" in text
    assert "Philipsen" not in bot.roster_state.guilds.roster(GUILD).people["mark-cavendish"].aliases
    # The other server neither sees nor can remove them.
    other = mod(OTHER_GUILD)
    await track.alias_remove.callback(track, other, "rider", "mark-cavendish", "Cannonball Mark")
    assert "no such alias" in sent(other)["content"]
    listing = mod()
    await track.list_.callback(track, listing)
    text = text_of(sent(listing))
    assert "Cannonball Mark" in text and "Philipsen (/track only)" in text
    removed = mod()
    await track.alias_remove.callback(track, removed, "rider", "mark-cavendish", "cannonball mark")
    mine = bot.roster_state.guilds.roster(GUILD).people["mark-cavendish"]
    assert "Cannonball Mark" not in mine.aliases


async def test_log_channel_setting(bot):
    cog = bot.get_cog("GuildSettings")
    interaction = mod()
    channel = mock.MagicMock(spec_set=discord.TextChannel)
    channel.id = 1300000000000000013
    channel.guild.id = GUILD
    await cog.log_channel.callback(cog, interaction, channel)
    assert "<#1300000000000000013>" in sent(interaction)["content"]
    assert await bot.storage.guild_config.log_channel(GUILD) == channel.id
    assert await bot.storage.guild_config.log_channel(OTHER_GUILD) is None
    foreign = mod(OTHER_GUILD)
    with pytest.raises(UserFacingError):
        await cog.log_channel.callback(cog, foreign, channel)
    cleared = mod()
    await cog.log_channel.callback(cog, cleared, None)
    assert await bot.storage.guild_config.log_channel(GUILD) is None
    channel.permissions_for.return_value = discord.Permissions(view_channel=True)
    with pytest.raises(UserFacingError, match="Send Messages, Embed Links permissions"):
        await cog.log_channel.callback(cog, mod(), channel)
    assert await bot.storage.guild_config.log_channel(GUILD) is None


_guilds = itertools.count(1200000000000001000)
ENTITIES = [("rider", "mark-cavendish"), ("rider", "jasper-philipsen"), ("team", "astana")]
OPERATIONS = st.tuples(
    st.sampled_from(["track", "untrack", "alias", "unalias", "log", "unlog"]),
    st.sampled_from([0, 1]),
    st.integers(0, 2),
)


async def server_view(bot, guild_id):
    """Everything a moderator of `guild_id` can read about their server's configuration."""
    listing = mod(guild_id)
    cog = bot.get_cog("Track")
    await cog.list_.callback(cog, listing)
    config = bot.storage.guild_config
    return (
        text_of(sent(listing)),
        await config.tracked(guild_id),
        await config.aliases(guild_id),
        await config.log_channel(guild_id),
    )


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(OPERATIONS, max_size=10))
async def test_random_moderator_commands_in_two_servers_stay_apart(bot, operations):
    """Moderators of two servers run /track and /settings in any order with the same names
    and aliases: one server's commands never change what the other server reads."""
    track, settings_cog = bot.get_cog("Track"), bot.get_cog("GuildSettings")
    guilds = (next(_guilds), next(_guilds))
    for op, who, n in operations:
        me, other = guilds[who], guilds[1 - who]
        before = await server_view(bot, other)
        kind, name = ENTITIES[n]
        alias = "Astana" if kind == "rider" else "Philipsen"  # names another entity
        interaction = mod(me)
        if op == "track":
            await track.add.callback(track, interaction, kind, name)
        elif op == "untrack":
            await track.remove.callback(track, interaction, kind, name)
        elif op == "alias":
            await track.alias_add.callback(track, interaction, kind, name, alias)
        elif op == "unalias":
            await track.alias_remove.callback(track, interaction, kind, name, alias)
        else:
            channel = mock.MagicMock(spec_set=discord.TextChannel)
            channel.id, channel.guild.id = 1300000000000000000 + n, me
            await settings_cog.log_channel.callback(
                settings_cog, interaction, channel if op == "log" else None
            )
        assert await server_view(bot, other) == before, (op, who, n)
