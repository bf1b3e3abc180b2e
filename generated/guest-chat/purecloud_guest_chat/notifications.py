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
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from ._channel_base import RECOVERABLE, ChannelBase, Link, checked_options, new_id
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
    NotificationEvent,
    TopicLimitError,
    normalize_topics,
    subscribe_message,
    token_status,
    token_used,
    topics_body,
)
from ._notifications_async import AsyncNotificationChannel
from ._stream import (
    SOCKET_CLOSING_TOPIC,
    Backoff,
    SocketClosed,
    StreamConnectError,
    mask_uri,
    open_socket,
    stream_logger,
    stream_settings,
)
from ._topics import TopicModels, topic_matches
from .rest import NotFoundError

if TYPE_CHECKING:
    from ._stream import SyncSocket
    from .api_client import ApiClient

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


class NotificationChannel(ChannelBase):
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
            checked_options(
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
        self._primary: Link | None = None
        self._links: list[Link] = []
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
                    self._send_quietly(
                        link, subscribe_message("subscribe", new, new_id())
                    )
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
                    if not self._send_quietly(
                        link, subscribe_message("unsubscribe", gone, new_id())
                    ):
                        core.removed_offline.update(gone)
                else:
                    self._put_topics(link.info, remaining)
            elif core.options.subscribe_over == "socket":
                core.removed_offline.update(gone)  # told when the socket is back
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

    def _read(self, link: Link) -> None:
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
        kind = command[0]
        if kind == "stop":
            return
        link: Link = command[1]
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
        except RECOVERABLE as error:
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

    def _start_drain(self, link: Link) -> None:
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

    def _finish_drain(self, link: Link) -> None:
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
            except RECOVERABLE as error:
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

    def _send_quietly(self, link: Link, message: dict[str, Any]) -> bool:
        try:
            link.socket.send_json(message)
        except SocketClosed:  # the reconnect resubscribes every topic
            return False
        return True

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

    def _establish(self, info: ChannelInfo, barrier: bool = False) -> Link:
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
        link = Link(info, socket)
        link.reader = threading.Thread(
            target=self._read, args=(link,), name="notification-reader", daemon=True
        )
        link.reader.start()
        try:
            topics = list(core.topics)
            if options.subscribe_over == "socket":
                stale = [t for t in core.removed_offline if t not in core.topics]
                if stale and info.id == core.channel_id:  # the same channel kept them
                    socket.send_json(subscribe_message("unsubscribe", stale, new_id()))
                core.removed_offline.clear()
                if topics:
                    socket.send_json(subscribe_message("subscribe", topics, new_id()))
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

    def _await_pong(self, link: Link) -> None:
        link.socket.ping()
        deadline = time.monotonic() + self._core.options.pong_timeout
        while not link.socket.pings_answered:
            if time.monotonic() >= deadline or not link.alive:
                raise SocketClosed("no pong after subscribing on the new socket")
            time.sleep(0.005)


notifications = sys.modules[
    __name__
]  # <sdk>.notifications resolves to this module (see _public)
