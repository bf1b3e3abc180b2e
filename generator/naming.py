"""Every identifier rule of the generated SDK, in one place.

The IR builder calls these once per node and stores the results (``python_name``,
``class_name``, ``module_name``); nothing downstream converts case again.

Results are small ``str`` subclasses so that an unchecked string cannot pass for a
checked identifier by mistake. Rules, in the order they apply:

1. words: split on any character that is not a letter or digit, and on case changes
   the way the official SDK (openapi-generator's ``underscore``) does, so that
   ``getUserQueues`` -> ``get_user_queues`` and ``userID`` -> ``user_id``;
2. a name starting with a digit gets a prefix (``var_`` for members, ``Model`` /
   ``Api`` for classes, ``m_`` for modules);
3. a name that is a reserved word (:data:`RESERVED_WORDS`, pinned: the same on every
   Python), or would shadow a name the generated code itself
   uses in that scope (annotation types such as ``str`` or ``list``, the Model and
   API base-class members), gets a trailing ``_``. Builtins such as ``id`` and
   ``type`` stay as they are for attributes and parameters: the official SDK uses
   them, scripts depend on them, and they shadow nothing the generated code uses;
4. collisions are resolved deterministically by :func:`unique_names`, comparing
   case-insensitively (two modules ``Abc.py`` and ``abc.py`` cannot coexist on
   macOS or Windows).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from .stdlib_names import STDLIB_MODULE_NAMES


class Identifier(str):
    """A valid snake_case Python identifier (attribute, parameter, method)."""


class ClassName(str):
    """A valid PascalCase class name."""


class ModuleName(str):
    """A valid, lower-case module name."""


# Pinned, not read from ``keyword``: ``keyword.softkwlist`` grows with Python (``type`` on 3.12),
# and a name must not change with the interpreter that runs sdkgen. The hard keywords of
# 3.10 to 3.13 (identical on all four), plus ``match`` and ``case``: soft keywords since 3.10,
# reserved since sdkgen's first release, so module names published as ``match_`` do not move.
# ``type`` (3.12) is not reserved: a legal identifier everywhere, spelled so by the spec and
# the official SDK. tests/unit/test_naming_interpreters.py proves the pin on each Python.
HARD_KEYWORDS = frozenset({
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
    "try", "while", "with", "yield",
})
RESERVED_WORDS = HARD_KEYWORDS | frozenset({"match", "case"})
_KEYWORDS = RESERVED_WORDS

# Names the generated code writes into annotations or relies on inside class bodies.
# A member with one of these names would shadow it for every later annotation.
ANNOTATION_NAMES = frozenset(
    {"str", "int", "float", "bool", "bytes", "list", "dict", "object", "date",
     "datetime", "Any", "UnsetType", "UNSET", "field", "Model", "None", "typing"}
)
# Members of the generated Model base class (runtime/_models.py) and msgspec.Struct.
MODEL_MEMBERS = frozenset(
    {"to_dict", "to_json", "from_dict", "from_json", "to_str", "copy", "validate"}
)
# Members of the generated API base classes (runtime/_base_api.py) and method locals.
API_MEMBERS = frozenset(
    {"self", "api_client", "request_options", "with_extended_response", "close"}
)
# Module-level names of generated modules that a class may not take: what their code and
# annotations refer to (``AttributeError`` is raised by the lazy ``__init__`` modules, which
# cache every class they load in their globals). Other builtins (``Warning``, ``Exception``)
# are legal class names the generated code never uses, and stay as the spec spells them;
# a list of every capitalised builtin would also differ per Python (``ExceptionGroup``, 3.11).
CLASS_RESERVED = ANNOTATION_NAMES | frozenset(
    {"OperationSpec", "ParamSpec", "RequestOptions", "BaseApi", "AsyncBaseApi", "Struct",
     "TYPE_CHECKING", "Optional", "Union", "BinaryIO", "PathLike", "AttributeError",
     "DeprecationWarning"}
)

# Where words part: punctuation and spaces, an acronym and the capitalised word after it
# (``HTTPServer``), a lower case letter or digit and a capital (``getUser``, ``v2Api``).
# Zero-width splits, so no replacement template runs per match: a third of the time of
# inserting "_" with two substitutions and splitting after, with the same words.
_WORD_BOUNDARY = re.compile(r"[^0-9A-Za-z]+|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[a-z\d])(?=[A-Z])")
_NON_WORD = re.compile(r"[^0-9A-Za-z]+")


@lru_cache(maxsize=65536)
def words(name: str) -> tuple[str, ...]:
    """Split any spelling (camelCase, PascalCase, snake_case, dotted, spaced) into words."""
    if not name.isascii():  # "ünïcode" -> "unicode": keep the letters, drop the accents
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return tuple(w for w in _WORD_BOUNDARY.split(name) if w)


@lru_cache(maxsize=65536)
def snake_case(name: str) -> str:
    """``getUserQueues`` -> ``get_user_queues``; punctuation becomes ``_``."""
    return "_".join(w.lower() for w in words(name))


@lru_cache(maxsize=65536)
def pascal_case(name: str) -> str:
    """``speech & text analytics`` -> ``SpeechTextAnalytics``; keeps inner capitals
    (``OAuth`` stays ``OAuth``, ``eventTopic`` -> ``EventTopic``)."""
    parts = [p for p in _NON_WORD.split(name) if p]
    return "".join(p[:1].upper() + p[1:] for p in parts)


def _member(name: str, reserved: frozenset[str]) -> Identifier:
    result = snake_case(name) or "value"
    if result[0].isdigit():
        result = "var_" + result
    if result in _KEYWORDS or result in reserved or result in ANNOTATION_NAMES:
        result += "_"
    return Identifier(result)


@lru_cache(maxsize=65536)
def property_name(wire_name: str) -> Identifier:
    """A model attribute: ``primaryContactInfo`` -> ``primary_contact_info``."""
    return _member(wire_name, MODEL_MEMBERS)


@lru_cache(maxsize=65536)
def parameter_name(wire_name: str) -> Identifier:
    """A method keyword argument: ``userId`` -> ``user_id``."""
    return _member(wire_name, API_MEMBERS)


def method_name(x_method_name: str | None, operation_id: str | None, fallback: str) -> Identifier:
    """``x-purecloud-method-name``, else operationId, else ``fallback`` (method + path)."""
    source = x_method_name or operation_id or fallback
    return _member(source, API_MEMBERS | MODEL_MEMBERS)


@lru_cache(maxsize=65536)
def class_name(definition_name: str) -> ClassName:
    """A model class from a definition name: ``Foo.Bar-baz`` -> ``FooBarBaz``."""
    result = pascal_case(definition_name) or "Model"
    if result[0].isdigit():
        result = "Model" + result
    if result in CLASS_RESERVED or result in _KEYWORDS:
        result += "_"
    return ClassName(result)


def api_class_name(tag: str) -> ClassName:
    """An API class from a tag: ``Speech &amp; Text Analytics`` -> ``SpeechTextAnalyticsApi``."""
    tag = tag.replace("&amp;", " ")
    result = pascal_case(tag) or "Default"
    if result[0].isdigit():
        result = "Api" + result
    return ClassName(result + "Api")


def module_name(name: str) -> ModuleName:
    """A module file name from any name: ``UsersApi`` -> ``users_api``."""
    result = snake_case(name) or "module"
    if result[0].isdigit():
        result = "m_" + result
    if result in _KEYWORDS or result.startswith("__"):
        result += "_"
    return ModuleName(result)


def model_module_name(definition_name: str) -> ModuleName:
    """The module a model class lives in: its first word (``UserEntityListing`` -> ``user``).

    Grouping related models in one module keeps the wheel small (one small file per
    model costs ~0.8 KB of zip overhead each, 6,600 times) while importing one model
    still loads only its family. The rule looks at the name alone, so a model never
    moves module when unrelated models come and go.
    """
    first = words(pascal_case(definition_name) or "model")[:1] or ("model",)
    return module_name(first[0])


def unique_names(names: Iterable[tuple[str, str]], suffix_sep: str = "") -> dict[str, str]:
    """Resolve collisions: ``(key, wanted name)`` pairs -> ``{key: unique name}``.

    Keys are handled in sorted order, so the first in sort order keeps the plain name
    and the others get ``2``, ``3``... (with ``suffix_sep`` in front). Names are compared
    case-insensitively.
    """
    pairs = list(names)
    if len({wanted.lower() for _, wanted in pairs}) == len(pairs):
        return dict(pairs)  # no collision: nothing to resolve
    taken: set[str] = set()
    result: dict[str, str] = {}
    for key, wanted in sorted(pairs):
        candidate, n = wanted, 1
        while candidate.lower() in taken:
            n += 1
            candidate = f"{wanted}{suffix_sep}{n}"
        taken.add(candidate.lower())
        result[key] = type(wanted)(candidate) if isinstance(wanted, str) else candidate
    return result


def package_problem(package: str) -> str | None:
    """Why ``package`` cannot name a generated SDK, or None when it can."""
    if not package.isidentifier() or not package.isascii():
        return f"{package!r} is not a valid Python package name"
    if package in RESERVED_WORDS:
        return f"{package!r} is a Python keyword"
    if package in STDLIB_MODULE_NAMES:
        return (f"{package!r} is a standard-library module: the SDK would install but "
                f"`import {package}` would load the standard library's; choose another name")
    return None


# The companion project of a generated SDK that holds the one-line ``.pyi`` stubs of the
# official per-model import paths (``<package>/models/user_me.pyi``): a folder of the output
# with its own pyproject, released with the SDK at the same version, installed by the SDK's
# ``model-stubs`` extra. Its wheel adds files to the SDK's package folder and nothing else.
MODEL_STUBS_FOLDER = "model-stubs"
MODEL_STUBS_EXTRA = "model-stubs"


def model_stubs_distribution(distribution: str) -> str:
    """``purecloud-platform-sdk`` -> ``purecloud-platform-sdk-model-stubs``."""
    return f"{distribution}-model-stubs"


def top_level_alias(class_name: str, taken: Iterable[str]) -> str:
    """The package-level name of a model whose class name a runtime or API export already
    holds there: ``ApiResponse`` -> ``ApiResponseModel`` (then ``ApiResponseModel2``...).
    The class keeps its name in ``<package>.models``."""
    taken = {name.lower() for name in taken}
    candidate, n = f"{class_name}Model", 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{class_name}Model{n}"
    return candidate


@lru_cache(maxsize=65536)
def constant_name(value: str) -> Identifier:
    """An enum member: ``"in-progress"`` -> ``IN_PROGRESS``, ``"1d"`` -> ``VALUE_1D``,
    ``""`` -> ``EMPTY``. Members are upper case, so no keyword or Enum attribute is hit."""
    result = "_".join(w.upper() for w in words(value))
    if not result:
        return Identifier("EMPTY")
    if result[0].isdigit():
        result = "VALUE_" + result
    return Identifier(result)


def free_name(wanted: str, taken: set[str]) -> str:
    """``wanted``, or ``wanted2``, ``wanted3``... : the first not in ``taken`` (lower-cased
    names), for names made one at a time (inline schemas) rather than all at once."""
    candidate, n = wanted, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{wanted}{n}"
    return type(wanted)(candidate) if isinstance(wanted, str) else candidate


# --- notification topics -------------------------------------------------------------------

_TOPIC_PLACEHOLDER = re.compile(r"^\{(.*)\}$")


def topic_function_name(pattern: str) -> Identifier:
    """The helper building a topic name: its literal segments after the ``v2`` version,
    snake_case: ``v2.users.{id}.routingStatus`` -> ``users_routing_status``,
    ``v2.detail.events.conversation.{id}.acd.start`` -> ``detail_events_conversation_acd_start``.
    Collisions are resolved by :func:`topic_function_names`."""
    segments = pattern.split(".")
    if len(segments) > 1 and re.fullmatch(r"v\d+", segments[0]):
        segments = segments[1:]
    literal = [s for s in segments if not _TOPIC_PLACEHOLDER.match(s)]
    return _member("_".join(literal) or "topic", frozenset(
        {"topics", "sys", "annotations", "topic_models", "fetch_topic_models", "afetch_topic_models",
         "notification_models"}
    ))


def topic_function_names(patterns: Iterable[str]) -> dict[str, Identifier]:
    """``{pattern: helper name}``, unique: where two patterns share a name (``v2.flows`` and
    ``v2.flows.{id}``), the one with placeholders gets ``_by_<placeholders>``; any collision
    left gets ``_2``, ``_3``... in pattern order."""
    patterns = sorted(set(patterns))
    wanted = {p: topic_function_name(p) for p in patterns}
    counts: dict[str, int] = {}
    for name in wanted.values():
        counts[name] = counts.get(name, 0) + 1
    for pattern, name in wanted.items():
        parameters = topic_parameter_names(pattern)
        if counts[name] > 1 and parameters:
            wanted[pattern] = Identifier(f"{name}_by_{'_'.join(parameters)}")
    return {p: Identifier(n) for p, n in unique_names(wanted.items(), "_").items()}


def topic_parameter_names(pattern: str) -> tuple[Identifier, ...]:
    """Python names of a pattern's placeholders, in order. Unique placeholders keep their
    name (``{id}`` -> ``id``, ``{userId}`` -> ``user_id``); a repeated one is prefixed with
    the literal segment before it: ``v2.users.{id}.outbound.contactlists.{id}.export`` ->
    ``(users_id, contactlists_id)``."""
    segments = pattern.split(".")
    found: list[tuple[str, str]] = []  # (placeholder, preceding literal segment)
    previous = ""
    for segment in segments:
        match = _TOPIC_PLACEHOLDER.match(segment)
        if match:
            found.append((match.group(1), previous))
        else:
            previous = segment
    placeholders = [name for name, _ in found]
    names = [
        parameter_name(name if placeholders.count(name) == 1 else f"{before}_{name}")
        for name, before in found
    ]
    resolved = unique_names(((f"{i:04d}", n) for i, n in enumerate(names)), "_")
    return tuple(Identifier(resolved[f"{i:04d}"]) for i in range(len(names)))
