"""Fixtures of the typing tests: the shipped SDKs generated afresh into a temp folder (so
the tests follow the generator, not the committed generated/), and the type checkers."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYRIGHT = ROOT / "node_modules" / ".bin" / "pyright"


@pytest.fixture(scope="session")
def fresh_sdk(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[[str], tuple[Path, str]]:
    """``fresh_sdk("guest-chat")`` -> (project folder, package name), generated once per session."""
    from generator.config import load_config
    from generator.pipeline import generate_target

    config = load_config(ROOT / "sdkgen.yaml")
    built: dict[str, tuple[Path, str]] = {}

    def build(name: str) -> tuple[Path, str]:
        if name not in built:
            target = config.targets[name]
            output = tmp_path_factory.mktemp("typing_sdk") / name
            generate_target(target, output=output, schema_validation=False)
            install_model_stubs(output, target.package)
            built[name] = (output, target.package)
        return built[name]

    return build


def install_model_stubs(sdk_root: Path, package: str) -> None:
    """What ``pip install "<sdk>[model-stubs]"`` adds: the companion project's per-model
    stubs land in the SDK's own package folder (SDKs small enough bundle them already)."""
    from generator.naming import MODEL_STUBS_FOLDER

    companion = sdk_root / MODEL_STUBS_FOLDER / package
    if companion.is_dir():
        shutil.copytree(companion, sdk_root / package, dirs_exist_ok=True)


def pyright_command() -> list[str]:
    if not PYRIGHT.exists():
        pytest.skip("pyright is not installed: run `make install` (npm ci)")
    return [str(PYRIGHT)]


def checker_env(sdk_root: Path) -> dict[str, str]:
    """The SDK importable as a user would have it, without installing it."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(sdk_root)
    env["MYPYPATH"] = str(sdk_root)
    return env


def run(
    command: list[str], cwd: Path, env: dict[str, str], timeout: float = 900
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
