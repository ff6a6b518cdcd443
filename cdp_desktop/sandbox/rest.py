"""REST v10 under /api/v10: the routes discord.py needs for login, channels, messages and members.

One middleware does what Discord does around every call, in this order: latency, body parsing,
``Authorization: Bot <token>`` (401), the global limit, scripted faults, unknown route (404/405), the
route bucket, then the handler; and it records the request log.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from aiohttp import web
from aiohttp.web_urldispatcher import MatchInfoError

from .faults import API_PREFIX
from .model import CATEGORY, ERROR_MESSAGES, TEXT, Channel, JsonDict, as_id, error_body, field_error

if TYPE_CHECKING:
    from .server import Sandbox

log = logging.getLogger(__name__)

SANDBOX_KEY: web.AppKey[Sandbox] = web.AppKey("sandbox")
BODY_KEY: web.RequestKey[Any] = web.RequestKey("json_body", object)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class ApiError(Exception):
    def __init__(self, status: int, code: int, message: str | None = None, errors: JsonDict | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # Exactly "application/json": discord.py returns the body as a *string* when a charset is appended.
    return web.Response(
        body=json.dumps(data, separators=(",", ":")).encode(),
        status=status,
        content_type="application/json",
        headers=headers,
    )


def error_response(
    status: int, code: int, message: str | None = None, errors: JsonDict | None = None
) -> web.Response:
    if message is None:
        message = ERROR_MESSAGES.get(code) if code else None
    if message is None:
        message = f"{status}: {_reason(status)}"
    return json_response(error_body(code, message, errors), status)


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def too_many(retry_after: float, *, is_global: bool, scope: str) -> web.Response:
    body = {
        "message": "You are being rate limited.",
        "retry_after": retry_after,
        "global": is_global,
        "code": 0,
    }
    headers = {"Retry-After": str(max(1, round(retry_after + 0.4999))), "X-RateLimit-Scope": scope}
    if is_global:
        headers["X-RateLimit-Global"] = "true"
    return json_response(body, 429, headers)


# ----- middleware ----------------------------------------------------------------------------------------


@web.middleware
async def api_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    if not request.path.startswith(API_PREFIX + "/"):
        return await handler(request)
    sb = request.app[SANDBOX_KEY]
    if sb.offline:
        # A request that slipped in on a kept-alive connection while "the server is down".
        if request.transport is not None:
            request.transport.abort()
        raise web.HTTPServiceUnavailable()
    entry: JsonDict = {
        "method": request.method,
        "path": request.path[len(API_PREFIX) :],
        "query": dict(request.query),
        "json": None,
        "time": time.time(),
        "mono": time.monotonic(),
        "status": None,
        "code": None,
        "rate_limited": None,
        "counted": False,
        "reason": request.headers.get("X-Audit-Log-Reason"),
    }
    try:
        response = await _process(sb, request, handler, entry)
    except ApiError as exc:
        response = error_response(exc.status, exc.code, exc.message, exc.errors)
        entry["code"] = exc.code
    except asyncio.CancelledError:
        entry["status"] = 499
        sb.request_log.append(entry)
        raise
    except Exception as exc:
        log.exception("sandbox handler failed")
        sb.errors.append(f"{request.method} {request.path}: {exc!r}")
        response = error_response(500, 0)
    response.headers.setdefault("Via", "1.1 google")
    entry["status"] = response.status
    sb.request_log.append(entry)
    return response


async def _process(
    sb: Sandbox, request: web.Request, handler: Handler, entry: JsonDict
) -> web.StreamResponse:
    if sb.latency > 0:
        await asyncio.sleep(sb.latency)
    method, path = request.method, entry["path"]
    body = await _read_body(request)
    entry["json"] = body
    request[BODY_KEY] = body

    token = None
    if not (method == "GET" and path == "/gateway"):
        auth = request.headers.get("Authorization", "")
        token = auth[4:] if auth.startswith("Bot ") else None
        if sb.user_for_token(token) is None:
            raise ApiError(401, 0, "401: Unauthorized")

    now = time.monotonic()
    entry["mono"] = now
    if sb.rate_limits and token is not None:
        wait = sb.global_limiter.check(token, now)
        if wait is not None:
            entry["rate_limited"] = "global"
            return too_many(wait, is_global=True, scope="global")
    entry["counted"] = True

    fault = sb.faults.take(method, path)
    if fault is not None and fault.delay is not None:
        await asyncio.sleep(fault.delay)
        fault = None
    if fault is not None:
        if fault.retry_after is not None:
            entry["rate_limited"] = "injected"
            scope = "global" if fault.is_global else "user"
            return too_many(fault.retry_after, is_global=fault.is_global, scope=scope)
        entry["code"] = fault.code
        return error_response(fault.status, fault.code, fault.message)

    match = request.match_info
    if isinstance(match, MatchInfoError):
        status = match.http_exception.status
        raise ApiError(status, 0, f"{status}: {_reason(status)}")

    headers: dict[str, str] = {}
    if sb.rate_limits and token is not None:
        template = match.route.resource.canonical[len(API_PREFIX) :] if match.route.resource else path
        major = match.get("channel_id") or match.get("guild_id") or ""
        verdict = sb.route_limiter.check(token, method, template, major, _guild_key(sb, match), now)
        headers = verdict.headers
        if verdict.retry_after is not None:
            entry["rate_limited"] = verdict.scope
            refused = too_many(verdict.retry_after, is_global=False, scope=verdict.scope)
            refused.headers.update(headers)
            return refused
    response = await handler(request)
    response.headers.update(headers)
    return response


def _guild_key(sb: Sandbox, match: Any) -> str:
    if "guild_id" in match:
        return str(match["guild_id"])
    channel = sb.channel(_int(match.get("channel_id")))
    return str(channel.guild_id) if channel else str(match.get("channel_id"))


async def _read_body(request: web.Request) -> Any:
    if not request.body_exists:
        return None
    if request.content_type == "multipart/form-data":
        # discord.py sends files as multipart with the JSON part in "payload_json".
        data = await request.post()
        raw = data.get("payload_json")
        text = raw if isinstance(raw, str) else None
    else:
        text = await request.text()
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        raise ApiError(400, 50109) from None


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


def _body(request: web.Request) -> JsonDict:
    body = request.get(BODY_KEY)
    if body is None:
        return {}
    if not isinstance(body, dict):
        raise ApiError(
            400,
            50035,
            errors={
                "_errors": [
                    {"code": "DICT_TYPE_CONVERT", "message": "Only dictionaries may be used in a DictType"}
                ]
            },
        )
    return body


# ----- lookups ---------------------------------------------------------------------------------------


def _channel(sb: Sandbox, request: web.Request, *, send: bool = False) -> Channel:
    channel = sb.channel(_int(request.match_info["channel_id"]))
    guild = sb.guild(channel.guild_id) if channel is not None else None
    if channel is None or guild is None or sb.bot_user_id not in guild.members:
        raise ApiError(404, 10003)
    code = sb.forbidden.get(channel.id)
    if code == 50001 or (code == 50013 and send):
        raise ApiError(403, code)
    return channel


def _guild(sb: Sandbox, request: web.Request) -> Any:
    guild = sb.guild(_int(request.match_info["guild_id"]))
    if guild is None or sb.bot_user_id not in guild.members:
        raise ApiError(404, 10004)
    return guild


# ----- handlers --------------------------------------------------------------------------------------------


async def get_me(request: web.Request) -> web.Response:
    sb = request.app[SANDBOX_KEY]
    return json_response(sb.users[sb.bot_user_id].me_payload())


async def get_my_guilds(request: web.Request) -> web.Response:
    sb = request.app[SANDBOX_KEY]
    guilds: list[JsonDict] = [
        {
            "id": str(g.id),
            "name": g.name,
            "icon": None,
            "banner": None,
            "owner": False,
            "permissions": "0",
            "features": [],
        }
        for g in sb.guilds_of(sb.bot_user_id)
    ]
    return json_response(guilds)


async def get_user(request: web.Request) -> web.Response:
    sb = request.app[SANDBOX_KEY]
    user = sb.users.get(_int(request.match_info["user_id"]))
    if user is None:
        raise ApiError(404, 10013)
    return json_response(user.payload())


async def get_application(request: web.Request) -> web.Response:
    sb = request.app[SANDBOX_KEY]
    bot = sb.users[sb.bot_user_id]
    return json_response(
        {
            "id": str(sb.application_id),
            "name": bot.global_name or bot.username,
            "description": "A bot living in the local CDP Desktop sandbox.",
            "icon": None,
            "bot_public": False,
            "bot_require_code_grant": False,
            "owner": sb.users[sb.owner_id].payload(),
            "verify_key": "0" * 64,
            "flags": 0,
            "team": None,
            "summary": "",
            "rpc_origins": [],
            "interactions_endpoint_url": None,
            "bot": bot.payload(),
        }
    )


async def get_gateway(request: web.Request) -> web.Response:
    return json_response({"url": request.app[SANDBOX_KEY].gateway_url})


async def get_gateway_bot(request: web.Request) -> web.Response:
    return json_response(
        {
            "url": request.app[SANDBOX_KEY].gateway_url,
            "shards": 1,
            "session_start_limit": {
                "total": 1000,
                "remaining": 999,
                "reset_after": 86_400_000,
                "max_concurrency": 1,
            },
        }
    )


async def get_channel(request: web.Request) -> web.Response:
    sb = request.app[SANDBOX_KEY]
    return json_response(_channel(sb, request).payload())


async def delete_channel(request: web.Request) -> web.Response:
    sb = request.app[SANDBOX_KEY]
    channel = _channel(sb, request, send=True)
    return json_response(sb.remove_channel(channel))


async def get_messages(request: web.Request) -> web.Response:
    sb = request.app[SANDBOX_KEY]
    channel = _channel(sb, request)
    query = request.query
    try:
        limit = int(query.get("limit", "50"))
    except ValueError:
        limit = -1
    if not 1 <= limit <= 100:
        raise ApiError(
            400,
            50035,
            errors={"limit": field_error("NUMBER_TYPE_MAX", "int value should be <= 100 and >= 1")},
        )
    msgs = sb.stored_messages(channel.id)  # oldest first
    if "before" in query:
        before = _int(query["before"])
        picked = [m for m in msgs if int(m["id"]) < before][-limit:]
    elif "after" in query:
        after = _int(query["after"])
        picked = [m for m in msgs if int(m["id"]) > after][:limit]
    elif "around" in query:
        around = _int(query["around"])
        older = [m for m in msgs if int(m["id"]) <= around]
        newer = [m for m in msgs if int(m["id"]) > around]
        half = limit // 2
        picked = older[-(limit - half) :] + newer[:half]
    else:
        picked = msgs[-limit:]
    content_intent = bool(sb.allowed_privileged & (1 << 15))
    out = [sb.visible_message(m, sb.bot_user_id, content_intent) for m in reversed(picked)]
    return json_response(out)  # newest first, like Discord


async def get_message(request: web.Request) -> web.Response:
    sb = request.app[SANDBOX_KEY]
    channel = _channel(sb, request)
    wanted = request.match_info["message_id"]
    for msg in sb.stored_messages(channel.id):
        if msg["id"] == wanted:
            return json_response(
                sb.visible_message(msg, sb.bot_user_id, bool(sb.allowed_privileged & (1 << 15)))
            )
    raise ApiError(404, 10008)


async def post_message(request: web.Request) -> web.Response:
    sb = request.app[SANDBOX_KEY]
    channel = _channel(sb, request, send=True)
    body = _body(request)
    if channel.type != TEXT:
        raise ApiError(400, 50008)
    content = body.get("content")
    if content is not None and not isinstance(content, str):
        content = str(content)
    embeds = body.get("embeds") or []
    if not content and not embeds and not body.get("sticker_ids") and not body.get("attachments"):
        raise ApiError(400, 50006)
    if content and len(content) > 2000:
        raise ApiError(
            400,
            50035,
            errors={"content": field_error("BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.")},
        )
    msg = sb.create_message(
        channel,
        sb.bot_user_id,
        content or "",
        nonce=body.get("nonce"),
        tts=bool(body.get("tts")),
        embeds=embeds,
    )
    return json_response(msg)


async def delete_message(request: web.Request) -> web.Response:
    """Like Discord: a bot may delete its own messages; anyone else's needs Manage Messages (not granted)."""
    sb = request.app[SANDBOX_KEY]
    channel = _channel(sb, request)
    wanted = request.match_info["message_id"]
    for msg in sb.stored_messages(channel.id):
        if msg["id"] == wanted:
            if int(msg["author"]["id"]) != sb.bot_user_id:
                raise ApiError(403, 50013)
            sb.remove_message(channel, msg)
            return web.Response(status=204)
    raise ApiError(404, 10008)


async def get_guild(request: web.Request) -> web.Response:
    sb = request.app[SANDBOX_KEY]
    guild = _guild(sb, request)
    data = guild.payload()
    data["approximate_member_count"] = len(guild.members)
    return json_response(data)


async def get_guild_channels(request: web.Request) -> web.Response:
    sb = request.app[SANDBOX_KEY]
    guild = _guild(sb, request)
    return json_response(sb.channels(guild.id))


async def create_guild_channel(request: web.Request) -> web.Response:
    sb = request.app[SANDBOX_KEY]
    guild = _guild(sb, request)
    body = _body(request)
    errors: JsonDict = {}
    name = body.get("name")
    if not isinstance(name, str) or not name.strip():
        errors["name"] = field_error("BASE_TYPE_REQUIRED", "This field is required")
    elif not 1 <= len(name) <= 100:
        errors["name"] = field_error("BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
    ctype = body.get("type", TEXT)
    if ctype not in (TEXT, CATEGORY):
        errors["type"] = field_error("BASE_TYPE_CHOICES", f"Value must be one of {{{TEXT}, {CATEGORY}}}.")
    try:
        parent_id = as_id(body.get("parent_id"))
    except ValueError:
        parent_id = None
        errors["parent_id"] = field_error("NUMBER_TYPE_COERCE", "Value is not snowflake.")
    if parent_id is not None:
        parent = guild.channels.get(parent_id)
        if parent is None or parent.type != CATEGORY or ctype == CATEGORY:
            errors["parent_id"] = field_error("CHANNEL_PARENT_INVALID", "Invalid parent channel")
    topic = body.get("topic")
    if topic is not None and (not isinstance(topic, str) or len(topic) > 1024):
        errors["topic"] = field_error("BASE_TYPE_BAD_LENGTH", "Must be between 0 and 1024 in length.")
    position = body.get("position")
    if position is not None and (isinstance(position, bool) or not isinstance(position, int)):
        errors["position"] = field_error("NUMBER_TYPE_COERCE", "Value is not int.")
    if errors:
        raise ApiError(400, 50035, errors=errors)
    if len(guild.channels) >= sb.max_channels:
        raise ApiError(400, 30013, f"Maximum number of guild channels reached ({sb.max_channels})")
    assert isinstance(name, str)
    if ctype == TEXT:
        name = "-".join(name.lower().split())  # Discord normalises text channel names
    overwrites = [
        {
            "id": str(o.get("id")),
            "type": o.get("type", 0),
            "allow": str(o.get("allow", 0)),
            "deny": str(o.get("deny", 0)),
        }
        for o in body.get("permission_overwrites") or []
        if isinstance(o, dict)
    ]
    channel = sb.create_channel(
        guild.id,
        name,
        type=ctype,
        parent_id=parent_id,
        topic=topic if ctype == TEXT else None,
        position=position,
        overwrites=overwrites,
    )
    return json_response(channel.payload(), status=201)


async def get_members(request: web.Request) -> web.Response:
    sb = request.app[SANDBOX_KEY]
    guild = _guild(sb, request)
    limit = max(1, min(1000, _int(request.query.get("limit", "1"))))
    after = _int(request.query.get("after", "0"))
    ids = sorted(uid for uid in guild.members if uid > after)[:limit]
    return json_response([guild.members[uid].payload(sb.users[uid]) for uid in ids])


async def get_member(request: web.Request) -> web.Response:
    sb = request.app[SANDBOX_KEY]
    guild = _guild(sb, request)
    uid = _int(request.match_info["user_id"])
    member = guild.members.get(uid)
    if member is None:
        raise ApiError(404, 10007)
    return json_response(member.payload(sb.users[uid]))


def add_routes(app: web.Application) -> None:
    r = app.router
    p = API_PREFIX
    r.add_get(f"{p}/users/@me", get_me)
    r.add_get(f"{p}/users/@me/guilds", get_my_guilds)
    r.add_get(f"{p}/users/{{user_id}}", get_user)
    r.add_get(f"{p}/oauth2/applications/@me", get_application)
    r.add_get(f"{p}/applications/@me", get_application)
    r.add_get(f"{p}/gateway", get_gateway)
    r.add_get(f"{p}/gateway/bot", get_gateway_bot)
    r.add_get(f"{p}/channels/{{channel_id}}", get_channel)
    r.add_delete(f"{p}/channels/{{channel_id}}", delete_channel)
    r.add_get(f"{p}/channels/{{channel_id}}/messages", get_messages)
    r.add_post(f"{p}/channels/{{channel_id}}/messages", post_message)
    r.add_get(f"{p}/channels/{{channel_id}}/messages/{{message_id}}", get_message)
    r.add_delete(f"{p}/channels/{{channel_id}}/messages/{{message_id}}", delete_message)
    r.add_get(f"{p}/guilds/{{guild_id}}", get_guild)
    r.add_get(f"{p}/guilds/{{guild_id}}/channels", get_guild_channels)
    r.add_post(f"{p}/guilds/{{guild_id}}/channels", create_guild_channel)
    r.add_get(f"{p}/guilds/{{guild_id}}/members", get_members)
    r.add_get(f"{p}/guilds/{{guild_id}}/members/{{user_id}}", get_member)
