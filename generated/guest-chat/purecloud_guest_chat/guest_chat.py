"""Guest Chat sessions: start (or resume) a web chat as a guest, read its event stream as typed
events, send messages and typing indicators.

::

    with GuestChatSession.start(CreateWebChatConversationRequest(...)) as chat:
        chat.send_message("Hello")
        for event in chat:                     # reconnects by itself; ends when closed
            if event.kind == "message":
                print(event.data.sender.id, event.data.body)   # a WebChatMessage

Starting calls the web chat API's ``post_webchat_guest_conversations`` (no token needed), gives
the returned JWT to the client (``set_jwt``: every later request sends it) and opens the
conversation's ``eventStreamUri`` through the event-stream transport (``_stream``: heartbeats,
a ping when quiet, a silent socket treated as dead, tokens masked in logs).

Events carry ``kind`` (``"message"``, ``"member"``, ``"typing"`` or ``"other"``, from
``metadata.type``: ``message``, ``member-change``, ``typing-indicator``), ``data`` (a
``WebChatMessage``, the changed member's ``WebChatMemberInfo``, a ``WebChatTyping``; plain JSON
when the body does not fit, with ``decode_error`` saying why: reading never raises for a bad
frame), ``metadata``, ``raw`` and ``recovered``.

When the socket drops, goes silent or the server announces a close
(``v2.system.socket_closing``), the session opens a new socket with backoff and jitter
(``max_reconnect_attempts`` failures in a row end it with ``StreamConnectError``), then fetches
the messages it missed meanwhile (``recovered=True``) when the SDK has the messages operation.
Each event is delivered once: events with an id (messages, typing) are remembered by id (the
last ``remember`` of them), others by correlation id and body.

State changes (``connecting``, ``connected``, ``reconnecting``, ``closed``) are
``ChannelEvent``s, as for notification channels (``channel_id`` is the conversation id;
``detail`` has ``attempt`` and ``recovered`` after a reconnect): they go to listeners
(``on_event``) and to the client's event bus (``client.events``) as ``guest_chat_state``
events.

This module exists only in SDKs whose spec has the web chat guest operations (sdkgen copies it,
with ``_guest_chat_core``, when it renders ``_guest_chat_api``, which names the API class,
methods and models they use).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Mapping

from . import _guest_chat_api as _spec
from ._guest_chat_core import (
    GuestChatEvent,
    SessionBase,
    api_classes,
    saved_from_response,
    start_arguments,
)
from ._stream import (
    DEFAULT_HEARTBEAT_INTERVAL,
    DEFAULT_PONG_TIMEOUT,
    SOCKET_CLOSING_TOPIC,
    SocketClosed,
    StreamConnectError,
    open_socket,
    open_socket_async,
    stream_logger,
)

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    import asyncio
    from typing import Any

    from ._stream import AsyncSocket, SyncSocket
    from .api_client import ApiClient, AsyncApiClient

__all__ = ["AsyncGuestChatSession", "GuestChatEvent", "GuestChatSession", "StreamConnectError"]

guest_chat = sys.modules[__name__]  # <sdk>.guest_chat through the package's lazy map


class GuestChatSession(SessionBase):
    """A guest's web chat: ``start(body)`` or ``resume(saved)``, then iterate for events and
    ``send_message`` / ``send_typing``. A context manager; ``close()`` ends the iteration
    (from any thread).

    Options: ``heartbeat_interval`` (seconds between the server's heartbeats, 30; a socket quiet
    a sixth longer is pinged), ``pong_timeout`` (10 s: an unanswered ping means a dead socket),
    ``max_reconnect_attempts`` (failures in a row before giving up, 10), ``recover_missed``
    (fetch the messages missed while reconnecting, True), ``remember`` (event ids kept to
    drop duplicates, 10,000), ``reconnect_backoff`` (first and longest delay between
    attempts, seconds: (0.5, 30), with full jitter). ``client``: the ``ApiClient`` (the
    ``AsyncApiClient`` for the async session) the JWT is set on (default: the default client)."""

    def __init__(
        self,
        saved: Mapping[str, str],
        client: ApiClient | None = None,
        *,
        heartbeat_interval: float = DEFAULT_HEARTBEAT_INTERVAL,
        pong_timeout: float = DEFAULT_PONG_TIMEOUT,
        max_reconnect_attempts: int = 10,
        recover_missed: bool = True,
        remember: int = 10_000,
        reconnect_backoff: tuple[float, float] = (0.5, 30.0),
    ) -> None:
        super().__init__(
            saved,
            client,
            api_classes()[0],
            heartbeat_interval=heartbeat_interval,
            pong_timeout=pong_timeout,
            max_reconnect_attempts=max_reconnect_attempts,
            recover_missed=recover_missed,
            remember=remember,
            reconnect_backoff=reconnect_backoff,
        )
        self._socket: SyncSocket | None = None
        self._stopped = threading.Event()

    @classmethod
    def start(cls, body: Any, client: ApiClient | None = None, **options: Any) -> GuestChatSession:
        """Start a conversation as a guest (``body``: the start request model, or a dict with
        its wire names) and open its event stream."""
        api = api_classes()[0](client)
        response = getattr(api, _spec.METHODS["start"])(start_arguments(body))
        session = cls(saved_from_response(response), api.api_client, **options)
        session.open()
        return session

    @classmethod
    def resume(cls, saved: Mapping[str, str], client: ApiClient | None = None, **options: Any) -> GuestChatSession:
        """Rejoin a conversation from :meth:`saved` (its JWT, ids and stream URI) and open the
        stream; the messages sent meanwhile come first (``recovered=True``)."""
        session = cls(saved, client, **options)
        session.open()
        if session._core.recover_missed:
            session._pending.extend(session._recover())
        return session

    # sending ---------------------------------------------------------------------------
    def send_message(self, text: str, body_type: str = "standard") -> Any:
        """Send ``text`` as this guest; returns the created ``WebChatMessage``."""
        request = self._message_request(text, body_type)
        return getattr(self._api, _spec.METHODS["send"])(self.conversation_id, self.member_id, request)

    def send_typing(self) -> Any:
        """Tell the other members the guest is typing; returns the ``WebChatTyping``."""
        return getattr(self._api, _spec.METHODS["typing"])(self.conversation_id, self.member_id)

    # the stream ------------------------------------------------------------------------
    def open(self) -> None:
        """Open the event stream (iteration opens it too)."""
        if self._socket is not None or self._closed:
            return
        core = self._core
        core.set_state("connecting")
        try:
            self._socket = open_socket(core.settings())
        except StreamConnectError:
            core.set_state("closed", "could not open the event stream")
            raise
        core.set_state("connected")

    def __iter__(self) -> GuestChatSession:
        return self

    def __next__(self) -> GuestChatEvent:
        while True:
            if self._pending:
                return self._pending.pop(0)
            if self._closed:
                raise StopIteration
            if self._socket is None:
                self.open()
            socket = self._socket
            assert socket is not None
            try:
                frame = socket.receive()
            except SocketClosed as closed:
                if self._closed:
                    raise StopIteration from None
                self._reconnect(closed.reason)
                continue
            if frame.topic == SOCKET_CLOSING_TOPIC:
                self._reconnect("the server announced a close (socket_closing)")
                continue
            event = self._core.event_from_frame(frame)
            if event is not None:
                return event

    def _reconnect(self, reason: str) -> None:
        core = self._core
        old, self._socket = self._socket, None
        core.set_state("reconnecting", reason)
        core.backoff.reset()
        attempt = 0
        while not self._closed:
            attempt += 1
            try:
                socket = open_socket(core.settings())
            except StreamConnectError as error:
                if attempt >= core.max_reconnect_attempts:
                    if old is not None:
                        old.close()
                    self._closed = True
                    raise core.give_up(attempt, error) from None
                self._stopped.wait(core.backoff.next_delay())  # close() cuts the wait short
                continue
            if old is not None:
                old.close()  # after the new one is open: a maintenance close overlaps them
            if self._closed:  # closed while this attempt was opening
                socket.close()
                return
            self._socket = socket
            recovered = self._recover() if core.recover_missed else []
            self._pending.extend(recovered)
            core.set_state("connected", "reconnected", attempt=attempt, recovered=len(recovered))
            return

    def _recover(self) -> list[GuestChatEvent]:
        try:
            listing = getattr(self._api, _spec.METHODS["history"])(
                self.conversation_id, **self._core.history_arguments()
            )
        except Exception as error:  # noqa: BLE001 (recovery is best effort; the stream goes on)
            stream_logger().warning("guest chat %s: missed messages not fetched: %s", self.conversation_id, error)
            return []
        return self._core.recovered_events(listing)

    def close(self) -> None:
        """Close the stream; iteration ends. The conversation itself stays (resume it later
        with :meth:`saved`)."""
        self._closed = True
        self._stopped.set()
        socket, self._socket = self._socket, None
        self._core.set_state("closed")  # before the reader wakes up to the closed socket
        if socket is not None:
            socket.close()

    def __enter__(self) -> GuestChatSession:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()



class AsyncGuestChatSession(SessionBase):
    """The asyncio twin of :class:`GuestChatSession`: ``await AsyncGuestChatSession.start(...)``,
    ``async for event in session``, ``await session.send_message(...)``.

    Options: ``heartbeat_interval`` (seconds between the server's heartbeats, 30; a socket quiet
    a sixth longer is pinged), ``pong_timeout`` (10 s: an unanswered ping means a dead socket),
    ``max_reconnect_attempts`` (failures in a row before giving up, 10), ``recover_missed``
    (fetch the messages missed while reconnecting, True), ``remember`` (event ids kept to
    drop duplicates, 10,000), ``reconnect_backoff`` (first and longest delay between
    attempts, seconds: (0.5, 30), with full jitter). ``client``: the ``ApiClient`` (the
    ``AsyncApiClient`` for the async session) the JWT is set on (default: the default client)."""

    def __init__(
        self,
        saved: Mapping[str, str],
        client: AsyncApiClient | None = None,
        *,
        heartbeat_interval: float = DEFAULT_HEARTBEAT_INTERVAL,
        pong_timeout: float = DEFAULT_PONG_TIMEOUT,
        max_reconnect_attempts: int = 10,
        recover_missed: bool = True,
        remember: int = 10_000,
        reconnect_backoff: tuple[float, float] = (0.5, 30.0),
    ) -> None:
        super().__init__(
            saved,
            client,
            api_classes()[1],
            heartbeat_interval=heartbeat_interval,
            pong_timeout=pong_timeout,
            max_reconnect_attempts=max_reconnect_attempts,
            recover_missed=recover_missed,
            remember=remember,
            reconnect_backoff=reconnect_backoff,
        )
        self._socket: AsyncSocket | None = None
        self._stopped: asyncio.Event | None = None

    @classmethod
    async def start(
        cls, body: Any, client: AsyncApiClient | None = None, **options: Any
    ) -> AsyncGuestChatSession:
        """Start a conversation as a guest and open its event stream."""
        api = api_classes()[1](client)
        response = await getattr(api, _spec.METHODS["start"])(start_arguments(body))
        session = cls(saved_from_response(response), api.api_client, **options)
        await session.open()
        return session

    @classmethod
    async def resume(
        cls, saved: Mapping[str, str], client: AsyncApiClient | None = None, **options: Any
    ) -> AsyncGuestChatSession:
        """Rejoin a conversation from :meth:`saved`; the messages sent meanwhile come first."""
        session = cls(saved, client, **options)
        await session.open()
        if session._core.recover_missed:
            session._pending.extend(await session._recover())
        return session

    async def send_message(self, text: str, body_type: str = "standard") -> Any:
        request = self._message_request(text, body_type)
        return await getattr(self._api, _spec.METHODS["send"])(self.conversation_id, self.member_id, request)

    async def send_typing(self) -> Any:
        return await getattr(self._api, _spec.METHODS["typing"])(self.conversation_id, self.member_id)

    async def open(self) -> None:
        if self._socket is not None or self._closed:
            return
        core = self._core
        core.set_state("connecting")
        try:
            self._socket = await open_socket_async(core.settings())
        except StreamConnectError:
            core.set_state("closed", "could not open the event stream")
            raise
        core.set_state("connected")

    def __aiter__(self) -> AsyncGuestChatSession:
        return self

    async def __anext__(self) -> GuestChatEvent:
        while True:
            if self._pending:
                return self._pending.pop(0)
            if self._closed:
                raise StopAsyncIteration
            if self._socket is None:
                await self.open()
            socket = self._socket
            assert socket is not None
            try:
                frame = await socket.receive()
            except SocketClosed as closed:
                if self._closed:
                    raise StopAsyncIteration from None
                await self._reconnect(closed.reason)
                continue
            if frame.topic == SOCKET_CLOSING_TOPIC:
                await self._reconnect("the server announced a close (socket_closing)")
                continue
            event = self._core.event_from_frame(frame)
            if event is not None:
                return event

    async def _reconnect(self, reason: str) -> None:
        import asyncio

        core = self._core
        old, self._socket = self._socket, None
        core.set_state("reconnecting", reason)
        core.backoff.reset()
        attempt = 0
        while not self._closed:
            attempt += 1
            try:
                socket = await open_socket_async(core.settings())
            except StreamConnectError as error:
                if attempt >= core.max_reconnect_attempts:
                    if old is not None:
                        await old.close()
                    self._closed = True
                    raise core.give_up(attempt, error) from None
                try:  # close() cuts the wait short
                    await asyncio.wait_for(self._stopped_event().wait(), core.backoff.next_delay())
                except asyncio.TimeoutError:
                    pass
                continue
            if old is not None:
                await old.close()
            if self._closed:
                await socket.close()
                return
            self._socket = socket
            recovered = await self._recover() if core.recover_missed else []
            self._pending.extend(recovered)
            core.set_state("connected", "reconnected", attempt=attempt, recovered=len(recovered))
            return

    async def _recover(self) -> list[GuestChatEvent]:
        try:
            listing = await getattr(self._api, _spec.METHODS["history"])(
                self.conversation_id, **self._core.history_arguments()
            )
        except Exception as error:  # noqa: BLE001
            stream_logger().warning("guest chat %s: missed messages not fetched: %s", self.conversation_id, error)
            return []
        return self._core.recovered_events(listing)

    def _stopped_event(self) -> asyncio.Event:
        import asyncio

        if self._stopped is None:  # made in the loop that reconnects
            self._stopped = asyncio.Event()
            if self._closed:
                self._stopped.set()
        return self._stopped

    async def close(self) -> None:
        self._closed = True
        if self._stopped is not None:
            self._stopped.set()
        socket, self._socket = self._socket, None
        self._core.set_state("closed")
        if socket is not None:
            await socket.close()

    async def __aenter__(self) -> AsyncGuestChatSession:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

