"""``AsyncNotificationChannel``: the asyncio twin of ``notifications.NotificationChannel``
(one task per socket and a supervisor task instead of threads; decisions in _channel_core).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ._channel_base import RECOVERABLE, ChannelBase, Link, checked_options, new_id
from ._channel_core import (
    ADD_SUBSCRIPTIONS,
    CLEAR_SUBSCRIPTIONS,
    CREATE_CHANNEL,
    HEAD_CHANNEL,
    REPLACE_SUBSCRIPTIONS,
    BufferOverflowError,
    ChannelCore,
    ChannelInfo,
    NotificationEvent,
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
    mask_uri,
    open_socket_async,
    stream_logger,
    stream_settings,
)
from ._topics import TopicModels
from .rest import NotFoundError

if TYPE_CHECKING:
    import asyncio

    from ._stream import AsyncSocket
    from .api_client import ApiClient, AsyncApiClient
else:
    asyncio = lazy_import("asyncio", globals())


class AsyncNotificationChannel(ChannelBase):
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
        self._ready: asyncio.Event | None = None
        self._commands: asyncio.Queue[tuple[Any, ...]] | None = None
        self._subscriptions_lock: asyncio.Lock | None = None
        self._primary: Link | None = None
        self._links: list[Link] = []
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
                        link, subscribe_message("subscribe", new, new_id())
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
                    if not await self._send_quietly(
                        link, subscribe_message("unsubscribe", gone, new_id())
                    ):
                        core.removed_offline.update(gone)
                else:
                    await self._put_topics(link.info, remaining)
            elif core.options.subscribe_over == "socket":
                core.removed_offline.update(gone)  # told when the socket is back
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

    async def _read(self, link: Link) -> None:
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
        except RECOVERABLE as error:
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

    async def _start_drain(self, link: Link) -> None:
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

    async def _finish_drain(self, link: Link) -> None:
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
            except RECOVERABLE as error:
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

    async def _send_quietly(self, link: Link, message: dict[str, Any]) -> bool:
        try:
            await link.socket.send_json(message)
        except SocketClosed:  # the reconnect resubscribes every topic
            return False
        return True

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

    async def _establish(self, info: ChannelInfo, barrier: bool = False) -> Link:
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
        link = Link(info, socket)
        link.reader = asyncio.ensure_future(self._read(link))
        try:
            topics = list(core.topics)
            if options.subscribe_over == "socket":
                stale = [t for t in core.removed_offline if t not in core.topics]
                if stale and info.id == core.channel_id:  # the same channel kept them
                    await socket.send_json(
                        subscribe_message("unsubscribe", stale, new_id())
                    )
                core.removed_offline.clear()
                if topics:
                    await socket.send_json(
                        subscribe_message("subscribe", topics, new_id())
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

    async def _await_pong(self, link: Link) -> None:
        await link.socket.ping()
        deadline = time.monotonic() + self._core.options.pong_timeout
        while not link.socket.pings_answered:
            if time.monotonic() >= deadline or not link.alive:
                raise SocketClosed("no pong after subscribing on the new socket")
            await asyncio.sleep(0.005)
