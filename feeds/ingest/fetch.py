"""Fetch one feed URL with hard limits; never raise for network, HTTP or policy trouble.

Limits (all measured necessities, GUIDE §3): a TOTAL time budget across every redirect
hop (a 1 byte/s drip survives per-read timeouts), a cap on DECODED body bytes counted
while streaming (a 1 GB gzip bomb), at most `max_redirects` hops, each http/https only
and each connected through the session's AddressPolicy (feeds/ingest/netguard.py).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from typing import Literal

import aiohttp
from yarl import URL

from feeds.ingest.netguard import AddressRefusedError

log = logging.getLogger(__name__)

Outcome = Literal["fetched", "not_modified", "failed"]

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRY_AFTER_STATUSES = frozenset({429, 503})
_MAX_RETRY_AFTER = 7 * 24 * 3600.0  # a hostile header must not overflow date arithmetic
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchResult:
    url: str
    final_url: str
    outcome: Outcome
    http_status: int | None = None
    body: bytes | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    retry_after: float | None = None


def describe_size(n: int) -> str:
    """5242880 -> "5 MiB": the cap as a person would say it."""
    for unit, size in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if n >= size and n % size == 0:
            return f"{n // size} {unit}"
    return f"{n} bytes"


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP-date."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    if seconds != seconds:  # NaN
        return None
    return min(max(seconds, 0.0), _MAX_RETRY_AFTER)


class _Failure(Exception):
    """A fetch ended early with a human reason (internal control flow)."""

    def __init__(self, reason: str, status: int | None = None, retry_after: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after


class _HostLimiter:
    """One semaphore per host, dropped again when nobody is using it."""

    def __init__(self, per_host: int) -> None:
        self._per_host = per_host
        self._sems: dict[str, tuple[asyncio.Semaphore, int]] = {}

    @asynccontextmanager
    async def hold(self, host: str) -> AsyncIterator[None]:
        sem, users = self._sems.get(host, (asyncio.Semaphore(self._per_host), 0))
        self._sems[host] = (sem, users + 1)
        try:
            async with sem:
                yield
        finally:
            sem, users = self._sems[host]
            if users <= 1:
                del self._sems[host]
            else:
                self._sems[host] = (sem, users - 1)


def _http_url(raw: str) -> URL:
    """Parse and require http/https with a host, or raise _Failure."""
    try:
        url = URL(raw.strip())
    except (ValueError, TypeError) as exc:
        raise _Failure(f"invalid URL: {raw!r} ({exc})") from None
    if url.scheme not in ("http", "https"):
        raise _Failure(f"not http/https: {raw}")
    if not url.host:
        raise _Failure(f"invalid URL (no host): {raw}")
    return url


@dataclass
class _Budget:
    """Network time allowed for one fetch, across all its redirect hops."""

    total: float
    spent: float = 0.0


class _Redirect(Exception):
    """A hop answered with a redirect to `location` (internal control flow)."""

    def __init__(self, location: URL) -> None:
        super().__init__(str(location))
        self.location = location


def _describe_client_error(exc: BaseException, url: URL) -> str:
    """A specific, human reason for an aiohttp/OS failure on one hop."""
    where = f"{url.host}:{url.port}" if url.port else str(url.host)
    if isinstance(exc, AddressRefusedError):
        return str(exc)
    if isinstance(exc, aiohttp.ClientConnectorCertificateError):
        return f"TLS certificate error for {url.host}: {exc.certificate_error}"
    if isinstance(exc, aiohttp.ClientSSLError):
        return f"TLS error for {url.host}: {exc.os_error}"
    dns_error = getattr(aiohttp, "ClientConnectorDNSError", None)
    if dns_error is not None and isinstance(exc, dns_error):
        return f"cannot resolve host {url.host}"
    if isinstance(exc, aiohttp.ClientConnectorError):
        os_error = exc.os_error
        detail = os_error.strerror or str(os_error) or type(os_error).__name__
        return f"cannot connect to {where}: {detail}"
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return f"{where} closed the connection before answering"
    if isinstance(exc, aiohttp.ClientPayloadError):
        return f"broken response body: {exc}"
    if isinstance(exc, aiohttp.ClientResponseError):
        return f"bad HTTP response from {where}: {exc.message}"
    if isinstance(exc, aiohttp.InvalidURL):
        return f"invalid URL: {exc}"
    if isinstance(exc, aiohttp.ClientError):
        return f"HTTP error from {where}: {type(exc).__name__}: {exc}"
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
    return f"network error with {where}: {detail}"


def _clip(text: str, limit: int = 300) -> str:
    """One line, bounded: reasons quote server-controlled bytes and end up in
    logs and in Discord replies to moderators."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _status_reason(status: int, reason: str | None) -> str:
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        # A hostile reason phrase is server-controlled text: keep it short.
        phrase = (reason or "").strip()[:60]
    return f"HTTP {status} {phrase}".rstrip()


class Fetcher:
    """Fetches feeds through a session made by `feeds.netguard.new_session`."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        *,
        timeout: float = 20,
        max_bytes: int = 5 * 2**20,
        max_redirects: int = 5,
        concurrency: int = 20,
        per_host: int = 2,
    ) -> None:
        self._session = session
        self._timeout = timeout
        self._max_bytes = max_bytes
        self._max_redirects = max_redirects
        self._all = asyncio.Semaphore(concurrency)
        self._hosts = _HostLimiter(per_host)

    async def fetch(
        self, url: str, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        """GET `url` (conditionally when etag/last_modified are given), following
        redirects. Only CancelledError escapes; every other problem is a "failed"
        result with a specific reason in `error`."""
        current = url
        started = time.monotonic()
        try:
            target = _http_url(url)
            current = str(target)
            headers: dict[str, str] = {}
            # Sent on every hop: after a permanent redirect the validators we hold
            # came from the final URL.
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            budget = _Budget(self._timeout)
            redirects = 0
            while True:
                try:
                    result = await self._hop(url, target, headers, etag, last_modified, budget)
                except _Redirect as r:
                    redirects += 1
                    if redirects > self._max_redirects:
                        raise _Failure(
                            f"too many redirects (more than {self._max_redirects})"
                        ) from None
                    target = _http_url(str(r.location))
                    current = str(target)
                    continue
                log.debug(
                    "fetched %s: %s %s in %.2f s",
                    url,
                    result.outcome,
                    result.http_status,
                    time.monotonic() - started,
                )
                return result
        except _Failure as f:
            log.debug("fetch %s failed: %s", url, f.reason)
            return FetchResult(
                url=url,
                final_url=current,
                outcome="failed",
                http_status=f.status,
                error=_clip(f.reason),
                retry_after=f.retry_after,
            )
        except Exception as exc:  # a bug or an aiohttp surprise must not kill the poller
            log.exception("unexpected error fetching %s", url)
            return FetchResult(
                url=url,
                final_url=current,
                outcome="failed",
                error=_clip(f"unexpected error: {type(exc).__name__}: {exc}"),
            )

    async def _hop(
        self,
        url: str,
        target: URL,
        headers: dict[str, str],
        etag: str | None,
        last_modified: str | None,
        budget: _Budget,
    ) -> FetchResult:
        """One request under the per-host and global limits and the remaining budget.

        Limits are taken per hop (host first, then global) and released between
        hops, so no task holds one slot while waiting for another. Time queued for
        a slot is not charged to the budget: only time on the network is.
        """
        loop = asyncio.get_running_loop()
        async with self._hosts.hold(target.host or ""), self._all:
            remaining = budget.total - budget.spent
            start = loop.time()
            try:
                if remaining <= 0:
                    raise TimeoutError
                async with asyncio.timeout(remaining):
                    result = await self._request(url, target, headers, etag, last_modified)
            except TimeoutError:
                raise _Failure(f"timed out after {self._timeout:g} s") from None
            except (_Failure, _Redirect):
                raise
            except (aiohttp.ClientError, OSError) as exc:
                raise _Failure(_describe_client_error(exc, target)) from None
            finally:
                budget.spent += loop.time() - start
        return result

    async def _request(
        self,
        url: str,
        target: URL,
        headers: dict[str, str],
        etag: str | None,
        last_modified: str | None,
    ) -> FetchResult:
        async with self._session.get(
            target,
            headers=headers,
            allow_redirects=False,
            # Our asyncio.timeout is the only clock; aiohttp's would cut hops early
            # with a less accurate message.
            timeout=aiohttp.ClientTimeout(),
        ) as resp:
            status = resp.status
            if status in _REDIRECTS:
                location = resp.headers.get("Location")
                if not location:
                    raise _Failure(f"HTTP {status} redirect without a Location", status)
                try:
                    nxt = target.join(URL(location.strip()))
                except (ValueError, TypeError):
                    raise _Failure(
                        f"invalid redirect Location: {location[:200]!r}", status
                    ) from None
                raise _Redirect(nxt)
            new_etag = resp.headers.get("ETag")
            new_modified = resp.headers.get("Last-Modified")
            if status == 304:
                return FetchResult(
                    url=url,
                    final_url=str(target),
                    outcome="not_modified",
                    http_status=status,
                    etag=new_etag or etag,
                    last_modified=new_modified or last_modified,
                )
            if not 200 <= status < 300:
                retry_after = None
                if status in _RETRY_AFTER_STATUSES:
                    retry_after = parse_retry_after(resp.headers.get("Retry-After"))
                raise _Failure(_status_reason(status, resp.reason), status, retry_after)
            body = await self._read_capped(resp)
            return FetchResult(
                url=url,
                final_url=str(target),
                outcome="fetched",
                http_status=status,
                body=body,
                etag=new_etag,
                last_modified=new_modified,
            )

    async def _read_capped(self, resp: aiohttp.ClientResponse) -> bytes:
        """The decoded body, or _Failure as soon as it passes max_bytes."""
        too_big = f"body larger than {describe_size(self._max_bytes)}"
        encoding = resp.headers.get("Content-Encoding", "").strip().lower()
        declared = resp.content_length
        if encoding in ("", "identity") and declared is not None and declared > self._max_bytes:
            resp.close()
            raise _Failure(too_big, resp.status)
        chunks: list[bytes] = []
        total = 0
        # aiohttp decompresses incrementally, so these are decoded bytes arriving in
        # bounded pieces: counting them stops a gzip bomb at the cap.
        async for chunk in resp.content.iter_chunked(_CHUNK):
            total += len(chunk)
            if total > self._max_bytes:
                resp.close()  # drop the connection rather than drain the rest
                raise _Failure(too_big, resp.status)
            chunks.append(chunk)
        return b"".join(chunks)
