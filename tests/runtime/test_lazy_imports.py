"""``import <sdk>`` and ``XxxApi()`` stay cheap: the HTTP stack (httpx, httpcore, anyio, ssl),
asyncio, logging and msgspec are imported by the first request, not before.

Behavioural checks in a fresh interpreter (``sys.modules``), not timings: bench/ measures
the time. The first request after such an import must then work (the lazy imports resolve).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# none of these may be imported by `import <sdk>; <sdk>.UsersApi()`
HEAVY = ("httpx", "httpcore", "anyio", "h11", "ssl", "asyncio", "logging", "msgspec")
# nor by building clients and touching the configuration
HEAVY_FOR_CLIENTS = HEAVY

PROBE = """
import json, sys

def loaded(names):
    return sorted(name for name in names if name in sys.modules)

heavy, heavy_for_clients = json.loads(sys.argv[1]), json.loads(sys.argv[2])
report = {}
import rtpkg
api = rtpkg.UsersApi()
async_api = rtpkg.AsyncUsersApi()
report["api"] = loaded(heavy)
client = rtpkg.ApiClient(sys.argv[3], access_token=sys.argv[4])
async_client = rtpkg.AsyncApiClient(sys.argv[3], access_token=sys.argv[4])
rtpkg.configuration.max_retries = 3
rtpkg.configuration.logger.log_to_console = True
report["clients"] = loaded(heavy_for_clients)
report["me"] = rtpkg.UsersApi(client).get_users_me().id  # the first request loads httpx
report["after_request"] = loaded(["httpx", "ssl"])
client.close()
print(json.dumps(report))
"""


def test_import_and_api_objects_load_no_http_stack(rtpkg, server, app):
    root = Path(rtpkg.__file__).parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    token = app.issue()["access_token"]
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(HEAVY), json.dumps(HEAVY_FOR_CLIENTS),
         server.url, token],
        env=env, capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["api"] == [], "imported by `import rtpkg; rtpkg.UsersApi()`"
    assert report["clients"] == [], "imported by building clients"
    assert report["me"] == "me"
    assert report["after_request"] == ["httpx", "ssl"]


def test_default_client_is_built_when_first_used(rtpkg):
    configuration = rtpkg.Configuration.default()
    saved = configuration.api_client
    configuration.api_client = None
    try:
        api = rtpkg.UsersApi()
        assert api._api_client is None  # nothing built by the constructor
        assert configuration.api_client is None
        assert api.api_client is rtpkg.get_default_api_client() is api.api_client
        assert api.api_client is configuration.api_client
        api.api_client.close()
    finally:
        configuration.api_client = saved


def test_pools_and_tls_context_are_created_once_under_concurrency(rtpkg, config):
    import threading

    client = rtpkg.ApiClient(configuration=config)
    assert client._shards is None and client._transport_settings is None
    barrier = threading.Barrier(8)
    seen = []

    def first_use():
        barrier.wait()
        seen.append((client._pools, client.transport_options()["verify"]))

    threads = [threading.Thread(target=first_use) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(pools) for pools, _ in seen}) == 1
    assert len({id(context) for _, context in seen}) == 1
    client.close()
