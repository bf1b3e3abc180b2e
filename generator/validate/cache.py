"""Content cache of schema-validation results: same bytes + same validator = same result.

Key: the spec's SHA-256 and the validator fingerprint (library version, backend, and our
result format). Stored as JSON under $SDKGEN_CACHE_DIR/validation/ (default
~/.cache/sdkgen/validation/). A cache that cannot be read or written is ignored: it
only saves time.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from generator.validate.schema import Finding

RESULT_FORMAT = 4  # bump when Finding or its messages change


def cache_dir() -> Path:
    root = os.environ.get("SDKGEN_CACHE_DIR")
    base = Path(root).expanduser() if root else Path.home() / ".cache" / "sdkgen"
    return base / "validation"


def _entry_path(spec_sha256: str, fingerprint: str) -> Path:
    salt = hashlib.sha256(f"{fingerprint} format {RESULT_FORMAT}".encode()).hexdigest()[
        :16
    ]
    return cache_dir() / f"{spec_sha256}-{salt}.json"


def load_cached(spec_sha256: str, fingerprint: str) -> list[Finding] | None:
    try:
        entries = json.loads(_entry_path(spec_sha256, fingerprint).read_text("utf-8"))
        return [Finding(*entry) for entry in entries]
    except (OSError, ValueError, TypeError):
        return None


def store(spec_sha256: str, fingerprint: str, findings: list[Finding]) -> None:
    path = _entry_path(spec_sha256, fingerprint)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a concurrent reader never sees half a file.
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False
        ) as handle:
            json.dump([list(finding) for finding in findings], handle)
        os.replace(handle.name, path)
    except OSError:
        pass
