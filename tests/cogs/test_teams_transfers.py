from __future__ import annotations

import pytest

from bot.discord.tree import AmbiguousName, UnknownName
from feeds.roster import parse_roster
from tests.cogs.helpers import make_interaction, sent, text_of
from tests.e2e.world import SEED_URL


async def test_team_by_former_name(bot):
    teams = bot.get_cog("Teams")
    interaction = make_interaction()
    await teams.team.callback(teams, interaction, "Deceuninck-Quick-Step")
    (embed,) = sent(interaction)["embeds"]
    assert embed.title == "Soudal Quick-Step"
    assert SEED_URL in embed.description
    fields = {f.name: f.value for f in embed.fields}
    assert (
        "Deceuninck\\-Quick\\-Step" in fields["Also raced as"]
        or "Deceuninck-Quick-Step" in (fields["Also raced as"])
    )


async def test_unknown_team(bot):
    teams = bot.get_cog("Teams")
    with pytest.raises(UnknownName) as caught:
        await teams.team.callback(teams, make_interaction(), "Team Nonexistent Racing")
    assert caught.value.kind == "team"


async def test_transfers_board(bot):
    transfers = bot.get_cog("Transfers")
    interaction = make_interaction()
    await transfers.transfers.callback(transfers, interaction, "astana", None)
    text = text_of(sent(interaction))
    for name in ("Vasilis Anastopoulos", "Michael Mørkøv", "Davide Ballerini", "Ide Schelling"):
        assert f"**{name}**" in text
    assert "**Departures (0)**" in text


async def test_transfers_departures_from_quick_step(bot):
    transfers = bot.get_cog("Transfers")
    interaction = make_interaction()
    await transfers.transfers.callback(transfers, interaction, "Quick-Step", None)
    text = text_of(sent(interaction))
    assert "**Arrivals (0)**" in text and "**Departures (3)**" in text


async def test_transfers_for_rider_and_team(bot):
    transfers = bot.get_cog("Transfers")
    interaction = make_interaction()
    await transfers.transfers.callback(transfers, interaction, "bora", "schelling")
    text = text_of(sent(interaction))
    assert "Ide Schelling" in text and "Bora-Hansgrohe → Astana Qazaqstan" in text
    interaction = make_interaction()
    await transfers.transfers.callback(transfers, interaction, "visma", "schelling")
    assert "No transfer news yet." in text_of(sent(interaction))


async def test_transfers_everywhere(bot):
    transfers = bot.get_cog("Transfers")
    interaction = make_interaction()
    await transfers.transfers.callback(transfers, interaction, None, None)
    assert text_of(sent(interaction)).count("→") == 4


async def test_transfer_autocompletes(bot):
    transfers = bot.get_cog("Transfers")
    interaction = make_interaction()
    teams = await transfers.team_name(interaction, "qazaqstan")
    assert teams[0].value == "astana"
    riders = await transfers.rider_name(interaction, "balerini")
    assert riders[0].value == "davide-ballerini"


async def test_a_name_two_teams_share_asks_which(bot):

    women = parse_roster(
        '[[team]]\nid = "astana-women"\ncategory = "women"\n'
        'names = [{ name = "XDS Astana", from = 2025-01-01 }]\n'
    )
    bot.roster_state.replace(bot.roster_state.roster.merged(women))
    teams = bot.get_cog("Teams")
    with pytest.raises(AmbiguousName) as caught:
        await teams.team.callback(teams, make_interaction(), "XDS Astana")
    assert caught.value.labels == ["XDS Astana (men)", "XDS Astana (women)"]
    assert "More than one team is called XDS Astana" in caught.value.message
