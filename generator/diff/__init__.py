"""IR x IR -> classified changes -> version bump and release notes.

Entry points: :func:`diff_apis` (two IRs, one policy) and :func:`diff_specs` (two
spec files or URLs, loaded and built through the normal pipeline).
"""

from __future__ import annotations

from ..gc_pause import without_cyclic_gc
from .changes import BUMPS, Change, DiffResult, Level

POLICIES = ("python", "genesys")


@without_cyclic_gc  # both surfaces and every change record are acyclic
def diff_apis(old, new, policy: str = "python") -> DiffResult:
    """Compare two :class:`generator.ir.model.Api` under ``policy`` (``python`` or ``genesys``)."""
    if policy == "genesys":
        from .genesys import diff_genesys

        return diff_genesys(old, new)
    if policy == "python":
        from .python_sdk import diff_python

        return diff_python(old, new)
    raise ValueError(
        f"unknown diff policy {policy!r}: choose one of {', '.join(POLICIES)}"
    )


__all__ = ["BUMPS", "POLICIES", "Change", "DiffResult", "Level", "diff_apis"]
