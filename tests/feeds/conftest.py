"""Fixtures for feed tests: a local feed server, a guarded session, a tripwire.

Addresses: the feed server listens on 127.0.0.1 and 127.0.0.2 (Linux routes all of
127/8 to lo). 127.0.0.2 is allowed by the test AddressPolicy and stands in for a public
site; 127.0.0.1 stands in for "the host itself" and must be refused.
"""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiohttp
import pytest

from feeds.ingest.fetch import Fetcher
from feeds.ingest.netguard import AddressPolicy, new_session
from feeds.roster import load_roster
from feeds.tagger import Tagger
from tests.feedserver import FeedServer

DATA = Path(__file__).parent / "data"
PUBLIC = "127.0.0.2"  # the stand-in "public" site
PRIVATE = "127.0.0.1"  # the stand-in "host itself"
USER_AGENT = "Domestique/0.1 (+https://github.com/domestique-bot/domestique)"


def load(name: str) -> bytes:
    return (DATA / name).read_bytes()


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, int]]]:
    """Tripwire: any socket connect to a non-loopback address fails the test instead
    of sending a packet (these tests must never touch a real network)."""
    attempts: list[tuple[str, int]] = []
    original = asyncio.selector_events.BaseSelectorEventLoop.sock_connect

    async def guarded(self: asyncio.AbstractEventLoop, sock: object, address: tuple) -> None:  # type: ignore[type-arg]
        attempts.append((address[0], address[1]))
        host = str(address[0]).split("%", 1)[0]
        if not ipaddress.ip_address(host).is_loopback:
            raise AssertionError(f"test tried to connect to non-loopback {address!r}")
        return await original(self, sock, address)  # type: ignore[arg-type]

    monkeypatch.setattr(asyncio.selector_events.BaseSelectorEventLoop, "sock_connect", guarded)
    yield attempts


@pytest.fixture
async def feed_server() -> AsyncIterator[FeedServer]:
    async with FeedServer(host=PUBLIC, extra_hosts=[PRIVATE]) as server:
        yield server


@pytest.fixture
def policy() -> AddressPolicy:
    return AddressPolicy([PUBLIC])


@pytest.fixture
async def session(policy: AddressPolicy) -> AsyncIterator[aiohttp.ClientSession]:
    async with new_session(policy, user_agent=USER_AGENT) as s:
        yield s


@pytest.fixture
def fetcher(session: aiohttp.ClientSession) -> Fetcher:
    # Small limits keep hostile cases quick; production defaults are 5 MiB / 20 s.
    return Fetcher(session, timeout=2, max_bytes=2**20, max_redirects=5)


@pytest.fixture(scope="session")
def tagger() -> Tagger:
    """The tagger over the bundled roster, built once for the session: the tests that take
    it only tag with it and read its tables."""
    return Tagger(load_roster())
