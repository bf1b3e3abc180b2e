"""Per-target release state: which version of the SDK was last released, from which spec.

Layout (in the state folder, ``specs/`` next to sdkgen.yaml by default), per target:

    specs/<target>.release.json       {"version", "spec", "spec_sha256", "api_version"}
    specs/<target>-released.json.gz   the released spec (gzip of the exact bytes given;
                                      ``.yaml.gz`` for a YAML spec)
    specs/<target>.CHANGELOG.md       every release's notes, newest first

``spec_sha256`` is the hash of the uncompressed spec bytes, so "is this the spec we
released?" is one comparison. Every write goes to a temporary file in the same folder
and is renamed into place, so a crash never leaves a half-written state. See
docs/state.md for the contract.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

DEFAULT_STATE_DIR = Path("specs")
INITIAL_VERSION = "1.0.0"
_VERSION = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)")
_TARGET = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_LEVELS = ("patch", "minor", "major")


class TargetLike(Protocol):
    """A ``generator.config.Target``: only these attributes are used."""

    name: str
    root: Path


class StateError(ValueError):
    """A state file that cannot be used; the message names the file."""


@dataclass(frozen=True, slots=True)
class ReleaseState:
    target: str
    version: str
    spec_path: Path  # the released spec (absolute)
    spec_sha256: str
    api_version: str | None = None

    def read_spec_bytes(self) -> bytes:
        data = self.spec_path.read_bytes()
        return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def _check_target(target: str) -> None:
    if not _TARGET.fullmatch(target):
        raise StateError(
            f"invalid target name {target!r}: use letters, digits, '.', '_' or '-'"
        )


def _locate(target: str | TargetLike, state_dir: Path | None) -> tuple[str, Path]:
    """Target name and state folder: an explicit folder wins, then ``specs/`` next
    to the target's sdkgen.yaml (``Target.root``), then ``specs/`` here."""
    if isinstance(target, str):
        name, root = target, None
    else:
        name, root = target.name, getattr(target, "root", None)
    _check_target(name)
    if state_dir is not None:
        return name, Path(state_dir)
    return name, (
        Path(root) / DEFAULT_STATE_DIR if root is not None else DEFAULT_STATE_DIR
    )


def state_path(target: str | TargetLike, state_dir: Path | None = None) -> Path:
    name, folder = _locate(target, state_dir)
    return folder / f"{name}.release.json"


def released_spec_path(
    target: str | TargetLike, state_dir: Path | None = None, spec_format: str = "json"
) -> Path:
    """Where the released spec is kept: ``<target>-released.json.gz`` (or ``.yaml.gz``)."""
    name, folder = _locate(target, state_dir)
    return folder / f"{name}-released.{spec_format}.gz"


def _format_of(spec_bytes: bytes) -> str:
    return (
        "json"
        if spec_bytes.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")
        else "yaml"
    )


def changelog_path(target: str | TargetLike, state_dir: Path | None = None) -> Path:
    name, folder = _locate(target, state_dir)
    return folder / f"{name}.CHANGELOG.md"


def spec_digest(spec_bytes: bytes) -> str:
    """sha256 of the spec's uncompressed bytes."""
    if spec_bytes[:2] == b"\x1f\x8b":
        spec_bytes = gzip.decompress(spec_bytes)
    return hashlib.sha256(spec_bytes).hexdigest()


def parse_version(version: str) -> tuple[int, int, int]:
    match = _VERSION.fullmatch(version.strip())
    if not match:
        raise StateError(f"version {version!r} is not MAJOR.MINOR.PATCH")
    return int(match[1]), int(match[2]), int(match[3])


def read_state(
    target: str | TargetLike, state_dir: Path | None = None
) -> ReleaseState | None:
    """The last recorded release of ``target`` (a name or a config ``Target``), or
    None if it was never released."""
    name, state_dir = _locate(target, state_dir)
    path = state_path(name, state_dir)
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise StateError(f"{path}: cannot read release state: {error}") from None
    if not isinstance(data, dict):
        raise StateError(f"{path}: release state must be a JSON object")
    missing = [
        key
        for key in ("version", "spec", "spec_sha256")
        if not isinstance(data.get(key), str)
    ]
    if missing:
        raise StateError(
            f"{path}: release state lacks {', '.join(missing) or 'an object'}"
        )
    try:
        parse_version(data["version"])
    except StateError as error:
        raise StateError(f"{path}: {error}") from None
    return ReleaseState(
        target=name,
        version=data["version"],
        spec_path=(path.parent / data["spec"]).resolve(),
        spec_sha256=data["spec_sha256"],
        api_version=data.get("api_version"),
    )


def next_version(
    state: ReleaseState | None,
    bump: str,
    force: str | None = None,
    initial_version: str = INITIAL_VERSION,
) -> str | None:
    """The version to release, or None when nothing requires one.

    ``bump`` is what the diff requires (``none``/``patch``/``minor``/``major``);
    ``force`` raises it for a manual release and never lowers it. Without a previous
    release the answer is ``initial_version``.
    """
    for name, value in (("bump", bump), ("force", force)):
        if value is not None and value not in ("none", *_LEVELS):
            raise ValueError(
                f"{name} must be none, patch, minor or major, not {value!r}"
            )
    if state is None:
        return initial_version
    rank = max(
        _LEVELS.index(bump) + 1 if bump != "none" else 0,
        _LEVELS.index(force) + 1 if force not in (None, "none") else 0,
    )
    if rank == 0:
        return None
    major, minor, patch = parse_version(state.version)
    if rank == 3:
        return f"{major + 1}.0.0"
    if rank == 2:
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def changelog_after(
    target: str | TargetLike,
    version: str,
    changelog_entry: str | None,
    state_dir: Path | None = None,
) -> str:
    """The target's CHANGELOG text once ``version`` is recorded with ``changelog_entry``
    (what a release bakes into the package it builds before recording)."""
    from .diff.notes import prepend_changelog

    log = changelog_path(target, state_dir)
    existing = log.read_text(encoding="utf-8") if log.exists() else None
    if changelog_entry is None:
        return existing or ""
    return prepend_changelog(existing, changelog_entry, version)


def record_release(
    target: str | TargetLike,
    version: str,
    spec_bytes: bytes,
    state_dir: Path | None = None,
    api_version: str | None = None,
    changelog_entry: str | None = None,
) -> ReleaseState:
    """Record that ``version`` of ``target`` was released from ``spec_bytes``.

    Writes the released spec first and the state file last, so the state never points
    at a spec that is not there. Recording the same release twice changes nothing.
    ``changelog_entry`` (Markdown, see generator.diff.notes) is put first in the
    target's CHANGELOG, replacing an entry for the same version.
    """
    target, state_dir = _locate(target, state_dir)
    parse_version(version)
    raw = gzip.decompress(spec_bytes) if spec_bytes[:2] == b"\x1f\x8b" else spec_bytes
    spec_file = released_spec_path(target, state_dir, _format_of(raw))
    # mtime=0: the same spec always gives the same bytes (no diff noise in git).
    _atomic_write(spec_file, gzip.compress(raw, compresslevel=9, mtime=0))
    if changelog_entry is not None:
        _atomic_write(
            changelog_path(target, state_dir),
            changelog_after(target, version, changelog_entry, state_dir).encode("utf-8"),
        )
    record = {
        "version": version,
        "spec": spec_file.name,
        "spec_sha256": spec_digest(raw),
    }
    if api_version is not None:
        record["api_version"] = api_version
    _atomic_write(
        state_path(target, state_dir),
        (json.dumps(record, indent=2) + "\n").encode("utf-8"),
    )
    return ReleaseState(
        target, version, spec_file.resolve(), record["spec_sha256"], api_version
    )
