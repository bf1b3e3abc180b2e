"""Policy ``python`` compares what the SDK shows (its surface), not how the spec spells it:
spec edits that leave every annotation, class and value of the SDK alone are no change."""

from __future__ import annotations

import copy
import json

import pytest
from click.testing import CliRunner

from generator.cli import main

BASE = {
    "swagger": "2.0",
    "info": {"title": "Shop", "version": "1.0"},
    "basePath": "/v1",
    "paths": {
        "/orders": {
            "get": {
                "operationId": "listOrders",
                "tags": ["Orders"],
                "parameters": [{"name": "sort", "in": "query", "type": "string", "enum": ["asc", "desc"]}],
                "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Order"}}},
            },
            "post": {
                "operationId": "postOrder",
                "tags": ["Orders"],
                "parameters": [{"name": "body", "in": "body", "required": True,
                                "schema": {"$ref": "#/definitions/Order"}}],
                "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Order"}}},
            },
        }
    },
    "definitions": {
        "SortOrder": {"type": "string", "enum": ["ascending", "descending"]},
        "Anything": {"type": "object"},
        "Order": {
            "type": "object",
            "properties": {
                "id": {"type": "string"},
                "order": {"$ref": "#/definitions/SortOrder"},
                "orders": {"type": "array", "items": {"$ref": "#/definitions/SortOrder"}},
                "extra": {"$ref": "#/definitions/Anything"},
            },
        },
    },
}


def diff(tmp_path, old: dict, new: dict) -> tuple[int, dict]:
    (tmp_path / "old.json").write_text(json.dumps(old))
    (tmp_path / "new.json").write_text(json.dumps(new))
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "old.json"), str(tmp_path / "new.json"),
                                       "--policy", "python", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.exit_code, json.loads(result.output)


def edited(**properties) -> dict:
    spec = copy.deepcopy(BASE)
    spec["definitions"]["Order"]["properties"].update(properties)
    return spec


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param({"order": {"type": "string", "enum": ["ascending", "descending"]}}, id="enum-ref-to-inline"),
        pytest.param({"orders": {"type": "array", "items": {"type": "string", "enum": ["ascending", "descending"]}}},
                     id="enum-items-ref-to-inline"),
        pytest.param({"extra": {"type": "object"}}, id="empty-object-ref-to-inline"),
    ],
)
def test_spellings_the_sdk_does_not_show_are_no_change(tmp_path, edit):
    _, forward = diff(tmp_path, BASE, edited(**edit))
    _, backward = diff(tmp_path, edited(**edit), BASE)
    assert forward["changes"] == [] and backward["changes"] == []
    assert forward["bump"] == backward["bump"] == "none"


def test_a_value_change_of_the_inline_enum_still_counts(tmp_path):
    _, result = diff(tmp_path, BASE, edited(order={"type": "string", "enum": ["ascending"]}))
    assert [(c["level"], c["kind"]) for c in result["changes"]] == [("major", "enum-value-removed")]


def test_a_value_change_of_an_enum_definition_is_reported_once_at_the_definition(tmp_path):
    new = copy.deepcopy(BASE)
    new["definitions"]["SortOrder"]["enum"].append("random")
    _, result = diff(tmp_path, BASE, new)
    assert [(c["kind"], c["where"]) for c in result["changes"]] == [("enum-value-added", "SortOrder")]


def test_an_empty_object_becoming_a_map_is_an_alias_change_not_a_kind_change(tmp_path):
    new = copy.deepcopy(BASE)
    new["definitions"]["Anything"] = {"type": "object", "additionalProperties": {"type": "string"}}
    _, result = diff(tmp_path, BASE, new)
    assert [(c["kind"], c["message"]) for c in result["changes"]] == [
        ("type-changed", "Type alias Anything was changed from dict[str, Any] to dict[str, str]")]


def test_a_class_leaving_its_base_class_is_major(tmp_path):
    old = copy.deepcopy(BASE)
    old["definitions"]["Named"] = {"type": "object", "properties": {"label": {"type": "string"}}}
    old["definitions"]["Order"] = {"allOf": [{"$ref": "#/definitions/Named"}],
                                   "properties": BASE["definitions"]["Order"]["properties"]}
    new = copy.deepcopy(old)
    new["definitions"]["Order"] = {"type": "object", "properties": {
        "label": {"type": "string"}, **BASE["definitions"]["Order"]["properties"]}}
    _, result = diff(tmp_path, old, new)
    assert [(c["level"], c["kind"]) for c in result["changes"]] == [("major", "base-class-changed")]
    _, result = diff(tmp_path, new, old)
    assert [(c["level"], c["kind"]) for c in result["changes"]] == [("minor", "base-class-added")]
