"""How a diff words what it found: shortened before/after excerpts and the one-line summary."""

from __future__ import annotations

from .changes import LEVELS_HIGH_FIRST, DiffResult, Level

# Enough of the text around a change to recognise it, short enough for one bullet.
_CONTEXT = 20
_EXCERPT = 70


def _excerpt(text: str, start: int, end: int) -> str:
    """``text[start:end]`` widened by some context, cut at both ends with an ellipsis."""
    left = max(0, start - _CONTEXT)
    right = min(len(text), end + _CONTEXT)
    middle = text[left:right]
    if len(middle) > _EXCERPT:
        half = (_EXCERPT - 1) // 2
        middle = middle[:half] + "…" + middle[-half:]
    return ("…" if left > 0 else "") + middle + ("…" if right < len(text) else "")


def text_change(old: object, new: object, quoted: bool = True) -> str:
    """``"…the user's name…" -> "…the user's full name…"``: the part that differs, in context.

    The common beginning and end of both texts are dropped (keeping a little context), so a
    one-word edit in a long description stays readable in one bullet. ``quoted=False`` for
    texts that carry their own quotes (JSON examples)."""
    if (
        old is None
        or new is None
        or not isinstance(old, str)
        or not isinstance(new, str)
    ):
        return f"{_shown(old)} -> {_shown(new)}"
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while (
        suffix < limit - prefix
        and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]
    ):
        suffix += 1
    before = _excerpt(old, prefix, len(old) - suffix)
    after = _excerpt(new, prefix, len(new) - suffix)
    mark = '"' if quoted else ""
    return f"{mark}{before}{mark} -> {mark}{after}{mark}"


def _shown(value: object) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, str):
        return f'"{_excerpt(value, 0, len(value))}"' if value else '""'
    return _excerpt(repr(value), 0, len(repr(value)))


def level_name(policy: str, level: Level) -> str:
    """Genesys calls the lowest level "point"; our own policy says "patch"."""
    if policy == "genesys" and level is Level.PATCH:
        return "point"
    return level.value


def summary_line(result: DiffResult) -> str:
    """``v2 (old.json) -> v2 (new.json): major (3 major, 1 minor, 0 patch)``."""
    counts = result.counts
    per_level = ", ".join(
        f"{counts[level.value]} {level_name(result.policy, level)}"
        for level in LEVELS_HIGH_FIRST
    )
    bump = result.bump
    decided = (
        "no change"
        if bump == "none"
        else f"{level_name(result.policy, Level(bump))} release"
    )
    return (
        f"{_version(result.old_api_version, result.old_source)} -> "
        f"{_version(result.new_api_version, result.new_source)}: {decided} ({per_level})"
    )


def _version(api_version: str, source: str) -> str:
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    return f"{api_version or '(no version)'} ({name})" if name else api_version


def different_api_warnings(old, new) -> list[str]:
    """Signs that ``old`` and ``new`` (IR ``Api``) are two different APIs, not two versions
    of one: another title or base path, or hardly any operation in common."""
    warnings = []
    if old.title != new.title:
        warnings.append(
            f"the specs have different titles ({old.title!r} and {new.title!r}): "
            "are they versions of the same API?"
        )
    if (old.base_path or "/") != (new.base_path or "/"):
        warnings.append(
            f"the specs have different base paths ({old.base_path or '/'} and "
            f"{new.base_path or '/'}): every path moved"
        )
    # an operation counts as kept when its path and method or its operationId survive
    old_ops = {(op.key, op.operation_id) for op in old.operations}
    new_keys = {op.key for op in new.operations}
    new_ids = {op.operation_id for op in new.operations if op.operation_id}
    if old_ops and new_keys:
        kept = sum(key in new_keys or op_id in new_ids for key, op_id in old_ops)
        if kept * 2 < min(len(old_ops), len(new_keys)):
            warnings.append(
                f"only {kept} of the {len(old_ops)} operations of the old spec are in the "
                f"new one ({len(new_keys)} operations): are they versions of the same API?"
            )
    return warnings


def fail_on_reason(result: DiffResult, fail_on: str) -> str:
    """Why ``--fail-on`` stopped the run: the levels reached and the first change of the highest."""
    reached = [
        level
        for level in LEVELS_HIGH_FIRST
        if level.rank >= Level(fail_on).rank and result.at_level(level)
    ]
    counts = ", ".join(
        f"{len(result.at_level(level))} {level_name(result.policy, level)}"
        for level in reached
    )
    first = result.at_level(reached[0])[0]
    return (
        f"--fail-on {fail_on} reached: {counts} change(s); "
        f"first: {first.group}: {first.message}"
    )
