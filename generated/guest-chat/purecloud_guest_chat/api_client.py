"""The clients: ``ApiClient`` (sync, httpx transports) and ``AsyncApiClient`` (async ones).

Each owns its connection pools, opened on the first request (building a client imports
neither httpx nor asyncio). Generated API classes call ``call_api(op, args, options)``
(``AsyncApiClient.call_api`` is a coroutine); an API class refuses the other kind of client.
The send loops only wait and send: every decision about a call (its rate-limit slot, its
attempts, the outcome of each) is ``CallDecisions``' (``_decisions.py``), taking the call's
``Call`` context (``_call.py``); the sync and async loops share all of them.
"""

from __future__ import annotations

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
from ._call import Call, Download, OutcomeKind
from ._client_core import TOKEN_OPERATION_ID, ClientCore
from ._encoding import PreparedRequest, prepare_request
from ._events import ClientState
from ._lazy import lazy_import
from ._operation import OperationSpec
from ._pool import PoolShards
from ._raw import AsyncRawCalls, RawCalls
from ._request_options import DEFAULT_REQUEST_OPTIONS, RequestOptions
from ._security import request_credentials
from ._token_lifecycle import AsyncTokenLifecycle, TokenLifecycle
from .configuration import get_default_configuration
from .rest import ClientLoopError

if TYPE_CHECKING:
    import asyncio

    import httpx
else:
    asyncio = lazy_import("asyncio", globals())
    httpx = lazy_import("httpx", globals())

_NEXT_PAGE_AUTH = (
    "nextUri",
)  # any non-empty auth tuple: the page is fetched with the token


class ApiClient(RawCalls, TokenLifecycle, ClientCore["httpx.BaseTransport"]):
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
        """Close the connections; later calls raise ``ClientClosedError``."""
        self._mark_closed()
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
        headers = self.request_headers(prepared, options)
        query, bearer = request_credentials(
            self.configuration, op.auth, headers, self.request_query(prepared, options)
        )
        call = self.start_call(
            op.operation_id,
            op.method,
            self.api_base_url() + prepared.path,
            headers,
            query,
            prepared,
            options,
            auth=bearer,
        )
        if call.auth:
            self.require_credentials(op.operation_id)
        response, downloaded = self._send(call)
        if call.download is not None:
            return self.result(op, call, response, None, options, downloaded)
        return self.result(op, call, response, response.content, options)

    def _send(self, call: Call) -> tuple[httpx.Response, Any]:
        """Send until an outcome is final; every decision is ``ClientCore``'s."""
        pools = self._pools
        prepared = call.prepared
        while True:
            wait = self.cap_wait(call)
            if wait:
                time.sleep(wait)
            ticket = None
            while (ticket := self.acquire_slot(call, ticket)).wait:
                time.sleep(ticket.wait)
            if call.auth:
                enabled, wait_time = self.token_enabled()
                token = self.tokens.token_for_request(
                    self._fetch_token, enabled, wait_time
                )
                # official idiom: `configuration.access_token = ...` when the client has none
                call.token = token or self.configuration.access_token
                _set_bearer(call.headers, call.token)
            timeout = self.begin_attempt(call)
            response = downloaded = None
            pool = pools.acquire()
            try:
                request = httpx.Request(
                    call.method,
                    call.url,
                    params=call.params,
                    headers=call.headers,
                    content=prepared.content,
                    data=prepared.form_fields,
                    files=prepared.files,
                    extensions={"timeout": timeout},
                )
                response = pools.clients[pool].handle_request(request)
                if call.download is not None and response.status_code < 400:
                    downloaded = _download(response, call.download)
                else:
                    response.read()
            except httpx.TransportError as error:
                outcome = self.judge_transport_error(call, error)
            else:
                outcome = self.judge_response(call, response)
            finally:
                pools.release(pool)
            if outcome.kind is OutcomeKind.DONE:
                return response, downloaded
            if response is not None:
                response.close()
            if outcome.kind is OutcomeKind.FAIL:
                raise outcome.error  # type: ignore[misc]
            if outcome.delay:
                time.sleep(outcome.delay)
            prepared.rewind_files()

    def _fetch_token(self, token_request: TokenRequest) -> TokenInfo:
        call = _token_call(self, token_request)
        had_token = bool(self.tokens.state.access_token)
        try:
            response, _ = self._send(call)
            info = self.token_from_response(response)
        except Exception as error:
            self.token_event(error, had_token)
            raise
        self.token_event(None, had_token)
        return info

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


class AsyncApiClient(AsyncRawCalls, AsyncTokenLifecycle, ClientCore["httpx.AsyncBaseTransport"]):
    """Asynchronous client: the same settings and entry points, as coroutines."""

    is_async = True
    # the event loop the connections belong to (see _pools)
    _loop: asyncio.AbstractEventLoop | None = None

    @property
    def _pools(self) -> PoolShards[httpx.AsyncBaseTransport]:
        """The connection pools, opened by the first request (once, under a lock), on the
        running event loop. Connections belong to that loop: used from a new loop after the
        old one closed (``asyncio.run()`` twice), the client opens new ones; used from another
        loop while the first is alive, it raises ``ClientLoopError`` before sending."""
        shards = self._shards
        loop = asyncio.get_running_loop()
        if shards is not None and self._loop is not loop:
            shards = self._rebind(loop)
        if shards is None:
            with self._transport_lock:
                shards = self._shards
                if shards is None:
                    shards = self._shards = _open_pools(
                        self,
                        self._transport,
                        lambda size: _async_transport(self.http_settings(size)),
                    )
                    self._loop = loop
        return shards

    def _rebind(self, loop: asyncio.AbstractEventLoop) -> PoolShards[Any] | None:
        previous = self._loop
        if previous is not None and not previous.is_closed() and self._owns_transport:
            raise ClientLoopError(
                "this AsyncApiClient's connections belong to another event loop that is still"
                " running; nothing was sent (use one AsyncApiClient per event loop)"
            )
        with self._transport_lock:
            if self._owns_transport:
                # the old loop is gone, and its connections with it (they cannot be closed
                # from here): new pools on this loop
                self._shards = None
            self._loop = loop
            return self._shards

    async def aclose(self) -> None:
        """Close the connections; later calls raise ``ClientClosedError``."""
        self._mark_closed()
        shards = self._shards
        if self._loop is not None and self._loop is not asyncio.get_running_loop():
            shards = None  # connections of another (closed) loop cannot be closed from this one
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
        headers = self.request_headers(prepared, options)
        query, bearer = request_credentials(
            self.configuration, op.auth, headers, self.request_query(prepared, options)
        )
        call = self.start_call(
            op.operation_id,
            op.method,
            self.api_base_url() + prepared.path,
            headers,
            query,
            prepared,
            options,
            auth=bearer,
        )
        if call.auth:
            self.require_credentials(op.operation_id)
        response, downloaded = await self._send(call)
        if call.download is not None:
            return self.result(op, call, response, None, options, downloaded)
        return self.result(op, call, response, response.content, options)

    async def _send(self, call: Call) -> tuple[httpx.Response, Any]:
        """Send until an outcome is final; every decision is ``ClientCore``'s."""
        pools = self._pools
        prepared = call.prepared
        while True:
            wait = self.cap_wait(call)
            if wait:
                await asyncio.sleep(wait)
            ticket = None
            while (ticket := self.acquire_slot(call, ticket)).wait:
                await asyncio.sleep(ticket.wait)
            if call.auth:
                enabled, wait_time = self.token_enabled()
                token = await self.tokens.token_for_request_async(
                    self._fetch_token, enabled, wait_time
                )
                # official idiom: `configuration.access_token = ...` when the client has none
                call.token = token or self.configuration.access_token
                _set_bearer(call.headers, call.token)
            timeout = self.begin_attempt(call)
            response = downloaded = None
            pool = pools.acquire()
            try:
                request = httpx.Request(
                    call.method,
                    call.url,
                    params=call.params,
                    headers=call.headers,
                    content=prepared.content,
                    data=prepared.form_fields,
                    files=prepared.files,
                    extensions={"timeout": timeout},
                )
                response = await pools.clients[pool].handle_async_request(request)
                if call.download is not None and response.status_code < 400:
                    downloaded = await _download_async(response, call.download)
                else:
                    await response.aread()
            except httpx.TransportError as error:
                outcome = self.judge_transport_error(call, error)
            else:
                outcome = self.judge_response(call, response)
            finally:
                pools.release(pool)
            if outcome.kind is OutcomeKind.DONE:
                return response, downloaded
            if response is not None:
                await response.aclose()
            if outcome.kind is OutcomeKind.FAIL:
                raise outcome.error  # type: ignore[misc]
            if outcome.delay:
                await asyncio.sleep(outcome.delay)
            prepared.rewind_files()

    async def _fetch_token(self, token_request: TokenRequest) -> TokenInfo:
        call = _token_call(self, token_request)
        had_token = bool(self.tokens.state.access_token)
        try:
            response, _ = await self._send(call)
            info = self.token_from_response(response)
        except Exception as error:
            self.token_event(error, had_token)
            raise
        self.token_event(None, had_token)
        return info

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
    if _unusable(config.api_client):
        with _default_lock:
            if _unusable(config.api_client):
                config.api_client = ApiClient(configuration=config)
    return config.api_client


def _unusable(client: Any) -> bool:
    """No default client yet, or a closed one (``close()`` on the default client)."""
    return client is None or getattr(client, "state", None) is ClientState.CLOSED


def get_default_async_api_client() -> AsyncApiClient:
    """The default ``AsyncApiClient`` of the running event loop (one per loop, so that
    ``asyncio.run()`` called twice does not reuse connections of a closed loop)."""
    loop = asyncio.get_running_loop()
    client = _default_async_clients.get(loop)
    if _unusable(client):
        with _default_lock:
            client = _default_async_clients.get(loop)
            if _unusable(client):
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


def _token_call(client: ClientCore, token_request: TokenRequest) -> Call:
    """A token request: never logged with its body, outside the API's rate-limit state."""
    headers = {**client.default_headers, **token_request.headers()}
    prepared = PreparedRequest(
        "POST", TOKEN_PATH, [], headers, content=urlencode(token_request.form).encode()
    )
    return client.start_call(
        TOKEN_OPERATION_ID,
        "POST",
        client.login_base_url() + TOKEN_PATH,
        headers,
        None,
        prepared,
        DEFAULT_REQUEST_OPTIONS,
        auth=False,
        secret=True,
    )


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


def _download(response: httpx.Response, download: Download) -> Any:
    """Stream the body into the target; a transport error mid-body leaves no partial file
    and is judged (and retried) like any other."""
    handle = download.open()
    try:
        for chunk in response.iter_bytes():
            handle.write(chunk)
    except BaseException:
        download.discard()
        raise
    finally:
        response.close()
    return download.finish()


async def _download_async(response: httpx.Response, download: Download) -> Any:
    handle = download.open()
    try:
        # local disk writes are short next to the network reads they wait on
        async for chunk in response.aiter_bytes():
            handle.write(chunk)
    except BaseException:
        download.discard()
        raise
    finally:
        await response.aclose()
    return download.finish()


# ``<sdk>.api_client.ApiClient`` (official idiom) must work without importing the submodule
# first: the package's lazy map resolves the name ``api_client`` to this attribute.
api_client: types.ModuleType = sys.modules[__name__]
