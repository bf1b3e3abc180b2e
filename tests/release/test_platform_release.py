"""The issue's "done when": a first Platform release from 268.0.0, then
`sdkgen release platform --spec specs/platform-api-269.0.0.json.gz
--repository-url http://127.0.0.1:PORT/` publishes the version the diff calls for."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from generator import state as release_state
from generator.release.cli import release_command

from .repo_layout import REPO_ROOT, make_repository_for

pytestmark = pytest.mark.slow

PLATFORM_FIXTURES = REPO_ROOT / "tests" / "fixtures" / "platform"  # 268.0.0 lives here
SHIPPED_SPECS = REPO_ROOT / "specs"


def _release(repo, index, *args):
    result_file = repo / "result.json"
    invocation = CliRunner().invoke(
        release_command,
        [
            "platform",
            "--config",
            str(repo / "sdkgen.yaml"),
            "--repository-url",
            index.url,
            "--result-json",
            str(result_file),
            "--quiet",
            *args,
        ],
        env={"SDKGEN_INDEX_USER": index.username, "SDKGEN_INDEX_TOKEN": index.password},
    )
    assert invocation.exit_code == 0, invocation.output
    return json.loads(result_file.read_text())


def test_platform_268_then_269_publishes_the_major_release(package_index, tmp_path):
    spec_268 = PLATFORM_FIXTURES / "platform-api-268.0.0.json.gz"
    spec_269 = SHIPPED_SPECS / "platform-api-269.0.0.json.gz"
    repo = make_repository_for(tmp_path / "repo", "platform", spec_268)

    first = _release(repo, package_index)
    assert (first["status"], first["version"]) == ("released", "1.0.0")

    second = _release(repo, package_index, "--spec", str(spec_269))
    # 268 -> 269 removes models and operations' parameters change: a major release.
    assert (second["status"], second["bump"], second["version"]) == (
        "released",
        "major",
        "2.0.0",
    )
    assert second["counts"]["major"] > 0
    # The SDK and its model-stubs companion (the Platform has thousands of per-model
    # stubs), the companion uploaded first.
    assert sorted(package_index.files()) == sorted(
        f"purecloud_platform_sdk{companion}-{version}{suffix}"
        for companion in ("", "_model_stubs")
        for version in ("1.0.0", "2.0.0")
        for suffix in ("-py3-none-any.whl", ".tar.gz")
    )
    assert [name.split("-")[0] for name in second["uploaded"]] == [
        "purecloud_platform_sdk_model_stubs",
        "purecloud_platform_sdk_model_stubs",
        "purecloud_platform_sdk",
        "purecloud_platform_sdk",
    ]
    state = release_state.read_state("platform", repo / "specs")
    assert state.version == "2.0.0"
    assert state.spec_sha256 == release_state.spec_digest(spec_269.read_bytes())

    again = _release(repo, package_index, "--spec", str(spec_269))
    assert again["status"] == "unchanged"
