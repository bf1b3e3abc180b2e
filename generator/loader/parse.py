"""Bytes -> text -> dict, with errors that name the line and column."""

from __future__ import annotations

import json

import yaml

from generator.loader.sources import RawDocument, fail

YAML_SUFFIXES = (".yaml", ".yml", ".yaml.gz", ".yml.gz")
JSON_SUFFIXES = (".json", ".json.gz")


def detect_format(document: RawDocument, text: str) -> str:
    """By file suffix, then HTTP Content-Type, then by looking at the first character."""
    name = document.name.lower()
    if name.endswith(JSON_SUFFIXES):
        return "json"
    if name.endswith(YAML_SUFFIXES):
        return "yaml"
    content_type = document.content_type.lower()
    if "json" in content_type:
        return "json"
    if "yaml" in content_type:
        return "yaml"
    return "json" if text.lstrip()[:1] in ("{", "[") else "yaml"


def decode_text(document: RawDocument) -> str:
    try:
        return document.content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = document.content[: error.start].count(b"\n") + 1
        raise fail(
            document.source,
            "invalid-encoding",
            f"not UTF-8 text: byte 0x{document.content[error.start]:02x} at line {line} "
            f"cannot be decoded",
            line=line,
        ) from None


def parse_text(text: str, format: str, source: str) -> object:
    if format == "json":
        return _parse_json(text, source)
    return _parse_yaml(text, source)


def _parse_json(text: str, source: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise fail(
            source,
            "invalid-json",
            f"invalid JSON: {error.msg} (line {error.lineno}, column {error.colno})",
            line=error.lineno,
        ) from None
    except RecursionError:
        raise fail(source, "invalid-json", "invalid JSON: nested too deeply") from None


# libyaml's C loader is ~10x faster; PyYAML built without it still works, only slower.
FastSafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class SpecYamlLoader(FastSafeLoader):
    """Safe YAML loading that keeps the document JSON-shaped.

    - Mapping keys stay the strings they are written as: an unquoted ``200:`` response
      code must be the key "200", not the integer 200.
    - Timestamps stay strings: ``default: 2020-01-01`` is a JSON string in a spec.
    """

    def construct_mapping(self, node, deep=False):
        if not isinstance(node, yaml.MappingNode):
            raise yaml.constructor.ConstructorError(
                None, None, f"expected a mapping, found {node.id}", node.start_mark
            )
        self.flatten_mapping(node)  # resolves "<<" merge keys
        mapping = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    "a key must be a plain string, not a list or mapping",
                    key_node.start_mark,
                )
            mapping[key_node.value] = self.construct_object(value_node, deep=deep)
        return mapping


SpecYamlLoader.yaml_implicit_resolvers = {
    first_char: [
        (tag, regexp) for tag, regexp in resolvers if not tag.endswith(":timestamp")
    ]
    for first_char, resolvers in FastSafeLoader.yaml_implicit_resolvers.items()
}


def _parse_yaml(text: str, source: str) -> object:
    try:
        data = yaml.load(text, Loader=SpecYamlLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or "cannot parse"
        context = f" ({error.context})" if error.context else ""
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise fail(
            source,
            "invalid-yaml",
            f"invalid YAML: {problem}{context}{where}",
            line=mark.line + 1 if mark else None,
        ) from None
    except yaml.YAMLError as error:
        raise fail(source, "invalid-yaml", f"invalid YAML: {error}") from None
    except RecursionError:
        raise fail(source, "invalid-yaml", "invalid YAML: nested too deeply") from None
    if _contains_itself(data):
        line, column = _recursive_alias_position(text)
        where = f" (line {line}, column {column})" if line else ""
        raise fail(
            source,
            "invalid-yaml",
            "invalid YAML for a spec: an alias refers to a node that contains it, and a "
            f"recursive structure cannot be a JSON document{where}",
            line=line,
        )
    return data


def _contains_itself(data: object) -> bool:
    """Whether a YAML alias made the data recursive (``a: &x {b: *x}``).

    Every later stage walks the document as a tree and would never finish. Shared
    (non-recursive) aliases are fine and are walked once each.
    """
    if not isinstance(data, (dict, list)):
        return False  # a scalar top level is reported by the loader's own check
    finished: set[int] = set()
    on_path: set[int] = set()
    stack: list[tuple[object, bool]] = [(data, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            on_path.discard(id(node))
            finished.add(id(node))
            continue
        if id(node) in on_path:
            return True
        if id(node) in finished:
            continue
        on_path.add(id(node))
        stack.append((node, True))
        children = node.values() if isinstance(node, dict) else node
        stack.extend(
            (child, False) for child in children if isinstance(child, (dict, list))
        )
    return False


def _recursive_alias_position(text: str) -> tuple[int | None, int | None]:
    """Line and column of the first alias used inside the node its anchor names."""
    open_anchors: list[str | None] = []
    for event in yaml.parse(text, Loader=FastSafeLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            open_anchors.append(event.anchor)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            open_anchors.pop()
        elif isinstance(event, yaml.AliasEvent) and event.anchor in open_anchors:
            return event.start_mark.line + 1, event.start_mark.column + 1
    return None, None
