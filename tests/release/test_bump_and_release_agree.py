"""`sdkgen bump` and `sdkgen release --dry-run` decide the same version for a filtered
target: both load, check, build and filter through generator.pipeline.load_checked and
ask generator.versioning.decide_version (issue 9's Done-when)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from click.testing import CliRunner

from generator.config import load_config
from generator.diff.cli import bump_command
from generator.release.runner import ReleaseRequest, release

from .repo_layout import PACKAGE, TARGET, fixture_spec

CONFIG = f"""\
targets:
  {TARGET}:
    spec: specs/pets.json
    package: {PACKAGE}
    output: generated/{TARGET}
    include_tags: [Pets]
"""


def _specs() -> tuple[dict, dict]:
    """Old: the pets fixture plus a Stores operation the target filters out. New: the
    Stores operation removed (a major change, outside the filter) and one Pets operation
    added (a minor change, inside)."""
    old = json.loads(Path(fixture_spec("1-base")).read_text())
    old["paths"]["/api/v2/stores"] = {
        "get": {
            "tags": ["Stores"],
            "operationId": "getStores",
            "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Pet"}}},
        }
    }
    new = copy.deepcopy(old)
    del new["paths"]["/api/v2/stores"]
    new["paths"]["/api/v2/pets/{petId}"]["delete"] = {
        "tags": ["Pets"],
        "operationId": "deletePet",
        "parameters": [{"name": "petId", "in": "path", "required": True, "type": "string"}],
        "responses": {"204": {"description": "deleted"}},
    }
    return old, new


def _bump(repo: Path, *args: str) -> dict:
    result = CliRunner().invoke(
        bump_command, [TARGET, "--config", str(repo / "sdkgen.yaml"), "--format", "json", *args]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_bump_and_release_dry_run_agree_on_a_filtered_target(tmp_path):
    old, new = _specs()
    repo = tmp_path / "repo"
    (repo / "specs").mkdir(parents=True)
    (repo / "sdkgen.yaml").write_text(CONFIG, encoding="utf-8")
    spec = repo / "specs" / "pets.json"
    spec.write_text(json.dumps(old), encoding="utf-8")
    assert _bump(repo)["next"] == "1.0.0"  # records the first release

    spec.write_text(json.dumps(new), encoding="utf-8")
    bumped = _bump(repo, "--dry-run")
    target = load_config(repo / "sdkgen.yaml").targets[TARGET]
    released = release(ReleaseRequest(target=target, dry_run=True, verify_in_virtualenv=False))

    assert (bumped["next"], bumped["bump"]) == ("1.1.0", "minor")
    assert (released.version, released.bump, released.status) == ("1.1.0", "minor", "dry-run")

    # The fixture does tell a filtered decision from an unfiltered one.
    unfiltered = repo / "sdkgen.yaml"
    unfiltered.write_text(CONFIG.replace("    include_tags: [Pets]\n", ""), encoding="utf-8")
    assert _bump(repo, "--dry-run")["next"] == "2.0.0"
