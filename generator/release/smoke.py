"""Run a generated SDK's own smoke tests on the generated tree, before anything is built.

If the generated project ships a ``tests/`` folder, pytest runs it; otherwise, and in
any case for the fresh-virtualenv check, :mod:`smoke_check` does (a standalone script).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .tools import run_tool

SMOKE_CHECK_SCRIPT = str(Path(__file__).with_name("smoke_check.py"))


def run_smoke_tests(project_dir: Path, package: str, version: str) -> str:
    """Smoke-test the source tree in ``project_dir`` (the package importable from there)."""
    pythonpath = os.pathsep.join(
        filter(None, [str(project_dir), os.environ.get("PYTHONPATH")])
    )
    env = {"PYTHONPATH": pythonpath, "PYTHONDONTWRITEBYTECODE": "1"}
    report = run_tool(
        [sys.executable, SMOKE_CHECK_SCRIPT, package, "--expect-version", version],
        step="smoke",
        what=f"smoke check of generated {package}",
        cwd=project_dir,
        extra_env=env,
    )
    tests = project_dir / "tests"
    if tests.is_dir():
        report += run_tool(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-x",
                "-p",
                "no:cacheprovider",
                str(tests),
            ],
            step="smoke",
            what=f"the generated SDK's tests ({tests})",
            cwd=project_dir,
            extra_env=env,
        )
    return report.strip()
