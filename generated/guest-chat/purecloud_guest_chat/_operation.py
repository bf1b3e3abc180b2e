"""What a generated API method hands to the client: a static description of one operation.

Plain classes with ``__slots__`` rather than dataclasses: every API module builds one
``OperationSpec`` per operation at import, and importing ``dataclasses`` (with ``inspect``)
would cost more than the whole API module. They behave as frozen dataclasses would
(keyword or positional construction, equality, hashing, repr, no assignment).
"""

from __future__ import annotations

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Literal

    ParamLocation = Literal["path", "query", "header", "body", "form", "file"]


class _Frozen:
    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(
            f"cannot assign to field {name!r}: {type(self).__name__} is frozen"
        )

    def __delattr__(self, name: str) -> None:
        raise AttributeError(
            f"cannot delete field {name!r}: {type(self).__name__} is frozen"
        )

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"


_set = object.__setattr__


class ParamSpec(_Frozen):
    __slots__ = ("wire_name", "location", "collection_format")  # noqa: RUF023 (field order)
    wire_name: str
    location: ParamLocation
    collection_format: str | None  # csv | ssv | tsv | pipes | multi (arrays only)

    def __init__(
        self,
        wire_name: str,
        location: ParamLocation,
        collection_format: str | None = None,
    ) -> None:
        _set(self, "wire_name", wire_name)
        _set(self, "location", location)
        _set(self, "collection_format", collection_format)


class OperationSpec(_Frozen):
    __slots__ = (  # noqa: RUF023 (field order: positional arguments, repr)
        "operation_id",
        "method",
        "path",
        "params",
        "response_type",
        "auth",
        "consumes",
        "produces",
        "deprecated",
    )
    operation_id: str
    method: str  # upper-case HTTP method
    path: str  # template with {wireName} placeholders, relative to the base path
    params: tuple[ParamSpec, ...]
    response_type: str | None  # type expression; see _models.resolve_type
    auth: tuple[str, ...]  # security scheme names; () = no auth
    consumes: tuple[str, ...]
    produces: tuple[str, ...]
    deprecated: bool

    def __init__(
        self,
        operation_id: str,
        method: str,
        path: str,
        params: tuple[ParamSpec, ...] = (),
        response_type: str | None = None,
        auth: tuple[str, ...] = (),
        consumes: tuple[str, ...] = (),
        produces: tuple[str, ...] = (),
        deprecated: bool = False,
    ) -> None:
        _set(self, "operation_id", operation_id)
        _set(self, "method", method)
        _set(self, "path", path)
        _set(self, "params", params)
        _set(self, "response_type", response_type)
        _set(self, "auth", auth)
        _set(self, "consumes", consumes)
        _set(self, "produces", produces)
        _set(self, "deprecated", deprecated)
