"""Runtime test fixtures: the runtime laid out as a generated SDK package, and a local server.

The package ``rtpkg`` is assembled in a temp folder exactly as the generator lays out an SDK:
every generator/runtime/*.py except __init__.py, plus the stand-ins of the rendered files
(_version.py, __init__.py, models/, apis/) from tests/runtime/sdk_stub/.
"""

from __future__ import annotations

import importlib
import os
import shutil
import sys
from pathlib import Path

import pytest

from .fake_server import FakeServer

RUNTIME_DIR = Path(__file__).resolve().parents[2] / "generator" / "runtime"
STUB_DIR = Path(__file__).resolve().parent / "sdk_stub"


def _build_package(root: Path) -> None:
    package = root / "rtpkg"
    shutil.copytree(STUB_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    for source in RUNTIME_DIR.glob("*.py"):
        if source.name != "__init__.py":
            shutil.copy(source, package / source.name)


@pytest.fixture(scope="session")
def rtpkg(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("sdk")
    home = tmp_path_factory.mktemp("home")
    os.environ["HOME"] = str(
        home
    )  # the default config file must not be the developer's own
    _build_package(root)
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module("rtpkg")
    finally:
        sys.path.remove(str(root))


@pytest.fixture(scope="session")
def _server():
    server = FakeServer().start()
    yield server
    server.stop()


@pytest.fixture
def server(_server: FakeServer) -> FakeServer:
    _server.reset()
    return _server


@pytest.fixture
def app(server: FakeServer):
    return server.app


@pytest.fixture
def config(rtpkg, tmp_path):
    """A fresh Configuration with fast retries and no config file."""
    configuration = rtpkg.Configuration(
        config_file_path=str(tmp_path / "absent-config")
    )
    configuration.retry_backoff_base = 0.01
    configuration.retry_backoff_max = 0.05
    return configuration


@pytest.fixture
def make_client(rtpkg, server, config):
    """Build sync clients against the local server; closed at teardown."""
    clients = []

    def make(**kwargs):
        kwargs.setdefault("configuration", config)
        client = rtpkg.ApiClient(server.url, **kwargs)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()
