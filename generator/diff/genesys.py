"""Policy ``genesys``: the Platform SDK's published swagger-diff rules, quirks included.

The rule table, texts and walk order are documented in
``shared/notes/genesys-diff-rules.md`` (rule numbers below refer to it). The
reference is JavaScript, so key order, ``===`` and value printing follow
:mod:`generator.diff.jsvalues`. Everything is read from the IR; the few raw details
those rules need are the IR's ``raw_*`` fields, ``PathItem.keys``,
``Model.has_properties_key`` / ``own_property_names`` and ``Parameter.path_level``.
"""

from __future__ import annotations

from ..ir.model import (
    Api,
    Model,
    Operation,
    Parameter,
    PathItem,
    Property,
    Response,
    TypeRef,
)
from .changes import Change, DiffResult, Level
from .jsvalues import (
    UNDEFINED,
    js_key_order,
    js_missing,
    js_strict_equal,
    js_text,
    js_truthy,
)

POLICY = "genesys"
_DEFINITIONS_PREFIX = "#/definitions/"
# Removed from the Platform API long ago (API-5692): never reported as added or changed.
_IGNORED_MODELS = frozenset({"ArrayNode", "JsonNode"})


def diff_genesys(old: Api, new: Api) -> DiffResult:
    walk = _Walk()
    walk.paths(old, new)
    walk.models(old, new)
    return DiffResult(
        POLICY, tuple(walk.changes), old.source, new.source, old.version, new.version
    )


def display_type(type_ref: TypeRef | None) -> str:
    """The reference's display string of a schema: ``$ref`` name, ``Item[]``,
    ``Map<object, V>``, the ``type`` as written, else ``_undefined_``."""
    if type_ref is None:
        return "_undefined_"
    if type_ref.raw_ref:
        return type_ref.raw_ref.replace(_DEFINITIONS_PREFIX, "", 1)
    if not type_ref.raw_type:
        return "_undefined_"
    lowered = type_ref.raw_type.lower()
    if lowered == "array" and type_ref.kind == "array" and type_ref.items is not None:
        items = type_ref.items
        if items.raw_ref:
            return items.raw_ref.replace(_DEFINITIONS_PREFIX, "", 1) + "[]"
        if items.raw_type:
            return items.raw_type + "[]"
    if lowered == "object" and type_ref.kind == "map":
        return f"Map<{type_ref.raw_type}, {display_type(type_ref.items)}>"
    return type_ref.raw_type


def enum_values(type_ref: TypeRef) -> tuple[object, ...] | None:
    """The property's own ``enum``, else its array items' ``enum`` (None: not an enum)."""
    if type_ref.enum is not None:
        return type_ref.enum
    if type_ref.kind == "array" and type_ref.items is not None:
        return type_ref.items.enum
    return None


def _default_text(location: str, key: str, old: object, new: object) -> str:
    """The reference's bullet when a rule has no fixed text: added / removed / changed."""
    if not js_truthy(old) and js_truthy(new):
        return f"{location} {key} was added"
    if js_truthy(old) and not js_truthy(new):
        return f"{location} {key} was removed"
    return f"{location} {key} was changed from {js_text(old)} to {js_text(new)}"


def _absent(value: object) -> object:
    return UNDEFINED if value is None else value


class _Walk:
    def __init__(self) -> None:
        self.changes: list[Change] = []

    def add(
        self, group: str, level: Level, kind: str, where: str, message: str
    ) -> None:
        self.changes.append(Change(level, kind, group, where, message))

    def check(
        self,
        group: str,
        level: Level,
        kind: str,
        where: str,
        location: str,
        key: str,
        old: object,
        new: object,
        message: str | None = None,
    ) -> None:
        """Rules 6-9, 14-16, 21: report when the two values are not ``===``."""
        old, new = _absent(old), _absent(new)
        if not js_strict_equal(old, new):
            self.add(
                group,
                level,
                kind,
                where,
                message or _default_text(location, key, old, new),
            )

    # ---- paths and operations (rules 1-23) ---------------------------------------
    def paths(self, old: Api, new: Api) -> None:
        old_paths = {item.path: item for item in old.paths}
        new_paths = {item.path: item for item in new.paths}
        for path in js_key_order(old_paths):
            if path not in new_paths:
                self.add(
                    path, Level.MAJOR, "path-removed", path, f"Path {path} was removed"
                )
        for path in js_key_order(new_paths):
            item = new_paths[path]
            if path not in old_paths:
                self.add(path, Level.MINOR, "path-added", path, "Path was added")
                for key in js_key_order(item.keys):
                    self.add(
                        path,
                        Level.MINOR,
                        "operation-added",
                        f"{key.upper()} {path}",
                        f"Operation {key.upper()} was added",
                    )
            else:
                self.path_item(old_paths[path], item)

    def path_item(self, old: PathItem, new: PathItem) -> None:
        path = new.path
        old_keys, new_keys = set(old.keys), set(new.keys)
        for key in js_key_order(old.keys):
            if key not in new_keys:
                self.add(
                    path,
                    Level.MAJOR,
                    "operation-removed",
                    f"{key.upper()} {path}",
                    f"Operation {key.upper()} was removed",
                )
        for key in js_key_order(new.keys):
            new_op = _operation_at(new, key)
            if key not in old_keys:
                summary = new_op.summary if new_op is not None else None
                text = (
                    f"Operation {key} was added. Summary: {summary}"
                    if summary
                    else f"Operation {key.upper()} was added"
                )
                self.add(
                    path, Level.MINOR, "operation-added", f"{key.upper()} {path}", text
                )
                continue
            old_op = _operation_at(old, key)
            # Keys that are not operations (``parameters``, ``x-...``) give nothing.
            if old_op is not None and new_op is not None:
                self.operation(f"{key.upper()} {path}", old_op, new_op)

    def operation(self, group: str, old: Operation, new: Operation) -> None:
        self.check(
            group,
            Level.MAJOR,
            "operation-id-changed",
            group,
            "Operation",
            "operationId",
            old.operation_id,
            new.operation_id,
        )
        self.check(
            group,
            Level.MAJOR,
            "method-name-changed",
            group,
            "Operation",
            "x-purecloud-method-name",
            old.method_name,
            new.method_name,
        )
        self.check(
            group,
            Level.PATCH,
            "description-changed",
            group,
            "Operation",
            "description",
            old.description,
            new.description,
            "Description was changed",
        )
        self.check(
            group,
            Level.PATCH,
            "summary-changed",
            group,
            "Operation",
            "summary",
            old.summary,
            new.summary,
            "Summary was changed",
        )
        if new.deprecated and not old.deprecated:
            self.add(group, Level.MAJOR, "deprecated", group, "Has been deprecated")
        elif old.deprecated and not new.deprecated:
            self.add(group, Level.MAJOR, "undeprecated", group, "Has been undeprecated")
        self.parameters(group, old, new)
        self.responses(group, old, new)
        self.tags(group, old, new)

    def parameters(self, group: str, old: Operation, new: Operation) -> None:
        old_params, new_params = _parameters_by_name(old), _parameters_by_name(new)
        for name in js_key_order(old_params):
            if name not in new_params:
                self.add(
                    group,
                    Level.MAJOR,
                    "parameter-removed",
                    f"{group} {name}",
                    f"Parameter {name} was removed",
                )
        for name in js_key_order(new_params):
            param, where = new_params[name], f"{group} {name}"
            previous = old_params.get(name)
            if previous is None:
                # Major for every kind: the SDK pipeline always diffs in SDK-versioning mode.
                self.add(
                    group,
                    Level.MAJOR,
                    "parameter-added",
                    where,
                    f"Parameter {name} was added",
                )
                continue
            self.check(
                group,
                Level.MAJOR,
                "parameter-location-changed",
                where,
                "Parameter",
                name,
                previous.raw_in,
                param.raw_in,
            )
            self.check(
                group,
                Level.MAJOR,
                "parameter-type-changed",
                where,
                "Parameter",
                name,
                _raw_parameter_type(previous),
                _raw_parameter_type(param),
            )
            self.check(
                group,
                Level.PATCH,
                "parameter-description-changed",
                where,
                "Parameter",
                name,
                previous.description,
                param.description,
                f"Description was changed for parameter {name}",
            )
            before, after = _absent(previous.raw_required), _absent(param.raw_required)
            if not js_strict_equal(before, after):
                if after is True:
                    self.add(
                        group,
                        Level.MAJOR,
                        "parameter-made-required",
                        where,
                        f"Parameter {name} was made required",
                    )
                else:
                    self.add(
                        group,
                        Level.MINOR,
                        "parameter-made-optional",
                        where,
                        f"Parameter {name} was made optional",
                    )

    def responses(self, group: str, old: Operation, new: Operation) -> None:
        old_responses = {r.status: r for r in old.responses}
        new_responses = {r.status: r for r in new.responses}
        for code in js_key_order(old_responses):
            if code not in new_responses:
                self.add(
                    group,
                    Level.MAJOR,
                    "response-removed",
                    f"{group} {code}",
                    f"Response {code} was removed",
                )
        for code in js_key_order(new_responses):
            response, where = new_responses[code], f"{group} {code}"
            previous = old_responses.get(code)
            if previous is None:
                self.add(
                    group,
                    Level.MINOR,
                    "response-added",
                    where,
                    f"Response {code} was added",
                )
                continue
            self.check(
                group,
                Level.PATCH,
                "response-description-changed",
                where,
                "Response",
                code,
                previous.description,
                response.description,
            )
            if _response_schema_changed(previous, response):
                self.add(
                    group,
                    Level.MAJOR,
                    "response-type-changed",
                    where,
                    f"Response {code} type was changed from {display_type(previous.type)} "
                    f"to {display_type(response.type)}",
                )

    def tags(self, group: str, old: Operation, new: Operation) -> None:
        old_tags, new_tags = _raw_tags(old), _raw_tags(new)
        for tag in old_tags:
            if tag not in new_tags:
                self.add(
                    group, Level.MAJOR, "tag-removed", group, f"Tag {tag} was removed"
                )
        for tag in new_tags:
            if tag not in old_tags:
                self.add(group, Level.MAJOR, "tag-added", group, f"Tag {tag} was added")

    # ---- models (rules 24-35) ---------------------------------------------------------
    def models(self, old: Api, new: Api) -> None:
        old_models = {m.name: m for m in old.models}
        new_models = {m.name: m for m in new.models}
        for name in js_key_order(old_models):
            if name not in new_models:
                self.add(
                    name,
                    Level.MAJOR,
                    "model-removed",
                    name,
                    f"Model {name} was removed",
                )
        for name in js_key_order(new_models):
            model = new_models[name]
            if not model.has_properties_key or name in _IGNORED_MODELS:
                continue
            previous = old_models.get(name)
            if previous is None:
                self.add(name, Level.MINOR, "model-added", name, "Model was added")
            elif previous.has_properties_key:
                self.model(previous, model)

    def model(self, old: Model, new: Model) -> None:
        group = new.name
        old_props, new_props = _own_properties(old), _own_properties(new)
        for key in js_key_order(old_props):
            if key not in new_props:
                self.add(
                    group,
                    Level.MAJOR,
                    "property-removed",
                    f"{group}.{key}",
                    f"Property {key} was removed",
                )
        for key in js_key_order(new_props):
            prop, where = new_props[key], f"{group}.{key}"
            previous = old_props.get(key)
            if previous is None:
                if key in new.required:
                    self.add(
                        group,
                        Level.MAJOR,
                        "required-property-added",
                        where,
                        f"Required property {key} was added",
                    )
                else:
                    self.add(
                        group,
                        Level.MINOR,
                        "optional-property-added",
                        where,
                        f"Optional property {key} was added",
                    )
                continue
            self.property(group, where, key, previous, prop)

    def property(
        self, group: str, where: str, key: str, old: Property, new: Property
    ) -> None:
        old_type, new_type = display_type(old.type), display_type(new.type)
        if old_type != new_type:
            self.add(
                group,
                Level.MAJOR,
                "property-type-changed",
                where,
                f"Property {key} was changed from {old_type} to {new_type}",
            )
        if new.read_only and not old.read_only:
            self.add(
                group,
                Level.MAJOR,
                "property-made-readonly",
                where,
                f"{key} has been made readonly",
            )
        if old.read_only and not new.read_only:
            self.add(
                group,
                Level.MINOR,
                "property-no-longer-readonly",
                where,
                f"{key} is no longer readonly",
            )
        old_enum, new_enum = enum_values(old.type), enum_values(new.type)
        if old_enum is None and new_enum is not None:
            self.add(
                group,
                Level.MAJOR,
                "enum-constrained",
                where,
                "Values are now constrained by enum members",
            )
        elif old_enum is not None and new_enum is None:
            self.add(
                group,
                Level.MINOR,
                "enum-unconstrained",
                where,
                "Values are no longer constrained by enum members",
            )
        elif old_enum is not None and new_enum is not None:
            for value in js_missing(old_enum, new_enum):
                self.add(
                    group,
                    Level.MAJOR,
                    "enum-value-removed",
                    where,
                    f"Enum value {js_text(value)} was removed from property {key}",
                )
            for value in js_missing(new_enum, old_enum):
                self.add(
                    group,
                    Level.MINOR,
                    "enum-value-added",
                    where,
                    f"Enum value {js_text(value)} was added to property {key}",
                )


def _operation_at(item: PathItem, key: str) -> Operation | None:
    return next((op for op in item.operations if op.http_method == key), None)


def _parameters_by_name(operation: Operation) -> dict[str, Parameter]:
    """Operation-level parameters by name: a later one with the same name replaces an
    earlier one but keeps its position (a JS object built in a loop)."""
    found: dict[str, Parameter] = {}
    for param in operation.parameters:
        if not param.path_level:
            found[param.wire_name] = param
    return found


def _raw_parameter_type(param: Parameter) -> str | None:
    # A body parameter has no ``type`` of its own; its schema's type is not compared.
    return None if param.raw_in == "body" else param.type.raw_type


def _response_schema_changed(old: Response, new: Response) -> bool:
    """Rule 22: one side without a schema, or the top-level ``$ref`` values differ."""
    if (old.type is None) != (new.type is None):
        return True
    if old.type is None or new.type is None:
        return False
    return old.type.raw_ref != new.type.raw_ref


def _raw_tags(operation: Operation) -> tuple[str, ...]:
    return operation.raw_tags if operation.raw_tags is not None else operation.tags


def _own_properties(model: Model) -> dict[str, Property]:
    by_wire = {prop.wire_name: prop for prop in model.properties}
    if model.own_property_names is None:
        return by_wire
    return {name: by_wire[name] for name in model.own_property_names if name in by_wire}
