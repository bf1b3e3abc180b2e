"""Retries, rate limiting, timeouts and dropped connections, against the local server."""

from __future__ import annotations

import itertools
import socket
import time

import pytest

from .fake_server import Reply


@pytest.fixture
def api(rtpkg, make_client, app):
    token = app.issue()["access_token"]
    return rtpkg.UsersApi(make_client(access_token=token))


def _sequence(*replies: Reply):
    """A handler answering with each reply in turn, then repeating the last."""
    queue = itertools.chain(replies, itertools.repeat(replies[-1]))
    return lambda request: next(queue)


USER = Reply(json={"id": "u1", "name": "One"})


def test_429_storm_waits_what_the_server_says(api, app):
    app.route(
        "GET",
        "/api/v2/users/u1",
        _sequence(
            Reply(429, {"message": "slow down"}, headers={"Retry-After": "0.2"}),
            Reply(
                429, {"message": "slow down"}, headers={"inin-ratelimit-reset": "0.2"}
            ),
            Reply(429, {"message": "slow down"}, headers={"Retry-After": "0"}),
            USER,
        ),
    )
    started = time.monotonic()
    assert api.get_user("u1").name == "One"
    assert time.monotonic() - started >= 0.4
    assert len(app.calls("GET", "/api/v2/users/u1")) == 4


def test_429_is_retried_for_post_too(rtpkg, api, app):
    app.route(
        "POST",
        "/api/v2/users",
        _sequence(Reply(429, headers={"Retry-After": "0"}), USER),
    )
    assert api.post_users(rtpkg.CreateUser(name="One")).id == "u1"
    assert len(app.calls("POST", "/api/v2/users")) == 2


def test_endless_429_raises_rate_limit_error_after_its_budget(rtpkg, api, app):
    app.route(
        "GET",
        "/api/v2/users/u1",
        _sequence(Reply(429, {"message": "no"}, headers={"Retry-After": "0.01"})),
    )
    with pytest.raises(rtpkg.RateLimitError) as caught:
        api.get_user(
            "u1", request_options=rtpkg.RequestOptions(max_rate_limit_retries=3)
        )
    assert caught.value.retry_after == pytest.approx(0.01)
    assert len(app.calls("GET", "/api/v2/users/u1")) == 4


@pytest.mark.parametrize("status", [408, 500, 502, 503, 504])
def test_5xx_burst_is_retried_for_get(api, app, status):
    app.route("GET", "/api/v2/users/u1", _sequence(Reply(status), Reply(status), USER))
    assert api.get_user("u1").id == "u1"
    assert len(app.calls("GET", "/api/v2/users/u1")) == 3


def test_5xx_gives_up_after_max_retries_with_server_error(rtpkg, api, app):
    app.route(
        "GET",
        "/api/v2/users/u1",
        _sequence(
            Reply(500, {"message": "boom"}, headers={"ININ-Correlation-Id": "c-5"})
        ),
    )
    with pytest.raises(rtpkg.ServerError) as caught:
        api.get_user("u1")
    assert caught.value.status == 500 and caught.value.correlation_id == "c-5"
    assert len(app.calls("GET", "/api/v2/users/u1")) == 4  # 1 + max_retries (3)


def test_post_is_not_repeated_after_500(rtpkg, api, app):
    app.route("POST", "/api/v2/users", _sequence(Reply(500), USER))
    with pytest.raises(rtpkg.ServerError):
        api.post_users({"name": "x"})
    assert len(app.calls("POST", "/api/v2/users")) == 1


def test_post_is_retried_after_503(api, app):
    app.route("POST", "/api/v2/users", _sequence(Reply(503), USER))
    assert api.post_users({"name": "x"}).id == "u1"


def test_dropped_connection_is_retried_for_get_only(rtpkg, api, app):
    app.route("GET", "/api/v2/users/u1", _sequence(Reply(drop=True), USER))
    assert api.get_user("u1").id == "u1"
    app.route("POST", "/api/v2/users", _sequence(Reply(drop=True), USER))
    with pytest.raises(rtpkg.ApiConnectionError):
        api.post_users({"name": "x"})
    assert len(app.calls("POST", "/api/v2/users")) == 1


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_connection_refused_is_retried_even_for_post_then_raises(rtpkg, config):
    client = rtpkg.ApiClient(
        f"http://127.0.0.1:{_closed_port()}", configuration=config, access_token="t"
    )
    with client, pytest.raises(rtpkg.ApiConnectionError) as caught:
        rtpkg.UsersApi(client).post_users({"name": "x"})
    assert not isinstance(caught.value, rtpkg.ApiTimeoutError)
    assert caught.value.status is None and "ConnectError" in str(caught.value)
    assert isinstance(caught.value, rtpkg.ApiException)


def test_slow_response_times_out_per_attempt(rtpkg, api, app):
    app.route(
        "GET", "/api/v2/users/u1", _sequence(Reply(json={"id": "slow"}, delay=0.5))
    )
    with pytest.raises(rtpkg.ApiTimeoutError):
        api.get_user(
            "u1",
            request_options=rtpkg.RequestOptions(attempt_timeout=0.1, max_retries=1),
        )
    assert (
        len(app.calls("GET", "/api/v2/users/u1")) == 2
    )  # a GET read timeout is retried once
    assert (
        api.get_user("u1", request_options=rtpkg.RequestOptions(timeout=2)).id == "slow"
    )


def test_slow_response_then_fast_succeeds_after_retry(rtpkg, api, app):
    app.route(
        "GET",
        "/api/v2/users/u1",
        _sequence(Reply(json={"id": "late"}, delay=0.4), USER),
    )
    assert (
        api.get_user("u1", request_options=rtpkg.RequestOptions(attempt_timeout=0.15)).id
        == "u1"
    )


def test_total_retry_time_is_bounded(rtpkg, make_client, app):
    app.route(
        "GET", "/api/v2/users/u1", _sequence(Reply(503, headers={"Retry-After": "0.3"}))
    )
    client = make_client(
        access_token=app.issue()["access_token"], max_retries=10, max_retry_time=0.5
    )
    started = time.monotonic()
    with pytest.raises(rtpkg.ServerError):
        rtpkg.UsersApi(client).get_user("u1")
    assert time.monotonic() - started < 1.0
    assert len(app.calls("GET", "/api/v2/users/u1")) == 2


def test_retries_can_be_switched_off_per_request(rtpkg, api, app):
    app.route("GET", "/api/v2/users/u1", _sequence(Reply(502), USER))
    with pytest.raises(rtpkg.ServerError):
        api.get_user("u1", request_options=rtpkg.RequestOptions(max_retries=0))


def test_attempts_are_reported_in_extended_response(rtpkg, api, app):
    app.route("GET", "/api/v2/users/u1", _sequence(Reply(500), USER))
    response = api.get_user(
        "u1", request_options=rtpkg.RequestOptions(extended_response=True)
    )
    assert response.attempts == 2 and response.data.id == "u1"


def test_client_side_rate_limit_caps_request_rate(rtpkg, make_client, app):
    client = make_client(
        access_token=app.issue()["access_token"], max_requests_per_second=20
    )
    api = rtpkg.UsersApi(client)
    started = time.monotonic()
    for _ in range(11):
        api.get_users_me()
    assert time.monotonic() - started >= 0.45  # 10 intervals of 50 ms after the first


def test_async_client_retries_429_and_5xx(rtpkg, server, app, config):
    import asyncio

    app.route(
        "GET",
        "/api/v2/users/me",
        _sequence(Reply(429, headers={"Retry-After": "0"}), Reply(502), USER),
    )

    async def scenario():
        async with rtpkg.AsyncApiClient(
            server.url, configuration=config, access_token="t"
        ) as client:
            return await rtpkg.AsyncUsersApi(client).get_users_me()

    assert asyncio.run(scenario()).id == "u1"
    assert len(app.calls("GET", "/api/v2/users/me")) == 3


def test_429_storm_across_threads_loses_no_request(rtpkg, api, app):
    import threading

    budget = {"rejections": 40}
    lock = threading.Lock()

    def limited(request):
        with lock:
            if budget["rejections"] > 0:
                budget["rejections"] -= 1
                return Reply(
                    429,
                    {"message": "rate limited"},
                    headers={"inin-ratelimit-reset": "0.05"},
                )
        return USER

    app.route("GET", "/api/v2/users/u1", limited)
    results = []

    def worker():
        for _ in range(5):
            results.append(api.get_user("u1").id)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["u1"] * 40
    assert len(app.calls("GET", "/api/v2/users/u1")) == 80
