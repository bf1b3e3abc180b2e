"""Shapes sdkgen cannot read, found without openapi-spec-validator (``--no-schema`` runs
these too): a top-level map that is not an object (``paths: null``) and tuple-style
``items: [...]`` (JSON Schema draft 4 arrays, not Swagger 2.0), each a located error."""

from __future__ import annotations

from generator.diagnostics import escape_pointer_token
from generator.validate.refs import LITERAL_VALUE_KEYS, NAME_MAP_KEYS, VENDOR_EXTENSION_PREFIX
from generator.validate.report import Reporter

# Top-level keys whose value must be an object when present.
TOP_LEVEL_MAPS = ("paths", "definitions", "parameters", "responses", "securityDefinitions")


def check_structure(data: dict, report: Reporter) -> None:
    for key in TOP_LEVEL_MAPS:
        if key in data and not isinstance(data[key], dict):
            shown = "null" if data[key] is None else type(data[key]).__name__
            required = " (it is required: write `paths: {}` for an API without operations)" if key == "paths" else ""
            report.error("not-an-object", f"{key!r} must be an object, not {shown}{required}", f"/{key}")
    if "paths" not in data:
        report.error("missing-paths", "the document has no 'paths' object (write `paths: {}` for none)", "")
    _check_items(data, report)


def _check_items(data: dict, report: Reporter) -> None:
    """Every ``items`` that is a list, wherever schemas may stand (name maps followed,
    literal values and vendor extensions skipped, as the $ref walk does)."""
    stack: list[tuple[object, str, bool]] = [(data, "", False)]
    while stack:
        node, pointer, is_name_map = stack.pop()
        if isinstance(node, dict):
            if not is_name_map and isinstance(node.get("items"), list):
                report.error(
                    "tuple-items",
                    "`items` is a list of schemas (JSON Schema tuple validation), which Swagger 2.0 "
                    "does not have: give one schema for every element",
                    f"{pointer}/items",
                )
            for key, value in node.items():
                if isinstance(value, (dict, list)) and (
                    is_name_map or not (key in LITERAL_VALUE_KEYS or key.startswith(VENDOR_EXTENSION_PREFIX))
                ):
                    stack.append((value, f"{pointer}/{escape_pointer_token(key)}",
                                  not is_name_map and key in NAME_MAP_KEYS))  # fmt: skip
        elif isinstance(node, list):
            stack.extend((item, f"{pointer}/{index}", False) for index, item in enumerate(node)
                         if isinstance(item, (dict, list)))  # fmt: skip
