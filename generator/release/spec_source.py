"""The new spec of a release, read exactly once.

A URL is fetched once and kept in the work folder, so the spec that is validated,
diffed, generated from and recorded is the same document even if the server changes
it while the release runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..loader.sources import read_source


@dataclass(frozen=True, slots=True)
class SpecSnapshot:
    source: str  # what the user gave (file or URL), for messages
    path: str  # a local file with exactly ``content``: what every step reads
    content: bytes  # uncompressed bytes, as recorded in the release state


def take_snapshot(source: str, work_dir: Path) -> SpecSnapshot:
    """Read ``source`` once; raises :class:`generator.diagnostics.SpecError` (naming
    the source) when it cannot be read."""
    document = read_source(source)
    if not source.startswith(("http://", "https://")):
        return SpecSnapshot(source=source, path=source, content=document.content)
    suffix = ".json" if document.content.lstrip()[:1] in (b"{", b"[") else ".yaml"
    local = work_dir / f"downloaded-spec{suffix}"
    local.write_bytes(document.content)
    return SpecSnapshot(source=source, path=str(local), content=document.content)
