"""Notification topics: the runtime's Topic and availabletopics parsing (fetch, caches), the
generator's availabletopics reader and sdkgen.yaml option, and the helper names.
(The topic -> model map itself, ``_topics.TopicModels``, has its tests with the channel.)"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from generator.config import load_config
from generator.diagnostics import SpecError
from generator.naming import topic_function_names, topic_parameter_names
from generator.runtime._topic_names import (
    NotificationTopic,
    TopicPatternError,
    fetch_topic_models,
    parse_available_topics,
    schema_model_names,
    topic_parameters,
)
from generator.topics import load_available_topics

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "specs" / "platform-availabletopics.json"


# --- Topic ---------------------------------------------------------------------------------


def test_topic_formats_by_position_and_by_name():
    presence = NotificationTopic("v2.users.{id}.presence")
    assert presence.parameters == ("id",)
    assert presence.format("8c1f") == "v2.users.8c1f.presence"
    assert presence.format(id="8c1f") == "v2.users.8c1f.presence"
    export = NotificationTopic("v2.users.{id}.outbound.contactlists.{id}.export")
    assert export.format("u1", "l1") == "v2.users.u1.outbound.contactlists.l1.export"
    with pytest.raises(TypeError, match="repeat"):
        export.format(id="u1")


@pytest.mark.parametrize("value", ["a.b", "", "x y", "{id}", 12])
def test_topic_refuses_values_that_are_not_one_segment(value):
    with pytest.raises(ValueError, match="one topic segment"):
        NotificationTopic("v2.users.{id}.presence").format(value)


def test_topic_counts_and_names_values():
    presence = NotificationTopic("v2.users.{id}.presence")
    with pytest.raises(TypeError, match="takes 1 value"):
        presence.format()
    with pytest.raises(TypeError, match="unknown placeholder"):
        presence.format(id="a", user="b")
    with pytest.raises(TypeError, match="not both"):
        presence.format("a", id="b")


@pytest.mark.parametrize("pattern", ["", "v2..x", "v2.{a.b}", "v2.users.{}.x", "v2.a{id}", "v2.users.{id}x"])
def test_bad_patterns_are_refused(pattern):
    with pytest.raises(TopicPatternError):
        NotificationTopic(pattern)


def test_topic_match():
    presence = NotificationTopic("v2.users.{id}.presence")
    assert presence.match("v2.users.abc.presence") == ("abc",)
    assert presence.match("v2.users.abc.routingStatus") is None
    assert presence.match("v2.users.presence") is None
    assert topic_parameters("v2.a.{x}.b.{y}") == ("x", "y")


def test_a_topic_is_its_pattern_string():
    import pickle

    topic = NotificationTopic("v2.users.{id}.presence", "PresenceEventUserPresence")
    assert topic == "v2.users.{id}.presence" and isinstance(topic, str)
    assert topic.split(".") == ["v2", "users", "{id}", "presence"]
    assert {topic: 1}["v2.users.{id}.presence"] == 1
    again = pickle.loads(pickle.dumps(topic))
    assert again.model == "PresenceEventUserPresence" and again.format("x") == "v2.users.x.presence"


# --- availabletopics -----------------------------------------------------------------------


def test_schema_names_from_title_and_urn():
    assert schema_model_names({"title": "PresenceEventUserPresence"}) == ("PresenceEventUserPresence",)
    assert schema_model_names({"id": "urn:jsonschema:com:inin:events:PresenceEvent:UserPresence"}) == (
        "UserPresence",
        "PresenceEventUserPresence",
    )
    assert schema_model_names(None) == ()


def test_parse_available_topics_matches_notification_models_only():
    response = {
        "entities": [
            # "UserPresence" is a definition too, but not a notification schema: skipped
            {"id": "v2.users.{id}.presence", "schema": {"id": "urn:x:PresenceEvent:UserPresence"}},
            {"id": "v2.users.{id}.station", "schema": {"title": "UnknownEvent"}},
            {"id": "v2.users.{id}.callforwarding"},
            {"id": "not a {pattern"},
            "junk",
        ]
    }
    parsed = parse_available_topics(response, {"PresenceEventUserPresence": "PresenceEventUserPresence"})
    assert parsed == {
        "v2.users.{id}.presence": "PresenceEventUserPresence",
        "v2.users.{id}.station": None,
        "v2.users.{id}.callforwarding": None,
    }


def test_fetched_once_per_client_and_cached_in_a_file(tmp_path):
    calls = []

    def fetch():
        calls.append(1)
        return {"entities": [{"id": "v2.a.{id}", "schema": {"title": "A"}}]}

    class Client:
        pass

    client, cache = Client(), tmp_path / "cache" / "topics.json"
    first = fetch_topic_models(fetch, {"A": "ClassA"}, cache_key=client, cache_file=cache)
    again = fetch_topic_models(fetch, {"A": "ClassA"}, cache_key=client, cache_file=cache)
    assert first == again == {"v2.a.{id}": "ClassA"} and len(calls) == 1
    # another process (no in-memory entry): the file answers
    from_file = fetch_topic_models(fetch, {"A": "ClassA"}, cache_key=Client(), cache_file=cache)
    assert from_file == first and len(calls) == 1
    # a stale or broken file is refetched and rewritten
    cache.write_text("{broken")
    assert fetch_topic_models(fetch, {"A": "ClassA"}, cache_file=cache) == first and len(calls) == 2
    assert json.loads(cache.read_text())["topics"] == first
    assert fetch_topic_models(fetch, {"A": "ClassA"}, cache_file=cache, max_age=-1) == first and len(calls) == 3


def test_cache_file_under_home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    fetch_topic_models(lambda: {"entities": [{"id": "v2.a"}]}, {}, cache_file="~/.cache/topics.json")
    assert json.loads((tmp_path / ".cache" / "topics.json").read_text())["topics"] == {"v2.a": None}


# --- the fixture and its reader ------------------------------------------------------------


def test_fixture_reads_and_names_real_notification_definitions():
    topics = load_available_topics(FIXTURE)
    assert len(topics) >= 30
    assert [t.pattern for t in topics] == sorted(t.pattern for t in topics)
    by_pattern = {t.pattern: t for t in topics}
    assert "PresenceEventUserPresence" in by_pattern["v2.users.{id}.presence"].schema_names
    assert by_pattern["v2.users.{id}.callforwarding"].schema_names == ()


def test_reader_errors_are_located(tmp_path):
    bad = tmp_path / "topics.json"
    bad.write_text('{\n  "entities": [\n    {"id": "v2.users.{id}.presence"},\n    {"id": "v2..x"},\n'
                   '    {"description": "no id"},\n    {"id": "v2.users.{id}.presence"}\n  ]\n}\n')
    with pytest.raises(SpecError) as caught:
        load_available_topics(bad)
    found = [(d.pointer, d.line) for d in caught.value.diagnostics]
    assert found == [("/entities/1/id", 4), ("/entities/2", 5), ("/entities/3/id", 6)]
    assert all(d.source == str(bad) for d in caught.value.diagnostics)
    bad.write_text("[1,")
    with pytest.raises(SpecError) as caught:
        load_available_topics(bad)
    assert caught.value.diagnostics.items[0].code == "invalid-json"
    bad.write_text('{"topics": []}')
    with pytest.raises(SpecError) as caught:
        load_available_topics(bad)
    assert "entities" in caught.value.diagnostics.items[0].message


def test_config_option_resolves_relative_to_the_file(tmp_path):
    (tmp_path / "sdkgen.yaml").write_text(
        "targets:\n  t:\n    spec: s.json\n    package: p\n    output: out\n    notification_topics: topics/a.json\n"
    )
    target = load_config(tmp_path / "sdkgen.yaml").targets["t"]
    assert target.notification_topics == str((tmp_path / "topics" / "a.json").resolve())
    (tmp_path / "sdkgen.yaml").write_text(
        "targets:\n  t:\n    spec: s.json\n    package: p\n    output: out\n    notification_topics: [a]\n"
    )
    with pytest.raises(SpecError, match="notification_topics"):
        load_config(tmp_path / "sdkgen.yaml")
    assert load_config(ROOT / "sdkgen.yaml").targets["platform"].notification_topics == str(FIXTURE)


def test_helper_names():
    assert topic_function_names(["v2.users.{id}.routingStatus", "v2.flows", "v2.flows.{id}"]) == {
        "v2.flows": "flows",
        "v2.flows.{id}": "flows_by_id",
        "v2.users.{id}.routingStatus": "users_routing_status",
    }
    assert topic_parameter_names("v2.users.{id}.outbound.contactlists.{id}.export") == ("users_id", "contactlists_id")
    assert topic_parameter_names("v2.a.{userId}.b.{class}") == ("user_id", "class_")
