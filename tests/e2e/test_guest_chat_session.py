"""GuestChatSession end to end: the REST part against Prism (the Guest Chat spec, every request
validated), the event stream against a local `websockets` server (tests/e2e/guest_stream_server.py):
start, typed message / member-change / typing events, sending, duplicates, a bad frame, a drop
and a maintenance close with reconnects and the missed messages fetched, resume, sync and async.

Prism serves each response's ``examples`` entry: the start response's is this run's stream URI
and JWT, the messages listing's one "missed" message (what a reconnect recovers).
"""

from __future__ import annotations

import asyncio
import importlib
import json
import queue
import sys
import threading
import time
from pathlib import Path

import pytest
from guest_stream_server import GuestStreamServer
from prism import PrismServer, load_spec, prepare_spec
from targets import TARGETS

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

PACKAGE = "guest_chat_session_sdk"
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJndWVzdCJ9.c2lnbmF0dXJl"
START_BODY = {
    "organizationId": "12b1a3fe-7a80-4b50-45fs-df88c0f9efad",
    "deploymentId": "a3e316a7-ec8b-4fe9-5a49-dded9dcc097e",
    "routingTarget": {"targetType": "QUEUE", "targetAddress": "Chat Queue"},
    "memberInfo": {"displayName": "Python Guest", "customFields": {"firstName": "John"}},
}
MISSED = {
    "id": "missed-1",
    "conversation": {"id": "conv-1"},
    "sender": {"id": "agent-1", "role": "AGENT"},
    "body": "sent while you were away",
    "bodyType": "standard",
    "timestamp": "2026-12-02T09:59:00.000Z",
}


def _set_example(spec: dict, path: str, method: str, example: object) -> None:
    for status, response in spec["paths"][path][method]["responses"].items():
        if status.startswith("2") and "schema" in response:
            response["examples"] = {"application/json": example}


@pytest.fixture(scope="module")
def servers(prism_installed, tmp_path_factory):
    """(Prism URL, stream server) shared by the module's tests; the stream is reset per test."""
    _project, _package, spec_file = TARGETS["guest-chat"]
    work = tmp_path_factory.mktemp("guest-session")
    stream = GuestStreamServer("conv-1", heartbeat_interval=0.3).start()
    prepared = prepare_spec(load_spec(spec_file), None, work / "guest-chat.json")
    spec = json.loads(prepared.read_text())
    _set_example(spec, "/api/v2/webchat/guest/conversations", "post", {
        "id": "conv-1", "jwt": JWT, "eventStreamUri": stream.uri,
        "member": {"id": "guest-1", "role": "CUSTOMER", "displayName": "Python Guest"},
    })
    _set_example(spec, "/api/v2/webchat/guest/conversations/{conversationId}/messages", "get", {
        "entities": [MISSED], "previousPage": "", "next": "", "selfUri": "",
    })
    prepared.write_text(json.dumps(spec))
    with PrismServer(prepared) as prism:
        yield prism, stream
    stream.stop()


@pytest.fixture(scope="module")
def sdk(tmp_path_factory):
    from generator.pipeline import render_to_dir

    _project, _package, spec_file = TARGETS["guest-chat"]
    out = tmp_path_factory.mktemp("guest-sdk") / "project"
    render_to_dir(str(spec_file), out, PACKAGE, schema_validation=False)
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


FAST = {"heartbeat_interval": 0.3, "pong_timeout": 0.5, "reconnect_backoff": (0.01, 0.05)}


def _reader(session) -> tuple[queue.Queue, threading.Thread]:
    events: queue.Queue = queue.Queue()

    def read() -> None:
        try:
            for event in session:
                events.put(event)
        except Exception as error:  # noqa: BLE001 (the test sees it)
            events.put(error)
        events.put(None)

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return events, thread


def _take(events: queue.Queue, count: int, timeout: float = 10.0) -> list:
    taken = []
    deadline = time.monotonic() + timeout
    while len(taken) < count:
        item = events.get(timeout=max(0.01, deadline - time.monotonic()))
        assert not isinstance(item, Exception), item
        assert item is not None, f"the session ended after {taken}"
        taken.append(item)
    return taken


def _assert_nothing_more(events: queue.Queue, wait: float = 0.5) -> None:
    with pytest.raises(queue.Empty):
        item = events.get(timeout=wait)
        pytest.fail(f"unexpected {item}")


def test_session_sync(servers, sdk, caplog):
    prism, stream = servers
    connections = len(stream.paths)
    client = sdk.ApiClient(host=prism.url)
    states = []
    with caplog.at_level("DEBUG"):
        session = sdk.GuestChatSession.start(START_BODY, client, **FAST)
    session.on_event(lambda change: states.append((change.state, change.reason)))
    assert (session.conversation_id, session.member_id, session.jwt) == ("conv-1", "guest-1", JWT)
    assert session.saved() == {"jwt": JWT, "conversationId": "conv-1", "memberId": "guest-1",
                               "eventStreamUri": stream.uri}
    assert JWT not in caplog.text
    stream.wait_for_connections(connections + 1)
    events, reader = _reader(session)

    # sending goes through the API (Prism checks body and JWT header)
    sent = session.send_message("Hello from Python")
    assert type(sent).__name__ == "WebChatMessage"
    assert type(session.send_typing()).__name__ == "WebChatTyping"

    # typed events of each kind, in order
    stream.member_change("agent-1", "CONNECTED")
    stream.typing()
    first = stream.message("Hi, how can I help?")
    member, typing, message = _take(events, 3)
    assert (member.kind, member.type) == ("member", "member-change")
    assert type(member.data).__name__ == "WebChatMemberInfo" and member.data.state == "CONNECTED"
    assert (typing.kind, type(typing.data).__name__) == ("typing", "WebChatTyping")
    assert (message.kind, type(message.data).__name__) == ("message", "WebChatMessage")
    assert message.data.id == first and message.data.body == "Hi, how can I help?"
    assert message.topic == "v2.conversations.chats.conv-1.messages" and not message.recovered

    # the same message twice is delivered once; a bad frame and a misfit body never raise
    stream.message("once", message_id="dup-1")
    stream.message("once", message_id="dup-1")
    stream.raw("not json at all")
    stream._write("messages", "message", {"id": "bad-1", "sender": "not an object"})
    once, bad_frame, misfit = _take(events, 3)
    assert once.data.id == "dup-1"
    assert bad_frame.kind == "other" and bad_frame.decode_error
    assert misfit.kind == "message" and misfit.data["id"] == "bad-1" and "WebChatMessage" in misfit.decode_error

    # a drop: reconnect, then the missed messages (from the API), then the live stream again
    stream.drop()
    stream.wait_for_connections(connections + 2)
    (recovered,) = _take(events, 1)
    assert recovered.recovered and recovered.data.id == "missed-1"
    after = stream.message("after the drop")
    (live,) = _take(events, 1)
    assert live.data.id == after

    # a maintenance close: a new socket first, nothing doubled (the missed message is known)
    stream.socket_closing()
    stream.wait_for_connections(connections + 3)
    later = stream.message("after socket_closing")
    (live,) = _take(events, 1)
    assert live.data.id == later
    _assert_nothing_more(events)

    session.close()
    assert events.get(timeout=5) is None
    reader.join(5)
    assert [s for s, _ in states].count("reconnecting") == 2
    assert states[-1] == ("closed", "") and session.state == "closed"


def test_resume_from_saved(servers, sdk):
    prism, stream = servers
    client = sdk.ApiClient(host=prism.url)
    saved = {"jwt": JWT, "conversationId": "conv-1", "memberId": "guest-1", "eventStreamUri": stream.uri}
    with sdk.GuestChatSession.resume(saved, client, **FAST) as session:
        first = next(session)
        assert first.recovered and first.data.id == "missed-1"
        stream.message("welcome back", message_id="wb-1")
        assert next(session).data.id == "wb-1"
    with pytest.raises(ValueError, match="memberId"):
        sdk.GuestChatSession({"jwt": JWT, "conversationId": "c", "eventStreamUri": "ws://x"}, client)


def test_session_async(servers, sdk):
    prism, stream = servers

    async def main() -> list:
        async with sdk.AsyncApiClient(host=prism.url) as client:
            session = await sdk.AsyncGuestChatSession.start(START_BODY, client, **FAST)
            connections = len(stream.paths)
            received = []

            async def read() -> None:
                async for event in session:
                    received.append(event)

            reader = asyncio.create_task(read())
            assert type(await session.send_message("hi")).__name__ == "WebChatMessage"
            await asyncio.to_thread(stream.member_change, "agent-2", "CONNECTED")
            await asyncio.to_thread(stream.typing, "agent-2")
            await asyncio.to_thread(stream.message, "async hello", "agent-2", "am-1")
            await _until(lambda: len(received) >= 3)
            await asyncio.to_thread(stream.drop)
            await asyncio.to_thread(stream.wait_for_connections, connections + 1)
            await _until(lambda: len(received) >= 4)  # the recovered one
            await asyncio.to_thread(stream.message, "async after", "agent-2", "am-2")
            await _until(lambda: len(received) >= 5)
            await session.close()
            await asyncio.wait_for(reader, 5)
            return received

    received = asyncio.run(main())
    assert [e.kind for e in received] == ["member", "typing", "message", "message", "message"]
    assert [getattr(e.data, "id", None) for e in received[2:]] == ["am-1", "missed-1", "am-2"]
    assert received[3].recovered and not received[4].recovered


async def _until(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        await asyncio.sleep(0.02)


def test_readme_guest_chat_bot_runs(servers, sdk):
    """The guest chat bot of the README (docs/runtime.md, rendered for this SDK) against the
    same servers: it greets, echoes the agent, and ends when the agent leaves."""
    import os
    import re
    import subprocess

    prism, stream = servers
    project = Path(sdk.__file__).parents[1]
    blocks = re.findall(r"```python\n(.*?)```", (project / "README.md").read_text(), flags=re.DOTALL)
    (bot,) = [b for b in blocks if "GuestChatSession.start" in b]
    script = project / "guest_chat_bot.py"
    script.write_text(bot)
    connections = len(stream.paths)
    env = {**os.environ, "PYTHONPATH": str(project), "GENESYS_CLOUD_API_HOST": prism.url,
           "GENESYS_CLOUD_ORG_ID": START_BODY["organizationId"],
           "GENESYS_CLOUD_DEPLOYMENT_ID": START_BODY["deploymentId"], "HOME": str(project)}
    process = subprocess.Popen([sys.executable, str(script)], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        stream.wait_for_connections(connections + 1, timeout=30)
        stream.typing()
        stream.message("I need help with my order")
        line = process.stdout.readline()
        assert line == "agent: I need help with my order\n", line + process.stderr.read()
        stream.member_change("agent-1", "DISCONNECTED")
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert out == "the agent left\n"
