"""What a render needs besides the IR: the target's names and version."""

from __future__ import annotations

from dataclasses import dataclass

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..topics import AvailableTopic


@dataclass(frozen=True, slots=True)
class RenderSettings:
    """Per-target settings of the generated project.

    package: the import name (``purecloud_sdk``); distribution: the name on PyPI
    (``purecloud-sdk``); version: the SDK's own version (not the API's).
    """

    package: str
    distribution: str
    version: str
    description: str = ""
    python_requires: str = ">=3.10"
    line_length: int = 88
    # topics of an availabletopics response (generator.topics); () = none given
    notification_topics: tuple[AvailableTopic, ...] = ()
    changelog: str = ""  # release notes, newest first (copied to CHANGELOG.md when not empty)  # shared by ruff and black, written into the generated pyproject.toml
