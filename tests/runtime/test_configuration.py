"""Configuration file (INI/JSON), live reload, hosts, regions, gateway, proxy."""

from __future__ import annotations

import json
import logging
import os
import ssl
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .fake_server import CLIENT_ID, CLIENT_SECRET

INI = """
[logging]
log_level = trace
log_format = json
log_to_console = false
log_file_path = {log}
log_response_body = false
log_request_body = true
[reauthentication]
refresh_access_token = false
refresh_token_wait_max = 7
[general]
live_reload_config = true
host = https://api.mypurecloud.ie
[gateway]
host = mygateway.mydomain.myextension
protocol = https
port = 1443
path_params_login = myadditionalpathforlogin
path_params_api = myadditionalpathforapi
username = username
password = password
"""


def _as_json(ini_text: str) -> str:
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(ini_text)
    data = {s: dict(parser[s]) for s in parser.sections()}
    data["logging"]["log_to_console"] = False
    data["logging"]["log_request_body"] = True
    data["reauthentication"] = {
        "refresh_access_token": False,
        "refresh_token_wait_max": 7,
    }
    data["gateway"]["port"] = 1443
    return json.dumps(data, indent=2)


@pytest.mark.parametrize("kind", ["ini", "json"])
def test_config_file_sections_and_keys(rtpkg, tmp_path, kind):
    text = INI.format(log=tmp_path / "sdk.log")
    path = tmp_path / "config"
    path.write_text(text if kind == "ini" else _as_json(text))
    config = rtpkg.Configuration(config_file_path=str(path))
    try:
        logger = config.logger
        assert (
            logger.log_level is rtpkg.LogLevel.LTrace
            and logger.log_format is rtpkg.LogFormat.JSON
        )
        assert logger.log_to_console is False and logger.log_file_path == str(
            tmp_path / "sdk.log"
        )
        assert logger.log_request_body is True and logger.log_response_body is False
        assert (
            config.should_refresh_access_token is False
            and config.refresh_token_wait_time == 7
        )
        assert config.host == "https://api.mypurecloud.ie"
        assert (
            config.api_base_url()
            == "https://mygateway.mydomain.myextension:1443/myadditionalpathforapi"
        )
        assert (
            config.login_base_url()
            == "https://mygateway.mydomain.myextension:1443/myadditionalpathforlogin"
        )
    finally:
        logger.log_level = "none"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "[logging]\nlog_level = verbose\n",
            r"\[logging\] log_level: 'verbose' is not a log level",
        ),
        (
            "[reauthentication]\nrefresh_token_wait_max = soon\n",
            r"\[reauthentication\] refresh_token_wait_max",
        ),
        (
            "[general]\nlive_reload_config = maybe\n",
            r"\[general\] live_reload_config: 'maybe' is not a boolean",
        ),
        ("[gateway]\nport = 1443\n", r"\[gateway\] host: missing"),
        ('{\n  "logging": {"log_level": "debug",}\n}', r":2:\d+: invalid JSON"),
        ("log_level = debug\n", "invalid INI"),
    ],
)
def test_invalid_config_file_names_the_place(rtpkg, tmp_path, content, message):
    path = tmp_path / "config"
    path.write_text(content)
    with pytest.raises(rtpkg.ConfigFileError, match=message) as caught:
        rtpkg.Configuration(config_file_path=str(path))
    assert str(path) in str(caught.value)


def test_live_reload_applies_changes_without_restart(
    rtpkg, make_client, app, config, tmp_path
):
    path = tmp_path / "live-config"  # absent at start-up
    config.config_file_path = str(path)
    config.config_check_interval = 0.0
    api = rtpkg.UsersApi(make_client(access_token=app.issue()["access_token"]))
    api.get_users_me()
    assert config.refresh_token_wait_time == 10
    path.write_text("[reauthentication]\nrefresh_token_wait_max = 3\n")
    api.get_users_me()
    assert config.refresh_token_wait_time == 3
    time.sleep(0.01)  # a distinct mtime
    path.write_text(
        '{"reauthentication": {"refresh_token_wait_max": 4}, "logging": {"log_level": "error"}}'
    )
    api.get_users_me()
    assert (
        config.refresh_token_wait_time == 4
        and config.logger.log_level is rtpkg.LogLevel.LError
    )
    config.logger.log_level = "none"


def test_broken_file_during_reload_keeps_settings_and_warns(
    rtpkg, config, tmp_path, caplog
):
    path = tmp_path / "live-config"
    path.write_text("[reauthentication]\nrefresh_token_wait_max = 3\n")
    config.config_file_path = str(path)
    config.config_check_interval = 0.0
    path.write_text("[reauthentication]\nrefresh_token_wait_max = never\n")
    with caplog.at_level(logging.WARNING, logger="rtpkg"):
        config.check_config_file()
    assert config.refresh_token_wait_time == 3
    assert "refresh_token_wait_max" in caplog.text and str(path) in caplog.text


def test_reload_checks_are_rate_limited(rtpkg, config, tmp_path):
    path = tmp_path / "cfg"
    config.config_file_path = str(path)
    config.config_check_interval = 60
    config.check_config_file()
    path.write_text("[reauthentication]\nrefresh_token_wait_max = 2\n")
    config.check_config_file()  # within the interval: not even a stat
    assert config.refresh_token_wait_time == 10
    config.live_reload_config = False
    config.config_check_interval = 0
    config.check_config_file()
    assert config.refresh_token_wait_time == 10


def test_default_file_lives_in_home(rtpkg):
    from rtpkg.configuration import default_config_file_path

    assert default_config_file_path() == os.path.join(
        os.environ["HOME"], ".genesyscloudpython", "config"
    )


def test_regions(rtpkg, config):
    regions = list(rtpkg.PureCloudRegionHosts)
    assert len(regions) >= 15
    assert (
        rtpkg.PureCloudRegionHosts.eu_west_1.get_api_host()
        == "https://api.mypurecloud.ie"
    )
    assert (
        rtpkg.PureCloudRegionHosts.ap_southeast_2.login_host
        == "https://login.mypurecloud.com.au"
    )
    assert (
        rtpkg.PureCloudRegionHosts.from_name("ca-central-1")
        is rtpkg.PureCloudRegionHosts.ca_central_1
    )
    with pytest.raises(ValueError, match="unknown Genesys Cloud region 'mars-1'"):
        rtpkg.PureCloudRegionHosts.from_name("mars-1")
    client = rtpkg.ApiClient(region="eu-central-1", configuration=config)
    with client:
        assert client.host == "https://api.mypurecloud.de"
        assert client.login_base_url() == "https://login.mypurecloud.de"
    config.region = rtpkg.PureCloudRegionHosts.us_west_2
    assert config.api_base_url() == "https://api.usw2.pure.cloud"
    assert config.login_base_url() == "https://login.usw2.pure.cloud"


def test_set_gateway_routes_login_and_api(rtpkg, server, app, config):
    app.route("POST", "/login-prefix/oauth/token", app._token)
    app.route("GET", "/api-prefix/api/v2/users/me", app._me)
    port = int(server.url.rsplit(":", 1)[1])
    with rtpkg.ApiClient(configuration=config) as client:
        client.set_gateway("127.0.0.1", "http", port, "login-prefix", "api-prefix")
        client.get_client_credentials_token(CLIENT_ID, CLIENT_SECRET)
        assert rtpkg.UsersApi(client).get_users_me().id == "me"
    assert [r.path for r in app.requests] == [
        "/login-prefix/oauth/token",
        "/api-prefix/api/v2/users/me",
    ]


def test_gateway_configuration_object(rtpkg, config):
    gateway = rtpkg.GatewayConfiguration()
    gateway.host = "gw.example"
    gateway.port = -1
    gateway.path_params_api = "/api-path/"
    config.gateway_configuration = gateway
    assert config.api_base_url() == "https://gw.example/api-path"
    assert config.login_base_url() == "https://gw.example"


def test_proxy_with_credentials(rtpkg, server, app, config):
    token = app.issue()["access_token"]
    config.proxy = server.url  # the local server plays the proxy and the API behind it
    config.proxy_username = "proxyuser"
    config.proxy_password = "proxypass"
    with rtpkg.ApiClient(
        "http://api.upstream.test", configuration=config, access_token=token
    ) as client:
        assert rtpkg.UsersApi(client).get_users_me().id == "me"
    call = app.requests[-1]
    assert call.target == "http://api.upstream.test/api/v2/users/me"
    import base64

    assert (
        call.headers["proxy-authorization"]
        == "Basic " + base64.b64encode(b"proxyuser:proxypass").decode()
    )


def test_tls_verification_is_on_by_default(rtpkg, config):
    with rtpkg.ApiClient(configuration=config) as client:
        assert client.verify_ssl is True
        assert isinstance(client.http_settings(1)["verify"], ssl.SSLContext)
    config.verify_ssl = False
    with rtpkg.ApiClient(configuration=config) as client:
        assert client.verify_ssl is False
        assert client.http_settings(1)["verify"] is False


def test_import_is_cheap_and_starts_no_thread(rtpkg):
    root = Path(rtpkg.__file__).parent.parent
    code = (
        "import threading, time; t = time.perf_counter();"
        "import rtpkg, rtpkg.api_client, rtpkg.configuration, rtpkg.apis.users_api;"
        "print(threading.active_count(), time.perf_counter() - t)"
    )
    env = {**os.environ, "PYTHONPATH": str(root)}
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    threads, seconds = out.split()
    assert threads == "1"
    assert (
        float(seconds) < 2.0
    )  # generous: the machine is shared; bench/ measures for real


def test_configuration_module_declares_every_public_setting_for_type_checkers(rtpkg):
    """``<sdk>.configuration.host`` is typed through declarations in configuration.py (the
    module forwards to the default Configuration): every public attribute must be there."""
    import ast
    import inspect

    module = rtpkg.configuration
    tree = ast.parse(inspect.getsource(module))
    declared = set()
    for node in tree.body:
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            for item in node.body:
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    declared.add(item.target.id)
                elif isinstance(item, ast.FunctionDef):
                    declared.add(item.name)
    instance = rtpkg.Configuration(read_config_file=False)
    public = {name for name in dir(instance) if not name.startswith("_")}
    assert public - declared == set()
