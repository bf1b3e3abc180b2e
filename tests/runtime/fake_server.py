"""A real local HTTP/1.1 server (keep-alive, threaded) that the runtime tests talk to.

Tests register handlers per route; the default app implements /oauth/token (every grant the
SDK supports) and a bearer-protected /api/v2/users/me. A handler returns a Reply, which may
delay, drop the connection without answering, or close after answering.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

CLIENT_ID, CLIENT_SECRET = "cid", "csecret"


@dataclass
class Recorded:
    method: str
    target: (
        str  # as sent: a path, or an absolute URL when the server is used as a proxy
    )
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]  # lower-case names
    body: bytes

    def form(self) -> dict[str, str]:
        return dict(parse_qsl(self.body.decode()))

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Reply:
    status: int = 200
    json: Any = None
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drop: bool = False  # close the connection without any response
    cut_after: int | None = None  # send only this many body bytes, then close (a reset mid-body)


Handler = Callable[[Recorded], Reply]


class App:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.routes: dict[tuple[str, str], Handler] = {}
        self.requests: list[Recorded] = []
        self.token_lifetime = 3600
        self.token_delay = 0.0
        self.valid_tokens: set[str] = set()
        self.refresh_tokens: set[str] = set()
        self.pkce_challenges: dict[str, str] = {}  # code -> challenge
        self._counter = itertools.count(1)
        self.route("POST", "/oauth/token", self._token)
        self.route("GET", "/api/v2/users/me", self._me)

    def route(self, method: str, path: str, handler: Handler) -> None:
        self.routes[(method, path)] = handler

    def calls(self, method: str, path: str) -> list[Recorded]:
        with self.lock:
            return [r for r in self.requests if r.method == method and r.path == path]

    def handle(self, request: Recorded) -> Reply:
        with self.lock:
            self.requests.append(request)
        handler = self.routes.get((request.method, request.path))
        if handler is None:
            return Reply(
                404,
                {
                    "message": f"no route {request.method} {request.path}",
                    "code": "not.found",
                },
                headers={"ININ-Correlation-Id": "corr-404"},
            )
        return handler(request)

    # auth ----------------------------------------------------------------------------------
    def issue(self, with_refresh: bool = False) -> dict[str, Any]:
        n = next(self._counter)
        token = f"tok-{n}"
        with self.lock:
            self.valid_tokens.add(token)
        data = {
            "access_token": token,
            "token_type": "bearer",
            "expires_in": self.token_lifetime,
        }
        if with_refresh:
            refresh = f"ref-{n}"
            with self.lock:
                self.refresh_tokens.add(refresh)
            data["refresh_token"] = refresh
        return data

    def expire_all_tokens(self) -> None:
        with self.lock:
            self.valid_tokens.clear()

    def authorized(self, request: Recorded) -> bool:
        header = request.headers.get("authorization", "")
        return header.startswith("Bearer ") and header[7:] in self.valid_tokens

    def _basic_ok(self, request: Recorded) -> bool:
        expected = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
        return request.headers.get("authorization") == f"Basic {expected}"

    def _token(self, request: Recorded) -> Reply:
        if self.token_delay:
            time.sleep(self.token_delay)
        form = request.form()
        grant = form.get("grant_type")
        bad_client = Reply(
            401, {"error": "invalid_client", "error_description": "bad client"}
        )
        if (
            grant == "authorization_code" and "code_verifier" in form
        ):  # PKCE: public client
            challenge = self.pkce_challenges.get(form.get("code", ""))
            digest = hashlib.sha256(form["code_verifier"].encode()).digest()
            computed = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
            if form.get("client_id") != CLIENT_ID or challenge != computed:
                return Reply(400, {"error": "invalid_grant"})
            return Reply(json=self.issue(with_refresh=True))
        public_refresh = (
            grant == "refresh_token" and "authorization" not in request.headers
        )
        if public_refresh and form.get("client_id") != CLIENT_ID:
            return bad_client
        if not public_refresh and not self._basic_ok(request):
            return bad_client
        if grant == "client_credentials":
            return Reply(json=self.issue())
        if grant == "urn:ietf:params:oauth:grant-type:saml2-bearer":
            if (
                form.get("assertion") != "saml-assertion"
                or form.get("orgName") != "myorg"
            ):
                return Reply(400, {"error": "invalid_grant"})
            return Reply(json=self.issue())
        if grant == "authorization_code":
            if (
                form.get("code") != "the-code"
                or form.get("redirect_uri") != "https://app/cb"
            ):
                return Reply(400, {"error": "invalid_grant"})
            return Reply(json=self.issue(with_refresh=True))
        if grant == "refresh_token":
            if form.get("refresh_token") not in self.refresh_tokens:
                return Reply(400, {"error": "invalid_grant"})
            return Reply(json=self.issue(with_refresh=True))
        return Reply(400, {"error": "unsupported_grant_type"})

    def _me(self, request: Recorded) -> Reply:
        if not self.authorized(request):
            return Reply(
                401,
                {"message": "Invalid login credentials.", "code": "bad.credentials"},
                headers={"ININ-Correlation-Id": "corr-401"},
            )
        return Reply(json={"id": "me", "name": "Me", "email": "me@example.com"})


class LimitedRoute:
    """A handler limited like Genesys: ``allowed`` requests per fixed ``window`` of seconds,
    advertised on every response (``inin-ratelimit-allowed`` / ``-count`` / ``-reset``); beyond
    it, 429. ``force_429_at``: the n-th request (1-based) gets a 429 with ``Retry-After``
    regardless. Records every arrival (``time.monotonic()``) and every 429 it sent."""

    def __init__(
        self,
        allowed: int,
        window: float = 1.0,
        reply: Reply | None = None,
        force_429_at: int | None = None,
        retry_after: float = 2.0,
    ) -> None:
        self.allowed = allowed
        self.window = window
        self.reply = reply or Reply(json={"id": "u1", "name": "One"})
        self.force_429_at = force_429_at
        self.retry_after = retry_after
        self.lock = threading.Lock()
        self.arrivals: list[float] = []
        self.rejections: list[float] = []  # 429s sent for exceeding the limit
        self.forced_at: float | None = None
        self._start: float | None = None
        self._window_index = -1
        self._count = 0

    def __call__(self, request: Recorded) -> Reply:
        with self.lock:
            now = time.monotonic()
            self.arrivals.append(now)
            if self._start is None:
                self._start = now
            index = int((now - self._start) // self.window)
            if index != self._window_index:
                self._window_index, self._count = index, 0
            reset = self._start + (index + 1) * self.window - now
            forced = len(self.arrivals) == self.force_429_at
            if not forced:
                self._count += 1
            headers = {
                "inin-ratelimit-allowed": str(self.allowed),
                "inin-ratelimit-count": str(self._count),
                "inin-ratelimit-reset": f"{reset:.3f}",
            }
            if forced:
                self.forced_at = now
                return Reply(
                    429,
                    {"message": "rate limit exceeded"},
                    headers={**headers, "Retry-After": f"{self.retry_after:g}"},
                )
            if self._count > self.allowed:
                self.rejections.append(now)
                return Reply(429, {"message": "rate limit exceeded"}, headers=headers)
        return Reply(
            self.reply.status,
            self.reply.json,
            self.reply.body,
            {**self.reply.headers, **headers},
        )


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive
    # headers and body go out in separate writes: without TCP_NODELAY the client's delayed
    # ACK holds each response ~40 ms
    disable_nagle_algorithm = True
    app: App

    def _dispatch(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        request = Recorded(
            self.command,
            self.path,
            parts.path,
            parse_qsl(parts.query, keep_blank_values=True),
            {k.lower(): v for k, v in self.headers.items()},
            body,
        )
        reply = self.server.app.handle(request)  # type: ignore[attr-defined]
        if reply.delay:
            time.sleep(reply.delay)
        if reply.drop:
            self.close_connection = True
            return
        payload = (
            json.dumps(reply.json).encode() if reply.json is not None else reply.body
        )
        self.send_response(reply.status)
        headers = {
            "Content-Type": (
                "application/json"
                if reply.json is not None
                else "application/octet-stream"
            ),
            **reply.headers,
        }
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command == "HEAD":
            # a HEAD response has no content (RFC 9110 9.3.2): bytes written here would be
            # read by the client as the start of the next response on this connection
            payload = b""
        if reply.cut_after is not None:
            payload = payload[: reply.cut_after]
            self.close_connection = True
        try:
            self.wfile.write(payload)
            if reply.cut_after is not None:
                self.wfile.flush()
                self.connection.shutdown(socket.SHUT_RDWR)
        except (
            BrokenPipeError,
            ConnectionResetError,
        ):  # the client gave up (timeout tests)
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _dispatch

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass


class _Server(ThreadingHTTPServer):
    # the default backlog (5) drops the SYNs of a burst of new connections: the kernel retries
    # them a second later, as if the client had sent those requests late
    request_queue_size = 128


class FakeServer:
    def __init__(self) -> None:
        self.httpd = _Server(("127.0.0.1", 0), _RequestHandler)
        self.httpd.daemon_threads = True
        self.app = App()
        self.httpd.app = self.app  # type: ignore[attr-defined]
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeServer:
        self.thread.start()
        return self

    def reset(self) -> App:
        self.app = App()
        self.httpd.app = self.app  # type: ignore[attr-defined]
        return self.app

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
