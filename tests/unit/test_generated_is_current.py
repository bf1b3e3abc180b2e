"""generated/ is committed: regenerating every target must reproduce it byte for byte.

Fails when a change to the generator, templates, runtime or specs was committed without
running `make generate`.
"""

from pathlib import Path

import pytest

from generator import pipeline
from generator.config import load_config

ROOT = Path(__file__).resolve().parents[2]
CONFIG = load_config(ROOT / "sdkgen.yaml")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CONFIG.targets))
def test_generated_tree_matches_a_fresh_generation(name, tmp_path):
    target = CONFIG.targets[name]
    assert target.output.is_dir(), f"{target.output} is missing: run `make generate` and commit it"
    fresh = tmp_path / "fresh"
    pipeline.generate_target(target, output=fresh)
    committed, regenerated = tree(target.output), tree(fresh)
    missing = sorted(set(regenerated) - set(committed))
    extra = sorted(set(committed) - set(regenerated))
    changed = sorted(p for p in set(committed) & set(regenerated) if committed[p] != regenerated[p])
    assert not (missing or extra or changed), (
        f"generated/{name} is stale; run `make generate` and commit. "
        f"missing: {missing[:5]} extra: {extra[:5]} changed: {changed[:5]}")
