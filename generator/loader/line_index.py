"""JSON pointer -> 1-based line number in the original text, built only when first asked.

Loading never pays for this: ``json.loads`` keeps no positions, so the JSON index re-scans
the text once (a tokenizer, not a parser: the text is already known to be valid), and the
YAML index composes the node tree, whose marks carry lines.
"""

from __future__ import annotations

import json
import re
from typing import Protocol

import yaml

from generator.diagnostics import escape_pointer_token
from generator.loader.parse import FastSafeLoader


class LineIndex(Protocol):
    def line_of(self, pointer: str) -> int | None: ...


def unescape_pointer_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def _parent_pointer(pointer: str) -> str:
    return pointer.rsplit("/", 1)[0]


# Strings (keys and values), structural characters, newlines, and bare literals
# (numbers, true, false, null). Other whitespace is skipped by finditer.
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]|\n|[^\s"{}\[\],:]+')


class JsonLineIndex:
    """Lines of object keys (the key's line) and array items (the item's first line)."""

    def __init__(self, text: str):
        self._text = text
        self._lines: dict[str, int] | None = None
        # Minified JSON (the Platform spec is 7 MB on one line): every place is line 1,
        # and scanning would only confirm it. Decided once: the check copies the text.
        self._single_line = "\n" not in text.strip()

    def line_of(self, pointer: str) -> int | None:
        if self._single_line:
            return 1
        if self._lines is None:
            self._lines = _scan_json_lines(self._text)
        while pointer not in self._lines:
            pointer = _parent_pointer(pointer)
        return self._lines[pointer]


class _Container:
    __slots__ = ("expect_key", "is_object", "key_pointer", "next_index", "pointer")

    def __init__(self, is_object: bool, pointer: str):
        self.is_object = is_object
        self.pointer = pointer
        self.next_index = 0
        self.expect_key = is_object
        self.key_pointer = pointer


def _scan_json_lines(text: str) -> dict[str, int]:
    lines: dict[str, int] = {"": 1}
    line = 1
    stack: list[_Container] = []

    def start_value() -> str:
        """Pointer of the value that starts here; records array items' lines."""
        if not stack:
            return ""
        top = stack[-1]
        if top.is_object:
            return top.key_pointer
        item_pointer = f"{top.pointer}/{top.next_index}"
        top.next_index += 1
        lines[item_pointer] = line
        return item_pointer

    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        first = token[0]
        if first == "\n":
            line += 1
        elif first == '"' and stack and stack[-1].expect_key:
            top = stack[-1]
            key = json.loads(token) if "\\" in token else token[1:-1]
            top.key_pointer = f"{top.pointer}/{escape_pointer_token(key)}"
            top.expect_key = False
            lines[top.key_pointer] = line
        elif first == "{" or first == "[":
            stack.append(_Container(first == "{", start_value()))
        elif first == "}" or first == "]":
            stack.pop()
        elif first == ",":
            if stack and stack[-1].is_object:
                stack[-1].expect_key = True
        elif first != ":":
            start_value()  # a scalar: only array items need recording
    return lines


class YamlLineIndex:
    """Walks the composed YAML node tree along the pointer (keys: the key's line)."""

    def __init__(self, text: str):
        self._text = text
        self._root: yaml.Node | None = None
        self._keys_by_mapping: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = {}

    def line_of(self, pointer: str) -> int | None:
        if self._root is None:
            try:
                self._root = yaml.compose(self._text, Loader=FastSafeLoader)
            except yaml.YAMLError:
                return None
        node = self._root
        line = node.start_mark.line + 1
        for token in pointer.split("/")[1:]:
            token = unescape_pointer_token(token)
            if isinstance(node, yaml.MappingNode):
                entry = self._keys_of(node).get(token)
                if entry is None:
                    break
                key_node, node = entry
                line = key_node.start_mark.line + 1
            elif isinstance(node, yaml.SequenceNode) and token.isdigit():
                if int(token) >= len(node.value):
                    break
                node = node.value[int(token)]
                line = node.start_mark.line + 1
            else:
                break
        return line

    def _keys_of(
        self, node: yaml.MappingNode
    ) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        keys = self._keys_by_mapping.get(id(node))
        if keys is None:
            keys = {
                key.value: (key, value)
                for key, value in node.value
                if isinstance(key, yaml.ScalarNode)
            }
            self._keys_by_mapping[id(node)] = keys
        return keys
