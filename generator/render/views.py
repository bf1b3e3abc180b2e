"""IR nodes -> the small, flat values the templates lay out.

All decisions (annotations, constant names, docstrings, imports) are made here in
Python, where they can be tested; templates only place the results.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from ..ir.model import Api, ApiGroup, Model, Operation, Parameter, Property
from . import text
from .types import (
    FILE_UPLOAD_ALIAS,
    FILE_UPLOAD_ANNOTATION,
    allowed_values,
    has_class,
    parameter_annotation,
    referenced_classes,
    type_expression,
)

# IR parameter location -> ParamSpec location (runtime/_operation.py)
_FORM_LOCATION = {True: "file", False: "form"}
_NAMES_IN_ANNOTATIONS = {"date", "datetime", "Any"}


class RenderError(Exception):
    """The IR cannot be rendered as it is (e.g. two generated classes would share a name)."""


@dataclass(frozen=True, slots=True)
class FieldView:
    python_name: str
    annotation: str  # the full annotation, ``X | None | UnsetType``
    wire_name: str | None  # only when it differs from python_name


@dataclass(frozen=True, slots=True)
class ModelView:
    class_name: str
    definition_name: str
    docstring: str
    fields: tuple[FieldView, ...]
    property_rows: tuple[tuple[str, str, str, str], ...]  # docs: python name, wire name, type, description


@dataclass(frozen=True, slots=True)
class ModelModuleView:
    module_name: str
    runtime_imports: tuple[str, ...]
    models: tuple[ModelView, ...]
    # (module, class names) defined elsewhere and named in annotations: imported for type
    # checkers only; at run time _models.resolve_type supplies them lazily
    type_checking_imports: tuple[tuple[str, tuple[str, ...]], ...] = ()


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


def model_modules(api: Api) -> tuple[ModelModuleView, ...]:
    """Model classes grouped by ``Model.module_name``; modules and classes sorted by name."""
    grouped: dict[str, list[Model]] = defaultdict(list)
    for model in api.models:
        if has_class(model):
            grouped[model.module_name].append(model)
    _check_unique((m.class_name for ms in grouped.values() for m in ms), "model class")
    module_of = {m.class_name: module for module, ms in grouped.items() for m in ms}
    views = []
    for module_name in sorted(grouped):
        models = sorted(grouped[module_name], key=lambda m: m.class_name)
        model_views = tuple(_model_view(model, api.models_by_name) for model in models)
        used = {name for view in model_views for f in view.fields for name in annotation_names(f.annotation)}
        imports = {"Model", "UNSET", "UnsetType"} | (used & _NAMES_IN_ANNOTATIONS)
        if any(f.wire_name is not None for view in model_views for f in view.fields):
            imports.add("field")
        elsewhere: dict[str, list[str]] = defaultdict(list)
        for name in sorted(used):
            if name in module_of and module_of[name] != module_name:
                elsewhere[module_of[name]].append(name)
        views.append(ModelModuleView(
            module_name,
            tuple(sorted(imports, key=_import_order)),
            model_views,
            tuple((module, tuple(names)) for module, names in sorted(elsewhere.items())),
        ))
    return tuple(views)


def _import_order(name: str) -> tuple[bool, str]:
    # The order isort/ruff use in a ``from x import ...`` list: constants, classes, functions.
    return (not name.isupper(), not name[:1].isupper(), name)


def annotation_names(annotation: str) -> set[str]:
    """The names an annotation mentions: ``list[User] | None`` -> {list, User, None}."""
    return set(annotation.replace("[", " ").replace("]", " ").replace(",", " ").replace("|", " ").split())


def _model_view(model: Model, models: Mapping[str, Model]) -> ModelView:
    fields = []
    rows = []
    attribute_docs = []
    for prop in model.properties:
        expression = type_expression(prop.type, models)
        fields.append(FieldView(
            python_name=prop.python_name,
            annotation=f"{expression} | None | UnsetType",
            wire_name=prop.wire_name if prop.wire_name != prop.python_name else None,
        ))
        description = _property_description(prop, models)
        rows.append((prop.python_name, prop.wire_name, expression, text.markdown_cell(description)))
        if description:
            attribute_docs.append(f"    {prop.python_name}: {text.indent_block(description, 8)}")
    paragraphs = [model.description or f"The {model.name} model."]
    if model.is_notification_schema:
        paragraphs.append("A notification (event) schema, delivered over the notifications API.")
    if attribute_docs:
        paragraphs.append("Attributes:\n" + "\n".join(attribute_docs))
    return ModelView(
        class_name=model.class_name,
        definition_name=model.name,
        docstring=text.docstring(paragraphs, 4),
        fields=tuple(fields),
        property_rows=tuple(rows),
    )


def _property_description(prop: Property, models: Mapping[str, Model]) -> str:
    notes = []
    if prop.required:
        notes.append("Required.")
    if prop.read_only:
        notes.append("Read-only.")
    if prop.deprecated:
        notes.append("Deprecated.")
    values = text.describe_values(allowed_values(prop.type, models))
    body = text.clean(prop.description)
    return " ".join(part for part in (body, " ".join(notes), values) if part)


# --- APIs ----------------------------------------------------------------------------


def api_modules(api: Api, line_length: int = 88) -> tuple[ApiModuleView, ...]:
    views = tuple(_api_module_view(group, api.models_by_name, line_length) for group in api.groups)
    _check_unique((name for v in views for name in (v.class_name, v.async_class_name)), "API class")
    _check_unique((v.module_name for v in views), "API module", case_insensitive=True)
    return views


def _api_module_view(group: ApiGroup, models: Mapping[str, Model], line_length: int) -> ApiModuleView:
    operations = tuple(operation_view(op, models, line_length) for op in group.operations)
    classes: set[str] = set()
    for op in group.operations:
        for param in op.parameters:
            classes |= referenced_classes(param.type, models)
        classes |= referenced_classes(op.success_type, models)
    by_module: dict[str, list[str]] = defaultdict(list)
    for name in classes:
        by_module[models[name].module_name].append(models[name].class_name)
    return ApiModuleView(
        tag=group.tag,
        class_name=group.class_name,
        async_class_name="Async" + group.class_name,
        module_name=group.module_name,
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


def _param_view(param: Parameter, models: Mapping[str, Model], line_length: int = 88) -> ParamView:
    location: str = param.location
    if location == "formData":
        location = _FORM_LOCATION[param.type.kind == "primitive" and param.type.name == "file"]
    is_list = param.type.kind == "array"
    description = text.clean(param.description)
    values = text.describe_values(allowed_values(param.type, models))
    if param.deprecated:
        description = " ".join(p for p in (description, "Deprecated.") if p)
    if values:
        description = " ".join(p for p in (description, values) if p)
    annotation = parameter_annotation(param.type, models)
    return ParamView(
        python_name=param.python_name,
        wire_name=param.wire_name,
        annotation=annotation,
        required=param.required,
        location=location,
        collection_format=(param.collection_format or "csv") if is_list and location != "body" else None,
        description=description,
        signature_annotation=_signature_annotation(param.python_name, annotation, param.required, line_length),
    )


def operation_view(op: Operation, models: Mapping[str, Model], line_length: int = 88) -> OperationView:
    params = {p.pointer: _param_view(p, models, line_length) for p in op.parameters}
    signature = tuple(params[p.pointer] for p in op.signature_parameters)
    response_type = type_expression(op.success_type, models) if op.success_type is not None else None
    return OperationView(
        python_name=op.python_name,
        constant="_" + op.python_name.upper(),
        operation_id=op.operation_id or op.python_name,
        http_method=op.http_method.upper(),
        path=op.path,
        params=signature,
        spec_params=tuple(params[p.pointer] for p in op.parameters),
        response_type=response_type,
        return_annotation=response_type or "None",
        auth=op.security,
        consumes=op.consumes,
        produces=op.produces,
        deprecated=op.deprecated,
        preview=op.preview,
        summary=text.first_sentence(op.summary) or op.python_name,
        docstring=_operation_docstring(op, signature, response_type),
        example_call=_example_call(op.python_name, signature),
    )


def _operation_docstring(op: Operation, params: tuple[ParamView, ...], response_type: str | None) -> str:
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
