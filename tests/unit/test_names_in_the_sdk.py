"""Names as the user meets them: legal names kept, collisions with the runtime resolved to a
documented place, package names that could never be imported refused."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

SPEC = Path(__file__).resolve().parents[1] / "fixtures" / "specs" / "name_collisions.yaml"


@pytest.fixture(scope="module")
def collide(tmp_path_factory):
    out = tmp_path_factory.mktemp("collide")
    result = CliRunner().invoke(
        main, ["generate", "--spec", str(SPEC), "--output", str(out), "--package", "collide_sdk", "-q"]
    )
    assert result.exit_code == 0, result.output
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module("collide_sdk")
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m.split(".")[0] == "collide_sdk"]:
            del sys.modules[name]


def test_builtin_and_typing_names_stay_as_the_spec_spells_them(collide):
    assert collide.Warning.__name__ == "Warning" and collide.Warning is collide.models.Warning
    assert collide.Literal.__name__ == "Literal"
    assert not issubclass(collide.Warning, BaseException)


def test_a_model_named_like_a_runtime_class_is_reachable_from_the_top_level(collide):
    runtime_response = importlib.import_module("collide_sdk._response").ApiResponse
    assert collide.ApiResponse is runtime_response  # the runtime keeps its documented name
    model = collide.models.ApiResponse
    assert model.__module__.startswith("collide_sdk.models.")
    # ApiResponseModel is a model of the spec too, so the alias moves on to the next free name.
    assert collide.ApiResponseModel is collide.models.ApiResponseModel
    assert collide.ApiResponseModel2 is model
    assert "ApiResponseModel2" in dir(collide)
    assert model.from_json('{"code": 3, "type": "t"}').type == "t"  # `type` is not renamed


def test_the_alias_is_typed_for_type_checkers(collide):
    # type checkers read the stub beside the lazy runtime __init__.py
    init = Path(collide.__file__).with_suffix(".pyi").read_text(encoding="utf-8")
    assert "ApiResponse as _ApiResponseModel2" in init and "ApiResponseModel2 = _ApiResponseModel2" in init


@pytest.mark.parametrize(
    "package,why",
    [("json", "standard-library"), ("gc", "standard-library"), ("cgi", "standard-library"),
     ("tomllib", "standard-library"), ("class", "keyword"), ("my-sdk", "not a valid")],
)  # fmt: skip
def test_package_names_that_cannot_be_imported_are_refused(tmp_path, package, why):
    out = tmp_path / "sdk"
    result = CliRunner().invoke(
        main, ["generate", "--spec", str(SPEC), "--output", str(out), "--package", package, "-q"]
    )
    assert result.exit_code == 1 and why in result.output, result.output
    assert not out.exists()


def test_config_refuses_a_standard_library_package(tmp_path):
    from generator.config import load_config
    from generator.diagnostics import SpecError

    config = tmp_path / "sdkgen.yaml"
    config.write_text("targets:\n  t:\n    spec: s.json\n    package: asyncio\n    output: out\n")
    with pytest.raises(SpecError) as raised:
        load_config(config)
    (message,) = [d.format() for d in raised.value.diagnostics]
    assert "sdkgen.yaml:2:" in message and "/targets/t/package" in message and "standard-library" in message


def test_no_runtime_export_takes_a_platform_model_name():
    """A runtime name at the package top level shadows a model of the same name there (the
    model then answers as ``<Name>Model``): a new runtime export named like a Platform model
    (``Event``, ``Topic``...) would silently break ``purecloud_platform.<Model>`` for its users."""
    from generator.pipeline import load_api
    from generator.render.sdk import runtime_feature_names, runtime_public_names

    runtime = set(runtime_public_names())
    for names in runtime_feature_names().values():
        runtime |= set(names)
    repo = Path(__file__).resolve().parents[2]
    for spec in (repo / "specs" / "platform-api-269.0.0.json.gz",
                 repo / "tests" / "fixtures" / "platform" / "platform-api-268.0.0.json.gz"):
        api = load_api(str(spec), schema_validation=False)
        assert runtime & {model.class_name for model in api.models} == set(), spec.name
