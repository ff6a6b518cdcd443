"""The Sandbox: in-memory Discord state, the aiohttp app serving it, and the fault-injection API.

Everything here runs on one event loop; the synchronous methods must be called from that loop
(use :class:`cdp_desktop.sandbox.thread.SandboxThread` from other threads).
"""

from __future__ import annotations

import asyncio
import base64
import re
from collections.abc import Callable, Coroutine
from typing import Any

from aiohttp import web

from . import cdp, control, rest
from .cdp import CdpModels
from .faults import Fault, FaultPlan
from .gateway import GUILD_MESSAGES, GUILD_PRESENCES, GUILDS, MESSAGE_CONTENT, PRIVILEGED, GatewayHub, Session
from .model import (
    BOT_ROLE_PERMS,
    CATEGORY,
    EVERYONE_PERMS,
    SEND_MESSAGES,
    TEXT,
    VIEW_CHANNEL,
    Channel,
    Guild,
    JsonDict,
    Member,
    Role,
    Snowflakes,
    User,
    iso,
    presence_payload,
    snowflake_at,
)
from .ratelimit import BucketRule, GlobalLimiter, RouteLimiter

HOST = "127.0.0.1"  # never anything else: the sandbox must not be reachable from the network
_SEED_MS = 1_704_067_200_000  # 2024-01-01: fixed IDs for the demo data, stable across runs
OWNER_ID = snowflake_at(_SEED_MS, 1)
BOT_ID = snowflake_at(_SEED_MS, 2)
TARGET_ID = snowflake_at(_SEED_MS, 3)
# Shaped like a real bot token (base64 of the bot's ID first) so token validators accept it.
DEMO_TOKEN = (
    base64.b64encode(str(BOT_ID).encode()).decode().rstrip("=") + ".Sandbx.local-demo-token-not-a-secret"
)
TARGET_REPLY = "<@{author}> Hi! I'm awake and replying to your keep-alive."
_MENTION = re.compile(r"<@!?(\d+)>")


class Sandbox:
    """A local Discord: REST v10 under ``/api/v10``, Gateway v10 at ``/gateway``, control at ``/_sandbox``."""

    def __init__(
        self,
        token: str | None = None,
        *,
        rate_limits: bool = True,
        privileged_intents: bool | int = True,
        seed: bool = True,
        reply_delay: float = 0.05,
        heartbeat_interval: int = 41250,
        global_limit: int = 50,
        bucket_rules: dict[tuple[str, str], BucketRule] | None = None,
        max_channels: int = 500,
    ) -> None:
        self.token = token or DEMO_TOKEN
        self.rate_limits = rate_limits
        # True = all privileged intents enabled in the "developer portal", False = none, int = a mask.
        if isinstance(privileged_intents, bool):
            self.allowed_privileged = PRIVILEGED if privileged_intents else 0
        else:
            self.allowed_privileged = privileged_intents & PRIVILEGED
        self.reply_delay = reply_delay
        self.max_channels = max_channels
        self.latency = 0.0
        self.offline = False
        self.target_silent = False
        self.target_online = True
        self.forbidden: dict[int, int] = {}
        self.token_revoked = False

        self.ids = Snowflakes()
        self.users: dict[int, User] = {
            OWNER_ID: User(OWNER_ID, "sandbox-owner", global_name="Sandbox Owner"),
            BOT_ID: User(BOT_ID, "cdp-sandbox-bot", bot=True, global_name="CDP Sandbox Bot"),
            TARGET_ID: User(TARGET_ID, "coze-target-bot", bot=True, global_name="Coze Target Bot"),
        }
        self.owner_id = OWNER_ID
        self.bot_user_id = BOT_ID
        self.target_bot_id = TARGET_ID
        self.application_id = BOT_ID
        self._guilds: dict[int, Guild] = {}
        self._channels: dict[int, Channel] = {}
        self._messages: dict[int, list[JsonDict]] = {}
        self.request_log: list[JsonDict] = []
        self.errors: list[str] = []  # handler crashes (answered 500): always a sandbox bug

        self.global_limiter = GlobalLimiter(global_limit)
        self.route_limiter = RouteLimiter(bucket_rules)
        self.faults = FaultPlan()
        self.hub = GatewayHub(self, heartbeat_interval)
        self.cdp = CdpModels()  # coze-discord-proxy's GET /v1/models, for the CDP endpoint check

        self._runner: web.AppRunner | None = None
        self._site: web.TCPSite | None = None
        self._port = 0
        self._timers: set[asyncio.TimerHandle] = set()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._seed_guild_id: int | None = None
        self._seed_category_id: int | None = None
        if seed:
            self._seed()

    # ----- lifecycle ---------------------------------------------------------------------------------

    async def start(self, port: int = 0) -> None:
        app = web.Application(middlewares=[rest.api_middleware], client_max_size=16 * 1024 * 1024)
        app[rest.SANDBOX_KEY] = self
        rest.add_routes(app)
        control.add_routes(app)
        cdp.add_routes(app, self.cdp)
        app.router.add_get("/gateway", self.hub.handle)
        app.router.add_get("/gateway/resume", self.hub.handle)
        app.router.add_get("/", self.hub.handle)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1.0)
        await self._runner.setup()
        self._site = web.TCPSite(self._runner, HOST, port)
        await self._site.start()
        self._port = self._site.port

    async def stop(self) -> None:
        for timer in self._timers:
            timer.cancel()
        self._timers.clear()
        for task in list(self._tasks):
            task.cancel()
        await self.hub.shutdown()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
            self._site = None

    async def __aenter__(self) -> Sandbox:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        return self._port

    @property
    def cdp_url(self) -> str:
        """The coze-discord-proxy look-alike's base URL (``GET {cdp_url}/v1/models``)."""
        return f"http://{HOST}:{self._port}"

    @property
    def api_base(self) -> str:
        return f"http://{HOST}:{self._port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://{HOST}:{self._port}/gateway"

    @property
    def resume_gateway_url(self) -> str:
        return f"ws://{HOST}:{self._port}/gateway/resume"

    # ----- demo data ---------------------------------------------------------------------------------

    def _seed(self) -> None:
        gid = snowflake_at(_SEED_MS, 4)
        guild = self._new_guild(gid, "CDP Sandbox", bot_role_id=snowflake_at(_SEED_MS, 5))
        cat = Channel(snowflake_at(_SEED_MS, 6), gid, CATEGORY, "Keep-alive", 0)
        self._store_channel(cat)
        for n, (name, topic) in enumerate(
            [("general", "Talk to the Coze bot"), ("keepalive-1", "Daily keep-alive"), ("keepalive-2", None)]
        ):
            self._store_channel(Channel(snowflake_at(_SEED_MS, 7 + n), gid, TEXT, name, n + 1, cat.id, topic))
        self._seed_guild_id = guild.id
        self._seed_category_id = cat.id

    def _new_guild(self, gid: int, name: str, bot_role_id: int, with_target: bool = True) -> Guild:
        joined = iso(gid)
        guild = Guild(gid, name, self.owner_id, joined)
        guild.roles = [
            Role(gid, "@everyone", EVERYONE_PERMS),
            Role(
                bot_role_id, self.users[self.bot_user_id].username, BOT_ROLE_PERMS, 1, True, self.bot_user_id
            ),
        ]
        guild.members[self.owner_id] = Member(self.owner_id, joined)
        guild.members[self.bot_user_id] = Member(self.bot_user_id, joined, [bot_role_id])
        if with_target:
            guild.members[self.target_bot_id] = Member(self.target_bot_id, joined)
        self._guilds[gid] = guild
        return guild

    def _store_channel(self, channel: Channel) -> None:
        self._guilds[channel.guild_id].channels[channel.id] = channel
        self._channels[channel.id] = channel
        if channel.type == TEXT:
            self._messages.setdefault(channel.id, [])

    @property
    def guild_id(self) -> int:
        """The main guild: the seeded one, else the first one added."""
        if self._seed_guild_id is None:
            raise LookupError("the sandbox has no guild yet (seed=False): call add_guild() first")
        return self._seed_guild_id

    @property
    def category_id(self) -> int | None:
        return self._seed_category_id

    @property
    def text_channel_ids(self) -> list[int]:
        """Text channels of the main guild, in position order."""
        if self._seed_guild_id is None:
            return []
        guild = self._guilds[self._seed_guild_id]
        return [
            c.id for c in sorted(guild.channels.values(), key=lambda c: (c.position, c.id)) if c.type == TEXT
        ]

    # ----- lookups used by REST and gateway ----------------------------------------------------------

    def user_for_token(self, token: object) -> User | None:
        if token != self.token or self.token_revoked:
            return None
        return self.users[self.bot_user_id]

    def guild(self, guild_id: int) -> Guild | None:
        return self._guilds.get(guild_id)

    def channel(self, channel_id: int) -> Channel | None:
        return self._channels.get(channel_id)

    def guilds_of(self, user_id: int) -> list[Guild]:
        return [g for g in self._guilds.values() if user_id in g.members]

    def is_online(self, user_id: int) -> bool:
        if user_id == self.target_bot_id:
            return self.target_online
        if user_id == self.bot_user_id:
            return any(s.conn is not None for s in self.hub.sessions.values())
        return False

    def stored_messages(self, channel_id: int) -> list[JsonDict]:
        return self._messages.get(channel_id, [])

    # ----- mutations with their gateway events --------------------------------------------------------

    def create_channel(
        self,
        guild_id: int,
        name: str,
        *,
        type: int = TEXT,
        parent_id: int | None = None,
        topic: str | None = None,
        position: int | None = None,
        overwrites: list[JsonDict] | None = None,
    ) -> Channel:
        guild = self._guilds[guild_id]
        pos = guild.next_position() if position is None else position
        channel = Channel(
            self.ids.next(), guild_id, type, name, pos, parent_id, topic, overwrites=overwrites or []
        )
        self._store_channel(channel)
        payload = channel.payload()
        self.hub.dispatch("CHANNEL_CREATE", lambda s: payload if self._sees_guild(s, guild_id) else None)
        return channel

    def remove_channel(self, channel: Channel) -> JsonDict:
        guild = self._guilds[channel.guild_id]
        payload = channel.payload()
        guild.channels.pop(channel.id, None)
        self._channels.pop(channel.id, None)
        self._messages.pop(channel.id, None)
        self.forbidden.pop(channel.id, None)
        self.hub.dispatch(
            "CHANNEL_DELETE", lambda s: payload if self._sees_guild(s, channel.guild_id) else None
        )
        return payload

    def _sees_guild(self, session: Session, guild_id: int) -> bool:
        guild = self._guilds.get(guild_id)
        return session.has(GUILDS) and guild is not None and session.user_id in guild.members

    def create_message(
        self,
        channel: Channel,
        author_id: int,
        content: str,
        *,
        nonce: Any = None,
        tts: bool = False,
        embeds: list[JsonDict] | None = None,
        reference: JsonDict | None = None,
    ) -> JsonDict:
        msg_id = self.ids.next()
        mentioned = [int(m) for m in _MENTION.findall(content)]
        mentions = [self.users[u].payload() for u in dict.fromkeys(mentioned) if u in self.users]
        msg: JsonDict = {
            "id": str(msg_id),
            "type": 19 if reference else 0,
            "channel_id": str(channel.id),
            "guild_id": str(channel.guild_id),
            "author": self.users[author_id].payload(),
            "content": content,
            "timestamp": iso(msg_id),
            "edited_timestamp": None,
            "tts": tts,
            "mention_everyone": False,
            "mentions": mentions,
            "mention_roles": [],
            "attachments": [],
            "embeds": embeds or [],
            "pinned": False,
            "flags": 0,
            "components": [],
        }
        if nonce is not None:
            msg["nonce"] = nonce
        if reference:
            msg["message_reference"] = {
                "type": 0,
                "message_id": reference["id"],
                "channel_id": reference["channel_id"],
                "guild_id": reference["guild_id"],
            }
            msg["referenced_message"] = reference
        self._messages.setdefault(channel.id, []).append(msg)
        channel.last_message_id = msg_id
        self.hub.dispatch("MESSAGE_CREATE", lambda s: self._message_event(s, channel, msg))
        if author_id != self.target_bot_id and self.target_bot_id in mentioned:
            self._schedule_target_reply(channel.id, msg)
        return msg

    def remove_message(self, channel: Channel, msg: JsonDict) -> None:
        """Delete a stored message (MESSAGE_DELETE). As on Discord, the channel's ``last_message_id`` keeps
        pointing at the newest message ever sent, deleted or not."""
        stored = self._messages.get(channel.id, [])
        if msg in stored:
            stored.remove(msg)
        payload = {"id": msg["id"], "channel_id": str(channel.id), "guild_id": str(channel.guild_id)}
        self.hub.dispatch("MESSAGE_DELETE", lambda s: payload if self._sees_messages(s, channel) else None)

    def _sees_messages(self, session: Session, channel: Channel) -> bool:
        guild = self._guilds.get(channel.guild_id)
        return (
            guild is not None
            and session.has(GUILD_MESSAGES)
            and session.user_id in guild.members
            and self.forbidden.get(channel.id) != 50001
        )

    def visible_message(self, msg: JsonDict, viewer_id: int, content_intent: bool) -> JsonDict:
        """Discord blanks content for apps without MESSAGE_CONTENT, except their own and mentions."""
        if content_intent or int(msg["author"]["id"]) == viewer_id:
            return msg
        if any(int(u["id"]) == viewer_id for u in msg["mentions"]):
            return msg
        return {**msg, "content": "", "embeds": [], "attachments": [], "components": []}

    def _message_event(self, session: Session, channel: Channel, msg: JsonDict) -> JsonDict | None:
        guild = self._guilds.get(channel.guild_id)
        if guild is None or not session.has(GUILD_MESSAGES) or session.user_id not in guild.members:
            return None
        if self.forbidden.get(channel.id) == 50001:
            return None  # no VIEW_CHANNEL, no events
        data = dict(self.visible_message(msg, session.user_id, session.has(MESSAGE_CONTENT)))
        member = guild.members.get(int(msg["author"]["id"]))
        if member is not None:
            data["member"] = member.payload()
        return data

    def _schedule_target_reply(self, channel_id: int, original: JsonDict) -> None:
        if self.target_silent or not self.target_online:
            return
        loop = asyncio.get_running_loop()
        handle: asyncio.TimerHandle | None = None

        def reply() -> None:
            if handle is not None:
                self._timers.discard(handle)
            channel = self._channels.get(channel_id)
            if channel is None or self.target_silent or not self.target_online:
                return
            content = TARGET_REPLY.format(author=original["author"]["id"])
            self.create_message(channel, self.target_bot_id, content, reference=original)

        handle = loop.call_later(self.reply_delay, reply)
        self._timers.add(handle)

    # ----- public helpers for tests and demos ---------------------------------------------------------

    def add_guild(
        self,
        name: str = "Another Guild",
        *,
        text_channels: tuple[str, ...] | list[str] = ("general",),
        category: str | None = None,
        with_target: bool = True,
    ) -> int:
        """A guild the app's bot is in (GUILD_CREATE is sent to connected sessions, as on a join)."""
        gid = self.ids.next()
        guild = self._new_guild(gid, name, self.ids.next(), with_target)
        parent = None
        if category is not None:
            parent = Channel(self.ids.next(), gid, CATEGORY, category, 0)
            self._store_channel(parent)
        for name_ in text_channels:
            self._store_channel(
                Channel(
                    self.ids.next(), gid, TEXT, name_, guild.next_position(), parent.id if parent else None
                )
            )
        if self._seed_guild_id is None:
            self._seed_guild_id = gid
            self._seed_category_id = parent.id if parent else None
        self.hub.dispatch(
            "GUILD_CREATE", lambda s: self.hub.guild_create(guild, s) if s.user_id in guild.members else None
        )
        return gid

    def add_text_channel(
        self,
        guild_id: int,
        name: str,
        category_id: int | None = None,
        topic: str | None = None,
        position: int | None = None,
    ) -> int:
        return self.create_channel(guild_id, name, parent_id=category_id, topic=topic, position=position).id

    def add_category(self, guild_id: int, name: str, position: int | None = None) -> int:
        return self.create_channel(guild_id, name, type=CATEGORY, position=position).id

    def add_channels(
        self, n: int, guild_id: int | None = None, category_id: int | None = None, prefix: str = "bench"
    ) -> list[int]:
        """Create ``n`` text channels at once (benchmarks need hundreds)."""
        gid = self.guild_id if guild_id is None else guild_id
        return [self.add_text_channel(gid, f"{prefix}-{i}", category_id) for i in range(n)]

    def post_message(self, channel_id: int, content: str, author_id: int | None = None) -> JsonDict:
        """A message written by someone else (default: the target bot), with its MESSAGE_CREATE."""
        channel = self._channels[channel_id]
        return dict(self.create_message(channel, author_id or self.target_bot_id, content))

    def guilds(self) -> list[JsonDict]:
        return [
            {
                "id": str(g.id),
                "name": g.name,
                "channel_ids": [str(c) for c in g.channels],
                "member_ids": [str(m) for m in g.members],
            }
            for g in self._guilds.values()
        ]

    def channels(self, guild_id: int | None = None) -> list[JsonDict]:
        guild = self._guilds[self.guild_id if guild_id is None else guild_id]
        return [c.payload() for c in sorted(guild.channels.values(), key=lambda c: (c.position, c.id))]

    def messages(self, channel_id: int) -> list[JsonDict]:
        """Messages of a channel, oldest first (empty for unknown or deleted channels)."""
        return [dict(m) for m in self._messages.get(channel_id, [])]

    @property
    def requests(self) -> list[JsonDict]:
        """The REST request log: method, path (below /api/v10), query, status, time, mono, json, ..."""
        return list(self.request_log)

    def clear_requests(self) -> None:
        self.request_log.clear()

    def state(self) -> JsonDict:
        return {
            "api_base": self.api_base,
            "gateway_url": self.gateway_url,
            "port": self.port,
            "token": self.token,
            "bot_user_id": str(self.bot_user_id),
            "target_bot_id": str(self.target_bot_id),
            "owner_id": str(self.owner_id),
            "guild_id": _str_or_none(self._seed_guild_id),
            "category_id": _str_or_none(self._seed_category_id),
            "text_channel_ids": [str(c) for c in self.text_channel_ids],
            "rate_limits": self.rate_limits,
            "latency": self.latency,
            "offline": self.offline,
            "token_revoked": self.token_revoked,
            "target_silent": self.target_silent,
            "target_online": self.target_online,
            "forbidden": {str(k): v for k, v in self.forbidden.items()},
            "gateway_connections": len(self.hub.connections),
            "sessions": len(self.hub.sessions),
        }

    # ----- fault injection ----------------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        path_pattern: str,
        status: int,
        code: int = 0,
        count: int = 1,
        message: str | None = None,
    ) -> None:
        """The next ``count`` requests matching METHOD (or "*") and the path glob answer status/code."""
        self.faults.add(Fault(method, path_pattern, status, code, count, message))

    def rate_limit(
        self, path_pattern: str | None, retry_after: float, count: int = 1, global_: bool = False
    ) -> None:
        """The next ``count`` matching requests (any request if the pattern is None) get a 429."""
        self.faults.add(Fault("*", path_pattern or "*", 429, 0, count, None, retry_after, global_))

    def delay_next(self, method: str, path_pattern: str, seconds: float, count: int = 1) -> None:
        """The next ``count`` matching requests are answered normally, but only after ``seconds``."""
        self.faults.add(Fault(method, path_pattern, 0, 0, count, delay=max(0.0, seconds)))

    def reset_faults(self) -> None:
        self.faults.clear()
        self.latency = 0.0
        self.forbidden.clear()

    def set_latency(self, seconds: float) -> None:
        self.latency = max(0.0, seconds)

    def delete_channel(self, channel_id: int) -> bool:
        """Delete a channel server-side, as someone in the Discord client would (CHANNEL_DELETE)."""
        channel = self._channels.get(channel_id)
        if channel is None:
            return False
        self.remove_channel(channel)
        return True

    def revoke_token(self) -> None:
        """REST answers 401 from now on and gateway sessions are closed with 4004."""
        self.token_revoked = True
        self.hub.revoke(self.token)

    def restore_token(self) -> None:
        self.token_revoked = False

    def close_gateways(self, code: int = 4000, reason: str = "") -> int:
        return self.hub.close_all(code, reason)

    def stall_heartbeat_acks(self, stalled: bool = True) -> None:
        """Stop (or resume) answering heartbeats: the client should notice and reconnect."""
        self.hub.ack_heartbeats = not stalled

    def send_reconnect(self) -> int:
        return self.hub.send_op(7)

    def invalidate_sessions(self, resumable: bool = False) -> int:
        return self.hub.invalidate(resumable)

    def go_offline(self) -> asyncio.Task[None]:
        """Refuse connections: close the listening socket and drop every open connection.

        Takes effect at once; the returned task (await it or not) finishes when the socket is closed.
        """
        self.offline = True
        return self._spawn(self._close_listener())

    def go_online(self) -> asyncio.Task[None]:
        """Listen again on the same port; awaiting the returned task waits until it does."""
        return self._spawn(self._reopen_listener())

    def outage(self, seconds: float) -> asyncio.Task[None]:
        """Go offline now and come back by itself after ``seconds`` (the task ends when back online)."""
        self.offline = True

        async def run() -> None:
            await self._close_listener()
            await asyncio.sleep(seconds)
            await self._reopen_listener()

        return self._spawn(run())

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _close_listener(self) -> None:
        if self._site is not None:
            site, self._site = self._site, None
            await site.stop()
        self.hub.abort_all()
        server = self._runner.server if self._runner is not None else None
        if server is not None:
            for handler in list(server.connections):
                if handler.transport is not None:
                    handler.transport.abort()

    async def _reopen_listener(self) -> None:
        if self._runner is None or self._site is not None:
            self.offline = False
            return
        site = web.TCPSite(self._runner, HOST, self._port)
        await site.start()
        self._site = site
        self.offline = False

    def set_target_silent(self, silent: bool = True) -> None:
        self.target_silent = silent

    def set_target_online(self, online: bool = True) -> None:
        if online == self.target_online:
            return
        self.target_online = online
        for guild in self.guilds_of(self.target_bot_id):
            self.hub.dispatch("PRESENCE_UPDATE", self._presence_builder(guild, online))

    def _presence_builder(self, guild: Guild, online: bool) -> Callable[[Session], JsonDict | None]:
        payload = presence_payload(self.target_bot_id, guild.id, online)
        return lambda s: payload if s.has(GUILD_PRESENCES) and s.user_id in guild.members else None

    def forbid_channel(self, channel_id: int, code: int = 50001) -> None:
        """50001: the bot loses VIEW_CHANNEL (every call 403); 50013: loses SEND_MESSAGES."""
        if code not in (50001, 50013):
            raise ValueError("code must be 50001 or 50013")
        channel = self._channels[channel_id]
        self.forbidden[channel_id] = code
        deny = VIEW_CHANNEL if code == 50001 else SEND_MESSAGES
        self._set_bot_overwrite(channel, deny)

    def allow_channel(self, channel_id: int) -> None:
        self.forbidden.pop(channel_id, None)
        channel = self._channels.get(channel_id)
        if channel is not None:
            self._set_bot_overwrite(channel, 0)

    def _set_bot_overwrite(self, channel: Channel, deny: int) -> None:
        others = [o for o in channel.overwrites if o.get("id") != str(self.bot_user_id)]
        if deny:
            others.append({"id": str(self.bot_user_id), "type": 1, "allow": "0", "deny": str(deny)})
        channel.overwrites = others
        payload = channel.payload()
        self.hub.dispatch(
            "CHANNEL_UPDATE", lambda s: payload if self._sees_guild(s, channel.guild_id) else None
        )


def _str_or_none(value: int | None) -> str | None:
    return None if value is None else str(value)
