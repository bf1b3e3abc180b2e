"""Analytics jobs in one call: submit the query, poll the job's status with backoff until it is
FULFILLED, then yield its results page by page (or item by item) by cursor::

    for conversation in iter_analytics_job(client, "conversations/details", query):
        ...
    async for row in aiter_analytics_job(async_client, "users/aggregates", query):
        ...

Every Genesys analytics job follows one shape, which is all this module relies on:
``POST <jobs>`` returns ``{"jobId"}``, ``GET <jobs>/{jobId}`` returns ``{"state", "errorMessage"}``
and ``GET <jobs>/{jobId}/results?cursor=`` returns a page holding one list of items and the
``cursor`` of the next page. ``<jobs>`` is ``/api/v2/analytics/<kind>/jobs`` for a kind such as
``conversations/details``, ``conversations/aggregates``, ``users/details``, ``users/aggregates``
(any ``<subject>/aggregates``), or any jobs path given whole (``/api/v2/socialmedia/analytics/
messages/jobs``). The calls are raw calls (``client.request``) through the client's auth,
retries and rate state, so this runtime module works in any SDK and needs no generated class;
an API without analytics jobs simply answers 404.

The sync and async generators share every decision (``_JobRun``); they only sleep and send.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from ._events import publish
from ._lazy import lazy_import
from .rest import ApiException

if TYPE_CHECKING:
    import asyncio
else:
    asyncio = lazy_import("asyncio", globals())  # only the async generator needs it

ANALYTICS_PREFIX = "/api/v2/analytics/"
RUNNING_STATES = frozenset({"QUEUED", "PENDING", "RUNNING"})
JOB_STATUS_EVENT = "analytics_job_status"  # data: job_id, state (one per status poll)
DEFAULT_POLL_INTERVAL = 2.0  # seconds before the first status check, then 1.5 times more each
DEFAULT_MAX_POLL_INTERVAL = 30.0


class AnalyticsJobError(ApiException):
    """An analytics job that ended without results. ``job_id``: the job; ``state``: its final
    state (``FAILED``, ``CANCELLED``, ``EXPIRED``) or ``TIMEOUT``; ``error_message``: what the
    API said about it."""

    def __init__(self, job_id: str, state: str, error_message: str | None = None) -> None:
        self.job_id: str = job_id
        self.state: str = state
        self.error_message: str | None = error_message
        detail = f": {error_message}" if error_message else ""
        super().__init__(reason=f"analytics job {job_id} {state.lower()}{detail}")


class AnalyticsJobFailed(AnalyticsJobError):
    """The job's state is FAILED."""


class AnalyticsJobCancelled(AnalyticsJobError):
    """The job's state is CANCELLED."""


class AnalyticsJobExpired(AnalyticsJobError):
    """The job's state is EXPIRED: its results are gone; submit the query again."""


class AnalyticsJobTimeout(AnalyticsJobError):
    """The job was still running after ``timeout`` seconds (it goes on: resume with ``job_id=``)."""


_FINAL_ERRORS: dict[str, type[AnalyticsJobError]] = {
    "FAILED": AnalyticsJobFailed,
    "CANCELLED": AnalyticsJobCancelled,
    "EXPIRED": AnalyticsJobExpired,
}


def analytics_jobs_path(kind: str) -> str:
    """``conversations/details`` -> ``/api/v2/analytics/conversations/details/jobs``; a path
    starting with ``/`` is a jobs path already."""
    if kind.startswith("/"):
        return kind.rstrip("/")
    kind = kind.strip("/")
    if not kind:
        raise ValueError("an analytics job kind, such as 'conversations/details'")
    return ANALYTICS_PREFIX + kind + "/jobs"


class _JobRun:
    """The decisions of one job: what to send next, how long to wait, when to stop."""

    def __init__(
        self,
        client: Any,
        kind: str,
        query: Any,
        *,
        job_id: str | None,
        page_size: int | None,
        result_type: Any,
        items: str | None,
        poll_interval: float | None,
        max_poll_interval: float | None,
        timeout: float | None,
    ) -> None:
        if query is None and job_id is None:
            raise ValueError("give the job's query, or the job_id of a job submitted before")
        self.client = client
        self.jobs = analytics_jobs_path(kind)
        self.query = query
        self.job_id = job_id
        self.page_size = page_size
        self.result_type = result_type
        self.items = items
        self.delay = DEFAULT_POLL_INTERVAL if poll_interval is None else poll_interval
        self.max_poll_interval = DEFAULT_MAX_POLL_INTERVAL if max_poll_interval is None else max_poll_interval
        self.deadline: float | None = None if timeout is None else time.monotonic() + timeout

    # requests: (method, path, keyword arguments of client.request)
    def submit(self) -> tuple[str, str, dict[str, Any]]:
        return "POST", self.jobs, {"body": self.query}

    def submitted(self, answer: Any) -> None:
        job_id = _get(answer, "jobId", "job_id")
        if not isinstance(job_id, str) or not job_id:
            raise ApiException(reason=f"POST {self.jobs} returned no jobId: {answer!r}")
        self.job_id = job_id

    def status(self) -> tuple[str, str, dict[str, Any]]:
        return "GET", f"{self.jobs}/{{jobId}}", {"path_params": {"jobId": self.job_id}}

    def wait_after(self, status: Any) -> float | None:
        """``None`` when the job is FULFILLED; else seconds before polling again. Raises the
        typed error of a job that ended without results, or ran past the timeout."""
        assert self.job_id is not None
        state = str(_get(status, "state") or "").upper()
        publish(self.client, JOB_STATUS_EVENT, {"job_id": self.job_id, "state": state})
        if state == "FULFILLED":
            return None
        error = _FINAL_ERRORS.get(state)
        if error is not None:
            raise error(self.job_id, state, _get(status, "errorMessage", "error_message"))
        delay = self.delay
        if self.deadline is not None and time.monotonic() + delay > self.deadline:
            raise AnalyticsJobTimeout(self.job_id, "TIMEOUT", f"still {state or 'running'}")
        self.delay = min(self.delay * 1.5, self.max_poll_interval)  # backoff between polls
        return delay

    def results(self, cursor: str | None) -> tuple[str, str, dict[str, Any]]:
        query: dict[str, Any] = {"cursor": cursor}
        if self.page_size is not None:
            query["pageSize"] = self.page_size
        return (
            "GET",
            f"{self.jobs}/{{jobId}}/results",
            {"path_params": {"jobId": self.job_id}, "query": query, "response_type": self.result_type},
        )

    def page_items(self, page: Any) -> list[Any]:
        """The page's items: the field named ``items``, else its only list."""
        if self.items is not None:
            return _get(page, self.items) or []
        lists = {name: value for name, value in _fields(page) if isinstance(value, list)}
        if len(lists) > 1:
            raise ValueError(f"the results page has several lists ({', '.join(sorted(lists))}): pass items=")
        return next(iter(lists.values()), [])

    @staticmethod
    def next_cursor(page: Any) -> str | None:
        cursor = _get(page, "cursor")
        return cursor if isinstance(cursor, str) and cursor else None


def iter_analytics_job(
    client: Any,
    kind: str,
    query: Any = None,
    *,
    pages: bool = False,
    job_id: str | None = None,
    page_size: int | None = None,
    result_type: Any = None,
    items: str | None = None,
    poll_interval: float | None = None,
    max_poll_interval: float | None = None,
    timeout: float | None = None,
) -> Iterator[Any]:
    """Submit ``query`` as an analytics job of ``kind`` (or resume ``job_id``), wait until it
    is FULFILLED, and yield its result items (the pages themselves with ``pages=True``).

    A generator: the job is submitted when the iteration starts. Waits ``poll_interval``
    seconds (2) before the first status check, 1.5 times longer after
    each (at most ``max_poll_interval``, 30). ``result_type``: a model class for the pages
    (default: dicts). Raises ``AnalyticsJobFailed`` / ``AnalyticsJobCancelled`` /
    ``AnalyticsJobExpired`` (or ``AnalyticsJobTimeout`` after ``timeout`` seconds), each with
    the ``job_id``.
    """
    run = _JobRun(
        client, kind, query, job_id=job_id, page_size=page_size, result_type=result_type, items=items,
        poll_interval=poll_interval, max_poll_interval=max_poll_interval, timeout=timeout,
    )  # fmt: skip
    if run.job_id is None:
        method, path, arguments = run.submit()
        run.submitted(client.request(method, path, **arguments))
    delay = run.delay
    while delay is not None:
        time.sleep(delay)
        method, path, arguments = run.status()
        delay = run.wait_after(client.request(method, path, **arguments))
    cursor = None
    while True:
        method, path, arguments = run.results(cursor)
        page = client.request(method, path, **arguments)
        if pages:
            yield page
        else:
            yield from run.page_items(page)
        cursor = run.next_cursor(page)
        if cursor is None:
            return


async def aiter_analytics_job(
    client: Any,
    kind: str,
    query: Any = None,
    *,
    pages: bool = False,
    job_id: str | None = None,
    page_size: int | None = None,
    result_type: Any = None,
    items: str | None = None,
    poll_interval: float | None = None,
    max_poll_interval: float | None = None,
    timeout: float | None = None,
) -> AsyncIterator[Any]:
    """``iter_analytics_job`` for an ``AsyncApiClient``: ``async for item in ...``."""
    run = _JobRun(
        client, kind, query, job_id=job_id, page_size=page_size, result_type=result_type, items=items,
        poll_interval=poll_interval, max_poll_interval=max_poll_interval, timeout=timeout,
    )  # fmt: skip
    if run.job_id is None:
        method, path, arguments = run.submit()
        run.submitted(await client.request(method, path, **arguments))
    delay = run.delay
    while delay is not None:
        await asyncio.sleep(delay)
        method, path, arguments = run.status()
        delay = run.wait_after(await client.request(method, path, **arguments))
    cursor = None
    while True:
        method, path, arguments = run.results(cursor)
        page = await client.request(method, path, **arguments)
        if pages:
            yield page
        else:
            for item in run.page_items(page):
                yield item
        cursor = run.next_cursor(page)
        if cursor is None:
            return


def _get(value: Any, *names: str) -> Any:
    """A field of a decoded page: a dict key (wire name) or a model attribute."""
    for name in names:
        found = value.get(name) if isinstance(value, Mapping) else getattr(value, name, None)
        if found is not None and type(found).__name__ != "UnsetType":
            return found
    return None


def _fields(value: Any) -> list[tuple[str, Any]]:
    if isinstance(value, Mapping):
        return list(value.items())
    return [(name, getattr(value, name)) for name in getattr(value, "__struct_fields__", ())]
