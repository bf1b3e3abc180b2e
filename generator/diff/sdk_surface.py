"""How IR types look in the generated Python SDK, which side of the wire each model
is on, and when a type change breaks code. Used by policy ``python``.

Direction matters: a value the user *sends* (request side) may widen safely (an
``int`` parameter may start accepting ``float``), a value the user *receives*
(response side) may narrow safely (a ``float`` field may start holding only ints).
A model used on both sides, or on neither side we can see, must stay the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..ir.model import Api, TypeRef
from ..surface import surface_of

Direction = Literal["request", "response", "both"]

def python_type(type_ref: TypeRef | None, api: Api) -> str:
    """The annotation the generated SDK uses for ``type_ref`` (``None``: no body), as the
    SDK's surface (generator/surface) spells it: this module never computes one itself."""
    return surface_of(api).returns(type_ref).text


def _accepts(
    wide: TypeRef | None, wide_api: Api, narrow: TypeRef | None, narrow_api: Api
) -> bool:
    """Whether every value of ``narrow`` is also a value of ``wide``."""
    wide_text, narrow_text = python_type(wide, wide_api), python_type(
        narrow, narrow_api
    )
    if wide_text == narrow_text or wide_text == "Any":
        return True
    if wide is None or narrow is None:
        return False
    if wide_text == "float" and narrow_text == "int":
        return True
    if wide.kind == narrow.kind and wide.kind in ("array", "map"):
        return _accepts(wide.items, wide_api, narrow.items, narrow_api)
    return False


def type_change_breaks(
    old: TypeRef | None,
    old_api: Api,
    new: TypeRef | None,
    new_api: Api,
    direction: Direction,
) -> bool:
    """Whether code written against the old type breaks with the new one."""
    if direction == "request":
        return not _accepts(new, new_api, old, old_api)
    if direction == "response":
        return not _accepts(old, old_api, new, new_api)
    return python_type(old, old_api) != python_type(new, new_api)


def enum_values(type_ref: TypeRef, api: Api) -> tuple[object, ...] | None:
    """Allowed values of a field or parameter (its own enum, or its items' enum), enum
    definitions followed, as the SDK's surface records them."""
    return surface_of(api).type_of(type_ref).values


def same_named_type(old: TypeRef, old_api: Api, new: TypeRef, new_api: Api) -> bool:
    """Both sides reach their values through the same enum or alias definition: a change
    of its values is reported once, at that definition."""
    before, after = surface_of(old_api).type_of(old), surface_of(new_api).type_of(new)
    while before.kind == after.kind == "list" and before.args and after.args and not before.named:
        before, after = before.args[0], after.args[0]
    return before.named is not None and before.named == after.named


@dataclass(frozen=True, slots=True)
class ModelUsage:
    """Models reachable from what users send (parameters) and what they receive
    (responses, notification topics), through properties, items and aliases."""

    sent: frozenset[str]
    received: frozenset[str]

    def direction(self, model_name: str) -> Direction:
        sent, received = model_name in self.sent, model_name in self.received
        if sent and not received:
            return "request"
        if received and not sent:
            return "response"
        return "both"  # both sides, or used nowhere we can see: stay strict

    @staticmethod
    def of(*apis: Api) -> ModelUsage:
        """Usage across several versions of an API: a model sent in either is sent."""
        sent: set[str] = set()
        received: set[str] = set()
        for api in apis:
            roots_sent = [
                m
                for op in api.operations
                for p in op.parameters
                for m in p.type.referenced_models()
            ]
            roots_received = [
                m
                for op in api.operations
                for r in op.responses
                if r.type is not None
                for m in r.type.referenced_models()
            ]
            roots_received += [m.name for m in api.models if m.is_notification_schema]
            subtypes = _subtypes(api)
            sent |= _closure(api, roots_sent, subtypes)
            received |= _closure(api, roots_received, subtypes)
        return ModelUsage(frozenset(sent), frozenset(received))


def _subtypes(api: Api) -> dict[str, list[str]]:
    """Definition -> the definitions of its discriminated subtypes: a value declared as the
    base may arrive (or be sent) as any of them."""
    surface = surface_of(api)
    by_class = {t.name: t.definition for t in surface.types}
    return {t.definition: [by_class[c] for _, c in t.subtypes if c in by_class] for t in surface.types if t.subtypes}


def _closure(api: Api, roots: list[str], subtypes: dict[str, list[str]] | None = None) -> set[str]:
    seen: set[str] = set()
    pending = list(roots)
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        model = api.models_by_name.get(name)
        if model is None:
            continue
        pending.extend(model.dependencies)
        pending.extend(model.parents)
        pending.extend((subtypes or {}).get(name, ()))
        if model.alias_of is not None:
            pending.extend(model.alias_of.referenced_models())
    return seen
