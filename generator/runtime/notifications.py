"""Platform notifications over WebSocket: ``NotificationChannel`` (sync) and
``AsyncNotificationChannel``.

::

    with NotificationChannel(client, ["v2.users.{id}.presence".replace(...)]) as channel:
        for event in channel:            # NotificationEvent: topic, data, metadata, raw
            print(event.topic, event.data)

A channel keeps itself alive: it tracks the server's heartbeats and pings when the socket is
quiet (a silent socket is dead, whatever TCP says); after a drop it reconnects with backoff
and jitter and resubscribes; on a ``v2.system.socket_closing`` notice, before the channel's
24 h expiry, and when the client's token is renewed (a channel stops delivering when the
token it was created with expires) it opens a new channel and socket *before* letting the old
one go, and drops the copies the two deliver during the overlap, so each event arrives once.

Threads (sync): one reader per open socket (at most two, during a renewal) and one
supervisor that makes the decisions of ``_channel_core.ChannelCore``. Events wait in a
bounded buffer (``max_buffered``); when it is full the oldest is dropped (``overflow=
"drop_oldest"``, counted in ``dropped`` and reported once per episode) or the next read raises
``BufferOverflowError`` (``overflow="error"``). Callbacks registered with ``on()`` run in the
thread that reads the events (iteration, ``get()`` or ``run()``), never in a reader thread.
"""

from __future__ import annotations

import queue
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from ._channel_core import (
    ADD_SUBSCRIPTIONS,
    CLEAR_SUBSCRIPTIONS,
    CREATE_CHANNEL,
    HEAD_CHANNEL,
    MAX_CHANNELS_PER_USER_AND_APP,
    MAX_TOPICS_PER_CHANNEL,
    REPLACE_SUBSCRIPTIONS,
    BufferOverflowError,
    ChannelCore,
    ChannelEvent,
    ChannelInfo,
    ChannelOptions,
    NotificationEvent,
    TopicLimitError,
    normalize_topics,
    subscribe_message,
    token_status,
    token_used,
    topics_body,
)
from ._lazy import lazy_import
from ._stream import (
    SOCKET_CLOSING_TOPIC,
    Backoff,
    SocketClosed,
    StreamConnectError,
    mask_uri,
    open_socket,
    open_socket_async,
    stream_logger,
    stream_settings,
)
from ._topics import TopicModels, topic_matches
from .rest import ApiException, NotFoundError

if TYPE_CHECKING:
    import asyncio

    from ._stream import AsyncSocket, SyncSocket
    from .api_client import ApiClient, AsyncApiClient
else:
    asyncio = lazy_import("asyncio", globals())

__all__ = [
    "MAX_CHANNELS_PER_USER_AND_APP",
    "MAX_TOPICS_PER_CHANNEL",
    "AsyncNotificationChannel",
    "BufferOverflowError",
    "ChannelEvent",
    "NotificationChannel",
    "NotificationEvent",
    "SocketClosed",
    "StreamConnectError",
    "TopicLimitError",
    "TopicModels",
    "topic_matches",
]

_RECOVERABLE = (ApiException, StreamConnectError, SocketClosed, OSError)


class _Link:
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


def _options(**settings: Any) -> ChannelOptions:
    options = ChannelOptions(**settings)
    options.check()
    return options


class _ChannelBase:
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


class NotificationChannel(_ChannelBase):
    """A self-renewing Platform notification channel (sync, thread-based)."""

    def __init__(
        self,
        client: ApiClient | None = None,
        topics: str | Iterable[str] = (),
        *,
        topic_models: TopicModels | Mapping[str, str] | None = None,
        subscribe_over: str = "rest",
        max_buffered: int = 10_000,
        overflow: str = "drop_oldest",
        heartbeat_interval: float = 30.0,
        pong_timeout: float = 10.0,
        channel_lifetime: float | None = None,
        renew_before: float = 600.0,
        reconnect_backoff: tuple[float, float] = (0.5, 30.0),
        drain_timeout: float = 65.0,
    ) -> None:
        """``client``: the ``ApiClient`` whose token and settings the channel uses (default:
        the default client). ``topics``: subscribed when the channel opens.
        ``topic_models``: topic pattern -> model name (default: the SDK's generated map).
        ``subscribe_over``: ``"rest"`` (the subscriptions API, errors raised) or
        ``"socket"`` (subscribe messages on the socket). ``heartbeat_interval`` and
        ``pong_timeout``: the liveness rule (see ``_stream``). ``channel_lifetime``: override
        the server's ``expires``; the channel is renewed ``renew_before`` seconds (at most a
        tenth of its life) before it ends. ``drain_timeout``: the longest an old socket is
        kept open after its replacement delivers."""
        from .api_client import AsyncApiClient, get_default_api_client

        if client is None:
            client = get_default_api_client()
        if isinstance(client, AsyncApiClient):
            raise TypeError(
                "NotificationChannel needs an ApiClient; use AsyncNotificationChannel with "
                "an AsyncApiClient"
            )
        self.client = client
        self._core = ChannelCore(
            client,
            normalize_topics(topics),
            topic_models,
            _options(
                subscribe_over=subscribe_over,
                max_buffered=max_buffered,
                overflow=overflow,
                heartbeat_interval=heartbeat_interval,
                pong_timeout=pong_timeout,
                channel_lifetime=channel_lifetime,
                renew_before=renew_before,
                reconnect_backoff=reconnect_backoff,
                drain_timeout=drain_timeout,
            ),
        )
        self._ready = threading.Condition()
        self._waiting = 0  # consumers inside _take's wait (guarded by _ready)
        self._dedup_lock = threading.Lock()
        self._subscriptions_lock = threading.RLock()
        self._commands: queue.SimpleQueue[tuple[Any, ...]] = queue.SimpleQueue()
        self._stop = threading.Event()
        self._primary: _Link | None = None
        self._links: list[_Link] = []
        self._supervisor: threading.Thread | None = None
        self._opened = False
        self._closed = False
        self._backoff = Backoff(*reconnect_backoff)
        self._retry_renewal_at = 0.0

    # lifecycle ----------------------------------------------------------------------------
    def open(self) -> NotificationChannel:
        """Create the Platform channel, connect and subscribe (once; raises on failure)."""
        if self._opened:
            return self
        self._opened = True
        core = self._core
        core.set_state("connecting")
        try:
            link = self._establish(self._create_channel())
        except BaseException:
            self._closed = True
            core.set_state("closed", "could not open")
            raise
        self._primary = link
        core.set_state("connected")
        self._supervisor = threading.Thread(
            target=self._supervise, name="notification-channel", daemon=True
        )
        self._supervisor.start()
        return self

    def close(self) -> None:
        """Stop reading, unsubscribe the Platform channel and close the sockets."""
        if self._closed:
            return
        self._closed = True
        self._stop.set()
        self._commands.put(("stop",))
        supervisor = self._supervisor
        if supervisor is not None and supervisor is not threading.current_thread():
            supervisor.join(5)
        primary = self._primary
        if primary is not None and primary.alive:
            self._quietly(CLEAR_SUBSCRIPTIONS, {"channelId": primary.info.id})
        for link in list(self._links):
            link.finished = True
            link.socket.close()
        with self._ready:
            self._ready.notify_all()
        self._core.set_state("closed")

    def __enter__(self) -> NotificationChannel:
        return self.open()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # subscriptions ------------------------------------------------------------------------
    def subscribe(self, topics: str | Iterable[str]) -> None:
        """Add topics (at any time; before ``open()`` they are subscribed when it opens).
        Raises ``TopicLimitError`` beyond 1,000 topics, ``ApiException`` when the API refuses.
        """
        core = self._core
        with self._subscriptions_lock:
            new = [t for t in normalize_topics(topics) if t not in core.topics]
            if not new:
                return
            core.check_topic_count(new)
            link = self._primary
            if link is not None and link.alive and not self._closed:
                if core.options.subscribe_over == "socket":
                    self._send_quietly(link, subscribe_message("subscribe", new, _id()))
                else:
                    self._call(
                        ADD_SUBSCRIPTIONS,
                        {"channelId": link.info.id, "body": topics_body(new)},
                    )
            core.add_topics(new)
        self._subscriptions_changed(f"+{len(new)}")

    def unsubscribe(self, topics: str | Iterable[str]) -> None:
        """Remove topics (unknown ones are ignored)."""
        core = self._core
        with self._subscriptions_lock:
            gone = [t for t in normalize_topics(topics) if t in core.topics]
            if not gone:
                return
            remaining = [t for t in core.topics if t not in set(gone)]
            link = self._primary
            if link is not None and link.alive and not self._closed:
                if core.options.subscribe_over == "socket":
                    self._send_quietly(
                        link, subscribe_message("unsubscribe", gone, _id())
                    )
                else:
                    self._put_topics(link.info, remaining)
            core.remove_topics(gone)
        self._subscriptions_changed(f"-{len(gone)}")

    # reading ------------------------------------------------------------------------------
    def __iter__(self) -> Iterator[NotificationEvent]:
        self.open()
        return self

    def __next__(self) -> NotificationEvent:
        event = self._take(None)
        if event is None:
            raise StopIteration
        self._dispatch(event)
        return event

    def get(self, timeout: float | None = None) -> NotificationEvent | None:
        """The next event (callbacks run first), or None after ``timeout`` seconds or once
        the channel is closed and drained."""
        self.open()
        event = self._take(timeout)
        if event is not None:
            self._dispatch(event)
        return event

    def run(self, duration: float | None = None) -> None:
        """Deliver events to the ``on()`` callbacks until closed (or for ``duration`` s)."""
        self.open()
        deadline = None if duration is None else time.monotonic() + duration
        while True:
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                return
            if self.get(remaining) is None and self._closed:
                return

    def _take(self, timeout: float | None) -> NotificationEvent | None:
        core = self._core
        buffer = core.buffer
        if buffer and not core.pending_overflow:
            try:  # the common case, without the lock: deque operations are atomic
                return buffer.popleft()
            except IndexError:
                pass
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._ready:
            while True:
                if core.pending_overflow:
                    dropped, core.pending_overflow = core.pending_overflow, 0
                    raise BufferOverflowError(dropped)
                # announce the wait before looking at the buffer: a reader that appends
                # after our look sees the announcement and notifies (no lost wake-up)
                self._waiting += 1
                try:
                    if buffer:
                        return buffer.popleft()
                    if self._closed:
                        return None
                    remaining = (
                        None if deadline is None else deadline - time.monotonic()
                    )
                    if remaining is not None and remaining <= 0:
                        return None
                    self._ready.wait(remaining)
                finally:
                    self._waiting -= 1

    def _dispatch(self, event: NotificationEvent) -> None:
        for callback in self._core.callbacks_for(event.topic):
            try:
                callback(event)
            except Exception:  # a callback never ends the stream; it is logged
                stream_logger().exception("callback for %s raised", event.topic)

    def _read(self, link: _Link) -> None:
        """Reader thread of one socket: frames in, events into the buffer."""
        core = self._core
        receive = link.socket.receive
        dedup = core.dedup
        ready = self._ready
        buffer = core.buffer
        room = core.options.max_buffered - 1
        try:
            while True:
                frame = receive()
                if frame.topic == SOCKET_CLOSING_TOPIC:
                    self._commands.put(("closing", link))
                    continue
                if dedup.active:
                    with self._dedup_lock:
                        if dedup.seen(frame):
                            core.duplicates += 1
                            continue
                event = core.event_from_frame(frame)
                if len(buffer) < room:  # plenty of room: append without the lock
                    buffer.append(event)
                    core.dropping = False
                else:
                    with ready:
                        if core.push(event):
                            self._report_drops()
                if self._waiting:
                    with ready:
                        ready.notify()
        except SocketClosed as error:
            self._commands.put(("dead", link, error.reason))
        except Exception as error:  # noqa: BLE001 (a reader never dies silently)
            stream_logger().exception("notification reader failed")
            self._commands.put(("dead", link, f"reader failed: {error}"))

    # supervisor ---------------------------------------------------------------------------
    def _supervise(self) -> None:
        tick = self._core.options.tick
        while not self._closed:
            try:
                command = self._commands.get(timeout=tick)
            except queue.Empty:
                command = None
            if self._closed:
                return
            try:
                if command is not None:
                    self._handle(command)
                self._check_timers()
            except Exception:  # noqa: BLE001 (the supervisor outlives any one failure)
                stream_logger().exception("notification channel supervisor")

    def _handle(self, command: tuple[Any, ...]) -> None:
        kind, link = command[0], command[1] if len(command) > 1 else None
        if kind == "dead":
            if link.draining:
                self._finish_drain(link)
            elif link is self._primary:
                self._reconnect(command[2])
        elif kind == "closing" and link is self._primary:
            self._renew("the server announced a maintenance close (socket_closing)")

    def _check_timers(self) -> None:
        now = time.monotonic()
        for link in list(self._links):
            if link.draining and (
                link.socket.pings_answered or now >= link.drain_deadline
            ):
                self._finish_drain(link)
        primary = self._primary
        if primary is not None and primary.alive and now >= self._retry_renewal_at:
            reason = self._core.renewal_due(primary.info)
            if reason is not None:
                self._renew(reason)

    def _renew(self, reason: str) -> None:
        """Replace the primary channel, overlapping old and new sockets."""
        core = self._core
        old = self._primary
        core.set_state("renewing", reason)
        try:
            with self._subscriptions_lock:
                info = self._create_channel()
                core.dedup.begin_overlap()
                try:
                    link = self._establish(info, barrier=True)
                except BaseException:
                    core.dedup.end_overlap()
                    raise
        except _RECOVERABLE as error:
            delay = self._backoff.next_delay()
            self._retry_renewal_at = time.monotonic() + delay
            core.set_state(
                "connected" if old is not None and old.alive else "reconnecting",
                f"renewal failed, next try in {delay:.1f} s: {error}",
            )
            if old is not None and not old.alive:
                self._commands.put(("dead", old, "closed during a failed renewal"))
            return
        self._backoff.reset()
        self._primary = link
        if old is not None:
            self._start_drain(old)
        core.set_state("connected", f"renewed: {reason}")

    def _start_drain(self, link: _Link) -> None:
        """Stop the old channel delivering, then read its socket until a ping is answered
        (everything the server queued before has arrived) or the drain timeout."""
        link.draining = True
        link.drain_deadline = time.monotonic() + self._core.options.drain_timeout
        if not link.alive:
            self._finish_drain(link)
            return
        self._quietly(CLEAR_SUBSCRIPTIONS, {"channelId": link.info.id})
        try:
            link.socket.ping()
        except SocketClosed:
            self._finish_drain(link)

    def _finish_drain(self, link: _Link) -> None:
        if link.finished:
            return
        link.finished = True
        link.socket.close()
        if link in self._links:
            self._links.remove(link)
        self._core.dedup.end_overlap()

    def _reconnect(self, reason: str) -> None:
        """The primary socket died: reconnect (same channel if it lives, else a new one)."""
        core = self._core
        dead = self._primary
        assert dead is not None
        if dead in self._links:
            self._links.remove(dead)
        dead.finished = True
        core.set_state("reconnecting", reason)
        info = dead.info
        while not self._closed:
            try:
                with self._subscriptions_lock:
                    if core.renewal_due(info) or not self._channel_alive(info):
                        info = self._create_channel()
                    link = self._establish(info)
                    self._primary = link
                self._backoff.reset()
                core.set_state("connected", "reconnected")
                return
            except _RECOVERABLE as error:
                delay = self._backoff.next_delay()
                core.set_state(
                    "reconnecting",
                    f"attempt {self._backoff.attempt} failed, next in {delay:.1f} s: {error}",
                    attempt=self._backoff.attempt,
                    delay=delay,
                )
                if self._stop.wait(delay):
                    return

    # REST and sockets ---------------------------------------------------------------------
    def _call(self, op: Any, args: dict[str, Any]) -> Any:
        return self.client.call_api(op, args)

    def _quietly(self, op: Any, args: dict[str, Any]) -> None:
        try:
            self._call(op, args)
        except (
            Exception
        ) as error:  # noqa: BLE001 (best effort: the channel is being let go)
            stream_logger().debug("%s failed: %s", op.operation_id, error)

    def _send_quietly(self, link: _Link, message: dict[str, Any]) -> None:
        try:
            link.socket.send_json(message)
        except SocketClosed:  # the reconnect resubscribes every topic
            pass

    def _create_channel(self) -> ChannelInfo:
        before = token_status(self.client)[0]
        created = self._call(CREATE_CHANNEL, {})
        info = self._core.channel_info(
            created or {}, token_used(before, token_status(self.client)[0])
        )
        stream_logger().debug("channel %s at %s", info.id, mask_uri(info.connect_uri))
        return info

    def _channel_alive(self, info: ChannelInfo) -> bool:
        try:
            self._call(HEAD_CHANNEL, {"channelId": info.id})
        except NotFoundError:
            return False
        return True

    def _put_topics(self, info: ChannelInfo, topics: list[str]) -> None:
        if topics:
            self._call(
                REPLACE_SUBSCRIPTIONS,
                {"channelId": info.id, "body": topics_body(topics)},
            )
        else:
            self._call(CLEAR_SUBSCRIPTIONS, {"channelId": info.id})

    def _establish(self, info: ChannelInfo, barrier: bool = False) -> _Link:
        """Connect to ``info``, start its reader, subscribe every topic. With ``barrier``,
        return only once the server has applied the subscriptions."""
        core = self._core
        options = core.options
        socket: SyncSocket = open_socket(
            stream_settings(
                self.client,
                info.connect_uri,
                heartbeat_interval=options.heartbeat_interval,
                pong_timeout=options.pong_timeout,
            )
        )
        link = _Link(info, socket)
        link.reader = threading.Thread(
            target=self._read, args=(link,), name="notification-reader", daemon=True
        )
        link.reader.start()
        try:
            topics = list(core.topics)
            if options.subscribe_over == "socket":
                if topics:
                    socket.send_json(subscribe_message("subscribe", topics, _id()))
                    if barrier:
                        self._await_pong(link)
            else:
                self._put_topics(info, topics)
        except BaseException:
            link.finished = True
            socket.close()
            raise
        self._links.append(link)
        core.channel_id = info.id
        return link

    def _await_pong(self, link: _Link) -> None:
        link.socket.ping()
        deadline = time.monotonic() + self._core.options.pong_timeout
        while not link.socket.pings_answered:
            if time.monotonic() >= deadline or not link.alive:
                raise SocketClosed("no pong after subscribing on the new socket")
            time.sleep(0.005)


class AsyncNotificationChannel(_ChannelBase):
    """The asyncio twin of ``NotificationChannel``: same arguments, ``await`` the methods,
    ``async for event in channel``, ``async with``; callbacks may be coroutine functions.
    """

    def __init__(
        self,
        client: AsyncApiClient | ApiClient | None = None,
        topics: str | Iterable[str] = (),
        *,
        topic_models: TopicModels | Mapping[str, str] | None = None,
        subscribe_over: str = "rest",
        max_buffered: int = 10_000,
        overflow: str = "drop_oldest",
        heartbeat_interval: float = 30.0,
        pong_timeout: float = 10.0,
        channel_lifetime: float | None = None,
        renew_before: float = 600.0,
        reconnect_backoff: tuple[float, float] = (0.5, 30.0),
        drain_timeout: float = 65.0,
    ) -> None:
        from .api_client import get_default_async_api_client

        if client is None:
            client = get_default_async_api_client()
        self.client = client
        self._core = ChannelCore(
            client,
            normalize_topics(topics),
            topic_models,
            _options(
                subscribe_over=subscribe_over,
                max_buffered=max_buffered,
                overflow=overflow,
                heartbeat_interval=heartbeat_interval,
                pong_timeout=pong_timeout,
                channel_lifetime=channel_lifetime,
                renew_before=renew_before,
                reconnect_backoff=reconnect_backoff,
                drain_timeout=drain_timeout,
            ),
        )
        self._ready: asyncio.Event | None = None
        self._commands: asyncio.Queue[tuple[Any, ...]] | None = None
        self._subscriptions_lock: asyncio.Lock | None = None
        self._primary: _Link | None = None
        self._links: list[_Link] = []
        self._supervisor: asyncio.Task[None] | None = None
        self._opened = False
        self._closed = False
        self._backoff = Backoff(*reconnect_backoff)
        self._retry_renewal_at = 0.0

    # lifecycle ----------------------------------------------------------------------------
    async def open(self) -> AsyncNotificationChannel:
        if self._opened:
            return self
        self._opened = True
        self._ready = asyncio.Event()
        self._commands = asyncio.Queue()
        self._subscriptions_lock = asyncio.Lock()
        core = self._core
        core.set_state("connecting")
        try:
            link = await self._establish(await self._create_channel())
        except BaseException:
            self._closed = True
            core.set_state("closed", "could not open")
            raise
        self._primary = link
        core.set_state("connected")
        self._supervisor = asyncio.ensure_future(self._supervise())
        return self

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        supervisor = self._supervisor
        if supervisor is not None:
            supervisor.cancel()
            try:
                await supervisor
            except (
                BaseException
            ):  # noqa: BLE001 (cancelled, or already failed and logged)
                pass
        primary = self._primary
        if primary is not None and primary.alive:
            await self._quietly(CLEAR_SUBSCRIPTIONS, {"channelId": primary.info.id})
        for link in list(self._links):
            link.finished = True
            await link.socket.close()
            if link.reader is not None:
                link.reader.cancel()
        if self._ready is not None:
            self._ready.set()
        self._core.set_state("closed")

    close = aclose

    async def __aenter__(self) -> AsyncNotificationChannel:
        return await self.open()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    # subscriptions ------------------------------------------------------------------------
    async def subscribe(self, topics: str | Iterable[str]) -> None:
        core = self._core
        new = [t for t in normalize_topics(topics) if t not in core.topics]
        if not new:
            return
        core.check_topic_count(new)
        async with self._lock():
            link = self._primary
            if link is not None and link.alive and not self._closed:
                if core.options.subscribe_over == "socket":
                    await self._send_quietly(
                        link, subscribe_message("subscribe", new, _id())
                    )
                else:
                    await self._call(
                        ADD_SUBSCRIPTIONS,
                        {"channelId": link.info.id, "body": topics_body(new)},
                    )
            core.add_topics(new)
        self._subscriptions_changed(f"+{len(new)}")

    async def unsubscribe(self, topics: str | Iterable[str]) -> None:
        core = self._core
        async with self._lock():
            gone = [t for t in normalize_topics(topics) if t in core.topics]
            if not gone:
                return
            remaining = [t for t in core.topics if t not in set(gone)]
            link = self._primary
            if link is not None and link.alive and not self._closed:
                if core.options.subscribe_over == "socket":
                    await self._send_quietly(
                        link, subscribe_message("unsubscribe", gone, _id())
                    )
                else:
                    await self._put_topics(link.info, remaining)
            core.remove_topics(gone)
        self._subscriptions_changed(f"-{len(gone)}")

    def _lock(self) -> asyncio.Lock:
        if self._subscriptions_lock is None:  # not opened yet: topics are only recorded
            self._subscriptions_lock = asyncio.Lock()
        return self._subscriptions_lock

    # reading ------------------------------------------------------------------------------
    def __aiter__(self) -> AsyncNotificationChannel:
        return self

    async def __anext__(self) -> NotificationEvent:
        await self.open()
        event = await self._take(None)
        if event is None:
            raise StopAsyncIteration
        await self._dispatch(event)
        return event

    async def get(self, timeout: float | None = None) -> NotificationEvent | None:
        await self.open()
        event = await self._take(timeout)
        if event is not None:
            await self._dispatch(event)
        return event

    async def run(self, duration: float | None = None) -> None:
        """Deliver events to the ``on()`` callbacks until closed (or for ``duration`` s)."""
        await self.open()
        deadline = None if duration is None else time.monotonic() + duration
        while not self._closed:
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                return
            await self.get(remaining)

    async def _take(self, timeout: float | None) -> NotificationEvent | None:
        core = self._core
        buffer = core.buffer
        ready = self._ready
        assert ready is not None
        if core.pending_overflow:
            dropped, core.pending_overflow = core.pending_overflow, 0
            raise BufferOverflowError(dropped)
        deadline = None if timeout is None else time.monotonic() + timeout
        while not buffer:
            if self._closed:
                return None
            ready.clear()
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                return None
            try:
                await asyncio.wait_for(ready.wait(), remaining)
            except asyncio.TimeoutError:
                return None
        return buffer.popleft()

    async def _dispatch(self, event: NotificationEvent) -> None:
        for callback in self._core.callbacks_for(event.topic):
            try:
                result = callback(event)
                if asyncio.iscoroutine(result):
                    await result
            except Exception:
                stream_logger().exception("callback for %s raised", event.topic)

    async def _read(self, link: _Link) -> None:
        core = self._core
        socket: AsyncSocket = link.socket
        dedup = core.dedup
        commands = self._commands
        ready = self._ready
        assert commands is not None and ready is not None
        try:
            while True:
                frame = await socket.receive()
                if frame.topic == SOCKET_CLOSING_TOPIC:
                    commands.put_nowait(("closing", link))
                    continue
                if dedup.active and dedup.seen(frame):
                    core.duplicates += 1
                    continue
                if core.push(core.event_from_frame(frame)):
                    self._report_drops()
                ready.set()
        except SocketClosed as error:
            commands.put_nowait(("dead", link, error.reason))
        except asyncio.CancelledError:
            raise
        except Exception as error:  # noqa: BLE001
            stream_logger().exception("notification reader failed")
            commands.put_nowait(("dead", link, f"reader failed: {error}"))

    # supervisor ---------------------------------------------------------------------------
    async def _supervise(self) -> None:
        commands = self._commands
        assert commands is not None
        tick = self._core.options.tick
        while not self._closed:
            try:
                command: tuple[Any, ...] | None = await asyncio.wait_for(
                    commands.get(), tick
                )
            except asyncio.TimeoutError:
                command = None
            try:
                if command is not None:
                    await self._handle(command)
                await self._check_timers()
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001
                stream_logger().exception("notification channel supervisor")

    async def _handle(self, command: tuple[Any, ...]) -> None:
        kind, link = command[0], command[1]
        if kind == "dead":
            if link.draining:
                await self._finish_drain(link)
            elif link is self._primary:
                await self._reconnect(command[2])
        elif kind == "closing" and link is self._primary:
            await self._renew(
                "the server announced a maintenance close (socket_closing)"
            )

    async def _check_timers(self) -> None:
        now = time.monotonic()
        for link in list(self._links):
            if link.draining and (
                link.socket.pings_answered or now >= link.drain_deadline
            ):
                await self._finish_drain(link)
        primary = self._primary
        if primary is not None and primary.alive and now >= self._retry_renewal_at:
            reason = self._core.renewal_due(primary.info)
            if reason is not None:
                await self._renew(reason)

    async def _renew(self, reason: str) -> None:
        core = self._core
        old = self._primary
        core.set_state("renewing", reason)
        try:
            async with self._lock():
                info = await self._create_channel()
                core.dedup.begin_overlap()
                try:
                    link = await self._establish(info, barrier=True)
                except BaseException:
                    core.dedup.end_overlap()
                    raise
        except _RECOVERABLE as error:
            delay = self._backoff.next_delay()
            self._retry_renewal_at = time.monotonic() + delay
            core.set_state(
                "connected" if old is not None and old.alive else "reconnecting",
                f"renewal failed, next try in {delay:.1f} s: {error}",
            )
            if old is not None and not old.alive and self._commands is not None:
                self._commands.put_nowait(
                    ("dead", old, "closed during a failed renewal")
                )
            return
        self._backoff.reset()
        self._primary = link
        if old is not None:
            await self._start_drain(old)
        core.set_state("connected", f"renewed: {reason}")

    async def _start_drain(self, link: _Link) -> None:
        link.draining = True
        link.drain_deadline = time.monotonic() + self._core.options.drain_timeout
        if not link.alive:
            await self._finish_drain(link)
            return
        await self._quietly(CLEAR_SUBSCRIPTIONS, {"channelId": link.info.id})
        try:
            await link.socket.ping()
        except SocketClosed:
            await self._finish_drain(link)

    async def _finish_drain(self, link: _Link) -> None:
        if link.finished:
            return
        link.finished = True
        await link.socket.close()
        if link in self._links:
            self._links.remove(link)
        self._core.dedup.end_overlap()

    async def _reconnect(self, reason: str) -> None:
        core = self._core
        dead = self._primary
        assert dead is not None
        if dead in self._links:
            self._links.remove(dead)
        dead.finished = True
        core.set_state("reconnecting", reason)
        info = dead.info
        while not self._closed:
            try:
                async with self._lock():
                    if core.renewal_due(info) or not await self._channel_alive(info):
                        info = await self._create_channel()
                    link = await self._establish(info)
                    self._primary = link
                self._backoff.reset()
                core.set_state("connected", "reconnected")
                return
            except _RECOVERABLE as error:
                delay = self._backoff.next_delay()
                core.set_state(
                    "reconnecting",
                    f"attempt {self._backoff.attempt} failed, next in {delay:.1f} s: {error}",
                    attempt=self._backoff.attempt,
                    delay=delay,
                )
                await asyncio.sleep(delay)

    # REST and sockets ---------------------------------------------------------------------
    async def _call(self, op: Any, args: dict[str, Any]) -> Any:
        from .api_client import AsyncApiClient

        client = self.client
        if isinstance(client, AsyncApiClient):
            return await client.call_api(op, args)
        return await asyncio.to_thread(client.call_api, op, args)

    async def _quietly(self, op: Any, args: dict[str, Any]) -> None:
        try:
            await self._call(op, args)
        except Exception as error:  # noqa: BLE001
            stream_logger().debug("%s failed: %s", op.operation_id, error)

    async def _send_quietly(self, link: _Link, message: dict[str, Any]) -> None:
        try:
            await link.socket.send_json(message)
        except SocketClosed:
            pass

    async def _create_channel(self) -> ChannelInfo:
        before = token_status(self.client)[0]
        created = await self._call(CREATE_CHANNEL, {})
        info = self._core.channel_info(
            created or {}, token_used(before, token_status(self.client)[0])
        )
        stream_logger().debug("channel %s at %s", info.id, mask_uri(info.connect_uri))
        return info

    async def _channel_alive(self, info: ChannelInfo) -> bool:
        try:
            await self._call(HEAD_CHANNEL, {"channelId": info.id})
        except NotFoundError:
            return False
        return True

    async def _put_topics(self, info: ChannelInfo, topics: list[str]) -> None:
        if topics:
            await self._call(
                REPLACE_SUBSCRIPTIONS,
                {"channelId": info.id, "body": topics_body(topics)},
            )
        else:
            await self._call(CLEAR_SUBSCRIPTIONS, {"channelId": info.id})

    async def _establish(self, info: ChannelInfo, barrier: bool = False) -> _Link:
        core = self._core
        options = core.options
        socket = await open_socket_async(
            stream_settings(
                self.client,
                info.connect_uri,
                heartbeat_interval=options.heartbeat_interval,
                pong_timeout=options.pong_timeout,
            )
        )
        link = _Link(info, socket)
        link.reader = asyncio.ensure_future(self._read(link))
        try:
            topics = list(core.topics)
            if options.subscribe_over == "socket":
                if topics:
                    await socket.send_json(
                        subscribe_message("subscribe", topics, _id())
                    )
                    if barrier:
                        await self._await_pong(link)
            else:
                await self._put_topics(info, topics)
        except BaseException:
            link.finished = True
            link.reader.cancel()
            await socket.close()
            raise
        self._links.append(link)
        core.channel_id = info.id
        return link

    async def _await_pong(self, link: _Link) -> None:
        await link.socket.ping()
        deadline = time.monotonic() + self._core.options.pong_timeout
        while not link.socket.pings_answered:
            if time.monotonic() >= deadline or not link.alive:
                raise SocketClosed("no pong after subscribing on the new socket")
            await asyncio.sleep(0.005)


def _id() -> str:
    return str(uuid.uuid4())


notifications = sys.modules[
    __name__
]  # <sdk>.notifications resolves to this module (see _public)
