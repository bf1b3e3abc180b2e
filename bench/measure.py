"""Wall time and peak memory of a command, measured by the kernel.

Peak memory is ``ru_maxrss`` as GNU time (``/usr/bin/time -f %M``) reports it:
the largest resident set of the command and of every descendant it waited
for, so a Python wrapper that runs java (openapi-generator-cli) is measured as
a whole. We do not read ``os.wait4`` of our own child directly: a forked child
starts with this (large) process's resident set, which Linux counts into the
child's high-water mark before ``exec``; /usr/bin/time is a tiny parent.
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
        try:
            completed = subprocess.run(
                wrapped,
                stdin=stdin,
                stdout=out.handle,
                stderr=err.handle,
                env=env,
                cwd=cwd,
                timeout=timeout,
                check=False,
            )
            returncode = completed.returncode
        except subprocess.TimeoutExpired:
            returncode = -9
        wall = time.perf_counter() - started
        peak_kib = _last_int(Path(rss_file.name).read_text())
    return Measurement(wall, peak_kib * KIB, returncode, out.text, err.text)


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
