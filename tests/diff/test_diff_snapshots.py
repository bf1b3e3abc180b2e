"""Golden Markdown and JSON of both policies on every fixture pair (syrupy).

Regenerate after an intended change: ``pytest tests/diff --snapshot-update``."""

from __future__ import annotations

import json

import pytest
from diff_helpers import FIXTURES, PAIRS, run

from generator.diff import POLICIES
from generator.diff.notes import render_json, render_markdown


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("pair", PAIRS)
def test_markdown(pair, policy, snapshot):
    assert render_markdown(run(pair, policy)) == snapshot


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("pair", PAIRS)
def test_json(pair, policy, snapshot):
    # Sources are absolute paths: make them relative so the snapshot is portable.
    text = render_json(run(pair, policy)).replace(str(FIXTURES) + "/", "")
    data = json.loads(text)
    assert set(data) >= {"bump", "counts", "changes"}
    assert all(set(c) >= {"level", "kind", "where", "message"} for c in data["changes"])
    assert text == snapshot
