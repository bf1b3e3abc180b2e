"""The e2e harness itself: example values, spec pruning, request checks, recorder + Prism."""

from __future__ import annotations

import json

import httpx
import jsonschema
import pytest
from plan import encode_collection, sparse
from prism import PrismServer, prepare_spec, prune_spec
from recorder import RecordedExchange, RecordingProxy
from request_checks import check_exchange, prism_rejection
from schema_values import SchemaValues, UnsatisfiableSchema

UUID_PATTERN = (
    "[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}"
)

DEFINITIONS = {
    "Node": {  # recursive, like User -> manager -> User
        "type": "object",
        "required": ["id"],
        "properties": {
            "id": {"type": "string", "pattern": UUID_PATTERN},
            "state": {"type": "string", "enum": ["active", "inactive"]},
            "created": {"type": "string", "format": "date-time"},
            "day": {"type": "string", "format": "date"},
            "size": {"type": "integer", "minimum": 5, "maximum": 9},
            "ratio": {"type": "number", "maximum": 0.5},
            "colour": {
                "type": "string",
                "pattern": "^#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$",
            },
            "code": {"type": "string", "minLength": 30, "maxLength": 40},
            "parent": {"$ref": "#/definitions/Node"},
            "children": {"type": "array", "items": {"$ref": "#/definitions/Node"}},
            "labels": {"type": "object", "additionalProperties": {"type": "string"}},
            "secret": {"type": "string", "readOnly": True},
        },
    },
    "Unused": {"type": "object", "properties": {"x": {"type": "string"}}},
}

TINY_SPEC = {
    "swagger": "2.0",
    "info": {"title": "tiny", "version": "1"},
    "host": "example.com",
    "consumes": ["application/json"],
    "produces": ["application/json"],
    "securityDefinitions": {
        "oauth": {
            "type": "oauth2",
            "flow": "implicit",
            "authorizationUrl": "https://example.com/auth",
            "scopes": {},
        }
    },
    "paths": {
        "/api/v2/nodes/{nodeId}": {
            "get": {
                "operationId": "getNode",
                "security": [{"oauth": []}],
                "parameters": [
                    {
                        "name": "nodeId",
                        "in": "path",
                        "required": True,
                        "type": "string",
                    },
                    {
                        "name": "expand",
                        "in": "query",
                        "required": False,
                        "type": "array",
                        "items": {"type": "string"},
                        "collectionFormat": "multi",
                    },
                    {
                        "name": "pageSize",
                        "in": "query",
                        "required": False,
                        "type": "integer",
                    },
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "schema": {"$ref": "#/definitions/Node"},
                    }
                },
            },
            "put": {
                "operationId": "putNode",
                "security": [{"oauth": []}],
                "parameters": [
                    {
                        "name": "nodeId",
                        "in": "path",
                        "required": True,
                        "type": "string",
                    },
                    {
                        "name": "body",
                        "in": "body",
                        "required": True,
                        "schema": {"$ref": "#/definitions/Node"},
                    },
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "schema": {"$ref": "#/definitions/Node"},
                    }
                },
            },
        },
        "/api/v2/other": {
            "delete": {
                "operationId": "deleteOther",
                "parameters": [],
                "responses": {"204": {"description": "gone"}},
            },
        },
    },
    "definitions": DEFINITIONS,
}


def validator_for(schema):
    return jsonschema.Draft4Validator(
        {**schema, "definitions": DEFINITIONS},
        format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER,
    )


class TestSchemaValues:
    def test_example_is_valid_against_the_schema(self):
        value = SchemaValues(DEFINITIONS, max_depth=3).value(
            {"$ref": "#/definitions/Node"}
        )
        validator_for({"$ref": "#/definitions/Node"}).validate(value)
        assert value["state"] == "active"
        assert 5 <= value["size"] <= 9 and value["ratio"] <= 0.5
        assert 30 <= len(value["code"]) <= 40

    def test_recursion_stops_at_the_depth_limit_but_keeps_required_fields(self):
        value = SchemaValues(DEFINITIONS, max_depth=2).value(
            {"$ref": "#/definitions/Node"}
        )
        grandparent = value["parent"]["parent"]
        assert grandparent == {"id": "3fa85f64-5717-4562-b3fc-2c963f66afa6"}

    def test_same_input_same_output(self):
        first = SchemaValues(DEFINITIONS).value({"$ref": "#/definitions/Node"})
        second = SchemaValues(DEFINITIONS).value({"$ref": "#/definitions/Node"})
        assert json.dumps(first) == json.dumps(second)

    def test_request_values_leave_out_read_only_properties(self):
        schema = {"$ref": "#/definitions/Node"}
        assert "secret" in SchemaValues(DEFINITIONS).value(schema)
        assert "secret" not in SchemaValues(DEFINITIONS, for_request=True).value(schema)

    def test_unknown_pattern_is_reported_with_its_location(self):
        with pytest.raises(UnsatisfiableSchema, match="zipCode"):
            SchemaValues({}).value(
                {"type": "string", "pattern": "^[0-9]{5}-[0-9]{4}$"}, "zipCode"
            )


def test_prune_keeps_only_named_operations_and_reachable_definitions():
    pruned = prune_spec(TINY_SPEC, ["GET /api/v2/nodes/{nodeId}"])
    assert list(pruned["paths"]) == ["/api/v2/nodes/{nodeId}"]
    assert list(pruned["paths"]["/api/v2/nodes/{nodeId}"]) == ["get"]
    assert set(pruned["definitions"]) == {"Node"}
    with pytest.raises(KeyError, match="POST /nowhere"):
        prune_spec(TINY_SPEC, ["POST /nowhere"])


def test_prepared_spec_has_an_example_on_every_2xx_response_with_a_schema(tmp_path):
    written = prepare_spec(TINY_SPEC, None, tmp_path / "spec.json")
    prepared = json.loads(written.read_text())
    get = prepared["paths"]["/api/v2/nodes/{nodeId}"]["get"]["responses"]["200"]
    validator_for(get["schema"]).validate(get["examples"]["application/json"])
    assert (
        "examples"
        not in prepared["paths"]["/api/v2/other"]["delete"]["responses"]["204"]
    )
    assert (
        "examples"
        not in TINY_SPEC["paths"]["/api/v2/nodes/{nodeId}"]["get"]["responses"]["200"]
    )


class TestPlanEncoding:
    def test_multi_repeats_and_csv_joins(self):
        from types import SimpleNamespace

        multi = SimpleNamespace(wire_name="expand", collection_format="multi")
        csv = SimpleNamespace(wire_name="ids", collection_format="csv")
        assert encode_collection(multi, ["a", "b"]) == [
            ["expand", "a"],
            ["expand", "b"],
        ]
        assert encode_collection(csv, ["a", "b"]) == [["ids", "a,b"]]
        assert encode_collection(csv, True) == [["ids", "true"]]

    def test_sparse_keeps_required_properties(self):
        body = {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6}
        assert sparse(body, {"required": ["c"]}) == {
            "a": 1,
            "b": 2,
            "c": 3,
            "d": 4,
            "e": 5,
        }


EXPECTED = {
    "method": "GET",
    "path_segments": ["", "api", "v2", "nodes", "n 1/x"],
    "query": [["expand", "a"], ["expand", "b"]],
    "headers": {"If-Match": "v1"},
    "body": None,
    "has_body": False,
    "auth_header": True,
}
GOOD_HEADERS = [("Authorization", "Bearer tok"), ("If-Match", "v1")]


class TestRequestChecks:
    def exchange(self, target, headers=GOOD_HEADERS, body=b"", method="GET"):
        return RecordedExchange(method, target, list(headers), body)

    def test_a_correct_request_passes(self):
        assert (
            check_exchange(
                self.exchange("/api/v2/nodes/n%201%2Fx?expand=a&expand=b"),
                EXPECTED,
                "tok",
            )
            == []
        )

    def test_csv_where_multi_is_required_is_caught(self):
        problems = check_exchange(
            self.exchange("/api/v2/nodes/n%201%2Fx?expand=a,b"), EXPECTED, "tok"
        )
        assert any("query differs" in problem for problem in problems)

    def test_unescaped_path_value_is_caught(self):
        problems = check_exchange(
            self.exchange("/api/v2/nodes/n 1/x?expand=a&expand=b"), EXPECTED, "tok"
        )
        assert any("not percent-escaped" in problem for problem in problems)
        assert any("path" in problem for problem in problems)

    def test_missing_header_and_token_are_caught(self):
        problems = check_exchange(
            self.exchange("/api/v2/nodes/n%201%2Fx?expand=a&expand=b", headers=[]),
            EXPECTED,
            "tok",
        )
        assert len(problems) == 2

    def test_body_with_python_names_or_unset_fields_is_caught(self):
        expected = {
            **EXPECTED,
            "method": "PUT",
            "query": [],
            "headers": {},
            "has_body": True,
            "body": {"selfUri": "u", "when": "2024-01-02T03:04:05.000Z"},
        }
        headers = GOOD_HEADERS + [("Content-Type", "application/json")]
        same = json.dumps(
            {"selfUri": "u", "when": "2024-01-02T03:04:05+00:00"}
        ).encode()
        snake = json.dumps({"self_uri": "u", "when": "2024-01-02T03:04:05Z"}).encode()
        unset = json.dumps(
            {"selfUri": "u", "when": "2024-01-02T03:04:05Z", "name": None}
        ).encode()
        target = "/api/v2/nodes/n%201%2Fx"
        assert (
            check_exchange(self.exchange(target, headers, same, "PUT"), expected, "tok")
            == []
        )
        assert check_exchange(
            self.exchange(target, headers, snake, "PUT"), expected, "tok"
        )
        assert check_exchange(
            self.exchange(target, headers, unset, "PUT"), expected, "tok"
        )

    def test_body_media_type_must_be_one_the_operation_consumes(self):
        expected = {
            **EXPECTED,
            "method": "PATCH",
            "query": [],
            "headers": {},
            "has_body": True,
            "body": {},
            "content_types": ["application/scim+json", "application/json"],
        }
        target = "/api/v2/nodes/n%201%2Fx"
        for media_type, problems in (
            ("application/scim+json", 0),
            ("application/json; charset=utf-8", 0),
            ("text/plain", 1),
        ):
            headers = GOOD_HEADERS + [("Content-Type", media_type)]
            found = check_exchange(
                self.exchange(target, headers, b"{}", "PATCH"), expected, "tok"
            )
            assert len(found) == problems, found


@pytest.mark.e2e
def test_recorder_keeps_raw_requests_and_prism_rejections_are_recognised(
    prism_installed, tmp_path
):
    spec_file = prepare_spec(TINY_SPEC, None, tmp_path / "spec.json")
    with PrismServer(spec_file) as prism, RecordingProxy(prism.url) as proxy:
        auth = {"Authorization": "Bearer tok"}
        good = httpx.get(
            proxy.url + "/api/v2/nodes/n%201?expand=a&expand=b", headers=auth
        )
        assert good.status_code == 200
        validator_for({"$ref": "#/definitions/Node"}).validate(good.json())
        bad = httpx.get(proxy.url + "/api/v2/nodes/n1?pageSize=many", headers=auth)
        unauthorised = httpx.get(proxy.url + "/api/v2/nodes/n1")
        put = httpx.put(
            proxy.url + "/api/v2/nodes/n1", headers=auth, json={"state": "unknown"}
        )
        exchanges = proxy.exchanges
    assert [e.target for e in exchanges][:2] == [
        "/api/v2/nodes/n%201?expand=a&expand=b",
        "/api/v2/nodes/n1?pageSize=many",
    ]
    assert prism_rejection(exchanges[0]) is None
    assert bad.status_code == 422 and "UNPROCESSABLE_ENTITY" in prism_rejection(
        exchanges[1]
    )
    assert unauthorised.status_code == 401 and "UNAUTHORIZED" in prism_rejection(
        exchanges[2]
    )
    assert put.status_code == 422 and "enum" in prism_rejection(exchanges[3]).lower()
    assert json.loads(exchanges[3].body) == {"state": "unknown"}


class TestDriver:
    """The driver's argument building and result checks (it runs in the SDK's venv)."""

    def package(self):
        from dataclasses import dataclass
        from types import SimpleNamespace

        @dataclass
        class Division:
            id: str = ""

        @dataclass
        class User:
            name: str = ""
            division: Division | None = None

        return SimpleNamespace(User=User, Division=Division)

    def test_tagged_values_become_models_dates_and_bytes(self):
        import datetime as dt

        from driver import ArgumentBuilder

        package = self.package()
        built = ArgumentBuilder(package).build(
            {
                "$list": [
                    {
                        "$model": "User",
                        "fields": {
                            "name": "n",
                            "division": {"$model": "Division", "fields": {"id": "d"}},
                        },
                    },
                    {"$date": "2024-01-02"},
                    {"$datetime": "2024-01-02T03:04:05.000Z"},
                    {"$bytes": "abc"},
                    {"$raw": {"$model": "not a model"}},
                ]
            }
        )
        assert built[0] == package.User(name="n", division=package.Division(id="d"))
        assert built[1] == dt.date(2024, 1, 2)
        assert built[2] == dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
        assert built[3] == b"abc"
        assert built[4] == {"$model": "not a model"}

    def test_result_shape_checks_fail_on_the_wrong_class(self):
        from driver import ArgumentBuilder, shape_problem

        package = self.package()
        builder = ArgumentBuilder(package)
        users = [package.User(), package.User()]
        list_of_users = {"kind": "list", "items": {"kind": "model", "class": "User"}}
        assert shape_problem(users, list_of_users, builder, "result") is None
        assert "result[1]" in shape_problem(
            [package.User(), {}], list_of_users, builder, "result"
        )
        assert shape_problem(
            package.Division(), {"kind": "model", "class": "User"}, builder, "r"
        )
        assert shape_problem(None, {"kind": "none"}, builder, "r") is None
        assert shape_problem(
            "text", {"kind": "scalar", "python": "bytes"}, builder, "r"
        )


def test_kitchen_sink_plan_covers_the_kinds_the_genesys_specs_lack():
    from plan import build_plan, load_with_ir, operation_features
    from targets import TARGETS

    spec, api = load_with_ir(TARGETS["kitchen-sink"][2])
    operations = sorted(api.operations, key=lambda op: op.operation_id or "")
    features = set().union(*(operation_features(op) for op in operations))
    assert {
        "param:formData",
        "collection:query:multi",
        "collection:query:pipes",
    } <= features
    calls = {call.operation_id: call for call in build_plan(spec, api, operations)}
    listing = calls["getUsers"].expected
    assert ["id", "id-a"] in listing.query and ["id", "id-b"] in listing.query
    assert ["tags", "tags-a|tags-b"] in listing.query
    assert listing.path_segments == ["", "api", "v2", "users"]  # basePath included
    upload = calls["postFiles"].expected
    assert upload.form_kind == "multipart" and upload.files == [
        ["file", "content of file\n"]
    ]
    assert calls["putFilesForm"].expected.form_kind == "urlencoded"
