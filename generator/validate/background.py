"""Schema validation in a child process, as a Future the pipeline can wait for or cancel.

openapi-spec-validator takes seconds on the Platform spec; running it in a child process
lets ``generate`` build the IR and render meanwhile (two cores, two jobs).

Why a plain subprocess rather than a ProcessPoolExecutor: a pool's running task cannot be
cancelled, and at interpreter exit the pool waits for it, so ``sdkgen generate`` would
hang for seconds after reporting an error that made validation pointless. Here
``cancel()`` kills the child, and children still running at exit are killed too.
"""

from __future__ import annotations

import atexit
import json
import os
import subprocess
import sys
import threading
import weakref
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.validate.schema import Finding

# The folder that holds the ``generator`` package, so the child imports this same copy.
_IMPORT_ROOT = str(Path(__file__).resolve().parents[2])
# The Platform spec takes ~3.5 s of CPU; far beyond that something is wrong, and the
# pipeline waiting on the job must get an answer rather than hang.
WORKER_TIMEOUT_SECONDS = 600.0
_running: weakref.WeakSet[subprocess.Popen] = weakref.WeakSet()


class SchemaValidationJob(Future):
    """A ``Future[Diagnostics]`` backed by a worker process; ``cancel()`` stops the worker."""

    def __init__(self) -> None:
        super().__init__()
        self._process: subprocess.Popen | None = None

    def cancel(self) -> bool:
        # The future stays PENDING until the worker answers, so cancelling always works
        # before then; only the process needs stopping by hand.
        cancelled = super().cancel()
        if cancelled and self._process is not None:
            _kill(self._process)
        return cancelled


def run_in_worker(
    text: str,
    format: str,
    on_findings: Callable[[list[Finding]], Diagnostics],
    on_failure: Callable[[str], Diagnostics],
    *,
    timeout: float = WORKER_TIMEOUT_SECONDS,
) -> SchemaValidationJob:
    """Start the worker on ``text``; the job's result is ``on_findings(findings)``, or
    ``on_failure(reason)`` if the worker could not produce findings."""
    job = SchemaValidationJob()
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(
        part for part in (_IMPORT_ROOT, environment.get("PYTHONPATH")) if part
    )
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "generator.validate.worker", format],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment,
        )
    except OSError as error:
        job.set_running_or_notify_cancel()
        job.set_result(on_failure(f"cannot start the worker process: {error}"))
        return job
    job._process = process
    _running.add(process)

    def wait_for_worker() -> None:
        try:
            output, errors = process.communicate(text.encode("utf-8"), timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(process)
            process.communicate()
            output, errors = b"", f"no result after {timeout:g} s".encode()
        except (
            OSError,
            ValueError,
        ) as error:  # pipe closed because the job was cancelled
            output, errors = b"", str(error).encode()
        finally:
            _running.discard(process)
        if not job.set_running_or_notify_cancel():
            return  # cancelled: nobody is waiting for a result
        try:
            if process.returncode != 0:
                job.set_result(on_failure(_failure_reason(process.returncode, errors)))
            else:
                findings = [Finding(*entry) for entry in json.loads(output)]
                job.set_result(on_findings(findings))
        # Whatever happens, whoever waits on the job gets an answer.
        except Exception as error:  # noqa: BLE001
            job.set_exception(error)

    # A daemon thread: an abandoned job must not keep the interpreter alive.
    threading.Thread(
        target=wait_for_worker, name="sdkgen-schema-validation", daemon=True
    ).start()
    return job


def _failure_reason(returncode: int, errors: bytes) -> str:
    lines = errors.decode("utf-8", "replace").strip().splitlines()
    detail = lines[-1] if lines else "no error output"
    if returncode < 0:
        return f"the worker process was stopped by signal {-returncode} ({detail})"
    return f"the worker process failed with exit status {returncode}: {detail}"


def _kill(process: subprocess.Popen) -> None:
    try:
        process.kill()
    except OSError:
        pass  # already gone


@atexit.register
def _kill_running_workers() -> None:
    for process in list(_running):
        _kill(process)
