"""The ``wheel`` bench group's breakdown (bench/wheel_parts.py): the parts add up to the
wheel's size, and the headers of an entry are what it costs with no content."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))
try:
    from wheel_parts import wheel_parts
finally:
    sys.path.remove(str(BENCH))


def _wheel(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def test_parts_add_up_to_the_file_size(tmp_path):
    wheel = _wheel(
        tmp_path / "sdk-1.0-py3-none-any.whl",
        {
            "sdk/__init__.py": b"import os\n" * 50,
            "sdk/models/__init__.pyi": b"from .user import User as User\n",
            "sdk/models/user.py": b"class User: ...\n",
            "sdk/models/user_entity_listing.pyi": b"from .user import User as User\n",
            "sdk/models/user_me.pyi": b"",
            "sdk/apis/users_api.py": b"class UsersApi: ...\n",
            "sdk-1.0.dist-info/METADATA": b"Name: sdk\n",
            "sdk-1.0.dist-info/RECORD": b"sdk/__init__.py,sha256=x,500\n",
        },
    )
    parts = {part.label: part for part in wheel_parts(wheel, "sdk")}
    assert sum(part.archive_bytes for part in parts.values()) == wheel.stat().st_size
    stubs = parts["per-model .pyi stubs"]
    assert stubs.files == 2  # models/__init__.pyi is not a per-model stub
    assert parts["model modules"].files == 2
    assert parts["API modules"].files == 1
    names = len("sdk/models/user_entity_listing.pyi") + len("sdk/models/user_me.pyi")
    assert stubs.header_bytes == 2 * (30 + 46) + 2 * names
    assert stubs.archive_bytes > stubs.header_bytes
