"""What one server configured stays with that server in the public commands too: /about
lists the operator's feeds and, in a server, the feeds that server uses, never a feed
only another server's moderators added (its URL may carry a private key)."""

from __future__ import annotations

from tests.cogs.helpers import make_interaction, sent, text_of
from tests.e2e.world import SEED_FEED_URL

GUILD_A, GUILD_B = 1200000000000000001, 1200000000000000002
MOD = 1400000000000000003
PRIVATE = "https://members.example/feed.xml?key=s3cr3t-of-server-a"
SHARED = "https://shared.example/feed.xml"


async def about_text(bot, guild_id: int | None) -> str:
    interaction = make_interaction()
    interaction.guild_id = guild_id
    cog = bot.get_cog("About")
    await cog.about.callback(cog, interaction)
    return text_of(sent(interaction))


async def test_about_never_lists_a_feed_only_another_server_added(bot):
    config = bot.storage.guild_config
    defaults = bot.settings.feeds
    await config.add_feed(GUILD_A, PRIVATE, MOD, 1.0, defaults=defaults, limit=50)
    await config.add_feed(GUILD_A, SHARED, MOD, 1.0, defaults=defaults, limit=50)
    await config.add_feed(GUILD_B, SHARED, MOD, 1.0, defaults=defaults, limit=50)
    # The operator's feed (added with `domestique feeds add`) is shown everywhere.
    in_a, in_b, in_dm = [await about_text(bot, g) for g in (GUILD_A, GUILD_B, None)]
    for text in (in_a, in_b, in_dm):
        assert SEED_FEED_URL.split("//")[1].split("/")[0] in text.replace("\u200b", "")
    assert "members.example" in in_a
    assert "members.example" not in in_b and "s3cr3t" not in in_b
    assert "members.example" not in in_dm and "s3cr3t" not in in_dm
    # A feed both servers use is theirs to see; a third server or a DM does not.
    assert "shared.example" in in_a and "shared.example" in in_b
    assert "shared.example" not in await about_text(bot, 1200000000000000003)
    assert "shared.example" not in in_dm
