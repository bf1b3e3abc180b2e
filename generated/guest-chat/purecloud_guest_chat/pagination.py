"""Iterate every entity of a Genesys listing, lazily (one page fetched at a time).

Works with any generated list method, sync or async::

    for user in iter_entities(users_api.get_users, page_size=100):
        ...
    async for user in aiter_entities(async_users_api.get_users, page_size=100):
        ...

How the next page is found, in order: the page's ``nextUri`` (fetched as is, on the same host);
else ``pageNumber``/``pageCount`` (or ``total``), calling the method with ``page_number + 1``;
else a ``cursor`` (passed back as ``cursor=``, or ``after=`` for methods that take that).
Iteration stops at the first page with no entities or no way forward.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from typing import Any, Protocol, TypeVar, overload

ItemT = TypeVar("ItemT")
ItemT_co = TypeVar("ItemT_co", covariant=True)
PageT = TypeVar("PageT")


class Listing(Protocol[ItemT_co]):
    """A page of a Genesys listing (``UserEntityListing`` ...): what makes
    ``iter_entities(users_api.get_users)`` yield ``User``."""

    @property
    def entities(self) -> Sequence[ItemT_co] | None: ...

_PAGE_SIZE = "page_size"
_PAGE_NUMBER = "page_number"


def iter_pages(
    list_method: Callable[..., PageT],
    /,
    *args: Any,
    page_size: int | None = None,
    **kwargs: Any,
) -> Iterator[PageT]:
    """Every page of a listing, fetched one at a time as the loop asks for it."""
    walker = _PageWalker(list_method, page_size, kwargs)
    page = list_method(*args, **walker.kwargs)
    while page is not None:
        yield page
        step = walker.next_step(page)
        if step is None:
            return
        if step[0] == "uri":
            page = _client_of(list_method).request_next_page(
                step[1], type(page).__name__, kwargs.get("request_options")
            )
        else:
            page = list_method(*args, **step[1])


@overload
def iter_entities(
    list_method: Callable[..., Any],
    /,
    *args: Any,
    page_size: int | None = None,
    items: str,
    **kwargs: Any,
) -> Iterator[Any]: ...
@overload
def iter_entities(
    list_method: Callable[..., Listing[ItemT]],
    /,
    *args: Any,
    page_size: int | None = None,
    **kwargs: Any,
) -> Iterator[ItemT]: ...
def iter_entities(
    list_method: Callable[..., Any],
    /,
    *args: Any,
    page_size: int | None = None,
    items: str = "entities",
    **kwargs: Any,
) -> Iterator[Any]:
    """Every item of a listing (``entities``, or the page attribute named by ``items``)."""
    for page in iter_pages(list_method, *args, page_size=page_size, **kwargs):
        yield from _items_of(page, items)


async def aiter_pages(
    list_method: Callable[..., Awaitable[PageT]],
    /,
    *args: Any,
    page_size: int | None = None,
    **kwargs: Any,
) -> AsyncIterator[PageT]:
    """Every page of a listing, from an async list method."""
    walker = _PageWalker(list_method, page_size, kwargs)
    page = await list_method(*args, **walker.kwargs)
    while page is not None:
        yield page
        step = walker.next_step(page)
        if step is None:
            return
        if step[0] == "uri":
            client = _client_of(list_method)
            page = await client.request_next_page(
                step[1], type(page).__name__, kwargs.get("request_options")
            )
        else:
            page = await list_method(*args, **step[1])


@overload
def aiter_entities(
    list_method: Callable[..., Awaitable[Any]],
    /,
    *args: Any,
    page_size: int | None = None,
    items: str,
    **kwargs: Any,
) -> AsyncIterator[Any]: ...
@overload
def aiter_entities(
    list_method: Callable[..., Awaitable[Listing[ItemT]]],
    /,
    *args: Any,
    page_size: int | None = None,
    **kwargs: Any,
) -> AsyncIterator[ItemT]: ...
async def aiter_entities(
    list_method: Callable[..., Awaitable[Any]],
    /,
    *args: Any,
    page_size: int | None = None,
    items: str = "entities",
    **kwargs: Any,
) -> AsyncIterator[Any]:
    """Every item of a listing, from an async list method."""
    async for page in aiter_pages(list_method, *args, page_size=page_size, **kwargs):
        for item in _items_of(page, items):
            yield item


class _PageWalker:
    """Decides, from one page, how to ask for the next (pure: no I/O)."""

    def __init__(
        self,
        list_method: Callable[..., Any],
        page_size: int | None,
        kwargs: dict[str, Any],
    ) -> None:
        self.accepted = _parameter_names(list_method)
        self.kwargs = dict(kwargs)
        if page_size is not None:
            self.kwargs[_PAGE_SIZE] = page_size
        self.seen_uris: set[str] = set()
        self.seen_cursors: set[str] = set()

    def next_step(self, page: Any) -> tuple[str, Any] | None:
        entities = _value(page, "entities")
        if entities is not None and len(entities) == 0:
            return None
        next_uri = _value(page, "next_uri")
        if isinstance(next_uri, str) and next_uri:
            if (
                next_uri in self.seen_uris
            ):  # a server repeating itself must not loop us forever
                return None
            self.seen_uris.add(next_uri)
            return ("uri", next_uri)
        page_number = _value(page, "page_number")
        if isinstance(page_number, int) and _PAGE_NUMBER in self.accepted:
            page_count = _value(page, "page_count")
            if page_count is None:
                total, size = _value(page, "total"), _value(page, "page_size")
                if isinstance(total, int) and isinstance(size, int) and size > 0:
                    page_count = math.ceil(total / size)
            if isinstance(page_count, int) and page_number < page_count:
                self.kwargs[_PAGE_NUMBER] = page_number + 1
                return ("call", self.kwargs)
            return None
        cursor = _value(page, "cursor")
        if isinstance(cursor, str) and cursor and cursor not in self.seen_cursors:
            self.seen_cursors.add(cursor)
            name = next((n for n in ("cursor", "after") if n in self.accepted), None)
            if name is not None:
                self.kwargs[name] = cursor
                return ("call", self.kwargs)
        return None


def _value(page: Any, name: str) -> Any:
    value = getattr(page, name, None)
    if value is None and isinstance(page, dict):
        value = page.get(name)
    # a falsy sentinel (NULL, or UNSET in older models) reads like None
    if (
        value is not None
        and not isinstance(value, (int, str, list, tuple))
        and not value
    ):
        return None
    return value


def _items_of(page: Any, items: str) -> list[Any]:
    return list(_value(page, items) or ())


def _parameter_names(method: Callable[..., Any]) -> set[str]:
    try:
        parameters = inspect.signature(method).parameters.values()
    except (TypeError, ValueError):
        return set()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters):
        return {_PAGE_NUMBER, _PAGE_SIZE, "cursor", "after"}
    return {p.name for p in parameters}


def _client_of(list_method: Callable[..., Any]) -> Any:
    owner = getattr(list_method, "__self__", None)
    client = getattr(owner, "api_client", None)
    if client is None:
        raise TypeError(
            "nextUri pagination needs a bound method of a generated API class"
        )
    return client
