"""Shared helpers of the diff tests: load a fixture pair and run one policy."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from generator.diff import DiffResult, diff_apis
from generator.diff.cli import load_api

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "diff"
PAIRS = sorted(p.name for p in FIXTURES.iterdir() if (p / "old.yaml").exists())


@cache
def pair_apis(name: str):
    _, old = load_api(str(FIXTURES / name / "old.yaml"))
    _, new = load_api(str(FIXTURES / name / "new.yaml"))
    return old, new


def run(name: str, policy: str) -> DiffResult:
    old, new = pair_apis(name)
    return diff_apis(old, new, policy)


def bullets(result: DiffResult) -> list[tuple[str, str, str]]:
    """(level, group, message) of every change, in walk order."""
    return [(c.level.value, c.group, c.message) for c in result.changes]
