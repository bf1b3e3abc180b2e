"""The models runtime (generator/runtime/_models.py), tested inside a small hand-written
package laid out like a generated SDK: lazy ``models`` map, several classes per module,
cross-module and recursive references."""

from __future__ import annotations

import datetime
import importlib
import shutil
import sys
import textwrap
import uuid
from pathlib import Path

import msgspec
import pytest

RUNTIME_MODELS = Path(__file__).resolve().parents[2] / "generator" / "runtime" / "_models.py"

MODELS_INIT = '''
import importlib
_MODULES = {"User": "user", "UserEntityListing": "user", "Division": "division", "Orphan": "orphan"}
def __getattr__(name):
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(name)
    return getattr(importlib.import_module("." + module, __name__), name)
'''

HEADER = "from __future__ import annotations\nfrom .._models import UNSET, Any, Model, UnsetType, date, datetime, field\n"

USER_MODULE = HEADER + '''
class User(Model):
    """A user; manager points back to User (a cycle)."""
    id: str | None = None
    name: str | None = None
    state: str | None = None
    division: Division | None = None
    manager: User | None = None
    date_created: datetime | None = field(name="dateCreated", default=None)
    birthday: date | None = None
    version: int | None = None
    self_uri: str | None = field(name="selfUri", default=None)
    attributes: dict[str, Any] | None = None
    groups: dict[str, Division] | None = None

class UserEntityListing(Model):
    entities: list[User] | None = None
    page_size: int | None = field(name="pageSize", default=None)
'''

DIVISION_MODULE = HEADER + '''
class Division(Model):
    id: str | None = None
    name: str | None = None
'''

ORPHAN_MODULE = HEADER + '''
class Orphan(Model):
    id: str | None = None
'''


@pytest.fixture
def sdk(tmp_path, monkeypatch):
    """A throw-away package ``sdk_<random>`` with the runtime and three model modules."""
    name = "sdk_" + uuid.uuid4().hex[:8]
    package = tmp_path / name
    (package / "models").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    shutil.copy(RUNTIME_MODELS, package / "_models.py")
    shutil.copy(RUNTIME_MODELS.with_name("_lazy.py"), package / "_lazy.py")
    (package / "models" / "__init__.py").write_text(MODELS_INIT)
    (package / "models" / "user.py").write_text(USER_MODULE)
    (package / "models" / "division.py").write_text(DIVISION_MODULE)
    (package / "models" / "orphan.py").write_text(ORPHAN_MODULE)
    monkeypatch.syspath_prepend(str(tmp_path))
    runtime = importlib.import_module(f"{name}._models")
    runtime.package_name = name
    yield runtime
    for module in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
        del sys.modules[module]


def loaded_models(runtime) -> set[str]:
    prefix = runtime.package_name + ".models."
    return {m[len(prefix) :] for m in sys.modules if m.startswith(prefix)}


USERS_JSON = b"""{
  "entities": [
    {"id": "1", "name": "Ann", "state": "some-future-state", "unknownField": {"x": 1},
     "division": {"id": "d1", "name": "Home"}, "manager": {"id": "2", "name": "Bob"},
     "dateCreated": "2024-05-01T10:00:00.000Z", "birthday": "1990-02-03", "version": "7",
     "selfUri": null, "attributes": {"k": [1, 2]}, "groups": {"g": {"id": "d2"}}}
  ],
  "pageSize": 25
}"""


def test_decoding_imports_only_the_modules_the_type_needs(sdk):
    assert loaded_models(sdk) == set()
    listing = sdk.decode_json(USERS_JSON, "UserEntityListing")
    assert loaded_models(sdk) == {"user", "division"}
    user = listing.entities[0]
    assert user.manager.name == "Bob"
    assert user.division.name == "Home"
    assert user.groups["g"].id == "d2"
    assert user.date_created == datetime.datetime(2024, 5, 1, 10, tzinfo=datetime.timezone.utc)
    assert user.birthday == datetime.date(1990, 2, 3)


def test_unknown_enum_values_and_fields_are_kept_or_ignored_and_numbers_coerced(sdk):
    user = sdk.decode_json(USERS_JSON, "UserEntityListing").entities[0]
    assert user.state == "some-future-state"
    assert user.version == 7
    assert user.self_uri is None
    assert not hasattr(user, "unknownField")


def test_type_expressions(sdk):
    users = sdk.decode_json(b'[{"id": "a"}, {"id": "b"}]', "list[User]")
    assert [u.id for u in users] == ["a", "b"]
    by_key = sdk.decode_json(b'{"x": {"id": "d"}}', "dict[str, Division]")
    assert by_key["x"].id == "d"
    assert sdk.decode_json(b'{"a": [1]}', "dict[str, list[int]]") == {"a": [1]}
    assert sdk.decode_json(b"\x00\x01", "bytes") == b"\x00\x01"
    assert sdk.decode_json(b'{"free": true}', None) == {"free": True}
    assert sdk.decode_json(b"", None) is None
    assert sdk.resolve_type("list[ User ]") == list[sdk.resolve_type("User")]


@pytest.mark.parametrize("expression", ["list[User", "dict[str User]", "User]", "", "list[]"])
def test_malformed_type_expressions_say_where(sdk, expression):
    with pytest.raises(ValueError, match="invalid type expression"):
        sdk.resolve_type(expression)


def test_unknown_model_name(sdk):
    with pytest.raises(LookupError, match="NoSuchModel"):
        sdk.resolve_type("list[NoSuchModel]")


def test_build_empty_then_assign_and_kwargs(sdk):
    User = sdk.resolve_type("User")
    body = User()
    body.name = "x"
    assert body.to_json() == '{"name":"x"}'
    assert User(name="x") == body
    assert User(name="y") != body
    with pytest.raises(TypeError):
        User("positional")
    with pytest.raises(AttributeError):
        body.no_such_attribute = 1


def test_to_dict_uses_python_names_and_omits_unset(sdk):
    user = sdk.decode_json(USERS_JSON, "UserEntityListing").entities[0]
    as_dict = user.to_dict()
    assert as_dict["date_created"] == datetime.datetime(2024, 5, 1, 10, tzinfo=datetime.timezone.utc)
    assert as_dict["manager"] == {"id": "2", "name": "Bob"}
    assert as_dict["groups"] == {"g": {"id": "d2"}}
    # a null in the response reads as None, and None is not sent again
    assert user.self_uri is None and "self_uri" not in as_dict and "selfUri" not in as_dict


def test_json_round_trips(sdk):
    listing_type = sdk.resolve_type("UserEntityListing")
    listing = listing_type.from_json(USERS_JSON)
    text = listing.to_json()
    assert '"dateCreated":"2024-05-01T10:00:00Z"' in text
    assert '"birthday":"1990-02-03"' in text
    assert listing_type.from_json(text) == listing
    assert listing_type.from_json(text.encode()) == listing


def test_from_dict_accepts_wire_and_python_names(sdk):
    listing_type = sdk.resolve_type("UserEntityListing")
    listing = listing_type.from_json(USERS_JSON)
    assert listing_type.from_dict(listing.to_dict()) == listing
    assert listing_type.from_dict(msgspec.json.decode(USERS_JSON)) == listing
    User = sdk.resolve_type("User")
    assert User.from_dict({"selfUri": "wire", "self_uri": "python"}).self_uri == "wire"


def test_to_wire_and_encode_json(sdk):
    User = sdk.resolve_type("User")
    naive = datetime.datetime(2024, 1, 2, 3, 4, 5)
    offset = datetime.timezone(datetime.timedelta(hours=2))
    user = User(name="n", date_created=naive, manager=User(date_created=naive.replace(tzinfo=offset)))
    assert sdk.to_wire(user) == {
        "name": "n",
        "manager": {"dateCreated": "2024-01-02T03:04:05+02:00"},
        "dateCreated": "2024-01-02T03:04:05Z",
    }
    assert user.date_created is naive  # the caller's model is not modified
    assert sdk.to_wire([datetime.date(2020, 1, 2), {"k": naive}]) == ["2020-01-02", {"k": "2024-01-02T03:04:05Z"}]
    assert sdk.encode_json({"u": User(self_uri="s")}) == b'{"u":{"selfUri":"s"}}'


def test_repr_shows_only_set_fields(sdk):
    User = sdk.resolve_type("User")
    assert repr(User(name="x", manager=User(id="1"))) == "User(name='x', manager=User(id='1'))"
    assert str(User()) == "User()"


def test_model_from_json_on_a_class_prepares_its_closure(sdk):
    user_module = importlib.import_module(sdk.package_name + ".models.user")
    assert user_module.User.from_json(b'{"division": {"id": "d"}}').division.id == "d"
    assert "orphan" not in loaded_models(sdk)


def test_models_defined_without_a_package_resolve_through_the_registry():
    from generator.runtime import _models

    namespace: dict = {}
    exec(
        textwrap.dedent(
            """
            from __future__ import annotations
            from generator.runtime._models import Model, UNSET, UnsetType
            class LocalNode(Model):
                child: LocalNode | None = None
                label: str | None = None
            """
        ),
        namespace,
    )
    # exec'd classes live in module "builtins"; give them a real module namespace
    node_type = namespace["LocalNode"]
    module_name = "test_models_runtime_local_" + uuid.uuid4().hex[:6]
    module = type(sys)(module_name)
    module.__dict__.update(namespace)
    node_type.__module__ = module_name
    sys.modules[module_name] = module
    try:
        node = _models.decode_json(b'{"child": {"label": "leaf"}}', "LocalNode")
        assert node.child.label == "leaf"
    finally:
        del sys.modules[module_name]


def test_introspection_resolves_names_of_other_modules_on_demand(sdk):
    """help(), inspect.signature and get_type_hints need the classes annotations name; they
    are found when first asked for, so importing a model module imports nothing else."""
    import inspect
    import pydoc
    import typing

    name = sdk.package_name
    user_module = importlib.import_module(f"{name}.models.user")
    assert f"{name}.models.division" not in sys.modules
    hints = typing.get_type_hints(user_module.User)
    division = sys.modules[f"{name}.models.division"].Division
    assert hints["division"] == division | None
    assert "division" in str(inspect.signature(user_module.User))
    assert "class User" in pydoc.render_doc(user_module.User)
    with pytest.raises(NameError):
        eval("NoSuchModel", vars(user_module))


def test_none_is_not_sent_and_null_is_an_explicit_null(sdk):
    """Reading a field needs one None check; a PATCH body still tells "leave as is" (None,
    the default) from "clear it" (NULL)."""
    User = sdk.resolve_type("User")
    patch = User(name="Ann")
    assert patch.id is None and sdk.encode_json(patch) == b'{"name":"Ann"}'
    patch.name = sdk.NULL
    assert sdk.encode_json(patch) == b'{"name":null}'
    assert patch.to_dict() == {"name": None} and repr(patch) == "User(name=NULL)"
    assert User.from_json(b'{"name": null}').name is None
