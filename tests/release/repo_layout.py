"""A throw-away repository layout (sdkgen.yaml + specs/ + generated/) for release runs,
so the tests never touch this repository's own release state."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TARGET = "pets"
# Names nobody publishes on PyPI: pip may look there for the SDK's dependencies.
# Package and distribution differ on purpose, so mixing them up fails a test.
PACKAGE = "release_pets"
DISTRIBUTION = "sdkgen-release-pets"
FILE_PREFIX = (
    "sdkgen_release_pets"  # the distribution as wheel and sdist file names spell it
)

CONFIG = f"""\
targets:
  {TARGET}:
    spec: specs/pets.json
    package: {PACKAGE}
    distribution: {DISTRIBUTION}
    output: generated/{TARGET}
    description: Pet Store SDK for the sdkgen release tests
"""


def make_repository(root: Path) -> Path:
    (root / "specs").mkdir(parents=True)
    (root / "generated").mkdir()
    (root / "sdkgen.yaml").write_text(CONFIG, encoding="utf-8")
    shutil.copy(FIXTURES / "pets-1-base.json", root / "specs" / "pets.json")
    return root


def fixture_spec(name: str) -> str:
    return str(FIXTURES / f"pets-{name}.json")


def make_repository_for(root: Path, target: str, spec: Path) -> Path:
    """A layout holding ``target`` exactly as this repository's sdkgen.yaml declares it
    (package, distribution, output), released from ``spec``."""
    entry = dict(
        yaml.safe_load((REPO_ROOT / "sdkgen.yaml").read_text(encoding="utf-8"))[
            "targets"
        ][target]
    )
    (root / "specs").mkdir(parents=True)
    (root / "generated").mkdir()
    shutil.copy(spec, root / "specs" / spec.name)
    entry["spec"] = f"specs/{spec.name}"
    # files the entry names besides its spec come along, at the same relative place
    for option in ("notification_topics",):
        if entry.get(option) and "://" not in entry[option]:
            (root / entry[option]).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(REPO_ROOT / entry[option], root / entry[option])
    (root / "sdkgen.yaml").write_text(
        yaml.safe_dump({"targets": {target: entry}}), encoding="utf-8"
    )
    return root
