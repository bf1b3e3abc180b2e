"""Raw calls by path, for endpoints newer than the SDK (the reference clients' ``callApi`` and
``platform.get``): ``client.request("GET", "/api/v2/users/{userId}", path_params=...)``.

A raw call is described as an ``OperationSpec`` like any generated method and goes through
the client's ``call_api``: the same auth, retries, rate state, events, logging and typed errors.
Query parameters and headers travel as the call's ``RequestOptions`` (``extra_query`` and
``headers``), so their names can never collide with a path parameter.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from ._operation import OperationSpec, ParamSpec
from ._request_options import RequestOptions

RAW_OPERATION_ID = "request"  # what hooks, events and logs see as the operation
RAW_AUTH = ("bearer",)  # any non-empty tuple: the call carries the client's token
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
_BODY = "body"


def raw_call(
    method: str,
    path: str,
    *,
    path_params: Mapping[str, Any] | None = None,
    query: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
    body: Any = None,
    response_type: Any = None,
    content_type: str = "application/json",
    auth: bool = True,
    extended_response: bool = False,
    request_options: RequestOptions | None = None,
) -> tuple[OperationSpec, dict[str, Any], RequestOptions]:
    """The operation, arguments and options of one raw call (see ``ApiClient.request``)."""
    verb = method.upper()
    if verb not in _METHODS:
        raise ValueError(f"request: unknown HTTP method {method!r}")
    parts = urlsplit(path)
    if parts.scheme or parts.netloc:
        # the token only ever goes to the client's own host
        raise ValueError(
            f"request: give a path relative to the API host (like /api/v2/users), not {path!r}"
        )
    template = parts.path if parts.path.startswith("/") else "/" + parts.path
    names = _PLACEHOLDER.findall(template)
    given = dict(path_params or {})
    missing = [name for name in names if given.get(name) is None]
    if missing:
        raise ValueError(f"request: no value for the path parameter(s) {', '.join(missing)} of {template}")
    unused = sorted(set(given) - set(names))
    if unused:
        raise ValueError(f"request: {template} has no path parameter(s) {', '.join(unused)}")
    params = [ParamSpec(name, "path") for name in names]
    args: dict[str, Any] = {name: given[name] for name in names}
    if body is not None:
        params.append(ParamSpec(_BODY, "body"))
        args[_BODY] = body
    op = OperationSpec(
        RAW_OPERATION_ID,
        verb,
        template,
        tuple(params),
        _type_expression(response_type),
        RAW_AUTH if auth else (),
        (content_type,),
        ("application/json",),
    )
    options = request_options or RequestOptions()
    extra_query: dict[str, Any] = {}
    for name, value in parse_qsl(parts.query, keep_blank_values=True):  # ?a=1&a=2 keeps both
        extra_query[name] = [*extra_query[name], value] if name in extra_query else [value]
    extra_query.update(options.extra_query or {})
    extra_query.update(query or {})
    merged_headers = {**(options.headers or {}), **(headers or {})}
    options = dataclasses.replace(
        options,
        extra_query=extra_query or None,
        headers=merged_headers or None,
        extended_response=options.extended_response or extended_response,
    )
    return op, args, options


def _type_expression(response_type: Any) -> str:
    """``None``: the JSON as dicts and lists; a model class: that model; a type expression
    (``"list[User]"``, ``"bytes"``, ``"str"``) as the generated methods use."""
    if response_type is None:
        return "Any"
    if isinstance(response_type, str):
        return response_type
    if response_type in (bytes, str, int, float, bool):
        return response_type.__name__
    if isinstance(response_type, type) and hasattr(response_type, "__struct_fields__"):
        return response_type.__name__
    raise TypeError(
        f"request: response_type must be a model class or a type expression, not {response_type!r}"
    )


class RawCalls:
    """``ApiClient.request``: mixed into the sync client."""

    def request(
        self,
        method: str,
        path: str,
        *,
        path_params: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        body: Any = None,
        response_type: Any = None,
        content_type: str = "application/json",
        auth: bool = True,
        extended_response: bool = False,
        request_options: RequestOptions | None = None,
    ) -> Any:
        """Call any endpoint by path, through this client's auth, retries and rate state.

        ``path`` is relative to the API host, with ``{name}`` placeholders filled from
        ``path_params``; ``query`` values may be lists (one parameter per item); ``body`` is
        sent as JSON (a dict, list or model; bytes are sent as they are). Returns the decoded
        JSON, or a ``response_type`` model; an ``ApiResponse`` with ``extended_response=True``.
        """
        op, args, options = raw_call(
            method,
            path,
            path_params=path_params,
            query=query,
            headers=headers,
            body=body,
            response_type=response_type,
            content_type=content_type,
            auth=auth,
            extended_response=extended_response,
            request_options=request_options,
        )
        return self.call_api(op, args, options)  # type: ignore[attr-defined]


class AsyncRawCalls:
    """``AsyncApiClient.request``: the same, as a coroutine."""

    async def request(
        self,
        method: str,
        path: str,
        *,
        path_params: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        body: Any = None,
        response_type: Any = None,
        content_type: str = "application/json",
        auth: bool = True,
        extended_response: bool = False,
        request_options: RequestOptions | None = None,
    ) -> Any:
        """See ``ApiClient.request``."""
        op, args, options = raw_call(
            method,
            path,
            path_params=path_params,
            query=query,
            headers=headers,
            body=body,
            response_type=response_type,
            content_type=content_type,
            auth=auth,
            extended_response=extended_response,
            request_options=request_options,
        )
        return await self.call_api(op, args, options)  # type: ignore[attr-defined]
