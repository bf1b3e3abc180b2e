"""Usage examples built from real operations of the spec, for the README and API docs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..ir.model import Model
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


def _paging_example(api_modules: tuple[ApiModuleView, ...], models: Mapping[str, Model]) -> PagingExample | None:
    by_class = {m.class_name: m for m in models.values()}

    def accept(op: OperationView) -> bool:
        return op.http_method == "GET" and not op.required_params and _returns_model(op)

    for api_module, op in _candidates(api_modules, accept):
        wire_params = {p.wire_name: p.python_name for p in op.optional_params}
        model = by_class.get(op.return_annotation)
        if model is None or "pageSize" not in wire_params or "pageNumber" not in wire_params:
            continue
        attributes = {p.wire_name: p.python_name for p in model.properties}
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


def readme_examples(package: str, api_modules: tuple[ApiModuleView, ...], models: Mapping[str, Model]) -> ReadmeExamples:
    get = next(iter(_candidates(api_modules, _is_simple_get)), None)
    post = next(iter(_candidates(api_modules, _is_post_with_model_body)), None)
    return ReadmeExamples(
        get=Example(get[0], get[1], operation_example(package, *get)) if get else None,
        post=Example(post[0], post[1], operation_example(package, *post)) if post else None,
        paging=_paging_example(api_modules, models),
        post_body_class=post[1].required_params[0].annotation if post else None,
    )


__all__ = ["Example", "PagingExample", "ReadmeExamples", "api_examples", "example_value", "readme_examples"]
