"""The token's life beyond one process: save and restore the token set through a store,
``logout()`` (revoke with the API, forget locally), and the check that a call needing auth has
some way to authenticate before anything is sent.

A ``TokenSet`` holds what renewing needs and nothing secret besides the tokens themselves: the
client secret is never saved. Expiry is saved as wall-clock time (the client's own deadline is
monotonic, which means nothing in the next process).
"""

from __future__ import annotations

import os
import threading
import time
import warnings
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from . import _version
from ._auth import TokenInfo, TokenState
from ._events import publish
from ._lazy import lazy_import
from ._request_options import RequestOptions
from .rest import MissingCredentialsError, UnauthorizedError

if TYPE_CHECKING:
    import json
    import tempfile

    from ._auth import TokenManager
    from ._events import EventBus
    from .configuration import Configuration
else:  # only a file store needs them, and only when it reads or writes
    json = lazy_import("json", globals())
    tempfile = lazy_import("tempfile", globals())

AUTH_MODE: str = getattr(_version, "AUTH_MODE", "oauth2")
REVOKE_PATH = "/api/v2/tokens/me"  # Genesys Cloud: revokes the token the request carries
_REVOKE_OPTIONS = RequestOptions(max_retries=1, max_rate_limit_retries=2)
# event kinds of this module (see _events.py): no token in any of them
TOKEN_RESTORED = "token_restored"  # data: grant, expires_in (seconds, None if unknown)
TOKEN_SAVE_FAILED = "token_save_failed"  # error
LOGGED_OUT = "logged_out"  # data: revoked (whether the API was asked to revoke the token)
GRANTS = ("client_credentials", "authorization_code", "pkce", "saml2bearer", "access_token")


@dataclass(frozen=True, slots=True)
class TokenSet:
    """What a token store keeps. ``expires_at``: seconds since the epoch (``None``: unknown);
    ``grant``: one of ``GRANTS``; ``client_id`` and ``login_host`` say whose token it is, so a
    set is never restored into a client of another OAuth client or region."""

    access_token: str
    refresh_token: str | None = None
    expires_at: float | None = None
    grant: str = "access_token"
    client_id: str = ""
    login_host: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> TokenSet:
        if not isinstance(data, dict) or not isinstance(data.get("access_token"), str):
            raise ValueError("a saved token set needs an access_token")  # noqa: TRY004 (bad file content)
        expires_at = data.get("expires_at")
        refresh = data.get("refresh_token")
        return cls(
            data["access_token"],
            refresh if isinstance(refresh, str) and refresh else None,
            float(expires_at) if isinstance(expires_at, (int, float)) else None,
            str(data.get("grant") or "access_token"),
            str(data.get("client_id") or ""),
            str(data.get("login_host") or ""),
        )


@runtime_checkable
class TokenStore(Protocol):
    """Where a client keeps its token set: any object with these three methods."""

    def load(self) -> TokenSet | None: ...

    def save(self, tokens: TokenSet) -> None: ...

    def clear(self) -> None: ...


class MemoryTokenStore:
    """Keeps the token set in this process (tests, or sharing it between clients)."""

    def __init__(self, tokens: TokenSet | None = None) -> None:
        self.tokens = tokens

    def load(self) -> TokenSet | None:
        return self.tokens

    def save(self, tokens: TokenSet) -> None:
        self.tokens = tokens

    def clear(self) -> None:
        self.tokens = None


class FileTokenStore:
    """A JSON file readable by its owner only (mode 0600; its folder, when created, 0700).

    Written atomically: to a private temporary file in the same folder, flushed to disk, then
    renamed over the old one, so a crash leaves the old set or the new one, never half a file.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path: str = os.path.abspath(os.path.expanduser(os.fspath(path)))
        self._lock = threading.Lock()

    def load(self) -> TokenSet | None:
        try:
            with open(self.path, encoding="utf-8") as handle:
                return TokenSet.from_dict(json.load(handle))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            # a warning, not the SDK's logger: that one is silent by default (LNone)
            warnings.warn(f"token file {self.path} ignored: {error}", RuntimeWarning, stacklevel=2)
            return None

    def save(self, tokens: TokenSet) -> None:
        folder = os.path.dirname(self.path)
        os.makedirs(folder, mode=0o700, exist_ok=True)
        text = json.dumps(tokens.to_dict(), indent=1)
        with self._lock:
            # mkstemp creates the file with mode 0600 before anything is written into it
            descriptor, temporary = tempfile.mkstemp(
                dir=folder, prefix="." + os.path.basename(self.path) + ".", suffix=".tmp"
            )
            try:
                with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                    handle.write(text)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(temporary, self.path)
            except BaseException:
                if os.path.exists(temporary):
                    os.remove(temporary)
                raise

    def clear(self) -> None:
        with self._lock:
            try:
                os.remove(self.path)
            except FileNotFoundError:
                pass


# ---------------------------------------------------------------------------------------------
# the client's side


def grant_of(state: TokenState) -> str:
    """How the current token was obtained, as far as renewing it goes."""
    if state.renew_with_client_credentials:
        return "client_credentials"
    if state.refresh_token:
        return "pkce" if state.client_secret is None else "authorization_code"
    return "saml2bearer" if state.client_id else "access_token"


def token_set_of(state: TokenState, login_host: str) -> TokenSet:
    expires_at = None
    if state.expires_at is not None:
        expires_at = time.time() + (state.expires_at - time.monotonic())
    return TokenSet(
        state.access_token,
        state.refresh_token,
        expires_at,
        grant_of(state),
        state.client_id,
        login_host,
    )


def restore_token_set(state: TokenState, tokens: TokenSet, login_host: str) -> bool:
    """Put a saved set into ``state`` when it belongs to this client and is still of use."""
    if tokens.client_id and state.client_id and tokens.client_id != state.client_id:
        return False
    if tokens.login_host and tokens.login_host != login_host:
        return False
    remaining = None if tokens.expires_at is None else tokens.expires_at - time.time()
    if not tokens.refresh_token and remaining is not None and remaining <= 0:
        return False  # expired and nothing to renew it with
    if tokens.refresh_token:
        # a user's token: renew it with the refresh token, never switch to another grant
        state.client_id = state.client_id or tokens.client_id
        state.renew_with_client_credentials = False
    expires_at = None if remaining is None else time.monotonic() + remaining
    state.store(TokenInfo(tokens.access_token, expires_at, tokens.refresh_token, {}))
    return True


def forget_credentials(state: TokenState) -> None:
    state.access_token, state.expires_at, state.refresh_token = "", None, None
    state.client_secret, state.renew_with_client_credentials = None, False
    state.provider, state.last_token_info = None, {}


def missing_credentials_message(operation: str) -> str:
    if AUTH_MODE == "oauth2":
        ways = (
            "ApiClient(client_id=..., client_secret=...) or get_client_credentials_token(id, secret); "
            "get_code_authorization_token(...), get_pkce_token(...) or get_saml2bearer_token(...); "
            "ApiClient(access_token=...) or set_access_token(token); set_token_provider(callable); "
            "set_token_store(store) to restore a saved token"
        )
    else:
        ways = (
            "client.set_jwt(jwt) with the JWT the session-opening operation returns; "
            "ApiClient(access_token=...); set_token_provider(callable)"
        )
    return f"{operation}: the client has no credentials, nothing was sent. Authenticate with one of: {ways}"


class _LifecycleBase:
    tokens: TokenManager
    configuration: Configuration
    events: EventBus
    _token_store: TokenStore | None = None

    if TYPE_CHECKING:  # ClientCore's

        def login_base_url(self) -> str: ...

    def require_credentials(self, operation_id: str) -> None:
        """Raise ``MissingCredentialsError`` unless a token is known or can be obtained."""
        state = self.tokens.state
        if state.access_token or self.configuration.access_token or state.can_renew():
            return
        raise MissingCredentialsError(missing_credentials_message(operation_id))

    def set_token_store(self, store: TokenStore | None) -> TokenSet | None:
        """Keep this client's tokens in ``store``: the set saved there by a previous run is
        restored now (when it belongs to this client and is still of use: an unexpired token,
        or a refresh token), and every token obtained or renewed from now on is saved to it.
        Returns the restored set, or ``None``. ``None`` as the store stops saving."""
        state = self.tokens.state
        self._token_store = store
        if store is None:
            state.on_store = None
            return None
        state.on_store = None  # restoring is not a new token: do not write it back
        saved = store.load()
        restored = saved if saved is not None and restore_token_set(state, saved, self.login_base_url()) else None
        state.on_store = self._save_tokens
        if restored is not None:
            expires_in = None if restored.expires_at is None else max(restored.expires_at - time.time(), 0.0)
            publish(self, TOKEN_RESTORED, {"grant": restored.grant, "expires_in": expires_in})
        return restored

    def _save_tokens(self, state: TokenState) -> None:
        store = self._token_store
        if store is None:
            return
        try:
            store.save(token_set_of(state, self.login_base_url()))
        except Exception as error:  # noqa: BLE001 - the token is valid; saving it is best effort
            warnings.warn(f"could not save the token set: {error}", RuntimeWarning, stacklevel=2)
            publish(self, TOKEN_SAVE_FAILED, error=f"{type(error).__name__}: {error}")

    def _revocable_token(self) -> str | None:
        """The token ``logout`` revokes: OAuth SDKs only (Guest Chat has no revocation), and
        only a token still valid (an expired one is no longer accepted anyway)."""
        if AUTH_MODE != "oauth2":
            return None
        return self.tokens.state.usable_token()

    def _forget(self, revoked: bool) -> None:
        forget_credentials(self.tokens.state)
        if self._token_store is not None:
            self._token_store.clear()
        publish(self, LOGGED_OUT, {"revoked": revoked})


class TokenLifecycle(_LifecycleBase):
    """``set_token_store`` and ``logout`` of the sync client."""

    def logout(self) -> None:
        """Revoke the token with the API (``DELETE /api/v2/tokens/me``), then forget it, the
        refresh token and the grant's secret, and clear the token store. The client can log
        in again with any grant. A revocation the server refuses is raised after forgetting
        (the token may still be valid); a token the server no longer knows (401) is not."""
        token = self._revocable_token()
        try:
            if token:
                self.request(  # type: ignore[attr-defined]
                    "DELETE",
                    REVOKE_PATH,
                    headers={"Authorization": "Bearer " + token},
                    auth=False,
                    request_options=_REVOKE_OPTIONS,
                )
        except UnauthorizedError:
            pass
        finally:
            self._forget(bool(token))


class AsyncTokenLifecycle(_LifecycleBase):
    """``set_token_store`` and ``logout`` of the async client."""

    async def logout(self) -> None:
        """See ``ApiClient.logout``."""
        token = self._revocable_token()
        try:
            if token:
                await self.request(  # type: ignore[attr-defined]
                    "DELETE",
                    REVOKE_PATH,
                    headers={"Authorization": "Bearer " + token},
                    auth=False,
                    request_options=_REVOKE_OPTIONS,
                )
        except UnauthorizedError:
            pass
        finally:
            self._forget(bool(token))
