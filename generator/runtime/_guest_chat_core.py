"""What GuestChatSession and AsyncGuestChatSession share (see guest_chat.py): the session's
identity, decoding frames into events, dropping duplicates, state events, and the parts of
both classes that neither waits in."""

from __future__ import annotations

import importlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from . import _guest_chat_api as _spec
from ._channel_core import ChannelEvent
from ._lazy import lazy_import
from ._stream import Backoff, Frame, StreamConnectError, mask_uri, stream_logger, stream_settings

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

    import msgspec

    from . import _models
else:
    _models = lazy_import("._models", globals())
    msgspec = lazy_import("msgspec", globals())

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


def api_classes() -> tuple[type, type]:
    module = importlib.import_module(f".{_spec.API_MODULE}", __package__)
    return getattr(module, _spec.API_CLASS), getattr(module, _spec.ASYNC_API_CLASS)


def model_class(role: str) -> type:
    return _models.resolve_type(_spec.MODELS[role])


def field_of(value: Any, wire_name: str) -> Any:
    """A response field by wire name, whether the response is a model or plain JSON."""
    if isinstance(value, Mapping):
        return value.get(wire_name)
    return _models.to_wire(value).get(wire_name) if value is not None else None


class SessionCore:
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
            return msgspec.convert(body, model_class(role), strict=False), None
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
        entities = field_of(listing, "entities") or []
        events = []
        for entity in entities:
            body = entity if isinstance(entity, Mapping) else _models.to_wire(entity)
            message_id = body.get("id") if isinstance(body, Mapping) else None
            if not isinstance(message_id, str) or not self._first_time(("id", message_id, "message")):
                continue
            data, error = self._convert(body, "message")
            self.last_message_id = message_id
            events.append(GuestChatEvent("message", "message", data, "", {}, "", error, recovered=True))
        events.sort(key=lambda e: str(field_of(e.data, "timestamp") or ""))
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
        publish_state(self.client, event)

    def give_up(self, attempts: int, error: BaseException) -> StreamConnectError:
        self.set_state("closed", f"{attempts} reconnect attempt(s) failed")
        return StreamConnectError(
            f"guest chat {self.conversation_id}: cannot reopen {mask_uri(self.event_stream_uri)} after "
            f"{attempts} attempt(s): {error}"
        )


BUS_KIND = "guest_chat_state"


def publish_state(client: Any, event: ChannelEvent) -> None:
    """Hand a state change to the client's event bus (``client.events``) as a ``ClientEvent`` of
    kind ``guest_chat_state`` whose ``data`` holds the state, reason, conversation id and
    details. Free when nobody subscribed."""
    from ._events import publish

    data = {"state": event.state, "reason": event.reason, "conversation_id": event.channel_id, **event.detail}
    publish(client, BUS_KIND, data)


def start_arguments(body: Any) -> Any:
    return body if not isinstance(body, Mapping) else msgspec.convert(body, model_class("start_request"), strict=False)


def saved_from_response(response: Any) -> dict[str, str]:
    member = field_of(response, "member")
    return {
        "jwt": field_of(response, "jwt"),
        "conversationId": field_of(response, "id"),
        "memberId": field_of(member, "id") if member is not None else None,
        "eventStreamUri": field_of(response, "eventStreamUri"),
    }



class SessionBase:
    """Identity, options and listeners of a session; the sync and async classes add the I/O."""

    def __init__(
        self,
        saved: Mapping[str, str],
        client: Any,
        api_class: type,
        *,
        heartbeat_interval: float,
        pong_timeout: float,
        max_reconnect_attempts: int,
        recover_missed: bool,
        remember: int,
        reconnect_backoff: tuple[float, float],
    ) -> None:
        self._api = api_class(client)
        self._core = SessionCore(
            self._api.api_client,
            saved,
            heartbeat_interval=heartbeat_interval,
            pong_timeout=pong_timeout,
            max_reconnect_attempts=max_reconnect_attempts,
            recover_missed=recover_missed,
            remember=remember,
            backoff=Backoff(*reconnect_backoff),
        )
        self._pending: list[GuestChatEvent] = []
        self._closed = False

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
    def client(self) -> Any:
        """The client the session's JWT is set on (``ApiClient`` or ``AsyncApiClient``)."""
        return self._api.api_client

    @property
    def state(self) -> str:
        """connecting, connected, reconnecting or closed ("new" before the stream opens)."""
        return self._core.state

    def saved(self) -> dict[str, str]:
        """What ``resume`` needs (keep it as secret as the JWT in it)."""
        return self._core.saved()

    def on_event(self, listener: Callable[[ChannelEvent], Any]) -> Callable[[ChannelEvent], Any]:
        """Call ``listener(ChannelEvent)`` on every state change (as the notification
        channel's ``on_event``); usable as a decorator."""
        self._core.listeners.append(listener)
        return listener

    def _message_request(self, text: str, body_type: str) -> Any:
        return model_class("message_request")(body=text, body_type=body_type)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} conversation={self.conversation_id} {self.state}>"

