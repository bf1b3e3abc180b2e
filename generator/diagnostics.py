"""Problems found in a spec, with where they are: every stage reports here instead of raising."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Level(IntEnum):
    WARNING = 1
    ERROR = 2


@dataclass(frozen=True, slots=True)
class Diagnostic:
    level: Level
    code: str  # short stable identifier, e.g. "dangling-ref"
    message: str
    pointer: str = ""  # JSON pointer into the spec ("" = the whole document)
    line: int | None = None
    source: str = ""  # file or URL

    def format(self) -> str:
        where = self.source or "<spec>"
        if self.line is not None:
            where += f":{self.line}"
        pointer = f" at {self.pointer}" if self.pointer else ""
        return f"{where}: {self.level.name.lower()}[{self.code}]{pointer}: {self.message}"


@dataclass
class Diagnostics:
    items: list[Diagnostic] = field(default_factory=list)

    def add(self, diagnostic: Diagnostic) -> None:
        self.items.append(diagnostic)

    def error(self, code: str, message: str, pointer: str = "", **where) -> None:
        self.add(Diagnostic(Level.ERROR, code, message, pointer, **where))

    def warning(self, code: str, message: str, pointer: str = "", **where) -> None:
        self.add(Diagnostic(Level.WARNING, code, message, pointer, **where))

    def extend(self, other: Diagnostics) -> None:
        self.items.extend(other.items)

    @property
    def has_errors(self) -> bool:
        return any(d.level is Level.ERROR for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items, key=lambda d: (d.source, _pointer_key(d.pointer), d.code, d.message))

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(self.items)


def _pointer_key(pointer: str) -> tuple[str, ...]:
    return tuple(pointer.split("/"))


class SpecError(Exception):
    """Stops the pipeline: the spec has errors. Carries every diagnostic found so far."""

    def __init__(self, diagnostics: Diagnostics):
        self.diagnostics = diagnostics
        first = next((d for d in diagnostics.sorted() if d.level is Level.ERROR), None)
        super().__init__(first.format() if first else "invalid spec")


def escape_pointer_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def pointer(*tokens: object) -> str:
    return "".join("/" + escape_pointer_token(str(t)) for t in tokens)
