"""Every real third-party Swagger 2.0 spec in ../shared/realspecs generates with the plain
command, and all of it imports: every module, every model and API class, every definition by
its own name. (The specs are never committed; without ../shared these tests skip.)"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REALSPECS = Path(__file__).resolve().parents[2].parent / "shared" / "realspecs"
SPECS = sorted(p.name for p in REALSPECS.glob("*") if p.suffix in (".json", ".yaml", ".yml")) if REALSPECS.is_dir() else []

# Really invalid documents: refusing them with located errors is right.
REFUSED = {"slack_web.json", "openshift.json"}

IMPORT_EVERYTHING = r"""
import importlib, inspect, json, pkgutil, sys
package = sys.argv[1]
expected = json.loads(sys.argv[2])
root = importlib.import_module(package)
modules = [name for _, name, _ in pkgutil.walk_packages(root.__path__, package + ".")]
for name in modules:
    importlib.import_module(name)
models = importlib.import_module(package + ".models")
apis = importlib.import_module(package + ".apis")
missing = [name for name in expected if name not in models.__all__]
classes = 0
for name in models.__all__:
    value = getattr(models, name)
    if inspect.isclass(value) and hasattr(value, "__struct_fields__"):
        value()  # every model builds empty
        classes += 1
api_classes = [getattr(apis, name) for name in apis.__all__]
for api in api_classes:
    api()
print(json.dumps({"modules": len(modules), "names": len(models.__all__), "classes": classes,
                  "apis": len(api_classes), "missing": missing}))
"""


def _sdkgen() -> list[str]:
    script = Path(sys.executable).with_name("sdkgen")
    return [str(script)] if script.exists() else [sys.executable, "-m", "generator"]


def _cases():
    for name in SPECS:
        yield pytest.param(name, marks=[pytest.mark.slow], id=name)


def _expected_names(spec: Path) -> list[str]:
    """The Python name of every definition of the spec (the surface decides them)."""
    from generator.pipeline import load_api
    from generator.surface import build_surface

    surface = build_surface(load_api(str(spec), schema_validation=False))
    return [t.name for t in surface.types if not t.inline]


@pytest.mark.skipif(not SPECS, reason=f"{REALSPECS} is absent: the real specs live in ../shared beside the repository")
@pytest.mark.parametrize("name", list(_cases()))
def test_real_spec_generates_and_everything_imports(name, tmp_path):
    spec = REALSPECS / name
    package = "rs_" + spec.stem.replace("-", "_")
    out = tmp_path / "sdk"
    run = subprocess.run([*_sdkgen(), "generate", "--spec", str(spec), "--output", str(out), "--package", package],
                         capture_output=True, text=True, timeout=900)
    if name in REFUSED:
        assert run.returncode != 0 and not out.exists()
        assert f"{spec}:" in run.stdout + run.stderr and "error[" in run.stdout + run.stderr  # located
        return
    assert run.returncode == 0, run.stdout + run.stderr
    expected = _expected_names(spec)
    check = subprocess.run([sys.executable, "-c", IMPORT_EVERYTHING, package, json.dumps(expected)],
                           cwd=out, capture_output=True, text=True, timeout=900)
    assert check.returncode == 0, check.stderr
    report = json.loads(check.stdout)
    assert report["missing"] == [], report["missing"][:20]
    assert report["names"] >= len(expected) and report["apis"] >= 2
    shutil.rmtree(out, ignore_errors=True)


@pytest.mark.slow
@pytest.mark.skipif(not (REALSPECS / "eve_esi.json").exists(), reason=f"{REALSPECS / 'eve_esi.json'} is absent")
def test_eve_esi_methods_have_typed_returns():
    """EVE ESI declares nearly every response inline: they become models, not dicts."""
    from generator.pipeline import load_api
    from generator.surface import build_surface

    surface = build_surface(load_api(str(REALSPECS / "eve_esi.json"), schema_validation=False))
    untyped = [m.python_name for m in surface.methods if "Any" in m.returns.text]
    assert len(surface.methods) == 205
    assert len(untyped) <= 0.05 * len(surface.methods), untyped
