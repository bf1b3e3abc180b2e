"""Token sets saved and restored through a store, logout, and no request without credentials."""

from __future__ import annotations

import asyncio
import json
import os
import stat
import time

import pytest

from .fake_server import CLIENT_ID, CLIENT_SECRET, Reply


def _revocation(app):
    """DELETE /api/v2/tokens/me: the bearer token stops being valid."""

    def revoke(request):
        if not app.authorized(request):
            return Reply(401, {"message": "bad token"})
        with app.lock:
            app.valid_tokens.discard(request.headers["authorization"][7:])
        return Reply(204)

    app.route("DELETE", "/api/v2/tokens/me", revoke)


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_file_store_round_trip_owner_only_and_atomic(rtpkg, tmp_path):
    path = tmp_path / "new-folder" / "token.json"
    store = rtpkg.FileTokenStore(path)
    assert store.load() is None
    tokens = rtpkg.TokenSet("tok", "ref", 1_900_000_000.5, "authorization_code", "cid", "https://login")
    store.save(tokens)
    assert store.load() == tokens
    assert _mode(path) == 0o600 and _mode(path.parent) == 0o700
    store.save(rtpkg.TokenSet("tok2"))
    assert store.load() == rtpkg.TokenSet("tok2")
    assert os.listdir(path.parent) == ["token.json"]  # no temporary file left behind
    store.clear()
    assert store.load() is None and not path.exists()
    store.clear()  # clearing twice is fine


def test_a_damaged_file_is_ignored_with_a_warning(rtpkg, tmp_path):
    path = tmp_path / "token.json"
    path.write_text("{not json")
    with pytest.warns(RuntimeWarning, match="token file .*token.json ignored"):
        assert rtpkg.FileTokenStore(path).load() is None


def test_a_store_that_cannot_save_does_not_fail_the_login(rtpkg, make_client, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    client = make_client()
    with pytest.warns(RuntimeWarning, match="ignored"):  # its folder is a file
        client.set_token_store(rtpkg.FileTokenStore(blocker / "token.json"))
    events = []
    client.events.subscribe(events.append, "token_save_failed")
    with pytest.warns(RuntimeWarning, match="could not save the token set"):
        client.get_client_credentials_token(CLIENT_ID, CLIENT_SECRET)
    assert client.access_token == "tok-1"
    assert [event.kind for event in events] == ["token_save_failed"]
    kind, _, detail = events[0].error.partition(": ")
    assert kind.endswith("Error") and str(blocker) in detail  # what failed, and where


def test_tokens_are_saved_and_restored_by_the_next_client(rtpkg, make_client, app, tmp_path):
    path = tmp_path / "token.json"
    first = make_client(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    assert first.set_token_store(rtpkg.FileTokenStore(path)) is None  # nothing saved yet
    rtpkg.UsersApi(first).get_users_me()
    saved = json.loads(path.read_text())
    assert saved["access_token"] == "tok-1" and saved["grant"] == "client_credentials"
    assert saved["client_id"] == CLIENT_ID and "csecret" not in path.read_text()
    assert saved["expires_at"] == pytest.approx(time.time() + 3600, abs=5)
    assert _mode(path) == 0o600

    second = make_client(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    events = []
    second.events.subscribe(events.append)
    restored = second.set_token_store(rtpkg.FileTokenStore(path))
    assert [(e.kind, e.data["grant"]) for e in events] == [("token_restored", "client_credentials")]
    assert 3590 < events[0].data["expires_in"] <= 3600
    assert restored is not None and restored.access_token == "tok-1"
    assert rtpkg.UsersApi(second).get_users_me().id == "me"
    assert len(app.calls("POST", "/oauth/token")) == 1  # the second run asked for no token
    assert app.calls("GET", "/api/v2/users/me")[-1].headers["authorization"] == "Bearer tok-1"


def test_a_refresh_token_from_a_previous_run_renews(rtpkg, make_client, app):
    store = rtpkg.MemoryTokenStore()
    first = make_client()
    first.set_token_store(store)
    first.get_code_authorization_token(CLIENT_ID, CLIENT_SECRET, "the-code", "https://app/cb")
    assert store.tokens.grant == "authorization_code" and store.tokens.refresh_token == "ref-1"
    app.expire_all_tokens()  # the access token died with the previous run

    second = make_client(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    assert second.set_token_store(store).refresh_token == "ref-1"
    assert rtpkg.UsersApi(second).get_users_me().id == "me"
    grants = [r.form() for r in app.calls("POST", "/oauth/token")]
    assert grants[-1] == {"grant_type": "refresh_token", "refresh_token": "ref-1"}  # not client credentials
    assert store.tokens.access_token == "tok-2" and store.tokens.refresh_token == "ref-2"


def test_pkce_refresh_token_restores_without_any_configuration(rtpkg, make_client, app):
    expired = rtpkg.TokenSet("old", "ref-x", time.time() - 60, "pkce", CLIENT_ID)
    app.refresh_tokens.add("ref-x")
    client = make_client()
    assert client.set_token_store(rtpkg.MemoryTokenStore(expired)) is not None
    assert rtpkg.UsersApi(client).get_users_me().id == "me"
    form = app.calls("POST", "/oauth/token")[0].form()
    assert form == {"grant_type": "refresh_token", "refresh_token": "ref-x", "client_id": CLIENT_ID}


@pytest.mark.parametrize(
    "saved",
    [
        {"access_token": "t", "expires_at": 1.0, "grant": "client_credentials", "client_id": CLIENT_ID},  # expired
        {"access_token": "t", "grant": "client_credentials", "client_id": "another-client"},
        {"access_token": "t", "grant": "access_token", "login_host": "https://login.other.region"},
    ],
)
def test_sets_of_no_use_or_of_another_client_are_not_restored(rtpkg, make_client, saved):
    client = make_client(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    assert client.set_token_store(rtpkg.MemoryTokenStore(rtpkg.TokenSet.from_dict(saved))) is None
    assert client.access_token == ""


def test_logout_revokes_then_forgets_and_clears_the_store(rtpkg, make_client, app, tmp_path):
    _revocation(app)
    path = tmp_path / "token.json"
    client = make_client(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    client.set_token_store(rtpkg.FileTokenStore(path))
    rtpkg.UsersApi(client).get_users_me()
    events = []
    client.events.subscribe(events.append, "logged_out")
    client.logout()
    assert [e.data for e in events] == [{"revoked": True}]
    revoke = app.calls("DELETE", "/api/v2/tokens/me")
    assert [r.headers["authorization"] for r in revoke] == ["Bearer tok-1"]
    assert "tok-1" not in app.valid_tokens and not path.exists()
    assert client.access_token == "" and client.refresh_token is None
    sent = len(app.requests)
    with pytest.raises(rtpkg.MissingCredentialsError):  # the grant's secret is forgotten too
        rtpkg.UsersApi(client).get_users_me()
    assert len(app.requests) == sent
    client.get_client_credentials_token(CLIENT_ID, CLIENT_SECRET)  # logging in again works
    assert rtpkg.UsersApi(client).get_users_me().id == "me"


def test_logout_with_a_token_the_server_no_longer_knows(rtpkg, make_client, app):
    _revocation(app)
    client = make_client(access_token="unknown-token")
    client.logout()  # 401: already invalid, nothing to report
    assert len(app.calls("DELETE", "/api/v2/tokens/me")) == 1 and client.access_token == ""


def test_a_refused_revocation_is_raised_after_forgetting(rtpkg, make_client, app):
    app.route("DELETE", "/api/v2/tokens/me", lambda r: Reply(403, {"message": "not allowed"}))
    store = rtpkg.MemoryTokenStore(rtpkg.TokenSet("t"))
    client = make_client()
    client.set_token_store(store)
    with pytest.raises(rtpkg.ForbiddenError):
        client.logout()
    assert client.access_token == "" and store.tokens is None


def test_no_credentials_fails_before_any_request(rtpkg, make_client, app):
    client = make_client()
    with pytest.raises(rtpkg.MissingCredentialsError) as raised:
        rtpkg.UsersApi(client).get_users_me()
    message = str(raised.value)
    for way in ("client_id=", "get_client_credentials_token", "get_pkce_token", "access_token=", "set_token_store"):
        assert way in message
    with pytest.raises(rtpkg.ApiException):  # still an ApiException, as every call error
        client.request("GET", "/api/v2/users/me")
    assert not app.requests
    # operations that need no auth are still sent
    app.route("POST", "/api/v2/webchat/guest/conversations", lambda r: Reply(json={"jwt": "j"}))
    assert rtpkg.UsersApi(client).post_webchat_guest_conversations({}) == {"jwt": "j"}


def test_async_store_restore_logout_and_missing_credentials(rtpkg, server, app, config, tmp_path):
    _revocation(app)
    path = tmp_path / "token.json"

    async def scenario():
        async with rtpkg.AsyncApiClient(server.url, configuration=config) as client:
            with pytest.raises(rtpkg.MissingCredentialsError):
                await rtpkg.AsyncUsersApi(client).get_users_me()
            assert not app.requests
            client.set_token_store(rtpkg.FileTokenStore(path))
            await client.get_code_authorization_token(CLIENT_ID, CLIENT_SECRET, "the-code", "https://app/cb")
        app.expire_all_tokens()
        async with rtpkg.AsyncApiClient(
            server.url, configuration=config, client_id=CLIENT_ID, client_secret=CLIENT_SECRET
        ) as client:
            assert client.set_token_store(rtpkg.FileTokenStore(path)).refresh_token == "ref-1"
            me = await rtpkg.AsyncUsersApi(client).get_users_me()
            await client.logout()
            return me

    assert asyncio.run(scenario()).id == "me"
    assert app.calls("POST", "/oauth/token")[-1].form()["refresh_token"] == "ref-1"
    assert [r.headers["authorization"] for r in app.calls("DELETE", "/api/v2/tokens/me")] == ["Bearer tok-2"]
    assert not path.exists()
