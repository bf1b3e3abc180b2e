"""Fixtures for the end-to-end tests: Prism, generated SDKs installed in fresh virtualenvs."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

E2E_DIR = Path(__file__).resolve().parent
REPO_ROOT = E2E_DIR.parents[1]
for entry in (str(E2E_DIR), str(REPO_ROOT)):
    if entry not in sys.path:
        sys.path.insert(0, entry)

from prism import PrismNotInstalled, ensure_prism_installed
from sdk_env import SdkSetupError, build_wheel, generated_project, venv_with_wheel
from targets import TARGETS


@pytest.fixture(scope="session")
def prism_installed() -> Path:
    try:
        return ensure_prism_installed()
    except PrismNotInstalled as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def installed_sdk(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """target name -> python of a fresh venv with that target's wheel installed (once per session)."""
    cache: dict[str, Path] = {}

    def install(target: str) -> Path:
        if target not in cache:
            checked_in, package, spec = TARGETS[target]
            work = tmp_path_factory.mktemp(f"sdk-{target}")
            try:
                project = generated_project(checked_in, spec, package, work / "project")
                wheel = build_wheel(project, work / "dist")
                cache[target] = venv_with_wheel(wheel, work / "venv")
            except SdkSetupError as error:
                pytest.fail(str(error), pytrace=False)
        return cache[target]

    return install
