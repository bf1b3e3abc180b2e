"""Operation checks: unique operationIds and method names, path parameters that match
the path template, and request bodies the generated method can actually send."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from generator.diagnostics import pointer as make_pointer
from generator.validate.refs import RefProblem, resolve_local_ref
from generator.validate.report import Reporter

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
PATH_TEMPLATE_NAME = re.compile(r"\{([^{}]+)\}")


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str  # the "in" field
    required: object
    pointer: str  # where it is defined (the $ref target for a referenced parameter)


@dataclass(frozen=True)
class Operation:
    path: str
    method: str
    pointer: str
    raw: dict
    parameters: tuple[Parameter, ...]  # path-level ones included, operation's win

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"


def iter_operations(data: dict) -> Iterator[Operation]:
    paths = data.get("paths")
    if not isinstance(paths, dict):
        return
    for path, path_item in paths.items():
        if not isinstance(path_item, dict):
            continue
        path_pointer = make_pointer("paths", path)
        shared = _parameters(data, path_item.get("parameters"), path_pointer)
        for method in HTTP_METHODS:
            raw = path_item.get(method)
            if not isinstance(raw, dict):
                continue
            pointer = f"{path_pointer}/{method}"
            own = _parameters(data, raw.get("parameters"), pointer)
            # An operation's parameter overrides a path-level one with the same name and "in".
            overridden = {(p.name, p.location) for p in own}
            merged = (
                tuple(p for p in shared if (p.name, p.location) not in overridden) + own
            )
            yield Operation(path, method, pointer, raw, merged)


def _parameters(
    data: dict, raw_list: object, owner_pointer: str
) -> tuple[Parameter, ...]:
    if not isinstance(raw_list, list):
        return ()
    found = []
    for index, raw in enumerate(raw_list):
        pointer = f"{owner_pointer}/parameters/{index}"
        if isinstance(raw, dict) and isinstance(raw.get("$ref"), str):
            try:
                pointer, raw = resolve_local_ref(data, raw["$ref"])
            except RefProblem:
                continue  # reported by the $ref check
        if isinstance(raw, dict) and isinstance(raw.get("name"), str):
            found.append(
                Parameter(raw["name"], str(raw.get("in")), raw.get("required"), pointer)
            )
    return tuple(found)


def check_operations(data: dict, report: Reporter) -> None:
    operations = list(iter_operations(data))
    _check_unique_operation_ids(operations, report)
    _check_unique_method_names(operations, report)
    reported_parameters: set[str] = set()
    for operation in operations:
        _check_path_parameters(operation, report, reported_parameters)
        _check_body(operation, report)


def _check_unique_operation_ids(operations: list[Operation], report: Reporter) -> None:
    first_use: dict[str, Operation] = {}
    for operation in operations:
        operation_id = operation.raw.get("operationId")
        if not isinstance(operation_id, str):
            continue
        if operation_id in first_use:
            report.error(
                "duplicate-operation-id",
                f"operationId {operation_id!r} is already used by "
                f"{first_use[operation_id].label}",
                f"{operation.pointer}/operationId",
            )
        else:
            first_use[operation_id] = operation


def _snake_case():
    try:
        from generator.naming import snake_case
    except ImportError:  # generator/naming.py is not written yet
        return _placeholder_snake_case
    return snake_case


def _placeholder_snake_case(name: str) -> str:
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    return re.sub(r"[^0-9a-zA-Z]+", "_", name).strip("_").lower()


def _check_unique_method_names(operations: list[Operation], report: Reporter) -> None:
    """Two operations whose methods would get the same Python name in one API class.

    An operation's class is each of its tags (so a clash is caught whichever tag the
    renderer uses); the name is x-purecloud-method-name, else operationId.
    """
    snake_case = _snake_case()
    first_use: dict[tuple[str, str], Operation] = {}
    for operation in operations:
        field = "x-purecloud-method-name"
        name = operation.raw.get(field)
        if not name:
            field, name = "operationId", operation.raw.get("operationId")
        if not isinstance(name, str):
            continue
        method_name = snake_case(name)
        tags = operation.raw.get("tags")
        tag_names = (
            [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else []
        )
        for tag in dict.fromkeys(tag_names or [""]):
            other = first_use.setdefault((tag, method_name), operation)
            if other is operation or other.raw.get("operationId") == operation.raw.get(
                "operationId"
            ):
                continue  # first use, or already reported as a duplicate operationId
            in_class = f" in the {tag!r} API" if tag else ""
            report.error(
                "duplicate-method-name",
                f"method name {method_name!r}{in_class} (from {field} {name!r}) is "
                f"already used by {other.label}",
                operation.pointer,
            )


def _check_path_parameters(
    operation: Operation, report: Reporter, reported: set[str]
) -> None:
    in_template = list(dict.fromkeys(PATH_TEMPLATE_NAME.findall(operation.path)))
    declared = [p for p in operation.parameters if p.location == "path"]
    declared_names = {p.name for p in declared}
    for name in in_template:
        if name not in declared_names:
            report.error(
                "missing-path-param",
                f"{operation.label} has {{{name}}} in its path but no parameter "
                f"named {name!r} with in: path",
                operation.pointer,
            )
    for parameter in declared:
        # A path-level or shared ($ref) parameter is reported once, where it is written.
        if parameter.pointer in reported:
            continue
        if parameter.name not in in_template:
            reported.add(parameter.pointer)
            report.error(
                "unknown-path-param",
                f"path parameter {parameter.name!r} of {operation.label} does not appear "
                f"as {{{parameter.name}}} in the path",
                parameter.pointer,
            )
        elif parameter.required is not True:
            reported.add(parameter.pointer)
            report.error(
                "path-param-not-required",
                f"path parameter {parameter.name!r} must have required: true "
                f"(found {_spelling(parameter.required)})",
                parameter.pointer,
            )


def _check_body(operation: Operation, report: Reporter) -> None:
    bodies = [p for p in operation.parameters if p.location == "body"]
    if len(bodies) > 1:
        names = ", ".join(repr(p.name) for p in bodies)
        report.error(
            "multiple-body-params",
            f"{operation.label} has {len(bodies)} body parameters ({names}); "
            "an operation has at most one",
            operation.pointer,
        )
    forms = [p for p in operation.parameters if p.location == "formData"]
    if bodies and forms:
        report.error(
            "body-and-form-data",
            f"{operation.label} has both a body parameter ({bodies[0].name!r}) and "
            f"formData parameters ({forms[0].name!r}...); they cannot be sent together",
            operation.pointer,
        )


def _spelling(value: object) -> str:
    if value is None:
        return "no required field"
    return f"required: {str(value).lower() if isinstance(value, bool) else repr(value)}"
