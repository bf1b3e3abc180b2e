"""JavaScript semantics the Genesys reference implementation relies on.

The official swagger-diff is JavaScript: it walks objects in JS key order, compares
values with ``===`` and prints them with template strings. Reproducing its output
byte for byte means reproducing those three behaviours.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")

_MAX_ARRAY_INDEX = 2**32 - 2


class _Undefined:
    """JavaScript ``undefined``: how an absent spec value prints in a bullet."""

    def __repr__(self) -> str:
        return "undefined"


UNDEFINED = _Undefined()


def is_array_index(key: str) -> bool:
    """Whether JS treats ``key`` as an integer index (those come first, ascending)."""
    if not key or not key.isascii() or not key.isdigit():
        return False
    if len(key) > 1 and key[0] == "0":
        return False
    return int(key) <= _MAX_ARRAY_INDEX


def js_key_order(keys: Iterable[T], key_of=lambda item: item) -> list[T]:
    """Items in the order JS enumerates object keys: integer-like keys ascending,
    then every other key in insertion (file) order."""
    items = list(keys)
    numeric = [item for item in items if is_array_index(key_of(item))]
    if not numeric:  # the usual case: file order as is
        return items
    numeric.sort(key=lambda item: int(key_of(item)))
    return numeric + [item for item in items if not is_array_index(key_of(item))]


def js_truthy(value: object) -> bool:
    if value is None or value is UNDEFINED or value is False:
        return False
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value != 0 and not (isinstance(value, float) and math.isnan(value))
    if isinstance(value, str):
        return value != ""
    return True  # objects and arrays, even empty ones


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def js_strict_equal(a: object, b: object) -> bool:
    """``a === b`` for values decoded from JSON: numbers by value (1 === 1.0), no
    coercion between types, and distinct objects/arrays never equal."""
    if _is_number(a) and _is_number(b):
        return a == b  # NaN != NaN, as in JS
    if isinstance(a, (list, tuple, dict)) or isinstance(b, (list, tuple, dict)):
        return False
    if type(a) is not type(b):
        return False
    return a == b


def _identity(value: object) -> tuple | None:
    """A hashable stand-in such that two values are ``===`` iff their stand-ins are
    equal; None for values equal to nothing (NaN, objects and arrays)."""
    if _is_number(value):
        number = float(value)  # JS numbers are doubles: 1 === 1.0
        return None if math.isnan(number) else ("number", number)
    if isinstance(value, (list, tuple, dict)):
        return None
    return (type(value).__name__, value)


def js_missing(values: Iterable[object], others: Iterable[object]) -> list[object]:
    """The values (in order) for which ``others.indexOf(value) == -1``."""
    present = {key for key in map(_identity, others) if key is not None}
    return [value for value in values if _identity(value) not in present]


def _number_text(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == int(value) and abs(value) < 1e21:
        return str(int(value))
    text = repr(float(value))
    if (
        "e" in text
    ):  # Python pads exponents (1e-07); JS does not (1e-7) and signs them (1e+21)
        mantissa, exponent = text.split("e")
        sign = "-" if exponent.startswith("-") else "+"
        text = f"{mantissa.removesuffix('.0')}e{sign}{exponent.lstrip('+-').lstrip('0') or '0'}"
    return text


def js_text(value: object) -> str:
    """How ``${value}`` prints a JSON-decoded value in JavaScript."""
    if value is UNDEFINED:
        return "undefined"
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _number_text(value)
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return ",".join("" if item is None else js_text(item) for item in value)
    return "[object Object]"
