"""The generated ``topics`` module: an SDK rendered from a slice of the Platform spec (the
availabletopics operation and the notification models the fixture names) with the
availabletopics fixture, imported and used; and the features each shipped spec gets."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import httpx
import pytest

from generator.diagnostics import Diagnostics
from generator.ir.build import build_api
from generator.loader import load_spec
from generator.render.features import features

from .topics_sdk import render_topics_sdk

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "topics_gen_sdk"


@pytest.fixture(scope="module")
def sdk(tmp_path_factory):
    project = render_topics_sdk(tmp_path_factory.mktemp("topics"), PACKAGE)
    assert (project / PACKAGE / "topics.py").is_file()
    # no web chat guest operations in this slice: no guest chat modules at all
    assert not [p.name for p in (project / PACKAGE).glob("*guest_chat*")]
    sys.path.insert(0, str(project))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(project))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


def test_helpers_build_topic_names(sdk):
    topics = sdk.topics
    assert topics.users_presence("u-1") == "v2.users.u-1.presence"
    assert topics.users_routing_status(id="u-1") == "v2.users.u-1.routingStatus"
    assert (
        topics.users_outbound_contactlists_export("u-1", "l-2") == "v2.users.u-1.outbound.contactlists.l-2.export"
    )
    assert topics.system_messages() == "v2.system.messages"
    assert topics.USERS_PRESENCE.pattern == "v2.users.{id}.presence"
    with pytest.raises(ValueError):
        topics.users_presence("a.b")
    assert "PresenceEventUserPresence" in topics.users_presence.__doc__
    assert sdk.NotificationTopic is topics.NotificationTopic
    assert not hasattr(sdk, "GuestChatSession")
    assert topics.USERS_PRESENCE.model == "PresenceEventUserPresence"


def test_events_decode_into_the_topics_models(sdk):
    models = sdk.topics.topic_models()
    body = b'{"source": "PURECLOUD", "presenceDefinition": {"id": "p1", "systemPresence": "Available"}, "primary": true}'
    presence, error = models.decode("v2.users.u-1.presence", body)
    assert type(presence).__name__ == "PresenceEventUserPresence" and error is None
    assert presence.presence_definition.system_presence == "Available"
    routing, _ = models.decode("v2.users.u-1.routingStatus", b'{"routingStatus": {"status": "IDLE"}}')
    assert type(routing).__name__ == "UserRoutingStatusUserRoutingStatus"
    assert routing.routing_status.status == "IDLE"
    assert models is sdk.topics.topic_models() and len(models) == len(sdk.topics.TOPIC_MODELS)
    # a topic whose schema has no model here, and one the map does not know, stay dicts
    assert "v2.users.{id}.callforwarding" not in sdk.topics.TOPIC_MODELS
    assert models.decode("v2.users.u-1.agentassistant.suggestions", b'{"a": 1}') == ({"a": 1}, None)
    assert models.decode("v2.users.u-1.callforwarding", b'{"a": 1}') == ({"a": 1}, None)
    assert models.decode("v2.nobody.knows", b'{"a": 1}') == ({"a": 1}, None)
    # a body that does not fit its model is kept as JSON, not raised
    data, error = models.decode("v2.users.u-1.presence", b'{"primary": {"not": "a bool"}}')
    assert data == {"primary": {"not": "a bool"}} and "PresenceEventUserPresence" in error


def test_the_channel_default_map_is_the_generated_one(sdk):
    from importlib import import_module

    default = import_module(f"{PACKAGE}._topics").default_topic_models()
    assert default.type_for("v2.users.u-1.station") == "UserStationChangeTopicUserStations"


def test_fetch_completes_the_map_once_per_client(sdk, tmp_path):
    requests = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(200, json={"entities": [
            {"id": "v2.users.{id}.presence", "schema": {"id": "urn:x:Whatever"}},  # known: keeps its model
            {"id": "v2.users.{id}.greetings.extra", "schema": {"title": "UserGreetingEventGreeting"}},
            {"id": "v2.brand.new.{id}"},
        ]})

    client = sdk.ApiClient(host="https://api.example.test", access_token="t", transport=httpx.MockTransport(handler))
    models = sdk.topics.fetch_topic_models(client, cache_file=tmp_path / "topics.json")
    assert sdk.topics.fetch_topic_models(client) is not None and len(requests) == 1
    assert requests[0].url.params.get_list("expand") == ["schema"]
    assert models.type_for("v2.users.x.presence") == "PresenceEventUserPresence"
    assert models.type_for("v2.users.x.greetings.extra") == "UserGreetingEventGreeting"
    assert models.type_for("v2.brand.new.1") is None
    assert "v2.users.{id}.routingStatus" in models.mapping  # the generated map is kept


def test_async_fetch(sdk, tmp_path):
    import asyncio

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"entities": [{"id": "v2.only.async.{id}", "schema": {"title": "UserGreetingEventGreeting"}}]})

    async def main():
        async with sdk.AsyncApiClient(host="https://api.example.test", access_token="t",
                                      transport=httpx.MockTransport(handler)) as client:
            return await sdk.topics.afetch_topic_models(client)

    models = asyncio.run(main())
    assert models.type_for("v2.only.async.1") == "UserGreetingEventGreeting"


@pytest.mark.slow
def test_shipped_specs_features():
    """Platform: topics, no guest chat; Guest Chat: guest chat, no topics."""
    from generator.pipeline import settings_for
    from generator.config import load_config

    config = load_config(ROOT / "sdkgen.yaml")
    for name, expected in (("platform", {"notification_topics"}), ("guest-chat", {"guest_chat"})):
        target = config.targets[name]
        api = build_api(load_spec(target.spec), Diagnostics())
        assert features(api, settings_for(target, "1.0.0")) == expected
