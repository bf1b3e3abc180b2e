"""Runtime features that exist only in some SDKs, decided from the IR.

- **notification topics**: ``<pkg>/topics.py`` (rendered: topic helpers, the topic -> model
  map, the notification-schema models) when the spec has models marked
  ``x-genesys-notification-schema`` or the target gives an availabletopics file.
- **guest chat**: ``<pkg>/guest_chat.py`` (runtime, copied) and ``<pkg>/_guest_chat_api.py``
  (rendered: which API class and models it uses) when the spec has the web chat guest
  operations. Other SDKs do not get the module at all, so nothing in them can import it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ir.model import Api, Operation
from ..naming import topic_function_names, topic_parameter_names
from . import text
from .settings import RenderSettings

# operationId -> what GuestChatSession calls it for
GUEST_CHAT_OPERATIONS = {
    "postWebchatGuestConversations": "start",
    "postWebchatGuestConversationMemberMessages": "send",
    "postWebchatGuestConversationMemberTyping": "typing",
}
# used when present: the messages missed while the stream was down are fetched after a reconnect
GUEST_CHAT_OPTIONAL_OPERATIONS = {"getWebchatGuestConversationMessages": "history"}
GUEST_CHAT_MODELS = {  # what the event stream's bodies decode into, and the request bodies
    "message": "WebChatMessage",
    "typing": "WebChatTyping",
    "member": "WebChatMemberInfo",
    "start_request": "CreateWebChatConversationRequest",
    "message_request": "CreateWebChatMessageRequest",
}
# runtime modules copied only into SDKs that have the feature
FEATURE_RUNTIME_MODULES = {"guest_chat": ("guest_chat.py", "_guest_chat_core.py")}
AVAILABLE_TOPICS_OPERATION = "getNotificationsAvailabletopics"


@dataclass(frozen=True, slots=True)
class TopicView:
    pattern: str
    function_name: str
    constant_name: str
    parameters: tuple[str, ...]  # python names, in placeholder order
    model: str | None  # model class name
    docstring: str


@dataclass(frozen=True, slots=True)
class TopicsModuleView:
    topics: tuple[TopicView, ...]
    notification_models: tuple[tuple[str, str], ...]  # (definition name, class name), sorted
    fetch_api_module: str | None  # module of the API class with the availabletopics operation
    fetch_api_class: str | None
    fetch_async_api_class: str | None
    fetch_method: str | None
    fetch_path: str | None  # the availabletopics operation, for an untyped call
    fetch_auth: tuple[str, ...]
    fetch_produces: tuple[str, ...]
    fetch_query: tuple[tuple[str, str, str | None], ...]  # (wire name, value literal, collection format)


def topics_module(api: Api, settings: RenderSettings) -> TopicsModuleView | None:
    """What ``<pkg>/topics.py`` holds, or ``None`` when the SDK has no notification topics."""
    notification_models = {
        m.name: m.class_name for m in api.models if m.is_notification_schema and m.kind == "object"
    }
    if not notification_models and not settings.notification_topics:
        return None
    names = topic_function_names(t.pattern for t in settings.notification_topics)
    views = []
    for topic in settings.notification_topics:
        model = next((notification_models[n] for n in topic.schema_names if n in notification_models), None)
        name = names[topic.pattern]
        lines = [f"``{topic.pattern}``" + (f": {topic.description}" if topic.description else "")]
        lines.append(
            f"Its events decode into :class:`~{settings.package}.models.{model}`."
            if model
            else "Its events stay dicts (no model of this SDK matches the topic's schema)."
        )
        views.append(TopicView(topic.pattern, name, name.upper(), topic_parameter_names(topic.pattern), model,
                               text.docstring(lines, 4)))
    fetch = _operation_module(api, AVAILABLE_TOPICS_OPERATION)
    operation = next((op for op in api.operations if op.operation_id == AVAILABLE_TOPICS_OPERATION), None)
    wanted = {"expand": '["schema"]', "includePreview": "True"}
    query = tuple(
        (p.wire_name, wanted[p.wire_name], p.collection_format)
        for p in (operation.parameters if operation else ())
        if p.wire_name in wanted and p.location == "query"
    )
    return TopicsModuleView(
        topics=tuple(views),
        notification_models=tuple(sorted(notification_models.items())),
        fetch_api_module=fetch[0] if fetch else None,
        fetch_api_class=fetch[1] if fetch else None,
        fetch_async_api_class=fetch[2] if fetch else None,
        fetch_method=fetch[3] if fetch else None,
        fetch_path=operation.path if operation and fetch else None,
        fetch_auth=operation.security if operation else (),
        fetch_produces=operation.produces if operation else (),
        fetch_query=query,
    )


def _operation_module(api: Api, operation_id: str) -> tuple[str, str, str, str] | None:
    """(API module, class, async class, method) of the operation, first tag's class."""
    operation = next((op for op in api.operations if op.operation_id == operation_id), None)
    if operation is None:
        return None
    group = next((g for g in api.groups if any(o is operation for o in g.operations)), None)
    if group is None:
        return None
    return group.module_name, group.class_name, f"Async{group.class_name}", operation.python_name


@dataclass(frozen=True, slots=True)
class GuestChatView:
    api_module: str
    api_class: str
    async_api_class: str
    methods: tuple[tuple[str, str], ...]  # (role, python method name)
    models: tuple[tuple[str, str], ...]  # (role, class name)


def guest_chat(api: Api) -> GuestChatView | None:
    """The web chat guest operations GuestChatSession needs, or ``None`` if any is missing."""
    operations: dict[str, Operation] = {
        op.operation_id: op for op in api.operations if op.operation_id in GUEST_CHAT_OPERATIONS
    }
    if len(operations) != len(GUEST_CHAT_OPERATIONS):
        return None
    optional = {
        op.operation_id: op
        for op in api.operations
        if op.operation_id in GUEST_CHAT_OPTIONAL_OPERATIONS and _operation_module(api, op.operation_id)
    }
    classes = {m.name: m.class_name for m in api.models if m.kind == "object"}
    if any(name not in classes for name in GUEST_CHAT_MODELS.values()):
        return None
    located = [_operation_module(api, op_id) for op_id in GUEST_CHAT_OPERATIONS]
    if any(place is None for place in located) or len({place[1] for place in located}) != 1:
        return None  # the session takes one API class
    module, class_name, async_class_name, _ = located[0]
    return GuestChatView(
        api_module=module,
        api_class=class_name,
        async_api_class=async_class_name,
        methods=tuple((role, operations[op_id].python_name) for op_id, role in GUEST_CHAT_OPERATIONS.items())
        + tuple(
            (role, optional[op_id].python_name)
            for op_id, role in GUEST_CHAT_OPTIONAL_OPERATIONS.items()
            if op_id in optional and _operation_module(api, op_id)[1] == class_name
        ),
        models=tuple((role, classes[name]) for role, name in GUEST_CHAT_MODELS.items()),
    )


def features(api: Api, settings: RenderSettings) -> frozenset[str]:
    """The optional features this SDK has (keys of ``runtime/_public.FEATURE_NAMES``)."""
    found = set()
    if topics_module(api, settings) is not None:
        found.add("notification_topics")
    if guest_chat(api) is not None:
        found.add("guest_chat")
    return frozenset(found)


__all__ = ["FEATURE_RUNTIME_MODULES", "GuestChatView", "TopicsModuleView", "features", "guest_chat",
           "topics_module"]
