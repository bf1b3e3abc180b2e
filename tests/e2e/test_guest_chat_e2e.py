"""Every Guest Chat operation through the generated SDK (JWT auth), against Prism."""

from __future__ import annotations

import pytest
from e2e_run import run_e2e
from plan import build_plan, load_with_ir
from targets import TARGETS

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_guest_chat_operations_through_prism(prism_installed, installed_sdk, tmp_path):
    _project, package, spec_file = TARGETS["guest-chat"]
    spec, api = load_with_ir(spec_file)
    operations = sorted(api.operations, key=lambda op: op.operation_id or "")
    calls = build_plan(spec, api, operations)
    report = run_e2e(
        spec=spec,
        operation_keys=[op.key for op in operations],
        calls=calls,
        sdk_python=installed_sdk("guest-chat"),
        package=package,
        auth_mode="jwt",
        work_dir=tmp_path,
    )
    print(report.summary())
    assert len(calls) == len(api.operations) == 11
    assert report.ok, report.summary()
    assert report.decoded == len(calls)
