"""The ``model-stubs`` companion, installed as users install it: both wheels built, pip into
fresh virtualenvs, pyright and mypy pointed at those. The per-model import path resolves with
the companion installed and only then; the SDK's own wheel carries none of the stubs."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generator.naming import MODEL_STUBS_FOLDER
from generator.pipeline import render_to_dir

from .conftest import pyright_command, run

KITCHEN_SINK = Path(__file__).resolve().parents[1] / "fixtures" / "specs" / "kitchen_sink.yaml"
PACKAGE = "kitchen_sdk"


def _build_wheel(project: Path, out: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(project)],
        check=True, capture_output=True, text=True, timeout=300,
    )
    (wheel,) = out.glob("*.whl")
    return wheel


def _venv_with(folder: Path, *wheels: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True, capture_output=True, timeout=300)
    python = folder / "bin" / "python"
    # --no-deps: import resolution is what is checked; the runtime's dependencies do not matter
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--disable-pip-version-check",
         *map(str, wheels)],
        check=True, capture_output=True, timeout=300,
    )
    return python


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest):
    from generator.render import sdk

    root = tmp_path_factory.mktemp("model_stubs")
    patch = pytest.MonkeyPatch()
    request.addfinalizer(patch.undo)
    patch.setattr(sdk, "BUNDLED_MODEL_STUBS_LIMIT", 0)  # every SDK past the limit looks like this
    project = root / "sdk"
    render_to_dir(str(KITCHEN_SINK), project, PACKAGE, schema_validation=False)
    main = _build_wheel(project, root / "dist-main")
    stubs = _build_wheel(project / MODEL_STUBS_FOLDER, root / "dist-stubs")
    return root, main, stubs


def _a_stub(stubs_wheel: Path) -> tuple[str, str]:
    """(module, class) of one per-model stub in the companion wheel."""
    with zipfile.ZipFile(stubs_wheel) as archive:
        path = sorted(n for n in archive.namelist() if n.endswith(".pyi"))[0]
        text = archive.read(path).decode()
    return path.removesuffix(".pyi").replace("/", "."), text.split(" import ", 1)[1].split(" as ", 1)[0].strip()


def test_the_wheels_split_the_files(built):
    _, main, stubs = built
    with zipfile.ZipFile(main) as archive:
        main_names = archive.namelist()
    with zipfile.ZipFile(stubs) as archive:
        stub_names = [n for n in archive.namelist() if ".dist-info/" not in n]
    assert stub_names and all(n.startswith(f"{PACKAGE}/models/") and n.endswith(".pyi") for n in stub_names)
    assert not set(stub_names) & set(main_names)
    assert f"{PACKAGE}/models/__init__.pyi" in main_names  # `from <sdk>.models import X` needs no extra


@pytest.mark.parametrize("checker", ["pyright", "mypy"])
def test_the_per_model_path_resolves_with_the_companion_installed_and_only_then(built, checker):
    root, main, stubs = built
    module, class_name = _a_stub(stubs)
    script_dir = root / f"user-{checker}"
    script_dir.mkdir()
    (script_dir / "port.py").write_text(
        "from typing import assert_type\n"
        f"from {PACKAGE}.models import {class_name} as FromModels\n"
        f"from {module} import {class_name}\n"
        f"assert_type({class_name}(), FromModels)\n"
    )
    outputs = {}
    for label, wheels in (("sdk only", (main,)), ("with the extra", (main, stubs))):
        python = _venv_with(root / f"venv-{checker}-{label.replace(' ', '-')}", *wheels)
        if checker == "pyright":
            command = [*pyright_command(), "--pythonpath", str(python), "port.py"]
        else:
            pytest.importorskip("mypy", reason="mypy is a dev dependency: pip install -e '.[dev]'")
            command = [sys.executable, "-m", "mypy", "--no-error-summary", "--cache-dir",
                       str(script_dir / f".mypy_cache-{label}"), "--python-executable", str(python), "port.py"]
        result = run(command, script_dir, env=None, timeout=300)
        outputs[label] = (result.returncode, result.stdout + result.stderr)
    code, output = outputs["with the extra"]
    assert code == 0, output
    code, output = outputs["sdk only"]
    assert code != 0 and module in output, output
    assert "could not be resolved" in output or "Cannot find implementation" in output, output
