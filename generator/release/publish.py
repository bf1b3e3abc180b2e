"""Upload to the index, never the same version twice.

The index is asked first which files of this version it holds. A file that is already
there with the same contents is not uploaded again (the re-run after an interrupted
release); one with different contents stops the release, because a published version
is immutable for everyone who installed it.

A release with a model-stubs companion publishes two distributions: every one is
compared with the index before anything is uploaded (a refusal uploads nothing), then
they go up in :attr:`ReleaseBuild.upload_order`, the companion first.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .build import BuiltDistributions, DistributionBuild, ReleaseBuild
from .credentials import IndexCredentials
from .errors import ReleaseError
from .fingerprint import content_fingerprint, describe_difference
from .index import PackageIndex
from .tools import run_tool


@dataclass(frozen=True, slots=True)
class PublishResult:
    uploaded: tuple[str, ...]
    already_present: tuple[str, ...]


def files_to_upload(
    built: BuiltDistributions, index: PackageIndex, *, distribution: str, version: str
) -> tuple[list[Path], list[str]]:
    """Split the built files into (to upload, already on the index with equal contents).

    Raises when the index holds this version with any file that differs from the build.
    """
    published = {f.filename: f for f in index.files_of_version(distribution, version)}
    missing: list[Path] = []
    identical: list[str] = []
    with tempfile.TemporaryDirectory(prefix="sdkgen-index-") as scratch:
        for path in built.files:
            on_index = published.pop(path.name, None)
            if on_index is None:
                missing.append(path)
                continue
            # Builds are reproducible, so equal bytes are the usual case: no download.
            if on_index.sha256 == _sha256(path):
                identical.append(path.name)
                continue
            ours = content_fingerprint(path)
            theirs = content_fingerprint(index.download(on_index, Path(scratch)))
            if ours != theirs:
                raise ReleaseError(
                    "upload",
                    f"{distribution} {version} is already on the index and its {path.name} differs "
                    f"from this build. A published version is never replaced: if that build is the "
                    f"intended {version} (the generator changed since, or it was published by hand), "
                    f"record it with `sdkgen bump` and the same spec, then release again",
                    describe_difference(ours, theirs),
                )
            identical.append(path.name)
    if published:
        raise ReleaseError(
            "upload",
            f"{distribution} {version} is already on the index with files this build does not "
            f"produce ({', '.join(sorted(published))}); a published version is never changed",
        )
    return missing, identical


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True, slots=True)
class UploadPlan:
    """One distribution's files: those the index lacks, and those it has identical."""

    part: DistributionBuild
    missing: tuple[Path, ...]
    already_present: tuple[str, ...]


def plan_uploads(
    release: ReleaseBuild, index: PackageIndex, *, version: str
) -> tuple[UploadPlan, ...]:
    """What to upload, per distribution in upload order; raises (before anything is
    uploaded) when the index holds a different build of any of them."""
    plans = []
    for part in release.upload_order:
        missing, identical = files_to_upload(
            part.built, index, distribution=part.distribution, version=version
        )
        plans.append(UploadPlan(part, tuple(missing), tuple(identical)))
    return tuple(plans)


def publish(
    release: ReleaseBuild,
    index: PackageIndex,
    *,
    repository_url: str,
    credentials: IndexCredentials,
    version: str,
) -> PublishResult:
    """Upload what the index lacks, one distribution after the other; a re-run after an
    interruption (say the companion went up, the SDK did not) uploads only the rest."""
    plans = plan_uploads(release, index, version=version)
    for plan in plans:
        if plan.missing:
            _upload(
                plan.missing,
                index,
                repository_url=repository_url,
                credentials=credentials,
                distribution=plan.part.distribution,
                version=version,
            )
    return PublishResult(
        uploaded=tuple(path.name for plan in plans for path in plan.missing),
        already_present=tuple(name for plan in plans for name in plan.already_present),
    )


def _upload(
    missing: tuple[Path, ...],
    index: PackageIndex,
    *,
    repository_url: str,
    credentials: IndexCredentials,
    distribution: str,
    version: str,
) -> None:
    if not credentials.token:
        raise ReleaseError(
            "upload", "no index token: set SDKGEN_INDEX_TOKEN (or TWINE_PASSWORD)"
        )
    run_tool(
        [
            sys.executable,
            "-m",
            "twine",
            "--no-color",
            "upload",
            "--non-interactive",
            "--disable-progress-bar",
            "--repository-url",
            repository_url,
            "--username",
            credentials.username,
            *missing,
        ],
        step="upload",
        what=f"twine upload of {distribution} to {repository_url}",
        # The token goes through the environment only, never argv (visible in ps).
        extra_env={
            "TWINE_PASSWORD": credentials.token,
            "TWINE_USERNAME": credentials.username,
        },
        redact=credentials.redact,
    )
    # The next distribution goes up only once the index shows this one.
    listed = {f.filename for f in index.files_of_version(distribution, version)}
    unlisted = [p.name for p in missing if p.name not in listed]
    if unlisted:
        raise ReleaseError(
            "upload",
            f"twine reported success but the index does not list "
            f"{', '.join(unlisted)} at {index.project_url(distribution)}",
        )
