"""The credentials an operation sends, from the security schemes the spec declares.

Each operation names the schemes it accepts (``OperationSpec.auth``); ``_version.py``
(rendered per SDK) says what each scheme is. The configuration holds the secrets, under
the official openapi-generator SDKs' names:

- ``apiKey`` schemes: ``configuration.api_key["<scheme name>"] = "..."`` (and optionally
  ``configuration.api_key_prefix["<scheme name>"] = "Token"``), sent in the header or the
  query parameter the scheme names;
- ``basic``: ``configuration.username`` and ``configuration.password``;
- ``oauth2``: the client's bearer token (grants, ``access_token``, refresh), as before.

An ``apiKey`` scheme in the ``Authorization`` header with no key configured is the token
the client manages itself (Guest Chat's JWT: ``set_jwt`` / ``access_token``), so it takes
the bearer path. Every configured credential of the operation's schemes is sent: Swagger
lets an operation accept several, and the server picks the one it knows.
"""

from __future__ import annotations

import base64

from . import _version

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# scheme name -> {"type": "apiKey" | "basic" | "oauth2", "in": ..., "name": ...}
SECURITY_SCHEMES: dict[str, dict[str, str]] = getattr(_version, "SECURITY_SCHEMES", {})

AUTHORIZATION = "authorization"
# Headers that carry a key of this SDK's apiKey schemes: the logger masks them.
SECRET_HEADERS: frozenset[str] = frozenset(
    scheme.get("name", name).lower()
    for name, scheme in SECURITY_SCHEMES.items()
    if scheme.get("type") == "apiKey" and scheme.get("in", "header") == "header"
)


class Credentials:
    """What to add to one request: headers, query parameters, and whether the client's
    bearer token goes in ``Authorization``."""

    __slots__ = ("bearer", "headers", "query")

    def __init__(self) -> None:
        self.headers: dict[str, str] = {}
        self.query: list[tuple[str, str]] = []
        self.bearer = False

    def add_to(
        self, headers: dict[str, str], query: list[tuple[str, str]] | None
    ) -> list[tuple[str, str]] | None:
        """Put the credentials into a request's headers (in place) and query (returned)."""
        headers.update(self.headers)
        return [*(query or ()), *self.query] if self.query else query


def request_credentials(
    configuration: Any,
    scheme_names: tuple[str, ...],
    headers: dict[str, str],
    query: list[tuple[str, str]] | None,
) -> tuple[list[tuple[str, str]] | None, bool]:
    """What a client's request needs: the query with any key in it, and whether the bearer
    token is to be sent (``headers`` gets the header credentials)."""
    if not scheme_names:
        return query, False
    found = credentials_for(configuration, scheme_names)
    return found.add_to(headers, query), found.bearer


def credentials_for(
    configuration: Any,
    scheme_names: tuple[str, ...],
    schemes: dict[str, dict[str, str]] | None = None,
) -> Credentials:
    """The credentials ``configuration`` holds for an operation accepting ``scheme_names``."""
    schemes = SECURITY_SCHEMES if schemes is None else schemes
    found = Credentials()
    for name in scheme_names:
        scheme = schemes.get(name)
        kind = scheme.get("type") if scheme else None
        if kind == "apiKey":
            _add_api_key(configuration, name, scheme, found)  # type: ignore[arg-type]
        elif kind == "basic":
            username = getattr(configuration, "username", None)
            if username is not None:
                password = getattr(configuration, "password", None) or ""
                pair = f"{username}:{password}".encode()
                found.headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
        else:  # oauth2, or a scheme this SDK was generated without: the bearer token
            found.bearer = True
    if any(header.lower() == AUTHORIZATION for header in found.headers):
        found.bearer = False  # an explicit key or basic credentials own the header
    return found


def _add_api_key(configuration: Any, name: str, scheme: dict[str, str], found: Credentials) -> None:
    keys = getattr(configuration, "api_key", None) or {}
    key = keys.get(name)
    where, parameter = scheme.get("in", "header"), scheme.get("name", name)
    if not key:
        if where == "header" and parameter.lower() == AUTHORIZATION:
            found.bearer = True  # the client's own token (a JWT) travels there
        return
    prefix = (getattr(configuration, "api_key_prefix", None) or {}).get(name)
    value = f"{prefix} {key}" if prefix else str(key)
    if where == "query":
        found.query.append((parameter, value))
    else:
        found.headers[parameter] = value
