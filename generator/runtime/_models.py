"""Model base class and JSON encoding/decoding for the generated SDK.

Generated model modules declare classes such as::

    class User(Model):
        id: str | None | UnsetType = UNSET
        manager: User | None | UnsetType = UNSET
        self_uri: str | None | UnsetType = field(name="selfUri", default=UNSET)

Annotations are strings (``from __future__ import annotations``) that may name
classes living in other model modules which are not imported yet: importing every
model up front is what makes the official SDK slow to import. msgspec evaluates
annotations in the defining module's globals only when a decoder is built, so
:func:`resolve_type` first walks the closure of classes a type mentions, imports
just their modules through the ``models`` package's lazy map, and injects each
referenced class into the globals of the module that mentions it.

``None`` is accepted on every field because the API sometimes sends ``null``;
``UNSET`` (the default) means "not present" and is never encoded.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import re
import sys
import threading
from typing import TYPE_CHECKING, Any

import msgspec
from msgspec import UNSET, UnsetType, field

# Re-exported for generated model modules, which import everything they need from here.
date = _dt.date
datetime = _dt.datetime

__all__ = [
    "UNSET",
    "Any",
    "Model",
    "UnsetType",
    "date",
    "datetime",
    "decode_json",
    "encode_json",
    "field",
    "resolve_type",
    "to_wire",
]

# Class name -> class, for every Model subclass defined with this copy of the runtime.
# Each generated package has its own copy of this module, so names never clash
# between two SDKs loaded in one process.
_registry: dict[str, type[Model]] = {}
# Classes whose annotation closure is already importable by msgspec.
_prepared: set[type] = set()
_resolved_types: dict[str, Any] = {}
# Keyed by type expression, or by the class itself for ``Model.from_json``.
_decoders: dict[object, msgspec.json.Decoder] = {}
# Resolution imports modules; an RLock because imports may define (and register) models.
_lock = threading.RLock()

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Names an annotation or type expression may use that are not model classes.
_NON_MODEL_NAMES = frozenset(
    {"str", "int", "float", "bool", "bytes", "date", "datetime", "Any", "list", "dict", "None", "UnsetType"}
)
_SCALAR_TYPES: dict[str, Any] = {
    "str": str,
    "int": int,
    "float": float,
    "bool": bool,
    "bytes": bytes,
    "date": _dt.date,
    "datetime": _dt.datetime,
    "Any": Any,
}


class _ModelMeta(msgspec.StructMeta):
    """Makes every subclass keyword-only too: msgspec applies ``kw_only`` per class, and
    positional construction would break whenever the API adds a field."""

    def __new__(mcls, name: str, bases: tuple, namespace: dict, **options: Any):
        options.setdefault("kw_only", True)
        return super().__new__(mcls, name, bases, namespace, **options)


class Model(msgspec.Struct, metaclass=_ModelMeta, kw_only=True, omit_defaults=True):
    """Base of every generated model: a msgspec Struct keyed by wire names.

    Every field is optional (defaults to ``UNSET``) so that a body can be built empty
    and filled in: ``body = CreateUser(); body.name = "x"``. The server validates
    required fields. Unknown fields in responses are ignored; enum-typed fields are
    plain strings so a value added to the API later is kept, not rejected.
    """

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _registry[cls.__name__] = cls

    def to_dict(self) -> dict[str, Any]:
        """Python attribute names as keys, nested models converted, unset fields left out."""
        return _to_python_dict(self)

    def to_json(self) -> str:
        """JSON text with wire names, unset fields left out."""
        return encode_json(self).decode()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict keyed by wire names (Python attribute names are accepted too)."""
        _prepare(cls)
        return msgspec.convert(_wire_keys(data, _type_info(cls)), cls, strict=False)

    @classmethod
    def from_json(cls, data: str | bytes) -> Any:
        """Parse JSON text (wire names) into this model."""
        return _decoder(cls, cls).decode(data)

    if not TYPE_CHECKING:  # at run time only: type checkers keep flagging unknown attributes

        def __setattr__(self, name: str, value: Any) -> None:
            # Fields are slots: a known attribute name is set at once. Only an unknown name
            # pays for the lookup that turns a wire name (``postalCode``, as scripts written
            # against the JSON use) into its field, or names the closest field in the error.
            try:
                msgspec.Struct.__setattr__(self, name, value)
            except AttributeError:
                msgspec.Struct.__setattr__(self, _field_for_attribute(type(self), name), value)

        def __getattr__(self, name: str) -> Any:
            # called only when normal lookup fails: reading a wire name reads its field
            return getattr(self, _field_for_attribute(type(self), name))

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{name}={value!r}"
            for name in self.__struct_fields__
            if (value := getattr(self, name)) is not UNSET
        )
        return f"{type(self).__name__}({shown})"

    def __str__(self) -> str:
        return self.__repr__()


# --- type expressions ---------------------------------------------------------------


def resolve_type(type_expr: str) -> Any:
    """Turn a type expression (``User``, ``list[User]``, ``dict[str, Any]``, ``bytes``...)
    into a type msgspec can decode, importing only the model modules it needs."""
    resolved = _resolved_types.get(type_expr)
    if resolved is not None:
        return resolved
    with _lock:
        resolved = _parse_type(type_expr)
        _resolved_types[type_expr] = resolved
        return resolved


def _parse_type(type_expr: str) -> Any:
    return _TypeExpressionParser(type_expr).parse()


class _TypeExpressionParser:
    """Recursive descent over ``name | list[expr] | dict[str, expr]``."""

    def __init__(self, text: str):
        self.text = text
        self.position = 0

    def parse(self) -> Any:
        result = self._expression()
        self._skip_spaces()
        if self.position != len(self.text):
            self._fail("unexpected text")
        return result

    def _expression(self) -> Any:
        self._skip_spaces()
        match = _IDENTIFIER.match(self.text, self.position)
        if match is None:
            self._fail("expected a type name")
        name = match.group()
        self.position = match.end()
        if name == "list":
            self._expect("[")
            item = self._expression()
            self._expect("]")
            return list[item]
        if name == "dict":
            self._expect("[")
            key = self._expression()
            self._expect(",")
            value = self._expression()
            self._expect("]")
            return dict[key, value]
        if name in _SCALAR_TYPES:
            return _SCALAR_TYPES[name]
        model = _model_class(name)
        _prepare(model)
        return model

    def _expect(self, token: str) -> None:
        self._skip_spaces()
        if not self.text.startswith(token, self.position):
            self._fail(f"expected {token!r}")
        self.position += len(token)

    def _skip_spaces(self) -> None:
        while self.position < len(self.text) and self.text[self.position] == " ":
            self.position += 1

    def _fail(self, problem: str) -> None:
        raise ValueError(f"invalid type expression {self.text!r} at {self.position}: {problem}")


def _model_class(name: str) -> type[Model]:
    """The model class called ``name``: already defined, or imported through ``<pkg>.models``."""
    cls = _registry.get(name)
    if cls is not None:
        return cls
    if __package__:
        try:
            models_package = importlib.import_module(__package__ + ".models")
        except ModuleNotFoundError:
            models_package = None
        if models_package is not None:
            cls = getattr(models_package, name, None)
            if isinstance(cls, type) and issubclass(cls, Model):
                return cls
    raise LookupError(f"unknown model {name!r}")


def _prepare(root: type) -> None:
    """Make every annotation in the closure of ``root`` resolvable by msgspec.

    For each class reached, find the model names its annotations mention, load those
    classes and put them into the defining module's globals (the namespace msgspec
    evaluates annotations in). Cycles (User.manager -> User) end on ``_prepared``.
    """
    if root in _prepared:
        return
    with _lock:
        pending = [root]
        while pending:
            cls = pending.pop()
            if cls in _prepared:
                continue
            _prepared.add(cls)
            for owner in cls.__mro__:
                if owner is Model or not (isinstance(owner, type) and issubclass(owner, Model)):
                    continue
                module_globals = vars(sys.modules[owner.__module__])
                for name in _annotation_names(owner):
                    referenced = module_globals.get(name)
                    if not (isinstance(referenced, type) and issubclass(referenced, Model)):
                        referenced = _model_class(name)
                        module_globals[name] = referenced
                    if referenced not in _prepared:
                        pending.append(referenced)


def _annotation_names(cls: type) -> set[str]:
    """Identifiers in the class's own string annotations, minus the builtin type names."""
    import inspect  # deferred: only needed once per class, and already loaded by dataclasses

    names: set[str] = set()
    for annotation in inspect.get_annotations(cls).values():
        if isinstance(annotation, str):  # a real type (no postponed annotations) needs nothing
            names.update(_IDENTIFIER.findall(annotation))
    return names - _NON_MODEL_NAMES


_type_infos: dict[type, msgspec.inspect.Type] = {}


def _type_info(cls: type) -> msgspec.inspect.Type:
    """msgspec's description of ``cls`` (built once: it walks the whole closure)."""
    info = _type_infos.get(cls)
    if info is None:
        info = _type_infos[cls] = msgspec.inspect.type_info(cls)
    return info


# --- decoding -------------------------------------------------------------------------


def _decoder(key: object, model: type | None = None) -> msgspec.json.Decoder:
    """The cached decoder for a type expression (``key``), or for ``model`` itself."""
    decoder = _decoders.get(key)
    if decoder is None:
        with _lock:
            if model is None:
                target = resolve_type(key)
            else:
                _prepare(model)
                target = model
            # strict=False: accept "12" for an int and the like, as lenient as the API is.
            decoder = msgspec.json.Decoder(target, strict=False)
            _decoders[key] = decoder
    return decoder


def decode_json(data: bytes | str, type_expr: str | None) -> Any:
    """Decode a response body. ``None`` decodes untyped; ``bytes`` returns the raw body."""
    if type_expr is None or type_expr == "Any":
        if not data:
            return None
        return msgspec.json.decode(data)
    if type_expr == "bytes":
        return data.encode() if isinstance(data, str) else bytes(data)
    return _decoder(type_expr).decode(data)


def _wire_keys(data: Any, info: msgspec.inspect.Type) -> Any:
    """Rename Python attribute names to wire names along the type, so that
    ``from_dict(model.to_dict())`` round-trips. Wire names win when both are present."""
    if isinstance(info, msgspec.inspect.StructType) and isinstance(data, dict):
        renamed: dict[str, Any] = {}
        by_python_name = {f.name: f for f in info.fields}
        by_wire_name = {f.encode_name: f for f in info.fields}
        for key, value in data.items():
            field_info = by_wire_name.get(key)
            if field_info is None:
                field_info = by_python_name.get(key)
                if field_info is not None:
                    key = field_info.encode_name
                    if key in data:
                        continue
            renamed[key] = _wire_keys(value, field_info.type) if field_info is not None else value
        return renamed
    if isinstance(info, msgspec.inspect.UnionType):
        for option in info.types:
            if isinstance(option, (msgspec.inspect.StructType, msgspec.inspect.ListType, msgspec.inspect.DictType)):
                return _wire_keys(data, option)
        return data
    if isinstance(info, msgspec.inspect.ListType) and isinstance(data, list):
        return [_wire_keys(item, info.item_type) for item in data]
    if isinstance(info, msgspec.inspect.DictType) and isinstance(data, dict):
        return {key: _wire_keys(value, info.value_type) for key, value in data.items()}
    return data


# --- encoding -------------------------------------------------------------------------


def to_wire(value: Any) -> Any:
    """Models -> dicts keyed by wire names (unset fields left out), lists and dicts
    recursively, datetimes -> ISO 8601 (naive ones are taken as UTC), dates -> YYYY-MM-DD."""
    return msgspec.to_builtins(_aware_datetimes(value) if _has_naive_datetime(value) else value)


_json_encoder = msgspec.json.Encoder()


def encode_json(value: Any) -> bytes:
    """JSON bytes with wire names; see :func:`to_wire`."""
    return _json_encoder.encode(to_wire(value))


def _is_naive(value: _dt.datetime) -> bool:
    return value.tzinfo is None or value.tzinfo.utcoffset(value) is None


def _has_naive_datetime(value: Any) -> bool:
    """Whether a naive datetime hides anywhere in ``value``; most bodies have none, and
    checking first avoids rebuilding them."""
    if isinstance(value, _dt.datetime):
        return _is_naive(value)
    if isinstance(value, Model):
        return any(_has_naive_datetime(getattr(value, name)) for name in value.__struct_fields__)
    if isinstance(value, (list, tuple)):
        return any(_has_naive_datetime(item) for item in value)
    if isinstance(value, dict):
        return any(_has_naive_datetime(item) for item in value.values())
    return False


def _aware_datetimes(value: Any) -> Any:
    """A copy of ``value`` with naive datetimes set to UTC (the API wants an offset)."""
    if isinstance(value, _dt.datetime):
        return value.replace(tzinfo=_dt.timezone.utc) if _is_naive(value) else value
    if isinstance(value, Model):
        return msgspec.structs.replace(
            value,
            **{
                name: _aware_datetimes(item)
                for name in value.__struct_fields__
                if (item := getattr(value, name)) is not UNSET
            },
        )
    if isinstance(value, (list, tuple)):
        return [_aware_datetimes(item) for item in value]
    if isinstance(value, dict):
        return {key: _aware_datetimes(item) for key, item in value.items()}
    return value


def _to_python_dict(model: Model) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name in model.__struct_fields__:
        value = getattr(model, name)
        if value is not UNSET:
            result[name] = _to_python_value(value)
    return result


def _to_python_value(value: Any) -> Any:
    if isinstance(value, Model):
        return _to_python_dict(value)
    if isinstance(value, list):
        return [_to_python_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _to_python_value(item) for key, item in value.items()}
    return value


# --- wire names as attribute aliases -------------------------------------------------------

_attribute_aliases: dict[type, dict[str, str]] = {}


def _field_for_attribute(cls: type, name: str) -> str:
    """The field a wire name stands for (``postalCode`` -> ``postal_code``); for any other
    unknown name, an ``AttributeError`` naming the closest field."""
    aliases = _attribute_aliases.get(cls)
    if aliases is None:
        fields = cls.__struct_fields__
        aliases = {wire: field for field, wire in zip(fields, cls.__struct_encode_fields__) if wire != field}
        _attribute_aliases[cls] = aliases
    field_name = aliases.get(name)
    if field_name is not None:
        return field_name
    if name.startswith("__"):  # copy, pickle and friends probe dunders: the plain error
        raise AttributeError(f"{cls.__name__!r} object has no attribute {name!r}")
    import difflib  # deferred: only a mistake needs it

    candidates = {field: field for field in cls.__struct_fields__}
    candidates.update({wire: field for wire, field in aliases.items()})
    lowered = {key.lower().replace("_", ""): field for key, field in candidates.items()}
    close = difflib.get_close_matches(name.lower().replace("_", ""), list(lowered), n=1, cutoff=0.6)
    hint = f"; did you mean {lowered[close[0]]!r}?" if close else ""
    raise AttributeError(f"{cls.__name__} has no field {name!r}{hint}", name=name, obj=cls)
