"""Soak: a notification channel under continuous faults delivers every event the server sent
exactly once.

Time is scaled 200x: the server's 30 s heartbeat is 0.15 s, so 8 s of wall time are 26
minutes of stream time. The channel lifetime (24 h) and token lifetime (1 h) are scaled
further, to 2 s and 2.5 s of wall time (6.7 and 8.3 simulated minutes), so that expiry
renewals and token renewals happen several times in the run. Every 3 to 15 simulated seconds
the live socket is dropped (TCP closed without a close frame), told that it is closing (then
closed a simulated minute later), or silenced (open TCP, no frames).
"""

from __future__ import annotations

import asyncio
import random
import threading
import time
from collections import Counter

import pytest

from .ws_server import NotificationServer

SCALE = 200.0  # simulated seconds per wall second
HEARTBEAT = 30 / SCALE
WALL_SECONDS = 8.0
TOPIC = "v2.routing.queues.q1.conversations"


SETTINGS = {
    "heartbeat_interval": HEARTBEAT,
    "pong_timeout": 10 / SCALE,
    "reconnect_backoff": (5 / SCALE, 30 / SCALE),
    "drain_timeout": 65 / SCALE,
}


class Faults:
    """Publishes numbered events and injects faults from two threads until stopped."""

    def __init__(self, service: NotificationServer) -> None:
        self.service = service
        self.stop = threading.Event()
        self.counts: Counter[str] = Counter()
        self.rng = random.Random(12)
        self.threads = [
            threading.Thread(target=self._publish),
            threading.Thread(target=self._inject),
        ]

    def _publish(self) -> None:
        event_id = 0
        while not self.stop.is_set():
            event_id += 1
            self.service.publish(TOPIC, {"id": "q1", "n": event_id}, event_id)
            time.sleep(0.001)

    def _inject(self) -> None:
        while not self.stop.is_set():
            time.sleep(self.rng.uniform(3, 15) / SCALE)
            sockets = [s for s in self.service.live_sockets() if not s.silent]
            if not sockets:
                continue
            socket = sockets[-1]  # the newest: the one the channel reads
            kind = self.rng.choices(["drop", "closing", "silence"], [4, 4, 2])[0]
            self.counts[kind] += 1
            if kind == "drop":
                self.service.drop(socket)
            elif kind == "closing":
                self.service.socket_closing(socket, grace=60 / SCALE)
            else:
                self.service.silence(socket)

    def __enter__(self) -> Faults:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(10)


def _service(server) -> NotificationServer:
    return NotificationServer(
        server.app,
        heartbeat_interval=HEARTBEAT,
        channel_lifetime=2.0,
        token_lifetime=2.5,
    ).start()


def _check(service, received, faults, changes, duplicates, wall_seconds) -> None:
    counts = Counter(received)
    doubled = {i: n for i, n in counts.items() if n > 1}
    lost = set(service.sent) - set(counts)
    assert not doubled, f"delivered more than once: {sorted(doubled)[:20]}"
    assert (
        not lost
    ), f"sent but never delivered: {sorted(lost)[:20]} of {len(service.sent)}"
    assert set(counts) <= set(service.sent) | set(service.maybe_sent)
    # the run exercised what it claims to
    assert sum(faults.values()) >= 6 * wall_seconds, faults
    assert changes["state:reconnecting"] >= wall_seconds, changes
    assert changes["state:renewing"] >= wall_seconds, changes
    assert max(service.copies) == 2 and duplicates > 0  # overlaps happened
    assert len(service.sent) >= 100 * wall_seconds


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_soak_every_sent_event_arrives_exactly_once(rtpkg, server, make_client):
    assert WALL_SECONDS * SCALE >= 600  # at least 10 minutes of stream time
    service = _service(server)
    client = make_client(client_id="cid", client_secret="csecret")
    channel = rtpkg.notifications.NotificationChannel(client, [TOPIC], **SETTINGS)
    changes: Counter[str] = Counter()
    channel.on_event(lambda e: changes.update([f"{e.kind}:{e.state}"]))
    received: list[int] = []
    with channel:
        with Faults(service) as faults:
            deadline = time.monotonic() + WALL_SECONDS
            while time.monotonic() < deadline:
                event = channel.get(0.1)
                if event is not None:
                    received.append(int(event.metadata["eventId"]))
        while (event := channel.get(1.0)) is not None:
            received.append(int(event.metadata["eventId"]))
    service.stop()
    _check(service, received, faults.counts, changes, channel.duplicates, WALL_SECONDS)


ASYNC_WALL_SECONDS = 4.0


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_async_soak_every_sent_event_arrives_exactly_once(rtpkg, server, config):
    assert ASYNC_WALL_SECONDS * SCALE >= 600
    service = _service(server)
    changes: Counter[str] = Counter()
    received: list[int] = []

    async def main() -> tuple[Faults, int]:
        async with rtpkg.AsyncApiClient(
            server.url, configuration=config, client_id="cid", client_secret="csecret"
        ) as client:
            channel = rtpkg.notifications.AsyncNotificationChannel(
                client, [TOPIC], **SETTINGS
            )
            channel.on_event(lambda e: changes.update([f"{e.kind}:{e.state}"]))
            async with channel:
                faults = Faults(service)
                await asyncio.to_thread(faults.__enter__)
                deadline = time.monotonic() + ASYNC_WALL_SECONDS
                while time.monotonic() < deadline:
                    event = await channel.get(0.1)
                    if event is not None:
                        received.append(int(event.metadata["eventId"]))
                await asyncio.to_thread(faults.__exit__)
                while (event := await channel.get(1.0)) is not None:
                    received.append(int(event.metadata["eventId"]))
            return faults, channel.duplicates

    faults, duplicates = asyncio.run(main())
    service.stop()
    _check(service, received, faults.counts, changes, duplicates, ASYNC_WALL_SECONDS)
