"""Prism harness: a Prism-ready copy of a spec, and the `prism mock` process around it.

The full Platform spec takes Prism ~110 s to load and its dynamic response
generator crashes on recursive models, so a test gets a copy pruned to the
operations it calls (and the definitions they reach), with a deterministic
``examples`` entry on every 2xx response (see ../shared/notes/prism.md).
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
from schema_values import SchemaValues, ref_name

if TYPE_CHECKING:  # Self is typing_extensions' on Python 3.10
    from typing_extensions import Self

REPO_ROOT = Path(__file__).resolve().parents[2]
PRISM_BIN = REPO_ROOT / "node_modules" / ".bin" / "prism"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")

# Prism answers a request it rejects with an RFC 7807 body whose `type` is one
# of these (https://docs.stoplight.io/docs/prism/ errors page).
PRISM_ERROR_TYPE_PREFIX = "https://stoplight.io/prism/errors#"


def load_spec(path: str | os.PathLike[str]) -> dict[str, Any]:
    """A spec file as a dict: .json, .json.gz, .yaml or .yml."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        if path.suffix in (".yaml", ".yml"):
            import yaml

            return yaml.safe_load(handle)
        return json.load(handle)


def operation_key(method: str, path: str) -> str:
    return f"{method.upper()} {path}"


def iter_operations(
    spec: Mapping[str, Any],
) -> Iterable[tuple[str, str, dict[str, Any]]]:
    """(method, path, operation) in spec order."""
    for path, item in spec.get("paths", {}).items():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                yield method, path, operation


def _refs_in(node: Any, found: set[str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            found.add(ref_name(ref))
        for value in node.values():
            _refs_in(value, found)
    elif isinstance(node, list):
        for value in node:
            _refs_in(value, found)


def reachable_definitions(spec: Mapping[str, Any], roots: Iterable[Any]) -> set[str]:
    """Names of every definition reachable from ``roots`` (schemas, parameters...)."""
    pending: set[str] = set()
    for root in roots:
        _refs_in(root, pending)
    reached: set[str] = set()
    definitions = spec.get("definitions", {})
    while pending:
        name = pending.pop()
        if name in reached:
            continue
        reached.add(name)
        more: set[str] = set()
        _refs_in(definitions.get(name, {}), more)
        pending |= more - reached
    return reached


def prune_spec(spec: Mapping[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    """A copy of ``spec`` keeping only the operations named by ``keys`` (``GET /path``)."""
    wanted = set(keys)
    paths: dict[str, Any] = {}
    for path, item in spec.get("paths", {}).items():
        kept = {
            method: operation
            for method, operation in item.items()
            if method not in HTTP_METHODS or operation_key(method, path) in wanted
        }
        if any(method in HTTP_METHODS for method in kept):
            paths[path] = kept
    missing = wanted - {
        operation_key(m, p) for m, p, _ in iter_operations({"paths": paths})
    }
    if missing:
        raise KeyError(f"operations not in the spec: {sorted(missing)[:5]}")
    roots = list(paths.values()) + list(spec.get("parameters", {}).values())
    names = reachable_definitions(spec, roots)
    pruned = {
        key: value for key, value in spec.items() if key not in ("paths", "definitions")
    }
    pruned["paths"] = paths
    pruned["definitions"] = {
        name: schema
        for name, schema in spec.get("definitions", {}).items()
        if name in names
    }
    return pruned


def add_response_examples(spec: dict[str, Any], values: SchemaValues) -> None:
    """Give every 2xx response with a schema an example per media type it produces.

    Prism then serves the example (static mode) instead of generating one.
    """
    default_produces = spec.get("produces", ["application/json"])
    for _method, _path, operation in iter_operations(spec):
        produces = operation.get("produces", default_produces) or ["application/json"]
        for status, response in operation.get("responses", {}).items():
            schema = response.get("schema")
            if not status.startswith("2") or schema is None:
                continue
            example = values.value(schema, "response")
            response["examples"] = {media_type: example for media_type in produces}


def fold_base_path(spec: dict[str, Any]) -> None:
    """Move ``basePath`` into every path: Prism routes on the paths alone and ignores
    basePath, while the SDK (rightly) sends basePath + path."""
    base_path = spec.pop("basePath", "").rstrip("/")
    if base_path:
        spec["paths"] = {base_path + path: item for path, item in spec["paths"].items()}


def prepare_spec(
    spec: Mapping[str, Any],
    keys: Iterable[str] | None,
    destination: Path,
    *,
    example_depth: int = 3,
) -> Path:
    """Write a Prism-ready copy of ``spec`` (pruned to ``keys`` unless None) to ``destination``."""
    prepared = (
        prune_spec(spec, keys) if keys is not None else json.loads(json.dumps(spec))
    )
    if keys is not None:
        prepared = json.loads(json.dumps(prepared))  # detach from the caller's dicts
    fold_base_path(prepared)
    add_response_examples(
        prepared, SchemaValues(prepared.get("definitions", {}), max_depth=example_depth)
    )
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_text(json.dumps(prepared), encoding="utf-8")
    return destination


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrismNotInstalled(RuntimeError):
    pass


def ensure_prism_installed() -> Path:
    """Install @stoplight/prism-cli from the committed lockfile if node_modules lacks it."""
    if PRISM_BIN.exists():
        return PRISM_BIN
    npm = shutil.which("npm")
    if npm is None:
        raise PrismNotInstalled(
            "npm is not on PATH; install Node.js 18+ to run the e2e tests"
        )
    lockfile = REPO_ROOT / "package-lock.json"
    command = [npm, "ci" if lockfile.exists() else "install", "--no-audit", "--no-fund"]
    result = subprocess.run(
        command, cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    if result.returncode != 0 or not PRISM_BIN.exists():
        raise PrismNotInstalled(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    return PRISM_BIN


class PrismServer:
    """`prism mock <spec> --errors` on 127.0.0.1, as a context manager."""

    def __init__(
        self, spec_file: Path, *, port: int | None = None, log_file: Path | None = None
    ):
        self.spec_file = spec_file
        self.port = port or free_port()
        self.log_file = log_file or spec_file.with_suffix(".prism.log")
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 240.0) -> None:
        binary = ensure_prism_installed()
        command = [
            str(binary),
            "mock",
            str(self.spec_file),
            "--errors",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
        ]
        self._log = self.log_file.open("wb")
        self.process = subprocess.Popen(
            command, stdout=self._log, stderr=subprocess.STDOUT
        )
        self._wait_ready(timeout)

    def _wait_ready(self, timeout: float) -> None:
        # Prism logs "Prism is listening" once routes are loaded; polling the
        # port is simpler and does not depend on log wording.
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(
                    f"prism exited with {self.process.returncode}:\n{self.log_tail()}"
                )
            try:
                httpx.get(self.url + "/__prism_ready_probe__", timeout=2.0)
                return  # any HTTP answer (a 404 here) means it is serving
            except httpx.TransportError:
                time.sleep(0.5)
        self.stop()
        raise TimeoutError(
            f"prism did not answer within {timeout:.0f} s:\n{self.log_tail()}"
        )

    def log_tail(self, characters: int = 3000) -> str:
        try:
            return self.log_file.read_text(errors="replace")[-characters:]
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        self._log.close()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
