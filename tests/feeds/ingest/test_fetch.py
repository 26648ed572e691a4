"""Fetcher behaviour against the local feed server: conditional GET, redirects,
statuses, Retry-After, limits on concurrency."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from urllib.parse import quote

import aiohttp
import pytest

from feeds.ingest.fetch import Fetcher, FetchResult, describe_size, parse_retry_after
from feeds.ingest.netguard import AddressPolicy, new_session
from tests.feeds.conftest import PUBLIC, USER_AGENT, load
from tests.feedserver import SMALL_FEED, FeedServer


async def test_fetch_returns_body_and_validators(feed_server: FeedServer, fetcher: Fetcher) -> None:
    body = load("rss20.xml")
    url = feed_server.publish("/rss.xml", body)
    result = await fetcher.fetch(url)
    assert result == FetchResult(
        url=url,
        final_url=url,
        outcome="fetched",
        http_status=200,
        body=body,
        etag=result.etag,
        last_modified=result.last_modified,
    )
    assert result.etag and result.etag.startswith('"')
    assert result.last_modified and result.last_modified.endswith("GMT")


async def test_user_agent_names_the_bot(feed_server: FeedServer, fetcher: Fetcher) -> None:
    url = feed_server.publish("/rss.xml", SMALL_FEED)
    await fetcher.fetch(url)
    headers = feed_server.requests[-1].headers
    assert headers["User-Agent"] == USER_AGENT
    assert "gzip" in headers["Accept-Encoding"]


async def test_etag_answered_304_is_not_modified(feed_server: FeedServer, fetcher: Fetcher) -> None:
    url = feed_server.publish("/rss.xml", SMALL_FEED)
    first = await fetcher.fetch(url)
    second = await fetcher.fetch(url, etag=first.etag, last_modified=first.last_modified)
    assert second.outcome == "not_modified"
    assert second.http_status == 304
    assert second.body is None
    assert second.etag == first.etag
    assert second.last_modified == first.last_modified
    assert second.error is None
    sent = feed_server.requests[-1].headers
    assert sent["If-None-Match"] == first.etag
    assert sent["If-Modified-Since"] == first.last_modified


async def test_last_modified_alone_answered_304(feed_server: FeedServer, fetcher: Fetcher) -> None:
    url = feed_server.publish("/rss.xml", SMALL_FEED, etag=False)
    first = await fetcher.fetch(url)
    assert first.etag is None
    second = await fetcher.fetch(url, last_modified=first.last_modified)
    assert second.outcome == "not_modified"
    assert "If-None-Match" not in feed_server.requests[-1].headers


async def test_changed_feed_is_fetched_again(feed_server: FeedServer, fetcher: Fetcher) -> None:
    url = feed_server.publish("/rss.xml", SMALL_FEED)
    first = await fetcher.fetch(url)
    feed_server.publish("/rss.xml", load("atom.xml"))
    second = await fetcher.fetch(url, etag=first.etag)
    assert second.outcome == "fetched"
    assert second.body == load("atom.xml")
    assert second.etag != first.etag


async def test_gzip_body_is_decoded(feed_server: FeedServer, fetcher: Fetcher) -> None:
    body = load("seed.xml")
    url = feed_server.publish("/gz.xml", body, gzip=True)
    result = await fetcher.fetch(url)
    assert result.outcome == "fetched"
    assert result.body == body


async def test_redirects_followed_within_limit(feed_server: FeedServer, fetcher: Fetcher) -> None:
    url = feed_server.url("/_/redirect/5")
    result = await fetcher.fetch(url)
    assert result.outcome == "fetched", result.error
    assert result.url == url
    assert result.final_url == feed_server.url("/_/redirect/0")
    assert result.body == SMALL_FEED


async def test_conditional_headers_sent_on_every_hop(
    feed_server: FeedServer, fetcher: Fetcher
) -> None:
    feed_server.publish("/moved.xml", SMALL_FEED)
    first = await fetcher.fetch(feed_server.url("/moved.xml"))
    redirect = feed_server.url("/_/redirect-to?url=/moved.xml&status=301")
    result = await fetcher.fetch(redirect, etag=first.etag)
    assert result.outcome == "not_modified"
    assert result.final_url == feed_server.url("/moved.xml")


async def test_redirect_to_other_scheme_refused(feed_server: FeedServer, fetcher: Fetcher) -> None:
    for target in ("file:///etc/passwd", "ftp://example.org/feed", "gopher://x/"):
        result = await fetcher.fetch(feed_server.url(f"/_/redirect-to?url={quote(target)}"))
        assert result.outcome == "failed"
        assert result.error == f"not http/https: {target}"


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/f", "javascript:alert(1)", "/etc/passwd"]
)
async def test_non_http_url_refused_without_io(
    fetcher: Fetcher, url: str, loopback_only: list[tuple[str, int]]
) -> None:
    result = await fetcher.fetch(url)
    assert result.outcome == "failed"
    assert result.error == f"not http/https: {url}"
    assert loopback_only == []


async def test_url_without_host_fails_cleanly(fetcher: Fetcher) -> None:
    result = await fetcher.fetch("http:///feed")
    assert result.outcome == "failed"
    assert result.error is not None and "URL" in result.error


@pytest.mark.parametrize(
    ("code", "error"),
    [
        (404, "HTTP 404 Not Found"),
        (410, "HTTP 410 Gone"),
        (500, "HTTP 500 Internal Server Error"),
        (403, "HTTP 403 Forbidden"),
    ],
)
async def test_http_errors(
    feed_server: FeedServer, fetcher: Fetcher, code: int, error: str
) -> None:
    result = await fetcher.fetch(feed_server.url(f"/_/status/{code}"))
    assert result.outcome == "failed"
    assert result.http_status == code
    assert result.error == error
    assert result.retry_after is None


async def test_unpublished_path_is_404(feed_server: FeedServer, fetcher: Fetcher) -> None:
    result = await fetcher.fetch(feed_server.url("/nothing-here.xml"))
    assert (result.http_status, result.error) == (404, "HTTP 404 Not Found")


async def test_retry_after_seconds(feed_server: FeedServer, fetcher: Fetcher) -> None:
    result = await fetcher.fetch(feed_server.url("/_/status/429?retry_after=120"))
    assert result.error == "HTTP 429 Too Many Requests"
    assert result.retry_after == 120.0


async def test_retry_after_http_date(feed_server: FeedServer, fetcher: Fetcher) -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=90), usegmt=True)
    result = await fetcher.fetch(feed_server.url(f"/_/status/503?retry_after={quote(when)}"))
    assert result.error == "HTTP 503 Service Unavailable"
    assert result.retry_after is not None and 85 <= result.retry_after <= 91


def test_parse_retry_after_forms() -> None:
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    assert parse_retry_after("30") == 30.0
    assert parse_retry_after(" 0 ") == 0.0
    assert parse_retry_after("-5") == 0.0
    assert parse_retry_after("Mon, 23 Nov 2026 12:01:00 GMT", now) == 60.0
    assert parse_retry_after("Mon, 23 Nov 2026 11:00:00 GMT", now) == 0.0
    assert parse_retry_after("1e308") == 7 * 24 * 3600.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after("nan") is None
    assert parse_retry_after("") is None
    assert parse_retry_after(None) is None


def test_describe_size() -> None:
    assert describe_size(5 * 2**20) == "5 MiB"
    assert describe_size(2**20) == "1 MiB"
    assert describe_size(512 * 1024) == "512 KiB"
    assert describe_size(1000) == "1000 bytes"


async def test_connection_refused_is_a_clear_failure(policy: AddressPolicy) -> None:
    async with new_session(policy, user_agent=USER_AGENT) as session:
        fetcher = Fetcher(session, timeout=2)
        # A closed port on the allowed address.
        async with FeedServer(host=PUBLIC) as server:
            port = server.port()
        result = await fetcher.fetch(f"http://{PUBLIC}:{port}/feed.xml")
    assert result.outcome == "failed"
    assert result.error is not None and result.error.startswith(f"cannot connect to {PUBLIC}:")


async def test_per_host_limit(feed_server: FeedServer, session: aiohttp.ClientSession) -> None:
    fetcher = Fetcher(session, timeout=5, concurrency=20, per_host=2)
    results = await asyncio.gather(
        *(fetcher.fetch(feed_server.url(f"/_/slow?delay=0.15&n={i}")) for i in range(6))
    )
    assert all(r.outcome == "fetched" for r in results)
    assert feed_server.max_in_flight == 2


async def test_global_limit(feed_server: FeedServer) -> None:
    async with new_session(AddressPolicy([PUBLIC]), user_agent=USER_AGENT, per_host=50) as s:
        fetcher = Fetcher(s, timeout=5, concurrency=3, per_host=50)
        results = await asyncio.gather(
            *(fetcher.fetch(feed_server.url(f"/_/slow?delay=0.15&n={i}")) for i in range(9))
        )
    assert all(r.outcome == "fetched" for r in results)
    assert feed_server.max_in_flight == 3


async def test_cancellation_propagates(feed_server: FeedServer, fetcher: Fetcher) -> None:
    task = asyncio.create_task(fetcher.fetch(feed_server.url("/_/slow?delay=5")))
    await asyncio.sleep(0.1)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_published_status_and_headers(feed_server: FeedServer, fetcher: Fetcher) -> None:
    url = feed_server.publish("/busy", b"busy", status=503, headers={"Retry-After": "45"})
    result = await fetcher.fetch(url, etag='"x"')
    assert (result.http_status, result.error, result.retry_after) == (
        503,
        "HTTP 503 Service Unavailable",
        45.0,
    )
