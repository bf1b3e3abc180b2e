"""The new spec of a release, as recorded.

The release reads it once through :func:`generator.pipeline.load_checked` (a URL is
fetched once), so the spec that is validated, diffed, generated from and recorded is the
same document even if the server changes it while the release runs.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SpecSnapshot:
    source: str  # what the user gave (file or URL), for messages
    path: str  # the same, kept for callers that name the spec
    content: bytes  # uncompressed bytes as read once, as recorded in the release state
