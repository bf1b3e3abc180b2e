"""One rate-limit state per client: a 429 suspends every call of the client, and afterwards the
pace follows the inin-ratelimit-* headers. Against the local server, sync (threads) and async
(tasks); the decisions themselves (RateLimitState) are tested with a fake clock."""

from __future__ import annotations

import asyncio
import threading

import pytest

from .fake_server import LimitedRoute

ALLOWED = 30  # requests per second the server advertises
WORKERS = 16
CALLS_PER_WORKER = 4
SLACK = 0.05  # requests already on the wire when the 429 was sent may still arrive


def _check_route(route: LimitedRoute) -> None:
    assert route.forced_at is not None
    during = [t for t in route.arrivals if route.forced_at + SLACK < t < route.forced_at + 2.0]
    assert during == [], f"{[round(t - route.forced_at, 3) for t in during]} reached the server during the 2 s"
    assert route.rejections == [], "429s after the first"
    assert route.busiest_window(after=route.forced_at + 2.0) <= ALLOWED


def test_sixteen_threads_stop_on_one_429_and_then_keep_the_advertised_rate(
    rtpkg, make_client, app
):
    route = LimitedRoute(ALLOWED, force_429_at=12)
    app.route("GET", "/api/v2/users/u1", route)
    client = make_client(access_token=app.issue()["access_token"])
    api = rtpkg.UsersApi(client)
    events = []
    client.events.subscribe(events.append, kinds=("rate_limit_hit", "rate_limit_lifted"))
    states = []
    client.events.subscribe(lambda e: states.append(e.state), kinds="state_changed")
    results = []

    def worker():
        for _ in range(CALLS_PER_WORKER):
            results.append(api.get_user("u1").id)

    threads = [threading.Thread(target=worker) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["u1"] * WORKERS * CALLS_PER_WORKER
    _check_route(route)
    assert [e.kind for e in events] == ["rate_limit_hit", "rate_limit_lifted"]
    assert events[0].wait == pytest.approx(2.0)
    assert rtpkg.ClientState.RATE_LIMITED in states
    assert client.state is rtpkg.ClientState.CONNECTED


def test_sixteen_tasks_stop_on_one_429_and_then_keep_the_advertised_rate(
    rtpkg, server, app, config
):
    route = LimitedRoute(ALLOWED, force_429_at=12)
    app.route("GET", "/api/v2/users/me", route)
    token = app.issue()["access_token"]

    async def scenario():
        async with rtpkg.AsyncApiClient(
            server.url, configuration=config, access_token=token
        ) as client:
            api = rtpkg.AsyncUsersApi(client)

            async def worker():
                return [(await api.get_users_me()).id for _ in range(CALLS_PER_WORKER)]

            return await asyncio.gather(*(worker() for _ in range(WORKERS)))

    results = asyncio.run(scenario())
    assert sum(results, []) == ["u1"] * WORKERS * CALLS_PER_WORKER
    _check_route(route)


def test_the_pace_follows_the_headers_without_any_429(rtpkg, make_client, app):
    route = LimitedRoute(20)
    app.route("GET", "/api/v2/users/u1", route)
    api = rtpkg.UsersApi(make_client(access_token=app.issue()["access_token"]))

    def worker():
        for _ in range(5):
            api.get_user("u1")

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # the first 8 go at once, then the headers set the pace and the window's budget
    assert route.rejections == []


def test_following_the_headers_can_be_switched_off(rtpkg, make_client, app):
    route = LimitedRoute(5)
    app.route("GET", "/api/v2/users/u1", route)
    client = make_client(
        access_token=app.issue()["access_token"], follow_rate_limit_headers=False
    )
    api = rtpkg.UsersApi(client)
    for _ in range(5):
        api.get_user("u1")
    assert client.rate_limit.interval == 0.0
    assert route.arrivals[-1] - route.arrivals[0] < 0.5  # not paced at 5/s


# the decisions, with a fake clock ------------------------------------------------------------


def test_a_429_suspends_every_ticket_and_then_releases_them_at_the_pace(rtpkg):
    from rtpkg._rate_limit import RateLimitState

    state = RateLimitState()
    headers = {"inin-ratelimit-allowed": "10", "inin-ratelimit-count": "0", "inin-ratelimit-reset": "1"}
    state.on_response(headers, now=0.0)
    assert state.interval == pytest.approx(0.1 / 0.97)
    first = state.acquire(None, now=0.0)
    second = state.acquire(None, now=0.0)
    assert first.wait == 0 and second.wait == pytest.approx(0.1 / 0.97)
    assert state.on_rate_limited(2.0, now=0.01) is True
    assert state.on_rate_limited(1.0, now=0.02) is False  # already suspended: no new hit
    again = state.acquire(second, now=second.slot)  # the slot reserved before the 429 is void
    assert again.wait == pytest.approx(2.01 - second.slot)
    released = [state.acquire(None, now=2.01) for _ in range(3)]
    assert released[0].wait == 0 and released[0].lifted
    assert [round(t.wait, 3) for t in released[1:]] == [round(0.1 / 0.97, 3), round(0.2 / 0.97, 3)]


def test_without_headers_one_probe_goes_first_after_a_suspension(rtpkg):
    from rtpkg._rate_limit import RateLimitState

    state = RateLimitState()
    assert state.acquire(None, now=0.0).wait == 0  # no pace known: no wait at all
    state.on_rate_limited(1.0, now=0.0)
    probe = state.acquire(None, now=1.0)
    held = state.acquire(None, now=1.0)
    assert probe.wait == 0 and held.wait > 0  # the others wait for the probe's answer
    state.on_response({}, now=1.1)
    assert state.acquire(None, now=1.1).wait == 0


def test_a_spent_window_holds_calls_until_its_reset(rtpkg):
    from rtpkg._rate_limit import RateLimitState

    state = RateLimitState()
    state.on_response(
        {"inin-ratelimit-allowed": "10", "inin-ratelimit-count": "10", "inin-ratelimit-reset": "0.5"},
        now=0.0,
    )
    assert state.acquire(None, now=0.0).wait == pytest.approx(0.5)
