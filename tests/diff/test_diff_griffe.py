"""Independent check of policy ``python``: generate the old and new SDK of every
fixture pair, let griffe find the breaking changes of the Python API, and require
that each one is explained by a major change of the policy."""

from __future__ import annotations

from pathlib import Path

import pytest
from diff_helpers import FIXTURES, PAIRS, pair_apis, run

from generator.runtime._model_modules import official_module_name

griffe = pytest.importorskip("griffe")

PACKAGE = "fixture_sdk"


def _generate_spec(spec: str, out: Path) -> Path:
    from generator.pipeline import render_to_dir

    render_to_dir(spec, out, PACKAGE, schema_validation=False)
    return out


def _generate(pair: str, side: str, root: Path) -> Path:
    return _generate_spec(str(FIXTURES / pair / f"{side}.yaml"), root / side)


def _breakages(old_dir: Path, new_dir: Path) -> list:
    old = griffe.load(PACKAGE, search_paths=[str(old_dir)], allow_inspection=False)
    new = griffe.load(PACKAGE, search_paths=[str(new_dir)], allow_inspection=False)
    return list(griffe.find_breaking_changes(old, new))


def _names_for(path: str, old_api) -> set[str]:
    """What a policy message calls the broken object.

    ``pkg.apis.users_api.AsyncUsersApi.get_user`` -> ``UsersApi.get_user`` or
    ``get_user`` (a renamed method is reported by its old name, the Async twin under
    the sync class); a removed module -> the classes it held."""
    parts = path.split(".")[1:]  # drop the package name
    class_index = next((i for i, part in enumerate(parts) if part[:1].isupper()), None)
    if class_index is not None:
        owner = parts[class_index].removeprefix("Async")
        members = parts[class_index + 1 :]
        return {f"{owner}.{members[-1]}", members[-1]} if members else {owner}
    module = parts[-1]
    held = {g.class_name for g in old_api.groups if g.module_name == module}
    held |= {m.class_name for m in old_api.models if m.module_name == module}
    # models/<official name>.pyi: the one-class module of the official SDK's import path
    held |= {m.class_name for m in old_api.models if official_module_name(m.class_name) == module}
    return held or {module}


def _unexplained(breakages: list, result, old_api) -> list[str]:
    majors = [c.message for c in result.changes if c.level.value == "major"]
    missing = []
    for breakage in breakages:
        names = _names_for(breakage.obj.path, old_api)
        if not any(name in message for name in names for message in majors):
            missing.append(
                f"{breakage.kind.value}: {breakage.obj.path} (looked for {sorted(names)})"
            )
    return missing


@pytest.mark.parametrize("pair", PAIRS)
def test_every_griffe_breakage_is_a_major_change(pair, tmp_path):
    breakages = _breakages(
        _generate(pair, "old", tmp_path), _generate(pair, "new", tmp_path)
    )
    result = run(pair, "python")
    unexplained = _unexplained(breakages, result, pair_apis(pair)[0])
    assert not unexplained, (
        "griffe found breaking changes the python policy did not call major:\n"
        + "\n".join(unexplained)
    )
    if breakages:
        assert result.bump == "major"


@pytest.mark.slow
def test_shipped_platform_pair(tmp_path):
    """268 -> 269: griffe sees removed models and attributes; all are major for us."""
    from generator.diff import diff_apis
    from generator.diff.cli import load_api

    specs = Path(__file__).resolve().parents[2].parent / "shared" / "specs"
    old_spec, new_spec = str(specs / "platform-api-268.0.0.json.gz"), str(
        specs / "platform-api-269.0.0.json.gz"
    )
    breakages = _breakages(
        _generate_spec(old_spec, tmp_path / "old"),
        _generate_spec(new_spec, tmp_path / "new"),
    )
    (_, old_api), (_, new_api) = load_api(old_spec), load_api(new_spec)
    assert breakages  # 12 models and 4 attributes disappear in 269
    assert not _unexplained(breakages, diff_apis(old_api, new_api, "python"), old_api)


def test_the_check_can_fail(tmp_path):
    """The harness does see breaking changes: the fixture pairs produce some."""
    found = _breakages(
        _generate("python_wire", "old", tmp_path),
        _generate("python_wire", "new", tmp_path),
    )
    kinds = {b.kind.value for b in found}
    assert (
        "Public object was removed" in kinds
        and "Positional parameter was moved" in kinds
    )
