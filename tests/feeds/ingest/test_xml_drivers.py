"""The parse worker leaves out XML drivers that cannot be imported (feeds/ingest/parse.py
`skip_missing_xml_drivers`): feeds parse exactly as before, without a failed import per
parse."""

from __future__ import annotations

import pytest
from feedparser import api as feedparser_api

from feeds.ingest.parse import parse_feed, skip_missing_xml_drivers

FEED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
    b"<item><guid>a</guid><title>Pogacar wins</title><link>https://x.example/a</link>"
    b"<description><![CDATA[<p>Stage <b>one</b></p>]]></description></item>"
    b"<item><title>Broken &amp; fine</title><link>https://x.example/b</link></item>"
    b"</channel></rss>"
)


def test_only_importable_drivers_stay_in_their_order(monkeypatch: pytest.MonkeyPatch) -> None:
    preferred = ["drv_no_such_driver", "xml.sax.expatreader", "no_such_package.driver"]
    monkeypatch.setattr(feedparser_api, "PREFERRED_XML_PARSERS", preferred)
    skip_missing_xml_drivers()
    assert feedparser_api.PREFERRED_XML_PARSERS == ["xml.sax.expatreader"]
    assert feedparser_api.PREFERRED_XML_PARSERS is preferred  # what feedparser reads


def test_feeds_parse_the_same_without_the_missing_drivers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(feedparser_api, "PREFERRED_XML_PARSERS", ["drv_libxml2_missing"])
    before = parse_feed(FEED, base_url="https://x.example/")
    skip_missing_xml_drivers()
    assert feedparser_api.PREFERRED_XML_PARSERS == []
    after = parse_feed(FEED, base_url="https://x.example/")
    assert before.stories and before == after
