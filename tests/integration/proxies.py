"""Tiny loopback proxies for the proxy tests: an HTTP proxy (CONNECT and absolute-URI forwarding) and a SOCKS5
proxy, both with optional username/password, both recording every connection they carry.

Host names are resolved by the proxy from a fixed map (e.g. ``sandbox.test`` -> 127.0.0.1), so a client that
bypassed the proxy could not even resolve the name. Only loopback addresses are ever connected to.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import ipaddress
import struct
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass
class Carried:
    """One connection the proxy carried: where to, and the first request line sent through it."""

    host: str
    port: int
    first_line: str = ""


@dataclass
class _BaseProxy:
    hosts: dict[str, str] = field(default_factory=dict)  # name -> loopback IP
    username: str | None = None
    password: str | None = None
    carried: list[Carried] = field(default_factory=list)
    refused_auth: int = 0
    port: int = 0
    _server: asyncio.AbstractServer | None = None
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle_safe, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            for task in list(self._tasks):
                task.cancel()
            for task in list(self._tasks):
                with contextlib.suppress(BaseException):
                    await task
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2)

    def first_lines(self) -> list[str]:
        return [c.first_line for c in self.carried]

    def _resolve(self, host: str) -> str | None:
        ip = self.hosts.get(host, host)
        try:
            return ip if ipaddress.ip_address(ip).is_loopback else None
        except ValueError:
            return None  # unknown name: this proxy resolves only what it was told

    async def _handle_safe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            await self._handle(reader, writer)
        except (OSError, asyncio.IncompleteReadError, ValueError):
            pass
        finally:
            self._tasks.discard(task)
            writer.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        raise NotImplementedError

    async def _pipe_recorded(
        self,
        carried: Carried,
        client_r: asyncio.StreamReader,
        client_w: asyncio.StreamWriter,
        first_chunk: bytes = b"",
    ) -> None:
        ip = self._resolve(carried.host)
        assert ip is not None
        up_r, up_w = await asyncio.open_connection(ip, carried.port)
        self.carried.append(carried)
        try:
            if first_chunk:
                up_w.write(first_chunk)
            else:
                first_chunk = await client_r.read(65536)
                up_w.write(first_chunk)
            if not carried.first_line:
                carried.first_line = first_chunk.split(b"\r\n", 1)[0].decode("latin-1")
            await up_w.drain()
            await asyncio.gather(_copy(client_r, up_w), _copy(up_r, client_w))
        finally:
            up_w.close()


async def _copy(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
    try:
        while data := await src.read(65536):
            dst.write(data)
            await dst.drain()
    except (OSError, asyncio.CancelledError):
        pass
    finally:
        with contextlib.suppress(OSError, RuntimeError):
            if dst.can_write_eof():
                dst.write_eof()


class HttpProxy(_BaseProxy):
    """HTTP proxy: ``CONNECT host:port`` tunnels and absolute-URI forwarding (what aiohttp sends for
    http:// and ws:// targets), with Basic ``Proxy-Authorization`` when a username is set."""

    @property
    def url(self) -> str:
        auth = f"{self.username}:{self.password}@" if self.username else ""
        return f"http://{auth}127.0.0.1:{self.port}"

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        method, target, version = lines[0].split(" ", 2)
        headers = [ln for ln in lines[1:] if ln]
        if self.username is not None:
            expected = base64.b64encode(f"{self.username}:{self.password}".encode()).decode()
            given = [h.split(":", 1)[1].strip() for h in headers if h.lower().startswith("proxy-authoriz")]
            if given != [f"Basic {expected}"]:
                self.refused_auth += 1
                writer.write(b"HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n")
                await writer.drain()
                return
        headers = [h for h in headers if not h.lower().startswith(("proxy-authoriz", "proxy-connection:"))]
        if method == "CONNECT":
            host, _, port = target.rpartition(":")
            if self._resolve(host) is None:
                writer.write(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
                return
            writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
            await writer.drain()
            await self._pipe_recorded(Carried(host, int(port)), reader, writer)
            return
        url = urlsplit(target)
        if not url.hostname or self._resolve(url.hostname) is None:
            writer.write(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
            return
        origin_form = (url.path or "/") + (f"?{url.query}" if url.query else "")
        first_line = f"{method} {origin_form} {version}"
        # Later requests on a kept-alive connection pass through as they are (absolute form works).
        rewritten = "\r\n".join([first_line, *headers]).encode("latin-1") + b"\r\n\r\n"
        await self._pipe_recorded(
            Carried(url.hostname, url.port or 80, first_line), reader, writer, first_chunk=rewritten
        )


class Socks5Proxy(_BaseProxy):
    """SOCKS5 (RFC 1928) CONNECT with optional username/password (RFC 1929); domain names resolved here."""

    @property
    def url(self) -> str:
        auth = f"{self.username}:{self.password}@" if self.username else ""
        return f"socks5://{auth}127.0.0.1:{self.port}"

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        ver, nmethods = await reader.readexactly(2)
        methods = await reader.readexactly(nmethods)
        if ver != 5:
            return
        wanted = 0x02 if self.username is not None else 0x00
        if wanted not in methods:
            writer.write(b"\x05\xff")
            return
        writer.write(bytes([5, wanted]))
        if wanted == 0x02:
            _, ulen = await reader.readexactly(2)
            user = (await reader.readexactly(ulen)).decode()
            (plen,) = await reader.readexactly(1)
            pw = (await reader.readexactly(plen)).decode()
            if (user, pw) != (self.username, self.password):
                self.refused_auth += 1
                writer.write(b"\x01\x01")
                return
            writer.write(b"\x01\x00")
        _, cmd, _, atyp = await reader.readexactly(4)
        if atyp == 1:
            host = str(ipaddress.IPv4Address(await reader.readexactly(4)))
        elif atyp == 3:
            (n,) = await reader.readexactly(1)
            host = (await reader.readexactly(n)).decode()
        elif atyp == 4:
            host = str(ipaddress.IPv6Address(await reader.readexactly(16)))
        else:
            return
        (port,) = struct.unpack("!H", await reader.readexactly(2))
        if cmd != 1 or self._resolve(host) is None:
            writer.write(b"\x05\x04\x00\x01\x00\x00\x00\x00\x00\x00")  # host unreachable
            return
        writer.write(b"\x05\x00\x00\x01\x7f\x00\x00\x01" + struct.pack("!H", port))
        await writer.drain()
        await self._pipe_recorded(Carried(host, port), reader, writer)
