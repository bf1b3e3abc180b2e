"""The Python surface of a generated SDK: what its users import, call and annotate.

Built once from the IR by :func:`generator.surface.build.build_surface`; render formats
it, the ``python`` diff policy compares two of them, the shape manifest dumps it. Every
Python type the SDK spells is a :class:`PyType` made in one place
(:mod:`generator.surface.types`), so no two stages can disagree about it.

All nodes are frozen, slotted dataclasses holding tuples. See docs/surface.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

PyTypeKind = Literal["scalar", "list", "dict", "union", "class", "any", "upload", "none"]
NamedKind = Literal["class", "enum", "alias"]

# Names an annotation may use that need no import from a models module.
BUILTIN_NAMES = frozenset({"str", "int", "float", "bool", "bytes", "list", "dict", "None"})


@dataclass(frozen=True, slots=True)
class PyType:
    """One Python type as generated code spells it, as a small tree.

    kind:
      - ``scalar``: ``str int float bool bytes date datetime``;
      - ``list`` / ``dict``: ``args`` holds the item / value type (keys are ``str``);
      - ``union``: ``args`` holds the alternatives (``int | str``: Kubernetes int-or-string);
      - ``class``: a generated model class (``class_name`` in models module ``module``);
      - ``any``: no usable type information (decoded as JSON gives it);
      - ``upload``: a formData file (bytes, a path, a binary file or a tuple);
      - ``none``: no body at all (an operation returning nothing).
    text: the annotation (``list[User]``); also the runtime's type expression.
    named: the enum or alias definition the type was reached through, if any (an enum or
      alias is spelled as what it stands for, so replacing a ``$ref`` to it by the same
      inline schema changes nothing users see; ``named`` is for documentation only).
    values: the allowed values (an enum, or the items' enum of a list), as the spec lists
      them; generated code never rejects other values.
    polymorphic: a class with discriminated subtypes: decoding picks the subtype.
    """

    kind: PyTypeKind
    text: str
    args: tuple[PyType, ...] = ()
    class_name: str | None = None
    module: str | None = None
    named: str | None = None
    values: tuple[object, ...] | None = None
    polymorphic: bool = False

    def walk(self):
        """This type and every type inside it, outermost first."""
        yield self
        for arg in self.args:
            yield from arg.walk()

    @property
    def classes(self) -> tuple[tuple[str, str], ...]:
        """``(models module, class name)`` of every class the annotation mentions, sorted."""
        return tuple(sorted({(t.module or "", t.class_name) for t in self.walk() if t.kind == "class" and t.class_name}))

    @property
    def imports(self) -> frozenset[str]:
        """Names the annotation needs besides builtins: ``Any``, ``date``, ``datetime`` and
        the class names (``classes`` says from where)."""
        names: set[str] = set()
        for t in self.walk():
            if t.kind == "any":
                names.add("Any")
            elif t.kind == "class" and t.class_name:
                names.add(t.class_name)
            elif t.kind == "scalar" and t.text in ("date", "datetime"):
                names.add(t.text)
            elif t.kind == "dict" and not t.args:
                names.add("Any")
        return frozenset(names)


@dataclass(frozen=True, slots=True)
class FieldSurface:
    """One attribute of a model class. Every attribute is ``T | None`` and defaults to
    ``None`` (not sent), so a model can be built empty and filled in, whatever ``required``
    says; reading one needs a single ``None`` check."""

    python_name: str
    wire_name: str
    type: PyType
    required: bool
    read_only: bool
    deprecated: bool
    description: str | None
    pointer: str
    example: object = None
    default: object = None  # the spec's default (documented; the server applies it)

    @property
    def annotation(self) -> str:
        return f"{self.type.text} | None"


@dataclass(frozen=True, slots=True)
class EnumMember:
    """An importable constant of an enum type: ``SortOrder.ASCENDING == "ascending"``."""

    name: str
    value: object


@dataclass(frozen=True, slots=True)
class NamedType:
    """One definition of the spec, importable by its Python name from ``<pkg>.models``.

    kind:
      - ``class``: a model class; ``fields`` are all its attributes (inherited ones
        included, spec order), ``own_fields`` those its class body declares (the rest come
        from ``base``). ``discriminator`` is the python name of the tag attribute,
        ``tag`` this class's tag value and ``subtypes`` every descendant by tag value,
        when the class is part of a discriminated hierarchy;
      - ``enum``: a string enum type with ``members``; values are plain ``str`` on the
        wire and in annotations (``str`` never rejects a value the API adds later);
      - ``alias``: a type alias for ``alias_of`` (free-form objects, lists, maps, scalars
        and non-string enums).
    """

    name: str  # Python name
    definition: str  # the spec's name (or the synthesized name of an inline schema)
    module: str  # models module
    kind: NamedKind
    pointer: str
    description: str | None = None
    fields: tuple[FieldSurface, ...] = ()
    own_fields: tuple[FieldSurface, ...] = ()
    base: str | None = None  # class name of the base class (a model class), else Model
    base_module: str | None = None
    discriminator: str | None = None
    discriminator_wire_name: str | None = None
    tag: str | None = None
    subtypes: tuple[tuple[str, str], ...] = ()  # (tag value, class name), sorted by tag
    members: tuple[EnumMember, ...] = ()
    alias_of: PyType | None = None
    is_notification_schema: bool = False
    inline: bool = False  # synthesized from an inline schema

    @property
    def polymorphic(self) -> bool:
        return bool(self.subtypes)


@dataclass(frozen=True, slots=True)
class ParamSurface:
    """One parameter of an API method. location is the runtime's ParamSpec location:
    ``path query header body form file``."""

    python_name: str
    wire_name: str
    location: str
    type: PyType
    required: bool
    collection_format: str | None
    description: str | None
    deprecated: bool
    pointer: str
    default: object = None  # the spec's default (documented; None = not sent, the server applies it)


@dataclass(frozen=True, slots=True)
class MethodSurface:
    """One operation as a method of the API classes of its tags."""

    python_name: str
    operation_id: str
    http_method: str  # upper case
    path: str
    key: str  # ``GET /users``
    params: tuple[ParamSurface, ...]  # spec order (what the OperationSpec lists)
    returns: PyType  # kind ``none``: no body
    auth: tuple[str, ...]
    consumes: tuple[str, ...]
    produces: tuple[str, ...]
    deprecated: bool
    preview: bool
    summary: str | None
    description: str | None
    pointer: str

    @property
    def signature(self) -> tuple[ParamSurface, ...]:
        """Required parameters first (positional), then optional ones (keyword-only)."""
        return tuple(p for p in self.params if p.required) + tuple(p for p in self.params if not p.required)


@dataclass(frozen=True, slots=True)
class ApiClassSurface:
    """One tag: ``UsersApi`` and its async twin, in module ``apis/<module>.py``."""

    name: str
    async_name: str
    module: str
    tag: str
    description: str | None
    methods: tuple[MethodSurface, ...]  # sorted by python name


@dataclass(frozen=True, slots=True)
class Surface:
    """The whole public surface of one SDK."""

    title: str
    version: str
    types: tuple[NamedType, ...]  # spec order (definitions, then inline schemas)
    apis: tuple[ApiClassSurface, ...]  # sorted by class name
    methods: tuple[MethodSurface, ...]  # spec order
    types_by_definition: dict[str, NamedType] = field(default_factory=dict, compare=False, hash=False)
    # The generator.surface.types.TypeMapper that made the types: callers holding an IR
    # type (the diff walks IR nodes) get its PyType from here, never compute their own.
    mapper: object = field(default=None, compare=False, hash=False, repr=False)

    def type_of(self, type_ref) -> PyType:
        """The PyType of an IR ``TypeRef`` of this API (``None``: ``Any``)."""
        return self.mapper.type_of(type_ref)  # type: ignore[attr-defined]

    def returns(self, type_ref) -> PyType:
        """What a method returning ``type_ref`` returns (``None``: kind ``none``)."""
        return self.mapper.returns(type_ref)  # type: ignore[attr-defined]

    @property
    def classes(self) -> tuple[NamedType, ...]:
        return tuple(t for t in self.types if t.kind == "class")

    def modules(self) -> dict[str, tuple[NamedType, ...]]:
        """Models module -> the named types it defines (sorted by Python name); modules sorted."""
        grouped: dict[str, list[NamedType]] = {}
        for named in self.types:
            grouped.setdefault(named.module, []).append(named)
        return {module: tuple(sorted(grouped[module], key=lambda t: t.name)) for module in sorted(grouped)}
