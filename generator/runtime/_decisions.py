"""The decisions about one call, shared by the sync and async send loops (``api_client.py``),
which only wait and send: start a call, wait for a rate-limit slot, begin an attempt, judge
what came back (an :class:`~._call.Outcome` of a closed set of kinds), report it.

Every decision takes the call's :class:`~._call.Call` context. ``CallDecisions`` is a part of
``ClientCore`` (``_client_core.py``), which holds the settings, tokens, states and events the
decisions read.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from ._call import DONE, REAUTH, Call, Download, Outcome, OutcomeKind
from ._events import (
    ClientState,
    ClientEvent,
    EventBus,
    EventKind,
    RequestEvent,
    ResponseEvent,
    call_hooks,
)
from ._lazy import lazy_import
from ._rate_limit import GO, RateLimitState, Ticket
from ._retry import (
    MAYBE_SENT,
    MIN_ATTEMPT_TIME,
    NOT_SENT,
    RetryState,
    backoff_delay,
    retry_delay_for_status,
    retry_delay_for_transport_error,
    server_requested_delay,
)
from .rest import (
    CORRELATION_ID_HEADER,
    ApiConnectionError,
    ApiException,
    ApiTimeoutError,
    error_from_response,
)

if TYPE_CHECKING:
    import httpx

    from ._auth import TokenManager
    from ._client_core import CallSettings
    from ._encoding import PreparedRequest
    from ._request_options import RequestOptions
    from ._retry import RetryPolicy
    from .configuration import Configuration
else:
    httpx = lazy_import("httpx", globals())

# the client goes back to "connected" from these states when an answer arrives
_LEAVES_CONNECTED = (ClientState.IDLE, ClientState.CONNECTING, ClientState.RECONNECTING)


class CallDecisions:
    """Starting, pacing, judging and reporting calls (mixed into ``ClientCore``)."""

    if TYPE_CHECKING:  # provided by ClientCore
        configuration: Configuration
        tokens: TokenManager
        rate_limit: RateLimitState
        events: EventBus
        request_hooks: list[Callable[[RequestEvent], None]]
        response_hooks: list[Callable[[ResponseEvent], None]]
        _logger_name: str
        _state: ClientState

        def call_settings(self) -> CallSettings: ...
        def policy_for(self, options: RequestOptions) -> RetryPolicy: ...
        def _check_open(self) -> None: ...
        def _set_state(
            self, new: ClientState, only_from: tuple[ClientState, ...] | None = None
        ) -> None: ...
        def _call_event(self, kind: str, call: Call, **fields: Any) -> None: ...

    def start_call(
        self,
        operation_id: str,
        method: str,
        url: str,
        headers: dict[str, str],
        params: Any,
        prepared: PreparedRequest,
        options: RequestOptions,
        *,
        auth: bool,
        secret: bool = False,
    ) -> Call:
        """A new call (nothing sent yet); raises ``ClientClosedError`` on a closed client."""
        self._check_open()
        settings = self.call_settings()
        now = time.monotonic()
        timeout = _pick(options.timeout, settings.timeout)
        attempt_timeout = settings.attempt_timeout
        extension = settings.extension
        if options.attempt_timeout is not None:
            attempt_timeout = options.attempt_timeout
            extension = _timeout_extension(
                attempt_timeout, _smaller(settings.connect_timeout, attempt_timeout)
            )
        return Call(
            operation_id,
            method,
            url,
            headers,
            params,
            prepared,
            self.policy_for(options),
            RetryState(now, deadline=now + timeout if timeout else None),
            extension,
            attempt_timeout,
            settings.connect_timeout,
            timeout=timeout or None,
            auth=auth,
            secret=secret,
            shared_rate=not secret,
            download=Download(options.download_to)
            if options.download_to is not None
            else None,
        )

    def cap_wait(self, call: Call) -> float:
        """Seconds to wait for the fixed cap (``max_requests_per_second``), if any."""
        cap = self.call_settings().rate_cap
        if cap is None:
            return 0.0
        wait = cap.reserve()
        if wait:
            self._queued(call, wait)
        return wait

    def acquire_slot(self, call: Call, ticket: Ticket | None) -> Ticket:
        """The rate-limit state's decision for this call: send now (``ticket.wait == 0``) or
        sleep ``ticket.wait`` and ask again with the ticket. Raises ``ApiTimeoutError`` when
        the wait would outlast the call's timeout."""
        if not call.shared_rate:
            return GO
        ticket = self.rate_limit.acquire(ticket, time.monotonic())
        if ticket.lifted:
            self._set_state(ClientState.CONNECTED, (ClientState.RATE_LIMITED,))
            if self.events.active:
                self.events.emit(ClientEvent(EventKind.RATE_LIMIT_LIFTED))
        if ticket.wait:
            self._queued(call, ticket.wait)
        return ticket

    def _queued(self, call: Call, wait: float) -> None:
        deadline = call.retry.deadline
        if deadline is not None and time.monotonic() + wait > deadline:
            raise self._annotate(
                ApiTimeoutError(
                    f"rate limited: the call would wait {wait:.1f} s for its turn, beyond"
                    f" its timeout of {call.timeout} s ({call.method} {call.url})"
                ),
                call,
            )
        if not call.queued and self.events.active:
            call.queued = True
            self._call_event(EventKind.CALL_QUEUED, call, wait=wait)

    def begin_attempt(self, call: Call) -> dict[str, float | None]:
        """Counts the attempt, tells hooks and subscribers; returns its httpx timeouts."""
        self._check_open()
        call.attempt = call.retry.attempts
        call.queued = False
        now = call.attempt_started = time.monotonic()
        if self._state is ClientState.IDLE:
            self._set_state(ClientState.CONNECTING, (ClientState.IDLE,))
        if self.request_hooks:
            event = RequestEvent(call.operation_id, call.method, call.url, call.attempt)
            call_hooks(self.request_hooks, event, self._logger_name)
        if self.events.active:
            self._call_event(EventKind.CALL_STARTED, call)
        deadline = call.retry.deadline
        if deadline is None:
            return call.extension
        remaining = max(deadline - now, MIN_ATTEMPT_TIME)
        return _timeout_extension(
            _smaller(call.attempt_timeout, remaining),
            _smaller(call.connect_timeout, remaining),
        )

    def judge_response(self, call: Call, response: httpx.Response) -> Outcome:
        """Decide on a response whose body has been read (or streamed to its target)."""
        status = response.status_code
        now = time.monotonic()
        if call.shared_rate and status != 429:
            # a 429's reset is the suspension's (below), not the length of the window
            self.rate_limit.on_response(response.headers, now, call.attempt_started)
        outcome: Outcome
        if status < 400:
            outcome = DONE
        elif (
            status == 401
            and call.token
            and not call.reauth_used
            and self.tokens.state.can_renew()
            and self.configuration.should_refresh_access_token
        ):
            self.tokens.invalidate(call.token)
            call.reauth_used = True
            call.retry.reauths += 1
            outcome = REAUTH
        else:
            delay = retry_delay_for_status(
                call.policy, call.retry, call.method, status, response.headers
            )
            if delay is not None:
                outcome = Outcome(OutcomeKind.RETRY, delay)
            else:
                error = error_from_response(
                    status, response.reason_phrase, response.headers, response.content
                )
                outcome = Outcome(OutcomeKind.FAIL, error=self._annotate(error, call))
        if status == 429 and call.shared_rate:
            self._rate_limited(call, response.headers, now)
        else:
            self._set_state(ClientState.CONNECTED, _LEAVES_CONNECTED)
        self._report(call, response, now - call.attempt_started, outcome)
        return outcome

    def _rate_limited(self, call: Call, headers: Mapping[str, str], now: float) -> None:
        """A 429: suspend every call of the client for as long as the server asked."""
        delay = server_requested_delay(headers)
        if delay is None:
            delay = backoff_delay(call.policy, call.retry.rate_limit_retries)
        if self.rate_limit.on_rate_limited(delay, now):
            self._set_state(ClientState.RATE_LIMITED)
            if self.events.active:
                self.events.emit(
                    ClientEvent(EventKind.RATE_LIMIT_HIT, wait=delay, operation_id=call.operation_id)
                )

    def judge_transport_error(self, call: Call, error: httpx.TransportError) -> Outcome:
        """Decide after an attempt that got no response (refused, dropped, timed out)."""
        if call.shared_rate:
            self.rate_limit.on_no_answer()
        not_sent = (
            httpx.ConnectError,
            httpx.ConnectTimeout,
            httpx.PoolTimeout,
            httpx.ProxyError,
        )
        kind = NOT_SENT if isinstance(error, not_sent) else MAYBE_SENT
        delay = None
        retryable = call.download is None or call.download.retryable
        if retryable and not isinstance(error, httpx.UnsupportedProtocol):
            delay = retry_delay_for_transport_error(call.policy, call.retry, call.method, kind)
        description = f"{type(error).__name__}: {error or 'no detail'} ({call.method} {call.url})"
        elapsed = time.monotonic() - call.attempt_started
        logger = self.configuration.logger
        if logger.wants_errors():
            logger.log_exchange(
                method=call.method,
                url=call.url,
                status=None,
                request_headers=call.headers,
                response_headers=None,
                elapsed=elapsed,
                error=description,
            )
        if self.response_hooks:
            event = ResponseEvent(
                call.operation_id,
                call.method,
                call.url,
                call.attempt,
                None,
                elapsed,
                error=description,
                will_retry=delay is not None,
            )
            call_hooks(self.response_hooks, event, self._logger_name)
        if delay is not None:
            self._set_state(ClientState.RECONNECTING, (*_LEAVES_CONNECTED, ClientState.CONNECTED))
            if self.events.active:
                self._call_event(EventKind.CALL_RETRIED, call, wait=delay, error=description)
            return Outcome(OutcomeKind.RETRY, delay)
        error_class = (
            ApiTimeoutError
            if isinstance(error, httpx.TimeoutException)
            else ApiConnectionError
        )
        failure = self._annotate(error_class(description), call)
        failure.__cause__ = error
        if self.events.active:
            self._call_event(
                EventKind.CALL_FINISHED,
                call,
                error=description,
                elapsed=time.monotonic() - call.retry.started,
            )
        return Outcome(OutcomeKind.FAIL, error=failure)

    def _annotate(self, error: ApiException, call: Call) -> ApiException:
        """Say how many attempts the call made and over how long (and its timeout, if hit)."""
        now = time.monotonic()
        elapsed = now - call.retry.started
        attempts = max(call.attempt, 1)
        error.attempts, error.elapsed = attempts, elapsed
        note = f"after {attempts} attempt{'s' if attempts > 1 else ''} over {elapsed:.1f} s"
        deadline = call.retry.deadline
        if deadline is not None and now >= deadline - MIN_ATTEMPT_TIME:
            note += f"; the call's timeout is {call.timeout} s"
        if attempts > 1 or isinstance(error, ApiConnectionError):
            error.args = (f"{error.args[0] if error.args else ''} ({note})",)
        return error

    def _report(
        self, call: Call, response: httpx.Response, elapsed: float, outcome: Outcome
    ) -> None:
        logger = self.configuration.logger
        failed = response.status_code >= 400
        if logger.wants_success() or (failed and logger.wants_errors()):
            logger.log_exchange(
                method=call.method,
                url=call.url,
                status=response.status_code,
                request_headers=call.headers,
                response_headers=response.headers,
                request_body=call.prepared.content,
                response_body=(
                    response.content
                    if not response.is_stream_consumed or failed
                    else None
                ),
                correlation_id=response.headers.get(CORRELATION_ID_HEADER),
                elapsed=elapsed,
                secret_bodies=call.secret,
            )
        retrying = outcome.kind is OutcomeKind.RETRY or outcome.kind is OutcomeKind.REAUTH
        if self.response_hooks:
            event = ResponseEvent(
                call.operation_id,
                call.method,
                call.url,
                call.attempt,
                response.status_code,
                elapsed,
                response.headers.get(CORRELATION_ID_HEADER),
                will_retry=retrying,
            )
            call_hooks(self.response_hooks, event, self._logger_name)
        if self.events.active:
            if retrying:
                self._call_event(
                    EventKind.CALL_RETRIED,
                    call,
                    wait=outcome.delay,
                    status=response.status_code,
                    data={"reauth": outcome.kind is OutcomeKind.REAUTH},
                )
            else:
                self._call_event(
                    EventKind.CALL_FINISHED,
                    call,
                    status=response.status_code,
                    elapsed=time.monotonic() - call.retry.started,
                )


def _pick(value: Any, default: Any) -> Any:
    return default if value is None else value


def _smaller(a: float | None, b: float | None) -> float | None:
    """The smaller of two timeouts, None meaning no limit."""
    if a is None:
        return b
    return a if b is None or a < b else b


def _timeout_extension(
    timeout: float | None, connect: float | None
) -> dict[str, float | None]:
    """The timeout as the httpx transport reads it (``httpx.Timeout(...).as_dict()``)."""
    return {"connect": connect, "read": timeout, "write": timeout, "pool": timeout}
