"""Upload to the index, never the same version twice.

The index is asked first which files of this version it holds. A file that is already
there with the same contents is not uploaded again (the re-run after an interrupted
release); one with different contents stops the release, because a published version
is immutable for everyone who installed it.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .build import BuiltDistributions
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


def publish(
    built: BuiltDistributions,
    index: PackageIndex,
    *,
    repository_url: str,
    credentials: IndexCredentials,
    distribution: str,
    version: str,
) -> PublishResult:
    missing, identical = files_to_upload(
        built, index, distribution=distribution, version=version
    )
    if missing:
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
            what=f"twine upload to {repository_url}",
            # The token goes through the environment only, never argv (visible in ps).
            extra_env={
                "TWINE_PASSWORD": credentials.token,
                "TWINE_USERNAME": credentials.username,
            },
            redact=credentials.redact,
        )
        listed = {f.filename for f in index.files_of_version(distribution, version)}
        unlisted = [p.name for p in missing if p.name not in listed]
        if unlisted:
            raise ReleaseError(
                "upload",
                f"twine reported success but the index does not list "
                f"{', '.join(unlisted)} at {index.project_url(distribution)}",
            )
    return PublishResult(
        uploaded=tuple(p.name for p in missing), already_present=tuple(identical)
    )
