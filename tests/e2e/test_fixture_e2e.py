"""The kinds the Genesys specs lack (formData fields, file uploads, parameter enums, pipes/csv
arrays, a basePath, binary and text responses), end to end on the kitchen-sink fixture.
"""

from __future__ import annotations

import pytest
from e2e_run import run_e2e
from plan import build_plan, load_with_ir, operation_features
from targets import TARGETS

pytestmark = [pytest.mark.e2e]


def test_kitchen_sink_operations_through_prism(
    prism_installed, installed_sdk, tmp_path
):
    _checked_in, package, spec_file = TARGETS["kitchen-sink"]
    spec, api = load_with_ir(spec_file)
    operations = sorted(api.operations, key=lambda op: op.operation_id or "")
    features = set().union(*(operation_features(op) for op in operations))
    assert {
        "param:formData",
        "collection:query:pipes",
        "collection:query:csv",
        "produces:text/plain",
        "produces:application/octet-stream",
    } <= features
    calls = build_plan(spec, api, operations)
    report = run_e2e(
        spec=spec,
        operation_keys=[op.key for op in operations],
        calls=calls,
        sdk_python=installed_sdk("kitchen-sink"),
        package=package,
        auth_mode="oauth",
        work_dir=tmp_path,
    )
    print(report.summary())
    assert report.ok, report.summary()
    assert report.decoded == len(calls)
