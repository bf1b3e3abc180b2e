"""The async clients' asyncio network backend (_asyncio_backend.py): requests, timeouts,
refused connections, idle connections the server closed, TLS with a private CA."""

from __future__ import annotations

import asyncio
import shutil
import socket
import ssl
import subprocess
import sys

import pytest

from .fake_server import Reply

BODY = b'{"id": "u1", "name": "Me"}'
RESPONSE = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
    % len(BODY)
    + BODY
)


class _OneAnswerProtocol(asyncio.Protocol):
    """Answers one request, then closes the connection without saying so beforehand (as a
    server whose keep-alive timeout expired does)."""

    connections = 0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        type(self).connections += 1
        self.transport = transport
        self.buffer = b""

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if b"\r\n\r\n" in self.buffer:
            self.transport.write(RESPONSE)
            asyncio.get_running_loop().call_later(0.02, self.transport.close)


def _backend_of(client):
    return client._pools.clients[0]._pool._network_backend


@pytest.mark.skipif(sys.version_info < (3, 11), reason="the backend needs 3.11")
def test_concurrent_requests_go_through_the_asyncio_backend(rtpkg, server, app, config):
    token = app.issue()["access_token"]

    async def scenario():
        async with rtpkg.AsyncApiClient(
            server.url, configuration=config, access_token=token, max_connections=8
        ) as client:
            api = rtpkg.AsyncUsersApi(client)
            users = await asyncio.gather(*(api.get_users_me() for _ in range(40)))
            return users, type(_backend_of(client)).__name__

    users, backend = asyncio.run(scenario())
    assert {user.id for user in users} == {"me"} and len(users) == 40
    assert backend == "AsyncioBackend"


def test_read_timeout_is_an_api_timeout_error(rtpkg, server, app, config):
    app.route("GET", "/api/v2/users/me", lambda r: Reply(json={"id": "late"}, delay=0.5))
    options = rtpkg.RequestOptions(timeout=0.1, max_retries=0)

    async def scenario():
        async with rtpkg.AsyncApiClient(
            server.url, configuration=config, access_token="t"
        ) as client:
            await rtpkg.AsyncUsersApi(client).get_users_me(request_options=options)

    with pytest.raises(rtpkg.ApiTimeoutError):
        asyncio.run(scenario())


def test_refused_connection_is_an_api_connection_error(rtpkg, config):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    options = rtpkg.RequestOptions(max_retries=0)

    async def scenario():
        async with rtpkg.AsyncApiClient(
            f"http://127.0.0.1:{port}", configuration=config, access_token="t"
        ) as client:
            await rtpkg.AsyncUsersApi(client).get_users_me(request_options=options)

    with pytest.raises(rtpkg.ApiConnectionError) as caught:
        asyncio.run(scenario())
    assert not isinstance(caught.value, rtpkg.ApiTimeoutError)


def test_idle_connection_closed_by_the_server_is_not_reused(rtpkg, config):
    _OneAnswerProtocol.connections = 0

    async def scenario():
        loop = asyncio.get_running_loop()
        listener = await loop.create_server(_OneAnswerProtocol, "127.0.0.1", 0)
        port = listener.sockets[0].getsockname()[1]
        try:
            async with rtpkg.AsyncApiClient(
                f"http://127.0.0.1:{port}", configuration=config, access_token="t"
            ) as client:
                api = rtpkg.AsyncUsersApi(client)
                options = rtpkg.RequestOptions(max_retries=0)  # no retry hides a reuse
                first = await api.get_users_me(request_options=options)
                await asyncio.sleep(0.1)  # the server has closed the connection by now
                second = await api.get_users_me(request_options=options)
                return first.id, second.id
        finally:
            listener.close()

    assert asyncio.run(scenario()) == ("u1", "u1")
    assert _OneAnswerProtocol.connections == 2


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for localhost (its own CA)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl not available")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


class _KeepAliveProtocol(asyncio.Protocol):
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport
        self.buffer = b""

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while b"\r\n\r\n" in self.buffer:
            _, _, self.buffer = self.buffer.partition(b"\r\n\r\n")
            self.transport.write(RESPONSE)


@pytest.mark.parametrize("trusted", [True, False], ids=["private-ca", "untrusted"])
def test_tls_through_the_backend(rtpkg, tmp_path, certificate, trusted):
    cert, key = certificate
    config = rtpkg.Configuration(config_file_path=str(tmp_path / "absent"))
    if trusted:
        config.ssl_ca_cert = str(cert)
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_context.load_cert_chain(cert, key)
    options = rtpkg.RequestOptions(max_retries=0)

    async def scenario():
        loop = asyncio.get_running_loop()
        listener = await loop.create_server(
            _KeepAliveProtocol, "127.0.0.1", 0, ssl=server_context
        )
        port = listener.sockets[0].getsockname()[1]
        try:
            async with rtpkg.AsyncApiClient(
                f"https://localhost:{port}", configuration=config, access_token="t"
            ) as client:
                api = rtpkg.AsyncUsersApi(client)
                users = [await api.get_users_me(request_options=options) for _ in range(3)]
                return [user.id for user in users]
        finally:
            listener.close()

    if trusted:
        assert asyncio.run(scenario()) == ["u1", "u1", "u1"]
    else:
        with pytest.raises(rtpkg.ApiConnectionError) as caught:
            asyncio.run(scenario())
        assert "CERTIFICATE_VERIFY_FAILED" in str(caught.value)
