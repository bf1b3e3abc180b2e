"""The formatter step: ruff's output must be exactly what black would write, so the
generated SDK passes ``black --check`` although sdkgen never runs black itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.ir.build import build_api
from generator.loader import load_spec
from generator.render import RenderSettings, render_sdk
from generator.render.format import FormatError, format_files
from generator.render.sdk import runtime_file_paths
from generator.render.writer import write_tree

REPOSITORY = Path(__file__).resolve().parents[2]
SPECS = REPOSITORY / "tests" / "fixtures" / "specs"
FIXTURES = sorted(p.name for p in SPECS.iterdir() if p.suffix in (".yaml", ".yml", ".json"))
PLATFORM_SPEC = REPOSITORY / "specs" / "platform-api-269.0.0.json.gz"


def _write_generated(spec_path: Path, output: Path) -> list[str]:
    """Render, write (which formats with ruff) and return the rendered .py paths."""
    api = build_api(load_spec(str(spec_path)), Diagnostics())
    settings = RenderSettings(package="sdk_under_test", distribution="sdk-under-test", version="0.0.1")
    files = render_sdk(api, settings)
    runtime = runtime_file_paths(files, settings.package)
    rendered_python = sorted(p for p in files if p.endswith(".py") and p not in runtime)
    write_tree(files, output, format_paths=rendered_python)
    return rendered_python


def _black_check(root: Path, paths: list[str]) -> subprocess.CompletedProcess:
    # The same settings the generated pyproject.toml gives black.
    return subprocess.run(
        [sys.executable, "-m", "black", "--check", "--diff", "--quiet", "--line-length", "88",
         "--target-version", "py310", *paths],
        cwd=root, capture_output=True, text=True,
    )


@pytest.mark.parametrize("name", FIXTURES)
def test_black_agrees_with_ruff_on_fixture_output(name, tmp_path):
    output = tmp_path / "out"
    paths = _write_generated(SPECS / name, output)
    result = _black_check(output, paths)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]


@pytest.mark.parametrize("name", FIXTURES)
def test_generated_code_has_no_undefined_or_unused_names(name, tmp_path):
    """pyflakes rules over the rendered code: every name in an annotation is importable
    for type checkers, and the lazy ``__init__`` re-exports are explicit."""
    from generator.render.format import ruff_command

    output = tmp_path / "out"
    paths = _write_generated(SPECS / name, output)
    result = subprocess.run(
        [*ruff_command(), "check", "--isolated", "--no-cache", "--select", "F,E9", "--target-version", "py310",
         "--output-format", "concise", *paths],
        cwd=output, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]


@pytest.mark.slow
def test_black_agrees_with_ruff_on_full_platform_output(tmp_path):
    output = tmp_path / "out"
    paths = _write_generated(PLATFORM_SPEC, output)
    result = _black_check(output, paths)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]


def test_format_files_formats_only_python_outside_skip():
    files = {"a.py": "x = ( 1, )\n", "b.py": "y = ( 2, )\n", "c.md": "x = ( 1, )\n"}
    formatted = format_files(files, skip={"b.py"})
    assert formatted == {"a.py": "x = (1,)\n", "b.py": "y = ( 2, )\n", "c.md": "x = ( 1, )\n"}


def test_format_error_says_what_failed():
    with pytest.raises(FormatError, match="ruff format failed"):
        format_files({"broken.py": "def f(:\n"})
