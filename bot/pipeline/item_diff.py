"""Parse only the items of a changed feed whose bytes changed.

A feed that changed usually carries one new item above dozens the bot has already
stored; parsing the whole body again was the steady cycle's cost once the tag cache
spared the tagging (bench/polling.py: ~40 ms of the parse worker a 50-item feed). After a
full parse, the feed's items are remembered as hashes of their raw bytes (`FeedMemo`, in
memory: a restart parses each feed whole once). Next time, when the feed's bytes around
the items are the same, only the items not seen before are parsed, as a document made
of the same head, those items and the same tail; the stored ones are left as they are,
exactly as the tag cache would have left them.

The split is by plain byte search for `<item ...>...</item>` or `<entry ...>...</entry>`:
anything it cannot vouch for (an item inside another, a CDATA section or comment cut by
the split, text between items, more items than the bot reads, a story keyed by anything
but a unique guid) makes the feed parsed whole, as before. So does anything that would
tag an unchanged story differently: another roster or tagger version, or a feed whose
cycling decision changes (the caller checks those, bot/pipeline/ingest.py).
"""

from __future__ import annotations

import hashlib
import itertools
import re
from dataclasses import dataclass, field

_OPENER = re.compile(rb"<(item|entry)(?=[\s>/])[^>]*>")
_OPENERS = re.compile(rb"<(?:item|entry)(?=[\s>/])")
_CLOSE_END = re.compile(rb"\s*>")
_VOLATILE = re.compile(rb"<(lastBuildDate|pubDate|updated|dc:date)>[^<>]*</\1>")
"""The feed's own dates, outside its items: a story reads its own dates, never these."""
GUID_PREFIX = "guid:"
"""Keys the diff can trust: a guid unique within its feed (feeds/ingest/identity.py)."""
MAX_KEYS_PER_ITEM = 4
"""Keys remembered per current item before the memo is dropped (a feed running for months
adds keys; the memo is rebuilt at the next full parse)."""


@dataclass(frozen=True, slots=True)
class SplitFeed:
    head: bytes
    items: tuple[bytes, ...]
    tail: bytes
    hashes: tuple[bytes, ...] = field(init=False)
    """Each item's `item_hash`, computed once (the diff and the next memo both read them)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "hashes", tuple(item_hash(item) for item in self.items))

    def only(self, items: list[bytes]) -> bytes:
        """The same document with only `items` in it."""
        return self.head + b"\n".join(items) + self.tail


@dataclass(frozen=True, slots=True)
class FeedMemo:
    """What the last full (or item) parse of a feed saw."""

    frame: bytes
    """Hash of the bytes around the items (head and tail)."""
    items: frozenset[bytes]
    """Hashes of each item's bytes."""
    keys: frozenset[str]
    """The story keys those items had (and earlier ones)."""
    context: tuple[str, bool]
    """The tag context they were tagged in: roster and tagger fingerprint, cycling feed."""


def split_items(body: bytes) -> SplitFeed | None:
    """The body cut into head, items and tail; None when the cut cannot be trusted."""
    spans = _item_spans(body)
    if not spans:
        return None
    # Most feeds carry no CDATA section or no comment at all: then none can be cut.
    cdata = b"<![CDATA[" in body or b"]]>" in body
    comments = b"<!--" in body or b"-->" in body
    # Openers only where items start: none inside an item (an item inside another, or a
    # cut that swallowed two), none in the head, the tail or between items.
    if [m.start() for m in _OPENERS.finditer(body)] != [start for start, _ in spans]:
        return None
    for start, end in spans:
        if cdata and body.count(b"<![CDATA[", start, end) != body.count(b"]]>", start, end):
            return None
        if comments and body.count(b"<!--", start, end) != body.count(b"-->", start, end):
            return None
    for (_, before), (after, _) in itertools.pairwise(spans):
        if body[before:after].strip():
            return None  # something else between items: not a plain list
    head, tail = body[: spans[0][0]], body[spans[-1][1] :]
    if head.count(b"<![CDATA[") != head.count(b"]]>") or head.count(b"<!--") != head.count(b"-->"):
        return None
    return SplitFeed(head, tuple(body[start:end] for start, end in spans), tail)


def _item_spans(body: bytes) -> list[tuple[int, int]]:
    """Where each `<item ...>...</item>` (or entry) is: from an opener to the first closer
    of its name after it, then on after that closer. A plain scan for the closer, not a
    lazy `.*?` in a regular expression, which tried the closer at every byte (~1 ms a
    65 KB feed, the largest cost of the steady cycle on the event loop)."""
    spans: list[tuple[int, int]] = []
    unclosed: set[bytes] = set()
    """Names with no closer after some opener: none after any later opener either."""
    pos = 0
    while (opener := _OPENER.search(body, pos)) is not None:
        name = opener.group(1)
        end = None if name in unclosed else _closer_end(body, name, opener.end())
        if end is None:
            unclosed.add(name)
            pos = opener.start() + 1
            continue
        spans.append((opener.start(), end))
        pos = end
    return spans


def _closer_end(body: bytes, name: bytes, pos: int) -> int | None:
    """The end of the first `</name>` (blanks allowed before `>`) from `pos`."""
    closer = b"</" + name
    while (at := body.find(closer, pos)) >= 0:
        end = _CLOSE_END.match(body, at + len(closer))
        if end is not None:
            return end.end()
        pos = at + 1
    return None


def item_hash(item: bytes) -> bytes:
    # sha256 runs on the CPU's SHA instructions here: faster than blake2b (memos live in
    # memory only, so the choice can change freely).
    return hashlib.sha256(item).digest()


def frame_hash(split: SplitFeed) -> bytes:
    """The bytes around the items, less the feed's own dates (`lastBuildDate` changes at
    every post; no story reads it)."""
    frame = _VOLATILE.sub(b"", split.head) + b"\x00" + _VOLATILE.sub(b"", split.tail)
    return hashlib.sha256(frame).digest()


def new_items(split: SplitFeed, memo: FeedMemo | None, max_items: int) -> list[bytes] | None:
    """The items not seen before, in feed order, when only they need parsing; None when
    the feed must be parsed whole."""
    if memo is None or len(split.items) > max_items or frame_hash(split) != memo.frame:
        return None
    if len(set(split.hashes)) != len(split.hashes):
        # A known item now twice: its guid repeats, which changes how the whole feed is
        # keyed (story_keys), so only a whole parse tells what is stored.
        return None
    return [item for item, h in zip(split.items, split.hashes, strict=True) if h not in memo.items]


def trusted_keys(keys: list[str], known: frozenset[str] = frozenset()) -> bool:
    """Every story keyed by a guid, none twice, none among `known` keys (a repeated guid
    would change how the whole feed is keyed)."""
    return all(k.startswith(GUID_PREFIX) for k in keys) and len(set(keys) | known) == len(
        keys
    ) + len(known)


def memo_after_full(
    split: SplitFeed, keys: list[str], max_items: int, context: tuple[str, bool]
) -> FeedMemo | None:
    """The memo of a feed parsed whole into stories keyed `keys`; None when the items and
    the stories do not match one for one (a dropped or merged item) or are not keyed by
    unique guids."""
    if len(keys) != len(split.items) or len(split.items) > max_items or not trusted_keys(keys):
        return None
    hashes = frozenset(split.hashes)
    if len(hashes) != len(split.items):
        return None  # the same bytes twice: one story, two items
    return FeedMemo(frame_hash(split), hashes, frozenset(keys), context)


def memo_after_items(
    memo: FeedMemo, split: SplitFeed, keys: list[str], context: tuple[str, bool]
) -> FeedMemo | None:
    """The memo once the new items, keyed `keys`, are stored."""
    all_keys = memo.keys | frozenset(keys)
    if len(all_keys) > MAX_KEYS_PER_ITEM * max(1, len(split.items)):
        return None
    return FeedMemo(memo.frame, frozenset(split.hashes), all_keys, context)
