"""Modules imported on first use.

``import <sdk>`` and ``XxxApi()`` must stay cheap (a few milliseconds), so the heavy modules
(httpx and its dependencies, asyncio, msgspec, ssl) are not imported until a request needs
them. A module that uses one writes::

    if TYPE_CHECKING:
        import httpx
    else:
        httpx = lazy_import("httpx", globals())

The stand-in imports the module the first time an attribute of it is read and then rebinds
the name in the owner's globals, so every later use is a plain global lookup.
"""

from __future__ import annotations

import importlib
import sys

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any


class LazyModule:
    __slots__ = ("_bound_as", "_name", "_namespace", "_package")

    def __init__(
        self, name: str, namespace: dict[str, Any], bound_as: str, package: str | None
    ) -> None:
        self._name = name
        self._package = package
        self._namespace = namespace
        self._bound_as = bound_as

    def load(self) -> Any:
        # the import system serialises concurrent first imports; rebinding is idempotent
        module = importlib.import_module(self._name, self._package)
        if self._namespace.get(self._bound_as) is self:
            self._namespace[self._bound_as] = module
        return module

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.load(), attribute)

    def __repr__(self) -> str:
        return f"<lazy module {self._name!r}>"


def lazy_import(
    name: str, namespace: dict[str, Any], bound_as: str | None = None
) -> Any:
    """A stand-in for module ``name`` (``"._models"``: relative to the owner's package), bound
    in ``namespace`` (the owner's ``globals()``) as ``bound_as`` (default: the last part of
    ``name``)."""
    package = namespace.get("__package__") if name.startswith(".") else None
    return LazyModule(name, namespace, bound_as or name.rpartition(".")[2], package)


class AnnotationNames(dict):  # type: ignore[type-arg]
    """The builtins of a generated module, which also answer the names its annotations use
    but that it imports for type checkers only (other models, ``RequestOptions``).

    ``typing.get_type_hints``, ``inspect.signature(..., eval_str=True)``, ``help()`` and msgspec
    evaluate string annotations with ``eval`` in the module's globals, and ``eval`` falls back
    to ``globals()["__builtins__"]``; a module ``__getattr__`` is never consulted. Answering
    there resolves a name (importing just its module) when something first asks for it, so
    importing a module still imports nothing else.
    """

    __slots__ = ("_package",)

    def __init__(self, package: str) -> None:
        import builtins

        super().__init__(vars(builtins))
        self._package = package

    def __missing__(self, name: str) -> Any:
        if not name.startswith("__"):
            for where in (self._package + ".models", self._package, "datetime", "typing"):
                try:
                    value = getattr(importlib.import_module(where), name)
                except (ImportError, AttributeError):
                    continue
                self[name] = value
                return value
        raise KeyError(name)


def resolve_annotations_lazily(module_name: str, namespace: dict[str, Any] | None = None) -> None:
    """Give the module ``module_name`` (being imported) :class:`AnnotationNames` as builtins,
    and ``namespace`` (a class body) the same, because ``get_type_hints`` evaluates a class's
    annotations with the class dict as globals."""
    module = sys.modules.get(module_name)
    if module is None:
        return
    names = module.__dict__.get("__builtins__")
    if not isinstance(names, AnnotationNames):
        package = module.__name__.rpartition(".")[0].removesuffix(".models").removesuffix(".apis")
        names = module.__dict__["__builtins__"] = AnnotationNames(package)
    if namespace is not None:
        namespace["__builtins__"] = names
