"""Checks of the built files before anything is uploaded.

``twine check`` (the index's own rendering rules), our metadata checks (name, version
and the files a wheel of this package must contain), then a fresh virtualenv that
installs the wheel and runs the smoke check against the installed copy.
"""

from __future__ import annotations

import email.parser
import re
import sys
import tarfile
import zipfile
from pathlib import Path

from packaging.utils import canonicalize_name
from packaging.version import Version

from .build import BuiltDistributions
from .errors import ReleaseError
from .smoke import SMOKE_CHECK_SCRIPT
from .tools import run_tool

_VERSION_ASSIGNMENT = re.compile(
    r"""^__version__\s*(?::\s*str\s*)?=\s*["']([^"']+)["']""", re.MULTILINE
)


def twine_check(built: BuiltDistributions) -> None:
    run_tool(
        [sys.executable, "-m", "twine", "check", "--strict", *built.files],
        step="check",
        what="twine check",
    )


def check_metadata(
    built: BuiltDistributions, *, distribution: str, package: str, version: str
) -> None:
    """The wheel and sdist say the name and version we release, and the wheel holds the package."""
    problems: list[str] = []
    with zipfile.ZipFile(built.wheel) as wheel:
        names = set(wheel.namelist())
        metadata_files = [
            n for n in names if n.endswith(".dist-info/METADATA") and n.count("/") == 1
        ]
        if len(metadata_files) != 1:
            raise ReleaseError(
                "check",
                f"{built.wheel.name} has {len(metadata_files)} METADATA files, expected 1",
            )
        problems += _compare_metadata(
            built.wheel.name,
            wheel.read(metadata_files[0]).decode("utf-8"),
            distribution,
            version,
        )
        for required in ("__init__.py", "py.typed", "_version.py"):
            if f"{package}/{required}" not in names:
                problems.append(f"{built.wheel.name} lacks {package}/{required}")
        top_level = {
            n.split("/", 1)[0]
            for n in names
            if not n.split("/", 1)[0].endswith(".dist-info")
        }
        if top_level - {package}:
            problems.append(
                f"{built.wheel.name} installs more than {package}: {', '.join(sorted(top_level - {package}))}"
            )
        if f"{package}/_version.py" in names:
            stamped = _VERSION_ASSIGNMENT.search(
                wheel.read(f"{package}/_version.py").decode("utf-8")
            )
            if not stamped or Version(stamped.group(1)) != Version(version):
                found = stamped.group(1) if stamped else "no __version__"
                problems.append(
                    f"{package}/_version.py says {found}, expected {version}"
                )
    with tarfile.open(built.sdist) as sdist:
        pkg_info = [
            m
            for m in sdist.getmembers()
            if m.isfile() and m.name.count("/") == 1 and m.name.endswith("/PKG-INFO")
        ]
        if len(pkg_info) != 1:
            problems.append(f"{built.sdist.name} has no top-level PKG-INFO")
        else:
            extracted = sdist.extractfile(pkg_info[0])
            assert extracted is not None
            problems += _compare_metadata(
                built.sdist.name,
                extracted.read().decode("utf-8"),
                distribution,
                version,
            )
    if problems:
        raise ReleaseError(
            "check",
            "the built distributions do not match the release",
            "\n".join(problems),
        )


def _compare_metadata(
    file_name: str, text: str, distribution: str, version: str
) -> list[str]:
    fields = email.parser.Parser().parsestr(text, headersonly=True)
    problems = []
    if canonicalize_name(fields.get("Name", "")) != canonicalize_name(distribution):
        problems.append(
            f"{file_name}: Name is {fields.get('Name')!r}, expected {distribution!r}"
        )
    if not fields.get("Version") or Version(fields["Version"]) != Version(version):
        problems.append(
            f"{file_name}: Version is {fields.get('Version')!r}, expected {version!r}"
        )
    if not fields.get("Requires-Python"):
        problems.append(f"{file_name}: no Requires-Python")
    if not fields.get("Summary"):
        problems.append(f"{file_name}: no Summary")
    return problems


def create_virtualenv(folder: Path) -> Path:
    """A new virtualenv without this interpreter's packages; returns its python."""
    run_tool(
        [sys.executable, "-m", "venv", "--clear", folder],
        step="check",
        what="python -m venv",
    )
    return folder / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def verify_in_fresh_virtualenv(
    built: BuiltDistributions,
    *,
    package: str,
    version: str,
    folder: Path,
    pip_options: tuple[str, ...] = (),
) -> str:
    """Install the wheel (dependencies from the configured pip index) into a new venv,
    then import it and run the smoke check there. Returns the smoke check's report."""
    python = create_virtualenv(folder)
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
            built.wheel,
        ],
        step="check",
        what=f"pip install {built.wheel.name} into a fresh virtualenv",
    )
    # -I: isolated mode, so the import cannot pick up a source tree from the working directory.
    return run_tool(
        [python, "-I", SMOKE_CHECK_SCRIPT, package, "--expect-version", version],
        step="check",
        what=f"smoke check of the installed {package}",
        cwd=folder,
    )
