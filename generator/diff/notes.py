"""Release notes from a :class:`DiffResult`: Markdown in the official ``releaseNotes.md``
layout, a short release body, JSON for CI, and the package ``CHANGELOG.md``."""

from __future__ import annotations

import json

from .changes import LEVELS_HIGH_FIRST, Change, DiffResult, Level
from .wording import summary_line

# Genesys calls the lowest level "point"; our own policy says "patch".
_HEADINGS = {
    "genesys": {Level.MAJOR: "Major", Level.MINOR: "Minor", Level.PATCH: "Point"},
    "python": {Level.MAJOR: "Major", Level.MINOR: "Minor", Level.PATCH: "Patch"},
}


def _changes_word(count: int) -> str:
    return "change" if count == 1 else "changes"


def _headings(policy: str) -> dict[Level, str]:
    return _HEADINGS.get(policy, _HEADINGS["python"])


def grouped(result: DiffResult, level: Level) -> list[tuple[str, list[Change]]]:
    """Groups with a change at ``level``, in the order each group first received a
    change of any level (the reference keeps one group order for the whole diff)."""
    order = {
        group: index
        for index, group in enumerate(dict.fromkeys(c.group for c in result.changes))
    }
    groups: dict[str, list[Change]] = {}
    for change in result.changes:
        if change.level is level:
            groups.setdefault(change.group, []).append(change)
    return sorted(groups.items(), key=lambda item: order[item[0]])


def render_sections(result: DiffResult) -> str:
    """The level sections: ``# Major Changes (N changes)``, ``**group**``, ``* bullet``.

    The ``genesys`` layout always has all three headings (byte-identical to the official
    notes); our own leaves out a level without changes and says so when nothing changed."""
    headings = _headings(result.policy)
    keep_empty = result.policy == "genesys"
    if not result.changes and not keep_empty:
        return "No changes.\n"
    sections = []
    for level in LEVELS_HIGH_FIRST:
        changes = result.at_level(level)
        if not changes and not keep_empty:
            continue
        text = f"# {headings[level]} Changes ({len(changes)} {_changes_word(len(changes))})\n"
        for group, items in grouped(result, level):
            text += f"\n**{group}** ({len(items)} {_changes_word(len(items))})\n\n"
            text += "".join(f"* {change.message}\n" for change in items)
        sections.append(text)
    return "\n\n".join(sections)


def render_markdown(result: DiffResult, build_version: str | None = None) -> str:
    """The full ``releaseNotes.md``: the API version line, then every section.

    ``build_version`` is the API build the notes are for; without one the new spec's
    ``info.version`` is used (``v2`` for the Platform API)."""
    version = build_version or result.new_api_version
    head = f"Platform API version: {version}\n\n\n"
    if result.policy != "genesys":  # the official layout has no summary line
        head += f"Summary: {summary_line(result)}\n\n"
    return head + render_sections(result)


def render_summary(result: DiffResult, version: str | None = None) -> str:
    """A short release body: counts per level (the full list is in the changelog)."""
    headings = _headings(result.policy)
    counts = result.counts
    lines = [f"# Changes in {version}" if version else "# Changes in this version", ""]
    lines += [
        f"* {headings[level]} changes: {counts[level.value]}"
        for level in LEVELS_HIGH_FIRST
    ]
    return "\n".join(lines) + "\n"


def render_release_body(result: DiffResult, version: str | None = None) -> str:
    """A standalone release body: the counts, then every change."""
    return render_summary(result, version) + "\n" + render_sections(result)


def to_json_dict(
    result: DiffResult, version: dict[str, str | None] | None = None
) -> dict:
    data = {
        "policy": result.policy,
        "bump": result.bump,
        "counts": result.counts,
        "old": {"source": result.old_source, "api_version": result.old_api_version},
        "new": {"source": result.new_source, "api_version": result.new_api_version},
        "changes": [change.to_json() for change in result.changes],
    }
    if version is not None:
        data["version"] = version
    return data


def render_json(
    result: DiffResult, version: dict[str, str | None] | None = None
) -> str:
    return (
        json.dumps(to_json_dict(result, version), indent=2, ensure_ascii=False) + "\n"
    )


CHANGELOG_TITLE = "# Changelog\n"


def changelog_entry(version: str, result: DiffResult, date: str | None = None) -> str:
    """One release in ``CHANGELOG.md``: ``## version (date)`` then its sections one
    heading level down."""
    heading = f"## {version}" + (f" ({date})" if date else "")
    body = "\n".join(
        ("###" + line[1:]) if line.startswith("# ") else line
        for line in render_sections(result).splitlines()
    )
    return f"{heading}\n\n{body}\n"


def prepend_changelog(existing: str | None, entry: str, version: str) -> str:
    """Put ``entry`` first under the title, newest first. An entry for the same
    version is replaced, so recording the same release twice changes nothing."""
    previous = (existing or "").removeprefix(CHANGELOG_TITLE).lstrip("\n")
    kept = [
        block
        for block in _split_entries(previous)
        if not block.startswith(f"## {version}\n")
        and not block.startswith(f"## {version} (")
    ]
    return CHANGELOG_TITLE + "\n" + "\n".join([entry, *kept]).rstrip("\n") + "\n"


def _split_entries(text: str) -> list[str]:
    blocks: list[str] = []
    for line in text.splitlines(keepends=True):
        if line.startswith("## ") or not blocks:
            blocks.append(line)
        else:
            blocks[-1] += line
    return [block.rstrip("\n") + "\n" for block in blocks if block.strip()]
