"""One release of one target, step by step (the order is the safety argument).

    1 validate   load + check the new spec (schema validation included)
    2 diff       against the last released spec -> bump -> version (or: nothing to do)
    3 generate   render the SDK into a staging folder (generated/<target> untouched)
    4 smoke      the SDK's smoke tests on the staging tree
    5 build      wheel + sdist (PEP 517) of the SDK, and of its model-stubs companion
                 when the generated project has one
    6 check      twine check, metadata, install into a fresh virtualenv + smoke check
    7 upload     only the files the index lacks, the companion before the SDK; a
                 different build of an existing version stops the release
    8 record     staging -> generated/<target>, then the release state (spec, version)

Until step 7 nothing outside the work folder has changed; step 8 runs only after the
index holds the release. A failure anywhere raises :class:`ReleaseError` with nothing
recorded, and the next run resumes: an index that already has this exact build is
not uploaded to again, only recorded.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from .. import state as release_state
from ..config import Target
from ..diagnostics import Level, SpecError
from ..diff.changes import DiffResult
from ..ir.model import Api
from .build import ReleaseBuild, build_release
from .checks import check_release
from .credentials import IndexCredentials
from .errors import ReleaseError
from .fresh_virtualenv import verify_in_fresh_virtualenv
from .index import PackageIndex, simple_url_for
from .publish import plan_uploads, publish
from .smoke import run_smoke_tests
from .spec_source import SpecSnapshot

Reporter = Callable[[str], None]
# ``bump`` values besides the diff's: a target's first release (nothing to diff
# against), and the release of a version the state records but the index lacks.
FIRST_RELEASE = "first"
UNPUBLISHED = "unpublished"
# Inside the repository but ignored by git (.gitignore): same file system as
# generated/, so the finished tree is moved into place with a rename.
WORK_FOLDER = Path(".sdkgen-cache") / "release"


@dataclass(frozen=True)
class ReleaseRequest:
    target: Target
    spec_source: str | None = None  # default: the target's spec from sdkgen.yaml
    repository_url: str | None = None  # upload URL; None only for --dry-run
    index_url: str | None = None  # simple index; default derived from repository_url
    force: str | None = None  # patch | minor | major
    dry_run: bool = False
    policy: str | None = None  # diff policy; None: the diff's default
    state_dir: Path | None = None  # default: <repository root>/specs
    credentials: IndexCredentials = field(
        default_factory=IndexCredentials.from_environment
    )
    verify_in_virtualenv: bool = True
    pip_options: tuple[str, ...] = ()

    @property
    def state_folder(self) -> Path:
        return self.state_dir or self.target.root / release_state.DEFAULT_STATE_DIR

    @property
    def simple_index_url(self) -> str | None:
        if self.index_url:
            return self.index_url
        return simple_url_for(self.repository_url) if self.repository_url else None


@dataclass
class ReleaseOutcome:
    """What a run did; ``status``: released, unchanged or dry-run."""

    target: str
    status: str
    previous_version: str | None
    version: str | None
    bump: str
    counts: dict[str, int] = field(default_factory=dict)
    uploaded: tuple[str, ...] = ()
    already_on_index: tuple[str, ...] = ()
    notes: str = ""
    timings: list[tuple[str, float]] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "target": self.target,
            "status": self.status,
            "released": self.status == "released",
            "previous_version": self.previous_version,
            "version": self.version,
            "bump": self.bump,
            "counts": self.counts,
            "uploaded": list(self.uploaded),
            "already_on_index": list(self.already_on_index),
            "notes": self.notes,
            "timings": {name: round(seconds, 2) for name, seconds in self.timings},
        }


class _Steps:
    """Runs the steps, timing each one and reporting it as it finishes."""

    def __init__(self, report: Reporter):
        self.report = report
        self.timings: list[tuple[str, float]] = []

    def run(self, name: str, action: Callable[[], object]) -> object:
        started = time.perf_counter()
        result = action()
        elapsed = time.perf_counter() - started
        self.timings.append((name, elapsed))
        self.report(f"{name}: done in {elapsed:.1f} s")
        return result


def release(
    request: ReleaseRequest, report: Reporter = lambda message: None
) -> ReleaseOutcome:
    target = request.target
    if not request.dry_run:
        if not request.repository_url:
            raise ReleaseError(
                "setup", "--repository-url is required (or use --dry-run)"
            )
        if not request.credentials.token:
            # Checked first: finding out after a 10-minute build is no help.
            raise ReleaseError(
                "setup", "no index token: set SDKGEN_INDEX_TOKEN (or TWINE_PASSWORD)"
            )
    work = target.root / WORK_FOLDER / target.name
    work.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="run-", dir=work) as scratch:
        return _release(request, Path(scratch), _Steps(report))


@dataclass(frozen=True)
class _Decision:
    """Steps 1-2: the spec read once, what changed, and the version it calls for."""

    snapshot: SpecSnapshot
    new_api: Api
    previous: release_state.ReleaseState | None
    diff: DiffResult | None  # None when there is nothing to diff against
    version: str | None  # None: nothing to release
    bump: str  # the diff's bump, FIRST_RELEASE or UNPUBLISHED


def _release(request: ReleaseRequest, scratch: Path, steps: _Steps) -> ReleaseOutcome:
    target = request.target
    decision = _decide(request, scratch, steps)
    previous_version = decision.previous.version if decision.previous else None
    diff = decision.diff
    outcome = ReleaseOutcome(
        target.name,
        "dry-run" if request.dry_run else "released",
        previous_version,
        decision.version,
        decision.bump,
        counts=diff.counts if diff is not None else {},
        timings=steps.timings,
    )
    if decision.version is None:
        outcome.status = "unchanged"
        return outcome
    outcome.notes = _release_notes(target, decision)
    forced = f", forced {request.force}" if request.force else ""
    steps.report(
        f"{target.name}: {previous_version or 'first release'} -> {decision.version} "
        f"({outcome.bump}{forced})"
    )
    staging = scratch / "project"
    built = _produce(request, decision, staging, scratch, steps)
    index_url = request.simple_index_url
    if request.dry_run:
        if index_url:  # say what an upload would do; asking the index changes nothing
            with closing(PackageIndex(index_url, request.credentials)) as index:
                plans = plan_uploads(built, index, version=decision.version)
            outcome.uploaded = tuple(p.name for plan in plans for p in plan.missing)
            outcome.already_on_index = tuple(
                name for plan in plans for name in plan.already_present
            )
        return outcome
    assert request.repository_url is not None and index_url is not None  # checked first
    with closing(PackageIndex(index_url, request.credentials)) as index:
        published = steps.run(
            "upload",
            lambda: publish(
                built,
                index,
                repository_url=request.repository_url,
                credentials=request.credentials,
                version=decision.version,
            ),
        )
    outcome.uploaded = published.uploaded
    outcome.already_on_index = published.already_present
    steps.run("record", lambda: _record(request, decision, staging))
    return outcome


def _decide(request: ReleaseRequest, scratch: Path, steps: _Steps) -> _Decision:
    from ..pipeline import load_checked
    from ..versioning import FIRST, decide_version

    target = request.target
    previous = _read_state(request)

    source = request.spec_source or target.spec
    downloaded = f" at {source}" if "://" in source else ""
    # Read once (a URL is fetched once): what is validated, diffed, generated from and
    # recorded are the same bytes even if the server changes the document meanwhile.
    new = _spec_step(
        steps, "validate", lambda: load_checked(source, filters=target.filters), about=downloaded
    )
    for warning in new.diagnostics.sorted():
        steps.report(warning.format())
    snapshot = SpecSnapshot(source=source, path=source, content=new.content)
    initial = target.version or release_state.INITIAL_VERSION

    def decide():
        try:
            return decide_version(previous, new, filters=target.filters, policy=request.policy,
                                  force=request.force, initial_version=initial)
        except release_state.StateError as error:
            raise ReleaseError("diff", str(error)) from None

    decision = _spec_step(steps, "diff", decide)
    if decision.bump == FIRST:
        return _Decision(snapshot, new.api, None, None, decision.version, FIRST_RELEASE)
    if decision.diff is None and decision.version is None:  # the spec is the released one
        if _recorded_but_not_published(request, previous):
            # Recorded without a release (``sdkgen bump``) or the index lost it: publish
            # the recorded version from the recorded spec (the same bytes as this one).
            return _Decision(snapshot, new.api, previous, None, previous.version, UNPUBLISHED)
        return _Decision(snapshot, new.api, previous, None, None, "none")
    return _Decision(snapshot, new.api, previous, decision.diff, decision.version, decision.bump)


def _release_notes(target: Target, decision: _Decision) -> str:
    from ..diff.notes import render_markdown

    if decision.diff is not None:
        return render_markdown(decision.diff, decision.new_api.version)
    if decision.bump == UNPUBLISHED:
        return (
            f"Publishes {target.distribution} {decision.version}, recorded earlier from "
            f"{decision.new_api.title} {decision.new_api.version} but not on the index.\n"
        )
    return (
        f"First release of {target.distribution}, "
        f"from {decision.new_api.title} {decision.new_api.version}.\n"
    )


def _produce(
    request: ReleaseRequest,
    decision: _Decision,
    staging: Path,
    scratch: Path,
    steps: _Steps,
) -> ReleaseBuild:
    """Steps 3-6: generate into ``staging``, smoke-test, build and check."""
    from dataclasses import replace

    from ..pipeline import generate_from_api, settings_for

    target, version = request.target, decision.version
    assert version is not None
    # The package carries the changelog as it will be once this release is recorded.
    changelog = release_state.changelog_after(
        target.name, version, _changelog_entry(decision), request.state_folder
    )
    settings = replace(settings_for(target, version), changelog=changelog)
    # The spec was loaded, validated and filtered in step 1: render that IR.
    _spec_step(
        steps,
        "generate",
        lambda: generate_from_api(decision.new_api, staging, settings),
    )
    steps.run("smoke", lambda: run_smoke_tests(staging, target.package, version))
    built = steps.run(
        "build",
        lambda: build_release(staging, scratch / "dist", distribution=target.distribution),
    )

    def check() -> None:
        check_release(built, package=target.package, version=version)
        if request.verify_in_virtualenv:
            verify_in_fresh_virtualenv(
                built,
                package=target.package,
                version=version,
                folder=scratch / "venv",
                pip_options=request.pip_options,
            )

    steps.run("check", check)
    return built


def _changelog_entry(decision: _Decision) -> str | None:
    from ..diff.notes import changelog_entry

    if decision.diff is None or decision.version is None:
        return None
    return changelog_entry(decision.version, decision.diff)


def _record(request: ReleaseRequest, decision: _Decision, staging: Path) -> None:
    """Step 8, after the upload: the generated tree, then the state (written last)."""
    target, version = request.target, decision.version
    assert version is not None
    try:
        _replace_tree(staging, target.output)
        entry = _changelog_entry(decision)
        release_state.record_release(
            target.name,
            version,
            decision.snapshot.content,
            request.state_folder,
            api_version=decision.new_api.version,
            changelog_entry=entry,
        )
    except OSError as error:
        raise ReleaseError(
            "record",
            f"{target.distribution} {version} is on the index but recording the release failed "
            f"({error}); fix that and re-run: the upload is not repeated",
        ) from None


def _recorded_but_not_published(
    request: ReleaseRequest, previous: release_state.ReleaseState
) -> bool:
    """Whether the index (when one was given) has no file of the recorded version."""
    if request.simple_index_url is None:
        return False
    with closing(PackageIndex(request.simple_index_url, request.credentials)) as index:
        return not index.files_of_version(request.target.distribution, previous.version)


def _read_state(request: ReleaseRequest) -> release_state.ReleaseState | None:
    try:
        return release_state.read_state(request.target.name, request.state_folder)
    except release_state.StateError as error:
        raise ReleaseError("state", str(error)) from None


def _spec_step(steps: _Steps, name: str, action: Callable[[], object], about: str = ""):
    """Run a step that reads a spec; its diagnostics become the error's detail."""
    try:
        return steps.run(name, action)
    except SpecError as error:
        found = error.diagnostics.sorted()
        errors = sum(1 for diagnostic in found if diagnostic.level is Level.ERROR)
        raise ReleaseError(
            name,
            f"the spec{about} has {errors} error(s); nothing was generated or recorded",
            "\n".join(diagnostic.format() for diagnostic in found),
        ) from None


def _replace_tree(new_tree: Path, destination: Path) -> None:
    """Put ``new_tree`` at ``destination`` with renames (the old tree is removed last)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    old = destination.with_name(f".{destination.name}.replaced")
    shutil.rmtree(old, ignore_errors=True)
    if destination.exists():
        destination.rename(old)
    try:
        shutil.move(str(new_tree), str(destination))
    except BaseException:
        if old.exists() and not destination.exists():
            old.rename(destination)
        raise
    shutil.rmtree(old, ignore_errors=True)
