"""A client's states and events: what observers (metrics, tracing, dashboards) subscribe to.

Every client has an :class:`EventBus` (``client.events``) and a :class:`ClientState`
(``client.state``). ``client.events.subscribe(callback, kinds=...)`` calls ``callback(event)``
for each :class:`ClientEvent` of the kinds asked for (all kinds when ``kinds`` is None). A callback
may be a plain function or a coroutine function: a coroutine is scheduled on the event loop
that subscribed (or the running one). A callback that raises is logged on the SDK's logger and
never changes the outcome of a call.

``ClientEvent.kind`` is an open string: the kinds below are the client's own, and other runtime
modules (token store, notification channels) emit kinds of their own through
:meth:`EventBus.emit`. Events carry no headers, bodies or tokens.

The request and response hooks of earlier versions (``request_hooks``, ``response_hooks``,
receiving :class:`RequestEvent` / :class:`ResponseEvent`) keep working.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

from ._lazy import lazy_import

if TYPE_CHECKING:
    import asyncio
    import logging
else:  # needed only when a subscriber is async, or raises
    asyncio = lazy_import("asyncio", globals())
    logging = lazy_import("logging", globals())


class ClientState(str, Enum):
    """Where a client is; ``client.state``. A ``str`` enum: ``state == "connected"`` works.

    idle: built, nothing sent yet; connecting: the first request (or the first token) is under
    way; connected: the last exchange got an answer; rate_limited: a 429 suspended every call of
    the client; reconnecting: the last attempt failed without an answer (refused, dropped,
    timed out) and the call is retrying; closed: ``close()`` was called, calls raise
    ``ClientClosedError``.
    """

    IDLE = "idle"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RATE_LIMITED = "rate_limited"
    RECONNECTING = "reconnecting"
    CLOSED = "closed"


class EventKind:
    """The kinds of event a client emits (plain strings; other modules add their own)."""

    STATE_CHANGED = "state_changed"  # state, previous_state
    CALL_QUEUED = "call_queued"  # wait: seconds the call waits for its rate-limit slot
    CALL_STARTED = "call_started"  # attempt (1 = first try)
    CALL_RETRIED = "call_retried"  # attempt that failed, wait before the next, status/error
    CALL_FINISHED = "call_finished"  # status or error, attempt (the last), elapsed
    TOKEN_OBTAINED = "token_obtained"  # a first token (a grant)
    TOKEN_RENEWED = "token_renewed"  # a token replaced a previous one
    TOKEN_FAILED = "token_failed"  # error
    RATE_LIMIT_HIT = "rate_limit_hit"  # wait: how long every call of the client is suspended
    RATE_LIMIT_LIFTED = "rate_limit_lifted"  # the suspension ended


@dataclass(frozen=True, slots=True)
class ClientEvent:
    """One thing that happened to a client.

    kind: an :class:`EventKind` value (or a kind another module defines); time: ``time.time()``
    when it happened; operation_id / method / url: the call, for call events; attempt: the
    attempt the event is about (1 = first try); wait: seconds waited or to wait; status: the
    HTTP status; error: a description of the failure; elapsed: seconds since the call started;
    state / previous_state: for ``state_changed``; data: anything else a module adds.
    """

    kind: str
    time: float = field(default_factory=time.time)
    operation_id: str | None = None
    method: str | None = None
    url: str | None = None
    attempt: int | None = None
    wait: float | None = None
    status: int | None = None
    error: str | None = None
    elapsed: float | None = None
    state: ClientState | None = None
    previous_state: ClientState | None = None
    data: dict[str, Any] = field(default_factory=dict)


EventCallback = Callable[[ClientEvent], Any]


class EventSubscription:
    """What :meth:`EventBus.subscribe` returns: ``unsubscribe()`` it, or use it as a context
    manager (``with client.events.subscribe(cb): ...``)."""

    __slots__ = ("_bus", "callback", "kinds", "loop")

    def __init__(
        self,
        bus: EventBus,
        callback: EventCallback,
        kinds: frozenset[str] | None,
        loop: asyncio.AbstractEventLoop | None,
    ) -> None:
        self._bus = bus
        self.callback: EventCallback = callback
        self.kinds: frozenset[str] | None = kinds
        self.loop: asyncio.AbstractEventLoop | None = loop

    def unsubscribe(self) -> None:
        self._bus._remove(self)

    def __enter__(self) -> EventSubscription:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.unsubscribe()


class EventBus:
    """Subscribers of one client's events. Thread-safe; emitting costs nothing without any."""

    def __init__(self, logger_name: str = "sdk") -> None:
        self._logger_name = logger_name
        self._lock = threading.Lock()
        self._subscriptions: tuple[EventSubscription, ...] = ()
        self._pending: set[Any] = set()  # async callbacks' tasks, kept alive until done
        self.active: bool = False  # any subscriber: the client builds events only then

    def subscribe(
        self, callback: EventCallback, kinds: Iterable[str] | str | None = None
    ) -> EventSubscription:
        """Call ``callback(event)`` for every event of ``kinds`` (one kind, several, or all).

        An ``async def`` callback is scheduled on the event loop running when it subscribed
        (or, failing that, the loop running when the event is emitted)."""
        wanted = None if kinds is None else frozenset([kinds] if isinstance(kinds, str) else kinds)
        subscription = EventSubscription(self, callback, wanted, _running_loop())
        with self._lock:
            self._subscriptions = (*self._subscriptions, subscription)
            self.active = True
        return subscription

    def _remove(self, subscription: EventSubscription) -> None:
        with self._lock:
            self._subscriptions = tuple(s for s in self._subscriptions if s is not subscription)
            self.active = bool(self._subscriptions)

    def emit(self, event: ClientEvent) -> None:
        """Deliver ``event`` to its subscribers; a subscriber's error is logged, never raised."""
        for subscription in self._subscriptions:
            if subscription.kinds is not None and event.kind not in subscription.kinds:
                continue
            try:
                result = subscription.callback(event)
                if result is not None and hasattr(result, "__await__"):
                    self._schedule(result, subscription.loop)
            except Exception:  # noqa: BLE001 - an observer must not break the call it observes
                self._log_failure(subscription, event)

    def _schedule(self, awaitable: Any, loop: asyncio.AbstractEventLoop | None) -> None:
        running = _running_loop()
        target = loop if loop is not None and not loop.is_closed() else running
        if target is None:
            awaitable.close()
            raise RuntimeError("an async event callback needs a running event loop")
        if target is running:
            task = target.create_task(awaitable)
            self._pending.add(task)
            task.add_done_callback(self._finished)
        else:
            future = asyncio.run_coroutine_threadsafe(awaitable, target)
            future.add_done_callback(self._finished)

    def _finished(self, task: Any) -> None:
        self._pending.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logging.getLogger(self._logger_name).error(
                "event callback failed", exc_info=task.exception()
            )

    def _log_failure(self, subscription: EventSubscription, event: ClientEvent) -> None:
        logging.getLogger(self._logger_name).exception(
            "event callback %r failed on %s", subscription.callback, event.kind
        )


def _running_loop() -> asyncio.AbstractEventLoop | None:
    if "asyncio" not in sys.modules:  # no loop can be running: keep asyncio unimported
        return None
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def call_hooks(hooks: list[Callable[[Any], None]], event: Any, logger_name: str) -> None:
    """Run request/response hooks; one that raises is logged and the call goes on."""
    for hook in hooks:
        try:
            hook(event)
        except Exception:  # noqa: BLE001 - a hook must not change the outcome of a call
            logging.getLogger(logger_name).exception(
                "hook %r failed on %s", hook, type(event).__name__
            )


@dataclass(frozen=True, slots=True)
class RequestEvent:
    """What request hooks receive (one per attempt)."""

    operation_id: str  # "oauthToken" for token requests
    method: str
    url: str
    attempt: int  # 1 for the first try


@dataclass(frozen=True, slots=True)
class ResponseEvent:
    """What response hooks receive (one per attempt)."""

    operation_id: str
    method: str
    url: str
    attempt: int
    status: int | None  # None: no response (see error)
    elapsed: float  # seconds
    correlation_id: str | None = None
    error: str | None = None
    will_retry: bool = False


def publish(client: Any, kind: str, data: dict[str, Any] | None = None, *, error: str | None = None) -> None:
    """Emit a ``ClientEvent(kind, data=data, error=error)`` on ``client.events`` (for the
    runtime's own modules: streams, sessions, jobs, the token lifecycle). Free when the client
    has no bus or nobody subscribed."""
    bus = getattr(client, "events", None)
    if bus is not None and getattr(bus, "active", False):
        bus.emit(ClientEvent(kind, data={} if data is None else data, error=error))
