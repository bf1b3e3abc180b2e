"""The extended response: what ``RequestOptions(extended_response=True)`` returns, and
:func:`extended_response`, the typed way to ask for it."""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from dataclasses import dataclass
from typing import Any, Generic, ParamSpec, TypeVar, overload

from ._request_options import RequestOptions
from .rest import CORRELATION_ID_HEADER

T = TypeVar("T")
P = ParamSpec("P")


@dataclass(frozen=True, slots=True)
class ApiResponse(Generic[T]):
    """status: HTTP status; headers: case-insensitive response headers; data: the decoded body
    (what the call returns by default); raw: the body bytes (``None`` when it was streamed to a
    file); attempts: how many HTTP attempts the call took (1 = no retry)."""

    status: int
    headers: Mapping[str, str]
    data: T
    raw: bytes | None
    attempts: int = 1

    @property
    def correlation_id(self) -> str | None:
        return self.headers.get(CORRELATION_ID_HEADER)


@overload
def extended_response(
    method: Callable[P, Coroutine[Any, Any, T]],
) -> Callable[P, Awaitable[ApiResponse[T]]]: ...
@overload
def extended_response(method: Callable[P, T]) -> Callable[P, ApiResponse[T]]: ...
def extended_response(method: Callable[P, Any]) -> Callable[P, Any]:
    """``extended_response(users_api.get_user)(user_id)`` returns an ``ApiResponse[User]``
    (status, headers, data, raw, attempts) where ``users_api.get_user(user_id)`` returns the
    ``User``; with an async method, an awaitable of it. The call's own ``request_options``
    are kept, with ``extended_response=True``."""

    def call(*args: P.args, **kwargs: P.kwargs) -> Any:
        options = kwargs.get("request_options")
        if not isinstance(options, RequestOptions):
            options = RequestOptions()
        kwargs["request_options"] = dataclasses.replace(options, extended_response=True)
        return method(*args, **kwargs)

    call.__name__ = getattr(method, "__name__", "call")
    call.__doc__ = getattr(method, "__doc__", None)
    return call
