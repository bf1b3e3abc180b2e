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

SPECS = REPO_ROOT / "specs"
TARGETS = {
    # sdkgen.yaml target -> (generated project, package, spec)
    "platform": (
        REPO_ROOT / "generated" / "platform",
        "purecloud_platform",
        SPECS / "platform-api-269.0.0.json.gz",
    ),
    "guest-chat": (
        REPO_ROOT / "generated" / "guest-chat",
        "purecloud_guest_chat",
        SPECS / "guest-chat-13.2.0.json.gz",
    ),
    # the Genesys specs have no formData/file parameters and no parameter enums: this fixture has
    "kitchen-sink": (
        None,
        "kitchen_sink",
        REPO_ROOT / "tests" / "fixtures" / "specs" / "kitchen_sink.yaml",
    ),
}


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
