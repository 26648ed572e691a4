"""A server's own riders, teams and aliases: they tag that server's stories (guild_tags),
match its subscriptions and show in its lookups and posts, and no other server's."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.pipeline.custom_roster import entity_toml, load_current_roster, promote
from bot.pipeline.expansion import expand
from bot.pipeline.fanout import FanOut
from bot.pipeline.guild_names import GuildRosters, decide, tag_for_guilds
from bot.pipeline.roster_state import RosterState, load_roster_state
from feeds.models import Story, StoryTags
from feeds.roster import parse_roster
from feeds.roster.names import RosterNames
from storage import Storage
from storage.articles import FeedState
from storage.guild_config import OwnNames
from storage.lookups import Lookups
from tests.e2e.world import small_roster

NOW = 1_800_000_000.0
A, B = 1200000000000000001, 1200000000000000002
DEFAULTS = ("https://a.example/feed",)
POGI = StoryTags(riders=["tadej-pogacar"], teams=["uae"])


def story(key: str, title: str, text: str = "", age_s: float = 600) -> Story:
    return Story(
        key=key,
        url=f"https://news.example/{key}",
        title=title,
        summary=text,
        published=datetime.fromtimestamp(NOW - age_s, UTC),
    )


def state() -> FeedState:
    return FeedState("Feed", None, None, "h", NOW)


@pytest.fixture
async def storage(tmp_path):
    store = await Storage.open(tmp_path / "g.sqlite3")
    yield store
    await store.close()


async def feed_with_backlog(storage: Storage, fanout: FanOut) -> int:
    feed, _ = await storage.feeds.add(DEFAULTS[0], NOW)
    await storage.articles.save_poll(
        feed.id, [(story("old", "Backlog Zozo story"), StoryTags())], state(), NOW, after=fanout
    )
    return feed.id


async def subscribe(storage, guild_id, channel_id, kind, entity_id=None):
    await storage.subscriptions.add(
        guild_id=guild_id,
        channel_id=channel_id,
        channel_type="text",
        kind=kind,
        entity_id=entity_id,
        role_id=None,
        mode="each",
        created_by=1,
        now=NOW,
    )


async def targets(storage) -> dict[str, list[str]]:
    async with storage.reader.execute(
        "SELECT a.key, o.target FROM outbox o JOIN articles a ON a.id = o.article_id ORDER BY o.id"
    ) as cur:
        out: dict[str, list[str]] = {}
        for key, target in await cur.fetchall():
            out.setdefault(key, []).append(target)
    return out


async def guild_tags(storage) -> set[tuple[int, str, str]]:
    async with storage.reader.execute(
        "SELECT g.guild_id, g.entity_id, a.key FROM guild_tags g JOIN articles a "
        "ON a.id = g.article_id"
    ) as cur:
        return {(int(r[0]), str(r[1]), str(r[2])) for r in await cur.fetchall()}


def zoe_toml() -> str:
    return entity_toml("person:zoe-test", "Zoé Test", ["Zozo"])


async def server_b_names(storage: Storage) -> None:
    """Server B: a rider of its own, an alias for Pogačar, one naming another rider."""
    config = storage.guild_config
    assert await config.add_custom_entity("person:zoe-test", B, zoe_toml(), 1, NOW, track=True)
    await config.add_alias(B, "person:tadej-pogacar", "Pogi Bear", 1, NOW)
    await config.add_alias(B, "person:tadej-pogacar", "Cavendish", 1, NOW)  # names Cav


async def test_a_servers_names_tag_its_stories_and_match_its_subscriptions_only(storage):
    await server_b_names(storage)
    roster_state = RosterState(small_roster())
    roster_state.guilds.load(await storage.guild_config.own_names())
    fanout = FanOut(48 * 3600, DEFAULTS, roster_state.guilds)
    feed = await feed_with_backlog(storage, fanout)
    for guild in (A, B):
        await subscribe(storage, guild, guild % 1000 + 100, "tracked")
        await subscribe(storage, guild, guild % 1000 + 200, "rider", "person:tadej-pogacar")
    async with storage.transaction() as conn:
        await conn.execute(
            "INSERT INTO tracked (guild_id, entity_id, added_at) VALUES (?, ?, ?)",
            (A, "person:tadej-pogacar", NOW),
        )
    items = [
        (story("zozo", "Zozo wins the junior race"), StoryTags()),
        (story("bear", "The Pogi Bear rides again", "Nothing else here."), StoryTags()),
        (story("cav", "Cavendish retires"), StoryTags(riders=["mark-cavendish"])),
        (story("pog", "Pogačar attacks"), POGI),
    ]
    await storage.articles.save_poll(feed, items, state(), NOW, after=fanout)
    await expand(storage, fanout, ahead=None, clock=lambda: NOW)
    assert await guild_tags(storage) == {
        (B, "person:zoe-test", "old"),  # backlog is tagged (lookups), never posted
        (B, "person:zoe-test", "zozo"),
        (B, "person:tadej-pogacar", "bear"),
    }
    found = await targets(storage)
    assert found["zozo"] == ["channel:102"]  # B tracks its own rider
    assert found["bear"] == ["channel:202"]  # B's rider subscription, by B's alias
    assert sorted(found["pog"]) == ["channel:101", "channel:201", "channel:202"]
    assert "cav" not in found  # "Cavendish" names another rider: /track only
    assert "old" not in found
    # B's posts list B's rider; A's never do.
    (item,) = [i for i in await storage.outbox.for_article(2) if i.target == "channel:102"]
    assert item.entities == [("person:zoe-test", "rider")]


async def test_lookups_read_a_servers_own_tags_beside_the_shared_ones(storage):
    await server_b_names(storage)
    roster_state = RosterState(small_roster())
    roster_state.guilds.load(await storage.guild_config.own_names())
    fanout = FanOut(48 * 3600, DEFAULTS, roster_state.guilds)
    feed = await feed_with_backlog(storage, fanout)
    items = [(story(f"p{n}", f"Pogačar story {n}", age_s=600 + 60 * n), POGI) for n in range(4)] + [
        (story("bear", "Pogi Bear", age_s=630), StoryTags())
    ]
    await storage.articles.save_poll(feed, items, state(), NOW, after=fanout)
    base = Lookups(storage)
    from_a = await base.seen_from(A, DEFAULTS)
    from_b = await base.seen_from(B, DEFAULTS)
    from_dm = await base.seen_from(None, DEFAULTS)

    async def titles(lookups, limit, offset=0):
        page = await lookups.stories_for_person("tadej-pogacar", limit, offset)
        return [s.title for s in page.stories], page.has_more

    shared = ["Pogačar story 0", "Pogačar story 1", "Pogačar story 2", "Pogačar story 3"]
    assert await titles(from_a, 10) == (shared, False)
    assert await titles(from_dm, 10) == (shared, False)
    with_own = [shared[0], "Pogi Bear", *shared[1:]]
    assert await titles(from_b, 10) == (with_own, False)
    assert await titles(from_b, 2) == (with_own[:2], True)
    assert await titles(from_b, 2, 2) == (with_own[2:4], True)
    assert await titles(from_b, 2, 4) == (with_own[4:], False)
    zoe = await from_b.stories_for_person("zoe-test", 5)
    assert [s.title for s in zoe.stories] == ["Backlog Zozo story"]
    assert (await from_a.stories_for_person("zoe-test", 5)).stories == []


def test_decide_leaves_clashing_and_broad_names_out_of_the_matcher():
    own = OwnNames(
        B,
        (),
        (
            ("person:tadej-pogacar", "Pogi Bear"),
            ("person:tadej-pogacar", "Cavendish"),  # another rider's name
            ("person:tadej-pogacar", "the"),  # stored before the check existed
            ("person:tadej-pogacar", "Tour de France"),
            ("person:nobody", "Ghost"),  # its entity is gone
        ),
    )
    roster = small_roster()
    from bot.pipeline.custom_roster import name_owners

    tagging = decide(B, 1, roster, name_owners(roster), own)
    assert tagging.local == (("person:tadej-pogacar", "Cavendish"),)
    found = tag_for_guilds([(1, "The Tour de France: Pogi Bear and the Ghost", "")], [tagging])
    assert found == [(B, 1, "person:tadej-pogacar")]
    assert tag_for_guilds([(2, "The Tour de France", "the race")], [tagging]) == []


def test_views_follow_the_shared_roster_and_the_servers_names():
    shared = {"roster": small_roster(), "version": 1}
    guilds = GuildRosters(lambda: (shared["version"], shared["roster"]))
    assert guilds.tagging(B) is None and guilds.roster(B) is shared["roster"]
    zoe = OwnNames(B, (), (("person:tadej-pogacar", "Pogi Bear"),))
    guilds.set(B, zoe)
    names = RosterNames.build(shared["roster"])
    assert guilds.names(B, names, datetime.now(UTC).date()).people.resolve("pogi bear") == (
        "tadej-pogacar"
    )
    assert guilds.names(A, names, datetime.now(UTC).date()) is names
    assert names.people.resolve("pogi bear") is None  # the shared index is untouched
    first = guilds.tagging(B)
    assert guilds.tagging(B) is first  # kept while nothing changes
    shared["version"] = 2
    assert guilds.tagging(B) is not first  # the shared roster changed: decided again
    guilds.set(B, OwnNames(B))
    assert guilds.tagging(B) is None and guilds.guild_ids() == []


async def test_existing_names_leave_the_shared_roster_and_promotion_brings_them_back(storage):
    """Before migration 006 every server's custom names joined the shared roster; now
    they stay with their server until the operator promotes one."""
    await server_b_names(storage)
    shared = await load_current_roster(storage)
    assert "zoe-test" not in shared.people
    assert "Pogi Bear" not in shared.people["tadej-pogacar"].aliases
    state = await load_roster_state(storage)
    assert "zoe-test" in state.guilds.roster(B).people
    assert "zoe-test" not in state.guilds.roster(A).people
    done = await promote(storage, B, "Zoé Test", NOW)
    assert "person:zoe-test" in done
    await promote(storage, B, "pogi bear", NOW)
    shared = await load_current_roster(storage)
    assert shared.people["zoe-test"].aliases == ("Zozo",)
    assert "Pogi Bear" in shared.people["tadej-pogacar"].aliases
    own = (await storage.guild_config.own_names(B))[B]
    assert own.entities == () and own.aliases == (("person:tadej-pogacar", "Cavendish"),)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("Cavendish", "already names Mark Cavendish"),
        ("nobody", "no rider, team or alias"),
    ],
)
async def test_promotion_refuses_with_the_reason(storage, name, reason):
    await server_b_names(storage)
    from bot.pipeline.custom_roster import CannotPromote

    with pytest.raises(CannotPromote, match=reason):
        await promote(storage, B, name, NOW)
    with pytest.raises(CannotPromote, match="no riders, teams or aliases"):
        await promote(storage, A, name, NOW)
    assert (await storage.guild_config.promoted_aliases()) == []


def test_a_stored_entity_reads_back_as_roster_toml():
    roster = parse_roster(zoe_toml())
    assert roster.people["zoe-test"].aliases == ("Zozo",)
