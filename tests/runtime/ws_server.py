"""A real local Platform notification service: the `websockets` library's asyncio server on
loopback (in a thread of its own) plus the channel REST routes on the FakeServer app.

It behaves as the public documentation says the Platform does, with the clock scaled down:
channels live ``channel_lifetime`` seconds, then their sockets are closed and the channel is
gone (HEAD -> 404); a socket gets a heartbeat every ``heartbeat_interval`` seconds and a pong
for each ping; events reach a channel only while the token it was created with is valid; at
most 1,000 topics per channel. Tests inject faults per socket: ``drop`` (TCP closed without
a close frame), ``silence`` (open TCP, no frames, pings unanswered), ``socket_closing``
(notice, keep delivering ``grace`` seconds, then close).

``sent`` records every event id the server wrote to some open socket: what "exactly once" is
measured against (``maybe_sent``: written only to sockets that were closing meanwhile).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.server import ServerConnection, serve

from .fake_server import App, Recorded, Reply

CHANNELS = "/api/v2/notifications/channels"


@dataclass
class Socket:
    connection: ServerConnection
    channel: Channel
    silent: bool = False
    heartbeats: int = 0
    pings: int = 0


@dataclass
class Channel:
    id: str
    token: str
    expires_at: float  # monotonic
    topics: set[str] = field(default_factory=set)
    sockets: list[Socket] = field(default_factory=list)
    alive: bool = True


class NotificationServer:
    def __init__(
        self,
        app: App,
        *,
        heartbeat_interval: float = 30.0,
        channel_lifetime: float = 86400.0,
        token_lifetime: float | None = None,
    ) -> None:
        self.heartbeat_interval = heartbeat_interval
        self.channel_lifetime = channel_lifetime
        self.lock = threading.RLock()
        self.channels: dict[str, Channel] = {}
        self.token_expiry: dict[str, float] = {}
        self.sent: list[int] = []  # event ids written to some socket, in order
        self.socket_messages: list[dict[str, Any]] = []  # what clients sent (not pings)
        self.connections = 0
        self.unsubscribe_delay = (
            0.0  # DELETE subscriptions waits this long: a longer overlap
        )
        self.copies: list[int] = []  # sockets written per published event
        self.maybe_sent: list[int] = []  # written only to a socket closing meanwhile
        self._ids = itertools.count(1)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: Any = None
        self.app = app
        if token_lifetime is not None:
            app.token_lifetime = token_lifetime  # type: ignore[assignment]
        self._install(app)

    # lifecycle --------------------------------------------------------------------------
    def start(self) -> NotificationServer:
        self._thread.start()
        self._server = self._run(self._serve())
        return self

    async def _serve(self) -> Any:
        server = await serve(self._handler, "127.0.0.1", 0, ping_interval=None)
        self._expiry_task = asyncio.ensure_future(self._expire_channels())
        return server

    @property
    def port(self) -> int:
        return self._server.sockets[0].getsockname()[1]

    def stop(self) -> None:
        async def shutdown() -> None:
            self._expiry_task.cancel()
            self._server.close()
            await self._server.wait_closed()

        self._run(shutdown())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        self._loop.close()

    def _run(self, coroutine: Any, timeout: float = 10.0) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    # REST ---------------------------------------------------------------------------------
    def _install(self, app: App) -> None:
        app.route("POST", CHANNELS, self._create_channel)
        issue = app.issue

        def issue_and_record(with_refresh: bool = False) -> dict[str, Any]:
            data = issue(with_refresh)
            with self.lock:
                self.token_expiry[data["access_token"]] = time.monotonic() + float(
                    data["expires_in"]
                )
            return data

        app.issue = issue_and_record  # type: ignore[method-assign]

    def _token(self, request: Recorded) -> str | None:
        header = request.headers.get("authorization", "")
        if not self.app.authorized(request):
            return None
        token = header[7:]
        expiry = self.token_expiry.get(token)
        if expiry is not None and time.monotonic() >= expiry:
            return None
        return token

    def _create_channel(self, request: Recorded) -> Reply:
        token = self._token(request)
        if token is None:
            return Reply(
                401,
                {"message": "Invalid login credentials.", "code": "bad.credentials"},
            )
        channel_id = f"streaming-{next(self._ids)}-{uuid.uuid4().hex[:8]}"
        channel = Channel(channel_id, token, time.monotonic() + self.channel_lifetime)
        with self.lock:
            self.channels[channel_id] = channel
        base = f"{CHANNELS}/{channel_id}"
        self.app.route("HEAD", base, lambda r: self._head(r, channel))
        for method in ("GET", "PUT", "POST", "DELETE"):
            self.app.route(
                method,
                base + "/subscriptions",
                lambda r, c=channel: self._subscriptions(r, c),
            )
        expires = (
            time.strftime(
                "%Y-%m-%dT%H:%M:%S", time.gmtime(time.time() + self.channel_lifetime)
            )
            + f".{int((time.time() + self.channel_lifetime) % 1 * 1000):03d}Z"
        )
        return Reply(
            200,
            {
                "id": channel_id,
                "connectUri": f"ws://127.0.0.1:{self.port}/channels/{channel_id}",
                "expires": expires,
            },
        )

    def _head(self, request: Recorded, channel: Channel) -> Reply:
        if self._token(request) is None:
            return Reply(401, {"message": "unauthorized"})
        return Reply(200 if channel.alive else 404, body=b"")

    def _subscriptions(self, request: Recorded, channel: Channel) -> Reply:
        if self._token(request) is None:
            return Reply(401, {"message": "unauthorized", "code": "bad.credentials"})
        if not channel.alive:
            return Reply(404, {"message": "channel not found", "code": "not.found"})
        if request.method == "DELETE":
            time.sleep(self.unsubscribe_delay)
            with self.lock:
                channel.topics = set()
            return Reply(204, body=b"")
        with self.lock:
            if request.method in ("PUT", "POST"):
                topics = {item["id"] for item in request.json()}
                new = topics if request.method == "PUT" else channel.topics | topics
                if len(new) > 1000:
                    message = {
                        "message": "Only 1000 topics per channel",
                        "code": "bad.request",
                    }
                    return Reply(400, message)
                channel.topics = new
            entities = [{"id": t} for t in sorted(channel.topics)]
        return Reply(200, {"entities": entities})

    # sockets ------------------------------------------------------------------------------
    async def _handler(self, connection: ServerConnection) -> None:
        channel_id = connection.request.path.rsplit("/", 1)[-1]
        with self.lock:
            channel = self.channels.get(channel_id)
            if channel is None or not channel.alive:
                channel = None
            else:
                socket = Socket(connection, channel)
                channel.sockets.append(socket)
                self.connections += 1
        if channel is None:
            await connection.close(4004, "no such channel")
            return
        beat = asyncio.ensure_future(self._heartbeats(socket))
        try:
            async for message in connection:
                data = json.loads(message)
                if data.get("message") == "ping":
                    socket.pings += 1
                    if not socket.silent:
                        await connection.send(_control("pong"))
                    continue
                with self.lock:
                    self.socket_messages.append(data)
                    topics = set(data.get("topics") or ())
                    if data.get("message") == "subscribe":
                        channel.topics |= topics
                    elif data.get("message") == "unsubscribe":
                        channel.topics -= topics
        except Exception:  # noqa: BLE001 (a dropped client)
            pass
        finally:
            beat.cancel()
            with self.lock:
                if socket in channel.sockets:
                    channel.sockets.remove(socket)

    async def _heartbeats(self, socket: Socket) -> None:
        while True:
            await asyncio.sleep(self.heartbeat_interval)
            if not socket.silent:
                socket.heartbeats += 1
                await socket.connection.send(_control("WebSocket Heartbeat"))

    async def _expire_channels(self) -> None:
        while True:
            await asyncio.sleep(min(0.05, self.channel_lifetime / 10))
            now = time.monotonic()
            with self.lock:
                expired = [
                    c for c in self.channels.values() if c.alive and now >= c.expires_at
                ]
                for channel in expired:
                    channel.alive = False
            for channel in expired:
                for socket in list(channel.sockets):
                    await socket.connection.close(1000, "channel expired")

    # what tests call ----------------------------------------------------------------------
    def publish(self, topic: str, body: Any, event_id: int | None = None) -> int:
        """Send an event to every channel subscribed to ``topic`` whose token is valid; returns
        the number of sockets written to (the id counts as sent when that is at least one).
        """
        return self._run(self._publish(topic, body, event_id))

    async def _publish(self, topic: str, body: Any, event_id: int | None) -> int:
        metadata = {"CorrelationId": str(uuid.uuid4())}
        if event_id is not None:
            metadata["eventId"] = str(event_id)
        frame = json.dumps(
            {
                "topicName": topic,
                "version": "2",
                "eventBody": body,
                "metadata": metadata,
            }
        )
        now = time.monotonic()
        with self.lock:
            targets = [
                s
                for c in self.channels.values()
                if c.alive
                and topic in c.topics
                and now < self.token_expiry.get(c.token, float("inf"))
                for s in c.sockets
                if not s.silent
            ]
        written = uncertain = 0
        for socket in targets:
            transport = socket.connection.transport
            if transport.is_closing():  # asyncio drops writes after close(): not sent
                continue
            try:
                await socket.connection.send(frame)
            except Exception:  # noqa: BLE001, S112 (closed under us: not sent)
                continue
            if transport.is_closing():  # closed while sending: it may or may not arrive
                uncertain += 1
            else:
                written += 1
        if event_id is not None:
            if written:
                self.sent.append(event_id)
            elif uncertain:
                self.maybe_sent.append(event_id)
        self.copies.append(written + uncertain)
        return written

    def live_sockets(self) -> list[Socket]:
        with self.lock:
            return [s for c in self.channels.values() for s in c.sockets]

    def drop(self, socket: Socket) -> None:
        """Close the TCP connection without a close frame (frames already written arrive)."""
        self._loop.call_soon_threadsafe(socket.connection.transport.close)

    def silence(self, socket: Socket) -> None:
        socket.silent = True

    def socket_closing(self, socket: Socket, grace: float) -> None:
        async def notice() -> None:
            await socket.connection.send(
                json.dumps(
                    {
                        "topicName": "v2.system.socket_closing",
                        "version": "2",
                        "eventBody": {"message": "maintenance"},
                        "metadata": {},
                    }
                )
            )
            await asyncio.sleep(grace)
            await socket.connection.close(1001, "maintenance")

        asyncio.run_coroutine_threadsafe(notice(), self._loop)

    def expire_tokens_of(self, channel: Channel) -> None:
        with self.lock:
            self.token_expiry[channel.token] = 0.0


def _control(message: str) -> str:
    return json.dumps(
        {
            "topicName": "channel.metadata",
            "eventBody": {"message": message},
            "metadata": {},
        }
    )
