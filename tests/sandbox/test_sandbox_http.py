"""Wire details checked with a plain HTTP client: content type, errors, 429 shape, control routes."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import pytest

from cdp_desktop.sandbox import Sandbox
from tests.sandbox.helpers import run, sandbox


def _auth(sb: Sandbox) -> dict[str, str]:
    return {"Authorization": f"Bot {sb.token}"}


async def _call(
    http: aiohttp.ClientSession, method: str, url: str, **kw: Any
) -> tuple[int, Any, aiohttp.typedefs.LooseHeaders]:
    async with http.request(method, url, **kw) as resp:
        return resp.status, await resp.json(content_type=None), resp.headers


def test_responses_are_exactly_application_json_and_errors_discord_shaped() -> None:
    async def scenario() -> None:
        async with sandbox(rate_limits=True) as sb, aiohttp.ClientSession() as http:
            api = sb.api_base
            status, body, headers = await _call(http, "GET", f"{api}/users/@me", headers=_auth(sb))
            assert status == 200 and headers["Content-Type"] == "application/json"
            assert body["id"] == str(sb.bot_user_id) and body["bot"] is True
            assert headers["X-RateLimit-Bucket"] and headers["X-RateLimit-Remaining"]

            status, body, _ = await _call(http, "GET", f"{api}/users/@me")
            assert (status, body) == (401, {"message": "401: Unauthorized", "code": 0})
            status, body, _ = await _call(
                http, "GET", f"{api}/users/@me", headers={"Authorization": sb.token}
            )
            assert status == 401  # the "Bot " prefix is required

            status, body, _ = await _call(http, "GET", f"{api}/gateway")  # no token needed, like Discord
            assert status == 200 and body == {"url": sb.gateway_url}
            status, body, _ = await _call(http, "GET", f"{api}/gateway/bot", headers=_auth(sb))
            assert body["url"] == sb.gateway_url and body["shards"] == 1

            status, body, _ = await _call(
                http, "POST", f"{api}/guilds/{sb.guild_id}/channels", json={"type": 0}, headers=_auth(sb)
            )
            assert status == 400 and body["code"] == 50035
            assert body["errors"]["name"]["_errors"][0]["code"] == "BASE_TYPE_REQUIRED"

            status, body, _ = await _call(
                http,
                "POST",
                f"{api}/guilds/{sb.guild_id}/channels",
                json={"name": "as-str", "parent_id": str(sb.category_id)},
                headers=_auth(sb),
            )
            assert status == 201 and body["parent_id"] == str(sb.category_id) and body["guild_id"]

            status, body, _ = await _call(http, "GET", f"{api}/nope", headers=_auth(sb))
            assert (status, body["code"]) == (404, 0)
            status, body, _ = await _call(http, "PUT", f"{api}/users/@me", headers=_auth(sb))
            assert status == 405
            status, body, _ = await _call(
                http, "POST", f"{api}/channels/{sb.text_channel_ids[0]}/messages", json={}, headers=_auth(sb)
            )
            assert (status, body["code"]) == (400, 50006)
            status, body, _ = await _call(
                http,
                "POST",
                f"{api}/channels/{sb.category_id}/messages",
                json={"content": "x"},
                headers=_auth(sb),
            )
            assert (status, body["code"]) == (400, 50008)
            status, body, _ = await _call(
                http,
                "POST",
                f"{api}/channels/{sb.text_channel_ids[0]}/messages",
                data=b"{not json",
                headers={**_auth(sb), "Content-Type": "application/json"},
            )
            assert (status, body["code"]) == (400, 50109)

            sb.rate_limit("/users/@me", 1.5, global_=True)
            status, body, headers = await _call(http, "GET", f"{api}/users/@me", headers=_auth(sb))
            assert status == 429 and headers["Via"] and headers["X-RateLimit-Scope"] == "global"
            assert body == {
                "message": "You are being rate limited.",
                "retry_after": 1.5,
                "global": True,
                "code": 0,
            }
            assert headers["Retry-After"] == "2"

    run(scenario())


def test_history_for_apps_without_message_content_is_blank() -> None:
    async def scenario() -> None:
        async with sandbox(privileged_intents=False) as sb, aiohttp.ClientSession() as http:
            cid = sb.text_channel_ids[0]
            sb.post_message(cid, "hidden", author_id=sb.owner_id)
            sb.post_message(cid, f"<@{sb.bot_user_id}> visible", author_id=sb.owner_id)
            status, body, _ = await _call(
                http, "GET", f"{sb.api_base}/channels/{cid}/messages", headers=_auth(sb)
            )
            assert status == 200
            assert [m["content"] for m in body] == [f"<@{sb.bot_user_id}> visible", ""]

    run(scenario())


def test_control_routes_mirror_the_fault_api() -> None:
    async def scenario() -> None:
        async with sandbox() as sb, aiohttp.ClientSession() as http:
            ctl = f"http://127.0.0.1:{sb.port}/_sandbox"
            cid = sb.text_channel_ids[0]
            _, state, _ = await _call(http, "GET", f"{ctl}/state")
            assert state["guild_id"] == str(sb.guild_id) and state["api_base"] == sb.api_base

            await _call(
                http,
                "POST",
                f"{ctl}/fail_next",
                json={"method": "GET", "path": "/channels/*", "status": 404, "code": 10003},
            )
            status, body, _ = await _call(http, "GET", f"{sb.api_base}/channels/{cid}", headers=_auth(sb))
            assert (status, body) == (404, {"message": "Unknown Channel", "code": 10003})
            status, _, _ = await _call(http, "GET", f"{sb.api_base}/channels/{cid}", headers=_auth(sb))
            assert status == 200

            _, log, _ = await _call(http, "GET", f"{ctl}/requests")
            assert [(r["path"], r["status"]) for r in log] == [
                (f"/channels/{cid}", 404),
                (f"/channels/{cid}", 200),
            ]
            await _call(http, "DELETE", f"{ctl}/requests")
            assert sb.requests == []

            await _call(http, "POST", f"{ctl}/rate_limit", json={"path": None, "retry_after": 0.1})
            status, _, _ = await _call(http, "GET", f"{sb.api_base}/users/@me", headers=_auth(sb))
            assert status == 429

            _, posted, _ = await _call(http, "POST", f"{ctl}/channels/{cid}/messages", json={"content": "hi"})
            assert posted["author"]["id"] == str(sb.target_bot_id)
            _, msgs, _ = await _call(http, "GET", f"{ctl}/channels/{cid}/messages")
            assert [m["content"] for m in msgs] == ["hi"]

            await _call(http, "POST", f"{ctl}/channels/{cid}/forbid", json={"code": 50013})
            status, body, _ = await _call(
                http,
                "POST",
                f"{sb.api_base}/channels/{cid}/messages",
                json={"content": "x"},
                headers=_auth(sb),
            )
            assert (status, body["code"]) == (403, 50013)
            await _call(http, "POST", f"{ctl}/channels/{cid}/allow")

            _, target, _ = await _call(http, "POST", f"{ctl}/target", json={"silent": True, "online": False})
            assert target == {"silent": True, "online": False}
            await _call(http, "POST", f"{ctl}/latency", json={"seconds": 0.0})
            await _call(http, "POST", f"{ctl}/token/revoke")
            status, _, _ = await _call(http, "GET", f"{sb.api_base}/users/@me", headers=_auth(sb))
            assert status == 401
            await _call(http, "POST", f"{ctl}/token/restore")

            _, res, _ = await _call(http, "DELETE", f"{ctl}/channels/{cid}")
            assert res == {"deleted": True} and cid not in sb.text_channel_ids
            _, chans, _ = await _call(http, "GET", f"{ctl}/guilds/{sb.guild_id}/channels")
            assert str(cid) not in [c["id"] for c in chans]
            _, guilds, _ = await _call(http, "GET", f"{ctl}/guilds")
            assert guilds[0]["id"] == str(sb.guild_id)
            status, err, _ = await _call(http, "POST", f"{ctl}/fail_next", json={})
            assert status == 400 and "error" in err

            _, answer, _ = await _call(http, "POST", f"{ctl}/outage", json={"seconds": 0.3})
            assert answer["seconds"] == 0.3
            await asyncio.sleep(0.15)
            assert sb.offline
            with pytest.raises(aiohttp.ClientConnectionError):
                await _call(http, "GET", f"{ctl}/state")
            await asyncio.sleep(0.4)
            _, state, _ = await _call(http, "GET", f"{ctl}/state")
            assert state["offline"] is False

    run(scenario())


def test_latency_delays_every_api_call() -> None:
    async def scenario() -> None:
        import time

        async with sandbox() as sb, aiohttp.ClientSession() as http:
            sb.set_latency(0.2)
            started = time.perf_counter()
            status, _, _ = await _call(http, "GET", f"{sb.api_base}/users/@me", headers=_auth(sb))
            assert status == 200 and time.perf_counter() - started >= 0.2

    run(scenario())
