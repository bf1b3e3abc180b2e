"""``OpenEnum``: the base of every generated string enum.

A generated enum (``class SortOrder(OpenEnum): ASCENDING = "ascending"``) names the values
the spec lists, as importable constants that are also plain strings. Fields and
parameters are annotated ``str``, so decoding never consults the enum and a value the
API adds later is kept as it arrives. Calling the enum with such a value
(``SortOrder("newValue")``) gives a member made on the fly instead of raising.
"""

from __future__ import annotations

import enum

__all__ = ["OpenEnum"]


class OpenEnum(str, enum.Enum):
    """A string enum that accepts values it does not list."""

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> OpenEnum | None:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member
