"""The clients: ``ApiClient`` (sync, httpx transports) and ``AsyncApiClient`` (async ones).

Each owns its connection pools, opened on the first request (building a client imports
neither httpx nor asyncio). Generated API classes call ``call_api(op, args, options)``
(``AsyncApiClient.call_api`` is a coroutine); an API class refuses the other kind of client.
The send loops are thin (send, sleep, retry); every decision lives in ``ClientCore``.
"""

from __future__ import annotations

import os
import sys
import threading
import time
import types
import weakref
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from ._auth import (
    TOKEN_PATH,
    TokenInfo,
    TokenRequest,
    authorization_code_request,
    client_credentials_request,
    compute_pkce_code_challenge,
    generate_pkce_code_verifier,
    pkce_request,
    refresh_request,
    saml2bearer_request,
)
from ._client_core import TOKEN_OPERATION_ID, ClientCore, download_target_path
from ._encoding import PreparedRequest, prepare_request
from ._lazy import lazy_import
from ._operation import OperationSpec
from ._pool import PoolShards
from ._request_options import DEFAULT_REQUEST_OPTIONS, RequestOptions
from ._retry import RetryPolicy, RetryState
from .configuration import get_default_configuration
from .rest import ApiConnectionError

if TYPE_CHECKING:
    import asyncio

    import httpx
else:
    asyncio = lazy_import("asyncio", globals())
    httpx = lazy_import("httpx", globals())

_NEXT_PAGE_AUTH = (
    "nextUri",
)  # any non-empty auth tuple: the page is fetched with the token


class ApiClient(ClientCore["httpx.BaseTransport"]):
    """Synchronous client. Thread-safe: share one per process (one pool, one token).

    Keyword configuration (all optional)::

        with ApiClient(region="eu-west-1", client_id=ID, client_secret=SECRET) as client:
            me = UsersApi(client).get_users_me()

    or the official SDK's way: ``ApiClient().get_client_credentials_token(ID, SECRET)``.
    """

    is_async = False

    @property
    def _pools(self) -> PoolShards[httpx.BaseTransport]:
        """The connection pools, opened by the first request (once, under a lock)."""
        shards = self._shards
        if shards is None:
            with self._transport_lock:
                shards = self._shards
                if shards is None:
                    shards = self._shards = _open_pools(
                        self,
                        self._transport,
                        lambda size: httpx.HTTPTransport(**self.http_settings(size)),
                    )
        return shards

    def close(self) -> None:
        shards = self._shards
        if self._owns_transport and shards is not None:
            for transport in shards.clients:
                transport.close()

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # generated code enters here ------------------------------------------------------------
    def call_api(
        self,
        op: OperationSpec,
        args: Mapping[str, Any],
        request_options: RequestOptions | None = None,
    ) -> Any:
        prepared = prepare_request(op, args)
        try:
            return self._call(op, prepared, request_options or DEFAULT_REQUEST_OPTIONS)
        finally:
            if prepared.opened_files:
                prepared.close()

    def request_next_page(
        self,
        next_uri: str,
        response_type: str,
        request_options: RequestOptions | None = None,
    ) -> Any:
        """GET a listing's ``nextUri`` (relative to the API host) and decode it as ``response_type``."""
        op, prepared = _next_page_request(self.api_base_url(), next_uri, response_type)
        return self._call(op, prepared, request_options or DEFAULT_REQUEST_OPTIONS)

    def _call(
        self, op: OperationSpec, prepared: PreparedRequest, options: RequestOptions
    ) -> Any:
        self.configuration.check_config_file()
        url = self.api_base_url() + prepared.path
        headers = self.request_headers(prepared, options)
        target = options.download_to
        response, state = self._send(
            op.operation_id,
            op.method,
            url,
            headers,
            self.request_query(prepared, options),
            prepared,
            self.request_timeout(options),
            self.policy_for(options),
            auth=bool(op.auth),
            stream=target is not None,
        )
        if target is None:
            return self.result(op, response, response.content, options, state)
        try:
            downloaded = _download(response, target)
        finally:
            response.close()
        return self.result(op, response, None, options, state, downloaded)

    def _send(
        self,
        operation_id: str,
        method: str,
        url: str,
        headers: dict[str, str],
        params: Any,
        prepared: PreparedRequest,
        timeout: dict[str, float | None],
        policy: RetryPolicy,
        *,
        auth: bool,
        stream: bool,
        secret: bool = False,
    ) -> tuple[httpx.Response, RetryState]:
        state = RetryState(time.monotonic())
        reauth_used = False
        token = ""
        pools = self._pools
        while True:
            if self.rate_limiter is not None:
                wait = self.rate_limiter.reserve()
                if wait:
                    time.sleep(wait)
            if auth:
                enabled, wait_time = self.token_enabled()
                token = self.tokens.token_for_request(
                    self._fetch_token, enabled, wait_time
                )
                # official idiom: `configuration.access_token = ...` when the client has none
                token = token or self.configuration.access_token
                _set_bearer(headers, token)
            self.before_send(operation_id, method, url, state)
            started = time.monotonic()
            pool = pools.acquire()
            transport = pools.clients[pool]
            try:
                request = httpx.Request(
                    method,
                    url,
                    params=params,
                    headers=headers,
                    content=prepared.content,
                    data=prepared.form_fields,
                    files=prepared.files,
                    extensions={"timeout": timeout},
                )
                response = transport.handle_request(request)
                if not stream or response.status_code >= 400:
                    response.read()
            except httpx.TransportError as error:
                failure: httpx.TransportError | None = error
            else:
                failure = None
            finally:
                pools.release(pool)
            if failure is not None:
                delay = self.judge_transport_error(
                    operation_id, method, url, headers, failure, policy, state, started
                )
                prepared.rewind_files()
                time.sleep(delay)
                continue
            outcome = self.judge_response(
                operation_id,
                method,
                url,
                headers,
                prepared.content,
                response,
                token,
                reauth_used,
                policy,
                state,
                started,
                secret,
            )
            if outcome.kind == "done":
                return response, state
            response.close()
            if outcome.kind == "reauth":
                reauth_used = True
            else:
                time.sleep(outcome.delay)
            prepared.rewind_files()

    def _fetch_token(self, token_request: TokenRequest) -> TokenInfo:
        url, headers, prepared = _token_http_request(self, token_request)
        response, _ = self._send(
            TOKEN_OPERATION_ID,
            "POST",
            url,
            headers,
            None,
            prepared,
            self.request_timeout(DEFAULT_REQUEST_OPTIONS),
            self.retry_policy,
            auth=False,
            stream=False,
            secret=True,
        )
        return self.token_from_response(response)

    # the official SDK's entry points -----------------------------------------------------------
    def get_client_credentials_token(
        self, client_id: str, client_secret: str
    ) -> ApiClient:
        """Client-credentials grant; the token is renewed the same way when it expires."""
        self._remember_grant(client_id, client_secret, client_credentials=True)
        self._store_token(
            self._fetch_token(client_credentials_request(client_id, client_secret))
        )
        return self

    def get_saml2bearer_token(
        self, client_id: str, client_secret: str, org_name: str, assertion: str
    ) -> ApiClient:
        self._remember_grant(client_id, client_secret, client_credentials=False)
        self._store_token(
            self._fetch_token(
                saml2bearer_request(client_id, client_secret, org_name, assertion)
            )
        )
        return self

    def get_code_authorization_token(
        self, client_id: str, client_secret: str, auth_code: str, redirect_uri: str
    ) -> tuple[ApiClient, dict[str, Any]]:
        """Authorization-code grant; the refresh token renews the access token on expiry."""
        self._remember_grant(client_id, client_secret, client_credentials=False)
        request = authorization_code_request(
            client_id, client_secret, auth_code, redirect_uri
        )
        return self, self._store_token(self._fetch_token(request))

    def refresh_code_authorization_token(
        self, client_id: str, client_secret: str | None, refresh_token: str
    ) -> tuple[ApiClient, dict[str, Any]]:
        self._remember_grant(client_id, client_secret, client_credentials=False)
        return self, self._store_token(
            self._fetch_token(refresh_request(client_id, client_secret, refresh_token))
        )

    def get_pkce_token(
        self, client_id: str, code_verifier: str, auth_code: str, redirect_uri: str
    ) -> tuple[ApiClient, dict[str, Any]]:
        """PKCE grant (public client, no secret)."""
        self._remember_grant(client_id, None, client_credentials=False)
        request = pkce_request(client_id, code_verifier, auth_code, redirect_uri)
        return self, self._store_token(self._fetch_token(request))

    @staticmethod
    def generate_pkce_code_verifier(length: int = 128) -> str:
        """A random PKCE code verifier (RFC 7636)."""
        return generate_pkce_code_verifier(length)

    @staticmethod
    def compute_pkce_code_challenge(code_verifier: str) -> str:
        """The S256 code challenge of ``code_verifier``."""
        return compute_pkce_code_challenge(code_verifier)


class AsyncApiClient(ClientCore["httpx.AsyncBaseTransport"]):
    """Asynchronous client: the same settings and entry points, as coroutines."""

    is_async = True

    @property
    def _pools(self) -> PoolShards[httpx.AsyncBaseTransport]:
        """The connection pools, opened by the first request (once, under a lock)."""
        shards = self._shards
        if shards is None:
            with self._transport_lock:
                shards = self._shards
                if shards is None:
                    shards = self._shards = _open_pools(
                        self,
                        self._transport,
                        lambda size: _async_transport(self.http_settings(size)),
                    )
        return shards

    async def aclose(self) -> None:
        shards = self._shards
        if self._owns_transport and shards is not None:
            for transport in shards.clients:
                await transport.aclose()

    close = aclose

    async def __aenter__(self) -> AsyncApiClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def call_api(
        self,
        op: OperationSpec,
        args: Mapping[str, Any],
        request_options: RequestOptions | None = None,
    ) -> Any:
        prepared = prepare_request(op, args)
        try:
            return await self._call(
                op, prepared, request_options or DEFAULT_REQUEST_OPTIONS
            )
        finally:
            if prepared.opened_files:
                prepared.close()

    call_api_async = call_api

    async def request_next_page(
        self,
        next_uri: str,
        response_type: str,
        request_options: RequestOptions | None = None,
    ) -> Any:
        op, prepared = _next_page_request(self.api_base_url(), next_uri, response_type)
        return await self._call(
            op, prepared, request_options or DEFAULT_REQUEST_OPTIONS
        )

    async def _call(
        self, op: OperationSpec, prepared: PreparedRequest, options: RequestOptions
    ) -> Any:
        self.configuration.check_config_file()
        url = self.api_base_url() + prepared.path
        headers = self.request_headers(prepared, options)
        target = options.download_to
        response, state = await self._send(
            op.operation_id,
            op.method,
            url,
            headers,
            self.request_query(prepared, options),
            prepared,
            self.request_timeout(options),
            self.policy_for(options),
            auth=bool(op.auth),
            stream=target is not None,
        )
        if target is None:
            return self.result(op, response, response.content, options, state)
        try:
            downloaded = await _download_async(response, target)
        finally:
            await response.aclose()
        return self.result(op, response, None, options, state, downloaded)

    async def _send(
        self,
        operation_id: str,
        method: str,
        url: str,
        headers: dict[str, str],
        params: Any,
        prepared: PreparedRequest,
        timeout: dict[str, float | None],
        policy: RetryPolicy,
        *,
        auth: bool,
        stream: bool,
        secret: bool = False,
    ) -> tuple[httpx.Response, RetryState]:
        state = RetryState(time.monotonic())
        reauth_used = False
        token = ""
        pools = self._pools
        while True:
            if self.rate_limiter is not None:
                wait = self.rate_limiter.reserve()
                if wait:
                    await asyncio.sleep(wait)
            if auth:
                enabled, wait_time = self.token_enabled()
                token = await self.tokens.token_for_request_async(
                    self._fetch_token, enabled, wait_time
                )
                # official idiom: `configuration.access_token = ...` when the client has none
                token = token or self.configuration.access_token
                _set_bearer(headers, token)
            self.before_send(operation_id, method, url, state)
            started = time.monotonic()
            pool = pools.acquire()
            transport = pools.clients[pool]
            try:
                request = httpx.Request(
                    method,
                    url,
                    params=params,
                    headers=headers,
                    content=prepared.content,
                    data=prepared.form_fields,
                    files=prepared.files,
                    extensions={"timeout": timeout},
                )
                response = await transport.handle_async_request(request)
                if not stream or response.status_code >= 400:
                    await response.aread()
            except httpx.TransportError as error:
                failure: httpx.TransportError | None = error
            else:
                failure = None
            finally:
                pools.release(pool)
            if failure is not None:
                delay = self.judge_transport_error(
                    operation_id, method, url, headers, failure, policy, state, started
                )
                prepared.rewind_files()
                await asyncio.sleep(delay)
                continue
            outcome = self.judge_response(
                operation_id,
                method,
                url,
                headers,
                prepared.content,
                response,
                token,
                reauth_used,
                policy,
                state,
                started,
                secret,
            )
            if outcome.kind == "done":
                return response, state
            await response.aclose()
            if outcome.kind == "reauth":
                reauth_used = True
            else:
                await asyncio.sleep(outcome.delay)
            prepared.rewind_files()

    async def _fetch_token(self, token_request: TokenRequest) -> TokenInfo:
        url, headers, prepared = _token_http_request(self, token_request)
        response, _ = await self._send(
            TOKEN_OPERATION_ID,
            "POST",
            url,
            headers,
            None,
            prepared,
            self.request_timeout(DEFAULT_REQUEST_OPTIONS),
            self.retry_policy,
            auth=False,
            stream=False,
            secret=True,
        )
        return self.token_from_response(response)

    async def get_client_credentials_token(
        self, client_id: str, client_secret: str
    ) -> AsyncApiClient:
        self._remember_grant(client_id, client_secret, client_credentials=True)
        self._store_token(
            await self._fetch_token(
                client_credentials_request(client_id, client_secret)
            )
        )
        return self

    async def get_saml2bearer_token(
        self, client_id: str, client_secret: str, org_name: str, assertion: str
    ) -> AsyncApiClient:
        self._remember_grant(client_id, client_secret, client_credentials=False)
        self._store_token(
            await self._fetch_token(
                saml2bearer_request(client_id, client_secret, org_name, assertion)
            )
        )
        return self

    async def get_code_authorization_token(
        self, client_id: str, client_secret: str, auth_code: str, redirect_uri: str
    ) -> tuple[AsyncApiClient, dict[str, Any]]:
        self._remember_grant(client_id, client_secret, client_credentials=False)
        request = authorization_code_request(
            client_id, client_secret, auth_code, redirect_uri
        )
        return self, self._store_token(await self._fetch_token(request))

    async def refresh_code_authorization_token(
        self, client_id: str, client_secret: str | None, refresh_token: str
    ) -> tuple[AsyncApiClient, dict[str, Any]]:
        self._remember_grant(client_id, client_secret, client_credentials=False)
        request = refresh_request(client_id, client_secret, refresh_token)
        return self, self._store_token(await self._fetch_token(request))

    async def get_pkce_token(
        self, client_id: str, code_verifier: str, auth_code: str, redirect_uri: str
    ) -> tuple[AsyncApiClient, dict[str, Any]]:
        self._remember_grant(client_id, None, client_credentials=False)
        request = pkce_request(client_id, code_verifier, auth_code, redirect_uri)
        return self, self._store_token(await self._fetch_token(request))

    @staticmethod
    def generate_pkce_code_verifier(length: int = 128) -> str:
        """A random PKCE code verifier (RFC 7636)."""
        return generate_pkce_code_verifier(length)

    @staticmethod
    def compute_pkce_code_challenge(code_verifier: str) -> str:
        """The S256 code challenge of ``code_verifier``."""
        return compute_pkce_code_challenge(code_verifier)


# ---------------------------------------------------------------------------------------------
# default clients, for XxxApi() without arguments

_default_lock = threading.Lock()
# connections belong to the event loop that opened them: one default async client per loop
_default_async_clients: weakref.WeakKeyDictionary[Any, AsyncApiClient] = (
    weakref.WeakKeyDictionary()
)


def get_default_api_client() -> ApiClient:
    """``configuration.api_client``, created from the default configuration on first use."""
    config = get_default_configuration()
    if config.api_client is None:
        with _default_lock:
            if config.api_client is None:
                config.api_client = ApiClient(configuration=config)
    return config.api_client


def get_default_async_api_client() -> AsyncApiClient:
    """The default ``AsyncApiClient`` of the running event loop (one per loop, so that
    ``asyncio.run()`` called twice does not reuse connections of a closed loop)."""
    loop = asyncio.get_running_loop()
    client = _default_async_clients.get(loop)
    if client is None:
        with _default_lock:
            client = _default_async_clients.get(loop)
            if client is None:
                client = AsyncApiClient(configuration=get_default_configuration())
                _default_async_clients[loop] = client
    return client


# ---------------------------------------------------------------------------------------------
# helpers shared by both clients


def _async_transport(settings: dict[str, Any]) -> httpx.AsyncHTTPTransport:
    from ._asyncio_backend import use_asyncio_backend

    return use_asyncio_backend(httpx.AsyncHTTPTransport(**settings))


def _open_pools(client: ClientCore, transport: Any, factory: Any) -> PoolShards[Any]:
    """The client's pools: the caller's own transport, or pools built by ``factory``."""
    if transport is not None:
        return PoolShards(lambda _: transport, 1)
    return PoolShards(factory, client.max_connections)


def _set_bearer(headers: dict[str, str], token: str) -> None:
    if token:
        headers["Authorization"] = "Bearer " + token
    else:
        headers.pop("Authorization", None)


def _token_http_request(
    client: ClientCore, token_request: TokenRequest
) -> tuple[str, dict[str, str], PreparedRequest]:
    url = client.login_base_url() + TOKEN_PATH
    headers = {**client.default_headers, **token_request.headers()}
    prepared = PreparedRequest(
        "POST", TOKEN_PATH, [], headers, content=urlencode(token_request.form).encode()
    )
    return url, headers, prepared


def _next_page_request(
    api_base: str, next_uri: str, response_type: str
) -> tuple[OperationSpec, PreparedRequest]:
    """The request for a listing's ``nextUri``. Only its path and query are used, sent to the
    client's own API base: an absolute nextUri naming another host (Genesys' public host seen
    through a gateway, or anything else) never receives the token."""
    parts = urlsplit(next_uri)
    path = parts.path or "/"
    base = urlsplit(api_base)
    base_path = base.path.rstrip("/")
    same_origin = (parts.scheme, parts.netloc) == (base.scheme, base.netloc)
    if same_origin and base_path and path.startswith(base_path + "/"):
        path = path[len(base_path) :]
    op = OperationSpec(
        operation_id="nextPage",
        method="GET",
        path=path,
        response_type=response_type,
        auth=_NEXT_PAGE_AUTH,
    )
    query = parse_qsl(parts.query, keep_blank_values=True)
    return op, PreparedRequest("GET", path, query, {"Accept": "application/json"})


def _download(response: httpx.Response, target: Any) -> Any:
    path = download_target_path(target)
    try:
        if path is None:
            for chunk in response.iter_bytes():
                target.write(chunk)
            return target
        partial = path + ".part"  # written aside, renamed when complete: no half files
        try:
            with open(partial, "wb") as handle:
                for chunk in response.iter_bytes():
                    handle.write(chunk)
            os.replace(partial, path)
        finally:
            if os.path.exists(partial):
                os.remove(partial)
        return path
    except httpx.TransportError as error:
        raise ApiConnectionError(
            f"download interrupted: {type(error).__name__}: {error}"
        ) from error


async def _download_async(response: httpx.Response, target: Any) -> Any:
    path = download_target_path(target)
    try:
        if path is None:
            async for chunk in response.aiter_bytes():
                target.write(chunk)
            return target
        partial = path + ".part"
        try:
            # local disk writes are short next to the network reads they wait on
            with open(partial, "wb") as handle:  # noqa: ASYNC230
                async for chunk in response.aiter_bytes():
                    handle.write(chunk)
            os.replace(partial, path)
        finally:
            if os.path.exists(partial):
                os.remove(partial)
        return path
    except httpx.TransportError as error:
        raise ApiConnectionError(
            f"download interrupted: {type(error).__name__}: {error}"
        ) from error


# ``<sdk>.api_client.ApiClient`` (official idiom) must work without importing the submodule
# first: the package's lazy map resolves the name ``api_client`` to this attribute.
api_client: types.ModuleType = sys.modules[__name__]
