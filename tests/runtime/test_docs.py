"""docs/runtime.md (rendered into every SDK's README): examples parse, name real exports, and
the export table matches _public.PUBLIC_NAMES."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import jinja2

DOC = Path(__file__).resolve().parents[2] / "docs" / "runtime.md"
API_AND_MODEL_NAMES = {
    "UsersApi",
    "AsyncUsersApi",
    "WebChatApi",
    "CreateUser",
}  # generated per spec


def _rendered() -> str:
    environment = jinja2.Environment(
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    return environment.from_string(DOC.read_text()).render(
        package="rtpkg", distribution="rtpkg-dist"
    )


def _python_blocks(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)


def test_examples_parse_and_use_exported_names(rtpkg):
    from rtpkg._public import PUBLIC_NAMES

    blocks = _python_blocks(_rendered())
    assert len(blocks) >= 15
    for block in blocks:
        tree = ast.parse(block)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "rtpkg"
            ):
                assert (
                    node.attr in PUBLIC_NAMES or node.attr in API_AND_MODEL_NAMES
                ), node.attr


def test_attribute_chains_on_runtime_names_exist(rtpkg):
    """`rtpkg.X.y` in the examples: y must exist on the runtime object X."""
    for block in _python_blocks(_rendered()):
        for node in ast.walk(ast.parse(block)):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Attribute)
                and isinstance(node.value.value, ast.Name)
                and node.value.value.id == "rtpkg"
                and node.value.attr not in API_AND_MODEL_NAMES
            ):
                owner = getattr(rtpkg, node.value.attr)
                assert hasattr(owner, node.attr), f"rtpkg.{node.value.attr}.{node.attr}"


def test_export_table_matches_public_names(rtpkg):
    from rtpkg._public import PUBLIC_NAMES

    table = _rendered().split("## What the package exports", 1)[1]
    documented = set(re.findall(r"`(\w+)`", table.split("\n|---|---|\n", 1)[1]))
    assert set(PUBLIC_NAMES) <= documented
