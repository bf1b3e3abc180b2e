"""Topic patterns, and which model a topic's event body is.

A pattern is a topic name whose segments (split on ``.``) may be placeholders: ``{id}`` (or
``*``) matches exactly one segment, anything else matches itself. ``v2.users.{id}.presence``
matches ``v2.users.7f3c....presence`` and nothing longer or shorter.

``TopicModels`` maps patterns to model type names (``"PresenceEventUserPresence"``), resolved
lazily through ``_models.resolve_type`` so that building the mapping imports no model. Each
SDK generates one from the API's availabletopics response (``<sdk>._topic_map.TOPIC_MODELS``,
a ``dict[str, str]`` written by sdkgen at generation time); a notification channel uses that
one unless it is given another::

    models = TopicModels({"v2.users.{id}.presence": "PresenceEventUserPresence"})
    models.type_for("v2.users.42.presence")        # "PresenceEventUserPresence"
    data, error = models.decode("v2.users.42.presence", b'{"presenceDefinition": ...}')

``decode`` never raises: an unknown topic gives the body as plain JSON (dicts and lists), a
body that does not fit its model gives the plain JSON and the reason in ``error``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ._lazy import lazy_import

if TYPE_CHECKING:
    import msgspec

    from . import _models
else:
    msgspec = lazy_import("msgspec", globals())
    _models = lazy_import("._models", globals())

_CACHE_LIMIT = 4096


def _is_placeholder(segment: str) -> bool:
    return segment == "*" or (segment.startswith("{") and segment.endswith("}"))


class TopicPatterns:
    """Finds the value registered for the first pattern matching a topic (literal topics
    first, then patterns in registration order); results cached per topic."""

    __slots__ = ("_all", "_cache", "_exact", "_patterns")

    def __init__(self, entries: Iterable[tuple[str, Any]] = ()) -> None:
        self._exact: dict[str, Any] = {}
        self._patterns: dict[int, list[tuple[tuple[str | None, ...], Any]]] = {}
        self._cache: dict[str, Any] = {}
        self._all: list[tuple[tuple[str | None, ...], Any]] = []
        for pattern, value in entries:
            self.add(pattern, value)

    def add(self, pattern: str, value: Any) -> None:
        segments = pattern.split(".")
        shape = tuple(None if _is_placeholder(s) else s for s in segments)
        self._all.append((shape, value))
        if not any(_is_placeholder(s) for s in segments):
            self._exact.setdefault(pattern, value)
        else:
            self._patterns.setdefault(len(shape), []).append((shape, value))
        self._cache.clear()

    def lookup(self, topic: str, default: Any = None) -> Any:
        try:
            return self._cache[topic]
        except KeyError:
            pass
        value = self._exact.get(topic, _MISSING)
        if value is _MISSING:
            value = default
            segments = topic.split(".")
            for shape, candidate in self._patterns.get(len(segments), ()):
                if all(s is None or s == t for s, t in zip(shape, segments)):
                    value = candidate
                    break
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[topic] = value
        return value

    def all_matches(self, topic: str) -> list[Any]:
        """Every value whose pattern matches ``topic``, in registration order (callbacks:
        all of them run)."""
        segments = topic.split(".")
        return [
            value
            for shape, value in self._all
            if len(shape) == len(segments)
            and all(s is None or s == t for s, t in zip(shape, segments))
        ]

    def __len__(self) -> int:
        return len(self._exact) + sum(len(v) for v in self._patterns.values())


_MISSING: Any = object()


def topic_matches(pattern: str, topic: str) -> bool:
    """Whether ``topic`` matches ``pattern`` (``{x}`` and ``*`` match one segment)."""
    return bool(TopicPatterns([(pattern, True)]).lookup(topic, False))


class TopicModels:
    """Topic pattern -> model type name, for decoding event bodies (see the module doc)."""

    __slots__ = ("_decoders", "_patterns", "mapping")

    def __init__(self, mapping: Mapping[str, str] | None = None) -> None:
        self.mapping: dict[str, str] = dict(mapping or {})
        self._patterns = TopicPatterns(self.mapping.items())
        # type name -> its msgspec decoder (from _models' cache)
        self._decoders: dict[str, Any] = {}

    def type_for(self, topic: str) -> str | None:
        """The model type name of ``topic``'s events, or None when no pattern knows it."""
        type_name: str | None = self._patterns.lookup(topic)
        return type_name

    def decode(self, topic: str, body: bytes | str) -> tuple[Any, str | None]:
        """``(data, error)``: the typed model, or the plain JSON when the topic is unknown
        (error None) or the body does not fit its model (error says why). Never raises.
        """
        type_name = self._patterns.lookup(topic)
        reason = None
        if type_name is not None:
            try:
                decoder = self._decoders.get(type_name)
                if decoder is None:
                    decoder = self._decoders[type_name] = _models._decoder(type_name)
                return decoder.decode(body), None
            except Exception as error:  # noqa: BLE001 (msgspec and LookupError alike)
                reason = f"{topic}: not a valid {type_name}: {error}"
        try:
            return msgspec.json.decode(body), reason
        except Exception as error:  # noqa: BLE001
            return None, reason or f"{topic}: the event body is not JSON: {error}"

    def __len__(self) -> int:
        return len(self.mapping)

    def __repr__(self) -> str:
        return f"TopicModels({len(self.mapping)} patterns)"


_default: TopicModels | None = None


def default_topic_models() -> TopicModels:
    """The SDK's own mapping (``_topic_map.TOPIC_MODELS``, generated), or an empty one; built
    once per process and shared (it is read-only apart from its caches)."""
    global _default
    if _default is None:
        try:  # generated per SDK; by name, so checkers do not look for it statically
            _topic_map = importlib.import_module("._topic_map", __package__)
        except ImportError:
            _default = TopicModels()
        else:
            _default = TopicModels(getattr(_topic_map, "TOPIC_MODELS", {}))
    return _default
