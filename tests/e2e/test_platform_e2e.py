"""≥300 Platform operations through the generated SDK, against Prism on the same spec."""

from __future__ import annotations

import pytest
from e2e_run import run_e2e
from plan import build_plan, load_with_ir, operation_features, select_operations
from targets import PLATFORM_OPERATION_COUNT, TARGETS

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_platform_operations_through_prism(prism_installed, installed_sdk, tmp_path):
    _project, package, spec_file = TARGETS["platform"]
    spec, api = load_with_ir(spec_file)
    operations = select_operations(api, PLATFORM_OPERATION_COUNT)
    features = set().union(*(operation_features(op) for op in operations))
    for method in ("get", "post", "put", "patch", "delete", "head"):
        assert f"method:{method}" in features
    for location in ("path", "query", "header", "body"):
        assert f"param:{location}" in features
    assert "collection:query:multi" in features

    calls = build_plan(spec, api, operations)
    report = run_e2e(
        spec=spec,
        operation_keys=[op.key for op in operations],
        calls=calls,
        sdk_python=installed_sdk("platform"),
        package=package,
        auth_mode="oauth",
        work_dir=tmp_path,
    )
    print(report.summary())
    assert len({call.operation_id for call in calls}) >= 300
    assert report.ok, report.summary()
    assert report.decoded == len(calls)
