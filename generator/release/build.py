"""Build the wheel and sdist of a generated project with PEP 517 ``build``: the SDK, and
its model-stubs companion when the project has one (see :func:`build_release`)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from build import BuildException, ProjectBuilder, check_dependency

from ..naming import MODEL_STUBS_FOLDER, model_stubs_distribution
from .errors import ReleaseError
from .tools import run_tool

# A fixed timestamp for every file in the archives: rebuilding the same tree then gives
# the same wheel, which keeps the "already on the index?" comparison cheap and exact.
SOURCE_DATE_EPOCH = "1700000000"


@dataclass(frozen=True, slots=True)
class BuiltDistributions:
    wheel: Path
    sdist: Path

    @property
    def files(self) -> tuple[Path, Path]:
        return (self.wheel, self.sdist)


@dataclass(frozen=True, slots=True)
class DistributionBuild:
    """The files built for one distribution of a release, with the name they are released as."""

    distribution: str
    built: BuiltDistributions


@dataclass(frozen=True, slots=True)
class ReleaseBuild:
    """Everything a release builds: the SDK, and its model-stubs companion when the
    generated project has one. Both carry the release's version."""

    sdk: DistributionBuild
    model_stubs: DistributionBuild | None = None

    @property
    def upload_order(self) -> tuple[DistributionBuild, ...]:
        # The companion first: the SDK's ``model-stubs`` extra pins it, so the extra
        # resolves from the moment the SDK is visible; and an interrupted upload never
        # leaves an SDK on the index whose extra cannot be installed.
        return tuple(part for part in (self.model_stubs, self.sdk) if part is not None)

    @property
    def files(self) -> tuple[Path, ...]:
        return tuple(path for part in self.upload_order for path in part.built.files)


def build_requirements_installed(project_dir: Path) -> bool:
    """Whether this interpreter already has the project's build backend.

    Then ``--no-isolation`` skips creating a build environment and downloading the
    backend from the index, which is most of the time of building a small project.
    """
    try:
        requires = ProjectBuilder(project_dir).build_system_requires
    except BuildException:
        return False
    return not any(check_dependency(requirement) for requirement in requires)


def build_distributions(
    project_dir: Path, out_dir: Path, *, isolated: bool | None = None
) -> BuiltDistributions:
    """Build sdist, then the wheel from that sdist (so a file missing from the sdist
    fails here, not for a user installing from source). ``isolated=None``: isolate only
    when the backend is not installed here."""
    if not (project_dir / "pyproject.toml").is_file():
        raise ReleaseError(
            "build",
            f"{project_dir} has no pyproject.toml: the generated project cannot be built",
        )
    if isolated is None:
        isolated = not build_requirements_installed(project_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    argv = [sys.executable, "-m", "build", "--outdir", str(out_dir)]
    if not isolated:
        argv.append("--no-isolation")
    argv.append(str(project_dir))
    run_tool(
        argv,
        step="build",
        what="python -m build",
        extra_env={"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH},
    )
    wheels = sorted(out_dir.glob("*.whl"))
    sdists = sorted(out_dir.glob("*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        found = ", ".join(p.name for p in sorted(out_dir.iterdir())) or "nothing"
        raise ReleaseError(
            "build", f"expected one wheel and one sdist in {out_dir}, found: {found}"
        )
    return BuiltDistributions(wheel=wheels[0], sdist=sdists[0])


def model_stubs_project(project_dir: Path) -> Path | None:
    """The companion project inside a generated project, or None when it has none."""
    folder = project_dir / MODEL_STUBS_FOLDER
    if not folder.exists():
        return None
    if not (folder / "pyproject.toml").is_file():
        # The SDK's extra would point at a distribution nobody builds: stop here.
        raise ReleaseError(
            "build",
            f"{folder} has no pyproject.toml: the model-stubs companion cannot be built",
        )
    return folder


def build_release(
    project_dir: Path, out_dir: Path, *, distribution: str, isolated: bool | None = None
) -> ReleaseBuild:
    """Build the SDK in ``project_dir`` and, when it has one, its model-stubs companion,
    each into its own folder of ``out_dir`` (each build expects one wheel and one sdist)."""
    sdk = DistributionBuild(
        distribution,
        build_distributions(project_dir, out_dir / "sdk", isolated=isolated),
    )
    companion = model_stubs_project(project_dir)
    if companion is None:
        return ReleaseBuild(sdk)
    built = build_distributions(
        companion, out_dir / MODEL_STUBS_FOLDER, isolated=isolated
    )
    return ReleaseBuild(
        sdk, DistributionBuild(model_stubs_distribution(distribution), built)
    )
