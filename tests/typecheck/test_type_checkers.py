"""pyright and mypy on what a user writes: every Python example of a shipped SDK's README,
plus a script using the typed runtime (pagination item types, configuration, extended
responses, one narrowing of optional attributes). Any error fails the test; a deliberate
mistake (``ApiClient(regoin=...)``) must be reported, so a checker that resolves nothing
cannot pass.

The SDKs are generated afresh into a temp folder; the Platform SDK's run is slow.
"""

from __future__ import annotations

import importlib
import inspect
import re
import sys
import typing
from pathlib import Path

import pytest

from generator.runtime._model_modules import official_module_name

from .conftest import checker_env, pyright_command, run

MISTAKE = "ApiClient(regoin="


def python_blocks(markdown: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", markdown, flags=re.DOTALL)


def _listing_call(package: str) -> tuple[str, str, str, str] | None:
    """(API class, method, item class, required args) of a list method with no required
    arguments but strings, found by introspecting the generated SDK itself."""
    apis = importlib.import_module(f"{package}.apis")
    for api_name in sorted(apis.__all__):
        if api_name.startswith("Async"):
            continue
        cls = getattr(apis, api_name)
        for name, method in sorted(vars(cls).items()):
            if name.startswith("_") or not callable(method):
                continue
            hints = typing.get_type_hints(method)
            listing = hints.get("return")
            entities = (
                typing.get_type_hints(listing).get("entities")
                if isinstance(listing, type)
                else None
            )
            item = [a for a in typing.get_args(entities) if a is not type(None)]
            if not item or typing.get_origin(item[0]) is not list:
                continue
            (item_class,) = typing.get_args(item[0])
            required = [
                p
                for p in inspect.signature(method).parameters.values()
                if p.name != "self" and p.default is inspect.Parameter.empty
            ]
            if all(hints.get(p.name) is str for p in required) and isinstance(
                item_class, type
            ):
                args = ", ".join(f'"{p.name}"' for p in required)
                return api_name, name, item_class.__name__, args
    return None


def typed_usage_script(package: str) -> str:
    """A user script whose every line must type-check, with ``assert_type`` where the runtime's
    typing is the point."""
    lines = [
        "from __future__ import annotations",
        "from typing import assert_type",
        f"import {package}",
        f"from {package} import ApiClient, AsyncApiClient, ApiResponse, Configuration, configuration",
        f"from {package} import extended_response, iter_entities, aiter_entities",
        "",
        "assert_type(configuration.host, str)",
        "assert_type(configuration.timeout, float | None)",
        "assert_type(Configuration().max_retries, int)",
        'client = ApiClient(region="us-east-1", timeout=5.0, max_retries=2)',
        "async_client = AsyncApiClient(access_token='t')",
    ]
    found = _listing_call(package)
    if found is not None:
        api, method, item, args = found
        comma = ", " if args else ""
        lines += [
            f"from {package} import {api}, Async{api}",
            f"from {package}.models import {item}",
            # the official SDK's one-module-per-model path, as the README promises
            f"from {package}.models.{official_module_name(item)} import {item} as {item}FromItsModule",
            f"assert_type({item}FromItsModule(), {item})",
            f"assert_type({package}.{item}(), {item})  # models are package attributes too",
            f"api = {api}(client)",
            f"for entity in iter_entities(api.{method}{comma}{args}):",
            f"    assert_type(entity, {item})",
            f"page = api.{method}({args})",
            "entities = page.entities",
            "if entities is not None:  # one narrowing, not two",
            "    print(len(entities))",
            f"response = extended_response(api.{method})({args})",
            f"from {package}.models import {type_name_of_page(package, api, method)}",
            f"assert_type(response, ApiResponse[{type_name_of_page(package, api, method)}])",
            "print(response.status, response.correlation_id)",
            "",
            "async def main() -> None:",
            f"    async_api = Async{api}(async_client)",
            f"    async for entity in aiter_entities(async_api.{method}{comma}{args}):",
            f"        assert_type(entity, {item})",
            f"    response = await extended_response(async_api.{method})({args})",
            "    print(response.data)",
        ]
    return "\n".join(lines) + "\n"


def type_name_of_page(package: str, api: str, method: str) -> str:
    cls = getattr(importlib.import_module(package), api)
    return typing.get_type_hints(getattr(cls, method))["return"].__name__


def write_user_scripts(folder: Path, sdk_root: Path, package: str) -> Path:
    folder.mkdir()
    readme = (sdk_root / "README.md").read_text(encoding="utf-8")
    blocks = python_blocks(readme)
    assert len(blocks) >= 10, "the README lost its examples"
    for index, block in enumerate(blocks):
        (folder / f"readme_example_{index:02d}.py").write_text(block, encoding="utf-8")
    sys.path.insert(0, str(sdk_root))
    try:
        (folder / "typed_usage.py").write_text(
            typed_usage_script(package), encoding="utf-8"
        )
    finally:
        sys.path.remove(str(sdk_root))
        for name in [
            n for n in sys.modules if n == package or n.startswith(package + ".")
        ]:
            del sys.modules[name]
    (folder / "mistake.py").write_text(
        f"import {package}\n{package}.{MISTAKE}'us-east-1')\n", encoding="utf-8"
    )
    return folder


def _errors_outside_the_mistake(output: str) -> list[str]:
    return [
        line
        for line in output.splitlines()
        if "error" in line
        and "mistake.py" not in line
        and not line.startswith(("Found ", "Success"))
        and re.search(r"\d+ errors?", line) is None
    ]


def check_with_pyright(folder: Path, sdk_root: Path) -> None:
    result = run(
        [*pyright_command(), "--pythonpath", sys.executable, str(folder)],
        folder,
        checker_env(sdk_root),
    )
    output = result.stdout + result.stderr
    assert "mistake.py" in output and "regoin" in output, output[-3000:]
    assert _errors_outside_the_mistake(output) == [], output[-6000:]


def check_with_mypy(folder: Path, sdk_root: Path) -> None:
    pytest.importorskip(
        "mypy", reason="mypy is a dev dependency: pip install -e '.[dev]'"
    )
    command = [
        sys.executable,
        "-m",
        "mypy",
        "--follow-imports=silent",
        "--no-error-summary",
        "--cache-dir",
        str(folder / ".mypy_cache"),
        "--python-executable",
        sys.executable,
        str(folder),
    ]
    result = run(command, folder, checker_env(sdk_root))
    output = result.stdout + result.stderr
    assert "mistake.py" in output and "regoin" in output, output[-3000:]
    assert _errors_outside_the_mistake(output) == [], output[-6000:]


@pytest.mark.parametrize(
    "checker", [check_with_pyright, check_with_mypy], ids=["pyright", "mypy"]
)
def test_guest_chat_readme_and_typed_usage_type_check(fresh_sdk, tmp_path, checker):
    sdk_root, package = fresh_sdk("guest-chat")
    folder = write_user_scripts(tmp_path / "user", sdk_root, package)
    checker(folder, sdk_root)


@pytest.mark.slow
@pytest.mark.parametrize(
    "checker", [check_with_pyright, check_with_mypy], ids=["pyright", "mypy"]
)
def test_platform_readme_and_typed_usage_type_check(fresh_sdk, tmp_path, checker):
    sdk_root, package = fresh_sdk("platform")
    folder = write_user_scripts(tmp_path / "user", sdk_root, package)
    checker(folder, sdk_root)
