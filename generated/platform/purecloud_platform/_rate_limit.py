"""A client-side request-rate limiter, so a large job stays under the org's rate limit.

Generic cell rate algorithm: each request reserves the next free slot under a short lock and
then sleeps *outside* the lock until its slot, so it serves threads (``time.sleep``) and asyncio
tasks (``asyncio.sleep``) alike, in arrival order, with ``burst`` requests allowed at once.
"""

from __future__ import annotations

import threading
import time


class RateLimiter:
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
