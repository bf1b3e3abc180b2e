"""shape_manifest: the SDK's public shape as sorted text (snapshotted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.ir.build import build_api
from generator.loader import load_spec
from generator.render.manifest import shape_manifest

REPOSITORY = Path(__file__).resolve().parents[2]


def manifest_of(path: Path) -> str:
    return shape_manifest(build_api(load_spec(str(path)), Diagnostics()))


def test_fixture_manifest(snapshot):
    manifest = manifest_of(REPOSITORY / "tests" / "fixtures" / "specs" / "kitchen_sink.yaml")
    assert "  get_user(user_id: str, *, if_match: str | None = None, from_: datetime | None = None" in manifest
    assert "  patch_user(user_id: str, body: UpdateUser) -> User [deprecated]" in manifest
    assert "  date_created: datetime = 'dateCreated'" in manifest
    assert manifest == snapshot


def test_manifest_is_sorted_and_stable():
    manifest = manifest_of(REPOSITORY / "tests" / "fixtures" / "specs" / "kitchen_sink.yaml")
    headers = [line for line in manifest.splitlines() if line.startswith(("api ", "model "))]
    apis = [h for h in headers if h.startswith("api ")]
    models = [h for h in headers if h.startswith("model ")]
    assert apis == sorted(apis) and models == sorted(models)
    assert manifest == manifest_of(REPOSITORY / "tests" / "fixtures" / "specs" / "kitchen_sink.yaml")


@pytest.mark.slow
def test_platform_manifest(snapshot):
    assert manifest_of(REPOSITORY / "specs" / "platform-api-269.0.0.json.gz") == snapshot
