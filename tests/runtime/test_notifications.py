"""NotificationChannel / AsyncNotificationChannel against the real local notification server
(websockets server + the REST routes on the local HTTP server), clock scaled down:
heartbeats every 0.2 s instead of 30 s."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections import Counter

import pytest

from .fake_server import Reply
from .ws_server import CHANNELS, NotificationServer

HEARTBEAT = 0.2
TOPIC = "v2.users.u1.presence"
FAST = {
    "heartbeat_interval": HEARTBEAT,
    "pong_timeout": 0.2,
    "reconnect_backoff": (0.01, 0.1),
}


@pytest.fixture
def service(server):
    notifications = NotificationServer(server.app, heartbeat_interval=HEARTBEAT).start()
    yield notifications
    notifications.stop()


@pytest.fixture
def nt(rtpkg):
    return rtpkg.notifications


@pytest.fixture
def client(make_client):
    return make_client(client_id="cid", client_secret="csecret")


@pytest.fixture
def stream_log():
    """Records of the SDK's stream logger (which other tests may stop propagating)."""
    records: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(self.format(record))

    logger = logging.getLogger("rtpkg.stream")
    handler, level = Keep(logging.DEBUG), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield records
    logger.removeHandler(handler)
    logger.setLevel(level)


def wait_for(condition, timeout=5.0, interval=0.01):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    raise AssertionError("condition not met in time")


def drain(channel, timeout=0.5):
    events = []
    while (event := channel.get(timeout)) is not None:
        events.append(event)
    return events


def ids(events):
    return [int(e.metadata["eventId"]) for e in events if "eventId" in e.metadata]


class Publisher:
    """Publishes numbered events from a thread until stopped."""

    def __init__(self, service, topic=TOPIC, interval=0.002):
        self.service, self.topic, self.interval = service, topic, interval
        self.next_id = 1
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            self.service.publish(
                self.topic, {"id": "u1", "n": self.next_id}, self.next_id
            )
            self.next_id += 1
            time.sleep(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(5)


# subscribing ------------------------------------------------------------------------------
def test_events_arrive_typed_with_topic_metadata_and_raw(
    rtpkg, nt, client, service, server
):
    models = nt.TopicModels({"v2.users.{id}.presence": "User"})
    with nt.NotificationChannel(
        client, [TOPIC], topic_models=models, **FAST
    ) as channel:
        assert channel.state == "connected"
        service.publish(TOPIC, {"id": "u1", "name": "Ann"}, 1)
        event = channel.get(2)
    assert isinstance(event.data, rtpkg.User) and event.data.name == "Ann"
    assert event.topic == TOPIC and event.metadata["eventId"] == "1"
    assert '"name": "Ann"' in event.raw and event.decode_error is None
    puts = server.app.calls("PUT", f"{CHANNELS}/{channel.channel_id}/subscriptions")
    assert puts[0].json() == [{"id": TOPIC}]
    assert channel.state == "closed"


def test_unknown_topics_and_bodies_that_do_not_fit_never_raise(nt, client, service):
    models = nt.TopicModels({"v2.users.{id}.presence": "User"})
    with nt.NotificationChannel(
        client, [TOPIC, "v2.other"], topic_models=models, **FAST
    ) as channel:
        service.publish("v2.other", {"anything": [1, 2]}, 1)
        service.publish(TOPIC, {"id": 42}, 2)  # id is a string in the model
        service.publish(TOPIC, "not an object", 3)
        other, misfit, scalar = channel.get(2), channel.get(2), channel.get(2)
    assert other.data == {"anything": [1, 2]} and other.decode_error is None
    assert misfit.data == {"id": 42} and "not a valid User" in misfit.decode_error
    assert scalar.data == "not an object" and scalar.decode_error


def test_subscribe_and_unsubscribe_over_rest_at_any_time(nt, client, service, server):
    channel = nt.NotificationChannel(client, **FAST)
    channel.subscribe("v2.a")  # before opening: recorded, subscribed on open
    with channel:
        channel.subscribe(["v2.b", "v2.c"])
        base = f"{CHANNELS}/{channel.channel_id}/subscriptions"
        assert server.app.calls("POST", base)[0].json() == [
            {"id": "v2.b"},
            {"id": "v2.c"},
        ]
        channel.unsubscribe("v2.b")
        assert server.app.calls("PUT", base)[-1].json() == [
            {"id": "v2.a"},
            {"id": "v2.c"},
        ]
        for n, topic in enumerate(["v2.a", "v2.b", "v2.c"], 1):
            service.publish(topic, {}, n)
        assert [e.topic for e in drain(channel, 0.3)] == ["v2.a", "v2.c"]
        assert channel.topics == ("v2.a", "v2.c")


def test_subscribe_over_the_socket(nt, client, service, server):
    with nt.NotificationChannel(
        client, ["v2.a"], subscribe_over="socket", **FAST
    ) as channel:
        channel.subscribe("v2.b")
        wait_for(lambda: len(service.socket_messages) == 2)
        channel.unsubscribe("v2.a")
        wait_for(lambda: len(service.socket_messages) == 3)
        service.publish("v2.a", {}, 1)
        service.publish("v2.b", {}, 2)
        assert ids(drain(channel, 0.3)) == [2]
    kinds = [(m["message"], m["topics"]) for m in service.socket_messages]
    assert kinds == [
        ("subscribe", ["v2.a"]),
        ("subscribe", ["v2.b"]),
        ("unsubscribe", ["v2.a"]),
    ]
    assert all(m["correlationId"] for m in service.socket_messages)
    assert not server.app.calls(
        "POST", f"{CHANNELS}/{channel.channel_id}/subscriptions"
    )


def test_callbacks_per_topic_pattern(nt, client, service):
    seen = []
    with nt.NotificationChannel(
        client, ["v2.users.a.presence", "v2.users.b.routingStatus"], **FAST
    ) as channel:

        @channel.on("v2.users.{id}.presence")
        def presence(event):
            seen.append(("presence", event.topic))

        channel.on(
            "v2.users.*.routingStatus", lambda e: seen.append(("routing", e.topic))
        )
        channel.on(
            "v2.users.a.presence", lambda e: 1 / 0
        )  # logged, never ends the stream
        service.publish("v2.users.a.presence", {}, 1)
        service.publish("v2.users.b.routingStatus", {}, 2)
        channel.run(duration=0.4)
    assert seen == [
        ("presence", "v2.users.a.presence"),
        ("routing", "v2.users.b.routingStatus"),
    ]


# keeping alive ----------------------------------------------------------------------------
def test_heartbeats_keep_one_socket_open(nt, client, service):
    with nt.NotificationChannel(client, [TOPIC], **FAST) as channel:
        time.sleep(HEARTBEAT * 5)
        assert service.connections == 1 and channel.state == "connected"
        assert service.live_sockets()[0].heartbeats >= 3


def test_pings_when_the_server_is_quiet_and_stays_connected(nt, client, service):
    service.heartbeat_interval = 60  # no heartbeats: the channel's pings get pongs
    with nt.NotificationChannel(client, [TOPIC], **FAST) as channel:
        time.sleep(HEARTBEAT * 6)
        assert service.connections == 1 and channel.state == "connected"
        assert service.live_sockets()[0].pings >= 3


def test_a_silent_socket_is_replaced_and_resubscribed(nt, client, service, server):
    states = []
    with nt.NotificationChannel(client, [TOPIC], **FAST) as channel:
        channel.on_event(lambda e: states.append((e.kind, e.state, e.reason)))
        first = channel.channel_id
        service.silence(service.live_sockets()[0])
        wait_for(lambda: service.connections == 2 and channel.state == "connected")
        service.publish(TOPIC, {}, 1)
        assert ids(drain(channel, 0.3)) == [1]
        assert (
            channel.channel_id == first
        )  # the channel lived: same channel, new socket
    reconnecting = [s for s in states if s[1] == "reconnecting"]
    assert reconnecting and "no heartbeat or pong" in reconnecting[0][2]
    assert server.app.calls("HEAD", f"{CHANNELS}/{first}")
    assert len(server.app.calls("PUT", f"{CHANNELS}/{first}/subscriptions")) == 2


def test_an_abrupt_drop_reconnects_and_loses_nothing_sent(nt, client, service):
    with nt.NotificationChannel(client, [TOPIC], **FAST) as channel:
        service.publish(TOPIC, {}, 1)
        service.drop(service.live_sockets()[0])
        wait_for(lambda: service.connections == 2 and channel.state == "connected")
        service.publish(TOPIC, {}, 2)
        assert ids(drain(channel, 0.3)) == [1, 2]


def test_reconnect_backs_off_with_jitter_while_the_server_refuses(
    nt, client, service, server
):
    states = []
    with nt.NotificationChannel(client, [TOPIC], **FAST) as channel:
        channel.on_event(lambda e: states.append(e))
        refused = server.app.routes.pop(("POST", CHANNELS))
        server.app.route("POST", CHANNELS, lambda r: Reply(503, {"message": "down"}))
        for socket in service.live_sockets():
            socket.channel.alive = False  # HEAD -> 404: a new channel is needed
            service.drop(socket)
        wait_for(lambda: sum(1 for e in states if "failed" in e.reason) >= 3)
        server.app.route("POST", CHANNELS, refused)
        wait_for(lambda: channel.state == "connected", timeout=5)
        service.publish(TOPIC, {}, 1)
        assert ids(drain(channel, 0.3)) == [1]
    delays = [e.detail["delay"] for e in states if "delay" in e.detail]
    assert len(set(delays)) == len(delays) and all(0 < d <= 0.1 for d in delays)


def test_socket_closing_overlaps_old_and_new_without_lost_or_doubled_events(
    nt, client, service
):
    service.unsubscribe_delay = 0.1  # both channels deliver for at least 0.1 s
    with nt.NotificationChannel(client, [TOPIC], **FAST) as channel:
        first = channel.channel_id
        received = []
        with Publisher(service):
            time.sleep(0.1)
            service.socket_closing(service.live_sockets()[0], grace=0.3)
            wait_for(lambda: channel.channel_id != first)
            time.sleep(0.5)
        received += drain(channel, 0.3)
    counts = Counter(ids(received))
    assert set(counts) == set(service.sent) and max(counts.values()) == 1
    assert max(service.copies) == 2  # both sockets delivered during the overlap...
    assert channel.duplicates == service.copies.count(2)  # ...and each copy was dropped


def test_channel_is_renewed_before_it_expires(nt, client, server):
    service = NotificationServer(
        server.app, heartbeat_interval=HEARTBEAT, channel_lifetime=1.0
    ).start()
    try:
        created = []
        with nt.NotificationChannel(client, [TOPIC], **FAST) as channel:
            channel.on_event(
                lambda e: created.append(e) if e.kind == "channel_created" else None
            )
            received = []
            with Publisher(service):
                time.sleep(2.5)
            received += drain(channel, 0.3)
        counts = Counter(ids(received))
        assert len(created) >= 2  # renewed at least twice in 2.5 lifetimes
        assert set(counts) == set(service.sent) and max(counts.values()) == 1
        # renewed before the mark: the server never had to close a channel with a socket on it
        assert len(service.sent) > 0.9 * (max(service.sent))
    finally:
        service.stop()


def test_token_renewal_moves_to_a_channel_of_the_new_token(nt, client, server):
    service = NotificationServer(
        server.app, heartbeat_interval=HEARTBEAT, token_lifetime=1.0
    ).start()
    try:
        reasons = []
        with nt.NotificationChannel(client, [TOPIC], **FAST) as channel:
            channel.on_event(
                lambda e: reasons.append(e.reason) if e.state == "renewing" else None
            )
            first_token = client.access_token
            received = []
            with Publisher(service):
                time.sleep(2.2)
            received += drain(channel, 0.3)
        assert client.access_token != first_token
        assert any("token" in r for r in reasons)
        counts = Counter(ids(received))
        assert set(counts) == set(service.sent) and max(counts.values()) == 1
        # events kept flowing after the first token expired
        assert max(service.sent) > 0.9 * len(counts) and len(service.sent) > 0.9 * max(
            service.sent
        )
    finally:
        service.stop()


# limits -----------------------------------------------------------------------------------
def test_more_than_1000_topics_is_refused_before_any_request(
    nt, client, service, server
):
    with pytest.raises(nt.TopicLimitError, match="at most 1000"):
        nt.NotificationChannel(client, [f"v2.users.{n}.presence" for n in range(1001)])
    with nt.NotificationChannel(
        client, [f"v2.t.{n}" for n in range(1000)], **FAST
    ) as channel:
        posts = len(server.app.requests)
        with pytest.raises(nt.TopicLimitError, match="1001 topics"):
            channel.subscribe("v2.one.more")
        assert len(server.app.requests) == posts and len(channel.topics) == 1000
        channel.subscribe("v2.t.5")  # already subscribed: no change, no error


def test_channel_creation_counts_against_the_20_channel_limit(
    nt, client, service, stream_log
):
    created = []
    for _ in range(21):
        channel = nt.NotificationChannel(client, [TOPIC], **FAST)
        channel.on_event(
            lambda e: created.append(e) if e.kind == "channel_created" else None
        )
        channel.open()
        channel.close()
    assert [e.detail["channels_in_24h"] for e in created] == list(range(1, 22))
    assert "20 of 20 channels" in created[19].reason
    assert "evicts the oldest" in created[20].reason
    assert any(
        "21 of 20" in line and "evicts the oldest" in line for line in stream_log
    )


def test_a_slow_consumer_drops_the_oldest_and_says_so(nt, client, service):
    events = []
    with nt.NotificationChannel(client, [TOPIC], max_buffered=5, **FAST) as channel:
        channel.on_event(
            lambda e: events.append(e) if e.kind == "events_dropped" else None
        )
        for n in range(1, 21):
            service.publish(TOPIC, {}, n)
        wait_for(lambda: channel.dropped == 15)
        assert ids(drain(channel, 0.2)) == [16, 17, 18, 19, 20]
    assert len(events) == 1 and "drop_oldest" in events[0].reason


def test_a_slow_consumer_with_overflow_error_is_told_at_its_next_read(
    nt, client, service
):
    with nt.NotificationChannel(
        client, [TOPIC], max_buffered=5, overflow="error", **FAST
    ) as channel:
        for n in range(1, 9):
            service.publish(TOPIC, {}, n)
        wait_for(lambda: channel.dropped == 3)
        with pytest.raises(nt.BufferOverflowError, match="3 event"):
            channel.get(1)
        assert ids(drain(channel, 0.2)) == [1, 2, 3, 4, 5]


def test_tokens_never_reach_the_logs(nt, client, service, caplog, stream_log):
    caplog.set_level(logging.DEBUG)
    client.configuration.logger.log_level = "debug"
    with nt.NotificationChannel(client, [TOPIC], **FAST) as channel:
        service.drop(service.live_sockets()[0])
        wait_for(lambda: service.connections == 2 and channel.state == "connected")
    assert any("reconnecting" in line for line in stream_log)
    assert client.access_token not in caplog.text + "".join(stream_log)


# async ------------------------------------------------------------------------------------
def test_async_channel_subscribes_reads_and_reconnects(
    rtpkg, nt, service, server, config
):
    async def main():
        async with rtpkg.AsyncApiClient(
            server.url, configuration=config, client_id="cid", client_secret="csecret"
        ) as client:
            models = nt.TopicModels({"v2.users.{id}.presence": "User"})
            async with nt.AsyncNotificationChannel(
                client, [TOPIC], topic_models=models, **FAST
            ) as channel:
                seen = []
                channel.on("v2.users.*.presence", lambda e: seen.append(e.topic))

                async def later(e):
                    seen.append("async")

                channel.on(TOPIC, later)
                await channel.subscribe("v2.b")
                await asyncio.to_thread(
                    service.publish, TOPIC, {"id": "u1", "name": "Bo"}, 1
                )
                first = await channel.get(2)
                service.drop(service.live_sockets()[0])
                while not (service.connections == 2 and channel.state == "connected"):
                    await asyncio.sleep(0.01)
                await asyncio.to_thread(service.publish, "v2.b", {}, 2)
                second = await channel.get(2)
                await channel.unsubscribe("v2.b")
                return first, second, seen, channel.topics

    first, second, seen, topics = asyncio.run(main())
    assert isinstance(first.data, rtpkg.User) and first.data.name == "Bo"
    assert second.topic == "v2.b" and seen == [TOPIC, "async"] and topics == (TOPIC,)


def test_async_socket_closing_overlap_delivers_each_event_once(
    rtpkg, nt, service, server, config
):
    async def main():
        async with rtpkg.AsyncApiClient(
            server.url, configuration=config, client_id="cid", client_secret="csecret"
        ) as client:
            async with nt.AsyncNotificationChannel(client, [TOPIC], **FAST) as channel:
                first = channel.channel_id
                received = []

                async def consume():
                    async for event in channel:
                        received.append(event)

                consumer = asyncio.ensure_future(consume())
                publisher = Publisher(service).__enter__()
                await asyncio.sleep(0.1)
                service.socket_closing(service.live_sockets()[0], grace=0.3)
                while channel.channel_id == first:
                    await asyncio.sleep(0.01)
                await asyncio.sleep(0.5)
                await asyncio.to_thread(publisher.__exit__)
                await asyncio.sleep(0.3)
                duplicates = channel.duplicates
            await consumer  # ends when the channel closes
            return received, duplicates

    service.unsubscribe_delay = 0.1
    received, duplicates = asyncio.run(main())
    counts = Counter(ids(received))
    assert set(counts) == set(service.sent) and max(counts.values()) == 1
    assert max(service.copies) == 2 and duplicates == service.copies.count(2)


def test_async_slow_consumer_and_topic_limit(rtpkg, nt, service, server, config):
    async def main():
        client = rtpkg.ApiClient(
            server.url, configuration=config, client_id="cid", client_secret="csecret"
        )
        async with nt.AsyncNotificationChannel(
            client, [TOPIC], max_buffered=3, **FAST
        ) as channel:
            with pytest.raises(nt.TopicLimitError):
                await channel.subscribe([f"v2.t.{n}" for n in range(1000)])
            for n in range(1, 7):
                await asyncio.to_thread(service.publish, TOPIC, {}, n)
            await asyncio.sleep(0.2)
            got = [await channel.get(0.5) for _ in range(3)]
            return channel.dropped, ids(got)

    assert asyncio.run(main()) == (3, [4, 5, 6])


def test_state_changes_reach_the_clients_event_bus(nt, client, service):
    seen = []
    client.events.subscribe(
        lambda e: seen.append((e.kind, e.data.get("state"), e.data.get("channel_id"))),
        kinds=["notification_channel_state", "notification_channel_created"],
    )
    with nt.NotificationChannel(client, [TOPIC], **FAST) as channel:
        service.drop(service.live_sockets()[0])
        wait_for(lambda: service.connections == 2 and channel.state == "connected")
        channel_id = channel.channel_id
    states = [s for kind, s, _ in seen if kind == "notification_channel_state"]
    assert states == ["connecting", "connected", "reconnecting", "connected", "closed"]
    assert ("notification_channel_created", "connecting", channel_id) in seen
