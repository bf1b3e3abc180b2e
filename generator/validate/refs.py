"""$ref checks: references that point nowhere or outside the file, and cycles of
$ref/allOf that never pass through a property, so no finite model can represent them."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote

from generator.diagnostics import escape_pointer_token
from generator.loader.line_index import unescape_pointer_token
from generator.validate.report import Reporter
from generator.validate.walk import Place, Structural, pointer_of


@dataclass(frozen=True, slots=True)
class Reference:
    place: Place | None  # of the object holding "$ref"
    target: str  # the "$ref" value as written

    @property
    def pointer(self) -> str:
        return pointer_of(self.place)


def iter_references(objects: Iterable[Structural]) -> Iterator[Reference]:
    """Every string "$ref" among the document's structural objects (walk.py), in order."""
    for node, place, is_name_map in objects:
        target = node.get("$ref")
        if isinstance(target, str) and not is_name_map:
            yield Reference(place, target)


class RefProblem(Exception):
    """Why a $ref cannot be followed (message for the user)."""


def resolve_local_ref(data: object, target: str) -> tuple[str, object]:
    """(JSON pointer, value) that a local "$ref" points to; RefProblem if it can't."""
    if not target.startswith("#"):
        raise RefProblem(
            f"$ref {target!r} points into another document; sdkgen supports only "
            "references within the spec (#/...)"
        )
    fragment = unquote(target[1:])
    if fragment and not fragment.startswith("/"):
        raise RefProblem(f"$ref {target!r} is not a JSON pointer (expected '#/...')")
    return follow_pointer(data, fragment, target)


def follow_pointer(data: object, pointer: str, target: str = "") -> tuple[str, object]:
    """(pointer, value) at a JSON pointer; RefProblem naming `target` if it leads nowhere."""
    node = data
    walked = ""
    for raw_token in pointer.split("/")[1:]:
        token = unescape_pointer_token(raw_token)
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise RefProblem(
                _nowhere_message(target or "#" + pointer, walked, token, node)
            )
        walked += "/" + raw_token
    return walked, node


def _nowhere_message(target: str, walked: str, token: str, node: object) -> str:
    where = walked or "the document root"
    message = f"$ref {target!r} points to nothing: {where} has no {token!r}"
    if isinstance(node, dict):
        close = difflib.get_close_matches(token, [str(key) for key in node], n=1)
        if close:
            message += f" (did you mean {close[0]!r}?)"
    return message


def check_references(
    data: object, report: Reporter, objects: Iterable[Structural]
) -> None:
    """Dangling and external $refs, then unrepresentable cycles (``objects``: the
    document's :func:`~generator.validate.walk.iter_structure`)."""
    resolvable: dict[str, str] = {}  # target as written -> pointer it resolves to
    for reference in iter_references(objects):
        if reference.target in resolvable:
            continue
        try:
            resolvable[reference.target] = resolve_local_ref(data, reference.target)[0]
        except RefProblem as problem:
            code = (
                "external-ref"
                if not reference.target.startswith("#")
                else "dangling-ref"
            )
            report.error(code, str(problem), reference.pointer)
    _check_cycles(data, resolvable, report)


def _structural_targets(schema: object, data: object) -> Iterator[str]:
    """Pointers a schema *is* (its $ref) or *extends* (allOf members), recursively
    through inline allOf members: the edges along which a model cannot bottom out."""
    if not isinstance(schema, dict):
        return
    target = schema.get("$ref")
    if isinstance(target, str):
        try:
            yield resolve_local_ref(data, target)[0]
        except RefProblem:
            pass  # already reported as dangling
    members = schema.get("allOf")
    if isinstance(members, list):
        for member in members:
            yield from _structural_targets(member, data)


def _check_cycles(data: object, resolvable: dict[str, str], report: Reporter) -> None:
    definitions = data.get("definitions") if isinstance(data, dict) else None
    starts = set(resolvable.values())
    if isinstance(definitions, dict):
        starts.update(
            f"/definitions/{escape_pointer_token(name)}" for name in definitions
        )

    edges: dict[str, list[str]] = {}

    def targets_of(pointer: str) -> list[str]:
        if pointer not in edges:
            _, schema = follow_pointer(data, pointer)
            edges[pointer] = list(dict.fromkeys(_structural_targets(schema, data)))
        return edges[pointer]

    finished: set[str] = set()
    reported: set[frozenset[str]] = set()
    for start in sorted(starts):
        if start in finished:
            continue
        # Iterative depth-first search; `path` holds the chain being followed.
        path: list[str] = [start]
        on_path = {start}
        iterators = [iter(targets_of(start))]
        while iterators:
            following = next(iterators[-1], None)
            if following is None:
                done = path.pop()
                finished.add(done)
                on_path.discard(done)
                iterators.pop()
            elif following in on_path:
                cycle = path[path.index(following) :]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    _report_cycle(cycle, report)
            elif following not in finished:
                path.append(following)
                on_path.add(following)
                iterators.append(iter(targets_of(following)))


def _report_cycle(cycle: list[str], report: Reporter) -> None:
    first = cycle.index(min(cycle))
    ordered = cycle[first:] + cycle[:first]
    chain = " -> ".join("#" + pointer for pointer in [*ordered, ordered[0]])
    report.error(
        "cyclic-ref",
        f"cyclic schema: {chain} refers back to itself through $ref/allOf only "
        "(never through properties, items or additionalProperties), so it has no "
        "finite shape",
        ordered[0],
    )
