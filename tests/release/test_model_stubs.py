"""The model-stubs companion (``<dist>-model-stubs``): built, checked, installed and
published with the SDK, against a real local index (pypiserver). The sample SDK of
sample_project.py gets a companion written by hand, exactly as the renderer's contract
describes it (docs/release.md), so these tests do not depend on the renderer."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from generator.release.build import build_release
from generator.release.checks import check_model_stubs_metadata, check_release
from generator.release.credentials import IndexCredentials
from generator.release.errors import ReleaseError
from generator.release.fresh_virtualenv import verify_in_fresh_virtualenv
from generator.release.index import PackageIndex
from generator.release.publish import publish

from .index_server import FailingUploadProxy
from .sample_project import add_model_stubs, write_sample_project

SDK = "sample-sdk"
COMPANION = "sample-sdk-model-stubs"
PACKAGE = "sample_sdk"
SDK_FILES = ["sample_sdk-1.0.0-py3-none-any.whl", "sample_sdk-1.0.0.tar.gz"]
COMPANION_FILES = [
    "sample_sdk_model_stubs-1.0.0-py3-none-any.whl",
    "sample_sdk_model_stubs-1.0.0.tar.gz",
]


def _project(root, **companion_options):
    project = write_sample_project(root)
    add_model_stubs(
        project, package=PACKAGE, distribution=SDK, version="1.0.0", **companion_options
    )
    return project


@pytest.fixture
def release_build(tmp_path):
    return build_release(
        _project(tmp_path / "project"), tmp_path / "dist", distribution=SDK
    )


def _publish(release, server, url=None):
    credentials = IndexCredentials(username=server.username, token=server.password)
    index = PackageIndex(server.simple_url, credentials)
    try:
        return publish(
            release,
            index,
            repository_url=url or server.url,
            credentials=credentials,
            version="1.0.0",
        )
    finally:
        index.close()


def test_both_distributions_are_built_and_pass_the_checks(release_build):
    assert release_build.sdk.distribution == SDK
    assert release_build.model_stubs.distribution == COMPANION
    assert [part.distribution for part in release_build.upload_order] == [
        COMPANION,
        SDK,
    ]
    assert [p.name for p in release_build.files] == COMPANION_FILES + SDK_FILES
    with zipfile.ZipFile(release_build.model_stubs.built.wheel) as wheel:
        assert f"{PACKAGE}/models/pet_record.pyi" in wheel.namelist()
    check_release(release_build, package=PACKAGE, version="1.0.0")


def test_a_project_without_companion_builds_the_sdk_alone(tmp_path):
    built = build_release(
        write_sample_project(tmp_path / "project"), tmp_path / "dist", distribution=SDK
    )
    assert built.model_stubs is None
    assert [p.name for p in built.files] == SDK_FILES
    check_release(built, package=PACKAGE, version="1.0.0")


@pytest.mark.parametrize(
    "stray, expected",
    [
        ({"models/__init__.py": ""}, "sample_sdk/models/__init__.py"),
        ({"py.typed": ""}, "sample_sdk/py.typed"),
        ({"models/nested/deep.pyi": ""}, "sample_sdk/models/nested/deep.pyi"),
    ],
)
def test_a_companion_wheel_with_a_stray_file_is_refused(tmp_path, stray, expected):
    release = build_release(
        _project(tmp_path / "project", stray_files=stray),
        tmp_path / "dist",
        distribution=SDK,
    )
    with pytest.raises(ReleaseError) as caught:
        check_model_stubs_metadata(
            release.model_stubs.built,
            distribution=COMPANION,
            package=PACKAGE,
            version="1.0.0",
        )
    assert caught.value.step == "check"
    assert "installs files besides sample_sdk/models/*.pyi stubs" in caught.value.detail
    assert expected in caught.value.detail


def test_a_companion_without_stubs_is_refused(tmp_path):
    release = build_release(
        _project(tmp_path / "project", stubs={}, stray_files={"models/notes.txt": "x"}),
        tmp_path / "dist",
        distribution=SDK,
    )
    with pytest.raises(ReleaseError) as caught:
        check_release(release, package=PACKAGE, version="1.0.0")
    assert "holds no sample_sdk/models/*.pyi stub" in caught.value.detail


def test_the_sdk_extra_must_pin_the_companion_at_the_release_version(tmp_path):
    project = _project(tmp_path / "project")
    pyproject = project / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text().replace(
            "sample-sdk-model-stubs==1.0.0", "sample-sdk-model-stubs>=1.0"
        )
    )
    release = build_release(project, tmp_path / "dist", distribution=SDK)
    with pytest.raises(ReleaseError) as caught:
        check_release(release, package=PACKAGE, version="1.0.0")
    assert "the 'model-stubs' extra requires" in caught.value.detail
    assert (
        "sample-sdk-model-stubs==1.0.0; extra == 'model-stubs'" in caught.value.detail
    )


def test_stubs_left_in_the_sdk_wheel_too_are_refused(tmp_path):
    project = _project(tmp_path / "project")
    (project / PACKAGE / "models" / "pet_record.pyi").write_text(
        "from .pet import Pet\n"
    )
    release = build_release(project, tmp_path / "dist", distribution=SDK)
    with pytest.raises(ReleaseError) as caught:
        check_release(release, package=PACKAGE, version="1.0.0")
    assert "both install sample_sdk/models/pet_record.pyi" in caught.value.detail


def test_a_companion_folder_without_pyproject_stops_the_build(tmp_path):
    project = write_sample_project(tmp_path / "project")
    (project / "model-stubs").mkdir()
    with pytest.raises(ReleaseError) as caught:
        build_release(project, tmp_path / "dist", distribution=SDK)
    assert (
        caught.value.step == "build" and "model-stubs companion" in caught.value.message
    )


def test_fresh_virtualenv_installs_both_and_finds_the_stubs(release_build, tmp_path):
    report = verify_in_fresh_virtualenv(
        release_build, package=PACKAGE, version="1.0.0", folder=tmp_path / "venv"
    )
    assert "sample_sdk 1.0.0: 1 API modules" in report
    assert "1 model stubs installed into" in report


def test_publish_uploads_the_companion_first_then_the_sdk(release_build, package_index):
    result = _publish(release_build, package_index)
    assert list(result.uploaded) == COMPANION_FILES + SDK_FILES
    assert package_index.files() == sorted(COMPANION_FILES + SDK_FILES)
    again = _publish(release_build, package_index)
    assert (
        again.uploaded == ()
        and list(again.already_present) == COMPANION_FILES + SDK_FILES
    )


def test_interrupted_after_the_companion_resumes_with_the_sdk_only(
    release_build, package_index
):
    # twine posts one file per request: the companion's two go through, the SDK's first fails.
    proxy = FailingUploadProxy(upstream=package_index.url, fail_from_upload=3).start()
    try:
        with pytest.raises(ReleaseError) as caught:
            _publish(release_build, package_index, url=proxy.url)
        assert caught.value.step == "upload" and "sample-sdk " in caught.value.message
        assert package_index.files() == COMPANION_FILES
        proxy.heal()
        resumed = _publish(release_build, package_index, url=proxy.url)
    finally:
        proxy.stop()
    assert list(resumed.uploaded) == SDK_FILES
    assert list(resumed.already_present) == COMPANION_FILES
    assert package_index.files() == sorted(COMPANION_FILES + SDK_FILES)


def test_a_different_sdk_build_on_the_index_uploads_nothing(
    release_build, package_index, tmp_path
):
    """Every distribution is compared before the first upload: a refusal leaves no trace."""
    changed = build_release(
        write_sample_project(tmp_path / "changed", extra_line="CHANGED = True"),
        tmp_path / "dist-changed",
        distribution=SDK,
    )
    _publish(changed, package_index)  # someone published another 1.0.0 of the SDK alone
    with pytest.raises(ReleaseError) as caught:
        _publish(release_build, package_index)
    assert "differs" in caught.value.message
    assert package_index.files() == SDK_FILES  # the companion was not uploaded either


def test_pip_installs_the_sdk_with_its_model_stubs_extra_by_name(
    release_build, package_index, tmp_path
):
    _publish(release_build, package_index)
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
            f"{SDK}[model-stubs]==1.0.0",
        ],
        check=True,
    )
    script = (
        "import pathlib, sample_sdk; "
        "print(sorted(p.name for p in pathlib.Path(sample_sdk.__file__).parent.joinpath('models').iterdir()))"
    )
    out = subprocess.run(
        [python, "-I", "-c", script], check=True, capture_output=True, text=True
    ).stdout
    assert "'pet_record.pyi'" in out and "'pet.py'" in out
