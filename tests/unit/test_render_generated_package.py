"""The generated code works: render a fixture spec, write it (formatted) to a temp dir,
import it and use models and API classes. Calls go to a recording fake client, so these
tests check exactly what generated methods hand the runtime (the runtime has its own
tests); one test runs a real runtime ApiClient over an httpx mock transport."""

from __future__ import annotations

import asyncio
import datetime
import importlib
import json
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.ir.build import build_api
from generator.loader import load_spec
from generator.render import RenderSettings, render_sdk
from generator.render.sdk import runtime_file_paths
from generator.render.writer import write_tree

SPECS = Path(__file__).resolve().parents[1] / "fixtures" / "specs"
PACKAGE = "kitchen_sink_generated"


@pytest.fixture(scope="module")
def project_dir(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("generated") / "project"
    api = build_api(load_spec(str(SPECS / "kitchen_sink.yaml")), Diagnostics())
    settings = RenderSettings(package=PACKAGE, distribution="kitchen-sink-generated", version="1.2.3")
    files = render_sdk(api, settings)
    runtime = runtime_file_paths(files, PACKAGE)
    write_tree(files, output, format_paths=[p for p in files if p.endswith(".py") and p not in runtime])
    return output


@pytest.fixture(scope="module")
def sdk(project_dir):
    sys.path.insert(0, str(project_dir))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(project_dir))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


class RecordingClient:
    """Stands in for ApiClient/AsyncApiClient: records what a generated method passes."""

    def __init__(self, result=None):
        self.calls = []
        self.result = result

    def call_api(self, operation, args, request_options):
        self.calls.append((operation, args, request_options))
        return self.result

    async def call_api_async(self, operation, args, request_options):
        self.calls.append((operation, args, request_options))
        return self.result


def test_importing_the_package_loads_no_api_or_model_module(project_dir):
    script = textwrap.dedent(
        f"""
        import sys
        import {PACKAGE}
        loaded = lambda part: sorted(m for m in sys.modules if m.startswith("{PACKAGE}." + part + "."))
        assert loaded("apis") == [] and loaded("models") == [], (loaded("apis"), loaded("models"))
        api_class = {PACKAGE}.UsersApi
        assert loaded("apis") == ["{PACKAGE}.apis.users_api"], loaded("apis")
        assert loaded("models") == [], loaded("models")
        user = {PACKAGE}.User
        assert loaded("models") == ["{PACKAGE}.models.user"], loaded("models")
        assert {PACKAGE}.models.Skill.__name__ == "Skill"
        assert "UsersApi" in dir({PACKAGE}) and "User" in dir({PACKAGE}.models)
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=project_dir, capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


def test_unknown_names_raise_attribute_error(sdk):
    with pytest.raises(AttributeError, match="NoSuchThing"):
        sdk.NoSuchThing  # noqa: B018
    with pytest.raises(AttributeError):
        sdk.models.NoSuchModel  # noqa: B018


def test_version_module(sdk):
    version = importlib.import_module(f"{PACKAGE}._version")
    assert sdk.__version__ == "1.2.3"
    assert (version.API_TITLE, version.API_VERSION) == ("Kitchen Sink API", "3.1.4")
    assert (version.DEFAULT_HOST, version.DEFAULT_BASE_PATH, version.AUTH_MODE) == ("api.example.test", "/api/v2", "oauth2")
    assert version.SECURITY_SCHEMES["PureCloud OAuth"]["type"] == "oauth2"


def test_models_build_convert_and_round_trip(sdk):
    User, Skill = sdk.models.User, sdk.models.Skill
    user = User()
    user.name = "Ann"
    user.from_ = "keyword"
    user.var_2fa = True
    user.skills_by_name = {"py": Skill(name="python", proficiency=4.5)}
    user.date_created = datetime.datetime(2024, 5, 1, 10, tzinfo=datetime.timezone.utc)
    user.birthday = datetime.date(1990, 2, 3)
    user.manager = User(id="boss")
    assert user.to_dict() == {
        "name": "Ann",
        "manager": {"id": "boss"},
        "date_created": datetime.datetime(2024, 5, 1, 10, tzinfo=datetime.timezone.utc),
        "birthday": datetime.date(1990, 2, 3),
        "skills_by_name": {"py": {"name": "python", "proficiency": 4.5}},
        "from_": "keyword",
        "var_2fa": True,
    }
    wire = json.loads(user.to_json())
    assert wire["from"] == "keyword" and wire["2fa"] is True and wire["dateCreated"] == "2024-05-01T10:00:00Z"
    assert wire["skillsByName"] == {"py": {"name": "python", "proficiency": 4.5}}
    assert User.from_json(user.to_json()) == user
    assert User.from_dict(user.to_dict()) == user
    assert User(name="x", user_id="a", user_id_2="b").to_json() == '{"name":"x","userID":"a","userId":"b"}'


def test_allof_models_are_flattened(sdk):
    update = sdk.models.UpdateUser(name="n", email="e", version=3, state="retired")
    assert json.loads(update.to_json()) == {"name": "n", "email": "e", "version": 3, "state": "retired"}


def test_decoding_a_listing_with_unknown_enum_values(sdk):
    models_runtime = importlib.import_module(f"{PACKAGE}._models")
    body = b'{"entities": [{"id": "1", "state": "brand-new", "color": "purple", "manager": {"id": "2"}}], "pageCount": 1}'
    listing = models_runtime.decode_json(body, "UserEntityListing")
    assert listing.entities[0].state == "brand-new" and listing.entities[0].color == "purple"
    assert listing.entities[0].manager.id == "2" and listing.page_count == 1


def test_api_methods_pass_operation_and_wire_named_arguments(sdk):
    client = RecordingClient(result="decoded")
    api = sdk.UsersApi(client)
    since = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
    assert api.get_user("a/b", from_=since, class_="c", async_=True) == "decoded"
    operation, args, options = client.calls[-1]
    assert (operation.operation_id, operation.method, operation.path) == ("getUser", "GET", "/users/{userId}")
    assert operation.response_type == "User" and operation.auth == ("PureCloud OAuth",)
    assert args["userId"] == "a/b" and args["from"] is since and args["class"] == "c" and args["async"] is True
    assert args["If-Match"] is None and options is None
    assert [(p.wire_name, p.location) for p in operation.params][:2] == [("userId", "path"), ("If-Match", "header")]

    api.get_users(id=["1", "2"], expand=["presence"], tags=["x", "y"])
    params = {p.wire_name: p for p in client.calls[-1][0].params}
    assert params["id"].collection_format == "multi" and params["tags"].collection_format == "pipes"
    assert params["expand"].collection_format == "csv"


def test_positional_optional_arguments_are_refused(sdk):
    with pytest.raises(TypeError):
        sdk.UsersApi(RecordingClient()).get_users(25)


def test_forms_files_and_binary_responses(sdk):
    client = RecordingClient()
    api = sdk.FilesUploadsApi(client)
    api.post_files(b"content", name="n.txt", labels=["a"])
    operation, args, _ = client.calls[-1]
    locations = {p.wire_name: (p.location, p.collection_format) for p in operation.params}
    assert locations == {"file": ("file", None), "name": ("form", None), "labels": ("form", "csv")}
    assert operation.consumes == ("multipart/form-data",) and args["file"] == b"content"
    api.get_file_content("f")
    assert client.calls[-1][0].response_type == "bytes"
    api.put_files_form("client_credentials")
    assert client.calls[-1][0].response_type is None


def test_operations_with_several_tags_and_no_auth(sdk):
    client = RecordingClient()
    sdk.ClassApi(client).delete_user("u")
    sdk.ClassApi(client).get_health()
    assert client.calls[0][0].operation_id == "deleteUser" and client.calls[1][0].auth == ()


def test_deprecated_operations_warn(sdk):
    api = sdk.UsersApi(RecordingClient())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        api.patch_user("u", sdk.models.UpdateUser(name="x"))
    assert [w.category for w in caught] == [DeprecationWarning]
    assert caught[0].filename == __file__  # stacklevel points at the caller
    assert "deprecated" in sdk.UsersApi.patch_user.__doc__.lower()


def test_async_twin(sdk):
    client = RecordingClient(result="async result")
    api = sdk.AsyncUsersApi(client)
    assert asyncio.run(api.get_user("u")) == "async result"
    assert client.calls[-1][0].operation_id == "getUser"
    assert asyncio.iscoroutinefunction(sdk.AsyncUsersApi.get_users)


def test_docstrings_and_annotations(sdk):
    doc = sdk.UsersApi.get_users.__doc__
    assert "Allowed values: \"routingStatus\", \"presence\", \"date-format\"" in doc
    assert '"""triple quotes"""' in sdk.UsersApi.post_users.__doc__
    assert "Preview" in sdk.UsersApi.get_user_attributes.__doc__
    assert sdk.UsersApi.get_users.__annotations__["return"] == "UserEntityListing"


def test_real_runtime_client_over_a_mock_transport(sdk):
    httpx = pytest.importorskip("httpx")
    seen = []

    def handler(request):
        seen.append(request)
        return httpx.Response(200, json={"id": "u1", "name": "Ann", "state": "unknown-state", "manager": {"id": "m"}})

    client = sdk.ApiClient(host="https://api.example.test", access_token="token", transport=httpx.MockTransport(handler))
    user = sdk.UsersApi(client).get_user("a/b c", since_version=5)
    assert isinstance(user, sdk.models.User) and user.manager.id == "m" and user.state == "unknown-state"
    request = seen[0]
    assert request.url.raw_path.decode().startswith("/api/v2/users/a%2Fb%20c")
    assert request.url.params["sinceVersion"] == "5"
    assert request.headers["Authorization"] == "Bearer token"


def test_the_project_builds_a_wheel_with_the_package_only(project_dir, tmp_path):
    pytest.importorskip("hatchling")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(project_dir)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    import zipfile

    (wheel,) = tmp_path.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert f"{PACKAGE}/py.typed" in names and f"{PACKAGE}/models/user.py" in names
    assert f"{PACKAGE}/_models.py" in names and f"{PACKAGE}/apis/users_api.py" in names
    assert not [n for n in names if not n.startswith((f"{PACKAGE}/", "kitchen_sink_generated-1.2.3.dist-info/"))]
    assert not [n for n in names if n.endswith(".md")]


def test_sanitised_class_names_resolve_across_modules(sdk):
    models_runtime = importlib.import_module(f"{PACKAGE}._models")
    client = RecordingClient()
    sdk.ClassApi(client).get_error(404)
    assert client.calls[-1][0].response_type == "Exception"
    error = models_runtime.decode_json(b'{"message": "m", "details": [{"sameCase": {"lowercase": true}}]}', "Exception")
    assert error is not None and type(error).__name__ == "Exception" and not issubclass(type(error), BaseException)
    assert error.details[0].same_case.lowercase is True
    assert type(error.details[0].same_case) is sdk.models.Skill2 and sdk.models.Skill2 is not sdk.models.Skill
    assert sdk.models.Class(value="v").to_json() == '{"value":"v"}'
