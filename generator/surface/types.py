"""IR types -> :class:`PyType`: the one place that decides how a spec type looks in Python.

Rules (docs/surface.md):
- ``string`` is ``str``; formats ``date`` -> ``date``, ``date-time`` -> ``datetime``,
  ``binary`` -> ``bytes`` (raw bytes), ``int-or-string`` -> ``int | str``; ``byte``
  (base64 text) stays ``str`` so it round-trips untouched; ``integer`` (any format,
  ``int64`` included) -> ``int``; ``number`` -> ``float``; ``boolean`` -> ``bool``;
  ``type: file`` -> ``bytes`` (a response body) or an upload (a formData parameter);
  a free-form ``object`` -> ``dict[str, Any]``;
- arrays -> ``list[T]``, ``additionalProperties`` maps -> ``dict[str, T]``;
- a ``$ref`` to a model class -> the class; to an enum, alias or free-form definition ->
  what that definition stands for (so a ``$ref`` and the same inline schema look alike);
- anything else -> ``Any``.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..ir.model import Model, TypeRef
from .model import PyType

# The annotation of a formData upload: what runtime/_encoding.py accepts.
FILE_UPLOAD_ANNOTATION = "bytes | str | PathLike[str] | BinaryIO | tuple[str, Any] | tuple[str, Any, str]"

ANY = PyType("any", "Any")
NONE = PyType("none", "None")
UPLOAD = PyType("upload", FILE_UPLOAD_ANNOTATION)
_STR = PyType("scalar", "str")
_INT = PyType("scalar", "int")
_SCALARS = {
    "str": _STR,
    "int": _INT,
    "float": PyType("scalar", "float"),
    "bool": PyType("scalar", "bool"),
    "bytes": PyType("scalar", "bytes"),
    "date": PyType("scalar", "date"),
    "datetime": PyType("scalar", "datetime"),
}
_STRING_FORMATS = {"date": "date", "date-time": "datetime", "binary": "bytes"}
_PRIMITIVES = {"integer": "int", "number": "float", "boolean": "bool", "file": "bytes"}
INT_OR_STRING = PyType("union", "int | str", (_INT, _STR))
FREE_FORM = PyType("dict", "dict[str, Any]", (ANY,))


def is_class(model: Model) -> bool:
    """Object definitions with properties become classes; an object without any is
    free-form data (a ``dict`` alias), so decoding keeps its content."""
    return model.kind == "object" and bool(model.properties)


def is_string_enum(model: Model) -> bool:
    return (model.kind == "enum" and model.enum_type is not None and bool(model.enum_type.enum)
            and all(isinstance(v, str) for v in model.enum_type.enum or ()))


class TypeMapper:
    """Converts IR types of one :class:`~generator.ir.model.Api`, each node once."""

    def __init__(self, models: Mapping[str, Model], polymorphic: frozenset[str] = frozenset(),
                 modules: Mapping[str, str] | None = None):
        self.models = models
        self.polymorphic = polymorphic
        self.modules = modules or {}  # definition -> models module, where not Model.module_name
        # id(TypeRef) -> (TypeRef, PyType): the IR shares equal leaf nodes, so this is small;
        # the TypeRef is kept so its id cannot be reused while the mapper lives.
        self._cache: dict[int, tuple[TypeRef, PyType]] = {}
        self._named: dict[str, PyType] = {}

    def type_of(self, type_ref: TypeRef | None) -> PyType:
        """The Python type of ``type_ref``; ``None`` (no schema) is ``Any``."""
        if type_ref is None:
            return ANY
        hit = self._cache.get(id(type_ref))
        if hit is not None and hit[0] is type_ref:
            return hit[1]
        result = self._convert(type_ref, frozenset())
        self._cache[id(type_ref)] = (type_ref, result)
        return result

    def returns(self, type_ref: TypeRef | None) -> PyType:
        """What a method returns: ``None`` without a response schema."""
        return NONE if type_ref is None else self.type_of(type_ref)

    def parameter(self, type_ref: TypeRef) -> PyType:
        if type_ref.kind == "primitive" and type_ref.name == "file":
            return UPLOAD
        return self.type_of(type_ref)

    def _convert(self, type_ref: TypeRef, seen: frozenset[str]) -> PyType:
        values = type_ref.enum
        if type_ref.kind == "primitive":
            if type_ref.name == "string":
                if type_ref.format == "int-or-string":
                    result = INT_OR_STRING
                else:
                    result = _SCALARS[_STRING_FORMATS.get(type_ref.format or "", "str")]
            elif type_ref.name == "object":
                result = FREE_FORM
            else:
                name = _PRIMITIVES.get(type_ref.name or "")
                result = _SCALARS[name] if name else ANY
            return _with_values(result, values)
        if type_ref.kind == "array":
            item = self._convert(type_ref.items, seen) if type_ref.items is not None else ANY
            return PyType("list", f"list[{item.text}]", (item,), values=values if values is not None else item.values)
        if type_ref.kind == "map":
            value = self._convert(type_ref.items, seen) if type_ref.items is not None else ANY
            return PyType("dict", f"dict[str, {value.text}]", (value,))
        if type_ref.kind == "model":
            return self._named_type(type_ref.model or "", seen)
        return ANY

    def _named_type(self, name: str, seen: frozenset[str]) -> PyType:
        cached = self._named.get(name)
        if cached is not None:
            return cached
        model = self.models.get(name)
        if model is None or name in seen:
            return ANY  # a dangling or self-referring alias: nothing better to say
        outermost = not seen
        seen = seen | {name}
        if is_class(model):
            result = PyType("class", model.class_name, class_name=model.class_name, module=self.modules.get(name, model.module_name),
                            polymorphic=name in self.polymorphic)
        elif model.kind == "enum":
            inner = self._convert(model.enum_type, seen) if model.enum_type is not None else ANY
            result = _named(inner, model.class_name)
        elif model.kind == "alias":
            inner = self._convert(model.alias_of, seen) if model.alias_of is not None else ANY
            result = _named(inner, model.class_name)
        else:
            value = self._convert(model.additional_properties, seen) if model.additional_properties is not None else ANY
            result = PyType("dict", f"dict[str, {value.text}]", (value,), named=model.class_name)
        if outermost:  # inside a cycle the answer depends on the way in
            self._named[name] = result
        return result


def _with_values(result: PyType, values: tuple[object, ...] | None) -> PyType:
    if values is None:
        return result
    return PyType(result.kind, result.text, result.args, result.class_name, result.module, result.named, values,
                  result.polymorphic)


def _named(inner: PyType, named: str) -> PyType:
    return PyType(inner.kind, inner.text, inner.args, inner.class_name, inner.module, named, inner.values,
                  inner.polymorphic)
