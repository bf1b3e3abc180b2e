"""A ``str`` response is the body text when the server sends text (text/plain, text/calendar),
and JSON-decoded when it sends JSON (a JSON string literal)."""

from __future__ import annotations

import importlib

import pytest

from .fake_server import Reply


@pytest.fixture
def client(make_client, app):
    return make_client(access_token=app.issue()["access_token"])


@pytest.fixture
def text_op(rtpkg):
    operation = importlib.import_module(f"{rtpkg.__name__}._operation")
    return operation.OperationSpec(
        operation_id="getCalendar", method="GET", path="/api/v2/calendar.ics",
        response_type="str", auth=(), produces=("text/calendar",),
    )


@pytest.mark.parametrize("content_type,body,expected", [
    ("text/calendar; charset=utf-8", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".encode(),
     "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"),
    ("text/plain", "héllo".encode(), "héllo"),
    ("application/json", b'"quoted"', "quoted"),
])
def test_str_responses(client, app, text_op, content_type, body, expected):
    app.route("GET", "/api/v2/calendar.ics", lambda r: Reply(body=body, headers={"Content-Type": content_type}))
    assert client.call_api(text_op, {}, None) == expected
