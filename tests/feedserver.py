"""A local feed server for tests anywhere in the project.

    async with FeedServer(host="127.0.0.1") as server:
        url = server.publish("/feed.xml", body)          # serves body, ETag, Last-Modified
        ...fetch url...
        assert server.requests[-1].headers["If-None-Match"] == ...

`publish(path, body, content_type=..., etag=True, last_modified=True, gzip=False,
status=200, headers=None)` sets or replaces what a path serves (304 when the request's
If-None-Match / If-Modified-Since match); `requests` records (path, headers) of every
request; `max_in_flight` is the highest number of requests handled at once.

Hostile routes are built in (all under /_/):

    /_/redirect/{n}?delay=0      chain of n redirects ending at a small valid feed
                                 (each hop waits `delay` seconds first)
    /_/redirect-to?url=U&status=302   one redirect to U
    /_/gzip-bomb?size=N          N zero bytes gzip-compressed, streamed (default 1 GiB)
    /_/huge?size=N&length=1      N bytes of body, chunked (or with Content-Length if length=1)
    /_/endless                   a body that never ends
    /_/drip?interval=1&count=600 one byte per interval
    /_/slow?delay=5              a small valid feed after a delay
    /_/status/{code}?retry_after=V   that status, with Retry-After: V if given

`extra_hosts` makes the same app listen on more loopback addresses (each on its own
port; `server.url(path, host=...)` picks one). Only loopback addresses are accepted.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip as gzip_module
import hashlib
import ipaddress
import zlib
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from typing import NamedTuple, Self

from aiohttp import web
from multidict import CIMultiDict, CIMultiDictProxy

SMALL_FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Local test feed</title>
<link>https://example.org/</link><description>test</description>
<item><title>Small feed item</title><link>https://example.org/small</link>
<guid>small-1</guid><pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate>
<description>A short item.</description></item>
</channel></rss>
"""

_CHUNK = 64 * 1024


class RecordedRequest(NamedTuple):
    path: str
    headers: CIMultiDictProxy[str]


class _Published(NamedTuple):
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None
    gzip: bool = False
    status: int = 200
    headers: dict[str, str] = {}  # noqa: RUF012 - never mutated


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


class FeedServer:
    def __init__(self, host: str = "127.0.0.1", *, extra_hosts: Sequence[str] = ()) -> None:
        hosts = [host, *extra_hosts]
        for h in hosts:
            if not _is_loopback(h):
                raise ValueError(f"FeedServer only listens on loopback, not {h!r}")
        self.host = host
        self._hosts = hosts
        self._ports: dict[str, int] = {}
        self._published: dict[str, _Published] = {}
        self.requests: list[RecordedRequest] = []
        self.in_flight = 0
        """Requests being handled right now (a concurrency probe for tests)."""
        self.max_in_flight = 0
        self._runner: web.AppRunner | None = None

    # -- lifecycle ---------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application(middlewares=[self._record])
        app.router.add_get("/_/redirect/{n}", self._redirect_chain)
        app.router.add_get("/_/redirect-to", self._redirect_to)
        app.router.add_get("/_/gzip-bomb", self._gzip_bomb)
        app.router.add_get("/_/huge", self._huge)
        app.router.add_get("/_/endless", self._endless)
        app.router.add_get("/_/drip", self._drip)
        app.router.add_get("/_/slow", self._slow)
        app.router.add_get("/_/status/{code}", self._status)
        app.router.add_get("/{path:.*}", self._serve_published)
        # Short shutdown: endless handlers must not hold up test teardown.
        self._runner = web.AppRunner(app, shutdown_timeout=0.5, handler_cancellation=True)
        await self._runner.setup()
        for h in self._hosts:
            await web.TCPSite(self._runner, h, 0).start()
            # Sites are listed in the order they started: the last is this one.
            self._ports[h] = self._runner.addresses[-1][1]

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # -- API ---------------------------------------------------------------------

    def port(self, host: str | None = None) -> int:
        return self._ports[host or self.host]

    def url(self, path: str = "/", host: str | None = None) -> str:
        h = host or self.host
        shown = f"[{h}]" if ":" in h else h
        if not path.startswith("/"):
            path = "/" + path
        return f"http://{shown}:{self._ports[h]}{path}"

    def publish(
        self,
        path: str,
        body: bytes,
        content_type: str = "application/rss+xml; charset=utf-8",
        etag: bool = True,
        last_modified: bool = True,
        gzip: bool = False,
        status: int = 200,
        headers: Mapping[str, str] | None = None,
    ) -> str:
        """Serve `body` at `path` (replacing what was there); returns its URL.

        With `gzip`, the body is sent with Content-Encoding: gzip. A `status` other
        than 200 is answered as is (no validators, no 304), with extra `headers`."""
        ok = status == 200
        tag = f'"{hashlib.sha1(body).hexdigest()[:16]}"' if etag and ok else None
        modified = format_datetime(datetime.now(UTC), usegmt=True) if last_modified and ok else None
        self._published[path] = _Published(
            body, content_type, tag, modified, gzip, status, dict(headers or {})
        )
        return self.url(path)

    def unpublish(self, path: str) -> None:
        self._published.pop(path, None)

    def requests_for(self, path: str) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path == path]

    # -- handlers ----------------------------------------------------------------

    @web.middleware
    async def _record(self, request: web.Request, handler: web.Handler) -> web.StreamResponse:
        headers = CIMultiDictProxy(CIMultiDict(request.headers))
        self.requests.append(RecordedRequest(request.path, headers))
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            return await handler(request)
        finally:
            self.in_flight -= 1

    async def _serve_published(self, request: web.Request) -> web.StreamResponse:
        item = self._published.get(request.path)
        if item is None:
            raise web.HTTPNotFound()
        headers: dict[str, str] = dict(item.headers)
        if item.etag:
            headers["ETag"] = item.etag
        if item.last_modified:
            headers["Last-Modified"] = item.last_modified
        if item.status == 200 and self._not_modified(request, item):
            return web.Response(status=304, headers=headers)
        headers["Content-Type"] = item.content_type
        if item.gzip:
            headers["Content-Encoding"] = "gzip"
            return web.Response(
                status=item.status, body=gzip_module.compress(item.body), headers=headers
            )
        return web.Response(status=item.status, body=item.body, headers=headers)

    @staticmethod
    def _not_modified(request: web.Request, item: _Published) -> bool:
        inm = request.headers.get("If-None-Match")
        if inm is not None:
            tags = {t.strip() for t in inm.split(",")}
            return item.etag is not None and (item.etag in tags or "*" in tags)
        ims = request.headers.get("If-Modified-Since")
        if ims and item.last_modified:
            with contextlib.suppress(TypeError, ValueError):
                return parsedate_to_datetime(item.last_modified) <= parsedate_to_datetime(ims)
        return False

    async def _redirect_chain(self, request: web.Request) -> web.StreamResponse:
        n = int(request.match_info["n"])
        delay = float(request.query.get("delay", "0"))
        if delay:
            await asyncio.sleep(delay)
        if n <= 0:
            return web.Response(body=SMALL_FEED, content_type="application/rss+xml")
        query = f"?{request.query_string}" if request.query_string else ""
        raise web.HTTPFound(f"/_/redirect/{n - 1}{query}")

    async def _redirect_to(self, request: web.Request) -> web.StreamResponse:
        status = int(request.query.get("status", "302"))
        return web.Response(status=status, headers={"Location": request.query["url"]})

    async def _gzip_bomb(self, request: web.Request) -> web.StreamResponse:
        size = int(request.query.get("size", str(2**30)))
        resp = web.StreamResponse(
            headers={"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"}
        )
        await resp.prepare(request)
        compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: gzip container
        block = bytes(2**20)
        with contextlib.suppress(ConnectionError):
            await resp.write(compressor.compress(b'<?xml version="1.0"?><rss><channel><title>'))
            sent = 0
            while sent < size:
                part = block[: min(len(block), size - sent)]
                await resp.write(compressor.compress(part) + compressor.flush(zlib.Z_SYNC_FLUSH))
                sent += len(part)
                # Small writes never block, so yield: the client may share this loop.
                await asyncio.sleep(0)
            await resp.write(compressor.flush())
            await resp.write_eof()
        return resp

    async def _stream(
        self, request: web.Request, size: int | None, length: bool
    ) -> web.StreamResponse:
        resp = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        if length and size is not None:
            resp.content_length = size
        await resp.prepare(request)
        block = b"x" * _CHUNK
        sent = 0
        with contextlib.suppress(ConnectionError):
            while size is None or sent < size:
                part = block if size is None else block[: min(_CHUNK, size - sent)]
                await resp.write(part)
                sent += len(part)
                await asyncio.sleep(0)
            await resp.write_eof()
        return resp

    async def _huge(self, request: web.Request) -> web.StreamResponse:
        size = int(request.query.get("size", str(100 * 2**20)))
        return await self._stream(request, size, request.query.get("length") == "1")

    async def _endless(self, request: web.Request) -> web.StreamResponse:
        return await self._stream(request, None, False)

    async def _drip(self, request: web.Request) -> web.StreamResponse:
        interval = float(request.query.get("interval", "1"))
        count = int(request.query.get("count", "600"))
        resp = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        await resp.prepare(request)
        with contextlib.suppress(ConnectionError):
            for _ in range(count):
                await resp.write(b"<")
                await asyncio.sleep(interval)
            await resp.write_eof()
        return resp

    async def _slow(self, request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(float(request.query.get("delay", "5")))
        return web.Response(body=SMALL_FEED, content_type="application/rss+xml")

    async def _status(self, request: web.Request) -> web.StreamResponse:
        code = int(request.match_info["code"])
        headers = {}
        if "retry_after" in request.query:
            headers["Retry-After"] = request.query["retry_after"]
        return web.Response(status=code, headers=headers, text=f"status {code}\n")
