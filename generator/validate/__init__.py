"""Validate a loaded spec: our own fast checks plus openapi-spec-validator's Swagger 2.0
validation, every problem a Diagnostic with pointer and line.

- ``validate_spec(spec)``: everything, in this process (what ``sdkgen validate`` runs).
- ``check_spec(spec)``: our own checks only (~0.1 s on the Platform spec; the pipeline
  runs them in a forked child beside the IR build: forked.py).
- ``start_schema_validation(spec)``: openapi-spec-validator in a separate process, so
  ``generate`` can build and render while it runs; the Future yields Diagnostics.
Both schema routes use the content cache (generator/validate/cache.py).
"""

from __future__ import annotations

import json
from concurrent.futures import Future

from generator.diagnostics import Diagnostic, Diagnostics, Level
from generator.loader import LoadedSpec
from generator.validate import cache
from generator.validate.background import run_in_worker
from generator.validate.operations import check_operations
from generator.validate.refs import check_references
from generator.validate.report import Reporter
from generator.validate.schema import Finding, find_schema_problems
from generator.validate.structure import check_structure
from generator.validate.tolerated import tolerated
from generator.validate.walk import iter_structure

__all__ = ["check_spec", "start_schema_validation", "validate_spec"]


def validate_spec(spec: LoadedSpec) -> Diagnostics:
    diagnostics = check_spec(spec)
    fingerprint = validator_fingerprint()
    findings = cache.load_cached(spec.raw_bytes_sha256, fingerprint)
    if findings is None:
        findings = find_schema_problems(spec.data)
        cache.store(spec.raw_bytes_sha256, fingerprint, findings)
    diagnostics.extend(_to_diagnostics(spec, findings))
    return diagnostics


def check_spec(spec: LoadedSpec) -> Diagnostics:
    report = Reporter(spec)
    _check_duplicate_keys(spec, report)
    objects = tuple(iter_structure(spec.data))  # one walk for both checks
    check_structure(spec.data, report, objects)
    check_references(spec.data, report, objects)
    check_operations(spec.data, report)
    return report.diagnostics


def _check_duplicate_keys(spec: LoadedSpec, report: Reporter) -> None:
    for duplicate in spec.duplicate_keys:
        report.error(
            "duplicate-key",
            f"key {duplicate.key!r} is written more than once in the same object; "
            "only the last one is kept, the earlier ones are silently lost",
            duplicate.pointer,
        )


def start_schema_validation(spec: LoadedSpec) -> Future[Diagnostics]:
    """openapi-spec-validator in a worker process (or from the cache, already done).

    The Future's ``cancel()`` stops the worker (see generator/validate/background.py).
    """
    fingerprint = validator_fingerprint()
    cached = cache.load_cached(spec.raw_bytes_sha256, fingerprint)
    if cached is not None:
        done: Future[Diagnostics] = Future()
        done.set_result(_to_diagnostics(spec, cached))
        return done

    def on_findings(findings: list[Finding]) -> Diagnostics:
        cache.store(spec.raw_bytes_sha256, fingerprint, findings)
        return _to_diagnostics(spec, findings)

    def on_failure(reason: str) -> Diagnostics:
        diagnostics = Diagnostics()
        diagnostics.error(
            "schema-validation-failed",
            f"openapi-spec-validator could not run: {reason}",
            source=spec.source,
        )
        return diagnostics

    # The text re-parses faster than a 7 MB dict serializes; a spec built in memory has none.
    if spec.text:
        return run_in_worker(spec.text, spec.format, on_findings, on_failure)
    return run_in_worker(json.dumps(spec.data), "json", on_findings, on_failure)


def validator_fingerprint() -> str:
    """Versions the schema results depend on, read without importing the validator
    (importing it costs ~0.5 s, which the worker process pays instead)."""
    import os
    from importlib import metadata

    parts = []
    for package in ("openapi-spec-validator", "jsonschema", "jsonschema-rs"):
        try:
            parts.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package}=none")
    backend = os.environ.get("OPENAPI_SPEC_VALIDATOR_SCHEMA_VALIDATOR_BACKEND", "auto")
    return " ".join(parts) + f" backend={backend}"


def _to_diagnostics(spec: LoadedSpec, findings: list[Finding]) -> Diagnostics:
    diagnostics = Diagnostics()
    for finding in findings:
        finding = tolerated(spec.data, finding)  # here, not in the worker: the cache keeps raw findings
        diagnostics.add(
            Diagnostic(
                Level(finding.level),
                finding.code,
                finding.message,
                finding.pointer,
                # No pointer means the whole run (e.g. "stopped early"), not line 1.
                line=spec.line_of(finding.pointer) if finding.pointer else None,
                source=spec.source,
            )
        )
    return diagnostics
