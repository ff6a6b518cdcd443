"""HTTP control routes under /_sandbox: the fault API and state, for subprocess tests and demos.

They take and return JSON, need no token (the server listens on 127.0.0.1 only) and are not logged.
"""

from __future__ import annotations

import asyncio
import inspect
import json
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from aiohttp import web

from .rest import SANDBOX_KEY, json_response

if TYPE_CHECKING:
    from .server import Sandbox

PREFIX = "/_sandbox"
Action = Callable[["Sandbox", dict[str, Any], web.Request], Any]


def _id(value: Any) -> int:
    return int(value)


def _route(action: Action) -> Callable[[web.Request], Awaitable[web.Response]]:
    async def handler(request: web.Request) -> web.Response:
        sb = request.app[SANDBOX_KEY]
        body: dict[str, Any] = {}
        if request.body_exists:
            try:
                parsed = json.loads(await request.text() or "{}")
            except ValueError:
                return json_response({"error": "body is not JSON"}, 400)
            if not isinstance(parsed, dict):
                return json_response({"error": "body must be a JSON object"}, 400)
            body = parsed
        try:
            result = action(sb, body, request)
            if inspect.isawaitable(result):
                result = await result
        except (KeyError, ValueError, TypeError) as exc:
            return json_response({"error": f"{type(exc).__name__}: {exc}"}, 400)
        return json_response({"ok": True} if result is None else result)

    return handler


def _match(request: web.Request, name: str) -> int:
    return _id(request.match_info[name])


ROUTES: list[tuple[str, str, Action]] = [
    ("GET", "/state", lambda sb, b, r: sb.state()),
    ("GET", "/requests", lambda sb, b, r: sb.requests),
    ("DELETE", "/requests", lambda sb, b, r: sb.clear_requests()),
    ("GET", "/guilds", lambda sb, b, r: sb.guilds()),
    ("POST", "/guilds", lambda sb, b, r: {"id": str(sb.add_guild(b.get("name", "Another Guild")))}),
    ("GET", "/guilds/{guild_id}/channels", lambda sb, b, r: sb.channels(_match(r, "guild_id"))),
    (
        "POST",
        "/guilds/{guild_id}/channels",
        lambda sb, b, r: {
            "id": str(
                sb.add_text_channel(
                    _match(r, "guild_id"),
                    b["name"],
                    _id(b["category_id"]) if b.get("category_id") else None,
                    b.get("topic"),
                    b.get("position"),
                )
            )
        },
    ),
    ("GET", "/channels/{channel_id}/messages", lambda sb, b, r: sb.messages(_match(r, "channel_id"))),
    (
        "POST",
        "/channels/{channel_id}/messages",
        lambda sb, b, r: sb.post_message(
            _match(r, "channel_id"), b["content"], _id(b["author_id"]) if b.get("author_id") else None
        ),
    ),
    (
        "DELETE",
        "/channels/{channel_id}",
        lambda sb, b, r: {"deleted": sb.delete_channel(_match(r, "channel_id"))},
    ),
    (
        "POST",
        "/channels/{channel_id}/forbid",
        lambda sb, b, r: sb.forbid_channel(_match(r, "channel_id"), int(b.get("code", 50001))),
    ),
    ("POST", "/channels/{channel_id}/allow", lambda sb, b, r: sb.allow_channel(_match(r, "channel_id"))),
    (
        "POST",
        "/fail_next",
        lambda sb, b, r: sb.fail_next(
            b.get("method", "*"),
            b["path"],
            int(b["status"]),
            int(b.get("code", 0)),
            int(b.get("count", 1)),
            b.get("message"),
        ),
    ),
    (
        "POST",
        "/rate_limit",
        lambda sb, b, r: sb.rate_limit(
            b.get("path"), float(b["retry_after"]), int(b.get("count", 1)), bool(b.get("global", False))
        ),
    ),
    (
        "POST",
        "/delay_next",
        lambda sb, b, r: sb.delay_next(
            b.get("method", "*"), b["path"], float(b["seconds"]), int(b.get("count", 1))
        ),
    ),
    ("POST", "/reset_faults", lambda sb, b, r: sb.reset_faults()),
    ("POST", "/latency", lambda sb, b, r: sb.set_latency(float(b["seconds"]))),
    ("POST", "/token/revoke", lambda sb, b, r: sb.revoke_token()),
    ("POST", "/token/restore", lambda sb, b, r: sb.restore_token()),
    ("POST", "/gateway/close", lambda sb, b, r: {"closed": sb.close_gateways(int(b.get("code", 4000)))}),
    (
        "POST",
        "/gateway/stall_acks",
        lambda sb, b, r: sb.stall_heartbeat_acks(bool(b.get("stalled", True))),
    ),
    ("POST", "/gateway/reconnect", lambda sb, b, r: {"sent": sb.send_reconnect()}),
    (
        "POST",
        "/gateway/invalidate",
        lambda sb, b, r: {"sent": sb.invalidate_sessions(bool(b.get("resumable", False)))},
    ),
    ("POST", "/outage", lambda sb, b, r: _outage(sb, float(b["seconds"]))),
    ("POST", "/target", lambda sb, b, r: _target(sb, b)),
]


def _outage(sb: Sandbox, seconds: float) -> dict[str, Any]:
    # Starts just after this answer has left: the outage drops every open connection, this one too.
    # Over HTTP it always ends by itself, since nothing can reach a sandbox that refuses connections.
    asyncio.get_running_loop().call_later(0.05, sb.outage, seconds)
    return {"starts_in": 0.05, "seconds": seconds}


def _target(sb: Sandbox, body: dict[str, Any]) -> dict[str, Any]:
    if "silent" in body:
        sb.set_target_silent(bool(body["silent"]))
    if "online" in body:
        sb.set_target_online(bool(body["online"]))
    return {"silent": sb.target_silent, "online": sb.target_online}


def add_routes(app: web.Application) -> None:
    for method, path, action in ROUTES:
        app.router.add_route(method, PREFIX + path, _route(action))
