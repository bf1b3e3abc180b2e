"""The runtime is copied verbatim into every SDK: relative imports only, nothing from the
generator, no third-party imports beyond the SDK's dependencies, no work at import."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

RUNTIME_DIR = Path(__file__).resolve().parents[2] / "generator" / "runtime"
# httpcore: httpx's own, declared too; websockets: the event streams (_stream.py)
SDK_DEPENDENCIES = {"httpx", "httpcore", "msgspec", "websockets"}


COPIED = sorted(p for p in RUNTIME_DIR.glob("*.py") if p.name != "__init__.py")  # __init__ is not copied


@pytest.mark.parametrize("path", COPIED, ids=lambda p: p.name)
def test_imports_are_relative_stdlib_or_sdk_dependencies(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            roots = {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            roots = {(node.module or "").split(".")[0]}
        else:
            continue
        for root in roots:
            assert (
                root in sys.stdlib_module_names
                or root in SDK_DEPENDENCIES
                or root == "__future__"
            ), f"{path.name}:{node.lineno} imports {root}"
