"""Discord's rate limits for the stand-in: per-route buckets and the global limit.

Modelled on what Discord documents and discord.py reads:

- Each route has a bucket per major parameter (the channel of `POST
  /channels/{id}/messages`: 5 messages per 5 s in each channel). A bucket is a fixed
  window that opens with its first request and resets `per` seconds later.
- Every answer on a limited route carries `X-RateLimit-Limit`, `-Remaining`, `-Reset`
  (Unix time), `-Reset-After` (seconds) and `-Bucket` (the route's hash, the same for
  every channel, as Discord sends it); discord.py needs Reset-After beside Remaining.
- Over a bucket: 429 with `X-RateLimit-Scope: user`; over the global limit (50
  requests a second for a bot, interaction routes exempt): 429 with
  `X-RateLimit-Global: true` and `X-RateLimit-Scope: global`. Both have a JSON body
  `{"message", "retry_after", "global"}` and a `Via` header: without them discord.py
  takes a 429 for a Cloudflare ban and raises instead of waiting and retrying.
- A refused request uses up nothing: it was never carried out.

Pure logic with injectable clocks, so it is unit-tested without sleeping; the stand-in
calls `check` before handling a request and sends what it says.
"""

from __future__ import annotations

import hashlib
import math
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

GLOBAL_LIMIT = 50
GLOBAL_PER_S = 1.0
ROUTE = "user"
"""`X-RateLimit-Scope` of a 429 from a route's bucket (Discord's name for it)."""
GLOBAL = "global"


@dataclass(frozen=True, slots=True)
class RouteRule:
    """Requests matching `method` and `pattern` share a bucket per major parameter
    (the pattern's first group): `limit` requests per `per` seconds."""

    name: str
    method: str
    pattern: re.Pattern[str]
    limit: int
    per: float

    @property
    def bucket_hash(self) -> str:
        return hashlib.sha1(self.name.encode()).hexdigest()[:16]


def rule(name: str, method: str, pattern: str, limit: int, per: float) -> RouteRule:
    return RouteRule(name, method, re.compile(pattern), limit, per)


# 5 per 5 s for a channel's messages, as Discord documents it; a forum post (a thread
# with its first message) is taken to be limited alike. Other routes only count
# against the global limit here.
DISCORD_ROUTES: tuple[RouteRule, ...] = (
    rule("channel-messages", "POST", r"^/api/v10/channels/(\d+)/messages$", 5, 5.0),
    rule("forum-posts", "POST", r"^/api/v10/channels/(\d+)/threads$", 5, 5.0),
)
EXEMPT_FROM_GLOBAL = re.compile(r"^/api/v10/(interactions|webhooks)/")
"""Interaction answers and followups are not bound by the bot's global limit."""


@dataclass(slots=True)
class Window:
    """A fixed window: opens with its first request, allows `limit` until it resets."""

    limit: int
    per: float
    used: int = 0
    resets_at: float = 0.0

    def roll(self, now: float) -> None:
        if now >= self.resets_at:
            self.used = 0
            self.resets_at = now + self.per

    def take(self, now: float) -> bool:
        self.roll(now)
        if self.used >= self.limit:
            return False
        self.used += 1
        return True

    def remaining(self) -> int:
        return max(self.limit - self.used, 0)

    def reset_after(self, now: float) -> float:
        return max(self.resets_at - now, 0.0)


@dataclass(frozen=True, slots=True)
class Verdict:
    """The limiter's word on a request: carry it out (`refused` is None) and add
    `headers` to its answer, or answer 429 with `body` and `headers` instead."""

    headers: dict[str, str]
    refused: str | None = None
    """None, or the scope of the 429: ROUTE or GLOBAL."""
    body: dict[str, Any] | None = None

    @property
    def status(self) -> int:
        return 200 if self.refused is None else 429


@dataclass
class RateLimiter:
    """Discord's limits. `counts` holds how many requests were allowed ("allowed") and
    how many were refused per scope (ROUTE, GLOBAL)."""

    routes: tuple[RouteRule, ...] = DISCORD_ROUTES
    global_limit: int = GLOBAL_LIMIT
    global_per: float = GLOBAL_PER_S
    clock: Callable[[], float] = time.monotonic
    wall_clock: Callable[[], float] = time.time
    counts: Counter[str] = field(default_factory=Counter)
    _buckets: dict[tuple[str, str], Window] = field(default_factory=dict)
    _global: Window = field(init=False)

    def __post_init__(self) -> None:
        self._global = Window(self.global_limit, self.global_per)

    def set_global(self, limit: int, per: float = GLOBAL_PER_S) -> None:
        """Another global limit from now on (a tighter one makes global 429s certain)."""
        self.global_limit, self.global_per = limit, per
        self._global = Window(limit, per)

    @property
    def refused(self) -> int:
        """Every 429 sent, whatever its scope."""
        return self.counts[ROUTE] + self.counts[GLOBAL]

    def check(self, method: str, path: str) -> Verdict:
        """Take one request out of its bucket and the global window, or refuse it."""
        now = self.clock()
        found = self._bucket(method, path)
        if found is not None:
            route, bucket = found
            bucket.roll(now)
            if bucket.remaining() == 0:
                return self._refuse(ROUTE, bucket.reset_after(now), self._headers(route, bucket))
        if not EXEMPT_FROM_GLOBAL.match(path) and not self._global.take(now):
            retry_after = self._global.reset_after(now)
            return self._refuse(GLOBAL, retry_after, {"X-RateLimit-Global": "true"})
        self.counts["allowed"] += 1
        if found is None:
            return Verdict(headers={})
        route, bucket = found
        bucket.take(now)
        return Verdict(headers=self._headers(route, bucket))

    def _bucket(self, method: str, path: str) -> tuple[RouteRule, Window] | None:
        for route in self.routes:
            if route.method != method:
                continue
            match = route.pattern.match(path)
            if match is None:
                continue
            major = match.group(1) if match.groups() else ""
            key = (route.name, major)
            bucket = self._buckets.get(key)
            if bucket is None:
                bucket = self._buckets[key] = Window(route.limit, route.per)
            return route, bucket
        return None

    def _headers(self, route: RouteRule, bucket: Window) -> dict[str, str]:
        reset_after = bucket.reset_after(self.clock())
        return {
            "X-RateLimit-Limit": str(route.limit),
            "X-RateLimit-Remaining": str(bucket.remaining()),
            "X-RateLimit-Reset": f"{self.wall_clock() + reset_after:.3f}",
            "X-RateLimit-Reset-After": f"{reset_after:.3f}",
            "X-RateLimit-Bucket": route.bucket_hash,
        }

    def _refuse(self, scope: str, retry_after: float, headers: dict[str, str]) -> Verdict:
        self.counts[scope] += 1
        # A retry_after of 0 would have discord.py retry at once into the same window.
        retry_after = max(round(retry_after, 3), 0.001)
        return Verdict(
            headers={
                **headers,
                "X-RateLimit-Scope": scope,
                "Retry-After": str(math.ceil(retry_after)),
                # discord.py retries a 429 only when it came through Discord's proxy.
                "Via": "1.1 google",
            },
            refused=scope,
            body={
                "message": "You are being rate limited.",
                "retry_after": retry_after,
                "global": scope == GLOBAL,
            },
        )
