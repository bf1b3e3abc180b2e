"""What the sync and async notification channels share: events, decisions, limits, REST calls.

The loops in notifications.py only wait, read and send; every decision (is this a duplicate,
is a renewal due, how many channels has this client opened, what happens when the buffer is
full) lives here, once.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from ._operation import OperationSpec, ParamSpec
from ._stream import (
    DEFAULT_HEARTBEAT_INTERVAL,
    DEFAULT_PONG_TIMEOUT,
    Frame,
    stream_logger,
)
from ._topics import TopicModels, TopicPatterns, default_topic_models

if TYPE_CHECKING:
    from ._client_core import ClientCore

MAX_TOPICS_PER_CHANNEL = 1000
MAX_CHANNELS_PER_USER_AND_APP = 20
CHANNEL_LIFETIME = 24 * 3600.0
_DAY = 24 * 3600.0

_AUTH = ("PureCloud OAuth",)
_CHANNELS = "/api/v2/notifications/channels"
_CHANNEL_ID = (ParamSpec("channelId", "path"),)
_TOPICS_BODY = (ParamSpec("channelId", "path"), ParamSpec("body", "body"))
CREATE_CHANNEL = OperationSpec(
    "postNotificationsChannels", "POST", _CHANNELS, (), "dict[str, Any]", _AUTH
)
HEAD_CHANNEL = OperationSpec(
    "headNotificationsChannel",
    "HEAD",
    _CHANNELS + "/{channelId}",
    _CHANNEL_ID,
    None,
    _AUTH,
)
_SUBSCRIPTIONS = _CHANNELS + "/{channelId}/subscriptions"
REPLACE_SUBSCRIPTIONS = OperationSpec(
    "putNotificationsChannelSubscriptions",
    "PUT",
    _SUBSCRIPTIONS,
    _TOPICS_BODY,
    "dict[str, Any]",
    _AUTH,
)
ADD_SUBSCRIPTIONS = OperationSpec(
    "postNotificationsChannelSubscriptions",
    "POST",
    _SUBSCRIPTIONS,
    _TOPICS_BODY,
    "dict[str, Any]",
    _AUTH,
)
CLEAR_SUBSCRIPTIONS = OperationSpec(
    "deleteNotificationsChannelSubscriptions",
    "DELETE",
    _SUBSCRIPTIONS,
    _CHANNEL_ID,
    None,
    _AUTH,
)


class TopicLimitError(ValueError):
    """More topics than one Platform channel carries (1,000)."""


class BufferOverflowError(RuntimeError):
    """The consumer fell behind and events were dropped (``overflow="error"``)."""

    def __init__(self, dropped: int) -> None:
        super().__init__(
            f"{dropped} event(s) dropped: the channel's buffer was full (max_buffered); "
            "read faster, raise max_buffered, or use overflow='drop_oldest'"
        )
        self.dropped = dropped


class NotificationEvent:
    """One event: ``topic``, ``data`` (the topic's model when the topic models know it, else
    plain JSON), ``metadata``, ``raw`` (the frame as received), ``version``, and
    ``decode_error`` (why ``data`` is plain JSON although a model was expected; else None).
    """

    __slots__ = ("data", "decode_error", "metadata", "raw", "topic", "version")

    def __init__(
        self,
        topic: str,
        data: Any,
        metadata: dict[str, Any],
        raw: str,
        version: Any = None,
        decode_error: str | None = None,
    ) -> None:
        self.topic = topic
        self.data = data
        self.metadata = metadata
        self.raw = raw
        self.version = version
        self.decode_error = decode_error

    def __repr__(self) -> str:
        return (
            f"NotificationEvent(topic={self.topic!r}, data={type(self.data).__name__})"
        )


@dataclass(frozen=True, slots=True)
class ChannelEvent:
    """A change in a channel's life, for listeners and the client's event bus.

    kind: ``"state"`` (``state`` is the new state: connecting, connected, renewing,
    reconnecting, closed), ``"channel_created"`` (``detail``: channels this client created in
    the last 24 h, and the limit), ``"events_dropped"`` (``detail["dropped"]``),
    ``"subscriptions"`` (``detail["topics"]``: how many are subscribed)."""

    kind: str
    state: str
    reason: str = ""
    channel_id: str | None = None
    detail: Mapping[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class ChannelInfo:
    """One Platform channel as created: where to connect, and when it must be replaced."""

    id: str
    connect_uri: str
    token: (
        str  # the access token it was created with: it delivers while that one is valid
    )
    renew_at: float  # monotonic


_created: weakref.WeakKeyDictionary[Any, deque[float]] = weakref.WeakKeyDictionary()
_created_lock = threading.Lock()


def count_created_channel(client: Any) -> int:
    """Record a channel created through ``client``; return how many in the last 24 h."""
    now = time.monotonic()
    with _created_lock:
        times = _created.setdefault(client, deque())
        times.append(now)
        while times and times[0] < now - _DAY:
            times.popleft()
        return len(times)


class Deduplicator:
    """Drops the second copy of an event while two sockets deliver the same topics (and for
    ``grace`` seconds after): the overlap of a channel renewal. Outside an overlap nothing is
    remembered, so two equal events sent apart are both delivered. An event's identity is its
    topic, ``metadata.CorrelationId`` and body."""

    __slots__ = ("_keys", "_overlaps", "_quiet_after", "grace", "limit")

    def __init__(self, grace: float, limit: int = 200_000) -> None:
        self.grace = grace
        self.limit = limit
        self._overlaps = 0
        self._quiet_after = 0.0
        self._keys: dict[Any, None] = {}

    def begin_overlap(self) -> None:
        self._overlaps += 1

    def end_overlap(self) -> None:
        self._overlaps = max(0, self._overlaps - 1)
        self._quiet_after = time.monotonic() + self.grace

    @property
    def active(self) -> bool:
        """Whether frames must be checked: during an overlap, and while copies of its
        events may still arrive (cheap when neither: it is asked for every frame)."""
        if self._overlaps:
            return True
        if self._keys:
            if time.monotonic() <= self._quiet_after:
                return True
            self._keys.clear()
        return False

    def seen(self, frame: Frame) -> bool:
        """Whether ``frame`` is a copy of one already delivered. Recorded otherwise while two
        sockets overlap (after the overlap only copies of earlier frames can come)."""
        key = (
            frame.topic,
            frame.metadata.get("CorrelationId"),
            bytes(frame.body or b""),
        )
        keys = self._keys
        if key in keys:
            del keys[key]  # a third copy cannot come: two sockets at most carry it
            return True
        if self._overlaps:
            if len(keys) >= self.limit:
                del keys[next(iter(keys))]
            keys[key] = None
        return False


@dataclass(slots=True)
class ChannelOptions:
    """Settings of a notification channel (all keyword arguments of the channel classes)."""

    subscribe_over: str = "rest"  # "rest" | "socket"
    max_buffered: int = 10_000
    overflow: str = "drop_oldest"  # "drop_oldest" | "error"
    heartbeat_interval: float = DEFAULT_HEARTBEAT_INTERVAL
    pong_timeout: float = DEFAULT_PONG_TIMEOUT
    channel_lifetime: float | None = None  # None: the server's ``expires`` (24 h)
    renew_before: float = 600.0
    reconnect_backoff: tuple[float, float] = (0.5, 30.0)
    drain_timeout: float = 65.0  # longest an old socket is kept after its replacement

    def check(self) -> None:
        if self.subscribe_over not in ("rest", "socket"):
            raise ValueError("subscribe_over must be 'rest' or 'socket'")
        if self.overflow not in ("drop_oldest", "error"):
            raise ValueError("overflow must be 'drop_oldest' or 'error'")
        if self.max_buffered < 1:
            raise ValueError("max_buffered must be at least 1")

    @property
    def tick(self) -> float:
        """How often the supervisor looks at renewal deadlines and token changes."""
        return max(0.01, min(1.0, self.heartbeat_interval / 10))


class ChannelCore:
    """The state of one notification channel that both loops share."""

    def __init__(
        self,
        client: ClientCore,
        topics: Iterable[str],
        topic_models: TopicModels | Mapping[str, str] | None,
        options: ChannelOptions,
    ) -> None:
        options.check()
        self.client = client
        self.options = options
        if topic_models is None:
            topic_models = default_topic_models()
        elif not isinstance(topic_models, TopicModels):
            topic_models = TopicModels(topic_models)
        self.topic_models: TopicModels = topic_models
        self.topics: dict[str, None] = {}
        # subscribe_over="socket": topics removed while no socket could say so
        self.removed_offline: set[str] = set()
        self.add_topics(normalize_topics(topics))
        self.state = "idle"
        self.listeners: list[Callable[[ChannelEvent], Any]] = []
        self.callbacks = TopicPatterns()
        self._callback_cache: dict[str, tuple[Callable[..., Any], ...]] = {}
        self.dedup = Deduplicator(grace=max(1.0, options.heartbeat_interval / 3))
        self.buffer: deque[NotificationEvent] = deque()
        self.dropped = 0  # events dropped by a full buffer, over the channel's life
        self.pending_overflow = (
            0  # overflow="error": dropped since the consumer last heard
        )
        self.duplicates = 0  # copies dropped during overlaps
        self.dropping = False  # in a run of drops (reported once per run)
        self.channel_id: str | None = None

    # topics ---------------------------------------------------------------------------
    def check_topic_count(self, topics: Iterable[str]) -> None:
        total = len(self.topics.keys() | set(topics))
        if total > MAX_TOPICS_PER_CHANNEL:
            raise TopicLimitError(
                f"{total} topics requested; a Platform notification channel carries at most "
                f"{MAX_TOPICS_PER_CHANNEL}. Spread them over several NotificationChannel "
                f"objects (each is one channel, and counts against the "
                f"{MAX_CHANNELS_PER_USER_AND_APP}-channel limit per user and app)"
            )

    def add_topics(self, topics: list[str]) -> None:
        self.check_topic_count(topics)
        for topic in topics:
            self.topics[topic] = None

    def remove_topics(self, topics: list[str]) -> None:
        for topic in topics:
            self.topics.pop(topic, None)

    # events ---------------------------------------------------------------------------
    def event_from_frame(self, frame: Frame) -> NotificationEvent:
        if frame.error is not None:
            return NotificationEvent("", None, {}, frame.raw, None, frame.error)
        data, error = self.topic_models.decode(frame.topic, frame.body)
        return NotificationEvent(
            frame.topic, data, frame.metadata, frame.raw, frame.version, error
        )

    def admit(self, frame: Frame) -> NotificationEvent | None:
        """The event to buffer for ``frame``, or None for an overlap duplicate."""
        if self.dedup.active and self.dedup.seen(frame):
            self.duplicates += 1
            return None
        return self.event_from_frame(frame)

    def push(self, event: NotificationEvent) -> bool:
        """Buffer ``event`` (caller holds the buffer's lock). Returns whether this push
        started dropping (so the caller reports it once per episode)."""
        buffer = self.buffer
        if len(buffer) < self.options.max_buffered:
            buffer.append(event)
            self.dropping = False
            return False
        first = not self.dropping  # one report per run of drops
        self.dropping = True
        self.dropped += 1
        if self.options.overflow == "drop_oldest":
            buffer.popleft()
            buffer.append(event)
        else:
            self.pending_overflow += 1
        return first

    def callbacks_for(self, topic: str) -> tuple[Callable[..., Any], ...]:
        found = self._callback_cache.get(topic)
        if found is None:
            found = tuple(
                c for group in self.callbacks.all_matches(topic) for c in group
            )
            if len(self._callback_cache) > 4096:
                self._callback_cache.clear()
            self._callback_cache[topic] = found
        return found

    def add_callback(self, pattern: str, callback: Callable[..., Any]) -> None:
        self.callbacks.add(pattern, [callback])
        self._callback_cache.clear()

    # state ----------------------------------------------------------------------------
    def emit(self, event: ChannelEvent) -> None:
        log = stream_logger()
        if event.kind == "state":
            log.info(
                "notification channel %s: %s%s",
                event.channel_id or "-",
                event.state,
                f" ({event.reason})" if event.reason else "",
            )
        for listener in list(self.listeners):
            try:
                listener(event)
            except Exception:  # a listener never breaks the stream
                log.exception("a notification channel listener raised")
        publish_to_client(self.client, event)

    def set_state(self, state: str, reason: str = "", **detail: Any) -> None:
        if state == self.state and not reason:
            return
        self.state = state
        self.emit(ChannelEvent("state", state, reason, self.channel_id, detail))

    def channel_info(self, created: Mapping[str, Any], token: str) -> ChannelInfo:
        """Record a channel the server created, and say how it counts against the limit."""
        now = time.monotonic()
        lifetime = (
            self.options.channel_lifetime or _lifetime_of(created) or CHANNEL_LIFETIME
        )
        margin = min(self.options.renew_before, lifetime / 10)
        info = ChannelInfo(
            str(created.get("id") or ""),
            str(created.get("connectUri") or ""),
            token,
            now + lifetime - margin,
        )
        count = count_created_channel(self.client)
        reason = (
            f"{count} of {MAX_CHANNELS_PER_USER_AND_APP} channels this client created in "
            "the last 24 h"
        )
        if count > MAX_CHANNELS_PER_USER_AND_APP:
            reason += (
                "; over the limit: the Platform evicts the oldest channel of this user and "
                "app, which may belong to another program"
            )
            stream_logger().warning("notification channel %s: %s", info.id, reason)
        self.emit(
            ChannelEvent(
                "channel_created",
                self.state,
                reason,
                info.id,
                {"channels_in_24h": count, "limit": MAX_CHANNELS_PER_USER_AND_APP},
            )
        )
        return info

    def renewal_due(self, info: ChannelInfo) -> str | None:
        """Why the channel must be replaced now (its lifetime, or its token), or None."""
        if time.monotonic() >= info.renew_at:
            return "channel expiry"
        token, due = token_status(self.client)
        if token and token != info.token:
            return "token renewed"
        if due:
            return "token expiring"
        return None


def token_status(client: Any) -> tuple[str, bool]:
    """The client's current token, and whether it is due for renewal (the next request
    renews it): one place that reads the client's token state."""
    state = client.tokens.state
    expires_at = state.expires_at
    due = (
        expires_at is not None
        and time.monotonic() >= expires_at - state.refresh_buffer
        and state.can_renew()
    )
    return state.access_token, due


def token_used(before: str, after: str) -> str:
    """The token a channel was created with, from the client's token before and after the
    request: when they differ a renewal raced the call, and the older one is assumed (the
    channel is then replaced soon, which is safe; assuming the newer could leave a channel
    that stops delivering unnoticed)."""
    return after if before == after or not before else before


BUS_KINDS = {
    "state": "notification_channel_state",
    "channel_created": "notification_channel_created",
    "events_dropped": "notification_events_dropped",
    "subscriptions": "notification_subscriptions",
}


def publish_to_client(client: Any, event: ChannelEvent) -> None:
    """Hand ``event`` to the client's event bus (``client.events``, see ``_events.py``) as an
    ``ClientEvent`` of kind ``notification_<kind>`` whose ``data`` holds the channel's state,
    reason, channel id and details. Free when nobody subscribed."""
    from ._events import publish

    data = {"state": event.state, "reason": event.reason, "channel_id": event.channel_id, **event.detail}
    publish(client, BUS_KINDS.get(event.kind, "notification_" + event.kind), data)


def normalize_topics(topics: str | Iterable[str]) -> list[str]:
    if isinstance(topics, str):
        topics = [topics]
    result = []
    for topic in topics:
        if not isinstance(topic, str) or not topic.strip():
            raise ValueError(f"a topic is a non-empty string, not {topic!r}")
        result.append(topic.strip())
    return list(dict.fromkeys(result))


def subscribe_message(
    action: str, topics: list[str], correlation_id: str
) -> dict[str, Any]:
    return {"message": action, "topics": topics, "correlationId": correlation_id}


def topics_body(topics: Iterable[str]) -> list[dict[str, str]]:
    return [{"id": topic} for topic in topics]


def _lifetime_of(created: Mapping[str, Any]) -> float | None:
    expires = created.get("expires")
    if not isinstance(expires, str):
        return None
    try:
        moment = datetime.fromisoformat(expires.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    remaining = (moment - datetime.now(timezone.utc)).total_seconds()
    return remaining if remaining > 0 else None
