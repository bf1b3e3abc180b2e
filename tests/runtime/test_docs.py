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
        class_name="CreateUser",
        fields=(("name", '"Ada Lovelace"'),),
        alias=("postalCode", "postal_code"),
    ),
    "session": None,
    "analytics": SimpleNamespace(kind="conversations/details", result_class="CursorListing"),
    "raw": SimpleNamespace(path="/api/v2/users/{userId}", path_params='{"userId": "u1"}', model="User"),
    # the stub SDK has no topics module and no guest chat (their examples run in
    # tests/unit/test_topics_generated.py and tests/e2e/test_guest_chat_session.py)
    "topics": None,
    "guest_chat": False,
}
_NO_KEYS = {"api_keys": (), "basic": False}
AUTH_MODES = {
    "oauth2": {"oauth2": True, "jwt": False, **_NO_KEYS},
    "jwt": {"oauth2": False, "jwt": True, **_NO_KEYS},
    "none": {"oauth2": False, "jwt": False, **_NO_KEYS},
    # a petstore: an api_key header scheme and HTTP basic
    "keys": {"oauth2": False, "jwt": False, "api_keys": ("api_key",), "basic": True},
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


# --- the new sections' examples run against the local server -------------------------------

RUN_SECTIONS = ("## Calling an endpoint by path", "## Analytics jobs", "## Bulk operations", "## Models")


def _section(text: str, heading: str) -> str:
    return text.split(heading + "\n", 1)[1].split("\n## ", 1)[0]


@pytest.fixture
def docs_server(rtpkg, server, app, monkeypatch):
    """The default configuration aimed at the local server, with the routes the examples use."""
    from .fake_server import Reply

    configuration = rtpkg.configuration
    saved_host = configuration.host
    configuration.host = server.url
    import importlib

    monkeypatch.setattr(importlib.import_module("rtpkg._jobs"), "DEFAULT_POLL_INTERVAL", 0.01)
    jobs = "/api/v2/analytics/conversations/details/jobs"
    app.route("POST", "/api/v2/things/1234/actions", lambda r: Reply(json={"done": r.json()}))
    app.route("DELETE", "/api/v2/things/1234", lambda r: Reply(204))
    app.route("GET", "/api/v2/users/u1", lambda r: Reply(json={"id": "u1", "name": "Ada"}))
    app.route("POST", jobs, lambda r: Reply(202, {"jobId": "j"}))
    app.route("GET", f"{jobs}/j", lambda r: Reply(json={"state": "FULFILLED"}))
    app.route("GET", f"{jobs}/j/results", lambda r: Reply(json={"entities": [{"id": "c1"}]}))
    for path in ("/api/v2/a", "/api/v2/b"):
        app.route("GET", path, lambda r: Reply(json={"path": r.path}))
    yield app
    configuration.host = saved_host


@pytest.mark.parametrize("heading", RUN_SECTIONS)
def test_new_feature_examples_run(rtpkg, docs_server, heading, capsys):
    import asyncio

    blocks = _python_blocks(_section(_rendered("oauth2"), heading))
    assert blocks, heading
    for block in blocks:
        namespace: dict = {}
        exec(compile(block, heading, "exec"), namespace)  # noqa: S102 - our own documentation
        for name in ("call_by_path", "export", "bulk_async"):  # the async halves, left commented out
            if name in namespace:
                asyncio.run(namespace[name]())
    printed = capsys.readouterr().out
    assert "Traceback" not in printed
    if heading == "## Analytics jobs":
        assert "User(id='c1')" in printed  # the item, decoded as the result model's items
    if heading == "## Models":
        assert '"postalCode":"postal_code_example"' in printed and "did you mean" not in printed
    requested = {(r.method, r.path) for r in docs_server.requests}
    expected = {
        "## Calling an endpoint by path": {("POST", "/api/v2/things/1234/actions"), ("DELETE", "/api/v2/things/1234")},
        "## Analytics jobs": {("POST", "/api/v2/analytics/conversations/details/jobs")},
        "## Bulk operations": {("GET", "/api/v2/users/me"), ("GET", "/api/v2/a")},
        "## Models": set(),
    }[heading]
    assert expected <= requested
