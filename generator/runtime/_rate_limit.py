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

import bisect
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass

PACE_MARGIN = 0.98  # pace at 98% of the advertised rate: a late request never trips it
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
    """The rate limit as one client sees it; thread-safe, shared by threads and tasks.

    Two rules from the headers: calls are spaced evenly at 98% of ``allowed / window`` (the
    window's length estimated as the longest ``reset`` seen), and no window gets more than
    ``allowed`` calls, counting both the server's ``count`` and every call this client granted
    in that window, including those sent after the call whose answer carried the count (the
    server may not have seen them): a burst spends the window's budget, and the next call
    waits for the window to reset."""

    def __init__(self, follow_headers: bool = True) -> None:
        self.follow_headers = follow_headers
        self._lock = threading.Lock()
        self.suspended_until: float = 0.0
        self._suspended = False  # a suspension whose end was not announced yet
        self._epoch = 0  # bumped by each 429: slots reserved before it are void
        self._next_slot = 0.0
        self._window = 0.0  # the longest reset seen: an estimate of the server's window
        self._allowed = 0  # 0: no header seen, no pace
        self._window_end = 0.0  # when the window the last header described ends (our clock)
        self._server_count = 0  # that window's count, as the server said
        self._counted_until = 0.0  # calls granted after this were not in that count
        self._grants: list[float] = []  # slots granted (non-decreasing), the recent ones
        self._first = 0  # grants before this index are too old to matter
        self._probe_wanted = False
        self._probe_until = 0.0

    @property
    def interval(self) -> float:
        """Seconds between two calls at the current pace (0: no pace known)."""
        if not self._allowed:
            return 0.0
        return self._window / self._allowed / PACE_MARGIN

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
                self._record(now)
                return Ticket(0.0, lifted=True)
            slot = max(now, self._next_slot)
            if self._allowed:
                slot = self._budgeted(slot)
            self._record(slot)
            self._next_slot = slot + self.interval
            if slot <= now:
                return Ticket(0.0, lifted=True) if lifted else GO
            return Ticket(slot - now, self._epoch, slot, lifted)

    def _budgeted(self, slot: float) -> float:
        """The first time from ``slot`` on when the server's window has budget left."""
        window = max(self._window, 0.001)
        end = self._window_end
        while True:
            if slot >= end:  # a later window than the last header described
                end += window * (int((slot - end) / window) + 1)
            used = self._granted_since(end - window)
            if abs(end - self._window_end) < window / 2:
                unseen = len(self._grants) - bisect.bisect_right(
                    self._grants, self._counted_until, self._first
                )
                used = max(used, self._server_count + unseen)
            if used < self._allowed:
                return slot
            slot = end

    def _granted_since(self, start: float) -> int:
        return len(self._grants) - bisect.bisect_left(self._grants, start, self._first)

    def _record(self, slot: float) -> None:
        grants = self._grants
        grants.append(slot)
        horizon = slot - max(self._window, 1.0) * 2
        if grants[self._first] < horizon:
            self._first = bisect.bisect_left(grants, horizon, self._first)
            if self._first > 1024:
                del grants[: self._first]
                self._first = 0

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
            self._probe_wanted = not self._allowed
            return started

    def on_response(
        self, headers: Mapping[str, str], now: float, sent: float | None = None
    ) -> None:
        """Any answer: end the probe; follow the pace the rate-limit headers advertise.
        ``sent``: when the answered request was sent (calls granted later were not counted)."""
        self._probe_until = 0.0
        if not self.follow_headers:
            return
        limit = parse_rate_limit_headers(headers)
        if limit is None or limit.allowed <= 0:
            return
        with self._lock:
            self._window = max(self._window, limit.reset)
            self._allowed = limit.allowed
            # the server measured reset when it answered, a little before now: this end is
            # slightly late, the safe side
            end = now + limit.reset
            sent = now if sent is None else sent
            same_window = abs(end - self._window_end) < self._window / 2
            if same_window and sent < self._counted_until:
                return  # an answer to an older request: the count we have is fresher
            self._window_end = end
            self._server_count = limit.count
            self._counted_until = sent
            if limit.count >= limit.allowed:  # the window's budget is spent
                self._next_slot = max(self._next_slot, self._window_end)

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
