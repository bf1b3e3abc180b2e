"""A small hand-written SDK project shaped like a generated one (package with
``_version.py``, ``py.typed``, ``apis/`` and ``models/``), so the build, check and
publish steps can be tested without the generator. Stdlib only: installs offline."""

from __future__ import annotations

from pathlib import Path

PYPROJECT = """\
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "{distribution}"
version = "{version}"
description = "Sample SDK for the sdkgen release tests"
readme = "README.md"
requires-python = ">=3.9"

[tool.hatch.build.targets.wheel]
packages = ["{package}"]
"""

MODEL = """\
import json


class Pet:
    __struct_fields__ = ("name", "age")
    __annotations__ = {"name": "str | None", "age": "int | None"}

    def __init__(self, name=None, age=None):
        self.name, self.age = name, age

    def __eq__(self, other):
        return type(other) is Pet and (self.name, self.age) == (other.name, other.age)

    def to_json(self):
        return json.dumps({k: v for k, v in {"name": self.name, "age": self.age}.items() if v is not None})

    @classmethod
    def from_json(cls, text):
        return cls(**json.loads(text))
"""


def write_sample_project(
    root: Path,
    *,
    package: str = "sample_sdk",
    distribution: str = "sample-sdk",
    version: str = "1.0.0",
    extra_line: str = "",
) -> Path:
    """Write the project into ``root``; ``extra_line`` changes the contents (a different build)."""
    pkg = root / package
    (pkg / "apis").mkdir(parents=True, exist_ok=True)
    (pkg / "models").mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text(
        PYPROJECT.format(distribution=distribution, version=version, package=package)
    )
    (root / "README.md").write_text(f"# {distribution}\n\nA sample SDK.\n")
    (pkg / "__init__.py").write_text(
        f"from ._version import __version__\n{extra_line}\n"
    )
    (pkg / "_version.py").write_text(f'__version__ = "{version}"\n')
    (pkg / "py.typed").write_text("")
    (pkg / "apis" / "__init__.py").write_text("")
    (pkg / "apis" / "pets_api.py").write_text(
        "class PetsApi:\n    def get_pet(self, pet_id):\n        return pet_id\n"
    )
    (pkg / "models" / "__init__.py").write_text("")
    (pkg / "models" / "pet.py").write_text(MODEL)
    return root
