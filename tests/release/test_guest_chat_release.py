"""The Guest Chat SDK (second target, JWT auth) through `sdkgen release`, then installed
by name from the local index into a fresh virtualenv and called against Prism."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.config import load_config
from generator.release.cli import release_command

from .repo_layout import REPO_ROOT, make_repository_for

E2E_DIR = REPO_ROOT / "tests" / "e2e"
if str(E2E_DIR) not in sys.path:  # the e2e harness modules import each other by name
    sys.path.insert(0, str(E2E_DIR))

from e2e_run import run_e2e
from plan import build_plan, load_with_ir
from prism import PrismNotInstalled, ensure_prism_installed

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

GUEST_CHAT_SPEC = REPO_ROOT / "specs" / "guest-chat-13.2.0.json.gz"


def _pip(python: Path, *args: str) -> None:
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            *args,
        ],
        check=True,
    )


def test_guest_chat_release_installs_from_the_index_and_calls_prism(
    package_index, tmp_path
):
    try:
        ensure_prism_installed()
    except PrismNotInstalled as error:
        pytest.fail(str(error), pytrace=False)
    repo = make_repository_for(tmp_path / "repo", "guest-chat", GUEST_CHAT_SPEC)
    target = load_config(repo / "sdkgen.yaml").targets["guest-chat"]

    invocation = CliRunner().invoke(
        release_command,
        [
            "guest-chat",
            "--config",
            str(repo / "sdkgen.yaml"),
            "--repository-url",
            package_index.url,
            "--quiet",
        ],
        env={
            "SDKGEN_INDEX_USER": package_index.username,
            "SDKGEN_INDEX_TOKEN": package_index.password,
        },
    )
    assert invocation.exit_code == 0, invocation.output
    assert "guest-chat: released 1.0.0" in invocation.output
    wheel_name = target.distribution.replace("-", "_") + "-1.0.0-py3-none-any.whl"
    wheel = package_index.packages / wheel_name
    with zipfile.ZipFile(wheel) as archive:
        version_module = archive.read(f"{target.package}/_version.py").decode()
    assert 'AUTH_MODE = "api_key"' in version_module  # the JWT goes in a header key
    assert target.distribution == "purecloud-guest-chat-sdk"

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    # The SDK strictly from the local index, by name; then its dependencies from the usual index.
    _pip(
        python,
        "--no-deps",
        "--index-url",
        package_index.simple_url,
        f"{target.distribution}==1.0.0",
    )
    _pip(
        python,
        "--extra-index-url",
        package_index.simple_url,
        f"{target.distribution}==1.0.0",
    )

    spec, api = load_with_ir(GUEST_CHAT_SPEC)
    # Creating a chat needs no token; reading its members uses the JWT.
    chosen = [
        op
        for op in api.operations
        if op.operation_id
        in ("postWebchatGuestConversations", "getWebchatGuestConversationMembers")
    ]
    assert len(chosen) == 2
    report = run_e2e(
        spec=spec,
        operation_keys=[op.key for op in chosen],
        calls=build_plan(spec, api, chosen),
        sdk_python=python,
        package=target.package,
        auth_mode="jwt",
        work_dir=tmp_path,
    )
    assert report.ok, report.summary()
    assert report.decoded == 2
