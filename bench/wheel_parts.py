"""Where a wheel's bytes go: each archive entry costs its compressed data plus two copies of
its name (local header, 30 bytes, and central directory entry, 46 bytes) and a RECORD line
with a sha256. For thousands of one-line files the names and headers, not the content, are
the size, so the ``wheel`` bench group shows the parts next to the total."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

# Fixed sizes of the ZIP format (APPNOTE 4.3.7, 4.3.12); a data descriptor follows the data
# when bit 3 of the flags is set.
LOCAL_HEADER = 30
CENTRAL_HEADER = 46
DATA_DESCRIPTOR = 16


@dataclass(frozen=True)
class Part:
    label: str
    files: int
    archive_bytes: int
    # headers and name copies only: what the part would cost with empty files
    header_bytes: int


def header_bytes(info: zipfile.ZipInfo) -> int:
    """Both headers of one entry with both copies of its name, its extras and comment."""
    name = len(info.filename.encode("utf-8"))
    descriptor = DATA_DESCRIPTOR if info.flag_bits & 0x08 else 0
    return LOCAL_HEADER + CENTRAL_HEADER + 2 * (name + len(info.extra)) + len(info.comment) + descriptor


def entry_bytes(info: zipfile.ZipInfo) -> int:
    """What one entry adds to the archive: its headers and its compressed data."""
    return header_bytes(info) + info.compress_size


def part_of(name: str, package: str) -> str:
    models = f"{package}/models/"
    if name.startswith(models) and name.endswith(".pyi") and name != models + "__init__.pyi":
        return "per-model .pyi stubs"
    if name.startswith(models):
        return "model modules"
    if name.startswith(f"{package}/apis/"):
        return "API modules"
    if name.endswith(".dist-info/RECORD"):
        return "RECORD (a sha256 per file)"
    if name.endswith(".dist-info/METADATA"):
        return "METADATA (README inside)"
    return "runtime and the rest"


def wheel_parts(wheel: Path, package: str) -> list[Part]:
    """The parts of ``wheel``, largest first; the end-of-archive record (22 bytes and the
    archive comment) counts with the rest, so the parts add up to the file size."""
    files: dict[str, int] = {}
    sizes: dict[str, int] = {}
    headers: dict[str, int] = {}
    with zipfile.ZipFile(wheel) as archive:
        for info in archive.infolist():
            label = part_of(info.filename, package)
            files[label] = files.get(label, 0) + 1
            sizes[label] = sizes.get(label, 0) + entry_bytes(info)
            headers[label] = headers.get(label, 0) + header_bytes(info)
    rest = "runtime and the rest"
    end_record = wheel.stat().st_size - sum(sizes.values())
    sizes[rest] = sizes.get(rest, 0) + end_record
    headers[rest] = headers.get(rest, 0) + end_record
    return sorted(
        (Part(label, files.get(label, 0), size, headers[label]) for label, size in sizes.items()),
        key=lambda part: (-part.archive_bytes, part.label),
    )
