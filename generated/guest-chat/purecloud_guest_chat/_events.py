"""What request and response hooks receive (for metrics and tracing). No headers or bodies:
hooks cannot leak credentials."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RequestEvent:
    operation_id: str  # "oauthToken" for token requests
    method: str
    url: str
    attempt: int  # 1 for the first try


@dataclass(frozen=True, slots=True)
class ResponseEvent:
    operation_id: str
    method: str
    url: str
    attempt: int
    status: int | None  # None: no response (see error)
    elapsed: float  # seconds
    correlation_id: str | None = None
    error: str | None = None
    will_retry: bool = False
