"""Generation benchmarks: sdkgen cold and warm vs openapi-generator (-g python) on the same spec."""

from __future__ import annotations

import gzip
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from measure import Measurement, run_measured, tree_size
from peers import CACHE_DIR, openapi_generator_command

REPO_ROOT = Path(__file__).resolve().parents[1]
# The repository keeps the current spec; older releases come from the shared spec folder.
SPEC_FOLDERS = (
    REPO_ROOT / "specs",
    Path(os.environ.get("BENCH_SPEC_DIR", Path(__file__).resolve().parents[1].parent / "shared" / "specs")),
)
PACKAGE = "purecloud_platform"


def spec_path(version: str) -> Path:
    name = f"platform-api-{version}.json.gz"
    for folder in SPEC_FOLDERS:
        if (folder / name).exists():
            return folder / name
    raise FileNotFoundError(
        f"{name} not found in {', '.join(map(str, SPEC_FOLDERS))} (set BENCH_SPEC_DIR)"
    )


def decompressed_spec(version: str) -> Path:
    """openapi-generator reads plain JSON only; a decompressed copy is cached."""
    target = CACHE_DIR / "specs" / f"platform-api-{version}.json"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(spec_path(version), "rb") as source, open(target, "wb") as out:
            shutil.copyfileobj(source, out)
    return target


@dataclass(frozen=True)
class GenerationRun:
    measurement: Measurement
    output_bytes: int


def sdkgen_command(spec: Path, output: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "generator",
        "generate",
        "--spec",
        str(spec),
        "--output",
        str(output),
        "--package",
        PACKAGE,
        "--quiet",
    ]


def sdkgen_env(cache_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["SDKGEN_CACHE_DIR"] = str(cache_dir)
    env["PYTHONPATH"] = str(REPO_ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def sdkgen_cold(work: Path) -> GenerationRun:
    """Full generation of 269 into an empty folder with an empty cache (validation + formatting)."""
    output, cache = work / "cold-out", work / "cold-cache"
    cache.mkdir(parents=True)
    measurement = run_measured(
        sdkgen_command(spec_path("269.0.0"), output),
        env=sdkgen_env(cache),
        cwd=REPO_ROOT,
    ).check("sdkgen generate (cold)")
    return GenerationRun(measurement, tree_size(output))


def sdkgen_warm(work: Path) -> GenerationRun:
    """A typical release: 268 is generated (and cached), then 269 into the same folder.

    The cache folder is the one the cold run filled, as on a machine that ran
    sdkgen before; only the 268 -> 269 regeneration is timed.
    """
    output, cache = work / "warm-out", work / "cold-cache"
    cache.mkdir(parents=True, exist_ok=True)
    run_measured(
        sdkgen_command(spec_path("268.0.0"), output),
        env=sdkgen_env(cache),
        cwd=REPO_ROOT,
    ).check("sdkgen generate 268 (warm-up)")
    measurement = run_measured(
        sdkgen_command(spec_path("269.0.0"), output),
        env=sdkgen_env(cache),
        cwd=REPO_ROOT,
    ).check("sdkgen generate 269 (warm)")
    return GenerationRun(measurement, tree_size(output))


def openapi_generator(work: Path) -> GenerationRun:
    output = work / "oag-out"
    command = openapi_generator_command() + [
        "generate",
        "-i",
        str(decompressed_spec("269.0.0")),
        "-g",
        "python",
        "-o",
        str(output),
        "--package-name",
        PACKAGE,
    ]
    measurement = run_measured(command).check("openapi-generator-cli generate")
    return GenerationRun(measurement, tree_size(output))


if __name__ == "__main__":
    from measure import human_bytes

    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    with tempfile.TemporaryDirectory(prefix="bench-generate-") as folder:
        work = Path(folder)
        for name, function in (
            ("openapi-generator", openapi_generator),
            ("sdkgen cold", sdkgen_cold),
            ("sdkgen warm", sdkgen_warm),
        ):
            if which in ("all", name.split()[-1], name):
                run = function(work)
                print(
                    f"{name}: {run.measurement.wall_seconds:.1f} s, "
                    f"peak {human_bytes(run.measurement.peak_rss_bytes)}, output {human_bytes(run.output_bytes)}"
                )
