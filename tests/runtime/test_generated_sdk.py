"""The runtime inside SDKs the generator really renders (Guest Chat; Platform is slow)."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .fake_server import CLIENT_ID, CLIENT_SECRET, Reply

REPO = Path(__file__).resolve().parents[2]
SPECS = REPO / "specs"  # the shipped specs are in the repository


def _generate(spec: Path, package: str, output: Path):
    if not spec.exists():
        pytest.skip(f"{spec} not available")
    command = [sys.executable, "-m", "generator", "generate", "--spec", str(spec), "--output", str(output),
               "--package", package, "--no-schema", "--quiet"]  # fmt: skip
    subprocess.run(
        command, cwd=REPO, check=True, capture_output=True, text=True, timeout=600
    )
    sys.path.insert(0, str(output))
    try:
        return importlib.import_module(package)
    finally:
        sys.path.remove(str(output))


@pytest.fixture(scope="module")
def guest_chat(tmp_path_factory):
    return _generate(
        SPECS / "guest-chat-13.2.0.json.gz",
        "guest_chat_rt",
        tmp_path_factory.mktemp("gc"),
    )


def test_guest_chat_jwt_flow_and_pagination(guest_chat, server, app, tmp_path):
    app.route(
        "POST",
        "/api/v2/webchat/guest/conversations",
        lambda r: Reply(json={"id": "c1", "jwt": "jwt-1", "member": {"id": "m1"}}),
    )
    members = {
        "entities": [{"id": "m1", "displayName": "Guest"}],
        "pageNumber": 1,
        "pageCount": 1,
    }
    app.route(
        "GET",
        "/api/v2/webchat/guest/conversations/c1/members",
        lambda r: (
            Reply(json=members)
            if r.headers.get("authorization") == "Bearer jwt-1"
            else Reply(401)
        ),
    )
    configuration = guest_chat.Configuration(config_file_path=str(tmp_path / "none"))
    with guest_chat.ApiClient(server.url, configuration=configuration) as client:
        api = guest_chat.WebChatApi(client)
        body = guest_chat.CreateWebChatConversationRequest()
        body.organization_id = "org"
        chat = api.post_webchat_guest_conversations(body)
        assert (
            "authorization" not in app.requests[-1].headers
        )  # creating a chat needs no JWT
        assert app.requests[-1].json() == {"organizationId": "org"}
        with pytest.raises(guest_chat.rest.ApiException):
            api.get_webchat_guest_conversation_members(
                "c1", request_options=guest_chat.RequestOptions(max_retries=0)
            )
        client.set_jwt(chat.jwt)
        found = list(
            guest_chat.iter_entities(
                api.get_webchat_guest_conversation_members, "c1", page_size=25
            )
        )
    assert [m.display_name for m in found] == ["Guest"]
    assert guest_chat.configuration.CONFIG_DIR_NAME == ".genesyscloudpython-guest"


def test_guest_chat_import_and_api_object_load_no_http_stack(guest_chat):
    """The rendered package (lazy maps, API module) keeps httpx & co. for the first request."""
    code = (
        "import sys, guest_chat_rt; guest_chat_rt.WebChatApi(); guest_chat_rt.AsyncWebChatApi();"
        "print(sorted(m for m in ('httpx', 'httpcore', 'anyio', 'ssl', 'asyncio', 'logging',"
        " 'msgspec') if m in sys.modules))"
    )
    root = Path(guest_chat.__file__).parent.parent
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.slow
def test_platform_sdk_official_flow(tmp_path_factory, server, app):
    sdk = _generate(
        SPECS / "platform-api-269.0.0.json.gz",
        "platform_rt",
        tmp_path_factory.mktemp("pf"),
    )
    configuration = sdk.Configuration(
        config_file_path=str(tmp_path_factory.mktemp("cfg") / "none")
    )
    with sdk.api_client.ApiClient(server.url, configuration=configuration) as client:
        client.get_client_credentials_token(CLIENT_ID, CLIENT_SECRET)
        assert sdk.UsersApi(client).get_users_me().name == "Me"
        assert sdk.AuthorizationApi(client).api_client is client


def test_guest_chat_credentials_logout_and_raw_calls(guest_chat, server, app, tmp_path):
    """In an SDK authenticated by JWT: the no-credentials error names set_jwt, logout sends
    nothing (no revocation endpoint) and forgets the JWT, raw calls carry the JWT."""
    app.route(
        "GET",
        "/api/v2/webchat/guest/conversations/c1/members",
        lambda r: Reply(json={"entities": [], "auth": r.headers.get("authorization")}),
    )
    configuration = guest_chat.Configuration(config_file_path=str(tmp_path / "none"))
    with guest_chat.ApiClient(server.url, configuration=configuration) as client:
        api = guest_chat.WebChatApi(client)
        with pytest.raises(guest_chat.MissingCredentialsError, match="set_jwt") as raised:
            api.get_webchat_guest_conversation_members("c1")
        assert "get_client_credentials_token" not in str(raised.value)
        assert not app.requests
        client.set_jwt("jwt-1")
        store = guest_chat.MemoryTokenStore()
        client.set_token_store(store)
        client.set_access_token("jwt-2", expires_in=600)  # saved like any token
        assert store.tokens.access_token == "jwt-2"
        answer = client.request("GET", "/api/v2/webchat/guest/conversations/{id}/members", path_params={"id": "c1"})
        assert answer["auth"] == "Bearer jwt-2"
        client.logout()
        assert len(app.requests) == 1 and store.tokens is None and client.access_token == ""
