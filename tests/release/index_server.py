"""A real local package index for the release tests: pypiserver with upload auth,
plus a fault-injecting proxy in front of it to break an upload half-way."""

from __future__ import annotations

import http.server
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from passlib.apache import HtpasswdFile

USERNAME = "releaser"
PASSWORD = "s3cret-token-value"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class IndexServer:
    url: str  # upload URL (pypiserver takes uploads at its root)
    packages: Path
    process: subprocess.Popen
    username: str = USERNAME
    password: str = PASSWORD

    @property
    def simple_url(self) -> str:
        return self.url + "simple/"

    def files(self) -> list[str]:
        return sorted(p.name for p in self.packages.iterdir())

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_index(folder: Path) -> IndexServer:
    packages = folder / "packages"
    packages.mkdir(parents=True)
    htpasswd = HtpasswdFile(str(folder / "htpasswd"), new=True)
    htpasswd.set_password(USERNAME, PASSWORD)
    htpasswd.save()
    port = free_port()
    log_path = folder / "pypiserver.log"
    with open(log_path, "wb") as log:  # the child keeps its own copy of the descriptor
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pypiserver",
                "run",
                "-i",
                "127.0.0.1",
                "-p",
                str(port),
                "-P",
                str(folder / "htpasswd"),
                "-a",
                "update",
                "--disable-fallback",
                "--hash-algo",
                "sha256",
                "--server",
                "wsgiref",
                str(packages),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = IndexServer(
        url=f"http://127.0.0.1:{port}/", packages=packages, process=process
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"pypiserver exited: {(folder / 'pypiserver.log').read_text()}"
            )
        try:
            if httpx.get(server.simple_url, timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.1)
    server.stop()
    raise RuntimeError("pypiserver did not start within 30 s")


@dataclass
class FailingUploadProxy:
    """Forwards to an index; answers 500 to the Nth upload (POST) and from then on,
    until ``heal()``: an upload that breaks after its first file went through."""

    upstream: str
    fail_from_upload: int = 2
    uploads_seen: int = 0
    healed: bool = False
    url: str = ""
    _server: http.server.ThreadingHTTPServer | None = field(default=None, repr=False)

    def start(self) -> FailingUploadProxy:
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def _forward(self, method: str) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else None
                if method == "POST":
                    proxy.uploads_seen += 1
                    if (
                        not proxy.healed
                        and proxy.uploads_seen >= proxy.fail_from_upload
                    ):
                        self.send_response(500, "injected failure")
                        self.send_header("content-length", "0")
                        self.end_headers()
                        return
                headers = {
                    k: v
                    for k, v in self.headers.items()
                    if k.lower() not in ("host", "content-length")
                }
                answer = httpx.request(
                    method,
                    proxy.upstream.rstrip("/") + self.path,
                    headers=headers,
                    content=body,
                    follow_redirects=False,
                    timeout=30,
                )
                self.send_response(answer.status_code)
                for key, value in answer.headers.items():
                    if key.lower() not in (
                        "transfer-encoding",
                        "content-length",
                        "connection",
                        "content-encoding",
                    ):
                        self.send_header(key, value)
                self.send_header("content-length", str(len(answer.content)))
                self.end_headers()
                self.wfile.write(answer.content)

            def do_GET(self):
                self._forward("GET")

            def do_POST(self):
                self._forward("POST")

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def heal(self) -> None:
        self.healed = True

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
