"""The loaded document: raw dict, where it came from, and a lazy pointer -> line lookup."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Literal

from generator.loader.duplicates import DuplicateKey
from generator.loader.line_index import JsonLineIndex, LineIndex, YamlLineIndex

DocumentFormat = Literal["json", "yaml"]


@dataclass(frozen=True)
class LoadedSpec:
    """A parsed spec document.

    ``raw_bytes_sha256`` is the SHA-256 of the document's bytes as parsed (after gzip
    decompression), so the same spec hashes the same whether or not it was compressed.
    ``text`` and ``format`` are kept so that line numbers can be found later, and so that
    a worker process can re-parse the text faster than a dict can be pickled.
    """

    data: dict
    source: str
    raw_bytes_sha256: str
    text: str = field(default="", repr=False, compare=False)
    format: DocumentFormat = "json"
    # Keys the text writes twice in one object (the parser kept the last value);
    # reported by check_spec.
    duplicate_keys: tuple[DuplicateKey, ...] = field(default=(), repr=False)
    _line_index: list = field(
        default_factory=list, init=False, repr=False, compare=False
    )
    _lock: threading.Lock = field(
        default_factory=threading.Lock, init=False, repr=False, compare=False
    )

    def line_of(self, pointer: str) -> int | None:
        """1-based line of the JSON pointer in the original text.

        For a pointer that does not exist, the line of its deepest existing ancestor
        (the closest place to look); None when the text is not known. The index is
        built on the first call only, because most loads never need a line.
        """
        if not self.text:
            return None
        return self._index().line_of(pointer)

    def _index(self) -> LineIndex:
        # A one-slot list because the dataclass is frozen; the lock because the
        # background validation's callback may ask for lines from another thread.
        with self._lock:
            if not self._line_index:
                index_type = YamlLineIndex if self.format == "yaml" else JsonLineIndex
                self._line_index.append(index_type(self.text))
            return self._line_index[0]
