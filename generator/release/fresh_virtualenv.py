"""The last check before the upload: install the built wheels into a new virtualenv the
way a user gets them, and run the smoke check against the installed copy."""

from __future__ import annotations

import sys
from pathlib import Path

from .build import ReleaseBuild
from .checks import model_stub_files
from .errors import ReleaseError
from .smoke import SMOKE_CHECK_SCRIPT
from .tools import run_tool

# Prints the folder the installed package was imported from (site-packages/<package>).
_PACKAGE_FOLDER = "import importlib, pathlib, sys; print(pathlib.Path(importlib.import_module(sys.argv[1]).__file__).parent)"


def create_virtualenv(folder: Path) -> Path:
    """A new virtualenv without this interpreter's packages; returns its python."""
    run_tool(
        [sys.executable, "-m", "venv", "--clear", folder],
        step="check",
        what="python -m venv",
    )
    return folder / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def verify_in_fresh_virtualenv(
    release: ReleaseBuild,
    *,
    package: str,
    version: str,
    folder: Path,
    pip_options: tuple[str, ...] = (),
) -> str:
    """Install every wheel of the release with one pip command (dependencies from the
    configured pip index) into a new venv, import the SDK there and run the smoke check;
    with a companion, its stubs must then sit in the installed package's folder.
    Returns the smoke check's report."""
    python = create_virtualenv(folder)
    wheels = [part.built.wheel for part in release.upload_order]
    run_tool(
        [
            python,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-input",
            *pip_options,
            *wheels,
        ],
        step="check",
        what=f"pip install {', '.join(w.name for w in wheels)} into a fresh virtualenv",
    )
    # -I: isolated mode, so the import cannot pick up a source tree from the working directory.
    report = run_tool(
        [python, "-I", SMOKE_CHECK_SCRIPT, package, "--expect-version", version],
        step="check",
        what=f"smoke check of the installed {package}",
        cwd=folder,
    )
    if release.model_stubs is not None:
        report += _check_installed_stubs(
            python, release.model_stubs.built.wheel, package, folder
        )
    return report


def _check_installed_stubs(python: Path, wheel: Path, package: str, cwd: Path) -> str:
    """The companion's files landed in the folder the SDK is imported from (a companion
    installed beside it, e.g. under another package name, would be useless to pyright)."""
    package_folder = Path(
        run_tool(
            [python, "-I", "-c", _PACKAGE_FOLDER, package],
            step="check",
            what=f"locating the installed {package}",
            cwd=cwd,
        ).strip()
    )
    site_packages = package_folder.parent
    stubs = model_stub_files(wheel)
    missing = [name for name in stubs if not (site_packages / name).is_file()]
    if missing:
        raise ReleaseError(
            "check",
            f"after installing {wheel.name}, {len(missing)} of its {len(stubs)} stubs are not "
            f"in {package_folder}",
            "\n".join(missing[:5]),
        )
    return f"\n{len(stubs)} model stubs installed into {package_folder / 'models'}\n"
