"""WebSocket event streams: the transport under notification channels and Guest Chat sessions.

Both Genesys streams speak the same frames: JSON objects ``{"topicName", "version",
"eventBody", "metadata"}``, a ``channel.metadata`` heartbeat about every 30 s, and a
``channel.metadata`` "pong" after a client's ``{"message": "ping"}``. This module owns one
socket at a time and keeps the liveness rule in one place; what to do when a socket dies
(reconnect, new channel, resubscribe) belongs to its user (notifications.py, the guest chat
session), which calls ``Backoff`` between attempts.

Interface::

    settings = stream_settings(api_client, uri)            # TLS, proxy, timeouts from the client
    with open_socket(settings) as socket:                  # sync; websockets imported here
        frame = socket.receive()                           # a Frame; never a heartbeat or pong
        socket.send_json({"message": "subscribe", ...})
    socket = await open_socket_async(settings)             # asyncio twin, same methods awaited

``socket.on_control`` (optional) sees the message of each heartbeat and pong that
``receive()`` consumes: a pong answers every frame the server queued before it, which is how a
caller drains a socket before closing it. ``receive()`` answers the liveness rule itself: after ``quiet_after`` seconds without any
frame it sends a ping; when nothing arrives ``pong_timeout`` seconds later the socket is dead
even if TCP says otherwise. A dead, dropped or closed socket raises ``SocketClosed`` (with
``reason``), never returns silently. ``mask_uri`` is how every URI is written to logs:
tokens carried in a ``connectUri`` or ``eventStreamUri`` never appear there.

``websockets`` is imported when the first socket opens, not with the SDK.
"""

from __future__ import annotations

import json
import random
import re
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from ._lazy import lazy_import

if TYPE_CHECKING:
    import logging

    import msgspec
    import websockets.asyncio.client as ws_async
    import websockets.exceptions as ws_exceptions
    import websockets.sync.client as ws_sync

    from ._client_core import ClientCore
else:
    logging = lazy_import("logging", globals())
    msgspec = lazy_import("msgspec", globals())
    ws_async = lazy_import("websockets.asyncio.client", globals(), "ws_async")
    ws_exceptions = lazy_import("websockets.exceptions", globals(), "ws_exceptions")
    ws_sync = lazy_import("websockets.sync.client", globals(), "ws_sync")

HEARTBEAT_TOPIC = "channel.metadata"
SOCKET_CLOSING_TOPIC = "v2.system.socket_closing"
PING = '{"message":"ping"}'
DEFAULT_HEARTBEAT_INTERVAL = (
    30.0  # what the Platform sends; a socket quiet longer is pinged
)
DEFAULT_PONG_TIMEOUT = 10.0
MAX_FRAME_BYTES = 16 * 1024 * 1024

_SECRET_PARAMETER = re.compile(
    r"(jwt|token|access_token|auth|authorization|key|secret|password|session|signature|sig)",
    re.IGNORECASE,
)
_JWT = re.compile(r"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
MASK = "***"


def mask_uri(uri: str) -> str:
    """``uri`` as logs show it: secret-looking query values, userinfo and JWT-shaped path
    segments replaced by ``***`` (channel ids stay readable: they help support)."""
    try:
        parts = urlsplit(uri)
    except ValueError:
        return MASK
    netloc = parts.netloc
    if "@" in netloc:
        netloc = MASK + "@" + netloc.rpartition("@")[2]
    query = urlencode(
        [
            (
                name,
                MASK if _SECRET_PARAMETER.search(name) or _JWT.search(value) else value,
            )
            for name, value in parse_qsl(parts.query, keep_blank_values=True)
        ],
        safe="*",
    )
    path = _JWT.sub(MASK, parts.path)
    return urlunsplit((parts.scheme, netloc, path, query, ""))


def stream_logger() -> logging.Logger:
    from .logger import SDK_NAME

    return logging.getLogger(f"{SDK_NAME}.stream")


# settings -----------------------------------------------------------------------------------
@dataclass(slots=True)
class StreamSettings:
    """How to open one socket. Built by ``stream_settings`` from an API client, so the
    client's TLS settings (CA bundle, client certificate, ``verify_ssl``) and proxy apply.
    """

    uri: str
    headers: dict[str, str] = field(default_factory=dict)
    ssl_context: ssl.SSLContext | None = None  # wss:// only
    proxy: str | None = None  # http(s):// or socks5:// URL, credentials included
    open_timeout: float = 10.0
    close_timeout: float = 2.0
    quiet_after: float = DEFAULT_HEARTBEAT_INTERVAL + 5.0
    pong_timeout: float = DEFAULT_PONG_TIMEOUT

    def __repr__(self) -> str:  # the URI may carry a token
        return f"StreamSettings(uri={mask_uri(self.uri)!r}, proxy={self.proxy is not None})"


def stream_settings(
    client: ClientCore,
    uri: str,
    *,
    heartbeat_interval: float = DEFAULT_HEARTBEAT_INTERVAL,
    pong_timeout: float = DEFAULT_PONG_TIMEOUT,
    open_timeout: float | None = None,
) -> StreamSettings:
    """Settings for a socket to ``uri`` through ``client``'s TLS and proxy configuration.
    ``heartbeat_interval``: how often the server sends heartbeats (the socket pings after a
    sixth more of silence); ``pong_timeout``: how long a ping may go unanswered."""
    options = client.transport_options()
    context: ssl.SSLContext | None = None
    if uri.startswith("wss:"):
        verify = options["verify"]
        if isinstance(verify, ssl.SSLContext):
            context = verify
        else:  # verify_ssl = False: the user's explicit choice, as for HTTP
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
    setting = client._setting  # the client's effective settings (same runtime)
    proxy_url, username, password = (
        setting("proxy"),
        setting("proxy_username"),
        setting("proxy_password"),
    )
    if proxy_url and username:
        parts = urlsplit(proxy_url)
        credentials = quote(username, safe="") + ":" + quote(password or "", safe="")
        proxy_url = urlunsplit(parts._replace(netloc=f"{credentials}@{parts.netloc}"))
    connect = setting("connect_timeout")
    return StreamSettings(
        uri=uri,
        headers={"User-Agent": client.user_agent},
        ssl_context=context,
        proxy=proxy_url or None,
        open_timeout=float(open_timeout or connect or 10.0),
        quiet_after=heartbeat_interval * 7 / 6,
        pong_timeout=pong_timeout,
    )


# frames -------------------------------------------------------------------------------------
_envelope_decoder: Any = None


def _decoder() -> Any:
    """The envelope decoder: the body stays raw bytes until its topic says what it is."""
    global _envelope_decoder
    if _envelope_decoder is None:

        class Envelope(msgspec.Struct):
            topicName: str = ""
            version: Any = None
            eventBody: msgspec.Raw = msgspec.Raw(b"null")
            metadata: Any = None

        _envelope_decoder = msgspec.json.Decoder(Envelope)
    return _envelope_decoder


class Frame:
    """One frame as received. ``body`` is the raw JSON of ``eventBody`` (a ``msgspec.Raw``,
    bytes-like); ``error`` says why a frame could not be read as an envelope (then ``topic``
    is ""). A plain slotted class: one is built per frame, on the hot path."""

    __slots__ = ("body", "error", "metadata", "raw", "topic", "version")

    def __init__(
        self,
        topic: str,
        body: Any,
        metadata: dict[str, Any],
        version: Any,
        raw: str,
        error: str | None = None,
    ) -> None:
        self.topic = topic
        self.body = body
        self.metadata = metadata
        self.version = version
        self.raw = raw
        self.error = error

    def __repr__(self) -> str:
        return f"Frame(topic={self.topic!r}, error={self.error!r})"

    def body_json(self) -> Any:
        """The body as plain JSON values (None when absent or unreadable)."""
        try:
            return msgspec.json.decode(self.body) if self.body is not None else None
        except msgspec.DecodeError:
            return None

    @property
    def control_message(self) -> str | None:
        """``"WebSocket Heartbeat"``, ``"pong"``...: the message of a channel.metadata frame."""
        if self.topic != HEARTBEAT_TOPIC:
            return None
        body = self.body_json()
        return body.get("message") if isinstance(body, dict) else ""


def parse_frame(text: str | bytes) -> Frame:
    """Never raises: an unreadable frame comes back with ``error`` set."""
    raw = text if isinstance(text, str) else text.decode("utf-8", "replace")
    try:
        envelope = _decoder().decode(text)
    except msgspec.DecodeError as error:
        return Frame("", None, {}, None, raw, f"not a notification frame: {error}")
    metadata = envelope.metadata if isinstance(envelope.metadata, dict) else {}
    return Frame(
        envelope.topicName, envelope.eventBody, metadata, envelope.version, raw
    )


# liveness -----------------------------------------------------------------------------------
class Liveness:
    """The rule that tells a live socket from a silent one (pure: the caller gives the time).

    Any frame is a sign of life. After ``quiet_after`` seconds without one, ping; when nothing
    arrives ``pong_timeout`` seconds after the ping, the socket is dead."""

    __slots__ = ("last_frame", "ping_sent", "pong_timeout", "quiet_after")

    def __init__(self, quiet_after: float, pong_timeout: float, now: float) -> None:
        self.quiet_after = quiet_after
        self.pong_timeout = pong_timeout
        self.last_frame = now
        self.ping_sent: float | None = None

    def saw_frame(self, now: float) -> None:
        self.last_frame = now
        self.ping_sent = None

    def sent_ping(self, now: float) -> None:
        self.ping_sent = now

    def wait(self, now: float) -> float:
        """Seconds until the next decision is due."""
        if self.ping_sent is not None:
            return max(0.0, self.ping_sent + self.pong_timeout - now)
        return max(0.0, self.last_frame + self.quiet_after - now)

    def due(self, now: float) -> str | None:
        """``"ping"``, ``"dead"`` or None (nothing to do yet)."""
        if self.ping_sent is not None:
            return "dead" if now >= self.ping_sent + self.pong_timeout else None
        return "ping" if now >= self.last_frame + self.quiet_after else None


class Backoff:
    """Delays between failed reconnects: exponential, capped, with full jitter (so a fleet of
    clients dropped by one maintenance close does not come back in step)."""

    __slots__ = ("_random", "attempt", "base", "cap")

    def __init__(
        self, base: float = 0.5, cap: float = 30.0, seed: int | None = None
    ) -> None:
        self.base = base
        self.cap = cap
        self.attempt = 0
        self._random = random.Random(seed)

    def next_delay(self) -> float:
        ceiling = min(self.cap, self.base * (2**self.attempt))
        self.attempt += 1
        return self._random.uniform(ceiling / 2, ceiling)

    def reset(self) -> None:
        self.attempt = 0


class SocketClosed(Exception):
    """The socket is gone: closed by either side, dropped, or silent past the liveness rule."""

    def __init__(self, reason: str, code: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


class StreamConnectError(Exception):
    """Opening a socket failed (refused, TLS, proxy, handshake rejected); ``uri`` is masked."""


def _closed_reason(error: BaseException) -> SocketClosed:
    code = getattr(getattr(error, "rcvd", None), "code", None)
    if code is None:
        return SocketClosed("connection dropped without a close frame", 1006)
    reason = getattr(getattr(error, "rcvd", None), "reason", "")
    return SocketClosed(
        f"closed by the server (code {code}{': ' + reason if reason else ''})", code
    )


# sockets ------------------------------------------------------------------------------------
class SyncSocket:
    """One open socket (sync). ``receive()`` is for one reader thread; ``send_json`` and
    ``close`` may be called from any thread."""

    def __init__(self, connection: Any, settings: StreamSettings) -> None:
        self._connection = connection
        self.settings = settings
        self.liveness = Liveness(
            settings.quiet_after, settings.pong_timeout, time.monotonic()
        )
        self.closed_reason: str | None = None
        # called by receive() with the message of each heartbeat / pong frame it consumes
        self.on_control: Callable[[str], None] | None = None
        self.pings_sent = 0
        self.pongs_received = 0

    def receive(self) -> Frame:
        """The next frame that is not a heartbeat or pong. Raises ``SocketClosed``."""
        liveness = self.liveness
        recv = self._connection.recv
        monotonic = time.monotonic
        now = monotonic()
        while True:
            try:
                text = recv(liveness.wait(now))
            except TimeoutError:
                self._on_quiet()
                now = monotonic()
                continue
            except ws_exceptions.ConnectionClosed as error:
                raise self._gone(_closed_reason(error)) from None
            except (OSError, RuntimeError) as error:  # closed under us by close()
                raise self._gone(SocketClosed(f"connection lost: {error}")) from None
            now = monotonic()
            liveness.saw_frame(now)
            frame = parse_frame(text)
            if frame.topic == HEARTBEAT_TOPIC:
                message = frame.control_message or ""
                if message == "pong":
                    self.pongs_received += 1
                if self.on_control is not None:
                    self.on_control(message)
                continue
            return frame

    def _on_quiet(self) -> None:
        action = self.liveness.due(time.monotonic())
        if action == "dead":
            self.close()
            raise self._gone(
                SocketClosed(
                    f"no heartbeat or pong for {self.settings.quiet_after + self.settings.pong_timeout:.1f} s"
                )
            )
        if action == "ping":
            self.liveness.sent_ping(time.monotonic())
            self.pings_sent += 1
            try:
                self._connection.send(PING)
            except (
                Exception
            ):  # noqa: BLE001 (a failed ping is found dead by the next wait)
                pass

    def _gone(self, error: SocketClosed) -> SocketClosed:
        self.closed_reason = self.closed_reason or error.reason
        return error

    def ping(self) -> None:
        """Ask the server for a pong now (its reply comes back after every frame sent before)."""
        self.pings_sent += 1
        try:
            self._connection.send(PING)
        except ws_exceptions.ConnectionClosed as error:
            raise _closed_reason(error) from None

    @property
    def pings_answered(self) -> bool:
        """Every ping sent so far has its pong: the frames queued before them all arrived."""
        return self.pongs_received >= self.pings_sent

    def send_json(self, message: Any) -> None:
        try:
            self._connection.send(json.dumps(message, separators=(",", ":")))
        except ws_exceptions.ConnectionClosed as error:
            raise _closed_reason(error) from None

    def close(self) -> None:
        try:
            self._connection.close()
        except Exception:  # noqa: BLE001 (closing a broken socket)
            pass

    def __enter__(self) -> SyncSocket:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncSocket:
    """One open socket (asyncio). Same contract as ``SyncSocket``, methods awaited."""

    def __init__(self, connection: Any, settings: StreamSettings) -> None:
        self._connection = connection
        self.settings = settings
        self.liveness = Liveness(
            settings.quiet_after, settings.pong_timeout, time.monotonic()
        )
        self.closed_reason: str | None = None
        # called by receive() with the message of each heartbeat / pong frame it consumes
        self.on_control: Callable[[str], None] | None = None
        self.pings_sent = 0
        self.pongs_received = 0

    async def receive(self) -> Frame:
        import asyncio

        liveness = self.liveness
        recv = self._connection.recv
        while True:
            try:
                # recv() is cancellation-safe: a timeout loses no frame
                text = await asyncio.wait_for(recv(), liveness.wait(time.monotonic()))
            except (TimeoutError, asyncio.TimeoutError):
                await self._on_quiet()
                continue
            except ws_exceptions.ConnectionClosed as error:
                raise self._gone(_closed_reason(error)) from None
            except OSError as error:
                raise self._gone(SocketClosed(f"connection lost: {error}")) from None
            liveness.saw_frame(time.monotonic())
            frame = parse_frame(text)
            if frame.topic == HEARTBEAT_TOPIC:
                message = frame.control_message or ""
                if message == "pong":
                    self.pongs_received += 1
                if self.on_control is not None:
                    self.on_control(message)
                continue
            return frame

    async def _on_quiet(self) -> None:
        action = self.liveness.due(time.monotonic())
        if action == "dead":
            await self.close()
            raise self._gone(
                SocketClosed(
                    f"no heartbeat or pong for {self.settings.quiet_after + self.settings.pong_timeout:.1f} s"
                )
            )
        if action == "ping":
            self.liveness.sent_ping(time.monotonic())
            self.pings_sent += 1
            try:
                await self._connection.send(PING)
            except (
                Exception
            ):  # noqa: BLE001 (a failed ping is found dead by the next wait)
                pass

    def _gone(self, error: SocketClosed) -> SocketClosed:
        self.closed_reason = self.closed_reason or error.reason
        return error

    async def ping(self) -> None:
        self.pings_sent += 1
        try:
            await self._connection.send(PING)
        except ws_exceptions.ConnectionClosed as error:
            raise _closed_reason(error) from None

    @property
    def pings_answered(self) -> bool:
        return self.pongs_received >= self.pings_sent

    async def send_json(self, message: Any) -> None:
        try:
            await self._connection.send(json.dumps(message, separators=(",", ":")))
        except ws_exceptions.ConnectionClosed as error:
            raise _closed_reason(error) from None

    async def close(self) -> None:
        try:
            await self._connection.close()
        except Exception:  # noqa: BLE001 (closing a broken socket)
            pass

    async def __aenter__(self) -> AsyncSocket:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()


def _connect_options(settings: StreamSettings) -> dict[str, Any]:
    return {
        "additional_headers": {
            k: v for k, v in settings.headers.items() if k.lower() != "user-agent"
        },
        "user_agent_header": settings.headers.get("User-Agent"),
        "ssl": settings.ssl_context,
        "proxy": settings.proxy,  # only the configured proxy, as for HTTP (no environment)
        "open_timeout": settings.open_timeout,
        "close_timeout": settings.close_timeout,
        "ping_interval": None,  # liveness is the Platform's own heartbeat/ping, see Liveness
        "max_size": MAX_FRAME_BYTES,
        "compression": None,  # the Platform does not compress; skipping zlib saves CPU
    }


def open_socket(settings: StreamSettings) -> SyncSocket:
    """Open a socket (sync). Raises ``StreamConnectError`` (URI masked) when it cannot."""
    stream_logger().debug("opening %s", mask_uri(settings.uri))
    try:
        # entered as a context manager (closed by SyncSocket.close): the one form every
        # websockets release from 15 on accepts without a deprecation warning
        connection = ws_sync.connect(
            settings.uri, **_connect_options(settings)
        ).__enter__()
    except Exception as error:  # noqa: BLE001 (every failure to open is one error type)
        raise StreamConnectError(
            f"cannot open {mask_uri(settings.uri)}: {_describe(error)}"
        ) from None
    return SyncSocket(connection, settings)


async def open_socket_async(settings: StreamSettings) -> AsyncSocket:
    """Open a socket (asyncio). Raises ``StreamConnectError`` (URI masked) when it cannot."""
    stream_logger().debug("opening %s", mask_uri(settings.uri))
    try:
        connection = await ws_async.connect(settings.uri, **_connect_options(settings))
    except Exception as error:  # noqa: BLE001
        raise StreamConnectError(
            f"cannot open {mask_uri(settings.uri)}: {_describe(error)}"
        ) from None
    return AsyncSocket(connection, settings)


def _describe(error: BaseException) -> str:
    # exception texts of the library may repeat the URI; mask whatever looks like one
    text = f"{type(error).__name__}: {error}"
    return re.sub(r"wss?://\S+", lambda m: mask_uri(m.group(0)), text)
