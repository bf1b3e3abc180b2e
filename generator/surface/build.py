"""IR -> :class:`~generator.surface.model.Surface`, once per API."""

from __future__ import annotations

from collections.abc import Mapping

from .. import naming
from ..gc_pause import without_cyclic_gc
from ..ir.model import Api, Model, Operation, Parameter, TypeRef
from .model import (
    ApiClassSurface,
    EnumMember,
    FieldSurface,
    MethodSurface,
    NamedType,
    ParamSurface,
    Surface,
)
from .types import TypeMapper, is_class, is_string_enum

_surfaces: dict[int, tuple[Api, Surface]] = {}


def surface_of(api: Api) -> Surface:
    """The surface of ``api``, built on first request (the diff asks for each side often)."""
    hit = _surfaces.get(id(api))
    if hit is not None and hit[0] is api:
        return hit[1]
    surface = build_surface(api)
    if len(_surfaces) >= 4:  # a diff needs two; the entries keep their Api alive
        _surfaces.clear()
    _surfaces[id(api)] = (api, surface)
    return surface


@without_cyclic_gc  # tens of thousands of small acyclic nodes
def build_surface(api: Api) -> Surface:
    return _build_surface(api)


def _build_surface(api: Api) -> Surface:
    models = api.models_by_name
    hierarchy = _Hierarchy(models)
    mapper = TypeMapper(models, frozenset(name for name in models if hierarchy.subtypes(name)), hierarchy.modules())
    types = tuple(_named_type(model, mapper, hierarchy) for model in api.models)
    methods = {op.pointer: _method(op, mapper) for op in api.operations}
    apis = tuple(
        ApiClassSurface(
            name=group.class_name,
            async_name="Async" + group.class_name,
            module=group.module_name,
            tag=group.tag,
            description=group.description,
            methods=tuple(methods[op.pointer] for op in group.operations),
        )
        for group in api.groups
    )
    return Surface(
        title=api.title,
        version=api.version,
        types=types,
        apis=apis,
        methods=tuple(methods[op.pointer] for op in api.operations),
        types_by_definition={t.definition: t for t in types},
        mapper=mapper,
    )


class _Hierarchy:
    """Base classes and discriminated subtypes among the definitions."""

    def __init__(self, models: Mapping[str, Model]):
        self.models = models
        self._base: dict[str, str | None] = {}
        self._children: dict[str, list[str]] = {}
        for model in models.values():
            base = self.base(model.name)
            if base is not None:
                self._children.setdefault(base, []).append(model.name)

    def discriminator(self, name: str) -> str | None:
        """The discriminator's wire name, declared by the model or an ancestor."""
        model = self.models.get(name)
        if model is None:
            return None
        if model.discriminator:
            return model.discriminator
        return next((self.models[p].discriminator for p in model.parents
                     if p in self.models and self.models[p].discriminator), None)

    def base(self, name: str) -> str | None:
        """The base class: the first ``allOf`` parent that is a class, preferring one that
        carries a discriminator (then the subtype is a subclass of what decodes it)."""
        if name in self._base:
            return self._base[name]
        model = self.models[name]
        self._base[name] = None  # a cycle ends here
        candidates = [b for b in model.bases if b in self.models and is_class(self.models[b]) and b != name]
        tagged = [b for b in candidates if self.discriminator(b)]
        chosen = (tagged or candidates or [None])[0]
        self._base[name] = chosen
        return chosen

    def root(self, name: str) -> str:
        seen = {name}
        while (base := self.base(name)) is not None and base not in seen:
            seen.add(base)
            name = base
        return name

    def modules(self) -> dict[str, str]:
        """Subclasses live in the module of their root class: a class statement needs its
        base at import time, and bases in other modules could import each other in a cycle."""
        moved = {}
        for name, model in self.models.items():
            root = self.root(name)
            if root != name and self.models[root].module_name != model.module_name:
                moved[name] = self.models[root].module_name
        return moved

    def tag(self, name: str) -> str:
        model = self.models[name]
        return model.discriminator_value or model.name

    def subtypes(self, name: str) -> tuple[tuple[str, str], ...]:
        """Every descendant of a discriminated class, as (tag value, class name)."""
        if not self.discriminator(name) or name not in self._children:
            return ()
        found: dict[str, str] = {}
        pending = list(self._children[name])
        seen = {name}
        while pending:
            child = pending.pop()
            if child in seen:
                continue
            seen.add(child)
            found.setdefault(self.tag(child), self.models[child].class_name)
            pending.extend(self._children.get(child, ()))
        return tuple(sorted(found.items()))


def _field(prop, mapper: TypeMapper) -> FieldSurface:
    return FieldSurface(
        python_name=prop.python_name,
        wire_name=prop.wire_name,
        type=mapper.type_of(prop.type),
        required=prop.required,
        read_only=prop.read_only,
        deprecated=prop.deprecated,
        description=prop.description,
        pointer=prop.pointer,
        example=prop.example,
        default=prop.default,
    )


def _named_type(model: Model, mapper: TypeMapper, hierarchy: _Hierarchy) -> NamedType:
    module = mapper.modules.get(model.name, model.module_name)
    common = {"name": model.class_name, "definition": model.name, "module": module,
              "pointer": model.pointer, "description": model.description,
              "is_notification_schema": model.is_notification_schema, "inline": model.inline}
    if is_class(model):
        fields = tuple(_field(p, mapper) for p in model.properties)
        base = hierarchy.base(model.name)
        own = fields
        base_module = None
        if base is not None:
            base_model = hierarchy.models[base]
            base_module = mapper.modules.get(base, base_model.module_name)
            inherited = {(f.python_name, f.wire_name, f.type.text) for f in
                         (_field(p, mapper) for p in base_model.properties)}
            own = tuple(f for f in fields if (f.python_name, f.wire_name, f.type.text) not in inherited)
        discriminator_wire = hierarchy.discriminator(model.name)
        discriminator = next((f.python_name for f in fields if f.wire_name == discriminator_wire), None)
        return NamedType(
            kind="class", fields=fields, own_fields=own,
            base=hierarchy.models[base].class_name if base else None, base_module=base_module,
            discriminator=discriminator, discriminator_wire_name=discriminator_wire if discriminator else None,
            tag=hierarchy.tag(model.name) if discriminator else None,
            subtypes=hierarchy.subtypes(model.name) if discriminator else (),
            **common)
    if is_string_enum(model):
        values = tuple(str(v) for v in model.enum_type.enum or ())  # type: ignore[union-attr]
        names = naming.unique_names(((str(i).zfill(5), naming.constant_name(v)) for i, v in enumerate(values)),
                                    suffix_sep="_")
        members = tuple(EnumMember(names[str(i).zfill(5)], v) for i, v in enumerate(values))
        return NamedType(kind="enum", members=members, alias_of=mapper.type_of(model.enum_type), **common)
    return NamedType(kind="alias", alias_of=mapper.type_of(TypeRef("model", model=model.name)), **common)


_FORM_LOCATION = {True: "file", False: "form"}


def _param(param: Parameter, mapper: TypeMapper) -> ParamSurface:
    location: str = param.location
    is_file = param.type.kind == "primitive" and param.type.name == "file"
    if location == "formData":
        location = _FORM_LOCATION[is_file]
    is_list = param.type.kind == "array"
    return ParamSurface(
        python_name=param.python_name,
        wire_name=param.wire_name,
        location=location,
        type=mapper.parameter(param.type),
        required=param.required,
        collection_format=(param.collection_format or "csv") if is_list and location != "body" else None,
        description=param.description,
        deprecated=param.deprecated,
        pointer=param.pointer,
        default=param.default,
    )


def _method(op: Operation, mapper: TypeMapper) -> MethodSurface:
    return MethodSurface(
        python_name=op.python_name,
        operation_id=op.operation_id or op.python_name,
        http_method=op.http_method.upper(),
        path=op.path,
        key=op.key,
        params=tuple(_param(p, mapper) for p in op.parameters),
        returns=mapper.returns(op.success_type),
        auth=op.security,
        consumes=op.consumes,
        produces=op.produces,
        deprecated=op.deprecated,
        preview=op.preview,
        summary=op.summary,
        description=op.description,
        pointer=op.pointer,
    )
