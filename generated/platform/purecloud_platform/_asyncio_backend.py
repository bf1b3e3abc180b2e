"""An httpcore network backend on plain asyncio streams, for the async clients' pools.

httpcore's default async backend goes through anyio, whose per-call machinery (cancel scopes
around every read and write, typed-attribute lookups behind every idle-connection check) cost
about a sixth of an async request's CPU time; with this backend one ``AsyncApiClient`` served
about 20% more requests per second against a local server (bench/bench_runtime.py).

Used on Python 3.11+ (``asyncio.timeout``, ``StreamWriter.start_tls``); older versions keep
httpcore's own backend. Errors are httpcore's, which httpx maps to its own as usual.
"""

from __future__ import annotations

import asyncio
import select
import ssl
import sys
from collections.abc import Iterable
from typing import Any

import httpcore

SUPPORTED = sys.version_info >= (3, 11)
_EXTRA_INFO = {
    "ssl_object": "ssl_object",
    "client_addr": "sockname",
    "server_addr": "peername",
    "socket": "socket",
}


def _socket_readable(sock: Any) -> bool:
    """Whether an idle connection's socket has data or EOF waiting (then it is not reusable)."""
    fileno = sock.fileno()
    if fileno < 0:
        return True
    if not hasattr(select, "poll"):  # Windows
        readable, _, _ = select.select([fileno], [], [], 0)
        return bool(readable)
    poller = select.poll()
    poller.register(fileno, select.POLLIN)
    return bool(poller.poll(0))


class AsyncioStream(httpcore.AsyncNetworkStream):
    def __init__(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        self._reader = reader
        self._writer = writer

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            if timeout is None:
                return await self._reader.read(max_bytes)
            async with asyncio.timeout(timeout):
                return await self._reader.read(max_bytes)
        except TimeoutError as error:
            raise httpcore.ReadTimeout("timed out reading the response") from error
        except OSError as error:
            raise httpcore.ReadError(str(error) or type(error).__name__) from error

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        try:
            self._writer.write(buffer)
            if timeout is None:
                await self._writer.drain()
            else:
                async with asyncio.timeout(timeout):
                    await self._writer.drain()
        except TimeoutError as error:
            raise httpcore.WriteTimeout("timed out sending the request") from error
        except OSError as error:
            raise httpcore.WriteError(str(error) or type(error).__name__) from error

    async def aclose(self) -> None:
        try:
            self._writer.close()
        except OSError:  # already gone
            pass

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            async with asyncio.timeout(timeout):
                await self._writer.start_tls(
                    ssl_context, server_hostname=server_hostname
                )
        except TimeoutError as error:
            await self.aclose()
            raise httpcore.ConnectTimeout("timed out in the TLS handshake") from error
        except (OSError, ssl.SSLError) as error:  # SSLError is an OSError; both named
            await self.aclose()
            raise httpcore.ConnectError(str(error) or type(error).__name__) from error
        return self

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":
            reader = self._reader
            # asyncio reads ahead into the stream's buffer: data or EOF there counts too
            if reader.at_eof() or getattr(reader, "_buffer", None):
                return True
            sock = self._writer.get_extra_info("socket")
            return sock is None or _socket_readable(sock)
        key = _EXTRA_INFO.get(info)
        return None if key is None else self._writer.get_extra_info(key)


class AsyncioBackend(httpcore.AsyncNetworkBackend):
    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        local = (local_address, 0) if local_address else None
        try:
            async with asyncio.timeout(timeout):
                reader, writer = await asyncio.open_connection(
                    host, port, local_addr=local
                )
        except TimeoutError as error:
            raise httpcore.ConnectTimeout(
                f"timed out connecting to {host}:{port}"
            ) from error
        except OSError as error:
            raise httpcore.ConnectError(str(error) or type(error).__name__) from error
        if socket_options:  # asyncio sets TCP_NODELAY itself
            sock = writer.get_extra_info("socket")
            for option in socket_options:
                sock.setsockopt(*option)
        return AsyncioStream(reader, writer)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            async with asyncio.timeout(timeout):
                reader, writer = await asyncio.open_unix_connection(path)
        except TimeoutError as error:
            raise httpcore.ConnectTimeout(f"timed out connecting to {path}") from error
        except OSError as error:
            raise httpcore.ConnectError(str(error) or type(error).__name__) from error
        return AsyncioStream(reader, writer)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


def use_asyncio_backend(transport: Any) -> Any:
    """Make an ``httpx.AsyncHTTPTransport`` connect through :class:`AsyncioBackend` (its
    connection pool, or proxy pool, keeps the backend it is given at construction in
    ``_network_backend``; httpx offers no public way to pass one). No-op before 3.11 or if
    httpcore's layout differs."""
    pool = getattr(transport, "_pool", None)
    if SUPPORTED and hasattr(pool, "_network_backend"):
        pool._network_backend = AsyncioBackend()
    return transport
