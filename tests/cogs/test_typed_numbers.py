"""Numbers typed into commands (issue #18, item 9): every id or number a user types is
checked (digits, positive, within SQLite's integer range) and answered with a clear
message, never the generic apology; nothing changes."""

from __future__ import annotations

import pytest

from bot.discord.tree import UserFacingError
from cogs._common import SQLITE_MAX_INT, in_range, typed_id
from tests.cogs.helpers import USER_ID, make_interaction, sent

GUILD = 1200000000000000001
PICK = "from the list"
NO_SUCH = "There is no"

TYPED = [
    ("999999999999999999999999999", NO_SUCH),  # 27 digits: overflowed SQLite before
    (str(SQLITE_MAX_INT + 1), NO_SUCH),
    ("0", NO_SUCH),
    ("#0", NO_SUCH),
    ("-1", PICK),
    ("abc", PICK),
    ("", PICK),
    ("#", PICK),
    ("1_000", PICK),  # int() would take it
    ("\u0661\u0662", PICK),  # Arabic-Indic digits: int() would take them too
    ("12.5", PICK),
    ("1e3", PICK),
    ("0x10", PICK),
    ("12; DROP TABLE follows", PICK),
]


async def subscription(bot) -> int:
    sub, _ = await bot.storage.subscriptions.add(
        guild_id=GUILD,
        channel_id=1300000000000000001,
        channel_type="text",
        kind="all",
        entity_id=None,
        role_id=None,
        mode="each",
        created_by=USER_ID,
        now=1.0,
    )
    return sub.id


@pytest.mark.parametrize(("typed", "expected"), TYPED)
async def test_unsubscribe_checks_the_typed_number(bot, typed, expected):
    kept = await subscription(bot)
    cog = bot.get_cog("Subscriptions")
    with pytest.raises(UserFacingError) as refused:
        await cog.unsubscribe.callback(cog, make_interaction(guild_id=GUILD), typed)
    assert expected in refused.value.message and "subscription" in refused.value.message
    assert [s.id for s in await bot.storage.subscriptions.for_guild(GUILD)] == [kept]


@pytest.mark.parametrize(("typed", "expected"), TYPED)
async def test_unfollow_checks_the_typed_number(bot, typed, expected):
    follow, _ = await bot.storage.follows.add(USER_ID, "rider", "person:x", "each", 1.0, 50)
    cog = bot.get_cog("Follows")
    with pytest.raises(UserFacingError) as refused:
        await cog.unfollow.callback(cog, make_interaction(), typed)
    assert expected in refused.value.message and "follow" in refused.value.message
    assert [f.id for f in await bot.storage.follows.for_user(USER_ID)] == [follow.id]


async def test_a_number_in_range_that_is_not_ours_is_answered_plainly(bot):
    await subscription(bot)
    cog = bot.get_cog("Subscriptions")
    for typed in (str(SQLITE_MAX_INT), " # 424242 "):
        with pytest.raises(UserFacingError, match="has no subscription #"):
            await cog.unsubscribe.callback(cog, make_interaction(guild_id=GUILD), typed)


async def test_picked_numbers_still_work(bot):
    sub_id = await subscription(bot)
    cog = bot.get_cog("Subscriptions")
    interaction = make_interaction(guild_id=GUILD)
    await cog.unsubscribe.callback(cog, interaction, f"#{sub_id}")
    assert sent(interaction)["content"].startswith("Removed:")
    follow, _ = await bot.storage.follows.add(USER_ID, "rider", "person:x", "each", 1.0, 50)
    follows = bot.get_cog("Follows")
    interaction = make_interaction()
    await follows.unfollow.callback(follows, interaction, str(follow.id))
    assert sent(interaction)["content"].startswith("Stopped:")


@pytest.mark.parametrize(
    ("hour", "minute", "what"), [(24, None, "hour"), (-1, None, "hour"), (8, 60, "minute")]
)
async def test_digest_time_out_of_range_is_refused(bot, hour, minute, what):
    cog = bot.get_cog("Follows")
    with pytest.raises(UserFacingError, match=f"{what} must be a whole number"):
        await cog.follow_settings.callback(cog, make_interaction(), None, hour, minute)
    fan = await bot.storage.follows.settings(USER_ID)
    assert (fan.digest_hour, fan.digest_minute) == (8, 0)


def test_the_checks_themselves():
    assert typed_id("#12", "follow") == 12 and typed_id(" 7 ", "follow") == 7
    assert typed_id(str(SQLITE_MAX_INT), "follow") == SQLITE_MAX_INT
    assert in_range(None, 0, 23, "hour") is None and in_range(23, 0, 23, "hour") == 23
    with pytest.raises(UserFacingError):
        in_range(10**30, 0, 23, "digest_hour")
