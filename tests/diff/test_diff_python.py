"""Policy ``python``: each rule on the fixture pairs, with direction (sent vs received)."""

from __future__ import annotations

import pytest
from diff_helpers import run

from generator.diff.sdk_surface import ModelUsage, python_type, type_change_breaks
from generator.ir.model import TypeRef

ALIAS = "sdkgen can keep"

# (fixture, level, kind, text the message contains)
RULES = [
    # SDK surface disappears or changes shape: major
    ("paths", "major", "operation-removed", "Method ThingsApi.get_gone was removed"),
    (
        "python_wire",
        "major",
        "api-class-removed",
        "API class LegacyApi (and AsyncLegacyApi) was removed",
    ),
    (
        "python_wire",
        "major",
        "method-renamed",
        "ReportsApi.get_reports was renamed to list_reports; " + ALIAS,
    ),
    (
        "python_wire",
        "major",
        "method-moved",
        "LegacyApi.get_legacy moved to ReportsApi.get_legacy; " + ALIAS,
    ),
    (
        "operations",
        "major",
        "parameter-removed",
        "Parameter p_removed of get_alpha was removed",
    ),
    (
        "paths",
        "major",
        "parameter-added-required",
        "Required parameter id was added to get_thing",
    ),
    (
        "operations",
        "major",
        "parameter-made-required",
        "Parameter p_req of get_alpha is now required",
    ),
    (
        "operations",
        "major",
        "parameter-made-optional",
        "p_opt of get_alpha is now optional and keyword-only",
    ),
    (
        "python_wire",
        "major",
        "parameters-reordered",
        "from (order_id, item_id) to (item_id, order_id)",
    ),
    (
        "operations",
        "major",
        "type-changed",
        "Parameter p_type was changed from str to int",
    ),
    (
        "operations",
        "major",
        "return-type-changed",
        "Return type of get_alpha was changed from A to B",
    ),
    ("models", "major", "model-removed", "Model class Gone was removed"),
    (
        "models",
        "major",
        "model-kind-changed",
        "Model OldNoProps changed from type alias to class",
    ),
    ("models", "major", "property-removed", "Attribute Thing.removed was removed"),
    (
        "models",
        "major",
        "property-added-required",
        "Required attribute Thing.mandatory was added",
    ),
    (
        "python_wire",
        "major",
        "property-made-required",
        "Attribute Order.priority is now required",
    ),
    (
        "models",
        "major",
        "type-changed",
        "Attribute Thing.to_ref was changed from str to Part",
    ),
    (
        "models",
        "major",
        "enum-value-removed",
        'Enum value "beta" was removed from Thing.kind',
    ),  # sent
    (
        "python_wire",
        "major",
        "enum-value-removed",
        'Enum value "json" was removed from parameter format',
    ),
    (
        "models",
        "major",
        "enum-constrained",
        "Values of Thing.becomes_enum are now limited to",
    ),
    # additions, deprecations and changes the SDK absorbs: minor
    ("paths", "minor", "operation-added", "Method ThingsApi.post_things was added"),
    ("paths", "minor", "api-class-added", "API class WidgetsApi"),
    (
        "paths",
        "minor",
        "endpoint-changed",
        "Now calls GET /api/v2/things/{id} (was GET /api/v2/things/{thingId})",
    ),
    (
        "python_wire",
        "minor",
        "parameter-added",
        "Optional parameter notify was added to post_orders",
    ),
    (
        "python_wire",
        "minor",
        "method-added-to-class",
        "get_legacy is now also available on ReportsApi",
    ),
    (
        "operations",
        "minor",
        "operation-deprecated",
        "get_alpha is deprecated: calls emit a DeprecationWarning",
    ),
    ("operations", "minor", "operation-undeprecated", "get_b is no longer deprecated"),
    (
        "operations",
        "minor",
        "parameter-wire-changed",
        "p_in is now sent as header 'pIn' (was query 'pIn')",
    ),
    (
        "python_wire",
        "minor",
        "type-changed-compatible",
        "limit was changed from int to float (compatible for request",
    ),
    (
        "python_wire",
        "minor",
        "type-changed-compatible",
        "total was changed from float to int (compatible for response",
    ),
    (
        "python_wire",
        "minor",
        "return-type-added",
        "delete_order now returns OrderResult (was None)",
    ),
    (
        "python_wire",
        "minor",
        "return-type-narrowed",
        "list_reports was narrowed from float to int",
    ),
    ("operations", "minor", "response-added", "Response 401 was added"),
    ("operations", "minor", "response-removed", "Response 500 is no longer documented"),
    ("models", "minor", "model-added", "Model class NewEmptyProps was added"),
    ("models", "minor", "property-added", "Attribute Thing.extra was added"),
    (
        "python_wire",
        "minor",
        "property-made-required",
        "Attribute OrderResult.tracking is now required",
    ),  # received
    (
        "python_wire",
        "minor",
        "enum-value-added",
        'Enum value "shipped" was added to enum OrderStatus',
    ),
    (
        "models",
        "minor",
        "enum-value-removed",
        'Enum value "closed" was removed from ThingResult.state',
    ),  # received
    (
        "models",
        "minor",
        "enum-unconstrained",
        "Values of Thing.was_enum are no longer limited",
    ),
    (
        "models",
        "minor",
        "property-read-only-changed",
        "Attribute Thing.becomes_read_only is now read-only",
    ),
    ("python_wire", "minor", "property-deprecated", "Attribute Order.id is deprecated"),
    # documentation only: patch
    (
        "operations",
        "patch",
        "summary-changed",
        'Summary was changed: "Old summary" -> "New summary"',
    ),
    (
        "operations",
        "patch",
        "description-changed",
        'Description was changed: "Old description" -> "New description"',
    ),
    (
        "operations",
        "patch",
        "parameter-description-changed",
        "Description was changed for parameter p_desc",
    ),
    (
        "operations",
        "patch",
        "response-description-changed",
        "Description of response 404 was changed",
    ),
    (
        "python_wire",
        "patch",
        "property-description-changed",
        (
            'Description of Order.note was changed: "A note" -> "A short note"; '
            'Example of Order.note was changed: "hello" -> "hi"'
        ),
    ),
]


@pytest.mark.parametrize(
    ("fixture", "level", "kind", "text"), RULES, ids=[f"{r[2]}-{r[1]}" for r in RULES]
)
def test_rule(fixture, level, kind, text):
    found = [
        (c.level.value, c.kind)
        for c in run(fixture, "python").changes
        if text in c.message
    ]
    assert (level, kind) in found, found


def test_unchanged_is_none():
    assert run("unchanged", "python").changes == ()
    assert run("unchanged", "python").bump == "none"


def test_documentation_only_edit_is_patch():
    result = run("python_wire", "python")
    doc_kinds = {c.kind for c in result.changes if c.level.value == "patch"}
    assert doc_kinds <= {
        "property-description-changed",
        "summary-changed",
        "description-changed",
        "parameter-description-changed",
        "response-description-changed",
        "model-description-changed",
        "api-class-description-changed",
    }


def test_model_usage_directions():
    from diff_helpers import pair_apis

    old, new = pair_apis("python_wire")
    usage = ModelUsage.of(old, new)
    assert usage.direction("Order") == "request"
    assert usage.direction("OrderStatus") == "request"  # reached through Order.status
    assert usage.direction("OrderResult") == "response"
    assert usage.direction("Unknown") == "both"


INT = TypeRef("primitive", name="integer")
FLOAT = TypeRef("primitive", name="number")
STR = TypeRef("primitive", name="string")


@pytest.mark.parametrize(
    ("old", "new", "direction", "breaks"),
    [
        (INT, FLOAT, "request", False),  # users may keep sending ints
        (FLOAT, INT, "request", True),
        (FLOAT, INT, "response", False),  # users still receive numbers
        (INT, FLOAT, "response", True),
        (INT, FLOAT, "both", True),
        (STR, TypeRef("any"), "request", False),
        (TypeRef("array", items=INT), TypeRef("array", items=FLOAT), "request", False),
        (TypeRef("array", items=INT), INT, "request", True),
        (
            TypeRef("primitive", name="string", format="date-time"),
            STR,
            "response",
            True,
        ),
    ],
)
def test_type_compatibility(old, new, direction, breaks):
    from diff_helpers import pair_apis

    api, _ = pair_apis("unchanged")
    assert type_change_breaks(old, api, new, api, direction) is breaks


def test_python_type_expressions():
    from diff_helpers import pair_apis

    api, _ = pair_apis("unchanged")
    assert (
        python_type(
            TypeRef(
                "map", items=TypeRef("array", items=TypeRef("model", model="User"))
            ),
            api,
        )
        == "dict[str, list[User]]"
    )
    assert (
        python_type(TypeRef("primitive", name="string", format="date"), api) == "date"
    )
    assert python_type(None, api) == "None"


@pytest.mark.parametrize(
    ("level", "kind", "text"),
    [
        ("minor", "default-host-changed", "from api.example.com to api.example.net"),
        (
            "patch",
            "api-class-description-changed",
            "Description of API class OrdersApi was changed",
        ),
        (
            "minor",
            "authentication-changed",
            "Authentication changed from none to OAuth",
        ),
    ],
)
def test_service_level_changes(level, kind, text):
    found = [
        (c.level.value, c.kind)
        for c in run("python_wire", "python").changes
        if text in c.message
    ]
    assert found == [(level, kind)]
