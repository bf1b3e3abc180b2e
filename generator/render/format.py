"""Formatting rendered Python with ``ruff format`` (black-compatible, ~100x faster).

Templates already emit nearly formatted code; ruff runs once over a directory, in a
single process, so formatting the full Platform SDK takes well under a second where
black needs about a minute. tests/unit/test_render_format.py proves black agrees.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

TARGET_VERSION = "py310"
_ARGUMENT_BATCH = 500  # files per ruff invocation, to stay far below any argv limit


class FormatError(Exception):
    """ruff could not format the generated code (a generator bug: the message says where)."""


def ruff_command() -> list[str]:
    try:
        from ruff.__main__ import find_ruff_bin  # the wheel's own binary

        return [os.fsdecode(find_ruff_bin())]
    except (ImportError, FileNotFoundError):
        found = shutil.which("ruff")
        if found:
            return [found]
        return [sys.executable, "-m", "ruff"]


def format_directory(root: Path, relative_paths: Iterable[str], line_length: int = 88) -> None:
    """Format the given ``.py`` files under ``root`` in place."""
    paths = sorted(p for p in relative_paths if p.endswith(".py"))
    for start in range(0, len(paths), _ARGUMENT_BATCH):
        batch = paths[start : start + _ARGUMENT_BATCH]
        command = [
            *ruff_command(), "format", "--isolated", "--no-cache",
            "--line-length", str(line_length), "--target-version", TARGET_VERSION, "--", *batch,
        ]
        result = subprocess.run(command, cwd=root, capture_output=True, text=True)
        if result.returncode != 0:
            output = "\n".join(part.strip() for part in (result.stderr, result.stdout) if part.strip())
            raise FormatError(f"ruff format failed on the generated code:\n{output}")


def format_files(files: Mapping[str, str], skip: Iterable[str] = (), line_length: int = 88) -> dict[str, str]:
    """In-memory variant: returns ``files`` with every ``.py`` entry not in ``skip`` formatted."""
    skipped = set(skip)
    wanted = [p for p in files if p.endswith(".py") and p not in skipped]
    result = dict(files)
    if not wanted:
        return result
    with tempfile.TemporaryDirectory(prefix="sdkgen-format-") as temp:
        root = Path(temp)
        for path in wanted:
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(files[path], encoding="utf-8", newline="\n")
        format_directory(root, wanted, line_length)
        for path in wanted:
            result[path] = (root / path).read_text(encoding="utf-8")
    return result
