"""Per-request options, passed to any generated API method as ``request_options=``."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import IO, Any


@dataclass(frozen=True, kw_only=True, slots=True)
class RequestOptions:
    """What one call may override.

    headers: extra request headers (they win over the client's defaults);
    timeout: seconds for the whole call, retries and waits included;
    attempt_timeout: seconds for each attempt (read, write, pool; connect stays the client's);
    extended_response: return an :class:`ApiResponse` (status, headers, data, raw bytes)
        instead of only the decoded model;
    download_to: a path or a binary file object: the response body is streamed into it
        instead of being held in memory (the call then returns the path or file object);
    max_retries / max_rate_limit_retries / max_retry_time: override the client's retry bounds
        (``max_retries=0`` disables retries of 5xx and connection errors for this call);
    extra_query: additional query parameters, e.g. preview flags the spec does not declare.
    """

    headers: Mapping[str, str] | None = None
    timeout: float | None = None
    attempt_timeout: float | None = None
    extended_response: bool = False
    download_to: str | os.PathLike[str] | IO[bytes] | None = None
    max_retries: int | None = None
    max_rate_limit_retries: int | None = None
    max_retry_time: float | None = None
    extra_query: Mapping[str, Any] | None = None


DEFAULT_REQUEST_OPTIONS = RequestOptions()
