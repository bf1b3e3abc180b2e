"""One end-to-end run: plan calls, start Prism behind the recorder, drive the SDK, judge."""

from __future__ import annotations

import json
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from driver import TOKEN as DRIVER_TOKEN
from plan import PlannedCall, plan_to_json
from prism import PrismServer, prepare_spec
from recorder import RecordingProxy
from request_checks import check_exchange, index_exchanges, prism_rejection

DRIVER = Path(__file__).with_name("driver.py")


@dataclass
class E2eReport:
    calls: int = 0
    requests: int = 0
    prism_rejections: list[str] = field(default_factory=list)
    call_failures: list[str] = field(default_factory=list)
    request_mismatches: list[str] = field(default_factory=list)
    decoded: int = 0
    by_method: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        lines = [
            (
                f"calls planned: {self.calls}, requests recorded: {self.requests}, "
                f"responses decoded into the declared type: {self.decoded}"
            ),
            f"by method: {self.by_method}",
            (
                f"Prism rejections: {len(self.prism_rejections)}, call failures: {len(self.call_failures)}, "
                f"request mismatches: {len(self.request_mismatches)}"
            ),
            f"timings (s): {self.seconds}",
        ]
        for title, items in (
            ("Prism rejections", self.prism_rejections),
            ("call failures", self.call_failures),
            ("request mismatches", self.request_mismatches),
        ):
            for item in items[:25]:
                lines.append(f"  [{title}] {item}")
        return "\n".join(lines)

    @property
    def ok(self) -> bool:
        return not (
            self.prism_rejections or self.call_failures or self.request_mismatches
        )


def run_e2e(
    *,
    spec: dict[str, Any],
    operation_keys: list[str],
    calls: list[PlannedCall],
    sdk_python: Path,
    package: str,
    auth_mode: str,
    work_dir: Path,
) -> E2eReport:
    report = E2eReport(calls=len(calls))
    for call in calls:
        report.by_method[call.expected.method] = (
            report.by_method.get(call.expected.method, 0) + 1
        )
    started = time.monotonic()
    prism_spec = prepare_spec(spec, operation_keys, work_dir / "prism-spec.json")
    plan_file = work_dir / "plan.json"
    plan_file.write_text(plan_to_json(calls), encoding="utf-8")
    results_file = work_dir / "results.jsonl"
    report.seconds["prepare"] = round(time.monotonic() - started, 1)

    started = time.monotonic()
    with PrismServer(prism_spec) as prism:
        report.seconds["prism_start"] = round(time.monotonic() - started, 1)
        with RecordingProxy(prism.url) as proxy:
            started = time.monotonic()
            driver = subprocess.run(
                [
                    str(sdk_python),
                    str(DRIVER),
                    package,
                    str(plan_file),
                    proxy.url,
                    auth_mode,
                    str(results_file),
                ],
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
            report.seconds["calls"] = round(time.monotonic() - started, 1)
            exchanges = proxy.exchanges
    if not results_file.exists():
        raise RuntimeError(
            f"driver produced no results:\n{driver.stdout[-2000:]}\n{driver.stderr[-4000:]}"
        )

    report.requests = len(exchanges)
    with (work_dir / "exchanges.jsonl").open(
        "w", encoding="utf-8"
    ) as log:  # for debugging a failure
        for exchange in exchanges:
            log.write(
                json.dumps(
                    {
                        "method": exchange.method,
                        "target": exchange.target,
                        "headers": exchange.headers,
                        "body": exchange.body.decode(errors="replace")[:2000],
                        "status": exchange.status,
                        "response": exchange.response_body.decode(errors="replace")[
                            :2000
                        ],
                    }
                )
                + "\n"
            )
    for exchange in exchanges:
        rejection = prism_rejection(exchange)
        if rejection:
            report.prism_rejections.append(
                f"{exchange.method} {exchange.target}: {rejection}"
            )

    results = {}
    for line in results_file.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        results[record["operation_id"]] = record
    by_key = index_exchanges(exchanges)
    for call in calls:
        record = results.get(call.operation_id)
        if record is None:
            report.call_failures.append(
                f"{call.operation_id}: not run (driver stopped?)"
            )
            continue
        if record["problem"]:
            report.call_failures.append(f"{call.operation_id}: {record['problem']}")
        else:
            report.decoded += 1
        key = call.expected.method + " " + "/".join(call.expected.path_segments)
        matching = by_key.get(key, [])
        if not matching:
            report.request_mismatches.append(
                f"{call.operation_id}: no request recorded for {key}"
            )
            continue
        for problem in check_exchange(matching[0], vars(call.expected), DRIVER_TOKEN):
            report.request_mismatches.append(f"{call.operation_id}: {problem}")
    (work_dir / "report.txt").write_text(report.summary(), encoding="utf-8")
    return report
