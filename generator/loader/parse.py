"""Bytes -> text -> dict, with errors that name the line and column."""

from __future__ import annotations

import json
import re

import yaml

from generator.loader.duplicates import DuplicateKey, DuplicateKeyCollector
from generator.loader.sources import RawDocument, fail

YAML_MERGE_TAG = "tag:yaml.org,2002:merge"

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
    """The document's data (SpecError if it does not parse)."""
    if format == "json":
        return _parse_json(text, source)
    return _parse_yaml(text, source)


def parse_document(
    text: str, format: str, source: str
) -> tuple[object, tuple[DuplicateKey, ...]]:
    """The document's data and the keys it writes twice in one object."""
    collector = DuplicateKeyCollector()
    if format == "json":
        data = _parse_json(text, source, collector)
    else:
        data = _parse_yaml(text, source, collector)
    return data, collector.locate(data)


def _parse_json(
    text: str, source: str, collector: DuplicateKeyCollector | None = None
) -> object:
    try:
        if collector is None:
            return json.loads(text)
        return json.loads(text, object_pairs_hook=collector.json_object)
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

    # Set by _parse_yaml when repeated keys are wanted.
    duplicate_keys: DuplicateKeyCollector | None = None

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

    def construct_yaml_map(self, node):
        # As SafeConstructor's (the empty dict first, so aliases can point at it), and
        # the dict in the document is the one whose repeated keys are noted.
        data: dict = {}
        yield data
        # Keys written in this mapping, before "<<" merges add theirs: overriding a
        # merged key is what merging is for, writing one key twice is a mistake.
        written_keys = [
            key.value
            for key, _ in node.value
            if isinstance(key, yaml.ScalarNode) and key.tag != YAML_MERGE_TAG
        ]
        data.update(self.construct_mapping(node))
        if self.duplicate_keys is not None:
            self.duplicate_keys.yaml_mapping(data, written_keys)


SpecYamlLoader.add_constructor(
    "tag:yaml.org,2002:map", SpecYamlLoader.construct_yaml_map
)
SpecYamlLoader.yaml_implicit_resolvers = {
    first_char: [
        (tag, regexp) for tag, regexp in resolvers if not tag.endswith(":timestamp")
    ]
    for first_char, resolvers in FastSafeLoader.yaml_implicit_resolvers.items()
}


def _parse_yaml(
    text: str, source: str, collector: DuplicateKeyCollector | None = None
) -> object:
    loader = SpecYamlLoader(text)
    loader.duplicate_keys = collector
    try:
        data = loader.get_single_data()
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
    finally:
        loader.dispose()
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
    if _ALIAS.search(text):
        _refuse_alias_bomb(data, text, source)
    return data


# An alias (``*name``) can only follow whitespace or a flow indicator; a text without
# one needs no expansion check (JSON never has any).
_ALIAS = re.compile(r"(?:^|[\s\[{,:-])\*[^\s,\[\]{}]")
# YAML aliases share one Python object between places, but every later stage (the checks,
# openapi-spec-validator, the IR builder) walks the document as a tree, each place in
# turn. A document whose tree is this many times larger than what is written (and larger
# than MIN_EXPANDED_NODES) is an alias bomb ("billion laughs"): refused before any walk.
EXPANSION_RATIO_LIMIT = 10
MIN_EXPANDED_NODES = 200_000


def expanded_size(data: object) -> tuple[int, int]:
    """(nodes written, nodes of the tree with every alias expanded), in time linear in
    the nodes written (each shared node is sized once)."""
    sizes: dict[int, int] = {}
    written = 0
    stack: list[tuple[object, bool]] = [(data, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children = [
            child
            for child in (node.values() if isinstance(node, dict) else node if isinstance(node, list) else ())
            if isinstance(child, (dict, list))
        ]
        if children_done:
            leaves = (len(node) if isinstance(node, (dict, list)) else 0) - len(children)
            sizes[id(node)] = 1 + leaves + sum(sizes.get(id(child), 0) for child in children)
            written += 1 + leaves
            continue
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in sizes)
    return written, sizes.get(id(data), 1)


def _refuse_alias_bomb(data: object, text: str, source: str) -> None:
    if not isinstance(data, (dict, list)):
        return
    written, expanded = expanded_size(data)
    limit = max(MIN_EXPANDED_NODES, EXPANSION_RATIO_LIMIT * written)
    if expanded <= limit:
        return
    match = _ALIAS.search(text)
    line = text.count("\n", 0, match.end() - 2) + 1 if match else None  # the "*"
    raise fail(
        source,
        "yaml-alias-expansion",
        f"invalid YAML for a spec: its aliases expand {written:,} nodes into {expanded:,} "
        f"(more than {limit:,}); an alias bomb is refused before anything reads it"
        + (f" (first alias at line {line})" if line else ""),
        line=line,
    )


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
