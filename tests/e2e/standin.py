"""A local stand-in for Discord: the REST routes the bot uses and a websocket gateway.

The real, unmodified discord.py client runs against it over real sockets (point
`discord.http.Route.BASE` and `DiscordWebSocket.DEFAULT_GATEWAY` at `api_url` and
`gateway_url`; the bot does it from DOMESTIQUE_DISCORD_API_URL and
DOMESTIQUE_DISCORD_GATEWAY_URL). Every REST request is recorded; payloads over
Discord's limits are refused with 400 as Discord would (and listed in `refused`).
Tests inject INTERACTION_CREATE events (`slash`, `autocomplete`, `click`) and await
the bot's answer (`answer`, `final`). Faults on demand: a 429 with `retry_after`
(per route or global), a 5xx or 403 (optionally after carrying the request out, as when
an answer is lost), a connection closed without an answer (`drop`), any of these for a
stretch of time (`fail_for`) rather than N times, a gateway RECONNECT, a dropped socket,
a refused RESUME. Sharding as Discord does it: `GET /gateway/bot` recommends
`shards`, an IDENTIFY with `shard: [id, count]` receives only that shard's servers, and
an interaction goes to the connection of its server's shard (DMs: shard 0). Opt-in
(`rate_limits=True`): Discord's per-route and global rate limits, with the headers and
429s discord.py reads (tests/e2e/ratelimits.py).

Two servers: "Peloton" (a text channel, a thread, a forum with tags, a channel where the
bot may not embed links, a system channel, a mentionable role) and "Gruppetto". The
bot's own member and roles come in GUILD_CREATE, so permissions are computed as on
Discord. Delivery routes: DM channels (`POST /users/@me/channels`), forum posts
(`POST /channels/{forum}/threads`, listed by `GET /guilds/{guild}/threads/active`, each
starter message readable at `GET /channels/{thread}/messages/{thread}`, the same id as
on Discord), threads started in a text channel (`POST /channels/{channel}/threads` with
no message; archived, locked or renamed by `PATCH /channels/{thread}`, unarchived by a
message, listed while active) and channel messages, where a repeated nonce with
`enforce_nonce` returns the message already created (for `nonce_window_s`, when set, as
Discord does for a few minutes); `GET /channels/{id}/messages` lists a channel's latest.
Any channel id and any user's DM channel are served (`channel_messages` lists what was
created in each), so load tests can post to many targets.

Standalone, for driving `domestique run` from another process::

    python -m tests.e2e.standin --port 8765 [--token TOKEN] [--channels N] [--rate-limits]

prints the two settings to export and a CONTROL_URL serving:

    GET  /_standin/state         connected, identifies, resumes, synced commands
    GET  /_standin/requests      every REST request recorded
    POST /_standin/slash         {"name": "rider", "options": {"name": "pogi"}}
                                 -> {"message": what the user sees, "answers": [...]}
    POST /_standin/autocomplete  {"name": "rider", "focused": "name", "value": "pogi"}
                                 -> {"choices": [...]}
    POST /_standin/click         {"interaction_id": a slash's id, "label": "Older"}
                                 -> {"message": the page after the click}
    POST /_standin/reconnect     send op 7 RECONNECT
    POST /_standin/drop          close the gateway socket under the bot
    POST /_standin/fail          {"path_part": "/callback", "status": 429, "times": 1,
                                  "retry_after": 0.2, "after": false, "drop": false,
                                  "seconds": null (a stretch of time instead of times)}
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import logging
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import WSMsgType, web

from tests.e2e.ratelimits import RateLimiter

log = logging.getLogger(__name__)

APP_ID = 1100000000000000001  # a bot's user id is its application id
GUILD_ID = 1200000000000000001
CHANNEL_ID = 1300000000000000001
DM_CHANNEL_ID = 1300000000000000002
USER_ID = 1400000000000000001
OTHER_USER_ID = 1400000000000000002
OWNER_ID = 1400000000000000009
MOD_USER_ID = 1400000000000000003
# Delivery targets: a forum with tags, a channel where the bot may not embed links, a
# channel for moderators' reports, a role to mention, and a second server.
FORUM_ID = 1300000000000000011
NO_EMBED_CHANNEL_ID = 1300000000000000012
LOG_CHANNEL_ID = 1300000000000000013
THREAD_ID = 1300000000000000014
ROLE_ID = 1500000000000000001
BOT_ROLE_ID = 1500000000000000002
FORUM_TAGS = {"1600000000000000001": "Astana Qazaqstan", "1600000000000000002": "Mark Cavendish"}
GUILD2_ID = 1200000000000000002
GUILD2_CHANNEL_ID = 1300000000000000021
EXTRA_CHANNEL_BASE = 1300000000000100000
"""`extra_channels` text channels in "Peloton" have ids EXTRA_CHANNEL_BASE + 1, + 2, ..."""
MODERATOR = 0x20 | 0x80000 | 0x800 | 0x400 | 0x4000 | 0x80000000  # Manage Server and more
MEMBER = 0x80000 | 0x800 | 0x400 | 0x4000 | 0x80000000
# View, send, embed, read history, send in threads, create public threads (race-day
# threads): what the README asks to grant.
BOT_PERMISSIONS = 0x400 | 0x800 | 0x4000 | 0x10000 | (1 << 38) | (1 << 35)

# Discord's interaction callback types (the bot's answer to an interaction).
CHANNEL_MESSAGE = 4
DEFERRED_CHANNEL_MESSAGE = 5
DEFERRED_UPDATE_MESSAGE = 6
UPDATE_MESSAGE = 7
AUTOCOMPLETE_RESULT = 8
EPHEMERAL = 1 << 6
ARCHIVE_DURATIONS = (60, 1440, 4320, 10080)
"""The thread auto-archive durations (minutes) Discord accepts."""

DISCORD_EPOCH_MS = 1420070400000
_sequence = itertools.count()


def snowflake() -> str:
    """A Discord-shaped id: its creation time (discord.py reads it) and a counter."""
    now_ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
    return str((now_ms << 22) | (next(_sequence) & 0x3FFFFF))


def _now_iso() -> str:
    return datetime.now(UTC).isoformat()


def user_payload(user_id: int, name: str, *, bot: bool = False) -> dict[str, Any]:
    return {
        "id": str(user_id),
        "username": name,
        "global_name": name,
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
        "flags": 0,
        "public_flags": 0,
    }


BOT_USER = user_payload(APP_ID, "Domestique", bot=True)


@dataclass(slots=True)
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    body: Any
    at: float
    status: int = 200

    @property
    def json(self) -> dict[str, Any]:
        return self.body if isinstance(self.body, dict) else {}


_RECORD = web.RequestKey("record", Recorded)


@dataclass(slots=True)
class Fault:
    """Answer the next `times` requests whose path contains `path_part` with an error.

    With `after`, the request is carried out first and its answer then lost (the error
    is sent instead), as when Discord created a message but the reply never arrived.
    With `drop`, the connection is closed with no answer at all (recorded as status 0).
    With `until` (a `time.monotonic()` moment), every matching request until then fails,
    however many there are."""

    path_part: str
    status: int
    times: int = 1
    retry_after: float = 0.2
    is_global: bool = False
    after: bool = False
    drop: bool = False
    until: float | None = None


@dataclass(frozen=True, slots=True)
class ChannelRef:
    """A channel option in `slash` (type 7, with its resolved data)."""

    id: int


@dataclass(frozen=True, slots=True)
class RoleRef:
    """A role option in `slash` (type 8, with its resolved data)."""

    id: int


@dataclass(slots=True)
class Interaction:
    """One injected interaction and what the bot answered to it."""

    id: str
    token: str
    kind: int
    answers: list[Recorded] = field(default_factory=list)
    message: dict[str, Any] | None = None
    """The message the bot's answer created or last edited (for clicking its buttons)."""
    source: dict[str, Any] | None = None
    """For a button press: the message the button is on."""
    shard: tuple[int, int] | None = None
    """The gateway shard it was sent on ([id, count]; None: an unsharded connection)."""


class _Conn:
    def __init__(self, ws: web.WebSocketResponse) -> None:
        self.ws = ws
        self.session_id: str | None = None
        self.closed = asyncio.Event()
        self.shard: tuple[int, int] | None = None
        """[shard_id, shard_count] from IDENTIFY; None: an unsharded connection (all)."""

    def serves(self, guild_id: int | None) -> bool:
        """Discord's routing: a server's events on shard (guild_id >> 22) % count, DMs
        on shard 0."""
        if self.shard is None:
            return True
        shard_id, count = self.shard
        return (0 if guild_id is None else (guild_id >> 22) % count) == shard_id


class DiscordStandIn:
    def __init__(
        self,
        *,
        heartbeat_ms: int = 1000,
        token: str | None = None,
        extra_channels: int = 0,
        rate_limits: bool | RateLimiter = False,
        nonce_window_s: float | None = None,
        shards: int = 1,
    ) -> None:
        self.heartbeat_ms = heartbeat_ms
        self.shards = shards
        """The shard count `GET /gateway/bot` recommends."""
        self.nonce_window_s = nonce_window_s
        """How long a nonce is remembered ("the past few minutes" on Discord); None: always."""
        self.token = token
        """When set, REST requests must carry `Authorization: Bot <token>` (else 401)."""
        self.extra_channels = extra_channels
        """More text channels in "Peloton" the bot can post in (see `extra_channel_ids`)."""
        self.rate_limiter = RateLimiter() if rate_limits is True else (rate_limits or None)
        """Discord's per-route and global limits with real 429s (tests/e2e/ratelimits.py)."""
        self.requests: list[Recorded] = []
        self.gateway_ops: list[dict[str, Any]] = []
        self.identifies = 0
        self.resumes = 0
        self.global_commands: list[dict[str, Any]] = []
        self.guild_commands: dict[str, list[dict[str, Any]]] = {}
        self.faults: list[Fault] = []
        self._sources: dict[str, dict[str, Any]] = {}
        self.refused: list[tuple[Recorded, list[str]]] = []
        """Payloads refused as Discord would (over a length limit); tests assert it stays empty."""
        self.interactions: dict[str, Interaction] = {}
        self.messages: dict[str, dict[str, Any]] = {}
        self.dm_channels: dict[str, str] = {}
        self.deleted_channels: set[str] = set()
        """Channels and threads deleted (`delete_channel`): Discord answers 404 for them."""
        """user id -> DM channel id, created by POST /users/@me/channels."""
        self._nonces: dict[tuple[str, str], tuple[dict[str, Any], float]] = {}
        self._posted: list[str] = []
        self.threads: list[dict[str, Any]] = []
        """Threads created by POST /channels/{id}/threads: forum posts (with their first
        `message`) and threads started without a message in a text channel."""
        self._conns: list[_Conn] = []
        self._seq = 0
        self._session_id = uuid.uuid4().hex
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.host = "127.0.0.1"

    # --- lifecycle -----------------------------------------------------------------------

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> DiscordStandIn:
        app = web.Application(middlewares=[self._middleware])
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/_standin/state", self._control_state)
        app.router.add_get("/_standin/requests", self._control_requests)
        app.router.add_post("/_standin/slash", self._control_slash)
        app.router.add_post("/_standin/autocomplete", self._control_autocomplete)
        app.router.add_post("/_standin/reconnect", self._control_reconnect)
        app.router.add_post("/_standin/drop", self._control_drop)
        app.router.add_post("/_standin/click", self._control_click)
        app.router.add_post("/_standin/fail", self._control_fail)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        server = site._server
        assert server is not None and server.sockets
        self.host, self.port = server.sockets[0].getsockname()[:2]
        return self

    async def close(self) -> None:
        for conn in list(self._conns):
            with contextlib.suppress(Exception):
                await conn.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> DiscordStandIn:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def api_url(self) -> str:
        return f"http://{self.host}:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://{self.host}:{self.port}/gateway"

    # --- waiting ---------------------------------------------------------------------------

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def wait_for(self, predicate: Callable[[], Any], within: float = 10.0) -> Any:
        """Wait until `predicate()` is truthy (checked whenever anything is recorded)."""

        async def check() -> Any:
            async with self._changed:
                while not (result := predicate()):
                    await self._changed.wait()
                return result

        return await asyncio.wait_for(check(), within)

    def find(self, method: str, path_part: str) -> list[Recorded]:
        return [r for r in self.requests if r.method == method and path_part in r.path]

    # --- REST --------------------------------------------------------------------------------

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Callable) -> web.StreamResponse:
        if not request.path.startswith("/api/"):
            return await handler(request)  # the gateway and the control routes
        body: Any = None
        raw = await request.read()
        if raw:
            try:
                body = json.loads(raw)
            except ValueError:
                body = raw.decode("utf-8", "replace")
            if isinstance(body, str) and "payload_json" in body:
                body = _multipart_payload(raw)
        record = Recorded(request.method, request.path, dict(request.query), body, time.monotonic())
        self.requests.append(record)
        request[_RECORD] = record
        limit = self.rate_limiter.check(request.method, request.path) if self.rate_limiter else None
        if limit is not None and limit.refused:
            record.status = 429  # refused before it is carried out, as Discord does
            await self._notify()
            return _json(limit.body, status=429, headers=limit.headers)
        try:
            fault = self._fault(request)
            if fault is not None and fault.after:
                await handler(request)  # done, but the answer is lost
            if fault is not None and fault.drop:
                return await self._drop_connection(request, record)
            response = _fault_response(fault) if fault else await handler(request)
        except web.HTTPException as exc:
            response = exc
        if limit is not None:
            response.headers.update(limit.headers)
        record.status = response.status
        await self._notify()
        return response

    def _fault(self, request: web.Request) -> Fault | None:
        now = time.monotonic()
        for fault in self.faults:
            if fault.path_part not in request.path:
                continue
            if fault.until is not None:
                if now < fault.until:
                    return fault
            elif fault.times > 0:
                fault.times -= 1
                return fault
        return None

    async def _drop_connection(self, request: web.Request, record: Recorded) -> web.Response:
        record.status = 0
        if request.transport is not None:
            request.transport.close()  # the client sees the server disconnect, no status
        await self._notify()
        return web.Response(status=503)  # never reaches the client

    def fail_next(
        self,
        path_part: str,
        status: int = 429,
        *,
        times: int = 1,
        retry_after: float = 0.2,
        is_global: bool = False,
        after: bool = False,
        drop: bool = False,
    ) -> Fault:
        fault = Fault(path_part, status, times, retry_after, is_global, after, drop)
        self.faults.append(fault)
        return fault

    def fail_for(
        self,
        path_part: str,
        seconds: float,
        status: int = 503,
        *,
        after: bool = False,
        drop: bool = False,
    ) -> Fault:
        """Every request whose path contains `path_part` fails for `seconds` from now
        (an outage), with `status` or, with `drop`, a connection closed unanswered."""
        fault = Fault(path_part, status, 0, after=after, drop=drop)
        fault.until = time.monotonic() + seconds
        self.faults.append(fault)
        return fault

    def _authorised(self, request: web.Request) -> bool:
        if self.token is None or "/interactions/" in request.path or "/webhooks/" in request.path:
            return True  # interaction and webhook routes authenticate by their token
        return request.headers.get("Authorization") == f"Bot {self.token}"

    async def _rest(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            return _json({"message": "401: Unauthorized", "code": 0}, status=401)
        tail = request.match_info["tail"]
        parts = tail.split("/")
        method = request.method
        record: Recorded = request[_RECORD]
        body = record.body
        if method == "GET" and tail == "users/@me":
            return _json(BOT_USER)
        if method == "GET" and tail == "oauth2/applications/@me":
            return _json(_application())
        if method == "GET" and tail == "gateway/bot":
            return _json(self._gateway_bot())
        if parts[0] == "applications" and parts[-1] == "commands":
            return self._commands(record, method, parts, body)
        if parts[0] == "interactions" and parts[-1] == "callback":
            return await self._callback(record, parts[1], parts[2], body or {})
        if parts[0] == "webhooks" and len(parts) >= 3:
            return await self._webhook(record, method, parts, body or {})
        if method == "POST" and parts[0] == "channels" and parts[-1] == "messages":
            return self._post_message(record, parts[1], body or {})
        if method == "GET" and parts[0] == "channels" and parts[2:] == ["messages"]:
            # A channel's latest messages, newest first, as Discord lists them.
            limit = int(request.query.get("limit", "50"))
            return _json(self.channel_messages(parts[1])[::-1][:limit])
        if method == "POST" and tail == "users/@me/channels":
            return _json(self._dm_channel(str((body or {}).get("recipient_id"))))
        if parts[0] == "channels" and (parts[-1] == "threads" or len(parts) == 2):
            return self._threads(record, method, parts, body or {})
        if method == "GET" and parts[0] == "guilds" and parts[2:] == ["threads", "active"]:
            active = [
                t
                for t in self.threads
                if t["guild_id"] == parts[1] and not t["thread_metadata"]["archived"]
            ]
            return _json({"threads": [_without_message(t) for t in active], "members": []})
        if method == "GET" and parts[0] == "channels" and parts[2:-1] == ["messages"]:
            message = self.messages.get(parts[3])
            if message is None or message["channel_id"] != parts[1]:
                return _json({"message": "Unknown Message", "code": 10008}, 404)
            return _json(message)
        return _json({"message": f"stand-in has no route {method} /{tail}", "code": 0}, 404)

    def _post_message(
        self, record: Recorded, channel_id: str, body: dict[str, Any]
    ) -> web.Response:
        """POST /channels/{id}/messages, with Discord's nonce rule."""
        if channel_id in self.deleted_channels:
            return _json({"message": "Unknown Channel", "code": 10003}, 404)
        if errors := form_errors(body):
            self.refused.append((record, errors))
            return _invalid(errors)
        nonce = body.get("nonce")
        if nonce and body.get("enforce_nonce"):
            # Discord answers a repeated nonce with the message it already created.
            existing, at = self._nonces.get((channel_id, str(nonce)), (None, 0.0))
            window = self.nonce_window_s
            if existing is not None and (window is None or time.monotonic() - at < window):
                return _json(existing)
        thread = self.thread(channel_id)
        if thread is not None:
            if thread["thread_metadata"]["locked"]:
                return _json({"message": "Thread is locked", "code": 50083}, 400)
            # Discord unarchives a thread that is not locked when a message is sent in it.
            thread["thread_metadata"]["archived"] = False
            thread["message_count"] += 1
        message = self._message(body, channel_id=channel_id)
        self._posted.append(message["id"])
        if nonce:
            self._nonces[(channel_id, str(nonce))] = (message, time.monotonic())
        return _json(message)

    def _commands(self, record: Recorded, method: str, parts: list[str], body: Any) -> web.Response:
        guild = parts[3] if len(parts) > 4 and parts[2] == "guilds" else None
        if method == "PUT":
            if errors := command_errors(body or []):
                self.refused.append((record, errors))
                return _invalid(errors)
            stored = [
                {
                    **command,
                    "id": snowflake(),
                    "application_id": str(APP_ID),
                    "version": snowflake(),
                    "type": command.get("type", 1),
                    "description": command.get("description", ""),
                    "default_member_permissions": command.get("default_member_permissions"),
                    **({"guild_id": guild} if guild else {}),
                }
                for command in (body or [])
            ]
            if guild:
                self.guild_commands[guild] = stored
            else:
                self.global_commands = stored
            return _json(stored)
        if method == "GET":
            return _json(self.guild_commands.get(guild, []) if guild else self.global_commands)
        return _json({"message": "unsupported", "code": 0}, 405)

    async def _callback(
        self, record: Recorded, interaction_id: str, token: str, body: dict
    ) -> web.Response:
        interaction = self.interactions.get(interaction_id)
        if interaction is None or interaction.token != token:
            return _json({"message": "Unknown interaction", "code": 10062}, 404)
        if interaction.answers and interaction.answers[0].path.endswith("/callback"):
            return _json(
                {"message": "Interaction has already been acknowledged.", "code": 40060}, 400
            )
        kind = body.get("type")
        data = body.get("data") or {}
        if errors := form_errors(data):
            self.refused.append((record, errors))
            return _invalid(errors)
        interaction.answers.append(record)
        response: dict[str, Any] = {
            "interaction": {
                "id": interaction_id,
                "type": interaction.kind,
                "response_message_loading": kind == DEFERRED_CHANNEL_MESSAGE,
                "response_message_ephemeral": bool((data.get("flags") or 0) & EPHEMERAL),
            },
            "resource": {"type": kind},
        }
        if kind == UPDATE_MESSAGE and interaction.source is not None:
            # A button's answer edits the message the button is on: same id, new content.
            source = self.messages.get(interaction.source["id"], interaction.source)
            message = self._message(
                {**source, **data}, message_id=source["id"], original_of=interaction_id
            )
            interaction.message = message
            response["interaction"]["response_message_id"] = message["id"]
            response["resource"]["message"] = message
        elif kind in (CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, UPDATE_MESSAGE):
            message = self._message(data, original_of=interaction_id)
            interaction.message = message
            response["interaction"]["response_message_id"] = message["id"]
            response["resource"]["message"] = message
        return _json(response)

    async def _webhook(
        self, record: Recorded, method: str, parts: list[str], body: dict
    ) -> web.Response:
        token = parts[2]
        interaction = next((i for i in self.interactions.values() if i.token == token), None)
        if interaction is None:
            return _json({"message": "Unknown Webhook", "code": 10015}, 404)
        if errors := form_errors(body):
            self.refused.append((record, errors))
            return _invalid(errors)
        interaction.answers.append(record)
        if method == "POST" and len(parts) == 3:
            return _json(self._message(body))
        if len(parts) == 5 and parts[3] == "messages":
            key = interaction.id if parts[4] == "@original" else parts[4]
            existing = self.messages.get(f"original:{key}") or self.messages.get(key)
            if existing is None and interaction.source is not None and parts[4] == "@original":
                # After a button's deferred update, "@original" is the button's message.
                existing = self.messages.get(interaction.source["id"], interaction.source)
            existing = existing or {}
            if method == "DELETE":
                return web.Response(status=204)
            if method == "GET":
                return _json(existing or self._message({}))
            merged = {**existing, **{k: v for k, v in body.items() if v is not None}}
            message = self._message(merged, message_id=existing.get("id"), original_of=key)
            if parts[4] == "@original":
                interaction.message = message
            return _json(message)
        return _json({"message": "unsupported webhook route", "code": 0}, 404)

    def _dm_channel(self, user_id: str) -> dict[str, Any]:
        channel_id = self.dm_channels.setdefault(user_id, snowflake())
        return {
            "id": channel_id,
            "type": 1,
            "last_message_id": None,
            "recipients": [user_payload(int(user_id), f"fan{user_id[-1]}")],
        }

    def _forum_post(self, record: Recorded, forum_id: str, body: dict) -> web.Response:
        first = body.get("message") or {}
        if errors := form_errors(first):
            self.refused.append((record, errors))
            return _invalid(errors)
        name = body.get("name") or ""
        if not 1 <= len(name) <= 100:
            self.refused.append((record, ["thread name must be 1-100 characters"]))
            return _invalid(["thread name must be 1-100 characters"])
        thread_id = snowflake()
        message = self._message(first, channel_id=thread_id, message_id=thread_id)
        thread = {
            "id": thread_id,
            "type": 11,
            "guild_id": str(GUILD_ID),
            "parent_id": forum_id,
            "name": name,
            "owner_id": str(APP_ID),
            "applied_tags": body.get("applied_tags") or [],
            "message_count": 1,
            "member_count": 1,
            "rate_limit_per_user": 0,
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": body.get("auto_archive_duration") or 1440,
                "archive_timestamp": _now_iso(),
                "locked": False,
            },
            "message": message,
        }
        self.threads.append(thread)
        return _json(thread)

    def _threads(self, record: Recorded, method: str, parts: list[str], body: dict) -> web.Response:
        """Starting a thread (a forum post, or a thread in a text channel); editing one."""
        if method == "POST" and parts[-1] == "threads":
            if parts[1] == str(FORUM_ID) or "message" in body:
                return self._forum_post(record, parts[1], body)
            return self._start_thread(record, parts[1], body)
        if method == "PATCH" and len(parts) == 2:
            return self._edit_thread(record, parts[1], body)
        return _json({"message": f"stand-in has no route {method} /{'/'.join(parts)}"}, 404)

    def _start_thread(self, record: Recorded, channel_id: str, body: dict) -> web.Response:
        """POST /channels/{id}/threads with no message: a thread not attached to a message,
        in a text channel (Discord's "Start Thread without Message")."""
        errors = []
        name = body.get("name") or ""
        if not 1 <= len(name) <= 100:
            errors.append("thread name must be 1-100 characters")
        if body.get("type", 12) not in (11, 12):
            errors.append("type must be 11 (public) or 12 (private) in a text channel")
        if body.get("auto_archive_duration", 1440) not in ARCHIVE_DURATIONS:
            errors.append("auto_archive_duration must be 60, 1440, 4320 or 10080")
        if errors:
            self.refused.append((record, errors))
            return _invalid(errors)
        if self.thread(channel_id) is not None or channel_id == str(THREAD_ID):
            # A thread cannot hold a thread.
            return _json(
                {"message": "Cannot execute action on this channel type", "code": 50024}, 400
            )
        try:
            guild_id = str(self.guild_of(channel_id))
        except KeyError:
            guild_id = str(GUILD_ID)  # any channel id is served, as for messages
        thread = {
            "id": snowflake(),
            "type": body.get("type", 12),
            "guild_id": guild_id,
            "parent_id": channel_id,
            "name": name,
            "owner_id": str(APP_ID),
            "last_message_id": None,
            "message_count": 0,
            "member_count": 1,
            "rate_limit_per_user": body.get("rate_limit_per_user") or 0,
            "flags": 0,
            "total_message_sent": 0,
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": body.get("auto_archive_duration") or 1440,
                "archive_timestamp": _now_iso(),
                "locked": False,
                "invitable": bool(body.get("invitable", True)),
                "create_timestamp": _now_iso(),
            },
            "member": {
                "id": None,
                "user_id": str(APP_ID),
                "join_timestamp": _now_iso(),
                "flags": 0,
            },
        }
        self.threads.append(thread)
        return _json(thread)

    def _edit_thread(self, record: Recorded, channel_id: str, body: dict) -> web.Response:
        """PATCH /channels/{thread}: a thread's name, archived, locked, auto-archive."""
        thread = self.thread(channel_id)
        if thread is None:
            return _json({"message": f"stand-in has no route PATCH /channels/{channel_id}"}, 404)
        if (
            "auto_archive_duration" in body
            and body["auto_archive_duration"] not in ARCHIVE_DURATIONS
        ):
            errors = ["auto_archive_duration must be 60, 1440, 4320 or 10080"]
            self.refused.append((record, errors))
            return _invalid(errors)
        if "name" in body:
            thread["name"] = body["name"]
        meta = thread["thread_metadata"]
        for key in ("archived", "locked", "auto_archive_duration"):
            if key in body:
                meta[key] = body[key]
        if "archived" in body:
            meta["archive_timestamp"] = _now_iso()
        return _json(_without_message(thread))

    def delete_channel(self, channel_id: int | str) -> None:
        """A moderator deletes a channel or thread: gone from the thread lists, and every
        later request to it is answered 404 Unknown Channel."""
        self.deleted_channels.add(str(channel_id))
        self.threads = [t for t in self.threads if t["id"] != str(channel_id)]

    def thread(self, thread_id: int | str) -> dict[str, Any] | None:
        """A thread or forum post the bot created, by id."""
        return next((t for t in self.threads if t["id"] == str(thread_id)), None)

    def channel_messages(self, channel_id: int | str) -> list[dict[str, Any]]:
        """Messages the bot posted in a channel with POST /channels/{id}/messages, in order
        (answers to interactions are not among them)."""
        posted = (self.messages[i] for i in self._posted)
        return [m for m in posted if m["channel_id"] == str(channel_id)]

    def _message(
        self,
        data: dict[str, Any],
        *,
        channel_id: str | None = None,
        message_id: str | None = None,
        original_of: str | None = None,
    ) -> dict[str, Any]:
        message = {
            "id": message_id or snowflake(),
            "channel_id": channel_id or str(CHANNEL_ID),
            "guild_id": str(GUILD_ID),
            "author": BOT_USER,
            "content": data.get("content") or "",
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": data.get("embeds") or [],
            "components": data.get("components") or [],
            "pinned": False,
            "type": 20 if original_of else 0,
            "flags": data.get("flags") or 0,
            "application_id": str(APP_ID),
        }
        self.messages[message["id"]] = message
        if original_of is not None:
            self.messages[f"original:{original_of}"] = message
        return message

    # --- gateway -----------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        conn = _Conn(ws)
        self._conns.append(conn)
        try:
            await self._send(conn, {"op": 10, "d": {"heartbeat_interval": self.heartbeat_ms}})
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                payload = json.loads(msg.data)
                self.gateway_ops.append(payload)
                await self._on_op(conn, payload)
                await self._notify()
        finally:
            self._conns.remove(conn)
            conn.closed.set()
            await self._notify()
        return ws

    async def _on_op(self, conn: _Conn, payload: dict[str, Any]) -> None:
        op = payload.get("op")
        if op == 1:
            await self._send(conn, {"op": 11})
        elif op == 2:
            self.identifies += 1
            self._session_id = uuid.uuid4().hex
            conn.session_id = self._session_id
            shard = (payload.get("d") or {}).get("shard")
            conn.shard = (int(shard[0]), int(shard[1])) if shard else None
            self._seq = 0
            await self._dispatch(conn, "READY", self._ready(conn))
            for guild in (self._guild(), self._guild2()):
                if conn.serves(int(guild["id"])):
                    await self._dispatch(conn, "GUILD_CREATE", guild)
        elif op == 6:
            data = payload.get("d") or {}
            if data.get("session_id") != self._session_id:
                await self._send(conn, {"op": 9, "d": False})  # invalid session
                return
            self.resumes += 1
            conn.session_id = self._session_id
            await self._dispatch(conn, "RESUMED", {})

    async def _send(self, conn: _Conn, payload: dict[str, Any]) -> None:
        message = {"op": payload["op"], "d": payload.get("d"), "s": None, "t": None}
        message.update(payload)
        await conn.ws.send_str(json.dumps(message))

    async def _dispatch(self, conn: _Conn, event: str, data: dict[str, Any]) -> None:
        self._seq += 1
        await self._send(conn, {"op": 0, "t": event, "s": self._seq, "d": data})

    def _ready(self, conn: _Conn | None = None) -> dict[str, Any]:
        ready = {
            "v": 10,
            "user": BOT_USER,
            "guilds": [
                {"id": str(guild_id), "unavailable": True}
                for guild_id in (GUILD_ID, GUILD2_ID)
                if conn is None or conn.serves(guild_id)
            ],
            "session_id": self._session_id,
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(APP_ID), "flags": 0},
            "private_channels": [],
            "relationships": [],
        }
        if conn is not None and conn.shard is not None:
            ready["shard"] = list(conn.shard)
        return ready

    def _gateway_bot(self) -> dict[str, Any]:
        """`GET /gateway/bot`: where to connect, the recommended shard count, and how many
        IDENTIFYs remain (discord.py's AutoShardedClient reads it when it picks the count)."""
        return {
            "url": self.gateway_url,
            "shards": self.shards,
            "session_start_limit": {
                "total": 1000,
                "remaining": 1000,
                "reset_after": 86_400_000,
                "max_concurrency": 1,
            },
        }

    def shard_connections(self) -> list[tuple[int, int] | None]:
        """The shard of each connection that has identified (None: unsharded)."""
        return [c.shard for c in self._conns if c.session_id]

    def _guild(self) -> dict[str, Any]:
        def channel(channel_id: int, name: str, kind: int = 0, **extra: Any) -> dict[str, Any]:
            return {
                "id": str(channel_id),
                "type": kind,
                "name": name,
                "position": 0,
                "permission_overwrites": [],
                "parent_id": None,
                "nsfw": False,
                "topic": None,
                **extra,
            }

        no_embeds = {"id": str(APP_ID), "type": 1, "allow": "0", "deny": str(0x4000)}
        forum_tags = [
            {"id": tag_id, "name": name, "moderated": False, "emoji_id": None, "emoji_name": None}
            for tag_id, name in FORUM_TAGS.items()
        ]
        return _guild_payload(
            GUILD_ID,
            "Peloton",
            system_channel_id=str(LOG_CHANNEL_ID),
            roles=[
                _role(GUILD_ID, "@everyone", MEMBER),
                _role(ROLE_ID, "Astana fans", 0, position=1),
                _role(BOT_ROLE_ID, "Domestique", BOT_PERMISSIONS, position=2),
            ],
            channels=[
                channel(CHANNEL_ID, "cycling-news"),
                channel(FORUM_ID, "stories", 15, available_tags=forum_tags),
                channel(NO_EMBED_CHANNEL_ID, "no-embeds", permission_overwrites=[no_embeds]),
                channel(LOG_CHANNEL_ID, "mod-log"),
                *(
                    channel(channel_id, f"news-{n}")
                    for n, channel_id in enumerate(self.extra_channel_ids, start=1)
                ),
            ],
            threads=[
                {
                    "id": str(THREAD_ID),
                    "type": 11,
                    "guild_id": str(GUILD_ID),
                    "parent_id": str(CHANNEL_ID),
                    "name": "transfer-talk",
                    "owner_id": str(OWNER_ID),
                    "message_count": 0,
                    "member_count": 1,
                    "rate_limit_per_user": 0,
                    "thread_metadata": {
                        "archived": False,
                        "auto_archive_duration": 1440,
                        "archive_timestamp": _now_iso(),
                        "locked": False,
                    },
                }
            ],
        )

    def _guild2(self) -> dict[str, Any]:
        return _guild_payload(
            GUILD2_ID,
            "Gruppetto",
            system_channel_id=None,
            roles=[
                _role(GUILD2_ID, "@everyone", MEMBER),
                _role(BOT_ROLE_ID + 10, "Domestique", BOT_PERMISSIONS, position=1),
            ],
            channels=[
                {
                    "id": str(GUILD2_CHANNEL_ID),
                    "type": 0,
                    "name": "news",
                    "position": 0,
                    "permission_overwrites": [],
                    "parent_id": None,
                    "nsfw": False,
                    "topic": None,
                }
            ],
            threads=[],
            bot_role=BOT_ROLE_ID + 10,
        )

    @property
    def extra_channel_ids(self) -> list[int]:
        """The ids of the `extra_channels` text channels, in order."""
        return [EXTRA_CHANNEL_BASE + n for n in range(1, self.extra_channels + 1)]

    def guild_of(self, channel_id: int | str) -> int:
        for guild in (self._guild(), self._guild2()):
            ids = {c["id"] for c in guild["channels"]} | {t["id"] for t in guild["threads"]}
            if str(channel_id) in ids:
                return int(guild["id"])
        raise KeyError(channel_id)

    def resolved_channel(self, channel_id: int | str) -> dict[str, Any]:
        for guild in (self._guild(), self._guild2()):
            for item in guild["channels"] + guild["threads"]:
                if item["id"] == str(channel_id):
                    return {**item, "permissions": str(MODERATOR), "guild_id": guild["id"]}
        raise KeyError(channel_id)

    def resolved_role(self, role_id: int | str) -> dict[str, Any]:
        for guild in (self._guild(), self._guild2()):
            for role in guild["roles"]:
                if role["id"] == str(role_id):
                    return role
        raise KeyError(role_id)

    @property
    def connected(self) -> bool:
        return any(c.session_id for c in self._conns)

    async def wait_ready(self, within: float = 10.0) -> None:
        await self.wait_for(lambda: self.connected, within)

    async def reconnect(self) -> None:
        """Ask the bot to reconnect (op 7); it should RESUME on a new socket."""
        for conn in list(self._conns):
            await self._send(conn, {"op": 7, "d": None})

    async def drop(self, code: int = 4000) -> None:
        """Close the gateway socket under the bot, as a network fault or a restart would."""
        for conn in list(self._conns):
            await conn.ws.close(code=code, message=b"stand-in drop")

    def forget_sessions(self) -> None:
        """The next RESUME is refused (op 9, not resumable): the bot must IDENTIFY anew."""
        self._session_id = uuid.uuid4().hex

    # --- interactions ----------------------------------------------------------------------

    async def inject_interaction(self, payload: dict[str, Any]) -> Interaction:
        guild_id = payload.get("guild_id")
        conn = next(
            (
                c
                for c in reversed(self._conns)
                if c.session_id and c.serves(None if guild_id is None else int(guild_id))
            ),
            None,
        )
        if conn is None:
            raise RuntimeError("no bot is connected to the gateway (on this server's shard)")
        interaction = Interaction(payload["id"], payload["token"], payload["type"])
        interaction.source = self._sources.pop(payload["id"], None)
        interaction.shard = conn.shard
        self.interactions[interaction.id] = interaction
        await self._dispatch(conn, "INTERACTION_CREATE", payload)
        return interaction

    def _interaction_payload(
        self,
        kind: int,
        data: dict[str, Any],
        user_id: int,
        extra: dict[str, Any] | None = None,
        *,
        dm: bool = False,
        guild_id: int = GUILD_ID,
        permissions: int = MEMBER,
    ) -> dict[str, Any]:
        member = {
            "user": user_payload(user_id, f"fan{str(user_id)[-1]}"),
            "roles": [],
            "joined_at": _now_iso(),
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "nick": None,
            "avatar": None,
            "permissions": str(permissions),
        }
        channel_id = CHANNEL_ID if guild_id == GUILD_ID else GUILD2_CHANNEL_ID
        payload = {
            "id": snowflake(),
            "application_id": str(APP_ID),
            "type": kind,
            "data": data,
            "guild_id": str(guild_id),
            "channel_id": str(channel_id),
            "channel": {"id": str(channel_id), "type": 0, "name": "cycling-news"},
            "member": member,
            "token": "tok-" + uuid.uuid4().hex,
            "version": 1,
            "app_permissions": str((1 << 46) - 1),
            "locale": "en-GB",
            "guild_locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(guild_id)},
            "context": 0,
            "attachment_size_limit": 8 * 1024 * 1024,
        }
        payload.update(extra or {})
        if dm:
            # A direct message: the user instead of a member, no server.
            for key in ("guild_id", "member", "guild_locale"):
                payload.pop(key)
            payload["user"] = member["user"]
            payload["channel_id"] = str(DM_CHANNEL_ID)
            payload["channel"] = {
                "id": str(DM_CHANNEL_ID),
                "type": 1,
                "recipients": [member["user"]],
            }
            payload["context"] = 1
            payload["authorizing_integration_owners"] = {"0": str(APP_ID)}
        return payload

    def _command(self, name: str) -> dict[str, Any]:
        for command in self.global_commands:
            if command["name"] == name:
                return command
        for command in self.guild_commands.get(str(GUILD_ID), []):
            if command["name"] == name:
                return command
        # Not synced (a test that skips sync): the bot finds commands by name anyway.
        return {"id": snowflake(), "name": name}

    async def slash(
        self,
        name: str,
        options: dict[str, Any] | None = None,
        *,
        user_id: int = USER_ID,
        dm: bool = False,
        guild_id: int = GUILD_ID,
        permissions: int = MEMBER,
    ) -> Interaction:
        """A slash command. Option values: str (type 3), int (4), bool (5), ChannelRef (7)
        and RoleRef (8), the last two with their resolved data."""
        command = self._command(name)
        resolved: dict[str, dict[str, Any]] = {}
        data = {
            "id": command["id"],
            "name": name,
            "type": 1,
            "options": [self._option(k, v, resolved) for k, v in (options or {}).items()],
        }
        if resolved:
            data["resolved"] = resolved
        if "guild_id" in command:
            data["guild_id"] = command["guild_id"]
        return await self.inject_interaction(
            self._interaction_payload(
                2, data, user_id, dm=dm, guild_id=guild_id, permissions=permissions
            )
        )

    def _option(self, key: str, value: Any, resolved: dict[str, dict[str, Any]]) -> dict:
        if isinstance(value, ChannelRef):
            resolved.setdefault("channels", {})[str(value.id)] = self.resolved_channel(value.id)
            return {"name": key, "type": 7, "value": str(value.id)}
        if isinstance(value, RoleRef):
            resolved.setdefault("roles", {})[str(value.id)] = self.resolved_role(value.id)
            return {"name": key, "type": 8, "value": str(value.id)}
        kind = 5 if isinstance(value, bool) else 4 if isinstance(value, int) else 3
        return {"name": key, "type": kind, "value": value}

    async def autocomplete(
        self,
        name: str,
        focused: str,
        value: str,
        others: dict[str, Any] | None = None,
        *,
        user_id: int = USER_ID,
        guild_id: int = GUILD_ID,
        permissions: int = MEMBER,
    ) -> Interaction:
        command = self._command(name)
        resolved: dict[str, dict[str, Any]] = {}
        options = [self._option(k, v, resolved) for k, v in (others or {}).items()]
        options.append({"name": focused, "type": 3, "value": value, "focused": True})
        data = {"id": command["id"], "name": name, "type": 1, "options": options}
        if resolved:
            data["resolved"] = resolved
        if "guild_id" in command:
            data["guild_id"] = command["guild_id"]
        return await self.inject_interaction(
            self._interaction_payload(4, data, user_id, guild_id=guild_id, permissions=permissions)
        )

    async def click(
        self, message: dict[str, Any], custom_id: str, *, user_id: int = USER_ID
    ) -> Interaction:
        """Press a button on a message the bot sent."""
        current = self.messages.get(message["id"], message)
        data = {"custom_id": custom_id, "component_type": 2}
        payload = self._interaction_payload(3, data, user_id, {"message": current})
        self._sources[payload["id"]] = current
        return await self.inject_interaction(payload)

    async def answer(self, interaction: Interaction, count: int = 1, within: float = 10.0):
        """The bot's first `count` answers (callback, then edits/followups) to `interaction`."""
        await self.wait_for(lambda: len(interaction.answers) >= count, within)
        return interaction.answers[:count] if count > 1 else interaction.answers[0]

    async def final(self, interaction: Interaction, within: float = 10.0) -> dict[str, Any]:
        """The message the user finally sees: the callback's, or the edit/followup after a defer."""

        def done() -> dict[str, Any] | None:
            for record in reversed(interaction.answers):
                body = record.json
                if record.path.endswith("/callback"):
                    if body.get("type") in (CHANNEL_MESSAGE, UPDATE_MESSAGE, AUTOCOMPLETE_RESULT):
                        return body.get("data") or {}
                    continue
                if record.method in ("PATCH", "POST"):
                    return body
            return None

        return await self.wait_for(done, within)

    # --- control API (for driving a standalone stand-in from another process) -------------

    async def _control_state(self, request: web.Request) -> web.Response:
        return _json(
            {
                "connected": self.connected,
                "identifies": self.identifies,
                "resumes": self.resumes,
                "global_commands": [c["name"] for c in self.global_commands],
                "guild_commands": {
                    g: [c["name"] for c in cs] for g, cs in self.guild_commands.items()
                },
                "api_url": self.api_url,
                "gateway_url": self.gateway_url,
                "rate_limited": dict(self.rate_limiter.counts) if self.rate_limiter else None,
            }
        )

    async def _control_requests(self, request: web.Request) -> web.Response:
        return _json(
            [
                {
                    "method": r.method,
                    "path": r.path,
                    "query": r.query,
                    "body": r.body,
                    "status": r.status,
                }
                for r in self.requests
            ]
        )

    async def _control_slash(self, request: web.Request) -> web.Response:
        """{"name": "rider", "options": {"name": "pogi"}} -> the message the user sees."""
        body = await request.json()
        try:
            await self.wait_ready(within=float(body.get("wait_ready", 10)))
            interaction = await self.slash(
                body["name"], body.get("options") or {}, user_id=int(body.get("user_id", USER_ID))
            )
            message = await self.final(interaction, within=float(body.get("timeout", 10)))
        except TimeoutError:
            return _json({"error": "no answer from the bot in time"}, status=504)
        answers = [
            {"method": r.method, "path": r.path, "body": r.body} for r in interaction.answers
        ]
        return _json({"interaction_id": interaction.id, "message": message, "answers": answers})

    async def _control_autocomplete(self, request: web.Request) -> web.Response:
        """{"name": "rider", "focused": "name", "value": "pogi"} -> the choices."""
        body = await request.json()
        try:
            await self.wait_ready(within=float(body.get("wait_ready", 10)))
            interaction = await self.autocomplete(
                body["name"], body["focused"], body.get("value", ""), body.get("others") or {}
            )
            message = await self.final(interaction, within=float(body.get("timeout", 10)))
        except TimeoutError:
            return _json({"error": "no answer from the bot in time"}, status=504)
        return _json({"choices": message.get("choices", [])})

    async def _control_reconnect(self, request: web.Request) -> web.Response:
        await self.reconnect()
        return _json({"ok": True})

    async def _control_drop(self, request: web.Request) -> web.Response:
        await self.drop()
        return _json({"ok": True})

    async def _control_click(self, request: web.Request) -> web.Response:
        """{"interaction_id": id of a slash answer, "label": "Older"} -> the updated message."""
        body = await request.json()
        origin = self.interactions.get(str(body.get("interaction_id")))
        if origin is None or origin.message is None:
            return _json({"error": "no message for that interaction"}, status=404)
        current = self.messages.get(origin.message["id"], origin.message)
        buttons = [b for row in current.get("components", []) for b in row["components"]]
        button = next((b for b in buttons if b.get("label") == body.get("label")), None)
        if button is None:
            return _json({"error": f"no button labelled {body.get('label')!r}"}, status=404)
        user_id = int(body.get("user_id", USER_ID))
        try:
            click = await self.click(current, button["custom_id"], user_id=user_id)
            message = await self.final(click, within=float(body.get("timeout", 10)))
        except TimeoutError:
            return _json({"error": "no answer from the bot in time"}, status=504)
        return _json({"interaction_id": click.id, "message": message})

    async def _control_fail(self, request: web.Request) -> web.Response:
        body = await request.json()
        status = int(body.get("status", 429))
        after, drop = bool(body.get("after")), bool(body.get("drop"))
        if body.get("seconds") is not None:
            self.fail_for(body["path_part"], float(body["seconds"]), status, after=after, drop=drop)
            return _json({"ok": True})
        self.fail_next(
            body["path_part"],
            status,
            times=int(body.get("times", 1)),
            retry_after=float(body.get("retry_after", 0.2)),
            after=after,
            drop=drop,
        )
        return _json({"ok": True})


def form_errors(data: dict[str, Any]) -> list[str]:
    """What Discord would refuse in a message or autocomplete payload (limits only)."""
    errors: list[str] = []
    if len(data.get("content") or "") > 2000:
        errors.append("content longer than 2000")
    embeds = data.get("embeds") or []
    if len(embeds) > 10:
        errors.append("more than 10 embeds")
    total = 0
    for i, embed in enumerate(embeds):
        fields = embed.get("fields") or []
        parts = {
            "title": (embed.get("title") or "", 256),
            "description": (embed.get("description") or "", 4096),
            "footer.text": ((embed.get("footer") or {}).get("text") or "", 2048),
            "author.name": ((embed.get("author") or {}).get("name") or "", 256),
        }
        for name, (text, limit) in parts.items():
            if len(text) > limit:
                errors.append(f"embeds[{i}].{name} longer than {limit}")
            total += len(text)
        if len(fields) > 25:
            errors.append(f"embeds[{i}] has more than 25 fields")
        for j, f in enumerate(fields):
            if not f.get("name") or len(f["name"]) > 256:
                errors.append(f"embeds[{i}].fields[{j}].name empty or longer than 256")
            if not f.get("value") or len(f["value"]) > 1024:
                errors.append(f"embeds[{i}].fields[{j}].value empty or longer than 1024")
            total += len(f.get("name") or "") + len(f.get("value") or "")
    if total > 6000:
        errors.append("embeds longer than 6000 in total")
    choices = data.get("choices")
    if choices is not None:
        if len(choices) > 25:
            errors.append("more than 25 choices")
        errors += [f"choice {c!r} name too long" for c in choices if len(c["name"]) > 100]
    if len(data.get("components") or []) > 5:
        errors.append("more than 5 component rows")
    return errors


_COMMAND_NAME = re.compile(r"^[-_\w]{1,32}$")


def command_errors(commands: list[dict[str, Any]]) -> list[str]:
    """What Discord would refuse in a bulk command overwrite (names, lengths, order)."""
    errors: list[str] = []
    if len(commands) > 100:
        errors.append("more than 100 commands")
    for command in commands:
        name = command.get("name", "")
        if not _COMMAND_NAME.match(name) or name != name.lower():
            errors.append(f"command name {name!r} is not 1-32 lowercase word characters")
        if command.get("type", 1) == 1 and not 1 <= len(command.get("description", "")) <= 100:
            errors.append(f"/{name}: description must be 1-100 characters")
        options = command.get("options") or []
        if len(options) > 25:
            errors.append(f"/{name}: more than 25 options")
        seen_optional = False
        for option in options:
            label = f"/{name} {option.get('name')!r}"
            if not _COMMAND_NAME.match(option.get("name", "")):
                errors.append(f"{label}: bad option name")
            if not 1 <= len(option.get("description", "")) <= 100:
                errors.append(f"{label}: description must be 1-100 characters")
            if option.get("required"):
                if seen_optional:
                    errors.append(f"{label}: required options must come first")
            else:
                seen_optional = True
            if option.get("autocomplete") and option.get("choices"):
                errors.append(f"{label}: autocomplete and choices together")
    return errors


def _without_message(thread: dict[str, Any]) -> dict[str, Any]:
    """A thread as Discord lists it: the starter message is not part of it."""
    return {k: v for k, v in thread.items() if k != "message"}


def _fault_response(fault: Fault) -> web.Response:
    if fault.status == 429:
        return _json(
            {
                "message": "You are being rate limited.",
                "retry_after": fault.retry_after,
                "global": fault.is_global,
            },
            status=429,
            # discord.py retries a 429 only when it came through Discord's proxy.
            headers={"Via": "1.1 google", "Retry-After": str(fault.retry_after)},
        )
    return _json({"message": "stand-in fault", "code": 0}, status=fault.status)


def _role(role_id: int, name: str, permissions: int, position: int = 0) -> dict[str, Any]:
    return {
        "id": str(role_id),
        "name": name,
        "permissions": str(permissions),
        "position": position,
        "color": 0,
        "hoist": False,
        "managed": False,
        "mentionable": True,
        "flags": 0,
    }


def _guild_payload(
    guild_id: int,
    name: str,
    *,
    system_channel_id: str | None,
    roles: list[dict[str, Any]],
    channels: list[dict[str, Any]],
    threads: list[dict[str, Any]],
    bot_role: int = BOT_ROLE_ID,
) -> dict[str, Any]:
    bot_member = {
        "user": BOT_USER,
        "roles": [str(bot_role)],
        "joined_at": _now_iso(),
        "deaf": False,
        "mute": False,
        "flags": 0,
        "pending": False,
        "nick": None,
        "avatar": None,
    }
    return {
        "id": str(guild_id),
        "name": name,
        "icon": None,
        "owner_id": str(OWNER_ID),
        "afk_channel_id": None,
        "afk_timeout": 300,
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "features": [],
        "mfa_level": 0,
        "system_channel_id": system_channel_id,
        "system_channel_flags": 0,
        "rules_channel_id": None,
        "vanity_url_code": None,
        "description": None,
        "banner": None,
        "premium_tier": 0,
        "preferred_locale": "en-US",
        "public_updates_channel_id": None,
        "nsfw_level": 0,
        "premium_progress_bar_enabled": False,
        "unavailable": False,
        "member_count": 3,
        "large": False,
        "joined_at": _now_iso(),
        "roles": roles,
        "channels": channels,
        "threads": threads,
        "members": [bot_member],
        "voice_states": [],
        "presences": [],
        "emojis": [],
        "stickers": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
    }


def _invalid(errors: list[str]) -> web.Response:
    return _json({"code": 50035, "message": "Invalid Form Body", "errors": errors}, status=400)


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # discord.py parses JSON only when Content-Type is exactly "application/json".
    return web.Response(
        body=json.dumps(data).encode(),
        status=status,
        headers={"Content-Type": "application/json", **(headers or {})},
    )


def _multipart_payload(raw: bytes) -> Any:
    text = raw.decode("utf-8", "replace")
    start = text.find("{")
    end = text.rfind("}")
    try:
        return json.loads(text[start : end + 1])
    except ValueError:
        return text


def _application() -> dict[str, Any]:
    return {
        "id": str(APP_ID),
        "name": "Domestique",
        "description": "Cycling news",
        "icon": None,
        "bot_public": False,
        "bot_require_code_grant": False,
        "verify_key": "0" * 64,
        "owner": user_payload(OWNER_ID, "owner"),
        "team": None,
        "flags": 0,
        "summary": "",
        "rpc_origins": [],
        "interactions_endpoint_url": None,
        "redirect_uris": [],
        "tags": [],
    }


async def _serve(
    host: str, port: int, token: str | None, extra_channels: int = 0, rate_limits: bool = False
) -> None:
    standin = DiscordStandIn(token=token, extra_channels=extra_channels, rate_limits=rate_limits)
    await standin.start(host=host, port=port)
    # Printed for the process driving us: these are the two settings to point the bot at.
    print(f"DOMESTIQUE_DISCORD_API_URL={standin.api_url}", flush=True)
    print(f"DOMESTIQUE_DISCORD_GATEWAY_URL={standin.gateway_url}", flush=True)
    print(f"CONTROL_URL=http://{standin.host}:{standin.port}/_standin", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await standin.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=(
            "A local Discord stand-in for Domestique. Point DOMESTIQUE_DISCORD_API_URL and "
            "DOMESTIQUE_DISCORD_GATEWAY_URL at the printed URLs, then drive it through "
            "CONTROL_URL: GET state, GET requests, POST slash {name, options}, "
            "POST autocomplete {name, focused, value}, POST reconnect, "
            "POST fail {path_part, status, times, retry_after}."
        )
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0: any free port")
    parser.add_argument("--token", help="require this bot token on REST calls (default: any)")
    parser.add_argument(
        "--channels",
        type=int,
        default=0,
        metavar="N",
        help="N more text channels in the first server (ids EXTRA_CHANNEL_BASE + 1..N)",
    )
    parser.add_argument(
        "--rate-limits",
        action="store_true",
        help="enforce Discord's per-route and global rate limits with real 429s",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args.host, args.port, args.token, args.channels, args.rate_limits))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
