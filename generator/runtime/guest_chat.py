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
(``on_event``) and to the client's event bus.

This module exists only in SDKs whose spec has the web chat guest operations (sdkgen copies it
when it renders ``_guest_chat_api``, which names the API class, methods and models it uses).
"""

from __future__ import annotations

import importlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from . import _guest_chat_api as _spec
from ._channel_core import ChannelEvent, publish_to_client
from ._lazy import lazy_import
from ._stream import (
    DEFAULT_HEARTBEAT_INTERVAL,
    DEFAULT_PONG_TIMEOUT,
    SOCKET_CLOSING_TOPIC,
    Backoff,
    Frame,
    SocketClosed,
    StreamConnectError,
    mask_uri,
    open_socket,
    open_socket_async,
    stream_logger,
    stream_settings,
)

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

    from . import _models
    import msgspec

    from ._stream import AsyncSocket, SyncSocket
    from .api_client import ApiClient, AsyncApiClient
else:
    _models = lazy_import("._models", globals())
    msgspec = lazy_import("msgspec", globals())

__all__ = [
    "AsyncGuestChatSession",
    "GuestChatEvent",
    "GuestChatSession",
    "StreamConnectError",
]

guest_chat = __import__("sys").modules[__name__]  # <sdk>.guest_chat through the package's lazy map

_KINDS = {"message": "message", "member-change": "member", "typing-indicator": "typing", "typing": "typing"}
_SAVED_KEYS = ("jwt", "conversationId", "memberId", "eventStreamUri")


@dataclass(frozen=True, slots=True)
class GuestChatEvent:
    """One event of the conversation (see the module doc)."""

    kind: str  # "message" | "member" | "typing" | "other"
    type: str  # metadata.type as sent ("" when absent)
    data: Any
    topic: str
    metadata: Mapping[str, Any]
    raw: str
    decode_error: str | None = None
    recovered: bool = False  # fetched after a reconnect: missed while the stream was down


def _api_classes() -> tuple[type, type]:
    module = importlib.import_module(f".{_spec.API_MODULE}", __package__)
    return getattr(module, _spec.API_CLASS), getattr(module, _spec.ASYNC_API_CLASS)


def _model(role: str) -> type:
    return _models.resolve_type(_spec.MODELS[role])


def _field(value: Any, wire_name: str) -> Any:
    """A response field by wire name, whether the response is a model or plain JSON."""
    if isinstance(value, Mapping):
        return value.get(wire_name)
    return _models.to_wire(value).get(wire_name) if value is not None else None


class _SessionCore:
    """What the sync and async sessions share: identity, decoding, duplicates, state."""

    def __init__(
        self,
        client: Any,
        saved: Mapping[str, str],
        *,
        heartbeat_interval: float,
        pong_timeout: float,
        max_reconnect_attempts: int,
        recover_missed: bool,
        remember: int,
        backoff: Backoff,
    ) -> None:
        missing = [key for key in _SAVED_KEYS if not isinstance(saved.get(key), str) or not saved.get(key)]
        if missing:
            raise ValueError(f"a guest chat session needs {', '.join(missing)} (see GuestChatSession.saved())")
        self.client = client
        self.jwt: str = saved["jwt"]
        self.conversation_id: str = saved["conversationId"]
        self.member_id: str = saved["memberId"]
        self.event_stream_uri: str = saved["eventStreamUri"]
        self.heartbeat_interval = heartbeat_interval
        self.pong_timeout = pong_timeout
        self.max_reconnect_attempts = max_reconnect_attempts
        self.recover_missed = recover_missed and "history" in _spec.METHODS
        self.backoff = backoff
        self.state = "new"
        self.listeners: list[Callable[[ChannelEvent], Any]] = []
        self.last_message_id: str | None = None
        self._seen: OrderedDict[Any, None] = OrderedDict()
        self._remember = remember
        self._lock = threading.Lock()
        client.set_jwt(self.jwt)

    def saved(self) -> dict[str, str]:
        return {
            "jwt": self.jwt,
            "conversationId": self.conversation_id,
            "memberId": self.member_id,
            "eventStreamUri": self.event_stream_uri,
        }

    def settings(self) -> Any:
        return stream_settings(
            self.client, self.event_stream_uri, heartbeat_interval=self.heartbeat_interval, pong_timeout=self.pong_timeout
        )

    # events ----------------------------------------------------------------------------
    def event_from_frame(self, frame: Frame) -> GuestChatEvent | None:
        """The frame as an event, or None for a duplicate (never raises)."""
        if frame.error is not None:
            return GuestChatEvent("other", "", None, "", {}, frame.raw, frame.error)
        body = frame.body_json()
        if not self._first_time(self._identity(frame, body)):
            return None
        sent_type = frame.metadata.get("type")
        type_ = sent_type if isinstance(sent_type, str) else ""
        kind = _KINDS.get(type_, "other")
        data, error = body, None
        if kind == "member" and isinstance(body, dict) and isinstance(body.get("member"), dict):
            data, error = self._convert(body["member"], "member")
        elif kind in ("message", "typing"):
            data, error = self._convert(body, kind)
        if kind == "message" and isinstance(body, dict) and isinstance(body.get("id"), str):
            self.last_message_id = body["id"]
        return GuestChatEvent(kind, type_, data, frame.topic, frame.metadata, frame.raw, error)

    def _convert(self, body: Any, role: str) -> tuple[Any, str | None]:
        try:
            return msgspec.convert(body, _model(role), strict=False), None
        except Exception as error:  # noqa: BLE001 (msgspec's errors and a missing model alike)
            return body, f"not a valid {_spec.MODELS[role]}: {error}"

    @staticmethod
    def _identity(frame: Frame, body: Any) -> Any:
        if isinstance(body, dict) and isinstance(body.get("id"), str):
            return ("id", body["id"], frame.metadata.get("type"))
        return ("frame", frame.topic, frame.metadata.get("CorrelationId"), bytes(frame.body or b""))

    def _first_time(self, key: Any) -> bool:
        with self._lock:
            if key in self._seen:
                return False
            self._seen[key] = None
            if len(self._seen) > self._remember:
                self._seen.popitem(last=False)
            return True

    def recovered_events(self, listing: Any) -> list[GuestChatEvent]:
        """Messages of a history listing not delivered yet, oldest first, as events."""
        entities = _field(listing, "entities") or []
        events = []
        for entity in entities:
            body = entity if isinstance(entity, Mapping) else _models.to_wire(entity)
            message_id = body.get("id") if isinstance(body, Mapping) else None
            if not isinstance(message_id, str) or not self._first_time(("id", message_id, "message")):
                continue
            data, error = self._convert(body, "message")
            self.last_message_id = message_id
            events.append(GuestChatEvent("message", "message", data, "", {}, "", error, recovered=True))
        events.sort(key=lambda e: str(_field(e.data, "timestamp") or ""))
        return events

    def history_arguments(self) -> dict[str, Any]:
        return {"after": self.last_message_id} if self.last_message_id else {}

    # state -----------------------------------------------------------------------------
    def set_state(self, state: str, reason: str = "", **detail: Any) -> None:
        if state == self.state and not reason:
            return
        self.state = state
        event = ChannelEvent("state", state, reason, self.conversation_id, detail)
        log = stream_logger()
        log.info("guest chat %s: %s%s", self.conversation_id, state, f" ({reason})" if reason else "")
        for listener in list(self.listeners):
            try:
                listener(event)
            except Exception:  # a listener never breaks the stream
                log.exception("a guest chat listener raised")
        publish_to_client(self.client, event)

    def give_up(self, attempts: int, error: BaseException) -> StreamConnectError:
        self.set_state("closed", f"{attempts} reconnect attempt(s) failed")
        return StreamConnectError(
            f"guest chat {self.conversation_id}: cannot reopen {mask_uri(self.event_stream_uri)} after "
            f"{attempts} attempt(s): {error}"
        )


def _start_arguments(body: Any) -> Any:
    return body if not isinstance(body, Mapping) else msgspec.convert(body, _model("start_request"), strict=False)


def _saved_from_response(response: Any) -> dict[str, str]:
    member = _field(response, "member")
    return {
        "jwt": _field(response, "jwt"),
        "conversationId": _field(response, "id"),
        "memberId": _field(member, "id") if member is not None else None,
        "eventStreamUri": _field(response, "eventStreamUri"),
    }


_OPTIONS_DOC = """
    Options: ``heartbeat_interval`` (seconds between the server's heartbeats, 30; a socket quiet
    a sixth longer is pinged), ``pong_timeout`` (10 s: an unanswered ping means a dead socket),
    ``max_reconnect_attempts`` (failures in a row before giving up, 10), ``recover_missed``
    (fetch the messages missed while reconnecting, True), ``remember`` (event ids kept to
    drop duplicates, 10,000), ``reconnect_backoff`` (first and longest delay between
    attempts, seconds: (0.5, 30), with full jitter). ``client``: the ``ApiClient`` (the
    ``AsyncApiClient`` for the async session) the JWT is set on (default: the default client)."""


class GuestChatSession:
    """A guest's web chat: ``start(body)`` or ``resume(saved)``, then iterate for events and
    ``send_message`` / ``send_typing``. A context manager; ``close()`` ends the iteration
    (from any thread)."""

    __doc__ = (__doc__ or "") + _OPTIONS_DOC

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
        api_class, _ = _api_classes()
        self._api = api_class(client)
        self._core = _SessionCore(
            self._api.api_client,
            saved,
            heartbeat_interval=heartbeat_interval,
            pong_timeout=pong_timeout,
            max_reconnect_attempts=max_reconnect_attempts,
            recover_missed=recover_missed,
            remember=remember,
            backoff=Backoff(*reconnect_backoff),
        )
        self._socket: SyncSocket | None = None
        self._pending: list[GuestChatEvent] = []
        self._closed = False

    @classmethod
    def start(cls, body: Any, client: ApiClient | None = None, **options: Any) -> GuestChatSession:
        """Start a conversation as a guest (``body``: the start request model, or a dict with
        its wire names) and open its event stream."""
        api_class, _ = _api_classes()
        api = api_class(client)
        response = getattr(api, _spec.METHODS["start"])(_start_arguments(body))
        session = cls(_saved_from_response(response), api.api_client, **options)
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

    # identity --------------------------------------------------------------------------
    @property
    def conversation_id(self) -> str:
        return self._core.conversation_id

    @property
    def member_id(self) -> str:
        return self._core.member_id

    @property
    def jwt(self) -> str:
        return self._core.jwt

    @property
    def state(self) -> str:
        return self._core.state

    @property
    def client(self) -> ApiClient:
        return self._api.api_client

    def saved(self) -> dict[str, str]:
        """What :meth:`resume` needs (keep it as secret as the JWT in it)."""
        return self._core.saved()

    def on_event(self, listener: Callable[[ChannelEvent], Any]) -> Callable[[ChannelEvent], Any]:
        """Call ``listener(ChannelEvent)`` on every state change (as the notification
        channel's ``on_event``)."""
        self._core.listeners.append(listener)
        return listener

    # sending ---------------------------------------------------------------------------
    def send_message(self, text: str, body_type: str = "standard") -> Any:
        """Send ``text`` as this guest; returns the created ``WebChatMessage``."""
        request = _model("message_request")(body=text, body_type=body_type)
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
                time.sleep(core.backoff.next_delay())
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
        socket, self._socket = self._socket, None
        self._core.set_state("closed")  # before the reader wakes up to the closed socket
        if socket is not None:
            socket.close()

    def __enter__(self) -> GuestChatSession:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<GuestChatSession conversation={self.conversation_id} {self.state}>"


class AsyncGuestChatSession:
    """The asyncio twin of :class:`GuestChatSession`: ``await AsyncGuestChatSession.start(...)``,
    ``async for event in session``, ``await session.send_message(...)``."""

    __doc__ = (__doc__ or "") + _OPTIONS_DOC

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
        _, async_api_class = _api_classes()
        self._api = async_api_class(client)
        self._core = _SessionCore(
            self._api.api_client,
            saved,
            heartbeat_interval=heartbeat_interval,
            pong_timeout=pong_timeout,
            max_reconnect_attempts=max_reconnect_attempts,
            recover_missed=recover_missed,
            remember=remember,
            backoff=Backoff(*reconnect_backoff),
        )
        self._socket: AsyncSocket | None = None
        self._pending: list[GuestChatEvent] = []
        self._closed = False

    @classmethod
    async def start(
        cls, body: Any, client: AsyncApiClient | None = None, **options: Any
    ) -> AsyncGuestChatSession:
        """Start a conversation as a guest and open its event stream."""
        _, async_api_class = _api_classes()
        api = async_api_class(client)
        response = await getattr(api, _spec.METHODS["start"])(_start_arguments(body))
        session = cls(_saved_from_response(response), api.api_client, **options)
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

    @property
    def conversation_id(self) -> str:
        return self._core.conversation_id

    @property
    def member_id(self) -> str:
        return self._core.member_id

    @property
    def jwt(self) -> str:
        return self._core.jwt

    @property
    def state(self) -> str:
        return self._core.state

    @property
    def client(self) -> AsyncApiClient:
        return self._api.api_client

    def saved(self) -> dict[str, str]:
        return self._core.saved()

    def on_event(self, listener: Callable[[ChannelEvent], Any]) -> Callable[[ChannelEvent], Any]:
        """Call ``listener(ChannelEvent)`` on every state change (as the notification
        channel's ``on_event``)."""
        self._core.listeners.append(listener)
        return listener

    async def send_message(self, text: str, body_type: str = "standard") -> Any:
        request = _model("message_request")(body=text, body_type=body_type)
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
                await asyncio.sleep(core.backoff.next_delay())
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

    async def close(self) -> None:
        self._closed = True
        socket, self._socket = self._socket, None
        self._core.set_state("closed")
        if socket is not None:
            await socket.close()

    async def __aenter__(self) -> AsyncGuestChatSession:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    def __repr__(self) -> str:
        return f"<AsyncGuestChatSession conversation={self.conversation_id} {self.state}>"
