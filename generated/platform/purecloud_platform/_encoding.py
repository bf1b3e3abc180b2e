"""Turning an operation's arguments into the parts of an HTTP request (no I/O here).

Values: bool -> ``true``/``false``; datetime -> ISO 8601 as ``_models.to_wire`` writes it (naive =
UTC), date -> ``YYYY-MM-DD``;
enums -> their value; models, lists and dicts in bodies -> JSON via ``_models.encode_json``.
Arguments that are ``None`` are not sent.
"""

from __future__ import annotations

import json
import mimetypes
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from ._lazy import lazy_import

if TYPE_CHECKING:
    from . import _models
    from ._operation import OperationSpec
else:  # msgspec is imported by the first request, not by building a client
    _models = lazy_import("._models", globals())

_SEPARATORS = {"csv": ",", "ssv": " ", "tsv": "\t", "pipes": "|"}
JSON_TYPE = "application/json"
FORM_TYPE = "application/x-www-form-urlencoded"
MULTIPART_TYPE = "multipart/form-data"
FilePart = tuple[str, tuple[str, Any, str]]


@dataclass(slots=True)
class PreparedRequest:
    """Everything ``httpx`` needs, built once per call and reused by every retry."""

    method: str
    path: str  # with path parameters substituted; relative to the API base URL
    query: list[tuple[str, str]]
    headers: dict[str, str]
    content: bytes | None = None
    form_fields: dict[str, list[str]] | None = None  # multipart text fields
    files: list[FilePart] | None = None  # multipart file parts
    file_positions: list[tuple[IO[bytes], int]] = field(default_factory=list)
    opened_files: list[IO[bytes]] = field(default_factory=list)

    def rewind_files(self) -> None:
        """Put uploaded file objects back where they started, before a retry sends them again."""
        for handle, position in self.file_positions:
            handle.seek(position)

    def close(self) -> None:
        for handle in self.opened_files:
            handle.close()


def format_scalar(value: Any) -> str:
    """One path, query, header or form value as text."""
    if isinstance(value, str):
        return value
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (datetime, date)):  # same text as in JSON bodies (naive = UTC)
        return _models.to_wire(value)
    if isinstance(value, Enum):
        return format_scalar(value.value)
    wire = _models.to_wire(value)
    return wire if isinstance(wire, str) else json.dumps(wire, separators=(",", ":"))


def format_collection(values: Any, collection_format: str | None) -> list[str]:
    """A list value as the strings to send: one per item for ``multi``, else one joined string."""
    if not isinstance(values, (list, tuple, set, frozenset)):
        return [format_scalar(values)]
    items = [format_scalar(item) for item in values if item is not None]
    if collection_format == "multi":
        return items
    return [_SEPARATORS.get(collection_format or "csv", ",").join(items)]


def prepare_request(op: OperationSpec, args: Mapping[str, Any]) -> PreparedRequest:
    path = op.path
    query: list[tuple[str, str]] = []
    headers: dict[str, str] = {"Accept": _accept_header(op.produces)}
    request = PreparedRequest(op.method, path, query, headers)
    body: Any = None
    form: list[tuple[str, str]] = []
    files: list[FilePart] = []
    has_file_param = False
    for param in op.params:
        location = param.location
        if location == "file":
            has_file_param = True
        value = args.get(param.wire_name)
        if value is None:
            if location == "path":
                raise ValueError(
                    f"{op.operation_id}: the path parameter {param.wire_name!r} is required"
                )
            continue
        if location == "path":
            text = ",".join(format_collection(value, param.collection_format))
            path = path.replace("{" + param.wire_name + "}", quote(text, safe=""))
        elif location == "query":
            for text in format_collection(value, param.collection_format):
                query.append((param.wire_name, text))
        elif location == "header":
            headers[param.wire_name] = ",".join(
                format_collection(value, param.collection_format)
            )
        elif location == "body":
            body = value
        elif location == "form":
            for text in format_collection(value, param.collection_format):
                form.append((param.wire_name, text))
        elif location == "file":
            files.append(_file_part(param.wire_name, value, request))
        else:
            raise ValueError(
                f"{op.operation_id}: unknown parameter location {location!r}"
            )
    request.path = path
    if body is not None:
        request.content, headers["Content-Type"] = _encode_body(body, op.consumes)
    elif files:  # httpx streams the file parts
        fields: dict[str, list[str]] = {}
        for name, text in form:
            fields.setdefault(name, []).append(text)
        request.form_fields, request.files = fields, files
    elif has_file_param or MULTIPART_TYPE in op.consumes:
        # no file given: httpx would fall back to urlencoded, the operation wants multipart
        request.content, headers["Content-Type"] = encode_multipart_fields(form)
    elif form:
        request.content = urlencode(form).encode("ascii")
        headers["Content-Type"] = FORM_TYPE
    return request


def encode_multipart_fields(fields: list[tuple[str, str]]) -> tuple[bytes, str]:
    """A multipart/form-data body of text fields only (RFC 7578)."""
    boundary = secrets.token_hex(16)
    parts = []
    for name, value in fields:
        # field names escaped as browsers do (WHATWG multipart/form-data encoding)
        quoted = name.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{quoted}"\r\n\r\n'.encode()
            + value.encode("utf-8")
            + b"\r\n"
        )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return body, f"{MULTIPART_TYPE}; boundary={boundary}"


def _accept_header(produces: tuple[str, ...]) -> str:
    if not produces or any("json" in media_type for media_type in produces):
        return JSON_TYPE
    return ", ".join(produces)


def _encode_body(body: Any, consumes: tuple[str, ...]) -> tuple[bytes, str]:
    declared = consumes[0] if consumes else JSON_TYPE
    if isinstance(body, (bytes, bytearray, memoryview)):
        return bytes(body), (
            declared if "json" not in declared else "application/octet-stream"
        )
    if isinstance(body, str) and "json" not in declared:
        return body.encode("utf-8"), declared
    return _models.encode_request_json(body), (declared if "json" in declared else JSON_TYPE)


def _file_part(name: str, value: Any, request: PreparedRequest) -> FilePart:
    """A multipart file part from bytes, a path, a binary file object, or a
    ``(filename, content[, content_type])`` tuple."""
    if isinstance(value, tuple):
        filename, content = value[0], value[1]
        content_type = value[2] if len(value) > 2 else _guess_type(filename)
        if hasattr(content, "read"):
            request.file_positions.append((content, content.tell()))
        return (name, (filename, content, content_type))
    if isinstance(value, (bytes, bytearray, memoryview)):
        return (name, (name, bytes(value), "application/octet-stream"))
    if isinstance(value, (str, os.PathLike)):
        path = os.fspath(value)
        try:
            # closed by PreparedRequest.close() once the call is over
            handle = open(path, "rb")  # noqa: SIM115
        except OSError as error:
            raise ValueError(
                f"cannot open the file to upload for {name!r}: {path}: {error.strerror}"
            ) from None
        request.opened_files.append(handle)
        request.file_positions.append((handle, 0))
        filename = os.path.basename(path)
        return (name, (filename, handle, _guess_type(filename)))
    if hasattr(value, "read"):
        filename = os.path.basename(str(getattr(value, "name", name)))
        request.file_positions.append((value, value.tell()))
        return (name, (filename, value, _guess_type(filename)))
    raise TypeError(
        f"{name!r}: upload bytes, a path or a binary file object, not {type(value).__name__}"
    )


def _guess_type(filename: str) -> str:
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"
