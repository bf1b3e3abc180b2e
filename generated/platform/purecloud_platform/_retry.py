"""Retry policy as pure functions, shared by the sync and async request loops.

Retried: 408, 500, 502, 503, 504 and transport errors with exponential backoff and jitter;
429 after the delay the server asks for (``Retry-After``, ``inin-ratelimit-reset``), with its
own budget. Requests that are not safe to repeat (POST, PATCH) are retried only when the server
cannot have processed them: the connection was refused (nothing was sent), 429 or 503.
Every retry is bounded by a count and by the total time since the first attempt.
"""

from __future__ import annotations

import random
import time
from collections.abc import Mapping
from dataclasses import dataclass

RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
UNPROCESSED_STATUSES = frozenset(
    {429, 503}
)  # the server says it did not act on the request
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})

# transport failure kinds, from the client's classification of httpx exceptions
NOT_SENT = "not_sent"  # connection refused / DNS / TLS handshake / connect timeout / pool timeout
MAYBE_SENT = (
    "maybe_sent"  # dropped connection, read/write timeout: the server may have acted
)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    max_retries: int = 3
    max_rate_limit_retries: int = 10
    max_retry_time: float = 120.0
    backoff_base: float = 0.5
    backoff_max: float = 10.0
    jitter: float = 0.25  # each backoff is shortened by up to this fraction, at random


@dataclass(slots=True)
class RetryState:
    """Counters for one call. ``deadline``: the ``time.monotonic()`` by which the whole call
    must be over (its timeout), or None."""

    started: float
    retries: int = 0
    rate_limit_retries: int = 0
    reauths: int = 0  # retries after renewing a rejected token
    deadline: float | None = None

    @property
    def attempts(self) -> int:
        return self.retries + self.rate_limit_retries + self.reauths + 1


def backoff_delay(
    policy: RetryPolicy, retry_number: int, rand: float | None = None
) -> float:
    """``min(base * 2**n, max)`` minus up to ``jitter`` of it (n = 0 for the first retry)."""
    delay = min(policy.backoff_base * (2**retry_number), policy.backoff_max)
    rand = random.random() if rand is None else rand
    return delay * (1.0 - policy.jitter * rand)


def server_requested_delay(
    headers: Mapping[str, str], now: float | None = None
) -> float | None:
    """Seconds the server asked us to wait: ``Retry-After`` (seconds or an HTTP date),
    ``retry-after-ms``, or Genesys' ``inin-ratelimit-reset`` (seconds until the window resets).
    """
    value = headers.get("retry-after-ms")
    if value:
        try:
            return max(float(value) / 1000.0, 0.0)
        except ValueError:
            pass
    for name in ("retry-after", "inin-ratelimit-reset"):
        value = headers.get(name)
        if not value:
            continue
        try:
            return max(float(value), 0.0)
        except ValueError:
            pass
        try:
            from email.utils import (
                parsedate_to_datetime,
            )  # rare: an HTTP-date Retry-After

            when = parsedate_to_datetime(value).timestamp()
        except (TypeError, ValueError, IndexError):
            continue
        return max(when - (time.time() if now is None else now), 0.0)
    return None


def retry_delay_for_status(
    policy: RetryPolicy,
    state: RetryState,
    method: str,
    status: int,
    headers: Mapping[str, str],
) -> float | None:
    """Seconds to wait before retrying a response with this status, or ``None``: do not retry.
    Updates the counters when a retry is granted."""
    if status not in RETRYABLE_STATUSES:
        return None
    if method not in IDEMPOTENT_METHODS and status not in UNPROCESSED_STATUSES:
        return None
    if status == 429:
        if state.rate_limit_retries >= policy.max_rate_limit_retries:
            return None
        delay = server_requested_delay(headers)
        if delay is None:
            delay = backoff_delay(policy, state.rate_limit_retries)
        if not _within_budget(policy, state, delay):
            return None
        state.rate_limit_retries += 1
        return delay
    if state.retries >= policy.max_retries:
        return None
    delay = server_requested_delay(headers) if status == 503 else None
    if delay is None:
        delay = backoff_delay(policy, state.retries)
    if not _within_budget(policy, state, delay):
        return None
    state.retries += 1
    return delay


def retry_delay_for_transport_error(
    policy: RetryPolicy, state: RetryState, method: str, kind: str
) -> float | None:
    if kind != NOT_SENT and method not in IDEMPOTENT_METHODS:
        return None
    if state.retries >= policy.max_retries:
        return None
    delay = backoff_delay(policy, state.retries)
    if not _within_budget(policy, state, delay):
        return None
    state.retries += 1
    return delay


def _within_budget(policy: RetryPolicy, state: RetryState, delay: float) -> bool:
    """A retry may start only within ``max_retry_time`` of the first attempt, and before the
    call's deadline (with a little time left to be answered)."""
    starts = time.monotonic() + delay
    if state.deadline is not None and starts >= state.deadline - MIN_ATTEMPT_TIME:
        return False
    return starts - state.started <= policy.max_retry_time


MIN_ATTEMPT_TIME = 0.05  # no attempt is started with less time than this before the deadline
