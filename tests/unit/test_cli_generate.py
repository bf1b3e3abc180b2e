"""`sdkgen generate`: one-off and config runs, exit codes, and the output folder's safety."""

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
KITCHEN_SINK = FIXTURES / "specs" / "kitchen_sink.yaml"


def run(*args, cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, list(map(str, args)), catch_exceptions=False)
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return runner.invoke(main, list(map(str, args)), catch_exceptions=False)
    finally:
        os.chdir(old)


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generate_from_spec(tmp_path):
    out = tmp_path / "sdk"
    result = run("generate", "--spec", KITCHEN_SINK, "--output", out, "--package", "kitchen", "-q")
    assert result.exit_code == 0, result.output
    assert (out / "pyproject.toml").is_file() and (out / "kitchen" / "__init__.py").is_file()
    assert (out / "kitchen" / "py.typed").exists()


def test_generate_is_deterministic(tmp_path):
    for name in ("a", "b"):
        assert run("generate", "--spec", KITCHEN_SINK, "--output", tmp_path / name, "--package", "k", "-q").exit_code == 0
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_failed_generation_leaves_previous_output_untouched(tmp_path):
    out = tmp_path / "sdk"
    assert run("generate", "--spec", KITCHEN_SINK, "--output", out, "--package", "k", "-q").exit_code == 0
    before = tree(out)
    result = run("generate", "--spec", FIXTURES / "bad" / "dangling_ref.json", "--output", out, "--package", "k")
    assert result.exit_code == 1
    assert "dangling-ref" in result.output and "dangling_ref.json" in result.output
    assert "Traceback" not in result.output
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sdk"]  # no temp folders left behind


def test_a_schema_error_found_while_writing_leaves_previous_output_untouched(tmp_path):
    """Only openapi-spec-validator objects to this spec; it runs alongside render and the
    formatting of the new tree, which must then be thrown away, not swapped in."""
    out = tmp_path / "sdk"
    assert run("generate", "--spec", KITCHEN_SINK, "--output", out, "--package", "k", "-q").exit_code == 0
    before = tree(out)
    spec = tmp_path / "extra_key.json"
    spec.write_text(json.dumps({
        "swagger": "2.0", "info": {"title": "T", "version": "1"}, "bogusTopLevel": 1,
        "paths": {"/a": {"get": {"operationId": "getA", "responses": {"200": {"description": "ok"}}}}},
    }))
    result = run("generate", "--spec", spec, "--output", out, "--package", "k")
    assert result.exit_code == 1
    assert "swagger-schema" in result.output and "bogusTopLevel" in result.output
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["extra_key.json", "sdk"]  # no temp folders


@pytest.mark.parametrize("bad", ["invalid_json.json", "openapi3.yaml", "not_swagger.json", "truncated.json.gz"])
def test_bad_input_exits_1_with_location(tmp_path, bad):
    result = run("generate", "--spec", FIXTURES / "bad" / bad, "--output", tmp_path / "o", "--package", "k")
    assert result.exit_code == 1
    assert bad in result.output and "Traceback" not in result.output
    assert not (tmp_path / "o").exists()


def test_hostile_names_stay_inside_the_output_folder(tmp_path):
    hostile = {
        "swagger": "2.0",
        "info": {"title": "../../evil", "version": "1"},
        "paths": {
            "/x/{id}": {"get": {
                "operationId": "../../../etc/passwd",
                "tags": ["../../outside", "/abs/olute", "C:\\win", "con"],
                "parameters": [{"name": "id", "in": "path", "required": True, "type": "string"}],
                "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/..~1..~1evil"}}},
            }},
        },
        "definitions": {"../../evil": {"properties": {"../x": {"type": "string"}, "__init__": {"type": "string"}}},
                        "/etc/hosts": {"properties": {"a": {"type": "string"}}}},
    }
    spec = tmp_path / "hostile.json"
    spec.write_text(json.dumps(hostile))
    out = tmp_path / "inner" / "sdk"
    result = run("generate", "--spec", spec, "--output", out, "--package", "hostile", "-q", "--no-schema")
    assert result.exit_code == 0, result.output
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p != spec]
    assert written and all(out in p.parents for p in written)


def test_generate_targets_from_config(tmp_path):
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "k.yaml").write_bytes(KITCHEN_SINK.read_bytes())
    (tmp_path / "sdkgen.yaml").write_text(
        "targets:\n  one:\n    spec: specs/k.yaml\n    package: one_sdk\n    output: generated/one\n"
        "  two:\n    spec: specs/k.yaml\n    package: two_sdk\n    output: generated/two\n"
        "    include_tags: [Users]\n")
    result = run("generate", "two", "-q", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "generated" / "two" / "two_sdk").is_dir() and not (tmp_path / "generated" / "one").exists()
    assert run("generate", "-q", cwd=tmp_path).exit_code == 0
    assert (tmp_path / "generated" / "one" / "one_sdk").is_dir()
    unknown = run("generate", "three", cwd=tmp_path)
    assert unknown.exit_code == 1 and "unknown target" in unknown.output


def test_usage_errors(tmp_path):
    assert run("generate", "--spec", KITCHEN_SINK).exit_code == 1
    bad_package = run("generate", "--spec", KITCHEN_SINK, "--output", tmp_path / "o", "--package", "not-valid")
    assert bad_package.exit_code == 1 and "not a valid Python package name" in bad_package.output


def test_notification_topics_option(tmp_path):
    topics = tmp_path / "topics.json"
    topics.write_text('{\n  "entities": [\n    {"id": "v2.things.{id}.changes"},\n    {"id": "v2..bad"}\n  ]\n}\n')
    out = tmp_path / "out"
    result = run("generate", "--spec", KITCHEN_SINK, "--output", out, "--package", "ks", "--quiet",
                 "--notification-topics", topics)
    assert result.exit_code == 1 and not out.exists()
    assert f"{topics}:4: error[invalid-topics] at /entities/1/id" in result.output
    topics.write_text('{"entities": [{"id": "v2.things.{id}.changes"}]}')
    result = run("generate", "--spec", KITCHEN_SINK, "--output", out, "--package", "ks", "--quiet",
                 "--notification-topics", topics)
    assert result.exit_code == 0, result.output
    assert "def things_changes(id: str) -> str:" in (out / "ks" / "topics.py").read_text()
    result = run("generate", "--notification-topics", topics)
    assert result.exit_code != 0 and "goes with --spec" in result.output
