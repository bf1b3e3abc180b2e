"""Timeouts that bound a whole call, settings changed after a client exists, errors that say
how many attempts were made, configuration-file reload; sync and async, against local servers."""

from __future__ import annotations

import asyncio
import itertools
import socket
import time

import pytest

from .fake_server import Reply


@pytest.fixture
def silent_server():
    """A server that accepts connections (the kernel does) and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    listener.close()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _sequence(*replies: Reply):
    queue = itertools.chain(replies, itertools.repeat(replies[-1]))
    return lambda request: next(queue)


def test_the_timeout_bounds_a_whole_call_against_a_silent_server(rtpkg, config, silent_server):
    client = rtpkg.ApiClient(silent_server, configuration=config, access_token="t")
    config.timeout = 1.5  # set after the client exists: it reaches the client
    started = time.monotonic()
    with client, pytest.raises(rtpkg.ApiTimeoutError) as caught:
        rtpkg.UsersApi(client).get_users_me()
    elapsed = time.monotonic() - started
    assert 1.4 <= elapsed < 2.0
    assert "1 attempt over 1.5 s" in str(caught.value)
    assert "the call's timeout is 1.5 s" in str(caught.value)
    assert caught.value.attempts == 1


def test_the_timeout_bounds_a_whole_async_call(rtpkg, config, silent_server):
    config.timeout = 1.5

    async def scenario():
        async with rtpkg.AsyncApiClient(
            silent_server, configuration=config, access_token="t"
        ) as client:
            return await rtpkg.AsyncUsersApi(client).get_users_me()

    started = time.monotonic()
    with pytest.raises(rtpkg.ApiTimeoutError):
        asyncio.run(scenario())
    assert time.monotonic() - started < 2.0


def test_retries_and_their_waits_count_against_the_timeout(rtpkg, make_client, app):
    app.route("GET", "/api/v2/users/u1", _sequence(Reply(503, headers={"Retry-After": "0.6"})))
    client = make_client(access_token=app.issue()["access_token"], timeout=1.5, max_retries=10)
    started = time.monotonic()
    with pytest.raises(rtpkg.ServerError) as caught:
        rtpkg.UsersApi(client).get_user("u1")
    assert time.monotonic() - started < 1.5
    assert len(app.calls("GET", "/api/v2/users/u1")) == 3  # 0, 0.6, 1.2 s: the next is too late
    assert "after 3 attempts over 1." in str(caught.value)


def test_a_per_attempt_timeout_is_a_separate_setting(rtpkg, make_client, app):
    app.route(
        "GET",
        "/api/v2/users/u1",
        _sequence(Reply(json={"id": "late"}, delay=0.5), Reply(json={"id": "u1"})),
    )
    client = make_client(access_token=app.issue()["access_token"], attempt_timeout=0.2, timeout=5)
    response = rtpkg.UsersApi(client).get_user(
        "u1", request_options=rtpkg.RequestOptions(extended_response=True)
    )
    assert response.data.id == "u1" and response.attempts == 2


def test_connection_refused_says_how_many_attempts_over_how_long(rtpkg, config):
    client = rtpkg.ApiClient(f"http://127.0.0.1:{_closed_port()}", configuration=config, access_token="t")
    with client, pytest.raises(rtpkg.ApiConnectionError) as caught:
        rtpkg.UsersApi(client).get_users_me()
    assert "ConnectError" in str(caught.value)
    assert "after 4 attempts over" in str(caught.value)
    assert caught.value.attempts == 4 and caught.value.elapsed >= 0


def test_max_retries_set_after_the_client_exists_reaches_it(rtpkg, make_client, app, config):
    app.route("GET", "/api/v2/users/u1", _sequence(Reply(500), Reply(json={"id": "u1"})))
    client = make_client(access_token=app.issue()["access_token"])
    api = rtpkg.UsersApi(client)
    config.max_retries = 0
    with pytest.raises(rtpkg.ServerError):
        api.get_user("u1")
    assert len(app.calls("GET", "/api/v2/users/u1")) == 1
    config.max_retries = 3
    assert api.get_user("u1").id == "u1"


def test_keyword_settings_of_a_client_win_over_later_configuration_changes(rtpkg, make_client, app, config):
    client = make_client(access_token="t", max_retries=5)
    config.max_retries = 0
    assert client.retry_policy.max_retries == 5
    assert rtpkg.ApiClient(configuration=config).retry_policy.max_retries == 0


def test_default_client_follows_the_module_configuration(rtpkg, server, app):
    configuration = rtpkg.configuration
    saved = (configuration.max_retries, configuration.timeout)
    client = rtpkg.get_default_api_client()
    try:
        rtpkg.configuration.max_retries = 0
        rtpkg.configuration.timeout = 7.5
        assert client.retry_policy.max_retries == 0
        assert client.call_settings().timeout == 7.5
    finally:
        configuration.max_retries, configuration.timeout = saved


def test_proxy_change_on_a_connected_client_raises_saying_how_to_apply_it(
    rtpkg, make_client, app, config
):
    client = make_client(access_token=app.issue()["access_token"])
    config.verify_ssl = False  # nothing sent yet: the client will use it
    rtpkg.UsersApi(client).get_users_me()
    assert client.transport_options()["verify"] is False
    with pytest.raises(rtpkg.SettingNotAppliedError) as caught:
        config.proxy = "http://proxy.internal:3128"
    assert "build a new one" in str(caught.value)
    assert config.proxy is None
    client.close()
    config.proxy = "http://proxy.internal:3128"  # no connected client: fine


# configuration file reload -------------------------------------------------------------------


def _rewrite(path, text):
    time.sleep(0.01)  # a distinct mtime
    path.write_text(text)


def test_removing_the_gateway_section_stops_using_the_gateway(rtpkg, server, app, config, tmp_path):
    host, port = server.httpd.server_address[:2]
    path = tmp_path / "config"
    path.write_text(
        f"[gateway]\nhost = {host}\nprotocol = http\nport = {port}\npath_params_api = gw\n"
    )
    config.config_file_path = str(path)
    config.config_check_interval = 0.0
    config.host = server.url
    client = rtpkg.ApiClient(configuration=config, access_token=app.issue()["access_token"])
    api = rtpkg.UsersApi(client)
    with pytest.raises(rtpkg.NotFoundError):
        api.get_users_me()  # through the gateway's path
    assert app.requests[-1].path == "/gw/api/v2/users/me"
    _rewrite(path, "[logging]\nlog_level = none\n")
    assert api.get_users_me().id == "me"
    assert config.gateway_configuration is None
    client.close()


def test_a_removed_key_goes_back_to_its_previous_value(rtpkg, config, tmp_path):
    path = tmp_path / "config"
    path.write_text("[reauthentication]\nrefresh_token_wait_max = 3\n")
    config.config_file_path = str(path)
    config.config_check_interval = 0.0
    assert config.refresh_token_wait_time == 3
    _rewrite(path, "[general]\n")
    config.check_config_file()
    assert config.refresh_token_wait_time == 10
    path.write_text("[reauthentication]\nrefresh_token_wait_max = 3\n")
    config.check_config_file()
    config.refresh_token_wait_time = 8  # the program's own change wins over the file's removal
    _rewrite(path, "")
    config.check_config_file()
    assert config.refresh_token_wait_time == 8


def test_live_reload_switched_off_by_the_file_can_be_switched_on_again(rtpkg, config, tmp_path):
    path = tmp_path / "config"
    path.write_text(
        "[general]\nlive_reload_config = false\n[reauthentication]\nrefresh_token_wait_max = 3\n"
    )
    config.config_file_path = str(path)
    config.config_check_interval = 0.0
    assert config.live_reload_config is False and config.refresh_token_wait_time == 3
    _rewrite(path, "[general]\nlive_reload_config = false\n[reauthentication]\nrefresh_token_wait_max = 4\n")
    config.check_config_file()
    assert config.refresh_token_wait_time == 3  # off: other changes are not applied
    _rewrite(path, "[general]\nlive_reload_config = true\n[reauthentication]\nrefresh_token_wait_max = 5\n")
    config.check_config_file()
    assert config.live_reload_config is True and config.refresh_token_wait_time == 5


def test_live_reload_switched_off_in_code_reads_nothing(rtpkg, config, tmp_path):
    path = tmp_path / "config"
    config.config_file_path = str(path)
    config.config_check_interval = 0.0
    config.live_reload_config = False
    path.write_text("[general]\nlive_reload_config = true\n")
    config.check_config_file()
    assert config.live_reload_config is False
