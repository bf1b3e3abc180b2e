"""What a generated API method hands to the client: a static description of one operation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ParamLocation = Literal["path", "query", "header", "body", "form", "file"]


@dataclass(frozen=True, slots=True)
class ParamSpec:
    wire_name: str
    location: ParamLocation
    collection_format: str | None = None  # csv | ssv | tsv | pipes | multi (arrays only)


@dataclass(frozen=True, slots=True)
class OperationSpec:
    operation_id: str
    method: str  # upper-case HTTP method
    path: str  # template with {wireName} placeholders, relative to the base path
    params: tuple[ParamSpec, ...] = ()
    response_type: str | None = None  # type expression; see _models.resolve_type
    auth: tuple[str, ...] = ()  # security scheme names; () = no auth
    consumes: tuple[str, ...] = ()
    produces: tuple[str, ...] = ()
    deprecated: bool = False
