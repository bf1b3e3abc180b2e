"""The generate job: load -> validate -> IR -> render -> format -> write, with stage timings.

Schema validation (openapi-spec-validator: ~20 s on the Platform spec) runs in a
separate process while the IR is built and the SDK rendered; nothing is written
unless it passes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .config import Filters, Target
from .diagnostics import Diagnostics, Level, SpecError
from .gc_pause import without_cyclic_gc
from .ir.build import build_api
from .ir.filter import filter_api
from .ir.model import Api
from .loader.spec import LoadedSpec

Reporter = Callable[[str], None]


@dataclass
class StageTimer:
    report: Reporter | None = None
    timings: list[tuple[str, float]] = field(default_factory=list)

    def stage(self, name: str):
        timer = self

        class _Stage:
            def __enter__(self):
                self.start = time.perf_counter()
                return self

            def __exit__(self, *exc):
                elapsed = time.perf_counter() - self.start
                timer.timings.append((name, elapsed))
                if timer.report and exc[0] is None:
                    timer.report(f"{name}: {elapsed:.2f} s")

        return _Stage()


@dataclass(frozen=True)
class GenerateResult:
    api: Api
    output: Path
    files: int
    diagnostics: Diagnostics
    timings: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class LoadedApi:
    """A spec read once, checked, built and filtered: what every command works from.

    ``content`` holds the document's bytes as read (gzip undone), so a URL is fetched
    once and a release records exactly the bytes that were checked and diffed;
    ``diagnostics`` the warnings (errors raise :class:`SpecError` instead).
    """

    source: str
    content: bytes = field(repr=False)
    spec: LoadedSpec = field(repr=False)
    api: Api = field(repr=False)
    diagnostics: Diagnostics = field(default_factory=Diagnostics, repr=False)


def load_checked(source: str, *, filters: Filters | None = None, schema_validation: bool = True,
                 strict: bool = False, timer: StageTimer | None = None) -> LoadedApi:
    """THE load path of validate, generate, diff, bump and release: read ``source`` (file or
    URL) once, run sdkgen's checks and (unless ``schema_validation`` is off)
    openapi-spec-validator, build the IR and apply ``filters``. Every diagnostic carries
    its file and line; ``strict`` makes warnings errors. Raises :class:`SpecError`."""
    diagnostics = Diagnostics()
    timer = timer or StageTimer()
    loaded, pending = _load_ir(source, diagnostics, timer, schema_validation, filters, strict)
    _finish_validation(pending, diagnostics, timer, strict)
    return loaded


def load_api(source: str, *, schema_validation: bool = True, filters: Filters | None = None,
             timer: StageTimer | None = None) -> Api:
    """A spec file or URL -> its checked, filtered IR (see :func:`load_checked`)."""
    return load_checked(source, schema_validation=schema_validation, filters=filters, timer=timer).api


@without_cyclic_gc  # the raw document and the IR are acyclic: see generator.gc_pause
def _load_ir(source: str, diagnostics: Diagnostics, timer: StageTimer, schema_validation: bool,
             filters: Filters | None, strict: bool = False):
    """Read, check, build and filter; schema validation may still be running.

    sdkgen's own checks run in a forked child while the IR is built (see
    generator/validate/forked.py); their findings are reported before the builder's, and
    a spec they refuse is refused whatever the build made of it."""
    from .loader import load_document
    from .loader.sources import read_source
    from .validate import start_schema_validation
    from .validate.forked import start_own_checks

    with timer.stage("load"):
        document = read_source(source)
        spec = load_document(document, source)
    with timer.stage("check"):  # starting them: the whole checks where no child can run them
        checks = start_own_checks(spec)  # before the validator's worker brings its threads
    try:
        pending = start_schema_validation(spec) if schema_validation else None
        built = Diagnostics()
        try:
            with timer.stage("ir"):
                api = _build(spec, built)
        except Exception:
            diagnostics.extend(checks.result())  # a refused spec: the checks say where
            _stop_on_errors(diagnostics, strict, pending)
            raise
        with timer.stage("check (waited)"):
            diagnostics.extend(checks.result())
    finally:
        checks.cancel()
    _stop_on_errors(diagnostics, strict, pending)
    diagnostics.extend(built)
    _stop_on_errors(diagnostics, strict, pending)
    if filters is not None and filters.active:
        with timer.stage("filter"):
            api = filter_api(api, filters.include_tags, filters.exclude_tags, filters.include_paths,
                             filters.exclude_paths)
    return LoadedApi(source, document.content, spec, api, diagnostics), pending


def _stop_on_errors(diagnostics: Diagnostics, strict: bool, pending=None) -> None:
    """Raise SpecError (cancelling a running schema validation) if there are errors;
    with ``strict``, warnings count as errors and are reported as such."""
    if strict:
        diagnostics.items[:] = [replace(d, level=Level.ERROR) for d in diagnostics.items]
    if diagnostics.has_errors:
        if pending is not None:
            pending.cancel()
        raise SpecError(diagnostics)


def _build(spec, diagnostics: Diagnostics) -> Api:
    """Build the IR; the builder's diagnostics get the spec's file and line."""
    found = Diagnostics()
    api = build_api(spec, found)
    for diagnostic in found:
        if diagnostic.line is None or not diagnostic.source:
            diagnostic = replace(diagnostic, source=diagnostic.source or spec.source,
                                 line=diagnostic.line if diagnostic.line is not None else spec.line_of(diagnostic.pointer))
        diagnostics.add(diagnostic)
    return api


def _finish_validation(pending, diagnostics: Diagnostics, timer: StageTimer, strict: bool = False) -> None:
    if pending is not None:
        with timer.stage("validate (waited)"):
            diagnostics.extend(pending.result())
    _stop_on_errors(diagnostics, strict)


Progress = Callable[[str, int, int], None]  # (stage, done, total)


def generate(source: str, output: Path, settings, *, filters: Filters | None = None,
             schema_validation: bool = True, strict: bool = False, report: Reporter | None = None,
             progress: Progress | None = None) -> GenerateResult:
    """Generate one SDK from ``source`` into ``output`` (replaced only when complete).
    Loads through :func:`load_checked`'s steps, rendering while the schema check runs."""
    diagnostics = Diagnostics()
    timer = StageTimer(report)
    loaded, pending = _load_ir(source, diagnostics, timer, schema_validation, filters, strict)
    files = _render(loaded.api, settings, timer, progress)
    # Written and formatted beside ``output`` while the schema check finishes; ``output`` is
    # replaced only once it has passed.
    return _write(loaded.api, files, output, diagnostics, timer,
                  before_replacing=lambda: _finish_validation(pending, diagnostics, timer, strict))


def generate_from_api(api: Api, output: Path, settings, *, report: Reporter | None = None) -> GenerateResult:
    """Render and write an IR already loaded and checked (the release has one)."""
    timer = StageTimer(report)
    return _write(api, _render(api, settings, timer), output, Diagnostics(), timer)


def _render(api: Api, settings, timer: StageTimer, progress: Progress | None = None) -> dict[str, str]:
    from .render import render_sdk

    with timer.stage("render"):
        return render_sdk(api, settings, progress=progress)


def _write(api: Api, files: dict[str, str], output: Path, diagnostics: Diagnostics,
           timer: StageTimer, before_replacing: Callable[[], None] | None = None) -> GenerateResult:
    from .render.writer import write_tree

    with timer.stage("format + write (validation finishing alongside)" if before_replacing else "format + write"):
        write_tree(files, output, before_replacing=before_replacing)
    return GenerateResult(api, output, len(files), diagnostics, tuple(timer.timings))


def settings_for(target: Target, version: str):
    from .render.settings import RenderSettings
    from .state import changelog_path

    changelog = changelog_path(target)
    topics = ()
    if target.notification_topics:
        from .topics import load_available_topics

        topics = load_available_topics(target.notification_topics)
    return RenderSettings(package=target.package, distribution=target.distribution, version=version,
                          description=target.description, notification_topics=topics,
                          changelog=changelog.read_text(encoding="utf-8") if changelog.is_file() else "")


def target_version(target: Target) -> str:
    """The version to stamp: the config's override, else the recorded release, else 0.1.0."""
    if target.version:
        return target.version
    from .state import read_state

    state = read_state(target)
    return state.version if state else "0.1.0"


def target_spec(target: Target) -> str:
    """The spec generated/ is built from: the last released one once a release is
    recorded (so generated/ is what was published, whatever spec a release was given),
    else the sdkgen.yaml spec. sdkgen.yaml's spec is also the next release's default."""
    from .state import read_state

    state = read_state(target)
    return str(state.spec_path) if state else target.spec


def generate_target(target: Target, *, version: str | None = None, spec: str | None = None,
                    output: Path | None = None, **kwargs) -> GenerateResult:
    version = version or target_version(target)
    return generate(spec or target_spec(target), output or target.output, settings_for(target, version),
                    filters=target.filters, **kwargs)


def render_to_dir(spec: str, out_dir: Path, package: str, version: str = "0.1.0", *,
                  notification_topics: str | None = None, **kwargs) -> GenerateResult:
    """One-off generation without a config entry (tests, diff's griffe check, the CLI's --spec)."""
    from .render.settings import RenderSettings

    topics = ()
    if notification_topics:
        from .topics import load_available_topics

        topics = load_available_topics(notification_topics)
    settings = RenderSettings(package=package, distribution=package.replace("_", "-"), version=version,
                              description="", notification_topics=topics)
    return generate(spec, Path(out_dir), settings, **kwargs)
