"""Checks of the built files before anything is uploaded.

``twine check`` (the index's own rendering rules), then our metadata checks: name and
version of every distribution, the files the SDK's wheel must contain, and that the
model-stubs companion's wheel adds stub files to the SDK's ``models/`` and nothing else.
The fresh-virtualenv install is in :mod:`fresh_virtualenv`.
"""

from __future__ import annotations

import email.message
import email.parser
import re
import sys
import tarfile
import zipfile
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from ..naming import MODEL_STUBS_EXTRA
from .build import BuiltDistributions, ReleaseBuild
from .errors import ReleaseError
from .tools import run_tool

_VERSION_ASSIGNMENT = re.compile(
    r"""^__version__\s*(?::\s*str\s*)?=\s*["']([^"']+)["']""", re.MULTILINE
)


def twine_check(built: BuiltDistributions | ReleaseBuild) -> None:
    run_tool(
        [sys.executable, "-m", "twine", "check", "--strict", *built.files],
        step="check",
        what="twine check",
    )


def check_release(release: ReleaseBuild, *, package: str, version: str) -> None:
    """Every check of this module on every distribution of the release."""
    twine_check(release)
    companion = release.model_stubs
    check_metadata(
        release.sdk.built,
        distribution=release.sdk.distribution,
        package=package,
        version=version,
        model_stubs_distribution=companion.distribution if companion else None,
    )
    if companion is not None:
        check_model_stubs_metadata(
            companion.built,
            distribution=companion.distribution,
            package=package,
            version=version,
        )
        _raise_if_any(_shared_file_problems(release.sdk.built, companion.built))


def check_metadata(
    built: BuiltDistributions,
    *,
    distribution: str,
    package: str,
    version: str,
    model_stubs_distribution: str | None = None,
) -> None:
    """The SDK's wheel and sdist say the name and version we release, and the wheel holds
    the package. With a companion, the SDK's ``model-stubs`` extra pins it at this version."""
    with zipfile.ZipFile(built.wheel) as wheel:
        names = set(wheel.namelist())
        metadata = _wheel_metadata(built.wheel, wheel)
        problems = _compare_metadata(built.wheel.name, metadata, distribution, version)
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
    if model_stubs_distribution is not None:
        problems += _extra_pin_problems(
            built.wheel.name, metadata, model_stubs_distribution, version
        )
    problems += _sdist_problems(built.sdist, distribution, version)
    _raise_if_any(problems)


def check_model_stubs_metadata(
    built: BuiltDistributions, *, distribution: str, package: str, version: str
) -> None:
    """The companion's wheel and sdist say its name and the release's version, and its
    wheel installs ``<package>/models/<name>.pyi`` files only (at least one): it is
    unpacked into the SDK's own package folder, where any other file would shadow or
    break the SDK (an ``__init__.py`` would replace the SDK's ``models`` package)."""
    prefix = f"{package}/models/"
    with zipfile.ZipFile(built.wheel) as wheel:
        problems = _compare_metadata(
            built.wheel.name, _wheel_metadata(built.wheel, wheel), distribution, version
        )
    installed = _installed_files(built.wheel)
    stray = [
        name
        for name in installed
        if not (
            name.startswith(prefix)
            and name.endswith(".pyi")
            and "/" not in name[len(prefix) :]
        )
    ]
    if stray:
        shown = ", ".join(sorted(stray)[:5]) + (
            f" and {len(stray) - 5} more" if len(stray) > 5 else ""
        )
        problems.append(
            f"{built.wheel.name} installs files besides {prefix}*.pyi stubs "
            f"(the companion adds stubs to the SDK's folder, nothing else): {shown}"
        )
    if len(installed) == len(stray):
        problems.append(f"{built.wheel.name} holds no {prefix}*.pyi stub")
    problems += _sdist_problems(built.sdist, distribution, version)
    _raise_if_any(problems)


def model_stub_files(wheel_path: Path) -> list[str]:
    """The stub files a companion wheel installs, as paths relative to site-packages."""
    return sorted(
        name for name in _installed_files(wheel_path) if name.endswith(".pyi")
    )


def _shared_file_problems(
    sdk: BuiltDistributions, companion: BuiltDistributions
) -> list[str]:
    """Files both wheels install: pip lets the second overwrite the first, and
    uninstalling the companion would then delete a file the SDK's RECORD lists."""
    shared = sorted(_installed_files(sdk.wheel) & _installed_files(companion.wheel))
    if not shared:
        return []
    more = f" and {len(shared) - 5} more" if len(shared) > 5 else ""
    listed = ", ".join(shared[:5]) + more
    both = f"{sdk.wheel.name} and {companion.wheel.name} both install {listed}"
    return [f"{both}: the stubs belong in the companion only"]


def _installed_files(wheel_path: Path) -> set[str]:
    with zipfile.ZipFile(wheel_path) as wheel:
        return {
            info.filename
            for info in wheel.infolist()
            if not info.is_dir()
            and not info.filename.split("/", 1)[0].endswith(".dist-info")
        }


def _wheel_metadata(path: Path, wheel: zipfile.ZipFile) -> email.message.Message:
    metadata_files = [
        n
        for n in wheel.namelist()
        if n.endswith(".dist-info/METADATA") and n.count("/") == 1
    ]
    if len(metadata_files) != 1:
        raise ReleaseError(
            "check", f"{path.name} has {len(metadata_files)} METADATA files, expected 1"
        )
    return _parse_metadata(wheel.read(metadata_files[0]).decode("utf-8"))


def _sdist_problems(sdist_path: Path, distribution: str, version: str) -> list[str]:
    with tarfile.open(sdist_path) as sdist:
        pkg_info = [
            m
            for m in sdist.getmembers()
            if m.isfile() and m.name.count("/") == 1 and m.name.endswith("/PKG-INFO")
        ]
        if len(pkg_info) != 1:
            return [f"{sdist_path.name} has no top-level PKG-INFO"]
        extracted = sdist.extractfile(pkg_info[0])
        assert extracted is not None
        text = extracted.read().decode("utf-8")
    return _compare_metadata(
        sdist_path.name, _parse_metadata(text), distribution, version
    )


def _parse_metadata(text: str) -> email.message.Message:
    return email.parser.Parser().parsestr(text, headersonly=True)


def _compare_metadata(
    file_name: str, fields: email.message.Message, distribution: str, version: str
) -> list[str]:
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


def _extra_pin_problems(
    file_name: str, fields: email.message.Message, companion: str, version: str
) -> list[str]:
    """``pip install sdk[model-stubs]`` must bring exactly this release's companion."""
    wanted = f"{companion}=={version}; extra == {MODEL_STUBS_EXTRA!r}"
    extras = {
        canonicalize_name(extra) for extra in fields.get_all("Provides-Extra") or ()
    }
    if canonicalize_name(MODEL_STUBS_EXTRA) not in extras:
        return [
            f"{file_name}: no {MODEL_STUBS_EXTRA!r} extra (expected Requires-Dist: {wanted})"
        ]
    for line in fields.get_all("Requires-Dist") or ():
        try:
            requirement = Requirement(line)
        except InvalidRequirement:
            continue
        if (
            canonicalize_name(requirement.name) == canonicalize_name(companion)
            and requirement.marker is not None
            and requirement.marker.evaluate({"extra": MODEL_STUBS_EXTRA})
        ):
            pins = [(s.operator, s.version) for s in requirement.specifier]
            exact = len(pins) == 1 and pins[0][0] == "==" and "*" not in pins[0][1]
            if exact and Version(pins[0][1]) == Version(version):
                return []
            return [
                f"{file_name}: the {MODEL_STUBS_EXTRA!r} extra requires {line!r}, expected {wanted!r}"
            ]
    return [
        f"{file_name}: the {MODEL_STUBS_EXTRA!r} extra does not require {companion} (expected {wanted!r})"
    ]


def _raise_if_any(problems: list[str]) -> None:
    if problems:
        raise ReleaseError(
            "check",
            "the built distributions do not match the release",
            "\n".join(problems),
        )
