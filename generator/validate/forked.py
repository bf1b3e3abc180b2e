"""sdkgen's own checks (:func:`check_spec`) in a forked child while the parent builds the IR.

The checks only read the parsed document (~0.1 s on a Platform spec); the IR build takes
four times that and does not need their answer until it is done. A forked child shares
the document as it stands in memory, with nothing to copy or parse again, and sends back
only its Diagnostics. ``sdkgen diff`` loads two specs, so this takes about 0.2 s off it.

Where forking is not safe or not possible (not Linux, or other threads running, whose
locks a child would inherit held), the checks run here and now. If the child fails in any
way, the parent runs them itself. Either way the result is the same; only time differs.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import threading

from generator.diagnostics import Diagnostics
from generator.loader import LoadedSpec


class OwnChecks:
    """The Diagnostics of :func:`check_spec` on one spec, ready now or from a child."""

    def __init__(self, spec: LoadedSpec, pid: int | None = None, pipe: int | None = None,
                 diagnostics: Diagnostics | None = None) -> None:
        self._spec = spec
        self._pid, self._pipe = pid, pipe
        self._diagnostics = diagnostics
        self.forked = pid is not None  # started in a child (it stays so once collected)

    def result(self) -> Diagnostics:
        """The checks' Diagnostics, waiting for the child if it still runs."""
        if self._diagnostics is None:
            self._diagnostics = self._collect()
        return self._diagnostics

    def cancel(self) -> None:
        """Stop waiting: the child is told by its closed pipe and reaped."""
        if self._pipe is not None:
            os.close(self._pipe)
            self._pipe = None
        if self._pid is not None:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self._pid, 0)
            self._pid = None

    def _collect(self) -> Diagnostics:
        from generator.validate import check_spec

        payload = b""
        if self._pipe is not None:
            with os.fdopen(self._pipe, "rb") as pipe:
                self._pipe = None
                payload = pipe.read()
        status = 1
        if self._pid is not None:
            _, wait_status = os.waitpid(self._pid, 0)
            status = os.waitstatus_to_exitcode(wait_status)
            self._pid = None
        if status == 0 and payload:
            return pickle.loads(payload)
        return check_spec(self._spec)  # the child did not answer: check here


def start_own_checks(spec: LoadedSpec, *, fork: bool | None = None) -> OwnChecks:
    """Start :func:`check_spec` on ``spec``: in a forked child where that is safe, else
    here and now. ``fork``: force one way (tests)."""
    from generator.validate import check_spec

    def checked_here() -> OwnChecks:
        return OwnChecks(spec, diagnostics=check_spec(spec))

    if not (can_fork() if fork is None else fork):
        return checked_here()
    try:
        read_end, write_end = os.pipe()
    except OSError:  # out of file descriptors
        return checked_here()
    try:
        pid = os.fork()
    except OSError:  # no memory or process left for a child (strict overcommit)
        os.close(read_end)
        os.close(write_end)
        return checked_here()
    if pid == 0:  # the child: check, answer, and leave without running the parent's exit code
        status = 1
        try:
            os.close(read_end)
            payload = pickle.dumps(check_spec(spec), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    return OwnChecks(spec, pid=pid, pipe=read_end)


def can_fork() -> bool:
    """Linux, and no other thread whose held locks a child would inherit."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1
