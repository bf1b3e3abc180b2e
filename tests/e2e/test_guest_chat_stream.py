"""GuestChatSession's stream behaviour without Prism (fast): the REST calls answered in process
by an httpx mock transport, the stream by the local websockets server. A silent socket, giving
up after failed reconnects, close from another thread, a failing history call, listeners and
the client's event bus."""

from __future__ import annotations

import asyncio
import importlib
import json
import sys
import threading
import time

from types import SimpleNamespace

import httpx
import pytest
from guest_stream_server import GuestStreamServer
from targets import TARGETS

PACKAGE = "guest_chat_stream_sdk"
FAST = {"heartbeat_interval": 0.2, "pong_timeout": 0.3, "reconnect_backoff": (0.01, 0.02)}


@pytest.fixture(scope="module")
def sdk(tmp_path_factory):
    from generator.pipeline import render_to_dir

    _project, _package, spec_file = TARGETS["guest-chat"]
    out = tmp_path_factory.mktemp("guest-stream-sdk") / "project"
    render_to_dir(str(spec_file), out, PACKAGE, schema_validation=False)
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


@pytest.fixture
def stream():
    with GuestStreamServer("conv-9", heartbeat_interval=0.1) as server:
        yield server


class Api:
    """The four Guest Chat operations, in process; ``history_status`` breaks the history call."""

    def __init__(self, stream_uri: str) -> None:
        self.stream_uri = stream_uri
        self.requests: list[httpx.Request] = []
        self.history_status = 200

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        if path == "/api/v2/webchat/guest/conversations":
            return httpx.Response(200, json={"id": "conv-9", "jwt": "j.w.t", "eventStreamUri": self.stream_uri,
                                             "member": {"id": "guest-9", "role": "CUSTOMER"}})
        if path.endswith("/messages") and request.method == "GET":
            return httpx.Response(self.history_status, json={"entities": []})
        if path.endswith("/messages"):
            body = json.loads(request.content)
            return httpx.Response(200, json={"id": "sent-1", "body": body["body"], "bodyType": body.get("bodyType")})
        if path.endswith("/typing"):
            return httpx.Response(200, json={"id": "typing-1"})
        return httpx.Response(404, json={"message": path})


def start(sdk, stream, **options):
    api = Api(stream.uri)
    client = sdk.ApiClient(host="https://api.example.test", transport=httpx.MockTransport(api))
    seen = []
    client.events.subscribe(lambda event: seen.append(SimpleNamespace(**event.data)), kinds="guest_chat_state")
    session = sdk.GuestChatSession.start({"organizationId": "o", "deploymentId": "d",
                                          "routingTarget": {"targetType": "QUEUE", "targetAddress": "q"},
                                          "memberInfo": {"displayName": "g"}}, client, **{**FAST, **options})
    return session, api, seen


def test_only_guest_chat_sdks_have_it(sdk):
    assert sdk.GuestChatSession is sdk.guest_chat.GuestChatSession
    assert not hasattr(sdk, "topics")  # no notification schemas, no availabletopics file


def test_start_sets_the_jwt_and_sends_through_the_api(sdk, stream):
    session, api, _ = start(sdk, stream)
    with session:
        assert session.send_message("hi").body == "hi"
        session.send_typing()
        start_request, message, typing = api.requests
        assert "authorization" not in start_request.headers  # starting needs no token
        assert json.loads(message.content) == {"body": "hi", "bodyType": "standard"}
        assert message.headers["authorization"].endswith("j.w.t") and typing.headers["authorization"].endswith("j.w.t")
        assert message.url.path == "/api/v2/webchat/guest/conversations/conv-9/members/guest-9/messages"


def test_start_takes_the_request_model(sdk, stream):
    models = sdk.models
    body = models.CreateWebChatConversationRequest(
        organization_id="o",
        deployment_id="d",
        routing_target=models.WebChatRoutingTarget(target_type="QUEUE", target_address="q"),
        member_info=models.GuestMemberInfo(display_name="g"),
    )
    api = Api(stream.uri)
    client = sdk.ApiClient(host="https://api.example.test", transport=httpx.MockTransport(api))
    with sdk.GuestChatSession.start(body, client, **FAST) as session:
        assert session.member_id == "guest-9" and session.client is client
    sent = json.loads(api.requests[0].content)
    assert sent["routingTarget"] == {"targetType": "QUEUE", "targetAddress": "q"}
    assert sent["memberInfo"]["displayName"] == "g"


def test_a_silent_socket_is_replaced(sdk, stream):
    session, _, bus = start(sdk, stream)
    with session:
        stream.wait_for_connections(1)
        stream.silent = True  # TCP stays open; no heartbeat, no pong
        events = []
        reader = threading.Thread(target=lambda: events.extend([next(session)]), daemon=True)
        reader.start()
        time.sleep(0.9)  # quiet_after (0.2 * 7/6) + pong_timeout (0.3), with margin
        stream.silent = False
        stream.wait_for_connections(2)
        stream.message("after the silence", message_id="s-1")
        reader.join(5)
        assert [e.data.id for e in events] == ["s-1"]
        assert stream.pings >= 1
    states = [(e.state, e.reason) for e in bus]
    assert any(s == "reconnecting" and "no heartbeat or pong" in r for s, r in states)
    assert states[-1][0] == "closed"


def test_gives_up_after_failed_reconnects(sdk):
    stream = GuestStreamServer("conv-9", heartbeat_interval=0.1).start()
    session, _, bus = start(sdk, stream, max_reconnect_attempts=3)
    stream.wait_for_connections(1)
    stream.drop()
    stream.stop()  # nothing listens any more
    with pytest.raises(sdk.guest_chat.StreamConnectError, match="after 3 attempt"):
        next(session)
    assert session.state == "closed" and bus[-1].reason == "3 reconnect attempt(s) failed"
    with pytest.raises(StopIteration):
        next(session)


def test_close_cuts_a_reconnect_backoff_short(sdk):
    stream = GuestStreamServer("conv-9", heartbeat_interval=0.1).start()
    session, _, _ = start(sdk, stream, reconnect_backoff=(30.0, 30.0), max_reconnect_attempts=100)
    stream.wait_for_connections(1)
    stream.drop()
    stream.stop()  # every reconnect fails, then waits 15-30 s
    threading.Timer(0.5, session.close).start()
    started = time.monotonic()
    assert list(session) == []
    assert time.monotonic() - started < 5

    async def main():
        stream = GuestStreamServer("conv-9", heartbeat_interval=0.1).start()
        api = Api(stream.uri)
        async with sdk.AsyncApiClient(host="https://api.example.test", transport=httpx.MockTransport(api)) as client:
            session = await sdk.AsyncGuestChatSession.start(
                {"organizationId": "o", "deploymentId": "d", "routingTarget": {"targetType": "QUEUE", "targetAddress": "q"},
                 "memberInfo": {"displayName": "g"}}, client, **{**FAST, "reconnect_backoff": (30.0, 30.0)})
            await asyncio.to_thread(stream.wait_for_connections, 1)
            await asyncio.to_thread(stream.drop)
            await asyncio.to_thread(stream.stop)
            asyncio.get_running_loop().call_later(0.5, lambda: asyncio.ensure_future(session.close()))
            started = time.monotonic()
            assert [event async for event in session] == []
            return time.monotonic() - started

    assert asyncio.run(main()) < 5


def test_close_from_another_thread_ends_iteration(sdk, stream):
    session, _, _ = start(sdk, stream)
    threading.Timer(0.3, session.close).start()
    assert list(session) == []
    assert session.state == "closed"


def test_a_failing_history_call_does_not_stop_the_stream(sdk, stream, caplog):
    session, api, _ = start(sdk, stream)
    api.history_status = 500
    with session:
        connections = len(stream.paths)
        stream.drop()
        result = []
        reader = threading.Thread(target=lambda: result.append(next(session)), daemon=True)
        reader.start()
        stream.wait_for_connections(connections + 1)
        stream.message("still here", message_id="h-1")
        reader.join(5)
        assert result[0].data.id == "h-1"
    assert "missed messages not fetched" in caplog.text


def test_a_raising_listener_breaks_nothing(sdk, stream):
    session, _, _ = start(sdk, stream)

    @session.on_event
    def broken(change):
        raise RuntimeError("listener bug")

    with session:
        stream.wait_for_connections(1)
        stream.member_change("agent-1", "ALERTING")
        event = next(session)
        assert event.kind == "member" and event.data.state == "ALERTING"


def test_member_change_without_a_member_keeps_the_body(sdk, stream):
    session, _, _ = start(sdk, stream)
    with session:
        stream.wait_for_connections(1)
        stream._write("members", "member-change", {"conversation": {"id": "conv-9"}})
        stream._write("messages", "future-type", {"x": 1})
        member, other = next(session), next(session)
        assert member.kind == "member" and member.data == {"conversation": {"id": "conv-9"}}
        assert (other.kind, other.type, other.data) == ("other", "future-type", {"x": 1})


def test_async_silent_socket_and_close(sdk, stream):
    async def main():
        api = Api(stream.uri)
        async with sdk.AsyncApiClient(host="https://api.example.test", transport=httpx.MockTransport(api)) as client:
            session = await sdk.AsyncGuestChatSession.start(
                {"organizationId": "o", "deploymentId": "d", "routingTarget": {"targetType": "QUEUE", "targetAddress": "q"},
                 "memberInfo": {"displayName": "g"}}, client, **FAST)
            states = []
            session.on_event(lambda change: states.append(change.state))
            await asyncio.to_thread(stream.wait_for_connections, 1)
            stream.silent = True
            reader = asyncio.ensure_future(session.__anext__())
            await asyncio.sleep(0.9)
            stream.silent = False
            await asyncio.to_thread(stream.wait_for_connections, 2)
            await asyncio.to_thread(stream.message, "async after silence", "agent-1", "as-1")
            event = await asyncio.wait_for(reader, 5)
            assert (await session.send_typing()).id == "typing-1"
            await session.close()
            with pytest.raises(StopAsyncIteration):
                await session.__anext__()
            return event, states

    event, states = asyncio.run(main())
    assert event.data.id == "as-1"
    assert "reconnecting" in states and states[-1] == "closed"
