"""Story identity: canonical links and the stable key of an item inside its feed.

Keys carry their kind as a prefix ("guid:", "url:", "hash:") so a guid that happens to
look like a URL can never collide with a URL key.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from urllib.parse import unquote, urlsplit, urlunsplit

from feeds.ingest.text import one_line, strip_controls

log = logging.getLogger(__name__)

_DEFAULT_PORTS = {"http": 80, "https": 443}
# Query parameters that say how a reader arrived, not what they read.
_TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
        "igshid", "mc_cid", "mc_eid", "ref", "ref_src", "ref_url", "referrer", "_ga",
        "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id",
        "wt.mc_id", "cmpid", "icid", "ito", "ncid", "soc_src", "soc_trk", "sr_share",
        "spm", "guccounter", "at_medium", "at_campaign", "at_custom1",
        "smid",
    }
)  # fmt: skip
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "__twitter", "hsa_")
_MAX_GUID = 512  # longer guids are hashed: keys are stored and indexed
_MAX_URL = 2048


_WRAP = re.compile(r"[\r\n\t\f\v]+")


def clean_link(raw: str) -> str:
    """A link as written in a feed, made usable: controls gone, line wraps (feeds
    wrap long links, with indentation) removed, inner spaces percent-encoded."""
    pieces = _WRAP.split(raw.strip())
    url = "".join(piece.strip() for piece in pieces)
    return strip_controls(url).replace(" ", "%20")


def _is_tracking(name: str) -> bool:
    key = unquote(name).strip().lower()
    return key in _TRACKING_PARAMS or key.startswith(_TRACKING_PREFIXES)


def canonical_url(url: str) -> str | None:
    """The link as we store and compare it, or None when it is not http(s).

    Scheme and host lower-cased, default port and fragment dropped, user info dropped,
    tracking parameters (utm_*, fbclid, gclid, mc_cid, ref, ...) removed; the rest of
    the query is kept byte for byte and in order.
    """
    if not url or not isinstance(url, str):
        return None
    url = clean_link(url)
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in _DEFAULT_PORTS:
            return None
        host = parts.hostname  # lower-cased, brackets removed
        port = parts.port  # ValueError when not a number or out of range
    except ValueError:
        return None
    if not host:
        return None
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        return None
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    query = "&".join(
        piece
        for piece in parts.query.split("&")
        if piece and not _is_tracking(piece.split("=", 1)[0])
    )
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def guid_key(guid: str) -> str:
    guid = guid.strip()
    if len(guid) > _MAX_GUID:
        return "guid:sha256:" + hashlib.sha256(guid.encode("utf-8", "replace")).hexdigest()
    return "guid:" + guid


def url_key(url: str) -> str:
    if len(url) > _MAX_URL:
        return "url:sha256:" + hashlib.sha256(url.encode("utf-8", "replace")).hexdigest()
    return "url:" + url


def hash_key(title: str, published: datetime | None) -> str:
    """Last resort: the same headline at the same time is the same story."""
    stamp = published.isoformat() if published is not None else ""
    material = f"{one_line(title).casefold()}\n{stamp}"
    return "hash:" + hashlib.sha256(material.encode("utf-8", "replace")).hexdigest()[:32]


def story_keys(
    guids: Sequence[str | None],
    urls: Sequence[str | None],
    titles: Sequence[str],
    published: Sequence[datetime | None],
) -> list[str]:
    """Keys for the items of one feed, in order.

    An item's guid is its key when present and unique within the feed (a CMS that
    repeats one guid for every item would otherwise merge them); else its canonical
    link; else a hash of title and date. Deciding per item rather than per feed keeps
    every other item's key stable when one item arrives without a guid.
    """
    cleaned = [g.strip() if g and g.strip() else None for g in guids]
    counts = Counter(g for g in cleaned if g is not None)
    keys: list[str] = []
    for guid, url, title, when in zip(cleaned, urls, titles, published, strict=True):
        if guid is not None and counts[guid] == 1:
            keys.append(guid_key(guid))
        elif url:
            keys.append(url_key(url))
        else:
            keys.append(hash_key(title, when))
    return keys
