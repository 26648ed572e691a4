"""Outbound-connection guard: feed URLs come from moderators, so never let them reach
the host itself, the LAN or cloud metadata services (SSRF).

The check sits where it cannot be bypassed: in the aiohttp connector's socket factory,
which sees the exact address about to be connected, for every connection, including
every redirect hop and IP literals that skip DNS. Checking the URL first, or a custom
resolver alone, was bypassed in our measurements (GUIDE §3 "SSRF").

Host-name exceptions (DOMESTIQUE_ALLOW_PRIVATE_HOSTS may name e.g. a docker-compose
service) cannot be decided from an address alone, so the connector records the host
name of the request it is connecting for in a context variable; the socket factory,
which runs in that task (or in child tasks that copy its context), reads it.
"""

from __future__ import annotations

import contextvars
import ipaddress
import logging
import socket
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohappyeyeballs import AddrInfoType

log = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Belt and braces over `is_global`, whose tables changed between Python releases
# (3.11.7 here still calls 2002::/16 and 64:ff9b::/96 global).
_DENY_V4 = tuple(
    ipaddress.IPv4Network(n)
    for n in (
        "0.0.0.0/8",  # "this network"; 0.0.0.0 reaches the local host on Linux
        "10.0.0.0/8",
        "100.64.0.0/10",  # CGNAT: not private, not global either
        "127.0.0.0/8",
        "169.254.0.0/16",  # link-local, cloud metadata (169.254.169.254)
        "172.16.0.0/12",
        "192.0.0.0/24",
        "192.0.2.0/24",
        "192.88.99.0/24",  # 6to4 relay anycast
        "192.168.0.0/16",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, includes 255.255.255.255
    )
)
_DENY_V6 = tuple(
    ipaddress.IPv6Network(n)
    for n in (
        "::/96",  # unspecified, loopback, deprecated IPv4-compatible ::a.b.c.d
        "::ffff:0:0/96",  # IPv4-mapped (unwrapped before this check)
        "::ffff:0:0:0/96",  # IPv4-translated (SIIT)
        "64:ff9b:1::/48",  # local-use NAT64
        "100::/64",  # discard-only
        "2001::/23",  # IETF protocol assignments (Teredo unwrapped before this)
        "2001:db8::/32",  # documentation
        "2002::/16",  # 6to4 (unwrapped before this)
        "3fff::/20",  # documentation (RFC 9637)
        "5f00::/16",  # SRv6 SIDs
        "fc00::/7",  # unique local
        "fe80::/10",  # link-local
        "fec0::/10",  # deprecated site-local
        "ff00::/8",  # multicast
    )
)
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_SIIT = ipaddress.IPv6Network("::ffff:0:0:0/96")


def embedded_ipv4(ip: IPAddress) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address carries and would deliver to: mapped, 6to4,
    NAT64 (64:ff9b::/96), SIIT-translated and Teredo (server and client)."""
    if isinstance(ip, ipaddress.IPv4Address):
        return []
    if ip.ipv4_mapped is not None:
        return [ip.ipv4_mapped]
    if ip in _NAT64 or ip in _SIIT:
        return [ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)]
    if ip.sixtofour is not None:
        return [ip.sixtofour]
    if ip.teredo is not None:
        return list(ip.teredo)
    return []


def _plain_public(ip: IPAddress) -> bool:
    if ip.is_multicast or not ip.is_global:
        return False
    if isinstance(ip, ipaddress.IPv4Address):
        return not any(ip in net for net in _DENY_V4)
    return not any(ip in net for net in _DENY_V6)


def is_public_address(ip: IPAddress) -> bool:
    """True when `ip` is a globally routable unicast address, looking through the
    IPv6 forms that wrap an IPv4 address (all wrapped addresses must be public)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.scope_id:
        return False  # a zone only makes sense for link-local/LAN addresses
    wrapped = embedded_ipv4(ip)
    if wrapped:
        return all(_plain_public(v4) for v4 in wrapped)
    return _plain_public(ip)


def describe_address(ip: IPAddress) -> str:
    """ "::ffff:7f00:1" reads better as "::ffff:127.0.0.1 (127.0.0.1)"."""
    wrapped = embedded_ipv4(ip)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return f"::ffff:{ip.ipv4_mapped} ({ip.ipv4_mapped})"
    if wrapped:
        return f"{ip} ({', '.join(map(str, wrapped))})"
    return str(ip)


def _normalise_host(host: str) -> str:
    return host.strip().strip("[]").rstrip(".").lower()


class AddressPolicy:
    """Which peer addresses outbound feed connections may reach.

    `allow` is DOMESTIQUE_ALLOW_PRIVATE_HOSTS already split: host names (opening that
    host whatever it resolves to), IP addresses or CIDRs (opening those addresses).
    """

    def __init__(self, allow: Sequence[str] = ()) -> None:
        names: set[str] = set()
        nets: list[IPNetwork] = []
        for raw in allow:
            entry = _normalise_host(raw)
            if not entry:
                continue
            try:
                nets.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                names.add(entry)
        self._names = frozenset(names)
        self._nets = tuple(nets)

    @property
    def allowed_names(self) -> frozenset[str]:
        return self._names

    @property
    def allowed_networks(self) -> tuple[IPNetwork, ...]:
        return self._nets

    def _in_allowed_nets(self, candidates: Iterable[IPAddress]) -> bool:
        return any(
            ip.version == net.version and ip in net for ip in candidates for net in self._nets
        )

    def permits(self, ip: IPAddress, host: str | None = None) -> bool:
        """May a connection to `ip`, made for a URL naming `host`, go ahead?"""
        if host is not None and _normalise_host(host) in self._names:
            return True
        if self._nets:
            plain = ip
            if isinstance(ip, ipaddress.IPv6Address) and ip.scope_id:
                plain = ipaddress.IPv6Address(int(ip))
            if self._in_allowed_nets([plain, *embedded_ipv4(ip)]):
                return True
        return is_public_address(ip)

    def __repr__(self) -> str:
        allowed = sorted(self._names) + [str(n) for n in self._nets]
        return f"AddressPolicy(allow={allowed!r})"


class AddressRefused(OSError):
    """Raised by the socket factory: the peer address is not permitted."""


class AddressRefusedError(aiohttp.ClientConnectorError):
    """A connection was refused by the AddressPolicy; str() is the human reason."""

    def __init__(self, connection_key: Any, reasons: Sequence[str]) -> None:
        self.reasons = list(dict.fromkeys(reasons))
        super().__init__(connection_key, AddressRefused("; ".join(self.reasons)))

    def __str__(self) -> str:
        return "; ".join(self.reasons)


@dataclass
class _Attempt:
    host: str | None
    refusals: list[str] = field(default_factory=list)


_attempt: contextvars.ContextVar[_Attempt | None] = contextvars.ContextVar(
    "domestique_connect_attempt", default=None
)


def guarded_socket_factory(policy: AddressPolicy) -> Any:
    """A socket factory for `aiohttp.TCPConnector` that refuses peers `policy` forbids.

    It runs before `connect()`, so a refused address never sees a packet.
    """

    def factory(addr_info: AddrInfoType) -> socket.socket:
        family, type_, proto, _, sockaddr = addr_info
        attempt = _attempt.get()
        host = attempt.host if attempt is not None else None
        try:
            ip: IPAddress | None = ipaddress.ip_address(sockaddr[0])
        except ValueError:
            ip = None
        if ip is None or not policy.permits(ip, host):
            shown = describe_address(ip) if ip is not None else sockaddr[0]
            reason = f"refused: {shown} is not a public address"
            if attempt is not None:
                attempt.refusals.append(reason)
            log.warning("outbound connection %s (host %r)", reason, host)
            raise AddressRefused(reason)
        return socket.socket(family=family, type=type_, proto=proto)

    return factory


class GuardedConnector(aiohttp.TCPConnector):
    """TCPConnector whose every new socket passes the AddressPolicy."""

    def __init__(self, policy: AddressPolicy, **kwargs: Any) -> None:
        super().__init__(socket_factory=guarded_socket_factory(policy), **kwargs)
        self.policy = policy

    async def connect(self, req: Any, traces: Any, timeout: Any) -> Any:  # noqa: ASYNC109
        # Tell the socket factory which URL host this connection is for, so named
        # exceptions work; pooled connections were checked when they were opened.
        # (Through an explicit proxy the socket goes to the proxy, so its name counts.)
        target = req.proxy if req.proxy is not None else req.url
        attempt = _Attempt(host=target.raw_host)
        token = _attempt.set(attempt)
        try:
            return await super().connect(req, traces, timeout)
        except aiohttp.ClientConnectorError as exc:
            if attempt.refusals and not isinstance(exc, AddressRefusedError):
                raise AddressRefusedError(req.connection_key, attempt.refusals) from exc
            raise
        finally:
            _attempt.reset(token)


def new_session(
    policy: AddressPolicy,
    *,
    user_agent: str,
    concurrency: int = 20,
    per_host: int = 2,
) -> aiohttp.ClientSession:
    """An HTTP session for feed fetching: guarded connector, no proxies from the
    environment (trust_env=False), a User-Agent naming the bot. Call inside a loop."""
    connector = GuardedConnector(
        policy,
        limit=concurrency,
        limit_per_host=per_host,
        ttl_dns_cache=300,
    )
    return aiohttp.ClientSession(
        connector=connector,
        trust_env=False,
        headers={
            "User-Agent": user_agent,
            "Accept": (
                "application/rss+xml, application/atom+xml, application/rdf+xml, "
                "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
            ),
        },
        # A generous ceiling only; the Fetcher enforces its own total timeout.
        timeout=aiohttp.ClientTimeout(total=120, sock_connect=15),
    )
