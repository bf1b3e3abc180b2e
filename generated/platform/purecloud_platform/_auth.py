"""OAuth grants, PKCE helpers and the token state shared by a client's threads or tasks.

Renewal: a token is renewed shortly before it expires (or after a 401 invalidated it), by
re-running the client-credentials grant or by using the refresh token (authorization code,
PKCE). Exactly one thread (or task) renews; the others wait up to ``refresh_token_wait_time``
seconds for it and then use the new token. The pattern (monotonic expiry with a buffer, a
condition so one refreshes while the others wait, invalidating only the token that failed)
follows openai-python's workload-identity auth.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ._lazy import lazy_import
from .rest import TokenRefreshError

if TYPE_CHECKING:
    import asyncio
else:
    asyncio = lazy_import("asyncio", globals())  # only async clients need it

TOKEN_PATH = "/oauth/token"
SAML2_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:saml2-bearer"
_PKCE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
MAX_REFRESH_BUFFER = 60.0  # renew up to this many seconds before expiry ...
REFRESH_BUFFER_FRACTION = (
    0.1  # ... but never more than this fraction of the token's lifetime
)


@dataclass(frozen=True, slots=True)
class TokenRequest:
    """A POST to the login host's /oauth/token (form-encoded)."""

    form: dict[str, str]
    client_id: str
    client_secret: str | None  # None: public client (PKCE), client_id goes in the form

    def headers(self) -> dict[str, str]:
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
        }
        if self.client_secret is not None:
            pair = f"{self.client_id}:{self.client_secret}".encode()
            headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
        return headers


@dataclass(slots=True)
class TokenInfo:
    access_token: str
    expires_at: float | None  # time.monotonic() deadline
    refresh_token: str | None
    raw: dict[str, Any]


def client_credentials_request(client_id: str, client_secret: str) -> TokenRequest:
    return TokenRequest({"grant_type": "client_credentials"}, client_id, client_secret)


def saml2bearer_request(
    client_id: str, client_secret: str, org_name: str, assertion: str
) -> TokenRequest:
    form = {
        "grant_type": SAML2_BEARER_GRANT,
        "orgName": org_name,
        "assertion": assertion,
    }
    return TokenRequest(form, client_id, client_secret)


def authorization_code_request(
    client_id: str, client_secret: str, code: str, redirect_uri: str
) -> TokenRequest:
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": redirect_uri,
    }
    return TokenRequest(form, client_id, client_secret)


def pkce_request(
    client_id: str, code_verifier: str, code: str, redirect_uri: str
) -> TokenRequest:
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": redirect_uri,
        "client_id": client_id,
        "code_verifier": code_verifier,
    }
    return TokenRequest(form, client_id, None)


def refresh_request(
    client_id: str, client_secret: str | None, refresh_token: str
) -> TokenRequest:
    form = {"grant_type": "refresh_token", "refresh_token": refresh_token}
    if client_secret is None:
        form["client_id"] = client_id
    return TokenRequest(form, client_id, client_secret)


def parse_token_response(data: Any) -> TokenInfo:
    if not isinstance(data, dict) or not isinstance(data.get("access_token"), str):
        raise ValueError("the token response has no access_token")  # noqa: TRY004
    expires_in = data.get("expires_in")
    expires_at = (
        time.monotonic() + float(expires_in)
        if isinstance(expires_in, (int, float))
        else None
    )
    refresh = data.get("refresh_token")
    return TokenInfo(
        data["access_token"],
        expires_at,
        refresh if isinstance(refresh, str) else None,
        data,
    )


def generate_pkce_code_verifier(length: int = 128) -> str:
    """A random PKCE code verifier (RFC 7636: 43 to 128 unreserved characters)."""
    if not 43 <= length <= 128:
        raise ValueError("a PKCE code verifier has 43 to 128 characters")
    return "".join(secrets.choice(_PKCE_ALPHABET) for _ in range(length))


def compute_pkce_code_challenge(code_verifier: str) -> str:
    """The S256 challenge: base64url(sha256(verifier)) without padding."""
    digest = hashlib.sha256(code_verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


@dataclass(slots=True)
class TokenState:
    """The current token and how to renew it."""

    access_token: str = ""
    expires_at: float | None = None
    refresh_buffer: float = 0.0
    refresh_token: str | None = None
    client_id: str = ""
    client_secret: str | None = None
    renew_with_client_credentials: bool = False
    provider: Callable[[], str] | None = None  # user callable returning a fresh token
    last_token_info: dict[str, Any] = field(default_factory=dict)
    # called after every token stored by a grant or a renewal (the token store saves it)
    on_store: Callable[[TokenState], None] | None = None

    def usable_token(self) -> str | None:
        if not self.access_token:
            return None
        if (
            self.expires_at is not None
            and time.monotonic() >= self.expires_at - self.refresh_buffer
        ):
            return None
        return self.access_token

    def renewal_request(self) -> TokenRequest | None:
        if self.refresh_token:
            return refresh_request(
                self.client_id, self.client_secret, self.refresh_token
            )
        if self.renew_with_client_credentials and self.client_secret is not None:
            return client_credentials_request(self.client_id, self.client_secret)
        return None

    def can_renew(self) -> bool:
        return self.provider is not None or self.renewal_request() is not None

    def store(self, info: TokenInfo) -> None:
        self.access_token = info.access_token
        self.expires_at = info.expires_at
        lifetime = (
            (info.expires_at - time.monotonic()) if info.expires_at is not None else 0.0
        )
        self.refresh_buffer = min(
            MAX_REFRESH_BUFFER, max(lifetime, 0.0) * REFRESH_BUFFER_FRACTION
        )
        if info.refresh_token:
            self.refresh_token = info.refresh_token
        self.last_token_info = info.raw
        if self.on_store is not None:
            self.on_store(self)

    def set_static(self, token: str) -> None:
        self.access_token = token
        self.expires_at = None


class TokenManager:
    """Serialises renewals: one renewer, bounded waiting for everyone else."""

    def __init__(self) -> None:
        self.state: TokenState = TokenState()
        self._condition = threading.Condition()
        self._renewing = False
        self._generation = 0  # bumped by every finished renewal attempt
        self._failure: tuple[int, BaseException] | None = None
        self._inflight: asyncio.Task[None] | None = None

    def invalidate(self, token: str) -> None:
        """Forget ``token`` after the server rejected it, unless it was already replaced."""
        with self._condition:
            if self.state.access_token == token:
                self.state.expires_at = 0.0

    def token_for_request(
        self,
        fetch: Callable[[TokenRequest], TokenInfo],
        enabled: bool,
        wait_time: float,
    ) -> str:
        """The token to send (renewing first when needed); '' when there is none."""
        token = self.state.usable_token()
        if token is not None:
            return token
        if not enabled or not self.state.can_renew():
            return self.state.access_token
        deadline = time.monotonic() + wait_time
        with self._condition:
            generation = self._generation
            while self._renewing:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not self._condition.wait(remaining):
                    raise TokenRefreshError(
                        f"token refresh took longer than {wait_time} seconds"
                    )
            if (
                self._generation != generation
            ):  # someone renewed (or failed) while we waited
                if self._failure is not None and self._failure[0] == self._generation:
                    raise self._failure[1]
                return self.state.access_token
            token = self.state.usable_token()
            if token is not None:
                return token
            self._renewing = True
        failure: BaseException | None = None
        try:
            self._renew_sync(fetch)
        except BaseException as error:
            failure = error
            raise
        finally:
            with self._condition:
                self._renewing = False
                self._generation += 1
                self._failure = (
                    (self._generation, failure) if failure is not None else None
                )
                self._condition.notify_all()
        return self.state.access_token

    def _renew_sync(self, fetch: Callable[[TokenRequest], TokenInfo]) -> None:
        if self.state.provider is not None:
            self.state.set_static(self.state.provider())
            return
        request = self.state.renewal_request()
        assert request is not None  # checked by can_renew()
        self.state.store(fetch(request))

    async def token_for_request_async(
        self,
        fetch: Callable[[TokenRequest], Awaitable[TokenInfo]],
        enabled: bool,
        wait_time: float,
    ) -> str:
        token = self.state.usable_token()
        if token is not None:
            return token
        if not enabled or not self.state.can_renew():
            return self.state.access_token
        # the renewal runs as a task of its own: cancelling the call that started it (or any
        # waiter) leaves it running for the others, who each wait through a shield
        loop = asyncio.get_running_loop()
        renewal = self._inflight
        started_here = False
        if renewal is None or renewal.done() or renewal.get_loop() is not loop:
            renewal = loop.create_task(self._renew_async(fetch))
            renewal.add_done_callback(_mark_retrieved)
            self._inflight = renewal
            started_here = True
        if started_here:
            await asyncio.shield(renewal)
        else:
            try:
                await asyncio.wait_for(asyncio.shield(renewal), wait_time)
            except asyncio.TimeoutError:
                if not renewal.done():
                    raise TokenRefreshError(
                        f"token refresh took longer than {wait_time} seconds"
                    ) from None
                raise
        return self.state.access_token

    async def _renew_async(
        self, fetch: Callable[[TokenRequest], Awaitable[TokenInfo]]
    ) -> None:
        try:
            if self.state.provider is not None:
                self.state.set_static(self.state.provider())
            else:
                request = self.state.renewal_request()
                assert request is not None  # checked by can_renew()
                self.state.store(await fetch(request))
        finally:
            if self._inflight is asyncio.current_task():
                self._inflight = None


def _mark_retrieved(task: asyncio.Task[None]) -> None:
    """The waiters re-raise a renewal's failure; nobody else must be told it was unretrieved."""
    if not task.cancelled():
        task.exception()
