"""An SDK rendered from a slice of the Platform spec: the availabletopics operation and the
notification models the availabletopics fixture (specs/platform-availabletopics.json) names,
generated with that fixture, so it has ``topics``, a topic -> model map and the README's
event-stream examples. Small enough to render in a second."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.ir.build import build_api
from generator.loader import load_spec
from generator.render import RenderSettings, render_sdk
from generator.render.sdk import runtime_file_paths
from generator.render.writer import write_tree
from generator.topics import load_available_topics

ROOT = Path(__file__).resolve().parents[2]
PLATFORM = ROOT / "specs" / "platform-api-269.0.0.json.gz"
FIXTURE = ROOT / "specs" / "platform-availabletopics.json"


def _refs(node: object, found: set[str]) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            found.add(node["$ref"].rsplit("/", 1)[1])
        for value in node.values():
            _refs(value, found)
    elif isinstance(node, list):
        for value in node:
            _refs(value, found)


def platform_slice(roots: set[str], paths: tuple[str, ...]) -> dict:
    """The Platform spec with only ``paths`` and the definitions they and ``roots`` reach."""
    spec = json.loads(gzip.decompress(PLATFORM.read_bytes()))
    kept_paths = {path: spec["paths"][path] for path in paths}
    pending, kept = set(roots), {}
    _refs(kept_paths, pending)
    while pending:
        name = pending.pop()
        if name in kept:
            continue
        kept[name] = spec["definitions"][name]
        more: set[str] = set()
        _refs(kept[name], more)
        pending |= more - set(kept)
    rest = {k: v for k, v in spec.items() if k not in ("paths", "definitions")}
    return {**rest, "paths": kept_paths, "definitions": kept}


def render_topics_sdk(work: Path, package: str) -> Path:
    """Write the SDK project into ``work / "project"``; returns that folder."""
    topics = load_available_topics(FIXTURE)
    spec = json.loads(gzip.decompress(PLATFORM.read_bytes()))
    roots = {name for t in topics for name in t.schema_names if name in spec["definitions"]}
    sliced = platform_slice(roots, ("/api/v2/notifications/availabletopics",))
    (work / "spec.json").write_text(json.dumps(sliced))
    api = build_api(load_spec(str(work / "spec.json")), Diagnostics())
    settings = RenderSettings(package=package, distribution=package.replace("_", "-"), version="1.0.0",
                              notification_topics=topics)
    files = render_sdk(api, settings)
    runtime = runtime_file_paths(files, package)
    write_tree(files, work / "project", format_paths=[p for p in files if p.endswith(".py") and p not in runtime])
    return work / "project"
