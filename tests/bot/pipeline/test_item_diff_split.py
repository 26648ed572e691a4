"""The item split's byte scan (bot/pipeline/item_diff.py) cuts every body exactly as the
regular expression it replaced did, on random soups of the fragments that decide a cut."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.pipeline.item_diff import SplitFeed, item_hash, split_items

_ITEM = re.compile(rb"<(item|entry)(?=[\s>/])[^>]*>.*?</\1\s*>", re.DOTALL)
_OPENERS = re.compile(rb"<(?:item|entry)(?=[\s>/])")


def regex_split(body: bytes) -> SplitFeed | None:
    """The split as it was written first: one lazy regular expression over the body."""
    found = list(_ITEM.finditer(body))
    if not found:
        return None
    items = tuple(m.group() for m in found)
    for item in items:
        if len(_OPENERS.findall(item)) != 1:
            return None
        if item.count(b"<![CDATA[") != item.count(b"]]>"):
            return None
        if item.count(b"<!--") != item.count(b"-->"):
            return None
    for before, after in itertools.pairwise(found):
        if body[before.end() : after.start()].strip():
            return None
    head, tail = body[: found[0].start()], body[found[-1].end() :]
    if _OPENERS.search(head) or _OPENERS.search(tail):
        return None
    if head.count(b"<![CDATA[") != head.count(b"]]>") or head.count(b"<!--") != head.count(b"-->"):
        return None
    return SplitFeed(head, items, tail)


FRAGMENTS = [
    b"<item>",
    b"<item >",
    b'<item id="a>b">',
    b"<item/>",
    b"</item>",
    b"</item >",
    b"</item\n>",
    b"</items>",
    b"</item",
    b"<items>",
    b"<entry>",
    b"<entry xml:lang='fr'>",
    b"</entry>",
    b"</entryway>",
    b"<entryway>",
    b"<![CDATA[",
    b"]]>",
    b"<!--",
    b"-->",
    b"<title>t</title>",
    b"text",
    b" ",
    b"\n",
    b">",
    b"<",
    b"<lastBuildDate>x</lastBuildDate>",
]

bodies = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map(b"".join)
RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'


@settings(max_examples=3000, deadline=None)
@given(bodies)
def test_the_scan_cuts_as_the_regular_expression_did(body: bytes) -> None:
    assert split_items(body) == regex_split(body)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS[:10] + FRAGMENTS[19:21]), max_size=60))
def test_items_and_text_between_them(parts: list[bytes]) -> None:
    body = RSS + b"".join(parts) + b"</channel></rss>"
    assert split_items(body) == regex_split(body)


def test_many_openers_without_a_closer_are_one_pass() -> None:
    body = RSS + b"<item>x" * 20_000 + b"</channel></rss>"
    assert split_items(body) is None
    item = b"<item><title>a</title></item>"
    assert split_items(RSS + b"<entry>" + item + b"</channel></rss>") is None


def test_each_items_hash_is_kept_with_the_split() -> None:
    items = [b"<item><guid>1</guid></item>", b"<item><guid>2</guid></item>"]
    split = split_items(RSS + b"".join(items) + b"</channel></rss>")
    assert split is not None
    assert split.hashes == tuple(item_hash(i) for i in items)
    assert len(set(split.hashes)) == 2
