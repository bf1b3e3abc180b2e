"""Wall time and peak memory of a command.

Two peak-memory figures:

- ``peak_rss_bytes``: ``ru_maxrss`` as GNU time (``/usr/bin/time -f %M``) reports
  it, exact but per process: the largest resident set among the command and the
  descendants it waited for (a Python wrapper running java is covered). We do not
  read ``os.wait4`` of our own child: a forked child starts with this (large)
  process's resident set, which Linux counts into the child's high-water mark
  before ``exec``; /usr/bin/time is a tiny parent.
- ``peak_tree_rss_bytes``: the largest *sum* of resident sets over the whole
  process tree, sampled from /proc every 20 ms. It is what the machine must hold
  when a command runs workers in parallel (sdkgen validates in a worker process),
  and may miss peaks shorter than the sampling interval.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Self is typing_extensions' on Python 3.10
    from typing_extensions import Self


KIB = 1024
MIB = 1024 * KIB
GIB = 1024 * MIB
GNU_TIME = shutil.which("time", path="/usr/bin:/bin") or "/usr/bin/time"


@dataclass(frozen=True)
class Measurement:
    wall_seconds: float
    peak_rss_bytes: int
    returncode: int
    stdout: str
    stderr: str
    peak_tree_rss_bytes: int = 0

    @property
    def peak_memory_bytes(self) -> int:
        """The larger of the two figures: what the command needed at its peak."""
        return max(self.peak_rss_bytes, self.peak_tree_rss_bytes)

    def check(self, what: str) -> Measurement:
        if self.returncode != 0:
            raise RuntimeError(
                f"{what} failed ({self.returncode}):\n{self.stdout[-1500:]}\n{self.stderr[-3000:]}"
            )
        return self


def run_measured(
    command: list[str],
    *,
    env: dict[str, str] | None = None,
    cwd: str | os.PathLike[str] | None = None,
    timeout: float = 1800,
) -> Measurement:
    """Run ``command`` to completion; wall clock from start to exit."""
    with (
        tempfile.NamedTemporaryFile(prefix="bench-rss-", suffix=".txt") as rss_file,
        open(os.devnull, "rb") as stdin,
        _Capture() as out,
        _Capture() as err,
    ):
        wrapped = [GNU_TIME, "-f", "%M", "-o", rss_file.name, *command]
        started = time.perf_counter()
        process = subprocess.Popen(
            wrapped, stdin=stdin, stdout=out.handle, stderr=err.handle, env=env, cwd=cwd
        )
        peak_tree = 0
        while process.poll() is None:
            peak_tree = max(peak_tree, tree_rss_bytes(process.pid))
            if time.perf_counter() - started > timeout:
                process.kill()
                process.wait()
                break
            time.sleep(SAMPLE_SECONDS)
        wall = time.perf_counter() - started
        returncode = process.returncode
        peak_kib = _last_int(Path(rss_file.name).read_text())
    return Measurement(wall, peak_kib * KIB, returncode, out.text, err.text, peak_tree)


SAMPLE_SECONDS = 0.02
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def tree_rss_bytes(root: int) -> int:
    """Sum of the resident sets of ``root`` and all its descendants, now."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                # the command name (2nd field) may contain spaces: split after its ")"
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        pending.extend(children.get(pid, ()))
        try:
            with open(f"/proc/{pid}/statm", "rb") as statm:
                total += int(statm.read().split()[1]) * PAGE_SIZE
        except OSError:
            continue
    return total


def _last_int(text: str) -> int:
    """GNU time writes "Command exited with non-zero status N" before the figure on failure."""
    lines = [line for line in text.split() if line.isdigit()]
    return int(lines[-1]) if lines else 0


class _Capture:
    """A temp file for a child's output (pipes could fill up while we poll wait4)."""

    def __enter__(self) -> Self:
        self.handle = tempfile.TemporaryFile()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.handle.seek(0)
        self.text = self.handle.read().decode(errors="replace")
        self.handle.close()


def tree_size(path: Path) -> int:
    """Bytes of all regular files under ``path``."""
    return sum(
        entry.stat().st_size
        for entry in path.rglob("*")
        if entry.is_file() and not entry.is_symlink()
    )


def human_bytes(count: float) -> str:
    for unit, size in (("GiB", GIB), ("MiB", MIB), ("KiB", KIB)):
        if count >= size:
            return f"{count / size:.1f} {unit}"
    return f"{count:.0f} B"
