"""A small coze-discord-proxy look-alike beside the Discord sandbox: ``GET /v1/models`` only.

It checks ``Authorization: Bearer <secret>`` like CDP does (401 otherwise) and can be told, through
``POST /_sandbox/cdp`` or :meth:`CdpModels.configure`, to answer slowly or to fail with a status. There is
no chat endpoint: CDP Desktop must never call one.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

DEMO_SECRET = "sk-sandbox-proxy-secret"
DEMO_MODELS = ("coze-gpt-4o", "coze-claude-3.5")


@dataclass
class CdpModels:
    secret: str | None = DEMO_SECRET  # None: no secret required (CDP without PROXY_SECRET)
    models: tuple[str, ...] = DEMO_MODELS
    delay: float = 0.0  # seconds before answering
    fail_status: int | None = None  # answer every request with this status
    requests: list[dict[str, Any]] = field(default_factory=list)

    def configure(self, **changes: Any) -> dict[str, Any]:
        for key, value in changes.items():
            if key not in ("secret", "models", "delay", "fail_status"):
                raise KeyError(key)
            setattr(self, key, tuple(value) if key == "models" else value)
        return self.state()

    def state(self) -> dict[str, Any]:
        return {
            "secret_required": self.secret is not None,
            "models": list(self.models),
            "delay": self.delay,
            "fail_status": self.fail_status,
            "requests": len(self.requests),
        }

    async def handle_models(self, request: web.Request) -> web.Response:
        self.requests.append(
            {"path": request.path, "authorization": bool(request.headers.get("Authorization"))}
        )
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.fail_status is not None:
            return web.json_response({"error": {"message": "sandbox failure"}}, status=self.fail_status)
        if self.secret is not None and request.headers.get("Authorization") != f"Bearer {self.secret}":
            return web.json_response(
                {"error": {"message": "Invalid API key", "type": "invalid_request_error"}}, status=401
            )
        data = [{"id": m, "object": "model", "created": 1704067200, "owned_by": "coze"} for m in self.models]
        return web.json_response({"object": "list", "data": data})

    async def handle_control(self, request: web.Request) -> web.Response:
        if request.method == "GET":
            return web.json_response(self.state())
        try:
            body = json.loads(await request.text() or "{}")
            return web.json_response(self.configure(**body))
        except (ValueError, KeyError, TypeError) as exc:
            return web.json_response({"error": f"{type(exc).__name__}: {exc}"}, status=400)


def add_routes(app: web.Application, cdp: CdpModels) -> None:
    app.router.add_get("/v1/models", cdp.handle_models)
    app.router.add_get("/_sandbox/cdp", cdp.handle_control)
    app.router.add_post("/_sandbox/cdp", cdp.handle_control)
