"""Validate a loaded spec: our own fast checks plus openapi-spec-validator's Swagger 2.0
validation, every problem a Diagnostic with pointer and line.

- ``validate_spec(spec)``: everything, in this process (what ``sdkgen validate`` runs).
- ``check_spec(spec)``: our own checks only (~0.5 s on the Platform spec).
- ``start_schema_validation(spec)``: openapi-spec-validator in a separate process, so
  ``generate`` can build and render while it runs; the Future yields Diagnostics.
Both schema routes use the content cache (generator/validate/cache.py).
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor

from generator.diagnostics import Diagnostic, Diagnostics, Level
from generator.loader import LoadedSpec
from generator.loader.parse import parse_text
from generator.validate import cache
from generator.validate.operations import check_operations
from generator.validate.refs import check_references
from generator.validate.report import Reporter
from generator.validate.schema import Finding, find_schema_problems

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
    check_references(spec.data, report)
    check_operations(spec.data, report)
    return report.diagnostics


def start_schema_validation(spec: LoadedSpec) -> Future[Diagnostics]:
    """openapi-spec-validator in a worker process (or from the cache, already done)."""
    result: Future[Diagnostics] = Future()
    fingerprint = validator_fingerprint()
    cached = cache.load_cached(spec.raw_bytes_sha256, fingerprint)
    if cached is not None:
        result.set_result(_to_diagnostics(spec, cached))
        return result

    # "spawn", not the default fork: forking a process that may already run threads
    # (httpx, the pipeline's own) can deadlock the child.
    executor = ProcessPoolExecutor(
        max_workers=1, mp_context=multiprocessing.get_context("spawn")
    )
    # The text re-parses faster than a 7 MB dict pickles; a spec built in memory has none.
    job = executor.submit(
        _worker, spec.text, spec.format, None if spec.text else spec.data
    )
    executor.shutdown(wait=False)

    def finish(job: Future[list[Finding]]) -> None:
        try:
            findings = job.result()
        # Whatever broke the worker is reported as a diagnostic, never a traceback.
        except Exception as error:  # noqa: BLE001
            diagnostics = Diagnostics()
            diagnostics.error(
                "schema-validation-failed",
                f"openapi-spec-validator could not run: {type(error).__name__}: {error}",
                source=spec.source,
            )
        else:
            cache.store(spec.raw_bytes_sha256, fingerprint, findings)
            diagnostics = _to_diagnostics(spec, findings)
        if not result.cancelled():
            result.set_result(diagnostics)

    job.add_done_callback(finish)
    return result


def _worker(text: str, format: str, data: dict | None) -> list[Finding]:
    if data is None:
        data = parse_text(text, format, "<spec>")
    return find_schema_problems(data)


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
        diagnostics.add(
            Diagnostic(
                Level(finding.level),
                finding.code,
                finding.message,
                finding.pointer,
                line=spec.line_of(finding.pointer),
                source=spec.source,
            )
        )
    return diagnostics
