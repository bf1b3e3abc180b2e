"""IR -> generated project: render (pure) -> format (ruff) -> write (atomic swap).

``render_sdk`` returns the files; ``write_sdk`` writes them, formatting every rendered
Python file and leaving the runtime copies exactly as they are in generator/runtime/.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from .format import FormatError
from .manifest import shape_manifest
from .sdk import render_sdk, runtime_file_paths
from .settings import RenderSettings
from .views import RenderError
from .writer import WriteError, write_tree


def write_sdk(files: Mapping[str, str], settings: RenderSettings, output_dir: Path) -> None:
    """Write a ``render_sdk`` result into ``output_dir`` (formatted, swapped in atomically)."""
    runtime = runtime_file_paths(files, settings.package)
    rendered_python = [path for path in files if path.endswith(".py") and path not in runtime]
    write_tree(files, output_dir, format_paths=rendered_python, line_length=settings.line_length)


__all__ = [
    "FormatError",
    "RenderError",
    "RenderSettings",
    "WriteError",
    "render_sdk",
    "shape_manifest",
    "write_sdk",
    "write_tree",
]
