"""``sdkgen release``: from a new swagger to a published wheel, safe to re-run.

The steps, in order (each module owns one):

    validate spec -> diff + version (diff, state) -> render into a staging folder
    -> smoke tests (smoke) -> build wheel + sdist (build) -> check (checks)
    -> upload unless already published (index, publish) -> swap the staging folder
    into generated/<target> and record the release (runner)

Nothing in the repository or on the index changes until every step before it has
passed, so a failed run leaves no trace and a re-run resumes (see docs/release.md).
"""

from .errors import ReleaseError

__all__ = ["ReleaseError"]
