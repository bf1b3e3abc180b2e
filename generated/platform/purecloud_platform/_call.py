"""One call in progress, as every decision about it sees it (``ClientCore``), and the closed set
of outcomes an attempt can have. Shared by the sync and async send loops."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

from ._retry import RetryPolicy, RetryState

if TYPE_CHECKING:
    from ._encoding import PreparedRequest


class OutcomeKind(Enum):
    """What the send loop does after an attempt (the only four possibilities):

    DONE: return the response; RETRY: sleep ``Outcome.delay`` seconds (and wait for a rate-limit
    slot), then send again; REAUTH: the token was rejected and invalidated, send again at once
    with a renewed one; FAIL: raise ``Outcome.error``.
    """

    DONE = "done"
    RETRY = "retry"
    REAUTH = "reauth"
    FAIL = "fail"


@dataclass(frozen=True, slots=True)
class Outcome:
    kind: OutcomeKind
    delay: float = 0.0
    error: BaseException | None = None


DONE = Outcome(OutcomeKind.DONE)
REAUTH = Outcome(OutcomeKind.REAUTH)


@dataclass(slots=True)
class Call:
    """One call: the request, its retry counters and deadline, and what the attempts learned.

    ``extension`` is the httpx timeout extension of an attempt when the call has no deadline;
    ``shared_rate``: the call takes part in the client's rate-limit state (token requests,
    sent to the login host, do not); ``secret``: bodies are never logged.
    """

    operation_id: str
    method: str
    url: str
    headers: dict[str, str]
    params: Any
    prepared: PreparedRequest
    policy: RetryPolicy
    retry: RetryState
    extension: dict[str, float | None]
    attempt_timeout: float | None
    connect_timeout: float | None
    timeout: float | None = None  # the whole call's, seconds (None: bounded by the retries)
    auth: bool = True
    secret: bool = False
    shared_rate: bool = True
    download: Download | None = None
    token: str = ""
    reauth_used: bool = False
    attempt: int = 0  # the attempt under way (1 = first)
    attempt_started: float = 0.0
    queued: bool = field(default=False)  # a call_queued event was emitted for this attempt


class Download:
    """Where a streamed body goes (``RequestOptions.download_to``), rewritable for a retry.

    A path is written next to the target (``<path>.part``) and renamed when complete, so a
    failed download leaves no file; a seekable file object is rewound to where it was."""

    def __init__(self, target: Any) -> None:
        self.target: Any = target
        self.path: str | None = download_target_path(target)
        self._start: int | None = None
        self._written = False
        self._handle: Any = None
        if self.path is None:
            try:
                self._start = target.tell() if target.seekable() else None
            except (AttributeError, OSError):
                self._start = None

    @property
    def retryable(self) -> bool:
        """False once bytes went into a file object that cannot be rewound."""
        return self.path is not None or self._start is not None or not self._written

    def open(self) -> Any:
        self._written = True
        if self.path is not None:
            self._handle = open(self.path + ".part", "wb")  # noqa: SIM115 - closed in finish/discard
            return self._handle
        if self._start is not None:
            self.target.seek(self._start)
            self.target.truncate()
        return self.target

    def finish(self) -> Any:
        if self.path is None:
            return self.target
        self._handle.close()
        os.replace(self.path + ".part", self.path)
        return self.path

    def discard(self) -> None:
        if self.path is not None and self._handle is not None:
            self._handle.close()
            if os.path.exists(self.path + ".part"):
                os.remove(self.path + ".part")


def download_target_path(target: Any) -> str | None:
    return os.fspath(target) if isinstance(target, (str, os.PathLike)) else None
