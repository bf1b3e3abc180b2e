"""Client states and events, hooks that raise, closed clients, attempt counts; sync and async,
against the local server."""

from __future__ import annotations

import asyncio
import itertools
import logging
import threading

import pytest

from .fake_server import CLIENT_ID, CLIENT_SECRET, Reply

USER = Reply(json={"id": "u1", "name": "One"})


def _sequence(*replies: Reply):
    queue = itertools.chain(replies, itertools.repeat(replies[-1]))
    return lambda request: next(queue)


def test_states_and_call_events_of_a_sync_client(rtpkg, make_client, app):
    app.route("GET", "/api/v2/users/u1", _sequence(Reply(503), USER))
    client = make_client(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    assert client.state is rtpkg.ClientState.IDLE and client.state == "idle"
    events = []
    client.events.subscribe(events.append)
    assert rtpkg.UsersApi(client).get_user("u1").id == "u1"
    assert client.state is rtpkg.ClientState.CONNECTED
    kinds = [e.kind for e in events]
    assert kinds[0] == "state_changed" and events[0].state is rtpkg.ClientState.CONNECTING
    assert "token_obtained" in kinds
    calls = [(e.kind, e.operation_id, e.attempt) for e in events if e.kind.startswith("call_")]
    assert calls == [
        ("call_started", "oauthToken", 1),
        ("call_finished", "oauthToken", 1),
        ("call_started", "getUser", 1),
        ("call_retried", "getUser", 1),
        ("call_started", "getUser", 2),
        ("call_finished", "getUser", 2),
    ]
    retried = next(e for e in events if e.kind == "call_retried")
    assert retried.status == 503 and retried.wait is not None and retried.wait >= 0
    finished = events[-1]
    assert finished.status == 200 and finished.elapsed >= 0
    client.close()
    assert client.state is rtpkg.ClientState.CLOSED
    assert events[-1].kind == "state_changed" and events[-1].previous_state == "connected"


def test_subscribe_to_chosen_kinds_and_unsubscribe(rtpkg, make_client, app):
    client = make_client(access_token=app.issue()["access_token"])
    seen = []
    subscription = client.events.subscribe(seen.append, kinds="call_finished")
    api = rtpkg.UsersApi(client)
    api.get_users_me()
    subscription.unsubscribe()
    api.get_users_me()
    assert [e.kind for e in seen] == ["call_finished"]
    assert not client.events.active


def test_async_subscriber_on_an_async_client(rtpkg, server, app, config):
    token = app.issue()["access_token"]

    async def scenario():
        seen = []

        async def record(event):
            await asyncio.sleep(0)
            seen.append(event.kind)

        async with rtpkg.AsyncApiClient(
            server.url, configuration=config, access_token=token
        ) as client:
            client.events.subscribe(record, kinds=["call_started", "call_finished"])
            await rtpkg.AsyncUsersApi(client).get_users_me()
            await asyncio.sleep(0.01)  # the callbacks are tasks: let them run
            assert client.state is rtpkg.ClientState.CONNECTED
        return seen, client.state

    seen, state = asyncio.run(scenario())
    assert seen == ["call_started", "call_finished"]
    assert state is rtpkg.ClientState.CLOSED


def test_async_subscriber_of_a_sync_client_runs_on_its_loop(rtpkg, make_client, app):
    client = make_client(access_token=app.issue()["access_token"])
    seen = []

    async def scenario():
        done = asyncio.Event()

        async def record(event):
            seen.append(event.kind)
            done.set()

        client.events.subscribe(record, kinds="call_finished")
        # the sync call runs in a worker thread; its event comes back to this loop
        await asyncio.to_thread(rtpkg.UsersApi(client).get_users_me)
        await asyncio.wait_for(done.wait(), 2)

    asyncio.run(scenario())
    assert seen == ["call_finished"]


def test_a_call_on_a_closed_client_raises_before_sending(rtpkg, make_client, app, server, config):
    client = make_client(access_token=app.issue()["access_token"])
    client.close()
    with pytest.raises(rtpkg.ClientClosedError) as caught:
        rtpkg.UsersApi(client).get_users_me()
    assert isinstance(caught.value, rtpkg.ApiException)
    assert app.calls("GET", "/api/v2/users/me") == []

    async def scenario():
        client = rtpkg.AsyncApiClient(server.url, configuration=config, access_token="t")
        await client.aclose()
        await rtpkg.AsyncUsersApi(client).get_users_me()

    with pytest.raises(rtpkg.ClientClosedError):
        asyncio.run(scenario())
    assert app.calls("GET", "/api/v2/users/me") == []


def test_closing_the_default_client_gives_a_new_one(rtpkg):
    first = rtpkg.get_default_api_client()
    first.close()
    second = rtpkg.get_default_api_client()
    assert second is not first and second.state is rtpkg.ClientState.IDLE


@pytest.mark.parametrize("where", ["request_hook", "response_hook", "subscriber"])
def test_a_raising_observer_is_logged_and_the_call_succeeds(rtpkg, make_client, app, caplog, where):
    app.route("POST", "/api/v2/users", lambda request: Reply(json={"id": "new"}))
    client = make_client(access_token=app.issue()["access_token"])

    def broken(event):
        raise RuntimeError("observer bug")

    if where == "subscriber":
        client.events.subscribe(broken)
    else:
        getattr(client, where + "s").append(broken)
    with caplog.at_level(logging.ERROR, logger="rtpkg"):
        created = rtpkg.UsersApi(client).post_users({"name": "x"})
    assert created.id == "new"  # the POST the server answered is not turned into a failure
    assert len(app.calls("POST", "/api/v2/users")) == 1  # and not repeated
    assert any("observer bug" in (r.exc_text or "") or r.exc_info for r in caplog.records)


def test_hook_attempts_are_counted_from_one_without_gaps(rtpkg, make_client, app):
    app.route("GET", "/api/v2/users/u1", _sequence(Reply(500), Reply(502), USER))
    client = make_client(access_token=app.issue()["access_token"])
    responses = []
    client.response_hooks.append(responses.append)
    response = rtpkg.UsersApi(client).get_user(
        "u1", request_options=rtpkg.RequestOptions(extended_response=True)
    )
    assert [(e.attempt, e.status, e.will_retry) for e in responses] == [
        (1, 500, True),
        (2, 502, True),
        (3, 200, False),
    ]
    assert response.attempts == 3


def test_attempts_count_the_retry_after_reauthentication(rtpkg, make_client, app):
    client, _ = make_client().get_code_authorization_token(
        CLIENT_ID, CLIENT_SECRET, "the-code", "https://app/cb"
    )
    app.expire_all_tokens()
    responses = []
    client.response_hooks.append(responses.append)
    response = rtpkg.UsersApi(client).get_users_me(
        request_options=rtpkg.RequestOptions(extended_response=True)
    )
    assert response.attempts == 2
    me = [(e.attempt, e.status) for e in responses if e.operation_id == "getUsersMe"]
    assert me == [(1, 401), (2, 200)]


def test_token_events_obtained_renewed_failed(rtpkg, make_client, app):
    client = make_client(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    kinds = []
    client.events.subscribe(
        lambda e: kinds.append(e.kind), kinds=("token_obtained", "token_renewed", "token_failed")
    )
    api = rtpkg.UsersApi(client)
    api.get_users_me()
    app.expire_all_tokens()
    api.get_users_me()
    client.tokens.state.client_secret = "wrong"
    app.expire_all_tokens()
    with pytest.raises(rtpkg.UnauthorizedError):
        api.get_users_me()
    assert kinds == ["token_obtained", "token_renewed", "token_failed"]


def test_cancelling_the_renewing_task_does_not_cancel_its_waiters(rtpkg, server, app, config):
    async def scenario():
        async with rtpkg.AsyncApiClient(server.url, configuration=config) as client:
            await client.get_code_authorization_token(
                CLIENT_ID, CLIENT_SECRET, "the-code", "https://app/cb"
            )
            app.expire_all_tokens()
            app.token_delay = 0.3
            api = rtpkg.AsyncUsersApi(client)
            renewer = asyncio.ensure_future(api.get_users_me())
            await asyncio.sleep(0.1)  # the renewer is waiting for the token endpoint
            waiters = [asyncio.ensure_future(api.get_users_me()) for _ in range(4)]
            await asyncio.sleep(0.05)
            renewer.cancel()
            results = await asyncio.gather(*waiters, return_exceptions=True)
            return renewer, results

    renewer, results = asyncio.run(scenario())
    assert renewer.cancelled()
    assert [getattr(r, "id", r) for r in results] == ["me"] * 4
    refreshes = [
        r for r in app.calls("POST", "/oauth/token") if r.form()["grant_type"] == "refresh_token"
    ]
    assert len(refreshes) == 1


def test_one_async_client_across_two_event_loops(rtpkg, server, app, config):
    client = rtpkg.AsyncApiClient(
        server.url, configuration=config, access_token=app.issue()["access_token"]
    )
    api = rtpkg.AsyncUsersApi(client)
    assert asyncio.run(api.get_users_me()).id == "me"
    assert asyncio.run(api.get_users_me()).id == "me"  # new connections on the new loop
    asyncio.run(client.aclose())


def test_an_async_client_used_from_another_live_loop_raises_before_sending(
    rtpkg, server, app, config
):
    client = rtpkg.AsyncApiClient(
        server.url, configuration=config, access_token=app.issue()["access_token"]
    )
    api = rtpkg.AsyncUsersApi(client)
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(api.get_users_me())
        sent = len(app.calls("GET", "/api/v2/users/me"))
        errors = []

        def other_thread():
            try:
                asyncio.run(api.get_users_me())
            except rtpkg.ClientLoopError as error:
                errors.append(error)

        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
        assert len(errors) == 1 and "event loop" in str(errors[0])
        assert len(app.calls("GET", "/api/v2/users/me")) == sent
        loop.run_until_complete(client.aclose())
    finally:
        loop.close()
