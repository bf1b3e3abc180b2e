"""Part (b): openapi-spec-validator's Swagger 2.0 validation, every error with a pointer.

The library runs two passes: the Swagger 2.0 JSON Schema (errors carry their path) and
"keyword" checks that walk paths and schemas (errors carry no location at all). We run
the passes ourselves, wrapping each keyword validator so that its errors are stamped
with the place it was looking at.

Speed (Platform spec, 7 MB; CPU seconds on this machine, openapi-spec-validator 0.9.0):
- stock OpenAPIV2SpecValidator: 13.1 s with the Python `jsonschema` backend, 7.3 s with
  `jsonschema-rs` (which the library picks by itself when installed: it turns the
  Swagger 2.0 JSON Schema pass from ~6 s into ~0.03 s);
- the keyword pass keeps visited schema ids in lists (O(n) membership per schema);
  sets make it O(1): 3.3 s;
- each schema's own meta-schema check answered by jsonschema-rs first, the library's
  check only for schemas it rejects (generator/validate/meta_check.py): 2.2 s.
What is left is mostly jsonschema-path resolving references on every access.

Results are plain tuples (`Finding`) so they cross process boundaries and go into the
JSON cache unchanged.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import NamedTuple

from generator.diagnostics import Level, escape_pointer_token

MAX_INSTANCE_CHARS = 80


class Finding(NamedTuple):
    level: int
    code: str
    message: str
    pointer: str


def find_schema_problems(data: dict) -> list[Finding]:
    validator = _fast_v2_validator_class()(data)
    findings: list[Finding] = []
    try:
        findings += _without_redundant_not_errors(
            validator.schema_validator.iter_errors(validator.schema), data
        )
        for error in validator.root_validator(validator.schema_path):
            finding = _keyword_finding(error, data)
            if finding is not None:
                findings.append(finding)
    # The library raises on what it cannot follow (a dangling $ref): keep what it found.
    except Exception as error:  # noqa: BLE001
        findings.append(
            Finding(
                Level.WARNING,
                "schema-validation-incomplete",
                f"openapi-spec-validator stopped early ({_stop_reason(error)}); "
                "fix the other errors and validate again",
                "",
            )
        )
    return findings


_FAST_CLASS = None


def _fast_v2_validator_class():
    """OpenAPIV2SpecValidator with located, set-based keyword validators (built once)."""
    global _FAST_CLASS
    if _FAST_CLASS is None:
        from openapi_spec_validator import OpenAPIV2SpecValidator

        from generator.validate.meta_check import fast_meta_check_validator_class

        classes = dict(OpenAPIV2SpecValidator.keyword_validators)
        fast_schema_class = fast_meta_check_validator_class(classes["schema"])
        if fast_schema_class is not None:
            classes["schema"] = fast_schema_class
        located = {
            keyword: _located(validator_class)
            for keyword, validator_class in classes.items()
        }
        _FAST_CLASS = type(
            "LocatedOpenAPIV2SpecValidator",
            (OpenAPIV2SpecValidator,),
            {"keyword_validators": located},
        )
    return _FAST_CLASS


class _IdSet(set):
    """A set that answers to list's `append`, for the library's visited-id lists."""

    append = set.add


def _located(validator_class: type) -> type:
    from jsonschema_path import SchemaPath
    from openapi_spec_validator.validation.keywords import ValueValidator

    is_value_validator = issubclass(validator_class, ValueValidator)

    def __init__(self, registry):
        validator_class.__init__(self, registry)
        for name in ("visited_schema_ids", "meta_checked_schema_ids"):
            if isinstance(getattr(self, name, None), list):
                setattr(self, name, _IdSet())

    def __call__(self, *args, **kwargs):
        node = next((a for a in args if isinstance(a, SchemaPath)), None)
        for error in validator_class.__call__(self, *args, **kwargs):
            # The innermost validator sees the error first, and knows the most.
            if node is not None and getattr(error, "sdkgen_parts", None) is None:
                parts = tuple(node.parts)
                if is_value_validator:
                    parts += ("default",)  # both callers validate node["default"]
                error.sdkgen_parts = parts + tuple(error.path)
            yield error

    return type(
        validator_class.__name__,
        (validator_class,),
        {"__init__": __init__, "__call__": __call__},
    )


# Checked by our own code with better messages (generator/validate/operations.py).
_COVERED_BY_OWN_CHECKS = {"DuplicateOperationIDError", "UnresolvableParameterError"}
_KEYWORD_CODES = {
    "ParameterDuplicateError": "duplicate-parameter",
    "ExtraParametersError": "required-not-defined",
}


def _without_redundant_not_errors(errors, data: dict) -> list[Finding]:
    """Findings of the Swagger 2.0 JSON Schema pass, minus unhelpful "not" failures.

    The schema says "responses must not hold only x- keys" with ``not``, and a failed
    ``not`` can only print the forbidden schema ("{...} is not allowed for {}"). Where
    another error explains the same place ("{} has less than 1 property"), that one is
    enough; otherwise the "not" failure gets a readable message.
    """
    located: list[tuple[Finding, bool]] = []
    for error in errors:
        finding = _schema_finding(error, data)
        is_not = list(error.schema_path)[-1:] == ["not"]
        if is_not:
            shown = _shorten(
                json.dumps(_value_at(data, list(error.path)), sort_keys=True)
            )
            finding = finding._replace(
                message=f"{shown} has a form that the Swagger 2.0 schema does not allow here"
            )
        located.append((finding, is_not))
    explained = {finding.pointer for finding, is_not in located if not is_not}
    return [
        finding
        for finding, is_not in located
        if not (is_not and finding.pointer in explained)
    ]


def _shorten(text: str) -> str:
    return (
        text
        if len(text) <= MAX_INSTANCE_CHARS
        else text[: MAX_INSTANCE_CHARS - 3] + "..."
    )


def _stop_reason(error: Exception) -> str:
    ref = getattr(error, "ref", None)
    if isinstance(ref, str):
        return f"cannot resolve $ref {ref!r}"
    if isinstance(error, KeyError) and error.args:
        return f"a required field {error.args[0]!r} is missing"
    reason = _first_line(str(error))
    return reason if len(reason) <= 120 else reason[:117] + "..."


def _schema_finding(error, data: dict) -> Finding:
    path = list(error.path)
    message = _message(error)
    if error.validator in ("oneOf", "anyOf") or list(error.schema_path)[-1:] in (
        ["oneOf"],
        ["anyOf"],
    ):
        # "X is not valid under any of the schemas" names no reason: find the
        # alternative that came closest and say what it lacks.
        if error.context:  # the Python backend keeps each alternative's errors
            closest = _closest_error([error])
            explained = list(closest.path), _first_line(closest.message)
            path = list(closest.absolute_path)
        else:  # jsonschema-rs does not: re-check this one value in Python
            explained = _closest_alternative(error, _value_at(data, path))
            if explained is not None:
                path += explained[0]
        if explained is not None:
            message = _shorten_leading_instance(explained[1])
    return Finding(Level.ERROR, "swagger-schema", message, _pointer(path))


def _value_at(data: object, path: list) -> object:
    # Not error.instance: the jsonschema-rs adapter sets it to the whole document.
    for part in path:
        data = data[part]
    return data


def _closest_alternative(error, instance: object) -> tuple[list, str] | None:
    try:
        from jsonschema import Draft4Validator
        from openapi_spec_validator.schemas import schema_v2

        subschema = schema_v2
        for part in list(error.schema_path)[:-1]:
            subschema = subschema[part]
        # Root-level "definitions" so the subschema's "#/definitions/..." refs resolve.
        standalone = {**subschema, "definitions": schema_v2["definitions"]}
        errors = list(Draft4Validator(standalone).iter_errors(instance))
    # An explanation is a bonus; without one the original message stands.
    except Exception:  # noqa: BLE001
        return None
    best = _closest_error(errors)
    if best is None:
        return None
    return list(best.absolute_path), _first_line(best.message)


def _closest_error(errors: list):
    """The error of the alternative the author most likely meant.

    An alternative whose discriminating enum fails (`in: query` against the body form)
    was not meant; the `$ref`-only form is never what a full object meant; then fewest
    errors wins.
    """
    if not errors:
        return None
    error = errors[0]
    if error.validator not in ("oneOf", "anyOf") or not error.context:
        return error
    by_alternative: dict[object, list] = {}
    for sub_error in error.context:
        by_alternative.setdefault(sub_error.relative_schema_path[0], []).append(
            sub_error
        )

    def unlikeliness(alternative_errors: list) -> tuple[int, int, int]:
        # Swagger 2.0 tells parameter forms apart by "in".
        wrong_form = sum(
            e.validator == "enum" and list(e.path)[-1:] == ["in"]
            for e in alternative_errors
        )
        wants_ref = sum("'$ref'" in e.message for e in alternative_errors)
        return wrong_form, wants_ref, len(alternative_errors)

    chosen = min(by_alternative.values(), key=unlikeliness)
    return _closest_error(chosen)


def _keyword_finding(error, data: dict) -> Finding | None:
    kind = type(error).__name__
    if kind in _COVERED_BY_OWN_CHECKS:
        return None
    parts = getattr(error, "sdkgen_parts", ())
    code = _KEYWORD_CODES.get(kind)
    if code is None:
        code = "invalid-default" if "default" in parts else "invalid-schema"
    return Finding(Level.ERROR, code, _message(error), concrete_pointer(data, parts))


def concrete_pointer(data: object, parts: Iterable[object]) -> str:
    """The pointer where the value really is, following $refs along a logical path
    (the library walks through references: /paths/.../schema/properties/x may live
    at /definitions/User/properties/x)."""
    from generator.validate.refs import RefProblem, resolve_local_ref

    pointer, node = "", data
    for part in parts:
        if (
            isinstance(node, dict)
            and isinstance(node.get("$ref"), str)
            and part != "$ref"
        ):
            try:
                pointer, node = resolve_local_ref(data, node["$ref"])
            except RefProblem:
                pass
        pointer += "/" + escape_pointer_token(str(part))
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            node = None
    return pointer


def _pointer(path: Iterable[object]) -> str:
    return "".join("/" + escape_pointer_token(str(part)) for part in path)


# jsonschema-rs quotes a missing property JSON-style; the Python backend (and the
# rest of our messages) use Python quotes. One wording whichever backend is installed.
_RS_REQUIRED_PROPERTY = re.compile(r'^"((?:[^"\\]|\\.)*)" is a required property$')


def _message(error) -> str:
    # Keep the first line (jsonschema appends the schema and instance), and shorten the
    # instance: a 3000-line definition does not belong in a one-line message.
    message = _first_line(getattr(error, "message", None) or str(error))
    message = _RS_REQUIRED_PROPERTY.sub(r"'\1' is a required property", message)
    return _shorten_leading_instance(message)


def _first_line(text: str) -> str:
    return text.strip().split("\n", 1)[0]


def _shorten_leading_instance(message: str) -> str:
    for separator in (
        " is not valid under",
        " is not of type",
        " is a required",
        " does not match",
    ):
        head, found, tail = message.partition(separator)
        if found and len(head) > MAX_INSTANCE_CHARS:
            return head[: MAX_INSTANCE_CHARS - 3] + "..." + found + tail
    return message
