"""The official SDK's one-module-per-model import paths, on top of grouped model modules.

``PureCloudPlatformClientV2`` has ``models/user_entity_listing.py`` for every model; sdkgen
groups models by family (``models/user.py``), which keeps the wheel a sixth of the size.
Scripts that import a model from its own module (``from <sdk>.models.user_entity_listing
import UserEntityListing``) keep working: a finder placed after the normal ones answers
``<sdk>.models.<snake_name>`` with a small module holding that one class. Nothing runs until
such an import happens.
"""

from __future__ import annotations

import re
import sys

_ACRONYM = re.compile(r"([A-Z]+)([A-Z][a-z])")
_LOWER_UPPER = re.compile(r"([a-z\d])([A-Z])")


def official_module_name(class_name: str) -> str:
    """``UserEntityListing`` -> ``user_entity_listing`` (the official SDK's file names)."""
    name = _LOWER_UPPER.sub(r"\1_\2", _ACRONYM.sub(r"\1_\2", class_name.rstrip("_")))
    return name.replace("-", "_").lower()


class ModelModuleFinder:
    """A meta path finder and loader for ``<package>.<official module name>``."""

    def __init__(self, package: str, class_names) -> None:
        self.package = package
        self.class_names = class_names
        self._by_module: dict[str, str] | None = None

    def find_spec(self, fullname: str, path=None, target=None):
        prefix = self.package + "."
        if not fullname.startswith(prefix) or "." in fullname[len(prefix):]:
            return None
        if self._by_module is None:  # built on the first such import only
            self._by_module = {official_module_name(name): name for name in sorted(self.class_names)}
        if fullname[len(prefix):] not in self._by_module:
            return None
        from importlib.machinery import ModuleSpec

        return ModuleSpec(fullname, self)

    def create_module(self, spec):
        return None  # the default module object

    def exec_module(self, module) -> None:
        assert self._by_module is not None
        class_name = self._by_module[module.__name__.rsplit(".", 1)[1]]
        setattr(module, class_name, getattr(sys.modules[self.package], class_name))
        module.__all__ = [class_name]


def install_model_module_finder(package: str, class_names) -> None:
    """Called by ``<sdk>/models/__init__.py``; appended so real modules always win."""
    if not any(isinstance(f, ModelModuleFinder) and f.package == package for f in sys.meta_path):
        sys.meta_path.append(ModelModuleFinder(package, class_names))
