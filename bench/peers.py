"""The peers the benchmarks compare with, each in its own cached virtualenv under bench/.cache.

- openapi-generator 7.26 (``openapi-generator-cli`` from PyPI, ``-g python``; needs java)
- the official SDK ``PureCloudPlatformClientV2==269.0.0`` and its wheel
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
CACHE_DIR = BENCH_DIR / ".cache"
OFFICIAL_REQUIREMENT = "PureCloudPlatformClientV2==269.0.0"
OPENAPI_GENERATOR_REQUIREMENT = "openapi-generator-cli==7.26.0"


def cached_venv(name: str, requirements: list[str]) -> Path:
    """Python of bench/.cache/<name>, created and filled once (a stamp records the requirements)."""
    root = CACHE_DIR / name
    python = root / "bin" / "python"
    stamp = root / ".bench-requirements"
    wanted = "\n".join(requirements)
    if python.exists() and stamp.exists() and stamp.read_text() == wanted:
        return python
    venv.EnvBuilder(with_pip=True, clear=True).create(root)
    if requirements:
        _pip(
            python, ["install", "--quiet", "--disable-pip-version-check", *requirements]
        )
    stamp.write_text(wanted)
    return python


def _pip(python: Path, arguments: list[str]) -> None:
    result = subprocess.run(
        [str(python), "-m", "pip", *arguments],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"pip {' '.join(arguments)} failed:\n{result.stderr[-3000:]}"
        )


def official_sdk_python() -> Path:
    return cached_venv("official", [OFFICIAL_REQUIREMENT])


def openapi_generator_command() -> list[str]:
    python = cached_venv("oag", [OPENAPI_GENERATOR_REQUIREMENT])
    return [str(python.parent / "openapi-generator-cli")]


def official_wheel() -> Path:
    """The official 269.0.0 wheel, downloaded once (pip download --no-deps)."""
    folder = CACHE_DIR / "official-wheel"
    wheels = sorted(folder.glob("*.whl"))
    if not wheels:
        folder.mkdir(parents=True, exist_ok=True)
        _pip(
            Path(sys.executable),
            [
                "download",
                "--quiet",
                "--no-deps",
                "--only-binary=:all:",
                "--dest",
                str(folder),
                OFFICIAL_REQUIREMENT,
            ],
        )
        wheels = sorted(folder.glob("*.whl"))
    if len(wheels) != 1:
        raise RuntimeError(f"expected one official wheel in {folder}, found {wheels}")
    return wheels[0]
