"""IR builder: raw Swagger dicts in, typed frozen nodes out."""

import dataclasses
import types

import pytest

from generator.diagnostics import Diagnostics
from generator.ir.build import build_api
from generator.ir.filter import filter_api


def spec(paths=None, definitions=None, **extra):
    data = {"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": paths or {},
            "definitions": definitions or {}, **extra}
    return types.SimpleNamespace(data=data, source="mem.json")


def op(op_id, tags=("Things",), params=(), responses=None, **extra):
    return {"operationId": op_id, "tags": list(tags), "parameters": list(params),
            "responses": responses or {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Thing"}}},
            **extra}


THING = {"properties": {"id": {"type": "string"}, "from": {"type": "string"},
                        "parent": {"$ref": "#/definitions/Thing"},
                        "tags": {"type": "array", "items": {"type": "string", "enum": ["a", "b"]}},
                        "attrs": {"type": "object", "additionalProperties": {"$ref": "#/definitions/Other"}},
                        "when": {"type": "string", "format": "date-time"},
                        "state": {"type": "string", "enum": ["on", "off"]}},
         "required": ["id"]}
OTHER = {"properties": {"n": {"type": "integer", "format": "int64"}}}


def test_models_properties_and_types():
    api = build_api(spec(definitions={"Thing": THING, "Other": OTHER}))
    thing = api.model("Thing")
    assert thing.kind == "object" and thing.class_name == "Thing" and thing.module_name == "thing"
    props = {p.wire_name: p for p in thing.properties}
    assert props["from"].python_name == "from_"
    assert props["id"].required and not props["from"].required
    assert props["parent"].type.kind == "model" and props["parent"].type.model == "Thing"
    assert props["tags"].type.kind == "array" and props["tags"].type.items.enum == ("a", "b")
    assert props["attrs"].type.kind == "map" and props["attrs"].type.items.model == "Other"
    assert props["when"].type.format == "date-time"
    assert props["state"].type.enum == ("on", "off")
    assert thing.dependencies == ("Other",)  # itself excluded
    assert props["parent"].pointer == "/definitions/Thing/properties/parent"
    assert api.model("Other").properties[0].type.format == "int64"


def test_clashing_property_names_are_numbered_in_property_order():
    clashing = {"properties": {"userId": {"type": "string"}, "user_id": {"type": "integer"},
                               "UserID": {"type": "boolean"}, "name": {"type": "string"}}}
    api = build_api(spec(definitions={"Clash": clashing}))
    names = [(p.wire_name, p.python_name) for p in api.model("Clash").properties]
    assert names == [("userId", "user_id"), ("user_id", "user_id_2"), ("UserID", "user_id_3"), ("name", "name")]


def test_nodes_are_frozen():
    api = build_api(spec(definitions={"Thing": THING, "Other": OTHER}))
    with pytest.raises(dataclasses.FrozenInstanceError):
        api.model("Thing").name = "x"


def test_all_of_flattens_parents_and_child_overrides():
    definitions = {
        "Base": {"properties": {"id": {"type": "string"}, "kind": {"type": "string"}}, "required": ["id"]},
        "Child": {"allOf": [{"$ref": "#/definitions/Base"},
                            {"properties": {"kind": {"type": "integer"}, "extra": {"type": "boolean"}}}]},
    }
    child = build_api(spec(definitions=definitions)).model("Child")
    assert [p.wire_name for p in child.properties] == ["id", "kind", "extra"]
    assert child.properties[1].type.name == "integer"
    assert child.parents == ("Base",) and child.properties[0].required


def test_enum_and_alias_definitions():
    definitions = {"Color": {"type": "string", "enum": ["red", "blue"]},
                   "Names": {"type": "array", "items": {"$ref": "#/definitions/Color"}}}
    api = build_api(spec(definitions=definitions))
    assert api.model("Color").kind == "enum" and api.model("Color").enum_type.enum == ("red", "blue")
    assert api.model("Names").kind == "alias" and api.model("Names").dependencies == ("Color",)


def test_class_names_unique_case_insensitively():
    api = build_api(spec(definitions={"ABC": OTHER, "Abc": OTHER, "a.b.c": OTHER}))
    names = sorted(m.class_name for m in api.models)
    assert len({n.lower() for n in names}) == 3


def test_operations_parameters_groups():
    paths = {
        "/things/{thingId}": {
            "parameters": [{"name": "thingId", "in": "path", "type": "string", "required": True}],
            "get": op("getThing", tags=("Things", "Extra Stuff"),
                      params=[{"name": "expand", "in": "query", "type": "array", "items": {"type": "string"},
                               "collectionFormat": "multi"},
                              {"name": "X-Trace", "in": "header", "type": "string"}],
                      **{"x-purecloud-method-name": "getThingById"}),
            "delete": op("deleteThing", responses={"204": {"description": "gone"}}, deprecated=True),
            "x-other": {},
        },
        "/things": {"post": op("postThings", params=[{"name": "body", "in": "body", "required": True,
                                                      "schema": {"$ref": "#/definitions/Thing"}}])},
    }
    api = build_api(spec(paths, {"Thing": THING, "Other": OTHER}))
    get = next(o for o in api.operations if o.operation_id == "getThing")
    assert get.python_name == "get_thing_by_id" and get.key == "GET /things/{thingId}"
    assert [p.python_name for p in get.parameters] == ["thing_id", "expand", "x_trace"]
    assert get.parameters[0].required and get.parameters[1].collection_format == "multi"
    assert get.success_type.model == "Thing"
    delete = next(o for o in api.operations if o.operation_id == "deleteThing")
    assert delete.deprecated and delete.success_type is None
    assert api.paths[0].keys == ("parameters", "get", "delete", "x-other")
    assert [g.class_name for g in api.groups] == ["ExtraStuffApi", "ThingsApi"]
    assert [o.python_name for o in api.groups[1].operations] == ["delete_thing", "get_thing_by_id", "post_things"]
    post = next(o for o in api.operations if o.operation_id == "postThings")
    assert post.body is not None and post.body.type.model == "Thing"


def test_duplicate_method_names_made_unique():
    paths = {"/a": {"get": op("getX")}, "/b": {"get": op("get_x")}}
    api = build_api(spec(paths, {"Thing": THING, "Other": OTHER}))
    assert sorted(o.python_name for o in api.operations) == ["get_x", "get_x_2"]


def test_raw_details_kept_for_the_diff():
    paths = {"/a": {"get": op("getA", params=[{"name": "q", "in": "query", "type": "string"},
                                             {"name": "r", "in": "query", "type": "string", "required": False}])}}
    api = build_api(spec(paths, {"Thing": THING, "Other": OTHER}))
    q, r = api.operations[0].parameters
    assert q.raw_required is None and r.raw_required is False and q.raw_in == "query"
    assert api.operations[0].responses[0].status == "200"


def test_filter_keeps_reachable_models_only():
    paths = {"/a": {"get": op("getA", tags=("A",))},
             "/b": {"get": op("getB", tags=("B",), responses={"200": {"description": "", "schema": {"$ref": "#/definitions/Lonely"}}})}}
    definitions = {"Thing": THING, "Other": OTHER, "Lonely": {"properties": {"x": {"type": "string"}}}}
    api = build_api(spec(paths, definitions))
    only_a = filter_api(api, include_tags=("A",))
    assert [o.operation_id for o in only_a.operations] == ["getA"]
    assert sorted(m.name for m in only_a.models) == ["Other", "Thing"]
    without_b_path = filter_api(api, exclude_paths=("/b*",))
    assert [g.tag for g in without_b_path.groups] == ["A"]


def test_unresolvable_parameter_ref_is_a_diagnostic_not_a_crash():
    paths = {"/a": {"get": op("getA", params=[{"$ref": "#/parameters/missing"}])}}
    diagnostics = Diagnostics()
    build_api(spec(paths, {"Thing": THING, "Other": OTHER}), diagnostics)
    assert diagnostics.has_errors


@pytest.mark.slow
def test_platform_spec_builds():
    import gzip
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "specs" / "platform-api-269.0.0.json.gz"
    api = build_api(types.SimpleNamespace(data=json.load(gzip.open(path)), source=str(path)))
    assert len(api.operations) == 3355 and len(api.models) == 6651
    assert len({o.python_name for o in api.operations}) == 3355
    users = next(g for g in api.groups if g.class_name == "UsersApi")
    assert "get_user" in {o.python_name for o in users.operations}
