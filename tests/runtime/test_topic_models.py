"""TopicModels and topic patterns (_topics.py): which model a topic's body decodes to."""

from __future__ import annotations

import pytest


@pytest.fixture
def topics(rtpkg):
    import importlib

    return importlib.import_module("rtpkg._topics")


def test_patterns_match_one_segment_per_placeholder(topics):
    assert topics.topic_matches("v2.users.{id}.presence", "v2.users.42.presence")
    assert topics.topic_matches("v2.users.*.presence", "v2.users.42.presence")
    assert not topics.topic_matches("v2.users.{id}.presence", "v2.users.4.2.presence")
    assert not topics.topic_matches("v2.users.{id}.presence", "v2.users.42.presence.x")
    assert topics.topic_matches("v2.system.socket_closing", "v2.system.socket_closing")


def test_literal_topics_win_then_patterns_in_order(topics):
    patterns = topics.TopicPatterns(
        [
            ("v2.users.{id}.presence", "A"),
            ("v2.users.me.presence", "B"),
            ("v2.*.*.presence", "C"),
        ]
    )
    assert patterns.lookup("v2.users.me.presence") == "B"
    assert patterns.lookup("v2.users.7.presence") == "A"
    assert patterns.lookup("v2.groups.7.presence") == "C"
    assert patterns.lookup("v2.groups.7.other", "none") == "none"
    assert patterns.all_matches("v2.users.me.presence") == ["A", "B", "C"]


def test_decode_gives_the_model_plain_json_or_the_reason(rtpkg, topics):
    models = topics.TopicModels({"v2.users.{id}.presence": "User"})
    assert models.type_for("v2.users.1.presence") == "User"
    assert models.type_for("v2.unknown") is None
    user, error = models.decode("v2.users.1.presence", b'{"id": "1", "name": "Ann"}')
    assert isinstance(user, rtpkg.User) and user.name == "Ann" and error is None
    plain, error = models.decode("v2.unknown", b'{"a": [1]}')
    assert plain == {"a": [1]} and error is None
    misfit, error = models.decode("v2.users.1.presence", b'{"id": 5}')
    assert misfit == {"id": 5} and "not a valid User" in error
    broken, error = models.decode("v2.unknown", b"{")
    assert broken is None and "not JSON" in error
    missing = topics.TopicModels({"v2.x": "NoSuchModel"})
    data, error = missing.decode("v2.x", b"{}")
    assert data == {} and "NoSuchModel" in error


def test_building_a_mapping_imports_no_model(rtpkg, topics):
    import sys

    before = {name for name in sys.modules if name.startswith("rtpkg.models")}
    topics.TopicModels({f"v2.t{n}.{{id}}": "User" for n in range(2000)})
    assert {name for name in sys.modules if name.startswith("rtpkg.models")} == before
