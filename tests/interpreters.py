"""The CPython interpreters of this machine that tests compare sdkgen's output across.

Generated names and code must not depend on the Python that runs sdkgen (3.10 to 3.13).
Interpreters are looked up on PATH (``python3.12``) and in pyenv's versions folder; tests
skip, saying which, for those the machine lacks.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

SUPPORTED = ("3.10", "3.11", "3.12", "3.13")
PYENV_VERSIONS = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"


def find_interpreter(version: str) -> Path | None:
    """A working ``python<version>`` executable, or None (pyenv's shims, which only run
    when that version is selected, do not count)."""
    candidates = []
    if PYENV_VERSIONS.is_dir():
        for folder in sorted(PYENV_VERSIONS.glob(f"{version}.*"), reverse=True):
            if folder.name.split(".")[:2] == version.split("."):
                candidates.append(folder / "bin" / "python")
    on_path = shutil.which(f"python{version}")
    if on_path and "shims" not in Path(on_path).parts:
        candidates.append(Path(on_path))
    for candidate in candidates:
        if candidate.is_file() and _reports_version(candidate, version):
            return candidate
    return None


def _reports_version(python: Path, version: str) -> bool:
    try:
        completed = subprocess.run(
            [str(python), "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True, text=True, timeout=30, check=False,
        )  # fmt: skip
    except OSError:
        return False
    return completed.returncode == 0 and completed.stdout.strip() == version
