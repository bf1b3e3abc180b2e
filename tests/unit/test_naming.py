"""Table-driven tests of generator.naming: one data file of input -> expected rows."""

import json
import keyword
from pathlib import Path

import pytest

from generator import naming

CASES = json.loads((Path(__file__).parent / "data" / "naming_cases.json").read_text())


def _rows(rule):
    return [pytest.param(given, expected, id=f"{rule}:{given}") for given, expected in CASES[rule]]


@pytest.mark.parametrize("given,expected", _rows("property_name"))
def test_property_name(given, expected):
    assert naming.property_name(given) == expected


@pytest.mark.parametrize("given,expected", _rows("parameter_name"))
def test_parameter_name(given, expected):
    assert naming.parameter_name(given) == expected


@pytest.mark.parametrize("given,expected", _rows("class_name"))
def test_class_name(given, expected):
    assert naming.class_name(given) == expected


@pytest.mark.parametrize("given,expected", _rows("api_class_name"))
def test_api_class_name(given, expected):
    assert naming.api_class_name(given) == expected


@pytest.mark.parametrize("given,expected", _rows("method_name"))
def test_method_name(given, expected):
    x_method, operation_id = given
    assert naming.method_name(x_method, operation_id, "get /x") == expected


@pytest.mark.parametrize("given,expected", _rows("module_name"))
def test_module_name(given, expected):
    assert naming.module_name(given) == expected


@pytest.mark.parametrize("given,expected", _rows("model_module_name"))
def test_model_module_name(given, expected):
    assert naming.model_module_name(given) == expected


@pytest.mark.parametrize("rule", [naming.property_name, naming.parameter_name, naming.module_name])
@pytest.mark.parametrize("given", ["x", "Foo.Bar", "1a", "class", "-", "ünïcode", "a b c", "in", "None"])
def test_results_are_valid_identifiers(rule, given):
    result = rule(given)
    assert result.isidentifier() and not keyword.iskeyword(result)


def test_results_are_typed():
    assert isinstance(naming.property_name("a"), naming.Identifier)
    assert isinstance(naming.class_name("a"), naming.ClassName)
    assert isinstance(naming.module_name("a"), naming.ModuleName)


def test_unique_names_resolves_in_sorted_order_case_insensitively():
    result = naming.unique_names([("b", "Abc"), ("a", "ABC"), ("c", "abc"), ("d", "Other")])
    assert result == {"a": "ABC", "b": "Abc2", "c": "abc3", "d": "Other"}


def test_unique_names_with_separator_avoids_existing_suffix():
    result = naming.unique_names([("1", "x"), ("2", "x"), ("3", "x_2")], suffix_sep="_")
    assert sorted(result.values(), key=str.lower) == ["x", "x_2", "x_2_2"]


@pytest.mark.parametrize("given,expected", _rows("words"))
def test_words(given, expected):
    """The split every case rule starts from: acronyms, digits and punctuation."""
    assert naming.words(given) == tuple(expected)
