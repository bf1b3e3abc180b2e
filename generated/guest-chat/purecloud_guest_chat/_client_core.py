"""What the sync and async clients share: settings, URLs, headers, auth, retry decisions,
logging and decoding. No I/O here; ``api_client.py`` holds the two thin send loops.

Building a client is cheap: httpx, ssl and msgspec are imported, and the TLS context and
proxy built, when the first request needs them (see ``_lazy.py`` and ``transport_options``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ._auth import TokenInfo, TokenManager, parse_token_response
from ._call import Call
from ._decisions import CallDecisions, _pick, _timeout_extension
from ._events import (
    ClientState,
    ClientEvent,
    EventBus,
    EventKind,
    RequestEvent,
    ResponseEvent,
)
from ._lazy import lazy_import
from ._rate_limit import RateLimiter, RateLimitState
from ._request_options import RequestOptions
from ._response import ApiResponse
from ._retry import (
    RetryPolicy,
)
from .configuration import (
    Configuration,
    GatewayConfiguration,
    get_default_configuration,
    normalize_host,
)
from .regions import PureCloudRegionHosts, login_host_for
from .rest import (
    ApiException,
    ClientClosedError,
    ResponseDecodeError,
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


@dataclass(frozen=True, slots=True)
class CallSettings:
    """The settings of a client's calls, resolved from its keyword overrides and its
    configuration; rebuilt when the configuration changes (``Configuration.version``)."""

    retry_policy: RetryPolicy
    timeout: float | None
    attempt_timeout: float | None
    connect_timeout: float | None
    extension: dict[str, float | None]
    rate_cap: RateLimiter | None
    follow_rate_limit_headers: bool


class ClientCore(CallDecisions, Generic[TransportT]):
    """Settings, hosts, headers, tokens, states and events of a client; the decisions about
    each call come from :class:`CallDecisions` (``_decisions.py``)."""

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
        attempt_timeout: float | None = None,
        connect_timeout: float | None = None,
        max_retries: int | None = None,
        max_rate_limit_retries: int | None = None,
        max_retry_time: float | None = None,
        retry_backoff_base: float | None = None,
        retry_backoff_max: float | None = None,
        max_requests_per_second: float | None = None,
        rate_limit_burst: int = 1,
        follow_rate_limit_headers: bool | None = None,
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
        # keyword settings win over the configuration's; the others follow it as it changes
        self._overrides: dict[str, Any] = {
            name: value
            for name, value in (
                ("timeout", timeout),
                ("attempt_timeout", attempt_timeout),
                ("connect_timeout", connect_timeout),
                ("max_retries", max_retries),
                ("max_rate_limit_retries", max_rate_limit_retries),
                ("max_retry_time", max_retry_time),
                ("retry_backoff_base", retry_backoff_base),
                ("retry_backoff_max", retry_backoff_max),
                ("max_requests_per_second", max_requests_per_second),
                ("follow_rate_limit_headers", follow_rate_limit_headers),
                ("proxy", proxy),
                ("proxy_username", proxy_username),
                ("proxy_password", proxy_password),
                ("verify_ssl", verify_ssl),
            )
            if value is not None
        }
        self._rate_limit_burst = rate_limit_burst
        self._settings: CallSettings | None = None
        self._settings_version = -1
        self.rate_limit: RateLimitState = RateLimitState()
        self.max_connections: int = max_connections
        self._transport_settings: dict[str, Any] | None = None
        self._transport_lock = (
            threading.RLock()
        )  # pools (api_client.py), then TLS context
        self.request_hooks: list[Callable[[RequestEvent], None]] = []
        self.response_hooks: list[Callable[[ResponseEvent], None]] = []
        self._logger_name = config.logger.name
        self.events: EventBus = EventBus(self._logger_name)
        self._state = ClientState.IDLE
        self._state_lock = threading.Lock()

    # settings ---------------------------------------------------------------------------------
    def call_settings(self) -> CallSettings:
        """The current settings (one integer comparison when the configuration is unchanged)."""
        config = self.configuration
        settings = self._settings
        if settings is None or self._settings_version != config.version:
            self._settings_version = config.version
            settings = self._settings = self._resolve_settings(settings)
        return settings

    def _setting(self, name: str) -> Any:
        return _pick(self._overrides.get(name), getattr(self.configuration, name))

    def _resolve_settings(self, previous: CallSettings | None) -> CallSettings:
        setting = self._setting
        policy = RetryPolicy(
            max_retries=int(setting("max_retries")),
            max_rate_limit_retries=int(setting("max_rate_limit_retries")),
            max_retry_time=float(setting("max_retry_time")),
            backoff_base=float(setting("retry_backoff_base")),
            backoff_max=float(setting("retry_backoff_max")),
        )
        rate = setting("max_requests_per_second")
        cap = previous.rate_cap if previous is not None else None
        if not rate:
            cap = None
        elif cap is None or cap.requests_per_second != rate:
            cap = RateLimiter(rate, self._rate_limit_burst)
        attempt_timeout = setting("attempt_timeout")
        connect_timeout = setting("connect_timeout")
        follow = bool(setting("follow_rate_limit_headers"))
        self.rate_limit.follow_headers = follow
        return CallSettings(
            retry_policy=policy,
            timeout=setting("timeout"),
            attempt_timeout=attempt_timeout,
            connect_timeout=connect_timeout,
            extension=_timeout_extension(attempt_timeout, connect_timeout),
            rate_cap=cap,
            follow_rate_limit_headers=follow,
        )

    @property
    def retry_policy(self) -> RetryPolicy:
        return self.call_settings().retry_policy

    @property
    def rate_limiter(self) -> RateLimiter | None:
        """The fixed cap (``max_requests_per_second``), or None."""
        return self.call_settings().rate_cap

    def transport_setting_in_use(self, name: str) -> bool:
        """Whether this open client has set up connections with the configuration's ``name``
        (then a change of it cannot apply)."""
        return (
            self._transport_settings is not None
            and name not in self._overrides
            and self._state is not ClientState.CLOSED
        )

    # states and events --------------------------------------------------------------------------
    @property
    def state(self) -> ClientState:
        """Where the client is: idle, connecting, connected, rate_limited, reconnecting, closed."""
        return self._state

    def _set_state(
        self, new: ClientState, only_from: tuple[ClientState, ...] | None = None
    ) -> None:
        with self._state_lock:
            previous = self._state
            if previous is new or previous is ClientState.CLOSED:
                return
            if only_from is not None and previous not in only_from:
                return
            self._state = new
        if self.events.active:
            self.events.emit(
                ClientEvent(EventKind.STATE_CHANGED, state=new, previous_state=previous)
            )

    def _call_event(self, kind: str, call: Call, **fields: Any) -> None:
        self.events.emit(
            ClientEvent(
                kind,
                operation_id=call.operation_id,
                method=call.method,
                url=call.url,
                attempt=call.attempt,
                **fields,
            )
        )

    def _mark_closed(self) -> None:
        self._set_state(ClientState.CLOSED)

    def _check_open(self) -> None:
        if self._state is ClientState.CLOSED:
            raise ClientClosedError(
                "this client is closed; nothing was sent (build a new client)"
            )

    def token_event(self, error: BaseException | None, had_token: bool) -> None:
        """After a token request: obtained / renewed / failed."""
        if error is None:
            if self._state is ClientState.IDLE:
                self._set_state(ClientState.CONNECTED)
            if self.events.active:
                kind = EventKind.TOKEN_RENEWED if had_token else EventKind.TOKEN_OBTAINED
                self.events.emit(ClientEvent(kind))
        elif self.events.active:
            self.events.emit(
                ClientEvent(EventKind.TOKEN_FAILED, error=f"{type(error).__name__}: {error}")
            )

    @property
    def timeout(self) -> httpx.Timeout:
        """The per-attempt timeouts (read/write/pool, connect) as an ``httpx.Timeout``."""
        settings = self.call_settings()
        return httpx.Timeout(settings.attempt_timeout, connect=settings.connect_timeout)

    def transport_options(self) -> dict[str, Any]:
        """TLS context and proxy shared by every pool of this client (see _pool.py), built
        once, on first use: creating an SSL context loads the CA bundle (tens of ms)."""
        settings = self._transport_settings
        if settings is None:
            with self._transport_lock:
                settings = self._transport_settings
                if settings is None:
                    config = self.configuration
                    tls = (config.ssl_ca_cert, config.cert_file, config.key_file)
                    setting = self._setting
                    settings = {
                        "verify": _tls_context(tls, bool(setting("verify_ssl"))),
                        "proxy": _proxy(
                            setting("proxy"),
                            setting("proxy_username"),
                            setting("proxy_password"),
                        ),
                    }
                    config.track_transport_user(self)
                    self._transport_settings = settings
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

    @property
    def verify_ssl(self) -> bool:
        return bool(self._setting("verify_ssl"))

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
        base = self.call_settings().retry_policy
        if (
            options.max_retries is None
            and options.max_rate_limit_retries is None
            and options.max_retry_time is None
        ):
            return base
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

    def result(
        self,
        op: OperationSpec,
        call: Call,
        response: httpx.Response,
        content: bytes | None,
        options: RequestOptions,
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
                response.status_code, response.headers, data, content, call.retry.attempts
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
