"""SDK logging through the standard ``logging`` module, with the official SDK's settings.

``configuration.logger.log_level = LogLevel.LDebug`` (or ``log_level = debug`` in the config
file) makes the client emit one record per HTTP exchange on the ``logging`` logger named after
the SDK package. Bodies are off by default (they can hold personal data); credentials are never
written at any level: the ``Authorization``/cookie headers are masked, token requests never log
their bodies, and secret-looking JSON/form keys (tokens, secrets, passwords, JWTs) are masked.
"""

from __future__ import annotations

import re
import sys
import time
import types
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode

from . import _version
from ._lazy import lazy_import

if TYPE_CHECKING:
    import json
    import logging
else:  # imported when logging is switched on (or a body is redacted)
    json = lazy_import("json", globals())
    logging = lazy_import("logging", globals())

SDK_NAME: str = getattr(_version, "SDK_NAME", __package__ or "sdk")

TRACE = 5  # below logging.DEBUG: response headers too
_ERROR = 40  # logging.ERROR

REDACTED = "[REDACTED]"
SENSITIVE_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie"}
)
SENSITIVE_KEYS = frozenset(
    {
        "access_token",
        "accesstoken",
        "refresh_token",
        "refreshtoken",
        "id_token",
        "client_secret",
        "clientsecret",
        "password",
        "assertion",
        "code_verifier",
        "jwt",
        "token",
        "authorization",
        "secret",
        "apikey",
        "api_key",
    }
)
_SECRET_IN_TEXT = re.compile(
    r'("?(?:access_token|refresh_token|id_token|client_secret|password|assertion|jwt|code_verifier)"?\s*[:=]\s*"?)([^"&,\s}]+)',
    re.IGNORECASE,
)


class LogLevel(Enum):
    """How much the SDK logs (official names). Default: ``LNone``."""

    LNone = "none"
    LError = "error"  # failed requests only, with request and response headers
    LDebug = "debug"  # every request: method, URL, status, request headers
    LTrace = "trace"  # every request, with response headers too

    @classmethod
    def from_string(cls, value: str) -> LogLevel:
        key = value.strip().lower()
        for level in cls:
            if key in (level.value, level.name.lower()):
                return level
        raise ValueError(f"{value!r} is not a log level (none, error, debug, trace)")


class LogFormat(Enum):
    TEXT = "text"
    JSON = "json"

    @classmethod
    def from_string(cls, value: str) -> LogFormat:
        key = value.strip().lower()
        for fmt in cls:
            if key == fmt.value:
                return fmt
        raise ValueError(f"{value!r} is not a log format (text, json)")


_STDLIB_LEVEL = {  # logging.CRITICAL + 10, logging.ERROR, logging.DEBUG, TRACE
    LogLevel.LNone: 60,
    LogLevel.LError: _ERROR,
    LogLevel.LDebug: 10,
    LogLevel.LTrace: TRACE,
}


def _stdlib_logger(name: str) -> logging.Logger:
    logging.addLevelName(TRACE, "TRACE")
    return logging.getLogger(name)


class Logger:
    """The SDK's logging settings (``configuration.logger``); every setter applies at once."""

    def __init__(self, name: str = SDK_NAME) -> None:
        self._name = name
        # the ``logging`` logger, looked up when logging is first switched on (or asked for):
        # with the default LNone, importing and configuring the SDK never touch ``logging``
        self._stdlib: logging.Logger | None = None
        self._handlers: list[logging.Handler] = []
        self._log_level = LogLevel.LNone
        self._log_format = LogFormat.TEXT
        self._log_to_console = True
        self._log_file_path: str | None = None
        self.log_request_body = False
        self.log_response_body = False
        self._apply()

    # settings -------------------------------------------------------------------------
    @property
    def log_level(self) -> LogLevel:
        return self._log_level

    @log_level.setter
    def log_level(self, value: LogLevel | str) -> None:
        self._log_level = (
            value if isinstance(value, LogLevel) else LogLevel.from_string(value)
        )
        self._apply()

    @property
    def log_format(self) -> LogFormat:
        return self._log_format

    @log_format.setter
    def log_format(self, value: LogFormat | str) -> None:
        self._log_format = (
            value if isinstance(value, LogFormat) else LogFormat.from_string(value)
        )
        self._apply()

    @property
    def log_to_console(self) -> bool:
        return self._log_to_console

    @log_to_console.setter
    def log_to_console(self, value: bool) -> None:
        self._log_to_console = bool(value)
        self._apply()

    @property
    def log_file_path(self) -> str | None:
        return self._log_file_path

    @log_file_path.setter
    def log_file_path(self, value: str | None) -> None:
        self._log_file_path = str(value) if value else None
        self._apply()

    @property
    def stdlib_logger(self) -> logging.Logger:
        """The ``logging.Logger`` records go to (attach your own handlers here)."""
        if self._stdlib is None:
            self._stdlib = _stdlib_logger(self._name)
            self._apply()
        return self._stdlib

    def _apply(self) -> None:
        """Rebuild the handlers this object owns; handlers added by the user are left alone."""
        stdlib = self._stdlib
        if stdlib is None:
            if self._log_level is LogLevel.LNone:
                return  # never switched on: nothing to undo
            stdlib = self._stdlib = _stdlib_logger(self._name)
        for handler in self._handlers:
            stdlib.removeHandler(handler)
            handler.close()
        self._handlers = []
        stdlib.setLevel(_STDLIB_LEVEL[self._log_level])
        if self._log_level is LogLevel.LNone:
            return
        formatter = _formatter(self._log_format)
        if self._log_to_console:
            self._handlers.append(logging.StreamHandler(sys.stderr))
        if self._log_file_path:
            self._handlers.append(
                logging.FileHandler(self._log_file_path, encoding="utf-8", delay=True)
            )
        for handler in self._handlers:
            handler.setFormatter(formatter)
            stdlib.addHandler(handler)

    # emission (called by the clients) -------------------------------------------------------
    def wants_success(self) -> bool:
        """Whether successful exchanges are logged (checked before any work is done)."""
        return self._log_level is LogLevel.LDebug or self._log_level is LogLevel.LTrace

    def wants_errors(self) -> bool:
        return self._log_level is not LogLevel.LNone

    def log_exchange(
        self,
        *,
        method: str,
        url: str,
        status: int | None,
        request_headers: Mapping[str, str],
        response_headers: Mapping[str, str] | None,
        request_body: Any = None,
        response_body: Any = None,
        correlation_id: str | None = None,
        elapsed: float | None = None,
        error: str | None = None,
        secret_bodies: bool = False,
    ) -> None:
        """Log one HTTP exchange at the level's detail. ``secret_bodies``: never log the bodies
        (token requests)."""
        failed = error is not None or status is None or status >= 400
        level = self._log_level
        if level is LogLevel.LNone or (not failed and level is LogLevel.LError):
            return
        record: dict[str, Any] = {"method": method, "url": url, "status": status}
        if correlation_id:
            record["correlation_id"] = correlation_id
        if elapsed is not None:
            record["elapsed_ms"] = round(elapsed * 1000, 1)
        if error:
            record["error"] = error
        record["request_headers"] = redact_headers(request_headers)
        if response_headers is not None and (failed or level is LogLevel.LTrace):
            record["response_headers"] = redact_headers(response_headers)
        if self.log_request_body and not secret_bodies and request_body is not None:
            record["request_body"] = redact_body(request_body)
        if (
            self.log_response_body
            and not secret_bodies
            and response_body is not None
            and (failed or level is LogLevel.LTrace)
        ):
            record["response_body"] = redact_body(response_body)
        stdlib_level = _ERROR if failed else _STDLIB_LEVEL[level]
        stdlib = self.stdlib_logger
        if stdlib.isEnabledFor(stdlib_level):
            stdlib.log(stdlib_level, _text_of(record), extra={"sdk_exchange": record})

    # the official SDK's Logger methods, kept for scripts that call them directly
    def trace(
        self,
        method: str,
        url: str,
        request_body: Any,
        status: int | None,
        request_headers: Mapping[str, str],
        response_headers: Mapping[str, str] | None,
    ) -> None:
        if self._log_level is LogLevel.LTrace:
            self.log_exchange(
                method=method,
                url=url,
                status=status,
                request_headers=request_headers,
                response_headers=response_headers,
                request_body=request_body,
            )

    def debug(
        self,
        method: str,
        url: str,
        request_body: Any,
        status: int | None,
        request_headers: Mapping[str, str],
    ) -> None:
        if self.wants_success():
            self.log_exchange(
                method=method,
                url=url,
                status=status,
                request_headers=request_headers,
                response_headers=None,
                request_body=request_body,
            )

    def error(
        self,
        method: str,
        url: str,
        request_body: Any,
        status: int | None,
        request_headers: Mapping[str, str],
        response_body: Any,
        response_headers: Mapping[str, str] | None,
    ) -> None:
        self.log_exchange(
            method=method,
            url=url,
            status=status,
            request_headers=request_headers,
            response_headers=response_headers,
            request_body=request_body,
            response_body=response_body,
            error="error",
        )


def _format_text(record: logging.LogRecord) -> str:
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
    return f"{stamp}Z {record.levelname} {record.getMessage()}"


def _format_json(record: logging.LogRecord) -> str:
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
    exchange = getattr(record, "sdk_exchange", None) or {"message": record.getMessage()}
    return json.dumps(
        {"date": stamp + "Z", "level": record.levelname, **exchange}, default=str
    )


def _formatter(log_format: LogFormat) -> logging.Formatter:
    """A ``logging.Formatter`` for the format (classes made on first use, as ``logging`` is)."""
    name = "JsonFormatter" if log_format is LogFormat.JSON else "TextFormatter"
    return (globals().get(name) or __getattr__(name))()


def __getattr__(name: str) -> Any:
    # TextFormatter and JsonFormatter subclass logging.Formatter: defined when first used
    if name in ("TextFormatter", "JsonFormatter"):
        format_record = _format_json if name == "JsonFormatter" else _format_text
        formatter = type(
            name,
            (logging.Formatter,),
            {
                "format": lambda self, record: format_record(record),
                "__module__": __name__,
            },
        )
        globals()[name] = formatter
        return formatter
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _text_of(record: Mapping[str, Any]) -> str:
    head = f"{record['method']} {record['url']} -> {record['status']}"
    rest = " ".join(
        f"{key}={value}"
        for key, value in record.items()
        if key not in ("method", "url", "status")
    )
    return f"{head} {rest}" if rest else head


def redact_headers(
    headers: Mapping[str, str] | Iterable[tuple[str, str]],
) -> dict[str, str]:
    items = headers.items() if hasattr(headers, "items") else headers
    return {
        key: (REDACTED if key.lower() in SENSITIVE_HEADERS else value)
        for key, value in items
    }


def redact_body(body: Any) -> Any:
    """A loggable copy of a body with secret-looking values masked."""
    if isinstance(body, (bytes, bytearray)):
        try:
            body = bytes(body).decode("utf-8")
        except UnicodeDecodeError:
            return f"<{len(body)} bytes>"
    if isinstance(body, str):
        stripped = body.lstrip()
        if stripped[:1] in ("{", "["):
            try:
                return json.dumps(_redact_value(json.loads(body)))
            except ValueError:
                pass
        elif "=" in body and " " not in stripped:
            pairs = parse_qsl(body, keep_blank_values=True)
            if pairs:
                return urlencode(
                    [
                        (k, REDACTED if k.lower() in SENSITIVE_KEYS else v)
                        for k, v in pairs
                    ]
                )
        return _SECRET_IN_TEXT.sub(lambda m: m.group(1) + REDACTED, body)
    if isinstance(body, (dict, list)):
        return json.dumps(_redact_value(body), default=str)
    return f"<{type(body).__name__}>"


def _redact_value(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: (REDACTED if str(k).lower() in SENSITIVE_KEYS else _redact_value(v))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_redact_value(item) for item in value]
    return value


# ``<sdk>.logger.LogLevel`` (official idiom) goes through the package's lazy map, which reads
# the attribute ``logger`` of this module: that is the module itself.
logger: types.ModuleType = sys.modules[__name__]
