"""generator.state: the per-target release record, the version decision, atomic writes."""

from __future__ import annotations

import gzip
import hashlib
import json

import pytest

from generator import state
from generator.state import (
    ReleaseState,
    StateError,
    next_version,
    read_state,
    record_release,
)

SPEC = b'{"swagger": "2.0", "info": {"title": "t", "version": "v2"}, "paths": {}}'


def _state(version: str) -> ReleaseState:
    return ReleaseState("t", version, state.DEFAULT_STATE_DIR, "0" * 64)


@pytest.mark.parametrize(
    ("current", "bump", "force", "expected"),
    [
        ("269.0.0", "major", None, "270.0.0"),
        ("269.1.2", "minor", None, "269.2.0"),
        ("269.1.2", "patch", None, "269.1.3"),
        ("269.1.2", "none", None, None),  # nothing changed: no release
        ("269.1.2", "none", "patch", "269.1.3"),  # manual release
        ("269.1.2", "major", "patch", "270.0.0"),  # force never lowers
        ("269.1.2", "patch", "major", "270.0.0"),
        ("0.9.9", "minor", "minor", "0.10.0"),
    ],
)
def test_next_version(current, bump, force, expected):
    assert next_version(_state(current), bump, force) == expected


def test_first_release_uses_initial_version():
    assert next_version(None, "none") == "1.0.0"
    assert next_version(None, "major", initial_version="268.0.0") == "268.0.0"


def test_next_version_rejects_unknown_levels():
    with pytest.raises(ValueError, match="force must be"):
        next_version(_state("1.0.0"), "major", "huge")


def test_record_then_read_round_trip(tmp_path):
    recorded = record_release(
        "platform",
        "269.0.0",
        SPEC,
        tmp_path,
        api_version="v2",
        changelog_entry="## 269.0.0\n\nnotes\n",
    )
    loaded = read_state("platform", tmp_path)
    assert loaded == recorded
    assert loaded.spec_sha256 == hashlib.sha256(SPEC).hexdigest()
    assert loaded.read_spec_bytes() == SPEC
    data = json.loads((tmp_path / "platform.release.json").read_text())
    assert data == {
        "version": "269.0.0",
        "spec": "platform-released.json.gz",
        "spec_sha256": hashlib.sha256(SPEC).hexdigest(),
        "api_version": "v2",
    }
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "platform-released.json.gz",
        "platform.CHANGELOG.md",
        "platform.release.json",
    ]


def test_recording_twice_is_byte_identical(tmp_path):
    record_release(
        "platform", "269.0.0", SPEC, tmp_path, changelog_entry="## 269.0.0\n\nnotes\n"
    )
    first = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    record_release(
        "platform",
        "269.0.0",
        gzip.compress(SPEC),
        tmp_path,
        changelog_entry="## 269.0.0\n\nnotes\n",
    )
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == first


def test_changelog_is_newest_first(tmp_path):
    record_release("p", "1.0.0", SPEC, tmp_path, changelog_entry="## 1.0.0\n\nfirst\n")
    record_release("p", "1.1.0", SPEC, tmp_path, changelog_entry="## 1.1.0\n\nsecond\n")
    text = (tmp_path / "p.CHANGELOG.md").read_text()
    assert text == "# Changelog\n\n## 1.1.0\n\nsecond\n\n## 1.0.0\n\nfirst\n"


def test_yaml_spec_is_kept_as_yaml(tmp_path):
    record_release("g", "1.0.0", b"swagger: '2.0'\n", tmp_path)
    assert read_state("g", tmp_path).spec_path.name == "g-released.yaml.gz"


def test_missing_state_is_none(tmp_path):
    assert read_state("nothing", tmp_path) is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "cannot read release state"),
        ('{"version": "1.0.0"}', "lacks spec, spec_sha256"),
        ("[1]", "must be a JSON object"),
        (
            '{"version": "v1", "spec": "x", "spec_sha256": "y"}',
            "is not MAJOR.MINOR.PATCH",
        ),
    ],
)
def test_bad_state_file_names_the_file(tmp_path, content, message):
    (tmp_path / "t.release.json").write_text(content)
    with pytest.raises(StateError, match=message) as error:
        read_state("t", tmp_path)
    assert "t.release.json" in str(error.value)


def test_bad_target_name(tmp_path):
    with pytest.raises(StateError, match="invalid target name"):
        read_state("../escape", tmp_path)


def test_failed_write_leaves_previous_state(tmp_path, monkeypatch):
    record_release("t", "1.0.0", SPEC, tmp_path)
    before = (tmp_path / "t.release.json").read_bytes()

    def broken_replace(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(state.os, "replace", broken_replace)
    with pytest.raises(OSError):
        record_release("t", "2.0.0", SPEC + b" ", tmp_path)
    assert (tmp_path / "t.release.json").read_bytes() == before
    assert not [
        p for p in tmp_path.iterdir() if p.name.startswith(".")
    ]  # no temp files left


def test_target_object_uses_specs_next_to_its_config(tmp_path):
    from generator.config import Target

    target = Target(
        name="platform",
        spec="x.json",
        package="p",
        distribution="p",
        output=tmp_path / "out",
        root=tmp_path,
    )
    record_release(target, "2.0.0", SPEC)
    assert (tmp_path / "specs" / "platform.release.json").exists()
    assert read_state(target).version == "2.0.0"
