"""Connection failures are said in the reader's language with the address they concern, never as the
library's English exception text; the log keeps the library's words."""

from __future__ import annotations

import asyncio
import socket

import aiohttp
import pytest

from cdp_desktop import network_errors
from cdp_desktop.discord_client.failures import classify_exception


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _get(url: str) -> BaseException:
    async with aiohttp.ClientSession() as session:
        try:
            async with session.get(url, timeout=aiohttp.ClientTimeout(total=5)):
                pass
        except Exception as exc:  # what aiohttp really raises, not a hand-made exception
            return exc
    raise AssertionError("the request succeeded")


def test_a_refused_connection_names_the_address() -> None:
    port = _free_port()
    exc = asyncio.run(_get(f"http://127.0.0.1:{port}/"))
    message = network_errors.describe(exc)
    assert str(message) == f"127.0.0.1:{port} refused the connection"
    failure = classify_exception(exc)
    assert str(failure.message) == f"Discord could not be reached (127.0.0.1:{port} refused the connection)."
    assert "ClientConnectorError" not in str(failure.message)
    assert "ClientConnectorError" in network_errors.detail(exc)


def test_an_unknown_host_says_the_name_could_not_be_resolved() -> None:
    exc = asyncio.run(_get("http://no-such-host.invalid/"))
    assert str(network_errors.describe(exc)) == (
        "the name no-such-host.invalid could not be resolved (check DNS or the proxy)"
    )


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (ConnectionResetError(104, "reset"), "the connection was reset"),
        (aiohttp.ServerDisconnectedError(), "the server closed the connection"),
        (RuntimeError("odd"), "a network error"),
    ],
)
def test_other_failures(exc: BaseException, expected: str) -> None:
    assert str(network_errors.describe(exc)) == expected
