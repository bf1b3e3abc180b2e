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


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_soak_every_sent_event_arrives_exactly_once(rtpkg, server, make_client):
    assert WALL_SECONDS * SCALE >= 600  # at least 10 minutes of stream time
    service = NotificationServer(
        server.app,
        heartbeat_interval=HEARTBEAT,
        channel_lifetime=2.0,
        token_lifetime=2.5,
    ).start()
    client = make_client(client_id="cid", client_secret="csecret")
    channel = rtpkg.notifications.NotificationChannel(
        client,
        [TOPIC],
        heartbeat_interval=HEARTBEAT,
        pong_timeout=10 / SCALE,
        reconnect_backoff=(0.5 / SCALE * 10, 30 / SCALE),
        drain_timeout=65 / SCALE,
    )
    changes = Counter()
    channel.on_event(lambda e: changes.update([f"{e.kind}:{e.state}"]))
    received: list[int] = []
    stop = threading.Event()
    faults = Counter()
    rng = random.Random(12)

    def publish() -> None:
        event_id = 0
        while not stop.is_set():
            event_id += 1
            service.publish(TOPIC, {"id": "q1", "n": event_id}, event_id)
            time.sleep(0.001)

    def inject() -> None:
        while not stop.is_set():
            time.sleep(rng.uniform(3, 15) / SCALE)
            sockets = [s for s in service.live_sockets() if not s.silent]
            if not sockets:
                continue
            socket = sockets[-1]  # the newest: the one the channel reads
            kind = rng.choices(["drop", "closing", "silence"], [4, 4, 2])[0]
            faults[kind] += 1
            if kind == "drop":
                service.drop(socket)
            elif kind == "closing":
                service.socket_closing(socket, grace=60 / SCALE)
            else:
                service.silence(socket)

    with channel:
        workers = [threading.Thread(target=publish), threading.Thread(target=inject)]
        for worker in workers:
            worker.start()
        deadline = time.monotonic() + WALL_SECONDS
        while time.monotonic() < deadline:
            event = channel.get(0.1)
            if event is not None:
                received.append(int(event.metadata["eventId"]))
        stop.set()
        for worker in workers:
            worker.join(10)
        while (event := channel.get(1.0)) is not None:
            received.append(int(event.metadata["eventId"]))
    service.stop()

    counts = Counter(received)
    doubled = {i: n for i, n in counts.items() if n > 1}
    lost = set(service.sent) - set(counts)
    assert not doubled, f"delivered more than once: {sorted(doubled)[:20]}"
    assert (
        not lost
    ), f"sent but never delivered: {sorted(lost)[:20]} of {len(service.sent)}"
    assert set(counts) <= set(service.sent) | set(service.maybe_sent)
    # the run exercised what it claims to
    assert sum(faults.values()) >= 50, faults
    assert (
        changes["channel_created:renewing"] + changes["channel_created:reconnecting"]
        >= 5
    )
    assert (
        changes["state:reconnecting"] >= 10 and changes["state:renewing"] >= 10
    ), changes
    assert max(service.copies) == 2 and channel.duplicates > 0  # overlaps happened
    assert len(service.sent) >= 1000
