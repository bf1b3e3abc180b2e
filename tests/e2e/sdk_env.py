"""A generated SDK as a user gets it: built into a wheel, installed in a fresh virtualenv."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


class SdkSetupError(RuntimeError):
    pass


def _run(command: list[str], cwd: Path | None = None, what: str = "") -> str:
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SdkSetupError(
            f"{what or command[0]} failed ({result.returncode}): {' '.join(command)}\n"
            f"{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
        )
    return result.stdout


def generated_project(
    checked_in: Path | None, spec: Path, package: str, scratch: Path
) -> Path:
    """The SDK project to test: ``checked_in`` (e.g. generated/platform) when it exists,
    else a fresh ``sdkgen generate`` of ``spec`` into ``scratch``.

    Set SDKGEN_E2E_REGENERATE=1 to test a fresh generation even when the folder exists
    (the checked-in output is never written by the tests).
    """
    fresh = os.environ.get("SDKGEN_E2E_REGENERATE") == "1"
    if (
        checked_in is not None
        and not fresh
        and (checked_in / "pyproject.toml").exists()
    ):
        return checked_in
    _run(
        [
            sys.executable,
            "-m",
            "generator",
            "generate",
            "--spec",
            str(spec),
            "--output",
            str(scratch),
            "--package",
            package,
            "--quiet",
        ],
        cwd=REPO_ROOT,
        what=f"sdkgen generate {spec.name}",
    )
    if not (scratch / "pyproject.toml").exists():
        raise SdkSetupError(
            f"sdkgen generate {spec.name} wrote no pyproject.toml in {scratch}"
        )
    return scratch


def build_wheel(project_dir: Path, dist_dir: Path) -> Path:
    _run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--outdir",
            str(dist_dir),
            str(project_dir),
        ],
        what="python -m build --wheel",
    )
    wheels = sorted(dist_dir.glob("*.whl"))
    if len(wheels) != 1:
        raise SdkSetupError(
            f"expected one wheel in {dist_dir}, found {[w.name for w in wheels]}"
        )
    return wheels[0]


def venv_with_wheel(wheel: Path, venv_dir: Path) -> Path:
    """A fresh virtualenv with ``wheel`` (and its dependencies from PyPI) installed; its python."""
    venv.EnvBuilder(with_pip=True, clear=True).create(venv_dir)
    python = venv_dir / "bin" / "python"
    _run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            str(wheel),
        ],
        what=f"pip install {wheel.name}",
    )
    return python
