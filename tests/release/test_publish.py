"""Build, check and publish against a real local index (pypiserver), with a sample SDK
(and, where a test says so, its model-stubs companion)."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from generator.release.build import (
    BuiltDistributions,
    DistributionBuild,
    ReleaseBuild,
    build_distributions,
)
from generator.release.checks import check_metadata, twine_check
from generator.release.credentials import REDACTED, IndexCredentials
from generator.release.errors import ReleaseError
from generator.release.fresh_virtualenv import verify_in_fresh_virtualenv
from generator.release.index import PackageIndex
from generator.release.publish import publish

from .index_server import FailingUploadProxy
from .sample_project import write_sample_project


@pytest.fixture
def built(tmp_path):
    project = write_sample_project(tmp_path / "project")
    return build_distributions(project, tmp_path / "dist")


def _credentials(server, token=None):
    return IndexCredentials(username=server.username, token=token or server.password)


def _sdk_only(built: BuiltDistributions) -> ReleaseBuild:
    return ReleaseBuild(DistributionBuild("sample-sdk", built))


def _publish(built, server, url=None, token=None):
    """Publish a ReleaseBuild, or the sample SDK's BuiltDistributions alone."""
    release = built if isinstance(built, ReleaseBuild) else _sdk_only(built)
    index = PackageIndex(server.simple_url, _credentials(server, token))
    try:
        return publish(
            release,
            index,
            repository_url=url or server.url,
            credentials=_credentials(server, token),
            version="1.0.0",
        )
    finally:
        index.close()


def test_built_files_pass_the_checks(built):
    assert built.wheel.name == "sample_sdk-1.0.0-py3-none-any.whl"
    assert built.sdist.name == "sample_sdk-1.0.0.tar.gz"
    twine_check(built)
    check_metadata(
        built, distribution="sample-sdk", package="sample_sdk", version="1.0.0"
    )


def test_metadata_check_names_each_mismatch(built):
    with pytest.raises(ReleaseError) as caught:
        check_metadata(
            built, distribution="other-sdk", package="sample_sdk", version="2.0.0"
        )
    assert "Version is '1.0.0', expected '2.0.0'" in caught.value.detail
    assert "Name is 'sample-sdk', expected 'other-sdk'" in caught.value.detail
    assert "_version.py says 1.0.0, expected 2.0.0" in caught.value.detail


def test_fresh_virtualenv_imports_the_wheel_and_round_trips_models(built, tmp_path):
    report = verify_in_fresh_virtualenv(
        _sdk_only(built),
        package="sample_sdk",
        version="1.0.0",
        folder=tmp_path / "venv",
    )
    assert "sample_sdk 1.0.0: 1 API modules (1 methods)" in report
    assert "1 model classes round-tripped" in report


def test_publish_uploads_once_then_finds_the_same_files(built, package_index, tmp_path):
    first = _publish(built, package_index)
    assert sorted(first.uploaded) == sorted(p.name for p in built.files)
    assert package_index.files() == sorted(p.name for p in built.files)
    # A rebuild of the same tree is not uploaded again: the index already has equal contents.
    rebuilt = build_distributions(
        write_sample_project(tmp_path / "again"), tmp_path / "dist-again"
    )
    second = _publish(rebuilt, package_index)
    assert second.uploaded == ()
    assert sorted(second.already_present) == sorted(p.name for p in built.files)


def test_publish_refuses_a_different_build_of_a_published_version(
    built, package_index, tmp_path
):
    _publish(built, package_index)
    changed = build_distributions(
        write_sample_project(tmp_path / "changed", extra_line="CHANGED = True"),
        tmp_path / "dist-changed",
    )
    with pytest.raises(ReleaseError) as caught:
        _publish(changed, package_index)
    assert "already on the index" in caught.value.message
    assert "different contents: sample_sdk/__init__.py" in caught.value.detail


def test_wrong_token_fails_without_printing_it(built, package_index):
    wrong = "wrong-token-that-must-not-leak"
    with pytest.raises(ReleaseError) as caught:
        _publish(built, package_index, token=wrong)
    text = caught.value.format()
    assert caught.value.step in ("index", "upload")
    assert wrong not in text
    assert package_index.files() == []


def test_credentials_redact_every_spelling_of_the_token():
    credentials = IndexCredentials.from_environment(
        {"SDKGEN_INDEX_TOKEN": "a/b c", "SDKGEN_INDEX_USER": "u"}
    )
    assert credentials.username == "u"
    assert "a/b c" not in repr(credentials)
    assert (
        credentials.redact("x a/b c y a%2Fb%20c z dTphL2IgYw==")
        == f"x {REDACTED} y {REDACTED} z {REDACTED}"
    )


def test_upload_broken_half_way_resumes_with_the_missing_file(built, package_index):
    proxy = FailingUploadProxy(upstream=package_index.url, fail_from_upload=2).start()
    try:
        with pytest.raises(ReleaseError) as caught:
            _publish(built, package_index, url=proxy.url)
        assert caught.value.step == "upload"
        assert package_index.password not in caught.value.format()
        assert len(package_index.files()) == 1  # the first file went through
        proxy.heal()
        resumed = _publish(built, package_index, url=proxy.url)
        assert len(resumed.uploaded) == 1 and len(resumed.already_present) == 1
        assert package_index.files() == sorted(p.name for p in built.files)
    finally:
        proxy.stop()


def test_pip_installs_the_published_sdk_by_name(built, package_index, tmp_path):
    _publish(built, package_index)
    subprocess.run([sys.executable, "-m", "venv", tmp_path / "venv"], check=True)
    python = tmp_path / "venv" / "bin" / "python"
    subprocess.run(
        [
            python,
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "--index-url",
            package_index.simple_url,
            "sample-sdk==1.0.0",
        ],
        check=True,
    )
    out = subprocess.run(
        [python, "-I", "-c", "import sample_sdk; print(sample_sdk.__version__)"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert out.strip() == "1.0.0"


def test_index_lists_nothing_for_an_unknown_project(package_index):
    index = PackageIndex(package_index.simple_url)
    assert index.files("no-such-sdk") == []
    index.close()


def test_wheel_is_reproducible(tmp_path):
    first = build_distributions(
        write_sample_project(tmp_path / "a"), tmp_path / "dist-a"
    )
    second = build_distributions(
        write_sample_project(tmp_path / "b"), tmp_path / "dist-b"
    )
    with zipfile.ZipFile(first.wheel) as a, zipfile.ZipFile(second.wheel) as b:
        assert [i.date_time for i in a.infolist()] == [
            i.date_time for i in b.infolist()
        ]
    assert first.wheel.read_bytes() == second.wheel.read_bytes()


def test_tools_do_not_inherit_the_index_token(monkeypatch):
    from generator.release.tools import run_tool

    monkeypatch.setenv("SDKGEN_INDEX_TOKEN", "inherited-secret")
    monkeypatch.setenv("TWINE_PASSWORD", "inherited-secret")
    script = "import os; print(os.environ.get('SDKGEN_INDEX_TOKEN'), os.environ.get('TWINE_PASSWORD'), os.environ.get('GIVEN'))"
    output = run_tool(
        [sys.executable, "-c", script],
        step="test",
        what="env probe",
        extra_env={"GIVEN": "yes"},
    )
    assert output.split() == ["None", "None", "yes"]


def test_fingerprint_ignores_timestamps_but_not_contents(tmp_path):
    import tarfile

    from generator.release.fingerprint import content_fingerprint

    def wheel(name: str, stamp: tuple, text: str):
        path = tmp_path / name
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr(zipfile.ZipInfo("pkg/__init__.py", date_time=stamp), text)
        return path

    def sdist(name: str, mtime: int, text: bytes):
        path = tmp_path / name
        source = tmp_path / f"{name}.src"
        source.write_bytes(text)
        with tarfile.open(path, "w:gz") as archive:
            info = archive.gettarinfo(str(source), arcname="pkg-1.0/PKG-INFO")
            info.mtime = mtime
            with source.open("rb") as handle:
                archive.addfile(info, handle)
        return path

    old, new = (1980, 1, 1, 0, 0, 0), (2024, 5, 6, 7, 8, 10)
    assert content_fingerprint(wheel("a.whl", old, "x = 1")) == content_fingerprint(
        wheel("b.whl", new, "x = 1")
    )
    assert content_fingerprint(wheel("c.whl", old, "x = 1")) != content_fingerprint(
        wheel("d.whl", old, "x = 2")
    )
    assert content_fingerprint(sdist("a.tar.gz", 0, b"v1")) == content_fingerprint(
        sdist("b.tar.gz", 9, b"v1")
    )
    assert content_fingerprint(sdist("c.tar.gz", 0, b"v1")) != content_fingerprint(
        sdist("d.tar.gz", 0, b"v2")
    )
