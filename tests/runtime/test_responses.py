"""Parameter encoding, bodies, extended responses, downloads, uploads, errors, pagination."""

from __future__ import annotations

import asyncio
import io
import json
from datetime import date, datetime, timezone
from urllib.parse import parse_qs, urlsplit

import pytest

from .fake_server import Reply


@pytest.fixture
def client(make_client, app):
    return make_client(access_token=app.issue()["access_token"])


@pytest.fixture
def api(rtpkg, client):
    return rtpkg.UsersApi(client)


def test_parameter_encoding_on_the_wire(api, app):
    app.route("GET", "/api/v2/echo/a%20b%2Fc%25d", lambda r: Reply(json={"ok": True}))
    api.get_echo(
        "a b/c%d",
        csv=["a", "b"],
        ssv=["a", "b"],
        tsv=["a", "b"],
        pipes=["a", "b"],
        multi=["x", "y"],
        when=datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone.utc),
        day=date(2024, 5, 6),
        flag=True,
        **{"X-Trace": "abc"},
    )
    call = app.requests[-1]
    assert call.target.startswith(
        "/api/v2/echo/a%20b%2Fc%25d?"
    )  # path value escaped with safe=""
    query = parse_qs(urlsplit(call.target).query)
    assert (
        query["csv"] == ["a,b"] and query["ssv"] == ["a b"] and query["tsv"] == ["a\tb"]
    )
    assert query["pipes"] == ["a|b"] and query["multi"] == ["x", "y"]
    assert (
        query["when"] == ["2024-05-06T07:08:09Z"]
        and query["day"] == ["2024-05-06"]
        and query["flag"] == ["true"]
    )
    assert call.headers["x-trace"] == "abc"


def test_none_arguments_are_not_sent(api, app):
    app.route("GET", "/api/v2/users", lambda r: Reply(json={"entities": []}))
    api.get_users(page_size=None, id=None)
    assert app.requests[-1].target == "/api/v2/users"


def test_missing_path_parameter_is_a_clear_error(api):
    with pytest.raises(
        ValueError, match="getUser: the path parameter 'userId' is required"
    ):
        api.get_user(None)


def test_json_body_from_model_built_attribute_by_attribute(rtpkg, api, app):
    app.route("POST", "/api/v2/users", lambda r: Reply(json={"id": "new", **r.json()}))
    body = rtpkg.CreateUser()
    body.name = "Ada"
    body.birthday = date(1815, 12, 10)
    user = api.post_users(body)
    sent = app.requests[-1]
    assert sent.json() == {"name": "Ada", "birthday": "1815-12-10"}
    assert sent.headers["content-type"] == "application/json"
    assert user.id == "new" and user.name == "Ada"


def test_default_and_per_request_headers(rtpkg, make_client, app):
    client = make_client(access_token="t", headers={"X-App": "one"})
    client.set_default_header("X-Team", "two")
    app.route("GET", "/api/v2/users/me", lambda r: Reply(json={"id": "me"}))
    rtpkg.UsersApi(client).get_users_me(
        request_options=rtpkg.RequestOptions(headers={"X-App": "override"})
    )
    headers = app.requests[-1].headers
    assert headers["x-app"] == "override" and headers["x-team"] == "two"
    assert headers["user-agent"].startswith("rtpkg/1.2.3")


def test_extended_response(rtpkg, api, app):
    app.route(
        "GET",
        "/api/v2/users/u1",
        lambda r: Reply(
            json={"id": "u1"}, headers={"ININ-Correlation-Id": "c-1", "X-Extra": "yes"}
        ),
    )
    response = api.get_user(
        "u1", request_options=rtpkg.RequestOptions(extended_response=True)
    )
    assert isinstance(response, rtpkg.ApiResponse)
    assert response.status == 200 and response.data.id == "u1"
    assert response.headers["x-extra"] == "yes" and response.correlation_id == "c-1"
    assert json.loads(response.raw) == {"id": "u1"}


def test_no_content_returns_none(api, app):
    app.route("DELETE", "/api/v2/users/u1", lambda r: Reply(204))
    assert api.delete_user("u1") is None


BLOB = bytes(range(256)) * 4096  # 1 MiB


def test_binary_download_as_bytes_to_path_and_to_file_object(rtpkg, api, app, tmp_path):
    app.route("GET", "/api/v2/downloads/d1", lambda r: Reply(body=BLOB))
    assert api.get_download("d1") == BLOB
    target = tmp_path / "out.bin"
    assert api.get_download(
        "d1", request_options=rtpkg.RequestOptions(download_to=target)
    ) == str(target)
    assert target.read_bytes() == BLOB and not (tmp_path / "out.bin.part").exists()
    sink = io.BytesIO()
    assert (
        api.get_download("d1", request_options=rtpkg.RequestOptions(download_to=sink))
        is sink
    )
    assert sink.getvalue() == BLOB
    extended = api.get_download(
        "d1",
        request_options=rtpkg.RequestOptions(download_to=sink, extended_response=True),
    )
    assert extended.raw is None and extended.status == 200


def test_failed_download_leaves_no_file(rtpkg, api, app, tmp_path):
    app.route("GET", "/api/v2/downloads/d2", lambda r: Reply(404, {"message": "gone"}))
    target = tmp_path / "never.bin"
    with pytest.raises(rtpkg.NotFoundError):
        api.get_download("d2", request_options=rtpkg.RequestOptions(download_to=target))
    assert not target.exists()


def test_async_download_to_file(rtpkg, server, app, config, tmp_path):
    app.route("GET", "/api/v2/downloads/d1", lambda r: Reply(body=BLOB))

    async def scenario():
        async with rtpkg.AsyncApiClient(
            server.url, configuration=config, access_token="t"
        ) as client:
            target = tmp_path / "async.bin"
            await rtpkg.AsyncUsersApi(client).get_download(
                "d1", request_options=rtpkg.RequestOptions(download_to=target)
            )
            return target.read_bytes()

    assert asyncio.run(scenario()) == BLOB


def _multipart_echo(request):
    content_type = request.headers["content-type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    return Reply(
        json={"size": len(request.body), "body": request.body.decode("latin-1")}
    )


@pytest.mark.parametrize("kind", ["bytes", "path", "file", "tuple"])
def test_multipart_upload(api, app, tmp_path, kind):
    app.route("POST", "/api/v2/uploads", _multipart_echo)
    payload = b"\x00\x01hello upload\xff"
    path = tmp_path / "report.csv"
    path.write_bytes(payload)
    value = {
        "bytes": payload,
        "path": str(path),
        "file": open(path, "rb"),  # noqa: SIM115 - closed below
        "tuple": ("named.csv", payload, "text/csv"),
    }[kind]
    try:
        echoed = api.post_upload(value, name="quarterly")["body"]
    finally:
        if hasattr(value, "close"):
            value.close()
    assert payload.decode("latin-1") in echoed
    assert 'name="name"' in echoed and "quarterly" in echoed
    filename = {
        "bytes": "file",
        "path": "report.csv",
        "file": "report.csv",
        "tuple": "named.csv",
    }[kind]
    assert f'filename="{filename}"' in echoed


def test_multipart_without_a_file_is_still_multipart(api, app):
    app.route("POST", "/api/v2/uploads", _multipart_echo)
    echoed = api.post_upload(None, name='say "hi"')["body"]
    assert 'name="name"' in echoed and 'say "hi"' in echoed and "filename" not in echoed


def test_multipart_upload_is_resent_whole_after_a_retry(api, app, tmp_path):
    path = tmp_path / "data.bin"
    path.write_bytes(b"0123456789" * 100)
    replies = iter([Reply(503), None])
    app.route("POST", "/api/v2/uploads", lambda r: next(replies) or _multipart_echo(r))
    with open(path, "rb") as handle:
        result = api.post_upload(handle)
    bodies = [r.body for r in app.calls("POST", "/api/v2/uploads")]
    assert len(bodies) == 2 and b"0123456789" * 100 in bodies[1]
    assert len(bodies[0]) == len(bodies[1]) == result["size"]


def test_urlencoded_form(api, app):
    app.route("POST", "/api/v2/forms", lambda r: Reply(json={"form": r.body.decode()}))
    assert (
        api.post_form(name="a b", tags=["x", "y"])["form"] == "name=a+b&tags=x&tags=y"
    )
    assert (
        app.requests[-1].headers["content-type"] == "application/x-www-form-urlencoded"
    )


@pytest.mark.parametrize(
    ("status", "error_name"),
    [
        (400, "BadRequestError"),
        (401, "UnauthorizedError"),
        (403, "ForbiddenError"),
        (404, "NotFoundError"),
        (409, "ConflictError"),
        (422, "ApiStatusError"),
        (501, "ServerError"),
    ],
)
def test_error_hierarchy(rtpkg, api, app, status, error_name):
    body = {"message": "went wrong", "code": "some.code", "status": status}
    app.route(
        "GET",
        "/api/v2/users/u1",
        lambda r: Reply(status, body, headers={"ININ-Correlation-Id": "corr-x"}),
    )
    with pytest.raises(
        rtpkg.ApiException
    ) as caught:  # the official base class catches everything
        api.get_user("u1", request_options=rtpkg.RequestOptions(max_retries=0))
    error = caught.value
    assert type(error).__name__ == error_name and isinstance(
        error, rtpkg.ApiStatusError
    )
    assert error.status == status and error.body == body and error.code == "some.code"
    assert (
        error.correlation_id == "corr-x"
        and error.headers["content-type"] == "application/json"
    )
    assert "went wrong" in str(error) and "corr-x" in str(error)


def test_invalid_body_raises_response_decode_error(rtpkg, api, app):
    app.route("GET", "/api/v2/users/u1", lambda r: Reply(body=b"{not json"))
    with pytest.raises(
        rtpkg.ResponseDecodeError,
        match="getUser: the response body is not a valid User",
    ):
        api.get_user("u1")


# --- pagination -------------------------------------------------------------------------

PEOPLE = [{"id": f"u{i}", "name": f"User {i}"} for i in range(1, 5001)]


def _page_number_listing(request):
    query = dict(request.query)
    size, number = int(query.get("pageSize", 25)), int(query.get("pageNumber", 1))
    chunk = PEOPLE[(number - 1) * size : number * size]
    return Reply(
        json={
            "entities": chunk,
            "pageSize": size,
            "pageNumber": number,
            "total": len(PEOPLE),
            "pageCount": -(-len(PEOPLE) // size),
        }
    )


def _next_uri_listing(request):
    query = dict(request.query)
    size, number = int(query.get("pageSize", 25)), int(query.get("pageNumber", 1))
    chunk = PEOPLE[(number - 1) * size : number * size]
    more = number * size < len(PEOPLE)
    next_uri = (
        f"/api/v2/users?pageSize={size}&pageNumber={number + 1}" if more else None
    )
    return Reply(
        json={
            "entities": chunk,
            "pageSize": size,
            "pageNumber": number,
            "nextUri": next_uri,
        }
    )


def _cursor_listing(request):
    query = dict(request.query)
    start = int(query.get("cursor") or 0)
    size = int(query.get("pageSize", 100))
    end = start + size
    return Reply(
        json={
            "entities": PEOPLE[start:end],
            "cursor": str(end) if end < len(PEOPLE) else None,
        }
    )


def test_iterate_thousands_of_entities_by_page_number(rtpkg, api, app):
    app.route("GET", "/api/v2/users", _page_number_listing)
    users = rtpkg.iter_entities(api.get_users, page_size=250)
    first = next(users)
    assert first.id == "u1" and len(app.calls("GET", "/api/v2/users")) == 1  # lazy
    ids = [first.id] + [user.id for user in users]
    assert ids == [p["id"] for p in PEOPLE]
    assert len(app.calls("GET", "/api/v2/users")) == 20


def test_iterate_by_next_uri(rtpkg, api, app):
    app.route("GET", "/api/v2/users", _next_uri_listing)
    pages = list(rtpkg.iter_pages(api.get_users, page_size=1000))
    assert len(pages) == 5 and type(pages[-1]).__name__ == "UserEntityListing"
    assert sum(len(page.entities) for page in pages) == 5000
    assert all(
        r.headers["authorization"].startswith("Bearer ")
        for r in app.calls("GET", "/api/v2/users")
    )


def test_iterate_by_cursor(rtpkg, api, app):
    app.route("GET", "/api/v2/users/cursor", _cursor_listing)
    assert len(list(rtpkg.iter_entities(api.get_users_cursor, page_size=500))) == 5000


def test_absolute_next_uri_is_fetched_from_the_clients_own_host(rtpkg, api, app):
    pages = {
        "1": {
            "entities": [{"id": "a"}],
            "nextUri": "https://elsewhere.example/api/v2/users?pageNumber=2",
        },
        "2": {"entities": [{"id": "b"}], "nextUri": None},
    }
    app.route(
        "GET",
        "/api/v2/users",
        lambda r: Reply(json=pages[dict(r.query).get("pageNumber", "1")]),
    )
    assert [u.id for u in rtpkg.iter_entities(api.get_users)] == ["a", "b"]
    assert (
        app.requests[-1].target == "/api/v2/users?pageNumber=2"
    )  # our server, not elsewhere


def test_async_iteration(rtpkg, server, app, config):
    app.route("GET", "/api/v2/users", _next_uri_listing)
    app.route("GET", "/api/v2/users/cursor", _cursor_listing)

    async def scenario():
        async with rtpkg.AsyncApiClient(
            server.url, configuration=config, access_token="t"
        ) as client:
            api = rtpkg.AsyncUsersApi(client)
            by_uri = [
                u.id async for u in rtpkg.aiter_entities(api.get_users, page_size=500)
            ]
            by_cursor = [
                u.id
                async for u in rtpkg.aiter_entities(
                    api.get_users_cursor, page_size=1000
                )
            ]
            return by_uri, by_cursor

    by_uri, by_cursor = asyncio.run(scenario())
    assert len(by_uri) == 5000 and by_cursor == by_uri


def _cut_then_whole():
    replies = iter([Reply(body=BLOB, cut_after=len(BLOB) // 3)])
    return lambda request: next(replies, Reply(body=BLOB))


def test_download_reset_mid_body_is_retried_like_any_get(rtpkg, api, app, tmp_path):
    app.route("GET", "/api/v2/downloads/d1", _cut_then_whole())
    target = tmp_path / "file.bin"
    assert api.get_download(
        "d1", request_options=rtpkg.RequestOptions(download_to=target)
    ) == str(target)
    assert target.read_bytes() == BLOB
    assert not (tmp_path / "file.bin.part").exists()
    assert len(app.calls("GET", "/api/v2/downloads/d1")) == 2
    app.route("GET", "/api/v2/downloads/d1", _cut_then_whole())
    sink = io.BytesIO(b"kept:")
    sink.seek(5)
    api.get_download("d1", request_options=rtpkg.RequestOptions(download_to=sink))
    assert sink.getvalue() == b"kept:" + BLOB  # rewound to where it started, not duplicated


def test_async_download_reset_mid_body_is_retried(rtpkg, server, app, config, tmp_path):
    app.route("GET", "/api/v2/downloads/d1", _cut_then_whole())
    target = tmp_path / "file.bin"

    async def scenario():
        async with rtpkg.AsyncApiClient(
            server.url, configuration=config, access_token=app.issue()["access_token"]
        ) as client:
            await rtpkg.AsyncUsersApi(client).get_download(
                "d1", request_options=rtpkg.RequestOptions(download_to=target)
            )

    asyncio.run(scenario())
    assert target.read_bytes() == BLOB
    assert len(app.calls("GET", "/api/v2/downloads/d1")) == 2


def test_download_into_an_unseekable_sink_is_not_retried_once_written(rtpkg, api, app):
    app.route("GET", "/api/v2/downloads/d1", _cut_then_whole())

    class Pipe:
        def __init__(self):
            self.chunks = []

        def write(self, data):
            self.chunks.append(data)

        def seekable(self):
            return False

    with pytest.raises(rtpkg.ApiConnectionError):
        api.get_download("d1", request_options=rtpkg.RequestOptions(download_to=Pipe()))
    assert len(app.calls("GET", "/api/v2/downloads/d1")) == 1
