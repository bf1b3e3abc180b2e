"""What the sync and async clients share: settings, URLs, headers, auth, retry decisions,
logging and decoding. No I/O here; ``api_client.py`` holds the two thin send loops.

Building a client is cheap: httpx, ssl and msgspec are imported, and the TLS context and
proxy built, when the first request needs them (see ``_lazy.py`` and ``transport_options``).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ._auth import TokenInfo, TokenManager, parse_token_response
from ._events import RequestEvent, ResponseEvent
from ._lazy import lazy_import
from ._rate_limit import RateLimiter
from ._request_options import RequestOptions
from ._response import ApiResponse
from ._retry import (
    MAYBE_SENT,
    NOT_SENT,
    RetryPolicy,
    RetryState,
    retry_delay_for_status,
    retry_delay_for_transport_error,
)
from .configuration import (
    Configuration,
    GatewayConfiguration,
    get_default_configuration,
    normalize_host,
)
from .regions import PureCloudRegionHosts, login_host_for
from .rest import (
    CORRELATION_ID_HEADER,
    ApiConnectionError,
    ApiException,
    ApiTimeoutError,
    ResponseDecodeError,
    error_from_response,
)

if TYPE_CHECKING:
    import ssl

    import httpx

    from . import _models
    from ._encoding import PreparedRequest
    from ._operation import OperationSpec
    from ._pool import PoolShards
else:
    httpx = lazy_import("httpx", globals())
    _models = lazy_import("._models", globals())

TOKEN_OPERATION_ID = "oauthToken"
# The httpx transport type of a client: sync for ApiClient, async for AsyncApiClient.
TransportT = TypeVar("TransportT")
_UNSET: Any = object()


@dataclass(slots=True)
class Outcome:
    """What to do after one attempt: return the response, retry after ``delay``, or renew the
    token and retry at once (``reauth``)."""

    kind: str  # "done" | "retry" | "reauth"
    delay: float = 0.0


class ClientCore(Generic[TransportT]):
    def __init__(
        self,
        host: str | None = None,
        header_name: str | None = None,
        header_value: str | None = None,
        cookie: str | None = None,
        *,
        configuration: Configuration | None = None,
        region: PureCloudRegionHosts | str | None = None,
        login_host: str | None = None,
        access_token: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        token_provider: Callable[[], str] | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float | None = None,
        connect_timeout: float | None = None,
        max_retries: int | None = None,
        max_rate_limit_retries: int | None = None,
        max_retry_time: float | None = None,
        retry_backoff_base: float | None = None,
        retry_backoff_max: float | None = None,
        max_requests_per_second: float | None = None,
        rate_limit_burst: int = 1,
        proxy: str | None = None,
        proxy_username: str | None = None,
        proxy_password: str | None = None,
        verify_ssl: bool | None = None,
        max_connections: int = 100,
        transport: TransportT | None = None,
    ) -> None:
        """Every setting defaults to the ``configuration`` (the module-level one by default).
        ``transport``: an httpx transport to send through instead of the client's own pools
        (e.g. ``httpx.MockTransport`` in tests); the caller closes it."""
        config = configuration or get_default_configuration()
        self._transport: TransportT | None = transport
        self._owns_transport = transport is None
        self._shards: PoolShards[TransportT] | None = None
        self.configuration = config
        self._host: str | None = normalize_host(host) if host else None
        self._login_host: str | None = (
            normalize_host(login_host) if login_host else None
        )
        if region is not None:
            region = (
                region
                if isinstance(region, PureCloudRegionHosts)
                else PureCloudRegionHosts.from_name(region)
            )
            self._host, self._login_host = region.api_host, region.login_host
        self._gateway: GatewayConfiguration | None = None
        self.default_headers: dict[str, str] = {
            "User-Agent": config.user_agent,
            "Accept-Encoding": "gzip, deflate",  # httpx decodes these in Response.read()
        }
        if header_name is not None and header_value is not None:
            self.default_headers[header_name] = header_value
        if cookie:
            self.default_headers["Cookie"] = cookie
        if headers:
            self.default_headers.update(headers)
        self.tokens: TokenManager = TokenManager()
        state = self.tokens.state
        if access_token or config.access_token:
            state.set_static(access_token or config.access_token)
        if client_id is not None:
            state.client_id, state.client_secret = client_id, client_secret
            state.renew_with_client_credentials = client_secret is not None
        state.provider = token_provider
        self.retry_policy: RetryPolicy = RetryPolicy(
            max_retries=_pick(max_retries, config.max_retries),
            max_rate_limit_retries=_pick(
                max_rate_limit_retries, config.max_rate_limit_retries
            ),
            max_retry_time=_pick(max_retry_time, config.max_retry_time),
            backoff_base=_pick(retry_backoff_base, config.retry_backoff_base),
            backoff_max=_pick(retry_backoff_max, config.retry_backoff_max),
        )
        rate = _pick(max_requests_per_second, config.max_requests_per_second)
        self.rate_limiter: RateLimiter | None = RateLimiter(rate, rate_limit_burst) if rate else None
        self._connect_timeout = _pick(connect_timeout, config.connect_timeout)
        self._timeout_seconds = _pick(timeout, config.timeout)
        self.verify_ssl: bool = bool(config.verify_ssl if verify_ssl is None else verify_ssl)
        self.max_connections: int = max_connections
        # what the httpx transport reads from the request's "timeout" extension
        self._timeout_extension = _timeout_extension(
            self._timeout_seconds, self._connect_timeout
        )
        # fixed now, built on the first request (transport_options)
        self._tls_settings = (config.ssl_ca_cert, config.cert_file, config.key_file)
        self._proxy_settings = (
            proxy or config.proxy,
            proxy_username or config.proxy_username,
            proxy_password or config.proxy_password,
        )
        self._transport_settings: dict[str, Any] | None = None
        self._transport_lock = (
            threading.RLock()
        )  # pools (api_client.py), then TLS context
        self.request_hooks: list[Callable[[RequestEvent], None]] = []
        self.response_hooks: list[Callable[[ResponseEvent], None]] = []

    @property
    def timeout(self) -> httpx.Timeout:
        return httpx.Timeout(self._timeout_seconds, connect=self._connect_timeout)

    def transport_options(self) -> dict[str, Any]:
        """TLS context and proxy shared by every pool of this client (see _pool.py), built
        once, on first use: creating an SSL context loads the CA bundle (tens of ms)."""
        settings = self._transport_settings
        if settings is None:
            with self._transport_lock:
                settings = self._transport_settings
                if settings is None:
                    settings = self._transport_settings = {
                        "verify": _tls_context(self._tls_settings, self.verify_ssl),
                        "proxy": _proxy(*self._proxy_settings),
                    }
        return settings

    def http_settings(self, connections: int) -> dict[str, Any]:
        """Keyword arguments of one httpx transport (a connection pool) of ``connections``
        connections. The clients send through httpx transports directly rather than through
        ``httpx.Client``, whose per-request work (URL merging, cookies, auth and redirect
        flows, event hooks) doubled the CPU cost of a small call and is all done here.
        """
        limits = httpx.Limits(
            max_connections=connections, max_keepalive_connections=connections
        )
        return {**self.transport_options(), "limits": limits}

    # hosts ----------------------------------------------------------------------------------
    @property
    def host(self) -> str:
        """The API base URL requests go to (official attribute; settable)."""
        return self.api_base_url()

    @host.setter
    def host(self, value: str) -> None:
        self._host = normalize_host(value)

    def api_base_url(self) -> str:
        if self._gateway is not None:
            return self._gateway.api_base_url()
        if self._host is not None:
            return self._host + (self.configuration.base_path or "")
        return self.configuration.api_base_url()

    def login_base_url(self) -> str:
        if self._gateway is not None:
            return self._gateway.login_base_url()
        if self._login_host is not None:
            return self._login_host
        if self._host is not None:
            return login_host_for(self._host)
        return self.configuration.login_base_url()

    def set_gateway(
        self,
        host: str,
        protocol: str | None = None,
        port: int | None = None,
        login_path: str | None = None,
        api_path: str | None = None,
    ) -> None:
        """Send login and API requests through a gateway (official signature; ``None`` = default)."""
        self._gateway = GatewayConfiguration(
            host,
            protocol or "https",
            -1 if port is None else port,
            login_path or "",
            api_path or "",
        )

    # headers and tokens ---------------------------------------------------------------------
    @property
    def user_agent(self) -> str:
        return self.default_headers["User-Agent"]

    @user_agent.setter
    def user_agent(self, value: str) -> None:
        self.default_headers["User-Agent"] = value

    def set_default_header(self, header_name: str, header_value: str) -> None:
        self.default_headers[header_name] = header_value

    @property
    def access_token(self) -> str:
        return self.tokens.state.access_token

    @access_token.setter
    def access_token(self, token: str) -> None:
        self.set_access_token(token)

    @property
    def refresh_token(self) -> str | None:
        return self.tokens.state.refresh_token

    def set_access_token(self, token: str, expires_in: float | None = None) -> None:
        """Use a token obtained elsewhere (no renewal unless a refresh token or grant is known)."""
        state = self.tokens.state
        state.set_static(token)
        if expires_in is not None:
            state.store(TokenInfo(token, time.monotonic() + expires_in, None, {}))

    def set_jwt(self, jwt: str | None) -> None:
        """Guest Chat: the JWT returned by ``post_webchat_guest_conversations``.

        Takes the response's optional ``jwt`` attribute as it is (``client.set_jwt(session.jwt)``)
        and raises ``ValueError`` when the response carried none."""
        if not jwt:
            raise ValueError("no JWT to set: the session response carried no jwt")
        self.tokens.state.set_static(jwt)

    def set_token_provider(self, provider: Callable[[], str] | None) -> None:
        """A callable returning a fresh token, called when the token is rejected or missing."""
        self.tokens.state.provider = provider

    def _remember_grant(
        self, client_id: str, client_secret: str | None, client_credentials: bool
    ) -> None:
        state = self.tokens.state
        state.client_id, state.client_secret = client_id, client_secret
        state.renew_with_client_credentials = client_credentials
        if not client_credentials:
            state.refresh_token = None

    def _store_token(self, info: TokenInfo) -> dict[str, Any]:
        self.tokens.state.store(info)
        return info.raw

    def token_enabled(self) -> tuple[bool, float]:
        config = self.configuration
        return bool(config.should_refresh_access_token), float(
            config.refresh_token_wait_time
        )

    # requests ---------------------------------------------------------------------------------
    def policy_for(self, options: RequestOptions) -> RetryPolicy:
        if (
            options.max_retries is None
            and options.max_rate_limit_retries is None
            and options.max_retry_time is None
        ):
            return self.retry_policy
        base = self.retry_policy
        return RetryPolicy(
            max_retries=_pick(options.max_retries, base.max_retries),
            max_rate_limit_retries=_pick(
                options.max_rate_limit_retries, base.max_rate_limit_retries
            ),
            max_retry_time=_pick(options.max_retry_time, base.max_retry_time),
            backoff_base=base.backoff_base,
            backoff_max=base.backoff_max,
            jitter=base.jitter,
        )

    def request_headers(
        self, prepared: PreparedRequest, options: RequestOptions
    ) -> dict[str, str]:
        headers = {**self.default_headers, **prepared.headers}
        if options.headers:
            headers.update(options.headers)
        return headers

    def request_query(
        self, prepared: PreparedRequest, options: RequestOptions
    ) -> list[tuple[str, str]] | None:
        if options.extra_query:
            from ._encoding import format_collection

            extra = [
                (k, text)
                for k, v in options.extra_query.items()
                if v is not None
                for text in format_collection(v, "multi")
            ]
            return prepared.query + extra
        return prepared.query or None

    def request_timeout(self, options: RequestOptions) -> dict[str, float | None]:
        """The timeout as the httpx transport reads it (a request extension)."""
        if options.timeout is None:
            return self._timeout_extension
        return _timeout_extension(
            options.timeout, min(self._connect_timeout, options.timeout)
        )

    def before_send(
        self, operation_id: str, method: str, url: str, state: RetryState
    ) -> None:
        if self.request_hooks:
            event = RequestEvent(operation_id, method, url, state.attempts)
            for hook in self.request_hooks:
                hook(event)

    def judge_response(
        self,
        operation_id: str,
        method: str,
        url: str,
        headers: Mapping[str, str],
        request_body: Any,
        response: httpx.Response,
        token: str,
        reauth_used: bool,
        policy: RetryPolicy,
        state: RetryState,
        started: float,
        secret: bool = False,
    ) -> Outcome:
        """Decide on a response whose body has been read; raises the typed error when final."""
        status = response.status_code
        outcome: Outcome
        if status < 400:
            outcome = Outcome("done")
        elif (
            status == 401
            and token
            and not reauth_used
            and self.tokens.state.can_renew()
            and (self.configuration.should_refresh_access_token)
        ):
            self.tokens.invalidate(token)
            outcome = Outcome("reauth")
        else:
            delay = retry_delay_for_status(
                policy, state, method, status, response.headers
            )
            outcome = Outcome("retry", delay) if delay is not None else Outcome("raise")
        elapsed = time.monotonic() - started
        self._report(
            operation_id,
            method,
            url,
            headers,
            request_body,
            response,
            state,
            elapsed,
            outcome,
            secret,
        )
        if outcome.kind == "raise":
            raise error_from_response(
                status, response.reason_phrase, response.headers, response.content
            )
        return outcome

    def judge_transport_error(
        self,
        operation_id: str,
        method: str,
        url: str,
        headers: Mapping[str, str],
        error: httpx.TransportError,
        policy: RetryPolicy,
        state: RetryState,
        started: float,
    ) -> float:
        """The delay before retrying after a transport error; raises the typed error when final."""
        not_sent = (
            httpx.ConnectError,
            httpx.ConnectTimeout,
            httpx.PoolTimeout,
            httpx.ProxyError,
        )
        kind = NOT_SENT if isinstance(error, not_sent) else MAYBE_SENT
        delay = None
        if not isinstance(error, httpx.UnsupportedProtocol):
            delay = retry_delay_for_transport_error(policy, state, method, kind)
        description = f"{type(error).__name__}: {error or 'no detail'} ({method} {url})"
        elapsed = time.monotonic() - started
        logger = self.configuration.logger
        if logger.wants_errors():
            logger.log_exchange(
                method=method,
                url=url,
                status=None,
                request_headers=headers,
                response_headers=None,
                elapsed=elapsed,
                error=description,
            )
        if self.response_hooks:
            event = ResponseEvent(
                operation_id,
                method,
                url,
                state.attempts,
                None,
                elapsed,
                error=description,
                will_retry=delay is not None,
            )
            for hook in self.response_hooks:
                hook(event)
        if delay is None:
            error_class = (
                ApiTimeoutError
                if isinstance(error, httpx.TimeoutException)
                else ApiConnectionError
            )
            raise error_class(description) from error
        return delay

    def _report(
        self,
        operation_id,
        method,
        url,
        headers,
        request_body,
        response,
        state,
        elapsed,
        outcome,
        secret,
    ):
        logger = self.configuration.logger
        failed = response.status_code >= 400
        if logger.wants_success() or (failed and logger.wants_errors()):
            logger.log_exchange(
                method=method,
                url=url,
                status=response.status_code,
                request_headers=headers,
                response_headers=response.headers,
                request_body=request_body,
                response_body=(
                    response.content
                    if not response.is_stream_consumed or failed
                    else None
                ),
                correlation_id=response.headers.get(CORRELATION_ID_HEADER),
                elapsed=elapsed,
                secret_bodies=secret,
            )
        if self.response_hooks:
            event = ResponseEvent(
                operation_id,
                method,
                url,
                state.attempts,
                response.status_code,
                elapsed,
                response.headers.get(CORRELATION_ID_HEADER),
                will_retry=outcome.kind in ("retry", "reauth"),
            )
            for hook in self.response_hooks:
                hook(event)

    def result(
        self,
        op: OperationSpec,
        response: httpx.Response,
        content: bytes | None,
        options: RequestOptions,
        state: RetryState,
        downloaded: Any = _UNSET,
    ) -> Any:
        if downloaded is not _UNSET:
            data = downloaded
        elif op.response_type is None or not content:
            data = None
        elif op.response_type == "bytes":
            data = content
        elif op.response_type == "str" and not _is_json(response.headers.get("content-type")):
            # text/plain, text/calendar, ...: the body is the string (as the official SDK returns it)
            data = content.decode(response.encoding or "utf-8", errors="replace")
        else:
            try:
                data = _models.decode_json(content, op.response_type)
            # msgspec raises its own error types (and LookupError for unknown models);
            # each is re-raised as a typed error naming the operation
            except Exception as error:  # noqa: BLE001
                raise ResponseDecodeError(
                    response.status_code,
                    f"{op.operation_id}: the response body is not a valid {op.response_type}: {error}",
                    headers=response.headers,
                    raw=content,
                ) from None
        if options.extended_response:
            return ApiResponse(
                response.status_code, response.headers, data, content, state.attempts
            )
        return data

    def token_from_response(self, response: httpx.Response) -> TokenInfo:
        try:
            return parse_token_response(response.json())
        except ValueError as error:
            raise ApiException(
                response.status_code,
                f"invalid token response: {error}",
                headers=response.headers,
            ) from None


def download_target_path(target: Any) -> str | None:
    return os.fspath(target) if isinstance(target, (str, os.PathLike)) else None


def _pick(value: Any, default: Any) -> Any:
    return default if value is None else value


def _timeout_extension(
    timeout: float | None, connect: float | None
) -> dict[str, float | None]:
    """The timeout as the httpx transport reads it (``httpx.Timeout(...).as_dict()``)."""
    return {"connect": connect, "read": timeout, "write": timeout, "pool": timeout}


def _tls_context(
    settings: tuple[str | None, str | None, str | None], verify: bool
) -> bool | ssl.SSLContext:
    if not verify:
        return False
    ca_cert, cert_file, key_file = settings
    if ca_cert:
        import ssl

        context = ssl.create_default_context(cafile=ca_cert)
    else:
        context = httpx.create_ssl_context()
    if cert_file:
        context.load_cert_chain(cert_file, key_file)
    return context


def _proxy(
    url: str | None, username: str | None, password: str | None
) -> httpx.Proxy | None:
    if not url:
        return None
    if username:
        return httpx.Proxy(url, auth=(username, password or ""))
    return httpx.Proxy(url)


def _is_json(content_type: str | None) -> bool:
    """``application/json``, ``application/problem+json``...; no header counts as JSON."""
    if not content_type:
        return True
    media = content_type.split(";", 1)[0].strip().lower()
    return media.endswith("/json") or media.endswith("+json")
