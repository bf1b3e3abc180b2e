"""What both notification channels are made of: one Platform channel and its socket (a
link), the settings check, and the properties and registration methods both expose."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from ._channel_core import ChannelCore, ChannelEvent, ChannelInfo, ChannelOptions
from ._stream import SocketClosed, StreamConnectError
from ._topics import TopicModels
from .rest import ApiException

# failures a reconnect or renewal retries (with backoff) rather than reports
RECOVERABLE = (ApiException, StreamConnectError, SocketClosed, OSError)


class Link:
    """One Platform channel and the socket reading it."""

    __slots__ = ("draining", "drain_deadline", "finished", "info", "reader", "socket")

    def __init__(self, info: ChannelInfo, socket: Any) -> None:
        self.info = info
        self.socket = socket
        self.reader: Any = None
        self.draining = False
        self.drain_deadline = 0.0
        self.finished = False

    @property
    def alive(self) -> bool:
        return self.socket.closed_reason is None and not self.finished


def checked_options(**settings: Any) -> ChannelOptions:
    options = ChannelOptions(**settings)
    options.check()
    return options


class ChannelBase:
    """What both channels expose (properties, listeners, callbacks)."""

    _core: ChannelCore

    @property
    def state(self) -> str:
        """idle, connecting, connected, renewing, reconnecting or closed."""
        return self._core.state

    @property
    def topics(self) -> tuple[str, ...]:
        return tuple(self._core.topics)

    @property
    def channel_id(self) -> str | None:
        """The Platform channel currently delivering (it changes on renewal)."""
        return self._core.channel_id

    @property
    def dropped(self) -> int:
        """Events dropped because the buffer was full."""
        return self._core.dropped

    @property
    def duplicates(self) -> int:
        """Copies dropped while an old and a new socket overlapped."""
        return self._core.duplicates

    @property
    def topic_models(self) -> TopicModels:
        return self._core.topic_models

    def on_event(
        self, listener: Callable[[ChannelEvent], Any]
    ) -> Callable[[ChannelEvent], Any]:
        """Call ``listener(ChannelEvent)`` on every state change, channel creation, dropped
        events and subscription change (from the channel's own threads or tasks)."""
        self._core.listeners.append(listener)
        return listener

    def on(self, pattern: str, callback: Callable[..., Any] | None = None) -> Any:
        """Call ``callback(event)`` for events whose topic matches ``pattern`` (``{id}`` or
        ``*`` match one segment). Usable as a decorator: ``@channel.on("v2.users.*.presence")``.
        """
        if callback is None:
            return lambda function: self.on(pattern, function)
        self._core.add_callback(pattern, callback)
        return callback

    def _subscriptions_changed(self, change: str) -> None:
        core = self._core
        core.emit(
            ChannelEvent(
                "subscriptions",
                core.state,
                change,
                core.channel_id,
                {"topics": len(core.topics)},
            )
        )

    def _report_drops(self) -> None:
        core = self._core
        core.emit(
            ChannelEvent(
                "events_dropped",
                core.state,
                f"buffer full ({core.options.max_buffered} events): {core.options.overflow}",
                core.channel_id,
                {"dropped": core.dropped},
            )
        )


def new_id() -> str:
    return str(uuid.uuid4())
