"""SDK benchmarks, each run in a fresh interpreter of the SDK's own virtualenv:

- import the package and build ``UsersApi()`` (time, peak memory)
- decode the 1,000-user listing into models (first call and steady state)

The measuring code is sent to the child as a script; results come back as JSON.
"""

from __future__ import annotations

import json
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

from measure import run_measured

# Timed in the child: import + first API object, as a user's program starts.
IMPORT_SCRIPT = """
import json, sys, time
started = time.perf_counter()
import {package} as sdk
sdk.UsersApi()
print(json.dumps({{"seconds": time.perf_counter() - started}}))
"""

BASELINE_SCRIPT = "pass"

OURS_DECODE_SCRIPT = """
import json, sys, time
import {package} as sdk
from {package}._models import decode_json
data = open(sys.argv[1], "rb").read()
timings = []
for _ in range({repeat}):
    started = time.perf_counter()
    listing = decode_json(data, "UserEntityListing")
    timings.append(time.perf_counter() - started)
users = listing.entities
assert type(listing).__name__ == "UserEntityListing", type(listing)
assert len(users) == 1000 and type(users[0]).__name__ == "User", (len(users), type(users[0]))
assert users[0].state == {unknown_state!r}, users[0].state  # unknown enum value kept
print(json.dumps({{"timings": timings}}))
"""

OFFICIAL_DECODE_SCRIPT = """
import json, sys, time
import PureCloudPlatformClientV2 as sdk
text = open(sys.argv[1], encoding="utf-8").read()

class Response:  # what ApiClient.deserialize reads from a urllib3 response
    data = text
    def getheader(self, name, default=None):
        return "application/json" if name.lower() == "content-type" else default

client = sdk.ApiClient()
timings = []
for _ in range({repeat}):
    started = time.perf_counter()
    listing = client.deserialize(Response(), "UserEntityListing")
    timings.append(time.perf_counter() - started)
assert type(listing).__name__ == "UserEntityListing", type(listing)
assert len(listing.entities) == 1000, len(listing.entities)
print(json.dumps({{"timings": timings}}))
"""


@dataclass(frozen=True)
class ImportFigures:
    seconds: float  # median in-process time of import + UsersApi()
    peak_rss_bytes: int  # median peak RSS of the whole child process
    baseline_rss_bytes: int  # peak RSS of a bare interpreter of the same venv


def _child_json(python: Path, script: str, *arguments: str) -> tuple[dict, int]:
    measurement = run_measured([str(python), "-c", script, *arguments]).check(f"{python} benchmark script")
    return json.loads(measurement.stdout.strip().splitlines()[-1]), measurement.peak_rss_bytes


def measure_import(python: Path, package: str, repeat: int = 5) -> ImportFigures:
    script = IMPORT_SCRIPT.format(package=package)
    _child_json(python, script)  # warm the OS file cache and write .pyc files first
    seconds, peaks = [], []
    for _ in range(repeat):
        result, peak = _child_json(python, script)
        seconds.append(result["seconds"])
        peaks.append(peak)
    baseline = run_measured([str(python), "-c", BASELINE_SCRIPT]).check("bare interpreter").peak_rss_bytes
    return ImportFigures(statistics.median(seconds), int(statistics.median(peaks)), baseline)


@dataclass(frozen=True)
class DecodeFigures:
    first_seconds: float  # includes building decoders / importing model modules
    best_seconds: float  # steady state: best of the repeats after the first


def measure_decode(python: Path, payload: Path, *, official: bool, package: str = "",
                   unknown_state: str = "", repeat: int = 6) -> DecodeFigures:
    template = OFFICIAL_DECODE_SCRIPT if official else OURS_DECODE_SCRIPT
    script = template.format(package=package, repeat=repeat, unknown_state=unknown_state)
    result, _peak = _child_json(python, script, str(payload))
    timings = result["timings"]
    return DecodeFigures(timings[0], min(timings[1:]))


def install_wheel(python: Path, wheel: Path) -> None:
    """(Re)install the just-built wheel; its dependencies stay from the first install."""
    result = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                             "--force-reinstall", "--no-deps", str(wheel)], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"pip install {wheel.name} failed:\n{result.stderr[-3000:]}")
