"""The state of coze-discord-proxy's OpenAI-compatible API, as seen by ``GET {cdp_url}/v1/models``.

Only the model list is ever asked for: a chat call would spend the user's Coze quota. The latest check is
kept in a small JSON file beside the history (``cdp_endpoint.json``) so that ``status`` and a second process
see it, and so that the next check knows whether the endpoint went down or came back.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from .atomic_file import atomic_write
from .messages import Message, template

FILENAME = "cdp_endpoint.json"
_C = "CdpEndpoint"


class EndpointState(StrEnum):
    UP = "up"
    UNAUTHORIZED = "unauthorized"
    UNREACHABLE = "unreachable"
    ERROR = "error"

    @property
    def is_down(self) -> bool:
        return self is not EndpointState.UP


# What each state means, for the header, the notification and `status` (rendered by the shells).
ENDPOINT_TEXT: dict[EndpointState, Message] = {
    EndpointState.UP: template(_C, "cdp.up", "CDP answers again.")(),
    EndpointState.UNAUTHORIZED: template(
        _C,
        "cdp.unauthorized",
        "CDP refused the proxy secret; store the current PROXY_SECRET with `cdp-desktop cdp-secret set`.",
    )(),
    EndpointState.UNREACHABLE: template(
        _C,
        "cdp.unreachable",
        "CDP did not answer; check that its container is running and that cdp_url is right.",
    )(),
    EndpointState.ERROR: template(_C, "cdp.error", "CDP answered with an error; see its log.")(),
}
STATE_MESSAGES: dict[EndpointState, Message] = {
    EndpointState.UP: template(_C, "cdp.state.up", "up")(),
    EndpointState.UNAUTHORIZED: template(_C, "cdp.state.unauthorized", "unauthorized")(),
    EndpointState.UNREACHABLE: template(_C, "cdp.state.unreachable", "unreachable")(),
    EndpointState.ERROR: template(_C, "cdp.state.error", "error")(),
}
# The state names as English source texts (context "CdpEndpoint"), for callers that translate them.
STATE_TEXT = {state: str(message) for state, message in STATE_MESSAGES.items()}

_UP_LINE = template(_C, "cdp.line.up", "CDP endpoint: {state} (models: {models}, {ms} ms)")
_DOWN_LINE = template(_C, "cdp.line.down", "CDP endpoint: {state} ({detail})")
_STATE_LINE = template(_C, "cdp.line.state", "CDP endpoint: {state}")


@dataclass(frozen=True)
class EndpointCheck:
    state: EndpointState
    url: str
    checked_at: datetime
    latency_ms: int | None = None
    models: tuple[str, ...] = ()
    http_status: int | None = None
    detail: str = ""  # English, for logs and --json (e.g. "connection refused", "HTTP 502")
    reason: Message | None = None  # the same for a person, in their language (None: ``detail`` says it)

    def summary_message(self) -> Message:
        """One line for the run history (``detail`` is the HTTP client's own words, kept as they are)."""
        state = STATE_MESSAGES[self.state]
        if self.state is EndpointState.UP:
            return _UP_LINE(state=state, models=", ".join(self.models) or "-", ms=str(self.latency_ms))
        if self.reason is not None:
            return _DOWN_LINE(state=state, detail=self.reason)
        return _DOWN_LINE(state=state, detail=self.detail) if self.detail else _STATE_LINE(state=state)

    def summary(self) -> str:
        """One English line for logs."""
        return str(self.summary_message())

    def to_json(self) -> dict[str, Any]:
        return {
            "state": self.state.value,
            "url": self.url,
            "checked_at": self.checked_at.isoformat(),
            "latency_ms": self.latency_ms,
            "models": list(self.models),
            "http_status": self.http_status,
            "detail": self.detail,
            "reason": None if self.reason is None else self.reason.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EndpointCheck:
        return cls(
            state=EndpointState(data["state"]),
            url=str(data["url"]),
            checked_at=datetime.fromisoformat(data["checked_at"]),
            latency_ms=data.get("latency_ms"),
            models=tuple(str(m) for m in data.get("models") or ()),
            http_status=data.get("http_status"),
            detail=str(data.get("detail") or ""),
            reason=Message.from_json(data["reason"]) if isinstance(data.get("reason"), dict) else None,
        )


def models_from_body(body: Any) -> tuple[str, ...] | None:
    """Model IDs from an OpenAI-style ``{"data": [{"id": …}, …]}``; None when the body is not that."""
    if not isinstance(body, dict) or not isinstance(body.get("data"), list):
        return None
    return tuple(str(m["id"]) for m in body["data"] if isinstance(m, dict) and "id" in m)


@dataclass
class EndpointLedger:
    """The last check, on disk."""

    directory: Path
    _cache: EndpointCheck | None = field(default=None, repr=False)

    @property
    def path(self) -> Path:
        return self.directory / FILENAME

    def last(self) -> EndpointCheck | None:
        try:
            return EndpointCheck.from_json(json.loads(self.path.read_text("utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # never checked, or a damaged file: the next check rewrites it

    def record(self, check: EndpointCheck) -> EndpointCheck | None:
        """Store ``check``; returns the previous one."""
        previous = self.last()
        atomic_write(self.path, json.dumps(check.to_json(), ensure_ascii=False).encode("utf-8") + b"\n")
        return previous

    def forget(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink()
