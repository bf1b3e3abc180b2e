"""Grants, renewal, the one-refresher rule under concurrency, JWT mode."""

from __future__ import annotations

import asyncio
import base64
import threading
import time

import pytest

from .fake_server import CLIENT_ID, CLIENT_SECRET, Reply


def test_client_credentials_official_entry_point(rtpkg, make_client, app):
    client = make_client()
    assert client.get_client_credentials_token(CLIENT_ID, CLIENT_SECRET) is client
    assert rtpkg.UsersApi(client).get_users_me().id == "me"
    token_call = app.calls("POST", "/oauth/token")[0]
    assert token_call.form() == {"grant_type": "client_credentials"}


def test_client_credentials_keyword_configuration_is_lazy(rtpkg, make_client, app):
    client = make_client(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    assert app.calls("POST", "/oauth/token") == []
    api = rtpkg.UsersApi(client)
    api.get_users_me()
    api.get_users_me()
    assert len(app.calls("POST", "/oauth/token")) == 1


def test_wrong_secret_raises_unauthorized_with_oauth_error(rtpkg, make_client):
    client = make_client()
    with pytest.raises(rtpkg.UnauthorizedError) as caught:
        client.get_client_credentials_token(CLIENT_ID, "wrong")
    assert caught.value.status == 401
    assert caught.value.code == "invalid_client"


def test_saml2_bearer(rtpkg, make_client, app):
    client = make_client().get_saml2bearer_token(
        CLIENT_ID, CLIENT_SECRET, "myorg", "saml-assertion"
    )
    assert rtpkg.UsersApi(client).get_users_me().id == "me"
    form = app.calls("POST", "/oauth/token")[0].form()
    assert form["grant_type"] == "urn:ietf:params:oauth:grant-type:saml2-bearer"
    assert form["orgName"] == "myorg"


def test_authorization_code_then_refresh(rtpkg, make_client, app):
    client, info = make_client().get_code_authorization_token(
        CLIENT_ID, CLIENT_SECRET, "the-code", "https://app/cb"
    )
    assert info["refresh_token"].startswith("ref-") and info["expires_in"] == 3600
    client2, info2 = client.refresh_code_authorization_token(
        CLIENT_ID, CLIENT_SECRET, info["refresh_token"]
    )
    assert client2 is client and info2["access_token"] != info["access_token"]
    assert client.access_token == info2["access_token"]


def test_authorization_code_refreshes_transparently_after_401(rtpkg, make_client, app):
    client, _ = make_client().get_code_authorization_token(
        CLIENT_ID, CLIENT_SECRET, "the-code", "https://app/cb"
    )
    app.expire_all_tokens()  # the server revokes: the client only learns it from the 401
    assert rtpkg.UsersApi(client).get_users_me().id == "me"
    grants = [r.form()["grant_type"] for r in app.calls("POST", "/oauth/token")]
    assert grants == ["authorization_code", "refresh_token"]


def test_refresh_disabled_by_configuration(rtpkg, make_client, app, config):
    config.should_refresh_access_token = False
    client, _ = make_client().get_code_authorization_token(
        CLIENT_ID, CLIENT_SECRET, "the-code", "https://app/cb"
    )
    app.expire_all_tokens()
    with pytest.raises(rtpkg.UnauthorizedError) as caught:
        rtpkg.UsersApi(client).get_users_me()
    assert caught.value.correlation_id == "corr-401"
    assert len(app.calls("POST", "/oauth/token")) == 1


def test_pkce_helpers_follow_rfc7636(rtpkg):
    verifier = rtpkg.ApiClient.generate_pkce_code_verifier(128)
    assert len(verifier) == 128 and set(verifier) <= set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
    )
    # RFC 7636 appendix B test vector
    rfc_verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    assert (
        rtpkg.compute_pkce_code_challenge(rfc_verifier)
        == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    )
    with pytest.raises(ValueError):
        rtpkg.generate_pkce_code_verifier(20)


def test_pkce_grant_sends_verifier_without_secret(rtpkg, make_client, app):
    verifier = rtpkg.generate_pkce_code_verifier()
    app.pkce_challenges["pkce-code"] = rtpkg.compute_pkce_code_challenge(verifier)
    client, info = make_client().get_pkce_token(
        CLIENT_ID, verifier, "pkce-code", "https://app/cb"
    )
    assert "refresh_token" in info
    call = app.calls("POST", "/oauth/token")[0]
    assert "authorization" not in call.headers
    assert call.form()["code_verifier"] == verifier
    # the refresh of a public client sends client_id, no Basic auth
    app.expire_all_tokens()
    assert rtpkg.UsersApi(client).get_users_me().id == "me"
    refresh = app.calls("POST", "/oauth/token")[1]
    assert (
        refresh.form()["client_id"] == CLIENT_ID
        and "authorization" not in refresh.headers
    )


def test_user_supplied_token_and_token_provider(rtpkg, make_client, app):
    token = app.issue()["access_token"]
    client = make_client(access_token=token)
    assert rtpkg.UsersApi(client).get_users_me().id == "me"
    app.expire_all_tokens()
    with pytest.raises(rtpkg.UnauthorizedError):
        rtpkg.UsersApi(client).get_users_me()
    client.set_token_provider(lambda: app.issue()["access_token"])
    assert rtpkg.UsersApi(client).get_users_me().id == "me"


def test_proactive_renewal_before_expiry(rtpkg, make_client, app):
    app.token_lifetime = 1
    client = make_client(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    api = rtpkg.UsersApi(client)
    api.get_users_me()
    time.sleep(1.0)  # within the refresh buffer (10% of 1 s) or past expiry
    api.get_users_me()
    assert len(app.calls("POST", "/oauth/token")) == 2
    assert len(app.calls("GET", "/api/v2/users/me")) == 2  # no 401 round trip


def test_sixteen_threads_share_one_refresh(rtpkg, make_client, app):
    client, _ = make_client().get_code_authorization_token(
        CLIENT_ID, CLIENT_SECRET, "the-code", "https://app/cb"
    )
    api = rtpkg.UsersApi(client)
    api.get_users_me()  # warm the pool
    app.expire_all_tokens()
    app.token_delay = 0.2  # a slow login keeps the others waiting
    barrier = threading.Barrier(16)
    results, errors = [], []

    def worker():
        barrier.wait()
        try:
            results.append(api.get_users_me().id)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert results == ["me"] * 16
    refreshes = [
        r
        for r in app.calls("POST", "/oauth/token")
        if r.form()["grant_type"] == "refresh_token"
    ]
    assert len(refreshes) == 1


def test_sixteen_threads_share_one_renewal_on_expiry(rtpkg, make_client, app):
    app.token_lifetime = 1
    client = make_client(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    api = rtpkg.UsersApi(client)
    api.get_users_me()
    time.sleep(1.0)  # expired (or inside the renewal buffer) for every thread at once
    app.token_lifetime = 3600
    app.token_delay = 0.2
    barrier = threading.Barrier(16)
    results = []

    def worker():
        barrier.wait()
        results.append(api.get_users_me().id)

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["me"] * 16
    assert (
        len(app.calls("POST", "/oauth/token")) == 2
    )  # the first token and one renewal


def test_sixteen_tasks_share_one_refresh(rtpkg, server, app, config):
    async def scenario():
        async with rtpkg.AsyncApiClient(server.url, configuration=config) as client:
            await client.get_code_authorization_token(
                CLIENT_ID, CLIENT_SECRET, "the-code", "https://app/cb"
            )
            app.expire_all_tokens()
            app.token_delay = 0.2
            api = rtpkg.AsyncUsersApi(client)
            return await asyncio.gather(*(api.get_users_me() for _ in range(16)))

    users = asyncio.run(scenario())
    assert [u.id for u in users] == ["me"] * 16
    refreshes = [
        r
        for r in app.calls("POST", "/oauth/token")
        if r.form()["grant_type"] == "refresh_token"
    ]
    assert len(refreshes) == 1


def test_waiting_for_a_refresh_is_bounded(rtpkg, make_client, app, config):
    config.refresh_token_wait_time = 0.2
    client = make_client(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    app.token_delay = 1.0
    api = rtpkg.UsersApi(client)
    errors = []

    def slow_refresher():
        api.get_users_me()

    first = threading.Thread(target=slow_refresher)
    first.start()
    time.sleep(0.1)
    try:
        api.get_users_me()
    except rtpkg.TokenRefreshError as error:
        errors.append(error)
    first.join()
    assert len(errors) == 1 and isinstance(errors[0], rtpkg.ApiException)


def test_jwt_mode_sends_the_guest_token(rtpkg, make_client, app):
    app.route(
        "POST",
        "/api/v2/webchat/guest/conversations",
        lambda r: Reply(json={"id": "chat-1", "jwt": "jwt-abc"}),
    )
    app.route("GET", "/api/v2/users/me", lambda r: Reply(json={"id": "guest"}))
    client = make_client()
    api = rtpkg.UsersApi(client)
    chat = api.post_webchat_guest_conversations({"organizationId": "org"})
    assert (
        "authorization"
        not in app.calls("POST", "/api/v2/webchat/guest/conversations")[0].headers
    )
    client.set_jwt(chat["jwt"])
    api.get_users_me()
    assert (
        app.calls("GET", "/api/v2/users/me")[0].headers["authorization"]
        == "Bearer jwt-abc"
    )


def test_basic_auth_header_is_rfc7617(rtpkg):
    from rtpkg._auth import client_credentials_request

    headers = client_credentials_request("id", "s:e").headers()
    assert base64.b64decode(headers["Authorization"][6:]) == b"id:s:e"
