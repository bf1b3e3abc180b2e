"""Running the external tools of a release (build, twine, pip, pytest) with clear failures."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from .credentials import TOKEN_VARIABLES
from .errors import ReleaseError

# How much of a failing tool's output a message carries: the end is where the cause is.
OUTPUT_TAIL_LINES = 40


def run_tool(
    argv: Sequence[str | os.PathLike[str]],
    *,
    step: str,
    what: str,
    cwd: Path | None = None,
    extra_env: Mapping[str, str] | None = None,
    redact: Callable[[str], str] = lambda text: text,
    timeout: float = 1800,
) -> str:
    """Run ``argv``; return its combined output, or raise :class:`ReleaseError` on failure.

    ``extra_env`` is added to this process's environment (secrets travel this way,
    never on the command line); ``redact`` is applied to anything that leaves here.
    """
    # The index token stays out of every tool that is not given it explicitly (the
    # build, pip, the generated SDK's tests): what a tool never has, it cannot print.
    env = {
        key: value for key, value in os.environ.items() if key not in TOKEN_VARIABLES
    }
    env.update(extra_env or {})
    try:
        completed = subprocess.run(
            [str(arg) for arg in argv],
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=timeout,
            check=False,
        )
    except FileNotFoundError as error:
        raise ReleaseError(
            step, f"{what}: cannot run {argv[0]!s} ({error.strerror})"
        ) from None
    except subprocess.TimeoutExpired as error:
        raise ReleaseError(
            step,
            f"{what} did not finish within {timeout:.0f} s",
            redact(_text(error.output)),
        ) from None
    output = redact(completed.stdout or "")
    if completed.returncode != 0:
        tail = "\n".join(output.splitlines()[-OUTPUT_TAIL_LINES:])
        raise ReleaseError(
            step, f"{what} failed (exit code {completed.returncode})", tail
        )
    return output


def _text(output: str | bytes | None) -> str:
    if isinstance(output, bytes):
        return output.decode(errors="replace")
    return output or ""
