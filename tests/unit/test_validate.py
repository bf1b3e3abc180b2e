"""generator.validate: own checks, located openapi-spec-validator errors, cache, background."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import validate
from generator.diagnostics import Level, SpecError
from generator.loader import LoadedSpec, load_spec
from generator.validate import check_spec, start_schema_validation, validate_spec

BAD = Path(__file__).parent.parent / "fixtures" / "bad"
PLATFORM_SPEC = (
    Path(__file__).parent.parent.parent / "specs" / "platform-api-269.0.0.json.gz"
)


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(cache))
    return cache / "validation"


def spec_file(tmp_path: Path, document: dict) -> LoadedSpec:
    path = tmp_path / "api.json"
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    return load_spec(str(path))


def minimal(**extra) -> dict:
    return {
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        **extra,
    }


def errors(diagnostics) -> list[tuple[str, str, int | None]]:
    return [
        (d.code, d.pointer, d.line)
        for d in diagnostics.sorted()
        if d.level is Level.ERROR
    ]


# --- one fixture per problem --------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        (
            "dangling_ref.json",
            [("dangling-ref", "/paths/~1users/get/responses/200/schema", 11)],
        ),
        (
            "external_ref.json",
            [("external-ref", "/definitions/User/properties/address", 9)],
        ),
        ("cyclic_ref.yaml", [("cyclic-ref", "/definitions/A", 7)]),
        ("cyclic_allof.json", [("cyclic-ref", "/definitions/Animal", 6)]),
        (
            "duplicate_operation_id.json",
            [("duplicate-operation-id", "/paths/~1people/get/operationId", 13)],
        ),
        (
            "duplicate_method_name.json",
            [("duplicate-method-name", "/paths/~1users~1list/get", 13)],
        ),
        (
            "missing_path_param.json",
            [("missing-path-param", "/paths/~1users~1{userId}/get", 6)],
        ),
        (
            "unknown_path_param.json",
            [("unknown-path-param", "/paths/~1users/get/parameters/0", 9)],
        ),
        (
            "multiple_body_params.json",
            [("multiple-body-params", "/paths/~1users/post", 6)],
        ),
        (
            "body_and_form_data.json",
            [("body-and-form-data", "/paths/~1uploads/post", 6)],
        ),
        # The line is the last occurrence's: the one the parser kept.
        ("duplicate_key.json", [("duplicate-key", "/paths/~1users", 11)]),
        # A key overriding one merged in with "<<" is not a duplicate.
        ("duplicate_key.yaml", [("duplicate-key", "/definitions/User", 17)]),
    ],
)
def test_own_checks(fixture, expected):
    assert errors(check_spec(load_spec(str(BAD / fixture)))) == expected


def test_path_parameter_not_required_is_reported_where_it_is_defined():
    diagnostics = validate_spec(load_spec(str(BAD / "path_param_not_required.yaml")))
    assert errors(diagnostics) == [
        ("path-param-not-required", "/parameters/userId", 15),
        # openapi-spec-validator's view of the same mistake, explained, not "oneOf failed".
        ("swagger-schema", "/parameters/userId/required", 18),
    ]


def test_openapi_spec_validator_errors_are_located():
    diagnostics = validate_spec(load_spec(str(BAD / "schema_errors.yaml")))
    assert errors(diagnostics) == [
        ("swagger-schema", "/info", 2),
        ("swagger-schema", "/paths/~1users/get/parameters/0/type", 11),
    ]
    messages = [d.message for d in diagnostics.sorted()]
    assert messages[0] == "'version' is a required property"  # with either backend
    assert messages[1].startswith("'integr' is not one of ['string', 'number'")


def test_keyword_errors_are_located_where_the_value_lives():
    # The library meets Page through the response's $ref; the error belongs to Page.
    # A wrong default is tolerated (generator/validate/tolerated.py): a located warning.
    tolerated = BAD.parent / "tolerated" / "invalid_default.json"
    diagnostics = validate_spec(load_spec(str(tolerated)))
    assert errors(diagnostics) == []
    assert [(d.code, d.pointer, d.line) for d in diagnostics] == [
        ("invalid-default", "/definitions/Page/properties/pageSize/default", 18)
    ]


def test_dangling_ref_also_says_schema_validation_stopped():
    diagnostics = validate_spec(load_spec(str(BAD / "dangling_ref.json")))
    (dangling,) = [d for d in diagnostics if d.code == "dangling-ref"]
    assert dangling.format() == (
        f"{BAD / 'dangling_ref.json'}:11: error[dangling-ref] at "
        "/paths/~1users/get/responses/200/schema: $ref '#/definitions/Usr' points to "
        "nothing: /definitions has no 'Usr' (did you mean 'User'?)"
    )
    assert [d.code for d in diagnostics if d.level is Level.WARNING] == [
        "schema-validation-incomplete"
    ]


def test_every_bad_fixture_that_loads_has_an_error():
    for fixture in sorted(BAD.iterdir()):
        try:
            spec = load_spec(str(fixture))
        except SpecError:
            continue  # load errors are test_loader's business
        assert validate_spec(spec).has_errors, fixture.name


# --- things that must NOT be errors -------------------------------------------------


def test_valid_spec_has_no_diagnostics(tmp_path):
    spec = spec_file(
        tmp_path,
        minimal(
            paths={
                "/users/{userId}": {
                    "parameters": [{"$ref": "#/parameters/userId"}],
                    "get": {
                        "operationId": "getUser",
                        "responses": {
                            "200": {
                                "description": "ok",
                                "schema": {"$ref": "#/definitions/User"},
                            }
                        },
                    },
                }
            },
            parameters={
                "userId": {
                    "name": "userId",
                    "in": "path",
                    "required": True,
                    "type": "string",
                }
            },
            definitions={
                "User": {"type": "object", "properties": {"id": {"type": "string"}}}
            },
        ),
    )
    assert list(validate_spec(spec)) == []


def test_recursive_models_are_legal(tmp_path):
    spec = spec_file(
        tmp_path,
        minimal(
            definitions={
                "User": {"properties": {"manager": {"$ref": "#/definitions/User"}}},
                "Node": {
                    "properties": {
                        "children": {
                            "type": "array",
                            "items": {"$ref": "#/definitions/Node"},
                        }
                    }
                },
                "Tree": {"additionalProperties": {"$ref": "#/definitions/Tree"}},
                "Base": {"properties": {"derived": {"$ref": "#/definitions/Derived"}}},
                "Derived": {
                    "allOf": [
                        {"$ref": "#/definitions/Base"},
                        {"properties": {"x": {"type": "string"}}},
                    ]
                },
            }
        ),
    )
    assert errors(check_spec(spec)) == []


def test_self_alias_is_a_cycle(tmp_path):
    spec = spec_file(
        tmp_path, minimal(definitions={"A": {"allOf": [{"$ref": "#/definitions/A"}]}})
    )
    assert [(code, pointer) for code, pointer, _ in errors(check_spec(spec))] == [
        ("cyclic-ref", "/definitions/A")
    ]


def test_ref_text_inside_examples_is_not_a_reference(tmp_path):
    spec = spec_file(
        tmp_path,
        minimal(
            definitions={"Doc": {"type": "object", "example": {"$ref": "#/nowhere"}}}
        ),
    )
    assert errors(check_spec(spec)) == []


def test_ref_text_inside_vendor_extensions_is_not_a_reference(tmp_path):
    spec = spec_file(
        tmp_path,
        minimal(
            definitions={
                "Doc": {"type": "object", "x-links": {"next": {"$ref": "#/nowhere"}}},
                # A property may still be *named* like an extension.
                "Page": {"properties": {"x-next": {"$ref": "#/definitions/Nope"}}},
            },
        ),
    )
    assert [code for code, _, _ in errors(check_spec(spec))] == ["dangling-ref"]


def test_same_method_name_in_different_apis_is_fine(tmp_path):
    operation = {"responses": {"200": {"description": "ok"}}}
    spec = spec_file(
        tmp_path,
        minimal(
            paths={
                "/a": {"get": {**operation, "tags": ["A"], "operationId": "getThing"}},
                "/b": {
                    "get": {
                        **operation,
                        "tags": ["B"],
                        "operationId": "get_thing",
                        "x-purecloud-method-name": "getThing",
                    }
                },
            }
        ),
    )
    assert errors(check_spec(spec)) == []


def test_operation_parameter_overrides_path_level_one(tmp_path):
    spec = spec_file(
        tmp_path,
        minimal(
            paths={
                "/users/{id}": {
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "type": "string"}
                    ],
                    "get": {
                        "operationId": "getUser",
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": True,
                                "type": "integer",
                            }
                        ],
                        "responses": {"200": {"description": "ok"}},
                    },
                }
            }
        ),
    )
    assert errors(check_spec(spec)) == []


def test_garbage_structure_gives_diagnostics_not_tracebacks(tmp_path):
    spec = spec_file(
        tmp_path,
        minimal(
            paths={"/x": {"get": {"parameters": [1, {"$ref": 3}], "responses": []}}},
            definitions=[],
        ),
    )
    assert validate_spec(spec).has_errors


# --- cache and background process ---------------------------------------------------


def test_results_are_cached_by_content(tmp_path, private_cache, monkeypatch):
    spec = load_spec(str(BAD / "schema_errors.yaml"))
    first = validate_spec(spec)
    assert len(list(private_cache.iterdir())) == 1

    def must_not_run(data):
        raise AssertionError("the cache should have answered")

    monkeypatch.setattr(validate, "find_schema_problems", must_not_run)
    assert validate_spec(spec).sorted() == first.sorted()


def test_a_corrupt_cache_entry_is_ignored(private_cache):
    spec = load_spec(str(BAD / "schema_errors.yaml"))
    first = validate_spec(spec)
    for entry in private_cache.iterdir():
        entry.write_text("{ not json")
    assert validate_spec(spec).sorted() == first.sorted()


def test_background_validation_matches_in_process(private_cache):
    spec = load_spec(str(BAD / "schema_errors.yaml"))
    background = start_schema_validation(spec).result(timeout=120)
    assert [(d.code, d.pointer, d.line) for d in background.sorted()] == [
        ("swagger-schema", "/info", 2),
        ("swagger-schema", "/paths/~1users/get/parameters/0/type", 11),
    ]
    # The worker filled the cache: asking again is already answered.
    again = start_schema_validation(spec)
    assert again.done()
    assert again.result().sorted() == background.sorted()


def test_background_failure_is_a_diagnostic():
    # Text that the worker cannot parse: the failure must come back as a diagnostic.
    spec = LoadedSpec(
        data={}, source="broken.json", raw_bytes_sha256="f" * 64, text="{ not json"
    )
    (diagnostic,) = start_schema_validation(spec).result(timeout=120)
    assert (diagnostic.code, diagnostic.source) == (
        "schema-validation-failed",
        "broken.json",
    )


@pytest.mark.slow
def test_platform_spec_is_valid():
    diagnostics = validate_spec(load_spec(str(PLATFORM_SPEC)))
    assert [d.format() for d in diagnostics] == []


def test_a_failed_not_reads_as_a_sentence(tmp_path):
    # Swagger 2.0 forbids responses with only x- keys through a "not" schema.
    operation = {"operationId": "getX", "responses": {"x-note": 1}}
    spec = spec_file(tmp_path, minimal(paths={"/x": {"get": operation}}))
    (diagnostic,) = [d for d in validate_spec(spec) if d.code == "swagger-schema"]
    assert diagnostic.pointer == "/paths/~1x/get/responses"
    assert diagnostic.message == (
        '{"x-note": 1} has a form that the Swagger 2.0 schema does not allow here'
    )


def test_a_failed_not_is_dropped_where_another_error_explains_the_place(tmp_path):
    operation = {"operationId": "getX", "responses": {}}
    spec = spec_file(tmp_path, minimal(paths={"/x": {"get": operation}}))
    messages = [d.message for d in validate_spec(spec) if d.code == "swagger-schema"]
    assert messages == ["{} has less than 1 property"]


def test_stopped_early_names_the_missing_field_and_has_no_line(tmp_path):
    operation = {
        "parameters": [{"in": "query", "type": "string"}],
        "responses": {"200": {"description": "ok"}},
    }
    spec = spec_file(tmp_path, minimal(paths={"/x": {"get": operation}}))
    (stopped,) = [
        d for d in validate_spec(spec) if d.code == "schema-validation-incomplete"
    ]
    assert "a required field 'name' is missing" in stopped.message
    assert (stopped.pointer, stopped.line) == ("", None)


def test_cancel_stops_the_worker_and_caches_nothing(private_cache):
    spec = load_spec(str(BAD / "schema_errors.yaml"))
    job = start_schema_validation(spec)
    assert job.cancel()
    assert job.cancelled()
    assert job._process.wait(timeout=30) != 0  # killed, not finished
    assert not private_cache.exists() or list(private_cache.iterdir()) == []


def test_background_validation_of_a_spec_built_in_memory():
    # No text to hand over: the worker gets the data as JSON.
    document = {"swagger": "2.0", "info": {"title": "t"}, "paths": {}}
    spec = LoadedSpec(data=document, source="<memory>", raw_bytes_sha256="e" * 64)
    (diagnostic,) = start_schema_validation(spec).result(timeout=120)
    assert (diagnostic.code, diagnostic.pointer, diagnostic.line) == (
        "swagger-schema",
        "/info",
        None,
    )


def test_a_worker_that_takes_too_long_is_stopped_and_reported():
    from generator.diagnostics import Diagnostics
    from generator.validate.background import run_in_worker

    def failure(reason: str) -> Diagnostics:
        diagnostics = Diagnostics()
        diagnostics.error("schema-validation-failed", reason)
        return diagnostics

    # Starting Python and importing the validator alone takes longer than 50 ms.
    text = (BAD / "schema_errors.yaml").read_text()
    job = run_in_worker(
        text, "yaml", lambda findings: Diagnostics(), failure, timeout=0.05
    )
    (diagnostic,) = job.result(timeout=60)
    assert diagnostic.code == "schema-validation-failed"
    assert "no result after 0.05 s" in diagnostic.message
    assert job._process.returncode is not None


def _findings_for_pattern(pattern: object) -> list:
    from generator.validate.schema import find_schema_problems

    page = {"type": "string", "pattern": pattern}
    document = minimal(
        paths={
            "/x": {
                "get": {
                    "operationId": "getX",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "schema": {"$ref": "#/definitions/Page"},
                        }
                    },
                }
            }
        },
        definitions={"Page": {"type": "object", "properties": {"code": page}}},
    )
    return find_schema_problems(document)


PATTERNS = ["(?<name>a)", "(?P<name>a)", "a(", "^x-[a-z]+$", 5]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_fast_meta_check_reports_exactly_what_the_library_does(pattern, monkeypatch):
    from generator.validate import meta_check, schema

    monkeypatch.setattr(schema, "_FAST_CLASS", None)
    fast = _findings_for_pattern(pattern)
    monkeypatch.setattr(meta_check, "fast_meta_check_validator_class", lambda cls: None)
    monkeypatch.setattr(schema, "_FAST_CLASS", None)
    assert _findings_for_pattern(pattern) == fast


def test_a_pattern_only_python_rejects_is_still_an_error():
    # Valid ECMA regex (so the Swagger schema pass accepts it), invalid for Python's re.
    findings = _findings_for_pattern("(?<name>a)")
    assert [(f.code, f.pointer) for f in findings] == [
        ("invalid-schema", "/definitions/Page/properties/code/pattern")
    ]
