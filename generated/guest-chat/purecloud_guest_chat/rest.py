"""Exceptions raised by the SDK.

The module is named ``rest`` because scripts written for the official SDK import
``from <sdk>.rest import ApiException``; every exception here derives from it, so their
``except ApiException`` blocks keep catching everything the SDK raises for an API call.
"""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Mapping
from typing import Any

CORRELATION_ID_HEADER = "ININ-Correlation-Id"


class ApiException(Exception):
    """Base of every error an API call can raise (the official SDK's name).

    status: HTTP status (``None`` when no response arrived);
    reason: the status phrase or a short description;
    headers: the response headers (case-insensitive mapping, empty without a response);
    body: the response body parsed as JSON when it is JSON, else the text;
    raw: the body bytes; correlation_id: the ``ININ-Correlation-Id`` response header;
    attempts / elapsed: how many attempts the call made and over how many seconds (set on
    errors raised by a call; ``None`` otherwise).
    """

    attempts: int | None = None
    elapsed: float | None = None

    def __init__(
        self,
        status: int | None = None,
        reason: str | None = None,
        http_resp: Any = None,
        *,
        headers: Mapping[str, str] | None = None,
        body: Any = None,
        raw: bytes | None = None,
    ) -> None:
        if http_resp is not None:  # an httpx.Response, as the official signature allows
            status = http_resp.status_code if status is None else status
            reason = reason or http_resp.reason_phrase
            headers = http_resp.headers if headers is None else headers
            raw = http_resp.content if raw is None else raw
        self.status: int | None = status
        self.reason: str | None = reason
        self.headers: Mapping[str, str] = headers if headers is not None else {}
        self.raw: bytes | None = raw
        self.body: Any = _parse_body(raw) if body is None and raw else body
        self.correlation_id: str | None = _header(self.headers, CORRELATION_ID_HEADER)
        super().__init__(self._summary())

    @property
    def message(self) -> str | None:
        """The ``message`` field of a Genesys error body, when there is one."""
        if isinstance(self.body, dict):
            value = self.body.get("message") or self.body.get("error_description")
            return str(value) if value else None
        return None

    @property
    def code(self) -> str | None:
        """The ``code`` (or OAuth ``error``) field of the error body, when there is one."""
        if isinstance(self.body, dict):
            value = self.body.get("code") or self.body.get("error")
            return str(value) if value else None
        return None

    def _summary(self) -> str:
        parts = [f"({self.status})" if self.status is not None else "(no response)"]
        if self.reason:
            parts.append(self.reason)
        if self.message:
            parts.append(f"- {self.message}")
        if self.correlation_id:
            parts.append(f"[correlation id {self.correlation_id}]")
        return " ".join(parts)


class ApiStatusError(ApiException):
    """The server answered with a non-2xx status."""


class BadRequestError(ApiStatusError):
    """400."""


class UnauthorizedError(ApiStatusError):
    """401: the token is missing, invalid or expired (and could not be refreshed)."""


class ForbiddenError(ApiStatusError):
    """403."""


class NotFoundError(ApiStatusError):
    """404."""


class ConflictError(ApiStatusError):
    """409."""


class RateLimitError(ApiStatusError):
    """429 after the retries allowed for rate limiting were used up."""

    @property
    def retry_after(self) -> float | None:
        """Seconds the server asked to wait, if it said so."""
        from ._retry import (
            server_requested_delay,
        )  # local: keeps this module dependency-free

        return server_requested_delay(self.headers)


class ServerError(ApiStatusError):
    """5xx after the retries allowed were used up."""


class ResponseDecodeError(ApiException):
    """A 2xx response whose body does not match the operation's declared type."""


class ApiConnectionError(ApiException):
    """No usable response: connection refused or dropped, TLS or proxy failure."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason=reason)


class ApiTimeoutError(ApiConnectionError):
    """The request timed out (connect, read, write or waiting for a pooled connection)."""


class TokenRefreshError(ApiException):
    """Another thread or task was refreshing the token and did not finish in time."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason=reason)


class MissingCredentialsError(ApiException):
    """A call needing authentication was made on a client with no way to authenticate; nothing
    was sent. The message names the ways to give the client credentials."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason=reason)


class ClientClosedError(ApiException):
    """A call on a client after ``close()``: nothing was sent. Build a new client."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason=reason)


class ClientLoopError(ApiException):
    """An ``AsyncApiClient`` used from an event loop other than the one running its
    connections while that loop is still alive: nothing was sent."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason=reason)


class SettingNotAppliedError(RuntimeError):
    """A configuration setting changed that clients built from it cannot apply any more (proxy,
    TLS: their connections are set up); the message says how to apply it."""


class ConfigFileError(ValueError):
    """A configuration file (or a configuration value) is not valid; the message says where."""


_STATUS_ERRORS: dict[int, type[ApiStatusError]] = {
    400: BadRequestError,
    401: UnauthorizedError,
    403: ForbiddenError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}


def error_class_for_status(status: int) -> type[ApiStatusError]:
    """The most specific exception class for an HTTP error status."""
    if status >= 500:
        return ServerError
    return _STATUS_ERRORS.get(status, ApiStatusError)


def error_from_response(
    status: int, reason: str, headers: Mapping[str, str], raw: bytes
) -> ApiStatusError:
    return error_class_for_status(status)(status, reason, headers=headers, raw=raw)


def _parse_body(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return raw.decode("utf-8", "replace")


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is None and not hasattr(
        headers, "multi_items"
    ):  # plain dicts are case-sensitive
        lowered = name.lower()
        value = next((v for k, v in headers.items() if k.lower() == lowered), None)
    return value


# ``<sdk>.rest.ApiException`` without importing the submodule first (see _public.py)
rest: types.ModuleType = sys.modules[__name__]
