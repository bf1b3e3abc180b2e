"""Keys written twice in one object: JSON and YAML parsers keep the last value silently.

A spec with ``"getUser"`` defined twice under ``paths`` loses an operation without a
word, so the parsers note every repeated key while they build each object (cheap:
+0.04 s on the 7 MB Platform spec), and only when there is one is the document walked
to find where those objects are. ``check_spec`` reports them with pointer and line.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator.diagnostics import escape_pointer_token


@dataclass(frozen=True, slots=True)
class DuplicateKey:
    pointer: str  # of the key (line_of gives its last occurrence: the value kept)
    key: str


class DuplicateKeyCollector:
    """Collects (object, repeated keys) while parsing; ``locate`` turns them into pointers."""

    def __init__(self) -> None:
        # id() of the object -> its repeated keys; the objects stay alive in the document,
        # so their ids stay unique until ``locate`` has run.
        self._repeated: dict[int, list[str]] = {}

    def json_object(self, pairs: list[tuple[str, object]]) -> dict:
        """``object_pairs_hook`` for ``json.loads``."""
        result = dict(pairs)
        if len(result) != len(pairs):
            counts = Counter(key for key, _ in pairs)
            self._repeated[id(result)] = [key for key, n in counts.items() if n > 1]
        return result

    def yaml_mapping(self, mapping: dict, written_keys: list[str]) -> None:
        """Called by the YAML loader with the keys a mapping spells out (merges excluded)."""
        counts = Counter(written_keys)
        if len(counts) != len(written_keys):
            self._repeated[id(mapping)] = [key for key, n in counts.items() if n > 1]

    def locate(self, document: object) -> tuple[DuplicateKey, ...]:
        if not self._repeated:
            return ()
        found: list[DuplicateKey] = []
        stack: list[tuple[object, str]] = [(document, "")]
        visited: set[int] = set()  # YAML aliases may share an object between places
        while stack and len(found) < sum(map(len, self._repeated.values())):
            node, pointer = stack.pop()
            if id(node) in visited:
                continue
            visited.add(id(node))
            if isinstance(node, dict):
                for key in self._repeated.get(id(node), ()):
                    found.append(
                        DuplicateKey(f"{pointer}/{escape_pointer_token(key)}", key)
                    )
                stack.extend(
                    (value, f"{pointer}/{escape_pointer_token(key)}")
                    for key, value in node.items()
                    if isinstance(value, (dict, list))
                )
            elif isinstance(node, list):
                stack.extend(
                    (item, f"{pointer}/{index}")
                    for index, item in enumerate(node)
                    if isinstance(item, (dict, list))
                )
        return tuple(sorted(found, key=lambda duplicate: duplicate.pointer))
