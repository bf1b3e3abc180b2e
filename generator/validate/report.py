"""A Diagnostics collector bound to one spec, so each check only states code, message, pointer."""

from __future__ import annotations

from generator.diagnostics import Diagnostics, Level
from generator.loader import LoadedSpec


class Reporter:
    def __init__(self, spec: LoadedSpec, diagnostics: Diagnostics | None = None):
        self.spec = spec
        self.diagnostics = diagnostics if diagnostics is not None else Diagnostics()

    def error(self, code: str, message: str, pointer: str) -> None:
        self.report(Level.ERROR, code, message, pointer)

    def warning(self, code: str, message: str, pointer: str) -> None:
        self.report(Level.WARNING, code, message, pointer)

    def report(self, level: Level, code: str, message: str, pointer: str) -> None:
        method = (
            self.diagnostics.error if level is Level.ERROR else self.diagnostics.warning
        )
        method(
            code,
            message,
            pointer,
            line=self.spec.line_of(pointer),
            source=self.spec.source,
        )
