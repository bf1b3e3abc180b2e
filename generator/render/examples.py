"""Usage examples built from real operations of the spec, for the README and API docs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..surface import NamedType
from .views import ApiModuleView, OperationView, ParamView, example_value


@dataclass(frozen=True, slots=True)
class Example:
    api_module: ApiModuleView
    operation: OperationView
    code: str


def _model_classes_in(params: tuple[ParamView, ...]) -> list[str]:
    names = []
    for p in params:
        annotation = p.annotation
        while annotation.startswith("list["):
            annotation = annotation[5:-1]
        if annotation.isidentifier() and annotation[:1].isupper() and annotation not in ("Any",):
            names.append(annotation)
    return sorted(set(names))


def operation_example(package: str, api_module: ApiModuleView, op: OperationView) -> str:
    """A complete snippet calling ``op`` with placeholder values for its required arguments."""
    required = op.required_params
    lines = [f"import {package}"]
    annotations = " ".join(p.annotation for p in required)
    if "datetime" in annotations or "date" in annotations:
        lines.insert(0, "from datetime import date, datetime, timezone\n")
    models = _model_classes_in(required)
    if models:
        lines.append(f"from {package}.models import {', '.join(models)}")
    lines += ["", f"api = {package}.{api_module.class_name}()"]
    call = f"api.{op.example_call}"
    if op.return_annotation == "None":
        lines.append(call)
    else:
        lines += [f"result = {call}", "print(result)"]
    return "\n".join(lines)


def api_examples(package: str, api_module: ApiModuleView) -> dict[str, str]:
    return {op.python_name: operation_example(package, api_module, op) for op in api_module.operations}


def _candidates(api_modules: tuple[ApiModuleView, ...], accept) -> list[tuple[ApiModuleView, OperationView]]:
    found = [(m, op) for m in api_modules for op in m.operations if not op.deprecated and accept(op)]
    return sorted(found, key=lambda pair: (len(pair[1].path), pair[1].python_name, pair[0].class_name))


def _returns_model(op: OperationView) -> bool:
    annotation = op.return_annotation
    return annotation.isidentifier() and annotation[:1].isupper() and annotation != "None"


def _is_simple_get(op: OperationView) -> bool:
    required = op.required_params
    return (
        op.http_method == "GET"
        and _returns_model(op)
        and len(required) == 1
        and all(p.location == "path" and p.annotation == "str" for p in required)
    )


def _is_post_with_model_body(op: OperationView) -> bool:
    required = op.required_params
    return (
        op.http_method == "POST"
        and len(required) == 1
        and required[0].location == "body"
        and required[0].annotation.isidentifier()
        and required[0].annotation[:1].isupper()
    )


@dataclass(frozen=True, slots=True)
class PagingExample:
    api_module: ApiModuleView
    operation: OperationView
    page_size: str  # python names of the parameters and response attributes
    page_number: str
    entities: str
    page_count: str


def _paging_example(api_modules: tuple[ApiModuleView, ...], models: Mapping[str, NamedType]) -> PagingExample | None:
    by_class = {m.name: m for m in models.values() if m.kind == "class"}

    def accept(op: OperationView) -> bool:
        return op.http_method == "GET" and not op.required_params and _returns_model(op)

    for api_module, op in _candidates(api_modules, accept):
        wire_params = {p.wire_name: p.python_name for p in op.optional_params}
        model = by_class.get(op.return_annotation)
        if model is None or "pageSize" not in wire_params or "pageNumber" not in wire_params:
            continue
        attributes = {p.wire_name: p.python_name for p in model.fields}
        if "entities" in attributes and "pageCount" in attributes:
            return PagingExample(api_module, op, wire_params["pageSize"], wire_params["pageNumber"],
                                 attributes["entities"], attributes["pageCount"])
    return None


@dataclass(frozen=True, slots=True)
class ReadmeExamples:
    get: Example | None
    post: Example | None
    paging: PagingExample | None
    post_body_class: str | None
    post_body: str | None  # constructor call setting the body's required properties
    post_body_classes: tuple[str, ...]  # the model classes post_body names
    session: SessionExample | None  # api_key SDKs: the unauthenticated call returning a JWT


@dataclass(frozen=True, slots=True)
class SessionExample:
    api_module: ApiModuleView
    operation: OperationView
    call: str  # ``post_x(Body(...))``
    model_classes: tuple[str, ...]  # to import
    token_attribute: str  # python name of the response's ``jwt`` property


def _session_example(api_modules: tuple[ApiModuleView, ...], models: Mapping[str, NamedType]) -> SessionExample | None:
    """An operation without security whose response carries a ``jwt``: it opens the session
    (Guest Chat's ``post_webchat_guest_conversations``)."""
    by_class = {m.name: m for m in models.values() if m.kind == "class"}
    for api_module, op in _candidates(api_modules, lambda op: not op.auth and _returns_model(op)):
        model = by_class.get(op.return_annotation)
        token = next((p.python_name for p in model.fields if p.wire_name == "jwt"), None) if model else None
        if token is None:
            continue
        arguments, classes = [], set()
        for param in op.required_params:
            if param.location == "body" and param.annotation.isidentifier():
                code, used = body_example(param.annotation, models)
                arguments.append(code)
                classes.update(used)
            else:
                arguments.append(example_value(param))
        call = f"{op.python_name}({', '.join(arguments)})"
        return SessionExample(api_module, op, call, tuple(sorted(classes)), token)
    return None


def body_example(class_name: str, models: Mapping[str, NamedType], indent: int = 0) -> tuple[str, tuple[str, ...]]:
    """``CreateUser(name="name_example", email="email_example")`` and the model classes it
    names: the required properties with placeholder values (nested models empty); when
    the spec marks none required (the Platform spec never does), the first two writable
    string properties, so the example shows keywords."""
    model = next((m for m in models.values() if m.kind == "class" and m.name == class_name), None)
    if model is None:
        return f"{class_name}()", (class_name,)
    writable = [p for p in model.fields if not p.read_only]
    chosen = [p for p in writable if p.required]
    if not chosen:
        chosen = [p for p in writable if p.type.text == "str"][:2]
    arguments = []
    classes = {class_name}
    for prop in chosen:
        annotation = prop.type.text
        value = example_value(ParamView(prop.python_name, prop.wire_name, annotation, True, "body", None, ""))
        if value.endswith("()") and value[:-2].isidentifier():
            classes.add(value[:-2])
        if value != "...":
            arguments.append(f"{prop.python_name}={value}")
    one_line = f"{class_name}({', '.join(arguments)})"
    if len(one_line) + indent <= 80:
        return one_line, tuple(sorted(classes))
    pad = " " * (indent + 4)
    return f"{class_name}(\n" + "".join(f"{pad}{a},\n" for a in arguments) + " " * indent + ")", tuple(sorted(classes))


def readme_examples(package: str, api_modules: tuple[ApiModuleView, ...], models: Mapping[str, NamedType]) -> ReadmeExamples:
    get = next(iter(_candidates(api_modules, _is_simple_get)), None)
    post = next(iter(_candidates(api_modules, _is_post_with_model_body)), None)
    post_body = body_example(post[1].required_params[0].annotation, models) if post else None
    return ReadmeExamples(
        get=Example(get[0], get[1], operation_example(package, *get)) if get else None,
        post=Example(post[0], post[1], operation_example(package, *post)) if post else None,
        paging=_paging_example(api_modules, models),
        post_body_class=post[1].required_params[0].annotation if post else None,
        post_body=post_body[0] if post_body else None,
        post_body_classes=post_body[1] if post_body else (),
        session=_session_example(api_modules, models),
    )


__all__ = [
    "Example",
    "PagingExample",
    "ReadmeExamples",
    "RuntimeDocExamples",
    "api_examples",
    "example_value",
    "readme_examples",
    "runtime_doc_examples",
]


# ---------------------------------------------------------------------------------------------
# docs/runtime.md, rendered into every README: its examples name this SDK's own classes


@dataclass(frozen=True, slots=True)
class RuntimePaging:
    api: str  # API class
    async_api: str
    method: str  # a listing method iter_entities can walk
    args: str  # its required arguments with a trailing ", " ("" if none)


@dataclass(frozen=True, slots=True)
class RuntimeBody:
    class_name: str
    fields: tuple[tuple[str, str], ...]  # (python attribute, example value) to assign


@dataclass(frozen=True, slots=True)
class RuntimeDocExamples:
    """What docs/runtime.md needs from the spec; every field may be missing in some SDK."""

    oauth2: bool  # the spec has an OAuth scheme: the grants, client id/secret examples
    jwt: bool  # a header key/JWT scheme (Guest Chat): set_jwt, the session flow
    api: str | None  # an API class, the one of ``call``
    async_api: str | None
    call: str | None  # a GET returning a model: ``get_users_me()``
    call_with_options: str | None  # the same call with ``request_options=options``
    paging: RuntimePaging | None
    body: RuntimeBody | None
    session: SessionExample | None  # jwt SDKs: the unauthenticated call returning the JWT

    def context(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in self.__slots__}


def _call_with(op: OperationView, extra: str) -> str:
    arguments = [example_value(p) for p in op.required_params] + [extra]
    return f"{op.python_name}({', '.join(arguments)})"


def _runtime_call(api_modules: tuple[ApiModuleView, ...]) -> tuple[ApiModuleView, OperationView] | None:
    """A GET returning a model: without arguments if there is one (``/me`` first), else with
    string path arguments only."""
    no_arguments = _candidates(
        api_modules, lambda op: op.http_method == "GET" and not op.required_params and _returns_model(op)
    )
    no_arguments.sort(key=lambda pair: not pair[1].path.endswith("/me"))  # stable: keeps the order otherwise
    if no_arguments:
        return no_arguments[0]
    return next(iter(_candidates(api_modules, _is_simple_get)), None)


def _runtime_paging(api_modules: tuple[ApiModuleView, ...], models: Mapping[str, NamedType]) -> RuntimePaging | None:
    """A listing (``entities`` and a page size) with at most string path arguments."""
    by_class = {m.name: m for m in models.values() if m.kind == "class"}

    def accept(op: OperationView) -> bool:
        return (
            op.http_method == "GET"
            and _returns_model(op)
            and all(p.location == "path" and p.annotation == "str" for p in op.required_params)
            and any(p.wire_name == "pageSize" for p in op.optional_params)
        )

    candidates = _candidates(api_modules, accept)
    candidates.sort(key=lambda pair: len(pair[1].required_params))  # stable
    for api_module, op in candidates:
        model = by_class.get(op.return_annotation)
        if model is None or not any(p.wire_name == "entities" for p in model.fields):
            continue
        args = "".join(f"{example_value(p)}, " for p in op.required_params)
        return RuntimePaging(api_module.class_name, api_module.async_class_name, op.python_name, args)
    return None


def _runtime_body(class_name: str | None, models: Mapping[str, NamedType]) -> RuntimeBody | None:
    model = next((m for m in models.values() if m.kind == "class" and m.name == class_name), None) if class_name else None
    if model is None:
        return None
    strings = [
        p
        for p in model.fields
        if not p.read_only and p.wire_name not in ("id", "selfUri") and p.type.text == "str"
    ]
    strings.sort(key=lambda p: not p.required)  # stable: required ones first
    fields = tuple((p.python_name, f'"{p.python_name}_example"') for p in strings[:2])
    return RuntimeBody(model.name, fields)


def runtime_doc_examples(
    api_modules: tuple[ApiModuleView, ...],
    models: Mapping[str, NamedType],
    scheme_types: set[str],
    readme: ReadmeExamples,
) -> RuntimeDocExamples:
    call = _runtime_call(api_modules)
    api_module = call[0] if call else (api_modules[0] if api_modules else None)
    return RuntimeDocExamples(
        oauth2="oauth2" in scheme_types,
        jwt="oauth2" not in scheme_types and "apiKey" in scheme_types,
        api=api_module.class_name if api_module else None,
        async_api=api_module.async_class_name if api_module else None,
        call=call[1].example_call if call else None,
        call_with_options=_call_with(call[1], "request_options=options") if call else None,
        paging=_runtime_paging(api_modules, models),
        body=_runtime_body(readme.post_body_class, models),
        session=readme.session,
    )
