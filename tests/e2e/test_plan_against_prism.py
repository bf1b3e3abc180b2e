"""The harness checked without the SDK: the planned requests, sent as the plan expects them
by plain httpx, must all be accepted by Prism. A rejection in the SDK e2e run is then the
SDK's fault, not the planner's. Also: every response example is valid against its schema.
"""

from __future__ import annotations

import time
from urllib.parse import quote

import httpx
import jsonschema
import pytest
from plan import build_plan, load_with_ir, select_operations
from prism import (
    PrismServer,
    add_response_examples,
    iter_operations,
    load_spec,
    prepare_spec,
)
from recorder import RecordedExchange
from request_checks import check_exchange, prism_rejection
from schema_values import SchemaValues
from targets import PLATFORM_OPERATION_COUNT, TARGETS

pytestmark = pytest.mark.slow


def send_expected(
    client: httpx.Client, base_url: str, expected, token: str
) -> RecordedExchange:
    path = "/".join(quote(segment, safe="") for segment in expected.path_segments)
    headers = dict(expected.headers)
    headers["Authorization"] = f"Bearer {token}"
    request = client.build_request(
        expected.method,
        base_url + path,
        params=[tuple(pair) for pair in expected.query],
        headers=headers,
        json=expected.body if expected.has_body else None,
    )
    response = client.send(request)
    return RecordedExchange(
        expected.method,
        request.url.raw_path.decode(),
        list(request.headers.items()),
        request.content,
        response.status_code,
        list(response.headers.items()),
        response.content,
    )


@pytest.mark.e2e
@pytest.mark.parametrize("target", ["platform", "guest-chat"])
def test_planned_requests_are_accepted_by_prism(prism_installed, tmp_path, target):
    _project, _package, spec_file = TARGETS[target]
    spec, api = load_with_ir(spec_file)
    operations = (
        select_operations(api, PLATFORM_OPERATION_COUNT)
        if target == "platform"
        else list(api.operations)
    )
    calls = build_plan(spec, api, operations)
    prism_spec = prepare_spec(
        spec, [op.key for op in operations], tmp_path / "spec.json"
    )
    failures = []
    started = time.monotonic()
    with PrismServer(prism_spec) as prism, httpx.Client(timeout=60) as client:
        for call in calls:
            exchange = send_expected(client, prism.url, call.expected, "tok")
            rejection = prism_rejection(exchange)
            if rejection or not 200 <= exchange.status < 300:
                failures.append(f"{call.operation_id}: {rejection or exchange.status}")
            # the plan's own expectations hold for a request built straight from them
            failures += [
                f"{call.operation_id}: {p}"
                for p in check_exchange(exchange, vars(call.expected), "tok")
            ]
    print(f"{len(calls)} planned requests in {time.monotonic() - started:.1f} s")
    assert not failures, "\n".join(failures[:30])


def test_every_platform_response_example_is_valid_against_its_schema():
    spec = load_spec(TARGETS["platform"][2])
    add_response_examples(spec, SchemaValues(spec["definitions"], max_depth=3))
    checker = jsonschema.Draft4Validator.FORMAT_CHECKER
    invalid = []
    for method, path, operation in iter_operations(spec):
        for status, response in operation["responses"].items():
            if "examples" not in response:
                continue
            schema = {**response["schema"], "definitions": spec["definitions"]}
            example = next(iter(response["examples"].values()))
            error = jsonschema.exceptions.best_match(
                jsonschema.Draft4Validator(schema, format_checker=checker).iter_errors(
                    example
                )
            )
            if error is not None:
                invalid.append(
                    f"{method.upper()} {path} {status}: {error.message[:200]}"
                )
    assert not invalid, "\n".join(invalid[:20])
