"""`sdkgen release` end to end on small fixture specs, against a real local index.

Each test works in a throw-away repository layout (see repo_layout.py). The fresh
virtualenv check runs in the CLI tests; the runner-level tests switch it off to stay
fast (it is covered by test_publish.py and the CLI tests).
"""

from __future__ import annotations

import email.parser
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import state as release_state
from generator.config import load_config
from generator.release.cli import release_command
from generator.release.credentials import IndexCredentials
from generator.release.errors import ReleaseError
from generator.release.index import PackageIndex, distribution_file_version
from generator.release.runner import ReleaseRequest, release

from .index_server import FailingUploadProxy
from .repo_layout import (
    DISTRIBUTION,
    FILE_PREFIX,
    PACKAGE,
    TARGET,
    fixture_spec,
    make_repository,
)


@pytest.fixture
def repo(tmp_path) -> Path:
    return make_repository(tmp_path / "repo")


def _cli(repo: Path, index, *args: str, token: str | None = None):
    result_file = repo / "result.json"
    result_file.unlink(missing_ok=True)
    env = {
        "SDKGEN_INDEX_USER": index.username,
        "SDKGEN_INDEX_TOKEN": token or index.password,
    }
    invocation = CliRunner().invoke(
        release_command,
        [
            TARGET,
            "--config",
            str(repo / "sdkgen.yaml"),
            "--repository-url",
            index.url,
            "--result-json",
            str(result_file),
            "--quiet",
            *args,
        ],
        env=env,
    )
    result = json.loads(result_file.read_text()) if result_file.exists() else None
    return invocation, result


def _release(
    repo: Path,
    index,
    spec: str | None = None,
    repository_url: str | None = None,
    **options,
):
    target = load_config(repo / "sdkgen.yaml").targets[TARGET]
    request = ReleaseRequest(
        target=target,
        spec_source=spec,
        repository_url=repository_url or index.url,
        credentials=IndexCredentials(index.username, index.password),
        verify_in_virtualenv=False,
        **options,
    )
    return release(request)


def _state(repo: Path):
    return release_state.read_state(TARGET, repo / "specs")


def _files(version: str) -> list[str]:
    return sorted(
        [f"{FILE_PREFIX}-{version}-py3-none-any.whl", f"{FILE_PREFIX}-{version}.tar.gz"]
    )


def _published_metadata(index, version: str) -> dict[str, str]:
    """The METADATA of the wheel as the index stores it."""
    wheel_file = index.packages / f"{FILE_PREFIX}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel_file) as wheel:
        assert f"{PACKAGE}/__init__.py" in wheel.namelist()
        text = wheel.read(f"{FILE_PREFIX}-{version}.dist-info/METADATA").decode()
    return dict(email.parser.Parser().parsestr(text, headersonly=True).items())


def _generated_version(repo: Path) -> str:
    text = (repo / "generated" / TARGET / PACKAGE / "_version.py").read_text()
    return next(
        line.split('"')[1]
        for line in text.splitlines()
        if line.startswith("__version__")
    )


def test_first_release_then_no_change_then_minor_then_major(repo, package_index):
    invocation, result = _cli(repo, package_index)
    assert invocation.exit_code == 0, invocation.output
    assert (
        result["status"] == "released"
        and result["version"] == "1.0.0"
        and result["bump"] == "first"
    )
    assert package_index.files() == _files("1.0.0")
    assert _published_metadata(package_index, "1.0.0")["Name"] == DISTRIBUTION
    assert _state(repo).version == "1.0.0"
    assert _generated_version(repo) == "1.0.0"

    invocation, result = _cli(repo, package_index)
    assert invocation.exit_code == 0, invocation.output
    assert result["status"] == "unchanged" and result["version"] is None
    assert "nothing built or published" in invocation.output
    assert package_index.files() == _files("1.0.0")

    invocation, result = _cli(repo, package_index, "--spec", fixture_spec("2-minor"))
    assert invocation.exit_code == 0, invocation.output
    assert (result["bump"], result["version"]) == ("minor", "1.1.0")
    assert result["counts"]["minor"] > 0 and result["counts"]["major"] == 0
    assert "Optional property" in result["notes"] or "was added" in result["notes"]
    assert _state(repo).version == "1.1.0"
    assert _generated_version(repo) == "1.1.0"
    assert (repo / "generated" / TARGET / PACKAGE / "models" / "toy.py").exists()

    invocation, result = _cli(repo, package_index, "--spec", fixture_spec("3-major"))
    assert invocation.exit_code == 0, invocation.output
    assert (result["bump"], result["version"]) == ("major", "2.0.0")
    assert package_index.files() == sorted(
        _files("1.0.0") + _files("1.1.0") + _files("2.0.0")
    )
    state = _state(repo)
    assert state.version == "2.0.0"
    assert state.read_spec_bytes() == Path(fixture_spec("3-major")).read_bytes()
    changelog = (repo / "specs" / f"{TARGET}.CHANGELOG.md").read_text()
    assert changelog.index("2.0.0") < changelog.index("1.1.0")
    # The package carries the changelog including its own release, and a plain
    # `sdkgen generate` afterwards reproduces the released tree (CI's freshness check).
    generated = repo / "generated" / TARGET
    assert (generated / "CHANGELOG.md").read_text() == changelog
    _assert_regeneration_reproduces(repo)


def _assert_regeneration_reproduces(repo: Path) -> None:
    from generator.pipeline import generate_target

    target = load_config(repo / "sdkgen.yaml").targets[TARGET]
    fresh = repo.parent / "fresh"
    generate_target(target, output=fresh)

    def tree(folder: Path) -> dict[str, bytes]:
        return {
            p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*"))
            if p.is_file()
        }

    assert tree(fresh) == tree(target.output)


def test_forced_release_without_an_api_change(repo, package_index):
    _release(repo, package_index)
    unchanged = _release(repo, package_index)
    assert unchanged.status == "unchanged"
    forced = _release(repo, package_index, force="patch")
    assert (forced.status, forced.version, forced.bump) == ("released", "1.0.1", "none")
    # A forced level never hides a higher change: minor spec forced at patch is minor.
    minor = _release(repo, package_index, spec=fixture_spec("2-minor"), force="patch")
    assert (minor.version, minor.bump) == ("1.1.0", "minor")
    assert package_index.files() == sorted(
        _files("1.0.0") + _files("1.0.1") + _files("1.1.0")
    )


def test_upload_failing_half_way_records_nothing_and_the_rerun_finishes(
    repo, package_index
):
    _release(repo, package_index)
    state_before = (repo / "specs" / f"{TARGET}.release.json").read_text()
    generated_before = (
        repo / "generated" / TARGET / PACKAGE / "_version.py"
    ).read_text()
    proxy = FailingUploadProxy(upstream=package_index.url, fail_from_upload=2).start()
    try:
        with pytest.raises(ReleaseError) as caught:
            _release(
                repo,
                package_index,
                spec=fixture_spec("2-minor"),
                repository_url=proxy.url,
            )
        assert caught.value.step == "upload"
        assert (
            len([f for f in package_index.files() if "1.1.0" in f]) == 1
        )  # one file made it
        assert (repo / "specs" / f"{TARGET}.release.json").read_text() == state_before
        assert (
            repo / "generated" / TARGET / PACKAGE / "_version.py"
        ).read_text() == generated_before
        proxy.heal()
        resumed = _release(
            repo, package_index, spec=fixture_spec("2-minor"), repository_url=proxy.url
        )
    finally:
        proxy.stop()
    assert resumed.version == "1.1.0"
    assert len(resumed.uploaded) == 1 and len(resumed.already_on_index) == 1
    assert package_index.files() == sorted(_files("1.0.0") + _files("1.1.0"))
    assert _state(repo).version == "1.1.0"


def test_recording_failure_after_upload_resumes_by_recording_only(
    repo, package_index, monkeypatch
):
    _release(repo, package_index)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(release_state, "record_release", disk_full)
        with pytest.raises(ReleaseError) as caught:
            _release(repo, package_index, spec=fixture_spec("2-minor"))
    assert caught.value.step == "record"
    assert "re-run" in caught.value.message
    assert _state(repo).version == "1.0.0"
    assert package_index.files() == sorted(_files("1.0.0") + _files("1.1.0"))
    resumed = _release(repo, package_index, spec=fixture_spec("2-minor"))
    assert resumed.uploaded == () and sorted(resumed.already_on_index) == _files(
        "1.1.0"
    )
    assert _state(repo).version == "1.1.0"


def test_recorded_but_unpublished_version_is_published(repo, package_index):
    """`sdkgen bump` records a version without releasing it; release publishes it."""
    spec = Path(fixture_spec("1-base")).read_bytes()
    release_state.record_release(TARGET, "3.1.0", spec, repo / "specs")
    outcome = _release(repo, package_index)
    assert (outcome.status, outcome.version, outcome.bump) == (
        "released",
        "3.1.0",
        "unpublished",
    )
    assert package_index.files() == _files("3.1.0")
    assert _release(repo, package_index).status == "unchanged"


def test_invalid_spec_generates_and_records_nothing(repo, package_index):
    invocation, result = _cli(repo, package_index, "--spec", fixture_spec("invalid"))
    assert invocation.exit_code == 1
    assert result is None
    assert "release failed at step 'validate'" in invocation.output
    assert (
        "pets-invalid.json:" in invocation.output
        and "dangling-ref" in invocation.output
    )
    assert "Traceback" not in invocation.output
    assert not (repo / "generated" / TARGET).exists()
    assert _state(repo) is None
    assert package_index.files() == []


def test_dry_run_builds_and_checks_but_uploads_and_records_nothing(repo, package_index):
    invocation, result = _cli(repo, package_index, "--dry-run")
    assert invocation.exit_code == 0, invocation.output
    assert result["status"] == "dry-run" and result["version"] == "1.0.0"
    assert sorted(result["uploaded"]) == _files("1.0.0")  # what it would upload
    assert package_index.files() == []
    assert _state(repo) is None
    assert not (repo / "generated" / TARGET).exists()


def test_missing_token_fails_before_any_work(repo, package_index):
    target = load_config(repo / "sdkgen.yaml").targets[TARGET]
    request = ReleaseRequest(
        target=target,
        repository_url=package_index.url,
        credentials=IndexCredentials(username="__token__"),
    )
    with pytest.raises(ReleaseError) as caught:
        release(request)
    assert caught.value.step == "setup" and "SDKGEN_INDEX_TOKEN" in caught.value.message


def test_unknown_target_is_a_clear_error(repo, package_index):
    invocation = CliRunner().invoke(
        release_command, ["nope", "--config", str(repo / "sdkgen.yaml"), "--dry-run"]
    )
    assert invocation.exit_code == 1
    assert "unknown target 'nope'; sdkgen.yaml has: pets" in invocation.output


COMPANION_PREFIX = f"{FILE_PREFIX}_model_stubs"


def _companion_files(version: str) -> list[str]:
    return sorted(
        [
            f"{COMPANION_PREFIX}-{version}-py3-none-any.whl",
            f"{COMPANION_PREFIX}-{version}.tar.gz",
        ]
    )


@pytest.fixture
def with_model_stubs(monkeypatch):
    """Generation also writes the model-stubs companion (by hand, per the contract in
    docs/release.md), whether or not the renderer on this branch does."""
    from generator import pipeline

    from .sample_project import add_model_stubs

    render = pipeline.generate_from_api

    def generate_with_companion(api, output, settings, **options):
        result = render(api, output, settings, **options)
        if not (output / "model-stubs").exists():
            models = sorted(
                p.stem
                for p in (output / PACKAGE / "models").glob("*.py")
                if p.stem != "__init__"
            )
            add_model_stubs(
                output,
                package=PACKAGE,
                distribution=DISTRIBUTION,
                version=settings.version,
                stubs={
                    f"{name}_alias.pyi": f"from .{name} import *\n" for name in models
                },
            )
        return result

    monkeypatch.setattr(pipeline, "generate_from_api", generate_with_companion)


def test_release_with_model_stubs_publishes_both_and_resumes_after_the_companion(
    repo, package_index, with_model_stubs
):
    dry = _release(repo, package_index, dry_run=True)
    assert list(dry.uploaded) == _companion_files("1.0.0") + _files("1.0.0")
    assert package_index.files() == []

    # Through the CLI, so the fresh virtualenv check (both wheels, stubs found) runs too.
    invocation, result = _cli(repo, package_index)
    assert invocation.exit_code == 0, invocation.output
    assert result["version"] == "1.0.0"
    # The companion first: the SDK's extra resolves as soon as the SDK is visible.
    assert result["uploaded"][:2] == _companion_files("1.0.0")
    assert sorted(result["uploaded"][2:]) == _files("1.0.0")
    assert package_index.files() == sorted(_files("1.0.0") + _companion_files("1.0.0"))
    metadata = _published_metadata(package_index, "1.0.0")
    assert "model-stubs" in metadata["Provides-Extra"]
    assert (repo / "generated" / TARGET / "model-stubs" / "pyproject.toml").is_file()

    # 1.1.0 is interrupted after the companion's two files: nothing is recorded, and the
    # re-run uploads the SDK's files only.
    state_before = (repo / "specs" / f"{TARGET}.release.json").read_text()
    proxy = FailingUploadProxy(upstream=package_index.url, fail_from_upload=3).start()
    try:
        with pytest.raises(ReleaseError) as caught:
            _release(
                repo,
                package_index,
                spec=fixture_spec("2-minor"),
                repository_url=proxy.url,
            )
        assert caught.value.step == "upload"
        assert [f for f in package_index.files() if "1.1.0" in f] == _companion_files(
            "1.1.0"
        )
        assert (repo / "specs" / f"{TARGET}.release.json").read_text() == state_before
        proxy.heal()
        resumed = _release(
            repo, package_index, spec=fixture_spec("2-minor"), repository_url=proxy.url
        )
    finally:
        proxy.stop()
    assert resumed.version == "1.1.0"
    assert sorted(resumed.uploaded) == _files("1.1.0")
    assert sorted(resumed.already_on_index) == _companion_files("1.1.0")
    assert _state(repo).version == "1.1.0"
    index = PackageIndex(package_index.simple_url)
    try:
        companion_versions = {
            str(distribution_file_version(f.filename)[1])
            for f in index.files(f"{DISTRIBUTION}-model-stubs")
        }
    finally:
        index.close()
    assert companion_versions == {"1.0.0", "1.1.0"}
