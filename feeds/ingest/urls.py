"""Is this a URL the fetcher can use? One rule for every place a URL enters: settings
(DOMESTIQUE_FEEDS and the Discord endpoints), `domestique feeds add` and `/feeds add|test`.

Refused with the reason, before anything is stored:
- text `urlsplit` cannot parse (`http://[::1`), a port outside 1-65535, a host that is not
  a host name or an IP address (`feeds local`, `999.1.1.1`);
- a user name or password (`https://user:secret@host/feed`): feed URLs are shown in
  `/about` and `/feeds list`, so a credential in one would be shown to every reader;
- control characters: a CR/LF stored in a URL forges a line wherever it is printed
  (`domestique feeds list`). A space in a path or query is fine: the fetcher encodes it.

`without_credentials` is the display side of the same rule, for rows stored before it.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import urlsplit

URL_MAX = 2000
"""Longer URLs are refused: no feed needs one, and they are stored and shown."""

_LABEL = re.compile(r"^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$")
# Control (Cc), format (Cf: bidi overrides, zero-width) and line/paragraph separators.
_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp"})
# The authority's user info: everything up to the last "@" before the path.
_USERINFO = re.compile(r"^(\s*[A-Za-z][A-Za-z0-9+.\-]*:)?//[^/?#]*@")


class UrlRefused(ValueError):
    """Why a URL cannot be used; str() reads after the URL ("... has port 99999; ...")."""


def without_credentials(url: str, replacement: str = "") -> str:
    """`url` with any user name and password removed (or replaced by `replacement`)."""
    return _USERINFO.sub(lambda m: f"{m[1] or ''}//{replacement}", url, count=1)


def shown(url: str) -> str:
    """A URL quoted for a message about it: credentials masked, controls escaped, cut."""
    text = repr(without_credentials(url, "***@"))
    return text if len(text) <= 120 else text[:118] + "…'"


def is_host_name(host: str) -> bool:
    """A DNS host name: labels of letters, digits, `-` and `_` (IDN allowed), not all digits.

    All-digit names such as `999.1.1.1` or `1.2.3` are no host names: resolvers read them
    as IPv4 addresses (`1.2.3` is 1.2.0.3), so they must be valid dotted quads instead.
    """
    try:
        ascii_host = host if host.isascii() else host.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    labels = ascii_host.lower().removesuffix(".").split(".")
    if len(ascii_host) > 253 or not all(_LABEL.match(label) for label in labels):
        return False
    return not all(label.isdigit() for label in labels)


def is_ip_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _check_characters(url: str) -> None:
    for char in url:
        if unicodedata.category(char) in _INVISIBLE:
            raise UrlRefused(f"has a control character (U+{ord(char):04X}) in it")


def _check_host(netloc: str, hostname: str) -> None:
    if not hostname:
        raise UrlRefused("has no host")
    if netloc.rpartition("@")[2].startswith("["):
        return  # a bracketed IPv6 literal, which urlsplit has already checked
    if is_ip_address(hostname) or is_host_name(hostname):
        return
    if all(part.isdigit() for part in hostname.split(".")):
        raise UrlRefused(f"names {hostname}, which is not an IPv4 address")
    raise UrlRefused(f"has a host that is not a host name or an IP address ({hostname!r})")


def check_url(raw: str, schemes: tuple[str, ...] = ("http", "https")) -> str:
    """`raw` without surrounding whitespace when it is a usable URL with one of `schemes`,
    else UrlRefused saying why (the message never repeats a password)."""
    url = raw.strip()
    if not url:
        raise UrlRefused("is empty")
    if len(url) > URL_MAX:
        raise UrlRefused(f"is too long ({len(url):,} characters; at most {URL_MAX:,})")
    _check_characters(url)
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise UrlRefused(f"is not a valid URL ({exc})") from None
    if parts.scheme not in schemes:
        article = "an" if schemes[0].startswith("h") else "a"  # "an http", "a ws"
        raise UrlRefused(f"is not {article} {'/'.join(schemes)} URL")
    if "@" in parts.netloc:
        raise UrlRefused(
            "has a user name or password in it; leave credentials out "
            "(feed URLs are shown to the servers that use them)"
        )
    try:
        port = parts.port
    except ValueError:
        text = parts.netloc.rpartition("@")[2].rpartition("]")[2].partition(":")[2]
        text = text if text.isdigit() else repr(text)
        raise UrlRefused(f"has port {text}; a port is a number from 1 to 65535") from None
    if port == 0:
        raise UrlRefused("has port 0; a port is a number from 1 to 65535")
    _check_host(parts.netloc, parts.hostname or "")
    return url


def check_feed_url(raw: str) -> str:
    """A feed URL: http or https, see `check_url`."""
    return check_url(raw, ("http", "https"))
