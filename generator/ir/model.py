"""The intermediate representation (IR): the one typed, immutable view of a spec.

Built once by :mod:`generator.ir.build` (the only code that reads raw spec dicts);
read by ``render``, ``diff`` and ``release``. Every node is a frozen, slotted
dataclass holding tuples, so it can be shared, hashed and compared freely.

Names are computed once by :mod:`generator.naming` and stored on the nodes
(``python_name``, ``class_name``, ``module_name``); templates never convert case.
``wire_name`` is always the name exactly as the spec writes it.

Raw details that only the diff needs (how a ``type`` was spelled, whether
``required`` was absent or ``false``, a path item's key order) are kept in the
``raw_*`` fields so that no later stage has to re-read the spec file.

See docs/ir.md for the contract and its stability promise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

JsonValue = object  # a value as JSON decoding produced it (str, int, float, bool, None, ...)

TypeKind = Literal["primitive", "array", "map", "model", "any"]
PrimitiveName = Literal["string", "integer", "number", "boolean", "file", "object"]
ParameterLocation = Literal["path", "query", "header", "body", "formData"]


@dataclass(frozen=True, slots=True)
class TypeRef:
    """The type of a property, parameter, response or array item.

    kind:
      - ``primitive``: ``name`` is the JSON type (``string``, ``integer``, ...);
        ``format`` refines it (``date-time``, ``date``, ``int64``, ``binary``, ...).
        ``name == "file"`` is a formData upload. ``name == "object"`` is a free-form
        object with no properties (decoded as ``dict``).
      - ``array``: ``items`` is the element type.
      - ``map``: an object with ``additionalProperties``; ``items`` is the value type.
      - ``model``: ``model`` is the definition name (a key of ``Api.models_by_name``).
      - ``any``: no usable type information (decoded as-is).
    enum: the allowed values exactly as the spec lists them (``None`` when not an enum;
      an empty tuple is still an enum). Generated code never rejects unknown values.
    raw_type / raw_ref / raw_format: the spelling in the spec (``type`` as written,
      ``$ref`` as written), for the diff's display strings.
    """

    kind: TypeKind
    name: PrimitiveName | None = None
    format: str | None = None
    items: TypeRef | None = None
    model: str | None = None
    enum: tuple[JsonValue, ...] | None = None
    raw_type: str | None = None
    raw_ref: str | None = None
    raw_format: str | None = None
    nullable: bool = False

    def referenced_models(self) -> tuple[str, ...]:
        """Definition names this type mentions, outermost first, without repeats."""
        found: list[str] = []
        node: TypeRef | None = self
        while node is not None:
            if node.model is not None and node.model not in found:
                found.append(node.model)
            node = node.items
        return tuple(found)


@dataclass(frozen=True, slots=True)
class Property:
    """One property of a model."""

    wire_name: str
    python_name: str
    type: TypeRef
    required: bool
    pointer: str
    description: str | None = None
    read_only: bool = False
    deprecated: bool = False
    default: JsonValue | None = None
    example: JsonValue | None = None


@dataclass(frozen=True, slots=True)
class Model:
    """One definition of the spec.

    kind:
      - ``object``: a class with ``properties`` (``allOf`` parents are flattened in,
        their names kept in ``parents``);
      - ``enum``: a definition that is only an enum of scalars (``enum_type``);
      - ``alias``: any other non-object definition (array, map, primitive): ``alias_of``.
    has_properties_key: whether the definition has a ``properties`` key at all
      (``{}`` counts); the Genesys rules depend on it.
    required: the raw ``required`` list, in spec order.
    dependencies: every definition name this model's properties mention, sorted.
    """

    name: str
    class_name: str
    module_name: str
    kind: Literal["object", "enum", "alias"]
    pointer: str
    properties: tuple[Property, ...] = ()
    required: tuple[str, ...] = ()
    has_properties_key: bool = False
    description: str | None = None
    parents: tuple[str, ...] = ()
    additional_properties: TypeRef | None = None
    enum_type: TypeRef | None = None
    alias_of: TypeRef | None = None
    discriminator: str | None = None
    is_notification_schema: bool = False
    dependencies: tuple[str, ...] = ()
    # Keys of the definition's own ``properties`` in file order (``properties`` also
    # holds the ones flattened in from ``allOf`` parents); None = not recorded by the
    # builder (then every property counts as own). The Genesys rules see only these.
    own_property_names: tuple[str, ...] | None = None
    # The definitions the schema's own ``allOf`` refers to, in order (``parents`` also
    # lists their ancestors): the candidates for a generated class's base class.
    bases: tuple[str, ...] = ()
    # ``x-ms-discriminator-value``: the tag value naming this subtype (None: its name).
    discriminator_value: str | None = None
    # Synthesized from an inline schema (an object with properties that is not a
    # definition); ``name`` then is derived from where it stands, ``pointer`` is that place.
    inline: bool = False


@dataclass(frozen=True, slots=True)
class Parameter:
    """One parameter of an operation (path-level parameters are merged in).

    For ``location == "body"`` the ``type`` is the body schema's type.
    raw_required keeps ``None`` (absent) apart from ``False`` for the diff.
    collection_format: for arrays in query/header/formData (``csv``, ``multi``, ...).
    """

    wire_name: str
    python_name: str
    location: ParameterLocation
    type: TypeRef
    required: bool
    pointer: str
    description: str | None = None
    collection_format: str | None = None
    default: JsonValue | None = None
    deprecated: bool = False
    raw_required: JsonValue | None = None
    raw_in: str | None = None
    # True when the parameter comes from the path item's own ``parameters`` (merged
    # into each operation); the Genesys rules only look at operation-level ones.
    path_level: bool = False


@dataclass(frozen=True, slots=True)
class Response:
    """One response of an operation, keyed by its status code as a string."""

    status: str
    pointer: str
    description: str | None = None
    type: TypeRef | None = None
    headers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Operation:
    """One HTTP operation.

    http_method is lower-case as in the spec. python_name is the snake_case method
    name from ``x-purecloud-method-name`` (else ``operationId``).
    success_type is the type of the lowest 2xx response with a schema (``None``:
    no body, the method returns ``None``). parameters keep spec order; the
    generated method signature orders them with :attr:`signature_parameters`.
    """

    operation_id: str | None
    method_name: str | None  # x-purecloud-method-name as written
    python_name: str
    http_method: str
    path: str
    pointer: str
    tags: tuple[str, ...]
    parameters: tuple[Parameter, ...]
    responses: tuple[Response, ...]
    summary: str | None = None
    description: str | None = None
    deprecated: bool = False
    preview: bool = False
    consumes: tuple[str, ...] = ()
    produces: tuple[str, ...] = ()
    security: tuple[str, ...] = ()  # names of security schemes; () = no auth
    success_type: TypeRef | None = None
    # ``tags`` as written (string entries, file order, ``()`` when absent), before the
    # ``Default`` tag is filled in; None = not recorded by the builder (use ``tags``).
    raw_tags: tuple[str, ...] | None = None

    @property
    def key(self) -> str:
        """``GET /api/v2/users``: the group key the diff and messages use."""
        return f"{self.http_method.upper()} {self.path}"

    @property
    def body(self) -> Parameter | None:
        return next((p for p in self.parameters if p.location == "body"), None)

    @property
    def signature_parameters(self) -> tuple[Parameter, ...]:
        """Required parameters first (spec order), then optional ones (spec order)."""
        required = tuple(p for p in self.parameters if p.required)
        optional = tuple(p for p in self.parameters if not p.required)
        return required + optional


@dataclass(frozen=True, slots=True)
class PathItem:
    """A path of the spec with every key of its path item in file order.

    keys includes non-operation keys (``parameters``, ``x-...``): the Genesys rules
    treat each key as an operation. operations are the HTTP operations under it.
    """

    path: str
    pointer: str
    keys: tuple[str, ...]
    operations: tuple[Operation, ...]


@dataclass(frozen=True, slots=True)
class ApiGroup:
    """One API class: all operations carrying a tag (an operation with several tags
    is in several groups). operations are sorted by python_name."""

    tag: str
    class_name: str  # UsersApi
    module_name: str  # users_api
    description: str | None
    operations: tuple[Operation, ...]


@dataclass(frozen=True, slots=True)
class SecurityScheme:
    name: str
    type: str  # oauth2 | apiKey | basic
    location: str | None = None  # apiKey: header | query
    parameter_name: str | None = None  # apiKey: header/query name
    flow: str | None = None
    authorization_url: str | None = None
    token_url: str | None = None
    scopes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Api:
    """The whole spec. Lookups by name go through the ``*_by_*`` maps."""

    title: str
    version: str
    host: str | None
    base_path: str
    schemes: tuple[str, ...]
    source: str  # file or URL it was loaded from, for messages
    paths: tuple[PathItem, ...]
    operations: tuple[Operation, ...]  # spec order
    models: tuple[Model, ...]  # spec order
    groups: tuple[ApiGroup, ...]  # sorted by class_name
    security_schemes: tuple[SecurityScheme, ...] = ()
    description: str | None = None
    models_by_name: dict[str, Model] = field(default_factory=dict, compare=False, hash=False)

    def model(self, name: str) -> Model:
        return self.models_by_name[name]
