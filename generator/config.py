"""sdkgen.yaml -> frozen Target objects.

The file's shape (``ConfigFile`` keys, checked with messages that name the file, line
and key) is kept apart from the merged settings a run uses (``Target``), which the
CLI may override (``--spec`` for a release, say).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from .diagnostics import Diagnostics, SpecError
from .naming import package_problem

CONFIG_FILE = "sdkgen.yaml"
_REQUIRED = ("spec", "package", "output")
_OPTIONAL = ("distribution", "description", "version", "include_tags", "exclude_tags",
             "include_paths", "exclude_paths", "notification_topics")
_DISTRIBUTION = re.compile(r"[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?")


@dataclass(frozen=True, slots=True)
class Filters:
    include_tags: tuple[str, ...] = ()
    exclude_tags: tuple[str, ...] = ()
    include_paths: tuple[str, ...] = ()  # fnmatch patterns
    exclude_paths: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.include_tags or self.exclude_tags or self.include_paths or self.exclude_paths)


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    spec: str  # path (absolute) or URL
    package: str
    distribution: str
    output: Path  # absolute
    description: str = ""
    version: str | None = None  # None: take the recorded release version (generator.state)
    filters: Filters = field(default_factory=Filters)
    root: Path = Path(".")  # the folder holding sdkgen.yaml (repository root)
    # an availabletopics response (path, absolute, or URL) giving the topic -> model map
    notification_topics: str | None = None

    def with_spec(self, spec: str) -> Target:
        return replace(self, spec=spec)


@dataclass(frozen=True, slots=True)
class Config:
    path: Path
    targets: dict[str, Target]


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def find_config(start: Path | None = None) -> Path:
    """The nearest sdkgen.yaml at or above ``start`` (default: the working directory)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"no {CONFIG_FILE} found in {here} or any parent folder")


def _line_of_key(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(rf"\s*{re.escape(key)}\s*:", line):
            return number
    return None


def load_config(path: Path | None = None) -> Config:
    """Read and check sdkgen.yaml; every problem is reported at once, with its line."""
    path = (path or find_config()).resolve()
    text = path.read_text(encoding="utf-8")
    diagnostics = Diagnostics()
    source = str(path)
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        diagnostics.error("invalid-config", f"not valid YAML: {getattr(error, 'problem', error)}",
                          source=source, line=mark.line + 1 if mark else None)
        raise SpecError(diagnostics) from None
    if not isinstance(raw, dict) or not isinstance(raw.get("targets"), dict) or not raw["targets"]:
        diagnostics.error("invalid-config", "expected a mapping with a non-empty 'targets' mapping", source=source)
        raise SpecError(diagnostics)
    targets: dict[str, Target] = {}
    for name, entry in raw["targets"].items():
        where = f"/targets/{name}"
        line = _line_of_key(text, str(name))
        if not isinstance(entry, dict):
            diagnostics.error("invalid-config", "a target must be a mapping", where, source=source, line=line)
            continue
        for key in entry:
            if key not in _REQUIRED + _OPTIONAL:
                diagnostics.error("invalid-config", f"unknown key {key!r} (known: {', '.join(_REQUIRED + _OPTIONAL)})",
                                  f"{where}/{key}", source=source, line=_line_of_key(text, str(key)))
        missing = [key for key in _REQUIRED if not isinstance(entry.get(key), str) or not entry.get(key)]
        for key in missing:
            diagnostics.error("invalid-config", f"missing or empty {key!r}", where, source=source, line=line)
        if missing:
            continue
        package = entry["package"]
        problem = package_problem(package)
        if problem:
            diagnostics.error("invalid-config", f"package {problem}", f"{where}/package", source=source, line=line)
        distribution = entry.get("distribution") or package.replace("_", "-")
        if not _DISTRIBUTION.fullmatch(distribution):
            diagnostics.error("invalid-config", f"distribution {distribution!r} is not a valid project name",
                              f"{where}/distribution", source=source, line=line)
        output = (path.parent / entry["output"]).resolve()
        if output == path.parent or path.parent not in output.parents:
            diagnostics.error("invalid-config", f"output {entry['output']!r} must be a folder inside {path.parent}",
                              f"{where}/output", source=source, line=line)
        filters = {}
        for key in ("include_tags", "exclude_tags", "include_paths", "exclude_paths"):
            value = entry.get(key) or []
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                diagnostics.error("invalid-config", f"{key} must be a list of strings", f"{where}/{key}",
                                  source=source, line=line)
                value = []
            filters[key] = tuple(value)
        topics = entry.get("notification_topics")
        if topics is not None and (not isinstance(topics, str) or not topics):
            diagnostics.error("invalid-config", "notification_topics must be a file path or URL",
                              f"{where}/notification_topics", source=source,
                              line=_line_of_key(text, "notification_topics"))
            topics = None
        spec = entry["spec"]
        targets[str(name)] = Target(
            name=str(name),
            spec=spec if _is_url(spec) else str((path.parent / spec).resolve()),
            package=package,
            distribution=distribution,
            output=output,
            description=str(entry.get("description") or ""),
            version=str(entry["version"]) if entry.get("version") is not None else None,
            filters=Filters(**filters),
            root=path.parent,
            notification_topics=(
                None if topics is None else topics if _is_url(topics) else str((path.parent / topics).resolve())
            ),
        )
    if diagnostics.has_errors:
        raise SpecError(diagnostics)
    return Config(path=path, targets=targets)
