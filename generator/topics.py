"""Notification topics for a target: an availabletopics response read at generation time.

``GET /api/v2/notifications/availabletopics?expand=schema`` lists every topic (``id``: the
pattern, ``v2.users.{id}.presence``) with the JSON schema of its events. Which spec definition
a schema stands for is decided by the runtime's rule (``runtime/_topic_names.schema_model_names``,
so a map fetched at run time agrees with the generated one); here the file is read and
checked, with located errors, into plain values for the renderer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostics, SpecError
from .loader.line_index import JsonLineIndex, YamlLineIndex
from .loader.parse import decode_text, detect_format, parse_document
from .loader.sources import read_source
from .runtime._topic_names import TopicPatternError, schema_model_names, topic_parameters


@dataclass(frozen=True, slots=True)
class AvailableTopic:
    """One topic of the file: its pattern, the definition names its schema may stand for
    (most specific first; empty without a schema) and its description."""

    pattern: str
    schema_names: tuple[str, ...] = ()
    description: str = ""


def load_available_topics(path: str | Path) -> tuple[AvailableTopic, ...]:
    """The topics of an availabletopics response saved as JSON or YAML (``{"entities":
    [...]}`` or the list itself), sorted by pattern. Raises :class:`SpecError` naming the
    file, JSON pointer and line of every problem."""
    source = str(path)
    document = read_source(source)
    text = decode_text(document)
    format = detect_format(document, text)
    data, _duplicates = parse_document(text, format, source)
    lines = JsonLineIndex(text) if format == "json" else YamlLineIndex(text)
    diagnostics = Diagnostics()

    def error(pointer: str, message: str) -> None:
        diagnostics.error("invalid-topics", message, pointer, source=source, line=lines.line_of(pointer))

    if isinstance(data, dict) and isinstance(data.get("entities"), list):
        entities, base = data["entities"], "/entities"
    elif isinstance(data, list):
        entities, base = data, ""
    else:
        error("", "expected an availabletopics response: an object with an 'entities' list, or a list")
        raise SpecError(diagnostics)
    topics: dict[str, AvailableTopic] = {}
    for index, entity in enumerate(entities):
        pointer = f"{base}/{index}"
        if not isinstance(entity, dict):
            error(pointer, "a topic must be an object with an 'id'")
            continue
        pattern = entity.get("id")
        if not isinstance(pattern, str):
            error(f"{pointer}/id" if "id" in entity else pointer, "a topic needs a string 'id'")
            continue
        try:
            topic_parameters(pattern)
        except TopicPatternError as problem:
            error(f"{pointer}/id", str(problem))
            continue
        if pattern in topics:
            error(f"{pointer}/id", f"topic {pattern!r} is listed twice")
            continue
        schema = entity.get("schema")
        if schema is not None and not isinstance(schema, dict):
            error(f"{pointer}/schema", "a topic's 'schema' must be an object")
            continue
        description = entity.get("description")
        topics[pattern] = AvailableTopic(
            pattern=pattern,
            schema_names=schema_model_names(schema),
            description=description.strip() if isinstance(description, str) else "",
        )
    if diagnostics.has_errors:
        raise SpecError(diagnostics)
    return tuple(topics[p] for p in sorted(topics))
