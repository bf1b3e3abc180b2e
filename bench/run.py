"""`make bench`: every performance figure of sdkgen next to its peer, measured in the same run.

Prints one row per figure: ``figure | ours | peer | ratio | goal | ok``, where
ratio is peer ÷ ours (how many times faster/smaller we are). Results are also
written to bench/.cache/last-run.json.

Environment:
  BENCH_ONLY=generate,sdk,typing,wheel,runtime,streams,diff   run only these groups (default: all)
  BENCH_SKIP_OPENAPI_GENERATOR=1          skip openapi-generator (~2 min, ~5 GiB)
  BENCH_SPEC_DIR=/path                    where platform-api-268.0.0.json.gz lives
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import tempfile
import traceback
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))
sys.path.insert(1, str(BENCH_DIR.parent))  # generator.naming: the companion project's folder

import bench_generate
import bench_sdk
import peers
from measure import GIB, human_bytes
from payloads import UNKNOWN_STATE, write_user_listing
from wheel_parts import wheel_parts

from generator.naming import MODEL_STUBS_FOLDER

REPO_ROOT = BENCH_DIR.parent
PACKAGE = bench_generate.PACKAGE
OFFICIAL_PACKAGE = "PureCloudPlatformClientV2"
OUR_REQUIREMENTS = ["httpx>=0.27", "msgspec>=0.18", "websockets>=15.0"]


def _file_count(wheel: Path) -> int:
    """Files a wheel installs (its dist-info included): pip writes each one."""
    with zipfile.ZipFile(wheel) as archive:
        return sum(1 for name in archive.namelist() if not name.endswith("/"))


@dataclass
class Row:
    figure: str
    ours: str
    peer: str = "-"
    ratio: str = "-"
    goal: str = "-"
    ok: str = "-"


def seconds(value: float) -> str:
    return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


def times(peer: float, ours: float) -> str:
    return f"{peer / ours:.1f}x" if ours > 0 else "-"


def verdict(*conditions: bool) -> str:
    return "yes" if all(conditions) else "NO"


class Bench:
    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.work = Path(tempfile.mkdtemp(prefix="sdkgen-bench-"))
        self.our_project: Path | None = None

    def add(self, row: Row) -> None:
        self.rows.append(row)
        print(format_row(row), flush=True)

    def failed(self, figure: str, error: BaseException) -> None:
        detail = str(error).strip().splitlines()
        self.add(
            Row(
                figure,
                f"FAILED: {detail[0][:90] if detail else type(error).__name__}",
                ok="NO",
            )
        )
        traceback.print_exception(error, file=sys.stderr, limit=3)

    # ------------------------------------------------------------ generation
    def generation(self) -> None:
        peer = None
        if os.environ.get("BENCH_SKIP_OPENAPI_GENERATOR") != "1":
            try:
                peer = bench_generate.openapi_generator(self.work)
            except Exception as error:  # noqa: BLE001
                # a broken peer must not hide our figures
                self.failed("openapi-generator -g python", error)
        try:
            cold = bench_generate.sdkgen_cold(self.work)
        except Exception as error:  # noqa: BLE001
            self.failed("full generation, cold", error)
            return
        self.our_project = self.work / "cold-out"
        # peak memory: the process tree's sampled sum or the largest process, whichever
        # is higher (sdkgen validates in a worker process alongside the main one)
        wall, rss = cold.measurement.wall_seconds, cold.measurement.peak_memory_bytes
        if peer is not None:
            peer_wall, peer_rss = (
                peer.measurement.wall_seconds,
                peer.measurement.peak_memory_bytes,
            )
            self.add(
                Row(
                    "full generation, cold (wall)",
                    seconds(wall),
                    seconds(peer_wall),
                    times(peer_wall, wall),
                    "≥ 4x, < 60 s",
                    verdict(peer_wall >= 4 * wall, wall < 60),
                )
            )
            self.add(
                Row(
                    "full generation, cold (peak memory, all processes)",
                    human_bytes(rss),
                    human_bytes(peer_rss),
                    times(peer_rss, rss),
                    "< 1 GiB",
                    verdict(rss < GIB),
                )
            )
            self.add(
                Row(
                    "generated output size",
                    human_bytes(cold.output_bytes),
                    human_bytes(peer.output_bytes),
                    times(peer.output_bytes, cold.output_bytes),
                )
            )
        else:
            self.add(
                Row(
                    "full generation, cold (wall)",
                    seconds(wall),
                    "skipped",
                    goal="< 60 s",
                    ok=verdict(wall < 60),
                )
            )
            self.add(
                Row(
                    "full generation, cold (peak memory, all processes)",
                    human_bytes(rss),
                    "skipped",
                    goal="< 1 GiB",
                    ok=verdict(rss < GIB),
                )
            )
        try:
            warm = bench_generate.sdkgen_warm(self.work)
        except Exception as error:  # noqa: BLE001
            self.failed("regeneration 268 -> 269, warm", error)
            return
        warm_wall = warm.measurement.wall_seconds
        self.add(
            Row(
                "regeneration 268 -> 269, warm (wall)",
                seconds(warm_wall),
                "-",
                "-",
                "< 10 s",
                verdict(warm_wall < 10),
            )
        )

    # ------------------------------------------------------------ our package
    def project(self) -> Path:
        """The generated Platform project: generated/platform, else this run's cold output, else generate."""
        checked_in = REPO_ROOT / "generated" / "platform"
        if (checked_in / "pyproject.toml").exists():
            return checked_in
        if self.our_project is not None:
            return self.our_project
        output = self.work / "platform"
        command = bench_generate.sdkgen_command(
            bench_generate.spec_path("269.0.0"), output
        )
        result = subprocess.run(
            command,
            env=bench_generate.sdkgen_env(self.work / "cache"),
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"sdkgen generate failed:\n{result.stdout[-1500:]}{result.stderr[-1500:]}"
            )
        self.our_project = output
        return output

    def our_wheel(self) -> Path:
        return self._wheel_of(self.project(), self.work / "wheel")

    def our_model_stubs_wheel(self) -> Path | None:
        """The companion wheel of the per-model stubs (the SDK's ``model-stubs`` extra), or
        None when the SDK bundles them (few models)."""
        project = self.project() / MODEL_STUBS_FOLDER
        if not (project / "pyproject.toml").is_file():
            return None
        return self._wheel_of(project, self.work / "model-stubs-wheel")

    @staticmethod
    def _wheel_of(project: Path, wheel_dir: Path) -> Path:
        if not wheel_dir.exists():
            result = subprocess.run(
                [sys.executable, "-m", "build", "--wheel", "--outdir", str(wheel_dir), str(project)],
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0:
                raise RuntimeError(
                    f"python -m build --wheel failed:\n{result.stderr[-2000:]}"
                )
        return next(wheel_dir.glob("*.whl"))

    def our_python(self) -> Path:
        python = peers.cached_venv("ours", OUR_REQUIREMENTS)
        bench_sdk.install_wheel(python, self.our_wheel())
        return python

    # ------------------------------------------------------------ SDK figures
    def sdk(self) -> None:
        official = peers.official_sdk_python()
        ours = self.our_python()
        try:
            figures = bench_sdk.compare_imports(
                {
                    "ours": (ours, PACKAGE),
                    "official": (official, "PureCloudPlatformClientV2"),
                }
            )
            mine, theirs = figures["ours"], figures["official"]
            self.add(
                Row(
                    "import sdk; sdk.UsersApi() (time)",
                    seconds(mine.seconds),
                    seconds(theirs.seconds),
                    times(theirs.seconds, mine.seconds),
                    "≥ 20x",
                    verdict(theirs.seconds >= 20 * mine.seconds),
                )
            )
            self.add(
                Row(
                    "import sdk; sdk.UsersApi() (peak RSS)",
                    human_bytes(mine.peak_rss_bytes),
                    human_bytes(theirs.peak_rss_bytes),
                    times(theirs.peak_rss_bytes, mine.peak_rss_bytes),
                    "≥ 5x",
                    verdict(theirs.peak_rss_bytes >= 5 * mine.peak_rss_bytes),
                )
            )
            self.add(
                Row(
                    "  (CPU time)",
                    seconds(mine.cpu_seconds),
                    seconds(theirs.cpu_seconds),
                    times(theirs.cpu_seconds, mine.cpu_seconds),
                    "≥ 20x",
                    verdict(theirs.cpu_seconds >= 20 * mine.cpu_seconds),
                )
            )
            self.add(
                Row(
                    "  (median wall time)",
                    seconds(mine.median_seconds),
                    seconds(theirs.median_seconds),
                    times(theirs.median_seconds, mine.median_seconds),
                )
            )
            self.add(
                Row(
                    "  (bare interpreter peak RSS)",
                    human_bytes(mine.baseline_rss_bytes),
                    human_bytes(theirs.baseline_rss_bytes),
                )
            )
        except Exception as error:  # noqa: BLE001
            self.failed("import sdk; sdk.UsersApi()", error)
        try:
            self.process_imports(ours, official)
        except Exception as error:  # noqa: BLE001
            self.failed("import sdk; sdk.UsersApi (whole process)", error)
        payload = write_user_listing(peers.CACHE_DIR / "payloads" / "users-1000.json")
        try:
            mine_decode = bench_sdk.measure_decode(
                ours,
                payload,
                official=False,
                package=PACKAGE,
                unknown_state=UNKNOWN_STATE,
            )
            theirs_decode = bench_sdk.measure_decode(official, payload, official=True)
            self.add(
                Row(
                    f"decode 1,000-user listing ({human_bytes(payload.stat().st_size)})",
                    seconds(mine_decode.best_seconds),
                    seconds(theirs_decode.best_seconds),
                    times(theirs_decode.best_seconds, mine_decode.best_seconds),
                    "≥ 20x",
                    verdict(
                        theirs_decode.best_seconds >= 20 * mine_decode.best_seconds
                    ),
                )
            )
            self.add(
                Row(
                    "  (CPU time)",
                    seconds(mine_decode.best_cpu_seconds),
                    seconds(theirs_decode.best_cpu_seconds),
                    times(theirs_decode.best_cpu_seconds, mine_decode.best_cpu_seconds),
                    "≥ 20x",
                    verdict(
                        theirs_decode.best_cpu_seconds
                        >= 20 * mine_decode.best_cpu_seconds
                    ),
                )
            )
            self.add(
                Row(
                    "  first decode (builds decoders)",
                    seconds(mine_decode.first_seconds),
                    seconds(theirs_decode.first_seconds),
                    times(theirs_decode.first_seconds, mine_decode.first_seconds),
                )
            )
        except Exception as error:  # noqa: BLE001
            self.failed("decode 1,000-user listing", error)

    def process_imports(self, ours: Path, official: Path) -> None:
        """``python -c "import sdk; sdk.UsersApi"`` as a whole process against ``python -c pass``:
        cold (a source tree, PYTHONDONTWRITEBYTECODE=1, no __pycache__: every module is
        compiled) and warm (the installed wheel, bytecode cached)."""
        cold = {"PYTHONDONTWRITEBYTECODE": "1"}
        ours_tree = bench_sdk.copy_without_bytecode(self.project() / PACKAGE, self.work / "cold-ours")
        official_tree = bench_sdk.copy_without_bytecode(
            bench_sdk.package_dir(official, OFFICIAL_PACKAGE), self.work / "cold-official"
        )
        code = bench_sdk.COLD_IMPORT_SCRIPT
        figures = bench_sdk.compare_processes(
            {
                "bare": (ours, "pass", cold),
                "cold": (ours, code.format(package=PACKAGE), {**cold, "PYTHONPATH": str(ours_tree)}),
                "warm": (ours, code.format(package=PACKAGE), {}),
                "official warm": (official, code.format(package=OFFICIAL_PACKAGE), {}),
                "official bare": (official, "pass", {}),
            }
        )
        # every model module compiled: seconds per run, so once
        official_cold = bench_sdk.compare_processes(
            {"official cold": (official, code.format(package=OFFICIAL_PACKAGE),
                               {**cold, "PYTHONPATH": str(official_tree)})},
            repeat=1,
        )["official cold"]
        bare, mine_cold, mine_warm = figures["bare"], figures["cold"], figures["warm"]
        official_bare = figures["official bare"]
        self.add(Row("python -c pass (bare interpreter)", seconds(bare.seconds),
                     seconds(official_bare.seconds)))
        self.add(Row("  (CPU time)", seconds(bare.cpu_seconds), seconds(official_bare.cpu_seconds)))
        for label, mine, theirs, budget in (
            ("cold (source, no bytecode)", mine_cold, official_cold, 4.0),
            ("warm (installed wheel)", mine_warm, figures["official warm"], 1.5),
        ):
            cpu_ratio = mine.cpu_seconds / bare.cpu_seconds
            self.add(
                Row(
                    f"import sdk; sdk.UsersApi, {label}",
                    seconds(mine.seconds),
                    seconds(theirs.seconds),
                    times(theirs.seconds, mine.seconds),
                )
            )
            self.add(
                Row(
                    "  (CPU time; ours / bare)",
                    f"{seconds(mine.cpu_seconds)}; {cpu_ratio:.2f}x",
                    seconds(theirs.cpu_seconds),
                    times(theirs.cpu_seconds, mine.cpu_seconds),
                    f"≤ {budget:g}x bare",
                    verdict(cpu_ratio <= budget),
                )
            )
            extra = mine.peak_rss_bytes - bare.peak_rss_bytes
            self.add(
                Row(
                    "  (peak RSS over bare)",
                    human_bytes(extra),
                    human_bytes(theirs.peak_rss_bytes - official_bare.peak_rss_bytes),
                    "-",
                    "≤ 8 MiB",
                    verdict(extra <= 8 * 1024 * 1024),
                )
            )

    # ------------------------------------------------------------ typing
    def typing(self) -> None:
        """``pyright --verifytypes`` of both shipped SDKs (share of the public symbols whose
        type is fully known)."""
        pyright = REPO_ROOT / "node_modules" / ".bin" / "pyright"
        if not pyright.exists():
            raise RuntimeError("pyright is not installed: run `make install` (npm ci)")
        guest = self.work / "guest-chat"
        if not guest.exists():
            command = [sys.executable, "-m", "generator", "generate", "--quiet",
                       "--spec", str(REPO_ROOT / "specs" / "guest-chat-13.2.0.json.gz"),
                       "--output", str(guest), "--package", "purecloud_guest_chat"]
            subprocess.run(command, env=bench_generate.sdkgen_env(self.work / "cache"), cwd=REPO_ROOT,
                           capture_output=True, text=True, check=True)
        for label, root, package in (
            ("Platform", self.project(), PACKAGE),
            ("Guest Chat", guest, "purecloud_guest_chat"),
        ):
            score = verify_types(pyright, root, package)
            self.add(Row(f"pyright --verifytypes ({label})", f"{score:.1f}%", "-", "-", "≥ 95%",
                         verdict(score >= 95)))

    def wheel(self) -> None:
        mine, theirs = self.our_wheel(), peers.official_wheel()
        size, peer_size = mine.stat().st_size, theirs.stat().st_size
        self.add(
            Row(
                "wheel size",
                human_bytes(size),
                human_bytes(peer_size),
                times(peer_size, size),
                "≥ 4x",
                verdict(peer_size >= 4 * size),
            )
        )
        files, peer_files = _file_count(mine), _file_count(theirs)
        self.add(Row("  files in it", f"{files:,}", f"{peer_files:,}", times(peer_files, files)))
        stubs = self.our_model_stubs_wheel()
        if stubs is not None:
            # opt-in: what `pip install "<sdk>[model-stubs]"` adds for type checkers that
            # should resolve the official per-model import paths
            stubs_size = stubs.stat().st_size
            self.add(Row(f"  model-stubs extra ({_file_count(stubs):,} files, opt-in)",
                         human_bytes(stubs_size)))
            self.add(Row("  wheel + model-stubs extra", human_bytes(size + stubs_size),
                         human_bytes(peer_size), times(peer_size, size + stubs_size)))
        # where the bytes go (informational): each part, its share of the wheel in "ratio"
        for part in wheel_parts(mine, PACKAGE):
            count = f" ({part.files} files)" if part.files > 1 else ""
            self.add(
                Row(
                    f"  {part.label}{count}",
                    human_bytes(part.archive_bytes),
                    ratio=f"{100 * part.archive_bytes / size:.0f}%",
                )
            )
            if part.files > 1000:  # names and zip headers: the floor however small the files
                self.add(Row("    of which names and zip headers", human_bytes(part.header_bytes)))
        with zipfile.ZipFile(mine) as archive:
            docs = [
                name
                for name in archive.namelist()
                if name.endswith((".md", ".rst")) or "/docs/" in f"/{name}"
            ]
        self.add(
            Row(
                "docs files in our wheel",
                str(len(docs)),
                goal="0",
                ok=verdict(not docs),
            )
        )

    # ------------------------------------------------------------ runtime
    def runtime(self) -> None:
        """Client overhead and throughput: bench/bench_runtime.py (the runtime engineer's) if present."""
        if not (BENCH_DIR / "bench_runtime.py").exists():
            self.add(
                Row("runtime benchmarks", "bench/bench_runtime.py not present yet")
            )
            return
        module = importlib.import_module("bench_runtime")
        rows = module.run(
            python=self.our_python(),
            official_python=peers.official_sdk_python(),
            package=PACKAGE,
        )
        for row in rows:
            self.add(Row(**row) if isinstance(row, dict) else row)

    # ------------------------------------------------------------ event streams
    def streams(self) -> None:
        """Notification events/s through the channel vs raw websockets: bench/bench_streams.py."""
        module = importlib.import_module("bench_streams")
        for row in module.run(
            python=self.our_python(), package=PACKAGE, project=self.project()
        ):
            self.add(Row(**row))

    # ------------------------------------------------------------ diff
    def diff(self) -> None:
        """bench/bench_diff.py (the diff engineer's) prints ``figure ours peer ratio`` lines."""
        script = BENCH_DIR / "bench_diff.py"
        if not script.exists():
            self.add(Row("diff benchmarks", "bench/bench_diff.py not present yet"))
            return
        result = subprocess.run(
            [sys.executable, str(script)],
            capture_output=True,
            text=True,
            cwd=REPO_ROOT,
            env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"bench_diff.py failed:\n{result.stderr[-1500:]}")
        for line in result.stdout.splitlines():
            parts = line.split()
            if len(parts) != 4 or parts[0] == "figure":
                continue
            figure, ours, peer = parts[0], float(parts[1]), float(parts[2])
            is_goal = (
                figure.endswith("_wall_s")
                and figure.startswith("diff_")
                and "only" not in figure
            )
            self.add(
                Row(
                    figure,
                    seconds(ours),
                    seconds(peer) + (" (goal)" if is_goal else ""),
                    times(peer, ours),
                    "< 2 s" if is_goal else "-",
                    verdict(ours < peer) if is_goal else "-",
                )
            )


def verify_types(pyright: Path, root: Path, package: str) -> float:
    """The type completeness score pyright reports for ``package`` (in ``root``)."""
    import re

    env = {**os.environ, "PYTHONPATH": str(root)}
    result = subprocess.run(
        [str(pyright), "--pythonpath", sys.executable, "--verifytypes", package, "--ignoreexternal"],
        cwd=tempfile.gettempdir(), env=env, capture_output=True, text=True, check=False,
    )
    found = re.search(r"Type completeness score: ([\d.]+)%", result.stdout)
    if found is None:
        raise RuntimeError(f"pyright --verifytypes gave no score:\n{result.stdout[-1500:]}{result.stderr[-500:]}")
    return float(found.group(1))


def format_row(row: Row) -> str:
    return f"{row.figure:<50} | {row.ours:>12} | {row.peer:>14} | {row.ratio:>7} | {row.goal:<20} | {row.ok}"


def main() -> int:
    groups = os.environ.get(
        "BENCH_ONLY", "generate,sdk,typing,wheel,runtime,streams,diff"
    ).split(",")
    bench = Bench()
    print(format_row(Row("figure", "ours", "peer", "ratio", "goal", "ok")))
    print("-" * 124, flush=True)
    for name, method in (
        ("generate", bench.generation),
        ("sdk", bench.sdk),
        ("typing", bench.typing),
        ("wheel", bench.wheel),
        ("runtime", bench.runtime),
        ("streams", bench.streams),
        ("diff", bench.diff),
    ):
        if name in groups:
            try:
                method()
            except Exception as error:  # noqa: BLE001
                # report and go on with the other groups
                bench.failed(name, error)
    results = peers.CACHE_DIR / "last-run.json"
    results.parent.mkdir(parents=True, exist_ok=True)
    results.write_text(
        json.dumps([asdict(row) for row in bench.rows], indent=1), encoding="utf-8"
    )
    return 1 if any(row.ok == "NO" for row in bench.rows) else 0


if __name__ == "__main__":
    sys.exit(main())
