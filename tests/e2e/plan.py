"""Choose the operations an e2e run calls, and plan each call and its expected request.

Everything here is deterministic: operations are picked from the IR in
operation-id order, argument values come from :class:`SchemaValues` over the raw
parameter and body schemas (which keep ``pattern``/``minimum`` that the IR drops).

A plan is plain JSON so that the driver, which runs in a separate virtualenv
with only the generated SDK installed, can read it. Argument values are encoded
as tagged trees that the driver turns into real objects:

- ``{"$model": "User", "fields": {python_name: value}}``: a model built with kwargs
- ``{"$list": [...]}``, ``{"$dict": {...}}``: containers
- ``{"$date": "2024-01-02"}``, ``{"$datetime": "2024-01-02T03:04:05.000Z"}``
- ``{"$raw": <json>}``: a free-form JSON value passed as is
- ``{"$bytes": "text"}``: a file upload, the UTF-8 bytes of the text
- bare str / int / float / bool: themselves
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from schema_values import SchemaValues

from generator.ir.model import Api, Operation, Parameter, TypeRef

# Path values carry a space so that path escaping is exercised on every call;
# the operation id keeps values unique (no accidental match of a literal path).
PATH_VALUE_SUFFIX = " x1"


def load_with_ir(path: str | Path) -> tuple[dict[str, Any], Api]:
    """The raw spec dict and the generator's IR for it, both from the generator's loader,
    so the plan and the generated SDK see the same document."""
    from generator.ir.build import build_api
    from generator.loader import load_spec

    loaded = load_spec(str(path))
    return loaded.data, build_api(loaded)


def resolve_pointer(document: Any, pointer: str) -> Any:
    node = document
    for token in pointer.lstrip("/").split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


# ---------------------------------------------------------------- selection


def operation_features(operation: Operation) -> set[str]:
    """What an operation exercises; selection covers every feature at least once."""
    features = {f"method:{operation.http_method}"}
    for parameter in operation.parameters:
        features.add(f"param:{parameter.location}")
        if parameter.collection_format:
            features.add(
                f"collection:{parameter.location}:{parameter.collection_format}"
            )
        if parameter.type.format in ("date", "date-time"):
            features.add(f"format:{parameter.location}:{parameter.type.format}")
        if parameter.type.kind == "primitive" and parameter.type.name != "string":
            features.add(f"scalar:{parameter.location}:{parameter.type.name}")
        if parameter.location == "body":
            features.add(f"body:{parameter.type.kind}")
    success = operation.success_type
    features.add(f"response:{success.kind if success else 'none'}")
    if success is not None and success.kind == "primitive":
        features.add(f"response:primitive:{success.name}:{success.format}")
    for media_type in operation.produces:
        features.add(f"produces:{media_type}")
    return features


def select_operations(api: Api, count: int) -> list[Operation]:
    """``count`` operations (more if covering every feature takes more): first enough
    to cover every feature, then an even spread.

    The spread takes every k-th remaining operation in operation-id order, so all
    API groups are represented rather than the first few alphabetically.
    """
    ordered = sorted(api.operations, key=lambda op: (op.operation_id or "", op.key))
    chosen: list[Operation] = []
    covered: set[str] = set()
    for operation in ordered:
        features = operation_features(operation)
        if not features <= covered:
            chosen.append(operation)
            covered |= features
    chosen_keys = {op.key for op in chosen}
    remaining = [op for op in ordered if op.key not in chosen_keys]
    wanted = max(0, count - len(chosen))
    if wanted and remaining:
        stride = len(remaining) / wanted
        picks = sorted({int(index * stride) for index in range(wanted)})
        chosen.extend(remaining[index] for index in picks if index < len(remaining))
    return sorted(chosen, key=lambda op: op.operation_id or "")


# ---------------------------------------------------------------- values


@dataclass
class ExpectedRequest:
    method: str
    path_segments: list[str]  # decoded segments of the full path
    query: list[list[str]]  # [name, value] pairs, multi arrays repeated
    headers: dict[str, str]
    body: Any = None  # wire JSON, None when no body
    has_body: bool = False
    auth_header: bool = True
    content_types: list[str] = field(
        default_factory=lambda: ["application/json"]
    )  # consumes
    form_kind: str | None = (
        None  # "multipart" | "urlencoded" when formData parameters are sent
    )
    form: list[list[str]] = field(default_factory=list)  # [name, value] text fields
    files: list[list[str]] = field(default_factory=list)  # [name, content] uploads


@dataclass
class PlannedCall:
    operation_id: str
    api_class: str
    method_name: str
    arguments: dict[str, Any]  # python_name -> tagged value
    response: dict[str, Any]  # expected result shape, see response_shape()
    expected: ExpectedRequest
    use_async: bool = False
    notes: list[str] = field(default_factory=list)


def wire_to_tagged(value: Any, type_ref: TypeRef | None, api: Api) -> Any:
    """Turn a wire JSON value into the tagged constructor tree for ``type_ref``."""
    if type_ref is None or type_ref.kind == "any":
        return {"$raw": value}
    if type_ref.kind == "model":
        model = api.model(type_ref.model)
        if model.kind == "object":
            if not isinstance(value, dict):
                return {"$raw": value}
            properties = {prop.wire_name: prop for prop in model.properties}
            fields = {
                properties[key].python_name: wire_to_tagged(
                    item, properties[key].type, api
                )
                for key, item in value.items()
                if key in properties
            }
            return {"$model": model.class_name, "fields": fields}
        if model.kind == "alias":
            return wire_to_tagged(value, model.alias_of, api)
        return value  # enum definition: values are plain strings
    if type_ref.kind == "array":
        return {"$list": [wire_to_tagged(item, type_ref.items, api) for item in value]}
    if type_ref.kind == "map":
        return {
            "$dict": {
                key: wire_to_tagged(item, type_ref.items, api)
                for key, item in value.items()
            }
        }
    if type_ref.name == "object":
        return {"$raw": value}
    if type_ref.name == "file":
        return {"$bytes": value}
    if type_ref.format == "date":
        return {"$date": value}
    if type_ref.format == "date-time":
        return {"$datetime": value}
    return value


def response_shape(type_ref: TypeRef | None, api: Api) -> dict[str, Any]:
    """What the SDK method must return, as JSON the driver can check with isinstance."""
    if type_ref is None:
        return {"kind": "none"}
    if type_ref.kind == "model":
        model = api.model(type_ref.model)
        if model.kind == "object":
            return {"kind": "model", "class": model.class_name}
        if model.kind == "alias":
            return response_shape(model.alias_of, api)
        return {"kind": "scalar", "python": "str"}
    if type_ref.kind == "array":
        return {"kind": "list", "items": response_shape(type_ref.items, api)}
    if type_ref.kind == "map":
        return {"kind": "dict", "values": response_shape(type_ref.items, api)}
    if type_ref.kind == "any" or type_ref.name == "object":
        return {"kind": "any"}
    if type_ref.name == "file" or type_ref.format == "binary":
        return {"kind": "scalar", "python": "bytes"}
    python = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}[
        type_ref.name
    ]
    if type_ref.format == "date-time":
        python = "datetime"
    elif type_ref.format == "date":
        python = "date"
    return {"kind": "scalar", "python": python}


def query_text(value: Any) -> str:
    """How a scalar appears in a query string or header (JSON spelling for booleans)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class Planner:
    def __init__(self, spec: Mapping[str, Any], api: Api) -> None:
        self.spec = spec
        self.api = api
        self.values = SchemaValues(
            spec.get("definitions", {}), max_depth=2, for_request=True
        )
        self.group_of: dict[str, str] = {}
        for group in api.groups:  # sorted by class name: the first group wins
            for operation in group.operations:
                self.group_of.setdefault(operation.key, group.class_name)

    def resolve(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        while "$ref" in schema:
            schema = self.spec["definitions"][schema["$ref"].rsplit("/", 1)[-1]]
        return schema

    def parameter_value(self, operation: Operation, parameter: Parameter) -> Any:
        raw = resolve_pointer(self.spec, parameter.pointer)
        if parameter.location == "body":
            schema = raw.get("schema", {})
            return sparse(
                self.values.value(schema, parameter.wire_name), self.resolve(schema)
            )
        value = self.values.value(raw, parameter.wire_name)
        if (
            parameter.location == "path"
            and isinstance(value, str)
            and "pattern" not in raw
            and raw.get("format") is None
        ):
            value = f"{operation.operation_id}-{parameter.wire_name}{PATH_VALUE_SUFFIX}"
        if isinstance(value, list):
            # two items, so that the collection format (repeat vs join) is visible on the wire
            items = raw.get("items", {})
            if "enum" in items:
                value = list(items["enum"][:2])
            elif items.get("type") == "string" and "pattern" not in items:
                value = [f"{parameter.wire_name}-a", f"{parameter.wire_name}-b"]
            if (
                parameter.location == "formData"
                and "multipart/form-data" in operation.consumes
            ):
                # Prism 5 rejects "," in a multipart field ("Reserved characters used in
                # request body") although Swagger 2 csv demands it: send one item there.
                value = value[:1]
        return value

    def plan(self, operation: Operation, index: int) -> PlannedCall:
        arguments: dict[str, Any] = {}
        path = self.api.base_path.rstrip("/") + operation.path
        query: list[list[str]] = []
        form: list[list[str]] = []
        files: list[list[str]] = []
        headers: dict[str, str] = {}
        body: Any = None
        has_body = False
        optional_seen = 0
        for parameter in operation.parameters:
            if (
                not parameter.required
                and parameter.location != "body"
                and parameter.type.kind != "array"
            ):
                optional_seen += 1
                if optional_seen % 3 == 0:
                    # every third optional scalar stays unset: it must not be sent
                    # (arrays are always set: their collection format is what is checked)
                    continue
            value = self.parameter_value(operation, parameter)
            arguments[parameter.python_name] = wire_to_tagged(
                value, parameter.type, self.api
            )
            if parameter.location == "path":
                path = path.replace(
                    "{" + parameter.wire_name + "}", "\0" + query_text(value) + "\0"
                )
            elif parameter.location == "query":
                query.extend(encode_collection(parameter, value))
            elif parameter.location == "header":
                headers[parameter.wire_name] = (
                    ",".join(query_text(v) for v in value)
                    if isinstance(value, list)
                    else query_text(value)
                )
            elif parameter.location == "body":
                body, has_body = value, True
            elif parameter.location == "formData" and parameter.type.name == "file":
                files.append([parameter.wire_name, value])
            elif parameter.location == "formData":
                form.extend(encode_collection(parameter, value))
        form_kind = None
        if form or files:
            form_kind = (
                "multipart"
                if files or "multipart/form-data" in operation.consumes
                else "urlencoded"
            )
        segments = [segment.replace("\0", "") for segment in path.split("/")]
        expected = ExpectedRequest(
            method=operation.http_method.upper(),
            path_segments=segments,
            query=query,
            headers=headers,
            body=body,
            has_body=has_body,
            auth_header=bool(operation.security),
            content_types=list(operation.consumes or ("application/json",)),
            form_kind=form_kind,
            form=form,
            files=files,
        )
        return PlannedCall(
            operation_id=operation.operation_id or operation.python_name,
            api_class=self.group_of[operation.key],
            method_name=operation.python_name,
            arguments=arguments,
            response=response_shape(operation.success_type, self.api),
            expected=expected,
            use_async=index % 10 == 9,  # every tenth call goes through the async client
        )


def encode_collection(parameter: Parameter, value: Any) -> list[list[str]]:
    if not isinstance(value, list):
        return [[parameter.wire_name, query_text(value)]]
    texts = [query_text(item) for item in value]
    separator = {"csv": ",", "ssv": " ", "tsv": "\t", "pipes": "|", None: ","}
    if parameter.collection_format == "multi":
        return [[parameter.wire_name, text] for text in texts]
    return [[parameter.wire_name, separator[parameter.collection_format].join(texts)]]


def sparse(value: Any, schema: Mapping[str, Any]) -> Any:
    """Drop every third optional top-level property of a body: unset fields must not be sent."""
    if not isinstance(value, dict) or len(value) < 3:
        return value
    required = set(schema.get("required", ()))
    return {
        key: item
        for position, (key, item) in enumerate(value.items())
        if position % 3 != 2 or key in required
    }


def build_plan(
    spec: Mapping[str, Any], api: Api, operations: Iterable[Operation]
) -> list[PlannedCall]:
    planner = Planner(spec, api)
    return [
        planner.plan(operation, index) for index, operation in enumerate(operations)
    ]


def plan_to_json(calls: list[PlannedCall]) -> str:
    return json.dumps([asdict(call) for call in calls], indent=1)
