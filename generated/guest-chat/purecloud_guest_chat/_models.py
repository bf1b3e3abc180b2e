"""Model base class and JSON encoding/decoding for the generated SDK.

Generated model modules declare classes such as::

    class User(Model):
        id: str | None = None
        manager: User | None = None
        self_uri: str | None = field(name="selfUri", default=None)

Annotations are strings (``from __future__ import annotations``) that may name
classes living in other model modules which are not imported yet: importing every
model up front is what makes the official SDK slow to import. msgspec evaluates
annotations in the defining module's globals only when a decoder is built, so
:func:`resolve_type` first walks the closure of classes a type mentions, imports
just their modules through the ``models`` package's lazy map, and injects each
referenced class into the globals of the module that mentions it.

Every field defaults to ``None``, which means "not present": it is never encoded, so a
PATCH body sends only what was set, and reading any field needs one ``None`` check. To send
an explicit JSON ``null`` (clearing a field in a PATCH), assign :data:`NULL`. A ``null`` in a
response reads as ``None``. (``UNSET`` defaults, as older generated code has, still work.)
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

from ._lazy import resolve_annotations_lazily


class _Null:
    """The type of :data:`NULL`."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NULL"

    def __bool__(self) -> bool:
        return False

    def __reduce__(self) -> str:
        return "NULL"


# Assign to any model field to send an explicit JSON ``null`` (``None`` is not sent). Typed
# ``Any`` so that it fits every field's annotation.
NULL: Any = _Null()


def _absent(value: object) -> bool:
    """Not to be sent: ``None``, or ``UNSET`` (the default of models generated before)."""
    return value is None or value is UNSET


# Re-exported for generated model modules, which import everything they need from here.
date = _dt.date
datetime = _dt.datetime

__all__ = [
    "NULL",
    "UNSET",
    "Any",
    "Model",
    "UnsetType",
    "date",
    "datetime",
    "decode_json",
    "encode_json",
    "encode_request_json",
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

    def __new__(
        mcls: type[_ModelMeta],
        name: str,
        bases: tuple[type, ...],
        namespace: dict[str, Any],
        **options: Any,
    ) -> _ModelMeta:
        options.setdefault("kw_only", True)
        if "__sdk_discriminator__" in namespace and "__post_init__" not in namespace:
            namespace["__post_init__"] = _fill_tag
        module = namespace.get("__module__")
        if isinstance(module, str) and module != __name__:
            resolve_annotations_lazily(module, namespace)
        if namespace.get("__sdk_read_only__"):
            _read_only_declared.append(True)
        return super().__new__(mcls, name, bases, namespace, **options)


# Non-empty once a class with readOnly fields is defined: only then do request bodies need
# the walk that leaves those fields out.
_read_only_declared: list[bool] = []


# --- polymorphism ---------------------------------------------------------------------
# A class of a discriminated hierarchy declares ``__sdk_discriminator__ = (attribute, tag)``;
# a class with subtypes also ``__sdk_subtypes__ = {tag: class name}`` (every descendant).
# msgspec's own tagged unions reject an unknown tag, and a later API release may add a
# subtype, so a polymorphic class is decoded through a marker type instead: msgspec hands
# the marker's JSON object to :func:`_decode_polymorphic`, which picks the class by tag
# (the declared class for an unknown tag) and converts the object into it. Every other
# type keeps msgspec's native decoding.


def _fill_tag(self: Any) -> None:
    """``__post_init__`` of tagged classes: a model built in code sends its own tag."""
    attribute, tag = type(self).__sdk_discriminator__
    if _absent(getattr(self, attribute)):
        setattr(self, attribute, tag)


class _PolymorphicMarker(type):
    """Instances of the marker are the base class's instances (msgspec checks the result)."""

    __sdk_base__: type

    def __instancecheck__(cls, instance: Any) -> bool:
        return isinstance(instance, cls.__sdk_base__)


_MARKER_PREFIX = "_sdk_poly_"
_markers: dict[type, type] = {}


def _is_polymorphic(cls: type) -> bool:
    return bool(cls.__dict__.get("__sdk_subtypes__"))


def _marker(cls: type) -> type:
    marker = _markers.get(cls)
    if marker is None:
        attribute = cls.__sdk_discriminator__[0]  # type: ignore[attr-defined]
        wire_name = dict(zip(cls.__struct_fields__, cls.__struct_encode_fields__))[attribute]  # type: ignore[attr-defined]
        marker = _PolymorphicMarker(_MARKER_PREFIX + cls.__name__, (), {
            "__sdk_base__": cls, "__sdk_tag_field__": wire_name, "__module__": cls.__module__})
        _markers[cls] = marker
    return marker


def _decode_polymorphic(target: type, value: Any) -> Any:
    """msgspec's ``dec_hook``: the class named by the tag, or the declared one."""
    base = getattr(target, "__sdk_base__", None)
    if base is None:
        raise NotImplementedError(f"cannot decode {target!r}")
    cls = base
    if isinstance(value, dict):
        tag_field: str = target.__dict__["__sdk_tag_field__"]
        name = base.__sdk_subtypes__.get(value.get(tag_field))
        if name is not None:
            try:
                cls = _model_class(name)
            except LookupError:  # a subtype this copy of the SDK cannot load: keep the base
                cls = base
    _prepare(cls)
    try:
        return msgspec.convert(value, cls, strict=False, dec_hook=_decode_polymorphic)
    except msgspec.ValidationError as error:
        # as a ValueError, msgspec reports it with the path to this value in front
        raise ValueError(str(error)) from None


def _decodable(cls: type) -> type:
    """What msgspec is asked to decode for a model class."""
    return _marker(cls) if _is_polymorphic(cls) else cls


class Model(msgspec.Struct, metaclass=_ModelMeta, kw_only=True, omit_defaults=True):
    """Base of every generated model: a msgspec Struct keyed by wire names.

    Every field is optional (defaults to ``None``, not sent) so that a body can be built
    empty and filled in: ``body = CreateUser(); body.name = "x"``; ``body.name = NULL`` sends
    an explicit ``null``. The server validates required fields. Unknown fields in responses are ignored; enum-typed fields are
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
        return msgspec.convert(_wire_keys(data, _type_info(cls)), _decodable(cls), strict=False,
                               dec_hook=_decode_polymorphic)

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
            if not _absent(value := getattr(self, name))
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
        return _decodable(model)

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
                    if _is_polymorphic(referenced):
                        _decode_through_marker(owner, name, referenced, module_globals)
                    if referenced not in _prepared:
                        pending.append(referenced)


def _decode_through_marker(owner: type, name: str, cls: type, module_globals: dict) -> None:
    """Point ``owner``'s annotations naming ``cls`` at its marker (for msgspec only)."""
    marker = _marker(cls)
    module_globals[marker.__name__] = marker
    # the class's own annotation dict, edited in place (inspect.get_annotations gives a copy)
    annotations = owner.__dict__.get("__annotations__", {})  # noqa: RUF063
    pattern = re.compile(rf"\b{re.escape(name)}\b")
    for field_name, annotation in list(annotations.items()):
        if isinstance(annotation, str) and pattern.search(annotation):
            annotations[field_name] = pattern.sub(marker.__name__, annotation)


def _annotation_names(cls: type) -> set[str]:
    """Identifiers in the class's own string annotations, minus the builtin type names."""
    import inspect  # deferred: only needed once per class, and already loaded by dataclasses

    names: set[str] = set()
    for annotation in inspect.get_annotations(cls).values():
        if isinstance(annotation, str):  # a real type (no postponed annotations) needs nothing
            names.update(n for n in _IDENTIFIER.findall(annotation) if not n.startswith(_MARKER_PREFIX))
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
                target = _decodable(model)
            # strict=False: accept "12" for an int and the like, as lenient as the API is.
            decoder = msgspec.json.Decoder(target, strict=False, dec_hook=_decode_polymorphic)
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
    return msgspec.to_builtins(
        _aware_datetimes(value) if _has_naive_datetime(value) else value, enc_hook=_encode_other
    )


def _encode_other(value: Any) -> Any:
    if value is NULL:
        return None
    raise NotImplementedError(f"cannot encode {type(value).__name__} as JSON")


_json_encoder = msgspec.json.Encoder()


def encode_json(value: Any) -> bytes:
    """JSON bytes with wire names; see :func:`to_wire`."""
    return _json_encoder.encode(to_wire(value))


def encode_request_json(value: Any) -> bytes:
    """A request body: as :func:`encode_json`, without the fields the spec marks
    ``readOnly`` (the server sets them; ``to_json`` and ``to_dict`` still show them)."""
    if _read_only_declared:
        value = _without_read_only(value)
    return encode_json(value)


def _without_read_only(value: Any) -> Any:
    """``value`` with readOnly fields unset, copying only what changes."""
    if isinstance(value, Model):
        read_only = getattr(type(value), "__sdk_read_only__", ())
        changes: dict[str, Any] = {}
        for name in value.__struct_fields__:
            item = getattr(value, name)
            if _absent(item):
                continue
            if name in read_only:
                changes[name] = UNSET
            elif isinstance(item, (Model, list, dict)):
                replaced = _without_read_only(item)
                if replaced is not item:
                    changes[name] = replaced
        return msgspec.structs.replace(value, **changes) if changes else value
    if isinstance(value, (list, tuple)):
        items = [_without_read_only(item) for item in value]
        return items if any(a is not b for a, b in zip(items, value)) else value
    if isinstance(value, dict):
        entries = {key: _without_read_only(item) for key, item in value.items()}
        return entries if any(entries[k] is not value[k] for k in value) else value
    return value


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
                if not _absent(item := getattr(value, name))
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
        if not _absent(value):
            result[name] = _to_python_value(value)
    return result


def _to_python_value(value: Any) -> Any:
    if value is NULL:
        return None
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
