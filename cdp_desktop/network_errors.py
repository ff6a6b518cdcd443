"""Why a connection failed, in words a person can act on, in their language.

aiohttp, the proxy libraries and the OS say it in English and in their own terms ("ClientConnectorError:
Cannot connect to host 127.0.0.1:42133 ssl:default [Connect call failed …]"). :func:`describe` maps the
exception to one :class:`~cdp_desktop.core.messages.Message` with the address it concerns; the exception's
own text is kept for the log files (:func:`detail`), which are for bug reports.
"""

from __future__ import annotations

import errno
import socket
import ssl

import aiohttp

from .core.messages import Message, template

_C = "NetworkError"
REFUSED = template(_C, "net.refused", "{address} refused the connection")
TIMED_OUT = template(_C, "net.timed_out", "{address} did not answer in time")
UNREACHABLE = template(_C, "net.unreachable", "{address} cannot be reached from this network")
NAME_UNKNOWN = template(
    _C, "net.name_unknown", "the name {host} could not be resolved (check DNS or the proxy)"
)
TLS = template(_C, "net.tls", "the secure connection to {address} failed (TLS certificate or protocol)")
PROXY = template(_C, "net.proxy", "the proxy could not be used (check its address, user name and password)")
CLOSED = template(_C, "net.closed", "the server closed the connection")
RESET = template(_C, "net.reset", "the connection was reset")
OTHER = template(_C, "net.other", "a network error")

_UNREACHABLE_ERRNOS = {errno.EHOSTUNREACH, errno.ENETUNREACH, errno.ENETDOWN, errno.EHOSTDOWN}


def _address(exc: BaseException) -> str:
    host = getattr(exc, "host", None)
    port = getattr(exc, "port", None)
    if host:
        return f"{host}:{port}" if port else str(host)
    return "?"


def _is_proxy_error(exc: BaseException) -> bool:
    if isinstance(exc, aiohttp.ClientProxyConnectionError | aiohttp.ClientHttpProxyError):
        return True
    try:
        import python_socks
    except ImportError:
        return False
    return isinstance(exc, python_socks.ProxyError | python_socks.ProxyConnectionError)


def describe(exc: BaseException) -> Message:
    """What went wrong with the connection, as a message (no exception class names, no English fragments)."""
    if _is_proxy_error(exc):
        return PROXY()
    address = _address(exc)
    if isinstance(exc, aiohttp.ClientConnectorDNSError | socket.gaierror):
        return NAME_UNKNOWN(host=getattr(exc, "host", None) or "?")
    if isinstance(exc, aiohttp.ClientSSLError | ssl.SSLError):
        return TLS(address=address)
    if isinstance(exc, TimeoutError | aiohttp.ServerTimeoutError):
        return TIMED_OUT(address=address)
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return CLOSED()
    os_error = getattr(exc, "os_error", None) if isinstance(exc, aiohttp.ClientConnectorError) else exc
    code = getattr(os_error, "errno", None)
    if code == errno.ECONNREFUSED or isinstance(os_error, ConnectionRefusedError):
        return REFUSED(address=address)
    if code in _UNREACHABLE_ERRNOS:
        return UNREACHABLE(address=address)
    if code == errno.ETIMEDOUT:
        return TIMED_OUT(address=address)
    if isinstance(os_error, ConnectionResetError) or code == errno.ECONNRESET:
        return RESET()
    return OTHER()


def detail(exc: BaseException) -> str:
    """The exception in its own words, for the log files."""
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
