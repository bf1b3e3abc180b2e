# What type checkers see of _models.py. Models are msgspec Structs at run time; here the base
# class is a plain dataclass-like class (PEP 681), so checkers know every field, the keyword-only
# constructor and the methods, without depending on how msgspec's metaclass is typed.
import datetime as _dt
from collections.abc import Callable
from typing import Any, ClassVar

from msgspec import UNSET as UNSET
from msgspec import UnsetType as UnsetType
from typing_extensions import Self, dataclass_transform

date = _dt.date
datetime = _dt.datetime

NULL: Any
"""Assign to a model field to send an explicit JSON ``null`` (``None`` is not sent)."""

def field(
    *,
    default: Any = ...,
    default_factory: Callable[[], Any] = ...,
    name: str | None = None,
) -> Any: ...
@dataclass_transform(kw_only_default=True, field_specifiers=(field,))
class Model:
    """Base of every generated model: keyword-only, every field optional (``None``: not sent)."""

    __struct_fields__: ClassVar[tuple[str, ...]]
    def to_dict(self) -> dict[str, Any]:
        """Python attribute names as keys, nested models converted, unset fields left out."""
    def to_json(self) -> str:
        """JSON text with wire names, unset fields left out."""
    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Build from a dict keyed by wire names (Python attribute names are accepted too)."""
    @classmethod
    def from_json(cls, data: str | bytes) -> Self:
        """Parse JSON text (wire names) into this model."""

def resolve_type(type_expr: str) -> Any: ...
def decode_json(data: bytes | str, type_expr: str | None) -> Any: ...
def encode_json(value: Any) -> bytes: ...
def to_wire(value: Any) -> Any: ...
