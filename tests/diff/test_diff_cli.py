"""``sdkgen diff`` and ``sdkgen bump`` end to end on fixture pairs (click's runner)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from diff_helpers import FIXTURES

from generator.diff.cli import bump_command, diff_command


def _pair(name: str) -> tuple[str, str]:
    return str(FIXTURES / name / "old.yaml"), str(FIXTURES / name / "new.yaml")


def invoke(command, *args: str):
    return CliRunner().invoke(command, list(args), catch_exceptions=False)


def test_diff_json_has_bump_counts_changes():
    result = invoke(diff_command, *_pair("python_wire"), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["bump"] == "major" and data["policy"] == "python"
    assert data["counts"]["major"] == sum(
        c["level"] == "major" for c in data["changes"]
    )


@pytest.mark.parametrize(
    ("pair", "fail_on", "status"),
    [
        ("python_wire", "major", 3),
        ("python_wire", None, 0),  # exit 0 whatever the bump
        ("unchanged", "patch", 0),
        ("models", "minor", 3),  # major >= minor
    ],
)
def test_fail_on(pair, fail_on, status):
    args = [*_pair(pair)] + (["--fail-on", fail_on] if fail_on else [])
    assert invoke(diff_command, *args).exit_code == status


def test_diff_output_file(tmp_path):
    out = tmp_path / "notes.md"
    result = invoke(
        diff_command,
        *_pair("paths"),
        "--policy",
        "genesys",
        "--build-version",
        "123.4",
        "-o",
        str(out),
    )
    assert result.exit_code == 0 and result.stdout == ""
    # the official layout has no summary: it goes to stderr
    assert result.stderr.startswith("summary: v2 (old.yaml) -> v2 (new.yaml): major release (3 major")
    assert out.read_text().startswith(
        "Platform API version: 123.4\n\n\n# Major Changes (3 changes)\n"
    )


def test_unreadable_spec_is_a_message_not_a_traceback(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"swagger": "2.0", "paths": {')
    result = CliRunner().invoke(diff_command, [str(bad), _pair("paths")[1]])
    assert result.exit_code == 1
    assert "bad.json" in result.output and "Traceback" not in result.output
    missing = CliRunner().invoke(
        diff_command, [str(tmp_path / "none.yaml"), _pair("paths")[1]]
    )
    assert missing.exit_code == 1 and "no such file" in missing.output


def test_bump_records_once_and_is_idempotent(tmp_path):
    old, new = _pair("python_wire")
    state_dir = str(tmp_path / "specs")
    base = ["orders", "--state-dir", state_dir]

    first = invoke(bump_command, *base, "--spec", old, "--initial-version", "3.1.0")
    assert "(none) -> 3.1.0" in first.output
    again = invoke(bump_command, *base, "--spec", old)
    assert "3.1.0 stays" in again.output

    dry = invoke(bump_command, *base, "--spec", new, "--dry-run")
    assert "3.1.0 -> 4.0.0" in dry.output and "would record" in dry.output
    assert (
        json.loads((tmp_path / "specs/orders.release.json").read_text())["version"]
        == "3.1.0"
    )

    real = invoke(
        bump_command,
        *base,
        "--spec",
        new,
        "--format",
        "json",
        "--notes-dir",
        str(tmp_path / "notes"),
    )
    decision = json.loads(real.output)
    assert (
        decision["next"] == "4.0.0"
        and decision["recorded"]
        and decision["bump"] == "major"
    )
    files = {p.name: p.read_bytes() for p in (tmp_path / "specs").iterdir()}

    rerun = invoke(bump_command, *base, "--spec", new)
    assert "4.0.0 stays" in rerun.output
    assert {p.name: p.read_bytes() for p in (tmp_path / "specs").iterdir()} == files
    changelog = (tmp_path / "specs/orders.CHANGELOG.md").read_text()
    assert changelog.index("## 4.0.0") < changelog.index("## 3.1.0")
    body = (tmp_path / "notes/release-notes.md").read_text()
    assert body.startswith("# Changes in 4.0.0\n\n* Major changes: 6\n")
    assert (
        json.loads((tmp_path / "notes/release-notes.json").read_text())["version"][
            "next"
        ]
        == "4.0.0"
    )


def test_bump_force_raises_never_lowers(tmp_path):
    old, new = _pair("python_wire")
    base = ["orders", "--state-dir", str(tmp_path), "--dry-run"]
    invoke(
        bump_command,
        "orders",
        "--state-dir",
        str(tmp_path),
        "--spec",
        old,
        "--initial-version",
        "1.2.3",
    )
    assert (
        "1.2.3 -> 2.0.0"
        in invoke(bump_command, *base, "--spec", new, "--force", "patch").output
    )
    assert (
        "1.2.3 -> 1.3.0"
        in invoke(bump_command, *base, "--spec", old, "--force", "minor").output
    )


def test_bump_patch_and_genesys_policy(tmp_path):
    old, new = _pair("python_wire")
    invoke(
        bump_command,
        "o",
        "--state-dir",
        str(tmp_path),
        "--spec",
        old,
        "--initial-version",
        "1.0.0",
    )
    # Under the Genesys rules the same pair is major too, for other reasons (tags, parameters).
    out = invoke(
        bump_command,
        "o",
        "--state-dir",
        str(tmp_path),
        "--spec",
        new,
        "--policy",
        "genesys",
        "--dry-run",
    )
    assert "1.0.0 -> 2.0.0" in out.output


def test_bump_bad_state_is_a_message(tmp_path):
    (tmp_path / "orders.release.json").write_text("{oops")
    result = CliRunner().invoke(
        bump_command,
        ["orders", "--state-dir", str(tmp_path), "--spec", _pair("paths")[0]],
    )
    assert (
        result.exit_code == 1
        and "orders.release.json" in result.output
        and "Traceback" not in result.output
    )


def test_bump_unknown_target_without_spec(tmp_path):
    result = CliRunner().invoke(
        bump_command, ["nope", "--config", str(tmp_path / "missing.yaml")]
    )
    assert result.exit_code == 1 and "missing.yaml" in result.output


def test_fail_on_says_which_change_made_it_fail():
    result = invoke(diff_command, *_pair("python_wire"), "--fail-on", "major")
    assert result.exit_code == 3
    assert "--fail-on major reached: 6 major change(s); first: LegacyApi: " in result.stderr
    assert "API class LegacyApi (and AsyncLegacyApi) was removed" in result.stderr


def test_python_notes_state_the_decision_and_skip_empty_levels():
    notes = invoke(diff_command, *_pair("python_wire")).stdout
    assert "Summary: v2 (old.yaml) -> v2 (new.yaml): major release (6 major, 14 minor, 3 patch)\n" in notes
    unchanged = invoke(diff_command, *_pair("unchanged")).stdout
    assert "# " not in unchanged and "No changes." in unchanged
    assert "no change (0 major, 0 minor, 0 patch)" in unchanged


def test_genesys_notes_keep_every_heading_and_no_summary():
    result = invoke(diff_command, *_pair("unchanged"), "--policy", "genesys")
    assert "Summary" not in result.stdout
    assert "# Point Changes (0 changes)" in result.stdout
    assert "no change (0 major, 0 minor, 0 point)" in result.stderr


def _spec(tmp_path, name: str, title: str, base_path: str, paths: list[str]) -> str:
    import yaml

    spec = {
        "swagger": "2.0",
        "info": {"title": title, "version": "1"},
        "basePath": base_path,
        "paths": {
            p: {"get": {"operationId": p.strip("/") + "Get", "responses": {"200": {"description": "ok"}}}}
            for i, p in enumerate(paths)
        },
    }
    path = tmp_path / name
    path.write_text(yaml.safe_dump(spec))
    return str(path)


def test_different_apis_are_warned_about(tmp_path):
    old = _spec(tmp_path, "a.yaml", "Orders API", "/v1", ["/orders", "/items"])
    new = _spec(tmp_path, "b.yaml", "Chat API", "/chat", ["/chats", "/messages"])
    result = invoke(diff_command, old, new)
    assert result.exit_code == 0
    assert "warning: the specs have different titles ('Orders API' and 'Chat API')" in result.stderr
    assert "warning: the specs have different base paths (/v1 and /chat)" in result.stderr
    assert "warning: only 0 of the 2 operations of the old spec are in the new one" in result.stderr
    same = invoke(diff_command, old, old)
    assert "warning" not in same.stderr
