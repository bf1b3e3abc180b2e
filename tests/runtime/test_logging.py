"""Logging levels and formats, secrets never written, hooks."""

from __future__ import annotations

import json
import logging

import pytest

from .fake_server import CLIENT_ID, CLIENT_SECRET, Reply

SECRETS = (
    CLIENT_SECRET,
    "tok-",
    "ref-",
    "jwt-secret-value",
    "hunter2",
    "Y2lkOmNzZWNyZXQ",
)  # last: base64 of id:secret


@pytest.fixture
def log_file(config, tmp_path):
    path = tmp_path / "sdk.log"
    config.logger.log_to_console = False
    config.logger.log_file_path = str(path)
    yield path
    config.logger.log_level = "none"  # detach the file handler


def _exercise(rtpkg, make_client, app):
    """Every kind of exchange: token grant, refresh after 401, success, failure, secret bodies."""
    app.route(
        "POST",
        "/api/v2/users",
        lambda r: Reply(json={"id": "u", "jwt": "jwt-secret-value", **r.json()}),
    )
    app.route(
        "GET",
        "/api/v2/users/bad",
        lambda r: Reply(404, {"message": "nope", "access_token": "tok-leak"}),
    )
    client, _ = make_client().get_code_authorization_token(
        CLIENT_ID, CLIENT_SECRET, "the-code", "https://app/cb"
    )
    api = rtpkg.UsersApi(client)
    api.get_users_me()
    app.expire_all_tokens()
    api.get_users_me()
    api.post_users({"name": "n", "password": "hunter2"})
    with pytest.raises(rtpkg.NotFoundError):
        api.get_user("bad")


@pytest.mark.parametrize("level", ["error", "debug", "trace"])
@pytest.mark.parametrize("log_format", ["text", "json"])
def test_secrets_are_absent_at_every_level(
    rtpkg, make_client, app, config, log_file, level, log_format
):
    config.logger.log_level = level
    config.logger.log_format = log_format
    config.logger.log_request_body = True
    config.logger.log_response_body = True
    _exercise(rtpkg, make_client, app)
    text = log_file.read_text()
    assert "/api/v2/users/bad" in text  # errors are logged at every level
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} written at level {level}"
    if log_format == "json":
        records = [json.loads(line) for line in text.splitlines()]
        assert all(
            {"date", "level", "method", "url", "status"} <= set(r) for r in records
        )


def test_level_detail(rtpkg, make_client, app, config, log_file):
    config.logger.log_level = rtpkg.LogLevel.LError
    api = rtpkg.UsersApi(make_client(access_token=app.issue()["access_token"]))
    api.get_users_me()
    assert not log_file.exists()  # error level: successes are not logged
    config.logger.log_level = rtpkg.LogLevel.LDebug
    config.logger.log_format = rtpkg.LogFormat.JSON
    api.get_users_me()
    record = json.loads(log_file.read_text().splitlines()[-1])
    assert record["level"] == "DEBUG" and record["status"] == 200
    assert record["request_headers"]["Authorization"] == "[REDACTED]"
    assert (
        "response_headers" not in record and "request_body" not in record
    )  # bodies off by default
    config.logger.log_level = "trace"
    api.get_users_me()
    record = json.loads(log_file.read_text().splitlines()[-1])
    assert record["level"] == "TRACE" and "response_headers" in record


def test_bodies_are_off_by_default_even_for_errors(
    rtpkg, make_client, app, config, log_file
):
    config.logger.log_level = "trace"
    app.route(
        "POST", "/api/v2/users", lambda r: Reply(400, {"message": "private detail"})
    )
    with pytest.raises(rtpkg.BadRequestError):
        rtpkg.UsersApi(make_client(access_token="t")).post_users(
            {"name": "Private Person"}
        )
    text = log_file.read_text()
    assert "Private Person" not in text and "private detail" not in text


def test_records_go_through_standard_logging(rtpkg, make_client, app, config, caplog):
    config.logger.log_level = "debug"
    config.logger.log_to_console = False
    try:
        with caplog.at_level(logging.DEBUG, logger="rtpkg"):
            rtpkg.UsersApi(
                make_client(access_token=app.issue()["access_token"])
            ).get_users_me()
        assert any(
            r.name == "rtpkg" and "GET" in r.getMessage() and "-> 200" in r.getMessage()
            for r in caplog.records
        )
    finally:
        config.logger.log_level = "none"


def test_none_level_logs_nothing(rtpkg, make_client, app, config, log_file):
    config.logger.log_level = "none"
    _exercise(rtpkg, make_client, app)
    assert not log_file.exists() or log_file.read_text() == ""


def test_request_and_response_hooks(rtpkg, make_client, app):
    replies = iter([Reply(503), Reply(json={"id": "me"})])
    app.route("GET", "/api/v2/users/me", lambda r: next(replies))
    client = make_client(access_token="t")
    requests, responses = [], []
    client.request_hooks.append(requests.append)
    client.response_hooks.append(responses.append)
    rtpkg.UsersApi(client).get_users_me()
    assert [(e.operation_id, e.attempt) for e in requests] == [
        ("getUsersMe", 1),
        ("getUsersMe", 2),
    ]
    assert [(e.status, e.will_retry) for e in responses] == [(503, True), (200, False)]
    assert all(e.elapsed >= 0 and e.method == "GET" for e in responses)


def test_redaction_helpers(rtpkg):
    from rtpkg.logger import redact_body, redact_headers

    assert redact_headers(
        {"Authorization": "Bearer x", "Cookie": "c", "Accept": "a"}
    ) == {"Authorization": "[REDACTED]", "Cookie": "[REDACTED]", "Accept": "a"}
    assert "s3cr3t" not in redact_body(b'{"a": [{"client_secret": "s3cr3t"}]}')
    assert "s3cr3t" not in redact_body("grant_type=refresh_token&refresh_token=s3cr3t")
    assert redact_body(bytes([0xFF, 0xFE])) == "<2 bytes>"


CUSTOM_SECRET_HEADERS = {
    "X-Api-Key": "key-value-1",
    "X-Auth-Token": "token-value-2",
    "X-Client-Secret": "secret-value-3",
    "X-Session-Id": "session-value-4",
    "My-Password": "password-value-5",
    "X-Cookie-Jar": "cookie-value-6",
    "X-Upstream-Authorization": "authorization-value-7",
}


@pytest.mark.parametrize("level", ["debug", "trace"])
def test_custom_secret_headers_are_masked(rtpkg, make_client, app, config, log_file, level):
    config.logger.log_level = level
    config.logger.log_format = "json"
    app.route(
        "GET",
        "/api/v2/users/u1",
        lambda r: Reply(json={"id": "u1"}, headers={"X-Session-Token": "session-value-8"}),
    )
    client = make_client(access_token=app.issue()["access_token"], headers=CUSTOM_SECRET_HEADERS)
    client.set_default_header("X-Request-Tag", "visible-tag")
    rtpkg.UsersApi(client).get_user("u1")
    text = log_file.read_text()
    assert "visible-tag" in text
    for value in [*CUSTOM_SECRET_HEADERS.values(), "session-value-8"]:
        assert value not in text, value
    record = json.loads(text.splitlines()[-1])
    assert record["request_headers"]["X-Api-Key"] == "[REDACTED]"
