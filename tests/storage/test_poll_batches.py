"""`save_polls` writes several feeds' polls in one transaction (storage/articles.py). What it
takes, it stores exactly as `save_poll` one feed after another does (ids included); what it
leaves (a known story, a key twice, a feed gone or already in the batch) is left whole
for `save_poll`. Random batches go through both writers and every row is compared."""

from __future__ import annotations

import asyncio
import random
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feeds.models import Story, StoryTags
from storage import Storage
from storage.articles import FeedState, PollToSave, SavedStory
from tests.storage.test_article_batches import NOW, dump, make_poll, make_tags

FEEDS = 3


def random_polls(rng: random.Random, feed_ids: list[int], n: int) -> list[PollToSave]:
    polls = []
    for k in range(rng.randint(1, 5)):
        items = make_poll(rng, rng.randint(0, 4))
        keys = {s.key: rng.choice(["k1", "k2"]) for s, _ in items if rng.random() < 0.8}
        feed = rng.choice([*feed_ids, -1]) if rng.random() < 0.1 else rng.choice(feed_ids)
        state = FeedState(rng.choice([None, "T"]), "e", None, f"h{n}-{k}", NOW + n)
        polls.append(PollToSave(feed, items, state, NOW + n + k, tagged_with=keys))
    return polls


async def save_batched(storage: Storage, polls: list[PollToSave], calls: list[Any]) -> list[Any]:
    """As the ingestor writes: the batch, then what it left, one poll at a time."""
    results = await storage.articles.save_polls([_noting(p, calls) for p in polls])
    out = []
    for poll, result in zip(polls, results, strict=True):
        if result is None:
            try:
                result = await storage.articles.save_poll(
                    poll.feed_id, poll.items, poll.state, poll.now,
                    after=_noting(poll, calls).after, tagged_with=poll.tagged_with,
                )  # fmt: skip
            except LookupError:
                result = "gone"
        out.append(result)
    return out


async def save_one_by_one(storage: Storage, polls: list[PollToSave], taken: list[bool], calls):
    """The reference: the polls the batch took, in order, then the rest, each with save_poll."""
    order = [p for p, t in zip(polls, taken, strict=True) if t]
    order += [p for p, t in zip(polls, taken, strict=True) if not t]
    out = {}
    for poll in order:
        try:
            out[id(poll)] = await storage.articles.save_poll(
                poll.feed_id, poll.items, poll.state, poll.now,
                after=_noting(poll, calls).after, tagged_with=poll.tagged_with,
            )  # fmt: skip
        except LookupError:
            out[id(poll)] = "gone"
    return [out[id(p)] for p in polls]


def _noting(poll: PollToSave, calls: list[Any]) -> PollToSave:
    """The poll with an `after` hook that notes what it is called with."""

    async def after(conn: Any, feed_id: int, new: list[SavedStory], now: float) -> None:
        calls.append((feed_id, [(s.article_id, s.story.key, s.is_backlog) for s in new], now))

    return PollToSave(poll.feed_id, poll.items, poll.state, poll.now, after, poll.tagged_with)


def _shape(result: Any) -> Any:
    if isinstance(result, str):
        return result
    new = [(s.article_id, s.story.key, s.is_backlog, s.tags) for s in result.new]
    return new, result.updated, result.retagged, result.unchanged


async def both(seed: int, batches: int) -> None:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        paths = Path(tmp) / "batched.sqlite3", Path(tmp) / "reference.sqlite3"
        stores = [await Storage.open(p) for p in paths]
        try:
            feed_ids = [(await s.feeds.add(f"https://f{n}.example/", NOW))[0].id
                        for s in stores for n in range(FEEDS)][:FEEDS]  # fmt: skip
            for n in range(batches):
                polls = random_polls(rng, feed_ids, n)
                calls: tuple[list[Any], list[Any]] = ([], [])
                taken = await stores[0].articles.save_polls([])  # nothing to do: no transaction
                assert taken == []
                got = await save_batched(stores[0], polls, calls[0])
                chosen = [
                    not isinstance(r, str) and c
                    for r, c in zip(got, await _taken(stores[1], polls), strict=True)
                ]
                want = await save_one_by_one(stores[1], polls, chosen, calls[1])
                assert [_shape(r) for r in got] == [_shape(r) for r in want]
                assert sorted(calls[0]) == sorted(calls[1])
        finally:
            for s in stores:
                await s.close()
        assert dump(paths[0]) == dump(paths[1])


async def _taken(storage: Storage, polls: list[PollToSave]) -> list[bool]:
    """Which polls a batch may take, decided on the reference database before it is written:
    every story new and its key once, the feed there and not taken earlier in the batch."""
    taken, feeds = [], set()
    for poll in polls:
        keys = [s.key for s, _ in poll.items]
        stored = await storage.articles.stored(poll.feed_id, keys)
        rows = await storage.reader.execute_fetchall(
            "SELECT 1 FROM feeds WHERE id = ?", (poll.feed_id,)
        )
        ok = bool(rows) and poll.feed_id not in feeds and len(set(keys)) == len(keys)
        ok = ok and not stored
        taken.append(ok)
        if ok:
            feeds.add(poll.feed_id)
    return taken


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32))
def test_a_batch_stores_what_one_poll_at_a_time_did(seed: int) -> None:
    asyncio.run(both(seed, batches=6))


async def test_a_batch_on_both_engines(storage: Storage) -> None:
    rng = random.Random(5)
    feeds = [(await storage.feeds.add(f"https://b{n}.example/", NOW))[0].id for n in range(3)]
    first = [(Story(f"guid:{n}", None, f"old {n}"), make_tags(rng)) for n in range(3)]
    await storage.articles.save_poll(feeds[0], first, FeedState(None, None, None, "h", 1.0), NOW)
    calls: list[Any] = []

    def state(body_hash: str, next_at: float, **kw: Any) -> FeedState:
        fields = {"title": None, "etag": None, "last_modified": None} | kw
        return FeedState(body_hash=body_hash, next_attempt_at=next_at, **fields)

    tagged = StoryTags(riders=["p1"], races=["tdf"])
    sixty = [(Story(f"guid:{n}", None, f"first {n}"), StoryTags(teams=["t1"])) for n in range(60)]
    polls = [
        PollToSave(feeds[0], [(Story("guid:9", None, "new"), tagged)],
                   state("h0", NOW + 60, title="Feed 0", etag="e0"), NOW + 1),
        PollToSave(feeds[1], sixty, state("h1", NOW + 61, last_modified="lm"), NOW + 2,
                   tagged_with={"guid:0": "k"}),
        PollToSave(feeds[0], [(Story("guid:10", None, "again"), StoryTags())],
                   state("h2", NOW + 62), NOW + 3),
        PollToSave(feeds[2], [(Story("guid:1", None, "known?"), StoryTags())],
                   state("h3", NOW + 63), NOW + 4),
        PollToSave(-5, [], state("h", 0.0), NOW),
    ]  # fmt: skip
    results = await storage.articles.save_polls([_noting(p, calls) for p in polls])
    assert results[2] is None and results[4] is None  # the same feed again; a feed gone
    saved = [r for r in results if r is not None]
    ids = [s.article_id for r in saved for s in r.new]
    assert ids == sorted(ids) and len(ids) == 62
    assert [s.is_backlog for s in saved[1].new] == [True] * 60  # feed 1's first poll
    assert not saved[0].new[0].is_backlog and saved[2].new[0].is_backlog  # feed 2: first poll
    assert [c[0] for c in calls] == [feeds[0], feeds[1], feeds[2]]
    rows = await storage.reader.execute_fetchall(
        "SELECT f.id, f.title, f.etag, f.last_modified, f.body_hash, f.primed, f.next_attempt_at,"
        " (SELECT COUNT(*) FROM articles a WHERE a.feed_id = f.id) FROM feeds f"
        " WHERE f.id IN (?, ?, ?) ORDER BY f.id",
        feeds,
    )  # fmt: skip
    assert [tuple(r) for r in rows] == [
        (feeds[0], "Feed 0", "e0", None, "h0", 1, NOW + 60, 4),
        (feeds[1], None, None, "lm", "h1", 1, NOW + 61, 60),
        (feeds[2], None, None, None, "h3", 1, NOW + 63, 1),
    ]
    tagged = await storage.reader.execute_fetchall(
        "SELECT a.key, t.entity_id FROM tags t JOIN articles a ON a.id = t.article_id"
        " WHERE a.feed_id = ? ORDER BY a.id",
        (feeds[1],),
    )
    assert len(tagged) == 60 and {row[1] for row in tagged} == {"team:t1"}
    keyed = await storage.reader.execute_fetchall(
        "SELECT key, tagged_with FROM articles WHERE feed_id = ? AND tagged_with IS NOT NULL",
        (feeds[1],),
    )
    assert [tuple(r) for r in keyed] == [("guid:0", "k")]
    races = await storage.reader.execute_fetchall(
        "SELECT race_id, article_id FROM article_races WHERE article_id = ?", (ids[0],)
    )
    assert [tuple(r) for r in races] == [("tdf", ids[0])]
