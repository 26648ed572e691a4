"""Feed bytes -> ParsedFeed of plain-text Stories. Never raises.

Runs in a ProcessPoolExecutor (feedparser blocks ~23 ms a feed, GUIDE §3), so
`parse_feed` is a module-level function of plain arguments returning plain data.

Hostile-input rules, measured with feedparser 6.0.14 (GUIDE §3):
- feedparser only ever sees `io.BytesIO`: a str is fetched as a URL, bytes that look
  like a path are opened as a file.
- the DOCTYPE is removed first: one large internal entity referenced many times blew
  up to 5.75 GB in the loose parser. Non-ASCII-compatible encodings (UTF-16/32, UTF-7)
  are converted to UTF-8 before that, so the DOCTYPE cannot hide from the byte scan.
- parse() can raise (`&#x110000;`, `&#xD800;`): caught and reported.
- links: only http/https survive; text: tags stripped here, escaped at render time.
"""

from __future__ import annotations

import calendar
import codecs
import importlib.util
import io
import logging
import re
import time
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
from feedparser import api as feedparser_api

from feeds.ingest.identity import canonical_url, clean_link, story_keys
from feeds.ingest.text import html_to_text, html_to_text_and_image, one_line, plain_text, shorten
from feeds.models import ParsedFeed, Story

log = logging.getLogger(__name__)

SUMMARY_FALLBACK_CHARS = 300
# A "summary" this long is the article itself (many feeds put the whole text in
# <description>); it is kept as the body and only its start is the summary, since
# publishers allow headline and standfirst to be reposted, not whole articles.
SUMMARY_IS_BODY_CHARS = 1000
_MAX_TITLE = 500
_MAX_AUTHOR = 200
_EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
_FUTURE_SLACK = timedelta(days=2)  # time zones and scheduled posts, not year 2099

_HEAD_END = re.compile(rb"<\w")  # where feedparser's own DOCTYPE handling stops looking
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_PERSON_TAG = re.compile(
    rb"<(?:[A-Za-z_][\w.-]{0,40}:)?"
    rb"(?:author|creator|managingEditor|webMaster|publisher|contributor|owner)"
    rb"(?:\s[^<>]{0,500})?>",
    re.IGNORECASE,
)
_LONG_RUN = re.compile(rb"[A-Za-z0-9_.+\-]{256}")
_DECL_TOKEN = re.compile(rb"""["'\[\]>]|<!--""")
_XML_DECL_ENCODING = re.compile(
    rb"""^(\s*<\?xml[^>]*?encoding\s*=\s*)(["'])([A-Za-z0-9._:\-]{1,40})\2"""
)
_EMAIL = re.compile(r"(?:mailto:)?[^\s()<>@,;:\"\[\]]+@[^\s()<>@,;:\"\[\]]+\.[A-Za-z]{2,}")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]|<\s*>")
_IMAGE_EXT = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:$|\?)", re.IGNORECASE)
_PROBE = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]>&b;<d e=\'f\'/>'


class FeedRejected(ValueError):
    """The body cannot be handed to feedparser safely (internal)."""


# -- pre-processing ---------------------------------------------------------------


def _bom_codec(data: bytes) -> str | None:
    """The codec of a document whose "<" is not the byte 0x3C (BOM or NUL pattern)."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    head = data[:4]
    if head == b"\x00\x00\x00<":
        return "utf-32-be"
    if head == b"<\x00\x00\x00":
        return "utf-32-le"
    if head[:2] == b"\x00<":
        return "utf-16-be"
    if head[:2] == b"<\x00":
        return "utf-16-le"
    if head == b"\x4c\x6f\xa7\x94":
        raise FeedRejected("unsupported encoding (EBCDIC)")
    return None


def _ascii_compatible(codec: str) -> bool:
    try:
        return _PROBE.encode(codec) == _PROBE.encode("ascii")
    except (LookupError, UnicodeError, TypeError):
        return True  # unknown to Python: feedparser falls back to an ASCII superset


def to_ascii_compatible(data: bytes) -> bytes:
    """Re-encode UTF-16/32/7 (and the like) feeds as UTF-8 so byte scans see markup."""
    codec = _bom_codec(data)
    if codec is None:
        m = _XML_DECL_ENCODING.match(data[:512])
        if m and not _ascii_compatible(m.group(3).decode("ascii")):
            codec = m.group(3).decode("ascii")
    if codec is None:
        return data
    try:
        text = data.decode(codec, errors="replace")
    except LookupError:
        raise FeedRejected(f"unsupported encoding {codec}") from None
    text = text.lstrip("\ufeff")
    out = text.encode("utf-8", errors="replace")
    return _XML_DECL_ENCODING.sub(rb"\1\2utf-8\2", out, count=1)


def _declaration_end(data: bytes, pos: int) -> int:
    """Index just past the `>` closing a <!DOCTYPE or <!ENTITY opened before `pos`,
    skipping quoted strings, comments and the bracketed internal subset."""
    depth = 0
    while True:
        m = _DECL_TOKEN.search(data, pos)
        if m is None:
            raise FeedRejected("malformed XML: unterminated DOCTYPE declaration")
        token = m.group()
        if token in (b'"', b"'"):
            close = data.find(token, m.end())
            if close < 0:
                raise FeedRejected("malformed XML: unterminated string in DOCTYPE")
            pos = close + 1
        elif token == b"<!--":
            close = data.find(b"-->", m.end())
            if close < 0:
                raise FeedRejected("malformed XML: unterminated comment in DOCTYPE")
            pos = close + 3
        elif token == b"[":
            depth += 1
            pos = m.end()
        elif token == b"]":
            depth = max(0, depth - 1)
            pos = m.end()
        elif depth == 0:  # ">"
            return m.end()
        else:
            pos = m.end()


def strip_doctype(data: bytes) -> bytes:
    """Remove every DOCTYPE (with its internal subset) and stray ENTITY declaration
    from the document head (before the first element), where parsers honour them.

    One forward pass: each search starts where the last one stopped, so thousands of
    declarations cost no more than one long one.
    """
    out: list[bytes] = []
    pos = 0
    head_end = -1  # cached start of the first element at or after `pos`
    while True:
        if head_end < pos:
            m = _HEAD_END.search(data, pos)
            head_end = m.start() if m else len(data)
        decl = _DECLARATION.search(data, pos, head_end)
        if decl is None:
            break
        out.append(data[pos : decl.start()])
        pos = _declaration_end(data, decl.end())
    if not out:
        return data
    out.append(data[pos:])
    return b"".join(out)


def defuse_people(data: bytes) -> bytes:
    """Empty person elements (author, dc:creator, managingEditor, ...) whose text holds
    a long unbroken run of e-mail characters.

    feedparser searches those texts with an e-mail regex that is quadratic on such
    runs (50 KB of "a" in <author> took 12 s, 1 MB would take hours) before we see
    them. Real names and addresses are far shorter than the 256-character run.
    """
    out: list[bytes] = []
    pos = 0
    for tag in _PERSON_TAG.finditer(data):
        start = tag.end()
        if start < pos:
            continue
        if data.startswith(b"<![CDATA[", start):
            close = data.find(b"]]>", start)
            end = len(data) if close < 0 else close + 3
        else:
            close = data.find(b"<", start)
            end = len(data) if close < 0 else close
        if _LONG_RUN.search(data, start, end):
            log.debug("dropped a person element with a %d-byte text", end - start)
            out.append(data[pos:start])
            pos = end
    if not out:
        return data
    out.append(data[pos:])
    return b"".join(out)


# -- field extraction ---------------------------------------------------------------


def _detail_text(value: str, detail: Any) -> str:
    kind = (detail or {}).get("type", "") if isinstance(detail, dict) else ""
    if "html" in kind:
        return html_to_text(value)
    return plain_text(value)


def _safe_link(raw: Any, base: str | None) -> str | None:
    """An absolute http(s) URL or None (javascript:, data:, file: ... dropped)."""
    if not isinstance(raw, str) or not raw.strip():
        return None
    url = clean_link(raw)
    if base and not urlsplit(url).scheme:
        try:
            url = urljoin(base, url)
        except ValueError:
            return None
    try:
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            return None
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return None
    return url


def _published(entry: Any, now: datetime) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        # dict.get: FeedParserDict maps a missing updated_parsed to published_parsed
        # with a DeprecationWarning.
        parsed = dict.get(entry, key)
        if not isinstance(parsed, time.struct_time | tuple):
            continue
        try:
            # feedparser's struct_time is already UTC; timegm tolerates leap seconds.
            when = datetime.fromtimestamp(calendar.timegm((*tuple(parsed)[:6], 0, 0, 0)), UTC)
        except (OverflowError, ValueError, OSError, TypeError):
            continue
        if _EARLIEST <= when <= now + _FUTURE_SLACK:
            return when
        # An absurd date (1970 from a zero timestamp, year 2099) is no date.
    return None


def _author(entry: Any) -> str | None:
    raw = entry.get("author")
    names: list[str] = []
    if isinstance(raw, str) and "@" in raw:
        # feedparser's own e-mail split fails on long TLDs ("ple (Jane Rider"), so
        # clean the raw string ourselves.
        names.append(raw)
    else:
        for person in entry.get("authors") or []:
            if isinstance(person, dict) and person.get("name"):
                names.append(str(person["name"]))
        if not names and isinstance(raw, str):
            names.append(raw)
    cleaned: list[str] = []
    for name in names:
        # Bounded first: the e-mail pattern backtracks over long unbroken runs.
        text = _EMAIL.sub(" ", html_to_text(name[: _MAX_AUTHOR * 4]))  # Cyclingnews: e-mail
        text = _EMPTY_BRACKETS.sub(" ", text)
        text = one_line(text).strip(" ()[]<>,;:-")
        if text and text not in cleaned:
            cleaned.append(text)
    if not cleaned:
        return None
    return shorten(", ".join(cleaned), _MAX_AUTHOR)


def _image(entry: Any, html_img: str | None, base: str | None) -> str | None:
    candidates: list[Any] = []
    for media in entry.get("media_content") or []:
        if not isinstance(media, dict):
            continue
        medium = str(media.get("medium", "")).lower()
        kind = str(media.get("type", "")).lower()
        url = media.get("url")
        looks_image = (
            medium == "image"
            or kind.startswith("image/")
            or (not medium and not kind and isinstance(url, str) and _IMAGE_EXT.search(url))
        )
        if looks_image:
            candidates.append(url)
    candidates.extend(
        t.get("url") for t in entry.get("media_thumbnail") or [] if isinstance(t, dict)
    )
    candidates.extend(
        link.get("href")
        for link in entry.get("links") or []
        if isinstance(link, dict)
        and link.get("rel") == "enclosure"
        and str(link.get("type", "")).lower().startswith("image/")
    )
    candidates.append(html_img)
    for candidate in candidates:
        url = _safe_link(candidate, base)
        if url is not None:
            return url
    return None


def _language(feed: Any) -> str | None:
    raw = feed.get("language")
    if not raw:
        detail = feed.get("title_detail")
        raw = detail.get("language") if isinstance(detail, dict) else None
    if not isinstance(raw, str):
        return None
    lang = raw.strip().replace("_", "-").lower()
    return lang[:35] or None


def _content(entry: Any) -> tuple[str, str | None]:
    """(plain body, first <img> src) from content:encoded / Atom content."""
    best: dict[str, Any] | None = None
    for item in entry.get("content") or []:
        if (
            isinstance(item, dict)
            and isinstance(item.get("value"), str)
            and (best is None or len(item["value"]) > len(best["value"]))
        ):
            best = item
    if best is None:
        return "", None
    if "html" in str(best.get("type", "")):
        return html_to_text_and_image(best["value"])
    return plain_text(best["value"]), None


def _summary(entry: Any) -> tuple[str, str | None]:
    detail = entry.get("summary_detail")
    value = entry.get("summary")
    # Without summary_detail, feedparser copied `summary` from the content.
    if not isinstance(value, str) or not isinstance(detail, dict):
        return "", None
    if "html" in str(detail.get("type", "")):
        return html_to_text_and_image(value)
    return plain_text(value), None


def _story_fields(entry: Any, base: str | None, lang: str | None, now: datetime) -> dict[str, Any]:
    body, body_img = _content(entry)
    summary, summary_img = _summary(entry)
    if not body and len(summary) > SUMMARY_IS_BODY_CHARS:
        body, summary = summary, ""
    if not summary and body:
        summary = shorten(body, SUMMARY_FALLBACK_CHARS)
    title_raw = entry.get("title")
    title = (
        one_line(_detail_text(title_raw, entry.get("title_detail")))
        if isinstance(title_raw, str)
        else ""
    )
    if not title:
        title = shorten(one_line(summary), 120)
    link = _safe_link(entry.get("link"), base)
    url = canonical_url(link) if link else None
    return {
        "guid": entry.get("id") if isinstance(entry.get("id"), str) else None,
        "url": url,
        "title": shorten(title, _MAX_TITLE),
        "summary": summary,
        "body": body,
        "author": _author(entry),
        "published": _published(entry, now),
        "image_url": _image(entry, body_img or summary_img, link or base),
        "language": lang,
    }


# -- entry point -----------------------------------------------------------------------


def _not_a_feed(body: bytes, parsed: Any) -> str:
    head = body[:2048].lstrip().lower()
    if b"<html" in head or b"<!doctype html" in head:
        return "not an RSS or Atom feed (looks like an HTML page)"
    exc = parsed.get("bozo_exception")
    if exc is not None and head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return f"malformed XML: {exc}"
    return "not an RSS or Atom feed"


def skip_missing_xml_drivers() -> None:
    """Leave out of feedparser's preferred XML drivers those that cannot be imported, for
    this process. `xml.sax.make_parser` tries each name on every parse, and an import that
    fails is not remembered: its search of the whole module path (for the libxml2
    driver, rarely installed) was 10-15 % of parsing a feed of one new item. A driver that
    is installed stays first, so each feed is parsed by the same driver as before."""
    preferred = feedparser_api.PREFERRED_XML_PARSERS
    preferred[:] = [name for name in preferred if _importable(name)]


def _importable(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # a dotted name whose package is missing
        return False


def parse_feed(body: bytes, *, base_url: str | None = None, max_items: int = 200) -> ParsedFeed:
    """Parse an RSS 0.9x/1.0/2.0 or Atom body into plain-text Stories with final keys.

    Never raises: any failure is a ParsedFeed with no stories and `error` set.
    """
    try:
        return _parse(body, base_url, max_items)
    except FeedRejected as exc:
        return ParsedFeed(title=None, stories=[], error=str(exc))
    except RecursionError:
        return ParsedFeed(title=None, stories=[], error="malformed XML: nested too deeply")
    except Exception as exc:  # feedparser raises on e.g. &#x110000; and &#xD800;
        log.debug("feed parse failed", exc_info=True)
        return ParsedFeed(title=None, stories=[], error=f"malformed XML: {exc}")


def _parse(body: bytes, base_url: str | None, max_items: int) -> ParsedFeed:
    if not isinstance(body, bytes | bytearray | memoryview):
        return ParsedFeed(title=None, stories=[], error="body is not bytes")
    data = bytes(body)
    if not data.strip():
        return ParsedFeed(title=None, stories=[], error="empty response body")
    data = defuse_people(strip_doctype(to_ascii_compatible(data)))
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not parsed.get("version") and not entries:
        return ParsedFeed(title=None, stories=[], error=_not_a_feed(data, parsed))
    if parsed.get("bozo"):
        log.debug("feed parsed leniently: %s", parsed.get("bozo_exception"))

    feed = parsed.get("feed") or {}
    title_raw = feed.get("title")
    feed_title = (
        one_line(_detail_text(title_raw, feed.get("title_detail"))) or None
        if isinstance(title_raw, str)
        else None
    )
    base = _safe_link(base_url, None) or _safe_link(feed.get("link"), None)
    lang = _language(feed)
    now = datetime.now(UTC)

    fields = [_story_fields(e, base, lang, now) for e in entries[: max(0, max_items)]]
    # An item with no headline, no text and no link tells a reader nothing.
    fields = [f for f in fields if f["title"] or f["url"] or f["body"]]
    keys = story_keys(
        [f["guid"] for f in fields],
        [f["url"] for f in fields],
        [f["title"] for f in fields],
        [f["published"] for f in fields],
    )
    stories: list[Story] = []
    seen: set[str] = set()
    for key, f in zip(keys, fields, strict=True):
        if key in seen:  # the same link listed twice is one story
            continue
        seen.add(key)
        del f["guid"]
        stories.append(Story(key=key, **f))
    return ParsedFeed(
        title=shorten(feed_title, _MAX_TITLE) if feed_title else None, stories=stories
    )
