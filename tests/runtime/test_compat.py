"""Scripts written for the official SDK run after changing the import."""

from __future__ import annotations

import asyncio

import pytest

from .fake_server import CLIENT_ID, CLIENT_SECRET


@pytest.fixture
def default_configuration(rtpkg, server):
    """The module-level configuration pointed at the local server; restored afterwards."""
    configuration = rtpkg.configuration
    saved = (
        configuration.host,
        configuration.access_token,
        configuration.retry_backoff_base,
    )
    configuration.host = server.url
    configuration.retry_backoff_base = 0.01
    yield configuration
    if configuration.api_client is not None:
        configuration.api_client.close()
    configuration.api_client = None
    configuration.host, configuration.access_token, configuration.retry_backoff_base = (
        saved
    )


def test_official_quick_start(rtpkg, default_configuration, app):
    apiclient = rtpkg.api_client.ApiClient().get_client_credentials_token(
        CLIENT_ID, CLIENT_SECRET
    )
    try:
        assert rtpkg.UsersApi(apiclient).get_users_me().name == "Me"
    finally:
        apiclient.close()


def test_module_configuration_reaches_the_default_instance(
    rtpkg, default_configuration
):
    import rtpkg.configuration as configuration_module

    assert rtpkg.configuration is configuration_module
    assert (
        rtpkg.configuration.Configuration.default().host == default_configuration.host
    )
    rtpkg.configuration.refresh_token_wait_time = 5
    assert rtpkg.Configuration.default().refresh_token_wait_time == 5
    rtpkg.configuration.refresh_token_wait_time = 10
    rtpkg.configuration.logger.log_level = rtpkg.logger.LogLevel.LDebug
    assert rtpkg.Configuration.default().logger.log_level is rtpkg.LogLevel.LDebug
    rtpkg.configuration.logger.log_level = rtpkg.logger.LogLevel.LNone
    region = rtpkg.PureCloudRegionHosts.us_east_1
    assert region.get_api_host() == "https://api.mypurecloud.com"


def test_api_class_without_client_uses_the_default(rtpkg, default_configuration, app):
    default_configuration.access_token = app.issue()["access_token"]
    api = rtpkg.UsersApi()
    assert (
        api.api_client
        is default_configuration.api_client
        is rtpkg.UsersApi().api_client
    )
    assert api.get_users_me().id == "me"


def test_except_api_exception_still_catches(rtpkg, make_client, app):
    from rtpkg.rest import ApiException

    api = rtpkg.UsersApi(make_client(access_token=app.issue()["access_token"]))
    with pytest.raises(ApiException) as caught:
        api.get_user("nobody")
    assert isinstance(caught.value, rtpkg.NotFoundError) and caught.value.status == 404
    assert (
        caught.value.reason == "Not Found" and caught.value.body["code"] == "not.found"
    )


def test_models_built_empty_then_filled(rtpkg):
    body = rtpkg.CreateUser()
    body.name = "Grace"
    body.email = "grace@example.com"
    assert body.to_json() == '{"name":"Grace","email":"grace@example.com"}'


def test_sync_api_class_refuses_an_async_client(rtpkg, server, config):
    client = rtpkg.AsyncApiClient(server.url, configuration=config)
    with pytest.raises(TypeError, match=r"UsersApi needs an ApiClient, got an AsyncApiClient: use AsyncUsersApi\(client\)"):
        rtpkg.UsersApi(client)
    api = rtpkg.UsersApi()
    with pytest.raises(TypeError, match="needs an ApiClient"):
        api.api_client = client


def test_async_api_class_refuses_a_sync_client(rtpkg, make_client):
    with pytest.raises(TypeError, match=r"AsyncUsersApi needs an AsyncApiClient, got a \(sync\) ApiClient: use UsersApi\(client\)"):
        rtpkg.AsyncUsersApi(make_client())


def test_async_grants_and_context_manager(rtpkg, server, app, config):
    async def scenario():
        async with rtpkg.AsyncApiClient(server.url, configuration=config) as client:
            await client.get_client_credentials_token(CLIENT_ID, CLIENT_SECRET)
            first = await rtpkg.AsyncUsersApi(client).get_users_me()
            _, info = await client.get_code_authorization_token(
                CLIENT_ID, CLIENT_SECRET, "the-code", "https://app/cb"
            )
            await client.refresh_code_authorization_token(
                CLIENT_ID, CLIENT_SECRET, info["refresh_token"]
            )
            await client.get_saml2bearer_token(
                CLIENT_ID, CLIENT_SECRET, "myorg", "saml-assertion"
            )
            return first, await rtpkg.AsyncUsersApi(client).get_users_me()

    first, second = asyncio.run(scenario())
    assert first.id == second.id == "me"
    assert len(app.calls("POST", "/oauth/token")) == 4


def test_public_names_all_resolve(rtpkg):
    from rtpkg._public import PUBLIC_NAMES

    for name in PUBLIC_NAMES:
        assert getattr(rtpkg, name) is not None, name
    assert issubclass(rtpkg.RateLimitError, rtpkg.ApiException)
    assert issubclass(rtpkg.ApiTimeoutError, rtpkg.ApiConnectionError)


def test_configuration_access_token_reaches_existing_clients(
    rtpkg, make_client, app, config
):
    client = make_client()
    api = rtpkg.UsersApi(client)
    with pytest.raises(rtpkg.MissingCredentialsError):  # nothing sent without credentials
        api.get_users_me()
    assert not app.requests
    config.access_token = app.issue()["access_token"]
    assert api.get_users_me().id == "me"


def test_default_async_client_follows_the_event_loop(rtpkg, default_configuration, app):
    default_configuration.access_token = app.issue()["access_token"]
    api = rtpkg.AsyncUsersApi()  # built outside any event loop

    async def call():
        return (await api.get_users_me()).id, api.api_client

    first_id, first_client = asyncio.run(call())
    second_id, second_client = asyncio.run(
        call()
    )  # a new loop: a new client, no stale pool
    assert first_id == second_id == "me" and first_client is not second_client
