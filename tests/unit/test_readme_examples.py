"""Every Python block of each shipped SDK's README (its own sections and the runtime section
rendered from docs/runtime.md) compiles and names only what exists in that SDK.

Names are resolved against the generated package itself (its lazy maps answer ``<pkg>.X``,
``from <pkg> import X``, ``from <pkg>.models import X``), and attributes are followed through
the objects the example builds: ``api = <pkg>.UsersApi(client)`` then ``api.get_users_me()``
must be a method of ``UsersApi``; ``body = Flow()`` then ``body.name = ...`` a field of ``Flow``.
Values the example cannot know statically (what a call returns) end the check of that chain.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import sys
import textwrap
import types
from pathlib import Path

import pytest

from generator.config import load_config

ROOT = Path(__file__).resolve().parents[2]
CONFIG = load_config(ROOT / "sdkgen.yaml")


def python_blocks(markdown: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", markdown, flags=re.DOTALL)


@pytest.fixture(params=sorted(CONFIG.targets))
def target(request, monkeypatch, tmp_path):
    target = CONFIG.targets[request.param]
    readme = target.output / "README.md"
    if not readme.is_file():
        pytest.skip(f"{readme} not generated")
    monkeypatch.setenv("HOME", str(tmp_path))  # the default configuration reads no real file
    monkeypatch.syspath_prepend(str(target.output))
    for name in [n for n in sys.modules if n == target.package or n.startswith(target.package + ".")]:
        monkeypatch.delitem(sys.modules, name)
    return target


class _Unknown:
    """A value the example cannot know statically (e.g. what an API call returns)."""


UNKNOWN = _Unknown()


def _instance_attributes(cls: type) -> set[str]:
    """``self.x = ...`` targets in the methods of ``cls`` and its bases."""
    names: set[str] = set()
    for klass in cls.__mro__:
        try:
            source = textwrap.dedent(inspect.getsource(klass))
        except (OSError, TypeError):
            continue
        for node in ast.walk(ast.parse(source)):
            target = node.target if isinstance(node, ast.AnnAssign) else None
            targets = node.targets if isinstance(node, ast.Assign) else [target] if target else []
            for item in targets:
                if isinstance(item, ast.Attribute) and isinstance(item.value, ast.Name) and item.value.id == "self":
                    names.add(item.attr)
    return names


class ExampleChecker(ast.NodeVisitor):
    def __init__(self, package: str, where: str) -> None:
        self.package = package
        self.where = where
        self.names: dict[str, object] = {}
        self.problems: list[str] = []

    def _is_sdk(self, value: object) -> bool:
        if isinstance(value, types.ModuleType):
            return value.__name__.split(".")[0] == self.package
        owner = value if isinstance(value, type) else type(value)
        return (owner.__module__ or "").split(".")[0] == self.package

    def _has(self, value: object, attribute: str) -> bool:
        if hasattr(value, attribute):
            return True
        # a model's instances take its fields' wire names as attribute aliases (postalCode)
        if attribute in getattr(value, "__struct_encode_fields__", ()):
            return True
        return isinstance(value, type) and attribute in _instance_attributes(value)

    def resolve(self, node: ast.expr) -> object:
        if isinstance(node, ast.Name):
            return self.names.get(node.id, UNKNOWN)
        if isinstance(node, ast.Attribute):
            base = self.resolve(node.value)
            if base is UNKNOWN or not self._is_sdk(base):
                return UNKNOWN
            if not self._has(base, node.attr):
                problem = f"{self.where}:{node.lineno}: {ast.unparse(node)}: no {node.attr!r} on {base!r}"
                if problem not in self.problems:  # a chain is resolved again for each link
                    self.problems.append(problem)
                return UNKNOWN
            value = getattr(base, node.attr, UNKNOWN)
            return value if isinstance(value, (type, types.ModuleType)) or self._is_sdk(value) else UNKNOWN
        if isinstance(node, ast.Call):
            function = self.resolve(node.func)
            # an instance of an SDK class: its class stands in for it
            return function if isinstance(function, type) and self._is_sdk(function) else UNKNOWN
        return UNKNOWN

    def _bind(self, target: ast.expr, value: object) -> None:
        if isinstance(target, ast.Name):
            self.names[target.id] = value
        elif isinstance(target, (ast.Tuple, ast.List)):
            for item in target.elts:
                self._bind(item, UNKNOWN)
        else:
            self.visit(target)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name.split(".")[0] == self.package:
                module = importlib.import_module(alias.name)
                self.names[alias.asname or alias.name.split(".")[0]] = (
                    module if alias.asname else importlib.import_module(self.package)
                )

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if (node.module or "").split(".")[0] != self.package:
            return
        module = importlib.import_module(node.module)
        for alias in node.names:
            try:
                self.names[alias.asname or alias.name] = getattr(module, alias.name)
            except AttributeError:
                self.problems.append(f"{self.where}:{node.lineno}: from {node.module} import {alias.name}: no such name")

    def visit_Assign(self, node: ast.Assign) -> None:
        self.visit(node.value)
        value = self.resolve(node.value)
        for target in node.targets:
            self._bind(target, value)

    def visit_With(self, node: ast.With | ast.AsyncWith) -> None:
        for item in node.items:
            self.visit(item.context_expr)
            if item.optional_vars is not None:
                self._bind(item.optional_vars, self.resolve(item.context_expr))
        for statement in node.body:
            self.visit(statement)

    visit_AsyncWith = visit_With

    def visit_Attribute(self, node: ast.Attribute) -> None:
        self.resolve(node)
        self.generic_visit(node)


def test_every_readme_block_compiles_and_names_what_the_sdk_has(target):
    readme = (target.output / "README.md").read_text(encoding="utf-8")
    blocks = python_blocks(readme)
    assert len(blocks) >= 15 and "## Runtime" in readme
    problems = []
    for number, block in enumerate(blocks, 1):
        where = f"{target.output.name}/README.md python block {number}"
        compile(block, where, "exec")
        checker = ExampleChecker(target.package, where)
        checker.visit(ast.parse(block))
        problems += checker.problems
    assert not problems, "\n".join(problems)


def test_the_checker_catches_names_another_sdk_has(target):
    """The Guest Chat SDK has no UsersApi, the Platform SDK no WebChatApi."""
    missing = "WebChatApi" if target.package.endswith("platform") else "UsersApi"
    block = f"import {target.package}\n\napi = {target.package}.{missing}()\n"
    checker = ExampleChecker(target.package, "example")
    checker.visit(ast.parse(block))
    assert checker.problems
    module = importlib.import_module(target.package)
    api_class = next(getattr(module, n) for n in dir(module) if n.endswith("Api") and not n.startswith("Async"))
    block = f"import {target.package}\n\napi = {target.package}.{api_class.__name__}()\napi.no_such_method()\n"
    checker = ExampleChecker(target.package, "example")
    checker.visit(ast.parse(block))
    assert checker.problems == [
        f"example:4: api.no_such_method: no 'no_such_method' on {api_class!r}"
    ]
