"""client.request(): any endpoint by path, through the client's auth, retries and hooks."""

from __future__ import annotations

import asyncio

import pytest

from .fake_server import CLIENT_ID, CLIENT_SECRET, Reply


def _widgets(app, failures: int = 0):
    """GET /api/v2/widgets/{id}: ``failures`` 503s first, then the widget with what was sent."""
    state = {"failures": failures}

    def handler(request):
        if not app.authorized(request):
            return Reply(401, {"message": "no"})
        if state["failures"]:
            state["failures"] -= 1
            return Reply(503, {"message": "busy"})
        return Reply(
            json={"id": request.path.rsplit("/", 1)[1], "query": request.query, "tag": request.headers.get("x-tag")},
            headers={"ININ-Correlation-Id": "corr-w"},
        )

    app.route("GET", "/api/v2/widgets/w1", handler)


def test_get_by_path_with_params_query_and_headers(make_client, app):
    _widgets(app)
    client = make_client(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    result = client.request(
        "get",
        "/api/v2/widgets/{widgetId}?preview=true&flag=a&flag=b",
        path_params={"widgetId": "w1"},
        query={"expand": ["a", "b"], "skip": None},
        headers={"X-Tag": "nightly"},
    )
    assert result == {
        "id": "w1",
        "query": [["preview", "true"], ["flag", "a"], ["flag", "b"], ["expand", "a"], ["expand", "b"]],
        "tag": "nightly",
    }
    assert len(app.calls("POST", "/oauth/token")) == 1  # the client's own grant


def test_retries_reauth_and_hooks_apply(rtpkg, make_client, app):
    _widgets(app, failures=1)
    client = make_client(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    client.get_client_credentials_token(CLIENT_ID, CLIENT_SECRET)
    app.expire_all_tokens()  # the first attempt gets a 401: renewed and retried
    seen = []
    client.response_hooks.append(lambda event: seen.append((event.operation_id, event.status)))
    response = client.request("GET", "/api/v2/widgets/w1", extended_response=True)
    assert isinstance(response, rtpkg.ApiResponse)
    assert response.status == 200 and response.correlation_id == "corr-w"
    assert response.data["id"] == "w1"
    assert seen == [("request", 401), ("oauthToken", 200), ("request", 503), ("request", 200)]


def test_model_response_type_and_json_body(rtpkg, make_client, app):
    from rtpkg.models import CreateUser

    app.route("POST", "/api/v2/users", lambda r: Reply(json={"id": "u9", **r.json()}))
    client = make_client(access_token=app.issue()["access_token"])
    user = client.request("POST", "/api/v2/users", body=CreateUser(name="Ada", postal_code="1"), response_type=rtpkg.User)
    assert type(user).__name__ == "User" and user.id == "u9" and user.name == "Ada"
    assert app.calls("POST", "/api/v2/users")[0].json() == {"name": "Ada", "postalCode": "1"}
    listed = client.request("POST", "/api/v2/users", body={"name": "B"}, response_type="dict[str, Any]")
    assert listed == {"id": "u9", "name": "B"}


def test_typed_errors_carry_the_correlation_id(rtpkg, make_client, app):
    client = make_client(access_token=app.issue()["access_token"])
    with pytest.raises(rtpkg.NotFoundError) as raised:
        client.request("DELETE", "/api/v2/nowhere")
    assert raised.value.correlation_id == "corr-404"


def test_bad_paths_fail_before_sending(make_client, app):
    client = make_client(access_token="t")
    with pytest.raises(ValueError, match="relative to the API host"):
        client.request("GET", "https://elsewhere.example/api/v2/users")
    with pytest.raises(ValueError, match="userId"):
        client.request("GET", "/api/v2/users/{userId}")
    with pytest.raises(ValueError, match="no path parameter"):
        client.request("GET", "/api/v2/users", path_params={"userId": "x"})
    with pytest.raises(ValueError, match="unknown HTTP method"):
        client.request("FETCH", "/api/v2/users")
    assert not app.requests


def test_async_raw_call_retries_and_auth(rtpkg, server, app, config):
    _widgets(app, failures=2)

    async def scenario():
        async with rtpkg.AsyncApiClient(
            server.url, configuration=config, client_id=CLIENT_ID, client_secret=CLIENT_SECRET
        ) as client:
            first, second = await asyncio.gather(
                client.request("GET", "/api/v2/widgets/{id}", path_params={"id": "w1"}),
                client.request("GET", "/api/v2/widgets/w1", extended_response=True),
            )
            return first, second

    first, second = asyncio.run(scenario())
    assert first["id"] == "w1" and second.data["id"] == "w1" and second.status == 200
    assert len(app.calls("GET", "/api/v2/widgets/w1")) == 4  # two 503s retried
    assert len(app.calls("POST", "/oauth/token")) == 1
