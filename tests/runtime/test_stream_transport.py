"""The event-stream transport (_stream.py) against a real local WebSocket server."""

from __future__ import annotations

import asyncio
import logging
import time

import pytest

from .ws_server import CHANNELS, NotificationServer


@pytest.fixture
def notifications(server):
    service = NotificationServer(server.app, heartbeat_interval=0.2).start()
    yield service
    service.stop()


@pytest.fixture
def stream(rtpkg):
    import importlib

    return importlib.import_module("rtpkg._stream")


def _channel(client, rtpkg, topics=("v2.users.1.presence",)):
    from rtpkg._operation import OperationSpec, ParamSpec

    auth = ("PureCloud OAuth",)
    created = client.call_api(
        OperationSpec(
            "postNotificationsChannels", "POST", CHANNELS, (), "dict[str, Any]", auth
        ),
        {},
    )
    put = OperationSpec(
        "putNotificationsChannelSubscriptions",
        "PUT",
        CHANNELS + "/{channelId}/subscriptions",
        (ParamSpec("channelId", "path"), ParamSpec("body", "body")),
        "dict[str, Any]",
        auth,
    )
    client.call_api(
        put, {"channelId": created["id"], "body": [{"id": t} for t in topics]}
    )
    return created


def test_receives_events_and_consumes_heartbeats(
    make_client, rtpkg, stream, notifications
):
    client = make_client(client_id="cid", client_secret="csecret")
    created = _channel(client, rtpkg)
    settings = stream.stream_settings(
        client, created["connectUri"], heartbeat_interval=0.2
    )
    controls = []
    with stream.open_socket(settings) as socket:
        socket.on_control = controls.append
        time.sleep(0.5)  # two heartbeats arrive first
        notifications.publish("v2.users.1.presence", {"presence": "AVAILABLE"}, 1)
        frame = socket.receive()
        assert frame.topic == "v2.users.1.presence"
        assert frame.body_json() == {"presence": "AVAILABLE"}
        assert frame.metadata["eventId"] == "1"
    assert controls.count("WebSocket Heartbeat") >= 2


def test_pings_when_quiet_and_a_pong_keeps_the_socket_alive(
    make_client, rtpkg, stream, notifications
):
    notifications.heartbeat_interval = 60  # the server stays quiet: only pongs arrive
    client = make_client(client_id="cid", client_secret="csecret")
    created = _channel(client, rtpkg)
    settings = stream.stream_settings(
        client, created["connectUri"], heartbeat_interval=0.15, pong_timeout=0.3
    )
    controls = []
    with stream.open_socket(settings) as socket:
        socket.on_control = controls.append
        threading_publish_later(notifications, 0.8)
        frame = socket.receive()  # survives ~4 quiet periods on pongs alone
    assert frame.topic == "v2.users.1.presence"
    assert controls.count("pong") >= 3


def threading_publish_later(service, delay):
    import threading

    threading.Timer(
        delay, service.publish, ("v2.users.1.presence", {"n": 1}, 1)
    ).start()


def test_a_silent_socket_is_dead_within_the_liveness_bound(
    make_client, rtpkg, stream, notifications
):
    client = make_client(client_id="cid", client_secret="csecret")
    created = _channel(client, rtpkg)
    settings = stream.stream_settings(
        client, created["connectUri"], heartbeat_interval=0.2, pong_timeout=0.2
    )
    socket = stream.open_socket(settings)
    time.sleep(0.1)
    silent = notifications.live_sockets()[0]
    notifications.silence(silent)
    started = time.monotonic()
    with pytest.raises(stream.SocketClosed, match="no heartbeat or pong"):
        socket.receive()
    assert time.monotonic() - started < 0.2 * 7 / 6 + 0.2 + 0.3
    assert silent.pings >= 1  # it asked before giving up


def test_an_abrupt_drop_raises_socket_closed_after_the_frames_before_it(
    make_client, rtpkg, stream, notifications
):
    client = make_client(client_id="cid", client_secret="csecret")
    created = _channel(client, rtpkg)
    socket = stream.open_socket(stream.stream_settings(client, created["connectUri"]))
    time.sleep(0.05)
    notifications.publish("v2.users.1.presence", {"n": 1}, 1)
    notifications.drop(notifications.live_sockets()[0])
    assert socket.receive().metadata["eventId"] == "1"
    with pytest.raises(stream.SocketClosed) as raised:
        socket.receive()
    assert raised.value.code == 1006


def test_connect_failure_is_typed_and_masks_the_token(make_client, stream, caplog):
    client = make_client(client_id="cid", client_secret="csecret")
    uri = "ws://127.0.0.1:9/v2/stream?jwt=eyJhbGciOi.eyJzdWIiOiJ4In0.c2ln"
    caplog.set_level(logging.DEBUG)
    with pytest.raises(stream.StreamConnectError) as raised:
        stream.open_socket(stream.stream_settings(client, uri))
    assert "eyJ" not in str(raised.value) and "jwt=***" in str(raised.value)
    assert "eyJ" not in caplog.text
    assert "eyJ" not in repr(stream.stream_settings(client, uri))


def test_tls_and_proxy_settings_come_from_the_configuration(
    make_client, stream, config, tmp_path
):
    config.proxy = "http://proxy.local:3128"
    config.proxy_username, config.proxy_password = "user", "p@ss"
    client = make_client(client_id="cid", client_secret="csecret")
    settings = stream.stream_settings(client, "wss://streaming.example/channels/x")
    assert settings.proxy == "http://user:p%40ss@proxy.local:3128"
    assert settings.ssl_context is client.transport_options()["verify"]
    insecure = make_client(client_id="cid", client_secret="csecret", verify_ssl=False)
    import ssl

    assert (
        stream.stream_settings(insecure, "wss://h/x").ssl_context.verify_mode
        == ssl.CERT_NONE
    )


def test_async_socket_receives_and_detects_silence(
    make_client, rtpkg, stream, notifications
):
    client = make_client(client_id="cid", client_secret="csecret")
    created = _channel(client, rtpkg)
    settings = stream.stream_settings(
        client, created["connectUri"], heartbeat_interval=0.2, pong_timeout=0.2
    )

    async def main():
        socket = await stream.open_socket_async(settings)
        await asyncio.sleep(0.05)
        await asyncio.to_thread(
            notifications.publish, "v2.users.1.presence", {"n": 1}, 1
        )
        frame = await socket.receive()
        notifications.silence(notifications.live_sockets()[0])
        with pytest.raises(stream.SocketClosed, match="no heartbeat"):
            await socket.receive()
        await socket.close()
        return frame

    assert asyncio.run(main()).metadata["eventId"] == "1"


def test_backoff_grows_with_full_jitter_and_caps(stream):
    backoff = stream.Backoff(base=0.5, cap=4.0, seed=3)
    delays = [backoff.next_delay() for _ in range(8)]
    assert all(0.25 <= d <= 4.0 for d in delays)
    assert max(delays[5:]) > 2.0 and len(set(delays)) == 8
    backoff.reset()
    assert backoff.next_delay() <= 0.5


def test_websockets_is_imported_when_a_stream_opens_not_before(rtpkg):
    import json
    import subprocess
    import sys
    from pathlib import Path

    script = """
import json, sys
import rtpkg
channel_class = rtpkg.NotificationChannel
client = rtpkg.ApiClient("http://127.0.0.1:9", access_token="t")
channel = channel_class(client, ["v2.users.1.presence"])
before = "websockets" in sys.modules
from rtpkg import _stream
_stream.open_socket.__call__  # the module is loaded, the library still is not
after_module = "websockets" in sys.modules
try:
    _stream.open_socket(_stream.stream_settings(client, "ws://127.0.0.1:9/x"))
except _stream.StreamConnectError:
    pass
print(json.dumps([before, after_module, "websockets" in sys.modules]))
"""
    root = str(Path(rtpkg.__file__).resolve().parents[1])
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": root, "HOME": root},
    )
    assert json.loads(result.stdout) == [False, False, True]
