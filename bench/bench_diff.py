"""Benchmark: diff the two full Platform specs (268.0.0 -> 269.0.0), loading included.

Goal (issue 4): under 2 s wall for load + IR of both specs + diff. Prints
``figure ours peer ratio`` lines (ratio = ours / peer; below 1 is better than the peer):

- ``diff_*_command_wall_s``: ``sdkgen diff OLD NEW --policy *`` as a user runs it, from
  process start to exit (interpreter, imports, sdkgen's own spec checks and the notes
  included), best of N runs; peer: the 2 s goal.
- ``diff_*_wall_s`` / ``*_cpu_s``: load + build both IRs + diff inside one process, best
  of N runs; peer: the 2 s goal.
- ``load_and_build_both_s``: the loader + IR builder part of that (not the diff's code).
- ``diff_only_*_s``: the diff alone on two built IRs; peer: a naive structural diff of the
  two raw JSON documents (recursive dict/list walk listing every changed JSON pointer,
  no classification), i.e. what skipping the IR would cost for the comparison itself.

Run: ``python bench/bench_diff.py [--runs N]`` (the machine is shared: best of N).
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.diff import diff_apis
from generator.ir.build import build_api
from generator.loader import load_spec

SPECS = Path(__file__).resolve().parents[1].parent / "shared" / "specs"
OLD, NEW = (
    SPECS / "platform-api-268.0.0.json.gz",
    SPECS / "platform-api-269.0.0.json.gz",
)
GOAL_SECONDS = 2.0


def _timed(action) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    value = action()
    return time.perf_counter() - wall, time.process_time() - cpu, value


def _best(action, runs: int) -> tuple[float, float, object]:
    results = [_timed(action) for _ in range(runs)]
    return min(r[0] for r in results), min(r[1] for r in results), results[-1][2]


def _end_to_end(policy: str):
    def action():
        old = build_api(load_spec(str(OLD)))
        new = build_api(load_spec(str(NEW)))
        return diff_apis(old, new, policy)

    return action


def _command_seconds(policy: str) -> float:
    """Wall time of the whole ``sdkgen diff`` command, notes written to /dev/null."""
    command = [sys.executable, "-m", "generator", "diff", str(OLD), str(NEW), "--policy", policy]
    started = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr.decode()[-1500:]}")
    return elapsed


def _naive_diff(old: object, new: object, pointer: str, out: list[str]) -> None:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in old.keys() | new.keys():
            if key not in old or key not in new:
                out.append(f"{pointer}/{key}")
            else:
                _naive_diff(old[key], new[key], f"{pointer}/{key}", out)
    elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for index, (a, b) in enumerate(zip(old, new)):
            _naive_diff(a, b, f"{pointer}/{index}", out)
    elif old != new:
        out.append(pointer)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    print("figure ours peer ratio")
    for policy in ("genesys", "python"):
        wall = min(_command_seconds(policy) for _ in range(runs))
        print(
            f"diff_{policy}_command_wall_s {wall:.2f} {GOAL_SECONDS:.2f} {wall / GOAL_SECONDS:.2f}"
        )
    for policy in ("genesys", "python"):
        wall, cpu, result = _best(_end_to_end(policy), runs)
        print(
            f"diff_{policy}_wall_s {wall:.2f} {GOAL_SECONDS:.2f} {wall / GOAL_SECONDS:.2f}"
        )
        print(
            f"diff_{policy}_cpu_s {cpu:.2f} {GOAL_SECONDS:.2f} {cpu / GOAL_SECONDS:.2f}"
        )
    load_wall, _, (old_api, new_api) = _best(
        lambda: (build_api(load_spec(str(OLD))), build_api(load_spec(str(NEW)))), runs
    )
    print(
        f"load_and_build_both_s {load_wall:.2f} {GOAL_SECONDS:.2f} {load_wall / GOAL_SECONDS:.2f}"
    )
    raw_old = json.loads(gzip.decompress(OLD.read_bytes()))
    raw_new = json.loads(gzip.decompress(NEW.read_bytes()))
    naive_wall, _, _ = _best(lambda: _naive_diff(raw_old, raw_new, "", []), runs)
    for policy in ("genesys", "python"):
        wall, _, result = _best(lambda p=policy: diff_apis(old_api, new_api, p), runs)
        print(
            f"diff_only_{policy}_s {wall:.3f} {naive_wall:.3f} {wall / naive_wall:.2f}"
        )
    print(
        f"# {result.counts} (python policy); genesys: 42/44/3 expected", file=sys.stderr
    )


if __name__ == "__main__":
    main()
