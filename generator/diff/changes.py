"""What a diff produces: classified changes and the version bump they require.

Both policies (``genesys`` and ``python``) return the same :class:`DiffResult`, so
release notes, JSON for CI and the version decision do not care which one ran.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import Enum


class Level(str, Enum):
    """Impact of one change. Genesys calls ``patch`` "point"."""

    MAJOR = "major"
    MINOR = "minor"
    PATCH = "patch"

    @property
    def rank(self) -> int:
        return _RANKS[self]


_RANKS = {Level.PATCH: 1, Level.MINOR: 2, Level.MAJOR: 3}
LEVELS_HIGH_FIRST = (Level.MAJOR, Level.MINOR, Level.PATCH)
BUMPS = ("none", "patch", "minor", "major")  # "none": nothing changed, no release


@dataclass(frozen=True, slots=True)
class Change:
    """One change, as one release-note bullet.

    group: the release-note heading it is listed under (a path, ``METHOD path`` or a
      model / API class name); where: the precise location (``User.name``,
      ``GET /api/v2/users``); kind: a stable machine name (``property-removed``).
    """

    level: Level
    kind: str
    group: str
    where: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {
            "level": self.level.value,
            "kind": self.kind,
            "where": self.where,
            "group": self.group,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class DiffResult:
    policy: str
    changes: tuple[Change, ...]
    old_source: str = ""
    new_source: str = ""
    old_api_version: str = ""
    new_api_version: str = ""

    @property
    def counts(self) -> dict[str, int]:
        found = Counter(change.level for change in self.changes)
        return {level.value: found.get(level, 0) for level in LEVELS_HIGH_FIRST}

    @property
    def bump(self) -> str:
        """The highest level present ("none" without changes): only presence counts."""
        if not self.changes:
            return "none"
        return max(
            (change.level for change in self.changes), key=lambda level: level.rank
        ).value

    def at_level(self, level: Level) -> tuple[Change, ...]:
        return tuple(change for change in self.changes if change.level is level)
