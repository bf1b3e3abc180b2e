from __future__ import annotations

import pytest

from .index_server import start_index


@pytest.fixture
def package_index(tmp_path_factory):
    """A pypiserver on 127.0.0.1 (uploads need the test user's password), empty."""
    server = start_index(tmp_path_factory.mktemp("index"))
    yield server
    server.stop()
