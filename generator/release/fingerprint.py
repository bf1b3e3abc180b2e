"""Whether two wheels or sdists hold the same files, whatever their timestamps.

Builds are not byte-reproducible (zip and tar entries carry build times), so "the index
already has this release" is decided on contents: every member's name and sha256.
"""

from __future__ import annotations

import hashlib
import tarfile
import zipfile
from pathlib import Path

Fingerprint = dict[str, str]  # member path inside the archive -> sha256 of its bytes


def content_fingerprint(archive: Path) -> Fingerprint:
    name = archive.name
    if name.endswith((".whl", ".zip")):
        with zipfile.ZipFile(archive) as zipped:
            return {
                info.filename: hashlib.sha256(zipped.read(info)).hexdigest()
                for info in zipped.infolist()
                if not info.is_dir()
            }
    if name.endswith((".tar.gz", ".tgz", ".tar")):
        with tarfile.open(archive) as tarred:
            found = {}
            for member in tarred.getmembers():
                if member.isfile():
                    extracted = tarred.extractfile(member)
                    assert extracted is not None  # a regular file always has contents
                    found[member.name] = hashlib.sha256(extracted.read()).hexdigest()
            return found
    raise ValueError(f"not a wheel or sdist: {archive}")


def describe_difference(ours: Fingerprint, theirs: Fingerprint, limit: int = 5) -> str:
    """A short human list of what differs, for the refusal message."""
    lines = [f"only in the new build: {p}" for p in sorted(ours.keys() - theirs.keys())]
    lines += [f"only on the index: {p}" for p in sorted(theirs.keys() - ours.keys())]
    lines += [
        f"different contents: {p}"
        for p in sorted(ours.keys() & theirs.keys())
        if ours[p] != theirs[p]
    ]
    more = f"\n... and {len(lines) - limit} more" if len(lines) > limit else ""
    return "\n".join(lines[:limit]) + more
