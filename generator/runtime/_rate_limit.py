"""Rate limiting: one shared state per client, and an optional fixed cap.

:class:`RateLimitState` is the client's view of the server's rate limit, shared by all of its
threads and tasks. A 429 suspends every queued and new call of the client until the delay the
server asked for (``Retry-After``, ``inin-ratelimit-reset``); afterwards calls are released one
slot at a time, at the pace the ``inin-ratelimit-allowed`` / ``-count`` / ``-reset`` headers
(sent by Genesys on every response) allow. When no such header was ever seen, a single call
goes first after a suspension (a probe) and the others follow once it is answered.

Every decision is made here under a short lock, from the clock value the caller passes; the
sync and async send loops only sleep for the wait returned (``time.sleep`` / ``asyncio.sleep``)
and ask again::

    ticket = None
    while (ticket := state.acquire(ticket, time.monotonic())).wait:
        sleep(ticket.wait)

:class:`RateLimiter` is the fixed client-side cap (``max_requests_per_second``), applied on
top (generic cell rate algorithm, ``burst`` requests at once).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass

PACE_MARGIN = 0.97  # pace at 97% of the advertised rate: clock skew and jitter never trip it
PROBE_TIMEOUT = 5.0  # the others go anyway when the probe has not been answered by then
POLL = 0.05  # how often a call waiting for the probe asks again


@dataclass(frozen=True, slots=True)
class Ticket:
    """A decision of :meth:`RateLimitState.acquire`: ``wait == 0`` means send now. Otherwise
    sleep ``wait`` seconds and pass the ticket back (it may hold a reserved slot)."""

    wait: float
    epoch: int = -1  # the suspension epoch the slot was reserved in; -1: no slot reserved
    slot: float = 0.0
    lifted: bool = False  # this call is the first released after a suspension


GO = Ticket(0.0)


@dataclass(frozen=True, slots=True)
class RateLimitHeaders:
    """``inin-ratelimit-allowed`` requests per window, ``-count`` used, ``-reset`` seconds left."""

    allowed: int
    count: int
    reset: float


def parse_rate_limit_headers(headers: Mapping[str, str]) -> RateLimitHeaders | None:
    allowed = headers.get("inin-ratelimit-allowed")
    if allowed is None:
        return None
    try:
        return RateLimitHeaders(
            int(float(allowed)),
            int(float(headers.get("inin-ratelimit-count") or 0)),
            max(float(headers.get("inin-ratelimit-reset") or 0), 0.0),
        )
    except ValueError:
        return None


class RateLimitState:
    """The rate limit as one client sees it; thread-safe, shared by threads and tasks."""

    def __init__(self, follow_headers: bool = True) -> None:
        self.follow_headers = follow_headers
        self._lock = threading.Lock()
        self.suspended_until = 0.0
        self._suspended = False  # a suspension whose end was not announced yet
        self._epoch = 0  # bumped by each 429: slots reserved before it are void
        self._next_slot = 0.0
        self._window = 0.0  # the longest reset seen: an estimate of the server's window
        self._window_interval = 0.0
        self._budget_interval = 0.0
        self._probe_wanted = False
        self._probe_until = 0.0

    @property
    def interval(self) -> float:
        """Seconds between two calls at the current pace (0: no pace known)."""
        return max(self._window_interval, self._budget_interval) / PACE_MARGIN

    @property
    def suspended(self) -> bool:
        return self._suspended

    def acquire(self, ticket: Ticket | None, now: float) -> Ticket:
        """May a call be sent now? ``GO``, or how long to wait before asking again."""
        with self._lock:
            if now < self.suspended_until:
                return Ticket(self.suspended_until - now)
            lifted = self._suspended
            self._suspended = False
            if now < self._probe_until:
                return Ticket(min(POLL, self._probe_until - now))
            if ticket is not None and ticket.epoch == self._epoch:
                if ticket.slot <= now:
                    return GO
                return Ticket(ticket.slot - now, ticket.epoch, ticket.slot)
            if self._probe_wanted:
                self._probe_wanted = False
                self._probe_until = now + PROBE_TIMEOUT
                return Ticket(0.0, lifted=True)
            interval = self.interval
            if not interval and self._next_slot <= now:
                return Ticket(0.0, lifted=True) if lifted else GO
            slot = max(now, self._next_slot)
            self._next_slot = slot + interval
            if slot <= now:
                return Ticket(0.0, lifted=lifted)
            return Ticket(slot - now, self._epoch, slot, lifted)

    def on_rate_limited(self, delay: float, now: float) -> bool:
        """A 429: suspend every call for ``delay`` seconds. True when this starts a suspension
        (False when it extends one already announced)."""
        with self._lock:
            started = not self._suspended
            self._suspended = True
            self.suspended_until = max(self.suspended_until, now + delay)
            self._next_slot = max(self._next_slot, self.suspended_until)
            self._epoch += 1
            self._probe_until = 0.0
            self._probe_wanted = not self.interval
            return started

    def on_response(self, headers: Mapping[str, str], now: float) -> None:
        """Any answer: end the probe; follow the pace the rate-limit headers advertise."""
        self._probe_until = 0.0
        if not self.follow_headers:
            return
        limit = parse_rate_limit_headers(headers)
        if limit is None or limit.allowed <= 0:
            return
        with self._lock:
            self._window = max(self._window, limit.reset)
            self._window_interval = self._window / limit.allowed
            remaining = limit.allowed - limit.count
            if remaining <= 0:  # the window's budget is spent: nothing until it resets
                self._next_slot = max(self._next_slot, now + limit.reset)
                self._budget_interval = 0.0
            else:
                self._budget_interval = limit.reset / remaining

    def on_no_answer(self) -> None:
        """An attempt ended without an answer: a probe it was no longer holds the others."""
        self._probe_until = 0.0


class RateLimiter:
    """A fixed client-side cap: ``requests_per_second``, ``burst`` requests at once.

    Each request reserves the next free slot under a short lock and then sleeps *outside* the
    lock until its slot, so it serves threads and asyncio tasks alike, in arrival order."""

    def __init__(self, requests_per_second: float, burst: int = 1) -> None:
        if requests_per_second <= 0:
            raise ValueError("requests_per_second must be positive")
        if burst < 1:
            raise ValueError("burst must be at least 1")
        self.requests_per_second = requests_per_second
        self.burst = burst
        self._interval = 1.0 / requests_per_second
        self._tolerance = (burst - 1) * self._interval
        self._theoretical_arrival = 0.0
        self._lock = threading.Lock()

    def reserve(self) -> float:
        """Reserve a slot; returns the seconds to wait before sending (0.0 when free now)."""
        with self._lock:
            now = time.monotonic()
            arrival = max(self._theoretical_arrival, now)
            self._theoretical_arrival = arrival + self._interval
            return max(arrival - self._tolerance - now, 0.0)
