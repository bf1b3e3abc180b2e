"""Polymorphism, inline schemas, enums and formats: the shape each fixture spec gives the
SDK (a syrupy snapshot of its manifest) and round trips of payloads through the SDK
generated from it (decode, re-encode, nothing lost)."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.diagnostics import Diagnostics
from generator.ir.build import build_api
from generator.loader import load_spec
from generator.render.manifest import shape_manifest

SHAPES = Path(__file__).resolve().parents[1] / "fixtures" / "shapes"
FIXTURES = sorted(p.stem for p in SHAPES.glob("*.yaml"))


def api_of(name: str):
    diagnostics = Diagnostics()
    api = build_api(load_spec(str(SHAPES / f"{name}.yaml")), diagnostics)
    assert not diagnostics.has_errors, [d.format() for d in diagnostics]
    return api


@pytest.mark.parametrize("name", FIXTURES)
def test_shape(name, snapshot):
    assert shape_manifest(api_of(name)) == snapshot


@pytest.fixture(scope="module")
def sdks(tmp_path_factory):
    """Every fixture generated with the plain command and imported (package ``shape_<name>``)."""
    root = tmp_path_factory.mktemp("shapes")
    packages = {}
    for name in FIXTURES:
        out = root / name
        result = CliRunner().invoke(main, ["generate", "--spec", str(SHAPES / f"{name}.yaml"), "--output", str(out),
                                           "--package", f"shape_{name}", "-q"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        sys.path.insert(0, str(out))
        try:
            packages[name] = importlib.import_module(f"shape_{name}")
        finally:
            sys.path.remove(str(out))
    return packages


def round_trip(sdk, payload, type_expression):
    """Decode ``payload`` as ``type_expression`` and encode it again."""
    models = importlib.import_module(f"{sdk.__name__}._models")
    value = models.decode_json(json.dumps(payload).encode(), type_expression)
    return value, json.loads(models.encode_json(value))


ANIMAL = {
    "kind": "Cat", "name": "Tom", "lives": 9,
    "friends": [
        {"kind": "Dog", "name": "Rex", "goodBoy": True},
        {"kind": "big-cat", "name": "Leo", "lives": 7, "roar": 11.5,
         "friends": [{"kind": "Cat", "lives": 1}]},
        {"kind": "Dragon", "name": "Smaug"},  # a subtype a later release might add
        {"name": "untagged"},
    ],
}


def test_polymorphic_payloads_decode_into_subclasses_and_round_trip(sdks):
    sdk = sdks["polymorphism"]
    m = sdk.models
    animal, again = round_trip(sdk, ANIMAL, "Animal")
    assert type(animal) is m.Cat and animal.lives == 9
    assert [type(f) for f in animal.friends] == [m.Dog, m.BigCat, m.Animal, m.Animal]
    assert animal.friends[1].roar == 11.5 and type(animal.friends[1].friends[0]) is m.Cat
    assert animal.friends[2].kind == "Dragon"  # the unknown tag is kept
    assert issubclass(m.BigCat, m.Cat) and issubclass(m.Cat, m.Animal) and issubclass(m.Dog, m.Animal)
    assert again == {**ANIMAL, "friends": [*ANIMAL["friends"][:3], {"kind": "Animal", "name": "untagged"}]}


def test_polymorphic_values_nested_in_other_models_and_maps(sdks):
    sdk = sdks["polymorphism"]
    m = sdk.models
    payload = [{"resident": {"kind": "Dog", "goodBoy": False},
                "visitors": [{"kind": "Cat", "lives": 3}, {"kind": "big-cat", "roar": 1.0}],
                "byName": {"rex": {"kind": "Dog", "goodBoy": True}}}]
    enclosures, again = round_trip(sdk, payload, "list[Enclosure]")
    assert type(enclosures[0].resident) is m.Dog
    assert [type(v) for v in enclosures[0].visitors] == [m.Cat, m.BigCat]
    assert type(enclosures[0].by_name["rex"]) is m.Dog
    assert again == payload
    assert m.Animal.from_json(json.dumps(ANIMAL)).friends[0].good_boy is True
    assert type(m.Animal.from_dict({"kind": "Dog"})) is m.Dog


def test_a_subtype_built_in_code_sends_its_own_tag_and_fields(sdks):
    m = sdks["polymorphism"].models
    assert json.loads(m.BigCat(roar=2.0, lives=1).to_json()) == {"kind": "big-cat", "lives": 1, "roar": 2.0}
    assert json.loads(m.Dog().to_json()) == {"kind": "Dog"}
    cat = m.Cat()
    cat.name = "filled in later"
    assert json.loads(cat.to_json()) == {"kind": "Cat", "name": "filled in later"}


def test_all_of_without_discriminator_composes_fields(sdks):
    m = sdks["polymorphism"].models
    composed, again = round_trip(sdks["polymorphism"], {"label": "x", "extra": 2**40}, "Composed")
    assert composed.label == "x" and composed.extra == 2**40 and again == {"label": "x", "extra": 2**40}
    assert issubclass(m.Composed, m.Tagged)


def test_inline_schemas_are_models_named_after_their_place(sdks):
    sdk = sdks["inline"]
    m = sdk.models
    # the real definition keeps its name; the inline response schema gets the next free one
    assert set(m.GetCharactersCharacterIdOk.__struct_fields__) == {"taken"}
    character, again = round_trip(sdk, {"name": "Kim", "birthday": "2003-05-06T00:00:00Z",
                                        "position": {"x": 1.5, "y": -2.0}}, "GetCharactersCharacterIdOk2")
    assert type(character.position) is m.GetCharactersCharacterIdOk2Position
    assert again == {"name": "Kim", "birthday": "2003-05-06T00:00:00Z", "position": {"x": 1.5, "y": -2.0}}
    assets, again = round_trip(sdk, [{"item_id": 2**53 + 1, "quantity": 3}], "list[GetCharactersCharacterIdAssetsOkItem]")
    assert assets[0].item_id == 2**53 + 1 and again == [{"item_id": 2**53 + 1, "quantity": 3}]
    fleet, again = round_trip(sdk, {"wings": [{"wingId": 1, "squads": {"a": {"size": 4}}}]}, "Fleet")
    assert type(fleet.wings[0]) is m.FleetWingsItem and type(fleet.wings[0].squads["a"]) is m.FleetWingsItemSquadsValue
    assert m.PostCharactersCharacterIdAssetsBody and m.GetCharactersCharacterIdNotFound
    import inspect

    api = sdk.CharacterApi
    assert inspect.signature(api.get_characters_character_id).return_annotation == "GetCharactersCharacterIdOk2"


def test_enums_are_importable_constants_and_unknown_values_decode(sdks):
    sdk = sdks["enums"]
    m = sdk.models
    assert m.OrderStatus.IN_PROGRESS == "in-progress" and m.OrderStatus.VALUE_1ST_CLASS == "1st-class"
    assert m.OrderStatus.EMPTY == "" and m.OrderStatus("brand-new") == "brand-new"
    payload = {"entities": [{"id": "1", "status": "archived", "inlineStatus": "in-progress", "priority": 7,
                             "metadata": {"any": ["thing"]}, "related": ["2"]}],
               "statuses": ["open", "never-seen-before"]}
    listing, again = round_trip(sdk, payload, "OrderList")
    assert listing.entities[0].status == "archived" and again == payload
    order = m.Order(status=m.OrderStatus.CLOSED)
    assert json.loads(order.to_json()) == {"status": "closed"}
    # aliases and free-form objects are importable names of what they stand for
    assert m.Metadata == dict[str, object] or m.Metadata.__origin__ is dict
    assert m.OrderIds.__origin__ is list and m.Priority is int and m.Empty.__origin__ is dict


def test_read_only_fields_are_kept_on_decode_but_never_sent(sdks):
    sdk = sdks["enums"]
    models = importlib.import_module("shape_enums._models")
    order = sdk.models.Order(id="server-set", status="open")
    assert json.loads(models.encode_request_json([order])) == [{"status": "open"}]
    assert json.loads(order.to_json()) == {"id": "server-set", "status": "open"}


def test_formats_round_trip(sdks):
    sdk = sdks["formats"]
    payload = {"id": 2**62, "big": -(2**63), "ratio": 0.25, "checksum": "aGVsbG8=", "blob": "AAEC",
               "day": "2024-02-29", "created": "2024-02-29T12:30:00.123000Z", "port": "http", "note": None,
               "labels": {"a": "b"}, "counts": {"x": 2**40}, "matrix": [[1.5], []], "etag": "v1",
               "retries": 0, "anything": {"nested": [1, "two"]}}
    record, again = round_trip(sdk, payload, "Record")
    assert record.port == "http" and record.blob == b"\x00\x01\x02" and record.checksum == "aGVsbG8="
    # a null read from the API is None, and None is "not sent" (NULL sends a null)
    assert again == {key: value for key, value in payload.items() if value is not None}
    assert record.note is None
    numbered, again = round_trip(sdk, {**payload, "port": 8080}, "Record")
    assert numbered.port == 8080 and again["port"] == 8080
    empty = sdk.models.Record()  # required fields do not stop building a model empty
    empty.id = 1
    assert json.loads(empty.to_json()) == {"id": 1}


def test_a_filtered_target_keeps_the_subtypes_of_what_it_keeps():
    from generator.ir.filter import filter_api

    api = filter_api(api_of("polymorphism"), include_paths=["/animals/{id}"])
    assert sorted(m.name for m in api.models) == ["Animal", "BigCat", "Cat", "Dog"]


def test_generate_and_the_readme_count_the_same_models(sdks):
    root = Path(sdks["inline"].__file__).parents[1]
    api = api_of("inline")
    readme = (root / "README.md").read_text()
    assert f"operations and {len(api.models)} models." in readme


def test_a_bad_value_inside_a_subtype_says_where(sdks):
    models = importlib.import_module("shape_polymorphism._models")
    with pytest.raises(models.msgspec.ValidationError, match=r"\$\.lives.*\$\.friends\[1\]"):
        models.decode_json(b'{"friends": [{}, {"kind": "Cat", "lives": "many"}]}', "Animal")


CLASHING_NAMES = """
swagger: "2.0"
info: {title: Clash, version: "1"}
paths:
  /x:
    get:
      operationId: getX
      responses:
        "200": {description: ok, schema: {$ref: "#/definitions/Holder"}}
definitions:
  OpenEnum: {type: string, enum: [a, b]}
  TypeAlias: {type: array, items: {$ref: "#/definitions/Holder"}}
  Holder:
    type: object
    properties:
      e: {$ref: "#/definitions/OpenEnum"}
      many: {$ref: "#/definitions/TypeAlias"}
"""


def test_definitions_named_like_the_enum_base_or_typealias_still_work(tmp_path):
    (tmp_path / "clash.yaml").write_text(CLASHING_NAMES)
    out = tmp_path / "sdk"
    result = CliRunner().invoke(main, ["generate", "--spec", str(tmp_path / "clash.yaml"), "--output", str(out),
                                       "--package", "shape_clash", "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    sys.path.insert(0, str(out))
    try:
        m = importlib.import_module("shape_clash.models")
        assert m.OpenEnum.A == "a" and m.TypeAlias == "list[Holder]"
        holder = m.Holder.from_json(b'{"e": "z", "many": [{"e": "a"}]}')
        assert holder.e == "z" and type(holder.many[0]) is m.Holder
    finally:
        sys.path.remove(str(out))
