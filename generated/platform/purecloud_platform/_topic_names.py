"""Notification topic names, and which model an availabletopics schema stands for.

A topic *pattern* is a topic id as ``GET /api/v2/notifications/availabletopics`` lists it,
``v2.users.{id}.presence``: dot-separated segments, where ``{name}`` stands for one id. A
topic *name* is a pattern with its ids filled in, ``v2.users.8c1f....presence``: what a
channel subscribes to and what every event's ``topicName`` carries.

:class:`NotificationTopic` fills a pattern in (checking every value, so a stray dot cannot silently
subscribe to another topic). :func:`parse_available_topics` turns an availabletopics
response into ``{pattern: model name}``, the mapping ``_topics.TopicModels`` decodes events
with; :func:`fetch_topic_models` does it once per client (and file cache) at run time.

This module is copied verbatim into every SDK and imported by the generator too (the rule
matching a topic's schema to a model is the same at generation and at run time), so it
imports nothing at module level but ``_lazy``.
"""

from __future__ import annotations

from ._lazy import lazy_import

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import Any

    from . import _models
else:
    _models = lazy_import("._models", globals())

__all__ = [
    "NotificationTopic",
    "TopicPatternError",
    "parse_available_topics",
    "schema_model_names",
    "store_topic_models",
    "cached_topic_models",
    "fetch_topic_models",
    "topic_parameters",
]

# Plain string checks rather than regular expressions: importing ``re`` (and ``enum``) would
# cost more than everything else ``import <sdk>.topics`` does.
_NAME_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
_NAME_CHARACTERS = _NAME_START | frozenset("0123456789")


def _is_value(text: str) -> bool:
    """One segment: not empty, no dot, brace or whitespace (a value, or a literal segment)."""
    return bool(text) and not any(c in ".{}" or c.isspace() for c in text)


def _is_placeholder(segment: str) -> bool:
    """``{name}`` with a name of letters, digits and ``_`` not starting with a digit."""
    name = segment[1:-1]
    return (
        len(segment) > 2
        and segment[0] == "{"
        and segment[-1] == "}"
        and name[0] in _NAME_START
        and all(c in _NAME_CHARACTERS for c in name)
    )


def _placeholders(segments: list[str]) -> tuple[str, ...]:
    return tuple(s[1:-1] for s in segments if s[:1] == "{")


class TopicPatternError(ValueError):
    """A topic pattern that is not ``segment.segment...`` with ``{name}`` placeholders."""


def topic_parameters(pattern: str) -> tuple[str, ...]:
    """The placeholders of ``pattern`` in order, repeats kept:
    ``v2.users.{id}.outbound.contactlists.{id}.export`` -> ``("id", "id")``."""
    _check_pattern(pattern)
    return _placeholders(_check_pattern(pattern))


def _check_pattern(pattern: str) -> list[str]:
    if not isinstance(pattern, str) or not pattern:
        raise TopicPatternError(f"a topic pattern must be a non-empty string, not {pattern!r}")
    segments = pattern.split(".")
    for segment in segments:
        if not (_is_value(segment) or _is_placeholder(segment)):
            raise TopicPatternError(
                f"topic pattern {pattern!r}: segment {segment!r} is neither a word nor a "
                "single {placeholder}"
            )
    return segments


class NotificationTopic(str):
    """A topic pattern (a ``str``: it goes wherever a pattern does, such as a channel's
    ``on(pattern, callback)``), filled in with :meth:`format`::

        NotificationTopic("v2.users.{id}.presence").format("8c1f...")        # positional, in order
        NotificationTopic("v2.users.{id}.presence").format(id="8c1f...")     # by name
        NotificationTopic("v2.users.{id}.outbound.contactlists.{id}.export").format(user_id, list_id)

    Unlike ``str.format``, each value must be one segment (no dot, brace or whitespace):
    ``ValueError`` otherwise, so a value cannot turn into another topic. ``model`` is the name
    of the model class its events decode into, when known.
    """

    model: str | None
    parameters: tuple[str, ...]
    _segments: list[str]

    def __new__(cls, pattern: str, model: str | None = None) -> NotificationTopic:
        segments = _check_pattern(pattern)
        topic = super().__new__(cls, pattern)
        topic._segments = segments
        topic.parameters = _placeholders(segments)
        topic.model = model
        return topic

    @property
    def pattern(self) -> str:
        return str.__str__(self)

    def format(self, *values: str, **named: str) -> str:  # type: ignore[override]
        """The topic name with the placeholders filled in (all positional, or all by name;
        by name only when no placeholder repeats)."""
        if values and named:
            raise TypeError(f"{self.pattern}: give the values by position or by name, not both")
        if named:
            if len(set(self.parameters)) != len(self.parameters):
                raise TypeError(f"{self.pattern}: placeholders repeat; give the values by position")
            unknown = sorted(set(named) - set(self.parameters))
            missing = [p for p in self.parameters if p not in named]
            if unknown or missing:
                problems = []
                if unknown:
                    problems.append(f"unknown placeholder(s) {', '.join(unknown)}")
                if missing:
                    problems.append(f"missing value(s) for {', '.join(missing)}")
                raise TypeError(f"{self.pattern}: " + "; ".join(problems))
            values = tuple(named[p] for p in self.parameters)
        if len(values) != len(self.parameters):
            raise TypeError(
                f"{self.pattern} takes {len(self.parameters)} value(s) "
                f"({', '.join(self.parameters) or 'none'}), got {len(values)}"
            )
        filled = iter(values)
        parts = []
        for segment in self._segments:
            if segment[0] == "{":
                value = next(filled)
                if not isinstance(value, str) or not _is_value(value):
                    raise ValueError(
                        f"{self.pattern}: {segment} must be one topic segment (no dot, brace or "
                        f"whitespace), got {value!r}"
                    )
                parts.append(value)
            else:
                parts.append(segment)
        return ".".join(parts)

    def match(self, topic_name: str) -> tuple[str, ...] | None:
        """The values of the placeholders if ``topic_name`` is this topic, else ``None``."""
        segments = topic_name.split(".")
        if len(segments) != len(self._segments):
            return None
        values = []
        for actual, expected in zip(segments, self._segments):
            if expected[0] == "{":
                if not actual:
                    return None
                values.append(actual)
            elif actual != expected:
                return None
        return tuple(values)

    def __repr__(self) -> str:
        model = f", model={self.model!r}" if self.model else ""
        return f"NotificationTopic({self.pattern!r}{model})"

    def __reduce__(self) -> tuple[object, ...]:
        return (NotificationTopic, (self.pattern, self.model))


# --- availabletopics ----------------------------------------------------------------------


def schema_model_names(schema: object) -> tuple[str, ...]:
    """The definition names an availabletopics ``schema`` may stand for, most specific first:
    its ``title``, the last ``:`` part of its ``id`` (``urn:jsonschema:...:PresenceEventUserPresence``)
    and, for a two-level id (``...:PresenceEvent:UserPresence``), the last two parts joined
    (the spec names a topic's definition ``<event><type>``). Empty when there is no schema."""
    if not isinstance(schema, dict):
        return ()
    names: list[str] = []
    title = schema.get("title")
    if isinstance(title, str) and title.strip():
        names.append(title.strip())
    identifier = schema.get("id") or schema.get("$id")
    if isinstance(identifier, str) and identifier.strip():
        parts = [p for p in identifier.strip().replace("#", ":").replace("/", ":").split(":") if p]
        if parts:
            names.append(parts[-1])
            if len(parts) >= 2:
                names.append(parts[-2] + parts[-1])
    return tuple(dict.fromkeys(names))


def parse_available_topics(
    response: Any, notification_models: Mapping[str, str]
) -> dict[str, str | None]:
    """``{pattern: model class name or None}`` from an availabletopics response.

    ``response`` is the response as JSON (``{"entities": [...]}`` or the list itself) or the
    SDK's ``AvailableTopicEntityListing``; ``notification_models`` maps the definition names
    that carry ``x-genesys-notification-schema`` to their class names (the generated
    ``topics.NOTIFICATION_MODELS``). A topic whose schema names none of them maps to
    ``None`` (its events stay dicts); entries without a usable ``id`` are skipped.
    """
    if not isinstance(response, (dict, list)):
        response = _models.to_wire(response)
    entities = response.get("entities") if isinstance(response, dict) else response
    result: dict[str, str | None] = {}
    for entity in entities or ():
        if not isinstance(entity, dict):
            continue
        pattern = entity.get("id")
        if not isinstance(pattern, str):
            continue
        try:
            _check_pattern(pattern)
        except TopicPatternError:
            continue
        model = next(
            (notification_models[n] for n in schema_model_names(entity.get("schema")) if n in notification_models),
            None,
        )
        result[pattern] = model
    return result


# --- fetched once at run time, cached -----------------------------------------------------

_CACHE_FORMAT = 1
_fetched: Any = None  # weakref.WeakKeyDictionary: client -> parsed map, for this process


def fetch_topic_models(
    fetch: Any,
    notification_models: Mapping[str, str],
    *,
    cache_key: object = None,
    cache_file: Any = None,
    max_age: float = 86400.0,
) -> dict[str, str | None]:
    """``{pattern: model name or None}`` from ``fetch()`` (a call returning an availabletopics
    response, e.g. ``NotificationsApi(client).get_notifications_availabletopics`` with
    ``expand=["schema"]`` bound), called at most once per ``cache_key`` (the client) in this
    process.

    ``cache_file`` (a path) keeps the parsed map between processes for ``max_age`` seconds:
    the response is large (every topic's JSON schema) and changes rarely. A cache file that
    cannot be read is ignored and rewritten; one that cannot be written is left alone.
    """
    parsed = cached_topic_models(cache_key, cache_file, max_age)
    if parsed is None:
        parsed = parse_available_topics(fetch(), notification_models)
        store_topic_models(cache_key, cache_file, parsed)
    return parsed


def cached_topic_models(cache_key: object, cache_file: Any, max_age: float) -> dict[str, str | None] | None:
    """The map fetched before for ``cache_key`` in this process, else the one in a fresh
    ``cache_file``, else ``None``."""
    if cache_key is not None and _fetched is not None:
        try:
            found = _fetched.get(cache_key)
        except TypeError:  # a key that cannot be weakly referenced is never stored
            found = None
        if found is not None:
            return found
    parsed = _read_cache(_expand(cache_file), max_age) if cache_file is not None else None
    if parsed is not None and cache_key is not None:
        _remember(cache_key, parsed)
    return parsed


def store_topic_models(cache_key: object, cache_file: Any, parsed: dict[str, str | None]) -> None:
    if cache_file is not None:
        _write_cache(_expand(cache_file), parsed)
    if cache_key is not None:
        _remember(cache_key, parsed)


def _remember(cache_key: object, parsed: dict[str, str | None]) -> None:
    global _fetched
    if _fetched is None:
        import weakref

        _fetched = weakref.WeakKeyDictionary()
    try:
        _fetched[cache_key] = parsed
    except TypeError:
        pass


def _expand(cache_file: Any) -> str:
    import os

    return os.path.expanduser(os.fspath(cache_file))


def _read_cache(cache_file: Any, max_age: float) -> dict[str, str | None] | None:
    import json
    import os
    import time

    try:
        if time.time() - os.stat(cache_file).st_mtime > max_age:
            return None
        with open(cache_file, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return None
    topics = data.get("topics") if isinstance(data, dict) and data.get("format") == _CACHE_FORMAT else None
    if not isinstance(topics, dict) or not all(
        isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in topics.items()
    ):
        return None
    return topics


def _write_cache(cache_file: Any, topics: dict[str, str | None]) -> None:
    import json
    import os
    import tempfile

    folder = os.path.dirname(os.path.abspath(cache_file))
    try:
        os.makedirs(folder, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".topics-", suffix=".json")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"format": _CACHE_FORMAT, "topics": topics}, out, sort_keys=True)
        os.replace(temporary, cache_file)  # readers never see half a file
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
