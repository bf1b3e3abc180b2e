"""Models accept their fields' wire names as attributes (scripts migrating from JSON-shaped
code write ``address.postalCode = ...``), and an unknown attribute names the closest field."""

from __future__ import annotations

import asyncio
import copy
import pickle

import pytest

from .fake_server import Reply


def _echo_created(app):
    app.route("POST", "/api/v2/users", lambda request: Reply(200, {"id": "u1", **request.json()}))


def test_wire_name_sets_the_field_and_is_sent(rtpkg, make_client, app):
    from rtpkg.models import CreateUser

    _echo_created(app)
    body = CreateUser(name="Ada")
    body.postalCode = "46278"
    assert body.postal_code == "46278"
    assert body.postalCode == "46278"  # reading the alias reads the field
    rtpkg.UsersApi(make_client(access_token="t")).post_users(body)
    assert app.calls("POST", "/api/v2/users")[0].json() == {"name": "Ada", "postalCode": "46278"}


def test_wire_name_alias_async(rtpkg, server, app, config):
    from rtpkg.models import CreateUser

    _echo_created(app)

    async def scenario():
        async with rtpkg.AsyncApiClient(server.url, configuration=config, access_token="t") as client:
            body = CreateUser()
            body.postalCode = "46278"
            await rtpkg.AsyncUsersApi(client).post_users(body)

    asyncio.run(scenario())
    assert app.calls("POST", "/api/v2/users")[0].json() == {"postalCode": "46278"}


@pytest.mark.parametrize(
    ("typo", "suggestion"),
    [("postcode", "postal_code"), ("postal_cod", "postal_code"), ("Email", "email"), ("nmae", "name")],
)
def test_unknown_attribute_names_the_closest_field(rtpkg, typo, suggestion):
    from rtpkg.models import CreateUser

    body = CreateUser()
    with pytest.raises(AttributeError, match=f"has no field '{typo}'; did you mean '{suggestion}'") as raised:
        setattr(body, typo, "x")
    assert raised.value.name == typo
    with pytest.raises(AttributeError, match=f"did you mean '{suggestion}'"):
        getattr(body, typo)
    assert body.to_dict() == {}  # nothing was set


def test_nothing_close_gives_no_suggestion(rtpkg):
    from rtpkg.models import CreateUser

    with pytest.raises(AttributeError) as raised:
        CreateUser().xyzzy = 1
    assert str(raised.value) == "CreateUser has no field 'xyzzy'"


def test_decoded_models_copy_and_pickle_as_before(rtpkg):
    from rtpkg._models import decode_json

    user = decode_json(b'{"id": "u", "dateModified": "2024-01-02T03:04:05Z"}', "User")
    assert user.dateModified == user.date_modified
    assert copy.deepcopy(user) == user
    assert pickle.loads(pickle.dumps(user)) == user
    assert not hasattr(user, "__deepcopy__")
