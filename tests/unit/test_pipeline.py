"""The generate job as release and CI use it: version and changelog come from the release state."""

from pathlib import Path

from generator import pipeline
from generator.config import load_config
from generator.state import read_state, record_release

KITCHEN_SINK = Path(__file__).resolve().parents[1] / "fixtures" / "specs" / "kitchen_sink.yaml"


def make_repo(tmp_path: Path):
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "k.yaml").write_bytes(KITCHEN_SINK.read_bytes())
    (tmp_path / "sdkgen.yaml").write_text(
        "targets:\n  kit:\n    spec: specs/k.yaml\n    package: kit_sdk\n    output: generated/kit\n")
    return load_config(tmp_path / "sdkgen.yaml").targets["kit"]


def test_unreleased_target_uses_the_config_spec(tmp_path):
    target = make_repo(tmp_path)
    assert pipeline.target_spec(target) == target.spec


def test_unreleased_target_gets_the_initial_version_and_no_changelog(tmp_path):
    target = make_repo(tmp_path)
    pipeline.generate_target(target)
    assert '__version__ = "0.1.0"' in (target.output / "kit_sdk" / "_version.py").read_text()
    assert not (target.output / "CHANGELOG.md").exists()


def test_recorded_release_sets_version_and_changelog(tmp_path):
    target = make_repo(tmp_path)
    record_release(target, "3.1.0", KITCHEN_SINK.read_bytes(), changelog_entry="## 3.1.0\n\n* Major changes: 0\n")
    pipeline.generate_target(target)
    assert '__version__ = "3.1.0"' in (target.output / "kit_sdk" / "_version.py").read_text()
    assert 'version = "3.1.0"' in (target.output / "pyproject.toml").read_text()
    changelog = (target.output / "CHANGELOG.md").read_text()
    assert "## 3.1.0" in changelog


def test_explicit_version_wins(tmp_path):
    target = make_repo(tmp_path)
    pipeline.generate_target(target, version="9.9.9")
    assert '__version__ = "9.9.9"' in (target.output / "kit_sdk" / "_version.py").read_text()


def test_after_a_release_generated_follows_the_released_spec(tmp_path):
    target = make_repo(tmp_path)
    released = KITCHEN_SINK.read_text().replace("title:", "title: Released", 1)
    record_release(target, "2.0.0", released.encode())
    assert pipeline.target_spec(target) == str(read_state(target).spec_path) != target.spec
    pipeline.generate_target(target)
    assert "Released" in (target.output / "README.md").read_text()
