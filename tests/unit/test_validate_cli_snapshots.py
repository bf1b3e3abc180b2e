"""What `sdkgen validate` prints for each bad fixture: load, validate, print sorted.

Mirrors the CLI's loop (generator/cli.py) so message wording is reviewed as users see
it. Update with `pytest tests/unit/test_validate_cli_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import SpecError
from generator.loader import load_spec
from generator.validate import validate_spec

REPO = Path(__file__).parent.parent.parent
BAD = REPO / "tests" / "fixtures" / "bad"


def printed_output(source: str) -> str:
    try:
        diagnostics = validate_spec(load_spec(source))
    except SpecError as error:
        diagnostics = error.diagnostics
    return "\n".join(d.format() for d in diagnostics.sorted())


@pytest.mark.parametrize("fixture", sorted(p.name for p in BAD.iterdir()))
def test_validate_output(fixture, snapshot, monkeypatch, tmp_path):
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path))
    monkeypatch.chdir(REPO)  # relative paths in the output, whatever the checkout
    assert printed_output(f"tests/fixtures/bad/{fixture}") == snapshot
