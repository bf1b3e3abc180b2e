"""One operation applied to many items, a bounded number at a time, every outcome kept::

    results = run_bulk(lambda user: users_api.post_users(user), new_users, concurrency=8)
    for result in results:  # in the order of new_users
        if not result.ok:
            print(result.item, result.error, result.correlation_id)

The operation makes its calls through a client, so they share that client's rate state: a 429
suspends the whole batch until the API allows more, and no call of the batch is lost to it.
A failed item does not stop the others. ``arun_bulk`` does the same with coroutines (tasks
instead of threads).
"""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from ._lazy import lazy_import
from ._response import ApiResponse
from .rest import ApiException

if TYPE_CHECKING:
    import asyncio
else:
    asyncio = lazy_import("asyncio", globals())

ItemT = TypeVar("ItemT")
ResultT = TypeVar("ResultT")
DEFAULT_CONCURRENCY = 8


@dataclass(frozen=True, slots=True)
class BulkItemResult(Generic[ItemT, ResultT]):
    """The outcome for one item: ``value`` (what the operation returned) or ``error`` (the
    exception it raised); ``correlation_id`` of the failed call (``ApiException``) or of an
    extended response."""

    item: ItemT
    value: ResultT | None = None
    error: Exception | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def correlation_id(self) -> str | None:
        if isinstance(self.error, ApiException):
            return self.error.correlation_id
        if isinstance(self.value, ApiResponse):
            return self.value.correlation_id
        return None


def _check(concurrency: int) -> None:
    if concurrency < 1:
        raise ValueError(f"concurrency must be at least 1, not {concurrency}")


def run_bulk(
    operation: Callable[[ItemT], ResultT],
    items: Iterable[ItemT],
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
) -> list[BulkItemResult[ItemT, ResultT]]:
    """``operation(item)`` for every item, at most ``concurrency`` at once (threads); one
    ``BulkItemResult`` per item, in input order. Exceptions are kept in the results, never raised
    (``KeyboardInterrupt`` and other ``BaseException`` still stop the batch)."""
    _check(concurrency)
    work = list(items)
    results: list[BulkItemResult[ItemT, ResultT] | None] = [None] * len(work)
    position = iter(range(len(work)))
    lock = threading.Lock()

    def worker() -> None:
        while True:
            with lock:
                index = next(position, None)
            if index is None:
                return
            item = work[index]
            try:
                results[index] = BulkItemResult(item, operation(item))
            except Exception as error:  # noqa: BLE001 - kept for the caller, item by item
                results[index] = BulkItemResult(item, error=error)

    workers = min(concurrency, len(work))
    if workers:
        with ThreadPoolExecutor(workers, thread_name_prefix="bulk") as pool:
            for future in [pool.submit(worker) for _ in range(workers)]:
                future.result()
    return results  # type: ignore[return-value]  # every slot filled by a worker


async def arun_bulk(
    operation: Callable[[ItemT], Awaitable[ResultT]],
    items: Iterable[ItemT],
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
) -> list[BulkItemResult[ItemT, ResultT]]:
    """``await operation(item)`` for every item, at most ``concurrency`` at once (tasks);
    one ``BulkItemResult`` per item, in input order."""
    _check(concurrency)
    work = list(items)
    results: list[BulkItemResult[ItemT, ResultT] | None] = [None] * len(work)
    position = iter(range(len(work)))  # one event loop: no lock needed between awaits

    async def worker() -> None:
        for index in position:
            item = work[index]
            try:
                results[index] = BulkItemResult(item, await operation(item))
            except Exception as error:  # noqa: BLE001 - kept for the caller, item by item
                results[index] = BulkItemResult(item, error=error)

    await asyncio.gather(*(worker() for _ in range(min(concurrency, len(work)))))
    return results  # type: ignore[return-value]
