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


# The model-stubs companion exactly as the renderer's contract describes it
# (generator/naming.py, docs/release.md): model-stubs/ with its own hatchling pyproject,
# a README and <package>/models/<name>.pyi files only, at the SDK's version.
MODEL_STUBS_PYPROJECT = """\
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "{distribution}"
version = "{version}"
description = "Per-model import stubs for {sdk}"
readme = "README.md"
requires-python = ">=3.9"

[tool.hatch.build.targets.wheel]
packages = ["{package}"]

[tool.hatch.build.targets.sdist]
include = ["/{package}", "/README.md"]
"""

SAMPLE_STUBS = {"pet_record.pyi": "from .pet import Pet as Pet\n"}


def add_model_stubs(
    project: Path,
    *,
    package: str,
    distribution: str,
    version: str,
    stubs: dict[str, str] = SAMPLE_STUBS,
    stray_files: dict[str, str] | None = None,
) -> Path:
    """Give ``project`` a companion and the SDK's ``model-stubs`` extra pinning it.
    ``stray_files``: paths (relative to the companion's package folder) that break the contract."""
    from generator.naming import (
        MODEL_STUBS_EXTRA,
        MODEL_STUBS_FOLDER,
        model_stubs_distribution,
    )

    companion = project / MODEL_STUBS_FOLDER
    stubs_distribution = model_stubs_distribution(distribution)
    models = companion / package / "models"
    models.mkdir(parents=True, exist_ok=True)
    (companion / "pyproject.toml").write_text(
        MODEL_STUBS_PYPROJECT.format(
            distribution=stubs_distribution,
            version=version,
            package=package,
            sdk=distribution,
        )
    )
    (companion / "README.md").write_text(f"# {stubs_distribution}\n\nStubs.\n")
    for name, text in stubs.items():
        (models / name).write_text(text)
    for relative, text in (stray_files or {}).items():
        (companion / package / relative).parent.mkdir(parents=True, exist_ok=True)
        (companion / package / relative).write_text(text)
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text()
    assert "[project.optional-dependencies]" not in text
    extra = f'{MODEL_STUBS_EXTRA} = ["{stubs_distribution}=={version}"]'
    pyproject.write_text(
        f"{text.rstrip()}\n\n[project.optional-dependencies]\n{extra}\n"
    )
    return companion
