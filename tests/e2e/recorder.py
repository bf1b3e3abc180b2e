"""A recording HTTP proxy between the SDK under test and Prism.

Prism does not check everything the SDK must get right (it accepts
``expand=a,b`` where ``collectionFormat: multi`` demands ``expand=a&expand=b``),
so every request passes through this proxy, which keeps the exact bytes sent
(raw path and query, headers, body) and Prism's answer, for
:mod:`request_checks` to compare with the spec. It runs in the test process, so
it sees the wire format whatever the SDK does internally.
"""

from __future__ import annotations

import http.client
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:  # Self is typing_extensions' on Python 3.10
    from typing_extensions import Self


# Hop-by-hop headers are about this connection, not the request; never forwarded.
HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-connection",
    "transfer-encoding",
    "te",
    "trailer",
    "upgrade",
    "proxy-authorization",
    "proxy-authenticate",
}


@dataclass
class RecordedExchange:
    method: str
    target: str  # raw request target as sent: /path?query (percent-escapes untouched)
    headers: list[tuple[str, str]]
    body: bytes
    status: int = 0
    response_headers: list[tuple[str, str]] = field(default_factory=list)
    response_body: bytes = b""

    @property
    def raw_path(self) -> str:
        return self.target.split("?", 1)[0]

    @property
    def raw_query(self) -> str:
        return self.target.split("?", 1)[1] if "?" in self.target else ""

    def header(self, name: str) -> str | None:
        values = [value for key, value in self.headers if key.lower() == name.lower()]
        return values[0] if values else None

    def response_header(self, name: str) -> str | None:
        values = [v for k, v in self.response_headers if k.lower() == name.lower()]
        return values[0] if values else None


class _ProxyHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _RecordingServer

    def log_message(self, format: str, *args: object) -> None:
        pass  # the exchanges are the log

    def _relay(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            body = self._read_chunked()
        else:
            body = self.rfile.read(length) if length else b""
        exchange = RecordedExchange(
            self.command, self.path, list(self.headers.items()), body
        )
        try:
            self._forward(exchange)
        except (OSError, http.client.HTTPException) as error:
            self._drop_upstream()
            exchange.status = 502
            exchange.response_body = f"proxy could not reach upstream: {error}".encode()
            exchange.response_headers = [("Content-Type", "text/plain")]
        self.server.record(exchange)
        self.send_response(exchange.status)
        for key, value in exchange.response_headers:
            if key.lower() not in HOP_BY_HOP and key.lower() != "content-length":
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(exchange.response_body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(exchange.response_body)

    def _forward(self, exchange: RecordedExchange) -> None:
        # One upstream connection per client connection (this handler lives as long as
        # the client's keep-alive connection): a new TCP connection per request to
        # Prism would slow the run down and is not what the SDK does.
        if getattr(self, "_upstream", None) is None:
            self._upstream = http.client.HTTPConnection(
                self.server.upstream_host, self.server.upstream_port, timeout=60
            )
        forwarded = {
            k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP
        }
        forwarded["Content-Length"] = str(len(exchange.body))
        self._upstream.request(
            self.command, self.path, body=exchange.body or None, headers=forwarded
        )
        response = self._upstream.getresponse()
        exchange.status = response.status
        exchange.response_headers = list(response.getheaders())
        exchange.response_body = response.read()
        if response.will_close:
            self._drop_upstream()

    def _drop_upstream(self) -> None:
        upstream = getattr(self, "_upstream", None)
        if upstream is not None:
            upstream.close()
        self._upstream = None

    def finish(self) -> None:
        self._drop_upstream()
        super().finish()

    def _read_chunked(self) -> bytes:
        chunks = []
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip(), 16)
            if size == 0:
                self.rfile.readline()
                return b"".join(chunks)
            chunks.append(self.rfile.read(size))
            self.rfile.readline()

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _relay


class _RecordingServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, upstream: str) -> None:
        super().__init__(("127.0.0.1", 0), _ProxyHandler)
        parts = urlsplit(upstream)
        self.upstream_host = parts.hostname or "127.0.0.1"
        self.upstream_port = parts.port or 80
        self.exchanges: list[RecordedExchange] = []
        self._lock = threading.Lock()

    def record(self, exchange: RecordedExchange) -> None:
        with self._lock:
            self.exchanges.append(exchange)


class RecordingProxy:
    """Context manager: forwards 127.0.0.1:<port> to ``upstream`` and records exchanges."""

    def __init__(self, upstream: str) -> None:
        self._server = _RecordingServer(upstream)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def exchanges(self) -> list[RecordedExchange]:
        with self._server._lock:
            return list(self._server.exchanges)

    def clear(self) -> None:
        with self._server._lock:
            self._server.exchanges.clear()

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.shutdown()
        self._server.server_close()
