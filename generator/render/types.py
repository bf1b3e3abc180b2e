"""IR types -> the Python spelled in generated code.

A *type expression* is the string both the annotations and the runtime use
(``User``, ``list[User]``, ``dict[str, Any]``, ``datetime``...); see
``runtime/_models.py::resolve_type``. Enum and alias definitions have no class of
their own: they render as the type they stand for, so an unknown enum value is a
plain ``str`` that is kept, never rejected.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..ir.model import Model, TypeRef

# How a formData upload is annotated: what runtime/_encoding.py accepts (bytes, a path,
# a binary file object, or a ``(filename, content[, content_type])`` tuple). Signatures
# name it through a module-level alias: a long union inside a parameter list is the one
# construct black and ruff wrap differently.
FILE_UPLOAD_ANNOTATION = "bytes | str | PathLike[str] | BinaryIO | tuple[str, Any] | tuple[str, Any, str]"
FILE_UPLOAD_ALIAS = "_FileUpload"

_STRING_FORMATS = {"date": "date", "date-time": "datetime", "binary": "bytes"}
_PRIMITIVES = {"integer": "int", "number": "float", "boolean": "bool", "object": "dict[str, Any]", "file": "bytes"}


def has_class(model: Model) -> bool:
    """Only object definitions with properties become classes; an object without any
    is free-form data, rendered as a dict so that decoding keeps its content."""
    return model.kind == "object" and bool(model.properties)


def type_expression(type_ref: TypeRef | None, models: Mapping[str, Model], _seen: frozenset[str] = frozenset()) -> str:
    """The type expression of ``type_ref``; ``None`` (no schema) is ``Any``."""
    if type_ref is None:
        return "Any"
    if type_ref.kind == "primitive":
        if type_ref.name == "string":
            return _STRING_FORMATS.get(type_ref.format or "", "str")
        return _PRIMITIVES.get(type_ref.name or "", "Any")
    if type_ref.kind == "array":
        return f"list[{type_expression(type_ref.items, models, _seen)}]"
    if type_ref.kind == "map":
        return f"dict[str, {type_expression(type_ref.items, models, _seen)}]"
    if type_ref.kind == "model":
        model = models.get(type_ref.model or "")
        if model is None or type_ref.model in _seen:
            return "Any"
        return _model_expression(model, models, _seen | {model.name})
    return "Any"


def _model_expression(model: Model, models: Mapping[str, Model], seen: frozenset[str]) -> str:
    if has_class(model):
        return model.class_name
    if model.kind == "enum":
        return type_expression(model.enum_type, models, seen)
    if model.kind == "alias":
        return type_expression(model.alias_of, models, seen)
    value = model.additional_properties
    return f"dict[str, {type_expression(value, models, seen)}]"


def parameter_annotation(type_ref: TypeRef, models: Mapping[str, Model]) -> str:
    if type_ref.kind == "primitive" and type_ref.name == "file":
        return FILE_UPLOAD_ANNOTATION
    return type_expression(type_ref, models)


def referenced_classes(type_ref: TypeRef | None, models: Mapping[str, Model]) -> set[str]:
    """Definition names of the model classes ``type_ref`` mentions once aliases are followed."""
    found: set[str] = set()
    _collect_classes(type_ref, models, found, set())
    return found


def _collect_classes(type_ref: TypeRef | None, models: Mapping[str, Model], found: set[str], seen: set[str]) -> None:
    if type_ref is None:
        return
    if type_ref.kind in ("array", "map"):
        _collect_classes(type_ref.items, models, found, seen)
        return
    if type_ref.kind != "model" or type_ref.model in seen or type_ref.model not in models:
        return
    seen.add(type_ref.model)
    model = models[type_ref.model]
    if has_class(model):
        found.add(model.name)
    elif model.kind == "alias":
        _collect_classes(model.alias_of, models, found, seen)
    elif model.kind == "object":
        _collect_classes(model.additional_properties, models, found, seen)


def allowed_values(type_ref: TypeRef | None, models: Mapping[str, Model]) -> tuple[object, ...] | None:
    """The enum values a value (or each item of a list) may take, following enum definitions."""
    seen: set[str] = set()
    while type_ref is not None:
        if type_ref.enum is not None:
            return type_ref.enum
        if type_ref.kind == "array":
            type_ref = type_ref.items
        elif type_ref.kind == "model" and type_ref.model in models and type_ref.model not in seen:
            seen.add(type_ref.model)
            model = models[type_ref.model]
            type_ref = model.enum_type if model.kind == "enum" else model.alias_of if model.kind == "alias" else None
        else:
            return None
    return None
