"""``sdkgen release TARGET``: the click command the ``sdkgen`` group attaches."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..diagnostics import SpecError
from ..diff import POLICIES
from .errors import ReleaseError

EXIT_FAILURE = 1


@click.command("release")
@click.argument("target_name", metavar="TARGET")
@click.option(
    "--spec",
    "spec_source",
    metavar="FILE|URL",
    help="The new spec (default: the target's spec in sdkgen.yaml).",
)
@click.option(
    "--force",
    type=click.Choice(["major", "minor", "patch"]),
    help="Release at least at this level, even without an API change.",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Validate, diff, generate, build and check in a scratch folder; upload and record nothing.",
)
@click.option(
    "--repository-url",
    metavar="URL",
    help="Upload URL of the package index (twine --repository-url).",
)
@click.option(
    "--index-url",
    metavar="URL",
    help="Its PEP 503 simple index, asked before uploading (default: <repository-url>/simple/).",
)
@click.option(
    "--policy",
    type=click.Choice(POLICIES),
    help="Diff policy that decides the version (default: the diff's own default).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="sdkgen.yaml to read.",
)
@click.option(
    "--result-json",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write what happened (status, version, uploaded files, notes) as JSON, for CI.",
)
@click.option(
    "-q", "--quiet", is_flag=True, help="Print only the result line and errors."
)
def release_command(
    target_name,
    spec_source,
    force,
    dry_run,
    repository_url,
    index_url,
    policy,
    config_path,
    result_json,
    quiet,
) -> None:
    """Release TARGET: validate the new spec, diff, version, generate, test, build, check,
    upload (token from SDKGEN_INDEX_TOKEN), then record. Safe to re-run: nothing is
    recorded unless the upload succeeded, and a version on the index is never uploaded again.
    """
    from ..config import load_config
    from .runner import ReleaseRequest, release

    report = (
        (lambda message: None)
        if quiet
        else (lambda message: click.echo(f"  {message}", err=True))
    )
    try:
        config = load_config(config_path)
        if target_name not in config.targets:
            _fail(
                f"unknown target {target_name!r}; sdkgen.yaml has: {', '.join(config.targets)}"
            )
        request = ReleaseRequest(
            target=config.targets[target_name],
            spec_source=spec_source,
            repository_url=repository_url,
            index_url=index_url,
            force=force,
            dry_run=dry_run,
            policy=policy,
        )
        outcome = release(request, report)
    except ReleaseError as error:
        _fail(error.format())
    except SpecError as error:  # sdkgen.yaml itself is wrong
        _fail("\n".join(d.format() for d in error.diagnostics.sorted()))
    except FileNotFoundError as error:
        _fail(str(error))
    if result_json is not None:
        result_json.write_text(
            json.dumps(outcome.to_json(), indent=2) + "\n", encoding="utf-8"
        )
    click.echo(_summary(outcome))


def _summary(outcome) -> str:
    name = outcome.target
    if outcome.status == "unchanged":
        return f"{name}: no API change since {outcome.previous_version}: nothing built or published"
    files = ", ".join(outcome.uploaded) or "nothing"
    if outcome.status == "dry-run":
        return f"{name}: dry run: would release {outcome.version} ({outcome.bump}); would upload {files}"
    if not outcome.uploaded:
        return (
            f"{name}: released {outcome.version} ({outcome.bump}); the index already had this "
            f"exact build ({', '.join(outcome.already_on_index)}), so it was only recorded"
        )
    return f"{name}: released {outcome.version} ({outcome.bump}); uploaded {files}"


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_FAILURE)
