"""The pure retry functions (no server)."""

from __future__ import annotations

import time
from email.utils import formatdate

import pytest


@pytest.fixture
def retry(rtpkg):
    from rtpkg import _retry

    return _retry


def test_retry_after_forms(retry):
    assert retry.server_requested_delay({"retry-after": "3"}) == 3
    assert retry.server_requested_delay({"retry-after-ms": "250"}) == 0.25
    assert retry.server_requested_delay({"inin-ratelimit-reset": "7"}) == 7
    now = time.time()
    assert retry.server_requested_delay(
        {"retry-after": formatdate(now + 10, usegmt=True)}, now=now
    ) == pytest.approx(10, abs=1)
    assert retry.server_requested_delay({"retry-after": "soon"}) is None
    assert retry.server_requested_delay({}) is None


def test_backoff_grows_exponentially_is_capped_and_jittered(retry):
    policy = retry.RetryPolicy(backoff_base=0.5, backoff_max=4.0, jitter=0.25)
    assert [retry.backoff_delay(policy, n, rand=0.0) for n in range(5)] == [
        0.5,
        1.0,
        2.0,
        4.0,
        4.0,
    ]
    assert retry.backoff_delay(policy, 1, rand=1.0) == 0.75


def test_unsafe_methods_only_retry_what_the_server_did_not_process(retry):
    policy = retry.RetryPolicy(backoff_base=0.0)

    def delay(method, status):
        return retry.retry_delay_for_status(
            policy, retry.RetryState(time.monotonic()), method, status, {}
        )

    assert (
        delay("POST", 500) is None
        and delay("PATCH", 502) is None
        and delay("POST", 408) is None
    )
    assert delay("POST", 429) is not None and delay("POST", 503) is not None
    assert (
        delay("GET", 500) is not None
        and delay("PUT", 504) is not None
        and delay("DELETE", 408) is not None
    )
    assert delay("GET", 400) is None and delay("GET", 404) is None
    state = retry.RetryState(time.monotonic())
    assert (
        retry.retry_delay_for_transport_error(policy, state, "POST", retry.MAYBE_SENT)
        is None
    )
    assert (
        retry.retry_delay_for_transport_error(policy, state, "POST", retry.NOT_SENT)
        is not None
    )


def test_rate_limiter_spaces_reservations(rtpkg):
    limiter = rtpkg.RateLimiter(10, burst=2)
    delays = [limiter.reserve() for _ in range(4)]
    assert delays[0] == 0 and delays[1] == 0
    assert delays[2] == pytest.approx(0.1, abs=0.02) and delays[3] == pytest.approx(
        0.2, abs=0.02
    )
