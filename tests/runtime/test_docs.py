"""docs/runtime.md (rendered into every SDK's README): examples parse, name real exports, and
the export table matches _public.PUBLIC_NAMES.

Rendered here for the stub SDK in each auth mode (OAuth, Guest Chat JWT, none); the READMEs of
the shipped SDKs are checked name by name in tests/unit/test_readme_examples.py.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "runtime.md"
API_AND_MODEL_NAMES = {
    "UsersApi",
    "AsyncUsersApi",
    "CreateUser",
}  # the stub SDK's (tests/runtime/sdk_stub), named by the examples below

# the variables generator/render passes (RuntimeDocExamples), for the stub SDK
STUB_EXAMPLES = {
    "api": "UsersApi",
    "async_api": "AsyncUsersApi",
    "call": "get_users_me()",
    "call_with_options": "get_users_me(request_options=options)",
    "paging": SimpleNamespace(
        api="UsersApi", async_api="AsyncUsersApi", method="get_users", args=""
    ),
    "body": SimpleNamespace(
        class_name="CreateUser", fields=(("name", '"Ada Lovelace"'),)
    ),
    "session": None,
    # the stub SDK has no topics module and no guest chat (their examples run in
    # tests/unit/test_topics_generated.py and tests/e2e/test_guest_chat_session.py)
    "topics": None,
    "guest_chat": False,
}
AUTH_MODES = {
    "oauth2": {"oauth2": True, "jwt": False},
    "jwt": {"oauth2": False, "jwt": True},
    "none": {"oauth2": False, "jwt": False},
}


@pytest.fixture(params=sorted(AUTH_MODES))
def auth_mode(request):
    return request.param


def _rendered(auth_mode: str = "oauth2") -> str:
    environment = jinja2.Environment(
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return environment.from_string(DOC.read_text()).render(
        package="rtpkg",
        distribution="rtpkg-dist",
        **STUB_EXAMPLES,
        **AUTH_MODES[auth_mode],
    )


def _python_blocks(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)


def test_examples_parse_and_use_exported_names(rtpkg, auth_mode):
    from rtpkg._public import PUBLIC_NAMES

    blocks = _python_blocks(_rendered(auth_mode))
    assert len(blocks) >= 14  # fewer without OAuth (no grant examples)
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


def test_attribute_chains_on_runtime_names_exist(rtpkg, auth_mode):
    """`rtpkg.X.y` in the examples: y must exist on the runtime object X."""
    for block in _python_blocks(_rendered(auth_mode)):
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
