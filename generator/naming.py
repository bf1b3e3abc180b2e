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
3. a name that is a Python keyword, or would shadow a name the generated code itself
   uses in that scope (annotation types such as ``str`` or ``list``, the Model and
   API base-class members), gets a trailing ``_``. Builtins such as ``id`` and
   ``type`` stay as they are for attributes and parameters: the official SDK uses
   them, scripts depend on them, and they shadow nothing the generated code uses;
4. collisions are resolved deterministically by :func:`unique_names`, comparing
   case-insensitively (two modules ``Abc.py`` and ``abc.py`` cannot coexist on
   macOS or Windows).
"""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache


class Identifier(str):
    """A valid snake_case Python identifier (attribute, parameter, method)."""


class ClassName(str):
    """A valid PascalCase class name."""


class ModuleName(str):
    """A valid, lower-case module name."""


_KEYWORDS = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) - {"_"}

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
# Module-level names of generated modules that a class may not take.
CLASS_RESERVED = ANNOTATION_NAMES | frozenset(
    {"OperationSpec", "ParamSpec", "RequestOptions", "BaseApi", "AsyncBaseApi",
     "Struct", "TYPE_CHECKING", "Optional", "Union", "Literal"}
) | frozenset(name for name in dir(builtins) if name[:1].isupper())

_SPLIT_ACRONYM = re.compile(r"([A-Z]+)([A-Z][a-z])")
_SPLIT_LOWER_UPPER = re.compile(r"([a-z\d])([A-Z])")
_NON_WORD = re.compile(r"[^0-9A-Za-z]+")


@lru_cache(maxsize=65536)
def words(name: str) -> tuple[str, ...]:
    """Split any spelling (camelCase, PascalCase, snake_case, dotted, spaced) into words."""
    if not name.isascii():  # "ünïcode" -> "unicode": keep the letters, drop the accents
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    name = _SPLIT_ACRONYM.sub(r"\1_\2", name)
    name = _SPLIT_LOWER_UPPER.sub(r"\1_\2", name)
    return tuple(w for w in _NON_WORD.split(name) if w)


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
