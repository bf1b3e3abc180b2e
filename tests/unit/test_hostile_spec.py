"""A spec full of names that fight Python (keywords, builtins, our own member names, case
twins, digits, punctuation, unicode, code in descriptions) still gives an importable,
usable SDK, and names the generated models cannot carry are refused with their place."""

import importlib
import inspect
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile" / "hostile_names.json"

EXERCISE = r"""
import asyncio, inspect, json, sys
import hostile_sdk as sdk
import hostile_sdk.apis as apis
import hostile_sdk.models as models

report = {"models": {}, "apis": {}}
for name in dir(models):
    cls = getattr(models, name)
    if not hasattr(cls, "__struct_fields__"):  # an enum or a type alias: importable is enough
        report["models"][name] = type(cls).__name__
        continue
    empty = cls()
    assert cls.from_json(empty.to_json()) == empty
    report["models"][name] = sorted(cls.__struct_fields__)
for name in dir(apis):
    api = getattr(apis, name)
    report["apis"][name] = {
        method: list(inspect.signature(fn).parameters)
        for method, fn in vars(api).items() if not method.startswith("_") and callable(fn)
    }
print(json.dumps(report))
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile") / "sdk"
    result = CliRunner().invoke(main, ["generate", "--spec", str(HOSTILE), "--output", str(out),
                                       "--package", "hostile_sdk", "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


def test_every_model_and_api_imports_and_works(generated):
    run = subprocess.run([sys.executable, "-c", EXERCISE], cwd=generated, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert len(report["models"]) == 8  # "Any" is a map alias (importable as Any_), not a class
    assert report["models"]["Any_"] == "GenericAlias"
    # case twins ('class'/'Class', 'Things'/'things'/'THINGS') got distinct classes
    assert {"Class", "Class2", "None_", "Model_", "Model1abc", "Init"} <= set(report["models"])
    things = [name for name in report["apis"] if name.lower().startswith("things")]
    assert len({n.lower() for n in things}) == len(things) >= 2
    params = report["apis"]["ThingsApi2"]["get_thing"]
    assert params[:4] == ["self", "self_", "request_options_", "class_"]
    assert params[-1] == "request_options" and len(set(params)) == len(params)
    assert "unicode" in params


def test_code_in_descriptions_stays_in_docstrings(generated):
    text = next((generated / "hostile_sdk" / "apis").glob("things_api*.py")).read_text()
    compile(text, "things_api.py", "exec")  # the description's triple quotes did not end the docstring
    assert "os.system" in text  # kept as documentation text, escaped


def test_unrepresentable_property_name_is_a_located_error(tmp_path):
    spec = json.loads(HOSTILE.read_text())
    spec["definitions"]["Model"]["properties"]['quote"inside'] = {"type": "string"}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(spec))
    result = CliRunner().invoke(main, ["generate", "--spec", str(path), "--output", str(tmp_path / "o"),
                                       "--package", "x", "--no-schema"])
    assert result.exit_code == 1
    assert "unsupported-property-name" in result.output and "/definitions/Model/properties/" in result.output
    assert not (tmp_path / "o").exists()
