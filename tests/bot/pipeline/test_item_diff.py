"""Parsing only a changed feed's new items (bot/pipeline/item_diff.py): what is stored is
what parsing the whole feed stores, and a feed the split cannot vouch for is parsed
whole."""

from __future__ import annotations

import asyncio
import sqlite3
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.pipeline.ingest import Ingestor
from bot.pipeline.item_diff import (
    frame_hash,
    memo_after_full,
    new_items,
    split_items,
    trusted_keys,
)
from bot.pipeline.parse_pool import ParsePool
from bot.pipeline.roster_state import RosterState
from feeds.roster import parse_roster
from storage import Storage
from tests.bot.pipeline.test_tag_cache import DATES, IMPORTED, ROSTER, START, TEXTS

RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
END = b"</channel></rss>"


def test_a_plain_feed_splits_into_its_items() -> None:
    items = [b"<item><guid>a</guid></item>", b'<item id="2"><title>b</title></item>']
    split = split_items(RSS + b"\n  ".join(items) + b"\n" + END)
    assert split is not None and list(split.items) == items
    assert split.head == RSS and split.tail == b"\n" + END
    atom = b'<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
    entry = b"<entry><id>x</id></entry>"
    assert split_items(atom + entry + entry + b"</feed>").items == (entry, entry)


def test_what_the_split_cannot_vouch_for_is_parsed_whole() -> None:
    cut_cdata = b"<item><description><![CDATA[ a </item> b ]]></description></item>"
    cut_comment = b"<item><!-- </item> --></item>"
    nested = b"<item><item>x</item></item>"
    for body in (
        RSS + cut_cdata + END,
        RSS + cut_comment + END,
        RSS + nested + END,
        RSS + b"<item>a</item><other/><item>b</item>" + END,  # not a plain list
        RSS + b"<description><![CDATA[<item>]]></description><item>a</item>" + END,
        RSS + END,  # no items
    ):
        assert split_items(body) is None, body
    # <items> or <entryway> are not items
    assert split_items(RSS + b"<items>x</items><item>a</item>" + END).items == (b"<item>a</item>",)


def test_new_items_are_those_not_seen_in_the_same_frame() -> None:
    one, two = b"<item><guid>1</guid></item>", b"<item><guid>2</guid></item>"
    split = split_items(RSS + one + END)
    memo = memo_after_full(split, ["guid:1"], 200, ("roster", True))
    assert memo is not None and memo.frame == frame_hash(split)
    assert new_items(split_items(RSS + two + one + END), memo, 200) == [two]
    assert new_items(split_items(RSS + one + END), memo, 200) == []
    other_head = RSS.replace(b"<title>T", b"<title>U")
    assert new_items(split_items(other_head + two + one + END), memo, 200) is None
    built = RSS + b"<lastBuildDate>Sat, 01 Mar 2025 10:00:00 GMT</lastBuildDate>"
    assert new_items(split_items(built + two + one + END), memo, 200) == [two]
    assert new_items(split_items(RSS + two + one + END), memo, 1) is None  # over max_items
    assert memo_after_full(split, ["url:x"], 200, ("r", True)) is None  # not a guid
    assert memo_after_full(split, [], 200, ("r", True)) is None  # an item dropped
    assert trusted_keys(["guid:2"], memo.keys) and not trusted_keys(["guid:1"], memo.keys)
    assert not trusted_keys(["guid:2", "guid:2"])


# --- the same poll with and without the diff stores the same ---------------------------


@dataclass
class Item:
    text: int
    date: str | None
    guid: str | None
    cdata: bool = False


@dataclass
class Feed:
    items: list[Item] = field(default_factory=list)
    language: str = "en"
    gap: str = ""
    serial: int = 0

    def body(self) -> bytes:
        out = []
        for n, item in enumerate(self.items):
            title, text = TEXTS[item.text]
            guid = f"<guid>{item.guid}</guid>" if item.guid else ""
            date = f"<pubDate>{item.date}</pubDate>" if item.date else ""
            described = f"<![CDATA[<p>{text}</p>]]>" if item.cdata else text
            link = f"https://news.example/{item.guid or n}"
            out.append(
                f"<item>{guid}<title>{title}</title><link>{link}</link>"
                f"<description>{described}</description>{date}</item>"
            )
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
            f"<link>https://news.example/</link><language>{self.language}</language>"
            f"<lastBuildDate>Sat, 01 Mar 2025 10:{self.serial % 60:02d}:00 GMT</lastBuildDate>"
            f"{self.gap.join(out)}</channel></rss>"
        ).encode()


def apply(feed: Feed, state: RosterState, op: tuple[Any, ...]) -> None:
    kind = op[0]
    if kind == "add":  # on top, as feeds do; sometimes a guid seen before, or none
        feed.serial += 1
        guid = op[3] if op[3] != "new" else f"s{feed.serial}"
        feed.items.insert(0, Item(op[1], op[2], guid, op[4]))
    elif kind == "edit" and feed.items:
        feed.items[op[1] % len(feed.items)].text = op[2]
    elif kind == "drop" and feed.items:
        del feed.items[op[1] % len(feed.items)]
    elif kind == "swap" and len(feed.items) > 1:
        i = op[1] % (len(feed.items) - 1)
        feed.items[i], feed.items[i + 1] = feed.items[i + 1], feed.items[i]
    elif kind == "gap":
        feed.gap = op[1]
    elif kind == "language":
        feed.language = op[1]
    elif kind == "roster":
        base = parse_roster(ROSTER)
        state.replace(base.merged(parse_roster(IMPORTED)) if op[1] else base)


texts = st.integers(0, len(TEXTS) - 1)
OPS = st.one_of(
    st.tuples(
        st.just("add"),
        texts,
        st.sampled_from(DATES),
        st.sampled_from(["new", "new", "new", "s1", None]),
        st.booleans(),
    ),
    st.tuples(st.just("edit"), st.integers(0, 20), texts),
    st.tuples(st.just("drop"), st.integers(0, 20)),
    st.tuples(st.just("swap"), st.integers(0, 20)),
    st.tuples(st.just("gap"), st.sampled_from(["", "\n", "\n  "])),
    st.tuples(st.just("language"), st.sampled_from(["en", "fr"])),
    st.tuples(st.just("roster"), st.booleans()),
)


def stored(path: Path) -> tuple[list[Any], list[Any], list[Any]]:
    conn = sqlite3.connect(path)
    try:
        articles = conn.execute(
            "SELECT key, url, title, summary, body, author, image_url, language, published_at,"
            " sort_at, content_hash, is_backlog, is_transfer, tagged_with, kind FROM articles"
            " ORDER BY key"
        ).fetchall()
        tags = conn.execute(
            "SELECT a.key, t.entity_id, t.kind FROM tags t JOIN articles a ON a.id = t.article_id"
            " ORDER BY 1, 2, 3"
        ).fetchall()
        moves = conn.execute(
            "SELECT a.key, m.person_id, m.from_team_id, m.to_team_id, m.status FROM moves m"
            " JOIN articles a ON a.id = m.article_id ORDER BY 1, 2, 3, 4"
        ).fetchall()
        return articles, tags, moves
    finally:
        conn.close()


class Run:
    def __init__(self, path: Path, state: RosterState, clock: list[float], diff: bool):
        self.path, self.state, self.clock, self.diff = path, state, clock, diff

    async def __aenter__(self) -> Run:
        self.storage = await Storage.open(self.path)
        self.executor = ThreadPoolExecutor(max_workers=1)
        self.ingestor = Ingestor(
            self.storage,
            None,  # type: ignore[arg-type]  # local files only
            self.state,
            poll_interval_s=600,
            parse_pool=ParsePool(lambda: self.executor),
            clock=lambda: self.clock[0],
            item_diff=self.diff,
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.ingestor.close()
        self.executor.shutdown()
        await self.storage.close()


async def run_both(ops: list[tuple[Any, ...]]) -> int:
    """Polls after each op with and without the diff; the feeds diffed."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        feed_file = folder / "feed.xml"
        feed = Feed()
        state = RosterState(parse_roster(ROSTER))
        clock = [START]
        async with (
            Run(folder / "diff.sqlite3", state, clock, True) as diffed,
            Run(folder / "whole.sqlite3", state, clock, False) as whole,
        ):
            for op in [("add", 0, DATES[0], "new", False), *ops]:
                apply(feed, state, op)
                feed_file.write_bytes(feed.body())
                clock[0] += 3600
                for run in (diffed, whole):
                    report = await run.ingestor.poll_urls([str(feed_file)])
                    assert not report.failed, report.failed
                assert stored(diffed.path) == stored(whole.path), op
            assert whole.ingestor.stages.feeds_diffed == 0
            return diffed.ingestor.stages.feeds_diffed


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(OPS, min_size=1, max_size=10))
@example(  # a known item repeated verbatim: its guid is no longer unique in the feed
    ops=[
        ("drop", 0),
        ("add", 0, DATES[0], "new", False),
        ("add", 0, DATES[0], "s1", True),
        ("add", 0, DATES[0], "s1", True),
    ]
)
def test_the_same_is_stored_with_and_without_the_diff(ops):
    asyncio.run(run_both(ops))


def test_new_items_on_top_are_parsed_alone() -> None:
    ops = [("add", i % len(TEXTS), DATES[1], "new", i % 2 == 0) for i in range(1, 6)]
    assert asyncio.run(run_both(ops)) == 5


def test_a_repeated_guid_an_edit_or_a_roster_change_parses_it_whole() -> None:
    assert asyncio.run(run_both([("add", 1, DATES[1], "s1", False)])) == 0  # s1 again
    assert asyncio.run(run_both([("add", 1, DATES[1], "new", False), ("edit", 1, 3)])) == 1
    assert asyncio.run(run_both([("roster", True), ("add", 1, DATES[1], "new", False)])) == 0
    assert asyncio.run(run_both([("add", 1, DATES[1], None, False)])) == 0  # no guid
