"""The SDKs the end-to-end tests run: where each comes from and which spec it is tested on."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SPECS = REPO_ROOT / "specs"
# Platform operations per run: >= 300 required; the margin keeps the bar if a few go.
PLATFORM_OPERATION_COUNT = 340
TARGETS: dict[str, tuple[Path | None, str, Path]] = {
    # sdkgen.yaml target -> (generated project, package, spec)
    "platform": (
        REPO_ROOT / "generated" / "platform",
        "purecloud_platform",
        SPECS / "platform-api-269.0.0.json.gz",
    ),
    "guest-chat": (
        REPO_ROOT / "generated" / "guest-chat",
        "purecloud_guest_chat",
        SPECS / "guest-chat-13.2.0.json.gz",
    ),
    # the Genesys specs have no formData/file parameters and no parameter enums: this fixture has
    "kitchen-sink": (
        None,
        "kitchen_sink",
        REPO_ROOT / "tests" / "fixtures" / "specs" / "kitchen_sink.yaml",
    ),
}
