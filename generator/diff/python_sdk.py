"""Policy ``python``: classify each change by what it does to code written against
the generated Python SDK, and on the wire.

What the generated SDK promises (docs/architecture.md) and so what can break:
- every tag is an API class (``UsersApi`` + ``AsyncUsersApi``) with one method per
  operation; required parameters are positional, optional ones keyword-only;
- models accept keyword arguments and every field is optional at construction, so a
  field becoming required breaks only requests the server now rejects;
- enum-typed fields are ``str`` and unknown values are kept, so a value added to what
  the user receives is harmless, while a value removed from what they send is not.

Levels: major when existing code or requests can break, minor when something was
added or deprecated, patch for documentation only.
"""

from __future__ import annotations

import json

from ..ir.model import Api, Model, Operation, Parameter, Property, TypeRef
from ..surface import surface_of
from .changes import Change, DiffResult, Level
from .sdk_surface import (
    Direction,
    ModelUsage,
    enum_values,
    python_type,
    same_named_type,
    type_change_breaks,
)
from .wording import text_change

POLICY = "python"
_KIND_WORDS = {"class": "class", "enum": "enum", "alias": "type alias"}
_ALIAS_ADVICE = (
    "sdkgen can keep the old name as a deprecated alias so existing code keeps working"
)


def diff_python(old: Api, new: Api) -> DiffResult:
    walk = _Walk(old, new)
    walk.service()
    walk.api_classes()
    walk.operations()
    walk.models()
    return DiffResult(
        POLICY, tuple(walk.changes), old.source, new.source, old.version, new.version
    )


def _classes_by_tag(api: Api) -> dict[str, str]:
    return {group.tag: group.class_name for group in api.groups}


def _json(value: object) -> str:
    """Enum values are printed as JSON literals: "a", 1, true, null."""
    return json.dumps(value, ensure_ascii=False)


def _text_of(values: tuple[object, ...]) -> str:
    return ", ".join(_json(v) for v in values)


class _Walk:
    def __init__(self, old: Api, new: Api) -> None:
        self.old, self.new = old, new
        self.old_classes, self.new_classes = _classes_by_tag(old), _classes_by_tag(new)
        self.usage = ModelUsage.of(old, new)
        self.changes: list[Change] = []
        self.unchanged_types: set[tuple[int, int, str]] = set()  # see type_and_values

    def add(
        self, level: Level, kind: str, group: str, where: str, message: str
    ) -> None:
        self.changes.append(Change(level, kind, group, where, message))

    def _methods(self, op: Operation, api: Api) -> list[str]:
        classes = self.old_classes if api is self.old else self.new_classes
        return [f"{classes[tag]}.{op.python_name}" for tag in op.tags if tag in classes]

    # ---- the service as a whole --------------------------------------------------
    def service(self) -> None:
        """Default host and base path end up in ``_version.py``: clients built with the
        defaults follow them, clients with an explicit host do not."""
        before = f"{self.old.host or ''}{self.old.base_path}"
        after = f"{self.new.host or ''}{self.new.base_path}"
        if before != after:
            self.add(
                Level.MINOR,
                "default-host-changed",
                "API",
                "API",
                f"Default host and base path changed from {before or '(none)'} to "
                f"{after or '(none)'}; clients configured with their own host are unaffected",
            )

    # ---- API classes -------------------------------------------------------------
    def api_classes(self) -> None:
        old_groups = {g.class_name: g for g in self.old.groups}
        new_groups = {g.class_name: g for g in self.new.groups}
        old_names, new_names = set(old_groups), set(new_groups)
        for name in sorted(old_names & new_names):
            if old_groups[name].description != new_groups[name].description:
                self.add(
                    Level.PATCH,
                    "api-class-description-changed",
                    name,
                    name,
                    f"Description of API class {name} was changed: "
                    + text_change(
                        old_groups[name].description, new_groups[name].description
                    ),
                )
        for name in sorted(old_names - new_names):
            self.add(
                Level.MAJOR,
                "api-class-removed",
                name,
                name,
                f"API class {name} (and Async{name}) was removed",
            )
        for name in sorted(new_names - old_names):
            self.add(
                Level.MINOR,
                "api-class-added",
                name,
                name,
                f"API class {name} (and Async{name}) was added",
            )

    # ---- operations ----------------------------------------------------------------
    def operations(self) -> None:
        old_ops = {op.key: op for op in self.old.operations}
        new_ops = {op.key: op for op in self.new.operations}
        pairs = [(old_ops[key], new_ops[key]) for key in old_ops if key in new_ops]
        removed = [op for key, op in old_ops.items() if key not in new_ops]
        added = {op.key: op for key, op in new_ops.items() if key not in old_ops}
        # An operation whose path or method changed keeps its operationId: pair them up.
        added_by_id = {op.operation_id: op for op in added.values() if op.operation_id}
        for op in list(removed):
            moved = added_by_id.pop(op.operation_id, None) if op.operation_id else None
            if moved is not None:
                removed.remove(op)
                added.pop(moved.key)
                pairs.append((op, moved))
        for op in removed:
            methods = ", ".join(self._methods(op, self.old)) or op.python_name
            self.add(
                Level.MAJOR,
                "operation-removed",
                op.key,
                op.key,
                f"Method {methods} was removed",
            )
        for old_op, new_op in pairs:
            self.operation(old_op, new_op)
        for op in added.values():
            methods = ", ".join(self._methods(op, self.new)) or op.python_name
            self.add(
                Level.MINOR,
                "operation-added",
                op.key,
                op.key,
                f"Method {methods} was added",
            )

    def operation(self, old: Operation, new: Operation) -> None:
        group = new.key
        if old.key != new.key:
            self.add(
                Level.MINOR,
                "endpoint-changed",
                group,
                group,
                f"Now calls {new.key} (was {old.key}); SDK calls follow without code changes",
            )
        if old.python_name != new.python_name:
            methods = ", ".join(self._methods(old, self.old)) or old.python_name
            self.add(
                Level.MAJOR,
                "method-renamed",
                group,
                group,
                f"Method {methods} was renamed to {new.python_name}; {_ALIAS_ADVICE}",
            )
        self.method_classes(group, old, new)
        if new.deprecated and not old.deprecated:
            self.add(
                Level.MINOR,
                "operation-deprecated",
                group,
                group,
                f"Method {new.python_name} is deprecated: calls emit a DeprecationWarning and keep working",
            )
        elif old.deprecated and not new.deprecated:
            self.add(
                Level.MINOR,
                "operation-undeprecated",
                group,
                group,
                f"Method {new.python_name} is no longer deprecated",
            )
        if old.summary != new.summary:
            self.add(
                Level.PATCH,
                "summary-changed",
                group,
                group,
                "Summary was changed: " + text_change(old.summary, new.summary),
            )
        if old.description != new.description:
            self.add(
                Level.PATCH,
                "description-changed",
                group,
                group,
                "Description was changed: "
                + text_change(old.description, new.description),
            )
        self.parameters(group, old, new)
        self.responses(group, old, new)
        if set(old.security) != set(new.security):
            before = ", ".join(old.security) or "none"
            after = ", ".join(new.security) or "none"
            self.add(
                Level.MINOR,
                "authentication-changed",
                group,
                group,
                f"Authentication changed from {before} to {after}; "
                "the client picks the scheme, no code change",
            )

    def method_classes(self, group: str, old: Operation, new: Operation) -> None:
        """Tags decide which API classes carry the method: leaving one is a removal."""
        old_classes = [self.old_classes[t] for t in old.tags if t in self.old_classes]
        new_classes = [self.new_classes[t] for t in new.tags if t in self.new_classes]
        for name in old_classes:
            if name not in new_classes:
                target = (
                    ", ".join(f"{c}.{new.python_name}" for c in new_classes)
                    or "no class"
                )
                self.add(
                    Level.MAJOR,
                    "method-moved",
                    group,
                    group,
                    f"Method {name}.{old.python_name} moved to {target}; "
                    f"sdkgen can keep {name}.{old.python_name} as a deprecated alias so existing code keeps working",
                )
        for name in new_classes:
            if name not in old_classes:
                self.add(
                    Level.MINOR,
                    "method-added-to-class",
                    group,
                    group,
                    f"Method {new.python_name} is now also available on {name}",
                )

    def parameters(self, group: str, old: Operation, new: Operation) -> None:
        method = new.python_name
        old_params = {p.python_name: p for p in old.parameters}
        new_params = {p.python_name: p for p in new.parameters}
        for name, param in old_params.items():
            if name not in new_params:
                self.add(
                    Level.MAJOR,
                    "parameter-removed",
                    group,
                    f"{group} {name}",
                    f"Parameter {name} of {method} was removed: calls passing it fail",
                )
        for name, param in new_params.items():
            where = f"{group} {name}"
            previous = old_params.get(name)
            if previous is None:
                if param.required:
                    self.add(
                        Level.MAJOR,
                        "parameter-added-required",
                        group,
                        where,
                        f"Required parameter {name} was added to {method}: existing calls lack it",
                    )
                else:
                    self.add(
                        Level.MINOR,
                        "parameter-added",
                        group,
                        where,
                        f"Optional parameter {name} was added to {method}",
                    )
                continue
            self.parameter(group, where, method, previous, param)
        self.positional_order(group, method, old, new)

    def parameter(
        self, group: str, where: str, method: str, old: Parameter, new: Parameter
    ) -> None:
        name = new.python_name
        if new.required and not old.required:
            self.add(
                Level.MAJOR,
                "parameter-made-required",
                group,
                where,
                f"Parameter {name} of {method} is now required (positional): calls without it fail",
            )
        elif old.required and not new.required:
            self.add(
                Level.MAJOR,
                "parameter-made-optional",
                group,
                where,
                f"Parameter {name} of {method} is now optional and keyword-only: "
                f"calls passing it by position fail (passing it by keyword keeps working)",
            )
        if (old.location, old.wire_name) != (new.location, new.wire_name):
            self.add(
                Level.MINOR,
                "parameter-wire-changed",
                group,
                where,
                f"Parameter {name} is now sent as {new.location} {new.wire_name!r} "
                f"(was {old.location} {old.wire_name!r}); no code change needed",
            )
        self.type_and_values(
            group, where, f"Parameter {name}", f"parameter {name}", old.type, new.type, "request"
        )
        if new.deprecated and not old.deprecated:
            self.add(
                Level.MINOR,
                "parameter-deprecated",
                group,
                where,
                f"Parameter {name} is deprecated",
            )
        if old.description != new.description:
            self.add(
                Level.PATCH,
                "parameter-description-changed",
                group,
                where,
                f"Description was changed for parameter {name}: "
                + text_change(old.description, new.description),
            )

    def positional_order(
        self, group: str, method: str, old: Operation, new: Operation
    ) -> None:
        """Required parameters are positional: reordering them silently swaps arguments."""
        old_order = [p.python_name for p in old.signature_parameters if p.required]
        new_order = [p.python_name for p in new.signature_parameters if p.required]
        kept_old = [n for n in old_order if n in new_order]
        kept_new = [n for n in new_order if n in old_order]
        if kept_old != kept_new:
            self.add(
                Level.MAJOR,
                "parameters-reordered",
                group,
                group,
                f"Positional parameters of {method} were reordered from ({', '.join(kept_old)}) "
                f"to ({', '.join(kept_new)})",
            )

    def responses(self, group: str, old: Operation, new: Operation) -> None:
        method = new.python_name
        before, after = python_type(old.success_type, self.old), python_type(
            new.success_type, self.new
        )
        if old.success_type is None and new.success_type is not None:
            self.add(
                Level.MINOR,
                "return-type-added",
                group,
                group,
                f"{method} now returns {after} (was None)",
            )
        elif before != after and type_change_breaks(
            old.success_type, self.old, new.success_type, self.new, "response"
        ):
            self.add(
                Level.MAJOR,
                "return-type-changed",
                group,
                group,
                f"Return type of {method} was changed from {before} to {after}",
            )
        elif before != after:
            self.add(
                Level.MINOR,
                "return-type-narrowed",
                group,
                group,
                f"Return type of {method} was narrowed from {before} to {after}",
            )
        old_codes = {r.status: r for r in old.responses}
        new_codes = {r.status: r for r in new.responses}
        for code in old_codes:
            if code not in new_codes:
                self.add(
                    Level.MINOR,
                    "response-removed",
                    group,
                    f"{group} {code}",
                    f"Response {code} is no longer documented",
                )
        for code, response in new_codes.items():
            previous = old_codes.get(code)
            if previous is None:
                self.add(
                    Level.MINOR,
                    "response-added",
                    group,
                    f"{group} {code}",
                    f"Response {code} was added",
                )
            elif previous.description != response.description:
                self.add(
                    Level.PATCH,
                    "response-description-changed",
                    group,
                    f"{group} {code}",
                    f"Description of response {code} was changed: "
                    + text_change(previous.description, response.description),
                )

    # ---- types and enums (shared by parameters and properties) -----------------------
    def type_and_values(
        self,
        group: str,
        where: str,
        type_subject: str,
        values_subject: str,
        old: TypeRef,
        new: TypeRef,
        direction: Direction,
    ) -> None:
        """:meth:`type_change` and :meth:`enum_change` of a parameter or attribute. The IR
        shares equal leaf types, so the same pair of types recurs thousands of times: a
        pair found unchanged once is not compared again."""
        pair = (id(old), id(new), direction)  # both APIs, so both nodes, outlive the walk
        if pair in self.unchanged_types:
            return
        reported = len(self.changes)
        self.type_change(group, where, type_subject, old, new, direction)
        self.enum_change(group, where, values_subject, old, new, direction)
        if len(self.changes) == reported:
            self.unchanged_types.add(pair)

    def type_change(
        self,
        group: str,
        where: str,
        subject: str,
        old: TypeRef,
        new: TypeRef,
        direction: Direction,
        at_definition: bool = False,
    ) -> None:
        before, after = python_type(old, self.old), python_type(new, self.new)
        if before == after:
            return
        if not at_definition and same_named_type(old, self.old, new, self.new):
            return  # reported once, at the alias definition
        if type_change_breaks(old, self.old, new, self.new, direction):
            self.add(
                Level.MAJOR,
                "type-changed",
                group,
                where,
                f"{subject} was changed from {before} to {after}",
            )
        else:
            self.add(
                Level.MINOR,
                "type-changed-compatible",
                group,
                where,
                f"{subject} was changed from {before} to {after} (compatible for {direction} data)",
            )

    def enum_change(
        self,
        group: str,
        where: str,
        subject: str,
        old: TypeRef,
        new: TypeRef,
        direction: Direction,
    ) -> None:
        if same_named_type(old, self.old, new, self.new):
            return  # reported once, at the enum definition
        old_values, new_values = enum_values(old, self.old), enum_values(new, self.new)
        user_sends = direction in ("request", "both")
        if old_values is None and new_values is not None:
            level = Level.MAJOR if user_sends else Level.MINOR
            self.add(
                level,
                "enum-constrained",
                group,
                where,
                f"Values of {subject} are now limited to: {_text_of(new_values)}",
            )
            return
        if old_values is not None and new_values is None:
            self.add(
                Level.MINOR,
                "enum-unconstrained",
                group,
                where,
                f"Values of {subject} are no longer limited",
            )
            return
        if old_values is None or new_values is None:
            return
        for value in _missing(old_values, new_values):
            level = Level.MAJOR if user_sends else Level.MINOR
            reason = (
                "requests using it are rejected"
                if user_sends
                else "it is no longer received"
            )
            self.add(
                level,
                "enum-value-removed",
                group,
                where,
                f"Enum value {_json(value)} was removed from {subject}: {reason}",
            )
        for value in _missing(new_values, old_values):
            self.add(
                Level.MINOR,
                "enum-value-added",
                group,
                where,
                f"Enum value {_json(value)} was added to {subject}",
            )

    # ---- models ------------------------------------------------------------------------
    def models(self) -> None:
        old_models = {m.name: m for m in self.old.models}
        new_models = {m.name: m for m in self.new.models}
        for name, model in old_models.items():
            if name not in new_models:
                self.add(
                    Level.MAJOR,
                    "model-removed",
                    name,
                    name,
                    f"Model class {model.class_name} was removed",
                )
        for name, model in new_models.items():
            previous = old_models.get(name)
            if previous is None:
                self.add(
                    Level.MINOR,
                    "model-added",
                    name,
                    name,
                    f"Model class {model.class_name} was added",
                )
            else:
                self.model(previous, model)

    def model(self, old: Model, new: Model) -> None:
        group, direction = new.name, self.usage.direction(new.name)
        if old.class_name != new.class_name:
            self.add(
                Level.MAJOR,
                "model-renamed",
                group,
                group,
                f"Model class {old.class_name} was renamed to {new.class_name}; {_ALIAS_ADVICE}",
            )
        # What users import: a class, an enum or a type alias (docs/surface.md). An empty
        # object and a map are both dict aliases, whatever the spec's spelling.
        old_named = surface_of(self.old).types_by_definition[old.name]
        new_named = surface_of(self.new).types_by_definition[new.name]
        if old_named.kind != new_named.kind:
            self.add(
                Level.MAJOR,
                "model-kind-changed",
                group,
                group,
                f"Model {new.class_name} changed from {_KIND_WORDS[old_named.kind]} "
                f"to {_KIND_WORDS[new_named.kind]}",
            )
            return
        if old.description != new.description:
            self.add(
                Level.PATCH,
                "model-description-changed",
                group,
                group,
                "Description was changed: "
                + text_change(old.description, new.description),
            )
        if new_named.kind == "enum":
            self.enum_change(
                group,
                group,
                f"enum {new.class_name}",
                old.enum_type or TypeRef("any"),
                new.enum_type or TypeRef("any"),
                direction,
            )
        elif new_named.kind == "alias":
            # the type the alias stands for, as the surface spells it
            self.type_change(
                group,
                group,
                f"Type alias {new.class_name}",
                TypeRef("model", model=old.name),
                TypeRef("model", model=new.name),
                direction,
                at_definition=True,
            )
        else:
            self.base_change(group, old_named.base, new_named.base)
            self.properties(group, old, new, direction)

    def base_change(self, group: str, old: str | None, new: str | None) -> None:
        """``isinstance`` checks and code typed against the base follow the base class."""
        if old == new:
            return
        if old is None:
            self.add(Level.MINOR, "base-class-added", group, group,
                     f"Model class {group} is now a subclass of {new}")
        else:
            self.add(Level.MAJOR, "base-class-changed", group, group,
                     f"Model class {group} is no longer a subclass of {old}"
                     + (f" (now of {new})" if new else ""))

    def properties(
        self, group: str, old: Model, new: Model, direction: Direction
    ) -> None:
        cls = new.class_name
        old_props = {p.python_name: p for p in old.properties}
        new_props = {p.python_name: p for p in new.properties}
        for name in old_props:
            if name not in new_props:
                self.add(
                    Level.MAJOR,
                    "property-removed",
                    group,
                    f"{group}.{name}",
                    f"Attribute {cls}.{name} was removed",
                )
        for name, prop in new_props.items():
            previous, where = old_props.get(name), f"{group}.{name}"
            if previous is None:
                if prop.required and direction != "response":
                    self.add(
                        Level.MAJOR,
                        "property-added-required",
                        group,
                        where,
                        f"Required attribute {cls}.{name} was added: requests without it are rejected",
                    )
                else:
                    self.add(
                        Level.MINOR,
                        "property-added",
                        group,
                        where,
                        f"Attribute {cls}.{name} was added",
                    )
                continue
            self.property(group, where, cls, previous, prop, direction)

    def property(
        self,
        group: str,
        where: str,
        cls: str,
        old: Property,
        new: Property,
        direction: Direction,
    ) -> None:
        name = new.python_name
        if new.required and not old.required:
            level = Level.MINOR if direction == "response" else Level.MAJOR
            self.add(
                level,
                "property-made-required",
                group,
                where,
                f"Attribute {cls}.{name} is now required"
                + (
                    "" if level is Level.MINOR else ": requests without it are rejected"
                ),
            )
        elif old.required and not new.required:
            self.add(
                Level.MINOR,
                "property-made-optional",
                group,
                where,
                f"Attribute {cls}.{name} is now optional (may be unset in responses)",
            )
        if old.wire_name != new.wire_name:
            self.add(
                Level.MINOR,
                "property-wire-name-changed",
                group,
                where,
                f"Attribute {cls}.{name} is now sent as {new.wire_name!r} (was {old.wire_name!r})",
            )
        self.type_and_values(
            group, where, f"Attribute {cls}.{name}", f"{cls}.{name}", old.type, new.type, direction
        )
        if new.read_only != old.read_only:
            state = "read-only" if new.read_only else "writable"
            self.add(
                Level.MINOR,
                "property-read-only-changed",
                group,
                where,
                f"Attribute {cls}.{name} is now {state}",
            )
        if new.deprecated and not old.deprecated:
            self.add(
                Level.MINOR,
                "property-deprecated",
                group,
                where,
                f"Attribute {cls}.{name} is deprecated",
            )
        what = []
        if old.description != new.description:
            what.append(
                f"Description of {cls}.{name} was changed: "
                + text_change(old.description, new.description)
            )
        if old.example != new.example:
            what.append(
                f"Example of {cls}.{name} was changed: "
                + text_change(
                    _example_text(old.example), _example_text(new.example), quoted=False
                )
            )
        if what:
            self.add(
                Level.PATCH,
                "property-description-changed",
                group,
                where,
                "; ".join(what),
            )


def _example_text(example: object) -> str | None:
    """Examples are JSON values: compare them as the JSON a reader would see."""
    return None if example is None else json.dumps(example, ensure_ascii=False)


def _missing(values: tuple[object, ...], others: tuple[object, ...]) -> list[object]:
    """Values not among ``others`` as JSON values (``True`` is not ``1`` here)."""
    if values == others and all(type(a) is type(b) for a, b in zip(values, others)):
        return []  # the usual case: the same list

    def identity(value: object) -> object:
        if isinstance(value, (list, dict)):
            return ("json", json.dumps(value, sort_keys=True))
        return (type(value).__name__, value)

    present = {identity(v) for v in others}
    return [v for v in values if identity(v) not in present]
