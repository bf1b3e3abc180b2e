"""Security as the spec declares it, over the local HTTP server: an SDK generated from a
petstore-style spec sends its api_key header, its query key, HTTP basic credentials and
the OAuth bearer token on exactly the operations whose schemes ask for them."""

from __future__ import annotations

import base64
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from .fake_server import Reply

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "tests" / "fixtures" / "specs" / "security_petstore.yaml"
PACKAGE = "secured_pets_rt"


@pytest.fixture(scope="module")
def sdk(tmp_path_factory):
    output = tmp_path_factory.mktemp("secured")
    command = [sys.executable, "-m", "generator", "generate", "--spec", str(SPEC), "--output", str(output),
               "--package", PACKAGE, "--no-schema", "--quiet"]  # fmt: skip
    subprocess.run(command, cwd=REPO, check=True, capture_output=True, text=True, timeout=600)
    sys.path.insert(0, str(output))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(output))


@pytest.fixture
def routes(app):
    pet = {"id": 7, "name": "Rex"}
    app.route("GET", "/v2/pet/7", lambda r: Reply(json=pet))
    app.route("GET", "/v2/pet/findByStatus", lambda r: Reply(json=[pet]))
    app.route("GET", "/v2/store/inventory", lambda r: Reply(json={"available": 3}))
    app.route("GET", "/v2/user/login", lambda r: Reply(json="logged in"))
    app.route("GET", "/v2/user/either", lambda r: Reply(json="either"))
    app.route("GET", "/v2/health", lambda r: Reply(json="ok"))
    return app


def _client(sdk, server, tmp_path, **settings):
    configuration = sdk.Configuration(config_file_path=str(tmp_path / "none"))
    for name, value in settings.items():
        setattr(configuration, name, value)
    configuration.host = server.url
    configuration.base_path = "/v2"
    return sdk.ApiClient(configuration=configuration)


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def test_each_operation_sends_the_credentials_its_schemes_name(sdk, server, routes, tmp_path):
    client = _client(
        sdk, server, tmp_path,
        api_key={"api_key": "k-header", "query_key": "k-query"},
        username="ann", password="s3cret",
    )  # fmt: skip
    client.set_access_token("tok-oauth")
    with client:
        pets, store, users = sdk.PetApi(client), sdk.StoreApi(client), sdk.UserApi(client)

        assert pets.get_pet_by_id(7).name == "Rex"
        sent = routes.requests[-1]
        assert sent.headers["api_key"] == "k-header"
        assert "authorization" not in sent.headers and sent.query == []

        assert store.get_inventory(detail=True) == {"available": 3}
        sent = routes.requests[-1]
        assert sent.query == [("detail", "true"), ("key", "k-query")]
        assert "api_key" not in sent.headers and "authorization" not in sent.headers

        assert users.login_user() == "logged in"
        assert routes.requests[-1].headers["authorization"] == _basic("ann", "s3cret")

        pets.find_pets_by_status("available")  # the spec-wide default: petstore_auth (OAuth)
        sent = routes.requests[-1]
        assert sent.headers["authorization"] == "Bearer tok-oauth" and "api_key" not in sent.headers

        users.get_with_key_or_basic()  # accepts either: every configured one is sent
        sent = routes.requests[-1]
        assert sent.headers["api_key"] == "k-header"
        assert sent.headers["authorization"] == _basic("ann", "s3cret")

        store.get_health()  # `security: []`: nothing at all
        sent = routes.requests[-1]
        assert not {"api_key", "authorization"} & set(sent.headers) and sent.query == []


def test_an_api_key_prefix_and_the_async_client(sdk, server, routes, tmp_path):
    import asyncio

    configuration = sdk.Configuration(config_file_path=str(tmp_path / "none"))
    configuration.host, configuration.base_path = server.url, "/v2"
    configuration.api_key["api_key"] = "abc"
    configuration.api_key_prefix["api_key"] = "Token"

    async def call():
        async with sdk.AsyncApiClient(configuration=configuration) as client:
            return await sdk.AsyncPetApi(client).get_pet_by_id(7)

    assert asyncio.run(call()).id == 7
    assert routes.requests[-1].headers["api_key"] == "Token abc"


def test_without_a_key_nothing_is_invented(sdk, server, routes, tmp_path):
    with _client(sdk, server, tmp_path) as client:
        sdk.PetApi(client).get_pet_by_id(7)
    sent = routes.requests[-1]
    assert "api_key" not in sent.headers and "authorization" not in sent.headers


def test_api_keys_never_reach_the_log(sdk, server, routes, tmp_path, caplog):
    import logging

    client = _client(sdk, server, tmp_path, api_key={"api_key": "k-secret-header"})
    client.configuration.logger.log_level = sdk.logger.LogLevel.LDebug
    with caplog.at_level(logging.DEBUG), client:
        sdk.PetApi(client).get_pet_by_id(7)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "/v2/pet/7" in logged  # the exchange was logged...
    assert "k-secret-header" not in logged and "api_key" in logged  # ...the header masked


def test_the_readme_documents_the_schemes_of_the_spec(sdk):
    readme = (Path(sdk.__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    auth = readme.split("## Authentication", 1)[1].split("\n## ", 1)[0]
    for expected in ('configuration.api_key["api_key"]', 'configuration.api_key["query_key"]',
                     "`key` query parameter", "configuration.username", "petstore_auth"):  # fmt: skip
        assert expected in auth, expected
