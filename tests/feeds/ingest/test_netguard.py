"""AddressPolicy classification, and SSRF refusals over real loopback connections."""

from __future__ import annotations

import ipaddress
import socket
import time

import aiohttp
import pytest
from hypothesis import given
from hypothesis import strategies as st

from feeds.ingest.fetch import Fetcher
from feeds.ingest.netguard import (
    AddressPolicy,
    GuardedConnector,
    embedded_ipv4,
    is_public_address,
    new_session,
)
from tests.feeds.conftest import PRIVATE, PUBLIC, USER_AGENT
from tests.feedserver import FeedServer

ip = ipaddress.ip_address

REFUSED = [
    "0.0.0.0",
    "0.1.2.3",
    "10.1.2.3",
    "100.64.0.1",  # CGNAT: not is_private, not global
    "100.127.255.254",
    "127.0.0.1",
    "127.0.0.2",
    "169.254.169.254",  # cloud metadata
    "172.16.5.4",
    "172.31.255.255",
    "192.0.0.8",
    "192.0.2.1",
    "192.88.99.1",
    "192.168.1.1",
    "198.18.0.1",
    "198.51.100.7",
    "203.0.113.9",
    "224.0.0.1",  # multicast
    "239.255.255.250",
    "240.0.0.1",
    "255.255.255.255",
    "::",
    "::1",
    "::ffff:127.0.0.1",  # IPv4-mapped loopback
    "::ffff:169.254.169.254",
    "::ffff:10.0.0.1",
    "::127.0.0.1",  # deprecated IPv4-compatible
    "::8.8.8.8",
    "::ffff:0:127.0.0.1",  # SIIT-translated
    "64:ff9b::127.0.0.1",  # NAT64 to loopback
    "64:ff9b::a9fe:a9fe",  # NAT64 to 169.254.169.254
    "64:ff9b:1::1",  # local-use NAT64
    "2002:7f00:1::1",  # 6to4 wrapping 127.0.0.1
    "2002:a9fe:a9fe::",  # 6to4 wrapping 169.254.169.254
    "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo, client 127.0.0.1
    "2001:db8::1",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1",
    "fec0::1",
    "ff02::1",
    "100::1",
]
ALLOWED = [
    "1.1.1.1",
    "8.8.8.8",
    "93.184.216.34",
    "151.101.1.69",
    "100.63.255.255",  # just below CGNAT
    "100.128.0.0",  # just above CGNAT
    "172.32.0.1",
    "2606:4700:4700::1111",
    "2a00:1450:4001:82a::200e",
    "::ffff:8.8.8.8",  # mapped public
    "64:ff9b::808:808",  # NAT64 to 8.8.8.8
    "2002:808:808::1",  # 6to4 wrapping 8.8.8.8
]


@pytest.mark.parametrize("address", REFUSED)
def test_default_policy_refuses_non_public(address: str) -> None:
    assert not AddressPolicy().permits(ip(address))
    assert not is_public_address(ip(address))


@pytest.mark.parametrize("address", ALLOWED)
def test_default_policy_permits_public(address: str) -> None:
    assert AddressPolicy().permits(ip(address))


def test_scoped_link_local_refused() -> None:
    assert not AddressPolicy().permits(ipaddress.IPv6Address("fe80::1%1"))


def test_embedded_forms_unwrap() -> None:
    v4 = ipaddress.IPv4Address("127.0.0.1")
    assert embedded_ipv4(ip("::ffff:127.0.0.1")) == [v4]
    assert embedded_ipv4(ip("64:ff9b::7f00:1")) == [v4]
    assert embedded_ipv4(ip("2002:7f00:1::")) == [v4]
    assert v4 in embedded_ipv4(ip("2001:0:4136:e378:8000:63bf:80ff:fffe"))
    assert embedded_ipv4(ip("2606:4700::1")) == []


def test_allow_list_addresses_and_cidrs() -> None:
    policy = AddressPolicy(["127.0.0.2", "10.0.0.0/8", "fd00::/8", " [::1] ", ""])
    assert policy.permits(ip("127.0.0.2"))
    assert policy.permits(ip("::ffff:127.0.0.2"))  # same destination, mapped form
    assert policy.permits(ip("10.200.3.4"))
    assert policy.permits(ip("fd00::5"))
    assert policy.permits(ip("::1"))
    assert not policy.permits(ip("127.0.0.1"))
    assert not policy.permits(ip("169.254.169.254"))
    assert policy.permits(ip("8.8.8.8"))


def test_allow_list_host_names_open_the_host_whatever_it_resolves_to() -> None:
    policy = AddressPolicy(["RSS-Bridge.", "feeds.internal"])
    assert policy.allowed_names == {"rss-bridge", "feeds.internal"}
    assert policy.permits(ip("172.18.0.3"), host="rss-bridge")
    assert policy.permits(ip("127.0.0.1"), host="Feeds.Internal.")
    assert not policy.permits(ip("172.18.0.3"), host="other")
    assert not policy.permits(ip("172.18.0.3"))


def _v4_in(network: str) -> st.SearchStrategy[ipaddress.IPv4Address]:
    net = ipaddress.IPv4Network(network)
    return st.integers(int(net.network_address), int(net.broadcast_address)).map(
        ipaddress.IPv4Address
    )


NON_PUBLIC_V4 = st.one_of(
    [
        _v4_in(n)
        for n in (
            "0.0.0.0/8",
            "10.0.0.0/8",
            "100.64.0.0/10",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "172.16.0.0/12",
            "192.168.0.0/16",
            "224.0.0.0/4",
            "240.0.0.0/4",
        )
    ]
)


def _wrappings(v4: ipaddress.IPv4Address) -> list[ipaddress.IPv6Address]:
    n = int(v4)
    return [
        ipaddress.IPv6Address((0xFFFF << 32) | n),  # ::ffff:a.b.c.d
        ipaddress.IPv6Address((0x0064FF9B << 96) | n),  # 64:ff9b::a.b.c.d
        ipaddress.IPv6Address((0x2002 << 112) | (n << 80)),  # 2002:AABB:CCDD::
        ipaddress.IPv6Address(n),  # ::a.b.c.d
        # Teredo: client address stored inverted in the low 32 bits.
        ipaddress.IPv6Address((0x20010000 << 96) | (int(ip("8.8.8.8")) << 64) | (~n & 0xFFFFFFFF)),
    ]


@given(NON_PUBLIC_V4)
def test_non_public_v4_refused_in_every_wrapping(v4: ipaddress.IPv4Address) -> None:
    policy = AddressPolicy()
    assert not policy.permits(v4)
    for wrapped in _wrappings(v4):
        assert not policy.permits(wrapped), wrapped


@given(st.integers(0, 2**32 - 1).map(ipaddress.IPv4Address))
def test_wrapped_v4_never_more_permitted_than_plain(v4: ipaddress.IPv4Address) -> None:
    policy = AddressPolicy()
    if not policy.permits(v4):
        for wrapped in _wrappings(v4):
            assert not policy.permits(wrapped), wrapped


@given(st.integers(0, 2**128 - 1).map(ipaddress.IPv6Address))
def test_any_v6_permitted_only_if_global(v6: ipaddress.IPv6Address) -> None:
    if AddressPolicy().permits(v6):
        assert not v6.is_multicast
        assert v6.is_global or embedded_ipv4(v6)
        for v4 in embedded_ipv4(v6):
            assert v4.is_global


# -- real connections ----------------------------------------------------------------


def _has_ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


async def test_allowed_address_is_fetched(feed_server: FeedServer, fetcher: Fetcher) -> None:
    url = feed_server.publish("/feed.xml", b"<rss version='2.0'><channel/></rss>")
    result = await fetcher.fetch(url)
    assert result.outcome == "fetched", result.error
    assert result.body is not None


@pytest.mark.parametrize(
    "host",
    [PRIVATE, "127.0.0.3", "localhost"],
)
async def test_loopback_refused(feed_server: FeedServer, fetcher: Fetcher, host: str) -> None:
    feed_server.publish("/feed.xml", b"<rss/>")
    url = f"http://{host}:{feed_server.port(PRIVATE)}/feed.xml"
    result = await fetcher.fetch(url)
    assert result.outcome == "failed"
    assert result.error is not None and result.error.startswith("refused: ")
    assert "is not a public address" in result.error
    assert feed_server.requests == []


async def test_refusal_message_names_the_address(fetcher: Fetcher) -> None:
    result = await fetcher.fetch("http://127.0.0.1:9/feed")
    assert result.error == "refused: 127.0.0.1 is not a public address"


async def test_ipv4_mapped_loopback_refused(feed_server: FeedServer, fetcher: Fetcher) -> None:
    if not _has_ipv6_loopback():
        pytest.skip("no IPv6 loopback")
    result = await fetcher.fetch(f"http://[::ffff:127.0.0.1]:{feed_server.port(PRIVATE)}/x")
    assert result.outcome == "failed"
    assert result.error is not None and "127.0.0.1" in result.error
    assert result.error.startswith("refused: ")
    assert feed_server.requests == []


async def test_ipv6_loopback_refused(fetcher: Fetcher) -> None:
    if not _has_ipv6_loopback():
        pytest.skip("no IPv6 loopback")
    async with FeedServer(host="::1") as v6:
        url = v6.publish("/feed.xml", b"<rss/>")
        result = await fetcher.fetch(url)
        assert result.error == "refused: ::1 is not a public address"
        assert v6.requests == []


async def test_zero_address_refused_before_connecting(
    feed_server: FeedServer, fetcher: Fetcher, loopback_only: list[tuple[str, int]]
) -> None:
    # Linux delivers 0.0.0.0 to the local host.
    result = await fetcher.fetch(f"http://0.0.0.0:{feed_server.port(PRIVATE)}/x")
    assert result.error == "refused: 0.0.0.0 is not a public address"
    assert loopback_only == []


async def test_metadata_address_refused_before_any_packet(
    fetcher: Fetcher, loopback_only: list[tuple[str, int]]
) -> None:
    started = time.monotonic()
    result = await fetcher.fetch("http://169.254.169.254/latest/meta-data/")
    assert time.monotonic() - started < 0.5
    assert result.error == "refused: 169.254.169.254 is not a public address"
    # The socket factory refused before connect(): no connect was even attempted.
    assert loopback_only == []


async def test_redirect_from_public_to_loopback_refused(
    feed_server: FeedServer, fetcher: Fetcher
) -> None:
    feed_server.publish("/secret", b"internal")
    target = feed_server.url("/secret", host=PRIVATE)
    result = await fetcher.fetch(feed_server.url(f"/_/redirect-to?url={target}"))
    assert result.outcome == "failed"
    assert result.error == "refused: 127.0.0.1 is not a public address"
    assert result.final_url == target
    assert [r.path for r in feed_server.requests] == ["/_/redirect-to"]


async def test_redirect_to_metadata_refused(
    feed_server: FeedServer, fetcher: Fetcher, loopback_only: list[tuple[str, int]]
) -> None:
    result = await fetcher.fetch(
        feed_server.url("/_/redirect-to?url=http://169.254.169.254/latest/&status=307")
    )
    assert result.error == "refused: 169.254.169.254 is not a public address"
    assert all(host == PUBLIC for host, _ in loopback_only)


async def test_session_refuses_even_with_aiohttp_redirects(feed_server: FeedServer) -> None:
    """The guard lives in the connector, so it holds for any use of the session,
    including aiohttp's own redirect following."""
    feed_server.publish("/secret", b"internal")
    target = feed_server.url("/secret", host=PRIVATE)
    async with new_session(AddressPolicy([PUBLIC]), user_agent=USER_AGENT) as session:
        assert isinstance(session.connector, GuardedConnector)
        with pytest.raises(aiohttp.ClientConnectorError, match=r"refused: 127\.0\.0\.1"):
            await session.get(feed_server.url(f"/_/redirect-to?url={target}"))
    assert "/secret" not in [r.path for r in feed_server.requests]


async def test_host_name_exception_opens_that_host_only(feed_server: FeedServer) -> None:
    feed_server.publish("/feed.xml", b"<rss/>")
    port = feed_server.port(PRIVATE)
    async with new_session(AddressPolicy(["localhost"]), user_agent=USER_AGENT) as session:
        fetcher = Fetcher(session, timeout=2)
        ok = await fetcher.fetch(f"http://localhost:{port}/feed.xml")
        assert ok.outcome == "fetched", ok.error
        # The name opened the host, not the address it resolved to.
        refused = await fetcher.fetch(f"http://127.0.0.1:{port}/feed.xml")
        assert refused.error == "refused: 127.0.0.1 is not a public address"


async def test_new_session_settings(policy: AddressPolicy) -> None:
    async with new_session(policy, user_agent=USER_AGENT, concurrency=7, per_host=3) as session:
        assert session.trust_env is False
        assert session.headers["User-Agent"] == USER_AGENT
        connector = session.connector
        assert isinstance(connector, GuardedConnector)
        assert connector.limit == 7
        assert connector.limit_per_host == 3


@pytest.mark.parametrize(
    "url",
    [
        "http://2130706433:9/",  # decimal 127.0.0.1
        "http://127.1:9/",
        "http://0x7f.0.0.1:9/",
        "http://0177.0.0.1:9/",
        "http://017700000001:9/",
        "http://0:9/",
        "http://[::]:9/",
        "http://[0:0:0:0:0:ffff:127.0.0.1]:9/",
        "http://127\u30020\u30020\u30021:9/",  # ideographic full stops
    ],
)
async def test_legacy_and_disguised_loopback_forms_never_connect(
    fetcher: Fetcher, url: str, loopback_only: list[tuple[str, int]]
) -> None:
    result = await fetcher.fetch(url)
    assert result.outcome == "failed"
    assert result.error is not None
    assert result.error.startswith(("refused: ", "invalid URL")), result.error
    assert loopback_only == []
