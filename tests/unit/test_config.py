"""sdkgen.yaml: shape checks with located messages, merged into frozen Targets."""

from pathlib import Path

import pytest

from generator.config import load_config
from generator.diagnostics import SpecError

ROOT = Path(__file__).resolve().parents[2]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sdkgen.yaml"
    path.write_text(text)
    return path


def test_shipped_config_has_both_targets():
    config = load_config(ROOT / "sdkgen.yaml")
    assert set(config.targets) == {"platform", "guest-chat"}
    platform = config.targets["platform"]
    assert platform.output == ROOT / "generated" / "platform"
    assert Path(platform.spec).is_file() and platform.package.isidentifier()
    assert config.targets["guest-chat"].output == ROOT / "generated" / "guest-chat"


def test_filters_and_defaults(tmp_path):
    config = load_config(write(tmp_path, """
targets:
  small:
    spec: https://example.invalid/spec.json
    package: small_sdk
    output: out/small
    include_tags: [Users]
    exclude_paths: ["/api/v2/users/*/photo"]
"""))
    target = config.targets["small"]
    assert target.spec == "https://example.invalid/spec.json"
    assert target.distribution == "small-sdk"
    assert target.filters.include_tags == ("Users",) and target.filters.active
    assert target.output == tmp_path / "out" / "small"


@pytest.mark.parametrize("body,message", [
    ("targets: {}", "non-empty 'targets'"),
    ("targets:\n  a:\n    spec: s.json\n    package: a\n", "missing or empty 'output'"),
    ("targets:\n  a:\n    spec: s.json\n    package: 1bad\n    output: out\n", "not a valid Python package name"),
    ("targets:\n  a:\n    spec: s.json\n    package: a\n    output: ../elsewhere\n", "must be a folder inside"),
    ("targets:\n  a:\n    spec: s.json\n    package: a\n    output: .\n", "must be a folder inside"),
    ("targets:\n  a:\n    spec: s.json\n    package: a\n    output: out\n    colour: red\n", "unknown key 'colour'"),
    ("targets:\n  a:\n    spec: s.json\n    package: a\n    output: out\n    include_tags: Users\n", "list of strings"),
    ("targets: [unclosed\n", "not valid YAML"),
])
def test_bad_config_is_reported_with_location(tmp_path, body, message):
    path = write(tmp_path, body)
    with pytest.raises(SpecError) as caught:
        load_config(path)
    rendered = [d.format() for d in caught.value.diagnostics]
    assert any(message in line and str(path) in line for line in rendered), rendered
