"""The extended response: what ``RequestOptions(extended_response=True)`` returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from .rest import CORRELATION_ID_HEADER

T = TypeVar("T")


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
