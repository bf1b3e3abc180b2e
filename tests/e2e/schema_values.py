"""Deterministic example values built from Swagger 2.0 schemas.

Used in two places: the Prism preparer gives every 2xx response an ``examples``
entry (Prism's own generator fails on the recursive Platform models), and the
e2e planner builds request bodies and parameter values. Both need values that
are valid against the schema (enums, formats, patterns, bounds), identical from
run to run, and finite for recursive models (``User`` -> ``Division`` -> ...).

This is test tooling and reads the raw spec dicts on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

REF_PREFIX = "#/definitions/"

# Candidate strings tried, in order, against a schema's ``pattern`` (JSON Schema
# patterns are unanchored searches). Covers every pattern of the Genesys specs;
# a pattern none of them match is reported, not silently violated.
PATTERN_CANDIDATES = (
    "3fa85f64-5717-4562-b3fc-2c963f66afa6",  # UUID v4 (matches all UUID patterns)
    "#a1b2c3",
    "abc123",
    "12345",
    "example",
    "*",
    "1",
    "a",
)

FORMAT_VALUES = {
    "date-time": "2024-01-02T03:04:05.000Z",
    "date": "2024-01-02",
    "local-date-time": "2024-01-02T03:04:05",
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "uri": "https://example.com/resource",
    "url": "https://example.com/resource",
    "email": "user@example.com",
    "byte": "ZXhhbXBsZQ==",
    "binary": "example",
    "password": "secret",
}


class UnsatisfiableSchema(ValueError):
    """A schema for which no candidate value is valid (e.g. an unknown pattern)."""


def ref_name(ref: str) -> str:
    if not ref.startswith(REF_PREFIX):
        raise UnsatisfiableSchema(
            f"only local definition refs are supported, got {ref!r}"
        )
    return ref[len(REF_PREFIX) :]


def string_for_pattern(schema: Mapping[str, Any], where: str) -> str:
    compiled = re.compile(schema["pattern"])
    for candidate in PATTERN_CANDIDATES:
        if compiled.search(candidate) and fit_length(candidate, schema) == candidate:
            return candidate
    raise UnsatisfiableSchema(
        f"{where}: no example value matches pattern {schema['pattern']!r} within the length bounds"
    )


def fit_length(text: str, schema: Mapping[str, Any]) -> str:
    min_length = schema.get("minLength", 0)
    max_length = schema.get("maxLength")
    if len(text) < min_length:
        text = text + "x" * (min_length - len(text))
    if max_length is not None:
        text = text[:max_length]
    return text


def number_in_bounds(schema: Mapping[str, Any], preferred: float) -> float:
    value = preferred
    if "minimum" in schema:
        value = max(
            value, schema["minimum"] + (1 if schema.get("exclusiveMinimum") else 0)
        )
    if "maximum" in schema:
        value = min(
            value, schema["maximum"] - (1 if schema.get("exclusiveMaximum") else 0)
        )
    return value


class SchemaValues:
    """Builds one example value per schema.

    max_depth bounds model nesting: below it, a model contributes only its
    required properties (and stops at ``hard_depth``), which keeps recursive
    models finite and examples small enough for Prism to load quickly.
    for_request leaves out readOnly properties (request bodies).
    """

    def __init__(
        self,
        definitions: Mapping[str, Any],
        *,
        max_depth: int = 3,
        hard_depth: int = 6,
        for_request: bool = False,
    ) -> None:
        self.definitions = definitions
        self.max_depth = max_depth
        self.hard_depth = hard_depth
        self.for_request = for_request

    def value(
        self, schema: Mapping[str, Any], name: str = "value", depth: int = 0
    ) -> Any:
        """An example for ``schema``; ``name`` (a property or parameter name) seeds strings."""
        if "$ref" in schema:
            definition_name = ref_name(schema["$ref"])
            try:
                definition = self.definitions[definition_name]
            except KeyError:
                raise UnsatisfiableSchema(f"dangling $ref {schema['$ref']!r}") from None
            return self.value(definition, name, depth)
        if "example" in schema and not isinstance(schema["example"], (dict, list)):
            return schema["example"]
        if "enum" in schema:
            if not schema["enum"]:
                raise UnsatisfiableSchema(f"{name}: empty enum")
            return schema["enum"][0]
        schema_type = schema.get("type")
        if schema_type == "array":
            item = self.value(schema.get("items", {}), name, depth)
            return [item] * max(1, schema.get("minItems", 1))
        if schema_type == "object" or "properties" in schema or "allOf" in schema:
            return self.object_value(schema, depth)
        if schema_type == "string":
            return self.string_value(schema, name)
        if schema_type == "integer":
            return int(number_in_bounds(schema, 1))
        if schema_type == "number":
            return number_in_bounds(schema, 1.5)
        if schema_type == "boolean":
            return True
        if schema_type == "file":
            return f"content of {name}\n"
        return {}  # untyped schema: any JSON value is valid

    def string_value(self, schema: Mapping[str, Any], name: str) -> str:
        if "pattern" in schema:
            return string_for_pattern(schema, name)
        text = FORMAT_VALUES.get(schema.get("format", ""), f"example-{name}")
        return fit_length(text, schema)

    def object_value(self, schema: Mapping[str, Any], depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for parent in schema.get("allOf", ()):
            merged = self.value(parent, "value", depth)
            if isinstance(merged, dict):
                result.update(merged)
        required = set(schema.get("required", ()))
        if depth >= self.hard_depth:
            return result
        for prop_name, prop_schema in schema.get("properties", {}).items():
            if depth >= self.max_depth and prop_name not in required:
                continue
            if self.for_request and prop_schema.get("readOnly"):
                continue  # the server sets these; a client must not send them
            if (
                prop_name == "$ref"
                and not self.for_request
                and prop_name not in required
            ):
                # Examples are embedded in the spec, where a "$ref" key reads as a reference.
                continue
            result[prop_name] = self.value(prop_schema, prop_name, depth + 1)
        additional = schema.get("additionalProperties")
        if isinstance(additional, dict) and depth < self.max_depth:
            result.setdefault("key1", self.value(additional, "key1", depth + 1))
        return result
