"""Shapes sdkgen cannot read, found without openapi-spec-validator (``--no-schema`` runs
these too): a top-level map that is not an object (``paths: null``) and tuple-style
``items: [...]`` (JSON Schema draft 4 arrays, not Swagger 2.0), each a located error."""

from __future__ import annotations

from collections.abc import Iterable

from generator.validate.report import Reporter
from generator.validate.walk import Structural, pointer_of

# Top-level keys whose value must be an object when present.
TOP_LEVEL_MAPS = ("paths", "definitions", "parameters", "responses", "securityDefinitions")


def check_structure(data: dict, report: Reporter, objects: Iterable[Structural]) -> None:
    """``objects``: the document's :func:`~generator.validate.walk.iter_structure`."""
    for key in TOP_LEVEL_MAPS:
        if key in data and not isinstance(data[key], dict):
            shown = "null" if data[key] is None else type(data[key]).__name__
            required = " (it is required: write `paths: {}` for an API without operations)" if key == "paths" else ""
            report.error("not-an-object", f"{key!r} must be an object, not {shown}{required}", f"/{key}")
    if "paths" not in data:
        report.error("missing-paths", "the document has no 'paths' object (write `paths: {}` for none)", "")
    _check_items(objects, report)


def _check_items(objects: Iterable[Structural], report: Reporter) -> None:
    """Every ``items`` that is a list, wherever schemas may stand (see walk.py)."""
    for node, place, is_name_map in objects:
        if not is_name_map and isinstance(node.get("items"), list):
            report.error(
                "tuple-items",
                "`items` is a list of schemas (JSON Schema tuple validation), which Swagger 2.0 "
                "does not have: give one schema for every element",
                f"{pointer_of(place)}/items",
            )
