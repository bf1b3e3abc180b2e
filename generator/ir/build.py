"""Raw Swagger 2.0 dict -> IR. The only module that reads raw spec dicts.

It assumes the document passed validation (dangling references and the like are
reported there); anything it still cannot use becomes a diagnostic, not a crash.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from .. import naming
from ..diagnostics import Diagnostics, escape_pointer_token, pointer
from ..gc_pause import without_cyclic_gc
from .model import (
    Api,
    ApiGroup,
    Model,
    Operation,
    Parameter,
    PathItem,
    Property,
    Response,
    SecurityScheme,
    TypeRef,
)

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
DEFINITIONS_PREFIX = "#/definitions/"
_LOCATIONS = {"path", "query", "header", "body", "formData"}
_PRIMITIVES = {"string", "integer", "number", "boolean", "file", "object"}
DEFAULT_TAG = "Default"
_UNREPRESENTABLE = re.compile(r'["\\\x00-\x1f]')
# Inline response schemas are named after the operation and this word for their status.
_STATUS_WORDS = {"200": "Ok", "201": "Created", "202": "Accepted", "203": "NonAuthoritative", "204": "NoContent",
                 "206": "PartialContent", "400": "BadRequest", "401": "Unauthorized", "403": "Forbidden",
                 "404": "NotFound", "409": "Conflict", "422": "UnprocessableEntity", "500": "InternalServerError",
                 "502": "BadGateway", "503": "ServiceUnavailable", "504": "GatewayTimeout", "default": "Default"}


@without_cyclic_gc  # the IR is acyclic: see generator.gc_pause
def build_api(spec: Any, diagnostics: Diagnostics | None = None) -> Api:
    """Build the IR from a ``LoadedSpec`` (or anything with ``.data`` and ``.source``)."""
    return _Builder(spec.data, getattr(spec, "source", ""), diagnostics if diagnostics is not None else Diagnostics()).build()


_LEAF_KEYS = frozenset({"type", "format", "$ref", "x-nullable", "enum", "description", "readOnly",
                        "example", "default", "x-deprecated", "deprecated", "required", "name", "in",
                        "collectionFormat", "pattern", "minLength", "maxLength", "minimum", "maximum",
                        "uniqueItems", "position", "title"})


def _leaf_key(schema: Mapping[str, Any]) -> tuple | None:
    """A hashable key of what type_of reads from a schema without nested schemas, else None.

    Enum values are keyed with their types: ``True`` and ``1`` are different values here.
    """
    if not _LEAF_KEYS.issuperset(schema):
        return None
    enum = schema.get("enum")
    if enum is not None:
        if not isinstance(enum, list) or not all(isinstance(v, (str, int, float, bool)) or v is None for v in enum):
            return None
        enum = tuple((type(v), v) for v in enum)
    try:
        key = (schema.get("type"), schema.get("format"), schema.get("$ref"), schema.get("x-nullable") is True, enum)
        hash(key)
    except TypeError:
        return None
    return key


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


class _Builder:
    def __init__(self, data: Mapping[str, Any], source: str, diagnostics: Diagnostics):
        self.data = data
        self.source = source
        self.diagnostics = diagnostics
        self.definitions: Mapping[str, Any] = data.get("definitions") or {}
        self._leaf_types: dict[tuple, TypeRef] = {}
        # Inline object schemas made models: id(schema) -> name (a schema reached twice, as a
        # shared response is, is one model), in the order they were met.
        self._inline_names: dict[int, str] = {}
        self.inline_models: list[Model] = []
        self._inline_places: dict[str, str] = {}  # pointer of an inline model -> its name
        self._taken_names: set[str] = set()

    # ---- references -------------------------------------------------------------
    def _resolve_local(self, ref: str, at: str) -> Any:
        """Follow a local ``#/...`` reference to its target object (for parameters/responses)."""
        if not ref.startswith("#/"):
            self.diagnostics.error("unsupported-ref", f"external reference {ref!r} is not supported", at, source=self.source)
            return {}
        node: Any = self.data
        for token in ref[2:].split("/"):
            token = token.replace("~1", "/").replace("~0", "~")
            if not isinstance(node, Mapping) or token not in node:
                self.diagnostics.error("dangling-ref", f"reference {ref!r} points nowhere", at, source=self.source)
                return {}
            node = node[token]
        return node

    # ---- types --------------------------------------------------------------------
    def type_of(self, schema: Any, at: str, depth: int = 0) -> TypeRef:
        if not isinstance(schema, Mapping) or depth > 50:
            return TypeRef("any")
        # Leaf schemas ({"type": "string"}, {"$ref": ...}) repeat tens of thousands of
        # times; TypeRef is immutable, so equal leaves share one node.
        key = _leaf_key(schema)
        if key is not None:
            cached = self._leaf_types.get(key)
            if cached is None:
                cached = self._leaf_types[key] = self._type_of(schema, at, depth)
            return cached
        return self._type_of(schema, at, depth)

    def _type_of(self, schema: Mapping[str, Any], at: str, depth: int) -> TypeRef:
        raw_type = schema.get("type")
        raw_type = raw_type if isinstance(raw_type, str) else None
        enum = tuple(schema["enum"]) if isinstance(schema.get("enum"), list) else None
        common = dict(
            enum=enum,
            raw_type=raw_type,
            raw_ref=_text(schema.get("$ref")),
            raw_format=_text(schema.get("format")),
            nullable=schema.get("x-nullable") is True,
        )
        ref = schema.get("$ref")
        if isinstance(ref, str):
            name = ref[len(DEFINITIONS_PREFIX):] if ref.startswith(DEFINITIONS_PREFIX) else None
            if name is None or name not in self.definitions:
                return TypeRef("any", **common)
            return TypeRef("model", model=name, **common)
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1 and not schema.get("properties"):
            # Genesys wraps a described $ref in a one-element allOf; it is that reference.
            inner = self.type_of(all_of[0], f"{at}/allOf/0", depth + 1)
            # The wrapper keeps its own raw spelling (no $ref of its own, its own enum):
            # the Genesys rules compare what is written, the SDK uses the inner type.
            return TypeRef(inner.kind, inner.name, inner.format, inner.items, inner.model, enum,
                           raw_type, common["raw_ref"], inner.raw_format, inner.nullable)
        kind = (raw_type or "").lower()
        if kind in ("object", "") and (
                (isinstance(schema.get("properties"), Mapping) and schema["properties"])
                or (isinstance(all_of, list) and len(all_of) > 1)):
            name = self._inline_model(schema, at)
            return TypeRef("model", model=name, **common)
        if kind == "array":
            items = self.type_of(schema.get("items"), f"{at}/items", depth + 1)
            return TypeRef("array", items=items, **common)
        additional = schema.get("additionalProperties")
        if (kind == "object" or not kind) and additional not in (None, False) and not schema.get("properties"):
            value = self.type_of(additional, f"{at}/additionalProperties", depth + 1) if isinstance(additional, Mapping) else TypeRef("any")
            return TypeRef("map", items=value, **common)
        if kind in _PRIMITIVES:
            return TypeRef("primitive", name=kind, format=_text(schema.get("format")), **common)  # type: ignore[arg-type]
        if not kind and (schema.get("properties") or all_of):
            return TypeRef("primitive", name="object", **common)
        if enum:
            return TypeRef("primitive", name="string", **common)
        return TypeRef("any", **common)

    # ---- inline schemas ----------------------------------------------------------------
    def _inline_model(self, schema: Mapping[str, Any], at: str) -> str:
        """The model made of an inline object schema, named after where it stands."""
        name = self._inline_names.get(id(schema))
        if name is not None:
            return name
        name = naming.free_name(naming.class_name(self._inline_name(at)), self._taken_names)
        self._taken_names.add(name.lower())
        self._inline_names[id(schema)] = name
        self._inline_places[at] = name  # schemas nested in it are named after it
        model = self.build_model(name, schema, at, naming.ClassName(name))
        self.inline_models.append(replace(model, inline=True))
        return name

    def _inline_name(self, at: str) -> str:
        """``/definitions/Pod/properties/spec`` -> ``PodSpec``; a response schema of
        ``getUser`` -> ``GetUserOk``; ``items`` add ``Item``, map values ``Value``."""
        tokens = [t.replace("~1", "/").replace("~0", "~") for t in at.split("/")[1:]]
        parts: list[str] = []
        rest = tokens[2:]
        enclosing = None
        cut = at.rfind("/")
        while cut > 0 and enclosing is None:  # the nearest enclosing inline model, if any
            enclosing = at[:cut] if at[:cut] in self._inline_places else None
            cut = at.rfind("/", 0, cut)
        if enclosing is not None:
            parts.append(self._inline_places[enclosing])
            rest = [t.replace("~1", "/").replace("~0", "~") for t in at[len(enclosing) + 1:].split("/")]
        elif tokens[:1] == ["paths"] and len(tokens) >= 3:
            operation = (self.data.get("paths") or {}).get(tokens[1], {}).get(tokens[2], {})
            parts.append(_text(operation.get("operationId")) if isinstance(operation, Mapping)
                         and _text(operation.get("operationId")) else f"{tokens[2]} {tokens[1]}")
            rest = tokens[3:]
        elif len(tokens) >= 2:
            parts.append(tokens[1])
        index = 0
        while index < len(rest):
            token = rest[index]
            following = rest[index + 1] if index + 1 < len(rest) else None
            if token == "responses" and following is not None:
                parts.append(_STATUS_WORDS.get(following, f"Status {following}"))
                index += 2
            elif token == "parameters" and following is not None:
                parts.append("Body")
                index += 2
            elif token == "properties" and following is not None:
                parts.append(following)
                index += 2
            elif token == "allOf":
                index += 2
            elif token == "items":
                parts.append("Item")
                index += 1
            elif token == "additionalProperties":
                parts.append("Value")
                index += 1
            else:  # "schema" and the like
                index += 1
        return "".join(naming.pascal_case(p) for p in parts) or "InlineModel"

    # ---- models -----------------------------------------------------------------------
    def build_models(self) -> tuple[Model, ...]:
        class_names = naming.unique_names((name, naming.class_name(name)) for name in self.definitions)
        self._taken_names |= {n.lower() for n in class_names.values()} | {n.lower() for n in self.definitions}
        models = []
        for name, schema in self.definitions.items():
            at = pointer("definitions", name)
            if not isinstance(schema, Mapping):
                self.diagnostics.error("invalid-definition", "a definition must be an object", at, source=self.source)
                continue
            models.append(self.build_model(name, schema, at, class_names[name]))
        return tuple(models)

    def _collect_properties(self, schema: Mapping[str, Any], at: str, seen: set[str],
                            parents: list[str], required: list[str]) -> list[tuple[str, Any, str]]:
        """Own and allOf-inherited properties, parents first, as (wire name, schema, pointer)."""
        collected: list[tuple[str, Any, str]] = []
        for index, part in enumerate(schema.get("allOf") or ()):
            part_at = f"{at}/allOf/{index}"
            if not isinstance(part, Mapping):
                continue
            ref = part.get("$ref")
            if isinstance(ref, str) and ref.startswith(DEFINITIONS_PREFIX):
                parent = ref[len(DEFINITIONS_PREFIX):]
                if parent in seen or parent not in self.definitions:
                    continue
                seen.add(parent)
                parents.append(parent)
                collected += self._collect_properties(self.definitions[parent], pointer("definitions", parent), seen, parents, required)
            else:
                collected += self._collect_properties(part, part_at, seen, parents, required)
        for wire_name, prop in (schema.get("properties") or {}).items():
            collected.append((wire_name, prop, f"{at}/properties/{escape_pointer_token(wire_name)}"))
        required += [r for r in schema.get("required") or () if isinstance(r, str)]
        return collected

    @staticmethod
    def _property_names(wire_names: Iterable[str]) -> list[naming.Identifier]:
        """The attribute names of a model's properties, in order; clashing ones (``foo_bar``
        and ``fooBar``) resolved by :func:`naming.unique_names` in property order."""
        wanted = [naming.property_name(wire_name) for wire_name in wire_names]
        if len({name.lower() for name in wanted}) == len(wanted):
            return wanted  # the usual case: nothing to resolve
        unique = naming.unique_names(((str(index).zfill(5), name) for index, name in enumerate(wanted)),
                                     suffix_sep="_")
        return [naming.Identifier(unique[str(index).zfill(5)]) for index in range(len(wanted))]

    def build_model(self, name: str, schema: Mapping[str, Any], at: str, class_name: str) -> Model:
        common = dict(
            name=name,
            class_name=class_name,
            module_name=naming.model_module_name(class_name),
            pointer=at,
            description=_text(schema.get("description")),
            has_properties_key="properties" in schema,
            is_notification_schema=schema.get("x-genesys-notification-schema") is True,
            discriminator=_text(schema.get("discriminator")),
        )
        raw_type = (schema.get("type") or "") if isinstance(schema.get("type"), str) else ""
        is_object = "properties" in schema or "allOf" in schema or (
            raw_type.lower() in ("object", "") and "additionalProperties" not in schema and "enum" not in schema
            and "items" not in schema)
        if not is_object:
            alias = self.type_of(schema, at)
            if alias.enum is not None and alias.kind == "primitive":
                return Model(kind="enum", enum_type=alias, required=(), **common)
            return Model(kind="alias", alias_of=alias, dependencies=alias.referenced_models(), **common)

        parents: list[str] = []
        required: list[str] = []
        raw_props = self._collect_properties(schema, at, {name}, parents, required)
        # A property redefined by the child replaces the inherited one, keeping its place.
        by_wire: dict[str, tuple[Any, str]] = {}
        for wire_name, prop, prop_at in raw_props:
            by_wire[wire_name] = (prop, prop_at)
        python_names = self._property_names(by_wire)
        required_set = set(required)
        properties = []
        for python_name, (wire_name, (prop, prop_at)) in zip(python_names, by_wire.items()):
            prop = prop if isinstance(prop, Mapping) else {}
            if _UNREPRESENTABLE.search(wire_name):
                # msgspec (the SDK's model layer) cannot map such a JSON name to an attribute.
                self.diagnostics.error(
                    "unsupported-property-name",
                    f"property name {wire_name!r} contains a quote, backslash or control character, "
                    "which the generated models cannot represent", prop_at, source=self.source)
            properties.append(Property(
                wire_name=wire_name,
                python_name=python_name,
                type=self.type_of(prop, prop_at),
                required=wire_name in required_set,
                pointer=prop_at,
                description=_text(prop.get("description")),
                read_only=prop.get("readOnly") is True,
                deprecated=prop.get("x-deprecated") is True or prop.get("deprecated") is True,
                default=prop.get("default"),
                example=prop.get("example"),
            ))
        additional = schema.get("additionalProperties")
        additional_type = None
        if isinstance(additional, Mapping):
            additional_type = self.type_of(additional, f"{at}/additionalProperties")
        elif additional is True:
            additional_type = TypeRef("any")
        deps = sorted(({m for p in properties for m in p.type.referenced_models()}
                       | set(additional_type.referenced_models() if additional_type else ())) - {name})
        own_required = tuple(r for r in schema.get("required") or () if isinstance(r, str))
        own_names = tuple((schema.get("properties") or {}).keys()) if isinstance(schema.get("properties"), Mapping) else ()
        bases = tuple(dict.fromkeys(
            part["$ref"][len(DEFINITIONS_PREFIX):] for part in schema.get("allOf") or ()
            if isinstance(part, Mapping) and isinstance(part.get("$ref"), str)
            and part["$ref"].startswith(DEFINITIONS_PREFIX) and part["$ref"][len(DEFINITIONS_PREFIX):] in parents))
        return Model(kind="object", properties=tuple(properties), required=own_required, own_property_names=own_names,
                     parents=tuple(parents), additional_properties=additional_type,
                     dependencies=tuple(deps), bases=bases,
                     discriminator_value=_text(schema.get("x-ms-discriminator-value")), **common)

    # ---- operations ------------------------------------------------------------------
    def build_parameter(self, raw: Any, at: str, path_level: bool = False) -> dict[str, Any] | None:
        """A parameter's fields, all but ``python_name`` (named per operation, see _parameters)."""
        if isinstance(raw, Mapping) and isinstance(raw.get("$ref"), str):
            at = raw["$ref"][1:] if raw["$ref"].startswith("#/") else at
            raw = self._resolve_local(raw["$ref"], at)
        if not isinstance(raw, Mapping) or not isinstance(raw.get("name"), str):
            self.diagnostics.error("invalid-parameter", "a parameter needs a name", at, source=self.source)
            return None
        location = raw.get("in")
        if location not in _LOCATIONS:
            self.diagnostics.error("invalid-parameter", f"parameter location {location!r} is not one of {sorted(_LOCATIONS)}", at, source=self.source)
            return None
        schema = raw.get("schema") if location == "body" else raw
        required = raw.get("required") is True or location == "path"
        return dict(
            wire_name=raw["name"],
            location=location,
            type=self.type_of(schema, f"{at}/schema" if location == "body" else at),
            required=required,
            pointer=at,
            description=_text(raw.get("description")),
            collection_format=_text(raw.get("collectionFormat")) or ("csv" if raw.get("type") == "array" and location != "body" else None),
            default=raw.get("default"),
            deprecated=raw.get("x-deprecated") is True,
            raw_required=raw.get("required"),
            raw_in=_text(raw.get("in")),
            path_level=path_level,
        )

    @staticmethod
    def _parameters(fields: list[dict[str, Any]]) -> tuple[Parameter, ...]:
        wanted = ((str(i).zfill(4), naming.parameter_name(f["wire_name"])) for i, f in enumerate(fields))
        names = naming.unique_names(wanted, suffix_sep="_")
        return tuple(Parameter(python_name=names[str(i).zfill(4)], **f) for i, f in enumerate(fields))

    def build_operation(self, path: str, method: str, raw: Mapping[str, Any], shared: list[dict[str, Any]],
                        global_security: tuple[str, ...] | None, python_name: str) -> Operation:
        at = pointer("paths", path, method)
        own = [p for i, r in enumerate(raw.get("parameters") or ()) if (p := self.build_parameter(r, f"{at}/parameters/{i}"))]
        own_keys = {(p["wire_name"], p["location"]) for p in own}
        params = [p for p in shared if (p["wire_name"], p["location"]) not in own_keys] + own
        responses = []
        for status, response in (raw.get("responses") or {}).items():
            r_at = f"{at}/responses/{escape_pointer_token(str(status))}"
            schema_at = f"{r_at}/schema"
            if isinstance(response, Mapping) and isinstance(response.get("$ref"), str):
                if response["$ref"].startswith("#/"):  # a shared response: its schema is named after it
                    schema_at = f"{response['$ref'][1:]}/schema"
                response = self._resolve_local(response["$ref"], r_at)
            response = response if isinstance(response, Mapping) else {}
            schema = response.get("schema")
            responses.append(Response(
                status=str(status),
                pointer=r_at,
                description=_text(response.get("description")),
                type=self.type_of(schema, schema_at) if isinstance(schema, Mapping) else None,
                headers=tuple(sorted((response.get("headers") or {}).keys())),
            ))
        success = sorted((r for r in responses if r.status.startswith("2") and r.type is not None), key=lambda r: r.status)
        if isinstance(raw.get("security"), list):
            security = tuple(name for req in raw["security"] if isinstance(req, Mapping) for name in req)
        else:
            security = global_security or ()
        raw_tags = tuple(t for t in raw.get("tags") or () if isinstance(t, str))
        tags = tuple(dict.fromkeys(raw_tags)) or (DEFAULT_TAG,)
        return Operation(
            operation_id=_text(raw.get("operationId")),
            method_name=_text(raw.get("x-purecloud-method-name")),
            python_name=python_name,
            http_method=method,
            path=path,
            pointer=at,
            tags=tags,
            parameters=self._parameters(params),
            responses=tuple(responses),
            summary=_text(raw.get("summary")),
            description=_text(raw.get("description")),
            deprecated=raw.get("deprecated") is True,
            preview=raw.get("x-genesys-preview") is True,
            consumes=tuple(raw.get("consumes") or self.data.get("consumes") or ()),
            produces=tuple(raw.get("produces") or self.data.get("produces") or ()),
            security=security,
            success_type=success[0].type if success else None,
            raw_tags=raw_tags,
        )

    def _operations_by_path(self):
        for path, item in (self.data.get("paths") or {}).items():
            if isinstance(item, Mapping):
                yield path, item, [(m, raw) for m, raw in item.items() if m in HTTP_METHODS and isinstance(raw, Mapping)]

    def _method_names(self) -> dict[str, str]:
        """Python method names, unique across the SDK (an operation may sit in several classes)."""
        wanted = []
        for path, _, operations in self._operations_by_path():
            for method, raw in operations:
                name = naming.method_name(_text(raw.get("x-purecloud-method-name")), _text(raw.get("operationId")),
                                          f"{method} {path}")
                wanted.append((pointer("paths", path, method), name))
        return naming.unique_names(wanted, suffix_sep="_")

    def build_paths(self) -> tuple[PathItem, ...]:
        global_security = None
        if isinstance(self.data.get("security"), list):
            global_security = tuple(name for req in self.data["security"] if isinstance(req, Mapping) for name in req)
        method_names = self._method_names()
        items = []
        for path, item, raw_operations in self._operations_by_path():
            at = pointer("paths", path)
            shared = [p for i, r in enumerate(item.get("parameters") or ())
                      if (p := self.build_parameter(r, f"{at}/parameters/{i}", path_level=True))]
            operations = tuple(
                self.build_operation(path, method, raw, shared, global_security, method_names[pointer("paths", path, method)])
                for method, raw in raw_operations)
            items.append(PathItem(path=path, pointer=at, keys=tuple(item.keys()), operations=operations))
        return tuple(items)

    # ---- whole document -------------------------------------------------------------
    def build(self) -> Api:
        models = self.build_models()
        paths = self.build_paths()
        models += tuple(self.inline_models)
        operations = tuple(op for item in paths for op in item.operations)
        tag_docs = {t.get("name"): _text(t.get("description")) for t in self.data.get("tags") or () if isinstance(t, Mapping)}
        grouped: dict[str, list[Operation]] = {}
        for op in operations:
            for tag in op.tags:
                grouped.setdefault(tag, []).append(op)
        class_names = naming.unique_names((tag, naming.api_class_name(tag)) for tag in grouped)
        groups = tuple(sorted((
            ApiGroup(tag=tag, class_name=class_names[tag], module_name=naming.module_name(class_names[tag]),
                     description=tag_docs.get(tag),
                     operations=tuple(sorted(ops, key=lambda o: o.python_name)))
            for tag, ops in grouped.items()), key=lambda g: g.class_name))
        info = self.data.get("info") or {}
        schemes = []
        for name, raw in (self.data.get("securityDefinitions") or {}).items():
            if isinstance(raw, Mapping):
                schemes.append(SecurityScheme(
                    name=name, type=str(raw.get("type")), location=_text(raw.get("in")),
                    parameter_name=_text(raw.get("name")), flow=_text(raw.get("flow")),
                    authorization_url=_text(raw.get("authorizationUrl")), token_url=_text(raw.get("tokenUrl")),
                    scopes=tuple(sorted((raw.get("scopes") or {}).keys()))))
        return Api(
            title=str(info.get("title") or ""),
            version=str(info.get("version") or ""),
            host=_text(self.data.get("host")),
            base_path=(_text(self.data.get("basePath")) or "").rstrip("/"),
            schemes=tuple(self.data.get("schemes") or ()),
            source=self.source,
            paths=paths,
            operations=operations,
            models=models,
            groups=groups,
            security_schemes=tuple(schemes),
            description=_text(info.get("description")),
            models_by_name={m.name: m for m in models},
        )
