"""load_spec: read, decode, parse, and check that the document is a Swagger 2.0 object."""

from __future__ import annotations

import hashlib
import os

from generator.diagnostics import Diagnostics, SpecError
from generator.gc_pause import without_cyclic_gc
from generator.loader.parse import decode_text, detect_format, parse_document
from generator.loader.sources import RawDocument, fail, read_source
from generator.loader.spec import LoadedSpec


def load_spec(source: str | os.PathLike[str]) -> LoadedSpec:
    """Load a spec from a path (.json, .yaml/.yml, .json.gz) or an http(s) URL.

    Raises SpecError (with file, line and a clear message) for anything that is not a
    readable Swagger 2.0 document.
    """
    source = os.fspath(source)  # a Path is welcome; diagnostics name it as a string
    return load_document(read_source(source), source)


@without_cyclic_gc  # json.loads of a 7 MB spec: see generator.gc_pause
def load_document(document: RawDocument, source: str) -> LoadedSpec:
    """Parse bytes already read (the pipeline keeps them: a URL is fetched once, and the
    bytes recorded for a release are the bytes that were checked and diffed)."""
    text = decode_text(document)
    format = detect_format(document, text)
    data, duplicate_keys = parse_document(text, format, source)
    spec = LoadedSpec(
        data=data,
        source=source,
        raw_bytes_sha256=hashlib.sha256(document.content).hexdigest(),
        text=text,
        format=format,
        duplicate_keys=duplicate_keys,
    )
    _check_is_swagger_2(spec)
    return spec


def _check_is_swagger_2(spec: LoadedSpec) -> None:
    data = spec.data
    if not isinstance(data, dict):
        kind = _json_kind(data)
        raise fail(
            spec.source,
            "not-an-object",
            f"the document's top level is {kind}; a Swagger 2.0 spec is an object",
            line=1,
        )
    if "openapi" in data:
        version = data["openapi"]
        _refuse(
            spec,
            "unsupported-version",
            "/openapi",
            f"OpenAPI {version} is not supported yet: sdkgen reads Swagger 2.0 specs "
            f'(swagger: "2.0") only',
        )
    if "swagger" not in data:
        _refuse(
            spec,
            "not-swagger",
            "",
            'not a Swagger 2.0 spec: the top-level object has no swagger: "2.0" field '
            "(nor an openapi field)",
        )
    version = data["swagger"]
    if version != "2.0":
        hint = ' (a number; write it as the string "2.0")' if version == 2 else ""
        _refuse(
            spec,
            "unsupported-version",
            "/swagger",
            f'swagger must be "2.0", found {version!r}{hint}',
        )


def _refuse(spec: LoadedSpec, code: str, pointer: str, message: str) -> None:
    diagnostics = Diagnostics()
    diagnostics.error(
        code, message, pointer, line=spec.line_of(pointer), source=spec.source
    )
    raise SpecError(diagnostics)


def _json_kind(value: object) -> str:
    if value is None:
        return "empty (null)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return type(value).__name__
