"""Gateway v10 over a websocket: HELLO, heartbeats, IDENTIFY/READY, RESUME with replay, op 7/8/9.

Frames are uncompressed JSON text whatever ``compress`` the client asks for: discord.py inflates only
binary frames. Every connection has one writer task fed by a queue, so frames (and a final close)
leave in exactly the order they were produced.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import secrets
import time
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

from .model import Guild, JsonDict, as_id, presence_payload

if TYPE_CHECKING:
    from .server import Sandbox

log = logging.getLogger(__name__)

GUILDS = 1 << 0
GUILD_MEMBERS = 1 << 1
GUILD_PRESENCES = 1 << 8
GUILD_MESSAGES = 1 << 9
MESSAGE_CONTENT = 1 << 15
PRIVILEGED = GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT

BACKLOG = 2000  # events kept per session for RESUME
SESSION_TTL = 300.0  # seconds a disconnected session stays resumable
ACK_DELAY = 0.05  # seconds before a HEARTBEAT_ACK, like a short network round trip


class Connection:
    _ids = itertools.count(1)

    def __init__(self, ws: web.WebSocketResponse, transport: asyncio.BaseTransport | None) -> None:
        self.id = next(self._ids)
        self.ws = ws
        self._transport = transport
        self.session: Session | None = None
        self.closing = False
        self._queue: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()
        self.writer = asyncio.create_task(self._write())

    def send(self, frame: JsonDict) -> None:
        if not self.closing:
            self._queue.put_nowait(("send", json.dumps(frame, separators=(",", ":"))))

    def close(self, code: int, reason: str = "") -> None:
        if not self.closing:
            self.closing = True
            self._queue.put_nowait(("close", (code, reason)))

    def abort(self) -> None:
        """Drop the TCP connection without a close frame, like a network outage."""
        self.closing = True
        if isinstance(self._transport, asyncio.Transport):
            self._transport.abort()

    async def _write(self) -> None:
        while True:
            kind, arg = await self._queue.get()
            try:
                if kind == "send":
                    await self.ws.send_str(arg)
                else:
                    code, reason = arg
                    await self.ws.close(code=code, message=reason.encode())
                    return
            except (ConnectionError, RuntimeError):
                return  # the peer is gone; the reader notices too


class Session:
    def __init__(self, token: str, user_id: int, intents: int, large_threshold: int) -> None:
        self.id = secrets.token_hex(16)
        self.token = token
        self.user_id = user_id
        self.intents = intents
        self.large_threshold = large_threshold
        self.seq = 0
        self.backlog: deque[JsonDict] = deque(maxlen=BACKLOG)
        self.conn: Connection | None = None
        self.detached_at: float | None = None

    def has(self, intent: int) -> bool:
        return bool(self.intents & intent)

    def dispatch(self, event: str, data: JsonDict) -> None:
        self.seq += 1
        frame = {"op": 0, "t": event, "s": self.seq, "d": data}
        self.backlog.append(frame)
        if self.conn is not None:
            self.conn.send(frame)


class GatewayHub:
    def __init__(self, sandbox: Sandbox, heartbeat_interval: int = 41250) -> None:
        self.sb = sandbox
        self.heartbeat_interval = heartbeat_interval
        self.connections: set[Connection] = set()
        self.sessions: dict[str, Session] = {}
        self.log: list[JsonDict] = []  # ops received / events and closes sent, for tests
        self.ack_heartbeats = True  # False: a "zombie" connection that never answers op 1

    # ----- websocket endpoint -------------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=4 * 1024 * 1024)
        await ws.prepare(request)
        conn = Connection(ws, request.transport)
        self.connections.add(conn)
        self._note("open", conn, path=request.path)
        conn.send({"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval}, "s": None, "t": None})
        try:
            async for msg in ws:
                if msg.type == WSMsgType.TEXT:
                    self._on_frame(conn, msg.data)
                else:
                    conn.close(4002, "Error while decoding payload.")
        finally:
            self.connections.discard(conn)
            self._note("closed", conn, code=ws.close_code)
            if conn.session is not None and conn.session.conn is conn:
                conn.session.conn = None
                conn.session.detached_at = time.monotonic()
            if not conn.writer.done():
                conn.writer.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await conn.writer
        return ws

    def _note(self, kind: str, conn: Connection, **extra: Any) -> None:
        self.log.append({"time": time.monotonic(), "kind": kind, "conn": conn.id, **extra})

    def _ack(self, conn: Connection) -> None:
        conn.send({"op": 11, "d": None, "s": None, "t": None})  # a no-op once the connection is closing

    def _on_frame(self, conn: Connection, raw: str) -> None:
        try:
            frame = json.loads(raw)
            op = frame["op"]
            data = frame.get("d")
        except (ValueError, KeyError, TypeError):
            conn.close(4002, "Error while decoding payload.")
            return
        self._note("op", conn, op=op)
        if op == 1:
            if self.ack_heartbeats:
                # A moment later, as over a real network: discord.py records a heartbeat's send time only
                # after its keep-alive thread wakes up, so an instant loopback ACK could be measured against
                # the previous beat ("Can't keep up, shard ID None websocket is 41.3s behind").
                asyncio.get_running_loop().call_later(ACK_DELAY, self._ack, conn)
        elif op == 2:
            self._identify(conn, data if isinstance(data, dict) else {})
        elif op == 6:
            self._resume(conn, data if isinstance(data, dict) else {})
        elif conn.session is None and op in (3, 4, 8):
            conn.close(4003, "Not authenticated.")
        elif op == 8:
            self._request_members(conn, data if isinstance(data, dict) else {})
        elif op in (3, 4):
            pass  # presence and voice state updates are accepted and ignored
        else:
            conn.close(4001, "Unknown opcode.")

    # ----- sessions ---------------------------------------------------------------------------------

    def _identify(self, conn: Connection, data: JsonDict) -> None:
        if conn.session is not None:
            conn.close(4005, "Already authenticated.")
            return
        token = data.get("token")
        user = self.sb.user_for_token(token)
        if user is None or not isinstance(token, str):
            self._note("close", conn, code=4004)
            conn.close(4004, "Authentication failed.")
            return
        intents = data.get("intents")
        if not isinstance(intents, int) or intents < 0:
            conn.close(4013, "Invalid intent(s).")
            return
        if intents & PRIVILEGED & ~self.sb.allowed_privileged:
            self._note("close", conn, code=4014)
            conn.close(4014, "Disallowed intent(s).")
            return
        self._prune()
        session = Session(token, user.id, intents, int(data.get("large_threshold") or 50))
        self.sessions[session.id] = session
        session.conn = conn
        conn.session = session
        guilds = self.sb.guilds_of(user.id)
        ready = {
            "v": 10,
            "user": user.me_payload(),
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
            "session_id": session.id,
            "session_type": "normal",
            "resume_gateway_url": self.sb.resume_gateway_url,
            "application": {"id": str(self.sb.application_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": ["sandbox"],
            "auth": {},
            "user_settings": {},
        }
        if "shard" in data:
            ready["shard"] = data["shard"]
        session.dispatch("READY", ready)
        for guild in guilds:
            session.dispatch("GUILD_CREATE", self.guild_create(guild, session))

    def _resume(self, conn: Connection, data: JsonDict) -> None:
        session = self.sessions.get(str(data.get("session_id")))
        token = data.get("token")
        if self.sb.user_for_token(token) is None:
            conn.close(4004, "Authentication failed.")
            return
        if session is None or session.token != token:
            conn.send({"op": 9, "d": False, "s": None, "t": None})
            return
        old = session.conn
        if old is not None and old is not conn:
            old.close(4000, "Session resumed elsewhere.")
        session.conn = conn
        session.detached_at = None
        conn.session = session
        last = data.get("seq") or 0
        for frame in list(session.backlog):
            if frame["s"] > last:
                conn.send(frame)
        conn.send({"op": 0, "t": "RESUMED", "s": None, "d": {}})

    def _prune(self) -> None:
        cutoff = time.monotonic() - SESSION_TTL
        for sid, s in list(self.sessions.items()):
            if s.conn is None and s.detached_at is not None and s.detached_at < cutoff:
                del self.sessions[sid]

    def _request_members(self, conn: Connection, data: JsonDict) -> None:
        session = conn.session
        assert session is not None
        raw = data.get("guild_id")
        guild_ids = raw if isinstance(raw, list) else [raw]
        query = str(data.get("query") or "").lower()
        limit = int(data.get("limit") or 0)
        user_ids = data.get("user_ids")
        wanted = None
        if user_ids is not None:
            wanted = {as_id(u) for u in (user_ids if isinstance(user_ids, list) else [user_ids])}
        for gid in guild_ids:
            guild = self.sb.guild(as_id(gid) or 0)
            if guild is None:
                continue
            members = []
            for uid, member in guild.members.items():
                user = self.sb.users[uid]
                if wanted is not None and uid not in wanted:
                    continue
                if query and not user.username.lower().startswith(query):
                    continue
                members.append((user, member))
            if limit:
                members = members[:limit]
            chunk: JsonDict = {
                "guild_id": str(guild.id),
                "members": [m.payload(u) for u, m in members],
                "chunk_index": 0,
                "chunk_count": 1,
            }
            if "nonce" in data:
                chunk["nonce"] = data["nonce"]
            if wanted is not None:
                chunk["not_found"] = [str(u) for u in wanted if u not in guild.members]
            if data.get("presences") and session.has(GUILD_PRESENCES):
                chunk["presences"] = self.presences(guild, [u.id for u, _ in members])
            session.dispatch("GUILD_MEMBERS_CHUNK", chunk)

    # ----- payloads that depend on the session's intents -------------------------------------------

    def presences(self, guild: Guild, user_ids: list[int]) -> list[JsonDict]:
        return [presence_payload(uid, guild.id, True) for uid in user_ids if self.sb.is_online(uid)]

    def guild_create(self, guild: Guild, session: Session) -> JsonDict:
        # Without GUILD_PRESENCES Discord sends only the bot's own member (discord.py then chunks).
        if session.has(GUILD_PRESENCES):
            member_ids = list(guild.members)
        else:
            member_ids = [session.user_id] if session.user_id in guild.members else []
        data = guild.payload()
        data.update(
            {
                "unavailable": False,
                "large": len(guild.members) > session.large_threshold,
                "member_count": len(guild.members),
                "joined_at": guild.joined_at,
                "lazy": False,
                "channels": [c.payload() for c in guild.channels.values()],
                "members": [guild.members[uid].payload(self.sb.users[uid]) for uid in member_ids],
                "presences": self.presences(guild, list(guild.members))
                if session.has(GUILD_PRESENCES)
                else [],
                "threads": [],
                "voice_states": [],
                "stage_instances": [],
                "guild_scheduled_events": [],
                "soundboard_sounds": [],
            }
        )
        return data

    # ----- broadcasting -------------------------------------------------------------------------------

    def dispatch(self, event: str, build: Callable[[Session], JsonDict | None]) -> None:
        """Send ``event`` to every live or resumable session for which ``build`` returns a payload."""
        for session in list(self.sessions.values()):
            data = build(session)
            if data is not None:
                session.dispatch(event, data)
        self.log.append({"time": time.monotonic(), "kind": "dispatch", "event": event})

    # ----- faults -------------------------------------------------------------------------------------

    def close_all(self, code: int, reason: str = "") -> int:
        for conn in list(self.connections):
            conn.close(code, reason)
        return len(self.connections)

    def send_op(self, op: int, data: Any = None) -> int:
        for conn in list(self.connections):
            if conn.session is not None:
                conn.send({"op": op, "d": data, "s": None, "t": None})
        return len(self.connections)

    def invalidate(self, resumable: bool) -> int:
        count = self.send_op(9, resumable)
        if not resumable:
            self.sessions.clear()
        return count

    def revoke(self, token: str) -> None:
        for sid, s in list(self.sessions.items()):
            if s.token == token:
                if s.conn is not None:
                    s.conn.close(4004, "Authentication failed.")
                del self.sessions[sid]

    def abort_all(self) -> None:
        for conn in list(self.connections):
            conn.abort()

    async def shutdown(self, timeout: float = 1.0) -> None:
        conns = list(self.connections)
        for conn in conns:
            conn.close(1001, "Sandbox stopping.")
        writers = [c.writer for c in conns]
        if writers:
            await asyncio.wait(writers, timeout=timeout)
        for conn in conns:
            if not conn.writer.done():
                conn.abort()
