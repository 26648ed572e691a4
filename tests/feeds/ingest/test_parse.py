"""parse_feed over saved RSS 2.0 / Atom / RDF / RSS 0.91 feeds; text, identity."""

from __future__ import annotations

import json
import pickle
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from multiprocessing import get_context

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feeds.ingest.identity import canonical_url, hash_key, story_keys
from feeds.ingest.parse import parse_feed
from feeds.ingest.text import html_to_text, plain_text, shorten
from feeds.models import ParsedFeed
from tests.corpus import DEV_CORPUS
from tests.feeds.conftest import load

CORPUS = DEV_CORPUS
SEED_URL = (
    "https://www.cyclingweekly.com/racing/"
    "mark-cavendish-set-to-reunite-with-renaissance-coach-for-final-pro-season-in-2024"
)


def test_rss20_cyclingnews_quirks() -> None:
    feed = parse_feed(load("rss20.xml"))
    assert feed.error is None
    assert feed.title == "Cyclingnews - Latest News"
    assert len(feed.stories) == 3
    remco = feed.stories[0]
    # Padded CDATA title trimmed.
    assert (
        remco.title == "Remco Evenepoel confirms Giro d'Italia and Tour de France double for 2027"
    )
    assert remco.key == "guid:Q9bUVnEt5JnLkR3a8xZwYP"
    # Tracking parameters and fragment removed, the real parameter kept.
    assert remco.url == "https://www.cyclingnews.com/news/evenepoel-giro-tour-double-2027/?page=2"
    # E-mail dropped from <author>.
    assert remco.author == "Jane Rider"
    assert remco.published == datetime(2026, 11, 22, 14, 32, 10, tzinfo=UTC)
    assert remco.summary == "Belgian outlines his Grand Tour plans at the team presentation"
    # Body from content:encoded, scripts and styles gone, entities decoded, paragraphs kept.
    assert remco.body.startswith("Remco Evenepoel will ride both the Giro d’Italia")
    assert "track(" not in remco.body and "display" not in remco.body
    assert '"It\'s a big challenge," he said.\nThe team agreed.' in remco.body
    assert "\n\n" in remco.body
    assert remco.image_url == "https://cdn.cyclingnews.example/remco-large.jpg"
    assert remco.language == "en"
    vollering = feed.stories[1]
    assert vollering.author is None  # only an e-mail address
    assert vollering.published == datetime(2026, 11, 21, 8, 0, tzinfo=UTC)  # +0100 -> UTC
    assert vollering.image_url == "https://cdn.cyclingnews.example/vollering-thumb.jpg"
    assert feed.stories[2].body == ""


def test_atom() -> None:
    feed = parse_feed(load("atom.xml"))
    assert feed.error is None
    assert feed.title == "Vélo Actu"
    first, second = feed.stories
    assert first.title == "Julian Alaphilippe rejoint Tudor Pro Cycling"  # type="html"
    assert first.url == "https://velo.example.fr/actu/alaphilippe-tudor"
    assert first.key == "guid:tag:velo.example.fr,2026:alaphilippe-tudor"
    assert first.author == "Marie Dupont"
    assert first.published == datetime(2026, 11, 22, 16, 0, tzinfo=UTC)
    assert first.summary == "Le double champion du monde change d'équipe."
    assert first.body == "Julian Alaphilippe a signé chez Tudor.\n\nIl courra le Tour de France."
    assert first.language == "fr-fr"
    # No <published>: falls back to <updated>; image from the first <img> in xhtml content.
    assert second.published == datetime(2026, 11, 21, 8, 0, tzinfo=UTC)
    assert second.image_url == "https://velo.example.fr/img/pfp.jpg"
    assert second.summary == "La Française prépare sa saison."


def test_rdf() -> None:
    feed = parse_feed(load("rdf.xml"))
    assert feed.error is None
    assert feed.title == "Wielrennen Nieuws"
    assert [s.title for s in feed.stories] == [
        "Mathieu van der Poel mikt op vierde Ronde van Vlaanderen",
        "Lotte Kopecky kijkt vooruit naar het WK",
    ]
    assert feed.stories[0].author == "Pieter de Vries"
    assert feed.stories[0].published == datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    assert feed.stories[0].language == "nl"


def test_rss091() -> None:
    feed = parse_feed(load("rss091.xml"))
    assert feed.error is None
    assert [s.title for s in feed.stories] == [
        "Marianne Vos wins again",
        "Café stop: the best climbs in Mallorca",
    ]
    # No guids: keyed by canonical link.
    assert feed.stories[0].key == "url:http://oldschool.example.com/vos-wins"
    assert feed.stories[0].published is None


def test_seed_story_matches_corpus() -> None:
    record = next(
        json.loads(line)
        for line in CORPUS.read_text(encoding="utf-8").splitlines()
        if '"seed-cavendish-anastopoulos"' in line
    )
    feed = parse_feed(load("seed.xml"), base_url="https://www.cyclingweekly.com/feeds/racing.xml")
    seed = feed.stories[0]
    assert seed.title == record["title"]
    assert seed.body == record["text"]
    assert seed.url == SEED_URL
    assert seed.published == datetime(2023, 9, 26, 16, 5, tzinfo=UTC)
    # No <description>: summary is the start of the body, cut at a word.
    assert seed.summary.startswith("Mark Cavendish is set to be reunited")
    assert len(seed.summary) <= 300 and seed.summary.endswith("…")
    assert seed.image_url == "https://cdn.example.org/images/cavendish-2023.jpg"
    assert len(feed.stories) == 3
    assert (
        feed.stories[2].summary
        == "The Belgian will focus on the spring Classics & the Tour de France."
    )
    assert (
        feed.stories[2].url
        == "https://www.cyclingweekly.com/racing/van-aert-to-skip-cyclocross-worlds"
    )


def _rss(items: str, extra: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" {extra}><channel>'
        f"<title>t</title><link>https://site.example/</link>{items}</channel></rss>"
    ).encode()


def test_relative_links_resolved_against_base_url() -> None:
    feed = parse_feed(
        _rss("<item><title>a</title><link>/news/a?utm_source=x</link></item>"),
        base_url="https://feeds.example.org/rss",
    )
    assert feed.stories[0].url == "https://feeds.example.org/news/a"


def test_relative_link_falls_back_to_channel_link() -> None:
    feed = parse_feed(_rss("<item><title>a</title><link>news/a</link></item>"))
    assert feed.stories[0].url == "https://site.example/news/a"


def test_max_items() -> None:
    items = "".join(f"<item><title>n{i}</title><guid>g{i}</guid></item>" for i in range(50))
    assert len(parse_feed(_rss(items), max_items=10).stories) == 10
    assert len(parse_feed(_rss(items)).stories) == 50


def test_keys_guid_then_url_then_hash() -> None:
    feed = parse_feed(
        _rss(
            "<item><title>a</title><guid>same</guid><link>https://x.example/a</link></item>"
            "<item><title>b</title><guid>same</guid><link>https://x.example/b</link></item>"
            "<item><title>c</title><guid>unique</guid></item>"
            "<item><title>d</title><pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate></item>"
        )
    )
    keys = [s.key for s in feed.stories]
    assert keys[0] == "url:https://x.example/a"  # duplicated guid: not an identity
    assert keys[1] == "url:https://x.example/b"
    assert keys[2] == "guid:unique"
    assert keys[3] == hash_key("d", datetime(2026, 11, 23, 10, 0, tzinfo=UTC))
    assert keys[3].startswith("hash:")


def test_same_link_twice_is_one_story() -> None:
    feed = parse_feed(
        _rss(
            "<item><title>a</title><link>https://x.example/a?utm_medium=rss</link></item>"
            "<item><title>a again</title><link>https://x.example/a#top</link></item>"
        )
    )
    assert [s.title for s in feed.stories] == ["a"]


def test_keys_stable_across_polls() -> None:
    body = load("rss20.xml")
    assert [s.key for s in parse_feed(body).stories] == [s.key for s in parse_feed(body).stories]


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("Mon, 23 Nov 2026 10:00:00 +0200", datetime(2026, 11, 23, 8, 0, tzinfo=UTC)),
        ("Thu, 01 Jan 1970 00:00:00 GMT", None),  # epoch zero: absurd
        ("Fri, 01 Jan 2100 00:00:00 GMT", None),  # far future: absurd
        ("not a date", None),
        ("", None),
    ],
)
def test_published_dates(date: str, expected: datetime | None) -> None:
    feed = parse_feed(_rss(f"<item><title>a</title><pubDate>{date}</pubDate></item>"))
    assert feed.stories[0].published == expected
    if expected is not None:
        assert feed.stories[0].published.tzinfo is UTC  # type: ignore[union-attr]


def test_long_description_is_body_not_summary() -> None:
    text = " ".join(["Pogačar attacked on the Poggio."] * 80)
    feed = parse_feed(_rss(f"<item><title>a</title><description>{text}</description></item>"))
    story = feed.stories[0]
    assert story.body == text
    assert len(story.summary) <= 300


def test_parse_result_crosses_processes() -> None:
    body = load("seed.xml")
    # forkserver, as the app uses: this test process may already run threads.
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("forkserver")) as pool:
        remote = pool.submit(parse_feed, body).result(timeout=60)
    assert remote == parse_feed(body)
    assert pickle.loads(pickle.dumps(remote)) == remote
    assert isinstance(remote, ParsedFeed)


# -- canonical URLs ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTPS://WWW.Example.COM:443/Path?b=2&a=1#frag", "https://www.example.com/Path?b=2&a=1"),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/x", "http://example.com:8080/x"),
        (
            "https://x.example/a?utm_source=rss&utm_medium=feed&id=7&fbclid=Q&gclid=Z",
            "https://x.example/a?id=7",
        ),
        ("https://x.example/a?mc_cid=1&mc_eid=2&ref=tw&page=3", "https://x.example/a?page=3"),
        ("https://x.example/a?UTM_Campaign=x", "https://x.example/a"),
        ("https://user:pw@x.example/a", "https://x.example/a"),
        ("  https://x.example/a  ", "https://x.example/a"),
        ("https://x.example/long-\n      wrapped-link", "https://x.example/long-wrapped-link"),
        ("https://x.example/a b", "https://x.example/a%20b"),
        ("https://[2001:DB8::1]:8443/a", "https://[2001:db8::1]:8443/a"),
        ("https://bücher.example/a", "https://xn--bcher-kva.example/a"),
        ("javascript:alert(1)", None),
        ("JAVASCRIPT:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("file:///etc/passwd", None),
        ("ftp://x.example/a", None),
        ("//x.example/a", None),
        ("/relative", None),
        ("https://", None),
        ("https://x.example:99999/a", None),
        ("", None),
    ],
)
def test_canonical_url(raw: str, expected: str | None) -> None:
    assert canonical_url(raw) == expected


@given(st.text(max_size=200))
def test_canonical_url_never_raises_and_is_idempotent(raw: str) -> None:
    result = canonical_url(raw)
    if result is not None:
        assert result.startswith(("http://", "https://"))
        assert canonical_url(result) == result


@given(st.lists(st.one_of(st.none(), st.sampled_from(["a", "b", "c", " ", "x" * 600])), max_size=8))
def test_story_keys_prefixed(guids: list[str | None]) -> None:
    n = len(guids)
    keys = story_keys(guids, [None] * n, [f"t{i}" for i in range(n)], [None] * n)
    assert all(k.split(":", 1)[0] in ("guid", "url", "hash") for k in keys)
    assert all(len(k) < 600 for k in keys)


# -- text ---------------------------------------------------------------------------


def test_html_to_text() -> None:
    html = (
        "<h2>Stage 7</h2><p>Philipsen&nbsp;wins &amp; takes <b>green</b>.</p>"
        "<script>alert('x')</script><style>p{}</style><!-- comment -->"
        "<ul><li>one</li><li>two</li></ul><p>Line<br/>break\x00\x07</p>"
    )
    assert (
        html_to_text(html) == "Stage 7\n\nPhilipsen wins & takes green.\n\none\ntwo\n\nLine\nbreak"
    )


def test_html_to_text_keeps_mentions_and_markup_characters_as_text() -> None:
    assert html_to_text("<p>@everyone &lt;b&gt; **bold**</p>") == "@everyone <b> **bold**"


def test_plain_text_paragraphs() -> None:
    assert plain_text("  one\r\nline \n\n\n\n two\t\tparas \x1b ") == "one line\n\ntwo paras"


def test_shorten() -> None:
    assert shorten("short", 10) == "short"
    cut = shorten("word " * 100, 50)
    assert len(cut) <= 50 and cut.endswith("…")


@given(st.text(max_size=500))
def test_html_to_text_never_raises_and_strips_controls(html: str) -> None:
    text = html_to_text(html)
    assert not any(ord(c) < 32 and c != "\n" for c in text)
    assert "\n\n\n" not in text
    text.encode("utf-8")  # no lone surrogates
