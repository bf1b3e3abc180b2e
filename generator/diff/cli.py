"""``sdkgen diff`` and ``sdkgen bump`` (click commands the ``sdkgen`` group attaches).

Exit status: 0 whatever the bump; 1 for bad input (unreadable spec, bad state file,
unknown target), with messages that say where; 3 when ``--fail-on`` is reached.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import click

from ..diagnostics import SpecError
from . import POLICIES, diff_apis
from .changes import BUMPS, DiffResult
from .notes import changelog_entry, render_json, render_markdown, render_release_body
from .wording import different_api_warnings, fail_on_reason, summary_line

EXIT_INPUT_ERROR = 1
EXIT_FAIL_ON = 3


class _InputError(Exception):
    """Bad user input: printed as a message, never as a traceback."""


def load_api(source: str):
    """Load and build the IR of one spec; diagnostics with errors become _InputError."""
    from ..diagnostics import Diagnostics
    from ..ir.build import build_api
    from ..loader import load_spec

    spec = load_spec(source)
    diagnostics = Diagnostics()
    api = build_api(spec, diagnostics)
    if diagnostics.has_errors:
        raise SpecError(diagnostics)
    return spec, api


def _report_spec_error(error: SpecError) -> None:
    for diagnostic in error.diagnostics.sorted():
        click.echo(diagnostic.format(), err=True)


def _run(action) -> None:
    """Run ``action``, turning input errors into messages and exit status 1."""
    try:
        action()
    except SpecError as error:
        _report_spec_error(error)
        sys.exit(EXIT_INPUT_ERROR)
    except _InputError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_INPUT_ERROR)


def _reached(bump: str, fail_on: str | None) -> bool:
    return fail_on is not None and BUMPS.index(bump) >= BUMPS.index(fail_on)


# ---- sdkgen diff ---------------------------------------------------------------------
@click.command("diff")
@click.argument("old")
@click.argument("new")
@click.option(
    "--policy",
    type=click.Choice(POLICIES),
    default="python",
    show_default=True,
    help="python: what breaks code using the generated SDK; genesys: the official SDK's rules.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(("markdown", "json")),
    default="markdown",
    show_default=True,
)
@click.option(
    "--fail-on",
    type=click.Choice(("major", "minor", "patch")),
    default=None,
    help="Exit with status 3 when the bump is at least this level.",
)
@click.option(
    "--build-version",
    default=None,
    help="API build version for the notes' first line (default: the new spec's info.version).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
def diff_command(
    old: str,
    new: str,
    policy: str,
    output_format: str,
    fail_on: str | None,
    build_version: str | None,
    output: Path | None,
) -> None:
    """Compare two specs (files or URLs) and classify every change."""
    outcome: list[DiffResult] = []

    def action() -> None:
        _, old_api = load_api(old)
        _, new_api = load_api(new)
        for warning in different_api_warnings(old_api, new_api):
            click.echo(f"warning: {warning}", err=True)
        result = diff_apis(old_api, new_api, policy)
        text = (
            render_json(result)
            if output_format == "json"
            else render_markdown(result, build_version)
        )
        if output is None:
            click.echo(text, nl=False)
        else:
            output.write_text(text, encoding="utf-8")
        if policy == "genesys" and output_format == "markdown":
            # the official layout has no summary line: say the decision beside it
            click.echo(f"summary: {summary_line(result)}", err=True)
        outcome.append(result)

    _run(action)
    if fail_on is not None and _reached(outcome[0].bump, fail_on):
        click.echo(f"error: {fail_on_reason(outcome[0], fail_on)}", err=True)
        sys.exit(EXIT_FAIL_ON)


# ---- sdkgen bump ---------------------------------------------------------------------
@dataclass(frozen=True)
class _BumpTarget:
    name: str
    spec: str
    state_dir: Path


def _resolve_target(
    name: str | None, spec: str | None, state_dir: Path | None, config_path: Path | None
) -> _BumpTarget:
    """A target of sdkgen.yaml (``--spec`` may override its spec), or an explicit
    name with ``--spec`` for specs no configuration names."""
    config = None
    try:
        from ..config import load_config

        config = load_config(config_path)
    except FileNotFoundError:
        if config_path is not None:
            raise _InputError(f"{config_path}: no such configuration file") from None
    if config is not None and name is None and spec is None:
        if len(config.targets) != 1:
            names = ", ".join(config.targets)
            raise _InputError(f"{config.path}: several targets ({names}); name one")
        name = next(iter(config.targets))
    if config is not None and name in config.targets:
        target = config.targets[name]
        return _BumpTarget(
            name, spec or target.spec, state_dir or target.root / "specs"
        )
    if name is not None and spec is not None:
        return _BumpTarget(name, spec, state_dir or Path("specs"))
    if config is not None and name is not None:
        names = ", ".join(config.targets)
        raise _InputError(
            f"{config.path}: no target {name!r} (targets: {names}); or give --spec"
        )
    raise _InputError("give a target name and --spec (no sdkgen.yaml found)")


@click.command("bump")
@click.argument("target", required=False)
@click.option(
    "--spec",
    default=None,
    help="The new spec (default: the target's spec in sdkgen.yaml).",
)
@click.option(
    "--state-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of the release state (default: specs/ next to sdkgen.yaml).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
)
@click.option(
    "--policy", type=click.Choice(POLICIES), default="python", show_default=True
)
@click.option(
    "--force",
    type=click.Choice(("major", "minor", "patch")),
    default=None,
    help="Release at least at this level (never lower than the diff requires).",
)
@click.option(
    "--initial-version",
    default="1.0.0",
    show_default=True,
    help="Version of a first release.",
)
@click.option("--dry-run", is_flag=True, help="Print the decision, record nothing.")
@click.option(
    "--notes-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Also write release-notes.md (release body) and release-notes.json here.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(("text", "json")),
    default="text",
    show_default=True,
)
def bump_command(
    target: str | None,
    spec: str | None,
    state_dir: Path | None,
    config_path: Path | None,
    policy: str,
    force: str | None,
    initial_version: str,
    dry_run: bool,
    notes_dir: Path | None,
    output_format: str,
) -> None:
    """Decide the target's next version from the last released spec and record it.

    Re-running with the same spec changes nothing. Use --dry-run to only print.
    """
    from .. import state as release_state

    def action() -> None:
        where = _resolve_target(target, spec, state_dir, config_path)
        try:
            current = release_state.read_state(where.name, where.state_dir)
            release_state.parse_version(initial_version)
        except release_state.StateError as error:
            raise _InputError(str(error)) from None
        new_spec, new_api = load_api(where.spec)
        decision = _decide(
            where, current, new_spec, new_api, policy, force, initial_version
        )
        if decision.version is not None and not dry_run:
            from ..loader.sources import read_source

            release_state.record_release(
                where.name,
                decision.version,
                read_source(where.spec).content,
                where.state_dir,
                api_version=new_api.version,
                changelog_entry=decision.changelog,
            )
        if (
            notes_dir is not None
            and decision.result is not None
            and decision.version is not None
        ):
            notes_dir.mkdir(parents=True, exist_ok=True)
            (notes_dir / "release-notes.md").write_text(
                render_release_body(decision.result, decision.version), encoding="utf-8"
            )
            (notes_dir / "release-notes.json").write_text(
                render_json(decision.result, decision.summary(dry_run)),
                encoding="utf-8",
            )
        _print_decision(decision, dry_run, output_format)

    _run(action)


@dataclass(frozen=True)
class _Decision:
    target: str
    current: str | None
    version: str | None  # None: nothing to release
    bump: str
    reason: str
    result: DiffResult | None = None
    changelog: str | None = None

    def summary(self, dry_run: bool) -> dict:
        return {
            "target": self.target,
            "current": self.current,
            "next": self.version,
            "bump": self.bump,
            "recorded": self.version is not None and not dry_run,
            "reason": self.reason,
        }


def _decide(
    where: _BumpTarget,
    current,
    new_spec,
    new_api,
    policy: str,
    force: str | None,
    initial_version: str,
) -> _Decision:
    from .. import state as release_state

    if current is None:
        entry = f"## {initial_version}\n\nFirst release (API {new_api.version}).\n"
        return _Decision(
            where.name,
            None,
            initial_version,
            "initial",
            "first release",
            changelog=entry,
        )
    if new_spec.raw_bytes_sha256 == current.spec_sha256 and force is None:
        return _Decision(
            where.name, current.version, None, "none", "the spec is the released one"
        )
    if not current.spec_path.exists():
        raise _InputError(
            f"{current.spec_path}: the released spec recorded for {where.name!r} is missing"
        )
    _, old_api = load_api(str(current.spec_path))
    result = diff_apis(old_api, new_api, policy)
    version = release_state.next_version(current, result.bump, force, initial_version)
    if version is None:
        return _Decision(
            where.name,
            current.version,
            None,
            "none",
            "no change needs a release",
            result,
        )
    reason = f"{result.bump} changes" + (f", forced {force}" if force else "")
    return _Decision(
        where.name,
        current.version,
        version,
        result.bump,
        reason,
        result,
        changelog_entry(version, result),
    )


def _print_decision(decision: _Decision, dry_run: bool, output_format: str) -> None:
    if output_format == "json":
        import json

        data = decision.summary(dry_run)
        if decision.result is not None:
            data["counts"] = decision.result.counts
        click.echo(json.dumps(data, indent=2))
        return
    if decision.version is None:
        click.echo(
            f"{decision.target}: {decision.current} stays ({decision.reason}); nothing to release"
        )
        return
    counts = ""
    if decision.result is not None:
        counts = (
            " ["
            + ", ".join(f"{n} {level}" for level, n in decision.result.counts.items())
            + "]"
        )
    action = "would record" if dry_run else "recorded"
    click.echo(
        f"{decision.target}: {decision.current or '(none)'} -> {decision.version} "
        f"({decision.reason}){counts}; {action}"
    )
