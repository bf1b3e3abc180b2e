"""sdkgen as its users install it: a wheel built from the sdist, installed into a fresh
virtualenv, run from a folder outside the repository, under several Pythons.

Its output must be byte-identical to the checkout's (so the wheel carries every template
and docs/runtime.md, and nothing depends on the interpreter: the Done-when of issue 9,
"generating with Python 3.10 and 3.12/3.13 gives identical output"), and ``sdkgen release``
must run from that plain install (build and twine are dependencies).
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.interpreters import find_interpreter

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
SPECS = [REPO / "tests/fixtures/specs/kitchen_sink.yaml", REPO / "tests/fixtures/specs/name_collisions.yaml"]


def _run(argv, cwd: Path, timeout: float = 900) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    completed = subprocess.run(
        [str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert completed.returncode == 0, f"{argv}\n{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}"
    return completed.stdout


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """sdist first, then the wheel from the sdist, as ``python -m build`` does."""
    out = tmp_path_factory.mktemp("dist")
    from generator.release.build import build_requirements_installed

    isolation = ["--no-isolation"] if build_requirements_installed(REPO) else []
    _run([sys.executable, "-m", "build", *isolation, "--outdir", out, REPO], cwd=out)
    (built,) = out.glob("sdkgen-*.whl")
    return built


@pytest.fixture(scope="module")
def expected(tmp_path_factory) -> dict[str, dict[str, bytes]]:
    """What the checkout generates (this interpreter, sdkgen from the repository)."""
    from generator.pipeline import render_to_dir

    trees = {}
    for spec in SPECS:
        out = tmp_path_factory.mktemp("expected") / "sdk"
        render_to_dir(str(spec), out, "fixture_sdk")
        trees[spec.name] = _tree(out)
    return trees


def _install(wheel: Path, python: Path | str, folder: Path) -> Path:
    if Path(python).resolve() == Path(sys.executable).resolve():
        venv.EnvBuilder(with_pip=True).create(folder)
    else:
        _run([python, "-m", "venv", folder], cwd=folder.parent)
    _run([folder / "bin/python", "-m", "pip", "install", "--quiet", wheel], cwd=folder.parent)
    return folder / "bin"


def _interpreter(version: str | None):
    """None: this Python; "3.10"; "newest": 3.13, else 3.12 (the Done-when's "3.12 or 3.13")."""
    if version is None:
        return sys.executable
    candidates = ("3.13", "3.12") if version == "newest" else (version,)
    for candidate in candidates:
        python = find_interpreter(candidate)
        if python is not None:
            return python
    pytest.skip(f"no Python {' or '.join(candidates)} on this machine (PATH or pyenv): output not compared under it")


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory):
    """``installed(version)``: the bin folder of a fresh virtualenv holding the wheel (one
    per interpreter, shared by the tests of this module)."""
    made: dict[str, Path] = {}

    def install(version: str | None) -> Path:
        python = _interpreter(version)
        if str(python) not in made:
            made[str(python)] = _install(wheel, python, tmp_path_factory.mktemp("venv") / "venv")
        return made[str(python)]

    return install


def test_the_wheel_carries_the_templates_and_the_runtime_doc(wheel):
    import zipfile

    names = set(zipfile.ZipFile(wheel).namelist())
    templates = {f"generator/_bundled/templates/{p.name}" for p in (REPO / "templates").iterdir() if p.is_file()}
    assert templates and templates <= names
    assert "generator/_bundled/runtime.md" in names
    assert "generator/runtime/api_client.py" in names


@pytest.mark.parametrize("version", [None, "3.10", "newest"])
def test_an_installed_sdkgen_generates_the_same_bytes_anywhere(installed, expected, tmp_path, version):
    bin_dir = installed(version)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    for spec in SPECS:
        out = outside / spec.stem
        _run([bin_dir / "sdkgen", "generate", "--spec", spec, "--output", out, "--package", "fixture_sdk", "-q"],
             cwd=outside)  # fmt: skip
        produced = _tree(out)
        assert produced.keys() == expected[spec.name].keys()
        differing = [path for path, data in produced.items() if data != expected[spec.name][path]]
        assert not differing, f"{spec.name} under {bin_dir}: {differing[:10]}"
        readme = produced["README.md"].decode()
        assert "Per-request options" in readme, "the runtime section (docs/runtime.md) is missing from the README"


def test_release_runs_from_a_plain_install(installed, tmp_path):
    from tests.release.repo_layout import TARGET, make_repository

    bin_dir = installed(None)
    repo = make_repository(tmp_path / "repo")
    output = _run([bin_dir / "sdkgen", "release", TARGET, "--dry-run", "--quiet"], cwd=repo)
    assert "dry run: would release 1.0.0" in output, output
