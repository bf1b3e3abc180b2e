"""Runtime benchmarks: client overhead per request and async throughput, against a local
keep-alive server, each figure next to its peer measured in the same run.

- sync call, small JSON (µs/request): our ``UsersApi(client).get_users_me()`` vs raw httpx
  (goal: within 1.5x) and vs the official SDK (goal: lower);
- sustained throughput (requests/s): one ``AsyncApiClient`` with many tasks vs the official
  SDK with threads (and raw httpx async, for scale);
- rate-limited workload: requests completed per second against a server that allows N per
  second (a fixed 1 s window, advertised in ``inin-ratelimit-*`` headers, 429 with
  ``Retry-After`` beyond it, as Genesys does): one ``ApiClient`` shared by 16 threads vs a naive
  16-thread pool of the official SDK that sleeps ``Retry-After`` on each 429 (goal: at least
  95% of N, and no 429 after the first).

The server is a minimal asyncio HTTP/1.1 server in its own process (so it does not share the
GIL with the client being measured); every client runs in a fresh interpreter of its own
virtualenv. ``run(python=..., official_python=..., package=...)`` returns rows for
bench/run.py; ``python bench/bench_runtime.py`` measures the runtime through the test stub
SDK (tests/runtime/sdk_stub) with the current interpreter and prints ``figure ours peer ratio``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
USER_BODY = json.dumps(
    {
        "id": "3b5f2a4c-0000-4000-8000-000000000001",
        "name": "Bench User",
        "email": "bench.user@example.com",
        "state": "active",
        "username": "bench.user@example.com",
        "version": 7,
        "selfUri": "/api/v2/users/3b5f2a4c-0000-4000-8000-000000000001",
    }
).encode()

# --------------------------------------------------------------------------- the server


class _FixedResponseProtocol(asyncio.Protocol):
    """Answers every request on a keep-alive connection with the same small JSON user."""

    response = (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        + b"Content-Length: %d\r\n\r\n" % len(USER_BODY)
        + USER_BODY
    )

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport
        self.buffer = b""

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            length = 0
            for line in self.buffer[:end].split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if len(self.buffer) < end + 4 + length:
                return
            self.buffer = self.buffer[end + 4 + length :]
            self.transport.write(self.response)


class _WindowLimit:
    """``allowed`` requests per fixed ``window`` (from the first request), like Genesys."""

    def __init__(self, allowed: int, window: float = 1.0) -> None:
        self.allowed, self.window = allowed, window
        self.start: float | None = None
        self.index, self.count = -1, 0
        self.served = self.rejected = 0

    def admit(self, now: float) -> tuple[bool, bytes]:
        if self.start is None:
            self.start = now
        index = int((now - self.start) // self.window)
        if index != self.index:
            self.index, self.count = index, 0
        self.count += 1
        reset = self.start + (index + 1) * self.window - now
        headers = (
            b"inin-ratelimit-allowed: %d\r\ninin-ratelimit-count: %d\r\n"
            b"inin-ratelimit-reset: %.3f\r\n" % (self.allowed, self.count, reset)
        )
        if self.count > self.allowed:
            self.rejected += 1
            return False, headers + b"Retry-After: %d\r\n" % max(1, int(reset + 0.999))
        self.served += 1
        return True, headers


class _LimitedProtocol(_FixedResponseProtocol):
    """The same user, within the rate limit; ``GET /stats`` reports served and rejected."""

    limit: _WindowLimit
    rejection = b'{"message": "Rate limit exceeded the maximum", "code": "too.many.requests"}'

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buffer[:end]
            self.buffer = self.buffer[end + 4 :]  # the benchmark's GETs have no body
            if head.startswith(b"GET /stats"):
                body = json.dumps(
                    {"served": self.limit.served, "rejected": self.limit.rejected}
                ).encode()
                self.transport.write(_response(b"200 OK", b"", body))
                continue
            loop = asyncio.get_running_loop()
            admitted, headers = self.limit.admit(loop.time())
            if admitted:
                self.transport.write(_response(b"200 OK", headers, USER_BODY))
            else:
                status = b"429 Too Many Requests"
                self.transport.write(_response(status, headers, self.rejection))


def _response(status: bytes, headers: bytes, body: bytes) -> bytes:
    return (
        b"HTTP/1.1 " + status + b"\r\nContent-Type: application/json\r\n" + headers
        + b"Content-Length: %d\r\n\r\n" % len(body) + body
    )


def serve(allowed: int = 0) -> None:
    """The benchmark server; ``allowed`` > 0: limited to that many requests per second."""

    def protocol() -> asyncio.Protocol:
        if not allowed:
            return _FixedResponseProtocol()
        instance = _LimitedProtocol()
        instance.limit = limit
        return instance

    limit = _WindowLimit(allowed)

    async def main() -> None:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(protocol, "127.0.0.1", 0, backlog=1024)
        print(server.sockets[0].getsockname()[1], flush=True)
        await server.serve_forever()

    asyncio.run(main())


class LocalServer:
    """The server in a child process; ``url`` once started. ``allowed``: requests per second
    it accepts (0: no limit)."""

    def __init__(self, allowed: int = 0) -> None:
        self.allowed = allowed

    def stats(self) -> dict[str, int]:
        """``{"served": ..., "rejected": ...}`` of a limited server."""
        from urllib.request import urlopen

        with urlopen(self.url + "/stats", timeout=10) as response:  # noqa: S310 - loopback
            return json.loads(response.read())

    def __enter__(self) -> LocalServer:
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--serve", str(self.allowed)],
            stdout=subprocess.PIPE,
            text=True,
        )
        port = int(self.process.stdout.readline())
        self.url = f"http://127.0.0.1:{port}"
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


# --------------------------------------------------------------------------- the clients
# Each script prints one JSON object. Ours and raw httpx run in the same interpreter with
# their rounds interleaved, and each keeps its best round: on a shared machine the load
# changes from one second to the next, and interleaving exposes both to the same changes.

SYNC_PAIR = """
import json, sys, time
import httpx
import {package} as sdk
url, requests, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
client = sdk.ApiClient(url, access_token="bench-token")
api = sdk.UsersApi(client)
assert api.get_users_me().name == "Bench User"
raw_client = httpx.Client(base_url=url)
headers = {{"Authorization": "Bearer bench-token", "Accept": "application/json"}}
def raw():
    response = raw_client.get("/api/v2/users/me", headers=headers)
    response.raise_for_status()
    return response.json()
calls = {{"ours": api.get_users_me, "raw_httpx": raw}}
best = {{name: float("inf") for name in calls}}
best_cpu = {{name: float("inf") for name in calls}}
for call in calls.values():
    for _ in range(200):
        call()
for _ in range(rounds):
    for name, call in calls.items():
        started, cpu = time.perf_counter(), time.process_time()
        for _ in range(requests):
            call()
        best[name] = min(best[name], (time.perf_counter() - started) / requests)
        best_cpu[name] = min(best_cpu[name], (time.process_time() - cpu) / requests)
best.update({{name + "_cpu": value for name, value in best_cpu.items()}})
print(json.dumps(best))
"""

OFFICIAL_SYNC = """
import json, sys, time
import PureCloudPlatformClientV2 as sdk
url, requests, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
sdk.configuration.host = url
sdk.configuration.access_token = "bench-token"
client = sdk.api_client.ApiClient()
client.access_token = "bench-token"
api = sdk.UsersApi(client)
assert api.get_users_me().name == "Bench User"
for _ in range(200):
    api.get_users_me()
best = best_cpu = float("inf")
for _ in range(rounds):
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(requests):
        api.get_users_me()
    best = min(best, (time.perf_counter() - started) / requests)
    best_cpu = min(best_cpu, (time.process_time() - cpu) / requests)
print(json.dumps({"seconds_per_request": best, "cpu_seconds_per_request": best_cpu}))
"""

ASYNC_PAIR = """
import asyncio, json, sys, time
import httpx
import {package} as sdk
url, total, concurrency, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
per_task = total // concurrency

async def rate(call):
    async def worker(count):
        for _ in range(count):
            await call()
    await asyncio.gather(*(worker(10) for _ in range(concurrency)))  # warm-up: open the pool
    started = time.perf_counter()
    await asyncio.gather(*(worker(per_task) for _ in range(concurrency)))
    return per_task * concurrency / (time.perf_counter() - started)

async def ours():
    async with sdk.AsyncApiClient(url, access_token="bench-token", max_connections=concurrency) as client:
        return await rate(sdk.AsyncUsersApi(client).get_users_me)

async def raw():
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    headers = {{"Authorization": "Bearer bench-token", "Accept": "application/json"}}
    async with httpx.AsyncClient(base_url=url, limits=limits) as client:
        async def call():
            return (await client.get("/api/v2/users/me", headers=headers)).json()
        return await rate(call)

best = {{"ours": 0.0, "raw_httpx": 0.0}}
for _ in range(rounds):
    best["ours"] = max(best["ours"], asyncio.run(ours()))
    best["raw_httpx"] = max(best["raw_httpx"], asyncio.run(raw()))
print(json.dumps(best))
"""

OURS_THREADS_THROUGHPUT = """
import json, sys, time
from concurrent.futures import ThreadPoolExecutor
import {package} as sdk
url, total, concurrency, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
client = sdk.ApiClient(url, access_token="bench-token", max_connections=concurrency)
api = sdk.UsersApi(client)
per_thread = total // concurrency

def worker(count):
    for _ in range(count):
        api.get_users_me()

best = 0.0
with ThreadPoolExecutor(concurrency) as pool:
    list(pool.map(worker, [10] * concurrency))
    for _ in range(rounds):
        started = time.perf_counter()
        list(pool.map(worker, [per_thread] * concurrency))
        best = max(best, per_thread * concurrency / (time.perf_counter() - started))
print(json.dumps({{"requests_per_second": best}}))
"""

OFFICIAL_THREADS_THROUGHPUT = """
import json, sys, time
from concurrent.futures import ThreadPoolExecutor
import PureCloudPlatformClientV2 as sdk
url, total, concurrency, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
sdk.configuration.host = url
sdk.configuration.access_token = "bench-token"
client = sdk.api_client.ApiClient()
client.access_token = "bench-token"
api = sdk.UsersApi(client)
per_thread = total // concurrency

def worker(count):
    for _ in range(count):
        api.get_users_me()

best = 0.0
with ThreadPoolExecutor(concurrency) as pool:
    list(pool.map(worker, [10] * concurrency))
    for _ in range(rounds):
        started = time.perf_counter()
        list(pool.map(worker, [per_thread] * concurrency))
        best = max(best, per_thread * concurrency / (time.perf_counter() - started))
print(json.dumps({"requests_per_second": best}))
"""


RATE_LIMITED_OURS = """
import json, sys, time
from concurrent.futures import ThreadPoolExecutor
import {package} as sdk
url, total, concurrency = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
client = sdk.ApiClient(url, access_token="bench-token", max_connections=concurrency)
api = sdk.UsersApi(client)
api.get_users_me()  # imports and connections set up before the clock starts, as for the peer

def worker(count):
    for _ in range(count):
        api.get_users_me()

with ThreadPoolExecutor(concurrency) as pool:
    started = time.perf_counter()
    list(pool.map(worker, [total // concurrency] * concurrency))
    elapsed = time.perf_counter() - started
print(json.dumps({{"requests_per_second": total // concurrency * concurrency / elapsed}}))
"""

RATE_LIMITED_OFFICIAL = """
import json, sys, time
from concurrent.futures import ThreadPoolExecutor
import PureCloudPlatformClientV2 as sdk
from PureCloudPlatformClientV2.rest import ApiException
url, total, concurrency = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
sdk.configuration.host = url
sdk.configuration.access_token = "bench-token"
client = sdk.api_client.ApiClient()
client.access_token = "bench-token"
api = sdk.UsersApi(client)

def call():
    while True:  # what a script does by hand: sleep what the 429 says, then try again
        try:
            return api.get_users_me()
        except ApiException as error:
            if error.status != 429:
                raise
            time.sleep(float((error.headers or {}).get("Retry-After", 1)))

call()  # connections set up before the clock starts, as for ours

def worker(count):
    for _ in range(count):
        call()

with ThreadPoolExecutor(concurrency) as pool:
    started = time.perf_counter()
    list(pool.map(worker, [total // concurrency] * concurrency))
    elapsed = time.perf_counter() - started
print(json.dumps({"requests_per_second": total // concurrency * concurrency / elapsed}))
"""


def measure_rate_limited(
    python, script, allowed=100, total=1008, concurrency=16, cwd=None
) -> dict[str, float]:
    """``{"requests_per_second": ..., "rejected": 429s the server sent}`` of one client
    against a fresh server limited to ``allowed`` requests per second."""
    with LocalServer(allowed) as server:
        result = _child(python, script, server.url, total, concurrency, cwd=cwd)
        result["rejected"] = server.stats()["rejected"]
    return result


def _child(
    python: Path | str, script: str, *arguments: object, cwd: Path | None = None
) -> dict:
    result = subprocess.run(
        [str(python), "-c", script, *map(str, arguments)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=600,
        check=False,  # the child's stderr goes into the error below
    )
    if result.returncode != 0:
        raise RuntimeError(f"benchmark child failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure_sync_overhead(
    python, package, url, requests=1000, rounds=5, cwd=None
) -> dict[str, float]:
    """Seconds per request, ``{"ours": ..., "raw_httpx": ...}`` (same interpreter, same server)."""
    script = SYNC_PAIR.format(package=package)
    return _child(python, script, url, requests, rounds, cwd=cwd)


def measure_official_sync(
    official_python, url, requests=1000, rounds=5
) -> dict[str, float]:
    """``{"seconds_per_request": ..., "cpu_seconds_per_request": ...}`` of the official SDK."""
    return _child(official_python, OFFICIAL_SYNC, url, requests, rounds)


def measure_throughput(
    python, package, url, total=8000, concurrency=16, rounds=3, cwd=None
) -> dict[str, float]:
    """Requests per second of one async client, ``{"ours": ..., "raw_httpx": ...}``."""
    script = ASYNC_PAIR.format(package=package)
    return _child(python, script, url, total, concurrency, rounds, cwd=cwd)


def measure_threads_throughput(
    python, package, url, total=8000, concurrency=16, rounds=3, cwd=None
) -> float:
    """Requests per second of one sync ``ApiClient`` shared by ``concurrency`` threads."""
    script = OURS_THREADS_THROUGHPUT.format(package=package)
    return _child(python, script, url, total, concurrency, rounds, cwd=cwd)[
        "requests_per_second"
    ]


def measure_official_throughput(
    official_python, url, total=8000, concurrency=16, rounds=3
) -> float:
    return _child(
        official_python, OFFICIAL_THREADS_THROUGHPUT, url, total, concurrency, rounds
    )["requests_per_second"]


# --------------------------------------------------------------------------- reporting


def _row(
    figure: str,
    ours: str,
    peer: str = "-",
    ratio: str = "-",
    goal: str = "-",
    ok: str = "-",
) -> dict:
    return {
        "figure": figure,
        "ours": ours,
        "peer": peer,
        "ratio": ratio,
        "goal": goal,
        "ok": ok,
    }


def _us(seconds: float) -> str:
    return f"{seconds * 1e6:.0f} µs"


def run(
    python: Path | str,
    official_python: Path | str | None,
    package: str,
    cwd: Path | None = None,
) -> list[dict]:
    """Rows for bench/run.py. Ratios: peer ÷ ours for times, ours ÷ peer for rates (so above
    1x always means we are faster). "CPU" figures are the client process's CPU time per
    request: the client's own overhead, which other load on the machine does not inflate.
    """
    rows = []
    with LocalServer() as server:
        sync = measure_sync_overhead(python, package, server.url, cwd=cwd)
        for suffix, label in (("", "wall"), ("_cpu", "CPU")):
            ours, raw = sync["ours" + suffix], sync["raw_httpx" + suffix]
            rows.append(
                _row(
                    f"sync call, small JSON ({label}) vs raw httpx",
                    _us(ours),
                    _us(raw),
                    f"{raw / ours:.2f}x",
                    "≥ 0.67x (≤ 1.5x raw)",
                    "yes" if ours <= 1.5 * raw else "NO",
                )
            )
        if official_python:
            official = measure_official_sync(official_python, server.url)
            for key, ours_key, label in (
                ("seconds_per_request", "ours", "wall"),
                ("cpu_seconds_per_request", "ours_cpu", "CPU"),
            ):
                ours, theirs = sync[ours_key], official[key]
                rows.append(
                    _row(
                        f"sync call, small JSON ({label}) vs official SDK",
                        _us(ours),
                        _us(theirs),
                        f"{theirs / ours:.1f}x",
                        "> 1x",
                        "yes" if ours < theirs else "NO",
                    )
                )
        rates = measure_throughput(python, package, server.url, cwd=cwd)
        threads = measure_threads_throughput(python, package, server.url, cwd=cwd)
        theirs = (
            measure_official_throughput(official_python, server.url)
            if official_python
            else None
        )
        for label, mine in (
            ("1 async client", rates["ours"]),
            ("sync, 16 threads", threads),
        ):
            if theirs is not None:
                rows.append(
                    _row(
                        f"throughput: {label} vs official, 16 threads",
                        f"{mine:.0f} req/s",
                        f"{theirs:.0f} req/s",
                        f"{mine / theirs:.1f}x",
                        "report",
                    )
                )
        rows.extend(_rate_limited_rows(python, official_python, package, cwd))
        rows.append(
            _row(
                "throughput: 1 async client vs raw httpx async",
                f"{rates['ours']:.0f} req/s",
                f"{rates['raw_httpx']:.0f} req/s",
                f"{rates['ours'] / rates['raw_httpx']:.2f}x",
                "report",
            )
        )
    return rows


def _rate_limited_rows(python, official_python, package, cwd, allowed=100) -> list[dict]:
    ours = measure_rate_limited(
        python, RATE_LIMITED_OURS.format(package=package), allowed, cwd=cwd
    )
    rate, rejected = ours["requests_per_second"], int(ours["rejected"])
    rows = [
        _row(
            f"rate-limited ({allowed}/s), 16 threads: share of the limit",
            f"{rate:.1f} req/s, {rejected} x 429",
            f"{allowed} req/s allowed",
            f"{rate / allowed:.2f}",
            "≥ 0.95, ≤ 1 x 429",
            "yes" if rate >= 0.95 * allowed and rejected <= 1 else "NO",
        )
    ]
    if official_python:
        theirs = measure_rate_limited(official_python, RATE_LIMITED_OFFICIAL, allowed)
        rows.append(
            _row(
                f"rate-limited ({allowed}/s), 16 threads vs official SDK (naive pool)",
                f"{rate:.1f} req/s, {rejected} x 429",
                f"{theirs['requests_per_second']:.1f} req/s, {int(theirs['rejected'])} x 429",
                f"{rate / theirs['requests_per_second']:.2f}x",
                "report",
            )
        )
    return rows


def build_stub_sdk(folder: Path) -> str:
    """The runtime laid out as a generated SDK (as tests/runtime/conftest.py does); returns
    the package name."""
    package = folder / "rtpkg"
    shutil.copytree(
        REPO_ROOT / "tests" / "runtime" / "sdk_stub",
        package,
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    for source in (REPO_ROOT / "generator" / "runtime").glob("*.py"):
        if source.name != "__init__.py":
            shutil.copy(source, package / source.name)
    return "rtpkg"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--serve", type=int, nargs="?", const=0, help=argparse.SUPPRESS)
    parser.add_argument(
        "--official-python",
        help="python of a virtualenv with PureCloudPlatformClientV2",
    )
    arguments = parser.parse_args()
    if arguments.serve is not None:
        serve(arguments.serve)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        package = build_stub_sdk(Path(folder))
        rows = run(sys.executable, arguments.official_python, package, cwd=Path(folder))
    print("figure | ours | peer | ratio | goal | ok")
    for row in rows:
        print(" | ".join(row.values()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
