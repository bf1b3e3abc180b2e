"""run_bulk / arun_bulk: bounded concurrency, input order, every failure kept with its
correlation id, all through one client against a local server."""

from __future__ import annotations

import asyncio
import threading

import pytest

from .fake_server import Reply


class CreateUsers:
    """POST /api/v2/users: answers after a short delay, counting requests in flight; names
    starting with "bad" get a 400 carrying a correlation id of their own."""

    def __init__(self, app, delay=0.05):
        self.lock = threading.Lock()
        self.in_flight = self.most_in_flight = 0
        self.delay = delay
        app.route("POST", "/api/v2/users", self.handle)

    def handle(self, request):
        import time

        with self.lock:
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            time.sleep(self.delay)
            name = request.json()["name"]
            if name.startswith("bad"):
                return Reply(400, {"message": f"invalid {name}"}, headers={"ININ-Correlation-Id": f"corr-{name}"})
            return Reply(json={"id": f"id-{name}", "name": name})
        finally:
            with self.lock:
                self.in_flight -= 1


NAMES = ["u0", "bad1", "u2", "u3", "bad4", "u5", "u6", "u7", "u8", "bad9", "u10", "u11"]


def test_order_bound_and_errors_with_correlation_ids(rtpkg, make_client, app):
    server_side = CreateUsers(app)
    api = rtpkg.UsersApi(make_client(access_token=app.issue()["access_token"]))
    results = rtpkg.run_bulk(lambda name: api.post_users({"name": name}), NAMES, concurrency=3)
    assert [r.item for r in results] == NAMES
    assert [r.ok for r in results] == [not n.startswith("bad") for n in NAMES]
    assert [r.value.id for r in results if r.ok] == [f"id-{n}" for n in NAMES if not n.startswith("bad")]
    failed = [r for r in results if not r.ok]
    assert all(isinstance(r.error, rtpkg.BadRequestError) for r in failed)
    assert [r.correlation_id for r in failed] == ["corr-bad1", "corr-bad4", "corr-bad9"]
    assert len(app.calls("POST", "/api/v2/users")) == len(NAMES)  # nothing stopped at a failure
    assert server_side.most_in_flight == 3


def test_extended_responses_carry_their_correlation_id(rtpkg, make_client, app):
    app.route("GET", "/api/v2/widgets/w", lambda r: Reply(json={}, headers={"ININ-Correlation-Id": "corr-ok"}))
    client = make_client(access_token=app.issue()["access_token"])
    results = rtpkg.run_bulk(lambda path: client.request("GET", path, extended_response=True), ["/api/v2/widgets/w"])
    assert results[0].ok and results[0].correlation_id == "corr-ok"


def test_errors_other_than_api_errors_are_kept_too(rtpkg):
    def operation(n):
        if n == 2:
            raise KeyError(n)
        return n * 10

    results = rtpkg.run_bulk(operation, iter(range(5)), concurrency=2)
    assert [r.value for r in results] == [0, 10, None, 30, 40]
    assert isinstance(results[2].error, KeyError) and results[2].correlation_id is None
    assert rtpkg.run_bulk(operation, []) == []
    with pytest.raises(ValueError, match="concurrency"):
        rtpkg.run_bulk(operation, [1], concurrency=0)


def test_async_order_bound_and_errors(rtpkg, server, app, config):
    server_side = CreateUsers(app)

    async def scenario():
        async with rtpkg.AsyncApiClient(server.url, configuration=config, access_token=app.issue()["access_token"]) as client:
            api = rtpkg.AsyncUsersApi(client)
            return await rtpkg.arun_bulk(lambda name: api.post_users({"name": name}), NAMES, concurrency=4)

    results = asyncio.run(scenario())
    assert [r.item for r in results] == NAMES
    assert [r.correlation_id for r in results if not r.ok] == ["corr-bad1", "corr-bad4", "corr-bad9"]
    assert [r.value.name for r in results if r.ok] == [n for n in NAMES if not n.startswith("bad")]
    assert server_side.most_in_flight == 4


def test_a_rate_limited_batch_loses_nothing(rtpkg, make_client, app):
    """A 429 in the middle of the batch: the client waits and retries; every item succeeds."""
    CreateUsers(app, delay=0.0)
    handler = app.routes[("POST", "/api/v2/users")]
    hits = {"n": 0}

    def limited(request):
        hits["n"] += 1
        if hits["n"] == 3:
            return Reply(429, {"message": "slow down"}, headers={"Retry-After": "0.2"})
        return handler(request)

    app.route("POST", "/api/v2/users", limited)
    api = rtpkg.UsersApi(make_client(access_token=app.issue()["access_token"]))
    names = [f"u{i}" for i in range(10)]
    results = rtpkg.run_bulk(lambda name: api.post_users({"name": name}), names, concurrency=4)
    assert all(r.ok for r in results) and [r.value.name for r in results] == names
    assert len(app.calls("POST", "/api/v2/users")) == 11
