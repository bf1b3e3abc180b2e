"""The ``sdkgen`` command: validate, generate, diff, bump, release.

Every command prints problems as ``file:line: level[code] at /json/pointer: message``
sorted by pointer, and exits 1 on errors (never a traceback for bad input).
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
import time
from pathlib import Path

import click

from .diagnostics import Diagnostics, Level, SpecError

EXIT_ERROR = 1
# Diagnostics saying a check did not finish (generate goes on with them as warnings).
INCOMPLETE_CODES = frozenset({"schema-validation-incomplete"})


def print_diagnostics(diagnostics: Diagnostics) -> None:
    for diagnostic in diagnostics.sorted():
        click.echo(diagnostic.format(), err=True)
    errors = sum(1 for d in diagnostics if d.level is Level.ERROR)
    warnings = len(diagnostics) - errors
    if errors or warnings:
        click.echo(f"{errors} error(s), {warnings} warning(s)", err=True)


def fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_ERROR)


class Output:
    """Where progress goes: a live line on a terminal, nothing in CI or with --quiet."""

    def __init__(self, quiet: bool, verbose: bool):
        self.quiet = quiet
        self.verbose = verbose
        self.live = not quiet and sys.stderr.isatty() and not os.environ.get("CI")

    def stage(self, message: str) -> None:
        if self.verbose:
            click.echo(f"  {message}", err=True)
        elif self.live:
            click.echo(f"\r\033[K  {message}", err=True, nl=False)

    def progress(self, prefix: str):
        """A render progress callback: ``prefix: models 1200/6651`` on the live line."""
        def report(stage: str, done: int, total: int) -> None:
            if self.live and not self.verbose and (done == total or done % 50 == 0):
                click.echo(f"\r\033[K  {prefix}render {stage} {done}/{total}", err=True, nl=False)
        return report

    def warnings(self, diagnostics: Diagnostics) -> None:
        """Warnings of a run that succeeded: printed even with --quiet (they are results)."""
        if len(diagnostics):
            if self.live and not self.verbose:
                click.echo("\r\033[K", err=True, nl=False)
            print_diagnostics(diagnostics)

    def done(self, message: str) -> None:
        if self.live and not self.verbose:
            click.echo("\r\033[K", err=True, nl=False)
        if not self.quiet:
            click.echo(message, err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sdkgen")
def main() -> None:
    """sdkgen: Genesys Cloud Platform API swagger -> a fast, typed Python SDK."""


@main.command()
@click.argument("spec")
@click.option("--no-schema", is_flag=True, help="Only sdkgen's own checks (skip openapi-spec-validator).")
@click.option("--strict", is_flag=True, help="Every finding is an error, warnings included.")
def validate(spec: str, no_schema: bool, strict: bool) -> None:
    """Validate SPEC (file .json/.yaml/.yml/.json.gz or http(s) URL): the checks generate
    runs, the IR built included."""
    from .pipeline import load_checked

    try:
        loaded = load_checked(spec, schema_validation=not no_schema, strict=strict)
    except SpecError as error:
        print_diagnostics(error.diagnostics)
        sys.exit(EXIT_ERROR)
    print_diagnostics(loaded.diagnostics)
    if any(d.code in INCOMPLETE_CODES for d in loaded.diagnostics):
        # Nothing wrong was found, but not everything was looked at: that is no "valid".
        click.echo(f"{spec}: not fully validated (a check stopped early; see above)", err=True)
        sys.exit(EXIT_ERROR)
    notes = [note for note, present in (("with warnings", len(loaded.diagnostics)),
                                        ("sdkgen's own checks only: --no-schema", no_schema)) if present]
    click.echo(f"{spec}: valid" + (f" ({'; '.join(notes)})" if notes else ""))


@main.command()
@click.argument("targets", nargs=-1)
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="sdkgen.yaml to read.")
@click.option("--spec", help="Generate one SDK from this spec (file or URL) without a config entry.")
@click.option("--output", type=click.Path(path_type=Path), help="Output folder (with --spec).")
@click.option("--package", help="Python package name (with --spec).")
@click.option("--version", "version", help="Version to stamp into the SDK (default: the recorded release).")
@click.option("--notification-topics", help="An availabletopics response (file or URL) for the topic helpers "
              "and topic -> model map (with --spec; targets use their notification_topics).")
@click.option("--no-schema", is_flag=True, help="Skip openapi-spec-validator (own checks still run).")
@click.option("--strict", is_flag=True, help="Every finding is an error, warnings included.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors and warnings.")
@click.option("-v", "--verbose", is_flag=True, help="Explain each stage and its time.")
def generate(targets, config_path, spec, output, package, version, notification_topics, no_schema, strict,
             quiet, verbose) -> None:
    """Generate the SDKs of sdkgen.yaml (all TARGETS by default), or one from --spec."""
    from . import pipeline
    from .render import FormatError, RenderError, WriteError

    out = Output(quiet, verbose)
    started = time.perf_counter()
    try:
        if spec:
            if targets:
                fail("give either TARGET names or --spec, not both")
            if not output or not package:
                fail("--spec needs --output and --package")
        elif notification_topics:
            fail("--notification-topics goes with --spec; a target takes notification_topics in sdkgen.yaml")
        if spec:
            from .naming import package_problem

            problem = package_problem(package)
            if problem:
                fail(f"--package {problem}")
            result = pipeline.render_to_dir(spec, output, package, version or "0.1.0",
                                            notification_topics=notification_topics,
                                            schema_validation=not no_schema, strict=strict,
                                            report=out.stage, progress=out.progress(""))
            out.warnings(result.diagnostics)
            out.done(f"{spec} -> {result.output} ({len(result.api.operations)} operations, "
                     f"{len(result.api.models)} models, {result.files} files) in "
                     f"{time.perf_counter() - started:.1f} s")
            return
        from .config import load_config

        config = load_config(config_path)
        unknown = [t for t in targets if t not in config.targets]
        if unknown:
            fail(f"unknown target(s) {', '.join(unknown)}; sdkgen.yaml has: {', '.join(config.targets)}")
        for name in targets or tuple(config.targets):
            target = config.targets[name]
            target_started = time.perf_counter()
            out.stage(f"{name}: loading {target.spec}")
            result = pipeline.generate_target(target, version=version, schema_validation=not no_schema,
                                              strict=strict, report=lambda m, n=name: out.stage(f"{n}: {m}"),
                                              progress=out.progress(f"{name}: "))
            out.warnings(result.diagnostics)
            out.done(f"{name}: {len(result.api.operations)} operations, {len(result.api.models)} models, "
                     f"{result.files} files -> {target.output} in {time.perf_counter() - target_started:.1f} s")
    except SpecError as error:
        if out.live:
            click.echo("", err=True)
        print_diagnostics(error.diagnostics)
        sys.exit(EXIT_ERROR)
    except (OSError, RenderError, WriteError, FormatError) as error:
        if out.live:
            click.echo("", err=True)
        fail(str(error))


# Commands that live with their stage.
from .diff.cli import bump_command, diff_command  # noqa: E402
from .release.cli import release_command  # noqa: E402

for _command in (diff_command, bump_command, release_command):
    main.add_command(_command)


def run() -> None:
    """The ``sdkgen`` console script: :func:`main`, then an exit that skips freeing memory.

    A diff leaves two IRs and their surfaces, about a million small objects; freeing them
    one by one at interpreter shutdown took 0.35 s of a 2.6 s ``sdkgen diff``. As mypy
    does, the process ends once atexit handlers have run and the output is flushed.
    While another thread or a child process runs, Python's own shutdown, which waits
    for them, ends it instead.
    """
    try:
        main()
        code: object = 0
    except SystemExit as stop:
        code = stop.code
    status = _exit_status(code)
    if threading.active_count() > 1 or _children_running():
        sys.exit(status)
    atexit._run_exitfuncs()  # what the interpreter would run: logging, temp folders
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a closed pipe: let Python report it as it always does
        sys.exit(status)
    os._exit(status)


def _exit_status(code: object) -> int:
    """``sys.exit``'s rules: ``None`` is 0, an int is itself, anything else is printed
    and means 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _children_running() -> bool:
    multiprocessing = sys.modules.get("multiprocessing")
    return multiprocessing is not None and bool(multiprocessing.active_children())
