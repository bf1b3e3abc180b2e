"""Policy ``genesys``: every rule of genesys-diff-rules.md on the fixture pairs, the
JavaScript details it depends on, and the shipped 268 -> 269 pair byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from diff_helpers import bullets, run

from generator.diff.genesys import display_type
from generator.diff.jsvalues import UNDEFINED, js_key_order, js_strict_equal, js_text
from generator.diff.notes import render_markdown
from generator.ir.model import TypeRef

O_A, O_B = "GET /api/v2/ops/a", "GET /api/v2/ops/b"

# (rule, fixture, level, group, exact bullet)
RULES = [
    (1, "paths", "major", "/api/v2/gone", "Path /api/v2/gone was removed"),
    (2, "paths", "minor", "/api/v2/widgets", "Path was added"),
    (3, "paths", "minor", "/api/v2/widgets", "Operation GET was added"),
    (3, "paths", "minor", "/api/v2/widgets", "Operation PARAMETERS was added"),
    (
        3,
        "paths",
        "minor",
        "/api/v2/widgets",
        "Operation X-GENESYS-VISIBILITY was added",
    ),
    (4, "paths", "major", "/api/v2/things", "Operation DELETE was removed"),
    (
        5,
        "paths",
        "minor",
        "/api/v2/things",
        "Operation post was added. Summary: Create a thing",
    ),
    (
        5,
        "paths",
        "minor",
        "/api/v2/things",
        "Operation PATCH was added",
    ),  # empty summary
    (
        1,
        "paths",
        "major",
        "/api/v2/things/{thingId}",
        "Path /api/v2/things/{thingId} was removed",
    ),
    (2, "paths", "minor", "/api/v2/things/{id}", "Path was added"),
    (
        6,
        "operations",
        "major",
        O_A,
        "Operation operationId was changed from getA to getAlpha",
    ),
    (6, "operations", "major", O_B, "Operation operationId was added"),
    (
        7,
        "operations",
        "major",
        O_A,
        "Operation x-purecloud-method-name was changed from getA to getAlpha",
    ),
    (7, "operations", "major", O_B, "Operation x-purecloud-method-name was removed"),
    (8, "operations", "patch", O_A, "Description was changed"),
    (9, "operations", "patch", O_A, "Summary was changed"),
    (10, "operations", "major", O_A, "Has been deprecated"),
    (11, "operations", "major", O_B, "Has been undeprecated"),
    (12, "operations", "major", O_A, "Parameter pRemoved was removed"),
    (13, "operations", "major", O_A, "Parameter pAdded was added"),
    (14, "operations", "major", O_A, "Parameter pIn was changed from query to header"),
    (
        15,
        "operations",
        "major",
        O_A,
        "Parameter pType was changed from string to integer",
    ),
    (
        15,
        "operations",
        "major",
        O_A,
        "Parameter payload was removed",
    ),  # body: no own type
    (16, "operations", "patch", O_A, "Description was changed for parameter pDesc"),
    (17, "operations", "major", O_A, "Parameter pReq was made required"),
    (18, "operations", "minor", O_A, "Parameter pOpt was made optional"),
    (
        18,
        "operations",
        "minor",
        O_A,
        "Parameter pAbsent was made optional",
    ),  # absent -> false
    (19, "operations", "major", O_A, "Response 500 was removed"),
    (20, "operations", "minor", O_A, "Response 401 was added"),
    (
        21,
        "operations",
        "patch",
        O_A,
        "Response 404 was changed from not found to missing",
    ),
    (21, "operations", "patch", O_A, "Response 400 was added"),  # old description empty
    (
        21,
        "operations",
        "patch",
        O_A,
        "Response 503 was removed",
    ),  # new description empty
    (22, "operations", "major", O_A, "Response 200 type was changed from A to B"),
    (
        22,
        "operations",
        "major",
        O_B,
        "Response 200 type was changed from A[] to _undefined_",
    ),
    (
        22,
        "operations",
        "major",
        O_B,
        "Response 204 type was changed from _undefined_ to B",
    ),
    (23, "operations", "major", O_A, "Tag Beta was removed"),
    (23, "operations", "major", O_A, "Tag Gamma was added"),
    (24, "models", "major", "Gone", "Model Gone was removed"),
    (
        24,
        "models",
        "major",
        "GoneEnum",
        "Model GoneEnum was removed",
    ),  # no properties: still reported
    (
        25,
        "models",
        "minor",
        "NewEmptyProps",
        "Model was added",
    ),  # properties: {} counts
    (26, "models", "major", "Thing", "Property removed was removed"),
    (27, "models", "major", "Thing", "Required property mandatory was added"),
    (28, "models", "minor", "Thing", "Optional property extra was added"),
    (28, "models", "minor", "Child", "Optional property ownAdded was added"),
    (
        29,
        "models",
        "major",
        "Thing",
        "Property toString was changed from integer to string",
    ),
    (29, "models", "major", "Thing", "Property toRef was changed from string to Part"),
    (
        29,
        "models",
        "major",
        "Thing",
        "Property toArray was changed from string to Part[]",
    ),
    (
        29,
        "models",
        "major",
        "Thing",
        "Property toMap was changed from Part to Map<object, string[]>",
    ),
    (30, "models", "major", "Thing", "becomesReadOnly has been made readonly"),
    (31, "models", "minor", "Thing", "wasReadOnly is no longer readonly"),
    (32, "models", "major", "Thing", "Values are now constrained by enum members"),
    (
        33,
        "models",
        "minor",
        "Thing",
        "Values are no longer constrained by enum members",
    ),
    (34, "models", "major", "Thing", "Enum value beta was removed from property kind"),
    (
        34,
        "models",
        "major",
        "Thing",
        "Enum value 2 was removed from property codes",
    ),  # items.enum
    (34, "models", "major", "Thing", "Enum value true was removed from property flags"),
    (
        34,
        "models",
        "major",
        "ThingResult",
        "Enum value closed was removed from property state",
    ),
    (35, "models", "minor", "Thing", "Enum value delta was added to property kind"),
    (
        35,
        "models",
        "minor",
        "Thing",
        "Enum value 4 was added to property codes",
    ),  # 4.0 prints as 4
    (
        35,
        "models",
        "minor",
        "Thing",
        "Enum value 1 was added to property flags",
    ),  # 1 is not true
    (35, "models", "minor", "Thing", "Enum value false was added to property flags"),
]


@pytest.mark.parametrize(
    ("rule", "fixture", "level", "group", "bullet"),
    RULES,
    ids=[f"rule{r[0]}-{r[4][:40]}" for r in RULES],
)
def test_rule_gives_its_bullet(rule, fixture, level, group, bullet):
    assert (level, group, bullet) in bullets(run(fixture, "genesys"))


NOT_REPORTED = [
    ("operations", "shared"),  # path-level parameters are not looked at
    (
        "operations",
        "Parameter id",
    ),  # duplicate names: the last one wins, nothing changed
    ("operations", "Response 202"),  # two schemas without $ref are never compared
    ("models", "inlineInherited"),  # allOf parts are not the model's own properties
    ("models", "NoProps"),  # no properties on either side
    ("models", "OldNoProps"),  # old side without properties: not compared
    ("models", "ArrayNode"),
    ("models", "JsonNode"),
    ("models", "NewWithoutProps"),
    ("models", "becomesEnum"),  # only the rule 32 bullet, no per-value bullets
]


@pytest.mark.parametrize(("fixture", "text"), NOT_REPORTED)
def test_quirks_not_reported(fixture, text):
    result = run(fixture, "genesys")
    assert not [c for c in result.changes if text in c.message or c.group == text]


def test_new_spec_order_and_js_key_order():
    messages = [
        m for _, _, m in bullets(run("models", "genesys")) if m.startswith("Property")
    ]
    # removed properties first, then the new model's keys with integer-like ones first
    assert messages[:2] == [
        "Property removed was removed",
        "Property 2 was changed from string to integer",
    ]
    codes = [
        m
        for lvl, g, m in bullets(run("operations", "genesys"))
        if g == O_A and m.startswith("Response")
    ]
    assert codes == [
        "Response 500 was removed",
        "Response 200 type was changed from A to B",
        "Response 400 was added",
        "Response 401 was added",
        "Response 404 was changed from not found to missing",
        "Response 503 was removed",
    ]


def test_group_order_is_first_change_of_any_level():
    text = render_markdown(run("models", "genesys"))
    minor = text.split("# Minor Changes")[1]
    assert (
        minor.index("**Thing**")
        < minor.index("**Child**")
        < minor.index("**NewEmptyProps**")
    )


def test_unchanged_specs_have_no_changes_and_keep_headings():
    result = run("unchanged", "genesys")
    assert result.bump == "none"
    assert render_markdown(result) == (
        "Platform API version: v2\n\n\n# Major Changes (0 changes)\n\n\n"
        "# Minor Changes (0 changes)\n\n\n# Point Changes (0 changes)\n"
    )


def test_bump_is_highest_level_present():
    assert run("paths", "genesys").bump == "major"
    assert run("paths", "genesys").counts == {"major": 3, "minor": 8, "patch": 0}


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "null"),
        (True, "true"),
        (False, "false"),
        (4.0, "4"),
        (2.5, "2.5"),
        (1e-7, "1e-7"),
        (1e21, "1e+21"),
        ("x", "x"),
        ([1, None, "a"], "1,,a"),
        ({"a": 1}, "[object Object]"),
        (UNDEFINED, "undefined"),
    ],
)
def test_js_text(value, text):
    assert js_text(value) == text


def test_js_strict_equality_and_key_order():
    assert (
        js_strict_equal(1, 1.0)
        and not js_strict_equal(True, 1)
        and not js_strict_equal("1", 1)
    )
    assert not js_strict_equal([1], [1]) and js_strict_equal(None, None)
    assert js_key_order(["b", "10", "a", "2", "01"]) == ["2", "10", "b", "a", "01"]


@pytest.mark.parametrize(
    ("type_ref", "text"),
    [
        (None, "_undefined_"),
        (TypeRef("any"), "_undefined_"),
        (TypeRef("model", model="User", raw_ref="#/definitions/User"), "User"),
        (TypeRef("any", raw_ref="other.json#/definitions/Foo"), "other.jsonFoo"),
        (
            TypeRef(
                "array",
                raw_type="array",
                items=TypeRef("model", model="U", raw_ref="#/definitions/U"),
            ),
            "U[]",
        ),
        (
            TypeRef(
                "array",
                raw_type="Array",
                items=TypeRef("primitive", name="string", raw_type="string"),
            ),
            "string[]",
        ),
        (TypeRef("array", raw_type="array", items=TypeRef("any")), "array"),
        (
            TypeRef("map", raw_type="object", items=TypeRef("any")),
            "Map<object, _undefined_>",
        ),
        (
            TypeRef(
                "map",
                raw_type="Object",
                items=TypeRef("primitive", name="integer", raw_type="integer"),
            ),
            "Map<Object, integer>",
        ),
        (TypeRef("map", items=TypeRef("any")), "_undefined_"),  # no type written
        (
            TypeRef("primitive", name="string", raw_type="string", format="date-time"),
            "string",
        ),
    ],
)
def test_display_type(type_ref, text):
    assert display_type(type_ref) == text


REPO = Path(__file__).resolve().parents[2]
PLATFORM_FIXTURES = REPO / "tests/fixtures/platform"  # 268.0.0 and Genesys' 269 release notes


@pytest.mark.slow
def test_shipped_pair_matches_official_release_notes_byte_for_byte():
    from generator.diff import diff_apis
    from generator.diff.cli import load_api

    _, old = load_api(str(PLATFORM_FIXTURES / "platform-api-268.0.0.json.gz"))
    _, new = load_api(str(REPO / "specs/platform-api-269.0.0.json.gz"))
    result = diff_apis(old, new, "genesys")
    expected = (PLATFORM_FIXTURES / "genesys-268.0.0-269.0.0-releaseNotes.md").read_text(
        encoding="utf-8"
    )
    assert result.counts == {"major": 42, "minor": 44, "patch": 3}
    assert render_markdown(result) == expected


def test_js_missing_uses_strict_equality():
    from generator.diff.jsvalues import js_missing

    found = js_missing([1, True, "1", None, 2.0, [1]], [1.0, "1", None, 2, [1]])
    assert found == [True, [1]]  # arrays are distinct objects in JS
    nan = float("nan")
    assert js_missing([nan], [nan]) == [nan]  # NaN === NaN is false


def test_allof_wrapper_has_no_ref_of_its_own():
    found = bullets(run("allof_wrapper", "genesys"))
    assert (
        "major",
        "Holder",
        "Property part was changed from _undefined_ to Part",
    ) in found
    assert (
        "major",
        "GET /api/v2/parts",
        "Response 200 type was changed from _undefined_ to Part",
    ) in found


def test_allof_wrapper_is_the_same_type_for_python():
    result = run("allof_wrapper", "python")
    assert [c.kind for c in result.changes] == ["property-description-changed"]
    assert result.bump == "patch"
