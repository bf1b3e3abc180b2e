"""IR nodes -> the small, flat values the templates lay out.

All decisions (annotations, constant names, docstrings, imports) are made here in
Python, where they can be tested; templates only place the results.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..ir.model import Api
from ..surface import (
    FieldSurface,
    MethodSurface,
    NamedType,
    ParamSurface,
    Surface,
    surface_of,
)
from ..surface.types import FILE_UPLOAD_ANNOTATION
from . import text

# Signatures name the upload union through a module-level alias: a long union inside a
# parameter list is the one construct black and ruff wrap differently.
FILE_UPLOAD_ALIAS = "_FileUpload"

_NAMES_IN_ANNOTATIONS = {"date", "datetime", "Any"}


class RenderError(Exception):
    """The IR cannot be rendered as it is (e.g. two generated classes would share a name)."""


@dataclass(frozen=True, slots=True)
class FieldView:
    python_name: str
    annotation: str  # the full annotation, ``X | None``
    wire_name: str | None  # only when it differs from python_name


@dataclass(frozen=True, slots=True)
class ModelView:
    """One importable name of a models module: a class, an enum or a type alias."""

    class_name: str
    definition_name: str
    docstring: str
    fields: tuple[FieldView, ...]  # the class body's own fields (the rest are inherited)
    property_rows: tuple[tuple[str, str, str, str], ...]  # docs: python name, wire name, type, description
    kind: str = "class"  # class | enum | alias
    base: str = "Model"
    discriminator: tuple[str, str] | None = None  # (attribute, this class's tag value)
    subtypes: tuple[tuple[str, str], ...] = ()  # (tag value, class name)
    members: tuple[tuple[str, str], ...] = ()  # enum: (constant, value)
    alias_text: str = ""  # alias: the right-hand side as written in the module
    read_only: tuple[str, ...] = ()  # python names of readOnly fields (inherited included): never sent


@dataclass(frozen=True, slots=True)
class ModelModuleView:
    module_name: str
    runtime_imports: tuple[str, ...]
    models: tuple[ModelView, ...]
    # (module, class names) defined elsewhere and named in annotations: imported for type
    # checkers only; at run time _models.resolve_type supplies them lazily
    type_checking_imports: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # (module, class names) of base classes defined elsewhere: imported at run time
    runtime_model_imports: tuple[tuple[str, tuple[str, ...]], ...] = ()
    uses_type_alias: bool = False  # an alias naming classes is written as a TypeAlias string
    uses_enum: bool = False


@dataclass(frozen=True, slots=True)
class ParamView:
    python_name: str
    wire_name: str
    annotation: str  # the parameter's type, as docs show it
    required: bool
    location: str  # ParamSpec location
    collection_format: str | None
    description: str
    signature_annotation: str = ""  # as the ``def`` line spells it (see _signature_annotation)


@dataclass(frozen=True, slots=True)
class OperationView:
    python_name: str
    constant: str  # module-level OperationSpec constant
    operation_id: str
    http_method: str
    path: str
    params: tuple[ParamView, ...]  # signature order: required first
    spec_params: tuple[ParamView, ...]  # spec order, for the OperationSpec
    response_type: str | None
    return_annotation: str
    auth: tuple[str, ...]
    consumes: tuple[str, ...]
    produces: tuple[str, ...]
    deprecated: bool
    preview: bool
    summary: str
    docstring: str
    example_call: str  # for docs: ``api.get_user("user_id_example")``

    @property
    def required_params(self) -> tuple[ParamView, ...]:
        return tuple(p for p in self.params if p.required)

    @property
    def optional_params(self) -> tuple[ParamView, ...]:
        return tuple(p for p in self.params if not p.required)


@dataclass(frozen=True, slots=True)
class ApiModuleView:
    tag: str
    class_name: str
    async_class_name: str
    module_name: str
    description: str
    model_imports: tuple[tuple[str, tuple[str, ...]], ...]  # (models module, class names)
    operations: tuple[OperationView, ...]


# --- models --------------------------------------------------------------------------


def _surface(api: Api | Surface) -> Surface:
    return api if isinstance(api, Surface) else surface_of(api)


def model_modules(api: Api | Surface) -> tuple[ModelModuleView, ...]:
    """Every named type (classes, enums, aliases) grouped by models module; modules
    sorted by name, types by name except that a base class comes before its subclasses."""
    surface = _surface(api)
    _check_unique((t.name for t in surface.types), "model class")
    module_of = {t.name: t.module for t in surface.types}
    views = []
    for module_name, named_types in surface.modules().items():
        ordered = _bases_first(named_types)
        model_views = tuple(_model_view(named) for named in ordered)
        used = {name for named in ordered for name in _names_used(named)}
        imports: set[str] = set()
        if any(t.kind == "class" and t.base is None for t in ordered):
            imports.add("Model")
        imports |= used & _NAMES_IN_ANNOTATIONS
        if any(f.wire_name is not None for view in model_views for f in view.fields):
            imports.add("field")
        elsewhere: dict[str, list[str]] = defaultdict(list)
        runtime_bases: dict[str, list[str]] = defaultdict(list)
        for named in ordered:
            if named.base is not None and named.base_module != module_name:
                runtime_bases[named.base_module or ""].append(named.base)
        for name in sorted(used):
            if name in module_of and module_of[name] != module_name and name not in runtime_bases.get(module_of[name], ()):
                elsewhere[module_of[name]].append(name)
        views.append(ModelModuleView(
            module_name,
            tuple(sorted(imports, key=_import_order)),
            model_views,
            tuple((module, tuple(names)) for module, names in sorted(elsewhere.items())),
            tuple((module, tuple(sorted(set(names)))) for module, names in sorted(runtime_bases.items())),
            uses_type_alias=any(v.kind == "alias" and v.alias_text.startswith('"') for v in model_views),
            uses_enum=any(v.kind == "enum" for v in model_views),
        ))
    return tuple(views)


def _bases_first(named_types: tuple[NamedType, ...]) -> list[NamedType]:
    """Name order, moved only as far as needed for every base to precede its subclasses."""
    by_name = {t.name: t for t in named_types}
    ordered: list[NamedType] = []
    placed: set[str] = set()

    def place(named: NamedType) -> None:
        if named.name in placed:
            return
        placed.add(named.name)
        if named.base in by_name:
            place(by_name[named.base])
        ordered.append(named)

    for named in named_types:
        place(named)
    return ordered


def _names_used(named: NamedType) -> set[str]:
    """Names the module needs for this type's own code (its base is imported separately)."""
    names: set[str] = set()
    for f in named.own_fields:
        names |= f.type.imports
    if named.kind == "alias" and named.alias_of is not None:
        names |= named.alias_of.imports
    return names


def _import_order(name: str) -> tuple[bool, str]:
    # The order isort/ruff use in a ``from x import ...`` list: constants, classes, functions.
    return (not name.isupper(), not name[:1].isupper(), name)


def annotation_names(annotation: str) -> set[str]:
    """The names an annotation mentions: ``list[User] | None`` -> {list, User, None}."""
    return set(annotation.replace("[", " ").replace("]", " ").replace(",", " ").replace("|", " ").split())


_OPEN_ENUM_NOTE = ("Fields and parameters of this type are plain ``str``: a value the API adds\n"
                   "later is kept as it is, never rejected.")


def _model_view(named: NamedType) -> ModelView:
    if named.kind == "enum":
        values = ", ".join(text.py_string(m.value) for m in named.members[:8])
        more = ", ..." if len(named.members) > 8 else ""
        paragraphs = [named.description or f"The {named.definition} values.", _OPEN_ENUM_NOTE,
                      f"Known values: {values}{more}."]
        return ModelView(named.name, named.definition, text.docstring(paragraphs, 4), (), (), kind="enum",
                         members=tuple((m.name, str(m.value)) for m in named.members))
    if named.kind == "alias":
        alias = named.alias_of.text if named.alias_of is not None else "Any"
        mentions_classes = named.alias_of is not None and bool(named.alias_of.classes)
        paragraphs = [named.description or f"The {named.definition} type: ``{alias}``."]
        return ModelView(named.name, named.definition, text.docstring(paragraphs, 0), (), (), kind="alias",
                         alias_text=text.py_string(alias) if mentions_classes else alias)
    fields = []
    attribute_docs = []
    own = {f.python_name for f in named.own_fields}
    rows = []
    for f in named.fields:
        description = _field_description(f)
        rows.append((f.python_name, f.wire_name, f.type.text, text.markdown_cell(description)))
        if f.python_name in own:
            fields.append(FieldView(
                python_name=f.python_name,
                annotation=f.annotation,
                wire_name=f.wire_name if f.wire_name != f.python_name else None,
            ))
        if description:
            attribute_docs.append(f"    {f.python_name}: {text.indent_block(description, 8)}")
    paragraphs = [named.description or f"The {named.definition} model."]
    if named.is_notification_schema:
        paragraphs.append("A notification (event) schema, delivered over the notifications API.")
    if named.subtypes:
        paragraphs.append(f"Decoding picks the subtype named by ``{named.discriminator}`` (any other\n"
                          "value decodes as this class):\n"
                          + "\n".join(f"    {text.py_string(tag)}: {cls}" for tag, cls in named.subtypes))
    if attribute_docs:
        paragraphs.append("Attributes:\n" + "\n".join(attribute_docs))
    return ModelView(
        class_name=named.name,
        definition_name=named.definition,
        docstring=text.docstring(paragraphs, 4),
        fields=tuple(fields),
        property_rows=tuple(rows),
        base=named.base or "Model",
        discriminator=(named.discriminator, named.tag) if named.discriminator and named.tag else None,
        subtypes=named.subtypes,
        read_only=tuple(sorted(f.python_name for f in named.fields if f.read_only)),
    )


def _field_description(f: FieldSurface) -> str:
    notes = []
    if f.required:
        notes.append("Required.")
    if f.read_only:
        notes.append("Read-only.")
    if f.deprecated:
        notes.append("Deprecated.")
    values = text.describe_values(f.type.values)
    body = text.clean(f.description)
    return " ".join(part for part in (body, " ".join(notes), values, text.describe_default(f.default)) if part)


# --- APIs ----------------------------------------------------------------------------


def api_modules(api: Api | Surface, line_length: int = 88) -> tuple[ApiModuleView, ...]:
    surface = _surface(api)
    views = tuple(_api_module_view(group, line_length) for group in surface.apis)
    _check_unique((name for v in views for name in (v.class_name, v.async_class_name)), "API class")
    _check_unique((v.module_name for v in views), "API module", case_insensitive=True)
    return views


def _api_module_view(group, line_length: int) -> ApiModuleView:
    operations = tuple(operation_view(method, line_length) for method in group.methods)
    by_module: dict[str, set[str]] = defaultdict(set)
    for method in group.methods:
        for t in (*(p.type for p in method.params), method.returns):
            for module, class_name in t.classes:
                by_module[module].add(class_name)
    return ApiModuleView(
        tag=group.tag,
        class_name=group.name,
        async_class_name=group.async_name,
        module_name=group.module,
        description=text.clean(group.description),
        model_imports=tuple((module, tuple(sorted(names))) for module, names in sorted(by_module.items())),
        operations=operations,
    )


def _signature_annotation(python_name: str, annotation: str, required: bool, line_length: int) -> str:
    """How the ``def`` line annotates a parameter. Optional ones are ``T | None``, unless
    that line would be too long: black and ruff split a long top-level union in a
    parameter list differently, but agree on ``Optional[T]``, so that spelling is used
    there. File uploads go through the module's alias for the same reason."""
    if annotation == FILE_UPLOAD_ANNOTATION:
        annotation = FILE_UPLOAD_ALIAS
    if required:
        return annotation
    line = f"        {python_name}: {annotation} | None = None,"
    return f"{annotation} | None" if len(line) <= line_length else f"Optional[{annotation}]"


def _param_view(param: ParamSurface, line_length: int = 88) -> ParamView:
    description = text.clean(param.description)
    values = text.describe_values(param.type.values)
    if param.deprecated:
        description = " ".join(p for p in (description, "Deprecated.") if p)
    if values:
        description = " ".join(p for p in (description, values) if p)
    if param.default is not None and description:  # (without a description the docs name the wire name)
        description = f"{description} {text.describe_default(param.default)}"
    annotation = param.type.text
    return ParamView(
        python_name=param.python_name,
        wire_name=param.wire_name,
        annotation=annotation,
        required=param.required,
        location=param.location,
        collection_format=param.collection_format,
        description=description,
        signature_annotation=_signature_annotation(param.python_name, annotation, param.required, line_length),
    )


def operation_view(method: MethodSurface, line_length: int = 88) -> OperationView:
    params = {p.pointer: _param_view(p, line_length) for p in method.params}
    signature = tuple(params[p.pointer] for p in method.signature)
    response_type = method.returns.text if method.returns.kind != "none" else None
    return OperationView(
        python_name=method.python_name,
        constant="_" + method.python_name.upper(),
        operation_id=method.operation_id,
        http_method=method.http_method,
        path=method.path,
        params=signature,
        spec_params=tuple(params[p.pointer] for p in method.params),
        response_type=response_type,
        return_annotation=response_type or "None",
        auth=method.auth,
        consumes=method.consumes,
        produces=method.produces,
        deprecated=method.deprecated,
        preview=method.preview,
        summary=text.first_sentence(method.summary) or method.python_name,
        docstring=_operation_docstring(method, signature, response_type),
        example_call=_example_call(method.python_name, signature),
    )


def _operation_docstring(op: MethodSurface, params: tuple[ParamView, ...], response_type: str | None) -> str:
    paragraphs = [op.summary or op.key, op.description if op.description != op.summary else ""]
    if op.deprecated:
        paragraphs.append("Deprecated: calling it emits a DeprecationWarning.")
    if op.preview:
        paragraphs.append("Preview: this resource may change or be removed without notice.")
    paragraphs.append(f"``{op.key}``")
    if params:
        lines = [f"    {p.python_name}: {text.indent_block(p.description or p.wire_name, 8)}" for p in params]
        paragraphs.append("Args:\n" + "\n".join(lines + ["    request_options: Per-call settings (timeout, retries, headers)."]))
    else:
        paragraphs.append("Args:\n    request_options: Per-call settings (timeout, retries, headers).")
    paragraphs.append("Returns:\n    " + (response_type or "None"))
    paragraphs.append("Raises:\n    ApiException: the server answered with an error status.")
    return text.docstring(paragraphs, 8)


def example_value(param: ParamView) -> str:
    """A placeholder argument for docs, of the parameter's type."""
    annotation = param.annotation
    if annotation == "str":
        return text.py_string(f"{param.python_name}_example")
    if annotation in ("int", "float"):
        return "1"
    if annotation == "bool":
        return "True"
    if annotation == "datetime":
        return "datetime(2024, 1, 31, 12, 0, tzinfo=timezone.utc)"
    if annotation == "date":
        return "date(2024, 1, 31)"
    if annotation.startswith("list["):
        inner = ParamView(param.python_name, param.wire_name, annotation[5:-1], True, param.location, None, "")
        return f"[{example_value(inner)}]"
    if annotation.startswith("dict["):
        return "{}"
    if annotation == FILE_UPLOAD_ANNOTATION:
        return '"upload.bin"'  # a path; bytes and open binary files work too
    if annotation.isidentifier():
        return f"{annotation}()"  # a model class
    return "..."


def _example_call(python_name: str, params: tuple[ParamView, ...]) -> str:
    arguments = [example_value(p) for p in params if p.required]
    return f"{python_name}({', '.join(arguments)})"


def _check_unique(names, what: str, case_insensitive: bool = False) -> None:
    seen: dict[str, str] = {}
    for name in names:
        key = name.lower() if case_insensitive else name
        if key in seen:
            raise RenderError(f"two generated {what}s would both be named {name!r} (and {seen[key]!r}); rename a tag or definition")
        seen[key] = name
