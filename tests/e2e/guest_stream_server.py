"""A local Guest Chat event stream: the `websockets` library's asyncio server on loopback, in
a thread of its own, speaking what the public documentation says the stream speaks.

Every frame is ``{"topicName", "version", "eventBody", "metadata": {"CorrelationId", "type"}}``:
``type`` is ``message`` (body: a WebChatMessage), ``member-change`` (body: ``{"member": ...,
"conversation": ..., "timestamp"}``) or ``typing-indicator`` (body: a WebChatTyping); a
``channel.metadata`` heartbeat comes every ``heartbeat_interval`` seconds and a pong answers each
``{"message": "ping"}``. The test drives it: ``message()``, ``member_change()``, ``typing()``
write to every open socket; ``drop()`` closes the TCP connections without a close frame;
``socket_closing()`` sends the maintenance notice; ``silent = True`` stops heartbeats and pongs. ``paths`` records each connection's request
path (where the JWT travels); ``sent`` the ids of the events written.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
import uuid
from typing import Any

from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed


class GuestStreamServer:
    def __init__(self, conversation_id: str = "conv-1", *, heartbeat_interval: float = 30.0) -> None:
        self.conversation_id = conversation_id
        self.heartbeat_interval = heartbeat_interval
        self.paths: list[str] = []
        self.sent: list[str] = []
        self.pings = 0
        self.silent = False  # no heartbeats, pings unanswered (an open TCP that says nothing)
        self._sockets: list[ServerConnection] = []
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: Any = None
        self._opened = threading.Condition()

    # lifecycle --------------------------------------------------------------------------
    def start(self) -> GuestStreamServer:
        self._thread.start()
        self._server = self._run(self._serve())
        return self

    async def _serve(self) -> Any:
        return await serve(self._handler, "127.0.0.1", 0, compression=None, ping_interval=None)

    @property
    def uri(self) -> str:
        port = self._server.sockets[0].getsockname()[1]
        return f"ws://127.0.0.1:{port}/v2/conversations/chats/{self.conversation_id}/stream"

    def stop(self) -> None:
        async def shutdown() -> None:
            self._server.close()
            await self._server.wait_closed()

        self._run(shutdown())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    def __enter__(self) -> GuestStreamServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _run(self, coroutine: Any, timeout: float = 10.0) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    # the socket -------------------------------------------------------------------------
    async def _handler(self, connection: ServerConnection) -> None:
        with self._opened:
            self.paths.append(connection.request.path)
            self._sockets.append(connection)
            self._opened.notify_all()
        beats = asyncio.ensure_future(self._heartbeats(connection))
        try:
            async for message in connection:
                if json.loads(message).get("message") == "ping":
                    self.pings += 1
                    if not self.silent:
                        await connection.send(_control("pong"))
        except Exception:  # noqa: BLE001 (a dropped client)
            pass
        finally:
            beats.cancel()
            with self._opened:
                if connection in self._sockets:
                    self._sockets.remove(connection)

    async def _heartbeats(self, connection: ServerConnection) -> None:
        while True:
            await asyncio.sleep(self.heartbeat_interval)
            if not self.silent:
                await connection.send(_control("WebSocket Heartbeat"))

    def wait_for_connections(self, count: int, timeout: float = 10.0) -> None:
        """Until ``count`` connections were made in all (and one is open)."""
        deadline = time.monotonic() + timeout
        with self._opened:
            while len(self.paths) < count or not self._sockets:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"{len(self.paths)} connection(s), expected {count}")
                self._opened.wait(left)

    @property
    def open_sockets(self) -> int:
        with self._opened:
            return len(self._sockets)

    # events -----------------------------------------------------------------------------
    def _write(self, topic_suffix: str, event_type: str, body: dict[str, Any]) -> None:
        frame = json.dumps(
            {
                "topicName": f"v2.conversations.chats.{self.conversation_id}.{topic_suffix}",
                "version": "2",
                "eventBody": body,
                "metadata": {"CorrelationId": str(uuid.uuid4()), "type": event_type},
            }
        )

        self.raw(frame)

    def _member(self, member_id: str, **fields: Any) -> dict[str, Any]:
        return {"id": member_id, **fields}

    def message(self, text: str, sender: str = "agent-1", message_id: str | None = None) -> str:
        message_id = message_id or f"m{next(self._ids)}"
        self._write("messages", "message", {
            "id": message_id,
            "conversation": {"id": self.conversation_id},
            "sender": self._member(sender),
            "body": text,
            "bodyType": "standard",
            "timestamp": "2026-12-02T10:00:00.000Z",
        })
        self.sent.append(message_id)
        return message_id

    def typing(self, sender: str = "agent-1") -> str:
        typing_id = f"t{next(self._ids)}"
        self._write("messages", "typing-indicator", {
            "id": typing_id,
            "conversation": {"id": self.conversation_id},
            "sender": self._member(sender),
            "timestamp": "2026-12-02T10:00:01.000Z",
        })
        self.sent.append(typing_id)
        return typing_id

    def member_change(self, member_id: str, state: str, role: str = "AGENT") -> None:
        self._write("members", "member-change", {
            "member": self._member(member_id, state=state, role=role, displayName=f"{role.title()} {member_id}"),
            "conversation": {"id": self.conversation_id},
            "timestamp": "2026-12-02T10:00:02.000Z",
        })

    def raw(self, text: str) -> None:
        """Write ``text`` to every open socket (one closing meanwhile is skipped)."""
        async def write() -> None:
            for connection in list(self._sockets):
                try:
                    await connection.send(text)
                except ConnectionClosed:
                    pass

        self._run(write())

    def socket_closing(self) -> None:
        self.raw(json.dumps({"topicName": "v2.system.socket_closing", "eventBody": {"message": "closing"},
                             "metadata": {"CorrelationId": str(uuid.uuid4())}}))

    def drop(self) -> None:
        """Close every socket's TCP connection without a close frame."""
        async def drop() -> None:
            for connection in list(self._sockets):
                connection.transport.abort()

        self._run(drop())


def _control(message: str) -> str:
    return json.dumps({"topicName": "channel.metadata", "eventBody": {"message": message}})
