"""``sdkgen release``: from a new swagger to a published wheel, safe to re-run.

The steps, in order (each module owns one):

    validate spec -> diff + version (diff, state) -> render into a staging folder
    -> smoke tests (smoke) -> build wheel + sdist of the SDK and of its model-stubs
    companion when it has one (build) -> check (checks, fresh_virtualenv)
    -> upload unless already published, companion first (index, publish) -> swap the
    staging folder into generated/<target> and record the release (runner)

Nothing in the repository or on the index changes until every step before it has
passed, so a failed run leaves no trace and a re-run resumes (see docs/release.md).
"""

from .errors import ReleaseError

__all__ = ["ReleaseError"]
