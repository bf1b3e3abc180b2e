"""help(), inspect.signature and typing.get_type_hints on models and API methods (sync and
async) of the shipped SDKs, each object in a fresh interpreter: names an annotation uses
must resolve without anything imported before (issue 11). Every object of the Guest Chat
SDK; an evenly spread sample of at least 500 of the Platform SDK's (slow)."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def public_objects(sdk_root: Path, package: str) -> list[str]:
    """``Model`` and ``ApiClass.method`` paths of every model and API method."""
    code = (
        "import importlib, sys\n"
        f"models = importlib.import_module('{package}.models')\n"
        f"apis = importlib.import_module('{package}.apis')\n"
        "names = sorted(n for n in models.__all__ if isinstance(getattr(models, n), type))\n"
        "for api in sorted(apis.__all__):\n"
        "    cls = getattr(apis, api)\n"
        "    names += [f'{api}.{m}' for m in sorted(vars(cls)) if not m.startswith('_') and callable(getattr(cls, m))]\n"
        "print('\\n'.join(names))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=sdk_root,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.split()


def introspect_each(sdk_root: Path, package: str, paths: list[str]) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(sdk_root)}

    def one(path: str) -> str:
        result = subprocess.run(
            [sys.executable, str(HERE / "introspect_one.py"), package, path],
            cwd=sdk_root,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        return "" if result.returncode == 0 else (result.stdout + result.stderr).strip()

    with ThreadPoolExecutor(max_workers=2) as pool:
        return [failure for failure in pool.map(one, paths) if failure]


def spread(items: list[str], count: int) -> list[str]:
    if len(items) <= count:
        return items
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def test_guest_chat_every_model_and_method(fresh_sdk):
    sdk_root, package = fresh_sdk("guest-chat")
    paths = public_objects(sdk_root, package)
    assert (
        sum("." not in p for p in paths) >= 15
        and sum(p.startswith("Async") for p in paths) >= 10
    )
    assert introspect_each(sdk_root, package, paths) == []


@pytest.mark.slow
def test_platform_sample_of_models_and_methods(fresh_sdk):
    sdk_root, package = fresh_sdk("platform")
    paths = public_objects(sdk_root, package)
    models = [p for p in paths if "." not in p]
    sync_methods = [p for p in paths if "." in p and not p.startswith("Async")]
    async_methods = [p for p in paths if p.startswith("Async")]
    sample = (
        spread(models, 300) + spread(sync_methods, 120) + spread(async_methods, 120)
    )
    assert len(sample) >= 500
    assert introspect_each(sdk_root, package, sample) == []
