"""The version decision: one function that ``sdkgen bump`` and ``sdkgen release`` both ask.

Given the last recorded release and the new spec (loaded, checked and filtered by
:func:`generator.pipeline.load_checked`), it reloads the released spec through the same
path with the same filters, diffs the two under the policy, and says which version comes
next, or that nothing needs releasing. Commands differ only in what they do with the
answer (record it, or build and publish).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import state as release_state
from .config import Filters
from .diff.changes import DiffResult
from .pipeline import LoadedApi, load_checked

# ``bump`` values besides the diff's levels.
FIRST = "first"  # no release recorded: nothing to diff against
UNCHANGED = "none"  # the spec's bytes are the released ones


@dataclass(frozen=True)
class VersionDecision:
    previous: release_state.ReleaseState | None
    version: str | None  # None: nothing to release
    bump: str  # FIRST, UNCHANGED, or the diff's bump (none, patch, minor, major)
    reason: str
    diff: DiffResult | None = None  # None when nothing was diffed


def decide_version(
    previous: release_state.ReleaseState | None,
    new: LoadedApi,
    *,
    filters: Filters | None = None,
    policy: str | None = None,
    force: str | None = None,
    initial_version: str = release_state.INITIAL_VERSION,
) -> VersionDecision:
    """The next version after ``previous`` for ``new``. Raises
    :class:`generator.state.StateError` when the recorded spec is gone, and
    :class:`generator.diagnostics.SpecError` when it no longer loads."""
    from .diff import diff_apis

    if previous is None:
        return VersionDecision(None, initial_version, FIRST, "first release")
    if release_state.spec_digest(new.content) == previous.spec_sha256 and force is None:
        return VersionDecision(previous, None, UNCHANGED, "the spec is the released one")
    if not previous.spec_path.exists():
        raise release_state.StateError(
            f"{previous.spec_path}: the released spec recorded for {previous.target!r} is missing"
        )
    # Validated when it was released: only sdkgen's own checks run again.
    old = load_checked(str(previous.spec_path), filters=filters, schema_validation=False)
    diff = diff_apis(old.api, new.api, **({"policy": policy} if policy else {}))
    version = release_state.next_version(previous, diff.bump, force, initial_version)
    if version is None:
        return VersionDecision(previous, None, diff.bump, "no change needs a release", diff)
    reason = f"{diff.bump} changes" + (f", forced {force}" if force else "")
    return VersionDecision(previous, version, diff.bump, reason, diff)
