"""Narrow an Api to the operations a target wants, keeping only the models they reach."""

from __future__ import annotations

from dataclasses import replace
from fnmatch import fnmatchcase

from .model import Api, Operation, TypeRef


def _keep(op: Operation, include_tags, exclude_tags, include_paths, exclude_paths) -> bool:
    if include_tags and not set(op.tags) & set(include_tags):
        return False
    if exclude_tags and set(op.tags) <= set(exclude_tags):
        return False
    if include_paths and not any(fnmatchcase(op.path, p) for p in include_paths):
        return False
    if exclude_paths and any(fnmatchcase(op.path, p) for p in exclude_paths):
        return False
    return True


def _discriminated_children(api: Api) -> dict[str, list[str]]:
    """Model -> the models that name it as an ``allOf`` parent in a discriminated hierarchy:
    a value declared as the parent may arrive as any of them."""
    children: dict[str, list[str]] = {}
    for model in api.models:
        lineage = (model.name, *model.parents)
        if not any(api.models_by_name[n].discriminator for n in lineage if n in api.models_by_name):
            continue
        for parent in model.parents:
            children.setdefault(parent, []).append(model.name)
    return children


def reachable_models(api: Api, roots: set[str]) -> set[str]:
    """Every model reachable from ``roots`` through properties, parents, aliases and
    discriminated subtypes."""
    children = _discriminated_children(api)
    seen: set[str] = set()
    stack = [name for name in roots if name in api.models_by_name]
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        model = api.models_by_name[name]
        stack.extend(d for d in (*model.dependencies, *model.parents, *children.get(name, ()))
                     if d in api.models_by_name and d not in seen)
    return seen


def _types_of(op: Operation) -> list[TypeRef]:
    return [p.type for p in op.parameters] + [r.type for r in op.responses if r.type is not None]


def filter_api(api: Api, include_tags=(), exclude_tags=(), include_paths=(), exclude_paths=()) -> Api:
    """The sub-API of the operations that pass the filters. Tags removed by
    ``exclude_tags`` also disappear from operations that keep other tags."""
    if not (include_tags or exclude_tags or include_paths or exclude_paths):
        return api
    kept = [op for op in api.operations if _keep(op, include_tags, exclude_tags, include_paths, exclude_paths)]
    kept_ids = {op.pointer for op in kept}
    roots = {m for op in kept for t in _types_of(op) for m in t.referenced_models()}
    models = reachable_models(api, roots)
    wanted_tags = lambda tags: tuple(t for t in tags if t not in exclude_tags and (not include_tags or t in include_tags))  # noqa: E731
    groups = []
    for group in api.groups:
        if group.tag not in wanted_tags((group.tag,)):
            continue
        ops = tuple(op for op in group.operations if op.pointer in kept_ids)
        if ops:
            groups.append(replace(group, operations=ops))
    paths = tuple(
        replace(item, operations=tuple(op for op in item.operations if op.pointer in kept_ids))
        for item in api.paths if any(op.pointer in kept_ids for op in item.operations))
    kept_models = tuple(m for m in api.models if m.name in models)
    return replace(api, paths=paths, operations=tuple(kept), models=kept_models, groups=tuple(groups),
                   models_by_name={m.name: m for m in kept_models})
