"""The parsing wrapper the ingestor uses (bot/pipeline/parse_pool: parse_feed in a worker process
with a time limit), fed hypothesis-generated documents: XML-ish trees of feed elements
with random entities, CDATA, comments, doctypes and encodings, and real feeds from
tests/feeds/data mutated byte-wise. It never raises, and every parse ends within the
worker's own limit (generous here: a timeout means a hostile document found a slow path).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.pipeline.parse_pool import ParsePool
from feeds.models import ParsedFeed

DATA = Path(__file__).resolve().parents[2] / "feeds" / "data"
REAL_FEEDS = {p.name: p.read_bytes() for p in sorted(DATA.glob("*.xml"))}
LIMIT_S = 20.0
MAX_ITEMS = 25
TIMED_OUT = f"parsing took longer than {LIMIT_S:g} s"
PROPERTY = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

TAGS = [
    "rss",
    "channel",
    "item",
    "title",
    "link",
    "guid",
    "description",
    "pubDate",
    "dc:date",
    "content:encoded",
    "media:content",
    "enclosure",
    "category",
    "author",
    "feed",
    "entry",
    "summary",
    "content",
    "updated",
    "id",
    "rdf:RDF",
    "script",
    "a",
    "img",
]
ENTITIES = [
    "&amp;",
    "&lt;",
    "&gt;",
    "&quot;",
    "&apos;",
    "&nbsp;",
    "&eacute;",
    "&unknown;",
    "&#0;",
    "&#x0;",
    "&#65;",
    "&#x1F6B4;",
    "&#x110000;",
    "&#xD800;",
    "&#1114112;",
    "&#55296;",
    "&#99999999999;",
    "&#x;",
    "&",
    "&e;",
    "&lol9;",
]
TEXT = st.lists(
    st.one_of(
        st.text(max_size=12),
        st.sampled_from(ENTITIES),
        st.sampled_from(["<![CDATA[", "]]>", "<!--", "-->", "<?pi x?>", "<", ">", "\x00"]),
        st.sampled_from(["javascript:alert(1)", "file:///etc/passwd", "https://n.example/a"]),
    ),
    max_size=12,
).map("".join)
ATTRS = st.lists(
    st.tuples(
        st.sampled_from(["href", "rel", "type", "url", "version", "xml:base", "xmlns", "src"]),
        TEXT,
    ),
    max_size=3,
).map(lambda pairs: "".join(f' {k}="{v}"' for k, v in pairs))


def element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def build(tag: str, attrs: str, inner: list[str], closed: bool) -> str:
        return f"<{tag}{attrs}>" + "".join(inner) + (f"</{tag}>" if closed else "")

    return st.builds(
        build,
        st.sampled_from(TAGS),
        ATTRS,
        st.lists(children, max_size=5),
        st.booleans() | st.just(True),
    )


TREE = st.recursive(TEXT, element, max_leaves=40)
PROLOGUE = st.sampled_from(
    [
        "",
        '<?xml version="1.0"?>',
        '<?xml version="1.0" encoding="utf-8"?>',
        '<?xml version="1.0" encoding="iso-8859-1"?>',
        '<?xml version="1.0" encoding="utf-7"?>',
        '<?xml version="1.0" encoding="bogus-42"?>',
        '<?xml version="1.0" encoding="utf-16"?>',
        '<!DOCTYPE rss [<!ENTITY e "x">]>',
        '<!DOCTYPE rss [<!ENTITY e "&e;&e;"><!ENTITY f SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x">',
        "<!DOCTYPE rss [",
    ]
)
ENCODE = st.sampled_from(["utf-8", "utf-16", "utf-16-le", "latin-1", "utf-8-sig"])


def encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


DOCUMENTS = st.builds(lambda p, t, e: encoded(p + t, e), PROLOGUE, TREE, ENCODE)


@st.composite
def mutated_feeds(draw: st.DrawFn) -> bytes:
    """A real feed with a few byte-level cuts, copies, insertions and flips."""
    body = bytearray(REAL_FEEDS[draw(st.sampled_from(sorted(REAL_FEEDS)))])
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(body)))
        kind = draw(st.sampled_from(["cut", "copy", "insert", "flip"]))
        span = draw(st.integers(0, 300))
        if kind == "cut":
            del body[at : at + span]
        elif kind == "copy":
            body[at:at] = body[at : at + span] * draw(st.integers(1, 20))
        elif kind == "insert":
            piece = draw(st.sampled_from(ENTITIES) | PROLOGUE | TREE)
            body[at:at] = piece.encode("utf-8", errors="replace")
        elif body:
            at = min(at, len(body) - 1)
            body[at] ^= draw(st.integers(1, 255))
    return bytes(body)


@pytest.fixture(scope="module")
def pool() -> Iterator[ParsePool]:
    parse_pool = ParsePool(timeout_s=LIMIT_S)
    yield parse_pool
    parse_pool.close()


def parse(pool: ParsePool, body: bytes) -> ParsedFeed:
    return asyncio.run(pool.parse(body, "https://n.example/feed.xml", MAX_ITEMS))


def assert_well_formed(parsed: ParsedFeed) -> None:
    assert isinstance(parsed, ParsedFeed)
    assert parsed.error != TIMED_OUT
    if parsed.error is not None:
        assert parsed.stories == [] and parsed.error.strip()
    assert len(parsed.stories) <= MAX_ITEMS
    keys = [s.key for s in parsed.stories]
    assert len(keys) == len(set(keys))
    for story in parsed.stories:
        assert story.key.split(":", 1)[0] in ("guid", "url", "hash")
        assert story.url is None or story.url.startswith(("http://", "https://"))
        for text in (story.title, story.summary, story.body or "", parsed.title or ""):
            text.encode("utf-8")  # no lone surrogates from &#xD800; and friends
            assert "\x00" not in text


@PROPERTY
@given(DOCUMENTS)
def test_generated_documents(pool, body):
    assert_well_formed(parse(pool, body))


@PROPERTY
@given(mutated_feeds())
def test_mutated_real_feeds(pool, body):
    assert_well_formed(parse(pool, body))


@PROPERTY
@given(st.binary(max_size=2000), st.sampled_from(sorted(REAL_FEEDS)))
def test_random_bytes_around_a_real_feed(pool, noise, name):
    feed = REAL_FEEDS[name]
    assert_well_formed(parse(pool, noise + feed))
    assert_well_formed(parse(pool, feed + noise))


def test_the_real_feeds_parse_through_the_pool(pool):
    """The control: the documents mutated above are feeds the wrapper reads."""
    for name, body in REAL_FEEDS.items():
        parsed = parse(pool, body)
        assert parsed.error is None and parsed.stories, name
